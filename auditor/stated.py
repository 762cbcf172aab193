"""Quantities stated in text: "called back after 2.5 hours", "7天无理由退货".

Works on normalised text, where every quantity reads ``<number><unit>`` (``2.5h``,
``7day``). A transcript quantity counts as a measurement of a promise's metric only when
words of that metric stand near it, and not when the shopper is quoting a claim ("the
site says 48h delivery") rather than reporting what happened.
"""

from __future__ import annotations

import re
from datetime import date as calendar_date
from functools import lru_cache
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from auditor import lexicon
from auditor.asked import is_asked
from auditor.lexicon import char_class, token_class
from auditor.normalize import NUMBER_UNIT, UNIT_TOKENS, clause_end, clause_start, fold_text, in_quotes, split_clauses
from auditor.quantity import CN_NUMERAL_CHARS, UNIT_KINDS, canonical_unit, chinese_to_number, convert

_TOKENS = re.compile(token_class())  # synonym groups, see auditor.audit.matching_normalizer
_NEAR = 32  # characters either side of a quantity in which the metric's words must appear
_STOP_WORDS = frozenset(lexicon.words("en", "metric_stop_words")) | frozenset(UNIT_TOKENS.values())
_CJK_STOP = frozenset(lexicon.text("zh", "metric_stop_chars"))
_HAN = re.compile(char_class("han"))
_CLAIM_WORDS = ("en", "claim_words"), ("zh", "claim_words")
_WITHIN_AFTER = re.compile(rf"\s*(?:{lexicon.alternation(('zh', 'bound_after'))})")
_WITHIN_BEFORE = re.compile(rf"(?:{lexicon.alternation(('en', 'bound_before'), ('zh', 'bound_before'))})\s*$")
_CLAIM_AT_END = re.compile(rf"(?:{lexicon.alternation(('zh', 'claim_at_end'))})\s*$")
_CLAIM_ENDS = ("en", "claim_ends"), ("zh", "claim_ends")
# "picked up within 30 seconds", "十分钟内就办好了": a bound that happened, not a promise.
_PAST_BEFORE_WITHIN = re.compile(
    rf"(?:\b[a-z]+ed|\b(?:{lexicon.alternation(('en', 'measured_within_before'))}))"
    rf"(?:\s+(?:{'|'.join(lexicon.table('en', 'measured_within_before')['particles'])}))?\s+"
    rf"(?:{lexicon.alternation(('en', 'bound_before'))})\s*$")
_DONE_AFTER_WITHIN = re.compile(
    rf"\s*(?:{lexicon.alternation(('zh', 'bound_after'))})(?:{lexicon.alternation(('zh', 'measured_within_after'))})")
_OPERATORS = {
    "<=": lambda value, target: value <= target,
    "<": lambda value, target: value < target,
    ">=": lambda value, target: value >= target,
    ">": lambda value, target: value > target,
    "==": lambda value, target: abs(value - target) < 1e-9,
}


@dataclass(slots=True)
class Stated:
    """One quantity found in normalised text. (Treat it as immutable: :func:`quantities`
    shares its results. Not frozen, because a frozen dataclass is slow to make, and the
    audit makes one for every quantity of every record.)"""

    value: float
    unit: str  # canonical unit of auditor.quantity (min, h, day, week, %, CNY …)
    start: int
    end: int
    # What the text says the quantity lies between (in ``unit``; None: no bound that side).
    # "20-25 min" is 20..25, "20多分钟" 20..30 with 20 itself excluded, "well over half an
    # hour" 30.. (excluded), "not even 5 minutes" ..5; "about 30 minutes" is 30..30.
    low: float | None = None
    high: float | None = None
    low_open: bool = False  # the lower bound itself is excluded ("more than")
    # A time between two times of day (auditor.stated.elapsed): 23:40 .. 00:25 is 45 min.
    since: str | None = None
    until: str | None = None
    since_span: tuple[int, int] | None = None  # where the first of the two times stands

    within: bool = False  # said as a bound: "within 2 hours", 15分钟内 (auditor.stated._within)

    def __post_init__(self) -> None:
        if self.low is None and self.high is None and not self.low_open:
            self.low = self.high = self.value

    def judge(self, operator: str, target: float, unit: str | None) -> bool | None:
        """Does what the text says keep ``operator target`` (in ``unit``)? True, False, or
        None when it cannot tell ("over an hour" against <= 2 h). A range keeps a promise
        only when all of it does: the bound that decides is the one nearest the breach."""
        low = None if self.low is None else in_unit(self.low, self.unit, unit)
        high = None if self.high is None else in_unit(self.high, self.unit, unit)
        if operator in ("<=", "<"):
            if high is not None and meets(high, operator, target):
                return True
            if low is not None and (not meets(low, operator, target) or self.low_open and low >= target):
                return False
            return False if low is not None and high is not None else None
        if operator in (">=", ">"):
            if low is not None and (meets(low, operator, target) or self.low_open and low >= target):
                return True
            if high is not None and not meets(high, operator, target):
                return False
            return False if low is not None and high is not None else None
        if low is not None and low == high and not self.low_open:
            return meets(low, operator, target)
        return None

    def quoted_span(self) -> tuple[int, int]:
        """What evidence quotes: the quantity, or both times of an elapsed time when they
        stand close enough to quote ("order at 23:40 … It arrived at 00:25")."""
        if self.since_span is None:
            return self.start, self.end
        start, end = min(self.start, self.since_span[0]), max(self.end, self.since_span[1])
        return (start, end) if end - start <= _LONGEST_QUOTE else (self.start, self.end)

    def describe(self) -> str:
        """The quantity as the reason states it: ``25 min``, ``20-30 min``, ``20+ min``, ``<5 min``."""
        if self.since is not None:
            return f"{self.value:g} {self.unit} ({self.since} to {self.until})"
        if self.low_open and self.low is not None:
            return f"{self.low:g}+ {self.unit}"
        if self.low is None and self.high is not None:
            return f"<{self.high:g} {self.unit}"
        if self.low is not None and self.high is not None and self.low != self.high:
            return f"{self.low:g}-{self.high:g} {self.unit}"
        return f"{self.value:g} {self.unit}"


@lru_cache(maxsize=None)
def canonical(unit_token: str) -> str | None:
    """The auditor.quantity unit for a normalised unit token (``cny`` -> ``CNY``, ``sec`` -> ``s``)."""
    return canonical_unit(unit_token)


_MORE_BEFORE = re.compile(rf"(?:{lexicon.alternation(('en', 'more_than'), ('zh', 'more_than'))})\s*$")
_LESS_BEFORE = re.compile(rf"(?:{lexicon.alternation(('en', 'less_than'), ('zh', 'less_than'))})\s*$")
_MORE_AFTER = re.compile(rf"\s*(?:{lexicon.alternation(('zh', 'more_after'))})")
_LESS_AFTER = re.compile(rf"\s*(?:{lexicon.alternation(('zh', 'less_after'))})")
# Any bound word at all, before or after a quantity: one scan each, for the common quantity
# that has none (the patterns above then say which).
_ANY_BEFORE = re.compile(rf"(?:{lexicon.alternation(('en', 'more_than'), ('zh', 'more_than'), ('en', 'less_than'), ('zh', 'less_than'), ('en', 'bound_before'), ('zh', 'bound_before'))})\s*$")
_ANY_AFTER = re.compile(rf"\s*(?:{lexicon.alternation(('zh', 'more_after'), ('zh', 'less_after'), ('zh', 'bound_after'))})")


def _next_place(value: float) -> float:
    """What 多 after a number reaches up to: 20多 -> 30, 1多 -> 2, 300多 -> 400, 0.5多 -> 1."""
    if value < 1:
        return 1.0
    if value < 10:
        return float(int(value) + 1)
    place = 10 ** (len(str(int(value))) - 1)
    return float((int(value) // place + 1) * place)


_BOUND_REACH = 24  # characters before a quantity in which its bound words stand ("in excess of")


@lru_cache(maxsize=1024)
def quantities(text: str) -> tuple[Stated, ...]:
    """Every quantity of a normalised text, with the bounds its words give it (cached: a
    transcript is read for several promises and lines)."""
    found = []
    for match in NUMBER_UNIT.finditer(text):
        unit = canonical(match.group("unit"))
        if unit is None:
            continue
        value = float(match.group("value"))
        start, end = match.start(), match.end()
        clause = clause_start(text, start)
        more = match.group("more") or text[end:end + 1] == "多"  # 20多分钟, 一天多: up to the next place
        before = text[max(clause, start - _BOUND_REACH):start]
        bound_before, bound_after = _ANY_BEFORE.search(before) is not None, _ANY_AFTER.match(text, end) is not None
        within = (bound_before or bound_after) and _within(text, clause, start, end)
        more_after = less_after = False
        if bound_after:  # the longer word decides: 半日都未够 is "not even half a day", 一周都未见 "over a week"
            more_match, less_match = _MORE_AFTER.match(text, end), _LESS_AFTER.match(text, end)
            more_after = more_match is not None and (less_match is None or more_match.end() > less_match.end())
            less_after = less_match is not None and not more_after
        if (more or more_after
                or bound_before and _MORE_BEFORE.search(before)):
            high = _next_place(value) if more else None
            found.append(Stated(value, unit, start, end, value, high, low_open=True, within=within))
        elif match.group("low") is not None and float(match.group("low")) < value:
            found.append(Stated(value, unit, start, end, float(match.group("low")), value, within=within))
        elif (bound_before and _LESS_BEFORE.search(before) or less_after
              or within and _measured_within(text, clause, start, end)):
            found.append(Stated(value, unit, start, end, None, value, within=within))
        else:
            found.append(Stated(value, unit, start, end, value, value, within=within))
    if any(_CORRECTED.match(text, stated.end) for stated in found):  # (anchored: fails at once, mostly)
        found = _corrected(text, found)
    return tuple(found)


# "two days later, no, three", 两个小时，应该是三个小时: the second quantity takes the first's place.
_CORRECTED = re.compile(
    r"[^|\d]{0,12}?"  # "later", 之后 … between the quantity and the correction
    rf"(?:\|\s*(?:{lexicon.alternation(('en', 'correction_clauses'), ('zh', 'correction_clauses'))})\s*\|"
    rf"|[|\s]?\s*(?:{lexicon.alternation(('en', 'correction_words'), ('zh', 'correction_words'))})\s*)\s*(?=\d)")
_BARE_NUMBER = re.compile(r"\d+(?:\.\d+)?(?![\d.])")


def _corrected(text: str, found: list[Stated]) -> list[Stated]:
    """Quantities with the ones a record takes back replaced by what corrects them, at the
    place of both (the words of the metric may stand by the first; evidence quotes the whole
    correction): "2 days later, no, 3 days"; "two days later, no, three" is three days, in
    the first one's unit."""
    starts = {stated.start: stated for stated in found}
    kept: list[Stated] = []
    for stated in found:
        if kept and kept[-1].end > stated.start:
            stated = kept.pop()  # the correction of the one before, which now spans it (and may be corrected again)
        while (match := _CORRECTED.match(text, stated.end)) is not None:
            if (then := starts.get(match.end())) is not None:
                if same_kind(then.unit, stated.unit):  # (not "2 hours, no, 3 bags": another thing)
                    stated = Stated(then.value, then.unit, stated.start, then.end, then.low, then.high,
                                    then.low_open, within=then.within)
                break
            if (number := _BARE_NUMBER.match(text, match.end())) is None:
                break
            value = float(number.group())
            stated = Stated(value, stated.unit, stated.start, number.end(), value, value, within=stated.within)
        kept.append(stated)
    return kept


_EN_PERIODS = lexicon.table("en", "day_periods")
_ZH_PERIODS = lexicon.table("zh", "day_periods")
_CN_HOUR = "[" + "".join(lexicon.table("zh", "numerals")["digits"]) + "十]{1,3}"
_EN_PERIOD = "|".join(sorted(map(re.escape, _EN_PERIODS), key=len, reverse=True))  # am, pm …
_ZH_PERIOD = "|".join(sorted(_ZH_PERIODS, key=len, reverse=True))  # 上午, 下午 …
_CLOCK_STARTS = "(?=[0-9" + "".join(sorted({period[0] for period in _ZH_PERIODS})) + "])"  # where a time may start
_CLOCK = re.compile(
    _CLOCK_STARTS +  # (a lookahead first: re scans for those characters instead of trying everywhere)
    r"(?:(?<![0-9.:])(?P<h>[0-9]{1,2}):(?P<m>[0-9]{2})(?![0-9])"
    rf"(?:\s?(?P<ap>{_EN_PERIOD})(?![a-z]))?"
    rf"|(?<![0-9.:])(?P<h2>[0-9]{{1,2}})\s?(?P<ap2>{_EN_PERIOD})(?![a-z])"
    rf"|(?P<period>{_ZH_PERIOD})(?P<hz>[0-9]{{1,2}}|{_CN_HOUR})点(?P<half>半)?)")
_CLOCK_RANGE_GAP = re.compile(rf"\s*(?:-|~|{lexicon.alternation(('en', 'range_words'), ('zh', 'range_words'))})?\s*\Z")


@dataclass(frozen=True)
class ClockTime:
    """A time of day stated in normalised text (14:00, 2 pm, 下午两点), in minutes after midnight."""

    minutes: int
    start: int
    end: int
    weekday: int | None = None  # Monday is 0: "Thu 10:00", 周四上午10点
    next_day: bool = False  # on the day after the record's other times: "the next morning at 9:40", 隔天早上9点
    date: int | None = None  # a date right before it (11/7（六）早上10:40), as a day number (of a leap year)

    def __str__(self) -> str:
        day = (f"{(on := calendar_date.fromordinal(self.date)).month}/{on.day} " if self.date is not None
               else _DAY_NAMES[self.weekday] + " " if self.weekday is not None else "next day " if self.next_day else "")
        return f"{day}{self.minutes // 60:02d}:{self.minutes % 60:02d}"


_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_WEEKDAYS = {fold_text(word): day for language in lexicon.LANGUAGES for word, day in lexicon.table(language, "weekdays").items()}
_WEEKDAY_BEFORE = re.compile(
    rf"(?<![{lexicon.chars('latin')}])(?P<day>{lexicon.alternation_of(_WEEKDAYS)})\s*(?:(?:at|on)\s+)?(?:{_ZH_PERIOD})?\s*\Z")
_WEEKDAY_AFTER = re.compile(  # "14:20 on Saturday", 10:05（周一）
    rf"\s*(?:on\s+|\(|（)?(?P<day>{lexicon.alternation_of(_WEEKDAYS)})(?![{lexicon.chars('latin')}])")
_NEXT_DAY = re.compile(lexicon.alternation_of(fold_text(word) for language in lexicon.LANGUAGES
                                              for word in lexicon.words(language, "next_day")))
_DAY_REACH = 20  # characters before a time of day in which the words of the next day stand
_DATE_BEFORE = re.compile(  # 11/7六早上 (its brackets gone), 11月12日上午, 12月6日周日 …
    rf"(?<![0-9/])(?P<m>1[0-2]|0?[1-9])(?:/|月)(?P<d>3[01]|[12][0-9]|0?[1-9])(?:日|号)?(?![0-9])"
    rf"\s*(?:{lexicon.alternation_of(_WEEKDAYS)}|[一二三四五六日天])?\s*(?:{_ZH_PERIOD})?\s*\Z")


def _day_of(text: str, start: int, end: int) -> tuple[int | None, bool, int | None]:
    """The day of the week right before a time of day (or right after it: "14:20 on
    Saturday"), whether words just before it in its clause put it on the next day, and the
    date right before it."""
    weekday = _WEEKDAY_BEFORE.search(text, max(0, start - 16), start) or _WEEKDAY_AFTER.match(text, end)
    reach = max(clause_start(text, start), start - _DAY_REACH)
    date = _DATE_BEFORE.search(text, max(0, start - 14), start)
    return ((_WEEKDAYS[weekday["day"]] if weekday else None), _NEXT_DAY.search(text, reach, start) is not None,
            _day_number(int(date["m"]), int(date["d"])) if date else None)


def _day_number(month: int, day: int) -> int | None:
    """A date's day number in a leap year (11/30 and 12/1 are one day apart; 2/29 exists)."""
    try:
        return calendar_date(2000, month, day).toordinal()
    except ValueError:  # 2/31
        return None


def clock_times(text: str) -> list[ClockTime]:
    """The times of day of a normalised text."""
    found = []
    for match in _CLOCK.finditer(text):
        if match["h"] is not None:
            hour, minute, period = int(match["h"]), int(match["m"]), match["ap"]
            before = next((p for p in _ZH_PERIODS if text.endswith(p, 0, match.start())), None)  # 下午2:30
            offset = _EN_PERIODS[period] if period else _ZH_PERIODS[before] if before else 0
        elif match["h2"] is not None:
            hour, minute, offset = int(match["h2"]), 0, _EN_PERIODS[match["ap2"]]
        else:
            hour_text = match["hz"]
            hour = int(hour_text) if hour_text.isdigit() else int(chinese_to_number(hour_text))
            minute, offset = (30 if match["half"] else 0), _ZH_PERIODS[match["period"]]
        if offset and hour < 12 and not (match["period"] == "中午" and hour >= 11):
            hour += offset
        if hour <= 24 and minute < 60:
            found.append(ClockTime(hour % 24 * 60 + minute, match.start(), match.end(), *_day_of(text, match.start(), match.end())))
    return found


def clock_ranges(text: str) -> list[tuple[ClockTime, ClockTime]]:
    """Pairs of times of day that make a span ("9:00至21:00", "9am-9pm", "09:00 21:00")."""
    times = clock_times(text)
    return [(first, second) for first, second in zip(times, times[1:])
            if _CLOCK_RANGE_GAP.match(text[first.end:second.start])]


# Where a time of day may be (a cheap scan before _CLOCK's long pattern): 14:00, 2 pm, 下午…
_CLOCK_HINT = re.compile(
    _CLOCK_STARTS +
    rf"(?:[0-9]:[0-9]|[0-9]\s?(?:{_EN_PERIOD})"
    rf"|(?:{_ZH_PERIOD}))")
_LONGEST_QUOTE = 160  # characters: evidence of an elapsed time quotes both times when they are this close
_LONGEST_ELAPSED = 12 * 60  # minutes: beyond it, two times of day are of different days or events


@lru_cache(maxsize=1024)
def elapsed(text: str) -> tuple[Stated, ...]:
    """The time to each time of day a record states from the one before it ("ordered at
    23:40 … it arrived at 00:25": 45 min), at the later time's place, so that the words
    around it say what took that long. "Before" is on the clock, not in the text: the record
    may tell the end first. Spans that are opening hours (9:00至21:00) are no elapsed time."""
    if len(_CLOCK_HINT.findall(text)) < 2:
        return ()  # most records state no two times of day
    # A time the shopper asked for, or one somebody promised, is no event ("I asked for 2 pm").
    times = [time for time in clock_times(text) if not is_asked(text, time.start, time.end)
             and not _is_claim(text, Stated(0.0, "min", time.start, time.end))]
    if len(times) < 2:
        return ()
    ranges = {(first.start, second.start) for first, second in clock_ranges(text)}
    found = []
    for later in times:
        gaps = [(minutes, earlier) for earlier in times
                if (earlier.start, later.start) not in ranges and (later.start, earlier.start) not in ranges
                and (minutes := _gap(earlier, later)) is not None
                and not ((back := _gap(later, earlier)) is not None and back < minutes)]
        if gaps:
            minutes, earlier = min(gaps, key=lambda gap: gap[0])
            value, unit = (float(minutes), "min") if minutes < 120 else (round(minutes / 60, 2), "h")
            found.append(Stated(value, unit, later.start, later.end, since=str(earlier), until=str(later),
                                since_span=(earlier.start, earlier.end)))
    return tuple(found)


_LONGEST_DAYS = 7 * 24 * 60  # minutes: the most two times of named weekdays may be apart (of dates: twice that)


def _gap(earlier: ClockTime, later: ClockTime) -> int | None:
    """The minutes from one time of day to another, when the record lets them be one span:
    on one day (at most :data:`_LONGEST_ELAPSED` apart), on named days of the week ("Mon
    18:30 … Thu 10:00"), or the second on the next day ("22:10 … the next morning at 9:40")."""
    if earlier.date is not None and later.date is not None:
        minutes = (later.date - earlier.date) * 24 * 60 + later.minutes - earlier.minutes
        return minutes if 0 < minutes <= 2 * _LONGEST_DAYS else None
    if earlier.weekday is not None and later.weekday is not None:
        minutes = (later.weekday - earlier.weekday) % 7 * 24 * 60 + later.minutes - earlier.minutes
        return minutes if 0 < minutes <= _LONGEST_DAYS else None
    if later.next_day != earlier.next_day:
        minutes = 24 * 60 + later.minutes - earlier.minutes
        return minutes if later.next_day and 0 < minutes < 2 * 24 * 60 else None
    minutes = (later.minutes - earlier.minutes) % (24 * 60)
    return minutes if 0 < minutes <= _LONGEST_ELAPSED else None


_PERIOD_HOURS = {"h": 1.0, "day": 24.0, "week": 168.0, "month": 730.0, "year": 8760.0}


def _periods(language: str) -> dict[str, str]:
    """A period's word -> its canonical period, from the lexicon's rates."""
    return {word: period for period, words in lexicon.table(language, "rates")["periods"].items() for word in words}


_EN_RATES, _ZH_RATES = lexicon.table("en", "rates"), lexicon.table("zh", "rates")
_EN_PERIOD_WORDS, _ZH_PERIOD_WORDS = _periods("en"), _periods("zh")


_RATE = re.compile(
    rf"(?<![0-9.])(?P<n>[0-9]+(?:\.[0-9]+)?)\s+(?:\S+\s+){{0,2}}?(?P<counted>{lexicon.alternation_of(_EN_RATES['counted'])})"
    rf"(?:e?s)?\s+(?:(?:{lexicon.alternation_of(w for w in _EN_RATES['per'] if w != '1')})\s+)?1?"
    rf"(?P<period>{lexicon.alternation_of(_EN_PERIOD_WORDS)})(?![a-z])"
    rf"|(?:{lexicon.alternation_of(_ZH_RATES['per'])})(?P<zperiod>{lexicon.alternation_of(_ZH_PERIOD_WORDS)})"
    rf"(?:{lexicon.alternation_of(_ZH_RATES['between'])})?(?P<zn>[0-9]+|[{''.join(sorted(CN_NUMERAL_CHARS))}]+)"
    rf"(?P<zcounted>{lexicon.alternation_of(_ZH_RATES['counted'])})")


@dataclass(frozen=True)
class Rate:
    """How often something happens, as a text states it: 2 departures an hour, 每年三次."""

    per_hour: float
    count: float
    period: str  # canonical: h, day, week, month, year
    start: int
    end: int

    def __str__(self) -> str:
        return f"{self.count:g}/{self.period}"


@lru_cache(maxsize=1024)
def rates(text: str) -> tuple[Rate, ...]:
    """The counts per period of a normalised text ("at least 2 departures 1h", 每小时一班)."""
    found = []
    for match in _RATE.finditer(text):
        if match["n"] is not None:
            count, period = float(match["n"]), _EN_PERIOD_WORDS[match["period"]]
        else:
            digits = match["zn"]
            try:
                count = float(digits) if digits.isdigit() else float(chinese_to_number(digits))
            except ValueError:
                continue
            period = _ZH_PERIOD_WORDS[match["zperiod"]]
        found.append(Rate(count / _PERIOD_HOURS[period], count, period, match.start(), match.end()))
    return tuple(found)


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
    text = normalised_promise
    for stated in quantities(text):
        start, end = max(0, stated.start - 14), min(len(text), stated.end + 8)
        # whole words only, widened: "der" of a cut "under" would tie a quantity near "order"
        while 0 < start and text[start - 1].isascii() and text[start - 1].isalpha() and text[start].isalpha():
            start -= 1
        while end < len(text) and text[end - 1].isascii() and text[end - 1].isalpha() and text[end].isalpha():
            end += 1
        before = split_clauses(text[start:stated.start])[-1]
        after = split_clauses(text[stated.end:end])[0]
        words.update(_content_words(before) | _content_words(after))
    return sorted(words)


def metric_vocabulary(metric: str, unit: str | None = None) -> tuple[list[str], list[str]]:
    """The lexicon's words for what a metric measures, in every language, as written
    (normalise them before use): ``wait_time`` -> wait, queue, 等, 排队 …; and, for a
    metric in a unit of time, the words of waiting, weaker (how long anything took)."""
    names = re.findall(r"[a-z]+", metric.lower())
    own: list[str] = []
    vocabularies = [lexicon.table(language, "metric_vocabulary") for language in lexicon.LANGUAGES]
    for concept, entry in vocabularies[0].items():
        if any(name.startswith(prefix) for prefix in entry["names"] for name in names):
            for vocabulary in vocabularies:
                own.extend(vocabulary.get(concept, {}).get("words", ()))
    waiting = [word for vocabulary in vocabularies for word in vocabulary["wait"]["words"]] \
        if unit in _TIME_RANK else []
    return own, [word for word in waiting if word not in own]


def _content_words(text: str) -> set[str]:
    words = {word for word in re.findall(r"[a-z]{3,}", text) if word not in _STOP_WORDS}
    words.update(_TOKENS.findall(text))  # a synonym group's token is a word of its own
    cjk = "".join(char for char in _HAN.findall(text) if char not in _CJK_STOP)
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
    if _claimed(text, start, stated.start):
        return True
    # 网站上写着，72小时送达: a clause mark ended the clause just after the claim word.
    if start >= 2 and _CLAIM_AT_END.search(text, max(0, start - 8), start - 1):
        return True
    if stated.within:
        return not _measured_within(text, start, stated.start, stated.end)
    return False


def _within(text: str, clause: int, start: int, end: int) -> bool:
    """Is the quantity at [start, end) a bound ("within 2 hours", 15分钟内)?"""
    return bool(_WITHIN_AFTER.match(text, end) or _WITHIN_BEFORE.search(text[max(clause, start - 12):start]))


def _claimed(text: str, start: int, end: int) -> bool:
    """Does a claim word in ``text[start:end]`` reach ``end``? A word such as "took", "but",
    实际 after it ends its reach: "said five minutes and it took 6 minutes"."""
    while True:
        claim = lexicon.find_any(_CLAIM_WORDS, text, start, end)
        if claim is None:
            return False
        ends = lexicon.find_any(_CLAIM_ENDS, text, claim.end(), end)
        if ends is None:
            return True
        start = ends.end()


def _measured_within(text: str, clause: int, start: int, end: int) -> bool:
    """Is the bound around a quantity what happened ("picked up within 30 seconds",
    十分钟内就办好了) rather than what was promised?"""
    return bool(_PAST_BEFORE_WITHIN.search(text[max(clause, start - 40):start])
                or _DONE_AFTER_WITHIN.match(text, end))


_TIME_SCALE = ("s", "min", "h", "day", "week")
_TIME_RANK = {**{unit: rank for rank, unit in enumerate(_TIME_SCALE)}, "workday": _TIME_SCALE.index("day")}


@lru_cache(maxsize=None)
def _plausible(unit: str, promise_unit: str | None) -> bool:
    """Could a reported quantity in ``unit`` measure a promise in ``promise_unit``?
    Time units a step apart convert naturally (2.5 h for a 15-minute call-back), and a
    larger one two steps up may (a whole week for a 48-hour delivery: see
    :meth:`MetricIndex._too_far`); a 3-minute wait is never a 30-day return window."""
    if promise_unit is None:
        return False
    if not same_kind(unit, promise_unit):
        return False
    if unit in _TIME_RANK and promise_unit in _TIME_RANK:
        return -1 <= _TIME_RANK[unit] - _TIME_RANK[promise_unit] <= 2
    return True


@lru_cache(maxsize=256)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """One alternation of the words, longest first (touchpoints with the same promises share it)."""
    return re.compile("|".join(map(re.escape, words))) if words else None


_WAITING = 2  # the strength of the words of waiting (MetricIndex)
_FAR_FACTOR = 10  # how many times a promise's target a quantity two time units above may be
_WAITED_NEAR = 8  # how far before a quantity they may stand (足足等了|七分钟, "waited fifty-five minutes")


class MetricIndex:
    """The measurable promises of one touchpoint, indexed by their metric words, so that
    a transcript is scanned once per quantity rather than once per promise."""

    def __init__(self, metrics: dict[str, tuple[str | None, list[str]]],
                 vocabulary: dict[str, Sequence[Sequence[str]]] | None = None,
                 targets: Mapping[str, float] | None = None):
        # word -> [(promise, unit, strength)]: 0 for the promise's own words, then the
        # lexicon's (vocabulary[key], weakest last): the words of its metric (等 is any
        # wait's; 补卡 is the SIM promise's own), then the words of waiting, which any
        # promise in a unit of time may own when no other does (足足等了七分钟 on a chat)
        self.owners: dict[str, list[tuple[str, str | None, int]]] = {}
        for key, (unit, words) in metrics.items():
            for word in words:
                self.owners.setdefault(word, []).append((key, unit, 0))
            for strength, tier in enumerate((vocabulary or {}).get(key, ()), start=1):
                for word in tier:
                    self.owners.setdefault(word, []).append((key, unit, strength))
        # The pattern finds the longest word at a place: a word inside it is there too ("check"
        # holds the deposit promise's "chec" of check-out), so its owners own the longer one.
        for word, entries in list(self.owners.items()):
            for other, inner in self.owners.items():
                if other != word and other in word:
                    entries.extend(entry for entry in inner if entry not in entries)
        self.pattern = _words_pattern(tuple(sorted(self.owners, key=lambda word: (-len(word), word))))
        self.units = frozenset(unit for unit, _ in metrics.values())
        self._unit_of = {key: unit for key, (unit, _) in metrics.items()}
        self._far_by_unit: dict[str, frozenset[str]] = {}
        # promise -> the most a quantity two time units above its unit may convert to
        self._far_limit = {key: _FAR_FACTOR * target for key, target in (targets or {}).items()
                           if target is not None}
        self.timed = any(unit in _TIME_RANK for unit in self.units)  # may a time between times of day count?
        self._by_unit: dict[str, dict[str, list[tuple[int, list[str]]]]] = {}

    def _owners(self, unit: str) -> dict[str, list[tuple[int, list[str]]]]:
        """word -> [(strength, [promise…])], strongest (lowest) first, of the promises a
        quantity in ``unit`` could measure (empty when none could: a price where every
        promise is a time). Promises of one strength keep the order they were given in."""
        owners = self._by_unit.get(unit)
        if owners is None:
            owners = {}
            for word, entries in self.owners.items():
                tiers: dict[int, list[str]] = {}
                for key, promise_unit, strength in entries:
                    if _plausible(unit, promise_unit):
                        tiers.setdefault(strength, []).append(key)
                if tiers:
                    owners[word] = sorted(tiers.items())
            self._by_unit[unit] = owners
        return owners

    def _far_keys(self, unit: str) -> frozenset[str]:
        """The promises whose unit stands two time units below ``unit`` (cached per unit)."""
        keys = self._far_by_unit.get(unit)
        if keys is None:
            rank = _TIME_RANK.get(unit)
            keys = frozenset(key for key, own in self._unit_of.items()
                             if rank is not None and own in _TIME_RANK and rank - _TIME_RANK[own] >= 2)
            self._far_by_unit[unit] = keys
        return keys

    def _too_far(self, stated: Stated, key: str) -> bool:
        """Is a quantity two time units above a promise's (:meth:`_far_keys`) too large to
        measure it? A week for a 48-hour delivery is a late bag; "two days later" is not a
        2-minute answer."""
        unit = self._unit_of[key]
        limit = self._far_limit.get(key)
        return limit is None or in_unit(stated.value, stated.unit, unit) > limit

    def assign(self, text: str, spoken: Mapping[str, float] | None = None) -> dict[str, Stated]:
        """Which quantity of a transcript reports which metric.

        Each quantity goes to the one promise whose words stand nearest to it — its own
        words before the lexicon's words of its metric — so "3天内上门安装" measures the
        installation promise and not the 30-day returns promise as well, and "补卡等了两个
        小时" the SIM promise rather than the queue's; each promise keeps its nearest quantity.
        Between promises whose words stand as near, the one whose subject the visit speaks
        of (``spoken``, when given: promise -> how much the visit speaks of it) wins, and the
        one it speaks of most: "waited 55 minutes" on a shuttle visit is the shuttle's wait,
        not a check-in wait. The words of waiting alone tie a quantity only to a promise the
        visit speaks of, and only right before it. A time between two times of day
        (:func:`elapsed`) counts only where no quantity the record states does.
        """
        best: dict[str, tuple[tuple, Stated]] = {}
        if self.pattern is None:
            return {}
        spoken = spoken or {}
        for derived, stated in [*((False, stated) for stated in quantities(text)),
                                *((True, stated) for stated in (elapsed(text) if self.timed else ()))]:
            owners = self._owners(stated.unit)
            if not owners:
                continue
            far = self._far_keys(stated.unit)
            nearest: tuple[tuple[int, int, float], str] | None = None
            for hit in self.pattern.finditer(text, *_search_window(text, stated)):
                tiers = owners.get(hit.group())
                if tiers is None:
                    continue
                before = hit.end() <= stated.start
                if before:
                    distance = stated.start - hit.end()
                elif hit.start() >= stated.end:
                    distance = hit.start() - stated.end
                else:
                    continue  # the word is part of the quantity itself
                for strength, keys in tiers:
                    if nearest is not None and (strength, distance) > nearest[0][:2]:
                        break  # no promise of this word can stand nearer
                    if strength >= _WAITING:
                        if not (before and (distance <= _WAITED_NEAR
                                            or _FILLER.fullmatch(text, hit.end(), stated.start))):
                            break  # "waited 55 minutes", 等了七分钟 right before it…
                        keys = [key for key in keys if key in spoken]  # …on a visit about the promise
                    for key in keys:
                        if key in far and self._too_far(stated, key):
                            continue
                        rank = (strength, distance, -spoken.get(key, 0.0))
                        if nearest is None or rank < nearest[0]:
                            nearest = (rank, key)
            if nearest is not None:
                (strength, distance, _), key = nearest
                # "第二天送到，共三十个小时": a day's ordinal is the weakest reading of a duration,
                # after the time between two times of day (15:30 … 第二天早上九点).
                rank = (_is_ordinal(text, stated), derived, strength, distance)
                if (key not in best or rank < best[key][0]) and not _is_claim(text, stated) \
                        and not _on_another_occasion(text, stated):
                    best[key] = (rank, stated)
        return {key: stated for key, (_, stated) in best.items()}


# What may stand beside a quantity that completes the clause before it ("…第二天送到，共三十个小时").
_FILLER = re.compile(rf"(?:\s|{lexicon.alternation(('zh', 'fillers'), ('en', 'fillers'))})*")


def _search_window(text: str, stated: Stated) -> tuple[int, int]:
    """Where the words of a quantity's metric may stand: near it, in its own clause only
    ("用了3天就坏了|送货很快" is not a delivery time) — or in the clause before, when its
    own clause says nothing but the quantity ("下单后第二天送到|共30h")."""
    start, end = clause_start(text, stated.start), clause_end(text, stated.end)
    if start > 0 and _FILLER.fullmatch(text[start:stated.start] + " " + text[stated.end:end]):
        start = clause_start(text, start - 1)
    near = stated.start - _NEAR
    if stated.since_span is not None and stated.since_span[0] < stated.start:
        # "joined the queue at 20:31 and reached the counter at 20:52": near either time
        near = max(stated.since_span[0] - _NEAR, clause_start(text, stated.since_span[0]))
        start = min(start, near)
    return max(start, near), min(end, stated.end + _NEAR)


_OTHER_OCCASION = lexicon.words_regex(("en", "other_occasion"), ("zh", "other_occasion"))


def _on_another_occasion(text: str, stated: Stated) -> bool:
    """"Last year a complaint took two weeks", 上次等了两个小时: not this visit's measurement."""
    return on_another_occasion(text, stated.start)


def on_another_occasion(text: str, start: int) -> bool:
    """Do words before ``start`` in its clause put it on another occasion than the visit
    ("last month I got no reply", 上次……都冇人打返嚟)?"""
    return _OTHER_OCCASION.search(text, clause_start(text, start), start) is not None


def _is_ordinal(text: str, stated: Stated) -> bool:
    """第2天 is "on the second day", a point in time rather than a span of it."""
    return text[max(0, stated.start - 1):stated.start] in lexicon.words("zh", "ordinal")
