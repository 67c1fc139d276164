"""Time the `newsroom` command on the BBC corpus: `import` of its 2,225 texts into a copy of the
demo portal, then `newsroom check` of the result against a clean `mkdocs build` of the same
site, in one run (the machine is shared: compare the ratio).

    python bench/commands.py [--corpus ../shared/corpus/bbc] [--repeat 3]

The corpus is read by path and imported into a temporary folder, never into the repository.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bbc import CORPUS, SECTIONS

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def timed(root: Path, *command: str) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=root, check=False, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsroom-commands-") as folder:
        root = Path(folder)
        shutil.copy(REPO / "mkdocs.yml", root)
        shutil.copytree(REPO / "content", root / "content")
        shutil.copytree(REPO / "overrides", root / "overrides")
        (root / "plugins").mkdir()
        newsroom = str(BIN / "newsroom")
        imported = 0.0
        for name, section, *_ in SECTIONS:
            imported += timed(
                root,
                newsroom,
                "import",
                str(options.corpus / name),
                "--section",
                section,
                "--author",
                "lena-fischer",
                "--date",
                "2005-03-01T10:00",
            )
        articles = sum(1 for _ in (root / "content" / "articles").rglob("*.txt"))
        check = min(timed(root, newsroom, "check") for _ in range(options.repeat))
        build = min(
            timed(root, str(BIN / "mkdocs"), "build", "--quiet") for _ in range(options.repeat)
        )
    print(f"newsroom import of {len(SECTIONS)} folders: {imported:.2f} s ({articles:,} .txt)")
    print(f"newsroom check: {check:.2f} s (fastest of {options.repeat})")
    print(
        f"mkdocs build:   {build:.2f} s (fastest of {options.repeat}); check/build = "
        f"{check / build:.2f}"
    )


if __name__ == "__main__":
    main()
