"""The `newsroom` command: `init`, `new`, `check`, `import` and `due`, run from the site's root
(where mkdocs.yml is; `-f` names another config; `init` makes one). Each subcommand hands its
arguments to one function (init.py, new.py, check.py, wire_import.py, due.py) and prints what
came back."""

from __future__ import annotations

import argparse
import math
import os
import shlex
import sys
from collections import Counter
from datetime import UTC
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from ..clock import now
from ..problems import FieldError, NewsroomError, one_line
from ..reading.texts import parse_datetime, skipped_local_time
from .check import check_site
from .due import DEADLINE, due_now
from .importing.placing import Sections, parse_section_map
from .importing.reading import IMPORTERS, read_archive
from .importing.writing import ImportOptions, import_archive
from .init import DEFAULT_SECTIONS, Portal, init_notes, init_portal
from .new import new_article
from .wire_import import import_wire
from .workspace import WorkspaceError, open_workspace
from .writing import Assignment, split_list

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from datetime import datetime

    from .workspace import Workspace


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _parser().parse_args(argv)
    if arguments.run is run_init:  # makes the site the other commands open
        try:
            return int(run_init(arguments))
        except NewsroomError as error:
            _error(str(error))
            return 1
    try:
        workspace = open_workspace(arguments.config_file)
        return int(arguments.run(workspace, arguments))
    except WorkspaceError as error:
        if arguments.run is run_check:  # problems, in the format of all the others
            for line in error.lines:
                _say(line)
            _progress("the configuration cannot be loaded, so nothing else was checked")
        else:
            for line in error.lines:
                _error(line)
        return 1
    except NewsroomError as error:
        _error(str(error))
        return 1


def run_init(arguments: argparse.Namespace) -> int:
    folder = Path(arguments.folder)
    name = arguments.name or _site_name(folder)
    portal = Portal(
        name,
        url=arguments.url or Portal.url,
        timezone=arguments.timezone or "UTC",
        sections=split_list([arguments.sections]) if arguments.sections else DEFAULT_SECTIONS,
        author=arguments.author or "",
        language=arguments.language,
    )
    done = init_portal(folder, portal, now(), force=arguments.force)
    for path in done.written:
        _say((folder / path).as_posix() if arguments.folder != "." else path.as_posix())
    for warning in done.warnings:
        _progress(f"warning: {warning}")
    kept = ", ".join(path.as_posix() for path in done.kept)
    kept = f"; {len(done.kept)} already there, left as they were ({kept})" if kept else ""
    for note in init_notes(arguments.timezone, arguments.url, arguments.language):
        _progress(note)
    _progress(f"wrote {len(done.written)} files for {name}{kept}. Next:")
    into = f"./{arguments.folder}" if arguments.folder.startswith("-") else arguments.folder
    steps = [] if arguments.folder == "." else [f"cd {shlex.quote(into)}"]
    if done.warnings:  # requirements.txt installs no Newsroom yet
        steps.append("write where Newsroom installs from on requirements.txt's last line")
    steps.append(
        f'newsroom new "Your first headline" --section {done.section} --author {done.author}'
    )
    steps.append("properdocs serve -f mkdocs.yml   # preview at http://127.0.0.1:8000")
    if len(steps) < 3:
        steps.append("properdocs build --strict -f mkdocs.yml")
    for step in steps:
        print(one_line(f"  {step}"), file=sys.stderr)
    readme = "README.md" if arguments.folder == "." else (folder / "README.md").as_posix()
    if Path("README.md") in done.written:  # not a README of the folder's own
        _progress(f"{readme} says how to publish it on GitHub Pages")
    return 0


def _site_name(folder: Path) -> str:
    """A name from the folder's: 'gazette' -> 'The Gazette', 'kabul-times' -> 'Kabul Times'."""
    words = folder.resolve().name.replace("-", " ").replace("_", " ").split()
    title = " ".join(word[:1].upper() + word[1:] for word in words) or "Newsroom"
    return f"The {title}" if len(words) == 1 else title


def run_new(workspace: Workspace, arguments: argparse.Namespace) -> int:
    assignment = _assignment(arguments, " ".join(arguments.headline.split()))
    date = _date(workspace, arguments.date)  # as given, or now to the minute
    date = date if arguments.date else date.replace(second=0)
    path = new_article(workspace, assignment, date, arguments.slug, _progress)
    _say(workspace.shown(path))
    return 0


def run_check(workspace: Workspace, arguments: argparse.Namespace) -> int:
    result = check_site(workspace, _progress, arguments.paths, fix_slugs=arguments.fix_slugs)
    for line in result.fixed:
        _progress(f"{line} (written)")
    for line in [*result.unfixed, *result.unchecked]:
        _progress(line)
    for line in [*result.setup, *result.problems]:
        _say(line)
    for line in result.notes:
        _progress(line)
    named = bool(arguments.paths)
    _progress(result.verdict(named))
    return 1 if result.counted(named) else 0


def run_import(workspace: Workspace, arguments: argparse.Namespace) -> int:
    if arguments.source_kind != "wire":
        return run_archive_import(workspace, arguments)
    if not arguments.section or not arguments.author:
        raise NewsroomError("wire copy needs --section and --author: the texts name neither")
    assignment = _assignment(arguments, "")
    date = _date(workspace, arguments.date)
    imported = skipped = drafts = 0
    for result in import_wire(
        workspace, Path(arguments.folder), assignment, date, title_line=arguments.title_line
    ):
        for notice in result.notices:
            _say(str(notice))
        source = workspace.shown(result.source)
        if result.path is None:
            skipped += 1
            _say(f"{source}: skipped: {result.reason}")
        else:
            imported, drafts = imported + 1, drafts + result.draft
            _say(f"{workspace.shown(result.path)} (from {source})")
    held = f" ({drafts} as drafts)" if drafts else ""
    if imported and not arguments.title_line:
        held = " as drafts (write their headlines, then remove 'draft: true')"
    _progress(f"imported {imported}{held}, skipped {skipped}")
    if imported and not workspace.settings.read_options.boilerplate:
        _progress(
            "no 'boilerplate' is set in mkdocs.yml, so an agency's footer lines stay in the "
            "stories; give the patterns of the lines to drop there (docs/editors-guide.md)"
        )
    return 0


def run_archive_import(workspace: Workspace, arguments: argparse.Namespace) -> int:
    """`newsroom import --from wordpress EXPORT.xml` or `--from material-blog DOCS_DIR`."""
    archive = read_archive(workspace, arguments.source_kind, Path(arguments.folder))
    source = workspace.shown(archive.source)
    for note in archive.notes:
        _say(f"{source}: {note}")
    options = ImportOptions(
        Sections(
            workspace.settings.sections,
            parse_section_map(arguments.section_map, workspace.settings.sections),
            arguments.section or "",
        ),
        split_list(arguments.author or []),
        arguments.lang,
    )
    counts: Counter[str] = Counter()
    for outcome in import_archive(workspace, archive, options, _say):
        if outcome.path is None:  # what it would have come in as is moot: why it did not
            counts["skipped"] += 1
            _say(f"{source}: {outcome.origin}: skipped: {outcome.reason}")
        else:
            for note in outcome.notes:
                _say(f"{source}: {outcome.origin}: {note}")
            counts["imported"] += 1
            counts[outcome.held_back] += 1
            _say(f"{workspace.shown(outcome.path)} (from {outcome.origin})")
    held = [f"{counts['draft']} as drafts"] if counts["draft"] else []
    held += [f"{counts['scheduled']} scheduled"] if counts["scheduled"] else []
    how = f" ({', '.join(held)})" if held else ""
    left = archive.not_imported
    kinds = ", ".join(f"{kind}: {count}" for kind, count in sorted(left.items()) if count)
    unread = f", not imported {left.total()} ({kinds})" if kinds else ""
    _progress(f"imported {counts['imported']}{how}, skipped {counts['skipped']}{unread}")
    return 0


def run_due(workspace: Workspace, arguments: argparse.Namespace) -> int:
    """`build=true` or `build=false` on standard output (for $GITHUB_OUTPUT), why on
    standard error."""
    commit = arguments.commit if arguments.commit is not None else os.environ.get("GITHUB_SHA")
    decision, trouble = due_now(
        workspace, arguments.deployed, commit or "", arguments.deadline, _progress
    )
    if trouble:
        _progress(trouble)
    _say(f"build={'true' if decision.build else 'false'}")
    _progress(f"{'build' if decision.build else 'no build'}: {decision.reason}")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsroom", description="Write, check and import the articles of a Newsroom site."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    init = commands.add_parser(
        "init",
        help="start a new portal in an empty folder",
        description="Start a new portal in an empty folder: mkdocs.yml, authors, a sample "
        "story, an About page, the publishing workflow and a README for the desk.",
    )
    init.add_argument("folder", nargs="?", default=".", help="where (default: here)")
    init.add_argument("--name", help="the site's name (default: from the folder's)")
    init.add_argument("--url", help="the site's address (default: https://example.org/)")
    init.add_argument("--timezone", help="IANA time zone, e.g. Asia/Kabul (default: UTC)")
    init.add_argument(
        "--sections",
        help=f"section titles, comma-separated (default: {','.join(DEFAULT_SECTIONS)})",
    )
    init.add_argument("--author", help="the first author's name (default: '<name> desk')")
    init.add_argument(
        "--language", default="en", help="the site's language: en, es, fr, ps... (default: en)"
    )
    init.add_argument("--force", action="store_true", help="add the missing files only")
    init.set_defaults(run=run_init)

    new = _command(commands, "new", run_new, "start a new article with complete front matter")
    new.add_argument("headline", help="the headline, in quotes")
    _story_options(new)
    new.add_argument("--tags", action="append", default=[], help="tags, comma-separated")
    new.add_argument("--draft", action="store_true", help="hold it back as a draft")
    new.add_argument(
        "--summary", default="", help="the standfirst (default: none, the first paragraph)"
    )
    new.add_argument("--slug", default="", help="the file name and URL segment to use")
    new.add_argument("--date", help="publication time (ISO 8601); default: now")

    check = _command(commands, "check", run_check, "find every problem a build would warn about")
    check.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="only these files or folders (from here, or from the content folder)",
    )
    check.add_argument(
        "--fix-slugs",
        action="store_true",
        help="write into each article without a 'slug' the one its URL has now",
    )

    wire = _command(
        commands,
        "import",
        run_import,
        "turn wire texts, a WordPress export or a Material blog into articles",
    )
    wire.add_argument(
        "folder",
        metavar="SOURCE",
        help="the folder of raw texts; with --from: the export file, or the blog's docs folder",
    )
    wire.add_argument(
        "--from",
        dest="source_kind",
        choices=IMPORTERS,
        default="wire",
        help="what SOURCE is (default: wire, a folder of plain texts)",
    )
    _story_options(wire, required=False)
    wire.add_argument(
        "--section-map",
        action="append",
        default=[],
        metavar="CATEGORY=SECTION",
        help="the section of a category of the archive (repeat, or a,b)",
    )
    wire.add_argument(
        "--no-title-line",
        dest="title_line",
        action="store_false",
        help="the texts have no headline line: draw it from the first sentence, as a draft",
    )
    wire.add_argument("--date", help="publication time (ISO 8601); default: now")

    due = _command(commands, "due", run_due, "say whether the deployed site needs building again")
    due.add_argument(
        "--deployed",
        metavar="URL",
        help="the deployed site (or a folder with a built one); default: site_url",
    )
    due.add_argument("--commit", help="the commit this run would build; default: $GITHUB_SHA")
    due.add_argument(
        "--deadline",
        type=_seconds,
        default=DEADLINE,
        metavar="SECONDS",
        help=f"give up fetching the deployed record after this long (build); default: {DEADLINE:g}",
    )
    return parser


def _seconds(text: str) -> float:
    """A number of seconds given on the command line: more than none, and finite."""
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not 0 < seconds < math.inf:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds above 0")
    return seconds


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    run: Callable[[Workspace, argparse.Namespace], int],
    summary: str,
) -> argparse.ArgumentParser:
    command = commands.add_parser(name, help=summary, description=summary[0].upper() + summary[1:])
    command.add_argument(
        "-f",
        "--config-file",
        metavar="FILE",
        help="the site's MkDocs configuration (default: mkdocs.yml here)",
    )
    command.set_defaults(run=run)
    return command


def _story_options(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    parser.add_argument("--section", required=required, help="a section id from mkdocs.yml")
    parser.add_argument(
        "--author", action="append", required=required, help="an author id (repeat, or a,b)"
    )
    parser.add_argument("--lang", default="", help="the language, if not the first edition's")


def _assignment(arguments: argparse.Namespace, headline: str) -> Assignment:
    return Assignment(
        headline,
        arguments.section,
        split_list(arguments.author),
        split_list(getattr(arguments, "tags", [])),
        draft=getattr(arguments, "draft", False),
        lang=arguments.lang,
        summary=" ".join(getattr(arguments, "summary", "").split()),
    )


def _date(workspace: Workspace, text: str | None) -> datetime:
    if text is None:
        return now()
    zone = workspace.settings.timezone
    try:
        moment = parse_datetime(text, zone)
    except FieldError as error:
        raise NewsroomError(f"--date: {error}") from None
    if skipped := skipped_local_time(text, moment, zone):  # said as the build says it
        _progress(f"--date: {skipped}")
        return moment.astimezone(UTC).astimezone(zone)  # the time it was read as, there
    return moment


def _say(line: str) -> None:
    """One line on standard output; what it quotes from files and their names cannot break it
    into two or reach the terminal as escapes (problems.one_line)."""
    print(one_line(line))


def _progress(line: str) -> None:
    print(one_line(f"newsroom: {line}"), file=sys.stderr)


def _error(line: str) -> None:
    print(one_line(f"newsroom: error: {line.removeprefix('newsroom: ')}"), file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
