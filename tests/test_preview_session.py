"""A real `mkdocs serve` kept running while files are saved, moved, linked in and out and
options changed: after every step its site folder is the one a fresh serve-mode build of the
same content makes in another process. With `--dirty` and without, with the native file
watcher and with MkDocs' polling."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import yaml

from mkdocs_newsroom.search.shards import INDEX_DIR

from .checkers import search_differences
from .commands import BIN, ENV, _free_port
from .sites import AUTHORS, SECTIONS, article, write_tree

EPOCH = "1717200000"  # 2024-06-01: the stories below are in the spring of 2024
VARIANTS = [(True, True), (False, True), (True, False), (False, False)]
IDS = ["dirty-native", "plain-native", "dirty-polling", "plain-polling"]

# Builds the site fresh, in serve mode, each time it is asked: a process of its own, started
# once for a test (each build starts from on_startup, as a new session would).
FRESH_BUILDER = """
import json, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
for line in sys.stdin:
    request = json.loads(line)
    config = load_config(config_file=request["config"], site_dir=request["site"])
    config.site_url = request["url"]  # as mkdocs serve has it
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config, serve_url=request["url"])
    finally:
        config.plugins.on_shutdown()
    print("built", flush=True)
"""


def _story(number: int, title: str | None = None, **fields: object) -> str:
    return article(
        title or f"Story {number}",
        f"2024-0{1 + number % 4}-{10 + number % 18}T10:00:00Z",
        section=["world", "politics", "business"][number % 3],
        tags=[f"Tag {number % 3}", "Shared"],
        authors=["jdoe"],
        body=f"Body of story {number} about zebra{number}.",
        **fields,
    )


def _write_config(root: Path, native: bool, **options: object) -> None:
    settings = {
        "site_name": "Session Gazette",
        "site_url": "https://news.example.org/",
        "docs_dir": "content",
        "theme": {"name": "material", "font": False},
        "nav": ["about.md"],
        "plugins": [
            "search",
            {"newsroom": {"sections": SECTIONS, "native_file_watcher": native, **options}},
        ],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")


class Session:
    """`mkdocs serve` of the site at `root`, and a fresh builder beside it."""

    def __init__(self, root: Path, dirty: bool) -> None:
        self.root = root
        self.dirty = dirty
        self.temporary = root / "tmp"
        self.temporary.mkdir()
        self.url = f"http://127.0.0.1:{_free_port()}/"
        env = {**ENV, "TMPDIR": str(self.temporary), "SOURCE_DATE_EPOCH": EPOCH}
        command = [str(BIN / "mkdocs"), "serve", "--dev-addr", self.url[7:-1]]
        self.server = subprocess.Popen(
            [*command, *(["--dirty"] if dirty else [])],
            cwd=root,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.builds = 0
        self.lines: list[str] = []
        self._changed = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()
        self.fresh = subprocess.Popen(
            [sys.executable, "-c", FRESH_BUILDER],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self.settle(first=True)

    def _read(self) -> None:
        assert self.server.stderr is not None
        for line in self.server.stderr:
            with self._changed:
                self.lines.append(line)
                # a whole build's closing line, or a rebuild's from copy edits alone
                if "newsroom: published" in line or "newsroom: rebuilt from" in line:
                    self.builds += 1
                self._changed.notify_all()

    def settle(self, first: bool = False, timeout: float = 60) -> None:
        """Wait for the build a change set off, and until no other follows it."""
        with self._changed:
            target = 1 if first else self.builds + 1
            if not self._changed.wait_for(lambda: self.builds >= target, timeout=timeout):
                log = "".join(self.lines[-20:])
                raise AssertionError(f"mkdocs serve did not rebuild:\n{log}")
            while self._changed.wait(timeout=1.0):  # quiet for a second
                pass

    @property
    def site(self) -> Path:
        (folder,) = self.temporary.glob("mkdocs_*")
        return folder

    def fresh_site(self) -> Path:
        target = self.root / "fresh"
        shutil.rmtree(target, ignore_errors=True)
        assert self.fresh.stdin is not None and self.fresh.stdout is not None
        request = {"config": str(self.root / "mkdocs.yml"), "site": str(target), "url": self.url}
        self.fresh.stdin.write(json.dumps(request) + "\n")
        self.fresh.stdin.flush()
        assert self.fresh.stdout.readline().strip() == "built"
        return target

    def close(self) -> None:
        self.server.terminate()
        self.server.wait(timeout=60)
        if self.fresh.stdin is not None:
            self.fresh.stdin.close()
        self.fresh.wait(timeout=60)


def _tree(folder: Path, dirty: bool) -> dict[str, bytes]:
    """The files of a site, but those a preview may make otherwise and mean the same: the
    sitemap's gzip (its time stamp), Newsroom's search index (updated in place, compared by
    what it holds), and under --dirty Material's search index, which MkDocs rebuilds only
    from the pages it read again."""
    skipped = ["sitemap.xml.gz", f"{INDEX_DIR}/", *(["search/search_index.json"] if dirty else [])]
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file() and not path.relative_to(folder).as_posix().startswith(tuple(skipped))
    }


def assert_true_to_a_fresh_build(session: Session, step: str) -> None:
    preview, fresh = session.site, session.fresh_site()
    shown, built = _tree(preview, session.dirty), _tree(fresh, session.dirty)
    assert sorted(shown) == sorted(built), step
    assert [path for path in built if shown[path] != built[path]] == [], step
    assert search_differences(preview, fresh) == [], step


@pytest.fixture
def site(tmp_path: Path) -> Path:
    files: dict[str, str | bytes] = {"authors.yml": AUTHORS, "about.md": "# About us\n\nWho.\n"}
    files.update({f"articles/2024/{n:02d}.md": _story(n) for n in range(6)})
    files.update({f"articles/desk/{n:02d}.md": _story(n) for n in range(6, 9)})
    write_tree(tmp_path / "content", files)
    return tmp_path


@pytest.mark.parametrize(("dirty", "native"), VARIANTS, ids=IDS)
def test_a_folder_moved_away_and_one_linked_in_are_seen(
    site: Path, dirty: bool, native: bool
) -> None:
    _write_config(site, native)
    session = Session(site, dirty)
    try:
        assert_true_to_a_fresh_build(session, "started")
        (site / "content" / "articles" / "desk").rename(site / "desk")  # "Move to Trash"
        session.settle()
        assert_true_to_a_fresh_build(session, "a folder moved out of content/")
        (site / "content" / "articles" / "linked").symlink_to(site / "desk")
        session.settle()
        assert_true_to_a_fresh_build(session, "a folder linked in")
        story = site / "desk" / "07.md"
        story.write_text(_story(7, "A story of the linked folder"), encoding="utf-8")
        session.settle()
        assert_true_to_a_fresh_build(session, "a file of the linked folder saved")
    finally:
        session.close()


@pytest.mark.parametrize(("dirty", "native"), VARIANTS, ids=IDS)
def test_a_desks_day_of_faults_stays_true(site: Path, dirty: bool, native: bool) -> None:
    """The faults a desk met, one after another: saving a MkDocs page then an article (the
    About tab's title), an editor's lock file, a language change (the search shards)."""
    _write_config(site, native)
    session = Session(site, dirty)
    articles = site / "content" / "articles"
    try:
        (site / "content" / "about.md").write_text("# About the desk\n\nWho.\n", "utf-8")
        session.settle()
        assert_true_to_a_fresh_build(session, "about.md saved")
        story = articles / "2024" / "01.md"
        story.write_text(story.read_text("utf-8") + "\nMore.\n", encoding="utf-8")
        session.settle()
        assert_true_to_a_fresh_build(session, "an article saved after about.md")
        page = session.site / "2024" / "02" / "11" / "story-1" / "index.html"
        assert "About the desk" in page.read_text("utf-8")
        lock = articles / "2024" / ".#01.md"  # Emacs' lock: a link to nowhere
        lock.symlink_to("reporter@desk.4242:1717200000")
        story.write_text(story.read_text("utf-8") + "\nMore still.\n", encoding="utf-8")
        session.settle()
        assert_true_to_a_fresh_build(session, "saved beside a lock file")
        lock.unlink()
        _write_config(site, native, locale="fr", page_size=2)
        session.settle()
        assert_true_to_a_fresh_build(session, "locale and page size changed")
        assert "Story 1" in page.read_text("utf-8") and 'lang="fr"' in page.read_text("utf-8")
    finally:
        session.close()


@pytest.mark.parametrize("dirty", [True, False], ids=["dirty", "plain"])
def test_a_save_that_keeps_size_and_time_is_seen_by_the_native_watcher(
    site: Path, dirty: bool
) -> None:
    """`cp -p`, `rsync -t` and `tar` keep a file's time; MkDocs' polling compares times, so
    only the native watcher hears such a save (docs/previewing.md says so)."""
    _write_config(site, native=True)
    story = site / "content" / "articles" / "2024" / "03.md"
    old = time.time_ns() - 3_600_000_000_000  # an hour ago: beyond doubt
    os.utime(story, ns=(old, old))
    session = Session(site, dirty)
    try:
        copy = site / "copy.md"
        copy.write_text(_story(3).replace("zebra", "okapi"), encoding="utf-8")
        assert copy.stat().st_size == story.stat().st_size
        os.utime(copy, ns=(old, old))
        subprocess.run(["cp", "-p", str(copy), str(story)], check=True)
        assert story.stat().st_mtime_ns == old
        session.settle()
        assert_true_to_a_fresh_build(session, "cp -p")
        assert "okapi" in (
            session.site / "2024" / "04" / "13" / "story-3" / "index.html"
        ).read_text("utf-8")
    finally:
        session.close()


def _random_steps(site: Path, rng: random.Random, native: bool) -> list[tuple[str, object]]:
    """One random change to the site, as a (name, action) pair."""
    articles = site / "content" / "articles"
    stories = sorted(path for path in articles.rglob("*.md") if path.is_file())
    number = rng.randrange(100)
    story = rng.choice(stories) if stories else None

    def retitle() -> None:
        assert story is not None
        text = story.read_text("utf-8").replace("title: ", f"title: Now {number} ", 1)
        story.write_text(text, encoding="utf-8")

    def edit_body() -> None:
        assert story is not None
        story.write_text(story.read_text("utf-8") + f"\nMore about gnu{number}.\n", "utf-8")

    def add() -> None:
        (articles / "new").mkdir(exist_ok=True)
        (articles / "new" / f"{number}.md").write_text(_story(number), encoding="utf-8")

    def delete() -> None:
        assert story is not None
        story.unlink()

    def move() -> None:
        assert story is not None
        (articles / "moved").mkdir(exist_ok=True)
        story.rename(articles / "moved" / f"m{number}-{story.name}")

    def draft() -> None:
        assert story is not None
        text = story.read_text("utf-8")
        if "draft: true\n" in text:
            story.write_text(text.replace("draft: true\n", ""), encoding="utf-8")
        else:
            story.write_text(text.replace("---\n", "---\ndraft: true\n", 1), encoding="utf-8")

    def option() -> None:
        _write_config(
            site, native, page_size=rng.choice([2, 3, 20]), locale=rng.choice(["en", "fr"])
        )

    def folder_out_and_back() -> None:
        desk = articles / "desk"
        if desk.exists():
            desk.rename(site / "desk-away")
        elif (site / "desk-away").exists():
            (site / "desk-away").rename(desk)
        else:
            edit_body()

    actions = [retitle, edit_body, add, option, folder_out_and_back]
    if len(stories) > 3:
        actions += [delete, move, draft]
    if story is None:
        actions = [add, option]
    action = rng.choice(actions)
    return [(action.__name__, action)]


@pytest.mark.parametrize(
    ("dirty", "native", "steps"),
    [(True, True, 30), (False, False, 10)],
    ids=["dirty-native", "plain-polling"],
)
def test_a_long_session_of_random_changes_stays_true(
    site: Path, dirty: bool, native: bool, steps: int
) -> None:
    _write_config(site, native)
    rng = random.Random(20261202)
    session = Session(site, dirty)
    try:
        for step in range(steps):
            for name, action in _random_steps(site, rng, native):
                action()  # type: ignore[operator]
                session.settle()
                assert_true_to_a_fresh_build(session, f"step {step}: {name}")
    finally:
        session.close()


def _rebuilt_after(session: Session, change: object) -> bool:
    """Whether `change` (a callable) sets off a build within 20 s."""
    before = session.builds
    change()  # type: ignore[operator]
    with session._changed:
        if not session._changed.wait_for(lambda: session.builds > before, timeout=20):
            return False
        while session._changed.wait(timeout=1.0):  # quiet for a second
            pass
    return True


@pytest.mark.parametrize("dirty", [True, False], ids=["dirty", "plain"])
def test_saves_are_heard_after_the_content_folder_is_deleted_and_made_again(
    site: Path, dirty: bool
) -> None:
    """`rm -rf content && tar xf`, a branch switch without content/ and back: the folder is
    a new one, and the native watcher watches it again (and a linked folder's target)."""
    desk = site / "desk"
    (site / "content" / "articles" / "desk").rename(desk)
    (site / "content" / "articles" / "desk").symlink_to(desk, target_is_directory=True)
    _write_config(site, native=True)
    session = Session(site, dirty)
    try:
        archive = site / "content.tar"
        subprocess.run(["tar", "cf", str(archive), "content"], cwd=site, check=True)
        shutil.rmtree(site / "content")
        time.sleep(2)  # the build this sets off fails: there is no content folder
        untar = ["tar", "xf", str(archive)]
        assert _rebuilt_after(session, lambda: subprocess.run(untar, cwd=site, check=True))
        story = site / "content" / "articles" / "2024" / "01.md"
        assert _rebuilt_after(session, lambda: story.write_text(_story(1, "Back"), "utf-8"))
        assert_true_to_a_fresh_build(session, "a save after content/ was made again")
        shutil.copytree(desk, site / "desk-copy", symlinks=True)
        shutil.rmtree(desk)
        time.sleep(2)
        assert _rebuilt_after(session, lambda: (site / "desk-copy").rename(desk))
        linked = desk / "07.md"
        assert _rebuilt_after(session, lambda: linked.write_text(_story(7, "Linked"), "utf-8"))
        assert_true_to_a_fresh_build(session, "a save in a linked folder made again")
    finally:
        session.close()


def test_a_linked_article_files_target_is_watched(site: Path) -> None:
    """content/articles/wire.md -> a file elsewhere: a save of the target is heard."""
    wire = site / "wire.md"
    wire.write_text(_story(20, "From the wire"), encoding="utf-8")
    (site / "content" / "articles" / "wire.md").symlink_to(wire)
    _write_config(site, native=True)
    session = Session(site, dirty=True)
    try:
        assert _rebuilt_after(session, lambda: wire.write_text(_story(20, "Wire now"), "utf-8"))
        assert_true_to_a_fresh_build(session, "a linked file's target saved")
    finally:
        session.close()


@pytest.mark.parametrize("native", [True, False], ids=["native", "polling"])
def test_mkdocs_own_pages_follow_options_templates_and_deletions_under_dirty(
    site: Path, native: bool
) -> None:
    """`--dirty`: MkDocs writes its own pages (about.md) again only when their source is
    newer; the tabs, the language and the templates they show must follow anyway, and a
    page whose source is gone must leave the site and its search index."""
    (site / "content" / "contact.md").write_text("# Contact\n\nWrite to zanzibar.\n", "utf-8")
    overrides = site / "overrides"
    (overrides / "partials").mkdir(parents=True)
    (overrides / "partials" / "copyright.html").write_text("Made by okapis\n", "utf-8")
    theme = {"name": "material", "font": False, "custom_dir": "overrides"}
    _write_config(site, native)
    config = yaml.safe_load((site / "mkdocs.yml").read_text("utf-8"))
    (site / "mkdocs.yml").write_text(
        yaml.safe_dump({**config, "theme": theme, "watch": ["overrides"]}), "utf-8"
    )
    session = Session(site, dirty=True)
    about = lambda: (session.site / "about" / "index.html").read_text("utf-8")  # noqa: E731
    try:
        renamed = {**SECTIONS, "world": {"title": "Planet", "order": 1}}
        _write_config(site, native, sections=renamed, locale="fr")
        config = yaml.safe_load((site / "mkdocs.yml").read_text("utf-8"))
        (site / "mkdocs.yml").write_text(
            yaml.safe_dump({**config, "theme": theme, "watch": ["overrides"]}), "utf-8"
        )
        session.settle()
        assert_true_to_a_fresh_build(session, "a section renamed, the locale changed")
        (overrides / "partials" / "copyright.html").write_text("Made by gnus\n", "utf-8")
        session.settle()
        assert "Made by gnus" in about()
        assert_true_to_a_fresh_build(session, "a template of overrides/ changed")
        (site / "content" / "contact.md").unlink()
        session.settle()
        assert not (session.site / "contact").exists()
        index = (session.site / "search" / "search_index.json").read_text("utf-8")
        assert "zanzibar" not in index and "contact/" not in index
        assert_true_to_a_fresh_build(session, "a page of the site's own deleted")
    finally:
        session.close()


STAMPING_HOOK = """
from pathlib import Path


def on_post_build(config, **kwargs):
    for page in Path(config.site_dir).rglob("*.html"):
        with page.open("a", encoding="utf-8") as file:
            file.write("<!-- stamped -->\\n")
"""


@pytest.mark.parametrize("dirty", [True, False], ids=["dirty", "plain"])
def test_a_plugin_that_changes_pages_in_place_changes_each_once(site: Path, dirty: bool) -> None:
    """Another plugin's on_post_build appends to every page in the site folder: a news page
    kept from the last build must not carry the last build's addition as well."""
    (site / "stamp.py").write_text(STAMPING_HOOK, encoding="utf-8")
    _write_config(site, native=True)
    config = yaml.safe_load((site / "mkdocs.yml").read_text("utf-8"))
    (site / "mkdocs.yml").write_text(yaml.safe_dump({**config, "hooks": ["stamp.py"]}), "utf-8")
    session = Session(site, dirty)
    try:
        for number in (1, 2):
            story = site / "content" / "articles" / "2024" / f"0{number}.md"
            story.write_text(story.read_text("utf-8") + "\nMore.\n", encoding="utf-8")
            session.settle()
            for page in (session.site / "2024").rglob("*.html"):  # the articles' pages
                assert page.read_text("utf-8").count("<!-- stamped -->") == 1, (number, page)
            if not dirty:  # under --dirty MkDocs' own about.md is stamped again: its affair
                assert_true_to_a_fresh_build(session, f"save {number}")
    finally:
        session.close()


def _flat_png(colour: tuple[int, int, int]) -> bytes:
    """A PNG whose size in bytes depends only on its dimensions (stored, not compressed)."""
    from io import BytesIO

    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (800, 600), colour).save(out, "PNG", compress_level=0)
    return out.getvalue()


def test_a_lead_photo_replaced_with_cp_p_is_seen(site: Path) -> None:
    """`cp -p` keeps the photograph's size, time and inode: the watcher reported its path,
    so it is read again."""
    photo = site / "content" / "images" / "lead.png"
    photo.parent.mkdir()
    photo.write_bytes(_flat_png((200, 30, 30)))
    old = time.time_ns() - 3_600_000_000_000
    os.utime(photo, ns=(old, old))
    story = site / "content" / "articles" / "2024" / "02.md"
    story.write_text(_story(2, image={"src": "images/lead.png", "alt": "Red"}), "utf-8")
    _write_config(site, native=True)
    session = Session(site, dirty=True)
    try:
        replacement = site / "blue.png"
        replacement.write_bytes(_flat_png((30, 30, 200)))
        assert replacement.stat().st_size == photo.stat().st_size
        os.utime(replacement, ns=(old, old))
        inode = photo.stat().st_ino
        subprocess.run(["cp", "-p", str(replacement), str(photo)], check=True)
        assert (photo.stat().st_ino, photo.stat().st_mtime_ns) == (inode, old)
        session.settle()
        assert_true_to_a_fresh_build(session, "a lead photo replaced with cp -p")
    finally:
        session.close()


def test_folders_made_while_serving_print_no_warning(site: Path) -> None:
    """`mkdir -p overrides/news/partials` while serving: no traceback of a watchdog warning."""
    (site / "overrides").mkdir()
    _write_config(site, native=True)
    config = yaml.safe_load((site / "mkdocs.yml").read_text("utf-8"))
    theme = {**config["theme"], "custom_dir": "overrides"}
    (site / "mkdocs.yml").write_text(
        yaml.safe_dump({**config, "theme": theme, "watch": ["overrides"]}), "utf-8"
    )
    session = Session(site, dirty=False)
    try:
        subprocess.run(["mkdir", "-p", "overrides/news/partials"], cwd=site, check=True)
        (site / "overrides" / "news" / "partials" / "x.html").write_text("x\n", "utf-8")
        session.settle()
        said = "".join(session.lines)
        assert "Traceback" not in said and "Warning" not in said, said
    finally:
        session.close()


@pytest.mark.parametrize("dirty", [True, False], ids=["dirty", "plain"])
def test_removing_every_article_leaves_the_index_a_clean_build_makes(
    site: Path, dirty: bool
) -> None:
    _write_config(site, native=True)
    session = Session(site, dirty)
    try:
        shutil.rmtree(site / "content" / "articles")
        session.settle()
        assert_true_to_a_fresh_build(session, "every article removed")
        preview, fresh = session.site / INDEX_DIR, session.fresh_site() / INDEX_DIR
        listed = [
            sorted(p.relative_to(f).as_posix() for p in f.rglob("*")) for f in (preview, fresh)
        ]
        assert listed[0] == listed[1]
        manifests = [json.loads((f / "manifest.json").read_text("utf-8")) for f in (preview, fresh)]
        assert manifests[0]["slots"] == manifests[1]["slots"] == 0
    finally:
        session.close()


def test_held_back_stories_are_shown_in_the_preview_but_never_fed(site: Path) -> None:
    """The preview shows drafts, scheduled and expired stories on its pages (marked), but
    its feeds and news sitemap carry what the build will publish, which never holds them."""
    articles = site / "content" / "articles" / "held"
    articles.mkdir()

    def story(title: str, date: str, **fields: object) -> str:
        return article(title, date, section="world", authors=["jdoe"], **fields)

    held = {
        "draft.md": story("Draft of walrus", "2024-05-20T10:00:00Z", draft=True, tags=["Walrus"]),
        "later.md": story("Scheduled narwhal", "2024-07-01T10:00:00Z"),
        "gone.md": story("Expired dugong", "2024-04-01T10:00:00Z", expires="2024-05-01T10:00:00Z"),
    }
    for name, text in held.items():
        (articles / name).write_text(text, "utf-8")
    _write_config(site, native=True)
    session = Session(site, dirty=True)
    try:
        fed = [
            path.read_text("utf-8")
            for path in session.site.rglob("*")
            if path.name in ("feed.xml", "atom.xml", "feed.json", "news-sitemap.xml")
        ]
        assert fed and not any(
            name in text for text in fed for name in ("walrus", "narwhal", "dugong")
        )
        assert not (session.site / "tags" / "walrus" / "feed.xml").exists()
        front = (session.site / "index.html").read_text("utf-8")
        assert "Draft of walrus" in front  # still previewed, marked
    finally:
        session.close()
    built = subprocess.run(
        [str(BIN / "mkdocs"), "build", "-d", str(site / "built")],
        cwd=site, env={**ENV, "SOURCE_DATE_EPOCH": EPOCH}, capture_output=True, text=True,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    everything = "".join(
        path.read_text("utf-8", errors="replace")
        for path in (site / "built").rglob("*")
        if path.is_file() and path.suffix in (".xml", ".json", ".html")
    )
    assert not any(name in everything for name in ("walrus", "narwhal", "dugong"))
