"""What the Word report says, gathered from a stored audit run (SPEC §7).

Everything the report shows is collected here as plain data — the run and the run before
it, the touchpoints and promises by name, the findings a reader must see (open and
confirmed; dismissed ones are left out), the three worst gaps — so that the document
builder only lays it out. With ``redact_staff`` every text that leaves here has the
shoppers' names replaced by S1, S2… and the project's listed staff names masked.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from auditor.errors import AuditorError
from auditor.findings import latest_run_id, load_findings
from auditor.model import Finding
from auditor.store import Project

STAFF_SETTING = "staff_names"  # project setting: names of staff to mask with --redact-staff
BRAND_SETTING = "brand_name"  # project setting: the brand the report is about (title, cover, properties)
MAX_QUOTES = 5  # findings quoted per promise (or line) and touchpoint; the rest are counted
CONTEXT = 60  # characters of context either side of a quoted span


@dataclass(frozen=True)
class Run:
    id: int
    started_at: str
    finished_at: str | None
    period_from: str | None
    period_to: str | None
    settings: dict
    metrics: dict


@dataclass(frozen=True)
class Touchpoint:
    key: str
    name: str
    channel: str
    location: str | None


@dataclass(frozen=True)
class Promise:
    key: str
    text: str
    weight: int
    dimension: str | None
    touchpoints: tuple[str, ...] | None  # None: every touchpoint


@dataclass(frozen=True)
class Gap:
    """One promise broken at one touchpoint: the stuff of the report's first page."""

    touchpoint: str
    promise: str
    broken: int
    decided: int
    quote: str | None  # the evidence seen most often


@dataclass(frozen=True)
class Quote:
    """Evidence in its context: ``before + span + after`` is an excerpt of the original
    text (names already redacted), ``span`` the words the audit matched."""

    before: str
    span: str
    after: str


@dataclass
class FindingGroup:
    """The findings of one kind, target and touchpoint: a few quoted, the rest counted."""

    kind: str
    target: str | None  # the promise or script line (None for duplicates)
    touchpoint: str | None
    findings: list[Finding]  # every finding of the group, most severe first
    quotes: dict[str, Quote]  # finding id -> quote, for the first MAX_QUOTES findings with evidence

    @property
    def shown(self) -> list[Finding]:
        return self.findings[:MAX_QUOTES]

    @property
    def hidden(self) -> int:
        return max(0, len(self.findings) - MAX_QUOTES)

    @property
    def severity(self) -> int:
        return max(finding.severity for finding in self.findings)


@dataclass
class ReportData:
    run: Run
    previous: Run | None
    history: list[Run]  # every run up to this one, oldest first (the trend)
    touchpoints: dict[str, Touchpoint]
    promises: dict[str, Promise]
    script_lines: dict[str, str]
    findings: list[Finding]  # open (new) and confirmed; review verdicts among them are marked by verdict
    groups: list[FindingGroup]  # the findings grouped for reading, most severe first
    observed: dict[str, tuple[str, str | None]]  # observation key -> (observed_at, shopper as shown)
    gaps: list[Gap]
    # promise -> touchpoint -> kept/broken/review visits and keeping rate (the heat map, the gaps)
    by_promise_touchpoint: dict[str, dict[str, dict]] = field(default_factory=dict)
    visits_from: str | None = None  # the period of the visits: the run's bounds, else the earliest
    visits_to: str | None = None  # and latest observed_at of the audited visits
    redactor: "Redactor" = field(repr=False, default=None)  # type: ignore[assignment]

    def touchpoint_name(self, key: str | None) -> str:
        if key is None:
            return ""
        touchpoint = self.touchpoints.get(key)
        return touchpoint.name if touchpoint else key


class Redactor:
    """Replaces shoppers' names with S1, S2… and masks listed staff names, in any text."""

    def __init__(self, shoppers: list[str], staff: list[str], mask: str, enabled: bool) -> None:
        self.enabled = enabled
        self.pseudonyms = {name: f"S{index}" for index, name in enumerate(sorted(set(shoppers)), start=1)}
        replacements = {**{name: mask for name in staff if name.strip()}, **self.pseudonyms}
        self._replacement = {name.casefold(): value for name, value in replacements.items()}
        names = sorted(replacements, key=len, reverse=True)  # longer names first: "Wong Ka Man" before "Wong"
        self._pattern = re.compile("|".join(_name_pattern(name) for name in names), re.IGNORECASE) if names else None

    def shopper(self, name: str | None) -> str | None:
        if not name or not self.enabled:
            return name
        return self.pseudonyms.get(name, self(name))

    def __call__(self, text: str | None) -> str | None:
        if not text or not self.enabled or self._pattern is None:
            return text
        return self._pattern.sub(lambda match: self._replacement.get(match.group(0).casefold(), ""), text)


    def excerpt(self, text: str, start: int, end: int, width: int = CONTEXT) -> Quote:
        """``text[start:end]`` with up to ``width`` characters either side, names replaced.
        A name that straddles the span's edge is replaced whole and counted inside it."""
        left, right = max(0, start - width), min(len(text), end + width)
        if self.enabled and self._pattern is not None:
            for match in self._pattern.finditer(text):
                if match.start() < end and match.end() > start:  # touches the span: widen it
                    start, end = min(start, match.start()), max(end, match.end())
            left, right = min(left, start), max(right, end)
        before, span, after = text[left:start], text[start:end], text[end:right]
        before = ("…" if left > 0 else "") + (self(before) or "")
        after = (self(after) or "") + ("…" if right < len(text) else "")
        return Quote(before, self(span) or "", after)


def _name_pattern(name: str) -> str:
    """A Latin name matches as whole words ("Li" not inside "Lily"); a Chinese one anywhere."""
    escaped = re.escape(name.strip())
    if re.match(r"\w", name.strip()[:1], re.ASCII):
        escaped = rf"(?<![A-Za-z]){escaped}(?![A-Za-z])"
    return escaped


def load_report_data(project: Project, run_id: int | None = None, *, redact_staff: bool = False,
                     mask: str = "[staff]") -> ReportData:
    """Everything the report of ``run_id`` (default: the latest run) shows."""
    run_id = run_id if run_id is not None else latest_run_id(project)
    if run_id is None:
        raise AuditorError("This project has no audit run yet; run the audit first (brand-auditor audit PROJECT).")
    runs = [_run(row) for row in project.db.query("SELECT * FROM audit_runs WHERE id <= ? ORDER BY id", [run_id])]
    if not runs or runs[-1].id != run_id:
        raise AuditorError(f"There is no audit run {run_id} in this project.")
    db = project.db
    touchpoints = {row["key"]: Touchpoint(row["key"], row["name"], row["channel"], row["location"])
                   for row in db.query("SELECT * FROM touchpoints ORDER BY key")}
    links: dict[str, list[str]] = defaultdict(list)
    for promise, touchpoint in db.execute("SELECT promise, touchpoint FROM promise_touchpoints ORDER BY position"):
        links[promise].append(touchpoint)
    promises = {row["key"]: Promise(row["key"], row["text"], row["weight"], row["dimension"],
                                    None if row["all_touchpoints"] else tuple(links.get(row["key"], ())))
                for row in db.query("SELECT * FROM promises ORDER BY key")}
    script_lines = dict(db.execute("SELECT key, text FROM script_lines"))
    findings = [f for f in load_findings(project, run_id) if f.status != "dismissed"]

    shoppers = [name for (name,) in db.execute("SELECT DISTINCT shopper FROM observations WHERE shopper > ''")]
    staff = project.get_setting(STAFF_SETTING, []) or []
    redactor = Redactor(shoppers, [name for name in staff if isinstance(name, str)], mask, redact_staff)
    groups = _grouped(findings)
    quoted = [f for group in groups for f in group.shown if f.evidence is not None]
    observed, texts = _observations(project, {f.observation for f in findings if f.observation},
                                    {f.observation for f in quoted if f.observation}, redactor)
    for group in groups:
        for finding in group.shown:
            if finding.evidence is None:
                continue
            source = texts.get(finding.observation) if finding.observation else script_lines.get(
                finding.script_line or "")
            if source is not None and source[finding.evidence.start:finding.evidence.end] == finding.evidence.text:
                group.quotes[finding.id] = redactor.excerpt(source, finding.evidence.start, finding.evidence.end)
    by_pair = visits_by_promise_touchpoint(project, run_id) or runs[-1].metrics.get("by_promise_touchpoint") or {}
    gaps = worst_gaps(by_pair, findings, promises)
    visits_from, visits_to = visit_period(project, runs[-1])
    if redact_staff:
        findings = [_redacted(finding, redactor) for finding in findings]
        for group in groups:
            group.findings = [_redacted(finding, redactor) for finding in group.findings]
        gaps = [Gap(g.touchpoint, g.promise, g.broken, g.decided, redactor(g.quote)) for g in gaps]
    return ReportData(run=runs[-1], previous=runs[-2] if len(runs) > 1 else None, history=runs,
                      touchpoints=touchpoints, promises=promises, script_lines=script_lines, findings=findings,
                      groups=groups, observed=observed, gaps=gaps, redactor=redactor, by_promise_touchpoint=by_pair,
                      visits_from=visits_from, visits_to=visits_to)


def brand_name(project: Project) -> str:
    """The project's ``brand_name`` setting, else its file name made readable ("acme_hotels" → "Acme Hotels")."""
    stored = project.get_setting(BRAND_SETTING)
    if isinstance(stored, str) and stored.strip():
        return " ".join(stored.split())
    return file_brand_name(project.path)


def file_brand_name(path: Path) -> str:
    """The brand a project file's name suggests: "acme_hotels.btaproj" → "Acme Hotels"."""
    name = " ".join(re.sub(r"[_\-.]+", " ", path.stem).split()) or path.stem
    return name.title() if name == name.lower() else name


def visit_period(project: Project, run: Run) -> tuple[str | None, str | None]:
    """The first and last day the run's visits cover: the run's own bounds where it has them,
    else the earliest and latest ``observed_at`` of the visits it checked."""
    start, end = run.period_from, run.period_to
    if not start or not end:
        first, last = project.db.execute(
            "SELECT min(observed_at), max(observed_at) FROM observations WHERE key IN "
            "(SELECT observation FROM checks WHERE run = ? AND observation IS NOT NULL "
            "UNION SELECT observation FROM quiet_checks WHERE run = ?)", [run.id, run.id]).fetchone()
        start, end = start or first, end or last
    return start, end


# One row per visit, promise and touchpoint: whether any check of that promise broke it or kept it.
# Checks without a visit (a promise checked against the scripts) are no visits and are left out.
_VISITS_BY_PAIR = """
WITH per_check AS (
    SELECT coalesce(c.promise, c.target) AS promise, coalesce(c.touchpoint, o.touchpoint) AS touchpoint,
           c.observation AS observation, c.verdict = 'broken' AS broke, c.verdict = 'kept' AS kept
    FROM checks c LEFT JOIN observations o ON o.key = c.observation
    WHERE c.run = ? AND c.target_type = 'promise' AND c.observation IS NOT NULL
    UNION ALL
    SELECT j.value, q.touchpoint, q.observation, 0, 1
    FROM quiet_checks q, json_each(q.promises) j WHERE q.run = ?
), per_visit AS (
    SELECT promise, touchpoint, observation, max(broke) AS broke, max(kept) AS kept
    FROM per_check WHERE touchpoint IS NOT NULL GROUP BY promise, touchpoint, observation
)
SELECT promise, touchpoint, sum(kept AND NOT broke), sum(broke), sum(NOT kept AND NOT broke)
FROM per_visit GROUP BY promise, touchpoint ORDER BY promise, touchpoint
"""


def visits_by_promise_touchpoint(project: Project, run_id: int) -> dict[str, dict[str, dict]]:
    """Per promise and touchpoint, the distinct visits that kept it, broke it (a visit with
    any broken check of the promise) or are left for review, and the keeping rate — counted
    from the run's stored checks, so a check that belongs to no visit is never a visit."""
    pairs: dict[str, dict[str, dict]] = defaultdict(dict)
    for promise, touchpoint, kept, broken, review in project.db.execute(_VISITS_BY_PAIR, [run_id, run_id]):
        pairs[promise][touchpoint] = {"keeping_rate": round(kept / (kept + broken), 3) if kept + broken else None,
                                      "kept": kept, "broken": broken, "review": review}
    return dict(pairs)


def _grouped(findings: list[Finding]) -> list[FindingGroup]:
    groups: dict[tuple, FindingGroup] = {}
    for finding in findings:  # already most severe first
        target = finding.promise if finding.kind in ("broken_promise", "uncovered_promise") else finding.script_line
        key = (finding.kind, target, finding.touchpoint)
        if key not in groups:
            groups[key] = FindingGroup(finding.kind, target, finding.touchpoint, [], {})
        groups[key].findings.append(finding)
    return sorted(groups.values(), key=lambda g: (-g.severity, -len(g.findings), g.kind, g.target or "",
                                                   g.touchpoint or ""))


def _observations(project: Project, keys: set[str], quoted: set[str],
                  redactor: Redactor) -> tuple[dict[str, tuple[str, str | None]], dict[str, str]]:
    """(observed_at, shopper as shown) of ``keys``; the transcripts of ``quoted``."""
    observed: dict[str, tuple[str, str | None]] = {}
    texts: dict[str, str] = {}
    ordered = sorted(keys)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start:start + 500]
        for key, observed_at, shopper, transcript in project.db.execute(
                "SELECT key, observed_at, shopper, transcript FROM observations "
                f"WHERE key IN ({','.join('?' * len(chunk))})", chunk):
            observed[key] = (observed_at, redactor.shopper(shopper))
            if key in quoted:
                texts[key] = transcript or ""
    return observed, texts


def worst_gaps(by_promise_touchpoint: dict[str, dict[str, dict]], findings: list[Finding],
               promises: dict[str, Promise], count: int = 3) -> list[Gap]:
    """The promises broken most at one touchpoint: visits that broke it × the promise's
    weight, then the lower keeping rate; each with the evidence quoted most often.
    ``by_promise_touchpoint`` holds kept and broken visits per promise and touchpoint
    (:func:`visits_by_promise_touchpoint`)."""
    quotes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for finding in findings:
        if finding.kind == "broken_promise" and finding.verdict == "broken" and finding.promise:
            seen = finding.evidence.text.strip() if finding.evidence else finding.observed
            if seen:
                quotes[(finding.promise, finding.touchpoint or "")][seen] += 1
    candidates = []
    for promise, by_touchpoint in by_promise_touchpoint.items():
        weight = promises[promise].weight if promise in promises else 3
        for touchpoint, block in by_touchpoint.items():
            broken, decided = block["broken"], block["kept"] + block["broken"]
            if broken:
                candidates.append((-broken * weight, block["keeping_rate"] or 0.0, promise, touchpoint, broken, decided))
    candidates.sort()
    gaps = []
    for _, _, promise, touchpoint, broken, decided in candidates[:count]:
        seen = quotes.get((promise, touchpoint))
        quote = seen.most_common(1)[0][0] if seen else None
        gaps.append(Gap(touchpoint, promise, broken, decided, quote))
    return gaps


def _run(row: dict) -> Run:
    return Run(row["id"], row["started_at"], row["finished_at"], row["period_from"], row["period_to"],
               json.loads(row["settings"] or "{}"), json.loads(row["metrics"] or "{}"))


def _redacted(finding: Finding, redact: Redactor) -> Finding:
    """The finding with names replaced; its evidence span keeps pointing at the same words."""
    evidence = finding.evidence
    return Finding(
        id=finding.id, kind=finding.kind, verdict=finding.verdict, severity=finding.severity,
        observation=finding.observation, touchpoint=finding.touchpoint, promise=finding.promise,
        script_line=finding.script_line, expected=redact(finding.expected), observed=redact(finding.observed),
        evidence=evidence if evidence is None else type(evidence)(redact(evidence.text), evidence.start, evidence.end),
        status=finding.status, note=redact(finding.note), reviewer=None, extra=finding.extra,
    )
