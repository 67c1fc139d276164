"""Frames in a story (`<iframe>`: a video player's embed code, pasted as a player gives it):
shown when their site is one `embed_hosts` names and their address https, with what they may
do set by the site (lazy, no camera, microphone or autoplay); any other frame is removed with
one line naming it and saying how to show it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from mkdocs_newsroom.reading.sanitizing import sanitize

from .checkers import vnu_errors
from .sites import Site, article, build_site

YOUTUBE = (
    '<iframe width="560" height="315" src="https://www.youtube.com/embed/abc123?si=Xy&amp;t=5" '
    'title="YouTube video player" frameborder="0" allow="accelerometer; autoplay; '
    'clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" '
    'referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>'
)
VIMEO = (
    '<iframe src="https://player.vimeo.com/video/76979871" width="640" height="360" '
    'allow="autoplay; fullscreen; picture-in-picture" allowfullscreen>Vimeo</iframe>'
)
URL = "2024/05/01/a-story/"
WARNING = (
    "newsroom: articles/a.md: a frame (<iframe>) that is not an https address of a site "
    "embed_hosts names was removed from the story: {}; to show it, write the player's embed "
    "code as it gives it, and have its host (such as www.youtube.com) put in embed_hosts in "
    "mkdocs.yml; or link to it"
)


def frames(site: Site) -> list[dict[str, str | None]]:
    return [frame.attributes for frame in site.dom(URL).css(".nr-body iframe")]


def story_site(root: Path, body: str, **plugin: object) -> Site:
    return build_site(root, {"articles/a.md": article("A story", body=body)}, plugin=plugin)


def test_a_video_players_embed_code_is_shown_with_what_the_site_allows_it(
    tmp_path: Path,
) -> None:
    site = story_site(tmp_path, f"Before.\n\n{YOUTUBE}\n\nBetween.\n\n{VIMEO}\n\nAfter.")
    assert site.warnings == []  # the player's frameborder and allow go without a word
    youtube, vimeo = frames(site)
    assert youtube == {
        "allow": "fullscreen; picture-in-picture; encrypted-media",  # no autoplay, no sensors
        "allowfullscreen": "",
        "height": "315",
        "loading": "lazy",
        "referrerpolicy": "strict-origin-when-cross-origin",
        "src": "https://www.youtube.com/embed/abc123?si=Xy&t=5",
        "title": "YouTube video player",
        "width": "560",
    }
    assert vimeo["src"] == "https://player.vimeo.com/video/76979871"
    assert "Vimeo</iframe>" not in site.html(URL)  # nothing inside a frame
    assert vnu_errors([site.file(URL)]) == []


@pytest.mark.parametrize(
    ("frame", "said"),
    [
        ('<iframe src="https://evil.example/x" width="9"></iframe>', "https://evil.example/x"),
        ('<iframe src="http://www.youtube.com/embed/a"></iframe>', "http://www.youtube.com/embed/a"),
        ('<iframe src="//www.youtube.com/embed/a"></iframe>', "//www.youtube.com/embed/a"),
        ('<iframe src="https://www.youtube.com.evil.example/a"></iframe>', "https://www.youtube.com.evil.example/a"),
        ('<iframe src="https://user@www.youtube.com@evil.example/"></iframe>', "https://user@www.youtube.com@evil.example/"),
        ('<iframe src="javascript:alert(1)"></iframe>', "javascript:alert(1)"),
        ('<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>', "nothing"),
        ("<iframe src='https://evil.example/&#x27;'></iframe>", "https://evil.example/'"),
        # what a browser reads otherwise than Python's parser: another site, the site's own files
        ('<iframe src="https://evil.example\\@www.youtube.com/embed/x"></iframe>', "https://evil.example\\@www.youtube.com/embed/x"),
        ('<iframe src="https://evil.example&#92;@www.youtube.com/x"></iframe>', "https://evil.example\\@www.youtube.com/x"),
        ('<iframe src="&nbsp;https://www.youtube.com/../../404.html"></iframe>', "\xa0https://www.youtube.com/../../404.html"),
        ('<iframe src=" https://www.youtube.com/embed/a"></iframe>', " https://www.youtube.com/embed/a"),
        ('<iframe src="https://www.youtube.com:8443/embed/a"></iframe>', "https://www.youtube.com:8443/embed/a"),
        ('<iframe src="https://www.youtube.com./embed/a"></iframe>', "https://www.youtube.com./embed/a"),
        ('<iframe src="https://www.you&#x9;tube.com/embed/a"></iframe>', "https://www.you\\ttube.com/embed/a"),
    ],
)  # fmt: skip
def test_a_frame_of_another_site_is_removed_with_one_line_naming_it(
    tmp_path: Path, frame: str, said: str
) -> None:
    site = story_site(tmp_path, f"Before.\n\n{frame}\n\nAfter.")
    assert site.warnings == [WARNING.format(said)]
    assert frames(site) == []
    assert "Before." in site.html(URL) and "After." in site.html(URL)


def test_what_a_frame_may_do_is_the_sites_to_say(tmp_path: Path) -> None:
    frame = (
        '<iframe src="https://www.youtube.com/embed/a" srcdoc="<b>x</b>" onload="alert(1)" '
        'sandbox="allow-top-navigation" allow="camera; microphone; geolocation" '
        'style="position:fixed;top:0"></iframe>'
    )
    site = story_site(tmp_path, frame)
    (shown,) = frames(site)
    assert shown["src"] == "https://www.youtube.com/embed/a"
    assert "camera" not in (shown["allow"] or "")
    assert {"srcdoc", "onload", "sandbox"}.isdisjoint(shown)
    assert "position" not in (shown.get("style") or "")  # no frame laid over the page
    (warning,) = site.warnings
    assert "'srcdoc' on <iframe>, 'onload' on <iframe>" in warning


def test_embed_hosts_name_the_sites_and_an_empty_list_shows_none(tmp_path: Path) -> None:
    body = f'{YOUTUBE}\n\n<iframe src="https://Video.Example.ORG/v/1"></iframe>'
    mine = story_site(tmp_path / "mine", body, embed_hosts=["video.example.org"])
    assert [frame["src"] for frame in frames(mine)] == ["https://Video.Example.ORG/v/1"]
    assert mine.warnings == [WARNING.format("https://www.youtube.com/embed/abc123?si=Xy&t=5")]
    none = story_site(tmp_path / "none", YOUTUBE, embed_hosts=[])
    assert frames(none) == []
    assert none.warnings == [WARNING.format("https://www.youtube.com/embed/abc123?si=Xy&t=5")]


@pytest.mark.parametrize("host", ["https://www.youtube.com/", "*.youtube.com", "", "you tube"])
def test_an_embed_host_that_is_no_host_name_stops_the_build_with_one_line(
    tmp_path: Path, host: str, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(Abort):
        story_site(tmp_path, YOUTUBE, embed_hosts=[host])
    said = [r.getMessage() for r in caplog.records if "embed_hosts" in r.getMessage()]
    assert said and f"not {host!r}" in said[0], said


def test_the_frames_markup_is_the_same_in_every_process() -> None:
    """The sanitizer sets the site's attributes in an order of its own, which changed from
    one process to the next: a page must come out byte for byte the same every build."""
    code = (
        "from mkdocs_newsroom.reading.sanitizing import sanitize\n"
        f"print(sanitize({YOUTUBE!r}, frozenset({{'www.youtube.com'}}))[0])"
    )
    made = {
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        for _ in range(6)
    }
    assert len(made) == 1, made
    assert made == {sanitize(YOUTUBE, frozenset({"www.youtube.com"}))[0] + "\n"}
    attributes = re.findall(r' ([\w-]+)="', made.pop())
    assert attributes == sorted(attributes)


def test_a_frames_attributes_keep_what_they_hold() -> None:
    frame = (
        '<iframe src="https://www.youtube.com/embed/a?x=>y&amp;b=1" '
        "title='The \"best\" > rest'></iframe>"
    )
    cleaned, said = sanitize(frame, frozenset({"www.youtube.com"}))
    assert said == ()
    assert 'src="https://www.youtube.com/embed/a?x=&gt;y&amp;b=1"' in cleaned
    assert 'title="The &quot;best&quot; &gt; rest"' in cleaned


def test_a_frame_keeps_no_class_id_or_style_and_a_size_within_reason(tmp_path: Path) -> None:
    """Material's classes could lay a frame over the whole page (`md-dialog--active`)."""
    frame = (
        '<iframe src="https://www.youtube.com/embed/a" class="md-dialog md-dialog--active" '
        'id="__search" style="color:red" width="100%" height="100000" '
        'allowfullscreen="camera"></iframe>'
    )
    site = story_site(tmp_path, frame)
    (shown,) = frames(site)
    assert {"class", "id", "style", "width", "height"}.isdisjoint(shown), shown
    assert shown["allowfullscreen"] == ""
    assert vnu_errors([site.file(URL)]) == []
    sized = story_site(
        tmp_path / "sized",
        '<iframe src="https://www.youtube.com/embed/a" width="2000" height="1"></iframe>',
    )
    assert (frames(sized)[0]["width"], frames(sized)[0]["height"]) == ("2000", "1")


def test_the_line_of_frames_removed_is_short(tmp_path: Path) -> None:
    long = "https://evil.example/" + "x" * 200_000
    body = "\n\n".join(
        [f'<iframe src="{long}"></iframe>']
        + [f'<iframe src="https://e{n}.example/"></iframe>' for n in range(300)]
    )
    site = story_site(tmp_path, body)
    (line,) = site.warnings
    assert len(line) < 600, len(line)
    assert "https://evil.example/xxxxxxxx" in line and "and 298 more" in line
