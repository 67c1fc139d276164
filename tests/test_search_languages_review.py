"""The hostile review of #21: an edition's `seo_language` is checked as its `lang` is, since
it is written into hreflang, `xml:lang` and `og:locale`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from mkdocs.exceptions import Abort

from .sites import article, build_site

if TYPE_CHECKING:
    from pathlib import Path


@pytest.mark.parametrize("tag", ["fa_AF", "xx-YY", 'en" onload="alert(1)'])
def test_an_unknown_seo_language_is_refused(
    tmp_path: Path, tag: str, caplog: pytest.LogCaptureFixture
) -> None:
    editions = {"en": {"title": "English"}, "prs": {"title": "Dari", "seo_language": tag}}
    with pytest.raises(Abort):
        build_site(tmp_path, {"articles/a.md": article()}, plugin={"editions": editions})
    (line,) = [line for line in caplog.text.splitlines() if "seo_language" in line]
    assert f"mkdocs.yml: edition 'prs': seo_language '{tag}' is not a language tag" in line


def test_two_editions_of_one_seo_language_are_refused(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    editions = {
        "en": {"title": "English"},
        "prs": {"title": "Dari", "lang": "prs"},
        "fa": {"title": "Persian (Afghanistan)", "lang": "fa", "seo_language": "fa-AF"},
    }
    with pytest.raises(Abort):
        build_site(tmp_path, {"articles/a.md": article()}, plugin={"editions": editions})
    (line,) = [line for line in caplog.text.splitlines() if "seo_language" in line]
    assert "mkdocs.yml: editions " in line and "'prs'" in line and "'fa'" in line
    assert "have the same language for search engines, 'fa-AF'" in line


def test_two_stories_of_one_language_and_translation_key_are_told(tmp_path: Path) -> None:
    from lxml import etree
    from selectolax.lexbor import LexborHTMLParser

    editions = {"en": {"title": "English"}, "ps": {"title": "پښتو"}}
    files = {
        "articles/a.md": article("Floods", translation="floods"),
        "articles/b.md": article("Floods again", translation="floods"),
        "articles/c.md": article("سیلابونه", lang="ps", translation="floods"),
    }
    site = build_site(tmp_path, files, plugin={"editions": editions})
    assert (
        "newsroom: articles/b.md: its translation key 'floods' is also that of articles/a.md, "
        "in the same edition, so it is not listed among that story's translations; give it a "
        "key of its own or correct its 'lang'"
    ) in site.warnings
    sitemap = etree.parse(site.site_dir / "sitemap.xml")
    for entry in sitemap.iter("{*}url"):
        languages = [link.get("hreflang") for link in entry.iter("{*}link")]
        assert len(languages) == len(set(languages))
    for url in ("2024/05/01/floods/", "2024/05/01/floods-again/"):
        metas = LexborHTMLParser(site.html(url)).css("meta[property]")
        pairs = [(m.attributes.get("property"), m.attributes.get("content")) for m in metas]
        alternates = [value for key, value in pairs if key == "og:locale:alternate"]
        (own,) = [value for key, value in pairs if key == "og:locale"]
        assert own not in alternates and len(alternates) == len(set(alternates))
