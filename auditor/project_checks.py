"""Checks across the project, needing no single observation (SPEC §5):

* ``inconsistent_claim`` — a script line states a promise with a different quantity than
  the promise, or than another touchpoint's script line stating the same promise;
* ``uncovered_promise`` — a promise applies to a touchpoint whose script never states it;
* ``duplicate_transcript`` — two observations with near-identical transcripts: see
  :mod:`auditor.duplicates`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache

from rapidfuzz import fuzz

from auditor import lexicon
from auditor.counts import counts
from auditor.model import Check, Evidence
from auditor.normalize import UNIT_TOKENS, Normalizer, split_clauses
from auditor.quantity import UNIT_KINDS, Quantity
from auditor.records import Promise, ScriptLine
from auditor.subject import SPOKEN, spoken_weight, text_terms, typo_map, with_typos
from auditor.stated import Stated, clock_ranges, clock_times, in_unit, quantities, rates, same_kind

STATES_THRESHOLD = 85.0  # how closely a script line must contain a clause of a promise to state it
_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def _masked(text: str) -> str:
    return _DIGITS.sub("#", text)


_CJK = lexicon.chars("han")
_SYNONYM_TOKEN = re.compile(lexicon.token_class())  # see auditor.audit.matching_normalizer
_UNITS = sorted(UNIT_TOKENS.values(), key=len, reverse=True)  # longest first: #hkd is not #h + kd
_QUANTITY_MARK = "#(?:" + "|".join(map(re.escape, _UNITS)) + ")?"  # a masked quantity: '#min', '#day', '#'
_QUANTITY_ONLY = re.compile(rf"(?:{_QUANTITY_MARK}\s*)+")
_LEADING_QUANTITY = re.compile(rf"{_QUANTITY_MARK}\s*")
_NOT_AFTER_A_QUANTITY = "".join(f"(?<!#{re.escape(token)})" for token in UNIT_TOKENS.values() if token[-1].isalpha())
_AFTER_A_QUANTITY = "(?:" + "|".join(f"(?<=#{re.escape(token)})" for token in UNIT_TOKENS.values()) + "|(?<=#))"
# Bilingual promises put both languages in one clause ("30-day returns 30天无理由退货"):
# each language is a clause of its own. They switch after a Latin word (not after the
# unit of a quantity: "#h补卡" is one piece), between a quantity and another one that
# Chinese follows ("#min #min内"), and after Chinese.
_LANGUAGE_SWITCH = re.compile(
    rf"(?<=[a-z]){_NOT_AFTER_A_QUANTITY}\s*(?=(?:{_QUANTITY_MARK})?[{_CJK}])"
    rf"|{_AFTER_A_QUANTITY}\s+(?={_QUANTITY_MARK}[{_CJK}])"
    rf"|(?<=[{_CJK}])\s*(?=[a-z])")


# A date of a promise's period (会员免费选座（2026年10月1日至12月15日）) is when, not what:
# a script line stating the promise need not say it.
_DATE = re.compile(rf"(?:#年)?#月#[日号](?:\s*(?:至|到|{lexicon.alternation(('zh', 'range_words'))}))?")


def _clauses(text: str) -> list[str]:
    clauses = []
    for clause in split_clauses(_DATE.sub("", text)):
        carried = ""
        for part in _language_parts(clause):
            if _QUANTITY_ONLY.fullmatch(part):  # a quantity alone belongs to what follows it
                carried += part
                continue
            clauses.append(carried + part)
            carried = ""
    # A clause must say something besides its quantity to be recognised in a script line.
    return [clause for clause in clauses if _says_something(clause)]


def _language_parts(clause: str) -> list[str]:
    """One part per language. A quantity where English meets Chinese goes with the
    Chinese ("no reason needed #day无理由ꀒ"), unless the Chinese has a quantity of its
    own ("ꀓ sim ready within #h" + "补卡#h内完成")."""
    parts = [part.strip() for part in _LANGUAGE_SWITCH.split(clause)]
    for i in range(1, len(parts)):
        lead = _LEADING_QUANTITY.match(parts[i])
        has_its_own = lead is not None and "#" in parts[i][lead.end():]
        if has_its_own and parts[i - 1] and not _QUANTITY_ONLY.fullmatch(parts[i - 1]):
            parts[i - 1] = f"{parts[i - 1]} {lead.group().strip()}"
            parts[i] = parts[i][lead.end():]
    return [part for part in parts if part]


def _content_length(text: str) -> int:
    """Characters, with a synonym group's token counted as the word it stands for."""
    return len(text) + 2 * len(_SYNONYM_TOKEN.findall(text))


def _says_something(clause: str) -> bool:
    return _content_length(_QUANTITY_ONLY.sub("", clause).strip()) >= 3


# Words that carry nothing of what a promise says, and durations in any unit: without
# them, "我们会在两小时内给您回电" states "15分钟内回电" (a short clause that a line's
# own words around it would otherwise drown), and "Replacement SIM ready in 1 hour"
# states "Replacement SIM ready within 1 hour". The quantities are compared afterwards.
_EN_FUNCTION_WORDS = re.compile(rf"(?<![a-z'])(?:{lexicon.alternation(('en', 'function_words'))})(?![a-z'])")
_ZH_FUNCTION_CHARS = re.compile(f"[{lexicon.text('zh', 'function_chars')}]")
_DURATION = re.compile("#(?:" + "|".join(UNIT_TOKENS[unit] for unit, (kind, _) in UNIT_KINDS.items() if kind == "time")
                       + ")(?![a-z])")
_SPACES = re.compile(r"\s+")


def _content(masked: str) -> str:
    """'我们会在#min内给您ꀋ' -> '#ꀋ'; 'ꀓ sim ready in #h' -> 'ꀓ sim ready #' (a duration is '#')."""
    text = _ZH_FUNCTION_CHARS.sub("", _EN_FUNCTION_WORDS.sub(" ", _DURATION.sub("#", masked)))
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=4096)
def _promise_readings(promise_text: str) -> tuple[tuple[str, bool], ...]:
    """The clauses of a promise that a script line may state: (clause, as content?)."""
    readings = []
    for clause in _clauses(_masked(promise_text)):
        readings.append((clause, False))
        content = _content(clause)
        if content != clause and _says_something(content):
            readings.append((content, True))
    return tuple(readings)


@lru_cache(maxsize=4096)
def _line_readings(line_text: str) -> tuple[str, str]:
    """A script line as it is and as content (masked both)."""
    masked = _masked(line_text)
    return masked, _content(masked)


_REORDERED_MIN = 4  # characters: a shorter clause in another order is another phrase


_CHINESE_ONLY = re.compile(f"(?:[{_CJK}]|{_SYNONYM_TOKEN.pattern})+")  # Chinese and synonym tokens


def states(line_text: str, promise_text: str) -> float:
    """How clearly a (normalised) script line states a (normalised) promise, 0-100.

    Numbers are masked, so "14日无理由退货" states "30天无理由退货" — the quantity is
    compared afterwards. The line must contain most of one clause of the promise, read
    as it is or without function words (both sides read alike).
    """
    readings = _line_readings(line_text)
    best = 0.0
    for clause, as_content in _promise_readings(promise_text):
        line = readings[as_content]
        # A synonym token weighs one character in a score but stands for the clause's key
        # word: the line must have it ("we answer within 15min" does not state "call back
        # within 15min", nor "…ready in 1h" "#min内接通").
        if len(line) < 0.6 * len(clause) or not set(_SYNONYM_TOKEN.findall(clause)) <= set(line):
            continue
        best = max(best, fuzz.partial_ratio(clause, line), _reordered(clause, line))
    return best


def _reordered(clause: str, line: str) -> float:
    """A Chinese clause said with its parts in another order (会员选座免费 for 会员免费选座):
    how well a window of the line as long as the clause holds the same characters, 0-100.
    Only for clauses of Chinese (English words keep their order in what they say)."""
    if _content_length(clause) < _REORDERED_MIN or not _CHINESE_ONLY.fullmatch(clause):
        return 0.0
    wanted = sorted(clause)
    best = 0.0
    for start in range(len(line) - len(clause) + 1):
        best = max(best, fuzz.ratio(wanted, sorted(line[start:start + len(clause)])))
    return best


class ProjectAuditor:
    def __init__(self, normalizer: Normalizer, promises: list[Promise], lines: list[ScriptLine],
                 touchpoints: list[str], subjects: dict[str, dict[str, float]] | None = None):
        self.normalizer = normalizer
        self.subjects = subjects or {}  # promise key -> its subject's terms (auditor.subject)
        self.promises = promises
        self.lines = lines
        self.touchpoints = touchpoints
        self.line_text = {line.key: normalizer(line.text) for line in lines}
        self.promise_text = {promise.key: normalizer.phrase(promise.text) for promise in promises}
        self.stated_by = self._statements()
        self.around_the_clock = normalizer.phrase("24/7")  # the 24/7 synonym group, as it reads in normalised text

    def _statements(self) -> dict[str, list[ScriptLine]]:
        """promise key -> the script lines that state it: linked, or by their wording, or
        (a line no promise's wording fits) in other words of the one promise whose subject
        it speaks of most, with a quantity of that promise's kind."""
        stated: dict[str, list[ScriptLine]] = defaultdict(list)
        for line in self.lines:
            if line.kind == "forbidden":
                continue
            found = [promise for promise in self.promises if line.promise == promise.key or not line.promise
                     and states(self.line_text[line.key].text, self.promise_text[promise.key]) >= STATES_THRESHOLD]
            if not found and not line.promise:
                found = self._by_subject_and_quantity(line)
            for promise in found:
                stated[promise.key].append(line)
        return stated

    def _by_subject_and_quantity(self, line: ScriptLine) -> list[Promise]:
        """"we'll refund you within a day" states "refund within 24 hours"; 按金會喺退房後3日內
        退返 states 退房后3天内退还押金: the promise it speaks of most (none on a tie)."""
        text = self.line_text[line.key].text
        stated = quantities(text)
        if not stated:
            return []
        terms = text_terms(text)
        weights = []
        for promise in self.promises:
            subject = self.subjects.get(promise.key)
            own = quantities(self.promise_text[promise.key])
            unit = promise.unit or (own[0].unit if own else None)
            if not subject or unit is None or not any(same_kind(q.unit, unit) for q in stated):
                continue
            weight = spoken_weight(with_typos(terms, typo_map(terms, subject)), subject)
            if weight >= SPOKEN:
                weights.append((weight, promise))
        weights.sort(key=lambda found: found[0], reverse=True)
        if not weights or len(weights) > 1 and weights[1][0] == weights[0][0]:
            return []
        return [weights[0][1]]

    def checks(self) -> list[Check]:
        return [*self.inconsistent_claims(), *self.uncovered_promises()]

    def _line_quantity(self, line: ScriptLine, promise: Promise) -> Stated | None:
        """The line's first quantity of the promise's kind (not the period of a count: the
        hour of "3 departures an hour" is no duration)."""
        text = self.line_text[line.key].text
        counts = rates(text)
        return next((q for q in quantities(text) if (promise.unit is None or same_kind(q.unit, promise.unit))
                     and not any(rate.start <= q.start < rate.end for rate in counts)), None)

    def _claim(self, line: ScriptLine, promise: Promise, span: tuple[int, int], consistent: bool,
               reason: str) -> Check:
        text = self.line_text[line.key]
        start, end = text.to_original(*span)
        return Check(
            observation=None, touchpoint=line.touchpoint, target_type="script_line", target=line.key,
            verdict="kept" if consistent else "broken", kind="inconsistent_claim", score=100.0,
            evidence=Evidence(text.original[start:end], start, end), weight=max(line.weight, promise.weight),
            promise=promise.key, script_line=line.key, expected=promise.text, observed=line.text, reason=reason)

    def inconsistent_times(self, promise: Promise, judged: set[str]) -> list[Check]:
        """Times of day a line states against the promise's: service hours (9:00至21:00)
        against a promise of 24/7, a late check-out until 下午1点 against one until 14:00."""
        found = []
        lines = [line for line in self.stated_by.get(promise.key, []) if line.key not in judged]
        promise_text = self.promise_text[promise.key]
        if self.around_the_clock and self.around_the_clock in promise_text:
            for line in lines:
                for first, last in clock_ranges(self.line_text[line.key].text):
                    if (first.minutes, last.minutes) != (0, 0):  # 00:00-24:00 is around the clock
                        found.append(self._claim(line, promise, (first.start, last.end), False,
                                                 f"states service hours {first}-{last} as the promise says 24/7"))
                        break
            return found
        own = {time.minutes: time for time in clock_times(promise_text)}
        if promise.target is not None or len(own) != 1:
            return found
        (reference,) = own.values()
        for line in lines:
            times = clock_times(self.line_text[line.key].text)
            if times:
                time = times[0]
                consistent = time.minutes == reference.minutes
                found.append(self._claim(line, promise, (time.start, time.end), consistent,
                                         f"states the promise's {time}" if consistent
                                         else f"states {time} as the promise says {reference}"))
        return found

    def inconsistent_rates(self, promise: Promise) -> list[Check]:
        """Counts per period a line states against the promise's: 每小时一班 against "at
        least 2 departures an hour" (a different figure, stricter or not, is another claim)."""
        own = {round(rate.per_hour, 9): rate for rate in rates(self.promise_text[promise.key])}
        if len(own) != 1:
            return []
        (reference,) = own.values()
        found = []
        for line in self.stated_by.get(promise.key, []):
            stated = rates(self.line_text[line.key].text)
            if stated:
                rate = stated[0]
                consistent = abs(rate.per_hour - reference.per_hour) < 1e-9
                found.append(self._claim(line, promise, (rate.start, rate.end), consistent,
                                         f"states the promise's {rate}" if consistent
                                         else f"states {rate} as the promise says {reference}"))
        return found

    def inconsistent_counts(self, promise: Promise, judged: set[str]) -> list[Check]:
        """Counts of people or things a line states against the promise's (auditor.counts):
        两位同行人士 against "bring one guest" (一位同行者). Only what the promise counts once."""
        own: dict[str, set[float]] = {}
        for count in counts(self.promise_text[promise.key]):
            own.setdefault(count.key, set()).add(count.value)
        own = {key: values for key, values in own.items() if len(values) == 1}
        found = []
        for line in self.stated_by.get(promise.key, []):
            if line.key in judged:
                continue
            count = next((c for c in counts(self.line_text[line.key].text) if c.key in own), None)
            if count is not None:
                (reference,) = own[count.key]
                consistent = count.value == reference
                found.append(self._claim(line, promise, (count.start, count.end), consistent,
                                         f"states the promise's count {count.value:g}" if consistent
                                         else f"states a count of {count.value:g} as the promise says {reference:g}"))
        return found

    def inconsistent_claims(self) -> list[Check]:
        found = []
        for promise in self.promises:
            found.extend(self.inconsistent_rates(promise))
            found.extend(self.inconsistent_times(promise, {line.key for line in self.stated_by.get(promise.key, [])
                                                           if self._line_quantity(line, promise) is not None}))
            lines = self.stated_by.get(promise.key, [])
            judged = {check.target for check in found if check.promise == promise.key}
            found.extend(self.inconsistent_counts(promise, judged | {
                line.key for line in lines if self._line_quantity(line, promise) is not None}))
            stated = [(line, q) for line in lines if (q := self._line_quantity(line, promise)) is not None]
            if not stated:
                continue
            # The unit the quantities are compared in: the promise's, or (a promise without
            # one) the first script's, so "2天" and "48 hours" agree and "2小时" does not.
            unit = promise.unit or stated[0][1].unit
            stated = [(line, q) for line, q in stated if same_kind(q.unit, unit)]
            if promise.target is not None:
                reference = in_unit(promise.target, promise.unit, promise.unit)
                what = f"the promise says {Quantity(promise.target, promise.unit)}"
                # its own words may name the target in another unit of the kind ("within 5
                # working days" with a target of 5 day): what its scripts must say is that
                worded = {q.unit for q in quantities(self.promise_text[promise.key])
                          if q.value == promise.target and q.unit != promise.unit and same_kind(q.unit, unit)}
                if len(worded) == 1:
                    (worded_unit,) = worded
                    reference = in_unit(promise.target, worded_unit, unit)
                    what = f"the promise says {Quantity(promise.target, worded_unit)}"
            elif len(own := {round(in_unit(q.value, q.unit, unit), 6) for q in quantities(self.promise_text[promise.key])
                             if same_kind(q.unit, unit)}) == 1:
                # no target, but the promise's own words state one ("free cancellation up to
                # 24 hours before arrival"): that is what its scripts must say
                reference = own.pop()
                what = f"the promise says {Quantity(reference, unit)}"
            else:  # no target, no quantity of its own: the wording most scripts use is the reference
                values = Counter(round(in_unit(q.value, q.unit, unit), 6) for _, q in stated)
                if len(values) < 2:
                    continue
                ranked = values.most_common()
                # With no majority there is no reference: every line contradicts another.
                reference = ranked[0][0] if ranked[0][1] > ranked[1][1] else float("nan")
                what = (f"most scripts say {Quantity(reference, unit)}" if reference == reference
                        else "other touchpoints' scripts say otherwise")
            for line, quantity in stated:
                consistent = abs(in_unit(quantity.value, quantity.unit, unit) - reference) < 1e-6
                said = Quantity(quantity.value, quantity.unit)
                found.append(self._claim(line, promise, (quantity.start, quantity.end), consistent,
                                         f"states the promise's {said}" if consistent else f"states {said} as {what}"))
        return found

    def uncovered_promises(self) -> list[Check]:
        found = []
        for promise in self.promises:
            covered = {line.touchpoint for line in self.stated_by.get(promise.key, [])}
            for touchpoint in self.touchpoints:
                if not promise.applies_to(touchpoint):
                    continue
                is_covered = touchpoint in covered
                found.append(Check(
                    observation=None, touchpoint=touchpoint, target_type="promise", target=promise.key,
                    verdict="kept" if is_covered else "broken", kind="uncovered_promise", weight=promise.weight,
                    promise=promise.key, expected=promise.text,
                    observed=None if is_covered else f"no script line of {touchpoint} states it",
                    reason="stated by the touchpoint's script" if is_covered
                    else "the touchpoint's script never states this promise",
                ))
        return found
