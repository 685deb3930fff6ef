"""One client of a workspace: its folders, playbook, store and lock, named once.

``Workspace.client(name)`` is the one way in: it refuses an unknown client (naming the
known ones) before anything is read. The playbook is loaded once, when first asked for,
and kept on the handle; a handle lives as long as one command, report or planning step.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import UserError
from .paths import Workspace, check_client_name

if TYPE_CHECKING:
    from .dataset import Dataset
    from .periods import Period
    from .playbook import Playbook
    from .store import Store


class Client:
    """A client of ``workspace`` whose playbook exists (``Workspace.client`` checks it)."""

    def __init__(self, workspace: Workspace, name: str) -> None:
        self.workspace = workspace
        self.name = check_client_name(name)
        if not self.playbook_file.exists():
            raise unknown_client(workspace, name)

    def __repr__(self) -> str:
        return f"Client({self.name!r}, {self.workspace.root})"

    # ---- folders ---------------------------------------------------------------------------
    @property
    def folder(self) -> Path:
        """``playbooks/<client>/``: the playbook and, by default, its exports."""
        return self.workspace.client_dir(self.name)

    @property
    def playbook_file(self) -> Path:
        return self.workspace.playbook_file(self.name)

    @property
    def data_dir(self) -> Path:
        """Generated data (store, import accounts, caches): never committed."""
        return self.workspace.data_dir(self.name)

    @property
    def store_dir(self) -> Path:
        return self.workspace.store_dir(self.name)

    @property
    def lab_dir(self) -> Path:
        return self.workspace.lab_dir(self.name)

    @property
    def plan_runs_dir(self) -> Path:
        return self.workspace.plan_runs_dir(self.name)

    @property
    def guidelines_dir(self) -> Path:
        return self.workspace.guidelines_dir(self.name)

    @property
    def memo_dir(self) -> Path:
        """Where the text annotations are kept between reports (``listening.memo``)."""
        return self.data_dir / "cache" / "listening"

    def report_dir(self, period: Period) -> Path:
        """``reports/<client>/<period label>/``."""
        return self.workspace.report_dir(self.name, period.label)

    # ---- contents --------------------------------------------------------------------------
    @functools.cached_property
    def playbook(self) -> Playbook:
        """The validated playbook, loaded on first use and kept."""
        from .playbook import load

        return load(self.playbook_file)

    @property
    def language(self) -> str:
        """The playbook's language (``client.language``)."""
        return self.playbook.client.language

    @functools.cached_property
    def store(self) -> Store:
        from .store import Store

        return Store(self.store_dir)

    def dataset(self) -> Dataset:
        """The whole store as a dataset of this playbook, its text annotations kept."""
        from .dataset import Dataset

        data = Dataset.from_store(self.store, self.playbook)
        data.memo_dir = self.memo_dir
        return data

    @contextlib.contextmanager
    def lock(self, kind: str) -> Iterator[None]:
        """Hold the client's lock for an ``import`` or a ``report`` (``store.client_lock``)."""
        from .store import client_lock

        with client_lock(self.data_dir, kind):
            yield


def unknown_client(workspace: Workspace, name: str) -> UserError:
    """The one error for a client without a playbook: which one, and the known ones."""
    known = ", ".join(workspace.clients()) or "none"
    return UserError(f"unknown client {name!r} (no {workspace.playbook_file(name)}); known "
                     f"clients: {known}; create one with `communitykit new`")
