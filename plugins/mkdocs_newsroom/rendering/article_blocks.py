"""An article page's own blocks (`site_meta`, `htmltitle`, `extrahead`, `content`) put
together by joining strings, as `news/article.html`, `news/base.html` and their partials would
render them (white space squeezed as the page's finishing squeezes it).

Jinja's runtime was the largest part of what each article page still cost once the shell was
rendered once per kind (assembly.py): a generator call, an attribute lookup and an escape for
every `{{ }}`. Joined here, a build of 10,000 articles takes about 7 % less time
(docs/architecture.md has the figures). The templates stay the reference: this is used only
while every template it stands for is Newsroom's own (a site that overrides one of them gets
Jinja's rendering), and only once it has given what Jinja gives on a page of each shape
(assembly.py checks)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from .joined import (
    date_element,
    escape,
    gettext,
    held_back_said,
    ngettext,
    own_theme,
    picture,
    tag_item,
    time_element,
)
from .language_rules import name_joints
from .links import root_prefix
from .pictures import picture_view

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from datetime import datetime

    from jinja2 import Environment

    from ..catalogue.neighbours import Neighbours
    from ..model import Tag
    from .pages import ArticlePage

# The templates the blocks are joined from: when any is the site's own, Jinja renders them
STANDS_FOR = (
    "news/article.html",
    "news/base.html",
    "news/partials/article-meta.html",
    "news/partials/article-neighbours.html",
    "news/partials/article-seo.html",
    "news/partials/feed-links.html",
    "news/partials/figure.html",
    "news/partials/held-back.html",
    "news/partials/picture.html",
)


def article_blocks(env: Environment) -> ArticleBlocks | None:
    """The joiner of the theme's article pages; None when a template it stands for, or a
    filter or global those use, is not Newsroom's own (overrides/, a hook), or the
    environment lacks what it needs."""
    newsroom = env.globals.get("newsroom")
    if not isinstance(newsroom, dict) or not own_theme(env, STANDS_FOR):
        return None
    return ArticleBlocks(env.filters["url"], env.policies["json.dumps_kwargs"], newsroom)


class ArticleBlocks:
    """The blocks of `news/article.html` (assembly.Joiner): `site_meta`, `htmltitle`,
    `extrahead`, `content`, and `header` once the shell keeps it."""

    def __init__(
        self, url: Callable[..., str], json_options: Mapping[str, Any], newsroom: dict[str, Any]
    ) -> None:
        self.url_filter = url
        self.json_options = dict(json_options)
        self.newsroom = newsroom

    def shape(self, page: ArticlePage) -> tuple[object, ...]:
        """What decides which parts of the templates a page goes through: pages of one shape
        take the same branches."""
        article, neighbours = page.article, page.neighbours
        section = article.section
        image = article.image
        return (
            page.rtl,
            article.held_back,
            article.breaking,
            section is None,
            section is not None and bool(section.lang),
            bool(article.summary),
            min(len(article.authors), 3),
            frozenset(author.direction for author in article.authors),
            article.syndicated,
            article.updated is not None,
            image is not None and (bool(image.caption), bool(image.credit), image.picture is None),
            bool(article.location),
            bool(article.corrections),
            frozenset(bool(tag.url) for tag in article.tags),
            len(page.translations) > 1,
            bool(page.translations),
            neighbours is not None
            and (neighbours.older is None, neighbours.newer is None, bool(neighbours.related)),
            bool(page.edition.path),
            bool(self.newsroom["feeds"]),
            bool(page.description),
            bool(page.canonical_url),
            page.is_homepage,
            bool(page.headline_lang),
        )

    def blocks(self, values: Mapping[str, Any]) -> dict[str, str]:
        page: ArticlePage = values["page"]
        joined = _Joined(self, values, page)
        blocks = {
            "site_meta": joined.site_meta(),
            "htmltitle": joined.htmltitle(),
            "extrahead": joined.extrahead(),
            "content": joined.content(),
        }
        if (header := joined.header()) is not None:
            blocks["header"] = header
        return blocks


class _Joined:
    """One page's blocks."""

    def __init__(self, blocks: ArticleBlocks, values: Mapping[str, Any], page: ArticlePage):
        self._blocks = blocks
        self._values = values
        self._page = page
        self._locale = page.locale
        self._newsroom = blocks.newsroom

    def url(self, value: str) -> str:
        return escape(self._blocks.url_filter(self._values, value))

    def header(self) -> str | None:
        """Material's header as its pages of this kind show it, with this page's title; None
        when the shell keeps none (a header without Material's title in it): Jinja's then."""
        shell, page = self._newsroom["shell"], self._page
        part = shell.header(shell.key("header", page, self._values["base_url"]), None, page.title)
        return None if part is None else str(part)

    def _(self, message: str, **values: object) -> str:
        return gettext(message, self._locale, **values)

    def _n(self, singular: str, plural: str, number: int, **values: object) -> str:
        return ngettext(singular, plural, number, self._locale, **values)

    def site_meta(self) -> str:
        page, config, seo = self._page, self._values["config"], self._newsroom["seo"]
        lines = ["", '<meta charset="utf-8">']
        lines.append('<meta name="viewport" content="width=device-width,initial-scale=1">')
        if description := page.description or config.site_description:
            lines.append(f'<meta name="description" content="{escape(description)}">')
        if robots := seo.robots(page):
            lines.append(f'<meta name="robots" content="{escape(robots)}">')
        if news_robots := seo.news_robots(page):
            lines.append(f'<meta name="googlebot-news" content="{escape(news_robots)}">')
        if page.canonical_url:
            lines.append(f'<link rel="canonical" href="{escape(page.canonical_url)}">')
        lines.append(f'<link rel="icon" href="{self.url(config.theme["favicon"])}">')
        version = str(self._values["mkdocs_version"])
        engine = version.lower().replace(" ", "-") if " " in version else f"mkdocs-{version}"
        lines.append(
            f'<meta name="generator" content="newsroom, {escape(engine)}, mkdocs-material">'
        )
        return "\n".join([*lines, ""])

    def htmltitle(self) -> str:
        page, site = self._page, escape(self._values["config"].site_name)
        if page.is_homepage:
            return f"\n<title>{site}</title>\n"
        lang = f' lang="{escape(page.headline_lang)}"' if page.headline_lang else ""
        return f"\n<title{lang}>{escape(page.headline)} - {site}</title>\n"

    def content(self) -> str:
        page, article = self._page, self._page.article
        opened = f' lang="{escape(page.lang)}" dir="rtl"' if page.rtl else ""
        lines = [
            f'\n<div class="nr-page nr-article"{opened}>',
            '<header class="nr-article__header">',
        ]
        if article.held_back:
            said = self._("%(why)s: shown in the preview only", why=Markup(self.held_back()))
            lines.append(f'<p class="nr-flag nr-flag--preview">{said}</p>')
        if article.breaking:
            lines.append(f'<p class="nr-flag nr-flag--breaking">{self._("Breaking")}</p>')
        if section := article.section:
            lang = f' lang="{escape(section.lang)}"' if section.lang else ""
            link = f'<a href="{self.url(section.url)}"{lang}>{escape(section.title)}</a>'
            lines.append(f'<p class="nr-kicker">{link}</p>')
        lines.append(f'<h1 class="nr-headline">{escape(article.title)}</h1>')
        if article.summary:
            lines.append(f'<p class="nr-standfirst">{escape(article.summary)}</p>')
        lines += [*self.meta(), "</header>"]
        if article.image:
            lines += self.figure()
        lines.append('<div class="nr-body">')
        if article.location:
            lines.append(f'<p class="nr-dateline">{escape(article.location)}</p>')
        lines += [str(page.content), "</div>"]
        lines += self.corrections()
        if article.tags:
            lines.append(f'<ul class="nr-tags">{"".join(map(self.tag, article.tags))}</ul>')
        lines += self.translations()
        lines += self.neighbours()
        lines.append("</div>\n")
        return "\n".join(lines)

    def held_back(self) -> str:
        return held_back_said(self._page.article, self._locale)

    def time(self, moment: datetime, attributes: str = "") -> str:
        return time_element(moment, self._locale, attributes)

    def meta(self) -> list[str]:
        page, article = self._page, self._page.article
        lines = ['<div class="nr-meta">']
        if authors := article.authors:
            said = self._n("By", "By", len(authors))
            joints = name_joints([author.name for author in authors], self._locale)
            direction = "rtl" if page.rtl else "ltr"
            names = []
            for index, author in enumerate(authors):
                turned = (
                    f' dir="{escape(author.direction)}"' if author.direction != direction else ""
                )
                joint = escape(joints[index - 1]) if index else ""
                link = f'<a href="{self.url(author.url)}" rel="author"{turned}>'
                names.append(f"{joint}{link}{escape(author.name)}</a>")
            lines += [f'<p class="nr-byline">{said}', "".join(names), "</p>"]
        lines += ['<p class="nr-times">', self.time(article.date, ' class="nr-published"')]
        if article.updated:
            updated = self.time(article.updated)
            lines.append(f'<span class="nr-updated">{self._("Updated")} {updated}</span>')
        count = article.reading_minutes
        minutes = self._n("%(count)s min read", "%(count)s min read", count, count=count)
        lines += [f'<span class="nr-reading-time">{minutes}</span>', "</p>", "</div>"]
        return lines

    def figure(self) -> list[str]:
        image = self._page.article.image
        assert image is not None
        view = picture_view(image, root_prefix(self._values["base_url"]))
        lines = ['<figure class="nr-figure">', picture(view, image.alt, first=True)]
        if image.caption or image.credit:
            lines += ["<figcaption>", str(escape(image.caption))]
            if image.credit:
                lines.append(f'<span class="nr-credit">{escape(image.credit)}</span>')
            lines.append("</figcaption>")
        lines.append("</figure>")
        return lines

    def corrections(self) -> list[str]:
        article = self._page.article
        if not article.corrections:
            return []
        lines = [
            '<aside class="nr-corrections" aria-labelledby="nr-corrections">',
            f'<h2 id="nr-corrections">{self._("Corrections")}</h2>',
            "<ul>",
        ]
        for correction in article.corrections:
            when = Markup(date_element(correction.date, self._locale))
            said = self._("%(date)s: %(correction)s", date=when, correction=correction.text)
            lines.append(f"<li>{said}</li>")
        return [*lines, "</ul>", "</aside>"]

    def tag(self, tag: Tag) -> str:
        return tag_item(tag, self.url(tag.url) if tag.url else "")

    def translations(self) -> list[str]:
        page = self._page
        if not page.translations:
            return []
        links = []
        for index, (lang, other) in enumerate(page.translations):
            comma = ("،" if page.rtl else ",") if index else ""
            title = escape(self._newsroom["editions"][other.edition].title)
            link = (
                f'<a href="{self.url(other.url)}" hreflang="{escape(lang)}" lang="{escape(lang)}">'
            )
            links.append(f"{comma}\n{link}{title}</a>")
        return [f'<p class="nr-translations">{self._("Read in")}{"".join(links)}', "</p>"]

    def neighbours(self) -> list[str]:
        neighbours = self._page.neighbours
        if not neighbours:
            return []
        return [*self.section_steps(neighbours), *self.related(neighbours)]

    def section_steps(self, neighbours: Neighbours) -> list[str]:
        if not (neighbours.older or neighbours.newer):
            return []
        section = self._page.article.section
        assert section is not None  # the neighbours are in its section
        more = self._("More in %(section)s", section=section.title)
        lines = [f'<nav class="nr-section-steps" aria-label="{more}">']
        for kind, rel, neighbour, said in (
            ("older", "prev", neighbours.older, "Previous in %(section)s"),
            ("newer", "next", neighbours.newer, "Next in %(section)s"),
        ):
            if neighbour is not None:
                href = self.url(neighbour.url)
                lines.append(f'<a class="nr-section-steps__{kind}" href="{href}" rel="{rel}">')
                said = self._(said, section=section.title)
                lines.append(f"<span>{said}</span>{escape(neighbour.title)}</a>")
        return [*lines, "</nav>"]

    def related(self, neighbours: Neighbours) -> list[str]:
        if not neighbours.related:
            return []
        headline = self._newsroom["headline"]
        base_url, lang = self._values["base_url"], self._page.lang
        return [
            '<aside class="nr-related" aria-labelledby="nr-related">',
            f'<h2 class="nr-block-title" id="nr-related">{self._("Related")}</h2>',
            '<ol class="nr-headline-list">',
            *(str(headline(related, base_url, lang)) for related in neighbours.related),
            "</ol>",
            "</aside>",
        ]

    def extrahead(self) -> str:
        return "\n".join(["", *self.feed_links(), *self.seo(), ""])

    def feed_links(self) -> list[str]:
        if not self._newsroom["feeds"]:
            return []
        page = self._page
        edition = page.edition
        home = edition.path
        name = escape(self._values["config"].site_name) + escape(
            f": {edition.title}" if home else ""
        )
        lines = [_feed_link("rss+xml", f"{name} (RSS)", self.url(f"{home}feed.xml"))]
        if (section := page.article.section) and "section" in self._newsroom["listing_feeds"]:
            title = f"{escape(section.title)} (RSS)"
            lines.append(_feed_link("rss+xml", title, self.url(f"{section.url}feed.xml")))
        return lines

    def seo(self) -> list[str]:
        if not self._newsroom["feeds"]:
            return []
        data, page = self._newsroom["seo"], self._page
        structured = htmlsafe_json_dumps(data.article(page), **self._blocks.json_options)
        lines = [f'<script type="application/ld+json">{structured}</script>']
        lines += [
            f'<meta property="{escape(name)}" content="{escape(content)}">'
            for name, content in data.article_graph(page)
        ]
        lines += [
            f'<meta name="{escape(name)}" content="{escape(content)}">'
            for name, content in data.article_card(page)
        ]
        return lines


def _feed_link(kind: str, title: str, href: str) -> str:
    return f'<link rel="alternate feed" type="application/{kind}" title="{title}" href="{href}">'
