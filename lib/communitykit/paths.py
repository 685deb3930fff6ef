"""Every folder of the workspace, named once.

The workspace is the folder holding ``playbooks/``; it is found from the
``COMMUNITYKIT_HOME`` environment variable, else from the current folder
upwards.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import UserError

if TYPE_CHECKING:
    from .client import Client

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
    def reports(self) -> Path:
        return self.root / "reports"

    def client(self, name: str) -> Client:
        """The handle of client ``name`` (playbook, store, lock, folders); an unknown client
        is refused here, naming the known ones."""
        from .client import Client

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
