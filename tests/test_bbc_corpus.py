"""The whole BBC News corpus (2,225 raw articles) built as one Newsroom site, and read back.

One real build (the module fixture, ~10 s) of every corpus file converted to a plain-text
article (tests/corpus.py: title from line 1, section from the folder, a deterministic date,
one author, a few tags). Then: every article is published on its own page, each quirk that
../shared/corpus/README.md lists comes out right (the stray Latin-1 byte, leftover character
references, bare '&', flattened lists, irregular blank lines, web-page residue), the only
warnings are the expected ones, and the output is valid: HTML (the Nu validator on every kind
of page), links (the whole site), feeds, sitemaps.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from lxml import etree
from selectolax.lexbor import LexborHTMLParser

from mkdocs_newsroom.search.query import IndexFiles
from mkdocs_newsroom.search.shards import INDEX_DIR

from .checkers import (
    ATOM_NS,
    NEWS_NS,
    SITEMAP_NS,
    broken_links,
    rss_problems,
    validate_atom,
    validate_news_sitemap,
    validate_sitemap,
    vnu_errors,
)
from .corpus import (
    AUTHOR,
    AUTHORS_YML,
    COUNT,
    NOW,
    SECTIONS,
    TAGS,
    Story,
    decode_references,
    plugin_config,
    read_corpus,
    site_files,
)
from .sites import Site, build_site

SITE_URL = "https://news.example.org/"  # build_site's
ARTICLE_URL = re.compile(rf"(?:{'|'.join(SECTIONS)})/[^/]+/")
COLLISION = re.compile(
    r"newsroom: articles/(?P<later>\S+): its URL (?P<wanted>\S+/) is already taken by "
    r"articles/(?P<earlier>\S+); it was published at (?P<given>\S+/) instead\. "
    r"Give one of the two a different 'slug'"
)
# The one pair of different headlines that make one slug: "$100m share" and "$100m-share".
SLUG_ALIKE = ("business/267.txt", "business/365.txt")
# What text escaped once too often looks like in HTML source.
DOUBLE_ESCAPED = ("&amp;#", "&amp;lt;", "&amp;gt;", "&amp;amp;", "&amp;quot;")
BULLET = re.compile(r"^\s*[-•*]\s+")
FEED_LENGTH = 50  # the plugin's default

Block = tuple[str, tuple[str, ...]]  # ("p", (text,)) or ("ul", (item, ...))


@dataclass(frozen=True)
class ArticleView:
    """What a reader gets from an article page (small: all 2,225 are kept in memory)."""

    headline: str
    blocks: tuple[Block, ...]  # the elements of the article body, white space squeezed
    screen_text: str  # the text of the whole <body>
    double_escaped: tuple[str, ...]  # the DOUBLE_ESCAPED markers found in the page source


@dataclass
class Corpus:
    site: Site
    stories: dict[str, Story]  # by corpus path, "sport/199.txt"
    articles: dict[str, ArticleView]  # by article URL
    url: dict[str, str]  # corpus path -> article URL

    def page(self, source: str) -> LexborHTMLParser:
        return self.site.dom(self.url[source])

    def view(self, source: str) -> ArticleView:
        return self.articles[self.url[source]]


def squeeze(text: str) -> str:
    """Text as a browser shows it: each run of white space is one space."""
    return " ".join(text.split())


def read_article(page: str) -> ArticleView:
    tree = LexborHTMLParser(page)
    headline = tree.css_first("h1")
    body = tree.css_first(".nr-body")
    blocks: list[Block] = []
    for child in body.iter() if body is not None else ():
        if child.tag == "ul":
            blocks.append(("ul", tuple(squeeze(li.text()) for li in child.css("li"))))
        else:
            blocks.append((child.tag or "", (squeeze(child.text()),)))
    return ArticleView(
        headline=squeeze(headline.text()) if headline is not None else "",
        blocks=tuple(blocks),
        screen_text=tree.body.text() if tree.body is not None else "",
        double_escaped=tuple(marker for marker in DOUBLE_ESCAPED if marker in page),
    )


def decode(data: bytes) -> str:
    """UTF-8; a byte that is not UTF-8 (one, in sport/199.txt) read as Windows-1252."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        bad = data[error.start : error.start + 1].decode("cp1252")
        return decode(data[: error.start]) + bad + decode(data[error.start + 1 :])


def expected_blocks(story: Story) -> tuple[Block, ...]:
    """The body as the plain-text rules (docs/reporters-guide.md) read it, for this corpus:
    each non-blank line is a paragraph (no paragraph of the corpus spans two lines: see
    test_corpus_is_as_documented), consecutive lines starting with '- ' make one list,
    references are decoded once."""
    blocks: list[Block] = []
    items: list[str] = []
    for line in [*decode(story.body).split("\n"), ""]:
        if BULLET.match(line):
            items.append(squeeze(decode_references(BULLET.sub("", line))))
            continue
        if items:
            blocks.append(("ul", tuple(items)))
            items = []
        if line.strip():
            blocks.append(("p", (squeeze(decode_references(line)),)))
    return tuple(blocks)


def headline_pairs(stories: dict[str, Story]) -> set[tuple[str, str]]:
    """(earlier, later) corpus paths of every two stories that want one URL: the story dated
    first keeps it (docs/errors.md; none of these has a slug of its own)."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for story in stories.values():
        groups[(story.section, story.title)].append(story.source)
    groups[("", "slug alike")] = list(SLUG_ALIKE)
    return {
        (first, second)
        for paths in groups.values()
        if len(paths) == 2
        for first, second in [sorted(paths, key=lambda path: (stories[path].date, path))]
    }


@pytest.fixture(scope="module")
def bbc(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    stories = read_corpus()
    with pytest.MonkeyPatch.context() as monkey:
        monkey.setenv("SOURCE_DATE_EPOCH", str(int(NOW.timestamp())))
        # An exception in the build (or in a page-writing process) fails every test here.
        site = build_site(
            tmp_path_factory.mktemp("bbc"),
            site_files(stories),
            plugin=plugin_config(),
            authors=AUTHORS_YML,
        )
    articles = {
        url: read_article(site.html(url)) for url in site.pages() if ARTICLE_URL.fullmatch(url)
    }
    # Which page is which story: found by section and headline; of two stories with one
    # headline, the one dated later has the URL with the suffix -2 (docs/errors.md).
    pages_of: dict[tuple[str, str], list[str]] = defaultdict(list)
    for url, view in articles.items():
        pages_of[(url.split("/")[0], view.headline)].append(url)
    sources_of: dict[tuple[str, str], list[str]] = defaultdict(list)
    for story in stories:
        sources_of[(story.section, squeeze(story.title))].append(story.source)
    url_of = {}
    dates = {story.source: story.date for story in stories}
    for key, sources in sources_of.items():
        urls = sorted(pages_of.get(key, []), key=lambda url: (len(url), url))
        if len(urls) == len(sources):
            by_date = sorted(sources, key=lambda source: (dates[source], source))
            url_of.update(zip(by_date, urls, strict=True))
    return Corpus(site, {story.source: story for story in stories}, articles, url_of)


# --------------------------------------------------------------------------------------------
# The premises: the corpus holds what ../shared/corpus/README.md says
# --------------------------------------------------------------------------------------------


def test_corpus_is_as_documented() -> None:
    stories = read_corpus()
    assert len(stories) == COUNT
    same_bytes = Counter(story.raw_title.encode() + b"\n" + story.body for story in stories)
    assert Counter(same_bytes.values()) == {1: COUNT - 2 * 98, 2: 98}
    same_title = Counter((story.section, story.title) for story in stories)
    # 98 byte-identical pairs, 29 pairs with other texts, 2 pairs differing in white space
    assert Counter(same_title.values()) == {1: COUNT - 2 * 129, 2: 129}
    assert [s.source for s in stories if re.search(rb"(?<!\xc2)\xa3", s.body)] == ["sport/199.txt"]
    for story in stories:  # no paragraph spans two lines: lines that follow a line are items
        lines = decode(story.body).split("\n")
        for line, following in itertools.pairwise(lines):
            if line.strip() and following.strip():
                assert BULLET.match(following), (story.source, following)


# --------------------------------------------------------------------------------------------
# Everything is published, and only the expected warnings are given
# --------------------------------------------------------------------------------------------


def test_every_article_is_published_on_its_own_page(bbc: Corpus) -> None:
    assert bbc.site.summary == f"newsroom: published {COUNT} articles, skipped 0"
    assert len(bbc.articles) == COUNT
    assert sorted(set(bbc.stories) - set(bbc.url)) == []  # each story found on one page
    assert set(bbc.url.values()) == set(bbc.articles)  # and each page is one story's
    for source, url in bbc.url.items():
        assert url.startswith(f"{bbc.stories[source].section}/"), source
        assert bbc.articles[url].headline == squeeze(bbc.stories[source].title)


def test_every_article_is_in_the_search_index(bbc: Corpus) -> None:
    index = IndexFiles.read(bbc.site.site_dir / INDEX_DIR)
    titles = {url: title for url, title, _tags in index.documents()}
    assert set(titles) == set(bbc.articles)
    # Newsroom's index holds raw text; its worker escapes it when it shows a result.
    for source, url in bbc.url.items():
        assert squeeze(titles[url]) == squeeze(bbc.stories[source].title), source
    assert titles[bbc.url["entertainment/199.txt"]] == "£1.8m indecency fine for Viacom"
    assert titles[bbc.url["business/184.txt"]] == "M&S cuts prices by average of 24%"
    hits = index.search("Viacom indecency").hits
    assert hits[0].url == bbc.url["entertainment/199.txt"]


def test_duplicates_and_shared_headlines_each_get_their_own_page(bbc: Corpus) -> None:
    pairs = headline_pairs(bbc.stories)
    assert len(pairs) == 130  # 98 byte-identical, 31 sharing a headline, 1 sharing a slug
    for earlier, later in sorted(pairs):
        first, second = bbc.url[earlier], bbc.url[later]
        assert second == first.removesuffix("/") + "-2/", (earlier, later)
        assert bbc.articles[first].blocks == expected_blocks(bbc.stories[earlier])
        assert bbc.articles[second].blocks == expected_blocks(bbc.stories[later])
    # business/007 and business/253 are byte-identical: two pages with the same story
    assert {bbc.url["business/007.txt"], bbc.url["business/253.txt"]} == {
        "business/jobs-growth-still-slow-in-the-us/",
        "business/jobs-growth-still-slow-in-the-us-2/",
    }
    assert bbc.view("business/007.txt").blocks == bbc.view("business/253.txt").blocks


def test_the_only_warnings_are_url_collisions_and_the_stray_byte(bbc: Corpus) -> None:
    warnings = bbc.site.warnings  # WARNING and ERROR lines of the build
    assert [line for line in warnings + bbc.site.infos if "Traceback" in line] == []
    matches = [COLLISION.fullmatch(line) for line in warnings]
    others = [line for line, match in zip(warnings, matches, strict=True) if match is None]
    assert len(others) == 1 and others[0].startswith("newsroom: articles/sport/199.txt:")
    collisions = set()
    for match in filter(None, matches):
        earlier, later = match["earlier"], match["later"]
        assert earlier in bbc.stories and later in bbc.stories, match.group()  # corpus files
        assert match["wanted"] == bbc.url[earlier], match.group()
        assert match["given"] == bbc.url[later], match.group()
        collisions.add((earlier, later))
    assert collisions == headline_pairs(bbc.stories)
    assert len(warnings) == len(collisions) + 1  # and each is given once


# --------------------------------------------------------------------------------------------
# The corpus' quirks come out right
# --------------------------------------------------------------------------------------------


def test_stray_latin1_byte_is_read_as_a_pound_sign_with_one_warning(bbc: Corpus) -> None:
    # In the corpus, byte 257 of sport/199.txt ("a \xa315.8m signing"): line 5, column 176.
    written = (bbc.site.docs_dir / "articles" / "sport" / "199.txt").read_bytes()
    offset = written.index(b"a \xa315.8m") + 2
    line_start = written.rfind(b"\n", 0, offset) + 1
    line = written.count(b"\n", 0, offset) + 1
    column = offset - line_start + 1  # the line is ASCII up to there: bytes are characters
    assert written[line_start:offset].isascii()
    assert written[line_start:].startswith(b"The 25-year-old tested positive")
    named = [warning for warning in bbc.site.warnings if "sport/199" in warning]
    assert len(named) == 1
    assert named[0].startswith(f"newsroom: articles/sport/199.txt:{line}:{column}: byte 0xA3 ")
    assert "Windows-1252" in named[0]
    view = bbc.view("sport/199.txt")
    assert view.headline == "Chelsea sack Mutu"
    paragraph = view.blocks[1][1][0]
    assert "to write off a possible transfer fee for Mutu, a £15.8m signing from " in paragraph
    assert "\ufffd" not in view.screen_text and "Â" not in view.screen_text


REFERENCES_IN_BODIES = {
    # corpus file: text of one of its paragraphs, where the corpus has a character reference
    "politics/380.txt": "a bit of respect wouldn't go a miss either. br />",
    "sport/340.txt": "to help them to victory against England at Twickenham. <",
    "entertainment/253.txt": "the British public are consistently dull :- <(",
    "politics/352.txt": 'Tim Collins said: "Mr Blair¿s government is all talk.',
    "tech/056.txt": "exclusive rights to teams and personnel from America¿s National Football",
    "tech/401.txt": "for hours at a time can damage a person¿s health,",
    "tech/342.txt": "In a letter, EC President José Manuel Barroso told the President",
    "politics/177.txt": "Elfyn Llwyd represented Welsh singer Bryn Fôn when he was arrested",
    "sport/216.txt": '"Wayne Rooney se volvió loco en el Bernabéu (Wayne Rooney became crazy',
}


def test_character_references_are_decoded_exactly_once(bbc: Corpus) -> None:
    viacom = bbc.page("entertainment/199.txt")  # title "&#163;1.8m indecency fine for Viacom"
    assert bbc.stories["entertainment/199.txt"].raw_title.startswith("&#163;1.8m")
    assert viacom.css_first("h1").text() == "£1.8m indecency fine for Viacom"
    assert viacom.css_first("title").text().startswith("£1.8m indecency fine for Viacom - ")
    og_title = viacom.css_first('meta[property="og:title"]').attributes["content"]
    assert og_title == "£1.8m indecency fine for Viacom"
    assert bbc.view("sport/191.txt").headline == "Tottenham bid £8m for Forest duo"
    for source, text in REFERENCES_IN_BODIES.items():
        paragraphs = [texts[0] for kind, texts in bbc.view(source).blocks if kind == "p"]
        assert [p for p in paragraphs if text in p], (source, text)
    assert "wouldn't go a miss either. br /&gt;</p>" in bbc.site.html(bbc.url["politics/380.txt"])
    # The summary (meta description) is made from the body: decoded there too.
    passe = bbc.page("tech/161.txt").css_first('meta[name="description"]').attributes["content"]
    assert passe.startswith("In 2020, whipping out your mobile phone to make a call will be ")
    assert "quaintly passé." in passe
    assert len(bbc.articles) == COUNT
    for url, view in bbc.articles.items():
        assert view.double_escaped == (), url
        for shown in ("&#", "&lt;", "&gt;", "&amp;", "&quot;"):
            assert shown not in view.screen_text, (url, shown)


def test_bare_ampersands_show_as_ampersands(bbc: Corpus) -> None:
    shops = bbc.page("business/184.txt")
    assert shops.css_first("h1").text() == "M&S cuts prices by average of 24%"
    assert ">M&amp;S cuts prices by average of 24%</h1>" in shops.html
    assert shops.css_first(".nr-body p").text().startswith("Marks & Spencer has cut prices")
    assert bbc.view("business/242.txt").headline == "Q&A: Malcolm Glazer and Man Utd"
    tags = bbc.site.dom("tags/")
    names = {a.text() for a in tags.css('a[rel="tag"]')}
    assert names == set(TAGS)
    for slug, name, source in [
        ("m-s", "M&S", "business/184.txt"),
        ("q-a", "Q&A", "business/242.txt"),
    ]:
        page = bbc.site.dom(f"tags/{slug}/")
        assert page.css_first("h1").text() == name
        cards = [a.text() for a in page.css(".nr-cards h2 a")]
        assert cards == [bbc.stories[source].title]


FLATTENED_LISTS = {
    "business/020.txt": [
        [
            'call centre operations are part of their business "core function",',
            "they are worried about the risk of going abroad,",
            "they fear that they will damage their brand if they join the offshoring drive. "
            "The survey was conducted by Sunovate on behalf of Dimension Data, and is based on "
            "in-depth questionnaires of 166 call centres in 24 countries and five continents. "
            "What are your experiences with call centres? Are you happy to listen to Vivaldi or "
            "Greensleeves, or do you want an immediate response? And if you work in a call "
            "centre: did your training prepare you for your job?",
        ]
    ],
    "business/159.txt": [
        [
            "Increased spending on primary education to 71.56bn rupees ($1.6bn)",
            "Increased spending on health to 102.8bn rupees ($2.35bn)",
            "Announced that 80bn rupees ($1.8bn) will be spent on building rural infrastructure",
            "Pledged 102.16bn rupees ($2.3bn) for tsunami victims",
            "Increased flow of funds to agriculture by 30%",
            "Announced a package for the sugar industry",
        ],
        [
            "Duty cuts on capital goods and raw materials",
            "Expanded service tax net",
            "Raised the income-tax threshold to 100,000 rupees ($2,300)",
            "Reduced income tax for those earning less than 250,000 rupees ($5,700) to 20%",
            "Reduced corporate tax rates to 30%",
        ],
    ],
    "politics/050.txt": [
        [
            "A comprehensive ban on smoking in all enclosed public places in Scotland",
            "The legislation will be enforced by environmental health and local licensing officers",
            "Licensees or employers who fail to enforce the law will face fines up to a maximum "
            "of £2,500",
            "Licensees who persistently refuse to comply with the law will face the ultimate "
            "sanction of losing their liquor licence",
            "A system of issuing fixed penalty notices for those individuals who break the law "
            "will be examined",
            "Individuals who persistently break the law will face a maximum fine of £1,000.",
        ]
    ],
    "entertainment/258.txt": [
        [
            "Spend three years on probation",
            "Have one year's anger management counselling",
            "Have one year's drug rehabilitation",
            "Do 100 hours community service",
            "Pay $1,000 (£535) fine",
            "Have random drug tests",
            "Go to three Narcotics Anonymous meetings per week",
        ]
    ],
}


def test_flattened_lists_are_lists(bbc: Corpus) -> None:
    for source, lists in FLATTENED_LISTS.items():
        page = bbc.page(source)
        found = [[li.text() for li in ul.css("li")] for ul in page.css(".nr-body ul")]
        assert found == lists, source


def test_blank_lines_and_trailing_spaces_make_no_empty_paragraphs(bbc: Corpus) -> None:
    stories = bbc.stories.values()
    blank_runs = [s.source for s in stories if b"\n\n\n" in s.body]
    trailing = [s.source for s in stories if re.search(rb"[ \t]\n", s.body)]
    blank_end = [s.source for s in stories if s.body.endswith(b"\n\n")]
    assert (len(blank_runs), len(trailing)) == (25, 27)
    assert blank_end == ["sport/042.txt", "sport/209.txt", "sport/380.txt", "sport/381.txt"]
    for source in {*blank_runs, *trailing, *blank_end}:
        page = bbc.page(source)
        assert page.css(".nr-body > *"), source
        for node in page.css(".nr-body p, .nr-body li"):
            assert node.text().strip(), source
            assert node.text() == node.text().strip(), source  # no trailing spaces kept
        assert bbc.view(source).blocks == expected_blocks(bbc.stories[source])


def test_every_article_body_is_its_corpus_text(bbc: Corpus) -> None:
    wrong = [
        source
        for source, url in sorted(bbc.url.items())
        if bbc.articles[url].blocks != expected_blocks(bbc.stories[source])
    ]
    assert wrong == []
    empty = [
        url
        for url, view in bbc.articles.items()
        if any(not text.strip() for _, texts in view.blocks for text in texts)
    ]
    assert empty == []


def test_poll_residue_and_reader_comments_are_paragraphs(bbc: Corpus) -> None:
    poll = (
        "VOTE Was Germaine Greer right to leave Celebrity Big Brother? Yes No Results are "
        "indicative and may not reflect public opinion"
    )
    assert ("p", (poll,)) in bbc.view("entertainment/203.txt").blocks
    story = bbc.stories["politics/290.txt"]
    assert len(story.raw_title) + 1 + len(story.body) == 25485
    comments = bbc.page("politics/290.txt")
    assert comments.css(".nr-body > *") == comments.css(".nr-body > p")
    paragraphs = [p.text() for p in comments.css(".nr-body > p")]
    assert len(paragraphs) == 55
    assert paragraphs[0] == (
        "The Lord Chancellor has defended government plans to introduce control orders to keep "
        "foreign and British terrorist suspects under house arrest, where there isn't enough "
        "evidence to put them on trial."
    )
    assert paragraphs[-1] == (
        "What can I add to Mr. Forsyth's eloquently put arguments... except applause! Well done "
        'that man for standing up and being counted in the "war against tyranny".'
    )


# --------------------------------------------------------------------------------------------
# Valid output: HTML, links, feeds, sitemaps
# --------------------------------------------------------------------------------------------

PAGE_KINDS = {
    "front page": r"",
    "article": ARTICLE_URL.pattern,
    "section front": r"section/[a-z]+/",
    "section front, page N": r"section/[a-z]+/page/\d+/",
    "tags index": r"tags/",
    "tags index, page N": r"tags/page/\d+/",
    "tag": r"tags/[^/]+/",
    "tag, page N": r"tags/[^/]+/page/\d+/",
    "authors index": r"authors/",
    "authors index, page N": r"authors/page/\d+/",
    "author": r"authors/[^/]+/",
    "author, page N": r"authors/[^/]+/page/\d+/",
    "archive": r"archive/",
    "archive, page N": r"archive/page/\d+/",
    "year": r"archive/\d{4}/",
    "year, page N": r"archive/\d{4}/page/\d+/",
    "month": r"archive/\d{4}/\d{2}/",
    "month, page N": r"archive/\d{4}/\d{2}/page/\d+/",
}
MUST_EXIST = {
    *("front page", "article", "section front", "section front, page N", "tags index"),
    *("tag", "tag, page N", "authors index", "author", "author, page N", "archive", "year"),
    *("month", "month, page N"),
}


def page_kinds(site: Site) -> dict[str, list[str]]:
    kinds: dict[str, list[str]] = defaultdict(list)
    for url in site.pages():
        if url.startswith(("assets/", "search/")):
            continue
        matching = [kind for kind, pattern in PAGE_KINDS.items() if re.fullmatch(pattern, url)]
        kinds[matching[0] if len(matching) == 1 else f"unknown ({matching})"].append(url)
    return kinds


def test_html_is_valid_on_every_kind_of_page(bbc: Corpus) -> None:
    kinds = page_kinds(bbc.site)
    assert [kind for kind in kinds if kind not in PAGE_KINDS] == []
    other_html = [p for p in bbc.site.site_dir.rglob("*.html") if p.name != "index.html"]
    assert [p.relative_to(bbc.site.site_dir).as_posix() for p in other_html] == ["404.html"]
    assert set(kinds) >= MUST_EXIST
    assert len(kinds["article"]) == COUNT
    sample = {urls[0] for urls in kinds.values()} | {urls[-1] for urls in kinds.values()}
    sample |= {"section/business/", "section/business/page/2/", "tags/q-a/", "tags/m-s/"}
    sample |= {f"authors/{AUTHOR}/", f"authors/{AUTHOR}/page/2/", "archive/2005/12/"}
    quirky = [*REFERENCES_IN_BODIES, *FLATTENED_LISTS, "sport/199.txt", "entertainment/199.txt"]
    quirky += ["business/184.txt", "business/242.txt", "entertainment/203.txt"]
    quirky += ["politics/290.txt", "business/253.txt", "sport/042.txt", "politics/084.txt"]
    sample |= {bbc.url[source] for source in quirky}
    files = [bbc.site.file(url) for url in sorted(sample)]
    files.append(bbc.site.site_dir / "404.html")
    assert all(path.is_file() for path in files)
    assert vnu_errors(files) == []


def test_no_broken_links_or_anchors_in_the_whole_site(bbc: Corpus) -> None:
    assert broken_links(bbc.site.site_dir, SITE_URL) == []


def _feed_titles(path: Path) -> list[str]:
    root = etree.parse(str(path)).getroot()
    if root.tag == "rss":
        return [item.findtext("title") or "" for item in root.iter("item")]
    return [
        entry.findtext(f"{{{ATOM_NS}}}title") or "" for entry in root.iter(f"{{{ATOM_NS}}}entry")
    ]


def test_every_feed_is_valid_and_carries_headlines_decoded_once(bbc: Corpus) -> None:
    site_dir = bbc.site.site_dir
    folders = sorted(path.parent for path in site_dir.rglob("feed.xml"))
    expected = {site_dir} | {site_dir / "section" / sid for sid in SECTIONS}
    expected |= {site_dir / "authors" / AUTHOR} | {site_dir / "tags" / "q-a"}
    assert expected <= set(folders)
    assert len(folders) == 1 + len(SECTIONS) + len(TAGS) + 1
    headlines = {squeeze(story.title) for story in bbc.stories.values()}
    problems = {}
    for folder in folders:
        found = rss_problems(folder / "feed.xml") + validate_atom(folder / "atom.xml")
        for name in ("feed.xml", "atom.xml"):
            titles = _feed_titles(folder / name)
            if not 0 < len(titles) <= FEED_LENGTH:
                found.append(f"{name}: {len(titles)} items")
            found += [
                f"{name}: {title!r} is no headline"
                for title in titles
                if squeeze(title) not in headlines
            ]
        if found:
            problems[folder.relative_to(site_dir).as_posix()] = found
    assert problems == {}
    newest = max(bbc.stories.values(), key=lambda story: story.date)
    assert _feed_titles(site_dir / "feed.xml")[0] == newest.title
    assert _feed_titles(site_dir / "tags" / "m-s" / "atom.xml") == [
        "M&S cuts prices by average of 24%"
    ]
    feed = json.loads((site_dir / "feed.json").read_text(encoding="utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert len(feed["items"]) == FEED_LENGTH
    assert {squeeze(item["title"]) for item in feed["items"]} <= headlines


def test_sitemaps_are_valid_and_complete(bbc: Corpus) -> None:
    site_dir = bbc.site.site_dir
    assert validate_sitemap(site_dir / "sitemap.xml") == []
    assert validate_news_sitemap(site_dir / "news-sitemap.xml") == []
    sitemap = etree.parse(str(site_dir / "sitemap.xml")).getroot()
    locs = [loc.text for loc in sitemap.iter(f"{{{SITEMAP_NS}}}loc")]
    assert sorted(locs) == sorted(SITE_URL + url for url in bbc.site.pages())
    news = etree.parse(str(site_dir / "news-sitemap.xml")).getroot()
    recent = {
        SITE_URL + bbc.url[story.source]: story.title
        for story in bbc.stories.values()
        if NOW - timedelta(days=2) <= story.date <= NOW
    }
    assert recent  # the build's "now" is just after the newest story
    found = {
        url.findtext(f"{{{SITEMAP_NS}}}loc"): url.findtext(f"{{{NEWS_NS}}}news/{{{NEWS_NS}}}title")
        for url in news.iter(f"{{{SITEMAP_NS}}}url")
    }
    assert found == recent
