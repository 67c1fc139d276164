"""Drafts, scheduled and expiring stories: `mkdocs build` publishes only what is due and not
yet expired; `mkdocs serve` shows everything, each held-back story marked on its page and in
every listing."""

from __future__ import annotations

from pathlib import Path

import pytest

from .sites import Site, article, build_site

NOW = "1714557600"  # SOURCE_DATE_EPOCH: 2024-05-01T10:00:00Z

STORIES = {
    "articles/live.md": article(
        "Live story", "2024-04-30T10:00:00Z", section="world", tags=["Rivers"], authors=["jdoe"]
    ),
    "articles/draft.md": article(
        "Draft zebra story",
        "2024-04-30T11:00:00Z",
        section="world",
        tags=["Rivers", "Zebras"],
        authors=["jdoe"],
        draft=True,
    ),
    "articles/later.md": article(
        "Scheduled quagga story", "2024-05-02T08:00:00Z", section="world", authors=["jdoe"]
    ),
    "articles/gone.md": article(
        "Expired okapi story",
        "2024-04-20T08:00:00Z",
        section="world",
        tags=["Rivers"],
        authors=["jdoe"],
        expires="2024-05-01T09:00:00Z",
    ),
    "articles/still.md": article(
        "Expiring tomorrow", "2024-04-21T08:00:00Z", section="world", expires="2024-05-02"
    ),
}
HELD_BACK = ("zebra", "quagga", "okapi")


def _everything(site: Site) -> str:
    """Every text file of the site: pages, feeds, sitemaps, the search index."""
    return "".join(
        path.read_text(encoding="utf-8", errors="replace").lower()
        for path in site.site_dir.rglob("*")
        if path.is_file()
        and path.suffix in {".html", ".xml", ".json", ".txt", ".js"}
        and "assets" not in path.parts
    )


@pytest.fixture
def fixed_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOW)


@pytest.mark.usefixtures("fixed_now")
def test_a_build_publishes_only_what_is_due_and_not_expired(tmp_path: Path) -> None:
    site = build_site(tmp_path, STORIES)
    everything = _everything(site)
    assert "live story" in everything and "expiring tomorrow" in everything
    for word in HELD_BACK:
        assert word not in everything, word
    assert not (site.site_dir / "tags" / "zebras").exists()
    assert "shown in the preview only" not in everything
    assert site.summary == (
        "newsroom: published 2 articles, skipped 3: 1 draft, 1 expired, 1 scheduled for later"
    )
    assert site.warnings == []


@pytest.mark.usefixtures("fixed_now")
def test_serve_shows_held_back_stories_marked_on_their_pages_and_in_listings(
    tmp_path: Path,
) -> None:
    site = build_site(tmp_path, STORIES, command="serve")
    pages = {
        "draft": "2024/04/30/draft-zebra-story/",
        "scheduled": "2024/05/02/scheduled-quagga-story/",
        "expired": "2024/04/20/expired-okapi-story/",
    }
    flags = {
        "draft": "Draft",
        "scheduled": "Scheduled for",
        "expired": "Expired on",
    }
    for status, url in pages.items():
        flag = site.dom(url).css_first(".nr-article__header .nr-flag--preview")
        assert flag is not None, url
        assert flag.text().startswith(flags[status]), flag.text()
        assert "shown in the preview only" in flag.text()
    live = site.dom("2024/04/30/live-story/")
    assert live.css_first(".nr-article__header .nr-flag--preview") is None

    for listing in ["", "section/world/", "authors/jdoe/", "archive/2024/04/", "archive/2024/05/"]:
        marked = {
            card.css_first(".nr-card__title").text(): card.css_first(".nr-flag--preview")
            for card in site.dom(listing).css("article.nr-card")
        }
        april = listing != "archive/2024/05/"
        assert ("Live story" in marked) == april, listing
        assert marked.get("Live story") is None, listing
        if april:
            assert marked["Draft zebra story"].text() == "Draft", listing
            assert marked["Expired okapi story"].text().startswith("Expired on"), listing
        if listing != "archive/2024/04/":
            assert marked["Scheduled quagga story"].text().startswith("Scheduled for"), listing
    rivers = {card.text() for card in site.dom("tags/rivers/").css(".nr-card__title")}
    assert {"Live story", "Draft zebra story", "Expired okapi story"} <= rivers
    assert (site.site_dir / "tags" / "zebras" / "index.html").is_file()


@pytest.mark.usefixtures("fixed_now")
def test_expiry_problems_are_reported(tmp_path: Path) -> None:
    files = {
        "articles/bad.md": article("Bad expiry", expires="next tuesday"),
        "articles/never.md": article(
            "Never shown", "2024-04-10T08:00:00Z", expires="2024-04-09T08:00:00Z"
        ),
    }
    site = build_site(tmp_path, files)
    assert site.warnings == [
        "newsroom: articles/bad.md:4: 'expires': 'next tuesday' is not an ISO 8601 date; write "
        "for example 2024-05-01 or 2024-05-01T09:30:00+04:30; the article was skipped",
        "newsroom: articles/never.md: it expires (2024-04-09T08:00:00+00:00) before it is "
        "published (2024-04-10T08:00:00+00:00), so it will never be shown; correct 'expires' "
        "or 'date'",
    ]


def test_a_story_not_yet_written_is_told_of_once_it_is_due(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A slot reserved with `newsroom new --date` (nothing below the front matter) fails no
    `--strict` build of the stories published before it is due; once due, and still empty,
    it is told of, as a story published without text always was. A draft never is."""
    files = {
        "articles/live.md": article("Live story", "2024-04-30T10:00:00Z"),
        "articles/slot.md": article("Reserved slot", "2024-05-02T08:00:00Z", body=""),
        "articles/notes.md": article(
            "Unwritten draft", "2024-04-30T08:00:00Z", body="", draft=True
        ),
    }
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOW)
    before = build_site(tmp_path / "before", files, strict=True)
    assert before.warnings == []
    assert (
        before.summary == "newsroom: published 1 article, skipped 2: 1 draft, 1 scheduled for later"
    )
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1714640400")  # 2024-05-02T09:00:00Z: it is due
    after = build_site(tmp_path / "after", files)
    assert after.warnings == [
        "newsroom: articles/slot.md:6: the article has no text below its front matter; write "
        "the story, or set 'draft: true' until it is written"
    ]
