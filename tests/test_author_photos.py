"""Authors' photos (`avatar` in authors.yml) are shown from copies the width of their circle
(96 CSS pixels on the author's page, 40 in the index of authors, twice that for dense
screens), in the lead images' formats: not a portrait of megabytes for a circle of 40 pixels.
A photo the build cannot resize, an SVG or an address elsewhere is shown as given."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from mkdocs_newsroom.outputs.pictures.recipe import AVATAR_WIDTHS

from .browser import chromium, serve_dir
from .checkers import structured_data
from .commands import newsroom
from .sites import Site, article, build_site, photo

PORTRAIT = photo(1600, 2000, quality=92, seed=3)
AUTHORS = """\
jdoe: {name: Jane Doe, avatar: images/jane.jpg}
asmith: {name: Ali Smith, avatar: /images/ali.svg}
remote: {name: Remote Desk, avatar: "https://example.org/desk.png"}
broken: {name: Bea Broken, avatar: images/bad.png}
"""
BYLINES = ["jdoe", "asmith", "remote", "broken"]


def photo_site(root: Path, *, pictures: bool = True) -> Site:
    files: dict[str, str | bytes] = {
        "articles/a.md": article("A story", authors=BYLINES),
        "images/jane.jpg": PORTRAIT,
        "images/ali.svg": "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>",
        "images/bad.png": b"\x89PNG\r\n\x1a\nnot a picture after all",
    }
    plugin = {"picture_cache_dir": str(root / "cache"), "pictures": pictures}
    return build_site(root, files, authors=AUTHORS, plugin=plugin)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return photo_site(tmp_path_factory.mktemp("photos"))


@pytest.mark.parametrize(("url", "size"), [("authors/jdoe/", "96px"), ("authors/", "40px")])
def test_a_photo_is_shown_from_copies_as_wide_as_its_circle(
    site: Site, url: str, size: str
) -> None:
    picture = site.dom(url).css_first("picture")
    assert picture is not None, url
    img = picture.css_first("img")
    box = "96" if size == "96px" else "40"
    assert (img.attributes["width"], img.attributes["height"]) == (box, box)
    kinds = [source.attributes["type"] for source in picture.css("source")]
    assert set(kinds) <= {"image/avif", "image/webp"} and "image/webp" in kinds
    for srcset, sizes in [
        *((s.attributes["srcset"], s.attributes["sizes"]) for s in picture.css("source")),
        (img.attributes["srcset"], img.attributes["sizes"]),
    ]:
        assert sizes == size
        candidates = [candidate.split(" ") for candidate in (srcset or "").split(", ")]
        assert [int(width.removesuffix("w")) for _path, width in candidates] == list(AVATAR_WIDTHS)
        for path, width in candidates:
            with Image.open(site.file(path)) as copy:
                assert copy.width == int(width[:-1])  # no wider than the circle needs
                assert copy.height == round(copy.width * 2000 / 1600)  # not distorted
                assert not copy.getexif()
            assert site.file(path).stat().st_size < len(PORTRAIT) / 10


def test_the_original_is_still_published_as_it_is(site: Site) -> None:
    assert site.file("images/jane.jpg").read_bytes() == PORTRAIT


def test_a_photo_it_makes_no_copies_of_is_shown_as_given(site: Site) -> None:
    expected = {
        "asmith": "/images/ali.svg",
        "remote": "https://example.org/desk.png",
        "broken": "/images/bad.png",
    }
    for key, src in expected.items():
        page = site.dom(f"authors/{key}/")
        assert page.css("picture") == [], key
        img = page.css_first("img.nr-author__avatar")
        assert img.attributes["src"] == src, key
        assert (img.attributes["width"], img.attributes["height"]) == ("96", "96")
    index = site.dom("authors/")
    shown = {img.attributes["src"] for img in index.css("img.nr-author-index__avatar")}
    assert set(expected.values()) < shown  # and Jane's copy


def test_the_build_says_what_it_resized_and_what_it_could_not(site: Site) -> None:
    assert [line for line in site.infos if "author's photo" in line] == [
        f"newsroom: resized 1 author's photo into {2 * len(_kinds(site))} files, kept in "
        f"{site.root / 'cache' / 'pictures'} for the next builds"
    ]
    assert site.warnings == [
        "newsroom: authors.yml: author 'broken': the photo images/bad.png could not be "
        "resized: it is not a JPEG, PNG or WebP picture, or it is damaged; it is published as it "
        "is"
    ]


def _kinds(site: Site) -> set[str]:
    page = site.dom("authors/jdoe/")
    return {"image/jpeg", *(source.attributes["type"] or "" for source in page.css("source"))}


def test_a_second_build_takes_the_copies_from_the_cache(tmp_path: Path) -> None:
    photo_site(tmp_path)
    again = photo_site(tmp_path)
    assert [line for line in again.infos if "resized" in line] == []
    assert again.dom("authors/jdoe/").css_first("picture") is not None


def test_with_pictures_off_the_photo_is_shown_as_given(tmp_path: Path) -> None:
    site = photo_site(tmp_path, pictures=False)
    img = site.dom("authors/jdoe/").css_first("img.nr-author__avatar")
    assert img.attributes["src"] == "/images/jane.jpg"
    assert not (site.site_dir / "pictures").exists()


def test_newsroom_check_finds_a_photo_that_cannot_be_resized(tmp_path: Path) -> None:
    photo_site(tmp_path)
    checked = newsroom(tmp_path, "check")
    assert checked.returncode == 1, checked.stdout + checked.stderr
    said = "authors.yml: author 'broken': the photo images/bad.png could not be resized"
    assert [line for line in checked.stdout.splitlines() if said in line] != [], checked.stdout


LANDSCAPE = photo(1600, 1200, quality=92, seed=7)


def test_a_landscape_photo_covers_its_circle_sharply(tmp_path: Path) -> None:
    """The circle shows the middle of a photo wider than high (`object-fit: cover`): the
    copies' shorter side is as long as the circle is wide, and `sizes` says how wide the
    photo is shown, so that a screen of two pixels to the point takes a copy twice as high
    as the circle."""
    authors = "jdoe: {name: Jane Doe, avatar: images/wide.jpg}\n"
    files = {"articles/a.md": article("A story", authors=["jdoe"]), "images/wide.jpg": LANDSCAPE}
    site = build_site(tmp_path, files, authors=authors)  # type: ignore[arg-type]
    for url, sizes in (("authors/jdoe/", "128px"), ("authors/", "54px")):  # 96 and 40 x 4/3
        img = site.dom(url).css_first("picture img")
        assert img.attributes["sizes"] == sizes, url
        srcset = img.attributes["srcset"] or ""
        heights = [Image.open(site.file(c.split(" ")[0])).size for c in srcset.split(", ")]
        assert heights == [(128, 96), (256, 192)], url
    with serve_dir(site.site_dir) as base, chromium() as browser:
        context = browser.new_context(
            device_scale_factor=2, viewport={"width": 1280, "height": 800}
        )
        page = context.new_page()
        page.goto(base + "authors/jdoe/", wait_until="networkidle")
        shown = page.eval_on_selector(
            ".nr-author__avatar", "img => [img.getBoundingClientRect().height, img.currentSrc]"
        )
        assert shown[0] == 96 and "-256x192." in shown[1], shown  # 192 pixels for 96 points
        box = page.eval_on_selector(".nr-author picture", "p => p.getBoundingClientRect().height")
        assert box == 96  # the <picture> is the circle's box, not a line of text around it
        context.close()


def test_the_profiles_structured_data_names_a_copy_not_the_cameras_file(site: Site) -> None:
    """The copies carry none of the file's metadata (a camera's GPS position), and a photo
    kept in the articles folder is published only as its copies."""
    (profile,) = [
        d
        for d in structured_data(site.html("authors/jdoe/"))["json-ld"]
        if "ProfilePage" in str(d.get("@type"))
    ]
    image = json.dumps(profile)
    assert "https://news.example.org/pictures/jane-" in image and "-192x240.jpg" in image


def test_a_photo_of_draft_docs_is_neither_resized_nor_published(tmp_path: Path) -> None:
    authors = "jdoe: {name: Jane Doe, avatar: staff/jane.jpg}\n"
    files = {
        "articles/a.md": article(
            "A story", authors=["jdoe"], image={"src": "staff/lead.jpg", "alt": "L"}
        ),
        "staff/jane.jpg": PORTRAIT,
        "staff/lead.jpg": LANDSCAPE,
    }
    site = build_site(tmp_path, files, authors=authors, config={"draft_docs": "staff/\n"})  # type: ignore[arg-type]
    assert not (site.site_dir / "staff").exists()
    assert not (site.site_dir / "pictures").exists()
    assert [line for line in site.infos if "resized" in line] == []
