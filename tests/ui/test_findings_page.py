"""The Findings page over the audited sample: filters, evidence highlight, decisions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from auditor.audit import run_audit
from auditor.findings import load_findings
from auditor.store import Project
from ui.findings_model import FindingFilter, FindingsModel
from ui.findings_page import HIGHLIGHT, FindingsPage


@pytest.fixture(autouse=True)
def _reviewer_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reviewer gave their name before (tests/ui/test_reviewer_name.py asks for it);
    a question asked anyway fails the test instead of waiting for an answer."""
    from PySide6.QtWidgets import QInputDialog

    from ui import settings

    settings.set_reviewer_name("Chen Jing")

    def unexpected(*args: object, **kwargs: object) -> tuple[str, bool]:
        raise AssertionError("the reviewer's name was asked again")

    monkeypatch.setattr(QInputDialog, "getText", unexpected)


@pytest.fixture
def project(sample_project: Path) -> Iterator[Project]:
    with Project.open(sample_project) as opened:
        run_audit(opened, workers=1)
        yield opened


@pytest.fixture
def page(qtbot: QtBot, project: Project) -> FindingsPage:
    shown = FindingsPage()
    qtbot.add_widget(shown)
    shown.resize(1200, 800)
    shown.set_project(project)
    shown.show()
    return shown


def reviews(project: Project) -> dict[str, tuple[str, str | None]]:
    return {row["fingerprint"]: (row["status"], row["note"]) for row in project.db.query("SELECT * FROM reviews")}


def shown_ids(page: FindingsPage) -> list[str]:
    return [page.model.finding(row).id for row in range(page.model.rowCount())]


def highlighted(document: QTextDocument) -> str:
    """The characters of ``document`` with the evidence background."""
    marked = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().background().color() == HIGHLIGHT:
                marked.append(fragment.text())
            fragments += 1
        block = block.next()
    return "\n".join(marked)


def test_the_model_passes_qt_model_tester(page: FindingsPage, qtmodeltester):
    assert page.model.rowCount() == len(load_findings(page._project))
    qtmodeltester.check(page.model)
    model = FindingsModel()
    model.set_findings(load_findings(page._project))
    model.set_filter(FindingFilter(kind="broken_promise"))
    model.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_decisions_are_stored_at_once_and_survive_a_rerun(page: FindingsPage, project: Project, qtbot: QtBot):
    first, second = page.model.finding(0), page.model.finding(1)
    page.select_finding(first.id)
    page.detail.note.setText("checked the recording")
    with qtbot.waitSignal(page.decided):
        qtbot.mouseClick(page.detail.confirm_button, Qt.MouseButton.LeftButton)
    assert reviews(project)[first.id] == ("confirmed", "checked the recording")
    assert project.db.execute("SELECT reviewer FROM reviews WHERE fingerprint = ?", [first.id]).fetchone()[0] \
        == "Chen Jing"
    assert page.current_finding().id == second.id  # moved on
    page.detail.note.clear()
    qtbot.mouseClick(page.detail.dismiss_button, Qt.MouseButton.LeftButton)
    assert reviews(project)[second.id] == ("dismissed", None)
    assert second.id not in shown_ids(page)

    run_audit(project, workers=1)
    page.refresh()
    assert page._shown_run == 2
    assert reviews(project)[first.id][0] == "confirmed"
    assert page.model.finding(page.model.row_of(first.id)).status == "confirmed"
    assert second.id not in shown_ids(page)  # still dismissed after the re-run

    page.status_filter.setCurrentIndex(page.status_filter.findData("dismissed"))
    assert shown_ids(page) == [second.id]
    qtbot.mouseClick(page.detail.reopen_button, Qt.MouseButton.LeftButton)
    assert second.id not in reviews(project)
    assert page.model.rowCount() == 0  # no longer dismissed
    page.status_filter.setCurrentIndex(0)
    assert page.model.finding(page.model.row_of(second.id)).status == "new"


def test_keyboard_review(page: FindingsPage, project: Project, qtbot: QtBot):
    ids = shown_ids(page)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_C)
    assert reviews(project)[ids[0]][0] == "confirmed"
    assert page.current_finding().id == ids[1]
    qtbot.keyClick(page.view, Qt.Key.Key_J)
    assert page.current_finding().id == ids[2]
    qtbot.keyClick(page.view, Qt.Key.Key_D)
    assert reviews(project)[ids[2]][0] == "dismissed"
    assert ids[2] not in shown_ids(page)
    assert page.current_finding().id == ids[3]
    qtbot.keyClick(page.view, Qt.Key.Key_K)
    qtbot.keyClick(page.view, Qt.Key.Key_K)
    assert page.current_finding().id == ids[0]
    qtbot.keyClick(page.view, Qt.Key.Key_R)
    assert ids[0] not in reviews(project)
    assert page.current_finding().id == ids[1]
    qtbot.keyClick(page.view, Qt.Key.Key_Down)
    assert page.current_finding().id == ids[3]  # ids[2] is dismissed, so hidden


def test_typing_a_note_does_not_decide(page: FindingsPage, project: Project, qtbot: QtBot):
    qtbot.keyClick(page.view, Qt.Key.Key_N)
    assert page.detail.note.hasFocus() or page.focusWidget() is page.detail.note
    qtbot.keyClicks(page.detail.note, "dd cc")
    qtbot.keyClick(page.detail.note, Qt.Key.Key_Return)
    assert reviews(project) == {}
    assert page.detail.note.text() == "dd cc"


def test_bulk_dismiss(page: FindingsPage, project: Project, qtbot: QtBot):
    ids = shown_ids(page)
    selection = page.view.selectionModel()
    selection.clearSelection()
    for row in (1, 2, 4):
        selection.select(page.model.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    qtbot.mouseClick(page.detail.dismiss_button, Qt.MouseButton.LeftButton)
    assert reviews(project) == {ids[row]: ("dismissed", None) for row in (1, 2, 4)}
    assert shown_ids(page) == [ids[0], ids[3], *ids[5:]]
    assert page.current_finding().id == ids[5]


@pytest.mark.parametrize("kind", ["broken_promise", "forbidden_phrase", "inconsistent_claim"])
def test_the_evidence_is_highlighted_in_the_source_text(page: FindingsPage, kind: str):
    finding = next(f for f in load_findings(page._project, kind=kind) if f.evidence)
    assert page.select_finding(finding.id)
    document = page.detail.observed.text.document()
    assert highlighted(document) == finding.evidence.text
    assert highlighted(page.detail.promised.text.document()) == ""
    if kind == "inconsistent_claim":
        line = page._project.db.execute("SELECT text FROM script_lines WHERE key = ?",
                                        [finding.script_line]).fetchone()[0]
        assert document.toPlainText() == line
    else:
        transcript = page._project.db.execute("SELECT transcript FROM observations WHERE key = ?",
                                              [finding.observation]).fetchone()[0]
        assert document.toPlainText() == transcript


def test_each_finding_shows_only_its_own_highlight(page: FindingsPage):
    first, second = [f for f in load_findings(page._project, kind="broken_promise") if f.evidence][:2]
    for finding in (first, second, first):
        page.select_finding(finding.id)
        assert highlighted(page.detail.observed.text.document()) == finding.evidence.text


def test_filter_to_a_promise(page: FindingsPage):
    page.text_filter.setText("hotline")
    page.filter_to(promise="P-24H")
    promised = [f for f in load_findings(page._project) if f.promise == "P-24H"]
    assert page.model.rowCount() == len(promised) == 9
    assert {page.model.finding(row).promise for row in range(page.model.rowCount())} == {"P-24H"}
    assert page.text_filter.text() == ""
    page.filter_to(promise="P-24H", touchpoint="chat")
    assert page.model.rowCount() == sum(1 for f in promised if f.touchpoint == "chat") > 0
    page.filter_to(promise="P-NOT-IN-RUN")
    assert page.model.rowCount() == 0
    page.filter_to()
    assert page.model.rowCount() == len(load_findings(page._project))


def test_dismissed_findings_are_hidden_unless_asked_for(page: FindingsPage, qtbot: QtBot):
    total = page.model.rowCount()
    dismissed = page.current_finding().id
    page.decide("dismissed")
    assert page.model.rowCount() == total - 1 and dismissed not in shown_ids(page)
    page.refresh()
    assert dismissed not in shown_ids(page)
    page.status_filter.setCurrentIndex(page.status_filter.findData("*"))
    assert page.model.rowCount() == total
    page.status_filter.setCurrentIndex(page.status_filter.findData("dismissed"))
    assert shown_ids(page) == [dismissed]


def test_text_and_kind_filters(page: FindingsPage, qtbot: QtBot):
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("forbidden_phrase"))
    assert {page.model.finding(row).kind for row in range(page.model.rowCount())} == {"forbidden_phrase"}
    page.text_filter.setText("not my problem")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.current_finding().script_line == "S-14"
    page.verdict_filter.setCurrentIndex(page.verdict_filter.findData("review"))
    assert page.model.rowCount() == 0
    assert page.detail.isEnabled() is False


def test_a_project_without_an_audit_shows_a_hint(qtbot: QtBot, sample_project: Path):
    shown = FindingsPage()
    qtbot.add_widget(shown)
    with Project.open(sample_project) as unaudited:
        shown.set_project(unaudited)
        assert shown.stack.currentWidget() is shown.hint
        assert "audit" in shown.hint.text().lower()
    shown.set_project(None)
    assert shown.model.rowCount() == 0
