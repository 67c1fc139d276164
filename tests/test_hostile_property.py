"""Generated hostile sites: front matter and bodies with control characters, non-characters,
deep nesting and raw HTML, under odd file names, some held back. Whatever they hold, the build
finishes, every XML and JSON file it writes parses, and no text of an article held back
(draft, scheduled, excluded) appears in any file of the site."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from .sites import build_site

BUILDS = int(os.environ.get("NEWSROOM_HOSTILE_BUILDS", "25"))
HOLDS = ("published", "draft", "scheduled", "excluded")
NOW = "1717200000"  # 2024-06-01: "scheduled" stories are dated after it

# Text reaching for every class of character: controls, C1, non-characters, bidi controls,
# combining marks, right-to-left letters and markup.
_ODD = "\x00\x01\x07\x0b\x1b\x7f\x85\x9d\u200b\u200e\u202e\u2066\ufdd0\ufeff\ufffe\uffff"
_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from([*_ODD, "\U0010ffff", "\U0001fffe", "<", "&", '"', "'", "*"]),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=40,
)
_BODY = st.one_of(
    _TEXT,
    st.binary(max_size=200).map(lambda data: data.decode("utf-8", "surrogateescape")),
    st.integers(min_value=1, max_value=400).map(
        lambda depth: "\n" + "".join("    " * level + "- x\n" for level in range(depth))
    ),
    st.just('<script>alert(1)</script><iframe src="//evil.example"></iframe>'),
)
_NAME = st.text(
    alphabet=st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)),
    min_size=1,
    max_size=12,
)
_SUFFIX = st.sampled_from([".md", ".MD", ".txt", ".Txt", ".markdown", ".md~", ".bak", ""])


@st.composite
def stories(draw: st.DrawFn) -> dict[str, object]:
    return {
        "name": draw(_NAME),
        "suffix": draw(_SUFFIX),
        "hold": draw(st.sampled_from(HOLDS)),
        "title": draw(_TEXT),
        "summary": draw(_TEXT),
        "tags": draw(st.lists(_TEXT, max_size=3)),
        "body": draw(_BODY),
    }


def _secret(number: int) -> str:
    return f"HELDBACK{number}SECRET"


def _file(number: int, story: dict[str, object]) -> tuple[str, bytes]:
    hold = story["hold"]
    fields: dict[str, object] = {
        "title": story["title"],
        "date": "2030-01-01T10:00:00Z" if hold == "scheduled" else "2024-05-01T10:00:00Z",
        "summary": story["summary"],
        "tags": story["tags"],
    }
    body = str(story["body"])
    if hold != "published":
        fields["title"] = f"{story['title']} {_secret(number)}"
        body += f"\n\n{_secret(number)}\n"
    if hold == "draft":
        fields["draft"] = True
    prefix = "excluded-" if hold == "excluded" else ""
    name = f"articles/{prefix}{number}-{story['name']}{story['suffix']}"
    text = "---\n" + yaml.safe_dump(fields, allow_unicode=False) + "---\n" + body
    return name, text.encode("utf-8", "surrogateescape")


@settings(
    max_examples=BUILDS,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(stories(), min_size=1, max_size=4))
def test_a_hostile_site_builds_parses_and_keeps_held_back_copy_in(
    generated: list[dict[str, object]],
) -> None:
    root = Path(tempfile.mkdtemp(prefix="newsroom-hostile-"))
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = NOW
    try:
        files = dict(_file(number, story) for number, story in enumerate(generated))
        site = build_site(
            root,
            files,
            config={"exclude_docs": "articles/excluded-*\n"},  # type: ignore[arg-type]
        )
        secrets = [_secret(n) for n, story in enumerate(generated) if story["hold"] != "published"]
        written = [path for path in site.site_dir.rglob("*") if path.is_file()]
        assert written
        for path in written:
            data = path.read_bytes()
            if path.suffix == ".xml":
                etree.fromstring(data)
            elif path.suffix == ".json":
                json.loads(data)
            text = data.decode("utf-8", "replace")
            leaked = [secret for secret in secrets if secret in text]
            assert not leaked, (path, leaked)
    finally:
        if old is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old
        shutil.rmtree(root, ignore_errors=True)
