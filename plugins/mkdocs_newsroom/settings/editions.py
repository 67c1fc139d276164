"""The `editions` option made into the model's editions, each with its own sections."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import Edition
from ..problems import NewsroomError
from ..slugs import is_slug

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..model import Section
    from .schema import NewsroomConfig

# The Babel locale of languages Babel knows under another name.
LOCALE_OF = {"prs": "fa_AF"}


def edition_sections(
    sections: Mapping[str, Section], path: str, edition_id: str, lang: str
) -> dict[str, Section]:
    """The sections with this edition's URLs and, where configured, its titles."""
    edited = {}
    for key, section in sections.items():
        titles = dict(section.titles)
        title = titles.get(edition_id) or titles.get(lang) or section.title
        edited[key] = replace(section, title=title, url=f"{path}{section.url}")
    return edited


def load_editions(config: NewsroomConfig, sections: dict[str, Section]) -> tuple[Edition, ...]:
    """The editions, the first at the site root; one edition in `locale` when none is set."""
    declared = [(edition_id, dict(edition)) for edition_id, edition in config.editions.items()]
    if not declared:
        lang = config.locale.replace("_", "-")
        declared = [(lang, {"title": lang, "lang": lang, "locale": config.locale})]
    editions = []
    for position, (edition_id, edition) in enumerate(declared):
        if not is_slug(edition_id):
            raise NewsroomError(
                f"newsroom: edition id '{edition_id}' must be lower-case letters, digits and "
                "hyphens, because it names the edition's folder"
            )
        lang = str(edition.get("lang") or edition_id)
        locale = str(edition.get("locale") or LOCALE_OF.get(lang, lang.replace("-", "_")))
        path = "" if position == 0 else f"{edition_id}/"
        editions.append(
            Edition(
                id=edition_id,
                title=str(edition.get("title") or edition_id),
                lang=lang,
                locale=locale,
                path=path,
                languages=(lang, *edition.get("languages", ())),
                sections=edition_sections(sections, path, edition_id, lang),
                description=str(edition.get("description") or ""),
            )
        )
    return tuple(editions)
