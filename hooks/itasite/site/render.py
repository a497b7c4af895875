"""Render generated pages from the Jinja templates in `templates/` beside this module.

Templates produce Markdown whose headings are Markdown (so MkDocs builds the table of contents and
anchors) and whose bodies are raw HTML blocks (so data text is never read as Markdown). Autoescaping is
on: every value from data is escaped once, here, and nowhere else.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from ..data.models import Text
from ..numbers import format_change, format_score
from . import routes
from .cite import Citation, citation
from .explain import level_reason
from .fields import field_table
from .locale import Locale

# Characters Python-Markdown treats as syntax and lets a backslash escape ('<', '>' and '&' become entities), and
# the entities escaping writes, kept whole: a backslash inside `&#34;` would leave the page's title showing it.
MARKDOWN_SYNTAX = re.compile(r"(&#?\w+;)|([\\`*_{}\[\]()#+\-.!])")
THAI_PASSAGE = re.compile(r"[\u0E00-\u0E7F]+(?:[ ]+[\u0E00-\u0E7F]+)*")
TEMPLATES = Path(__file__).parent / "templates"
# Markdown heading ids are written `{#id}`, so every template of the generator writes comments `{## ... ##}`.
COMMENT_START, COMMENT_END = "{##", "##}"
ROOT_FILES = {"index.html": "root.html", "robots.txt": "robots.txt"}  # site root file -> template
LINKABLE_URL = re.compile(r"\b(https?://[^\s<>\"]+[^\s<>\".,;:)])")


def markdown_text(value: str) -> Markup:
    """Make text safe inside a Markdown heading or list line: HTML-escaped, Markdown syntax backslashed."""
    return Markup(MARKDOWN_SYNTAX.sub(lambda m: m[1] or "\\" + m[2], str(escape(value))))


def paragraph_text(value: str) -> Markup:
    """Escape body text, turn its web addresses into links and keep its line breaks."""
    parts = []
    for index, piece in enumerate(LINKABLE_URL.split(value)):
        if index % 2:
            parts.append(Markup('<a href="{0}">{0}</a>').format(piece))
        else:
            parts.append(escape(piece))
    return Markup("").join(parts).replace("\n", Markup("<br>\n"))


def url_of(src_uri: str) -> str:
    """The directory-style URL MkDocs gives a Markdown file: `a/b.md` -> `a/b/`, `a/index.md` -> `a/`."""
    path = src_uri.removesuffix(".md")
    path = path.removesuffix("index").rstrip("/")
    return f"{path}/" if path else ""


def relative_href(from_src: str, to_src: str, anchor: str = "") -> str:
    """A link from one generated page to another, relative so the site works under any sub-path."""
    start, target = url_of(from_src), url_of(to_src)
    href = posixpath.relpath(target or ".", start or ".")
    href = "./" if href == "." else href + "/"
    return href + (f"#{anchor}" if anchor else "")


class PageRenderer:
    """A Jinja environment set up for one language."""

    def __init__(
        self,
        locale: Locale,
        bytecode_cache: BytecodeCache | None = None,
        templates_dir: Path = TEMPLATES,
        site_url: str = "",
    ) -> None:
        self.locale = locale
        self.site_url = site_url  # this language's address, for the absolute address a citation gives
        self.env = Environment(
            loader=FileSystemLoader(templates_dir),
            bytecode_cache=bytecode_cache,
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            comment_start_string=COMMENT_START,
            comment_end_string=COMMENT_END,
        )
        self.env.filters.update(
            md=markdown_text,
            para=paragraph_text,
            score=format_score,
            change=format_change,
            tr=self.translated,
            plain=locale.text,
            date=locale.date,
            year=locale.year,
            year_short=locale.year_short,
            years=locale.years,
            years_short=locale.years_short,
        )
        # `tojson` (the schema.org blocks): Thai as Thai, keys as written, no spaces between items
        self.env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "separators": (",", ":")}
        self.env.globals.update(
            t=locale.t,
            lang=locale.lang,
            routes=routes,
            level_reason=lambda score: level_reason(score, locale),
            field_table=lambda name, content: field_table(name, content, locale),
        )

    def translated(self, text: Text) -> Markup:
        """Text in the page's language; Thai, marked as untranslated, where English is missing."""
        if self.locale.is_translated(text):
            html = paragraph_text(self.locale.text(text))
            if self.locale.lang != "th":  # Thai names inside English text are read out as Thai
                html = Markup(THAI_PASSAGE.sub(lambda m: f'<span lang="th">{m.group()}</span>', str(html)))
            return html
        note = self.locale.t("untranslated")
        return Markup('<span lang="th">{0}</span> <em class="ita-untranslated">({1})</em>').format(
            paragraph_text(text.th), note
        )

    def render_file(self, template: str, **context: Any) -> str:
        """Render a file that is not a page (the agency's stylesheet): no links to resolve."""
        return self.env.get_template(template).render(**context)

    def render(self, template: str, src_uri: str, **context: Any) -> str:
        """Render one page; `href(target)` in the template links relative to this page, and `citation(…)` cites
        it at its absolute address."""
        page_url = self.site_url + url_of(src_uri)

        def cited(agency: str, title: str, year: int | None, changed: dt.date | None) -> Citation:
            """This page's citation."""
            return citation(self.locale, agency, title, year, page_url, url_of(src_uri), changed)

        return self.env.get_template(template).render(
            href=lambda target, anchor="": relative_href(src_uri, target, anchor),
            file_href=lambda target: posixpath.relpath(target, url_of(src_uri) or "."),
            citation=cited,
            **context,
        )


def render_root_files(site_name: str, languages: list[dict[str, str]], root: str) -> dict[str, str]:
    """The files of the site's root, above the languages: the page that leads to the default language, and
    robots.txt naming each language's sitemap. Escaped as HTML in the page only."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        comment_start_string=COMMENT_START,
        comment_end_string=COMMENT_END,
    )
    context = {"site_name": site_name, "languages": languages, "root": root}
    return {name: env.get_template(template).render(**context).lstrip() for name, template in ROOT_FILES.items()}
