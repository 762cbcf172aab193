"""Photos and audio a shopper attaches to a visit, kept in a folder beside the project.

``shop.btaproj`` keeps its files in ``shop.attachments/``:

- ``pending/`` holds files picked for a visit that is still a draft. A picked file is
  copied there at once (:func:`stage_file`), so a shopper's photo survives a crash the
  way the draft does (SPEC §8); the draft holds the small dict :func:`stage_file`
  returns.
- ``<observation key>/`` holds the files of a saved visit, one row each in the
  ``attachments`` table (paths relative to the attachment folder, ``/``-separated).

Saving a visit is one database transaction, and files cannot take part in it, so
:func:`attach` never takes a staged file away before that transaction has committed: it
*adds* each file to the visit's folder (a hard link — instant, no second copy on disk — or
a copy where the file system has no hard links) and inserts the rows with the caller's
``db``. Only after the commit does :func:`discard_staged` remove the pending copies.

- If the transaction rolls back, the draft and its pending files are untouched, so the
  shopper can fix the visit and save again. The files already added to the visit's folder
  have no row; they are harmless leftovers, and a later save never overwrites them
  (new names are always unique).
- If the process dies between the commit and :func:`discard_staged`, the visit and its
  rows are saved and only a pending copy is left over.

Either way nothing the shopper attached is ever lost; the worst case is a spare file.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from sqlite_utils import Database

from auditor.errors import AuditorError
from auditor.store import Project, now_iso

PENDING = "pending"
MAX_BYTES = 200 * 1024 * 1024  # a long voice memo is tens of MB; a video is not an attachment

PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp", ".heic", ".heif", ".tif", ".tiff",
                            ".dng"})
AUDIO_SUFFIXES = frozenset({".m4a", ".mp3", ".wav", ".aac", ".amr", ".ogg", ".oga", ".opus", ".flac", ".wma",
                            ".caf", ".aiff", ".aif"})

# Characters no file system we support accepts in a name (Windows is the strictest).
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)), *(f"LPT{n}" for n in range(1, 10))}
_MAX_NAME_BYTES = 150  # well under the usual 255-byte limit, leaving room for "-12"


class AttachmentError(AuditorError):
    """A file cannot be attached, or an attachment is not where it should be."""


@dataclass(frozen=True)
class Attachment:
    """One row of the ``attachments`` table."""

    id: int
    observation: str
    path: str  # relative to the attachment folder, "/"-separated
    kind: str  # photo, audio or other
    original: str | None
    added_at: str


def attachment_folder(project: Project) -> Path:
    """``<project stem>.attachments/`` beside the project file (it may not exist yet)."""
    return project.path.with_name(f"{project.path.stem}.attachments")


def attachment_file(project: Project, relative: str) -> Path:
    """The file a stored relative path names; refuses a path leading out of the folder."""
    path = PurePosixPath(str(relative).replace("\\", "/"))
    parts = path.parts
    if not parts or path.is_absolute() or ":" in parts[0] or any(part in (".", "..") for part in parts):
        raise AttachmentError(f"'{relative}' is not a path inside the project's attachment folder.")
    return attachment_folder(project).joinpath(*parts)


def kind_of(name: str) -> str:
    """``photo``, ``audio`` or ``other``, by the file name's extension (any case)."""
    suffix = Path(name).suffix.lower()
    if suffix in PHOTO_SUFFIXES:
        return "photo"
    if suffix in AUDIO_SUFFIXES:
        return "audio"
    return "other"


def safe_name(name: str) -> str:
    """``name`` made safe for every file system: no separators or reserved characters,
    not too long; Chinese and other letters are kept (macOS's decomposed form composed)."""
    name = unicodedata.normalize("NFC", name)
    name = _UNSAFE.sub("_", name).strip(" .")
    stem, suffix = os.path.splitext(name)
    if len(suffix.encode()) > 16:  # not a real extension
        stem, suffix = name, ""
    if not stem.strip(" ._") or stem.split(".")[0].upper() in _RESERVED:
        stem = f"attachment {stem}".strip() if stem.strip(" ._") else "attachment"
    while len((stem + suffix).encode()) > _MAX_NAME_BYTES:
        stem = stem[:-1]
    return stem.rstrip(" .") + suffix


def stage_file(project: Project, source: str | Path) -> dict:
    """Copy a picked file into ``pending/`` now, under a unique safe name; return what a
    draft keeps: ``{"path": "pending/<name>", "kind": ..., "original": <picked name>}``."""
    source = Path(source).expanduser()
    size = _checked_size(source)
    pending = attachment_folder(project) / PENDING
    try:
        pending.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise AttachmentError(f"The attachment folder {pending} cannot be created: {_reason(error)}.") from None
    try:
        with source.open("rb") as reader:
            target = _place(pending, safe_name(source.name), lambda path: _copy_exclusive(reader, path))
    except PermissionError:
        raise AttachmentError(f"{source} cannot be read: permission denied.") from None
    except OSError as error:
        raise AttachmentError(f"{source} could not be copied into the project's attachment folder: "
                              f"{_reason(error)}.") from None
    if target.stat().st_size != size:  # the file changed while it was copied
        target.unlink(missing_ok=True)
        raise AttachmentError(f"{source} changed while it was being copied; please add it again.")
    return {"path": f"{PENDING}/{target.name}", "kind": kind_of(source.name), "original": source.name}


def remove_staged(project: Project, staged_item: Mapping[str, object]) -> bool:
    """Delete a staged file (the shopper removed it from the visit); True if a file was
    deleted, False if it was already gone. Only files in ``pending/`` are ever deleted."""
    path = _pending_file(project, staged_item)
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError as error:
        raise AttachmentError(f"{path} could not be deleted: {_reason(error)}.") from None
    return True


def discard_staged(project: Project, staged: Iterable[Mapping[str, object]]) -> None:
    """Remove the pending copies of files that are attached now (call after the commit) or
    of a discarded draft. A file that cannot be deleted is left as a spare, not an error."""
    for item in staged:
        try:
            remove_staged(project, item)
        except AttachmentError:
            pass


def attach(project: Project, observation_key: str, staged: Iterable[Mapping[str, object]],
           db: Database | None = None) -> list[Attachment]:
    """Attach staged files to the saved visit ``observation_key``; return the new rows.

    With ``db`` (the caller's open transaction, after the observation's row is inserted)
    the rows are written there, and the caller calls :func:`discard_staged` once its
    transaction has committed. Without ``db`` this runs its own transaction and cleans up
    itself. A staged file that is gone raises :class:`AttachmentError`, so the save fails
    and rolls back instead of silently losing the shopper's file.
    """
    staged = list(staged)
    if not staged:
        return []
    sources = [(_pending_file(project, item), item) for item in staged]
    for path, item in sources:
        if not path.is_file():
            raise AttachmentError(f"The attached file '{_original(item, path)}' is no longer in the project's "
                                  f"attachment folder; remove it from the visit and add it again.")
    if db is None:
        owns_transaction = not project.db.conn.in_transaction
        with project.transaction() as own_db:
            rows = attach(project, observation_key, staged, db=own_db)
        if owns_transaction:
            discard_staged(project, staged)
        return rows
    folder_name = safe_name(str(observation_key))
    folder = attachment_folder(project) / folder_name
    rows = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for path, item in sources:
            target = _place(folder, path.name, lambda candidate, path=path: _link_or_copy(path, candidate))
            relative = f"{folder_name}/{target.name}"
            original, kind, added_at = _original(item, path), kind_of(path.name), now_iso()
            cursor = db.execute("INSERT INTO attachments (observation, path, kind, original, added_at) "
                                "VALUES (?, ?, ?, ?, ?)", [observation_key, relative, kind, original, added_at])
            rows.append(Attachment(int(cursor.lastrowid), observation_key, relative, kind, original, added_at))
    except OSError as error:
        raise AttachmentError(f"The attachments could not be added to {folder}: {_reason(error)}.") from None
    except sqlite3.IntegrityError:
        raise AttachmentError(f"Attachments need a saved visit; '{observation_key}' is not one.") from None
    return rows


def list_attachments(project: Project, observation_key: str) -> list[Attachment]:
    """The visit's attachments in the order they were added."""
    cursor = project.db.execute("SELECT id, observation, path, kind, original, added_at FROM attachments "
                                "WHERE observation = ? ORDER BY id", [observation_key])
    return [Attachment(*row) for row in cursor]


# -- helpers ---------------------------------------------------------------------------


def _checked_size(source: Path) -> int:
    try:
        info = source.stat()
    except FileNotFoundError:
        raise AttachmentError(f"{source} does not exist.") from None
    except PermissionError:
        raise AttachmentError(f"{source} cannot be read: permission denied.") from None
    except OSError as error:
        raise AttachmentError(f"{source} cannot be read: {_reason(error)}.") from None
    if source.is_dir():
        raise AttachmentError(f"{source} is a folder, not a file.")
    if info.st_size > MAX_BYTES:
        raise AttachmentError(f"{source.name} is {info.st_size / 2**20:.0f} MB; an attachment can be at most "
                              f"{MAX_BYTES // 2**20} MB.")
    return info.st_size


def _place(folder: Path, name: str, write) -> Path:
    """Write ``name`` into ``folder`` with ``write(path)``, which must fail with
    FileExistsError rather than overwrite; ``name-2``, ``name-3``… on a clash."""
    stem, suffix = os.path.splitext(name)
    for number in range(1, 10_000):
        candidate = folder / (name if number == 1 else f"{stem}-{number}{suffix}")
        try:
            write(candidate)
        except FileExistsError:
            continue
        return candidate
    raise AttachmentError(f"{folder} has too many files named like {name}.")  # pragma: no cover


def _copy_exclusive(reader, target: Path) -> None:
    """Copy an open file into a new file ``target`` (never over an existing one), flushed
    to disk; a failed copy leaves nothing behind."""
    reader.seek(0)
    with target.open("xb") as writer:  # "x": claiming the name is atomic, so two copies never collide
        try:
            shutil.copyfileobj(reader, writer, 1024 * 1024)
            writer.flush()
            os.fsync(writer.fileno())
        except BaseException:
            writer.close()
            target.unlink(missing_ok=True)
            raise


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except FileExistsError:
        raise
    except OSError:  # FAT/exFAT sticks, some network shares: no hard links there
        with source.open("rb") as reader:
            _copy_exclusive(reader, target)


def _pending_file(project: Project, staged_item: Mapping[str, object]) -> Path:
    """The file a staged dict names, which must be directly inside ``pending/``."""
    relative = staged_item.get("path") if isinstance(staged_item, Mapping) else None
    parts = PurePosixPath(str(relative or "").replace("\\", "/")).parts
    if len(parts) != 2 or parts[0] != PENDING:
        raise AttachmentError(f"'{relative}' is not a file waiting in the project's attachment folder.")
    return attachment_file(project, str(relative))


def _original(item: Mapping[str, object], path: Path) -> str:
    return str(item.get("original") or path.name)


def _reason(error: OSError) -> str:
    return error.strerror or str(error)
