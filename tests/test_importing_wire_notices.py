"""`newsroom import` of wire copy that says what it is (a hostile review): front matter in any
form is refused, embargoed or held copy is imported as a draft, and a `--date` the clocks skip
is said as the build says it. Each test runs the real command and builds the site, and looks
for the held-back copy's marker words in every file the build wrote."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from .commands import newsroom
from .sites import write_site
from .test_importing_leaks import PUBLISHED, _draft, _leaked, _site
from .test_importing_review import item, wxr

OPTIONS = ("--section", "world", "--author", "jdoe")
REWRITE = (
    "rewrite them as YAML between '---' lines and copy it into content/articles/, or remove them"
)


def test_front_matter_in_any_form_is_refused(tmp_path: Path) -> None:
    root = _site(tmp_path)
    wire = root / "wire"
    wire.mkdir()
    texts = {
        "a-hidden.txt": "\u200b---\ntitle: Hidden\ndraft: true\n---\nZQXHIDDEN copy.\n",
        "b-toml.txt": '+++\ntitle = "x"\ndraft = true\n+++\nZQXTOML copy.\n',
        "c-mmd.txt": "Title: x\nDraft: true\n\nZQXMMD copy.\n",
        # a headline with a colon is no header: 'Breaking' is no field
        "d-breaking.txt": f"Breaking: Minister resigns\n\n{PUBLISHED} text.\n",
    }
    for name, text in texts.items():
        (wire / name).write_text(text, encoding="utf-8")

    result = newsroom(root, "import", "wire", *OPTIONS)

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        "wire/a-hidden.txt: skipped: it already has front matter (its first line is '---' "
        "behind characters nobody sees: U+200B): remove them and copy it into "
        "content/articles/ as it is, or remove the front matter",
        f"wire/b-toml.txt: skipped: it already has front matter (Hugo's TOML, between '+++' "
        f"lines): {REWRITE}",
        "wire/c-mmd.txt: skipped: it already has front matter (MultiMarkdown 'Key: value' lines "
        f"at its top: Title, Draft): {REWRITE}",
    ]
    assert lines[3].endswith(" (from wire/d-breaking.txt)")
    assert _draft(root, lines[3]) == ""
    assert result.stderr.splitlines()[0] == "newsroom: imported 1, skipped 3"
    assert _leaked(root, "ZQXHIDDEN", "ZQXTOML", "ZQXMMD") == []


NOTICE = (
    "a notice that it is not to be published yet: it is imported as a draft; remove "
    "'draft: true' when the embargo lifts"
)


def test_embargoed_copy_is_a_draft_and_stories_about_embargoes_are_not(tmp_path: Path) -> None:
    root = _site(tmp_path)
    wire = root / "wire"
    wire.mkdir()
    texts = {
        "a.txt": "EMBARGOED UNTIL 00:01 GMT 5 JAN 2099 - Minister resigns\n\nZQXEMBHEAD copy.\n",
        "b.txt": "DRAFT - NOT FOR PUBLICATION\nCouncil budget\n\nZQXNOTFOR copy.\n",
        "c.txt": "Bank cuts rates\n\nZQXPARA first.\n\nSecond paragraph.\n\nThird one.\n\n"
        "EMBARGO: not for publication before 09:00 GMT Friday.\n\nLast words.\n",
        "d.txt": "Hold for release until noon: Port reopens\n\nZQXHOLD copy.\n",
        "f.txt": "Rates hold\n[EMBARGOED] 00:01 GMT\n\nZQXBRACKET copy.\n",
        "e.txt": "Embargo on oil lifted\n\nEmbargoed goods were seized on Monday; "
        f"{PUBLISHED}.\n\nThe embargo, not for publication in full, ran for years.\n",
    }
    for name, text in texts.items():
        (wire / name).write_text(text, encoding="utf-8")

    result = newsroom(root, "import", "wire", *OPTIONS)

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    said = [line for line in lines if " (from " not in line]
    assert said == [
        f"wire/a.txt:1: it says 'EMBARGOED', {NOTICE}",
        f"wire/b.txt:1: it says 'NOT FOR PUBLICATION', {NOTICE}",
        f"wire/c.txt:9: it says 'EMBARGO', {NOTICE}",
        f"wire/d.txt:1: it says 'Hold for release', {NOTICE}",
        f"wire/f.txt:2: it says 'EMBARGOED', {NOTICE}",
    ]
    written = [line for line in lines if " (from " in line]
    assert [_draft(root, line) for line in written] == ["true"] * 4 + ["", "true"]
    assert written[4].endswith(" (from wire/e.txt)")
    assert result.stderr.splitlines()[0] == "newsroom: imported 6 (5 as drafts), skipped 0"
    assert _leaked(root, "ZQXEMBHEAD", "ZQXNOTFOR", "ZQXPARA", "ZQXHOLD", "ZQXBRACKET") == []


SKIPPED = (
    "'2024-03-31T01:30:00' is a time that does not exist in Europe/London (the clocks skip "
    "it); it was read as 2024-03-31T01:30:00+00:00, 02:30 there (2024-03-31T02:30:00+01:00): "
    "write the time the clocks showed, or give its offset"
)


def _date_field(root: Path, written: str) -> str:
    text = (root / written).read_text("utf-8")
    return str(yaml.load(text.split("---\n")[1], Loader=yaml.BaseLoader)["date"])


@pytest.mark.parametrize("command", ["new", "import"])
def test_a_date_the_clocks_skip_is_said_as_the_build_says_it(tmp_path: Path, command: str) -> None:
    root = tmp_path / "news"
    write_site(root, {}, plugin={"timezone": "Europe/London"})
    (root / "wire").mkdir()
    (root / "wire/a.txt").write_text(f"Clocks go forward\n\n{PUBLISHED} text.\n", "utf-8")
    first = ["new", "Clocks go forward"] if command == "new" else ["import", "wire"]

    result = newsroom(root, *first, *OPTIONS, "--date", "2024-03-31T01:30:00")

    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[0] == f"newsroom: --date: {SKIPPED}"
    written = result.stdout.splitlines()[0].split(" (from ")[0]
    assert _date_field(root, written) == "2024-03-31T02:30:00+01:00"  # the time it was read as
    # an hour on, a real time: nothing is said
    real = newsroom(root, *first, *OPTIONS, "--date", "2024-03-31T02:30:00")
    assert real.returncode == 0, real.stderr
    assert "does not exist" not in real.stderr


def test_a_private_wordpress_post_is_a_draft_with_a_line(tmp_path: Path) -> None:
    root = _site(tmp_path)
    private = item(1, "Members", status="private", body="ZQXPRIVATE text.")
    export = wxr(tmp_path, private, item(2, "Open", body=f"{PUBLISHED} text."))

    result = newsroom(root, "import", "--from", "wordpress", str(export))

    assert result.returncode == 0, result.stderr
    said = "post 1 'Members': it is private in WordPress (only its editors could read it); it "
    said += "is held back as a draft: remove 'draft: true' if everyone may read it"
    assert any(line.endswith(said) for line in result.stdout.splitlines()), result.stdout
    assert _leaked(root, "ZQXPRIVATE") == []
    assert "imported 2 (1 as drafts)" in result.stderr


def test_flashes_with_one_stock_line_are_stories_of_their_own(tmp_path: Path) -> None:
    """A flash is its headline: "More to follow." under three headlines is three stories. A
    text of a story's length sent again under a new headline is still the same story; a
    hidden text is named, not passed over."""
    root = _site(tmp_path)
    wire = root / "wire"
    wire.mkdir()
    story = " ".join(f"Paragraph word{n}." for n in range(40))
    texts = {
        "a.txt": "FLASH: Earthquake hits Kabul\n\nMore to follow.\n",
        "b.txt": "FLASH: President resigns in Paris\n\nMore to follow.\n",
        "c.txt": f"Council votes on the budget\n\n{story}\n",
        "d.txt": f"Council passes the budget\n\n{story}\n",
        ".e.txt": "Hidden headline\n\nHidden text.\n",
        ".DS_Store": "\x00\x00\x00\x01Bud1",
    }
    for name, text in texts.items():
        (wire / name).write_text(text, encoding="utf-8")

    result = newsroom(root, "import", "wire", *OPTIONS)

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "wire/.e.txt: skipped: its name begins with '.', the mark of a hidden file (an editor's "
        "copy, a system's); rename it without the '.' if it is wire copy"
    )
    assert [line.rsplit(" (from ", 1)[1] for line in lines[1:4]] == [
        "wire/a.txt)",
        "wire/b.txt)",
        "wire/c.txt)",
    ]
    assert lines[4].startswith("wire/d.txt: skipped: already imported as ")
    assert lines[4].endswith(", under another headline ('Council votes on the budget')")
    assert len(lines) == 5
    assert result.stderr.splitlines()[0] == "newsroom: imported 3, skipped 2"
    more = wire / "more"
    more.mkdir()
    (more / "f.txt").write_text("URGENT: Bridge collapses in Lagos\n\nMore to follow.\n", "utf-8")
    (more / "g.txt").write_text(texts["a.txt"], encoding="utf-8")
    again = newsroom(root, "import", "wire/more", *OPTIONS)
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[0].endswith(" (from wire/more/f.txt)")
    assert again.stdout.splitlines()[1].startswith("wire/more/g.txt: skipped: already imported")
