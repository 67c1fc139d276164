"""The pictures of one build: those of the lead images and those of the authors' photos, each
made by a picture maker of its own (outputs/pictures/: a recipe, a memory between a preview's
builds), said, then linked into the site folder."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..outputs.pictures.making import picture_maker, withdraw
from ..outputs.pictures.recipe import avatar_recipe

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Sequence

    from mkdocs.structure.files import File

    from ..model import Article, Author
    from ..outputs.pictures.making import PictureMaker, PictureMemory
    from ..problems import Problem
    from ..reading.mapping import MapFunction
    from ..settings.checked import PictureSettings


@dataclass(frozen=True)
class BuildPictures:
    """The makers of a build's pictures, None when pictures are off."""

    leads: PictureMaker | None
    avatars: PictureMaker | None

    def made_lines(self) -> list[str]:
        """What this build resized, said."""
        return [maker.made_line() for maker in self._makers() if maker.resized]

    def publish(
        self,
        site_dir: str,
        articles: Sequence[Article],
        authors: Iterable[Author],
        memories: tuple[PictureMemory, PictureMemory],
    ) -> list[Problem]:
        """The copies of the pictures the site shows (the lead images of `articles`, the
        photos of `authors`, those the site credits), from the cache into the site folder; without
        makers (pictures turned off), those the last build of a preview put there
        removed (`memories`: the lead images', the photos')."""
        if self.leads is None or self.avatars is None:
            return [problem for memory in memories for problem in withdraw(site_dir, memory)]
        leads = [a.image.picture for a in articles if a.image is not None and a.image.picture]
        photos = [author.picture for author in authors if author.picture is not None]
        return [
            *self.leads.publish(site_dir, leads),
            *self.avatars.publish(site_dir, photos),
        ]

    @property
    def published(self) -> list[str]:
        """The copies' paths in the site folder."""
        return [path for maker in self._makers() for path in maker.published]

    def _makers(self) -> list[PictureMaker]:
        return [maker for maker in (self.leads, self.avatars) if maker is not None]


def copied_by_mkdocs(file: File, serving: bool) -> bool:
    """Whether MkDocs copies `file` into the site: one of `draft_docs` only in a preview."""
    return bool(file.inclusion.is_in_serve() if serving else file.inclusion.is_included())


def build_pictures(
    settings: PictureSettings,
    config_dir: str,
    files: Iterable[File],
    serving: bool,
    map_leads: MapFunction,
    memories: tuple[PictureMemory, PictureMemory],
    reported: Collection[str],
) -> BuildPictures:
    """The makers of pictures of the site's `files` that MkDocs publishes (not one of
    `draft_docs` but in a preview, as MkDocs copies them): lead images mapped by
    `map_leads` (a second's work each: worth a process), and authors' photos, few and
    small, in this process."""
    sources = {
        file.src_uri: file.abs_src_path
        for file in files
        if file.abs_src_path and copied_by_mkdocs(file, serving)
    }
    lead_memory, photo_memory = memories
    leads = picture_maker(
        settings, config_dir, sources, os.environ, map_leads, lead_memory, reported=reported
    )
    avatars = picture_maker(
        settings,
        config_dir,
        sources,
        os.environ,
        memory=photo_memory,
        reported=reported,
        recipe=avatar_recipe(settings),
        noun="author's photo",
    )
    return BuildPictures(leads, avatars)
