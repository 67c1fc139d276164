"""The schedule does not rebuild a quiet site: every build records when it was made and from
which commit (newsroom-build.json); `newsroom due` reads the deployed record, works out from the
commit's articles when that build's pages would change next, and says whether a run must build.
The published record tells nobody when a held-back story goes out or comes down. Fixed clocks
throughout, including a run that GitHub starts half an hour late."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from mkdocs_newsroom.catalogue.publishing import Catalogue, next_publishing_change
from mkdocs_newsroom.cli.due import due_now
from mkdocs_newsroom.cli.workspace import Workspace, open_workspace
from mkdocs_newsroom.model import Article, Correction
from mkdocs_newsroom.outputs.build_record import BuildRecord, decide, next_change
from mkdocs_newsroom.reading.bodies import MarkdownRenderer

from .commands import BIN, ENV, serving_folder
from .sites import article, build_site, epoch

T0 = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)  # a scheduled run's start
DEPLOYED = "4f2a9c0d1e2b3a4f5e6d7c8b9a0f1e2d3c4b5a69"


def _record(commit: str = DEPLOYED) -> BuildRecord:
    return BuildRecord(T0, commit, "newsroom test")


def _changing_at(moment: datetime | None) -> Callable[[datetime], datetime | None]:
    """What `newsroom due` works out from the articles: here, `moment` after a build at T0."""

    def change_after(built: datetime) -> datetime | None:
        assert built == T0  # the deployed build's time, not the run's
        return moment

    return change_after


def _not_asked(built: datetime) -> datetime | None:
    raise AssertionError("the articles were read for a run that builds anyway")


def test_a_quiet_site_is_not_built_again() -> None:
    later = T0 + timedelta(minutes=15)
    decision = decide(_record(), DEPLOYED, later, _changing_at(T0 + timedelta(hours=3)))
    assert not decision.build
    assert "next change is at 2026-12-01T13:00:00+00:00" in decision.reason
    assert not decide(_record(), DEPLOYED, T0 + timedelta(days=30), _changing_at(None)).build


def test_a_new_commit_is_built_without_reading_the_articles() -> None:
    decision = decide(_record(), "9" * 40, T0 + timedelta(minutes=15), _not_asked)
    assert decision.build
    assert decision.reason == "commit 999999999999 is not deployed yet (4f2a9c0d1e2b is)"
    assert decide(_record(commit=""), DEPLOYED, T0, _not_asked).build  # it knew no commit


def test_a_new_address_is_built_without_reading_the_articles() -> None:
    """A custom domain set in the repository's Pages settings, no new commit: every page's
    canonical address and every feed's links would stay the old ones until the next push."""
    record = BuildRecord(T0, DEPLOYED, "newsroom test", "https://owner.github.io/news/")
    later = T0 + timedelta(minutes=15)
    moved = decide(record, DEPLOYED, later, _not_asked, "https://news.example.org/")
    assert moved.build
    assert moved.reason == (
        "the site's address is https://news.example.org/ now, not https://owner.github.io/news/"
    )
    same = decide(record, DEPLOYED, later, _changing_at(None), "https://owner.github.io/news/")
    assert not same.build
    # a record from before the address was recorded names none: nothing to compare
    assert not decide(_record(), DEPLOYED, later, _changing_at(None), "https://x.org/").build


def test_no_record_means_build() -> None:
    assert decide(None, DEPLOYED, T0, _not_asked).build


def test_a_record_dated_after_now_means_build() -> None:
    """A deployed build whose clock ran ahead (or a pinned SOURCE_DATE_EPOCH in the future)
    saw as published what is not due yet, and would never see the changes in between."""
    decision = decide(_record(), DEPLOYED, T0 - timedelta(minutes=1), _not_asked)
    assert decision.build
    assert (
        decision.reason == "the deployed build is dated 2026-12-01T10:00:00+00:00, later than now"
    )


def test_a_story_due_between_two_runs_is_published_by_the_next_even_when_it_starts_late() -> None:
    """Runs are scheduled every 15 minutes; a story is due at 10:07. The 10:00 run finds
    nothing to do; GitHub starts the 10:15 run at 10:46: it builds."""
    record, at_10_07 = _record(), _changing_at(T0 + timedelta(minutes=7))
    assert not decide(record, DEPLOYED, T0, at_10_07).build
    assert not decide(record, DEPLOYED, T0 + timedelta(minutes=6, seconds=59), at_10_07).build
    late = decide(record, DEPLOYED, T0 + timedelta(minutes=46), at_10_07)
    assert late.build
    assert "changes at 2026-12-01T10:07:00+00:00" in late.reason
    assert decide(record, DEPLOYED, T0 + timedelta(minutes=7), at_10_07).build  # on the dot


def test_the_record_reads_back_and_refuses_what_it_is_not() -> None:
    record = _record()
    assert BuildRecord.from_json(record.to_json()) == record
    assert set(json.loads(record.to_json())) == {"format", "generator", "built", "commit", "site"}
    # a record of the first format (deployed before this one) is read; its next change is not
    first = '{"format": 1, "built": "2026-12-01T10:00:00+00:00", "commit": "abc",'
    first += ' "next_change": "2026-12-01T10:07:00+00:00"}'
    assert BuildRecord.from_json(first) == BuildRecord(T0, "abc")
    for text in ("", "[]", '{"format": 3}', '{"format": 2, "built": "2026-12-01T10:00:00"}'):
        with pytest.raises(ValueError):
            BuildRecord.from_json(text)


def test_the_next_change_is_the_first_of_due_expiry_banner_and_news_sitemap() -> None:
    def story(minutes: int, **fields: Any) -> Article:
        return Article(
            f"articles/{minutes}.md",
            "md",
            "A story",
            T0 + timedelta(minutes=minutes),
            "<p>Text.</p>",
            "Text.",
            "Text.",
            1,
            1,
            f"story-{minutes}",
            **fields,
        )

    scheduled = story(30)
    expiring = story(-600, expires=T0 + timedelta(minutes=20))
    draft = story(5, draft=True)
    assert next_publishing_change([scheduled, expiring, draft], T0) == T0 + timedelta(minutes=20)
    assert next_publishing_change([draft], T0) is None
    # what a published story shows once its `updated` or a correction comes due
    updated = story(-600, updated=T0 + timedelta(minutes=12))
    corrected = story(-600, corrections=(Correction(T0 + timedelta(minutes=9), "A name."),))
    assert next_publishing_change([scheduled, updated], T0) == T0 + timedelta(minutes=12)
    assert next_publishing_change([updated, corrected], T0) == T0 + timedelta(minutes=9)
    assert next_publishing_change([updated], T0 + timedelta(minutes=12)) is None

    breaking = story(-60, breaking=True)
    catalogue = Catalogue([breaking], next_publishing_change=T0 + timedelta(hours=9))
    banner_down = T0 + timedelta(hours=5)  # 6 hours after it was published
    assert next_change(catalogue, T0, breaking_hours=6, news_sitemap=False) == banner_down
    old = Catalogue([story(-3 * 24 * 60)], next_publishing_change=None)
    assert next_change(old, T0, breaking_hours=6, news_sitemap=True) is None
    recent = Catalogue([story(-24 * 60)], next_publishing_change=None)
    leaves = T0 + timedelta(days=1)  # out of the news sitemap two days after it was published
    assert next_change(recent, T0, breaking_hours=6, news_sitemap=True) == leaves


def _due(root: Path, at: datetime, *args: str) -> tuple[str, str]:
    env = {**ENV, "SOURCE_DATE_EPOCH": epoch(at), "GITHUB_SHA": DEPLOYED}
    done = subprocess.run(
        [str(BIN / "newsroom"), "due", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return done.stdout.strip(), done.stderr


def _built_at(root: Path, at: datetime, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(at))
    monkeypatch.setenv("GITHUB_SHA", DEPLOYED)
    build_site(
        root,
        {
            "articles/old.md": article("An old story", section="world", authors=["jdoe"]),
            "articles/later.md": article(
                "The story of 10:07",
                date="2026-12-01T10:07:00+00:00",
                section="world",
                authors=["jdoe"],
            ),
        },
        strict=True,
    )


def test_newsroom_due_finds_the_next_change_in_the_commit_s_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _built_at(tmp_path, T0, monkeypatch)
    site = tmp_path / "site"
    recorded = json.loads((site / "newsroom-build.json").read_text(encoding="utf-8"))
    assert recorded == {
        "format": 2,
        "generator": recorded["generator"],
        "built": "2026-12-01T10:00:00+00:00",
        "commit": DEPLOYED,
        "site": "https://news.example.org/",
    }
    assert recorded["generator"].startswith("newsroom ")
    assert not (site / "2026/12/01/the-story-of-10-07/index.html").exists()

    deployed = ("--deployed", str(site))
    quiet, said = _due(tmp_path, T0 + timedelta(minutes=5), *deployed)
    assert quiet == "build=false", said
    assert "no build: nothing has changed since the build deployed at 2026-12-01T10:00" in said
    assert "the next change is at 2026-12-01T10:07:00+00:00" in said
    late, said = _due(tmp_path, T0 + timedelta(minutes=46), *deployed)
    assert late == "build=true", said
    assert "the site changes at 2026-12-01T10:07:00+00:00" in said
    pushed, said = _due(tmp_path, T0 + timedelta(minutes=5), *deployed, "--commit", "1" * 40)
    assert pushed == "build=true", said

    _built_at(tmp_path, T0 + timedelta(minutes=46), monkeypatch)
    assert (site / "2026/12/01/the-story-of-10-07/index.html").is_file()
    after, said = _due(tmp_path, T0 + timedelta(minutes=61), *deployed)
    assert after == "build=false", said
    assert "the next change is at 2026-12-03T10:07:00+00:00" in said  # out of the news sitemap


def test_no_file_of_the_site_tells_when_a_held_back_story_goes_out_or_comes_down(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A scheduled story (an embargo), a story set to expire, a draft and a story whose
    `updated` is still to come: the site, its build record included, holds none of their
    times; `newsroom due` still finds the first."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(T0))
    monkeypatch.setenv("GITHUB_SHA", DEPLOYED)
    site = build_site(
        tmp_path,
        {
            "articles/embargoed.md": article("Results", date="2026-12-01T13:17:00+00:00"),
            "articles/expiring.md": article(
                "Offer", date="2026-11-30T08:00:00+00:00", expires="2026-12-01T15:41:00+00:00"
            ),
            "articles/draft.md": article("Draft", date="2026-12-01T16:29:00+00:00", draft=True),
            "articles/revised.md": article(
                "Revised", date="2026-11-30T09:00:00+00:00", updated="2026-12-01T12:53:00+00:00"
            ),
        },
    )
    assert site.warnings == [
        "newsroom: articles/revised.md: 'updated' (2026-12-01T12:53:00+00:00) is after this "
        "build's moment, so it is not shown until then; correct its date if it is a slip"
    ]  # the build's log is the newsroom's, not the public's
    texts = [
        path.read_bytes().decode("utf-8", "replace")
        for path in site.site_dir.rglob("*")
        if path.is_file()
    ]
    assert any("Offer" in text for text in texts)  # the expiring story is out until then
    moments = [T0.replace(hour=13, minute=17), T0.replace(hour=15, minute=41)]
    moments += [T0.replace(hour=16, minute=29), T0.replace(hour=12, minute=53)]
    for moment in moments:
        for held_back in (moment.strftime("%H:%M"), moment.strftime("T%H"), epoch(moment)):
            assert not [text for text in texts if held_back in text], held_back
    deployed = ("--deployed", str(site.site_dir))
    quiet, said = _due(tmp_path, T0 + timedelta(minutes=5), *deployed)
    assert quiet == "build=false", said
    assert "the next change is at 2026-12-01T12:53:00+00:00" in said
    due, said = _due(tmp_path, T0 + timedelta(hours=2, minutes=53), *deployed)
    assert due == "build=true", said


def test_newsroom_due_reads_the_dates_without_rendering_a_body(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rendering the bodies was two thirds of its time (25 s at 10,000 articles, 8 s without)."""
    _built_at(tmp_path, T0, monkeypatch)
    monkeypatch.chdir(tmp_path)

    def rendered(self: MarkdownRenderer, text: str) -> None:
        raise AssertionError(f"a body was rendered: {text[:40]}")

    monkeypatch.setattr(MarkdownRenderer, "render", rendered)
    assert open_workspace(None).change_after(T0) == T0 + timedelta(minutes=7)


def test_articles_that_cannot_be_read_mean_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _built_at(tmp_path, T0, monkeypatch)
    monkeypatch.chdir(tmp_path)
    workspace = open_workspace(None)

    def unreadable(self: Workspace, built: datetime, say: object = None) -> None:
        raise PermissionError(13, "Permission denied", "content/articles")

    monkeypatch.setattr(Workspace, "change_after", unreadable)
    decision, trouble = due_now(workspace, str(tmp_path / "site"), DEPLOYED)
    assert decision.build and trouble == ""
    assert decision.reason == (
        "the articles could not be read ([Errno 13] Permission denied: 'content/articles')"
    )


def test_newsroom_due_fetches_the_record_from_the_site_url_and_builds_when_it_cannot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _built_at(tmp_path, T0, monkeypatch)
    with serving_folder(tmp_path / "site") as url:
        config = tmp_path / "mkdocs.yml"
        config.write_text(
            config.read_text(encoding="utf-8").replace("https://news.example.org/", url),
            encoding="utf-8",
        )
        moved, said = _due(tmp_path, T0 + timedelta(minutes=5))
        assert moved == "build=true", said  # built for another address than site_url's now
        assert f"the site's address is {url} now, not https://news.example.org/" in said
        record = tmp_path / "site" / "newsroom-build.json"
        record.write_text(record.read_text("utf-8").replace("https://news.example.org/", url))
        quiet, said = _due(tmp_path, T0 + timedelta(minutes=5))
        assert quiet == "build=false", said
        (tmp_path / "site" / "newsroom-build.json").unlink()
        missing, said = _due(tmp_path, T0 + timedelta(minutes=5))
    assert missing == "build=true"
    assert f"newsroom: {url}newsroom-build.json?at=" in said
    assert "could not be fetched (HTTP Error 404" in said
    assert "build: the deployed site has no build record that can be read" in said
    assert "Traceback" not in said


def test_the_build_record_is_free_of_the_machine_s_clock(tmp_path: Path) -> None:
    """Without GITHUB_SHA the record names no commit (so `newsroom due` builds); its time is
    the pinned one."""
    env_sha = os.environ.pop("GITHUB_SHA", None)
    try:
        site = build_site(tmp_path, {"articles/a.md": article("A story")})
    finally:
        if env_sha is not None:
            os.environ["GITHUB_SHA"] = env_sha
    recorded = json.loads((site.site_dir / "newsroom-build.json").read_text(encoding="utf-8"))
    assert recorded["commit"] == ""
    assert recorded["built"] == "2026-11-26T04:30:00+00:00"  # DEMO_NOW


@contextmanager
def _answering(reply: Callable[[socket.socket], None]) -> Iterator[str]:
    """A server on this machine that answers every connection with `reply`; yields its URL."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            with connection:
                connection.recv(65536)
                with suppress(OSError):
                    reply(connection)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/"
    finally:
        stop.set()
        thread.join(timeout=10)
        listener.close()


def _short_body(connection: socket.socket) -> None:
    connection.sendall(b'HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n{"format": 1')


def _not_http(connection: socket.socket) -> None:
    connection.sendall(b"SSH-2.0-OpenSSH_9.6\r\n")


def _deep(connection: socket.socket) -> None:
    body = b"[" * 100_000 + b"]" * 100_000
    head = f"HTTP/1.1 200 OK\r\nContent-Length: {len(body)}\r\n\r\n".encode()
    connection.sendall(head + body)


def _huge(connection: socket.socket) -> None:
    connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 3000000000\r\n\r\n")
    for _ in range(40):  # 40 MB of the 3 GB it announces, then it hangs up
        connection.sendall(b" " * 1_000_000)


def _dripping(connection: socket.socket) -> None:
    for byte in b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n":
        connection.sendall(bytes([byte]))
        time.sleep(1)


@pytest.mark.parametrize(
    ("reply", "said"),
    [
        (_short_body, "IncompleteRead"),
        (_not_http, "SSH-2.0"),
        (_deep, "nested too deep"),
        (_huge, "larger than 1 MB"),
        (_dripping, "no whole answer within 3 s"),
    ],
    ids=["short-body", "not-http", "deep-json", "huge", "dripping"],
)
def test_a_deployed_site_that_answers_badly_means_build(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    reply: Callable[[socket.socket], None],
    said: str,
) -> None:
    _built_at(tmp_path, T0, monkeypatch)
    with _answering(reply) as url:
        started = time.monotonic()
        answer, told = _due(tmp_path, T0, "--deployed", url, "--deadline", "3")
        assert time.monotonic() - started < 30
    assert answer == "build=true", told
    assert said in told and "Traceback" not in told


def _due_fails(root: Path, *args: str, epoch_text: str = "") -> subprocess.CompletedProcess[str]:
    env = {**ENV, "SOURCE_DATE_EPOCH": epoch_text or epoch(T0), "GITHUB_SHA": DEPLOYED}
    command = [str(BIN / "newsroom"), "due", *args]
    return subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=60)


def test_a_deadline_that_is_no_number_of_seconds_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _built_at(tmp_path, T0, monkeypatch)
    for deadline in ("inf", "nan", "1e400", "0", "-3", "soon"):
        done = _due_fails(tmp_path, "--deployed", "http://127.0.0.1:9/", "--deadline", deadline)
        assert done.returncode == 2, done.stderr
        assert (
            f"argument --deadline: {deadline!r} is not a number of seconds above 0" in done.stderr
        )
        assert "Traceback" not in done.stderr and done.stdout == ""


def test_a_record_that_is_not_a_file_is_not_waited_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A named pipe where the record should be would be read forever."""
    _built_at(tmp_path, T0, monkeypatch)
    record = tmp_path / "site" / "newsroom-build.json"
    record.unlink()
    os.mkfifo(record)
    answer, told = _due(tmp_path, T0, "--deployed", str(tmp_path / "site"))
    assert answer == "build=true"
    assert f"{record} could not be read (not a file)" in told


@pytest.mark.parametrize("value", ["1764583200000", "99999999999999999999", "soon", "-5", "1.5"])
def test_a_source_date_epoch_that_is_no_time_stops_the_command_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    """Builds and `newsroom due` alike: a malformed SOURCE_DATE_EPOCH is not passed over for
    the machine's clock (the reproducible-builds specification asks for an error)."""
    _built_at(tmp_path, T0, monkeypatch)
    said = f"SOURCE_DATE_EPOCH is {value!r}, not a moment a build can use"
    done = _due_fails(tmp_path, "--deployed", str(tmp_path / "site"), epoch_text=value)
    assert done.returncode == 1 and done.stdout == ""
    assert said in done.stderr and "Traceback" not in done.stderr
    assert f"newsroom: error: {said}" in done.stderr  # one prefix, not two
    env = {**ENV, "SOURCE_DATE_EPOCH": value}
    built = subprocess.run(
        [str(BIN / "mkdocs"), "build"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert built.returncode == 1
    assert said in built.stderr and "Traceback" not in built.stderr


def test_deployed_urls_that_are_not_http_are_read_or_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _built_at(tmp_path, T0, monkeypatch)
    site = tmp_path / "site"
    answer, told = _due(tmp_path, T0 + timedelta(minutes=5), "--deployed", site.as_uri())
    assert answer == "build=false", told
    answer, told = _due(tmp_path, T0, "--deployed", "http://[::1")
    assert answer == "build=true" and "is not a URL" in told and "Traceback" not in told
    answer, told = _due(tmp_path, T0, "--deployed", "ftp://example.org/site")
    assert answer == "build=true" and "give an http(s) URL, a file URL or a folder" in told
    record = site / "newsroom-build.json"
    record.write_text(record.read_text("utf-8").replace('"format": 2', '"format": true'), "utf-8")
    answer, told = _due(tmp_path, T0 + timedelta(minutes=5), "--deployed", str(site))
    assert answer == "build=true" and "not a build record of format 2" in told


def test_a_page_left_out_until_its_date_counts_as_a_change_to_come(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A story saved outside articles/ is left out until its date (build/held_pages.py):
    `due` did not count it, so no scheduled run published it once it was due."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(T0))
    monkeypatch.setenv("GITHUB_SHA", DEPLOYED)
    embargoed = "---\ndate: 2026-12-01T10:03:00+00:00\nauthors: [jdoe]\n---\nResults.\n"
    files = {"articles/old.md": article("An old story", section="world", authors=["jdoe"])}
    build_site(tmp_path, {**files, "desk/results.md": embargoed})
    site = tmp_path / "site"
    assert not (site / "desk" / "results" / "index.html").exists()
    quiet, said = _due(tmp_path, T0 + timedelta(minutes=1), "--deployed", str(site))
    assert quiet == "build=false", said
    assert "the next change is at 2026-12-01T10:03:00+00:00" in said
