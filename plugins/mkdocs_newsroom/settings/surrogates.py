"""Option values of mkdocs.yml that hold a surrogate: YAML reads the escape JSON writes for a
character beyond U+FFFF ('\\ud83d\\ude00' for 😀) as two halves no page or feed can be
written with, and MkDocs stops with a traceback when it writes the page. Newsroom refuses
such a value first, in one line that says what to write instead."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from ..problems import NewsroomError

_SURROGATES = re.compile("[\ud800-\udfff]+")


def _strings(value: object, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], str]]:
    """Every text inside `value` (a mapping's keys too), with the keys that lead to it."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _strings(key, path)
            yield from _strings(item, (*path, str(key)))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item, path)


def _instead(halves: str) -> str:
    """What to write instead of the surrogates `halves`, as the front matter's line says it."""
    written = "".join(f"\\u{ord(half):04x}" for half in halves)
    joined = halves.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    if len(halves) == 2 and len(joined) == 1 and joined != "\ufffd":
        code = ord(joined)
        return (
            f"'{written}', a surrogate pair, as JSON writes a character beyond U+FFFF, which "
            f"no page can hold; write '\\U{code:08X}' (in double quotes) or the character "
            f"itself ({joined})"
        )
    return (
        f"'{written}', half of a surrogate pair, which no page can hold; write the character "
        "itself, or its '\\U' escape of eight hex digits (such as '\\U0001F600')"
    )


def refuse_surrogates(options: Mapping[str, object]) -> None:
    """A `NewsroomError` for the first option value (of `options`, by option name) that holds
    a surrogate."""
    for option, value in options.items():
        for path, text in _strings(value, ()):
            found = _SURROGATES.search(text)
            if found is not None:
                inside = f" ({' '.join(repr(key) for key in path)})" if path else ""
                raise NewsroomError(
                    f"newsroom: option '{option}'{inside} of mkdocs.yml holds "
                    f"{_instead(found.group()[:2])}"
                )
