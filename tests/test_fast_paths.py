"""The vectorised paths give what the row-by-row definitions give."""

from __future__ import annotations

import random
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
import pytest

from communitykit import classify, fastmatch
from communitykit.dataset import _parent_positions, _thread_roots, _thread_roots_walk
from communitykit.importers import generic
from communitykit.importers.base import SourceContext
from communitykit.ingest import _keep_complete
from communitykit.playbook import ColumnMapping
from communitykit.store import merge
from communitykit.tables import KEYS, SCHEMAS, conform


def _messages(n: int, seed: int, cycle: bool = False) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    ids = [str(i) for i in range(n)]
    parents: list[str | None] = [
        None if rng.random() < 0.3 else str(int(rng.integers(0, n + 5))) for _ in range(n)]
    if cycle:
        parents[0], parents[1] = "1", "0"
    return pd.DataFrame({
        "platform": pd.array(rng.choice(["x", "discord"], n), dtype="string"),
        "message_id": pd.array(ids, dtype="string"),
        "parent_id": pd.array(parents, dtype="string"),
    })


@pytest.mark.parametrize("seed", range(5))
def test_thread_roots_match_the_walk(seed: int) -> None:
    m = _messages(300, seed, cycle=seed == 4)
    fast = _thread_roots(m, _parent_positions(m))
    assert fast.tolist() == _thread_roots_walk(m).tolist()


def _positions_by_string_keys(m: pd.DataFrame) -> np.ndarray | None:
    """``_parent_positions`` as first written: (platform, id) joined into strings."""
    own = m["platform"].astype("string") + "\x1f" + m["message_id"].astype("string")
    parents = m["platform"].astype("string") + "\x1f" + m["parent_id"].astype("string")
    if own.isna().any() or not own.is_unique:
        return None
    where = {key: row for row, key in enumerate(own)}
    return np.array([-1 if pd.isna(key) else where.get(key, -1) for key in parents])


@pytest.mark.parametrize("seed", range(6))
def test_parent_positions_match_string_keys(seed: int) -> None:
    """Integer-coded keys find the parents string keys find: the same id on two platforms
    is two messages, a missing platform or id is no key, a repeated key gives None."""
    rng = np.random.default_rng(seed)
    n = 400
    m = pd.DataFrame({
        "platform": pd.array(rng.choice(["x", "discord", None], n, p=[0.5, 0.49, 0.01])
                             if seed % 3 == 1 else rng.choice(["x", "discord"], n),
                             dtype="string"),
        "message_id": pd.array([str(i // 2) for i in range(n)], dtype="string"),
        "parent_id": pd.array([None if rng.random() < 0.3 else str(rng.integers(0, n))
                               for _ in range(n)], dtype="string"),
    })
    if seed % 3 == 0:  # ids unique per platform: keys repeat only across platforms
        m["platform"] = pd.array(np.where(np.arange(n) % 2, "x", "discord"), dtype="string")
    if seed == 5:
        m.loc[3, "message_id"] = None
    expected = _positions_by_string_keys(m)
    found = _parent_positions(m)
    assert (found is None) == (expected is None)
    if expected is not None:
        assert found is not None and found.tolist() == expected.tolist()
        assert (found >= 0).sum() > 50  # parents were found: the test compares something


def _old_merge(existing: pd.DataFrame, incoming: pd.DataFrame, table: str
               ) -> tuple[pd.DataFrame, pd.Series]:
    """The merge as first written (sort, drop duplicates, sort)."""
    keys = KEYS[table]
    incoming = conform(incoming, table)
    if incoming.empty:
        return existing, pd.Series(False, index=incoming.index)
    seen = pd.concat([existing[keys], incoming[keys]], ignore_index=True)
    duplicates = pd.Series(seen.duplicated(keys).iloc[len(existing):].to_numpy(),
                           index=incoming.index)
    frames = [f for f in (existing, incoming) if not f.empty]
    combined = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    order = "metrics_as_of" if "metrics_as_of" in SCHEMAS[table] else None
    combined["_arrival"] = range(len(combined))
    sort_by = [*keys, order, "_arrival"] if order else [*keys, "_arrival"]
    combined = combined.sort_values(sort_by, kind="stable", na_position="first")
    merged = combined.drop_duplicates(keys, keep="last").drop(columns="_arrival")
    return merged.sort_values(keys, kind="stable").reset_index(drop=True), duplicates


@pytest.mark.parametrize("table", ["posts", "messages", "account_daily"])
def test_merge_matches_sort_and_drop_duplicates(table: str) -> None:
    rng = np.random.default_rng(len(table))
    for _ in range(40):
        def frame(n: int) -> pd.DataFrame:
            d: dict[str, object] = {"platform": rng.choice(["x", "instagram", "é"], n)}
            if table == "account_daily":
                d["account_id"] = pd.array(rng.choice(["a", "b", None], n), dtype="string")
                d["date"] = pd.to_datetime(rng.choice(["2026-01-01", "2026-01-02"], n))
            else:
                d["post_id" if table == "posts" else "message_id"] = rng.choice(
                    ["1", "2", "10", "ß"], n)
                d["author_id"] = "u"
                d["created_at"] = pd.Timestamp("2026-01-01", tz="UTC")
            if "metrics_as_of" in SCHEMAS[table]:
                d["metrics_as_of"] = pd.to_datetime(pd.Series(
                    rng.choice(["2026-01-01", "2026-01-05", None], n)), utc=True)
            d["source_file"] = [f"f{i}" for i in range(n)]
            return conform(pd.DataFrame(d), table)

        existing, _ = _old_merge(conform(pd.DataFrame(), table), frame(int(rng.integers(0, 8))),
                                 table)
        incoming = frame(int(rng.integers(0, 10)))
        got, want = merge(existing, incoming, table), _old_merge(existing, incoming, table)
        assert got[0].equals(want[0]) and got[1].equals(want[1])


def test_fastmatch_agrees_with_re() -> None:
    rnd = random.Random(3)
    alphabet = [*"abcxyzABCXYZ019 ?!.,_-\n\t\r\x0b\x1cñé吗呢怎么去死ıſ\u212aΣ\u3000",
                "idiot", "Idiots",
                "free followers", "bit.ly/", "how ", "What", "DM me for promo"]
    texts: list[str | None] = [
        "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 8))) for _ in range(4000)]
    texts += [None, "", "x\n", "how\n", "is it?\n"]
    series = pd.Series(texts, dtype="string")
    patterns = [classify.QUESTION_EN, classify.EXCLAMATION_EN, classify.QUESTION_MARK,
                re.compile(r"(?i)\bidiots?\b"), re.compile(r"\?\s*$"),
                re.compile(r"\s"), re.compile(r"\w+\W"), re.compile(r"(?m)^how$"),
                re.compile(r"a{,2}b"), re.compile(r"(a)\1"), re.compile("去死"),
                re.compile(r"\bDM\b", re.I)]
    combined = classify.alternation([r"(?i)\bidiots?\b", "(?i)you (trash|garbage)", "去死"])
    assert combined is not None
    from communitykit.playbook import load

    rules = load(Path(__file__).resolve().parents[1] / "playbooks" / "demo" / "playbook.yaml").rules
    categories = [classify.alternation(c.patterns) for c in rules.categories]
    patterns += [p for p in categories if p is not None]
    patterns += [re.compile(r"[\u4e00-\u9fff]{1,2}不\w"), re.compile(r"(?i)\bxy\s*\d"),
                 re.compile(r"^\W*how\b"), re.compile(r"(?i)s\b(?!x)"), re.compile("(?i)σ")]
    for pattern in [*patterns, combined]:
        want = [t is not None and pattern.search(t) is not None for t in texts]
        assert fastmatch.search(series, pattern).tolist() == want, pattern.pattern


def test_alternation_keeps_each_patterns_flags() -> None:
    assert classify.alternation(["(?i)free", "bit"]) is not None
    assert classify.alternation(["(a)\\1"]) is None  # group numbers would shift
    assert classify.alternation(["(?x) a b"]) is None
    text = pd.Series(["FREE", "BIT", "bit", "x"])
    assert classify.matches(text, ["(?i)free", "bit"]).tolist() == [True, False, True, False]


CSV_CASES = {
    "mixed": ("note line\n\nid,time,user,text,likes,parent\n"
              "1,2026-10-25 02:30,u1,hi?,\"1,204\",\n2,2026-10-26T09:00:00+02:00,u2,yo,-,1\n"
              "3,bad,u3,x,,\n4,2026-10-26 10:00,,no author,,\n"
              "5.0,2026-10-27 10:00Z,u5, sp ,12,1.2E+17\n"
              "6,2026-10-27T10:00:00.5+05:30,u6,\"multi\nline\",7.0,\n"
              "7,2026-02-30 10:00,u7,bad day,3,\n8,2026-10-28,u8,date only,x1,\n"
              "9,2026-10-28T10,u9,hour only,1e3,\n"),
    "aware": "id,time,user\n1,2026-10-25T02:30:00+00:00,u1\n2,2026-10-26T09:00:00Z,u2\n",
    "short_row": "id,time,user\n1,2026-10-25T02:30:00+00:00,u1\n2,2026-10-26\n",
    "blank_rows": "id,time,user\n1,2026-10-25T02:30:00+00:00,u1\n\n , ,\n3,2026-10-26 10:00,u3\n",
    "sep_line": "sep=;\r\nid;time;user\r\n1;2026-10-25 02:30;u1\r\n",
    "header_only": "id,time,user\n",
    "repeated_header": "id,time,user,user\n1,2026-10-25 02:30,a,b\n",
}


@pytest.mark.parametrize("case", sorted(CSV_CASES))
def test_generic_columns_match_the_row_path(case: str, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / f"{case}.csv"
    path.write_text(CSV_CASES[case], encoding="utf-8")
    names = {"message_id": "id", "created_at": "time", "author_id": "user"}
    if case == "mixed":
        names.update(text="text", likes="likes", parent_id="parent")
    mapping = ColumnMapping(table="messages", columns=names)
    context = SourceContext(ZoneInfo("Europe/Berlin"), "instagram", mapping)

    def read() -> tuple[pd.DataFrame, dict[str, object]]:
        result = generic.Generic().read(path, context)
        frame = _keep_complete(result.tables["messages"], "messages", result.account)
        return frame, result.account.as_dict()

    fast = read()
    monkeypatch.setattr(generic, "read_columns", lambda *args: None)
    rows = read()
    assert fast[0].equals(rows[0])
    assert fast[1] == rows[1]


def test_loosened_drops_lookarounds_and_group_names() -> None:
    assert fastmatch.loosened(r"a(?=b(c))[(?=]x(?<!y\))z(?P<obj>q)(?!\])") == r"a[(?=]xz(?:q)"
    assert fastmatch.loosened(r"[^)(?=]+(?<=[)])end") == r"[^)(?=]+end"
    assert fastmatch.loosened(r"[]a](?!x)") == r"[]a]"


def test_letterish_is_every_character_an_ascii_letter_matches() -> None:
    folded = {chr(cp) for cp in range(0x110000)
              if not 0xD800 <= cp <= 0xDFFF and re.match("(?i)[a-z]", chr(cp))}
    letterish = re.compile(fastmatch.LETTERISH)
    assert folded == {chr(cp) for cp in range(0x110000)
                      if not 0xD800 <= cp <= 0xDFFF and letterish.match(chr(cp))}


@pytest.mark.parametrize(("pattern", "needs"), [
    (r"(?i)\b(?:idiot|moron)s?\b", True), ("去死", False), (r"\w+", False), ("a?b", True),
    ("[a-z]x?", True), ("(?:a|1)", False), ("x{0,3}", False), ("(?=abc)1", False),
    (r"[^a]", False), ("(?:ab)+", True), ("", False), ("(", False),
])
def test_needs_ascii_letter(pattern: str, needs: bool) -> None:
    assert fastmatch.needs_ascii_letter(pattern) is needs


def _listening_patterns() -> list[re.Pattern[str]]:
    from communitykit.listening import complaints, requests, sentiment

    return [*requests.REQUEST_EN, *requests.REQUEST_ZH, complaints.COMPLAINT_EN,
            complaints.COMPLAINT_ZH, sentiment.QUESTION_END, classify.QUESTION_EN]


def _hard_texts() -> list[str]:
    """Evaluation messages, their folded forms, and texts where the engines differ."""
    from communitykit.listening.text import fold_text

    root = Path(__file__).resolve().parents[1]
    texts = pd.read_csv(root / "bench" / "eval" / "messages.csv")["text"].astype(str).tolist()
    texts += [fold_text(t) for t in texts]
    texts += ["any chance of \u00e9\u00e9n cookie", "\u00e9bring back x", "bring back x\n",
              "can you\x0bplease add vegan", "please\x1cadd oat milk", "not too salty",
              "it\u2019d be great to have a cafe", "suggestion: more seating", "pls,more tea",
              "求复刻墨西哥辣椒饼干", "可以再出抹茶味吗", "too salty", "", " ",
              "bring back \u017fcones 好", "BRING BACK \u212aale 好", "什么时候上新？"]
    return texts


def test_candidates_cover_every_match() -> None:
    texts = _hard_texts()
    prepared = fastmatch.Texts(pd.Series(texts, dtype=object))
    for pattern in _listening_patterns():
        want = np.array([pattern.search(t) is not None for t in texts])
        got = prepared.candidates(pattern)
        assert not (want & ~got).any(), pattern.pattern  # no match outside the candidates
        assert prepared.search(pattern).tolist() == want.tolist(), pattern.pattern


def test_annotations_equal_the_per_message_definitions() -> None:
    from communitykit.listening import annotate, complaints, sentiment, terms, themes
    from communitykit.listening.text import language
    from communitykit.playbook import load

    root = Path(__file__).resolve().parents[1]
    playbook = load(root / "playbooks" / "demo" / "playbook.yaml")
    texts = _hard_texts()
    got = annotate.annotate_frame(pd.DataFrame({"text": texts, "sentiment": None}), playbook)
    for text, row in zip(texts, got.itertuples(), strict=True):
        lang = language(text)
        assert (row.lang, row.sentiment, row.complaint) == (
            lang, sentiment.classify(text, lang), complaints.is_complaint(text)), text
        assert (row.request, row.request_item, row.request_theme) == annotate.request_group(
            text, playbook), text
        words = tuple(themes.literal_chinese_keywords(playbook))
        assert row.terms == terms.TERM_SEPARATOR.join(terms.terms(text, words=words)), text
