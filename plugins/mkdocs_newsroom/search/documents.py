"""An article as search sees it, and the weight of each of its terms (docs/search-format.md,
"Ranking")."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..reading.bodies import html_to_text
from ..reading.permalinks import without_permalinks
from .text import stem, terms, tokenize

if TYPE_CHECKING:
    from ..model import Permalink

K1 = 1.2
B = 0.75
REFERENCE_LENGTH = 600
TITLE_WEIGHT = 2.5
IMPACT_SCALE = 10


@dataclass(frozen=True)
class SearchDocument:
    """One article as search sees it. Every string is raw text (never HTML).

    `url` is site-relative (`2024/05/01/slug/`); `tags` are shown under the title in the
    results (the section title and the display date); `text` is the plain text of the body
    (or, when it is empty, that of `html`, the body as HTML), after `lead` (the summary, when
    the article has one); `lang` is the article's BCP 47 language (the results mark the title
    and teaser with it); `keywords` are what a reader may search it by that its text need
    not hold (its tags, its authors' names, its dateline), searched as the text is, not shown.
    """

    url: str
    title: str
    tags: tuple[str, ...]
    text: str
    lang: str
    lead: str = ""
    html: str = ""
    keywords: tuple[str, ...] = ()
    permalink: Permalink | None = None  # how the permalinks in `html`'s headings are written

    @property
    def searched(self) -> str:
        """The lead and the text, made when the document is indexed: an index of 50,000
        articles holds all its documents at once, and a copy of each article's text in each
        would be 200 MB."""
        text = self.text or html_to_text(without_permalinks(self.html, self.permalink))
        return f"{self.lead}\n{text}" if self.lead else text


def digest(document: SearchDocument, searched: str) -> bytes:
    """`searched`: the document's `searched`, made once for this and `analyse`."""
    listed = ("\x1f".join(document.tags), "\x1f".join(document.keywords))
    fields = (document.url, document.title, *listed, searched)
    data = "\x1e".join((*fields, document.lang)).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=16).digest()


def _quantize(weight: float) -> int:
    return min(255, max(1, int(weight * IMPACT_SCALE + 0.5)))


def analyse(document: SearchDocument, searched: str) -> dict[str, int]:
    """Each term of a document with its impact (docs/search-format.md, "Ranking")."""
    words = tokenize(searched)
    for tag in (*document.tags, *document.keywords):
        words.extend(tokenize(tag))
    counts = Counter(map(stem, words))
    norm = K1 * (1 - B + B * len(words) / REFERENCE_LENGTH)
    by_count = {count: _quantize(count * (K1 + 1) / (count + norm)) for count in {*counts.values()}}
    impacts = dict(zip(counts, map(by_count.__getitem__, counts.values()), strict=True))
    for term in set(terms(document.title)):
        count = counts.get(term, 0)
        impacts[term] = _quantize(count * (K1 + 1) / (count + norm) + TITLE_WEIGHT)
    return impacts
