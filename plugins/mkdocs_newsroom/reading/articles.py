"""Read one article file into the model: bytes in, an `Article` (or the reasons why not) out."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING, Any, Literal

from ..hashing import fingerprint as fingerprint_of
from ..model import Article, Permalink, is_rtl
from ..problems import ArticleError, FieldError, PartlyUsed, Problem
from ..slugs import slugify
from .block_below import front_matter_below
from .bodies import UNRENDERED, Body, MarkdownRenderer, render_plaintext
from .chronology import dated_before_the_story
from .decoding import decode_source, not_text
from .fields import EXAMPLES, FIELDS
from .files import article_kind
from .frontmatter import FrontMatter, parse_front_matter
from .mapping import MapFunction, in_order
from .reach import reach_problems, story_uid
from .said import (
    body_problems,
    doubtful_hold_back,
    error_summary,
    field_problem,
    given_twice,
    holds_back,
    not_a_text,
    too_large_file,
    unexpected_failure,
    unknown_fields,
)
from .time_limit import TooSlow, seconds_for, slow_boilerplate, time_limit

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from ..memo import MadeBefore
    from ..settings.checked import ReadOptions
    from .texts import Registry


@dataclass(frozen=True)
class _Parsed:
    """An article whose front matter is read and whose body is still to be rendered."""

    source: str
    kind: Literal["md", "txt"]
    values: dict[str, Any]
    body: str
    key: str  # of its rendered body in the cache
    problems: tuple[Problem, ...]
    fingerprint: str  # of the file and everything it was read with
    rtl: bool  # written right to left
    aliases_line: int | None = None  # where its 'aliases' field is
    body_line: int = 1  # where its body starts in the file
    slug_written: bool = False  # its front matter has a 'slug' line, read or refused
    unwritten_line: int = 0  # `body_line` if nothing is written below the front matter


@dataclass(frozen=True)
class ReadResult:
    source: str
    article: Article | None
    problems: tuple[Problem, ...] = ()
    names_authors: bool = False  # its front matter names authors


@dataclass
class ReadCache:
    """What reading keeps from one build to the next of `mkdocs serve`: rendered bodies, and
    whole results by file content and settings."""

    bodies: dict[str, Body] = dataclasses.field(default_factory=dict)
    results: dict[str, ReadResult] = dataclasses.field(default_factory=dict)

    def keep_only(self, results: Iterable[str], bodies: Iterable[str]) -> None:
        """Forget what the last build did not use, so that a long session does not grow."""
        self.results = {key: self.results[key] for key in results if key in self.results}
        self.bodies = {key: self.bodies[key] for key in bodies if key in self.bodies}


def summarize(text: str, limit: int) -> str:
    """The first `limit` characters of `text`, cut at a word, with an ellipsis if cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:.-–—")
    return f"{cut}…"


class ArticleReader:
    """Reads articles for one build. With a `cache` kept across builds (by file content and
    `settings_key`), a rebuild of `mkdocs serve` reads again only the files that changed."""

    def __init__(
        self,
        registry: Registry,
        options: ReadOptions,
        markdown: Callable[[], MarkdownRenderer],
        settings_key: str = "",
        cache: ReadCache | None = None,
        content_keys: MadeBefore[str] | None = None,
        permalink: Permalink | None = None,
    ) -> None:
        """`permalink`: how the headings' permalinks of `.md` bodies are written."""
        self._registries = {"md": registry, "txt": replace(registry, decode_references=True)}
        self._permalink = permalink
        self._options = options
        self._make_markdown = markdown
        self._markdown: MarkdownRenderer | None = None
        cache = cache if cache is not None else ReadCache()
        self._body_cache = cache.bodies
        self._result_cache = cache.results
        self._settings_key = settings_key
        self._content_keys = content_keys
        self.used_results: list[str] = []  # the cache keys the last read_all used
        self.used_bodies: list[str] = []

    def read(self, source: str, data: bytes) -> ReadResult:
        """Read one article (its body rendered here, or taken from the cache)."""
        return self.read_all([(source, data)])[0]

    def read_all(
        self, sources: Sequence[tuple[str, bytes]], map_bodies: MapFunction = in_order
    ) -> list[ReadResult]:
        """Read many articles; those not in the cache are read, and their bodies rendered,
        through `map_bodies`."""
        keys = self._content_keys_of(sources)
        unread = [
            (source, data, key)
            for key, (source, data) in zip(keys, sources, strict=True)
            if key not in self._result_cache
        ]
        if any(article_kind(source) != "txt" for source, _data, _key in unread):
            self._markdown_renderer()  # made once, before any fork, shared by all
        read: dict[str, _Parsed | ReadResult] = {}
        for (_source, _data, key), (draft, body) in zip(
            unread, map_bodies(self._read_and_render, unread), strict=True
        ):
            read[key] = draft
            if body is not None and isinstance(draft, _Parsed):
                self._body_cache[draft.key] = body
        parsed = [self._result_cache.get(key) or read[key] for key in keys]
        results = [
            self._article_or_report(draft) if isinstance(draft, _Parsed) else draft
            for draft in parsed
        ]
        for key, result in zip(keys, results, strict=True):
            self._result_cache[key] = result
        self.used_results = keys
        self.used_bodies = [draft.key for draft in parsed if isinstance(draft, _Parsed)]
        return results

    def _content_keys_of(self, sources: Sequence[tuple[str, bytes]]) -> list[str]:
        """The result cache's key of each file: its content and the settings. With
        `content_keys` (under serve), a file whose bytes are the very object of the last build
        (it was not read again) keeps its key without being hashed again."""
        settings_key = self._settings_key
        known = self._content_keys
        if known is None:
            return [fingerprint_of(settings_key, source, data) for source, data in sources]
        known.start(settings_key)
        keys = [
            known.get(source, data, partial(fingerprint_of, settings_key, source, data))
            for source, data in sources
        ]
        known.finish()
        return keys

    def _read_and_render(
        self, item: tuple[str, bytes, str]
    ) -> tuple[_Parsed | ReadResult, Body | None]:
        """One file read and its body rendered, unless in the cache (in a worker, maybe)."""
        draft = self._parse_or_report(*item)
        if not isinstance(draft, _Parsed):
            return draft, None
        job = (draft.kind, draft.body, draft.rtl)
        body = None if draft.key in self._body_cache else self._render(job)
        return replace(draft, body=""), body  # the text is not needed again: not sent back

    def _parse_or_report(self, source: str, data: bytes, fingerprint: str) -> _Parsed | ReadResult:
        """One file read, whatever it holds: a failure of Newsroom's own on one article
        skips that article with one line, never the build."""
        try:
            return self._parse(source, data, fingerprint)
        except Exception as error:  # any fault, reported with the file
            return _unexpected(source, error)

    def _article_or_report(self, parsed: _Parsed) -> ReadResult:
        try:
            return self._article(parsed)
        except Exception as error:  # any fault, reported with the file
            return _unexpected(parsed.source, error)

    def _parse(self, source: str, data: bytes, fingerprint: str) -> _Parsed | ReadResult:
        if len(data) > self._options.max_bytes:
            return too_large(source, len(data), self._options.max_bytes)
        if binary := not_text(data):
            return ReadResult(source, None, (not_a_text(source, binary),))
        decoded = decode_source(source, data)
        problems = list(decoded.notices)
        kind = article_kind(source) or "md"
        try:
            front_matter = parse_front_matter(source, decoded.text)
        except ArticleError as error:
            skipped = replace(
                error.problem, message=f"{error.problem.message}; the article was skipped"
            )
            return ReadResult(source, None, (*problems, skipped))
        problems.extend(front_matter.notices)
        below, held = front_matter_below(source, decoded.text, front_matter)
        problems += below
        if held:
            return ReadResult(source, None, tuple(problems))
        values = self._read_fields(source, front_matter, self._registries[kind], problems)
        if values is None:
            return ReadResult(source, None, tuple(problems))
        tags = values.get("tags", ())
        if len(tags) > self._options.max_tags:
            values["tags"] = tags[: self._options.max_tags]
            problems.append(
                Problem(
                    source,
                    f"{len(tags):,} tags, more than max_tags_per_article "
                    f"({self._options.max_tags}); only the first {self._options.max_tags} are "
                    "used. Keep the tags that matter, or raise max_tags_per_article",
                    front_matter.fields["tags"].line,
                )
            )
        problems += dated_before_the_story(source, values, front_matter.fields)
        problems += reach_problems(source, values, front_matter.fields)
        rtl = is_rtl(values.get("lang", ""))
        key = fingerprint_of(self._settings_key, kind, str(rtl), front_matter.body)
        aliases = front_matter.fields.get("aliases")
        return _Parsed(
            source,
            kind,
            values,
            front_matter.body,
            key,
            tuple(problems),
            fingerprint,
            rtl,
            aliases.line if aliases is not None else None,
            front_matter.body_line,
            "slug" in front_matter.fields,
            0 if front_matter.body.strip() else front_matter.body_line,
        )

    def _article(self, parsed: _Parsed) -> ReadResult:
        body = self._body_cache[parsed.key]
        if body.failure:
            skipped = Problem(parsed.source, f"{body.failure}; the article was skipped")
            return ReadResult(parsed.source, None, (*parsed.problems, skipped))
        problems = parsed.problems
        problems += body_problems(parsed.source, parsed.body_line, body, parsed.values)
        values = parsed.values
        title: str = values["title"]
        article = Article(
            source=parsed.source,
            kind=parsed.kind,
            title=title,
            date=values["date"],
            body_html=body.html,
            text=body.text,
            excerpt=values.get("summary") or summarize(body.lead, self._options.summary_length),
            summary=values.get("summary", ""),
            word_count=body.word_count,
            reading_minutes=max(1, round(body.word_count / self._options.words_per_minute)),
            slug=values.get("slug") or slugify(title, fallback_prefix="article"),
            updated=values.get("updated"),
            authors=values.get("authors", ()),
            section=values.get("section"),
            tags=values.get("tags", ()),
            location=values.get("location", ""),
            image=values.get("image"),
            draft=values.get("draft", False),
            expires=values.get("expires"),
            featured=values.get("featured", False),
            breaking=values.get("breaking", False),
            lang=values.get("lang", ""),
            corrections=values.get("corrections", ()),
            translation=values.get("translation", ""),
            aliases=values.get("aliases", ()),
            aliases_line=parsed.aliases_line,
            uid=story_uid(values, parsed.source),
            slug_given="slug" in values,
            slug_refused=parsed.slug_written and "slug" not in values,
            syndicated=values.get("syndicated", False),
            fingerprint=parsed.fingerprint,
            unwritten_line=parsed.unwritten_line,
            permalink=self._permalink if parsed.kind == "md" else None,
        )
        return ReadResult(parsed.source, article, problems, "authors" in values)

    def _read_fields(
        self,
        source: str,
        front_matter: FrontMatter,
        registry: Registry,
        problems: list[Problem],
    ) -> dict[str, Any] | None:
        values: dict[str, Any] = {}
        publishable = True
        fields = front_matter.fields
        if "author" in fields and "authors" in fields:
            problems.append(
                Problem(
                    source,
                    f"both 'author' (line {fields['author'].line}) and 'authors' are given; "
                    "'authors' is used: keep one of the two",
                    fields["authors"].line,
                )
            )
            fields = {name: field for name, field in fields.items() if name != "author"}
        unknown = [field for name, field in fields.items() if name not in FIELDS]
        # a field that could hold the article back, in doubt: one line, and it is held back
        doubtful = doubtful_hold_back(source, unknown, front_matter.repeated, front_matter.fields)
        for name, earlier in front_matter.repeated.items():
            if doubtful is None or not holds_back(name):
                problems.extend(given_twice(source, earlier, front_matter.fields[name]))
        if doubtful is not None:
            problems.append(doubtful)
            publishable = False
        problems.extend(unknown_fields(source, [f for f in unknown if not holds_back(f.name)]))
        for name, field in fields.items():
            rule = FIELDS.get(name)
            if rule is None:
                continue
            try:
                values[rule.attribute or name] = rule.read(field, registry)
            except PartlyUsed as partly:
                values[rule.attribute or name] = partly.value
                problems.extend(field_problem(source, field, said) for said in partly.messages)
            except FieldError as error:
                consequence = "the article was skipped" if rule.fatal else "the field was ignored"
                problems.append(field_problem(source, field, error, f"; {consequence}"))
                publishable = publishable and not rule.fatal
        for name, rule in FIELDS.items():
            if rule.required and name not in front_matter.fields:
                problems.append(
                    Problem(
                        source,
                        f"missing required field '{name}': add a line '{EXAMPLES[name]}' "
                        "to the front matter; the article was skipped",
                    )
                )
                publishable = False
        return values if publishable else None

    def _markdown_renderer(self) -> MarkdownRenderer:
        if self._markdown is None:
            self._markdown = self._make_markdown()
        return self._markdown

    def _render(self, job: tuple[str, str, bool]) -> Body:
        """A body rendered, or why it could not be (it may run in a worker process, which
        must hand back a result for every article)."""
        if not self._options.render_bodies:
            return UNRENDERED
        kind, text, right_to_left = job
        seconds = seconds_for(text)
        try:
            with time_limit(seconds):
                if kind == "txt":
                    return render_plaintext(text, self._options.boilerplate, right_to_left)
                return self._markdown_renderer().render(text)
        except TooSlow:
            failure = (
                f"its text took more than {seconds:.3g} s to render (Markdown is very slow on "
                "some patterns, such as thousands of links left open in a row, '[a](b'); "
                "simplify it"
                if kind != "txt"
                else slow_boilerplate(seconds)
            )
        except RecursionError:
            failure = (
                "its Markdown is nested too deeply (lists or quotes hundreds of levels inside "
                "one another); flatten it"
            )
        except Exception as error:  # any fault, reported with the file
            failure = f"its text could not be rendered ({error_summary(error)})"
        # Python-Markdown is left half-way (its reset() does not clear the block parser's
        # state, which would garble every article after this one): a new one for the next
        self._markdown = None
        return Body("", "", 0, failure=failure)


def _unexpected(source: str, error: Exception) -> ReadResult:
    return ReadResult(source, None, (unexpected_failure(source, error),))


def too_large(source: str, size: int, max_bytes: int) -> ReadResult:
    """An article file of `size` bytes, past max_article_size: skipped, unread."""
    return ReadResult(source, None, (too_large_file(source, size, max_bytes),))
