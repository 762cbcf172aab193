"""Editing one value of one record, as the desktop tables do: checked with the same
parsers the importer uses (so a cell typed by hand obeys the same rules as a file), one
short transaction per edit, and the old value returned so the edit can be undone."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from auditor.errors import AuditorError
from auditor.fields import Field, field_of
from auditor.store import Project, now_iso

# table -> the import format whose parsers check its cells
_FORMAT_OF = {"touchpoints": "touchpoints", "promises": "promises", "script_lines": "scripts",
              "observations": "observations"}
# Stored as they are in the table (not lists or derived columns); the key is never edited here:
# other records refer to it.
_EDITABLE = {
    "touchpoints": ("name", "channel", "location", "notes"),
    "promises": ("text", "dimension", "weight", "source", "valid_from", "valid_to"),
    "script_lines": ("touchpoint", "text", "kind", "step", "promise", "weight", "valid_from", "valid_to"),
    "observations": ("touchpoint", "observed_at", "shopper", "scenario", "transcript", "rating_tangibles",
                     "rating_reliability", "rating_responsiveness", "rating_assurance", "rating_empathy", "nps",
                     "ces"),
}
_REFERENCES = {"touchpoint": ("touchpoints", "touchpoint"), "promise": ("promises", "promise")}


def is_editable(table: str, field: str) -> bool:
    return field in _EDITABLE.get(table, ())


def parse_value(table: str, field: str, text: str) -> object:
    """The stored value for ``text`` typed into a cell, or AuditorError saying why not."""
    spec = _field(table, field)
    text = text.strip()
    if not text:
        if spec.required:
            raise AuditorError(f"{field} cannot be empty.")
        return None
    try:
        return spec.parse(text)
    except ValueError as error:
        raise AuditorError(f"{field}: {error}.") from None


def check_value(project: Project, table: str, field: str, text: str | None) -> object:
    """:func:`parse_value`, and a touchpoint or promise named must exist in the project."""
    new = None if text is None else parse_value(table, field, text)
    if field in _REFERENCES and new is not None:
        other, what = _REFERENCES[field]
        if not project.db.execute(f"SELECT 1 FROM {other} WHERE key = ?", [new]).fetchone():
            raise AuditorError(f"There is no {what} '{new}' in this project.")
    return new


def update_value(project: Project, table: str, key: str, field: str, text: str | None) -> tuple[object, object]:
    """Set one value of one record; returns (old, new). ``text`` None writes NULL (undo of a
    first value). Nothing is written when the value is refused."""
    new = check_value(project, table, field, text)
    with project.transaction() as db:
        row = db.execute(f"SELECT [{field}] FROM [{table}] WHERE key = ?", [key]).fetchone()
        if row is None:
            raise AuditorError(f"There is no record '{key}' in {table} any more.")
        stamp = ", updated_at = ?" if table == "observations" else ""
        params = [new, now_iso(), key] if stamp else [new, key]
        try:
            db.execute(f"UPDATE [{table}] SET [{field}] = ?{stamp} WHERE key = ?", params)
        except sqlite3.IntegrityError as error:
            raise AuditorError(f"{field}: {error}.") from None
    return row[0], new


def _field(table: str, field: str) -> Field:
    if not is_editable(table, field):
        raise AuditorError(f"{field} of {table} cannot be edited here.")
    return field_of(_FORMAT_OF[table], field)


# -- adding, duplicating and deleting records --------------------------------------------------

# What else a record owns, copied and deleted with it: (table, column naming the record).
_OWNED = {"observations": (("measurements", "observation"),), "promises": (("promise_touchpoints", "promise"),),
          "touchpoints": (("promise_touchpoints", "touchpoint"),)}
# Who refers to a record: (table, column, what a person calls those rows, whether deleting is refused).
_REFERRED = {
    "touchpoints": (("observations", "touchpoint", "visits", True), ("script_lines", "touchpoint", "script lines", True)),
    "promises": (("script_lines", "promise", "script lines", False),),
}
_NEW_RECORD = {
    "touchpoints": {"name": "New touchpoint", "channel": "other"},
    "promises": {"text": "New promise", "all_touchpoints": 1, "weight": 3, "breach_cues": "[]"},
}


@dataclass
class Removed:
    """Deleted records with everything needed to put them back (undo)."""

    table: str
    rows: list[dict]
    owned: dict[str, list[dict]]
    unlinked: list[tuple[str, str, str, str]]  # (table, column, row key, old value) set to NULL by the delete


def delete_records(project: Project, table: str, keys: list[str]) -> Removed:
    """Delete records (and what they own) in one transaction; refused, in one sentence, while
    other records still need them (a touchpoint with visits)."""
    _check_table(table)
    for other, column, what, refuse in _REFERRED.get(table, ()):
        if not refuse:
            continue
        marks = ",".join("?" * len(keys))
        row = project.db.execute(f"SELECT {column}, count(*) FROM {other} WHERE {column} IN ({marks}) "
                                 f"GROUP BY {column} ORDER BY {column} LIMIT 1", keys).fetchone()
        if row:
            raise AuditorError(f"{row[0]} still has {row[1]} {what}; delete or move them first.")
    removed = Removed(table, [], {}, [])
    with project.transaction() as db:
        for key in keys:
            row = db.execute(f"SELECT * FROM [{table}] WHERE key = ?", [key]).fetchone()
            if row is None:
                continue
            removed.rows.append(dict(zip([d[0] for d in db.execute(f"SELECT * FROM [{table}] LIMIT 0").description],
                                         row)))
            for owned, column in _OWNED.get(table, ()):
                cursor = db.execute(f"SELECT * FROM {owned} WHERE {column} = ?", [key])
                names = [d[0] for d in cursor.description]
                removed.owned.setdefault(owned, []).extend(dict(zip(names, r)) for r in cursor.fetchall())
            for other, column, _what, refuse in _REFERRED.get(table, ()):
                if not refuse:
                    for (other_key,) in db.execute(f"SELECT key FROM {other} WHERE {column} = ?", [key]):
                        removed.unlinked.append((other, column, other_key, key))
            db.execute(f"DELETE FROM [{table}] WHERE key = ?", [key])
    return removed


def restore_records(project: Project, removed: Removed) -> None:
    """Put deleted records back as they were (undo of :func:`delete_records`)."""
    with project.transaction() as db:
        for row in removed.rows:
            _insert(db, removed.table, row)
        for owned, rows in removed.owned.items():
            for row in rows:
                _insert(db, owned, row)
        for other, column, other_key, value in removed.unlinked:
            db.execute(f"UPDATE {other} SET {column} = ? WHERE key = ?", [value, other_key])


def duplicate_record(project: Project, table: str, key: str | None) -> str:
    """A copy of record ``key`` (or, with None, a new touchpoint or promise with placeholder
    values) under a fresh key; returns the key. Visits are entered with the entry form."""
    _check_table(table)
    with project.transaction() as db:
        if key is None:
            if table not in _NEW_RECORD:
                raise AuditorError(f"New {table} are added with the entry form or an import.")
            row = dict(_NEW_RECORD[table])
            base = "NEW"
        else:
            cursor = db.execute(f"SELECT * FROM [{table}] WHERE key = ?", [key])
            found = cursor.fetchone()
            if found is None:
                raise AuditorError(f"There is no record '{key}' in {table} any more.")
            row = dict(zip([d[0] for d in cursor.description], found))
            base = f"{key}-copy"
        new_key = _free_key(db, table, base)
        row["key"] = new_key
        if table == "observations":
            row["updated_at"] = now_iso()
        _insert(db, table, row)
        for owned, column in _OWNED.get(table, ()) if key is not None else ():
            cursor = db.execute(f"SELECT * FROM {owned} WHERE {column} = ?", [key])
            names = [d[0] for d in cursor.description]
            for found in cursor.fetchall():
                _insert(db, owned, {**dict(zip(names, found)), column: new_key})
    return new_key


def _free_key(db, table: str, base: str) -> str:
    candidate, number = base, 1
    while db.execute(f"SELECT 1 FROM [{table}] WHERE key = ?", [candidate]).fetchone():
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _insert(db, table: str, row: dict) -> None:
    columns = ", ".join(f"[{name}]" for name in row)
    db.execute(f"INSERT INTO [{table}] ({columns}) VALUES ({', '.join('?' * len(row))})", list(row.values()))


def _check_table(table: str) -> None:
    if table not in _EDITABLE:
        raise AuditorError(f"Records of {table} cannot be changed here.")
