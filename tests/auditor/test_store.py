"""The project file: created safely, migrated with a backup, refused when it is not ours."""

from __future__ import annotations

import sqlite3

import pytest

from auditor.errors import NotAProject, ProjectCorrupt, ProjectError, ProjectLocked, ProjectMissing, ProjectTooNew
from auditor.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from auditor.store import Project
from project_data import dump

ALL_TABLES = {"touchpoints", "promises", "promise_touchpoints", "script_lines", "observations", "measurements",
              "audit_runs", "checks", "findings", "reviews", "drafts", "settings"}


def _siblings(path):
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.stem))


def test_a_new_project_is_versioned_marked_as_ours_and_in_wal_mode(tmp_path):
    path = tmp_path / "brand.btaproj"
    with Project.open(path, create=True) as project:
        assert project.schema_version == SCHEMA_VERSION
        assert project.db.journal_mode == "wal"
        assert project.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert project.counts() == {"touchpoints": 0, "promises": 0, "script_lines": 0, "observations": 0,
                                    "audit_runs": 0, "findings": 0, "drafts": 0}
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert ALL_TABLES <= {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()


def test_reopening_a_current_project_keeps_its_content_and_makes_no_backup(full_project):
    before = dump(full_project)
    with Project.open(full_project) as project:
        assert project.counts()["observations"] == 5
    assert dump(full_project) == before
    assert _siblings(full_project) == [full_project.name]


def test_opening_without_create_never_creates_a_file(tmp_path):
    with pytest.raises(ProjectMissing, match="does not exist"):
        Project.open(tmp_path / "typo.btaproj")
    assert not (tmp_path / "typo.btaproj").exists()
    assert list(tmp_path.glob("typo*")) == []


def test_every_write_is_a_transaction(full_project):
    before = dump(full_project)
    with Project.open(full_project) as project:
        with pytest.raises(RuntimeError):
            with project.transaction() as db:
                db.execute("DELETE FROM measurements")
                db.execute("UPDATE observations SET shopper = 'nobody'")
                raise RuntimeError("power cut")
    assert dump(full_project) == before


def test_foreign_keys_are_enforced(full_project):
    with Project.open(full_project) as project:
        with pytest.raises(ProjectError, match="FOREIGN KEY constraint failed"):
            with project.transaction() as db:
                db.execute("INSERT INTO script_lines (key, touchpoint, text) VALUES ('S-X', 'nowhere', 'hi')")


def test_settings_keep_json_values_including_chinese(base_project):
    with Project.open(base_project) as project:
        project.set_setting("synonyms", [["24/7", "全天候", "24小时"]])
        project.set_setting("match_threshold", 85)
    with Project.open(base_project) as project:
        assert project.get_setting("synonyms") == [["24/7", "全天候", "24小时"]]
        assert project.get_setting("match_threshold") == 85
        assert project.get_setting("missing", "default") == "default"


# -- files that are not (usable) projects ----------------------------------------------


def _text_file(tmp_path, project):
    path = tmp_path / "notes.btaproj"
    path.write_text("These are my notes, not a project.\n" * 50)
    return path


def _empty_file(tmp_path, project):
    path = tmp_path / "empty.btaproj"
    path.write_bytes(b"")
    return path


def _truncated_project(tmp_path, project):
    path = tmp_path / "truncated.btaproj"
    data = project.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _other_programs_database(tmp_path, project):
    path = tmp_path / "firefox-places.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.com')")
    conn.commit()
    conn.close()
    return path


BAD_FILES = {
    "text file": (_text_file, NotAProject),
    "empty file": (_empty_file, NotAProject),
    "truncated project": (_truncated_project, ProjectCorrupt),
    "another program's SQLite file": (_other_programs_database, NotAProject),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_a_file_that_is_not_a_usable_project_is_refused_untouched(tmp_path, full_project, case):
    make, error = BAD_FILES[case]
    path = make(tmp_path, full_project)
    original = path.read_bytes()
    with pytest.raises(error) as caught:
        Project.open(path)
    message = str(caught.value)
    assert str(path) in message and "\n" not in message
    assert path.read_bytes() == original
    assert _siblings(path) == [path.name]  # no -wal, -shm or backup left behind


def test_a_truncated_project_is_reported_as_damaged(tmp_path, full_project):
    path = _truncated_project(tmp_path, full_project)
    with pytest.raises(ProjectCorrupt, match="damaged"):
        Project.open(path)


def test_a_project_from_a_newer_version_is_refused_and_left_byte_for_byte_untouched(full_project):
    conn = sqlite3.connect(full_project)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    original = full_project.read_bytes()
    with pytest.raises(ProjectTooNew, match="newer version"):
        Project.open(full_project)
    with pytest.raises(ProjectTooNew):
        Project.open(full_project, create=True)
    assert full_project.read_bytes() == original
    assert _siblings(full_project) == [full_project.name]


# -- migrations ---------------------------------------------------------------------------


def test_a_migration_takes_a_backup_that_opens_as_the_old_version(full_project):
    before = dump(full_project)
    newer = (*MIGRATIONS, "CREATE TABLE extra (x); INSERT INTO extra (x) VALUES ('migrated')")
    with Project.open(full_project, migrations=newer) as project:
        assert project.schema_version == len(MIGRATIONS) + 1
        assert project.db.execute("SELECT x FROM extra").fetchall() == [("migrated",)]
    backups = [full_project.parent / name for name in _siblings(full_project) if name != full_project.name]
    assert len(backups) == 1
    backup = backups[0]
    assert backup.name.startswith(f"{full_project.stem}.v{SCHEMA_VERSION}-backup-")
    assert backup.suffix == full_project.suffix
    with Project.open(backup) as old:
        assert old.schema_version == SCHEMA_VERSION
        assert "extra" not in old.db.table_names()
    assert dump(backup) == before
    after = dump(full_project)
    assert after.pop("extra") == [("migrated",)]
    assert after == before


def test_a_migrated_project_is_refused_by_the_older_app(full_project):
    newer = (*MIGRATIONS, "CREATE TABLE extra (x)")
    Project.open(full_project, migrations=newer).close()
    with pytest.raises(ProjectTooNew):
        Project.open(full_project)


def test_a_failing_migration_leaves_the_project_at_its_old_version(full_project):
    before = dump(full_project)
    broken = (*MIGRATIONS, "CREATE TABLE extra (x); INSERT INTO no_such_table VALUES (1)")
    with pytest.raises(ProjectError, match="no such table"):
        Project.open(full_project, migrations=broken)
    assert dump(full_project) == before
    with Project.open(full_project) as project:
        assert project.schema_version == SCHEMA_VERSION


def test_a_locked_project_is_reported_as_locked(full_project):
    other = sqlite3.connect(full_project, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        with Project.open(full_project) as project:
            with pytest.raises(ProjectLocked, match="locked by another program"):
                with project.transaction() as db:
                    db.execute("UPDATE touchpoints SET name = 'x'")
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_newer_schema_still_in_the_wal_is_refused_too(tmp_path):
    """A newer app crashed before checkpointing: the main file's header looks old, the WAL is new."""
    import sqlite3

    from auditor.errors import ProjectTooNew

    path = tmp_path / "crashed.btaproj"
    Project.open(path, create=True).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")  # lands in the -wal file only
    assert int.from_bytes(path.read_bytes()[60:64], "big") == SCHEMA_VERSION  # the header looks current
    with pytest.raises(ProjectTooNew, match="newer version"):
        Project.open(path)
    conn.close()


def test_a_new_project_held_open_by_the_app_is_recognised_by_a_second_opener(tmp_path):
    """File › New project: the app holds the project; its schema and application_id are still in
    the -wal file (the header on disk says application_id 0). The command line must open it."""
    path = tmp_path / "coffee.btaproj"
    with Project.open(path, create=True) as held:
        assert path.read_bytes()[68:72] == b"\0\0\0\0"  # what a header-only check would have refused
        with Project.open(path) as second:
            assert second.schema_version == SCHEMA_VERSION
            with second.transaction() as db:
                db["touchpoints"].insert({"key": "web", "name": "Website", "channel": "website"})
        assert held.counts()["touchpoints"] == 1


def test_a_project_left_by_a_killed_app_opens_with_its_last_writes(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "default.btaproj"
    code = ("import sys, time\nfrom auditor.store import Project\n"
            "p = Project.open(sys.argv[1], create=True)\n"
            "with p.transaction() as db:\n"
            "    db['touchpoints'].insert({'key': 'web', 'name': 'Website', 'channel': 'website'})\n"
            "print('ready', flush=True)\ntime.sleep(60)\n")
    child = subprocess.Popen([sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ready"
    finally:
        child.kill()
        child.wait()
    assert path.with_name(path.name + "-wal").stat().st_size > 0  # the work is in the WAL only
    with Project.open(path) as project:
        assert project.touchpoint_keys() == {"web"}


def test_another_programs_database_still_in_its_wal_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = wal")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE t (x)")
    try:
        with pytest.raises(NotAProject, match="not a Brand Touchpoint Auditor project"):
            Project.open(path)
    finally:
        conn.close()
