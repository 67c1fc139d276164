"""One feed id per story: two articles that name one `uid` (a copied `wire_id`, a `uid` given
twice) would be one item to feed readers, and RFC 4287 forbids two entries of one `atom:id`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..problems import Problem
from ..reading.reach import first_path

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .placement import Placement


def distinct_uids(
    published: Iterable[Placement], held_back: Iterable[Placement] = ()
) -> list[Problem]:
    """Keep each `uid` for the first published article (by path) that has it; give each later
    one its file's path (with `#2`, `#3`... if that is taken too), with a warning naming both
    files. Held-back articles (drafts, scheduled, expired) compete only after every published
    one has its id, so that one never changes what a published story gets (as with URLs)."""
    holders: dict[str, str] = {}
    problems: list[Problem] = []
    for group in (published, held_back):
        ordered = sorted(group, key=lambda placement: placement.source)
        taken = set(holders) | {placement.uid for placement in ordered}
        problems += _distinct(ordered, holders, taken)
    return problems


def _distinct(ordered: list[Placement], holders: dict[str, str], taken: set[str]) -> list[Problem]:
    problems = []
    for placement in ordered:
        holder = holders.setdefault(placement.uid, placement.source)
        if holder == placement.source:
            continue
        own = _own_uid(first_path(placement.source), taken)
        taken.add(own)
        problems.append(
            Problem(
                placement.source,
                f"its feed id (uid '{placement.uid}') is also that of {holder}, so feed "
                f"readers would see one story; its feeds' id was made from '{own}' instead. "
                "Give it a 'uid' of its own (or remove a 'wire_id' copied from the other)",
            )
        )
        placement.uid = own
        holders[own] = placement.source
    return problems


def _own_uid(base: str, taken: set[str]) -> str:
    uid, number = base, 1
    while uid in taken:
        number += 1
        uid = f"{base}#{number}"
    return uid
