"""Memory and size limits: huge articles, thousands of tags, a hundred thousand in a site."""

from __future__ import annotations

from pathlib import Path

from .sites import article, build_site


def test_a_five_megabyte_article_is_published(tmp_path: Path) -> None:
    paragraph = "A long paragraph of a very long wire story, repeated. " * 40
    body = "\n\n".join([paragraph] * 2400)  # about 5 MB
    text = article("A very long story", body=body)
    assert 5_000_000 < len(text.encode()) < 5_500_000
    site = build_site(tmp_path, {"articles/long.txt": text})
    assert site.warnings == []
    page = site.dom("2024/05/01/a-very-long-story/")
    assert len(page.css(".nr-body p")) == 2400


def test_an_article_past_the_configured_size_is_skipped_with_a_message(tmp_path: Path) -> None:
    text = article("Too long", body="x " * 600_000)
    site = build_site(tmp_path, {"articles/big.txt": text}, plugin={"max_article_size": 1_000_000})
    assert site.warnings == [
        "newsroom: articles/big.txt: the file is 1.2 MB, more than max_article_size (1.0 MB); "
        "split the article, or raise max_article_size in mkdocs.yml; the article was skipped"
    ]
    assert site.summary.endswith("1 with errors (see the warnings above)")


def test_five_thousand_tags_on_one_article_keep_the_first_fifty(tmp_path: Path) -> None:
    tags = [f"Tag number {n}" for n in range(5000)]
    site = build_site(tmp_path, {"articles/tags.md": article("Tagged", tags=tags)})
    assert site.warnings == [
        "newsroom: articles/tags.md:4: 5,000 tags, more than max_tags_per_article (50); only "
        "the first 50 are used. Keep the tags that matter, or raise max_tags_per_article"
    ]
    page = site.dom("2024/05/01/tagged/")
    assert [a.text() for a in page.css(".nr-tags a")] == tags[:50]
    assert len([u for u in site.pages() if u.startswith("tags/tag-number")]) == 50


def test_a_hundred_thousand_tags_in_a_site_build_past_the_limit_with_a_message(
    tmp_path: Path,
) -> None:
    files: dict[str, str | bytes] = {
        f"articles/{n:04d}.md": article(
            f"Story {n}",
            f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}",
            tags=["Common", *(f"tag {n} {k}" for k in range(49))],
            body=f"Body {n}.",
        )
        for n in range(2041)
    }
    site = build_site(tmp_path, files, plugin={"max_tags": 2_000})
    assert site.warnings == [
        "newsroom: mkdocs.yml: the articles have 100,010 tags, more than max_tags (2,000); the "
        "98,010 least used are shown without a page or feed of their own. Merge tags, or raise "
        "max_tags"
    ]
    assert site.summary == "newsroom: published 2041 articles, skipped 0"
    tag_pages = [u for u in site.pages() if u.startswith("tags/") and "/page/" not in u]
    assert len(tag_pages) == 2_001  # the index and the 2,000 most used
    assert "tags/common/" in tag_pages
    page = site.dom("2024/01/25/story-2040/")  # its own tags are among the least used
    chips = page.css(".nr-article > .nr-tags li")
    assert len(chips) == 50
    assert chips[0].css_first("a").text() == "Common"
    assert [li.text() for li in chips[1:]] == [f"tag 2040 {k}" for k in range(49)]
    assert all(li.css_first("a") is None for li in chips[1:])  # plain text: no page to link
