"""The example texts of a new agency's folder, which must never reach a published site.

`python -m itasite new` writes the files of `blank/` with example values where the agency's own go (its name,
its units, a measure's title and steps). The values below are those examples, and this table is the one
place that knows them: every file the data load reads is searched for them, so `check`, `build` and `serve`
all refuse a folder that still holds one, each at its file, line and field, with what to write instead.
The workbook template's example row is refused by its title. `tests/test_examples.py` fails when `blank/`
holds a value this table neither lists nor knows as real.
"""

from __future__ import annotations

from collections.abc import Iterator

from .problems import Message, Problem, message, problem_at
from .yamlfile import FieldPath, YamlDocument

# The title of the example row of the workbook template (`python -m itasite template`), as an import reads it
TEMPLATE_EXAMPLE_TITLE = "(ตัวอย่าง) มาตรการเผยแพร่ข้อมูลต่อสาธารณะทางเว็บไซต์"
# an example value of blank/ -> the code (messages/*.yml) of what to write in its place
EXAMPLES: dict[str, str] = {
    "หน่วยงานตัวอย่าง": "example_agency_name",
    "Example Agency": "example_agency_name",
    "อำเภอตัวอย่าง": "example_district",
    "จังหวัดตัวอย่าง": "example_province",
    "https://www.example.org/": "example_website",
    "www.example.org": "example_contact",
    "0 0000 0000": "example_contact",
    "example-unit": "example_unit_id",
    "ชื่อสำนัก กอง หรืองานตามที่พิมพ์ในรายงาน": "example_unit_name",
    "Name of the office as the report prints it": "example_unit_name",
    "01-example-measure": "example_measure_id",
    "ชื่อมาตรการตามที่พิมพ์ในรายงาน": "example_measure_title",
    "ขั้นตอนที่หนึ่ง": "example_step",
    "ผลการดำเนินการข้อที่หนึ่ง": "example_output",
    "ผลลัพธ์ข้อที่หนึ่ง": "example_outcome",
    "ย่อหน้าแรกของรายงาน": "example_intro",
}
TEMPLATE_EXAMPLES = {TEMPLATE_EXAMPLE_TITLE: "example_template_row"}  # the same for the workbook template


def texts(value: object, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    """Every text in a parsed file, with the field path it stands at."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from texts(item, (*path, index))


def advice(value: str) -> Message | None:
    """What to write in place of `value` when it is still an example, else None."""
    code = EXAMPLES.get(value.strip()) or TEMPLATE_EXAMPLES.get(value.strip())
    return message(code) if code else None


def example_problems(file: str, doc: YamlDocument) -> list[Problem]:
    """A problem at every text of one parsed file that is still an example of the new-agency folder."""
    return [
        problem_at(file, doc, path, message("example_text"), found)
        for path, value in texts(doc.data)
        if (found := advice(value)) is not None
    ]
