"""What `python -m itasite check` warns of in the OIT lists and registers, never failing the check: so CI stays
green while a clerk works through the year's list, and still says what is left."""

from __future__ import annotations

from .dataset import Dataset
from .disclosure import Register
from .disclosure_checks import date_warnings, unconfirmed_warnings
from .oit import OitFile
from .problems import Problem
from .register import Status, year_registers


def disclosure_warnings(dataset: Dataset) -> list[Problem]:
    """The unconfirmed titles of each list, then per register its documents dated outside their fiscal year and
    the items still missing (one warning naming them all)."""
    warnings: list[Problem] = []
    registers = year_registers(dataset)
    for source in dataset.sources:
        if isinstance(source.record, OitFile):
            warnings += unconfirmed_warnings(source)  # type: ignore[arg-type]  # its record is an OitFile
        elif isinstance(source.record, Register) and source.record.year in registers:
            year = registers[source.record.year]
            warnings += date_warnings(source, year.items_list)  # type: ignore[arg-type]  # a Register
            missing = [status.item.code for status in year.items if status.status is Status.MISSING]
            if missing:
                warnings.append(source.problem(("year",), "register_missing", codes=", ".join(missing), year=year.year))
    return warnings
