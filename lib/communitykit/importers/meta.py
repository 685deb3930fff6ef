"""Meta Business Suite exports, shared by Facebook and Instagram: the post table (English
headers, or translated ones), and per-metric insight files.

Translated headers. Meta Business Suite writes the post export's header in the user's
interface language. The tables below map Chinese (simplified, zh_CN) and Spanish (es_LA /
es_ES) names to the English ones ``meta_posts`` reads. They were written from Meta's
interface wording (Business Suite > Insights > Content with the language switched), not
from a collected export file, so they are UNVERIFIED; names marked ``# ?`` are the least
certain and some keys list two spellings Meta uses in different places. Names are compared
after NFKC normalisation (full-width parentheses and commas count as ASCII), case-folded.
Unknown columns keep their translated name and are ignored, as ``meta_posts`` ignores
English columns it does not use. The ``Date`` column (``Lifetime`` / 总计 / Total) is
ignored there too.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from ..errors import ImportFailed
from .base import Importer, ImportResult, SourceContext, file_time
from .csv_base import CsvFile, CsvImporter, Items, Record
from .dates import date_order, localize, parse_when
from .rows import file_rows, find_header, first_row, records, reject_rows, take_notes
from .values import parse_count, parse_id


class MetaPosts(CsvImporter):
    """Post export of Meta Business Suite (Facebook or Instagram), English headers."""

    name = "meta_posts"
    platform = "instagram or facebook"
    description = "Meta Business Suite > Insights > Content > Export (posts, CSV)"
    table = "posts"
    required = ("post id", "publish time")

    def sniff(self, path: Path, head: str) -> bool:
        first = head.lower().splitlines()[0] if head else ""
        return all(f'"{r}"' in first or r in first.split(",") for r in self.required)

    def builder(self, file: CsvFile, items: Items) -> Callable[[dict[str, str]], Record]:
        names = {c.strip().lower() for c in file.rows[file.header]}
        platform = file.context.platform or (
            "instagram" if "account username" in names else "facebook")

        def build(row: dict[str, str]) -> dict[str, object]:
            published = row["publish time"].strip()
            try:
                local = dt.datetime.strptime(published, "%m/%d/%Y %H:%M")
            except ValueError:
                raise ValueError(f"publish time {published!r} is not MM/DD/YYYY HH:MM") from None
            likes = parse_count(row.get("likes") or row.get("reactions"))
            return {
                "platform": platform,
                "account_id": parse_id(row.get("account id") or row.get("page id") or "0"),
                "post_id": parse_id(row["post id"]),
                "permalink": row.get("permalink") or None,
                "local_time": local,
                "author_id": parse_id(row.get("account id") or row.get("page id") or "0"),
                "author_name": row.get("account username") or row.get("page name") or None,
                "kind": None,
                "text": row.get("description") or row.get("title") or "",
                "impressions": parse_count(row.get("impressions") or row.get("views")),
                "reach": parse_count(row.get("reach")),
                "views": parse_count(row.get("views")),
                "reactions": likes,
                "comments": parse_count(row.get("comments")),
                "shares": parse_count(row.get("shares")),
                "saves": parse_count(row.get("saves")),
                "clicks": parse_count(row.get("link clicks") or row.get("other clicks")),
                "follows": parse_count(row.get("follows")),
            }

        return build

    def finish(self, frame: pd.DataFrame, file: CsvFile) -> pd.DataFrame:
        if not frame.empty:
            frame["created_at"], shifted = localize(
                pd.to_datetime(frame.pop("local_time")), file.context.timezone
            )
            if shifted:
                file.account.notes.append(f"{shifted} publish times fell in a DST change")
            file.account.notes.append(
                f"publish times read as {file.context.timezone.key} local time")
        return super().finish(frame, file)


# --- translated headers --------------------------------------------------------------------

CHINESE = {
    "帖子编号": "Post ID", "帖子 id": "Post ID",
    "公共主页编号": "Page ID", "主页编号": "Page ID",
    "公共主页名称": "Page name", "主页名称": "Page name",
    "帐户编号": "Account ID", "账户编号": "Account ID",
    "帐户用户名": "Account username", "账户用户名": "Account username",
    "帐户名称": "Account name", "账户名称": "Account name",
    "标题": "Title", "说明": "Description", "描述": "Description",
    "时长(秒)": "Duration (sec)", "发布时间": "Publish time",
    "永久链接": "Permalink", "固定链接": "Permalink",  # ?
    "帖子类型": "Post type", "类型": "Type", "数据备注": "Data comment",  # ?
    "日期": "Date", "浏览量": "Views", "观看次数": "Views",  # ?
    "覆盖人数": "Reach", "展示次数": "Impressions",
    "心情、评论和分享": "Reactions, Comments and Shares",  # ?
    "心情": "Reactions", "评论": "Comments", "评论数": "Comments",
    "分享": "Shares", "分享次数": "Shares",
    "赞": "Likes", "获赞数": "Likes",  # ?
    "关注": "Follows", "关注数": "Follows",  # ?
    "收藏": "Saves", "收藏次数": "Saves", "保存": "Saves",  # ?
    "链接点击量": "Link clicks", "其他点击量": "Other clicks",  # ?
}
SPANISH = {
    "identificador de la publicación": "Post ID",
    "identificador de la página": "Page ID", "nombre de la página": "Page name",
    "identificador de la cuenta": "Account ID",
    "nombre de usuario de la cuenta": "Account username", "nombre de la cuenta": "Account name",
    "título": "Title", "descripción": "Description", "duración (s)": "Duration (sec)",
    "hora de publicación": "Publish time", "enlace permanente": "Permalink",
    "tipo de publicación": "Post type", "tipo": "Type",
    "comentario sobre los datos": "Data comment",  # ?
    "fecha": "Date", "visualizaciones": "Views", "reproducciones": "Views",  # ?
    "alcance": "Reach", "impresiones": "Impressions",
    "reacciones, comentarios y veces que se compartió": "Reactions, Comments and Shares",  # ?
    "reacciones": "Reactions", "comentarios": "Comments",
    "veces que se compartió": "Shares", "compartidos": "Shares",  # ?
    "me gusta": "Likes", "seguimientos": "Follows",  # ?
    "veces que se guardó": "Saves", "guardados": "Saves",  # ?
    "clics en el enlace": "Link clicks", "otros clics": "Other clicks",  # ?
}


def _norm(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).strip().lower().split())


LANGUAGES: dict[str, dict[str, str]] = {
    "Chinese (simplified)": {_norm(k): v for k, v in CHINESE.items()},
    "Spanish": {_norm(k): v for k, v in SPANISH.items()},
}


def _language(row: list[str]) -> str | None:
    """The language whose table names both Post ID and Publish time in ``row``."""
    names = [_norm(c) for c in row]
    for language, table in LANGUAGES.items():
        english = {table.get(n) for n in names}
        if {"Post ID", "Publish time"} <= english:
            return language
    return None


class MetaPostsTranslated(MetaPosts):
    """Meta Business Suite post export with headers in Chinese or Spanish."""

    name = "meta_posts_translated"
    description = "Meta Business Suite post export, headers in Chinese (simplified) or Spanish"

    def sniff(self, path: Path, head: str) -> bool:
        return _language(first_row(head)) is not None

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        rows = file_rows(path)
        header = next((i for i, r in enumerate(rows[:10]) if _language(r)), None)
        if header is None:
            raise ImportFailed("no Chinese or Spanish Meta post header (Post ID and Publish "
                               "time) in the first 10 rows", file=path)
        language = _language(rows[header]) or ""
        table = LANGUAGES[language]
        english = [table.get(_norm(c), c) for c in rows[header]]
        notes = [f"headers read as {language}: {sum(_norm(c) in table for c in rows[header])} "
                 f"of {len(english)} columns translated"]
        when = english.index("Publish time")
        body = rows[header + 1:]
        scratch = self.account(path)
        month_first = date_order((r[when] for r in body if len(r) > when), scratch)
        notes += scratch.notes
        for row in body:
            if len(row) > when:
                row[when] = _us_time(row[when], month_first)
        result = self._read_english(path, rows[:header] + [english] + body, context)
        result.account.file, result.account.format = str(path), self.name
        result.account.notes[:0] = notes
        take_notes(rows, result.account)
        return result

    def _read_english(self, path: Path, rows: list[list[str]],
                      context: SourceContext) -> ImportResult:
        """The English reader on the translated rows."""
        return self.read_rows(path, rows, context)


def _us_time(value: str, month_first: bool) -> str:
    """``YYYY-MM-DD HH:MM`` and friends as ``MM/DD/YYYY HH:MM``; unknown forms unchanged."""
    try:
        return parse_when(value, month_first).strftime("%m/%d/%Y %H:%M")
    except ValueError:
        return value


# --- per-metric insight files ---------------------------------------------------------------

class MetaInsight(Importer):
    """Per-metric insight file: UTF-16, ``sep=,``, a title line, then Date,Primary."""

    name = "meta_insight"
    platform = "instagram or facebook"
    description = "Meta Business Suite > Insights > Export (one metric, e.g. followers)"
    tables = ("account_daily",)

    def sniff(self, path: Path, head: str) -> bool:
        lines = [line.strip().lower() for line in head.splitlines()[:3]]
        return len(lines) == 3 and lines[0].startswith("sep=") and '"date"' in lines[2]

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        rows = file_rows(path)
        if len(rows) < 2:
            raise ImportFailed("an insight file needs a title line and a header", file=path)
        title = " ".join(rows[0]).strip()
        column = _insight_column(title, path)
        platform = context.platform or ("instagram" if "instagram" in title.lower() else "facebook")
        header = find_header(rows, ("date", "primary"), path, search=3)
        account = self.account(path)
        account.notes.append(f"metric {title!r} read as {column}")

        def build(row: dict[str, str]) -> dict[str, object]:
            day = row["date"].strip()[:10]
            try:
                date = dt.date.fromisoformat(day)
            except ValueError:
                raise ValueError(f"date {row['date']!r} is not YYYY-MM-DD") from None
            return {"platform": platform, "date": pd.Timestamp(date),
                    column: parse_count(row["primary"])}

        # +1: the sep= line was dropped before the rows were numbered
        items = [(line + 1, row) for line, row in records(rows, header, account)]
        frame = pd.DataFrame(reject_rows(items, account, build))
        frame["metrics_as_of"] = file_time(path)
        frame["source_file"] = path.name
        return ImportResult({"account_daily": frame}, account)


def _insight_column(title: str, path: Path) -> str:
    lowered = title.lower()
    if "unfollow" in lowered:
        return "followers_lost"
    if "follows" in lowered or "new follower" in lowered:
        return "followers_gained"
    if "follower" in lowered:
        return "followers"
    if "impression" in lowered or "views" in lowered:
        return "impressions"
    raise ImportFailed(
        f"insight metric {title!r} is not one the kit uses "
        "(followers, follows, unfollows, impressions, views)",
        file=path,
        row=2,
    )
