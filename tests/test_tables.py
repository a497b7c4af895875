"""Tables wrapped by the build (build/tables.py): which tables are wrapped or marked, in small cases.
That the wrapped tables look as Material's script leaves them is checked in Chromium by test_stylesheets.py."""

from __future__ import annotations

import pytest

from itasite.build.tables import point_at_marked_tables, wrap_tables

PAGE = '<script src="assets/javascripts/bundle.1.min.js"></script><div data-md-component="content">{}</div>'
WRAP = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">{}</div></div>'


@pytest.mark.parametrize(
    ("content", "built"),
    [
        ("<table><tr><td>1</td></tr></table>", WRAP.format('<table class="ita-table"><tr><td>1</td></tr></table>')),
        ('<table id="t-1">x</table>', WRAP.format('<table class="ita-table" id="t-1">x</table>')),
        (
            '<table class="highlighttable">x</table>',
            '<table class="highlighttable">x</table>',
        ),  # not Material's to wrap
        ('<table id="a" class="b">x</table>', '<table id="a" class="b">x</table>'),
        (
            "<table>a</table><p>b</p><table>c</table>",
            WRAP.format('<table class="ita-table">a</table>')
            + "<p>b</p>"
            + WRAP.format('<table class="ita-table">c</table>'),
        ),
        ("<p>no table</p>", "<p>no table</p>"),
    ],
)
def test_tables_of_the_content_are_wrapped_and_marked(content, built):
    assert wrap_tables(PAGE.format(content)) == PAGE.format(built)


def test_a_page_without_materials_script_keeps_its_tables_where_they_are_but_marked():
    page = '<div data-md-component="content"><table>x</table></div>'
    assert wrap_tables(page) == '<div data-md-component="content"><table class="ita-table">x</table></div>'


def test_material_table_rules_name_the_mark():
    sheets = {"main.css": ".md-typeset table:not([class]) th{color:red}", "palette.css": "a{color:blue}"}
    assert point_at_marked_tables(sheets) == {
        "main.css": ".md-typeset table.ita-table th{color:red}",
        "palette.css": "a{color:blue}",
    }


def test_stylesheets_without_materials_table_rules_are_refused():
    with pytest.raises(ValueError, match=r"no rule of main\.css names table:not\(\[class\]\)"):
        point_at_marked_tables({"main.css": "table{color:red}"})
