"""How a page links to the rest of the site: from the site's root (`/section/world/`, or
`/repo/section/world/` for a `site_url` with a path) when `site_url` is set, as Hugo and Jekyll
do and as MkDocs does for its 404 page; relative to the page (`../../section/world/`) when it
is not, so that such a site still works wherever it is put.

MkDocs gives every page a `base_url`, its way back to the site's root ('../..', '.'), and its
`url` filter makes each link relative to the page. Here a page from the root gets the site's
path as its `base_url` ('/', '/repo/'), the form MkDocs gives its 404 page, and the filters
below write its links from there; Material reads `base_url` as it reads the 404 page's.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urlsplit

from jinja2 import pass_context
from markupsafe import Markup
from mkdocs.utils import templates

from ..urls import site_path

if TYPE_CHECKING:
    from jinja2 import Environment
    from jinja2.runtime import Context
    from mkdocs.config.config_options import ExtraScriptValue
    from mkdocs.utils.templates import TemplateContext


def site_root(site_url: str) -> str:
    """The path of the site's root ('/', '/repo/') that pages link from, or '' (no
    `site_url`: pages link relative to themselves)."""
    return site_path(site_url) if site_url else ""


def root_prefix(base_url: str) -> str:
    """What goes before a site-relative path on a page of `base_url`: '../..' -> '../../',
    '.' -> './', '/repo/' -> '/repo/'."""
    return base_url if base_url.endswith("/") else f"{base_url}/"


def from_root(url: str, root: str) -> str:
    """A site-relative `url` ('section/world/', '' for the home page) as a path from the
    server's root, under `root` ('/', '/repo/'); an address with a scheme, a path from the
    server's root or a fragment, as it is (as MkDocs' `url` filter leaves them)."""
    if not url or url == ".":
        return root
    if url.startswith(("/", "#")) or (":" in url and urlsplit(url).scheme):
        return url
    if "./" not in url and not url.startswith("."):
        return root + url
    joined = posixpath.normpath(root + url)
    return f"{joined}/" if url.endswith(("/", "/.", "/..")) and joined != "/" else joined


def use_root_links(env: Environment) -> None:
    """MkDocs' `url` and `script_tag` filters, writing links from the site's root on a page
    whose `base_url` is the root's path (see rooted_context)."""
    env.filters["url"] = _url_filter
    env.filters["script_tag"] = _script_tag_filter


def rooted_context(context: dict[str, Any], root: str) -> None:
    """Make a page's context (MkDocs' `get_context`) link from `root`: its `base_url`, and
    the addresses of `extra_css` and `extra_javascript` MkDocs made relative to it."""
    context["base_url"] = root
    config = context["config"]
    context["extra_css"] = [from_root(str(path), root) for path in config.extra_css]
    context["extra_javascript"] = [
        from_root(str(script), root) for script in config.extra_javascript
    ]


def _from_site_root(context: Context) -> str:
    """The root a page links from, or '' for a page whose links are relative (and for
    MkDocs' own 404 page, whose `base_url` MkDocs joins as it always has)."""
    base = str(context.get("base_url", ""))
    return base if base.startswith("/") and context.get("page") is not None else ""


@pass_context
def _url_filter(context: Context, value: str) -> str:
    root = _from_site_root(context)
    if root:
        return from_root(str(value), root)
    return templates.url_filter(cast("TemplateContext", context), value)


@pass_context
def _script_tag_filter(context: Context, extra_script: ExtraScriptValue | str) -> str:
    root = _from_site_root(context)
    if not root:
        script = cast("ExtraScriptValue", extra_script)
        return templates.script_tag_filter(cast("TemplateContext", context), script)
    html = '<script src="{0}"'
    if not isinstance(extra_script, str):
        if extra_script.type:
            html += ' type="{1.type}"'
        if extra_script.defer:
            html += " defer"
        if extra_script.async_:
            html += " async"
    html += "></script>"
    return Markup(html).format(from_root(str(extra_script), root), extra_script)
