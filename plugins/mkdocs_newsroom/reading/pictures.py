"""Articles with the pictures the build made of their lead images, authors with those of
their photos.

Reading knows nothing of Pillow or of the cache the pictures are kept in: the build hands in
the function that makes them (outputs/pictures/), and `newsroom check` one that only looks at
them. What comes back is attached to each article's `Image`, and the article's fingerprint
says so, so that a page showing it is rendered again when its picture changes.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from ..hashing import fingerprint
from ..problems import Problem
from .files import is_resizable
from .links import local_path

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from ..model import Article, Author, Picture


class MakePictures(Protocol):
    """For each path (from the content folder) of a JPEG, PNG or WebP lead image, the
    `Picture` made of it, or why none could be made (a sentence: "it is truncated ...")."""

    def __call__(self, paths: Sequence[str], /) -> Mapping[str, Picture | str]: ...


def resizable_path(article: Article) -> str | None:
    """The content folder's path of the article's lead image, if it is a local file of a
    kind the build resizes."""
    image = article.image
    if image is None or image.picture is not None:
        return None
    return _resizable(image.src)


def attach_pictures(
    articles: Iterable[Article],
    make: MakePictures,
    files: frozenset[str],
    shown: Callable[[Article], bool] = lambda _article: True,
) -> tuple[list[Article], list[Problem]]:
    """The articles, each lead image with its picture; a picture that could not be made is a
    warning naming the article and the file, and the image is published as it is. `files`:
    the site's files (an image that is not one was reported already). Only the pictures of
    articles `shown` are made: a draft's photograph is neither resized nor published."""
    articles = list(articles)
    wanted = sorted(
        {
            path
            for article in articles
            if (path := resizable_path(article)) and path in files and shown(article)
        }
    )
    made = make(wanted) if wanted else {}
    pictured: list[Article] = []
    problems: list[Problem] = []
    for article in articles:
        path = resizable_path(article)
        outcome = made.get(path) if path else None
        if isinstance(outcome, str):
            problems.append(
                Problem(
                    article.source,
                    f"the lead image {path} could not be resized: {outcome}; it is published "
                    "as it is",
                )
            )
        elif outcome is not None and article.image is not None:
            article = replace(
                article,
                image=replace(article.image, picture=outcome),
                fingerprint=fingerprint(article.fingerprint, repr(outcome)),
            )
        pictured.append(article)
    return pictured, problems


def attach_avatars(
    authors: dict[str, Author], make: MakePictures, files: frozenset[str], authors_file: str
) -> tuple[dict[str, Author], list[Problem]]:
    """The authors, each photo (`avatar`, a file of the site) with its picture; one that could
    not be made is a warning naming the authors file and the photo, published as it is."""
    paths = {key: path for key, author in authors.items() if (path := _resizable(author.avatar))}
    wanted = sorted({path for path in paths.values() if path in files})
    made = make(wanted) if wanted else {}
    pictured = copy.copy(authors)  # of its kind: the authors file's keeps the ids it refused
    problems: list[Problem] = []
    for key, path in paths.items():
        outcome = made.get(path)
        if isinstance(outcome, str):
            said = f"author '{key}': the photo {path} could not be resized: {outcome}"
            problems.append(Problem(authors_file, f"{said}; it is published as it is"))
        elif outcome is not None:
            pictured[key] = replace(authors[key], picture=outcome)
    return pictured, problems


def _resizable(link: str) -> str | None:
    path = local_path(link) if link else None
    return path if path and is_resizable(path) else None
