"""The definitions and decisions printed in every report's appendix.

METRICS.md is the source; the ``DECISIONS`` are where it left a choice open.
docs/metrics.md repeats them for readers of the docs.
"""

from __future__ import annotations

DEFINITIONS: tuple[tuple[str, str], ...] = (
    ("Period", "Half-open interval [start, end) of local dates in the client's timezone; the "
     "previous period has the same length and ends where this one starts."),
    ("Roles", "Brand accounts and the roster in the playbook decide each author's role; "
     "everyone else is a member. The team is the playbook's team_roles; advocates are "
     "ambassadors, influencers and employees not in the team."),
    ("Inbound message", "A member message that is a top-level comment on the client's post or "
     "in the client's chat space, a reply to a team message, a DM or a mention. Messages "
     "matching a rule marked excluded_from_inbound (spam) are left out and counted."),
    ("Question", "An inbound message containing ? or ？; opening with an English "
     "interrogative (how, what, when, where, why, who, which), with an auxiliary followed by "
     "a subject (Can I, Is the, Do you; not Can't wait) or with wondering / anyone know, "
     "exclamations such as What a lovely idea! aside; or using a Chinese question form (吗, "
     "呢 or 么 at the end, 怎么, 怎样, 如何, 什么, 啥, 咋, 哪, 为什么, 为啥, 多少, 能不能, "
     "可不可以, 是否, 有没有, A不A, 请问) outside idioms that only look like one (没什么, "
     "不知道为什么, 什么都, 哪里都, 多少有点)."),
    ("Answered", "A team member replied to the message, or on chat platforms (flat threads) "
     "a team member wrote in the same channel after it and before the member's next message "
     "there. Advocate and peer answers are counted apart."),
    ("First response time", "Time of the first team answer minus time of the message; median "
     "and 90th percentile, on the business-hours clock (opening hours, weekdays and holidays "
     "of the playbook) and on the calendar clock."),
    ("Response rate", "Answered inbound messages ÷ inbound messages, leaving out messages not "
     "yet due and not yet answered at the end of the period (shown as pending)."),
    ("SLA compliance", "Due inbound messages answered within the playbook's commitment for "
     "their kind (question or message) ÷ due inbound messages."),
    ("Cadence adherence", "Per channel and ISO week, min(actual posts ÷ planned posts, 1), "
     "averaged over channel-weeks."),
    ("Longest silence", "Longest stretch of the period without a team post or team message."),
    ("Active, new, returning", "Distinct members writing in the period; new = never seen "
     "before it; returning = also active in the previous period. Retention = returning ÷ "
     "active in the previous period."),
    ("Conversation", "A thread where two or more members wrote and a member replied to "
     "another member."),
    ("Peer support rate", "Questions with a peer or advocate answer ÷ questions."),
    ("Engagement rate", "Reactions + comments + shares + saves (clicks excluded) summed over "
     "posts published in the period ÷ their impressions summed (a ratio of sums)."),
    ("Follower growth", "(Followers at period end − at period start) ÷ followers at start; "
     "net = gained − lost where only daily gains and losses exist."),
    ("Flag and escalation", "A member message matching a rule category's patterns is a flag; "
     "flags at or above the playbook's escalate_from severity are escalations, owned by the "
     "escalation matrix row of their severity and handled in time when a team answer follows "
     "within its handle_within (calendar clock)."),
    ("Voices", "Per roster person: messages, top-level posts, conversations started (top-level "
     "messages someone else replied to), first answers to member questions, likes earned, "
     "last day active; quiet advocates wrote nothing in the period. Advocate share of "
     "answers = inbound messages answered by an advocate ÷ those answered by anyone "
     "(team, advocates, peers; a message can count for several)."),
    ("Themes", "Playbook themes are lists of keywords or regular expressions (any language), "
     "matched on the text and on its accent-folded lowercase form; a member message can "
     "belong to several. Share = messages of the theme ÷ member messages; the change is "
     "against the previous period's share."),
    ("Emerging terms", "English words and 2-3-word phrases without stopwords, and Chinese "
     "words from jieba segmentation; ranked by growth = ((messages now + 1) ÷ (member "
     "messages now + 1)) ÷ ((messages before + 1) ÷ (member messages before + 1)), kept when "
     "used in at least 3 messages by at least 2 members and growing."),
    ("Request", "An inbound member message asking the brand for something (bring back, "
     "please add, wish you had, would love, could you make, any chance of; 求, 希望, 能不能出, "
     "建议, 请推出, 什么时候出 ...). The requested object is normalised (lowercase, accents "
     "folded, punctuation, emoji, articles and stopwords dropped, plurals folded) and grouped; "
     "an object naming a playbook theme groups under that theme, whatever its language."),
    ("Pain point", "A member message with negative sentiment or a complaint pattern (still no "
     "refund, arrived crushed, 太慢, 还没到账, ...) that breaks no rule, grouped by theme "
     "(several possible; Other when none)."),
    ("Sentiment", "Per member message: the export's sentiment label when there is one, else "
     "VADER for Latin script (compound ≥ 0.05 positive, ≤ −0.05 negative) or the kit's "
     "Chinese lexicon with negation for Chinese; complaint patterns make a message negative. "
     "Net sentiment = (positive − negative) ÷ member messages."),
    ("Owner team", "Each request, pain point and theme goes to its theme's owner in the "
     "playbook; items without a theme go to the community team."),
    ("Goal status", "met when the current value meets the target; else compared with the value "
     "expected by linear interpolation from baseline (at start) to target (at deadline): on "
     "track at or beyond it, at risk within 10% of the baseline-to-target distance, off "
     "track beyond; missed after the deadline."),
)

DECISIONS: tuple[tuple[str, str], ...] = (
    ("As of the period end", "Every figure is computed as the data stood at the end of the "
     "period: an answer after the period end does not count, so a period's figures are the "
     "same in its own report and as the previous period of the next one."),
    ("Partial weeks", "For cadence, a week only partly inside the period is planned pro rata: "
     "planned posts × days inside ÷ 7."),
    ("Chat posts", "On chat platforms (Discord, Slack, Telegram, Discourse) top-level messages "
     "of a brand account are posts (announcements), not answers; top-level member messages "
     "there are inbound."),
    ("Flat-thread answers", "The flat-thread rule applies to team and advocate answers; peer "
     "answers need a reply link."),
    ("Percentiles", "Linear interpolation between ranks (numpy's default, Excel's "
     "PERCENTILE.INC)."),
    ("Spam", "Members whose messages match an excluded rule are left out of inbound and of "
     "active members for those messages."),
    ("Listening scope", "Themes, terms, sentiment and pain points count member messages "
     "(spam excluded); the requests register counts inbound member messages only. First and "
     "last seen of a request are within the period."),
    ("Language by script", "A message with Han characters (at least a third of its letters) is "
     "Chinese; other Latin-script text is scored as English; other scripts get emoji-only "
     "sentiment."),
    ("Mild positive questions", "A question whose only sentiment is mildly positive (Which is "
     "the tastiest?) counts as neutral: asking is not praising."),
    ("Followers", "Followers at period start is the last daily total before the first day; "
     "at period end the last daily total inside the period."),
)
