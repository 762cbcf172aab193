"""The entry form's measurements: one field per metric of the promises that apply to the
chosen touchpoint, checked as typed (``2 h``, ``90 分钟``, ``两个半小时``) with the promise's
target and unit beside it, and what was typed converted into that unit."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from auditor.drafts import MEASURE_PREFIX, check_field
from auditor.quantity import UNIT_KINDS, convert
from auditor.records import Promise
from auditor.values import parse_measurement

ERROR_STYLE = "color: #b3261e;"
HINT_STYLE = "color: #6b6b6b;"


class MeasurementFields(QWidget):
    """Fields for ``metric -> promises``; what was typed is kept per metric, so switching
    the touchpoint back and forth loses nothing (a typed metric stays shown)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(2, 1)
        self.texts: dict[str, str] = {}
        self.fields: dict[str, QLineEdit] = {}
        self.hints: dict[str, QLabel] = {}
        self._promises: dict[str, list[Promise]] = {}
        self._rows: list[QWidget] = []
        self.empty = QLabel(self)
        self.empty.setStyleSheet(HINT_STYLE)
        self.empty.setWordWrap(True)
        self.retranslate_ui()

    def show_metrics(self, promises: dict[str, list[Promise]]) -> None:
        """One field for each metric in ``promises``, plus any metric already typed."""
        while self.grid.count():
            self.grid.takeAt(0)
        for widget in self._rows:
            widget.hide()
            widget.deleteLater()
        self._rows, self.fields, self.hints = [], {}, {}
        self._promises = promises
        metrics = [*promises, *(m for m, text in self.texts.items() if text.strip() and m not in promises)]
        for row, metric in enumerate(metrics):
            label = QLabel(metric, self)
            field = QLineEdit(self.texts.get(metric, ""), self)
            field.setObjectName(f"measure:{metric}")
            field.setMaximumWidth(110)
            hint = QLabel(self)
            hint.setWordWrap(True)
            label.setBuddy(field)
            field.textChanged.connect(lambda text, metric=metric: self._edited(metric, text))
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(field, row, 1)
            self.grid.addWidget(hint, row, 2)
            self.fields[metric], self.hints[metric] = field, hint
            self._rows += [label, field, hint]
            self._check(metric)
        self.grid.addWidget(self.empty, len(metrics), 0, 1, 3)
        self.empty.setVisible(not metrics)

    def clear(self) -> None:
        self.texts = {}
        for field in self.fields.values():
            field.clear()
        for metric in self.fields:
            self._check(metric)

    def values(self) -> dict[str, str]:
        """metric -> text, for every metric with something typed."""
        return {metric: text for metric, text in self.texts.items() if text.strip()}

    def problem(self, metric: str) -> str | None:
        return check_field(MEASURE_PREFIX + metric, self.texts.get(metric, ""))

    def show_problem(self, metric: str, reason: str) -> None:
        if metric in self.hints:
            self.hints[metric].setText(reason)
            self.hints[metric].setStyleSheet(ERROR_STYLE)

    def _edited(self, metric: str, text: str) -> None:
        self.texts[metric] = text
        self._check(metric)
        self.changed.emit()

    def _check(self, metric: str) -> None:
        """Show the problem with what was typed, else the promise and the typed value in its unit."""
        hint = self.hints[metric]
        problem = self.problem(metric)
        if problem:
            hint.setText(problem)
            hint.setStyleSheet(ERROR_STYLE)
            return
        hint.setStyleSheet(HINT_STYLE)
        promises = self._promises.get(metric, [])
        target = "; ".join(_target(promise) for promise in promises) or self.tr("no promise of this touchpoint")
        typed = self.texts.get(metric, "").strip()
        unit = next((p.unit for p in promises if p.unit), None)
        if typed and unit:
            quantity = parse_measurement(typed)
            if quantity.unit is None:
                target += self.tr(" → {value} {unit}").format(value=f"{quantity.value:g}", unit=unit)
            elif UNIT_KINDS[quantity.unit][0] != UNIT_KINDS[unit][0]:
                hint.setText(self.tr("{typed} cannot be compared with {unit}; {target}").format(
                    typed=quantity.unit, unit=unit, target=target))
                hint.setStyleSheet(ERROR_STYLE)
                return
            elif quantity.unit != unit:
                value = convert(quantity.value, quantity.unit, unit)
                target += self.tr(" → {value} {unit}").format(value=f"{value:.4g}", unit=unit)
        hint.setText(target)

    def retranslate_ui(self) -> None:
        self.empty.setText(self.tr("The promises of this touchpoint measure nothing."))
        for metric in self.hints:
            self._check(metric)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


_OPERATOR_SIGNS = {"<=": "≤", ">=": "≥", "==": "="}


def _target(promise: Promise) -> str:
    """``P-CB15: ≤ 15 min``."""
    if promise.operator is None or promise.target is None:
        return promise.key
    unit = f" {promise.unit}" if promise.unit else ""
    operator = _OPERATOR_SIGNS.get(promise.operator, promise.operator)
    return f"{promise.key}: {operator} {promise.target:g}{unit}"
