"""The mystery shopper's entry form on real project files: autosaved drafts (also across a
killed process), inline validation, and Ctrl+Enter saving one visit and starting the next."""

from __future__ import annotations

import json
import os
import select
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from auditor.drafts import save_draft
from auditor.store import Project
from ui.entry_form import EntryForm, describe_draft, pending_drafts

REPO = Path(__file__).resolve().parents[2]


def query(path: Path, sql: str) -> list[tuple]:
    """Read with a connection of its own, as the next start of the app would."""
    connection = sqlite3.connect(path)
    try:
        return [tuple(row) for row in connection.execute(sql)]
    finally:
        connection.close()


def drafts_in(path: Path) -> list[dict]:
    return [json.loads(data) for (data,) in query(path, "SELECT data FROM drafts ORDER BY id")]


@pytest.fixture
def project(small_project):
    opened = Project.open(small_project)
    yield opened
    opened.close()


@pytest.fixture
def form(qtbot, project):
    shown = EntryForm(project)
    qtbot.add_widget(shown)
    shown.touchpoint.setCurrentIndex(shown.touchpoint.findData("hotline"))
    shown.show()
    qtbot.wait_exposed(shown)
    yield shown
    shown.close()  # writes a pending draft while the project is still open


def type_text(qtbot, widget, text: str) -> None:
    """Key by key; Chinese arrives whole, as an input method commits it (QTest types ASCII only)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        elif hasattr(widget, "insertPlainText"):
            widget.insertPlainText(char)
        else:
            widget.insert(char)


def ctrl_enter(qtbot, widget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_typing_is_in_the_project_as_a_draft_within_a_second_and_a_half(qtbot, form, small_project):
    assert drafts_in(small_project) == []  # opening the form writes nothing
    type_text(qtbot, form.transcript, "Only a robot answered 只有机器人")
    qtbot.waitUntil(lambda: len(drafts_in(small_project)) == 1, timeout=1500)
    draft = drafts_in(small_project)[0]
    assert draft["transcript"] == "Only a robot answered 只有机器人"
    assert draft["touchpoint"] == "hotline"
    # Further typing is written over the same draft, not as a second one.
    qtbot.keyClicks(form.scenario, "evening call")
    qtbot.waitUntil(lambda: drafts_in(small_project)[0].get("scenario") == "evening call", timeout=1500)
    assert len(drafts_in(small_project)) == 1


def test_an_invalid_measurement_is_shown_as_typed_and_ctrl_enter_saves_nothing(qtbot, form, small_project):
    assert list(form.measurements.fields) == ["callback_time"]  # P-CALLBACK applies to the hotline
    hint = form.measurements.hints["callback_time"]
    assert "P-CALLBACK: ≤ 15 min" in hint.text()
    qtbot.keyClicks(form.transcript, "They said they would call back.")
    qtbot.keyClicks(form.measurements.fields["callback_time"], "soon-ish")
    assert "'soon-ish' is not a measurement" in hint.text()
    ctrl_enter(qtbot, form.transcript)
    assert query(small_project, "SELECT count(*) FROM observations WHERE key LIKE 'V-2%'") == [(0,)]
    assert "Not saved" in form.status.text()
    assert form.transcript.toPlainText() == "They said they would call back."  # nothing cleared
    assert drafts_in(small_project)[0]["measurements"] == {"callback_time": "soon-ish"}  # the typing is kept


def test_scores_out_of_range_are_named_next_to_their_field(qtbot, form):
    qtbot.keyClicks(form.scores["nps"], "11")
    assert form.messages["nps"].isVisible()
    assert form.messages["nps"].text() == "'11' is not an NPS score from 0 to 10"
    form.scores["nps"].clear()  # blank is allowed
    assert not form.messages["nps"].isVisible()


def test_ctrl_enter_saves_the_visit_with_its_measurement_and_starts_the_next(qtbot, form, small_project):
    type_text(qtbot, form.shopper, "王芳")
    type_text(qtbot, form.scenario, "晚间来电")
    qtbot.keyClicks(form.transcript, "Nobody called back for two hours.")
    qtbot.keyClicks(form.measurements.fields["callback_time"], "2 h")
    assert "→ 120 min" in form.measurements.hints["callback_time"].text()
    qtbot.keyClicks(form.scores["rating_responsiveness"], "1")
    qtbot.keyClicks(form.scores["nps"], "2")
    qtbot.waitUntil(lambda: len(drafts_in(small_project)) == 1, timeout=1500)
    with qtbot.wait_signal(form.saved) as saved:
        ctrl_enter(qtbot, form.transcript)
    key = saved.args[0]
    assert query(small_project, f"SELECT touchpoint, shopper, scenario, transcript, rating_responsiveness, nps, "
                                f"rating_empathy FROM observations WHERE key = '{key}'") == [
        ("hotline", "王芳", "晚间来电", "Nobody called back for two hours.", 1, 2, None)]
    assert query(small_project, f"SELECT metric, value, unit, raw FROM measurements WHERE observation = '{key}'") == [
        ("callback_time", 2.0, "h", "2 h")]
    assert drafts_in(small_project) == []
    # The next visit: same touchpoint and shopper, the rest empty, and no draft for it yet.
    assert (form.touchpoint.currentData(), form.shopper.text()) == ("hotline", "王芳")
    assert form.transcript.toPlainText() == form.scenario.text() == form.scores["nps"].text() == ""
    assert form.measurements.fields["callback_time"].text() == ""
    qtbot.wait(1200)
    assert drafts_in(small_project) == []


def test_tab_goes_from_the_transcript_to_the_script_then_the_measurements_and_ratings(qtbot, form):
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    form.transcript.setFocus()
    lines = list(form.checklist.choices.values())
    stops = []
    for _ in range(len(lines) + 3):
        qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Tab)
        stops.append(form.focusWidget())
    assert stops == [*lines, form.measurements.fields["callback_time"], form.scores["rating_tangibles"],
                     form.scores["rating_reliability"]]
    form.scores["ces"].setFocus()
    qtbot.keyClick(form.scores["ces"], Qt.Key.Key_Tab)
    assert form.focusWidget() is form.attachments.add_button  # photos and audio, then save
    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Tab)
    assert form.focusWidget() is form.save_button


def test_a_draft_is_restored_and_typing_goes_on_in_it(qtbot, project, small_project):
    draft_id = save_draft(project, {"touchpoint": "web", "observed_at": "2026-11-04 10:15", "shopper": "Li Wei",
                                    "transcript": "Chat answered", "nps": "12",
                                    "measurements": {"callback_time": "90 分钟"}})
    (draft,) = pending_drafts(project)
    assert "web · 2026-11-04 10:15 — Chat answered" in describe_draft(draft)
    form = EntryForm(project, draft)
    qtbot.add_widget(form)
    assert form.touchpoint.currentData() == "web"
    assert form.observed_at.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-11-04 10:15"
    assert form.transcript.toPlainText() == "Chat answered"
    assert form.messages["nps"].text() == "'12' is not an NPS score from 0 to 10"
    assert form.measurements.fields["callback_time"].text() == "90 分钟"  # not a web metric, but typed: kept
    qtbot.keyClicks(form.transcript, " in a minute.")
    form.flush()
    assert [d.id for d in pending_drafts(project)] == [draft_id]
    assert drafts_in(small_project)[0]["transcript"] == "Chat answered in a minute."
    form.close()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_the_draft_survives_a_killed_process_and_is_offered_back(qtbot, small_project):
    text = "客服说15分钟内回电，结果没有 nobody called"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    child = subprocess.Popen([sys.executable, str(Path(__file__).with_name("entry_form_child.py")),
                              str(small_project), text],
                             cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        ready, _, _ = select.select([child.stdout], [], [], 30)  # a broken autosave fails, not hangs
        assert ready, "the child wrote no draft within 30 s"
        line = child.stdout.readline()  # "draft <id>" once the autosave has written it
        assert line.startswith("draft "), f"the child said {line!r}"
        os.kill(child.pid, signal.SIGKILL)  # no close event, no checkpoint, nothing flushed
        assert child.wait(timeout=10) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    with Project.open(small_project) as project:  # the next start of the app
        (draft,) = pending_drafts(project)
        assert draft.id == int(line.split()[1])
        assert draft.data["transcript"] == text and draft.data["touchpoint"] == "hotline"
        form = EntryForm(project, draft)
        qtbot.add_widget(form)
        assert form.transcript.toPlainText() == text
        assert form.draft_id == draft.id
        form.close()


def test_the_main_window_opens_the_form_and_offers_unsaved_drafts_back(qtbot, sample_project, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from auditor.drafts import load_drafts, save_draft
    from ui.main_window import MainWindow

    with Project.open(sample_project) as project:
        save_draft(project, {"touchpoint": "hotline", "transcript": "Typed before the laptop died"})
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kwargs: asked.append(args[2]) or QMessageBox.StandardButton.Yes)
    window = MainWindow()
    qtbot.add_widget(window)
    assert window.open_project(sample_project)
    qtbot.waitUntil(lambda: len(window.entry_forms) == 1, timeout=3000)
    assert "Typed before the laptop died" in asked[0]
    form = window.entry_forms[0]
    assert "Typed before the laptop died" in form.data()["transcript"]
    window.close_project()  # the form is flushed and closed before its project
    assert window.entry_forms == []
    with Project.open(sample_project) as project:
        assert len(load_drafts(project)) == 1  # still there for next time


def test_the_script_checklist_is_saved_with_the_visit_and_kept_in_the_draft(qtbot, sample_project):
    from auditor.drafts import load_drafts

    with Project.open(sample_project) as project:
        form = EntryForm(project)
        qtbot.add_widget(form)
        form.touchpoint.setCurrentIndex(form.touchpoint.findData("hotline"))
        assert {"S-06", "S-07"} <= set(form.checklist.choices)
        assert "S-14" not in form.checklist.choices  # a chat line
        choice = form.checklist.choices["S-06"]
        choice.setCurrentIndex(choice.findData("not_said"))
        form.write_draft()
        assert load_drafts(project)[0].data["script_answers"] == {"S-06": "not_said"}
        restored = EntryForm(project, load_drafts(project)[0])
        qtbot.add_widget(restored)
        assert restored.checklist.values() == {"S-06": "not_said"}
        restored.transcript.setPlainText("Nobody greeted me.")
        key = restored.save_visit()
        assert key and project.db.execute("SELECT answer FROM script_answers WHERE observation = ? AND "
                                          "script_line = 'S-06'", [key]).fetchone() == ("not_said",)
        assert restored.checklist.values() == {}  # the next visit starts blank


def test_a_photo_added_to_a_visit_is_filed_with_it_on_saving(qtbot, sample_project, tmp_path, monkeypatch):
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QFileDialog

    from auditor.attachments import attachment_folder, list_attachments
    from auditor.drafts import load_drafts

    photo = tmp_path / "门店外观.png"
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(0x336699)
    assert image.save(str(photo))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([str(photo)], ""))
    with Project.open(sample_project) as project:
        form = EntryForm(project)
        qtbot.add_widget(form)
        form.touchpoint.setCurrentIndex(form.touchpoint.findData("sh-jingan"))
        form.attachments.add_files()
        assert load_drafts(project)[0].data["attachments"][0]["original"] == "门店外观.png"  # in the draft at once
        form.transcript.setPlainText("Store front photographed.")
        key = form.save_visit()
        (attached,) = list_attachments(project, key)
        assert attached.kind == "photo" and (attachment_folder(project) / attached.path).read_bytes() == \
            photo.read_bytes()
        assert not any((attachment_folder(project) / "pending").iterdir())  # the pending copy is gone
        assert form.attachments.items() == []


def test_the_checklist_shows_only_the_lines_of_the_visits_scenario(qtbot, sample_project):
    with Project.open(sample_project) as project:
        with project.transaction() as db:
            db.execute("UPDATE script_lines SET scenarios = '[\"callback\", \"回电\"]' WHERE key = 'S-07'")
        form = EntryForm(project)
        qtbot.add_widget(form)
        form.touchpoint.setCurrentIndex(form.touchpoint.findData("hotline"))
        assert "S-07" not in form.checklist.choices and "S-06" in form.checklist.choices  # no scenario yet
        form.scenario.setText("Callback request 要求回电")
        form.scenario.editingFinished.emit()
        assert {"S-06", "S-07"} <= set(form.checklist.choices)
        form.checklist.choices["S-07"].setCurrentIndex(form.checklist.choices["S-07"].findData("said"))
        form.scenario.setText("Installation booking")
        form.scenario.editingFinished.emit()
        assert "S-07" not in form.checklist.choices and "S-07" not in form.checklist.values()  # not saved with it
