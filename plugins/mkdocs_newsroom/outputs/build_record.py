"""`newsroom-build.json`: what a build was made from, and the decision `newsroom due` makes
from it.

Every build writes it at the site root: the build's "now" and the commit it was built from
(`GITHUB_SHA` in GitHub Actions). The publishing workflow reads the deployed one (`newsroom
due`) to decide whether a scheduled run has anything to build: a new commit, or a moment of
change since that build (a scheduled story falling due, a story expiring, a breaking-news
banner coming down, a story leaving the news sitemap), which `newsroom due` works out from the
articles of the commit, read as that build read them. The record itself says nothing of what
is held back: a published file that told when the site changes next would tell anyone when an
embargoed story goes out, or a story comes down.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from .. import __version__
from ..urls import BUILD_RECORD
from .files import write_outputs
from .sitemaps import NEWS_WINDOW

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from ..catalogue.publishing import Catalogue
    from ..problems import Problem

FORMAT = 2
# Format 1 also held the next change, which is no longer read (nor written): its build time
# and commit are read alike.
READABLE = (1, FORMAT)


@dataclass(frozen=True)
class BuildRecord:
    built: datetime  # the build's "now"
    commit: str  # '' when the build did not know it
    generator: str = ""
    site: str = ""  # the site's address (site_url): which site's record it is

    @classmethod
    def of_build(cls, now: datetime, site: str = "") -> BuildRecord:
        """The record of a build at `now` of the site at `site`, from the commit GitHub
        Actions names."""
        return cls(now, os.environ.get("GITHUB_SHA", ""), f"newsroom {__version__}", site)

    def to_json(self) -> str:
        data = {
            "format": FORMAT,
            "generator": self.generator,
            "built": self.built.isoformat(),
            "commit": self.commit,
            "site": self.site,
        }
        return json.dumps(data, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str) -> BuildRecord:
        """The record in `text`; ValueError when it is not one."""
        try:
            data = json.loads(text)
        except RecursionError:
            raise ValueError("JSON nested too deep") from None
        if not isinstance(data, dict) or type(data.get("format")) is not int:
            raise ValueError(f"not a build record of format {FORMAT}")
        if data["format"] not in READABLE:
            raise ValueError(f"not a build record of format {FORMAT}")
        built = _moment(data.get("built"))
        if built is None:
            raise ValueError("the record has no build time")
        commit = data.get("commit")
        commit = commit if isinstance(commit, str) else ""
        return cls(built, commit, str(data.get("generator", "")), str(data.get("site", "")))


def _moment(value: object) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a time")
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError(f"{value!r} has no time zone")
    return moment


def next_change(
    catalogue: Catalogue,
    now: datetime,
    *,
    breaking_hours: float,
    news_sitemap: bool,
    embargoes: Iterable[datetime] = (),
    preview: bool = False,
) -> datetime | None:
    """The first moment after `now` at which the built site would show something else: a
    story's, or one of the `embargoes` of the pages left out (build/held_pages.py); in a
    `preview`, which shows the stories held back too (drafts, expired), any of their dates."""
    moments = [catalogue.next_publishing_change, *embargoes]
    banner = timedelta(hours=breaking_hours)
    for article in catalogue.articles:
        if preview:
            corrections = (correction.date for correction in article.corrections)
            moments += [article.date, article.expires, article.updated, *corrections]
        elif article.held_back:
            continue
        if article.breaking:
            moments.append(article.date + banner)
        if news_sitemap:
            moments.append(article.date + NEWS_WINDOW)
    return min((moment for moment in moments if moment is not None and moment > now), default=None)


@dataclass(frozen=True)
class Decision:
    build: bool
    reason: str


def decide(
    record: BuildRecord | None,
    commit: str,
    now: datetime,
    change_after: Callable[[datetime], datetime | None],
    site: str = "",
) -> Decision:
    """Whether a run at `now`, of `commit`, must build and deploy, given the deployed site's
    record (None when it could not be had: then it builds, to be safe). `change_after(built)`
    is the first moment after `built` at which a build of `commit` would show something else;
    it is asked only when the deployed site was built from `commit`. `site`: the address this
    run builds for (a custom domain set since makes every address of the site another)."""
    if record is None:
        return Decision(True, "the deployed site has no build record that can be read")
    if commit and record.commit != commit:
        deployed = record.commit[:12] or "an unknown commit"
        return Decision(True, f"commit {commit[:12]} is not deployed yet ({deployed} is)")
    if site and record.site and record.site != site:  # records before 2026-12-07 name none
        return Decision(True, f"the site's address is {site} now, not {record.site}")
    if record.built > now:  # a wrong clock: what it saw as due may not be yet, or the reverse
        dated = record.built.isoformat()
        return Decision(True, f"the deployed build is dated {dated}, later than now")
    upcoming = change_after(record.built)
    if upcoming is not None and upcoming <= now:
        return Decision(
            True,
            f"the site changes at {upcoming.isoformat()} (a story falls due or expires, a "
            f"banner comes down), after its build at {record.built.isoformat()}",
        )
    then = upcoming.isoformat() if upcoming else "the next commit"
    return Decision(
        False,
        f"nothing has changed since the build deployed at {record.built.isoformat()}; the "
        f"next change is at {then}",
    )


def write_build_record(site_dir: str, now: datetime, site: str) -> list[Problem]:
    """newsroom-build.json, which `newsroom due` reads from the deployed site; what could not
    be written."""
    return write_outputs(site_dir, {BUILD_RECORD: BuildRecord.of_build(now, site).to_json()})
