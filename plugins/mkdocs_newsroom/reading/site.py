"""A site's sources read into authors and articles: the one way both a build and
`newsroom check` read them, so that `check` finds exactly the problems a build warns about."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from ..hashing import fingerprint
from ..problems import Problem
from .articles import ArticleReader, too_large
from .authors import load_authors
from .bodies import MarkdownRenderer, heading_permalink
from .files import article_kind, is_editor_leftover
from .links import local_path
from .mapping import in_order
from .pictures import attach_avatars, attach_pictures
from .said import megabytes
from .texts import Registry

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from ..memo import MadeBefore
    from ..model import Article, Author
    from ..settings.checked import Settings
    from .articles import ReadCache
    from .mapping import MapFunction
    from .pictures import MakePictures


@dataclass(frozen=True)
class Markdown:
    """How `.md` bodies are rendered: the site's Markdown extensions and their settings."""

    extensions: list[Any] = field(default_factory=list)
    configs: dict[str, Any] = field(default_factory=dict)


@dataclass
class SiteSources:
    """The files a news site is made of, each as (path relative to `docs_dir`, bytes), and
    what was wrong with the files that could not be read."""

    authors: tuple[str, bytes] | None
    articles: list[tuple[str, bytes]]
    taken: dict[str, str]  # URLs of the site's other pages -> their files
    files: frozenset[str] = frozenset()  # every file of the site, for the links to check
    own: frozenset[str] = frozenset()  # those of the content folder (not the theme's)
    drafts: frozenset[str] = frozenset()  # articles MkDocs' `draft_docs` names
    problems: list[Problem] = field(default_factory=list)
    attachments: tuple[str, ...] = ()  # the other files of the articles folder
    oversized: dict[str, int] = field(default_factory=dict)  # articles too large to read: size


@dataclass
class SourcePaths:
    """A site's files sorted out: the articles (sorted), the authors file, the other files
    of the articles folder (media an article may use, or not), every other file, and the
    editors' leftovers among those (`about.md~`), which MkDocs would publish."""

    articles: list[str] = field(default_factory=list)
    authors: str | None = None
    attachments: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)  # editors' backups outside the articles
    # the articles folder's names that differ from `articles_dir` in case or Unicode form alone
    misspelt: set[str] = field(default_factory=set)
    authors_misspelt: bool = False  # the authors file's name, as `authors_file` is not


@dataclass
class ReadArticles:
    authors: dict[str, Author]
    articles: list[Article]
    problems: list[Problem]
    failed: int  # articles skipped because of their problems


def split_sources(paths: Iterable[str], settings: Settings) -> SourcePaths:
    """The articles folder is matched whatever the case or Unicode form of its name: a folder
    `articles/` under `articles_dir: Articles` holds articles all the same, drafts among them,
    never ordinary pages (on macOS it is the same folder, whose name may come in NFD). So is
    the authors file, when no file has its name as written: it is never published."""
    depth = settings.articles_dir.count("/") + 1
    folder = _folded(settings.articles_dir)
    authors = _folded(settings.authors_file)
    split = SourcePaths()
    near: list[str] = []  # files named as the authors file, in another case or form
    for path in paths:
        parts = path.split("/", depth)
        head = "/".join(parts[:depth])
        if path == settings.authors_file:
            split.authors = path
        elif _folded(path) == authors:
            near.append(path)
        elif len(parts) <= depth or _folded(head) != folder:
            (split.leftovers if is_editor_leftover(path) else split.others).append(path)
        else:
            if head != settings.articles_dir:
                split.misspelt.add(head)
            if article_kind(path) is not None:
                split.articles.append(path)
            else:
                split.attachments.append(path)
    near.sort()
    if split.authors is None and near:
        split.authors, split.authors_misspelt = near.pop(0), True
    split.others += near
    split.articles.sort()
    return split


def misspelt(paths: SourcePaths, settings: Settings) -> list[Problem]:
    """A line for each articles folder, and the authors file, read under a name that differs
    from the setting's in case or Unicode form alone."""
    said = " in case or Unicode form alone; "
    problems = [
        Problem(
            folder,
            f"the articles folder is '{settings.articles_dir}' in mkdocs.yml, a name that "
            f"differs from this folder's{said}its files were read as articles all the same "
            f"(none is published as an ordinary page); write articles_dir: {folder} in "
            "mkdocs.yml",
        )
        for folder in sorted(paths.misspelt)
    ]
    if paths.authors and paths.authors_misspelt:
        problems.append(
            Problem(
                paths.authors,
                f"the authors file is '{settings.authors_file}' in mkdocs.yml, a name that "
                f"differs from this file's{said}it was read as the authors file all the same "
                f"(it is never published); write authors_file: {paths.authors} in mkdocs.yml",
            )
        )
    return problems


def _folded(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def article_reader(
    settings: Settings,
    authors: dict[str, Author] | None,
    markdown: Markdown,
    cache: ReadCache | None = None,
    content_keys: MadeBefore[str] | None = None,
) -> ArticleReader:
    """A reader of articles with the site's settings, authors and Markdown. With `cache`,
    articles read and bodies rendered are kept (for the next build of `mkdocs serve`), and
    with `content_keys` the files' cache keys."""
    registry = Registry(
        authors=authors,
        sections=settings.sections,
        timezone=settings.timezone,
        authors_file=settings.authors_file,
    )
    options = settings.read_options
    engine = options.markdown_engine
    permalink = heading_permalink(
        markdown.extensions, markdown.configs, options.sanitize_html, engine
    )
    return ArticleReader(
        registry,
        options,
        lambda: MarkdownRenderer(
            markdown.extensions,
            markdown.configs,
            options.sanitize_html,
            options.embed_hosts,
            engine,
            permalink,
        ),
        # what an article is made of besides its file: every setting, the authors, Markdown
        fingerprint(
            repr(settings), repr(registry), repr(markdown.extensions), repr(markdown.configs)
        ),
        cache,
        content_keys,
        permalink,
    )


def read_articles(
    sources: SiteSources,
    settings: Settings,
    markdown: Markdown,
    *,
    cache: ReadCache | None = None,
    content_keys: MadeBefore[str] | None = None,
    map_bodies: MapFunction = in_order,
    pictures: MakePictures | None = None,
    shown: Callable[[Article], bool] = lambda _article: True,
    photos: MakePictures | None = None,
) -> ReadArticles:
    """Read the authors and every article. `cache` keeps what was read between builds;
    `pictures` makes the pictures of the lead images of the articles `shown` (none without
    it), `photos` those of the authors' photos. Without an authors file, or with an empty
    one, articles are published without their authors, and one line says so."""
    known: dict[str, Author] | None = None
    problems = list(sources.problems)
    if sources.authors is not None:
        known, authors_problems = load_authors(*sources.authors)
        problems.extend(authors_problems)
    # An empty authors file is no authors file: every byline would be unknown otherwise
    lacking = "missing" if sources.authors is None else "empty" if known == {} else ""
    if settings.authors_file in sources.oversized:
        size = sources.oversized[settings.authors_file]
        problems.append(_authors_too_large(settings.authors_file, size, settings))
        lacking = ""
    known = None if known == {} else known
    reader = article_reader(settings, known, markdown, cache, content_keys)
    articles = []
    failed = 0
    results = reader.read_all(sources.articles, map_bodies)
    results += [
        too_large(path, size, settings.read_options.max_bytes)
        for path, size in sorted(sources.oversized.items())
        if path != settings.authors_file
    ]
    for result in results:
        problems.extend(result.problems)
        if result.article is None:
            failed += 1
        else:
            article = _with_images_found(result.article, sources.files, problems)
            articles.append(_as_draft(article) if article.source in sources.drafts else article)
    if cache is not None:
        cache.keep_only(reader.used_results, reader.used_bodies)
    if pictures is not None:
        articles, picture_problems = attach_pictures(articles, pictures, sources.files, shown)
        problems.extend(picture_problems)
    if lacking and any(result.names_authors for result in results):
        problems.insert(0, _no_authors_file(settings.authors_file, lacking))
    if photos is not None and known and sources.authors is not None:
        # after the articles, whose bylines show no photo: a new photo reads none again
        known, photo_problems = attach_avatars(known, photos, sources.files, sources.authors[0])
        problems.extend(photo_problems)
    return ReadArticles(known or {}, articles, problems, failed)


def _authors_too_large(path: str, size: int, settings: Settings) -> Problem:
    limit = settings.read_options.max_bytes
    return Problem(
        path,
        f"the authors file is {megabytes(size)}, more than max_article_size "
        f"({megabytes(limit)}), so it was not read and the articles were published "
        "without their authors; make it smaller, or raise max_article_size in mkdocs.yml",
    )


def _no_authors_file(path: str, lacking: str) -> Problem:
    action = "create it" if lacking == "missing" else "fill it"
    return Problem(
        path,
        f"the authors file is {lacking}, so the articles were published without their "
        f"authors; {action} with an entry for each author, for example "
        "'jdoe: {name: Jane Doe}'",
    )


def _with_images_found(article: Article, files: frozenset[str], problems: list[Problem]) -> Article:
    """The article, without its lead image if that names a file the site does not have."""
    image = article.image
    path = local_path(image.src) if image is not None else None
    if image is None or path is None or not files or path in files:
        return article
    near = _nearest_file(path, files)
    hint = f"did you mean {near}?" if near else "give its path from the content folder"
    if near and unicodedata.normalize("NFC", near) == unicodedata.normalize("NFC", path):
        hint = (
            f"the file {near} has the same name with its accents written another way (as "
            "macOS writes them): type its name again in the file's folder, or in 'src'"
        )
    problems.append(
        Problem(
            article.source,
            f"'image' 'src' names {path}, which is not a file of the site, so the image was "
            f"left out; {hint}",
        )
    )
    return replace(article, image=None, fingerprint=fingerprint(article.fingerprint, "no image"))


def _nearest_file(path: str, files: frozenset[str]) -> str:
    """The file of the site `path` was likely meant to name: the same path in another case
    or Unicode form (an accent as a letter of its own, as macOS writes names), without a
    leading `content/` (the content folder's own name), or the one file of the site with its
    name; '' if none."""
    folded = _folded(path)
    same_case = sorted(file for file in files if _folded(file) == folded)
    if same_case:
        return same_case[0]
    inside = folded.removeprefix("content/")
    by_name = sorted(
        file
        for file in files
        if file.casefold() == inside or file.casefold().endswith("/" + inside.rsplit("/")[-1])
    )
    return by_name[0] if len(by_name) == 1 else ""


def _as_draft(article: Article) -> Article:
    """An article MkDocs' `draft_docs` names is a draft, whatever its front matter says."""
    if article.draft:
        return article
    return replace(article, draft=True, fingerprint=fingerprint(article.fingerprint, "draft"))
