"""An alias is an address a reader types or a link keeps: one that would put its redirect
elsewhere than that address (a '/', '\\' or '.' percent-encoded, a backslash, an invisible or
direction character, a character no address carries as it is: '"', '<', '>', '|'), or on the
same file as another address where letter case is ignored (macOS and Windows checkouts), is
refused with one line naming the article and the alias; the article's other aliases are kept,
and nothing is written outside the site or over another page.

Each is a real build beside a good article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .commands import newsroom
from .sites import article
from .test_hostile import _located, built, fails_strict

if TYPE_CHECKING:
    from pathlib import Path

    from .sites import Site

KEPT = "/kept/old-story/"
IGNORED = "; this alias was ignored, the others are kept"
CASE = "one file where case is ignored (macOS, Windows), so no redirect was written there; "
REMOVE = "remove it from 'aliases'"


def _spelling(alias: str, why: str) -> str:
    return f"newsroom: articles/bus.md:4: alias '{alias}' {why}{IGNORED}"


SPELLINGS = {
    "/a%2fb/": "percent-encodes '/' (%2f), which servers and browsers read apart; write the "
    "path plainly",
    "/x/%2E%2E/up/": "percent-encodes '.' (%2E), which servers and browsers read apart; write "
    "the path plainly",
    "/a%5Cb/": "percent-encodes '\\' (%5C), which servers and browsers read apart; write the "
    "path plainly",
    "/back\\slash/": "holds a backslash, which browsers read as '/' and servers do not; write "
    "the path with '/'",
    "/evil\u202egpj.html": "holds the invisible character U+202E (RIGHT-TO-LEFT OVERRIDE), "
    "which hides what the path says; write the path as a reader sees it",
    "/zero\u200bwidth/": "holds the invisible character U+200B (ZERO WIDTH SPACE), which hides "
    "what the path says; write the path as a reader sees it",
    "/x%E2%81%A6y/": "holds the invisible character U+2066 (LEFT-TO-RIGHT ISOLATE), which "
    "hides what the path says; write the path as a reader sees it",
    '/old/x"y/': "holds '\"', which an address never carries as it is and Windows cannot hold "
    "in a file name (a clone of the published site there fails); write the old address "
    "without it",
    "/old/a%3Cb.html": "holds '<', which an address never carries as it is and Windows cannot "
    "hold in a file name (a clone of the published site there fails); write the old address "
    "without it",
}


def _shown(alias: str) -> str:
    """An alias as the warning line shows it: direction characters escaped."""
    return alias.replace("\u202e", "\\u202e")


def _redirects(site: Site) -> list[str]:
    """The redirect pages the build wrote, anywhere under the site folder."""
    return sorted(
        p.relative_to(site.site_dir).as_posix()
        for p in site.site_dir.rglob("*.html")
        if "Newsroom redirect" in p.read_text(encoding="utf-8")
    )


def test_aliases_that_hide_their_address_are_refused_one_line_each(tmp_path: Path) -> None:
    # five at most are said one a line: two articles
    first, second = list(SPELLINGS)[:4], list(SPELLINGS)[4:]
    persian = "/خبر\u200cها/"  # ZWNJ spells Persian and Pashto words: kept
    files: dict[str, str | bytes] = {
        "articles/bus.md": article("Night buses", aliases=[*first, KEPT]),
        "articles/tram.md": article("Trams", aliases=[*second, persian]),
    }
    site = built(tmp_path, files)
    expected = [_spelling(alias, SPELLINGS[alias]) for alias in first]
    expected += [
        _spelling(_shown(alias), SPELLINGS[alias]).replace("bus.md", "tram.md") for alias in second
    ]
    assert site.warnings == expected
    assert _redirects(site) == ["kept/old-story/index.html", "خبر\u200cها/index.html"]
    written = sorted(p.name for p in site.root.iterdir())
    assert written == [".cache", "content", "mkdocs.yml", "site"]  # .cache: compiled templates
    assert [p.name for p in (site.root / ".cache" / "newsroom").iterdir()] == ["templates"]
    fails_strict(tmp_path, files)
    checked = newsroom(tmp_path / "site", "check")
    assert checked.returncode == 1
    assert checked.stdout.splitlines() == [_located(w) for w in site.warnings]


def test_addresses_that_differ_only_in_letter_case_keep_the_first(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "about.md": "# About\n",
        "articles/bus.md": article(
            "Night buses", aliases=["/Old-Story/", "/old-story/", "/2024/05/01/Night-Buses/"]
        ),
        "articles/tram.md": article("Trams", aliases=["/ABOUT/", "/OLD-story/", "/Tags/x/"]),
    }
    site = built(tmp_path, files)
    line = "newsroom: articles/{source}:4: alias '{alias}' differs only in letter case from {said}"
    assert site.warnings == [
        line.format(source="bus.md", alias="/old-story/", said="'/Old-Story/', an alias of ")
        + f"articles/bus.md, {CASE}{REMOVE}",
        line.format(source="bus.md", alias="/2024/05/01/Night-Buses/", said="")
        + f"/2024/05/01/night-buses/, the URL of articles/bus.md, {CASE}{REMOVE}",
        line.format(source="tram.md", alias="/ABOUT/", said="/about/, the URL of about.md, ")
        + f"{CASE}{REMOVE}",
        line.format(source="tram.md", alias="/OLD-story/", said="'/Old-Story/', an alias of ")
        + f"articles/bus.md, {CASE}{REMOVE}",
        line.format(source="tram.md", alias="/Tags/x/", said="/tags/, among the newsroom's ")
        + f"own listings, {CASE}{REMOVE}",
    ]
    assert _redirects(site) == ["Old-Story/index.html"]
    assert "Night buses" in site.html("2024/05/01/night-buses/")
    assert "About" in site.html("about/")
    fails_strict(tmp_path, files)
    checked = newsroom(tmp_path / "site", "check")
    assert checked.returncode == 1
    assert checked.stdout.splitlines() == [_located(w) for w in site.warnings]


def test_aliases_in_folders_a_published_site_never_holds_are_refused(tmp_path: Path) -> None:
    """GitHub Pages' upload leaves out .git and .github: a redirect there is never online."""
    aliases = ["/.git/old/", "/news/.GitHub/old.html", "/.well-known/old/"]
    files: dict[str, str | bytes] = {"articles/bus.md": article("Night buses", aliases=aliases)}
    site = built(tmp_path, files)
    assert site.warnings == [
        f"newsroom: articles/bus.md:4: alias '{alias}' is inside '{folder}', a folder GitHub "
        "Pages' upload leaves out (and servers refuse), so the redirect would never be online; "
        "write the old address without it; this alias was ignored, the others are kept"
        for alias, folder in (("/.git/old/", ".git"), ("/news/.GitHub/old.html", ".GitHub"))
    ]
    assert _redirects(site) == [".well-known/old/index.html"]
