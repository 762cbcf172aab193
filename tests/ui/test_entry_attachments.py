"""The entry form's attachments box, offscreen, on a real project and real image files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from auditor.attachments import attachment_file, attachment_folder
from auditor.drafts import load_drafts, save_draft
from auditor.store import Project
from ui.entry_attachments import THUMBNAIL, AttachmentsBox


def photo(path: Path, width: int = 400, height: int = 300, color: str = "#2a7ab0") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path))
    return path


@pytest.fixture
def project(empty_project: Path) -> Iterator[Project]:
    with Project.open(empty_project) as opened:
        yield opened


@pytest.fixture
def box(qtbot: QtBot, project: Project) -> AttachmentsBox:
    widget = AttachmentsBox(project)
    qtbot.add_widget(widget)
    return widget


def pick(monkeypatch: pytest.MonkeyPatch, *paths: Path) -> list[tuple]:
    """Make the file dialog answer with ``paths``; returns the calls it got."""
    calls: list[tuple] = []

    def answer(*args, **kwargs):
        calls.append(args)
        return [str(path) for path in paths], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", answer)
    return calls


def test_adding_a_photo_copies_it_and_shows_a_thumbnail(qtbot, box, project, tmp_path, monkeypatch):
    source = photo(tmp_path / "phone" / "门店 正门.PNG")
    calls = pick(monkeypatch, source)
    with qtbot.wait_signal(box.changed):
        qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    assert len(calls) == 1
    assert box.items() == [{"path": "pending/门店 正门.PNG", "kind": "photo", "original": "门店 正门.PNG"}]
    row = box.rows[0]
    pixmap = row.thumbnail.pixmap()
    assert not pixmap.isNull()
    assert (pixmap.width(), pixmap.height()) == (THUMBNAIL, 48)  # 400×300 scaled into 64×64
    assert row.name.text() == "门店 正门.PNG"
    assert not row.missing
    assert attachment_file(project, box.items()[0]["path"]).is_file()


def test_audio_gets_an_icon_and_several_files_are_added_at_once(qtbot, box, tmp_path, monkeypatch):
    voice = tmp_path / "call.m4a"
    voice.write_bytes(b"not really audio")
    pick(monkeypatch, photo(tmp_path / "a.jpg"), voice)
    with qtbot.wait_signal(box.changed):
        box.add_files()
    assert [item["kind"] for item in box.items()] == ["photo", "audio"]
    assert not box.rows[1].thumbnail.pixmap().isNull()  # the audio icon
    assert box.rows[1].note.text() == "Audio recording"
    assert box.empty.isHidden()


def test_a_cancelled_dialog_changes_nothing(qtbot, box, monkeypatch):
    pick(monkeypatch)
    with qtbot.assert_not_emitted(box.changed):
        box.add_files()
    assert box.items() == []
    assert not box.empty.isHidden()


def test_a_file_that_cannot_be_added_is_reported_and_the_others_are_added(qtbot, box, tmp_path, monkeypatch):
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *rest: warnings.append(text))
    pick(monkeypatch, tmp_path / "gone.jpg", photo(tmp_path / "here.jpg"))
    box.add_files()
    assert [item["original"] for item in box.items()] == ["here.jpg"]
    assert len(warnings) == 1 and warnings[0].endswith("gone.jpg does not exist.")


def test_remove_takes_the_item_off_and_deletes_its_pending_copy(qtbot, box, project, tmp_path, monkeypatch):
    pick(monkeypatch, photo(tmp_path / "a.png"), photo(tmp_path / "b.png"))
    box.add_files()
    first, second = box.items()
    with qtbot.wait_signal(box.changed):
        qtbot.mouseClick(box.rows[0].remove_button, Qt.MouseButton.LeftButton)
    assert box.items() == [second]
    assert not attachment_file(project, first["path"]).exists()
    assert attachment_file(project, second["path"]).exists()


def test_items_round_trip_through_a_saved_draft(qtbot, box, project, tmp_path, monkeypatch):
    voice = tmp_path / "录音.M4A"
    voice.write_bytes(b"voice")
    pick(monkeypatch, photo(tmp_path / "IMG_1.JPG"), voice)
    box.add_files()
    save_draft(project, {"transcript": "x", "attachments": box.items()})

    restored = AttachmentsBox(project)  # the next start of the app
    qtbot.add_widget(restored)
    with qtbot.assert_not_emitted(restored.changed):
        restored.set_items(load_drafts(project)[0].data["attachments"])
    assert restored.items() == box.items()
    assert [row.name.text() for row in restored.rows] == ["IMG_1.JPG", "录音.M4A"]
    assert not restored.rows[0].thumbnail.pixmap().isNull()
    restored.set_items([])
    assert restored.items() == [] and not restored.empty.isHidden()


def test_a_file_that_is_gone_is_shown_as_missing_and_can_be_removed(qtbot, box, project, tmp_path, monkeypatch):
    pick(monkeypatch, photo(tmp_path / "a.png"), photo(tmp_path / "b.png"))
    box.add_files()
    items = box.items()
    attachment_file(project, items[0]["path"]).unlink()
    bogus = {"path": "../../outside.png", "kind": "photo", "original": "outside.png"}
    box.set_items([*items, bogus])
    assert [row.missing for row in box.rows] == [True, False, True]
    assert box.rows[0].note.text().startswith("Missing")
    assert box.items() == [*items, bogus]  # kept in the draft: the shopper decides
    box.remove(box.rows[2])  # a path from outside the folder is dropped, never deleted
    box.remove(box.rows[0])
    assert box.items() == [items[1]]
    assert (attachment_folder(project) / items[1]["path"]).exists()
