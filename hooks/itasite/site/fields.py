"""What every field of the downloads holds, in both languages, and which fields are this site's own.

A reuser must be able to tell the report's and the NACC's figures from what the site adds: its grouping of
measures under indicators, its English, the exact dates it gives the report's months, the figures it works out
and the identifiers it names things by. The words are in the locales (`field_*`); this module only says which
key describes a field and which mark it carries. The same descriptions go into the JSON Schema of ita-data.json,
the table schemas of datapackage.json and the field tables of the downloads page. A field with no description
stops the build (the locale raises), so a new column cannot be published undescribed.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from markupsafe import Markup

from .locale import Locale, as_text

# The site's own fields: the mark each carries (field_ours_<mark>). A key is a CSV column or a JSON field's name,
# or "<object>.<name>" for one object's field of the JSON. Every *_en column and every English text is the site's
# translation (below), and every identifier is the site's.
OURS = {
    "indicators": "grouping",
    "measure.indicators": "grouping",
    "period_start": "period",
    "period_end": "period",
    "measure.period": "period",
    "period.start": "period",
    "period.end": "period",
    "total_computed": "computed",
    "change": "computed",
    "year_ce": "computed",
    "toolresult.average": "computed",
    "indicator.description": "summary",
    "toolinfo.description": "summary",
    "id": "id",
    "scheme": "id",
    "level": "id",
    "indicator_set": "id",
    "en": "translation",
    "signature.name_en": "translation",
}


def describe(name: str, locale: Locale, model: str | None = None) -> Markup:
    """What the field `name` (of the JSON object `model`, or a CSV column) holds, in `locale`'s language, with
    the mark of the site's own fields: "ITA indicators the measure relates to (site's grouping, not in the
    report)"."""
    own = f"{model.lower()}.{name}" if model else ""
    if own and f"field_{own}" in locale.strings:  # the object's own description, and its own mark if any
        text, mark = locale.t(f"field_{own}"), OURS.get(own)
    elif model or f"field_{name}" in locale.strings:
        text, mark = locale.t(f"field_{name}"), OURS.get(name)
    else:  # a CSV column in one language: its base name's description, said in which language
        base, lang = name.rpartition("_")[::2]
        text = locale.t(f"field_lang_{lang}", description=locale.t(f"field_{base}"))
        mark = "translation" if lang == "en" else None
    return locale.t("field_marked", description=text, mark=locale.t(f"field_ours_{mark}")) if mark else text


def both(name: str, locales: Sequence[Locale], model: str | None = None) -> str:
    """The description in every language, Thai first, one per line: a catalogue file has one text for both."""
    return "\n".join(as_text(describe(name, locale, model)) for locale in locales)  # plain text: JSON


def columns(content: bytes) -> list[str]:
    """The column names of a CSV file, from its header row."""
    return next(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def describe_schema(schema: dict[str, Any], locales: Sequence[Locale], root: str) -> dict[str, Any]:
    """The JSON Schema with a description of every property of every object, in both languages; `root` names
    the top object (the schema's own properties)."""
    for model, node in [(root, schema), *schema.get("$defs", {}).items()]:
        for name, prop in node.get("properties", {}).items():
            prop["description"] = both(name, locales, model)
    return schema


def field_table(name: str, content: bytes, locale: Locale) -> list[tuple[str, str]]:
    """The rows of a download's field table on the downloads page, in the page's language: a CSV's columns, or,
    for a JSON Schema, every field of every object of the file it describes ("Measure.indicators")."""
    if name.endswith(".csv"):
        return [(column, describe(column, locale)) for column in columns(content)]
    schema = json.loads(content)
    root = schema.get("title", "")
    return [
        (f"{model}.{field}" if model != root else field, describe(field, locale, model))
        for model, node in [(root, schema), *schema.get("$defs", {}).items()]
        for field in node.get("properties", {})
    ]
