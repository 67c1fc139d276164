"""A news site on disk, as the `newsroom` command sees it: its mkdocs.yml, the plugin's
settings, the folders reporters write in, and the site read the way a build reads it."""

from __future__ import annotations

import logging
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.structure.files import get_files

from ..build.linked_files import refuse_links_around
from ..build.parallel import processes_for, shared_map
from ..build.photo_positions import published_positions
from ..build.sources import site_sources
from ..catalogue.site import read_site
from ..clock import now as clock_now
from ..memo import MadeBefore
from ..outputs.build_record import next_change
from ..outputs.pictures.making import picture_maker
from ..outputs.pictures.recipe import avatar_recipe
from ..problems import ArticleError, NewsroomError
from ..reading.authors import UNUSABLE, load_authors
from ..reading.decoding import decode_source
from ..reading.files import NotRead, article_kind, not_utf8, read_regular_file
from ..reading.frontmatter import parse_front_matter
from ..reading.images import site_images
from ..reading.site import Markdown, article_reader
from ..settings.loading import load_settings, site_texts

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from datetime import datetime

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from ..build.sources import SortedFiles
    from ..catalogue.site import Reading
    from ..model import Author
    from ..problems import Problem
    from ..reading.articles import ArticleReader
    from ..reading.frontmatter import FrontMatter
    from ..reading.pictures import MakePictures
    from ..settings.checked import Settings


PLUGIN = f"{__name__.split('.')[0]}.plugin"  # the module of the MkDocs plugin
OLD_PLUGIN = "newsroom.plugin"  # its module before the package was named mkdocs_newsroom


class WorkspaceError(Exception):
    """The site cannot be opened (no mkdocs.yml, a configuration error): what to fix."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


@dataclass
class Workspace:
    config: MkDocsConfig
    settings: Settings
    processes: int
    config_warnings: list[str] = field(default_factory=list)  # MkDocs' own, from loading
    # the sources' bytes as last read: a second look at the files (the photos' check after
    # the articles' reading) reads again only what changed, as a preview's rebuild does
    read_before: MadeBefore[bytes] = field(default_factory=MadeBefore, repr=False)

    @property
    def root(self) -> Path:
        return Path(self.config.config_file_path or "mkdocs.yml").resolve().parent

    @property
    def docs_dir(self) -> Path:
        return Path(self.config.docs_dir)

    @property
    def articles_dir(self) -> Path:
        return self.docs_dir / self.settings.articles_dir

    def source_path(self, path: Path) -> str:
        """A file's path as the site knows it: relative to `docs_dir`, with '/'."""
        return path.resolve().relative_to(self.docs_dir.resolve()).as_posix()

    def content_path(self, text: str) -> str:
        """A file or folder given on the command line as its path from the content folder:
        'content/articles/a.md' (from here) and 'articles/a.md' (from the content folder)
        alike. NewsroomError if it is in neither."""
        docs = self.docs_dir.absolute()
        for candidate in (Path(text).absolute(), docs / text):
            try:
                inside = Path(os.path.normpath(candidate)).relative_to(docs).as_posix()
            except ValueError:
                continue
            if os.path.lexists(docs / inside):
                return "" if inside == "." else inside
        if os.path.lexists(text):
            story = Path(text).suffix.lower() in (".md", ".txt") and Path(text).name != "README.md"
            why = "move it there to publish it" if story else "name a file or folder in it"
            raise NewsroomError(
                f"{text}: not in the content folder ({self.shown(docs)}), whose files alone are "
                f"checked by name (newsroom check alone checks the configuration too); {why}"
            )
        raise NewsroomError(
            f"{text}: no such file or folder in the content folder ({self.shown(docs)}); give "
            "its path from here or from the content folder"
        )

    def shown(self, path: Path | str) -> str:
        """A path as the user should see it: relative to where they are, if inside. A link
        is shown where it is, not where it points."""
        absolute = Path(path).absolute()
        try:
            return absolute.relative_to(Path.cwd()).as_posix()
        except ValueError:
            return str(absolute)

    @property
    def authors_shown(self) -> str:
        """The authors file, as the user should see it (`content/authors.yml`)."""
        return self.shown(self.docs_dir / self.settings.authors_file)

    def authors(self) -> dict[str, Author]:
        """The authors of the site; none without an authors file. One that is there but
        cannot be used (not a file, too large, broken YAML) is the command's error, saying
        why: an author it names would otherwise be told to add themselves."""
        path = self.docs_dir / self.settings.authors_file
        if not os.path.lexists(path):
            return {}
        try:
            data = read_regular_file(path, self.settings.read_options.max_bytes)
        except NotRead as error:
            raise NewsroomError(f"{self.authors_shown}: {error}; fix it first") from None
        authors, problems = load_authors(self.settings.authors_file, data)
        if authors is None:  # the last problem says why it cannot be used
            why = problems[-1].message.removesuffix(UNUSABLE)
            shown = replace(problems[-1], path=self.authors_shown, message=f"{why}; fix it first")
            raise NewsroomError(str(shown))
        return authors

    def read(self, say: Callable[[str], None] | None = None) -> Reading:
        """The site's authors and articles, read as `mkdocs build` reads them (drafts and
        scheduled articles included, as `mkdocs serve` shows them)."""
        files = content_files(self.config)
        docs_dir, nav = self.config.docs_dir, self.config.nav
        found = site_sources(
            files,
            self.settings,
            docs_dir,
            self.read_before,
            nav=nav,
            now=clock_now(),
            site_folder=str(self.root),
        )
        say = say or _silent
        # lead images and authors' photos are opened and decoded (a truncated one is found),
        # not resized: those the picture cache knows are taken from it
        sources = {file.src_uri: file.abs_src_path for file in files if file.abs_src_path}
        checking = shared_map(self.processes, say, "lead images checked", min_items=1)
        where = (self.settings.pictures, str(self.root), sources, os.environ)
        pictures = picture_maker(*where, checking, make_files=False)
        photos = picture_maker(
            *where, make_files=False, recipe=avatar_recipe(self.settings.pictures)
        )
        return self._read(found, say, pictures, photos)

    def change_after(
        self, built: datetime, say: Callable[[str], None] | None = None
    ) -> datetime | None:
        """The first moment after `built` at which the site that `mkdocs build` made of these
        articles at `built` would show something else (outputs/build_record.py)."""
        config, settings = self.config, self.settings
        files = content_files(config)
        found = site_sources(files, settings, config.docs_dir, nav=config.nav, now=built)
        # Dates only: a body that would fail to render leaves its article in, which can only
        # make the next change earlier (a run that builds for nothing), never later
        dates_only = _front_matter_only(settings)
        reading = self._read(found, say or _silent, now=built, preview=False, settings=dates_only)
        return next_change(
            reading.catalogue,
            built,
            breaking_hours=settings.front_page_rules.breaking_hours,
            news_sitemap=settings.news_sitemap,
            embargoes=found.embargoes,
        )

    def taken_urls(self) -> dict[str, str]:
        """Every address the site gives out: its articles' (held back ones included), their
        aliases' and its pages', each with the file that has it. Front matter alone decides
        an address, so the bodies are not rendered; an article whose body cannot be rendered
        now keeps its address for when it is fixed."""
        found = site_sources(content_files(self.config), self.settings, self.config.docs_dir)
        taken = dict(found.sources.taken)  # as the build counts the site's own pages
        catalogue = self._read(found, _silent, settings=_front_matter_only(self.settings)).catalogue
        taken |= {redirect.alias: redirect.article.source for redirect in catalogue.redirects}
        taken |= {article.url: article.source for article in catalogue.articles}
        return taken

    def _read(
        self,
        found: SortedFiles,
        say: Callable[[str], None],
        pictures: MakePictures | None = None,
        photos: MakePictures | None = None,
        *,
        now: datetime | None = None,
        preview: bool = True,
        settings: Settings | None = None,
    ) -> Reading:
        return read_site(
            found.sources,
            settings or self.settings,
            self._markdown(),
            now=now if now is not None else clock_now(),
            preview=preview,
            map_bodies=shared_map(self.processes, say, "articles read"),
            pictures=pictures,
            site_url=self.config.site_url or "",
            photos=photos,
        )

    def front_matters(self) -> Iterator[tuple[Path, FrontMatter]]:
        """Each article file of the site, in path order, with its front matter (and its body
        as written); a file that cannot be read or parsed is passed over: `newsroom check`
        reports it."""
        for path in sorted(self.articles_dir.rglob("*")):
            inside = path.relative_to(self.articles_dir).as_posix()
            if article_kind(path.name) is None or not_utf8(inside) or not path.is_file():
                continue  # not an article of the site (the build reports a name not UTF-8)
            try:
                text = decode_source(path.name, path.read_bytes()).text
                front_matter = parse_front_matter(path.name, text)
            except (OSError, ArticleError):
                continue
            yield path, front_matter

    def image_problems(self) -> list[str]:
        """What a build says of the publisher logo and the default picture (a site without a
        `site_url` tells search engines nothing, so nothing)."""
        if not self.config.site_url:
            return []
        favicon = str(self.config.theme.get("favicon") or "assets/images/favicon.png")
        config_file = Path(self.config.config_file_path or "mkdocs.yml")
        _images, problems = site_images(
            self.docs_dir, self.settings, favicon, config_name=config_file.name
        )
        return [str(problem) for problem in problems]  # as the build says them

    def photo_problems(self, reading: Reading) -> list[Problem]:
        """The photos a build would publish with the GPS position they were taken at: the
        files of the content folder and the theme's that MkDocs copies, and those of the
        articles folder a story of `reading` uses (drafts' too: they go live later)."""
        config = self.config
        files = content_files(config)
        files.add_files_from_theme(config.theme.get_env(), config)
        where = (config.nav, clock_now(), str(self.root), config.theme.custom_dir)
        found = site_sources(files, self.settings, config.docs_dir, self.read_before, (), *where)
        used = [found.attachments[path] for path in reading.attachments]
        return published_positions(
            [*found.keep, *used], self.settings.pictures, MadeBefore(), config.docs_dir, True
        )

    def reader(self, authors: dict[str, Author]) -> ArticleReader:
        """An article reader as the build makes one, for articles written by this command."""
        return article_reader(self.settings, authors, self._markdown())

    def _markdown(self) -> Markdown:
        return Markdown(self.config.markdown_extensions, self.config.mdx_configs)


def open_workspace(config_file: str | None) -> Workspace:
    """Load mkdocs.yml (or `config_file`) and the newsroom plugin's settings, or say why not."""
    path = config_file or "mkdocs.yml"
    with _mkdocs_warnings() as warnings:
        try:
            config = load_config(config_file=config_file)
        except MkDocsException as error:
            if not os.path.lexists(path) and "does not exist" in str(error):
                raise WorkspaceError([_no_configuration(path, config_file)]) from None
            messages = [*warnings, str(error)]
            if len(messages) > 1:  # "Aborted with a configuration error!" says nothing more
                messages.remove(str(error))
            raise WorkspaceError(config_problems(path, messages)) from None
    modules = {type(p).__module__: p for p in config.plugins.values()}
    plugin = modules.get(PLUGIN)
    if plugin is None:
        why = "the newsroom plugin is not used; add '- newsroom' under 'plugins:'"
        if OLD_PLUGIN in modules:
            why = (
                "MkDocs loads the newsroom plugin of an old installation, the package "
                "'newsroom': run 'pip uninstall newsroom', then 'pip install --force-reinstall "
                "mkdocs-newsroom'"
            )
        raise WorkspaceError(config_problems(path, [why]))
    try:
        settings = load_settings(plugin.config, site_texts(config), config.theme.get("language"))
    except NewsroomError as error:
        message = str(error).removeprefix("newsroom: ")
        raise WorkspaceError(config_problems(path, [message])) from None
    processes = processes_for("build", plugin.config.processes)
    said = [*warnings, *settings.notices]
    return Workspace(config, settings, processes, config_problems(path, said))


def _no_configuration(path: str, given: str | None) -> str:
    if given:
        return f"{path}: there is no such file; check the path given with -f"
    return (
        f"{path}: there is no such file in {Path.cwd()}; run newsroom in the site's folder (the "
        "one holding mkdocs.yml), or name its configuration with -f"
    )


def _front_matter_only(settings: Settings) -> Settings:
    """`settings` for reading the articles' front matter alone: their bodies not rendered."""
    return replace(settings, read_options=replace(settings.read_options, render_bodies=False))


def _silent(_line: str) -> None:
    pass


_OPTION_NAMED = re.compile(r"(?:option|Config value) '(\w+)'")


def config_problems(path: str, messages: list[str]) -> list[str]:
    """Each message about the configuration as `path:line:col: message`, placed at the option
    it names (`Config value 'watch'`, `option 'page_size'`, `timezone '…' is unknown`), or at
    the top of the file."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = []
    located = []
    for message in messages:
        named = _OPTION_NAMED.findall(message)
        first_word = message.split(" ", 1)[0]
        candidates = [*reversed(named), first_word, f"{first_word}s"]
        marks = _YAML_MARK.findall(message)  # where YAML found what it could not read
        line, column = (
            (int(marks[-1][0]), int(marks[-1][1])) if marks else _option_position(lines, candidates)
        )
        located.append(f"{path}:{line}:{column}: {message}")
    return located


# YAML's account of a problem, which names the place of each mark ('in "mkdocs.yml", line 64,
# column 1'): the last is where the problem is
_YAML_MARK = re.compile(r'in "[^"\n]*", line (\d+), column (\d+)')


def _option_position(lines: list[str], names: list[str]) -> tuple[int, int]:
    for name in names:
        pattern = re.compile(rf"^(\s*(?:-\s+)?){re.escape(name)}\s*:")
        for number, text in enumerate(lines, 1):
            found = pattern.match(text)
            if found:
                return number, len(found.group(1)) + 1
    return 1, 1


@contextmanager
def _mkdocs_warnings() -> Iterator[list[str]]:
    """MkDocs' own warnings while loading the configuration, collected instead of logged."""
    collected: list[str] = []

    class Collector(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            collected.append(record.getMessage())

    logger = logging.getLogger("mkdocs")
    handler = Collector(logging.WARNING)
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield collected
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def content_files(config: MkDocsConfig) -> Files:
    """The files of the content folder, as MkDocs lists them for a build: never through a
    link to a folder that holds the content folder, which it would follow for ever."""
    refuse_links_around(config.docs_dir)
    return get_files(config)
