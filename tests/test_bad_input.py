"""Every kind of bad input gets one line naming the file, what is wrong and how to fix it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from .sites import article, build_site

YAML_HINT = (
    "fix it between the '---' lines, for example by quoting a value that contains ': ' or "
    "starts with a quote, '[', '{', '&', '*', '!', '|', '>', '%' or '@'; the article was skipped"
)
SKIPPED = "; the article was skipped"

CASES = {
    "broken-yaml": (
        "---\ntitle: Fine\ndate: 2024-05-01\nsummary: a: b\n---\nbody\n",
        "articles/broken-yaml.md:4:11: the front matter is not valid YAML (mapping values are "
        f"not allowed in this context); {YAML_HINT}",
    ),
    "unclosed-quote": (
        '---\ntitle: "unclosed\ndate: 2024-05-01\n---\nbody\n',
        "articles/unclosed-quote.md:2:8: the front matter is not valid YAML: the quote that "
        "opens here is not closed; end the value with the same quote (a ' inside '...' is "
        f'written \'\', a " inside "..." is written \\"){SKIPPED}',
    ),
    "unclosed-mapping": (
        "---\ntitle: Fine\nimage: {src: a.jpg\ndate: 2024-05-01\n---\nbody\n",
        "articles/unclosed-mapping.md:3:8: the front matter is not valid YAML: the mapping that "
        "opens here with '{' is not closed; end it with '}', or quote the value if the '{' is "
        f"part of it{SKIPPED}",
    ),
    "unknown-escape": (
        '---\ntitle: "Photo C:\\photos\\q.jpg"\ndate: 2024-05-01\n---\nbody\n',
        "articles/unknown-escape.md:2:17: the front matter is not valid YAML: a backslash inside "
        '"..." begins an escape (\\n, \\t, \\"), and this one is none; write \\\\ for a '
        f"backslash, or quote the value with '...' instead{SKIPPED}",
    ),
    "no-front-matter": (
        "Just text\n",
        "articles/no-front-matter.md:1: no front matter: the file must start with a line '---', "
        f"then 'title:' and 'date:' lines, then a closing '---'{SKIPPED}",
    ),
    "never-closed": (
        "---\ntitle: x\ndate: 2024-05-01\nbody\n",
        "articles/never-closed.md:1: the front matter is never closed: add a line '---' after "
        f"its last field{SKIPPED}",
    ),
    "a-list": (
        "---\n- a\n- b\n---\nbody\n",
        "articles/a-list.md:2:1: the front matter must be 'name: value' lines, not a list or a "
        f"single value{SKIPPED}",
    ),
    "missing-title": (
        "---\ndate: 2024-05-01\n---\nbody\n",
        "articles/missing-title.md: missing required field 'title': add a line 'title: Your "
        f"headline' to the front matter{SKIPPED}",
    ),
    "empty-title": (
        "---\ntitle: ''\ndate: 2024-05-01\n---\nbody\n",
        f"articles/empty-title.md:2: 'title' is empty: write the headline after 'title:'{SKIPPED}",
    ),
    "missing-date": (
        "---\ntitle: x\n---\nbody\n",
        "articles/missing-date.md: missing required field 'date': add a line 'date: "
        f"2024-05-01T09:30:00+04:30' to the front matter{SKIPPED}",
    ),
    "bad-date": (
        "---\ntitle: x\ndate: yesterday\n---\nbody\n",
        "articles/bad-date.md:3: 'date': 'yesterday' is not an ISO 8601 date; write for example "
        f"2024-05-01 or 2024-05-01T09:30:00+04:30{SKIPPED}",
    ),
    "impossible-date": (
        "---\ntitle: x\ndate: 2024-13-01\n---\nbody\n",
        "articles/impossible-date.md:3: 'date': '2024-13-01' has no month 13: write a month "
        f"from 01 to 12{SKIPPED}",
    ),
    "unknown-author": (
        "---\ntitle: x\ndate: 2024-05-01\nauthors: [jdoe, nobody]\n---\nbody\n",
        "articles/unknown-author.md:4:17: unknown author 'nobody': add 'nobody' to authors.yml, "
        f"or use one of: asmith, jdoe{SKIPPED}",
    ),
    "unknown-section": (
        "---\ntitle: x\ndate: 2024-05-01\nsection: wrld\n---\nbody\n",
        "articles/unknown-section.md:4: unknown section 'wrld': did you mean 'world'? Use one "
        "of: business, politics, world, or declare it under the newsroom plugin's 'sections' in "
        f"mkdocs.yml{SKIPPED}",
    ),
    "unclear-draft": (
        "---\ntitle: x\ndate: 2024-05-01\ndraft: maybe\n---\nbody\n",
        f"articles/unclear-draft.md:4: 'draft' must be true or false, not 'maybe'{SKIPPED}",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_unpublishable_article_gets_one_exact_line_and_is_skipped(
    tmp_path: Path, name: str
) -> None:
    text, message = CASES[name]
    site = build_site(tmp_path, {f"articles/{name}.md": text, "articles/ok.md": article("Ok")})
    assert site.warnings == [f"newsroom: {message}"]
    assert site.summary == (
        "newsroom: published 1 article, skipped 1: 1 with errors (see the warnings above)"
    )
    assert [u for u in site.pages() if u.startswith("2024/")] == ["2024/05/01/ok/"]


WARNED_BUT_PUBLISHED = {
    "unknown-field": (
        "---\ntitle: x\ndate: 2024-05-01\ntittle: y\nslug: x\n---\nbody\n",
        "articles/unknown-field.md:4: unknown field 'tittle' was ignored; did you mean 'title'?",
    ),
    "image-without-alt": (
        "---\ntitle: x\ndate: 2024-05-01\nimage: {src: a.png}\nslug: x\n---\nbody\n",
        "articles/image-without-alt.md:4: 'image' has no 'alt': describe the picture for readers "
        "who cannot see it; the field was ignored",
    ),
    "field-twice": (
        "---\ntitle: x\ndate: 2024-05-01\ntitle: x\nslug: x\n---\nbody\n",
        "articles/field-twice.md:4: field 'title' is given twice (first on line 2); the last one "
        "is used",
    ),
    "bad-updated": (
        "---\ntitle: x\ndate: 2024-05-01\nupdated: soon\nslug: x\n---\nbody\n",
        "articles/bad-updated.md:4: 'updated': 'soon' is not an ISO 8601 date; write for example "
        "2024-05-01 or 2024-05-01T09:30:00+04:30; the field was ignored",
    ),
    "javascript-image": (
        "---\ntitle: x\ndate: 2024-05-01\nimage: {src: 'javascript:alert(1)', alt: a}\n"
        "slug: x\n---\nb\n",
        "articles/javascript-image.md:4: 'image' 'src' must be a path inside the site or an "
        "http(s) URL, not 'javascript:alert(1)'; the field was ignored",
    ),
}


@pytest.mark.parametrize("name", sorted(WARNED_BUT_PUBLISHED))
def test_recoverable_problem_is_reported_and_the_article_published(
    tmp_path: Path, name: str
) -> None:
    text, message = WARNED_BUT_PUBLISHED[name]
    site = build_site(tmp_path, {f"articles/{name}.md": text})
    assert site.warnings == [f"newsroom: {message}"]
    assert "2024/05/01/x/" in site.pages()


def test_plain_text_without_front_matter_is_told_to_come_in_by_newsroom_import(
    tmp_path: Path,
) -> None:
    site = build_site(tmp_path, {"articles/wire.txt": "Just a wire story.\n"})
    assert site.warnings == [
        "newsroom: articles/wire.txt:1: no front matter: the file must start with a line '---', "
        "then 'title:' and 'date:' lines, then a closing '---'; for a wire text, take it out of "
        "the articles folder and bring it in with 'newsroom import FOLDER --section ID --author "
        f"ID', which writes its front matter{SKIPPED}"
    ]


def test_latin1_byte_is_decoded_as_cp1252_reported_and_published(tmp_path: Path) -> None:
    data = "---\ntitle: Price\ndate: 2024-05-01\nslug: price\n---\nA £1m signing, a \xa315.8m one\n"
    raw = data.encode("utf-8").replace(b"\xc2\xa315.8m", b"\xa315.8m")
    site = build_site(tmp_path, {"articles/latin1.txt": raw})
    assert site.warnings == [
        "newsroom: articles/latin1.txt:6:18: byte 0xA3 is not UTF-8; bytes that are not UTF-8 "
        "were read as Windows-1252 (check the character there, then save the file as UTF-8)"
    ]
    assert site.dom("2024/05/01/price/").css_first(".nr-body p").text() == (
        "A £1m signing, a £15.8m one"
    )


def test_byte_order_mark_is_reported_and_the_front_matter_still_read(tmp_path: Path) -> None:
    raw = b"\xef\xbb\xbf---\ntitle: With BOM\ndate: 2024-05-01\nslug: with-bom\n---\nbody\n"
    site = build_site(tmp_path, {"articles/bom.md": raw})
    assert site.warnings == [
        "newsroom: articles/bom.md: the file starts with a byte-order mark (BOM), which was "
        "ignored; save it as UTF-8 without BOM"
    ]
    assert site.dom("2024/05/01/with-bom/").css_first("h1").text() == "With BOM"


def test_crlf_line_ends_are_reported_and_paragraphs_kept(tmp_path: Path) -> None:
    raw = (
        b"---\r\ntitle: Crlf\r\ndate: 2024-05-01\r\nslug: crlf\r\n---\r\n"
        b"first\r\nline\r\n\r\nsecond\r\n"
    )
    site = build_site(tmp_path, {"articles/crlf.txt": raw})
    assert site.warnings == [
        "newsroom: articles/crlf.txt: the file has Windows (CRLF) line ends, which were read as "
        "LF; save it with LF line ends (in git: core.autocrlf=input)"
    ]
    paragraphs = [p.text() for p in site.dom("2024/05/01/crlf/").css(".nr-body p")]
    assert paragraphs == ["first line", "second"]


def test_old_mac_line_ends_are_called_so(tmp_path: Path) -> None:
    raw = b"---\rtitle: Cr\rdate: 2024-05-01\rslug: cr\r---\rfirst\rline\r\rsecond\r"
    site = build_site(tmp_path, {"articles/cr.txt": raw})
    assert site.warnings == [
        "newsroom: articles/cr.txt: the file has old Mac (CR) line ends, which were read as LF; "
        "save it with LF line ends (in git: core.autocrlf=input)"
    ]
    paragraphs = [p.text() for p in site.dom("2024/05/01/cr/").css(".nr-body p")]
    assert paragraphs == ["first line", "second"]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_as_utf16(tmp_path: Path, codec: str) -> None:
    """Not as UTF-8 with a NUL after every letter ("character U+0000 removed")."""
    text = "---\ntitle: Wide\ndate: 2024-05-01\nslug: wide\n---\nDari: کابل, and English.\n"
    site = build_site(tmp_path, {"articles/wide.md": text.encode(codec)})
    assert site.warnings == [
        f"newsroom: articles/wide.md: the file is {codec.upper()}; it was converted, but please "
        "save it as UTF-8"
    ]
    assert site.dom("2024/05/01/wide/").css_first(".nr-body p").text() == (
        "Dari: کابل, and English."
    )


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_pashto_story_in_utf16_without_a_byte_order_mark_is_read_as_utf16(
    tmp_path: Path, codec: str
) -> None:
    """Arabic script is U+06xx: a NUL byte beside its spaces, digits and stops only (a
    fifth of its pairs, not half), and a byte 0x06, a control character, beside each letter:
    not 'binary data'."""
    line = "په کابل کې نن ورځ باران وورېد او د ښار خلک ډېر خوشاله وو، ځکه چې ډېره موده وچکالي وه."
    text = f"---\ntitle: د کابل باران\ndate: 2024-05-01\nslug: baran\n---\n{line}\n\n"
    text += f"{line}\n\n" * 11
    site = build_site(tmp_path, {"articles/baran.txt": text.encode(codec)})
    assert site.warnings == [
        f"newsroom: articles/baran.txt: the file is {codec.upper()}; it was converted, but "
        "please save it as UTF-8"
    ]
    page = site.dom("2024/05/01/baran/")
    assert page.css_first("h1").text() == "د کابل باران"
    assert [p.text() for p in page.css(".nr-body p")] == [line] * 12


def test_a_held_back_article_that_loses_its_url_is_told_where_it_would_be(
    tmp_path: Path,
) -> None:
    files = {
        "articles/a.md": article("Same", body="Body A"),
        "articles/b.md": article("Same", body="Body B", draft=True),
    }
    site = build_site(tmp_path, files)
    assert site.warnings == [
        "newsroom: articles/b.md: its URL 2024/05/01/same/ is already taken by articles/a.md; it "
        "would be published at 2024/05/01/same-2/ instead. Give one of the two a different "
        "'slug'",
    ]
    assert not site.file("2024/05/01/same-2/").exists()


def test_two_articles_with_one_url_never_overwrite_each_other(tmp_path: Path) -> None:
    files = {
        "articles/a.md": article("Same", body="Body A"),
        "articles/b.md": article("Same", body="Body B"),
        "articles/c.txt": article("Same", body="Body C"),
    }
    site = build_site(tmp_path, files)
    assert site.warnings == [
        "newsroom: articles/b.md: its URL 2024/05/01/same/ is already taken by articles/a.md; it "
        "was published at 2024/05/01/same-2/ instead. Give one of the two a different 'slug'",
        "newsroom: articles/c.txt: its URL 2024/05/01/same/ is already taken by articles/a.md; "
        "it was published at 2024/05/01/same-3/ instead. Give one of the two a different 'slug'",
    ]
    bodies = {
        url: site.dom(url).css_first(".nr-body p").text()
        for url in ("2024/05/01/same/", "2024/05/01/same-2/", "2024/05/01/same-3/")
    }
    assert bodies == {
        "2024/05/01/same/": "Body A",
        "2024/05/01/same-2/": "Body B",
        "2024/05/01/same-3/": "Body C",
    }


def test_article_cannot_take_the_url_of_a_site_page(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {"about.md": "# About\n", "articles/a.md": article("About")},
        plugin={"article_url": "{slug}/"},
    )
    assert site.warnings == [
        "newsroom: articles/a.md: its URL about/ is already taken by about.md; it was published "
        "at about-2/ instead. Give one of the two a different 'slug'"
    ]
    assert site.dom("about/").css_first("h1").text() == "About"


def test_a_broken_authors_file_is_one_warning_and_the_articles_go_out_without_bylines(
    tmp_path: Path,
) -> None:
    site = build_site(tmp_path, {"articles/a.md": article()}, authors="jdoe: {name: [Jane\n")
    assert site.warnings == [
        "newsroom: authors.yml:2:1: the authors file is not valid YAML (did not find expected "
        "',' or ']'); fix it. Until then the articles are published without their authors"
    ]
    assert site.summary == "newsroom: published 1 article, skipped 0"
    with pytest.raises(Abort):
        build_site(
            tmp_path / "strict",
            {"articles/a.md": article()},
            authors="jdoe: {name: [Jane\n",
            strict=True,
        )


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ({"timezone": "Mars/Olympus"}, "timezone 'Mars/Olympus' is unknown"),
        ({"boilerplate": ["(unclosed"]}, "boilerplate pattern '(unclosed' is not a valid"),
        ({"article_url": "{nope}/"}, "article_url '{nope}/' cannot be filled"),
        ({"article_url": "../{slug}/"}, "which is not a path inside the site"),
        ({"sections": {"Bad Id": {"title": "x"}}}, "section id 'Bad Id' must be lower-case"),
        (
            {"editions": {"en": {"title": "English"}, "zz": {"title": "?"}}},
            "mkdocs.yml: edition 'zz': its lang 'zz' is not a language Newsroom knows",
        ),
        (
            {"editions": {"en": {"title": "English"}, "fr": {"title": "F", "locale": "fr_XX"}}},
            "edition 'fr': its locale 'fr_XX' is not one Babel knows, so its dates would be "
            "written in English",
        ),
        (
            {"editions": {"en": {"title": "English", "languages": ["fa"]}, "fa": {"title": "F"}}},
            "editions 'en' and 'fa' both take the stories in 'fa' (by their lang or languages), "
            "and only the first would get them; leave it to one of the two",
        ),
        (
            {"editions": {"en": {"title": "E"}, "ps": {"title": "P", "languages": ["en_US"]}}},
            "edition 'ps': 'en_US' in its languages is not a language tag an article's lang can be",
        ),
        (
            {
                "editions": {
                    "en": {"title": "E", "languages": ["EN-gb"]},
                    "gb": {"title": "G", "lang": "en-GB"},
                }
            },
            "editions 'en' and 'gb' both take the stories in 'en-GB'",
        ),
        (
            {"editions": {"en": {"title": "English"}, "tags": {"title": "T", "lang": "ps"}}},
            "edition id 'tags' names a folder the site already uses",
        ),
        (
            {"editions": {"en": {"title": "English"}, "pictures": {"title": "P", "lang": "ps"}}},
            "edition id 'pictures' names a folder the site already uses",
        ),
    ],
)
def test_bad_plugin_config_is_one_clear_error(
    tmp_path: Path, option: dict[str, object], message: str, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(Abort):
        build_site(tmp_path, {"articles/a.md": article()}, plugin=option)
    assert message in caplog.text


def _mkdocs(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *args],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_command_line_build_goes_on_and_strict_fails_without_traceback(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        f"articles/{name}.md": text for name, (text, _message) in CASES.items()
    }
    files["articles/ok.md"] = article("Ok")
    build_site(tmp_path, files)  # writes mkdocs.yml and content/
    relaxed = _mkdocs(tmp_path)
    assert relaxed.returncode == 0, relaxed.stderr
    strict = _mkdocs(tmp_path, "--strict")
    assert strict.returncode == 1
    for run in (relaxed, strict):
        assert "Traceback" not in run.stdout + run.stderr
        for name in CASES:
            assert f"articles/{name}.md" in run.stderr
    assert "Aborted with 15 warnings in strict mode!" in strict.stdout


def test_a_locale_with_a_region_is_an_edition_of_its_own(tmp_path: Path) -> None:
    """`locale: pt_BR` with no editions makes one edition, whose id must be a lower-case
    folder name although the language tag keeps its case."""
    site = build_site(tmp_path, {"articles/a.md": article()}, plugin={"locale": "pt_BR"})
    assert site.warnings == []
    assert '<html lang="pt-BR"' in site.html("2024/05/01/a-headline/")


@pytest.mark.parametrize(
    ("start", "said"),
    [
        ("\n\n---", "the front matter's '---' is on line 3: remove the blank lines above it"),
        (
            "\u00a0---",
            "the first line holds characters besides '---' (U+00A0): make it '---' alone",
        ),
        (
            "\u200b---\u200b ",
            "the first line holds characters besides '---' (U+200B, U+0020): make it '---' alone",
        ),
    ],
    ids=["two-lines-down", "nbsp", "zero-width"],
)
def test_a_fence_a_line_down_or_behind_invisible_characters_is_pointed_at(
    tmp_path: Path, start: str, said: str
) -> None:
    text = f"{start}\ntitle: Shifted\ndate: 2024-05-01\nslug: shifted\n---\nBody.\n"
    site = build_site(tmp_path, {"articles/shifted.md": text})
    assert site.warnings == [f"newsroom: articles/shifted.md:1: {said}; the article was skipped"]
