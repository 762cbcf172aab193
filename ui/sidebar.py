"""The navigation sidebar: a list of pages on the left, the chosen page on the right.

It answers the few questions a tab widget would (``addTab``, ``setTabText``,
``indexOf``, ``setCurrentIndex``), so the window treats it like one; Ctrl+1…9 jump to a page.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QStackedWidget, QWidget


class Sidebar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setFixedWidth(190)
        self.list.setFrameShape(QListWidget.Shape.NoFrame)
        self.list.setStyleSheet("QListWidget::item { padding: 7px 10px; }")
        self.pages = QStackedWidget(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.pages, 1)
        self.list.currentRowChanged.connect(self.pages.setCurrentIndex)

    def addTab(self, page: QWidget, title: str) -> int:
        index = self.pages.addWidget(page)
        self.list.addItem(QListWidgetItem(title))
        if index < 9:
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda chosen=index: self.setCurrentIndex(chosen))
        if self.list.currentRow() < 0:
            self.list.setCurrentRow(0)
        return index

    def count(self) -> int:
        return self.pages.count()

    def indexOf(self, page: QWidget) -> int:
        return self.pages.indexOf(page)

    def tabText(self, index: int) -> str:
        item = self.list.item(index)
        return item.text() if item else ""

    def setTabText(self, index: int, title: str) -> None:
        if (item := self.list.item(index)) is not None:
            item.setText(title)

    def currentIndex(self) -> int:
        return self.pages.currentIndex()

    def setCurrentIndex(self, index: int) -> None:
        self.list.setCurrentRow(index)

    def currentWidget(self) -> QWidget | None:
        return self.pages.currentWidget()

    def setCurrentWidget(self, page: QWidget) -> None:
        self.setCurrentIndex(self.pages.indexOf(page))
