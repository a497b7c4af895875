"""The second engine, `forks`: ProperDocs (of MkDocs 1.6.1) and MaterialX (of Material 9.7.1), in .venv-forks.

Material for MkDocs gets fixes until 5 May 2027 and MkDocs 1.x none at all (maintainers/engine.md);
the forks run the same hooks and overrides. They read the project's own configs but for two settings:
MaterialX's theme is named `materialx`, and its search plugin (`materialx/search`, Pagefind unless told)
takes Lunr's options under `lunr:` with `provider: lunr`. So each language's config for the forks is
written from the project's own at build time: it INHERITs that config and changes only those two settings,
and there is no second copy to keep in step. It lies beside mkdocs.yml, as MkDocs resolves the paths of a
config (docs_dir, custom_dir, hooks) from the folder of the file it was given.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

FORKS_VENV = ".venv-forks"  # what `make forks` installs (requirements-forks.txt)
THEME = "materialx"
SEARCH = "search"  # the plugin's name in mkdocs.yml; each theme maps it to its own (material/, materialx/)
PREFIX = ".forks."  # the written configs: .forks.mkdocs.yml, .forks.mkdocs.en.yml (ignored by git)


class _Loader(yaml.SafeLoader):
    """YAML with MkDocs' tags, read only for `INHERIT` and `plugins`, which hold none of them."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    """A tagged value (`!ENV [NAME, default]`, `!relative`): not needed to find the plugins, so left out."""
    return None


_Loader.add_multi_constructor("!", _any_tag)


def forks_python(project: Path) -> Path:
    """The Python of the forks' venv, where `python -m properdocs` runs (Scripts\\python.exe on Windows)."""
    folder = project / FORKS_VENV
    return folder / "Scripts" / "python.exe" if os.name == "nt" else folder / "bin" / "python"


def _read(config: Path) -> dict[str, Any]:
    """One config file as plain data."""
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=_Loader)  # a SafeLoader
    return data if isinstance(data, dict) else {}


def plugins_of(config: Path) -> list[Any]:
    """The `plugins` a config builds with: its own, else those of the config it INHERITs, and so on."""
    data = _read(config)
    if "plugins" in data:
        return list(data["plugins"] or [])
    if "INHERIT" in data:
        return plugins_of(config.parent / str(data["INHERIT"]))
    return [SEARCH]  # MkDocs' default


def for_materialx(plugins: list[Any]) -> list[Any]:
    """The same plugins, the search plugin's options moved where MaterialX reads them (Lunr's, under `lunr:`)."""
    moved: list[Any] = []
    for plugin in plugins:
        if plugin == SEARCH:
            moved.append({SEARCH: {"provider": "lunr"}})
        elif isinstance(plugin, dict) and SEARCH in plugin:
            options = dict(plugin[SEARCH] or {})
            moved.append({SEARCH: {"provider": "lunr", "lunr": options}})
        else:
            moved.append(plugin)
    return moved


def forks_config_text(config: Path) -> str:
    """The config for the forks of one language: INHERIT the project's, with MaterialX's theme and search."""
    derived = {"INHERIT": config.name, "theme": {"name": THEME}, "plugins": for_materialx(plugins_of(config))}
    header = f"# Written by `python -m itasite build --engine forks` from {config.name}: edit that file, not this.\n"
    return header + yaml.safe_dump(derived, allow_unicode=True, sort_keys=False)


def forks_config(config: Path) -> Path:
    """Write (when it changed) the forks' config beside `config` and return its path. A new file replaces the
    old in one move, so builds running side by side (build-all) never read half of one."""
    derived = config.with_name(PREFIX + config.name)
    text = forks_config_text(config)
    if not derived.is_file() or derived.read_text(encoding="utf-8") != text:
        scratch = derived.with_name(f"{derived.name}.{os.getpid()}")
        scratch.write_text(text, encoding="utf-8")
        scratch.replace(derived)
    return derived
