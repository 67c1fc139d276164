"""Long listings cut into pages: page 1 at the listing's URL, page N at <listing>/page/N/."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from ..urls import page_url

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from ..settings.checked import PageSizes
    from .indexes import Listing

T = TypeVar("T")


@dataclass(frozen=True)
class Pagination(Generic[T]):
    """Page `number` (1-based) of `listing`, `size` items per page; with a `lead`, the first
    page holds `lead` items and is the only one shown as cards (the others: headlines)."""

    listing: Listing[T]
    number: int
    size: int
    lead: int = 0

    @property
    def count(self) -> int:
        first = self.lead or self.size
        rest = max(0, len(self.listing.items) - first)
        return 1 + math.ceil(rest / self.size)

    @property
    def headlines_only(self) -> bool:
        return bool(self.lead) and self.number > 1

    @property
    def items(self) -> Sequence[T]:
        start = self.first_index - 1
        length = self.lead if self.lead and self.number == 1 else self.size
        return self.listing.items[start : start + length]

    @property
    def first_index(self) -> int:
        """1-based position of the first item on this page."""
        if self.number == 1:
            return 1
        return (self.lead or self.size) + (self.number - 2) * self.size + 1

    @property
    def url(self) -> str:
        return page_url(self.listing.url, self.number)

    def url_of(self, number: int) -> str:
        return page_url(self.listing.url, number)

    @property
    def previous_url(self) -> str | None:
        return self.url_of(self.number - 1) if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.url_of(self.number + 1) if self.number < self.count else None

    def window(self, width: int = 2) -> list[int | None]:
        """Page numbers to show in the pager: first, last, and `width` around this one;
        None stands for a gap."""
        shown = {1, self.count, *range(self.number - width, self.number + width + 1)}
        numbers = sorted(n for n in shown if 1 <= n <= self.count)
        out: list[int | None] = []
        for number in numbers:
            if out and number - (out[-1] or 0) > 1:
                out.append(None)
            out.append(number)
        return out


def paginate(listing: Listing[T], size: int, lead: int = 0) -> Iterator[Pagination[T]]:
    first = Pagination(listing, 1, size, lead)
    yield first
    for number in range(2, first.count + 1):
        yield Pagination(listing, number, size, lead)


def article_pages(listing: Listing[T], sizes: PageSizes) -> Iterator[Pagination[T]]:
    """A listing of articles: cards on its first page, headlines on the others (an archive
    only grows, and a card weighs four headlines)."""
    if sizes.headlines:
        return paginate(listing, sizes.headlines, lead=sizes.articles)
    return paginate(listing, sizes.articles)
