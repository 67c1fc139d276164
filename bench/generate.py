"""Write a deterministic news site of N generated articles, for Newsroom or one of its peers.

    python bench/generate.py N OUTDIR --format newsroom|material|hugo|pelican|wordpress
                             [--seed S] [--material-titles heading|front-matter] [--photos WxH]

Every format carries the same stories (titles, dates, authors, sections, tags, summaries and
Markdown bodies), so a build of one can be compared with a build of the other:

- ~620-word articles (log-normal lengths, 120 to 3,000 words), short news paragraphs, some
  sub-headings, bullet lists, links and emphasis;
- 1-3 authors out of 40, 2-6 tags out of 300 drawn Zipf-like, one of 10 sections;
- dates spread over 2019-2025, written with one of a few UTC offsets;
- about 2 % of the titles repeat an earlier article's title.

Article i depends only on the seed and i (not on N), so the 1,000-article site is the first
1,000 articles of the 10,000-article one. Prose is drawn from a fixed word list: no network.

Newsroom format: OUTDIR/mkdocs.yml, OUTDIR/content/authors.yml and
OUTDIR/content/articles/YYYY/MM/*.md; with --photos 2400x1600, every article has a lead
photograph of that size, OUTDIR/content/images/NNNNNN.jpg, each different (photos.py).
WordPress format (wxr.py): OUTDIR/export.xml, a WordPress export of the stories, beside an
empty Newsroom site (OUTDIR/mkdocs.yml, OUTDIR/content/) to import it into.
Hugo format: OUTDIR/config.yaml, which names the theme committed in bench/hugo/ (by its
absolute path), OUTDIR/content/SECTION/_index.md (title, description),
OUTDIR/content/SECTION/NNNNNN-slug.md (title, date, authors by id, tags, summary, slug) and
OUTDIR/content/authors/ID/_index.md (name, role, bio); articles at /YYYY/MM/DD/slug/ as
Newsroom's.
Pelican format: OUTDIR/pelicanconf.py (default theme, pages of 100 for the index, tags,
categories and authors, Atom and RSS feeds of 50) and OUTDIR/content/SECTION/NNNNNN-slug.md
with Pelican's `Key: value` metadata (the section as the category, authors by name);
articles at /YYYY/MM/DD/slug/ too.
Material format: OUTDIR/mkdocs.yml (plugins search, blog, tags on their defaults),
OUTDIR/docs/index.md, docs/tags.md, docs/blog/index.md, docs/blog/.authors.yml and
docs/blog/posts/*.md. A post is written as Material's documentation writes one: the title as
the first `# ` heading (or, with --material-titles front-matter, as `title:`), the summary as
`description:`, the section as its category, and Material's excerpt separator after the
first paragraph. Writing into OUTDIR again replaces a site this script wrote there (and only
such a site); an unchanged site (same generator, parameters and seed) is left as it is.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import random
import shutil
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree.ElementTree import parse

import yaml

from mkdocs_newsroom.slugs import slugify
from photos import photo
from wxr import wordpress_export

if TYPE_CHECKING:
    from collections.abc import Sequence

SEED = 20261126
STAMP = ".bench-stamp"  # marks a folder this script wrote, so that it may replace it
# what a site of any format holds, removed before another site is written in its place
SITE_FILES = ("content", "docs", "site", "mkdocs.yml", "export.xml", "config.yaml")
SITE_FILES += ("pelicanconf.py", "public", "resources", ".hugo_build.lock", "__pycache__")
FORMATS = ["newsroom", "material", "hugo", "pelican", "wordpress"]
SITE_URL = "https://bench.example.org/"
EXCERPT_SEPARATOR = "<!-- more -->"
TITLE_STYLES = ["heading", "front-matter"]

# id, title, description, weight (how often a story lands there)
SECTIONS = [
    ("world", "World", "News from around the world", 18),
    ("politics", "Politics", "Governments, parliaments and elections", 16),
    ("business", "Business", "Markets, companies and the economy", 14),
    ("technology", "Technology", "Software, hardware and the internet", 9),
    ("science", "Science", "Research, space and the environment", 6),
    ("health", "Health", "Medicine, hospitals and public health", 7),
    ("sport", "Sport", "Results, transfers and the stories behind them", 14),
    ("culture", "Culture", "Film, music, books and the arts", 7),
    ("education", "Education", "Schools, universities and learning", 4),
    ("opinion", "Opinion", "Columns, analysis and letters", 5),
]


def _split(text: str, sep: str | None = None) -> list[str]:
    return text.split(sep)


FIRST_NAMES = _split(
    "Mariam Daniel Lena Ahmad Sofia Tomasz Aisha Kenji Grace Omar Ingrid Rahul Fatima Lucas "
    "Nadia Pedro Hana Samuel Yusuf Elena Chidi Mei Jonas Leila Mateo Zainab Oskar Amara Ivan "
    "Farida Noah Sana Erik Ayesha Diego Yara Felix Nour Hugo Asel"
)
LAST_NAMES = _split(
    "Rahimi Okafor Fischer Karimi Rossi Nowak Bello Tanaka Mensah Haddad Larsen Sharma "
    "Diallo Moreau Petrova Alves Sato Kamau Demir Ivanova Eze Chen Berg Nasser Garcia Yusuf "
    "Lind Owusu Popov Hakimi Wright Qureshi Nilsen Siddiqui Torres Saleh Wagner Aziz Laurent "
    "Bekova"
)
ROLES = [
    "Reporter",
    "Senior correspondent",
    "Political editor",
    "Business reporter",
    "Technology writer",
    "Science correspondent",
    "Sports reporter",
    "Arts critic",
    "Health correspondent",
    "Foreign correspondent",
]

PLACES = _split(
    "Kabul Brussels London Nairobi Lagos Delhi Tokyo Berlin Paris Madrid Lisbon Cairo Dubai "
    "Istanbul Ankara Moscow Kyiv Warsaw Vienna Rome Athens Geneva Oslo Stockholm Helsinki "
    "Dublin Ottawa Toronto Chicago Boston Denver Lima Quito Bogota Santiago Mexico Havana "
    "Accra Dakar Kampala Kigali Lusaka Harare Pretoria Karachi Lahore Dhaka Colombo Manila "
    "Jakarta Hanoi Bangkok Seoul Beijing Shanghai Sydney Auckland Herat Mazar Kandahar"
)

TOPICS = _split(
    (
        "Elections, Inflation, Climate, Football, Cricket, Tennis, Energy, Oil, Gas, Trade, "
        "Tariffs, Banking, Housing, Transport, Railways, Aviation, Shipping, Farming, Wheat, "
        "Water, Drought, Floods, Wildfires, Earthquakes, Refugees, Migration, Borders, "
        "Diplomacy, Sanctions, Defence, NATO, Security, Police, Courts, Prisons, Corruption, "
        "Parliament, Budget, Taxes, Pensions, Wages, Unions, Strikes, Jobs, Startups, Markets, "
        "Currencies, Bonds, Stocks, Mergers, Retail, Tourism, Hotels, Restaurants, Music, Film, "
        "Television, Books, Theatre, Museums, Festivals, Fashion, Design, Architecture, "
        "Universities, Schools, Exams, Research, Space, Satellites, Physics, Biology, Medicine, "
        "Vaccines, Hospitals, Nursing, Cancer, Diabetes, Nutrition, Smartphones, Software, "
        "Cybersecurity, Privacy, Robots, Batteries, Electric cars, Solar power, Wind power, "
        "Nuclear power, Mining, Copper, Lithium, Gold, Diamonds, Fisheries, Forests, Wildlife, "
        "Oceans, Rivers, Cities, Villages, Roads, Bridges, Ports, Airports"
    ),
    ", ",
)
TAG_QUALIFIERS = _split(
    "policy reform crisis talks funding regulation prices investment strategy safety "
    "protests report review market industry workers exports imports plans record"
)

# Words of the prose, most frequent first: their frequencies follow Zipf's law by rank.
VOCABULARY = """
the of and to a in that is for on said with as was at by it from be have has he she they are
were will an which not but this its their who had been after would more year new also over two
one last about than could people up into government other when out some first three can police
told officials all may there most before report between now years since during under city
country week minister president company state plans public against while million per cent
percent month time percent support should many because just what those where such only even
still well day according national local part four five made how them any back next both own
through while being around including several further already expected make take found added
group health workers children law court security economic council party election vote leaders
spokesman statement meeting agreement talks deal plan prices market growth budget money tax
schools hospital water power energy fuel food trade bank rate interest jobs service services
system project programme data research study team season match players club coach league
final cup win lost second third record open house home family families women men young old
region border capital province district village area road bridge airport station port centre
building land forces army troops military attack fire rain storm flood heat winter summer
spring autumn morning evening night weekend monday tuesday wednesday thursday friday saturday
sunday announced confirmed warned called asked described urged denied rejected approved signed
launched opened closed raised cut rose fell increased reduced reported showed suggested agreed
decided continued expected promised criticised welcomed argued insisted admitted claimed hoped
began ended returned moved held met visited spent paid sold bought built planned tested
important major large small long short high low early late recent current former future
public private foreign domestic international regional federal general senior chief main key
significant serious difficult possible likely clear strong weak free full open closed final
political social financial official independent central western eastern northern southern
economy industry inflation unemployment wages pensions housing transport traffic railway
network internet phone software technology computer platform users customers shares investors
profits losses revenue sales costs debt loans deficit surplus exports imports farmers harvest
crops wheat rice drought climate emissions carbon pollution forest river coast island mountain
desert valley lake sea ocean weather temperatures scientists researchers doctors nurses patients
teachers students parents residents citizens voters members lawmakers judges lawyers journalists
reporters editors authors artists musicians actors directors audience festival film album book
exhibition museum gallery theatre concert tour prize award ceremony campaign protest strike
union demands rights freedom justice peace conflict war ceasefire negotiations sanctions aid
refugees migrants camps shelter supplies medicine vaccine virus disease cases deaths injuries
victims survivors witnesses investigation inquiry evidence trial verdict sentence prison arrest
charges allegations fraud corruption scandal resignation appointment successor coalition
opposition majority minority parliament senate assembly committee commission agency authority
ministry department office organisation institute foundation university hospital clinic court
tribunal council municipality mayor governor ambassador envoy delegation summit conference
forum visit trip journey flight passengers drivers vehicles buses trains trucks ships cargo
containers factory plant mine oil gas electricity grid solar wind nuclear batteries cars
engines fuel prices markets currency dollar euro pound bonds stocks index quarter figures
survey poll results analysis estimate forecast target goal limit deadline schedule delay cost
"""
VOCABULARY_WORDS = list(dict.fromkeys(VOCABULARY.split()))
TITLE_WORDS = [w for w in VOCABULARY_WORDS[150:] if len(w) > 3]
ZONES = [
    UTC,
    timezone(timedelta(hours=1)),
    timezone(timedelta(hours=2)),
    timezone(timedelta(hours=3)),
    timezone(timedelta(hours=4, minutes=30)),
    timezone(timedelta(hours=5, minutes=30)),
    timezone(timedelta(hours=-5)),
]
START = datetime(2019, 1, 1, tzinfo=UTC)
END = datetime(2025, 12, 31, 23, 0, tzinfo=UTC)
DUPLICATE_TITLE_SHARE = 0.02


def _cumulative(weights: list[float]) -> list[float]:
    return list(itertools.accumulate(weights))


WORD_WEIGHTS = _cumulative([1 / (rank + 10) for rank in range(len(VOCABULARY_WORDS))])
TAG_WEIGHTS = _cumulative([1 / (rank + 1) ** 1.05 for rank in range(300)])
AUTHOR_WEIGHTS = _cumulative([1 / (rank + 1) ** 0.6 for rank in range(40)])
SECTION_WEIGHTS = _cumulative([float(s[3]) for s in SECTIONS])


@dataclass(frozen=True)
class Author:
    id: str
    name: str
    role: str
    bio: str


@dataclass(frozen=True)
class Story:
    index: int
    title: str
    date: datetime
    authors: tuple[str, ...]
    section: str
    tags: tuple[str, ...]
    summary: str
    blocks: tuple[str, ...]  # Markdown blocks; the first is always a paragraph

    @property
    def slug(self) -> str:
        words = "".join(c if c.isalnum() else " " for c in self.title.lower()).split()
        return "-".join(words)[:60].strip("-")

    @property
    def body(self) -> str:
        return "\n\n".join(self.blocks) + "\n"


def make_authors(seed: int = SEED) -> list[Author]:
    rng = random.Random(f"{seed}:authors")
    firsts, lasts = FIRST_NAMES[:], LAST_NAMES[:]
    rng.shuffle(firsts)
    rng.shuffle(lasts)
    authors = []
    for first, last in zip(firsts, lasts, strict=True):
        role = rng.choice(ROLES)
        beat = ", ".join(rng.sample([s[1].lower() for s in SECTIONS], 2))
        authors.append(
            Author(f"{first}-{last}".lower(), f"{first} {last}", role, f"Writes about {beat}.")
        )
    return authors


def make_tags(seed: int = SEED) -> list[str]:
    """300 distinct tag names, most popular first."""
    rng = random.Random(f"{seed}:tags")
    names = list(dict.fromkeys(TOPICS + PLACES))
    rng.shuffle(names)  # single words (topics and places) are the popular ones
    while len(names) < 300:
        name = f"{rng.choice(TOPICS)} {rng.choice(TAG_QUALIFIERS)}"
        if name not in names:
            names.append(name)
    return names[:300]


def _words(rng: random.Random, count: int) -> list[str]:
    return rng.choices(VOCABULARY_WORDS, cum_weights=WORD_WEIGHTS, k=count)


def _number(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.3:
        return f"{rng.randint(2, 99)}%"
    if kind < 0.6:
        return f"{rng.randint(1, 999):,}"
    if kind < 0.8:
        return f"{rng.randint(1, 40)}.{rng.randint(1, 9)} million"
    return str(rng.randint(1990, 2025))


def _sentence(rng: random.Random, people: list[str], markup: bool) -> tuple[str, int]:
    count = rng.randint(6, 30)
    words = _words(rng, count)
    if rng.random() < 0.4:
        words[rng.randrange(count)] = rng.choice(PLACES)
    if rng.random() < 0.25:
        words[rng.randrange(count)] = _number(rng)
    if count > 12 and rng.random() < 0.5:
        words[rng.randrange(3, count - 3)] += ","
    if markup and rng.random() < 0.03:
        at = rng.randrange(count)
        words[at] = f"*{words[at].rstrip(',')}*"
    if markup and rng.random() < 0.02:
        at = rng.randrange(count - 1)
        text = f"{words[at]} {words[at + 1].rstrip(',')}"
        words[at : at + 2] = [f"[{text}](https://example.org/{rng.randrange(10**6)})"]
    text = " ".join(words).rstrip(",")
    text = text[0].upper() + text[1:]
    if rng.random() < 0.12:
        return f'"{text}," said {rng.choice(people)}.', count + 2
    return f"{text}.", count


def _paragraph(rng: random.Random, people: list[str]) -> tuple[str, int]:
    sentences, total = [], 0
    for _ in range(rng.choices([1, 2, 3, 4], weights=[3, 5, 3, 1])[0]):
        text, count = _sentence(rng, people, markup=True)
        sentences.append(text)
        total += count
    return " ".join(sentences), total


def _heading(rng: random.Random) -> str:
    words = rng.sample(TITLE_WORDS, rng.randint(2, 5))
    return "## " + " ".join(words).capitalize()


def _bullets(rng: random.Random, people: list[str]) -> tuple[str, int]:
    items, total = [], 0
    for _ in range(rng.randint(3, 5)):
        count = rng.randint(4, 12)
        words = _words(rng, count)
        items.append("- " + " ".join(words).capitalize())
        total += count
    return "\n".join(items), total


@cache
def _title(seed: int, index: int) -> str:
    """The headline of article `index`; a few repeat the headline of an earlier article."""
    rng = random.Random(f"{seed}:title:{index}")
    if index > 0 and rng.random() < DUPLICATE_TITLE_SHARE:
        return _title(seed, rng.randrange(index))
    words = rng.sample(TITLE_WORDS, rng.randint(4, 9))
    if rng.random() < 0.5:
        words.insert(rng.randrange(len(words)), rng.choice(PLACES))
    if rng.random() < 0.15:
        words.insert(rng.randrange(len(words)), _number(rng))
    title = " ".join(words)
    title = title[0].upper() + title[1:]
    if rng.random() < 0.06:
        title += "?"
    elif rng.random() < 0.08:
        head, _, tail = title.partition(" ")
        title = f"{head}: {tail}"
    return title


def make_story(index: int, authors: list[Author], tags: list[str], seed: int = SEED) -> Story:
    rng = random.Random(f"{seed}:story:{index}")
    span = int((END - START).total_seconds())
    moment = START + timedelta(seconds=rng.randrange(span) // 60 * 60)
    date = moment.astimezone(rng.choice(ZONES))
    count = rng.choices([1, 2, 3], weights=[70, 22, 8])[0]
    by: list[str] = []
    while len(by) < count:
        author = rng.choices(authors, cum_weights=AUTHOR_WEIGHTS)[0].id
        if author not in by:
            by.append(author)
    section = rng.choices(SECTIONS, cum_weights=SECTION_WEIGHTS)[0][0]
    wanted = rng.randint(2, 6)
    chosen: list[str] = []
    while len(chosen) < wanted:
        tag = rng.choices(tags, cum_weights=TAG_WEIGHTS)[0]
        if tag not in chosen:
            chosen.append(tag)
    people = [f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}" for _ in range(3)]
    summary, _ = _sentence(rng, people, markup=False)
    length = min(3000, max(120, int(rng.lognormvariate(6.295, 0.45))))
    headings = rng.random() < 0.35 and length > 450
    listed = rng.random() < 0.15
    blocks: list[str] = []
    words = 0
    while words < length:
        if headings and len(blocks) in (4, 9, 15):
            blocks.append(_heading(rng))
        if listed and len(blocks) == 3:
            text, count = _bullets(rng, people)
        else:
            text, count = _paragraph(rng, people)
        blocks.append(text)
        words += count
    return Story(
        index=index,
        title=_title(seed, index),
        date=date,
        authors=tuple(by),
        section=section,
        tags=tuple(chosen),
        summary=summary,
        blocks=tuple(blocks),
    )


def make_stories(count: int, seed: int = SEED) -> tuple[list[Author], list[Story]]:
    authors = make_authors(seed)
    tags = make_tags(seed)
    return authors, [make_story(i, authors, tags, seed) for i in range(count)]


def scalar(value: object) -> str:
    """One YAML flow scalar (or flow list), quoted wherever YAML needs it."""
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10**9)
    return text.removesuffix("\n").removesuffix("\n...")


def newsroom_article(story: Story, image: str | None = None) -> str:
    lines = [
        "---",
        f"title: {scalar(story.title)}",
        f"date: {story.date.isoformat()}",
        f"authors: {scalar(list(story.authors))}",
        f"section: {story.section}",
        f"tags: {scalar(list(story.tags))}",
        f"summary: {scalar(story.summary)}",
        *([f"image: {{src: {image}, alt: {scalar(story.title)}}}"] if image else []),
        # pinned, as `newsroom new` writes it: the headline's slug
        f"slug: {scalar(slugify(story.title, fallback_prefix='article'))}",
        "---",
    ]
    return "\n".join(lines) + "\n" + story.body


def material_post(story: Story, titles: str = "heading") -> str:
    """A post as Material documents them: the title as the first heading (or in front matter)."""
    section_titles = {sid: title for sid, title, *_ in SECTIONS}
    lines = ["---"]
    if titles == "front-matter":
        lines.append(f"title: {scalar(story.title)}")
    lines += [
        f"description: {scalar(story.summary)}",
        f"date: {story.date.isoformat()}",
        f"authors: {scalar(list(story.authors))}",
        f"categories: {scalar([section_titles[story.section]])}",
        f"tags: {scalar(list(story.tags))}",
        "---",
        "",
    ]
    return "\n".join(lines) + material_body(story.title, story.blocks, titles)


def material_body(title: str, blocks: Sequence[str], titles: str) -> str:
    """Markdown of a post: `# title` unless it is in front matter, the excerpt separator after
    the first paragraph."""
    first, *rest = blocks or [""]
    parts = [first, EXCERPT_SEPARATOR, *rest]
    if titles == "heading":
        parts.insert(0, f"# {title}")
    return "\n\n".join(parts) + "\n"


def newsroom_config(
    site_name: str, sections: Sequence[tuple[str, str, str]], timezone: str | None = None
) -> str:
    """mkdocs.yml of a Newsroom site; `sections` as (id, title, description), in order."""
    plugin: dict[str, object] = {"timezone": timezone} if timezone else {}
    plugin["publisher_logo"] = f"{SITE_URL}logo.png"  # at a URL: not measured
    plugin["sections"] = {
        sid: {"title": title, "description": description, "order": order}
        for order, (sid, title, description) in enumerate(sections, 1)
    }
    config = {
        "site_name": site_name,
        "site_url": SITE_URL,
        "docs_dir": "content",
        "theme": {"name": "material", "font": False},
        "plugins": ["search", {"newsroom": plugin}],
    }
    return yaml.safe_dump(config, sort_keys=False, allow_unicode=True)


def material_config(site_name: str) -> str:
    config = {
        "site_name": site_name,
        "site_url": SITE_URL,
        "theme": {"name": "material", "font": False},
        "plugins": ["search", "blog", "tags"],
    }
    return yaml.safe_dump(config, sort_keys=False, allow_unicode=True)


def material_pages(site_name: str) -> dict[str, str]:
    """The pages a Material blog needs besides its posts (docs/ relative paths)."""
    return {
        "index.md": f"# {site_name}\n\nThe latest stories are on the [blog](blog/index.md).\n",
        "blog/index.md": "# Blog\n",
        "tags.md": "# Tags\n\n<!-- material/tags -->\n",
    }


def newsroom_authors(authors: list[Author]) -> str:
    data = {a.id: {"name": a.name, "role": a.role, "bio": a.bio} for a in authors}
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def material_authors(authors: list[Author]) -> str:
    data = {
        "authors": {
            a.id: {
                "name": a.name,
                "description": a.role,
                "avatar": f"https://example.org/avatars/{a.id}.png",
            }
            for a in authors
        }
    }
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


HUGO_THEME = Path(__file__).resolve().parent / "hugo"  # bench/hugo/, the theme's folder
PAGE_SIZE = 100  # Hugo's and Pelican's listing pages (Newsroom: 20 cards, then 100 headlines)
FEED_LENGTH = 50  # items in every feed, as Newsroom's feed_length


def article_slug(story: Story) -> str:
    """The slug Newsroom gives the story (`newsroom_article` pins it), for every format."""
    return slugify(story.title, fallback_prefix="article")


def hugo_config(site_name: str) -> str:
    """config.yaml of a Hugo site using the theme in bench/hugo/ (by absolute path)."""
    config = {
        "baseURL": SITE_URL,
        "title": site_name,
        "languageCode": "en",
        "themesDir": str(HUGO_THEME.parent),
        "theme": HUGO_THEME.name,
        "paginate": PAGE_SIZE,
        "rssLimit": FEED_LENGTH,
        "enableRobotsTXT": False,
        "taxonomies": {"tag": "tags", "author": "authors"},
        "permalinks": {sid: "/:year/:month/:day/:slug/" for sid, *_ in SECTIONS},
        # RSS of the front page and of each section (and a sitemap); Newsroom's other feeds
        # and its search index with peers.py's hugo-full (HUGO_NEWSROOM_OUTPUTS)
        "outputs": {
            "home": ["HTML", "RSS"],
            "section": ["HTML", "RSS"],
            "taxonomy": ["HTML"],
            "term": ["HTML"],
        },
        # related stories: Hugo's own index over tags, nearer dates first among equals
        "related": {
            "includeNewer": True,
            "threshold": 80,
            "toLower": False,
            "indices": [{"name": "tags", "weight": 100}, {"name": "date", "weight": 10}],
        },
    }
    return yaml.safe_dump(config, sort_keys=False, allow_unicode=True)


# peers.py's hugo-full: the outputs Newsroom builds besides pages, in Hugo's own way. RSS and
# Atom of the front page, of every section, tag and author; a JSON Feed of the front page; and
# the search index Hugo themes ship for a client-side search (PaperMod's index.json: every
# story's whole text), read from the theme's list.atom.xml, index.jsonfeed.json and
# index.searchindex.json
HUGO_NEWSROOM_OUTPUTS: dict[str, object] = {
    "mediaTypes": {
        "application/atom+xml": {"suffixes": ["xml"]},
        "application/feed+json": {"suffixes": ["json"]},
    },
    "outputFormats": {
        "Atom": {"mediaType": "application/atom+xml", "baseName": "atom", "rel": "alternate"},
        "JSONFeed": {
            "mediaType": "application/feed+json",
            "baseName": "feed",
            "rel": "alternate",
            "isPlainText": True,
        },
        "SearchIndex": {
            "mediaType": "application/json",
            "baseName": "search_index",
            "path": "search",
            "isPlainText": True,
            "notAlternative": True,
        },
    },
    "outputs": {
        "home": ["HTML", "RSS", "Atom", "JSONFeed", "SearchIndex"],
        "section": ["HTML", "RSS", "Atom"],
        "taxonomy": ["HTML"],
        "term": ["HTML", "RSS", "Atom"],
    },
}


def hugo_article(story: Story) -> str:
    lines = [
        "---",
        f"title: {scalar(story.title)}",
        f"date: {story.date.isoformat()}",
        f"authors: {scalar(list(story.authors))}",
        f"tags: {scalar(list(story.tags))}",
        f"description: {scalar(story.summary)}",
        f"slug: {scalar(article_slug(story))}",
        "---",
    ]
    return "\n".join(lines) + "\n" + story.body


def front_matter(data: dict[str, object]) -> str:
    return "---\n" + yaml.safe_dump(data, sort_keys=False, allow_unicode=True) + "---\n"


def write_hugo(outdir: Path, site_name: str, authors: list[Author], stories: list[Story]) -> None:
    write(outdir / "config.yaml", hugo_config(site_name))
    content = outdir / "content"
    for order, (sid, title, description, _) in enumerate(SECTIONS, 1):
        page = {"title": title, "description": description, "weight": order}
        write(content / sid / "_index.md", front_matter(page))
    for a in authors:
        page = {"title": a.name, "role": a.role, "bio": a.bio}
        write(content / "authors" / a.id / "_index.md", front_matter(page))
    for story in stories:
        name = f"{story.index:06d}-{story.slug[:40].strip('-')}.md"
        write(content / story.section / name, hugo_article(story))


def pelican_config(site_name: str) -> str:
    """pelicanconf.py: the default theme, paginated listings, Atom and RSS feeds of the whole
    site and of each category (the section), none per author or tag (Newsroom has them)."""
    settings: dict[str, object] = {
        "SITENAME": site_name,
        "SITEURL": SITE_URL.rstrip("/"),
        "PATH": "content",
        "TIMEZONE": "UTC",
        "DEFAULT_LANG": "en",
        "DEFAULT_PAGINATION": PAGE_SIZE,
        "ARTICLE_URL": "{date:%Y}/{date:%m}/{date:%d}/{slug}/",
        "ARTICLE_SAVE_AS": "{date:%Y}/{date:%m}/{date:%d}/{slug}/index.html",
        "FEED_MAX_ITEMS": FEED_LENGTH,
        "FEED_ALL_ATOM": "feeds/all.atom.xml",
        "FEED_ALL_RSS": "feeds/all.rss.xml",
        "CATEGORY_FEED_ATOM": "feeds/{slug}.atom.xml",
        "CATEGORY_FEED_RSS": "feeds/{slug}.rss.xml",
        "AUTHOR_FEED_ATOM": None,
        "AUTHOR_FEED_RSS": None,
        "TRANSLATION_FEED_ATOM": None,
        "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False,
    }
    lines = ["# Written by bench/generate.py --format pelican"]
    lines += [f"{key} = {value!r}" for key, value in settings.items()]
    return "\n".join(lines) + "\n"


def pelican_article(story: Story, names: dict[str, str]) -> str:
    """A Markdown article with Pelican's `Key: value` metadata (one line each)."""
    section_titles = {sid: title for sid, title, *_ in SECTIONS}
    lines = [
        f"Title: {story.title}",
        f"Date: {story.date.isoformat()}",
        f"Authors: {', '.join(names[a] for a in story.authors)}",
        f"Category: {section_titles[story.section]}",
        f"Tags: {', '.join(story.tags)}",
        f"Summary: {story.summary}",
        f"Slug: {article_slug(story)}",
    ]
    return "\n".join(lines) + "\n\n" + story.body


def write_pelican(
    outdir: Path, site_name: str, authors: list[Author], stories: list[Story]
) -> None:
    write(outdir / "pelicanconf.py", pelican_config(site_name))
    names = {a.id: a.name for a in authors}
    for story in stories:
        name = f"{story.index:06d}-{story.slug[:40].strip('-')}.md"
        write(outdir / "content" / story.section / name, pelican_article(story, names))


def prepare(outdir: Path, stamp: str) -> bool:
    """Make `outdir` ready for writing; False if it already holds exactly this site."""
    marker = outdir / STAMP
    if marker.exists():
        if marker.read_text(encoding="utf-8") == stamp:
            return False
        for name in SITE_FILES:
            path = outdir / name
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()
        marker.unlink()
    elif outdir.exists() and any(outdir.iterdir()):
        raise SystemExit(f"{outdir} is not empty and was not written by this script")
    outdir.mkdir(parents=True, exist_ok=True)
    return True


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def source_digest(*files: Path) -> str:
    digest = hashlib.sha256()
    for file in files:
        digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def write_wordpress(outdir: Path, authors: list[Author], stories: list[Story]) -> None:
    """OUTDIR/export.xml, the stories as a WordPress export, and beside it an empty Newsroom
    site to import them into (OUTDIR/mkdocs.yml with the sections, OUTDIR/content/)."""
    write(outdir / "mkdocs.yml", newsroom_config("Imported Gazette", [s[:3] for s in SECTIONS]))
    (outdir / "content").mkdir(parents=True, exist_ok=True)
    export = outdir / "export.xml"
    with export.open("w", encoding="utf-8") as file:
        for line in wordpress_export(authors, stories, SECTIONS):
            file.write(line + "\n")
    parse(export)  # well-formed, or this fails here rather than in the benchmark


def generate(
    count: int,
    outdir: Path,
    fmt: str,
    seed: int = SEED,
    titles: str = "heading",
    photos: tuple[int, int] | None = None,
) -> bool:
    """Write the site; False if `outdir` already held the same site (nothing written).

    `titles` says where Material posts carry their title: "heading" (a `# title` line, as
    Material's documentation writes posts) or "front-matter" (`title:`). `photos`: the size
    of a lead photograph for every article (Newsroom format only).
    """
    here = Path(__file__)
    source = source_digest(here, here.with_name("wxr.py"), here.with_name("photos.py"))
    style = f" titles={titles}" if fmt == "material" else ""
    if photos and fmt == "newsroom":
        style += f" photos={photos[0]}x{photos[1]}"
    stamp = f"generate {count} {fmt} seed={seed}{style} source={source} slugs\n"
    if not prepare(outdir, stamp):
        return False
    authors, stories = make_stories(count, seed)
    site_name = f"Bench Gazette ({count:,} articles)"
    if fmt == "wordpress":
        write_wordpress(outdir, authors, stories)
    elif fmt == "hugo":
        write_hugo(outdir, site_name, authors, stories)
    elif fmt == "pelican":
        write_pelican(outdir, site_name, authors, stories)
    elif fmt == "newsroom":
        write(outdir / "mkdocs.yml", newsroom_config(site_name, [s[:3] for s in SECTIONS]))
        write(outdir / "content" / "authors.yml", newsroom_authors(authors))
        for story in stories:
            name = f"{story.date:%Y/%m}/{story.slug[:40].strip('-')}-{story.index}.md"
            image = f"images/{story.index:06d}.jpg" if photos else None
            write(outdir / "content" / "articles" / name, newsroom_article(story, image))
            if image and photos:
                (outdir / "content" / image).parent.mkdir(parents=True, exist_ok=True)
                (outdir / "content" / image).write_bytes(photo(story.index, photos, seed))
    else:
        write(outdir / "mkdocs.yml", material_config(site_name))
        docs = outdir / "docs"
        for name, text in material_pages(site_name).items():
            write(docs / name, text)
        write(docs / "blog" / ".authors.yml", material_authors(authors))
        for story in stories:
            name = f"{story.index:06d}-{story.slug[:40].strip('-')}.md"
            write(docs / "blog" / "posts" / name, material_post(story, titles))
    (outdir / STAMP).write_text(stamp, encoding="utf-8")
    return True


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit()):
        raise argparse.ArgumentTypeError(f"{text!r}: write WIDTHxHEIGHT, such as 2400x1600")
    return int(width), int(height)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="number of articles")
    parser.add_argument("outdir", type=Path, help="folder to write the site into")
    parser.add_argument("--format", choices=FORMATS, default="newsroom")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument(
        "--material-titles",
        choices=TITLE_STYLES,
        default="heading",
        help="Material posts: title as a '# ' heading (Material's docs) or as 'title:'",
    )
    parser.add_argument(
        "--photos",
        type=_size,
        metavar="WxH",
        help="give every article a lead photograph of this size (Newsroom format)",
    )
    args = parser.parse_args(argv)
    written = generate(
        args.count, args.outdir, args.format, args.seed, args.material_titles, args.photos
    )
    state = "wrote" if written else "already up to date:"
    print(f"{state} {args.count} articles ({args.format}) in {args.outdir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
