"""Issue #16, what a second hostile review found of the classes F13 and F14 began: a JSON
surrogate pair escape in mkdocs.yml or the authors file, and bidi controls left open where the
first fix did not look (a `.txt` article's decoded references, bodies, mkdocs.yml values).
Each is one line, the good article beside it still published, --strict fails, `newsroom check`
says the same."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from mkdocs.exceptions import Abort

from .commands import newsroom
from .sites import SECTIONS, article, build_site
from .test_hostile import built
from .test_hostile_issue16 import SURROGATE_PAIR, _checked_alike

if TYPE_CHECKING:
    from pathlib import Path

RLO = "\u202e"

# --- a surrogate escape in mkdocs.yml: one line, not a traceback -----------------------------

IN_CONFIG = (
    "'\\ud83d\\ude00', a surrogate pair, as JSON writes a character beyond U+FFFF, which no "
    "page can hold; write '\\U0001F600' (in double quotes) or the character itself (\U0001f600)"
)
HALF_IN_CONFIG = (
    "'\\ud83d', half of a surrogate pair, which no page can hold; write the character itself, "
    "or its '\\U' escape of eight hex digits (such as '\\U0001F600')"
)


@pytest.mark.parametrize(
    ("options", "said", "option"),
    [
        (
            {"plugin": {"sections": {**SECTIONS, "world": {"title": "World \ud83d\ude00"}}}},
            f"option 'sections' ('world' 'title') of mkdocs.yml holds {IN_CONFIG}",
            "sections",
        ),
        (
            {"config": {"site_name": "Portal \ud83d"}},
            f"option 'site_name' of mkdocs.yml holds {HALF_IN_CONFIG}",
            "site_name",
        ),
    ],
)
def test_a_surrogate_escape_in_mkdocs_yml_is_one_line_not_a_traceback(
    tmp_path: Path,
    options: dict[str, dict[str, object]],
    said: str,
    option: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    files: dict[str, str | bytes] = {"articles/a.md": article()}
    with pytest.raises(Abort):
        build_site(tmp_path, files, **options)  # type: ignore[arg-type]
    assert f"newsroom: {said}" in caplog.text
    assert "Traceback" not in caplog.text
    checked = newsroom(tmp_path, "check")
    assert checked.returncode == 1
    config = (tmp_path / "mkdocs.yml").read_text("utf-8").splitlines()
    line = next(n for n, text in enumerate(config, 1) if text.lstrip().startswith(f"{option}:"))
    column = len(config[line - 1]) - len(config[line - 1].lstrip()) + 1
    assert f"mkdocs.yml:{line}:{column}: {said}" in checked.stdout + checked.stderr


# --- a surrogate escape in authors.yml: the front matter's line --------------------------------


def test_a_surrogate_pair_escape_in_the_authors_file_says_what_to_write(tmp_path: Path) -> None:
    authors = 'jdoe: {name: "Desk \\ud83d\\ude00"}\n'
    files: dict[str, str | bytes] = {"articles/a.md": article("Story", authors=["jdoe"])}
    site = built(tmp_path, files, authors=authors)
    assert site.warnings == [
        f"newsroom: authors.yml:1:20: the authors file is not valid YAML: {SURROGATE_PAIR}; fix "
        "it. Until then the articles are published without their authors"
    ]
    _checked_alike(tmp_path, site, files, authors=authors)
