"""Every link between the project's documents leads somewhere: the file exists and, where the
link names a heading, the heading does (as GitHub makes its anchor), so a reader following
the README or a guide never lands on nothing after a heading is renamed."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from lxml import html

ROOT = Path(__file__).resolve().parent.parent
STARTER_README = ROOT / "plugins/mkdocs_newsroom/cli/starter/README.md"  # a new portal's
DOCUMENTS = sorted(
    [ROOT / "README.md", *(ROOT / "docs").glob("*.md"), ROOT / "bench/README.md", STARTER_README]
)
_PUNCTUATION = re.compile(r"[^\w\- ]", re.UNICODE)


def _page(document: Path) -> html.HtmlElement:
    """`document` as GitHub shows it, near enough for its links and headings."""
    text = document.read_text(encoding="utf-8")
    rendered = markdown.markdown(text, extensions=["fenced_code", "tables"])
    return html.fromstring(f"<div>{rendered}</div>")


def _anchors(document: Path) -> set[str]:
    """The anchors GitHub gives the headings of `document`: their text lowercased, without
    punctuation, spaces as hyphens; a repeated one with -1, -2..."""
    found: set[str] = set()
    for heading in _page(document).iter("h1", "h2", "h3", "h4", "h5", "h6"):
        text = heading.text_content()
        anchor = _PUNCTUATION.sub("", text.strip().lower()).replace(" ", "-")
        unique, number = anchor, 0
        while unique in found:
            number += 1
            unique = f"{anchor}-{number}"
        found.add(unique)
    return found


def _links(document: Path) -> list[str]:
    """The targets of the links and pictures of `document` that stay in the repository."""
    links = []
    for link in _page(document).iter("a", "img"):
        href = link.get("href" if link.tag == "a" else "src")
        if href is not None and not re.match(r"[a-z][a-z0-9+.-]*:", href):
            links.append(href)
    return links


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_every_link_of_a_document_leads_to_a_file_and_heading_that_exist(
    document: Path,
) -> None:
    broken = []
    for link in _links(document):
        path, _, anchor = link.partition("#")
        target = (document.parent / path).resolve() if path else document
        if not target.exists():
            broken.append(f"{link}: no file {target}")
        elif anchor and target.suffix == ".md" and anchor not in _anchors(target):
            broken.append(f"{link}: no heading with the anchor #{anchor} in {target.name}")
    assert broken == []


def test_the_anchors_are_made_as_github_makes_them(tmp_path: Path) -> None:
    """The rule the test above checks against, on headings whose anchors GitHub shows."""
    page = tmp_path / "page.md"
    page.write_text(
        "# Write, preview, check, publish\n\n## Old addresses (`aliases`)\n\n"
        "## A copy edit without `mkdocs build`\n\n## Notes\n\n## Notes\n",
        encoding="utf-8",
    )
    assert _anchors(page) == {
        "write-preview-check-publish",
        "old-addresses-aliases",
        "a-copy-edit-without-mkdocs-build",
        "notes",
        "notes-1",
    }
