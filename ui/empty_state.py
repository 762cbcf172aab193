"""What the window shows when there is nothing to show: no project, or an empty one."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

IMPORT_ORDER = ("touchpoints", "promises", "scripts", "observations")


def shell_path(path: Path) -> str:
    """A path as it can be pasted into a terminal (quoted when it has spaces)."""
    text = str(path)
    return f'"{text}"' if any(ch.isspace() for ch in text) else text


def import_command(project: Path, kind: str) -> str:
    return f"brand-auditor import {shell_path(project)} {kind} {kind}.csv"


class EmptyState(QWidget):
    """A friendly explanation of how to fill a project, with a way to try the sample."""

    sample_requested = Signal()
    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._project: Path | None = None
        self.heading = QLabel(self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.body = QLabel(self)
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sample_button = QPushButton(self)
        self.sample_button.clicked.connect(self.sample_requested)
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(self.open_requested)

        buttons = QHBoxLayout()
        buttons.addWidget(self.sample_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.addWidget(self.heading)
        column.addWidget(self.body)
        column.addLayout(buttons)
        centred = QHBoxLayout(self)
        centred.addStretch(1)
        centred.addLayout(column, 4)
        centred.addStretch(1)
        column.insertStretch(0, 1)
        column.addStretch(2)
        self.retranslate_ui()

    def set_project(self, project: Path | None) -> None:
        """Explain how to fill ``project``, or that no project is open (``None``)."""
        self._project = project
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.sample_button.setText(self.tr("New project from sample…"))
        self.open_button.setText(self.tr("Open project…"))
        if self._project is None:
            self.heading.setText(self.tr("No project is open"))
            self.body.setText(self.tr(
                "<p>Open a project file with <b>File › Open project…</b>, start a new one with "
                "<b>File › New project…</b>, or try the app on the bundled sample brand.</p>"))
            return
        self.heading.setText(self.tr("This project is empty"))
        commands = "<br>".join(html.escape(import_command(self._project, kind)) for kind in IMPORT_ORDER)
        self.body.setText(self.tr(
            "<p>{project} has no touchpoints, promises, script lines or observations yet.</p>"
            "<p>Import your CSV, Excel or JSON files from the command line, touchpoints first "
            "(observations and scripts refer to them):</p>"
            "<pre>{commands}</pre>"
            "<p>Then choose <b>View › Refresh</b>. To see what a filled project looks like, "
            "create a new project from the bundled sample brand.</p>"
        ).format(project=f"<b>{html.escape(self._project.name)}</b>", commands=commands))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
