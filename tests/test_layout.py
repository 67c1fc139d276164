"""The package's layout: folders that follow the data, imports that run one way down the
pipeline, and modules small enough to read (docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .sites import REPO

PACKAGE = "mkdocs_newsroom"
ROOT = REPO / "plugins" / PACKAGE

# From the bottom up: a module may import from its own layer's folder and from the layers
# below it, never from a layer above.
LAYERS = [
    {
        "__init__",
        "model",
        "problems",
        "hashing",
        "memo",
        "slugs",
        "urls",
        "clock",
        "folding",
        "directions",
    },
    {"settings"},
    {"reading"},
    {"catalogue"},
    {"rendering"},
    {"outputs"},
    {"search"},
    {"preview"},
    {"build"},
    {"plugin"},
    {"cli", "__main__"},
]
# The domain outlives MkDocs: none of this imports it or Material, not even for type checking,
# nor does anything it imports.
FREE_OF_MKDOCS = ["model", "problems", "hashing", "memo", "slugs", "urls", "clock", "folding"]
FREE_OF_MKDOCS += ["reading"]
FREE_OF_MKDOCS += ["catalogue", "search", "outputs/feeds", "outputs/feed_files"]
FREE_OF_MKDOCS += [
    "outputs/sitemaps",
    "outputs/files",
    "outputs/wellformed",
    "outputs/build_record",
    "outputs/pictures",
]
FREE_OF_MKDOCS += ["settings/checked", "settings/article_url"]
ENGINE = ("mkdocs", "material")
MAX_ROOT_MODULES = 12
MAX_LINES = 400


def _modules() -> dict[str, Path]:
    """Dotted name (without the package) -> file, for every module of the package."""
    found = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__" and len(parts) > 1:
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _imported_names(name: str, path: Path) -> set[str]:
    """Every module name `name` imports anywhere in its file, absolute: statements in
    TYPE_CHECKING blocks and functions, and `importlib.import_module("...")` or
    `__import__("...")` with a literal name."""
    is_package = path.name == "__init__.py"
    here = name.split(".") if is_package else name.split(".")[:-1]
    if name == "__init__":
        here = []
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - (node.level - 1)] if node.level > 1 else here
                inside = ".".join([*base, *(node.module.split(".") if node.module else [])])
                module = f"{PACKAGE}.{inside}".rstrip(".")
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif (
            isinstance(node, ast.Call)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and (
                (isinstance(node.func, ast.Name) and node.func.id == "__import__")
                or (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")
            )
        ):
            found.add(node.args[0].value)
    return found


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The package's modules that `name` imports (see `_imported_names`)."""
    inside = {
        imported.removeprefix(PACKAGE).lstrip(".") or "__init__"
        for imported in _imported_names(name, path)
        if imported == PACKAGE or imported.startswith(f"{PACKAGE}.")
    }
    return {target for target in inside if target in modules and target != name}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def _layer(name: str) -> int:
    top = name.split(".")[0] or "__init__"
    return next(index for index, layer in enumerate(LAYERS) if top in layer)


def test_the_package_root_holds_few_modules_and_no_module_is_long() -> None:
    root_modules = sorted(path.name for path in ROOT.glob("*.py"))
    assert len(root_modules) <= MAX_ROOT_MODULES, root_modules
    long = {
        str(path.relative_to(ROOT)): lines
        for path in ROOT.rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_every_module_belongs_to_a_layer() -> None:
    layered = set().union(*LAYERS)
    outside = [name for name in _modules() if (name.split(".")[0] or "__init__") not in layered]
    assert outside == []
    assert len(_modules()) > 40  # the modules were found


def test_imports_run_one_way_down_the_pipeline() -> None:
    upward = [
        f"{name} imports {target}"
        for name, targets in _graph().items()
        for target in sorted(targets)
        if _layer(target) > _layer(name)
    ]
    assert upward == []


def test_no_import_cycle_even_for_type_checking() -> None:
    graph = _graph()
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(graph[name]):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def _uses_engine(name: str, path: Path) -> list[str]:
    return sorted(
        imported for imported in _imported_names(name, path) if imported.split(".")[0] in ENGINE
    )


@pytest.mark.parametrize("part", FREE_OF_MKDOCS)
def test_the_domain_does_not_import_mkdocs(part: str) -> None:
    modules = _modules()
    prefix = part.replace("/", ".")
    chosen = [name for name in modules if name == prefix or name.startswith(f"{prefix}.")]
    assert chosen, part
    graph = _graph()
    reached: set[str] = set()
    pending = list(chosen)
    while pending:  # everything the part imports, and what that imports
        name = pending.pop()
        if name not in reached:
            reached.add(name)
            pending.extend(graph[name])
    engine = {name: used for name in sorted(reached) if (used := _uses_engine(name, modules[name]))}
    assert engine == {}


def test_the_checks_above_see_imports_of_every_kind() -> None:
    """The import reader finds relative, absolute and type-checking imports, or the layout
    tests would pass on anything."""
    graph = _graph()
    assert "reading.frontmatter" in graph["reading.articles"]  # from .frontmatter import ...
    assert "settings.checked" in graph["reading.articles"]  # under TYPE_CHECKING
    assert "build.site_build" in graph["plugin"]
    assert "rendering.dates" in graph["rendering.context"]  # from . import dates
    assert _layer("catalogue.site") > _layer("reading.site")
    modules = _modules()
    assert _uses_engine("plugin", modules["plugin"])  # it imports mkdocs.plugins


def test_the_import_reader_sees_dynamic_and_engine_imports(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import importlib\n"
        "def late():\n"
        "    importlib.import_module('mkdocs_newsroom.build.site_build')\n"
        "    __import__('material.plugins')\n",
        encoding="utf-8",
    )
    names = _imported_names("reading.sample", sample)
    assert {"mkdocs_newsroom.build.site_build", "material.plugins"} <= names
    assert _imports("reading.sample", sample, _modules()) == {"build.site_build"}
