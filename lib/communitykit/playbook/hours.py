"""When the team is open: business hours per weekday and the closed days."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import holidays as holidays_lib
from holidays.registry import EntityLoader
from pydantic import AfterValidator, Field, model_validator

from .fields import ClockTime, Strict, Weekday


class Holidays(Strict):
    """Closed days: a country's holidays (holidays library) and the team's own days off."""

    country: str | None = None
    subdivision: str | None = Field(default=None, description="The team's region")
    subdivision_holidays: bool = Field(
        default=False, description="Close on the subdivision's own holidays too"
    )
    categories: list[str] = Field(
        default=["public"], min_length=1, description="Holiday categories that close the team"
    )
    extra: list[dt.date] = []

    @model_validator(mode="after")
    def _known_country(self) -> Holidays:
        if self.country is None:
            return self._nothing_without_country()
        # The registry's codes, not list_supported_countries(): that imports every
        # country's module (0.2 s on each playbook load).
        if self.country not in set(EntityLoader.get_country_codes()):
            raise ValueError(
                f"country {self.country!r} is not known to the holidays library; "
                "use an ISO 3166 code such as 'US', 'GB', 'CN', 'DE'"
            )
        country = holidays_lib.country_holidays(self.country)
        subdivisions = list(country.subdivisions)
        if self.subdivision is not None and self.subdivision not in subdivisions:
            raise ValueError(
                f"subdivision {self.subdivision!r} is not known for {self.country}; "
                f"allowed: {', '.join(subdivisions[:20])}"
            )
        if self.subdivision_holidays and self.subdivision is None:
            raise ValueError("subdivision_holidays: true needs a subdivision (the team's region)")
        allowed = country.supported_categories
        unknown = [c for c in self.categories if c not in allowed]
        if unknown:
            which = "category" if len(unknown) == 1 else "categories"
            raise ValueError(
                f"holiday {which} {', '.join(map(repr, unknown))} not known for "
                f"{self.country}; allowed: {', '.join(sorted(allowed))}"
            )
        return self

    def _nothing_without_country(self) -> Holidays:
        if self.subdivision is not None or self.subdivision_holidays:
            raise ValueError("a subdivision needs a country (e.g. country: US, subdivision: NY)")
        if self.categories != ["public"]:
            raise ValueError("holiday categories need a country (e.g. country: CN)")
        return self


def _open_before_close(value: tuple[str, str]) -> tuple[str, str]:
    opens, closes = value
    if opens >= closes:
        raise ValueError(f"opening {opens} must be before closing {closes}")
    return value


DayHours = Annotated[tuple[ClockTime, ClockTime], AfterValidator(_open_before_close)]


class BusinessHours(Strict):
    """Opening and closing local times per weekday; a missing weekday is closed."""

    days: dict[Weekday, DayHours]
    holidays: Holidays = Holidays()
