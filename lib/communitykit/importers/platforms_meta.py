"""Facebook and Instagram sources beyond ``meta.py``: translated post exports, legacy
Insights post exports and Facebook Page comments from the Graph API.

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

import json
import re
import unicodedata
from pathlib import Path

import pandas as pd

from ..errors import ImportFailed
from .base import (
    ROW,
    ImportAccount,
    Importer,
    ImportResult,
    SourceContext,
    checked,
    csv_rows,
    decode,
    file_time,
    mention_list,
    parse_count,
    parse_id,
    parse_json,
    reject_rows,
    reject_unreadable,
    take_notes,
)
from .meta import MetaPosts
from .platforms import (
    date_order,
    finish_times,
    first_row,
    padded_records,
    parse_when,
    pick,
)

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
        rows = csv_rows(decode(path))
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
        scratch = ImportAccount(str(path), self.name)
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


# --- legacy Facebook Insights --------------------------------------------------------------

LEGACY_LAYOUT = (
    "post id", "permalink", "post message", "type", "countries", "languages", "posted",
    "audience targeting", "lifetime post total reach", "lifetime post organic reach",
    "lifetime post paid reach", "lifetime post total impressions",
    "lifetime post organic impressions", "lifetime post paid impressions",
    "lifetime engaged users",
)
LEGACY_ALIASES = {
    "post id": ("post id", "social_network_id"),
    "reach": ("lifetime post total reach", "reach"),
    "impressions": ("lifetime post total impressions", "impressions"),
    "reactions": ("lifetime post stories by action type - like", "likes"),
    "comments": ("lifetime post stories by action type - comment", "comments"),
    "shares": ("lifetime post stories by action type - share", "shares"),
    "clicks": ("lifetime post consumers by type - link clicks", "clicks"),
}
PAGE_POST = re.compile(r'^"?\d+_\d+"?,"?https://(www\.)?facebook\.com/', re.MULTILINE)
US_SECONDS = re.compile(r"\d{2}/\d{2}/\d{4} \d{1,2}:\d{2}:\d{2} [AP]M")
POST_ID = re.compile(r"^\d+(_\d+)?$")


def _legacy_names(row: list[str]) -> list[str]:
    return [c.strip().strip("'\"").strip().lower() for c in row]


class FacebookInsightsLegacy(Importer):
    """Legacy Facebook Insights post export: names row, description row, then posts."""

    name = "facebook_insights_legacy"
    platform = "facebook"
    description = "Facebook Page Insights (legacy) > Export data > Post data (CSV)"
    tables = ("posts",)

    def sniff(self, path: Path, head: str) -> bool:
        first = _legacy_names(first_row(head))
        if "post id" in first and "lifetime post total reach" in first:
            return True
        return bool(PAGE_POST.search(head) and US_SECONDS.search(head))

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        read = csv_rows(decode(path))
        rows = list(read)
        header = next((i for i, r in enumerate(rows[:5]) if {"post id", "social_network_id"}
                       & set(_legacy_names(r))), None)
        if header is None:
            raise ImportFailed("no legacy Insights header (Post ID) in the first 5 rows",
                               file=path, column="post id")
        account = ImportAccount(str(path), self.name)
        names, by_position = _legacy_header(rows[header])
        if by_position:
            account.notes.append("header row incomplete: columns " + ", ".join(by_position)
                                 + " read by their place in the legacy layout")
        rows = rows[:header] + [names] + rows[header + 1:]
        if len(rows) > header + 1 and not POST_ID.match(rows[header + 1][0].strip()):
            rows[header + 1] = []  # the description row: skipped, not counted
            account.notes.append("the description row under the header skipped")
        items = padded_records(rows, header, account)
        take_notes(read, account)
        reject_unreadable(rows, header, account)
        month_first = date_order((r.get("posted", "") for _, r in items), account)
        platform = context.platform or self.platform

        def build(row: dict[str, str]) -> dict[str, object]:
            out: dict[str, object] = {
                "platform": platform,
                "post_id": parse_id(pick(row, LEGACY_ALIASES["post id"])),
                "permalink": row.get("permalink") or None,
                "local_time": parse_when(row.get("posted", ""), month_first),
                "text": row.get("post message", ""),
            }
            page = str(out["post_id"]).split("_")[0] if "_" in str(out["post_id"]) else None
            out["account_id"] = out["author_id"] = page
            for column in ("reach", "impressions", "reactions", "comments", "shares", "clicks"):
                out[column] = parse_count(pick(row, LEGACY_ALIASES[column]))
            return out

        frame = pd.DataFrame(reject_rows(items, account, build))
        finish_times(frame, context, account, "posted times")
        account.notes.append("legacy Insights wrote times in the Page's (often Pacific) time: "
                             "declare the timezone in the playbook if it is not the client's")
        frame["metrics_as_of"] = file_time(path)
        frame["source_file"] = path.name
        return ImportResult({"posts": frame}, account)


def _legacy_header(row: list[str]) -> tuple[list[str], list[str]]:
    """Header names; blank names within the known layout filled in by position."""
    names = _legacy_names(row)
    if names and names[0] == "social_network_id":
        names[0] = "post id"
    filled = []
    for index, name in enumerate(names):
        if not name and index < len(LEGACY_LAYOUT) and LEGACY_LAYOUT[index] not in names:
            names[index] = LEGACY_LAYOUT[index]
            filled.append(LEGACY_LAYOUT[index])
    return names, filled


# --- Facebook Graph API comments -----------------------------------------------------------

class FacebookComments(Importer):
    """Page comments from the Graph API: ``message``, ``created_time``, nested ``comments``."""

    name = "facebook_graph_comments"
    platform = "facebook"
    description = "Facebook Graph API GET /{post-id}/comments (JSON)"
    tables = ("messages",)

    def sniff(self, path: Path, head: str) -> bool:
        compact = head.replace(" ", "").replace("\n", "").replace("\r", "")
        return (path.suffix.lower() == ".json" and compact.startswith('{"data":[')
                and '"created_time"' in head and '"timestamp"' not in head
                and ('"message"' in head or '"from"' in head))

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        account = ImportAccount(str(path), self.name)
        try:
            document = parse_json(decode(path), account.repairs)
        except json.JSONDecodeError as exc:
            raise ImportFailed(f"not valid JSON: {exc.msg}", file=path, row=exc.lineno) from None
        if not isinstance(document, dict) or not isinstance(document.get("data"), list):
            raise ImportFailed("expected an object with a 'data' list of comments", file=path)
        kept: list[dict[str, object]] = []
        platform = context.platform or self.platform

        def take(item: object, parent: str | None) -> None:
            account.rows_read += 1
            number = account.rows_read
            try:
                kept.append({**_fb_comment(item, parent, platform), ROW: number})
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                account.reject(number, f"comment {number}: {str(exc).strip(chr(39))}")
            if isinstance(item, dict):
                for reply in (item.get("comments") or {}).get("data") or []:
                    take(reply, str(item.get("id")))

        for item in document["data"]:
            take(item, None)
        account.notes.append("rows are numbered in reading order, replies after their comment; "
                             "post id = the comment id before its last '_'")
        frame = pd.DataFrame(kept)
        frame["source_file"] = path.name
        return ImportResult({"messages": frame}, account)


def _fb_comment(item: object, parent: str | None, platform: str) -> dict[str, object]:
    if not isinstance(item, dict):
        raise ValueError("a comment is not an object")
    comment_id = parse_id(item["id"])
    sender = item.get("from")
    if not sender or not sender.get("id"):
        raise ValueError("no 'from' (the API leaves it out without the Page's permission)")
    parent_id = (item.get("parent") or {}).get("id") or parent
    post = comment_id.rsplit("_", 1)[0] if "_" in comment_id else None
    return {
        "platform": platform,
        "message_id": comment_id,
        "post_id": post,
        "container": post,
        "parent_id": parse_id(parent_id) if parent_id else None,
        "mentions": _tagged(item.get("message_tags")),
        "author_id": parse_id(sender["id"]),
        "author_name": sender.get("name"),
        "created_at": _utc(item["created_time"]),
        "text": str(item.get("message") or ""),
        "likes": parse_count(item.get("like_count")),
        "kind": "reply" if parent_id else "comment",
    }


def _tagged(tags: object) -> str | None:
    """The ids of the people and Pages a comment tags (Graph API ``message_tags[].id``)."""
    if not isinstance(tags, list):
        return None
    return mention_list(parse_id(t["id"]) for t in tags if isinstance(t, dict) and t.get("id"))


def _utc(value: object) -> pd.Timestamp:
    try:
        stamp = pd.Timestamp(str(value)).tz_convert("UTC")
    except (ValueError, TypeError):
        raise ValueError(f"created_time {value!r} is not ISO 8601 with an offset") from None
    return checked(stamp, "created_time")


IMPORTERS: tuple[Importer, ...] = (
    MetaPostsTranslated(), FacebookInsightsLegacy(), FacebookComments())
