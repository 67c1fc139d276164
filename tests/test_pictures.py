"""Responsive lead photographs (#19): every local JPEG, PNG or WebP lead image becomes a
<picture> of smaller copies in AVIF, WebP and its own format, with width and height; cards
take the narrow copies; Open Graph and JSON-LD a 1200-wide JPEG; a broken, truncated or
enormous image is a warning and is published as it is. The copies are made once per picture,
kept in a cache between builds, and only a new picture is resized again."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml
from mkdocs.exceptions import Abort
from PIL import Image

from mkdocs_newsroom.outputs.pictures.recipe import writable
from mkdocs_newsroom.rendering.pictures import SIZES

from .checkers import structured_data, vnu_errors
from .commands import newsroom, run
from .pictures import (
    animated_png,
    camera_mpo,
    candidates,
    claimed_png,
    flat_chart,
    half_transparent_png,
    malformed_exif_jpeg,
    picture_problems,
    turned_jpeg,
    widths,
)
from .sites import Site, article, build_site, photo, write_site, write_tree
from .test_incremental import Server, _build_clean, _tree

PHOTO = photo(2400, 1600, quality=90, seed=1)
TRANSPARENT = half_transparent_png(1000, 700)
TURNED = turned_jpeg(800, 1200, "SECRET LOCATION 34.53N 69.17E")
WEBP = photo(700, 500, "WEBP", quality=92, seed=4)
TINY = photo(300, 200, quality=95, seed=5)
LIGHT = photo(1000, 700, quality=20, seed=8)  # so light that most copies would weigh more
CAMERA = camera_mpo(1200, 900)  # a JPEG with a preview picture after the photograph
ANIMATED = animated_png(600, 400)
STILL = photo(40, 20, "GIF", seed=6)

# article slug -> (image file, its bytes, its size as shown)
LOCAL = {
    "photo": ("images/photo.jpg", PHOTO, (2400, 1600)),
    "transparent": ("images/transparent.png", TRANSPARENT, (1000, 700)),
    "turned": ("images/turned.jpg", TURNED, (800, 1200)),
    "webp": ("images/picture.webp", WEBP, (700, 500)),
    "tiny": ("images/tiny.jpg", TINY, (300, 200)),
    "light": ("images/light.jpg", LIGHT, (1000, 700)),
    "camera": ("images/camera.jpg", CAMERA, (1200, 900)),
}
AS_GIVEN = {
    "animated": "images/animated.png",
    "remote": "https://example.org/photo.jpg",
    "still": "images/still.gif",
}
ORDER = [*LOCAL, *AS_GIVEN]  # newest first: "photo" is the front page's lead


def url(slug: str) -> str:
    return f"2024/05/{20 - ORDER.index(slug):02d}/{slug}/"


def _files() -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {}
    sources = {slug: path for slug, (path, _data, _size) in LOCAL.items()} | AS_GIVEN
    for slug, src in sources.items():
        day = 20 - ORDER.index(slug)
        files[f"articles/{slug}.md"] = article(
            slug, f"2024-05-{day:02d}T10:00:00Z", section="world", slug=slug,
            image={"src": src, "alt": f"The {slug} picture", "caption": "A caption"},
        )  # fmt: skip
    files |= {path: data for path, data, _size in LOCAL.values()}
    files |= {"images/animated.png": ANIMATED, "images/still.gif": STILL}
    return files


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_site(tmp_path_factory.mktemp("pictures"), _files(), plugin={"top_stories": 0})


def test_the_build_says_what_it_resized_and_warns_of_nothing(site: Site) -> None:
    assert site.warnings == []  # an SVG, which no article takes, is in test_hostile_gaps.py
    cache = site.root / ".cache" / "newsroom" / "pictures"
    (said,) = [line for line in site.infos if line.startswith("newsroom: resized")]
    # all but the animated one and the GIF, which are published as they are
    assert re.fullmatch(rf"newsroom: resized 7 lead images into \d+ files, kept in "
                        rf"{re.escape(str(cache))} for the next builds", said)  # fmt: skip
    made = {path.name for path in (site.site_dir / "pictures").iterdir()}
    assert len(list(cache.rglob("*.*"))) - 8 == len(made)  # the copies and a picture.json each


def test_a_lead_photograph_becomes_a_picture_at_three_widths_in_three_formats(site: Site) -> None:
    assert writable(("avif", "webp")) == ("avif", "webp")  # Pillow here writes both
    page = site.dom(url("photo"))
    picture = page.css_first("figure.nr-figure > picture")
    sources = picture.css("source")
    assert [source.attributes["type"] for source in sources] == ["image/avif", "image/webp"]
    img = picture.css_first("img")
    for node in [*sources, img]:
        assert widths(site, url("photo"), node) == [480, 960, 1600]
        assert node.attributes["sizes"] == SIZES["figure"]
    assert img.attributes["src"].endswith("-960x640.jpg")
    assert (img.attributes["width"], img.attributes["height"]) == ("2400", "1600")
    assert img.attributes["alt"] == "The photo picture"
    assert picture_problems(site, url("photo"), picture, PHOTO, (2400, 1600)) == []


@pytest.mark.parametrize("slug", list(LOCAL))
def test_every_copy_offered_exists_and_is_smaller_than_the_original(site: Site, slug: str) -> None:
    """On the article page, on the front page and on the section's page."""
    path, data, size = LOCAL[slug]
    offered = 0
    for page_url in (url(slug), "", "section/world/"):
        page = site.dom(page_url)
        for picture in page.css("picture"):
            img = picture.css_first("img")
            if f"/{Path(path).stem}-" not in (
                img.attributes.get("srcset") or img.attributes["src"]
            ):
                continue
            offered += len(picture.css("source, img[srcset]"))
            assert picture_problems(site, page_url, picture, data, size) == []
            assert (img.attributes["width"], img.attributes["height"]) == tuple(map(str, size))
    assert offered >= 4  # article, section page (and front page): AVIF and WebP at least


def test_copies_of_a_small_picture_are_never_wider_than_it(site: Site) -> None:
    picture = site.dom(url("tiny")).css_first("figure picture")
    assert [widths(site, url("tiny"), source) for source in picture.css("source")] == [[300]] * 2
    # a light JPEG: the copies that would weigh more than it are not made
    light = site.dom(url("light")).css_first("figure picture")
    offered = [widths(site, url("light"), node) for node in light.css("source, img[srcset]")]
    assert 0 < sum(map(len, offered)) < 9, offered
    # a WebP original: AVIF, then WebP in the <img>
    webp = site.dom(url("webp")).css_first("figure picture")
    assert [source.attributes["type"] for source in webp.css("source")] == ["image/avif"]
    assert widths(site, url("webp"), webp.css_first("img")) == [480, 700]
    assert webp.css_first("img").attributes["src"].endswith("-700x500.webp")


def test_the_lead_image_is_fetched_first_and_cards_below_the_top_wait(site: Site) -> None:
    figure_img = site.dom(url("photo")).css_first("figure img")
    assert "loading" not in figure_img.attributes
    assert figure_img.attributes["fetchpriority"] == "high"
    front = site.dom("")
    lead = front.css_first(".nr-card--lead .nr-card__image img")
    assert "loading" not in lead.attributes and "/photo-" in lead.attributes["src"]
    assert lead.parent.css_first("source").attributes["sizes"] == SIZES["lead"]
    below = front.css(".nr-front__section .nr-card__image img")
    assert below and all(img.attributes["loading"] == "lazy" for img in below)
    listing = site.dom("section/world/").css(".nr-card__image img")
    assert len(listing) == len(ORDER)
    assert [img.attributes.get("loading") for img in listing] == [None] + ["lazy"] * (
        len(ORDER) - 1
    )


def test_cards_offer_only_the_narrow_copies(site: Site) -> None:
    cards = site.dom("section/world/").css(".nr-card__image picture")
    assert cards
    for picture in cards:
        for node in picture.css("source, img[srcset]"):
            assert max(widths(site, "section/world/", node)) <= 960
            assert node.attributes["sizes"] == SIZES["card"]
    photo_card = next(p for p in cards if "/photo-" in p.css_first("img").attributes["src"])
    assert widths(site, "section/world/", photo_card.css_first("source")) == [480, 960]


def _shared(site: Site, slug: str) -> tuple[dict[str, str], list[str], Path]:
    data = structured_data(site.html(url(slug)), f"https://news.example.org/{url(slug)}")
    (og,) = data["opengraph"]
    (ld,) = data["json-ld"]
    shared = og["og:image"]
    return og, ld["image"], site.site_dir / shared.removeprefix("https://news.example.org/")


def test_open_graph_and_json_ld_get_a_jpeg_1200_pixels_wide(site: Site) -> None:
    og, ld_images, jpeg = _shared(site, "photo")
    # JSON-LD gets the 16:9, 4:3 and 1:1 crops of it instead (test_shared_pictures.py)
    crops = [
        og["og:image"].replace("1200x800", size) for size in ("1200x675", "1200x900", "1200x1200")
    ]
    assert [image["url"] for image in ld_images] == crops
    assert re.fullmatch(r"https://news\.example\.org/pictures/photo-[0-9a-f]{10}-1200x800\.jpg",
                        og["og:image"])  # fmt: skip
    assert (og["og:image:width"], og["og:image:height"], og["og:image:type"]) == (
        "1200",
        "800",
        "image/jpeg",
    )
    with Image.open(jpeg) as shared:
        assert (shared.format, shared.size) == ("JPEG", (1200, 800))
    feed = json.loads((site.site_dir / "feed.json").read_text(encoding="utf-8"))
    assert [item["image"] for item in feed["items"] if item["title"] == "photo"] == [og["og:image"]]


def test_a_transparent_png_is_shared_as_a_jpeg_on_white_never_wider_than_it(site: Site) -> None:
    og, _ld, jpeg = _shared(site, "transparent")
    with Image.open(jpeg) as shared:
        assert (shared.format, shared.mode, shared.size) == ("JPEG", "RGB", (1000, 700))
        assert min(shared.getpixel((20, 350))) >= 245  # the transparent half is white
    assert og["og:image:width"] == "1000"


def test_copies_are_turned_as_exif_says_and_carry_none_of_its_metadata(site: Site) -> None:
    picture = site.dom(url("turned")).css_first("figure picture")
    img = picture.css_first("img")
    assert (img.attributes["width"], img.attributes["height"]) == ("800", "1200")
    copies = [c.file for node in picture.css("source, img") for c in
              candidates(site, url("turned"), node.attributes["srcset"] or "")]  # fmt: skip
    copies.append(_shared(site, "turned")[2])
    assert len(copies) >= 7
    for copy in copies:
        with Image.open(copy) as opened:
            assert opened.height > opened.width, copy
            red, green, _blue = opened.convert("RGB").getpixel((opened.width // 2, 3))
            assert red > 150 and green < 80, copy  # the top of the portrait is at the top
            assert dict(opened.getexif()) == {}, copy
        assert b"SECRET" not in copy.read_bytes()


def test_images_it_makes_no_copies_of_are_shown_as_given(site: Site) -> None:
    remote = site.dom(url("remote")).css_first("figure img")
    assert remote.attributes["src"] == "https://example.org/photo.jpg"
    still = site.dom(url("still")).css_first("figure img")
    assert still.attributes["src"] == "/images/still.gif"
    animated = site.dom(url("animated")).css_first("figure img")
    assert animated.attributes["src"] == "/images/animated.png"
    assert (animated.attributes["width"], animated.attributes["height"]) == ("600", "400")
    for slug in AS_GIVEN:
        assert site.dom(url(slug)).css("figure picture") == []
    assert (site.site_dir / "images" / "animated.png").read_bytes() == ANIMATED


def test_the_picture_markup_is_valid_html(site: Site) -> None:
    pages = [url(slug) for slug in ORDER] + ["", "section/world/"]
    assert vnu_errors([site.file(page) for page in pages]) == []


def test_a_picture_as_wide_as_the_widest_copy_and_a_light_chart_stay_sharp(
    tmp_path: Path,
) -> None:
    chart = flat_chart(1600, 900)
    files = {
        "articles/a.md": article("A", image={"src": "p.jpg", "alt": "A"}),
        "articles/b.md": article("B", "2024-05-02", image={"src": "chart.png", "alt": "B"}),
        "p.jpg": photo(1600, 1000, quality=90, seed=9),
        "chart.png": chart,
    }
    site = build_site(tmp_path, files)
    assert site.warnings == []
    picture = site.dom("2024/05/01/a/").css_first("figure picture")
    for node in picture.css("source, img"):
        assert widths(site, "2024/05/01/a/", node) == [480, 960, 1600]
    chart_page = "2024/05/02/b/"
    picture = site.dom(chart_page).css_first("figure picture")
    offered = {node.attributes.get("type"): node for node in picture.css("source, img")}
    assert widths(site, chart_page, offered[None])[-1] == 1600, offered[None].attributes
    assert all(widths(site, chart_page, node)[-1] == 1600 for node in offered.values())
    assert picture_problems(site, chart_page, picture, chart, (1600, 900)) == []
    assert "/chart.png 1600w" in offered[None].attributes["srcset"]


def test_a_photograph_with_malformed_exif_is_resized_and_checked_without_a_fault(
    tmp_path: Path,
) -> None:
    files = {
        "articles/a.md": article(image={"src": "p.jpg", "alt": "A"}),
        "p.jpg": malformed_exif_jpeg(800, 600),
    }
    site = build_site(tmp_path, files)
    assert site.warnings == []
    img = site.dom("2024/05/01/a-headline/").css_first("figure picture img")
    assert (img.attributes["width"], img.attributes["height"]) == ("600", "800")  # turned
    shutil.rmtree(tmp_path / ".cache")
    checked = newsroom(tmp_path, "check")
    assert (checked.returncode, checked.stdout, "Traceback" in checked.stderr) == (0, "", False)


def test_a_format_that_cannot_hold_a_copy_is_left_out_and_the_others_are_made(
    tmp_path: Path,
) -> None:
    files = {
        "articles/a.md": article(image={"src": "tall.png", "alt": "A"}),
        "tall.png": flat_chart(600, 20_000),  # WebP holds at most 16,383 pixels a side
    }
    site = build_site(tmp_path, files, plugin={"picture_formats": ["webp"]})
    assert site.warnings == []
    page = "2024/05/01/a-headline/"
    picture = site.dom(page).css_first("figure picture")
    # no WebP at 600 x 20,000: the WebP copies are not offered (480 wide, they would be
    # shown blurred); the PNG copies and the original are
    assert picture.css("source") == []
    assert widths(site, page, picture.css_first("img"))[-1] == 600
    shutil.rmtree(tmp_path / ".cache")
    checked = newsroom(tmp_path, "check")
    assert (checked.returncode, checked.stdout, "Traceback" in checked.stderr) == (0, "", False)


def test_a_picture_thousands_of_times_wider_than_high_is_resized(tmp_path: Path) -> None:
    """A 30,000 x 2 strip: its copies' height rounds down to nothing, which is one pixel. A
    2 x 30,000 one is no wider than any copy: shown as it is."""
    files = {
        "articles/a.md": article(image={"src": "strip.jpg", "alt": "A strip"}),
        "articles/b.md": article("Tall", image={"src": "tall.jpg", "alt": "A tall strip"}),
        "strip.jpg": photo(30_000, 2),
        "tall.jpg": photo(2, 30_000),
    }
    site = build_site(tmp_path, files)
    assert site.warnings == []
    page = "2024/05/01/a-headline/"
    picture = site.dom(page).css_first("figure picture")
    assert picture.css("source")  # copies made and offered
    assert widths(site, page, picture.css_first("img"))[-1] < 30_000


def test_a_held_back_articles_photograph_is_neither_resized_nor_published(
    tmp_path: Path,
) -> None:
    files: dict[str, str | bytes] = {
        "articles/shown.md": article(
            "Shown", image={"src": "images/shown.jpg", "alt": "S"}, authors=["jdoe"]
        ),
        "articles/draft.md": article(
            "Draft", draft=True, image={"src": "images/draft.jpg", "alt": "D"},
            body="![The logo](/images/logo.png) and ![shared](/images/shown.jpg)",
        ),
        "articles/later.md": article(
            "Later", "2099-01-01T10:00:00Z", image={"src": "images/later.jpg", "alt": "L"}
        ),
        "articles/old.md": article(
            "Old", body="![A chart](../../../../images/chart.png)"  # a relative link
        ),
        "articles/gone.md": article(
            "Gone", expires="2024-05-10T00:00:00Z",
            body="![chart](/images/chart.png) ![face](/images/face.png)",
        ),
        "about.md": "# About\n\n![Our logo](images/logo.png)\n",
        "images/chart.png": TRANSPARENT,
        "images/face.png": TRANSPARENT,  # an author's avatar
        "images/shown.jpg": TINY,
        "images/draft.jpg": photo(320, 200, seed=20),
        "images/later.jpg": photo(320, 200, seed=21),
        "images/logo.png": TRANSPARENT,
        "images/loose.jpg": photo(320, 200, seed=22),  # used by no article: MkDocs' file
    }  # fmt: skip
    authors = "jdoe: {name: Jane Doe, avatar: images/face.png}\n"
    site = build_site(tmp_path, files, authors=authors)
    assert site.warnings == []
    published = {p.name for p in (site.site_dir / "images").iterdir()}
    assert published == {"shown.jpg", "logo.png", "loose.jpg", "chart.png", "face.png"}
    assert [line.split(" into")[0] for line in _resized(site)] == [
        "newsroom: resized 1 lead image",
        "newsroom: resized 1 author's photo",  # the photo of the author of a published story
    ]
    copies = {p.name.split("-")[0] for p in (site.site_dir / "pictures").iterdir()}
    assert copies == {"shown", "face"}


def test_a_held_back_articles_picture_is_published_only_if_named_whole_by_a_published_page(
    tmp_path: Path,
) -> None:
    """`icon.png` is not named by Material's `favicon.png` nor by a story's, `a.png` by a
    page's `data.png`, `emb.png` by `emb.png.bak`; a page MkDocs leaves out (`exclude_docs`)
    names nothing. A page's `my%20pic.png`, a template of the theme's folder and a web
    manifest do name theirs. A second name a published story uses is its own: published."""
    held = ["icon", "a", "emb", "private", "banana", "my pic", "hero", "icon-192", "heldlink"]
    files: dict[str, str | bytes] = {
        "articles/draft.md": article(
            "Draft", draft=True, body=" ".join(f"![x](/images/{n}.png)" for n in held)
        ),
        "articles/shown.md": article(
            "Shown", "2024-05-02T10:00:00Z", body="A new favicon.png, and ![s](/images/alias.png)"
        ),
        "about.md": "# About\n\nA data.png file, emb.png.bak, ![b](images/banana.png), "
        "![m](images/my%20pic.png).\n",
        "private/notes.md": "# Notes\n\n![p](../images/private.png)\n",
        "site.webmanifest": '{"icons": [{"src": "/images/icon-192.png"}]}',
        **{f"images/{name}.png": TRANSPARENT for name in held},
    }  # fmt: skip
    root = tmp_path
    (root / "overrides").mkdir(parents=True)
    (root / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}{% block announce %}<img src="/images/hero.png">{% endblock %}',
        encoding="utf-8",
    )
    theme = {"name": "material", "font": False, "custom_dir": "overrides"}
    write_site(root, files, config={"exclude_docs": "private/\n", "theme": theme})
    (root / "content" / "images" / "alias.png").symlink_to(root / "content/images/heldlink.png")
    site = build_site(root, {}, config={"exclude_docs": "private/\n", "theme": theme})
    assert site.warnings == []
    published = {p.name for p in (site.site_dir / "images").iterdir()}
    assert published == {"banana.png", "my pic.png", "hero.png", "icon-192.png", "alias.png"}


def test_a_picture_only_held_back_copy_shows_by_any_address_is_not_published(
    tmp_path: Path,
) -> None:
    """A draft may show its picture by the site's own address (the site's URL, in any
    spelling) or as its lead image by that address; a page held back by its front
    matter, by `draft_docs` or by `exclude_docs` shows one too: what only held-back copy shows
    is left out, under `--dirty` too, unless something published shows it, by any address."""
    files: dict[str, str | bytes] = {
        "articles/draft.md": article(
            "Draft", draft=True,
            image={"src": "https://news.example.org/images/lead.png", "alt": "L"},
            body="![a](https://news.example.org/images/absolute.png) "
            "![p](HTTP://NEWS.example.org/images/protocol.png) ![b](/images/both.png)",
        ),
        "articles/shown.md": article(
            "Shown", "2024-05-02T10:00:00Z", body="![b](https://news.example.org/images/both.png)"
        ),
        "desk/held.md": "---\ndraft: true\n---\n# Held\n\n![h](/images/page-held.png)\n",
        "desk/_draft.md": "# Draft page\n\n![d](../images/draft-docs.png)\n",
        "private/notes.md": "# Notes\n\n![x](../images/excluded.png)\n",
        "about.md": "# About\n\n![s](images/shared.png)\n",
        "desk/other.md": "---\ndraft: true\n---\n# Held\n\n![s](../images/shared.png)\n",
        **{
            f"images/{name}.png": TRANSPARENT
            for name in (
                "lead", "absolute", "protocol", "both", "page-held", "draft-docs", "excluded",
                "shared", "loose",
            )
        },
    }  # fmt: skip
    config = {"exclude_docs": "private/\n", "draft_docs": "_*.md\n"}
    kept = {"both.png", "shared.png", "loose.png"}
    site = build_site(tmp_path, files, config=config)
    assert {p.name for p in (site.site_dir / "images").iterdir()} == kept
    assert [w for w in site.warnings if "images/" in w] == []
    for name in ("lead", "absolute", "page-held", "excluded"):  # from an earlier build
        (site.site_dir / "images" / f"{name}.png").write_bytes(TRANSPARENT)
    dirty = run(tmp_path, "mkdocs", "build", "--dirty")
    assert dirty.returncode == 0, dirty.stderr
    assert {p.name for p in (site.site_dir / "images").iterdir()} == kept


# --- What cannot be resized --------------------------------------------------------------

BROKEN = {
    "garbage": ("images/garbage.jpg", b"GIF89a but not really a picture " * 40),
    "cut": ("images/cut.jpg", photo(800, 600, quality=95)[:6000]),
    "claims-100-million": ("images/claims.png", claimed_png(10_000, 10_000)),
    "bomb": ("images/bomb.png", claimed_png(60_000, 60_000)),
}


def _broken_files() -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {}
    for number, (slug, (path, data)) in enumerate(BROKEN.items(), 1):
        image = {"src": path, "alt": slug}
        files[f"articles/{slug}.md"] = article(slug, f"2024-05-0{number}T10:00:00Z", image=image)
        files[path] = data
    return files


# why each picture of BROKEN cannot be resized, as a pattern of the warning's words
WHY = {
    "garbage": re.escape("it is not a JPEG, PNG or WebP picture, or it is damaged"),
    "cut": r"it is damaged or cut short \(image file is truncated \(\d+ bytes not processed\)\)",
    "claims-100-million": re.escape(
        "it is 10000 × 10000 pixels (100 million), more than the 90 million Newsroom opens "
        "(picture_max_pixels, a guard against decompression bombs); make it smaller"
    ),
    "bomb": re.escape(
        "it claims more pixels than Pillow opens at all, the mark of a decompression bomb; "
        "check the file"
    ),
}


def test_a_broken_cut_short_or_enormous_image_is_a_warning_and_published_as_it_is(
    tmp_path: Path,
) -> None:
    site = build_site(tmp_path, _broken_files())
    assert len(site.warnings) == len(BROKEN), site.warnings
    for slug, (path, data) in BROKEN.items():
        (warning,) = [line for line in site.warnings if f"/{slug}.md" in line]
        said = re.escape(f"newsroom: articles/{slug}.md: the lead image {path} could not be ")
        said += f"resized: {WHY[slug]}; it is published as it is"
        assert re.fullmatch(said, warning), warning
        assert (site.site_dir / path).read_bytes() == data  # published as it is
    assert not any("Traceback" in line for line in site.warnings + site.infos)
    assert site.summary == "newsroom: published 4 articles, skipped 0"
    for number, (slug, (path, _data)) in enumerate(BROKEN.items(), 1):
        figure = site.dom(f"2024/05/0{number}/{slug}/").css_first("figure")
        assert figure.css("picture") == []
        assert figure.css_first("img").attributes["src"] == f"/{path}"
    assert not (site.site_dir / "pictures").exists()
    # offered to social sites, search engines and feed readers only where its size can be
    # read: not what is no picture, nor a bomb's billions of pixels
    feeds = (site.site_dir / "feed.xml").read_text("utf-8")
    feeds += (site.site_dir / "feed.json").read_text("utf-8")
    for number, (slug, (path, _data)) in enumerate(BROKEN.items(), 1):
        page = site.html(f"2024/05/0{number}/{slug}/")
        offered = slug in ("cut", "claims-100-million")
        address = f"https://news.example.org/{path}"
        assert (f'property="og:image" content="{address}"' in page) is offered, slug
        assert (f'"url":"{address}"' in page) is offered, slug
        assert (address in feeds) is offered, slug
    with pytest.raises(Abort):
        build_site(tmp_path / "strict", _broken_files(), strict=True)


def test_a_picture_larger_than_the_limit_set_is_published_as_it_is(tmp_path: Path) -> None:
    files = {"articles/a.md": article(image={"src": "p.jpg", "alt": "A"}), "p.jpg": PHOTO}
    site = build_site(tmp_path, files, plugin={"picture_max_pixels": 2_000_000})
    assert site.warnings == [
        "newsroom: articles/a.md: the lead image p.jpg could not be resized: it is 2400 × 1600 "
        "pixels (4 million), more than the 2 million Newsroom opens (picture_max_pixels, a "
        "guard against decompression bombs); make it smaller; it is published as it is"
    ]


def test_a_fault_while_resizing_one_picture_is_a_warning_and_the_build_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs_newsroom.outputs.pictures import making

    def failing(data: bytes, *args: object) -> object:
        raise RuntimeError("encoder error -2\nwhile writing")

    monkeypatch.setattr(making, "resize", failing)
    files = {
        "articles/a.md": article(image={"src": "p.jpg", "alt": "A"}),
        "articles/b.md": article("B", "2024-05-02T10:00:00Z"),
        "p.jpg": TINY,
    }
    site = build_site(tmp_path, files, plugin={"processes": 1})
    assert site.warnings == [
        "newsroom: articles/a.md: the lead image p.jpg could not be resized: Pillow failed on "
        "it (RuntimeError: encoder error -2 while writing); it is published as it is"
    ]
    assert site.summary == "newsroom: published 2 articles, skipped 0"
    assert not (tmp_path / ".cache" / "newsroom" / "pictures").exists()  # nothing remembered


# --- The cache ------------------------------------------------------------------------------


def _resized(site: Site) -> list[str]:
    return [line for line in site.infos if line.startswith("newsroom: resized")]


def _cache_state(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*")}


def test_a_rebuild_resizes_only_pictures_the_cache_does_not_hold(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "articles/a.md": article("With a photo", image={"src": "images/p.jpg", "alt": "A"}),
        "articles/b.md": article("Without", "2024-05-02T10:00:00Z"),
        "images/p.jpg": PHOTO,
    }
    first = build_site(tmp_path, files)
    cache = tmp_path / ".cache" / "newsroom" / "pictures"
    assert _resized(first) == [
        # 3 widths in 3 formats, the JPEG for sharing and its 16:9, 4:3 and 1:1 crops
        f"newsroom: resized 1 lead image into 13 files, kept in {cache} for the next builds"
    ]
    before = _cache_state(cache)
    copies = {p.name: p.read_bytes() for p in (first.site_dir / "pictures").iterdir()}
    # an unrelated edit, and the same photograph under another name in another story
    files["articles/b.md"] = article("Without, edited", "2024-05-02T10:00:00Z")
    files["articles/c.md"] = article(
        "Same photo", "2024-05-03T10:00:00Z", image={"src": "images/again.jpg", "alt": "C"}
    )
    files["images/again.jpg"] = PHOTO
    second = build_site(tmp_path, files)
    assert _resized(second) == []
    assert _cache_state(cache) == before  # nothing written, nothing added
    again = {p.name: p.read_bytes() for p in (second.site_dir / "pictures").iterdir()}
    assert {name: data for name, data in again.items() if name.startswith("p-")} == copies
    assert sorted(data for name, data in again.items() if name.startswith("again-")) == sorted(
        copies.values()
    )
    files["images/p.jpg"] = photo(2400, 1600, quality=90, seed=99)  # a new photograph
    third = build_site(tmp_path, files)
    assert len(_resized(third)) == 1
    new = {p.name for p in (third.site_dir / "pictures").iterdir() if p.name.startswith("p-")}
    assert new and not new & copies.keys()  # new copies, new URLs


def _types(site: Site, page: str) -> list[str]:
    return [node.attributes["type"] or "" for node in site.dom(page).css("figure source")]


def test_the_cache_follows_the_formats_written_not_their_order_nor_the_pixel_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs_newsroom.outputs.pictures import making

    files = {"articles/a.md": article(image={"src": "p.jpg", "alt": "A"}), "p.jpg": TINY}
    page = "2024/05/01/a-headline/"
    with monkeypatch.context() as without_avif:  # a Pillow that cannot write AVIF
        without_avif.setattr(making, "writable", lambda kinds: tuple(set(kinds) - {"avif"}))
        first = build_site(tmp_path, files)
    assert _types(first, page) == ["image/webp"]
    second = build_site(tmp_path, files)  # AVIF support installed since
    assert (len(_resized(second)), _types(second, page)) == (1, ["image/avif", "image/webp"])
    plugin = {"picture_formats": ["webp", "avif"], "picture_max_pixels": 50_000_000}
    third = build_site(tmp_path, files, plugin=plugin)
    assert (_resized(third), _types(third, page)) == ([], ["image/webp", "image/avif"])


@pytest.mark.parametrize(
    "fault", [MemoryError(), OSError("could not create decoder object")], ids=["memory", "decoder"]
)
def test_a_build_short_of_memory_is_not_remembered_as_a_damaged_picture(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fault: Exception
) -> None:
    from PIL import ImageFile

    files = {"articles/a.md": article(image={"src": "p.jpg", "alt": "A"}), "p.jpg": TINY}
    with monkeypatch.context() as short:
        short.setattr(ImageFile.ImageFile, "load", lambda self: (_ for _ in ()).throw(fault))
        first = build_site(tmp_path, files, plugin={"processes": 1})
    assert first.warnings == [
        "newsroom: articles/a.md: the lead image p.jpg could not be resized: the build ran "
        "short of memory while opening it (it is tried again at the next build; build with "
        "fewer processes, or on a machine with more memory); it is published as it is"
    ]
    second = build_site(tmp_path, files, plugin={"processes": 1})
    assert (second.warnings, len(_resized(second))) == ([], 1)


def test_what_the_cache_says_is_checked_before_it_is_published(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the site", encoding="utf-8")
    files = {"articles/a.md": article(image={"src": "p.jpg", "alt": "A"}), "p.jpg": TINY}
    first = build_site(tmp_path, files)
    copies = len(list((first.site_dir / "pictures").iterdir()))
    (manifest,) = (tmp_path / ".cache").rglob("picture.json")
    honest = manifest.read_text(encoding="utf-8")
    for lie in ("../../../../../secret.txt", "/etc/hostname"):
        data = json.loads(honest)
        data["screens"][0]["name"] = lie
        data["screens"][1]["width"] = 99_999
        manifest.chmod(0o644)
        manifest.write_text(json.dumps(data), encoding="utf-8")
        site = build_site(tmp_path, files)
        assert (site.warnings, len(_resized(site))) == ([], 1)  # made again
        published = [p.read_bytes() for p in (site.site_dir / "pictures").iterdir()]
        assert b"not for the site" not in published and len(published) == copies
        assert "99999w" not in site.html("2024/05/01/a-headline/")
        assert json.loads(manifest.read_text(encoding="utf-8")) == json.loads(honest)


def test_the_cached_copies_are_read_only_so_the_site_cannot_change_them(tmp_path: Path) -> None:
    files = {"articles/a.md": article(image={"src": "p.jpg", "alt": "A"}), "p.jpg": TINY}
    site = build_site(tmp_path, files)
    pictures = tmp_path / ".cache" / "newsroom" / "pictures"  # beside it, compiled templates
    cached = [p for p in pictures.rglob("*") if p.is_file()]
    assert cached and all(p.stat().st_mode & 0o777 == 0o444 for p in cached)
    for copy in (site.site_dir / "pictures").iterdir():  # hard links to them
        assert copy.stat().st_mode & 0o222 == 0
    assert not [p for p in (tmp_path / ".cache").rglob("*.tmp")]


def test_a_failed_write_into_the_cache_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs_newsroom.outputs.pictures.store import PictureStore, Stored

    def full(self: Path, target: Path) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", full)
    store = PictureStore(tmp_path / "pictures")
    with pytest.raises(OSError, match="No space left"):
        store.save("ab" * 20, Stored(problem="it is damaged"))
    assert [p.name for p in (tmp_path / "pictures").rglob("*") if p.is_file()] == []


def test_the_cache_goes_where_newsroom_cache_dir_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSROOM_CACHE_DIR", str(tmp_path / "elsewhere"))
    files = {"articles/a.md": article(image={"src": "p.png", "alt": "A"}), "p.png": TRANSPARENT}
    site = build_site(tmp_path / "site", files, plugin={"picture_cache_dir": "ignored"})
    assert _resized(site)
    assert len(list((tmp_path / "elsewhere" / "pictures").rglob("picture.json"))) == 1
    assert not (tmp_path / "site" / "ignored").exists()
    assert not (tmp_path / "site" / ".cache").exists()


def test_the_cache_may_not_be_inside_the_content_or_the_site_folder(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    files = {"articles/a.md": article()}
    for folder, option in (("content/.cache", "docs_dir"), ("site", "site_dir")):
        caplog.clear()
        with pytest.raises(Abort):
            build_site(tmp_path / option, files, plugin={"picture_cache_dir": folder})
        cache = tmp_path / option / folder / "pictures"
        inside = tmp_path / option / folder.split("/")[0]
        assert (
            f"newsroom: the picture cache {cache} is inside {option} ({inside}); set "
            "picture_cache_dir (or NEWSROOM_CACHE_DIR) to a folder outside it, such as "
            ".cache/newsroom"
        ) in caplog.text
    off = {"picture_cache_dir": "site", "pictures": False}
    assert build_site(tmp_path / "off", files, plugin=off).warnings == []


@pytest.mark.parametrize("dirty", [False, True], ids=["serve", "serve --dirty"])
def test_a_preview_resizes_a_picture_once_and_follows_its_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dirty: bool
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1717200000")
    content = tmp_path / "content"
    write_tree(
        content,
        {
            "articles/a.md": article("Photo", image={"src": "images/p.jpg", "alt": "A"}),
            "articles/b.md": article("Other", "2024-05-02T10:00:00Z"),
            "images/p.jpg": PHOTO,
        },
    )
    settings = {
        "site_name": "Preview Gazette",
        "site_url": "https://news.example.org/",
        "docs_dir": "content",
        "theme": {"name": "material", "font": False},
        "plugins": ["search", {"newsroom": {}}],
    }
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    live = Server(tmp_path, "live", dirty)
    pictures = tmp_path / "live" / "pictures"
    live.start()
    try:
        assert sum(line.startswith("newsroom: resized 1 ") for line in live.rebuild()) == 1
        first = _tree(pictures)
        assert len(first) == 13  # 3 widths in 3 formats, a JPEG to share and its 3 crops
        edited = article("Other", "2024-05-02T10:00:00Z", body="An edited body.")
        (content / "articles" / "b.md").write_text(edited, encoding="utf-8")
        assert not any(line.startswith("newsroom: resized") for line in live.rebuild())
        assert _tree(pictures) == first  # still published, unchanged
        (content / "images" / "p.jpg").write_bytes(photo(2400, 1600, seed=42))
        assert sum(line.startswith("newsroom: resized 1 ") for line in live.rebuild()) == 1
        second = _tree(pictures)
        assert len(second) == 13 and not second.keys() & first.keys()  # the old ones are gone
        page = (tmp_path / "live" / "2024" / "05" / "01" / "photo" / "index.html").read_text()
        assert all(f"pictures/{name}" in page for name in second)
    finally:
        live.stop()
    _build_clean(tmp_path)
    previewed, fresh = _tree(tmp_path / "live"), _tree(tmp_path / "clean")
    assert sorted(previewed) == sorted(fresh)
    assert [path for path in fresh if previewed[path] != fresh[path]] == []


def test_the_feature_can_be_turned_off(tmp_path: Path) -> None:
    files = {"articles/a.md": article(image={"src": "p.jpg", "alt": "A"}), "p.jpg": TINY}
    site = build_site(tmp_path, files, plugin={"pictures": False})
    figure = site.dom("2024/05/01/a-headline/").css_first("figure")
    assert figure.css("picture") == []
    assert figure.css_first("img").attributes["src"] == "/p.jpg"
    assert not (site.site_dir / "pictures").exists()
    assert not (tmp_path / ".cache" / "newsroom" / "pictures").exists()
    with Image.open(io.BytesIO(TINY)) as tiny:
        assert tiny.size == (300, 200)


# --- Shared among the build's processes -----------------------------------------------------


def pictures_resized_in_workers() -> dict[str, object]:
    """Run by `test_each_picture_is_resized_once_by_the_build_s_processes` in a new
    interpreter (no thread of another test runs there, so the build may fork): a build with
    `processes: 2` of six photographs, noting which process resizes which picture."""
    import hashlib
    import os
    import tempfile

    from mkdocs_newsroom.outputs.pictures import making

    root = Path(tempfile.mkdtemp())
    calls = root / "calls"
    calls.mkdir()
    resize = making.resize

    def noted(data: bytes, *args: object) -> object:
        with (calls / str(os.getpid())).open("a", encoding="utf-8") as log:
            log.write(hashlib.sha256(data).hexdigest() + "\n")
        return resize(data, *args)  # type: ignore[arg-type]

    making.resize = noted  # type: ignore[assignment]
    files: dict[str, str | bytes] = {}
    for number in range(6):
        image = {"src": f"images/{number}.jpg", "alt": "A"}
        files[f"articles/{number}.md"] = article(f"Story {number}", image=image)
        files[f"images/{number}.jpg"] = photo(1000, 700, seed=number)
    site = build_site(root / "site", files, plugin={"processes": 2})
    return {
        "me": os.getpid(),
        "by": {path.name: path.read_text().split() for path in calls.iterdir()},
        "warnings": site.warnings,
        "made": sorted(path.name for path in (site.site_dir / "pictures").iterdir()),
    }


def pictures_with_a_worker_killed() -> dict[str, object]:
    """Run by `test_a_worker_killed_while_resizing_is_a_warning_and_the_build_goes_on` in a
    new interpreter: a build with `processes: 2` of two photographs, whose worker process is
    killed (as the OOM killer does) while it resizes the second."""
    import os
    import signal
    import tempfile

    from mkdocs_newsroom.outputs.pictures import making

    me = os.getpid()
    resize = making.resize

    def killed(data: bytes, *args: object) -> object:
        if os.getpid() != me:
            os.kill(os.getpid(), signal.SIGKILL)
        return resize(data, *args)  # type: ignore[arg-type]

    making.resize = killed  # type: ignore[assignment]
    files: dict[str, str | bytes] = {}
    for number in range(2):
        image = {"src": f"images/{number}.jpg", "alt": "A"}
        files[f"articles/{number}.md"] = article(f"Story {number}", image=image)
        files[f"images/{number}.jpg"] = photo(400, 300, seed=number)
    site = build_site(Path(tempfile.mkdtemp()) / "site", files, plugin={"processes": 2})
    return {
        "warnings": site.warnings,
        "summary": site.summary,
        "made": sorted(path.name for path in (site.site_dir / "pictures").iterdir()),
        "published": sorted(path.name for path in (site.site_dir / "images").iterdir()),
    }


def _in_new_interpreter(function: str) -> dict[str, object]:
    import json
    import os
    import subprocess
    import sys

    from .sites import REPO

    code = (
        "import json\nfrom tests import test_pictures\n"
        f"print(json.dumps(test_pictures.{function}()))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    found: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return found


def test_a_worker_killed_while_resizing_is_a_warning_and_the_build_goes_on() -> None:
    found = _in_new_interpreter("pictures_with_a_worker_killed")
    assert found["warnings"] == [
        "newsroom: articles/1.md: the lead image images/1.jpg could not be resized: the "
        "process resizing it was stopped before it was done (killed, perhaps for want of "
        "memory); it is tried again at the next build; it is published as it is"
    ]
    assert found["summary"] == "newsroom: published 2 articles, skipped 0"
    assert {str(name).split("-")[0] for name in found["made"]} == {"0"}  # type: ignore[union-attr]
    assert found["published"] == ["0.jpg", "1.jpg"]


def test_each_picture_is_resized_once_by_the_build_s_processes() -> None:
    found = _in_new_interpreter("pictures_resized_in_workers")
    assert found["warnings"] == []
    resized = [digest for digests in found["by"].values() for digest in digests]
    assert len(resized) == len(set(resized)) == 6  # each picture once
    assert len(found["by"]) == 2 and str(found["me"]) in found["by"]  # and a worker too
    assert {name.split("-")[0] for name in found["made"]} == {str(n) for n in range(6)}


def test_a_picture_named_with_a_space_or_a_comma_is_linked_percent_encoded(
    tmp_path: Path,
) -> None:
    """A `srcset` is split at spaces and commas: `/images/my small.png 100w` named a file
    'my' with the descriptor 'small.png'."""
    files: dict[str, str | bytes] = {}
    for day, name in enumerate(("my small.png", "c, d.png", "wide photo, 2.jpg"), 1):
        data = photo(1000, 700, seed=day) if name.endswith("jpg") else photo(100, 50, "PNG")
        files[f"images/{name}"] = data
        files[f"articles/p{day}.md"] = article(
            f"P{day}", f"2024-05-0{day}T10:00:00Z", section="world", slug=f"p{day}",
            image={"src": f"images/{name}", "alt": "A picture"},
        )  # fmt: skip
    site = build_site(tmp_path, files)
    pages = [f"2024/05/0{day}/p{day}/" for day in (1, 2, 3)]
    for page in pages:
        dom = site.dom(page)
        links = []
        for element in dom.css("figure img, figure source"):
            links.append(element.attributes.get("src") or "")
            srcset = element.attributes.get("srcset") or ""
            links += [candidate.split()[0] for candidate in srcset.split(",") if srcset]
        for link in filter(None, links):
            assert " " not in link, link
            assert (site.site_dir / unquote(link).lstrip("/")).is_file(), link
    assert vnu_errors([site.file(page) for page in pages]) == []
