"""An edition reads as a newspaper in its own language: its interface words (Newsroom's and
Material's), its tab strip, its footer, in gettext catalogs that compile with each language's
plural rules; and tag slugs fold Arabic-script spellings as search does."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import pytest
import yaml
from babel.core import Locale
from babel.messages.mofile import write_mo
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po
from lxml import etree
from mkdocs.exceptions import Abort
from selectolax.lexbor import LexborHTMLParser

from mkdocs_newsroom.cli.main import main
from mkdocs_newsroom.model import is_rtl
from mkdocs_newsroom.outputs.sitemaps import news_language
from mkdocs_newsroom.rendering import dates, language_rules, strings

from .browser import chromium, open_page, serve_dir
from .sites import PASHTO_STORY, REPO, Site, article, build_repo_site, build_site

LOCALES = REPO / "plugins" / "mkdocs_newsroom" / "locales"
CATALOG_LOCALE = {"ps": "ps", "prs": "fa_AF", "fa": "fa", "ar": "ar", "ur": "ur"}
CATALOG_LOCALE |= {language: language for language in ("de", "es", "fr", "it", "pt", "ru", "tr")}
PASHTO_PAGES = {"front": "ps/", "article": PASHTO_STORY}
# What the reporter or the editor wrote (names, headlines, text) may be in any language; the
# interface around it may not be in English on a Pashto page. Dates and times are Babel's, in
# the locale's own (CLDR) words: the only Latin letters allowed are those of CLDR's Pashto
# zone format ("GMT+04:30"), which Babel writes, not Newsroom.
CONTENT = (
    ".nr-body, .nr-headline, .nr-standfirst, .nr-card__title, .nr-card__summary, .nr-byline a,"
    " .nr-card__meta a, .nr-tags, .nr-dateline, .nr-masthead, .nr-figure figcaption,"
    " .md-header__topic, .nr-headline-list a, [lang]:not([lang='ps'])"
)
CLDR_WORDS = set(re.findall(r"[A-Za-z]{2,}", Locale.parse("ps").zone_formats["gmt"] % ""))
ENGLISH_OUTSIDE_CONTENT = f"""() => {{
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const found = [];
  while (walker.nextNode()) {{
    const node = walker.currentNode, element = node.parentElement;
    if (!element || element.closest("{CONTENT}") || !element.checkVisibility()) continue;
    const words = node.textContent.match(/[A-Za-z]{{2,}}/g);
    if (words) found.push(...words);
  }}
  const search = document.querySelector(".md-search__input");
  if (search && /[A-Za-z]{{2,}}/.test(search.placeholder)) found.push(search.placeholder);
  return found;
}}"""


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_repo_site(tmp_path_factory.mktemp("editions") / "site")


def test_a_pashto_reader_sees_no_english_word_of_the_interface(demo: Site) -> None:
    with serve_dir(demo.site_dir) as base, chromium() as browser:
        for name, url in PASHTO_PAGES.items():
            page = open_page(browser, base, {"width": 390, "height": 1000}, url)
            assert page.evaluate("document.documentElement.lang") == "ps", name
            english = page.evaluate(ENGLISH_OUTSIDE_CONTENT)
            assert [word for word in english if word not in CLDR_WORDS] == [], name
            page.locator(".md-search__input").focus()
            meta = page.locator(".md-search-result__meta")
            meta.wait_for(state="visible")
            assert meta.inner_text() == "د لټون لپاره ولیکئ"  # "Type to start searching"
            page.close()


def test_an_edition_has_its_own_tab_strip_in_its_words(demo: Site) -> None:
    tabs = demo.dom("ps/").css(".md-tabs__link")
    assert [(tab.text(strip=True), tab.attributes.get("lang")) for tab in tabs] == [
        ("کور", None),
        ("نړۍ", None),
        ("سیاست", None),
        ("سوداګري", None),
        ("لوبې", None),
        ("ټکنالوژي", None),
        ("ساتېري", None),
        ("ټګونه", None),
        ("لیکوالان", None),
        ("آرشیف", None),
        ("English", "en"),
        ("دری", "prs"),
    ]
    english = [tab.text(strip=True) for tab in demo.dom("").css(".md-tabs__link")]
    assert english[:2] == ["Home", "World"] and "About the Gazette" in english


def test_a_section_without_its_own_title_is_marked_in_the_first_editions_language(
    tmp_path: Path,
) -> None:
    site = build_site(
        tmp_path,
        {"articles/a.md": article("Story", lang="ps", section="world")},
        plugin={"editions": {"en": {"title": "English"}, "ps": {"title": "پښتو"}}},
    )
    kicker = site.dom("ps/2024/05/01/story/").css_first(".nr-kicker a")
    assert (kicker.text(), kicker.attributes.get("lang")) == ("World", "en")
    listing = site.dom("ps/section/world/")
    heading, title = listing.css_first("h1"), listing.css_first("title")
    assert (heading.text(), heading.attributes.get("lang")) == ("World", "en")
    assert (title.text(), title.attributes.get("lang")) == ("World - Test Gazette", "en")
    assert site.dom("ps/").css_first("title").text() == "Test Gazette: پښتو"  # once


def test_the_demo_sections_keep_their_whole_descriptions() -> None:
    """A comma in a `{...}` flow mapping ends the value: descriptions with one are quoted."""
    demo = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    (plugin,) = [item["newsroom"] for item in demo["plugins"] if "newsroom" in item]
    sections = plugin["sections"]
    assert {key: sorted(section) for key, section in sections.items() if set(section) - {
        "title", "description", "order", "titles", "descriptions"}} == {}  # fmt: skip
    assert sections["business"]["description"] == "Markets, companies and the economy"


def test_the_footer_line_is_the_editions_own_and_keeps_its_direction(demo: Site) -> None:
    line = demo.dom("ps/").css_first(".md-copyright__highlight")
    assert line.attributes.get("dir") == "auto"
    assert line.text(strip=True) == "د نیوزروم لپاره لیکل شوې ازمایښتي منځپانګه."
    assert (
        demo.dom("")
        .css_first(".md-copyright__highlight")
        .text(strip=True)
        .startswith("Demo content written for Newsroom")
    )


def test_material_speaks_each_editions_language(demo: Site) -> None:
    placeholders = {
        url: demo.search_dialog(url).css_first(".md-search__input").attributes["placeholder"]
        for url in ("", "ps/", "prs/")
    }
    assert placeholders == {"": "Search", "ps/": "لټون", "prs/": "جستجو"}


@pytest.mark.parametrize("language", sorted(CATALOG_LOCALE))
def test_every_catalog_compiles_with_its_plural_rules(language: str) -> None:
    path = LOCALES / language / "LC_MESSAGES" / "newsroom.po"
    with path.open("rb") as source:
        catalog = read_po(source)
    assert not catalog.fuzzy
    assert [error for _message, errors in catalog.check() for error in errors] == []
    assert catalog.plural_forms == get_plural(CATALOG_LOCALE[language]).plural_forms
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    assert compiled.getvalue().startswith(b"\xde\x12\x04\x95")  # a gettext .mo file
    assert "NEEDS REVIEW BY A NATIVE SPEAKER" in path.read_text(encoding="utf-8")
    assert strings.untranslated(language) == []


def test_russian_and_french_count_as_their_languages_do() -> None:
    russian = [strings.count_articles(n, "ru") for n in (1, 2, 5, 11, 21, 22, 112)]
    assert russian == [
        "1 материал",
        "2 материала",
        "5 материалов",
        "11 материалов",
        "21 материал",
        "22 материала",
        "112 материалов",
    ]
    french = [strings.count_articles(n, "fr") for n in (0, 1, 2, 1_000_000)]
    assert french == ["0 article", "1 article", "2 articles", "1\u202f000\u202f000 d'articles"]
    # a count written as each language writes numbers
    assert [strings.count_articles(1234, lang) for lang in ("en", "de", "ru")] == [
        "1,234 articles",
        "1.234 Beiträge",
        "1\xa0234 материала",
    ]


def test_a_french_and_a_german_edition_speak_their_own_language(tmp_path: Path) -> None:
    two = {"authors": ["jdoe", "asmith"], "tags": ["Paris"]}
    corrected = [{"date": "2024-05-02", "text": "Le vote était <b>31</b> à 9."}]
    site = build_site(
        tmp_path,
        {
            "articles/fr-1.md": article("Un titre", lang="fr", corrections=corrected, **two),
            "articles/fr-2.md": article("Un autre", date="2024-05-02T10:00:00+00:00", lang="fr"),
            "articles/de.md": article("Eine Meldung", lang="de", translation="x", **two),
            "articles/fr-x.md": article("La même", lang="fr", translation="x"),
            "articles/ru-x.md": article("То же", lang="ru", translation="x", **two),
        },
        plugin={"editions": {lang: {"title": lang.upper()} for lang in ("fr", "de", "ru")}},
    )
    assert not [line for line in site.infos if "is in English" in line]
    french = site.dom("fr/2024/05/01/un-titre/")  # the editions as mkdocs.yml sorts them
    assert french.css_first(".nr-byline").text(separator=" ", strip=True).split() == [
        "Par",
        "Jane",
        "Doe",
        "et",
        "Ali",
        "Smith",
    ]
    assert "min de lecture" in french.css_first(".nr-reading-time").text()
    assert french.css_first(".md-tabs__link").text(strip=True) == "Accueil"
    german = site.dom("2024/05/01/eine-meldung/")
    assert german.css_first(".nr-byline").text(separator=" ", strip=True).startswith("Von")
    assert "Lesezeit" in german.css_first(".nr-reading-time").text()
    russian = site.dom("ru/2024/05/01/то-же/")
    assert russian.css_first(".nr-byline").text(strip=True).startswith("Авторы:")  # two
    # Material's "Made with" line too, which Material writes in English on every page
    assert french.css_first(".md-copyright").text(strip=True).startswith("Conçu avec")
    assert german.css_first(".md-copyright").text(strip=True).startswith("Erstellt mit")
    # the other editions' versions, named apart for a screen reader too
    assert german.css_first(".nr-translations").text(separator="", strip=True) == (
        "In anderen Sprachen:FR,RU"
    )
    # dates as each language writes them; a month's title with a capital, lower case in a
    # sentence where the language writes it so
    assert german.css_first(".nr-published").text().startswith("1. Mai 2024")
    assert french.css_first(".nr-published").text().startswith("1er mai 2024")
    # a space before the colon, as French writes it; the correction's text as it was written
    (correction,) = french.css(".nr-corrections li")
    assert correction.text() == "2 mai 2024\u00a0: Le vote était <b>31</b> à 9."
    assert correction.css_first("time").attributes["datetime"].startswith("2024-05-02")
    assert correction.css("b") == []
    month = site.dom("fr/archive/2024/05/")
    assert month.css_first("h1").text(strip=True) == "Mai 2024"
    description = month.css_first('meta[name="description"]').attributes["content"]
    assert description == "Les articles de mai 2024."
    year = site.dom("fr/archive/2024/").css_first('meta[name="description"]')
    assert year.attributes["content"] == "Les articles de 2024."
    tag = site.dom("tags/paris/")  # of editions tied, the first's: German
    assert tag.css_first(".nr-kicker").text(strip=True) == "Schlagwort"
    assert "3 Beiträge" in tag.css_first(".nr-listing__count").text()


def test_a_page_of_mkdocs_own_says_made_with_in_the_themes_language(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {"articles/a.md": article("Eine Meldung", lang="de"), "about.md": "# Über uns\n"},
        plugin={"editions": {"de": {"title": "Deutsch"}}},
        config={"theme": {"name": "material", "language": "de"}},
    )
    footer = site.dom("about/").css_first(".md-copyright").text(separator=" ", strip=True)
    assert footer.startswith("Erstellt mit")


def test_names_are_joined_as_each_language_lists_them() -> None:
    """CLDR's list patterns (English without the serial comma); Spanish writes 'e' for 'y'
    before an /i/ sound, whatever its accents or the quotes before it."""
    joined = language_rules.names_joined
    assert [joined(["Ana", "Luis", name], "es") for name in ("Isabel", "Íñigo", "«Ilse»")] == [
        "Ana, Luis e Isabel",
        "Ana, Luis e Íñigo",
        "Ana, Luis e «Ilse»",
    ]
    assert [joined(["Ana", name], "es") for name in ("Hilario", "Hierro", "Yolanda")] == [
        "Ana e Hilario",
        "Ana y Hierro",
        "Ana y Yolanda",
    ]
    assert joined(["A", "B", "C", "D"], "en") == "A, B, C and D"
    assert joined(["A", "Isabel"], "en") == "A and Isabel"
    assert joined(["A", "B", "C"], "ar") == "A وB وC"  # 'and' joined to the name it comes before
    assert joined(["آصف", "مریم"], "fa_AF") == "آصف و مریم"
    assert joined(["A", "B", "C"], "he") == "A, B וC"  # Hebrew's comma is Latin's
    assert joined(["A"], "es") == "A" and joined([], "es") == ""


def test_a_bylines_names_are_joined_in_the_stories_language_on_pages_and_feeds(
    tmp_path: Path,
) -> None:
    authors = "ana: {name: Ana Pérez}\nisabel: {name: Isabel Ruiz}\n"
    site = build_site(
        tmp_path,
        {"articles/es.md": article("Un titular", lang="es", authors=["ana", "isabel"])},
        plugin={"locale": "es"},
        authors=authors,
    )
    page = site.dom("2024/05/01/un-titular/")
    assert page.css_first(".nr-byline").text(separator=" ", strip=True).split() == [
        "Por",
        "Ana",
        "Pérez",
        "e",
        "Isabel",
        "Ruiz",
    ]
    card = site.dom("authors/ana/").css_first(".nr-card")
    assert "Por Ana Pérez e Isabel Ruiz" in " ".join(card.text(separator=" ").split())
    feed = feedparser.parse(site.site_dir / "feed.xml")
    assert feed.entries[0].author == "Ana Pérez e Isabel Ruiz"


def test_a_site_speaks_its_themes_language_unless_its_locale_says_another(
    tmp_path: Path,
) -> None:
    """Material's `language` alone makes a site of one edition Spanish, Newsroom's words and
    dates too; the plugin's `locale` names another."""
    files: dict[str, str | bytes] = {"articles/a.md": article("Un titular", authors=["jdoe"])}
    spanish = {"theme": {"name": "material", "language": "es"}}
    site = build_site(tmp_path / "theme", files, config=spanish)
    page = site.dom("2024/05/01/un-titular/")
    assert page.css_first("html").attributes["lang"] == "es"
    assert page.css_first(".nr-byline").text(strip=True).startswith("Por")
    assert page.css_first(".nr-published").text().startswith("1 de mayo de 2024")
    assert feedparser.parse(site.site_dir / "feed.xml").feed.language == "es"
    site = build_site(tmp_path / "locale", files, config=spanish, plugin={"locale": "fr"})
    page = site.dom("2024/05/01/un-titular/")
    assert page.css_first("html").attributes["lang"] == "fr"
    assert page.css_first(".nr-byline").text(strip=True).startswith("Par")
    site = build_site(tmp_path / "english", files)
    assert site.dom("2024/05/01/un-titular/").css_first("html").attributes["lang"] == "en"


def test_spanish_groups_no_number_of_four_digits() -> None:
    counts = [strings.count_articles(count, "es") for count in (1_234, 12_345)]
    assert counts == ["1234 noticias", "12.345 noticias"]
    assert strings.count_articles(1_234, "de") == "1.234 Beiträge"
    assert strings.count_articles(1_234, "es_ES") == "1234 noticias"
    assert strings.count_articles(1_234, "es_MX") == "1,234 noticias"
    assert strings.count_articles(1_234, "pt") == "1.234 notícias"  # Brazil's
    assert strings.count_articles(1_234, "pt_PT") == "1234 notícias"


def test_a_byline_takes_the_number_of_its_authors() -> None:
    one, several = ("By", "By", 1), ("By", "By", 3)
    assert [strings.ngettext(*one, lang) for lang in ("ru", "tr", "fa")] == [
        "Автор:",
        "Yazan:",
        "نویسنده:",
    ]
    assert [strings.ngettext(*several, lang) for lang in ("ru", "tr", "fa")] == [
        "Авторы:",
        "Yazanlar:",
        "نویسندگان:",
    ]


def test_a_month_is_named_as_each_language_names_it() -> None:
    assert [dates.month_phrase(2024, 2, lang) for lang in ("en", "es", "ru", "de")] == [
        "February 2024",
        "febrero de 2024",
        "февраль 2024\u202fг.",  # CLDR's narrow no-break space
        "Februar 2024",
    ]
    assert dates.month_title(2024, 2, "es") == "Febrero de 2024"
    assert dates.display_date(datetime(2024, 5, 1, tzinfo=UTC), "es") == "1 de mayo de 2024"
    assert dates.display_date(datetime(2024, 5, 1, tzinfo=UTC), "en") == "1 May 2024"
    # the first of a month as French and Italian papers write it
    first, second = datetime(2024, 5, 1, tzinfo=UTC), datetime(2024, 5, 2, tzinfo=UTC)
    assert [dates.display_date(first, lang) for lang in ("fr", "it")] == [
        "1er mai 2024",
        "1º maggio 2024",
    ]
    assert dates.display_date(second, "fr") == "2 mai 2024"


def test_arabic_has_six_plural_forms() -> None:
    forms = [strings.count_articles(n, "ar") for n in (0, 1, 2, 3, 11, 100)]
    assert forms == ["0 مقالة", "مقالة واحدة", "مقالتان", "3 مقالات", "11 مقالة", "100 مقالة"]
    assert strings.count_articles(1, "ps") == "1 لیکنه"
    assert strings.count_articles(2, "ps") == "2 لیکنې"


def test_the_message_template_is_up_to_date() -> None:
    checked = subprocess.run(
        [sys.executable, str(REPO / "tools" / "translations.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout


def test_a_missing_translation_is_shown_in_english_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locales = tmp_path / "locales"
    shutil.copytree(LOCALES, locales)
    catalog = locales / "ps" / "LC_MESSAGES" / "newsroom.po"
    text = catalog.read_text(encoding="utf-8")
    catalog.write_text(
        text.replace('msgstr "اړوند خبرونه"', 'msgstr ""').replace('msgstr "سمونې"', 'msgstr ""'),
        encoding="utf-8",
    )
    monkeypatch.setattr(strings, "LOCALES", locales)
    strings._catalogs.cache_clear()
    try:
        site = build_site(
            tmp_path / "site",
            {
                "articles/a.md": article("A", lang="ps", tags=["x"]),
                "articles/b.md": article("B", lang="ps", tags=["x"], date="2024-05-02"),
            },
            plugin={"editions": {"en": {"title": "English"}, "ps": {"title": "پښتو"}}},
        )
    finally:
        strings._catalogs.cache_clear()
    assert (
        "newsroom: no 'ps' translation yet for 'Corrections', 'Related': shown in English "
        "(they go in locales/ps/LC_MESSAGES/newsroom.po)"
    ) in site.infos
    assert ">Related<" in site.html("ps/2024/05/02/b/")


def test_a_translation_with_a_broken_placeholder_is_shown_in_english_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    locales = tmp_path / "locales"
    shutil.copytree(LOCALES, locales)
    catalog = locales / "ps" / "LC_MESSAGES" / "newsroom.po"
    text = catalog.read_text(encoding="utf-8")
    assert 'msgstr[1] "%(count)s دقیقې لوستل"' in text
    line = text.splitlines().index('msgid "%(count)s min read"') + 1
    catalog.write_text(
        text.replace('msgstr[1] "%(count)s دقیقې لوستل"', 'msgstr[1] "%(count) دقیقې لوستل"'),
        encoding="utf-8",
    )
    monkeypatch.setattr(strings, "LOCALES", locales)
    strings._catalogs.cache_clear()
    try:
        files = {"articles/a.md": article("A", lang="ps", body="word " * 600)}
        editions = {"editions": {"en": {"title": "English"}, "ps": {"title": "پښتو"}}}
        site = build_site(tmp_path / "site", files, plugin=editions)
        monkeypatch.chdir(tmp_path / "site")
        capsys.readouterr()
        assert main(["check"]) == 1
        checked = capsys.readouterr().out
    finally:
        strings._catalogs.cache_clear()
    assert site.warnings == [
        f"newsroom: locales/ps/LC_MESSAGES/newsroom.po:{line}:1: the translation of "
        "'%(count)s min read' "
        "cannot be used (ValueError: unsupported format character '?' (0x62f) at index 9), so "
        "it is shown in English; correct its placeholders (they are written %(name)s, as in "
        "the message)"
    ]
    assert "3 min read" in site.html("ps/2024/05/01/a/")
    assert f"newsroom.po:{line}:1: the translation of '%(count)s min read'" in checked


def test_an_edition_without_a_catalog_is_said_to_be_in_english(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {"articles/a.md": article("A", lang="nl")},
        plugin={"editions": {"en": {"title": "English"}, "nl": {"title": "Nederlands"}}},
    )
    assert (
        "newsroom: the interface of the 'nl' edition is in English: Newsroom has no "
        "translations for it yet (docs/translating.md says how to add them)"
    ) in site.infos
    assert site.warnings == []


def test_tags_spelt_with_arabic_or_persian_letters_are_one_tag(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {
            "articles/a.md": article("A", tags=["كابل"]),  # Arabic kaf and yeh
            "articles/b.md": article("B", tags=["کابل"], date="2024-05-02"),  # Persian keheh
            "articles/c.md": article("C", tags=["کابُل"], date="2024-05-03"),  # with a damma
        },
    )
    assert [page for page in site.pages() if page.startswith("tags/")] == ["tags/", "tags/کابل/"]
    assert len(site.dom("tags/کابل/").css(".nr-card")) == 3


def test_one_tag_is_spelt_as_each_language_spells_it_without_a_warning(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {
            "articles/a.md": article("A", lang="ar", tags=["كابل", "علي"]),  # Arabic kaf, yeh
            "articles/b.md": article("B", lang="ps", tags=["کابل", "علی"], date="2024-05-02"),
        },
        plugin={"editions": {"ar": {"title": "العربية"}, "ps": {"title": "پښتو"}}},
    )
    assert site.warnings == []
    tags = {
        url: [tag.text(strip=True) for tag in site.dom(url).css(".nr-tags a")]
        for url in ("2024/05/01/a/", "ps/2024/05/02/b/")
    }
    assert tags == {"2024/05/01/a/": ["كابل", "علي"], "ps/2024/05/02/b/": ["کابل", "علی"]}
    assert [page for page in site.pages() if page.startswith("tags/")] == [
        "tags/",
        "tags/علی/",
        "tags/کابل/",
    ]


def test_two_spellings_of_a_tag_in_one_language_are_a_warning(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {
            "articles/a.md": article("A", tags=["كابل"]),
            "articles/b.md": article("B", tags=["کابل"], date="2024-05-02"),
        },
    )
    assert site.warnings == [
        "newsroom: articles/b.md: tag 'کابل' is the same tag as 'كابل' (both are tags/کابل/); "
        "it is shown as 'كابل'. Use one spelling"
    ]


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("en", "1 May 2024, 18:05 GMT+04:30"),
        ("fa_AF", "1 می 2024، ساعت 18:05 +04:30 گرینویچ"),
        ("ar", "1 مايو 2024، 18:05 غرينتش+04:30"),
    ],
)
def test_a_time_and_its_zone_are_written_as_the_language_writes_them(
    locale: str, expected: str
) -> None:
    from datetime import datetime, timedelta, timezone

    from mkdocs_newsroom.rendering.dates import display_datetime

    moment = datetime(2024, 5, 1, 18, 5, tzinfo=timezone(timedelta(hours=4, minutes=30)))
    assert display_datetime(moment, locale) == expected


def test_an_author_id_spelt_with_other_arabic_letters_is_the_same_author(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {"articles/a.md": article("A", authors=["علی-احمدی"])},  # Persian yeh
        authors="علي-احمدي: {name: علي احمدي}\n",  # Arabic yeh
    )
    assert (site.warnings, site.summary) == ([], "newsroom: published 1 article, skipped 0")
    assert site.dom("2024/05/01/a/").css_first(".nr-byline a").text(strip=True) == "علي احمدي"


def test_one_instant_in_two_zones_is_written_in_each_zone() -> None:
    """The texts are cached; equal datetimes in different zones must not share an entry."""
    from datetime import datetime, timedelta, timezone
    from zoneinfo import ZoneInfo

    from mkdocs_newsroom.rendering.dates import display_date, display_datetime

    kabul = datetime(2024, 5, 1, 23, 35, tzinfo=timezone(timedelta(hours=4, minutes=30)))
    london = kabul.astimezone(ZoneInfo("Europe/London"))
    new_york = kabul.astimezone(ZoneInfo("America/New_York"))
    assert kabul == london == new_york
    assert display_datetime(kabul) == "1 May 2024, 23:35 GMT+04:30"
    assert display_datetime(london) == "1 May 2024, 20:05 GMT+01:00"
    assert display_datetime(new_york) == "1 May 2024, 15:05 GMT-04:00"
    assert display_date(kabul.astimezone(ZoneInfo("Asia/Tokyo"))) == "2 May 2024"
    assert display_date(kabul) == "1 May 2024"
    in_winter = datetime(2024, 1, 1, 15, 5, tzinfo=ZoneInfo("America/New_York"))
    assert display_datetime(in_winter) == "1 January 2024, 15:05 GMT-05:00"
    # no offset: as CLDR's zero format writes it, not GMT+00:00
    in_utc = datetime(2024, 1, 1, 15, 5, tzinfo=ZoneInfo("UTC"))
    assert display_datetime(in_utc) == "1 January 2024, 15:05 GMT"
    assert display_datetime(in_utc.astimezone(ZoneInfo("Europe/London"))).endswith("15:05 GMT")
    assert display_datetime(in_utc, "fa_AF") == "1 جنوری 2024، ساعت 15:05 گرینویچ"
    assert display_datetime(in_utc, "ar").endswith("15:05 غرينتش")


@pytest.mark.parametrize(
    ("lang", "code"),
    [
        ("zh-Hant-TW", "zh-tw"),
        ("zh-Hant", "zh-tw"),
        ("zh-HK", "zh-tw"),
        ("zh-Hans", "zh-cn"),
        ("zh-CN", "zh-cn"),
        ("zh", "zh-cn"),
        ("iw", "he"),
        ("fa-AF", "fa"),
        ("en-GB", "en"),
    ],
)
def test_the_news_sitemap_names_a_language_as_google_news_asks(lang: str, code: str) -> None:
    """An ISO 639 code, but zh-cn and zh-tw for Chinese by the characters it is written in
    (zh-Hant-TW gave 'zh')."""
    assert news_language(lang) == code


def test_a_withdrawn_code_of_a_right_to_left_language_is_right_to_left() -> None:
    assert is_rtl("iw") and is_rtl("ji-US") and not is_rtl("in")


@pytest.mark.parametrize(
    ("language", "search", "byline"),
    [
        ("fr-FR", "Rechercher", "Par"),  # Material has `fr` only
        ("fa-AF", "جستجو", "نویسنده:"),  # Dari: Material's Persian, Newsroom's Dari
        ("ps", "لټون", "لیکوال:"),  # Material has no Pashto: Newsroom's catalog
        ("und", "Search", "By"),  # no words in it anywhere: English
        ("", "Search", "By"),
    ],
)
def test_a_theme_language_material_has_no_file_of_builds_in_the_nearest_words(
    tmp_path: Path, language: str, search: str, byline: str
) -> None:
    """Material's search plugin and MkDocs' own pages stopped the build with a traceback for
    a language Material has no file of."""
    files: dict[str, str | bytes] = {
        "articles/a.md": article(authors=["jdoe"]),
        "about.md": "# About\n\nUs.\n",
    }
    config = {"theme": {"name": "material", "language": language}}
    site = build_site(tmp_path, files, config=config)
    about = site.dom("about/")
    assert about.css_first(".md-search__input").attributes["placeholder"] == search
    page = site.dom("2024/05/01/a-headline/")
    assert page.css_first(".nr-byline").text(strip=True).startswith(byline)


def test_pashto_has_materials_words_of_a_repository_and_its_footer() -> None:
    """Material has no Pashto: its words on a site with a repository (`repo_url`), its footer's
    steps and other plugins' come from Newsroom's catalog, not in English."""
    keys = ("source", "action.edit", "footer.next", "footer.previous", "consent.accept")
    assert all(strings.material(key, "ps") for key in keys)
    assert strings.material("footer.next", "ps") != "Next"


def test_serbo_croatian_sites_speak_serbian_in_latin_letters(tmp_path: Path) -> None:
    """Material has Serbo-Croatian as `sh`, a tag Babel knows only as Serbian in Latin
    letters (CLDR's alias): the news pages spoke English, Material's words there too, while
    the site's own pages spoke Serbo-Croatian."""
    files: dict[str, str | bytes] = {"articles/a.md": article(), "about.md": "# About\n\nUs.\n"}
    site = build_site(tmp_path, files, config={"theme": {"name": "material", "language": "sh"}})
    about, page = site.dom("about/"), site.dom("2024/05/01/a-headline/")
    search = about.css_first(".md-search__input").attributes["placeholder"]
    assert search != "Search"
    dialog = site.search_dialog("2024/05/01/a-headline/")
    assert dialog.css_first(".md-search__input").attributes["placeholder"] == search
    assert page.css_first("html").attributes["lang"] == "sh"
    assert "maj 2024" in page.css_first("time.nr-published").text()  # sr_Latn, not "May"


def test_a_custom_theme_language_speaks_its_own_words_on_the_news_pages(tmp_path: Path) -> None:
    """Material's `custom` language is the site's own words, in overrides/: its news pages had
    Material's English ones, its other pages the site's."""
    words = (
        '{% import "partials/languages/en.html" as language %}'
        '{% macro t(key) %}{{ {"search.placeholder": "Find a story"}.get(key) '
        "or language.t(key) }}{% endmacro %}"
    )
    files: dict[str, str | bytes] = {"articles/a.md": article(), "about.md": "# About\n\nUs.\n"}
    config = {"theme": {"name": "material", "language": "custom", "custom_dir": "overrides"}}
    for root in (tmp_path, tmp_path / "nl"):
        partial = root / "overrides" / "partials" / "languages" / "custom.html"
        partial.parent.mkdir(parents=True)
        partial.write_text(words, encoding="utf-8")
    site = build_site(tmp_path, files, config=config)
    search = site.dom("about/").css_first(".md-search__input")
    assert search.attributes["placeholder"] == "Find a story"
    for path in ("2024/05/01/a-headline/", ""):
        search = site.search_dialog(path).css_first(".md-search__input")
        assert search.attributes["placeholder"] == "Find a story", path
    assert site.dom("").css_first("html").attributes["lang"] == "en"
    # with `locale` naming the language of its words, the news pages are in that language
    site = build_site(tmp_path / "nl", files, config=config, plugin={"locale": "nl"})
    for path in ("2024/05/01/a-headline/", ""):
        search = site.search_dialog(path).css_first(".md-search__input")
        assert search.attributes["placeholder"] == "Find a story", path
        assert site.dom(path).css_first("html").attributes["lang"] == "nl"


@pytest.mark.parametrize(
    ("language", "said"),
    [("prs", "prs"), ("fa-AF", "fa-AF"), ("PS", "ps"), ("pt-br", "pt-BR"), ("EN", "en")],
)
def test_a_theme_language_is_its_pages_language_as_written(
    tmp_path: Path, language: str, said: str
) -> None:
    """A site's own pages said Material's nearest language (`fa` for Dari); a tag written
    in capitals stayed so on the news pages (`lang="PS"`)."""
    files: dict[str, str | bytes] = {"articles/a.md": article(), "about.md": "# About\n\nUs.\n"}
    config = {"theme": {"name": "material", "language": language}}
    site = build_site(tmp_path, files, config=config)
    assert site.dom("2024/05/01/a-headline/").css_first("html").attributes["lang"] == said
    assert site.dom("about/").css_first("html").attributes["lang"] == said


@pytest.mark.parametrize(
    ("language", "material"),
    [("pt-br", "pt-BR"), ("pt_BR", "pt-BR"), ("zh_hant_tw", "zh-Hant"), ("sr_latn", "sr-Latn")],
)
def test_a_theme_language_has_materials_words_of_its_nearest_form(
    tmp_path: Path, language: str, material: str
) -> None:
    """Material's words were looked up by the language as written and by its language alone:
    Brazilian Portuguese had Portugal's, Traditional Chinese the Simplified, Serbian in Latin
    letters the Cyrillic."""
    files: dict[str, str | bytes] = {"articles/a.md": article(), "about.md": "# About\n\nUs.\n"}
    words = {}
    for written in (language, material):
        config = {"theme": {"name": "material", "language": written}}
        site = build_site(tmp_path / written, files, config=config)
        about = site.dom("about/")
        dialog = site.search_dialog("2024/05/01/a-headline/")
        words[written] = (
            about.css_first(".md-skip").text(strip=True),
            about.css_first(".md-search__input").attributes["placeholder"],
            dialog.css_first(".md-search__input").attributes["placeholder"],
        )
    assert words[language] == words[material]


def test_a_theme_language_newsroom_does_not_know_is_said(tmp_path: Path) -> None:
    """A typo in the theme's language made the news pages English without a word; the part
    Newsroom knows (`fr` of `fr-XX`) is kept, and a language it does not know at all is said."""
    files: dict[str, str | bytes] = {
        "articles/a.md": article(authors=["jdoe"]),
        "about.md": "# About\n\nUs.\n",
    }
    config = {"theme": {"name": "material", "language": "fr-XX"}}
    site = build_site(tmp_path / "fr", files, config=config)
    assert site.warnings == []
    page = site.dom("2024/05/01/a-headline/")
    assert page.css_first("html").attributes["lang"] == "fr"
    assert page.css_first(".nr-byline").text(strip=True).startswith("Par")
    # MkDocs' own pages say the same (they said `fr-XX`), in Material's French words
    assert site.dom("about/").css_first("html").attributes["lang"] == "fr"
    config = {"theme": {"name": "material", "language": "zz"}}
    with pytest.raises(Abort):
        build_site(tmp_path / "zz", files, config=config, strict=True)
    # a `locale` says what the news pages are in: Material's words of it, without a line
    site = build_site(tmp_path / "zz-es", files, config=config, plugin={"locale": "es"})
    assert site.warnings == []
    search = site.search_dialog("2024/05/01/a-headline/").css_first(".md-search__input")
    assert search.attributes["placeholder"] == "Búsqueda"
    site = build_site(tmp_path / "zz2", files, config=config)
    assert site.warnings == [
        "newsroom: mkdocs.yml: theme language 'zz' is not a language Newsroom knows (its locale "
        "data comes from Babel), so the news pages are in English; write a BCP 47 language tag "
        "such as 'es' or 'pt-BR', or set the plugin's 'locale'"
    ]
    for url in ("2024/05/01/a-headline/", "about/"):  # English, as their words are
        assert site.dom(url).css_first("html").attributes["lang"] == "en", url


def test_a_name_of_the_other_direction_is_isolated_in_a_byline(tmp_path: Path) -> None:
    """A Latin name in a Pashto byline ('Reuters 24') took the line's right-to-left order
    (the digits and the joint moved); the page and the cards isolate it, and a name of the
    line's own direction is written as it was."""
    authors = "wire: {name: Reuters 24}\nahmad: {name: احمد ولي}\n"
    files: dict[str, str | bytes] = {"articles/a.md": article(authors=["ahmad", "wire"])}
    site = build_site(tmp_path, files, plugin={"locale": "ps"}, authors=authors)
    page = site.dom("2024/05/01/a-headline/")
    said = [(a.text(), a.attributes.get("dir")) for a in page.css(".nr-byline a")]
    assert said == [("احمد ولي", None), ("Reuters 24", "ltr")]
    card = site.dom("").css_first(".nr-card__meta")
    assert [a.attributes.get("dir") for a in card.css("a")] == [None, "ltr"]
    english = build_site(tmp_path / "en", files, authors=authors)
    page = english.dom("2024/05/01/a-headline/")
    assert [a.attributes.get("dir") for a in page.css(".nr-byline a")] == ["rtl", None]


def test_a_names_direction_is_its_first_strong_letter_outside_its_isolates() -> None:
    """As a browser reads `dir="auto"` (Unicode's rule P2): what an isolate holds is passed
    over, so a Pashto name opening with an isolated Latin word is right to left."""
    from mkdocs_newsroom.directions import text_direction

    assert text_direction("\u2067AB\u2069 احمد") == "rtl"
    assert text_direction("\u2066احمد\u2069 Smith") == "ltr"
    assert [text_direction(name) for name in ("24 News", "۲۴ خبري", "«Reuters»", "")] == [
        "ltr",
        "rtl",
        "ltr",
        "ltr",
    ]


@pytest.mark.parametrize("engine", ["python-markdown", "commonmark"])
def test_a_footnotes_way_back_is_labelled_in_the_editions_words(
    tmp_path: Path, engine: str
) -> None:
    """The Markdown engines label a footnote's back link in English (Python-Markdown's title,
    CommonMark's aria-label, which a screen reader reads out): on a French or a Pashto page,
    and in their feeds, it is in the edition's words; an English page keeps the engine's."""
    noted = "A claim[^1] and another[^1].\n\n[^1]: The source."
    site = build_site(
        tmp_path,
        {
            "articles/en.md": article("A story", lang="en", body=noted),
            "articles/fr.md": article("Une histoire", lang="fr", body=noted),
            "articles/ps.md": article("یوه کیسه", lang="ps", body=noted),
        },
        plugin={
            "editions": {lang: {"title": lang.upper()} for lang in ("en", "fr", "ps")},
            "markdown_engine": engine,
            "feed_full_content": True,
        },
        config={"markdown_extensions": ["footnotes"]},
    )
    attribute = "title" if engine == "python-markdown" else "aria-label"

    def labels(html: str) -> list[str]:
        links = LexborHTMLParser(html).css("a.footnote-backref")
        assert links  # the engine wrote its back links
        return [link.attributes[attribute] or "" for link in links]

    stories = [
        html
        for page in site.site_dir.rglob("index.html")
        if "footnote-backref" in (html := page.read_text(encoding="utf-8"))
    ]
    english, french, pashto = (
        labels(next(html for html in stories if f'<html lang="{lang}"' in html))
        for lang in ("en", "fr", "ps")
    )
    if engine == "python-markdown":
        # (a second reference to a note: a second back link, of the same number)
        assert english == ["Jump back to footnote 1 in the text"] * 2
        assert french == ["Retour à la note 1 dans le texte"] * 2
        assert pashto == ["بېرته په متن کې 1 لمن‌لیک ته"] * 2
    else:
        assert english == ["Back to reference 1", "Back to reference 1-2"]
        assert french == ["Retour à la référence 1", "Retour à la référence 1-2"]
        assert pashto == ["بېرته 1 حوالې ته", "بېرته 1-2 حوالې ته"]
    # the whole story in the RSS item, read as XML (feedparser's sanitizer drops aria-label)
    feed = etree.parse(site.site_dir / "fr" / "feed.xml")
    assert labels(feed.findtext("channel/item/description") or "") == french


def test_a_back_link_label_of_the_sites_own_or_a_reporters_is_left_as_it_is(
    tmp_path: Path,
) -> None:
    """Only the engines' own English is translated, in the attribute each writes it in: a
    title the site sets with `BACKLINK_TITLE` (even in CommonMark's words) and a reporter's
    own link keep theirs (a hostile review found both relabelled)."""
    site = build_site(
        tmp_path,
        {"articles/fr.md": article("Une histoire", lang="fr", body="A[^1].\n\n[^1]: B.")},
        plugin={"locale": "fr"},
        config={"markdown_extensions": [{"footnotes": {"BACKLINK_TITLE": "Back to reference %d"}}]},
    )
    (link,) = site.dom("2024/05/01/une-histoire/").css("a.footnote-backref")
    assert link.attributes["title"] == "Back to reference 1"
    own = (
        '<a class="footnote-backref" href="#fnref:1" data-title="Jump back to footnote 1 in the'
        ' text">↩</a><a class="footnote-backref" title="Jump back to footnote 1 in the text">'
        '↩</a><a class="footnote-backref" href="#fnref:1" aria-label="Back to reference 1">↩</a>'
    )
    assert strings.footnote_labels(own, "fr") == own


def test_a_back_link_after_thousands_of_links_left_open_is_labelled() -> None:
    """A story's HTML (unsanitized, `sanitize_markdown_html: false`) with 40,000 `<a` never
    closed before its footnotes: the back link is found, in one pass (a pattern that let a
    tag's attributes run past a `<` took minutes over such a body)."""
    back = (
        '<a class="footnote-backref" href="#fnref:1" title="Jump back to footnote 1 in the text">'
    )
    html = f"<p><!-- {'<a x ' * 40_000} --></p>{back}↩</a>"
    labelled = strings.footnote_labels(html, "fr")
    assert labelled.endswith('title="Retour à la note 1 dans le texte">↩</a>')
    assert labelled.count("Retour") == 1


def test_material_s_kurdish_of_iraq_is_a_sorani_site_written_right_to_left(
    tmp_path: Path,
) -> None:
    """Material's `ku-IQ` is Central Kurdish (Sorani), in Arabic letters: the news pages run
    right to left, as Material's own do, and their dates are Sorani's (CLDR's `ckb`), not
    those of Kurmanji, which is written in Latin letters."""
    files: dict[str, str | bytes] = {
        "articles/a.md": article("سەردێڕ", authors=["jdoe"], slug="headline")
    }
    kurdish = {"theme": {"name": "material", "language": "ku-IQ"}}
    site = build_site(tmp_path, files, config=kurdish)
    page = site.dom("2024/05/01/headline/")
    assert page.css_first("html").attributes["lang"] == "ku-IQ"
    assert page.css_first("html").attributes["dir"] == "rtl"
    assert page.css_first("body").attributes["dir"] == "rtl"
    published = page.css_first(".nr-published").text()
    assert "ئایار" in published and "M5" not in published  # May, as Sorani names it
    locale = page.css_first('meta[property="og:locale"]').attributes["content"]
    assert locale == "cb_IQ"  # as Facebook names Sorani


@pytest.mark.parametrize(
    ("lang", "rtl"),
    [
        ("ar", True), ("prs", True), ("pnb", True), ("ku-IQ", True), ("pa-PK", True),
        ("pa-Arab", True), ("az-IR", True), ("he", True), ("iw", True),
        ("ku", False), ("pa", False), ("sd-Deva", False), ("ar-Latn", False), ("en", False),
        ("fa-AF", True), ("xx", False), ("en-US-x-private", False), ("", False),
    ],
)  # fmt: skip
def test_a_language_runs_right_to_left_by_its_script_written_or_implied(
    lang: str, rtl: bool
) -> None:
    assert is_rtl(lang) is rtl
