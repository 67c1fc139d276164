"""Newsroom's pages written into the site folder: all of them, shared among processes, in a
clean build; under `mkdocs serve`, only those whose signature changed, the others linked from
the pages rendered before."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..preview.signatures import page_signature
from ..problems import Problem
from ..rendering.renderer import write_page
from .parallel import fork_map
from .progress import Progress

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ..preview.rendered_pages import RenderedPages
    from ..rendering.pages import NewsPage


def write_every_page(
    pages: Sequence[NewsPage],
    render: Callable[[NewsPage], bytes],
    processes: int,
    say: Callable[[str], None],
) -> list[Problem]:
    """Render and write every page; returns the pages that could not be rendered."""

    def write(page: NewsPage) -> str:
        html = _rendered(render, page)
        if isinstance(html, str):
            return html
        write_page(page, html)
        return ""

    progress = Progress(say, len(pages), "pages written")
    failures = fork_map(write, pages, processes, progress.update)
    return [
        _not_written(page, failure)
        for page, failure in zip(pages, failures, strict=True)
        if failure
    ]


def write_changed_pages(
    pages: Sequence[NewsPage],
    render: Callable[[NewsPage], bytes],
    rendered: RenderedPages,
    site_key: str,
    processes: int,
    say: Callable[[str], None],
) -> list[Problem]:
    """Render the pages whose signature is new, and publish every page from `rendered`;
    returns the pages that could not be rendered."""
    keys = [page_signature(page, site_key) for page in pages]
    new = {key: page for key, page in zip(keys, pages, strict=True) if not rendered.has(key)}

    def store(key: str) -> str:
        html = _rendered(render, new[key])
        if isinstance(html, str):
            return html
        rendered.write(key, html)
        return ""

    # shared among processes when the first build of a preview renders every page
    progress = Progress(say, len(new), "pages rendered")
    failures = dict(zip(new, fork_map(store, list(new), processes, progress.update), strict=True))
    rendered.written(key for key, failure in failures.items() if not failure)
    problems = []
    for key, page in zip(keys, pages, strict=True):
        if failures.get(key):
            problems.append(_not_written(page, failures[key]))
        else:
            rendered.publish(key, page.file.abs_dest_path)
    rendered.forget_unused()
    unchanged = "; the others had not changed" if len(new) < len(pages) else ""
    say(f"rendered {len(new)} of {len(pages)} pages{unchanged}")
    return problems


def _rendered(render: Callable[[NewsPage], bytes], page: NewsPage) -> bytes | str:
    """The page, or why it could not be rendered: one page never stops the others (this
    may run in a worker process, which must hand back a result for every page)."""
    try:
        return render(page)
    except Exception as error:  # any fault, reported with the page
        return f"{type(error).__name__}: {' '.join(str(error).split())}"[:300]


def _not_written(page: NewsPage, failure: str) -> Problem:
    return Problem(
        page.origin,
        f"the page {page.url or '/'} could not be rendered ({failure}), so it was not "
        "written; this is a fault in Newsroom or in a template of overrides/",
    )
