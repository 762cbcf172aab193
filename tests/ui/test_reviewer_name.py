"""Who decides on a finding: asked once (the account's name offered), kept in the app's
settings, recorded with every decision, and changed in File › Settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from auditor.audit import run_audit
from auditor.store import Project
from ui import settings
from ui.findings_page import FindingsPage
from ui.settings_dialog import SettingsDialog


@pytest.fixture
def project(sample_project: Path) -> Iterator[Project]:
    with Project.open(sample_project) as opened:
        run_audit(opened, workers=1)
        yield opened


@pytest.fixture
def page(qtbot: QtBot, project: Project) -> FindingsPage:
    shown = FindingsPage()
    qtbot.add_widget(shown)
    shown.set_project(project)
    shown.show()
    return shown


class Questions(list):
    answers: list[tuple[str, bool]]


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch) -> Questions:
    """Every time the app asks for the name (what it offered); answers queued in ``.answers``."""
    asked_so_far = Questions()
    asked_so_far.answers = []

    def get_text(parent, title, label, echo=None, text="", *args, **kwargs):
        asked_so_far.append({"title": title, "label": label, "offered": text})
        return asked_so_far.answers.pop(0)

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    return asked_so_far


def reviewer_of(project: Project, finding_id: str) -> str | None:
    row = project.db.execute("SELECT reviewer FROM reviews WHERE fingerprint = ?", [finding_id]).fetchone()
    return None if row is None else row[0]


def test_the_first_decision_asks_the_name_once_and_it_is_recorded(page: FindingsPage, project: Project,
                                                                  questions: Questions,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "login_display_name", lambda: "Wang Fang (wangf)")
    assert settings.reviewer_name() is None
    first = page.current_finding()
    questions.answers.append(("  王芳 Wang Fang ", True))
    page.decide("confirmed")
    assert len(questions) == 1 and questions[0]["offered"] == "Wang Fang (wangf)"
    assert "File › Settings" in questions[0]["label"]
    assert reviewer_of(project, first.id) == "王芳 Wang Fang"
    assert settings.reviewer_name() == "王芳 Wang Fang"
    second = page.current_finding()
    page.decide("dismissed")
    assert len(questions) == 1  # not asked again
    assert reviewer_of(project, second.id) == "王芳 Wang Fang"
    assert page.model.finding(page.model.row_of(first.id)).reviewer == "王芳 Wang Fang"


def test_cancelling_the_question_decides_nothing(page: FindingsPage, project: Project,
                                                 questions: Questions) -> None:
    finding = page.current_finding()
    questions.answers += [("Li Wei", False), ("   ", True)]
    page.decide("confirmed")
    page.decide("dismissed")
    assert len(questions) == 2
    assert reviewer_of(project, finding.id) is None and project.db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0
    assert page.current_finding().id == finding.id and settings.reviewer_name() is None


def test_reopening_needs_no_name(page: FindingsPage, project: Project, questions: Questions) -> None:
    page.decide(None)
    assert questions == []


def test_the_name_is_changed_in_settings_and_used_from_then_on(qtbot: QtBot, page: FindingsPage, project: Project,
                                                               questions: Questions) -> None:
    settings.set_reviewer_name("Li Wei")
    dialog = SettingsDialog(project)
    qtbot.add_widget(dialog)
    assert dialog.reviewer.text() == "Li Wei"
    assert dialog.reviewer.placeholderText() == settings.login_display_name()
    dialog.reviewer.setText("Kevin Lau ")
    dialog.accept()
    assert settings.reviewer_name() == "Kevin Lau"
    finding = page.current_finding()
    page.decide("confirmed")
    assert reviewer_of(project, finding.id) == "Kevin Lau" and questions == []

    dialog = SettingsDialog(project)
    qtbot.add_widget(dialog)
    dialog.reviewer.clear()  # forgotten: the next decision asks again
    dialog.accept()
    assert settings.reviewer_name() is None
    questions.answers.append(("Zhang Yue", True))
    page.decide("dismissed")
    assert len(questions) == 1 and settings.reviewer_name() == "Zhang Yue"


def test_the_offered_name_is_the_accounts(monkeypatch: pytest.MonkeyPatch) -> None:
    import getpass

    monkeypatch.setattr(getpass, "getuser", lambda: "wangf")
    name = settings.login_display_name()
    assert name  # the account's full name where it has one, else the login
    if settings.sys.platform != "win32":
        import pwd

        monkeypatch.setattr(pwd, "getpwuid", lambda uid: type("Entry", (), {"pw_gecos": "Wang Fang,,,"})())
        assert settings.login_display_name() == "Wang Fang"
        monkeypatch.setattr(pwd, "getpwuid", lambda uid: type("Entry", (), {"pw_gecos": ""})())
        assert settings.login_display_name() == "wangf"
