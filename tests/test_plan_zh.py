"""Planning in the playbook's language: a Chinese client gets the Chinese notebooks (the
same code as the English ones), and every step shows, charts and refuses in Chinese.

The Chinese client is made from the chinese-brand template, with the demo's accounts and
exports so that it has data and the answers in tests/fixtures/plan/ fit it. Four kernels
at most: one headless run per step."""

from __future__ import annotations

import html
import io
import re
import tokenize
from pathlib import Path
from typing import Any

import nbformat
import pytest
import yaml

from communitykit.cli import main
from communitykit.cli_plan import lab_notebooks
from communitykit.errors import UserError
from communitykit.i18n import tr, use_language
from communitykit.locales import zh_plan
from communitykit.paths import Workspace
from communitykit.plan import (
    NOTEBOOK_NAMES,
    STEP_NAMES,
    client_language,
    model_errors,
    notebook_file,
    validation,
)
from communitykit.plan.cadence import CadencePlan
from communitykit.plan.goals import GoalsPlan
from communitykit.plan.guidelines import GuidelinesPlan
from communitykit.plan.run import notebook_path
from communitykit.plan.voices import VoicesPlan
from conftest import FIXTURES, ROOT, copy_workspace

PLAN = ROOT / "notebooks" / "plan"
ANSWERS = FIXTURES / "plan"
CLIENT = "pinpai"
TEMPLATE = ROOT / "playbooks" / "templates" / "chinese-brand.yaml"
WORD = r"[A-Za-z]+(?:['’._\-][A-Za-z0-9]+)*"
RUN = re.compile(rf"{WORD}(?:[ ,:()&+\-]+{WORD})+")
# Names a Chinese explanation may write in Latin letters (single words).
NAMES = frozenset({"JupyterLab", "YAML", "Markdown", "HTML", "ID", "None", "True", "CN"})
CJK = re.compile(r"[\u4e00-\u9fff]")


# ---- the notebooks: same code, Chinese words ------------------------------------------------
def code_tokens(source: str) -> list[str]:
    """The code of a cell without its comments, spacing and line breaks."""
    skip = {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT,
            tokenize.ENDMARKER}
    return [t.string for t in tokenize.generate_tokens(io.StringIO(source + "\n").readline)
            if t.type not in skip]


def comments(source: str) -> list[str]:
    return [t.string for t in tokenize.generate_tokens(io.StringIO(source + "\n").readline)
            if t.type == tokenize.COMMENT]


def cells(path: Path) -> list[Any]:
    return list(nbformat.read(path, as_version=4).cells)


def test_the_comparison_sees_code_and_not_comments() -> None:
    assert code_tokens('save = False  # True writes') == code_tokens('save = False   # True：写入')
    assert code_tokens("save = False") != code_tokens("save = True")
    assert code_tokens("step.history(answers, my_answers)") != code_tokens(
        "step.history(my_answers, answers)")


@pytest.mark.parametrize("step", NOTEBOOK_NAMES)
def test_chinese_notebook_has_the_english_code(step: str) -> None:
    english, chinese = cells(PLAN / f"{step}.ipynb"), cells(PLAN / "zh" / f"{step}.ipynb")
    assert [(c.cell_type, c.metadata) for c in chinese] == [
        (c.cell_type, c.metadata) for c in english]
    for en, zh in zip(english, chinese, strict=True):
        if en.cell_type == "code":
            assert code_tokens(zh.source) == code_tokens(en.source), en.source
            assert zh.outputs == [] and zh.execution_count is None  # committed without outputs
        else:
            assert zh.source != en.source


def latin_runs(text: str) -> list[str]:
    """Runs of two or more Latin words that are not code, a key or an allowed name."""
    text = re.sub(r"`[^`]*`|\"[^\"]*\"", "¦", text)  # inline code and quoted values
    return [m.group(0) for m in RUN.finditer(text)
            if len([w for w in re.findall(WORD, m.group(0)) if w not in NAMES]) >= 2]


def test_the_english_check_finds_english() -> None:
    assert latin_runs("把 `save = True` 写入 YAML 文件") == []
    assert latin_runs("运行 Run all the cells 之后") == ["Run all the cells"]


@pytest.mark.parametrize("step", NOTEBOOK_NAMES)
def test_chinese_notebook_explains_in_chinese(step: str) -> None:
    for cell in cells(PLAN / "zh" / f"{step}.ipynb"):
        if cell.cell_type == "markdown":
            assert CJK.search(cell.source), cell.source
            assert latin_runs(cell.source) == [], cell.source
            continue
        prose = comments(cell.source.split("my_answers = None")[0])  # not the example's code
        for comment in prose:
            assert CJK.search(comment) and latin_runs(comment) == [], comment


# ---- which notebook runs -----------------------------------------------------------------
@pytest.fixture
def bare_ws(tmp_path: Path) -> Workspace:
    """A workspace with the notebooks and a Chinese client made from the template (no data)."""
    import shutil

    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    (tmp_path / "playbooks" / CLIENT).mkdir(parents=True)
    (tmp_path / "playbooks" / CLIENT / "playbook.yaml").write_bytes(TEMPLATE.read_bytes())
    return Workspace(tmp_path)


def test_the_playbooks_language_picks_the_notebook(bare_ws: Workspace) -> None:
    assert client_language(bare_ws, CLIENT) == "zh"
    assert notebook_path(bare_ws, "goals", "zh") == bare_ws.notebooks / "plan/zh/goals.ipynb"
    assert notebook_file(bare_ws, "goals") == bare_ws.notebooks / "plan/goals.ipynb"
    broken = bare_ws.playbook_file("broken")
    broken.parent.mkdir()
    broken.write_text("client: [unclosed\n", encoding="utf-8")
    assert client_language(bare_ws, "broken") == "en"  # the English notebook says what is wrong
    (bare_ws.notebooks / "plan" / "zh" / "voices.ipynb").unlink()
    with pytest.raises(UserError, match=r"planning notebook missing: .*plan/zh/voices.ipynb"):
        notebook_path(bare_ws, "voices", "zh")


def test_lab_copies_the_chinese_notebooks(bare_ws: Workspace) -> None:
    copies = lab_notebooks(bare_ws, CLIENT)
    assert [p.name for p in copies] == [f"{s}.ipynb" for s in NOTEBOOK_NAMES]
    first = cells(copies[0])[0]
    assert first.source.startswith("# 社区规则与公约")
    params = [c for c in cells(copies[1]) if "parameters" in c.metadata.get("tags", [])]
    assert params[0].source.startswith(f'client = "{CLIENT}"')
    assert not [c for c in cells(copies[1])
                if "injected-parameters" in c.metadata.get("tags", [])]


# ---- refused answers in Chinese, with the key path (no kernel) ---------------------------
REFUSED: list[tuple[type, dict[str, Any], str]] = [
    (VoicesPlan, {"roster": [{"name": "阿青", "role": "member"}]},
     "roster/0/role：'member' 不在可选范围内，只能是：'brand'、'community_manager'、'employee'、"
     "'ambassador'、'influencer'、'bot'"),
    (VoicesPlan, {"roster": [{"role": "ambassador"}]}, "roster/0/name：缺少这个必填项"),
    (CadencePlan, {"cadence": {"posts_per_week": {"weibo": "很多"}}},
     "cadence/posts_per_week/weibo：应为数字，例如 2.5，填写的是 '很多'"),
    (CadencePlan, {"business_hours": {"days": {"mon": ["9点", "18:00"]}}},
     "business_hours/days/mon/0：'9点' 不是有效的时间：请用 24 小时制，例如 09:00 或 17:30"),
    (CadencePlan, {"cadence": {"pillars": [{"id": "Tip Ideas", "share": 1}]}},
     "cadence/pillars/0/id：'Tip Ideas' 不是有效的 id：只能用小写字母、数字、'-' 和 '_'，"
     "并以字母或数字开头，例如 answer-faster"),
    (CadencePlan, {"cadence": {"posts_per_week": {"weibo": 5, "douyin": 3, "instagram": 2}}},
     "cadence/posts_per_week 计划在 instagram 发帖，但运营手册里没有 instagram 账号；请先在 "
     "accounts 中添加［键路径：'cadence/posts_per_week/instagram'］"),
    (GuidelinesPlan, {"guidelines": {"colour": "red"}},
     "guidelines/colour：无法识别的键 'colour'；请对照 playbooks/templates/TEMPLATE.yaml 检查拼写"),
    (GuidelinesPlan, {"guidelines": {"pinned_limt": 300}},
     "guidelines/pinned_limt：无法识别的键 'pinned_limt'；你是不是想写 'pinned_limit'？"),
    (GuidelinesPlan, {"guidelines": {"pinned_limit": 20}},
     "guidelines/pinned_limit：应不小于 140，填写的是 20"),
    (GuidelinesPlan, {"guidelines": {"shared": [{"platform": "weibo", "where": "置顶",
                                                 "pinned": "也许"}]}},
     "guidelines/shared/0/pinned：应为布尔值 true 或 false，填写的是 '也许'"),
    (GoalsPlan, {"goals": [{"id": "g", "metric": "response_rate", "target": 0.9,
                            "start": "2026-12-01", "deadline": "明年"}]},
     "goals/0/deadline：应为日期，格式为 YYYY-MM-DD，例如 2026-03-31，填写的是 '明年'"),
    (GoalsPlan, {"goals": [{"id": "g", "metric": "response_rate", "direction": "down",
                            "target": 0.9, "start": "2026-12-01", "deadline": "2027-03-31",
                            "baseline": {"value": 0.5}}]},
     "目标 'g'：方向 at_most 与指标 response_rate 不符，该指标越高越好，请改用 at_least"
     "［键路径：'goals/g'］"),
    (VoicesPlan, {"roster": [{"name": "甲", "role": "ambassador", "handles": {"weibo": "同一个"}},
                             {"name": "乙", "role": "influencer", "handles": {"weibo": "同一个"}}]},
     "roster：weibo 账号 '同一个' 同时属于 '甲' 和 '乙'［键路径：'roster/1/handles/weibo'］"),
]


@pytest.mark.parametrize(("step", "answers", "message"), REFUSED,
                         ids=[f"{s.STEP}-{i}" for i, (s, _, _) in enumerate(REFUSED)])
def test_refusals_are_in_chinese_and_name_the_key(bare_ws: Workspace, step: type,
                                                  answers: dict[str, Any], message: str) -> None:
    plan = step.open(CLIENT, bare_ws.root)
    before = plan.path.read_bytes()
    with pytest.raises(UserError) as caught:
        plan.save(answers, save=True)
    assert message in str(caught.value)
    assert not re.search(r"should|expected|got|must|key path", str(caught.value))
    assert plan.path.read_bytes() == before


def test_english_playbooks_keep_the_models_wording(bare_ws: Workspace) -> None:
    """In English a step refuses with the words of ``communitykit validate``."""
    from communitykit import playbook as playbook_mod

    path = bare_ws.playbook_file(CLIENT)
    path.write_text(path.read_text("utf-8").replace("language: zh", "language: en"), "utf-8")
    roster = [{"name": "A", "role": "member"}]
    with pytest.raises(UserError) as caught:
        VoicesPlan.open(CLIENT, bare_ws.root).save({"roster": roster})
    data = {**yaml.safe_load(path.read_text("utf-8")), "roster": roster}
    with pytest.raises(UserError) as validated:
        playbook_mod.validate(data, path)
    said, checked = str(caught.value), str(validated.value)
    assert said.startswith("your answers in the notebook: ")  # the answers are named
    assert said.split(": ", 1)[1] == checked.split(": ", 1)[1]  # in validate's words
    assert "roster/0/role" in said and not CJK.search(said)


def test_the_error_types_read_in_chinese() -> None:
    """The mapping on pydantic's error types, on a model of its own (the playbook's fields
    may word their errors themselves)."""
    import datetime as dt
    from typing import Annotated, Literal

    from pydantic import BaseModel, ConfigDict, Field, ValidationError

    class Sample(BaseModel):
        model_config = ConfigDict(extra="forbid")
        colour: Annotated[str, Field(pattern=r"^#[0-9a-f]{6}$")]
        clock: Literal["business", "calendar"]
        share: float = Field(ge=0, le=1)
        day: dt.date

    with pytest.raises(ValidationError) as caught:
        Sample.model_validate({"colour": "red", "clock": "office", "share": 2, "typo": 1})
    with use_language("zh"):
        text = validation.explain(Path("p.yaml"), caught.value)
    assert text == "\n  - ".join([
        "p.yaml：共 5 个问题：",
        "colour：'red' 的写法不对（格式见 TEMPLATE.yaml）",
        "clock：'office' 不在可选范围内，只能是：'business'、'calendar'",
        "share：应不大于 1，填写的是 2",
        "day：缺少这个必填项",
        "typo：无法识别的键 'typo'；请对照 playbooks/templates/TEMPLATE.yaml 检查拼写"])


def test_texts_passed_by_value_have_their_chinese() -> None:
    """Texts the key scanner cannot see: error wordings, step titles, the clock's names."""
    from communitykit import plain_errors
    from communitykit.clock import MAKE_UP
    from communitykit.locales import CATALOGUES

    for template in (*model_errors.MESSAGES.values(), model_errors.CLOSE_KEY,
                     *plain_errors.EXPECTED.values(), *plain_errors.BOUNDS.values()):
        assert template in zh_plan.TEXT, template
    for text in (MAKE_UP, *(cls.TITLE for cls in (GuidelinesPlan, GoalsPlan, CadencePlan,
                                                  VoicesPlan))):
        assert text in CATALOGUES["zh"], text
    with use_language("zh"):
        shown = tr(model_errors.MESSAGES["missing"])
    assert shown == "缺少这个必填项"


def test_the_steps_language_does_not_leak(bare_ws: Workspace) -> None:
    """A Chinese step speaks Chinese inside its calls only: the caller's language is kept."""
    shown = str(GoalsPlan.open(CLIENT, bare_ws.root).review())
    assert "运营手册中的目标" in shown and "还没有目标。" in shown
    assert tr("Goals in the playbook") == "Goals in the playbook"


# ---- headless runs in Chinese (one kernel per step) ---------------------------------------
def chinese_playbook(demo: Path) -> str:
    """The chinese-brand template with the demo's accounts and exports (so it has data)."""
    template = yaml.safe_load(TEMPLATE.read_text("utf-8"))
    source = yaml.safe_load(demo.read_text("utf-8"))
    template["accounts"] = source["accounts"]
    template["exports"] = source["exports"]
    return yaml.safe_dump(template, allow_unicode=True, sort_keys=False)


def answers_file(tmp: Path, step: str, change: dict[str, Any] | None = None) -> Path:
    data = yaml.safe_load((ANSWERS / f"{step}.yaml").read_text("utf-8"))
    for key, value in (change or {}).items():
        data[key] = value
    path = tmp / f"{step}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def planned_zh(demo_store: Workspace, tmp_path_factory: pytest.TempPathFactory,
               ) -> tuple[Workspace, dict[str, int], str]:
    """Every step run headless for the Chinese client; goals with one bad direction."""
    tmp = tmp_path_factory.mktemp("plan-zh")
    ws = copy_workspace(demo_store, tmp / "ws")
    folder = ws.playbooks / CLIENT
    folder.mkdir()
    (folder / "playbook.yaml").write_text(
        chinese_playbook(ws.playbook_file("demo")), encoding="utf-8")
    goals = yaml.safe_load((ANSWERS / "goals.yaml").read_text("utf-8"))["goals"]
    goals[1]["direction"] = "sideways"
    files = {
        "guidelines": answers_file(tmp, "guidelines"),
        "goals": answers_file(tmp, "goals", {"goals": goals}),
        # China's holidays instead of New York's: their names come in Chinese
        "cadence": answers_file(tmp, "cadence", {"business_hours": {
            "days": {"mon": ["09:30", "18:30"], "fri": ["09:30", "18:30"]},
            "holidays": {"country": "CN"}}}),
        "voices": answers_file(tmp, "voices"),
    }
    mp = pytest.MonkeyPatch()
    mp.setenv("COMMUNITYKIT_HOME", str(ws.root))
    codes: dict[str, int] = {}
    capture = io.StringIO()
    try:
        assert main(["import", CLIENT, str(ws.client_dir("demo") / "exports")]) == 0
        mp.setattr("sys.stderr", capture)
        for step in STEP_NAMES:
            codes[step] = main(["plan", CLIENT, step, "--answers", str(files[step])])
    finally:
        mp.undo()
    return ws, codes, capture.getvalue()


def shown_texts(executed: Path) -> list[str]:
    """What a reader of the executed notebook sees in its outputs: text nodes of the HTML
    (not the table cells holding the client's data or the YAML of the playbook), image
    alt texts, printed lines and error messages."""
    texts: list[str] = []
    for cell in cells(executed):
        for out in cell.get("outputs", []):
            page = out.get("data", {}).get("text/html", "")
            page = re.sub(r"<(td|pre)\b[^>]*>.*?</\1>", "\n", page, flags=re.S)
            texts += [html.unescape(a) for a in re.findall(r'\balt="([^"]*)"', page)]
            texts += html.unescape(re.sub(r"<[^>]+>", "\n", page)).split("\n")
            texts += out.get("text", "").split("\n") + [out.get("evalue", "")]
    return [t.strip() for t in texts if t.strip()]


def english_fragments() -> list[str]:
    """The plan catalogue's English, cut at its placeholders: pieces of two or more words."""
    pieces = []
    for key, text in zh_plan.TEXT.items():
        if key == text:
            continue
        for piece in re.split(r"\{\w*\}|\[|\]", key):
            if len(re.findall(WORD, piece)) >= 2 or piece.strip() == key.strip():
                pieces.append(piece.strip(" ,.:;()'"))
    return [p for p in pieces if re.search("[A-Za-z]{2}", p)]


def test_the_plan_catalogue_english_is_found() -> None:
    fragments = english_fragments()
    assert "Posting rhythm" in fragments and "Handles" in fragments
    assert "the store has no" in fragments  # cut at "{table}"


EXPECTED = {
    "guidelines": ("# 社区规则与公约", ["运营手册中的现有设置", "按现有规则会被标记的消息",
                                  "升级矩阵", "对外发布的社区公约", "已保存到"]),
    "goals": ("# 目标：怎样才算成功", ["2026-10 的基线（2026年10月1日 – 2026年10月31日）",
                               "指标", "怎样算更好"]),
    "cadence": ("# 发布节奏与在线值守", ["发帖节奏", "内容结构", "成员什么时候发消息",
                                 "入站消息：按星期与小时分布", "目前的回复速度",
                                 "未来 120 天的节假日", "已保存到"]),
    "voices": ("# 代言人：社区经理、员工、品牌大使与达人", [
        "最乐于助人的成员（不在名单上）", "名单成员的发言情况", "已保存到"]),
}


@pytest.mark.parametrize("step", STEP_NAMES)
def test_each_step_runs_in_chinese(planned_zh: tuple[Workspace, dict[str, int], str],
                                   step: str) -> None:
    ws, codes, _ = planned_zh
    executed = ws.plan_runs_dir(CLIENT) / f"{step}.ipynb"
    title, headings = EXPECTED[step]
    ours = [c for c in cells(executed)  # papermill marks a failed run with a cell of its own
            if "papermill-error-cell-tag" not in c.metadata.get("tags", [])]
    assert ours[0].source.startswith(title)  # the Chinese notebook ran
    texts = shown_texts(executed)
    joined = "\n".join(texts)
    for heading in headings:
        assert heading in joined, heading
    leftovers = [f for f in english_fragments()
                 if re.search(rf"(?<![\w/.-]){re.escape(f)}(?![\w/.-])", joined, re.ASCII)]
    assert leftovers == []
    assert codes[step] == (1 if step == "goals" else 0)


def test_a_bad_answer_stops_the_run_in_chinese(
    planned_zh: tuple[Workspace, dict[str, int], str],
) -> None:
    ws, _, err = planned_zh
    assert "goals/1/direction：'sideways' 不在可选范围内，只能是：'at_least'、'at_most'" in err
    assert "Traceback" not in err
    saved = yaml.safe_load(ws.playbook_file(CLIENT).read_text("utf-8"))
    assert saved["goals"] == []  # refused: the template's empty list stays
    assert [r["step"] for r in saved["revisions"]] == ["guidelines", "cadence", "voices"]


def test_chinese_tables_hold_chinese_days_and_holidays(
    planned_zh: tuple[Workspace, dict[str, int], str],
) -> None:
    ws, _, _ = planned_zh
    cadence = "".join(out.get("data", {}).get("text/html", "")
                      for cell in cells(ws.plan_runs_dir(CLIENT) / "cadence.ipynb")
                      for out in cell.get("outputs", []))
    assert re.search(r"<td[^>]*>(周[一二三四五六日])</td><td[^>]*>(元旦|春节|清明节|劳动节)",
                     cadence), "no Chinese holiday in the coming months"
    assert ">within " not in cadence and "2 小时 00 分内（工作时间）</td>" in cadence
    pb = yaml.safe_load(ws.playbook_file(CLIENT).read_text("utf-8"))
    assert pb["business_hours"]["holidays"] == {"country": "CN"}


def test_chinese_guidelines_hold_no_english(bare_ws: Workspace) -> None:
    """The template's guidelines, and the default wording where a field is empty."""
    from communitykit import playbook as playbook_mod
    from communitykit.plan.guidelines_doc import GuidelinesDocument

    pb = playbook_mod.load(bare_ws.playbook_file(CLIENT))
    empty = pb.model_copy(update={"guidelines": pb.guidelines.model_copy(update={
        "purpose": "", "behaviour": [], "contribute": [], "feedback": "", "contact": ""})})
    for playbook in (pb, empty):
        doc = GuidelinesDocument(playbook).render()
        for text in (doc.full_markdown, doc.pinned_text):
            assert CJK.search(text)
            assert latin_runs(re.sub(r"\(\?i\)\S*|[\w.-]+\.(md|html)", "", text)) == [], text
    assert "# 示例品牌社区公约" in GuidelinesDocument(pb).render().full_markdown
