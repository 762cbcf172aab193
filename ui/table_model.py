"""A Qt table model over one project table, fetched page by page, edited cell by cell.

The model knows how many rows the table has (one ``count(*)``) but reads rows only when
a view asks for them, one page of ``PAGE_SIZE`` rows at a time (``LIMIT``/``OFFSET``),
and keeps a bounded number of pages. So a project with 100,000 observations opens at
once and the scroll bar still tells the truth. Sorting and the text filter are done by
SQLite (``ORDER BY`` a column, ``WHERE`` any shown column contains the text), never by
reading every row into Python. Editing a cell goes through :mod:`auditor.edits` (the
importer's rules) as an undoable command on the window's undo stack.
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

from PySide6.QtGui import QUndoCommand, QUndoStack

from auditor import edits
from auditor.errors import AuditorError
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


class CellEdit(QUndoCommand):
    """One cell changed from ``old`` to ``new`` (texts; None is an empty cell)."""

    def __init__(self, model: "ProjectTableModel", key: str, field: str, old: str | None, new: str | None):
        super().__init__(QCoreApplication.translate("Edits", "Edit {field} of {key}").format(field=field, key=key))
        self.model, self.key, self.field, self.old, self.new = model, key, field, old, new

    def redo(self) -> None:
        self.model.write(self.key, self.field, self.new)

    def undo(self) -> None:
        self.model.write(self.key, self.field, self.old)


class RecordsDeleted(QUndoCommand):
    def __init__(self, model: "ProjectTableModel", keys: list[str]):
        super().__init__(QCoreApplication.translate("Edits", "Delete {count} records").format(count=len(keys)))
        self.model, self.keys, self.removed = model, keys, None

    def redo(self) -> None:
        self.removed = self.model.run_change(lambda project: edits.delete_records(project, self.model.spec.table,
                                                                                  self.keys))
        if self.removed is None:
            self.setObsolete(True)  # refused: nothing to undo

    def undo(self) -> None:
        if self.removed is not None:
            self.model.run_change(lambda project: edits.restore_records(project, self.removed))


class RecordAdded(QUndoCommand):
    def __init__(self, model: "ProjectTableModel", source: str | None):
        super().__init__(QCoreApplication.translate("Edits", "Add a record"))
        self.model, self.source, self.key = model, source, None

    def redo(self) -> None:
        self.key = self.model.run_change(lambda project: edits.duplicate_record(project, self.model.spec.table,
                                                                                self.source))
        if self.key is None:
            self.setObsolete(True)

    def undo(self) -> None:
        if self.key is not None:
            self.model.run_change(lambda project: edits.delete_records(project, self.model.spec.table, [self.key]))


class ProjectTableModel(QAbstractTableModel):
    """The rows of one table of an open project, loaded lazily; plain columns editable."""

    read_failed = Signal(str)  # one sentence for a person, when the project cannot be read
    edit_refused = Signal(str)  # one sentence: why a typed value was not stored

    def __init__(self, project: Project, spec: TableSpec, parent: QObject | None = None,
                 undo_stack: QUndoStack | None = None):
        super().__init__(parent)
        self._project = project
        self._spec = spec
        self._undo = undo_stack if undo_stack is not None else QUndoStack(self)
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
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.is_editable(index.column()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def is_editable(self, column: int) -> bool:
        """Plain short columns are edited in the cell; long text (a transcript) is not,
        where a one-line editor would lose its line breaks."""
        if not 0 <= column < len(self._spec.columns):
            return False
        spec = self._spec.columns[column]
        return not spec.long_text and edits.is_editable(self._spec.table, spec.sql)

    def can_edit(self, column: int) -> bool:
        """Whether the column holds a stored value a person may change (in the cell or the detail panel)."""
        return 0 <= column < len(self._spec.columns) and edits.is_editable(self._spec.table,
                                                                          self._spec.columns[column].sql)

    def setData(self, index: _AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A value typed into a cell: checked, then stored as an undoable edit; a refusal is signalled."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not self.is_editable(index.column()):
            return False
        return self.set_text(index.row(), index.column(), "" if value is None else str(value))

    def set_text(self, row: int, column: int, text: str) -> bool:
        """Store ``text`` (possibly several lines) in one cell as an undoable edit; False if refused or unchanged."""
        if not self.can_edit(column) or not 0 <= row < self._row_count:
            return False
        field = self._spec.columns[column].sql
        old = cell_text(self._value(row, column))
        if text.strip() == old.strip():
            return False
        try:
            edits.check_value(self._project, self._spec.table, field, text)
        except AuditorError as error:
            self.edit_refused.emit(str(error))
            return False
        key = cell_text(self._value(row, 0))
        self._undo.push(CellEdit(self, key, field, old or None, text))
        return True

    def key_at(self, row: int) -> str:
        return cell_text(self._value(row, 0))

    def delete_rows(self, rows: list[int]) -> bool:
        """Delete the records shown in ``rows`` (undoable); False, with a message, if refused."""
        keys = [self.key_at(row) for row in sorted(set(rows)) if 0 <= row < self._row_count]
        if not keys:
            return False
        before = self._undo.count()
        self._undo.push(RecordsDeleted(self, keys))
        return self._undo.count() > before

    def add_record(self, copy_of_row: int | None = None) -> str | None:
        """A new record (a copy of ``copy_of_row``'s, or placeholders); returns its key."""
        source = None if copy_of_row is None else self.key_at(copy_of_row)
        command = RecordAdded(self, source)
        self._undo.push(command)
        return command.key

    def row_of(self, key: str, within: int = 5000) -> int:
        """Where ``key`` is shown now (with the sort and filter), or -1 (looked for in the first ``within`` rows)."""
        for row in range(min(self._row_count, within)):
            if self.key_at(row) == key:
                return row
        return -1

    def run_change(self, change):
        """Run ``change(project)`` (a record added or deleted), show the result, and return
        its value — or None, with the reason signalled, when it is refused."""
        try:
            result = change(self._project)
        except AuditorError as error:
            self.edit_refused.emit(str(error))
            return None
        except sqlite3.Error as error:
            self.edit_refused.emit(str(translate_sqlite_error(self._project.path, error)))
            return None
        self.beginResetModel()
        self._pages.clear()
        self._row_count = self._count_rows()
        self.endResetModel()
        return result

    def write(self, key: str, field: str, text: str | None) -> None:
        """Store one value (the undo stack's commands call this) and show the change."""
        try:
            edits.update_value(self._project, self._spec.table, key, field, text)
        except AuditorError as error:
            self.edit_refused.emit(str(error))
            return
        except sqlite3.Error as error:
            self.edit_refused.emit(str(translate_sqlite_error(self._project.path, error)))
            return
        count = self._count_rows()
        if count != self._row_count:  # the edit moved the row in or out of the filter
            self.beginResetModel()
            self._pages.clear()
            self._row_count = count
            self.endResetModel()
            return
        self.layoutAboutToBeChanged.emit()  # the sort order may have moved it
        self._pages.clear()
        self.layoutChanged.emit()

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not self.hasIndex(index.row(), index.column()):
            return None
        column = self._spec.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column.numeric else Qt.AlignmentFlag.AlignLeft
            return horizontal | Qt.AlignmentFlag.AlignVCenter
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, FULL_TEXT_ROLE,
                        Qt.ItemDataRole.EditRole):
            return None
        text = cell_text(self._value(index.row(), index.column()))
        if role in (FULL_TEXT_ROLE, Qt.ItemDataRole.EditRole):
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
