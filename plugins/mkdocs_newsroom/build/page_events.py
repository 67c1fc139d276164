"""Other plugins' `on_post_page` over Newsroom's pages, which MkDocs never hands to them.

Newsroom renders its pages itself (page_writing.py), outside MkDocs' page loop, so a plugin
that post-processes every page (`minify`, say) would otherwise see only the site's own
Markdown pages. The hooks are run in MkDocs' order (by event priority, then by their place
under `plugins:`) over each news page with the page object and the config, in whichever
process renders that page; the time they take is counted there and added up by the build.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

PACKAGE = __name__.split(".")[0]
# Plugins whose `on_post_page` gathers what the rest of their build needs, in their own
# instance: a forked process's copy would gather it for nothing, so news pages are rendered
# in the build's process when one of them is used. Material's privacy plugin queues the
# downloads of the external assets it finds, and copies them into the site in on_post_build.
MAIN_PROCESS_ONLY = ("material.plugins.privacy",)


@dataclass(frozen=True)
class PostPageHooks:
    """The `on_post_page` hooks of the plugins other than Newsroom, in the order MkDocs runs
    them, and the names the site gives those plugins under `plugins:` (or `hooks:`)."""

    hooks: tuple[Callable[..., Any], ...] = ()
    names: tuple[str, ...] = ()
    main_process: tuple[str, ...] = ()  # those of `names` that must run in this process

    def __bool__(self) -> bool:
        return bool(self.hooks)

    def run(self, html: str, page: Page, config: MkDocsConfig) -> tuple[str, float]:
        """The page's HTML after every hook, and the seconds the hooks took. A hook that
        returns None leaves the HTML as it was, as in MkDocs."""
        started = time.perf_counter()
        for hook in self.hooks:
            changed = hook(html, page=page, config=config)
            if changed is not None:
                html = changed
        return html, time.perf_counter() - started


def other_post_page_hooks(config: MkDocsConfig) -> PostPageHooks:
    """What other plugins (and `hooks:` modules) defined `on_post_page` for."""
    plugins = dict(config.plugins.items())
    hooks = []
    names: list[str] = []
    main_process: list[str] = []
    for hook in config.plugins.events["post_page"]:
        owner = getattr(hook, "__self__", None)
        module = type(owner).__module__ if owner is not None else ""
        if module.split(".")[0] == PACKAGE:
            continue  # Newsroom's own, applied by the renderer
        hooks.append(hook)
        owners = (name for name, hooked in plugins.items() if _post_page(hooked) == hook)
        name = next(owners, getattr(hook, "__qualname__", "a hook"))
        if name not in names:
            names.append(name)
        if module.startswith(MAIN_PROCESS_ONLY) and name not in main_process:
            main_process.append(name)
    return PostPageHooks(tuple(hooks), tuple(names), tuple(main_process))


def _post_page(plugin: object) -> object:
    return getattr(plugin, "on_post_page", None)


def ran_line(hooks: PostPageHooks, pages: int, seconds: float) -> str:
    """The info line that says which plugins' hooks ran over the news pages, and the time
    they took, summed over the processes that wrote pages."""
    plugins = ", ".join(hooks.names)
    noun = "page" if pages == 1 else "pages"
    alone = ""
    if hooks.main_process:
        alone = f", in one process for {', '.join(hooks.main_process)}"
    return (
        f"ran the on_post_page of {plugins} over {pages:,} news {noun}: {seconds:.1f} s of "
        f"work added{alone} (plugin_page_events: false turns this off)"
    )
