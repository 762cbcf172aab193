"""The detail panel under a table: the long texts of the selected record (a transcript,
a promise's wording, notes) in full, editable where they are stored values.

Changes are applied with the Apply button or Ctrl+Return, as one undoable edit per text;
moving to another row with unapplied changes applies them first, so nothing typed is lost.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.table_model import FULL_TEXT_ROLE, ProjectTableModel


class DetailPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model: ProjectTableModel | None = None
        self._row = -1
        self._loaded: dict[int, str] = {}  # column -> the text as loaded
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: 600;")
        self.fields = QHBoxLayout()
        self.editors: dict[int, QPlainTextEdit] = {}
        self.apply_button = QPushButton(self)
        self.apply_button.clicked.connect(self.apply)
        self.apply_button.setEnabled(False)
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        bar.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addLayout(self.fields, 1)
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.apply)
        self.retranslate_ui()

    def set_model(self, model: ProjectTableModel | None) -> None:
        self._model, self._row = model, -1
        for editor in self.editors.values():
            editor.deleteLater()
        self.editors.clear()
        while self.fields.count():
            self.fields.takeAt(0)
        if model is None:
            return
        for column, spec in enumerate(model.spec.columns):
            if not spec.long_text:
                continue
            box = QVBoxLayout()
            box.addWidget(QLabel(model.headerData(column, Qt.Orientation.Horizontal), self))
            editor = QPlainTextEdit(self)
            editor.setReadOnly(not model.can_edit(column))
            editor.textChanged.connect(self._changed)
            box.addWidget(editor, 1)
            self.fields.addLayout(box, 2 if spec.stretch else 1)
            self.editors[column] = editor
        self.retranslate_ui()
        self.show_row(-1)

    def show_row(self, row: int) -> None:
        """Show record ``row`` (applying what was typed for the previous one first)."""
        if self._dirty():
            self.apply()
        self._row = row
        model = self._model
        self._loaded = {}
        for column, editor in self.editors.items():
            text = model.index(row, column).data(FULL_TEXT_ROLE) if model and row >= 0 else ""
            self._loaded[column] = text or ""
            editor.blockSignals(True)
            editor.setPlainText(text or "")
            editor.setEnabled(row >= 0)
            editor.blockSignals(False)
        key = model.index(row, 0).data() if model and row >= 0 else ""
        self.title.setText(key or "")
        self.apply_button.setEnabled(False)

    def current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if current.row() != previous.row() or not previous.isValid():
            self.show_row(current.row())

    def apply(self) -> None:
        """Store every changed text of the shown record as an undoable edit."""
        if self._model is None or self._row < 0:
            return
        row, model = self._row, self._model
        key = model.index(row, 0).data()
        for column, editor in self.editors.items():
            if not editor.isReadOnly() and editor.toPlainText() != self._loaded.get(column, ""):
                if model.set_text(row, column, editor.toPlainText()):
                    self._loaded[column] = editor.toPlainText()
        # The edit may have moved the record (a sort by that column): keep showing the same key.
        if model.index(row, 0).data() != key:
            self._row = -1
        self.apply_button.setEnabled(self._dirty())

    def _dirty(self) -> bool:
        return any(not editor.isReadOnly() and editor.toPlainText() != self._loaded.get(column, "")
                   for column, editor in self.editors.items())

    def _changed(self) -> None:
        self.apply_button.setEnabled(self._dirty())

    def retranslate_ui(self) -> None:
        self.apply_button.setText(self.tr("Apply (Ctrl+Return)"))
        for editor in self.editors.values():
            editor.setPlaceholderText(self.tr("(empty)"))
