"""A new user's first steps (issue 16): File › New project, then import (from the Import
dialog and from the command line while the window holds the project), then enter visits by
every route — menu, Ctrl+E, and Edit › Add a record (Ins) on the Observations page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from auditor import cli
from auditor.store import Project
from ui import project_dialogs
from ui.entry_form import EntryForm
from ui.import_dialog import ImportDialog
from ui.main_window import MainWindow
from ui_project_data import SMALL_FILES


@pytest.fixture
def new_window(window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """The window on a project made with File › New project (only the file dialog answered)."""
    target = tmp_path / "brand.btaproj"
    monkeypatch.setattr(project_dialogs, "ask_new_project", lambda parent, near, title: target)
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.action_new.trigger()
    assert window.project is not None and window.project.path == target
    assert window.stack.currentWidget() is window.empty_state
    return window


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    written = {}
    for kind, text in SMALL_FILES.items():
        written[kind] = tmp_path / f"{kind}.csv"
        written[kind].write_text(text, encoding="utf-8")
    return written


def import_through_the_dialog(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, window: MainWindow,
                              kind: str, file: Path) -> None:
    """File › Import a file…: the dialog the action opens is used as a person would (kind, file,
    Check, Import) instead of waiting modally."""
    used = []

    def use(dialog: ImportDialog) -> int:
        used.append(dialog)
        dialog.show()
        dialog.set_kind(kind)
        dialog.set_file(file)
        for button in (dialog.check_button, dialog.import_button):
            assert button.isEnabled(), dialog.problems_label.text() or dialog.summary.text()
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
        return dialog.result()

    monkeypatch.setattr(ImportDialog, "exec", use)
    window.action_import.trigger()
    assert len(used) == 1 and used[0].last_result is not None and not used[0].last_result.dry_run


def open_forms(window: MainWindow) -> list[EntryForm]:
    return [form for form in window.entry_forms if form.isVisible()]


def test_import_into_the_new_project_from_the_dialog_and_the_command_line(
        qtbot: QtBot, new_window: MainWindow, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture) -> None:
    window = new_window
    import_through_the_dialog(qtbot, monkeypatch, window, "touchpoints", files["touchpoints"])
    assert window.stack.currentWidget() is window.tabs  # refreshed after the import
    assert window.pages["touchpoints"].model.rowCount() == 2
    assert "2 new" in window.statusBar().currentMessage()

    # the command line, on the project the window still holds open
    for kind in ("promises", "scripts", "observations"):
        assert cli.main(["import", str(window.project.path), kind, str(files[kind])]) == 0, capsys.readouterr().err
    output = capsys.readouterr()
    assert "observations: 3 new" in output.out and output.err == ""
    window.action_refresh.trigger()
    assert {table: page.model.rowCount() for table, page in window.pages.items()} == {
        "touchpoints": 2, "promises": 2, "script_lines": 2, "observations": 3}
    with Project.open(window.project.path) as other:
        assert other.counts()["observations"] == 3


def test_a_fresh_project_is_accepted_by_the_command_line_while_the_window_holds_it(
        new_window: MainWindow, files: dict[str, Path], capsys: pytest.CaptureFixture) -> None:
    """Nothing written yet but the schema (still in the -wal): the CLI must know it is a project."""
    code = cli.main(["import", str(new_window.project.path), "touchpoints", str(files["touchpoints"])])
    assert (code, capsys.readouterr().err) == (0, "")
    new_window.action_refresh.trigger()
    assert new_window.pages["touchpoints"].model.rowCount() == 2


def test_enter_a_visit_opens_the_form_from_the_menu_ctrl_e_and_ins_on_observations(
        qtbot: QtBot, new_window: MainWindow, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    window = new_window
    import_through_the_dialog(qtbot, monkeypatch, window, "touchpoints", files["touchpoints"])

    with qtbot.captureExceptions() as exceptions:
        window.action_enter_visit.trigger()  # File › Enter a visit…
        assert len(open_forms(window)) == 1
        window.activateWindow()  # the form is a window of its own; back to the main one
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        assert len(open_forms(window)) == 2
        window.tabs.setCurrentWidget(window.pages["observations"])
        assert window.action_add.text() == "&Add a visit…"
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        window.pages["observations"].setFocus()
        qtbot.keyClick(window, Qt.Key.Key_Insert)  # Edit › Add a record on the Observations page
        assert len(open_forms(window)) == 3
    assert not exceptions, exceptions
    form = open_forms(window)[-1]
    assert form.touchpoint.count() == 2 and form.windowTitle() == "Enter a visit — brand.btaproj"
    assert window.pages["observations"].model.rowCount() == 0  # no row of placeholders

    window.tabs.setCurrentWidget(window.pages["touchpoints"])
    assert window.action_add.text() == "&Add a record"
    window.action_add.trigger()  # elsewhere Add still adds a record to edit in place
    assert window.pages["touchpoints"].model.rowCount() == 3 and len(open_forms(window)) == 3
    assert window.summary.number_text("touchpoints") == "3"  # the counts follow the edit


def test_without_touchpoints_enter_a_visit_explains_and_offers_the_import(
        new_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    opened: list[str] = []

    def answer(box: QMessageBox) -> int:
        shown.append(box.text())
        box.buttons()[0].click()  # "Import touchpoints…"
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    monkeypatch.setattr(ImportDialog, "exec", lambda dialog: opened.append(dialog.kind.currentData()) or 0)
    new_window.action_enter_visit.trigger()
    assert len(shown) == 1 and "has none yet" in shown[0]
    assert opened == ["touchpoints"] and new_window.entry_forms == []


def test_from_the_empty_state_ins_adds_a_touchpoint_and_ctrl_digits_go_to_the_pages(
        qtbot: QtBot, new_window: MainWindow) -> None:
    window = new_window
    qtbot.keyClick(window, Qt.Key.Key_Insert)
    page = window.pages["touchpoints"]
    assert window.stack.currentWidget() is window.tabs and window.tabs.currentWidget() is page
    assert page.model.rowCount() == 1 and page.model.index(page.view.currentIndex().row(), 0).data() == "NEW"
    window.action_undo.trigger()
    assert page.model.rowCount() == 0
    assert window.stack.currentWidget() is window.tabs  # the person stays where they were working
    assert "File › Import a file…" in page.hint.text()

    path = window.project.path
    window.close_project()
    assert window.open_project(path)  # an empty project again, opened afresh
    assert window.stack.currentWidget() is window.empty_state
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.tabs and window.tabs.currentWidget() is window.pages["promises"]
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)  # the sidebar's own shortcut now
    assert window.tabs.currentWidget() is window.findings


def test_every_route_to_a_slot_ignores_the_checked_argument(new_window: MainWindow) -> None:
    """QAction.triggered(checked) reaches no slot: those with a default argument would take it."""
    calls: list[tuple] = []

    def spy(*args: object) -> None:
        calls.append(args)

    action = new_window._action(QMenu(new_window), None, spy)
    action.trigger()  # checked: False
    action.setCheckable(True)
    action.trigger()  # checked: True
    assert calls == [(), ()]
