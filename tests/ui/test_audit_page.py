"""The audit page: an audit run from the page is stored and listed, a cancelled one is not,
and two runs compare figure by figure."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from auditor.audit import run_audit
from auditor.store import Project
from ui import audit_page
from ui.audit_page import AuditPage, Change, compare_metrics


@pytest.fixture
def project(sample_project: Path) -> Iterator[Project]:
    with Project.open(sample_project) as opened:
        yield opened


@pytest.fixture
def page(qtbot: QtBot, project: Project) -> AuditPage:
    widget = AuditPage()
    qtbot.add_widget(widget)
    widget.resize(1100, 700)
    widget.show()
    widget.set_project(project)
    return widget


def _runs(path: Path) -> list[int]:
    with Project.open(path) as project:
        return [row[0] for row in project.db.execute("SELECT id FROM audit_runs ORDER BY id")]


def test_running_the_audit_stores_a_run_lists_it_and_emits_audited(qtbot, page, sample_project, warnings_shown):
    assert page.history.rowCount() == 0 and page.run_button.isEnabled()
    with qtbot.wait_signal(page.audited, timeout=30000) as audited:
        qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
        assert not page.run_button.isEnabled()  # one audit at a time
    [run_id] = _runs(sample_project)
    assert audited.args == [run_id]
    assert page.run_ids() == [run_id]
    row = [page.history.item(0, column).text() for column in range(page.history.columnCount())]
    assert row[0] == str(run_id) and row[2] == "All visits" and row[3] == "80"
    assert row[4] == "88.7" and row[5].endswith("%") and int(row[7]) > 0
    assert "Run 1 stored: 80 visits audited" in page.status.text()
    qtbot.wait_until(lambda: page.run_button.isEnabled(), timeout=5000)
    assert warnings_shown == []


def test_a_period_audits_only_its_visits(qtbot, page, sample_project):
    page.all_visits.setChecked(False)
    assert page.period_from.isEnabled()
    page.period_from.setDate(QDate(2026, 10, 1))
    page.period_to.setDate(QDate(2026, 10, 31))
    with qtbot.wait_signal(page.audited, timeout=30000):
        page.start_audit()
    with Project.open(sample_project) as project:
        period, metrics = project.db.execute(
            "SELECT period_from || '/' || period_to, json_extract(metrics, '$.counts.observations') FROM audit_runs"
        ).fetchone()
        in_october = project.db.execute(
            "SELECT count(*) FROM observations WHERE observed_at LIKE '2026-10-%'").fetchone()[0]
    assert period == "2026-10-01/2026-10-31" and metrics == in_october < 80
    assert page.history.item(0, 2).text() == "2026-10-01 – 2026-10-31"


def test_a_period_that_ends_before_it_starts_is_refused(page, sample_project):
    page.all_visits.setChecked(False)
    page.period_from.setDate(QDate(2026, 10, 31))
    page.period_to.setDate(QDate(2026, 10, 1))
    assert page.start_audit() is None
    assert "ends before it starts" in page.status.text()
    assert _runs(sample_project) == []


def test_cancelling_the_audit_stores_no_run(qtbot, page, sample_project, monkeypatch, warnings_shown):
    started, resume = threading.Event(), threading.Event()

    def held_audit(project, **kwargs):
        # Hold the audit at its first progress report until Cancel has been pressed, so the
        # cancel cannot arrive after the end by chance.
        progress = kwargs.pop("progress")

        def report(done, total=0):
            progress(done, total)
            started.set()
            resume.wait(10)

        return run_audit(project, progress=report, **kwargs)

    monkeypatch.setattr(audit_page, "run_audit", held_audit)
    emitted: list[int] = []
    page.audited.connect(emitted.append)
    task = page.start_audit()
    assert started.wait(10)
    dialog = task.progress_dialog
    with qtbot.wait_signal(task.finished, timeout=30000):
        dialog.reject()  # what Cancel, Escape and the close box do
        resume.set()
    assert _runs(sample_project) == [] and emitted == []
    assert page.history.rowCount() == 0
    assert page.status.text() == "The audit was cancelled; nothing was stored."
    assert warnings_shown == []
    qtbot.wait_until(lambda: page.run_button.isEnabled(), timeout=5000)


def test_comparing_two_runs_shows_what_got_better_and_worse(qtbot, page, project, sample_project):
    run_audit(project, period_to="2026-09-30")
    run_audit(project)
    page.refresh()
    assert page.run_ids() == [2, 1]
    assert page.comparison.isHidden() and "Select two runs" in page.comparison_summary.text()
    page.history.selectAll()
    assert page.comparison.isVisible()
    assert page.comparison.horizontalHeaderItem(2).text() == "Run 1"
    assert page.comparison.horizontalHeaderItem(3).text() == "Run 2"
    rows = {(page.comparison.item(row, 0).text(), page.comparison.item(row, 1).text()):
            [page.comparison.item(row, column).text() for column in (2, 3, 4)]
            for row in range(page.comparison.rowCount())}
    metrics = {run: page._project.db.execute("SELECT json_extract(metrics, '$.consistency_index'),"
                                             " json_extract(metrics, '$.findings_by_kind.broken_promise')"
                                             " FROM audit_runs WHERE id = ?", [run]).fetchone() for run in (1, 2)}
    (index_1, broken_1), (index_2, broken_2) = metrics[1], metrics[2]
    before, after, change = rows[("Overall", "Consistency index")]
    assert (before, after) == (f"{index_1:.1f}", f"{index_2:.1f}")
    assert change == ("±0" if index_1 == index_2 else ("+" if index_2 > index_1 else "−") + f"{abs(index_2 - index_1):.1f}")
    assert rows[("Overall", "Broken promises")] == [str(broken_1), str(broken_2), f"+{broken_2 - broken_1}"]
    assert broken_2 > broken_1  # the whole sample holds more broken promises than September alone
    broken_row = next(row for row in range(page.comparison.rowCount())
                      if page.comparison.item(row, 1).text() == "Broken promises")
    assert page.comparison.item(broken_row, 4).foreground().color().name() == "#b3261e"  # more findings: worse
    assert any(where == "Customer hotline 400 客服热线" for where, _figure in rows)
    assert "figures got better" in page.comparison_summary.text()
    page.history.clearSelection()
    assert page.comparison.isHidden()


def test_compare_metrics_counts_fewer_findings_as_better():
    before = {"consistency_index": 80.0, "promise_keeping_rate": 0.9, "script_adherence": None,
              "by_touchpoint": {"web": {"consistency_index": 70.0}}, "findings_by_kind": {"broken_promise": 5}}
    after = {"consistency_index": 85.5, "promise_keeping_rate": 0.85, "script_adherence": 0.7,
             "by_touchpoint": {"web": {"consistency_index": 70.0}, "app": {"consistency_index": 60.0}},
             "findings_by_kind": {"broken_promise": 2, "forbidden_phrase": 1}}
    changes = {(change.area, change.measure): change for change in compare_metrics(before, after)}
    assert changes[(None, "consistency_index")].direction == 1
    assert changes[(None, "promise_keeping_rate")].direction == -1
    assert changes[(None, "script_adherence")].direction is None  # nothing to compare with
    assert changes[("web", "consistency_index")].direction == 0
    assert changes[("app", "consistency_index")].direction is None
    assert changes[(None, "findings:broken_promise")] == Change(None, "findings:broken_promise", 5, 2)
    assert changes[(None, "findings:broken_promise")].direction == 1
    assert changes[(None, "findings:forbidden_phrase")].direction == -1


def test_without_a_project_nothing_can_be_run(qtbot):
    widget = AuditPage()
    qtbot.add_widget(widget)
    assert not widget.run_button.isEnabled() and widget.start_audit() is None
    assert widget.history.rowCount() == 0 and widget.status.text() == "Open a project to audit it."
