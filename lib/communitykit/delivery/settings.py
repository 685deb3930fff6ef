"""The delivery settings: how the kit reaches the agency's SMTP server.

The ``smtp:`` block of the workspace's settings file (``workspace_settings`` reads the
file: ``settings.yaml`` in the workspace folder, or the file ``$COMMUNITYKIT_SETTINGS``
names), required here. It holds no password: the password is read from the environment
variable the file names (``password_env``).
"""

from __future__ import annotations

import ipaddress
import os
import re
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from ..addresses import check_address
from ..workspace_settings import (
    SETTINGS_ENV,
    SETTINGS_FILE,
    SettingsError,
    WorkspaceSettings,
    settings_path,
)
from ..workspace_settings import read as read_settings

__all__ = ["SETTINGS_ENV", "SETTINGS_FILE", "Settings", "SettingsError", "Smtp", "ca_file",
           "is_loopback", "load", "password", "settings_path"]
DEFAULT_PASSWORD_ENV = "COMMUNITYKIT_SMTP_PASSWORD"  # noqa: S105 (a name)
ENV_NAME = r"^[A-Za-z_][A-Za-z0-9_]*$"
HOST = re.compile(r"^[A-Za-z0-9.:\[\]_-]+$")


def _host(value: str) -> str:
    if not HOST.match(value):
        raise ValueError(f"{value!r} is not a host name: write e.g. smtp.example.com")
    return value


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this machine (a relay here sees no password cross a network)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class Smtp(BaseModel):
    """The SMTP server the reports are sent through."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    host: Annotated[str, AfterValidator(_host)]
    port: int | None = Field(default=None, ge=1, le=65535,
                             description="default 587 with starttls, else 25")
    starttls: bool = True
    user: str | None = Field(default=None, min_length=1)
    password_env: str = Field(default=DEFAULT_PASSWORD_ENV, pattern=ENV_NAME)
    sender: Annotated[str, AfterValidator(check_address)] = Field(alias="from")
    ca_file: str | None = Field(default=None, min_length=1, description=(
        "a CA certificate bundle (PEM) for a server whose certificate no public CA signed; "
        "relative to the settings file"))
    timeout: float = Field(default=30.0, gt=0, le=600)

    @model_validator(mode="before")
    @classmethod
    def _no_password(cls, data: Any) -> Any:
        if isinstance(data, dict) and "password" in data:
            raise ValueError("a password is never kept in a file: remove 'password' and put "
                             "it in the environment variable named by password_env "
                             f"(default {DEFAULT_PASSWORD_ENV})")
        return data

    @model_validator(mode="after")
    def _no_clear_password(self) -> Smtp:
        if self.user and not self.starttls and not is_loopback(self.host):
            raise ValueError("user is set and starttls is false: the password would cross the "
                             "network in clear; set starttls: true")
        return self

    @property
    def effective_port(self) -> int:
        return self.port or (587 if self.starttls else 25)

    @property
    def where(self) -> str:
        return f"{self.host}:{self.effective_port}"


class Settings(WorkspaceSettings):
    """The settings file as ``send`` reads it: ``smtp:`` is required."""

    smtp: Smtp  # type: ignore[assignment]  # required here, optional for the workspace


def load(path: Path) -> Settings:
    """Read and check the settings file; every problem names the file, line and key."""
    settings = read_settings(path, Settings, (
        "no delivery settings: the file does not exist; write it as docs/delivery.md shows, "
        f"or set {SETTINGS_ENV} to its path"))
    ca = settings.smtp.ca_file
    if ca and not (path.parent / ca).is_file():
        raise SettingsError(f"smtp/ca_file: {ca!r} is not a file (relative to this file)",
                            file=path)
    return settings


def ca_file(settings: Settings) -> Path | None:
    ca = settings.smtp.ca_file
    return settings.path.parent / ca if ca else None


def password(settings: Settings) -> str | None:
    """The SMTP password from its environment variable (None when no user is set)."""
    smtp = settings.smtp
    if not smtp.user:
        return None
    value = os.environ.get(smtp.password_env)
    if not value:
        raise SettingsError(f"smtp/user is set but the environment variable "
                            f"{smtp.password_env} is not set or empty: export the SMTP "
                            "password in it (the kit never keeps it in a file)",
                            file=settings.path)
    return value
