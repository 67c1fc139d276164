"""Section fronts, tag, author and date indexes, the front page, pagination: real builds."""

from __future__ import annotations

import random
from collections import defaultdict
from pathlib import Path

import pytest

from mkdocs_newsroom.catalogue.indexes import Listing, build_indexes
from mkdocs_newsroom.catalogue.neighbours import build_neighbours
from mkdocs_newsroom.catalogue.pagination import Pagination, paginate
from mkdocs_newsroom.model import Article, Author, Section, Tag

from .sites import GIF, Site, article, build_site, photo, reached, story

SECTION_IDS = ["world", "politics", "business"]
AUTHOR_IDS = ["jdoe", "asmith"]
TAG_NAMES = ["Economy", "Kabul", "Elections", "خبر فوری", "سیاست", "ټرمپ", "Health", "Q&A"]


def generated_site(count: int, seed: int = 7) -> tuple[dict[str, str | bytes], dict[str, dict]]:
    """`count` articles with duplicate titles, several tags in three scripts, 1-2 authors."""
    rng = random.Random(seed)
    files: dict[str, str | bytes] = {}
    expected: dict[str, dict] = {}
    for number in range(count):
        title = f"Story number {number % (count // 3)}"  # every title used about three times
        day = 1 + number % 28
        month = 1 + (number // 28) % 12
        year = 2023 + number // (28 * 12)
        tags = rng.sample(TAG_NAMES, rng.randint(0, 3))
        authors = rng.sample(AUTHOR_IDS, rng.randint(1, 2))
        section = SECTION_IDS[number % 3]
        source = f"articles/{year}/{number:04d}.{'txt' if number % 2 else 'md'}"
        files[source] = article(
            title=title,
            date=f"{year}-{month:02d}-{day:02d}T{number % 24:02d}:00:00+04:30",
            body=f"Body of article {number}.",
            authors=authors,
            section=section,
            tags=tags,
        )
        expected[f"Body of article {number}."] = {
            "section": section,
            "tags": tags,
            "authors": authors,
            "month": f"{year}/{month:02d}",
        }
    return files, expected


def crawl(site: Site, first_url: str) -> tuple[list[str], list[str]]:
    """Follow rel=next from a listing's first page: (article links in order, page URLs)."""
    links: list[str] = []
    pages: list[str] = []
    url: str | None = first_url
    while url is not None:
        pages.append(url)
        dom = site.dom(url)
        for anchor in dom.css(".nr-cards .nr-card__title a, .nr-headline-list--listing > li > a"):
            links.append(_resolve(url, anchor.attributes["href"] or ""))
        following = dom.css_first('head link[rel="next"]')
        pager_next = dom.css_first('.nr-pager a[rel="next"]')
        assert (following is None) == (pager_next is None)
        url = _resolve(url, following.attributes["href"] or "") if following else None
        assert len(pages) < 500
    return links, pages


def _resolve(base: str, href: str) -> str:
    return reached(base, href)


@pytest.fixture(scope="module")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, dict[str, dict]]:
    files, expected = generated_site(300)
    plugin = {"page_size": 7, "headline_page_size": 9}
    site = build_site(tmp_path_factory.mktemp("big"), files, plugin=plugin)
    return site, expected


def _body_by_url(site: Site) -> dict[str, str]:
    bodies = {}
    for url in site.pages():
        if url[:2] == "20":
            bodies[url] = site.dom(url).css_first(".nr-body p").text()
    return bodies


def test_nothing_is_lost_from_any_listing(big_site: tuple[Site, dict[str, dict]]) -> None:
    site, expected = big_site
    bodies = _body_by_url(site)
    assert sorted(bodies.values()) == sorted(expected)  # every article has its own page
    url_of = {body: url for url, body in bodies.items()}
    appearances: dict[str, list[str]] = defaultdict(list)

    def collect(listing_url: str) -> None:
        links, _pages = crawl(site, listing_url)
        assert len(links) == len(set(links)), f"{listing_url} lists an article twice"
        appearances[listing_url].extend(links)

    for section in SECTION_IDS:
        collect(f"section/{section}/")
    tag_links = site.dom("tags/").css(".nr-tag-index a")
    tag_urls = {_resolve("tags/", a.attributes["href"] or ""): a.text() for a in tag_links}
    for url in tag_urls:
        collect(url)
    for author in AUTHOR_IDS:
        collect(f"authors/{author}/")
    months = {info["month"] for info in expected.values()}
    for month in months:
        collect(f"archive/{month}/")

    name_to_url = {name: url for url, name in tag_urls.items()}
    for body, info in expected.items():
        url = url_of[body]
        assert url in appearances[f"section/{info['section']}/"]
        for author in info["authors"]:
            assert url in appearances[f"authors/{author}/"]
        for tag in info["tags"]:
            assert url in appearances[name_to_url[tag]]
        assert url in appearances[f"archive/{info['month']}/"]
    listed = sum(len(v) for k, v in appearances.items() if k.startswith("section/"))
    assert listed == len(expected)


def test_listings_are_newest_first_and_paginated(big_site: tuple[Site, dict[str, dict]]) -> None:
    site, _expected = big_site
    links, pages = crawl(site, "section/world/")
    assert len(links) == 100
    assert pages[:3] == ["section/world/", "section/world/page/2/", "section/world/page/3/"]
    assert len(pages) == 12  # 100 articles: 7 cards, then 9 headlines a page
    dates = []
    for url in pages:
        times = site.dom(url).css(".nr-card__meta time, .nr-headline-list--listing time")
        dates.extend((t.attributes["datetime"] or "")[:10] for t in times)
    assert len(dates) == 100
    assert dates == sorted(dates, reverse=True)
    assert len(site.dom("section/world/").css(".nr-card")) == 7
    assert not site.dom("section/world/").css(".nr-headline-list--listing")
    rows = site.dom("section/world/page/12/").css(".nr-headline-list--listing > li")
    assert len(rows) == 3 and not site.dom("section/world/page/12/").css(".nr-card")
    second = site.dom("section/world/page/2/")
    assert second.css_first('head link[rel="prev"]').attributes["href"] == "/section/world/"
    assert second.css_first('head link[rel="next"]').attributes["href"] == "/section/world/page/3/"
    assert second.css_first(".nr-pager [aria-current=page]").text() == "2"
    assert "Page 2 of 12" in second.css_first(".nr-pager__status").text()
    first = site.dom("section/world/")
    assert first.css_first('head link[rel="prev"]') is None


def test_tag_slugs_are_unique_and_readable_in_every_script(
    big_site: tuple[Site, dict[str, dict]],
) -> None:
    site, _expected = big_site
    links = site.dom("tags/").css(".nr-tag-index a")
    slugs = {a.text(): _resolve("tags/", a.attributes["href"] or "") for a in links}
    assert slugs["خبر فوری"] == "tags/خبر-فوری/"
    assert slugs["سیاست"] == "tags/سیاست/"
    assert slugs["ټرمپ"] == "tags/ټرمپ/"
    assert slugs["Q&A"] == "tags/q-a/"
    assert len(set(slugs.values())) == len(slugs) == len(TAG_NAMES)
    counts = {a.text(): a.parent.css_first(".nr-count").text() for a in links}
    for name, url in slugs.items():
        links_on_tag, _ = crawl(site, url)
        assert str(len(links_on_tag)) == counts[name]


def test_archive_pages_link_each_other(big_site: tuple[Site, dict[str, dict]]) -> None:
    site, _expected = big_site
    archive = site.dom("archive/")
    years = [a.attributes["href"] for a in archive.css(".nr-periods a")]
    assert years == ["/archive/2023/"]  # 300 articles, 28 a month, all in 2023
    year = site.dom("archive/2023/")
    months = [a.attributes["href"] for a in year.css(".nr-periods a")]
    assert "/archive/2023/01/" in months
    month = site.dom("archive/2023/02/")
    steps = {a.text(): a.attributes["href"] for a in month.css(".nr-archive-steps a")}
    assert steps["← January 2023"] == "/archive/2023/01/"
    assert steps["March 2023 →"] == "/archive/2023/03/"
    assert month.css_first(".nr-kicker a + a").attributes["href"] == "/archive/2023/"


def test_authors_index_and_author_pages(big_site: tuple[Site, dict[str, dict]]) -> None:
    site, _expected = big_site
    index = site.dom("authors/")
    names = [a.text() for a in index.css(".nr-author-index a")]
    assert names == ["Jane Doe", "Ali Smith"]
    author = site.dom("authors/jdoe/")
    assert author.css_first("h1").text() == "Jane Doe"
    assert author.css_first(".nr-author__role").text() == "Reporter"
    assert author.css_first(".nr-author__bio").text() == "Covers everything"


def test_an_author_with_no_story_published_has_no_page_yet(tmp_path: Path) -> None:
    """An author of `authors.yml` whose stories are all held back (a draft, one scheduled), or
    who has none, is neither listed nor given a page or feeds, which would list nothing; the
    first story published brings them."""
    authors = (
        "jdoe: {name: Jane Doe}\n"
        "rookie: {name: Rookie Reporter, bio: Joins in January, avatar: images/rookie.jpg}\n"
        "embargoed: {name: Embargo Writer}\n"
    )
    files: dict[str, str | bytes] = {
        "articles/a.md": article(authors=["jdoe"]),
        "articles/b.md": article("Held", authors=["embargoed", "jdoe"], draft=True),
        "articles/c.md": article("Later", "2999-01-01T00:00:00+00:00", authors=["embargoed"]),
        "images/rookie.jpg": photo(400, 500),
    }
    site = build_site(tmp_path, files, authors=authors)
    # neither their photo's copies nor the photo itself, until a story credits them
    assert not [path for path in (site.site_dir / "pictures").rglob("*rookie*")]
    assert not (site.site_dir / "images/rookie.jpg").exists()
    index = site.dom("authors/")
    assert [a.text() for a in index.css(".nr-author-index a")] == ["Jane Doe"]
    assert sorted(path.name for path in (site.site_dir / "authors").iterdir()) == [
        "index.html",
        "jdoe",
    ]
    for path in site.site_dir.rglob("*"):
        if path.is_file():
            text = path.read_bytes()
            assert b"Rookie Reporter" not in text and b"Embargo Writer" not in text, path
    files["articles/d.md"] = article("First", authors=["rookie"])
    site = build_site(tmp_path / "later", files, authors=authors)
    names = [a.text() for a in site.dom("authors/").css(".nr-author-index a")]
    assert names == ["Jane Doe", "Rookie Reporter"]
    assert site.dom("authors/rookie/").css_first("h1").text() == "Rookie Reporter"
    assert [path for path in (site.site_dir / "pictures").rglob("*rookie*")]
    assert (site.site_dir / "images/rookie.jpg").is_file()


def test_a_photo_of_an_author_only_held_back_copy_credits_waits_with_it(tmp_path: Path) -> None:
    """The photo of an author whose only story is a draft or scheduled (a new correspondent)
    was published as a file of the content folder; it waits, unless an author the site
    credits has the same photo, or a published page shows it."""
    authors = (
        "jdoe: {name: Jane Doe, avatar: images/desk.jpg}\n"
        "desk2: {name: Night Desk, avatar: images/desk.jpg}\n"
        "new: {name: New Correspondent, avatar: images/new.jpg}\n"
        "shown: {name: Shown Elsewhere, avatar: images/shown.jpg}\n"
    )
    files: dict[str, str | bytes] = {
        "articles/a.md": article(authors=["jdoe"]),
        "articles/b.md": article("Later", "2999-01-01T00:00:00+00:00", authors=["new", "desk2"]),
        "about.md": "# About\n\n![Our editor](images/shown.jpg)\n",
        **{f"images/{name}.jpg": photo(400, 500) for name in ("desk", "new", "shown")},
    }
    site = build_site(tmp_path, files, authors=authors)
    images = sorted(path.name for path in (site.site_dir / "images").iterdir())
    assert images == ["desk.jpg", "shown.jpg"]
    assert any("held back 1 file(s)" in line and "images/new.jpg" in line for line in site.infos)


def test_the_authors_index_shows_each_authors_photo(tmp_path: Path) -> None:
    authors = (
        "jdoe: {name: Jane Doe, avatar: images/jane.gif}\n"
        "asmith: {name: Ali Smith, avatar: 'https://photos.example.net/ali.jpg'}\n"
        "nophoto: {name: No Photo}\n"
    )
    files: dict[str, str | bytes] = {
        "articles/a.md": article(authors=["jdoe", "asmith", "nophoto"]),
        "images/jane.gif": GIF,
    }
    site = build_site(tmp_path, files, authors=authors)
    assert site.warnings == []
    photos = {
        item.css_first("a").text(): [img.attributes for img in item.css("img")]
        for item in site.dom("authors/").css(".nr-author-index li")
    }
    assert photos.keys() == {"Jane Doe", "Ali Smith", "No Photo"}
    assert photos["No Photo"] == []
    (jane,) = photos["Jane Doe"]
    assert jane["alt"] == ""
    assert (site.site_dir / reached("authors/", jane["src"] or "")).is_file()
    assert [photo["src"] for photo in photos["Ali Smith"]] == ["https://photos.example.net/ali.jpg"]


def test_top_navigation_reaches_sections_and_indexes(
    big_site: tuple[Site, dict[str, dict]],
) -> None:
    site, _expected = big_site
    for url in ("", "section/world/", site.pages()[0]):
        tabs = [a.text().strip() for a in site.dom(url).css(".md-tabs__link")]
        assert tabs == ["Home", "World", "Politics", "Business", "Tags", "Authors", "Archive"]


def test_article_shows_related_and_section_neighbours(
    big_site: tuple[Site, dict[str, dict]],
) -> None:
    site, _expected = big_site
    links, _pages = crawl(site, "section/politics/")
    middle = site.dom(links[5])
    steps = middle.css(".nr-section-steps a")
    assert [_resolve(links[5], a.attributes["href"] or "") for a in steps] == [links[6], links[4]]
    related = middle.css(".nr-related li > a")
    assert 1 <= len(related) <= 4
    newest = site.dom(links[0])
    assert [a.attributes["rel"] for a in newest.css(".nr-section-steps a")] == ["prev"]


def test_listing_cards_show_everything_a_reader_scans(tmp_path: Path) -> None:
    text = article(
        title="Card <headline>",
        summary="A summary & more",
        authors=["jdoe"],
        section="world",
        tags=["Kabul"],
        image={"src": "images/a.gif", "alt": "An image"},
    )
    site = build_site(tmp_path, {"articles/a.md": text, "images/a.gif": GIF})
    card = site.dom("section/world/").css_first(".nr-card")
    assert card.css_first(".nr-card__title a").text() == "Card <headline>"
    assert card.css_first(".nr-card__summary").text() == "A summary & more"
    assert card.css_first("time").attributes["datetime"] == "2024-05-01T10:00:00+00:00"
    assert card.css_first(".nr-card__meta a").text() == "Jane Doe"
    assert card.css_first(".nr-tags a").text() == "Kabul"
    assert card.css_first(".nr-card__image img").attributes["src"] == "/images/a.gif"
    # the section's name is over the page, not on each card; elsewhere, each card says it
    assert card.css_first(".nr-kicker") is None
    tagged = site.dom("tags/kabul/").css_first(".nr-card")
    assert tagged.css_first(".nr-kicker").text() == "World"
    assert tagged.css_first(".nr-card__title a").text() == "Card <headline>"


def test_front_page_is_composed_like_a_newspaper(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1714600800")  # 2024-05-01T22:00:00Z
    files = {
        "articles/old-featured.md": article("Featured story", "2024-04-20", featured=True),
        "articles/breaking.md": article(
            "Breaking <now>", "2024-05-01T20:00:00Z", breaking=True, section="world"
        ),
        "articles/stale-breaking.md": article(
            "Old breaking", "2024-04-30T10:00:00Z", breaking=True, section="world"
        ),
    }
    for day in range(1, 10):
        files[f"articles/p{day}.md"] = article(
            f"Politics {day}", f"2024-04-{day:02d}", section="politics"
        )
    site = build_site(tmp_path, files, plugin={"top_stories": 2, "breaking_hours": 6})
    front = site.dom("")
    assert front.css_first(".nr-front__lead .nr-card__title").text() == "Featured story"
    top = [a.text() for a in front.css(".nr-front__secondary .nr-card__title a")]
    assert top == ["Breaking <now>", "Old breaking"]
    blocks = {
        section.css_first(".nr-block-title").text(): [
            a.text() for a in section.css(".nr-card__title a")
        ]
        for section in front.css(".nr-front__section")
    }
    assert blocks == {"Politics": ["Politics 9", "Politics 8", "Politics 7", "Politics 6"]}
    # under the block's title, the cards do not say their section again; the top stories do
    assert not front.css(".nr-front__section .nr-kicker")
    assert front.css_first(".nr-front__secondary .nr-kicker").text() == "World"
    latest = [a.text() for a in front.css(".nr-headline-list a")]
    assert latest[:3] == ["Breaking <now>", "Old breaking", "Featured story"]
    banner = [a.text() for a in front.css(".md-banner .nr-breaking a")]
    assert banner == ["Breaking <now>"]
    assert site.dom("section/world/").css_first(".nr-breaking a").text() == "Breaking <now>"


def test_no_breaking_banner_once_the_story_is_old(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1714600800")  # 2024-05-01T22:00:00Z
    files = {"articles/b.md": article("Was breaking", "2024-05-01T10:00:00Z", breaking=True)}
    site = build_site(tmp_path, files, plugin={"breaking_hours": 6})
    assert site.dom("").css_first(".md-banner") is None


def test_two_spellings_of_a_tag_are_one_tag_with_a_warning(tmp_path: Path) -> None:
    files = {
        "articles/a.md": article("A", tags=["Kabul"]),
        "articles/b.md": article("B", tags=["Kabul"]),
        "articles/c.md": article("C", tags=["KABUL!"]),
    }
    site = build_site(tmp_path, files)
    assert site.warnings == [
        "newsroom: articles/c.md: tag 'KABUL!' is the same tag as 'Kabul' (both are tags/kabul/); "
        "it is shown as 'Kabul'. Use one spelling"
    ]
    links, _ = crawl(site, "tags/kabul/")
    assert len(links) == 3
    assert [a.text() for a in site.dom("tags/").css(".nr-tag-index a")] == ["Kabul"]


def _article(source: str, day: int, tags: tuple[str, ...], section: Section) -> Article:
    return story(
        source,
        day=day,
        section=section,
        tags=tuple(Tag(t, t, f"tags/{t}/") for t in tags),
        authors=(Author("jdoe", "Jane"),),
    )


def test_related_articles_rank_shared_tags_then_section_then_time() -> None:
    world, politics = Section("world", "World"), Section("politics", "Politics")
    articles = [
        _article("e", 20, ("a",), politics),
        _article("d", 19, ("a", "b"), politics),
        _article("c", 18, ("a",), world),
        _article("b", 17, ("a", "b"), world),
        _article("a", 10, ("a", "b"), world),
    ]
    indexes = build_indexes(articles, {"world": world, "politics": politics}, {})
    neighbours = build_neighbours(indexes)
    assert [r.source for r in neighbours["a"].related] == ["b", "d", "c", "e"]
    assert neighbours["b"].older is not None and neighbours["b"].older.source == "a"
    assert neighbours["b"].newer is not None and neighbours["b"].newer.source == "c"
    again = build_neighbours(build_indexes(list(reversed(articles)), {"world": world}, {}))
    assert [r.source for r in again["a"].related][:2] == ["b", "d"]


def test_pagination_windows() -> None:
    listing = Listing("tag", "x", "X", "tags/x/", list(range(95)))
    page = Pagination(listing, 5, 10)
    assert page.count == 10
    assert list(page.items) == list(range(40, 50))
    assert page.url == "tags/x/page/5/"
    assert page.previous_url == "tags/x/page/4/"
    assert Pagination(listing, 2, 10).previous_url == "tags/x/"
    assert page.window() == [1, None, 3, 4, 5, 6, 7, None, 10]
    assert Pagination(listing, 10, 10).next_url is None
    assert Pagination(Listing("t", "e", "E", "e/", []), 1, 10).count == 1


def test_pagination_with_cards_first_then_headlines() -> None:
    listing = Listing("tag", "x", "X", "tags/x/", list(range(45)))
    pages = list(paginate(listing, 10, lead=5))
    assert [list(page.items) for page in pages] == [
        list(range(0, 5)),
        *(list(range(start, min(start + 10, 45))) for start in range(5, 45, 10)),
    ]
    assert [page.count for page in pages] == [5] * 5
    assert [page.first_index for page in pages] == [1, 6, 16, 26, 36]
    assert [page.headlines_only for page in pages] == [False, True, True, True, True]
    assert [p.count for p in paginate(Listing("t", "e", "E", "e/", list(range(5))), 10, 5)] == [1]
    assert not any(page.headlines_only for page in paginate(listing, 10))


def test_an_avatar_that_is_not_a_file_of_the_site_is_said(tmp_path: Path) -> None:
    authors = "jdoe: {name: Jane Doe, avatar: images/jane-typo.gif}\nasmith: {name: Ali Smith}\n"
    site = build_site(tmp_path, {"articles/a.md": article(authors=["jdoe"])}, authors=authors)
    assert [line for line in site.warnings if "avatar" in line] == [
        "newsroom: authors.yml: author 'jdoe': 'avatar' is 'images/jane-typo.gif', which is not "
        "a file of the site, so their page and the authors index show a broken picture; give "
        "its path from the content folder, such as images/jane.jpg"
    ]


def test_the_sites_own_announcement_shows_on_every_page_before_breaking_news(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Material's way to announce something on every page, `announce` in
    overrides/main.html, reaches Newsroom's pages too, before the edition's breaking news."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1714600800")  # 2024-05-01T22:00:00Z
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}{% block announce %}<p class="our-note">Election night'
        "</p>{% endblock %}",
        "utf-8",
    )
    files = {
        "articles/breaking.md": article("Polls close", "2024-05-01T20:00:00Z", breaking=True),
        "about.md": "# About\n",
    }
    theme = {"name": "material", "font": False, "custom_dir": "overrides"}
    site = build_site(tmp_path, files, config={"theme": theme})
    for url in ("", "2024/05/01/polls-close/", "archive/", "tags/", "about/"):
        banner = site.dom(url).css_first(".md-banner")
        assert banner is not None, url
        assert banner.css_first(".our-note").text() == "Election night", url
    front = site.dom("").css_first(".md-banner").html or ""
    assert front.index("our-note") < front.index("nr-breaking")


def test_the_tags_index_is_in_the_order_a_reader_looks_a_name_up_in(tmp_path: Path) -> None:
    """Accents and case aside ('Árbitros' among the A's, not after 'Zonas'); its pager steps
    to the previous and next page, not to newer and older ones."""
    tags = ["Zonas", "ética", "Árbitros", "Ñandú", "\u200bbeta", "Alfa", "هرات", "پاکستان", "Øst"]
    files = {"articles/a.md": article(tags=tags)}
    site = build_site(tmp_path, files, plugin={"index_page_size": 5})
    first, second = site.dom("tags/"), site.dom("tags/page/2/")
    names = [a.text() for page in (first, second) for a in page.css(".nr-tag-index a")]
    assert names == [
        *("Alfa", "Árbitros", "\u200bbeta", "ética", "Ñandú", "Øst", "Zonas"),
        *("پاکستان", "هرات"),  # پ after ب, as Persian and Pashto have it; Unicode puts it last
    ]
    assert first.css_first('.nr-pager a[rel="next"]').text(strip=True) == "Next →"
    assert second.css_first('.nr-pager a[rel="prev"]').text(strip=True) == "← Previous"


def test_indexes_with_nothing_published_say_so(tmp_path: Path) -> None:
    """A site whose stories are all held back had a tags index saying '0 tags' over an empty
    list and an authors index of nothing at all; each says nothing has been published."""
    files: dict[str, str | bytes] = {
        "articles/b.md": article("Held", authors=["jdoe"], tags=["Kabul"], draft=True)
    }
    site = build_site(tmp_path, files)
    for url in ("tags/", "authors/"):
        page = site.dom(url)
        listing = page.css_first(".nr-listing")
        assert listing.css("ul") == [] and listing.css(".nr-listing__count") == [], url
        assert "Nothing has been published here yet." in listing.text(), url
    files["articles/a.md"] = article(authors=["jdoe"], tags=["Herat"])
    site = build_site(tmp_path / "later", files)
    assert "Nothing has been published" not in site.html("tags/") + site.html("authors/")
