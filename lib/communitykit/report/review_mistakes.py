"""What is wrong with a review file (``review_notes``), said as a strategist reads it: each
problem with its line in the file and its key, every problem of a file at once."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import ValidationError

# A mistake of a file: its line in the file (None when unknown) and its message.
Mistake = tuple[int | None, str]


def at(line: int | None, first: int, key: str, message: str) -> Mistake:
    """A problem found at ``line`` of the header (or YAML file), as the file counts it."""
    if line is None:
        return None, f"{key}: {message}"
    return line + first - 1, f"line {line + first - 1}, {key}: {message}"


def listed(found: list[Mistake]) -> str:
    """Every problem of a file, by line."""
    texts = [text for _, text in sorted(found, key=lambda p: p[0] or 0)]
    return texts[0] if len(texts) == 1 else (
        f"{len(texts)} problems:\n  - " + "\n  - ".join(texts))


def commentary_cut(data: dict[object, object], text: str) -> list[Mistake]:
    """A commentary written on the key's own line loses what follows a `` #`` (a Markdown
    heading, a hashtag): YAML reads it as a comment. Refused, with the way to keep it."""
    from ..plain_errors import locate
    from ..yaml_text import lost_to_comments

    line = locate(text, ("commentary",)) if "commentary" in data else None
    if line is None:
        return []
    written = text.splitlines()[line - 1]
    after = written.split(":", 1)[1].strip() if ":" in written else ""
    cut = data.get("commentary") is None and after.startswith("#")
    cut = cut or any(lost.line == line for lost in lost_to_comments(text))
    if not cut:
        return []
    return [at(line, 1, "commentary", "the text from '#' on is read as a YAML comment and "
                "would be lost: write 'commentary: |' and the Markdown on the lines below "
                "it, indented")]


def problems(exc: ValidationError, header: str, first: int, keys: list[str],
             action_keys: list[str], whose: str) -> list[Mistake]:
    """Every problem pydantic found in the header (or YAML file) whose keys are ``keys``
    (an action's, ``action_keys``), in plain words, with its line in the file."""
    from ..plain_errors import describe, key_path, locate

    found = []
    for error in exc.errors():
        path = key_path(error)
        message = (unknown_key(error, keys, action_keys, whose)
                   if error["type"] == "extra_forbidden" else describe(error))
        found.append(at(locate(header, path), first, "/".join(map(str, path)), message))
    return found


def unknown_key(error: Any, keys: list[str], action_keys: list[str], whose: str) -> str:
    """A key the file (``whose``: "a review file", "the header") may not hold, with the
    keys it may (and the nearest of them)."""
    loc = tuple(error["loc"])
    name = str(loc[-1])
    in_action = len(loc) == 3 and loc[0] == "actions"
    allowed = action_keys if in_action else keys
    whose = "an action" if in_action else whose
    listing = ", ".join(allowed[:-1]) + f" and {allowed[-1]}"
    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.75)
    if close:
        return f"unknown key {name!r}; did you mean {close[0]!r}? The keys of {whose} are " \
               f"{listing}"
    return f"unknown key {name!r}: the keys of {whose} are {listing}"


def duplicates(data: dict[object, object], header: str, first: int) -> list[Mistake]:
    """Actions of the file known by the same id, or without ids by the same wording (as a
    later review would update them); read from the file as written, so that they are
    listed with its other problems."""
    from ..plain_errors import locate, shown

    actions = data.get("actions")
    if not isinstance(actions, list):
        return []
    seen: dict[str, int] = {}
    found = []
    for index, raw in enumerate(actions):
        if not isinstance(raw, dict):
            continue
        ident, what = raw.get("id"), raw.get("what")
        if isinstance(ident, str | int) and not isinstance(ident, bool):
            key, field = f"id:{str(ident).strip()}", "id"
            told = "is the id of actions/{0} too: give each action its own id"
            value = shown(ident)
        elif ident is None and isinstance(what, str) and what.strip():
            key, field = "what:" + " ".join(what.casefold().split()), "what"
            told = ("is the wording of actions/{0} too (case and spacing aside): keep one "
                    "of them, or give each its own id")
            value = shown(what.strip())
        else:
            continue
        if key in seen:
            path = ("actions", index, field)
            found.append(at(locate(header, path), first, f"actions/{index}/{field}",
                             f"{value} {told.format(seen[key])}"))
        else:
            seen[key] = index
    return found
