"""Long listings cut into pages: page 1 at the listing's URL, page N at <listing>/page/N/."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from .urls import page_url

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from .indexes import Listing

T = TypeVar("T")


@dataclass(frozen=True)
class PageSizes:
    articles: int = 20
    index: int = 100  # tags, authors and years on their index pages


@dataclass(frozen=True)
class Pagination(Generic[T]):
    """Page `number` (1-based) of `listing`, `size` items per page."""

    listing: Listing[T]
    number: int
    size: int

    @property
    def count(self) -> int:
        return max(1, math.ceil(len(self.listing.items) / self.size))

    @property
    def items(self) -> Sequence[T]:
        start = (self.number - 1) * self.size
        return self.listing.items[start : start + self.size]

    @property
    def first_index(self) -> int:
        """1-based position of the first item on this page."""
        return (self.number - 1) * self.size + 1

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


def paginate(listing: Listing[T], size: int) -> Iterator[Pagination[T]]:
    first = Pagination(listing, 1, size)
    yield first
    for number in range(2, first.count + 1):
        yield Pagination(listing, number, size)
