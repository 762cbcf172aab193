"""The Observations page over 100,000 visits (issue 5): time to first rows, and a text filter.

    python benchmarks/bench_ui.py                      # the generator's 100,000 visits
    python benchmarks/bench_ui.py --observations 20000 --repeat 5

Uses the project ``bench_audit.py`` prepares (imported once, reused). Timed, on Qt's
offscreen platform: opening the page (the model, its row count and the view painting its
first screen of rows) and filtering by a word that occurs in a few transcripts, by a
Chinese word, and by a shopper's name. Goals: first rows < 1 s, a filter < 0.5 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from auditor.store import Project  # noqa: E402
from ui.table_model import ProjectTableModel  # noqa: E402
from ui.table_page import TablePage  # noqa: E402
from ui.table_specs import OBSERVATIONS  # noqa: E402

FIRST_ROWS_GOAL, FILTER_GOAL = 1.0, 0.5
FILTERS = ("robot", "机器人", "Zhang")
DATA = Path(__file__).resolve().parent / "data"
SEED = 20261122


def _prepared(observations: int) -> Path:
    """The project bench_audit.py imported for this size, else one imported here."""
    from auditor.importer import import_file
    from benchmarks.generate import generate

    folder = DATA / f"obs-{observations}-tp-50-seed-{SEED}"
    for project in (folder / "project.btaproj", folder / "ui.btaproj"):
        if project.exists():
            return project
    files = generate(folder / "ui-data", observations=observations, seed=SEED)
    with Project.open(project, create=True) as opened:
        for kind in ("touchpoints", "promises", "scripts", "observations"):
            import_file(opened, kind, files[kind])
    return project


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--observations", type=int, default=100_000, metavar="N")
    parser.add_argument("--repeat", type=int, default=3, metavar="K", help="best of K (default 3)")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    path = _prepared(args.observations)
    first, filters = [], {text: [] for text in FILTERS}
    with Project.open(path) as project:
        for _ in range(args.repeat):
            page = TablePage()
            page.resize(1280, 800)
            page.show()
            started = time.perf_counter()
            model = ProjectTableModel(project, OBSERVATIONS)
            page.set_model(model, path)
            page.view.viewport().repaint()  # paints the first screen: the rows are read now
            app.processEvents()
            first.append(time.perf_counter() - started)
            for text in FILTERS:
                started = time.perf_counter()
                model.set_filter(text)
                model.index(0, 0).data()  # the first page of matches
                filters[text].append((time.perf_counter() - started, model.rowCount()))
                model.set_filter("")
            page.close()
            page.deleteLater()
            app.processEvents()
    best_first = min(first)
    print(f"project      : {path} ({args.observations:,} observations)")
    print(f"first rows   : {best_first:.3f} s best, {statistics.median(first):.3f} s median "
          f"(goal < {FIRST_ROWS_GOAL:g} s) -> {'MET' if best_first < FIRST_ROWS_GOAL else 'NOT MET'}")
    worst = 0.0
    for text, runs in filters.items():
        best = min(seconds for seconds, _ in runs)
        worst = max(worst, best)
        print(f"filter {text!r:10}: {best:.3f} s best, {runs[0][1]:,} rows match")
    print(f"filter       : slowest {worst:.3f} s (goal < {FILTER_GOAL:g} s) -> {'MET' if worst < FILTER_GOAL else 'NOT MET'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
