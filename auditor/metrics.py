"""Audit metrics: promise keeping, script adherence, consistency index, NPS, CES, SERVQUAL (SPEC §6).

Every formula used in the report's methodology appendix is stated in a docstring here.
Conventions that hold throughout:

- Only ``kept`` and ``broken`` verdicts enter a rate. ``review`` checks (a person has not
  decided yet) are counted separately and never silently counted as kept or broken.
- A rate with nothing to divide by is ``None`` (shown as "n/a"), never 0.
- Rounding: rates and interval bounds to 3 decimals, the consistency index and NPS to 1
  decimal, CES and SERVQUAL means and gaps to 2 decimals. Rounding happens only on output;
  every figure is computed from unrounded values.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable

from auditor.model import Check

SERVQUAL_DIMENSIONS = ("tangibles", "reliability", "responsiveness", "assurance", "empathy")
DEFAULT_EXPECTATION = 4.0
RATED_TARGETS = ("promise", "script_line")  # target types that enter the rates and the index

_RATE_NAMES = ("consistency_index", "promise_keeping_rate", "promise_keeping_interval", "script_adherence",
               "script_adherence_interval")
_MONTH = re.compile(r"^(\d{4}-\d{2})")


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


def keeping_block(checks: Iterable[Check]) -> dict:
    """Kept/broken/review counts and the keeping rate of a set of checks.

    keeping rate = kept / (kept + broken), with its 95% Wilson interval; None when
    kept + broken = 0. Used per promise and per script line.
    """
    kept, broken, review = _tally(checks)
    return {
        "keeping_rate": _rate(kept, broken),
        "keeping_interval": _interval(kept, broken),
        "kept": kept,
        "broken": broken,
        "review": review,
    }


def consistency_index(checks: Iterable[Check]) -> float | None:
    """The consistency index, 0–100: the weighted share of kept among kept + broken checks.

        index = 100 · Σ weight(kept) / Σ weight(kept or broken)

    over checks of promises (weighted by the promise's weight) and of script lines
    (weighted by the line's weight), weights 1–5. Review checks and duplicate-transcript
    checks do not enter it. None when there is no kept or broken promise/script check.
    """
    kept_weight = decided_weight = 0
    for check in checks:
        if check.target_type in RATED_TARGETS and check.verdict in ("kept", "broken"):
            decided_weight += check.weight
            if check.verdict == "kept":
                kept_weight += check.weight
    if decided_weight <= 0:
        return None
    return round(100 * kept_weight / decided_weight, 1)


def net_promoter_score(scores: Iterable[float]) -> float | None:
    """NPS = % promoters (9–10) − % detractors (0–6), from −100 to 100.

    Over the observations that have an NPS answer; passives (7–8) count in the denominator
    only. None when no observation has one.
    """
    values = list(scores)
    if not values:
        return None
    promoters = sum(1 for v in values if v >= 9)
    detractors = sum(1 for v in values if v <= 6)
    return round(100 * (promoters - detractors) / len(values), 1)


def servqual(observations: list[dict], expectations: dict[str, float] | None = None) -> dict:
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
        ratings = _values(observations, f"rating_{dimension}")
        mean = sum(ratings) / len(ratings) if ratings else None
        result[dimension] = {
            "mean": None if mean is None else round(mean, 2),
            "expectation": wanted[dimension],
            "gap": None if mean is None else round(mean - wanted[dimension], 2),
            "n": len(ratings),
        }
    return result


def compute_metrics(checks: list[Check], observations: list[dict], *, locations: dict[str, str | None],
                    expectations: dict[str, float] | None = None) -> dict:
    """All metrics of one audit run, as the ``metrics`` object of ``audit --json``.

    ``observations`` are those in the audit period (dicts with key, touchpoint, observed_at,
    rating_*, nps, ces); ``locations`` maps touchpoint key → location or None.

    - promise keeping rate = kept / (kept + broken) over promise checks, 95% Wilson interval;
    - script adherence = kept / (kept + broken) over script-line checks, likewise;
    - consistency index, NPS, SERVQUAL: see their functions; CES = mean CES answer (1–7,
      lower = less effort) over observations that have one.

    Breakdowns (each a rate block, see ``rate_block``): by touchpoint, by location (of the
    touchpoint; touchpoints without a location are left out), by month (``YYYY-MM`` of the
    observation's time). A check takes its touchpoint and time from itself, else from its
    observation; project-level checks with neither appear only in the totals and by promise
    / script line. ``by_promise`` and ``by_script_line`` hold keeping blocks of promise and
    script-line checks, keyed by promise and script-line key. ``counts`` counts every check,
    duplicate-transcript checks included.
    """
    by_key = {str(o.get("key")): o for o in observations}

    def touchpoint_of(check: Check) -> str | None:
        if check.touchpoint:
            return check.touchpoint
        return by_key.get(str(check.observation), {}).get("touchpoint") if check.observation else None

    def month_of_check(check: Check) -> str | None:
        when = check.observed_at
        if not when and check.observation:
            when = by_key.get(str(check.observation), {}).get("observed_at")
        return _month(when)

    def location_of(touchpoint: str | None) -> str | None:
        location = locations.get(touchpoint) if touchpoint else None
        if not isinstance(location, str):
            return None
        return location.strip() or None

    overall = rate_block(checks, observations)
    return {
        **{name: overall[name] for name in _RATE_NAMES},
        "nps": overall["nps"],
        "ces": _mean(_values(observations, "ces"), 2),
        "servqual": servqual(observations, expectations),
        "counts": {"observations": len(observations), "checks": len(checks),
                   "kept": overall["kept"], "broken": overall["broken"], "review": overall["review"]},
        "by_touchpoint": _breakdown(checks, observations, touchpoint_of,
                                    lambda o: o.get("touchpoint") or None),
        "by_location": _breakdown(checks, observations, lambda c: location_of(touchpoint_of(c)),
                                  lambda o: location_of(o.get("touchpoint"))),
        "by_month": _breakdown(checks, observations, month_of_check, lambda o: _month(o.get("observed_at"))),
        "by_promise": _keyed(checks, "promise", lambda c: c.promise or c.target),
        "by_script_line": _keyed(checks, "script_line", lambda c: c.script_line or c.target),
    }


def rate_block(checks: Iterable[Check], observations: list[dict]) -> dict:
    """The figures shown for one touchpoint, location or month.

    promise_keeping_rate / script_adherence (with Wilson intervals) and consistency_index
    as defined above, over the group's checks; kept/broken/review count all the group's
    checks; observations and nps are over the group's observations.
    """
    checks = list(checks)
    promise_kept, promise_broken, _ = _tally(c for c in checks if c.target_type == "promise")
    line_kept, line_broken, _ = _tally(c for c in checks if c.target_type == "script_line")
    kept, broken, review = _tally(checks)
    return {
        "consistency_index": consistency_index(checks),
        "promise_keeping_rate": _rate(promise_kept, promise_broken),
        "promise_keeping_interval": _interval(promise_kept, promise_broken),
        "script_adherence": _rate(line_kept, line_broken),
        "script_adherence_interval": _interval(line_kept, line_broken),
        "kept": kept,
        "broken": broken,
        "review": review,
        "observations": len(observations),
        "nps": net_promoter_score(_values(observations, "nps")),
    }


def _breakdown(checks: list[Check], observations: list[dict], check_group: Callable[[Check], str | None],
               observation_group: Callable[[dict], str | None]) -> dict[str, dict]:
    grouped_checks: dict[str, list[Check]] = defaultdict(list)
    grouped_observations: dict[str, list[dict]] = defaultdict(list)
    for check in checks:
        if (group := check_group(check)) is not None:
            grouped_checks[group].append(check)
    for observation in observations:
        if (group := observation_group(observation)) is not None:
            grouped_observations[group].append(observation)
    groups = sorted(set(grouped_checks) | set(grouped_observations))
    return {g: rate_block(grouped_checks.get(g, []), grouped_observations.get(g, [])) for g in groups}


def _keyed(checks: list[Check], target_type: str, key: Callable[[Check], str]) -> dict[str, dict]:
    grouped: dict[str, list[Check]] = defaultdict(list)
    for check in checks:
        if check.target_type == target_type:
            grouped[key(check)].append(check)
    return {k: keeping_block(grouped[k]) for k in sorted(grouped)}


def _tally(checks: Iterable[Check]) -> tuple[int, int, int]:
    counts = {"kept": 0, "broken": 0, "review": 0}
    for check in checks:
        if check.verdict in counts:
            counts[check.verdict] += 1
    return counts["kept"], counts["broken"], counts["review"]


def _rate(kept: int, broken: int) -> float | None:
    return round(kept / (kept + broken), 3) if kept + broken else None


def _interval(kept: int, broken: int) -> list[float] | None:
    bounds = wilson_interval(kept, kept + broken)
    return None if bounds is None else [round(bounds[0], 3), round(bounds[1], 3)]


def _values(observations: Iterable[dict], field: str) -> list[float]:
    """The answers given for one field; None and empty cells are missing, not zero."""
    return [float(v) for o in observations if (v := o.get(field)) is not None and v != ""]


def _mean(values: list[float], digits: int) -> float | None:
    return round(sum(values) / len(values), digits) if values else None


def _month(when: object) -> str | None:
    match = _MONTH.match(str(when)) if when else None
    return match.group(1) if match else None
