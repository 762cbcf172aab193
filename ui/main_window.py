"""The main window: one open project, its counts, and a read-only tab per table."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from auditor import __version__
from auditor.errors import AuditorError
from auditor.drafts import Draft
from auditor.sample import load_sample
from auditor.store import Project, translate_sqlite_error
from ui import project_dialogs, settings
from ui.audit_page import AuditPage
from ui.calibration_dialog import CalibrationDialog
from ui.dashboard_page import DashboardPage
from ui.empty_state import EmptyState
from ui.findings_page import FindingsPage
from ui.help_dialogs import GettingStartedDialog, ShortcutsDialog
from ui.project_dialogs import error_sentence, show_error
from ui.entry_form import EntryForm, pending_drafts, describe_draft
from ui.import_dialog import ImportDialog
from ui.report_dialog import ReportDialog
from ui.settings_dialog import SettingsDialog
from ui.sidebar import Sidebar
from ui.summary_panel import SummaryPanel
from ui.table_model import ProjectTableModel
from ui.table_page import TablePage
from ui.table_specs import ALL_TABLES, TableSpec

_PROJECT_ERRORS = (AuditorError, OSError, sqlite3.Error)


class MainWindow(QMainWindow):
    """Shows one project at a time; opening another one replaces it only on success."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._project: Project | None = None
        self._counts: dict[str, int] | None = None
        self._browsing = False  # the person went to a page of an empty project: show it, not the empty state
        self._help: dict[type, QWidget] = {}  # the help windows, one of each, kept while the window lives
        self.undo_stack = QUndoStack(self)  # edits of the open project's tables
        self.entry_forms: list[EntryForm] = []  # mystery shoppers' visit forms open on the project
        self.summary = SummaryPanel(self)
        self.empty_state = EmptyState(self)
        self.tabs = Sidebar(self)
        self.pages: dict[str, TablePage] = {}
        for spec in ALL_TABLES:
            self.pages[spec.table] = page = TablePage(self.tabs)
            self.tabs.addTab(page, "")
        self.dashboard = DashboardPage(self.tabs)
        self.tabs.addTab(self.dashboard, "")
        self.findings = FindingsPage(self.tabs)
        self.tabs.addTab(self.findings, "")
        self.audit = AuditPage(self.tabs)
        self.tabs.addTab(self.audit, "")
        self.audit.audited.connect(lambda _run: self.refresh())
        self.dashboard.cell_chosen.connect(self.show_findings)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(self.tabs)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.summary)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._create_actions()
        self._create_page_keys()
        self.empty_state.sample_requested.connect(self.action_new_from_sample.trigger)
        self.empty_state.open_requested.connect(self.action_open.trigger)
        self.empty_state.import_requested.connect(self.action_import.trigger)
        self.empty_state.guide_requested.connect(self.action_getting_started.trigger)
        self.tabs.list.currentRowChanged.connect(self._update_edit_actions)
        # Counts (the sidebar, the summary, the empty state) follow every edit, undo and redo.
        self.undo_stack.indexChanged.connect(self._update_counts)
        self.resize(1100, 700)
        self.restoreGeometry(settings.window_geometry())
        self._show_project()

    @property
    def project(self) -> Project | None:
        return self._project

    # -- opening projects ----------------------------------------------------------

    def open_project(self, path: Path, *, create: bool = False) -> bool:
        """Open ``path`` (creating it if asked); on failure say why and keep what is open."""
        path = Path(path)
        try:
            project = Project.open(path, create=create)
        except _PROJECT_ERRORS as error:
            show_error(self, self.tr("Cannot open project"), error_sentence(error, path))
            return False
        self._replace_project(project)
        return True

    def new_project(self, path: Path) -> bool:
        """Create an empty project at ``path``; an existing file is never overwritten."""
        if not self._refuse_existing(path):
            return False
        return self.open_project(path, create=True)

    def new_project_from_sample(self, path: Path) -> bool:
        """Create a project at ``path`` filled with the bundled sample brand."""
        if not self._refuse_existing(path):
            return False
        try:
            project = Project.open(path, create=True)
        except _PROJECT_ERRORS as error:
            show_error(self, self.tr("Cannot create project"), error_sentence(error, path))
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            load_sample(project)
        except _PROJECT_ERRORS as error:
            project.close()
            _remove_project_file(path)  # we made it a moment ago; leave nothing half-filled
            show_error(self, self.tr("Cannot load the sample"), error_sentence(error, path))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._replace_project(project)
        return True

    def close_project(self) -> None:
        self._stop_audit()
        self._close_entry_forms()
        old, self._project = self._project, None
        self._show_project()
        if old is not None:
            old.close()

    def refresh(self) -> None:
        """Read the open project again (it may have been changed from the command line)."""
        if self._project is not None:
            for page in self.pages.values():
                page.refresh()
            self.dashboard.refresh()
            self.findings.refresh()
            self.audit.refresh()
        self._update_counts()

    def _refuse_existing(self, path: Path) -> bool:
        if Path(path).exists() and Path(path).stat().st_size > 0:
            show_error(self, self.tr("Cannot create project"), self.tr(
                "{path} already exists; choose another name, or open it with File › Open project."
            ).format(path=path))
            return False
        return True

    def _replace_project(self, project: Project) -> None:
        self._stop_audit()
        self._close_entry_forms()  # their drafts are written to the old project first
        old, self._project = self._project, project
        self._show_project()  # the views let go of the old project before it closes
        if old is not None:
            old.close()
        settings.remember_project(project.path)
        QTimer.singleShot(0, self.offer_drafts)

    def _show_project(self) -> None:
        project = self._project
        self._browsing = False
        self.undo_stack.clear()  # edits belong to the project they were made in
        for spec in ALL_TABLES:
            model = None if project is None else self._model(project, spec)
            self.pages[spec.table].set_model(model, None if project is None else project.path)
        self.empty_state.set_project(None if project is None else project.path)
        self.dashboard.set_project(project)
        self.findings.set_project(project)
        self.audit.set_project(project)
        for action in (self.action_settings, self.action_enter_visit, self.action_import, self.action_report,
                       self.action_calibrate,
                       self.action_save_copy,
                       self.action_close):
            action.setEnabled(project is not None)
        self._update_counts()
        self.retranslate_ui()

    def _model(self, project: Project, spec: TableSpec) -> ProjectTableModel:
        model = ProjectTableModel(project, spec, undo_stack=self.undo_stack)
        model.read_failed.connect(self._report_read_failure)
        return model

    def _update_counts(self) -> None:
        self._counts = None
        if self._project is not None:
            try:
                self._counts = _project_counts(self._project)
            except sqlite3.Error as error:
                self._report_read_failure(str(translate_sqlite_error(self._project.path, error)))
        self.summary.set_counts(self._counts)
        self.summary.setVisible(self._project is not None)
        has_rows = bool(self._counts) and any(self._counts[spec.table] for spec in ALL_TABLES)
        showing_pages = has_rows or (self._browsing and self._project is not None)
        self.stack.setCurrentWidget(self.tabs if showing_pages else self.empty_state)
        for shortcut in self._page_keys:
            # The sidebar's own Ctrl+1…9 work only while it is shown; these stand in for them.
            shortcut.setEnabled(self._project is not None and not showing_pages)
        self._retitle_tabs()
        self._update_edit_actions()

    def _report_read_failure(self, message: str) -> None:
        self.statusBar().showMessage(message)

    def show_findings(self, promise: str | None = None, touchpoint: str | None = None) -> None:
        """The findings of one promise at one touchpoint (a click on the dashboard's heat map)."""
        self.findings.filter_to(promise=promise, touchpoint=touchpoint)
        self.tabs.setCurrentWidget(self.findings)

    def show_page(self, index: int) -> None:
        """Go to page ``index`` of the sidebar, leaving the empty state of an empty project."""
        if self._project is None:
            return
        self._browsing = True
        self.tabs.setCurrentIndex(index)
        self._update_counts()

    def current_page(self) -> TablePage | None:
        page = self.tabs.currentWidget()
        return page if isinstance(page, TablePage) and page.model is not None else None

    def add_record(self) -> None:
        """A new touchpoint, promise or script line with placeholder values, to be edited in
        place; on the Observations page a visit is entered in the entry form instead."""
        if (page := self.current_page()) is None:
            return
        if page is self.pages["observations"]:
            self.enter_visit()
            return
        self._browsing = True  # undoing the only record leaves the person on this page
        page.add_record()

    def duplicate_record(self) -> None:
        if (page := self.current_page()) is not None:
            page.duplicate_record()

    def delete_records(self) -> None:
        """Delete the selected records after asking; Edit › Undo brings them back."""
        if (page := self.current_page()) is None or not (rows := page.selected_rows()):
            return
        answer = QMessageBox.question(self, self.tr("Delete records"), self.tr(
            "Delete {count} selected record(s) from {table}? Edit › Undo brings them back."
        ).format(count=len(rows), table=self.tabs.tabText(self.tabs.currentIndex())))
        if answer == QMessageBox.StandardButton.Yes:
            page.model.delete_rows(rows)

    def enter_visit(self, draft: Draft | None = None) -> EntryForm | None:
        """A mystery shopper's form for one visit (a window of its own; Ctrl+Enter saves and
        starts the next). Drafts are written as it is typed into."""
        if self._project is None:
            return None
        if draft is None and not self._has_touchpoints():
            self._explain_no_touchpoints()
            return None
        form = EntryForm(self._project, draft, self)
        form.setWindowFlag(Qt.WindowType.Window)
        form.setWindowTitle(self.tr("Enter a visit — {project}").format(project=self._project.path.name))
        form.saved.connect(lambda _key: self.refresh())
        self._prune_forms()
        self.entry_forms.append(form)
        form.show()
        return form

    def _has_touchpoints(self) -> bool:
        try:
            return self._project.db.execute("SELECT 1 FROM touchpoints LIMIT 1").fetchone() is not None
        except sqlite3.Error:
            return True  # let the form say what is wrong with the file

    def _explain_no_touchpoints(self) -> None:
        """A visit is made at a touchpoint: without any, the form could never be saved."""
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Enter a visit"), self.tr(
            "Every visit is made at a touchpoint (a store, the hotline, the website…), and this project "
            "has none yet. Import them with File › Import a file…, or add them on the Touchpoints page."), parent=self)
        import_button = box.addButton(self.tr("Import touchpoints…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is import_button:
            self.import_file("touchpoints")

    def offer_drafts(self) -> None:
        """Visits typed but not saved (the app or the computer stopped) come back first thing."""
        if self._project is None or not (drafts := pending_drafts(self._project)):
            return
        lines = "\n".join(describe_draft(draft) for draft in drafts[:5])
        answer = QMessageBox.question(self, self.tr("Unfinished visits"), self.tr(
            "{count} visit(s) were being entered and not saved yet:\n\n{lines}\n\nContinue with them now? "
            "(If not, they stay as drafts for next time.)").format(count=len(drafts), lines=lines))
        if answer == QMessageBox.StandardButton.Yes:
            for draft in drafts:
                self.enter_visit(draft)

    def _prune_forms(self) -> None:
        """Forget the forms the shopper has closed (their drafts were written on closing)."""
        for form in [form for form in self.entry_forms if not form.isVisible()]:
            self.entry_forms.remove(form)
            form.deleteLater()

    def _stop_audit(self) -> None:
        """An audit still running is cancelled (nothing is stored) before its project goes."""
        if self.audit.is_running() and self.audit.task is not None:
            self.audit.task.cancel_and_wait()

    def _close_entry_forms(self) -> None:
        """Write every open form's draft, then close the forms (before their project closes)."""
        for form in self.entry_forms:
            if form.isVisible():
                form.flush()
                form.close()
            form.deleteLater()
        self.entry_forms.clear()

    def build_report(self) -> None:
        """File › Build the report: run, language, template, redaction; opens the document when done."""
        if self._project is not None:
            ReportDialog(self._project.path, self).exec()

    def calibrate(self) -> None:
        """Thresholds learned from the reviewers' decisions; applying one is undoable (Edit › Undo)."""
        if self._project is not None:
            CalibrationDialog(self._project, self.undo_stack, self).exec()

    def import_file(self, kind: str | None = None) -> None:
        """File › Import: preview, column mapping, dry run and import in the background."""
        if self._project is None:
            return
        dialog = ImportDialog(self._project.path, self)
        if kind is not None:
            dialog.set_kind(kind)
        dialog.imported.connect(self._imported)
        dialog.exec()

    def _imported(self, result: object) -> None:
        self.refresh()
        summary = getattr(result, "summary", "")
        self.statusBar().showMessage(self.tr("Imported: {summary}").format(summary=summary), 8000)

    def edit_settings(self) -> None:
        """The project's and the app's settings (thresholds, synonyms, staff names, language)."""
        if self._project is not None:
            SettingsDialog(self._project, self).exec()

    def show_shortcuts(self) -> QWidget:
        """Help › Keyboard shortcuts: every shortcut of the window's actions and pages."""
        return self._show_help(ShortcutsDialog)

    def show_getting_started(self) -> QWidget:
        """Help › Getting started: from setting up the brand to the report, in a few sentences."""
        return self._show_help(GettingStartedDialog)

    def _show_help(self, kind: type) -> QWidget:
        """One window of each help kind, beside the main window (not modal: try as you read)."""
        dialog = self._help.get(kind)
        if dialog is None:
            dialog = self._help[kind] = kind(self)
        elif isinstance(dialog, ShortcutsDialog):
            dialog.fill(self)  # the actions' texts may have changed (language, current page)
        if dialog.isVisible():  # behind the main window: bring it to the front
            dialog.raise_()
            dialog.activateWindow()
        dialog.show()
        return dialog

    # -- menus ---------------------------------------------------------------------

    def _create_actions(self) -> None:
        self.file_menu = QMenu(self)
        self.recent_menu = QMenu(self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.edit_menu = QMenu(self)
        self.view_menu = QMenu(self)
        self.help_menu = QMenu(self)
        for menu in (self.file_menu, self.edit_menu, self.view_menu, self.help_menu):
            self.menuBar().addMenu(menu)

        self.action_new = self._action(self.file_menu, QKeySequence.StandardKey.New, self._ask_new)
        self.action_open = self._action(self.file_menu, QKeySequence.StandardKey.Open, self._ask_open)
        self.file_menu.addMenu(self.recent_menu)
        self.action_new_from_sample = self._action(self.file_menu, None, self._ask_new_from_sample)
        self.file_menu.addSeparator()
        self.action_enter_visit = self._action(self.file_menu, None, self.enter_visit)
        self.action_enter_visit.setShortcut(QKeySequence("Ctrl+E"))
        self.action_import = self._action(self.file_menu, None, self.import_file)
        self.action_report = self._action(self.file_menu, None, self.build_report)
        self.action_calibrate = self._action(self.file_menu, None, self.calibrate)
        self.action_report.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.action_import.setShortcut(QKeySequence("Ctrl+I"))
        self.file_menu.addSeparator()
        self.action_save_copy = self._action(self.file_menu, QKeySequence.StandardKey.SaveAs, self._ask_save_copy)
        self.action_close = self._action(self.file_menu, QKeySequence.StandardKey.Close, self.close_project)
        self.file_menu.addSeparator()
        self.action_settings = self._action(self.file_menu, QKeySequence.StandardKey.Preferences, self.edit_settings)
        self.action_settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.file_menu.addSeparator()
        self.action_quit = self._action(self.file_menu, QKeySequence.StandardKey.Quit, self.close)
        if not self.action_quit.shortcuts():  # Windows and some Linux desktops name none
            self.action_quit.setShortcut(QKeySequence("Ctrl+Q"))
        self.action_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.action_undo = self.undo_stack.createUndoAction(self)
        self.action_undo.setShortcuts(QKeySequence.StandardKey.Undo)
        self.action_redo = self.undo_stack.createRedoAction(self)
        self.action_redo.setShortcuts(QKeySequence.StandardKey.Redo)
        self.edit_menu.addAction(self.action_undo)
        self.edit_menu.addAction(self.action_redo)
        self.edit_menu.addSeparator()
        self.action_add = self._action(self.edit_menu, None, self.add_record)
        self.action_add.setShortcut(QKeySequence("Ins"))
        self.action_duplicate = self._action(self.edit_menu, None, self.duplicate_record)
        self.action_duplicate.setShortcut(QKeySequence("Ctrl+D"))
        self.action_delete = self._action(self.edit_menu, QKeySequence.StandardKey.Delete, self.delete_records)
        self.action_refresh = self._action(self.view_menu, QKeySequence.StandardKey.Refresh, self.refresh)
        self.action_getting_started = self._action(self.help_menu, QKeySequence.StandardKey.HelpContents,
                                                   self.show_getting_started)
        self.action_shortcuts = self._action(self.help_menu, None, self.show_shortcuts)
        self.action_shortcuts.setShortcut(QKeySequence("Ctrl+/"))
        self.help_menu.addSeparator()
        self.action_about = self._action(self.help_menu, None, self._about)
        self.action_about.setMenuRole(QAction.MenuRole.AboutRole)

    def _action(self, menu: QMenu, shortcut: QKeySequence.StandardKey | None, slot: Callable[[], object]) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcuts(shortcut)  # every binding the platform has (Close: Ctrl+W and Ctrl+F4)
        # ``triggered`` sends ``checked``; a slot with a default argument (enter_visit's draft)
        # would take it for that argument, so the slot is called with none.
        action.triggered.connect(_called_without_arguments(slot))
        menu.addAction(action)
        return action

    def _create_page_keys(self) -> None:
        """Ctrl+1…9 go to a page even from the empty state of an empty project, where the
        sidebar (and so its own shortcuts) is hidden."""
        self._page_keys: list[QShortcut] = []
        for index in range(min(9, self.tabs.count())):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.setEnabled(False)
            shortcut.activated.connect(lambda chosen=index: self.show_page(chosen))
            self._page_keys.append(shortcut)

    def _update_edit_actions(self) -> None:
        """Add, Duplicate and Delete act on the table page shown; on the Observations page Add
        opens the entry form (a visit is entered, not made of placeholders)."""
        page = self.current_page()
        for action in (self.action_add, self.action_duplicate, self.action_delete):
            action.setEnabled(page is not None)
        self._retitle_add()

    def _retitle_add(self) -> None:
        if self.current_page() is self.pages["observations"]:
            self.action_add.setText(self.tr("&Add a visit…"))
        else:
            self.action_add.setText(self.tr("&Add a record"))

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in settings.recent_projects():
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _checked=False, chosen=path: self._open_recent(chosen))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("No recent projects")).setEnabled(False)

    def _open_recent(self, path: Path) -> None:
        if not self.open_project(path) and not path.exists():
            settings.forget_project(path)

    def _current_path(self) -> Path | None:
        return self._project.path if self._project is not None else settings.last_project()

    def _ask_open(self) -> None:
        if (path := project_dialogs.ask_project_to_open(self, self._current_path())) is not None:
            self.open_project(path)

    def _ask_new(self) -> None:
        if (path := project_dialogs.ask_new_project(self, self._current_path(), self.tr("New project"))) is not None:
            self.new_project(path)

    def _ask_new_from_sample(self) -> None:
        title = self.tr("New project from sample")
        if (path := project_dialogs.ask_new_project(self, self._current_path(), title)) is not None:
            self.new_project_from_sample(path)

    def _ask_save_copy(self) -> None:
        if self._project is None:
            return
        near = self._project.path.with_name(f"{self._project.path.stem} copy{self._project.path.suffix}")
        if (path := project_dialogs.ask_new_project(self, near, self.tr("Save a copy"))) is not None:
            self.save_copy(path)

    def save_copy(self, path: Path) -> bool:
        """Copy the open project to ``path``; the open project stays the one in use."""
        if self._project is None:
            return False
        try:
            self._project.save_copy(path)
        except _PROJECT_ERRORS as error:
            show_error(self, self.tr("Copy not saved"), error_sentence(error, path))
            return False
        self.statusBar().showMessage(self.tr("Saved a copy as {path}").format(path=path), 8000)
        return True

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About Brand Touchpoint Auditor"), self.tr(
            "<h3>Brand Touchpoint Auditor {version}</h3>"
            "<p>Checks whether a brand keeps its promises at every touchpoint, "
            "from mystery shoppers' records.</p>").format(version=__version__))

    # -- text ----------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        app = self.tr("Brand Touchpoint Auditor")
        if self._project is None:
            self.setWindowTitle(app)
        else:
            self.setWindowTitle(self.tr("{project} — {app}").format(project=self._project.path.name, app=app))
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.action_new.setText(self.tr("&New project…"))
        self.action_open.setText(self.tr("&Open project…"))
        self.action_new_from_sample.setText(self.tr("New project from &sample…"))
        self.action_settings.setText(self.tr("Se&ttings…"))
        self.action_import.setText(self.tr("&Import a file…"))
        self.action_report.setText(self.tr("Build the &report…"))
        self.action_calibrate.setText(self.tr("Calibrate &thresholds…"))
        self.action_enter_visit.setText(self.tr("&Enter a visit…"))
        self.action_save_copy.setText(self.tr("Save a &copy…"))
        self.action_close.setText(self.tr("&Close project"))
        self.action_quit.setText(self.tr("&Quit"))
        self._retitle_add()
        self.action_duplicate.setText(self.tr("D&uplicate the record"))
        self.action_delete.setText(self.tr("&Delete the selected records…"))
        self.action_refresh.setText(self.tr("&Refresh"))
        self.action_getting_started.setText(self.tr("&Getting started"))
        self.action_shortcuts.setText(self.tr("&Keyboard shortcuts"))
        self.action_about.setText(self.tr("&About Brand Touchpoint Auditor"))
        self.statusBar().showMessage("" if self._project is None else str(self._project.path))
        self._retitle_tabs()

    def _retitle_tabs(self) -> None:
        titles = {
            "touchpoints": self.tr("Touchpoints"),
            "promises": self.tr("Promises"),
            "script_lines": self.tr("Script lines"),
            "observations": self.tr("Observations"),
        }
        self.tabs.setTabText(self.tabs.indexOf(self.dashboard), self.tr("Dashboard"))
        self.tabs.setTabText(self.tabs.indexOf(self.findings), self.tr("Findings"))
        self.tabs.setTabText(self.tabs.indexOf(self.audit), self.tr("Audit"))
        for table, page in self.pages.items():
            count = None if self._counts is None else self._counts.get(table)
            title = titles[table] if count is None else self.tr("{table} ({count})").format(
                table=titles[table], count=self.locale().toString(count))
            self.tabs.setTabText(self.tabs.indexOf(page), title)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        settings.save_window_geometry(self.saveGeometry())
        self.close_project()
        super().closeEvent(event)


def _called_without_arguments(slot: Callable[[], object]) -> Callable[..., None]:
    def call(*_ignored: object) -> None:
        slot()

    return call


def _project_counts(project: Project) -> dict[str, int]:
    """The project's counts, with findings counted for the latest audit run only."""
    counts = project.counts()
    counts["findings"] = project.db.execute(
        "SELECT count(*) FROM findings WHERE run = (SELECT max(id) FROM audit_runs)").fetchone()[0]
    return counts


def _remove_project_file(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            leftover.unlink()
        except OSError:
            pass
