"""The strip at the top of the window: how much the open project holds."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

# The figures, in the order a brand manager fills a project.
FIGURES = ("touchpoints", "promises", "script_lines", "observations", "audit_runs", "findings")


class _Figure(QFrame):
    """One number with its caption under it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.number = QLabel("–", self)
        font = QFont(self.number.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.number.setFont(font)
        self.caption = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(0)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)


class SummaryPanel(QWidget):
    """Counts of touchpoints, promises, script lines, observations, audit runs, findings."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._figures = {name: _Figure(self) for name in FIGURES}
        self._counts: dict[str, int] | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for figure in self._figures.values():
            layout.addWidget(figure, 1)
        self.retranslate_ui()

    def set_counts(self, counts: dict[str, int] | None) -> None:
        """Show these counts (``None``: no project is open)."""
        self._counts = counts
        locale = QLocale()
        for name, figure in self._figures.items():
            figure.number.setText("–" if counts is None else locale.toString(counts.get(name, 0)))

    def number_text(self, name: str) -> str:
        return self._figures[name].number.text()

    def retranslate_ui(self) -> None:
        captions = {
            "touchpoints": self.tr("Touchpoints"),
            "promises": self.tr("Promises"),
            "script_lines": self.tr("Script lines"),
            "observations": self.tr("Observations"),
            "audit_runs": self.tr("Audit runs"),
            "findings": self.tr("Findings (latest run)"),
        }
        for name, figure in self._figures.items():
            figure.caption.setText(captions[name])
        self._figures["findings"].setToolTip(
            self.tr("Broken promises and other gaps found by the most recent audit run."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
