"""Offline checks of a built site: HTML validity, links and anchors, feeds, sitemaps, metadata.

Plain functions that take built files and return a list of problems (an empty list means the
output passed), so a test reads `assert vnu_errors(site_dir) == []` and its failure message
names every problem at once. They need no network: the Nu validator runs from the npm jar with
the system Java, schemas live in `tests/data/schemas/`. See ../shared/VERIFY.md for why these
tools, and for Material for MkDocs' known baseline noise that the checkers filter.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
from collections.abc import Iterable
from email.utils import parsedate_tz
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urljoin, urlsplit, urlunsplit

import extruct
import feedparser
from lxml import etree
from selectolax.lexbor import LexborHTMLParser

REPO = Path(__file__).resolve().parent.parent
SCHEMAS = Path(__file__).resolve().parent / "data" / "schemas"
VNU_JAR = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

ATOM_NS = "http://www.w3.org/2005/Atom"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"

# --------------------------------------------------------------------------------------------
# HTML validity: the Nu validator
# --------------------------------------------------------------------------------------------

# Material 9.8's known baseline errors (VERIFY.md §2a). They are dropped only where they come
# from Material's own markup: the autocomplete error on the two checkbox toggles, and the
# `<label for="__toc">` error on pages that are not in the nav. The same message anywhere else
# is a real error and is kept.
_AUTOCOMPLETE = "Attribute “autocomplete” is only allowed when the input type is "
_LABEL_FOR = (
    "The value of the “for” attribute of the “label” element must be the ID of a non-hidden "
    "form control."
)
_MATERIAL_TOGGLE = re.compile(r'<input\b[^>]*\bid="__(?:drawer|search)"')
_MATERIAL_TOC_LABEL = re.compile(r'<label\b[^>]*\bfor="__toc"')
_GNU_LINE = re.compile(
    r'^"(?P<url>[^"]*)":(?:(?P<loc>\d+\.\d+(?:-\d+\.\d+)?):)? (?P<kind>[a-z ]+): (?P<msg>.*)$'
)
_VNU_COMMAND = ("java", "-jar", str(VNU_JAR), "--skip-non-html", "--errors-only", "--format", "gnu")
_VNU_BATCH = 2000  # files per JVM call, far below any command-line length limit


def _source_at(path: Path, loc: str, lines: dict[Path, list[str]]) -> str:
    """The source text that a vnu location `l1.c1-l2.c2` (1-based, inclusive) points at."""
    if path not in lines:
        lines[path] = path.read_text(encoding="utf-8", errors="replace").splitlines()
    text = lines[path]
    start, _, end = loc.partition("-")
    l1, c1 = (int(n) for n in start.split("."))
    l2, c2 = (int(n) for n in (end or start).split("."))
    if not 1 <= l1 <= l2 <= len(text):
        return ""
    if l1 == l2:
        return text[l1 - 1][c1 - 1 : c2]
    return "\n".join([text[l1 - 1][c1 - 1 :], *text[l1 : l2 - 1], text[l2 - 1][:c2]])


def _is_material_baseline(
    path: Path, loc: str | None, message: str, cache_: dict[Path, list[str]]
) -> bool:
    if loc is None or not path.is_file():
        return False
    if message.startswith(_AUTOCOMPLETE):
        source = _source_at(path, loc, cache_)
        return bool(_MATERIAL_TOGGLE.search(source)) and 'type="checkbox"' in source
    if message == _LABEL_FOR:
        return bool(_MATERIAL_TOC_LABEL.search(_source_at(path, loc, cache_)))
    return False


def vnu_errors(paths_or_dir: str | Path | Iterable[str | Path]) -> list[str]:
    """Errors the Nu HTML validator finds, minus Material 9.8's known baseline.

    `paths_or_dir` is one HTML file, one directory (every HTML file under it is checked;
    other files are skipped) or several files and directories. Everything goes to as few JVM
    calls as possible (one for up to 2000 arguments). Each error is returned as
    `path:line.col-line.col: message`, the path relative to the directory when a single
    directory was given. Lines vnu prints that do not parse are returned as they are, so
    nothing it says is lost.
    """
    if isinstance(paths_or_dir, str | Path):
        targets = [Path(paths_or_dir)]
        root = targets[0] if targets[0].is_dir() else None
    else:
        targets = [Path(p) for p in paths_or_dir]
        root = None
    if not targets:
        return []
    output: list[str] = []
    for start in range(0, len(targets), _VNU_BATCH):
        batch = [str(p) for p in targets[start : start + _VNU_BATCH]]
        run = subprocess.run(
            [*_VNU_COMMAND, *batch],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
        if run.returncode not in (0, 1):
            raise RuntimeError(f"vnu failed ({run.returncode}): {run.stderr or run.stdout}")
        output += (run.stderr + run.stdout).splitlines()
    errors: list[str] = []
    sources: dict[Path, list[str]] = {}
    for line in output:
        if not line.strip():
            continue
        match = _GNU_LINE.match(line)
        if not match:
            errors.append(line)
            continue
        url, loc, message = match["url"], match["loc"], match["msg"]
        path = Path(unquote(url.removeprefix("file:")))
        if _is_material_baseline(path, loc, message, sources):
            continue
        shown = path.relative_to(root).as_posix() if root and path.is_relative_to(root) else path
        errors.append(f"{shown}:{loc or ''}: {message}" if loc else f"{shown}: {message}")
    return errors


# --------------------------------------------------------------------------------------------
# Internal links and anchors
# --------------------------------------------------------------------------------------------

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# Absolute URLs in these <meta> tags are checked too when they point into the site.
_META_URLS = 'meta[property="og:url"], meta[property="og:image"], meta[name="twitter:image"]'


def _page_links(tree: LexborHTMLParser) -> list[tuple[str, str]]:
    """(attribute, URL) of every link in a page: href (xlink:href, an SVG <use>'s), src,
    srcset candidates, poster."""
    links: list[tuple[str, str]] = []
    for node in tree.css("[href], [src], [srcset], [poster], use"):
        attrs = node.attributes
        for name in ("href", "xlink:href", "src", "poster"):
            value = attrs.get(name)
            if value is not None:
                links.append((name, value.strip()))
        links += [("srcset", url) for url in _srcset_urls(attrs.get("srcset") or "")]
    for node in tree.css(_META_URLS):
        value = (node.attributes.get("content") or "").strip()
        if value.startswith(("http://", "https://")):
            links.append((node.attributes.get("property") or "content", value))
    return links


def _page_anchors(tree: LexborHTMLParser) -> set[str]:
    """The fragment targets of a page: every id, and the name of every <a name>."""
    anchors = {node.attributes.get("id") or "" for node in tree.css("[id]")}
    anchors |= {node.attributes.get("name") or "" for node in tree.css("a[name]")}
    anchors.discard("")
    return anchors


def broken_links(site_dir: str | Path, site_url: str) -> list[str]:
    """Internal links and #fragments in the built HTML that lead nowhere.

    Every href, src, srcset and poster of every `*.html` page under `site_dir` (plus absolute
    og:url, og:image and twitter:image URLs) is resolved the way a browser resolves it on the
    deployed site, `site_url` included (so `/repo/...` root-absolute links are checked
    against the site_url path `/repo/`). An internal URL must lead to a file in the site: a
    directory URL to its `index.html`, percent-encoded (non-ASCII) paths decoded. A
    `#fragment` must be an id, or an `<a name>`, in the target page (`#top` is always fine).
    External http(s) links and other schemes (mailto:, javascript:, data:, tel:, ...) are
    ignored. The root `404.html` is served at any depth, so a relative link in it (other
    than a bare #fragment) is reported too.

    Each problem reads `page: attribute='url': what is wrong`, pages relative to site_dir.
    """
    site = Path(site_dir)
    base = urlsplit(site_url)
    prefix = base.path if base.path.endswith("/") else base.path + "/"
    host = base.netloc.lower()
    pages: dict[Path, tuple[list[tuple[str, str]], set[str]]] = {}
    for page in sorted(site.rglob("*.html")):
        tree = LexborHTMLParser(page.read_text(encoding="utf-8", errors="replace"))
        pages[page] = (_page_links(tree), _page_anchors(tree))

    problems: list[str] = []
    for page, (links, _) in pages.items():
        rel = page.relative_to(site).as_posix()
        page_url = urlunsplit((base.scheme, base.netloc, prefix + quote(rel), "", ""))
        for attr, value in links:
            problem = _link_problem(
                site,
                pages,
                page_url,
                rel,
                value,
                prefix=prefix,
                host=host,
                is_404=rel == "404.html",
            )
            if problem:
                line = f"{rel}: {attr}={value!r}: {problem}"
                if line not in problems:
                    problems.append(line)
    return problems


def _link_problem(
    site: Path,
    pages: dict[Path, tuple[list[tuple[str, str]], set[str]]],
    page_url: str,
    rel: str,
    value: str,
    *,
    prefix: str,
    host: str,
    is_404: bool,
) -> str | None:
    if not value:
        return None  # the page itself
    scheme = _SCHEME.match(value)
    if scheme and scheme.group().lower() not in ("http:", "https:"):
        return None  # mailto:, javascript:, data:, tel: ...
    if is_404 and not scheme and not value.startswith(("/", "#")):
        return "relative link in 404.html, which is served at any URL; make it root-absolute"
    target = urlsplit(urljoin(page_url, value))
    if target.netloc.lower() != host:
        return None  # external
    if not (target.path + "/").startswith(prefix):
        return f"points outside the site, whose path is {prefix}"
    path = unquote(target.path[len(prefix) :])
    file = site / path
    if path == "" or path.endswith("/") or file.is_dir():
        file = file / "index.html"
    if not file.is_file():
        return f"no such file {file.relative_to(site).as_posix()}"
    fragment = unquote(target.fragment)
    if fragment and fragment != "top" and file.suffix == ".html":
        anchors = pages[file][1] if file in pages else set()
        if fragment not in anchors:
            return f"no id {fragment!r} in {file.relative_to(site).as_posix()}"
    return None


# --------------------------------------------------------------------------------------------
# Feeds and sitemaps
# --------------------------------------------------------------------------------------------

_XML_PARSER_OPTIONS: dict[str, Any] = {"resolve_entities": False, "no_network": True}


def _parse_xml(path: str | Path) -> etree._ElementTree:
    """Parse an XML file (gunzipped first if it ends with .gz), without network or entities."""
    data = Path(path).read_bytes()
    if str(path).endswith(".gz"):
        data = gzip.decompress(data)
    parser = etree.XMLParser(**_XML_PARSER_OPTIONS)
    return etree.ElementTree(etree.fromstring(data, parser))


@cache
def _relaxng(name: str) -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(SCHEMAS / name)))


@cache
def _xsd(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


def _log(log: Any) -> list[str]:
    return [f"line {entry.line}: {entry.message}" for entry in log]


def validate_atom(path: str | Path) -> list[str]:
    """Problems of an Atom feed (RFC 4287): its RELAX NG grammar plus two Schematron rules.

    The grammar is RFC 4287 Appendix B (`tests/data/schemas/atom.rng`). Its Schematron rules
    are annotations lxml does not run, so two are checked here: an `atom:feed` without an
    `atom:author` needs one in every entry, and every entry needs `link rel="alternate"`
    (rel defaults to alternate) or `content`.
    """
    try:
        doc = _parse_xml(path)
    except etree.XMLSyntaxError as error:
        return [f"not well-formed XML: {error}"]
    schema = _relaxng("atom.rng")
    problems = [] if schema.validate(doc) else _log(schema.error_log)
    root = doc.getroot()
    a = f"{{{ATOM_NS}}}"
    entries = root.findall(f"{a}entry") if root.tag == f"{a}feed" else [root]
    if root.tag == f"{a}feed" and root.find(f"{a}author") is None:
        for number, entry in enumerate(entries, 1):
            if entry.find(f"{a}author") is None and entry.find(f"{a}source/{a}author") is None:
                problems.append(f"entry {number}: no atom:author, and the feed has none")
    for number, entry in enumerate(entries, 1):
        alternate = [
            link
            for link in entry.findall(f"{a}link")
            if link.get("rel", "alternate") == "alternate"
        ]
        if not alternate and entry.find(f"{a}content") is None:
            problems.append(f'entry {number}: neither a link rel="alternate" nor a content')
    return problems


def _sitemap_errors(path: str | Path, schema_name: str) -> tuple[list[str], Any]:
    try:
        doc = _parse_xml(path)
    except etree.XMLSyntaxError as error:
        return [f"not well-formed XML: {error}"], None
    schema = _xsd(schema_name)
    problems = [] if schema.validate(doc) else _log(schema.error_log)
    return problems, doc.getroot()


def validate_sitemap(path: str | Path) -> list[str]:
    """Problems of a sitemap (sitemaps.org 0.9; `sitemap.xml` or `sitemap.xml.gz`).

    The XML Schema in `tests/data/schemas/sitemap.xsd` (loc 12 to 2048 characters, W3C
    datetime lastmod, changefreq, priority; extension elements only with their own schema:
    `xhtml:link` hreflang alternates are known, through `sitemap-with-alternates.xsd`),
    plus the protocol's size limits: at most 50,000 URLs and 50 MB uncompressed.
    """
    problems, root = _sitemap_errors(path, "sitemap-with-alternates.xsd")
    if root is not None:
        count = len(root.findall(f"{{{SITEMAP_NS}}}url"))
        if count > 50_000:
            problems.append(f"{count} URLs; a sitemap may hold at most 50,000")
        size = len(etree.tostring(root))
        if size > 50 * 1024 * 1024:
            problems.append(f"{size} bytes uncompressed; a sitemap may be at most 50 MB")
    return problems


def validate_news_sitemap(path: str | Path) -> list[str]:
    """Problems of a Google News sitemap: sitemaps.org 0.9 plus the `news:` tags.

    Validated against `sitemap-with-news.xsd` (news:publication with name and an ISO 639
    language, publication_date, title), with at most 1,000 `news:news` elements. An empty
    `urlset` is accepted: Google allows an empty news sitemap when nothing is recent. The
    two-day window depends on "now" and is left to the caller.
    """
    problems, root = _sitemap_errors(path, "sitemap-with-news.xsd")
    if root is None:
        return problems
    if root.tag == f"{{{SITEMAP_NS}}}urlset" and len(root) == 0:
        return []
    count = len(root.findall(f"{{{SITEMAP_NS}}}url/{{{NEWS_NS}}}news"))
    if count > 1000:
        problems.append(f"{count} news:news elements; a news sitemap may hold at most 1,000")
    return problems


# RFC 822 §5.1 zones: a numeric offset, UT/GMT, the US zones, or a military letter.
_RFC822_ZONE = re.compile(r"\s(?:[+-]\d{4}|UT|GMT|[ECMP][SD]T|[A-IK-Z])$")


def _date_problem(where: str, text: str | None) -> str | None:
    if text is None:
        return None
    if parsedate_tz(text.strip()) is None:
        return f"{where}: {text!r} is not an RFC 822 date"
    if not _RFC822_ZONE.search(text.strip()):
        return f"{where}: {text!r} has no RFC 822 time zone"
    return None


def rss_problems(path: str | Path) -> list[str]:
    """Problems of an RSS 2.0 feed, by the rules of the RSS Advisory Board's spec.

    The root is `<rss version="2.0">` with one `channel`; the channel has a non-empty title,
    link and description, and an `atom:link rel="self"`; every item has a title or a
    description, and a non-empty, unique guid (a URL unless `isPermaLink="false"`); every
    pubDate and lastBuildDate is an RFC 822 date with a zone (`email.utils.parsedate_tz`);
    feedparser reads the file without complaint (`bozo` false).
    """
    parsed = feedparser.parse(str(path))
    bozo = [f"feedparser: {parsed.bozo_exception}"] if parsed.bozo else []
    try:
        root = _parse_xml(path).getroot()
    except etree.XMLSyntaxError as error:
        return [f"not well-formed XML: {error}", *bozo]
    problems: list[str] = []
    if root.tag != "rss" or root.get("version") != "2.0":
        problems.append(f'the root is <{root.tag} version="{root.get("version")}">, not RSS 2.0')
    channels = root.findall("channel")
    if len(channels) != 1:
        return [*problems, f"{len(channels)} channel elements; RSS 2.0 needs one", *bozo]
    channel = channels[0]
    for name in ("title", "link", "description"):
        if not (channel.findtext(name) or "").strip():
            problems.append(f"channel: no {name}")
    selfs = [
        link
        for link in channel.findall(f"{{{ATOM_NS}}}link")
        if link.get("rel") == "self" and link.get("href")
    ]
    if not selfs:
        problems.append('channel: no atom:link rel="self"')
    for name in ("pubDate", "lastBuildDate"):
        problem = _date_problem(f"channel {name}", channel.findtext(name))
        if problem:
            problems.append(problem)
    guids: dict[str, int] = {}
    for number, item in enumerate(channel.findall("item"), 1):
        where = f"item {number}"
        if (
            not (item.findtext("title") or "").strip()
            and not (item.findtext("description") or "").strip()
        ):
            problems.append(f"{where}: neither a title nor a description")
        problem = _date_problem(f"{where} pubDate", item.findtext("pubDate"))
        if problem:
            problems.append(problem)
        guid = item.find("guid")
        value = (guid.text or "").strip() if guid is not None else ""
        if not value:
            problems.append(f"{where}: no guid")
            continue
        permalink = guid is not None and guid.get("isPermaLink", "true") == "true"
        if permalink and not value.startswith(("http://", "https://")):
            problems.append(f"{where}: guid {value!r} is a permalink but not a URL")
        if value in guids:
            problems.append(f"{where}: guid {value!r} repeats item {guids[value]}")
        else:
            guids[value] = number
    return problems + bozo


# --------------------------------------------------------------------------------------------
# Structured data
# --------------------------------------------------------------------------------------------


def structured_data(html: str, base_url: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """The JSON-LD and OpenGraph data of a page, as extruct reads it (`uniform=True`).

    Returns `{"json-ld": [...], "opengraph": [...]}`. OpenGraph tags that a broken <head>
    pushed into <body> are not found, so this also notices head corruption.
    """
    data: dict[str, list[dict[str, Any]]] = extruct.extract(
        html, base_url=base_url, syntaxes=["json-ld", "opengraph"], uniform=True
    )
    return data


# --------------------------------------------------------------------------------------------
# Newsroom's search index, updated in place by a preview
# --------------------------------------------------------------------------------------------


def search_differences(preview: str | Path, fresh: str | Path) -> list[str]:
    """How a preview's search index differs from a fresh build's. A preview updates its index
    in place, so its shards may be laid out otherwise; it must hold the same documents, and
    no file its manifest does not name (a shard left over from an earlier layout or locale)."""
    from mkdocs_newsroom.search.query import IndexFiles
    from mkdocs_newsroom.search.shards import INDEX_DIR, chunk_path, postings_path, prefix_path

    problems = []
    shown, built = Path(preview) / INDEX_DIR, Path(fresh) / INDEX_DIR
    if sorted(IndexFiles.read(shown).documents()) != sorted(IndexFiles.read(built).documents()):
        problems.append("the preview's index holds other documents than a fresh build's")
    for folder in (shown, built):
        manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
        named = {
            "manifest.json",
            *(postings_path(shard) for shard in range(manifest["postings"])),
            *(prefix_path(shard) for shard in range(manifest["prefixes"])),
            *(chunk_path(chunk) for chunk in range(-(-manifest["slots"] // manifest["chunk"]))),
        }
        present = {path.relative_to(folder).as_posix() for path in folder.rglob("*")}
        present = {path for path in present if (folder / path).is_file()}
        problems += [f"{folder}: {path} is not named by the manifest" for path in present - named]
        problems += [f"{folder}: {path} is missing" for path in named - present]
    return problems


def _srcset_urls(value: str) -> list[str]:
    """A srcset's URLs as the HTML standard reads them: a URL runs to white space (a comma in
    it is its own, one at its end ends the candidate); its descriptor runs to a comma."""
    urls: list[str] = []
    rest = value
    while rest := rest.lstrip(" \t\n\r\f,"):
        url = rest.split(None, 1)[0]
        rest = rest[len(url) :]
        urls.append(url.rstrip(","))
        if not url.endswith(","):
            comma = rest.find(",")
            rest = "" if comma < 0 else rest[comma + 1 :]
    return urls
