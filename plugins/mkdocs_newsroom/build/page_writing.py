"""Newsroom's pages written into the site folder: all of them, shared among processes, in a
clean build; under `mkdocs serve`, only those whose signature changed, the others linked from
the pages rendered before."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..preview.signatures import page_signature
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
) -> None:
    def write(page: NewsPage) -> None:
        write_page(page, render(page))

    progress = Progress(say, len(pages), "pages written")
    fork_map(write, pages, processes, progress.update)


def write_changed_pages(
    pages: Sequence[NewsPage],
    render: Callable[[NewsPage], bytes],
    rendered: RenderedPages,
    site_key: str,
    processes: int,
    say: Callable[[str], None],
) -> None:
    """Render the pages whose signature is new, and publish every page from `rendered`."""
    keys = [page_signature(page, site_key) for page in pages]
    new = {key: page for key, page in zip(keys, pages, strict=True) if not rendered.has(key)}

    def store(key: str) -> str:
        rendered.write(key, render(new[key]))
        return key

    # shared among processes when the first build of a preview renders every page
    progress = Progress(say, len(new), "pages rendered")
    rendered.written(fork_map(store, list(new), processes, progress.update))
    for key, page in zip(keys, pages, strict=True):
        rendered.publish(key, page.file.abs_dest_path)
    rendered.forget_unused()
    unchanged = "; the others had not changed" if len(new) < len(pages) else ""
    say(f"rendered {len(new)} of {len(pages)} pages{unchanged}")
