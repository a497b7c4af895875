"""The licences an agency may publish its data under, read from `licences.yml` beside this module.

`licence:` in agency.yml names one by id; the check of agency.yml (lookup_checks.py) refuses an id the table
does not have, and the site shows the name, the address and what the licence allows from here.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from pydantic import Field

from .messages import Bilingual
from .models import RequiredText, Strict, Text, Url
from .yamlfile import SAFE_LOADER

TABLE = Path(__file__).parent / "licences.yml"
NOT_STATED_GDC = "License not specified"  # the Thai government data catalogue's own choice for no licence


class Licence(Strict):
    """One licence of the table: its id, its name in both languages, its text's address, what it allows."""

    id: str = Field(pattern=r"^[A-Za-z0-9.-]+$")
    name: Text
    url: Url
    gdc: RequiredText  # the `license_id` choice of the Thai government data catalogue (see licences.yml)
    allows: Text


class LicenceTable(Strict):
    """The whole of `licences.yml`."""

    licences: list[Licence] = Field(min_length=1)


@cache
def licences() -> dict[str, Licence]:
    """Every licence of the table, by id, in the table's order."""
    with TABLE.open(encoding="utf-8") as handle:
        table = LicenceTable.model_validate(yaml.load(handle, Loader=SAFE_LOADER))
    return {licence.id: licence for licence in table.licences}


def licence_named(licence_id: str | None) -> Licence | None:
    """The licence agency.yml names; None when it names none (or one the check has already refused)."""
    return licences().get(licence_id) if licence_id else None


def known_licences() -> Bilingual:
    """The ids a clerk may write, each with its name, for the message that refuses an unknown one."""
    table = licences().values()
    return Bilingual(
        ", ".join(f"{licence.id} ({licence.name.th})" for licence in table),
        ", ".join(f"{licence.id} ({licence.name.en or licence.name.th})" for licence in table),
    )
