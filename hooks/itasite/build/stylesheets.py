"""Material's stylesheets cut down to the rules a built site can use.

Material ships one stylesheet for every feature and colour it offers: main.css is 134 KB, palette.css 12 KB,
and together they are half of what a phone downloads on a first visit. After the build, a rule is dropped
when one of its selectors' classes, ids or attribute values appears in none of the site's pages, scripts
and search files (Material's scripts name the classes they add in full, so their words count as used); then
every custom property that nothing refers to. A selector's arguments to :not(), :is() and the like are not
read, so such a selector is always kept. The purged file gets its own content hash in its name, since web
servers cache the hashed files for a year, and the pages are pointed at it; the source map, which maps the
whole file, goes. The project's own stylesheets keep every rule but lose their comments and indentation,
which are for the people who edit them (a third of ita.css, on every first visit). Material's rules for
tables are first pointed at the tables the build has wrapped (itasite/build/tables.py). A build whose sheets,
pages and own stylesheets give the same words as one before it takes that build's purged sheets from the
cache.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

import tinycss2
from tinycss2.ast import Node

from itasite.build import tables
from itasite.build.cache import code_key, read_cache, write_cache
from itasite.build.tables import point_at_marked_tables

STYLESHEETS = Path("assets/stylesheets")
MATERIAL_STYLESHEET = re.compile(r"^(main|palette)\.[0-9a-f]{8}\.min\.css$")  # Material's, hashed
# Where the words a page or a script can use live: pages, scripts and the search index the results come from
USING = ("**/*.html", "assets/javascripts/**/*.js", "search/*.json")
WORD = re.compile(r"-?-?[A-Za-z0-9_][A-Za-z0-9_-]*")
REFERENCE = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")
GROUPING_RULES = {"media", "supports", "layer", "container"}  # at-rules whose content is rules
EXACT_MATCH = {"=", "~=", "|="}  # attribute operators whose value must appear as a word to match
KEPT_PURGES = 8  # purged sets the cache keeps: both languages of a few sites (the tests build several)

Selector = list[Node]
Declaration = list[Node]


def purge_stylesheets(site_dir: Path, cache: Path | None = None) -> None:
    """Replace each of Material's stylesheets in a built site by its purged copy, and link the pages to it;
    `cache` is the file where purged sheets are kept for the builds that follow (None keeps nothing)."""
    folder = site_dir / STYLESHEETS
    material = sorted(path for path in folder.glob("*.css") if MATERIAL_STYLESHEET.match(path.name))
    if not material:
        raise FileNotFoundError(f"no stylesheet of Material's in {folder}")
    used = used_words(site_dir)
    ours = [path for path in sorted(folder.glob("*.css")) if path not in material]
    own = "".join(path.read_text(encoding="utf-8") for path in ours)
    sheets = point_at_marked_tables({path.name: path.read_text(encoding="utf-8") for path in material})
    purged = cached_purge(sheets, used, own, cache)
    renamed = {}
    for path in material:
        name = hashed_name(path.name, purged[path.name])
        path.unlink()
        path.with_name(path.name + ".map").unlink(missing_ok=True)  # the map is of the whole file
        (folder / name).write_text(purged[path.name], encoding="utf-8")
        renamed[path.name] = name
    for path in ours:
        path.write_text(compacted(path.read_text(encoding="utf-8")), encoding="utf-8")
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        relinked = re.sub("|".join(map(re.escape, renamed)), lambda found: renamed[found.group(0)], html)
        if relinked != html:
            page.write_text(relinked, encoding="utf-8")


def compacted(css: str) -> str:
    """`css` without its comments and with each run of white space that holds a line break made one line
    break: the same rules in fewer bytes. tinycss2 finds the comments, so a "/*" inside a string stays; a line
    break never is inside a string (CSS strings cannot hold one)."""
    tokens = tinycss2.parse_component_value_list(css, skip_comments=True)
    return re.sub(r"\s*\n\s*", "\n", tinycss2.serialize(tokens)).strip() + "\n"


def cached_purge(sheets: dict[str, str], used: set[str], own: str, cache: Path | None) -> dict[str, str]:
    """`purge`'s result, from the cache when the same sheets, words and own stylesheets were purged by this
    code before (a rebuild of unchanged data; the tests' many builds of one site), else worked out and kept."""
    if cache is None:
        return purge(sheets, used, own)
    key = code_key(Path(__file__), Path(tables.__file__), packages=("tinycss2",))
    digest = hashlib.sha256()
    for part in (*(f"{name}\0{text}" for name, text in sorted(sheets.items())), own, *sorted(used)):
        digest.update(part.encode("utf-8") + b"\0")
    kept = read_cache(cache, key)
    found = kept.get(digest.hexdigest())
    if isinstance(found, dict) and set(found) == set(sheets) and all(isinstance(v, str) for v in found.values()):
        return {name: str(found[name]) for name in sheets}
    purged = purge(sheets, used, own)
    recent = [(name, value) for name, value in kept.items() if name != digest.hexdigest()][: KEPT_PURGES - 1]
    write_cache(cache, key, dict([(digest.hexdigest(), purged), *recent]))
    return purged


def used_words(site_dir: Path) -> set[str]:
    """Every word of the site's pages, scripts and search files: the names a selector may need."""
    words: set[str] = set()
    for pattern in USING:
        for path in site_dir.glob(pattern):
            # Names are ASCII, and so every byte of a UTF-8 or windows-874 character falls outside a word
            words.update(WORD.findall(path.read_bytes().decode("latin-1")))
    return words


def hashed_name(name: str, text: str) -> str:
    """`main.57a0d79d.min.css` with the first eight hex digits of the SHA-256 of `text` instead."""
    stem, _, _ = name.split(".", 2)
    return f"{stem}.{hashlib.sha256(text.encode('utf-8')).hexdigest()[:8]}.min.css"


def purge(sheets: dict[str, str], used: set[str], own: str = "") -> dict[str, str]:
    """Each stylesheet without the rules no page can match, then without the custom properties that no
    stylesheet (`own` included) nor page refers to, until none is left to drop."""
    texts = {name: rewrite(text, name, lambda selector: can_match(selector, used)) for name, text in sheets.items()}
    while True:
        referred = set(REFERENCE.findall(own + "".join(texts.values()))) | {w for w in used if w.startswith("--")}
        referred_to = partial(refers_only_to, referred=referred)
        kept = {name: rewrite(text, name, declaration=referred_to) for name, text in texts.items()}
        if kept == texts:
            return kept
        texts = kept


def rewrite(
    css: str,
    name: str,
    selector: Callable[[Selector], bool] = lambda _: True,
    declaration: Callable[[Declaration], bool] = lambda _: True,
) -> str:
    """`css` minified, keeping the selectors and declarations the two tests keep and the rules left with both."""
    return "".join(
        _rules(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True), name, selector, declaration)
    )


def _rules(
    rules: Iterable[Node], name: str, selector: Callable[[Selector], bool], declaration: Callable[[Declaration], bool]
) -> Iterable[str]:
    """The kept rules, serialized; grouping at-rules are purged inside and dropped when left empty."""
    for rule in rules:
        if rule.type == "error":
            raise ValueError(f"{name}: line {rule.source_line}: {rule.message}")
        if rule.type == "qualified-rule":
            selectors = [_serialized(part) for part in _split(rule.prelude, ",") if selector(part)]
            declarations = [_serialized(part) for part in _split(rule.content, ";") if declaration(part)]
            if selectors and declarations:
                yield ",".join(selectors) + "{" + ";".join(declarations) + "}"
        elif rule.lower_at_keyword in GROUPING_RULES and rule.content is not None:
            inner = tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True)
            content = "".join(_rules(inner, name, selector, declaration))
            if content:
                yield f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{content}}}"
        else:
            yield rule.serialize()


def _split(tokens: list[Node] | None, separator: str) -> list[list[Node]]:
    """Top-level pieces of a token list between `separator` literals, empty pieces left out."""
    pieces: list[list[Node]] = [[]]
    for token in tokens or []:
        if token.type == "literal" and token.value == separator:
            pieces.append([])
        else:
            pieces[-1].append(token)
    return [piece for piece in pieces if any(token.type not in ("whitespace", "comment") for token in piece)]


def _serialized(tokens: list[Node]) -> str:
    """A piece of a rule as CSS, without the white space around it."""
    return str(tinycss2.serialize(tokens)).strip()


def can_match(selector: Selector, used: set[str]) -> bool:
    """Whether every class, id and exact attribute value the selector needs is a word of the site."""
    return all(word in used for word in needed_words(selector))


def needed_words(selector: Selector) -> list[str]:
    """The classes, ids, attribute names and exact attribute values of a selector, outside its functions."""
    needed = []
    for before, token in zip([None, *selector[:-1]], selector, strict=True):
        dot = before is not None and before.type == "literal" and before.value == "."
        if (token.type == "ident" and dot) or token.type == "hash":
            needed.append(token.value)
        elif token.type == "[] block":
            parts = [part for part in token.content if part.type not in ("whitespace", "comment")]
            if parts and parts[0].type == "ident":
                needed.append(parts[0].value)
                operator = "".join(part.value for part in parts[1:] if part.type == "literal")
                values = [part.value for part in parts[1:] if part.type in ("ident", "string")]
                if operator in EXACT_MATCH and values:
                    needed.extend(WORD.findall(values[0]))
    return needed


def refers_only_to(declaration: Declaration, referred: set[str]) -> bool:
    """Whether the declaration sets an ordinary property, or a custom property in `referred`."""
    parts = [token for token in declaration if token.type not in ("whitespace", "comment")]
    custom = (
        len(parts) > 1
        and parts[0].type == "ident"
        and parts[0].value.startswith("--")
        and parts[1].type == "literal"
        and parts[1].value == ":"
    )
    return not custom or parts[0].value in referred
