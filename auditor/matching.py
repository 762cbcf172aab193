"""Finding a phrase (a script line, a breach cue) in a transcript, fuzzily, with its span.

Both sides are normalised first (``auditor.normalize``); this module works on the
normalised strings and returns spans into them, which the caller maps back to the
original transcript. rapidfuzz's ``partial_ratio`` finds the best-aligned window; three
corrections keep it honest on real records:

* a window shorter than the phrase (at the end of the text) is widened to the phrase's
  length, so ``没办法`` does not score 80 against the ``办法`` of ``想办法``;
* a window that cuts a Latin word is widened to the whole word, so ``free`` scores
  against ``freezer``, not against its first four letters (a cut word beyond a clause
  mark may be left out instead: it belongs to the next clause, not to the quote);
* a phrase of several Latin words needs most of its words, so a single shared word
  (``problem`` in ``no problem`` against ``not my problem``) is never a match.

Negation is looked for just before the match, inside the same clause: ``not a bot``,
``不是机器人``, ``没有让我等``. Negation inside the phrase (``nobody picked up``,
``没人接``) is part of the phrase and changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from auditor import lexicon
from auditor.lexicon import char_class, chars
from auditor.normalize import CLAUSE_MARKS, UNIT_TOKENS, clause_end, clause_start
from auditor.quantity import CURRENCIES
from auditor.stated import in_unit, quantities, same_kind

DEFAULT_MATCH_THRESHOLD = 85.0
DEFAULT_REVIEW_THRESHOLD = 70.0

_LATIN = re.compile(char_class("latin"))
_WORD = re.compile(f"[{chars('latin')}]+(?:'[a-z]+)?")
_CJK = re.compile(char_class("han"))
_TOKEN = re.compile(lexicon.token_class())  # a synonym group's token: the key word it stands for

# Words that negate what follows them in the same clause (the lexicon's negators). English
# ones are whole words among the few words before the match; Chinese ones are within a few
# characters.
_EN_NEGATORS = frozenset(lexicon.words("en", "negators"))
_EN_ARTICLES = frozenset(lexicon.words("en", "negation_skip"))
_EN_EXCEPT = frozenset(lexicon.words("en", "negation_exceptions"))
_ZH_NEGATORS = lexicon.words("zh", "negators")
_ZH_NEGATOR_CHARS = frozenset("".join(_ZH_NEGATORS))  # (a cheap test before looking for each)
_NEGATOR_CHAR_CLASS = re.escape("".join(sorted(_ZH_NEGATOR_CHARS)))
_EN_WINDOW_WORDS = lexicon.number("en", "negation_reach", "words")
_ZH_WINDOW_CHARS = lexicon.number("zh", "negation_reach", "chars")
_ZH_MAX_GAP = lexicon.number("zh", "negation_reach", "gap")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# Scores a match is held to when it is not really the phrase: below any sensible review threshold.
_FRAGMENT_CAP = 60.0
_WRONG_NUMBER_CAP = 50.0


@dataclass(frozen=True)
class Match:
    """The best place of a phrase in a text (normalised coordinates)."""

    score: float
    start: int
    end: int
    negated: bool = False


def _is_single_word(phrase: str) -> bool:
    return bool(_WORD.fullmatch(phrase))


def _is_latin_word_char(char: str) -> bool:
    return bool(_LATIN.match(char))


def _word_around(text: str, at: int) -> tuple[int, int]:
    """The Latin word that holds position ``at``."""
    start = end = at
    while start > 0 and _is_latin_word_char(text[start - 1]):
        start -= 1
    while end < len(text) and _is_latin_word_char(text[end]):
        end += 1
    return start, end


def _whole_word_edges(text: str, start: int, end: int) -> tuple[list[int], list[int]]:
    """Where a window may start and end without cutting a Latin word: a cut word is taken
    whole, so ``free`` scores against ``freezer``, not its first four letters. A cut word
    of the clause before or after may be left out instead: the ``d`` of ``he typed“thats
    not my problm`` does not make ``typed`` part of the quote."""
    starts, ends = [start], [end]
    if 0 < start < end and _is_latin_word_char(text[start - 1]) and _is_latin_word_char(text[start]):
        word_start, word_end = _word_around(text, start)
        starts = [word_start] + ([word_end] if word_end < end and text[word_end] in CLAUSE_MARKS else [])
    if start < end < len(text) and _is_latin_word_char(text[end - 1]) and _is_latin_word_char(text[end]):
        word_start, word_end = _word_around(text, end - 1)
        ends = [word_end] + ([word_start] if word_start > start and text[word_start - 1] in CLAUSE_MARKS else [])
    return starts, ends


def _window_score(phrase: str, text: str, start: int, end: int) -> tuple[float, int, int]:
    """Score the phrase against text[start:end], widened to the phrase's length and to whole words."""
    length = len(phrase)
    if end - start < length:
        best = (-1.0, start, end)
        lowest = max(0, end - length)
        highest = min(start, len(text) - length) if len(text) >= length else 0
        for candidate in range(lowest, max(lowest, highest) + 1):
            stop = min(len(text), candidate + length)
            score = fuzz.ratio(phrase, text[candidate:stop])
            if score > best[0]:
                best = (score, candidate, stop)
        _, start, end = best
    best = (-1.0, start, end)
    starts, ends = _whole_word_edges(text, start, end)
    for edges in ((a, b) for a in starts for b in ends):
        window_start, window_end = _strip_marks(text, *edges)
        score = fuzz.ratio(phrase, text[window_start:window_end])
        if score > best[0]:
            best = (score, window_start, window_end)
    return best


def _strip_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """The window without spaces and clause marks at its ends (they are not part of a quote)."""
    while start < end and (text[start] == " " or text[start] in CLAUSE_MARKS):
        start += 1
    while end > start and (text[end - 1] == " " or text[end - 1] in CLAUSE_MARKS):
        end -= 1
    return start, end


def _word_coverage(phrase: str, window: str) -> float:
    """Share of the phrase's Latin words found (fuzzily) among the window's words."""
    phrase_words = _WORD.findall(phrase)
    if len(phrase_words) < 2:
        return 1.0
    window_words = _WORD.findall(window)
    if not window_words:
        return 0.0
    def present(word: str) -> bool:
        if word in window_words:
            return True
        # Short words (no, not, my) only count when spelled exactly: "no" is not "not".
        return len(word) > 3 and max(fuzz.ratio(word, other) for other in window_words) >= 80

    return sum(1 for word in phrase_words if present(word)) / len(phrase_words)


def _stands_whole(phrase: str, text: str, at: int) -> bool:
    """Does the phrase found at ``at`` cut no Latin word and begin and end with no space or
    mark (so that :func:`_window_score` would keep it as it is)?"""
    end = at + len(phrase)
    if phrase[0] == " " or phrase[0] in CLAUSE_MARKS or phrase[-1] == " " or phrase[-1] in CLAUSE_MARKS:
        return False
    if at > 0 and _is_latin_word_char(text[at - 1]) and _is_latin_word_char(phrase[0]):
        return False
    return not (end < len(text) and _is_latin_word_char(text[end]) and _is_latin_word_char(phrase[-1]))


def _exact(phrase: str, text: str) -> tuple[float, int, int]:
    """The best verbatim occurrence: the first whole one ("free" inside "freezer" is not)."""
    best = (-1.0, 0, 0)
    at = text.find(phrase)
    if at >= 0 and _stands_whole(phrase, text, at):  # the common case, without widening anything
        return 100.0, at, at + len(phrase)
    while at >= 0:
        score, start, end = _window_score(phrase, text, at, at + len(phrase))
        if text[start:end] == phrase:
            return 100.0, start, end
        best = max(best, (score, start, end), key=lambda found: found[0])
        at = text.find(phrase, at + 1)
    return best


INSERTED_SCORE = 90.0  # a phrase said whole with a word inserted: found at the default threshold
INSERTION_SLACK = 15.0  # how far below a threshold a prefilter score may be for a phrase said with insertions (没人接 in 没有人接: 67)
_UNIT = re.compile(f"[{chars('latin')}]+(?:'[a-z]+)?|[^\\s]")  # a Latin word, or any other character
_QUANTITY_UNIT = re.compile(f"[0-9.]+(?:{'|'.join(map(re.escape, UNIT_TOKENS.values()))})?")
_LATIN_UNIT = re.compile(f"[{chars('latin')}]")
_FREE = (f"(?:(?<![a-z])(?:{lexicon.alternation(('en', 'intensifiers'))})(?![a-z])"
         f"|[{re.escape(lexicon.text('zh', 'intensifiers'))}]"
         f"|[0-9.]+(?:{'|'.join(map(re.escape, UNIT_TOKENS.values()))})?(?![a-z]))")
_MAX_UNITS = 8  # longer phrases (whole script lines) are matched by alignment only
_WORD_INSERTED_UNITS = 6  # from this many units, a phrase may be said with a short word inserted
_SHORT_UNITS = 4


@lru_cache(maxsize=4096)
def _phrase_units(phrase: str) -> tuple[str, ...]:
    return tuple(_UNIT.findall(phrase))


def _pieces(units: tuple[str, ...]) -> list[str]:
    return [f"(?<![a-z]){re.escape(unit)}(?![a-z])" if _LATIN_UNIT.match(unit) else re.escape(unit)
            for unit in units]


_GAP = f"(?:\\s*{_FREE})*?\\s*"


@lru_cache(maxsize=4096)
def _insertion_pattern(phrase: str) -> re.Pattern[str] | None:
    """The phrase's units in order, with intensifiers or quantities allowed between them."""
    units = _phrase_units(phrase)
    if not 2 <= len(units) <= _MAX_UNITS:
        return None
    # (?=first character): re skips to where the phrase may start instead of trying everywhere
    return re.compile(f"(?={re.escape(units[0][0])})" + _GAP.join(_pieces(units)))


@lru_cache(maxsize=4096)
def _word_inserted_pattern(phrase: str) -> re.Pattern[str] | None:
    """A long phrase with short Chinese words inserted (这真的不是我们饭店的问题 for
    这不是我们的问题), but never a negation; None for a short phrase. Each gap's word is
    its own group, for :func:`_one_word_inserted` to allow only one. Compiled only where
    the plain pattern failed: it takes several times as long to compile."""
    units = _phrase_units(phrase)
    if not _WORD_INSERTED_UNITS <= len(units) <= _MAX_UNITS:
        return None
    word = f"(?:(?![{_NEGATOR_CHAR_CLASS}])[{chars('han')}]){{1,2}}"
    pieces = _pieces(units)
    # a gap without a word first: where intensifiers fill it (真的), no word is taken
    body = pieces[0] + "".join(f"(?:{_GAP}|{_GAP}(?P<w{at}>{word}){_GAP}){piece}" for at, piece in enumerate(pieces[1:]))
    return re.compile(f"(?={re.escape(units[0][0])})" + body)


def _one_word_inserted(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match of a :func:`_word_inserted_pattern` with one word inserted, at most."""
    position = 0
    while (match := pattern.search(text, position)) is not None:
        if sum(word is not None for word in match.groupdict().values()) <= 1:
            return match
        position = match.start() + 1
    return None


def units_of(text: str) -> frozenset[str]:
    """The units of a normalised text (its Latin words and its other characters), for
    testing many phrases against it: a phrase said whole has all of its units in it."""
    return frozenset(_UNIT.findall(text))


def phrase_units(phrase: str) -> frozenset[str]:
    """The units of a normalised phrase, as a set (see :func:`units_of`)."""
    return frozenset(_phrase_units(phrase))


def may_need_insertions(phrase: str) -> bool:
    """Can an insertion pull the phrase's prefilter score below the review threshold? Only
    for a phrase of two to four units: one inserted into a longer one still scores 80."""
    return 2 <= len(_phrase_units(phrase)) <= _SHORT_UNITS


def with_insertions(phrase: str, text: str) -> tuple[int, int] | None:
    """Where ``phrase`` is said whole with only intensifiers or quantities inserted into it
    ("that's really not my department", 这个真的不归我管, 没有人接, "late checkout is 300cny
    extra"): the first such window of ``text``, or None. Every unit of the phrase (a Latin
    word or another character; at most eight of them) must be there as written, in order,
    with nothing else between them."""
    units = _phrase_units(phrase)
    if not 2 <= len(units) <= _MAX_UNITS or not all(unit in text for unit in units):
        return None  # (a substring test first: most texts lack a unit, and the pattern costs a compile)
    written = "".join(units)
    if LCSseq.similarity(written, text, score_cutoff=len(written)) < len(written):
        return None  # (and, in C, that they stand in order: the pattern backtracks where they do not)
    match = _insertion_pattern(phrase).search(text)
    if match is None and (inserted := _word_inserted_pattern(phrase)) is not None:
        match = _one_word_inserted(inserted, text)
    return None if match is None else match.span()


_FUNCTION = re.compile(f"{lexicon.starts(('en', 'function_words'), more=lexicon.text('zh', 'function_chars') + ' ')}"
                       f"(?:(?<![a-z'])(?:{lexicon.alternation(('en', 'function_words'))})(?![a-z'])"
                       f"|[{re.escape(lexicon.text('zh', 'function_chars'))}]|\\s+)")


@lru_cache(maxsize=256)
def content_view(text: str) -> str:
    """A normalised text without its function words and characters (the lexicon's: we,
    will, the, 我们, 将, 在, 的 …) and spaces: "押金将在退房后3day内原路退回" -> "押金退房后3day原路退回"."""
    return _FUNCTION.sub("", text)


def _content_positions(text: str) -> list[int]:
    """For each character of :func:`content_view`, its position in the text."""
    kept: list[int] = []
    pos = 0
    for match in _FUNCTION.finditer(text):
        kept.extend(range(pos, match.start()))
        pos = match.end()
    kept.extend(range(pos, len(text)))
    return kept


@lru_cache(maxsize=4096)
def find_in_substance(phrase: str, text: str, cutoff: float) -> Match | None:
    """A long phrase said with its function words dropped or changed (押金收了1500，说三天内
    原路退回 for 押金将在退房后三天内原路退回): the best window of the texts' content views,
    mapped back, or None below ``cutoff``. Its score is the content's."""
    content, seen = content_view(phrase), content_view(text)
    if len(content) < _MIN_SUBSTANCE or not seen:
        return None
    if len(seen) < len(content):  # a short text is not a long line said in other words
        return None
    alignment = fuzz.partial_ratio_alignment(content, seen, score_cutoff=cutoff)
    if alignment is None or alignment.dest_end <= alignment.dest_start:
        return _said_in_part(phrase, text, content, seen, cutoff)
    window_start, window_end = alignment.dest_start, alignment.dest_end
    if window_end - window_start < len(content):  # a part at an end of the text: as long as the phrase
        window_start = max(0, min(window_start, len(seen) - len(content)))
        window_end = window_start + len(content)
    best = None
    # as in _aligned: the windows either side that score as well are candidates too
    for shift in _SHIFTS:
        low, high = window_start + shift, window_end + shift
        if low < 0 or high > len(seen):
            continue
        score = fuzz.ratio(content, seen[low:high])
        if best is None or score > best[0] + 1e-9:
            best = (score, low, high)
    if best is None or best[0] < cutoff:
        return _said_in_part(phrase, text, content, seen, cutoff)
    if not _quantities_said(phrase, text):
        return None  # (and "7天内" does not say "3天内"; "within 24 hours" says "within a day")
    score, low, high = best
    where = _content_positions(text)
    start, end = where[low], where[high - 1] + 1
    return Match(score, start, end, negated=is_negated(text, start))


def _said_in_part(phrase: str, text: str, content: str, seen: str, cutoff: float) -> Match | None:
    """A long phrase said with a part of it left out, its subject and its end kept (押金收了
    1500，说三天内原路退回 for 押金将在退房后三天内原路退回): a window of the text's content
    that starts as the phrase's content starts and ends as it ends, in at most two clauses
    and twice its length, scored by how much of the content it holds in order (or None
    below ``cutoff``)."""
    head, tail = content[:_ANCHOR], content[-_ANCHOR:]
    best: tuple[float, int, int] | None = None
    at = seen.find(head)
    while at >= 0:
        end = seen.find(tail, at + len(head))
        while 0 <= end and end + len(tail) - at <= 2 * len(content):
            window = seen[at:end + len(tail)]
            if window.count("|") <= 1:
                score = 100.0 * LCSseq.similarity(content, window) / len(content)
                if best is None or score > best[0]:
                    best = (score, at, end + len(tail))
            end = seen.find(tail, end + 1)
        at = seen.find(head, at + 1)
    if best is None or best[0] < cutoff or not _quantities_said(phrase, text):
        return None
    score, low, high = best
    where = _content_positions(text)
    start, end = where[low], where[high - 1] + 1
    # (the part left out may be a negation: 不能延迟退房 is not 可免费延迟退房)
    return Match(score, start, end, negated=is_negated(text, start) or _gains_a_negation(phrase, text[start:end]))


_ANCHOR = 2  # content characters a phrase said in part keeps at each end (its subject, its verb)
KEY_CLAUSE_SCORE = 75.0  # a line said only by its quantity and what the quantity measures: review


def key_clauses(phrase: str) -> tuple[str, ...]:
    """What a long line that states one quantity says by it, in content view: the quantity
    and the word after it, a synonym token or two Chinese characters (延误行李会喺48h内送到府上
    -> 48h + the token of 送到府上); () for a line whose content is short, without exactly one
    quantity, or with none of these after it. (Not the words before it: 不会超过20min says
    nothing by 超过20min.)"""
    content = content_view(phrase)
    if len(content) < _MIN_SUBSTANCE:
        return ()
    stated = quantities(content)
    if len(stated) != 1:
        return ()
    start, end = stated[0].start, stated[0].end
    keys = []
    at = end
    for _ in range(2):  # the word after it, or the one after that ("48h free delivered": free, delivered)
        if _TOKEN.match(content, at):
            word = content[at:at + 1]
        elif len(after := content[at:at + _ANCHOR]) == _ANCHOR and all(_HAN_CHAR.match(char) for char in after):
            word = after
        else:
            break
        keys.append(content[start:end] + word)
        at += len(word)
    return tuple(keys)


_HAN_CHAR = re.compile(f"[{chars('han')}]")


def find_key_clause(phrase: str, text: str, keys: tuple[str, ...]) -> Match | None:
    """A long line said only by its key clause (:func:`key_clauses`: 职员话48个钟内送到 for
    延误行李会喺48个钟内送到府上): a match of :data:`KEY_CLAUSE_SCORE`, for a person to
    decide, or None."""
    seen = content_view(text)
    for key in keys:
        at = seen.find(key)
        if at >= 0:
            where = _content_positions(text)
            start, end = where[at], where[at + len(key) - 1] + 1
            # (唔会48个钟内送到: the negation may stand before function words, 会 here)
            return Match(KEY_CLAUSE_SCORE, start, end, negated=is_negated(text, start) or is_negated(seen, at))
    return None


def part_anchors(phrase: str) -> tuple[str, ...]:
    """The units at both ends of a long phrase's content, which a text that says it in
    part holds (:func:`find_said_in_part`); () for a phrase too short to be said in part."""
    content = content_view(phrase)
    if len(content) < _MIN_SUBSTANCE:
        return ()
    units = _phrase_units(content)
    return (*units[:_ANCHOR], *units[-_ANCHOR:])


@lru_cache(maxsize=4096)
def find_said_in_part(phrase: str, text: str, cutoff: float) -> Match | None:
    """A long phrase said with a part of it left out (see :func:`find_in_substance`), looked
    for whatever the prefilter scored: its score of a phrase can drop when a sentence is
    added after it. (Callers test :func:`part_anchors` first: cheap, and most texts fail it.)"""
    content = content_view(phrase)
    if len(content) < _MIN_SUBSTANCE:
        return None
    seen = content_view(text)
    if len(seen) < len(content):
        return None
    return _said_in_part(phrase, text, content, seen, cutoff)


def _quantities_said(phrase: str, text: str) -> bool:
    """Does the text state every quantity of the phrase (in any unit of its kind)?"""
    said = quantities(text)
    return all(any(same_kind(q.unit, wanted.unit)
                   and abs(in_unit(q.value, q.unit, wanted.unit) - wanted.value) < 1e-6 for q in said)
               for wanted in quantities(phrase))


_MIN_SUBSTANCE = 8  # shorter phrases have too little content to be said in other words
_SHIFTS = (0, -1, 1)


def insertion_test(phrase: str) -> tuple[tuple[str, ...], re.Pattern[str]] | None:
    """What :func:`with_insertions` tests for a phrase of two to four units (its units, its
    pattern), for a caller that tests many texts against it; None for other phrases."""
    return (_phrase_units(phrase), _insertion_pattern(phrase)) if may_need_insertions(phrase) else None


def prefilter_score(phrase: str, text: str, score: float, threshold: float) -> float:
    """A phrase's prefilter score (partial_ratio) raised to what a match with insertions
    scores, where it is a little below ``threshold`` and the phrase is said whole with an
    intensifier or a quantity inserted (partial_ratio of 没人接 in 没有人接 is 67)."""
    if threshold - INSERTION_SLACK <= score < threshold and may_need_insertions(phrase) \
            and with_insertions(phrase, text) is not None:
        return max(score, INSERTED_SCORE)
    return score


_MARK_SLACK = 10.0  # how far below the cutoff an alignment is still scored as a window
_CLAUSE_MARK = re.compile(f"[{re.escape(CLAUSE_MARKS)}]")


def _aligned(phrase: str, text: str, cutoff: float) -> tuple[float, int, int] | None:
    """The phrase's best window by rapidfuzz's alignment (widened to whole words), or None."""
    if phrase in text:  # exact: the common case for well-kept scripts, and cheap
        return _exact(phrase, text)
    # A little below the cutoff too: a window that takes in a clause mark scores less than
    # the same words at the end of the record, where rapidfuzz's window may stop short.
    alignment = fuzz.partial_ratio_alignment(phrase, text, score_cutoff=max(0.0, cutoff - _MARK_SLACK))
    if alignment is None or alignment.score < cutoff \
            and not _CLAUSE_MARK.search(text, alignment.dest_start, alignment.dest_end):
        return None  # (below the cutoff, only a window with a clause mark in it is scored again)
    if len(phrase) > len(text):  # the text is the shorter one: it is all the window there is
        found = _window_score(phrase, text, 0, len(text))
        return found if found[0] >= cutoff else None
    # rapidfuzz returns one of the windows that score best, and which one can depend on
    # text far away (a sentence added at the end); every window in the run of neighbours
    # that score as well is scored too, so that the match (widened to whole words, marks
    # stripped) does not
    start, end = alignment.dest_start, alignment.dest_end
    best = _window_score(phrase, text, start, end)
    if alignment.score >= 100:
        return best
    own = fuzz.ratio(phrase, text[start:end])
    for step in (-1, 1):  # the windows beside it, as long as they are as good as its own
        shift = step
        while 0 <= start + shift and end + shift <= len(text) and abs(shift) <= len(phrase) \
                and fuzz.ratio(phrase, text[start + shift:end + shift], score_cutoff=own - 1e-6) >= own - 1e-6:
            # (a cutoff of exactly ``own`` can refuse a window of the same score: rapidfuzz
            # compares it with a distance rounded another way)
            other = _window_score(phrase, text, start + shift, end + shift)
            if other[0] > best[0] or other[0] == best[0] and other[1] < best[1]:
                best = other
            shift += step
    return best if best[0] >= cutoff else None


@lru_cache(maxsize=8192)
def find_phrase(phrase: str, text: str, *, cutoff: float = 0.0) -> Match | None:
    """The best match of ``phrase`` in ``text`` (both normalised), or None below ``cutoff``
    (cached: promises of one touchpoint share cues, and a Match is immutable)."""
    if not phrase or not text:
        return None
    found = _aligned(phrase, text, min(cutoff, INSERTED_SCORE))
    if found is None or found[0] < INSERTED_SCORE:
        inserted = with_insertions(phrase, text)
        if inserted is not None:
            found = (INSERTED_SCORE, *inserted)
    if found is None:
        return None
    score, start, end = found
    window = text[start:end]
    if len(_phrase_units(phrase)) <= _MAX_UNITS and not set(_TOKEN.findall(phrase)) <= set(window):
        score = min(score, _FRAGMENT_CAP)  # "refund never arrived" is not "order never arrived"
    coverage = _word_coverage(phrase, window)
    if coverage < 0.6:
        score = min(score, coverage * 100)
    if _FRAGMENT_CAP < score < 100 and _is_single_word(phrase) and window != phrase and len(window) > len(phrase) + 1:
        score = _FRAGMENT_CAP  # "free" inside "freezer": a fragment, not the word
    if _loses_its_negation(phrase, window):
        score = min(score, _WRONG_NUMBER_CAP)  # "never called back" is not "she called back"
    phrase_numbers = _NUMBER.findall(phrase)
    if phrase_numbers and sorted(phrase_numbers) != sorted(_NUMBER.findall(window)):
        score = min(score, _WRONG_NUMBER_CAP)  # "7天无理由退货" does not say "30天无理由退货"
    if score < cutoff:
        return None
    return Match(score, start, end, negated=is_negated(text, start) or is_denied_after(text, end)
                 or is_zero_before(text, start)
                 or score < 100 and _gains_a_negation(phrase, window))


_ZH_NEGATION_CHARS = frozenset(lexicon.text("zh", "cue_negation"))
_CUE_NEGATION = _EN_NEGATORS | frozenset(lexicon.words("en", "cue_negation"))


def _loses_its_negation(phrase: str, window: str) -> bool:
    """A phrase that carries its own negation (``never called back``, ``没人接``) only
    matches where that negation is there too: the rest of it is the opposite claim."""
    phrase_words = set(_WORD.findall(phrase))
    needed = phrase_words & _CUE_NEGATION
    if needed and not needed <= set(_WORD.findall(window)):
        return True
    chinese = {char for char in phrase if char in _ZH_NEGATION_CHARS}
    return bool(chinese) and not chinese <= set(window)


def _gains_a_negation(phrase: str, window: str) -> bool:
    """Does the text say the phrase with a negation the phrase does not have in it
    (穿梭巴士冇收钱 for 穿梭巴士要收钱, "charged no fee" for "charged a fee")? It denies it.
    A phrase that is a negation itself (没人接, "no reply") is said in other words, not denied."""
    phrase_words = set(_WORD.findall(phrase))
    if phrase_words & _EN_NEGATORS or any(negator in phrase for negator in _ZH_NEGATORS):
        return False
    if not _ZH_NEGATOR_CHARS.isdisjoint(window) and any(negator in window for negator in _ZH_NEGATORS):
        return True
    return bool(set(_WORD.findall(window)) & _EN_NEGATORS)


def is_negated(text: str, start: int) -> bool:
    """Is the phrase starting at ``start`` negated by a word just before it, in the same clause?"""
    before = text[clause_start(text, start):start]
    if not before.strip():
        return False
    tail = before.rstrip()[-_ZH_WINDOW_CHARS:]
    if not _ZH_NEGATOR_CHARS.isdisjoint(tail) and _CJK.search(tail):
        for negator in _ZH_NEGATORS:
            at = tail.rfind(negator)
            # A two-character negator may stand a word away (没有说不能退); a single
            # character only right before the phrase (不错，只有机器人 is not negated).
            gap = len(tail) - (at + len(negator))
            if at >= 0 and gap <= (_ZH_MAX_GAP if len(negator) > 1 else 0):
                return True
    words = _WORD.findall(before)
    checked = 0
    for word in reversed(words):
        if word in _EN_EXCEPT:
            return False  # "nothing but a bot", "no one except a robot": only a robot
        if word in _EN_NEGATORS:
            return True
        if word in _EN_ARTICLES:
            continue
        checked += 1
        if checked >= _EN_WINDOW_WORDS:
            break
    return False


_ZERO_AMOUNTS = "|".join(UNIT_TOKENS[u] for u in (*CURRENCIES, '%'))
_DENIED_AFTER = re.compile(
    rf"\s*(?:is\s+|was\s+|of\s+|:\s*)?(?:0(?:\.0+)?(?:{_ZERO_AMOUNTS})?(?![0-9.])"
    rf"|(?:{lexicon.alternation(('en', 'negators_after'), ('zh', 'negators_after'))})(?![a-z]))")


def is_denied_after(text: str, end: int) -> bool:
    """Is the phrase ending at ``end`` denied by what follows it in its clause
    ("cancellation fee waived", "fee: HKD 0", 手续费全免)?"""
    return _DENIED_AFTER.match(text, end, clause_end(text, end)) is not None


_ZERO_BEFORE = re.compile(rf"(?<![0-9.])0(?:\.0+)?(?:{_ZERO_AMOUNTS})\s*\Z")


def is_zero_before(text: str, start: int) -> bool:
    """Does a sum of nothing stand right before the phrase at ``start`` ("a HK$0 change fee",
    ¥0选座费)?"""
    return _ZERO_BEFORE.search(text, max(0, start - 12), start) is not None


_TAKEN_BACK = lexicon.words_regex(("en", "taken_back"), ("zh", "taken_back"))
_TAKEN_BACK_REACH = 120  # characters after a cue in which staff may take it back


@lru_cache(maxsize=64)
def _taken_back_at(text: str) -> tuple[int, ...]:
    """Where a transcript takes something back (one scan per transcript, for all its cues)."""
    return tuple(match.start() for match in _TAKEN_BACK.finditer(text))


def is_taken_back(text: str, end: int) -> bool:
    """Is the breach that ends at ``end`` taken back by what follows ("… a NT$500 手续费. I
    pushed back, she checked with her lead and waived it on the spot")?"""
    return any(end <= at < end + _TAKEN_BACK_REACH for at in _taken_back_at(text))


def verdict_of(score: float, match_threshold: float, review_threshold: float) -> str:
    """``found`` at or above the match threshold, ``unsure`` in the review band, else ``absent``."""
    if score >= match_threshold:
        return "found"
    if score >= review_threshold:
        return "unsure"
    return "absent"
