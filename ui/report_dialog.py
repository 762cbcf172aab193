"""The report dialog: which run, which language, which Word template, whether to remove
staff names, and where to save. The report is built in the background with its own
connection to the project, then opened in the system's word processor."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from auditor.errors import AuditorError, Cancelled
from auditor.report.build import build_report
from auditor.store import Project
from ui import i18n
from ui.background import BackgroundTask, project_job, run_in_background
from ui.project_dialogs import error_sentence


def open_document(path: Path) -> None:
    """Open ``path`` in the program the system uses for it (Word, WPS, LibreOffice…)."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


# What a report is called in its own language, so that an English and a Chinese report of
# the same day do not take the same file name.
_REPORT_WORD = {"en": "audit", "zh": "审计报告"}


def default_report_path(project_path: Path, today: date | None = None, lang: str = "en") -> Path:
    """``<project stem> audit <date>.docx`` (``<project stem> 审计报告 <date>.docx`` for a
    Chinese report) beside the project, numbered if that name is taken."""
    stem = f"{project_path.stem} {_REPORT_WORD.get(lang, lang)} {(today or date.today()).isoformat()}"
    candidate, number = project_path.with_name(f"{stem}.docx"), 2
    while candidate.exists():
        candidate, number = project_path.with_name(f"{stem} ({number}).docx"), number + 1
    return candidate


def _build(out: Path, run_id: int | None, lang: str, template: Path | None, redact_staff: bool,
           project: Project, progress: Callable[..., None], is_cancelled: Callable[[], bool]) -> Path:
    """The background job: build next to ``out`` and move into place unless cancelled meanwhile
    (building does not stop half-way, so Cancel is honoured at the end)."""
    building = out.with_name(f".{out.stem}.building.docx")
    build_report(project, building, run_id=run_id, lang=lang, template=template, redact_staff=redact_staff)
    if is_cancelled():
        building.unlink(missing_ok=True)
        raise Cancelled("Report cancelled; nothing was written.")
    try:
        os.replace(building, out)
    except OSError as error:
        building.unlink(missing_ok=True)
        raise AuditorError(f"Could not write {out}: {error.strerror or error}.") from None
    return out


class ReportDialog(QDialog):
    def __init__(self, project_path: str | Path, parent: QWidget | None = None,
                 opener: Callable[[Path], object] | None = None) -> None:
        super().__init__(parent)
        self.project_path = Path(project_path)
        self._opener = opener
        self.task: BackgroundTask | None = None
        self.written: Path | None = None

        self.run = QComboBox(self)
        self.language = QComboBox(self)
        self.language.addItem("English", "en")
        self.language.addItem("中文（简体）", "zh")
        self.language.setCurrentIndex(self.language.findData(i18n.chosen_language()))
        self.template = QLineEdit(self)
        self.template.setClearButtonEnabled(True)
        self.template_button = QPushButton(self)
        self.template_button.clicked.connect(self.choose_template)
        self.redact = QCheckBox(self)
        self._suggested = str(default_report_path(self.project_path, lang=self.language.currentData() or "en"))
        self.out = QLineEdit(self._suggested, self)
        self.language.currentIndexChanged.connect(self._suggest_name)
        self.out_button = QPushButton(self)
        self.out_button.clicked.connect(self.choose_output)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setMinimumHeight(self.status.fontMetrics().height() * 2)

        self.form = QFormLayout()
        self.labels = [QLabel(self) for _ in range(5)]
        fields = (self.run, self.language, self._with_button(self.template, self.template_button), self.redact,
                  self._with_button(self.out, self.out_button))
        for label, field in zip(self.labels, fields):
            self.form.addRow(label, field)
        self.buttons = QDialogButtonBox(self)
        self.build_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.build_button.setDefault(True)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.build)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self._run_ids = self._load_runs()
        self.retranslate_ui()

    def _with_button(self, field: QLineEdit, button: QPushButton) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(field, 1)
        layout.addWidget(button)
        return row

    def _load_runs(self) -> list[tuple[int, str, str | None, str | None]]:
        try:
            with Project.open(self.project_path) as project:
                return project.db.execute(
                    "SELECT id, started_at, period_from, period_to FROM audit_runs ORDER BY id DESC").fetchall()
        except AuditorError as error:
            self.status.setText(error_sentence(error))
            return []

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Build the report"))
        labels = (self.tr("Audit run"), self.tr("Language"), self.tr("Word template"), self.tr("Staff names"),
                  self.tr("Save as"))
        for label, text in zip(self.labels, labels):
            label.setText(text)
        self.template.setPlaceholderText(self.tr("None: the built-in layout"))
        self.template_button.setText(self.tr("Choose…"))
        self.redact.setText(self.tr("Remove staff names"))
        self.redact.setToolTip(self.tr("Shoppers' and staff members' names are replaced by “[staff]” in the report."))
        self.out_button.setText(self.tr("Choose…"))
        self.build_button.setText(self.tr("Build report"))
        chosen = self.run.currentData()
        self.run.clear()
        for run_id, started, period_from, period_to in self._run_ids:
            self.run.addItem(self.tr("Run {run} — {date} — {period}").format(
                run=run_id, date=(started or "")[:16].replace("T", " "), period=self._period(period_from, period_to)),
                run_id)
        if chosen is not None:
            self.run.setCurrentIndex(max(0, self.run.findData(chosen)))
        self._update_enabled()
        if not self._run_ids and not self.status.text():
            self.status.setText(self.tr("There is no audit run to report on yet; run an audit first."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _period(self, period_from: str | None, period_to: str | None) -> str:
        if period_from or period_to:
            return f"{(period_from or '…')[:10]} – {(period_to or '…')[:10]}"
        return self.tr("all visits")

    def _suggest_name(self) -> None:
        """A name for the report in the chosen language, unless the user chose one."""
        if self.out.text().strip() != self._suggested:
            return
        self._suggested = str(default_report_path(self.project_path, lang=self.language.currentData() or "en"))
        self.out.setText(self._suggested)

    def _update_enabled(self) -> None:
        idle = self.task is None
        self.build_button.setEnabled(idle and bool(self._run_ids))
        for widget in (self.run, self.language, self.template, self.template_button, self.redact, self.out,
                       self.out_button):
            widget.setEnabled(idle)

    # -- choosing files ----------------------------------------------------------------

    def choose_template(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Word template"), str(self.project_path.parent),
                                              self.tr("Word documents and templates (*.docx *.dotx)"))
        if path:
            self.template.setText(path)

    def choose_output(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report as"), self.out.text(),
                                              self.tr("Word documents (*.docx)"))
        if path:
            self.out.setText(path if path.lower().endswith(".docx") else path + ".docx")

    # -- building ----------------------------------------------------------------------

    def build(self) -> BackgroundTask | None:
        """Build the report in the background; opens it when it is written."""
        if self.task is not None or not self._run_ids:
            return None
        text = self.out.text().strip()
        if not text:
            self.status.setText(self.tr("Choose where to save the report."))
            return None
        out = Path(text).expanduser()
        if out.suffix.lower() != ".docx":
            out = out.with_name(out.name + ".docx")
        if out.exists() and QMessageBox.question(
                self, self.tr("Build the report"), self.tr("{name} already exists. Replace it?").format(name=out.name),
        ) != QMessageBox.StandardButton.Yes:
            return None
        template = Path(self.template.text().strip()).expanduser() if self.template.text().strip() else None
        # Every choice is read here, on the GUI thread: the job never touches a widget.
        job = project_job(self.project_path, partial(_build, out, self.run.currentData(),
                                                     self.language.currentData(), template, self.redact.isChecked()))
        self.status.setText(self.tr("Building the report…"))
        self.task = run_in_background(self, job, self._built, title=self.tr("Build the report"),
                                      label=self.tr("Writing the Word report…"), on_failure=self._failed,
                                      on_cancelled=self._cancelled)
        self.task.failed.connect(self._failed_unexpectedly)
        self.task.finished.connect(self._finished)
        self._update_enabled()
        return self.task

    def _built(self, path: Path) -> None:
        self.written = path
        self.status.setText(self.tr("The report was saved as {path}.").format(path=path))
        (self._opener or open_document)(path)

    def _failed(self, error: BaseException) -> bool:
        self.status.setText(error_sentence(error))
        return True  # shown in the status line, not in a message box

    def _failed_unexpectedly(self, error: BaseException) -> None:
        if not isinstance(error, AuditorError):
            self.status.setText(self.tr("The report could not be built."))

    def _cancelled(self) -> None:
        self.status.setText(self.tr("Cancelled; no report was written."))

    def _finished(self) -> None:
        self.task = None
        self._update_enabled()

    def reject(self) -> None:
        if self.task is not None:  # closing while building: stop the job first
            self.task.cancel_and_wait()
        super().reject()
