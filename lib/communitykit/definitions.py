"""The definitions and decisions printed in every report's appendix and in docs/metrics.md.

This module is the project's own statement of what each figure means. ``SECTIONS`` groups
the definitions as docs/metrics.md shows them; ``DEFINITIONS`` is the same list, flat, as
the appendix and metrics.json print it. ``DECISIONS`` are the choices the kit made where a
definition could be read more than one way. Each figure names the title of its definition
in the catalogue (catalogue.py).
scripts/metrics_doc.py writes docs/metrics.md from here; the Chinese text is in
locales/zh_definitions.py.
"""

from __future__ import annotations

Entry = tuple[str, str]

PERIOD: tuple[Entry, ...] = (
    ("Period", "Half-open interval [start, end) of local dates in the client's timezone: a "
     "month (2026-10), an ISO week (2026-W43), a quarter (2026-Q3) or explicit dates. The "
     "previous period has the same length and ends where this one starts; changes compare "
     "the two."),
    ("Timestamps", "Stored in UTC. A time without an offset in an export is read in the "
     "timezone the playbook declares for that file (exports.sources), else the client's; a "
     "local time that happens twice or not at all at a DST change is read as the earlier "
     "instant and counted in the file's import notes."),
)

PEOPLE: tuple[Entry, ...] = (
    ("Roles", "Brand accounts and the roster in the playbook give each author a role (brand, "
     "community manager, employee, ambassador, influencer, bot); everyone else is a member. "
     "The team is the playbook's team_roles (brand and community managers unless employees "
     "are added); advocates are ambassadors, influencers and employees outside the team. "
     "Community figures count members only."),
    ("Team post", "A post whose author has a team role. A post in a post export whose author "
     "matches no account or roster entry is the brand's. Top-level lines of a brand account on "
     "chat platforms are posts too (announcements). Posts by advocates are advocate posts: "
     "they are not team posts, and member comments on them are not inbound."),
)

RESPONSIVENESS: tuple[Entry, ...] = (
    ("Inbound message", "A member message, spam left out, that is a top-level comment on a "
     "team post; a reply to a team message; a direct message or a mention (as the export "
     "marks it); a message whose text names one of the playbook's brand accounts of its "
     "platform (@handle in any case, followed by a non-word character or the end); or a "
     "top-level message on a chat platform (the chat space is the brand's) or outside any "
     "post. Messages matching a rule category marked excluded_from_inbound (spam) are left "
     "out and counted as excluded as spam."),
    ("Question", "An inbound message containing ? or ？; opening with an English "
     "interrogative (how, what, when, where, why, who, which), with an auxiliary followed by "
     "a subject (Can I, Is the, Do you; not Can't wait) or with wondering / anyone know, "
     "exclamations such as What a lovely idea! aside; or using a Chinese question form (吗, "
     "呢 or 么 at the end, 怎么, 怎样, 如何, 什么, 啥, 咋, 哪, 为什么, 为啥, 多少, 能不能, "
     "可不可以, 是否, 有没有, A不A, 请问) outside idioms that only look like one (没什么, "
     "不知道为什么, 什么都, 哪里都, 多少有点)."),
    ("Answer on reply platforms", "On platforms with reply threads a reply answers its parent "
     "message. It is a team answer, an advocate answer or a peer answer by its author's group "
     "(peer: a member other than the parent's author)."),
    ("Mention", "A message mentions a person when the export lists them among its mentions, "
     "or when its text contains @name and name equals, in any case, the author id, author "
     "name or roster handle of an author of the same platform."),
    ("Answer on chat platforms", "On chat platforms (Discord, Slack, Telegram, Discourse, "
     "Messenger) the lines of each channel are read in time order. A line with a reply "
     "reference answers the message it refers to, whoever writes it. Else a line that "
     "mentions people answers, for each person mentioned other than its writer, their "
     "inbound messages in the channel within the window before it that the writer's group "
     "has not answered yet. Else (an unlinked line) a line by the team or an advocate "
     "answers at most one message: the nearest earlier inbound message in the channel, by "
     "someone else, within the window, not yet answered by its group. A member's unlinked "
     "line answers nothing, and a brand account's top-level line is an announcement, not an "
     "answer."),
    ("Flat-thread window", "How far back a line on a chat platform can answer: a line written "
     "at time t answers messages created in [t − window, t). Playbook setting "
     "cadence.flat_thread_window; 24 hours of calendar time by default."),
    ("First answer", "For each inbound message and each group (team, advocates, peers), the "
     "earliest line of that group that answers it, before the period end. Its writer is the "
     "responder credited with it."),
    ("Answered", "An inbound message the team gave a first answer before the period end. "
     "Answered by advocates: with an advocate's first answer; answered only by an advocate: "
     "with one and no team answer; answered by members (peers): with a peer's first answer."),
    ("Replies before their parent", "A reply stored with a time earlier than its parent's "
     "(a local time damaged at a DST change) answers nothing; such replies are counted in "
     "the data-quality account."),
    ("Business-hours clock", "Counts only opening time: the playbook's opening and closing "
     "time per weekday in the client's timezone, closed days left out. A message that "
     "arrives while closed starts its clock at the next opening; an answer given before that "
     "opening takes 0 business hours. The clock covers any instant asked of it, beyond the "
     "data too. A commitment of 8h on this clock is one working day of 09:00-17:00."),
    ("Calendar clock", "Elapsed time, day and night."),
    ("Closed days", "With business_hours.holidays.country set, that country's national public "
     "holidays are closed. The team's region (subdivision) closes its own holidays too only "
     "with subdivision_holidays: true; other holiday categories (optional, government, bank, "
     "...) only when listed in categories (default: public). Without a country there are no "
     "public holidays: they are never guessed from the timezone. Days listed in extra are "
     "closed. A make-up working day (a weekend day the country declares a working day, such "
     "as Saturday 2026-10-10 in China) is open, with the hours of the first weekday from "
     "Monday to Friday that has hours."),
    ("Response commitment", "The time the playbook commits to answer in (cadence.response): "
     "one for questions, one for other messages, and optionally one per severity (low, "
     "medium, high, critical); on the business-hours clock unless clock: calendar. A message "
     "that matches rule categories (spam aside) takes the commitment of its highest matched "
     "severity that has one; else a question takes the question commitment and any other "
     "message the message commitment."),
    ("Due and pending", "A message is due when the time from its arrival to the period end, "
     "on its commitment's clock, reaches the commitment. A message neither due nor answered "
     "at the period end is pending."),
    ("Response rate", "Inbound messages answered by the team ÷ inbound messages, leaving out "
     "pending messages and the messages of channels without team activity."),
    ("First response time", "Time of the team's first answer minus time of the message, for "
     "messages answered before the period end (channels without team activity left out); "
     "median and 90th percentile, the mean beside them labelled as such, on the "
     "business-hours clock and on the calendar clock."),
    ("SLA compliance", "Due inbound messages the team answered within their commitment ÷ due "
     "inbound messages (channels without team activity left out). Missed the commitment: "
     "due messages not answered within it."),
    ("Pending from the previous period", "What became, by the end of this period, of the "
     "messages the previous period left pending: answered within their commitment, answered "
     "late, or still unanswered. The summary says it."),
    ("Unanswered questions", "Questions received in the period with no team, advocate or "
     "peer answer before its end, oldest first; all of them are listed. Question answer "
     "rate = questions with an answer from anyone ÷ questions."),
    ("Channel without team activity", "A channel with inbound messages in the period where, "
     "anywhere in the store, the team never wrote a message and no post came from an account "
     "the playbook names (a post export naming no account counts as the client's): usually "
     "exports that do not match the playbook's accounts. Its messages cannot be measured: "
     "they are counted, left "
     "out of the response rate, first response and commitment figures, and the summary names "
     "the channel as a data-quality finding instead of showing a 0 % response rate."),
    ("Responsiveness per channel", "The figures above per platform: inbound, answered, "
     "pending, due, response rate, first response median and 90th percentile on both clocks, "
     "answered within commitment, missed commitments, and whether the team is active in the "
     "channel at all."),
    ("Responders", "Per team member and advocate: first answers (messages where theirs was "
     "their group's first answer before the period end), median and 90th percentile time to "
     "those answers on both clocks, and the share of those answers given outside business "
     "hours."),
)

PRESENCE: tuple[Entry, ...] = (
    ("Team posts", "Team posts published in the period, in every channel, announcements on "
     "chat platforms included."),
    ("Content pillar", "Each team post belongs to one of the playbook's content pillars: the "
     "label in the export when it names a pillar, else the first pillar whose patterns match "
     "its text, else other."),
    ("Content mix", "Per pillar: team posts, their share of the period's team posts, the "
     "planned share from the playbook, and the gap = actual share − planned share, in "
     "points."),
    ("Posts by pillar per channel", "Team posts of the period counted per channel and pillar; "
     "a channel's rows add up to its team posts."),
    ("Cadence adherence", "Per channel and ISO week, min(actual posts ÷ planned posts, 1), "
     "averaged over channel-weeks. Planned posts of a channel = posts_per_week × days in the "
     "period ÷ 7."),
    ("Longest silence", "Longest stretch of the period without a team post or team message, "
     "counted from the period start, between them and up to the period end; in calendar hours "
     "and in business hours."),
    ("Inbound inside business hours", "Share of inbound messages that arrived while open on "
     "the business-hours clock. The chart beside it shows inbound messages per weekday and "
     "local hour against the opening hours."),
)

HEALTH: tuple[Entry, ...] = (
    ("Active, new, returning", "Distinct members writing in the period; new = never seen "
     "before it; returning = also active in the previous period. Retention = returning ÷ "
     "active in the previous period."),
    ("Conversation", "A thread where two or more members wrote and a member replied to "
     "another member."),
    ("Peer support rate", "Questions with a peer or advocate answer ÷ questions."),
    ("Member-to-member reply share", "Member replies whose parent is another member's "
     "message ÷ all member replies (spam left out)."),
)

MEMBER_LEVELS: tuple[Entry, ...] = (
    ("Member level", "Each member (platform and author, as active members are counted) "
     "who wrote in the period or the previous one is in exactly one level, from their "
     "member messages (spam left out) in those two periods, the level's rolling window. "
     "Champion: wrote in both periods and is among the top 10 % by messages in the "
     "window. Regular: wrote in both periods, not a champion. Participant: wrote in the "
     "period and not in the previous one, and was seen before it. Newcomer: wrote in the "
     "period and was never seen before it (a new member). Drifting: wrote in the previous "
     "period and not in this one. Everyone else is inactive and in no level."),
    ("Top 10 % by messages", "Of the n members who wrote in the window, the ⌈n ÷ 10⌉ with "
     "the most messages in it, and every member tied with the last of them: a champion "
     "wrote at least as many messages as that member."),
    ("Level movement", "Each member's level at the end of the previous period (from the "
     "previous period and the one before it) against their level now, as counts from one "
     "level to another; inactive to inactive is not counted."),
    ("Drifting members to reach out to", "Drifting members who were champions or regulars "
     "at the end of the previous period: champions first, then by messages in the "
     "previous level's window (most first), then by name (case ignored), channel and "
     "author id. The report lists the first 10 with their last day active."),
)

REACH: tuple[Entry, ...] = (
    ("Followers", "Per channel, the last daily follower total inside the period (at its "
     "start: the last total before its first day). The total adds the channels that have "
     "totals."),
    ("Follower growth", "(Followers at period end − at period start) ÷ followers at start; "
     "net = gained − lost where only daily gains and losses exist."),
    ("Engagement", "Of a post: reactions + comments + shares + saves, clicks left out. The "
     "period's engagement adds up the team posts published in it (an advocate's posts count "
     "in Voices, not here)."),
    ("Engagement rate", "A ratio of sums, not a mean of ratios, over the team posts "
     "published in the period: by impressions (the default), their engagement ÷ their "
     "impressions, over the posts that have impressions; by reach, the same with reach; by "
     "followers, the engagement of the posts of channels with a follower total ÷ those "
     "channels' followers at the period end. The playbook's reach.engagement_rate_by picks "
     "the one shown; metrics.json has all three. Per channel and per pillar, by "
     "impressions."),
    ("Top posts", "The period's posts with the most engagement, earliest first on a tie."),
)

LISTENING: tuple[Entry, ...] = (
    ("Member messages", "Messages by members in the period, spam left out: the base of the "
     "themes, terms, sentiment and pain points. The requests register counts inbound member "
     "messages only."),
    ("Themes", "Playbook themes are lists of keywords or regular expressions (any language), "
     "matched on the text and on its accent-folded lowercase form; a member message can "
     "belong to several. Share = messages of the theme ÷ member messages; the change is "
     "against the previous period's share."),
    ("Trend", "new when counted this period and not in the previous one; else up, down or "
     "same against the previous period's count."),
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
     "Net sentiment = (positive − negative) ÷ member messages; positive and negative "
     "shares = positive or negative messages ÷ member messages."),
    ("Owner team", "Each request, pain point and theme goes to its theme's owner in the "
     "playbook; items without a theme go to the community team."),
)

RULES: tuple[Entry, ...] = (
    ("Flag and escalation", "A member message matching a rule category's patterns is a flag; "
     "flags at or above the playbook's escalate_from severity are escalations, owned by the "
     "escalation matrix row of their severity and handled in time when a team answer follows "
     "within its handle_within, on the row's clock: calendar by default (the time runs at "
     "night and at weekends), or business (only opening hours count). Open escalations have "
     "no team answer before the period end."),
)

VOICES: tuple[Entry, ...] = (
    ("Voices", "Per roster person: messages, top-level posts, conversations started "
     "(top-level messages someone else replied to), first answers to member questions given "
     "before the period end, likes earned, last day active; quiet advocates wrote nothing in "
     "the period."),
    ("Advocate share of answers", "Inbound messages an advocate answered ÷ inbound messages "
     "answered by anyone (team, advocates, peers), counting a message once per group that "
     "answered it."),
)

GOALS: tuple[Entry, ...] = (
    ("Goal status", "not started when the goal starts after the period's last day; met when "
     "the current value meets the target; partial data when the data of the goal's channel "
     "(or of the whole store) covers the period only in part, no data when it does not "
     "cover it or the figure cannot be computed; missed after the deadline; no baseline "
     "without one; else compared with the value expected by linear interpolation from "
     "baseline (at start) to target (at deadline): on track at or beyond it, at risk short "
     "of it by at most 10% of the baseline-to-target distance, off track beyond."),
)

DATA: tuple[Entry, ...] = (
    ("Data coverage", "Per channel, the first and last local day with any post, message or "
     "daily row of that channel in the store. A period is fully covered when the store's "
     "first day is on or before its start and its last day on or after the period's last "
     "day; partly covered when the data covers only some of it; not covered when none. The "
     "same per channel. The summary says when this period or the previous one is partly "
     "covered."),
    ("Data-quality account", "Per import file behind this period and the previous one: rows "
     "read, kept, duplicates removed and rejected (with row and reason), and notes such as "
     "times resolved at a DST change; with the messages excluded as spam and the replies "
     "stored before their parent."),
)

SECTIONS: tuple[tuple[str, tuple[Entry, ...]], ...] = (
    ("Period and time", PERIOD),
    ("Who is who", PEOPLE),
    ("Responsiveness", RESPONSIVENESS),
    ("Presence and cadence", PRESENCE),
    ("Community health", HEALTH),
    ("Member levels", MEMBER_LEVELS),
    ("Reach and growth", REACH),
    ("Listening", LISTENING),
    ("Rules and escalations", RULES),
    ("Advocates and community managers", VOICES),
    ("Goals", GOALS),
    ("Data coverage and quality", DATA),
)

DEFINITIONS: tuple[Entry, ...] = tuple(entry for _, entries in SECTIONS for entry in entries)
# metrics.json's "definitions" holds the definitions of schema communitykit.metrics/1 as
# first published; its "member_levels" part, added later, carries its own (so that a reader
# of the document sees its older keys unchanged).
METRICS_JSON_DEFINITIONS: tuple[Entry, ...] = tuple(
    entry for entry in DEFINITIONS if entry not in MEMBER_LEVELS)

DECISIONS: tuple[Entry, ...] = (
    ("As of the period end", "Every figure is computed as the data stood at the end of the "
     "period: an answer after the period end does not count, so a period's figures are the "
     "same in its own report and as the previous period of the next one."),
    ("Partial weeks", "For cadence, a week only partly inside the period is planned pro rata: "
     "planned posts × days inside ÷ 7."),
    ("Chat posts", "On chat platforms (Discord, Slack, Telegram, Discourse, Messenger) "
     "top-level messages of a brand account are posts (announcements), not answers; top-level "
     "member messages there are inbound."),
    ("Linked and unlinked lines", "On chat platforms a reply reference or a mention counts "
     "for whoever writes it (team, advocate or member); a line with neither counts only for "
     "the team or an advocate, and answers a single message, so one line is never the first "
     "answer to the unrelated messages of several members."),
    ("Replies stored too early", "A reply timed before its parent is kept in the data but "
     "answers nothing, rather than giving a negative response time."),
    ("Commitments by severity", "A flagged message takes the commitment of its highest "
     "matched severity when the playbook gives one, because a complaint that breaks a rule "
     "needs a faster answer than an ordinary question."),
    ("Holidays", "Only national public holidays close the team by default: regional and "
     "other categories of days (such as Election Day or Lincoln's Birthday in New York) are "
     "closed only when the playbook asks. Make-up working days are open."),
    ("Percentiles", "Linear interpolation between ranks (numpy's default, Excel's "
     "PERCENTILE.INC)."),
    ("Rounding", "Half away from zero everywhere: hours to 2 places and ratios to 4 in "
     "metrics.json, and the minutes and percentages shown (0.625 h is 0.63 h)."),
    ("Partly covered periods", "A change against a partly covered previous period is shown "
     "as such, and a fall to zero in a partly covered period is never claimed: missing data "
     "is not a fall."),
    ("Findings on enough data", "A rate or a duration from a few items moves by chance, so "
     "the summary reports its change only when both periods reach a floor: the engagement "
     "rate 5 team posts (and 1,000 impressions when it is by impressions), the response rate "
     "10 inbound messages answered or due, answers within commitment 10 messages due, the "
     "median first response 10 messages answered by the team, the peer support rate 10 "
     "questions. A count's change is reported from a previous count above 20, a duration's "
     "from a previous duration above 30 minutes, and only changes of at least 10 %. Below a "
     "floor the "
     "headline tile still shows the change, uncoloured and marked as resting on little data, "
     "and the summary gives the counts."),
    ("Unmeasurable channels", "A channel where the team has no activity at all is reported as "
     "a data-quality finding, not as a 0 % response rate."),
    ("Engagement rate basis", "Impressions by default, as most platforms report them; "
     "reach or followers when the playbook's reach.engagement_rate_by says so."),
    ("Spam", "Members whose messages match an excluded rule are left out of inbound and of "
     "active members for those messages."),
    ("Escalation clock", "Escalations are measured on the calendar clock: an escalation does "
     "not wait for opening hours. Exports carry no moderation log, so handled means a team "
     "answer."),
    ("Listening scope", "Themes, terms, sentiment and pain points count member messages "
     "(spam excluded); the requests register counts inbound member messages only. First and "
     "last seen of a request are within the period."),
    ("Language by script", "A message with Han characters (at least a third of its letters) is "
     "Chinese; other Latin-script text is scored as English; other scripts get emoji-only "
     "sentiment."),
    ("Mild positive questions", "A question whose only sentiment is mildly positive (Which is "
     "the tastiest?) counts as neutral: asking is not praising."),
)
