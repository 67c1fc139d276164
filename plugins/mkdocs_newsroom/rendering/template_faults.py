"""A fault raised while a template was rendered, in one line that names the template and its
line when the template's own code raised it (an editor's slip in `overrides/`)."""

from __future__ import annotations

import os
from traceback import extract_tb

from jinja2 import TemplateSyntaxError

JINJA = f"{os.sep}jinja2{os.sep}"  # Jinja's own frames, between a template's and the fault
TEMPLATE_SUFFIXES = (".html", ".xml", ".j2", ".jinja")


def described(error: Exception) -> str:
    """'TemplateSyntaxError in overrides/news/article.html:12: unexpected '}'', or the
    fault's kind and words alone when no template's own code raised it."""
    words = " ".join(str(error).split())
    return f"{type(error).__name__}{_template_place(error)}: {words}"


def _template_place(error: Exception) -> str:
    """' in overrides/news/article.html:12' when a template's own code raised `error` (a
    syntax error names its file and line; Jinja gives the frames of a template's code its
    file and line), else ''."""
    if isinstance(error, TemplateSyntaxError):
        return f" in {_shown_path(error.filename or error.name or '?')}:{error.lineno}"
    frames = [frame for frame in extract_tb(error.__traceback__) if JINJA not in frame.filename]
    if frames and frames[-1].filename.endswith(TEMPLATE_SUFFIXES):
        return f" in {_shown_path(frames[-1].filename)}:{frames[-1].lineno}"
    return ""


def _shown_path(path: str) -> str:
    """`path` from the current folder (the site's, as MkDocs runs), if it is inside it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative
