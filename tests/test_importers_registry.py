"""The registry: every format once, and a declared precedence wherever two formats claim
one of the sample exports (the order of ``registry.ORDER`` decides nothing silently)."""

from __future__ import annotations

from pathlib import Path

import pytest

from communitykit.importers import REGISTRY, detect, skeleton_head
from communitykit.importers.base import head_text
from communitykit.importers.registry import ORDER, PRECEDENCE, claimants, undeclared

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted(p for folder in (ROOT / "tests" / "fixtures", ROOT / "playbooks")
                 for p in folder.rglob("*") if p.is_file() and "exports" in p.parts)


def test_every_format_is_registered_once() -> None:
    names = [importer.name for importer in ORDER]
    assert len(names) == len(set(names)) == len(REGISTRY)
    assert list(REGISTRY) == names


def test_samples_are_found() -> None:
    assert len(SAMPLES) > 20


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_two_formats_claim_a_sample_without_a_declared_precedence(path: Path) -> None:
    head = head_text(path)
    found = claimants(path, head)
    if not found:
        bigger = skeleton_head(path, head)
        found = [] if bigger is None else claimants(path, bigger)
    names = [importer.name for importer in found]
    assert not undeclared(names), (
        f"{path.name} is claimed by {names}: declare which reads it in "
        "registry.PRECEDENCE (and order registry.ORDER to match)")
    if names:
        assert detect(path).name == names[0]


def test_precedence_agrees_with_the_order() -> None:
    position = {importer.name: i for i, importer in enumerate(ORDER)}
    for first, other in PRECEDENCE:
        assert position[first] < position[other], (first, other)


def test_an_undeclared_pair_is_found() -> None:
    assert undeclared(["meta_posts", "x_content_2024"]) == [("meta_posts", "x_content_2024")]
