"""Redirect pages at the old addresses of articles (their `aliases`): a page that sends the
browser on at once (meta refresh), tells search engines where the article now lives
(canonical link) and not to index this address, and shows a plain link for everyone else.

A redirect never replaces a file: one already at its place (a page, a picture, anything a
build wrote there) is reported and kept. Only a redirect page Newsroom wrote before is
written over, by the same alias in a later build."""

from __future__ import annotations

import html
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote, urlsplit

from ..problems import Problem, unwritable
from ..urls import absolute_url, shown
from .files import paths_linked_out, remove_files

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from ..catalogue.aliases import Redirect

MARKER = '<meta name="generator" content="Newsroom redirect">'


def redirect_page(redirect: Redirect, site_url: str, lang: str) -> str:
    """The page at `redirect.alias`; its links are relative (they work wherever the site is
    served), the canonical one absolute when the site has a `site_url`."""
    article = redirect.article
    here = posixpath.dirname(redirect.path) or "."
    relative = posixpath.relpath(article.url.rstrip("/") or ".", here) + "/"
    href = html.escape(quote(relative, safe="/-._~"))
    canonical = html.escape(absolute_url(site_url, article.url)) if site_url else href
    title = html.escape(article.title)
    return (
        "<!doctype html>\n"
        f'<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n{MARKER}\n'
        '<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        f'<link rel="canonical" href="{canonical}">\n'
        f"<title>{title}</title>\n</head>\n<body>\n"
        f'<p><a href="{href}">{title}</a></p>\n</body>\n</html>\n'
    )


@dataclass(frozen=True)
class RedirectPage:
    """A redirect page to write: where, its text, and the article whose alias it is."""

    path: str  # relative to the site folder
    text: str
    source: str  # the article's file
    alias: str
    line: int | None = None  # of the article's 'aliases'


def redirect_pages(
    redirects: Iterable[Redirect], site_url: str, langs: Mapping[str, str]
) -> list[RedirectPage]:
    """The page of each redirect. `langs`: each edition's language, by edition id, for
    articles that do not give their own."""
    pages = []
    for redirect in redirects:
        article = redirect.article
        lang = article.lang or langs.get(article.edition, "en")
        text = redirect_page(redirect, site_url, lang)
        pages.append(
            RedirectPage(redirect.path, text, article.source, redirect.alias, article.aliases_line)
        )
    return pages


def project_path_aliases(redirects: Iterable[Redirect], site_url: str) -> list[Problem]:
    """An alias that starts with the path of a project site's `site_url` (`/paper/…` for
    `https://user.github.io/paper/`): aliases are paths from the site's root, so its redirect
    would be at `/paper/paper/…`, where nobody goes."""
    prefix = unquote(urlsplit(site_url).path).strip("/")
    if not prefix:
        return []
    return [
        Problem(
            redirect.article.source,
            f"its alias /{redirect.alias} starts with /{prefix}/, the path of site_url, but "
            f"aliases are paths from the site's root, so its redirect is at "
            f"/{prefix}/{redirect.alias}; write it as /{redirect.alias[len(prefix) + 1 :]}",
            redirect.article.aliases_line,
        )
        for redirect in redirects
        if redirect.alias.startswith(f"{prefix}/")
    ]


def publish_redirects(
    redirects: Sequence[Redirect],
    site_dir: str,
    site_url: str,
    langs: Mapping[str, str],
    before: Mapping[str, str],
    in_place: Callable[[str], bool],
) -> tuple[dict[str, str], list[Problem]]:
    """Write the redirect page of each of the articles' `redirects` (`langs`, `before` and
    `in_place` as for `redirect_pages` and `write_redirects`): what was written, by path, and
    what is wrong with the aliases or could not be written."""
    pages = redirect_pages(redirects, site_url, langs)
    written, refused = write_redirects(site_dir, pages, before, in_place)
    return written, [*project_path_aliases(redirects, site_url), *refused]


def write_redirects(
    site_dir: str,
    pages: Iterable[RedirectPage],
    before: Mapping[str, str],
    in_place: Callable[[str], bool],
) -> tuple[dict[str, str], list[Problem]]:
    """Write the redirect pages where nothing else is; `before`: what the last build of
    `mkdocs serve` wrote, by path (an unchanged page still in place is not written again, one
    gone from the site is removed). Returns what was written, by path, and what could not
    be."""
    root = Path(site_dir).resolve()
    written: dict[str, str] = {}
    pages = list(pages)
    # a link out of the site folder at an alias' place is the link's fault: its own line
    out, problems = paths_linked_out(site_dir, [page.path for page in pages])
    for page in pages:
        path, text = page.path, page.text
        if path in out:
            continue
        if in_place(path) and before.get(path) == text:
            written[path] = text
            continue
        try:
            target = (root / path).resolve()
            blocker = _blocker(root, target)
            if blocker is None:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
        except OSError as error:  # what the file system cannot hold: never the whole build
            problems.append(unwritable(root / path, error))
            continue
        if blocker is not None:
            problems.append(
                Problem(
                    page.source,
                    f"the redirect page of alias '{shown(page.alias)}' was not written "
                    f"({blocker}); remove the alias, or the file that has its address",
                    page.line,
                )
            )
            continue
        written[path] = text
    gone = [p for p in before.keys() - written.keys() if in_place(p) and is_redirect(root / p)]
    problems += remove_files(root, sorted(gone))[1]
    return written, problems


def _blocker(root: Path, target: Path) -> str | None:
    """What stands where a redirect would go: a file that is not a redirect of ours, or a
    file where a folder of its path should be. None if the place is free."""
    if root not in target.parents:
        return "it is outside the site folder"
    for folder in target.relative_to(root).parents:
        if folder != Path() and (root / folder).is_file():
            return f"{folder.as_posix()} is a file"
    if target.is_dir():
        return "a folder is there"
    if target.exists() and not is_redirect(target):
        return "a file is already there"
    return None


def is_redirect(path: Path) -> bool:
    """Whether the file at `path` is a redirect page Newsroom wrote (never a pipe's read)."""
    if not path.is_file():
        return False
    try:
        with path.open(encoding="utf-8", errors="replace") as file:
            return MARKER in file.read(200)
    except OSError:
        return False
