"""Hardening: reproducible builds, hostile values escaped exactly once in every channel."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from mkdocs_newsroom.search.query import IndexFiles
from mkdocs_newsroom.search.shards import INDEX_DIR

from .checkers import structured_data
from .sites import article, build_site, write_tree

ATOM = "{http://www.w3.org/2005/Atom}"
EVIL = '<script>alert("x")</script> & "quotes" \'apostrophes\' <img src=x onerror=alert(1)>'


def _site_files() -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {
        f"articles/{i:02d}.{'txt' if i % 2 else 'md'}": article(
            f"Story {i % 4}",  # duplicate titles on purpose
            f"2024-0{1 + i % 5}-{1 + i:02d}T0{i % 9}:00:00+04:30",
            authors=["jdoe"] if i % 3 else ["jdoe", "asmith"],
            section=["world", "politics", "business"][i % 3],
            tags=[f"Tag {i % 5}", "Kabul"],
            body=f"Body {i}.\n\nSecond paragraph of {i}.",
        )
        for i in range(24)
    }
    files["about.md"] = "# About\n\nA page of the site's own.\n"
    return files


def test_two_builds_with_the_same_source_date_epoch_are_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1717200000")
    files = _site_files()
    first = build_site(tmp_path / "one", files)
    # The second copy is written in the opposite order, in a different folder.
    write_tree(tmp_path / "two" / "content", dict(reversed(list(files.items()))))
    second = build_site(tmp_path / "two", files)
    one = {
        p.relative_to(first.site_dir): p.read_bytes()
        for p in first.site_dir.rglob("*")
        if p.is_file()
    }
    two = {
        p.relative_to(second.site_dir): p.read_bytes()
        for p in second.site_dir.rglob("*")
        if p.is_file()
    }
    assert sorted(one) == sorted(two)
    different = [str(path) for path in one if one[path] != two[path]]
    assert different == []
    assert len(one) > 100
    everything = b"".join(one.values())
    assert str(tmp_path).encode() not in everything  # no temporary paths in the output


def test_hostile_values_reach_json_ld_and_feeds_exactly_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1714564800")  # 2024-05-01T12:00Z: in the news
    text = article(
        f"Title {EVIL}",
        "2024-05-01T10:00:00Z",
        summary=f"Summary {EVIL}",
        tags=[f"Tag {EVIL}"],
        authors=["evil"],
        section="evil",
        location=f"Location {EVIL}",
        image={"src": "a.png", "alt": f"Alt {EVIL}", "caption": f"Cap {EVIL}", "credit": "C"},
    )
    site = build_site(
        tmp_path,
        {"articles/a.md": text},
        authors=f"evil: {{name: {json.dumps('Name ' + EVIL)}, bio: {json.dumps('Bio ' + EVIL)}}}\n",
        plugin={"sections": {"evil": {"title": f"Section {EVIL}"}}},
    )
    url = next(u for u in site.pages() if u.startswith("2024/"))
    data = structured_data(site.html(url), f"https://news.example.org/{url}")
    (ld,) = data["json-ld"]
    assert ld["headline"] == f"Title {EVIL}"
    assert data["opengraph"][0]["og:description"] == f"Summary {EVIL}"
    assert ld["author"][0]["name"] == f"Name {EVIL}"
    assert ld["articleSection"] == f"Section {EVIL}"
    assert ld["keywords"] == [f"Tag {EVIL}"]
    assert ld["dateline"] == f"Location {EVIL}"
    atom = etree.parse(str(site.site_dir / "atom.xml")).find(f"{ATOM}entry")
    assert atom is not None
    assert atom.findtext(f"{ATOM}title") == f"Title {EVIL}"
    assert atom.findtext(f"{ATOM}summary") == f"Summary {EVIL}"
    assert atom.findtext(f"{ATOM}author/{ATOM}name") == f"Name {EVIL}"
    assert [c.get("term") for c in atom.findall(f"{ATOM}category")] == [
        f"Section {EVIL}",
        f"Tag {EVIL}",
    ]
    rss = etree.parse(str(site.site_dir / "feed.xml"))
    assert rss.findtext("channel/item/title") == f"Title {EVIL}"
    assert rss.findtext("channel/item/{http://purl.org/dc/elements/1.1/}creator") == f"Name {EVIL}"
    feed = json.loads((site.site_dir / "feed.json").read_text(encoding="utf-8"))
    assert feed["items"][0]["title"] == f"Title {EVIL}"
    assert feed["items"][0]["authors"][0]["name"] == f"Name {EVIL}"
    news = etree.parse(str(site.site_dir / "news-sitemap.xml"))
    titles = [t.text for t in news.iter("{http://www.google.com/schemas/sitemap-news/0.9}title")]
    assert titles == [f"Title {EVIL}"]
    index = IndexFiles.read(site.site_dir / INDEX_DIR)
    (document,) = index.documents()  # raw values: the search worker escapes them for display
    assert document == (url, f"Title {EVIL}", (f"Section {EVIL}", "1 May 2024"))
    html = site.html(url)
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&amp;amp;" not in html and "&amp;lt;" not in html and "&amp;quot;" not in html
