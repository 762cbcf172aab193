"""Checking observations in several processes: the audit's heavy part on every core.

Checking a visit is Python work (normalising, aligning, quoting evidence), so threads
would share one core. A large audit is split by touchpoint into one share per core; each
worker process reads its share from the project (read only), stages its checks and
findings in a file of its own, and sends back its tallies and what duplicate detection
needs. The parent then finds copies across all shares and stores the run — its own rows
and every worker's — in one transaction, as a single-process audit does. Cancelling
stops the workers and deletes their files: nothing reaches the project.

Workers are started with "spawn", never "fork": forking a process that runs Qt threads
or holds SQLite connections is unsafe.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import queue
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from auditor.duplicates import DuplicateFinder
from auditor.errors import AuditorError
from auditor.metrics import CheckTally
from auditor.records import observations_per_touchpoint
from auditor.runs import RunWriter
from auditor.store import Project

PARALLEL_MIN_OBSERVATIONS = 20_000  # below this, starting workers (~1.5 s each) does not pay off
MAX_WORKERS = 8
WORKERS_ENV = "BRAND_AUDITOR_WORKERS"  # force a number of workers (1: never in parallel)
_POLL_SECONDS = 0.5
_CHUNK = 1000  # transcripts per message back to the parent


def shares(project: Project, period_from: str | None, period_to: str | None,
           workers: int | None) -> list[list[str]] | None:
    """The touchpoints split into one share per worker (balanced by visits), or None to
    check everything in this process."""
    if workers is None:
        forced = os.environ.get(WORKERS_ENV, "").strip()
        workers = int(forced) if forced.isdigit() else None
    counts = observations_per_touchpoint(project, period_from, period_to)
    if workers is None:
        enough = sum(counts.values()) >= PARALLEL_MIN_OBSERVATIONS
        workers = min(os.cpu_count() or 1, MAX_WORKERS) if enough else 1
    workers = min(workers, len(counts))
    if workers <= 1:
        return None
    split: list[list[str]] = [[] for _ in range(workers)]
    loads = [0] * workers
    for touchpoint, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        lightest = loads.index(min(loads))  # the biggest touchpoints first, each to the lightest share
        split[lightest].append(touchpoint)
        loads[lightest] += count
    return [sorted(share) for share in split if share]


class Workers:
    """One worker process per share; :meth:`reports` yields progress until all have finished."""

    def __init__(self, project_path: Path, split: Sequence[Sequence[str]], period_from: str | None,
                 period_to: str | None) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="brand-auditor-"))
        self.stage_files = [self.folder / f"stage-{index}.sqlite" for index in range(len(split))]
        context = multiprocessing.get_context("spawn")
        self.messages = context.Queue()
        self.processes = [
            context.Process(target=_work, daemon=True, name=f"audit-worker-{index}",
                            args=(index, str(project_path), str(stage), list(share), period_from, period_to,
                                  self.messages))
            for index, (share, stage) in enumerate(zip(split, self.stage_files))]
        self.results: dict[int, tuple] = {}
        self.finders: dict[int, DuplicateFinder] = {}  # what each worker sent for duplicate detection

    def start(self) -> None:
        for process in self.processes:
            process.start()

    def reports(self) -> Iterator[int]:
        """Yield how many observations were checked, as the workers report, until all are done."""
        while len(self.results) < len(self.processes):
            try:
                kind, index, payload = self.messages.get(timeout=_POLL_SECONDS)
            except queue.Empty:
                self._check_alive()
                continue
            if kind == "progress":
                yield payload
            elif not self._take(kind, index, payload):
                raise AuditorError(payload)

    def _take(self, kind: str, index: int, payload) -> bool:
        """Keep a worker's report; False for an error message."""
        if kind == "records":
            self.finders.setdefault(index, DuplicateFinder()).records.update(payload)
        elif kind == "buckets":
            finder = self.finders.setdefault(index, DuplicateFinder())
            for anchor, keys in payload:
                finder.buckets[anchor].extend(keys)
        elif kind == "done":
            self.results[index] = payload
        else:
            return False
        return True

    def merge_into(self, tally: CheckTally, duplicates: DuplicateFinder) -> dict[str, int]:
        """Add the workers' tallies and transcripts; returns their findings per kind."""
        findings_by_kind: dict[str, int] = {}
        for index in sorted(self.results):
            cells, counts = self.results[index]
            tally.merge(cells)
            duplicates.merge(self.finders.pop(index, DuplicateFinder()))
            for kind, count in counts.items():
                findings_by_kind[kind] = findings_by_kind.get(kind, 0) + count
        self.results.clear()
        return findings_by_kind

    def close(self) -> None:
        """Stop whatever still runs and delete the stage files (after the run was stored, or on cancel)."""
        for process in self.processes:
            if process.is_alive():
                process.terminate()
        for process in self.processes:
            if process.pid is not None:
                process.join(timeout=10)
        self.messages.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _check_alive(self) -> None:
        for index, process in enumerate(self.processes):
            if index not in self.results and process.exitcode is not None:
                # It may have reported just before exiting: read what is left first.
                try:
                    while True:
                        kind, done_index, payload = self.messages.get(timeout=_POLL_SECONDS)
                        if kind != "progress" and not self._take(kind, done_index, payload):
                            raise AuditorError(payload)
                except queue.Empty:
                    pass
                if index not in self.results:
                    raise AuditorError(f"An audit worker stopped unexpectedly (exit code {process.exitcode}); "
                                       "nothing was stored. Run the audit again.")


def _work(index: int, project_path: str, stage_path: str, touchpoints: list[str], period_from: str | None,
          period_to: str | None, messages) -> None:
    """A worker process: check the observations of ``touchpoints``, stage the rows in ``stage_path``."""
    gc.disable()  # as in the parent: no cycle-collector pauses over millions of short-lived objects
    try:
        from auditor.audit import AuditPlan, check_observations  # the audit imports this module

        with Project.open(project_path) as project:
            plan = AuditPlan.load(project)
            writer = RunWriter(project, stage_file=Path(stage_path))
            tally, duplicates = CheckTally(), DuplicateFinder()
            for checked in check_observations(project, plan, period_from, period_to, touchpoints, writer, tally,
                                              duplicates):
                messages.put(("progress", index, checked))
            counts = writer.findings_by_kind(plan.decisions)
            writer.close()
        # What duplicate detection needs goes in small pieces: unpickling one 50 MB message
        # would hold the parent's interpreter lock for most of a second and freeze the window.
        records = list(duplicates.records.items())
        for start in range(0, len(records), _CHUNK):
            messages.put(("records", index, dict(records[start:start + _CHUNK])))
        buckets = list(duplicates.buckets.items())
        for start in range(0, len(buckets), _CHUNK * 2):
            messages.put(("buckets", index, buckets[start:start + _CHUNK * 2]))
        messages.put(("done", index, (tally.cells, counts)))
    except AuditorError as error:
        messages.put(("error", index, str(error)))
    except BaseException as error:  # noqa: BLE001 - the parent turns it into one sentence
        messages.put(("error", index, f"An audit worker failed ({type(error).__name__}: {error}); "
                                      "nothing was stored."))
