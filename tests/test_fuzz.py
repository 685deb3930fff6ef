"""Property-based fuzzing of every importer and of the playbook loader (hypothesis).

Profile ``ci`` (the default) runs a bounded, derandomised number of examples per test;
``HYPOTHESIS_PROFILE=long`` runs many more. Totals are in docs/reliability.md.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from communitykit import playbook
from communitykit.errors import PlaybookError, UserError
from communitykit.importers import REGISTRY
from communitykit.ingest import import_exports
from communitykit.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from malformed import GENERIC_SOURCES  # noqa: E402

settings.register_profile("ci", max_examples=100, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=3000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "handcalc"
FORMATS = sorted(REGISTRY)
EXTENSIONS = [".csv", ".json", ".js", ".jsonl", ".txt", ".xlsx", ".zip"]
COLUMNS = ["post id", "publish time", "tweet id", "time", "impressions", "date",
           "tweets published", "likes", "comments", "shares", "reach", "views", "content",
           "author", "authorid", "attachments", "reactions", "text", "id", "username",
           "topic_id", "post_number", "created_at", "followers", "video publish time",
           "video views", "profile views", "comment id", "user", "comment", "account id"]
CELLS = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", "-", "undefined", "1.23E+18", "twelve", "10/15/2026 10:00",
                     "2026-10-31 19:53 +0000", "2026-10-02T10:00:00-04:00", "31/10/2026",
                     "1700000000", "1,234", "42%", "nan", "=cmd()", "\u202e"]),
    st.integers(-10**20, 10**20).map(str),
    st.floats(allow_nan=True).map(str),
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
    | st.sampled_from(["2026-10-02T10:00:00Z", "900000000000000101", "messages", "data"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["id", "data", "messages", "author", "timestamp", "text", "from",
                         "channel", "guild", "content", "name", "date", "type", "reactions",
                         "reference", "messageId", "created_utc", "body", "replies"]) | st.text(
            max_size=8), inner, max_size=6),
    max_leaves=25,
)
COUNTS: dict[str, int] = {}


@pytest.fixture(scope="module")
def book() -> playbook.Playbook:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "playbook.yaml"
        path.write_text((FIXTURES / "playbook.yaml").read_text() + GENERIC_SOURCES)
        return playbook.load(path)


def _import(pb: playbook.Playbook, content: bytes, fmt: str | None, ext: str) -> None:
    """Import one file: a clean import with every row accounted for, or one UserError."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"crm_fuzz{ext}"
        path.write_bytes(content)
        store = Store(Path(folder) / "store")
        try:
            accounts = import_exports(store, pb, [path], fmt, say=lambda _: None)
        except UserError as exc:
            assert "\n" not in str(exc) and path.name in str(exc), str(exc)
            assert not store.exists()
            kind = "error (unexpected shape)" if "unexpected shape" in str(exc) else "error"
            COUNTS[kind] = COUNTS.get(kind, 0) + 1
            return
        for account in accounts:
            assert account.rows_read == account.kept + account.duplicate + len(account.rejected)
            assert all(row >= 1 and reason for row, reason in account.rejected)
        COUNTS["ok"] = COUNTS.get("ok", 0) + 1


@given(content=st.binary(max_size=3000), fmt=st.sampled_from([None, *FORMATS]),
       ext=st.sampled_from(EXTENSIONS))
def test_random_bytes(book: playbook.Playbook, content: bytes, fmt: str | None,
                      ext: str) -> None:
    _import(book, content, fmt, ext)


@given(fmt=st.sampled_from(FORMATS), header=st.lists(st.sampled_from(COLUMNS), min_size=1,
                                                      max_size=8),
       rows=st.lists(st.lists(CELLS, max_size=9), max_size=6), bom=st.booleans())
def test_random_csv_with_the_importers_headers(book: playbook.Playbook, fmt: str,
                                               header: list[str], rows: list[list[str]],
                                               bom: bool) -> None:
    required = list(getattr(REGISTRY[fmt], "required", ()))
    if fmt == "generic":
        required = ["Comment ID", "Date", "User", "Comment"]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(required + header)
    writer.writerows(rows)
    _import(book, buffer.getvalue().encode("utf-8-sig" if bom else "utf-8", "surrogatepass"),
            fmt, ".csv")


@given(fmt=st.sampled_from(FORMATS), document=JSON, ext=st.sampled_from([".json", ".jsonl"]))
def test_random_json_shapes(book: playbook.Playbook, fmt: str, document: Any,
                            ext: str) -> None:
    _import(book, json.dumps(document).encode(), fmt, ext)


# ------------------------------------------------------------------------ playbook loader

DEMO = YAML(typ="safe", pure=True).load((ROOT / "playbooks" / "demo" / "playbook.yaml")
                                        .read_text(encoding="utf-8"))


def _load_text(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "playbook.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            playbook.load(path)
        except PlaybookError as exc:
            message = str(exc)
            assert (re.search(r"(line \d+, )?[\w/ ()-]*: ", message.split("playbook.yaml: ", 1)[-1])
                    or "not valid YAML" in message
                    or "a playbook is a mapping" in message or "not UTF-8" in message), message
            COUNTS["playbook error"] = COUNTS.get("playbook error", 0) + 1
        else:
            COUNTS["playbook ok"] = COUNTS.get("playbook ok", 0) + 1


def _dump(data: object) -> str:
    buffer = io.StringIO()
    yaml = YAML(typ="safe", pure=True)
    yaml.dump(data, buffer)
    return buffer.getvalue()


@given(st.one_of(st.text(max_size=200), JSON.map(_dump)))
def test_random_yaml_documents(text: str) -> None:
    _load_text(text)


def _paths(data: object, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            out += _paths(value, (*prefix, index))
    return out


DEMO_PATHS = [p for p in _paths(DEMO) if p]


@given(path=st.sampled_from(DEMO_PATHS),
       action=st.sampled_from(["replace", "delete", "add-key", "wrap"]),
       value=JSON | st.sampled_from(["25:00", "Mars/Olympus", "-1h", "(", "2026-02-30",
                                     10**30, -1, 1.5]))
def test_mutations_of_the_demo_playbook(path: tuple[Any, ...], action: str,
                                        value: Any) -> None:
    data = copy.deepcopy(DEMO)
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if action == "replace":
        parent[last] = value
    elif action == "delete":
        del parent[last]
    elif action == "add-key" and isinstance(parent[last], dict):
        parent[last]["unexpected_key"] = value
    else:
        parent[last] = [parent[last]]
    _load_text(_dump(data))


def test_report_counts() -> None:
    """Print what the fuzz tests above tried (pytest -s shows it)."""
    print(f"fuzz outcomes: {COUNTS}")
