"""What changed in the data and when: each page's date, the changes page's entries and the Atom feed.

The history comes from git (build/history.py); the page plan says which files each page is built from
(pagedata.py). Here the two meet: a page's `changed` is the newest commit that touched its files, and each
commit lists the pages it touched. The feed is plain data with absolute addresses, drawn by feed.xml.j2.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..build.history import Change, History
from .datachanges import Described, described, number_ranges
from .locale import Locale
from .pagedata import Sources
from .render import url_of

SUMMARY = Markup("{}. {}: {}")  # a feed entry's summary: what the change did, then its files (escaped as they go in)
ANCHOR = "change-"  # the id of a change on the changes page: this and the start of its commit id
ANCHOR_DIGITS = 12  # enough to stay unique, and the same however long git's short ids grow
FEED_ID = uuid.UUID("5b0f8f0e-7c1e-4d57-9d4e-1f3a0e6b2a90")  # the namespace of the feed's entry ids


@dataclass(frozen=True)
class PageRef:
    """A generated page a change touched: its source path and the name readers know it by."""

    src_uri: str
    label: str
    group: str = ""  # pages of one kind (a year's measures) are listed under one name, each by its number

    @property
    def title(self) -> str:
        """The page's whole name, group included, as HTML (its parts are interface strings, or escaped here)."""
        return Markup("{}: {}").format(self.group, self.label) if self.group else escape(self.label)


@dataclass(frozen=True)
class ChangeView:
    """One commit as the changes page and the feed show it."""

    change: Change
    pages: tuple[PageRef, ...]  # the pages built from the files it changed, in the plan's order
    anchor: str
    every_page: bool = False  # it touched the files of every page (the agency's name, say): `pages` is empty
    sentences: tuple[str, ...] = ()  # what it did to the data, in the page's language
    agency: bool = True  # it changed the agency's own data, not only what every agency shares

    @property
    def grouped(self) -> list[tuple[str, list[PageRef]]]:
        """The pages in runs of one group each, in the plan's order; a page of no group is a run of its own."""
        runs: list[tuple[str, list[PageRef]]] = []
        for ref in self.pages:
            if ref.group and runs and runs[-1][0] == ref.group:
                runs[-1][1].append(ref)
            else:
                runs.append((ref.group, [ref]))
        return runs


@dataclass(frozen=True)
class FeedEntry:
    """One entry of the Atom feed, every address absolute."""

    id: str
    title: str
    updated: str
    link: str
    summary: str
    author: str
    related: tuple[tuple[str, str], ...]  # (address, label) of each page the change touched


@dataclass(frozen=True)
class Feed:
    """The Atom feed of one language: the data's changes, newest first."""

    id: str
    title: str
    subtitle: str
    lang: str
    link: str  # the feed's own address
    page: str  # the changes page's address
    author: str
    updated: str
    entries: tuple[FeedEntry, ...]


def anchor_of(change: Change) -> str:
    """The id of a change on the changes page, stable for good."""
    return ANCHOR + change.commit[:ANCHOR_DIGITS]


def sentence(found: Described, locale: Locale) -> Markup:
    """One thing a change did, in the locale's words: years as the pages write them, measures as runs."""
    values = dict(found.values)
    if "year" in values:
        values["year"] = locale.year_short(int(values["year"]))
    if found.numbers:
        key = "change_measure_one" if len(found.numbers) == 1 else "change_measures"
        values["what"] = locale.t(key, numbers=number_ranges(found.numbers))
    return locale.t(found.key, **values)


def change_views(history: History, pages: list[tuple[PageRef, Sources]], locale: Locale) -> tuple[ChangeView, ...]:
    """Every change of the history (data_history's: only what changed the data) with what it did and the
    pages it touched; `pages` are each page with its sources. A change to every page says so rather than list
    them all, which keeps the changes page light."""
    views = []
    for change in history.changes:
        found = described(change.texts)
        touched = tuple(ref for ref, sources in pages if change.touches(sources))
        every = len(touched) == len(pages)
        words = tuple(sentence(one, locale) for one in found)
        own = any(one.agency for one in found)
        views.append(ChangeView(change, () if every else touched, anchor_of(change), every, words, own))
    return tuple(views)


def entry_id(change: Change, lang: str) -> str:
    """An entry's id: the same for a commit in every build and at every address, distinct per language."""
    return uuid.uuid5(FEED_ID, f"{lang}:{change.commit}").urn


def build_feed(
    views: tuple[ChangeView, ...], site_url: str, feed_path: str, changes_page: str, texts: dict[str, str], lang: str
) -> Feed:
    """The feed of one language's site at `site_url` (ending in a slash); `texts` holds its title, subtitle,
    author (the agency), the author of changes to what every agency shares, and the words for the files of an
    entry and for the rest of its changes."""
    page = site_url + url_of(changes_page)
    entries = tuple(
        FeedEntry(
            id=entry_id(view.change, lang),
            title=entry_title(view, texts["more"]),
            updated=view.change.time,
            link=f"{page}#{view.anchor}",
            summary=SUMMARY.format(Markup("; ").join(view.sentences), texts["files"], ", ".join(view.change.files)),
            author=texts["author"] if view.agency else texts["shared_author"],
            related=tuple((site_url + url_of(ref.src_uri), ref.title) for ref in view.pages),
        )
        for view in views
    )
    updated = entries[0].updated if entries else ""
    return Feed(
        id=site_url + feed_path,
        title=texts["title"],
        subtitle=texts["subtitle"],
        lang=lang,
        link=site_url + feed_path,
        page=page,
        author=texts["author"],
        updated=updated,
        entries=entries,
    )


def entry_title(view: ChangeView, more: str) -> str:
    """A feed entry's title: the first thing the change did, and how many more ({first}, {count})."""
    first, *rest = view.sentences
    return more.format(first=first, count=len(rest)) if rest else first


def latest(history: History, sources: Sources) -> dt.date | None:
    """When a page's data last changed: the newest commit that touched its sources; None without history."""
    return history.last_change(sources) if history.available else None
