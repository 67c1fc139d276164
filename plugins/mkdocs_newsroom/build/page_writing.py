"""Newsroom's pages written into the site folder: all of them, shared among processes, in a
clean build; under `mkdocs serve`, only those whose signature changed, the others copied from
the pages rendered before."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from ..preview.signatures import page_signature
from ..problems import Problem, unwritable
from ..rendering.renderer import write_page
from ..rendering.template_faults import described
from .page_events import HookFailed
from .parallel import fork_map
from .progress import Progress

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from ..preview.rendered_pages import RenderedPages
    from ..rendering.pages import NewsPage

    # A page's HTML, the seconds other plugins' `on_post_page` took over it (page_events.py),
    # and the shell's files first made for it (rendering/shell_assets.py)
    Render = Callable[[NewsPage], tuple[bytes, float, dict[str, str]]]
    # Why a page was not written ("" if it was), the hooks' seconds, the shell's new files
    Outcome = tuple[str, float, dict[str, str]]

T = TypeVar("T")
MANY_PAGES = 3  # past this many pages with one fault, one line for all
UNWRITABLE = "unwritable: "  # a page rendered that the site folder would not take
TRUSTED_FROM = 3  # the page of a kind from which its skeleton is trusted (rendering/assembly.py)


@dataclass
class Written:
    """What writing the pages came to: the pages that could not be rendered, the time other
    plugins' hooks added, summed over every process, and the shell's files (icon sprites,
    search dialogs) the processes made, to be written once."""

    problems: list[Problem] = field(default_factory=list)
    rendered: int = 0
    hook_seconds: float = 0.0
    shell_files: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, problems: list[Problem], rendered: int, outcomes: Iterable[Outcome]) -> Written:
        written = cls(problems, rendered)
        for _failure, seconds, files in outcomes:
            written.hook_seconds += seconds
            written.shell_files.update(files)
        return written


def write_every_page(
    pages: Sequence[NewsPage],
    render: Render,
    processes: int,
    say: Callable[[str], None],
) -> Written:
    """Render and write every page."""

    def write(page: NewsPage) -> Outcome:
        html = _rendered(render, page)
        if isinstance(html, str):
            return html, 0.0, {}
        try:
            write_page(page, html[0])
        except OSError as error:  # the file system's refusal: never the other pages
            return _unwritable(error), html[1], html[2]
        return "", html[1], html[2]

    progress = Progress(say, len(pages), "pages written")
    results = _shared(write, pages, pages, processes, progress)
    failed = [
        (page, outcome[0]) for page, outcome in zip(pages, results, strict=True) if outcome[0]
    ]
    return Written.of(_not_written(failed), len(pages), results)


def _shared(
    write: Callable[[T], Outcome],
    items: Sequence[T],
    pages: Sequence[NewsPage],
    processes: int,
    progress: Progress,
) -> list[Outcome]:
    """`write` of each of `items` (`pages`, or what stands for them), shared among
    `processes`. The first pages of each kind are written here, before the forks: every
    process inherits what they taught (skeletons, finished shells, cards), which each would
    otherwise learn for itself."""
    first = _first_of_each_kind(pages) if processes > 1 else {}
    outcomes = {index: write(items[index]) for index in first}
    rest = [index for index in range(len(items)) if index not in first]

    def report(done: int) -> None:
        progress.update(len(first) + done)

    shared = fork_map(write, [items[index] for index in rest], processes, report)
    outcomes.update(zip(rest, shared, strict=True))
    return [outcomes[index] for index in range(len(items))]


def _first_of_each_kind(pages: Sequence[NewsPage]) -> dict[int, None]:
    """The first pages of each kind, as far as a page's template, edition and depth tell it
    (rendering/assembly.py trusts a kind's skeleton from its third page on): at 1,000
    articles every process spent 0.2 s of CPU learning them."""
    seen: dict[tuple[object, ...], int] = {}
    first: dict[int, None] = {}
    for index, page in enumerate(pages):
        kind = (page.template_name, page.edition.id, page.url.count("/"))
        if seen.get(kind, 0) < TRUSTED_FROM:
            seen[kind] = seen.get(kind, 0) + 1
            first[index] = None
    return first


def write_changed_pages(
    pages: Sequence[NewsPage],
    render: Render,
    rendered: RenderedPages,
    site_key: str,
    processes: int,
    say: Callable[[str], None],
    *,
    every_page: bool = True,
) -> Written:
    """Render the pages whose signature is new, and publish every page from `rendered`.
    Without `every_page` (some pages only: build/copy_edits.py), the pages not given stay
    as they are, in the store and in the site folder."""
    rendered.check_store()
    keys = [page_signature(page, site_key) for page in pages]
    new = {key: page for key, page in zip(keys, pages, strict=True) if not rendered.has(key)}

    def store(key: str) -> Outcome:
        html = _rendered(render, new[key])
        if isinstance(html, str):
            return html, 0.0, {}
        rendered.write(key, html[0])
        return "", html[1], html[2]

    # shared among processes when the first build of a preview renders every page
    progress = Progress(say, len(new), "pages rendered")
    outcomes = _shared(store, list(new), list(new.values()), processes, progress)
    results = dict(zip(new, outcomes, strict=True))
    failures = {key: outcome[0] for key, outcome in results.items()}
    rendered.written(key for key, failure in failures.items() if not failure)
    failed = []
    for key, page in zip(keys, pages, strict=True):
        if failures.get(key):
            failed.append((page, failures[key]))
            continue
        try:
            rendered.publish(key, page.file.abs_dest_path)
        except OSError as error:  # the file system's refusal: never the other pages
            failed.append((page, _unwritable(error)))
    problems = _not_written(failed)
    if every_page:
        problems += rendered.forget_unused()
        unchanged = "; the others had not changed" if len(new) < len(pages) else ""
        say(f"rendered {len(new)} of {len(pages)} pages{unchanged}")
    else:
        rendered.published_some()
    return Written.of(problems, len(new), results.values())


def _rendered(render: Render, page: NewsPage) -> tuple[bytes, float, dict[str, str]] | str:
    """The page, or why it could not be rendered: one page never stops the others (this
    may run in a worker process, which must hand back a result for every page)."""
    try:
        return render(page)
    except HookFailed as error:  # another plugin's fault, which it names
        return " ".join(str(error).split())[:500]
    except Exception as error:  # any fault, reported with the page
        return described(error)[:300]


def _unwritable(error: OSError) -> str:
    """A page's write refused, as a failure a fork sends back: its number and reason."""
    return f"{UNWRITABLE}{error.errno or 0}:{error.strerror or error}"


def _not_written(failed: Iterable[tuple[NewsPage, str]]) -> list[Problem]:
    """A line for each page that could not be rendered; for a fault many pages share (a
    broken template of overrides/), a line for the first, which counts the others."""
    by_failure: dict[str, list[NewsPage]] = {}
    for page, failure in failed:
        by_failure.setdefault(failure, []).append(page)
    problems = []
    for failure, pages in by_failure.items():
        if failure.startswith(UNWRITABLE):
            number, _, why = failure.removeprefix(UNWRITABLE).partition(":")
            error = OSError(int(number), why)  # of its kind again: IsADirectoryError...
            problems += [unwritable(page.file.abs_dest_path, error) for page in pages]
            continue
        ours = not failure.startswith(HookFailed.PREFIX)
        whose = "; this is a fault in Newsroom or in a template of overrides/" if ours else ""
        many = len(pages) > MANY_PAGES
        others = f"; {len(pages) - 1} other pages could not be rendered either" * many
        problems += [
            Problem(
                page.origin,
                f"the page {page.url or '/'} could not be rendered ({failure}), so it was not "
                f"written and the links to it lead nowhere{whose}{others}",
            )
            for page in (pages[:1] if many else pages)
        ]
    return problems
