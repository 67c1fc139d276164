"""Run the installed commands (`newsroom`, `mkdocs build`, `mkdocs serve`) as a user would, in a
site folder, and read what they say."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .sites import DEMO_NOW, REPO, epoch

BIN = Path(sys.executable).parent
# The commands' "now" is the demo portal's (`newsroom new` without --date, and every build).
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": epoch(DEMO_NOW)}


def run(
    root: Path, command: str, *args: str, bin_dir: Path = BIN, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    """`command` (newsroom, mkdocs...) from the virtual environment (`bin_dir`: another
    one's), run in `root`; `timeout`: seconds, for a test of something that once hung."""
    return subprocess.run(
        [str(bin_dir / command), *args],
        cwd=root,
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )


def newsroom(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run(root, "newsroom", *args)


def copy_demo(root: Path) -> Path:
    """The demo portal (mkdocs.yml, content/, overrides/) copied into `root`."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("content", "overrides"):
        shutil.copytree(REPO / folder, root / folder)
    return root


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(
    root: Path,
    bin_dir: Path = BIN,
    *,
    engine: str = "mkdocs",
    said: list[str] | None = None,
    rebuilds: bool = False,
    log: Path | None = None,
    clock: bool = False,
) -> Iterator[str]:
    """`mkdocs serve` (or `properdocs serve`) running in `root`; yields its base URL once it
    answers. It watches the files and rebuilds only with `rebuilds` (livereload on). What it
    printed is added to `said` when it has stopped, or written to `log` as it goes. With
    `clock`, its "now" is the machine's, not the demo portal's."""
    port = _free_port()
    address = ["--dev-addr", f"127.0.0.1:{port}", *([] if rebuilds else ["--no-livereload"])]
    process = subprocess.Popen(
        [str(bin_dir / engine), "serve", "-f", "mkdocs.yml", *address],
        cwd=root,
        env={k: v for k, v in ENV.items() if not clock or k != "SOURCE_DATE_EPOCH"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE if log is None else log.open("w", encoding="utf-8"),
        text=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(base, timeout=5).close()
                break
            except (urllib.error.URLError, ConnectionError) as error:
                if process.poll() is not None or time.monotonic() > deadline:
                    log = process.stderr.read() if process.stderr else ""
                    raise RuntimeError(f"mkdocs serve did not start: {error}\n{log}") from None
                time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
        if said is not None and process.stderr is not None:
            said.append(process.stderr.read())


@contextmanager
def serving_folder(folder: Path) -> Iterator[str]:
    """A plain HTTP server on this machine serving `folder` (a deployed site, assets from
    "another host"); yields its base URL."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        thread.join(timeout=10)


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""
