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


def test_terms_are_written_once_and_numbered_by_their_first_row(tmp_path: Path) -> None:
    files = []
    # two months' files: the terms on each first row, the row of each row's first
    for i, (terms, first) in enumerate([(["a b", "c", None, ""], [0, 1, 0, 3]),
                                        (["c", "d e", None], [0, 1, 1])]):
        files.append(tmp_path / f"{i}.parquet")
        pq.write_table(pa.table({"terms": pa.array(terms, pa.string()),
                                 "terms_first": pa.array(first, pa.int32())}), files[-1])
    notes = row_notes.RowNotes(tuple(files), np.array([6, 0, 4, 2, 1, 3], dtype=np.int64))
    numbers, strings = notes.numbered("terms", np.array([0, 1, 2, 3, 4, 5]))
    assert [strings[n].as_py() for n in numbers] == ["d e", "a b", "c", "a b", "c", ""]
    assert len(strings) == len(set(numbers.tolist())) == 5  # "c" of each month: two numbers
    assert numbers[1] == numbers[3]  # the same first row: one number


def test_a_month_file_writes_each_set_of_terms_once(client: Client) -> None:
    folder, home = _months(client), _home(client)
    path = row_notes.path(home, "2026-10", partitions.digests(folder)["2026-10"])
    notes = pq.read_table(path, columns=["terms", "terms_first"]).to_pandas()
    first = notes["terms_first"].to_numpy()
    assert (first <= np.arange(len(notes))).all()
    assert notes["terms"].iloc[np.unique(first)].notna().all()
    assert notes["terms"].notna().sum() == len(np.unique(first)) < len(notes)
