"""``brand-auditor gui PROJECT --screenshot DIR [--lang en|zh]``: every page of the app
rendered to PNG, then exit — for tests, the README, and anyone checking the app headless.

Runs on Qt's offscreen platform unless another one is chosen, so it needs no display.
Files are named after what they show: ``touchpoints.png``, ``promises.png``,
``script_lines.png``, ``observations.png``, ``settings.png``.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from auditor.errors import AuditorError
from ui import i18n

SIZE = (1280, 800)


def take_screenshots(project_path: str | Path, out_dir: str | Path, lang: str | None = None) -> list[Path]:
    """Render the main window's pages and the settings dialog on ``project_path`` into ``out_dir``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.app import application  # after the platform is chosen
    from ui.main_window import MainWindow
    from ui.settings_dialog import SettingsDialog

    project_path, out_dir = Path(project_path).expanduser(), Path(out_dir).expanduser()
    if not project_path.exists():
        raise AuditorError(f"There is no project {project_path} to take screenshots of.")
    out_dir.mkdir(parents=True, exist_ok=True)
    app = application()
    i18n.install(app, lang)
    window = MainWindow()
    window.resize(*SIZE)
    window.show()
    written: list[Path] = []
    try:
        if not window.open_project(project_path):
            raise AuditorError(f"{project_path} could not be opened; see the message above.")
        for index, table in enumerate(window.pages):
            window.tabs.setCurrentIndex(index)
            written.append(_save(window, out_dir / f"{table}.png"))
        dialog = SettingsDialog(window.project, window)
        dialog.show()
        written.append(_save(dialog, out_dir / "settings.png"))
        dialog.close()
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
    return written


def _save(widget: QWidget, path: Path) -> Path:
    QApplication.processEvents()
    if not widget.grab().save(str(path)):
        raise AuditorError(f"Could not write the screenshot {path}.")
    return path
