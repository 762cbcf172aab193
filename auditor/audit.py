"""Running an audit: every check of SPEC §5 over a period, stored as one audit run.

The work is a generator (:func:`audit_steps`) that yields ``(done, total)`` between
batches of observations, so a desktop app can show progress and cancel between yields;
nothing is written until the very end, in one transaction, so a cancelled audit leaves
no trace. :func:`run_audit` drives it for the command line and tests.

Speed: per touchpoint, the transcripts of a batch are scored against every phrase that
can apply there with one rapidfuzz ``cdist`` call on all cores; only pairs that reach
the review threshold get the slower alignment, negation and evidence work.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import groupby, islice

from rapidfuzz import fuzz, process

from auditor.errors import Cancelled
from auditor.findings import load_decisions, make_findings
from auditor.matching import DEFAULT_MATCH_THRESHOLD, DEFAULT_REVIEW_THRESHOLD
from auditor.metrics import compute_metrics
from auditor.model import Check, Finding
from auditor.normalize import Normalized, Normalizer, load_default_synonyms
from auditor.observation_checks import (
    Thresholds,
    check_line,
    check_promise,
    prepare_line,
    prepare_promise,
)
from auditor.project_checks import ProjectAuditor, duplicate_transcripts
from auditor.records import (
    Observation,
    count_observations,
    iter_observations,
    load_promises,
    load_script_lines,
    observation_rows,
)
from auditor.stated import MetricIndex
from auditor.store import Project, now_iso

_BATCH = 1000

Progress = tuple[int, int]


@dataclass
class AuditResult:
    run_id: int
    started_at: str
    period_from: str | None
    period_to: str | None
    settings: dict
    checks: list[Check] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    metrics: dict = field(default_factory=dict)

    def as_json(self) -> dict:
        """The object ``audit --json`` prints (SPEC §4)."""
        return {
            "run": {"id": self.run_id, "started_at": self.started_at, "from": self.period_from,
                    "to": self.period_to, "settings": self.settings},
            "checks": [check.as_json() for check in self.checks],
            "findings": [finding.as_json() for finding in self.findings],
            "metrics": self.metrics,
        }


def audit_settings(project: Project) -> dict:
    """The project's audit settings, with defaults filled in."""
    return {
        "match_threshold": float(project.get_setting("match_threshold", DEFAULT_MATCH_THRESHOLD)),
        "review_threshold": float(project.get_setting("review_threshold", DEFAULT_REVIEW_THRESHOLD)),
        "servqual_expectations": project.get_setting("servqual_expectations", {}) or {},
        "synonyms": "project" if project.get_setting("synonyms") else "default",
    }


# Each synonym group is rewritten to one private character (Yi syllables, which no
# brand's text uses): a group then weighs one character in a fuzzy score, so a short cue
# such as 没有回电 is not matched by any text that merely mentions a call-back, and a
# group such as "24/7" never reads as the quantity 24 h.
_TOKEN_BASE = 0xA000


def matching_normalizer(synonyms: list[list[str]] | None) -> Normalizer:
    groups = load_default_synonyms() if synonyms is None else synonyms
    return Normalizer([[chr(_TOKEN_BASE + index), *group] for index, group in enumerate(groups)
                       if isinstance(group, list)])


def audit_steps(project: Project, *, period_from: str | None = None,
                period_to: str | None = None) -> Generator[Progress, None, AuditResult]:
    """Audit the project; yields progress, returns the stored :class:`AuditResult`."""
    started_at = now_iso()
    settings = audit_settings(project)
    thresholds = Thresholds(settings["match_threshold"], min(settings["review_threshold"], settings["match_threshold"]))
    normalizer = matching_normalizer(project.get_setting("synonyms"))
    promises = [prepare_promise(promise, normalizer) for promise in load_promises(project)]
    lines = [prepare_line(line, normalizer, thresholds) for line in load_script_lines(project)]
    locations = dict(project.db.execute("SELECT key, location FROM touchpoints").fetchall())
    total = count_observations(project, period_from, period_to)

    checks: list[Check] = []
    content: dict[str, str] = {}
    normalized_all: list[tuple[Observation, Normalized]] = []
    done = 0
    yield done, total
    observations = iter_observations(project, period_from, period_to)
    for touchpoint, group in groupby(observations, key=lambda observation: observation.touchpoint):
        here_promises = [p for p in promises if p.promise.applies_to(touchpoint)]
        here_lines = [line for line in lines if line.line.touchpoint == touchpoint]
        needles = list(dict.fromkeys([cue for p in here_promises for cue in p.cues]
                                     + [line.phrase for line in here_lines if line.phrase]))
        cutoff = min([thresholds.review, *(line.thresholds.review for line in here_lines)])
        measurable = MetricIndex({p.promise.key: (p.promise.unit, p.words) for p in here_promises
                                  if p.promise.metric and p.promise.target is not None})
        for batch in _batched(group, _BATCH):
            texts = [normalizer(observation.transcript) for observation in batch]
            scores = _prefilter(needles, texts, cutoff)
            for index, (observation, text) in enumerate(zip(batch, texts)):
                lookup = dict(zip(needles, scores[index])) if scores is not None else {}
                day = observation.day
                reported = measurable.assign(text.text) if text.text else {}
                for prepared in here_promises:
                    if prepared.promise.valid_on(day):
                        check = check_promise(prepared, observation, text, lookup, thresholds,
                                              reported.get(prepared.promise.key))
                        if check is not None:
                            checks.append(check)
                for prepared in here_lines:
                    if prepared.line.valid_on(day):
                        check = check_line(prepared, observation, text, lookup)
                        if check is not None:
                            checks.append(check)
                content[f"observation:{observation.key}"] = _observation_content(observation)
                normalized_all.append((observation, text))
            done += len(batch)
            yield done, total

    project_auditor = ProjectAuditor(normalizer, [p.promise for p in promises], [line.line for line in lines],
                                     sorted(locations))
    checks.extend(project_auditor.checks())
    checks.extend(duplicate_transcripts(normalized_all))
    del normalized_all
    for line in lines:
        content[f"script_line:{line.line.key}"] = line.line.text
    for prepared in promises:
        content[f"promise:{prepared.promise.key}"] = prepared.promise.text

    findings = make_findings(checks, content, load_decisions(project))
    metrics = compute_metrics(checks, observation_rows(project, period_from, period_to), locations=locations,
                              expectations=settings["servqual_expectations"] or None)
    metrics["findings_by_kind"] = _count_by_kind(findings)
    run_id = _store(project, started_at, period_from, period_to, settings, checks, findings, metrics)
    yield done, total
    return AuditResult(run_id, started_at, period_from, period_to, settings, checks, findings, metrics)


def run_audit(project: Project, *, period_from: str | None = None, period_to: str | None = None,
              progress: Callable[[int, int], None] | None = None,
              is_cancelled: Callable[[], bool] | None = None) -> AuditResult:
    """Run :func:`audit_steps` to the end; raise :class:`Cancelled` (nothing stored) if asked to stop."""
    steps = audit_steps(project, period_from=period_from, period_to=period_to)
    try:
        while True:
            done, total = next(steps)
            if progress:
                progress(done, total)
            if is_cancelled and is_cancelled():
                steps.close()
                raise Cancelled("Audit cancelled; nothing was stored.")
    except StopIteration as stop:
        return stop.value


def _batched(items: Iterable[Observation], size: int) -> Iterator[list[Observation]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _prefilter(needles: list[str], texts: list[Normalized], cutoff: float):
    """partial_ratio of every needle against every transcript, on all cores (rows: transcripts)."""
    if not needles:
        return None
    return process.cdist([text.text for text in texts], needles, scorer=fuzz.partial_ratio,
                         score_cutoff=cutoff, workers=-1).tolist()


def _observation_content(observation: Observation) -> str:
    measured = ";".join(f"{metric}={value}{unit or ''}" for metric, (value, unit) in sorted(observation.measurements.items()))
    return f"{observation.transcript}\x1d{measured}"


def _count_by_kind(findings: list[Finding]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for finding in findings:
        if finding.status != "dismissed":
            counts[finding.kind] = counts.get(finding.kind, 0) + 1
    return counts


def _store(project: Project, started_at: str, period_from: str | None, period_to: str | None, settings: dict,
           checks: list[Check], findings: list[Finding], metrics: dict) -> int:
    with project.transaction() as db:
        cursor = db.execute(
            "INSERT INTO audit_runs (started_at, finished_at, period_from, period_to, settings, metrics) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [started_at, now_iso(), period_from, period_to, json.dumps(settings, ensure_ascii=False),
             json.dumps(metrics, ensure_ascii=False)])
        run_id = cursor.lastrowid
        db.conn.executemany(
            "INSERT INTO checks (run, observation, touchpoint, target_type, target, verdict, kind, score, "
            "evidence_text, evidence_start, evidence_end, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ((run_id, c.observation, c.touchpoint, c.target_type, c.target, c.verdict, c.kind, c.score,
              c.evidence.text if c.evidence else None, c.evidence.start if c.evidence else None,
              c.evidence.end if c.evidence else None, c.reason) for c in checks))
        db.conn.executemany(
            "INSERT INTO findings (run, fingerprint, kind, verdict, severity, observation, touchpoint, promise, "
            "script_line, expected, observed, evidence_text, evidence_start, evidence_end) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ((run_id, f.id, f.kind, f.verdict, f.severity, f.observation, f.touchpoint, f.promise, f.script_line,
              f.expected, f.observed, f.evidence.text if f.evidence else None,
              f.evidence.start if f.evidence else None, f.evidence.end if f.evidence else None) for f in findings))
    return run_id
