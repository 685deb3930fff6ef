"""Honest import summaries (issue 16): nothing usable is exit 1, rejected rows are listed
where the user looks, and "kept" stays the rows of a file that are in the store across
re-imports; long texts are cut and counted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from communitykit import playbook
from communitykit.errors import ImportFailed
from communitykit.ingest import MAX_TEXT, import_exports
from communitykit.paths import Workspace
from communitykit.store import Store
from malformed import crm_sources

FIXTURES = Path(__file__).parent / "fixtures" / "handcalc"
HEADER = "Comment ID,Date,User,Comment,Note\n"
GOOD = "c1,2026-10-02 10:00,ana,Bonjour,first note\nc2,2026-10-02 11:00,bo,hello,second note\n"


def book_with(tmp_path: Path, text_column: str = "Comment") -> playbook.Playbook:
    path = tmp_path / f"playbook-{text_column}.yaml"
    path.write_text((FIXTURES / "playbook.yaml").read_text() + crm_sources(text_column))
    return playbook.load(path)


def crm(tmp_path: Path, rows: str, name: str = "crm_comments.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


def test_every_row_rejected_is_an_error_listing_the_rows(tmp_path: Path) -> None:
    bad = "".join(f"c{n},{n:02d}/10/2026,ana,hi,x\n" for n in range(1, 8))  # 7 bad dates
    said: list[str] = []
    store = Store(tmp_path / "store")
    with pytest.raises(ImportFailed) as caught:
        import_exports(store, book_with(tmp_path), [crm(tmp_path, bad)], say=said.append)
    assert str(caught.value) == (
        f"{tmp_path / 'crm_comments.csv'}: nothing imported: all 7 rows read were rejected "
        "(the rows and reasons are listed above); the store is unchanged")
    assert said[1] == f"{tmp_path / 'crm_comments.csv'}: read 7, kept 0, duplicate 0, rejected 7"
    assert [line.split(":")[0] for line in said[2:7]] == [f"    row {n}" for n in range(2, 7)]
    assert said[7].startswith("    ... and 2 more (not stored: import the file again once "
                              "fixed): 2 × "), said[7]
    assert not store.exists()


def test_header_only_files_are_an_error(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="nothing imported from 2 files: they hold no data "
                                           "rows; the store is unchanged"):
        import_exports(Store(tmp_path / "store"), book_with(tmp_path),
                       [crm(tmp_path, ""), crm(tmp_path, "", "crm_other.csv")],
                       say=lambda _: None)


def test_one_good_file_beside_a_rejected_one_is_imported(tmp_path: Path) -> None:
    said: list[str] = []
    store = Store(tmp_path / "store")
    good, bad = crm(tmp_path, GOOD), crm(tmp_path, "c9,someday,ana,hi,x\n", "crm_bad.csv")
    accounts = import_exports(store, book_with(tmp_path), [bad, good], say=said.append)
    assert [(a.kept, len(a.rejected)) for a in accounts] == [(0, 1), (2, 0)]
    assert said[-1].startswith("store updated")
    assert store.accounts()[0]["rejected_rows"] == [
        {"row": 2, "reason": accounts[0].rejected[0][1]}]


def test_the_cli_exits_1_when_nothing_is_usable(handcalc_ws: Workspace, cli) -> None:
    """Every publish time of the hand-calculation posts made unreadable: exit 1, the rows
    and reasons on stdout, one line on stderr, no store."""
    posts = (FIXTURES / "exports" / "instagram_posts.csv").read_text(encoding="utf-8-sig")
    header, *rows = posts.splitlines()
    bad = handcalc_ws.root / "instagram_posts.csv"
    soon = [re.sub(r'"(\d+/\d+/2026) [\d:]+"', r'"\1 soon"', r) for r in rows]
    bad.write_text("\n".join([header, *soon]), encoding="utf-8")
    code, out, err = cli("import", "handcalc", str(bad))
    assert code == 1 and "Traceback" not in err
    assert err == (f"communitykit: {bad}: nothing imported: all 4 rows read were rejected (the "
                   "rows and reasons are listed above); the store is unchanged\n")
    assert [line.split(":")[0] for line in out.splitlines()[2:]] == [
        f"    row {n}" for n in range(2, 6)]
    assert not Store(handcalc_ws.store_dir("handcalc")).exists()


def test_kept_counts_the_rows_in_the_store_across_reimports(tmp_path: Path) -> None:
    """The same file again with another text column: its rows replace the stored ones, so
    its account says 2 kept (it said 0 kept, 2 duplicate, while the figures used them)."""
    store = Store(tmp_path / "store")
    path = crm(tmp_path, GOOD)
    (first,) = import_exports(store, book_with(tmp_path), [path], say=lambda _: None)
    assert (first.kept, first.duplicate) == (2, 0)
    said: list[str] = []
    (again,) = import_exports(store, book_with(tmp_path), [path], say=said.append)
    assert (again.kept, again.duplicate) == (2, 0)  # unchanged: nothing committed
    assert said[-1] == "store unchanged: every row kept was already there, with the same values"
    version = store.version
    (remapped,) = import_exports(store, book_with(tmp_path, "Note"), [path],
                                 say=lambda _: None)
    assert store.version != version
    assert (remapped.kept, remapped.duplicate) == (2, 0)
    assert sorted(store.load("messages")["text"]) == ["first note", "second note"]
    newest = [a for a in store.accounts() if a["file"] == str(path)][-1]
    assert (newest["kept"], newest["duplicate"]) == (2, 0)


def test_a_repeated_key_counts_once_as_kept(tmp_path: Path) -> None:
    """c1 twice in one file: the later row is the one stored (kept 2: c1 and c2)."""
    rows = GOOD + "c1,2026-10-02 10:00,ana,Bonjour again,x\n"
    store = Store(tmp_path / "store")
    (account,) = import_exports(store, book_with(tmp_path), [crm(tmp_path, rows)],
                                say=lambda _: None)
    assert (account.rows_read, account.kept, account.duplicate) == (3, 2, 1)
    assert store.load("messages").set_index("message_id").loc["c1", "text"] == "Bonjour again"


def test_long_texts_are_cut_and_counted_and_long_ids_rejected(tmp_path: Path) -> None:
    long_text = "word " * 30_000  # 150,000 characters
    rows = GOOD + f"c3,2026-10-02 12:00,cy,{long_text},x\n" + \
        f"{'9' * (MAX_TEXT + 1)},2026-10-02 12:00,cy,hi,x\n"
    store = Store(tmp_path / "store")
    (account,) = import_exports(store, book_with(tmp_path), [crm(tmp_path, rows)],
                                say=lambda _: None)
    assert (account.rows_read, account.kept) == (4, 3)
    assert account.rejected == [(5, "the message_id is longer than 100,000 characters")]
    assert "1 texts longer than 100,000 characters were cut to their first 100,000" in \
        account.notes
    text = store.load("messages").set_index("message_id").loc["c3", "text"]
    assert text == long_text[:100_000]
