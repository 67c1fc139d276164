"""The theme's templates compiled once and kept on disk between builds
(`.cache/newsroom/templates/`, beside the picture cache). Compiling Material's and the plugin's
templates (about 50) is a quarter of a small site's build; Jinja files each compiled template
under its name and a checksum of its source, and its own and Python's version, so an edited
template or an upgraded Jinja compiles again."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import FileSystemBytecodeCache, FileSystemLoader

from ..outputs.pictures.store import cache_folder
from ..rendering.editions import lend_material_words

if TYPE_CHECKING:
    from collections.abc import Collection

    from jinja2 import Environment
    from jinja2.bccache import Bucket, BytecodeCache
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.theme import Theme

SUBFOLDER = "templates"


class KeptTemplates(FileSystemBytecodeCache):
    """A cache that cannot be written or read is only slower, never a failed build."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, ValueError, EOFError):
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def kept_templates(setting: str, config_dir: str, outside: Collection[str]) -> KeptTemplates | None:
    """The cache in `templates/` of the picture cache's folder (`setting`, relative to
    `config_dir`, or NEWSROOM_CACHE_DIR); None when it lies in one of the `outside` folders
    (the content folder would publish it, MkDocs empties the site folder) or cannot be made."""
    folder = cache_folder(setting, config_dir, os.environ, SUBFOLDER)
    for inside in outside:
        outer = Path(inside).absolute()
        if folder == outer or outer in folder.parents:
            return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return KeptTemplates(str(folder))


def site_templates(config: MkDocsConfig, setting: str) -> KeptTemplates | None:
    """`kept_templates` of the site of `config`, outside its content and site folders
    (`setting`: the plugin's picture_cache_dir; none when it is empty: the build fails)."""
    if not setting.strip():
        return None
    return kept_templates(setting, config_folder(config), (config.docs_dir, config.site_dir))


def tune_theme(theme: Theme, cache: BytecodeCache | None) -> None:
    """Every Jinja environment `theme` makes from now on keeps its compiled templates in
    `cache`, lists the theme's files without its hidden folders, and has Material's words in
    the theme's language where Material has none (`lend_material_words`). MkDocs makes one for
    each plugin that asks: Material's search asks three times in its on_config, for its
    language template (60 ms of every build compiling it, 6 ms loading it compiled)."""
    make = theme.get_env
    language = f"{theme.get('language')}"  # as Material's templates name its words' file

    def get_env() -> Environment:
        env = make()
        lend_material_words(env, language)
        if cache is not None:
            env.bytecode_cache = cache
        loader = env.loader
        if type(loader) is FileSystemLoader:
            env.loader = VisibleFiles(loader.searchpath, loader.encoding, loader.followlinks)
        return env

    theme.get_env = get_env  # type: ignore[method-assign]


class VisibleFiles(FileSystemLoader):
    """The theme's templates, listed without walking its hidden folders. MkDocs lists them to
    copy the theme's files into the site, then leaves out every path with a part that starts
    with a dot: Material's 14,348 icons, in `.icons/`, were walked and filtered at every
    build (80 ms). Templates are found as before (`get_source` is Jinja's)."""

    def list_templates(self) -> list[str]:
        found = set()
        for searchpath in self.searchpath:
            for folder, folders, files in os.walk(searchpath, followlinks=self.followlinks):
                folders[:] = [name for name in folders if not name.startswith(".")]
                for name in files:
                    found.add(Path(folder, name).relative_to(searchpath).as_posix())
        return sorted(found)


def config_folder(config: MkDocsConfig) -> str:
    """The folder of mkdocs.yml, which relative paths of the plugin's options start from."""
    path = config.config_file_path
    return str(Path(path).absolute().parent if path else Path.cwd())
