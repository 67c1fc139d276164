"""A WordPress export (WXR: RSS 2.0 with WordPress's own elements) read into posts.

The export comes from elsewhere, so it is parsed with defusedxml: a document that declares
entities (the "billion laughs") or points at external ones is refused, and nothing is
fetched. It is read item by item (`iterparse`), each item dropped once read, so that an
archive of tens of thousands of posts does not need its whole tree in memory.

Only posts become articles; pages, attachments, menus and the rest are reported. An
attachment is kept only as what a featured image needs (URL, alt text, caption). HTML
character references in titles, names and excerpts are decoded once, as a theme shows them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from ...clock import now
from ...problems import NewsroomError
from ...reading.bodies import html_to_text
from ..wire_import import first_sentence
from .html_bodies import lone_addresses_said, markdown_text, shortcodes
from .posts import Archive, Post, SourceAuthor

if TYPE_CHECKING:
    from pathlib import Path
    from xml.etree.ElementTree import Element

# Only these statuses come out: any other ('draft', 'pending', 'private', a plugin's own, or
# none) is held back as a draft
_PUBLISHED = "publish"
_SCHEDULED = "future"
_LEFT_OUT = {"trash": "it is in the trash", "auto-draft": "it is an empty automatic draft"}
_HELD = "it is held back as a draft"
_OPEN = f"{_HELD}: remove 'draft: true' if everyone may read it"
_NO_DATE = "0000-00-00"  # WordPress's "never": a draft's GMT date
_SHOWN_TITLE = 80  # a longer title is cut in messages: each is one line a reader can take in
_TERMS = ("category", "post_tag")  # the taxonomies that become a section and tags
_MOST_OFFSET = timedelta(hours=14)  # Kiribati's; no zone is further from GMT


def _name(tag: str) -> str:
    """'{http://wordpress.org/export/1.2/}post_id' -> 'wp:post_id', whatever the export's
    version (1.0, 1.1, 1.2)."""
    uri, _, local = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
    if uri.startswith("http://wordpress.org/export/"):
        return f"{'excerpt' if uri.endswith('/excerpt/') else 'wp'}:{local}"
    if uri == "http://purl.org/rss/1.0/modules/content/":
        return f"content:{local}"
    if uri == "http://purl.org/dc/elements/1.1/":
        return f"dc:{local}"
    return local


def _text(element: Element, name: str) -> str:
    for child in element:
        if _name(child.tag) == name:
            return child.text or ""
    return ""


@dataclass
class _Attachment:
    url: str
    alt: str
    caption: str
    title: str


@dataclass
class _Reading:
    """What one export holds so far, while its items go by."""

    source: Path
    zone: tzinfo
    archive: Archive
    frames: frozenset[str] = frozenset()  # the site's embed_hosts
    base: str = ""  # the blog's address: old paths are relative to it
    posts: list[tuple[Post, str]] = field(default_factory=list)  # with the featured image id
    attachments: dict[str, _Attachment] = field(default_factory=dict)
    others: Counter[str] = field(default_factory=Counter)
    unredirectable: int = 0  # published posts whose address a static site cannot keep
    comments: Counter[str] = field(default_factory=Counter)  # post id -> its comments
    taxonomies: Counter[str] = field(default_factory=Counter)  # other terms, by taxonomy


def read_wordpress(source: Path, zone: tzinfo, frames: frozenset[str] = frozenset()) -> Archive:
    """The posts, authors and leftovers of the WordPress export at `source`; `zone` dates a
    draft that WordPress never dated; `frames`: the hosts whose players a post may show."""
    archive = Archive(source)
    reading = _Reading(source, zone, archive, frames)
    try:
        for _event, element in iterparse(source, events=("end",)):
            name = _name(element.tag)
            if name == "item":
                _item(reading, element)
                element.clear()
            elif name == "wp:author":
                _author(archive, element)
            elif name in ("wp:base_blog_url", "link") and not reading.base:
                reading.base = (element.text or "").strip()
    except (ParseError, SyntaxError) as error:
        where = getattr(error, "position", None)
        at = f":{where[0]}:{where[1] + 1}" if where else ""
        raise NewsroomError(
            f"{source}{at}: the export is not well-formed XML ({error}); export it again "
            "from WordPress (Tools → Export)"
        ) from None
    except DefusedXmlException as error:
        raise NewsroomError(
            f"{source}: the export declares entities or refers to outside files ({error}), "
            "which a WordPress export never does; it was not read"
        ) from None
    except OSError as error:
        raise NewsroomError(f"{source}: it cannot be read ({error.strerror})") from None
    except LookupError as error:  # an encoding Python does not know
        raise NewsroomError(
            f"{source}: the export is in an encoding Python does not know ({error}); save it "
            'as UTF-8, with encoding="UTF-8" in its first line'
        ) from None
    for post, thumbnail in reading.posts:
        post.image = _image(post, reading.attachments.get(thumbnail)) if thumbnail else None
        archive.posts.append(post)
    if not archive.posts and not reading.others:
        raise NewsroomError(f"{source}: no post was found: is it a WordPress export (WXR)?")
    _report_leftovers(reading, archive)
    return archive


def _author(archive: Archive, element: Element) -> None:
    login = _text(element, "wp:author_login").strip()
    if not login:
        return
    display = html_to_text(_text(element, "wp:author_display_name"))
    full = " ".join(
        html_to_text(_text(element, f"wp:author_{part}_name")) for part in ("first", "last")
    ).strip()
    archive.authors[login] = SourceAuthor(login, display or full or login)


def _item(reading: _Reading, item: Element) -> None:
    kind = _text(item, "wp:post_type") or "post"
    post_id = _text(item, "wp:post_id").strip()
    meta = _postmeta(item)
    if kind == "attachment":
        reading.attachments[post_id] = _Attachment(
            _text(item, "wp:attachment_url").strip() or _text(item, "guid").strip(),
            meta.get("_wp_attachment_image_alt", "").strip(),
            html_to_text(_text(item, "excerpt:encoded")),
            html_to_text(_text(item, "title")),
        )
        reading.others["attachment"] += 1
        return
    if kind != "post":
        reading.others[kind] += 1
        return
    status = _text(item, "wp:status").strip()
    title = html_to_text(_text(item, "title"))
    shown = title if len(title) <= _SHOWN_TITLE else f"{title[:_SHOWN_TITLE]}…"
    origin = f"post {post_id} '{shown}'" if title else f"post {post_id}"
    if status in _LEFT_OUT:
        reading.archive.notes.append(f"{origin}: not imported: {_LEFT_OUT[status]}")
        reading.archive.not_imported["post"] += 1
        return
    post = _post(reading, item, post_id, origin, title, status)
    reading.posts.append((post, meta.get("_thumbnail_id", "").strip()))
    _count_left_out(reading, item, post_id)


def _count_left_out(reading: _Reading, item: Element, post_id: str) -> None:
    """Count what of a post Newsroom has no place for: its comments, and its terms of
    taxonomies other than categories and tags (post formats, a plugin's series...)."""
    for child in item:
        name = _name(child.tag)
        if name == "wp:comment":
            reading.comments[post_id] += 1
        elif name == "category" and child.get("domain", "") not in _TERMS:
            reading.taxonomies[child.get("domain", "") or "(none)"] += 1


def _post(
    reading: _Reading, item: Element, post_id: str, origin: str, title: str, status: str
) -> Post:
    body_html = _text(item, "content:encoded")
    body = markdown_text(body_html, reading.frames)
    notes: list[str] = []
    if not title:
        title = first_sentence(html_to_text(body_html)) or f"Post {post_id}"
        notes.append(f"it has no title; '{title}' was drawn from its text: write one")
    if body.removed:
        removed = ", ".join(body.removed)
        notes.append(f"HTML that could run a script or load another site was removed: {removed}")
    notes.extend(lone_addresses_said(body.linked))
    codes = shortcodes(body_html)
    if codes:
        listed = ", ".join(f"[{name}]" for name in codes)
        notes.append(f"WordPress shortcodes were left as text: {listed}; rewrite them as HTML")
    date = _date(item, "post_date", reading.zone, notes) or _pub_date(item)
    undated = date is None
    if date is None:
        date = now().astimezone(reading.zone).replace(microsecond=0)
    categories, tags = _terms(item)
    draft = _held_back(item, status, date, notes)
    if undated:
        notes.append(
            "WordPress gives it no date; it was dated now"
            + ("" if draft else " and held back as a draft: give it its date")
        )
        draft = True
    old_path: str | None = ""
    if not draft and status == _PUBLISHED:
        old_path = _old_path(reading.base, _text(item, "link").strip())
        reading.unredirectable += old_path is None
    guid = _text(item, "guid").strip()
    return Post(
        origin=origin,
        import_id=_import_id(reading, post_id, guid),
        guid=guid,
        title=title,
        date=date,
        body=body.text,
        updated=_date(item, "post_modified", reading.zone, notes),
        authors=tuple(a for a in [_text(item, "dc:creator").strip()] if a),
        categories=categories,
        tags=tags,
        summary=html_to_text(_text(item, "excerpt:encoded")),
        slug=unquote(_text(item, "wp:post_name").strip()),
        old_path=old_path or "",
        draft=draft,
        featured=_text(item, "wp:is_sticky").strip() == "1",
        notes=notes,
    )


def _import_id(reading: _Reading, post_id: str, guid: str) -> str:
    """The post's id for ever: its number in the blog at the export's address (which one
    WordPress installation gives one post only), else its GUID, else its number in this
    export file; a GUID alone is not trusted, as imported or copied posts share them."""
    if reading.base and post_id:
        return f"wordpress:{reading.base.rstrip('/')}/?p={post_id}"
    if guid:
        return f"wordpress:{guid}"
    return f"wordpress:{reading.source.as_uri()}?p={post_id}"


def _held_back(item: Element, status: str, date: datetime, notes: list[str]) -> bool:
    """Whether the post becomes a draft: any status but 'publish' and 'future' (an
    allow-list), a scheduled time that has passed, or a password (`notes` says why)."""
    if _text(item, "wp:post_password"):
        notes.append(f"it is password-protected in WordPress; Newsroom has no passwords; {_OPEN}")
        return True
    if status == _SCHEDULED and date <= now():
        notes.append(
            f"it was scheduled in WordPress for {date.isoformat()}, which has passed, and was "
            f"not published; {_HELD}"
        )
        return True
    if status == "private":  # a draft or pending post is one already: nothing to say
        notes.append(f"it is private in WordPress (only its editors could read it); {_OPEN}")
    elif status not in (_PUBLISHED, _SCHEDULED, "draft", "pending"):
        notes.append(f"its WordPress status '{status}' is neither 'publish' nor 'future'; {_HELD}")
    return status not in (_PUBLISHED, _SCHEDULED)


def _postmeta(item: Element) -> dict[str, str]:
    meta = {}
    for child in item:
        if _name(child.tag) == "wp:postmeta":
            meta[_text(child, "wp:meta_key")] = _text(child, "wp:meta_value")
    return meta


def _terms(item: Element) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The item's categories and tags, by name, in the export's order."""
    found: dict[str, dict[str, None]] = {domain: {} for domain in _TERMS}
    for child in item:
        domain = child.get("domain", "")
        if _name(child.tag) == "category" and domain in found:
            name = html_to_text(child.text or "")  # 'Food &amp; <b>Drink</b>': Food & Drink
            if name:
                found[domain].setdefault(name, None)
    return tuple(found["category"]), tuple(found["post_tag"])


def _date(item: Element, name: str, zone: tzinfo, notes: list[str]) -> datetime | None:
    """A WordPress date in the zone the blog had when it was written: the local time, and
    its offset from the GMT time beside it (the site's `zone` if WordPress gave none, or
    one no zone has); an ISO date with its own offset is taken as it is. `notes` says what
    could not be read."""
    local = _parse(item, name, notes)
    if local is None or local.tzinfo is not None:
        return local
    gmt = _parse(item, f"{name}_gmt", notes)
    if gmt is None:
        return local.replace(tzinfo=zone)
    if gmt.tzinfo is not None:
        gmt = gmt.astimezone(UTC).replace(tzinfo=None)
    offset = local - gmt
    if abs(offset) > _MOST_OFFSET:
        notes.append(
            f"its {name}_gmt is {offset.total_seconds() / 3600:+.1f} hours from its {name}, "
            f"more than any time zone is; it was read in the site's time zone: check it"
        )
        return local.replace(tzinfo=zone)
    minutes = round(offset.total_seconds() / 60)
    return local.replace(tzinfo=timezone(timedelta(minutes=minutes)))


def _parse(item: Element, name: str, notes: list[str]) -> datetime | None:
    text = _text(item, f"wp:{name}").strip()
    if not text or text.startswith(_NO_DATE):
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        notes.append(
            f"its {name} '{text[:40]}' is not a date; it was left out: correct it in the article"
        )
        return None


def _pub_date(item: Element) -> datetime | None:
    try:
        moment = parsedate_to_datetime(_text(item, "pubDate").strip())
    except (TypeError, ValueError):
        return None
    return moment if moment.year > 1 and moment.tzinfo is not None else None


def _old_path(base: str, link: str) -> str | None:
    """The post's address relative to the blog's ('' if unknown), or None if a static site
    cannot keep it (a `?p=12` address, another host)."""
    if not link:
        return ""
    try:
        parts, home = urlsplit(link), urlsplit(base)
        parts.port, home.port  # noqa: B018 (a port that is not a number raises here)
    except ValueError:  # 'https://[host/': not an address a browser could follow
        return None
    if parts.query or (home.netloc and parts.netloc.lower() != home.netloc.lower()):
        return None
    prefix = home.path.rstrip("/")
    path = parts.path
    if prefix and not (path == prefix or path.startswith(f"{prefix}/")):
        return None
    return path[len(prefix) :] or None


def _image(post: Post, attachment: _Attachment | None) -> dict[str, str] | None:
    if attachment is None:
        post.notes.append("its featured image is not in the export; it was left out")
        return None
    alt = attachment.alt or attachment.title
    if not alt:
        post.notes.append(
            f"its featured image ({attachment.url}) has no alt text; it was left out: add an "
            "'image:' with 'alt' by hand"
        )
        return None
    image = {"src": attachment.url, "alt": alt}
    if attachment.caption:
        image["caption"] = attachment.caption
    return image


def _report_leftovers(reading: _Reading, archive: Archive) -> None:
    archive.not_imported.update(reading.others)
    if reading.others:
        listed = ", ".join(f"{kind}: {count}" for kind, count in sorted(reading.others.items()))
        archive.notes.append(
            f"not imported, not being posts: {listed} (pages go in content/ as pages of the "
            "site; attachments stay at their old addresses, copy what the posts show)"
        )
    if reading.comments:
        total, posts = sum(reading.comments.values()), len(reading.comments)
        archive.notes.append(
            f"not imported: {total} comments on {posts} posts (a static site has no comments; "
            "keep the export if they matter)"
        )
    if reading.taxonomies:
        listed = ", ".join(f"{name}: {n}" for name, n in sorted(reading.taxonomies.items()))
        archive.notes.append(
            f"not imported: terms of taxonomies Newsroom has no equivalent for ({listed}); "
            "map what matters to tags by hand"
        )
    if reading.unredirectable:
        archive.notes.append(
            f"{reading.unredirectable} published posts have addresses a static site cannot "
            "redirect (a query such as ?p=12, or another host), so no redirect was written "
            "for them"
        )
