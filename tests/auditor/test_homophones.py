"""A Chinese cue written by its sound (speech-to-text) goes to review."""

from __future__ import annotations

import pytest

from auditor.audit import matching_normalizer
from auditor.homophones import HOMOPHONE_SCORE, is_heard, sounds_like
from auditor.observation_checks import Thresholds, check_promise, prepare_promise
from auditor.records import Observation, Promise

NORMALIZER = matching_normalizer(None)
SERVICE = Promise(key="P-24H", text="24/7 real-person service 全天候真人客服", touchpoints=None, dimension=None,
                  metric=None, operator=None, target=None, unit=None, breach_cues=["chatbot", "机器人", "没人接"],
                  weight=3, valid_from=None, valid_to=None)


@pytest.mark.parametrize("text, span", [
    ("回我的是鸡器人，只会发固定回复", (4, 7)),
    ("接听的是机器仁", (4, 7)),
    ("好像是个鸡七人", (4, 7)),  # two of three written otherwise, every syllable the cue's
    ("鸡七仁在说话", None),  # all three written otherwise: too far
    ("只有机器人", None),  # the cue itself is no homophone (fuzzy matching finds it)
    ("机器很吵，人很多", None),
])
def test_sounds_like(text, span):
    assert sounds_like("机器人", text) == span


def test_only_short_chinese_phrases_are_heard():
    assert is_heard("机器人") and is_heard("没人接") and not is_heard("bot") and not is_heard("机") \
        and not is_heard("欢迎光临奥瑞莉亚旗舰店")


def _check(transcript: str):
    observation = Observation("V-1", "hotline", "2026-10-01 10:00", "Mei", transcript, {})
    return check_promise(prepare_promise(SERVICE, NORMALIZER), observation, NORMALIZER(transcript), None,
                         Thresholds(85.0, 70.0))


def test_a_cue_written_by_its_sound_goes_to_review_with_its_evidence():
    check = _check("深夜打热线想找真人客服，接听的是机器仁。")
    assert check.verdict == "review" and check.score == HOMOPHONE_SCORE
    assert check.evidence.text == "机器仁" and check.reason.startswith("may contain breach cue")


def test_a_negated_homophone_breaks_nothing():
    assert _check("接电话的不是鸡器人，是真人客服。").verdict == "kept"


def test_the_character_table_is_read_without_pypinyins_phrase_dictionary():
    """Only the character table is needed: the 60 MB phrase dictionary is never loaded, and
    the switches that say so do not stay in the environment."""
    import os
    import subprocess
    import sys

    code = ("import os, sys; from auditor.homophones import sounds_like; assert sounds_like('机器人', '是鸡器人')\n"
            "assert 'pypinyin.phrases_dict' not in sys.modules, 'phrases loaded'\n"
            "assert 'PYPINYIN_NO_PHRASES' not in os.environ")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYPINYIN")}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)


def test_a_synonyms_word_inside_a_longer_cue_is_heard_too():
    """只有机器人 holds the synonym word 机器人: 好像是个鸡七人 sounds like it, and goes to review."""
    promise = Promise(key="P-247", text="Real people, 24/7 全天候真人服务", touchpoints=None, dimension=None,
                      metric=None, operator=None, target=None, unit=None, breach_cues=["只有机器人"],
                      weight=3, valid_from=None, valid_to=None)
    prepared = prepare_promise(promise, NORMALIZER)
    assert "机器人" in next(iter(prepared.heard.values()))
    text = "23点打热线订房，对面好像是个鸡七人，声音很平，说不清是不是真人。"
    check = check_promise(prepared, Observation("V-1", "hotline", "2026-10-01 10:00", "Mei", text, {}),
                          NORMALIZER(text), None, Thresholds(85.0, 70.0))
    assert check.verdict == "review" and check.evidence.text == "鸡七人"
