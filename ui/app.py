"""Starting the desktop app: ``brand-auditor-gui [PROJECT]``, ``python main.py [PROJECT]``."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from auditor import __version__
from auditor.paths import default_project_path
from ui.main_window import MainWindow
from ui.settings import APPLICATION, ORGANIZATION

USAGE = "usage: brand-auditor-gui [PROJECT]\nOpens PROJECT (default: your default project) in the desktop app.\n"


def application() -> QApplication:
    """The running QApplication, created (and named, for QSettings) if there is none yet."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    return app  # type: ignore[return-value]


def open_window(project_path: str | Path) -> MainWindow:
    """Show the main window on ``project_path``, creating the default project if it is missing.

    Another missing file is not created behind the person's back (a typo in a path would
    otherwise leave an empty project somewhere); the window opens and says why.
    """
    path = Path(project_path).expanduser()
    window = MainWindow()
    window.show()
    create = path == default_project_path()
    # After show(), so the message box has the window behind it.
    QTimer.singleShot(0, lambda: window.open_project(path, create=create))
    return window


def run(project_path: str | Path) -> int:
    """Run the desktop app on ``project_path`` until its window closes; return the exit code."""
    app = application()
    previous_hook = sys.excepthook
    sys.excepthook = _report_unexpected
    try:
        window = open_window(project_path)
        code = app.exec()
        window.deleteLater()
        return code
    finally:
        sys.excepthook = previous_hook


def main(argv: Sequence[str] | None = None) -> int:
    """The ``brand-auditor-gui`` entry point: the project is the first argument, if any."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in ("-h", "--help"):
        sys.stdout.write(USAGE)
        return 0
    if len(args) > 1:
        sys.stderr.write(USAGE)
        return 2
    return run(Path(args[0]) if args else default_project_path())


def _report_unexpected(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """A bug: the traceback goes to stderr for the bug report, the person gets one sentence."""
    traceback.print_exception(kind, error, tb)
    if issubclass(kind, KeyboardInterrupt):
        QApplication.quit()
        return
    QMessageBox.critical(
        QApplication.activeWindow(),
        QCoreApplication.translate("App", "Unexpected error"),
        QCoreApplication.translate(
            "App", "Something went wrong inside the app ({kind}: {error}); please report it with the "
                   "text printed in the terminal.",
        ).format(kind=kind.__name__, error=error),
    )
