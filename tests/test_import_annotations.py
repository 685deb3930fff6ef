"""Text analysis at import: a report after an import runs no analyser over its texts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from communitykit import metrics, partitions, periods, rule_flags
from communitykit.cli import main
from communitykit.dataset import Dataset
from communitykit.demo import generate
from communitykit.listening import annotate, memo, prepare
from communitykit.paths import Client, Workspace
from communitykit.playbook import Playbook, load
from communitykit.store import Store, merge
from communitykit.tables import conform

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def demo_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Client]:
    """The demo client, its exports imported (and so analysed) by the command line."""
    root = tmp_path_factory.mktemp("ws")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COMMUNITYKIT_HOME", str(root))
        (root / "playbooks" / "demo").mkdir(parents=True)
        (root / "playbooks" / "demo" / "playbook.yaml").write_bytes(
            (ROOT / "playbooks" / "demo" / "playbook.yaml").read_bytes())
        generate(root / "exports")
        assert main(["import", "demo", str(root / "exports")]) == 0
        yield Workspace(root).client("demo")


@pytest.fixture
def analysed(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[int]]:
    """How many texts each analyser is given, call by call."""
    calls: dict[str, list[int]] = {"texts": [], "themes": [], "flags": []}
    real = (annotate.text_annotations, annotate._theme_columns, rule_flags.flag_columns)

    def texts(t: pd.Series, chinese_words: tuple[str, ...]) -> pd.DataFrame:
        calls["texts"].append(len(t))
        return real[0](t, chinese_words)

    def themes(t: pd.Series, playbook: Playbook) -> pd.DataFrame:
        calls["themes"].append(len(t))
        return real[1](t, playbook)

    def flags(t: pd.Series, playbook: Playbook) -> pd.DataFrame:
        calls["flags"].append(len(t))
        return real[2](t, playbook)

    monkeypatch.setattr(annotate, "text_annotations", texts)
    monkeypatch.setattr(annotate, "_theme_columns", themes)
    monkeypatch.setattr(rule_flags, "flag_columns", flags)
    return calls


def _figures(data: Dataset) -> str:
    return json.dumps(metrics.compute(data, periods.parse("2026-10")).to_json(),
                      sort_keys=True)


def test_a_report_after_an_import_analyses_no_text(
        demo_client: Client, analysed: dict[str, list[int]]) -> None:
    kept = _figures(demo_client.dataset())
    assert {name: sum(counts) for name, counts in analysed.items()} == {
        "texts": 0, "themes": 0, "flags": 0}
    # the same figures, every text analysed afresh (the counters do count)
    fresh = _figures(Dataset.from_store(demo_client.store, demo_client.playbook))
    assert fresh == kept
    distinct = demo_client.store.load("messages")["text"].fillna("").nunique()
    assert sum(analysed["flags"]) == distinct  # every message's flags: each text once
    assert 0 < sum(analysed["texts"]) < distinct  # the report's window only


def test_importing_the_same_files_again_reads_no_month(
        demo_client: Client, capsys: pytest.CaptureFixture[str]) -> None:
    folder = demo_client.store.folder("messages")
    assert folder is not None
    months = len(partitions.months(folder))
    assert main(["import", "demo", str(demo_client.workspace.root / "exports")]) == 0
    out = capsys.readouterr().out
    assert (f"text analysis: 0 texts analysed, 0 already known; {months} unchanged months "
            "not read") in out


def test_an_import_reads_only_the_months_it_changed(
        tmp_path: Path, playbook: Playbook, analysed: dict[str, list[int]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(tmp_path / "store")
    first = conform(_messages().assign(platform="x", author_id="a",
                                       message_id=[f"m{i}" for i in range(6)]), "messages")
    store.commit({"messages": first}, [])
    said: list[str] = []
    assert prepare.annotate_store(store, playbook, tmp_path / "cache", said.append)
    assert said == ["text analysis: 5 texts analysed, 0 already known; rows' notes written "
                    "for 2 months"]
    read: list[list[str]] = []
    real = partitions.read_months
    monkeypatch.setattr(partitions, "read_months", lambda folder, names, *a, **k:
                        read.append(names) or real(folder, names, *a, **k))
    late = conform(pd.DataFrame({"platform": ["x"], "author_id": ["b"], "message_id": ["m9"],
                                 "text": ["so late!"], "created_at": [
                                     pd.Timestamp("2026-10-30", tz="UTC")]}), "messages")
    store.commit({"messages": merge(first, late, "messages")[0]}, [])
    said.clear()
    assert prepare.annotate_store(store, playbook, tmp_path / "cache", said.append)
    assert read == [["2026-10"]]  # September is as it was
    assert said == ["text analysis: 1 texts analysed, 3 already known; 1 unchanged months "
                    "not read; rows' notes written for 1 month"]
    assert {name: counts[-1] for name, counts in analysed.items()} == {
        "texts": 1, "themes": 1, "flags": 1}


def _messages() -> pd.DataFrame:
    """Six messages over two months; "thank you!" in both."""
    texts = ["thank you!", "Bring back the jalapeño biscuits!!", "free followers bit.ly/x",
             "thank you!", "求复刻墨西哥辣椒饼干", "you idiots ruined it"]
    when = pd.to_datetime(["2026-09-03", "2026-09-20", "2026-09-30", "2026-10-02",
                           "2026-10-05", "2026-10-09"], utc=True)
    return pd.DataFrame({"text": texts, "created_at": when,
                         "sentiment": [None] * 6}).astype({"sentiment": object})


@pytest.fixture(scope="module")
def playbook() -> Playbook:
    return load(ROOT / "playbooks" / "demo" / "playbook.yaml")


def test_each_month_keeps_its_own_texts(tmp_path: Path, playbook: Playbook,
                                        analysed: dict[str, list[int]]) -> None:
    messages = _messages()
    found = prepare.annotate_messages(messages, playbook, tmp_path)
    assert found.texts == 5
    assert found.analysed == {"text annotations": 5, "theme hits": 5, "rule flags": 5}
    assert found.known == {"text annotations": 0, "theme hits": 0, "rule flags": 0}
    for home in tmp_path.iterdir():  # "thank you!" is kept in both months, analysed once
        assert [memo._read(home / f"{m}.parquet", _kind(home.name, playbook)).num_rows
                for m in ("2026-09", "2026-10")] == [3, 3]
    assert {name: sum(counts) for name, counts in analysed.items()} == {
        "texts": 5, "themes": 5, "flags": 5}
    for calls in analysed.values():
        calls.clear()
    october = messages.iloc[3:]  # a report of October alone finds "thank you!" there
    kept = annotate.annotate_frame(october, playbook, tmp_path)
    flags = rule_flags.rule_flags(october["text"], playbook, october["created_at"], tmp_path)
    assert {name: sum(counts) for name, counts in analysed.items()} == {
        "texts": 0, "themes": 0, "flags": 0}
    fresh = annotate.annotate_frame(october, playbook)
    assert list(kept.columns) == list(fresh.columns)
    assert all(kept[c].tolist() == fresh[c].tolist() for c in fresh.columns)
    pd.testing.assert_frame_equal(flags, rule_flags.rule_flags(october["text"], playbook))
    assert flags["spam"].tolist() == [False, False, False]
    assert rule_flags.rule_flags(messages["text"], playbook)["spam"].tolist() == [
        False, False, True, False, False, False]


def _kind(folder: str, playbook: Playbook) -> memo.Kind:
    return {kind.name: kind for _, kind, _ in prepare.kinds(playbook)}[folder.split("-")[0]]


def test_a_changed_rule_recomputes_the_flags_only(tmp_path: Path, playbook: Playbook) -> None:
    prepare.annotate_messages(_messages(), playbook, tmp_path)
    edited = playbook.model_copy(deep=True)
    edited.rules.categories[0].patterns.append("(?i)biscuits")
    found = prepare.annotate_messages(_messages(), edited, tmp_path)
    assert found.analysed == {"text annotations": 0, "theme hits": 0, "rule flags": 5}
    assert found.line() == ("text analysis: 0 texts analysed, 5 already known "
                            "(analysed for rule flags: 5)")
    flags = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("flags-"))
    assert flags == [f"flags-{rule_flags.flags_kind(edited).version}"]  # the old one removed


def test_a_changed_theme_recomputes_the_theme_hits_only(tmp_path: Path,
                                                        playbook: Playbook) -> None:
    prepare.annotate_messages(_messages(), playbook, tmp_path)
    edited = playbook.model_copy(deep=True)
    edited.themes[0].keywords.append("followers")
    found = prepare.annotate_messages(_messages(), edited, tmp_path)
    assert found.analysed == {"text annotations": 0, "theme hits": 5, "rule flags": 0}


@pytest.mark.parametrize(("part", "said"), [
    ("text analysis", "text analysis failed (RuntimeError: broken); the import is kept, and "
                      "the report will analyse these texts"),
    ("older-month facts", "the facts of older months were not kept (RuntimeError: broken); "
                          "the next report computes them"),
])
def test_a_failure_after_the_commit_keeps_the_import(
        part: str, said: str, handcalc_ws: Workspace, cli,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from communitykit import window

    def broken(*_: object, **__: object) -> pd.DataFrame:
        raise RuntimeError("broken")

    if part == "text analysis":
        monkeypatch.setattr(annotate, "text_annotations", broken)
    else:
        monkeypatch.setattr(window, "month_facts", broken)
    code, out, _ = cli("import", "handcalc", str(FIXTURES / "handcalc" / "exports"))
    assert code == 0
    assert "store updated" in out
    assert said in out
    assert len(handcalc_ws.client("handcalc").store.load("messages")) > 0
