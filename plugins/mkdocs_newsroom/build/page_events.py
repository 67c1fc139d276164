"""Other plugins' `on_post_page` over Newsroom's pages, which MkDocs never hands to them.

Newsroom renders its pages itself (page_writing.py), outside MkDocs' page loop, so a plugin
that post-processes every page (`minify`, say) would otherwise see only the site's own
Markdown pages. The hooks are run in MkDocs' order (by event priority, then by their place
under `plugins:`) over each news page with the page object and the config, in whichever
process renders that page; the time they take is counted there and added up by the build.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
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
# Plugins whose `on_post_page` only finishes what their earlier page events began, which
# news pages do not go through: not run over them, and the build says why.
NOT_FOR_NEWS_PAGES = {
    "material.plugins.social": "it makes a page's social card from MkDocs' page events, "
    "which Newsroom's pages do not go through, so news pages get no card",
}


class HookFailed(Exception):
    """Another plugin's `on_post_page` raised over a news page."""

    PREFIX = "the on_post_page of "

    def __init__(self, name: str, error: Exception) -> None:
        super().__init__(
            f"{self.PREFIX}{name} failed ({type(error).__name__}: {error}); with "
            "plugin_page_events: false news pages are written without other plugins' hooks"
        )


@dataclass(frozen=True)
class PostPageHooks:
    """The `on_post_page` hooks of the plugins other than Newsroom, in the order MkDocs runs
    them, each with the name the site gives its plugin under `plugins:` (or `hooks:`)."""

    hooks: tuple[tuple[str, Callable[..., Any]], ...] = ()
    main_process: tuple[str, ...] = ()  # plugins whose hooks must run in this process
    skipped: tuple[tuple[str, str], ...] = ()  # plugins not run over news pages, and why

    def __bool__(self) -> bool:
        return bool(self.hooks)

    @property
    def names(self) -> list[str]:
        return list(dict.fromkeys(name for name, _hook in self.hooks))

    def run(self, html: str, page: Page, config: MkDocsConfig) -> tuple[str, float]:
        """The page's HTML after every hook, and the seconds the hooks took. A hook that
        returns None leaves the HTML as it was, as in MkDocs."""
        started = time.perf_counter()
        for name, hook in self.hooks:
            try:
                changed = hook(html, page=page, config=config)
            except Exception as error:  # any fault of another plugin, named
                raise HookFailed(name, error) from error
            if changed is not None:
                html = changed
        return html, time.perf_counter() - started


def other_post_page_hooks(config: MkDocsConfig) -> PostPageHooks:
    """What other plugins (and `hooks:` modules) defined `on_post_page` for."""
    plugins = dict(config.plugins.items())
    hooks = []
    main_process: list[str] = []
    skipped: dict[str, str] = {}
    for hook in config.plugins.events["post_page"]:
        owner = getattr(hook, "__self__", None)
        module = type(owner).__module__ if owner is not None else ""
        if module.split(".")[0] == PACKAGE:
            continue  # Newsroom's own, applied by the renderer
        owners = (name for name, hooked in plugins.items() if _post_page(hooked) == hook)
        name = next(owners, getattr(hook, "__qualname__", "a hook"))
        if not _enabled(owner):
            continue  # Material's plugins keep their hooks when `enabled: false`
        why_not = next(
            (why for kind, why in NOT_FOR_NEWS_PAGES.items() if module.startswith(kind)), ""
        )
        if why_not:
            skipped[name] = why_not
            continue
        hooks.append((name, hook))
        if module.startswith(MAIN_PROCESS_ONLY) and name not in main_process:
            main_process.append(name)
    return PostPageHooks(tuple(hooks), tuple(main_process), tuple(skipped.items()))


def _post_page(plugin: object) -> object:
    return getattr(plugin, "on_post_page", None)


def _enabled(plugin: object) -> bool:
    options = getattr(plugin, "config", None)
    return not (isinstance(options, Mapping) and options.get("enabled", True) is False)


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


def skipped_lines(hooks: PostPageHooks) -> list[str]:
    return [
        f"the on_post_page of {name} is not run over news pages: {why}"
        for name, why in hooks.skipped
    ]
