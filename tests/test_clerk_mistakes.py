"""The mistakes a clerk makes, each said once, in Thai unless English is asked for, with the values that would
be right, and all of them in one run of the real check: a clerk who fixes what one run lists is done."""

from __future__ import annotations

import ast
import contextlib
import io
import re
from pathlib import Path

import pytest
import yaml
from support.build import PROJECT
from support.data import replace

from itasite import cli
from itasite.data.messages import TABLES
from itasite.data.models import PATTERN_MESSAGES
from itasite.data.problems import PLAIN_MESSAGES

# (what the clerk did, file under data/, text before, text after, the Thai line, the English line)
MISTAKES = [
    ('unknown field', 'measures/2568/01-service-standards.yml', 'year: 2568\n', 'year: 2568\nowner: สำนักปลัด\n', 'data/measures/2568/01-service-standards.yml:5:1: owner: ไม่รู้จักช่องนี้ ให้ตรวจการสะกดชื่อช่อง ช่องที่ใช้ได้ตรงนี้: id, indicators, number, outcomes, outputs, period, steps, title, units, year', 'data/measures/2568/01-service-standards.yml:5:1: owner: unknown field; check its spelling; allowed here: id, indicators, number, outcomes, outputs, period, steps, title, units, year'),
    ('title with English only', 'measures/2568/13-no-gift-policy.yml', '  th: มาตรการ No Gift Policy\n', '  # th: มาตรการ No Gift Policy\n', 'data/measures/2568/13-no-gift-policy.yml:8:3: title.th: ต้องกรอกช่องนี้', 'data/measures/2568/13-no-gift-policy.yml:8:3: title.th: this field is required'),
    ('number left out', 'measures/2568/02-ethics-code.yml', 'number: 2\n', '# number: 2\n', 'data/measures/2568/02-ethics-code.yml:3:1: number: ต้องกรอกช่องนี้', 'data/measures/2568/02-ethics-code.yml:3:1: number: this field is required'),
    ('empty units', 'measures/2568/02-ethics-code.yml', 'units: [personnel]', 'units: []', 'data/measures/2568/02-ethics-code.yml:9:8: units: รายการนี้ว่างอยู่ ต้องมีอย่างน้อยหนึ่งข้อ', 'data/measures/2568/02-ethics-code.yml:9:8: units: this list is empty'),
    ('indicator as an OIT item number', 'measures/2568/03-budget-transparency.yml', 'indicators: [2, 9]', 'indicators: [2, 10.2]', 'data/measures/2568/03-budget-transparency.yml:13:17: indicators[1]: ต้องเป็นจำนวนเต็ม (ที่เขียนไว้คือ 10.2)', 'data/measures/2568/03-budget-transparency.yml:13:17: indicators[1]: must be a whole number (got 10.2)'),
    ('unknown unit', 'measures/2568/04-personnel-transparency.yml', 'units: [personnel]', 'units: [personnel, treasury]', 'data/measures/2568/04-personnel-transparency.yml:9:20: units[1]: ไม่รู้จักหน่วยงาน treasury หน่วยงานที่มีใน units.yml: administration (งานธุรการ), all-divisions (ทุกสำนัก/กอง), clerk-office (สำนักปลัด), finance (กองคลัง), internal-audit (งานตรวจสอบภายใน), personnel (งานการเจ้าหน้าที่)', "data/measures/2568/04-personnel-transparency.yml:9:20: units[1]: unknown unit 'treasury'; known units: administration (General Administration Section), all-divisions (All offices and divisions), clerk-office (Office of the Municipal Clerk), finance (Finance Division), internal-audit (Internal Audit Section), personnel (Personnel Section)"),
    ('id not the file name', 'measures/2568/05-government-property.yml', 'id: 05-government-property', 'id: 05-property', 'data/measures/2568/05-government-property.yml:3:5: id: id ต้องตรงกับชื่อไฟล์: 05-government-property', "data/measures/2568/05-government-property.yml:3:5: id: the id must match the file name: '05-government-property'"),
    ('B.E. date', 'measures/2568/06-conflict-of-interest.yml', '  start: 2024-10-01', '  start: 2567-10-01', 'data/measures/2568/06-conflict-of-interest.yml:11:10: period.start: วันที่ 2567-10-01 อยู่นอกปีงบประมาณ 2568 (1 ตุลาคม 2567 – 30 กันยายน 2568 คือ 2024-10-01 ถึง 2025-09-30) ให้เขียนวันที่เป็นปี ค.ศ.-เดือน-วัน เช่น 2024-10-01', 'data/measures/2568/06-conflict-of-interest.yml:11:10: period.start: 2567-10-01 is outside fiscal year 2568 (2024-10-01 to 2025-09-30); write dates in C.E., for example 2024-10-01'),
    ('number in words', 'measures/2568/07-anti-corruption-action-plan.yml', 'number: 7', 'number: seven', "data/measures/2568/07-anti-corruption-action-plan.yml:5:9: number: ต้องเป็นจำนวนเต็ม (ที่เขียนไว้คือ 'seven')", "data/measures/2568/07-anti-corruption-action-plan.yml:5:9: number: must be a whole number (got 'seven')"),
    ('indicator 11', 'measures/2568/08-internal-audit.yml', 'indicators: [5, 10]', 'indicators: [5, 11]', 'data/measures/2568/08-internal-audit.yml:13:17: indicators[1]: ไม่มีตัวชี้วัดที่ 11 ในชุดตัวชี้วัดของปี 2563 เป็นต้นไป ใน data/indicators.yml (มีตัวชี้วัดที่ 1–10)', 'data/measures/2568/08-internal-audit.yml:13:17: indicators[1]: there is no indicator 11 in the indicators of 2563 onward in data/indicators.yml (there are 1–10)'),
    ('period backwards', 'measures/2568/09-online-services.yml', '  start: 2024-10-01\n  end: 2025-09-30', '  start: 2025-09-30\n  end: 2024-10-01', 'data/measures/2568/09-online-services.yml:12:8: period.end: วันสิ้นสุดอยู่ก่อนวันเริ่มต้น', 'data/measures/2568/09-online-services.yml:12:8: period.end: the period ends before it starts'),
    ('duplicate key', 'measures/2568/10-contact-channels.yml', 'number: 10\n', 'number: 10\nnumber: 11\n', 'data/measures/2568/10-contact-channels.yml:6:1: ชื่อช่อง number ซ้ำ (มีแล้วที่บรรทัด 5)', "data/measures/2568/10-contact-channels.yml:6:1: duplicate key 'number' (first given on line 5)"),
    ('empty Thai title', 'measures/2568/11-satisfaction-survey.yml', '  th: รายงานผลการสำรวจความพึงพอใจการให้บริการ\n', "  th: ''\n", 'data/measures/2568/11-satisfaction-survey.yml:7:7: title.th: ข้อความนี้ว่างอยู่', 'data/measures/2568/11-satisfaction-survey.yml:7:7: title.th: this text is empty'),
    ('unit id in capitals', 'measures/2568/12-website-disclosure.yml', 'units: [clerk-office]', 'units: [Clerk-Office]', "data/measures/2568/12-website-disclosure.yml:9:9: units[0]: ต้องเป็นอักษรอังกฤษตัวเล็ก ตัวเลข และขีดกลางคั่นคำ (เช่น service-standards) (ที่เขียนไว้คือ 'Clerk-Office')", "data/measures/2568/12-website-disclosure.yml:9:9: units[0]: must be lowercase letters, digits and single hyphens (for example service-standards) (got 'Clerk-Office')"),
    ('date written in Thai', 'measures/2568/13-no-gift-policy.yml', '  end: 2025-09-30', '  end: 30 กันยายน 2568', "data/measures/2568/13-no-gift-policy.yml:12:8: period.end: ต้องเป็นวันที่แบบ ปี ค.ศ.-เดือน-วัน เช่น 2024-10-01 (1 ตุลาคม 2567) (ที่เขียนไว้คือ '30 กันยายน 2568')", "data/measures/2568/13-no-gift-policy.yml:12:8: period.end: must be a date written YYYY-MM-DD (C.E.), for example 2024-10-01 (got '30 กันยายน 2568')"),
    ('indicators not a list', 'measures/2568/14-corruption-risk-plan.yml', 'indicators: [5, 10]', 'indicators: 5', 'data/measures/2568/14-corruption-risk-plan.yml:13:13: indicators: ต้องเป็นรายการ เขียนบรรทัดละข้อ ขึ้นต้นด้วย "- " (ที่เขียนไว้คือ 5)', "data/measures/2568/14-corruption-risk-plan.yml:13:13: indicators: must be a list (lines starting with '- ') (got 5)"),
    ('number not the file name', 'measures/2568/15-integrity-transparency.yml', 'number: 15', 'number: 16', 'data/measures/2568/15-integrity-transparency.yml:5:9: number: ชื่อไฟล์ต้องขึ้นต้นด้วยลำดับที่ของมาตรการเป็นเลขสองหลัก: 16-...', 'data/measures/2568/15-integrity-transparency.yml:5:9: number: the file name must start with the measure number as two digits: 16-...'),
    ('score above 100', 'results/2568.yml', '  6: 98.57', '  6: 198.57', 'data/results/2568.yml:9:6: scores[6]: ต้องไม่เกิน 100 (ที่เขียนไว้คือ 198.57)', 'data/results/2568.yml:9:6: scores[6]: input should be less than or equal to 100 (got 198.57)'),
    ('stated level as printed but wrong', 'results/2567.yml', 'level: good', 'level: ผ่าน', 'data/results/2567.yml:16:10: stated.level: รายงานระบุระดับ ผ่าน แต่คะแนนได้ระดับ ผ่านดี', "data/results/2567.yml:16:10: stated.level: the report states 'ผ่าน' but the scores give 'Good'"),
    ('website without https', 'agency.yml', 'website: https://www.muangpan.go.th/', 'website: www.muangpan.go.th', "data/agency.yml:11:10: website: ลิงก์ต้องขึ้นต้นด้วย http://, https://, mailto:, tel: อย่างใดอย่างหนึ่ง (ที่เขียนไว้คือ 'www.muangpan.go.th')", "data/agency.yml:11:10: website: a link must start with one of http://, https://, mailto:, tel: (got 'www.muangpan.go.th')"),
    ('logo with a space', 'agency.yml', '# The agency that publishes this site. Contact channels are those the report lists (measure 10).\n', 'logo: my logo.jpg\n', "data/agency.yml:1:7: logo: ต้องเป็นชื่อไฟล์ .svg หรือ .png ที่อยู่ข้างไฟล์ agency.yml ไม่มีช่องว่าง (เช่น logo.svg) (ที่เขียนไว้คือ 'my logo.jpg')", "data/agency.yml:1:7: logo: must be the name of an .svg or .png file beside agency.yml, without spaces (for example logo.svg) (got 'my logo.jpg')"),
    ('colour by name', 'agency.yml', 'en: Web board (Q&A)}\n    value: www.muangpan.go.th\n    url: https://www.muangpan.go.th/\n', 'en: Web board (Q&A)}\n    value: www.muangpan.go.th\n    url: https://www.muangpan.go.th/\ncolors: {primary: green}\n', "data/agency.yml:31:19: colors.primary: ต้องเป็นรหัสสีแบบ # ตามด้วยเลขฐานสิบหกหกหลัก เช่น #1b5e20 (ที่เขียนไว้คือ 'green')", "data/agency.yml:31:19: colors.primary: must be a colour written # and six hexadecimal digits, for example #1b5e20 (got 'green')"),
    ('unknown contact kind', 'agency.yml', '  - kind: facebook', '  - kind: fb', "data/agency.yml:19:11: contacts[1].kind: ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: 'website', 'facebook', 'line', 'phone', 'webboard', 'email' (ที่เขียนไว้คือ 'fb')", "data/agency.yml:19:11: contacts[1].kind: input should be 'website', 'facebook', 'line', 'phone', 'webboard' or 'email' (got 'fb')"),
    ('unit given twice', 'units.yml', '  - id: clerk-office\n', '  - id: finance\n    name: {th: กองคลัง}\n  - id: clerk-office\n', 'data/units.yml:9:9: units[3].id: finance ซ้ำกับที่มีแล้วในบรรทัด 7 ใส่ได้ครั้งเดียว', "data/units.yml:9:9: units[3].id: 'finance' is given more than once (first on line 7)"),
    ('memo date in words', 'reports/2568.yml', '  date: 2025-10-06', '  date: 6 ตุลาคม 2568', "data/reports/2568.yml:18:9: memo.date: ต้องเป็นวันที่แบบ ปี ค.ศ.-เดือน-วัน เช่น 2024-10-01 (1 ตุลาคม 2567) (ที่เขียนไว้คือ '6 ตุลาคม 2568')", "data/reports/2568.yml:18:9: memo.date: must be a date written YYYY-MM-DD (C.E.), for example 2024-10-01 (got '6 ตุลาคม 2568')"),
    ('report of another year', 'reports/2568.yml', 'year: 2568', 'year: 2569', 'data/reports/2568.yml:2:7: year: ไฟล์ชื่อ 2568.yml แต่ข้อมูลเป็นของปี 2569 ให้ตั้งชื่อไฟล์เป็น 2569.yml', 'data/reports/2568.yml:2:7: year: the file is named 2568.yml but holds year 2569; name it 2569.yml'),
]  # fmt: skip


def check(data: Path, *options: str) -> tuple[int, list[str]]:
    """Run the real `check` command in-process; its status and the lines it wrote about problems."""
    errors = io.StringIO()
    with contextlib.redirect_stderr(errors), contextlib.redirect_stdout(io.StringIO()):
        status = cli.main(["check", str(data), *options])
    return status, errors.getvalue().splitlines()


def damage(data: Path, rows: list[tuple[str, ...]]) -> None:
    """Make the clerks' mistakes of `rows` in a copy of the data."""
    for _, file, old, new, *_ in rows:
        replace(old, new)(data / file)


def test_the_table_holds_at_least_25_mistakes():
    assert len(MISTAKES) >= 25 and len({row[0] for row in MISTAKES}) == len(MISTAKES)


@pytest.mark.parametrize("row", MISTAKES, ids=[row[0] for row in MISTAKES])
def test_a_mistake_is_said_once_in_thai_and_in_english_on_request(row, data_copy, monkeypatch):
    damage(data_copy, [row])
    monkeypatch.delenv("ITA_LANG", raising=False)
    assert check(data_copy) == (1, [row[4], "พบปัญหา 1 จุดในข้อมูล จึงยังไม่เผยแพร่"])
    assert check(data_copy, "--lang", "en") == (1, [row[5], "1 problem in the data; nothing was published."])


@pytest.mark.parametrize("lang", ["th", "en"])
def test_one_run_lists_every_mistake_and_nothing_else(lang, data_copy):
    damage(data_copy, MISTAKES)
    status, lines = check(data_copy, "--lang", lang)
    expected = sorted(row[4 if lang == "th" else 5] for row in MISTAKES)
    assert status == 1 and sorted(lines[:-1]) == expected
    assert lines[-1].startswith(f"พบปัญหา {len(MISTAKES)} จุด" if lang == "th" else f"{len(MISTAKES)} problems")


def test_the_environment_chooses_english(data_copy, monkeypatch):
    damage(data_copy, MISTAKES[:1])
    monkeypatch.setenv("ITA_LANG", "en")
    assert check(data_copy)[1][0] == MISTAKES[0][5]


@pytest.mark.parametrize(
    ("written", "damage_done"),
    [
        ("a level as the report prints it", replace("level: excellent", "level: ผ่านดีเยี่ยม")),
        ("a level in English words", replace("level: excellent", "level: Excellent")),
        (
            "a title as one line of Thai",
            replace(
                "title:\n  th: มาตรการ No Gift Policy\n  en: No Gift Policy measure\n",
                "title: มาตรการ No Gift Policy\n",
            ),
        ),
    ],
)
def test_data_written_as_the_report_prints_it_is_accepted(written, damage_done, data_copy):
    target = "results/2568.yml" if "level" in written else "measures/2568/13-no-gift-policy.yml"
    damage_done(data_copy / target)
    status, lines = check(data_copy, "--lang", "en")
    assert status == 0 and not lines


def table(lang: str) -> dict[str, str]:
    """One language's message table as written."""
    return yaml.safe_load((TABLES / f"{lang}.yml").read_text(encoding="utf-8"))


def placeholders(text: str) -> set[str]:
    """The names a message text fills in."""
    return {match.split("!")[0].split(":")[0] for match in re.findall(r"\{([^{}]+)\}", text)}


def test_both_languages_have_every_message_with_the_same_placeholders():
    th, en = table("th"), table("en")
    assert th.keys() == en.keys()
    assert {code: placeholders(text) for code, text in th.items()} == {code: placeholders(en[code]) for code in th}


CODE_CALLS = {"problem": 1, "message": 0, "YamlProblem": 2, "PydanticCustomError": 0}  # call -> argument with a code


def codes_in_source() -> set[str]:
    """Every message code the package passes as a literal where a problem is made."""
    codes = set()
    for path in (PROJECT / "hooks/itasite").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "attr", getattr(node.func, "id", ""))
                position = CODE_CALLS.get(name)
                if position is not None and len(node.args) > position:
                    argument = node.args[position]
                    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                        codes.add(argument.value.removeprefix("ita_"))
    return codes


def test_every_problem_the_checks_can_raise_has_words_in_both_languages():
    found = codes_in_source()
    assert len(found) > 35  # the scan finds the calls; an empty set would pass anything
    codes = found | PLAIN_MESSAGES | set(PATTERN_MESSAGES.values()) | {"report_one", "report_many", "ready"}
    assert not codes - table("th").keys() and not codes - table("en").keys(), codes - table("th").keys()
