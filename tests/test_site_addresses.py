"""The hostile review of #21, the last points: a `site_url` that cannot prefix addresses, an
alias written with a project site's path, wire copy without its agency, an empty news
sitemap."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from mkdocs.exceptions import Abort

from mkdocs_newsroom.urls import as_sent

from .checkers import structured_data, vnu_errors
from .sites import article, build_site, photo

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


@pytest.mark.parametrize(
    ("url", "sent"),
    [
        ("https://bücher.example/نیوز/", "https://xn--bcher-kva.example/%D9%86%DB%8C%D9%88%D8%B2/"),
        ("https://example.org/news /", "https://example.org/news%20/"),
        ('https://example.org/pa th/"x"/', "https://example.org/pa%20th/%22x%22/"),
    ],
)
def test_a_site_url_not_written_as_browsers_send_it_is_refused(
    tmp_path: Path, url: str, sent: str, caplog: pytest.LogCaptureFixture
) -> None:
    """It would reach every feed, sitemap and page as written (a sitemap's <loc> with a space,
    a quote ending the string of Material's inline script): the line gives the address to
    write."""
    with pytest.raises(Abort):
        build_site(tmp_path, {"articles/a.md": article()}, config={"site_url": url})
    (line,) = [line for line in caplog.text.splitlines() if "site_url" in line]
    assert f"mkdocs.yml: site_url '{url}' holds what an address cannot" in line
    assert line.endswith(f"write it as browsers send it: '{sent}'")


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("https://user:pw@news.example.org/", "holds a user name or a password"),
        ("https://news.example.org:99999/", "has a port no server listens on"),
        ("https://news.example.org:0/", "has a port no server listens on"),
        ("https://news.example.org:/", "has a port no server listens on"),
        ("https://news example.org/", "has no host name a browser can reach ('news example.org')"),
        ("https://news<b>.org/", "has no host name a browser can reach"),
        ("https://.../", "has no host name a browser can reach ('...')"),
    ],
)
def test_a_site_url_with_credentials_or_a_port_past_65535_is_refused(
    tmp_path: Path, url: str, said: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Either reached every sitemap <loc>, feed and page of the site."""
    with pytest.raises(Abort):
        build_site(tmp_path, {"articles/a.md": article()}, config={"site_url": url})
    (line,) = [line for line in caplog.text.splitlines() if "site_url" in line]
    assert f"mkdocs.yml: site_url '{url}' {said}" in line


@pytest.mark.parametrize(
    ("url", "sent"),
    [
        ("https://faß.example/x.jpg", "https://xn--fa-hia.example/x.jpg"),  # as browsers map it
        ("https://img.example.com/100%.jpg", "https://img.example.com/100%25.jpg"),
        ("https://x.org/%E2%82%AC y", "https://x.org/%E2%82%AC%20y"),
        ("images/jane doe.png", "images/jane%20doe.png"),
    ],
)
def test_a_url_is_written_as_browsers_send_it(url: str, sent: str) -> None:
    """IDNA 2003 made 'faß' 'fass', another host; a lone '%' stayed, an invalid URL."""
    assert as_sent(url) == sent


def test_every_address_a_reporter_writes_is_published_percent_encoded(tmp_path: Path) -> None:
    """A remote lead image and an author's website reached every page, feed and piece of
    structured data as written: a space, a quote, '<' in a URL."""
    image = "https://img.example.org/a b\"c'd<e>é.jpg?x=1&y=<2>"
    sent_image = "https://img.example.org/a%20b%22c'd%3Ce%3E%C3%A9.jpg?x=1&y=%3C2%3E"
    uid = 'https://old.example.org/?p=12&x=<y>"z'
    files = {
        "articles/a.md": article(
            "Encoded", section="world", authors=["web"], image={"src": image, "alt": "A"}, uid=uid
        ),
        "articles/b.md": article(
            "Other", section="world", image={"src": "https://u:pw@x.org/a.jpg", "alt": "B"}
        ),
    }
    authors = 'web: {name: Web, url: "https://ex.org/a b\\"c<d>"}\n'
    authors += 'creds: {name: Creds, url: "https://user:pw@ex.org/"}\n'
    authors += 'jane: {name: Jane, avatar: "images/jane doe.png"}\n'
    files["images/jane doe.png"] = photo(40, 40, "PNG")
    files["articles/c.md"] = article("By Jane", section="world", authors=["jane"])
    site = build_site(tmp_path, files, authors=authors)
    for said in (
        "author 'creds': 'url' 'https://user:pw@ex.org/' holds a user name or a password",
        "'image' 'src' 'https://u:pw@x.org/a.jpg' holds a user name or a password",
    ):
        assert any(said in line for line in site.warnings), site.warnings
    page = site.html("2024/05/01/encoded/")
    data = structured_data(page)["json-ld"][0]
    assert data["image"][0]["url"] == sent_image
    assert data["author"][0]["sameAs"] == ["https://ex.org/a%20b%22c%3Cd%3E"]
    og_image = site.dom("2024/05/01/encoded/").css_first('meta[property="og:image"]')
    assert og_image is not None and og_image.attributes["content"] == sent_image
    written = [site.html(name) for name in ("feed.xml", "atom.xml", "feed.json", "sitemap.xml")]
    assert all(image not in text and "a b" not in text for text in written)
    # a uid is the id an older feed gave the story, compared character by character: as given
    assert '<id>https://old.example.org/?p=12&amp;x=&lt;y&gt;"z</id>' in site.html("atom.xml")
    avatar = site.dom("authors/jane/").css_first('img[src*="jane"]')
    assert avatar is not None and avatar.attributes["src"] == "/images/jane%20doe.png"
    pages = [site.file("2024/05/01/encoded/"), site.file("authors/jane/")]
    assert vnu_errors(pages) == []
