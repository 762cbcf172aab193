"""How an audit run is computed and stored at scale: the bulk (numpy) path gives exactly the
checks the one-by-one path gives, quiet checks come back from their compact rows, staged
rows vanish when an audit is cancelled, and fingerprints stay what earlier versions made."""

from __future__ import annotations

import hashlib
import shutil
from itertools import groupby
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from auditor.audit import audit_steps, matching_normalizer, run_audit
from auditor.batch import TouchpointChecker
from auditor.findings import fingerprint, make_findings, severity
from auditor.metrics import CheckTally, compute_metrics
from auditor.model import Check
from auditor.observation_checks import Thresholds, check_line, check_promise, prepare_line, prepare_promise
from auditor.records import iter_observations, load_promises, load_script_lines
from auditor.runs import QUIET_LINE_REASON, QUIET_PROMISE_REASON, RunWriter, iter_checks
from auditor.stated import MetricIndex
from auditor.store import Project

THRESHOLDS = Thresholds(85.0, 70.0)


def _one_by_one(project: Project) -> list[tuple]:
    """Every check of the sample's observations made the slow way: each pair on its own."""
    normalizer = matching_normalizer(None)
    promises = [prepare_promise(p, normalizer) for p in load_promises(project)]
    lines = [prepare_line(line, normalizer, THRESHOLDS) for line in load_script_lines(project)]
    found = []
    for observation in iter_observations(project, None, None):
        text = normalizer(observation.transcript)
        here = [p for p in promises if p.promise.applies_to(observation.touchpoint)]
        here_lines = [line for line in lines if line.line.touchpoint == observation.touchpoint]
        scores = {phrase: fuzz.partial_ratio(text.text, phrase) for p in here for phrase in p.cues}
        scores.update({line.phrase: fuzz.partial_ratio(text.text, line.phrase) for line in here_lines})
        measured = [p for p in here if p.promise.metric and p.promise.target is not None]
        measurable = MetricIndex({p.promise.key: (p.promise.unit, p.words) for p in measured},
                                 {p.promise.key: p.vocabulary for p in measured})
        reported = measurable.assign(text.text) if text.text else {}
        for prepared in here:
            if prepared.promise.valid_on(observation.day):
                check = check_promise(prepared, observation, text, scores, THRESHOLDS,
                                      reported.get(prepared.promise.key))
                if check is not None:
                    found.append(_essence(check))
        for prepared in here_lines:
            if prepared.line.valid_on(observation.day):
                check = check_line(prepared, observation, text, scores)
                if check is not None:
                    found.append(_essence(check))
    return found


def _essence(check: Check) -> tuple:
    evidence = (check.evidence.start, check.evidence.end) if check.evidence else None
    return (check.observation, check.target_type, check.target, check.verdict, check.kind, check.reason, evidence)


def test_the_bulk_path_makes_exactly_the_checks_of_the_one_by_one_path(sample):
    with Project.open(sample) as project:
        expected = _one_by_one(project)
        normalizer = matching_normalizer(None)
        promises = [prepare_promise(p, normalizer) for p in load_promises(project)]
        lines = [prepare_line(line, normalizer, THRESHOLDS) for line in load_script_lines(project)]
        got, tally = [], CheckTally()
        for touchpoint, group in groupby(iter_observations(project, None, None), key=lambda o: o.touchpoint):
            batch = list(group)
            checker = TouchpointChecker(touchpoint, promises, lines, THRESHOLDS)
            result = checker.check(batch, [normalizer(o.transcript) for o in batch], tally)
            got += [_essence(check) for check in result.checks]
            for observation, _touchpoint, quiet_promises, quiet_lines in result.quiet:
                got += [(observation, "promise", key, "kept", "broken_promise", QUIET_PROMISE_REASON, None)
                        for key in quiet_promises]
                got += [(observation, "script_line", key, "kept", "forbidden_phrase", QUIET_LINE_REASON, None)
                        for key in quiet_lines]
    assert len(expected) > 300
    assert sorted(got) == sorted(expected)
    quiet = sum(1 for item in got if item[5] in (QUIET_PROMISE_REASON, QUIET_LINE_REASON))
    assert 0 < quiet < len(got)  # both paths were taken
    assert tally.total() == len(got)


def test_stored_checks_come_back_with_the_quiet_ones_expanded(sample, tmp_path):
    with Project.open(sample) as project:
        result = run_audit(project)
        checks = list(iter_checks(project, result.run_id))
        stored_rows = project.db.execute("SELECT count(*) FROM checks WHERE run = ?", [result.run_id]).fetchone()[0]
        quiet_rows = project.db.execute("SELECT count(*) FROM quiet_checks WHERE run = ?",
                                        [result.run_id]).fetchone()[0]
    assert len(checks) == result.metrics["counts"]["checks"] > stored_rows
    assert 0 < quiet_rows <= result.metrics["counts"]["observations"]
    quiet = [c for c in checks if c.reason == QUIET_PROMISE_REASON]
    assert quiet and all(c.verdict == "kept" and c.evidence is None and c.observed_at and c.promise == c.target
                         for c in quiet)
    # The metrics recomputed from the stored checks are the metrics the audit kept as tallies.
    with Project.open(sample) as project:
        rows = list(project.db.query("SELECT key, touchpoint, observed_at, nps, ces, rating_tangibles, "
                                     "rating_reliability, rating_responsiveness, rating_assurance, rating_empathy "
                                     "FROM observations"))
        locations = dict(project.db.execute("SELECT key, location FROM touchpoints").fetchall())
    again = compute_metrics(checks, rows, locations=locations)
    kept = {k: v for k, v in result.metrics.items() if k != "findings_by_kind"}
    assert again == kept


@pytest.mark.parametrize("stop_after", [1, 2])
def test_a_cancelled_audit_leaves_its_staging_empty_and_the_next_run_clean(sample, stop_after):
    with Project.open(sample) as project:
        runs_before = project.db.execute("SELECT count(*) FROM audit_runs").fetchone()[0]
        steps = audit_steps(project)
        for _ in range(stop_after + 1):
            next(steps)
        steps.close()
        staged = [project.db.execute(f"SELECT count(*) FROM temp.{name}").fetchone()[0]
                  for name in ("stage_checks", "stage_quiet", "stage_findings")]
        assert staged == [0, 0, 0]
        assert project.db.execute("SELECT count(*) FROM audit_runs").fetchone()[0] == runs_before
        result = run_audit(project)  # the same connection audits again, from scratch
        assert project.db.execute("SELECT count(*) FROM findings WHERE run = ?", [result.run_id]).fetchone()[0] \
            == sum(result.metrics["findings_by_kind"].values())


def test_the_project_is_not_write_locked_while_an_audit_runs(sample):
    """A shopper saving a record during a long audit must not wait for it to finish."""
    with Project.open(sample) as auditing, Project.open(sample) as shopper:
        steps = audit_steps(auditing)
        next(steps), next(steps)  # mid-audit: something staged already
        with shopper.transaction() as db:
            db.execute("INSERT INTO drafts (data, created_at, updated_at) VALUES ('{}', 'now', 'now')")
        for _ in steps:
            pass
        assert shopper.db.execute("SELECT count(*) FROM drafts").fetchone()[0] == 1


def test_fingerprints_are_the_ones_earlier_versions_made():
    """Reviewers' decisions are keyed by fingerprint: the formula must never drift."""
    check = Check("V-005", "hotline", "promise", "P-24H", "broken", "broken_promise", promise="P-24H")
    content = "只有机器人回复\x1dwait_minutes=30.0min\x1e24/7 live agents"
    expected = hashlib.sha256("\x1f".join(["broken_promise", "V-005", "promise", "P-24H", "hotline", "P-24H",
                                           hashlib.sha256(content.encode()).hexdigest()]).encode()).hexdigest()[:20]
    assert fingerprint(check, content) == expected
    made = make_findings([check], {"observation:V-005": "只有机器人回复\x1dwait_minutes=30.0min",
                                   "promise:P-24H": "24/7 live agents"}, {})
    assert [finding.id for finding in made] == [expected]


def test_findings_of_one_visit_differ_by_target_and_content():
    checks = [Check("V-1", "web", "promise", key, "broken", "broken_promise", promise=key) for key in ("P-1", "P-2")]
    content = {"observation:V-1": "slow", "promise:P-1": "fast", "promise:P-2": "faster"}
    first = make_findings(checks, content, {})
    assert len({finding.id for finding in first}) == 2
    changed = make_findings(checks, {**content, "observation:V-1": "slow!"}, {})
    assert not {finding.id for finding in first} & {finding.id for finding in changed}


def test_run_writer_counts_findings_without_the_dismissed(sample):
    with Project.open(sample) as project:
        writer = RunWriter(project)
        try:
            checks = [Check("V-1", "web", "promise", key, "broken", "broken_promise", promise=key)
                      for key in ("P-1", "P-2")]
            findings = make_findings(checks, {}, {})
            writer.add_findings(findings)
            assert writer.findings_by_kind({findings[0].id: {"status": "dismissed"}}) == {"broken_promise": 1}
            assert writer.findings_by_kind({}) == {"broken_promise": 2}
        finally:
            writer.discard()
        assert project.db.execute("SELECT count(*) FROM temp.stage_findings").fetchone()[0] == 0


def test_an_audit_in_two_worker_processes_stores_exactly_what_one_process_does(sample, tmp_path):
    """The parallel path (used from 20,000 visits) on the sample, forced: same checks,
    findings, metrics and stored rows, and no stage file left behind."""
    with Project.open(sample) as project:
        alone = run_audit(project, workers=1)
        split = run_audit(project, workers=2)
        assert split.metrics == alone.metrics
        assert [(f.id, f.status, f.evidence) for f in split.findings] == [
            (f.id, f.status, f.evidence) for f in alone.findings]
        assert sorted(map(_essence, split.checks), key=repr) == sorted(map(_essence, alone.checks), key=repr)
        rows = [project.db.execute(f"SELECT count(*) FROM {table} WHERE run = ?", [run.run_id]).fetchone()[0]
                for run in (alone, split) for table in ("checks", "quiet_checks", "findings")]
        assert rows[:3] == rows[3:]


def test_the_run_row_holds_the_metrics_finished_alongside_the_copy(sample):
    """The run's row is written first and completed in the same transaction, once the
    copies (searched in a thread) and the project's checks are in: what is stored is
    what the audit returned, in one process and in two."""
    import json

    with Project.open(sample) as project:
        for workers in (1, 2):
            result = run_audit(project, workers=workers)
            metrics, finished = project.db.execute("SELECT metrics, finished_at FROM audit_runs WHERE id = ?",
                                                   [result.run_id]).fetchone()
            assert json.loads(metrics) == json.loads(json.dumps(result.metrics)) and metrics != "{}"
            assert finished >= result.started_at
            duplicates = project.db.execute("SELECT count(*) FROM checks WHERE run = ? AND kind = ?",
                                            [result.run_id, "duplicate_transcript"]).fetchone()[0]
            assert duplicates == result.metrics["findings_by_kind"].get("duplicate_transcript", 0) > 0


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("failing", ["search", "count"])
def test_a_run_that_fails_while_it_is_stored_stores_nothing(sample, monkeypatch, workers, failing):
    """The search for copies fails in its thread, or counting fails after the last rows
    were staged inside the store's transaction: nothing of the run is left."""
    from auditor.duplicates import DuplicateFinder

    def fail(*args):
        raise RuntimeError("search failed")

    with Project.open(sample) as project:
        before = [project.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                  for table in ("audit_runs", "checks", "quiet_checks", "findings")]
        if failing == "search":
            monkeypatch.setattr(DuplicateFinder, "checks", fail)
        else:
            monkeypatch.setattr(RunWriter, "findings_by_kind", fail)
        with pytest.raises(RuntimeError, match="search failed"):
            run_audit(project, workers=workers)
        after = [project.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                 for table in ("audit_runs", "checks", "quiet_checks", "findings")]
        assert after == before
        assert not project.db.conn.in_transaction


def test_touchpoints_are_shared_out_by_their_visits(sample, monkeypatch):
    from auditor.parallel import WORKERS_ENV, shares

    with Project.open(sample) as project:
        assert shares(project, None, None, None) is None  # 80 visits: not worth a process
        assert shares(project, None, None, 1) is None
        split = shares(project, None, None, 3)
        counts = dict(project.db.execute("SELECT touchpoint, count(*) FROM observations GROUP BY touchpoint"))
        monkeypatch.setenv(WORKERS_ENV, "2")
        assert len(shares(project, None, None, None)) == 2
    assert len(split) == 3 and sorted(tp for share in split for tp in share) == sorted(counts)
    loads = [sum(counts[tp] for tp in share) for share in split]
    assert max(loads) - min(loads) <= max(counts.values())  # balanced to within one touchpoint


def test_a_cancelled_parallel_audit_stops_its_workers_and_stores_nothing(sample, monkeypatch):
    from auditor import parallel

    started = []

    class Recorded(parallel.Workers):
        def start(self) -> None:
            super().start()
            started.append(self)

    monkeypatch.setattr(parallel, "Workers", Recorded)
    with Project.open(sample) as project:
        runs_before = project.db.execute("SELECT count(*) FROM audit_runs").fetchone()[0]
        steps = audit_steps(project, workers=2)
        next(steps), next(steps)  # workers started and reporting
        steps.close()
        assert project.db.execute("SELECT count(*) FROM audit_runs").fetchone()[0] == runs_before
    (pool,) = started
    assert pool.folder.name.startswith("brand-auditor-") and not pool.folder.exists()
    assert not any(process.is_alive() for process in pool.processes)


def test_python_dash_m_audits_in_workers_without_running_the_command_twice(sample, tmp_path):
    import os
    import subprocess
    import sys

    path = tmp_path / "cli.btaproj"
    shutil.copyfile(sample, path)
    before = _runs_in(path)
    env = {**os.environ, "BRAND_AUDITOR_WORKERS": "2", "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    done = subprocess.run([sys.executable, "-m", "auditor", "audit", str(path)], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("Audit run") == 1 and not done.stderr
    with Project.open(path) as project:
        assert project.db.execute("SELECT count(*) FROM audit_runs").fetchone()[0] == before + 1


def _runs_in(path: Path) -> int:
    with Project.open(path) as project:
        return project.db.execute("SELECT count(*) FROM audit_runs").fetchone()[0]


@pytest.mark.parametrize("kind, weight, verdict, expected", [
    ("broken_promise", 4, "broken", 4), ("missing_phrase", 2, "broken", 2), ("forbidden_phrase", 4, "broken", 5),
    ("forbidden_phrase", 5, "broken", 5), ("inconsistent_claim", 1, "broken", 3), ("inconsistent_claim", 5, "broken", 5),
    ("uncovered_promise", 1, "broken", 1), ("uncovered_promise", 4, "broken", 3), ("duplicate_transcript", 5, "broken", 3),
    ("broken_promise", 4, "review", 3), ("missing_phrase", 1, "review", 1), ("forbidden_phrase", 3, "review", 3),
])
def test_severity_follows_the_weight_of_what_was_broken(kind, weight, verdict, expected):
    check = Check("V-1", "tp", "promise", "P", verdict, kind, weight=weight)
    assert severity(check) == expected
