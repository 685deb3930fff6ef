"""LinkedIn page analytics workbooks: the content export (posts) and new followers."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .base import Importer, ImportResult, SourceContext, file_time
from .dates import finish_times, parse_when
from .rows import column_like, find_row, padded_records, reject_rows
from .sheets import has_sheet, sheet_rows
from .values import parse_count

URN = re.compile(r"urn:li:(activity|share|ugcPost):(\d+)")


class LinkedInPosts(Importer):
    """LinkedIn page analytics, content workbook: sheet ``All posts``, header in row 2."""

    name = "linkedin_posts"
    platform = "linkedin"
    description = "LinkedIn page > Analytics > Content > Export (xlsx, sheet 'All posts')"
    tables = ("posts",)
    sheet = "All posts"

    def sniff(self, path: Path, head: str) -> bool:
        return has_sheet(path, self.sheet)

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        account = self.account(path)
        rows = sheet_rows(path, self.sheet, account)
        header = find_row(rows, ("post link", "created date"), path, search=5)
        names = rows[header]
        created = column_like(names, ["created date"]) or "created date"
        views = next((n.strip().lower() for n in names if n.lower().startswith("views")), "")
        urn_kinds: set[str] = set()

        def build(row: dict[str, str]) -> dict[str, object]:
            link = row.get("post link", "").strip()
            found = URN.search(link)
            if not found:
                raise ValueError(f"post link {link!r} holds no urn:li:activity id")
            urn_kinds.add(found[1])
            return {
                "platform": context.platform or self.platform,
                "post_id": found[2],
                "permalink": link,
                "local_time": parse_when(row[created], month_first=True),
                "author_name": row.get("posted by") or None,
                "text": row.get("post title", ""),
                "impressions": parse_count(row.get("impressions")),
                "views": parse_count(row.get(views)),
                "reactions": parse_count(row.get("likes")),
                "comments": parse_count(row.get("comments")),
                "shares": parse_count(row.get("reposts")),
                "clicks": parse_count(row.get("clicks")),
                "follows": parse_count(row.get("follows")),
            }

        frame = pd.DataFrame(reject_rows(padded_records(rows, header, account), account, build))
        finish_times(frame, context, account, "creation dates")
        account.notes.append("LinkedIn gives the creation date only: posts placed at 00:00 local")
        if urn_kinds - {"activity"}:
            account.notes.append(f"some links carry {sorted(urn_kinds - {'activity'})} URNs: "
                                 "their number is used as the post id")
        frame["metrics_as_of"] = file_time(path)
        frame["source_file"] = path.name
        return ImportResult({"posts": frame}, account)


class LinkedInFollowers(Importer):
    """LinkedIn followers workbook: sheet ``New followers``, one row per day (new, not total)."""

    name = "linkedin_followers"
    platform = "linkedin"
    description = "LinkedIn page > Analytics > Followers > Export (xlsx, sheet 'New followers')"
    tables = ("account_daily",)
    sheet = "New followers"

    def sniff(self, path: Path, head: str) -> bool:
        return has_sheet(path, self.sheet)

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        account = self.account(path)
        rows = sheet_rows(path, self.sheet, account)
        header = find_row(rows, ("date", "total followers"), path, search=5)
        date_column = column_like(rows[header], ["date"]) or "date"

        def build(row: dict[str, str]) -> dict[str, object]:
            day = parse_when(row[date_column], month_first=True).date()
            return {
                "platform": context.platform or self.platform,
                "date": pd.Timestamp(day),
                "followers_gained": parse_count(row["total followers"]),
            }

        frame = pd.DataFrame(reject_rows(padded_records(rows, header, account), account, build))
        account.notes.append("'Total followers' here is new followers per day (sponsored + "
                             "organic + auto-invited), read as followers gained, not a total")
        frame["metrics_as_of"] = file_time(path)
        frame["source_file"] = path.name
        return ImportResult({"account_daily": frame}, account)
