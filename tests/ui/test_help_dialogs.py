"""Help › Keyboard shortcuts (read from the window's actions, so never stale) and Help ›
Getting started."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from ui.help_dialogs import GettingStartedDialog, ShortcutsDialog, keys_text, plain_text
from ui.main_window import MainWindow


def menu_shortcuts(window: MainWindow) -> set[tuple[str, str]]:
    """(action text, keys) of every action in the menus that has a shortcut."""
    found = set()

    def walk(menu) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
            elif action.shortcuts():
                found.add((plain_text(action.text()), keys_text(action.shortcuts())))

    for action in window.menuBar().actions():
        walk(action.menu())
    return found


def test_the_shortcuts_window_lists_every_shortcut_of_the_window(window: MainWindow, sample_project: Path) -> None:
    assert window.open_project(sample_project)
    window.action_shortcuts.trigger()
    dialog = window._help[ShortcutsDialog]
    assert dialog.isVisible() and not dialog.isModal()  # beside the window, to try the keys as one reads
    rows = dialog.rows()
    listed = {(what, keys) for _, what, keys in rows}
    assert menu_shortcuts(window) <= listed and len(menu_shortcuts(window)) >= 15
    assert ("Enter a visit…", "Ctrl+E") in listed and ("Add a record", "Ins") in listed
    assert ("Close project", "Ctrl+F4, Ctrl+W") in listed  # every binding the platform has, but the Close key
    assert ("Keyboard shortcuts", "Ctrl+/") in listed and ("Getting started", "F1") in listed
    pages = [(what, keys) for section, what, keys in rows if section == "Pages"]
    assert pages[0] == ("Go to Touchpoints", "Ctrl+1") and pages[3] == ("Go to Observations", "Ctrl+4")
    assert len(pages) == window.tabs.count()
    findings = {keys: what for section, what, keys in rows if section.startswith("Findings page")}
    assert set(findings) == {"C", "D", "R", "J", "K", "N"} and findings["C"] == "Confirm the selected findings"
    assert ("Entering a visit", "Save the visit and start the next one", "Ctrl+Enter") in rows
    assert {section for section, _, _ in rows} >= {"File", "Edit", "View", "Help"}


# Showing it again brings it to the front, which the offscreen platform cannot do and says so.
@pytest.mark.qt_log_ignore(r"This plugin does not support (raise|propagateSizeHints)\(\)")
def test_an_action_added_later_is_listed_without_touching_the_help(window: MainWindow) -> None:
    added = window.view_menu.addAction("Zoom in")
    added.setShortcut(QKeySequence("Ctrl+="))
    first = window.show_shortcuts()
    assert ("View", "Zoom in", "Ctrl+=") in first.rows()
    window.tabs.setCurrentWidget(window.pages["observations"])
    again = window.show_shortcuts()
    assert again is first  # one window, filled again with what the actions say now
    assert ("Edit", "Add a visit…", "Ins") not in again.rows()  # no project: nothing to add to


def test_the_add_action_is_listed_as_it_reads_on_the_page_shown(window: MainWindow, sample_project: Path) -> None:
    assert window.open_project(sample_project)
    window.tabs.setCurrentWidget(window.pages["observations"])
    assert ("Edit", "Add a visit…", "Ins") in window.show_shortcuts().rows()


def test_getting_started_walks_through_an_audit(window: MainWindow, qtbot: QtBot) -> None:
    window.action_getting_started.trigger()
    dialog = window._help[GettingStartedDialog]
    assert dialog.isVisible() and not dialog.isModal()
    text = dialog.text.toPlainText()
    headings = [heading for heading, _ in dialog.steps()]
    assert headings == ["1. Set up the brand", "2. Enter or import visits", "3. Run the audit",
                        "4. Review the findings", "5. Build the report"]
    for words in ("touchpoints", "promises", "script lines", "File › Import a file…", "File › Enter a visit…",
                  "Audit page", "Confirm (C)", "File › Build the report…", "New project from sample"):
        assert words in text, words
    assert len(text.split()) < 450  # a few sentences a step, not a manual


def test_every_menu_named_in_the_help_and_hints_exists(window: MainWindow, empty_project: Path) -> None:
    """“File › Import a file…” in a hint must be what the menu says, or the person cannot find it."""
    import re

    items = set()

    def walk(menu, path: str) -> None:
        for action in menu.actions():
            name = f"{path} › {plain_text(action.menu().title() if action.menu() else action.text())}"
            if action.menu() is not None:
                walk(action.menu(), name)
            elif not action.isSeparator():
                items.add(name)

    for action in window.menuBar().actions():
        walk(action.menu(), plain_text(action.menu().title()))
    guide = GettingStartedDialog(window)
    texts = [window.empty_state.body.text(), *(body for _, body in guide.steps())]
    assert window.open_project(empty_project)
    window.tabs.setCurrentWidget(window.pages["observations"])  # Add reads "Add a visit…" here
    items |= {f"Edit › {plain_text(window.action_add.text())}"}
    texts += [window.empty_state.body.text(), *(page.hint.text() for page in window.pages.values())]
    named = {name for text in texts for name in re.findall(r"((?:File|Edit|View|Help) › [^<]+?)</", text)}
    assert len(named) >= 6
    assert named <= items, sorted(named - items)
