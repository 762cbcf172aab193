"""The mystery shopper's entry form: one visit at a time, typed from the keyboard.

Every change is written to the project as a draft within about a second (SPEC §8: a
shopper's record is never lost), so a crash or a killed process loses at most the last
second of typing and the draft is offered back at the next start (:func:`pending_drafts`).
Ctrl+Enter checks the visit by the import's rules, saves it and starts the next one,
keeping the touchpoint and the shopper.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QHideEvent, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from auditor.attachments import discard_staged
from auditor.drafts import (
    MEASURE_PREFIX,
    RATING_FIELDS,
    Draft,
    check_field,
    delete_draft,
    load_drafts,
    promises_to_measure,
    save_draft,
    save_observation,
)
from auditor.errors import AuditorError, InputError, Problem
from auditor.store import Project
from auditor.values import parse_datetime
from ui.entry_attachments import AttachmentsBox
from ui.entry_checklist import ScriptChecklist
from ui.entry_measurements import ERROR_STYLE, MeasurementFields

AUTOSAVE_MS = 1000  # a change is in the project at most this long after it was typed
_TIME_FORMAT = "yyyy-MM-dd HH:mm"
_SCORES = (*RATING_FIELDS, "nps", "ces")
_CONTENT = ("scenario", "transcript", *_SCORES)  # what makes a draft worth keeping


def pending_drafts(project: Project) -> list[Draft]:
    """The drafts to offer back at start (the most recent first)."""
    return load_drafts(project)


def describe_draft(draft: Draft) -> str:
    """One line for a list of drafts: when, where, and how it begins."""
    data = draft.data
    text = " ".join(str(data.get("transcript") or data.get("scenario") or "").split())
    where = " · ".join(str(part) for part in (data.get("touchpoint"), data.get("observed_at")) if part)
    return f"{draft.updated_at.replace('T', ' ')} — {where} — {text[:60]}".strip(" —")


class EntryForm(QWidget):
    """One visit's form on ``project``; ``draft`` (from :func:`pending_drafts`) is restored."""

    saved = Signal(str)  # the key of the observation just saved
    draft_saved = Signal(int)  # the id of the draft just written

    def __init__(self, project: Project, draft: Draft | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.draft_id: int | None = None
        self._quiet = False  # set while the form fills itself: no autosave, no messages
        self.messages: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}

        self.touchpoint = QComboBox(self)
        # Long touchpoint names must not push the form wider than the window.
        self.touchpoint.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.touchpoint.setMinimumContentsLength(24)
        for key, name in project.db.execute("SELECT key, name FROM touchpoints ORDER BY key"):
            self.touchpoint.addItem(f"{key} — {name}", key)
        self.observed_at = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.observed_at.setDisplayFormat(_TIME_FORMAT)
        self.observed_at.setCalendarPopup(True)
        self.shopper = QLineEdit(self)
        self.scenario = QLineEdit(self)
        self.transcript = QPlainTextEdit(self)
        self.transcript.setTabChangesFocus(True)  # Tab moves on; a transcript has no use for tabs
        self.transcript.setMinimumHeight(220)
        self.measurements = MeasurementFields(self)
        self.checklist = ScriptChecklist(self)
        self.attachments = AttachmentsBox(project, self)
        self.scores = {name: QLineEdit(self) for name in _SCORES}
        for score in self.scores.values():
            score.setMaximumWidth(56)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.discard_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self.save_button.setDefault(True)

        visit = QGridLayout()
        visit.setHorizontalSpacing(10)
        visit.setColumnStretch(1, 1)
        for row, (name, field) in enumerate((("touchpoint", self.touchpoint), ("observed_at", self.observed_at),
                                             ("shopper", self.shopper), ("scenario", self.scenario))):
            self._add_row(visit, row, name, field)
        self.labels["transcript"] = QLabel(self)
        self.labels["transcript"].setBuddy(self.transcript)
        self.messages["transcript"] = self._message_label()
        left = QVBoxLayout()
        left.addLayout(visit)
        left.addWidget(self.labels["transcript"])
        left.addWidget(self.transcript, 1)
        left.addWidget(self.messages["transcript"])

        self.measure_box = QGroupBox(self)
        QVBoxLayout(self.measure_box).addWidget(self.measurements)
        self.ratings_box = QGroupBox(self)
        ratings = QGridLayout(self.ratings_box)
        ratings.setHorizontalSpacing(10)
        ratings.setColumnStretch(2, 1)
        for row, name in enumerate(_SCORES):
            self._add_row(ratings, row, name, self.scores[name])
        self.script_box = QGroupBox(self)
        QVBoxLayout(self.script_box).addWidget(self.checklist)
        right = QVBoxLayout()
        right.addWidget(self.script_box)
        right.addWidget(self.measure_box)
        right.addWidget(self.ratings_box)
        self.attachments_box = QGroupBox(self)
        QVBoxLayout(self.attachments_box).addWidget(self.attachments)
        right.addWidget(self.attachments_box)
        right.addStretch(1)

        body = QHBoxLayout()
        body.addLayout(left, 5)
        body.addLayout(right, 4)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)

        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.write_draft)
        self._connect()
        self.retranslate_ui()
        self._show_measurements()
        if draft is not None:
            self.restore(draft)
        self.resize(1000, 640)

    # -- building ------------------------------------------------------------------

    def _message_label(self) -> QLabel:
        label = QLabel(self)
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        return label

    def _add_row(self, grid: QGridLayout, row: int, name: str, field: QWidget) -> None:
        """Label, field, and the field's message to its right."""
        self.labels[name] = label = QLabel(self)
        label.setBuddy(field)
        self.messages[name] = self._message_label()
        grid.addWidget(label, row, 0)
        grid.addWidget(field, row, 1)
        grid.addWidget(self.messages[name], row, 2)

    def _connect(self) -> None:
        self.touchpoint.currentIndexChanged.connect(self._touchpoint_changed)
        self.observed_at.dateTimeChanged.connect(self._changed)
        for name, field in (("shopper", self.shopper), ("scenario", self.scenario), *self.scores.items()):
            field.textChanged.connect(lambda _text, name=name: self._field_changed(name))
        self.transcript.textChanged.connect(lambda: self._field_changed("transcript"))
        self.measurements.changed.connect(self._changed)
        self.checklist.changed.connect(self._changed)
        self.attachments.changed.connect(self.write_draft)  # at once: a file was just copied in
        self.observed_at.dateTimeChanged.connect(self._show_checklist)
        self.scenario.editingFinished.connect(self._show_checklist)  # lines may apply to some scenarios only
        self.save_button.clicked.connect(self.save_visit)
        self.discard_button.clicked.connect(self.discard)
        for keys in (Qt.Modifier.CTRL | Qt.Key.Key_Return, Qt.Modifier.CTRL | Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save_visit)

    def _fix_tab_order(self) -> None:
        """Top to bottom, left column then right: the order a shopper fills the form in."""
        chain = [self.touchpoint, self.observed_at, self.shopper, self.scenario, self.transcript,
                 *self.checklist.choices.values(), *self.measurements.fields.values(), *self.scores.values(),
                 self.attachments.add_button, self.save_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("New visit"))
        texts = {
            "touchpoint": self.tr("&Touchpoint"), "observed_at": self.tr("&When"), "shopper": self.tr("S&hopper"),
            "scenario": self.tr("S&cenario"), "transcript": self.tr("T&ranscript and notes"),
            "rating_tangibles": self.tr("Tangibles"), "rating_reliability": self.tr("Reliability"),
            "rating_responsiveness": self.tr("Responsiveness"), "rating_assurance": self.tr("Assurance"),
            "rating_empathy": self.tr("Empathy"), "nps": self.tr("NPS"), "ces": self.tr("CES"),
        }
        for name, text in texts.items():
            self.labels[name].setText(text)
        self.scenario.setPlaceholderText(self.tr("What the shopper set out to do"))
        self.transcript.setPlaceholderText(self.tr("What was said and what happened, in the words used"))
        for name in RATING_FIELDS:
            self.scores[name].setPlaceholderText(self.tr("1–5"))
        self.scores["nps"].setPlaceholderText(self.tr("0–10"))
        self.scores["ces"].setPlaceholderText(self.tr("1–7"))
        self.measure_box.setTitle(self.tr("Measurements"))
        self.script_box.setTitle(self.tr("Script: what staff said (blank: the audit reads the transcript)"))
        self.attachments_box.setTitle(self.tr("Photos and audio"))
        self.ratings_box.setTitle(self.tr("Ratings (SERVQUAL 1–5, NPS 0–10, CES 1–7; blank if not asked)"))
        self.discard_button.setText(self.tr("Discard draft"))
        self.save_button.setText(self.tr("Save and next (Ctrl+Enter)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- what was typed ------------------------------------------------------------

    def data(self) -> dict:
        """The visit as typed, in the shape of a draft."""
        found = {
            "touchpoint": self.touchpoint.currentData(),
            "observed_at": self.observed_at.dateTime().toString(_TIME_FORMAT),
            "shopper": self.shopper.text(),
            "scenario": self.scenario.text(),
            "transcript": self.transcript.toPlainText(),
        }
        found.update({name: field.text() for name, field in self.scores.items()})
        found["measurements"] = self.measurements.values()
        found["script_answers"] = self.checklist.values()
        found["attachments"] = self.attachments.items()
        return found

    def has_content(self) -> bool:
        data = self.data()
        return bool(data["measurements"]) or bool(data["script_answers"]) or bool(data["attachments"]) or any(
            str(data[name]).strip() for name in _CONTENT)

    def _touchpoint_changed(self) -> None:
        self._show_measurements()
        self._changed()

    def _show_measurements(self) -> None:
        self.measurements.show_metrics(promises_to_measure(self.project, self.touchpoint.currentData()))
        self._show_checklist()

    def _show_checklist(self) -> None:
        day = self.observed_at.dateTime().toString("yyyy-MM-dd")
        self.checklist.show_lines(self.project, self.touchpoint.currentData(), day, self.scenario.text())
        self._fix_tab_order()

    def _field_changed(self, name: str) -> None:
        if self._quiet:
            return
        self._show_message(name, check_field(name, self._text(name)))
        self._changed()

    def _text(self, name: str) -> str:
        if name == "transcript":
            return self.transcript.toPlainText()
        return self.scores[name].text() if name in self.scores else getattr(self, name).text()

    def _show_message(self, name: str, reason: str | None) -> None:
        label = self.messages[name]
        label.setText(reason or "")
        label.setVisible(bool(reason))

    # -- drafts --------------------------------------------------------------------

    def _changed(self) -> None:
        # Started on the first change and not pushed back by the next ones: typing without
        # a pause is still written every second.
        if not self._quiet and not self._autosave.isActive():
            self._autosave.start()

    def write_draft(self) -> None:
        """Write what is typed now as this visit's draft (an empty form keeps none)."""
        self._autosave.stop()
        try:
            if self.has_content():
                self.draft_id = save_draft(self.project, self.data(), self.draft_id)
                self.draft_saved.emit(self.draft_id)
                self.status.setText(self.tr("Draft saved at {time}.").format(
                    time=QDateTime.currentDateTime().toString("HH:mm:ss")))
            elif self.draft_id is not None:
                delete_draft(self.project, self.draft_id)
                self.draft_id = None
        except AuditorError as error:
            self.status.setText(self.tr("The draft could not be saved ({error}); trying again.").format(error=error))
            self._autosave.start()

    def flush(self) -> None:
        """Write a pending change now (before closing, saving or switching projects)."""
        if self._autosave.isActive():
            self.write_draft()

    def restore(self, draft: Draft) -> None:
        """Fill the form with ``draft``; further changes are written over it."""
        data = draft.data
        self._quiet = True
        try:
            key = data.get("touchpoint")
            index = self.touchpoint.findData(key)
            if index < 0 and key:  # deleted since: keep the key so the shopper sees and fixes it
                self.touchpoint.addItem(self.tr("{key} (not in this project)").format(key=key), key)
                index = self.touchpoint.count() - 1
            if index >= 0:
                self.touchpoint.setCurrentIndex(index)
            moment = _datetime(data.get("observed_at"))
            if moment is not None:
                self.observed_at.setDateTime(moment)
            self.shopper.setText(str(data.get("shopper") or ""))
            self.scenario.setText(str(data.get("scenario") or ""))
            self.transcript.setPlainText(str(data.get("transcript") or ""))
            self.transcript.moveCursor(QTextCursor.MoveOperation.End)  # typing goes on where it stopped
            for name, field in self.scores.items():
                field.setText("" if data.get(name) is None else str(data.get(name)))
            self.measurements.texts = {str(m): str(t) for m, t in dict(data.get("measurements") or {}).items()}
            self._show_measurements()
            self.checklist.set_values(dict(data.get("script_answers") or {}))
            self.attachments.set_items(list(data.get("attachments") or []))
        finally:
            self._quiet = False
        self.draft_id = draft.id
        for name in ("shopper", "scenario", "transcript", *self.scores):
            self._show_message(name, check_field(name, self._text(name)))
        self.status.setText(self.tr("Draft from {time} restored.").format(time=draft.updated_at.replace("T", " ")))

    def discard(self) -> None:
        """Throw this visit's draft away, after asking."""
        if not self.has_content() and self.draft_id is None:
            return
        answer = QMessageBox.question(self, self.tr("Discard draft"),
                                      self.tr("Throw away everything typed for this visit?"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._autosave.stop()
        discard_staged(self.project, self.attachments.items())  # the copies made for this visit
        if self.draft_id is not None:
            delete_draft(self.project, self.draft_id)
        self.start_next_visit()
        self.status.setText(self.tr("Draft discarded."))

    # -- saving --------------------------------------------------------------------

    def save_visit(self) -> str | None:
        """Check and save the visit, then start the next one; the key, or None if not saved."""
        self.flush()  # the draft is safe whatever happens next
        try:
            key = save_observation(self.project, self.data(), self.draft_id)
        except InputError as error:
            self._show_problems(error.problems)
            return None
        except AuditorError as error:
            self.status.setText(self.tr("Not saved: {error} The draft is kept.").format(error=error))
            return None
        self.draft_id = None
        self.start_next_visit()
        self.status.setText(self.tr("Visit {key} saved. Next visit:").format(key=key))
        self.saved.emit(key)
        return key

    def _show_problems(self, problems: list[Problem]) -> None:
        first: QWidget | None = None
        other: list[str] = []
        for problem in problems:
            column = problem.column or ""
            if column.startswith(MEASURE_PREFIX) and column[len(MEASURE_PREFIX):] in self.measurements.fields:
                metric = column[len(MEASURE_PREFIX):]
                self.measurements.show_problem(metric, problem.reason)
                first = first or self.measurements.fields[metric]
            elif column in self.messages:
                self._show_message(column, problem.reason)
                first = first or self._field(column)
            else:
                other.append(str(problem))
        count = len(problems)
        text = self.tr("Not saved: %n problem(s) to fix; the draft is kept.", "", count)
        self.status.setText(" ".join([text, *other]))
        if first is not None:
            first.setFocus()

    def _field(self, name: str) -> QWidget:
        return self.scores.get(name) or getattr(self, name)

    def start_next_visit(self) -> None:
        """Clear the visit for the next one; the touchpoint and the shopper stay."""
        self._quiet = True
        try:
            self.observed_at.setDateTime(QDateTime.currentDateTime())
            self.scenario.clear()
            self.transcript.clear()
            for field in self.scores.values():
                field.clear()
            self.measurements.clear()
            self.checklist.clear()
            self.attachments.set_items([])
            self._show_measurements()
        finally:
            self._quiet = False
        self._autosave.stop()
        self.draft_id = None
        for label in self.messages.values():
            label.hide()
        self.scenario.setFocus()

    # -- closing -------------------------------------------------------------------

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()
        super().closeEvent(event)


def _datetime(text: object) -> QDateTime | None:
    try:
        iso = parse_datetime(text) if text else None
    except ValueError:
        return None
    if iso is None:
        return None
    for pattern in ("yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"):
        moment = QDateTime.fromString(iso, pattern)
        if moment.isValid():
            return moment
    return None
