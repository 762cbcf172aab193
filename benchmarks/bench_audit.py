"""Benchmark: auditing 100,000 observations, against a brute-force rapidfuzz baseline.

    python benchmarks/bench_audit.py                      # 100,000 observations, best of 1
    python benchmarks/bench_audit.py --repeat 3           # best of 3
    python benchmarks/bench_audit.py --profile            # also cProfile our audit
    python benchmarks/bench_audit.py --baseline-only      # only the brute force

The data is benchmarks/generate.py's (50 touchpoints, 200 promises, 600 script lines,
``--observations`` visits), generated into benchmarks/data/ and reused while the
generator and arguments are unchanged (the folder is shared with bench_import.py). All
four files are imported once into ``project.btaproj`` in that folder (not timed; the
import time is printed), and the prepared project is reused while the data and the
project schema are unchanged.

Measured sides, each in a fresh subprocess so that its max RSS is its own:

* ours      -- the prepared project is copied to a temporary file (so every run starts
               from the same state), opened (not timed), then ``run_audit(project)`` is
               timed; it reads the observations and persists the run, checks and
               findings (it commits inside), all of which is timed;
* baseline  -- the brute force of issue 3: the same project's touchpoints, the
               promises' breach cues with their touchpoints (``*`` = all), the script
               lines per touchpoint (required and forbidden) and the transcripts per
               touchpoint are read with plain sqlite3 (timed separately, not counted),
               then for each touchpoint
               ``rapidfuzz.process.cdist(needles, transcripts, scorer=fuzz.partial_ratio,
               workers=-1)`` with needles = every applicable script line and breach cue.
               Only the cdist calls and lower-casing both sides are timed. Nothing else
               is respected: no validity windows, no periods, no de-duplication of
               needles, no normalisation beyond ``str.lower``;
* distinct  -- reference only, not a goal: the same brute force with each touchpoint's
               needles de-duplicated (the 200 promises come from 12 templates, so the
               same cue applies to a touchpoint many times: 8,609 needles, 2,776
               distinct per touchpoint); ``--no-reference`` skips it.

Times are wall-clock (perf_counter). Memory is measured twice: the process's max RSS
(``resource.getrusage``, includes the interpreter and the libraries) in the timed run,
and the tracemalloc peak in a separate, untimed run (tracemalloc slows Python down, so
its run is never the one timed; ``--no-trace`` skips it).

Goals: ours / baseline <= 1.5 (beating the baseline is better), and peak memory
< 1.5 GB (both the max RSS and the tracemalloc peak).

Needs numpy (rapidfuzz's ``process.cdist`` returns a numpy matrix).
"""

from __future__ import annotations

import argparse
import collections
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
RATIO_GOAL = 1.5
MEMORY_GOAL_MB = 1500.0
PROJECT_NAME = "project.btaproj"
KINDS = ("touchpoints", "promises", "scripts", "observations")  # import order


def _max_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024  # bytes on macOS, KiB on Linux


def _remove_database(path: Path) -> None:
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)


# --------------------------------------------------------------------------- workers
# Each runs in its own process and prints one JSON object on its last stdout line.


def _worker_prepare(args: argparse.Namespace) -> dict:
    """Import the four generated files into a new project (not a measured side)."""
    from auditor.importer import import_file
    from auditor.store import Project

    project_path = Path(args.project)
    _remove_database(project_path)
    folder = Path(args.data)
    seconds, summaries = {}, {}
    project = Project.open(project_path, create=True)
    try:
        for kind in KINDS:
            file = folder / f"{kind}.csv"
            started = time.perf_counter()
            result = import_file(project, kind, file)
            seconds[kind] = time.perf_counter() - started
            summaries[kind] = result.summary
        counts = project.counts()
    finally:
        project.close()  # checkpoints the WAL into the main file: one file to copy
    return {"seconds": seconds, "summaries": summaries, "counts": counts, "max_rss_mb": _max_rss_mb()}


def _describe(result) -> dict:
    """What a run_audit result holds, from its metrics (reading millions of checks back would
    count their memory against the audit)."""
    counts = result.metrics["counts"]
    return {"checks": counts["checks"], "findings": sum(result.metrics["findings_by_kind"].values()),
            "findings_by_kind": result.metrics["findings_by_kind"],
            "checks_by_verdict": {verdict: counts[verdict] for verdict in ("kept", "broken", "review")}}


def _worker_ours(args: argparse.Namespace) -> dict:
    from auditor.audit import run_audit
    from auditor.store import Project

    prepared, work = Path(args.project), Path(args.work)
    _remove_database(work)
    shutil.copyfile(prepared, work)  # every run starts from the same state
    project = Project.open(work)
    try:
        stored_before = {name: project.db.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
                         for name in ("audit_runs", "checks", "quiet_checks", "findings")}
        rss_before = _max_rss_mb()
        profiler = None
        if args.trace:
            tracemalloc.start()
        if args.profile:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        from auditor.parallel import shares

        workers = args.workers
        split = shares(project, None, None, workers)
        started = time.perf_counter()
        result = run_audit(project, workers=workers)
        elapsed = time.perf_counter() - started
        if profiler:
            profiler.disable()
            profiler.dump_stats(args.profile)
        peak = tracemalloc.get_traced_memory()[1] / 1e6 if args.trace else None
        if args.trace:
            tracemalloc.stop()
        rss_after = _max_rss_mb()
        stored = {name: project.db.execute(f"SELECT count(*) FROM {name}").fetchone()[0] - stored_before[name]
                  for name in ("audit_runs", "checks", "quiet_checks", "findings")}
        described = _describe(result)
        del result
    finally:
        project.close()
        _remove_database(work)
    # Worker processes (a parallel audit) run at the same time as this one: their peak is
    # at most the largest worker's RSS times their number, on top of ours.
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    child_mb = children / (1024 * 1024) if sys.platform == "darwin" else children / 1024
    processes = len(split) if split else 0
    return {"seconds": elapsed, **described, "stored": stored, "rss_before_mb": rss_before,
            "max_rss_mb": rss_after + processes * child_mb, "parent_rss_mb": rss_after, "workers": processes,
            "worker_rss_mb": child_mb if processes else None, "tracemalloc_peak_mb": peak}


def _load_baseline_data(db_path: Path) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """{touchpoint: needles} and {touchpoint: transcripts}, read with plain sqlite3."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    touchpoints = [key for (key,) in conn.execute("SELECT key FROM touchpoints ORDER BY key")]
    needles: dict[str, list[str]] = {key: [] for key in touchpoints}
    for touchpoint, text in conn.execute("SELECT touchpoint, text FROM script_lines ORDER BY key"):
        needles[touchpoint].append(text)  # required and forbidden alike
    listed: dict[str, list[str]] = collections.defaultdict(list)
    for promise, touchpoint in conn.execute("SELECT promise, touchpoint FROM promise_touchpoints"):
        listed[promise].append(touchpoint)
    for key, everywhere, cues in conn.execute("SELECT key, all_touchpoints, breach_cues FROM promises ORDER BY key"):
        cues = json.loads(cues or "[]")
        for touchpoint in touchpoints if everywhere else listed.get(key, ()):
            needles[touchpoint].extend(cues)
    transcripts: dict[str, list[str]] = {key: [] for key in touchpoints}
    for touchpoint, transcript in conn.execute(
            "SELECT touchpoint, transcript FROM observations WHERE transcript IS NOT NULL AND transcript != ''"):
        transcripts[touchpoint].append(transcript)
    conn.close()
    return needles, transcripts


def _worker_baseline(args: argparse.Namespace) -> dict:
    return _brute_force(args, distinct=False)


def _worker_distinct(args: argparse.Namespace) -> dict:
    """Reference only, not the goal: the brute force with each touchpoint's needles de-duplicated
    (200 promises come from 12 templates, so the same cue applies to a touchpoint many times)."""
    return _brute_force(args, distinct=True)


def _brute_force(args: argparse.Namespace, *, distinct: bool) -> dict:
    from rapidfuzz import fuzz, process

    rss_start = _max_rss_mb()
    started = time.perf_counter()
    needles, transcripts = _load_baseline_data(Path(args.project))
    load_seconds = time.perf_counter() - started
    rss_before = _max_rss_mb()
    if args.trace:
        tracemalloc.start()
    elapsed = 0.0
    pairs = hits = 0
    for touchpoint, texts in transcripts.items():
        phrases = needles[touchpoint]
        if not phrases or not texts:
            continue
        started = time.perf_counter()
        lowered_phrases = [phrase.lower() for phrase in (dict.fromkeys(phrases) if distinct else phrases)]
        lowered_texts = [text.lower() for text in texts]
        scores = process.cdist(lowered_phrases, lowered_texts, scorer=fuzz.partial_ratio, workers=-1)
        elapsed += time.perf_counter() - started
        pairs += scores.size
        hits += int((scores >= 90).sum())  # not timed; keeps the result honest
        del scores, lowered_phrases, lowered_texts
    peak = tracemalloc.get_traced_memory()[1] / 1e6 if args.trace else None
    return {"seconds": elapsed, "load_seconds": load_seconds, "pairs": pairs, "hits_90": hits,
            "needles": sum(len(phrases) for phrases in needles.values()),
            "distinct_needles": len({phrase for phrases in needles.values() for phrase in phrases}),
            "transcripts": sum(len(texts) for texts in transcripts.values()),
            "rss_start_mb": rss_start, "rss_before_mb": rss_before, "max_rss_mb": _max_rss_mb(),
            "tracemalloc_peak_mb": peak}


WORKERS = {"prepare": _worker_prepare, "ours": _worker_ours, "baseline": _worker_baseline,
           "distinct": _worker_distinct}


def _run_worker(side: str, *, project: Path, data: Path | None = None, work: Path | None = None,
                trace: bool = False, profile: Path | None = None, workers: int | None = None) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", side, "--project", str(project)]
    if workers is not None:
        command += ["--workers", str(workers)]
    if data:
        command += ["--data", str(data)]
    if work:
        command += ["--work", str(work)]
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


def _schema_fingerprint() -> str:
    from auditor.schema import MIGRATIONS

    return hashlib.sha256("\n".join(MIGRATIONS).encode()).hexdigest()[:16]


def ensure_data(observations: int, touchpoints: int, seed: int, regenerate: bool) -> Path:
    """Generate the four files under benchmarks/data/, or reuse them if they are up to date.

    Same folder and manifest as bench_import.py, so either script reuses the other's data."""
    folder = DATA / f"obs-{observations}-tp-{touchpoints}-seed-{seed}"
    manifest_path = folder / "manifest.json"
    wanted = {"observations": observations, "touchpoints": touchpoints, "seed": seed,
              "generator": _generator_fingerprint()}
    files = [folder / f"{kind}.csv" for kind in KINDS]
    if not regenerate and manifest_path.exists() and all(path.exists() for path in files):
        if json.loads(manifest_path.read_text()) == wanted:
            print(f"reusing {folder.relative_to(HERE.parent)}")
            return folder
    sys.path.insert(0, str(HERE))
    import generate  # benchmarks/generate.py

    print(f"generating {observations:,} observations into {folder.relative_to(HERE.parent)} …", flush=True)
    started = time.perf_counter()
    (folder / PROJECT_NAME).unlink(missing_ok=True)
    generate.generate(folder, observations=observations, touchpoints=touchpoints, seed=seed)
    manifest_path.write_text(json.dumps(wanted))
    print(f"  done in {time.perf_counter() - started:.1f} s")
    return folder


def ensure_project(folder: Path, rebuild: bool) -> tuple[Path, dict]:
    """Import the folder's files into folder/project.btaproj once; reuse it while it is current."""
    project = folder / PROJECT_NAME
    manifest_path = folder / "project.json"
    wanted = {"data": json.loads((folder / "manifest.json").read_text()), "schema": _schema_fingerprint()}
    if not rebuild and project.exists() and manifest_path.exists():
        manifest = json.loads(manifest_path.read_text())
        wal = Path(f"{project}-wal")  # a read-only reader leaves an empty one behind
        if manifest.get("wanted") == wanted and not (wal.exists() and wal.stat().st_size > 0):
            print(f"reusing {project.relative_to(HERE.parent)} (imported earlier in "
                  f"{sum(manifest['import']['seconds'].values()):.1f} s)")
            return project, manifest["import"]
    print(f"importing the four files into {project.relative_to(HERE.parent)} (not timed) …", flush=True)
    manifest_path.unlink(missing_ok=True)
    imported = _run_worker("prepare", project=project, data=folder)
    manifest_path.write_text(json.dumps({"wanted": wanted, "import": imported}, indent=2))
    print("  " + ", ".join(f"{kind} {seconds:.1f} s" for kind, seconds in imported["seconds"].items())
          + f"; total {sum(imported['seconds'].values()):.1f} s, max RSS {imported['max_rss_mb']:.0f} MB")
    return project, imported


def code_version() -> str:
    """The commit measured, and whether auditor/ had uncommitted changes (the engine moves fast)."""
    def git(*command: str) -> str:
        done = subprocess.run(["git", *command], cwd=HERE.parent, capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD") or "unknown commit"
    dirty = git("status", "--porcelain", "--", "auditor")
    return commit + (" + uncommitted changes in auditor/" if dirty else "")


def audit_engine_error() -> str | None:
    """None if ``auditor.audit.run_audit`` can be imported, else why not."""
    try:
        from auditor.audit import run_audit  # noqa: F401
    except Exception as error:  # noqa: BLE001 - any failure means "not ready"
        return f"{type(error).__name__}: {error}"
    return None


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
        print(f"\n--- cProfile of our audit, top {limit} by {order} ({path}) ---")
        pstats.Stats(str(path)).strip_dirs().sort_stats(order).print_stats(limit)


def _met(ok: bool) -> str:
    return "MET" if ok else "NOT MET"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time the audit against a brute-force rapidfuzz cdist baseline.")
    parser.add_argument("--observations", type=int, default=100_000, metavar="N", help="visits (default 100000)")
    parser.add_argument("--repeat", type=int, default=1, metavar="K", help="take the best of K timed runs (default 1)")
    parser.add_argument("--touchpoints", type=int, default=50, metavar="N", help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=20261122, help="generator seed (default 20261122)")
    parser.add_argument("--regenerate", action="store_true",
                        help="regenerate the data and re-import the project even if they are up to date")
    parser.add_argument("--no-trace", action="store_true", help="skip the (slow) tracemalloc run of our audit")
    parser.add_argument("--profile", action="store_true",
                        help="also run our audit once under cProfile and print the hotspots")
    parser.add_argument("--no-reference", action="store_true",
                        help="skip the reference run (the brute force with distinct needles per touchpoint)")
    parser.add_argument("--baseline-only", action="store_true",
                        help="measure only the brute force (e.g. while auditor.audit does not exist yet)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures to FILE as JSON")
    parser.add_argument("--workers", type=int, metavar="N",
                        help="audit in N processes (default: as the app does — every core from 20,000 visits)")
    # internal: one measured side, in a subprocess
    parser.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    parser.add_argument("--project", help=argparse.SUPPRESS)
    parser.add_argument("--data", help=argparse.SUPPRESS)
    parser.add_argument("--work", help=argparse.SUPPRESS)
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--profile-out", dest="profile_out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        args.profile = args.profile_out
        print(json.dumps(WORKERS[args.worker](args)))
        return 0
    if args.observations < 1 or args.repeat < 1:
        parser.error("--observations and --repeat must be at least 1")

    run_ours = not args.baseline_only
    if run_ours and (why := audit_engine_error()):
        parser.error(f"auditor.audit cannot be imported ({why}); use --baseline-only")

    version = code_version()
    folder = ensure_data(args.observations, args.touchpoints, args.seed, args.regenerate)
    project, imported = ensure_project(folder, args.regenerate)
    work = DATA / "run-audit"
    work.mkdir(parents=True, exist_ok=True)
    copy = work / "audit.btaproj"

    ours, base, distinct = [], [], []
    for i in range(args.repeat):
        print(f"run {i + 1}/{args.repeat}: ", end="", flush=True)
        if run_ours:
            print("ours …", end="", flush=True)
            ours.append(_run_worker("ours", project=project, work=copy, workers=args.workers))
            print(f" {ours[-1]['seconds']:.2f} s ({ours[-1]['checks'] or 0:,} checks, {ours[-1]['findings'] or 0:,} findings, "
                  f"max RSS {ours[-1]['max_rss_mb']:.0f} MB); ", end="", flush=True)
        print("baseline …", end="", flush=True)
        base.append(_run_worker("baseline", project=project))
        print(f" {base[-1]['seconds']:.2f} s (loading {base[-1]['load_seconds']:.2f} s, not counted)", end="",
              flush=True)
        if not args.no_reference:
            print("; reference (distinct needles) …", end="", flush=True)
            distinct.append(_run_worker("distinct", project=project))
            print(f" {distinct[-1]['seconds']:.2f} s", end="", flush=True)
        print(flush=True)
    base_best = _best(base)
    distinct_best = _best(distinct) if distinct else None
    ours_best = _best(ours) if ours else None

    trace_ours = None
    if run_ours and not args.no_trace:
        print("tracemalloc run of ours (untimed) …", end="", flush=True)
        try:
            trace_ours = _run_worker("ours", project=project, work=copy, trace=True, workers=args.workers)["tracemalloc_peak_mb"]
            print(f" peak {trace_ours:.1f} MB", flush=True)
        except SystemExit as failed:  # keep the timed figures
            print(f" {failed}", flush=True)

    profile_path = None
    if run_ours and args.profile:
        OUT.mkdir(exist_ok=True)
        profile_path = OUT / "audit.prof"
        print("cProfile run of ours (untimed) …", flush=True)
        try:
            _run_worker("ours", project=project, work=copy, profile=profile_path, workers=args.workers)
        except SystemExit as failed:
            print(f"  {failed}", flush=True)
            profile_path = None

    shutil.rmtree(work, ignore_errors=True)

    counts = imported["counts"]
    print()
    print(f"machine      : {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"SQLite {sqlite3.sqlite_version}")
    print(f"code         : {version} (at the start)")
    print(f"project      : {project} ({project.stat().st_size / 1e6:.0f} MB): {counts.get('observations', 0):,} "
          f"observations, {counts.get('touchpoints', 0)} touchpoints, {counts.get('promises', 0)} promises, "
          f"{counts.get('script_lines', 0)} script lines; imported in {sum(imported['seconds'].values()):.1f} s "
          f"(not timed)")
    print(f"baseline     : {base_best['seconds']:.2f} s  median {base_best['median_seconds']:.2f} s, runs "
          f"{base_best['all_seconds']}; {base_best['pairs']:,} pairs "
          f"({base_best['needles']} needles over {args.touchpoints} touchpoints, {base_best['distinct_needles']} "
          f"distinct; {base_best['transcripts']:,} transcripts), {base_best['hits_90']:,} scores >= 90; "
          f"loading {base_best['load_seconds']:.2f} s not counted")
    print(f"memory base  : max RSS {base_best['max_rss_mb']:.0f} MB (after loading {base_best['rss_before_mb']:.0f} MB)")
    if distinct_best:
        print(f"reference    : {distinct_best['seconds']:.2f} s = {distinct_best['seconds'] / base_best['seconds']:.2f} x "
              f"baseline: the brute force with each touchpoint's needles de-duplicated (not the goal); "
              f"{distinct_best['pairs']:,} pairs, runs {distinct_best['all_seconds']}")
    ratio = peak_mb = None
    if ours_best:
        ratio = ours_best["seconds"] / base_best["seconds"]
        peak_mb = max(ours_best["max_rss_mb"], trace_ours or 0.0)
        kinds = ", ".join(f"{kind} {count:,}" for kind, count in ours_best["findings_by_kind"].items())
        print(f"ours         : {ours_best['seconds']:.2f} s  median {ours_best['median_seconds']:.2f} s, runs "
              f"{ours_best['all_seconds']}; {ours_best['checks'] or 0:,} checks, {ours_best['findings'] or 0:,} findings "
              f"({kinds}); stored {ours_best['stored']}")
        print(f"ratio        : {ratio:.2f} x  (ours / baseline, best of each; goal <= {RATIO_GOAL:g}) -> "
              f"{_met(ratio <= RATIO_GOAL)}{' (faster than the brute force)' if ratio < 1 else ''}  (of medians: "
              f"{ours_best['median_seconds'] / base_best['median_seconds']:.2f} x)"
              + (f"; against the reference {ours_best['seconds'] / distinct_best['seconds']:.2f} x"
                 if distinct_best else ""))
        workers_note = (f" = this process {ours_best['parent_rss_mb']:.0f} MB + {ours_best['workers']} workers of at most "
                        f"{ours_best['worker_rss_mb']:.0f} MB" if ours_best.get("workers") else " (no workers)")
        print(f"memory ours  : max RSS {ours_best['max_rss_mb']:.0f} MB{workers_note} "
              f"(project open {ours_best['rss_before_mb']:.0f} MB)"
              + (f", tracemalloc peak {trace_ours:.1f} MB" if trace_ours is not None else ", tracemalloc skipped"))
        print(f"peak memory  : {peak_mb:.0f} MB (goal < {MEMORY_GOAL_MB:g} MB) -> {_met(peak_mb < MEMORY_GOAL_MB)}")
    else:
        print("ours         : not measured (--baseline-only)")

    if args.json:
        Path(args.json).write_text(json.dumps({
            "date": datetime.now().isoformat(timespec="seconds"), "machine": platform.platform(),
            "cpus": os.cpu_count(), "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
            "code": version, "observations": args.observations, "repeat": args.repeat, "import": imported,
            "ours": ours_best, "baseline": base_best, "distinct_reference": distinct_best, "ratio": ratio,
            "tracemalloc_peak_mb": {"ours": trace_ours},
            "goals": None if ratio is None else {"ratio": ratio <= RATIO_GOAL, "memory": peak_mb < MEMORY_GOAL_MB},
        }, indent=2))
    if profile_path:
        _print_profile(profile_path, 25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
