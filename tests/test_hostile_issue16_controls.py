"""Issue #16, what a second hostile review found of the classes F13 and F14 began: a JSON
surrogate pair escape in mkdocs.yml or the authors file, and bidi controls left open where the
first fix did not look (a `.txt` article's decoded references, bodies, mkdocs.yml values).
Each is one line, the good article beside it still published, --strict fails, `newsroom check`
says the same."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from lxml import etree
from mkdocs.exceptions import Abort

from mkdocs_newsroom.directions import INVALID_CHARACTERS

from .commands import newsroom
from .sites import SECTIONS, article, build_site
from .test_hostile import built, checked_alike
from .test_hostile_issue16 import SURROGATE_PAIR

if TYPE_CHECKING:
    from pathlib import Path

    from .sites import Site

RLO = "\u202e"

# --- a surrogate escape in mkdocs.yml: one line, not a traceback -----------------------------

IN_CONFIG = (
    "'\\ud83d\\ude00', a surrogate pair, as JSON writes a character beyond U+FFFF, which no "
    "page can hold; write '\\U0001F600' (in double quotes) or the character itself (\U0001f600)"
)
HALF_IN_CONFIG = (
    "'\\ud83d', half of a surrogate pair, which no page can hold; write the character itself, "
    "or its '\\U' escape of eight hex digits (such as '\\U0001F600')"
)


@pytest.mark.parametrize(
    ("options", "said", "option"),
    [
        (
            {"plugin": {"sections": {**SECTIONS, "world": {"title": "World \ud83d\ude00"}}}},
            f"option 'sections' ('world' 'title') of mkdocs.yml holds {IN_CONFIG}",
            "sections",
        ),
        (
            {"config": {"site_name": "Portal \ud83d"}},
            f"option 'site_name' of mkdocs.yml holds {HALF_IN_CONFIG}",
            "site_name",
        ),
    ],
)
def test_a_surrogate_escape_in_mkdocs_yml_is_one_line_not_a_traceback(
    tmp_path: Path,
    options: dict[str, dict[str, object]],
    said: str,
    option: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    files: dict[str, str | bytes] = {"articles/a.md": article()}
    with pytest.raises(Abort):
        build_site(tmp_path, files, **options)  # type: ignore[arg-type]
    assert f"newsroom: {said}" in caplog.text
    assert "Traceback" not in caplog.text
    checked = newsroom(tmp_path, "check")
    assert checked.returncode == 1
    config = (tmp_path / "mkdocs.yml").read_text("utf-8").splitlines()
    line = next(n for n, text in enumerate(config, 1) if text.lstrip().startswith(f"{option}:"))
    column = len(config[line - 1]) - len(config[line - 1].lstrip()) + 1
    assert f"mkdocs.yml:{line}:{column}: {said}" in checked.stdout + checked.stderr


# --- a surrogate escape in authors.yml: the front matter's line --------------------------------


def test_a_surrogate_pair_escape_in_the_authors_file_says_what_to_write(tmp_path: Path) -> None:
    authors = 'jdoe: {name: "Desk \\ud83d\\ude00"}\n'
    files: dict[str, str | bytes] = {"articles/a.md": article("Story", authors=["jdoe"])}
    site = built(tmp_path, files, authors=authors)
    assert site.warnings == [
        f"newsroom: authors.yml:1:20: the authors file is not valid YAML: {SURROGATE_PAIR}; fix "
        "it. Until then the articles are published without their authors"
    ]
    checked_alike(tmp_path, site, files, authors=authors)


# --- bidi controls left open: every value of a .txt article, once decoded, and every body ------

LEFT_OPEN = (
    "held the direction control {code} without its closing one, which would reorder the text "
    "after it in pages, feeds and browser tabs; it was removed (and any others left open): "
    "close it with U+202C (U+2069 for an isolate), or remove it"
)


def _published(site: Site) -> str:
    """Every file the build wrote, as text, JSON's escapes of the control made it."""
    return (
        "\n".join(
            path.read_text("utf-8", "replace")
            for path in site.site_dir.rglob("*")
            if path.is_file()
        )
        .replace("\\u202e", RLO)
        .replace("\\u202E", RLO)
    )


def test_a_plain_texts_references_are_decoded_then_every_value_checked(tmp_path: Path) -> None:
    corrections = [{"date": "2024-05-02T10:00:00+00:00", "text": "Fixed &#x202E;the sum"}]
    image = {"src": "https://img.example.org/a.jpg", "alt": "A", "caption": "Cap &#8238;x"}
    files: dict[str, str | bytes] = {
        "articles/price.txt": article(
            "Price",
            slug="price",
            tags=["Markets &#x202E;up", "Fine"],
            image={**image, "credit": "By &#x202E;me"},
            corrections=corrections,
            body="First paragraph.\n\nShares &#x202E;0.01$ now.\n",
        ),
    }
    site = built(tmp_path, files)
    assert sorted(site.warnings) == [
        f"newsroom: articles/price.txt:13: field 'corrections' {LEFT_OPEN.format(code='U+202E')}",
        f"newsroom: articles/price.txt:19: its text {LEFT_OPEN.format(code='U+202E')}",
        f"newsroom: articles/price.txt:5: field 'tags' {LEFT_OPEN.format(code='U+202E')}",
        f"newsroom: articles/price.txt:8: field 'image' {LEFT_OPEN.format(code='U+202E')}",
    ]
    published = _published(site)
    assert RLO not in published
    page = site.html("2024/05/01/price/")
    assert all(text in page for text in ("Markets up", "Cap x", "By me", "Fixed the sum"))
    assert "Shares 0.01$ now." in page
    assert '<h1 class="nr-listing__title">Markets up' in site.html("tags/markets-up/")
    checked_alike(tmp_path, site, files)


def test_a_bodys_controls_left_open_are_removed_per_paragraph(tmp_path: Path) -> None:
    body = (
        "Price \u202e0.01$ per share,\nsays the desk.\n\n"
        "Kept \u2067\u0646\u0627\u0645\u2069 and \u202bx\u202c.\n\n"
        "A \u202ccloser that closes nothing.\n"
    )
    files: dict[str, str | bytes] = {"articles/price.md": article("Price", body=body)}
    site = built(tmp_path, files)
    assert site.warnings == [
        f"newsroom: articles/price.md:6: its text {LEFT_OPEN.format(code='U+202E')}"
    ]
    page = site.html("2024/05/01/price/")
    assert "Price 0.01$ per share" in page
    assert "Kept \u2067\u0646\u0627\u0645\u2069 and \u202bx\u202c." in page  # balanced: kept
    assert "A closer" in page
    assert RLO not in _published(site)
    assert '"content_text": "Price 0.01$ per share' in (site.site_dir / "feed.json").read_text()
    checked_alike(tmp_path, site, files)


def test_a_body_without_a_control_says_nothing(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "articles/plain.txt": article("Plain", body="Fine &amp; well.\n\nA \u2067b\u2069 c.\n"),
    }
    site = built(tmp_path, files)
    assert site.warnings == []
    assert "A \u2067b\u2069 c." in site.html("2024/05/01/plain/")


def test_a_markdown_bodys_reference_to_a_control_is_the_control(tmp_path: Path) -> None:
    body = "Price &#x202E;0.01$ per share, &#8238;twice.\n\nBalanced &#x2067;x&#x2069; kept.\n"
    files: dict[str, str | bytes] = {"articles/ref.md": article("Ref", body=body)}
    site = built(tmp_path, files)
    assert site.warnings == [
        f"newsroom: articles/ref.md:6: its text {LEFT_OPEN.format(code='U+202E')}"
    ]
    published = _published(site)
    assert RLO not in published
    assert "&#x202E;" not in published and "&#8238;" not in published
    assert "Price 0.01$ per share, twice." in site.html("2024/05/01/ref/")
    assert "Balanced \u2067x\u2069 kept." in site.html("2024/05/01/ref/")
    checked_alike(tmp_path, site, files)


def test_controls_left_open_in_mkdocs_yml_are_removed_with_a_line_per_option(
    tmp_path: Path,
) -> None:
    sections = {**SECTIONS, "world": {"title": "World \u202enews", "description": "All \u2067x"}}
    options: dict[str, dict[str, object]] = {
        "plugin": {
            "sections": sections,
            "publisher_name": "Desk \u202bx",
            "editions": {"en": {"title": "English \u202e", "lang": "en"}},
        },
        "config": {"site_name": "Portal \u202eGazette"},
    }
    files: dict[str, str | bytes] = {"articles/a.md": article("A story", section="world")}
    site = built(tmp_path, files, **options)
    said = {
        "site_name": ("", "U+202E"),
        "sections": ("('world' 'title') ", "U+202E"),
        "sections ": ("('world' 'description') ", "U+2067"),
        "publisher_name": ("", "U+202B"),
        "editions": ("('en' 'title') ", "U+202E"),
    }
    lines = {
        name: f"option '{name.strip()}' {inside}of mkdocs.yml {LEFT_OPEN.format(code=code)}"
        for name, (inside, code) in said.items()
    }
    assert sorted(w for w in site.warnings if "mkdocs.yml" in w) == sorted(
        f"newsroom: {line}" for line in lines.values()
    )
    published = _published(site)
    assert RLO not in published and "\u2067" not in published and "\u202b" not in published
    page = site.html("2024/05/01/a-story/")
    assert all(text in page for text in ("Portal Gazette", "World news", "Desk x"))
    assert "<title>Portal Gazette" in site.html("")
    with pytest.raises(Abort):
        build_site(tmp_path / "strict", files, strict=True, **options)  # type: ignore[arg-type]
    checked = newsroom(tmp_path / "site", "check")
    assert checked.returncode == 1
    config = (tmp_path / "site" / "mkdocs.yml").read_text("utf-8").splitlines()
    for name, line in lines.items():
        number = next(n for n, text in enumerate(config, 1) if f"{name.strip()}:" in text)
        column = len(config[number - 1]) - len(config[number - 1].lstrip()) + 1
        assert f"mkdocs.yml:{number}:{column}: {line}" in checked.stdout.splitlines()


# --- characters no page may hold, in mkdocs.yml: removed, a line per option, feeds written -----

HELD = (
    "held the character {code}, which cannot appear in web pages or feeds (a YAML escape such "
    'as "\\x01" makes it); it was removed (and any others like it)'
)


def test_characters_no_page_may_hold_in_mkdocs_yml_are_removed_with_a_line_per_option(
    tmp_path: Path,
) -> None:
    sections = {**SECTIONS, "world": {"title": "World\a news", "description": "All\x1b news"}}
    options: dict[str, dict[str, object]] = {
        "plugin": {
            "sections": sections,
            "publisher_name": "Desk\a",
            "editions": {"en": {"title": "English", "lang": "en", "copyright": "\a Desk"}},
        },
        "config": {
            "site_name": "Portal\a Gazette",
            "site_description": "News\a daily",
            "site_author": "The\x1b desk",
            "copyright": "The\a Gazette",
        },
    }
    files: dict[str, str | bytes] = {"articles/a.md": article("A story", section="world")}
    site = built(tmp_path, files, **options)
    said = {
        "site_name": ("", "U+0007"),
        "site_description": ("", "U+0007"),
        "site_author": ("", "U+001B"),
        "copyright": ("", "U+0007"),
        "sections": ("('world' 'title') ", "U+0007"),
        "sections ": ("('world' 'description') ", "U+001B"),
        "publisher_name": ("", "U+0007"),
        "editions": ("('en' 'copyright') ", "U+0007"),
    }
    lines = [
        f"option '{name.strip()}' {inside}of mkdocs.yml {HELD.format(code=code)}"
        for name, (inside, code) in said.items()
    ]
    assert sorted(w for w in site.warnings if "mkdocs.yml" in w) == sorted(
        f"newsroom: {line}" for line in lines
    )
    # nothing held back, the site's feeds written and well formed, and no such character in
    # any file, nor JSON's escape of one
    for feed in ("feed.xml", "atom.xml"):
        assert etree.parse(str(site.file(feed))).getroot() is not None
    theme_scripts = site.site_dir / "assets" / "javascripts"  # Material's, as it ships them
    for path in site.site_dir.rglob("*"):
        if path.is_relative_to(theme_scripts):
            continue
        try:
            text = path.read_bytes().decode("utf-8") if path.is_file() else ""
        except UnicodeDecodeError:  # an image, the gzipped sitemap: not text
            continue
        assert INVALID_CHARACTERS.search(text) is None, path
        assert not re.search(r"\\u00(?:07|1b)", text, re.IGNORECASE), path
    home, page = site.html(""), site.html("2024/05/01/a-story/")
    assert "<title>Portal Gazette" in home and "News daily" in home
    assert "World news" in page
    assert re.search(r'md-copyright__highlight"[^>]*>\s*Desk\s*<', page)  # the edition's
    not_found = (site.site_dir / "404.html").read_text("utf-8")  # the first edition's, too
    assert re.search(r'md-copyright__highlight"[^>]*>\s*Desk\s*<', not_found)
    with pytest.raises(Abort):
        build_site(tmp_path / "strict", files, strict=True, **options)  # type: ignore[arg-type]
    checked = newsroom(tmp_path / "site", "check")
    assert checked.returncode == 1
    assert all(line in checked.stdout for line in lines)
