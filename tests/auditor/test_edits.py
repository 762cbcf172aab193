"""One value edited by hand: the importer's rules, references that must exist, the old
value returned for undo, and nothing written when refused."""

from __future__ import annotations

import pytest

from auditor import edits
from auditor.errors import AuditorError
from auditor.store import Project


@pytest.fixture
def project(sample, tmp_path):
    copy = tmp_path / "edits.btaproj"
    with Project.open(sample) as opened:
        opened.save_copy(copy)
    with Project.open(copy) as opened:
        yield opened


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
