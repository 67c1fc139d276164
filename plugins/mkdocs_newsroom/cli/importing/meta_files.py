"""The `.meta.yml` files of a Material blog: front matter given per folder (Material's meta
plugin), merged into each post's as Material merges it.

Their name is the meta plugin's `meta_file` in the blog's mkdocs.yml (`**/.meta.yml` by default).
Every `.meta.yml` from the docs folder down to the post's own folder applies, the nearer one
winning; the post's own front matter wins over all. Mappings are merged key by key, lists are
joined (a folder's tags and the post's). A `.meta.yml` that cannot be read could hold
`draft: true`: the posts under it are held back as drafts (when in doubt, do not publish).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fnmatch import fnmatch
from typing import TYPE_CHECKING, Any

from ...problems import ArticleError
from ...reading.decoding import decode_source
from ...reading.files import leads_outside
from ...reading.frontmatter import load_document

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

META_FILE = ".meta.yml"
_PLUGIN_NAMES = ("meta", "material/meta")


def meta_file_name(config: Mapping[str, Any]) -> str:
    """The name of the meta files, from the `meta_file` (`**/.meta.yml`) of the meta plugin's
    options in the blog's mkdocs.yml `config`, if it gives one."""
    plugins = config.get("plugins")
    if isinstance(plugins, dict):
        entries = list(plugins.items())
    elif isinstance(plugins, list):
        entries = [next(iter(p.items())) for p in plugins if isinstance(p, dict) and len(p) == 1]
    else:
        entries = []
    for name, options in entries:
        if name in _PLUGIN_NAMES and isinstance(options, dict):
            pattern = options.get("meta_file")
            if isinstance(pattern, str) and pattern.strip():
                return pattern.strip().rsplit("/", 1)[-1]
    return META_FILE


@dataclass
class FolderMeta:
    """The values each folder's `.meta.yml` gives (read once), and what could not be read."""

    docs_dir: Path
    name: str = META_FILE  # the files' name: a glob's last part (`.meta.yml`, `*.meta.yml`)
    own: dict[Path, dict[str, Any]] = field(default_factory=dict)
    troubles: dict[Path, str] = field(default_factory=dict)  # folder -> why it is unread

    def values_for(self, folder: Path) -> tuple[dict[str, Any], list[str]]:
        """The values the `.meta.yml` files give a post in `folder`, and a line for each of
        them that could not be read."""
        chain = [folder, *folder.parents]
        outward = chain[: chain.index(self.docs_dir) + 1] if self.docs_dir in chain else [folder]
        values: dict[str, Any] = {}
        troubles = []
        for each in reversed(outward):  # from the docs folder in: the nearer one wins
            if each not in self.own and each not in self.troubles:
                self._read(each)
            if each in self.troubles:
                troubles.append(self.troubles[each])
            values = merged(values, self.own.get(each, {}))
        return values, troubles

    def _read(self, folder: Path) -> None:
        self.own[folder] = {}
        try:
            found = sorted(path for path in folder.iterdir() if fnmatch(path.name, self.name))
        except OSError as error:
            shown = folder.relative_to(self.docs_dir).as_posix()
            self.troubles[folder] = f"{shown}/ cannot be listed ({error.strerror})"
            return
        for path in found:
            trouble = self._read_file(folder, path)
            if trouble:
                self.troubles[folder] = trouble
                return

    def _read_file(self, folder: Path, path: Path) -> str:
        """Read one meta file into its folder's values; what is wrong with it, or ''."""
        shown = path.relative_to(self.docs_dir).as_posix()
        if leads_outside(path, self.docs_dir):
            return f"{shown} is a symbolic link to a file outside the blog"
        try:
            document = load_document(shown, decode_source(shown, path.read_bytes()).text)
        except OSError as error:
            return f"{shown} cannot be read ({error.strerror})"
        except ArticleError as error:
            return str(error)
        if document is not None and not isinstance(document, dict):
            return f"{shown} is not a mapping of fields"
        values = {str(key): value for key, value in (document or {}).items()}
        self.own[folder] = merged(self.own[folder], values)
        return ""


def merged(base: Mapping[str, Any], nearer: Mapping[str, Any]) -> dict[str, Any]:
    """`base` with `nearer`'s values over it: mappings merged, lists joined."""
    values = dict(base)
    for key, value in nearer.items():
        earlier = values.get(key)
        if isinstance(earlier, dict) and isinstance(value, dict):
            values[key] = merged(earlier, value)
        elif isinstance(earlier, list) and isinstance(value, list):
            values[key] = [*earlier, *value]
        else:
            values[key] = value
    return values


def held_back_by(troubles: list[str]) -> str:
    """The note of a post held back because a `.meta.yml` above it could not be read."""
    return (
        f"{'; '.join(troubles)}; it could set 'draft: true', so the post is held back as a "
        "draft: fix the file, then check the post"
    )
