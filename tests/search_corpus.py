"""Synthetic articles for the search index's size tests and `bench/search_size.py`.

`synthetic_documents(n)` gives n `SearchDocument`s of ~600 words (log-normal lengths, 150 to
2,000) drawn Zipf-like (weight 1/rank) from a 20,000-word vocabulary of made-up words, with a
6-10 word headline of less common words, a section and a date as tags. Seeded: document i
depends only on the seed and i, so a smaller corpus is a prefix of a larger one.
"""

from __future__ import annotations

import random
from functools import cache

from mkdocs_newsroom.search.documents import SearchDocument
from mkdocs_newsroom.search.text import stem

SEED = 20261126
VOCABULARY_SIZE = 20_000
TABLE_SIZE = 1 << 21  # sampling table cells: the rarest word still gets a few
SECTIONS = (
    "World",
    "Politics",
    "Business",
    "Technology",
    "Science",
    "Health",
    "Sport",
    "Culture",
    "Education",
    "Opinion",
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@cache
def vocabulary(size: int = VOCABULARY_SIZE, seed: int = SEED) -> tuple[str, ...]:
    """`size` distinct made-up words, most frequent first; each is its own index term."""
    rng = random.Random(f"{seed}:vocabulary")
    consonants, vowels = "bcdfghjklmnprtvwz", "aeiou"
    words: list[str] = []
    seen: set[str] = set()
    while len(words) < size:
        syllables = rng.choice((1, 2, 2, 3, 3, 3, 4))
        word = "".join(
            rng.choice(consonants)
            + rng.choice(vowels)
            + (rng.choice("nrlt") * (rng.random() < 0.3))
            for _ in range(syllables)
        )
        if word not in seen and stem(word) == word:
            seen.add(word)
            words.append(word)
    return tuple(words)


@cache
def _table(size: int, seed: int) -> tuple[int, ...]:
    """Word ranks repeated in proportion to 1/rank: a uniform draw from it is a Zipf draw."""
    weights = [1 / rank for rank in range(1, size + 1)]
    scale = TABLE_SIZE / sum(weights)
    table: list[int] = []
    for rank, weight in enumerate(weights):
        table.extend([rank] * max(1, round(weight * scale)))
    return tuple(table)


def frequency_rank_word(rank: int) -> str:
    """The vocabulary word of a frequency rank (0 is the most frequent)."""
    return vocabulary()[rank]


def synthetic_document(index: int, seed: int = SEED) -> SearchDocument:
    words = vocabulary(VOCABULARY_SIZE, seed)
    table = _table(VOCABULARY_SIZE, seed)
    rng = random.Random(f"{seed}:{index}")
    count = min(2000, max(150, int(rng.lognormvariate(6.4, 0.35))))
    drawn = [words[rank] for rank in rng.choices(table, k=count)]
    sentences = []
    for start in range(0, count, 15):
        sentence = " ".join(drawn[start : start + 15])
        sentences.append(sentence[:1].upper() + sentence[1:] + ".")
    title_words = [
        words[200 + rank % (len(words) - 200)] for rank in rng.choices(table, k=rng.randint(6, 10))
    ]
    title = " ".join(title_words).capitalize()
    year, month, day = 2019 + index % 7, 1 + index // 7 % 12, 1 + index // 84 % 28
    section = SECTIONS[index % len(SECTIONS)]
    date = f"{day} {MONTHS[month - 1]} {year}"
    url = f"{year}/{month:02d}/{day:02d}/story-{index}/"
    return SearchDocument(url, title, (section, date), " ".join(sentences), "en")


def synthetic_documents(count: int, seed: int = SEED) -> list[SearchDocument]:
    return [synthetic_document(index, seed) for index in range(count)]
