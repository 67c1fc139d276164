"""The words of Newsroom's pages in the language of each edition: gettext catalogs, one `.po`
file per language under `locales/`, read and compiled through Babel when a build starts, with
each language's own plural rules. English is the source language: a message a catalog does not
translate is shown in English.

Translators work on the `.po` files with the usual tools (`pybabel`, Poedit, Weblate);
docs/translating.md says how. Material's own words on an edition's pages (the search box, its
results, the skip link) come from Material's translations, or, for a language Material does not
have, from the entries of context "material" of our catalog (`material`)."""

from __future__ import annotations

import io
import re
from functools import cache
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from ..problems import Problem
from .language_rules import written_count

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from babel.messages.catalog import Catalog, Message

LOCALES = Path(__file__).parent.parent / "locales"
DOMAIN = "newsroom"
MATERIAL = "material"  # the context of Material's keys, for languages Material lacks
# Languages of another name in their catalogs (Dari is Persian as spoken in Afghanistan)
CATALOG_OF = {"fa-af": "prs"}
PLACEHOLDER = re.compile(r"%\((\w+)\)")
COUNT = "%(count)s"  # where a plural message puts its number


def catalog_language(locale: str) -> str:
    """The catalog of a page in `locale` (`ps`, `prs`, `fa_AF`, `fa-AF`, `en_US`): its own, its
    language's, or '' for English and languages without one."""
    tag = locale.replace("_", "-").lower()
    tag = CATALOG_OF.get(tag, tag)
    for candidate in (tag, tag.split("-")[0]):
        if candidate in _catalogs():
            return candidate
    return ""


@cache
def _catalogs() -> _Catalogs:
    """Every catalog, each compiled in memory (a few kilobytes) when a page first asks for
    its language: an English site reads none of them."""
    return _Catalogs()


class _Catalogs:
    """The catalogs by language; a translation whose placeholders do not match its message's
    is left out (shown in English) and said in `broken_translations()`."""

    def __init__(self) -> None:
        found = sorted(LOCALES.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
        self._paths = {path.parent.parent.name: path for path in found}
        self._compiled: dict[str, Translations] = {}
        self._broken: dict[str, list[Problem]] = {}
        self._by_locale: dict[str, NullTranslations] = {}

    def __contains__(self, language: str) -> bool:
        return language in self._paths

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __getitem__(self, language: str) -> Translations:
        if language not in self._compiled:
            self._compiled[language] = self._compile(language)
        return self._compiled[language]

    def for_locale(self, locale: str) -> NullTranslations:
        """What a page in `locale` reads its words from (English: no catalog); looked up once
        a locale, since pages ask for every word."""
        found = self._by_locale.get(locale)
        if found is None:
            language = catalog_language(locale)
            found = self[language] if language else NullTranslations()
            self._by_locale[locale] = found
        return found

    def broken_in(self, language: str) -> list[Problem]:
        """What of `language`'s catalog is left out (compiling it tells)."""
        self[language]
        return self._broken[language]

    def _compile(self, language: str) -> Translations:
        with self._paths[language].open("rb") as source:
            catalog = read_po(source, locale=None, domain=DOMAIN)
        broken = self._broken.setdefault(language, [])
        for message, why in _unusable(catalog):
            msgid = message.id if isinstance(message.id, str) else message.id[0]
            catalog.delete(message.id, message.context)
            broken.append(
                Problem(
                    f"locales/{language}/LC_MESSAGES/{DOMAIN}.po",
                    f"the translation of '{msgid}' cannot be used ({why}), so it is shown in "
                    "English; correct its placeholders (they are written %(name)s, as in the "
                    "message)",
                    line=message.lineno or 1,
                    column=1,
                )
            )
        compiled = io.BytesIO()
        write_mo(compiled, catalog)
        compiled.seek(0)
        return Translations(compiled, domain=DOMAIN)


def broken_translations(locales: Iterable[str]) -> list[Problem]:
    """The translations of the catalogs of `locales` (the editions') left out because their
    placeholders are wrong."""
    catalogs = _catalogs()
    wanted = {catalog_language(locale) for locale in locales}
    problems = []
    for language in catalogs:
        if language in wanted:
            problems += catalogs.broken_in(language)
    return problems


class _AnyValue(dict[str, object]):
    """Values for every placeholder a translation may name, for a trial."""

    def __missing__(self, key: str) -> object:
        return 1


def _unusable(catalog: Catalog) -> list[tuple[Message, str]]:
    """The translations of `catalog` that cannot be filled as their messages are: Babel's
    checks (a placeholder the message does not have, another type), then a trial (a
    placeholder cut short, `%(count) دقیقې`, which Babel's checks let through)."""
    found = {id(message): (message, str(errors[0])) for message, errors in catalog.check()}
    for message in catalog:
        if not message.id or id(message) in found or "python-format" not in message.flags:
            continue
        names = set(PLACEHOLDER.findall(" ".join(_strings(message.id))))
        for text in _strings(message.string):
            try:
                text % _AnyValue.fromkeys(names, 1)
            except (ValueError, TypeError, KeyError) as error:
                found[id(message)] = (message, f"{type(error).__name__}: {error}")
                break
    return list(found.values())


def _strings(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,) if value else ()
    if isinstance(value, (tuple, list)):
        return tuple(text for text in value if isinstance(text, str) and text)
    return ()


def _translations(locale: str) -> NullTranslations:
    return _catalogs().for_locale(locale)


def translated(message: str, locale: str) -> str:
    """`message` in `locale`, its `%(name)s` placeholders left as they are."""
    return str(_translations(locale).gettext(message))


def translated_plural(singular: str, plural: str, count: int, locale: str) -> str:
    """The form of `singular`/`plural` that `count` takes in `locale`, with the count written
    as the language writes numbers ("1,234 articles", "1 234 articles", "1.234 Beiträge");
    other placeholders unfilled."""
    form = str(_translations(locale).ngettext(singular, plural, count))
    return form.replace(COUNT, written_count(count, locale)) if count >= 1000 else form


def gettext(message: str, locale: str = "en", **values: object) -> str:
    """`message` in `locale`, its `%(name)s` placeholders filled from `values`."""
    text = translated(message, locale)
    return text % values if values else text


def ngettext(singular: str, plural: str, count: int, locale: str = "en", **values: object) -> str:
    """The form of `singular`/`plural` that `count` takes in `locale`; `%(count)s` is filled."""
    return translated_plural(singular, plural, count, locale) % {"count": count, **values}


# A footnote's way back to where the text refers to it, as each Markdown engine writes it
# (Python-Markdown's title unless the site set its own, CommonMark's aria-label), in English.
# Their whole tags, to the letter: a reporter's own link, or another wording, is left alone.
_BACK_LINKS = re.compile(
    r'(<a class="footnote-backref" href="#fnref[^"<>]*" title=")'
    r'Jump back to footnote (\d+) in the text(">)'
    r'|(<a href="#fnref-[^"<>]*" class="footnote-backref" aria-label=")'
    r'Back to reference (\d+(?:-\d+)?)(">)'
)


def footnote_labels(html: str, locale: str) -> str:
    """`html`, a story's body, with its footnotes' back links labelled in `locale`'s words."""
    if "footnote-backref" not in html or not catalog_language(locale):
        return html

    def label(found: re.Match[str]) -> str:
        if found[2]:
            said = gettext("Jump back to footnote %(number)s in the text", locale, number=found[2])
            return f"{found[1]}{escape(said)}{found[3]}"
        said = gettext("Back to reference %(number)s", locale, number=found[5])
        return f"{found[4]}{escape(said)}{found[6]}"

    return _BACK_LINKS.sub(label, html)


def material(key: str, locale: str) -> str:
    """Material's interface string `key` ("search.placeholder") in `locale`, or '' when our
    catalog does not have it (Material then falls back to English)."""
    text = str(_translations(locale).pgettext(MATERIAL, key))
    return "" if text == key else text


def count_articles(count: int, locale: str = "en") -> str:
    return ngettext("%(count)s article", "%(count)s articles", count, locale)


def languages() -> list[str]:
    """The languages that have a catalog."""
    return sorted(_catalogs())


def untranslated(language: str) -> list[str]:
    """The messages of the template catalog (`newsroom.pot`) that `language`'s catalog does not
    translate yet: they are shown in English."""
    with (LOCALES / f"{DOMAIN}.pot").open("rb") as source:
        template = read_po(source, domain=DOMAIN)
    with (LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as source:
        catalog = read_po(source, domain=DOMAIN)
    missing = []
    for message in template:
        if not message.id:
            continue
        found = catalog.get(message.id, message.context)
        strings = found.string if found is not None else None
        if not strings or (isinstance(strings, tuple) and not all(strings)):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def missing_translations(locales: dict[str, str]) -> list[str]:
    """One line for each edition language (`locales`: language tag -> locale) whose words are
    shown in English, or some of them: which, and where their translations go."""
    lines = []
    for lang, locale in locales.items():
        if lang.split("-")[0].lower() == "en":
            continue
        language = catalog_language(locale) or catalog_language(lang)
        if not language:
            lines.append(
                f"the interface of the '{lang}' edition is in English: Newsroom has no "
                f"translations for it yet (docs/translating.md says how to add them)"
            )
        elif missing := untranslated(language):
            listed = ", ".join(f"'{message}'" for message in missing)
            lines.append(
                f"no '{language}' translation yet for {listed}: shown in English (they go in "
                f"locales/{language}/LC_MESSAGES/{DOMAIN}.po)"
            )
    return lines
