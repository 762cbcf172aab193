"""Import touchpoints, promises, script lines and observations from a file (SPEC §3).

All or nothing: rows are checked and written inside one transaction, and a single
problem anywhere rolls the whole file back. Rows are upserted by key, and each is
counted as new, updated or unchanged, so importing the same file twice changes nothing.
"""

from __future__ import annotations

import json
from operator import itemgetter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from auditor.errors import Cancelled, InputError, Problem, UsageError
from auditor.fields import FORMATS, HeaderMap, map_header
from auditor.readers import read_table
from auditor.store import Project, now_iso
from auditor.values import cell_text, parse_measurement

KINDS = tuple(FORMATS)
MAX_REPORTED_PROBLEMS = 200
_BATCH = 1000

ProgressCallback = Callable[[int], None]


@dataclass
class ImportResult:
    kind: str
    source: str
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    dry_run: bool = False
    warnings: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        text = f"{self.new} new, {self.updated} updated, {self.unchanged} unchanged"
        return text + " (dry run: nothing was written)" if self.dry_run else text


class _DryRunDone(Exception):
    """Raised inside the transaction to roll a dry run back."""


def import_file(
    project: Project,
    kind: str,
    path: str | Path,
    *,
    encoding: str | None = None,
    sheet: str | None = None,
    dry_run: bool = False,
    columns: dict[str, str] | None = None,
    progress: ProgressCallback | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    """Import one file of ``kind`` (touchpoints, promises, scripts, observations).

    ``columns`` maps file headers to field names where matching by name is not wanted
    (see :func:`auditor.fields.map_header`); problems still name the file's headers.
    """
    if kind not in FORMATS:
        raise UsageError(f"'{kind}' is not something to import; use one of: {', '.join(KINDS)}.")
    source = str(path)
    table = read_table(path, encoding=encoding, sheet=sheet)
    header = map_header(kind, table.header, columns)
    file_problems = [Problem(1, name, "this required column is missing") for name in header.missing]
    file_problems += [Problem(1, name, "this column appears twice") for name in header.duplicates]
    if file_problems:
        raise InputError(source, file_problems)

    result = ImportResult(kind, source, dry_run=dry_run)
    result.warnings = [f"column '{name}' is not used" for name in header.ignored]
    rows = _RowConverter(project, kind, header, table.header)
    writer = _WRITERS[kind](project, present=set(header.columns), metrics=list(header.measures))
    problems: list[Problem] = []
    total_problems = 0
    seen: dict[str, int] = {}
    key_label = rows.labels.get("key", "key")
    try:
        with project.transaction():
            batch: list[dict] = []
            done = 0
            for row_number, cells in table.rows:
                record, row_problems = rows.convert(row_number, cells)
                key = record.get("key")
                if key is not None and not row_problems:
                    if key in seen:
                        row_problems.append(Problem(row_number, key_label, f"'{key}' is already used in row {seen[key]}"))
                    else:
                        seen[key] = row_number
                if row_problems:
                    total_problems += len(row_problems)
                    problems.extend(row_problems[: max(0, MAX_REPORTED_PROBLEMS - len(problems))])
                elif not total_problems:
                    batch.append(record)
                    if len(batch) >= _BATCH:
                        writer.write(batch, result)
                        batch = []
                done += 1
                if done % _BATCH == 0:
                    if is_cancelled and is_cancelled():
                        raise Cancelled("Import cancelled; nothing was imported.")
                    if progress:
                        progress(done)
            if total_problems:
                raise InputError(source, problems, total_problems)
            writer.write(batch, result)
            writer.finish()
            if progress:
                progress(done)
            if dry_run:
                raise _DryRunDone
    except _DryRunDone:
        pass
    return result


class _RowConverter:
    """Turns one file row into a record of stored values, collecting every problem."""

    def __init__(self, project: Project, kind: str, header: HeaderMap, header_cells: list[object]):
        self.kind = kind
        self.labels = {name: str(header_cells[index]).strip() for name, index in header.columns.items()}
        # Only the columns the file has: a missing column keeps what is stored.
        self.plan = [(spec.name, index, spec.parse, spec.required, self.labels[spec.name])
                     for spec in FORMATS[kind] if (index := header.columns.get(spec.name)) is not None]
        self.measures = [(metric, index, str(header_cells[index]).strip()) for metric, index in header.measures.items()]
        self.check = _CHECKS[kind]
        self.touchpoints = project.touchpoint_keys()
        self.promises = project.promise_keys() if kind == "scripts" else set()

    def convert(self, row: int, cells: list[object]) -> tuple[dict, list[Problem]]:
        # Runs once per imported row: kept flat on purpose.
        record: dict = {}
        problems: list[Problem] = []
        width = len(cells)
        for name, index, parse, required, label in self.plan:
            raw = cells[index] if index < width else None
            if raw is None or (raw.__class__ is str and (not raw or raw.isspace())):
                value = None
            else:
                try:
                    value = parse(raw)
                except ValueError as error:
                    problems.append(Problem(row, label, str(error)))
                    continue
            if required and not value:
                problems.append(Problem(row, label, "is empty; a value is required"))
            record[name] = value
        record["measurements"] = self._measurements(row, cells, problems) if self.measures else []
        self.check(self, row, record, problems)
        return record, problems

    def _measurements(self, row: int, cells: list[object], problems: list[Problem]) -> list[tuple]:
        found = []
        width = len(cells)
        for metric, index, label in self.measures:
            raw = cells[index] if index < width else None
            if raw is None or (raw.__class__ is str and (not raw or raw.isspace())):
                continue
            try:
                quantity = parse_measurement(raw)
            except ValueError as error:
                problems.append(Problem(row, label, str(error)))
                continue
            found.append((metric, quantity.value, quantity.unit, cell_text(raw)))
        return found

    def label(self, name: str) -> str:
        return self.labels.get(name, name)

    def check_touchpoint(self, row: int, key: str | None, problems: list[Problem], column: str) -> None:
        if key is not None and key not in self.touchpoints:
            problems.append(Problem(row, self.label(column),
                                    f"touchpoint '{key}' does not exist in this project (import touchpoints first)"))


def check_record(project: Project, kind: str, cells: dict[str, object],
                 row: int | None = None) -> tuple[dict, list[Problem]]:
    """Check one record given as field name -> cell (``measure:<metric>`` for a measurement)
    by exactly the rules of an imported row; returns the stored values and every problem.

    For records typed by hand (the entry form), where there is no file row to point at.
    """
    names = list(cells)
    header = map_header(kind, names)
    problems = [Problem(row, name, "is empty; a value is required") for name in header.missing]
    converter = _RowConverter(project, kind, header, names)
    record, row_problems = converter.convert(row, list(cells.values()))  # type: ignore[arg-type]
    return record, problems + row_problems


def _check_window(rows: _RowConverter, row: int, record: dict, problems: list[Problem]) -> None:
    start, end = record.get("valid_from"), record.get("valid_to")
    if start and end and start > end:
        problems.append(Problem(row, rows.label("valid_to"), f"ends ({end}) before it starts ({start})"))


def _default(record: dict, name: str, value: object) -> None:
    """An empty cell in a column the file has means the default (a missing column keeps the stored value)."""
    if name in record and record[name] is None:
        record[name] = value


def _check_touchpoint_row(rows: _RowConverter, row: int, record: dict, problems: list[Problem]) -> None:
    pass


def _check_promise_row(rows: _RowConverter, row: int, record: dict, problems: list[Problem]) -> None:
    listed = record.get("touchpoints") or []
    record["all_touchpoints"] = int("*" in listed)
    record["touchpoints"] = [] if "*" in listed else list(dict.fromkeys(listed))
    for key in record["touchpoints"]:
        rows.check_touchpoint(row, key, problems, "touchpoints")
    measurable = [name for name in ("metric", "operator", "target") if record.get(name) is not None]
    if measurable and len(measurable) < 3:
        missing = [name for name in ("metric", "operator", "target") if record.get(name) is None]
        problems.append(Problem(row, rows.label(missing[0]),
                                f"a measurable promise needs metric, operator and target; {missing[0]} is empty"))
    if record.get("unit") and record.get("target") is None:
        problems.append(Problem(row, rows.label("unit"), "a unit is given but no target"))
    if "breach_cues" in record:
        record["breach_cues"] = json.dumps(record["breach_cues"] or [], ensure_ascii=False)
    _default(record, "weight", 3)
    _check_window(rows, row, record, problems)


def _check_script_row(rows: _RowConverter, row: int, record: dict, problems: list[Problem]) -> None:
    rows.check_touchpoint(row, record.get("touchpoint"), problems, "touchpoint")
    promise = record.get("promise")
    if promise is not None and promise not in rows.promises:
        problems.append(Problem(row, rows.label("promise"),
                                f"promise '{promise}' does not exist in this project (import promises first)"))
    _default(record, "kind", "required")
    _default(record, "weight", 3)
    if "scenarios" in record:
        record["scenarios"] = json.dumps(list(dict.fromkeys(record["scenarios"] or [])), ensure_ascii=False)
    match, review = record.get("match_threshold"), record.get("review_threshold")
    if match is not None and review is not None and review > match:
        problems.append(Problem(row, rows.label("review_threshold"), "must not be above the match threshold"))
    _check_window(rows, row, record, problems)


def _check_observation_row(rows: _RowConverter, row: int, record: dict, problems: list[Problem]) -> None:
    rows.check_touchpoint(row, record.get("touchpoint"), problems, "touchpoint")


_CHECKS = {
    "touchpoints": _check_touchpoint_row,
    "promises": _check_promise_row,
    "scripts": _check_script_row,
    "observations": _check_observation_row,
}


class _TableWriter:
    """Upserts records of one kind, counting new, updated and unchanged ones."""

    table = ""
    all_columns: tuple[str, ...] = ()
    derived: dict[str, str] = {}  # stored column -> the file column it is computed from
    stamped = False  # whether the table records when a row last changed (updated_at)

    def __init__(self, project: Project, present: set[str], metrics: list[str]):
        self.db = project.db
        self.stamp = now_iso()
        self.metrics = metrics
        # Into an empty table every row is new (keys are unique within a file), so
        # nothing needs looking up or replacing: the fast path of a first big import.
        self.was_empty = self.db.execute(f"SELECT NOT EXISTS (SELECT 1 FROM {self.table})").fetchone()[0] == 1
        # Building an index once at the end is much faster than updating it per row.
        # The drop is part of the import's transaction, so a rollback restores it.
        self.indexes: list[str] = []
        if self.was_empty:
            self.indexes = [sql for (sql,) in self.db.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
                [self.table])]
            for (name,) in self.db.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
                    [self.table]).fetchall():
                self.db.execute(f"DROP INDEX [{name}]")
        # Only the columns the file has are compared and written: a file without a
        # `notes` column must not wipe the notes already stored.
        self.columns = tuple(c for c in self.all_columns
                             if c == "key" or c in present or self.derived.get(c) in present)
        pick = itemgetter(*self.columns)
        self._pick = pick if len(self.columns) > 1 else (lambda record: (pick(record),))
        written = (*self.columns, "updated_at") if self.stamped else self.columns
        names = ", ".join(written)
        marks = ", ".join("?" for _ in written)
        updates = ", ".join(f"{c} = excluded.{c}" for c in written if c != "key")
        self.insert_sql = f"INSERT INTO {self.table} ({names}) VALUES ({marks})"
        self.upsert_sql = f"{self.insert_sql} ON CONFLICT(key) DO UPDATE SET {updates}"

    def stored(self, keys: list[str]) -> dict[str, tuple]:
        names = ", ".join(self.columns)
        marks = ", ".join("?" for _ in keys)
        rows = self.db.execute(f"SELECT {names} FROM {self.table} WHERE key IN ({marks})", keys)
        return {row[0]: tuple(row) for row in rows}

    def values(self, record: dict) -> tuple:
        return self._pick(record)

    def comparable(self, record: dict) -> tuple:
        return self.values(record)

    def written(self, record: dict) -> tuple:
        return (*self.values(record), self.stamp) if self.stamped else self.values(record)

    def write(self, records: list[dict], result: ImportResult) -> None:
        if not records:
            return
        if self.was_empty:
            result.new += len(records)
            self.db.conn.executemany(self.insert_sql, [self.written(record) for record in records])
            self.write_children(records, replace=False)
            return
        stored = self.stored([record["key"] for record in records])
        new, updated = [], []
        for record in records:
            before = stored.get(record["key"])
            if before is None:
                new.append(record)
            elif before == self.comparable(record):
                result.unchanged += 1
            else:
                updated.append(record)
        result.new += len(new)
        result.updated += len(updated)
        if new:
            self.db.conn.executemany(self.insert_sql, [self.written(record) for record in new])
            self.write_children(new, replace=False)
        if updated:
            self.db.conn.executemany(self.upsert_sql, [self.written(record) for record in updated])
            self.write_children(updated, replace=True)

    def write_children(self, records: list[dict], replace: bool) -> None:
        pass

    def finish(self) -> None:
        """Called once after the last batch, inside the transaction."""
        for sql in self.indexes:
            self.db.execute(sql)
        self.indexes = []


class _TouchpointWriter(_TableWriter):
    table = "touchpoints"
    all_columns = ("key", "name", "channel", "location", "notes")


class _PromiseWriter(_TableWriter):
    table = "promises"
    derived = {"all_touchpoints": "touchpoints"}
    all_columns = ("key", "text", "all_touchpoints", "dimension", "metric", "operator", "target", "unit",
               "breach_cues", "weight", "valid_from", "valid_to", "source")

    def stored(self, keys: list[str]) -> dict[str, tuple]:
        stored = super().stored(keys)
        links = _children(self.db, "SELECT promise, touchpoint FROM promise_touchpoints WHERE promise IN ({}) "
                          "ORDER BY promise, position", keys)
        return {key: (*row, tuple(links.get(key, ()))) for key, row in stored.items()}

    def comparable(self, record: dict) -> tuple:
        return (*self.values(record), tuple(record["touchpoints"]))

    def write_children(self, records: list[dict], replace: bool) -> None:
        if replace:
            _delete_children(self.db, "promise_touchpoints", "promise", [record["key"] for record in records])
        self.db.conn.executemany(
            "INSERT INTO promise_touchpoints (promise, touchpoint, position) VALUES (?, ?, ?)",
            [(record["key"], touchpoint, position)
             for record in records for position, touchpoint in enumerate(record["touchpoints"])],
        )


class _ScriptWriter(_TableWriter):
    table = "script_lines"
    all_columns = ("key", "touchpoint", "text", "kind", "step", "promise", "weight", "valid_from", "valid_to",
               "scenarios", "match_threshold", "review_threshold")


class _ObservationWriter(_TableWriter):
    table = "observations"
    all_columns = ("key", "touchpoint", "observed_at", "shopper", "scenario", "transcript", "rating_tangibles",
               "rating_reliability", "rating_responsiveness", "rating_assurance", "rating_empathy", "nps", "ces")

    stamped = True

    def stored(self, keys: list[str]) -> dict[str, tuple]:
        stored = super().stored(keys)
        if not stored:
            return stored
        found = _children(self.db, "SELECT observation, metric, value, unit, raw FROM measurements "
                          "WHERE observation IN ({}) ORDER BY observation, metric", list(stored))
        metrics = set(self.metrics)  # measurements of metrics the file has no column for stay as they are
        return {key: (*row, tuple(m for m in found.get(key, ()) if m[0] in metrics)) for key, row in stored.items()}

    def comparable(self, record: dict) -> tuple:
        return (*self.values(record), tuple(sorted(record["measurements"])))

    def write_children(self, records: list[dict], replace: bool) -> None:
        if not self.metrics:
            return
        if replace:
            keys = [record["key"] for record in records]
            self.db.execute(
                f"DELETE FROM measurements WHERE observation IN ({', '.join('?' for _ in keys)}) "
                f"AND metric IN ({', '.join('?' for _ in self.metrics)})", [*keys, *self.metrics])
        self.db.conn.executemany(
            "INSERT INTO measurements (observation, metric, value, unit, raw) VALUES (?, ?, ?, ?, ?)",
            [(record["key"], *measurement) for record in records for measurement in record["measurements"]],
        )


def _children(db, sql: str, keys: list[str]) -> dict[str, list]:
    grouped: dict[str, list] = {}
    for row in db.execute(sql.format(", ".join("?" for _ in keys)), keys):
        grouped.setdefault(row[0], []).append(row[1] if len(row) == 2 else tuple(row[1:]))
    return grouped


def _delete_children(db, table: str, column: str, keys: Iterable[str]) -> None:
    keys = list(keys)
    db.execute(f"DELETE FROM {table} WHERE {column} IN ({', '.join('?' for _ in keys)})", keys)


_WRITERS: dict[str, type[_TableWriter]] = {
    "touchpoints": _TouchpointWriter,
    "promises": _PromiseWriter,
    "scripts": _ScriptWriter,
    "observations": _ObservationWriter,
}
