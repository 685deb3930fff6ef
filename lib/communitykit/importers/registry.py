"""Every export format the kit reads, in the order ``detect`` asks them to claim a file.

Each importer recognises its own files (``sniff``); the formats are written so that no two
claim one file. Where two could, ``PRECEDENCE`` declares which one reads it, and ``ORDER``
must put that one first: ``tests/test_importers_registry.py`` fails when two importers
claim one of the sample exports without a declared precedence, or when ``ORDER``
contradicts one. To add a format, write its module, add an instance to ``ORDER`` and a row
to ``docs/sources.md`` (see ``docs/extending.md``).
"""

from __future__ import annotations

from pathlib import Path

from .base import Importer
from .cn_comments import CnComments
from .discord import DiscordCsv, DiscordJson
from .discourse import DiscoursePosts
from .facebook import FacebookComments, FacebookInsightsLegacy
from .generic import Generic
from .instagram import InstagramComments
from .linkedin import LinkedInFollowers, LinkedInPosts
from .mentions_tool import ToolMentions
from .messenger import MessengerJson
from .meta import MetaInsight, MetaPosts, MetaPostsTranslated
from .reddit import RedditJsonl
from .slack import SlackExport
from .telegram import TelegramJson
from .tiktok import TikTokFollowers, TikTokOverview
from .x import XContent2024, XDailyActivity, XOverview2024, XTweetActivity
from .x_archive import XArchiveTweets
from .youtube import YouTubeComments, YouTubeStudio

ORDER: tuple[Importer, ...] = (
    # Meta Business Suite (English headers), Instagram comments, legacy X analytics and
    # Discord JSON: the first formats the kit read.
    MetaPosts(),
    MetaInsight(),
    InstagramComments(),
    XTweetActivity(),
    XDailyActivity(),
    DiscordJson(),
    # Community exports: chat, forums and Chinese platforms' comments.
    DiscordCsv(),
    SlackExport(),
    TelegramJson(),
    MessengerJson(),
    RedditJsonl(),
    DiscoursePosts(),
    CnComments(),
    # X: the account archive and the 2024+ analytics.
    XArchiveTweets(),
    XContent2024(),
    XOverview2024(),
    # Facebook and LinkedIn beyond the first formats; management tools.
    MetaPostsTranslated(),
    FacebookInsightsLegacy(),
    FacebookComments(),
    LinkedInPosts(),
    LinkedInFollowers(),
    ToolMentions(),
    # Video platforms.
    YouTubeStudio(),
    YouTubeComments(),
    TikTokOverview(),
    TikTokFollowers(),
    # Never claims a file: chosen by a playbook mapping or --format only.
    Generic(),
)

# (reads the file, over the other) for two formats that can both claim one file, each with
# the reason. None today: each sniff also excludes its neighbours' marks (Instagram
# comments need "timestamp", Facebook comments refuse it).
PRECEDENCE: frozenset[tuple[str, str]] = frozenset()

REGISTRY: dict[str, Importer] = {importer.name: importer for importer in ORDER}


def claimants(path: Path, head: str) -> list[Importer]:
    """Every importer whose sniff claims ``path`` from ``head``, in ``ORDER``."""
    return [importer for importer in REGISTRY.values() if importer.sniff(path, head)]


def first_claimant(path: Path, head: str) -> Importer | None:
    """The importer that reads ``path``: the first in ``ORDER`` whose sniff claims it."""
    return next((i for i in REGISTRY.values() if i.sniff(path, head)), None)


def undeclared(names: list[str]) -> list[tuple[str, str]]:
    """The pairs of ``names`` (claimants of one file, in ``ORDER``) whose precedence is not
    declared in ``PRECEDENCE`` in that order."""
    return [(first, other) for i, first in enumerate(names) for other in names[i + 1:]
            if (first, other) not in PRECEDENCE]
