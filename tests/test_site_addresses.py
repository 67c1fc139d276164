"""The hostile review of #21, the last points: a `site_url` that cannot prefix addresses, an
alias written with a project site's path, wire copy without its agency, an empty news
sitemap."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from mkdocs.exceptions import Abort

from .sites import article, build_site

if TYPE_CHECKING:
    from pathlib import Path


@pytest.mark.parametrize("url", ["https://news.example.org/?lang=en", "https://x.org/#top"])
def test_a_site_url_with_a_query_or_a_fragment_is_refused(
    tmp_path: Path, url: str, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(Abort):
        build_site(tmp_path, {"articles/a.md": article()}, config={"site_url": url})
    (line,) = [line for line in caplog.text.splitlines() if "site_url" in line]
    assert f"mkdocs.yml: site_url '{url}' has a query or a fragment" in line


def test_an_alias_written_with_a_project_sites_path_is_told(tmp_path: Path) -> None:
    files = {"articles/a.md": article("A", aliases=["/paper/2019/05/old/", "/2019/05/older/"])}
    site = build_site(tmp_path, files, config={"site_url": "https://user.github.io/paper/"})
    assert [line for line in site.warnings if "alias" in line] == [
        "newsroom: articles/a.md:4: its alias /paper/2019/05/old/ starts with /paper/, the path "
        "of site_url, but aliases are paths from the site's root, so its redirect is at "
        "/paper/paper/2019/05/old/; write it as /2019/05/old/"
    ]


def test_wire_copy_without_an_agency_among_its_authors_is_told(tmp_path: Path) -> None:
    files = {
        "articles/a.md": article("Wire", authors=["jdoe"], syndicated=True),
        "articles/b.md": article("Agency", authors=["desk"], syndicated=True),
    }
    authors = "jdoe: {name: Jane Doe}\ndesk: {name: Wire Desk, type: organization}\n"
    site = build_site(tmp_path, files, authors=authors, strict=True)
    assert site.warnings == []
    told = [line for line in site.infos if "syndicated" in line]
    assert told == [
        "newsroom: articles/a.md:6: it is syndicated, but none of its authors is an agency "
        "(type: organization in the authors file), so its structured data names no "
        "sourceOrganization; add the agency among its authors"
    ]


def test_no_news_sitemap_without_a_story_of_the_last_two_days(tmp_path: Path) -> None:
    files = {"articles/a.md": article("Old news", "2019-05-01T10:00:00+00:00")}
    site = build_site(tmp_path, files, strict=True)
    assert not (site.site_dir / "news-sitemap.xml").exists()
    robots = (site.site_dir / "robots.txt").read_text(encoding="utf-8")
    assert "sitemap.xml" in robots and "news-sitemap" not in robots
