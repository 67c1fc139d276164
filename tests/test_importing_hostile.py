"""`newsroom import` against hostile archives: every class of bad input is one line naming the
file (and the post, and the line where known) with what to do, never a traceback; nothing
held back is published; nothing of the site is taken, changed or written over; and what is
imported builds with `--strict`."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from .commands import newsroom, run
from .sites import article, write_site


def _site(tmp_path: Path, files: dict[str, str | bytes] | None = None, **options: object) -> Path:
    """A small news site (sections world, politics, business; authors jdoe, asmith), not
    built."""
    root = tmp_path / "news"
    write_site(root, files or {}, **options)  # type: ignore[arg-type]
    return root


def _tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in (root / "content").rglob("*")
        if p.is_file()
    }


def _builds_strictly(root: Path) -> None:
    built = run(root, "mkdocs", "build", "--strict")
    assert built.returncode == 0, built.stderr
    assert "WARNING" not in built.stderr and "Traceback" not in built.stderr


def _import_wire(root: Path, texts: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`texts` written as wire files in root/wire, imported into the world section."""
    wire = root / "wire"
    wire.mkdir(exist_ok=True)
    for name, text in texts.items():
        (wire / name).write_text(text, encoding="utf-8")
    result = newsroom(root, "import", "wire", "--section", "world", "--author", "jdoe")
    assert result.returncode == 0, result.stderr
    return result


def test_untrusted_names_and_titles_are_printed_as_one_line_of_plain_text(
    tmp_path: Path,
) -> None:
    root = _site(tmp_path)
    wire = root / "wire"
    wire.mkdir()
    (wire / "evil\x1b[31mRED\x1b[0m.txt").write_text("Red alert\n\nText.\n", encoding="utf-8")
    (wire / "nl\nfake: line.txt").write_text("Forged\n\nAnother text.\n", encoding="utf-8")
    (wire / "rlo.txt").write_text("Abc \u202edesrever\n\nA third text.\n", encoding="utf-8")
    (wire / "\u202erlo.md").write_text("Not a text\n", encoding="utf-8")
    result = newsroom(root, "import", "wire", "--section", "world", "--author", "jdoe")
    assert result.returncode == 0, result.stderr
    out = result.stdout + result.stderr
    assert not any(c in out for c in ("\x1b", "\u202e")), out
    lines = result.stdout.splitlines()
    assert len(lines) == 4, lines  # one line per file, whatever its name holds
    assert "wire/\\u202erlo.md: skipped: not a .txt file" in lines
    assert any(line.endswith("(from wire/evil\\x1b[31mRED\\x1b[0m.txt)") for line in lines)
    assert any(line.endswith("(from wire/nl\\nfake: line.txt)") for line in lines), lines


def test_a_boilerplate_pattern_that_backtracks_forever_skips_the_file_not_the_import(
    tmp_path: Path,
) -> None:
    """A site's own `boilerplate` regular expression with nested repeats: on one wire text it
    would run for hours; the import gives it the time a body gets, says whose fault, and goes
    on with the next file."""
    root = _site(tmp_path, plugin={"boilerplate": ["^(a+)+$"]})
    slow = "Headline here\n\n" + "a" * 40 + "!\n\nMore.\n"
    fine = "Council meets\n\nThe council met.\n"
    result = _import_wire(root, {"slow.txt": slow, "fine.txt": fine})
    assert "wire/slow.txt: skipped: its text took more than 10 s to read: a 'boilerplate'" in (
        result.stdout
    )
    assert any(line.endswith("(from wire/fine.txt)") for line in result.stdout.splitlines())


def test_a_line_boilerplate_takes_from_inside_a_paragraph_is_said_at_import(
    tmp_path: Path,
) -> None:
    """The import writes the text without it: said with the wire file's line, which still
    holds it."""
    root = _site(tmp_path, plugin={"boilerplate": ["Reuters"]})
    text = "Budget passes\n\nThe minister spoke.\nA Reuters reporter heard\nthat it would pass.\n"
    result = _import_wire(root, {"cut.txt": f"{text}\nReporting by Reuters\n"})
    assert (
        "wire/cut.txt:4: 'boilerplate' pattern 'Reuters' of mkdocs.yml removed a line from "
        "between two lines of the text ('A Reuters reporter heard'); if that is the story's "
        "own text, anchor the pattern to whole lines ('^...$') so that it matches the footer "
        "alone"
    ) in result.stdout.splitlines()
    (written,) = (root / "content").rglob("budget-passes.txt")
    assert "The minister spoke.\nthat it would pass." in written.read_text(encoding="utf-8")
    again = _import_wire(root, {})
    assert again.stdout.splitlines() == [  # said once, when it was imported
        f"wire/cut.txt: skipped: already imported as {written.relative_to(root).as_posix()}"
    ]


def test_a_footer_kept_for_the_bullet_it_begins_with_is_said_with_its_line(
    tmp_path: Path,
) -> None:
    """An agency's footer as a scraper keeps it, indented and bulleted: the pattern written
    for the words alone drops nothing, which the import says of each text, with the line;
    a pattern of another agency's footer is no concern of these texts; the form the starter's
    mkdocs.yml shows drops it."""
    footer = "  • The Example Press Agency is the leading agency. Write to desk@example.org"
    texts = {f"{n}.txt": f"Story {n}\n\nThe council met on day {n}.\n\n{footer}\n" for n in (1, 2)}
    root = _site(tmp_path, plugin={"boilerplate": ["^The Example Press Agency is", "Reuters$"]})
    result = _import_wire(root, texts)
    said = (
        "wire/{}.txt:5: 'boilerplate' pattern '^The Example Press Agency is' of mkdocs.yml "
        "matches this line ('\u2022 The Example Press Agency is the leading agency. Write to "
        "\u2026') only without the spaces or bullet it begins with, so the line was "
        "kept; to drop such lines, begin the pattern with '^\\s*\u2022?\\s*' in place of '^'"
    )
    lines = result.stdout.splitlines()
    assert [line for line in lines if "boilerplate" in line] == [said.format(1), said.format(2)]
    kept = [p.read_text("utf-8") for p in (root / "content").rglob("story-*.txt")]
    assert len(kept) == 2 and all("desk@example.org" in text for text in kept)
    starter = Path(__file__).parent.parent / "plugins/mkdocs_newsroom/cli/starter/mkdocs.yml"
    (shown,) = re.findall(r"# boilerplate: \['(.+)'\]", starter.read_text("utf-8"))
    other = _site(tmp_path / "other", plugin={"boilerplate": [shown]})
    result = _import_wire(other, texts)
    assert "boilerplate" not in result.stdout
    written = list((other / "content").rglob("story-*.txt"))
    assert len(written) == 2
    assert not any("desk@example.org" in p.read_text("utf-8") for p in written)


def test_a_headline_line_boilerplate_takes_is_said_at_import(tmp_path: Path) -> None:
    """The first line is the headline: a pattern that takes it makes the next line the
    headline; said, with the line."""
    root = _site(tmp_path, plugin={"boilerplate": ["Reuters"]})
    text = "\nReuters: Ministers agree budget\nOfficials met on Monday.\n\nThe deal was signed.\n"
    result = _import_wire(root, {"head.txt": text})
    assert (
        "wire/head.txt:2: its first line ('Reuters: Ministers agree budget') matches a "
        "'boilerplate' pattern of mkdocs.yml, so it was dropped and the headline is the next "
        "line ('Officials met on Monday.'); if the first line is the headline, narrow the "
        "pattern"
    ) in result.stdout.splitlines()


def test_wire_copy_takes_no_address_the_site_has_or_the_build_cannot_give(
    tmp_path: Path,
) -> None:
    """With `article_url: "{slug}/"` an address is the slug alone: another month's story,
    a folder of the newsroom's own pages, a story of the same import."""
    earlier = "---\ntitle: Budget day\nslug: budget-day\ndate: 2024-01-02T10:00:00+00:00\n"
    earlier += "section: world\nauthors: [jdoe]\n---\nText.\n"
    root = _site(
        tmp_path, {"articles/2024/01/budget.md": earlier}, plugin={"article_url": "{slug}/"}
    )
    headlines = {"a": "Budget day", "b": "Tags", "c": "Tags"}
    _import_wire(root, {f"{n}.txt": f"{h}\n\nThe text of {n}.\n" for n, h in headlines.items()})
    slugs = sorted(
        line.split(": ", 1)[1]
        for path in (root / "content/articles").rglob("*.txt")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("slug: ")
    )
    assert slugs == ["budget-day-2", "tags-2", "tags-3"]
    _builds_strictly(root)


def test_a_wire_file_that_is_no_text_is_skipped_in_one_line(tmp_path: Path) -> None:
    root = _site(tmp_path)
    (root / "wire").mkdir()
    (root / "wire" / "scan.txt").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n\x00\x01\x02")
    imported = _import_wire(root, {"story.txt": "A headline\n\nThe text.\n"})
    assert imported.stdout.splitlines()[0] == "wire/scan.txt: skipped: it is not a text but a PDF"
    assert "scan.txt" not in imported.stderr


def test_a_pipe_or_a_file_past_max_article_size_in_the_wire_folder_is_never_read(
    tmp_path: Path,
) -> None:
    """A named pipe would be waited on for ever, a file of gigabytes would fill the memory
    before its size was told: each is skipped, one line, unread; the others are imported."""
    root = _site(tmp_path, plugin={"max_article_size": 2_000})
    wire = root / "wire"
    wire.mkdir()
    os.mkfifo(wire / "pipe.txt")
    with (wire / "huge.txt").open("wb") as huge:
        huge.truncate(50_000_000_000)  # sparse: 50 GB said, nothing on the disk
    (wire / "edge.txt").write_bytes(b"x" * 2_001)
    (wire / "fine.txt").write_text("Fares rise\n\nFares rise on Monday.\n", encoding="utf-8")
    options = ("--section", "world", "--author", "jdoe")
    done = run(root, "newsroom", "import", "wire", *options, timeout=120)  # a pipe hung it
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "wire/pipe.txt: skipped: it is not a regular file (a pipe, a socket or a device)" in (
        lines
    )
    assert (
        "wire/huge.txt: skipped: the file is 50,000,000,000 bytes, more than "
        "max_article_size (2,000 bytes)" in lines
    )
    assert (
        "wire/edge.txt: skipped: the file is 2,001 bytes, more than max_article_size "
        "(2,000 bytes)" in lines
    )
    assert len([line for line in lines if line.startswith("content/articles/")]) == 1


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("jdoe: [broken\n", "content/authors.yml:2:1: the authors file is not valid YAML"),
        (None, "content/authors.yml: it is not a regular file (a pipe, a socket or a device)"),
    ],
    ids=["broken-yaml", "pipe"],
)
def test_an_authors_file_that_cannot_be_used_is_named_not_the_author(
    tmp_path: Path, written: str | None, said: str
) -> None:
    """`newsroom new` and `import` say what is wrong with authors.yml, not that the author
    they were given is unknown (adding it again would change nothing)."""
    root = _site(tmp_path)
    authors = root / "content/authors.yml"
    authors.unlink()
    if written is None:
        os.mkfifo(authors)
    else:
        authors.write_text(written, encoding="utf-8")
    for command in (("new", "A story"), ("import", "content")):
        done = run(
            root, "newsroom", *command, "--section", "world", "--author", "jdoe", timeout=120
        )
        assert done.returncode == 1, done.stdout
        assert done.stderr.startswith(f"newsroom: error: {said}"), done.stderr
        assert done.stderr.rstrip().endswith("; fix it first")
        assert "unknown author" not in done.stderr


def test_invisible_characters_at_a_headline_s_ends_reach_no_page(tmp_path: Path) -> None:
    """A wire text saved twice with a byte-order mark keeps the second as its headline's
    first character, which no reader sees and every page, feed and search result would
    lead with; a title written with one (or a zero-width space) in front matter alike."""
    titled = article("\ufeffMarkets open\u200b", "2024-05-02T10:00:00Z", section="world")
    root = _site(tmp_path, {"articles/b.md": titled})
    wire = root / "wire"
    wire.mkdir()
    (wire / "bom2.txt").write_bytes(b"\xef\xbb\xbf\xef\xbb\xbfDouble BOM\n\nThe text.\n")
    _import_wire(root, {})
    (written,) = (root / "content/articles").rglob("double-bom.txt")
    assert "title: Double BOM\n" in written.read_text(encoding="utf-8")
    _builds_strictly(root)
    built = [p.read_text(encoding="utf-8") for p in (root / "site").rglob("*.*ml")]
    assert not [text for text in built if "\ufeff" in text or "\u200b" in text]
    assert any("<title>Double BOM - " in text for text in built)
    assert any("<title>Markets open - " in text for text in built)
