"""Starting the desktop app: ``brand-auditor-gui [PROJECT]``, ``python main.py [PROJECT]``."""

from __future__ import annotations

import ctypes
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from auditor import __version__
from auditor.paths import default_project_path
from ui import i18n
from ui.garbage import GuiThreadCollector
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


def display_problem() -> str | None:
    """Why the desktop app cannot show a window here, in one sentence, or None if it can.

    Without this check Qt aborts the process with a core dump and a page of plugin
    names when there is no screen (an SSH session, a server, CI).
    """
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return None
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return ("The desktop app needs a graphical session, and none was found (DISPLAY is not set); "
                "the command-line commands work without one, see 'brand-auditor --help'.")
    if not os.environ.get("WAYLAND_DISPLAY"):
        return _missing_x11_library()
    return None


def _missing_x11_library() -> str | None:
    """Qt's X11 plugin needs several system libraries; name the first one missing."""
    plugin = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms" / "libqxcb.so"
    if not plugin.exists():
        return None
    try:
        ctypes.CDLL(str(plugin))
    except OSError as error:
        missing = missing_library_name(str(error))
        return (f"Qt cannot open a window on X11 because the system library {missing} is missing; "
                "install it with your package manager (on Debian/Ubuntu the libxcb-* and "
                "libxkbcommon-x11-0 packages, see the README) and start the app again.")
    return None


def missing_library_name(dlerror: str) -> str:
    """``libxcb-icccm.so.4: cannot open shared object file: …`` -> ``libxcb-icccm.so.4``."""
    parts = [part.strip() for part in dlerror.split(":")]
    return next((part for part in parts if ".so" in part and not part.endswith("libqxcb.so")), "that Qt needs")


def run(project_path: str | Path, lang: str | None = None) -> int:
    """Run the desktop app on ``project_path`` until its window closes; return the exit code."""
    problem = None if QApplication.instance() else display_problem()
    if problem:
        sys.stderr.write(f"error: {problem}\n")
        return 1
    app = application()
    i18n.install(app, lang)
    previous_hook = sys.excepthook
    sys.excepthook = _report_unexpected
    collector = GuiThreadCollector(app)  # cycles are collected on this thread, never a worker's
    try:
        window = open_window(project_path)
        code = app.exec()
        window.deleteLater()
        return code
    finally:
        collector.stop()
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
