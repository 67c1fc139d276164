"""A page that says it is held back is never published: MkDocs publishes a Markdown page
outside the articles folder whatever its front matter says, so a story saved in the content
folder's root with `draft: true` would be online (build/held_pages.py). Real builds beside a
good article; --strict fails and `newsroom check` says the same lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .commands import newsroom
from .test_hostile import _located, built, fails_strict, output_text

if TYPE_CHECKING:
    from pathlib import Path

HELD = {
    "story.md": "---\ntitle: Embargoed\ndate: 2024-05-01T10:00:00Z\ndraft: true\n---\nSECRET ONE\n",
    "desk/notes.md": "---\nDraft: yes\n---\n# Notes\n\nSECRET TWO\n",
    "embargoed.md": "---\nembargo: 2030-01-01\n---\n# Embargoed\n\nSECRET THREE\n",
    "plain.md": "draft: true\n\n# MultiMarkdown's meta, as MkDocs reads it\n\nSECRET FOUR\n",
}
FIELD = {"story.md": "draft", "desk/notes.md": "Draft", "embargoed.md": "embargo"}


def _left_out(path: str, field: str) -> str:
    return (
        f"newsroom: {path}: it is a page, not a story (it is outside articles/), and its "
        f"'{field}' would hold a story back: a page is published as it is, so it was left "
        f"out; move it into articles/ to publish it as a story, or remove '{field}'"
    )


def test_a_page_whose_front_matter_holds_it_back_is_left_out(tmp_path: Path) -> None:
    kept = {
        "kept.md": "---\ndraft: false\n---\n# Kept\n\nPUBLISHED ONE\n",
        "dated.md": "---\ndate: 2024-05-01\nsection: world\n---\n# Dated\n\nPUBLISHED TWO\n",
    }
    files: dict[str, str | bytes] = {**HELD, **kept}
    site = built(tmp_path, files)
    assert sorted(site.warnings) == sorted(
        [
            *(_left_out(path, field) for path, field in FIELD.items()),
            _left_out("plain.md", "draft"),
        ]
    )
    text = output_text(site)
    assert "SECRET ONE" not in text and "SECRET TWO" not in text and "SECRET THREE" not in text
    assert "SECRET FOUR" not in text
    assert "PUBLISHED ONE" in site.html("kept/") and "PUBLISHED TWO" in site.html("dated/")
    assert (
        "newsroom: dated.md: it has a story's 'date' and section or authors, but it is outside "
        "articles/, so it is published as a plain page; move it into articles/ to publish it "
        "as a story"
    ) in site.infos
    fails_strict(tmp_path, files)
    checked = newsroom(tmp_path / "site", "check")
    assert sorted(line for line in checked.stdout.splitlines() if "left out" in line) == sorted(
        _located(warning) for warning in site.warnings
    )
