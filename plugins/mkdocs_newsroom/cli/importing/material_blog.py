"""A Material for MkDocs blog (its `blog/posts/**/*.md`, in any Markdown extension MkDocs
takes, and `blog/.authors.yml`) read into posts.

Material's defaults are assumed, as its documentation gives them: the blog in `blog/`, a
post's address `blog/YYYY/MM/DD/slug/` (its `slug`, or its title slugified by
Python-Markdown's `toc.slugify`, which Material uses), the title in front matter or as the
first `# ` heading, the excerpt separator `<!-- more -->`. Each folder's `.meta.yml` (Material's
meta plugin) is merged into the front matter of the posts under it (meta_files). Front matter
fields Newsroom has no equivalent for are named per post and left out; one that looks like a
field that can hold an article back (`Draft`, `status`) holds the post back as a draft, as a
build would hold back an article with it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import mergedeep  # type: ignore[import-untyped]
from markdown.extensions.toc import slugify as material_slugify
from pathspec.gitignore import GitIgnoreSpec

from ...problems import ArticleError, FieldError, NewsroomError, Problem
from ...reading.decoding import decode_source
from ...reading.files import article_kind, leads_outside
from ...reading.frontmatter import load_document, parse_front_matter
from ...reading.said import holds_back, meant
from ...reading.texts import parse_datetime
from ..wire_import import first_sentence
from .meta_files import FolderMeta, held_back_by, merged, meta_file_name
from .posts import Archive, Post, SourceAuthor

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from datetime import tzinfo
    from pathlib import Path

    from ...reading.frontmatter import Field

BLOG = "blog"
MAX_INHERITED = 10  # configuration files one INHERIT leads through
_USED = {"title", "date", "authors", "categories", "tags", "slug", "draft", "pin"}
_USED |= {"description"}
_HEADING = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_MARKDOWN = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")  # MkDocs' pages, in this case
_MORE = re.compile(r"^[ \t]*<!--\s*more\s*-->[ \t]*\n?", re.MULTILINE)


def read_material_blog(docs_dir: Path, zone: tzinfo) -> Archive:
    """The posts and authors of the Material blog whose `docs_dir` is given; `zone` dates a
    post whose date has no zone, as Material reads it."""
    posts_dir = docs_dir / BLOG / "posts"
    if not posts_dir.is_dir():
        raise NewsroomError(
            f"{docs_dir}: no {BLOG}/posts folder; name the docs folder of a Material blog"
        )
    archive = Archive(docs_dir)
    archive.authors = _authors(docs_dir / BLOG / ".authors.yml", archive)
    config = blog_config(docs_dir, archive.notes)
    archive.markdown_extensions = extension_names(config.get("markdown_extensions"))
    rules, identity = inclusion_rules(config), blog_identity(config, docs_dir)
    meta = FolderMeta(docs_dir, meta_file_name(config))
    for path, draft in _post_files(docs_dir, posts_dir, rules, archive):
        if leads_outside(path, docs_dir):
            origin = path.relative_to(docs_dir).as_posix()
            archive.notes.append(
                f"{origin}: not imported: it is a symbolic link to a file outside {docs_dir}; "
                "copy the file in if it belongs to the blog"
            )
            archive.not_imported["post"] += 1
        else:
            post = _post(docs_dir, path, zone, archive, identity, meta)
            archive.not_imported["post"] += post is None
            if post is not None:
                if draft and not post.draft:
                    post.draft = True
                    post.notes.append("it is among the blog's draft_docs; held back as a draft")
                archive.posts.append(post)
    if not archive.posts and not archive.notes:
        raise NewsroomError(f"{posts_dir}: no post (.md file) was found")
    return archive


@dataclass(frozen=True)
class Inclusion:
    """MkDocs' rules for the blog's files: hidden files and `exclude_docs` are not in the
    site, `draft_docs` are drafts (paths relative to the docs folder, gitignore-style)."""

    excluded: GitIgnoreSpec
    drafts: GitIgnoreSpec | None = None


def blog_config(docs_dir: Path, notes: list[str]) -> dict[str, Any]:
    """The blog's mkdocs.yml (beside its docs folder), as far as it can be read; {} if it
    has none (`notes` says if it cannot be read)."""
    config = next(
        (
            docs_dir.parent / name
            for name in ("mkdocs.yml", "mkdocs.yaml")
            if (docs_dir.parent / name).is_file()
        ),
        None,
    )
    if config is None:
        return {}
    try:
        return _inherited(config, [])
    except (OSError, ArticleError) as error:
        notes.append(
            f"{_reason(error)}; its exclude_docs, draft_docs, site_url and markdown_extensions "
            "were not used: fix it, or check the imported posts"
        )
        return {}


def _inherited(config: Path, seen: list[Path]) -> dict[str, Any]:
    """A configuration file's values over those of the file its `INHERIT` names (mappings
    merged key by key, any other value replaced), through at most MAX_INHERITED files."""
    if config.resolve() in seen or len(seen) >= MAX_INHERITED:
        chain = " -> ".join(path.name for path in [*seen, config])
        said = f"its INHERIT goes round, or through more than {MAX_INHERITED} files ({chain})"
        raise ArticleError(Problem(str(seen[0] if seen else config), said))
    # whatever tags it uses (`!!python/name:`, `!ENV`): a tagged value is nothing
    text = decode_source(config.name, config.read_bytes()).text
    values = load_document(str(config), text, any_tag=True)
    values = values if isinstance(values, dict) else {}
    parent = values.pop("INHERIT", None)
    if not isinstance(parent, str) or not parent:
        return values
    inherited = _inherited(config.parent / parent, [*seen, config.resolve()])
    return dict(mergedeep.merge(inherited, values))  # as MkDocs merges them


def extension_names(value: object) -> tuple[str, ...]:
    """The names of the extensions of a `markdown_extensions` as mkdocs.yml gives them: a
    list of names and of one-entry mappings of a name to its options, or a mapping."""
    items = list(value) if isinstance(value, dict | list) else []
    names = (next(iter(item), None) if isinstance(item, dict) else item for item in items)
    return tuple(name for name in names if isinstance(name, str) and name)


def inclusion_rules(config: dict[str, Any]) -> Inclusion:
    """MkDocs' rules, with the `exclude_docs` and `draft_docs` of the blog's `config`."""
    excluded = GitIgnoreSpec.from_lines([".*", "/templates/"])  # MkDocs' own
    exclude, drafts = config.get("exclude_docs"), config.get("draft_docs")
    if isinstance(exclude, str):
        excluded += GitIgnoreSpec.from_lines(exclude.splitlines())
    drafted = GitIgnoreSpec.from_lines(drafts.splitlines()) if isinstance(drafts, str) else None
    return Inclusion(excluded, drafted)


def blog_identity(config: dict[str, Any], docs_dir: Path) -> str:
    """What tells this blog from any other in an `import_id`: its address (`site_url`), or
    where its docs folder is."""
    url = config.get("site_url")
    if isinstance(url, str) and url.strip():
        return url.strip().rstrip("/") + "/"
    return docs_dir.resolve().as_uri() + "/"


def _post_files(
    docs_dir: Path, posts_dir: Path, rules: Inclusion, archive: Archive
) -> Iterator[tuple[Path, bool]]:
    """The blog's post files, as MkDocs sees them (a Markdown extension, in its case; not
    hidden or excluded), each with whether it is a draft; what was left out is said once,
    counted."""
    left_out: Counter[str] = Counter()
    for path in sorted(posts_dir.rglob("*")):
        uri = path.relative_to(docs_dir).as_posix()
        if path.is_symlink() and not path.is_file() and not rules.excluded.match_file(uri):
            archive.notes.append(
                f"{uri}: not imported: it is a symbolic link to a folder, or to nothing; copy "
                "the posts it should hold into the blog"
            )
            archive.not_imported["link to a folder or to nothing"] += 1
        if not path.is_file():
            continue
        if rules.excluded.match_file(uri):
            left_out["hidden, or excluded by the blog's exclude_docs"] += article_kind(uri) == "md"
        elif not uri.endswith(_MARKDOWN):
            left_out["Markdown files of another case (.MD...), not posts of the blog"] += (
                article_kind(uri) == "md"
            )
        else:
            yield path, bool(rules.drafts and rules.drafts.match_file(uri))
    listed = "; ".join(f"{count} {why}" for why, count in left_out.items() if count)
    if listed:
        archive.notes.append(f"not imported, as MkDocs left them out of the blog: {listed}")
        archive.not_imported["file MkDocs leaves out"] += sum(left_out.values())


def _reason(error: OSError | ArticleError) -> str:
    if isinstance(error, ArticleError):
        return str(error)
    return f"{error.filename}: cannot be read ({error.strerror})"


def _authors(path: Path, archive: Archive) -> dict[str, SourceAuthor]:
    if not path.is_file():
        return {}
    if leads_outside(path, archive.source):
        archive.notes.append(
            f"{path}: not read: it is a symbolic link to a file outside {archive.source}; "
            "authors keep their ids"
        )
        return {}
    try:
        text = decode_source(path.name, path.read_bytes()).text
        document = load_document(str(path), text) or {}
    except (OSError, ArticleError) as error:
        archive.notes.append(f"{_reason(error)}; authors keep their ids")
        return {}
    entries = document.get("authors") if isinstance(document, dict) else None
    if not isinstance(entries, dict):
        archive.notes.append(f"{path}: has no 'authors:' mapping; authors keep their ids")
        return {}
    authors = {}
    for key, entry in entries.items():
        values = entry if isinstance(entry, dict) else {}
        notes: list[str] = []
        authors[str(key)] = SourceAuthor(
            str(key),
            _text(values, "name", notes) or str(key),
            role=_text(values, "description", notes),
            avatar=_text(values, "avatar", notes),
            url=_text(values, "url", notes),
        )
        archive.notes.extend(f"{path}: author '{key}': {note}" for note in notes)
    return authors


def _post(
    docs_dir: Path, path: Path, zone: tzinfo, archive: Archive, identity: str, meta: FolderMeta
) -> Post | None:
    origin = path.relative_to(docs_dir).as_posix()
    try:
        text = decode_source(origin, path.read_bytes()).text
        front_matter = parse_front_matter(origin, text)
    except OSError as error:
        archive.notes.append(f"{origin}: not imported: it cannot be read ({error.strerror})")
        return None
    except ArticleError as error:
        archive.notes.append(f"{error}; it was not imported")
        return None
    inherited, troubles = meta.values_for(path.parent)
    fields = merged(inherited, {name: field.value for name, field in front_matter.fields.items()})
    lines = {name: field.line for name, field in front_matter.fields.items()}
    notes: list[str] = []
    created, updated = _dates(fields.get("date"), zone)
    if created is None:
        archive.notes.append(
            f"{origin}: not imported: its 'date' is missing or not a date; give it one"
        )
        return None
    body = _MORE.sub("", front_matter.body)
    title = _text(fields, "title", notes, lines)
    heading = _HEADING.search(body)
    if not title and heading:
        title = heading.group(1).strip()
        body = body[: heading.start()] + body[heading.end() :]
    if not title:
        title = first_sentence(body) or path.stem
        notes.append(f"it has no title; '{title}' was drawn from its text: write one")
    unused = sorted(name for name in fields if name not in _USED)
    doubtful = [name for name in unused if holds_back(name)]
    in_doubt = _in_doubt(doubtful, front_matter.repeated, front_matter.fields, lines)
    notes.extend(in_doubt)
    if troubles:
        notes.append(held_back_by(troubles))
    if len(unused) > len(doubtful):
        listed = ", ".join(f"'{name}'" for name in unused if name not in doubtful)
        notes.append(f"no equivalent in Newsroom, left out: {listed}")
    slug = _text(fields, "slug", notes, lines) or material_slugify(title, "-")
    return Post(
        origin=origin,
        import_id=f"material-blog:{identity}{origin}",
        title=title,
        date=created,
        body=body.strip("\n") + "\n",
        updated=updated,
        authors=_names(fields, "authors", notes, lines),
        categories=_names(fields, "categories", notes, lines),
        tags=_names(fields, "tags", notes, lines),
        summary=_text(fields, "description", notes, lines),
        slug=slug,
        old_path=f"/{BLOG}/{created:%Y/%m/%d}/{slug}/",
        draft=_draft(fields.get("draft"), notes) or bool(in_doubt or troubles),
        featured=fields.get("pin") is True,
        notes=notes,
    )


def _in_doubt(
    doubtful: list[str],
    repeated: Mapping[str, tuple[Field, ...]],
    fields: Mapping[str, Field],
    lines: Mapping[str, int],
) -> list[str]:
    """Why the post is held back as a draft, for the fields a build would be in doubt of (its
    own guess, `holds_back`): one that looks like a field that can hold an article back
    (`Draft`, `status`), or one of those given twice with different values."""
    said = []
    for name in doubtful:
        its = _its(name, lines) if name in lines else f"the '{name}' of a .meta.yml above it"
        said.append(
            f"{its} looks like '{meant(name)}', which can hold an article back; "
            "it is held back as a draft: check it, then remove 'draft: true'"
        )
    for name, earlier in repeated.items():
        if holds_back(name) and any(key.value != fields[name].value for key in earlier):
            said.append(
                f"{_its(name, lines)} is given twice with different values (first on line "
                f"{earlier[0].line}), and it can hold an article back; it is held back as a "
                "draft: keep one of the lines, then remove 'draft: true'"
            )
    return said


_NOT_DRAFT = {"", "false", "no", "off", "0", "none", "null"}


def _draft(value: Any, notes: list[str]) -> bool:
    """Whether a post is a draft: `true`, and any value but false or none ('"true"', `1`,
    `yes`, a list...), as held back is the safe side."""
    if value is None or value is False:
        return False
    if value is True:
        return True
    if isinstance(value, str | int | float) and str(value).strip().lower() in _NOT_DRAFT:
        return False
    notes.append(f"its 'draft' is {value!r}, not true or false; it is held back as a draft")
    return True


def _text(
    fields: dict[str, Any], name: str, notes: list[str], lines: Mapping[str, int] | None = None
) -> str:
    """A field that must be text (a number is taken as its digits), on one line; '' if it is
    missing or is not text (a list, a mapping, a date...), said in `notes`."""
    value = fields.get(name)
    if value is None or value == "":
        return ""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return " ".join(str(value).split())
    notes.append(
        f"{_its(name, lines)} is {_kind(value)}, not text; it was left out: write it as text"
    )
    return ""


def _names(
    fields: dict[str, Any], name: str, notes: list[str], lines: Mapping[str, int]
) -> tuple[str, ...]:
    """A list of names (or one name): each must be text; others are left out, said once."""
    value = fields.get(name)
    items = value if isinstance(value, list) else [value] if value not in (None, "") else []
    names = [item for item in items if isinstance(item, str | int | float)]
    odd = [item for item in items if not isinstance(item, str | int | float) or item is True]
    if odd:
        notes.append(
            f"{_its(name, lines)} holds {_kind(odd[0])}, not a name; it was left out: write each "
            "name as text"
        )
    cleaned = (" ".join(str(item).split()) for item in names if item not in (True, False))
    return tuple(dict.fromkeys(item for item in cleaned if item))


def _its(name: str, lines: Mapping[str, int] | None) -> str:
    """ "its 'title' (line 3)": a field, and where it is when that is known."""
    line = (lines or {}).get(name)
    return f"its '{name}'" + (f" (line {line})" if line else "")


def _kind(value: Any) -> str:
    kinds = {dict: "a mapping", list: "a list", bool: "true or false", date: "a date"}
    return next((said for kind, said in kinds.items() if isinstance(value, kind)), "not text")


def _dates(value: Any, zone: tzinfo) -> tuple[datetime | None, datetime | None]:
    """Material's `date`: one date, or `{created: …, updated: …}`."""
    if isinstance(value, dict):
        return _moment(value.get("created"), zone), _moment(value.get("updated"), zone)
    return _moment(value, zone), None


def _moment(value: Any, zone: tzinfo) -> datetime | None:
    if isinstance(value, datetime | date):
        value = value.isoformat()
    if not isinstance(value, str):
        return None
    try:
        return parse_datetime(value, zone)
    except FieldError:
        return None
