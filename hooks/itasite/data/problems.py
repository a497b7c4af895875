"""Problems found in data files, said the way a clerk can act on them.

Every problem names the file, line, column and field: `data/x.yml:12:5: outputs[2].th: message`.
All problems of a run are gathered and reported together.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .messages import Bilingual, say
from .models import PATTERN_MESSAGES
from .yamlfile import FieldPath, YamlDocument

# pydantic error types whose own wording is too technical for a clerk: each has its words in messages/*.yml.
PLAIN_MESSAGES = {
    "missing", "extra_forbidden", "string_too_short", "string_too_long", "too_short", "int_type", "int_parsing",
    "decimal_parsing", "decimal_type", "decimal_max_places", "date_from_datetime_parsing", "date_type",
    "string_pattern_mismatch", "model_type", "list_type", "dict_type", "string_type", "less_than_equal",
    "greater_than_equal", "greater_than", "enum",
}  # fmt: skip
NO_VALUE_SHOWN = ("missing", "extra_forbidden")  # the value is the problem's subject, or there is none
MAX_SHOWN = 60  # characters of a wrong value repeated in its message


@dataclass(frozen=True)
class Message:
    """Words yet to be chosen: a code of messages/*.yml and the values its placeholders take."""

    code: str
    values: tuple[tuple[str, object], ...] = ()

    def words(self, lang: str) -> str:
        """The message in `lang`."""
        return say(lang, self.code, dict(self.values))


def message(code: str, **values: object) -> Message:
    """A message with its values, as checks write them: `message("unknown_unit", unit="x", known="...")`."""
    return Message(code, tuple(values.items()))


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field of one file, said in any language when it is shown."""

    file: str
    line: int
    column: int
    field: str
    parts: tuple[Message, ...]  # read one after another: a message, then what was given or is allowed

    def with_field(self, path: FieldPath) -> Problem:
        """The same place, reported under another field name."""
        return Problem(self.file, self.line, self.column, field_name(path), self.parts)

    def message(self, lang: str = "en") -> str:
        """What is wrong, in `lang`."""
        return "".join(part.words(lang) for part in self.parts)

    def text(self, lang: str) -> str:
        """The whole line: `file:line:column: field: message`."""
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.field}: {self.message(lang)}" if self.field else f"{where}: {self.message(lang)}"

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """File order, then place in the file: the order a clerk fixes them in."""
        return (self.file, self.line, self.column, self.field, self.message())

    def __str__(self) -> str:
        return self.text("en")


class DataError(Exception):
    """Raised when the data cannot be published; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems), key=Problem.sort_key)
        super().__init__(self.report("en"))

    def report(self, lang: str = "en") -> str:
        """All problems, one per line, followed by a count, in `lang`."""
        lines = [problem.text(lang) for problem in self.problems]
        count = len(self.problems)
        lines.append(say(lang, "report_one", {}) if count == 1 else say(lang, "report_many", {"count": count}))
        return "\n".join(lines)


def field_name(path: FieldPath) -> str:
    """Write a field path the way the error format shows it: `outputs[2].th`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def relative(path: Path, base: Path) -> str:
    """Name `path` relative to the project, as a clerk sees it in the editor."""
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


def problem_at(file: str, doc: YamlDocument | None, path: FieldPath, *parts: Message, at_key: bool = False) -> Problem:
    """Make a problem for field `path` of a parsed file, locating it in the file (at its key, with `at_key`)."""
    line, column = (1, 1)
    if doc is not None:
        located = doc.key_locations.get(tuple(path)) if at_key else None
        line, column = located or doc.locate(path)
    return Problem(file, line, column, field_name(path), parts)


def _describe(error: ErrorDetails) -> list[Message]:
    """Turn one pydantic error into messages: what is wrong, then the value that was given."""
    kind, given = error["type"], error.get("input")
    if kind == "too_short" and isinstance(given, str):
        kind = "string_too_short"  # pydantic says "list" of a text whose constraint sits behind a validator
    context = {key: str(value) for key, value in (error.get("ctx") or {}).items()}
    if kind == "string_pattern_mismatch":  # each pattern says what it wants in its own words
        parts = [message(PATTERN_MESSAGES.get(context.get("pattern", ""), kind))]
    elif kind == "enum":  # pydantic lists the values as English prose: 'a', 'b' or 'c'
        expected = context.get("expected", "")
        parts = [message(kind, expected=Bilingual(expected.replace(" or ", ", "), expected))]
    elif kind in PLAIN_MESSAGES or kind.startswith("ita_"):
        parts = [message(kind.removeprefix("ita_"), **context)]
    else:  # a rule of pydantic's own that no table words yet: its English, marked as such in Thai
        detail = error["msg"].removeprefix("Value error, ")
        parts = [message("invalid", detail=detail[0].lower() + detail[1:])]
    if kind == "string_too_long" and isinstance(given, str) and "max_length" in context:
        parts.append(message("text_length", length=len(given), limit=int(context["max_length"])))
    elif kind not in NO_VALUE_SHOWN and isinstance(given, str | int | float) and given != "":
        shown = repr(given[:MAX_SHOWN] if isinstance(given, str) else given)
        parts.append(message("got", value=shown[:57] + "..." if len(shown) > MAX_SHOWN else shown))
    return parts


def _models_in(annotation: object) -> list[type[BaseModel]]:
    """The models an annotation can hold, looking inside Optional, list, dict and Annotated."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in typing.get_args(annotation) for model in _models_in(arg)]


def allowed_fields(model: type[BaseModel], path: FieldPath) -> list[str]:
    """The field names a mapping at `path` inside `model` may have (empty when unknown)."""
    models = [model]
    for part in path:
        if isinstance(part, str):
            models = [
                m
                for found in models
                if part in found.model_fields
                for m in _models_in(found.model_fields[part].annotation)
            ]
    return sorted({name for found in models for name in found.model_fields})


def from_validation_error(
    file: str, doc: YamlDocument, error: ValidationError, model: type[BaseModel]
) -> list[Problem]:
    """Convert every error pydantic found in one file into a located Problem."""
    problems = []
    for item in error.errors():
        path = tuple(part for part in item["loc"] if not (isinstance(part, str) and "[" in part))
        parts = _describe(item)
        if item["type"] == "extra_forbidden" and (allowed := allowed_fields(model, path[:-1])):
            parts.append(message("allowed_here", fields=", ".join(allowed)))
        problems.append(problem_at(file, doc, path, *parts, at_key=item["type"] == "extra_forbidden"))
    return problems
