"""`newsroom init`: a new portal in an empty folder that builds strictly at once, with MkDocs and
with ProperDocs, checks clean, takes the story `newsroom new` writes, and carries the
publishing workflow of this repository (no secret); `newsroom check` warns of Zensical."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser

from .commands import ENV, newsroom, run
from .sites import REPO
from .test_publishing import WORKFLOW, actionlint

FILES = [
    ".github/workflows/publish.yml",
    ".gitignore",
    "README.md",
    "content/about.md",
    "content/articles/2026/11/welcome.md",  # this month's folder (DEMO_NOW)
    "content/authors.yml",
    "content/images/logo.svg",  # the publisher's logo search engines show
    "mkdocs.yml",
    "overrides/main.html",
    "requirements.txt",
]


def _files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def gazette(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("init")
    made = newsroom(where, "init", "gazette")
    assert made.returncode == 0, made.stderr
    assert made.stdout.split() == [f"gazette/{name}" for name in FILES]
    readme = (where / "gazette/README.md").read_text(encoding="utf-8")
    assert f"{INSTALL_ALL}\npip install {REPO}   # Newsroom itself, for now" in readme
    assert made.stderr.splitlines() == [
        "newsroom: warning: requirements.txt: Newsroom was installed here from "
        f"{REPO.as_uri()}, which the publishing workflow cannot install; write where it can "
        "be installed from on its last line (a git URL and commit, or a version on your "
        "package index)",
        "newsroom: the time zone is UTC: dates written without a zone are read in it, and pages "
        "show times in it; set 'timezone' in mkdocs.yml (an IANA name such as Asia/Kabul), or "
        "give --timezone",
        "newsroom: the site's address is https://example.org/ until you give --url or set "
        "site_url in mkdocs.yml: the publishing workflow gives the site GitHub Pages' own "
        "address, but a site you upload yourself needs its real one (links, feeds and sitemaps "
        "use it)",
        "newsroom: wrote 10 files for The Gazette. Next:",
        "  cd gazette",
        "  write where Newsroom installs from on requirements.txt's last line",
        '  newsroom new "Your first headline" --section world --author the-gazette-desk',
        "  properdocs serve -f mkdocs.yml   # preview at http://127.0.0.1:8000",
        "newsroom: gazette/README.md says how to publish it on GitHub Pages",
    ]
    return where / "gazette"


def test_init_writes_a_small_portal(gazette: Path) -> None:
    assert _files(gazette) == FILES
    config = (gazette / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_name: "The Gazette"\n' in config
    assert 'site_url: !ENV [NEWSROOM_SITE_URL, "https://example.org/"]' in config
    assert 'copyright: "© The Gazette"\n' in config
    theme = yaml.load(config, Loader=yaml.BaseLoader)["theme"]
    assert theme["logo"] == theme["favicon"] == "images/logo.svg"  # in the header, the tab
    logo = (gazette / "content/images/logo.svg").read_text(encoding="utf-8")
    assert ">G</text>" in logo  # The Gazette's G, not the T of "The"
    assert "  name: material\n" in config
    newsroom_options = yaml.load(config, Loader=yaml.BaseLoader)["plugins"][1]["newsroom"]
    assert newsroom_options["timezone"] == "UTC"
    assert newsroom_options["markdown_engine"] == "commonmark"  # a new portal's, docs say why
    assert list(newsroom_options["sections"]) == [
        "world",
        "politics",
        "business",
        "sport",
        "technology",
        "culture",
    ]
    authors = yaml.safe_load((gazette / "content/authors.yml").read_text(encoding="utf-8"))
    assert authors == {
        "the-gazette-desk": {
            "name": "The Gazette desk",
            "type": "organization",  # a desk: search engines are told it is no person
            "role": "News desk",  # an organization's words, not a person's
            "bio": "The stories The Gazette's newsroom writes together.",
        }
    }
    pin = (gazette / "requirements.txt").read_text(encoding="utf-8").splitlines()[-1]
    assert pin == "# mkdocs-newsroom @ git+https://github.com/OWNER/REPO@COMMIT"  # editable here
    texts = [path.read_text(encoding="utf-8") for path in gazette.rglob("*") if path.is_file()]
    assert len(texts) == 10 and not any("@@" in text for text in texts)


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_the_portal_builds_strictly_at_once(gazette: Path, tmp_path: Path, engine: str) -> None:
    site = tmp_path / "site"
    built = run(gazette, engine, "build", "--strict", "-f", "mkdocs.yml", "-d", str(site))
    assert built.returncode == 0, built.stderr
    assert "newsroom: published 1 article, skipped 0" in built.stderr
    story = (site / "2026/11/26/welcome-to-the-gazette/index.html").read_text(encoding="utf-8")
    assert "<h1" in story and "Welcome to The Gazette" in story
    assert "The Gazette desk" in story
    assert '"@type":"Organization","name":"The Gazette desk"' in story
    for page in ("index.html", "about/index.html", "section/world/index.html", "feed.xml"):
        assert (site / page).is_file(), page
    assert (site / "newsroom-build.json").is_file()


def test_the_portal_checks_clean_and_takes_a_new_story(gazette: Path, tmp_path: Path) -> None:
    """Clean once requirements.txt says where Newsroom installs from: until then `check` says
    that the publishing workflow cannot build it (a newcomer's workflow failed on each run)."""
    copy = tmp_path / "gazette"
    shutil.copytree(gazette, copy)
    checked = newsroom(copy, "check")
    assert checked.returncode == 1
    assert checked.stdout.startswith(
        "requirements.txt:7:1: no line installs Newsroom, so the publishing workflow cannot "
        "build the site; write on this line where it installs from"
    )
    # a reporter checking their own story: the site's set-up is told, not counted
    story = next((copy / "content/articles").rglob("*.md"))
    own = newsroom(copy, "check", story.relative_to(copy).as_posix())
    assert own.returncode == 0, own.stdout + own.stderr
    assert own.stdout.startswith("requirements.txt:7:1: no line installs Newsroom")
    assert own.stderr.endswith(
        "checked 1 article: no problems; 1 problem of the site's set-up, above, for its editor "
        "(counted when no file is named)\n"
    )
    requirements = copy / "requirements.txt"
    pinned = requirements.read_text(encoding="utf-8") + "mkdocs-newsroom==0.1.0\n"
    requirements.write_text(pinned, encoding="utf-8")
    checked = newsroom(copy, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "checked 1 article: no problems" in checked.stderr
    portal = tmp_path / "portal"
    assert newsroom(tmp_path, "init", "portal", "--sections", "Local news,Sport").returncode == 0
    written = newsroom(
        portal, "new", "Your first headline", "--section", "local-news", "--author",
        "the-portal-desk",
    )  # fmt: skip
    assert written.returncode == 0, written.stderr
    story = portal / written.stdout.strip()
    story.write_text(story.read_text("utf-8") + "The story.\n", encoding="utf-8")
    built = run(portal, "mkdocs", "build", "--strict")
    assert built.returncode == 0, built.stderr
    assert "published 2 articles" in built.stderr
    assert (portal / "site/section/local-news/index.html").is_file()


def test_the_portal_s_workflow_is_this_repository_s_and_needs_no_secret(gazette: Path) -> None:
    workflow = gazette / ".github/workflows/publish.yml"
    assert workflow.read_bytes() == WORKFLOW.read_bytes()
    assert actionlint(workflow) == []
    assert "secrets." not in workflow.read_text(encoding="utf-8")


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "notes.txt").write_text("mine\n", encoding="utf-8")
    refused = newsroom(tmp_path, "init", "site")
    assert refused.returncode == 1
    assert refused.stderr == (
        "newsroom: error: site is not empty (notes.txt); newsroom init writes a portal into an "
        "empty folder: give a new folder's name, or add --force to write only the missing "
        "files\n"
    )
    assert _files(tmp_path / "site") == ["notes.txt"]


def test_force_adds_only_the_missing_files(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()  # a repository made first is still an empty folder
    (tmp_path / "mkdocs.yml").write_text("site_name: Mine\n", encoding="utf-8")
    refused = newsroom(tmp_path, "init")
    assert refused.returncode == 1 and "(mkdocs.yml)" in refused.stderr
    added = newsroom(tmp_path, "init", "--force")
    assert added.returncode == 0, added.stderr
    assert "mkdocs.yml" not in added.stdout.split()
    assert "1 already there, left as they were (mkdocs.yml)" in added.stderr
    assert (tmp_path / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: Mine\n"
    # a portal already (its mkdocs.yml): its stories are its own, no sample story again
    sample = "content/articles/2026/11/welcome.md"
    assert [name for name in _files(tmp_path) if not name.startswith(".git/")] == [
        name for name in FILES if name != sample
    ]


def test_force_after_the_first_day_brings_back_no_sample_story(tmp_path: Path) -> None:
    """The editor renamed the sections and deleted the sample story, then ran `init --force`
    to get a lost file back: the story came back, in a section the site no longer has."""
    assert newsroom(tmp_path, "init", "portal", "--sections", "Local,Opinion").returncode == 0
    root = tmp_path / "portal"
    (root / "content/articles/2026/11/welcome.md").unlink()
    (root / "content/about.md").unlink()
    again = newsroom(root, "init", "--force")
    assert again.returncode == 0, again.stderr
    assert again.stdout.split() == ["content/about.md"]
    assert not list((root / "content/articles").rglob("*.md"))
    built = run(root, "mkdocs", "build", "--strict")
    assert built.returncode == 0, built.stderr


@pytest.mark.parametrize("authors", ["jdoe:\n  name: Jane Doe\n", "[broken\n"])
def test_force_over_a_site_s_own_authors_and_readme_credits_one_of_its_authors(
    tmp_path: Path, authors: str
) -> None:
    """The authors file kept: the sample story credits its first author (or init says the
    file names none), and the README init did not write is not said to say how to publish."""
    (tmp_path / "content").mkdir()
    (tmp_path / "content/authors.yml").write_text(authors, encoding="utf-8")
    (tmp_path / "README.md").write_text("MY OWN\n", encoding="utf-8")
    added = newsroom(tmp_path, "init", "--force")
    assert added.returncode == 0, added.stderr
    assert "says how to publish" not in added.stderr
    if authors.startswith("jdoe"):
        assert "--author jdoe" in added.stderr
        built = run(tmp_path, "mkdocs", "build", "--strict")
        assert built.returncode == 0, built.stderr
    else:
        assert "content/authors.yml was there already, and names no author" in added.stderr


def test_init_takes_the_site_s_name_zone_and_sections(tmp_path: Path) -> None:
    made = newsroom(
        tmp_path, "init", "kabul", "--name", 'The "Kabul" Times', "--timezone", "Asia/Kabul",
        "--sections", "World, Local news, iPhone", "--url", "https://news.example.org",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    config = yaml.load((tmp_path / "kabul/mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    assert config["site_name"] == 'The "Kabul" Times'
    options = config["plugins"][1]["newsroom"]
    assert options["timezone"] == "Asia/Kabul"
    assert options["sections"] == {  # the titles as given
        "world": {"title": "World", "order": "1"},
        "local-news": {"title": "Local news", "order": "2"},
        "iphone": {"title": "iPhone", "order": "3"},
    }
    story = next((tmp_path / "kabul/content/articles").rglob("welcome.md")).read_text("utf-8")
    assert "date: 2026-11-26T09:00:00+04:30\n" in story  # DEMO_NOW, in Kabul
    assert "section: world\n" in story
    built = run(tmp_path / "kabul", "mkdocs", "build", "--strict")
    assert built.returncode == 0, built.stderr
    assert '"https://news.example.org/"' in (tmp_path / "kabul/mkdocs.yml").read_text("utf-8")

    dashed = newsroom(tmp_path, "init", "--", "--desk")  # `cd --desk` reads as an option
    assert dashed.returncode == 0, dashed.stderr
    assert "  cd ./--desk\n" in dashed.stderr

    wrong = newsroom(tmp_path, "init", "elsewhere", "--timezone", "Kabul")
    assert wrong.returncode == 1
    assert "timezone 'Kabul' is unknown; use an IANA name" in wrong.stderr
    assert not (tmp_path / "elsewhere").exists()


def test_check_warns_that_zensical_would_ignore_the_plugin(gazette: Path, tmp_path: Path) -> None:
    portal = tmp_path / "portal"
    assert newsroom(tmp_path, "init", "portal").returncode == 0
    (portal / "zensical.toml").write_text('[project]\nsite_name = "Portal"\n', encoding="utf-8")
    (portal / "requirements.txt").write_text("mkdocs-newsroom==0.1.0\n", encoding="utf-8")
    checked = newsroom(portal, "check")
    assert checked.returncode == 1
    assert checked.stdout.startswith(
        "zensical.toml:1:1: Zensical would build this site without Newsroom (it runs only the "
        "plugins it re-implemented, and newsroom is not one)"
    )
    assert "1 problem" in checked.stderr


def test_the_demo_portal_is_published_by_the_same_workflow() -> None:
    text = (REPO / "requirements.txt").read_text(encoding="utf-8")
    assert [line for line in text.splitlines() if not line.startswith("#")] == ["."]


def test_the_newsroom_command_leaves_material_s_notice_alone(tmp_path: Path) -> None:
    """Material's end-of-life notice is silenced by NO_MKDOCS_2_WARNING: the tests set it, a
    `newsroom` command must not (it would hide the notice from every build it runs)."""
    code = (
        "import os, sys\n"
        "from mkdocs_newsroom.cli.main import main\n"
        "status = main(['init', 'portal'])\n"
        "print(status, os.environ.get('NO_MKDOCS_2_WARNING'))\n"
    )
    env = {key: value for key, value in ENV.items() if key != "NO_MKDOCS_2_WARNING"}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.stdout.splitlines()[-1] == "0 None", done.stderr


INSTALLED_FROM = {
    "index": (None, "mkdocs-newsroom==0.1.0", ""),
    "git": (
        {
            "url": "https://github.com/example/newsroom",
            "vcs_info": {"vcs": "git", "commit_id": "0123456789abcdef0123456789abcdef01234567"},
        },
        "mkdocs-newsroom @ git+https://github.com/example/newsroom"
        "@0123456789abcdef0123456789abcdef01234567",
        "",
    ),
    "wheel-on-the-web": (
        {"url": "https://example.org/mkdocs_newsroom-0.1.0-py3-none-any.whl", "archive_info": {}},
        "mkdocs-newsroom @ https://example.org/mkdocs_newsroom-0.1.0-py3-none-any.whl",
        "",
    ),
    "wheel-file": (
        {"url": "file:///tmp/mkdocs_newsroom-0.1.0-py3-none-any.whl", "archive_info": {}},
        "# mkdocs-newsroom @ git+https://github.com/OWNER/REPO@COMMIT",
        "installed here from file:///tmp/mkdocs_newsroom-0.1.0-py3-none-any.whl, which the "
        "publishing workflow cannot install",
    ),
    "git-on-this-machine": (
        {
            "url": "file:///home/me/newsroom",
            "vcs_info": {"vcs": "git", "commit_id": "0123456789abcdef0123456789abcdef01234567"},
        },
        "# mkdocs-newsroom @ git+https://github.com/OWNER/REPO@COMMIT",
        "installed here from file:///home/me/newsroom, which the publishing workflow cannot",
    ),
    "editable-folder": (
        {"url": "file:///home/me/newsroom", "dir_info": {"editable": True}},
        "# mkdocs-newsroom @ git+https://github.com/OWNER/REPO@COMMIT",
        "installed here from file:///home/me/newsroom, which the publishing workflow cannot",
    ),
}


INSTALL_ALL = "pip install -r requirements.txt"


@pytest.mark.parametrize("origin", list(INSTALLED_FROM))
def test_requirements_install_the_newsroom_that_made_the_portal(
    tmp_path: Path, origin: str
) -> None:
    """PEP 610: pip records in direct_url.json where a package came from (nothing for a
    package index). A dist-info folder first on the path is what importlib.metadata reads."""
    direct, pin, warning = INSTALLED_FROM[origin]
    found = tmp_path / "found"
    info = found / "mkdocs_newsroom-0.1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: mkdocs-newsroom\nVersion: 0.1.0\n", "utf-8"
    )
    if direct is not None:
        (info / "direct_url.json").write_text(json.dumps(direct), encoding="utf-8")
    env = {**ENV, "PYTHONPATH": str(found)}
    code = "import sys\nfrom mkdocs_newsroom.cli.main import main\nsys.exit(main(sys.argv[1:]))"
    made = subprocess.run(
        [sys.executable, "-c", code, "init", "portal"],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    text = (tmp_path / "portal" / "requirements.txt").read_text(encoding="utf-8")
    assert text.splitlines()[-1] == pin
    # the docs links: beside the commit installed, when it is a GitHub repository's
    docs = "https://github.com/example/newsroom/tree/0123456789abcdef0123456789abcdef01234567/docs"
    if origin != "git":
        docs = "https://github.com/OWNER/REPO/tree/main/docs"  # to fill in, as the README says
    config = (tmp_path / "portal" / "mkdocs.yml").read_text(encoding="utf-8")
    assert f"# {docs}/configuration.md\n" in config
    readme = (tmp_path / "portal" / "README.md").read_text("utf-8")
    assert f"(on GitHub, `{docs}`)" in readme
    assert (warning in made.stderr) if warning else ("warning" not in made.stderr)
    # the set-up the README gives installs Newsroom: from where it came, on this machine
    setup = readme.split("## Set up once\n\n```sh\n", 1)[1].split("```", 1)[0].splitlines()
    assert setup[:2] == ["python3 -m venv .venv && . .venv/bin/activate", INSTALL_ALL]
    local = urlsplit(direct["url"]).path if direct and not pin.startswith("mkdocs") else None
    assert setup[2:] == (
        [f"pip install {local}   # Newsroom itself, for now: see below"] if local else []
    )


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["--sections", "No,Off,2026,Null,Yes", "--author", "Yes"], ""),
        (["--sections", "0,1,2", "--author", "Null"], ""),
        (["--name", "@@SITE_URL@@", "--sections", "On"], ""),
        # written as browsers send it (the build refuses any other form)
        (["--url", "https://bücher.example/نیوز"], "https://xn--bcher-kva.example/%D9%86%DB%8C"),
        # the About page shows it as it is: no emphasis, link or live HTML made of it
        (["--name", "Al-Ahram *x* <b>y</b> #1 [co](x)"], ""),
    ],
    ids=["yaml-words", "numbers", "markers", "idn-url", "markdown-name"],
)
def test_a_portal_of_any_ids_and_name_builds(
    tmp_path: Path, arguments: list[str], said: str
) -> None:
    made = newsroom(tmp_path, "init", "portal", *arguments)
    assert made.returncode == 0, made.stderr
    built = run(tmp_path / "portal", "mkdocs", "build", "--strict")
    assert built.returncode == 0, built.stderr
    assert "published 1 article" in built.stderr
    if said:
        assert f'"{said}%D9%88%D8%B2/"' in (tmp_path / "portal/mkdocs.yml").read_text("utf-8")
    if "@@SITE_URL@@" in arguments:
        config = yaml.safe_load((tmp_path / "portal/content/authors.yml").read_text("utf-8"))
        assert [author["name"] for author in config.values()] == ["@@SITE_URL@@ desk"]
        bios = [author["bio"] for author in config.values()]
        assert bios == ["The stories @@SITE_URL@@'s newsroom writes together."]
    if "--name" in arguments:
        page = (tmp_path / "portal/site/about/index.html").read_text("utf-8")
        heading = LexborHTMLParser(page).css_first("h1")
        assert heading is not None and heading.text() == f"About {arguments[1]}"
        assert heading.css("b, em, a") == []
    if "--author" in arguments:  # a person: a person's words
        config = yaml.safe_load((tmp_path / "portal/content/authors.yml").read_text("utf-8"))
        (author,) = config.values()
        assert (author["type"], author["role"]) == ("person", "Editor")


def test_init_says_in_one_line_what_to_do_with_a_folder_or_url_it_cannot_take(
    tmp_path: Path,
) -> None:
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    (tmp_path / "afile").write_text("mine\n", encoding="utf-8")
    cases = {
        ("dangling",): "dangling is a symbolic link to ",
        ("afile/sub",): "afile is a file, not a folder: give another folder",
        ("/proc/newsroom-portal",): "/proc/newsroom-portal cannot be made (No such file",
        ("portal", "--url", "example.org"): "--url example.org: give the site's whole address",
        ("portal", "--url", "ftp://example.org/"): "with http:// or https:// and a host",
        ("portal", "--url", "http://[::1"): "--url http://[::1: give the site's whole address",
        ("portal", "--url", "https://x.org/a b?x=1#f"): "has a query or a fragment",
        # as mkdocs.yml's site_url is refused (tests/test_site_addresses.py)
        ("portal", "--url", "https://user:pw@x.org/"): "holds a user name or a password",
        ("portal", "--url", "https://x.org:99999/"): "has a port no server listens on",
        ("portal", "--url", "https://x .org/"): "has no host name a browser can reach",
        # names the build would refuse or warn about: the portal would fail --strict at once
        ("portal", "--name", " "): "the site's name (--name, or the folder's) is blank",
        ("portal", "--name", "A\nB"): "holds a line break: give the name on one line",
        ("portal", "--name", "x\x07y"): "holds the control character U+0007",
        ("portal", "--name", "\u202eevil"): "holds a direction control it leaves open",
        ("portal", "--name", "N" * 61): "is 61 characters long, more than the 60 it may have",
        ("portal", "--author", "\u200b"): "--author is blank",
        ("portal", "--author", "\t"): "--author is blank",
    }
    for arguments, said in cases.items():
        refused = newsroom(tmp_path, "init", *arguments)
        assert refused.returncode == 1, arguments
        assert said in refused.stderr and len(refused.stderr.splitlines()) == 1, refused.stderr
    assert not (tmp_path / "portal").exists()


@pytest.mark.parametrize(
    ("language", "lang", "own_page", "byline", "search"),
    [
        ("es", "es", "es", "Por", "Búsqueda"),
        # languages Material has no words in: its words from Newsroom's catalog, or Persian's (the
        # pages saying their own language)
        ("ps", "ps", "ps", "لیکوال:", "لټون"),
        ("prs", "prs", "prs", "نویسنده:", "جستجو"),
        ("PRS", "prs", "prs", "نویسنده:", "جستجو"),  # written as a tag is written
    ],
)
def test_a_portal_in_another_language_speaks_it_on_every_page(
    tmp_path: Path, language: str, lang: str, own_page: str, byline: str, search: str
) -> None:
    """`--language` sets Material's `language`, which Newsroom's pages follow; MkDocs' own
    pages (About) speak it too, through Material's search plugin, which stopped the build
    with a traceback for a language Material has no words in."""
    made = newsroom(tmp_path, "init", "portal", "--language", language)
    assert made.returncode == 0, made.stderr
    # the starter's own texts are English: said, for someone to translate them
    assert (
        f"newsroom: the site speaks {language}, but the starter's story, About page, desk and "
        "description are in English: translate them (content/, mkdocs.yml)"
    ) in made.stderr.splitlines()
    built = run(tmp_path / "portal", "mkdocs", "build", "--strict")
    assert built.returncode == 0, built.stderr
    site = tmp_path / "portal/site"
    (story,) = site.glob("2*/*/*/*/index.html")
    html = story.read_text("utf-8")
    assert f'<html lang="{lang}"' in html and f'class="nr-byline">{byline}' in html
    about = (site / "about/index.html").read_text("utf-8")
    assert f'<html lang="{own_page}"' in about and f'placeholder="{search}"' in about
    assert ('<body dir="rtl"' in about) == (language != "es")


def test_a_language_newsroom_does_not_know_is_one_line(tmp_path: Path) -> None:
    made = newsroom(tmp_path, "init", "portal", "--language", "zz")
    assert made.returncode != 0 and "Traceback" not in made.stderr
    assert made.stderr.strip().splitlines() == [
        "newsroom: error: 'zz' is not a language Newsroom knows: give a code such as en, es, "
        "fr, ps or prs"
    ]
    assert not (tmp_path / "portal").exists()


def test_a_story_in_a_language_no_edition_has_is_placed_and_said(tmp_path: Path) -> None:
    """A one-edition portal takes a story in another language into its edition (marked as
    written in it): `newsroom new --lang` says so, and how to give the language an edition;
    where an edition speaks it, nothing is said."""
    assert newsroom(tmp_path, "init", "portal").returncode == 0
    portal = tmp_path / "portal"
    options = ["--section", "world", "--author", "the-portal-desk"]
    written = newsroom(portal, "new", "د شپې بسونه", *options, "--lang", "ps")
    assert written.returncode == 0, written.stderr
    assert written.stderr == (
        "newsroom: no edition of the site is in 'ps', so the story is in its 'en' edition, "
        "marked as written in 'ps'; to give that language a front page of its own, declare an "
        "edition for it under the newsroom plugin's 'editions' in mkdocs.yml (docs/editions.md)\n"
    )
    english = newsroom(portal, "new", "Night buses", *options, "--lang", "en-GB")
    assert english.returncode == 0 and english.stderr == "", english.stderr


@pytest.mark.parametrize("kind", ["pipe", "folder", "device", "not-utf-8"])
def test_check_reads_only_a_requirements_txt_that_is_a_text_file(tmp_path: Path, kind: str) -> None:
    """A named pipe would have kept `newsroom check` waiting for ever."""
    assert newsroom(tmp_path, "init", "portal").returncode == 0
    requirements = tmp_path / "portal" / "requirements.txt"
    requirements.unlink()
    if kind == "pipe":
        os.mkfifo(requirements)
    elif kind == "folder":
        requirements.mkdir()
    elif kind == "device":
        requirements.symlink_to("/dev/zero")
    else:
        requirements.write_bytes(b"\xff\xfe mkdocs-newsroom\n")
    checked = newsroom(tmp_path / "portal", "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "checked 1 article: no problems" in checked.stderr


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("# mkdocs-newsroom @ git+https://github.com/OWNER/REPO@COMMIT\n", True),
        ("mkdocs-material\n# mkdocs-newsroom==0.1.0\n", True),
        ("mkdocs-newsroom==0.1.0  # pinned\n", False),
        ("git+https://github.com/desk/tools@0123abc#egg=tools\n", False),  # may be Newsroom
        ("-e ../newsroom-checkout\n", False),
        ("https://example.org/wheels/a.whl\n", False),
        (".\n", False),
    ],
)
def test_check_tells_a_requirements_txt_that_installs_no_newsroom(
    tmp_path: Path, text: str, said: bool
) -> None:
    from types import SimpleNamespace

    from mkdocs_newsroom.cli.check import _uninstalled

    (tmp_path / "requirements.txt").write_text(text, encoding="utf-8")
    workspace = SimpleNamespace(root=tmp_path, shown=lambda path: path.name)
    problems = _uninstalled(workspace)  # type: ignore[arg-type]
    assert bool(problems) == said
    if said:
        lines = len(text.splitlines())
        assert problems[0].startswith(f"requirements.txt:{lines}:1: no line installs Newsroom")
