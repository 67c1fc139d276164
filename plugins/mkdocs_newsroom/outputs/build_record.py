"""`newsroom-build.json`: what a build was made from, and when its pages would change next.

Every build writes it at the site root: the build's "now", the commit it was built from
(`GITHUB_SHA` in GitHub Actions), and the first moment after that at which the site would
show something else with no new commit: a scheduled story falling due, a story expiring, a
breaking-news banner coming down, a story leaving the news sitemap. The publishing workflow
reads the deployed one (`newsroom due`) to decide whether a scheduled run has anything to
build: a run that starts late still builds, because the moment it waited for has passed.
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
    from ..catalogue.publishing import Catalogue
    from ..settings.checked import Settings

FORMAT = 1


@dataclass(frozen=True)
class BuildRecord:
    built: datetime  # the build's "now"
    commit: str  # '' when the build did not know it
    next_change: datetime | None  # None: nothing will change until the next commit
    generator: str = ""

    @classmethod
    def of_build(
        cls, catalogue: Catalogue, now: datetime, settings: Settings, commit: str, generator: str
    ) -> BuildRecord:
        """The record of a build at `now` of `catalogue` from `commit` ('' unknown)."""
        rules = settings.front_page_rules
        upcoming = next_change(
            catalogue, now, breaking_hours=rules.breaking_hours, news_sitemap=settings.news_sitemap
        )
        return cls(now, commit, upcoming, generator)

    def to_json(self) -> str:
        return (
            json.dumps(
                {
                    "format": FORMAT,
                    "generator": self.generator,
                    "built": self.built.isoformat(),
                    "commit": self.commit,
                    "next_change": self.next_change.isoformat() if self.next_change else None,
                },
                indent=2,
            )
            + "\n"
        )

    @classmethod
    def from_json(cls, text: str) -> BuildRecord:
        """The record in `text`; ValueError when it is not one."""
        try:
            data = json.loads(text)
        except RecursionError:
            raise ValueError("JSON nested too deep") from None
        if not isinstance(data, dict) or type(data.get("format")) is not int:
            raise ValueError(f"not a build record of format {FORMAT}")
        if data["format"] != FORMAT:
            raise ValueError(f"not a build record of format {FORMAT}")
        built = _moment(data.get("built"))
        if built is None:
            raise ValueError("the record has no build time")
        commit = data.get("commit")
        return cls(
            built,
            commit if isinstance(commit, str) else "",
            _moment(data.get("next_change")),
            str(data.get("generator", "")),
        )


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
    catalogue: Catalogue, now: datetime, *, breaking_hours: float, news_sitemap: bool
) -> datetime | None:
    """The first moment after `now` at which the built site would show something else."""
    moments = [catalogue.next_publishing_change]
    banner = timedelta(hours=breaking_hours)
    for article in catalogue.articles:
        if article.held_back:
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


def decide(record: BuildRecord | None, commit: str, now: datetime) -> Decision:
    """Whether a run at `now`, of `commit`, must build and deploy, given the deployed site's
    record (None when it could not be had: then it builds, to be safe)."""
    if record is None:
        return Decision(True, "the deployed site has no build record that can be read")
    if commit and record.commit != commit:
        deployed = record.commit[:12] or "an unknown commit"
        return Decision(True, f"commit {commit[:12]} is not deployed yet ({deployed} is)")
    if record.next_change is not None and record.next_change <= now:
        return Decision(
            True,
            f"the site changes at {record.next_change.isoformat()} (a story falls due or "
            "expires, a banner comes down), after its build at "
            f"{record.built.isoformat()}",
        )
    upcoming = record.next_change.isoformat() if record.next_change else "the next commit"
    return Decision(
        False,
        f"nothing has changed since the build deployed at {record.built.isoformat()}; the "
        f"next change is at {upcoming}",
    )


def write_build_record(
    site_dir: str, catalogue: Catalogue, now: datetime, settings: Settings
) -> None:
    """newsroom-build.json, which `newsroom due` reads from the deployed site."""
    commit, generator = os.environ.get("GITHUB_SHA", ""), f"newsroom {__version__}"
    record = BuildRecord.of_build(catalogue, now, settings, commit, generator)
    write_outputs(site_dir, {BUILD_RECORD: record.to_json()})
