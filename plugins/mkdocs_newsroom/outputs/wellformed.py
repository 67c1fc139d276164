"""Every XML file is checked before it is written: a feed or sitemap that a reader's parser
would reject is never published."""

from __future__ import annotations

from pyexpat import ExpatError, ParserCreate, errors


def xml_error(text: str) -> tuple[str, int] | None:
    """Why `text` is not well-formed XML, and the offset of the character where the parser
    stopped; None when it is well-formed."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as error:
        return f"character U+{ord(text[error.start]):04X} cannot be written", error.start
    parser = ParserCreate()
    try:
        parser.Parse(data, True)
    except ExpatError as error:
        lines = text.split("\n", error.lineno)
        offset = sum(len(line) + 1 for line in lines[: error.lineno - 1]) + error.offset
        return errors.messages[error.code], offset
    return None


def item_at(text: str, offset: int) -> int | None:
    """The number (0-based) of the feed item or entry that holds `offset`, if any."""
    before = text[:offset]
    starts = before.count("<item>") + before.count("<entry>")
    ends = before.count("</item>") + before.count("</entry>")
    return starts - 1 if starts > ends else None
