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
    {"__init__", "model", "problems", "hashing", "memo", "slugs", "urls", "clock"},
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
# The domain outlives MkDocs: none of this imports it, not even for type checking.
FREE_OF_MKDOCS = ["model", "problems", "hashing", "memo", "slugs", "urls", "clock", "reading"]
FREE_OF_MKDOCS += ["catalogue", "search", "outputs/feeds", "outputs/feed_files"]
FREE_OF_MKDOCS += ["outputs/sitemaps", "outputs/files", "settings/checked"]
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


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The package's modules that `name` imports anywhere in its file (TYPE_CHECKING
    blocks and functions included)."""
    is_package = path.name == "__init__.py"
    here = name.split(".") if is_package else name.split(".")[:-1]
    if name == "__init__":
        here = []
    imported: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - (node.level - 1)] if node.level > 1 else here
                module = ".".join([*base, *(node.module.split(".") if node.module else [])])
            elif node.module and node.module.startswith(PACKAGE):
                module = node.module.removeprefix(PACKAGE).lstrip(".")
            else:
                continue
            targets = [f"{module}.{alias.name}".lstrip(".") for alias in node.names]
            targets.append(module)
        elif isinstance(node, ast.Import):
            targets = [
                alias.name.removeprefix(PACKAGE).lstrip(".")
                for alias in node.names
                if alias.name.startswith(PACKAGE)
            ]
        for target in targets:
            if target in modules and target != name:
                imported.add(target)
    return imported


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


@pytest.mark.parametrize("part", FREE_OF_MKDOCS)
def test_the_domain_does_not_import_mkdocs(part: str) -> None:
    base = ROOT / part
    files = sorted(base.rglob("*.py")) if base.is_dir() else [base.with_suffix(".py")]
    assert files and all(path.is_file() for path in files), part
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            assert not any(n == "mkdocs" or n.startswith("mkdocs.") for n in names), path


def test_the_checks_above_see_imports_of_every_kind() -> None:
    """The import reader finds relative, absolute and type-checking imports, or the layout
    tests would pass on anything."""
    graph = _graph()
    assert "reading.frontmatter" in graph["reading.articles"]  # from .frontmatter import ...
    assert "settings.checked" in graph["reading.articles"]  # under TYPE_CHECKING
    assert "build.site_build" in graph["plugin"]
    assert "rendering.dates" in graph["rendering.context"]  # from . import dates
    assert _layer("catalogue.site") > _layer("reading.site")
