"""Validation errors of a playbook in plain words, each with its line and key.

pydantic describes a problem in a developer's terms ("Input should be a valid list",
a regular expression). ``describe`` says what is allowed, with an example, and
``locate`` finds the line of the key in the YAML text, so a strategist can fix every
problem of a file in one pass (``problems`` lists them all).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

# What a value of this kind looks like, for the messages below.
EXPECTED = {
    "list_type": "a list, such as [a, b] (or one item per line starting with '- ')",
    "dict_type": "keys with values, such as {name: Alex, role: employee}",
    "model_type": "keys with values, such as {name: Alex, role: employee}",
    "string_type": "text",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "int_type": "a whole number, such as 3",
    "int_parsing": "a whole number, such as 3",
    "float_type": "a number, such as 2.5",
    "float_parsing": "a number, such as 2.5",
    "date_type": "a date written YYYY-MM-DD, such as 2026-03-31",
    "date_parsing": "a date written YYYY-MM-DD, such as 2026-03-31",
    "date_from_datetime_parsing": "a date written YYYY-MM-DD, such as 2026-03-31",
    "date_from_datetime_inexact": "a date written YYYY-MM-DD, such as 2026-03-31",
}
BOUNDS = {"greater_than": "more than {gt}", "greater_than_equal": "at least {ge}",
          "less_than": "less than {lt}", "less_than_equal": "at most {le}"}


@dataclass(frozen=True)
class Problem:
    key: str  # key path, e.g. business_hours/days/mon/0
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}, " if self.line else ""
        return f"{where}{self.key or '(top level)'}: {self.message}"


def shown(value: Any) -> str:
    """A value as the strategist wrote it, short."""
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def describe(error: Any, known_keys: Iterable[str] = ()) -> str:
    """One pydantic error in plain words: what is wrong and what is allowed."""
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    if kind == "extra_forbidden":
        name = str(error["loc"][-1])
        close = difflib.get_close_matches(name, [k for k in known_keys if k != name], n=1,
                                          cutoff=0.75)
        hint = f"; did you mean {close[0]!r}?" if close else (
            "; check the spelling against playbooks/templates/TEMPLATE.yaml")
        return f"unknown key {name!r}{hint}"
    if kind == "missing":
        return "this key is missing and is required"
    if kind == "literal_error":
        return f"{shown(value)} is not one of the choices: {ctx.get('expected', '')}"
    if kind in EXPECTED:
        got = ("; a long number must be in quotes, e.g. \"910000000000000011\""
               if kind == "string_type" and isinstance(value, int) else "")
        return f"expected {EXPECTED[kind]}, got {shown(value)}{got}"
    if kind in BOUNDS:
        bound = {k: f"{v:g}" if isinstance(v, float) else v for k, v in ctx.items()}
        return f"must be {BOUNDS[kind].format(**bound)}, got {shown(value)}"
    if kind in ("too_short", "string_too_short"):
        return "must not be empty"
    if kind == "finite_number":
        return f"must be a finite number, got {shown(value)}"
    if kind == "string_pattern_mismatch":  # kinds without a message of their own
        return f"{shown(value)} is not written as expected (see TEMPLATE.yaml for the form)"
    return str(error["msg"]).removeprefix("Value error, ")


def key_path(error: Any) -> tuple[Any, ...]:
    at = (error.get("ctx") or {}).get("at")
    loc = tuple(error["loc"])
    return (*loc, at) if at else loc


def locate(text: str | None, path: Sequence[Any]) -> int | None:
    """The 1-based line of ``path`` (keys and list indexes) in the YAML ``text``: the
    deepest part of the path that exists there."""
    if not text:
        return None
    try:
        node: Any = YAML(typ="rt", pure=True).load(text)
    except ValueError:  # a date the calendar has not (2026-13-45): read dates as text
        from .yaml_reading import load_round_trip

        try:
            node = load_round_trip(text)
        except YAMLError:
            return None
    except YAMLError:
        return None
    line = None
    for part in path:
        if isinstance(node, CommentedMap) and part in node:
            line = node.lc.key(part)[0] + 1
            node = node[part]
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and part < len(node):
            line = node.lc.item(part)[0] + 1
            node = node[part]
        else:
            break
    return line


def field_names(model: type[BaseModel]) -> set[str]:
    """Every key of ``model`` and of the models it holds (for spelling suggestions)."""
    names: set[str] = set()
    stack: list[Any] = [model]
    seen: set[Any] = set()
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            for name, info in current.model_fields.items():
                names.add(name)
                stack.append(info.annotation)
        for arg in getattr(current, "__args__", ()):
            stack.append(arg)
    return names


def problems(exc: ValidationError, text: str | None, model: type[BaseModel]) -> list[Problem]:
    """Every error of ``exc``, in plain words, with its line in ``text`` when found."""
    known = field_names(model)
    found = []
    for error in exc.errors():
        path = key_path(error)
        if follows_from_unknown_metric(error, exc):
            continue
        found.append(Problem("/".join(str(p) for p in path), locate(text, path),
                             describe(error, known)))
    return found


def follows_from_unknown_metric(error: Any, exc: ValidationError) -> bool:
    """A goal's missing direction is only noise when its metric is misspelt."""
    loc = tuple(error["loc"])
    if error["type"] != "missing" or loc[-1] != "direction":
        return False
    return any(tuple(e["loc"]) == (*loc[:-1], "metric") for e in exc.errors())
