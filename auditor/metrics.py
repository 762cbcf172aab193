"""Audit metrics: promise keeping, script adherence, consistency index, NPS, CES, SERVQUAL (SPEC §6).

Every formula used in the report's methodology appendix is stated in a docstring here.
Conventions that hold throughout:

- Only ``kept`` and ``broken`` verdicts enter a rate. ``review`` checks (a person has not
  decided yet) are counted separately and never silently counted as kept or broken.
- A rate with nothing to divide by is ``None`` (shown as "n/a"), never 0.
- Rounding: rates and interval bounds to 3 decimals, the consistency index and NPS to 1
  decimal, CES and SERVQUAL means and gaps to 2 decimals. Rounding happens only on output;
  every figure is computed from unrounded values.

An audit of 100,000 visits makes millions of checks, so the figures are computed from
running tallies (:class:`CheckTally`, :class:`AnswerTally`) that the audit feeds as it
goes, never from a list of every check.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping

from auditor.model import Check

SERVQUAL_DIMENSIONS = ("tangibles", "reliability", "responsiveness", "assurance", "empathy")
DEFAULT_EXPECTATION = 4.0
RATED_TARGETS = ("promise", "script_line")  # target types that enter the rates and the index
# Checks of a promise against the scripts (uncovered_promise) and of a script line against its
# promise (inconsistent_claim) have no visit: tallied apart, they enter the consistency index only.
PROJECT_LEVEL = {"project_promise": "project", "project_script_line": "project"}
VERDICTS = ("kept", "broken", "review")

_RATE_NAMES = ("consistency_index", "promise_keeping_rate", "promise_keeping_interval", "script_adherence",
               "script_adherence_interval")
_MONTH = re.compile(r"^(\d{4}-\d{2})")

# A tally cell: (target_type, target, touchpoint, month) -> [kept, broken, review, kept weight, decided weight].
# The target is the promise (or script line) a check counts for; touchpoint and month may be None.
CellKey = tuple[str, str, str | None, str | None]
_KEPT, _BROKEN, _REVIEW, _KEPT_WEIGHT, _DECIDED_WEIGHT = range(5)


def wilson_interval(successes: int, total: int, z: float = 1.96) -> tuple[float, float] | None:
    """The Wilson score interval for a proportion ``successes / total`` (95% with z = 1.96).

    With p = successes / n:

        centre     = (p + z²/2n) / (1 + z²/n)
        half-width = z / (1 + z²/n) · √(p(1 − p)/n + z²/4n²)
        interval   = [centre − half-width, centre + half-width]

    Unlike the normal approximation it stays inside [0, 1] and is sensible for small n and
    for rates of 0 or 1. Returns None when total is 0.
    """
    if total < 0 or successes < 0 or successes > total:
        raise ValueError(f"need 0 <= successes <= total, got {successes}/{total}")
    if total == 0:
        return None
    p = successes / total
    z2 = z * z
    denominator = 1 + z2 / total
    centre = (p + z2 / (2 * total)) / denominator
    half = z / denominator * math.sqrt(p * (1 - p) / total + z2 / (4 * total * total))
    return max(0.0, centre - half), min(1.0, centre + half)


class CheckTally:
    """Verdict counts and weights per target, touchpoint and month, fed one check (or a bulk count) at a time."""

    def __init__(self) -> None:
        self.cells: dict[CellKey, list[int]] = {}

    @classmethod
    def of(cls, checks: Iterable[Check], observations: Iterable[Mapping] = ()) -> "CheckTally":
        """A tally of ``checks``; a check without touchpoint or time takes them from its observation."""
        by_key = {str(o.get("key")): o for o in observations}
        tally = cls()
        for check in checks:
            observation = by_key.get(str(check.observation), {}) if check.observation else {}
            touchpoint = check.touchpoint or observation.get("touchpoint") or None
            month = month_of(check.observed_at or observation.get("observed_at"))
            tally.add(check, touchpoint, month)
        return tally

    def add(self, check: Check, touchpoint: str | None, month: str | None) -> None:
        target_type = check.target_type
        if target_type == "promise":
            target = check.promise or check.target
        elif target_type == "script_line":
            target = check.script_line or check.target
        else:
            target = check.target
        if check.observation is None and target_type in RATED_TARGETS:
            target_type = f"project_{target_type}"  # no visit: the index counts it, the keeping rates do not
        self.add_count(target_type, target, touchpoint, month, check.verdict, 1, check.weight)

    def add_count(self, target_type: str, target: str, touchpoint: str | None, month: str | None,
                  verdict: str, count: int, weight: int) -> None:
        """``count`` checks of one target with the same verdict, each weighing ``weight``."""
        if verdict not in VERDICTS or count <= 0:
            return
        cell = self.cells.get((target_type, target, touchpoint, month))
        if cell is None:
            cell = self.cells[(target_type, target, touchpoint, month)] = [0, 0, 0, 0, 0]
        if verdict == "kept":
            cell[_KEPT] += count
            cell[_KEPT_WEIGHT] += count * weight
            cell[_DECIDED_WEIGHT] += count * weight
        elif verdict == "broken":
            cell[_BROKEN] += count
            cell[_DECIDED_WEIGHT] += count * weight
        else:
            cell[_REVIEW] += count

    def merge(self, cells: Mapping[CellKey, list[int]]) -> None:
        """Add another tally's cells (a worker's, in a parallel audit)."""
        for key, counts in cells.items():
            cell = self.cells.get(key)
            if cell is None:
                self.cells[key] = list(counts)
            else:
                for index, value in enumerate(counts):
                    cell[index] += value

    def total(self) -> int:
        return sum(cell[_KEPT] + cell[_BROKEN] + cell[_REVIEW] for cell in self.cells.values())

    def items(self) -> Iterator[tuple[CellKey, list[int]]]:
        return iter(self.cells.items())


class AnswerTally:
    """The shoppers' answers (NPS, CES, SERVQUAL ratings) of the audited observations, as sums and counts."""

    def __init__(self) -> None:
        self.observations = 0
        self.nps = [0, 0, 0]  # promoters, detractors, answers
        self.ces = [0.0, 0]  # sum, answers
        self.ratings = {d: [0.0, 0] for d in SERVQUAL_DIMENSIONS}

    def add(self, observation: Mapping) -> None:
        self.observations += 1
        if (nps := _answer(observation.get("nps"))) is not None:
            self.nps[0] += nps >= 9
            self.nps[1] += nps <= 6
            self.nps[2] += 1
        if (ces := _answer(observation.get("ces"))) is not None:
            self.ces[0] += ces
            self.ces[1] += 1
        for dimension, sums in self.ratings.items():
            if (rating := _answer(observation.get(f"rating_{dimension}"))) is not None:
                sums[0] += rating
                sums[1] += 1

    def net_promoter_score(self) -> float | None:
        """NPS = % promoters (9–10) − % detractors (0–6), from −100 to 100.

        Over the observations that have an NPS answer; passives (7–8) count in the denominator
        only. None when no observation has one.
        """
        promoters, detractors, answers = self.nps
        return round(100 * (promoters - detractors) / answers, 1) if answers else None

    def customer_effort(self) -> float | None:
        """CES = mean CES answer (1–7, lower = less effort) over observations that have one."""
        total, answers = self.ces
        return round(total / answers, 2) if answers else None

    def servqual(self, expectations: Mapping[str, float] | None = None) -> dict:
        """Mean perceived rating per SERVQUAL dimension and its gap to the expectation.

        For each of tangibles, reliability, responsiveness, assurance and empathy, over the
        observations that rated it (1–5):

            mean = Σ rating / n,   gap = mean − expectation

        (perception minus expectation: a negative gap means the brand falls short). The
        expectation defaults to 4.0 per dimension; ``expectations`` overrides single
        dimensions. mean and gap are None when n = 0.
        """
        wanted = {d: DEFAULT_EXPECTATION for d in SERVQUAL_DIMENSIONS}
        wanted.update({d: float(v) for d, v in (expectations or {}).items() if d in wanted and v is not None})
        result = {}
        for dimension in SERVQUAL_DIMENSIONS:
            total, n = self.ratings[dimension]
            mean = total / n if n else None
            result[dimension] = {
                "mean": None if mean is None else round(mean, 2),
                "expectation": wanted[dimension],
                "gap": None if mean is None else round(mean - wanted[dimension], 2),
                "n": n,
            }
        return result


def compute_metrics(checks: Iterable[Check] | CheckTally, observations: Iterable[Mapping] | None = None, *,
                    locations: Mapping[str, str | None], expectations: Mapping[str, float] | None = None,
                    answers: Mapping[tuple[str, str | None], AnswerTally] | None = None) -> dict:
    """All metrics of one audit run, as the ``metrics`` object of ``audit --json``.

    ``checks`` is a list of checks or the :class:`CheckTally` an audit kept. The answers
    come either from ``observations`` (dicts with key, touchpoint, observed_at, rating_*,
    nps, ces: those in the audit period) or, from an audit, as ``answers``: one
    :class:`AnswerTally` per (touchpoint, month). ``locations`` maps touchpoint key →
    location or None.

    - promise keeping rate = kept / (kept + broken) over the visits' promise checks, 95% Wilson interval;
    - script adherence = kept / (kept + broken) over the visits' script-line checks, likewise;
    - consistency index, NPS, SERVQUAL, CES: see :func:`rate_block` and :class:`AnswerTally`.

    Breakdowns (each a rate block, see :func:`rate_block`): by touchpoint, by location (of the
    touchpoint; touchpoints without a location are left out), by month (``YYYY-MM`` of the
    observation's time). A check takes its touchpoint and time from itself, else from its
    observation; project-level checks with neither appear only in the totals and the
    consistency index (not in keeping rates: they are no visits). ``by_promise`` and ``by_script_line`` hold keeping blocks of promise and
    script-line checks, keyed by promise and script-line key; ``by_promise_touchpoint`` the
    keeping block of each promise at each touchpoint; ``tested_pairs`` the [promise, touchpoint]
    pairs some visit was checked against. ``counts`` counts every check,
    duplicate-transcript checks included.
    """
    observations = list(observations or ())
    tally = checks if isinstance(checks, CheckTally) else CheckTally.of(checks, observations)
    if answers is None:
        answers = answers_by_group(observations)

    def location_of(touchpoint: str | None) -> str | None:
        location = locations.get(touchpoint) if touchpoint else None
        if not isinstance(location, str):
            return None
        return location.strip() or None

    overall_answers = _merged(answers.values())
    overall = rate_block(tally.items(), overall_answers)
    return {
        **{name: overall[name] for name in _RATE_NAMES},
        "nps": overall["nps"],
        "ces": overall_answers.customer_effort(),
        "servqual": overall_answers.servqual(expectations),
        "counts": {"observations": overall_answers.observations, "checks": tally.total(),
                   "kept": overall["kept"], "broken": overall["broken"], "review": overall["review"]},
        "by_touchpoint": _breakdown(tally, answers, lambda touchpoint, month: touchpoint),
        "by_location": _breakdown(tally, answers, lambda touchpoint, month: location_of(touchpoint)),
        "by_month": _breakdown(tally, answers, lambda touchpoint, month: month),
        "by_promise": _keyed(tally, "promise"),
        "by_script_line": _keyed(tally, "script_line"),
        "by_promise_touchpoint": _promise_by_touchpoint(tally),
        "tested_pairs": _tested_pairs(tally),
    }


def answers_by_group(observations: Iterable[Mapping]) -> dict[tuple[str, str | None], AnswerTally]:
    """One :class:`AnswerTally` per (touchpoint, month) of the observations."""
    groups: dict[tuple[str, str | None], AnswerTally] = defaultdict(AnswerTally)
    for observation in observations:
        groups[(observation.get("touchpoint") or "", month_of(observation.get("observed_at")))].add(observation)
    return dict(groups)


def rate_block(cells: Iterable[tuple[CellKey, list[int]]], answers: AnswerTally) -> dict:
    """The figures shown for one touchpoint, location or month (or the whole run).

    promise_keeping_rate / script_adherence (with Wilson intervals) and consistency_index
    over the group's checks:

        promise keeping rate = kept / (kept + broken) over the visits' promise checks
        script adherence     = kept / (kept + broken) over the visits' script-line checks
        consistency index    = 100 · Σ weight(kept) / Σ weight(kept or broken)

    The rates count visits only: a promise checked against the scripts (uncovered_promise)
    or a script line against its promise (inconsistent_claim) is no visit that kept or broke
    anything. The index is over all promise and script-line checks, those project-level
    checks included (weighted by the promise's or line's weight, 1–5; review and
    duplicate-transcript checks do not enter it; None when nothing was decided).
    kept/broken/review count all the group's checks; observations and nps are over the
    group's observations.
    """
    sums = {kind: [0, 0, 0, 0, 0] for kind in ("promise", "script_line", "project", "other")}
    for (target_type, _target, _touchpoint, _month), cell in cells:
        into = sums.get(PROJECT_LEVEL.get(target_type, target_type), sums["other"])
        for index, value in enumerate(cell):
            into[index] += value
    promise, line, project, other = sums["promise"], sums["script_line"], sums["project"], sums["other"]
    kept_weight = promise[_KEPT_WEIGHT] + line[_KEPT_WEIGHT] + project[_KEPT_WEIGHT]
    decided_weight = promise[_DECIDED_WEIGHT] + line[_DECIDED_WEIGHT] + project[_DECIDED_WEIGHT]
    return {
        "consistency_index": round(100 * kept_weight / decided_weight, 1) if decided_weight > 0 else None,
        "promise_keeping_rate": _rate(promise[_KEPT], promise[_BROKEN]),
        "promise_keeping_interval": _interval(promise[_KEPT], promise[_BROKEN]),
        "script_adherence": _rate(line[_KEPT], line[_BROKEN]),
        "script_adherence_interval": _interval(line[_KEPT], line[_BROKEN]),
        "kept": promise[_KEPT] + line[_KEPT] + project[_KEPT] + other[_KEPT],
        "broken": promise[_BROKEN] + line[_BROKEN] + project[_BROKEN] + other[_BROKEN],
        "review": promise[_REVIEW] + line[_REVIEW] + project[_REVIEW] + other[_REVIEW],
        "observations": answers.observations,
        "nps": answers.net_promoter_score(),
    }


def keeping_block(cells: Iterable[list[int]]) -> dict:
    """Kept/broken/review counts and the keeping rate of one promise or script line.

    keeping rate = kept / (kept + broken), with its 95% Wilson interval; None when
    kept + broken = 0.
    """
    kept = broken = review = 0
    for cell in cells:
        kept, broken, review = kept + cell[_KEPT], broken + cell[_BROKEN], review + cell[_REVIEW]
    return {
        "keeping_rate": _rate(kept, broken),
        "keeping_interval": _interval(kept, broken),
        "kept": kept,
        "broken": broken,
        "review": review,
    }


def month_of(when: object) -> str | None:
    """``YYYY-MM`` of a date or timestamp, None without one."""
    match = _MONTH.match(str(when)) if when else None
    return match.group(1) if match else None


def _breakdown(tally: CheckTally, answers: Mapping[tuple[str, str | None], AnswerTally],
               group_of: Callable[[str | None, str | None], str | None]) -> dict[str, dict]:
    grouped_cells: dict[str, list] = defaultdict(list)
    grouped_answers: dict[str, list[AnswerTally]] = defaultdict(list)
    for item in tally.items():
        (_type, _target, touchpoint, month) = item[0]
        if (group := group_of(touchpoint, month)) is not None:
            grouped_cells[group].append(item)
    for (touchpoint, month), answered in answers.items():
        if (group := group_of(touchpoint or None, month)) is not None:
            grouped_answers[group].append(answered)
    groups = sorted(set(grouped_cells) | set(grouped_answers))
    return {g: rate_block(grouped_cells.get(g, []), _merged(grouped_answers.get(g, []))) for g in groups}


def _keyed(tally: CheckTally, target_type: str) -> dict[str, dict]:
    """Keeping blocks per promise or script line, over the visits (see :func:`rate_block`)."""
    grouped: dict[str, list[list[int]]] = defaultdict(list)
    for (kind, target, _touchpoint, _month), cell in tally.items():
        if kind == target_type:
            grouped[target].append(cell)
    return {key: keeping_block(grouped[key]) for key in sorted(grouped)}


def _promise_by_touchpoint(tally: CheckTally) -> dict[str, dict[str, dict]]:
    """Keeping blocks of each promise at each touchpoint where a visit checked it (the
    report's heat map and its worst gaps: "5 of 6 checked visits")."""
    grouped: dict[str, dict[str, list[list[int]]]] = defaultdict(lambda: defaultdict(list))
    for (kind, target, touchpoint, _month), cell in tally.items():
        if kind == "promise" and touchpoint is not None:
            grouped[target][touchpoint].append(cell)
    return {promise: {touchpoint: keeping_block(cells) for touchpoint, cells in sorted(grouped[promise].items())}
            for promise in sorted(grouped)}


def _tested_pairs(tally: CheckTally) -> list[list[str]]:
    """[promise, touchpoint] pairs that some visit of the period was checked against (not
    project-level checks, which have no visit and no month): the dashboard's coverage grid."""
    return [list(pair) for pair in sorted({(target, touchpoint) for (kind, target, touchpoint, month), cell
                                           in tally.items() if kind == "promise" and touchpoint and month
                                           and cell[_KEPT] + cell[_BROKEN] + cell[_REVIEW]})]


def _merged(tallies: Iterable[AnswerTally]) -> AnswerTally:
    merged = AnswerTally()
    for tally in tallies:
        merged.observations += tally.observations
        merged.nps = [a + b for a, b in zip(merged.nps, tally.nps)]
        merged.ces = [merged.ces[0] + tally.ces[0], merged.ces[1] + tally.ces[1]]
        for dimension, sums in tally.ratings.items():
            merged.ratings[dimension] = [merged.ratings[dimension][0] + sums[0], merged.ratings[dimension][1] + sums[1]]
    return merged


def _answer(value: object) -> float | None:
    """An answer given; None and empty cells are missing, not zero."""
    if value is None or value == "":
        return None
    return float(value)


def _rate(kept: int, broken: int) -> float | None:
    return round(kept / (kept + broken), 3) if kept + broken else None


def _interval(kept: int, broken: int) -> list[float] | None:
    bounds = wilson_interval(kept, kept + broken)
    return None if bounds is None else [round(bounds[0], 3), round(bounds[1], 3)]
