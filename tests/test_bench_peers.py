"""bench/generate.py's Hugo and Pelican formats carry the same stories as the Newsroom one,
and Hugo builds the Hugo site with the theme in bench/hugo/ (bench/peers.py times them).

The Hugo build needs Debian's `hugo` (0.111), which `make test` installs
(tools/install-system-deps). Pelican itself is not installed for the tests (it pins an older
Pygments than the project's): its articles' metadata is read here with Python-Markdown's
`meta` extension, the reader Pelican's Markdown reader uses.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import markdown
import yaml
from lxml import etree

from .commands import ENV
from .sites import REPO

COUNT = 30
ATOM = "{http://www.w3.org/2005/Atom}"


def generate(tmp_path: Path, fmt: str) -> Path:
    site = tmp_path / fmt
    made = subprocess.run(
        [sys.executable, str(REPO / "bench/generate.py"), str(COUNT), str(site), "--format", fmt],
        capture_output=True,
        text=True,
        check=False,
        env=ENV,
    )
    assert made.returncode == 0, made.stderr
    return site


def newsroom_stories(tmp_path: Path) -> dict[str, dict[str, object]]:
    """Front matter of the Newsroom site's articles, by title and date."""
    site = generate(tmp_path, "newsroom")
    found = {}
    for path in (site / "content/articles").rglob("*.md"):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
        found[f"{meta['title']} {meta['date'].isoformat()}"] = meta
    assert len(found) == COUNT
    return found


def test_the_hugo_site_carries_the_newsroom_stories(tmp_path: Path) -> None:
    stories = newsroom_stories(tmp_path)
    site = generate(tmp_path, "hugo")
    config = yaml.safe_load((site / "config.yaml").read_text(encoding="utf-8"))
    assert Path(config["themesDir"], config["theme"]) == REPO / "bench/hugo"
    articles = [p for p in (site / "content").rglob("*.md") if p.name != "_index.md"]
    assert len(articles) == COUNT
    for path in articles:
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
        ours = stories[f"{meta['title']} {meta['date'].isoformat()}"]
        assert (meta["authors"], meta["tags"], meta["description"], meta["slug"]) == (
            ours["authors"],
            ours["tags"],
            ours["summary"],
            ours["slug"],
        )
        assert path.parent.name == ours["section"]


def test_hugo_builds_the_hugo_site(tmp_path: Path) -> None:
    site = generate(tmp_path, "hugo")
    public = tmp_path / "public"
    built = subprocess.run(
        ["hugo", "--quiet", "-s", str(site), "-d", str(public)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    assert built.stderr == ""
    pages = list(public.glob("[0-9]*/[0-9]*/[0-9]*/*/index.html"))
    assert len(pages) == COUNT
    page = pages[0].read_text(encoding="utf-8")
    assert 'class="byline"' in page
    assert 'rel="tag"' in page
    assert 'class="related"' in page
    assert (public / "tags/index.html").exists()
    assert (public / "authors/index.html").exists()
    assert (public / "index.xml").exists()
    assert (public / "world/index.xml").exists()


def test_the_pelican_site_carries_the_newsroom_stories(tmp_path: Path) -> None:
    stories = newsroom_stories(tmp_path)
    site = generate(tmp_path, "pelican")
    assert "DEFAULT_PAGINATION = 100" in (site / "pelicanconf.py").read_text(encoding="utf-8")
    articles = list((site / "content").rglob("*.md"))
    assert len(articles) == COUNT
    for path in articles:
        reader = markdown.Markdown(extensions=["meta"])
        reader.convert(path.read_text(encoding="utf-8"))
        meta = {key: values[0] for key, values in reader.Meta.items()}  # type: ignore[attr-defined]
        ours = stories[f"{meta['title']} {meta['date']}"]
        assert meta["tags"] == ", ".join(ours["tags"])  # type: ignore[arg-type]
        assert meta["summary"] == ours["summary"]
        assert meta["slug"] == ours["slug"]
        assert meta["category"].lower() == ours["section"] == path.parent.name
        assert len(meta["authors"].split(", ")) == len(ours["authors"])  # type: ignore[arg-type]


def test_steps_says_when_each_step_of_a_build_starts_and_ends(tmp_path: Path) -> None:
    """bench/steps.py, which RESULTS.md quotes: a line at each end of each step, in order,
    and the site built into a folder of its own, deleted afterwards (not the site's)."""
    site = generate(tmp_path, "newsroom")
    ran = subprocess.run(
        [sys.executable, str(REPO / "bench/steps.py"), str(site)],
        capture_output=True,
        text=True,
        check=False,
        env=ENV,
    )
    assert ran.returncode == 0, ran.stderr
    steps = [line.split("CPU  ", 1)[1] for line in ran.stderr.splitlines() if "CPU  " in line]
    main = [step.strip() for step in steps if "_write_outputs" not in step]  # forked: any time
    assert main == [
        "MkDocs and Newsroom imported",
        *("> read", "> site_sources", "< site_sources", "> read_site", "< read_site"),
        *("> index_site", "< index_site", "> site_page_files", "< site_page_files", "< read"),
        *("> add_navigation", "< add_navigation", "> prepare", "< prepare", "> write"),
        *("> _write_pages", "< _write_pages", "> _write_redirects", "< _write_redirects"),
        *("< write", "built"),
    ]
    assert sorted(step.strip() for step in steps if "_write_outputs" in step) == [
        "< _write_outputs",
        "> _write_outputs",
    ]
    assert not (site / "site").exists()


def test_the_commonmark_variant_builds_the_same_pages_of_the_generated_site(
    tmp_path: Path,
) -> None:
    """bench/peers.py's newsroom-commonmark builds the generated site with
    `markdown_engine: commonmark` (its own mkdocs.yml beside the site's): the same article
    pages as Python-Markdown's, so that its times are of the same pages."""
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import peers  # bench/ is a folder of scripts, not a package
    finally:
        sys.path.remove(str(REPO / "bench"))
    site = generate(tmp_path, "newsroom")
    config = peers.commonmark_config(site)
    assert config.parent == site
    assert "markdown_engine: commonmark" in config.read_text(encoding="utf-8")
    built: dict[str, Path] = {}
    for name, file in (("python-markdown", site / "mkdocs.yml"), ("commonmark", config)):
        built[name] = tmp_path / name
        command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(file)]
        done = subprocess.run(
            [*command, "-d", str(built[name])], capture_output=True, text=True, env=ENV, check=False
        )
        assert done.returncode == 0, done.stderr
    pages = sorted(built["python-markdown"].glob("[0-9]*/[0-9]*/[0-9]*/*/index.html"))
    assert len(pages) == COUNT
    with_headings = 0
    for page in pages:
        other = built["commonmark"] / page.relative_to(built["python-markdown"])
        assert other.read_bytes() == page.read_bytes(), page
        with_headings += b"<h2 id=" in page.read_bytes()
    assert with_headings > 0


def test_in_memory_builds_a_copy_of_the_sources_into_the_memory_folder(tmp_path: Path) -> None:
    """bench/peers.py --in-memory: the generated sources are copied once into the folder
    given (a memory file system there), again only when the generator wrote them anew, and
    each build writes its site inside that folder, which the next build finds gone."""
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import peers  # bench/ is a folder of scripts, not a package
    finally:
        sys.path.remove(str(REPO / "bench"))
    site, memory = generate(tmp_path, "newsroom"), tmp_path / "memory"
    copy = peers.in_memory(site, memory)
    assert copy == memory / site.name
    articles = sorted(p.relative_to(site) for p in (site / "content").rglob("*.md"))
    assert sorted(p.relative_to(copy) for p in (copy / "content").rglob("*.md")) == articles
    (copy / "left.txt").write_text("kept while the sources are the same", encoding="utf-8")
    assert peers.in_memory(site, memory) == copy and (copy / "left.txt").exists()
    stamp = site / ".bench-stamp"
    stamp.write_text(stamp.read_text(encoding="utf-8") + "again\n", encoding="utf-8")
    peers.in_memory(site, memory)
    assert not (copy / "left.txt").exists()  # copied anew
    result = peers.build("newsroom", copy, {}, measure=True, memory=memory)
    assert result["ok"], result.get("messages")
    assert result["outputs"]["article_page"]["count"] == COUNT
    built = peers.site_folder(copy, memory)
    assert built.parent == memory / "builds" and (built / "index.html").is_file()
    peers.discard_site(built, memory)
    assert not built.exists()


def test_the_ratio_round_by_round_pairs_each_round_and_skips_failed_builds() -> None:
    """bench/peers.py's wall ratio round by round: each Newsroom build over the peer's build of
    the same round, a failed build's round left out; the median, lowest and highest."""
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import peers  # bench/ is a folder of scripts, not a package
    finally:
        sys.path.remove(str(REPO / "bench"))

    def runs(*walls: float | None) -> list[dict[str, object]]:
        return [{"ok": wall is not None, "wall_s": wall or 0.0} for wall in walls]

    ours, theirs = runs(12.0, 30.0, 9.0, None), runs(10.0, 20.0, 10.0, 5.0)
    assert peers.paired(ours, theirs) == {"median": 1.2, "low": 0.9, "high": 1.5, "rounds": 3}
    assert peers.paired(runs(None), runs(4.0)) is None


def test_hugo_full_builds_the_feeds_and_search_index_newsroom_builds(tmp_path: Path) -> None:
    """bench/peers.py's hugo-full: the generated Hugo site built with Newsroom's outputs too
    (its own config beside the site's): RSS and Atom of every tag and author Newsroom gives
    feeds, a JSON Feed, and a search index with every story's whole text; the article pages
    the same as the plain build's."""
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import peers  # bench/ is a folder of scripts, not a package
    finally:
        sys.path.remove(str(REPO / "bench"))
    hugo_site, newsroom_site = generate(tmp_path, "hugo"), generate(tmp_path, "newsroom")
    built = {tool: tmp_path / f"built-{tool}" for tool in ("hugo", "hugo-full", "newsroom")}
    for tool, root in (("hugo", hugo_site), ("hugo-full", hugo_site), ("newsroom", newsroom_site)):
        command, env = peers.command_for(tool, root, built[tool], {"hugo": "hugo"})
        done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        assert done.returncode == 0, done.stderr

    def feeds(site: Path, name: str) -> set[str]:
        return {str(p.parent.relative_to(site)) for p in site.glob(f"*/*/{name}")}

    kinds = {"tags", "authors"}
    ours = {p for p in feeds(built["newsroom"], "atom.xml") if p.split("/")[0] in kinds}
    assert {p.split("/")[0] for p in ours} == kinds
    full = built["hugo-full"]
    assert ours <= feeds(full, "atom.xml") & feeds(full, "index.xml")
    assert not feeds(built["hugo"], "atom.xml")
    for folder in ours:
        items = etree.parse(full / folder / "index.xml").findall("channel/item")
        entries = etree.parse(full / folder / "atom.xml").findall(f"{ATOM}entry")
        assert 0 < len(items) == len(entries), folder
    index = json.loads((full / "search/search_index.json").read_text(encoding="utf-8"))
    assert len(index) == COUNT
    assert all(len(story["content"]) > len(story["summary"]) > 0 for story in index)
    feed = json.loads((full / "feed.json").read_text(encoding="utf-8"))
    assert len(feed["items"]) == COUNT and feed["items"][0]["authors"]
    pages = sorted(built["hugo"].glob("[0-9]*/[0-9]*/[0-9]*/*/index.html"))
    assert len(pages) == COUNT
    for page in pages:
        assert (full / page.relative_to(built["hugo"])).read_bytes() == page.read_bytes()


def test_weight_accounts_for_every_byte_of_the_site_and_of_its_article_pages(
    tmp_path: Path,
) -> None:
    """bench/weight.py, which RESULTS.md quotes for #18's weight target: its kinds of file add
    up to the whole site, and an article page's parts to the article pages, each part found."""
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import weight
    finally:
        sys.path.remove(str(REPO / "bench"))
    site = generate(tmp_path, "newsroom")
    built = tmp_path / "built"
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(site / "mkdocs.yml")]
    done = subprocess.run(
        [*command, "-d", str(built)], capture_output=True, text=True, env=ENV, check=False
    )
    assert done.returncode == 0, done.stderr
    articles, kinds, parts = weight.measure(built, None)
    assert articles == COUNT
    files = [path for path in built.rglob("*") if path.is_file()]
    assert sum(kinds.values()) == sum(path.stat().st_size for path in files)
    pages = [page.read_bytes() for page in built.glob("[0-9]*/[0-9]*/[0-9]*/*/index.html")]
    assert parts.pop("doctype and <html>") == sum(page.index(b"<head>") for page in pages)
    assert sum(parts.values()) == sum(len(page) - page.index(b"<head>") for page in pages)
    assert set(parts) == {name for name, _ in weight.PARTS}
    assert all(parts.values())
    assert kinds["tags: feeds"] and kinds["search index"] and kinds["article pages"]
