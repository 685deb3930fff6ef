"""The project's definitions: complete, in one place, and the docs page equal to them."""

from __future__ import annotations

import re
import runpy
from pathlib import Path
from typing import Any

import pytest

from communitykit.catalogue import CATALOGUE, DETAILS
from communitykit.definitions import (
    DECISIONS,
    DEFINITIONS,
    MEMBER_LEVELS,
    METRICS_JSON_DEFINITIONS,
    SECTIONS,
)
from communitykit.locales import zh_definitions, zh_listening, zh_notes, zh_report
from communitykit.metrics import SECTIONS as METRIC_SECTIONS

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "metrics_doc.py"
PAGE = ROOT / "docs" / "metrics.md"
# metrics.json keys that describe the document, not a figure.
METADATA = {"schema", "client", "playbook", "store_version", "definitions", "decisions"}


@pytest.fixture(scope="module")
def doc_script() -> dict[str, Any]:
    return runpy.run_path(str(SCRIPT))


@pytest.fixture(scope="module")
def metrics_doc(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """metrics.json of the hand-calculation client for November 2026."""
    from communitykit import playbook
    from communitykit.ingest import import_exports
    from communitykit.report.review import Review
    from communitykit.store import Store
    from conftest import FIXTURES, make_workspace

    tmp = tmp_path_factory.mktemp("definitions")
    ws = make_workspace(tmp, "handcalc", FIXTURES / "handcalc" / "playbook.yaml")
    pb = playbook.load(ws.playbook_file("handcalc"))
    import_exports(Store(ws.store_dir("handcalc")), pb, [FIXTURES / "handcalc" / "exports"],
                   say=lambda _: None)
    return Review.open("handcalc", "2026-11", workspace=str(ws.root)).metrics_document()


def test_docs_page_is_what_the_script_writes(doc_script: dict[str, Any]) -> None:
    current = PAGE.read_text(encoding="utf-8")
    assert current == doc_script["page"](current), (
        "docs/metrics.md differs from definitions.py: run python scripts/metrics_doc.py")


def test_docs_page_prints_every_definition_and_decision() -> None:
    page = PAGE.read_text(encoding="utf-8")
    for title, text in DEFINITIONS:
        assert f"### {title}\n\n{text}\n" in page, title
    for title, text in DECISIONS:
        assert f"- **{title}.** {text}\n" in page, title
    assert "scripts/metrics_doc.py" in page.split("<!-- BEGIN")[0], "the top says it"


def test_the_script_replaces_only_the_generated_part(doc_script: dict[str, Any]) -> None:
    stale = f"Intro.\n{doc_script['BEGIN']}\nold text\n{doc_script['END']}\nTail.\n"
    out = doc_script["page"](stale)
    assert out.startswith(f"Intro.\n{doc_script['BEGIN']}\n") and out.endswith(
        f"{doc_script['END']}\nTail.\n")
    assert "old text" not in out and "### Response rate\n" in out
    with pytest.raises(SystemExit, match="needs exactly one"):
        doc_script["page"]("no markers here")


def test_titles_are_unique_and_links_resolve(doc_script: dict[str, Any]) -> None:
    titles = [title for title, _ in DEFINITIONS]
    assert len(titles) == len(set(titles))
    assert len(DECISIONS) == len({title for title, _ in DECISIONS})
    assert [t for _, entries in SECTIONS for t, _ in entries] == titles
    page = PAGE.read_text(encoding="utf-8")
    headings = [doc_script["anchor"](h) for h in re.findall(r"^#+ (.+)$", page, re.M)]
    assert len(headings) == len(set(headings)), "two headings share an anchor"
    targets = set(re.findall(r"\]\(#([\w-]+)\)", page))
    assert targets and targets <= set(headings)
    assert doc_script["anchor"]("Active, new, returning") == "active-new-returning"


def test_every_catalogue_metric_has_a_definition() -> None:
    titles = {title for title, _ in DEFINITIONS}
    assert {m.definition for m in CATALOGUE.values()} <= titles
    assert set(DETAILS.values()) <= titles


def test_every_figure_of_metrics_json_has_a_definition(metrics_doc: dict[str, Any]) -> None:
    """Both ways: a new figure needs a definition, and DETAILS names no figure that is gone."""
    shown = {key for key in metrics_doc if key not in METADATA and key not in METRIC_SECTIONS}
    shown |= {f"{s}.{key}" for s in METRIC_SECTIONS for key in metrics_doc[s]["current"]}
    defined = set(DETAILS) | {f"{m.section}.{m.key}" for m in CATALOGUE.values()}
    assert sorted(shown - defined) == [], "figures without a definition"
    assert sorted(defined - shown) == [], "definitions of figures metrics.json lacks"
    # the member levels' definitions are in their own part (the older key reads as before)
    assert metrics_doc["definitions"] == dict(METRICS_JSON_DEFINITIONS)
    assert metrics_doc["member_levels"]["definitions"] == dict(MEMBER_LEVELS)
    assert dict(DEFINITIONS) == {**dict(METRICS_JSON_DEFINITIONS), **dict(MEMBER_LEVELS)}


def test_every_definition_has_its_chinese() -> None:
    texts = {text for pair in DEFINITIONS + DECISIONS for text in pair}
    texts |= {name for name, _ in SECTIONS}
    assert sorted(texts - set(zh_definitions.TEXT)) == []
    assert sorted(set(zh_definitions.TEXT) - texts) == [], "translations of texts now gone"
    for catalogue in (zh_report.TEXT, zh_notes.TEXT, zh_listening.TEXT):
        for key in set(catalogue) & set(zh_definitions.TEXT):
            assert catalogue[key] == zh_definitions.TEXT[key], key


# Fails until every file under lib/, docs/ and notebooks/ stops citing the design's
# METRICS.md (the issue 15 lead is fixing the files outside definitions.py and docs/).
def test_no_text_points_at_a_file_outside_the_repository() -> None:
    citing = [
        str(path.relative_to(ROOT))
        for folder in ("lib", "docs", "notebooks")
        for path in sorted((ROOT / folder).rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
        and b"METRICS.md" in path.read_bytes()
    ]
    assert citing == []


def test_the_findings_floors_are_the_documented_ones() -> None:
    """docs/metrics.md states the floors findings.py applies (a changed floor needs its
    decision changed too)."""
    from communitykit.report import findings

    text = dict(DECISIONS)["Findings on enough data"]
    for floors in findings.FLOORS.values():
        for floor in floors:
            assert f"{floor.minimum:,} {floor.noun}" in text, floor
    assert f"above {findings.MIN_BASE['count']:.0f}" in text
    assert f"above {findings.MIN_BASE['hours'] * 60:.0f} minutes" in text
    assert f"at least {findings.MIN_MOVE:.0%}".replace("%", " %") in text


# ---- the published schema of metrics.json -----------------------------------------------
def test_the_schema_file_is_what_the_script_writes(doc_script: dict[str, Any]) -> None:
    schema = ROOT / "docs" / "metrics.schema.json"
    assert schema.read_text(encoding="utf-8") == doc_script["schema_text"](), (
        "docs/metrics.schema.json is stale: run python scripts/metrics_doc.py")


def test_metrics_json_follows_its_schema(metrics_doc: dict[str, Any]) -> None:
    import copy

    import jsonschema

    from communitykit.metrics.schema import metrics_schema

    schema = metrics_schema()
    jsonschema.validate(metrics_doc, schema)
    broken = copy.deepcopy(metrics_doc)
    broken["health"]["current"]["active_members"] = "many"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)
    missing = copy.deepcopy(metrics_doc)
    del missing["reach"]["previous"]["engagement_rate"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(missing, schema)
    described = schema["$defs"]["Health"]["properties"]["active_members"]["description"]
    assert described.startswith("Active members (metric active_members; count; better: up")
