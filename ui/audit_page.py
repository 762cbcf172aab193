"""The audit page: run the audit for a period in the background, the history of runs with
their headline figures, and two runs side by side — what got better, what got worse.

The audit runs on a worker thread with its own connection to the project file
(:func:`ui.background.project_job`); this page only reads ``audit_runs`` on the GUI thread.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from auditor.audit import AuditResult, run_audit
from auditor.store import Project
from ui.background import BackgroundTask, project_job, run_in_background

HEADLINE = ("consistency_index", "promise_keeping_rate", "script_adherence")
_BETTER, _WORSE = QColor("#1e7b34"), QColor("#b3261e")
_DATE_FORMAT = "yyyy-MM-dd"


@dataclass(frozen=True)
class Change:
    """One figure in two runs. ``area`` is None for the whole run, else a touchpoint key;
    ``measure`` is a headline name or ``findings:<kind>``."""

    area: str | None
    measure: str
    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        return None if self.before is None or self.after is None else self.after - self.before

    @property
    def direction(self) -> int | None:
        """+1 got better, −1 got worse, 0 unchanged, None not comparable. Fewer findings is better."""
        delta = self.delta
        if delta is None:
            return None
        if abs(delta) < 1e-9:
            return 0
        better = delta < 0 if self.measure.startswith("findings:") else delta > 0
        return 1 if better else -1


def compare_metrics(before: dict, after: dict) -> list[Change]:
    """The headline figures overall and per touchpoint, then findings by kind, of two runs'
    ``metrics`` (the older first)."""
    changes = [Change(None, name, before.get(name), after.get(name)) for name in HEADLINE]
    old_touchpoints, new_touchpoints = before.get("by_touchpoint") or {}, after.get("by_touchpoint") or {}
    for touchpoint in sorted(set(old_touchpoints) | set(new_touchpoints)):
        old, new = old_touchpoints.get(touchpoint) or {}, new_touchpoints.get(touchpoint) or {}
        changes += [Change(touchpoint, name, old.get(name), new.get(name)) for name in HEADLINE]
    old_kinds, new_kinds = before.get("findings_by_kind") or {}, after.get("findings_by_kind") or {}
    for kind in sorted(set(old_kinds) | set(new_kinds)):
        changes.append(Change(None, f"findings:{kind}", old_kinds.get(kind, 0), new_kinds.get(kind, 0)))
    return changes


def _item(text: str, number: float | None = None, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if number is not None:
        item.setData(Qt.ItemDataRole.UserRole, number)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class AuditPage(QWidget):
    audited = Signal(int)  # the id of the run just stored

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project: Project | None = None
        self._touchpoint_names: dict[str, str] = {}
        self.task: BackgroundTask | None = None

        self.all_visits = QCheckBox(self)
        self.all_visits.setChecked(True)
        self.all_visits.toggled.connect(self._update_enabled)
        self.period_from = self._date_edit()
        self.period_to = self._date_edit()
        self.from_label, self.to_label = QLabel(self), QLabel(self)
        self.run_button = QPushButton(self)
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.start_audit)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setMinimumWidth(200)
        self.run_box = QGroupBox(self)
        row = QHBoxLayout()
        row.addWidget(self.all_visits)
        row.addSpacing(16)
        for widget in (self.from_label, self.period_from, self.to_label, self.period_to):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.run_button)
        run_layout = QVBoxLayout(self.run_box)
        run_layout.addLayout(row)
        run_layout.addWidget(self.status)

        self.history = self._table(8)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.history.itemSelectionChanged.connect(self._selection_changed)
        self.history.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # the period
        self.history_box = QGroupBox(self)
        QVBoxLayout(self.history_box).addWidget(self.history)

        self.comparison_summary = QLabel(self)
        self.comparison_summary.setWordWrap(True)
        self.comparison = self._table(5)
        self.comparison.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.comparison.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # where
        self.compare_box = QGroupBox(self)
        compare_layout = QVBoxLayout(self.compare_box)
        compare_layout.addWidget(self.comparison_summary)
        compare_layout.addWidget(self.comparison)
        self._compared: tuple[int, int] | None = None

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.history_box)
        splitter.addWidget(self.compare_box)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)  # the comparison has the longer list
        splitter.setSizes([200, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(self.run_box)
        layout.addWidget(splitter, 1)
        self.retranslate_ui()
        self.set_project(None)

    # -- building ----------------------------------------------------------------------

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(_DATE_FORMAT)
        edit.setDate(QDate.currentDate())
        return edit

    def _table(self, columns: int) -> QTableWidget:
        table = QTableWidget(0, columns, self)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    def retranslate_ui(self) -> None:
        self.run_box.setTitle(self.tr("Run an audit"))
        self.all_visits.setText(self.tr("All visits"))
        self.all_visits.setToolTip(self.tr("Audit every visit in the project, whatever its date."))
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("To"))
        self.run_button.setText(self.tr("Run audit"))
        self.history_box.setTitle(self.tr("Audit runs"))
        self.history.setHorizontalHeaderLabels([
            self.tr("Run"), self.tr("Date"), self.tr("Period"), self.tr("Visits"), self.tr("Consistency index"),
            self.tr("Promise keeping"), self.tr("Script adherence"), self.tr("Findings")])
        self.compare_box.setTitle(self.tr("Compare two runs"))
        self.comparison.setHorizontalHeaderLabels([self.tr("Where"), self.tr("Figure"), "", "", self.tr("Change")])
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- the project -------------------------------------------------------------------

    def set_project(self, project: Project | None) -> None:
        """Show ``project`` (open on the GUI thread; the audit opens its own connection)."""
        self._project = project
        self._touchpoint_names = {}
        if project is not None:
            self._touchpoint_names = {key: name or key for key, name in
                                      project.db.execute("SELECT key, name FROM touchpoints").fetchall()}
            first, last = project.db.execute(
                "SELECT min(substr(observed_at, 1, 10)), max(substr(observed_at, 1, 10)) FROM observations").fetchone()
            for edit, day in ((self.period_from, first), (self.period_to, last)):
                date = QDate.fromString(day or "", _DATE_FORMAT)
                edit.setDate(date if date.isValid() else QDate.currentDate())
        self.status.setText("" if project is not None else self.tr("Open a project to audit it."))
        self.refresh()

    def refresh(self) -> None:
        """Read the run history again (after an audit, or when another page changed the project)."""
        self._update_enabled()
        self.history.blockSignals(True)
        self.history.setRowCount(0)
        if self._project is not None:
            rows = self._project.db.execute(
                "SELECT id, started_at, period_from, period_to, json_extract(metrics, '$.counts.observations'),"
                " json_extract(metrics, '$.consistency_index'), json_extract(metrics, '$.promise_keeping_rate'),"
                " json_extract(metrics, '$.script_adherence'),"
                " (SELECT sum(value) FROM json_each(metrics, '$.findings_by_kind'))"
                " FROM audit_runs ORDER BY id DESC").fetchall()
            self.history.setRowCount(len(rows))
            for index, (run_id, started, period_from, period_to, visits, index_value, keeping, adherence,
                        findings) in enumerate(rows):
                cells = [
                    _item(str(run_id), run_id, True),
                    _item((started or "")[:16].replace("T", " ")),
                    _item(self.period_text(period_from, period_to)),
                    _item(self._count(visits), visits, True),
                    _item(self._figure("consistency_index", index_value), index_value, True),
                    _item(self._figure("promise_keeping_rate", keeping), keeping, True),
                    _item(self._figure("script_adherence", adherence), adherence, True),
                    _item(self._count(findings), findings, True),
                ]
                for column, cell in enumerate(cells):
                    self.history.setItem(index, column, cell)
        self.history.blockSignals(False)
        self._selection_changed()

    def run_ids(self) -> list[int]:
        """The runs in the history, newest first."""
        return [int(self.history.item(row, 0).text()) for row in range(self.history.rowCount())]

    # -- running -----------------------------------------------------------------------

    def period(self) -> tuple[str | None, str | None]:
        """(from, to) as ``YYYY-MM-DD``, or (None, None) for all visits."""
        if self.all_visits.isChecked():
            return None, None
        return (self.period_from.date().toString(_DATE_FORMAT), self.period_to.date().toString(_DATE_FORMAT))

    def start_audit(self) -> BackgroundTask | None:
        """Audit the chosen period in the background; ``audited`` follows when it is stored."""
        if self._project is None or self.is_running():
            return None
        period_from, period_to = self.period()
        if period_from and period_to and period_from > period_to:
            self.status.setText(self.tr("The period ends before it starts; choose a “To” date on or after the “From” date."))
            return None
        self.status.setText(self.tr("Auditing…"))
        job = project_job(self._project.path, partial(run_audit, period_from=period_from, period_to=period_to))
        self.task = run_in_background(self, job, self._audit_stored, title=self.tr("Audit"),
                                      label=self.tr("Checking every visit against the promises and the script…"),
                                      on_cancelled=self._audit_cancelled)
        self.task.failed.connect(lambda error: self.status.setText(self.tr("The audit did not finish.")))
        self.task.finished.connect(self._task_finished)
        self._update_enabled()
        return self.task

    def is_running(self) -> bool:
        return self.task is not None

    def _task_finished(self) -> None:
        self.task = None
        self._update_enabled()

    def _audit_stored(self, result: AuditResult) -> None:
        counts = result.metrics.get("counts") or {}
        self.status.setText(self.tr("Run {run} stored: {visits} visits audited, {findings} findings.").format(
            run=result.run_id, visits=self._count(counts.get("observations")),
            findings=self._count(sum((result.metrics.get("findings_by_kind") or {}).values()))))
        self.refresh()
        # The new run beside the one before it: what changed since last time.
        self.history.clearSelection()
        for row in range(min(2, self.history.rowCount())):
            self._add_row_to_selection(row)
        self.audited.emit(result.run_id)

    def _audit_cancelled(self) -> None:
        self.status.setText(self.tr("The audit was cancelled; nothing was stored."))

    def _update_enabled(self) -> None:
        has_project, running = self._project is not None, self.task is not None
        self.run_button.setEnabled(has_project and not running)
        self.all_visits.setEnabled(has_project and not running)
        for widget in (self.period_from, self.period_to, self.from_label, self.to_label):
            widget.setEnabled(has_project and not running and not self.all_visits.isChecked())

    # -- comparing ---------------------------------------------------------------------

    def _add_row_to_selection(self, row: int) -> None:
        model = self.history.selectionModel()
        model.select(self.history.model().index(row, 0), model.SelectionFlag.Select | model.SelectionFlag.Rows)

    def _selection_changed(self) -> None:
        rows = sorted({index.row() for index in self.history.selectionModel().selectedRows()})
        if len(rows) == 2:
            ids = sorted(int(self.history.item(row, 0).text()) for row in rows)
            self.compare(ids[0], ids[1])
            return
        self._compared = None
        self.comparison.setRowCount(0)
        self.comparison.setVisible(False)
        self.comparison_summary.setText(
            self.tr("Select two runs above (Ctrl+click) to see what got better and what got worse.")
            if self.history.rowCount() >= 2 else self.tr("Once there are two audit runs, you can compare them here."))

    def compare(self, older: int, newer: int) -> list[Change]:
        """Show run ``newer`` against run ``older``; returns the figures shown."""
        assert self._project is not None
        metrics = dict(self._project.db.execute(
            "SELECT id, metrics FROM audit_runs WHERE id IN (?, ?)", [older, newer]).fetchall())
        changes = compare_metrics(json.loads(metrics[older]), json.loads(metrics[newer]))
        self._compared = (older, newer)
        self.comparison.setHorizontalHeaderLabels([
            self.tr("Where"), self.tr("Figure"), self.tr("Run {run}").format(run=older),
            self.tr("Run {run}").format(run=newer), self.tr("Change")])
        self.comparison.setRowCount(len(changes))
        for row, change in enumerate(changes):
            where = self.tr("Overall") if change.area is None else self._touchpoint_names.get(change.area, change.area)
            change_item = _item(self._delta(change), change.delta, True)
            if change.direction:
                change_item.setForeground(QBrush(_BETTER if change.direction > 0 else _WORSE))
            cells = [_item(where), _item(self._measure_name(change.measure)),
                     _item(self._figure(change.measure, change.before), change.before, True),
                     _item(self._figure(change.measure, change.after), change.after, True), change_item]
            for column, cell in enumerate(cells):
                self.comparison.setItem(row, column, cell)
        self.comparison.setVisible(True)
        directions = [change.direction for change in changes]
        self.comparison_summary.setText(
            self.tr("Run {newer} against run {older}: {better} figures got better, {worse} got worse, "
                    "{same} stayed the same.").format(newer=newer, older=older, better=directions.count(1),
                                                      worse=directions.count(-1), same=directions.count(0)))
        return changes

    # -- words and numbers -------------------------------------------------------------

    def period_text(self, period_from: str | None, period_to: str | None) -> str:
        if period_from and period_to:
            return self.tr("{start} – {end}").format(start=period_from[:10], end=period_to[:10])
        if period_from:
            return self.tr("From {date}").format(date=period_from[:10])
        if period_to:
            return self.tr("Until {date}").format(date=period_to[:10])
        return self.tr("All visits")

    def _measure_name(self, measure: str) -> str:
        names = {
            "consistency_index": self.tr("Consistency index"),
            "promise_keeping_rate": self.tr("Promise keeping"),
            "script_adherence": self.tr("Script adherence"),
            "findings:broken_promise": self.tr("Broken promises"),
            "findings:missing_phrase": self.tr("Required wording not said"),
            "findings:forbidden_phrase": self.tr("Forbidden wording used"),
            "findings:inconsistent_claim": self.tr("Inconsistent claims"),
            "findings:uncovered_promise": self.tr("Promises not in the script"),
            "findings:duplicate_transcript": self.tr("Copied records"),
        }
        return names.get(measure) or self.tr("Findings: {kind}").format(kind=measure.partition(":")[2])

    @staticmethod
    def _count(value: float | None) -> str:
        return "—" if value is None else f"{int(value):,}"

    @staticmethod
    def _figure(measure: str, value: float | None) -> str:
        if value is None:
            return "—"
        if measure == "consistency_index":
            return f"{value:.1f}"
        if measure.startswith("findings:"):
            return f"{int(value):,}"
        return f"{value * 100:.1f}%"

    def _delta(self, change: Change) -> str:
        delta = change.delta
        if delta is None:
            return "—"
        if change.measure.startswith("findings:"):
            text = f"{abs(int(delta)):,}"
        elif change.measure == "consistency_index":
            text = f"{abs(delta):.1f}"
        else:
            text = self.tr("{points} pt").format(points=f"{abs(delta) * 100:.1f}")
        if change.direction == 0:
            return "±0"
        return ("+" if delta > 0 else "−") + text
