"""MkDocs entry points: the only module that knows MkDocs.

Each hook gathers plain data from the `itasite` package and hands it to MkDocs; loading, scoring and
page building live in that package. The language comes from `theme.language` of the config being built.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from itasite.buildcache import compiled_templates
from itasite.compact import compact_html
from itasite.dataset import load_dataset
from itasite.locale import load_locale
from itasite.opendata import EMPTY_SITEMAP, FOLDER
from itasite.pages import SitePlan, plan_site
from itasite.problems import DataError
from itasite.provenance import provenance
from itasite.render import PageRenderer
from itasite.search import prepare_search

log = logging.getLogger("mkdocs.hooks.itasite")

PAGE_TEMPLATES = "pages"  # folder of overrides/ holding templates of generated pages, not site files
AGENCY_CSS = "assets/stylesheets/agency.css"
HAND_WRITTEN = [("nav_accessibility", "accessibility.md"), ("nav_guide", "guide.md")]  # pages in docs/<lang>/
AGENCY_LOGO = "assets/images/agency-logo"
_build: dict = {}  # state of the build in progress: one config per process, set in on_config


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this is `build` (which writes the root redirect) or `serve`."""
    _build["command"] = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and check the data, plan the pages and set the navigation and site name."""
    if not config.use_directory_urls:
        raise PluginError("use_directory_urls must stay true: generated links assume directory URLs")
    project = Path(config.config_file_path).parent
    data_dir = (project / config.extra["data_dir"]).resolve()
    overrides = Path(config.theme.custom_dir)
    lang = config.theme["language"]
    try:
        dataset = load_dataset(data_dir, project)
    except DataError as error:
        raise PluginError(error.report()) from None
    locale = load_locale(overrides / "locales", lang)
    origin = provenance(data_dir)
    plan = plan_site(dataset, locale, origin.data_changed)
    agency = locale.text(dataset.agency.name)
    config.site_name = locale.t("site_name", agency=agency)
    config.site_description = locale.t("site_description", agency=agency)
    written = [{locale.t(key): page} for key, page in HAND_WRITTEN if (Path(config.docs_dir) / page).is_file()]
    config.nav = [*plan.nav, *written]
    for palette in config.theme["palette"]:
        palette["toggle"]["name"] = locale.t("palette_to_light" if palette["scheme"] == "slate" else "palette_to_dark")
    root = config.extra["site_root"].rstrip("/") + "/"
    config.site_url = f"{root}{lang}/"
    repository = config.extra.get("data_repository", "").rstrip("/")
    config.extra["origin"] = {
        "commit": origin.commit,
        "changed": locale.date(origin.data_changed) if origin.data_changed else None,
        "url": f"{repository}/tree/{origin.commit}/data" if repository and origin.commit else None,
        "text": locale.t("footer_origin"),
        "changed_text": locale.t("footer_changed"),
        "agency": locale.text(dataset.agency.name),
        "website": dataset.agency.website,
    }
    config.extra["alternate"] = [
        {"name": load_locale(overrides / "locales", other).t("language_name"), "link": f"../{other}/", "lang": other}
        for other in config.extra["languages"]
    ]
    cache = (project / config.extra["cache_dir"]).resolve() if config.extra.get("cache_dir") else None
    renderer = PageRenderer(overrides / PAGE_TEMPLATES, locale, compiled_templates(cache, "pages"))
    _build.update(plan=plan, renderer=renderer, overrides=overrides, cache=cache)
    _build["dataset"] = dataset
    apply_agency_look(config, dataset, locale)
    return config


def apply_agency_look(config: MkDocsConfig, dataset, locale) -> None:
    """The header's logo leads to the agency's own website, and says so to screen readers; the agency's logo
    and colours, when the data has them."""
    agency = dataset.agency
    config.extra["homepage"] = agency.website
    config.extra["homepage_label"] = locale.t("homepage_label", agency=locale.text(agency.name))
    if agency.logo:
        config.theme["logo"] = config.theme["favicon"] = AGENCY_LOGO + Path(agency.logo).suffix
    if agency.colors and AGENCY_CSS not in config.extra_css:
        config.extra_css.append(AGENCY_CSS)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add every generated page; drop page templates that MkDocs would copy as theme files."""
    for file in [f for f in files if f.src_uri.startswith(f"{PAGE_TEMPLATES}/")]:
        files.remove(file)
    plan: SitePlan = _build["plan"]
    renderer: PageRenderer = _build["renderer"]
    for spec in plan.pages:
        if files.get_file_from_path(spec.src_uri):
            raise PluginError(f"{config.docs_dir}/{spec.src_uri} clashes with a generated page; remove it")
        content = renderer.render(spec.template, spec.src_uri, **spec.context)
        files.append(File.generated(config, spec.src_uri, content=content))
    for download in plan.downloads:
        files.append(File.generated(config, f"{FOLDER}/{download.name}", content=download.content))
    files.append(File.generated(config, f"{FOLDER}/sitemap.xml", content=EMPTY_SITEMAP))
    agency = _build["dataset"].agency
    if agency.logo:
        logo = (_build["dataset"].root / agency.logo).read_bytes()
        files.append(File.generated(config, AGENCY_LOGO + Path(agency.logo).suffix, content=logo))
    if agency.colors:
        css = renderer.env.get_template("agency.css.j2").render(colors=agency.colors)
        files.append(File.generated(config, AGENCY_CSS, content=css))
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Keep the theme's compiled templates between builds, as our own: compiling them is most of a rebuild."""
    env.bytecode_cache = compiled_templates(_build["cache"], "theme")
    return env


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    """Send fewer bytes to phones: drop the indentation of Material's templates."""
    return compact_html(output)


def on_post_build(config: MkDocsConfig) -> None:
    """Teach search Thai words; on `mkdocs build` of the default language, write the files of the site's
    root: the page that leads to the default language, robots.txt, and a 404 page for any missing path."""
    site = Path(config.site_dir)
    cache = _build["cache"]
    prepare_search(site, cache / f"thai-words-{config.theme['language']}.json" if cache else None)
    if _build.get("command") != "build" or config.theme["language"] != config.extra["languages"][0]:
        return
    env = Environment(
        loader=FileSystemLoader(_build["overrides"]),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    root = config.extra["site_root"].rstrip("/") + "/"
    html = env.get_template("root.html").render(config=config, languages=config.extra["alternate"])
    (site.parent / "index.html").write_text(html, encoding="utf-8")
    robots = env.get_template("robots.txt").render(config=config, root=root)
    (site.parent / "robots.txt").write_text(robots.lstrip(), encoding="utf-8")
    # The default language's 404 page links from the site's root path, so it works at any depth.
    shutil.copyfile(site / "404.html", site.parent / "404.html")
