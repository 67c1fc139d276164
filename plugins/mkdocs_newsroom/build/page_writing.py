"""Newsroom's pages written into the site folder: all of them, shared among processes, in a
clean build; under `mkdocs serve`, only those whose signature changed, the others copied from
the pages rendered before."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..preview.signatures import page_signature
from ..problems import Problem
from ..rendering.renderer import write_page
from .page_events import HookFailed
from .parallel import fork_map
from .progress import Progress

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ..preview.rendered_pages import RenderedPages
    from ..rendering.pages import NewsPage

    # A page's HTML, and the seconds other plugins' `on_post_page` took over it (page_events.py)
    Render = Callable[[NewsPage], tuple[bytes, float]]


@dataclass
class Written:
    """What writing the pages came to: the pages that could not be rendered, and the time
    other plugins' hooks added, summed over every process."""

    problems: list[Problem] = field(default_factory=list)
    rendered: int = 0
    hook_seconds: float = 0.0


def write_every_page(
    pages: Sequence[NewsPage],
    render: Render,
    processes: int,
    say: Callable[[str], None],
) -> Written:
    """Render and write every page."""

    def write(page: NewsPage) -> tuple[str, float]:
        html = _rendered(render, page)
        if isinstance(html, str):
            return html, 0.0
        write_page(page, html[0])
        return "", html[1]

    progress = Progress(say, len(pages), "pages written")
    results = fork_map(write, pages, processes, progress.update)
    return Written(
        [
            _not_written(page, failure)
            for page, (failure, _seconds) in zip(pages, results, strict=True)
            if failure
        ],
        len(pages),
        sum(seconds for _failure, seconds in results),
    )


def write_changed_pages(
    pages: Sequence[NewsPage],
    render: Render,
    rendered: RenderedPages,
    site_key: str,
    processes: int,
    say: Callable[[str], None],
) -> Written:
    """Render the pages whose signature is new, and publish every page from `rendered`."""
    keys = [page_signature(page, site_key) for page in pages]
    new = {key: page for key, page in zip(keys, pages, strict=True) if not rendered.has(key)}

    def store(key: str) -> tuple[str, float]:
        html = _rendered(render, new[key])
        if isinstance(html, str):
            return html, 0.0
        rendered.write(key, html[0])
        return "", html[1]

    # shared among processes when the first build of a preview renders every page
    progress = Progress(say, len(new), "pages rendered")
    results = dict(zip(new, fork_map(store, list(new), processes, progress.update), strict=True))
    failures = {key: failure for key, (failure, _seconds) in results.items()}
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
    return Written(problems, len(new), sum(seconds for _failure, seconds in results.values()))


def _rendered(render: Render, page: NewsPage) -> tuple[bytes, float] | str:
    """The page, or why it could not be rendered: one page never stops the others (this
    may run in a worker process, which must hand back a result for every page)."""
    try:
        return render(page)
    except HookFailed as error:  # another plugin's fault, which it names
        return " ".join(str(error).split())[:500]
    except Exception as error:  # any fault, reported with the page
        return f"{type(error).__name__}: {' '.join(str(error).split())}"[:300]


def _not_written(page: NewsPage, failure: str) -> Problem:
    ours = not failure.startswith(HookFailed.PREFIX)
    whose = "; this is a fault in Newsroom or in a template of overrides/" if ours else ""
    return Problem(
        page.origin,
        f"the page {page.url or '/'} could not be rendered ({failure}), so it was not "
        f"written and the links to it lead nowhere{whose}",
    )
