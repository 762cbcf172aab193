"""The import dialog: preview, column mapping, dry run, errors table and import, on real files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ui.import_dialog import ImportDialog

CHINESE_VISITS = (
    "编号,触点,时间,神秘顾客,记录,推荐意愿,测量:callback_time\n"
    "V-101,hotline,2026年11月6日 20:00,王芳,客服说十五分钟内回电，但是没有。,4,两个半小时\n"
    "V-102,web,2026/11/7 09:30,李伟,网站客服很快回复。,9,\n"
)


def _rows(project: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(project) as conn:
        return conn.execute(sql).fetchall()


def _observation_keys(project: Path) -> list[str]:
    return [key for (key,) in _rows(project, "SELECT key FROM observations ORDER BY key")]


@pytest.fixture
def open_dialog(qtbot: QtBot):
    def make(project: Path, kind: str, file: Path) -> ImportDialog:
        dialog = ImportDialog(project)
        qtbot.add_widget(dialog)
        dialog.show()
        dialog.set_kind(kind)
        dialog.set_file(file)
        return dialog

    return make


def _press(qtbot: QtBot, dialog: ImportDialog, button) -> None:
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.wait_until(lambda: dialog.task is None, timeout=10000)


def test_a_gb18030_file_with_chinese_headers_is_previewed_checked_and_imported(
        qtbot, open_dialog, small_project, tmp_path, warnings_shown):
    source = tmp_path / "走访记录.csv"
    source.write_bytes(CHINESE_VISITS.encode("gb18030"))
    dialog = open_dialog(small_project, "observations", source)

    assert "Encoding: gb18030 (detected)" in dialog.detected.text()
    assert "Delimiter: comma" in dialog.detected.text()
    assert [dialog.rows.horizontalHeaderItem(i).text() for i in range(3)] == ["编号", "触点", "时间"]
    assert dialog.rows.rowCount() == 2 and dialog.rows.item(1, 3).text() == "李伟"
    assert dialog.columns() == {"编号": "key", "触点": "touchpoint", "时间": "observed_at", "神秘顾客": "shopper",
                                "记录": "transcript", "推荐意愿": "nps", "测量:callback_time": "measure:callback_time"}
    assert not dialog.import_button.isEnabled()  # only after a check

    _press(qtbot, dialog, dialog.check_button)
    assert "add 2 new, update 0 and leave 0 unchanged" in dialog.summary.text()
    assert _observation_keys(small_project) == ["V-001", "V-002", "V-003"]  # the dry run wrote nothing

    with qtbot.wait_signal(dialog.imported, timeout=10000) as imported:
        _press(qtbot, dialog, dialog.import_button)
    assert (imported.args[0].new, imported.args[0].updated) == (2, 0)
    assert _observation_keys(small_project) == ["V-001", "V-002", "V-003", "V-101", "V-102"]
    assert _rows(small_project, "SELECT shopper, transcript, nps FROM observations WHERE key = 'V-101'") == [
        ("王芳", "客服说十五分钟内回电，但是没有。", 4)]
    assert _rows(small_project, "SELECT metric, value, unit FROM measurements WHERE observation = 'V-101'") == [
        ("callback_time", 2.5, "h")]
    assert warnings_shown == []


def test_an_invalid_file_lists_every_problem_and_writes_nothing(qtbot, open_dialog, small_project, tmp_path):
    source = tmp_path / "visits.csv"
    source.write_text("编号,触点,时间,推荐意愿\n"
                      "V-201,hotline,2026-11-06 20:00,8\n"  # fine on its own
                      "V-202,nowhere,2026-11-06 21:00,7\n"
                      "V-203,web,2026-02-30,11\n", encoding="utf-8")
    dialog = open_dialog(small_project, "observations", source)
    assert "Encoding: utf-8 (detected)" in dialog.detected.text()

    _press(qtbot, dialog, dialog.check_button)
    assert dialog.outcome.currentIndex() == 1
    listed = [tuple(dialog.problems.item(row, column).text() for column in range(3))
              for row in range(dialog.problems.rowCount())]
    assert [(row, column) for row, column, _ in listed] == [("3", "触点"), ("4", "时间"), ("4", "推荐意愿")]
    assert "touchpoint 'nowhere' does not exist" in listed[0][2]
    assert "'2026-02-30' is not a real date" in listed[1][2]
    assert dialog.problems_label.text().startswith("3 problems; nothing was imported.")
    assert not dialog.import_button.isEnabled()
    assert _observation_keys(small_project) == ["V-001", "V-002", "V-003"]


def test_a_column_remapped_by_hand_imports_into_the_chosen_field(qtbot, open_dialog, small_project, tmp_path):
    source = tmp_path / "agency.csv"
    source.write_text("key,touchpoint,observed_at,Visit notes\n"
                      "V-301,web,2026-11-08 11:00,Asked about returns; answered in a minute.\n", encoding="utf-8")
    dialog = open_dialog(small_project, "observations", source)
    assert dialog.columns()["Visit notes"] == ""  # an unknown header is not imported unless chosen

    _press(qtbot, dialog, dialog.check_button)
    assert "Columns not imported: Visit notes" in dialog.summary.text()
    dialog.set_column("Visit notes", "transcript")
    assert not dialog.import_button.isEnabled()  # the check was for the old mapping
    _press(qtbot, dialog, dialog.check_button)
    with qtbot.wait_signal(dialog.imported, timeout=10000):
        _press(qtbot, dialog, dialog.import_button)
    assert _rows(small_project, "SELECT transcript FROM observations WHERE key = 'V-301'") == [
        ("Asked about returns; answered in a minute.",)]


def test_a_file_in_the_wrong_encoding_says_so_and_offers_no_check(qtbot, open_dialog, small_project, tmp_path):
    source = tmp_path / "visits.csv"
    source.write_bytes(CHINESE_VISITS.encode("gb18030"))
    dialog = open_dialog(small_project, "observations", source)
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("utf-8"))
    assert dialog.outcome.currentIndex() == 1
    assert "not valid utf-8 text" in dialog.problems.item(0, 2).text()
    assert not dialog.check_button.isEnabled() and not dialog.import_button.isEnabled()
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("gb18030"))
    assert dialog.detected.text().startswith("Encoding: gb18030   ·")
    assert dialog.check_button.isEnabled()


def _combo(dialog: ImportDialog, header: str):
    row = next(row for row in range(dialog.mapping.rowCount()) if dialog.mapping.item(row, 0).text() == header)
    return dialog.mapping.cellWidget(row, 1)


def _pick(dialog: ImportDialog, header: str, field: str) -> None:
    """Choose ``field`` for ``header`` in the mapping, as a click in its list does."""
    combo = _combo(dialog, header)
    index = combo.findData(field)
    assert index >= 0, [combo.itemText(i) for i in range(combo.count())]
    combo.setCurrentIndex(index)


def _import(qtbot: QtBot, dialog: ImportDialog) -> None:
    _press(qtbot, dialog, dialog.check_button)
    assert dialog.import_button.isEnabled(), dialog.problems_label.text() or dialog.summary.text()
    with qtbot.wait_signal(dialog.imported, timeout=10000):
        _press(qtbot, dialog, dialog.import_button)


AGENCY_VISITS = ("key,touchpoint,observed_at,Visit notes,Callback (agency),Queue\n"
                 "V-401,hotline,2026-11-09 10:00,Rang back the next day.,20 min,12\n")


def test_a_column_is_imported_as_a_measurement_of_a_project_metric(qtbot, open_dialog, small_project, tmp_path):
    source = tmp_path / "agency.csv"
    source.write_text(AGENCY_VISITS, encoding="utf-8")
    dialog = open_dialog(small_project, "observations", source)
    offered = dialog.choices("Callback (agency)")
    assert ("measure: callback_time", "measure:callback_time") in offered  # the promise P-CALLBACK's metric
    assert offered[-1][0] == "Another measurement…"
    assert dialog.columns()["Callback (agency)"] == ""

    _pick(dialog, "Callback (agency)", "measure:callback_time")
    assert dialog.columns()["Callback (agency)"] == "measure:callback_time"
    _import(qtbot, dialog)
    assert _rows(small_project, "SELECT metric, value, unit FROM measurements WHERE observation = 'V-401'") == [
        ("callback_time", 20.0, "min")]


def test_a_new_metric_typed_by_the_person_is_imported_as_its_measurement(qtbot, open_dialog, small_project,
                                                                          tmp_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from ui.import_dialog import NEW_MEASURE

    source = tmp_path / "agency.csv"
    source.write_text(AGENCY_VISITS, encoding="utf-8")
    dialog = open_dialog(small_project, "observations", source)
    answers = [("", False), ("  queue_wait ", True)]
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: answers.pop(0))
    _pick(dialog, "Queue", "nps")
    _pick(dialog, "Queue", NEW_MEASURE)  # cancelled: the previous choice stays
    assert dialog.columns()["Queue"] == "nps" and _combo(dialog, "Queue").currentText() == "nps"
    _pick(dialog, "Queue", NEW_MEASURE)
    assert dialog.columns()["Queue"] == "measure:queue_wait"
    assert _combo(dialog, "Queue").currentText() == "measure: queue_wait"
    assert answers == []
    _import(qtbot, dialog)
    assert _rows(small_project, "SELECT metric, value FROM measurements WHERE observation = 'V-401'") == [
        ("queue_wait", 12.0)]


def test_the_mapping_chosen_is_remembered_for_the_next_file_with_the_same_headers(
        qtbot, open_dialog, small_project, tmp_path, _isolated_user_folders):
    from ui import settings

    first = tmp_path / "week1.csv"
    first.write_text(AGENCY_VISITS, encoding="utf-8")
    dialog = open_dialog(small_project, "observations", first)
    assert dialog.mapping_note.isHidden()
    _pick(dialog, "Visit notes", "transcript")
    _pick(dialog, "Callback (agency)", "measure:callback_time")
    _pick(dialog, "Queue", "")
    _import(qtbot, dialog)
    dialog.close()
    assert Path(settings.app_settings().fileName()).is_relative_to(_isolated_user_folders)

    # next week's file: the same columns in another order, other rows
    second = tmp_path / "week2.csv"
    second.write_text("Queue,Callback (agency),key,observed_at,touchpoint,Visit notes\n"
                      "3,45 min,V-402,2026-11-16 10:00,hotline,Called back after 45 minutes.\n", encoding="utf-8")
    again = open_dialog(small_project, "observations", second)
    assert again.columns() == {"Queue": "", "Callback (agency)": "measure:callback_time", "key": "key",
                               "observed_at": "observed_at", "touchpoint": "touchpoint",
                               "Visit notes": "transcript"}
    assert not again.mapping_note.isHidden()
    _import(qtbot, again)
    assert _rows(small_project, "SELECT transcript FROM observations WHERE key = 'V-402'") == [
        ("Called back after 45 minutes.",)]
    assert _rows(small_project, "SELECT metric, value FROM measurements WHERE observation = 'V-402'") == [
        ("callback_time", 45.0)]

    # other headers, or the same headers imported as another kind: matched by name as before
    other = tmp_path / "other.csv"
    other.write_text("key,touchpoint,observed_at,Visit notes\nV-403,web,2026-11-17 10:00,Fine.\n",
                     encoding="utf-8")
    fresh = open_dialog(small_project, "observations", other)
    assert fresh.columns()["Visit notes"] == "" and fresh.mapping_note.isHidden()
    fresh.set_file(second)
    assert fresh.columns()["Visit notes"] == "transcript"
    fresh.set_kind("touchpoints")
    assert fresh.columns()["Visit notes"] == "" and fresh.mapping_note.isHidden()
