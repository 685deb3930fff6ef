"""The rows' notes the import keeps beside each store month (``row_notes``): a report reads
its rule flags, questions and listening annotations from them and looks no text up, and
gives the figures it gives without them."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from communitykit import classify, dataset, metrics, partitions, periods, row_notes
from communitykit.cli import main
from communitykit.dataset import Dataset
from communitykit.demo import generate
from communitykit.listening import memo, prepare
from communitykit.paths import Client, Workspace

ROOT = Path(__file__).resolve().parents[1]
PERIOD = "2026-10"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A workspace with the demo client, its exports imported by the command line."""
    root = tmp_path_factory.mktemp("ws")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COMMUNITYKIT_HOME", str(root))
        (root / "playbooks" / "demo").mkdir(parents=True)
        shutil.copy(ROOT / "playbooks" / "demo" / "playbook.yaml",
                    root / "playbooks" / "demo" / "playbook.yaml")
        generate(root / "exports")
        assert main(["import", "demo", str(root / "exports")]) == 0
        yield root


@pytest.fixture
def client(workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Client:
    """A copy of the imported workspace, free to change."""
    root = tmp_path / "ws"
    shutil.copytree(workspace, root)
    monkeypatch.setenv("COMMUNITYKIT_HOME", str(root))
    return Workspace(root).client("demo")


@pytest.fixture(scope="module")
def expected(workspace: Path) -> str:
    """The figures of the whole store, every text analysed afresh (no notes, no memo)."""
    found = Workspace(workspace).client("demo")
    return _figures(Dataset.from_store(found.store, found.playbook))


@pytest.fixture
def looked_up(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How many texts the report looks up or matches, by what it does with them."""
    calls = {"flags": 0, "questions": 0, "annotations": 0}
    real = (dataset.rule_flags, classify.is_question, memo.annotate_kinds)

    def flags(texts: pd.Series, *args: object) -> pd.DataFrame:
        calls["flags"] += len(texts)
        return real[0](texts, *args)

    def questions(texts: pd.Series) -> pd.Series:
        calls["questions"] += len(texts)
        return real[1](texts)

    def annotations(texts: pd.Series, *args: object) -> list[pd.DataFrame]:
        calls["annotations"] += len(texts)
        return real[2](texts, *args)

    monkeypatch.setattr(dataset, "rule_flags", flags)
    monkeypatch.setattr(classify, "is_question", questions)
    monkeypatch.setattr(memo, "annotate_kinds", annotations)
    return calls


def _figures(data: Dataset) -> str:
    return json.dumps(metrics.compute(data, periods.parse(PERIOD)).to_json(), sort_keys=True)


def _report(client: Client) -> Dataset:
    return client.dataset(periods.parse(PERIOD))


def _home(client: Client) -> Path:
    return prepare.notes_home(client.playbook, client.memo_dir)


def _months(client: Client) -> Path:
    folder = client.store.folder("messages")
    assert folder is not None
    return folder


def test_the_import_keeps_a_file_per_month_row_for_row(client: Client) -> None:
    folder, home = _months(client), _home(client)
    digests = partitions.digests(folder)
    dated = [m for m in partitions.months(folder) if m != partitions.UNDATED]
    assert len(dated) >= 6
    assert sorted(p.name for p in home.glob("*.parquet")) == sorted(
        f"{m}-{digests[m]}.parquet" for m in dated)
    schema = prepare.notes_schema(client.playbook)
    for month in dated:
        notes = pq.read_table(row_notes.path(home, month, digests[month]))
        assert notes.schema.equals(schema)
        assert notes.num_rows == pq.read_metadata(folder / f"{month}.parquet").num_rows


def test_a_report_reads_the_notes_and_looks_no_text_up(
        client: Client, expected: str, looked_up: dict[str, int]) -> None:
    data = _report(client)
    assert data.notes is not None
    assert data.notes.kept(data.messages.index.to_numpy()).all()
    assert _figures(data) == expected
    assert looked_up == {"flags": 0, "questions": 0, "annotations": 0}


def test_a_month_without_its_file_is_computed_alone(
        client: Client, expected: str, looked_up: dict[str, int]) -> None:
    folder, home = _months(client), _home(client)
    digest = partitions.digests(folder)["2026-09"]
    row_notes.path(home, "2026-09", digest).unlink()
    data = _report(client)
    september = len(pq.read_table(folder / "2026-09.parquet", columns=["text"]))
    assert looked_up["flags"] == september  # that month's rows only
    assert 0 < looked_up["questions"] < september  # its inbound messages
    assert _figures(data) == expected


@pytest.mark.parametrize("damage", ["short", "garbage"])
def test_a_damaged_file_is_read_as_not_kept(client: Client, expected: str,
                                            damage: str) -> None:
    folder, home = _months(client), _home(client)
    path = row_notes.path(home, "2026-10", partitions.digests(folder)["2026-10"])
    if damage == "short":  # a row missing: the rows would no longer line up
        table = pq.read_table(path)
        pq.write_table(table.slice(0, table.num_rows - 1), path)
    else:
        path.write_bytes(b"PAR1 not a parquet file")
    data = _report(client)
    assert data.notes is not None
    october = data.messages["created_at"].dt.strftime("%Y-%m").eq("2026-10").to_numpy()
    assert not data.notes.kept(data.messages.index.to_numpy()[october]).any()
    assert _figures(data) == expected


@pytest.mark.slow  # a second import
def test_a_month_an_import_changed_is_noted_again(client: Client, tmp_path: Path) -> None:
    home = _home(client)
    before = {p.name: p.stat().st_mtime_ns for p in home.glob("*.parquet")}
    extra = tmp_path / "comments_18000000000000001.json"  # one more comment in October
    extra.write_text(json.dumps({"data": [{
        "id": "17999999999999999", "text": "Is the oven open on Sunday?",
        "timestamp": "2026-10-20T10:00:00+0000", "username": "late_member", "like_count": 0,
        "from": {"id": "17859999999999999", "username": "late_member"},
        "media": {"id": "18000000000000001"}}]}), encoding="utf-8")
    assert main(["import", "demo", str(extra)]) == 0
    client = Workspace(client.folder.parent.parent).client("demo")  # the new store version
    digests = partitions.digests(_months(client))
    after = {p.name: p.stat().st_mtime_ns for p in home.glob("*.parquet")}
    october = f"2026-10-{digests['2026-10']}.parquet"
    assert october in after and october not in before  # written again
    assert [n for n in before if n.startswith("2026-10-")] != [october]  # the old one gone
    assert not [n for n in after if n.startswith("2026-10-") and n != october]
    unchanged = {n: t for n, t in before.items() if not n.startswith("2026-10-")}
    assert {n: after[n] for n in unchanged} == unchanged  # the other months: not rewritten
    data = _report(client)
    assert data.notes is not None and data.notes.kept(data.messages.index.to_numpy()).all()
    assert _figures(data) == _figures(Dataset.from_store(client.store, client.playbook))


@pytest.mark.slow  # a second import, of every text
def test_a_new_theme_starts_a_new_version(client: Client) -> None:
    path = client.folder / "playbook.yaml"
    old_home = _home(client)
    text = path.read_text(encoding="utf-8")
    assert "themes:" in text
    path.write_text(text.replace("themes:", "themes:\n    - {id: sunday, label: Sunday, "
                                 "owner: support, keywords: ['(?i)sunday']}", 1),
                    encoding="utf-8")
    changed = Workspace(client.folder.parent.parent).client("demo")
    assert _home(changed) != old_home
    data = _report(changed)
    assert data.notes is None  # the old version's files are not read
    assert _figures(data) == _figures(Dataset.from_store(changed.store, changed.playbook))
    assert main(["import", "demo", str(client.folder.parent.parent / "exports")]) == 0
    assert _home(changed).is_dir() and not old_home.exists()
    again = _report(changed)
    assert again.notes is not None
    assert _figures(again) == _figures(data)


def test_the_terms_uses_are_read_by_message_across_month_files(tmp_path: Path) -> None:
    """Two months' files of term lists, written as the import writes them; the messages
    asked for in an order of their own, rows of both files mixed."""
    sep = prepare.TERM_SEPARATOR
    files = []
    for i, joined in enumerate([[f"a b{sep}c", "c", None, ""], ["c", f"d{sep}a b", None]]):
        files.append(tmp_path / f"{i}.parquet")
        lists = prepare.term_lists(pa.array(joined, pa.string()))
        pq.write_table(pa.table({"terms": lists}), files[-1])
    # messages 0..4 are the files' rows 0, 4 (the second file's first), 2, 1 and 5
    notes = row_notes.RowNotes(tuple(files), np.array([0, 4, 2, 1, 5], dtype=np.int64))
    uses = notes.term_uses("terms", np.array([0, 1, 2, 3, 4]))
    by_message: dict[int, list[str]] = {}
    for code, message in zip(uses.codes.tolist(), uses.messages.tolist(), strict=True):
        by_message.setdefault(message, []).append(uses.terms[code])
    # message 2 (a missing text's terms) has none; "" would have none either
    assert by_message == {0: ["a b", "c"], 1: ["c"], 3: ["c"], 4: ["d", "a b"]}
    assert sorted(uses.terms) == ["a b", "c", "d"]  # each term one code across the files
    part = uses.part(3, 5)  # the uses of messages 3 and 4, counted from 3
    assert [(uses.terms[c], m) for c, m in zip(part.codes.tolist(), part.messages.tolist(),
                                                strict=True)] == [
        ("c", 0), ("d", 1), ("a b", 1)]


def test_a_month_file_keeps_each_messages_terms_as_a_list(client: Client) -> None:
    """The terms of the month's messages as the import analysed them, one list per row
    (none for a text without terms), each distinct term once in the file's dictionary."""
    folder, home = _months(client), _home(client)
    path = row_notes.path(home, "2026-10", partitions.digests(folder)["2026-10"])
    kept = pq.read_table(path, columns=["terms"])["terms"].to_pylist()
    rows = pq.read_table(folder / "2026-10.parquet")
    texts = rows.to_pandas()[["text", "sentiment", "created_at"]]
    joined = prepare.annotate.text_notes(texts, client.playbook, None)["terms"]
    expected = [t.split(prepare.TERM_SEPARATOR) if isinstance(t, str) and t else None
                for t in joined]
    assert kept == expected and any(kept) and None in kept
    element = pq.ParquetFile(path).metadata.row_group(0).column(  # the last leaf column
        pq.ParquetFile(path).metadata.num_columns - 1)
    assert any("DICTIONARY" in encoding for encoding in element.encodings)
