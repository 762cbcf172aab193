"""The entry form's attachments: photos (with a thumbnail) and audio the shopper adds to a
visit. A picked file is copied into the project's attachment folder at once
(:func:`auditor.attachments.stage_file`), so it survives a crash with the draft; the box
holds the small dicts the draft keeps (:meth:`AttachmentsBox.items`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from auditor.attachments import AUDIO_SUFFIXES, PHOTO_SUFFIXES, attachment_file, remove_staged, stage_file
from auditor.errors import AuditorError
from auditor.store import Project
from ui.entry_measurements import ERROR_STYLE, HINT_STYLE

THUMBNAIL = 64  # pixels, the longer side of a photo's thumbnail


def thumbnail(path: Path, size: int = THUMBNAIL) -> QPixmap:
    """A photo scaled to fit ``size``×``size``, turned the way the camera held it (EXIF);
    null if Qt cannot read it (HEIC without a plug-in, a damaged file)."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    full = reader.size()
    if full.isValid():  # decode small: a 12-megapixel photo need not be read whole
        reader.setScaledSize(full.scaled(QSize(size, size), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return QPixmap()
    if max(image.width(), image.height()) > size:  # auto-transform may have turned it after scaling
        image = image.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    return QPixmap.fromImage(image)


class AttachmentRow(QWidget):
    """One attachment: thumbnail or icon, the name it was picked with, and Remove."""

    def __init__(self, project: Project, item: dict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        try:
            self.file: Path | None = attachment_file(project, str(item.get("path", "")))
        except AuditorError:
            self.file = None
        self.missing = self.file is None or not self.file.is_file()
        self.thumbnail = QLabel(self)
        self.thumbnail.setFixedSize(THUMBNAIL, THUMBNAIL)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setStyleSheet("background: palette(base); border: 1px solid palette(mid);")
        self.name = QLabel(str(item.get("original") or (self.file.name if self.file else "")), self)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet(ERROR_STYLE if self.missing else HINT_STYLE)
        self.remove_button = QPushButton(self)
        self._show_picture()

        text = QVBoxLayout()
        text.setSpacing(2)
        text.addStretch(1)
        text.addWidget(self.name)
        text.addWidget(self.note)
        text.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.thumbnail)
        layout.addLayout(text, 1)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.retranslate_ui()

    @property
    def kind(self) -> str:
        return str(self.item.get("kind") or "other")

    def _show_picture(self) -> None:
        pixmap = QPixmap()
        if not self.missing and self.kind == "photo" and self.file is not None:
            pixmap = thumbnail(self.file)
        if pixmap.isNull():  # audio, other files, photos Qt cannot read, missing files
            icon = {
                "audio": QStyle.StandardPixmap.SP_MediaVolume,
                "photo": QStyle.StandardPixmap.SP_FileIcon,
            }.get(self.kind, QStyle.StandardPixmap.SP_FileIcon)
            if self.missing:
                icon = QStyle.StandardPixmap.SP_MessageBoxWarning
            pixmap = self.style().standardIcon(icon).pixmap(THUMBNAIL // 2, THUMBNAIL // 2)
        self.thumbnail.setPixmap(pixmap)

    def retranslate_ui(self) -> None:
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove {name} from this visit").format(name=self.name.text()))
        if self.missing:
            self.note.setText(self.tr("Missing: the file is no longer in the project's attachment folder"))
        else:
            self.note.setText({"photo": self.tr("Photo"), "audio": self.tr("Audio recording")}
                              .get(self.kind, self.tr("File")))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class AttachmentsBox(QWidget):
    """The visit's attachments; ``changed`` is emitted when the shopper adds or removes one
    (not by :meth:`set_items`, which restores what a draft already holds)."""

    changed = Signal()

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.rows: list[AttachmentRow] = []
        self._last_folder = ""
        self.rows_layout = QVBoxLayout()
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.empty = QLabel(self)
        self.empty.setStyleSheet(HINT_STYLE)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_files)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addLayout(self.rows_layout)
        layout.addLayout(buttons)
        self.retranslate_ui()

    # -- the draft's side ------------------------------------------------------------

    def items(self) -> list[dict]:
        """The staged dicts, in order, for the draft (``data["attachments"]``)."""
        return [dict(row.item) for row in self.rows]

    def set_items(self, items: list[dict]) -> None:
        """Show what a draft holds; a file that is gone is shown as missing."""
        for row in self.rows:
            self._drop_row(row)
        self.rows = []
        for item in items or []:
            if isinstance(item, dict):
                self._add_row(item)
        self._update_empty()

    def missing_items(self) -> list[dict]:
        return [dict(row.item) for row in self.rows if row.missing]

    # -- the shopper's side ----------------------------------------------------------

    def add_files(self) -> None:
        """Ask for files, copy each into the project at once, and list them."""
        photos = " ".join(f"*{suffix}" for suffix in sorted(PHOTO_SUFFIXES))
        audio = " ".join(f"*{suffix}" for suffix in sorted(AUDIO_SUFFIXES))
        filters = ";;".join((self.tr("Photos and audio ({patterns})").format(patterns=f"{photos} {audio}"),
                             self.tr("All files (*)")))
        paths, _chosen = QFileDialog.getOpenFileNames(self, self.tr("Add photos or audio"), self._last_folder,
                                                      filters)
        if not paths:
            return
        self._last_folder = str(Path(paths[0]).parent)
        problems = []
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            for path in paths:
                try:
                    self._add_row(stage_file(self.project, Path(path)))
                except AuditorError as error:
                    problems.append(str(error))
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._update_empty()
        if len(problems) < len(paths):
            self.changed.emit()
        if problems:
            QMessageBox.warning(self, self.tr("Some files were not added"), "\n".join(problems))

    def remove(self, row: AttachmentRow) -> None:
        """Take one attachment off the visit and delete its pending copy."""
        try:
            remove_staged(self.project, row.item)
        except AuditorError:
            pass  # a copy that cannot be deleted (or a path from elsewhere) stays a spare file
        self.rows.remove(row)
        self._drop_row(row)
        self._update_empty()
        self.changed.emit()
        (self.rows[-1].remove_button if self.rows else self.add_button).setFocus()

    # -- building --------------------------------------------------------------------

    def _add_row(self, item: dict) -> None:
        row = AttachmentRow(self.project, item, self)
        row.remove_button.clicked.connect(lambda _checked=False, row=row: self.remove(row))
        self.rows.append(row)
        self.rows_layout.addWidget(row)
        QWidget.setTabOrder(row.remove_button, self.add_button)

    def _drop_row(self, row: AttachmentRow) -> None:
        self.rows_layout.removeWidget(row)
        row.hide()
        row.deleteLater()

    def _update_empty(self) -> None:
        self.empty.setVisible(not self.rows)

    def retranslate_ui(self) -> None:
        self.add_button.setText(self.tr("&Add photos or audio…"))
        self.empty.setText(self.tr("No photos or audio yet."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
