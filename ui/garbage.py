"""Python's cycle collector, run on the GUI thread only.

Qt objects must be destroyed on the thread that owns them. Python collects reference
cycles whenever allocations pass a threshold, on whatever thread happens to be allocating;
in this app that is often a worker thread (an import, an audit, a report). A cycle that
holds a widget's wrapper would then destroy the widget off the GUI thread, and the app
crashes later, somewhere unrelated. So while the app runs, automatic collection is off and
a timer on the GUI thread collects instead, by the same thresholds (the pattern of
pyqtgraph's and Anki's garbage collectors), and not while a background job runs: an audit
makes millions of short-lived objects and no cycles worth chasing, and collecting them
would pause the window (auditor.audit keeps the collector off for its duration too).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from ui.background import jobs_running

_INTERVAL_MS = 1000  # how often the GUI thread looks at the allocation counts


class GuiThreadCollector(QObject):
    """Turns automatic collection off and collects on a GUI-thread timer until stopped."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = _INTERVAL_MS) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect)
        self._timer.start(interval_ms)

    def collect(self, full: bool = False) -> int:
        """Collect the generations whose counts passed their thresholds (all with ``full``);
        the number of unreachable objects found."""
        if full:
            return gc.collect()
        if jobs_running():
            return 0  # after the job: its objects are gone by then
        found = 0
        counts = gc.get_count()
        for generation in range(3):
            if counts[generation] <= self._thresholds[generation]:
                break
            found += gc.collect(generation)
        return found

    def stop(self) -> None:
        """Collect everything now, on this thread, and give collection back to Python."""
        self._timer.stop()
        self.collect(full=True)
        if self._was_enabled:
            gc.enable()
