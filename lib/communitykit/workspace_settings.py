"""The workspace's settings file: the agency's branding (``agency:``) and, for
``communitykit send``, its SMTP server (``smtp:``, checked by ``delivery.settings``).

One file for the workspace, outside the playbooks: ``settings.yaml`` in the workspace
folder, or the file ``$COMMUNITYKIT_SETTINGS`` names. Here every block is optional; the
agency index reads ``agency:`` and uses the kit's own name when there is none.
"""

from __future__ import annotations

import base64
import os
import re
from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from . import yaml_reading
from .errors import UserError
from .paths import Workspace
from .plain_errors import Problem

SETTINGS_ENV = "COMMUNITYKIT_SETTINGS"
SETTINGS_FILE = "settings.yaml"
LOGO_LIMIT = 200 * 1024
PNG = b"\x89PNG\r\n\x1a\n"
# What an SVG logo may not hold, even embedded as an image where nothing in it runs.
SVG_REFUSED = re.compile(rb"<script|<!ENTITY|<foreignObject|\son[a-z]+\s*=", re.IGNORECASE)


class SettingsError(UserError):
    """The settings file is missing, unreadable or invalid."""


def _colour(value: str) -> str:
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        raise ValueError(f"{value!r} is not a colour: write #rrggbb in quotes, such as "
                         "\"#1f5f8b\"")
    return value


def _logo_path(value: str) -> str:
    if not re.search(r"\.(png|svg)$", value, re.IGNORECASE):
        raise ValueError(f"{value!r} is not a PNG or SVG file name (.png or .svg)")
    return value


class Agency(BaseModel):
    """How the agency index looks: the agency's name, accent colour and logo."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, max_length=120)
    colour: Annotated[str, AfterValidator(_colour)] | None = None
    logo: Annotated[str, AfterValidator(_logo_path)] | None = Field(
        default=None, description="PNG or SVG file, relative to the settings file")


class WorkspaceSettings(BaseModel):
    """The settings file as the workspace reads it; ``smtp`` is left to the send command."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    smtp: dict[str, Any] | None = None
    agency: Agency | None = None
    path: Path = Field(default=Path(SETTINGS_FILE), exclude=True)


Model = TypeVar("Model", bound=WorkspaceSettings)


def settings_path(ws: Workspace) -> Path:
    """``$COMMUNITYKIT_SETTINGS``, else ``settings.yaml`` in the workspace folder."""
    named = os.environ.get(SETTINGS_ENV)
    return Path(named).expanduser() if named else ws.root / SETTINGS_FILE


def read(path: Path, model: type[Model], missing: str) -> Model:
    """Read and check the settings file as ``model``; its problems are listed at once, each
    with its line and key. ``missing`` says what to do when the file does not exist."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SettingsError(missing, file=path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"cannot be read: {exc}", file=path) from None
    try:
        data = yaml_reading.load(text)
    except yaml_reading.NotYaml as exc:
        where = f"line {exc.line}: " if exc.line else ""
        raise SettingsError(f"{where}not valid YAML: {exc.reason}", file=path) from None
    if not isinstance(data, dict):
        raise SettingsError("the settings are keys with values, such as smtp: or agency:",
                            file=path)
    try:
        settings = model.model_validate({**data, "path": path})
    except ValidationError as exc:
        found = sorted(_problems(model, data, text, exc), key=lambda p: p.line or 0)
        listed = str(found[0]) if len(found) == 1 else (
            f"{len(found)} problems:\n  - " + "\n  - ".join(map(str, found)))
        raise SettingsError(listed, file=path) from None
    if settings.agency and settings.agency.logo:
        logo_uri(settings)  # a missing or unfit logo fails with the settings
    return settings


def _problems(model: type[Model], data: dict[str, Any], text: str,
              exc: ValidationError) -> list[Problem]:
    """Every problem of the settings. A check of a whole block that one of its keys alone
    fails (``smtp:`` holding ``password:``) is shown on that key's line, and the block is
    checked again without the key, so that its other mistakes are listed too."""
    from .plain_errors import describe, locate, problems

    blamed: dict[tuple[Any, ...], str] = {}
    for error in exc.errors():
        loc = tuple(error["loc"])
        block = _at(data, loc)
        if error["type"] != "value_error" or not isinstance(block, dict):
            continue
        alone = [key for key in block
                 if not _fails_alike(model, _without(data, loc, key), error)]
        if len(alone) == 1:
            blamed[(*loc, alone[0])] = describe(error)
    if not blamed:
        return [p for p in problems(exc, text, model) if p.key != "path"]
    found = [Problem("/".join(map(str, key)), locate(text, key), message)
             for key, message in blamed.items()]
    rest = data
    for key in blamed:
        rest = _without(rest, key[:-1], key[-1])
    try:
        model.model_validate({**rest, "path": Path(SETTINGS_FILE)})
    except ValidationError as again:
        found += [p for p in problems(again, text, model) if p.key != "path"]
    return found


def _at(data: Any, loc: tuple[Any, ...]) -> Any:
    """The block at ``loc`` (a path of keys) of the settings as read, or None."""
    for part in loc:
        if not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data


def _without(data: Any, loc: tuple[Any, ...], key: Any) -> Any:
    """A copy of the settings without ``key`` in the block at ``loc``."""
    if not loc:
        return {k: v for k, v in data.items() if k != key}
    return {**data, loc[0]: _without(data[loc[0]], loc[1:], key)}


def _fails_alike(model: type[Model], data: dict[str, Any], error: Any) -> bool:
    """Whether ``data`` still fails ``model`` where and as ``error`` says."""
    try:
        model.model_validate({**data, "path": Path(SETTINGS_FILE)})
    except ValidationError as exc:
        return any(tuple(e["loc"]) == tuple(error["loc"]) and e["msg"] == error["msg"]
                   for e in exc.errors())
    return False


def agency(ws: Workspace) -> tuple[Agency, str | None] | None:
    """The agency's branding and its logo as a ``data:`` URI, or None when the settings
    file does not exist or has no ``agency:`` block."""
    path = settings_path(ws)
    if not path.exists():
        return None
    settings = read(path, WorkspaceSettings, "no settings file")
    if settings.agency is None:
        return None
    return settings.agency, logo_uri(settings)


def logo_uri(settings: WorkspaceSettings) -> str | None:
    """The agency's logo as a ``data:`` URI (PNG or SVG, checked by its bytes, at most
    ``LOGO_LIMIT``); an SVG is shown as an image, where no script of it runs."""
    name = settings.agency.logo if settings.agency else None
    if not name:
        return None
    path = settings.path.parent / name
    where = f"agency/logo: {name!r}"
    if not path.is_file():
        raise SettingsError(f"{where} is not a file (relative to this file)",
                            file=settings.path)
    try:
        with path.open("rb") as logo:
            data = logo.read(LOGO_LIMIT + 1)  # a larger file is refused unread
    except OSError as exc:
        raise SettingsError(f"{where} cannot be read ({exc.strerror or 'read error'})",
                            file=settings.path) from None
    if len(data) > LOGO_LIMIT:
        raise SettingsError(f"{where} is larger than {LOGO_LIMIT // 1024} KB",
                            file=settings.path)
    if data.startswith(PNG):
        mime = "image/png"
    elif _is_svg(data):
        if SVG_REFUSED.search(data):
            raise SettingsError(f"{where} holds a script, an event handler or an entity; "
                                "export the logo as plain SVG or PNG", file=settings.path)
        mime = "image/svg+xml"
    else:
        raise SettingsError(f"{where} is not a PNG or SVG image", file=settings.path)
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _is_svg(data: bytes) -> bool:
    """Whether ``data`` is UTF-8 text whose first element is ``<svg``."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    head = re.sub(r"<\?xml.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", "", text[:4096], flags=re.DOTALL)
    return re.match(r"\s*<svg[\s>]", head) is not None
