"""The workspace and its clients: every folder named once, and the handle of one client.

The workspace is the folder holding ``playbooks/``; it is found from the
``COMMUNITYKIT_HOME`` environment variable, else from the current folder
upwards.

``Workspace.client(name)`` is the one way to a client (:class:`Client`): it refuses an
unknown client (naming the known ones) before anything is read. The playbook is loaded
once, when first asked for, and kept on the handle; a handle lives as long as one
command, report or planning step.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import UserError

if TYPE_CHECKING:
    from .dataset import Dataset
    from .periods import Period
    from .playbook import Playbook
    from .store import Store

CLIENT_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")
PACKAGE_DIR = Path(__file__).resolve().parent


def check_client_name(client: str) -> str:
    """Return ``client`` if it is a safe folder name, else raise."""
    if not isinstance(client, str) or not CLIENT_NAME.fullmatch(client):
        raise UserError(
            f"client name {client!r} is not allowed: use lower-case letters, digits, "
            "'-' and '_' (at most 63 characters, starting with a letter or digit)"
        )
    return client


def find_workspace(start: Path | None = None) -> Path:
    """The workspace root: ``$COMMUNITYKIT_HOME`` or the nearest parent with ``playbooks/``."""
    env = os.environ.get("COMMUNITYKIT_HOME")
    if env:
        return Path(env).resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "playbooks").is_dir():
            return folder
    return here


@dataclass(frozen=True)
class Workspace:
    """Paths of one workspace."""

    root: Path

    @classmethod
    def find(cls, start: Path | None = None) -> Workspace:
        return cls(find_workspace(start))

    @property
    def playbooks(self) -> Path:
        return self.root / "playbooks"

    @property
    def templates(self) -> Path:
        return self.playbooks / "templates"

    @property
    def notebooks(self) -> Path:
        return self.root / "notebooks"

    @property
    def review_notebook(self) -> Path:
        """The notebook a report runs."""
        return self.notebooks / "review.ipynb"

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    def client(self, name: str) -> Client:
        """The handle of client ``name`` (playbook, store, lock, folders); an unknown client
        is refused here, naming the known ones."""
        return Client(self, name)

    def clients(self) -> list[str]:
        """Clients of the workspace: folders of playbooks/ holding a playbook.yaml."""
        return sorted(p.parent.name for p in self.playbooks.glob("*/playbook.yaml")
                      if p.parent.name != "templates")

    def client_dir(self, client: str) -> Path:
        return self.playbooks / check_client_name(client)

    def playbook_file(self, client: str) -> Path:
        return self.client_dir(client) / "playbook.yaml"

    def data_dir(self, client: str) -> Path:
        """Generated data of a client (store, import accounts): never committed."""
        return self.root / "data" / check_client_name(client)

    def store_dir(self, client: str) -> Path:
        return self.data_dir(client) / "store"

    def report_dir(self, client: str, period_label: str) -> Path:
        return self.reports / check_client_name(client) / period_label

    def guidelines_dir(self, client: str) -> Path:
        """The client's rendered public guidelines (full and pinned, Markdown and HTML)."""
        return self.root / "guidelines" / check_client_name(client)

    def plan_notebook(self, step: str) -> Path:
        """The planning notebook of a step (guidelines, goals, cadence, voices)."""
        return self.notebooks / "plan" / f"{step}.ipynb"

    def plan_runs_dir(self, client: str) -> Path:
        """Executed planning notebooks of headless runs (the record of each run)."""
        return self.data_dir(client) / "plan"

    def lab_dir(self, client: str) -> Path:
        """The client's own copies of the planning notebooks, opened by ``lab``."""
        return self.data_dir(client) / "lab"


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

    def dataset(self, period: Period | None = None) -> Dataset:
        """The store as a dataset of this playbook, its text annotations kept: the window a
        report of ``period`` reads (``window``), or the whole store."""
        from .dataset import Dataset
        from .window import dataset

        if period is not None:
            return dataset(self.store, self.playbook, period, self.memo_dir)
        return Dataset.from_store(self.store, self.playbook, self.memo_dir)

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
