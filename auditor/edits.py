"""Editing one value of one record, as the desktop tables do: checked with the same
parsers the importer uses (so a cell typed by hand obeys the same rules as a file), one
short transaction per edit, and the old value returned so the edit can be undone."""

from __future__ import annotations

import sqlite3

from auditor.errors import AuditorError
from auditor.fields import FORMATS, Field
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
    return next(spec for spec in FORMATS[_FORMAT_OF[table]] if spec.name == field)
