"""Import a file into the project: preview, column mapping, a dry run, then the import.

The person picks what to import and a file; the dialog shows what was detected (encoding,
delimiter), the first rows, and which field each column goes into (editable: any field,
or for visits a measurement of one of the project's metrics or of a new one, typed). The
mapping a person chooses is remembered for the next file of that kind with the same headers.
*Check*
runs the import as a dry run and shows what it would do, or every problem with its row,
column and reason; *Import* is enabled once a check has passed. Both run through
:func:`ui.background.run_in_background` on the project file, never on the window's
connection.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import partial
from itertools import islice
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from auditor.errors import AuditorError, InputError
from auditor.fields import FORMATS, map_header
from auditor.importer import KINDS, ImportResult, import_file
from auditor.readers import detect_encoding, read_table
from ui import settings
from ui.background import BackgroundTask, project_job, run_in_background
from ui.project_dialogs import error_sentence

PREVIEW_ROWS = 8
ENCODINGS = ("utf-8", "gb18030", "utf-16", "big5")
MEASURE = "measure:"
NEW_MEASURE = "\0new measurement"  # the mapping's "Another measurement…" entry, never a field name


def project_metrics(project: Path) -> list[str]:
    """The metrics a visit can be measured on: the promises' and those already measured
    (read-only, from the file; none if it cannot be read)."""
    try:
        with sqlite3.connect(f"{Path(project).resolve().as_uri()}?mode=ro", uri=True) as conn:
            rows = conn.execute("SELECT metric FROM promises WHERE trim(coalesce(metric, '')) != '' "
                                "UNION SELECT metric FROM measurements WHERE trim(coalesce(metric, '')) != ''")
            found = {row[0].strip() for row in rows}
    except sqlite3.Error:
        return []
    return sorted(found, key=str.casefold)


@dataclass
class FilePreview:
    header: list[str]
    rows: list[list[str]]
    row_numbers: list[int]  # as the importer counts them: the header is row 1
    encoding: str | None  # None: not a text file (Excel)
    delimiter: str | None  # None: not a CSV file


def read_preview(path: Path, encoding: str | None, rows: int = PREVIEW_ROWS) -> FilePreview:
    """The header and first rows of a file, read the way the importer will read it."""
    table = read_table(path, encoding=encoding)
    first = list(islice(table.rows, rows))
    close = getattr(table.rows, "close", None)
    if close is not None:
        close()  # the reader keeps the file open until its rows are exhausted or closed
    found = table.encoding
    if found is None and path.suffix.lower() == ".json":
        found = encoding or detect_encoding(path)
    width = len(table.header)
    text = [["" if cell is None else str(cell) for cell in (list(cells) + [None] * width)[:width]] for _, cells in first]
    return FilePreview(["" if cell is None else str(cell) for cell in table.header], text,
                       [number for number, _ in first], found, table.delimiter)


class ImportDialog(QDialog):
    """Import one file into the project at ``project_path``."""

    imported = Signal(object)  # the ImportResult, after a real import

    def __init__(self, project_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project_path = Path(project_path)
        self.file: Path | None = None
        self.preview: FilePreview | None = None
        self.task: BackgroundTask | None = None
        self.last_result: ImportResult | None = None
        self.metrics = project_metrics(self.project_path)
        self._filling = False  # the mapping is being built: its changes are not the person's

        self.kind = QComboBox(self)
        for kind in KINDS:
            self.kind.addItem("", kind)
        self.file_edit = QLineEdit(self)
        self.file_edit.setReadOnly(True)
        self.choose_button = QPushButton(self)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)
        self.encoding = QComboBox(self)
        self.encoding.addItem("", None)
        for name in ENCODINGS:
            self.encoding.addItem(name.upper(), name)
        self.detected = QLabel(self)
        self.detected.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        self.kind_label, self.file_label, self.encoding_label = QLabel(self), QLabel(self), QLabel(self)
        form.addRow(self.kind_label, self.kind)
        form.addRow(self.file_label, file_row)
        form.addRow(self.encoding_label, self.encoding)
        form.addRow("", self.detected)

        self.mapping = QTableWidget(0, 2, self)
        self.mapping.verticalHeader().hide()
        self.mapping.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.mapping.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.mapping.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.mapping_box = QGroupBox(self)
        self.mapping_note = QLabel(self)
        self.mapping_note.setWordWrap(True)
        self.mapping_note.setStyleSheet("color: #6b6b6b;")
        self.mapping_note.hide()
        mapping_column = QVBoxLayout(self.mapping_box)
        mapping_column.addWidget(self.mapping, 1)
        mapping_column.addWidget(self.mapping_note)
        self.rows = QTableWidget(0, 0, self)
        self.rows.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows.horizontalHeader().setDefaultSectionSize(130)
        self.rows_box = QGroupBox(self)
        QVBoxLayout(self.rows_box).addWidget(self.rows)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.mapping_box)
        splitter.addWidget(self.rows_box)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 560])

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems_label = QLabel(self)
        self.problems_label.setWordWrap(True)
        self.problems = QTableWidget(0, 3, self)
        self.problems.verticalHeader().hide()
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.setWordWrap(False)
        self.problems.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.problems.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.problems.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        problems_page = QWidget(self)
        column = QVBoxLayout(problems_page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.problems_label)
        column.addWidget(self.problems, 1)
        self.outcome = QStackedWidget(self)
        self.outcome.addWidget(self.summary)
        self.outcome.addWidget(problems_page)
        self.outcome_box = QGroupBox(self)
        QVBoxLayout(self.outcome_box).addWidget(self.outcome)

        self.check_button = QPushButton(self)
        self.import_button = QPushButton(self)
        self.import_button.setDefault(True)
        self.close_button = QPushButton(self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.check_button, self.import_button, self.close_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(splitter, 3)
        layout.addWidget(self.outcome_box, 2)
        layout.addLayout(buttons)

        self.kind.currentIndexChanged.connect(self._show_mapping)
        self.encoding.currentIndexChanged.connect(self._read_file)
        self.choose_button.clicked.connect(self.choose_file)
        self.check_button.clicked.connect(self.check)
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self.reject)
        self.retranslate_ui()
        self.resize(1000, 680)
        self.choose_button.setFocus()
        self._set_checked(False)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Import"))
        names = {"touchpoints": self.tr("Touchpoints"), "promises": self.tr("Promises"),
                 "scripts": self.tr("Script lines"), "observations": self.tr("Observations (visits)")}
        for index in range(self.kind.count()):
            self.kind.setItemText(index, names[self.kind.itemData(index)])
        self.kind_label.setText(self.tr("What to import"))
        self.file_label.setText(self.tr("File"))
        self.file_edit.setPlaceholderText(self.tr("A CSV, Excel or JSON file"))
        self.choose_button.setText(self.tr("Choose…"))
        self.encoding_label.setText(self.tr("Encoding"))
        self.encoding.setItemText(0, self.tr("Detect automatically"))
        self.mapping_box.setTitle(self.tr("Columns"))
        self.mapping.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Imports into")])
        self.mapping_note.setText(self.tr("Mapped as you chose last time for a file with these columns."))
        self.rows_box.setTitle(self.tr("First rows"))
        self.outcome_box.setTitle(self.tr("Check"))
        self.problems.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Column"), self.tr("Problem")])
        self.check_button.setText(self.tr("Check"))
        self.check_button.setToolTip(self.tr("A dry run: reads the whole file and writes nothing"))
        self.import_button.setText(self.tr("Import"))
        self.close_button.setText(self.tr("Close"))
        if self.preview is None:
            self.detected.setText(self.tr("Choose a file to see its columns and first rows."))
            self.summary.setText("")
        else:
            self._show_detected()

    # -- choosing a file ----------------------------------------------------------

    def set_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def choose_file(self) -> None:
        start = str(self.file.parent if self.file else self.project_path.parent)
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a file to import"), start,
            self.tr("Tables (*.csv *.txt *.tsv *.xlsx *.xlsm *.json);;All files (*)"))
        if path:
            self.set_file(Path(path))

    def set_file(self, path: Path) -> None:
        self.file = Path(path)
        self.file_edit.setText(str(self.file))
        self._read_file()

    def chosen_encoding(self) -> str | None:
        return self.encoding.currentData()

    def _read_file(self) -> None:
        self._set_checked(False)
        self.preview = None
        if self.file is None:
            return
        try:
            self.preview = read_preview(self.file, self.chosen_encoding())
        except (AuditorError, OSError) as error:
            self.rows.setRowCount(0)
            self.rows.setColumnCount(0)
            self.mapping.setRowCount(0)
            self.detected.setText("")
            self._show_problems(error)
            return
        self._show_detected()
        self._show_rows()
        self._show_mapping()

    def _show_detected(self) -> None:
        preview = self.preview
        if preview.encoding is None:
            encoding = self.tr("not needed (Excel file)")
        elif self.chosen_encoding():
            encoding = preview.encoding
        else:
            encoding = self.tr("{encoding} (detected)").format(encoding=preview.encoding)
        delimiters = {",": self.tr("comma"), ";": self.tr("semicolon"), "\t": self.tr("tab"),
                      "|": self.tr("vertical bar")}
        parts = [self.tr("Encoding: {encoding}").format(encoding=encoding)]
        if preview.delimiter is not None:
            parts.append(self.tr("Delimiter: {delimiter}").format(delimiter=delimiters.get(preview.delimiter,
                                                                                          preview.delimiter)))
        parts.append(self.tr("{count} columns").format(count=len(preview.header)))
        self.detected.setText("   ·   ".join(parts))

    def _show_rows(self) -> None:
        preview = self.preview
        self.rows.setColumnCount(len(preview.header))
        self.rows.setHorizontalHeaderLabels(preview.header)
        self.rows.setRowCount(len(preview.rows))
        self.rows.setVerticalHeaderLabels([str(number) for number in preview.row_numbers])
        for row, cells in enumerate(preview.rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(" ".join(text.split()) if len(text) < 200 else " ".join(text[:200].split()) + "…")
                item.setToolTip(text[:2000])
                self.rows.setItem(row, column, item)
        self.rows.resizeColumnsToContents()
        for column in range(self.rows.columnCount()):
            self.rows.setColumnWidth(column, min(max(self.rows.columnWidth(column), 70), 260))

    # -- the column mapping -------------------------------------------------------

    def _show_mapping(self) -> None:
        self._set_checked(False)
        if self.preview is None:
            return
        kind = self.kind.currentData()
        found = map_header(kind, self.preview.header)
        by_index = {index: name for name, index in found.columns.items()}
        by_index |= {index: f"{MEASURE}{metric}" for metric, index in found.measures.items()}
        remembered = settings.import_mapping(kind, self.preview.header) or {}
        restored = False
        self._filling = True
        self.mapping.setRowCount(len(self.preview.header))
        for row, header in enumerate(self.preview.header):
            item = QTableWidgetItem(header)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.mapping.setItem(row, 0, item)
            combo = QComboBox(self.mapping)
            combo.addItem(self.tr("(not imported)"), "")
            for spec in FORMATS[kind]:
                combo.addItem(f"{spec.name} *" if spec.required else spec.name, spec.name)
            if kind == "observations":
                combo.insertSeparator(combo.count())
                for metric in self.metrics:
                    combo.addItem(self._measure_label(metric), f"{MEASURE}{metric}")
                combo.addItem(self.tr("Another measurement…"), NEW_MEASURE)
                combo.setItemData(combo.count() - 1, self.tr("A measurement of a metric no promise names yet; "
                                                             "you type its name"), Qt.ItemDataRole.ToolTipRole)
            chosen = by_index.get(row, "")
            if header in remembered and self._can_map(kind, remembered[header]):
                restored |= remembered[header] != chosen
                chosen = remembered[header]
            self._choose(combo, chosen)
            combo.currentIndexChanged.connect(lambda _index, combo=combo: self._mapping_changed(combo))
            self.mapping.setCellWidget(row, 1, combo)
        self._filling = False
        self.mapping_note.setVisible(restored)
        self.mapping.resizeColumnToContents(0)

    def _measure_label(self, metric: str) -> str:
        return self.tr("measure: {metric}").format(metric=metric)

    @staticmethod
    def _can_map(kind: str, field: str) -> bool:
        """Whether a remembered choice still names a field of ``kind`` (a hand-edited settings file)."""
        if field == "" or any(spec.name == field for spec in FORMATS[kind]):
            return True
        return kind == "observations" and field.startswith(MEASURE) and bool(field[len(MEASURE):].strip())

    def _choose(self, combo: QComboBox, field: str) -> None:
        """Select ``field`` in ``combo``, adding a measurement of a metric it does not list yet."""
        index = combo.findData(field)
        if index < 0 and field.startswith(MEASURE):
            index = max(0, combo.findData(NEW_MEASURE))
            combo.insertItem(index, self._measure_label(field[len(MEASURE):]), field)
        combo.setCurrentIndex(max(0, index))
        combo.setProperty("chosen", combo.currentData())

    def _mapping_changed(self, combo: QComboBox) -> None:
        if self._filling:
            return
        if combo.currentData() == NEW_MEASURE:
            metric, given = QInputDialog.getText(
                self, self.tr("Another measurement"),
                self.tr("The metric this column measures, as the promises name it (for example "
                        "callback_time):"))
            metric = " ".join(metric.split())
            combo.blockSignals(True)
            self._choose(combo, f"{MEASURE}{metric}" if given and metric else combo.property("chosen") or "")
            combo.blockSignals(False)
        combo.setProperty("chosen", combo.currentData())
        self._set_checked(False)
        if self.preview is not None:
            settings.remember_import_mapping(self.kind.currentData(), self.preview.header, self.columns())

    def columns(self) -> dict[str, str]:
        """File header -> field name ("" = not imported), as chosen in the mapping table."""
        return {self.mapping.item(row, 0).text(): self.mapping.cellWidget(row, 1).currentData()
                for row in range(self.mapping.rowCount()) if self.mapping.item(row, 0).text().strip()}

    def set_column(self, header: str, field: str) -> None:
        """Import column ``header`` into ``field`` (``measure:<metric>`` for a measurement), as
        the person would choose it."""
        for row in range(self.mapping.rowCount()):
            if self.mapping.item(row, 0).text() == header:
                combo: QComboBox = self.mapping.cellWidget(row, 1)
                if combo.findData(field) < 0 and not (field.startswith(MEASURE) and combo.findData(NEW_MEASURE) >= 0):
                    raise ValueError(f"{field!r} is not a choice for {header!r}")
                combo.blockSignals(True)
                self._choose(combo, field)
                combo.blockSignals(False)
                self._mapping_changed(combo)
                return
        raise KeyError(header)

    def choices(self, header: str) -> list[tuple[str, str]]:
        """(shown text, field) of every choice the mapping offers for ``header``."""
        for row in range(self.mapping.rowCount()):
            if self.mapping.item(row, 0).text() == header:
                combo: QComboBox = self.mapping.cellWidget(row, 1)
                return [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())
                        if combo.itemData(i) is not None]
        raise KeyError(header)

    # -- check and import -----------------------------------------------------------

    def check(self) -> None:
        self._run(dry_run=True)

    def start_import(self) -> None:
        self._run(dry_run=False)

    def _run(self, dry_run: bool) -> None:
        if self.file is None or self.preview is None or self.task is not None:
            return
        work = partial(import_file, kind=self.kind.currentData(), path=self.file, encoding=self.chosen_encoding(),
                       columns=self.columns(), dry_run=dry_run)
        self._set_busy(True)
        self.task = run_in_background(
            self, project_job(self.project_path, work),
            self._checked if dry_run else self._imported,
            title=self.tr("Check") if dry_run else self.tr("Import"),
            label=self.tr("Reading {file}…").format(file=self.file.name),
            on_failure=self._failed)
        self.task.finished.connect(self._task_finished)

    def _checked(self, result: ImportResult) -> None:
        self.last_result = result
        text = self.tr("The file is fine. Importing it will add {new} new, update {updated} and leave "
                       "{unchanged} unchanged. Nothing has been written yet.").format(
            new=result.new, updated=result.updated, unchanged=result.unchanged)
        self._show_summary(text, result)
        self._set_checked(True)

    def _imported(self, result: ImportResult) -> None:
        self.last_result = result
        text = self.tr("Imported: {new} new, {updated} updated, {unchanged} unchanged.").format(
            new=result.new, updated=result.updated, unchanged=result.unchanged)
        self._show_summary(text, result)
        self._is_checked = False
        self.imported.emit(result)
        self.accept()

    def _show_summary(self, text: str, result: ImportResult) -> None:
        unused = [header for header, field in self.columns().items() if not field]
        if unused:
            text += "\n" + self.tr("Columns not imported: {columns}").format(columns=", ".join(unused))
        self.summary.setText(text)
        self.outcome.setCurrentIndex(0)

    def _failed(self, error: BaseException) -> bool:
        if isinstance(error, InputError):
            self._show_problems(error)
            return True
        return False  # any other engine error: the helper shows its sentence

    def _show_problems(self, error: BaseException) -> None:
        self._set_checked(False)
        if not isinstance(error, InputError):
            self.summary.setText(error_sentence(error, self.file))
            self.outcome.setCurrentIndex(0)
            return
        shown = len(error.problems)
        text = self.tr("{count} problems; nothing was imported. Fix them in the file (or change the "
                       "columns above) and check again.").format(count=error.total)
        if error.total > shown:
            text += " " + self.tr("The first {shown} are listed.").format(shown=shown)
        self.problems_label.setText(text)
        self.problems.setRowCount(shown)
        for row, problem in enumerate(error.problems):
            cells = ("" if problem.row is None else str(problem.row), problem.column or "", problem.reason)
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.problems.setItem(row, column, item)
        self.outcome.setCurrentIndex(1)

    def _task_finished(self) -> None:
        self.task = None
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.kind, self.choose_button, self.encoding, self.mapping, self.check_button):
            widget.setEnabled(not busy)
        if busy:
            self.import_button.setEnabled(False)
        else:
            self.import_button.setEnabled(self._is_checked)

    def _set_checked(self, checked: bool) -> None:
        """Import only what has just passed a check with the same file, kind and columns."""
        self._is_checked = checked
        self.import_button.setEnabled(checked)
        self.check_button.setEnabled(self.preview is not None)
        if not checked and self.preview is not None:
            self.outcome.setCurrentIndex(0)
            self.summary.setText(self.tr("Press Check to read the whole file without writing anything."))

    # -- closing ------------------------------------------------------------------

    def reject(self) -> None:
        self._stop_task()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop_task()
        super().closeEvent(event)

    def _stop_task(self) -> None:
        if self.task is not None:
            self.task.cancel_and_wait()
