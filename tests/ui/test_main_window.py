"""The main window on real project files: counts, tables, empty state, errors, menus."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from auditor.errors import InputError, Problem
from auditor.importer import import_file
from auditor.store import Project
from ui import main_window, settings
from ui.main_window import MainWindow
from ui_project_data import SMALL_COUNTS, SMALL_FILES

SAMPLE_COUNTS = {"touchpoints": 8, "promises": 10, "script_lines": 30, "observations": 80}


def shown_counts(window: MainWindow) -> dict[str, str]:
    names = ("touchpoints", "promises", "script_lines", "observations", "audit_runs", "findings")
    return {name: window.summary.number_text(name) for name in names}


def tab_titles(window: MainWindow) -> list[str]:
    """The sidebar's titles of the four table pages."""
    return [window.tabs.tabText(window.tabs.indexOf(page)) for page in window.pages.values()]


def test_sample_project_shows_its_counts_and_rows(window: MainWindow, sample_project: Path) -> None:
    assert window.open_project(sample_project)
    with Project.open(sample_project) as check:
        counts = check.counts()
    assert {name: counts[name] for name in SAMPLE_COUNTS} == SAMPLE_COUNTS  # the sample as shipped
    assert shown_counts(window) == {**{name: str(n) for name, n in SAMPLE_COUNTS.items()},
                                    "audit_runs": "0", "findings": "0"}
    assert window.stack.currentWidget() is window.tabs
    assert tab_titles(window) == ["Touchpoints (8)", "Promises (10)", "Script lines (30)", "Observations (80)"]
    for table, expected in SAMPLE_COUNTS.items():
        page = window.pages[table]
        assert page.view.model().rowCount() == expected
        assert page.stack.currentWidget() is page.splitter
    assert window.windowTitle().startswith("sample.btaproj")


def test_cells_show_chinese_text_as_stored(window: MainWindow, small_project: Path) -> None:
    window.open_project(small_project)
    model = window.pages["touchpoints"].view.model()
    assert [model.index(row, 1).data() for row in range(2)] == ["客服热线 Hotline", "官网 Website"]
    assert shown_counts(window)["observations"] == "3"


def _widths(window: MainWindow, table: str) -> tuple[list[int], int, int]:
    """Column widths, the main text column's number, and the visible width of the table."""
    page = window.pages[table]
    window.tabs.setCurrentWidget(page)
    QApplication.processEvents()
    header = page.view.horizontalHeader()
    main = next(n for n, column in enumerate(page.view.model().spec.columns) if column.stretch)
    return [header.sectionSize(n) for n in range(header.count())], main, page.view.viewport().width()


def test_columns_fit_their_content_within_bounds(window: MainWindow, sample_project: Path) -> None:
    window.open_project(sample_project)
    widths, main, visible = _widths(window, "observations")
    assert all(48 <= width <= 320 for width in widths)
    assert sum(widths) > visible  # 14 columns: the table scrolls sideways rather than squeezing them


def test_the_main_text_column_takes_the_spare_width(window: MainWindow, sample_project: Path) -> None:
    window.resize(1300, 700)  # wide enough, beside the sidebar, for every column and some spare
    window.open_project(sample_project)
    widths, main, visible = _widths(window, "script_lines")
    assert sum(widths) == visible  # no empty band on the right
    assert widths[main] > 320 and all(48 <= w <= 320 for n, w in enumerate(widths) if n != main)
    window.resize(window.width() + 300, window.height())
    wider, _, visible_now = _widths(window, "script_lines")
    assert sum(wider) == visible_now and wider[main] == widths[main] + 300
    assert [w for n, w in enumerate(wider) if n != main] == [w for n, w in enumerate(widths) if n != main]
    window.pages["script_lines"].view.horizontalHeader().resizeSection(0, 150)  # as a person drags it
    window.resize(window.width() - 200, window.height())
    assert _widths(window, "script_lines")[0] == [150, *wider[1:]]  # their choice is kept


def test_empty_project_points_to_the_menus_not_the_command_line(window: MainWindow, empty_project: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.import_dialog import ImportDialog

    assert window.open_project(empty_project)
    assert window.stack.currentWidget() is window.empty_state
    text = window.empty_state.body.text()
    assert "File › Import a file…" in text and "File › Enter a visit…" in text
    assert "brand-auditor" not in text and "command line" not in text
    state = window.empty_state
    assert state.import_button.isVisible() and state.sample_button.isVisible() and not state.open_button.isVisible()
    assert shown_counts(window)["observations"] == "0"
    opened = []
    monkeypatch.setattr(ImportDialog, "exec", lambda dialog: opened.append(dialog.kind.currentData()) or 0)
    state.import_button.click()
    assert opened == ["touchpoints"]  # the first thing to import
    for page in window.pages.values():  # a page reached from the sidebar says the same
        assert "File › Import a file…" in page.hint.text() and "command line" not in page.hint.text()
    assert "File › Enter a visit…" in window.pages["observations"].hint.text()
    state.guide_link.linkActivated.emit("guide")  # "New here? Read Getting started"
    from ui.help_dialogs import GettingStartedDialog

    assert window._help[GettingStartedDialog].isVisible()


def test_no_project_open_says_so(window: MainWindow) -> None:
    assert window.project is None
    assert window.stack.currentWidget() is window.empty_state
    assert window.empty_state.heading.text() == "No project is open"
    assert window.empty_state.open_button.isVisible() and not window.empty_state.import_button.isVisible()
    assert not window.summary.isVisible()


def test_text_file_is_refused_with_one_sentence_and_the_window_keeps_its_project(
        window: MainWindow, small_project: Path, tmp_path: Path, warnings_shown: list) -> None:
    window.open_project(small_project)
    notes = tmp_path / "notes.btaproj"
    notes.write_text("Call the Jing'an store on Monday.\n", encoding="utf-8")

    assert not window.open_project(notes)

    [(title, message)] = warnings_shown
    assert title == "Cannot open project"
    assert message == f"{notes} is not a Brand Touchpoint Auditor project (it is not an SQLite database)."
    assert "Traceback" not in message
    assert notes.read_text(encoding="utf-8") == "Call the Jing'an store on Monday.\n"  # untouched
    assert window.isVisible() and window.project is not None
    assert window.project.path == small_project
    assert shown_counts(window)["observations"] == "3"
    assert window.pages["observations"].view.model().index(0, 0).data() == "V-001"  # still readable


def test_missing_file_is_not_created_by_open(window: MainWindow, tmp_path: Path, warnings_shown: list) -> None:
    missing = tmp_path / "typo.btaproj"
    assert not window.open_project(missing)
    assert warnings_shown == [("Cannot open project", f"{missing} does not exist.")]
    assert not missing.exists()


def test_new_project_from_sample_menu(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "demo"  # the suffix is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    window.action_new_from_sample.trigger()
    assert window.project is not None and window.project.path == target.with_suffix(".btaproj")
    assert shown_counts(window)["script_lines"] == "30"
    assert window.windowTitle().startswith("demo.btaproj")


def test_a_sample_that_fails_to_load_leaves_no_file(window: MainWindow, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch, warnings_shown: list) -> None:
    def broken_sample(project: Project) -> None:
        problems = [Problem(3, "touchpoint", "touchpoint 'sh-pudong' does not exist in this project")]
        raise InputError("observations.csv", problems)

    monkeypatch.setattr(main_window, "load_sample", broken_sample)
    target = tmp_path / "demo.btaproj"
    assert not window.new_project_from_sample(target)
    assert warnings_shown == [("Cannot load the sample", "observations.csv: 1 problem, nothing was imported.\n"
                               "row 3, column 'touchpoint': touchpoint 'sh-pudong' does not exist in this project")]
    assert list(tmp_path.glob("demo.btaproj*")) == []
    assert window.project is None


def test_new_project_never_overwrites_a_file(window: MainWindow, small_project: Path,
                                             monkeypatch: pytest.MonkeyPatch, warnings_shown: list) -> None:
    before = small_project.read_bytes()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(small_project), ""))
    window.action_new.trigger()
    window.action_new_from_sample.trigger()
    assert [title for title, _ in warnings_shown] == ["Cannot create project"] * 2
    assert "already exists" in warnings_shown[0][1]
    assert small_project.read_bytes() == before
    assert window.project is None


def test_new_empty_project_menu(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "brand.btaproj"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    window.action_new.trigger()
    assert target.exists() and window.project is not None
    assert window.stack.currentWidget() is window.empty_state


def test_open_menu_and_cancel(window: MainWindow, small_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: ("", ""))
    window.action_open.trigger()
    assert window.project is None
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(small_project), ""))
    window.action_open.trigger()
    assert window.project is not None and window.project.path == small_project


def test_refresh_shows_what_the_command_line_imported(window: MainWindow, empty_project: Path,
                                                      tmp_path: Path) -> None:
    window.open_project(empty_project)
    assert window.stack.currentWidget() is window.empty_state
    with Project.open(empty_project) as other:  # another process, as far as the window knows
        for kind, text in SMALL_FILES.items():
            (tmp_path / f"{kind}.csv").write_text(text, encoding="utf-8")
            import_file(other, kind, tmp_path / f"{kind}.csv")
    window.action_refresh.trigger()
    assert window.stack.currentWidget() is window.tabs
    for table, expected in SMALL_COUNTS.items():
        assert window.pages[table].view.model().rowCount() == expected
        assert shown_counts(window)[table] == str(expected)


def test_opened_projects_are_remembered_in_the_test_settings(window: MainWindow, small_project: Path,
                                                             sample_project: Path,
                                                             _isolated_user_folders: Path) -> None:
    window.open_project(small_project)
    window.open_project(sample_project)
    assert settings.recent_projects() == [sample_project.resolve(), small_project.resolve()]
    assert Path(settings.app_settings().fileName()).is_relative_to(_isolated_user_folders)
    window._fill_recent_menu()
    assert [action.text() for action in window.recent_menu.actions()] == [str(sample_project.resolve()),
                                                                          str(small_project.resolve())]
    window.recent_menu.actions()[1].trigger()
    assert window.project.path == small_project


def test_closing_the_window_closes_the_project(qtbot: QtBot, small_project: Path) -> None:
    window = MainWindow()
    qtbot.add_widget(window)
    window.show()
    window.open_project(small_project)
    project = window.project
    window.close()
    assert window.project is None
    with pytest.raises(Exception):
        project.db.execute("SELECT 1")
    assert settings.window_geometry().size() > 0


def test_save_a_copy_writes_an_openable_project_and_keeps_working_on_the_original(
        window: MainWindow, sample_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        warnings_shown: list) -> None:
    assert window.open_project(sample_project)
    target = tmp_path / "copy"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    window.action_save_copy.trigger()
    copy = target.with_suffix(".btaproj")
    with Project.open(copy) as opened:
        assert {name: opened.counts()[name] for name in SAMPLE_COUNTS} == SAMPLE_COUNTS
    assert window.project.path == sample_project and not warnings_shown
    assert not window.save_copy(copy)  # never over an existing file
    assert not window.save_copy(sample_project)  # nor over itself
    assert len(warnings_shown) == 2 and "already exists" in str(warnings_shown[0])


def test_close_project_shows_the_start_state_and_disables_project_actions(window: MainWindow,
                                                                          sample_project: Path) -> None:
    assert window.open_project(sample_project)
    assert window.action_close.isEnabled() and window.action_save_copy.isEnabled()
    window.action_close.trigger()
    assert window.project is None and window.stack.currentWidget() is window.empty_state
    assert not any(action.isEnabled() for action in (window.action_close, window.action_save_copy,
                                                      window.action_settings))


def test_typing_in_the_filter_box_filters_the_page_after_a_pause(window: MainWindow, sample_project: Path,
                                                                 qtbot: QtBot) -> None:
    assert window.open_project(sample_project)
    page = window.pages["observations"]
    assert not page.filter.isHidden() and page.model.rowCount() == 80
    qtbot.keyClicks(page.filter, "Wong Ka Man")
    assert page.model.rowCount() == 80  # not on every key
    qtbot.waitUntil(lambda: page.model.rowCount() == 9, timeout=2000)
    page.filter.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 80, timeout=2000)


def test_the_sidebar_names_the_pages_with_their_counts_and_ctrl_digits_jump(window: MainWindow,
                                                                            sample_project: Path,
                                                                            qtbot: QtBot) -> None:
    assert window.open_project(sample_project)
    window.show()
    qtbot.waitExposed(window)
    assert [window.tabs.list.item(i).text() for i in range(4)] == tab_titles(window)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.pages["observations"]
    window.tabs.list.setCurrentRow(1)
    assert window.tabs.currentWidget() is window.pages["promises"]


def _keys(window: MainWindow, table: str) -> list[str]:
    model = window.pages[table].model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_delete_asks_first_and_undo_brings_the_records_back(window: MainWindow, sample_project: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    assert window.open_project(sample_project)
    window.tabs.setCurrentWidget(window.pages["observations"])
    page = window.pages["observations"]
    page.view.clearSelection()
    page.view.selectRow(2)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: answers.pop(0))
    window.action_delete.trigger()
    assert "V-003" in _keys(window, "observations")  # "No": nothing deleted
    window.action_delete.trigger()
    assert "V-003" not in _keys(window, "observations") and page.model.rowCount() == 79
    window.action_undo.trigger()
    assert "V-003" in _keys(window, "observations")
    with Project.open(sample_project) as project:
        assert project.db.execute("SELECT count(*) FROM measurements WHERE observation = 'V-003'").fetchone()[0]


def test_a_touchpoint_with_visits_is_not_deleted_and_the_page_says_why(window: MainWindow, sample_project: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    assert window.open_project(sample_project)
    window.tabs.setCurrentWidget(window.pages["touchpoints"])
    page = window.pages["touchpoints"]
    page.view.clearSelection()
    page.view.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    window.action_delete.trigger()
    assert page.model.rowCount() == 8 and "still has" in page.message.text() and not page.message.isHidden()
    assert not window.undo_stack.canUndo()


def test_add_and_duplicate_select_the_new_record_and_undo_removes_it(window: MainWindow,
                                                                     sample_project: Path) -> None:
    assert window.open_project(sample_project)
    window.tabs.setCurrentWidget(window.pages["promises"])
    page = window.pages["promises"]
    window.action_add.trigger()
    assert page.model.index(page.view.currentIndex().row(), 0).data() == "NEW"
    page.view.setCurrentIndex(page.model.index(page.model.row_of("P-24H"), 0))
    window.action_duplicate.trigger()
    assert page.model.index(page.view.currentIndex().row(), 0).data() == "P-24H-copy"
    assert page.model.rowCount() == 12
    window.action_undo.trigger()
    window.action_undo.trigger()
    assert page.model.rowCount() == 10


def test_file_import_opens_the_import_dialog_and_refreshes_after(window: MainWindow, empty_project: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.import_dialog import ImportDialog

    assert window.open_project(empty_project)
    assert window.action_import.isEnabled()
    shown = []

    def fake_exec(dialog: ImportDialog) -> int:
        shown.append(dialog)
        dialog.imported.emit(type("Result", (), {"summary": "2 new, 0 updated, 0 unchanged"})())
        return 0

    monkeypatch.setattr(ImportDialog, "exec", fake_exec)
    window.action_import.trigger()
    assert len(shown) == 1 and "2 new" in window.statusBar().currentMessage()


@pytest.mark.parametrize("damage", ["truncated", "newer", "other_program"])
def test_a_damaged_newer_or_foreign_file_opens_a_dialog_not_a_traceback(window: MainWindow, sample_project: Path,
                                                                        tmp_path: Path, warnings_shown: list,
                                                                        damage: str) -> None:
    import sqlite3

    target = tmp_path / f"{damage}.btaproj"
    if damage == "truncated":
        target.write_bytes(sample_project.read_bytes()[:5000])
    elif damage == "newer":
        target.write_bytes(sample_project.read_bytes())
        with sqlite3.connect(target) as conn:
            conn.execute("PRAGMA user_version = 99")
    else:
        with sqlite3.connect(target) as conn:
            conn.execute("CREATE TABLE invoices (id INTEGER)")
    before = target.read_bytes()
    assert not window.open_project(target)
    [(title, message)] = warnings_shown
    assert title == "Cannot open project" and str(target) in message and "Traceback" not in message
    assert target.read_bytes() == before  # never written to


def test_file_calibrate_opens_the_calibration_dialog_on_the_windows_undo_stack(window: MainWindow,
                                                                              sample_project: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.calibration_dialog import CalibrationDialog

    assert window.open_project(sample_project)
    shown = []
    monkeypatch.setattr(CalibrationDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    window.action_calibrate.trigger()
    assert len(shown) == 1
