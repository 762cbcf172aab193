"""Photos and audio attached to visits: real files in a real folder beside a real project."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from auditor import attachments
from auditor.attachments import (
    AttachmentError,
    attach,
    attachment_file,
    attachment_folder,
    discard_staged,
    kind_of,
    list_attachments,
    remove_staged,
    safe_name,
    stage_file,
)
from auditor.drafts import load_drafts, save_draft, save_observation
from auditor.errors import AuditorError
from auditor.store import Project

VISIT = {"touchpoint": "hotline", "observed_at": "2026-11-03 21:40", "transcript": "只有机器人回复。"}


def picked(folder: Path, name: str, content: bytes = b"\xff\xd8\xff\xe0 a photo") -> Path:
    """A file the shopper picks, somewhere outside the project (a phone's DCIM folder)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(content)
    return path


def pending_files(project: Project) -> list[str]:
    folder = attachment_folder(project) / "pending"
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


def rows(path: Path, sql: str) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return [tuple(row) for row in connection.execute(sql)]
    finally:
        connection.close()


@pytest.fixture
def project(base_project: Path):
    with Project.open(base_project) as opened:
        yield opened


def test_the_folder_sits_beside_the_project_file(project):
    assert attachment_folder(project) == project.path.parent / "base.attachments"


@pytest.mark.parametrize(("name", "kind"), [
    ("IMG_0001.JPG", "photo"), ("IMG_0002.HEIC", "photo"), ("shop.jpeg", "photo"), ("screen.png", "photo"),
    ("call.m4a", "audio"), ("VOICE.MP3", "audio"), ("录音.AMR", "audio"), ("memo.wav", "audio"),
    ("receipt.pdf", "other"), ("README", "other"),
])
def test_the_kind_follows_the_extension_in_any_case(tmp_path, project, name, kind):
    assert kind_of(name) == kind
    assert stage_file(project, picked(tmp_path / "phone", name))["kind"] == kind


def test_a_picked_file_is_copied_into_pending_at_once(tmp_path, project):
    source = picked(tmp_path / "DCIM", "门店照片 1.JPG", b"photo bytes")
    staged = stage_file(project, source)
    assert staged == {"path": "pending/门店照片 1.JPG", "kind": "photo", "original": "门店照片 1.JPG"}
    copy = attachment_folder(project) / "pending" / "门店照片 1.JPG"
    assert copy.read_bytes() == b"photo bytes"
    source.unlink()  # the phone is unplugged: the project keeps its own copy
    assert attachment_file(project, staged["path"]).read_bytes() == b"photo bytes"


def test_a_staged_item_is_json_and_comes_back_with_the_draft(tmp_path, project):
    staged = stage_file(project, picked(tmp_path, "收银台.heic"))
    save_draft(project, {"transcript": "x", "attachments": [staged]})
    assert load_drafts(project)[0].data["attachments"] == [staged]


def test_names_that_clash_get_a_number_and_nothing_is_overwritten(tmp_path, project):
    first = stage_file(project, picked(tmp_path / "a", "IMG_0001.JPG", b"first"))
    second = stage_file(project, picked(tmp_path / "b", "IMG_0001.JPG", b"second"))
    third = stage_file(project, picked(tmp_path / "b", "IMG_0001.JPG", b"second"))
    assert [first["path"], second["path"], third["path"]] == [
        "pending/IMG_0001.JPG", "pending/IMG_0001-2.JPG", "pending/IMG_0001-3.JPG"]
    assert attachment_file(project, first["path"]).read_bytes() == b"first"
    assert {item["original"] for item in (first, second, third)} == {"IMG_0001.JPG"}


def test_unsafe_names_are_made_safe_and_chinese_is_kept():
    assert safe_name('a:b*c?"d<e>f|g.jpg') == "a_b_c__d_e_f_g.jpg"
    assert safe_name("CON.m4a") == "attachment CON.m4a"
    assert safe_name("...") == "attachment"
    assert safe_name("e\u0301tude.png") == "\u00e9tude.png"  # macOS hands over decomposed names
    long = safe_name("长" * 200 + ".jpg")
    assert long.endswith(".jpg") and len(long.encode()) <= 150


def test_a_missing_file_a_folder_and_a_huge_file_are_refused_with_one_sentence(tmp_path, project, monkeypatch):
    with pytest.raises(AuditorError, match=r"does not exist\.$"):
        stage_file(project, tmp_path / "gone.jpg")
    with pytest.raises(AttachmentError, match=r"is a folder, not a file\.$"):
        stage_file(project, tmp_path)
    monkeypatch.setattr(attachments, "MAX_BYTES", 10)
    with pytest.raises(AttachmentError, match=r"big\.wav is 0 MB; an attachment can be at most 0 MB\.$"):
        stage_file(project, picked(tmp_path, "big.wav", b"x" * 11))
    assert pending_files(project) == []


def test_a_file_over_200_mb_is_refused(tmp_path, project):
    huge = tmp_path / "concert.wav"
    with huge.open("wb") as handle:  # sparse: no 200 MB written to the disk
        handle.truncate(200 * 1024 * 1024 + 1)
    with pytest.raises(AttachmentError, match=r"concert\.wav is 200 MB; an attachment can be at most 200 MB\."):
        stage_file(project, huge)


def test_an_unreadable_file_is_refused(tmp_path, project, monkeypatch):
    secret = picked(tmp_path, "secret.jpg")
    real_open = Path.open

    def locked_open(path: Path, *args, **kwargs):  # chmod 0 is no lock for root, who runs CI here
        if path == secret:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(Path, "open", locked_open)
    with pytest.raises(AttachmentError, match=r"secret\.jpg cannot be read: permission denied\.$"):
        stage_file(project, secret)
    assert pending_files(project) == []


def test_remove_staged_deletes_only_pending_files(tmp_path, project):
    staged = stage_file(project, picked(tmp_path, "photo.jpg"))
    assert remove_staged(project, staged) is True
    assert not attachment_file(project, staged["path"]).exists()
    assert remove_staged(project, staged) is False  # already gone: fine
    outside = picked(tmp_path, "precious.jpg")
    for path in ("../../precious.jpg", "/etc/passwd", "V-1/photo.jpg", "pending/../../x", "pending"):
        with pytest.raises(AttachmentError, match="not a file waiting"):
            remove_staged(project, {"path": path})
    assert outside.exists()


def test_attach_moves_the_files_into_the_visits_folder_and_lists_them(tmp_path, project):
    key = save_observation(project, VISIT)
    staged = [stage_file(project, picked(tmp_path, "店门.JPG", b"door")),
              stage_file(project, picked(tmp_path, "call.m4a", b"voice"))]
    added = attach(project, key, staged)
    assert [(row.path, row.kind, row.original) for row in added] == [
        (f"{key}/店门.JPG", "photo", "店门.JPG"), (f"{key}/call.m4a", "audio", "call.m4a")]
    assert list_attachments(project, key) == added
    assert attachment_file(project, added[0].path).read_bytes() == b"door"
    assert attachment_file(project, added[1].path).read_bytes() == b"voice"
    assert pending_files(project) == []  # moved, not copied
    # Another connection (the next start) sees the rows.
    assert rows(project.path, "SELECT observation, path FROM attachments ORDER BY id") == [
        (key, f"{key}/店门.JPG"), (key, f"{key}/call.m4a")]


def test_attach_in_the_callers_transaction_then_discard_after_commit(tmp_path, project):
    """The way drafts.save_observation uses it."""
    staged = [stage_file(project, picked(tmp_path, "a.jpg", b"a"))]
    with project.transaction() as db:
        key = save_observation(project, VISIT)  # nested: a savepoint in this transaction
        attach(project, key, staged, db=db)
        assert (attachment_folder(project) / "pending" / "a.jpg").exists()  # not before the commit
    discard_staged(project, staged)
    assert [row.path for row in list_attachments(project, key)] == [f"{key}/a.jpg"]
    assert not (attachment_folder(project) / "pending" / "a.jpg").exists()


def test_a_rolled_back_save_keeps_the_draft_and_its_files(tmp_path, project):
    staged = [stage_file(project, picked(tmp_path, "a.jpg", b"a")), stage_file(project, picked(tmp_path, "b.m4a"))]
    draft_id = save_draft(project, {**VISIT, "attachments": staged})
    with pytest.raises(RuntimeError), project.transaction() as db:
        db.execute("INSERT INTO observations (key, touchpoint, observed_at, updated_at) "
                   "VALUES ('V-1', 'hotline', '2026-11-03T21:40', 'now')")
        attach(project, "V-1", staged, db=db)
        raise RuntimeError("the disk filled up before the commit")
    assert rows(project.path, "SELECT count(*) FROM attachments") == [(0,)]
    # Nothing the draft points at went anywhere: the shopper can save again.
    draft = load_drafts(project)[0]
    assert draft.id == draft_id
    for item in draft.data["attachments"]:
        assert attachment_file(project, item["path"]).is_file()
    key = save_observation(project, VISIT)
    assert len(attach(project, key, draft.data["attachments"])) == 2


def test_a_staged_file_that_is_gone_fails_the_save_instead_of_dropping_it(tmp_path, project):
    staged = [stage_file(project, picked(tmp_path, "a.jpg")), stage_file(project, picked(tmp_path, "门店.jpg"))]
    attachment_file(project, staged[1]["path"]).unlink()
    with pytest.raises(AttachmentError, match=r"'门店\.jpg' is no longer in the project's attachment folder"), \
            project.transaction() as db:
        db.execute("INSERT INTO observations (key, touchpoint, observed_at, updated_at) "
                   "VALUES ('V-1', 'hotline', '2026-11-03T21:40', 'now')")
        attach(project, "V-1", staged, db=db)
    assert rows(project.path, "SELECT count(*) FROM observations WHERE key = 'V-1'") == [(0,)]
    assert attachment_file(project, staged[0]["path"]).exists()


def test_attaching_to_a_visit_that_is_not_saved_is_refused(tmp_path, project):
    staged = [stage_file(project, picked(tmp_path, "a.jpg"))]
    with pytest.raises(AttachmentError, match="need a saved visit"):
        attach(project, "V-nowhere", staged)
    assert rows(project.path, "SELECT count(*) FROM attachments") == [(0,)]
    assert attachment_file(project, staged[0]["path"]).exists()


def test_without_hard_links_the_files_are_copied(tmp_path, project, monkeypatch):
    def no_links(source, target):  # a FAT-formatted USB stick
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    key = save_observation(project, VISIT)
    added = attach(project, key, [stage_file(project, picked(tmp_path, "a.m4a", b"voice"))])
    assert attachment_file(project, added[0].path).read_bytes() == b"voice"
    assert pending_files(project) == []


def test_the_same_name_twice_in_one_visit_and_an_odd_key_stay_apart(tmp_path, project):
    key = save_observation(project, {**VISIT, "key": "店/A:1"})
    staged = [stage_file(project, picked(tmp_path / "x", "IMG.JPG", b"1")),
              stage_file(project, picked(tmp_path / "y", "IMG.JPG", b"2"))]
    added = attach(project, key, staged)
    assert [row.path for row in added] == ["店_A_1/IMG.JPG", "店_A_1/IMG-2.JPG"]
    assert [attachment_file(project, row.path).read_bytes() for row in added] == [b"1", b"2"]


def test_deleting_the_visit_removes_its_attachment_rows(tmp_path, project):
    key = save_observation(project, VISIT)
    other = save_observation(project, {**VISIT, "key": "V-other"})
    attach(project, key, [stage_file(project, picked(tmp_path, "a.jpg"))])
    attach(project, other, [stage_file(project, picked(tmp_path, "b.jpg"))])
    with project.transaction() as db:
        db.execute("DELETE FROM observations WHERE key = ?", [key])
    assert list_attachments(project, key) == []
    assert [row.original for row in list_attachments(project, other)] == ["b.jpg"]


def test_save_a_copy_takes_the_photos_and_audio_along(tmp_path):
    from auditor.attachments import attachment_folder, list_attachments, stage_file
    from auditor.drafts import save_observation

    path = tmp_path / "with-files.btaproj"
    photo = tmp_path / "front.jpg"
    photo.write_bytes(b"\xff\xd8 not really a jpeg")
    with Project.open(path, create=True) as project:
        project.db.execute("INSERT INTO touchpoints (key, name, channel) VALUES ('web', 'Website', 'website')")
        project.db.conn.commit()
        key = save_observation(project, {"touchpoint": "web", "observed_at": "2026-11-01 10:00",
                                         "attachments": [stage_file(project, photo)]})
        copy = project.save_copy(tmp_path / "copy.btaproj")
    with Project.open(copy) as copied:
        (attached,) = list_attachments(copied, key)
        assert (attachment_folder(copied) / attached.path).read_bytes() == photo.read_bytes()
