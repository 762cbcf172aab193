"""Findings: the broken and uncertain checks, with fingerprints and reviewers' decisions.

A fingerprint names *what* was found, not *when*: the kind, the observation, the target
and a digest of the content judged (the transcript, or the script line's wording). So a
reviewer's decision survives re-running the audit, and a changed transcript yields a
fresh finding to review.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping

from auditor.errors import AuditorError
from auditor.model import Check, Evidence, Finding
from auditor.schema import REVIEW_STATUSES
from auditor.store import Project, now_iso


def digest(*parts: object) -> str:
    joined = "\x1f".join("" if part is None else str(part) for part in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


def fingerprint(check: Check, content: str = "", *, content_digest: str | None = None) -> str:
    """Stable id of a finding: same check on the same content -> same id, across runs.
    ``content_digest`` is ``digest(content)``, when the caller has it already."""
    return digest(check.kind, check.observation, check.target_type, check.target, check.touchpoint,
                  check.promise, content_digest if content_digest is not None else digest(content))[:20]


def severity(check: Check) -> int:
    """1 (minor) .. 5 (critical), from the weight of what was broken; one less for `review`."""
    kind, weight = check.kind, check.weight  # (a chain, not a dict built per call: a run has millions)
    if kind == "forbidden_phrase":
        base = weight + 1
    elif kind == "inconsistent_claim":
        base = max(3, weight)
    elif kind == "uncovered_promise":
        base = weight - 1
    elif kind == "duplicate_transcript":
        base = 3
    else:  # broken_promise, missing_phrase
        base = weight
    if check.verdict == "review":
        base -= 1
    return max(1, min(5, base))


def make_findings(checks: Iterable[Check], content_of: Mapping[str, str], decisions: dict[str, dict]) -> list[Finding]:
    """Findings for the broken/review checks. ``content_of`` maps ``"observation:KEY"``,
    ``"script_line:KEY"`` and ``"promise:KEY"`` to the text judged; ``decisions`` maps
    fingerprints to reviewers' decisions."""
    findings = []
    # A visit has many findings: its content is hashed once, and each finding's digest of
    # "observation content + separator + target content" continues from a copy of that.
    hashed: dict[str | None, object] = {}
    for check in checks:
        if check.verdict not in ("broken", "review"):
            continue
        prefix = hashed.get(check.observation)
        if prefix is None:
            prefix = hashed[check.observation] = hashlib.sha256(
                (content_of.get(f"observation:{check.observation}", "") + "\x1e").encode("utf-8"))
        content = prefix.copy()
        content.update(content_of.get(f"{check.target_type}:{check.target}", "").encode("utf-8"))
        key = fingerprint(check, content_digest=content.hexdigest())
        decision = decisions.get(key, {})
        findings.append(Finding(
            id=key, kind=check.kind or "", verdict=check.verdict, severity=severity(check),
            observation=check.observation, touchpoint=check.touchpoint, promise=check.promise,
            script_line=check.script_line, expected=check.expected, observed=check.observed,
            evidence=check.evidence, status=decision.get("status", "new"), note=decision.get("note"),
            reviewer=decision.get("reviewer"), extra={"reason": check.reason, "score": check.score},
        ))
    findings.sort(key=lambda f: (-f.severity, f.kind, f.touchpoint or "", f.observation or "", f.id))
    return findings


def load_decisions(project: Project) -> dict[str, dict]:
    return {row["fingerprint"]: row for row in project.db.query("SELECT * FROM reviews")}


def review_finding(project: Project, finding_id: str, status: str, *, note: str | None = None,
                   reviewer: str | None = None) -> None:
    """Record a reviewer's decision (``confirmed`` or ``dismissed``) on a finding."""
    if status not in REVIEW_STATUSES:
        raise AuditorError(f"'{status}' is not a review decision; use confirmed or dismissed.")
    exists = project.db.execute("SELECT 1 FROM findings WHERE fingerprint = ? LIMIT 1", [finding_id]).fetchone()
    if not exists:
        raise AuditorError(f"There is no finding '{finding_id}' in this project.")
    with project.transaction() as db:
        db["reviews"].upsert({"fingerprint": finding_id, "status": status, "note": note, "reviewer": reviewer,
                              "decided_at": now_iso()}, pk="fingerprint")


def clear_review(project: Project, finding_id: str) -> None:
    with project.transaction() as db:
        db.execute("DELETE FROM reviews WHERE fingerprint = ?", [finding_id])


def latest_run_id(project: Project) -> int | None:
    return project.db.execute("SELECT max(id) FROM audit_runs").fetchone()[0]


def load_findings(project: Project, run_id: int | None = None, kind: str | None = None) -> list[Finding]:
    """The stored findings of one run (the latest if none given), with reviewers' decisions."""
    run_id = run_id if run_id is not None else latest_run_id(project)
    if run_id is None:
        return []
    if not project.db.execute("SELECT 1 FROM audit_runs WHERE id = ?", [run_id]).fetchone():
        raise AuditorError(f"There is no audit run {run_id} in this project.")
    sql = ("SELECT f.*, r.status, r.note, r.reviewer FROM findings f "
           "LEFT JOIN reviews r ON r.fingerprint = f.fingerprint WHERE f.run = ?")
    params: list[object] = [run_id]
    if kind:
        sql += " AND f.kind = ?"
        params.append(kind)
    sql += " ORDER BY f.severity DESC, f.kind, f.touchpoint, f.observation, f.fingerprint"
    return [
        Finding(
            id=row["fingerprint"], kind=row["kind"], verdict=row["verdict"], severity=row["severity"],
            observation=row["observation"], touchpoint=row["touchpoint"], promise=row["promise"],
            script_line=row["script_line"], expected=row["expected"], observed=row["observed"],
            evidence=None if row["evidence_text"] is None
            else Evidence(row["evidence_text"], row["evidence_start"], row["evidence_end"]),
            status=row["status"] or "new", note=row["note"], reviewer=row["reviewer"],
        )
        for row in project.db.query(sql, params)
    ]
