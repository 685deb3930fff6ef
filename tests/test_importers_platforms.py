"""Platform importers: translated Meta posts, legacy Insights, Facebook comments, LinkedIn,
YouTube, TikTok and management-tool mentions. Exact ids, UTC times and row accounts."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pandas as pd
import pytest

from communitykit.errors import ImportFailed
from communitykit.importers import REGISTRY
from communitykit.importers.account import ImportAccount
from communitykit.importers.base import Importer, SourceContext, head_text
from communitykit.importers.dates import date_order, parse_when
from communitykit.importers.facebook import FacebookComments, FacebookInsightsLegacy
from communitykit.importers.linkedin import LinkedInFollowers, LinkedInPosts
from communitykit.importers.mentions_tool import ToolMentions
from communitykit.importers.meta import MetaPostsTranslated
from communitykit.importers.tiktok import TikTokFollowers, TikTokOverview, infer_years
from communitykit.importers.youtube import YouTubeComments, YouTubeStudio
from communitykit.tables import conform

EXPORTS = Path(__file__).parent / "fixtures" / "exports"
HANDCALC = Path(__file__).parent / "fixtures" / "handcalc" / "exports"
NEW = tuple(REGISTRY[name] for name in (
    "linkedin_posts", "linkedin_followers", "mentions_tool", "meta_posts_translated",
    "facebook_insights_legacy", "facebook_graph_comments", "youtube_studio",
    "youtube_comments", "tiktok_overview", "tiktok_followers"))


def _claims(path: Path) -> list[str]:
    """Every registered importer whose sniff accepts the file."""
    head = head_text(path)
    return [i.name for i in REGISTRY.values() if i.sniff(path, head)]


def _read(importer: Importer, path: Path, tz: str = "UTC",
          platform: str | None = None) -> tuple[pd.DataFrame, ImportAccount]:
    """Read one file and conform its single table to the schema, as ingest does."""
    result = importer.read(path, SourceContext(ZoneInfo(tz), platform))
    ((table, frame),) = result.tables.items()
    return conform(frame, table), result.account


def _csv(path: Path, rows: list[list[str]], bom: bool = False, newline: str = "\n") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=newline).writerows(rows)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + buffer.getvalue().encode("utf-8"))
    return path


def _utc(frame: pd.DataFrame, column: str = "created_at") -> list[str]:
    return [t.isoformat() for t in frame[column]]


def _touch(path: Path, when: dt.datetime) -> None:
    os.utime(path, (when.timestamp(), when.timestamp()))


# --- Meta, translated headers ----------------------------------------------------------------

ZH_HEADER = ["帖子编号", "公共主页编号", "公共主页名称", "标题", "说明", "时长（秒）", "发布时间",
             "永久链接", "日期", "浏览量", "覆盖人数", "心情、评论和分享", "心情", "评论", "分享"]


def test_meta_posts_with_chinese_headers(tmp_path: Path) -> None:
    path = _csv(tmp_path / "Mar-01-2025_Mar-31-2025_1234.csv", [
        ZH_HEADER,
        ["1223344556677889", "110000000000001", "面包店", "", "新品上市", "", "03/25/2025 22:00",
         "https://www.facebook.com/1/posts/1223344556677889", "总计", "1,200", "900", "30",
         "20", "6", "4"],
        ["1223344556677890", "110000000000001", "面包店", "", "周末营业", "", "2025-03-26 09:30",
         "", "Lifetime", "300", "250", "5", "3", "1", "1"],
        ["1223344556677891", "110000000000001", "面包店", "", "坏行", "", "25.03.2025 22:00",
         "", "总计", "1", "1", "0", "0", "0", "0"],
    ], bom=True)
    _touch(path, dt.datetime(2025, 4, 1, 8, 0, tzinfo=dt.UTC))
    assert _claims(path) == ["meta_posts_translated"]
    posts, account = _read(MetaPostsTranslated(), path, "America/New_York")
    assert posts["post_id"].tolist() == ["1223344556677889", "1223344556677890"]
    assert _utc(posts) == ["2025-03-26T02:00:00+00:00", "2025-03-26T13:30:00+00:00"]
    assert posts["reach"].tolist() == [900, 250] and posts["views"].tolist() == [1200, 300]
    assert posts["reactions"].tolist() == [20, 3] and posts["shares"].tolist() == [4, 1]
    assert set(posts["platform"]) == {"facebook"} and posts["text"].tolist()[0] == "新品上市"
    assert posts["metrics_as_of"].iloc[0].isoformat() == "2025-04-01T08:00:00+00:00"
    assert set(posts["source_file"]) == {path.name}
    assert account.format == "meta_posts_translated" and account.file == str(path)
    assert account.rows_read == 3
    assert account.rejected == [(4, "publish time '25.03.2025 22:00' is not MM/DD/YYYY HH:MM")]
    assert account.notes[0] == "headers read as Chinese (simplified): 15 of 15 columns translated"


def test_meta_posts_with_spanish_instagram_headers(tmp_path: Path) -> None:
    path = _csv(tmp_path / "export.csv", [
        ["Identificador de la publicación", "Identificador de la cuenta",
         "Nombre de usuario de la cuenta", "Descripción", "Hora de publicación",
         "Enlace permanente", "Tipo de publicación", "Fecha", "Visualizaciones", "Alcance",
         "Me gusta", "Veces que se compartió", "Seguimientos", "Comentarios",
         "Veces que se guardó", "Columna nueva"],
        ["18012345678901234", "17841400000000001", "panaderia", "pan nuevo", "2025-04-01 08:15",
         "https://www.instagram.com/p/DA1/", "Imagen", "De por vida", "500", "400", "40", "2",
         "1", "7", "9", "x"],
        ["18012345678901235", "17841400000000001", "panaderia", "oferta", "04/02/2025 19:00",
         "https://www.instagram.com/p/DA2/", "Reel", "De por vida", "900", "800", "80", "4",
         "0", "3", "12", "y"],
    ])
    assert _claims(path) == ["meta_posts_translated"]
    posts, account = _read(MetaPostsTranslated(), path, "Europe/Madrid")
    assert set(posts["platform"]) == {"instagram"}
    assert posts["post_id"].tolist() == ["18012345678901234", "18012345678901235"]
    assert _utc(posts) == ["2025-04-01T06:15:00+00:00", "2025-04-02T17:00:00+00:00"]
    assert posts["reactions"].tolist() == [40, 80] and posts["saves"].tolist() == [9, 12]
    assert posts["follows"].tolist() == [1, 0] and posts["author_name"].tolist()[0] == "panaderia"
    assert account.kept == 0 and account.rows_read == 2 and not account.rejected
    assert "headers read as Spanish: 15 of 16 columns translated" in account.notes


def test_meta_posts_translated_needs_a_translated_header(tmp_path: Path) -> None:
    path = _csv(tmp_path / "posts.csv", [["标题", "日期"], ["a", "总计"]])
    with pytest.raises(ImportFailed, match="no Chinese or Spanish Meta post header"):
        MetaPostsTranslated().read(path, SourceContext(ZoneInfo("UTC")))


# --- legacy Facebook Insights ------------------------------------------------------------------

LEGACY_HEADER = [
    "Post ID", "Permalink", "Post Message", "Type", "Countries", "Languages", "Posted",
    "Audience Targeting", "Lifetime Post Total Reach", "Lifetime Post organic reach",
    "Lifetime Post Paid Reach", "Lifetime Post Total Impressions",
    "Lifetime Post Organic Impressions", "Lifetime Post Paid Impressions",
    "Lifetime Engaged Users", "Lifetime Post Stories by action type - comment",
    "Lifetime Post Stories by action type - like", "Lifetime Post Stories by action type - share",
    "Lifetime Post consumers by type - link clicks",
]


def test_legacy_insights_sample_with_replaced_header() -> None:
    path = EXPORTS / "meta" / "trialpromoter_facebook_insights_MODIFIED_header.csv"
    assert _claims(path) == ["facebook_insights_legacy"]
    posts, account = _read(FacebookInsightsLegacy(), path, "America/Los_Angeles")
    assert posts["post_id"].tolist() == ["1462412660449136_1603035389720195",
                                         "1462412660449136_1602961003060967",
                                         "1462412660449136_1602792029744531"]
    assert _utc(posts) == ["2017-07-17T22:00:13+00:00", "2017-07-17T20:00:28+00:00",
                           "2017-07-17T16:00:15+00:00"]
    assert posts["permalink"].iloc[0] == (
        "https://www.facebook.com/BeFreeOfTobacco/posts/1603035389720195:0")
    assert posts["text"].iloc[1].startswith("Hydrogen cyanide") and "\n" in posts["text"].iloc[1]
    assert posts["impressions"].tolist() == [0, 0, 0] and posts["reach"].tolist() == [0, 0, 0]
    assert posts["comments"].isna().all()  # its column lies beyond the real data
    assert set(posts["account_id"]) == {"1462412660449136"}
    assert account.rows_read == 3 and not account.rejected
    assert account.notes[0].startswith("header row incomplete: columns permalink, post message")


def test_legacy_insights_two_header_rows(tmp_path: Path) -> None:
    descriptions = [""] * 8 + ["Lifetime: The number of people who saw your Page post."] * 11
    path = _csv(tmp_path / "Facebook Insights Data Export (Post Level) - Brand.csv", [
        LEGACY_HEADER, descriptions,
        ["123_456", "https://www.facebook.com/brand/posts/456", "hello", "Photo", "", "",
         "10/02/2026 02:30:00 PM", "", "1,500", "1,400", "100", "2,000", "1,800", "200", "90",
         "4", "30", "2", "11"],
        ["123_457", "https://www.facebook.com/brand/posts/457", "second", "Link", "", "",
         "10/03/2026 09:05:00 AM", "", "700", "700", "0", "900", "900", "0", "20", "0", "8",
         "0", "5"],
        ["123_458", "", "bad", "Photo", "", "", "yesterday", "", "1", "1", "0", "1", "1", "0",
         "0", "0", "0", "0", "0"],
    ])
    assert _claims(path) == ["facebook_insights_legacy"]
    posts, account = _read(FacebookInsightsLegacy(), path, "America/Los_Angeles")
    assert posts["post_id"].tolist() == ["123_456", "123_457"]
    assert _utc(posts) == ["2026-10-02T21:30:00+00:00", "2026-10-03T16:05:00+00:00"]
    assert posts["reach"].tolist() == [1500, 700] and posts["impressions"].tolist() == [2000, 900]
    assert posts["reactions"].tolist() == [30, 8] and posts["comments"].tolist() == [4, 0]
    assert posts["shares"].tolist() == [2, 0] and posts["clicks"].tolist() == [11, 5]
    assert account.rows_read == 3
    assert account.rejected == [(5, "date 'yesterday' is in no known form")]
    assert "the description row under the header skipped" in account.notes


# --- Facebook Graph API comments ---------------------------------------------------------------

def test_facebook_graph_comments(tmp_path: Path) -> None:
    doc = {"data": [
        {"id": "1234567890123456_2000000000000001", "message": "Open on Sunday?",
         "created_time": "2026-10-02T14:00:00+0000", "like_count": 3,
         "from": {"id": "7000000000000001", "name": "Ann Example"},
         "comments": {"data": [
             {"id": "1234567890123456_2000000000000002", "message": "Yes, 10 to 4",
              "created_time": "2026-10-02T15:30:00-0400", "like_count": 1,
              "from": {"id": "1234567890123450", "name": "Bakery"},
              "parent": {"id": "1234567890123456_2000000000000001"}}]}},
        {"id": "111_222_3000000000000003", "message": "hidden author",
         "created_time": "2026-10-02T16:00:00+0000"},
        {"id": "1234567890123456_2000000000000004", "message": "Lovely",
         "created_time": "2026-10-03T08:00:00+0000", "from": {"id": "7000000000000002",
                                                             "name": "Bo"}},
    ], "paging": {"cursors": {"before": "a", "after": "b"}}}
    path = tmp_path / "page_comments.json"
    path.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    assert _claims(path) == ["facebook_graph_comments"]
    assert not any(FacebookComments().sniff(p, head_text(p)) for p in HANDCALC.glob("*.json"))
    messages, account = _read(FacebookComments(), path)
    assert messages["message_id"].tolist() == ["1234567890123456_2000000000000001",
                                               "1234567890123456_2000000000000002",
                                               "1234567890123456_2000000000000004"]
    assert messages["parent_id"].tolist()[1] == "1234567890123456_2000000000000001"
    assert pd.isna(messages["parent_id"].iloc[0]) and messages["kind"].tolist() == [
        "comment", "reply", "comment"]
    assert set(messages["post_id"]) == {"1234567890123456"}
    assert _utc(messages) == ["2026-10-02T14:00:00+00:00", "2026-10-02T19:30:00+00:00",
                              "2026-10-03T08:00:00+00:00"]
    assert messages["likes"].tolist()[:2] == [3, 1] and pd.isna(messages["likes"].iloc[2])
    assert messages["author_id"].tolist()[1] == "1234567890123450"
    assert account.rows_read == 4 and len(account.rejected) == 1
    assert account.rejected[0][0] == 3 and "no 'from'" in account.rejected[0][1]


# --- LinkedIn -----------------------------------------------------------------------------------

POST_COLUMNS = ["Post title", "Post link", "Post type", "Campaign name", "Posted by",
                "Created date (mm/dd/yyyy)", "Campaign start date", "Campaign end date",
                "Audience", "Impressions", "Views (excluding off-site video views)",
                "Off-site views", "Clicks", "Click through rate (CTR)", "Likes", "Comments",
                "Reposts", "Follows", "Engagement rate", "Content Type"]
FEED = "https://www.linkedin.com/feed/update/urn:li:activity:"


def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_linkedin_posts_workbook(tmp_path: Path) -> None:
    note = ["All posts data for the period 10/01/2026 - 10/31/2026. Data is refreshed daily."]
    path = _workbook(tmp_path / "brand_content_1761955200000.xlsx", {
        "Metrics": [note, ["Date", "Impressions (organic)"], ["10/01/2026", 100]],
        "All posts": [note, POST_COLUMNS,
                      ["Launch day", FEED + "7123456789012345678", "Organic", "", "Ann Example",
                       "10/02/2026", "", "", "All followers", 1234, 56, 0, 12, 0.0097, 30, 4,
                       2, 1, 0.04, "Image"],
                      ["Team photo", FEED + "7123456789012345679", "Organic", "", "Ann Example",
                       dt.datetime(2026, 10, 3), "", "", "All followers", 800, "", "", 5,
                       0.006, 10, 0, 0, 0, 0.02, "Text"],
                      ["Webinar", "https://www.linkedin.com/feed/update/urn:li:ugcPost:"
                       "7123456789012345680", "Sponsored", "Q4", "", 46300, "", "", "", 5000,
                       "", "", 100, 0.02, 40, 2, 3, 9, 0.03, "Video"],
                      ["Broken", "https://lnkd.in/abc", "Organic", "", "", "10/06/2026", "",
                       "", "", 1, "", "", 0, 0, 0, 0, 0, 0, 0, "Text"]],
    })
    assert _claims(path) == ["linkedin_posts"]
    posts, account = _read(LinkedInPosts(), path, "Europe/Berlin")
    assert posts["post_id"].tolist() == ["7123456789012345678", "7123456789012345679",
                                         "7123456789012345680"]
    assert _utc(posts) == ["2026-10-01T22:00:00+00:00", "2026-10-02T22:00:00+00:00",
                           "2026-10-04T22:00:00+00:00"]
    assert posts["impressions"].tolist() == [1234, 800, 5000]
    assert posts["views"].tolist()[0] == 56 and pd.isna(posts["views"].iloc[1])
    assert posts["reactions"].tolist() == [30, 10, 40] and posts["shares"].tolist() == [2, 0, 3]
    assert posts["follows"].tolist() == [1, 0, 9] and posts["clicks"].tolist() == [12, 5, 100]
    assert posts["author_name"].tolist()[0] == "Ann Example"
    assert account.rows_read == 4
    assert account.rejected == [(6, "post link 'https://lnkd.in/abc' holds no "
                                    "urn:li:activity id")]
    assert any("['ugcPost'] URNs" in n for n in account.notes)


def test_linkedin_new_followers_are_daily_gains(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "brand_followers_1761955200000.xlsx", {
        "New followers": [["Daily new followers. Data is refreshed daily."],
                          ["Date", "Sponsored followers", "Organic followers",
                           "Auto-invited followers", "Total followers"],
                          ["10/01/2026", 0, 5, 0, 5], ["10/02/2026", 0, 0, 0, 0],
                          [dt.datetime(2026, 10, 3), 2, 9, 1, 12], ["soon", 0, 1, 0, 1]],
        "Location": [["x"], ["Location", "Total followers"], ["Berlin", 10]],
    })
    assert _claims(path) == ["linkedin_followers"]
    daily, account = _read(LinkedInFollowers(), path)
    assert [d.date().isoformat() for d in daily["date"]] == ["2026-10-01", "2026-10-02",
                                                             "2026-10-03"]
    assert daily["followers_gained"].tolist() == [5, 0, 12] and daily["followers"].isna().all()
    assert account.rows_read == 4 and account.rejected == [(6, "date 'soon' is in no known form")]


def test_old_binary_xls_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "brand_content.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64 + b"\x85\0All posts")
    assert _claims(path) == ["linkedin_posts"]
    with pytest.raises(ImportFailed, match="save it as .xlsx"):
        LinkedInPosts().read(path, SourceContext(ZoneInfo("UTC")))


# --- YouTube ------------------------------------------------------------------------------------

def test_youtube_studio_table_data_sample() -> None:
    path = EXPORTS / "youtube" / "Layla-Damoyi_Table_data.csv"
    assert _claims(path) == ["youtube_studio"]
    posts, account = _read(YouTubeStudio(), path, "UTC")
    assert posts["post_id"].tolist() == ["GlIhjEa4FAk", "YBJdAVwsKtI", "axe3IdS3TZc",
                                         "JP0YM2-7dWs", "EKV_vATBUYU", "xuZP_lPb_gQ"]
    assert _utc(posts)[:2] == ["2025-01-08T00:00:00+00:00", "2024-12-23T00:00:00+00:00"]
    assert posts["views"].tolist() == [4, 10, 2, 5, 1, 3] and posts["impressions"].isna().all()
    assert posts["follows"].tolist() == [0, 0, 0, 0, 0, 0]
    assert posts["permalink"].iloc[0] == "https://www.youtube.com/watch?v=GlIhjEa4FAk"
    assert account.rows_read == 6 and not account.rejected
    assert "the Total row (line 2) skipped" in account.notes


def test_youtube_studio_excel_resaved_copy(tmp_path: Path) -> None:
    path = _csv(tmp_path / "Table data.csv", [
        ["Content", "Video title", "Video publish time", "Duration", "Views",
         "Watch time (hours)", "Subscribers", "Impressions", "Impressions click-through rate (%)"],
        ["Total", "", "", "", "1,300", "10.5", "3", "20,000", "4.1"],
        ["GlIhjEa4FAk", "one", "1/8/2025", "60", "1,000", "8", "5", "15,000", "5"],
        ["YBJdAVwsKtI", "two", "12/23/2024", "60", "200", "2", "-2", "4,000", "2"],
        ["axe3IdS3TZc", "three", "3/4/2025", "60", "100", "0.5", "0", "1,000", "1"],
        ["1.23457E+10", "damaged", "3/5/2025", "60", "0", "0", "0", "0", "0"],
    ], bom=True, newline="\r\n")
    assert _claims(path) == ["youtube_studio"]
    posts, account = _read(YouTubeStudio(), path, "America/Chicago")
    assert posts["post_id"].tolist() == ["GlIhjEa4FAk", "YBJdAVwsKtI", "axe3IdS3TZc"]
    assert _utc(posts) == ["2025-01-08T06:00:00+00:00", "2024-12-23T06:00:00+00:00",
                           "2025-03-04T06:00:00+00:00"]
    assert posts["impressions"].tolist() == [15000, 4000, 1000]
    assert posts["follows"].tolist() == [5, -2, 0]
    assert account.rows_read == 4
    assert account.rejected == [(6, "content '1.23457E+10' is not an 11-character video id")]
    assert ("3 dates read either way (day/month or month/day): read as month/day (other dates "
            "in the file prove it)") in account.notes
    chart = _csv(tmp_path / "Chart data.csv", [
        ["Date", "Content", "Video title", "Video publish time", "Duration", "Views"],
        ["2025-01-08", "GlIhjEa4FAk", "one", "Jan 8, 2025", "60", "3"]])
    totals = _csv(tmp_path / "Totals.csv", [["Date", "Views"], ["2025-01-08", "3"]])
    # the zip's other tables are recognised (and read no rows), so the zip imports whole
    assert _claims(chart) == ["youtube_studio"] and _claims(totals) == ["youtube_studio"]


THREADS = {"kind": "youtube#commentThreadListResponse", "items": [
    {"kind": "youtube#commentThread", "id": "UgzThread1",
     "snippet": {"videoId": "GlIhjEa4FAk", "totalReplyCount": 2, "topLevelComment": {
         "kind": "youtube#comment", "id": "UgzAAAAAAAAAAAAAAAAAAAAAAAAA",
         "snippet": {"textOriginal": "When is part 2?", "authorDisplayName": "@viewer",
                     "authorChannelId": {"value": "UCaaaaaaaaaaaaaaaaaaaaaa"},
                     "publishedAt": "2025-01-09T10:00:00Z", "likeCount": 4}}},
     "replies": {"comments": [
         {"kind": "youtube#comment", "id": "UgzAAAAAAAAAAAAAAAAAAAAAAAAA.A1b2C3d4E5f",
          "snippet": {"textOriginal": "Next week!", "authorDisplayName": "@channel",
                      "authorChannelId": {"value": "UCbbbbbbbbbbbbbbbbbbbbbb"},
                      "parentId": "UgzAAAAAAAAAAAAAAAAAAAAAAAAA",
                      "publishedAt": "2025-01-09T12:30:00+01:00", "likeCount": 0}}]}},
    {"kind": "youtube#commentThread", "id": "UgzThread2",
     "snippet": {"videoId": "YBJdAVwsKtI", "topLevelComment": {
         "id": "UgzBBBBBBBBBBBBBBBBBBBBBBBBB",
         "snippet": {"textOriginal": "deleted channel", "publishedAt": "2025-01-10T00:00:00Z"}}}},
]}


def test_youtube_comment_threads_json(tmp_path: Path) -> None:
    path = tmp_path / "comments.json"
    path.write_text(json.dumps(THREADS, indent=2), encoding="utf-8")
    assert _claims(path) == ["youtube_comments"]
    messages, account = _read(YouTubeComments(), path)
    assert messages["message_id"].tolist() == ["UgzAAAAAAAAAAAAAAAAAAAAAAAAA",
                                               "UgzAAAAAAAAAAAAAAAAAAAAAAAAA.A1b2C3d4E5f"]
    assert pd.isna(messages["parent_id"].iloc[0])
    assert messages["parent_id"].iloc[1] == "UgzAAAAAAAAAAAAAAAAAAAAAAAAA"
    assert messages["post_id"].tolist() == ["GlIhjEa4FAk", "GlIhjEa4FAk"]
    assert messages["author_id"].tolist() == ["UCaaaaaaaaaaaaaaaaaaaaaa",
                                              "UCbbbbbbbbbbbbbbbbbbbbbb"]
    assert _utc(messages) == ["2025-01-09T10:00:00+00:00", "2025-01-09T11:30:00+00:00"]
    assert messages["likes"].tolist() == [4, 0] and messages["kind"].tolist() == [
        "comment", "reply"]
    assert account.rows_read == 3 and account.rejected == [(3, "comment 3: no authorChannelId")]
    assert any(n.startswith("1 threads list fewer replies") for n in account.notes)


def test_youtube_comments_csv_sample() -> None:
    path = EXPORTS / "youtube" / "kenjee_All_Comments_Final_first40.csv"
    assert _claims(path) == ["youtube_comments"]
    messages, account = _read(YouTubeComments(), path)
    assert len(messages) == 40 and account.rows_read == 40 and not account.rejected
    assert messages["message_id"].iloc[0] == "UgxFZTIzC4UPyhhX_PZ4AaABAg"
    assert messages["post_id"].iloc[0] == "xpIFS6jZbe8" and messages["author_id"].nunique() == 35
    assert _utc(messages)[0] == "2022-01-22T08:13:29+00:00"
    assert messages["text"].iloc[0].count("\n") == 4 and messages["parent_id"].isna().all()
    assert set(messages["kind"]) == {"comment"}
    assert messages["likes"].sum() == 4
    assert any("no parent ids" in n for n in account.notes)


def test_youtube_comments_csv_rejects_a_row_without_date(tmp_path: Path) -> None:
    path = _csv(tmp_path / "comments.csv", [
        ["Comments", "Comment_ID", "Reply_Count", "Like_Count", "Date", "VidId", "user_ID"],
        ["hi", "UgxAAA", "0", "2", "2022-01-22T08:13:29Z", "xpIFS6jZbe8", "user_1"],
        ["no date", "UgxBBB", "0", "0", "", "xpIFS6jZbe8", "user_2"],
    ])
    messages, account = _read(YouTubeComments(), path)
    assert messages["message_id"].tolist() == ["UgxAAA"] and messages["likes"].tolist() == [2]
    assert account.rejected == [(3, "the date is empty")]


# --- TikTok -------------------------------------------------------------------------------------

def test_tiktok_overview_across_a_year_boundary(tmp_path: Path) -> None:
    path = _csv(tmp_path / "Overview.csv", [
        ["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"],
        ["January 2", "1,200", "30", "100", "10", "5"],
        ["January 1", "900", "20", "80", "undefined", "2"],
        ["December 31", "undefined", "undefined", "undefined", "undefined", "undefined"],
        ["December 30", "700", "15", "60", "6", "1"],
        ["Someday 9", "1", "1", "1", "1", "1"],
    ])
    _touch(path, dt.datetime(2027, 1, 3, 12, 0, tzinfo=ZoneInfo("Europe/Berlin")))
    assert _claims(path) == ["tiktok_overview"]
    daily, account = _read(TikTokOverview(), path, "Europe/Berlin")
    assert [d.date().isoformat() for d in daily["date"]] == [
        "2027-01-02", "2027-01-01", "2026-12-31", "2026-12-30"]
    assert daily["impressions"].tolist()[:2] == [1200, 900] and pd.isna(daily["impressions"][2])
    assert daily["engagements"].tolist()[:2] == [115, 82] and pd.isna(daily["engagements"][2])
    assert account.rows_read == 5 and account.rejected == [
        (6, "date 'Someday 9' is in no known form")]
    assert account.notes[0].startswith("dates carry no year: the latest, 2027-01-02")


def test_tiktok_follower_history(tmp_path: Path) -> None:
    path = _csv(tmp_path / "FollowerHistory.csv", [
        ["Date", "Followers", "Difference in followers from previous day"],
        ["August 31", "1000", "undefined"], ["September 1", "1012", "12"],
        ["September 2", "1009", "-3"], ["Septembr 3", "1010", "1"],
    ])
    _touch(path, dt.datetime(2026, 9, 3, 9, 0, tzinfo=dt.UTC))
    assert _claims(path) == ["tiktok_followers"]
    daily, account = _read(TikTokFollowers(), path)
    assert [d.date().isoformat() for d in daily["date"]] == [
        "2026-08-31", "2026-09-01", "2026-09-02"]
    assert daily["followers"].tolist() == [1000, 1012, 1009]
    assert pd.isna(daily["followers_gained"][0]) and daily["followers_gained"].tolist()[1:] == [
        12, 0]
    assert daily["followers_lost"].tolist()[1:] == [0, 3]
    assert account.rejected == [(5, "date 'Septembr 3' is in no known form")]


def test_year_inference_places_the_latest_date_before_the_file_date() -> None:
    years, _ = infer_years(["January 2", "December 30", "December 31"], dt.date(2027, 1, 1))
    assert years == {(1, 2): 2026, (12, 30): 2025, (12, 31): 2025}
    years, _ = infer_years(["February 29", "March 1"], dt.date(2026, 5, 1))
    assert years == {(2, 29): 2024, (3, 1): 2024}


# --- management-tool mentions -------------------------------------------------------------------

def test_sprout_style_mentions_with_metadata_rows(tmp_path: Path) -> None:
    path = _csv(tmp_path / "Brand_Mentions_Report.csv", [
        ["Report:", "Brand mentions"], ["Date range:", "Oct 1, 2026 - Oct 31, 2026"],
        ["Time zone:", "Europe/London"], [],
        ["Date", "Network", "Author", "Message", "Sentiment", "Message ID", "Permalink"],
        ["10/02/2026 14:00", "Twitter", "@ann", "loving the new app, thanks!", "Positive",
         "1843000000000000001", "https://x.com/ann/status/1843000000000000001"],
        ["10/13/2026 09:05", "Instagram", "bob.b", "app keeps crashing", "Negative", "",
         "https://www.instagram.com/p/ABC123/"],
        ["10/03/2026 18:30", "Facebook", "Cara", "meh", "Neutral", "", ""],
    ])
    assert _claims(path) == ["mentions_tool"]
    messages, account = _read(ToolMentions(), path, "Europe/London")
    assert messages["message_id"].tolist() == ["1843000000000000001",
                                               "https://www.instagram.com/p/ABC123/"]
    assert messages["platform"].tolist() == ["x", "instagram"]
    assert _utc(messages) == ["2026-10-02T13:00:00+00:00", "2026-10-13T08:05:00+00:00"]
    assert messages["sentiment"].tolist() == ["positive", "negative"]
    assert messages["author_id"].tolist() == ["@ann", "bob.b"]
    assert set(messages["kind"]) == {"mention"}
    assert account.rows_read == 3 and account.rejected == [(8, "no message id and no permalink")]
    assert "4 metadata rows above the header skipped" in account.notes


def test_brandwatch_style_mentions_in_utc(tmp_path: Path) -> None:
    path = _csv(tmp_path / "mentions.csv", [
        ["Query Name", "bakery"], [],
        ["Date (UTC)", "Title", "Mention", "Author", "Sentiment", "Url", "Page Type"],
        ["2026-10-05 22:15:00", "", "best croissant in town", "dana", "positive",
         "https://news.example/a", "news"],
        ["2026-10-06 07:00:00", "", "a second one", "", "neutral", "https://news.example/b",
         "news"],
    ], bom=True)
    assert _claims(path) == ["mentions_tool"]
    messages, account = _read(ToolMentions(), path, "Asia/Tokyo")
    assert messages["message_id"].tolist() == ["https://news.example/a"]
    assert _utc(messages) == ["2026-10-05T22:15:00+00:00"]
    assert messages["platform"].tolist() == ["other"] and messages["author_id"].tolist() == [
        "dana"]
    assert account.rejected == [(5, "no author")]


# --- shared helpers -----------------------------------------------------------------------------

def test_date_forms_and_excel_serials() -> None:
    assert parse_when("Jan 8, 2025") == dt.datetime(2025, 1, 8)
    assert parse_when("07/17/2017 03:00:13 PM") == dt.datetime(2017, 7, 17, 15, 0, 13)
    assert parse_when("17/07/2017", month_first=False) == dt.datetime(2017, 7, 17)
    assert parse_when("46300") == dt.datetime(2026, 10, 5)
    assert parse_when("46301.5") == dt.datetime(2026, 10, 6, 12)
    assert parse_when("2026-10-02T14:00:00+0000").isoformat() == "2026-10-02T14:00:00+00:00"
    account = ImportAccount("f", "x")
    assert date_order(["13/01/2025", "02/03/2025"], account) is False
    assert account.notes == ["1 dates read either way (day/month or month/day): read as "
                             "day/month (other dates in the file prove it)"]
