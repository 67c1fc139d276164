"""Newsroom's templates and stylesheet, added to the site's theme (Material)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

TEMPLATES = Path(__file__).parent.parent / "templates"
STYLESHEET = "assets/newsroom/newsroom.css"


def add_to_theme(config: MkDocsConfig, *, tabs: bool) -> None:
    """The theme finds Newsroom's templates after the site's own (so that `overrides/news/`
    and `overrides/404.html` win) and before Material's (Newsroom's 404.html takes the place
    of Material's), and its stylesheet; with `tabs`, sections and indexes are reached from
    Material's tabs."""
    config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(TEMPLATES))
    if tabs:
        features = config.theme.get("features") or []
        if "navigation.tabs" not in features:
            config.theme["features"] = [*features, "navigation.tabs"]
    if STYLESHEET not in config.extra_css:
        config.extra_css.insert(0, STYLESHEET)


def template_folders(config: MkDocsConfig) -> list[str]:
    """The folders of the templates Newsroom's pages are rendered from."""
    folders = [str(TEMPLATES)]
    if config.theme.custom_dir:
        folders.append(str(config.theme.custom_dir))
    return folders
