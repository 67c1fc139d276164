"""The generated stories of generate.py as a WordPress export (WXR 1.2), for timing
`newsroom import --from wordpress`.

Each story is a post as WordPress exports one: CDATA sections, the local and GMT dates, the
login of its first author, its section's title as category (and, for one post in four, a
second category, which the import makes a tag), its tags, a permalink
`/YYYY/MM/DD/slug/`, and a body in HTML (Python-Markdown's rendering of the story; every
other post without its `<p>` tags, as the classic editor stores text). One post in ten has a
featured image (an attachment), one in fifty is a draft, one in twenty has an accented slug
(which Newsroom cannot keep as it is: its address changes, and it gets an alias); the export
also holds the authors, one page and the attachments. XML is written by hand here only
because ElementTree cannot write CDATA; every text goes through `_cdata` or `_escape`, and
generate.py parses the result once to check it.
"""

from __future__ import annotations

import re
from datetime import UTC
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape as _escape

import markdown

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from generate import Author, Story

OLD_SITE = "https://old.bench.example.org"
_PARAGRAPH = re.compile(r"^<p>(.*?)</p>$", re.MULTILINE | re.DOTALL)
HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
\txmlns:content="http://purl.org/rss/1.0/modules/content/"
\txmlns:wfw="http://wellformedweb.org/CommentAPI/"
\txmlns:dc="http://purl.org/dc/elements/1.1/"
\txmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
"""


def _cdata(text: str) -> str:
    """`text` in CDATA sections (a ']]>' in it split across two)."""
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _element(name: str, text: str) -> str:
    return f"<{name}>{_cdata(text)}</{name}>"


def _body(story: Story) -> str:
    rendered = markdown.markdown(story.body)
    if story.index % 2:
        return rendered
    return _PARAGRAPH.sub(lambda match: match.group(1), rendered)


def _post(story: Story, section_title: str, extra_category: str, site: str) -> Iterator[str]:
    local = story.date
    gmt = story.date.astimezone(UTC)
    status = "draft" if story.index % 50 == 49 else "publish"
    post_id = 1000 + story.index * 2
    # one post in twenty has a slug Newsroom cannot keep as it is (WordPress encodes an
    # accented one), so its address changes and the import writes an alias for it
    slug = f"{story.slug}-%c3%a9t%c3%a9" if story.index % 20 == 7 else story.slug
    yield "\t<item>"
    yield f"\t\t{_element('title', story.title)}"
    yield f"\t\t<link>{_escape(f'{site}/{local:%Y/%m/%d}/{slug}/')}</link>"
    yield f"\t\t<pubDate>{gmt:%a, %d %b %Y %H:%M:%S} +0000</pubDate>"
    yield f"\t\t{_element('dc:creator', story.authors[0])}"
    yield f'\t\t<guid isPermaLink="false">{site}/?p={post_id}</guid>'
    yield f"\t\t{_element('content:encoded', _body(story))}"
    yield f"\t\t{_element('excerpt:encoded', story.summary)}"
    yield f"\t\t<wp:post_id>{post_id}</wp:post_id>"
    yield f"\t\t{_element('wp:post_date', f'{local:%Y-%m-%d %H:%M:%S}')}"
    yield f"\t\t{_element('wp:post_date_gmt', f'{gmt:%Y-%m-%d %H:%M:%S}')}"
    yield f"\t\t{_element('wp:post_name', slug)}"
    yield f"\t\t{_element('wp:status', status)}"
    yield f"\t\t{_element('wp:post_type', 'post')}"
    yield "\t\t<wp:is_sticky>0</wp:is_sticky>"
    categories = [section_title] + ([extra_category] if story.index % 4 == 3 else [])
    for name in categories:
        yield f'\t\t<category domain="category" nicename="{_slug(name)}">{_cdata(name)}</category>'
    for tag in story.tags:
        yield f'\t\t<category domain="post_tag" nicename="{_slug(tag)}">{_cdata(tag)}</category>'
    if story.index % 10 == 0:
        yield (
            "\t\t<wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key>"
            f"<wp:meta_value>{_cdata(str(post_id + 1))}</wp:meta_value></wp:postmeta>"
        )
    yield "\t</item>"
    if story.index % 10 == 0:
        yield from _attachment(story, post_id + 1, site)


def _attachment(story: Story, post_id: int, site: str) -> Iterator[str]:
    url = f"{site}/wp-content/uploads/{story.date:%Y/%m}/photo-{story.index}.jpg"
    yield "\t<item>"
    yield f"\t\t{_element('title', f'photo-{story.index}')}"
    yield f"\t\t{_element('excerpt:encoded', f'Pictured in {story.date:%B %Y}')}"
    yield f"\t\t<wp:post_id>{post_id}</wp:post_id>"
    yield f"\t\t{_element('wp:status', 'inherit')}"
    yield f"\t\t{_element('wp:post_type', 'attachment')}"
    yield f"\t\t{_element('wp:attachment_url', url)}"
    yield (
        "\t\t<wp:postmeta><wp:meta_key><![CDATA[_wp_attachment_image_alt]]></wp:meta_key>"
        f"<wp:meta_value>{_cdata(story.title)}</wp:meta_value></wp:postmeta>"
    )
    yield "\t</item>"


def _slug(name: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in name.lower()).split())


def wordpress_export(
    authors: Sequence[Author],
    stories: Sequence[Story],
    sections: Sequence[tuple[str, str, str, int]],
    site: str = OLD_SITE,
) -> Iterator[str]:
    """The lines of the export, to be joined with newlines."""
    titles = {sid: title for sid, title, *_ in sections}
    yield HEAD.rstrip("\n")
    yield "\t<title>The Old Bench Gazette</title>"
    yield f"\t<link>{site}</link>"
    yield "\t<language>en-US</language>"
    yield "\t<wp:wxr_version>1.2</wp:wxr_version>"
    yield f"\t<wp:base_site_url>{site}</wp:base_site_url>"
    yield f"\t<wp:base_blog_url>{site}</wp:base_blog_url>"
    for number, author in enumerate(authors, 1):
        yield (
            f"\t<wp:author><wp:author_id>{number}</wp:author_id>"
            f"{_element('wp:author_login', author.id)}"
            f"{_element('wp:author_display_name', author.name)}</wp:author>"
        )
    for story in stories:
        other = titles[sections[(story.index * 7) % len(sections)][0]]
        yield from _post(story, titles[story.section], other, site)
    yield "\t<item>"
    yield f"\t\t{_element('title', 'About us')}"
    yield "\t\t<wp:post_id>2</wp:post_id>"
    yield f"\t\t{_element('wp:status', 'publish')}"
    yield f"\t\t{_element('wp:post_type', 'page')}"
    yield "\t</item>"
    yield "</channel>"
    yield "</rss>"
