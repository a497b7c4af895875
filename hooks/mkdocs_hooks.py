"""MkDocs entry points: the only module that knows MkDocs.

Each hook gathers plain data from the `itasite` package and hands it to MkDocs: `on_config` runs the
pipeline (load → check → score → plan) and keeps its result in a `Build`; the later events hand the
planned pages and files to MkDocs. The language comes from `theme.language` of the config being built.
"""

from __future__ import annotations

import logging
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from itasite.build.cache import compiled_templates
from itasite.build.compact import compact_html
from itasite.build.history import read_history
from itasite.build.provenance import Provenance, provenance
from itasite.build.stylesheets import purge_stylesheets
from itasite.build.tables import wrap_tables
from itasite.data.messages import chosen_language, say
from itasite.data.problems import DataError
from itasite.pipeline import plan, prepare
from itasite.scoring import ScoredDataset
from itasite.search.index import prepare_search
from itasite.site.changes import Feed, build_feed
from itasite.site.editlinks import edit_urls, repository_address
from itasite.site.explain import publisher_line
from itasite.site.locale import Locale, load_locale
from itasite.site.opendata import EMPTY_SITEMAP
from itasite.site.plan import SitePlan
from itasite.site.render import PageRenderer, render_root_files
from itasite.site.routes import CHANGES, DATA_FOLDER, EXAMPLE_SITE, FEED, data_file, site_root
from itasite.site.share import SharePlan, share_images, share_plan

log = logging.getLogger("mkdocs.hooks.itasite")

AGENCY_CSS = "assets/stylesheets/agency.css"
# Pages of docs/<lang>/ in the navigation, after the generated ones
HAND_WRITTEN = [("nav_accessibility", "accessibility.md")]
# The data editors' guide (docs/<lang>/guide/), which citizens do not need: out of the navigation (mkdocs.yml's
# not_in_nav), linked from the footer of every page, its index leading its other pages
GUIDE = "guide/index.md"
AGENCY_LOGO = "assets/images/agency-logo"


@dataclass(frozen=True)
class Build:
    """What `on_config` worked out for the build in progress, read by the events after it."""

    scored: ScoredDataset
    plan: SitePlan
    renderer: PageRenderer
    cache: Path | None  # where work is kept between builds; None keeps nothing
    feed: Feed | None  # the Atom feed of the data's changes; None without history
    # a generated page's source path → where its data file is edited; none without a repository
    edit_urls: dict[str, str]
    shares: SharePlan | None = None  # the share images and which one each page names; None without scores


_command = "build"  # `build` or `serve`, from on_startup: only `build` writes the site's root files
_build: Build | None = None  # one config per process at a time


def _current() -> Build:
    """The build in progress; an event before on_config is a bug, not a data problem."""
    if _build is None:
        raise PluginError("on_config has not run")
    return _build


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this is `build` (which writes the root redirect) or `serve`."""
    global _command
    _command = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load, check and score the data, plan the pages, and set the navigation, names and site address."""
    global _build
    if not config.use_directory_urls:
        raise PluginError("use_directory_urls must stay true: generated links assume directory URLs")
    project = Path(config.config_file_path).parent
    data_dir = (project / config.extra["data_dir"]).resolve()
    lang = config.theme["language"]
    try:
        scored = prepare(data_dir, project)
    except DataError as error:
        raise PluginError(error.report(chosen_language())) from None
    locale = load_locale(lang)
    origin = provenance(data_dir)
    config.extra["site_root"] = site_root(str(config.extra["site_root"]), scored.dataset.agency.site_url)
    if config.extra["site_root"] == EXAMPLE_SITE:
        print(say(chosen_language(), "site_url_example", {"example": EXAMPLE_SITE}), file=sys.stderr)
    config.site_url = f"{_site_root(config)}{lang}/"
    site_plan = plan(scored, locale, origin.data_changed, read_history(data_dir), config.site_url)
    agency = locale.text(scored.dataset.agency.name)
    # Material's templates print these as they are: they are handed over as HTML (Markup, so our overrides'
    # `| e` leaves them alone), the agency's name escaped in them by the locale.
    config.site_name = locale.t("site_name", agency=agency)
    config.site_description = locale.t("site_description", agency=agency)
    written = [{locale.t(key): pages} for key, path in HAND_WRITTEN if (pages := _hand_written(config, path))]
    config.nav = [*site_plan.nav, *written]
    for palette in config.theme["palette"]:
        palette["toggle"]["name"] = locale.t("palette_to_light" if palette["scheme"] == "slate" else "palette_to_dark")
    repository = repository_address(config.extra.get("data_repository"), scored.dataset.agency.repository)
    config.extra["origin"] = _origin(repository, scored, locale, origin)
    has_guide = (Path(config.docs_dir) / GUIDE).is_file()
    guide = {"href": "guide/", "for": locale.t("footer_staff"), "text": locale.t("nav_guide")}
    config.extra["guide"] = guide if has_guide else None
    config.extra["edit_title"] = locale.t("edit_data")
    config.extra["not_found"] = {"title": locale.t("not_found_title"), "home": locale.t("not_found_home")}
    config.extra["alternate"] = [
        {"name": load_locale(other).t("language_name"), "link": f"../{other}/", "lang": other}
        for other in config.extra["languages"]
    ]
    cache = (project / config.extra["cache_dir"]).resolve() if config.extra.get("cache_dir") else None
    renderer = PageRenderer(locale, compiled_templates(cache, "pages"), site_url=config.site_url)
    feed = _feed(config, site_plan, locale, agency)
    config.extra["feed"] = {"href": data_file(FEED), "title": "Atom"} if feed else None  # short: on every page
    edits = edit_urls(scored, repository, scored.dataset.agency.branch)
    shares = share_plan(scored, locale, [(page.src_uri, page.context) for page in site_plan.pages], config.site_url)
    _build = Build(scored, site_plan, renderer, cache, feed, edits, shares)
    apply_agency_look(config, scored, locale)
    return config


def _feed(config: MkDocsConfig, site_plan: SitePlan, locale: Locale, agency: str) -> Feed | None:
    """The Atom feed of the data's changes, with addresses under the site's own; None without history."""
    if not site_plan.changes:
        return None
    texts = {
        "title": locale.t("feed_title", agency=agency),
        "subtitle": locale.t("feed_subtitle"),
        "author": agency,
        "shared_author": locale.t("feed_shared_author"),
        "files": locale.t("changes_files"),
        "more": locale.t("changes_more"),
    }
    return build_feed(site_plan.changes, config.site_url or "", data_file(FEED), CHANGES, texts, locale.lang)


def _hand_written(config: MkDocsConfig, path: str) -> str | None:
    """The navigation entry of a hand-written page of docs/<lang>/; None when this language lacks it."""
    return path if (Path(config.docs_dir) / path).is_file() else None


def _site_root(config: MkDocsConfig) -> str:
    """The address the whole site is published at, ending in a slash."""
    return str(config.extra["site_root"]).rstrip("/") + "/"


def _origin(repository: str | None, scored: ScoredDataset, locale: Locale, origin: Provenance) -> dict[str, Any]:
    """What the footer says of where the data comes from (in `repository`, if any) and when it last changed."""
    agency = scored.dataset.agency
    return {
        "commit": origin.commit,
        "changed": locale.date(origin.data_changed) if origin.data_changed else None,
        "url": f"{repository}/tree/{origin.commit}/data" if repository and origin.commit else None,
        "text": locale.t("footer_origin"),
        "changed_text": locale.t("footer_changed"),
        "agency": escape(locale.text(agency.name)),
        "website": agency.website,
        "website_label": locale.t("homepage_label", agency=locale.text(agency.name)),
        "publisher": publisher_line(agency, locale),
    }


def apply_agency_look(config: MkDocsConfig, scored: ScoredDataset, locale: Locale) -> None:
    """The header's logo leads to the agency's own website, and says so to screen readers; the agency's logo
    and colours, when the data has them."""
    agency = scored.dataset.agency
    config.extra["homepage"] = agency.website
    config.extra["homepage_label"] = locale.t("homepage_label", agency=locale.text(agency.name))
    if agency.logo:
        config.theme["logo"] = config.theme["favicon"] = AGENCY_LOGO + Path(agency.logo).suffix
    if agency.colors and AGENCY_CSS not in config.extra_css:
        config.extra_css.append(AGENCY_CSS)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add every generated page, download and agency file."""
    build = _current()
    for spec in build.plan.pages:
        if files.get_file_from_path(spec.src_uri):
            raise PluginError(f"{config.docs_dir}/{spec.src_uri} clashes with a generated page; remove it")
        content = build.renderer.render(spec.template, spec.src_uri, **spec.context)
        files.append(File.generated(config, spec.src_uri, content=content))
    for download in build.plan.downloads:
        files.append(File.generated(config, data_file(download.name), content=download.content))
    for path, source in build.plan.kept:  # the register's own files, byte for byte
        files.append(File.generated(config, path, content=source.read_bytes()))
    files.append(File.generated(config, f"{DATA_FOLDER}/sitemap.xml", content=EMPTY_SITEMAP))
    if build.feed:
        feed = build.renderer.render_file("feed.xml.j2", feed=build.feed)
        files.append(File.generated(config, data_file(FEED), content=feed))
    if build.shares:
        for path, png in share_images(build.shares, build.renderer, build.cache).items():
            files.append(File.generated(config, path, content=png))
    dataset = build.scored.dataset
    if dataset.agency.logo:
        logo = (dataset.root / dataset.agency.logo).read_bytes()
        files.append(File.generated(config, AGENCY_LOGO + Path(dataset.agency.logo).suffix, content=logo))
    if dataset.agency.colors:
        css = build.renderer.render_file("agency.css.j2", colors=dataset.agency.colors)
        files.append(File.generated(config, AGENCY_CSS, content=css))
    return files


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    """Material's edit button of a generated page opens the data file behind it; hand-written pages keep what
    MkDocs gives them (nothing, as the site names no repo_url)."""
    url = _current().edit_urls.get(page.file.src_uri)  # generated pages only: no docs/ page shares their paths
    if url:
        page.edit_url = url
    return page


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    """The page's share image and its words, for the Open Graph tags of partials/share.html; a page with no
    figures of its own names the home page's image."""
    shares = _current().shares
    if shares:
        context["share"] = shares.tags(page.file.src_uri)
    return context


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Keep the theme's compiled templates between builds, as our own: compiling them is most of a rebuild."""
    env.bytecode_cache = compiled_templates(_current().cache, "theme")
    return env


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Send fewer bytes to phones: drop the indentation of Material's templates. Wrap the tables for scrolling
    now, so that Material's script does not move them as the page opens."""
    return compact_html(wrap_tables(output))


def on_post_build(config: MkDocsConfig) -> None:
    """Teach search Thai words and cut Material's stylesheets to what the pages use; on `mkdocs build` of
    the default language, write the files of the site's root: the page that leads to the default language,
    robots.txt, and a 404 page for any missing path."""
    site = Path(config.site_dir)
    cache = _current().cache
    prepare_search(site, cache / f"thai-words-{config.theme['language']}.json" if cache else None)
    purge_stylesheets(site, cache / f"stylesheets-{config.theme['language']}.json" if cache else None)
    if _command != "build" or config.theme["language"] != config.extra["languages"][0]:
        return
    for name, text in render_root_files(config.site_name, config.extra["alternate"], _site_root(config)).items():
        (site.parent / name).write_text(text, encoding="utf-8")
    # The default language's 404 page links from the site's root path, so it works at any depth.
    shutil.copyfile(site / "404.html", site.parent / "404.html")
