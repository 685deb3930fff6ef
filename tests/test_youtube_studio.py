"""YouTube Studio table exports as real ones come: the older ``Video, Video title, ...``
table, Excel re-saves, the zip with its companions, and publish dates read by the file's
own evidence (a part above 12 proves the order; a spreadsheet's swap is caught)."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd
import pytest

from communitykit import playbook
from communitykit.importers import REGISTRY, detect
from communitykit.importers.account import ImportAccount
from communitykit.importers.base import SourceContext, head_text
from communitykit.importers.youtube import YouTubeStudio
from communitykit.importers.youtube_dates import studio_day_order
from communitykit.ingest import import_exports
from communitykit.store import Store
from communitykit.tables import conform

FIXTURES = Path(__file__).parent / "fixtures"
YOUTUBE = FIXTURES / "exports" / "youtube"
KENJEE = YOUTUBE / "kenjee_Aggregated_Metrics_By_Video.csv"
HEADER = ["Video", "Video title", "Video publish time", "Likes", "Video views"]


def _claims(path: Path) -> list[str]:
    head = head_text(path)
    return [i.name for i in REGISTRY.values() if i.sniff(path, head)]


def _read(path: Path, tz: str = "UTC") -> tuple[pd.DataFrame, ImportAccount]:
    result = YouTubeStudio().read(path, SourceContext(ZoneInfo(tz)))
    return conform(result.tables["posts"], "posts"), result.account


def _table(path: Path, dates: list[str], header: list[str] = HEADER, bom: bool = False,
           newline: str = "\n") -> Path:
    """A table export with one video per date (ids vid00000001..., likes 1, 2, ...)."""
    rows = [header, ["Total", "", "", "0", "0"]]
    rows += [[f"vid{n:08d}", f"title {n}", date, str(n), str(10 * n)]
             for n, date in enumerate(dates, 1)]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=newline).writerows(rows)
    text = buffer.getvalue()
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def _days(frame: pd.DataFrame) -> list[str]:
    return [t.date().isoformat() for t in frame["created_at"]]


# --- the real sample --------------------------------------------------------------------

def test_real_table_export_with_swapped_dates_imports_every_video() -> None:
    assert _claims(KENJEE) == ["youtube_studio"]
    posts, account = _read(KENJEE)
    assert account.rows_read == 223 and len(posts) == 223 and not account.rejected
    assert "the Total row (line 2) skipped" in account.notes
    # every publish date equals the one in the Studio copy of the same table ("May 8, 2020")
    with (YOUTUBE / "kenjee_studio_publish_dates.csv").open(encoding="utf-8") as handle:
        studio = dict(list(csv.reader(handle))[1:])
    assert dict(zip(posts["post_id"], _days(posts), strict=True)) == studio
    first = posts.iloc[0]  # 4OZip0cgOho,...,08-05-2020,907,9583,942,46903,...,1253559,...
    assert (first["post_id"], _days(posts)[0]) == ("4OZip0cgOho", "2020-05-08")
    assert (first["views"], first["impressions"], first["reactions"]) == (1253559, 26498799, 46903)
    assert (first["comments"], first["shares"], first["follows"]) == (907, 9583, 46453)
    # ids written " -pdXWmj9xxU" (a space keeps a spreadsheet from reading a formula)
    assert {"-pdXWmj9xxU", "-ONQ628CXKQ", "-zbLpoJVBMI", "-kX2b6TF_9k"} <= set(posts["post_id"])
    assert posts.set_index("post_id").loc["143WWA5Sy9k", "follows"] == -21  # net, kept
    swap = [n for n in account.notes if "spreadsheet rewrote" in n]
    assert len(swap) == 1 and swap[0].startswith("82 publish dates that read either way")
    assert "134 dates that can only be month/day" in swap[0] and "read as day/month" in swap[0]


def test_reading_the_ambiguous_dates_month_first_would_be_wrong() -> None:
    """What the plain rule (month first, as the proven dates) gives on the real sample."""
    with KENJEE.open(encoding="utf-8") as handle:
        dates = [row[2] for row in list(csv.reader(handle))[2:]]
    order = studio_day_order(dates)
    assert not order.month_first  # the 82 values that read either way
    assert order.read("08-05-2020").date().isoformat() == "2020-05-08"
    assert order.read("7-16-2020").date().isoformat() == "2020-07-16"  # one reading only


# --- the file's own evidence ----------------------------------------------------------

def test_a_first_part_above_12_proves_day_first(tmp_path: Path) -> None:
    posts, account = _read(_table(tmp_path / "t.csv", ["13-05-2020", "05-06-2020"]))
    assert _days(posts) == ["2020-05-13", "2020-06-05"]
    assert ("1 dates read either way (day/month or month/day): read as day/month (other "
            "dates in the file prove it)") in account.notes


def test_unproven_dates_read_month_first_and_are_counted(tmp_path: Path) -> None:
    posts, account = _read(_table(tmp_path / "t.csv", ["05-06-2020", "07-08-2021", "3-3-2022"]))
    assert _days(posts) == ["2020-05-06", "2021-07-08", "2022-03-03"]
    assert ("2 dates read either way (day/month or month/day): read as month/day (nothing "
            "in the file proves the order: YouTube's English form assumed)") in account.notes


def test_a_small_rewritten_file_keeps_the_proven_order_and_says_check(tmp_path: Path) -> None:
    posts, account = _read(_table(tmp_path / "t.csv", ["7-16-2020", "08-05-2020"]))
    assert _days(posts) == ["2020-07-16", "2020-08-05"]  # 2 weekdays decide nothing
    (note,) = [n for n in account.notes if "spreadsheet rewrote" in n]
    assert note.endswith("read as month/day (their weekdays do not decide): check them "
                         "against YouTube Studio")


def test_mixed_orders_each_read_the_only_way_and_bad_dates_lose_their_row(
        tmp_path: Path) -> None:
    path = _table(tmp_path / "t.csv", ["13-05-2020", "5-14-2020", "5-15-2020", "02-30-2020",
                                       "13-14-2020", "yesterday"])
    posts, account = _read(path)
    assert _days(posts) == ["2020-05-13", "2020-05-14", "2020-05-15"]
    assert account.rows_read == 6
    assert account.rejected == [(6, "date '02-30-2020' does not exist"),
                                (7, "date '13-14-2020' does not exist"),
                                (8, "date 'yesterday' is in no known form")]
    assert ("the file mixes date orders: 2 dates can only be month/day, 1 only day/month; "
            "each read the only way it can") in account.notes


# --- Excel re-saves, forms and the zip ----------------------------------------------------

def test_excel_resave_with_bom_crlf_and_its_date_forms(tmp_path: Path) -> None:
    path = _table(tmp_path / "Table data.csv", ["8-May-20", "16-Jul-2020", "May 5, 2021",
                                                "5/14/2021", "2021-06-01"],
                  header=["\u00adVideo", "Video title", "Video pub\u00adlish time", "Likes",
                          "Views"], bom=True, newline="\r\n")
    assert _claims(path) == ["youtube_studio"]
    posts, account = _read(path, "America/Chicago")
    assert [t.isoformat() for t in posts["created_at"]][:2] == [
        "2020-05-08T05:00:00+00:00", "2020-07-16T05:00:00+00:00"]
    assert _days(posts)[2:] == ["2021-05-05", "2021-05-14", "2021-06-01"]
    assert posts["views"].tolist() == [10, 20, 30, 40, 50]
    assert posts["reactions"].tolist() == [1, 2, 3, 4, 5] and not account.rejected


def test_forced_format_reads_the_video_header(tmp_path: Path) -> None:
    path = _table(tmp_path / "renamed.csv", ["08-05-2020"])
    assert detect(path, "youtube_studio").name == "youtube_studio"
    posts, account = _read(path)
    assert posts["post_id"].tolist() == ["vid00000001"] and account.rows_read == 1


def test_the_studio_zip_imports_its_table_and_accounts_for_the_companions(
        tmp_path: Path) -> None:
    archive = tmp_path / "Content 2024-12-01_2025-01-09 Channel.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.write(YOUTUBE / "Layla-Damoyi_Table_data.csv", "Table data.csv")
        bundle.writestr("Chart data.csv", "Date,Content,Video title,Video publish time,"
                        "Duration,Views\n2025-01-08,GlIhjEa4FAk,one,\"Jan 8, 2025\",60,3\n")
        bundle.writestr("Totals.csv", "Date,Views\n2025-01-08,3\n")
    store = Store(tmp_path / "store")
    pb = playbook.load(FIXTURES / "handcalc" / "playbook.yaml")
    accounts = import_exports(store, pb, [archive], say=lambda _: None)
    by_name = {Path(a.file).name: a for a in accounts}
    assert [(n, a.rows_read, a.kept) for n, a in sorted(by_name.items())] == [
        ("Chart data.csv", 0, 0), ("Table data.csv", 6, 6), ("Totals.csv", 0, 0)]
    assert by_name["Totals.csv"].notes == [
        "Totals.csv of the Studio export holds daily figures for the chart: not imported "
        "(the per-video figures are read from Table data.csv)"]
    assert len(store.load("posts")) == 6


@pytest.mark.parametrize("name", ["Chart data.csv", "Totals.csv"])
def test_a_date_table_under_another_name_is_not_claimed(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"my {name}"
    path.write_text("Date,Views\n2025-01-08,3\n", encoding="utf-8")
    assert "youtube_studio" not in _claims(path)
