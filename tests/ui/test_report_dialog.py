"""The report dialog builds a real .docx in the background and opens it; a bad template is
one sentence and no file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from auditor.audit import run_audit
from auditor.store import Project
from ui import report_dialog
from ui.report_dialog import ReportDialog, default_report_path


@pytest.fixture
def audited_project(sample_project: Path) -> Path:
    with Project.open(sample_project) as project:
        run_audit(project, period_to="2026-09-30")
        run_audit(project)
    return sample_project


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Documents the dialog asked the system to open, instead of opening them."""
    paths: list[Path] = []
    monkeypatch.setattr(report_dialog, "open_document", paths.append)
    return paths


def _dialog(qtbot: QtBot, path: Path) -> ReportDialog:
    dialog = ReportDialog(path)
    qtbot.add_widget(dialog)
    dialog.show()
    return dialog


def test_the_dialog_builds_the_chosen_run_and_opens_it(qtbot, audited_project, tmp_path, opened, warnings_shown):
    dialog = _dialog(qtbot, audited_project)
    assert [dialog.run.itemData(i) for i in range(dialog.run.count())] == [2, 1]
    assert dialog.run.currentData() == 2  # the latest by default
    assert dialog.out.text() == str(tmp_path / f"sample audit {date.today().isoformat()}.docx")
    dialog.run.setCurrentIndex(dialog.run.findData(1))
    dialog.redact.setChecked(True)
    out = tmp_path / "reports" / "september"
    out.parent.mkdir()
    dialog.out.setText(str(out))  # no extension: .docx is added
    with qtbot.wait_signal(dialog.build_button.clicked, timeout=1000):
        qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    qtbot.wait_until(lambda: opened != [], timeout=60000)
    written = out.with_suffix(".docx")
    assert opened == [written] and dialog.written == written
    text = "\n".join(paragraph.text for paragraph in docx.Document(str(written)).paragraphs)
    assert "Audit run 1 of" in text and "to 30 Sep 2026" in text  # run 1, not the latest
    assert sorted(p.name for p in written.parent.iterdir()) == ["september.docx"]  # no building leftovers
    assert dialog.status.text() == f"The report was saved as {written}."
    qtbot.wait_until(lambda: dialog.build_button.isEnabled(), timeout=5000)
    assert warnings_shown == []


def test_the_opener_can_be_given(qtbot, audited_project, tmp_path):
    chosen: list[Path] = []
    dialog = ReportDialog(audited_project, opener=chosen.append)
    qtbot.add_widget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    dialog.out.setText(str(tmp_path / "报告.docx"))
    task = dialog.build()
    # Until the task is gone: its deferred deletion must not outlive the test (see the report).
    with qtbot.wait_signal(task.destroyed, timeout=60000):
        pass
    assert chosen == [tmp_path / "报告.docx"]
    assert docx.Document(str(chosen[0])).core_properties.language == "zh-CN"


def test_a_bad_template_is_one_sentence_and_writes_nothing(qtbot, audited_project, tmp_path, opened,
                                                           warnings_shown):
    template = tmp_path / "letterhead.docx"
    template.write_text("not a Word file", encoding="utf-8")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    dialog = _dialog(qtbot, audited_project)
    dialog.template.setText(str(template))
    dialog.out.setText(str(out_dir / "report.docx"))
    task = dialog.build()
    # Until the task is gone: its deferred deletion must not outlive the test (see the report).
    with qtbot.wait_signal(task.destroyed, timeout=60000):
        pass
    assert dialog.status.text() == (f"The template '{template}' is not a Word document or template (.docx, .dotx); "
                                    "save it from Word in that format and try again.")
    assert warnings_shown == []  # the sentence is in the dialog, not in a message box on top
    assert list(out_dir.iterdir()) == [] and opened == []
    assert dialog.build_button.isEnabled()


def test_the_file_pickers_fill_the_fields(qtbot, audited_project, tmp_path, monkeypatch):
    dialog = _dialog(qtbot, audited_project)
    asked: list[str] = []

    def save_name(parent, caption, start, filters):
        asked.append(start)
        return str(tmp_path / "chosen"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(tmp_path / "brand.dotx"), ""))
    qtbot.mouseClick(dialog.out_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.template_button, Qt.MouseButton.LeftButton)
    assert asked == [str(default_report_path(audited_project))]
    assert dialog.out.text() == str(tmp_path / "chosen.docx")
    assert dialog.template.text() == str(tmp_path / "brand.dotx")


def test_a_taken_default_name_gets_a_number(tmp_path):
    project = tmp_path / "Aurelia.btaproj"
    (tmp_path / "Aurelia audit 2026-11-03.docx").write_bytes(b"")
    assert default_report_path(project, date(2026, 11, 3)) == tmp_path / "Aurelia audit 2026-11-03 (2).docx"


def test_without_runs_there_is_nothing_to_build(qtbot, empty_project):
    dialog = _dialog(qtbot, empty_project)
    assert dialog.run.count() == 0 and not dialog.build_button.isEnabled()
    assert dialog.status.text() == "There is no audit run to report on yet; run an audit first."


def test_the_suggested_name_follows_the_language_until_the_user_types_one(qtbot, audited_project, tmp_path):
    dialog = _dialog(qtbot, audited_project)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    today = date.today().isoformat()
    english = str(tmp_path / f"sample audit {today}.docx")
    assert dialog.out.text() == english
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    assert dialog.out.text() == str(tmp_path / f"sample 审计报告 {today}.docx")  # not the English report's name
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert dialog.out.text() == english
    dialog.out.setText(str(tmp_path / "board pack.docx"))
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    assert dialog.out.text() == str(tmp_path / "board pack.docx")  # the user's own name stays


def test_a_chinese_report_does_not_overwrite_the_english_one(qtbot, audited_project, tmp_path, opened, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *args: asked.append(text)
                        or QMessageBox.StandardButton.No)
    dialog = _dialog(qtbot, audited_project)
    written = []
    for lang in ("en", "zh"):
        dialog.language.setCurrentIndex(dialog.language.findData(lang))
        task = dialog.build()
        assert task is not None and asked == []  # never "… already exists. Replace it?"
        with qtbot.wait_signal(task.destroyed, timeout=60000):
            pass
        written.append(dialog.written)
    assert written[0] != written[1] and all(path.is_file() for path in written)
    assert [docx.Document(str(path)).core_properties.language for path in written] == ["en-GB", "zh-CN"]


def test_default_names_by_language(tmp_path):
    project = tmp_path / "Aurelia.btaproj"
    assert default_report_path(project, date(2026, 11, 3), "zh") == tmp_path / "Aurelia 审计报告 2026-11-03.docx"
    assert default_report_path(project, date(2026, 11, 3)) == tmp_path / "Aurelia audit 2026-11-03.docx"
