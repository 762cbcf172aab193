"""Stored audit runs: writing one all-or-nothing, and reading its checks back.

An audit of 100,000 visits makes millions of checks, too many to hold in memory. The
audit hands them to a :class:`RunWriter` batch by batch; the writer stages them in
temporary tables (SQLite's temp files, not RAM) and, when the audit has finished, copies
them into the project in one short transaction. So a cancelled or failed audit leaves
nothing behind, and the project is write-locked only for the final copy, not for the
whole audit: a shopper can keep saving records while it runs.

The quiet majority of checks — kept, with nothing to show — are stored compactly, one
row per observation (``quiet_checks``); :func:`iter_checks` expands them again.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from auditor.model import Check, Evidence, Finding
from auditor.store import Project

QUIET_PROMISE_REASON = "the visit speaks of it, with no sign of a breach"
QUIET_LINE_REASON = "forbidden wording not used"

_CHECK_COLUMNS = ("observation, touchpoint, target_type, target, verdict, kind, score, evidence_text, "
                  "evidence_start, evidence_end, reason, promise, weight")
_QUIET_COLUMNS = "observation, touchpoint, promises, script_lines"
_FINDING_COLUMNS = ("fingerprint, kind, verdict, severity, observation, touchpoint, promise, script_line, "
                    "expected, observed, evidence_text, evidence_start, evidence_end")
_STAGES = {
    "stage_checks": _CHECK_COLUMNS,
    "stage_quiet": _QUIET_COLUMNS,
    "stage_findings": _FINDING_COLUMNS,
}
_TARGETS = {"stage_checks": "checks", "stage_quiet": "quiet_checks", "stage_findings": "findings"}
# Findings go in by fingerprint: their indexes (run + fingerprint, fingerprint) then grow at
# one end instead of at random places — half the time for a million findings.
_STORE_ORDER = {"stage_checks": "rowid", "stage_quiet": "rowid", "stage_findings": "fingerprint"}


class RunWriter:
    """Stages one audit run's checks and findings, then stores them with the run in one transaction.

    Rows are staged in temporary tables, or — in a worker process of a parallel audit —
    in the file ``stage_file``, which the parent's :meth:`store` then copies from too.
    """

    def __init__(self, project: Project, stage_file: Path | None = None) -> None:
        self.project = project
        self.conn = project.db.conn
        self.schema = "temp"
        self._storing = False
        if stage_file is not None:
            self.conn.execute("ATTACH DATABASE ? AS stage", [str(stage_file)])
            self.conn.execute("PRAGMA stage.journal_mode = OFF")  # a scratch file: no journal, no syncs
            self.conn.execute("PRAGMA stage.synchronous = OFF")
            self.schema = "stage"
        kind = "TEMP TABLE" if self.schema == "temp" else "TABLE"
        for name, columns in _STAGES.items():
            self.conn.execute(f"CREATE {kind} IF NOT EXISTS {self.schema}.{name} ({columns})")
        self._empty_stages()

    def add_checks(self, checks: Iterable[Check]) -> None:
        self._stage("stage_checks", (
            (c.observation, c.touchpoint, c.target_type, c.target, c.verdict, c.kind, c.score,
             c.evidence.text if c.evidence else None, c.evidence.start if c.evidence else None,
             c.evidence.end if c.evidence else None, c.reason, c.promise, c.weight) for c in checks))

    def add_quiet(self, rows: Iterable[tuple[str, str, list[str], list[str]]]) -> None:
        """``(observation, touchpoint, promise keys, script-line keys)`` kept quietly."""
        self._stage("stage_quiet", (
            (observation, touchpoint, json.dumps(promises, ensure_ascii=False), json.dumps(lines, ensure_ascii=False))
            for observation, touchpoint, promises, lines in rows if promises or lines))

    def add_findings(self, findings: Iterable[Finding]) -> None:
        self._stage("stage_findings", (
            (f.id, f.kind, f.verdict, f.severity, f.observation, f.touchpoint, f.promise, f.script_line,
             f.expected, f.observed, f.evidence.text if f.evidence else None,
             f.evidence.start if f.evidence else None, f.evidence.end if f.evidence else None) for f in findings))

    def findings_by_kind(self, decisions: dict[str, dict]) -> dict[str, int]:
        """Staged findings per kind, leaving out those a reviewer dismissed."""
        counts: dict[str, int] = {}
        for kind, fingerprint in self.conn.execute(f"SELECT kind, fingerprint FROM {self.schema}.stage_findings"):
            if decisions.get(fingerprint, {}).get("status") != "dismissed":
                counts[kind] = counts.get(kind, 0) + 1
        return counts

    def store(self, run: dict, *, worker_stages: Sequence[Path] = (),
              finish: Callable[[], dict] | None = None) -> int:
        """Insert the run (an ``audit_runs`` row) with everything staged — in the workers'
        stage files and here — and return its id.

        ``finish``, when given, is called in the transaction once the workers' stage files
        are copied: what it stages then is stored too, and the columns it returns complete
        the run's row. So work that runs alongside in a thread (the search for copies, which
        needs every worker's transcripts) overlaps the longest copy instead of waiting for
        it: SQLite lets go of the interpreter while it copies."""
        schemas = []
        try:
            for index, path in enumerate(worker_stages):
                self.conn.execute(f"ATTACH DATABASE ? AS worker{index}", [str(path)])
                schemas.append(f"worker{index}")
            with self.project.transaction() as db:
                columns = ", ".join(run)
                run_id = db.execute(f"INSERT INTO audit_runs ({columns}) VALUES ({', '.join('?' * len(run))})",
                                    list(run.values())).lastrowid
                for schema in schemas:
                    self._copy(db, schema, run_id)
                if finish is not None:
                    self._storing = True  # what finish stages stays in this transaction
                    try:
                        late = finish()
                    finally:
                        self._storing = False
                    if late:
                        db.execute(f"UPDATE audit_runs SET {', '.join(f'{name} = ?' for name in late)} WHERE id = ?",
                                   [*late.values(), run_id])
                self._copy(db, self.schema, run_id)
        finally:
            for schema in schemas:
                self.conn.execute(f"DETACH DATABASE {schema}")
        self.discard()
        return run_id

    @staticmethod
    def _copy(db, schema: str, run_id: int) -> None:
        for stage, target in _TARGETS.items():
            columns = _STAGES[stage]
            db.execute(f"INSERT INTO {target} (run, {columns}) SELECT ?, {columns} FROM {schema}.{stage} "
                       f"ORDER BY {_STORE_ORDER[stage]}", [run_id])

    def close(self) -> None:
        """A worker's writer: leave the stage file complete for the parent, detached."""
        self.conn.commit()
        if self.schema == "stage":
            self.conn.execute("DETACH DATABASE stage")

    def discard(self) -> None:
        """Forget everything staged (a cancelled audit); safe to call more than once."""
        if self.conn.in_transaction:
            self.conn.rollback()
        self._empty_stages()

    def _stage(self, table: str, rows: Iterable[tuple]) -> None:
        placeholders = ", ".join("?" * len(_STAGES[table].split(",")))
        self.conn.executemany(f"INSERT INTO {self.schema}.{table} VALUES ({placeholders})", rows)
        # sqlite3 opened an implicit transaction on the stage for the insert: end it now,
        # so that the final store can take the project's write lock for itself (unless this
        # is the store's own transaction, in its finish).
        if not self._storing:
            self.conn.commit()

    def _empty_stages(self) -> None:
        # Emptied, not dropped: SQLite cannot drop a table while a cancelled audit's
        # query of the observations is still open on the connection.
        for name in _STAGES:
            self.conn.execute(f"DELETE FROM {self.schema}.{name}")
        self.conn.commit()


def iter_checks(project: Project, run_id: int) -> Iterator[Check]:
    """Every check of a stored run, the quiet ones expanded, observation by observation."""
    db = project.db
    weights = {("promise", key): weight for key, weight in db.execute("SELECT key, weight FROM promises")}
    line_promise: dict[str, str | None] = {}
    for key, weight, promise in db.execute("SELECT key, weight, promise FROM script_lines"):
        weights[("script_line", key)] = weight
        line_promise[key] = promise
    observed_at = dict(db.execute(
        "SELECT o.key, o.observed_at FROM observations o WHERE o.key IN "
        "(SELECT observation FROM checks WHERE run = ? UNION SELECT observation FROM quiet_checks WHERE run = ?)",
        [run_id, run_id]))

    def quiet(observation: str, touchpoint: str, target_type: str, target: str) -> Check:
        promise = target if target_type == "promise" else line_promise.get(target)
        kind, reason = (("broken_promise", QUIET_PROMISE_REASON) if target_type == "promise"
                        else ("forbidden_phrase", QUIET_LINE_REASON))
        return Check(observation, touchpoint, target_type, target, "kept", kind, reason=reason,
                     weight=weights.get((target_type, target), 3), promise=promise,
                     script_line=target if target_type == "script_line" else None,
                     observed_at=observed_at.get(observation))

    for (observation, touchpoint, target_type, target, verdict, kind, score, text, start, end, reason, promise,
         weight) in db.execute(f"SELECT {_CHECK_COLUMNS} FROM checks WHERE run = ? ORDER BY id", [run_id]):
        yield Check(observation, touchpoint, target_type, target, verdict, kind, score,
                    None if text is None else Evidence(text, start, end), reason or "",
                    weight=weight if weight is not None else weights.get((target_type, target), 3),
                    promise=promise, script_line=target if target_type == "script_line" else None,
                    observed_at=observed_at.get(observation) if observation else None)
    for observation, touchpoint, promises, lines in db.execute(
            f"SELECT {_QUIET_COLUMNS} FROM quiet_checks WHERE run = ? ORDER BY observation", [run_id]):
        for key in json.loads(promises):
            yield quiet(observation, touchpoint, "promise", key)
        for key in json.loads(lines):
            yield quiet(observation, touchpoint, "script_line", key)
