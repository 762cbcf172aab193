"""The read-only table model: correct rows, lazy paging, elided long text."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from auditor.store import Project
from ui.table_model import FULL_TEXT_ROLE, PAGE_SIZE, ProjectTableModel, elide
from ui.table_specs import ALL_TABLES, OBSERVATIONS, PROMISES, TableSpec
from ui_project_data import LONG_TRANSCRIPT

DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def opened(request: pytest.FixtureRequest) -> Iterator[Project]:
    """The project named by the test's parameter (a fixture name), opened."""
    project = Project.open(request.getfixturevalue(request.param))
    yield project
    project.close()


def column_of(spec: TableSpec, title: str) -> int:
    return [column.title for column in spec.columns].index(title)


@pytest.mark.parametrize("opened", ["sample_project", "small_project", "empty_project"], indirect=True)
@pytest.mark.parametrize("spec", ALL_TABLES, ids=lambda spec: spec.table)
def test_model_passes_the_qt_model_tester(opened: Project, spec: TableSpec, qtmodeltester) -> None:
    model = ProjectTableModel(opened, spec)
    qtmodeltester.check(model)
    assert model.rowCount() == opened.counts()[spec.table]


@pytest.mark.parametrize("opened", ["small_project"], indirect=True)
def test_rows_come_in_key_order_with_their_values(opened: Project) -> None:
    model = ProjectTableModel(opened, PROMISES)
    keys = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert keys == ["P-24H", "P-CALLBACK"]
    touchpoints, target = column_of(PROMISES, "Touchpoints"), column_of(PROMISES, "Target")
    cues = column_of(PROMISES, "Breach cues")
    assert model.index(0, touchpoints).data() == "*"
    assert model.index(0, cues).data() == "机器人; only a robot"
    assert model.index(1, touchpoints).data() == "hotline"
    assert model.index(1, target).data() == "callback_time <= 15 min"


@pytest.mark.parametrize("opened", ["small_project"], indirect=True)
def test_long_transcript_is_elided_with_the_full_text_in_the_tooltip(opened: Project) -> None:
    model = ProjectTableModel(opened, OBSERVATIONS)
    cell = model.index(0, column_of(OBSERVATIONS, "Transcript"))
    shown = cell.data(DISPLAY)
    assert len(shown) < len(LONG_TRANSCRIPT) and shown.endswith("…")
    assert LONG_TRANSCRIPT.startswith(shown[:-1])
    assert cell.data(FULL_TEXT_ROLE) == LONG_TRANSCRIPT
    tooltip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert "第二天早上十点才有真人回电" in tooltip and "only a robot answered" in tooltip
    short = model.index(2, column_of(OBSERVATIONS, "Transcript"))
    assert short.data(DISPLAY) == "只有机器人回复，没有真人。"
    assert "只有机器人回复" in short.data(Qt.ItemDataRole.ToolTipRole)  # the view decides when to show it
    assert model.index(1, column_of(OBSERVATIONS, "Scenario")).data(Qt.ItemDataRole.ToolTipRole) is None
    measured = model.index(0, column_of(OBSERVATIONS, "Measurements")).data(DISPLAY)
    assert measured.startswith("callback_time: ")


@pytest.mark.parametrize("opened", ["small_project"], indirect=True)
def test_the_key_is_never_edited_in_place(opened: Project) -> None:
    model = ProjectTableModel(opened, OBSERVATIONS)
    index = model.index(0, 0)
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(index, "V-999")
    assert index.data() == "V-001"


def test_elide_keeps_short_text_and_cuts_long_text_to_one_line() -> None:
    assert elide("short") == "short"
    assert elide("two\nlines") == "two lines"
    cut = elide("x" * 500, limit=20)
    assert len(cut) == 20 and cut.endswith("…")


def _add_observations(path: Path, count: int) -> None:
    with Project.open(path) as project, project.transaction() as db:
        db.execute("INSERT INTO touchpoints (key, name, channel) VALUES ('hotline', 'Hotline', 'phone')")
        db.conn.executemany(
            "INSERT INTO observations (key, touchpoint, observed_at, transcript, updated_at) "
            "VALUES (?, 'hotline', '2026-11-03 21:40', ?, '2026-11-03T21:40:00')",
            ((f"V-{n:06d}", f"visit {n} 只有机器人回复") for n in range(count)))


def test_a_hundred_thousand_observations_open_at_once_and_load_by_page(empty_project: Path) -> None:
    _add_observations(empty_project, 100_000)
    with Project.open(empty_project) as project:
        started = time.perf_counter()
        model = ProjectTableModel(project, OBSERVATIONS)
        opened_in = time.perf_counter() - started
        assert model.rowCount() == 100_000
        assert model.cached_rows() == 0  # nothing read until a view asks
        assert opened_in < 2.0  # in practice a few milliseconds
        assert model.index(99_999, 0).data() == "V-099999"
        assert model.cached_rows() == PAGE_SIZE
        assert model.index(0, 0).data() == "V-000000"
        assert model.index(50_123, 0).data() == "V-050123"
        assert model.cached_rows() == 3 * PAGE_SIZE
        assert model.index(100_000, 0).data() is None
        assert model.rowCount(model.index(0, 0)) == 0 and model.rowCount(QModelIndex()) == 100_000


@pytest.mark.parametrize("opened", ["small_project"], indirect=True)
def test_refresh_shows_rows_added_since(opened: Project, qtbot) -> None:
    model = ProjectTableModel(opened, OBSERVATIONS)
    assert model.index(0, 0).data() == "V-001"
    with opened.transaction() as db:
        db.execute("INSERT INTO observations (key, touchpoint, observed_at, updated_at) "
                   "VALUES ('V-000', 'web', '2026-11-01', '2026-11-01T00:00:00')")
    with qtbot.wait_signal(model.modelReset):
        model.refresh()
    assert model.rowCount() == 4
    assert model.index(0, 0).data() == "V-000"


@pytest.mark.parametrize("opened", ["sample_project"], indirect=True)
def test_the_filter_keeps_rows_containing_the_text_in_any_shown_column(opened: Project, qtmodeltester) -> None:
    model = ProjectTableModel(opened, OBSERVATIONS)
    model.set_filter("机器人")
    expected = opened.db.execute("SELECT count(*) FROM observations WHERE transcript LIKE '%机器人%' "
                                 "OR scenario LIKE '%机器人%'").fetchone()[0]
    assert 0 < model.rowCount() == expected
    assert all(any("机器人" in model.index(row, column).data(FULL_TEXT_ROLE) for column in range(model.columnCount()))
               for row in range(model.rowCount()))
    qtmodeltester.check(model)
    model.set_filter("emily carter")  # Latin letters: any case
    assert model.rowCount() == opened.db.execute(
        "SELECT count(*) FROM observations WHERE shopper = 'Emily Carter'").fetchone()[0] > 0
    model.set_filter("100%_no_such")  # LIKE's wildcards are plain characters here
    assert model.rowCount() == 0
    model.set_filter("")
    assert model.rowCount() == 80


@pytest.mark.parametrize("opened", ["sample_project"], indirect=True)
def test_sorting_is_done_by_sqlite_with_empty_cells_last(opened: Project) -> None:
    model = ProjectTableModel(opened, OBSERVATIONS)
    nps = column_of(OBSERVATIONS, "NPS")
    model.sort(nps, Qt.SortOrder.DescendingOrder)
    values = [model.index(row, nps).data() for row in range(model.rowCount())]
    numbers = [int(v) for v in values if v]
    assert numbers == sorted(numbers, reverse=True) and numbers[0] == 10
    assert values[len(numbers):] == [""] * (len(values) - len(numbers))  # unanswered at the end
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data() == "V-080"


def test_a_filter_over_a_hundred_thousand_observations_is_quick(empty_project: Path) -> None:
    _add_observations(empty_project, 100_000)
    with Project.open(empty_project) as project:
        model = ProjectTableModel(project, OBSERVATIONS)
        started = time.perf_counter()
        model.set_filter("visit 99999 ")
        assert model.rowCount() == 1 and model.index(0, 0).data() == "V-099999"
        assert time.perf_counter() - started < 5.0  # a generous bound; benchmarks/bench_ui.py measures it


@pytest.mark.parametrize("opened", ["sample_project"], indirect=True)
def test_an_edit_persists_and_undo_restores_it(opened: Project, qtmodeltester) -> None:
    model = ProjectTableModel(opened, OBSERVATIONS)
    nps, shopper = column_of(OBSERVATIONS, "NPS"), column_of(OBSERVATIONS, "Shopper")
    transcript = column_of(OBSERVATIONS, "Transcript")
    assert model.flags(model.index(0, nps)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, transcript)) & Qt.ItemFlag.ItemIsEditable  # long text: not in a cell
    before = model.index(0, nps).data()
    assert model.setData(model.index(0, nps), "3")
    assert model.index(0, nps).data() == "3"
    assert opened.db.execute("SELECT nps FROM observations WHERE key = 'V-001'").fetchone()[0] == 3
    assert model.setData(model.index(0, shopper), "李雷")
    model._undo.undo()
    assert opened.db.execute("SELECT shopper FROM observations WHERE key = 'V-001'").fetchone()[0] != "李雷"
    model._undo.undo()
    assert model.index(0, nps).data() == before
    model._undo.redo()
    assert model.index(0, nps).data() == "3"
    qtmodeltester.check(model)


@pytest.mark.parametrize("opened", ["sample_project"], indirect=True)
def test_an_invalid_edit_says_why_and_changes_nothing(opened: Project, qtbot) -> None:
    model = ProjectTableModel(opened, OBSERVATIONS)
    nps, touchpoint = column_of(OBSERVATIONS, "NPS"), column_of(OBSERVATIONS, "Touchpoint")
    before = opened.db.execute("SELECT nps, touchpoint FROM observations WHERE key = 'V-001'").fetchone()
    with qtbot.wait_signal(model.edit_refused) as refused:
        assert not model.setData(model.index(0, nps), "11")
    assert "0 to 10" in refused.args[0]
    with qtbot.wait_signal(model.edit_refused) as refused:
        model.setData(model.index(0, touchpoint), "nowhere")
    assert "no touchpoint 'nowhere'" in refused.args[0]
    assert opened.db.execute("SELECT nps, touchpoint FROM observations WHERE key = 'V-001'").fetchone() == before
    assert model._undo.count() == 0  # nothing to undo: nothing was changed


@pytest.mark.parametrize("opened", ["sample_project"], indirect=True)
def test_script_lines_come_grouped_by_touchpoint(opened: Project) -> None:
    from ui.table_specs import SCRIPT_LINES

    model = ProjectTableModel(opened, SCRIPT_LINES)
    touchpoint = column_of(SCRIPT_LINES, "Touchpoint")
    shown = [model.index(row, touchpoint).data() for row in range(model.rowCount())]
    assert shown == sorted(shown) and len(set(shown)) > 1
