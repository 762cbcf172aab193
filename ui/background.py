"""The one way the app runs long work (import, audit, report) without freezing the window.

A *job* is a plain-Python callable ``job(progress=..., is_cancelled=...)``, the shape of
:func:`auditor.importer.import_file` and :func:`auditor.audit.run_audit` once their other
arguments are bound. It runs on a worker thread and never touches a widget: its progress,
result and error travel back to the GUI thread as Qt signals (queued connections).

SQLite connections belong to the thread that opened them, so a job never uses the window's
open :class:`~auditor.store.Project`. It opens its own on the same file and closes it when
done; :func:`project_job` does exactly that::

    job = project_job(project.path, partial(import_file, kind="observations", path=file))
    run_in_background(window, job, on_success=show_summary, title=..., label=...)

Cancelling sets a flag that the job polls; the engine then raises
:class:`~auditor.errors.Cancelled` and rolls back, so the project is left as it was.
A cancelled job is not an error: no message is shown.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QProgressBar, QPushButton, QVBoxLayout, QWidget

from auditor.errors import AuditorError, Cancelled
from auditor.store import Project
from ui.project_dialogs import error_sentence, show_error

Progress = Callable[..., None]  # progress(done, total=0); total 0 means "not known"
Job = Callable[..., Any]  # job(progress=..., is_cancelled=...) -> result

_PROGRESS_INTERVAL_SECONDS = 0.05  # at most ~20 progress signals a second, however often the job reports
_running = 0  # jobs started and not yet ended (ui.garbage waits for none to collect)


def jobs_running() -> bool:
    """Is a background job running? (A long job makes millions of objects and no cycles
    worth collecting: collecting them would pause the window; see ui.garbage.)"""
    return _running > 0


def project_job(path: str | Path, work: Callable[..., Any]) -> Job:
    """A job that opens the project at ``path`` on the worker thread, runs
    ``work(project, progress=..., is_cancelled=...)`` and closes the project again."""

    def job(progress: Progress, is_cancelled: Callable[[], bool]) -> Any:
        with Project.open(path) as project:
            return work(project, progress=progress, is_cancelled=is_cancelled)

    return job


class _Worker(QThread):
    """Runs the job; emits from the worker thread, so every receiver gets a queued call."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object, str)  # the exception and its formatted traceback

    def __init__(self, job: Job, cancel_flag: threading.Event, parent: QObject) -> None:
        super().__init__(parent)
        self._job = job
        self._cancel_flag = cancel_flag
        self._last_report = 0.0

    def run(self) -> None:
        try:
            result = self._job(progress=self._progress, is_cancelled=self._cancel_flag.is_set)
        except BaseException as error:  # noqa: BLE001 - every failure must reach the GUI thread
            self.failed.emit(error, "".join(traceback.format_exception(error)))
        else:
            self.succeeded.emit(result)

    def _progress(self, done: int, total: int = 0) -> None:
        now = time.monotonic()
        if now - self._last_report >= _PROGRESS_INTERVAL_SECONDS or (total and done >= total):
            self._last_report = now
            self.progressed.emit(int(done), int(total))


class BackgroundTask(QObject):
    """One running job. Exactly one of ``succeeded``, ``failed`` or ``cancelled`` is emitted,
    then ``finished``; all on the GUI thread."""

    progressed = Signal(int, int)  # done, total (0 = not known)
    succeeded = Signal(object)
    failed = Signal(object)  # an exception that is not Cancelled
    cancelled = Signal()
    finished = Signal()

    def __init__(self, job: Job, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel_flag = threading.Event()
        self._worker = _Worker(job, self._cancel_flag, self)
        self._worker.progressed.connect(self.progressed)
        self._worker.succeeded.connect(self._on_succeeded)
        self._worker.failed.connect(self._on_failed)
        self.traceback = ""
        self._done = False

    def start(self) -> None:
        global _running
        _running += 1
        self._worker.start()

    def delete_when_done(self) -> None:
        """Delete this task (and its thread object) once Qt has also delivered the thread's own
        end: on ``QThread.finished``, which reaches the GUI thread after the job's last signal,
        rather than from a slot of that last signal (``finished``). (Tried against the suite's
        rare segfault after the report dialog's test; it did not cure it — benchmarks/README.)"""
        self._worker.finished.connect(self.deleteLater)

    def cancel(self) -> None:
        """Ask the job to stop at its next check; ``cancelled`` follows when it has."""
        self._cancel_flag.set()

    def is_cancelling(self) -> bool:
        return self._cancel_flag.is_set()

    def is_running(self) -> bool:
        return not self._done

    def cancel_and_wait(self) -> None:
        """For closing windows: stop the job and wait for its thread to end."""
        self.cancel()
        self._worker.wait()

    def _on_succeeded(self, result: object) -> None:
        self._end()
        self.succeeded.emit(result)
        self.finished.emit()

    def _on_failed(self, error: BaseException, details: str) -> None:
        self._end()
        if isinstance(error, Cancelled):
            self.cancelled.emit()
        else:
            self.traceback = details
            self.failed.emit(error)
        self.finished.emit()

    def _end(self) -> None:
        global _running
        if not self._done:
            _running -= 1
        self._done = True
        self._worker.wait()  # the thread has emitted its last signal; let it finish before anyone deletes it


class ProgressDialog(QDialog):
    """A label, a progress bar and Cancel, following one task."""

    def __init__(self, task: BackgroundTask, title: str, label: str, parent: QWidget | None,
                 modal: bool = True) -> None:
        super().__init__(parent)
        self.task = task
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal if modal else Qt.WindowModality.NonModal)
        self.label = QLabel(label, self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # busy until the job says how far it is
        self.bar.setMinimumWidth(360)
        self.count = QLabel("", self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.count)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)
        task.progressed.connect(self.show_progress)
        task.finished.connect(self._close_for_good)
        self._closing_for_good = False

    def show_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
            self.count.setText(self.tr("{done} of {total}").format(done=f"{done:,}", total=f"{total:,}"))
        else:
            self.count.setText(self.tr("{done} rows read").format(done=f"{done:,}"))

    def reject(self) -> None:
        """Cancel (the button, Escape or the window's close box): ask the job to stop and
        stay open until it has, so nobody thinks it stopped before the rollback is done."""
        if self._closing_for_good:
            super().reject()
            return
        self.task.cancel()
        self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("Cancelling…"))

    def _close_for_good(self) -> None:
        self._closing_for_good = True
        self.done(QDialog.DialogCode.Rejected)
        self.deleteLater()


def run_in_background(
    parent: QWidget,
    job: Job,
    on_success: Callable[[Any], None] | None = None,
    *,
    title: str,
    label: str,
    on_failure: Callable[[BaseException], bool] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    modal: bool = True,
    show_progress: bool = True,
    show_after_ms: int = 300,
) -> BackgroundTask:
    """Start ``job`` on a worker thread and return its task.

    ``on_success(result)`` runs on the GUI thread. An :class:`AuditorError` is shown as its
    one sentence unless ``on_failure(error)`` returns True (it handled the error itself);
    any other exception is shown as one sentence with the traceback under "Show Details".
    A cancelled job calls ``on_cancelled`` and shows nothing. The progress dialog (window-
    modal unless ``modal`` is False) appears only if the job lasts beyond ``show_after_ms``.
    """
    task = BackgroundTask(job, parent)
    if on_success is not None:
        task.succeeded.connect(on_success)
    if on_cancelled is not None:
        task.cancelled.connect(on_cancelled)

    def failed(error: BaseException) -> None:
        if on_failure is not None and isinstance(error, AuditorError) and on_failure(error):
            return
        show_failure(parent, title, error, task.traceback)

    task.failed.connect(failed)
    if show_progress:
        dialog = ProgressDialog(task, title, label, parent, modal)
        task.progress_dialog = dialog  # type: ignore[attr-defined]  # for tests and callers that want it
        timer = QTimer(dialog)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: task.is_running() and dialog.show())
        timer.start(show_after_ms)
    task.delete_when_done()
    task.start()
    return task


def show_failure(parent: QWidget, title: str, error: BaseException, details: str = "") -> None:
    """An engine error as its sentence; anything else as a sentence plus the traceback."""
    if isinstance(error, AuditorError):
        show_error(parent, title, error_sentence(error))
        return
    box = QMessageBox(QMessageBox.Icon.Critical, title, "", QMessageBox.StandardButton.Ok, parent)
    reason = error_sentence(error) or type(error).__name__
    box.setText(QCoreApplication.translate("Background", "Something unexpected went wrong: {reason}").format(reason=reason))
    box.setInformativeText(QCoreApplication.translate("Background", "If this happens again, please send the details to whoever supports the app."))
    box.setDetailedText(details)
    box.exec()
