"""The faster paths of the text analysis at import give the answers of the definitions they
replace: the detector model's known features and scores, the self-harm joke check, the
language of ASCII texts, the phrase roles of terms, the POSIX-class check of fastmatch;
and, over the bench's texts, every output column equals the committed code's (frozen as
SHA-256 digests in bench/text_analysis_expected.json)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from communitykit import fastmatch
from communitykit.listening import detector_model, terms
from communitykit.listening.text import HAN, KANA_HANGUL, LATIN, language

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ["", "Hi 2U", "please please add oat milk", "I\u2019d love 3 more!!", "杀疯了!",
         "希望出大包装 please", "Jalapeño Café 2026", "ｈｅｌｌｏ", "日本語のテキスト", "x" * 6000,
         "want to die lmao", "i want to die", "You idiots 😂", "a b a b a", "Ünïcödé wörds",
         "求复刻墨西哥辣椒饼干！ bring back the jalapeño biscuits 🙏"]


def _tiny() -> detector_model.Model:
    targets = "\t".join(detector_model.TARGETS)
    zeros = ["0"] * (len(detector_model.TARGETS) - 2)
    return detector_model.parse("\n".join([
        f"@targets\t{targets}", "@bias\t-1\t-2\t" + "\t".join(["-3"] * 7),
        "@threshold-en\t0.5\t0\t" + "\t".join(["0"] * 7),
        "@threshold-zh\t1.5\t0\t" + "\t".join(["0"] * 7),
        "\t".join(["please", "1.25", "0.5", *zeros]),
        "\t".join(["~ase", "0.5", "0", *zeros]),
        "\t".join(["please add", "0.125", "0", *zeros]),
        "\t".join(["希望", "2", "0", *zeros]), "\t".join(["大包装", "0.5", "0", *zeros]),
    ]).encode("utf-8"))


@pytest.mark.parametrize("shipped", [True, False])
def test_known_rows_are_the_known_features(shipped: bool) -> None:
    model = detector_model.load() if shipped else _tiny()
    for _ in range(2):  # the second time from the kept words
        for text in TEXTS:
            want = {model.index[g] for g in detector_model.features(text) if g in model.index}
            assert detector_model.known(text, model) == want, text


def test_scores_by_hand_on_the_fast_path() -> None:
    model = _tiny()
    # request: -1 + please 1.25 + ~ase 0.5 (in "please", once) + "please add" 0.125
    # -1 + 希望 2 + 大包装 0.5 + please 1.25 + ~ase 0.5; -1 alone
    got = detector_model.scores(["please please add", "希望出大包装 please", "nothing"], model)
    assert got[:, 0].tolist() == [875, 3250, -1000]
    assert got[:, 1].tolist() == [-1500, -1500, -2000]


def test_block_scores_equal_the_sum_of_the_rows() -> None:
    model = detector_model.load()
    found = [detector_model.known(t, model) for t in TEXTS * 300]  # several blocks
    got = detector_model.known_scores(found, model)
    want = np.array([model.weights[sorted(rows)].sum(axis=0) if rows else
                     np.zeros(model.weights.shape[1], dtype=np.int64) for rows in found])
    assert (got == want + model.bias).all()


def test_said_with_languages_and_the_joke_check_as_defined() -> None:
    model = detector_model.load()
    texts = [*TEXTS, "I want to kill myself lol", "going to end it all haha",
             "i want to die 😂", "我不想活了 哈哈"]
    got = detector_model.said(texts, model)
    assert got.equals(detector_model.said(texts, model, langs=[language(t) for t in texts]))
    # the definition: every joking text's self-harm margin is -1, then the kinds
    margin = detector_model.scores(texts, model) - model.thresholds[
        detector_model.languages(texts)]
    joking = np.array([bool(detector_model.JOKE.search(t)) for t in texts])
    margin[joking, detector_model.TARGETS.index("self_harm")] = -1
    want = pd.DataFrame(margin >= 0, columns=list(detector_model.TARGETS))
    want[list(detector_model.KINDS)] = detector_model.kinds(margin[:, 2:])
    assert got.equals(want)


def test_ascii_language_as_the_script_counts_say() -> None:
    def by_counts(text: str) -> str:
        if KANA_HANGUL.search(text):
            return "other"
        han, latin = len(HAN.findall(text)), len(LATIN.findall(text))
        return "zh" if han and han * 3 >= latin else "en" if latin else "other"

    for text in [*TEXTS, "123 !!", "   ", "ok", "Ａ", "é", "好 ok ok ok"]:
        assert language(text) == by_counts(text), text


def test_phrase_roles_as_whole_reads_them() -> None:
    words = ["oat", "biscuits", "free", "crushed", "seed", "glass", "tennis", "hummus",
             "new", "bread", "boxes", "used", "fed", "speed"]
    for a in words:
        for b in words:
            for c in words:
                ends, plural = zip(*(terms._roles(w) for w in (a, b, c)), strict=True)
                assert (ends[1] and not plural[0]) == terms._whole((a, b))
                assert (ends[2] and not any(plural[:2])) == terms._whole((a, b, c))
    assert terms.terms_en("fresh oat biscuits nut free") == [
        "oat", "biscuits", "nut", "fresh oat", "oat biscuits", "fresh oat biscuits"]


@pytest.mark.filterwarnings("ignore:Possible nested set:FutureWarning")
@pytest.mark.parametrize(("pattern", "unsafe"), [
    ("[:：]", False), ("(?:QQ)(?:是|:|：)", False), ("[:alpha:]", False), ("[[:alpha:]]", True),
    ("[a[:digit:]]", True), ("[^[:space:]]", True), (r"[\[:]", True), ("[[.a.]]", True),
    ("a{,3}", True), (r"(\w)\1", True)])
def test_posix_classes_only_inside_a_class(pattern: str, unsafe: bool) -> None:
    assert fastmatch.unsafe(pattern) is unsafe
    texts = pd.Series(["a", ":", "x", "[", "]", "p]", ":]", "：", "[a", "b", "QQ:", "1", " "],
                      dtype=object)
    compiled = re.compile(pattern)
    want = [compiled.search(t) is not None for t in texts]
    assert fastmatch.Texts(texts).search(compiled).tolist() == want


@pytest.mark.slow
def test_every_output_column_equals_the_committed_codes() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    import text_analysis

    expected = json.loads((ROOT / "bench" / "text_analysis_expected.json").read_text())
    texts = list(dict.fromkeys(text_analysis.synthetic_texts(20_000)
                               + text_analysis.labelled_texts()))
    assert len(texts) == expected["texts"]
    frames = text_analysis.outputs(texts, ["demo", "consumer", "chinese"])
    got = text_analysis.digests(frames)
    assert got == expected["digests"]
