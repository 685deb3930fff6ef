"""Who is who: every author's role, resolved from the playbook."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .playbook import Playbook

ADVOCATE_ROLES = ("ambassador", "influencer", "employee")


def _norm(value: object) -> str:
    return str(value).strip().lstrip("@").lower()


def roster_index(playbook: Playbook) -> dict[tuple[str, str], tuple[str, str, str]]:
    """(platform, id or handle) -> (role, how it was decided, name to show)."""
    index: dict[tuple[str, str], tuple[str, str, str]] = {}
    for person in playbook.roster:
        for platform, handles in person.handles.items():
            for handle in handles:
                index[(platform, _norm(handle))] = (person.role, f"roster: {person.name}",
                                                     person.name)
    for acct in playbook.accounts:
        shown = f"{playbook.client.name} ({acct.platform})"
        for value in (acct.id, acct.handle):
            if value:
                index[(acct.platform, _norm(value))] = ("brand", "brand account", shown)
    return index


def resolve(authors: pd.DataFrame, playbook: Playbook) -> pd.DataFrame:
    """Add ``role``, ``role_source`` and ``display_name`` to a frame of platform, author_id,
    author_name and kind; roster people and brand accounts show under one name.

    Each distinct (platform, author_id, author_name, kind) is resolved once, then spread
    to its rows."""
    index = roster_index(playbook)
    columns = ["platform", "author_id", "author_name", "kind"]
    codes, first = distinct_rows(authors, columns)
    distinct = authors[columns].iloc[first]
    roles = []
    sources = []
    shown = []
    for platform, author_id, name, kind in zip(
        *(distinct[c].tolist() for c in columns), strict=True,
    ):
        found = index.get((platform, _norm(author_id))) or (
            index.get((platform, _norm(name))) if pd.notna(name) else None
        )
        if found is None and not pd.isna(kind) and kind == "bot":
            found = ("bot", "marked as a bot in the export", "")
        role, how, name_shown = found or ("member", "not in the roster", "")
        roles.append(role)
        sources.append(how)
        shown.append(name_shown or (name if not pd.isna(name) else author_id))
    out = authors.copy(deep=False)  # the new columns only: the rows are not copied
    for column, values in (("role", roles), ("role_source", sources), ("display_name", shown)):
        out[column] = pd.array(values, dtype="string").take(codes) if len(codes) else \
            pd.array([], dtype="string")
    return out


def distinct_rows(frame: pd.DataFrame, columns: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """For each row, the number of its distinct combination of ``columns`` (missing values
    included), and the position of each combination's first row."""
    combined = np.zeros(len(frame), dtype="int64")
    count = 1  # a bound of the combinations numbered so far
    for column in columns:
        codes, uniques = pd.factorize(frame[column], use_na_sentinel=False)
        if count * (len(uniques) + 1) >= 2**62:  # renumber before the product overflows
            combined, held = pd.factorize(combined)
            count = len(held)
        combined = combined * (len(uniques) + 1) + codes
        count *= len(uniques) + 1
    combined, _ = pd.factorize(combined)
    return combined, first_rows(combined)


def first_rows(codes: np.ndarray) -> np.ndarray:
    """The row where each number first appears, for numbers given by first appearance as
    ``pd.factorize`` gives them (a number first appears where it exceeds all before it)."""
    before = np.maximum.accumulate(np.concatenate([[-1], codes]))[:-1]
    return np.flatnonzero(codes > before)


def team_roles(playbook: Playbook) -> frozenset[str]:
    return frozenset(playbook.team_roles)


def advocate_roles(playbook: Playbook) -> frozenset[str]:
    """Ambassadors, influencers and employees, less any role counted in the team."""
    return frozenset(r for r in ADVOCATE_ROLES if r not in playbook.team_roles)
