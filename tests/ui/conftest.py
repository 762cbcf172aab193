"""Real project files for the desktop tests, and the main window on top of them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from auditor.importer import import_file
from auditor.sample import load_sample
from auditor.store import Project
from ui.garbage import GuiThreadCollector
from ui.main_window import MainWindow
from ui_project_data import SMALL_FILES


@pytest.fixture(scope="session")
def _gui_thread_collector(qapp: QApplication) -> Iterator[GuiThreadCollector]:
    """As in the app (ui.garbage), for all the desktop tests: Python never collects cycles on
    its own, so never on a worker thread (a job a test started may still be ending as the next
    one begins), where a cycle could destroy a widget an earlier test left behind."""
    collector = GuiThreadCollector(qapp)
    yield collector
    collector.stop()


@pytest.fixture(autouse=True)
def _cycles_collected_on_the_gui_thread(_gui_thread_collector: GuiThreadCollector) -> Iterator[None]:
    """Each test's cycles go at its end, here on the GUI thread, after its widgets closed."""
    yield
    _gui_thread_collector.collect(full=True)


@pytest.fixture
def make_project(tmp_path: Path) -> Callable[..., Path]:
    """Create a closed project file at ``tmp_path/name``, filled by ``fill(project)``."""

    def make(name: str, fill: Callable[[Project], object] | None = None) -> Path:
        path = tmp_path / name
        with Project.open(path, create=True) as project:
            if fill is not None:
                fill(project)
        return path

    return make


@pytest.fixture
def sample_project(make_project: Callable[..., Path]) -> Path:
    """A project holding the bundled sample brand."""
    return make_project("sample.btaproj", load_sample)


@pytest.fixture
def small_project(make_project: Callable[..., Path], tmp_path: Path) -> Path:
    """A small bilingual project with one long transcript, imported from CSV files."""

    def fill(project: Project) -> None:
        for kind, text in SMALL_FILES.items():
            source = tmp_path / f"{kind}.csv"
            source.write_text(text, encoding="utf-8")
            import_file(project, kind, source)

    return make_project("small.btaproj", fill)


@pytest.fixture
def empty_project(make_project: Callable[..., Path]) -> Path:
    return make_project("empty.btaproj")


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    """The main window with no project open; closed (and its project with it) afterwards."""
    main_window = MainWindow()
    qtbot.add_widget(main_window)
    main_window.show()
    yield main_window
    main_window.close_project()


@pytest.fixture
def warnings_shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every QMessageBox.warning the app shows, as (title, text), instead of a modal box."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []

    def capture(parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", capture)
    return shown
