"""Simplified Chinese for the planning notebooks' steps (``communitykit.plan``): what they
show, the checks they refuse answers with, and the playbook model's errors. One module per
planning step (and the texts every step shares), merged here into one catalogue. Texts the
report already translates are not repeated here."""

from . import answers, cadence, common, goals, review, rules, voices

TEXT: dict[str, str] = {**common.TEXT, **rules.TEXT, **goals.TEXT, **cadence.TEXT,
                        **voices.TEXT, **answers.TEXT, **review.TEXT}
