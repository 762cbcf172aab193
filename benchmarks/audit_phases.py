"""Where an audit spends its wall time, step by step (for speed work; not a benchmark).

    python benchmarks/audit_phases.py [--observations 10000]

Audits a copy of bench_audit.py's prepared project (run bench_audit.py first) in one process
and prints the seconds spent in each engine step, timed by wrapping the functions. Steps nest
(``TouchpointChecker.check`` holds ``check_promise``…). To compare with older code, run it with
that code first on ``PYTHONPATH`` (or installed) from outside the repository: steps an older
engine lacks are left out.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
STEPS = [("auditor.batch", "TouchpointChecker.check"), ("auditor.normalize", "Normalizer.__call__"),
         ("auditor.audit", "make_findings"), ("auditor.duplicates", "DuplicateFinder.add"),
         ("auditor.duplicates", "DuplicateFinder.checks"), ("auditor.project_checks", "ProjectAuditor.checks"),
         ("auditor.audit", "AuditPlan.load"), ("auditor.runs", "RunWriter.store"),
         ("auditor.runs", "RunWriter.add_checks"), ("auditor.runs", "RunWriter.add_findings"),
         ("auditor.audit", "compute_metrics"), ("auditor.batch", "TouchpointChecker._scores"),
         ("auditor.batch", "TouchpointChecker._spoken"), ("auditor.batch", "TouchpointChecker._heard_near"),
         ("auditor.batch", "TouchpointChecker._reached"), ("auditor.observation_checks", "check_promise"),
         ("auditor.observation_checks", "check_line"), ("auditor.stated", "MetricIndex.assign")]


def _wrap(spent: dict[str, float], module_name: str, name: str) -> None:
    owner = importlib.import_module(module_name)
    *classes, attribute = name.split(".")
    for class_name in classes:
        owner = getattr(owner, class_name, None)
    function = getattr(owner, attribute, None) if owner is not None else None
    if function is None:
        return

    @functools.wraps(function)
    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - started

    setattr(owner, attribute, timed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--observations", type=int, default=10_000)
    args = parser.parse_args(argv)
    source = DATA / f"obs-{args.observations}-tp-50-seed-20261122" / "project.btaproj"
    if not source.exists():
        print(f"{source} is missing: run benchmarks/bench_audit.py --observations {args.observations} first.")
        return 2
    spent: dict[str, float] = defaultdict(float)
    for module_name, name in STEPS:
        _wrap(spent, module_name, name)
    import auditor.batch  # noqa: PLC0415  (batch calls the checks by the names it imported)
    import auditor.observation_checks  # noqa: PLC0415
    for name in ("check_promise", "check_line"):
        setattr(auditor.batch, name, getattr(auditor.observation_checks, name))
    from auditor.audit import run_audit  # noqa: PLC0415
    from auditor.store import Project  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "project.btaproj"
        shutil.copy(source, copy)
        project = Project.open(copy)
        started = time.perf_counter()
        run_audit(project, workers=1)
        total = time.perf_counter() - started
        project.close()
    print(f"audit of {args.observations:,} visits in one process: {total:.2f} s (engine at {auditor.batch.__file__})")
    for name, seconds in sorted(spent.items(), key=lambda item: -item[1]):
        print(f"  {name:32s} {seconds:6.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
