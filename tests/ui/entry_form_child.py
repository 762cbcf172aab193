"""Run by test_entry_form.py as a separate process that the test then kills with SIGKILL.

``python entry_form_child.py PROJECT TEXT``: opens the entry form offscreen on PROJECT,
types TEXT into the transcript key by key, prints ``draft <id>`` once the autosave has
written it, and keeps running (typing never "finishes") until it is killed.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from auditor.store import Project  # noqa: E402
from ui.entry_form import EntryForm  # noqa: E402


def main(project_path: str, text: str) -> None:
    app = QApplication(sys.argv[:1])
    project = Project.open(project_path)
    form = EntryForm(project)
    form.touchpoint.setCurrentIndex(form.touchpoint.findData("hotline"))
    form.show()

    def report(draft_id: int) -> None:
        print(f"draft {draft_id}", flush=True)

    form.draft_saved.connect(report)
    def type_text() -> None:
        for char in text:  # QTest types ASCII only; Chinese arrives whole, as from an input method
            if char.isascii():
                QTest.keyClicks(form.transcript, char)
            else:
                form.transcript.insertPlainText(char)

    QTimer.singleShot(0, type_text)
    app.exec()  # never returns: the test kills this process


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
