"""One value edited by hand: the importer's rules, references that must exist, the old
value returned for undo, and nothing written when refused."""

from __future__ import annotations

import pytest

from auditor import edits
from auditor.errors import AuditorError
from auditor.store import Project


@pytest.mark.parametrize("table, key, field, typed, stored", [
    ("observations", "V-001", "nps", " 9 ", 9),
    ("observations", "V-001", "observed_at", "2026/9/1 10:05", "2026-09-01 10:05"),
    ("observations", "V-001", "shopper", "", None),
    ("touchpoints", "web", "channel", "官网", "website"),
    ("promises", "P-24H", "dimension", "响应性", "responsiveness"),
    ("script_lines", "S-01", "kind", "禁说", "forbidden"),
])
def test_a_typed_value_is_read_as_the_importer_reads_it(project, table, key, field, typed, stored):
    old, new = edits.update_value(project, table, key, field, typed)
    assert new == stored
    assert project.db.execute(f"SELECT [{field}] FROM [{table}] WHERE key = ?", [key]).fetchone()[0] == stored
    edits.update_value(project, table, key, field, None if old is None else str(old))  # undo
    assert project.db.execute(f"SELECT [{field}] FROM [{table}] WHERE key = ?", [key]).fetchone()[0] == old


@pytest.mark.parametrize("table, field, typed, message", [
    ("observations", "nps", "11", "0 to 10"),
    ("observations", "touchpoint", "nowhere", "no touchpoint 'nowhere'"),
    ("observations", "touchpoint", "", "cannot be empty"),
    ("script_lines", "promise", "P-NONE", "no promise 'P-NONE'"),
    ("observations", "key", "V-999", "cannot be edited"),
    ("observations", "observed_at", "yesterday-ish", "observed_at"),
])
def test_a_refused_value_says_why_and_writes_nothing(project, table, field, typed, message):
    key = {"observations": "V-001", "script_lines": "S-01"}[table]
    before = project.db.execute(f"SELECT * FROM [{table}] WHERE key = ?", [key]).fetchone()
    with pytest.raises(AuditorError, match=message):
        edits.update_value(project, table, key, field, typed)
    assert project.db.execute(f"SELECT * FROM [{table}] WHERE key = ?", [key]).fetchone() == before


def test_an_edited_observation_is_marked_as_updated(project):
    before = project.db.execute("SELECT updated_at FROM observations WHERE key = 'V-002'").fetchone()[0]
    edits.update_value(project, "observations", "V-002", "ces", "2")
    assert project.db.execute("SELECT updated_at FROM observations WHERE key = 'V-002'").fetchone()[0] >= before


def _snapshot(project: Project) -> dict[str, list]:
    return {table: project.db.execute(f"SELECT * FROM [{table}] ORDER BY 1, 2").fetchall()
            for table in ("touchpoints", "promises", "promise_touchpoints", "script_lines", "observations",
                          "measurements")}


@pytest.mark.parametrize("table, keys", [
    ("observations", ["V-007", "V-008"]),  # with their measurements
    ("promises", ["P-CB15"]),  # with its touchpoint links, and script lines pointing at it
    ("script_lines", ["S-01"]),
])
def test_deleted_records_come_back_exactly_with_undo(project, table, keys):
    before = _snapshot(project)
    removed = edits.delete_records(project, table, keys)
    assert len(removed.rows) == len(keys)
    assert not project.db.execute(f"SELECT 1 FROM [{table}] WHERE key IN ({','.join('?' * len(keys))})",
                                  keys).fetchone()
    edits.restore_records(project, removed)
    assert _snapshot(project) == before


def test_a_touchpoint_with_visits_is_not_deleted(project):
    before = _snapshot(project)
    with pytest.raises(AuditorError, match=r"hotline still has \d+ visits"):
        edits.delete_records(project, "touchpoints", ["hotline"])
    assert _snapshot(project) == before


def test_a_duplicate_gets_a_fresh_key_and_its_own_measurements(project):
    first = edits.duplicate_record(project, "observations", "V-007")
    second = edits.duplicate_record(project, "observations", "V-007")
    assert (first, second) == ("V-007-copy", "V-007-copy-2")
    measured = project.db.execute("SELECT metric, value FROM measurements WHERE observation = ? ORDER BY 1",
                                  [first]).fetchall()
    assert measured and measured == project.db.execute(
        "SELECT metric, value FROM measurements WHERE observation = 'V-007' ORDER BY 1").fetchall()
    new = edits.duplicate_record(project, "touchpoints", None)
    assert project.db.execute("SELECT name, channel FROM touchpoints WHERE key = ?", [new]).fetchone() == (
        "New touchpoint", "other")
    with pytest.raises(AuditorError, match="entry form"):
        edits.duplicate_record(project, "observations", None)
