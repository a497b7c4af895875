"""Tables wrapped for scrolling when the page is built, not when it is opened.

Material styles every table without a class, and its script, as each page loads, moves each such table into
two <div>s that let it scroll sideways on a phone. Moving a table makes the browser style and lay it out
again: on a page of score tables that is a third of the script's start-up work (a quarter of a second on a
phone). The build writes the same two <div>s around each table instead and marks the table with a class, so
the script finds nothing to move; the stylesheets name the mark where Material names the missing class
(itasite/build/stylesheets.py applies MATERIAL_SELECTORS to Material's stylesheets).
"""

from __future__ import annotations

import re

TABLE_CLASS = "ita-table"
# Material's selector for the tables it styles and wraps, and the one the built pages' tables match instead
MATERIAL_SELECTORS = {"table:not([class])": f"table.{TABLE_CLASS}"}
# A table tag without a class attribute; the tables of a page are never nested (Markdown cannot nest them)
CLASSLESS_TABLE = re.compile(
    r"<table((?:\s+(?!class\b)[\w:-]+(?:=(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*>(.*?)</table>", re.S
)
CONTENT = 'data-md-component="content"'  # where Material's script looks for tables
BUNDLE = "assets/javascripts/bundle."  # Material's script: a page without it (the printable report) keeps its tables
MARKED = '<table class="{mark}"{attributes}>{body}</table>'
WRAPPED = f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table">{MARKED}</div></div>'


def wrap_tables(html: str) -> str:
    """`html` with every table that has no class marked, and those of the content inside Material's two
    scrolling <div>s. A page without Material's script (the printable report) is not wrapped, as the script
    would not wrap it, but its tables are marked, so that they keep Material's style."""
    start = html.find(CONTENT)
    if start < 0 or BUNDLE not in html:
        start = len(html)
    return _each_table(html[:start], MARKED) + _each_table(html[start:], WRAPPED)


def _each_table(html: str, template: str) -> str:
    """`html` with each table that has no class written out by `template`."""
    return CLASSLESS_TABLE.sub(
        lambda found: template.format(mark=TABLE_CLASS, attributes=found.group(1), body=found.group(2)), html
    )


def point_at_marked_tables(sheets: dict[str, str]) -> dict[str, str]:
    """Material's stylesheets (name: text) with their rules for tables without a class applied to the marked
    tables instead. A selector none of them has means Material changed: the tables would lose their style."""
    for material, marked in MATERIAL_SELECTORS.items():
        if not any(material in css for css in sheets.values()):
            raise ValueError(f"no rule of {', '.join(sorted(sheets))} names {material}")
        sheets = {name: css.replace(material, marked) for name, css in sheets.items()}
    return sheets
