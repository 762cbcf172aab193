"""A read-only Qt table model over one project table, fetched page by page.

The model knows how many rows the table has (one ``count(*)``) but reads rows only when
a view asks for them, one page of ``PAGE_SIZE`` rows at a time (``LIMIT``/``OFFSET``),
and keeps a bounded number of pages. So a project with 100,000 observations opens at
once and the scroll bar still tells the truth. Sorting and the text filter are done by
SQLite (``ORDER BY`` a column, ``WHERE`` any shown column contains the text), never by
reading every row into Python.
"""

from __future__ import annotations

import html
import re
import sqlite3
from collections import OrderedDict

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from auditor.store import Project, translate_sqlite_error
from ui.table_specs import CONTEXT, TableSpec

PAGE_SIZE = 200
MAX_CACHED_PAGES = 50  # 10,000 rows: a few screens in either direction, plus a jump or two
ELIDE_AT = 200  # characters of a long cell handed to the view (a wide column's worth); the tooltip has all
FULL_TEXT_ROLE = Qt.ItemDataRole.UserRole + 1  # the cell's complete, unelided text

_SPACES = re.compile(r"\s+")
_AnyIndex = QModelIndex | QPersistentModelIndex


def cell_text(value: object) -> str:
    """How one stored value reads in a cell (whole numbers without ``.0``)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def elide(text: str, limit: int = ELIDE_AT) -> str:
    """One line of at most ``limit`` characters, ending in ``…`` when cut."""
    line = _SPACES.sub(" ", text).strip()
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


class ProjectTableModel(QAbstractTableModel):
    """The rows of one table of an open project, read-only, loaded lazily."""

    read_failed = Signal(str)  # one sentence for a person, when the project cannot be read

    def __init__(self, project: Project, spec: TableSpec, parent: QObject | None = None):
        super().__init__(parent)
        self._project = project
        self._spec = spec
        self._pages: OrderedDict[int, list[tuple]] = OrderedDict()
        self._filter = ""
        self._order = spec.order_by
        self._row_count = self._count_rows()

    @property
    def spec(self) -> TableSpec:
        return self._spec

    # -- the Qt model interface ----------------------------------------------------

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._row_count

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._spec.columns)

    def flags(self, index: _AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not self.hasIndex(index.row(), index.column()):
            return None
        column = self._spec.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column.numeric else Qt.AlignmentFlag.AlignLeft
            return horizontal | Qt.AlignmentFlag.AlignVCenter
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, FULL_TEXT_ROLE):
            return None
        text = cell_text(self._value(index.row(), index.column()))
        if role == FULL_TEXT_ROLE:
            return text
        if role == Qt.ItemDataRole.DisplayRole:
            return elide(text) if column.long_text else text
        if not text:
            return None
        # Rich text, so that Qt wraps a long transcript instead of showing one endless line.
        # The view's delegate shows it only when the cell cannot show all of the text.
        return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < self._row_count:
                return str(section + 1)
            return None
        if not 0 <= section < len(self._spec.columns):
            return None
        column = self._spec.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(CONTEXT, column.title)
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate(CONTEXT, "Import column: {source}").format(source=column.source)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column.numeric else Qt.AlignmentFlag.AlignLeft
            return horizontal | Qt.AlignmentFlag.AlignVCenter
        return None

    # -- for the window ------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by a column (empty cells last), then by key — in SQL."""
        if not 0 <= column < len(self._spec.columns):
            return
        expression = self._spec.columns[column].sql
        direction = "DESC" if order == Qt.SortOrder.DescendingOrder else "ASC"
        self.layoutAboutToBeChanged.emit()
        self._order = f"({expression}) IS NULL, ({expression}) {direction}, {self._spec.order_by}"
        self._pages.clear()
        self.layoutChanged.emit()

    def set_filter(self, text: str) -> None:
        """Show only rows where some shown column contains ``text`` (case-insensitive for
        Latin letters; Chinese as typed — Traditional and Simplified are different text here)."""
        text = text.strip()
        if text == self._filter:
            return
        self.beginResetModel()
        self._filter = text
        self._pages.clear()
        self._row_count = self._count_rows()
        self.endResetModel()

    @property
    def filter_text(self) -> str:
        return self._filter

    def refresh(self) -> None:
        """Read the table again (after an import from the command line, say)."""
        self.beginResetModel()
        self._pages.clear()
        self._row_count = self._count_rows()
        self.endResetModel()

    def retranslate(self) -> None:
        """The headers are translated when asked for; tell the views to ask again."""
        if self._spec.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._spec.columns) - 1)

    def cached_rows(self) -> int:
        """How many rows are in memory now (for tests and the curious)."""
        return sum(len(page) for page in self._pages.values())

    # -- reading -------------------------------------------------------------------

    def _where(self) -> tuple[str, list[str]]:
        if not self._filter:
            return "", []
        pattern = "%" + self._filter.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        tests = [f"({column.sql}) LIKE ? ESCAPE '\\'" for column in self._spec.columns]
        return "WHERE " + " OR ".join(tests), [pattern] * len(tests)

    def _count_rows(self) -> int:
        where, params = self._where()
        try:
            return self._project.db.execute(f"SELECT count(*) FROM [{self._spec.table}] {where}", params).fetchone()[0]
        except sqlite3.Error as error:
            self.read_failed.emit(str(translate_sqlite_error(self._project.path, error)))
            return 0

    def _value(self, row: int, column: int) -> object:
        page_number, offset = divmod(row, PAGE_SIZE)
        page = self._page(page_number)
        return page[offset][column] if offset < len(page) else None

    def _page(self, number: int) -> list[tuple]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        where, params = self._where()
        columns = ", ".join(column.sql for column in self._spec.columns)
        sql = f"SELECT {columns} FROM [{self._spec.table}] {where} ORDER BY {self._order} LIMIT ? OFFSET ?"
        try:
            page = self._project.db.execute(sql, [*params, PAGE_SIZE, number * PAGE_SIZE]).fetchall()
        except sqlite3.Error as error:
            # Not cached: the next paint tries again, e.g. once another program lets go of a lock.
            self.read_failed.emit(str(translate_sqlite_error(self._project.path, error)))
            return []
        self._pages[number] = page
        while len(self._pages) > MAX_CACHED_PAGES:
            self._pages.popitem(last=False)
        return page
