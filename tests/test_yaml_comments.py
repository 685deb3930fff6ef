"""The comment table of ruamel.yaml that saving reads (plan/yaml_comments.py), pinned.

``yaml_comments.entries`` is the one place that reads ruamel's internal ``.ca.items``: these
tests fail loudly when a ruamel.yaml upgrade changes its layout, before a save drops or
misplaces a strategist's comment.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.tokens import CommentToken

from communitykit.plan import save, yaml_comments

TEXT = """\
client:
  name: Northwind  # the brand's own spelling

roster:
  - Mia  # community manager
  - Sam

cadence: {}
"""


def _load() -> Any:
    return save._round_trip().load(TEXT)


def test_ruamel_keeps_comments_where_saving_reads_them() -> None:
    doc = _load()
    client = yaml_comments.entries(doc["client"])
    assert isinstance(client["name"][2], CommentToken)  # a mapping: after the value, slot 2
    assert client["name"][2].value == "# the brand's own spelling\n\n"
    roster = yaml_comments.entries(doc["roster"])
    assert isinstance(roster[0][0], CommentToken)  # a list: after the item, slot 0
    assert roster[0][0].value == "# community manager\n"
    assert roster[1][0].value == "\n\n"  # its line end, and the blank line before cadence


def test_the_blank_line_before_the_next_section_moves_with_the_last_item() -> None:
    doc = _load()
    roster = doc["roster"]
    token = yaml_comments.take_trailing(roster)
    assert token is not None and token.value == "\n\n"
    assert "  - Sam\ncadence:" in save.dump(doc)
    roster.append("Ana")
    yaml_comments.put_trailing(roster, token)
    assert "  - Ana\n\ncadence:" in save.dump(doc)


def test_an_emptied_value_keeps_the_blank_line_after_it() -> None:
    doc = _load()
    save.set_section(doc, "roster", [])
    assert "roster: []\n\ncadence: {}\n" in save.dump(doc)
    assert "# community manager" not in save.dump(doc)


def test_a_new_section_gets_a_blank_line_before_the_next() -> None:
    doc = _load()
    save.set_section(doc, "accounts", [{"platform": "instagram", "handle": "nw"}])
    text = save.dump(doc)
    assert "accounts:\n  - platform: instagram\n    handle: nw\n\n" in text
    assert text.index("accounts:") < text.index("cadence:")
