"""What can still be checked in a file that did not validate: its fields that are right on their own.

A clerk who misspells one field should still hear, in the same run, that a unit or a date elsewhere in the
file is wrong. So a record that fails validation is rebuilt from the fields that validate alone; in a list
field, a wrong entry becomes None and the others keep their places, so messages still name `units[2]`.
Fields that did not survive are simply absent: checks skip what they cannot see, and never guess.
"""

from __future__ import annotations

import typing
from functools import cache
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

Record = TypeVar("Record", bound=BaseModel)


@cache
def _field_adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    """A validator for one field of a model, with the field's own constraints; built once."""
    field: FieldInfo = model.model_fields[name]
    return TypeAdapter(Annotated[field.annotation, field])  # type: ignore[arg-type]  # a type built at run time


@cache
def _entry_adapter(annotation: Any) -> TypeAdapter[Any]:
    """A validator for one entry of a list field; built once per type."""
    return TypeAdapter(annotation)


def _valid(adapter: TypeAdapter[Any], value: object) -> tuple[bool, Any]:
    """Whether `value` validates, and what it validates to."""
    try:
        return True, adapter.validate_python(value)
    except ValidationError:
        return False, None


def _entries(annotation: Any, values: list[object]) -> list[Any]:
    """The entries of a list field one by one: valid ones validated, wrong ones None, in their places."""
    (entry_type,) = typing.get_args(annotation) or (Any,)
    adapter = _entry_adapter(entry_type)
    return [validated if ok else None for ok, validated in (_valid(adapter, value) for value in values)]


def salvage(model: type[Record], data: object) -> Record | None:
    """The record as far as its fields are right; None when the file is not even a set of fields."""
    if not isinstance(data, dict):
        return None
    kept: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        if name not in data:
            continue
        ok, validated = _valid(_field_adapter(model, name), data[name])
        if ok:
            kept[name] = validated
        elif typing.get_origin(field.annotation) is list and isinstance(data[name], list):
            kept[name] = _entries(field.annotation, data[name])
    return model.model_construct(_fields_set=set(kept), **kept)
