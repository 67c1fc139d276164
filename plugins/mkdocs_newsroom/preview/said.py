"""What the preview says where it has no page. Under `mkdocs serve`, an address the site does
not have (the story whose last save could not be read, a page left out, a story moved to
another address, a mistyped one) answers with the theme's 404 page, what the last build said
(its warnings and errors, and those of the copy edits since), and a script that reloads the
page after the next build, as MkDocs' live reload does the site's pages: the reporter who
saved a front matter that cannot be read sees why where the story was, and the story again
once it is fixed. Nothing of it is written to the site folder: it is added to the page as the
dev server answers."""

from __future__ import annotations

import logging
import re
import threading
from typing import TYPE_CHECKING

from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.plugins import get_plugin_logger

from ..problems import one_line
from ..rendering.template_faults import described

if TYPE_CHECKING:
    from collections.abc import Callable

    from jinja2 import Environment

    ErrorPage = Callable[[int], "bytes | None"]

_log = get_plugin_logger("newsroom")
TEMPLATE = "news/partials/preview-said.html"
MAX_LINES = 500  # a build that says more is read in the terminal
# The loggers of MkDocs and its plugins, and of ProperDocs and its plugins (where `mkdocs` is
# ProperDocs, under its own name)
_RUNNERS = ("mkdocs", "properdocs")
# The dev server's live reload: the page asks for the first build after `epoch`, and reloads
# when it is done (MkDocs' and ProperDocs' /livereload/<epoch>/<request> protocol)
_RELOAD = (
    "<script>(function(){var epoch=%d;function poll(){var r=new XMLHttpRequest();"
    "r.onloadend=function(){if(parseFloat(this.responseText)>epoch){location.reload()}"
    "else{setTimeout(poll,this.status===200?0:3000)}};"
    'r.open("GET","/livereload/"+epoch+"/0");r.send()}poll()})();</script>'
)
_BARE = "<!doctype html><html><head><meta charset=utf-8><title>404</title></head><body></body>"


def config_errors_said(builder: Callable[[], None]) -> Callable[[], None]:
    """The dev server's rebuild, with a mkdocs.yml saved that cannot be read as YAML said in
    one line: MkDocs' server prints the traceback of any error of its own but an Abort."""

    def rebuild() -> None:
        try:
            builder()
        except ConfigurationError as error:
            _log.error(one_line(" ".join(str(error).split())))
            raise Abort("Aborted with a configuration error!") from None

    return rebuild


def said_again(error: Exception) -> None:
    """Let the build's error be said again: MkDocs' build says an error that stops it through
    a logger that lets each message through once in a process's life (its DuplicateFilter),
    so a preview whose rebuild stops again on the same mistake would say nothing but
    "Aborted with a BuildError!". Called before the build says it."""
    message = str(error)
    for name in _RUNNERS:
        for said_once in logging.getLogger(f"{name}.commands.build").filters:
            messages = getattr(said_once, "msgs", None)
            if isinstance(messages, set):
                messages.discard(message)


class SaidInPreview(logging.Handler):
    """The warnings and errors MkDocs and its plugins said in the preview's last whole build,
    and in the copy edits since (a copy edit says only what reading the saved story says:
    a line it no longer says stays until the next whole build, rather than a line still true
    going)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self._lock = threading.Lock()
        self._lines: list[str] = []
        self._shown: tuple[Environment, str] | None = None
        self._told: frozenset[str] = frozenset()

    def shown_by(self, env: Environment, locale: str) -> None:
        """The last build's theme (TEMPLATE, overridable) shows them, in its first edition's
        language."""
        self._shown = (env, locale)

    @classmethod
    def listening(cls) -> SaidInPreview:
        said = cls()
        for name in _RUNNERS:
            logging.getLogger(name).addHandler(said)
        return said

    def close(self) -> None:
        for name in _RUNNERS:
            logging.getLogger(name).removeHandler(self)
        super().close()

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.endswith(".livereload"):  # the dev server's requests, not a build's
            return
        with self._lock:
            if len(self._lines) < MAX_LINES:
                self._lines.append(record.getMessage())

    def _tell_once(self, line: str) -> None:
        """A fault of the 404 box, said once a build, not at each address asked for."""
        with self._lock:
            told, self._told = line in self._told, self._told | {line}
        if not told:
            _log.warning(one_line(line))

    def build_starts(self) -> None:
        with self._lock:
            self._lines = []
            self._told = frozenset()

    def lines(self) -> list[str]:
        """What was said, each line once (a copy edit says a story's lines again)."""
        with self._lock:
            return list(dict.fromkeys(self._lines))

    def answering(self, error_page: ErrorPage, epoch: Callable[[], int | None]) -> ErrorPage:
        """The dev server's error pages, its 404 with what was said (at the end of the page's
        content column) and the live reload (`epoch`: the build the browser sees)."""

        def answer(code: int) -> bytes | None:
            page = error_page(code)
            if code != 404 or self._shown is None:
                return page
            env, locale = self._shown
            try:
                said = env.get_template(TEMPLATE).render(lines=self.lines(), locale=locale)
            except Exception as error:  # an override's fault: the 404 page without the box
                said = ""
                self._tell_once(f"the preview's 404 box could not be shown ({described(error)})")
            text = page.decode("utf-8", "replace") if page else _BARE
            text = _inserted(text, said, ("</article>", "</body>"))
            if (shown := epoch()) is not None:
                text = _inserted(text, _RELOAD % shown, ("</body>",))
            return text.encode("utf-8")

        return answer


def _inserted(page: str, block: str, before: tuple[str, ...]) -> str:
    """`block` put before the last of the first of the tags `before` the page holds (in any
    case), or at its end."""
    for tag in before:  # not page.lower(): a letter may lower to two ('İ')
        if places := [found.start() for found in re.finditer(re.escape(tag), page, re.I)]:
            return page[: places[-1]] + block + page[places[-1] :]
    return page + block
