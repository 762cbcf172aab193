"""Starting the app: the default project, the entry points, and translation at run time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from auditor import __version__
from auditor.paths import default_project_path
from ui import app as app_module
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def _windows() -> list[MainWindow]:
    return [widget for widget in QApplication.topLevelWidgets() if isinstance(widget, MainWindow)]


def test_run_creates_and_opens_the_default_project(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    default = default_project_path()
    assert default.is_relative_to(os.environ["BRAND_AUDITOR_HOME"])  # never the user's real folder
    assert not default.exists()
    seen: dict[str, object] = {}

    def fake_exec(*args: object) -> int:
        [window] = [w for w in _windows() if w.isVisible()]
        qtbot.waitUntil(lambda: window.project is not None)
        seen["title"] = window.windowTitle()
        seen["state"] = window.stack.currentWidget() is window.empty_state
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert app_module.run(default) == 0
    assert default.exists()
    assert seen == {"title": "default.btaproj — Brand Touchpoint Auditor", "state": True}


def test_main_opens_the_project_given_or_the_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(app_module, "run", lambda path: opened.append(path) or 0)
    assert app_module.main([str(tmp_path / "a.btaproj")]) == 0
    assert app_module.main([]) == 0
    assert opened == [tmp_path / "a.btaproj", default_project_path()]
    assert app_module.main(["a", "b"]) == 2


def test_main_py_runs_from_the_clone() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--help"], cwd="/", capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: brand-auditor-gui [PROJECT]")


class _MarkingTranslator(QTranslator):
    """Translates every string to itself in «guillemets», to see which strings are translated."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return f"«{source}»"

    def isEmpty(self) -> bool:
        return False


def test_every_visible_string_follows_a_language_change(window: MainWindow, small_project: Path) -> None:
    window.open_project(small_project)
    translator = _MarkingTranslator()
    assert QCoreApplication.installTranslator(translator)
    try:
        QCoreApplication.processEvents()  # delivers LanguageChange to every widget
        texts = [window.windowTitle(), window.file_menu.title(), window.action_open.text(),
                 window.action_new_from_sample.text(), window.summary._figures["promises"].caption.text(),
                 window.tabs.tabText(0), window.pages["observations"].view.model().headerData(0, Qt.Orientation.Horizontal)]
        assert all(text.startswith("«") for text in texts), texts
    finally:
        QCoreApplication.removeTranslator(translator)
        QCoreApplication.processEvents()
    assert window.file_menu.title() == "&File"


def test_run_on_a_bad_file_shows_the_window_and_one_sentence(qtbot: QtBot, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            warnings_shown: list) -> None:
    bad = tmp_path / "export.btaproj"
    bad.write_bytes(b"key,name\n")
    seen: list[bool] = []

    def fake_exec(*args: object) -> int:
        [window] = [w for w in _windows() if w.isVisible()]
        qtbot.waitUntil(lambda: bool(warnings_shown))
        seen.append(window.isVisible() and window.project is None)
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert app_module.run(bad) == 0
    assert seen == [True]
    assert warnings_shown == [("Cannot open project",
                               f"{bad} is not a Brand Touchpoint Auditor project (it is not an SQLite database).")]


def test_about_names_the_version(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    window.action_about.trigger()
    assert len(shown) == 1 and __version__ in shown[0]


def test_a_missing_x11_library_is_named_in_one_sentence():
    from ui.app import missing_library_name

    error = "libxcb-icccm.so.4: cannot open shared object file: No such file or directory"
    assert missing_library_name(error) == "libxcb-icccm.so.4"
    with_path = "/venv/PySide6/Qt/plugins/platforms/libqxcb.so: libxkbcommon-x11.so.0: cannot open shared object file"
    assert missing_library_name(with_path) == "libxkbcommon-x11.so.0"


def test_without_a_display_the_app_says_so_instead_of_aborting(monkeypatch):
    from ui import app

    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(app.sys, "platform", "linux")
    assert "graphical session" in app.display_problem()
