"""Google's rich results for articles, checked offline with extruct on every article with a
picture, in the demo portal and in a site with a photograph at a URL and a local one.

Google's Article documentation (NewsArticle) lists no required property; it recommends the
ones below, and this project requires them of every article with a picture."""

from __future__ import annotations

import io
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from .checkers import structured_data
from .sites import Site, article, build_repo_site, build_site

REQUIRED: tuple[str, ...] = ()  # Google requires none of NewsArticle
RECOMMENDED = ("headline", "image", "datePublished", "dateModified", "author", "publisher")
OURS = ("url", "inLanguage")  # the description is the meta description and og:description
MIN_PIXELS = 50_000  # width x height of each image, Google's floor
MAX_HEADLINE = 110
# Google's aspect ratios for an article's images, asked of a photograph at least this wide
RATIOS = {"16:9": 16 / 9, "4:3": 4 / 3, "1:1": 1.0}
WIDE = 1200
BYLINE_WORDS = re.compile(r"^(by|von|par)\b|,|\|", re.IGNORECASE)


def rich_result_problems(page: str, default_image: str = "") -> list[str]:
    """What keeps an article page from Google's article rich results, as this project reads
    Google's Article documentation (an empty list: nothing). `default_image`: the site's
    picture for stories without one, of which no crops are asked."""
    articles = [d for d in structured_data(page)["json-ld"] if d.get("@type") == "NewsArticle"]
    if len(articles) != 1:
        return [f"{len(articles)} NewsArticle objects"]
    data: dict[str, Any] = articles[0]
    problems = [f"no {name}" for name in (*REQUIRED, *RECOMMENDED, *OURS) if not data.get(name)]
    headline = str(data.get("headline", ""))
    if len(headline) > MAX_HEADLINE:
        problems.append(f"headline of {len(headline)} characters")
    for name in ("datePublished", "dateModified"):
        value = str(data.get(name, ""))
        try:
            if datetime.fromisoformat(value).tzinfo is None:
                problems.append(f"{name} {value} has no time zone")
        except ValueError:
            problems.append(f"{name} {value!r} is not ISO 8601")
    urls = [i.get("url") if isinstance(i, dict) else i for i in data.get("image", [])]
    if urls != [default_image]:
        problems += _ratio_problems(data.get("image", []))
    for image in data.get("image", []):
        if not isinstance(image, dict) or image.get("@type") != "ImageObject":
            problems.append(f"image {image!r} is not an ImageObject")
            continue
        if not str(image.get("url", "")).startswith("https://"):
            problems.append(f"image URL {image.get('url')!r} is not absolute")
        width, height = image.get("width"), image.get("height")
        if width and height and width * height < MIN_PIXELS:
            problems.append(f"image of {width}x{height} pixels, under {MIN_PIXELS:,}")
    for author in data.get("author", []):
        if author.get("@type") not in ("Person", "Organization"):
            problems.append(f"author of type {author.get('@type')}")
        if not author.get("name") or BYLINE_WORDS.search(author["name"]):
            problems.append(f"author name {author.get('name')!r} is not a name alone")
        if not str(author.get("url", "")).startswith("https://"):
            problems.append(f"author {author.get('name')!r} has no URL")
    publisher = data.get("publisher", {})
    if not publisher.get("name") or not publisher.get("logo", {}).get("url"):
        problems.append("publisher without name or logo")
    return problems


def _ratio_problems(images: list[Any]) -> list[str]:
    """A photograph at least WIDE pixels wide is given in each of Google's aspect ratios."""
    sizes = [
        (image["width"], image["height"])
        for image in images
        if isinstance(image, dict) and image.get("width") and image.get("height")
    ]
    if not any(width >= WIDE for width, _height in sizes):
        return []
    missing = [
        name
        for name, ratio in RATIOS.items()
        if not any(abs(width / height - ratio) < 0.01 for width, height in sizes)
    ]
    return [f"no {name} image" for name in missing]


def _articles_with_pictures(site: Site) -> list[str]:
    urls = []
    for url in site.pages():
        page = site.html(url)
        if '"@type":"NewsArticle"' in page and 'property="og:image"' in page:
            urls.append(url)
    return urls


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_repo_site(tmp_path_factory.mktemp("demo") / "site")


def test_every_article_of_the_demo_meets_the_rich_results_list(demo: Site) -> None:
    urls = _articles_with_pictures(demo)
    # every published story has a picture: its own, or the Gazette's default image
    assert len(urls) == 9
    share = "https://newsroom.example.org/images/share.png"
    problems = {url: rich_result_problems(demo.html(url), share) for url in urls}
    assert problems == {url: [] for url in urls}
    # the two lead photographs (2400 x 1600) are given in Google's three aspect ratios
    cropped = [url for url in urls if len(_news_article(demo.html(url))["image"]) == 3]
    assert len(cropped) == 2


def _news_article(page: str) -> dict[str, Any]:
    (data,) = [d for d in structured_data(page)["json-ld"] if d.get("@type") == "NewsArticle"]
    return data


def _png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "#203040").save(buffer, "PNG")
    return buffer.getvalue()


def test_the_checker_finds_what_is_missing(tmp_path: Path) -> None:
    files = {
        "articles/local.md": article(
            "A local photo",
            section="world",
            authors=["jdoe"],
            image={"src": "images/a.png", "alt": "A photo"},
        ),
        "articles/remote.md": article(
            "A photo at a URL",
            "2024-05-02T10:00:00+00:00",
            section="world",
            authors=["jdoe", "asmith"],
            image={"src": "https://photos.example.org/b.jpg", "alt": "A photo"},
        ),
        "articles/tiny.md": article(
            "A tiny photo",
            "2024-05-03T10:00:00+00:00",
            section="world",
            authors=["jdoe"],
            image={"src": "images/tiny.png", "alt": "A tiny photo"},
        ),
        "images/a.png": _png(1600, 900),
        "images/tiny.png": _png(100, 100),
    }
    site = build_site(tmp_path, files)
    problems = {url: rich_result_problems(site.html(url)) for url in _articles_with_pictures(site)}
    assert problems == {
        "2024/05/01/a-local-photo/": [],
        "2024/05/02/a-photo-at-a-url/": [],
        "2024/05/03/a-tiny-photo/": ["image of 100x100 pixels, under 50,000"],
    }
    # and each rule can fail
    page = site.html("2024/05/01/a-local-photo/")
    assert rich_result_problems(page.replace('"headline":', '"headlines":')) == ["no headline"]
    square = re.search(r',\{"@type":"ImageObject","height":900,"url":"[^"]+","width":900\}', page)
    assert square is not None
    assert rich_result_problems(page.replace(square.group(0), "")) == ["no 1:1 image"]
    broken = page.replace('"Jane Doe"', '"By Jane Doe"').replace("+00:00", "")
    assert rich_result_problems(broken) == [
        "datePublished 2024-05-01T10:00:00 has no time zone",
        "dateModified 2024-05-01T10:00:00 has no time zone",
        "author name 'By Jane Doe' is not a name alone",
    ]
