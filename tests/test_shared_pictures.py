"""Pictures that Discover, Top stories, share cards and feed readers accept (issue #21, point 2,
before the lead photograph's crops): `max-image-preview:large` on every page, the lead
picture's type and size in Open Graph, JSON-LD and feeds, `default_image` for stories without
one, an SVG lead image and a missing or small publisher logo reported."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import feedparser
import pytest
from lxml import etree
from PIL import Image, ImageDraw

from .checkers import ATOM_NS, rss_problems, structured_data, validate_atom
from .sites import Site, article, build_site

ROOT = "https://news.example.org/"
PHOTO = "2024/05/01/with-a-photo/"
PLAIN = "2024/05/02/without-a-picture/"
DRAWING = "2024/05/03/with-a-drawing/"
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"/>'


def _png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "#c0392b").save(buffer, "PNG")
    return buffer.getvalue()


def _story(title: str, day: int, **fields: object) -> str:
    date = f"2024-05-{day:02d}T10:00:00+00:00"
    return article(title, date, section="world", authors=["jdoe"], **fields)


def _files(**more: str | bytes) -> dict[str, str | bytes]:
    return {
        "articles/photo.md": _story(
            "With a photo", 1, image={"src": "images/photo.png", "alt": "A red square"}
        ),
        "articles/plain.md": _story("Without a picture", 2),
        "articles/drawing.md": _story(
            "With a drawing", 3, image={"src": "images/drawing.svg", "alt": "A drawing"}
        ),
        "images/photo.png": _png(1600, 900),
        "images/drawing.svg": SVG,
        "images/share.png": _png(1200, 630),
        "images/logo.png": _png(512, 512),
        "images/tiny.png": _png(48, 48),
        **more,
    }


PLUGIN = {"publisher_logo": "images/logo.png", "default_image": "images/share.png"}


def _site(root: Path, **plugin: object) -> Site:
    return build_site(root, _files(), plugin={**PLUGIN, **plugin})


def _og(site: Site, url: str) -> dict[str, str]:
    (og,) = structured_data(site.html(url))["opengraph"]
    return dict(og)


def test_every_page_lets_search_engines_show_large_pictures(tmp_path: Path) -> None:
    site = _site(tmp_path / "a")
    pages = site.pages()
    assert {"", PHOTO, "archive/", "tags/", "authors/jdoe/", "section/world/"} <= set(pages)
    empty = {"section/politics/", "section/business/"}  # no story: kept out of search
    for url in pages:
        robots = [m.attributes["content"] for m in site.dom(url).css('meta[name="robots"]')]
        assert robots == ["noindex" if url in empty else "max-image-preview:large"], url
    standard = _site(tmp_path / "b", robots_meta="max-image-preview:standard")
    assert standard.dom(PHOTO).css_first('meta[name="robots"]').attributes["content"] == (
        "max-image-preview:standard"
    )
    silent = _site(tmp_path / "c", robots_meta="")
    assert silent.dom(PHOTO).css_first('meta[name="robots"]') is None


def _shared(site: Site, url: str, width: int, height: int, kind: str) -> None:
    """The picture `url` (absolute) is an article's in Open Graph, JSON-LD and every feed,
    with its type, its size in pixels and its length in bytes (that of the file published)."""
    og = _og(site, PHOTO)
    assert og["og:image"] == url
    assert (og["og:image:type"], og["og:image:width"], og["og:image:height"]) == (
        kind,
        str(width),
        str(height),
    )
    assert og["og:image:alt"] == "A red square"
    with Image.open(site.site_dir / url.removeprefix(ROOT)) as published:
        assert published.size == (width, height)
    card = site.dom(PHOTO).css_first('meta[name="twitter:card"]').attributes["content"]
    assert card == "summary_large_image"
    # feeds: an RSS enclosure with the size in bytes, Media RSS with the size in pixels
    size = str((site.site_dir / url.removeprefix(ROOT)).stat().st_size)
    rss = etree.parse(site.site_dir / "feed.xml")
    (item,) = [i for i in rss.iter("item") if i.findtext("link") == ROOT + PHOTO]
    enclosure = item.find("enclosure")
    assert enclosure is not None
    assert dict(enclosure.attrib) == {"url": url, "length": size, "type": kind}
    media = item.find("{http://search.yahoo.com/mrss/}content")
    assert media is not None
    assert (media.get("url"), media.get("width"), media.get("height")) == (
        url,
        str(width),
        str(height),
    )
    assert rss_problems(site.site_dir / "feed.xml") == []
    entry = feedparser.parse(str(site.site_dir / "feed.xml")).entries[-1]
    assert entry.enclosures[0].href == url
    assert entry.media_content[0]["url"] == url
    atom = etree.parse(site.site_dir / "atom.xml")
    links = [
        dict(link.attrib)
        for link in atom.iter(f"{{{ATOM_NS}}}link")
        if link.get("rel") == "enclosure"
    ]
    assert links == [{"rel": "enclosure", "href": url, "type": kind, "length": size}]
    assert validate_atom(site.site_dir / "atom.xml") == []
    items = json.loads((site.site_dir / "feed.json").read_text("utf-8"))["items"]
    assert [item.get("image") for item in items] == [None, None, url]


def test_the_lead_picture_is_shared_with_its_type_and_size(tmp_path: Path) -> None:
    # the JPEG, 1200 pixels wide, that the build made of the 1600 x 900 PNG
    site = _site(tmp_path / "a")
    (og,) = structured_data(site.html(PHOTO))["opengraph"]
    jpeg = dict(og)["og:image"]
    assert re.fullmatch(rf"{ROOT}pictures/photo-[0-9a-f]{{10}}-1200x675\.jpg", jpeg)
    _shared(site, jpeg, 1200, 675, "image/jpeg")
    # with `pictures: false`, the PNG itself, measured
    plain = _site(tmp_path / "b", pictures=False)
    _shared(plain, ROOT + "images/photo.png", 1600, 900, "image/png")
    (ld,) = structured_data(plain.html(PHOTO))["json-ld"]
    assert ld["image"] == [
        {"@type": "ImageObject", "url": ROOT + "images/photo.png", "width": 1600, "height": 900}
    ]


def test_stories_without_a_raster_picture_share_the_default_image(tmp_path: Path) -> None:
    site = _site(tmp_path)
    share = ROOT + "images/share.png"
    for url in (PLAIN, DRAWING, "", "tags/", "authors/jdoe/"):
        og = _og(site, url)
        assert og["og:image"] == share, url
        assert (og["og:image:width"], og["og:image:height"]) == ("1200", "630")
    (ld,) = structured_data(site.html(DRAWING))["json-ld"]
    assert ld["image"] == [{"@type": "ImageObject", "url": share, "width": 1200, "height": 630}]
    # an SVG is no article's picture, not even on its page; feeds carry no picture for it
    assert "drawing.svg" not in site.html(DRAWING)
    item = next(iter(etree.parse(site.site_dir / "feed.xml").iter("item")))
    assert item.find("enclosure") is None
    assert site.warnings == [
        "newsroom: articles/drawing.md:7: 'image' 'src' 'images/drawing.svg': an SVG can "
        "carry scripts, which would run on the site's own address when the file is opened, so "
        "Newsroom never publishes one as an article's media; convert it to PNG or WebP; the "
        "field was ignored"
    ]
    # without a default image, a story without a picture has none (never the favicon)
    bare = build_site(tmp_path / "bare", _files(), plugin={"publisher_logo": "images/logo.png"})
    assert "og:image" not in _og(bare, PLAIN)
    (ld,) = structured_data(bare.html(PLAIN))["json-ld"]
    assert "image" not in ld
    card = bare.dom(PLAIN).css_first('meta[name="twitter:card"]').attributes["content"]
    assert card == "summary"


def test_the_publisher_logo_is_at_least_112_pixels(tmp_path: Path) -> None:
    site = _site(tmp_path / "a")
    (ld,) = structured_data(site.html(PHOTO))["json-ld"]
    assert ld["publisher"]["logo"] == {
        "@type": "ImageObject",
        "url": ROOT + "images/logo.png",
        "width": 512,
        "height": 512,
    }
    small = _site(tmp_path / "b", publisher_logo="images/tiny.png")
    assert (
        "newsroom: mkdocs.yml: the publisher logo images/tiny.png is 48×48 pixels; Google takes "
        "a logo at least 112 pixels on each side: set publisher_logo to a larger one"
    ) in small.warnings
    files = {k: v for k, v in _files().items() if k != "articles/drawing.md"}
    favicon = build_site(tmp_path / "c", files, plugin={"publisher_logo": ""}, strict=False)
    assert favicon.warnings == [
        "newsroom: mkdocs.yml: publisher_logo is not set, so search engines are given the "
        "favicon (assets/images/favicon.png) as the publisher's logo; set publisher_logo to a "
        "logo at least 112 pixels wide and high"
    ]
    (ld,) = structured_data(favicon.html(PHOTO))["json-ld"]
    assert ld["publisher"]["logo"]["url"] == ROOT + "assets/images/favicon.png"
    missing = _site(tmp_path / "d", publisher_logo="images/nowhere.png")
    assert (
        "newsroom: mkdocs.yml: publisher_logo images/nowhere.png is not a file of the site, so "
        "search engines are not given it; give its path from content/"
    ) in missing.warnings


def _banded(width: int, height: int) -> bytes:
    """A green picture with blue bands of 400 pixels at the left and right and red bands of
    125 pixels at the top and bottom: where each crop was cut shows at its edges."""
    picture = Image.new("RGB", (width, height), (0, 160, 0))
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 0, width, 124), fill=(200, 0, 0))
    draw.rectangle((0, height - 125, width, height), fill=(200, 0, 0))
    draw.rectangle((0, 0, 399, height), fill=(0, 0, 200))
    draw.rectangle((width - 400, 0, width, height), fill=(0, 0, 200))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=95)
    return buffer.getvalue()


def _colour(pixel: tuple[int, ...]) -> str:
    red, green, blue = pixel[:3]
    return max((red, "red"), (green, "green"), (blue, "blue"))[1]


def test_a_wide_photograph_is_given_to_search_engines_in_three_crops(tmp_path: Path) -> None:
    files = _files(**{"images/photo.png": _banded(2400, 1600), "images/strip.png": _png(1600, 150)})
    files["articles/strip.md"] = _story(
        "A strip", 4, image={"src": "images/strip.png", "alt": "A strip"}
    )
    site = build_site(tmp_path, files, plugin=PLUGIN)
    (ld,) = structured_data(site.html(PHOTO))["json-ld"]
    images = {(i["width"], i["height"]): i["url"] for i in ld["image"]}
    assert list(images) == [(1200, 675), (1200, 900), (1200, 1200)]  # 16:9, 4:3, 1:1
    corners = {}
    for size, url in images.items():
        assert url.startswith(ROOT + "pictures/photo-") and url.endswith(".jpg")
        with Image.open(site.site_dir / url.removeprefix(ROOT)) as crop:
            assert (crop.format, crop.size) == ("JPEG", size)
            rgb = crop.convert("RGB")
            width, height = crop.size
            top_middle, top_left = rgb.getpixel((width // 2, 2)), rgb.getpixel((2, height // 2))
            corners[size] = (_colour(top_middle), _colour(top_left))
    # each crop is the middle of the picture: the 16:9 one loses the red bands but keeps the
    # blue, the 4:3 one keeps the red and cuts into the blue, the square one (the picture's
    # whole height) keeps the red and loses the blue
    assert corners == {
        (1200, 675): ("green", "blue"),
        (1200, 900): ("red", "blue"),
        (1200, 1200): ("red", "green"),
    }
    # Open Graph and feeds keep the whole picture, 1200 pixels wide
    og = _og(site, PHOTO)
    assert (og["og:image:width"], og["og:image:height"]) == ("1200", "800")
    # a picture whose crops would be under Google's 50,000 pixels gets none, nor one narrower
    # than 1200 pixels: the whole picture is what search engines get
    strip = "2024/05/04/a-strip/"
    (ld,) = structured_data(site.html(strip))["json-ld"]
    assert [(i["width"], i["height"]) for i in ld["image"]] == [(1200, 112)]
    assert site.warnings == [
        "newsroom: articles/drawing.md:7: 'image' 'src' 'images/drawing.svg': an SVG can "
        "carry scripts, which would run on the site's own address when the file is opened, so "
        "Newsroom never publishes one as an article's media; convert it to PNG or WebP; the "
        "field was ignored"
    ]


@pytest.mark.parametrize(
    ("src", "why"),
    [
        ("images/nowhere.png", "is not a file of the site"),
        ("../../outside.png", "leads outside the site"),
        ("javascript:alert(1)", "is neither an http(s) URL nor a path of the site"),
        ("images/text.png", "is not a picture Pillow can read"),
    ],
)
def test_a_default_image_or_logo_that_is_not_a_picture_of_the_site_is_left_out(
    tmp_path: Path, src: str, why: str
) -> None:
    files = {**_files(), "images/text.png": "not a picture\n"}
    plugin = {"publisher_logo": src, "default_image": src}
    site = build_site(tmp_path, files, plugin=plugin)
    for option in ("publisher_logo", "default_image"):
        assert (
            f"newsroom: mkdocs.yml: {option} {src} {why}, so search engines are not given it; "
        ) in "\n".join(site.warnings)
    assert "og:image" not in _og(site, PLAIN)
    (ld,) = structured_data(site.html(PLAIN))["json-ld"]
    assert "image" not in ld
    assert ld["publisher"]["logo"]["url"] == ROOT + "assets/images/favicon.png"
    assert src not in site.html(PLAIN)
