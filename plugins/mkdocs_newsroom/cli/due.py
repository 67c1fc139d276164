"""`newsroom due`: whether a run of the publishing workflow has anything to publish.

It reads the deployed site's newsroom-build.json (outputs/build_record.py) and compares it
with the commit being run and the clock: a new commit, or a moment of change that has passed
since the deployed build, means build and deploy; anything else, stop. When the record cannot
be fetched or read, it says build: a run that builds for nothing costs minutes, a story that
is not published costs more.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import TYPE_CHECKING

from ..clock import now
from ..outputs.build_record import BuildRecord, Decision, decide
from ..urls import BUILD_RECORD

if TYPE_CHECKING:
    from .workspace import Workspace

TIMEOUT = 20  # seconds to wait for the deployed site


def deployed_record(where: str) -> tuple[BuildRecord | None, str]:
    """The build record of the site deployed at `where` (its URL, or a folder holding a
    built site), or None and why it could not be had."""
    if "://" in where:
        # a query the CDN has not seen, so that it answers with the deployed file
        url = f"{where.rstrip('/')}/{BUILD_RECORD}?at={int(time.time())}"
        try:
            with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
                text = response.read().decode("utf-8")
        except (urllib.error.URLError, OSError, UnicodeDecodeError) as error:
            return None, f"{url} could not be fetched ({error})"
    else:
        path = Path(where) / BUILD_RECORD
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            return None, f"{path} could not be read ({error})"
    try:
        return BuildRecord.from_json(text), ""
    except ValueError as error:
        return None, f"{BUILD_RECORD} of {where} is not a build record ({error})"


def due_now(workspace: Workspace, deployed: str | None, commit: str) -> tuple[Decision, str]:
    """The decision for a run of `commit` now, against the site deployed at `deployed`
    (default: the site's `site_url`), and what went wrong fetching its record ('' if
    nothing)."""
    where = deployed or workspace.config.site_url or ""
    if not where:
        return decide(None, commit, now()), "no --deployed given and no site_url in mkdocs.yml"
    record, why_not = deployed_record(where)
    return decide(record, commit, now()), why_not
