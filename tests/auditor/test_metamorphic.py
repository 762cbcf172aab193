"""Metamorphic relations of the audit over the evaluation sets (benchmarks/metamorphic.py).

The engine is known to violate some relations; tests/auditor/metamorphic_known.txt lists
those violations. The test fails on a violation that is not listed (fix the engine) and on
a listed one that no longer happens (delete its line: the list only shrinks).

The relations are run once per set for the whole module (each set: one audit of the
originals, one or two audits per relation); the time is reported on the terminal.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "benchmarks") not in sys.path:
    sys.path.insert(0, str(ROOT / "benchmarks"))

import metamorphic as mm  # noqa: E402

SETS = ("eval", "eval_coffee", "eval_hotel")  # eval_hotel: skipped while it does not exist
KNOWN = mm.KNOWN_FILE


def _present(name: str) -> bool:
    return (ROOT / "benchmarks" / name / "observations.csv").exists()


@pytest.fixture(scope="module")
def results(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, mm.SetResult]:
    """Every relation over every set present, run once for the module."""
    home = tmp_path_factory.mktemp("metamorphic-home")
    started = time.perf_counter()
    found = {}
    with pytest.MonkeyPatch.context() as patch:  # never the user's own data folder
        patch.setenv("BRAND_AUDITOR_HOME", str(home))
        for name in SETS:
            if _present(name):
                found[name] = mm.run_set(ROOT / "benchmarks" / name)
    elapsed = time.perf_counter() - started
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        parts = ", ".join(f"{name} {result.seconds:.1f} s" for name, result in found.items())
        with capture.global_and_fixture_disabled():
            reporter.write_line(f"\nmetamorphic relations over {len(found)} set(s): {elapsed:.1f} s ({parts})")
    return found


def _explain(result: mm.SetResult, new: list[tuple], fixed: list[tuple]) -> str:
    by_key = {v.key: v for rel in result.relations.values() for v in rel.violations}
    lines = []
    if new:
        lines.append(f"{len(new)} metamorphic violation(s) not in {KNOWN.relative_to(ROOT)} — the engine "
                     "changed a verdict it should have kept (fix the engine; see "
                     "`python benchmarks/metamorphic.py --eval-dir benchmarks/" + result.name + "`):")
        for key in new:
            v = by_key[key]
            lines.append(f"  {' '.join(key)}: {v.before} -> {v.after}")
            if v.before_reason or v.after_reason:
                lines.append(f"      reason: {v.before_reason or '-'}  ->  {v.after_reason or '-'}")
            if v.snippet:
                lines.append(f"      text: {v.snippet}")
    if fixed:
        lines.append(f"{len(fixed)} listed violation(s) no longer happen — the engine got better: remove these "
                     f"line(s) from {KNOWN.relative_to(ROOT)}:")
        lines += [f"  {' '.join(key)}" for key in fixed]
    return "\n".join(lines)


@pytest.mark.parametrize("name", SETS)
def test_no_violations_beyond_the_known_list(results: dict[str, mm.SetResult], name: str) -> None:
    if name not in results:
        pytest.skip(f"benchmarks/{name} does not exist (yet)")
    result = results[name]
    found = [v for rel in result.relations.values() for v in rel.violations]
    new, fixed = mm.diff_known(found, mm.read_known(KNOWN), [name])
    assert not new and not fixed, _explain(result, new, fixed)


@pytest.mark.parametrize("name", SETS)
def test_every_relation_has_cases(results: dict[str, mm.SetResult], name: str) -> None:
    """A relation that silently transforms nothing would pass for ever."""
    if name not in results:
        pytest.skip(f"benchmarks/{name} does not exist (yet)")
    empty = [rel.relation for rel in results[name].relations.values() if rel.transformed == 0]
    assert not empty, f"{name}: no record transformed by {', '.join(empty)}"
    for rel in results[name].relations.values():
        assert rel.transformed + rel.skipped == results[name].observations


def test_the_known_list_is_well_formed() -> None:
    text = KNOWN.read_text(encoding="utf-8")
    assert "only SHRINK" in text  # the header says the rule
    known = mm.parse_known(text)
    for set_name, relation, *_ in known:
        assert relation in mm.RELATIONS, f"unknown relation {relation!r} in {KNOWN.name}"
        assert not set_name.endswith("_holdout"), "held-out sets are not run by the test"


# =========================================================================== numerals

@pytest.mark.parametrize(("number", "expected"), [
    (0, "零"), (1, "一"), (9, "九"), (10, "十"), (12, "十二"), (20, "二十"), (45, "四十五"), (100, "一百"),
    (105, "一百零五"), (110, "一百一十"), (999, "九百九十九"), (1000, "一千"), (1005, "一千零五"),
    (1050, "一千零五十"), (2019, "二千零一十九"), (9999, "九千九百九十九"),
])
def test_chinese_numeral(number: int, expected: str) -> None:
    assert mm.chinese_numeral(number) == expected


def test_chinese_numeral_two_before_a_measure_word() -> None:
    assert mm.chinese_numeral(2, measure=True) == "两"
    assert mm.chinese_numeral(2, measure=True, traditional=True) == "兩"
    assert mm.chinese_numeral(2) == "二"
    assert mm.chinese_numeral(12, measure=True) == "十二"
    with pytest.raises(ValueError):
        mm.chinese_numeral(10000)


@pytest.mark.parametrize(("number", "expected"), [
    (0, "zero"), (2, "two"), (13, "thirteen"), (20, "twenty"), (45, "forty-five"), (100, "one hundred"),
    (105, "one hundred and five"), (1000, "one thousand"), (1005, "one thousand and five"),
    (1234, "one thousand two hundred and thirty-four"),
])
def test_english_number(number: int, expected: str) -> None:
    assert mm.english_number(number) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The call lasted 45 minutes.", "The call lasted forty-five minutes."),
    ("Seen after 2 minutes, and 10 stamps", "Seen after two minutes, and ten stamps"),
    ("等了2个小时才回电", "等了两个小时才回电"),
    ("等了2個小時才回電", "等了兩個小時才回電"),
    ("顾问8分钟后才来", "顾问八分钟后才来"),
    ("结账时只减了15%。", "结账时只减了百分之十五。"),
    ("退款3天后才到账", "退款三天后才到账"),
])
def test_numerals_writes_durations_counts_and_percentages(text: str, expected: str) -> None:
    assert mm.numerals(text) == expected


@pytest.mark.parametrize("text", [
    "Called at 9:30, back at 7pm on 2026-11-03.",   # times of day, dates
    "Ordered at 7 pm, it took 2.5 hours.",           # a time with a space, a decimal
    "It cost $20 and S$5 extra.",                     # money
    "Call +65 6123 4567 or 800 123 456 now.",        # phone numbers
    "Room 305 was cold; order 12 items later?",      # keys after a noun that names them
    'The FAQ says "Refunds reach your card within 5 days."',  # a quoted claim
    "早上8点35分到店，11月3日再来，下午4点到账。",        # Chinese times and dates
    "原价30元只减了3元，加咗$5。",                       # Chinese money
    "「您的飲品大約5分鐘就好」",                          # quoted
    "The 20% discount, since 2026 too.",              # English percent, a year
    "7×24小时在线，24/7 support",                       # the 24/7 synonym
])
def test_numerals_leaves_times_dates_money_keys_and_quotes(text: str) -> None:
    assert mm.numerals(text) is None


def test_numerals_leaves_a_script_line_copied_without_quotation_marks() -> None:
    texts = mm.ProjectTexts([], [], ["我们会在30分钟内给您回电", "携号转网3天内完成"])
    text = "携号转往3天内完成，我们会在30分中内给您回电。12分钟后就回电了。"  # with typos, unquoted
    assert mm.numerals(text, texts) == "携号转往3天内完成，我们会在30分中内给您回电。十二分钟后就回电了。"


# =========================================================================== typo

TEXTS = mm.ProjectTexts(promises=["Refunds within 3 days"], cues=["never called back", "voicemail only"],
                        lines=["Welcome to Skylark, a consultant will see you"])


def test_typo_picks_the_longest_unused_word_first_of_ties() -> None:
    text = "The assistant apologised; a consultant refunds everything tomorrow."
    start, end = mm.typo_word(text, TEXTS)
    assert text[start:end] == "apologised"  # 10 letters like "everything", which comes later
    changed = mm.typo(text, TEXTS)
    assert changed != text and len(changed) == len(text)
    diff = [i for i, (a, b) in enumerate(zip(text, changed)) if a != b]
    assert len(diff) == 2 and diff[1] == diff[0] + 1  # two adjacent letters swapped
    assert start < diff[0] and diff[1] < end - 1  # inner letters only
    assert sorted(changed[start:end]) == sorted("apologised")


def test_typo_avoids_the_projects_words_and_their_misspellings() -> None:
    # "consultant" is in a script line, "refunds" in a promise, "voicemial" is a misspelt cue
    # word, "forty" a number word, "minutes" a unit, "skylark.example" a web address.
    text = "Consultant Refunds voicemial forty minutes skylark.example"
    assert mm.typo_word(text, TEXTS) is None
    assert mm.typo(text, TEXTS) is None
    assert mm.typo("Hi there, all good.", TEXTS) is None  # no word of six letters


def test_typo_swaps_letters_that_differ() -> None:
    assert mm._swap_at("abbbbc") is None  # only equal inner letters: no visible typo
    word = "borrowed"
    i = mm._swap_at(word)
    assert 1 <= i and i + 1 <= len(word) - 2 and word[i] != word[i + 1]


# =========================================================================== sentences

def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in mm.split_sentences(text)]


def test_split_sentences_keeps_delimiters_and_quotations() -> None:
    assert _sentences("A cat sat. Is it? Dogs run. Birds fly") == ["A cat sat.", "Is it?", "Dogs run.", "Birds fly"]
    assert _sentences("It took 2.5 hours. See skylark.example now.") == ["It took 2.5 hours.", "See skylark.example now."]
    assert _sentences('He said "Hi." and left. Then "Bye." Done.') == ['He said "Hi." and left.', 'Then "Bye."', "Done."]
    assert _sentences("店员说“好吗？”，然后走了。我等了很久。") == ["店员说“好吗？”，然后走了。", "我等了很久。"]
    assert _sentences("又问“要不要试试？”。我点了美式。") == ["又问“要不要试试？”。", "我点了美式。"]


def test_swap_sentences_takes_the_first_pair_without_questions() -> None:
    assert mm.swap_sentences("A cat sat. Is it? Dogs run. Birds fly.") == "A cat sat. Is it? Birds fly. Dogs run."
    assert mm.swap_sentences("店员说“好吗？”，然后走了。我等了很久。") == "我等了很久。店员说“好吗？”，然后走了。"
    assert mm.swap_sentences("One sentence only.") is None
    assert mm.swap_sentences("Is it? Really?") is None
    assert mm.swap_sentences("Complete one. and an unfinished") is None  # the last piece has no delimiter


def test_unrelated_sentence_shares_nothing_with_the_project() -> None:
    texts = mm.ProjectTexts(promises=["The weather promise"], cues=[], lines=["今天天气很好"])
    assert mm.unrelated_sentence("All fine.", texts) == "All fine. Grey clouds drifted overhead."
    assert mm.unrelated_sentence("一切正常", texts) == "一切正常。窗外有几只鸽子。"  # 天气 is the line's
    assert mm.unrelated_sentence("一切正常。", mm.ProjectTexts([], [], [])) == "一切正常。外面天气有点阴。"
    assert mm.unrelated_sentence("職員話會跟進。", mm.ProjectTexts([], [], [])) == "職員話會跟進。外面天氣有點陰。"
    assert mm.unrelated_sentence("", texts) is None


def test_traditional() -> None:
    assert mm.traditional("客户说没有回电") == "客戶說沒有回電"
    assert mm.traditional("客戶說沒有回電") is None
    assert mm.traditional("English only") is None


# =========================================================================== negating a cue

@pytest.mark.parametrize(("text", "span", "expected"), [
    ("I only got a chatbot.", "chatbot", "I only got not a chatbot."),
    ("I was charged for oat milk.", "charged for oat milk", "I was not charged for oat milk."),
    ("只有机器人语音应答", "机器人", "只有不是机器人语音应答"),
    ("回复我的是智能客服", "智能客服", "回复我的不是智能客服"),
])
def test_negator_insertion(text: str, span: str, expected: str) -> None:
    start = text.index(span)
    changed, region = mm.negate_spans(text, [(start, start + len(span))])
    assert changed == expected
    new_start, new_end = region(start, start + len(span))
    assert changed[new_end - len(span):new_end] == span
    assert changed[new_start:new_end].startswith(("not", "不"))


@pytest.mark.parametrize(("cue", "negated"), [
    ("chatbot", False), ("charged for oat milk", False), ("机器人", False), ("等咗好耐", False),
    ("never called back", True), ("didn't stamp my card", True), ("nobody picked up", True), ("没给盖章", True),
    ("沒有蓋章", True), ("冇蓋印", True), ("唔肯退款", True), ("無人接聽", True), ("not my problem", True),
])
def test_has_negator(cue: str, negated: bool) -> None:
    assert mm.has_negator(cue) is negated


def test_cue_targets_are_found_cue_breaches_without_negators() -> None:
    transcripts = {"O-1": "Only a chatbot replied.", "O-2": "They never called back.", "O-3": "A bot, maybe."}
    grouped = {
        ("obs", "O-1", "promise", "P-1"): {"verdict": "broken", "reason": "breach cue 'chatbot' found",
                                           "evidence": {"text": "chatbot", "start": 7, "end": 14}},
        ("obs", "O-2", "promise", "P-2"): {"verdict": "broken", "reason": "breach cue 'never called back' found",
                                           "evidence": {"text": "never called back", "start": 5, "end": 22}},
        ("obs", "O-3", "promise", "P-1"): {"verdict": "review", "reason": "may contain breach cue 'chatbot' (score 80)",
                                           "evidence": {"text": "bot", "start": 2, "end": 5}},
        ("obs", "O-1", "promise", "P-3"): {"verdict": "broken", "reason": "breach cue 'x' found",
                                           "evidence": {"text": "elsewhere", "start": 0, "end": 9}},  # not the text
        ("obs", "O-1", "promise", "P-4"): {"verdict": "broken", "reason": "measured 5 day, the promise is <= 3 day",
                                           "evidence": None},
    }
    targets, negated = mm.cue_targets(grouped, transcripts)
    assert [(t.observation, t.promise, t.cue, t.start, t.end) for t in targets] == [("O-1", "P-1", "chatbot", 7, 14)]
    assert negated == 1


# =========================================================================== comparing verdicts

def test_a_changed_verdict_is_reported() -> None:
    """The meta test: two different verdict maps must give their differences, no more."""
    k1, k2, k3, k4 = (("obs", "O-1", "promise", "P-1"), ("obs", "O-1", "script_line", "L-1"),
                      ("obs", "O-2", "promise", "P-1"), ("dup", frozenset({"O-1", "O-2"})))
    before = {k1: {"verdict": "kept"}, k2: {"verdict": "broken"}, k4: {"verdict": "broken"}}
    after = {k1: {"verdict": "broken"}, k2: {"verdict": "broken"}, k3: {"verdict": "kept"}}
    changes = {key: ((old or {}).get("verdict"), (new or {}).get("verdict"))
               for key, old, new in mm.compare_verdicts(before, after)}
    assert changes == {k1: ("kept", "broken"), k3: (None, "kept"), k4: ("broken", None)}
    assert mm.compare_verdicts(before, dict(before)) == []
    assert mm.key_fields(k4) == ("O-1", "observation", "O-2")


def test_a_relation_that_breaks_verdicts_is_caught(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """End to end: a 'relation' that rewrites a transcript completely must be reported."""
    runner = mm.SetRunner(ROOT / "benchmarks" / "eval", tmp_path)
    victim = next(key for key, check in runner.grouped.items() if key[0] == "obs" and check["verdict"] == "broken")
    original = runner.transcripts[victim[1]]
    monkeypatch.setitem(mm.TRANSFORMS, "typo",
                        lambda text, texts: "Everything was perfect." if text == original else None)
    result = runner.run("typo")
    assert result.transformed == 1
    assert any(v.observation == victim[1] and v.before == "broken" for v in result.violations)


def test_known_list_comparison() -> None:
    found = [("eval", "typo", "O-1", "promise", "P-1"), ("eval", "typo", "O-2", "promise", "P-1")]
    known = {("eval", "typo", "O-2", "promise", "P-1"), ("eval", "typo", "O-3", "promise", "P-1"),
             ("eval_hotel", "typo", "H-1", "promise", "P-1"), ("eval", "swap_sentences", "O-9", "promise", "P-1")}
    new, fixed = mm.diff_known(found, known, ["eval"], ["typo"])
    assert new == [("eval", "typo", "O-1", "promise", "P-1")]
    assert fixed == [("eval", "typo", "O-3", "promise", "P-1")]  # other sets and relations are not judged
    assert mm.parse_known("# comment\n\neval typo O-1 promise P-1  # why\n") == {("eval", "typo", "O-1", "promise", "P-1")}
    with pytest.raises(ValueError):
        mm.parse_known("eval typo O-1\n")


def test_held_out_sets_are_never_run_by_default_and_print_no_text(capsys: pytest.CaptureFixture) -> None:
    assert all(not folder.name.endswith("_holdout") for folder in mm.default_sets())
    assert mm.is_holdout(Path("benchmarks/eval_hotel_holdout"))
    violation = mm.Violation("x_holdout", "typo", "H-1", "promise", "P-1", "kept", "broken")
    rel = mm.RelationResult("typo", transformed=1, violations=[violation])
    violation.snippet, violation.before_reason = "SECRET TRANSCRIPT", "SECRET REASON"
    result = mm.SetResult("x_holdout", Path("x_holdout"), True, 1, {"typo": rel})
    mm.print_report([result])
    data = mm.to_json([result])
    out = capsys.readouterr().out
    assert "H-1" in out and "SECRET" not in out
    assert "SECRET" not in str(data) and data["sets"][0]["violations"][0]["observation"] == "H-1"
    assert os.fspath(mm.KNOWN_FILE).endswith("metamorphic_known.txt")
