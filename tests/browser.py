"""Drive a built site in a real browser: Debian's Chromium through Playwright, fully offline.

`serve_dir` serves the site on 127.0.0.1, `chromium` launches the system browser (never run
`playwright install`), `open_page` opens a page that can reach nothing but the local server and
records what went wrong on it, `search` uses Material's search box like a reader does, and
`axe_violations` runs axe-core with Material's known baseline allowed. See ../shared/VERIFY.md
§7 and §8.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Literal, NamedTuple

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Dialog,
    Page,
    Response,
    Route,
    sync_playwright,
)
from playwright.sync_api import Error as PlaywrightError

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]

# WCAG 2.0/2.1/2.2 A and AA, plus axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# Material 9.8's own violations on every page (VERIFY.md §8), as (rule id, selector pattern):
# a node is allowed when its rule matches and its target selector matches the pattern
# (re.search; None allows every node of the rule).
MATERIAL_AXE_BASELINE: tuple[tuple[str, str | None], ...] = (
    ("aria-dialog-name", r"^\.md-search$"),  # the search dialog has no accessible name
    ("color-contrast", r"\.md-copyright"),  # the grey "Made with Material" footer
    ("link-in-text-block", None),  # Material's links are not underlined in running text
)


# --------------------------------------------------------------------------------------------
# A local server
# --------------------------------------------------------------------------------------------


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a browser dropping a connection is no test failure


class _PagesHandler(_QuietHandler):
    """Answers an address the site does not have with its 404.html, as GitHub Pages does (a
    folder without an index.html is not listed)."""

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        self.send_error(404)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(str(self.directory)) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextmanager
def serve_dir(path: str | Path, *, not_found_page: bool = False) -> Iterator[str]:
    """Serve a directory over HTTP on 127.0.0.1 (a free port) while the block runs; with
    `not_found_page`, a missing address answers with the site's 404.html (GitHub Pages).

    Yields the base URL, `http://127.0.0.1:<port>/`. Requests are not logged.
    """
    handler = partial(_PagesHandler if not_found_page else _QuietHandler, directory=str(path))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# --------------------------------------------------------------------------------------------
# The browser and its pages
# --------------------------------------------------------------------------------------------


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's /usr/bin/chromium, headless, launched through Playwright."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class PageLog:
    """What happened on a page besides the page itself. Every list should stay empty."""

    dialogs: list[str] = field(default_factory=list)  # alert/confirm/prompt messages
    console_errors: list[str] = field(default_factory=list)  # console.error, failed loads
    page_errors: list[str] = field(default_factory=list)  # uncaught exceptions
    blocked: list[str] = field(default_factory=list)  # requests to anywhere but the server
    http_errors: list[str] = field(default_factory=list)  # responses with status >= 400

    def problems(self) -> list[str]:
        """Every recorded event as one line, for `assert log.problems() == []`."""
        return [
            *(f"dialog: {m}" for m in self.dialogs),
            *(f"console error: {m}" for m in self.console_errors),
            *(f"uncaught exception: {m}" for m in self.page_errors),
            *(f"blocked non-local request: {m}" for m in self.blocked),
            *(f"HTTP error: {m}" for m in self.http_errors),
        ]


def open_page(
    browser: Browser,
    base_url: str,
    viewport: int | dict[str, int] = 1280,
    path: str | None = "",
    wait_until: Literal["commit", "domcontentloaded", "load", "networkidle"] = "networkidle",
) -> Page:
    """A new page (in its own context) that can reach only `base_url`, and records trouble.

    Every request that does not start with `base_url` is aborted (a route on a negative
    look-ahead regex; a catch-all route that continues requests breaks Material's search
    worker, VERIFY.md §7). Every `dialog` is dismissed. The page gets the attributes
    `dialogs` (list of dialog messages, the one to assert on for injected scripts) and `log`
    (a `PageLog` with those, console errors, uncaught exceptions, blocked requests and HTTP
    errors).

    `viewport` is a width in CSS pixels (height 800) or a Playwright viewport dict. Unless
    `path` is None, the page is then opened at `base_url + path`; by default the call returns
    once the network has been idle for 500 ms, so that what Material's scripts fetch after
    the load event (the search index, sitemaps) has succeeded or failed by then.
    """
    size = {"width": viewport, "height": 800} if isinstance(viewport, int) else viewport
    page = browser.new_page(viewport=size)  # type: ignore[arg-type]
    log = PageLog()

    def on_dialog(dialog: Dialog) -> None:
        log.dialogs.append(dialog.message)
        dialog.dismiss()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            log.console_errors.append(f"{message.text} ({message.location.get('url', '')})")

    def on_response(response: Response) -> None:
        if response.status >= 400:
            log.http_errors.append(f"{response.status} {response.url}")

    def block(route: Route) -> None:
        log.blocked.append(route.request.url)
        route.abort()

    page.route(re.compile(rf"^(?!{re.escape(base_url)})"), block)
    page.on("dialog", on_dialog)
    page.on("console", on_console)
    page.on("pageerror", lambda error: log.page_errors.append(str(error)))
    page.on("response", on_response)
    page.dialogs = log.dialogs  # type: ignore[attr-defined]
    page.log = log  # type: ignore[attr-defined]
    if path is not None:
        page.goto(base_url + path.lstrip("/"), wait_until=wait_until)
    return page


def page_log(page: Page) -> PageLog:
    """The `PageLog` that `open_page` attached to a page."""
    log: PageLog = page.log  # type: ignore[attr-defined]
    return log


# --------------------------------------------------------------------------------------------
# Search
# --------------------------------------------------------------------------------------------


class SearchHit(NamedTuple):
    href: str  # absolute URL, with Material's ?h= highlight query
    title: str  # the result's heading
    text: str  # everything the result link shows


def search(page: Page, word: str, timeout: float = 10.0) -> list[SearchHit]:
    """Search the site with Material's search box, the way a reader does, and read the results.

    Presses "/" (Material's shortcut), types `word` key by key (`fill` alone does not start a
    search), waits until the result count shows and the result list stops changing, and
    returns the hits in order. An empty list means "No matching documents".
    """
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    box.wait_for(state="visible", timeout=timeout * 1000)
    if not box.evaluate("element => element === document.activeElement"):
        raise AssertionError(f"pressing '/' did not focus the search box on {page.url}")
    box.press_sequentially(word, delay=30)
    # Playwright inserts letters it has no key for (Pashto, Persian) without key events, and
    # Material reads the box on keyup: End sends one, for every script.
    box.press("End")
    meta = page.locator(".md-search-result__meta")
    # Material says "Type to start searching", then "Initializing search", in the page's
    # language, until it has a count (or "No matching documents") to show
    waiting = page.evaluate(
        """() => {
            const words = JSON.parse(document.getElementById("__config").textContent).translations;
            return [words["search.result.placeholder"], words["search.result.initializer"]];
        }"""
    )
    deadline = time.monotonic() + timeout
    previous: list[SearchHit] | None = None
    while time.monotonic() < deadline:
        if meta.inner_text().strip() not in waiting:
            hits = _search_hits(page)
            if hits == previous:
                return hits
            previous = hits
        page.wait_for_timeout(200)
    raise TimeoutError(f"search for {word!r}: no stable results; meta: {meta.inner_text()!r}")


def _search_hits(page: Page) -> list[SearchHit]:
    hits: list[list[str]] = page.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link",
        """links => links.map(link => [
            link.href,
            (link.querySelector("h1, h2") || link).innerText.trim(),
            link.innerText.trim(),
        ])""",
    )
    return [SearchHit(*hit) for hit in hits]


# --------------------------------------------------------------------------------------------
# Accessibility
# --------------------------------------------------------------------------------------------


@dataclass
class AxeViolation:
    rule: str
    impact: str
    help: str
    targets: list[str]  # CSS selectors of the offending nodes
    snippets: list[str]  # their HTML, shortened
    page: str = ""

    def __str__(self) -> str:
        where = f" on {self.page}" if self.page else ""
        nodes = "; ".join(self.targets)
        return f"{self.rule} ({self.impact}){where}: {self.help} -- {nodes}"


_AXE = Axe()


def axe_violations(
    page: Page,
    allowed: tuple[tuple[str, str | None], ...] = MATERIAL_AXE_BASELINE,
    tags: list[str] = AXE_TAGS,
) -> list[AxeViolation]:
    """axe-core's violations on the page (WCAG 2.x A/AA and best practices), minus `allowed`.

    `allowed` holds (rule id, selector pattern or None) pairs, by default Material's baseline;
    a violation's nodes that match are dropped, and a violation with no node left is dropped.
    Each violation returned lists the target selector of every remaining node.
    """
    try:
        response = _AXE.run(
            page,
            options={"runOnly": {"type": "tag", "values": tags}, "resultTypes": ["violations"]},
        ).response
    except PlaywrightError as error:  # pragma: no cover - a broken page, reported as is
        raise AssertionError(f"axe could not run on {page.url}: {error}") from error
    found: list[AxeViolation] = []
    for violation in response["violations"]:
        targets, snippets = [], []
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            if any(
                rule == violation["id"] and (pattern is None or re.search(pattern, target))
                for rule, pattern in allowed
            ):
                continue
            targets.append(target)
            snippets.append(node.get("html", "")[:200])
        if targets:
            found.append(
                AxeViolation(
                    violation["id"],
                    violation.get("impact") or "",
                    violation["help"],
                    targets,
                    snippets,
                    page.url,
                )
            )
    return found
