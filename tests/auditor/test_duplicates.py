"""Duplicate transcripts found batch by batch, as the audit reads them: the same copies as
comparing every pair, a text's anchors independent of the batch it came in, English and
Chinese, and silence where transcripts are merely alike."""

from __future__ import annotations

import random
from dataclasses import dataclass

from rapidfuzz import fuzz

from auditor.audit import matching_normalizer
from auditor.duplicates import (
    DUPLICATE_MIN_LENGTH,
    DUPLICATE_THRESHOLD,
    DuplicateFinder,
    _min_hashes,
    duplicate_transcripts,
)
from auditor.normalize import CLAUSE_MARKS
from auditor.records import Observation

NORMALIZER = matching_normalizer(None)
WORDS = ("staff", "greeted", "me", "warmly", "queue", "was", "long", "refund", "promised", "within", "days",
         "the", "agent", "said", "call", "back", "later", "store", "clean", "waited", "minutes", "bot", "answered",
         "店员", "很热情", "排队", "等了", "很久", "退款", "承诺", "机器人", "回电", "门店", "干净")


@dataclass
class _Text:
    text: str
    original: str


def _observation(key: str, transcript: str, shopper: str = "S1", day: int = 1) -> Observation:
    return Observation(key, "hotline", f"2026-10-{day:02d} 10:00", shopper, transcript)


def _brute_force(observations: list[Observation]) -> set[tuple[str, str]]:
    strip = str.maketrans("", "", " " + CLAUSE_MARKS)
    compact = {o.key: NORMALIZER(o.transcript).text.translate(strip) for o in observations}
    keys = sorted(k for k, text in compact.items() if len(text) >= DUPLICATE_MIN_LENGTH)
    return {(a, b) for i, a in enumerate(keys) for b in keys[i + 1:]
            if fuzz.ratio(compact[a], compact[b]) >= DUPLICATE_THRESHOLD}


def _corpus(seed: int = 7) -> list[Observation]:
    rng = random.Random(seed)
    observations = []
    for index in range(300):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 40)))
        observations.append(_observation(f"V-{index:03d}", text, shopper=f"S{index % 7}", day=1 + index % 28))
    # Copies: verbatim, with a changed word at the end, with different punctuation and width.
    for index, (source, how) in enumerate([(5, "same"), (40, "edit"), (77, "punct"), (150, "same"), (220, "edit")]):
        text = observations[source].transcript
        if how == "edit":
            text = text + " ok"
        elif how == "punct":
            text = text.replace(" ", "， ").upper()
        observations.append(_observation(f"V-9{index:02d}", text, shopper="S-copy", day=28))
    return observations


def test_finds_exactly_the_pairs_that_comparing_every_pair_finds():
    observations = _corpus()
    expected = _brute_force(observations)
    found = {(c.target, c.observation) for c in duplicate_transcripts(
        [(o, NORMALIZER(o.transcript)) for o in observations])}
    assert len(expected) >= 5
    assert found == expected


def test_batches_find_what_one_pass_finds():
    observations = _corpus(seed=11)
    texts = [NORMALIZER(o.transcript) for o in observations]
    finder = DuplicateFinder()
    for start in range(0, len(observations), 37):  # batches that split copies from their originals
        finder.add(observations[start:start + 37], texts[start:start + 37])
    batched = [(c.observation, c.target) for c in finder.checks()]
    whole = [(c.observation, c.target) for c in duplicate_transcripts(list(zip(observations, texts)))]
    assert batched == whole and batched


def test_a_texts_anchor_does_not_depend_on_its_neighbours():
    texts = ["x" * 50 + "duplicate-me-please" + "y" * 30, "短文本" * 20, "abc" * 30]
    alone = [_min_hashes([text], 13)[0] for text in texts]
    together = _min_hashes(texts, 13)
    reversed_order = _min_hashes(texts[::-1], 13)[::-1]
    assert alone == together == reversed_order
    assert len(set(alone)) == 3


def test_a_chinese_copy_and_a_traditional_copy_are_found():
    original = "店员很热情地接待了我，介绍了三款扫地机器人，说七天无理由退货，还主动帮我办理了会员卡，最后送我到门口。"
    traditional = "店員很熱情地接待了我，介紹了三款掃地機器人，說七天無理由退貨，還主動幫我辦理了會員卡，最後送我到門口。"
    observations = [_observation("V-1", original, "Li"), _observation("V-2", traditional, "Wang"),
                    _observation("V-3", "店员态度冷淡，没有介绍产品，问退货政策也答不上来，等了二十分钟才有人接待。", "Li")]
    checks = duplicate_transcripts([(o, NORMALIZER(o.transcript)) for o in observations])
    assert [(c.observation, c.target) for c in checks] == [("V-2", "V-1")]
    check = checks[0]
    assert check.evidence.text == traditional and (check.evidence.start, check.evidence.end) == (0, len(traditional))
    assert "Wang and Li" in check.reason


def test_a_short_chinese_copy_is_found_though_a_short_english_one_is_not():
    """Fifteen Chinese characters say as much as forty-odd letters: a copied short note is a copy."""
    note = "等穿梭巴士等咗四十分鐘，冇車，冇人解釋。"
    observations = [_observation("V-1", note, "Chan"), _observation("V-2", note.replace("，", ","), "Wong"),
                    _observation("V-3", "Waited 40 min, no bus.", "Chan"), _observation("V-4", "Waited 40 min, no bus.", "Lee"),
                    _observation("V-5", "冇車。", "Chan"), _observation("V-6", "冇車。", "Lee")]
    checks = duplicate_transcripts([(o, NORMALIZER(o.transcript)) for o in observations])
    assert [(c.observation, c.target) for c in checks] == [("V-2", "V-1")]


def test_alike_but_different_visits_and_short_transcripts_stay_silent():
    observations = [
        _observation("V-1", "The agent answered within two minutes and booked the repair for Tuesday morning."),
        _observation("V-2", "The agent answered within five minutes and booked the repair for Friday evening."),
        _observation("V-3", "No answer."), _observation("V-4", "No answer."),
    ]
    assert duplicate_transcripts([(o, NORMALIZER(o.transcript)) for o in observations]) == []


def test_an_empty_batch_and_empty_transcripts_are_fine():
    finder = DuplicateFinder()
    finder.add([], [])
    finder.add([_observation("V-1", "")], [_Text("", "")])
    assert finder.checks() == []
