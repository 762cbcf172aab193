"""Whose words: a phrase the shopper asked about or expected is not what happened (SPEC §5).

"I asked if there was a delivery charge", 请问是人工吗？, "I was braced for an automated
menu", "at check-out I asked for 2 pm": the cue, or the time, is the shopper's, not staff's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from auditor import lexicon
from auditor.normalize import UNIT_TOKENS, clause_end, clause_start
from auditor.quantity import CURRENCIES

_ASKING = lexicon.words_regex(("en", "asking"), ("en", "expecting"), ("zh", "asking"), ("zh", "expecting"))
_CONTRAST = lexicon.words_regex(("en", "contrast"), ("zh", "contrast"))
_NOT_ASKING = lexicon.words_regex(("zh", "not_asking"))  # 问题, 访问, 问也没有回电: no question
_QUESTION_PARTICLES = frozenset(lexicon.text("zh", "question_particles"))
_QUESTION_START = lexicon.words_regex(("en", "question_starts"))  # a clause opening "will there be…" asks
_ASK_REACH = 24  # characters before a phrase in which a question reaches it (an expectation: its whole clause)
_EXPECTING = lexicon.words_regex(("en", "expecting"), ("zh", "expecting"))
_COMPLAINT = re.compile(r"\s*(?:" + lexicon.alternation(("en", "complaint_after_asking"), ("zh", "complaint_after_asking"))
                        + r")(?![a-z])")
# An answer opens its clause, after "she said" at most: 对方说是真人 is no 是 of an answer.
_ANSWER_YES = re.compile(r"(?:[a-z]+\s+said\s+)?(?:" + lexicon.alternation(("en", "affirmatives"), ("zh", "affirmatives"))
                         + r")(?![a-z])")
_ANSWER_NO = re.compile(r"(?:[a-z]+\s+said\s+)?(?:" + lexicon.alternation(("en", "negatives"), ("zh", "negatives"))
                        + r")(?![a-z])")
# …or the answer is an amount, not nothing ("Is there a fee? HK$50, she said.")
_MONEY = "|".join(UNIT_TOKENS[unit] for unit in CURRENCIES)
_ANSWER_AMOUNT = re.compile(rf"(?:[a-z]+\s+said\s+)?(?!0(?:\.0+)?(?:{_MONEY}))[0-9]+(?:\.[0-9]+)?(?:{_MONEY})(?![a-z])")
# English asking and expecting words typed with two neighbouring letters swapped ("expceted
# a robot" still expected one): every such spelling. Only a swap: a letter changed, added or
# dropped makes other words of them (tasked, assured, wandered).
_SWAPPED = frozenset(word[:i] + word[i + 1] + word[i] + word[i + 2:]
                     for name in ("asking", "expecting") for word in lexicon.words("en", name)
                     if " " not in word and len(word) >= 5
                     for i in range(len(word) - 1) if word[i] != word[i + 1])
_SWAPPED_WORD = re.compile(rf"(?<![a-z])(?:{lexicon.alternation_of(_SWAPPED)})(?![a-z])")  # (one scan in C)


def _is_expecting(text: str, span: tuple[int, int]) -> bool:
    return _EXPECTING.fullmatch(text, *span) is not None


def _swapped_letters(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in _SWAPPED_WORD.finditer(text)]


@lru_cache(maxsize=64)
def _marks(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[int, ...]]:
    """Where a transcript asks or expects ((start, end) of each word) and where it contrasts
    (one scan per transcript, for all the phrases looked up in it)."""
    asking = [match.span() for match in _ASKING.finditer(text)]
    asking = sorted(asking + _swapped_letters(text))
    if asking:
        words = [match.span() for match in _NOT_ASKING.finditer(text)]
        asking = [(start, end) for start, end in asking if not any(low <= start and end <= high for low, high in words)
                  and not _COMPLAINT.match(text, end)]  # "I asked why there was a fee": a complaint
    return tuple(asking), tuple(match.start() for match in _CONTRAST.finditer(text))


@lru_cache(maxsize=1024)  # promises of one touchpoint share cues: the same match is asked about again
def is_asked(text: str, start: int, end: int) -> bool:
    """Is the phrase at [start, end) the shopper's question or expectation rather than what
    staff did ("I asked if there was a delivery charge", 请问是人工吗, "I was braced for an
    automated menu")? A contrast word between ends the question's reach ("I asked for a
    person but got a bot"), and a question answered yes or with an amount asked about what
    happened ("Is there a change fee? Yes, HK$50")."""
    return _asks(text, start, end) and not _confirmed(text, end)


def _confirmed(text: str, end: int) -> bool:
    """Does the answer after the question holding [.., end) open with yes or an amount, in
    one of the two clauses after it, before any no?"""
    close = clause_end(text, end)
    for _ in range(2):
        if close >= len(text):
            return False
        start, close = close + 1, clause_end(text, close + 1)
        clause = text[start:close].strip()
        if _ANSWER_NO.match(clause):
            return False
        if _ANSWER_YES.match(clause) or _ANSWER_AMOUNT.match(clause):
            return True
    return False


def _asks(text: str, start: int, end: int) -> bool:
    asking, contrasts = _marks(text)
    if asking:
        clause = clause_start(text, start)
        low = max(clause, start - _ASK_REACH)
        last = None
        for span in asking:
            if span[1] <= start and (span[0] >= low or span[0] >= clause and _is_expecting(text, span)):
                last = span  # ("friends warned me that at night it's only a bot": the whole clause)
            elif span[0] >= start:
                break
        if last is not None and not any(last[1] <= at and at < start for at in contrasts):
            return True
    opening = clause_start(text, start)
    while opening < start and text[opening] == " ":
        opening += 1
    if _QUESTION_START.match(text, opening, start):
        return True
    close = clause_end(text, end)
    tail = text[end:close].rstrip()
    return bool(tail) and tail[-1] in _QUESTION_PARTICLES
