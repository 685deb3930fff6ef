"""How the team works: posts per week, content pillars, response commitments, the
engagement rate's base, and the themes it listens for."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .fields import CommitmentKey, Duration, Pattern, Platform, PostsPerWeek, Slug, Strict


class Pillar(Strict):
    id: Slug
    share: float = Field(ge=0, le=1)
    patterns: list[Pattern] = []


class Commitment(Strict):
    within: Duration
    clock: Literal["business", "calendar"] = "business"


class Cadence(Strict):
    posts_per_week: dict[Platform, PostsPerWeek] = {}
    pillars: list[Pillar] = []
    response: dict[CommitmentKey, Commitment] = Field(
        default={"question": Commitment(within="4h"), "message": Commitment(within="1d")},
        description="Per message kind (question, message) and rule severity (low..critical)",
    )
    flat_thread_window: Duration = Field(
        default="24h",
        description="How far back an unlinked or mention answer on a chat platform reaches",
    )

    @model_validator(mode="after")
    def _shares_sum_to_one(self) -> Cadence:
        if self.pillars:
            total = sum(p.share for p in self.pillars)
            if abs(total - 1) > 0.001:
                raise ValueError(f"pillar shares must add up to 1, they add up to {total:.3f}")
        if "message" not in self.response:
            raise ValueError("response needs a 'message' commitment (the default for all kinds)")
        return self


class Reach(Strict):
    engagement_rate_by: Literal["impressions", "reach", "followers"] = Field(
        default="impressions", description="What the engagement rate divides engagement by"
    )


class Theme(Strict):
    id: Slug
    label: str
    keywords: list[Pattern] = Field(min_length=1)
    owner: str
