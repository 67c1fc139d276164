"""Measure Newsroom's search index: build time and memory, file sizes, what a query loads.

    .venv/bin/python bench/search_size.py                  # 10,000 and 20,000 synthetic articles
    .venv/bin/python bench/search_size.py 1000 5000        # other sizes
    .venv/bin/python bench/search_size.py --source generated   # bench/generate.py's stories
    .venv/bin/python bench/search_size.py --browser        # also time queries in chromium

For each size, in a fresh child process (so that peak memory is the build's own):

- the documents are made (not timed): `--source synthetic` (default) is
  `tests/search_corpus.py` (~640 words drawn Zipf-like from 20,000 made-up words);
  `--source generated` is `bench/generate.py`'s stories (~620 words of a small English word
  list), their Markdown turned into rough plain text;
- `SearchIndex(documents)` is built: wall time, CPU time, and peak RSS ("Maximum resident set
  size" of the child, with what the documents alone took before the build);
- the files: count and bytes, raw and gzipped (gzip -6 per file, as a web server sends them);
- for words of a few frequency ranks: what the first query loads, raw and gzipped, as
  `SearchIndex.search` (the Python mirror of search-worker.js) reports it, both for the whole
  word and for the reader typing it key by key (every prefix queried, everything each query
  loads counted once; the browser skips some of this when keys come faster than answers);
- incremental updates: one article's text changed, one article added, one removed: time,
  files written, bytes written.

With `--browser`, the index of the largest size is served on 127.0.0.1 with the worker, and
chromium (Debian's, through Playwright) runs the worker in a fresh page per word: the time
from posting the query to the worker's answer, cold (manifest already fetched by SETUP, as on
a real page), over the loopback (no network latency).

Timings on a shared machine are noisy: CPU time is the steadier figure.
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import re
import resource
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "plugins"), str(REPO)]

from tests.search_corpus import synthetic_documents, vocabulary  # noqa: E402

from mkdocs_newsroom.search.documents import SearchDocument  # noqa: E402
from mkdocs_newsroom.search.index import SearchIndex  # noqa: E402
from mkdocs_newsroom.search.shards import INDEX_DIR, WORKER_PATH  # noqa: E402

RANKS = (100, 1000, 3000, 10000)  # frequency ranks of the words queried (synthetic)
GENERATED_WORDS = ("government", "hospital", "Kabul", "batteries", "ceasefire")
WORKER = REPO / "plugins" / "mkdocs_newsroom" / "templates" / WORKER_PATH


def generated_documents(count: int) -> list[SearchDocument]:
    sys.path.insert(0, str(REPO / "bench"))
    import generate

    sections = {key: title for key, title, *_ in generate.SECTIONS}
    _, stories = generate.make_stories(count)
    documents = []
    for story in stories:
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", f"{story.summary}\n{story.body}")
        text = re.sub(r"[*#]|^- ", "", text, flags=re.MULTILINE)
        date = f"{story.date.day} {story.date:%B %Y}"
        url = f"{story.date:%Y/%m/%d}/{story.slug}-{story.index}/"
        tags = (sections[story.section], date)
        documents.append(SearchDocument(url, story.title, tags, text, "en"))
    return documents


def query_words(source: str) -> list[str]:
    if source == "generated":
        return list(GENERATED_WORDS)
    words = vocabulary()
    return [words[rank] for rank in RANKS]


def _gzip(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def measure(count: int, source: str, keep: str | None) -> dict[str, object]:
    """Everything for one size; runs in a child process."""
    make = synthetic_documents if source == "synthetic" else generated_documents
    documents = make(count)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    wall, cpu = time.perf_counter(), time.process_time()
    index = SearchIndex(documents)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    rss_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    files = index.files()
    zipped = {path: _gzip(data) for path, data in files.items()}
    kinds = {}
    for kind, prefix in (("postings", "p/"), ("prefixes", "d/"), ("chunks", "m/")):
        sizes = sorted(zipped[p] for p in files if p.startswith(prefix))
        kinds[kind] = {
            "files": len(sizes),
            "median_gz": sizes[len(sizes) // 2],
            "max_gz": sizes[-1],
        }
    queries = []
    for word in query_words(source):
        result = index.search(word)
        typed: list[str] = []
        for end in range(1, len(word) + 1):
            typed.extend(p for p in index.search(word[:end]).files if p not in typed)
        queries.append(
            {
                "word": word,
                "matches": result.total,
                "files": len(result.files),
                "raw": sum(len(files[p]) for p in result.files),
                "gz": sum(zipped[p] for p in result.files),
                "typed_files": len(typed),
                "typed_raw": sum(len(files[p]) for p in typed),
                "typed_gz": sum(zipped[p] for p in typed),
            }
        )
    updates = []
    middle = documents[count // 2]
    extra = make(count + 1)[-1] if source == "synthetic" else generated_documents(count + 1)[-1]
    for label, changed, removed in (
        ("one article's text changed", [replace(middle, text=middle.text + " Updated.")], []),
        ("one article added", [extra], []),
        ("one article removed", [], [documents[count // 3].url]),
    ):
        started = time.process_time()
        changes = index.update(changed, removed)
        elapsed = time.process_time() - started
        written = index.files()
        updates.append(
            {
                "update": label,
                "cpu_s": round(elapsed, 3),
                "files_written": len(changes.written),
                "of_files": len(written),
                "bytes_written": sum(len(written[p]) for p in changes.written),
            }
        )
    if keep:
        index.write(Path(keep) / INDEX_DIR)
    return {
        "documents": count,
        "words_per_document": round(sum(len(d.text.split()) for d in documents) / count),
        "build_wall_s": round(wall, 2),
        "build_cpu_s": round(cpu, 2),
        "peak_rss_mb": round(rss_peak),
        "rss_before_build_mb": round(rss_before),
        "files": len(files),
        "bytes": sum(map(len, files.values())),
        "bytes_gz": sum(zipped.values()),
        "manifest_gz": zipped["manifest.json"],
        "shards": kinds,
        "queries": queries,
        "updates": updates,
    }


def _child(count: int, source: str, keep: str | None, queue: multiprocessing.Queue) -> None:
    queue.put(measure(count, source, keep))


def browser_timings(site: Path, words: list[str]) -> list[dict[str, object]]:
    from tests.browser import chromium, open_page, serve_dir

    (site / WORKER_PATH).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(WORKER, site / WORKER_PATH)
    (site / "bench.html").write_text(
        "<!doctype html><meta charset=utf-8><title>bench</title><script>\n"
        "window.ask = (query) => new Promise(resolve => {\n"
        "  const worker = new Worker('" + WORKER_PATH + "')\n"
        "  worker.onmessage = event => {\n"
        "    if (event.data.type === 1) {\n"
        "      setTimeout(() => { window.started = performance.now();\n"
        "        worker.postMessage({type: 2, data: query}) }, 300)\n"
        "    } else if (event.data.type === 3) {\n"
        "      const ms = performance.now() - window.started\n"
        "      resolve({ms, items: event.data.data.items.length})\n"
        "    }\n"
        "  }\n"
        "  worker.postMessage({type: 0, data: {config: {}, docs: [], options: {}}})\n"
        "})\n</script>\n",
        encoding="utf-8",
    )
    timings = []
    with serve_dir(site) as base, chromium() as browser:
        for word in words:
            page = open_page(browser, base, 1280, "bench.html")
            answer = page.evaluate("query => window.ask(query)", word)
            timings.append({"word": word, "ms": round(answer["ms"]), "results": answer["items"]})
            page.close()
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("counts", type=int, nargs="*", default=[10_000, 20_000])
    parser.add_argument("--source", choices=["synthetic", "generated"], default="synthetic")
    parser.add_argument("--browser", action="store_true", help="time queries in chromium")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)

    context = multiprocessing.get_context("fork")
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for count in args.counts:
            keep = folder if args.browser and count == max(args.counts) else None
            queue: multiprocessing.Queue = context.Queue()
            child = context.Process(target=_child, args=(count, args.source, keep, queue))
            child.start()
            result = queue.get()
            child.join()
            results.append(result)
            report(result)
        if args.browser:
            timings = browser_timings(Path(folder), query_words(args.source))
            print(f"\nchromium, {max(args.counts):,} documents, first query (loopback):")
            for timing in timings:
                print(f"  {timing['word']:<12} {timing['ms']:>5} ms  {timing['results']} results")
            results.append({"browser": timings})
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


def report(result: dict[str, object]) -> None:
    r = result
    print(
        f"\n{r['documents']:,} documents (~{r['words_per_document']} words): "
        f"build {r['build_wall_s']} s wall, {r['build_cpu_s']} s CPU, "
        f"peak RSS {r['peak_rss_mb']} MB ({r['rss_before_build_mb']} MB before the build)"
    )
    print(
        f"  {r['files']:,} files, {r['bytes'] / 1e6:.1f} MB, "
        f"{r['bytes_gz'] / 1e6:.1f} MB gzipped; manifest {r['manifest_gz']} B gzipped"
    )
    for kind, figures in r["shards"].items():  # type: ignore[attr-defined]
        print(
            f"  {kind:<9} {figures['files']:>5} files, gzipped median {figures['median_gz']:,} B,"
            f" largest {figures['max_gz']:,} B"
        )
    print("  first query        matches  files   raw KB   gz KB | typed: files  raw KB   gz KB")
    for q in r["queries"]:  # type: ignore[attr-defined]
        print(
            f"  {q['word']:<18} {q['matches']:>7} {q['files']:>6} {q['raw'] / 1024:>8.1f}"
            f" {q['gz'] / 1024:>7.1f} |        {q['typed_files']:>5} {q['typed_raw'] / 1024:>7.1f}"
            f" {q['typed_gz'] / 1024:>7.1f}"
        )
    for u in r["updates"]:  # type: ignore[attr-defined]
        print(
            f"  update: {u['update']:<28} {u['cpu_s']:>6} s CPU, "
            f"{u['files_written']} of {u['of_files']} files written ({u['bytes_written']:,} B)"
        )


if __name__ == "__main__":
    sys.exit(main())
