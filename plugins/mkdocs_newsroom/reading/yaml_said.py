"""What to say of YAML that opens a quote, a list or a mapping and never closes it, or writes
an escape YAML does not know: where the reporter opened it, and what to write, rather than
where libyaml gave up looking, lines below."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import yaml

_UNCLOSED = {
    "while scanning a quoted scalar": "the quote that opens here is not closed; end the "
    "value with the same quote (a ' inside '...' is written '', a \" inside \"...\" is written "
    '\\")',
    "while parsing a flow sequence": "the list that opens here with '[' is not closed; end "
    "it with ']', or quote the value if the '[' is part of it",
    "while parsing a flow mapping": "the mapping that opens here with '{' is not closed; end "
    "it with '}', or quote the value if the '{' is part of it",
}
UNKNOWN_ESCAPE = (
    'a backslash inside "..." begins an escape (\\n, \\t, \\"), and this one is none; write '
    "\\\\ for a backslash, or quote the value with '...' instead"
)


def unclosed_said(error: yaml.MarkedYAMLError) -> str:
    """What to say of a quote, list or mapping the front matter opens and never closes
    (YAML says where it stopped looking, lines below), '' for any other fault."""
    said = _UNCLOSED.get(error.context or "", "")
    if "quoted" in (error.context or ""):
        return said if "end of stream" in (error.problem or "") else ""
    return said if "did not find expected ','" in (error.problem or "") else ""
