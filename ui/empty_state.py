"""What the window shows when there is nothing to show: no project, or an empty one."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    """A friendly word on how to fill a project (import, enter a visit), or on opening one,
    with buttons for the first step and for trying the sample brand."""

    sample_requested = Signal()
    open_requested = Signal()
    import_requested = Signal()
    guide_requested = Signal()

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
        self.import_button = QPushButton(self)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.import_requested)
        self.sample_button = QPushButton(self)
        self.sample_button.clicked.connect(self.sample_requested)
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(self.open_requested)
        self.guide_link = QLabel(self)
        self.guide_link.setTextFormat(Qt.TextFormat.RichText)
        self.guide_link.linkActivated.connect(lambda _link: self.guide_requested.emit())

        buttons = QHBoxLayout()
        for button in (self.import_button, self.sample_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.addWidget(self.heading)
        column.addWidget(self.body)
        column.addLayout(buttons)
        column.addSpacing(6)
        column.addWidget(self.guide_link)
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
        self.import_button.setText(self.tr("Import a file…"))
        self.sample_button.setText(self.tr("New project from sample…"))
        self.open_button.setText(self.tr("Open project…"))
        self.guide_link.setText('<a href="guide">{}</a>'.format(html.escape(self.tr("New here? Read Getting started"))))
        self.import_button.setVisible(self._project is not None)
        self.open_button.setVisible(self._project is None)
        if self._project is None:
            self.heading.setText(self.tr("No project is open"))
            self.body.setText(self.tr(
                "<p>Open a project file with <b>File › Open project…</b>, start a new one with "
                "<b>File › New project…</b>, or try the app on the bundled sample brand.</p>"))
            return
        self.heading.setText(self.tr("This project is empty"))
        self.body.setText(self.tr(
            "<p>{project} has no touchpoints, promises, script lines or visits yet.</p>"
            "<p>Bring in your spreadsheets with <b>File › Import a file…</b> — touchpoints first, since "
            "promises, scripts and visits refer to them. After that, mystery shoppers can type "
            "each visit with <b>File › Enter a visit…</b></p>"
            "<p>Just looking? Start a new project from the sample brand to see a filled one.</p>"
        ).format(project=f"<b>{html.escape(self._project.name)}</b>"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
