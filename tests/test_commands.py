"""The `newsroom` command, run as a reporter or an editor runs it (a subprocess, in a copy of
the demo portal or a test site): what `new` and `import` write builds and shows up, `check`
finds what a build warns about, drafts are previewed by `mkdocs serve` and never built."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser

from mkdocs_newsroom.cli.wire_import import first_sentence

from .commands import copy_demo, fetch, newsroom, run, serving
from .corpus import bbc_folder
from .sites import DEMO_NOW, article, build_site, corpus_folder, photo, seed_story
from .test_bad_input import CASES

HEADLINE = 'Bus fares: up 10% from <Monday> & "night" routes'


def _front_matter(path: Path) -> dict[str, object]:
    """The fields as written (YAML's base loader: every scalar is text)."""
    text = path.read_text(encoding="utf-8")
    return yaml.load(text.split("---\n")[1], Loader=yaml.BaseLoader)


def _page(root: Path, url: str) -> LexborHTMLParser:
    return LexborHTMLParser((root / "site" / url / "index.html").read_text(encoding="utf-8"))


def _build(root: Path) -> None:
    built = run(root, "mkdocs", "build", "--strict")
    assert built.returncode == 0, built.stderr
    assert "Traceback" not in built.stderr


def test_new_writes_an_article_that_builds_and_shows_up(tmp_path: Path) -> None:
    root = copy_demo(tmp_path / "portal")
    made = newsroom(
        root,
        "new",
        HEADLINE,
        "--section",
        "world",
        "--author",
        "mariam-rahimi",
        "--tags",
        "Transport, Kabul",
        "--date",
        "2026-11-20T09:30",
    )
    assert made.returncode == 0, made.stderr
    written = made.stdout.strip()
    assert written == "content/articles/2026/11/bus-fares-up-10-from-monday-night-routes.md"
    path = root / written
    meta = _front_matter(path)
    assert meta == {
        "title": HEADLINE,
        "date": "2026-11-20T09:30:00+04:30",  # the site's time zone (Asia/Kabul)
        "section": "world",
        "authors": ["mariam-rahimi"],
        "tags": ["Transport", "Kabul"],
        "summary": "",
        "slug": "bus-fares-up-10-from-monday-night-routes",  # a new headline moves nothing
    }
    # Not written yet: check says so, and says where.
    checked = newsroom(root, "check")
    assert checked.returncode == 1
    assert checked.stdout.splitlines() == [
        f"{written.removeprefix('content/')}:10: the article has no text below its front "
        "matter; write the story, or set 'draft: true' until it is written"
    ]
    with path.open("a", encoding="utf-8") as file:
        file.write("Fares on the city's buses rise on Monday.\n")
    assert newsroom(root, "check").returncode == 0

    _build(root)
    url = "2026/11/20/bus-fares-up-10-from-monday-night-routes/"
    page = _page(root, url)
    assert page.css_first("h1.nr-headline").text() == HEADLINE
    assert "Fares on the city's buses rise on Monday." in page.css_first(".nr-body").text()
    for listing in ("section/world/", "tags/transport/", "authors/mariam-rahimi/"):
        titles = [a.text() for a in _page(root, listing).css(".nr-card__title a")]
        assert HEADLINE in titles, listing


def test_new_writes_a_title_with_apostrophes_as_a_reporter_would(tmp_path: Path) -> None:
    """A title YAML must quote, with apostrophes in it, goes between double quotes: single
    ones would double each apostrophe (`'Minister: ''We will'''`)."""
    root = copy_demo(tmp_path / "portal")
    title = "Minister: 'We will not resign' as O'Brien's vote looms"
    options = ("--section", "world", "--author", "mariam-rahimi", "--date", "2026-11-20T09:30")
    made = newsroom(root, "new", title, *options)
    assert made.returncode == 0, made.stderr
    path = root / made.stdout.strip()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert f'title: "{title}"' in lines
    assert _front_matter(path)["title"] == title


def test_new_writes_the_summary_it_is_given(tmp_path: Path) -> None:
    """`--summary`, on one line as the build reads it, and written as YAML keeps it (a colon,
    quotes)."""
    root = copy_demo(tmp_path / "portal")
    summary = 'Minister:  "We stay"\n for now.'
    options = ("--section", "world", "--author", "mariam-rahimi", "--summary", summary)
    made = newsroom(root, "new", "A story", *options, "--date", "2026-11-20T09:30")
    assert made.returncode == 0, made.stderr
    path = root / made.stdout.strip()
    assert _front_matter(path)["summary"] == 'Minister: "We stay" for now.'
    with path.open("a", encoding="utf-8") as file:
        file.write("Fares on the city's buses rise on Monday.\n")
    checked = newsroom(root, "check", made.stdout.strip())
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_new_refuses_unknown_ids_and_never_overwrites(tmp_path: Path) -> None:
    root = copy_demo(tmp_path / "portal")
    options = ["--section", "world", "--author", "mariam-rahimi", "--date", "2026-11-20"]
    unknown_section = newsroom(root, "new", "A story", "--section", "wrld", "--author", "x")
    assert unknown_section.returncode == 1
    assert unknown_section.stderr == (
        "newsroom: error: unknown section 'wrld': did you mean 'world'? Use one of: business, "
        "entertainment, politics, sport, technology, world, or declare it under the newsroom "
        "plugin's 'sections' in mkdocs.yml\n"
    )
    # the title the site shows, or another case of the id: the id meant, named
    titled = newsroom(root, "new", "A story", "--section", "Sport", "--author", "x")
    assert "unknown section 'Sport': did you mean 'sport'? Use one of:" in titled.stderr
    named = newsroom(root, "new", "A story", "--section", "world", "--author", "Ali Ahmadi")
    assert named.stderr.startswith(
        "newsroom: error: unknown author 'Ali Ahmadi': add 'ali-ahmadi: {name: \"Ali Ahmadi\"}' "
        "to content/authors.yml, or use one of: "
    )
    # the name of an author the file has, whose id is that name's: the id, nothing to add
    by_name = newsroom(root, "new", "A story", "--section", "world", "--author", "Mariam Rahimi")
    assert by_name.stderr == (
        "newsroom: error: unknown author 'Mariam Rahimi': did you mean 'mariam-rahimi'? Use the "
        "id\n"
    )
    # a time given keeps its seconds (an embargo at 07:00:45 is not published at 07:00)
    timed = [*options[:-1], "2026-11-20T07:00:45+00:00"]
    seconds = newsroom(root, "new", "Timed story", *timed)
    assert seconds.returncode == 0, seconds.stderr
    written = _front_matter(root / seconds.stdout.strip())["date"]
    assert written == "2026-11-20T11:30:45+04:30"  # in the site's zone, Asia/Kabul
    unknown_author = newsroom(root, "new", "A story", "--section", "world", "--author", "nobody")
    assert unknown_author.returncode == 1
    said = "unknown author 'nobody': add 'nobody' to content/authors.yml, or use one of: "
    assert f"{said}daniel-okafor" in unknown_author.stderr
    assert not list((root / "content" / "articles").rglob("a-story.md"))

    first = newsroom(root, "new", "A story", *options)
    assert first.returncode == 0, first.stderr
    path = root / first.stdout.strip()
    path.write_text(path.read_text(encoding="utf-8") + "Written.\n", encoding="utf-8")
    # the same headline the same day: its address is the first one's, so it takes -2
    twin = newsroom(root, "new", "A story", *options)
    assert twin.returncode == 0, twin.stderr
    assert _front_matter(root / twin.stdout.strip())["slug"] == "a-story-2"
    assert "so the new one has 'slug: a-story-2'" in twin.stderr
    # another day of the month: another address, but the file's name is taken
    later = [*options[:-1], "2026-11-21"]
    again = newsroom(root, "new", "A story", *later)
    assert again.returncode == 1
    assert "already exists and was left as it is" in again.stderr
    assert again.stderr.endswith("another headline, or another file name with --slug\n")
    named = newsroom(root, "new", "A story", *later, "--slug", "a-story")
    assert named.returncode == 1
    assert named.stderr.endswith("another headline, or another --slug than 'a-story'\n")
    assert path.read_text(encoding="utf-8").endswith("Written.\n")
    other = newsroom(root, "new", "A story", *options, "--slug", "a-story-evening")
    assert other.returncode == 0, other.stderr
    assert _front_matter(root / other.stdout.strip())["slug"] == "a-story-evening"


def test_check_reports_what_a_build_warns_about_with_file_line_and_column(
    tmp_path: Path,
) -> None:
    files: dict[str, str | bytes] = {
        f"articles/{name}.md": text for name, (text, _message) in CASES.items()
    }
    files["articles/one.md"] = article("Same headline")
    files["articles/two.md"] = article("Same headline")
    # a lead image cut short: the build opens it to resize it, check to look at it
    image = {"src": "images/cut.jpg", "alt": "A photo"}
    files["articles/photo.md"] = article("Photo", "2024-05-02T10:00:00Z", image=image)
    files["images/cut.jpg"] = photo(640, 480)[:4000]
    site = build_site(tmp_path, files)
    assert len(site.warnings) == len(CASES) + 2
    (cut,) = [warning for warning in site.warnings if "cut.jpg" in warning]
    assert cut.startswith(
        "newsroom: articles/photo.md: the lead image images/cut.jpg could not be resized: it is "
        "damaged or cut short (image file is truncated"
    )
    shutil.rmtree(tmp_path / ".cache")  # check looks at the pictures itself, writing nothing

    checked = newsroom(tmp_path, "check")
    assert checked.returncode == 1
    assert "Traceback" not in checked.stderr
    assert not (tmp_path / ".cache").exists()

    said = [warning.removeprefix("newsroom: ") for warning in site.warnings]
    assert checked.stdout.splitlines() == said  # the build's lines, as they are
    assert "articles/two.md: its URL 2024/05/01/same-headline/ is already taken" in (checked.stdout)
    articles = len(files) - 1  # not the picture
    assert checked.stderr.endswith(f"checked {articles} articles: {len(CASES) + 2} problems\n")


def test_check_reports_a_broken_authors_file_and_a_bad_config(tmp_path: Path) -> None:
    build_site(tmp_path, {"articles/a.md": article()})
    (tmp_path / "content" / "authors.yml").write_text("jdoe: {name: [Jane\n", encoding="utf-8")
    checked = newsroom(tmp_path, "check")
    assert checked.returncode == 1
    assert re.fullmatch(
        r"authors\.yml:2:1: the authors file is not valid YAML \(.+\); fix it\. Until "
        r"then the articles are published without their authors\n",
        checked.stdout,
    )

    config = tmp_path / "mkdocs.yml"
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings["plugins"][1]["newsroom"]["timezone"] = "Mars/Olympus"
    config.write_text(yaml.safe_dump(settings), encoding="utf-8")
    checked = newsroom(tmp_path, "check")
    assert checked.returncode == 1
    lines = config.read_text(encoding="utf-8").splitlines()
    (number,) = [n for n, line in enumerate(lines, 1) if line.strip().startswith("timezone:")]
    column = lines[number - 1].index("timezone") + 1
    assert checked.stdout == (
        f"mkdocs.yml:{number}:{column}: timezone 'Mars/Olympus' is unknown; use an IANA name "
        "such as 'Asia/Kabul' or 'Europe/London'\n"
    )
    assert "nothing else was checked" in checked.stderr
    made = newsroom(tmp_path, "new", "A story", "--section", "world", "--author", "jdoe")
    assert made.returncode == 1
    assert made.stderr.startswith(f"newsroom: error: mkdocs.yml:{number}:{column}: timezone")
    # YAML it cannot read: at the place the parser names, not the file's first line
    kept = config.read_text(encoding="utf-8")
    config.write_text(kept + "site_name: [\n", encoding="utf-8")
    unread = newsroom(tmp_path, "check")
    config.write_text(kept, encoding="utf-8")
    assert unread.returncode == 1
    end = len(kept.splitlines()) + 2  # the line after the one left open
    assert unread.stdout.startswith(f"mkdocs.yml:{end}:1: MkDocs encountered an error parsing")

    elsewhere = newsroom(tmp_path / "content", "check")  # no mkdocs.yml there
    assert elsewhere.returncode == 1
    assert elsewhere.stdout == (
        f"mkdocs.yml: there is no such file in {tmp_path / 'content'}; run newsroom in the "
        "site's folder (the one holding mkdocs.yml), or name its configuration with -f\n"
    )
    given = newsroom(tmp_path, "check", "-f", "site.yml")
    assert given.returncode == 1
    assert given.stdout == "site.yml: there is no such file; check the path given with -f\n"
    (tmp_path / "content" / "mkdocs.yaml").symlink_to(tmp_path / "mkdocs.yml")
    other_name = newsroom(tmp_path / "content", "check").stdout  # MkDocs' other name: read
    assert other_name.startswith("mkdocs.yml:1:1: Config value 'docs_dir'"), other_name


def test_the_bbc_corpus_imports_checks_clean_and_builds(tmp_path: Path) -> None:
    root = copy_demo(tmp_path / "portal")
    bbc = bbc_folder()
    sections = {
        "business": "business",
        "entertainment": "entertainment",
        "politics": "politics",
        "sport": "sport",
        "tech": "technology",
    }
    imported = skipped = 0
    outputs = {}
    for folder, section in sections.items():
        result = newsroom(
            root,
            "import",
            str(bbc / folder),
            "--section",
            section,
            "--author",
            "lena-fischer",
            "--date",
            "2005-03-01T10:00",
        )
        assert result.returncode == 0, result.stderr
        outputs[folder] = result.stdout
        counts = re.search(r"imported (\d+), skipped (\d+)\n$", result.stderr)
        assert counts, result.stderr
        imported += int(counts[1])
        skipped += int(counts[2])
    assert imported + skipped == 2225
    # What is skipped: every text whose body (the title line aside) an earlier file already
    # had, however spaced: the 98 byte-identical pairs, 2 pairs differing in whitespace, and
    # the stories the corpus carries twice under two headlines.
    bodies: dict[str, str] = {}
    for folder in sections:
        for path in sorted((bbc / folder).glob("*.txt")):
            body = path.read_bytes().decode("utf-8", "replace").split("\n", 1)[1]
            bodies.setdefault(" ".join(body.split()), path.name)
    assert skipped == 2225 - len(bodies) == 136
    duplicates = [
        line for out in outputs.values() for line in out.splitlines() if "skipped" in line
    ]
    assert len(duplicates) == skipped > 0
    assert all("skipped: already imported as content/articles/2005/03/" in d for d in duplicates)
    assert (
        f"{bbc}/business/438.txt: skipped: already imported as content/articles/2005/03/"
        "bank-holds-interest-rate-at-4-75.txt, under another headline ('Bank holds interest "
        "rate at 4.75%')"
    ) in duplicates
    # the one stray byte of the corpus: reported with its line and column, and read as "£"
    assert re.search(r"bbc/sport/199\.txt:5:\d+: byte 0xA3 is not UTF-8", outputs["sport"])

    checked = newsroom(root, "check")
    assert checked.returncode == 0, checked.stdout
    assert checked.stdout == ""
    assert re.search(r"checked 2,\d{3} articles: no problems\n$", checked.stderr)

    again = newsroom(root, "import", str(bbc / "tech"), "--section", "technology", "--author", "x")
    assert again.returncode == 1  # an unknown author is refused before anything is read
    again = newsroom(
        root, "import", str(bbc / "tech"), "--section", "technology",
        "--author", "lena-fischer",
    )  # fmt: skip
    assert again.returncode == 0
    assert "imported 0, skipped 401" in again.stderr

    _build(root)
    ad_sales = root / "content/articles/2005/03/ad-sales-boost-time-warner-profit.txt"
    meta = _front_matter(ad_sales)
    assert meta["title"] == "Ad sales boost Time Warner profit" and "draft" not in meta
    page = _page(root, "2005/03/01/ad-sales-boost-time-warner-profit/")
    paragraphs = [p.text() for p in page.css(".nr-body p")]
    source = (bbc / "business/001.txt").read_text(encoding="utf-8").split("\n\n")
    assert paragraphs == [" ".join(p.split()) for p in source[1:] if p.strip()]
    stray_byte = _page(root, f"2005/03/01/{_slug_of(outputs['sport'], 'sport/199.txt')}/")
    assert "£15.8m" in stray_byte.css_first(".nr-body").text()


def _slug_of(output: str, source: str) -> str:
    line = next(line for line in output.splitlines() if line.endswith(f"{source})"))
    return Path(line.split(" (from ")[0]).stem


def test_wire_copy_without_a_headline_is_held_back_and_previewed(tmp_path: Path) -> None:
    root = copy_demo(tmp_path / "portal")
    wire = tmp_path / "wire"
    wire.mkdir()
    (wire / "nato.txt").write_bytes(seed_story().read_bytes())
    (wire / "index.json").write_text('{"nato.txt": "a feed\'s index, not a story"}', "utf-8")
    options = ["--section", "world", "--author", "khaama-desk", "--no-title-line"]
    # The demo portal publishes this story already (with a headline written by hand).
    published = root / "content/articles/2019/02/nato-peace-deal.txt"
    known = newsroom(root, "import", str(wire), *options)
    assert known.returncode == 0, known.stderr
    assert known.stdout == (
        f"{wire}/index.json: skipped: not a .txt file\n"
        f"{wire}/nato.txt: skipped: already imported as {published.relative_to(root)}\n"
    )
    published.unlink()

    first = newsroom(root, "import", str(wire), *options, "--date", "2026-11-25T12:00")
    assert first.returncode == 0, first.stderr
    assert "imported 1 as drafts" in first.stderr
    (made,) = [line for line in first.stdout.splitlines() if " (from " in line]
    written = root / made.split(" (from ")[0]
    meta = _front_matter(written)
    headline = (
        "The NATO Secretary General Jens Stoltenberg has said that the ongoing talks for a "
        "negotiated and peaceful…"  # cut before 110 characters
    )
    assert meta["title"] == headline
    assert meta["draft"] == "true"
    body = written.read_text(encoding="utf-8").split("---\n", 2)[2]
    seed = seed_story().read_text(encoding="utf-8")
    assert "Khaama Press News Agency" in seed and "Khaama Press News Agency" not in body
    kept = [line.rstrip() for line in seed.splitlines() if "Khaama Press News Agency" not in line]
    assert body.strip() == "\n".join(kept).strip()  # the agency footer, and only it, is gone

    again = newsroom(root, "import", str(wire), *options)
    assert again.returncode == 0
    earlier = written.relative_to(root)
    assert again.stdout.endswith(f"{wire}/nato.txt: skipped: already imported as {earlier}\n")

    _build(root)
    slug = written.stem
    assert not (root / "site" / "2026/11/25" / slug).exists()
    built = [p.read_text(encoding="utf-8") for p in (root / "site").rglob("*.xml")]
    built += [p.read_text(encoding="utf-8") for p in (root / "site").rglob("*.html")]
    assert len(built) > 20
    assert not any("Jens Stoltenberg has said that the ongoing talks" in text for text in built)

    with serving(root) as base:
        status, html = fetch(f"{base}2026/11/25/{slug}/")
        assert status == 200
        page = LexborHTMLParser(html)
        assert page.css_first(".nr-article__header .nr-flag--preview").text().startswith("Draft")
        status, html = fetch(f"{base}section/world/")
        cards = LexborHTMLParser(html).css("article.nr-card")
        drafts = [c for c in cards if c.css_first(".nr-flag--preview")]
        assert [c.css_first(".nr-card__title").text() for c in drafts] == [headline]


@pytest.mark.parametrize("first_with_title_line", [True, False])
def test_a_text_imported_with_or_without_its_title_line_is_not_imported_again(
    tmp_path: Path, first_with_title_line: bool
) -> None:
    root = copy_demo(tmp_path / "portal")
    wire = tmp_path / "wire"
    wire.mkdir()
    text = "Ferry service resumes on the lake\n\nThe ferry sailed again on Monday.\nIt was full.\n"
    (wire / "ferry.txt").write_text(text, encoding="utf-8")
    options = ["--section", "world", "--author", "khaama-desk", "--date", "2026-11-25T12:00"]
    title_lines = [[], ["--no-title-line"]]
    if not first_with_title_line:
        title_lines.reverse()
    first = newsroom(root, "import", str(wire), *options, *title_lines[0])
    assert first.returncode == 0, first.stderr
    (made,) = [line.split(" (from ")[0] for line in first.stdout.splitlines() if " (from " in line]
    second = newsroom(root, "import", str(wire), *options, *title_lines[1])
    assert second.returncode == 0, second.stderr
    assert second.stdout == f"{wire}/ferry.txt: skipped: already imported as {made}\n"
    assert "imported 0, skipped 1" in second.stderr


def test_commands_take_another_config_with_f(tmp_path: Path) -> None:
    root = copy_demo(tmp_path / "portal")
    config = str(root / "mkdocs.yml")
    checked = newsroom(tmp_path, "check", "-f", config)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    made = newsroom(
        tmp_path, "new", "Elsewhere", "-f", config, "--section", "sport", "--author", "lena-fischer"
    )
    assert made.returncode == 0, made.stderr
    # without --date, the story is dated now: the suite's pinned clock, in the site's zone
    assert made.stdout == "portal/content/articles/2026/11/elsewhere.md\n"
    written = _front_matter(tmp_path / made.stdout.strip())
    assert written["date"] == DEMO_NOW.isoformat() == "2026-11-26T09:00:00+04:30"


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        ("Mr. Smith went to Washington. He stayed.", "Mr. Smith went to Washington"),
        (
            "The U.S. economy grew by 2.5% in May! Then it fell.",
            "The U.S. economy grew by 2.5% in May!",
        ),
        ("“We will win.” The coach said so.", "“We will win.”"),
        ("No full stop at all", "No full stop at all"),
        ("First paragraph ends here\n\nSecond paragraph.", "First paragraph ends here"),
    ],
)
def test_a_headline_is_drawn_from_the_first_sentence(text: str, headline: str) -> None:
    assert first_sentence(text) == headline


def test_pashto_wire_copy_goes_into_the_pashto_edition(tmp_path: Path) -> None:
    root = copy_demo(tmp_path / "portal")
    voa = corpus_folder() / "voa-pashto-ps"
    result = newsroom(
        root, "import", str(voa), "--section", "world", "--author", "khaama-desk", "--lang", "ps"
    )
    assert result.returncode == 0, result.stderr
    assert f"{voa}/articles.jsonl: skipped: not a .txt file" in result.stdout
    assert "imported 18, skipped 1" in result.stderr
    assert newsroom(root, "check").returncode == 0

    _build(root)
    made = next(line for line in result.stdout.splitlines() if line.endswith("/001.txt)"))
    slug = Path(made.split(" (from ")[0]).stem
    headline = (voa / "001.txt").read_text(encoding="utf-8").split("\n", 1)[0].strip()
    pages = list((root / "site" / "ps").glob(f"*/*/*/{slug}/index.html"))
    assert len(pages) == 1, slug
    page = LexborHTMLParser(pages[0].read_text(encoding="utf-8"))
    assert page.css_first("html").attributes == {"lang": "ps", "dir": "rtl", "class": "no-js"}
    assert page.css_first("h1.nr-headline").text() == headline


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["new", "   "], "the headline is empty: write it in quotes after 'newsroom new'"),
        (["new", "X", "--date", "tomorrow"], "--date: 'tomorrow' is not an ISO 8601 date"),
        (["new", "X", "--lang", "not a lang"], "'lang' must be a BCP 47 language tag"),
        (["import", "nowhere"], "nowhere is not a folder: name the folder the wire texts are in"),
    ],
)
def test_refusals_are_one_line_and_write_nothing(
    tmp_path: Path, arguments: list[str], message: str
) -> None:
    root = copy_demo(tmp_path / "portal")
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    result = newsroom(root, *arguments, "--section", "world", "--author", "khaama-desk")
    assert result.returncode == 1
    assert result.stderr.startswith("newsroom: error: ") and message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before


def test_check_names_an_old_installation_that_mkdocs_loads_instead(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The package was once named `newsroom`: when MkDocs loads that one's plugin, say so."""
    import types

    from mkdocs_newsroom.cli import workspace

    old = type("NewsroomPlugin", (), {"__module__": "newsroom.plugin"})
    config = types.SimpleNamespace(plugins={"newsroom": old()})
    monkeypatch.setattr(workspace, "load_config", lambda config_file: config)
    with pytest.raises(workspace.WorkspaceError) as raised:
        workspace.open_workspace("/nowhere/mkdocs.yml")
    assert raised.value.lines == [
        "/nowhere/mkdocs.yml:1:1: MkDocs loads the newsroom plugin of an old installation, the "
        "package 'newsroom': run 'pip uninstall newsroom', then 'pip install --force-reinstall "
        "mkdocs-newsroom'"
    ]
