"""What a brand can actually do about a member's message on each platform.

Public guidelines must not threaten what the brand cannot do: a brand account on
Instagram or Weibo cannot suspend anyone's account, only hide or delete a comment, block
the person and report them to the platform. In a server or group the brand runs
(Discord, Slack, Telegram, a forum), moderators can also mute and ban. ``consequence``
says what happens for a severity with the actions every one of the client's platforms
allows.
"""

from __future__ import annotations

from collections.abc import Iterable

# The moderation actions a brand account has on each platform (its own posts, or the
# server or group it runs).
ACTIONS: dict[str, frozenset[str]] = {
    "instagram": frozenset({"hide", "delete", "restrict", "block", "report"}),
    "facebook": frozenset({"hide", "delete", "ban", "report"}),  # ban from the page
    "messenger": frozenset({"block", "report"}),
    "x": frozenset({"hide", "mute", "block", "report"}),  # hide replies to our posts
    "linkedin": frozenset({"delete", "report"}),
    "youtube": frozenset({"hide", "delete", "block", "report"}),  # hide user from channel
    "tiktok": frozenset({"delete", "restrict", "block", "report"}),
    "reddit": frozenset({"delete", "mute", "ban", "report"}),  # in a subreddit we moderate
    "discord": frozenset({"delete", "mute", "ban", "report"}),  # timeout, ban from server
    "slack": frozenset({"delete", "ban", "report"}),  # deactivate in our workspace
    "telegram": frozenset({"delete", "mute", "ban", "report"}),  # restrict, ban from group
    "discourse": frozenset({"hide", "delete", "mute", "ban", "report"}),  # silence, suspend
    "douyin": frozenset({"delete", "block", "report"}),
    "weibo": frozenset({"delete", "block", "report"}),
    "bilibili": frozenset({"delete", "block", "report"}),
    "xiaohongshu": frozenset({"delete", "block", "report"}),
    "other": frozenset({"delete", "report"}),
}

# What each severity calls for, most lenient first; the first action the platforms allow
# from each group is used.
STEPS: dict[str, tuple[tuple[str, ...], ...]] = {
    "low": (("hide", "delete", "take_down"), ("mute", "restrict")),
    "medium": (("hide", "delete", "take_down"), ("warn",)),
    "high": (("delete", "hide", "take_down"), ("warn",), ("mute", "restrict", "block")),
    "critical": (("delete", "hide", "take_down"), ("ban", "block", "exclude"), ("keep",),
                 ("report",)),
}

PHRASES = {
    "en": {
        "hide": "hide the message", "delete": "remove the message",
        "restrict": "restrict the account", "mute": "mute the account for a while",
        "warn": "send a private warning", "block": "block the account",
        "ban": "ban the account from our {space}", "keep": "keep the evidence",
        "exclude": "block or ban the account, as the platform allows",
        "take_down": "remove or hide the message, as the platform allows",
        "report": "report it to the platform",
        "join": ", ", "last": " and ", "space": "community", "prefix": "We ", "end": ".",
    },
    "zh": {
        "hide": "隐藏该内容", "delete": "删除该内容", "restrict": "限制该账号互动",
        "mute": "对该账号暂时禁言", "warn": "私信提醒", "block": "拉黑该账号",
        "ban": "将该账号移出{space}", "keep": "保留证据", "report": "向平台举报",
        "exclude": "按平台规则拉黑或封禁该账号",
        "take_down": "按平台规则删除或隐藏该内容",
        "join": "、", "last": "并", "space": "社群", "prefix": "我们会", "end": "。",
    },
}


def allowed(platforms: Iterable[str]) -> frozenset[str]:
    """Actions every one of ``platforms`` allows (warning a member is always possible)."""
    sets = [ACTIONS.get(p, ACTIONS["other"]) for p in platforms] or [ACTIONS["other"]]
    common = frozenset.intersection(*sets) | {"warn", "keep"}
    if all(s & {"ban", "block"} for s in sets):  # each keeps the person out its own way
        common |= {"exclude"}
    if all(s & {"hide", "delete"} for s in sets):  # each takes the message down its own way
        common |= {"take_down"}
    return common


def actions_for(severity: str, platforms: Iterable[str]) -> list[str]:
    """The actions for ``severity`` that the platforms allow, in order."""
    can = allowed(platforms)
    chosen = []
    for group in STEPS[severity]:
        found = next((a for a in group if a in can), None)
        if found and found not in chosen:
            chosen.append(found)
    return chosen


def consequence(severity: str, platforms: Iterable[str], language: str) -> str:
    """"We remove the message, block the account and report it to the platform." in the
    guidelines' language, with only what the platforms allow."""
    words = PHRASES.get(language, PHRASES["en"])
    phrases = [words[a].format(space=words["space"]) for a in actions_for(severity, platforms)]
    if len(phrases) > 1:
        text = words["join"].join(phrases[:-1]) + words["last"] + phrases[-1]
    else:
        text = phrases[0] if phrases else words["delete"]
    return words["prefix"] + text + words["end"]
