"""Fingerprints: short, stable keys for caching what is made of some inputs."""

from __future__ import annotations

import hashlib


def fingerprint(*parts: str | bytes) -> str:
    """A key for caching what is made of `parts`: the same inputs give the same output."""
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()
