"""Editions: one site, several languages (for example English, Pashto and Dari). Each edition
has its own front page, section fronts, archive and feeds; tag and author pages are shared.

An article belongs to the edition of its `lang` (the first edition's when it has none). The
first edition lives at the site root; the others under their own folder (`ps/`, `prs/`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .slugs import is_slug

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from .model import Section

# Languages written right to left (primary subtags): Arabic, Persian/Dari, Pashto, Urdu,
# Hebrew, Yiddish, Sorani Kurdish, Sindhi, Uyghur, Dhivehi, Kashmiri, Western Punjabi.
RTL_LANGUAGES = frozenset(
    {"ar", "fa", "ps", "prs", "ur", "he", "yi", "ckb", "sd", "ug", "dv", "ks", "pnb"}
)


def is_rtl(lang: str) -> bool:
    return lang.split("-")[0].lower() in RTL_LANGUAGES


@dataclass(frozen=True)
class Edition:
    """An edition: `lang` is its BCP 47 tag, `locale` the Babel locale of its dates,
    `languages` every `lang` an article may give to belong here, `path` its folder ('' or
    'ps/'), `sections` the sections as this edition names and links them."""

    id: str
    title: str
    lang: str
    locale: str
    path: str
    languages: tuple[str, ...]
    sections: Mapping[str, Section]
    description: str = ""

    @property
    def rtl(self) -> bool:
        return is_rtl(self.lang)

    def url(self, path: str) -> str:
        """A site-relative URL inside this edition."""
        return f"{self.path}{path}"

    def accepts(self, lang: str) -> bool:
        return lang.lower() in {language.lower() for language in self.languages}


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


def choose_edition(lang: str, editions: Sequence[Edition]) -> Edition | None:
    """The edition of an article's `lang`: exact tag, then its primary language."""
    if not lang:
        return editions[0]
    for edition in editions:
        if edition.accepts(lang):
            return edition
    primary = lang.split("-")[0]
    for edition in editions:
        if edition.accepts(primary):
            return edition
    return None


def check_edition_id(edition_id: str) -> bool:
    return is_slug(edition_id)
