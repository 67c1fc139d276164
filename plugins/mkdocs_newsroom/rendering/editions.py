"""An edition's pages in its own language all round: Material's words (the search box, its
results, the skip link) in the edition's language, the site's copyright line in it, and a tab
strip of the edition's own (its front, its sections, its archive, tags and authors, the other
editions' fronts). Material's tabs are site-wide, so the strip is Newsroom's, on Material's
markup; it is rendered once per edition and navigation state (shell.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from jinja2 import DictLoader, TemplateNotFound
from jinja2.loaders import ChoiceLoader
from markupsafe import Markup

from ..settings.languages import LANGUAGE_TAG, cased_tag, site_language, tag_forms
from ..urls import AUTHORS_INDEX, TAGS_INDEX, archive_url
from .strings import catalog_language, gettext, material

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from jinja2 import Environment

    from ..model import Edition

# Material's language of an edition that Material does not know by its own tag
MATERIAL_LANGUAGE = {"prs": "fa"}
# Material's own words for a language it does not have, from our catalog (material entries)
_FROM_CATALOG = '{%% macro t(key) %%}{{ newsroom_material(key, "%s") }}{%% endmacro %%}'
_SAME_LANGUAGE = (  # Material's words of the same language under another tag, and that tag
    '{%% import "partials/languages/%s.html" as same %%}'
    '{%% macro t(key) %%}{{ "%s" if key == "language" else same.t(key) }}{%% endmacro %%}'
)


def _has_template(env: Environment, name: str) -> bool:
    try:
        assert env.loader is not None
        env.loader.get_source(env, name)
    except TemplateNotFound:
        return False
    return True


def lend_material_words(env: Environment, language: str) -> None:
    """Where Material has no words in the theme's `language` (as Material names its file:
    `ps`, `fr-FR`, ''), `env` is given the nearest (`_nearest_words`), English where none is
    near: MkDocs' own pages and Material's search plugin read them, and would stop the build
    with a traceback without."""
    found = _nearest_words(env, language)
    if found == (language, ""):
        return  # Material's own
    tag, made = found or ("en", "")
    said = site_language(language).tag  # its pages' `<html lang>`, as the news pages say it
    assert env.loader is not None
    words = {f"partials/languages/{language}.html": made or _SAME_LANGUAGE % (tag, said)}
    env.loader = ChoiceLoader([env.loader, DictLoader(words)])


def material_languages(
    env: Environment, editions: Sequence[Edition], theme_language: str
) -> dict[str, str]:
    """For each edition not in the theme's language (`theme_language`, as Newsroom reads it:
    those speak the theme's own words, Material's `custom` too), the language Material's
    templates speak on its pages; for one Material does not know but our catalog does
    (Pashto), Material is given a language file that asks the catalog."""
    chosen: dict[str, str] = {}
    made: dict[str, str] = {}
    for edition in editions:
        if edition.lang == theme_language:
            continue
        found = _nearest_words(env, edition.lang)
        if found is not None:
            chosen[edition.id], source = found
            if source:
                made[f"partials/languages/{chosen[edition.id]}.html"] = source
    if made:
        assert env.loader is not None
        env.loader = ChoiceLoader([env.loader, DictLoader(made)])
    return chosen


def _nearest_words(env: Environment, language: str) -> tuple[str, str] | None:
    """Material's words nearest `language`, tried in turn for it as written and as a tag is
    written (`pt-BR` for `pt-br`), for its shorter forms (`zh-Hant` of `zh-Hant-TW`), its
    language and region (`zh-TW`), its language alone (`fr` for `fr-FR`) and that language
    under another name (Persian's for Dari): a file of Material's (or the theme's) by its tag,
    as (tag, ''); else our catalog's words (Pashto), as (the catalog's tag, the source of a
    file that reads them); None where neither has."""
    for candidate in _forms(language):
        if candidate != language and not LANGUAGE_TAG.fullmatch(candidate):
            continue  # only a tag is written into a file's source
        if candidate and _has_template(env, f"partials/languages/{candidate}.html"):
            return candidate, ""
        catalog = catalog_language(candidate) if candidate else ""
        if catalog and material("language", catalog):
            env.globals["newsroom_material"] = material
            return catalog, _FROM_CATALOG % catalog
    return None


def _forms(language: str) -> dict[str, None]:
    """`language` and the tags nearest it, nearest first (see `_nearest_words`)."""
    cased = cased_tag(language)
    *longer, base = tag_forms(cased)
    parts = cased.split("-")[1:]
    regions = [f"{base}-{part}" for part in parts if len(part) == 2 and part.isupper()]
    return dict.fromkeys((language, *longer, *regions, base, MATERIAL_LANGUAGE.get(base, "")))


class _ThemeInLanguage:
    """MkDocs' theme, but for its `language`."""

    def __init__(self, theme: Any, language: str) -> None:
        self._theme = theme
        self.language = language

    def __getattr__(self, name: str) -> Any:
        return getattr(self._theme, name)

    def __getitem__(self, key: str) -> Any:
        return self.language if key == "language" else self._theme[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.language if key == "language" else self._theme.get(key, default)

    def __contains__(self, key: str) -> bool:
        return key in self._theme


class PageConfig:
    """The site's MkDocs configuration as Material's templates read it on a page. Its plain
    texts (`site_name`, `site_description`, `site_author`, `repo_name`) are escaped for HTML:
    Material prints them as they are in places (`aria-label="{{ config.site_name }}"`, the
    description's `<meta>`), where a quote in "The "Kabul" Times" ended the attribute. On an
    edition's pages, the theme speaks the edition's language and the copyright line is the
    edition's (HTML, as the site's is in Material)."""

    def __init__(self, config: Any, language: str = "", copyright_line: str = "") -> None:
        self._config = config
        self._escaped = {name: _escaped(config.get(name)) for name in _PLAIN_TEXTS}
        self.theme = _ThemeInLanguage(config.theme, language) if language else config.theme
        self.copyright = copyright_line or config.copyright

    def __getattr__(self, name: str) -> Any:
        if name in _PLAIN_TEXTS:
            return self._escaped[name]
        return getattr(self._config, name)

    def __getitem__(self, key: str) -> Any:
        if key in ("theme", "copyright"):
            return getattr(self, key)
        return self._escaped[key] if key in _PLAIN_TEXTS else self._config[key]

    def get(self, key: str, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key: str) -> bool:
        return key in self._config


def edition_config(config: Any, edition: Edition, languages: Mapping[str, str]) -> PageConfig:
    """mkdocs.yml as Material reads it on `edition`'s pages: in the language Material speaks
    there (`languages`, by edition: see material_languages), with the edition's copyright."""
    site_language = str(config.theme.get("language") or "en")
    language = languages.get(edition.id, site_language)
    return PageConfig(config, language if language != site_language else "", edition.copyright)


_PLAIN_TEXTS = frozenset({"site_name", "site_description", "site_author", "repo_name"})


def _escaped(value: object) -> object:
    return Markup.escape(value) if isinstance(value, str) else value


@dataclass(frozen=True)
class Tab:
    title: str
    url: str
    lang: str = ""  # of the title, when it is not the edition's language


def edition_tabs(edition: Edition, editions: Sequence[Edition], front_page: bool) -> list[Tab]:
    """An edition's tab strip: its front, its sections, its archive, the site's tags and
    authors in its words, then the other editions' fronts under their own names."""
    locale = edition.locale
    tabs = [Tab(gettext("Home", locale), edition.path)] if front_page else []
    tabs += [Tab(s.title, s.url, s.lang) for s in edition.sections.values()]
    tabs += [
        Tab(gettext("Tags", locale), TAGS_INDEX),
        Tab(gettext("Authors", locale), AUTHORS_INDEX),
        Tab(gettext("Archive", locale), edition.url(archive_url())),
    ]
    if front_page:
        tabs += [Tab(o.title, o.path, o.lang) for o in editions if o.id != edition.id]
    return tabs
