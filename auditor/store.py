"""The project file: one SQLite database per project, opened safely.

Opening never writes to a file before it is known to be a project this version of the
app can handle: the SQLite header is read with plain file I/O first (a text file or a
truncated copy is refused without SQLite), then SQLite itself is asked, read-only, what
the file is — so another program's database or a project made by a newer version is
refused untouched, and a project whose latest writes are still in its ``-wal`` file (held
open by the app, or left by a killed one) is recognised.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import struct
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from auditor.errors import (
    AuditorError,
    NotAProject,
    ProjectCorrupt,
    ProjectError,
    ProjectLocked,
    ProjectMissing,
    ProjectTooNew,
)
from auditor.schema import APPLICATION_ID, MIGRATIONS

_SQLITE_MAGIC = b"SQLite format 3\x00"
_LOCK_TIMEOUT_SECONDS = 3.0

# The tables a person works with, in the order they depend on each other.
CONTENT_TABLES = ("touchpoints", "promises", "script_lines", "observations")


def now_iso() -> str:
    return datetime.now().isoformat(timespec="seconds")


def _read_header(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(100)
    except IsADirectoryError:
        raise NotAProject(f"{path} is a folder, not a project file.") from None
    except PermissionError:
        raise ProjectLocked(f"{path} cannot be read: permission denied.") from None
    except OSError as error:
        raise ProjectError(f"{path} cannot be read: {error.strerror or error}.") from None


def inspect_file(path: Path, schema_version: int) -> int:
    """Check that a file is a project this app can open, without changing it; return its
    schema version. The header is read with plain file I/O to refuse text files and
    truncated copies; the project's identity (``application_id``, ``user_version``) is
    asked of SQLite, read-only, because the header on disk can be stale: a project's
    latest writes — a new project's very first — sit in its ``-wal`` file until SQLite
    checkpoints them (while the app holds it open, or after the app was killed)."""
    if not path.exists():
        raise ProjectMissing(f"{path} does not exist.")
    header = _read_header(path)
    if not header.startswith(_SQLITE_MAGIC) or len(header) < 100:
        raise NotAProject(f"{path} is not a Brand Touchpoint Auditor project (it is not an SQLite database).")
    (page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", header[24:32])
    (version_valid_for,) = struct.unpack(">I", header[92:96])
    if version_valid_for == change_counter and path.stat().st_size < page_count * page_size:
        raise ProjectCorrupt(f"{path} is damaged: the file is shorter than its header says (truncated copy?).")
    application_id, user_version = _identity(path, header)
    if application_id != APPLICATION_ID:
        raise NotAProject(f"{path} is an SQLite database but not a Brand Touchpoint Auditor project.")
    if user_version > schema_version:
        raise ProjectTooNew(
            f"{path} was made by a newer version of Brand Touchpoint Auditor "
            f"(schema {user_version}, this app knows up to {schema_version}); please update the app."
        )
    return user_version


def _identity(path: Path, header: bytes) -> tuple[int, int]:
    """``(application_id, user_version)`` as SQLite sees them, WAL included, read-only.

    Where SQLite cannot read it without writing (a WAL project in a folder this user may not
    write: SQLite must create its ``-shm``), the header's values are the best there is, and
    opening the project says what is wrong."""
    header_values = (struct.unpack(">I", header[68:72])[0], struct.unpack(">I", header[60:64])[0])
    wal = path.with_name(path.name + "-wal")
    if not wal.exists() or wal.stat().st_size == 0:
        # Nothing waits in a WAL: the header is SQLite's own answer. (Asking SQLite anyway
        # would leave -wal and -shm files beside a file we promised not to touch.)
        return header_values
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=_LOCK_TIMEOUT_SECONDS)
        try:
            application_id = conn.execute("PRAGMA application_id").fetchone()[0]
            user_version = conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError as error:
        message = str(error).lower()
        if "unable to open" not in message and "readonly" not in message:
            raise translate_sqlite_error(path, error) from None
        return header_values
    except sqlite3.DatabaseError as error:
        raise translate_sqlite_error(path, error) from None
    return application_id, user_version


def translate_sqlite_error(path: Path, error: sqlite3.Error) -> ProjectError:
    """Turn an sqlite3 error about the file into a sentence for a person."""
    message = str(error).lower()
    if "locked" in message or "busy" in message:
        return ProjectLocked(f"{path} is locked by another program; close it there and try again.")
    if "malformed" in message or "not a database" in message or "corrupt" in message:
        return ProjectCorrupt(f"{path} is damaged and cannot be read ({error}).")
    if "readonly" in message or "read-only" in message:
        return ProjectLocked(f"{path} is read-only; the project cannot be changed.")
    if "disk" in message and ("full" in message or "i/o" in message):
        return ProjectError(f"{path} cannot be written: {error}.")
    return ProjectError(f"{path} could not be used: {error}.")


class Project:
    """An open project file. Use :meth:`open`; close it with :meth:`close` or ``with``."""

    def __init__(self, path: Path, db: Database):
        self.path = path
        self.db = db

    # -- opening -------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        create: bool = False,
        migrations: Sequence[str] = MIGRATIONS,
    ) -> "Project":
        """Open (and, if asked, create) a project, migrating it with a backup first."""
        path = Path(path).expanduser()
        target_version = len(migrations)
        is_new = create and (not path.exists() or path.stat().st_size == 0)
        version = 0 if is_new else inspect_file(path, target_version)
        if is_new:
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(str(path), timeout=_LOCK_TIMEOUT_SECONDS, check_same_thread=False)
            db = Database(conn)
            if not is_new:
                # inspect_file may have had to fall back on the header, which can be stale: a
                # newer app's last write can still sit in the -wal file. SQLite's answer decides.
                actual = conn.execute("PRAGMA user_version").fetchone()[0]
                if actual > target_version:
                    conn.close()
                    raise ProjectTooNew(
                        f"{path} was made by a newer version of Brand Touchpoint Auditor "
                        f"(schema {actual}, this app knows up to {target_version}); please update the app.")
                version = max(version, actual)
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA cache_size = -65536")  # 64 MB: big imports and audits stay in memory
            if version < target_version and not is_new:
                _backup(conn, path, version)
            if db.journal_mode != "wal":
                db.enable_wal()
            project = cls(path, db)
            project._migrate(version, migrations, is_new=is_new)
            # Reading the schema here makes a damaged file fail now, not mid-task.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as error:
            if is_new:
                _remove_quietly(path)
            raise translate_sqlite_error(path, error) from None
        return project

    def _migrate(self, version: int, migrations: Sequence[str], *, is_new: bool) -> None:
        if version >= len(migrations):
            return
        with self.db.atomic():
            if is_new:
                self.db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            for script in migrations[version:]:
                for statement in _split_sql(script):
                    self.db.execute(statement)
            self.db.execute(f"PRAGMA user_version = {len(migrations)}")

    def save_copy(self, target: str | Path) -> Path:
        """Write a consistent copy of the project (WAL content included) to ``target``,
        which must not exist; written beside it and moved into place, so a failure leaves
        no half file. The visits' photos and audio (the ``.attachments`` folder beside the
        project) are copied beside the copy. The open project stays the one in use."""
        target = Path(target).expanduser()
        if target.resolve() == self.path.resolve():
            raise AuditorError(f"{target} is this project itself; choose another name for the copy.")
        if target.exists():
            raise AuditorError(f"{target} already exists; choose another name for the copy.")
        if not target.parent.is_dir():
            raise AuditorError(f"The folder {target.parent} does not exist.")
        partial = target.with_name(f".{target.name}.partial")
        try:
            copy = sqlite3.connect(str(partial))
            try:
                self.db.conn.backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            finally:
                copy.close()
            os.replace(partial, target)
        except (sqlite3.Error, OSError) as error:
            _remove_quietly(partial)
            raise AuditorError(f"Could not write the copy {target}: {error}.") from None
        files = self.path.with_name(f"{self.path.stem}.attachments")
        if files.is_dir():
            try:
                shutil.copytree(files, target.with_name(f"{target.stem}.attachments"), dirs_exist_ok=True)
            except OSError as error:
                raise AuditorError(f"The copy {target} was written, but its photos and audio could not be "
                                   f"copied: {error}.") from None
        return target

    def close(self) -> None:
        try:
            # The checkpoint is a courtesy: never wait for another program's lock to close.
            self.db.conn.execute("PRAGMA busy_timeout = 0")
            self.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass  # another reader keeps the WAL; it is checkpointed later
        self.db.close()

    def __enter__(self) -> "Project":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """Every write goes through here: all of it lands, or none of it does."""
        conn = self.db.conn
        try:
            if conn.in_transaction:  # nested: a savepoint inside the outer transaction
                with self.db.atomic() as db:
                    yield db
                return
            # IMMEDIATE takes the write lock now, waiting up to the lock timeout for another
            # program to finish. A plain BEGIN would read first and then fail at once, without
            # waiting, when it tries to write while another program holds the lock.
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
                if conn.in_transaction:
                    conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as error:
            raise translate_sqlite_error(self.path, error) from None

    # -- reading -------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def counts(self) -> dict[str, int]:
        """How many rows each table a person cares about holds."""
        tables = (*CONTENT_TABLES, "audit_runs", "findings", "drafts")
        return {name: self.db.execute(f"SELECT count(*) FROM [{name}]").fetchone()[0] for name in tables}

    def touchpoint_keys(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT key FROM touchpoints")}

    def promise_keys(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT key FROM promises")}

    def get_setting(self, key: str, default: object = None) -> object:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return default if row is None else json.loads(row[0])

    def set_setting(self, key: str, value: object) -> None:
        self.set_settings({key: value})

    def set_settings(self, values: dict[str, object]) -> None:
        """Store several settings in one transaction; a value of None removes the setting."""
        with self.transaction() as db:
            for key, value in values.items():
                if value is None:
                    db.execute("DELETE FROM settings WHERE key = ?", [key])
                else:
                    db["settings"].upsert({"key": key, "value": json.dumps(value, ensure_ascii=False)}, pk="key")


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements (our migrations have no ';' inside strings)."""
    code = "\n".join(line.split("--", 1)[0] for line in script.splitlines())
    return [statement.strip() for statement in code.split(";") if statement.strip()]


def _remove_quietly(path: Path) -> None:
    """Remove a project file we just created and could not finish (and its WAL files)."""
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            leftover.unlink()
        except OSError:
            pass


def _backup(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """Copy the project (WAL content included) next to it before migrating."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    backup_path = path.with_name(f"{path.stem}.v{version}-backup-{stamp}{path.suffix or '.db'}")
    target = sqlite3.connect(str(backup_path))
    try:
        conn.backup(target)
    finally:
        target.close()
    if not backup_path.exists():  # pragma: no cover - backup() raises on failure
        shutil.copy2(path, backup_path)
    return backup_path
