"""What an audit produces: checks, findings and their evidence (SPEC §2, §4, §5)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True, slots=True)
class Evidence:
    """A quoted span: ``source[start:end] == text`` in the original, unnormalised text.

    For observation checks the source is the observation's transcript; for consistency
    findings it is the script line's text.
    """

    text: str
    start: int
    end: int


@dataclass(slots=True)  # an audit of 100,000 visits holds millions of these
class Check:
    """One evaluation of one target against one observation (or of a promise against the scripts)."""

    observation: str | None  # observation key; None for project-level checks
    touchpoint: str | None
    target_type: str  # "promise" | "script_line" | "observation"
    target: str  # the promise, script line or (for duplicates) observation key
    verdict: str  # "kept" | "broken" | "review"
    kind: str | None  # a FINDING_KIND for broken/review; the kind it would be, for kept
    score: float | None = None  # 0-100 match score, where a phrase was matched
    evidence: Evidence | None = None
    reason: str = ""  # one short sentence: why this verdict
    weight: int = 3  # the promise's or script line's weight, for the consistency index
    # Filled for findings: what was expected and what was observed, in plain words.
    expected: str | None = None
    observed: str | None = None
    promise: str | None = None
    script_line: str | None = None
    observed_at: str | None = None  # the observation's time, for breakdowns by month

    def as_json(self) -> dict:
        data = {
            "observation": self.observation,
            "touchpoint": self.touchpoint,
            "target_type": self.target_type,
            "target": self.target,
            "verdict": self.verdict,
            "kind": self.kind,
            "score": None if self.score is None else round(self.score, 1),
            "evidence": None if self.evidence is None else asdict(self.evidence),
            "reason": self.reason,
        }
        return data


@dataclass(slots=True)
class Finding:
    """A check whose verdict is broken or review, with a fingerprint that survives re-runs."""

    id: str  # the stable fingerprint
    kind: str
    verdict: str
    severity: int  # 1 (minor) .. 5 (critical)
    observation: str | None
    touchpoint: str | None
    promise: str | None
    script_line: str | None
    expected: str | None
    observed: str | None
    evidence: Evidence | None
    status: str = "new"  # new | confirmed | dismissed
    note: str | None = None
    reviewer: str | None = None
    extra: dict = field(default_factory=dict)

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "verdict": self.verdict,
            "severity": self.severity,
            "observation": self.observation,
            "touchpoint": self.touchpoint,
            "promise": self.promise,
            "script_line": self.script_line,
            "expected": self.expected,
            "observed": self.observed,
            "evidence": None if self.evidence is None else asdict(self.evidence),
            "status": self.status,
        }
