"""The plain-text converter: wire copy in, faithful paragraphs out."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from mkdocs_newsroom.cli.wire_import import read_wire
from mkdocs_newsroom.reading.bodies import render_plaintext
from mkdocs_newsroom.reading.plaintext import (
    Block,
    Cut,
    decode_character_references,
    inline_html,
    split_blocks,
    without_boilerplate,
)


def test_blank_lines_separate_paragraphs_and_lines_join() -> None:
    assert split_blocks("one\ntwo\n\n\n\nthree  \n") == [
        Block(False, ("one two",)),
        Block(False, ("three",)),
    ]


def test_flattened_bbc_list_becomes_a_list() -> None:
    text = "The measures include:\n- lower taxes \n - more nurses\n- fewer forms\n\nAfter."
    assert split_blocks(text) == [
        Block(False, ("The measures include:",)),
        Block(True, ("lower taxes", "more nurses", "fewer forms")),
        Block(False, ("After.",)),
    ]


def test_indented_line_continues_a_list_item() -> None:
    assert split_blocks("• first item\n  wraps here\n• second") == [
        Block(True, ("first item wraps here", "second"))
    ]


def test_boilerplate_lines_are_dropped() -> None:
    patterns = [re.compile(r"^\s*•\s*The Agency is")]
    text = "Story.\n\n  • The Agency is great. Mail [email protected]"
    kept, _cut = without_boilerplate(text.split("\n"), patterns)
    assert split_blocks("\n".join(kept)) == [Block(False, ("Story.",))]


def test_the_first_line_boilerplate_cuts_from_inside_a_paragraph_or_list_is_told() -> None:
    patterns = [re.compile("Agency"), re.compile("^Ends$")]
    footers = "Story.\nMore story.\n\nAgency footer\nAgency, all rights\nEnds\n"
    assert without_boilerplate(footers.split("\n"), patterns) == (
        ["Story.", "More story.", "", ""],
        None,  # footer lines: after a blank line, beside each other, at the end
    )
    inside = ["One", "the Agency said", "two", "", "- item", "- Agency item", "- item", ""]
    kept, cut = without_boilerplate(inside, patterns)
    assert kept == ["One", "two", "", "- item", "- item", ""]
    assert cut == Cut(2, "Agency", "the Agency said")  # the first of the two
    assert without_boilerplate(["- item", "- Agency  item", "- item"], patterns)[1] == Cut(
        2, "Agency", "- Agency item"
    )
    run = ["First.", "", "Second", "Agency one", "Agency two", "last."]
    assert without_boilerplate(run, patterns)[1] == Cut(4, "Agency", "Agency one")
    assert without_boilerplate(["Agency", "Agency", "Text."], patterns)[1] is None  # at the top


def test_character_references_are_decoded_exactly_once() -> None:
    assert decode_character_references("Caf&#233; &#163;5 &amp;lt; M&S &nbsp x&copy;") == (
        "Café £5 &lt; M&S &nbsp x©"
    )
    text = decode_character_references("&lt;b&gt; & <i> &amp;amp;")
    assert inline_html(text) == "&lt;b&gt; &amp; &lt;i&gt; &amp;amp;"


def test_markdown_and_html_characters_stay_literal() -> None:
    body = render_plaintext("# *a* _b_ `c` <d> [e](f) ![g](h)")
    assert body.html == "<p># *a* _b_ `c` &lt;d&gt; [e](f) ![g](h)</p>\n"


def test_bare_urls_become_links_without_trailing_punctuation() -> None:
    assert inline_html("See https://a.org/x?y=1&z=2. Or (www.b.org), not www. alone.") == (
        'See <a href="https://a.org/x?y=1&amp;z=2">https://a.org/x?y=1&amp;z=2</a>. Or '
        '(<a href="https://www.b.org">www.b.org</a>), not www. alone.'
    )


def test_missing_space_after_full_stop_is_not_a_link() -> None:
    assert inline_html("Joy Division.Those guys") == "Joy Division.Those guys"


def test_summary_lead_is_the_first_paragraph() -> None:
    body = render_plaintext("- a list first\n\nThe lead paragraph.\n\nMore.")
    assert body.lead == "The lead paragraph."
    assert body.word_count == 7


@given(st.text())
def test_no_angle_bracket_from_the_input_ever_reaches_the_html(text: str) -> None:
    html = render_plaintext(text).html
    without_our_tags = re.sub(r"</?(?:p|ul|li)>|<a href=\"[^\"<>]*\">|</a>", "", html)
    assert "<" not in without_our_tags
    assert ">" not in without_our_tags


_EMBEDDINGS_AND_ISOLATES = re.compile("[\u202a-\u202e\u2066-\u2069]")


@given(st.text(alphabet=st.characters(blacklist_characters="&"), max_size=300))
@example("0\u202a")  # found by a CI run
def test_converter_keeps_every_word_in_order(text: str) -> None:
    def words(value: str) -> list[str]:
        # A bidi embedding or isolate a paragraph leaves open is removed on purpose (it would
        # turn the text after it around in a summary or a feed): '0\u202a' is the word '0'
        value = _EMBEDDINGS_AND_ISOLATES.sub("", value)
        return [word for word in value.split() if any(char.isalnum() for char in word)]

    assert words(render_plaintext(text).text) == words(text)


def test_unicode_line_and_paragraph_separators_end_lines_and_paragraphs() -> None:
    """A scraper keeps U+2028 and U+2029 from a web page. Read as characters, a boilerplate
    pattern took the whole run of lines as one line, the story's own words with it."""
    text = "First line\u2028second line.\u2029A new paragraph.\u2028Advertisement\u2028Its end.\n"
    body = render_plaintext(text, [re.compile("^Advertisement$")])
    assert "<p>First line second line.</p>" in body.html
    assert "<p>A new paragraph. Its end.</p>" in body.html
    assert "Advertisement" not in body.html and body.cut is not None
    story = read_wire("w.txt", "Headline\u2028The first line.\n".encode(), [], title_line=True)
    assert (story.headline, story.body.strip()) == ("Headline", "The first line.")
