"""Shared test set-up: Hypothesis profiles (`HYPOTHESIS_PROFILE=fuzz` for a long run), the
clock every build reads, and the rule that the tests never write into the repository."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from .sites import DEMO_NOW, REPO, epoch
from .worktree import WriteGuard, install_guard, tree_changes, tree_state

settings.register_profile("default", max_examples=300, deadline=None)
settings.register_profile("fuzz", max_examples=5000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(scope="session", autouse=True)
def pinned_clock() -> Iterator[None]:
    """Every build's "now" (SOURCE_DATE_EPOCH) is DEMO_NOW unless a test sets its own: no
    result depends on the day the tests run."""
    with pytest.MonkeyPatch.context() as monkey:
        monkey.setenv("SOURCE_DATE_EPOCH", epoch(DEMO_NOW))
        yield


@pytest.fixture(scope="session", autouse=True)
def repository_untouched(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WriteGuard]:
    """Fails the session if a test wrote into the repository (see worktree.py)."""
    allowed = [tmp_path_factory.getbasetemp()]
    if os.environ.get("NEWSROOM_SCREENSHOTS", "").strip():  # make screenshots
        allowed.append(Path(os.environ["NEWSROOM_SCREENSHOTS"]).resolve())
    before = tree_state()
    guard = install_guard(allowed)
    try:
        yield guard
    finally:
        guard.active = False  # an audit hook stays for the life of the process
    changed = [
        path
        for path in tree_changes(before, tree_state())
        if guard.refusal("changed", REPO / path) is not None  # not in an allowed folder
    ]
    refused = dict.fromkeys(guard.refused)
    problems = [f"written by the test process: {write}" for write in refused]
    problems += [f"changed during the session: {path}" for path in changed]
    if problems:
        pytest.fail(
            "the tests changed the repository's working tree (they must write into tmp_path; "
            "a path below may also have been edited by hand while the tests ran):\n  "
            + "\n  ".join(problems),
            pytrace=False,
        )
