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

from .yamlfile import FieldPath, YamlDocument

# pydantic error types whose own wording is too technical for a clerk.
PLAIN_MESSAGES = {
    "missing": "this field is required",
    "extra_forbidden": "unknown field; check its spelling",
    "string_too_short": "this text is empty",
    "string_too_long": "this text is too long; split it into several entries",
    "too_short": "this list is empty",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "decimal_parsing": "must be a number such as 98.57",
    "decimal_type": "must be a number such as 98.57",
    "decimal_max_places": "a score has at most two decimal places",
    "date_from_datetime_parsing": "must be a date written YYYY-MM-DD (C.E.), for example 2024-10-01",
    "date_type": "must be a date written YYYY-MM-DD (C.E.), for example 2024-10-01",
    "string_pattern_mismatch": "must be lowercase letters, digits and single hyphens (for example service-standards)",
    "model_type": "must be a set of fields (key: value lines)",
    "list_type": "must be a list (lines starting with '- ')",
    "dict_type": "must be a set of fields (key: value lines)",
    "string_type": "must be text",
}


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one field of one file."""

    file: str
    line: int
    column: int
    field: str
    message: str

    def with_field(self, path: FieldPath) -> Problem:
        """The same place, reported under another field name."""
        return Problem(self.file, self.line, self.column, field_name(path), self.message)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class DataError(Exception):
    """Raised when the data cannot be published; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        """All problems, one per line, followed by a count."""
        lines = [str(problem) for problem in self.problems]
        count = len(self.problems)
        lines.append(f"{count} problem{'s' if count != 1 else ''} in the data; nothing was published.")
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


def problem_at(file: str, doc: YamlDocument | None, path: FieldPath, message: str, *, at_key: bool = False) -> Problem:
    """Make a problem for field `path` of a parsed file, locating it in the file."""
    line, column = (1, 1)
    if doc is not None:
        located = doc.key_locations.get(tuple(path)) if at_key else None
        line, column = located or doc.locate(path)
    return Problem(file, line, column, field_name(path), message)


def _describe(error: ErrorDetails) -> str:
    """Turn one pydantic error into a plain sentence, with the value that was given."""
    kind = error["type"]
    message = PLAIN_MESSAGES.get(kind)
    if message is None:
        message = error["msg"].removeprefix("Value error, ")
        message = message[0].lower() + message[1:]
    given = error.get("input")
    if kind == "string_too_long" and isinstance(given, str) and "ctx" in error:
        message += f" (it has {len(given):,} characters; the limit is {error['ctx']['max_length']:,})"
    elif kind not in ("missing", "extra_forbidden") and isinstance(given, str | int | float) and given != "":
        shown = repr(given[:60] if isinstance(given, str) else given)
        message += f" (got {shown[:57] + '...' if len(shown) > 60 else shown})"
    return message


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
        message = _describe(item)
        if item["type"] == "extra_forbidden" and (allowed := allowed_fields(model, path[:-1])):
            message += f"; allowed here: {', '.join(allowed)}"
        problems.append(problem_at(file, doc, path, message, at_key=item["type"] == "extra_forbidden"))
    return problems
