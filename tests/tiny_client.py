"""A tiny generated client: three months of Instagram (August to October 2026), one post
and a few member comments a month, some answered by the brand. Its figures by hand:

    month     comments by           answered by the brand   response rate   active members
    2026-08   ann bob cat dan       ann bob                 2 / 4 = 50.0 %  4
    2026-09   ann eve fay           all three               3 / 3 = 100 %   3
    2026-10   ann bob gus hal ivy   all but ivy             4 / 5 = 80.0 %  5

A post opens each month (and one closes October, so the data covers the three months
whole). Each comment is written at 15:00 UTC (11:00 in New York, inside business hours)
in the first half of its month, answered 30 minutes later: nothing is pending at a
month's end.
The playbook is the hand-calculation fixture's (its account, roster and commitments).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import FIXTURES

CLIENT = "tiny"
ACCOUNT = "17841400000000009"  # the handcalc playbook's Instagram account
MONTHS = {  # month: (post day, [(member, day, answered)])
    "2026-08": (1, [("ann", 5, True), ("bob", 6, True), ("cat", 7, False),
                    ("dan", 10, False)]),
    "2026-09": (1, [("ann", 2, True), ("eve", 3, True), ("fay", 8, True)]),
    "2026-10": (1, [("ann", 7, True), ("bob", 8, True), ("gus", 9, True), ("hal", 12, True),
                    ("ivy", 13, False)]),
}
MEMBERS = ["ann", "bob", "cat", "dan", "eve", "fay", "gus", "hal", "ivy", "handcalcbakery"]
BY_HAND = {"2026-08": {"response_rate": 0.5, "active_members": 4},
           "2026-09": {"response_rate": 1.0, "active_members": 3},
           "2026-10": {"response_rate": 0.8, "active_members": 5}}
POSTS_HEADER = ('\ufeff"Post ID","Account ID","Account username","Account name","Description",'
                '"Duration (sec)","Publish time","Permalink","Post type","Data comment","Date",'
                '"Views","Reach","Likes","Shares","Follows","Comments","Saves"')


def _comment(ident: str, member: str, when: str, media: str, text: str) -> dict[str, object]:
    return {"id": ident, "text": text, "timestamp": when, "username": member, "like_count": 0,
            "from": {"id": f"1785000000000{MEMBERS.index(member):02d}", "username": member},
            "media": {"id": media}}


def write_exports(folder: Path) -> Path:
    """The client's export files in ``folder``: a posts CSV and a comments file a post."""
    folder.mkdir(parents=True, exist_ok=True)
    posts = [POSTS_HEADER]
    for n, (month, (day, comments)) in enumerate(MONTHS.items()):
        media = f"1800000000000010{n}"
        year, mm = month.split("-")
        posts.append(f'"{media}","{ACCOUNT}","handcalcbakery","Handcalc Bakery","News {month}",'
                     f'"0","{mm}/{day:02d}/{year} 10:00","https://www.instagram.com/p/T{n}/",'
                     f'"IG image","","Lifetime","100","80","5","0","0","{len(comments)}","1"')
        data = []
        for i, (member, on, answered) in enumerate(comments):
            ident = f"179000000000{n}{i:02d}00"
            comment = _comment(ident, member, f"{month}-{on:02d}T15:00:00+0000", media,
                               f"Hello from {member}")
            replies = [{**_comment(f"{ident[:-2]}01", "handcalcbakery",
                                   f"{month}-{on:02d}T15:30:00+0000", media, "Thank you!"),
                        "from": {"id": ACCOUNT, "username": "handcalcbakery"},
                        "parent_id": ident}] if answered else []
            data.append({**comment, "replies": {"data": replies}})
        (folder / f"comments_{media}.json").write_text(
            json.dumps({"data": data, "paging": {"cursors": {"before": "x", "after": "y"}}}),
            encoding="utf-8")
    posts.append(f'"18000000000000199","{ACCOUNT}","handcalcbakery","Handcalc Bakery",'
                 '"See you in November","0","10/31/2026 10:00","https://www.instagram.com/p/T9/",'
                 '"IG image","","Lifetime","100","80","5","0","0","0","1"')  # the data to 31 Oct
    (folder / "instagram_posts.csv").write_text("\n".join(posts) + "\n", encoding="utf-8")
    return folder


def add(root: Path) -> Path:
    """The client's playbook in the workspace at ``root``, and its exports; returns the
    exports' folder."""
    folder = root / "playbooks" / CLIENT
    folder.mkdir(parents=True)
    shutil.copyfile(FIXTURES / "handcalc" / "playbook.yaml", folder / "playbook.yaml")
    return write_exports(folder / "exports")
