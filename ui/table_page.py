"""One tab of the window: a read-only table of one kind of record, or a hint when empty."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.cell_delegate import ElidedTextDelegate
from ui.detail_panel import DetailPanel
from ui.table_model import ProjectTableModel

MIN_COLUMN_WIDTH = 48
MAX_COLUMN_WIDTH = 320  # a transcript column wider than this pushes everything else away
FILTER_DELAY_MS = 250  # the filter runs when typing pauses, not on every key


class TablePage(QWidget):
    """A table view over a :class:`ProjectTableModel`, read-only."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._model: ProjectTableModel | None = None
        self._project: Path | None = None
        self._fitted: list[int] = []  # column widths that suit the content
        self._adjusting = False  # the widths are being set by us, not by the person
        self._user_sized = False  # the person resized a column: leave the widths alone
        self.view = QTableView(self)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setItemDelegate(ElidedTextDelegate(self.view))
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # One line of text per row, with a little air; Chinese glyphs come from a fallback
        # font with taller lines than the Latin one, so measure a line that has both.
        line = max(self.fontMetrics().height(), self.fontMetrics().boundingRect("汉字Ag").height())
        self.view.verticalHeader().setDefaultSectionSize(line + 8)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)  # the main text column takes the spare width instead
        header.sectionResized.connect(self._section_resized)
        self.view.viewport().installEventFilter(self)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # key order until a header is clicked
        self.view.setSortingEnabled(True)  # the model sorts in SQL
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.filter.textChanged.connect(self._filter_timer.start)
        self.filter.returnPressed.connect(self.apply_filter)
        self.message = QLabel(self)  # why the last typed value was refused
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        self.message.hide()
        self.hint = QLabel(self)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail = DetailPanel(self)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.message)
        layout.addWidget(self.stack)
        self.retranslate_ui()

    @property
    def model(self) -> ProjectTableModel | None:
        return self._model

    def set_model(self, model: ProjectTableModel | None, project: Path | None) -> None:
        """Show ``model``'s rows; the page takes ownership of the model."""
        old = self._model
        self._model, self._project = model, project
        self._fitted = []
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.blockSignals(False)
        self.view.setModel(model)
        self.detail.set_model(model)
        if model is not None:
            self.view.selectionModel().currentChanged.connect(self.detail.current_changed)
        self.message.hide()
        if model is not None:
            model.setParent(self)
            model.modelReset.connect(self._update)
            model.edit_refused.connect(self.show_message)
            model.dataChanged.connect(self.message.hide)
            model.layoutChanged.connect(self.message.hide)
        if old is not None:
            old.deleteLater()
        self._update()

    def refresh(self) -> None:
        if self._model is not None:
            self._model.refresh()

    def selected_rows(self) -> list[int]:
        if self._model is None:
            return []
        rows = {index.row() for index in self.view.selectionModel().selectedRows()}
        if not rows and self.view.currentIndex().isValid():
            rows = {self.view.currentIndex().row()}
        return sorted(rows)

    def add_record(self) -> None:
        if self._model is not None:
            self._select(self._model.add_record())

    def duplicate_record(self) -> None:
        if self._model is not None and self.view.currentIndex().isValid():
            self._select(self._model.add_record(self.view.currentIndex().row()))

    def _select(self, key: str | None) -> None:
        if key is not None and self._model is not None and (row := self._model.row_of(key)) >= 0:
            self.view.setCurrentIndex(self._model.index(row, 1 if self._model.columnCount() > 1 else 0))
            self.view.scrollTo(self.view.currentIndex())

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def apply_filter(self) -> None:
        """Show the rows containing the filter's text (run by SQLite)."""
        self._filter_timer.stop()
        if self._model is not None:
            self._model.set_filter(self.filter.text())

    def _update(self) -> None:
        filtered = self._model is not None and bool(self._model.filter_text)
        empty = self._model is None or (self._model.rowCount() == 0 and not filtered)
        self.filter.setVisible(self._model is not None and (self._model.rowCount() > 0 or filtered))
        self.stack.setCurrentWidget(self.hint if empty else self.splitter)
        if not empty:
            self._fit_columns()
            if not self.view.currentIndex().isValid() and self._model.rowCount():
                self.view.setCurrentIndex(self._model.index(0, 0))  # the detail panel shows the first record
        self.retranslate_ui()

    def _fit_columns(self) -> None:
        """Size columns to the first rows, within sensible bounds."""
        header = self.view.horizontalHeader()
        # Only the first 50 rows are measured, so 100,000 rows cost no more than 50.
        header.setResizeContentsPrecision(50)
        self._adjusting = True
        self.view.resizeColumnsToContents()
        self._adjusting = False
        self._fitted = [max(MIN_COLUMN_WIDTH, min(header.sectionSize(section) + 8, MAX_COLUMN_WIDTH))
                        for section in range(header.count())]
        self._user_sized = False
        self._apply_widths()

    def _apply_widths(self) -> None:
        """The fitted widths, with the spare width of the window given to the main text column."""
        if not self._fitted or self._user_sized or self._model is None:
            return
        widths = list(self._fitted)
        stretch = next((n for n, column in enumerate(self._model.spec.columns) if column.stretch), None)
        spare = self.view.viewport().width() - sum(widths)
        if stretch is not None and spare > 0:
            widths[stretch] += spare
        self._adjusting = True
        for section, width in enumerate(widths):
            self.view.horizontalHeader().resizeSection(section, width)
        self._adjusting = False

    def _section_resized(self) -> None:
        if not self._adjusting:
            self._user_sized = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._apply_widths()
        return super().eventFilter(watched, event)

    def retranslate_ui(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter: rows containing…"))
        if self._model is not None:
            self._model.retranslate()
        if self._model is None or self._project is None:
            self.hint.setText("")
            return
        if self._model.spec.import_kind == "observations":
            self.hint.setText(self.tr(
                "<p>No visits yet.</p><p>Type one with <b>File › Enter a visit…</b>, or bring in an "
                "agency's spreadsheet with <b>File › Import a file…</b></p>"))
        else:
            self.hint.setText(self.tr(
                "<p>Nothing here yet.</p><p>Import a file with <b>File › Import a file…</b>, or add a record "
                "with <b>Edit › Add a record</b>.</p>"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
