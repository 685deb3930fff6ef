"""Where the client's export files are, and what the playbook says about some of them
(their format, timezone, platform, or a column mapping for a generic file)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from .fields import Platform, Strict, check_timezone


class ColumnMapping(Strict):
    """How a generic CSV or Excel file maps onto one of the kit's tables."""

    table: Literal["posts", "messages", "account_daily"]
    columns: dict[str, str] = Field(description="kit column -> column name in the file")
    date_format: str | None = Field(
        default=None, description="strptime format of the time column; default: ISO 8601"
    )
    sheet: str | None = None

    @model_validator(mode="after")
    def _known_columns(self) -> ColumnMapping:
        from ..tables import REQUIRED, SCHEMAS

        allowed = set(SCHEMAS[self.table]) - {"source_file", "metrics_as_of"}
        unknown = sorted(set(self.columns) - allowed)
        if unknown:
            raise ValueError(
                f"unknown {self.table} column(s) {', '.join(unknown)}; "
                f"allowed: {', '.join(sorted(allowed))}"
            )
        missing = [c for c in REQUIRED[self.table] if c != "platform" and c not in self.columns]
        if missing:
            raise ValueError(f"the mapping needs the {self.table} column(s) {', '.join(missing)}")
        return self


class Source(Strict):
    """Overrides for export files whose name matches ``match`` (a glob)."""

    match: str
    format: str | None = None
    timezone: str | None = None
    platform: Platform | None = None
    mapping: ColumnMapping | None = None

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str | None) -> str | None:
        return value if value is None else check_timezone(value)


class Exports(Strict):
    path: str = "exports"
    sources: list[Source] = []
