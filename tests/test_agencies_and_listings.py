"""Authors, agencies, wire copy and listings as search engines read them (issue #21, point 5):
an author of `type: organization` is an Organization, syndicated copy names its source and may
keep out of Google News, `location` is the dateline, the front page describes the site and its
publisher, every listing has its own description, an author's page is a profile."""

from __future__ import annotations

from pathlib import Path

import pytest

from .checkers import structured_data
from .commands import copy_demo, newsroom
from .sites import Site, article, build_repo_site, build_site

ROOT = "https://news.example.org/"
AUTHORS = """\
jdoe: {name: Jane Doe, bio: Covers the city council., url: "https://janedoe.example/"}
wire: {name: Kabul Wire, type: organization, url: "https://wire.example/"}
"""
WIRE = "2024/05/02/agency-story/"
OWN = "2024/05/01/own-story/"


def _files() -> dict[str, str | bytes]:
    return {
        "articles/own.md": article(
            "Own story", section="world", authors=["jdoe"], location="Kabul", tags=["Kabul"]
        ),
        "articles/wire.txt": article(
            "Agency story",
            "2024-05-02T10:00:00+00:00",
            section="world",
            authors=["wire"],
            syndicated=True,
            location="Herat",
        ),
    }


def _ld(site: Site, url: str) -> list[dict[str, object]]:
    return structured_data(site.html(url))["json-ld"]


def _meta(site: Site, url: str, selector: str) -> str | None:
    found = site.dom(url).css_first(selector)
    return found.attributes.get("content") if found is not None else None


def test_agencies_are_organizations_and_wire_copy_names_its_source(tmp_path: Path) -> None:
    site = build_site(tmp_path / "a", _files(), authors=AUTHORS, strict=True)
    assert site.warnings == []
    (own,) = _ld(site, OWN)
    assert own["author"] == [
        {
            "@type": "Person",
            "name": "Jane Doe",
            "url": ROOT + "authors/jdoe/",
            "sameAs": ["https://janedoe.example/"],
        }
    ]
    assert own["dateline"] == "Kabul"
    assert "sourceOrganization" not in own
    (wire,) = _ld(site, WIRE)
    agency = {
        "@type": "Organization",
        "name": "Kabul Wire",
        "url": ROOT + "authors/wire/",
        "sameAs": ["https://wire.example/"],
    }
    assert wire["author"] == [agency]
    assert wire["sourceOrganization"] == [agency]
    assert wire["dateline"] == "Herat"
    # Google News is asked to leave agency copy alone only when the desk says so
    assert _meta(site, WIRE, 'meta[name="googlebot-news"]') is None
    asked = build_site(
        tmp_path / "b", _files(), authors=AUTHORS, plugin={"syndicated_noindex": True}
    )
    assert _meta(asked, WIRE, 'meta[name="googlebot-news"]') == "noindex"
    assert _meta(asked, OWN, 'meta[name="googlebot-news"]') is None


def test_an_unknown_author_type_is_reported(tmp_path: Path) -> None:
    authors = AUTHORS + "bot: {name: A Bot, type: robot}\n"
    site = build_site(tmp_path, _files(), authors=authors)
    assert site.warnings == [
        "newsroom: authors.yml:3:20: author 'bot': 'type' is 'robot'; write 'person' or "
        "'organization' (a news agency); it was read as a person"
    ]


def test_the_front_page_and_listings_describe_themselves(tmp_path: Path) -> None:
    config = {"site_description": "News of the city"}
    plugin = {"default_image": "https://news.example.org/share.png"}
    site = build_site(tmp_path, _files(), authors=AUTHORS, config=config, plugin=plugin)
    website, organization = _ld(site, "")
    assert website["@type"] == "WebSite"
    assert (website["name"], website["url"], website["inLanguage"]) == (
        "Test Gazette",
        ROOT,
        "en",
    )
    assert website["description"] == "News of the city"
    assert organization == {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": "Test Gazette",
        "url": ROOT,
        "logo": {"@type": "ImageObject", "url": "https://news.example.org/logo.png"},
    }
    (og,) = structured_data(site.html(""))["opengraph"]
    assert (og["og:description"], og["og:image"]) == (
        "News of the city",
        "https://news.example.org/share.png",
    )
    assert _meta(site, "", 'meta[name="twitter:card"]') == "summary_large_image"
    descriptions = {
        "tags/kabul/": "Stories tagged Kabul.",
        "archive/2024/": "Stories of 2024.",
        "archive/2024/05/": "Stories of May 2024.",
        "archive/": "Every story, by date.",
        "tags/": "Every tag, with its number of stories.",
        "authors/": "Every author and agency, with their stories.",
        "authors/jdoe/": "Covers the city council.",  # the bio
        "authors/wire/": "Stories by Kabul Wire.",
    }
    for url, description in descriptions.items():
        assert _meta(site, url, 'meta[name="description"]') == description, url
        assert _meta(site, url, 'meta[property="og:description"]') == description, url
    # an author's page is a profile
    assert _meta(site, "authors/jdoe/", 'meta[property="og:type"]') == "profile"
    (profile,) = _ld(site, "authors/jdoe/")
    assert profile["@type"] == "ProfilePage"
    assert profile["mainEntity"]["@type"] == "Person"
    assert profile["mainEntity"]["name"] == "Jane Doe"
    (agency,) = _ld(site, "authors/wire/")
    assert agency["mainEntity"]["@type"] == "Organization"
    assert _meta(site, "tags/kabul/", 'meta[property="og:type"]') == "website"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_repo_site(tmp_path_factory.mktemp("demo") / "site")


def test_edition_fronts_have_their_own_words(demo: Site) -> None:
    pashto = {
        "ps/": "د نیوزروم ګزټ پښتو خبرونه",
        "ps/section/world/": "د نړۍ له ګوټ ګوټ څخه خبرونه",
        "prs/section/world/": "اخبار از سراسر جهان",
        "section/world/": "News from around the world",
        "ps/archive/": "ټول خبرونه، د نېټې له مخې.",
    }
    for url, description in pashto.items():
        assert _meta(demo, url, 'meta[name="description"]') == description, url
    # the demo's agency
    url = "2019/02/13/nato-chief-afghan-talks-are-about-a-peace-deal-not-a-leave-deal/"
    (story,) = _ld(demo, url)
    assert story["author"][0]["@type"] == "Organization"
    assert story["sourceOrganization"][0]["name"] == "Khaama Press"


def test_a_headline_over_110_characters_is_reported_by_build_and_check(tmp_path: Path) -> None:
    long = "A " + "very " * 20 + "long headline"
    assert len(long) == 115
    files = {"articles/long.md": article(long, section="world", authors=["jdoe"])}
    site = build_site(tmp_path / "site", files)
    line = (
        "articles/long.md:2: the headline is 115 characters long; search engines and news "
        "apps cut a headline after 110: shorten it"
    )
    assert site.warnings == [f"newsroom: {line}"]
    root = copy_demo(tmp_path / "portal")
    (root / "content" / "articles" / "long.md").write_text(
        article(long, section="world", authors=["mariam-rahimi"]), encoding="utf-8"
    )
    checked = newsroom(root, "check")
    assert checked.returncode == 1
    assert checked.stdout.splitlines() == [line]
