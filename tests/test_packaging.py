"""The package as a newsroom installs it: a wheel, built with `pip wheel .`, installed into a
new virtual environment, builds and serves the demo portal on its own (no editable tree), and
starts a new portal that builds strictly with MkDocs and with ProperDocs."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from .commands import copy_demo, fetch, run, serving
from .sites import REPO

PACKAGE = "mkdocs_newsroom"


def _source(folder: Path) -> Path:
    """What the wheel is built from, copied out of the working tree: pip builds in the source
    folder (build/, *.egg-info), which must be neither the repository nor left-overs of it."""
    folder.mkdir(parents=True)
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(REPO / name, folder / name)
    leftovers = shutil.ignore_patterns("*.egg-info", "__pycache__")
    shutil.copytree(REPO / "plugins", folder / "plugins", ignore=leftovers)
    return folder


def _wheel(folder: Path) -> Path:
    source = _source(folder / "source")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(folder), str(source)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (wheel,) = folder.glob("*.whl")
    return wheel


def _environment_with(wheel: Path, folder: Path) -> Path:
    """A new virtual environment holding the wheel and what it depends on; its bin/."""
    venv.create(folder, with_pip=True)
    bin_dir = folder / "bin"
    pip = [str(bin_dir / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    subprocess.run(
        [*pip, str(wheel)],
        check=True,
        capture_output=True,
        timeout=900,
    )
    return bin_dir


def _package_files() -> set[str]:
    """Every file git keeps in the package: its code, templates, translations, starter."""
    listed = subprocess.run(
        ["git", "-C", str(REPO / "plugins"), "ls-files", "-z", PACKAGE],
        capture_output=True,
        check=True,
    ).stdout.decode()
    return {name for name in listed.split("\0") if name}


def test_a_wheel_holds_one_package_with_every_file_of_it(tmp_path: Path) -> None:
    """Every file of the package, not a list of some: the translations were once left out
    (the wheel's Pashto pages were in English, and the build only said so)."""
    wheel = _wheel(tmp_path)
    assert wheel.name.startswith(f"{PACKAGE}-")
    names = zipfile.ZipFile(wheel).namelist()
    top_level = {name.split("/")[0] for name in names if "/" in name}
    assert {PACKAGE} == {name for name in top_level if not name.endswith(".dist-info")}
    files = _package_files()
    assert f"{PACKAGE}/locales/ps/LC_MESSAGES/newsroom.po" in files
    assert f"{PACKAGE}/templates/news/article.html" in files
    assert sorted(files - set(names)) == []
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert f"newsroom = {PACKAGE}.plugin:NewsroomPlugin" in text
    assert f"newsroom = {PACKAGE}.cli.main:main" in text


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin/ of a new virtual environment with the wheel of this repository installed."""
    folder = tmp_path_factory.mktemp("installed")
    return _environment_with(_wheel(folder / "wheels"), folder / "env")


def test_the_installed_wheel_starts_a_portal_that_mkdocs_and_properdocs_build(
    installed: Path, tmp_path: Path
) -> None:
    """The issue's "done when": `newsroom init gazette && cd gazette && mkdocs build --strict`,
    and `properdocs build --strict`, from the wheel alone."""
    made = run(tmp_path, "newsroom", "init", "gazette", bin_dir=installed)
    assert made.returncode == 0, made.stderr
    gazette = tmp_path / "gazette"
    checked = run(gazette, "newsroom", "check", bin_dir=installed)  # a wheel of this machine's:
    assert checked.stdout.startswith("requirements.txt:")  # no line the workflow can install
    requirements = gazette / "requirements.txt"
    pinned = requirements.read_text(encoding="utf-8") + "mkdocs-newsroom==0.1.0\n"
    requirements.write_text(pinned, encoding="utf-8")
    checked = run(gazette, "newsroom", "check", bin_dir=installed)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    for engine in ("mkdocs", "properdocs"):
        built = run(gazette, engine, "build", "--strict", bin_dir=installed)
        assert built.returncode == 0, built.stderr
        assert "newsroom: published 1 article" in built.stderr, engine
        assert (gazette / "site/2026/11/26/welcome-to-the-gazette/index.html").is_file()
        assert (gazette / "site/assets/newsroom/newsroom.css").is_file()
        shutil.rmtree(gazette / "site")


def test_the_installed_wheel_builds_and_serves_the_demo(installed: Path, tmp_path: Path) -> None:
    bin_dir = installed
    where = subprocess.run(
        [str(bin_dir / "python"), "-c", f"import {PACKAGE}; print({PACKAGE}.__file__)"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    ).stdout.strip()
    assert where.startswith(str(installed.parent)), where
    portal = copy_demo(tmp_path / "portal")
    built = run(portal, "mkdocs", "build", "--strict", bin_dir=bin_dir)
    assert built.returncode == 0, built.stderr
    assert "newsroom: published" in built.stderr
    assert (portal / "site" / "assets" / "newsroom" / "search-worker.js").is_file()
    assert list((portal / "site").glob("2026/11/*/*/index.html"))
    assert run(portal, "newsroom", "check", bin_dir=bin_dir).returncode == 0
    as_module = run(portal, "python", "-m", PACKAGE, "check", bin_dir=bin_dir)
    assert as_module.returncode == 0, as_module.stderr
    assert "checked 10 articles: no problems" in as_module.stderr
    assert "is in English" not in built.stderr  # the catalogs came with the package
    pashto_front = (portal / "site" / "ps" / "index.html").read_text(encoding="utf-8")
    assert ">کور<" in pashto_front  # "Home" in the Pashto edition's tab strip
    with serving(portal, bin_dir) as base:
        status, front = fetch(base)
        css_status, css = fetch(f"{base}assets/newsroom/newsroom.css")
    assert status == 200 and "The Newsroom Gazette" in front
    assert css_status == 200 and css
