"""The whole playbook: every part, and the checks across them."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal
from zoneinfo import ZoneInfo

from pydantic import AfterValidator, Field, field_validator

from ..addresses import check_address
from .cadence import Cadence, Reach, Theme
from .client import Account, Client, Person
from .exports import Exports
from .fields import Strict
from .goals import Goal
from .hours import BusinessHours
from .rules import Guidelines, Rules


class Revision(Strict):
    date: dt.date
    step: str
    note: str = ""
    origin: str | None = Field(
        default=None,
        description="what a new client was made from: template:<name> or client:<name>")


class Playbook(Strict):
    version: int = Field(1, description="Schema version of this file")
    client: Client
    business_hours: BusinessHours
    accounts: list[Account] = Field(min_length=1)
    roster: list[Person] = []
    team_roles: list[Literal["brand", "community_manager", "employee"]] = [
        "brand",
        "community_manager",
    ]
    guidelines: Guidelines = Guidelines()
    rules: Rules = Rules()
    goals: list[Goal] = []
    cadence: Cadence = Cadence()
    reach: Reach = Reach()
    listening: dict[Literal["themes"], list[Theme]] = {}
    exports: Exports = Exports()
    recipients: list[Annotated[str, AfterValidator(check_address)]] = Field(
        default=[], description="who `communitykit send` mails the report to")
    revisions: list[Revision] = []

    @field_validator("team_roles")
    @classmethod
    def _brand_in_team(cls, value: list[str]) -> list[str]:
        if "brand" not in value:
            raise ValueError("the team always includes 'brand'")
        return value

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.client.timezone)

    @property
    def themes(self) -> list[Theme]:
        return self.listening.get("themes", [])
