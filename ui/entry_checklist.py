"""The touchpoint's script as a checklist in the entry form: for each required and
forbidden line the shopper answers said / not said / n/a, or leaves it blank for the
audit to judge from the transcript. An answer outranks fuzzy matching in the audit."""

from __future__ import annotations

import json

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget

from auditor.scenarios import applies
from auditor.store import Project

ANSWERS = ("", "said", "not_said", "na")


class ScriptChecklist(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(1, 1)
        self.choices: dict[str, QComboBox] = {}
        self.answers: dict[str, str] = {}  # kept across touchpoint changes, like typed measurements
        self.empty = QLabel(self)

    def show_lines(self, project: Project, touchpoint: str | None, day: str, scenario: str | None = None) -> None:
        """The required and forbidden lines of ``touchpoint`` valid on ``day`` (YYYY-MM-DD)
        that apply to the visit's ``scenario`` (a line may name the scenarios it is for)."""
        self.answers.update(self.values())
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None and widget is not self.empty:
                widget.hide()  # at once: deleteLater waits for the event loop
                widget.deleteLater()
        self.choices = {}
        rows = project.db.execute(
            "SELECT key, text, kind, scenarios FROM script_lines WHERE touchpoint = ? "
            "AND (valid_from IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to >= ?) "
            "ORDER BY step IS NULL, step, key", [touchpoint or "", day, day]).fetchall()
        rows = [(key, text, kind) for key, text, kind, scenarios in rows
                if applies(json.loads(scenarios or "[]"), scenario)]
        for row, (key, text, kind) in enumerate(rows):
            label = QLabel(f"{'✗ ' if kind == 'forbidden' else ''}{text}", self)
            label.setWordWrap(True)
            label.setToolTip(key)
            choice = QComboBox(self)
            for answer in ANSWERS:
                choice.addItem("", answer)
            choice.setCurrentIndex(max(0, choice.findData(self.answers.get(key, ""))))
            choice.currentIndexChanged.connect(self.changed)
            self.grid.addWidget(QLabel(key, self), row, 0)
            self.grid.addWidget(label, row, 1)
            self.grid.addWidget(choice, row, 2)
            self.choices[key] = choice
        self.grid.addWidget(self.empty, len(rows), 0, 1, 3)
        self.empty.setVisible(not rows)
        self.retranslate_ui()

    def values(self) -> dict[str, str]:
        """line key -> said | not_said | na, for the lines answered."""
        return {key: choice.currentData() for key, choice in self.choices.items() if choice.currentData()}

    def set_values(self, answers: dict[str, str]) -> None:
        self.answers = {str(key): str(value) for key, value in (answers or {}).items()}
        for key, choice in self.choices.items():
            choice.blockSignals(True)
            choice.setCurrentIndex(max(0, choice.findData(self.answers.get(key, ""))))
            choice.blockSignals(False)

    def clear(self) -> None:
        self.set_values({})

    def retranslate_ui(self) -> None:
        names = {"": self.tr("— (judge from the transcript)"), "said": self.tr("said"),
                 "not_said": self.tr("not said"), "na": self.tr("n/a")}
        for choice in self.choices.values():
            for index in range(choice.count()):
                choice.setItemText(index, names[choice.itemData(index)])
        self.empty.setText(self.tr("This touchpoint has no script lines."))
