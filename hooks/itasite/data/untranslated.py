"""Find the texts whose English is still missing, so clerks and translators know what is left."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from .dataset import Dataset
from .models import Text
from .problems import Problem
from .yamlfile import FieldPath


def _texts(value: object, path: FieldPath) -> Iterator[tuple[FieldPath, Text]]:
    """Every Text inside a record, with its field path, in file order."""
    if isinstance(value, Text):
        yield path, value
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), (*path, name))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*path, key))


def untranslated_fields(dataset: Dataset) -> list[Problem]:
    """One entry per text without English, located at its Thai text: `file:line:col: title.en: ...`."""
    return [
        source.problem((*path, "th"), "untranslated").with_field((*path, "en"))
        for source in dataset.sources
        for path, text in _texts(source.record, ())
        if not text.en
    ]
