"""The settings dialog on a real project file: what OK saves, what it refuses, and the
app's language kept in the app's own settings."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from auditor.errors import AuditorError
from auditor.project_settings import load_settings, synonyms_from_text
from auditor.store import Project
from ui import settings as app_settings
from ui.settings_dialog import SettingsDialog


@pytest.fixture
def dialog(qtbot, sample_project):
    project = Project.open(sample_project)
    shown = SettingsDialog(project)
    qtbot.add_widget(shown)
    yield shown
    project.close()


def _ok(dialog: SettingsDialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_ok_saves_thresholds_expectations_staff_and_language(dialog, sample_project):
    dialog.match.setValue(90)
    dialog.review.setValue(65)
    dialog.expectations["empathy"].setValue(4.5)
    dialog.staff.setPlainText("小王\n  \nKevin Lau\n")
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    dialog.accept()
    with Project.open(sample_project) as project:
        stored = load_settings(project)
    assert (stored.match_threshold, stored.review_threshold) == (90, 65)
    assert stored.servqual_expectations["empathy"] == 4.5 and stored.servqual_expectations["tangibles"] == 4.0
    assert stored.staff_names == ["小王", "Kevin Lau"]
    assert app_settings.language() == "zh"


def test_a_review_threshold_above_the_match_threshold_is_refused_as_typed(dialog, sample_project):
    dialog.review.setValue(95)
    assert not _ok(dialog).isEnabled()
    assert "must not be above the match threshold" in dialog.problem.text()
    dialog.review.setValue(70)
    assert _ok(dialog).isEnabled() and not dialog.problem.isVisible()


def test_edited_synonyms_are_saved_and_a_one_phrase_line_is_named(dialog, sample_project):
    dialog.synonyms.setPlainText("24/7 | around the clock | 全天候\nrobot\n")
    assert not _ok(dialog).isEnabled() and "line 2" in dialog.problem.text()
    dialog.synonyms.setPlainText("24/7 | around the clock | 全天候\nrobot | 机器人 | bot\n")
    assert _ok(dialog).isEnabled()
    dialog.accept()
    with Project.open(sample_project) as project:
        assert load_settings(project).synonyms == [["24/7", "around the clock", "全天候"], ["robot", "机器人", "bot"]]


def test_restoring_the_default_synonyms_removes_the_projects_own_list(qtbot, sample_project):
    with Project.open(sample_project) as project:
        project.set_setting("synonyms", [["a", "b"]])
        shown = SettingsDialog(project)
        qtbot.add_widget(shown)
        assert shown.synonyms.toPlainText() == "a | b"
        shown.restore_synonyms.click()
        assert "around the clock" in shown.synonyms.toPlainText()
        shown.accept()
        assert project.get_setting("synonyms") is None
        assert load_settings(project).synonyms is None


def test_synonym_text_round_trip_and_errors():
    assert synonyms_from_text(" a | b \n\n c|d|e ") == [["a", "b"], ["c", "d", "e"]]
    with pytest.raises(AuditorError, match="line 1"):
        synonyms_from_text("only")


def test_the_main_window_offers_settings_only_with_a_project_open(window, sample_project, monkeypatch):
    assert not window.action_settings.isEnabled()
    assert window.open_project(sample_project)
    assert window.action_settings.isEnabled()
    shown = []
    monkeypatch.setattr(SettingsDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    window.action_settings.trigger()
    assert len(shown) == 1 and shown[0].project is window.project


def test_the_brand_name_is_saved_with_the_project_settings_and_names_the_report(dialog, sample_project, tmp_path):
    from docx import Document

    from auditor.audit import run_audit
    from auditor.report.build import build_report

    assert dialog.brand.text() == "Aurelia Home 奥瑞莉亚家居"  # the sample's own
    assert dialog.brand.placeholderText() == "Sample"  # what an empty field means: the file's name
    dialog.brand.setText("  Lumen Hotels ")
    dialog.staff.setPlainText("Kevin Lau")
    dialog.accept()
    with Project.open(sample_project) as project:
        stored = load_settings(project)
        assert (stored.brand_name, stored.staff_names) == ("Lumen Hotels", ["Kevin Lau"])
        run_audit(project)
        out = build_report(project, tmp_path / "report.docx")
    document = Document(str(out))
    assert document.paragraphs[0].text == "Lumen Hotels" and "Lumen Hotels" in document.core_properties.title


def test_an_emptied_brand_name_gives_way_to_the_file_name(dialog, sample_project):
    dialog.brand.clear()
    dialog.accept()
    with Project.open(sample_project) as project:
        assert project.get_setting("brand_name") is None and load_settings(project).brand_name == ""
