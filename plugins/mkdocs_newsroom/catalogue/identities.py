"""One feed id per story: two articles that name one `uid` (a copied `wire_id`, a `uid` given
twice) would be one item to feed readers, and RFC 4287 forbids two entries of one `atom:id`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..problems import Problem
from ..reading.reach import first_path

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .placement import Placement


def distinct_uids(placements: Iterable[Placement]) -> list[Problem]:
    """Keep each `uid` for the first article (by path) that has it; give each later one its
    file's path (with `#2`, `#3`... if that is taken too), with a warning naming both files."""
    ordered = sorted(placements, key=lambda placement: placement.source)
    holders: dict[str, str] = {}
    taken = {placement.uid for placement in ordered}
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
