"""The dashboard on the audited sample: the headline, a heat map whose cells ask for their
findings, the pairs never tested, and the customer's view."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from auditor.audit import run_audit
from auditor.store import Project
from ui.dashboard_page import DashboardPage
from ui.findings_model import FINDING_ROLE


@pytest.fixture
def audited_project(sample_project: Path):
    with Project.open(sample_project) as project:
        run_audit(project, workers=1)
    project = Project.open(sample_project)
    yield project
    project.close()


def test_without_an_audit_the_dashboard_says_how_to_get_one(qtbot, sample_project):
    page = DashboardPage()
    qtbot.add_widget(page)
    with Project.open(sample_project) as project:
        page.set_project(project)
        assert not page.empty.isHidden() and "Audit page" in page.empty.text()
        assert page.boxes["heat"].isHidden()


def test_the_headline_and_the_heat_map_come_from_the_latest_run(qtbot, audited_project):
    page = DashboardPage()
    qtbot.add_widget(page)
    page.set_project(audited_project)
    metrics = json.loads(audited_project.db.execute("SELECT metrics FROM audit_runs ORDER BY id DESC").fetchone()[0])
    assert f"{metrics['consistency_index']:.1f}" in page.headline.text()
    assert not page.bars.pixmap().isNull() and not page.trend.pixmap().isNull()
    by_pair = metrics["by_promise_touchpoint"]
    row = [page.heat.verticalHeaderItem(r).text() for r in range(page.heat.rowCount())].index("P-RET30")
    column = [page.heat.horizontalHeaderItem(c).text() for c in range(page.heat.columnCount())].index("sh-xintiandi")
    assert page.heat.item(row, column).text() == f"{by_pair['P-RET30']['sh-xintiandi']['keeping_rate'] * 100:.0f}%"
    with qtbot.wait_signal(page.cell_chosen) as chosen:
        page.heat.cellClicked.emit(row, column)
    assert chosen.args == ["P-RET30", "sh-xintiandi"]


def test_pairs_never_tested_are_listed_with_a_scenario(qtbot, audited_project, sample_project):
    page = DashboardPage()
    qtbot.add_widget(page)
    page.set_project(audited_project)
    listed = {(page.coverage.item(r, 0).text(), page.coverage.item(r, 1).text())
              for r in range(page.coverage.rowCount())}
    metrics = json.loads(audited_project.db.execute("SELECT metrics FROM audit_runs ORDER BY id DESC").fetchone()[0])
    tested = {tuple(pair) for pair in metrics["tested_pairs"]}
    assert tested and not listed & tested
    # An audit of one week tests fewer pairs: more of them are listed.
    run_audit(audited_project, period_from="2026-09-01", period_to="2026-09-07", workers=1)
    page.refresh()
    narrower = {(page.coverage.item(r, 0).text(), page.coverage.item(r, 1).text())
                for r in range(page.coverage.rowCount())}
    assert narrower > listed
    assert "Visit" in page.coverage.item(0, 2).text()


def test_a_click_on_the_heat_map_opens_the_matching_findings(qtbot, audited_project, sample_project):
    from ui.main_window import MainWindow

    audited_project.close()
    window = MainWindow()
    qtbot.add_widget(window)
    assert window.open_project(sample_project)
    heat = window.dashboard.heat
    row = [heat.verticalHeaderItem(r).text() for r in range(heat.rowCount())].index("P-RET30")
    column = [heat.horizontalHeaderItem(c).text() for c in range(heat.columnCount())].index("sh-xintiandi")
    heat.cellClicked.emit(row, column)
    assert window.tabs.currentWidget() is window.findings
    shown = [window.findings.model.index(r, 0).data(FINDING_ROLE) for r in range(window.findings.model.rowCount())]
    assert shown and all((f.promise, f.touchpoint) == ("P-RET30", "sh-xintiandi") for f in shown)
