"""Material's stylesheets cut to what the site uses (build/stylesheets.py): which rules go and stay, in small
cases, and, on the built site in Chromium, pages that look exactly as they do with Material's whole files."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from support.browser import serve_pages_changed
from support.build import MATERIAL_TEMPLATES

from itasite.build.stylesheets import KEPT_PURGES, cached_purge, compacted, hashed_name, purge
from itasite.build.tables import TABLE_CLASS

MATERIAL_STYLESHEETS = MATERIAL_TEMPLATES / "assets/stylesheets"


def purged(css: str, *used: str, own: str = "") -> str:
    """One stylesheet purged against the words `used`."""
    return purge({"main.css": css}, set(used), own)["main.css"]


@pytest.mark.parametrize(
    ("css", "used", "kept"),
    [
        (".a{color:red}", {"a"}, ".a{color:red}"),
        (".a{color:red}", set(), ""),
        (".a .b{color:red}", {"a"}, ""),  # every class of a selector must be used
        (".a,.b{color:red}", {"b"}, ".b{color:red}"),  # the selectors that can match stay
        ("#top{margin:0}", {"top"}, "#top{margin:0}"),
        ("#top{margin:0}", set(), ""),
        ("p{margin:0}", set(), "p{margin:0}"),  # elements are not looked for
        (".a:not(.gone){color:red}", {"a"}, ".a:not(.gone){color:red}"),  # :not() can match anything
        ("[data-md-color-primary=red]{color:red}", {"data-md-color-primary", "indigo"}, ""),
        ("[data-md-color-primary=indigo]{--c:1}", {"data-md-color-primary", "indigo", "--c"}, None),
        ("[dir=rtl] .a{left:0}", {"dir", "ltr", "a"}, ""),
        ("[href^=http]{color:red}", {"href"}, "[href^=http]{color:red}"),  # only exact values are looked for
        ("@media print{.a{color:red}}", set(), ""),  # a grouping rule left empty goes
        ("@media print{.a{color:red}.b{color:blue}}", {"b"}, "@media print{.b{color:blue}}"),
        ("@keyframes spin{0%{opacity:0}}", set(), "@keyframes spin{0%{opacity:0}}"),
    ],
)
def test_rules_stay_only_when_a_page_can_match_them(css, used, kept):
    assert purged(css, *used) == (css if kept is None else kept)


@pytest.mark.parametrize(
    ("css", "own", "used", "kept"),
    [
        (":root{--a:1;--b:2}.x{width:var(--a)}", "", {"x"}, ":root{--a:1}.x{width:var(--a)}"),
        # a property used only by an unused one goes with it, in as many rounds as it takes
        (":root{--a:1;--b:var(--a)}", "", set(), ""),
        (":root{--a:1;--b:var(--a)}.x{width:var(--b)}", "", {"x"}, None),
        (":root{--a:1}", ".mine{width:var(--a)}", set(), ":root{--a:1}"),  # the project's own sheets count
        (":root{--a:1}", "", {"--a"}, ":root{--a:1}"),  # as do pages and scripts that set it
    ],
)
def test_custom_properties_stay_only_when_something_refers_to_them(css, own, used, kept):
    assert purged(css, *used, own=own) == (css if kept is None else kept)


@pytest.mark.parametrize(
    ("css", "compact"),
    [
        ("/* why */\n.a {\n  color: red;\n}\n", ".a {\ncolor: red;\n}\n"),
        ('.a::before { content: "/* kept */ "; }', '.a::before { content: "/* kept */ "; }\n'),
        ('.a::before {\n  content: "▲ ";\n}', '.a::before {\ncontent: "▲ ";\n}\n'),
        ("@media print {\n\n  .a { display: none }  /* x */\n}", "@media print {\n.a { display: none }\n}\n"),
    ],
)
def test_the_sites_own_stylesheets_lose_comments_and_indentation_only(css, compact):
    assert compacted(css) == compact


def test_a_stylesheet_that_does_not_parse_is_named():
    with pytest.raises(ValueError, match=r"main\.css: line 1"):
        purged("a{b:c}}", "a")


def test_a_purge_of_the_same_words_comes_from_the_cache(tmp_path):
    """The cache hands back what it kept for the same sheets and words (a damaged entry is redone); other
    words are purged anew, and only the most recent purges are kept."""
    cache = tmp_path / "stylesheets.json"
    sheets = {"main.css": ".a{color:red}.b{color:blue}"}
    assert cached_purge(sheets, {"a"}, "", cache) == {"main.css": ".a{color:red}"}
    kept = cache.read_text(encoding="utf-8")
    cache.write_text(kept.replace(".a{color:red}", ".a{color:green}"), encoding="utf-8")
    assert cached_purge(sheets, {"a"}, "", cache) == {"main.css": ".a{color:green}"}  # from the cache
    assert cached_purge(sheets, {"b"}, "", cache) == {"main.css": ".b{color:blue}"}
    assert cached_purge(sheets, {"a"}, ".x{}", cache) == {"main.css": ".a{color:red}"}  # own sheets count
    for word in range(KEPT_PURGES + 2):
        cached_purge(sheets, {"a", f"w{word}"}, "", cache)
    assert len(json.loads(cache.read_text(encoding="utf-8"))["entries"]) == KEPT_PURGES
    assert cached_purge(sheets, {"a"}, "", None) == {"main.css": ".a{color:red}"}  # no cache: worked out


def test_the_purged_file_is_named_by_its_own_content():
    digest = hashlib.sha256(b"a{}").hexdigest()  # 5f546eb4…
    assert hashed_name("main.57a0d79d.min.css", "a{}") == f"main.{digest[:8]}.min.css"
    assert hashed_name("palette.fb2fffe2.min.css", "a{}") != hashed_name("palette.fb2fffe2.min.css", "b{}")


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_built_site_links_only_its_purged_stylesheets(seed_site, lang):
    folder = seed_site / lang / "assets/stylesheets"
    sheets = sorted(path.name for path in folder.iterdir())
    assert [re.sub(r"\.[0-9a-f]{8}\.", ".#.", name) for name in sheets] == [
        "ita.css",
        "main.#.min.css",
        "palette.#.min.css",
    ]
    for name in sheets[1:]:
        text = (folder / name).read_text(encoding="utf-8")
        assert name == hashed_name(name, text)
        original = next(MATERIAL_STYLESHEETS.glob(name.split(".")[0] + ".*.min.css"))
        assert len(text) < 0.7 * original.stat().st_size, f"{name} is not much smaller than {original.name}"
    pages = [seed_site / lang / "index.html", seed_site / lang / "404.html", seed_site / lang / "results/index.html"]
    if lang == "th":
        pages.append(seed_site / "404.html")  # the site's own 404 page is the first language's
    for page in pages:
        linked = set(re.findall(r"stylesheets/([^\"?]+\.css)", page.read_text(encoding="utf-8")))
        assert linked == set(sheets), page


# What a reader sees, each with the purged stylesheets and then with Material's whole ones, and its tables as
# Material's templates leave them, for its script to wrap (itasite/build/tables.py does it in the build)
VIEWS = [
    ("th/", 390, "light", None),
    ("th/measures/2568/06-conflict-of-interest/", 1280, "dark", None),
    ("th/results/2567-2568/", 390, "dark", None),
    ("en/indicators/6/", 1280, "light", None),
    ("th/guide/publish/", 390, "light", None),
    ("th/", 390, "light", "drawer"),
    ("th/measures/", 390, "light", "search"),
    ("en/", 1280, "dark", "search"),
    ("th/indicators/1/", 1280, "light", "language"),
    ("en/report/2568/", 1280, "light", "print"),
]
# Every element's computed style and that of its ::before and ::after, and where the element is. Custom
# properties are left out: the unused ones are meant to go, and the used ones show in the properties.
ELEMENTS = f"""() => [...document.querySelectorAll("*")].map((element, number) =>
  number + " " + element.tagName.toLowerCase()
  + [...element.classList].filter(name => name !== "{TABLE_CLASS}").map(name => "." + name).join(""))"""
BUILT_TABLE = re.compile(
    r'<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="' + TABLE_CLASS + r'"([^>]*)>'
    r"(.*?)</table></div></div>",
    re.S,
)
STYLES = """(only) => [...document.querySelectorAll("*")].filter((_, number) => !only || only.includes(number)).map(
  (element) => ["", "::before", "::after"].flatMap((pseudo) => {
    const computed = getComputedStyle(element, pseudo)
    if (pseudo && computed.content === "none") return [pseudo + " none"]  // no such box
    const named = [...computed].filter(p => !p.startsWith("--"))
    return named.map(p => pseudo + " " + p + ": " + computed.getPropertyValue(p))
  }))"""
DIGESTS = f"""async () => Promise.all(({STYLES})(null).map(async (lines) => {{
  const bytes = await crypto.subtle.digest("SHA-1", new TextEncoder().encode(lines.join("\\n")))
  return btoa(String.fromCharCode(...new Uint8Array(bytes)))
}}))"""


def opened(browser, url: str, width: int, scheme: str, action: str | None, whole: bool):
    """The page after `action`, with the purged stylesheets or (`whole`) Material's own and its own wrapping of
    the tables, and its context."""
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    replaced: list[str] = []

    def as_material_leaves_it(url: str, html: str) -> str:
        html, tables = BUILT_TABLE.subn(r"<table\1>\2</table>", html)
        replaced.extend(["table"] * tables)
        return html.replace(f'<table class="{TABLE_CLASS}"', "<table")  # marked, not wrapped: the printable report

    def serving(original: Path):
        def whole_file(route) -> None:
            replaced.append("sheet")
            route.fulfill(path=original)

        return whole_file

    if whole:
        serve_pages_changed(context, as_material_leaves_it)
        for stem in ("main", "palette"):
            original = next(MATERIAL_STYLESHEETS.glob(f"{stem}.*.min.css"))
            context.route(f"**/assets/stylesheets/{stem}.*.min.css", serving(original))
    page = context.new_page()
    page.goto(url, wait_until="load")
    assert replaced.count("sheet") == (2 if whole else 0), replaced
    # Material's script wrapped the tables it was given, as it does without the build's wrapping
    tables = page.evaluate("""() => [...document.querySelectorAll("table")].map(table =>
      (table.className || "-") + " in " + table.parentElement.className)""")
    if whole:
        assert set(tables) <= {"- in md-typeset__table"}, tables
    if action == "drawer":
        page.click("label.md-header__button[for=__drawer]")
    elif action == "search":
        page.click("label.md-header__button[for=__search]" if width < 1220 else "input.md-search__input")
        page.locator("input.md-search__input").fill("ผลประโยชน์" if "/th/" in url else "conflict")
        page.locator("input.md-search__input").press("End")
        page.wait_for_selector("li.md-search-result__item", state="attached", timeout=30_000)
    elif action == "language":
        page.hover("div.md-select")
    elif action == "print":
        page.emulate_media(media="print")
    page.wait_for_timeout(600)  # Material's transitions (settled() below waits for any that run late)
    return context, page


def settled(page) -> list[str]:
    """Every element's style digest, once two reads 0.3 s apart agree: a page still changing (the search's
    results drawn late on a busy machine) is compared when it has come to rest, not halfway."""
    digests = page.evaluate(DIGESTS)
    for _ in range(30):
        page.wait_for_timeout(300)
        again = page.evaluate(DIGESTS)
        if again == digests:
            return digests
        digests = again
    raise AssertionError(f"{page.url}: the page's styles are still changing after 9 s")


@pytest.mark.parametrize(("path", "width", "scheme", "action"), VIEWS)
def test_pages_look_as_they_do_with_materials_whole_stylesheets(browser, served_site, path, width, scheme, action):
    """Every element's computed style is the same with the purged stylesheets as with Material's whole ones."""
    url = f"{served_site}/{path}"
    views = [opened(browser, url, width, scheme, action, whole) for whole in (False, True)]
    purged_page, whole_page = (page for _, page in views)
    elements = purged_page.evaluate(ELEMENTS)
    assert elements == whole_page.evaluate(ELEMENTS)
    differ = [n for n, (a, b) in enumerate(zip(settled(purged_page), settled(whole_page), strict=True)) if a != b]
    shown = [purged_page.evaluate(STYLES, differ[:3]), whole_page.evaluate(STYLES, differ[:3])] if differ else []
    for context, _ in views:
        context.close()
    for number, mine, theirs in zip(differ[:3], *shown, strict=True):
        changed = [f"{a} (Material's: {b})" for a, b in zip(mine, theirs, strict=True) if a != b]
        pytest.fail(
            f"{path} at {width} px ({scheme}, {action}): {len(differ)} elements, {elements[number]}: {changed[:5]}"
        )
