"""Whose words: a phrase the shopper asked about or expected is not what happened (SPEC §5).

"I asked if there was a delivery charge", 请问是人工吗？, "I was braced for an automated
menu", "at check-out I asked for 2 pm": the cue, or the time, is the shopper's, not staff's.
"""

from __future__ import annotations

import re

from auditor import lexicon
from auditor.normalize import clause_end, clause_start

_ASKING = re.compile(f"(?<![a-z])(?:{lexicon.alternation(('en', 'asking'), ('en', 'expecting'))})(?![a-z])"
                     f"|{lexicon.alternation(('zh', 'asking'), ('zh', 'expecting'))}")
_CONTRAST = re.compile(f"(?<![a-z])(?:{lexicon.alternation(('en', 'contrast'))})(?![a-z])"
                       f"|{lexicon.alternation(('zh', 'contrast'))}")
_QUESTION_END = re.compile(f"[{lexicon.text('zh', 'question_particles')}]\\s*$")
_ASK_REACH = 24  # characters before a phrase in which a question or an expectation reaches it


def is_asked(text: str, start: int, end: int) -> bool:
    """Is the phrase at [start, end) the shopper's question or expectation rather than what
    staff did ("I asked if there was a delivery charge", 请问是人工吗, "I was braced for an
    automated menu")? A contrast word between ends the question's reach ("I asked for a
    person but got a bot")."""
    clause = clause_start(text, start)
    before = text[max(clause, start - _ASK_REACH):start]
    asking = None
    for asking in _ASKING.finditer(before):
        pass
    if asking is not None and not _CONTRAST.search(before, asking.end()):
        return True
    return _QUESTION_END.search(text, end, clause_end(text, end)) is not None
