"""Text annotations kept between reports give the annotations computed afresh."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from communitykit.listening import annotate, memo
from communitykit.playbook import Playbook, load

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def playbook() -> Playbook:
    return load(ROOT / "playbooks" / "demo" / "playbook.yaml")


def _messages() -> pd.DataFrame:
    texts = pd.read_csv(ROOT / "bench" / "eval" / "messages.csv")["text"].astype(str).tolist()
    texts += ["Bring back the jalapeño biscuits!!", "求复刻墨西哥辣椒饼干", "", "thank you!"] * 2
    when = pd.date_range("2026-09-20", periods=len(texts), freq="3h", tz="UTC")
    labels = ["positive" if i % 17 == 0 else None for i in range(len(texts))]
    return pd.DataFrame({"text": texts, "created_at": when, "sentiment": labels})


def _homes(folder: Path) -> dict[str, Path]:
    """The memo's folder of each kind (``texts``, ``themes``)."""
    return {path.name.split("-")[0]: path for path in folder.iterdir()}


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    assert list(a.columns) == list(b.columns)
    for column in a.columns:
        assert a[column].tolist() == b[column].tolist(), column


def test_kept_annotations_equal_fresh_ones(tmp_path: Path, playbook: Playbook) -> None:
    messages = _messages()
    fresh = annotate.annotate_frame(messages, playbook)
    first = annotate.annotate_frame(messages, playbook, tmp_path)
    homes = _homes(tmp_path)
    assert sorted(homes) == ["texts", "themes"]
    for home in homes.values():
        assert sorted(p.name for p in home.iterdir()) == ["2026-09.parquet", "2026-10.parquet"]
    second = annotate.annotate_frame(messages, playbook, tmp_path)
    _same(first, fresh)
    _same(second, fresh)
    # a later window reuses what it shares with the first and adds the rest
    later = messages.iloc[100:].assign(created_at=messages["created_at"].iloc[100:]
                                       + pd.Timedelta(days=40))
    _same(annotate.annotate_frame(later, playbook, tmp_path),
          annotate.annotate_frame(later, playbook))
    assert all((home / "2026-11.parquet").exists() for home in homes.values())


def test_kept_annotations_are_used(tmp_path: Path, playbook: Playbook,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    messages = _messages()
    annotate.annotate_frame(messages, playbook, tmp_path)
    computed: list[int] = []
    themed: list[int] = []
    real, real_themes = annotate.text_annotations, annotate._theme_columns

    def counting(texts: pd.Series, chinese_words: tuple[str, ...]) -> pd.DataFrame:
        computed.append(len(texts))
        return real(texts, chinese_words)

    def counting_themes(texts: pd.Series, playbook: Playbook) -> pd.DataFrame:
        themed.append(len(texts))
        return real_themes(texts, playbook)

    monkeypatch.setattr(annotate, "text_annotations", counting)
    monkeypatch.setattr(annotate, "_theme_columns", counting_themes)
    annotate.annotate_frame(messages, playbook, tmp_path)
    assert computed == []  # every text came from the memo: no analyser called
    assert themed == []
    # a theme edited: the theme hits are worked out again, the text annotations kept
    edited = playbook.model_copy(deep=True)
    edited.themes[0].keywords.append("biscuit")
    fresh = annotate.annotate_frame(messages, edited)
    computed.clear()
    themed.clear()
    _same(annotate.annotate_frame(messages, edited, tmp_path), fresh)
    assert computed == [] and themed[0] == messages["text"].nunique()
    assert sorted(_homes(tmp_path)) == ["texts", "themes"]  # the old themes are removed


def test_unreadable_or_outdated_memo_is_recomputed(tmp_path: Path, playbook: Playbook) -> None:
    messages = _messages()
    fresh = annotate.annotate_frame(messages, playbook)
    annotate.annotate_frame(messages, playbook, tmp_path)
    home = _homes(tmp_path)["texts"]
    (home / "2026-09.parquet").write_bytes(b"not parquet")
    olds = [tmp_path / "0123456789abcdef", tmp_path / "texts-0123456789abcdef"]
    for old in olds:  # the layout before kinds, and an older analyser's
        old.mkdir()
        (old / "2026-09.parquet").write_bytes(b"an older analyser's file")
    _same(annotate.annotate_frame(messages, playbook, tmp_path), fresh)
    assert not any(old.exists() for old in olds)  # other analysers' memos are removed
    table = memo._read(home / "2026-09.parquet", memo.texts_kind(()))
    assert table is not None and table.num_rows > 0  # rewritten readable


def test_versions_follow_what_the_annotations_depend_on() -> None:
    assert memo.texts_kind(("辣椒饼干",)).version != memo.texts_kind(()).version
    assert memo.texts_kind(()).version == memo.texts_kind(()).version
    themes = [("flavours", ["jalape[nñ]o"])]
    assert memo.themes_kind(themes).version == memo.themes_kind(list(themes)).version
    assert memo.themes_kind(themes).version != memo.themes_kind([("flavours", ["jalapeno"])]
                                                                ).version
    assert memo.themes_kind(themes).version != memo.themes_kind([("spice", ["jalape[nñ]o"])]
                                                                ).version


def test_a_memo_that_cannot_be_written_costs_only_speed(
        tmp_path: Path, playbook: Playbook, monkeypatch: pytest.MonkeyPatch) -> None:
    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(memo.pq, "write_table", full_disk)
    messages = _messages()
    _same(annotate.annotate_frame(messages, playbook, tmp_path),
          annotate.annotate_frame(messages, playbook))
    assert not list(tmp_path.glob("*/*.parquet"))  # nothing half-written is left to read


def test_a_playbook_without_themes_keeps_no_theme_hits(tmp_path: Path,
                                                       playbook: Playbook) -> None:
    bare = playbook.model_copy(update={"listening": {"themes": []}})
    assert not bare.themes
    messages = _messages()
    _same(annotate.annotate_frame(messages, bare, tmp_path), annotate.annotate_frame(messages,
                                                                                      bare))
    assert sorted(_homes(tmp_path)) == ["texts"]
