"""``brand-auditor gui PROJECT --screenshot DIR [--lang en|zh]``: every page of the app
rendered to PNG, then exit — for tests, the README, and anyone checking the app headless.

Runs on Qt's offscreen platform unless another one is chosen, so it needs no display.
Files are named after what they show: ``touchpoints.png``, ``promises.png``,
``script_lines.png``, ``observations.png``, ``dashboard.png``, ``audit.png``,
``findings.png`` (with a finding selected), ``entry_form.png`` (with a filled example
visit), ``report.png``, ``settings.png``. The pages are drawn from a copy of the project, so taking
screenshots never changes it (the entry form writes drafts as it is filled).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from auditor.errors import AuditorError
from auditor.store import Project
from ui import i18n

EXAMPLE_VISIT = {
    "shopper": "Zhang Yue 张悦",
    "scenario": "Installation booking: dishwasher 预约安装",
    "transcript": "客服：“您好，欢迎致电24小时真人客服热线。”我要预约洗碗机安装，她说购买后3天内免费上门安装。\n"
                  "“如果今天不能解决，我们会在15分钟内给您回电。” Nobody called back for two and a half hours.",
    "measurements": {"answer_wait": "2 min", "callback_time": "两个半小时"},
    "scores": {"rating_tangibles": "4", "rating_reliability": "2", "rating_responsiveness": "1",
               "rating_assurance": "3", "rating_empathy": "4", "nps": "3"},
}

SIZE = (1280, 800)


def take_screenshots(project_path: str | Path, out_dir: str | Path, lang: str | None = None) -> list[Path]:
    """Render the main window's pages and the settings dialog on ``project_path`` into ``out_dir``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.app import application  # after the platform is chosen
    from ui.main_window import MainWindow
    from ui.report_dialog import ReportDialog
    from ui.settings_dialog import SettingsDialog

    project_path, out_dir = Path(project_path).expanduser(), Path(out_dir).expanduser()
    if not project_path.exists():
        raise AuditorError(f"There is no project {project_path} to take screenshots of.")
    out_dir.mkdir(parents=True, exist_ok=True)
    app = application()
    i18n.install(app, lang)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="brand-auditor-shots-") as scratch:
        copy = Path(scratch) / project_path.name
        with Project.open(project_path) as original:
            original.save_copy(copy)
        window = MainWindow()
        window.resize(*SIZE)
        window.show()
        try:
            if not window.open_project(copy):
                raise AuditorError(f"{project_path} could not be opened; see the message above.")
            window.statusBar().showMessage(str(project_path))  # the project shown, not its scratch copy
            for table, page in window.pages.items():
                window.tabs.setCurrentWidget(page)
                written.append(_save(window, out_dir / f"{table}.png"))
            for name, page in (("dashboard", window.dashboard), ("audit", window.audit), ("findings", window.findings)):
                window.tabs.setCurrentWidget(page)
                if page is window.findings and window.findings.model.rowCount():
                    window.findings.view.setCurrentIndex(window.findings.model.index(0, 0))  # a finding selected
                written.append(_save(window, out_dir / f"{name}.png"))
            report = ReportDialog(copy, window)
            report.show()
            written.append(_save(report, out_dir / "report.png"))
            report.close()
            form = window.enter_visit()
            _fill(form)
            written.append(_save(form, out_dir / "entry_form.png"))
            dialog = SettingsDialog(window.project, window)
            dialog.show()
            written.append(_save(dialog, out_dir / "settings.png"))
            dialog.close()
        finally:
            window.close()
            window.deleteLater()
            app.processEvents()
    return written


def _fill(form) -> None:
    """The example visit, typed into the form as a shopper would (at the sample's hotline)."""
    form.touchpoint.setCurrentIndex(max(0, form.touchpoint.findData("hotline")))
    form.shopper.setText(EXAMPLE_VISIT["shopper"])
    form.scenario.setText(EXAMPLE_VISIT["scenario"])
    form.transcript.setPlainText(EXAMPLE_VISIT["transcript"])
    for metric, text in EXAMPLE_VISIT["measurements"].items():
        if metric in form.measurements.fields:
            form.measurements.fields[metric].setText(text)
    for name, value in EXAMPLE_VISIT["scores"].items():
        form.scores[name].setText(value)
    for choice, answer in zip(form.checklist.choices.values(), ("said", "not_said")):
        choice.setCurrentIndex(choice.findData(answer))
    form.resize(form.sizeHint().expandedTo(form.minimumSizeHint()))


def _save(widget: QWidget, path: Path) -> Path:
    QApplication.processEvents()
    if not widget.grab().save(str(path)):
        raise AuditorError(f"Could not write the screenshot {path}.")
    return path
