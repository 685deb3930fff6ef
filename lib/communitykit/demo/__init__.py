"""The demo client's exports: six months of a fictional bakery, in real export formats.

Deterministic: the same seed writes the same bytes. ``generate`` returns how many of
each planted kind of message it wrote, so tests can check that the report finds them.
Formats (see docs/sources.md): Meta Business Suite Instagram posts (CSV, UTF-8 BOM),
Instagram Graph API comments (JSON per post), Meta follower insight (UTF-16, ``sep=,``),
X analytics per tweet and per day (CSV), DiscordChatExporter (JSON per channel).
One module per platform's exports; ``community`` holds the people and the random source
they all draw from, in the order ``generate`` calls them.
"""

from __future__ import annotations

from pathlib import Path

from .community import Demo
from .discord import discord, write_discord
from .instagram import instagram, write_followers, write_instagram
from .october import plant_october
from .x import write_x


def generate(out_dir: Path, seed: int = 7) -> dict[str, int]:
    """Write the demo exports under ``out_dir``; return counts of planted items."""
    demo = Demo(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    posts = instagram(demo)
    channels = discord(demo)
    plant_october(demo, posts, channels)
    for post in posts:
        post.comments.sort(key=lambda c: c.when)
    files = write_instagram(out_dir, posts, demo)
    files.append(write_followers(out_dir, demo))
    files += write_x(out_dir, demo)
    files += write_discord(out_dir, channels)
    demo.counts["instagram_posts"] = len(posts)
    demo.counts["files"] = len(files)
    return dict(sorted(demo.counts.items()))
