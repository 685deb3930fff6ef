"""The public guidelines promise only what the settings say, in their words.

For every template and the demo, rendered in its language and in the other one: each
response and escalation time equals the wording computed from its setting, no other time
is promised, and no consequence threatens what the client's platforms do not allow.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from communitykit import playbook as playbook_mod
from communitykit.errors import PlaybookError
from communitykit.plan.guidelines_doc import GuidelinesDocument, problems
from communitykit.platform_actions import ACTIONS, consequence
from communitykit.playbook import Playbook
from communitykit.promises import opening_words, overpromises, within
from communitykit.reuse import identity
from conftest import ROOT

TEMPLATES = sorted((ROOT / "playbooks" / "templates").glob("*.yaml"))
DEMO = ROOT / "playbooks" / "demo" / "playbook.yaml"
PLAYBOOKS = [*TEMPLATES, DEMO]
CASES = [(path, lang) for path in PLAYBOOKS for lang in ("en", "zh")]
IDS = [f"{p.parent.name if p == DEMO else p.stem}-{lang}" for p, lang in CASES]

# Any expression of time, in either language: what is left after the computed promises
# are taken out must hold none.
TIME = re.compile(r"(?i)\bwithin\b|\bhours?\b|\bdays?\b|\bminutes?\b|\bweeks?\b|at any time"
                  r"|around the clock|24/7|\b\d{1,2}:\d{2}\b|小时|工作日|天内|分钟|全天候"
                  r"|[0-9一二两三四五六七八九十几]+天")
# The sentence that says which hours the business clock counts (it promises nothing).
CLOCK_EXPLAINED = {"en": "Working hours and working days count only the team's opening hours",
                   "zh": "“工作小时”和“工作日”只计算团队的工作时间"}
SERIOUS = {"en": ("{label}: a moderator acts {within}.",
                  {"low": "Minor cases", "medium": "Moderate cases", "high": "Serious cases",
                   "critical": "Very serious cases"}),
           "zh": ("{label}：管理员会在{within}处理。",
                  {"low": "轻微情况", "medium": "一般情况", "high": "严重情况",
                   "critical": "非常严重的情况"})}
ANSWER = {"en": ("We answer every message {m}.", "We answer questions {q} and other messages {m}."),
          "zh": ("我们会在{m}回复每条消息。", "我们会在{q}回复提问，在{m}回复其他消息。")}
# Words that name a moderation action, and the action.
ACTION_WORDS = {"ban": (r"\bban", "封禁", "移出"), "mute": (r"\bmute", "禁言"),
                "block": (r"\bblock", "拉黑"), "hide": (r"\bhide", "隐藏"),
                "restrict": (r"\brestrict", "限制"), "suspend": (r"\bsuspend", "暂停")}
EITHER = {"en": "block or ban the account, as the platform allows",
          "zh": "按平台规则拉黑或封禁该账号"}
TAKE_DOWN = {"en": "remove or hide the message, as the platform allows",
             "zh": "按平台规则删除或隐藏该内容"}
CARE = {"en": "We reach out privately with care and share where to find help.",
        "zh": "我们会私信关心，并告诉你可以求助的渠道。"}


def in_language(pb: Playbook, lang: str) -> Playbook:
    return pb.model_copy(update={"client": pb.client.model_copy(update={"language": lang})})


def setting_words(pb: Playbook, lang: str) -> dict[str, str]:
    """Each placeholder's wording, computed here from the settings."""
    hours, response = pb.business_hours, pb.cadence.response
    message = response["message"]
    question = response.get("question", message)
    words = {"message_within": within(message.within, message.clock, hours, lang),
             "question_within": within(question.within, question.clock, hours, lang),
             "opening_hours": opening_words(hours, lang), "name": pb.client.name}
    for row in pb.rules.escalation:
        words[f"{row.severity}_within"] = within(row.handle_within, row.clock, hours, lang)
    return words


def texts(doc: GuidelinesDocument) -> dict[str, str]:
    rendered = doc.render()
    page = html.unescape(re.sub(r"<[^>]+>", " ", rendered.full_html))
    return {"markdown": rendered.full_markdown.replace("\\", ""), "html": page,
            "pinned": rendered.pinned_text}


def platforms(pb: Playbook) -> list[str]:
    found: list[str] = [a.platform for a in pb.accounts]
    return found + [s.platform for s in pb.guidelines.shared if s.platform != "other"]


@pytest.mark.parametrize(("path", "lang"), CASES, ids=IDS)
def test_every_time_promise_is_a_setting_in_its_words(path: Path, lang: str) -> None:
    pb = in_language(playbook_mod.load(path), lang)
    words = setting_words(pb, lang)
    found = texts(GuidelinesDocument(pb))
    full = found["markdown"]
    row, labels = SERIOUS[lang]
    for e in pb.rules.escalation:
        assert row.format(label=labels[e.severity], within=words[f"{e.severity}_within"]) in full
    same, split = ANSWER[lang]
    q, m = words["question_within"], words["message_within"]
    assert (same if q == m else split).format(q=q, m=m) in full
    business = [c.clock for c in pb.cadence.response.values()] + [
        e.clock for e in pb.rules.escalation]
    assert (words["opening_hours"] in full) == ("business" in business)
    for name, given in (("feedback", pb.guidelines.feedback), ("contact", pb.guidelines.contact)):
        if "{" in given:  # the strategist's text, with the settings' words in its placeholders
            filled = re.sub(r"\{(\w+)\}", lambda x: words[x.group(1)], given)
            assert filled in full, name
    promised = [v for k, v in words.items() if k != "name"]
    allowed = sorted(promised, key=len, reverse=True) + [CLOCK_EXPLAINED[lang]]
    for kind, text in found.items():
        for wording in allowed:
            text = text.replace(wording, " ")
        assert TIME.findall(text) == [], (kind, text)


@pytest.mark.parametrize(("path", "lang"), CASES, ids=IDS)
def test_consequences_are_what_the_platforms_allow(path: Path, lang: str) -> None:
    pb = in_language(playbook_mod.load(path), lang)
    where = platforms(pb)
    full = texts(GuidelinesDocument(pb))["markdown"]
    assert not re.search(r"(?i)suspend|暂停", full)
    for category in pb.rules.categories:
        line = next(x for x in full.splitlines() if x.startswith(f"- {category.label}"))
        said = re.split(r"What happens: | — |处理方式：|——", line)[-1]
        if category.use == "self_harm":
            assert said == CARE[lang]
            continue
        expected = consequence(category.severity, where, lang)
        assert said.lower() == expected.lower()
        if EITHER[lang] in said:  # "block or ban, as the platform allows": each does one
            assert all(ACTIONS[p] & {"ban", "block"} for p in where)
            said = said.replace(EITHER[lang], "")
        if TAKE_DOWN[lang] in said:  # "remove or hide": each does one
            assert all(ACTIONS[p] & {"hide", "delete"} for p in where)
            said = said.replace(TAKE_DOWN[lang], "")
        for action, patterns in ACTION_WORDS.items():
            if any(re.search(pattern, said, re.I) for pattern in patterns):
                assert all(action in ACTIONS[p] for p in where), (action, where, said)


def test_no_ban_or_mute_threatened_on_weibo_and_douyin() -> None:
    pb = playbook_mod.load(ROOT / "playbooks" / "templates" / "chinese-brand.yaml")
    for lang in ("zh", "en"):
        full = texts(GuidelinesDocument(in_language(pb, lang)))["markdown"]
        assert not re.search(r"(?i)封禁|移出|禁言|暂停|\bban\b|\bmute\b|suspend", full)
    zh = texts(GuidelinesDocument(pb))["markdown"]
    assert "- 辱骂与威胁：" in zh and "处理方式：我们会删除该内容、私信提醒并拉黑该账号。" in zh


@pytest.mark.parametrize("path", TEMPLATES, ids=[p.stem for p in TEMPLATES])
def test_no_template_promises_more_than_its_team_can_keep(path: Path) -> None:
    assert overpromises(playbook_mod.load(path)) == []


def test_a_working_day_is_the_teams_day() -> None:
    """consumer-brand: open 09:00-18:00, so its one working day is 9 opening hours."""
    pb = playbook_mod.load(ROOT / "playbooks" / "templates" / "consumer-brand.yaml")
    assert pb.cadence.response["message"].within == "9h"
    en = texts(GuidelinesDocument(pb))["markdown"]
    assert "we answer every complaint within 1 working day." in en
    assert ("We answer questions within 4 working hours and other messages within 1 working "
            "day. Working hours and working days count only the team's opening hours: "
            "Mon–Fri 09:00–18:00, Sat 10:00–14:00 (Chicago time), except public holidays."
            ) in en
    cn = playbook_mod.load(ROOT / "playbooks" / "templates" / "chinese-brand.yaml")
    zh = texts(GuidelinesDocument(cn))["markdown"]
    assert "我们会在1个工作日内回复。" in zh
    assert "周一至周五 09:30–18:30，周六 10:00–16:00（北京时间），法定节假日除外。" in zh


def test_the_promise_follows_the_setting() -> None:
    pb = playbook_mod.load(ROOT / "playbooks" / "templates" / "consumer-brand.yaml")
    response = dict(pb.cadence.response)
    response["message"] = response["message"].model_copy(update={"within": "1d"})
    slower = pb.model_copy(update={"cadence": pb.cadence.model_copy(
        update={"response": response})})
    full = texts(GuidelinesDocument(slower))["markdown"]
    # 24 opening hours of a 9-hour day: 2.7 working days, never "a working day"
    assert ("we answer every complaint within 24 working hours (about 2.7 working days)."
            in full)


def with_feedback(path: Path, feedback: str) -> Playbook:
    pb = playbook_mod.load(path)
    return pb.model_copy(update={"guidelines": pb.guidelines.model_copy(
        update={"feedback": feedback})})


def test_an_unknown_placeholder_names_its_key_and_line() -> None:
    path = ROOT / "playbooks" / "templates" / "consumer-brand.yaml"
    text = path.read_text(encoding="utf-8")
    line = next(i for i, x in enumerate(text.splitlines(), 1) if x.startswith("  feedback:"))
    pb = with_feedback(path, "We answer {mesage_within}.")
    assert problems(pb, text) == [
        f"line {line}, guidelines/feedback: unknown placeholder {{mesage_within}}; the "
        "placeholders are {name}, {question_within}, {message_within}, {high_within}, "
        "{critical_within}, {opening_hours}"]
    with pytest.raises(PlaybookError, match=r"guidelines/feedback: unknown placeholder "
                                            r"\{mesage_within\}"):
        GuidelinesDocument(pb)
    low = with_feedback(path, "Spam goes {low_within}.")
    assert problems(low) == ["guidelines/feedback: {low_within} has no setting: add a "
                             "rules.escalation row or a cadence.response commitment for "
                             "severity low"]


@pytest.mark.parametrize(("template", "feedback", "found"), [
    ("consumer-brand", "We answer every complaint within a working day.", "within a working day"),
    ("consumer-brand", "Expect a reply in 24 hours.", "in 24 hours"),
    ("chinese-brand", "我们会在一个工作日内回复。", "一个工作日内"),
    ("chinese-brand", "三天内处理。", "三天内"),
])
def test_a_time_typed_by_hand_is_refused(template: str, feedback: str, found: str) -> None:
    pb = with_feedback(ROOT / "playbooks" / "templates" / f"{template}.yaml", feedback)
    [problem] = problems(pb)
    assert problem.startswith("guidelines/feedback: ")
    if pb.client.language == "zh":
        assert f"“{found}”是手写的时间承诺" in problem and "现在是“1个工作日内”" in problem
    else:
        assert f"'{found}' is a time promise written by hand" in problem
        assert "(now 'within 1 working day')" in problem


def test_texts_without_times_pass() -> None:
    path = ROOT / "playbooks" / "templates" / "developer-community.yaml"
    for feedback in ("Share one build a week in the showcase.", "Stay within the topic.",
                     "We answer {question_within}, {opening_hours}."):
        assert problems(with_feedback(path, feedback)) == [], feedback


def test_templates_say_what_a_new_client_fills() -> None:
    """The header's "Fill before the first report" names every field reuse.identity()
    treats as the client's own (client.name, accounts, roster, guidelines.contact)."""
    fields = set()
    for path in PLAYBOOKS:
        for key, _ in identity(playbook_mod.load(path)):
            parts = key.split("/")
            fields.add(parts[0] if parts[1].isdigit() else ".".join(parts[:2]))
    assert fields == {"client.name", "accounts", "roster", "guidelines.contact"}
    for path in TEMPLATES:
        header = path.read_text(encoding="utf-8").split("\nversion:")[0]
        block = header[header.index("Fill before the first report"):]
        named = set(re.findall(r"\b(client\.name|accounts|roster|guidelines\.contact)\b",
                               block))
        assert named == fields, path.name


def test_the_guidelines_step_refuses_a_hand_typed_promise_before_saving(
        demo_store, tmp_path: Path) -> None:
    from communitykit.errors import UserError
    from communitykit.plan.guidelines import GuidelinesPlan
    from conftest import copy_workspace

    ws = copy_workspace(demo_store, tmp_path / "ws")
    step = GuidelinesPlan.open("demo", ws.root)
    before = step.path.read_bytes()
    with pytest.raises(UserError) as caught:
        step.save({"guidelines": {"feedback": "We answer every complaint within 2 days."}},
                  save=True)
    assert "guidelines/feedback" in str(caught.value) and "{message_within}" in str(caught.value)
    assert step.path.read_bytes() == before
    step.save({"guidelines": {"feedback": "We answer every complaint {message_within}."}},
              save=True)
    assert "{message_within}" in step.path.read_text(encoding="utf-8")
