"""Quantities stated in text: "called back after 2.5 hours", "7天无理由退货".

Works on normalised text, where every quantity reads ``<number><unit>`` (``2.5h``,
``7day``). A transcript quantity counts as a measurement of a promise's metric only when
words of that metric stand near it, and not when the shopper is quoting a claim ("the
site says 48h delivery") rather than reporting what happened.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

from auditor.normalize import NUMBER_UNIT, clause_end, clause_start, in_quotes, split_clauses
from auditor.quantity import UNIT_KINDS, canonical_unit, convert

_TOKENS = re.compile("[\ua000-\ua48f]")  # synonym groups, see auditor.audit.matching_normalizer
_NEAR = 24  # characters either side of a quantity in which the metric's words must appear
_STOP_WORDS = frozenset({
    "within", "in", "under", "less", "than", "more", "after", "before", "the", "a", "an", "of", "for", "to",
    "at", "by", "and", "or", "our", "your", "you", "we", "will", "be", "is", "are", "with", "all", "up",
    "time", "rate", "window", "days", "free", "no", "not",
    "min", "day", "week", "cny", "hkd", "twd", "usd",  # unit tokens of normalised quantities
})
_CJK_STOP = frozenset("内以之的在了我们您你及和与或")
# Chinese for words of metric names that neither a synonym group nor the promise's own
# words give: 排队等了二十分钟 reports a queue_wait. (Not a synonym group: 排队 as a token
# would shrink cues such as 一直排队 until a one-character typo defeats them.)
_METRIC_WORDS_ZH = {"queue": ("排队", "排了")}
# Whole words only ("William", "order status", "showroom", 电话 and 会员 quote nobody), but
# a Latin word may touch Chinese: "said我们支持30天无理由退货".
_CLAIM_WORDS = re.compile(
    r"(?<![a-z])(?:said|says|say|told|promis[a-z]*|claim[a-z]*|state[sd]?|stating|statement|advertis[a-z]*|"
    r"banner|written|reads|according|will|show(?:s|ed|n)?|display(?:s|ed)?)(?![a-z])"
    r"|说|称|承诺|写着|写|表示|号称|保证|标明|宣传|声称|告诉|(?<!电)话|讲|会(?!员)|將|将|显示")
_WITHIN_AFTER = re.compile(r"\s*(?:内|以内|之内|以下|起|包|保证)")
_WITHIN_BEFORE = re.compile(r"(?:within|in under|under|up to|no more than|less than|at most|最多|不超过|保证|承诺)\s*$")
_CLAIM_AT_END = re.compile(r"(?:says|said|say|shows|show|showed|reads|read|states|显示|写着|写|说|标着|称|表示|宣传)\s*$")
_OPERATORS = {
    "<=": lambda value, target: value <= target,
    "<": lambda value, target: value < target,
    ">=": lambda value, target: value >= target,
    ">": lambda value, target: value > target,
    "==": lambda value, target: abs(value - target) < 1e-9,
}


@dataclass(frozen=True)
class Stated:
    """One quantity found in normalised text."""

    value: float
    unit: str  # canonical unit of auditor.quantity (min, h, day, week, %, CNY …)
    start: int
    end: int


def canonical(unit_token: str) -> str | None:
    """The auditor.quantity unit for a normalised unit token (``cny`` -> ``CNY``, ``sec`` -> ``s``)."""
    return canonical_unit(unit_token)


def quantities(text: str) -> list[Stated]:
    found = []
    for match in NUMBER_UNIT.finditer(text):
        unit = canonical(match.group("unit"))
        if unit is not None:
            found.append(Stated(float(match.group("value")), unit, match.start(), match.end()))
    return found


def same_kind(unit: str | None, other: str | None) -> bool:
    if unit is None or other is None:
        return unit is None or other is None  # a bare number is read in the promise's unit
    return UNIT_KINDS[unit][0] == UNIT_KINDS[other][0]


def in_unit(value: float, unit: str | None, target_unit: str | None) -> float:
    if unit is None or target_unit is None or unit == target_unit:
        return value
    return convert(value, unit, target_unit)


def meets(value: float, operator: str, target: float) -> bool:
    return _OPERATORS[operator](value, target)


def metric_words(metric: str, normalised_promise: str) -> list[str]:
    """Words that mark a quantity as this metric's: the metric's name and the promise's
    own words around its quantity (``call back within 15min`` -> call, back)."""
    words = _content_words(metric.lower().replace("_", " "))
    for word in re.findall(r"[a-z]+", metric.lower()):
        words.update(_METRIC_WORDS_ZH.get(word, ()))
    for stated in quantities(normalised_promise):
        before = split_clauses(normalised_promise[max(0, stated.start - 14):stated.start])[-1]
        after = split_clauses(normalised_promise[stated.end:stated.end + 8])[0]
        words.update(_content_words(before) | _content_words(after))
    return sorted(words)


def _content_words(text: str) -> set[str]:
    words = {word for word in re.findall(r"[a-z]{3,}", text) if word not in _STOP_WORDS}
    words.update(_TOKENS.findall(text))  # a synonym group's token is a word of its own
    cjk = "".join(char for char in text if "\u3400" <= char <= "\u9fff" and char not in _CJK_STOP)
    words.update(cjk[i:i + 2] for i in range(len(cjk) - 1))
    return words


def _is_claim(text: str, stated: Stated) -> bool:
    """Is this quantity a promise being quoted rather than something that happened?

    "the site says 48h", "15min内回电", "within 2 hours", "we will call back in 15min" and
    anything in quotation marks (页面显示“…”、“48h送达”) are claims; "called back after
    2.5h", "等了20min", "45min后才回电" are measurements.
    """
    if in_quotes(text, stated.start):  # quoted from a banner, a web page, the staff
        return True
    start = clause_start(text, stated.start)
    if _CLAIM_WORDS.search(text, start, stated.start):
        return True
    # 网站上写着，72小时送达: a clause mark ended the clause just after the claim word.
    if start >= 2 and _CLAIM_AT_END.search(text, max(0, start - 8), start - 1):
        return True
    if _WITHIN_AFTER.match(text, stated.end):
        return True
    return bool(_WITHIN_BEFORE.search(text[max(start, stated.start - 12):stated.start]))


_TIME_SCALE = ("s", "min", "h", "day", "week")


@lru_cache(maxsize=None)
def _plausible(unit: str, promise_unit: str | None) -> bool:
    """Could a reported quantity in ``unit`` measure a promise in ``promise_unit``?
    Time units a step apart convert naturally (2.5 h for a 15-minute call-back); a
    3-minute wait is never a 30-day return window."""
    if promise_unit is None:
        return False
    if not same_kind(unit, promise_unit):
        return False
    if unit in _TIME_SCALE and promise_unit in _TIME_SCALE:
        return abs(_TIME_SCALE.index(unit) - _TIME_SCALE.index(promise_unit)) <= 1
    return True


class MetricIndex:
    """The measurable promises of one touchpoint, indexed by their metric words, so that
    a transcript is scanned once per quantity rather than once per promise."""

    def __init__(self, metrics: dict[str, tuple[str | None, list[str]]]):
        self.owners: dict[str, list[tuple[str, str | None]]] = {}
        for key, (unit, words) in metrics.items():
            for word in words:
                self.owners.setdefault(word, []).append((key, unit))
        ordered = sorted(self.owners, key=len, reverse=True)
        self.pattern = re.compile("|".join(map(re.escape, ordered))) if ordered else None

    def assign(self, text: str) -> dict[str, Stated]:
        """Which quantity of a transcript reports which metric.

        Each quantity goes to the one promise whose words stand nearest to it, so
        "3天内上门安装" measures the installation promise and not the 30-day returns
        promise as well; each promise keeps its nearest quantity.
        """
        best: dict[str, tuple[int, Stated]] = {}
        if self.pattern is None:
            return {}
        for stated in quantities(text):
            if _is_claim(text, stated):
                continue
            nearest: tuple[int, str] | None = None
            for hit in self.pattern.finditer(text, *_search_window(text, stated)):
                if hit.end() <= stated.start:
                    distance = stated.start - hit.end()
                elif hit.start() >= stated.end:
                    distance = hit.start() - stated.end
                else:
                    continue  # the word is part of the quantity itself
                for key, unit in self.owners[hit.group()]:
                    if _plausible(stated.unit, unit) and (nearest is None or distance < nearest[0]):
                        nearest = (distance, key)
            if nearest is not None:
                distance, key = nearest
                # "第二天送到，共三十个小时": a day's ordinal is the weaker reading of a duration.
                rank = (_is_ordinal(text, stated), distance)
                if key not in best or rank < best[key][0]:
                    best[key] = (rank, stated)
        return {key: stated for key, (_, stated) in best.items()}


# What may stand beside a quantity that completes the clause before it ("…第二天送到，共三十个小时").
_FILLER = re.compile(r"(?:\s|共|总共|一共|约|大约|用了|花了|用时|历时|about|around|roughly|approximately|in total|"
                     r"total|in all|altogether)*")


def _search_window(text: str, stated: Stated) -> tuple[int, int]:
    """Where the words of a quantity's metric may stand: near it, in its own clause only
    ("用了3天就坏了|送货很快" is not a delivery time) — or in the clause before, when its
    own clause says nothing but the quantity ("下单后第二天送到|共30h")."""
    start, end = clause_start(text, stated.start), clause_end(text, stated.end)
    if start > 0 and _FILLER.fullmatch(text[start:stated.start] + " " + text[stated.end:end]):
        start = clause_start(text, start - 1)
    return max(start, stated.start - _NEAR), min(end, stated.end + _NEAR)


def _is_ordinal(text: str, stated: Stated) -> bool:
    """第2天 is "on the second day", a point in time rather than a span of it."""
    return text[stated.start - 1:stated.start] == "第"
