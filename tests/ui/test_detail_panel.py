"""The detail panel: a record's long texts in full, edited and applied as undoable edits."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from auditor.store import Project
from ui.main_window import MainWindow


def _transcript(path: Path, key: str) -> str:
    with Project.open(path) as project:
        return project.db.execute("SELECT transcript FROM observations WHERE key = ?", [key]).fetchone()[0]


def test_the_selected_visit_shows_its_whole_transcript_and_an_edit_is_applied_and_undone(
        window: MainWindow, sample_project: Path, qtbot: QtBot) -> None:
    assert window.open_project(sample_project)
    page = window.pages["observations"]
    page.view.setCurrentIndex(page.model.index(4, 0))  # V-005
    editors = page.detail.editors
    transcript = next(e for c, e in editors.items() if page.model.spec.columns[c].sql == "transcript")
    measurements = next(e for c, e in editors.items() if page.model.spec.columns[c].title == "Measurements")
    original = _transcript(sample_project, "V-005")
    assert transcript.toPlainText() == original and page.detail.title.text() == "V-005"
    assert measurements.isReadOnly() and not transcript.isReadOnly()
    assert not page.detail.apply_button.isEnabled()
    transcript.setPlainText(original + "\n第二天再打，还是机器人。")
    assert page.detail.apply_button.isEnabled()
    page.detail.apply()
    assert _transcript(sample_project, "V-005") == original + "\n第二天再打，还是机器人。"  # line break kept
    window.action_undo.trigger()
    assert _transcript(sample_project, "V-005") == original


def test_moving_to_another_row_applies_what_was_typed(window: MainWindow, sample_project: Path) -> None:
    assert window.open_project(sample_project)
    page = window.pages["observations"]
    page.view.setCurrentIndex(page.model.index(0, 0))
    scenario = next(e for c, e in page.detail.editors.items() if page.model.spec.columns[c].sql == "scenario")
    scenario.setPlainText("Typed, then clicked elsewhere")
    page.view.setCurrentIndex(page.model.index(3, 0))
    with Project.open(sample_project) as project:
        assert project.db.execute("SELECT scenario FROM observations WHERE key = 'V-001'").fetchone()[0] == \
            "Typed, then clicked elsewhere"
