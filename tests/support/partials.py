"""Our overridden partials as they follow from the theme's own: what tests/test_accessibility.py (against
Material's) and tests/test_forks.py (against MaterialX's) check them by."""

from __future__ import annotations

SEARCH_INCLUDE = '{% include "partials/search.html" %}'
# Material's palette lines of the header, which ours replaces by its own colour toggle
MATERIAL_PALETTE = """    {% if config.theme.palette %}
      {% if not config.theme.palette is mapping %}
        {% include "partials/palette.html" %}
      {% endif %}
    {% endif %}
    {% if not config.theme.palette is mapping %}
      {% include "partials/javascripts/palette.html" %}
    {% endif %}
"""
COLOUR_TOGGLE = '    {% include "partials/colour-toggle.html" %}\n'
# Material's test for its search plugin in the header, and ours, which also finds MaterialX's (the forks engine)
MATERIAL_SEARCH = """    {% if "material/search" in config.plugins %}
      {% set search = config.plugins["material/search"] | attr("config") %}
      {% if search.enabled %}
"""
EITHER_SEARCH = (
    '    {% set search_plugin = ["material/search", "materialx/search"]'
    ' | select("in", config.plugins) | first %}\n'
    "    {% if search_plugin %}\n"
    '      {% set search = config.plugins[search_plugin] | attr("config") %}\n'
    "      {% if search.enabled | d(true) %}\n"
)
NAMED_SEARCH = (
    """{% filter replace('role="dialog">', 'role="dialog" aria-label="' ~ lang.t("search") | e ~ '">', 1) %}"""
    + SEARCH_INCLUDE
    + "{% endfilter %}"
)


def ours_from(material: str) -> list[str]:
    """Our partial's lines as they follow from Material's (or MaterialX's) `material`, after our comment: the
    logo's label, the search dialog's name, the colour toggle, the search field with either engine."""
    expected = material.replace(MATERIAL_PALETTE, COLOUR_TOGGLE).replace(MATERIAL_SEARCH, EITHER_SEARCH)
    return [
        line.replace('title="{{ config.site_name | e }}"', 'title="{{ config.extra.homepage_label | e }}"')
        .replace(
            'aria-label="{{ config.site_name }}" data-md-component="logo"',
            'aria-label="{{ config.extra.homepage_label | e }}" data-md-component="logo"',
        )
        .replace(SEARCH_INCLUDE, NAMED_SEARCH)
        for line in expected.splitlines()[3:]  # after Material's "generated" comment
    ]
