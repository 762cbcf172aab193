"""Running an audit: every check of SPEC §5 over a period, stored as one audit run.

The work is a generator (:func:`audit_steps`) that yields ``(done, total)`` between
batches of observations, so a desktop app can show progress and cancel between yields.
Checks and findings are staged batch by batch (:class:`auditor.runs.RunWriter`) and the
metrics kept as running tallies, so memory stays flat however many visits are audited;
the run is stored in one transaction at the very end, so a cancelled audit leaves no
trace. :func:`run_audit` drives it for the command line and tests.

Speed: see :mod:`auditor.batch` — the quiet majority of checks is decided in bulk from
one rapidfuzz ``cdist`` per batch; only pairs that reach the review threshold get the
slower alignment, negation and evidence work.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property
from itertools import groupby, islice
from typing import TextIO

from auditor import parallel
from auditor.batch import TouchpointChecker
from auditor.duplicates import DuplicateFinder
from auditor.errors import Cancelled
from auditor.findings import load_decisions, load_findings, make_findings
from auditor.matching import DEFAULT_MATCH_THRESHOLD, DEFAULT_REVIEW_THRESHOLD
from auditor.lexicon import TOKEN_BASE
from auditor.metrics import CheckTally, answers_by_group, compute_metrics, month_of
from auditor.model import Check, Finding
from auditor.normalize import Normalizer, load_default_synonyms
from auditor.observation_checks import PreparedLine, PreparedPromise, Thresholds, prepare_line, prepare_promise
from auditor.project_checks import ProjectAuditor
from auditor.records import (
    Observation,
    count_observations,
    iter_observations,
    load_promises,
    load_script_lines,
    observation_rows,
)
from auditor.runs import RunWriter, iter_checks
from auditor.store import Project, now_iso
from auditor.subject import Subjects, weigh

_BATCH = 1000

Progress = tuple[int, int]


@dataclass
class AuditResult:
    """A stored audit run. Its checks and findings are read from the project when asked
    for (a run of 100,000 visits holds millions of checks), so the project must be open."""

    project: Project
    run_id: int
    started_at: str
    period_from: str | None
    period_to: str | None
    settings: dict
    metrics: dict

    @cached_property
    def checks(self) -> list[Check]:
        return list(iter_checks(self.project, self.run_id))

    @cached_property
    def findings(self) -> list[Finding]:
        """Most severe first, with reviewers' decisions."""
        return load_findings(self.project, self.run_id)

    def _run_json(self) -> dict:
        return {"id": self.run_id, "started_at": self.started_at, "from": self.period_from,
                "to": self.period_to, "settings": self.settings}

    def as_json(self) -> dict:
        """The object ``audit --json`` prints (SPEC §4)."""
        return {
            "run": self._run_json(),
            "checks": [check.as_json() for check in self.checks],
            "findings": [finding.as_json() for finding in self.findings],
            "metrics": self.metrics,
        }

    def write_json(self, out: TextIO) -> None:
        """Write :meth:`as_json` to ``out`` without holding every check in memory."""
        def block(value: object, indent: str) -> str:
            text = json.dumps(value, ensure_ascii=False, indent=2)
            return text.replace("\n", "\n" + indent)

        out.write('{\n  "run": ' + block(self._run_json(), "  ") + ',\n  "checks": [')
        for index, check in enumerate(iter_checks(self.project, self.run_id)):
            out.write(("," if index else "") + "\n    " + block(check.as_json(), "    "))
        out.write('\n  ],\n  "findings": [')
        for index, finding in enumerate(self.findings):
            out.write(("," if index else "") + "\n    " + block(finding.as_json(), "    "))
        out.write('\n  ],\n  "metrics": ' + block(self.metrics, "  ") + "\n}\n")


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
_TOKEN_BASE = TOKEN_BASE


def matching_normalizer(synonyms: list[list[str]] | None) -> Normalizer:
    groups = load_default_synonyms() if synonyms is None else synonyms
    return Normalizer([[chr(_TOKEN_BASE + index), *group] for index, group in enumerate(groups)
                       if isinstance(group, list)])


@dataclass
class AuditPlan:
    """What checking any observation needs, read from the project once per process."""

    settings: dict
    thresholds: Thresholds
    normalizer: Normalizer
    promises: list[PreparedPromise]
    lines: list[PreparedLine]
    decisions: dict[str, dict]  # reviewers' decisions by fingerprint
    judged: dict[str, str]  # "promise:KEY" / "script_line:KEY" -> its text, for fingerprints

    @classmethod
    def load(cls, project: Project) -> "AuditPlan":
        settings = audit_settings(project)
        thresholds = Thresholds(settings["match_threshold"],
                                min(settings["review_threshold"], settings["match_threshold"]))
        normalizer = matching_normalizer(project.get_setting("synonyms"))
        promises = [prepare_promise(promise, normalizer) for promise in load_promises(project)]
        lines = [prepare_line(line, normalizer, thresholds) for line in load_script_lines(project)]
        _weigh_subjects(project, normalizer, promises, lines)
        judged = {f"script_line:{line.line.key}": line.line.text for line in lines}
        judged.update({f"promise:{prepared.promise.key}": prepared.promise.text for prepared in promises})
        return cls(settings, thresholds, normalizer, promises, lines, load_decisions(project), judged)


def _weigh_subjects(project: Project, normalizer: Normalizer, promises: list[PreparedPromise],
                    lines: list[PreparedLine]) -> None:
    """What each promise is about (auditor.subject): its words and its linked lines' words,
    weighed against the brand's other texts — script lines, touchpoint names, brand name."""
    subjects = Subjects(normalizer)
    linked: dict[str, list[str]] = {}
    others = []
    for prepared in lines:
        if prepared.line.promise:
            linked.setdefault(prepared.line.promise, []).append(prepared.line.text)
        else:
            others.append(subjects.of_text(prepared.line.text))
    others += [subjects.of_text(name) for (name,) in project.db.execute("SELECT name FROM touchpoints")]
    if brand := project.get_setting("brand_name"):
        others.append(subjects.of_text(str(brand)))
    found = [subjects.of_promise(p.promise.text, p.promise.metric, linked.get(p.promise.key, ())) for p in promises]
    for prepared, subject in zip(promises, weigh(found, others)):
        prepared.subject = subject


def check_observations(project: Project, plan: AuditPlan, period_from: str | None, period_to: str | None,
                       touchpoints: Sequence[str] | None, writer: RunWriter, tally: CheckTally,
                       duplicates: DuplicateFinder) -> Iterator[int]:
    """Check the period's observations (of ``touchpoints``, or all of them) against their
    promises and script lines; yields how many were checked after each batch."""
    observations = iter_observations(project, period_from, period_to, touchpoints)
    for touchpoint, group in groupby(observations, key=lambda observation: observation.touchpoint):
        checker = TouchpointChecker(touchpoint, plan.promises, plan.lines, plan.thresholds)
        for batch in _batched(group, _BATCH):
            texts = [plan.normalizer(observation.transcript) for observation in batch]
            result = checker.check(batch, texts, tally)
            content = dict(plan.judged)  # a copy per batch: cheaper than a ChainMap lookup per finding
            content.update((f"observation:{o.key}", _observation_content(o)) for o in batch)
            writer.add_checks(result.checks)
            writer.add_quiet(result.quiet)
            writer.add_findings(make_findings(result.checks, content, plan.decisions))
            duplicates.add(batch, texts)  # keeps what it needs of each transcript, not its offset map
            yield len(batch)


def audit_steps(project: Project, *, period_from: str | None = None, period_to: str | None = None,
                workers: int | None = None) -> Generator[Progress, None, AuditResult]:
    """Audit the project; yields progress, returns the stored :class:`AuditResult`.

    ``workers``: processes to check observations in (None: as many as pay off — see
    :mod:`auditor.parallel`; 1: in this process)."""
    started_at = now_iso()
    total = count_observations(project, period_from, period_to)
    shares = parallel.shares(project, period_from, period_to, workers)
    # The audit makes millions of short-lived objects and no reference cycles worth chasing:
    # Python's cycle collector would pause the whole process (the window too, when the app
    # runs the audit) for longer and longer as the heap grows. It is off until the end.
    collecting = gc.isenabled()
    gc.disable()
    tally = CheckTally()
    duplicates = DuplicateFinder()
    writer = RunWriter(project)
    pool = None
    try:
        done = 0
        yield done, total
        if shares:  # start the workers first: what follows here runs while they start up
            pool = parallel.Workers(project.path, shares, period_from, period_to)
            pool.start()
        plan = AuditPlan.load(project)
        locations = dict(project.db.execute("SELECT key, location FROM touchpoints").fetchall())
        project_auditor = ProjectAuditor(plan.normalizer, [p.promise for p in plan.promises],
                                         [line.line for line in plan.lines], sorted(locations),
                                         {p.promise.key: p.subject for p in plan.promises})
        project_checks = project_auditor.checks()
        answers = answers_by_group(observation_rows(project, period_from, period_to))
        if pool is not None:
            for checked in pool.reports():
                done += checked
                yield done, total
            findings_by_kind = pool.merge_into(tally, duplicates)
        else:
            for checked in check_observations(project, plan, period_from, period_to, None, writer, tally,
                                              duplicates):
                done += checked
                yield done, total
            findings_by_kind = {}

        metrics: dict = {}

        def finish() -> dict:
            """The run's last rows, once the workers' checks are copied: the copies found
            meanwhile, the project's checks, the metrics of them all."""
            nonlocal metrics
            copies = searching.result()
            content = {f"observation:{check.observation}": _observation_content(duplicates.records[check.observation][0])
                       for check in copies}
            duplicates.records.clear()
            checks = project_checks + copies
            for check in checks:
                tally.add(check, check.touchpoint, month_of(check.observed_at))
            writer.add_checks(checks)
            writer.add_findings(make_findings(checks, {**plan.judged, **content}, plan.decisions))
            metrics = compute_metrics(tally, locations=locations, answers=answers,
                                      expectations=plan.settings["servqual_expectations"] or None)
            for kind, count in writer.findings_by_kind(plan.decisions).items():
                findings_by_kind[kind] = findings_by_kind.get(kind, 0) + count
            metrics["findings_by_kind"] = findings_by_kind
            return {"finished_at": now_iso(), "metrics": json.dumps(metrics, ensure_ascii=False)}

        # The search for copies needs every visit's transcript; it runs in a thread while
        # the workers' checks are copied into the project (SQLite lets go of the interpreter).
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="duplicates") as background:
            searching = background.submit(duplicates.checks)
            run_id = writer.store({"started_at": started_at, "finished_at": started_at, "period_from": period_from,
                                   "period_to": period_to, "settings": json.dumps(plan.settings, ensure_ascii=False),
                                   "metrics": "{}"},
                                  worker_stages=pool.stage_files if pool else (), finish=finish)
    finally:
        writer.discard()
        if pool is not None:
            pool.close()
        if collecting:
            gc.enable()
    yield done, total
    return AuditResult(project, run_id, started_at, period_from, period_to, plan.settings, metrics)


def run_audit(project: Project, *, period_from: str | None = None, period_to: str | None = None,
              progress: Callable[[int, int], None] | None = None,
              is_cancelled: Callable[[], bool] | None = None, workers: int | None = None) -> AuditResult:
    """Run :func:`audit_steps` to the end; raise :class:`Cancelled` (nothing stored) if asked to stop."""
    steps = audit_steps(project, period_from=period_from, period_to=period_to, workers=workers)
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


def _observation_content(observation: Observation) -> str:
    """What a finding about the visit was judged on: a change here makes its findings new."""
    measured = ";".join(f"{metric}={value}{unit or ''}" for metric, (value, unit) in sorted(observation.measurements.items()))
    content = f"{observation.transcript}\x1d{measured}"
    if observation.answers:  # only then, so visits without ticks keep the fingerprints they had
        content += "\x1d" + ";".join(f"{line}={answer}" for line, answer in sorted(observation.answers.items()))
    return content
