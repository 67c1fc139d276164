"""`newsroom due`: whether a run of the publishing workflow has anything to publish.

It reads the deployed site's newsroom-build.json (outputs/build_record.py) and compares it
with the commit being run and the clock: a new commit, or a moment of change that has passed
since the deployed build, means build and deploy; anything else, stop. The moments of change
are found in the articles of the commit, read as the deployed build read them at its time:
the published record does not tell them. When the record cannot be fetched or read, or the
articles cannot be read, it says build: a run that builds for nothing costs minutes, a story
that is not published costs more.
"""

from __future__ import annotations

import http.client
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import TYPE_CHECKING

from ..clock import now
from ..outputs.build_record import BuildRecord, Decision, decide
from ..urls import BUILD_RECORD

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime

    from .workspace import Workspace

TIMEOUT = 20  # seconds to wait for each answer of the deployed site
DEADLINE = 60.0  # seconds for the whole fetch: a server can answer a byte at a time
MAX_RECORD = 1_000_000  # bytes: a build record is a few hundred


def deployed_record(where: str, deadline: float = DEADLINE) -> tuple[BuildRecord | None, str]:
    """The build record of the site deployed at `where` (its http(s) URL, a file URL or a
    folder holding a built site), or None and why it could not be had."""
    try:
        scheme = urllib.parse.urlsplit(where).scheme.lower() if "://" in where else ""
    except ValueError as error:
        return None, f"--deployed {where} is not a URL ({error})"
    if scheme == "file":
        where = urllib.request.url2pathname(urllib.parse.urlsplit(where).path)
    elif scheme and scheme not in ("http", "https"):
        return None, f"--deployed {where}: give an http(s) URL, a file URL or a folder"
    if scheme in ("http", "https"):
        # a query the CDN has not seen, so that it answers with the deployed file
        url = f"{where.rstrip('/')}/{BUILD_RECORD}?at={int(time.time())}"
        text, why_not = _fetched(url, deadline)
        if text is None:
            return None, f"{url} could not be fetched ({why_not})"
    else:
        path = Path(where) / BUILD_RECORD
        try:
            if path.exists() and not path.is_file():  # a pipe would be waited on forever
                raise OSError("not a file")
            text = _read_at_most(path)
        except (OSError, ValueError) as error:
            return None, f"{path} could not be read ({error})"
    try:
        return BuildRecord.from_json(text), ""
    except ValueError as error:
        return None, f"{BUILD_RECORD} of {where} is not a build record ({error})"


def _read_at_most(path: Path) -> str:
    with path.open("rb") as file:
        data = file.read(MAX_RECORD + 1)
    return _text(data)


def _text(data: bytes) -> str:
    if len(data) > MAX_RECORD:
        raise ValueError(f"larger than {MAX_RECORD // 1_000_000} MB")
    return data.decode("utf-8")


def _fetched(url: str, deadline: float) -> tuple[str | None, str]:
    """The text at `url`, or None and why not: fetched in a thread of its own, so that a
    server answering slowly is given up after `deadline` seconds in all."""
    outcome: list[tuple[str | None, str]] = []

    def fetch() -> None:
        try:
            with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
                text = _text(response.read(MAX_RECORD + 1))
                if response.length:  # the server closed before the length it announced
                    raise http.client.IncompleteRead(text.encode(), response.length)
                outcome.append((text, ""))
        except (OSError, ValueError, http.client.HTTPException) as error:
            outcome.append((None, str(error) or type(error).__name__))

    worker = threading.Thread(target=fetch, daemon=True, name="newsroom-due")
    worker.start()
    worker.join(timeout=deadline)
    if not outcome:
        return None, f"no whole answer within {deadline:g} s"
    return outcome[0]


def due_now(
    workspace: Workspace,
    deployed: str | None,
    commit: str,
    deadline: float = DEADLINE,
    say: Callable[[str], None] | None = None,
) -> tuple[Decision, str]:
    """The decision for a run of `commit` now, against the site deployed at `deployed`
    (default: the site's `site_url`), and what went wrong fetching its record ('' if
    nothing). `say` tells how the reading of a large site goes."""

    def change_after(built: datetime) -> datetime | None:
        return workspace.change_after(built, say)

    moment = now()
    site = workspace.config.site_url or ""
    where = deployed or site
    if not where:
        trouble = "no --deployed given and no site_url in mkdocs.yml"
        return decide(None, commit, moment, change_after), trouble
    record, why_not = deployed_record(where, deadline)
    try:
        return decide(record, commit, moment, change_after, site), why_not
    except Exception as error:  # whatever stops the reading, the safe answer is to build
        reason = " ".join(str(error).split()) or type(error).__name__
        return Decision(True, f"the articles could not be read ({reason[:300]})"), why_not
