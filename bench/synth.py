"""Synthetic clients for the scale bench: deterministic, vectorised, imported as generic CSV.

A client of size N holds N messages over the reported month and the months before it
(``months``, 2 by default: the reported month and the previous one, half each), in two
files read through column mappings: Instagram comments (threaded, 90 %) and Discord
messages (flat threads, 10 %), plus posts and daily follower totals. Over a longer store
the members drift: each month before the last two speaks from a pool shifted by a quarter
of its size, so a quarter of the members of a month are new to the month after. The playbook
is the demo's (roster, rules, goals, cadence) with these files declared in
``exports.sources``. Nothing here is committed: the bench writes into a temporary
workspace.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
ZONE = "America/New_York"
PERIOD = "2026-10"  # the reported month: always the last month of a client
FIRST = pd.Timestamp("2026-09-01", tz=ZONE).tz_convert("UTC")
LAST = pd.Timestamp("2026-11-01", tz=ZONE).tz_convert("UTC")


def first_instant(months: int = 2) -> pd.Timestamp:
    """The start (UTC) of a client's history of ``months`` months ending with ``PERIOD``."""
    if months < 1:
        raise ValueError(f"months must be at least 1, not {months}")
    start = (pd.Period(PERIOD, "M") - (months - 1)).start_time
    return start.tz_localize(ZONE).tz_convert("UTC")

TEXTS = np.array([
    "How long should the dough rest before baking?",
    "Love these biscuits, my kids finished the box in a day",
    "Where can I buy the jalapeño ones in Ohio?",
    "Is the oat biscuit gluten free?",
    "Great bake-along yesterday, thanks!",
    "My order has not arrived yet, can someone check?",
    "这个饼干在哪里可以买到？",
    "太好吃了，下次还买",
    "Looks delicious",
    "What temperature do you use for the shortbread?",
    "The new packaging is lovely",
    "Price went up again, a bit expensive now",
    "Thanks for the tip about chilling the butter",
    "Can you ship to Canada",
    "free followers here bit.ly/abc",
    "you idiots ruined my favourite recipe",
])
# Text index weights: mostly ordinary, some spam, a few harassment flags (escalations).
WEIGHTS = np.array([8, 12, 6, 6, 8, 5, 4, 4, 12, 6, 8, 5, 6, 5, 0.6, 0.02])
# Words appended to each text, so that texts are (nearly) all distinct, as in real data.
WORDS = np.array(["flour", "butter", "sugar", "oven", "crumb", "dough", "golden", "crisp",
                  "vanilla", "cocoa", "honey", "almond", "cinnamon", "oat", "ginger", "lemon",
                  "berry", "maple", "pecan", "rye"])
MEMBER_NAMES = np.array(["Kim", "Lou", "Ana", "Bo", "Cy", "Dee", "Eli", "Fay"])

# (platform, author id or handle, name) of the people who speak for the brand.
TEAM = {
    "instagram": [("northwindbiscuits", "Northwind"), ("mia.bakes.northwind", "Mia Chen"),
                  ("sam.at.northwind", "Sam Ortiz")],
    "discord": [("900000000000000011", "Mia Chen"), ("900000000000000012", "Sam Ortiz")],
}
ADVOCATES = {
    "instagram": [("jordanbakes", "Jordan Blake"), ("xiaohong.bakes", "Wang Xiaohong")],
    "discord": [("900000000000000031", "Jordan Blake"), ("900000000000000034", "Alex Kim")],
}

SOURCES = """exports:
  path: exports
  sources:
    - match: "ig_comments*.csv"
      platform: instagram
      mapping:
        table: messages
        columns: {message_id: id, post_id: post, parent_id: parent, author_id: user,
                  author_name: name, created_at: time, text: text, likes: likes}
    - match: "discord_messages*.csv"
      platform: discord
      mapping:
        table: messages
        columns: {message_id: id, container: channel, parent_id: parent, author_id: user,
                  author_name: name, created_at: time, text: text}
    - match: "ig_posts*.csv"
      platform: instagram
      mapping:
        table: posts
        columns: {post_id: id, created_at: time, text: caption, impressions: impressions,
                  reactions: likes, comments: comments, shares: shares}
    - match: "ig_followers*.csv"
      platform: instagram
      mapping:
        table: account_daily
        columns: {date: day, followers: followers}
"""


def playbook_text() -> str:
    """The demo playbook with the synthetic files declared as its sources."""
    demo = (ROOT / "playbooks" / "demo" / "playbook.yaml").read_text(encoding="utf-8")
    return demo[: demo.index("\nexports:")] + "\n" + SOURCES


def _times(rng: np.random.Generator, n: int, first: pd.Timestamp) -> np.ndarray:
    """``n`` sorted instants (int64 ns) spread evenly from ``first`` to the end of ``PERIOD``."""
    span = LAST.value - first.value
    base = np.sort(rng.integers(0, span, n))
    return first.value + base


def _months_back(times: np.ndarray) -> np.ndarray:
    """Whole months between each instant's month and the month before ``PERIOD`` (0 for
    the last two months, 1 for the one before them...), in the client's time zone."""
    local = pd.to_datetime(times, utc=True).tz_convert(ZONE)
    month = local.year * 12 + local.month
    before = pd.Period(PERIOD, "M") - 1
    return np.maximum(before.year * 12 + before.month - month.to_numpy(), 0)


def _iso(ns: np.ndarray) -> np.ndarray:
    return pd.to_datetime(ns, utc=True).strftime("%Y-%m-%dT%H:%M:%S+00:00").to_numpy()


def _messages(rng: np.random.Generator, n: int, platform: str, posts: np.ndarray,
              prefix: str, months: int = 2) -> pd.DataFrame:
    """``n`` messages of one platform over ``months`` months: 45 % replies to a recent
    message, 12 % by the team (mostly replies), 5 % by advocates, the rest by a pool of
    members (one fifteenth of two months' messages) that drifts over older months."""
    times = _times(rng, n, first_instant(months))
    index = np.arange(n)
    is_reply = (rng.random(n) < 0.45) & (index > 0)
    back = rng.integers(1, 60, n)
    parent_index = np.where(is_reply, np.maximum(index - back, 0), -1)
    who = rng.random(n)
    members = max(n * 2 // (15 * months), 10)
    member = rng.integers(0, members, n)
    if months > 2:
        member = member + _months_back(times) * max(members // 4, 1)
    user = np.char.add("u", member.astype(str)).astype(object)
    name = MEMBER_NAMES[member % len(MEMBER_NAMES)].astype(object)
    for pool, low, high in ((TEAM[platform], 0.0, 0.12), (ADVOCATES[platform], 0.12, 0.17)):
        pick = (who >= low) & (who < high) & (is_reply | (who < low + 0.01))
        choice = rng.integers(0, len(pool), n)
        user = np.where(pick, np.array([p[0] for p in pool], dtype=object)[choice], user)
        name = np.where(pick, np.array([p[1] for p in pool], dtype=object)[choice], name)
    weights = WEIGHTS / WEIGHTS.sum()
    text = TEXTS[rng.choice(len(TEXTS), n, p=weights)].astype(object)
    for _ in range(4):
        text = text + " " + WORDS[rng.integers(0, len(WORDS), n)].astype(object)
    ids = np.char.add(prefix, index.astype(str))
    parent = np.where(parent_index >= 0, ids[np.maximum(parent_index, 0)], "")
    frame = pd.DataFrame({"id": ids, "parent": parent, "user": user, "name": name,
                          "time": _iso(times), "text": text})
    if platform == "instagram":
        frame["post"] = np.where(is_reply, "", posts[rng.integers(0, len(posts), n)])
        frame["likes"] = rng.integers(0, 20, n)
    else:
        frame["channel"] = np.array(["general", "recipes", "orders", "sourdough"])[
            rng.integers(0, 4, n)]
    return frame


def write_client(exports: Path, size: int, seed: int = 7, months: int = 2) -> dict[str, int]:
    """Write the export files of a client with ``size`` messages over ``months`` months
    ending with ``PERIOD``; return row counts."""
    rng = np.random.default_rng(seed)
    exports.mkdir(parents=True, exist_ok=True)
    first = first_instant(months)
    n_posts = max(size // 400, 20)
    post_times = _times(rng, n_posts, first)
    post_ids = np.char.add("p", np.arange(n_posts).astype(str))
    captions = np.array(["New: jalapeño biscuits now in stores", "Tip: chill the butter",
                         "Which flavour should we bake next?", "Join us for the bake-along",
                         "20% off this weekend"])
    pd.DataFrame({
        "id": post_ids, "time": _iso(post_times),
        "caption": captions[rng.integers(0, len(captions), n_posts)],
        "impressions": rng.integers(500, 20000, n_posts),
        "likes": rng.integers(0, 800, n_posts), "comments": rng.integers(0, 90, n_posts),
        "shares": rng.integers(0, 40, n_posts),
    }).to_csv(exports / "ig_posts.csv", index=False)
    last_day = pd.Period(PERIOD, "M").end_time.strftime("%Y-%m-%d")
    first_day = (first.tz_convert(ZONE) - pd.Timedelta(days=7)).strftime("%Y-%m-%d")
    days = pd.date_range(first_day, last_day, freq="D")
    pd.DataFrame({"day": days.strftime("%Y-%m-%d"),
                  "followers": 12000 + np.arange(len(days)) * 9}).to_csv(
        exports / "ig_followers.csv", index=False)
    n_discord = size // 10
    _messages(rng, size - n_discord, "instagram", post_ids, "c", months).to_csv(
        exports / "ig_comments.csv", index=False)
    _messages(rng, n_discord, "discord", post_ids, "d", months).to_csv(
        exports / "discord_messages.csv", index=False)
    return {"messages": size, "posts": n_posts, "days": len(days)}


def make_workspace(root: Path) -> None:
    """A workspace folder with the review notebook (clients are added by ``add_client``)."""
    (root / "playbooks").mkdir(parents=True, exist_ok=True)
    (root / "notebooks").mkdir(exist_ok=True)
    source = ROOT / "notebooks" / "review.ipynb"
    (root / "notebooks" / "review.ipynb").write_bytes(source.read_bytes())


def add_client(root: Path, client: str, size: int, seed: int = 7,
               months: int = 2) -> dict[str, int]:
    """Playbook and exports of one synthetic client in the workspace at ``root``."""
    folder = root / "playbooks" / client
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "playbook.yaml").write_text(playbook_text(), encoding="utf-8")
    return write_client(folder / "exports", size, seed, months)
