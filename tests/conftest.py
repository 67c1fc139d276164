"""Shared test set-up: Hypothesis profiles (`HYPOTHESIS_PROFILE=fuzz` for a long run)."""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("default", max_examples=300, deadline=None)
settings.register_profile("fuzz", max_examples=5000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
