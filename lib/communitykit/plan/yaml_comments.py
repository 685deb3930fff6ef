"""The strategist's comments in a round-trip playbook, carried over when a save rebuilds a node.

A comment (or blank line) written after an element belongs to that element in ruamel.yaml:
when a save empties a value, rebuilds a list or reorders a mapping, the comment after the
last element (often the blank line before the next section) must move to the element that
is now last, or it is lost or lands in the wrong place. ``take_trailing`` and
``put_trailing`` move it; ``entries`` is the one place that reads ruamel's comment table.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq


def entries(node: CommentedMap | CommentedSeq) -> dict[Any, list[Any]]:
    """The comments attached to ``node``'s keys (a mapping) or items (a list): ruamel's
    ``node.ca.items``, mutable in place.

    Pinned internal (ruamel.yaml 0.18 and 0.19): the public comment methods
    (``yaml_add_eol_comment``, ``yaml_set_comment_before_after_key``,
    ``yaml_set_start_comment``) write a new comment from text; none reads, moves or removes
    a comment already in the document, which a save must do to keep what the strategist
    wrote. The table maps a mapping's key to ``[_, _, comment after its value, _]`` and a
    list's index to ``[comment after the item, _]`` (``_after``). tests/test_yaml_comments.py
    fails if ruamel changes this layout."""
    return node.ca.items


def _after(container: CommentedMap | CommentedSeq) -> int:
    """Where an entry holds the comment after its element (``entries``)."""
    return 2 if isinstance(container, CommentedMap) else 0


def _last_path(node: Any) -> list[tuple[Any, Any]]:
    """(container, key) pairs down the last element of ``node``, outermost first."""
    path: list[tuple[Any, Any]] = []
    while isinstance(node, CommentedMap | CommentedSeq) and len(node):
        key = list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
        path.append((node, key))
        node = node[key]
    return path


def has_last_element(node: Any) -> bool:
    """Whether ``node`` is a list or mapping with an element (one a comment can follow)."""
    return bool(_last_path(node))


def take_trailing(node: Any) -> Any:
    """Remove and return the comment after the last element (deepest first)."""
    for container, key in reversed(_last_path(node)):
        entry = entries(container).get(key)
        if entry and entry[_after(container)] is not None:
            token = entry[_after(container)]
            entry[_after(container)] = None
            return token
    return None


def put_trailing(node: Any, token: Any) -> None:
    """``token`` after the last element of ``node``, unless one is there already."""
    path = _last_path(node)
    if not path:
        return
    container, key = path[-1]
    size = 4 if isinstance(container, CommentedMap) else 2
    entry = entries(container).setdefault(key, [None] * size)
    if entry[_after(container)] is None:
        entry[_after(container)] = token


def put_after_key(mapping: CommentedMap, key: Any, token: Any) -> None:
    """``token`` after ``mapping[key]``'s value; blank lines are added to a comment there."""
    entry = entries(mapping).setdefault(key, [None, None, None, None])
    if entry[2] is None:
        entry[2] = token
    elif token.value.startswith("\n"):
        entry[2].value = entry[2].value + token.value[1:]
