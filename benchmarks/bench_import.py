"""Benchmark: importing 100,000 observations, against a bare csv + sqlite3 baseline.

    python benchmarks/bench_import.py                     # 100,000 observations, best of 1
    python benchmarks/bench_import.py --repeat 3          # best of 3
    python benchmarks/bench_import.py --profile           # also cProfile our import

Measured sides, each in a fresh subprocess so that its max RSS is its own:

* ours      -- a new project, touchpoints imported (not timed), then
               ``import_file(project, "observations", path)`` is timed;
* reimport  -- the same file imported again into that project
               (the "0 new, 0 updated, N unchanged" path);
* baseline  -- ``csv.reader`` + ``sqlite3.executemany`` of the same rows into a plain
               table with the same columns (``key`` as primary key, everything else
               untyped), one transaction, journal_mode=WAL, default synchronous;
* schema    -- reference only, not a goal: the same bare loop, but into a real project
               (its indexes, foreign keys and measurements table), batched by 1000 like
               the importer, with no validation -- the floor the current schema sets.

Times are wall-clock (perf_counter) around the import call only; opening and closing
the database is not timed on either side. Memory is measured twice: the process's max
RSS (``resource.getrusage``, includes the interpreter and imported libraries) in the
timed run, and the tracemalloc peak in a separate, untimed run (tracemalloc slows Python
down a lot, so its run is never the one timed).

Goals: ours / baseline <= 2, and peak memory < 500 MB (both the max RSS and the
tracemalloc peak).

The data is generated with benchmarks/generate.py into benchmarks/data/ (git-ignored)
and reused while the generator and arguments are unchanged.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import platform
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
import tracemalloc
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
OUT = HERE / "out"
RATIO_GOAL = 2.0
MEMORY_GOAL_MB = 500.0


def _max_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024  # bytes on macOS, KiB on Linux


# --------------------------------------------------------------------------- workers
# Each runs in its own process and prints one JSON object on its last stdout line.


def _worker_ours(args: argparse.Namespace) -> dict:
    from auditor.importer import import_file
    from auditor.store import Project

    project_path = Path(args.project)
    for leftover in (project_path, Path(f"{project_path}-wal"), Path(f"{project_path}-shm")):
        leftover.unlink(missing_ok=True)
    project = Project.open(project_path, create=True)
    import_file(project, "touchpoints", args.touchpoints_file)
    return _timed_import(args, project, import_file)


def _worker_reimport(args: argparse.Namespace) -> dict:
    from auditor.importer import import_file
    from auditor.store import Project

    project = Project.open(args.project)
    return _timed_import(args, project, import_file)


def _timed_import(args: argparse.Namespace, project, import_file) -> dict:
    rss_before = _max_rss_mb()
    profiler = None
    if args.trace:
        tracemalloc.start()
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    started = time.perf_counter()
    result = import_file(project, "observations", args.file)
    elapsed = time.perf_counter() - started
    if profiler:
        profiler.disable()
        profiler.dump_stats(args.profile)
    peak = tracemalloc.get_traced_memory()[1] / 1e6 if args.trace else None
    rss_after = _max_rss_mb()
    rows = project.db.execute("SELECT count(*) FROM observations").fetchone()[0]
    project.close()
    return {"seconds": elapsed, "summary": result.summary, "rows": rows, "rss_before_mb": rss_before,
            "max_rss_mb": rss_after, "tracemalloc_peak_mb": peak}


def _worker_baseline(args: argparse.Namespace) -> dict:
    db_path = Path(args.project)
    for leftover in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        leftover.unlink(missing_ok=True)
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode = WAL")
    with open(args.file, encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    columns = ", ".join(f'"{name}"' + (" TEXT PRIMARY KEY" if name == "key" else "") for name in header)
    conn.execute(f"CREATE TABLE observations ({columns})")
    conn.commit()
    insert = f"INSERT INTO observations VALUES ({', '.join('?' for _ in header)})"
    rss_before = _max_rss_mb()
    if args.trace:
        tracemalloc.start()
    started = time.perf_counter()
    with open(args.file, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        with conn:  # one transaction
            conn.executemany(insert, reader)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 1e6 if args.trace else None
    rss_after = _max_rss_mb()
    rows = conn.execute("SELECT count(*) FROM observations").fetchone()[0]
    conn.close()
    return {"seconds": elapsed, "summary": f"{rows} rows inserted", "rows": rows, "rss_before_mb": rss_before,
            "max_rss_mb": rss_after, "tracemalloc_peak_mb": peak}


def _worker_schema(args: argparse.Namespace) -> dict:
    """Reference only: the bare loop, but into the project's own schema (its indexes, foreign
    keys and the measurements table), batched like the importer, with no validation at all.
    It shows how much of the gap is the schema and how much is Python work per row."""
    from auditor.importer import import_file
    from auditor.store import Project, now_iso

    project_path = Path(args.project)
    for leftover in (project_path, Path(f"{project_path}-wal"), Path(f"{project_path}-shm")):
        leftover.unlink(missing_ok=True)
    project = Project.open(project_path, create=True)
    import_file(project, "touchpoints", args.touchpoints_file)
    conn = project.db.conn
    with open(args.file, encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    columns = header[:13]  # key … ces, in the file's order (= the table's order)
    metrics = [(index, name.split(":", 1)[1].strip()) for index, name in enumerate(header) if ":" in name]
    insert = (f"INSERT INTO observations ({', '.join(columns)}, updated_at) "
              f"VALUES ({', '.join('?' for _ in columns)}, ?)")
    insert_measure = "INSERT INTO measurements (observation, metric, value, unit, raw) VALUES (?, ?, ?, NULL, ?)"
    stamp = now_iso()
    rss_before = _max_rss_mb()
    if args.trace:
        tracemalloc.start()
    started = time.perf_counter()
    rows = 0
    with open(args.file, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        with conn:
            while batch := [row for _, row in zip(range(1000), reader)]:
                conn.executemany(insert, [(*row[:13], stamp) for row in batch])
                conn.executemany(insert_measure, [(row[0], metric, 0.0, row[index])
                                                  for row in batch for index, metric in metrics if row[index]])
                rows += len(batch)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 1e6 if args.trace else None
    rss_after = _max_rss_mb()
    project.close()
    return {"seconds": elapsed, "summary": f"{rows} rows inserted", "rows": rows, "rss_before_mb": rss_before,
            "max_rss_mb": rss_after, "tracemalloc_peak_mb": peak}


WORKERS = {"ours": _worker_ours, "reimport": _worker_reimport, "baseline": _worker_baseline,
           "schema": _worker_schema}


def _run_worker(side: str, *, file: Path, touchpoints: Path, project: Path, trace: bool = False,
                profile: Path | None = None) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", side, "--file", str(file),
               "--touchpoints-file", str(touchpoints), "--project", str(project)]
    if trace:
        command.append("--trace")
    if profile:
        command += ["--profile-out", str(profile)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"the {side} run failed (exit code {done.returncode})")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- data


def _generator_fingerprint() -> str:
    return hashlib.sha256((HERE / "generate.py").read_bytes()).hexdigest()[:16]


def ensure_data(observations: int, touchpoints: int, seed: int, regenerate: bool) -> dict[str, Path]:
    """Generate the files under benchmarks/data/, or reuse them if they are up to date."""
    folder = DATA / f"obs-{observations}-tp-{touchpoints}-seed-{seed}"
    manifest_path = folder / "manifest.json"
    wanted = {"observations": observations, "touchpoints": touchpoints, "seed": seed,
              "generator": _generator_fingerprint()}
    paths = {"touchpoints": folder / "touchpoints.csv", "observations": folder / "observations.csv"}
    if not regenerate and manifest_path.exists() and all(p.exists() for p in paths.values()):
        if json.loads(manifest_path.read_text()) == wanted:
            print(f"reusing {folder.relative_to(HERE.parent)}")
            return paths
    sys.path.insert(0, str(HERE))
    import generate  # benchmarks/generate.py

    print(f"generating {observations:,} observations into {folder.relative_to(HERE.parent)} …", flush=True)
    started = time.perf_counter()
    generate.generate(folder, observations=observations, touchpoints=touchpoints, seed=seed)
    manifest_path.write_text(json.dumps(wanted))
    print(f"  done in {time.perf_counter() - started:.1f} s")
    return paths


# --------------------------------------------------------------------------- main


def _best(runs: list[dict]) -> dict:
    best = dict(min(runs, key=lambda run: run["seconds"]))
    best["max_rss_mb"] = max(run["max_rss_mb"] for run in runs)  # memory: the worst run
    best["all_seconds"] = [round(run["seconds"], 3) for run in runs]
    best["median_seconds"] = statistics.median(run["seconds"] for run in runs)
    return best


def _print_profile(path: Path, limit: int) -> None:
    import pstats

    for order in ("tottime", "cumulative"):
        print(f"\n--- cProfile of our import, top {limit} by {order} ({path}) ---")
        pstats.Stats(str(path)).strip_dirs().sort_stats(order).print_stats(limit)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time importing observations against a csv + sqlite3 baseline.")
    parser.add_argument("--observations", type=int, default=100_000, metavar="N", help="rows (default 100000)")
    parser.add_argument("--repeat", type=int, default=1, metavar="K", help="take the best of K timed runs (default 1)")
    parser.add_argument("--touchpoints", type=int, default=50, metavar="N", help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=20261122, help="generator seed (default 20261122)")
    parser.add_argument("--regenerate", action="store_true", help="regenerate the data even if it is up to date")
    parser.add_argument("--no-trace", action="store_true", help="skip the (slow) tracemalloc runs")
    parser.add_argument("--profile", action="store_true",
                        help="also run our import once under cProfile and print the hotspots")
    parser.add_argument("--json", metavar="FILE", help="also write the figures to FILE as JSON")
    # internal: one measured side, in a subprocess
    parser.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    parser.add_argument("--touchpoints-file", dest="touchpoints_file", help=argparse.SUPPRESS)
    parser.add_argument("--project", help=argparse.SUPPRESS)
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--profile-out", dest="profile_out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        args.profile = args.profile_out
        print(json.dumps(WORKERS[args.worker](args)))
        return 0
    if args.observations < 1 or args.repeat < 1:
        parser.error("--observations and --repeat must be at least 1")

    paths = ensure_data(args.observations, args.touchpoints, args.seed, args.regenerate)
    work = DATA / "run"
    work.mkdir(parents=True, exist_ok=True)
    project = work / "bench.btaproj"
    baseline_db = work / "baseline.sqlite"
    common = {"file": paths["observations"], "touchpoints": paths["touchpoints"]}

    ours, again, base, schema = [], [], [], []
    for i in range(args.repeat):
        print(f"run {i + 1}/{args.repeat}: ours …", end="", flush=True)
        ours.append(_run_worker("ours", project=project, **common))
        print(f" {ours[-1]['seconds']:.2f} s; reimport …", end="", flush=True)
        again.append(_run_worker("reimport", project=project, **common))
        print(f" {again[-1]['seconds']:.2f} s; baseline …", end="", flush=True)
        base.append(_run_worker("baseline", project=baseline_db, **common))
        print(f" {base[-1]['seconds']:.2f} s; schema reference …", end="", flush=True)
        schema.append(_run_worker("schema", project=work / "schema.btaproj", **common))
        print(f" {schema[-1]['seconds']:.2f} s", flush=True)
    ours_best, again_best, base_best, schema_best = _best(ours), _best(again), _best(base), _best(schema)

    trace_ours = trace_base = None
    if not args.no_trace:
        print("tracemalloc runs (untimed) …", flush=True)
        trace_ours = _run_worker("ours", project=project, trace=True, **common)["tracemalloc_peak_mb"]
        trace_base = _run_worker("baseline", project=baseline_db, trace=True, **common)["tracemalloc_peak_mb"]

    profile_path = None
    if args.profile:
        OUT.mkdir(exist_ok=True)
        profile_path = OUT / "import_observations.prof"
        print("cProfile run (untimed) …", flush=True)
        _run_worker("ours", project=project, profile=profile_path, **common)

    for leftover in work.glob("*"):
        leftover.unlink()
    shutil.rmtree(work, ignore_errors=True)

    ratio = ours_best["seconds"] / base_best["seconds"]
    peak_mb = max(ours_best["max_rss_mb"], trace_ours or 0.0)
    rows = ours_best["rows"]
    print()
    print(f"machine      : {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"SQLite {sqlite3.sqlite_version}")
    print(f"file         : {paths['observations']} ({paths['observations'].stat().st_size / 1e6:.1f} MB)")
    print(f"rows         : {rows:,}  (ours: {ours_best['summary']}; baseline: {base_best['summary']})")
    print(f"ours         : {ours_best['seconds']:.2f} s  ({rows / ours_best['seconds']:,.0f} rows/s)  "
          f"median {ours_best['median_seconds']:.2f} s, runs {ours_best['all_seconds']}")
    print(f"baseline     : {base_best['seconds']:.2f} s  ({rows / base_best['seconds']:,.0f} rows/s)  "
          f"median {base_best['median_seconds']:.2f} s, runs {base_best['all_seconds']}")
    print(f"ratio        : {ratio:.2f} x  (ours / baseline, best of each; goal <= {RATIO_GOAL:g}) -> "
          f"{'MET' if ratio <= RATIO_GOAL else 'NOT MET'}  (of medians: "
          f"{ours_best['median_seconds'] / base_best['median_seconds']:.2f} x)")
    print(f"reimport     : {again_best['seconds']:.2f} s  ({again_best['summary']})  runs {again_best['all_seconds']}")
    print(f"reference    : {schema_best['seconds']:.2f} s  = {schema_best['seconds'] / base_best['seconds']:.2f} x baseline: "
          f"the bare loop into the project's schema, no validation  runs {schema_best['all_seconds']}")
    print(f"memory ours  : max RSS {ours_best['max_rss_mb']:.0f} MB (before import {ours_best['rss_before_mb']:.0f} MB)"
          + (f", tracemalloc peak {trace_ours:.1f} MB" if trace_ours is not None else ""))
    print(f"memory base  : max RSS {base_best['max_rss_mb']:.0f} MB (before import {base_best['rss_before_mb']:.0f} MB)"
          + (f", tracemalloc peak {trace_base:.1f} MB" if trace_base is not None else ""))
    print(f"memory reimp.: max RSS {again_best['max_rss_mb']:.0f} MB")
    print(f"peak memory  : {peak_mb:.0f} MB (goal < {MEMORY_GOAL_MB:g} MB) -> "
          f"{'MET' if peak_mb < MEMORY_GOAL_MB else 'NOT MET'}")

    if args.json:
        Path(args.json).write_text(json.dumps({
            "date": datetime.now().isoformat(timespec="seconds"), "machine": platform.platform(),
            "cpus": os.cpu_count(), "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
            "rows": rows, "repeat": args.repeat, "ours": ours_best, "reimport": again_best, "baseline": base_best,
            "schema_reference": schema_best,
            "ratio": ratio, "tracemalloc_peak_mb": {"ours": trace_ours, "baseline": trace_base},
            "goals": {"ratio": ratio <= RATIO_GOAL, "memory": peak_mb < MEMORY_GOAL_MB},
        }, indent=2))
    if profile_path:
        _print_profile(profile_path, 25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
