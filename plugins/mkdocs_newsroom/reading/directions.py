"""The bidi rule of `mkdocs_newsroom.directions`, where `newsroom import` looks for it."""

from __future__ import annotations

from ..directions import balanced, left_open

__all__ = ["balanced", "left_open"]
