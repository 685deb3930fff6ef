"""JSON documents: parsed with their lone UTF-16 surrogates repaired, errors named by line."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..errors import ImportFailed
from .base import decode
from .settle import SURROGATE


def load_json(path: Path, notes: list[str]) -> Any:
    """The parsed document (repairs noted in ``notes``), or ImportFailed naming the line
    of the first error."""
    try:
        return parse_json(decode(path), notes)
    except json.JSONDecodeError as exc:
        raise ImportFailed(f"not valid JSON: {exc.msg}", file=path, row=exc.lineno) from None


def parse_json(text: str, notes: list[str]) -> Any:
    """A JSON document with lone UTF-16 surrogates in its strings (``"\\ud83d"``: half
    of an emoji) replaced by U+FFFD, noted in ``notes``; json.JSONDecodeError as json
    raises it."""
    document = json.loads(text)
    if not LONE_ESCAPE.search(text):
        return document
    repaired = [0]
    document = _repaired(document, repaired)
    if repaired[0]:
        notes.append(f"{repaired[0]} text{'s' if repaired[0] > 1 else ''} held a lone "
                             "UTF-16 surrogate (half of an emoji): replaced by U+FFFD")
    return document


LONE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")  # any surrogate escape; pairs are checked


def _repaired(value: Any, count: list[int]) -> Any:
    if isinstance(value, str):
        if SURROGATE.search(value):
            count[0] += 1
            return SURROGATE.sub("\ufffd", value)
        return value
    if isinstance(value, dict):
        return {_repaired(k, count): _repaired(v, count) for k, v in value.items()}
    if isinstance(value, list):
        return [_repaired(item, count) for item in value]
    return value
