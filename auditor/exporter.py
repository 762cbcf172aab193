"""Export a project's tables as CSV (UTF-8 with BOM, for Excel), XLSX or JSON.

Exports use the import format's column names, so an exported file imports back to the
same content. Text that a spreadsheet would run as a formula (starting with ``=``, ``+``,
``-``, ``@``, tab or CR) is prefixed with ``'`` in CSV and XLSX; the importer removes
that prefix again. Files are written to a temporary name and renamed at the end, so an
export that fails leaves no half-written file behind.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from auditor.errors import AuditorError, UsageError
from auditor.fields import FORMATS
from auditor.quantity import Quantity
from auditor.store import Project

EXPORTABLE = ("touchpoints", "promises", "scripts", "observations", "findings")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

FINDING_COLUMNS = ("id", "run", "kind", "verdict", "severity", "status", "observation", "touchpoint", "promise",
                   "script_line", "expected", "observed", "evidence", "evidence_start", "evidence_end",
                   "review_note", "reviewer")


def neutralise(value: object) -> object:
    """Make user text safe to open in a spreadsheet (OWASP CSV-injection advice)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def export_table(project: Project, kind: str, path: str | Path) -> int:
    """Write one table to ``path`` (format from its suffix); return the number of rows."""
    if kind not in EXPORTABLE:
        raise UsageError(f"'{kind}' cannot be exported; use one of: {', '.join(EXPORTABLE)}.")
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx", ".json"):
        raise UsageError(f"{path.name}: the file name must end in .csv, .xlsx or .json.")
    columns, rows = table_rows(project, kind)
    writer = {".csv": _write_csv, ".xlsx": _write_xlsx, ".json": _write_json}[suffix]
    temporary = None
    try:  # a bad destination (a file where a folder should be, no permission) is the user's, not a bug
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        os.close(handle)
        count = writer(Path(temporary), columns, rows)
        os.replace(temporary, path)
    except OSError as error:
        raise AuditorError(f"{path} cannot be written: {error.strerror or error}.") from None
    finally:
        if temporary and os.path.exists(temporary):
            os.unlink(temporary)
    return count


def table_rows(project: Project, kind: str) -> tuple[list[str], Iterator[dict]]:
    """The export columns of one table and its rows as dicts (lists kept as lists)."""
    db = project.db
    if kind == "findings":
        return list(FINDING_COLUMNS), _finding_rows(project)
    columns = [spec.name for spec in FORMATS[kind]]
    if kind == "observations":
        metrics = [row[0] for row in db.execute("SELECT DISTINCT metric FROM measurements ORDER BY metric")]
        columns += [f"measure:{metric}" for metric in metrics]
        return columns, _observation_rows(project)
    if kind == "promises":
        return columns, _promise_rows(project)
    table = "script_lines" if kind == "scripts" else kind
    names = [c for c in columns]
    rows = (dict(zip(names, row)) for row in db.execute(f"SELECT {', '.join(names)} FROM {table} ORDER BY key"))
    if kind == "scripts":
        rows = (row | {"scenarios": json.loads(row["scenarios"] or "[]")} for row in rows)
    return columns, rows


def _promise_rows(project: Project) -> Iterator[dict]:
    links: dict[str, list[str]] = {}
    for promise, touchpoint in project.db.execute(
            "SELECT promise, touchpoint FROM promise_touchpoints ORDER BY promise, position"):
        links.setdefault(promise, []).append(touchpoint)
    for row in project.db.query("SELECT * FROM promises ORDER BY key"):
        row["touchpoints"] = ["*"] if row.pop("all_touchpoints") else links.get(row["key"], [])
        row["breach_cues"] = json.loads(row["breach_cues"])
        yield row


def _observation_rows(project: Project) -> Iterator[dict]:
    measured: dict[str, dict[str, str | float]] = {}
    for key, metric, value, unit, raw in project.db.execute(
            "SELECT observation, metric, value, unit, raw FROM measurements"):
        measured.setdefault(key, {})[f"measure:{metric}"] = raw or (
            value if unit is None else str(Quantity(value, unit)))
    for row in project.db.query("SELECT * FROM observations ORDER BY key"):
        row.pop("updated_at")
        row.update(measured.get(row["key"], {}))
        yield row


def _finding_rows(project: Project) -> Iterator[dict]:
    latest = project.db.execute("SELECT max(id) FROM audit_runs").fetchone()[0]
    sql = """
        SELECT f.fingerprint AS id, f.run, f.kind, f.verdict, f.severity, coalesce(r.status, 'new') AS status,
               f.observation, f.touchpoint, f.promise, f.script_line, f.expected, f.observed,
               f.evidence_text AS evidence, f.evidence_start, f.evidence_end, r.note AS review_note, r.reviewer
        FROM findings f LEFT JOIN reviews r ON r.fingerprint = f.fingerprint
        WHERE f.run = ? ORDER BY f.severity DESC, f.kind, f.touchpoint, f.observation, f.fingerprint
    """
    yield from project.db.query(sql, [latest])


def _flat(value: object) -> object:
    if isinstance(value, list):
        return ";".join(str(item) for item in value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _write_csv(path: Path, columns: list[str], rows: Iterator[dict]) -> int:
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if (value := _flat(row.get(c))) is None else neutralise(value) for c in columns])
            count += 1
    return count


def _write_xlsx(path: Path, columns: list[str], rows: Iterator[dict]) -> int:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("data")
    sheet.append(columns)
    count = 0
    for row in rows:
        cells = []
        for column in columns:
            value = neutralise(_flat(row.get(column)))
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)
            cells.append(value)
        sheet.append(cells)
        count += 1
    workbook.save(path)
    return count


def _write_json(path: Path, columns: list[str], rows: Iterator[dict]) -> int:
    items = [{column: row.get(column) for column in columns} for row in rows]
    for item in items:
        for key, value in item.items():
            if isinstance(value, float) and value.is_integer():
                item[key] = int(value)
    path.write_text(json.dumps(items, ensure_ascii=False, indent=2), encoding="utf-8")
    return len(items)
