"""The project's promises, script lines and observations, read for an audit."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from auditor.store import Project


@dataclass
class Promise:
    key: str
    text: str
    touchpoints: frozenset[str] | None  # None = every touchpoint ("*")
    dimension: str | None
    metric: str | None
    operator: str | None
    target: float | None
    unit: str | None
    breach_cues: list[str]
    weight: int
    valid_from: str | None
    valid_to: str | None

    def applies_to(self, touchpoint: str) -> bool:
        return self.touchpoints is None or touchpoint in self.touchpoints

    def valid_on(self, day: str) -> bool:
        return _in_window(day, self.valid_from, self.valid_to)


@dataclass
class ScriptLine:
    key: str
    touchpoint: str
    text: str
    kind: str  # required | forbidden
    step: str | None
    promise: str | None
    weight: int
    valid_from: str | None
    valid_to: str | None
    match_threshold: float | None
    review_threshold: float | None
    scenarios: tuple[str, ...] = ()  # the visits' scenarios it applies to; empty: every visit

    def valid_on(self, day: str) -> bool:
        return _in_window(day, self.valid_from, self.valid_to)


@dataclass
class Observation:
    key: str
    touchpoint: str
    observed_at: str
    shopper: str | None
    transcript: str
    measurements: dict[str, tuple[float, str | None]] = field(default_factory=dict)
    answers: dict[str, str] = field(default_factory=dict)  # script line -> said | not_said | na (ticked by the shopper)
    scenario: str | None = None

    @property
    def day(self) -> str:
        return self.observed_at[:10]


def _in_window(day: str, start: str | None, end: str | None) -> bool:
    return (start is None or day >= start) and (end is None or day <= end)


def load_promises(project: Project) -> list[Promise]:
    links: dict[str, set[str]] = {}
    for promise, touchpoint in project.db.execute("SELECT promise, touchpoint FROM promise_touchpoints"):
        links.setdefault(promise, set()).add(touchpoint)
    return [
        Promise(
            key=row["key"], text=row["text"],
            touchpoints=None if row["all_touchpoints"] else frozenset(links.get(row["key"], ())),
            dimension=row["dimension"], metric=row["metric"], operator=row["operator"], target=row["target"],
            unit=row["unit"], breach_cues=json.loads(row["breach_cues"] or "[]"), weight=row["weight"],
            valid_from=row["valid_from"], valid_to=row["valid_to"],
        )
        for row in project.db.query("SELECT * FROM promises ORDER BY key")
    ]


def load_script_lines(project: Project) -> list[ScriptLine]:
    return [
        ScriptLine(
            key=row["key"], touchpoint=row["touchpoint"], text=row["text"], kind=row["kind"], step=row["step"],
            promise=row["promise"], weight=row["weight"], valid_from=row["valid_from"], valid_to=row["valid_to"],
            match_threshold=row["match_threshold"], review_threshold=row["review_threshold"],
            scenarios=tuple(json.loads(row["scenarios"] or "[]")),
        )
        for row in project.db.query("SELECT * FROM script_lines ORDER BY key")
    ]


def iter_observations(project: Project, period_from: str | None, period_to: str | None,
                      touchpoints: Sequence[str] | None = None) -> Iterator[Observation]:
    """Observations in the period (dates inclusive) — of ``touchpoints`` only, if given —
    ordered by touchpoint then time."""
    where, params = _period(period_from, period_to, touchpoints)
    measured: dict[str, dict[str, tuple[float, str | None]]] = {}
    for key, metric, value, unit in project.db.execute(
            "SELECT m.observation, m.metric, m.value, m.unit FROM measurements m "
            f"JOIN observations o ON o.key = m.observation {where}", params):
        measured.setdefault(key, {})[metric] = (value, unit)
    answered: dict[str, dict[str, str]] = {}
    for key, line, answer in project.db.execute(
            "SELECT a.observation, a.script_line, a.answer FROM script_answers a "
            f"JOIN observations o ON o.key = a.observation {where}", params):
        answered.setdefault(key, {})[line] = answer
    for key, touchpoint, observed_at, shopper, transcript, scenario in project.db.execute(
            f"SELECT o.key, o.touchpoint, o.observed_at, o.shopper, o.transcript, o.scenario FROM observations o "
            f"{where} ORDER BY o.touchpoint, o.observed_at, o.key", params):
        yield Observation(key, touchpoint, observed_at, shopper, transcript or "", measured.get(key, {}),
                          answered.get(key, {}), scenario)


def observation_rows(project: Project, period_from: str | None, period_to: str | None) -> list[dict]:
    """Ratings of the observations in the period, for NPS, CES and SERVQUAL."""
    where, params = _period(period_from, period_to)
    return list(project.db.query(
        "SELECT o.key, o.touchpoint, o.observed_at, o.rating_tangibles, o.rating_reliability, "
        "o.rating_responsiveness, o.rating_assurance, o.rating_empathy, o.nps, o.ces "
        f"FROM observations o {where}", params))


def count_observations(project: Project, period_from: str | None, period_to: str | None) -> int:
    where, params = _period(period_from, period_to)
    return project.db.execute(f"SELECT count(*) FROM observations o {where}", params).fetchone()[0]


def observations_per_touchpoint(project: Project, period_from: str | None, period_to: str | None) -> dict[str, int]:
    where, params = _period(period_from, period_to)
    return dict(project.db.execute(f"SELECT o.touchpoint, count(*) FROM observations o {where} GROUP BY o.touchpoint",
                                   params).fetchall())


def _period(period_from: str | None, period_to: str | None,
            touchpoints: Sequence[str] | None = None) -> tuple[str, list[str]]:
    clauses, params = [], []
    if touchpoints is not None:
        clauses.append(f"o.touchpoint IN ({', '.join('?' * len(touchpoints))})")
        params.extend(touchpoints)
    if period_from:
        clauses.append("substr(o.observed_at, 1, 10) >= ?")
        params.append(period_from[:10])
    if period_to:
        clauses.append("substr(o.observed_at, 1, 10) <= ?")
        params.append(period_to[:10])
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params
