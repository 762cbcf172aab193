"""Does the window stay responsive while a 100,000-visit audit runs from the app? (issue 6)

    python benchmarks/bench_ui_audit.py                     # the project bench_audit.py prepared
    python benchmarks/bench_ui_audit.py --observations 20000

The Audit page starts the audit exactly as a person's click does (a background thread, the
progress dialog, worker processes from 20,000 visits). A timer on the UI thread ticks every
10 ms; a stall is how much later than planned a tick arrives. Goal: no stall over 100 ms.
The project is copied first, so the prepared one is not changed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from auditor.store import Project  # noqa: E402
from ui.audit_page import AuditPage  # noqa: E402
from ui.garbage import GuiThreadCollector  # noqa: E402

TICK_MS = 10
GOAL_MS = 100.0
DATA = Path(__file__).resolve().parent / "data"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--observations", type=int, default=100_000, metavar="N")
    args = parser.parse_args(argv)
    prepared = DATA / f"obs-{args.observations}-tp-50-seed-20261122" / "project.btaproj"
    if not prepared.exists():
        print(f"{prepared} is missing: run  python benchmarks/bench_audit.py --observations {args.observations}  "
              "once to prepare it.", file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication([])
    collector = GuiThreadCollector(app)  # as ui.app.run does: cycles collected on this thread, between jobs
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder) / "work.btaproj"
        shutil.copyfile(prepared, work)
        project = Project.open(work)
        page = AuditPage()
        page.set_project(project)
        page.show()
        stalls: list[float] = []
        clock = QElapsedTimer()
        last = [0.0]

        moments: list[tuple[float, float]] = []  # (seconds into the audit, stall) of the long ones

        def tick() -> None:
            now = clock.nsecsElapsed() / 1e6
            stall = max(0.0, now - last[0] - TICK_MS)
            stalls.append(stall)
            if stall > GOAL_MS / 2:
                moments.append((now / 1000, stall))
            last[0] = now

        probe = QTimer()
        probe.setInterval(TICK_MS)
        probe.timeout.connect(tick)
        done = QEventLoop()
        page.audited.connect(lambda _run: done.quit())
        clock.start()
        probe.start()
        started = time.perf_counter()
        task = page.start_audit()
        if task is None:
            print("the audit did not start", file=sys.stderr)
            return 1
        task.finished.connect(done.quit)
        done.exec()
        elapsed = time.perf_counter() - started
        probe.stop()
        page.close()
        project.close()
    worst = max(stalls) if stalls else 0.0
    over = sum(1 for stall in stalls if stall > GOAL_MS)
    print(f"audit        : {args.observations:,} visits in {elapsed:.1f} s from the Audit page")
    print(f"UI ticks     : {len(stalls):,} (every {TICK_MS} ms); median stall {statistics.median(stalls):.1f} ms, "
          f"99th percentile {sorted(stalls)[int(len(stalls) * 0.99) - 1]:.1f} ms")
    if moments:
        print("long stalls  : " + ", ".join(f"{stall:.0f} ms at {at:.1f} s" for at, stall in moments))
    print(f"worst stall  : {worst:.0f} ms, {over} stalls over {GOAL_MS:.0f} ms (goal: none) -> "
          f"{'MET' if worst <= GOAL_MS else 'NOT MET'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
