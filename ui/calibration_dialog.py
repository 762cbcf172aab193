"""Threshold calibration: for each script line and each promise's breach cues, how
precision and recall of the reviewers' decisions would change at other match thresholds,
with a suggested threshold that "Apply suggestion" sets as one undoable step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from auditor.calibration import MIN_DECISIONS, Calibration, apply_line_threshold, calibrate
from auditor.errors import AuditorError
from auditor.store import Project
from ui.project_dialogs import show_error


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


class ApplyThresholdCommand(QUndoCommand):
    """Set a script line's match threshold; undo puts back the value it had (None = the
    project's). The first redo is the apply the dialog already did, so it is skipped."""

    def __init__(self, project: Project, line_key: str, old: float | None, new: float | None, text: str) -> None:
        super().__init__(text)
        self.project, self.line_key, self.old, self.new = project, line_key, old, new
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        apply_line_threshold(self.project, self.line_key, self.new)

    def undo(self) -> None:
        apply_line_threshold(self.project, self.line_key, self.old)


class CalibrationDialog(QDialog):
    LINE_COLUMNS = 7
    CURVE_COLUMNS = 8

    def __init__(self, project: Project, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.undo_stack = undo_stack
        self.calibrations: list[Calibration] = []
        self.setWindowTitle(self.tr("Threshold calibration"))

        intro = QLabel(self.tr(
            "From the reviewers' decisions on the latest audit: how many findings would be right (precision) "
            "and how many real problems would be caught (recall) at other match thresholds. A suggestion needs "
            "at least {count} decisions.").replace("{count}", str(MIN_DECISIONS)), self)
        intro.setWordWrap(True)

        self.table = QTableWidget(0, self.LINE_COLUMNS, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Script line or breach cues"), self.tr("Kind"), self.tr("Decisions (confirmed / dismissed)"),
            self.tr("Now"), self.tr("Suggested"), self.tr("Precision"),
            self.tr("Recall")])
        self._setup(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.curve = QTableWidget(0, self.CURVE_COLUMNS, self)
        self.curve.setHorizontalHeaderLabels([
            self.tr("Threshold"), self.tr("Raised"), self.tr("Right"), self.tr("False alarms"),
            self.tr("Missed"), self.tr("Precision"), self.tr("Recall"), self.tr("F1")])
        self._setup(self.curve)
        self.curve.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        lower = QWidget(self)
        column = QVBoxLayout(lower)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.detail)
        column.addWidget(self.curve, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)

        self.empty = QLabel(self.tr("No reviewed findings yet: confirm or dismiss findings on the Findings page, "
                                    "then come back to calibrate."), self)
        self.empty.setWordWrap(True)
        self.apply_button = QPushButton(self.tr("Apply suggestion"), self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)

        self.buttons.rejected.connect(self.reject)
        self.apply_button.clicked.connect(self.apply_suggestion)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self._stale = False
        undo_stack.indexChanged.connect(self._stack_changed)
        self._listening = True
        self.finished.connect(self._stop_listening)
        self.resize(1100, 640)
        self.refresh()

    @staticmethod
    def _setup(table: QTableWidget) -> None:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def _stack_changed(self) -> None:
        """An apply, undo or redo: recalculate now if shown, else when next shown (the
        project may be closing while the stack is cleared)."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _stop_listening(self) -> None:
        """Closed: later undo steps (or the stack being cleared with the project) are not ours to show."""
        if self._listening:
            self._listening = False
            self.undo_stack.indexChanged.disconnect(self._stack_changed)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if not self._listening:  # shown again after closing
            self._listening = True
            self.undo_stack.indexChanged.connect(self._stack_changed)
            self._stale = True
        if self._stale:
            self._stale = False
            self.refresh()
        super().showEvent(event)

    # -- content -------------------------------------------------------------------

    def _kind(self, calibration: Calibration) -> str:
        return {"forbidden_phrase": self.tr("Forbidden line"), "missing_phrase": self.tr("Required line"),
                "broken_promise": self.tr("Breach cues (project threshold)")}.get(calibration.kind, calibration.kind)

    def _title(self, calibration: Calibration) -> str:
        return f"{calibration.key}: {calibration.text}"

    def refresh(self) -> None:
        """Recalculate from the project (after an apply, an undo or a redo), keeping the selection."""
        selected = self.selected()
        keep = (selected.target_type, selected.key) if selected else None
        try:
            self.calibrations = calibrate(self.project)
        except AuditorError as error:
            self.calibrations = []
            self.detail.setText(str(error))
        self.table.setRowCount(len(self.calibrations))
        row_to_select = 0
        for row, calibration in enumerate(self.calibrations):
            now = calibration.at(calibration.current)
            suggested = calibration.at(calibration.suggested) if calibration.suggested is not None else None
            decisions = self.tr("{total}: {confirmed} ✓ / {dismissed} ✗").replace(
                "{total}", str(len(calibration.decisions))).replace(
                "{confirmed}", str(calibration.confirmed)).replace("{dismissed}", str(calibration.dismissed))
            current = _number(calibration.current)
            if calibration.target_type == "script_line" and calibration.own_threshold is None:
                current = self.tr("{value} (project)").replace("{value}", current)
            cells = [
                self._title(calibration), self._kind(calibration), decisions, current,
                _number(calibration.suggested) if calibration.suggested is not None else self.tr("too few decisions"),
                _percent(now.precision) + (f" → {_percent(suggested.precision)}" if suggested else ""),
                _percent(now.recall) + (f" → {_percent(suggested.recall)}" if suggested else ""),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setToolTip(calibration.text)
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
            if keep == (calibration.target_type, calibration.key):
                row_to_select = row
        has_rows = bool(self.calibrations)
        self.empty.setVisible(not has_rows)
        if has_rows:
            self.table.selectRow(row_to_select)
        self._show_selected()

    def selected(self) -> Calibration | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.calibrations):
            return None
        return self.calibrations[rows[0].row()]

    def _show_selected(self) -> None:
        calibration = self.selected()
        self.curve.setRowCount(0)
        if calibration is None:
            self.detail.setText("")
            self.apply_button.setEnabled(False)
            self.apply_button.setToolTip("")
            return
        self.detail.setText(self.tr("{line} — precision and recall at each threshold (now: {current}, "
                                    "suggested: {suggested})").replace("{line}", self._title(calibration))
                            .replace("{current}", _number(calibration.current))
                            .replace("{suggested}", _number(calibration.suggested)))
        self.curve.setRowCount(len(calibration.points))
        bold = QFont(self.curve.font())
        bold.setBold(True)
        for row, point in enumerate(calibration.points):
            cells = [_number(point.threshold), str(point.raised), str(point.true_positives),
                     str(point.false_positives), str(point.false_negatives), _percent(point.precision),
                     _percent(point.recall), f"{point.f1:.2f}"]
            marks = []
            if point.threshold == calibration.current:
                marks.append(self.tr("now"))
            if point.threshold == calibration.suggested:
                marks.append(self.tr("suggested"))
            if marks:
                cells[0] += f"  ({', '.join(marks)})"
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if point.threshold == calibration.suggested:
                    item.setFont(bold)
                self.curve.setItem(row, column, item)
        can_apply = (calibration.can_apply and calibration.suggested is not None
                     and calibration.suggested != calibration.current)
        self.apply_button.setEnabled(can_apply)
        if not calibration.can_apply:
            tip = self.tr("Breach cues have no threshold of their own: they use the project's match threshold "
                          "(Settings).")
        elif calibration.suggested is None:
            tip = self.tr("Too few decisions for a suggestion.")
        elif calibration.suggested == calibration.current:
            tip = self.tr("The current threshold is already the best.")
        else:
            tip = ""
        self.apply_button.setToolTip(tip)

    # -- applying ------------------------------------------------------------------

    def apply_suggestion(self) -> None:
        """Set the selected line's threshold to the suggestion, as one step of the undo stack."""
        calibration = self.selected()
        if calibration is None or not calibration.can_apply or calibration.suggested is None:
            return
        new = calibration.suggested
        try:
            old = apply_line_threshold(self.project, calibration.key, new)
        except AuditorError as error:
            show_error(self, self.tr("Threshold not changed"), str(error))
            return
        text = self.tr("Set the threshold of {line} to {value}").replace("{line}", calibration.key).replace(
            "{value}", _number(new))
        self.undo_stack.push(ApplyThresholdCommand(self.project, calibration.key, old, new, text))
        self.refresh()  # pushing a skipped redo may leave the index signal as the only refresh
