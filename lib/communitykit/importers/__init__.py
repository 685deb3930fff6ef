"""Importers: one module per source family; ``REGISTRY`` lists every format."""

from __future__ import annotations

from pathlib import Path

from ..errors import ImportFailed
from . import account_check
from .base import (
    NUL_MESSAGE,
    ImportAccount,
    Importer,
    ImportResult,
    SourceContext,
    head_text,
)
from .community import IMPORTERS as COMMUNITY_IMPORTERS
from .discord import DiscordJson
from .generic import Generic
from .meta import InstagramComments, MetaInsight, MetaPosts
from .platforms import IMPORTERS as PLATFORM_IMPORTERS
from .platforms_meta import IMPORTERS as META_IMPORTERS
from .platforms_video import IMPORTERS as VIDEO_IMPORTERS
from .refusals import refusal
from .x import XDailyActivity, XTweetActivity
from .x_more import IMPORTERS as X_MORE_IMPORTERS

REGISTRY: dict[str, Importer] = {
    importer.name: importer
    for importer in (
        MetaPosts(),
        MetaInsight(),
        InstagramComments(),
        XTweetActivity(),
        XDailyActivity(),
        DiscordJson(),
        *COMMUNITY_IMPORTERS,
        *X_MORE_IMPORTERS,
        *META_IMPORTERS,
        *PLATFORM_IMPORTERS,
        *VIDEO_IMPORTERS,
        Generic(),
    )
}

__all__ = ["REGISTRY", "ImportAccount", "ImportResult", "Importer", "SourceContext",
           "account_check", "detect"]


def detect(path: Path, forced: str | None = None) -> Importer:
    """The importer for ``path``: ``forced`` by name, else the first whose sniff matches."""
    if forced:
        if forced not in REGISTRY:
            raise ImportFailed(
                f"unknown format {forced!r}; known: {', '.join(sorted(REGISTRY))}", file=path
            )
        return REGISTRY[forced]
    head = head_text(path)
    for importer in REGISTRY.values():
        if importer.sniff(path, head):
            return importer
    reason = refusal(path, head)
    if reason:
        raise ImportFailed(f"not imported: {reason}", file=path)
    if "\x00" in head:
        raise ImportFailed(f"format not recognised: {NUL_MESSAGE}", file=path)
    raise ImportFailed(
        "format not recognised; name it with --format or in the playbook's exports.sources "
        f"(known: {', '.join(sorted(REGISTRY))})",
        file=path,
    )
