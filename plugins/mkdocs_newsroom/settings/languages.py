"""The site's and its editions' languages, as mkdocs.yml names them, made into tags Babel,
browsers and search engines know, checked once per build."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from babel.core import Locale, UnknownLocaleError

from ..model import SEO_LANGUAGE_OF
from ..problems import NewsroomError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..model import Edition

# The Babel locale of languages Babel knows under another name (CLDR's aliases: Material has
# Serbo-Croatian as `sh`), and of Material's `ku-IQ`, whose words are Central Kurdish (Sorani,
# `ckb`; CLDR's `ku` is Kurmanji, which Iraq's Kurdish news is seldom in)
LOCALE_OF = {"prs": "fa_AF", "sh": "sr_Latn", "ku-IQ": "ckb_IQ"}

# A BCP 47 language tag as mkdocs.yml may write one (`ps`, `fa-AF`, `zh-Hant-TW`): nothing
# else is written into a page, or into a template's source (rendering/editions.py)
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


@dataclass(frozen=True)
class SiteLanguage:
    """What Newsroom makes of Material's `language`: the language its news pages are in where
    the plugin's `locale` is not set (`tag`), the language the theme's words are in (`words`:
    an edition in it shows them), and the line a language Newsroom does not know is worth."""

    tag: str
    words: str
    notice: str = ""


def site_language(theme_language: object, locale: str = "") -> SiteLanguage:
    """The site's language from Material's `theme_language`, as a tag is written (`ps` for
    `PS`), or the part of it Babel knows (`fr` of `fr-XX`); English for one Babel does not
    know at all (said, but for Material's `custom`, whose words are in `locale`'s language,
    English where it is not set)."""
    written = str(theme_language or "en")
    cased = cased_tag(written)
    for known in tag_forms(cased):
        if LANGUAGE_TAG.match(known) and babel_knows(LOCALE_OF.get(known, known)):
            return SiteLanguage(known, known)
    if written == "custom":
        return SiteLanguage("en", cased_tag(locale.replace("_", "-")) if locale else "en")
    notice = (
        f"mkdocs.yml: theme language '{written}' is not a language Newsroom knows "
        "(its locale data comes from Babel), so the news pages are in English; write a BCP 47 "
        "language tag such as 'es' or 'pt-BR', or set the plugin's 'locale'"
    )
    return SiteLanguage("en", "en", "" if locale else notice)


def tag_forms(tag: str) -> list[str]:
    """`tag` and its shorter forms, longest first: `zh-Hant-TW`, `zh-Hant`, `zh`."""
    parts = tag.split("-")
    return ["-".join(parts[:end]) for end in range(len(parts), 0, -1)]


def cased_tag(tag: str) -> str:
    """A language tag in the case BCP 47 writes it, which `<html lang>` and the editions'
    folders show: `ps`, `pt-BR`, `sr-Latn` (`PS`, `pt-br`, `sr_latn` as given)."""
    if not LANGUAGE_TAG.match(tag.replace("_", "-")):
        return tag
    language, *rest = tag.replace("_", "-").split("-")
    parts = [language.lower()]
    for part in rest:
        if len(part) == 4 and part.isalpha():
            parts.append(part.title())  # a script
        elif len(part) == 2 or (len(part) == 3 and part.isdigit()):
            parts.append(part.upper())  # a region
        else:
            parts.append(part.lower())
    return "-".join(parts)


def babel_knows(language: str) -> bool:
    """Whether Babel has locale data of `language` (`es`, `pt-BR`, `fa_AF`)."""
    try:
        Locale.parse(language.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return False
    return True


def check_language(edition_id: str, lang: str, locale: str, *, locale_given: bool) -> None:
    """An edition's language must be a language tag (it is written on its pages) Babel knows,
    by itself or by its `locale`: a typo (`zz`) would write an invalid `<html lang>` and
    English dates. A `locale` given must be one Babel knows: its dates are written in it."""
    if locale_given and not babel_knows(locale):
        raise NewsroomError(
            f"newsroom: mkdocs.yml: edition '{edition_id}': its locale '{locale}' is not one "
            "Babel knows, so its dates would be written in English; give one such as 'fr', "
            "'fa_AF' or 'pt_BR', or leave it out to take its lang's"
        )
    if not LANGUAGE_TAG.match(lang) or not any(babel_knows(tag) for tag in (locale, lang)):
        raise NewsroomError(
            f"newsroom: mkdocs.yml: edition '{edition_id}': its lang '{lang}' is not a language "
            "Newsroom knows (its locale data comes from Babel); give a BCP 47 language tag such "
            "as 'ps', 'fa-AF' or 'ar', or set the edition's 'locale' to one Babel knows"
        )


def more_languages(edition_id: str, languages: object) -> tuple[str, ...]:
    """An edition's `languages`: the other `lang` values of its articles, language tags."""
    listed = languages if isinstance(languages, (list, tuple)) else [languages]
    tags = [language for language in listed if isinstance(language, str)]
    for language in listed:
        if language not in tags or not LANGUAGE_TAG.match(language):
            raise NewsroomError(
                f"newsroom: mkdocs.yml: edition '{edition_id}': '{language}' in its languages "
                "is not a language tag an article's lang can be; write tags such as 'fa-AF' or "
                "'ps'"
            )
    return tuple(cased_tag(language) for language in tags)


def check_languages_taken_once(editions: Sequence[Edition]) -> None:
    """A language two editions take (one's lang, another's languages) would put its stories
    in the first of them only, by the order of mkdocs.yml."""
    taken: dict[str, str] = {}
    for edition in editions:
        for language in dict.fromkeys(tag.lower() for tag in edition.languages):
            other = taken.setdefault(language, edition.id)
            if other != edition.id:
                raise NewsroomError(
                    f"newsroom: mkdocs.yml: editions '{other}' and '{edition.id}' both take "
                    f"the stories in '{cased_tag(language)}' (by their lang or languages), "
                    "and only the first would get them; leave it to one of the two"
                )


def seo_language(edition_id: str, edition: dict[str, Any], lang: str) -> str:
    """The tag search engines know the edition's language by: one Babel knows, written with
    hyphens (`fa-AF`), as hreflang, `xml:lang` and `og:locale` are made of it."""
    tag = str(edition.get("seo_language") or SEO_LANGUAGE_OF.get(lang, lang))
    try:
        known = bool(LANGUAGE_TAG.match(tag)) and bool(Locale.parse(tag, sep="-"))
    except (ValueError, UnknownLocaleError):
        known = False
    if not known:
        raise NewsroomError(
            f"newsroom: mkdocs.yml: edition '{edition_id}': seo_language '{tag}' is not a "
            "language tag search engines know; write one such as 'fa-AF', 'ps' or 'en' "
            "(hyphens, a language Babel knows)"
        )
    return tag


def check_seo_languages(editions: Sequence[Edition]) -> None:
    """Two editions of one search language would be one language's alternates twice."""
    seen: dict[str, str] = {}
    for edition in editions:
        other = seen.setdefault(edition.seo_language.lower(), edition.id)
        if other != edition.id:
            raise NewsroomError(
                f"newsroom: mkdocs.yml: editions '{other}' and '{edition.id}' have the same "
                f"language for search engines, '{edition.seo_language}' (their lang, or their "
                "seo_language), so search engines could not tell them apart; give each edition "
                "its own"
            )
