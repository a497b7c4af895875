"""What a report tells of the agency that wrote it, for a data folder that has no agency.yml yet: its name as
the title or the memo prints it ("ของเทศบาลตำบลเมืองปาน ประจำปีงบประมาณ …"), and the district and province
the memo's heading gives ("ส่วนราชการ … อำเภอเมืองปาน จังหวัดลำปาง").

Only a local administration's name is recognised by its kind (เทศบาล…, องค์การบริหารส่วน…); anything the
report does not say stays the blank folder's example, and the review says which fields to fill in.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ..data.starter import agency_file
from .review import Review

END = r"(?=[\s,.)]|$)"  # a name ends where the words around it are spaced off, as a heading prints it
NAME = re.compile(rf"((?:เทศบาล(?:ตำบล|เมือง|นคร)|องค์การบริหารส่วน(?:ตำบล|จังหวัด))[\u0e01-\u0e4e]+){END}")
DISTRICT = re.compile(rf"(?<![\u0e01-\u0e4e])อำเภอ\s*([\u0e01-\u0e4e]+){END}")
PROVINCE = re.compile(rf"(?<![\u0e01-\u0e4e])จังหวัด\s*([\u0e01-\u0e4e]+){END}")
FIELDS = {"name": NAME, "district": DISTRICT, "province": PROVINCE}
PREFIXES = {"district": "อำเภอ", "province": "จังหวัด"}  # as blank/agency.yml writes them


def agency_told(paragraphs: Iterable[str]) -> dict[str, str]:
    """The name, district and province the report's paragraphs give most often (a name run into the next
    words, "เทศบาลตำบลเมืองปานได้เข้าร่วม…", is rarer than the name itself), as far as they give them."""
    counts: dict[str, Counter[str]] = {key: Counter() for key in FIELDS}
    for paragraph in paragraphs:
        for key, pattern in FIELDS.items():
            counts[key].update(match.group(1) for match in pattern.finditer(paragraph))
    return {key: PREFIXES.get(key, "") + found.most_common(1)[0][0] for key, found in counts.items() if found}


def agency_yml(paragraphs: Iterable[str], reviews: list[Review]) -> bytes:
    """agency.yml for a new data folder, from what the report tells, with a review of what is left to fill."""
    found = agency_told(paragraphs)
    values = {"file": "agency.yml", "found": ", ".join(found.values()) or "-"}
    reviews.append(Review("", "import_agency_written", values))
    return agency_file(found).encode("utf-8")
