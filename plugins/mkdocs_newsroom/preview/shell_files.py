"""The files Newsroom's pages share (icon sprites, shell scripts: rendering/shell_assets.py),
written after every build and, under `mkdocs serve`, only while a page uses them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..outputs.files import remove_files, write_outputs

if TYPE_CHECKING:
    from ..problems import Problem


@dataclass
class ShellFiles:
    """The shell's files the pages in the site folder use. A page rendered under `mkdocs
    serve` is kept while the site's key (its configuration, templates, navigation) is
    unchanged, and the files it uses with it: those made under the current key are written
    after every build (MkDocs may have emptied the folder), the others removed (`--dirty`
    keeps them)."""

    site_key: str = ""
    files: dict[str, str] = field(default_factory=dict)

    def write(self, site_dir: str, site_key: str, made: dict[str, str]) -> list[Problem]:
        problems = []
        if site_key != self.site_key:
            problems = remove_files(site_dir, sorted(self.files.keys() - made.keys()))[1]
            self.site_key, self.files = site_key, {}
        self.files.update(made)
        return [*problems, *write_outputs(site_dir, self.files)]
