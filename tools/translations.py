"""Keep the translations of Newsroom's interface up to date, with Babel.

    .venv/bin/python tools/translations.py           # refresh newsroom.pot and every .po file
    .venv/bin/python tools/translations.py --check   # fail when it would change a file

The messages are extracted from the templates (`{% trans %}`, `_()`) and the Python code
(`gettext()`, `ngettext()`) into plugins/mkdocs_newsroom/locales/newsroom.pot; each language's
catalog, locales/<language>/LC_MESSAGES/newsroom.po, is then updated from it as `pybabel update`
does (new messages added untranslated, translations kept). Languages Material for MkDocs has no
words for also carry Material's interface strings, in context "material" (MATERIAL_KEYS).
A new language: `pybabel init -D newsroom -i .../newsroom.pot -d .../locales -l <language>`,
then this script. A message's place is its file without the line, and the catalogs' date is
kept while their messages are the same: a clean checkout is what the script writes, and an edit
elsewhere in a file leaves them as they are.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "mkdocs_newsroom"
LOCALES = PACKAGE / "locales"
TEMPLATE = LOCALES / "newsroom.pot"
METHODS = [("templates/**.html", "jinja2"), ("**.py", "python")]
OPTIONS = {"templates/**.html": {"extensions": "jinja2.ext.i18n"}}
# Material's words on a page, by its key, with its English (partials/languages/en.html), for
# a language Material has no translation of
MATERIAL_KEYS = {
    "language": "en",
    "direction": "ltr",
    "action.skip": "Skip to content",
    "announce.dismiss": "Don't show this again",
    "clipboard.copy": "Copy to clipboard",
    "clipboard.copied": "Copied to clipboard",
    "footer": "Footer",
    "header": "Header",
    "nav": "Navigation",
    "search": "Search",
    "search.placeholder": "Search",
    "search.reset": "Clear",
    "search.share": "Share",
    "search.result.initializer": "Initializing search",
    "search.result.placeholder": "Type to start searching",
    "search.result.none": "No matching documents",
    "search.result.one": "1 matching document",
    "search.result.other": "# matching documents",
    "search.result.more.one": "1 more on this page",
    "search.result.more.other": "# more on this page",
    "search.result.term.missing": "Missing",
    "select.language": "Select language",
    "tabs": "Tabs",
    "toc": "Table of contents",
    "top": "Back to top",
    # on a page of Material's with a repository, its footer, other plugins' words
    "source": "Go to repository",
    "action.edit": "Edit this page",
    "action.view": "View source of this page",
    "footer.next": "Next",
    "footer.previous": "Previous",
    "source.file.contributors": "Contributors",
    "source.file.date.created": "Created",
    "source.file.date.updated": "Last update",
    "select.version": "Select version",
    "consent.accept": "Accept",
    "consent.manage": "Manage settings",
    "consent.reject": "Reject",
}
WITH_MATERIAL = ("ps",)  # languages Material for MkDocs does not translate
_GENERATED = re.compile(rb'^"Generated-By: [^"\n]*"\n', re.MULTILINE)


def extracted() -> Catalog:
    template = Catalog(project="Newsroom", domain="newsroom", fuzzy=False)
    for filename, line, message, comments, context in extract_from_dir(
        PACKAGE, METHODS, OPTIONS, comment_tags=("Translators:",)
    ):
        template.add(message, None, [(filename, line)], auto_comments=comments, context=context)
    return template


def _written(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, sort_output=True, width=100, include_lineno=False)
    return buffer.getvalue()


def _read(path: Path) -> Catalog:
    with path.open("rb") as source:
        return read_po(source)


def catalogs() -> dict[Path, bytes]:
    """newsroom.pot and every language's catalog, as they should be."""
    template = extracted()
    now = template.creation_date
    template.creation_date = _read(TEMPLATE).creation_date if TEMPLATE.exists() else now
    if not _unchanged(TEMPLATE, _written(template)):
        template.creation_date = now  # the messages changed
    written = {TEMPLATE: _written(template)}
    for po in sorted(LOCALES.glob("*/LC_MESSAGES/newsroom.po")):
        written[po] = _written(_updated(_read(po), template, po.parent.parent.name))
    return written


def _unchanged(path: Path, data: bytes) -> bool:
    """Whether `path` holds `data`, whichever Babel wrote them (its version is in the header)."""
    return path.exists() and _GENERATED.sub(b"", path.read_bytes()) == _GENERATED.sub(b"", data)


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--check", action="store_true", help="only check, writing nothing")
    arguments = options.parse_args(argv)
    stale = {path: data for path, data in catalogs().items() if not _unchanged(path, data)}
    if arguments.check:
        for path in stale:
            print(f"tools/translations.py: {path.relative_to(PACKAGE)} is out of date: run it")
        return 1 if stale else 0
    for path, data in stale.items():
        path.write_bytes(data)
    return 0


def _updated(catalog: Catalog, template: Catalog, language: str) -> Catalog:
    """A language's `catalog` brought up to date with `template`, as `pybabel update` does."""
    material = {key: catalog.get(key, "material") for key in MATERIAL_KEYS}
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    if language in WITH_MATERIAL:
        for key, english in MATERIAL_KEYS.items():
            kept = material[key]
            catalog.add(
                key, kept.string if kept else "", auto_comments=[english], context="material"
            )
    catalog.fuzzy = False  # a fuzzy header would be left out of the compiled catalog
    return catalog


if __name__ == "__main__":
    sys.exit(main())
