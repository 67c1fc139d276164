"""The hostile review of #21: a written slug keeps its address, `newsroom new` writes no slug
whose address is taken, `newsroom check --fix-slugs` writes only what it can write back."""

from __future__ import annotations

from pathlib import Path

from .commands import copy_demo, newsroom
from .sites import article, build_site


def _body(site_dir: Path, url: str) -> str:
    return (site_dir / url / "index.html").read_text(encoding="utf-8")


def test_a_written_slug_then_the_earlier_date_keeps_an_address(tmp_path: Path) -> None:
    files = {
        # live, its slug written; a back-filled archive story makes the same slug of its title
        "articles/2026/11/s1.md": article("Story 1", "2026-11-20T10:00:00+00:00", "Live."),
        "articles/2019/05/backfill.md": article(
            "Story 1", "2019-05-01T10:00:00+00:00", "Archive.", slug=None
        ),
        # both written: the one published first keeps it, whatever the paths
        "articles/a.md": article("Two", "2024-06-01T10:00:00+00:00", "Later.", slug="two"),
        "articles/b.md": article("Two", "2024-05-01T10:00:00+00:00", "Earlier.", slug="two"),
    }
    site = build_site(tmp_path, files, plugin={"article_url": "{slug}/"})
    assert "Live." in _body(site.site_dir, "story-1")
    assert "Archive." in _body(site.site_dir, "story-1-2")
    assert "Earlier." in _body(site.site_dir, "two")
    assert "Later." in _body(site.site_dir, "two-2")
    moved = [line for line in site.warnings if "already taken" in line]
    assert sorted(moved) == [
        "newsroom: articles/2019/05/backfill.md: its URL story-1/ is already taken by "
        "articles/2026/11/s1.md; it was published at story-1-2/ instead. Give one of the two "
        "a different 'slug'",
        "newsroom: articles/a.md: its URL two/ is already taken by articles/b.md; it was "
        "published at two-2/ instead. Give one of the two a different 'slug'",
    ]
    # the story without a written slug is told to write the one it has, never the other's
    assert any("backfill.md" in line and "'slug: story-1-2'" in line for line in site.warnings)


def test_new_writes_no_slug_whose_address_is_taken(tmp_path: Path) -> None:
    root = copy_demo(tmp_path / "portal")
    headline = "Wheat prices fall for a third month as harvest beats forecasts"
    args = ("--section", "business", "--author", "mariam-rahimi", "--date", "2026-11-22T09:00")
    made = newsroom(root, "new", headline, *args)
    assert made.returncode == 0, made.stderr
    written = (root / made.stdout.strip()).read_text(encoding="utf-8")
    slug = "wheat-prices-fall-for-a-third-month-as-harvest-beats-forecasts"
    assert f"\nslug: {slug}-2\n" in written
    assert f"so the new one has 'slug: {slug}-2'" in made.stderr
