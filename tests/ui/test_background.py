"""The background-work helper: results, progress, cancel and errors reach the GUI thread."""

from __future__ import annotations

import threading
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from auditor.errors import ProjectLocked
from auditor.importer import import_file
from auditor.store import Project
from ui.background import project_job, run_in_background


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.add_widget(widget)
    widget.show()
    return widget


@pytest.fixture
def details_shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """(text, detailed text) of every QMessageBox run with exec(), instead of a modal box."""
    shown: list[tuple[str, str]] = []

    def capture(box: QMessageBox) -> int:
        shown.append((box.text(), box.detailedText()))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", capture)
    return shown


def test_the_result_arrives_on_the_gui_thread_and_the_job_ran_elsewhere(qtbot, parent, warnings_shown):
    threads: list[threading.Thread] = []
    received: list[object] = []

    def job(progress, is_cancelled):
        threads.append(threading.current_thread())
        return {"answer": 42}

    task = run_in_background(parent, job, received.append, title="Test", label="Working")
    with qtbot.wait_signal(task.finished, timeout=5000):
        pass
    assert received == [{"answer": 42}]
    assert threads and threads[0] is not threading.main_thread()
    assert warnings_shown == []


def test_progress_moves_the_bar_and_the_dialog_closes_at_the_end(qtbot, parent):
    def job(progress, is_cancelled):
        for done in range(1, 6):
            threading.Event().wait(0.06)  # longer than the progress throttle
            progress(done, 5)
        return "done"

    task = run_in_background(parent, job, title="Test", label="Counting", show_after_ms=0)
    dialog = task.progress_dialog
    reports: list[tuple[int, int]] = []
    task.progressed.connect(lambda done, total: reports.append((done, total)))
    qtbot.wait_until(lambda: dialog.isVisible(), timeout=2000)
    with qtbot.wait_signal(task.finished, timeout=5000):
        pass
    assert reports[-1] == (5, 5) and len(reports) >= 3
    assert (dialog.bar.maximum(), dialog.bar.value()) == (5, 5)
    assert dialog.count.text() == "5 of 5"
    qtbot.wait_until(lambda: not dialog.isVisible(), timeout=2000)


def _big_observations_csv(path: Path, rows: int) -> Path:
    lines = ["key,touchpoint,observed_at,shopper,transcript"]
    lines += [f"BIG-{n:06d},hotline,2026-11-03 10:00,Agent {n % 7},Visit number {n}" for n in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_cancelling_a_real_import_leaves_the_project_unchanged(qtbot, parent, small_project, tmp_path,
                                                               warnings_shown, details_shown):
    source = _big_observations_csv(tmp_path / "big.csv", 5000)
    first_batch, resume = threading.Event(), threading.Event()

    def paused_import(project, progress, is_cancelled):
        # Hold the import after its first batch until the test has pressed Cancel, so the
        # cancel cannot arrive after the last row by chance.
        def report(done, total=0):
            progress(done, total)
            first_batch.set()
            resume.wait(5)

        return import_file(project, "observations", source, progress=report, is_cancelled=is_cancelled)

    succeeded: list[object] = []
    cancelled: list[bool] = []
    task = run_in_background(parent, project_job(small_project, paused_import), succeeded.append,
                             on_cancelled=lambda: cancelled.append(True), title="Import", label="Importing",
                             show_after_ms=0)
    dialog = task.progress_dialog
    assert first_batch.wait(5)
    qtbot.wait_until(lambda: dialog.isVisible(), timeout=2000)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.label.text() == "Cancelling…" and not dialog.cancel_button.isEnabled()
    assert dialog.isVisible()  # it stays until the job has really stopped
    with qtbot.wait_signal(task.finished, timeout=10000):
        resume.set()
    assert cancelled == [True] and succeeded == []
    assert warnings_shown == [] and details_shown == []  # cancelling is not an error
    with Project.open(small_project) as project:
        assert project.counts()["observations"] == 3
        assert project.db.execute("SELECT count(*) FROM observations WHERE key LIKE 'BIG-%'").fetchone()[0] == 0


def test_an_uncancelled_import_through_the_helper_writes_its_rows(qtbot, parent, small_project, tmp_path):
    source = _big_observations_csv(tmp_path / "big.csv", 2500)
    received: list[object] = []
    job = project_job(small_project, partial(import_file, kind="observations", path=source))
    task = run_in_background(parent, job, received.append, title="Import", label="Importing")
    with qtbot.wait_signal(task.finished, timeout=10000):
        pass
    assert received[0].new == 2500
    with Project.open(small_project) as project:
        assert project.counts()["observations"] == 2503


def test_an_engine_error_is_shown_as_its_sentence(qtbot, parent, warnings_shown, details_shown):
    def job(progress, is_cancelled):
        raise ProjectLocked("project.btaproj is locked by another program; close it there and try again.")

    task = run_in_background(parent, job, title="Import", label="Importing")
    with qtbot.wait_signal(task.finished, timeout=5000):
        pass
    assert warnings_shown == [("Import", "project.btaproj is locked by another program; close it there and try again.")]
    assert details_shown == []


def test_a_caller_can_handle_an_engine_error_itself(qtbot, parent, warnings_shown):
    handled: list[BaseException] = []

    def job(progress, is_cancelled):
        raise ProjectLocked("locked")

    task = run_in_background(parent, job, title="Import", label="Importing",
                             on_failure=lambda error: handled.append(error) or True)
    with qtbot.wait_signal(task.finished, timeout=5000):
        pass
    assert [str(error) for error in handled] == ["locked"] and warnings_shown == []


def test_an_unexpected_error_shows_a_sentence_and_the_traceback_as_details(qtbot, parent, warnings_shown,
                                                                           details_shown):
    def broken_job(progress, is_cancelled):
        return 1 / 0

    task = run_in_background(parent, broken_job, title="Audit", label="Auditing")
    with qtbot.wait_signal(task.finished, timeout=5000):
        pass
    assert warnings_shown == []
    [(text, details)] = details_shown
    assert text == "Something unexpected went wrong: division by zero"
    assert "Traceback" in details and "broken_job" in details and "ZeroDivisionError" in details


class _Cycle:
    """A reference cycle that records the thread it is finalised on."""

    def __init__(self, finalised_on: list[int]) -> None:
        self.me = self
        self._finalised_on = finalised_on

    def __del__(self) -> None:
        self._finalised_on.append(threading.get_ident())


def test_cycles_are_collected_on_the_gui_thread_never_on_a_worker(qtbot: QtBot, parent: QWidget):
    """A job that allocates a lot must not set off Python's collector on its thread: a cycle
    holding a widget would be destroyed there (ui.garbage; the conftest runs the collector)."""
    import gc

    assert not gc.isenabled()  # the collector of tests/ui/conftest.py, as in the app
    finalised_on: list[int] = []
    for _ in range(200):
        _Cycle(finalised_on)

    def allocate(progress, is_cancelled) -> int:
        return len([{"n": n} for n in range(200_000)])  # far beyond every generation's threshold

    done: list[int] = []
    task = run_in_background(parent, allocate, done.append, title="t", label="l", show_progress=False)
    qtbot.wait_until(lambda: done == [200_000], timeout=10_000)
    qtbot.wait_until(lambda: not task.is_running(), timeout=10_000)
    assert finalised_on == []  # nothing collected on the worker thread
    gc.collect()
    assert set(finalised_on) == {threading.get_ident()}


def test_the_collector_collects_by_the_thresholds_and_gives_collection_back(qapp):
    import gc

    from ui.garbage import GuiThreadCollector

    gc.enable()  # (as outside the app: the conftest's collector has it off)
    collector = GuiThreadCollector(qapp, interval_ms=60_000)
    assert not gc.isenabled()
    finalised_on: list[int] = []
    for _ in range(50):
        _Cycle(finalised_on)
    collector.collect(full=True)
    assert len(finalised_on) == 50
    collector.stop()
    assert gc.isenabled()
    gc.disable()  # (the conftest's collector is still running for this test)


def test_the_collector_waits_while_a_job_runs(qtbot: QtBot, parent: QWidget, qapp):
    """An audit makes millions of objects and no cycles worth chasing: collecting during it
    would pause the window, so the GUI thread's collector waits until no job runs."""
    import gc

    from ui.background import jobs_running
    from ui.garbage import GuiThreadCollector

    collector = GuiThreadCollector(qapp, interval_ms=60_000)
    release = threading.Event()
    task = run_in_background(parent, lambda progress, is_cancelled: release.wait(10), title="t", label="l",
                             show_progress=False)
    finalised_on: list[int] = []
    try:
        assert jobs_running()
        for _ in range(2_000):
            _Cycle(finalised_on)
        assert collector.collect() == 0 and finalised_on == []
    finally:
        release.set()
    qtbot.wait_until(lambda: not task.is_running(), timeout=10_000)
    assert not jobs_running()
    collector.collect()  # (or the conftest's collector got there first: either way, after the job)
    assert finalised_on and set(finalised_on) == {threading.get_ident()}
    collector.stop()
    gc.disable()  # (the conftest's collector is still running for this test)


def test_a_finished_task_is_deleted_only_after_the_thread_has_ended(qtbot: QtBot, parent: QWidget):
    """The task and its thread object go once Qt has delivered the thread's own end, after
    every signal of the job: ``finished`` first, then the deletion."""
    events: list[str] = []
    task = run_in_background(parent, lambda progress, is_cancelled: 42, title="t", label="l", show_progress=False)
    task.finished.connect(lambda: events.append("finished"))
    task.destroyed.connect(lambda: events.append("destroyed"))
    qtbot.wait_until(lambda: "destroyed" in events, timeout=5000)
    assert events == ["finished", "destroyed"]
