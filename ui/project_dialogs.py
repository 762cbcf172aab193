"""Asking a person for a project file, and telling them when something went wrong."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from auditor.errors import AuditorError, InputError
from auditor.paths import PROJECT_SUFFIX, data_folder

MAX_LISTED_PROBLEMS = 10


def _file_filter() -> str:
    return QCoreApplication.translate("ProjectDialogs", "Brand Auditor projects (*{suffix});;All files (*)").format(suffix=PROJECT_SUFFIX)


def _start_folder(near: Path | None) -> str:
    return str(near.parent if near is not None else data_folder())


def ask_project_to_open(parent: QWidget, near: Path | None) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("ProjectDialogs", "Open project"), _start_folder(near), _file_filter())
    return Path(path) if path else None


def ask_new_project(parent: QWidget, near: Path | None, title: str) -> Path | None:
    """A file name for a new project (with the project suffix added when missing)."""
    path, _ = QFileDialog.getSaveFileName(
        parent, title, _start_folder(near), _file_filter(),
        # We refuse existing files ourselves: "replace" must never wipe a project.
        options=QFileDialog.Option.DontConfirmOverwrite)
    if not path:
        return None
    chosen = Path(path)
    return chosen if chosen.suffix else chosen.with_suffix(PROJECT_SUFFIX)


def error_sentence(error: BaseException, path: Path | None = None) -> str:
    """One sentence for a person, for the errors that opening or filling a project raises."""
    if isinstance(error, AuditorError):
        text = str(error)
        if isinstance(error, InputError):
            lines = [str(problem) for problem in error.problems[:MAX_LISTED_PROBLEMS]]
            text = "\n".join([text, *lines])
        return text
    if isinstance(error, OSError):
        where = str(path or error.filename or "")
        return QCoreApplication.translate("ProjectDialogs", "{path} cannot be used: {reason}.").format(path=where, reason=error.strerror or error)
    if isinstance(error, sqlite3.Error):
        return QCoreApplication.translate("ProjectDialogs", "{path} could not be used: {reason}.").format(path=path or "", reason=error)
    return str(error)


def show_error(parent: QWidget, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)
