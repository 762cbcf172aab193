"""Time the Word report over an audit with many findings (issue 4: 1,000 findings in < 10 s).

    python benchmarks/bench_report.py                   # ~70 generated visits: about 1,200 findings
    python benchmarks/bench_report.py --observations 300 --lang zh --repeat 3

The generator's brand (50 touchpoints, 200 promises, 600 script lines) is imported and
audited first (not timed); then ``build_report`` — gathering the data, drawing the
charts, laying out every section and saving the .docx — is timed, best of ``--repeat``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from auditor.audit import run_audit  # noqa: E402
from auditor.importer import import_file  # noqa: E402
from auditor.report.build import build_report  # noqa: E402
from auditor.store import Project  # noqa: E402
from benchmarks.generate import generate  # noqa: E402

GOAL_SECONDS = 10.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--observations", type=int, default=70, metavar="N", help="generated visits (default 70)")
    parser.add_argument("--lang", choices=("en", "zh"), default="en")
    parser.add_argument("--repeat", type=int, default=3, metavar="K", help="best of K builds (default 3)")
    parser.add_argument("--keep", metavar="FILE.docx", help="also keep the last report here")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        files = generate(folder / "data", observations=args.observations)
        with Project.open(folder / "bench.btaproj", create=True) as project:
            for kind in ("touchpoints", "promises", "scripts", "observations"):
                import_file(project, kind, files[kind])
            result = run_audit(project)
            findings = sum(result.metrics["findings_by_kind"].values())
            times = []
            out = Path(args.keep) if args.keep else folder / "report.docx"
            for _ in range(args.repeat):
                started = time.perf_counter()
                build_report(project, out, lang=args.lang)
                times.append(time.perf_counter() - started)
        size = out.stat().st_size / 1e6
    best = min(times)
    verdict = "MET" if best < GOAL_SECONDS else "NOT MET"
    print(f"report       : {args.observations:,} visits, {findings:,} findings, --lang {args.lang}, {size:.1f} MB .docx")
    print(f"build time   : {best:.2f} s best, {statistics.median(times):.2f} s median of {len(times)} "
          f"(goal < {GOAL_SECONDS:.0f} s for 1,000 findings) -> {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
