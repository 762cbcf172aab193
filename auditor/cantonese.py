"""A Mandarin reading of Cantonese, for script lines said in Cantonese.

A Hong Kong agent says 呢個我哋都冇辦法㗎 for the forbidden 这个我们也没办法, and 我哋會喺兩個鐘內
覆電畀你 for 我们会在两小时内给您回电. Records are folded to Simplified characters, not to
Mandarin words; this reading replaces the Cantonese words the lexicon lists
(``cantonese_reading``) by Mandarin ones of the same length, so that a match found in the
reading stands at the same place in the text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from auditor import lexicon

_TABLE = lexicon.table("zh", "cantonese_reading")
_CHARS = str.maketrans(_TABLE["chars"]["from"], _TABLE["chars"]["to"])
_WORDS: dict[str, str] = {word: reading for word, reading in _TABLE["words"].items() if not word.startswith("_")}
_WORD = re.compile("|".join(map(re.escape, sorted(_WORDS, key=len, reverse=True))))
_ANY = re.compile("[" + re.escape(_TABLE["chars"]["from"]) + "]|" + _WORD.pattern)


@lru_cache(maxsize=4096)  # asked once per script line of a visit: the same text, again and again
def has_cantonese(text: str) -> bool:
    """Does the (normalised) text hold a word the reading changes?"""
    return _ANY.search(text) is not None


@lru_cache(maxsize=1024)
def mandarin_reading(text: str) -> str:
    """``text`` with its Cantonese words read as Mandarin, as long as it was."""
    return _WORD.sub(lambda match: _WORDS[match.group()], text).translate(_CHARS)
