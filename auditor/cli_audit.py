"""``brand-auditor audit`` and ``brand-auditor findings``: the terminal side of the audit."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from auditor.audit import AuditResult, run_audit
from auditor.errors import UsageError
from auditor.findings import load_findings
from auditor.model import Finding
from auditor.schema import FINDING_KINDS
from auditor.store import Project
from auditor.values import parse_date

_WORST = 3


def add_commands(commands: argparse._SubParsersAction) -> None:
    audit = commands.add_parser("audit", help="check every promise and script line against the observations")
    audit.add_argument("project", type=str)
    audit.add_argument("--from", dest="period_from", metavar="DATE", help="first day of the period (inclusive)")
    audit.add_argument("--to", dest="period_to", metavar="DATE", help="last day of the period (inclusive)")
    audit.add_argument("--json", action="store_true", help="print the whole run as JSON (SPEC §4)")
    audit.set_defaults(func=audit_command)

    findings = commands.add_parser("findings", help="list the findings of an audit run")
    findings.add_argument("project", type=str)
    findings.add_argument("--run", type=int, metavar="ID", help="the run (default: the latest)")
    findings.add_argument("--kind", choices=FINDING_KINDS, help="only findings of this kind")
    findings.add_argument("--all", action="store_true", help="include dismissed findings")
    findings.add_argument("--json", action="store_true", help="print the findings as JSON")
    findings.set_defaults(func=findings_command)

    report = commands.add_parser("report", help="write the Word report of an audit run")
    report.add_argument("project", type=str)
    report.add_argument("-o", "--output", required=True, metavar="OUT.docx", help="the .docx file to write")
    report.add_argument("--run", type=int, metavar="ID", help="the run (default: the latest)")
    report.add_argument("--lang", choices=("en", "zh"), default="en", help="the report's language (default: en)")
    report.add_argument("--template", metavar="FILE.docx", help="a Word template whose styles, header and footer to use")
    report.add_argument("--redact-staff", action="store_true",
                        help="replace shoppers' names with S1, S2… and mask the project's listed staff names")
    report.set_defaults(func=report_command)


def _date(text: str | None, option: str) -> str | None:
    if text is None:
        return None
    try:
        return parse_date(text)
    except ValueError as error:
        raise UsageError(f"{option}: {error}.") from None


def audit_command(args: argparse.Namespace) -> int:
    period_from, period_to = _date(args.period_from, "--from"), _date(args.period_to, "--to")
    if period_from and period_to and period_from > period_to:
        raise UsageError(f"--from {period_from} is after --to {period_to}.")
    with Project.open(args.project) as project:
        result = run_audit(project, period_from=period_from, period_to=period_to)
        if args.json:
            result.write_json(sys.stdout)
            return 0
        previous = project.db.execute(
            "SELECT metrics FROM audit_runs WHERE id < ? ORDER BY id DESC LIMIT 1", [result.run_id]).fetchone()
        previous_index = json.loads(previous[0]).get("consistency_index") if previous else None
        sys.stdout.write(summary(result, previous_index))
    return 0


def _percent(rate: float | None, interval: list[float] | None = None) -> str:
    if rate is None:
        return "n/a"
    text = f"{rate * 100:.0f}%"
    if interval:
        text += f" (95% CI {interval[0] * 100:.0f}–{interval[1] * 100:.0f}%)"
    return text


def summary(result: AuditResult, previous_index: float | None) -> str:
    """A few lines a brand manager reads in a terminal."""
    metrics = result.metrics
    counts = metrics["counts"]
    period = f"{result.period_from or 'start'} to {result.period_to or 'now'}"
    index = metrics.get("consistency_index")
    trend = ""
    if index is not None and previous_index is not None:
        trend = f" ({index - previous_index:+.1f} since the previous run)"
    open_findings = [f for f in result.findings if f.status != "dismissed"]
    lines = [
        f"Audit run {result.run_id}: {counts['observations']} observations, {period}.",
        f"Consistency index {'n/a' if index is None else f'{index:.1f}'} / 100{trend}.",
        f"Promises kept {_percent(metrics.get('promise_keeping_rate'), metrics.get('promise_keeping_interval'))}; "
        f"scripts followed {_percent(metrics.get('script_adherence'), metrics.get('script_adherence_interval'))}; "
        f"NPS {_number(metrics.get('nps'))}; CES {_number(metrics.get('ces'))}.",
        f"{len(open_findings)} findings ({sum(f.verdict == 'review' for f in open_findings)} to review, "
        f"{len(result.findings) - len(open_findings)} dismissed earlier):",
    ]
    by_kind = metrics.get("findings_by_kind", {})
    lines += [f"  {count:5d}  {kind}" for kind, count in sorted(by_kind.items(), key=lambda item: -item[1])]
    worst_touchpoints = _worst(metrics.get("by_touchpoint", {}), "consistency_index")
    if worst_touchpoints:
        lines.append("Weakest touchpoints (consistency index): "
                     + ", ".join(f"{key} {value:.1f}" for key, value in worst_touchpoints))
    worst_promises = _worst(metrics.get("by_promise", {}), "keeping_rate")
    if worst_promises:
        lines.append("Least kept promises: " + ", ".join(f"{key} {value * 100:.0f}%" for key, value in worst_promises))
    lines.append("See them with: brand-auditor findings PROJECT")
    return "\n".join(lines) + "\n"


def _number(value: float | None) -> str:
    return "n/a" if value is None else f"{value:g}"


def _worst(blocks: dict[str, dict], field: str) -> list[tuple[str, float]]:
    scored = [(key, block[field]) for key, block in blocks.items() if block.get(field) is not None]
    return sorted(scored, key=lambda item: item[1])[:_WORST]


def findings_command(args: argparse.Namespace) -> int:
    with Project.open(args.project) as project:
        findings = load_findings(project, args.run, args.kind)
    shown = findings if args.all else [f for f in findings if f.status != "dismissed"]
    if args.json:
        json.dump([finding.as_json() for finding in shown], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not findings:
        print("No findings. Run 'brand-auditor audit PROJECT' first, or there is nothing to report.")
        return 0
    for finding in shown:
        print(_finding_line(finding))
    hidden = len(findings) - len(shown)
    print(f"{len(shown)} findings" + (f" ({hidden} dismissed not shown; --all shows them)" if hidden else "") + ".")
    return 0


def _finding_line(finding: Finding) -> str:
    where = " ".join(part for part in (finding.touchpoint, finding.observation) if part)
    what = finding.promise or finding.script_line or ""
    quote = finding.evidence.text if finding.evidence else (finding.observed or "")
    quote = " ".join(quote.split())
    if len(quote) > 70:
        quote = quote[:69] + "…"
    status = "" if finding.status == "new" else f" [{finding.status}]"
    return f"{finding.severity} {finding.kind:<20} {finding.verdict:<6} {where:<22} {what:<10} «{quote}» {finding.id}{status}"


def report_command(args: argparse.Namespace) -> int:
    from auditor.report.build import build_report  # matplotlib and python-docx load only for a report

    if args.template and not Path(args.template).expanduser().is_file():
        raise UsageError(f"--template: there is no file {args.template}.")
    started = time.perf_counter()
    with Project.open(args.project) as project:
        out = build_report(project, args.output, run_id=args.run, lang=args.lang, template=args.template,
                           redact_staff=args.redact_staff)
    print(f"Wrote {out} in {time.perf_counter() - started:.1f} s.")
    return 0
