"""Which visits a script line applies to, by their scenario (SPEC §5).

A script line may list the scenarios it applies to (the scripts file's ``scenarios``
column: ``order; 点单``): the ordering script is not checked on a refund visit. A line
with no scenarios applies to every visit. A visit's scenario is free text as shoppers
write it ("Refund request 退款申请"), so a line applies when the visit's scenario contains
one of the line's scenario names as a whole word — compared with case, width and
Traditional/Simplified folded, so ``Refund`` meets ``refund`` and ``退款`` meets ``退款``.
A visit that names no scenario is not one of them: the line is not checked there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from auditor.normalize import fold_text


@lru_cache(maxsize=4096)
def _pattern(name: str) -> re.Pattern[str] | None:
    folded = fold_text(name)
    if not folded:
        return None
    # A Latin name is a whole word ("order" is not "reorder"); a Chinese one needs no spaces.
    before = r"(?<![0-9a-z])" if folded[0].isascii() and folded[0].isalnum() else ""
    after = r"(?![0-9a-z])" if folded[-1].isascii() and folded[-1].isalnum() else ""
    return re.compile(before + re.escape(folded) + after)


@lru_cache(maxsize=4096)
def _folded(scenario: str) -> str:
    return fold_text(scenario)


def applies(scenarios: Iterable[str], scenario: str | None) -> bool:
    """Does a line listing ``scenarios`` apply to a visit of ``scenario``?"""
    patterns = [pattern for name in scenarios if (pattern := _pattern(name)) is not None]
    if not patterns:
        return True
    if not scenario or not scenario.strip():
        return False
    visit = _folded(scenario)
    return any(pattern.search(visit) for pattern in patterns)
