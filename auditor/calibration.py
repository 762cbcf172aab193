"""Threshold calibration: learn match thresholds from reviewers' decisions.

Each reviewed finding of a run is a labelled example: *confirmed* means the problem was
real, *dismissed* means a false alarm. With the score the check gave it (from the
``checks`` table of the same run), we can tell whether the finding would have been raised
at another match threshold, and so compute precision and recall of "the threshold says
broken" over the decided findings, for each candidate threshold.

Direction per kind — when a finding is raised at threshold ``t``:

* ``forbidden_phrase`` (forbidden script line) and ``broken_promise`` (breach cue): the
  wording was *found*, so the finding is raised when ``score >= t``. Raising the
  threshold removes false alarms (dismissed findings with lower scores) and may miss real
  ones; lowering it catches more.
* ``missing_phrase`` (required script line): the finding says the wording was *not*
  found, so it is raised when ``score < t``. A dismissed one means the line *was* said
  and the threshold was too strict: *lowering* the threshold removes it. A finding with
  no score (nothing reached the run's review threshold) or whose match was negated is
  raised at every threshold (its score is taken as 0).

A finding in the review band counts as *not raised* at the current threshold for
forbidden wording and breach cues (the threshold did not call it broken; a person had
to), and as raised for required lines (score below the match threshold). Recall is
relative to the decided findings only: checks that never became findings (below the
review threshold) are not known to be right or wrong.

Not threshold-dependent, and left out: answers ticked by the shopper, and promises broken
by a measurement (score 100 from a number, not from a phrase).

Script lines have their own threshold (``script_lines.match_threshold``, NULL = the
project's). Breach cues have none: a promise's cues form one group whose current
threshold is the project-wide match threshold.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from auditor.errors import AuditorError
from auditor.matching import DEFAULT_MATCH_THRESHOLD
from auditor.store import Project

CANDIDATE_THRESHOLDS: tuple[float, ...] = tuple(float(t) for t in range(60, 101, 5))
MIN_DECISIONS = 3  # fewer decisions than this: no suggestion

_FOUND_KINDS = ("forbidden_phrase", "broken_promise")  # raised when score >= threshold
_MISSING_KIND = "missing_phrase"  # raised when score < threshold


@dataclass(frozen=True)
class Decision:
    """One reviewed finding, with the score its check gave."""

    fingerprint: str
    observation: str | None
    kind: str
    score: float | None
    confirmed: bool
    always: bool = False  # raised whatever the threshold (a required line with no score, or negated)


@dataclass(frozen=True)
class Point:
    """Precision and recall of the decided findings at one threshold."""

    threshold: float
    raised: int  # findings the threshold would raise
    true_positives: int  # raised and confirmed
    false_positives: int  # raised but dismissed
    false_negatives: int  # confirmed but not raised

    @property
    def precision(self) -> float | None:
        return self.true_positives / self.raised if self.raised else None

    @property
    def recall(self) -> float | None:
        positives = self.true_positives + self.false_negatives
        return self.true_positives / positives if positives else None

    @property
    def f1(self) -> float:
        if not self.true_positives:
            return 0.0
        precision, recall = self.precision or 0.0, self.recall or 0.0
        return 2 * precision * recall / (precision + recall)


@dataclass
class Calibration:
    """A script line, or one promise's breach cues, with its decisions and curve."""

    target_type: str  # "script_line" or "promise" (the promise's breach cues)
    key: str
    kind: str  # forbidden_phrase, missing_phrase or broken_promise
    text: str  # the line's wording, or the promise's cues joined
    current: float  # the threshold in force now
    own_threshold: float | None  # script_lines.match_threshold; None = project default (always for cues)
    decisions: list[Decision] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)  # one per candidate threshold
    suggested: float | None = None  # None: fewer than MIN_DECISIONS decisions

    @property
    def confirmed(self) -> int:
        return sum(1 for d in self.decisions if d.confirmed)

    @property
    def dismissed(self) -> int:
        return sum(1 for d in self.decisions if not d.confirmed)

    @property
    def can_apply(self) -> bool:
        """Only script lines have a threshold of their own to set."""
        return self.target_type == "script_line"

    def at(self, threshold: float) -> Point:
        """Precision and recall at any threshold (the current one need not be a candidate)."""
        return evaluate(self.kind, self.decisions, threshold)


def raised(kind: str, decision: Decision, threshold: float) -> bool:
    """Would ``decision``'s finding be raised at ``threshold``? See the module's direction rules."""
    if kind == _MISSING_KIND:
        return decision.always or decision.score is None or decision.score < threshold
    return decision.score is not None and decision.score >= threshold


def evaluate(kind: str, decisions: list[Decision], threshold: float) -> Point:
    tp = fp = fn = 0
    for decision in decisions:
        if raised(kind, decision, threshold):
            if decision.confirmed:
                tp += 1
            else:
                fp += 1
        elif decision.confirmed:
            fn += 1
    return Point(threshold, tp + fp, tp, fp, fn)


def suggest(points: list[Point], current: float, decisions: int) -> float | None:
    """The best F1; ties go to fewer false alarms, then to the threshold closest to the
    current one (so an all-dismissed group is moved just far enough to silence them)."""
    if decisions < MIN_DECISIONS or not points:
        return None
    best = max(points, key=lambda p: (round(p.f1, 9), -p.false_positives, -abs(p.threshold - current), -p.threshold))
    return best.threshold


def project_match_threshold(project: Project) -> float:
    return float(project.get_setting("match_threshold", DEFAULT_MATCH_THRESHOLD))


def _latest_run(project: Project) -> int | None:
    return project.db.execute("SELECT max(id) FROM audit_runs").fetchone()[0]


_DECISIONS_SQL = """
SELECT f.fingerprint, f.kind, f.observation, f.script_line, f.promise, r.status,
       (SELECT c.score FROM checks c
         WHERE c.run = f.run AND c.observation IS f.observation AND c.kind = f.kind
           AND c.target_type = CASE WHEN f.kind = 'broken_promise' THEN 'promise' ELSE 'script_line' END
           AND c.target = CASE WHEN f.kind = 'broken_promise' THEN f.promise ELSE f.script_line END
         ORDER BY c.id LIMIT 1) AS score,
       (SELECT c.reason FROM checks c
         WHERE c.run = f.run AND c.observation IS f.observation AND c.kind = f.kind
           AND c.target_type = CASE WHEN f.kind = 'broken_promise' THEN 'promise' ELSE 'script_line' END
           AND c.target = CASE WHEN f.kind = 'broken_promise' THEN f.promise ELSE f.script_line END
         ORDER BY c.id LIMIT 1) AS reason
FROM findings f JOIN reviews r ON r.fingerprint = f.fingerprint
WHERE f.run = ? AND f.kind IN ('forbidden_phrase', 'missing_phrase', 'broken_promise')
ORDER BY f.kind, f.fingerprint
"""


def _decision(row: dict) -> Decision | None:
    """The decision, or None when the finding does not depend on a threshold."""
    reason = row["reason"] or ""
    if "ticked" in reason:  # the shopper's explicit answer, not a fuzzy match
        return None
    if row["kind"] == "broken_promise" and ("breach cue" not in reason or row["score"] is None):
        return None  # broken by a measured or reported number
    always = row["kind"] == _MISSING_KIND and (row["score"] is None or "negation" in reason)
    return Decision(row["fingerprint"], row["observation"], row["kind"], row["score"],
                    row["status"] == "confirmed", always)


def calibrate(project: Project, run_id: int | None = None) -> list[Calibration]:
    """For each script line, and each promise's breach cues, with reviewed findings in the
    run (the latest if none given): its decisions, precision and recall at each candidate
    threshold, and a suggested threshold. Script lines first (by key), then cue groups."""
    run_id = run_id if run_id is not None else _latest_run(project)
    if run_id is None:
        return []
    if not project.db.execute("SELECT 1 FROM audit_runs WHERE id = ?", [run_id]).fetchone():
        raise AuditorError(f"There is no audit run {run_id} in this project.")
    default = project_match_threshold(project)
    lines = {row["key"]: row for row in project.db.query("SELECT key, kind, text, match_threshold FROM script_lines")}
    promises = {row["key"]: row for row in project.db.query("SELECT key, text, breach_cues FROM promises")}

    groups: dict[tuple[str, str], Calibration] = {}
    for row in project.db.query(_DECISIONS_SQL, [run_id]):
        decision = _decision(row)
        if decision is None:
            continue
        if row["kind"] == "broken_promise":
            promise = promises.get(row["promise"])
            if promise is None:
                continue
            group = ("promise", promise["key"])
            if group not in groups:
                cues = json.loads(promise["breach_cues"] or "[]")
                groups[group] = Calibration("promise", promise["key"], "broken_promise", " · ".join(cues),
                                            default, None)
        else:
            line = lines.get(row["script_line"])
            if line is None:
                continue
            group = ("script_line", line["key"])
            if group not in groups:
                own = line["match_threshold"]
                groups[group] = Calibration("script_line", line["key"], row["kind"], line["text"],
                                            float(own) if own is not None else default,
                                            float(own) if own is not None else None)
        groups[group].decisions.append(decision)

    result = []
    for (target_type, key) in sorted(groups, key=lambda g: (g[0] != "script_line", g[1])):
        calibration = groups[(target_type, key)]
        calibration.points = [evaluate(calibration.kind, calibration.decisions, t) for t in CANDIDATE_THRESHOLDS]
        calibration.suggested = suggest(calibration.points, calibration.current, len(calibration.decisions))
        result.append(calibration)
    return result


def apply_line_threshold(project: Project, line_key: str, value: float | None) -> float | None:
    """Set a script line's match threshold (None: back to the project's), in one
    transaction; return the value it had (None if it used the project's)."""
    row = project.db.execute("SELECT match_threshold, review_threshold FROM script_lines WHERE key = ?",
                             [line_key]).fetchone()
    if row is None:
        raise AuditorError(f"There is no script line '{line_key}' in this project.")
    old, review = row
    if value is not None:
        value = float(value)
        if not 0 <= value <= 100:
            raise AuditorError(f"A match threshold must be between 0 and 100, not {value:g}.")
        if review is not None and value < review:
            raise AuditorError(f"The match threshold of {line_key} ({value:g}) must not be below its review "
                               f"threshold ({review:g}).")
    with project.transaction() as db:
        db.execute("UPDATE script_lines SET match_threshold = ? WHERE key = ?", [value, line_key])
    return None if old is None else float(old)
