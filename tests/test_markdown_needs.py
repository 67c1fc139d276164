"""The inline stage that passes over patterns whose characters are missing makes the HTML that
Markdown's own makes, for any text and any extensions' patterns."""

from __future__ import annotations

import re

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown import blockprocessors, inlinepatterns, treeprocessors

from mkdocs_newsroom.reading.bodies import MarkdownRenderer
from mkdocs_newsroom.reading.markdown_needs import (
    NeedfulInlineProcessor,
    needed_sets,
    speed_up,
)

EXTENSION_SETS = {
    "mkdocs": ["toc", "tables", "fenced_code"],
    "material": [
        "abbr",
        "admonition",
        "attr_list",
        "def_list",
        "footnotes",
        "md_in_html",
        "toc",
        "tables",
        "pymdownx.betterem",
        "pymdownx.caret",
        "pymdownx.mark",
        "pymdownx.tilde",
        "pymdownx.critic",
        "pymdownx.details",
        "pymdownx.emoji",
        "pymdownx.inlinehilite",
        "pymdownx.keys",
        "pymdownx.smartsymbols",
        "pymdownx.superfences",
        "pymdownx.tabbed",
        "pymdownx.tasklist",
        "pymdownx.magiclink",
        "pymdownx.arithmatex",
    ],
    "others": [
        "smarty",
        "nl2br",
        "sane_lists",
        "wikilinks",
        "legacy_em",
        "pymdownx.escapeall",
        "pymdownx.saneheaders",
        "pymdownx.progressbar",
        "pymdownx.striphtml",
    ],
}
# Pieces of Markdown every pattern above reacts to, with words and spaces between them
PIECES = [
    "word", " ", "  \n", "\n", "\n\n", "*", "**", "_", "__", "`", "``", "\\", "[", "]", "(",
    ")", "!", "<", ">", "&", ";", "#", "@", ":", "/", "http://x.org/a", "<b>", "</b>", "&amp;",
    "&#35;", "~", "~~", "^", "^^", "==", "{", "}", "+", "-", "|", '"', "'", "$", ":smile:",
    "++ctrl+a++", "[^1]", "[^1]: n", "[x]", "www.example.com", "a@b.org", "<!-- c -->", "{++",
    "++}", "--", "...", "1. ", "> ", "    ", "```", "!!! note", "\t", "é", "İ", "[[Wiki]]",
    "*[HTML]: Hyper", "[r]: /u", "![i](/p.png)", "<http://a.b>", "[a][r]", "[r]", "***", "___",
    "# h", "## h ##", "\n---\n", "\n===", "- - -", " * * *", "   > q", "[TOC]", "\n[TOC]\n",
    "<h2>raw</h2>", '{: #own }',
]  # fmt: skip


def _pair(
    extensions: list[str], configs: dict[str, dict[str, object]] | None = None
) -> tuple[markdown.Markdown, markdown.Markdown]:
    stock = markdown.Markdown(extensions=extensions, extension_configs=configs or {})
    needful = markdown.Markdown(extensions=extensions, extension_configs=configs or {})
    speed_up(needful)
    assert isinstance(needful.treeprocessors["inline"], NeedfulInlineProcessor)
    return stock, needful


PAIRS = {name: _pair(extensions) for name, extensions in EXTENSION_SETS.items()}
# a table of contents with a title, permalinks and its own marker (Material's docs' setup)
TOC_SETUP = {"toc": {"title": "On this page", "permalink": True, "marker": "[TOC]"}}
PAIRS["toc set up"] = _pair(["toc", "attr_list", "md_in_html"], TOC_SETUP)


@pytest.mark.parametrize("name", sorted(PAIRS))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(st.sampled_from(PIECES), max_size=80))
def test_same_html_as_markdowns_own(name: str, pieces: list[str]) -> None:
    """And the same table of contents, which the body without headings is given ready."""
    text = "".join(pieces)
    stock, needful = PAIRS[name]
    stock.reset()
    needful.reset()
    assert needful.convert(text) == stock.convert(text)
    if "toc" in stock.treeprocessors:
        assert (needful.toc, needful.toc_tokens) == (stock.toc, stock.toc_tokens)  # type: ignore[attr-defined]


def test_a_pattern_is_passed_over_only_where_its_characters_are_missing() -> None:
    stock, needful = PAIRS["mkdocs"]
    text = "plain words, then *one* [link](/a) and `code` &amp; <b>bold</b>  \nend"
    needful.reset()
    assert needful.convert(text) == stock.convert(text)
    assert "<em>one</em>" in needful.convert(text)


def test_an_old_style_pattern_is_skipped_alike() -> None:
    def make() -> markdown.Markdown:
        md = markdown.Markdown()
        ins = inlinepatterns.SimpleTagPattern(r"(\+\+)(.+?)\+\+", "ins")
        md.inlinePatterns.register(ins, "ins", 175)
        return md

    stock, needful = make(), make()
    speed_up(needful)
    for text in ("a ++b++ c *d* ++e++", "no plus", "x++y", "`++a++` ++b++ [++c++](/u)"):
        stock.reset()
        needful.reset()
        assert needful.convert(text) == stock.convert(text)
    assert "<ins>b</ins>" in needful.convert("a ++b++")


def test_needed_sets_of_markdowns_own_patterns() -> None:
    assert needed_sets(r"\*|_", 0) == ("*_",)
    assert needed_sets(r"(?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)`)", 0) == ("\\`",)
    assert needed_sets(r"\!\[", 0) == ("!", "[")
    assert needed_sets("  \\n", 0) == ("\n", " ")
    assert needed_sets(r"(&(?:\#[0-9]+|\#x[0-9a-fA-F]+|[a-zA-Z0-9]+);)", 0) == ("&", ";")
    rule = blockprocessors.HRProcessor.SEARCH_RE  # what a look-ahead needs is needed
    assert needed_sets(rule.pattern, rule.flags) == ("*-_",)


def test_nothing_is_needed_that_a_match_can_do_without() -> None:
    assert needed_sets(r"a?b*", 0) == ()  # may match nothing
    assert needed_sets(r"[^<]+", 0) == ()  # a negated class
    assert needed_sets(r"\w+|<", 0) == ()  # one alternative needs no named character
    assert needed_sets(r"(?!<)x?", 0) == ()  # a negative look-ahead
    assert needed_sets(r"(?<=<)x?", 0) == ()  # a look-behind reads before the search's start
    assert needed_sets(r"(", 0) == ()  # not an expression at all


def test_ignored_case_keeps_only_characters_without_case() -> None:
    assert needed_sets(r"k<", re.IGNORECASE) == ("<",)  # 'k' also matches the Kelvin sign
    assert needed_sets(r"(?i:k)<", 0) == ("<",)
    assert needed_sets(r"k<", 0) == ("<", "k")


def test_an_extensions_own_inline_stage_is_left_in_place() -> None:
    class Own(treeprocessors.InlineProcessor):
        pass

    md = markdown.Markdown()
    md.treeprocessors.register(Own(md), "inline", 20)
    speed_up(md)
    assert type(md.treeprocessors["inline"]) is Own


def test_block_tests_of_markdowns_own_processors_are_wrapped_and_others_left() -> None:
    class OwnQuote(blockprocessors.BlockQuoteProcessor):
        pass

    md = markdown.Markdown()
    md.parser.blockprocessors.register(OwnQuote(md.parser), "quote", 20)
    speed_up(md)
    wrapped = {name for name in ("hashheader", "setextheader", "hr", "quote", "olist")}
    wrapped = {name for name in wrapped if "test" in vars(md.parser.blockprocessors[name])}
    assert wrapped == {"hashheader", "setextheader", "hr"}
    assert md.convert("# H\n\n> q\n\nT\n---\n\n***") == (
        "<h1>H</h1>\n<blockquote>\n<p>q</p>\n</blockquote>\n<h2>T</h2>\n<hr />"
    )


def test_the_reference_and_fence_searches_of_markdowns_own_are_wrapped() -> None:
    class OwnReference(blockprocessors.ReferenceProcessor):
        pass

    md = markdown.Markdown(extensions=["fenced_code"])
    speed_up(md)
    assert "run" in vars(md.parser.blockprocessors["reference"])
    assert "run" in vars(md.preprocessors["fenced_code_block"])
    text = "See [the report][r].\n\n[r]: /report/\n\n```\n[x]: y\n```"
    assert md.convert(text) == (
        '<p>See <a href="/report/">the report</a>.</p>\n<pre><code>[x]: y\n</code></pre>'
    )
    other = markdown.Markdown()
    other.parser.blockprocessors.register(OwnReference(other.parser), "reference", 15)
    speed_up(other)
    assert "run" not in vars(other.parser.blockprocessors["reference"])


def test_the_table_of_contents_is_passed_over_only_without_headings_or_marker() -> None:
    stock, needful = PAIRS["toc set up"]
    for text in ("Words only.", "# A heading\n\nwords", "[TOC]\n\nwords", "x\n\n<h3>raw</h3>"):
        stock.reset()
        needful.reset()
        assert needful.convert(text) == stock.convert(text), text
        assert (needful.toc, needful.toc_tokens) == (stock.toc, stock.toc_tokens)  # type: ignore[attr-defined]
    needful.reset()
    assert 'id="a-heading"' in needful.convert("# A heading")
    assert needful.toc_tokens[0]["id"] == "a-heading"  # type: ignore[attr-defined]
    assert "On this page" in needful.convert("[TOC]\n\n## Two")


def test_article_bodies_use_it() -> None:
    renderer = MarkdownRenderer(["toc", "tables", "fenced_code"], {}, sanitized=True)
    assert isinstance(renderer._markdown.treeprocessors["inline"], NeedfulInlineProcessor)
    assert renderer.render("A *b* c.").html == "<p>A <em>b</em> c.</p>"
