"""A file system that refuses to change some files, as one made immutable (`chattr +i`), a
read-only mount or another user's folder does, for the commands a test runs: a
`sitecustomize` on their PYTHONPATH makes removing or writing any path that holds the word in
`NEWSROOM_TEST_REFUSED` fail with EPERM. (`chattr` itself needs root and an ext file system;
this works anywhere.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

SITECUSTOMIZE = """
import builtins
import io
import os
import pathlib

_WORD = os.environ.get("NEWSROOM_TEST_REFUSED", "")


def _deny(path):
    if _WORD and _WORD in os.fsdecode(os.fspath(path)):
        raise PermissionError(1, "Operation not permitted", os.fsdecode(os.fspath(path)))


_path_unlink, _os_unlink, _open = pathlib.Path.unlink, os.unlink, builtins.open


def path_unlink(self, missing_ok=False):
    _deny(self)
    return _path_unlink(self, missing_ok=missing_ok)


def os_unlink(path, *args, **kwargs):
    _deny(path)
    return _os_unlink(path, *args, **kwargs)


def open_(file, mode="r", *args, **kwargs):
    if isinstance(file, (str, bytes, os.PathLike)) and set(mode) & set("wax+"):
        _deny(file)
    return _open(file, mode, *args, **kwargs)


pathlib.Path.unlink = path_unlink
os.unlink = os.remove = os_unlink
builtins.open = io.open = open_
"""


def refuse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, env: dict[str, str], word: str) -> None:
    """From now on, the commands run with `env` may neither remove nor write a path holding
    `word`."""
    hooks = tmp_path / "refusing-hooks"
    hooks.mkdir(exist_ok=True)
    (hooks / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    monkeypatch.setitem(env, "PYTHONPATH", str(hooks))
    monkeypatch.setitem(env, "NEWSROOM_TEST_REFUSED", word)
