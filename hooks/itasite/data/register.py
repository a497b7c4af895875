"""Each OIT item of an assessment year with its status and evidence, as the disclosure pages show them.

An item is published when it has documents, or when the site already publishes its evidence from the data
(the measures report of the year it covers, say); not applicable when the register says so with a reason;
missing otherwise. Files kept in the repository are described by what a reader downloading them needs: type,
size and SHA-256. The checks (`disclosure_checks.py`) make sure every file named here exists and is allowed.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .dataset import Dataset
from .disclosure import FILE_TYPES, FILES_FOLDER, Answer, DisclosureItem, Document
from .disclosure import MAX_FILE_BYTES as MAX_FILE_BYTES  # the limits, where the pages read them
from .disclosure import MAX_FILES_BYTES as MAX_FILES_BYTES
from .models import Text
from .oit import Covers, FromData, OitGroup, OitItem, OitList


class Status(enum.StrEnum):
    """Where an item stands: published, not applicable (with the reason), or still missing."""

    PUBLISHED = "published"
    NOT_APPLICABLE = "not-applicable"
    MISSING = "missing"


@dataclass(frozen=True)
class KeptFile:
    """A file kept under data/disclosure/files/, as the downloads page describes it."""

    name: str  # relative to disclosure/files/: 2569/o1-structure.pdf
    kind: str  # one of FILE_TYPES' values
    size: int  # bytes
    sha256: str


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence of an item: a document of the register, or a page the site builds from the data."""

    title: Text | None  # None for a page built from the data: its page's own title names it
    published: dt.date | None  # None for a page built from the data
    url: str | None = None  # a link to a document elsewhere
    file: KeptFile | None = None  # a file kept in the repository
    path: str | None = None  # the click path on the agency's own site
    from_data: FromData | None = None  # a page of this site: the report, measures or results of data_year
    data_year: int | None = None


@dataclass(frozen=True)
class ItemStatus:
    """One item of the year's list with its status and evidence."""

    item: OitItem
    group: OitGroup | None
    confidence: str  # the item's title's confidence (oit.Confidence)
    status: Status
    evidence: tuple[Evidence, ...]
    reason: Text | None = None  # why it is not applicable
    note: Text | None = None
    answer: Answer = Answer.PAGE


@dataclass(frozen=True)
class YearRegister:
    """An assessment year's items in number order, with the list they come from."""

    year: int
    items_list: OitList
    items: tuple[ItemStatus, ...]

    @property
    def published(self) -> int:
        """How many items are published: the N of "N of 26"."""
        return sum(status.status is Status.PUBLISHED for status in self.items)

    def count(self, status: Status) -> int:
        """How many items have `status`."""
        return sum(item.status is status for item in self.items)


def evidence_year(year: int, covers: Covers) -> int:
    """The fiscal year an item's evidence is about, in assessment year `year`."""
    return year - 1 if covers is Covers.PREVIOUS else year


def from_data(dataset: Dataset, year: int, item: OitItem) -> Evidence | None:
    """The page of this site that is the item's evidence, when the data has what it is built from."""
    if item.from_data is None:
        return None
    data_year = evidence_year(year, item.covers)
    present = {
        FromData.REPORT: data_year in dataset.reports,
        FromData.MEASURES: bool(dataset.measures.get(data_year)),
        FromData.RESULTS: data_year in dataset.results,
    }[item.from_data]
    return Evidence(None, None, from_data=item.from_data, data_year=data_year) if present else None


def kept_file(root: Path, name: str) -> KeptFile:
    """The description of a file kept in the repository (the checks made sure it exists and is allowed)."""
    content = (root / FILES_FOLDER / name).read_bytes()
    kind = FILE_TYPES[PurePosixPath(name).suffix.lower()]
    return KeptFile(name, kind, len(content), hashlib.sha256(content).hexdigest())


def document_evidence(root: Path, document: Document) -> Evidence:
    """A document of the register as evidence."""
    file = kept_file(root, document.file) if document.file else None
    return Evidence(document.title, document.published, url=document.url, file=file, path=document.path)


def item_status(
    dataset: Dataset, year: int, items_list: OitList, item: OitItem, entry: DisclosureItem | None
) -> ItemStatus:
    """One item's status and evidence: the site's own pages first, then the register's documents."""
    own = from_data(dataset, year, item)
    documents = [document_evidence(dataset.root, document) for document in (entry.documents if entry else [])]
    evidence = tuple([own] if own else []) + tuple(documents)
    if entry is not None and entry.not_applicable is not None and not evidence:
        status = Status.NOT_APPLICABLE
    else:
        status = Status.PUBLISHED if evidence else Status.MISSING
    group = items_list.groups_by_id.get(item.group) if item.group else None
    return ItemStatus(
        item=item,
        group=group,
        confidence=str(items_list.confidence_of(item)),
        status=status,
        evidence=evidence,
        reason=entry.not_applicable if entry and status is Status.NOT_APPLICABLE else None,
        note=entry.note if entry else None,
        answer=entry.answer if entry else Answer.PAGE,
    )


def year_registers(dataset: Dataset) -> dict[int, YearRegister]:
    """Every assessment year that has a register and a list of items, oldest first."""
    registers = {}
    for year, register in sorted(dataset.disclosure.items()):
        items_list = dataset.oit_list_for(year)
        if items_list is None:
            continue  # the checks refuse a register whose year no list covers
        entries = register.by_code
        items = tuple(
            item_status(dataset, year, items_list, item, entries.get(code)) for code, item in items_list.by_code.items()
        )
        registers[year] = YearRegister(year, items_list, items)
    return registers
