"""The generic importer: any CSV through a column mapping in the playbook."""

from __future__ import annotations

from pathlib import Path

import pytest

from communitykit import playbook
from communitykit.errors import PlaybookError
from communitykit.ingest import import_exports
from communitykit.store import Store

DEMO = Path(__file__).resolve().parents[1] / "playbooks" / "demo" / "playbook.yaml"
SOURCES = """exports:
  path: exports
  sources:
    - match: "crm_*.csv"
      platform: other
      timezone: Europe/Berlin
      mapping:
        table: messages
        columns: {message_id: Comment ID, created_at: Date, author_id: User, text: Comment,
                  parent_id: Reply to, likes: Likes}
        date_format: "%d/%m/%Y %H:%M"
"""


def _playbook(tmp_path: Path, sources: str = SOURCES) -> playbook.Playbook:
    text = DEMO.read_text(encoding="utf-8")
    head, _, tail = text.partition("exports:")
    tail = tail[tail.index("revisions:"):]
    path = tmp_path / "playbook.yaml"
    path.write_text(head + sources + "\n" + tail, encoding="utf-8")
    return playbook.load(path)


def test_mapped_csv_imports_with_local_times(tmp_path: Path) -> None:
    pb = _playbook(tmp_path)
    export = tmp_path / "crm_comments_oct.csv"
    export.write_text(
        "Report: comments\n\n"
        "Comment ID,Date,User,Comment,Reply to,Likes\n"
        "00012345678901234567,25/10/2026 02:30,u1,Hallo?,,\"1,204\"\n"  # 02:30 happens twice
        "00012345678901234568,26/10/2026 09:00,u2,Ja!,00012345678901234567,-\n"
        "00012345678901234569,10/26/2026 09:00,u3,bad date,,\n"
        "00012345678901234570,26/10/2026 10:00,,no author,,\n",
        encoding="utf-8",
    )
    store = Store(tmp_path / "store")
    (account,) = import_exports(store, pb, [export], say=lambda _: None)
    m = store.load("messages").set_index("message_id")
    assert list(m.index) == ["00012345678901234567", "00012345678901234568"]
    # Berlin leaves summer time on 25 Oct 2026 at 03:00: 02:30 CEST (00:30Z) is the earlier
    assert m.loc["00012345678901234567", "created_at"].isoformat() == "2026-10-25T00:30:00+00:00"
    assert m.loc["00012345678901234568", "created_at"].isoformat() == "2026-10-26T08:00:00+00:00"
    assert m.loc["00012345678901234567", "likes"] == 1204
    assert m.loc["00012345678901234568", "parent_id"] == "00012345678901234567"
    assert account.rejected == [
        (6, "created_at '10/26/2026 09:00' does not match %d/%m/%Y %H:%M"),
        (7, "no value for author_id"),
    ]
    assert any("DST" in note for note in account.notes)


def test_mapping_is_validated(tmp_path: Path) -> None:
    bad = SOURCES.replace("likes: Likes", "likez: Likes")
    with pytest.raises(PlaybookError, match=r"unknown messages column\(s\) likez"):
        _playbook(tmp_path, bad)
    bad = SOURCES.replace("message_id: Comment ID, ", "")
    with pytest.raises(PlaybookError, match="needs the messages column"):
        _playbook(tmp_path, bad)
