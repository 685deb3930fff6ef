"""Known non-exports are refused with their reason, not a bare 'not recognised'."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from communitykit.errors import ImportFailed
from communitykit.importers import detect


def _workbook(path: Path, header: list[str]) -> Path:
    book = openpyxl.Workbook()
    book.active.append(header)
    book.active.append(["x"] * len(header))
    book.save(path)
    return path


def test_ad_reports_and_moderation_logs_are_refused_with_a_reason(tmp_path: Path) -> None:
    ads = tmp_path / "ads.csv"
    ads.write_text('"Campaign Name",Ends,"Campaign ID",Impressions,"Reporting Starts"\n'
                   '"Post",2017-07-19,6076520279839,1491,2017-07-01\n', encoding="utf-8")
    with pytest.raises(ImportFailed, match="Facebook Ads Manager report"):
        detect(ads)
    with pytest.raises(ImportFailed, match="X Ads export"):
        detect(_workbook(tmp_path / "x_ads.xlsx", ["Time period", "Tweet id"]))
    log = _workbook(tmp_path / "log.xlsx", ["Date of Message", "Message", "Date of Comment",
                                            "Comment", "Commentator Username"])
    with pytest.raises(ImportFailed, match="hand-kept moderation log.*column mapping"):
        detect(log)
