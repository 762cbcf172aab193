"""The calibration dialog: suggestions from reviewers' decisions, applied and undone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from auditor.audit import run_audit
from auditor.findings import review_finding
from auditor.sample import load_sample
from auditor.store import Project, now_iso
from ui.calibration_dialog import CalibrationDialog

# Near the forbidden line S-14 "That's not my problem." (chat).
NEAR_MISSES = {"X-POLITE": "Agent: that's not a problem", "X-OUR": "Agent: that's not our problem",
               "X-THIS": "Agent: this is not my problem", "X-DEPT": "Agent: that's not my department"}
DECISIONS = {("V-016", "S-14"): "confirmed", ("X-POLITE", "S-14"): "dismissed", ("X-OUR", "S-14"): "confirmed",
             ("X-THIS", "S-14"): "confirmed", ("X-DEPT", "S-14"): "dismissed",
             ("V-005", "S-07"): "confirmed", ("X-STT", "S-07"): "dismissed"}
# A hotline call transcribed by speech-to-text, in the review band of the required line S-07.
STT = ("X-STT", "hotline", "语音转写：您好欢迎致电傲瑞利亚24小时真人客服热线。如果今天解决不了我们会在15分中内给您回电。")


def _fill(project: Project) -> None:
    load_sample(project)
    with project.transaction() as db:
        for key, touchpoint, text in [(key, "chat", text) for key, text in NEAR_MISSES.items()] + [STT]:
            db["observations"].insert({"key": key, "touchpoint": touchpoint, "observed_at": "2026-09-20 10:00",
                                       "transcript": text, "updated_at": now_iso()})
    run_audit(project, workers=1)
    for (observation, line), status in DECISIONS.items():
        fingerprint = project.db.execute(
            "SELECT fingerprint FROM findings WHERE run = (SELECT max(id) FROM audit_runs) "
            "AND observation = ? AND script_line = ?", [observation, line]).fetchone()[0]
        review_finding(project, fingerprint, status)


@pytest.fixture
def project(make_project) -> Iterator[Project]:
    with Project.open(make_project("calibration.btaproj", _fill)) as opened:
        yield opened


@pytest.fixture
def dialog(qtbot: QtBot, project: Project) -> Iterator[CalibrationDialog]:
    stack = QUndoStack()
    shown = CalibrationDialog(project, stack)
    shown._test_stack = stack  # keep the stack alive as long as the dialog
    qtbot.add_widget(shown)
    shown.show()
    yield shown
    shown.reject()  # before the project closes: the dialog lets go of the stack


def _row(dialog: CalibrationDialog, key: str) -> int:
    return next(row for row, c in enumerate(dialog.calibrations) if c.key == key)


def _threshold(project: Project, line: str):
    return project.db.execute("SELECT match_threshold FROM script_lines WHERE key = ?", [line]).fetchone()[0]


def test_the_suggestion_shows(dialog: CalibrationDialog):
    row = _row(dialog, "S-14")
    assert dialog.table.item(row, 0).text().startswith("S-14")
    assert dialog.table.item(row, 3).text().startswith("85")
    assert dialog.table.item(row, 4).text() == "80"
    assert dialog.table.item(row, 5).text() == "67% → 75%"  # precision now → suggested
    assert dialog.table.item(row, 6).text() == "67% → 100%"
    dialog.table.selectRow(row)
    assert dialog.curve.rowCount() == 9  # 60, 65, ..., 100
    marks = {dialog.curve.item(r, 0).text() for r in range(dialog.curve.rowCount())}
    assert "80  (suggested)" in marks and "85  (now)" in marks
    assert dialog.apply_button.isEnabled()
    two = _row(dialog, "S-07")  # two decisions: no suggestion, nothing to apply
    dialog.table.selectRow(two)
    assert dialog.table.item(two, 4).text() == "too few decisions"
    assert not dialog.apply_button.isEnabled()


def test_apply_then_undo_then_redo(dialog: CalibrationDialog, project: Project):
    stack: QUndoStack = dialog._test_stack
    dialog.table.selectRow(_row(dialog, "S-14"))
    dialog.apply_button.click()
    assert _threshold(project, "S-14") == 80
    assert stack.count() == 1 and stack.canUndo()
    row = _row(dialog, "S-14")
    assert dialog.table.item(row, 3).text() == "80"  # its own threshold now, refreshed
    assert dialog.selected().key == "S-14"
    assert not dialog.apply_button.isEnabled()  # already at the suggestion
    stack.undo()
    assert _threshold(project, "S-14") is None
    assert dialog.table.item(_row(dialog, "S-14"), 3).text().startswith("85")
    stack.redo()
    assert _threshold(project, "S-14") == 80
