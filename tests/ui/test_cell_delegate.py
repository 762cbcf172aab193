"""The full text of a cut-off cell appears in a tooltip; a cell that shows everything has none."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QTableView, QToolTip

from ui.main_window import MainWindow
from ui_project_data import LONG_TRANSCRIPT


@pytest.fixture
def tooltips(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QToolTip, "showText", lambda position, text, *args: shown.append(text))
    return shown


def hover(view: QTableView, row: int, column: int) -> None:
    """Ask the view for the tooltip of one cell, as the mouse resting on it would."""
    centre = view.visualRect(view.model().index(row, column)).center()
    event = QHelpEvent(QEvent.Type.ToolTip, centre, view.viewport().mapToGlobal(centre))
    QApplication.sendEvent(view.viewport(), event)


@pytest.fixture
def observations_view(window: MainWindow, small_project: Path) -> QTableView:
    window.open_project(small_project)
    window.tabs.setCurrentWidget(window.pages["observations"])
    QApplication.processEvents()
    return window.pages["observations"].view


def test_long_transcript_shows_its_full_text(observations_view: QTableView, tooltips: list[str]) -> None:
    hover(observations_view, 0, 5)  # V-001's transcript, cut to one line
    [tooltip] = tooltips
    assert "第二天早上十点才有真人回电" in tooltip and LONG_TRANSCRIPT[-10:] in tooltip


def test_cell_that_shows_everything_has_no_tooltip(observations_view: QTableView, tooltips: list[str]) -> None:
    hover(observations_view, 1, 0)  # "V-002"
    hover(observations_view, 1, 3)  # "Li Wei"
    assert tooltips == []


def test_cell_cut_by_a_narrow_column_shows_its_full_text(observations_view: QTableView,
                                                         tooltips: list[str]) -> None:
    observations_view.horizontalHeader().resizeSection(3, 20)  # the shopper column, dragged narrow
    hover(observations_view, 1, 3)
    assert tooltips == ["<qt>Li Wei</qt>"]
