"""The postings' numbers as text: five bits a character, lowest first (docs/search-format.md,
`p/<i>.json`), and JSON as the index writes it."""

from __future__ import annotations

import json
from itertools import chain
from operator import sub
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

NUMBER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def _number_code(number: int) -> str:
    digits = []
    while number >= 32:
        digits.append(NUMBER_DIGITS[32 | number & 31])
        number >>= 5
    digits.append(NUMBER_DIGITS[number])
    return "".join(digits)


_SMALL_NUMBER_CODES = [_number_code(number) for number in range(1024)]
_DIGIT_VALUES = {digit: value for value, digit in enumerate(NUMBER_DIGITS)}


def encode_numbers(numbers: Iterable[int]) -> str:
    """Non-negative integers as the postings' variable-length digits (see `p/<i>.json`)."""
    small = _SMALL_NUMBER_CODES
    return "".join([small[n] if n < 1024 else _number_code(n) for n in numbers])


def decode_numbers(text: str) -> list[int]:
    numbers = []
    value = shift = 0
    for digit in text:
        bits = _DIGIT_VALUES[digit]
        value |= (bits & 31) << shift
        if bits & 32:
            shift += 5
        else:
            numbers.append(value)
            value = shift = 0
    return numbers


def encode_codes(codes: Sequence[int], previous: int = 0) -> str:
    """Postings (`id << 8 | impact`, ascending) as digits: each id as its gap from the one
    before (the first from `previous`), then its impact."""
    if not codes:
        return ""
    ids = [code >> 8 for code in codes]
    gaps = [ids[0] - previous, *map(sub, ids[1:], ids)]
    impacts = [code & 0xFF for code in codes]
    return encode_numbers(chain.from_iterable(zip(gaps, impacts, strict=True)))


def dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
