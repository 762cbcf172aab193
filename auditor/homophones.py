"""Cues written by their sound: speech-to-text puts 鸡器人 or 机器仁 for 机器人.

A Chinese cue whose characters a transcript writes with other characters of the same
Mandarin syllables (tones ignored) is a homophone of the cue: one character of a
two-character cue written otherwise, up to two of a longer one (鸡器人 and 鸡七人 for
机器人), every syllable still the cue's. Fuzzy matching scores it too low (鸡器人 against
机器人: 67), and a person should decide, so the match goes to review. The syllables come
from pypinyin's character table (its first reading of each character).

    >>> sounds_like("机器人", "回我的是鸡器人，只会发固定回复")
    (4, 7)
"""

from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache

from auditor import lexicon

HOMOPHONE_SCORE = 75.0  # in the review band at the default thresholds: a person decides
_HAN = re.compile(lexicon.char_class("han"))
_MIN_CHARS, _MAX_CHARS = 2, 6


# pypinyin's documented switches: no phrase dictionary (60 MB and 0.1 s at import; only the
# character table is read here) and no private copy of the tables.
_PYPINYIN_LEAN = {"PYPINYIN_NO_PHRASES": "1", "PYPINYIN_NO_DICT_COPY": "1"}


@lru_cache(maxsize=1)
def _readings() -> dict[int, str]:
    """pypinyin's character table (code point -> readings), imported the first time a cue
    is looked for by its sound, with the switches set for the import only."""
    saved = {name: os.environ.get(name) for name in _PYPINYIN_LEAN}
    os.environ.update(_PYPINYIN_LEAN)
    try:
        from pypinyin.pinyin_dict import pinyin_dict  # noqa: PLC0415
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return pinyin_dict


@lru_cache(maxsize=None)
def _syllable(ch: str) -> str:
    """A character's first Mandarin reading without its tone (机 -> ji); the character
    itself when it has none."""
    readings = _readings().get(ord(ch))
    if not readings:
        return ch
    first = readings.split(",")[0]
    return "".join(c for c in unicodedata.normalize("NFD", first) if not unicodedata.combining(c))


@lru_cache(maxsize=4096)
def is_heard(phrase: str) -> bool:
    """Can speech-to-text write this phrase by its sound (two to six Chinese characters)?"""
    return _MIN_CHARS <= len(phrase) <= _MAX_CHARS and all(_HAN.match(ch) for ch in phrase)


@lru_cache(maxsize=1)
def _by_syllable() -> dict[str, str]:
    """syllable -> every character whose first reading it is (built once, ~50 ms)."""
    found: dict[str, list[str]] = {}
    for code in _readings():
        ch = chr(code)
        if _HAN.match(ch):
            found.setdefault(_syllable(ch), []).append(ch)
    return {syllable: "".join(chars) for syllable, chars in found.items()}


@lru_cache(maxsize=1)
def _sound_table() -> str:
    """For ``str.translate``: at each code point of the Basic Multilingual Plane, the first
    character of its sound (its first reading without the tone), or the character itself.
    Two spans that read alike translate alike. A string, not a dict: indexing it is faster,
    and a character beyond it (an IndexError) stays as it is."""
    table = [chr(code) for code in range(0x10000)]
    for chars in _by_syllable().values():
        for ch in chars[1:]:
            if ord(ch) < 0x10000:
                table[ord(ch)] = chars[0]
    return "".join(table)


def sound_of(text: str) -> str:
    """The text with every Chinese character written as the first one of its sound, the
    same length: what :func:`sounds_like` searches."""
    return text.translate(_sound_table())


class Heard:
    """A text to test many cues against by their sound: translated by :func:`sound_of`
    once, and only when a cue passes the cheap test first."""

    __slots__ = ("text", "_sound")

    def __init__(self, text: str) -> None:
        self.text = text
        self._sound: str | None = None

    def find(self, phrase: str) -> tuple[int, int] | None:
        """The first span that sounds like the Chinese ``phrase`` but is written with other
        characters, or None."""
        if not is_heard(phrase):
            return None
        text = self.text
        kept = len(phrase) - _written_otherwise(phrase)  # characters written as in the cue, at least
        if sum(ch in text for ch in phrase) < kept:
            return None  # (a cheap test first: a translate costs more)
        if self._sound is None:
            self._sound = sound_of(text)
        heard = sound_of(phrase)
        at = self._sound.find(heard)
        while at >= 0:
            said = text[at:at + len(phrase)]
            if said != phrase and sum(a == b for a, b in zip(said, phrase)) >= kept:
                return at, at + len(phrase)
            at = self._sound.find(heard, at + 1)
        return None


@lru_cache(maxsize=4096)
def sounds_like(phrase: str, text: str) -> tuple[int, int] | None:
    """The first span of ``text`` that sounds like the Chinese ``phrase`` but is written
    with other characters, or None."""
    return Heard(text).find(phrase)


def _written_otherwise(phrase: str) -> int:
    """How many characters of a cue speech-to-text may write otherwise: one of two (机人),
    two of three or more (鸡七人 for 机器人, every syllable still the cue's)."""
    return 1 if len(phrase) <= 2 else 2
