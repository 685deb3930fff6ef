"""Who the client is (name, language, timezone, brand), its accounts and its people."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, field_validator, model_validator

from .fields import IdText, Platform, Role, Strict, check_timezone


def _colour(value: str) -> str:
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        raise ValueError(f"{value!r} is not a colour: write #rrggbb in quotes, such as \"#1f5f8b\"")
    return value


class Brand(Strict):
    """How the report looks for this client: accent colour and logo."""

    colour: Annotated[str, AfterValidator(_colour)] | None = None
    logo: Annotated[str, Field(pattern=r"^[^/\\][^\\]*\.(png|jpg|jpeg)$")] | None = Field(
        default=None, description="PNG or JPEG file, relative to the client's playbook folder")

    @field_validator("logo")
    @classmethod
    def _inside_client_folder(cls, value: str | None) -> str | None:
        if value is not None and ".." in value.split("/"):
            raise ValueError("the logo path must stay inside the client's folder")
        return value


class Client(Strict):
    name: str = Field(min_length=1)
    language: Literal["en", "zh"] = "en"
    timezone: str
    brand: Brand = Brand()

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        return check_timezone(value)


class Account(Strict):
    platform: Platform
    id: IdText | None = None
    handle: IdText | None = None

    @model_validator(mode="after")
    def _id_or_handle(self) -> Account:
        if not (self.id or self.handle):
            raise ValueError("an account needs an id or a handle")
        return self


class Person(Strict):
    name: str = Field(min_length=1)
    role: Role
    handles: dict[Platform, list[IdText]] = {}
    asks: str | None = Field(default=None, description="What this person is asked to do")

    @field_validator("handles", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        if isinstance(value, dict):
            return {k: v if isinstance(v, list) else [v] for k, v in value.items()}
        return value
