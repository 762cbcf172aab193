"""Counts of people and things a text states ("one guest", 一位同行者, 两位同行人士), for
comparing a script line with its promise: "金卡会员可免费带两位同行人士" says two guests where
the promise says one (SPEC §5: a different quantity is an inconsistent claim)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from auditor import lexicon
from auditor.quantity import CN_NUMERAL_CHARS, chinese_to_number

_ORDINAL = tuple(lexicon.words("zh", "ordinal"))  # 第10杯 is the tenth cup, no count
_EN_NUMBERS = {word: value for value, word in enumerate(lexicon.table("en", "numbers")["ones"])}
_FUNCTION = frozenset(lexicon.words("en", "function_words"))
_ZH = re.compile(rf"(?P<n>[0-9]+|[{CN_NUMERAL_CHARS}]{{1,3}})(?P<cls>{lexicon.alternation(('zh', 'count_classifiers'))})"
                 rf"(?P<noun>{lexicon.char_class('han')}{{2}})")
_EN = re.compile(rf"(?<![a-z0-9.])(?P<n>[0-9]+|{'|'.join(_EN_NUMBERS)})\s+(?P<noun>[a-z]{{3,}})(?![a-z])")


@dataclass(frozen=True)
class Count:
    value: float
    key: str  # what is counted: the classifier and the noun's first two characters, or the English noun's stem
    start: int
    end: int

    def __str__(self) -> str:
        return f"{self.value:g} × {self.key}"


@lru_cache(maxsize=1024)
def counts(text: str) -> tuple[Count, ...]:
    """The counts of a normalised text."""
    found = []
    for match in _ZH.finditer(text):
        if text.endswith(_ORDINAL, 0, match.start()):
            continue
        number = match["n"]
        try:
            value = float(number) if number.isdigit() else float(chinese_to_number(number))
        except (ValueError, KeyError):
            continue
        found.append(Count(value, match["cls"] + match["noun"], match.start(), match.end()))
    for match in _EN.finditer(text):
        noun = match["noun"]
        if noun in _FUNCTION:
            continue
        number = match["n"]
        value = float(number) if number.isdigit() else float(_EN_NUMBERS[number])
        found.append(Count(value, noun[:-1] if noun.endswith("s") and len(noun) > 3 else noun,
                           match.start(), match.end()))
    return tuple(sorted(found, key=lambda count: count.start))
