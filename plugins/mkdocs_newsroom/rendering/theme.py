"""Newsroom's templates and stylesheet, added to the site's theme (Material)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from jinja2 import TemplateNotFound, TemplateSyntaxError
from mkdocs.commands.build import get_context

from ..model import is_rtl
from ..problems import NewsroomError
from .editions import edition_config
from .finishing import localize_root

if TYPE_CHECKING:
    from collections.abc import Mapping

    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation

    from ..model import Edition

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


_NOTHING_BUILT = (
    "MkDocs renders every page with the site's own templates, so nothing was built: fix it"
)


def check_own_templates(env: Environment, custom_dir: str | None) -> None:
    """The site's own templates but Newsroom's pages' (`overrides/main.html`, its partials),
    compiled before MkDocs renders its pages and the 404 page with them: one that is not
    valid Jinja would stop MkDocs with a traceback; it stops here, in one line naming its
    file and line. (A page of `overrides/news/` that cannot be rendered is a line of its
    own, and the other pages are written.)"""
    if not custom_dir:
        return
    folder = Path(custom_dir)
    for path in sorted(folder.rglob("*.html")):
        name = path.relative_to(folder).as_posix()
        if name.startswith(("news/", ".")) or "/." in name:
            continue
        try:
            env.get_template(name)
        except TemplateSyntaxError as error:
            fault = f"{os.path.relpath(path)}:{error.lineno}: the template is not valid Jinja "
            raise NewsroomError(f"newsroom: {fault}({error.message}); {_NOTHING_BUILT}") from None
        except UnicodeDecodeError:
            fault = f"{os.path.relpath(path)}: the template is not UTF-8 text"
            raise NewsroomError(f"newsroom: {fault}; {_NOTHING_BUILT}") from None
        except (TemplateNotFound, OSError):
            continue  # not one the theme finds (another folder's first), or gone


def template_folders(config: MkDocsConfig) -> list[str]:
    """The folders of the templates Newsroom's pages are rendered from."""
    folders = [str(TEMPLATES)]
    if config.theme.custom_dir:
        folders.append(str(config.theme.custom_dir))
    return folders


@dataclass(frozen=True)
class ThemePages:
    """The theme's own pages (404.html) as pages of the first edition: mkdocs.yml as Material
    reads it there (`languages`: Material's language on each edition's pages), whether the
    site has Material's search box (`site_has_search`: the 404 page offers a search then),
    and the edition's language and direction on `<html>`."""

    edition: Edition
    languages: Mapping[str, str]
    search_box: bool

    def add_to_context(self, context: dict[str, Any], config: MkDocsConfig) -> None:
        context["config"] = edition_config(config, self.edition, self.languages)
        context["site_has_search"] = self.search_box

    def finished(self, html: str) -> str:
        return localize_root(html, self.edition.lang, is_rtl(self.edition.lang))


def write_error_pages(
    env: Environment, files: Files, nav: Navigation, config: MkDocsConfig
) -> None:
    """The theme's error pages (404.html, which lists the latest stories) rendered and written
    again, as MkDocs' build does, for a rebuild from copy edits, which skips that build."""
    for name in config.theme.static_templates:
        if Path(name).stem.isdigit() and name.endswith(".html"):
            template = config.plugins.on_pre_template(
                env.get_template(name), template_name=name, config=config
            )
            context = get_context(
                nav, files, config, base_url=urlsplit(config.site_url or "/").path
            )
            context = config.plugins.on_template_context(context, template_name=name, config=config)
            output = template.render(context)
            output = config.plugins.on_post_template(output, template_name=name, config=config)
            if output and output.strip():
                Path(config.site_dir, name).write_text(output, encoding="utf-8")
