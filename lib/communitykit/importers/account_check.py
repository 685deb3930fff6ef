"""Whether an imported file is the client's: a warning when the accounts it shows match
none of the playbook's (another brand's export gives a believable wrong report).

The rule, per file and platform:

- the playbook has no account on the file's platform: warn;
- a post or daily export is the client's when one of its ``account_id``, ``author_id`` or
  ``author_name`` values is a brand account (id or handle) or a roster handle of that
  platform; a file that shows no account at all cannot be checked and passes;
- a message export is the client's when one message is by a brand account or a roster
  person, sits under a post of the client (``post_id``) or in a channel (``container``)
  where a brand account or roster person wrote (in the store or this import), or mentions
  one of them (``mentions`` column or ``@handle`` in its text). A file where only members
  write, under the client's posts or in the client's channels, is fine.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from ..playbook import Playbook
from .x_archive import SELF

MISMATCH = "accounts do not match the playbook"  # every warning starts with this
SHOWN = 3  # accounts named per warning
HANDLE_MENTION = re.compile(r"@([\w.\-]+)")


def norm(value: object) -> str:
    """An id or handle as compared: trimmed, without ``@``, lower case."""
    return str(value).strip().lstrip("@").lower()


@dataclass(frozen=True)
class Known:
    """What ties rows to the client: the playbook's accounts and roster handles per
    platform, and the posts and channels of the client already known."""

    names: dict[str, frozenset[str]]
    accounts: dict[str, list[str]]
    posts: frozenset[tuple[str, str]]
    containers: frozenset[tuple[str, str]]

    def has(self, platform: str, values: Iterable[object]) -> bool:
        """Whether one of ``values`` is a brand account or roster handle on ``platform``."""
        names = self.names.get(platform, frozenset())
        return any(norm(v) in names for v in values if not pd.isna(v))


def playbook_names(playbook: Playbook) -> tuple[dict[str, frozenset[str]], dict[str, list[str]]]:
    """Per platform: every brand account id and handle and roster handle (normalised), and
    the brand accounts as a reader knows them (``handle (id)``)."""
    names: dict[str, set[str]] = {}
    accounts: dict[str, list[str]] = {}
    for account in playbook.accounts:
        values = [v for v in (account.handle, account.id) if v]
        names.setdefault(account.platform, set()).update(norm(v) for v in values)
        shown = f"{account.handle} ({account.id})" if account.handle and account.id else values[0]
        accounts.setdefault(account.platform, []).append(shown)
    for person in playbook.roster:
        for platform, handles in person.handles.items():
            names.setdefault(platform, set()).update(norm(h) for h in handles)
    return {p: frozenset(v) for p, v in names.items()}, accounts


def known(playbook: Playbook, posts: pd.DataFrame, messages: pd.DataFrame) -> Known:
    """The client's known posts and channels in ``posts`` and ``messages`` (the store with
    this import merged in): posts that name a client account or no account at all, and
    channels where a brand account or roster person wrote."""
    names, accounts = playbook_names(playbook)
    base = Known(names, accounts, frozenset(), frozenset())
    shown = posts[["platform", "post_id", "account_id", "author_id", "author_name"]]
    client_posts = {
        (platform, post_id)
        for platform, post_id, *values in shown.drop_duplicates().itertuples(index=False)
        if all(pd.isna(v) for v in values) or base.has(platform, values)
    }
    writers = messages[["platform", "container", "author_id", "author_name"]]
    channels = {
        (platform, container)
        for platform, container, *author in writers.drop_duplicates().itertuples(index=False)
        if not pd.isna(container) and base.has(platform, author)
    }
    return Known(names, accounts, frozenset(client_posts), frozenset(channels))


def warnings(tables: dict[str, pd.DataFrame], known: Known) -> list[str]:
    """The warnings for one file's rows (its frames by table), one per platform."""
    platforms = sorted({p for frame in tables.values() if "platform" in frame
                        for p in frame["platform"].dropna().unique()})
    out = []
    for platform in platforms:
        rows = {name: frame[frame["platform"] == platform] for name, frame in tables.items()
                if "platform" in frame}
        found = _warning(platform, rows, known)
        if found:
            out.append(found)
    return out


def _warning(platform: str, rows: dict[str, pd.DataFrame], known: Known) -> str | None:
    ours = known.accounts.get(platform)
    if not ours:
        return (f"{MISMATCH}: the playbook has no {platform} account, so none of these "
                f"rows can be told apart from the brand's; add the {platform} account under "
                "accounts (and the team's handles to the roster)")
    frames = {table: frame for table, frame in rows.items() if not frame.empty}
    if any(_matches(platform, table, frame, known) for table, frame in frames.items()):
        return None
    seen: Counter[str] = Counter()
    for table, frame in frames.items():
        seen.update(_authors(frame) if table == "messages" else _account_labels(frame))
    seen.pop(SELF, None)  # an X archive whose owner is unknown: nothing to check
    if not seen:
        return None
    names = [name for name, _ in seen.most_common(SHOWN)]
    more = f" and {len(seen) - SHOWN} more" if len(seen) > SHOWN else ""
    return (f"{MISMATCH}: this {platform} file shows {', '.join(names)}{more}; the "
            f"playbook's {platform} accounts are {', '.join(ours)} and no roster handle "
            "matches either. If it is another brand's export or the handles changed, fix the "
            "playbook's accounts and roster before trusting the report")


def _matches(platform: str, table: str, frame: pd.DataFrame, known: Known) -> bool:
    """Whether the file's rows of ``table`` tie it to the client."""
    if table == "messages":
        return _messages_match(platform, frame, known)
    columns = [c for c in ("account_id", "author_id", "author_name") if c in frame]
    return known.has(platform, [v for c in columns for v in frame[c].dropna().unique()])


def _messages_match(platform: str, frame: pd.DataFrame, known: Known) -> bool:
    """Whether one message ties the file to the client (see the module's rule)."""
    authors = [*frame["author_id"].dropna().unique(), *frame["author_name"].dropna().unique()]
    if known.has(platform, authors):
        return True
    if any((platform, p) in known.posts for p in frame["post_id"].dropna().unique()):
        return True
    if any((platform, c) in known.containers for c in frame["container"].dropna().unique()):
        return True
    mentioned = {m for cell in frame["mentions"].dropna() for m in str(cell).split()}
    mentioned |= {m.rstrip(".-") for text in frame["text"].dropna()
                  for m in HANDLE_MENTION.findall(text)}
    return known.has(platform, mentioned)


def _authors(frame: pd.DataFrame) -> Counter[str]:
    """Message authors by number of messages, as ``name (id)``."""
    named = frame["author_name"].notna() & (
        frame["author_name"].str.strip().str.lstrip("@").str.lower()
        != frame["author_id"].str.strip().str.lstrip("@").str.lower()).fillna(True)
    shown = frame["author_id"].where(~named, frame["author_name"] + " (" + frame["author_id"]
                                     + ")")
    return Counter(shown.dropna().tolist())


def _account_labels(frame: pd.DataFrame) -> Counter[str]:
    """The accounts of posts or daily rows by number of rows: the account, else the author."""
    label = pd.Series(pd.NA, index=frame.index, dtype="string")
    for column in ("account_id", "author_name", "author_id"):
        if column in frame:
            label = label.fillna(frame[column].astype("string"))
    return Counter(label.dropna().tolist())
