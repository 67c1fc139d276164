"""Newsroom's search index (plugins/mkdocs_newsroom/search/) and its worker (search-worker.js).

Unit tests of the text rules, ranking, determinism, incremental updates and the sizes a query
loads at 10,000 articles; then chromium: Material's own search box on a Material-built page,
answered by the worker from the index, and the worker's tokenizer, hash and ranking checked
against the Python ones.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_newsroom.search.codec import NUMBER_DIGITS, decode_numbers, encode_numbers
from mkdocs_newsroom.search.documents import SearchDocument
from mkdocs_newsroom.search.index import LONG_POSTINGS, SearchIndex
from mkdocs_newsroom.search.query import query_words
from mkdocs_newsroom.search.shards import (
    CHUNK_SIZE,
    INDEX_DIR,
    MANIFEST,
    WORKER_PATH,
    ShardScheme,
    chunk_path,
    postings_path,
    prefix_path,
)
from mkdocs_newsroom.search.text import normalize, snippet, stem, term_hash, terms, tokenize

from .browser import chromium, open_page, page_log, search, serve_dir
from .commands import run
from .search_corpus import synthetic_documents, vocabulary
from .sites import REPO, Site, article, build_site, corpus_folder, write_site
from .test_hostile import output_text

WORKER = REPO / "plugins" / "mkdocs_newsroom" / "templates" / WORKER_PATH
ZWNJ = "\u200c"
BUDGET = 300 * 1024  # gzipped bytes a first query may load at 10,000 articles

XSS = '<img src=x onerror="alert(document.domain)">'


def doc(url: str, title: str, text: str = "", tags: tuple[str, ...] = (), lang: str = "en"):
    return SearchDocument(url, title, tags, text, lang)


def pashto_text() -> str:
    """A VOA Pashto story, ../shared/corpus/voa-pashto-ps/001.txt."""
    return (corpus_folder() / "voa-pashto-ps" / "001.txt").read_text(encoding="utf-8")


def pashto_article() -> SearchDocument:
    title, _, body = pashto_text().partition("\n")
    return doc("2025/06/26/trump-iran/", title.strip(), body.strip(), ("نړۍ", "۲۶ جون ۲۰۲۵"), "ps")


def small_site_documents() -> list[SearchDocument]:
    return [
        doc(
            "2024/05/01/zebra/",
            f"Headline {XSS} zebra",
            "The zebra and the quagga met at the water hole, said the cities' councils.",
            ("World", "1 May 2024"),
        ),
        doc(
            "2024/05/02/second/",
            "Second zebra story",
            "Night buses will run in Kabul until 2 a.m.",
            (f"Section <script>alert('s')</script>{XSS}", "2 May 2024"),
        ),
        pashto_article(),
        doc(
            "2025/06/27/library/",
            "کتاب‌ها و کتابخانه‌ی ملی",
            "می‌خواهم کتاب بخوانم. کتابخانه ملی ایران امروز باز است.",
            ("جهان", "۲۷ ژوئن ۲۰۲۵"),
            "fa",
        ),
    ]


# --------------------------------------------------------------------------------------------
# Text to terms
# --------------------------------------------------------------------------------------------


def test_english_words_are_lower_case_split_at_punctuation_and_made_singular() -> None:
    assert terms("Kabul's CITIES, classes & churches: 12 reports (2024)") == [
        "kabul",
        "city",
        "class",
        "church",
        "12",
        "report",
        "2024",
    ]
    assert terms("news-wire e-mail") == ["new", "wire", "e", "mail"]


@pytest.mark.parametrize(
    ("word", "term"),
    [
        ("cities", "city"),
        ("days", "day"),
        ("ties", "tie"),
        ("classes", "class"),
        ("boxes", "box"),
        ("crashes", "crash"),
        ("speeches", "speech"),
        ("aches", "ache"),
        ("reports", "report"),
        ("class", "class"),
        ("status", "status"),
        ("analysis", "analysis"),
        ("has", "has"),
        ("bus", "bus"),
        ("city", "city"),
    ],
)
def test_the_plural_rules(word: str, term: str) -> None:
    assert stem(word) == term


def test_accents_and_compatibility_forms_fold() -> None:
    assert terms("Café NAÏVE Œuvre ﬁnance Ｋａｂｕｌ") == [
        "cafe",
        "naive",
        "œuvre",
        "finance",
        "kabul",
    ]


def test_a_pashto_word_with_a_zwnj_is_one_word_and_matches_it_typed_without() -> None:
    joined = f"لاس{ZWNJ}لیک"
    assert tokenize(f"د {joined} لپاره") == ["د", "لاسلیک", "لپاره"]
    assert terms(joined) == terms("لاسلیک")
    assert terms(f"کتاب{ZWNJ}ها") == ["کتابها"]  # Persian plural with ZWNJ


def test_arabic_and_persian_letter_variants_have_one_spelling() -> None:
    assert terms("كتاب") == terms("کتاب")  # Arabic kaf, Persian keheh
    assert terms("علي") == terms("علی")  # Arabic yeh, Farsi yeh
    assert terms("مُحَمَّد") == terms("محمد")  # diacritics dropped
    assert terms("علـــی") == terms("علی")  # tatweel dropped
    assert terms("أحمد إيران آب") == terms("احمد ایران اب")  # hamza and madda forms
    assert terms("ﻛﺘﺎﺏ") == terms("کتاب")  # presentation forms
    assert terms("ګډ") == terms("گډ")  # Pashto gaf and gaf
    assert terms("۲۰۲۵ ٢٠٢٤") == ["2025", "2024"]  # Persian and Arabic-Indic digits
    assert normalize("ي ى ك ة") == "ی ی ک ه"


def test_words_longer_than_forty_characters_are_dropped() -> None:
    assert terms("a" * 41 + " kept " + "b" * 40) == ["kept", "b" * 40]


def test_the_last_word_is_completed_only_while_it_is_being_typed() -> None:
    assert [(w.term, w.prefix) for w in query_words("kabul nig")] == [
        ("kabul", None),
        ("nig", "nig"),
    ]
    assert [(w.term, w.prefix) for w in query_words("kabul nig ")] == [
        ("kabul", None),
        ("nig", None),
    ]
    assert [(w.term, w.prefix) for w in query_words("cities")] == [("city", "cities")]
    assert [(w.term, w.prefix) for w in query_words("ka")] == [("ka", None)]  # too short
    assert query_words(" ,; ") == []


def _fmix32(value: int) -> int:
    """MurmurHash3's 32-bit finaliser."""
    value ^= value >> 16
    value = (value * 0x85EBCA6B) & 0xFFFFFFFF
    value ^= value >> 13
    value = (value * 0xC2B2AE35) & 0xFFFFFFFF
    return value ^ (value >> 16)


def test_term_hash_is_fnv1a_with_murmurs_finaliser() -> None:
    # FNV-1a 32-bit test vectors (from the FNV reference), then the finaliser
    assert term_hash("") == _fmix32(0x811C9DC5)
    assert term_hash("a") == _fmix32(0xE40C292C)
    assert term_hash("foobar") == _fmix32(0xBF9CF968)
    assert len({term_hash(word) & 255 for word in vocabulary()[:5000]}) == 256


# --------------------------------------------------------------------------------------------
# Search
# --------------------------------------------------------------------------------------------


def urls(index: SearchIndex, query: str) -> list[str]:
    return [hit.url for hit in index.search(query).hits]


def test_english_pashto_and_persian_articles_are_found() -> None:
    index = SearchIndex(small_site_documents())
    assert urls(index, "quagga") == ["2024/05/01/zebra/"]
    assert urls(index, "CITY") == ["2024/05/01/zebra/"]  # "cities'" in the text
    assert urls(index, "ټرمپ") == ["2025/06/26/trump-iran/"]
    assert urls(index, f"لاس{ZWNJ}لیک") == ["2025/06/26/trump-iran/"]  # written without ZWNJ
    assert urls(index, "كتابخانهي") == ["2025/06/27/library/"]  # typed with Arabic letters
    hit = index.search("ټرمپ").hits[0]
    assert hit.tags == ("نړۍ", "۲۶ جون ۲۰۲۵")
    assert hit.title.startswith("ټرمپ د ایران")
    assert hit.snippet.endswith("…") and len(hit.snippet) <= 161


def test_the_word_being_typed_is_completed() -> None:
    index = SearchIndex(small_site_documents())
    assert urls(index, "quag") == ["2024/05/01/zebra/"]
    assert urls(index, "quag ") == []  # a finished word that is not in the index
    assert set(urls(index, "zeb")) == {"2024/05/01/zebra/", "2024/05/02/second/"}
    assert urls(index, "کتابخ") == ["2025/06/27/library/"]


def test_title_matches_come_before_text_matches() -> None:
    filler = " ".join(["word"] * 50)
    documents = [
        doc("a/", "Budget news", f"The harbour budget {filler} harbour harbour harbour harbour"),
        doc("b/", "Harbour reopens", f"{filler} and more"),
        doc("c/", "Weather", f"Rain over the harbour. {filler}"),
        doc("d/", "Harbour strike", f"Dockers walk out at the harbour. {filler}"),
    ]
    index = SearchIndex(documents)
    assert urls(index, "harbour") == ["d/", "b/", "a/", "c/"]


def test_documents_matching_more_words_come_first() -> None:
    documents = [
        doc("a/", "Kabul", "Kabul Kabul Kabul"),
        doc("b/", "Night buses", "Night buses in Kabul."),
        doc("c/", "Buses", "Buses everywhere."),
    ]
    index = SearchIndex(documents)
    assert urls(index, "kabul buses ") == ["b/", "a/", "c/"]


def test_ties_go_to_the_higher_id_newest_under_date_urls() -> None:
    documents = [doc(f"2024/05/0{day}/x/", "Same", "same words") for day in range(1, 5)]
    assert urls(SearchIndex(documents), "same") == [d.url for d in reversed(documents)]


def test_results_are_capped_and_the_total_counted() -> None:
    documents = [doc(f"{i:03d}/", f"Story {i}", "common word") for i in range(50)]
    results = SearchIndex(documents).search("common")
    assert results.total == 50
    assert len(results.hits) == 20


# --------------------------------------------------------------------------------------------
# Files, determinism, updates
# --------------------------------------------------------------------------------------------


def test_the_same_documents_give_byte_identical_files_in_any_order() -> None:
    documents = synthetic_documents(300)
    first = SearchIndex(documents).files()
    second = SearchIndex(list(reversed(documents))).files()
    assert first == second
    assert json.loads(first[MANIFEST])["documents"] == 300


def test_postings_numbers_take_five_bits_a_digit() -> None:
    numbers = [0, 1, 31, 32, 255, 1023, 1024, 10_000, 2**31 + 5]
    text = encode_numbers(numbers)
    assert text[:3] == "ABf" and text[3:5] == "gB"  # 32: low five bits 0 and "more", then 1
    assert decode_numbers(text) == numbers
    assert len(encode_numbers(range(32))) == 32 and len(encode_numbers([1023])) == 2


def test_every_shard_exists_and_the_format_is_as_documented() -> None:
    documents = small_site_documents()
    index = SearchIndex(documents)
    files = index.files()
    manifest = json.loads(files[MANIFEST])
    scheme = ShardScheme(manifest["postings"], manifest["prefixes"])
    assert scheme == index.scheme == ShardScheme.for_documents(len(documents))
    expected = {MANIFEST}
    expected |= {postings_path(i) for i in range(scheme.postings)}
    expected |= {prefix_path(i) for i in range(scheme.prefixes)}
    expected |= {chunk_path(i) for i in range(-(-len(documents) // CHUNK_SIZE))}
    assert set(files) == expected
    ids = {url: i for i, url in enumerate(sorted(d.url for d in documents))}
    postings = json.loads(files[postings_path(scheme.postings_shard("quagga"))])
    # once in 18 words of text and tags: 10 * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 18 / 600)) = 16.6
    assert decode_numbers(postings["quagga"]) == [ids["2024/05/01/zebra/"], 17]
    postings = json.loads(files[postings_path(scheme.postings_shard("zebra"))])
    # in the title and the text (16.6 + 25), in the title alone (25); ids as gaps
    assert decode_numbers(postings["zebra"]) == [ids["2024/05/01/zebra/"], 42, 1, 25]
    prefixes = json.loads(files[prefix_path(scheme.prefix_shard("quagga"))])
    assert prefixes["quagga"] == 1
    chunk = json.loads(files[chunk_path(0)])
    assert chunk[ids["2024/05/02/second/"]] == [
        "2024/05/02/second/",
        "Second zebra story",
        [f"Section <script>alert('s')</script>{XSS}", "2 May 2024"],
        "Night buses will run in Kabul until 2 a.m.",
        "en",
    ]
    assert manifest["text"]["max_term_length"] == 40
    assert manifest["digits"] == NUMBER_DIGITS


def test_an_empty_index_is_valid() -> None:
    index = SearchIndex([])
    assert set(index.files()) == {MANIFEST, "p/0.json", "d/0.json"}
    assert index.search("anything").hits == ()


def test_duplicate_urls_are_refused() -> None:
    with pytest.raises(ValueError, match="two search documents"):
        SearchIndex([doc("a/", "One"), doc("a/", "Two")])
    index = SearchIndex([doc("a/", "One")])
    with pytest.raises(ValueError, match="twice"):
        index.update([doc("b/", "Two"), doc("b/", "Three")])
    with pytest.raises(ValueError, match="both changed and removed"):
        index.update([doc("a/", "Two")], ["a/"])


def test_an_unchanged_document_writes_nothing() -> None:
    documents = synthetic_documents(200)
    index = SearchIndex(documents)
    version = index.version
    assert not index.update(documents[:10], ["not/indexed/"])
    assert index.version == version


def test_a_changed_article_rewrites_only_the_shards_its_terms_are_in() -> None:
    documents = synthetic_documents(400)
    index = SearchIndex(documents)
    before = index.files()
    target = documents[123]
    edited = replace(target, title="Quagga sighting", text=target.text + " Zebras. Quaggas.")
    changes = index.update([edited])
    after = index.files()

    assert set(changes.written) == {p for p in after if after[p] != before.get(p)}
    assert changes.deleted == ()
    scheme = index.scheme
    new_terms = set(terms(edited.title)) | {"zebra", "quagga"}
    old_terms = set(terms(target.title))
    doc_id = sorted(d.url for d in documents).index(target.url)  # ids follow URL order
    allowed = {MANIFEST, chunk_path(doc_id // CHUNK_SIZE)}
    allowed |= {postings_path(scheme.postings_shard(t)) for t in new_terms | old_terms}
    allowed |= {prefix_path(scheme.prefix_shard(t)) for t in new_terms | old_terms}
    assert MANIFEST in changes.written
    assert set(changes.written) <= allowed
    assert len(changes.written) < len(after) / 10
    # ... and gives exactly what a fresh build of the new documents gives.
    fresh = SearchIndex([edited if d is target else d for d in documents])
    assert fresh.files() == after
    assert urls(index, "quagga")[0] == target.url


def test_updates_to_words_in_most_articles_give_what_a_fresh_build_gives() -> None:
    """A word in over LONG_POSTINGS articles is re-encoded run by run: after edits that
    take it out of articles, put it back, and add an article, the files are a fresh build's."""
    documents = synthetic_documents(3000)
    common = vocabulary()[0]
    index = SearchIndex(documents, updated=True)
    assert index.search(common, 1).total >= LONG_POSTINGS
    for round_, positions in enumerate(((5, 256, 1500), (256, 1501, 2999))):
        for at in positions:
            target = documents[at]
            text = f"quagga{round_}" if round_ == 0 else f"{target.text} {common} okapi"
            documents[at] = replace(target, text=text)
        index.update([documents[at] for at in positions])
        assert index.files() == SearchIndex(documents).files(), f"round {round_}"
    added = doc("zz/last/", "A late story", f"{common} okapi")  # sorts last: the next id
    index.update([added])
    assert index.files() == SearchIndex([*documents, added]).files()
    assert added.url in urls(index, "okapi")


def test_adding_and_removing_articles_updates_the_index() -> None:
    documents = synthetic_documents(300)
    index = SearchIndex(documents[:299])
    changes = index.update([documents[299]])
    assert documents[299].url in index
    title_word = terms(documents[299].title)[0]
    assert documents[299].url in urls(index, title_word + " ")
    assert changes.written and not changes.deleted
    assert chunk_path(299 // CHUNK_SIZE) in changes.written

    gone = documents[10]
    gone_id = sorted(d.url for d in documents[:299]).index(gone.url)
    changes = index.update(removed=[gone.url])
    assert gone.url not in index
    assert len(index) == 299
    assert chunk_path(gone_id // CHUNK_SIZE) in changes.written
    assert gone.url not in urls(index, terms(gone.title)[0] + " ")
    chunk = json.loads(index.files()[chunk_path(gone_id // CHUNK_SIZE)])
    assert chunk[gone_id % CHUNK_SIZE] is None
    assert json.loads(index.files()[MANIFEST])["documents"] == 299


def test_shrinking_far_changes_the_scheme_and_deletes_the_extra_shards(tmp_path: Path) -> None:
    documents = synthetic_documents(200)
    index = SearchIndex(documents)
    index.write(tmp_path)
    assert index.scheme.postings == 64
    changes = index.update(removed=[d.url for d in documents[5:]])
    assert index.scheme == ShardScheme.for_documents(5)
    assert "p/63.json" in changes.deleted
    index.write(tmp_path, changes)
    on_disk = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.json")}
    assert on_disk == set(index.files())
    assert [hit.url for hit in index.search(terms(documents[2].title)[0] + " ").hits]


def test_write_puts_every_file_under_the_folder(tmp_path: Path) -> None:
    index = SearchIndex(small_site_documents())
    assert index.write(tmp_path / INDEX_DIR) == []
    written = {p for p in (tmp_path / INDEX_DIR).rglob("*") if p.is_file()}
    assert {p.relative_to(tmp_path / INDEX_DIR).as_posix() for p in written} == set(index.files())
    assert (tmp_path / INDEX_DIR / MANIFEST).read_bytes() == index.files()[MANIFEST]


# --------------------------------------------------------------------------------------------
# Sizes at 10,000 articles
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def big_index() -> tuple[SearchIndex, dict[str, int]]:
    index = SearchIndex(synthetic_documents(10_000))
    zipped = {path: len(gzip.compress(data, 6)) for path, data in index.files().items()}
    return index, zipped


@pytest.mark.parametrize("rank", [300, 1000, 3000])
def test_a_first_query_for_a_mid_frequency_word_loads_under_300_kb_at_10000_articles(
    big_index: tuple[SearchIndex, dict[str, int]], rank: int
) -> None:
    index, zipped = big_index
    word = vocabulary()[rank]
    results = index.search(word)
    assert 20 <= results.total < 5000  # matched by some but far from all articles
    assert MANIFEST in results.files
    assert sum(1 for p in results.files if p.startswith("p/")) <= 9  # the word, 8 completions
    assert sum(zipped[p] for p in results.files) <= BUDGET
    # Typing the word key by key, each prefix answered in full, stays under budget too.
    loaded: set[str] = set()
    for end in range(1, len(word) + 1):
        loaded.update(index.search(word[:end]).files)
    assert sum(zipped[p] for p in loaded) <= BUDGET


def test_no_single_file_is_large_at_10000_articles(
    big_index: tuple[SearchIndex, dict[str, int]],
) -> None:
    _, zipped = big_index
    assert max(zipped.values()) < 64 * 1024
    assert zipped[MANIFEST] < 2 * 1024


# --------------------------------------------------------------------------------------------
# The worker in chromium
# --------------------------------------------------------------------------------------------

MATERIAL_WORKER = re.compile(
    r'("search": ")([^"]*?)assets/javascripts/workers/search\.\w+\.min\.js"'
)


def material_site(
    root: Path, documents: list[SearchDocument], pages: dict[str, str] | None = None
) -> Path:
    """A Material site with its `search` plugin, whose pages use Newsroom's worker; `pages`:
    more pages of its own, by file name."""
    docs = root / "docs"
    docs.mkdir(parents=True)
    for name, text in (pages or {}).items():
        (docs / name).write_text(text, encoding="utf-8")
    (docs / "index.md").write_text("# Home\n\nWelcome to the portal.\n", encoding="utf-8")
    (docs / "about.md").write_text(
        "# About\n\nThe colophon of this portal.\n\n## Team\n\nEditors and reporters.\n",
        encoding="utf-8",
    )
    (root / "mkdocs.yml").write_text(
        "site_name: Portal\ntheme:\n  name: material\n  font: false\nplugins:\n  - search\n",
        encoding="utf-8",
    )
    site = root / "site"
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        replaced, count = MATERIAL_WORKER.subn(rf"\1\2{WORKER_PATH}" + '"', html)
        assert count == 1, page
        page.write_text(replaced, encoding="utf-8")
    (site / WORKER_PATH).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(WORKER, site / WORKER_PATH)
    SearchIndex(documents).write(site / INDEX_DIR)
    return site


def test_materials_search_box_shows_articles_with_section_and_date(tmp_path: Path) -> None:
    documents = small_site_documents()
    site = material_site(tmp_path, documents)
    pashto = documents[2]
    with serve_dir(site) as base, chromium() as browser:
        for start, word, url, title in [
            ("", "zebra", "2024/05/01/zebra/", f"Headline {XSS} zebra"),
            ("about/", "quag", "2024/05/01/zebra/", f"Headline {XSS} zebra"),
            ("", "ټرمپ", pashto.url, pashto.title),
            ("", "كتابخانه", "2025/06/27/library/", "کتاب‌ها و کتابخانه‌ی ملی"),
        ]:
            page = open_page(browser, base, 1280, start)
            hits = search(page, word)
            found = [hit for hit in hits if hit.href.startswith(base + url)]
            assert found, (word, hits)
            document = next(d for d in documents if d.url == url)
            assert found[0].title == title
            assert found[0].text.startswith(title)
            assert found[0].text.endswith("\n".join(document.tags)), found[0].text
            assert page_log(page).problems() == [], word
            page.close()

        page = open_page(browser, base, 1280, "")
        hits = search(page, "second")
        assert [hit.title for hit in hits] == ["Second zebra story"]
        assert hits[0].text.endswith(f"Section <script>alert('s')</script>{XSS}\n2 May 2024")
        assert page_log(page).problems() == []
        page.close()

        page = open_page(browser, base, 1280, "")  # a page Material indexed, not an article
        hits = search(page, "colophon")
        assert [hit.href for hit in hits] == [base + "about/"]
        assert hits[0].title == "About"
        assert page_log(page).problems() == []
        page.close()


def test_a_pages_own_title_and_teaser_are_text_in_the_results(tmp_path: Path) -> None:
    """A page without a heading: Material indexes its front matter's title as written, HTML
    and all, and the worker shows it as text (Material's own navigation shows it as HTML: a
    page of the site's own is trusted there); its teaser is cut between characters, never
    inside one."""
    title = "Okapi notes <u>bold</u> &amp; more"
    body = "okapi " + "x" * 153 + "\U0001f600" * 10
    pages = {"notes.md": f"---\ntitle: '{title}'\n---\n\n{body}\n"}
    site = material_site(tmp_path, [], pages)
    with serve_dir(site) as base, chromium() as browser:
        page = open_page(browser, base, 1280, "")
        hits = search(page, "okapi")
        assert [hit.href for hit in hits] == [base + "notes/"]
        assert hits[0].title == "Okapi notes bold & more"  # its words, no markup
        assert "\ufffd" not in hits[0].text and "\u2026" in hits[0].text
        assert page.evaluate("() => document.querySelectorAll('.md-search-result u').length") == 0
        assert page_log(page).problems() == []
        page.close()


def test_a_teaser_cut_leaves_no_direction_control_open() -> None:
    text = "word " * 25 + "giraffe \u202eREVERSED " + "word " * 25 + " tail\u202c end"
    teaser = snippet(text)
    assert "giraffe REVERSED word" in teaser and "\u202e" not in teaser
    assert snippet("a \u202eb\u202c c") == "a \u202eb\u202c c"  # closed: kept


def test_the_worker_tokenizes_hashes_and_ranks_as_python_does(tmp_path: Path) -> None:
    site = tmp_path / "site"
    documents = [*synthetic_documents(400), *small_site_documents()]
    index = SearchIndex(documents)
    index.write(site / INDEX_DIR)
    (site / WORKER_PATH).parent.mkdir(parents=True)
    shutil.copy(WORKER, site / WORKER_PATH)
    (site / "index.html").write_text(
        "<!doctype html><html lang=en><meta charset=utf-8><title>t</title>"
        f"<script src='{WORKER_PATH}'></script>",
        encoding="utf-8",
    )
    samples = [
        pashto_text()[:600],
        f"می{ZWNJ}خواهم كتاب يك ٢٠٢٤ ۲۰۲۵ مُحَمَّد علـــی أحمد ﻛﺘﺎﺏ ګډ",
        "Kabul's CITIES, classes & churches: Café NAÏVE Œuvre ﬁnance Ｋａｂｕｌ İstanbul ΟΔΟΣ ½",
        "a" * 41 + " kept\u00adword e-mail don’t",
    ]
    words = vocabulary()
    queries = [
        words[40],
        words[1000],
        words[3000][:3],
        words[3000][:5],
        f"{words[500]} {words[900]}",
        f"{words[500]} {words[900][:4]}",
        "ټرمپ",
        "quag",
        "zebra ",
    ]
    with serve_dir(site) as base, chromium() as browser:
        page = open_page(browser, base, 1280, "")
        answer = page.evaluate(
            """async ([samples, queries]) => {
                const api = self.newsroomSearch
                const response = await fetch("search/newsroom/manifest.json")
                const manifest = api.prepare(await response.json())
                const terms = samples.map(text =>
                    api.tokenize(text, manifest.rules).map(w => api.stem(w, manifest.rules)))
                const hashes = terms.flat().map(term => api.hash(term))
                await api.handle({type: 0, data: {config: {}, docs: [], options: {}}})
                const results = []
                for (const query of queries) {
                    const message = await api.handle({type: 2, data: query})
                    results.push(message.data.items.map(group => group[0].location))
                }
                return {terms, hashes, results}
            }""",
            [samples, queries],
        )
        assert page_log(page).problems() == []
    assert answer["terms"] == [terms(text) for text in samples]
    assert answer["hashes"] == [term_hash(term) for text in samples for term in terms(text)]
    for query, found in zip(queries, answer["results"], strict=True):
        assert found == urls(index, query), query
        assert found, query


@pytest.mark.parametrize("processes", [1, 2])
def test_the_index_is_written_only_for_a_site_with_material_search(
    tmp_path: Path, processes: int
) -> None:
    """Material's search plugin's box and worker are what read the index: a site without the
    plugin has no search box, and gets no index (with one process, or written aside)."""
    stories = {
        f"articles/story-{day}.md": article(f"Night buses {day}", f"2024-05-{day:02d}")
        for day in range(1, 4)
    }
    plugin = {"processes": processes}
    bare = build_site(tmp_path / "bare", stories, config={"plugins": [{"newsroom": plugin}]})
    turned_off = build_site(
        tmp_path / "off",
        stories,
        config={"plugins": [{"search": {"enabled": False}}, {"newsroom": plugin}]},
    )
    searched = build_site(tmp_path / "searched", stories, plugin=plugin)
    for site in (bare, turned_off, searched):
        assert len(list(site.site_dir.glob("2024/05/0[1-3]/*/index.html"))) == 3
    for site in (bare, turned_off):
        assert not (site.site_dir / INDEX_DIR).exists()
        assert 'for="__search"' not in (site.site_dir / "index.html").read_text(encoding="utf-8")
        assert "nr-not-found__search" not in (site.site_dir / "404.html").read_text(
            encoding="utf-8"
        )
    assert 'for="__search"' in (searched.site_dir / "index.html").read_text(encoding="utf-8")
    assert "nr-not-found__search" in (searched.site_dir / "404.html").read_text(encoding="utf-8")
    manifest = json.loads((searched.site_dir / INDEX_DIR / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["documents"] == 3


def test_a_dirty_build_without_search_removes_the_index_an_earlier_build_left(
    tmp_path: Path,
) -> None:
    """`mkdocs build --dirty` after the search plugin left mkdocs.yml, a story and a page
    became drafts: the indexes the earlier build wrote (Newsroom's, which holds the story;
    Material's, which holds the page) go with them, and the build says so."""
    root = tmp_path / "site"
    stories = {
        "articles/other.md": article("Night buses", "2024-05-01"),
        "articles/secret.md": article("Marksecret ferry plan", "2024-05-02"),
        "about.md": "---\ntitle: About us\n---\nMarkpage about the team.\n",
    }
    config = write_site(root, stories)
    assert run(root, "mkdocs", "build").returncode == 0
    site = Site(root).site_dir
    index, material = site / INDEX_DIR, site / "search/search_index.json"
    assert "Marksecret" in "".join(p.read_text("utf-8") for p in index.rglob("*.json"))
    assert "Markpage" in material.read_text(encoding="utf-8")
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings["plugins"].remove("search")
    config.write_text(yaml.safe_dump(settings), encoding="utf-8")
    secret = root / "content/articles/secret.md"
    secret.write_text(article("Marksecret ferry plan", "2024-05-02", draft=True), "utf-8")
    (root / "content/about.md").write_text("---\ndraft: true\n---\nMarkpage\n", "utf-8")
    dirty = run(root, "mkdocs", "build", "--dirty")
    assert dirty.returncode == 0, dirty.stderr
    assert not (site / "search").exists()
    assert "the site has no search now; removed what an earlier build wrote" in dirty.stderr
    assert "Night buses" in (site / "index.html").read_text(encoding="utf-8")
    assert "Marksecret" not in output_text(Site(root))
    assert "Markpage" not in output_text(Site(root))
