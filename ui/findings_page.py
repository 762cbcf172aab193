"""The Findings page: review one audit run's findings against their evidence.

A filtered list on top; below it the promise or script line beside what was observed
(the visit's transcript, or for an inconsistent claim the script line itself) with the
evidence span highlighted, and Confirm / Dismiss / Reopen with a note. Every decision is
stored at once by the engine, keyed by the finding's fingerprint, so it survives a re-run.

Keys on the list: J/K (or Down/Up) next/previous, C confirm, D dismiss, R reopen, N the
note (Return goes back to the list). C, D and R act on every selected row.

The reviewer's name is asked the first time they decide (the computer's account name is
offered) and kept in the app's settings; File › Settings changes it.
"""

from __future__ import annotations

import html
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from auditor.errors import AuditorError
from auditor.findings import clear_review, load_findings, review_finding
from auditor.model import Evidence, Finding
from auditor.schema import FINDING_KINDS
from auditor.store import Project
from ui import settings
from ui.findings_model import ALL_STATUSES, NOT_DISMISSED, FindingFilter, FindingsModel, kind_label, status_label

HIGHLIGHT = QColor("#ffe082")
FILTER_DELAY_MS = 200


def document_position(text: str, offset: int) -> int:
    """Where Python offset ``offset`` of ``text`` lands in a QTextDocument made from it:
    Qt counts UTF-16 units and turns ``\\r\\n`` into one paragraph break."""
    head = text[:offset].replace("\r\n", "\n")
    return len(head.encode("utf-16-le")) // 2


def evidence_span(text: str, evidence: Evidence | None) -> tuple[int, int] | None:
    """The span to highlight: the stored offsets, or where the quote is now if the text moved."""
    if evidence is None or not evidence.text:
        return None
    if text[evidence.start:evidence.end] == evidence.text:
        return evidence.start, evidence.end
    found = text.find(evidence.text)
    return (found, found + len(evidence.text)) if found >= 0 else None


class TextPane(QWidget):
    """A caption over a read-only text, with one span highlighted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel(self)
        self.caption.setStyleSheet("font-weight: 600;")
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.text, 1)

    def show_text(self, caption: str, text: str, span: tuple[int, int] | None = None) -> None:
        self.caption.setText(caption)
        # New text takes the editor's current format: after a highlight that would be yellow.
        self.text.setCurrentCharFormat(QTextCharFormat())
        self.text.setPlainText(text)
        if span is None:
            return
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(document_position(text, span[0]))
        cursor.setPosition(document_position(text, span[1]), QTextCursor.MoveMode.KeepAnchor)
        marked = QTextCharFormat()
        marked.setBackground(HIGHLIGHT)
        cursor.mergeCharFormat(marked)
        cursor.setPosition(document_position(text, span[0]))  # a caret before the span keeps the plain format
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()


class FindingDetail(QWidget):
    """One finding: what was promised beside what was observed, the facts, the decision."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.promised = TextPane(self)
        self.observed = TextPane(self)
        texts = QSplitter(Qt.Orientation.Horizontal, self)
        texts.addWidget(self.promised)
        texts.addWidget(self.observed)
        texts.setStretchFactor(0, 2)
        texts.setStretchFactor(1, 3)
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note_label = QLabel(self)
        self.note = QLineEdit(self)
        self.note.setClearButtonEnabled(True)
        self.note_label.setBuddy(self.note)
        self.confirm_button = QPushButton(self)
        self.dismiss_button = QPushButton(self)
        self.reopen_button = QPushButton(self)
        decision = QHBoxLayout()
        decision.addWidget(self.note_label)
        decision.addWidget(self.note, 1)
        for button in (self.confirm_button, self.dismiss_button, self.reopen_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves the keys with the list
            decision.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(texts, 1)
        layout.addWidget(self.facts)
        layout.addLayout(decision)
        self.show_finding(None, None, None)

    def show_finding(self, project: Project | None, run_id: int | None, finding: Finding | None) -> None:
        self.setEnabled(finding is not None)
        if finding is None or project is None:
            self.title.setText("")
            self.promised.show_text("", "")
            self.observed.show_text("", "")
            self.facts.setText("")
            self.note.clear()
            return
        self.title.setText(self.tr("<b>{kind}</b> · severity {severity} · {status} · {where}").format(
            kind=html.escape(kind_label(finding.kind)), severity=finding.severity,
            status=html.escape(status_label(finding.status)),
            where=html.escape(" · ".join(part for part in (finding.touchpoint, finding.observation) if part))))
        texts = _SourceTexts(project)
        if finding.kind == "inconsistent_claim":
            self.promised.show_text(self.tr("Promise {key}").format(key=finding.promise or ""),
                                    texts.promise(finding.promise) or finding.expected or "")
            line = texts.script_line(finding.script_line) or finding.observed or ""
            self.observed.show_text(self.tr("Script line {key}").format(key=finding.script_line or ""), line,
                                    evidence_span(line, finding.evidence))
        else:
            if finding.script_line:
                self.promised.show_text(self.tr("Script line {key}").format(key=finding.script_line),
                                        texts.script_line(finding.script_line) or finding.expected or "")
            elif finding.promise:
                self.promised.show_text(self.tr("Promise {key}").format(key=finding.promise),
                                        texts.promise(finding.promise) or finding.expected or "")
            else:
                self.promised.show_text(self.tr("Expected"), finding.expected or "")
            transcript = texts.transcript(finding.observation)
            if transcript is None:
                self.observed.show_text(self.tr("What was found"), finding.observed or "")
            else:
                self.observed.show_text(self.tr("Transcript of {key}").format(key=finding.observation), transcript,
                                        evidence_span(transcript, finding.evidence))
        score, reason = texts.score_and_reason(run_id, finding)
        facts = [(self.tr("Expected"), finding.expected), (self.tr("Observed"), finding.observed),
                 (self.tr("Score"), None if score is None else f"{score:.0f}"), (self.tr("Reason"), reason)]
        if finding.reviewer:
            facts.append((self.tr("Decided by"), finding.reviewer))
        self.facts.setText("<br>".join(f"<b>{html.escape(name)}:</b> {html.escape(value)}"
                                       for name, value in facts if value))
        self.note.setText(finding.note or "")

    def retranslate_ui(self) -> None:
        self.note_label.setText(self.tr("&Note:"))
        self.note.setPlaceholderText(self.tr("Why you decided so (optional; N to type, Return to go back)"))
        self.confirm_button.setText(self.tr("Confirm (C)"))
        self.dismiss_button.setText(self.tr("Dismiss (D)"))
        self.reopen_button.setText(self.tr("Reopen (R)"))
        self.confirm_button.setToolTip(self.tr("The finding is real: keep it in the report"))
        self.dismiss_button.setToolTip(self.tr("A false alarm: hide it from the list and the report"))
        self.reopen_button.setToolTip(self.tr("Forget the decision: the finding is new again"))


class _SourceTexts:
    """The texts a finding points at, read from the project (None where missing)."""

    def __init__(self, project: Project) -> None:
        self._db = project.db

    def _one(self, sql: str, params: list) -> tuple | None:
        try:
            return self._db.execute(sql, params).fetchone()
        except sqlite3.Error:
            return None  # a locked or damaged file: show what the finding itself holds

    def promise(self, key: str | None) -> str | None:
        row = self._one("SELECT text FROM promises WHERE key = ?", [key]) if key else None
        return row[0] if row else None

    def script_line(self, key: str | None) -> str | None:
        row = self._one("SELECT text FROM script_lines WHERE key = ?", [key]) if key else None
        return row[0] if row else None

    def transcript(self, key: str | None) -> str | None:
        row = self._one("SELECT transcript FROM observations WHERE key = ?", [key]) if key else None
        return (row[0] or "") if row else None

    def score_and_reason(self, run_id: int | None, finding: Finding) -> tuple[float | None, str | None]:
        """The check behind the finding; findings do not store its score or reason."""
        if run_id is None:
            return None, None
        target = finding.script_line or finding.promise
        row = self._one("SELECT score, reason FROM checks WHERE run = ? AND kind = ? AND observation IS ? "
                        "AND touchpoint IS ? AND (? IS NULL OR target = ?) AND verdict = ? LIMIT 1",
                        [run_id, finding.kind, finding.observation, finding.touchpoint, target, target,
                         finding.verdict])
        return (row[0], row[1]) if row else (None, None)


class FindingsPage(QWidget):
    """The list of one run's findings, its filters and the detail of the current one."""

    decided = Signal()  # a decision was stored

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project: Project | None = None
        self._run_id: int | None = None  # None: the latest run
        self._shown_run: int | None = None
        self.model = FindingsModel(self)
        self.kind_filter = QComboBox(self)
        self.verdict_filter = QComboBox(self)
        self.status_filter = QComboBox(self)
        self.touchpoint_filter = QComboBox(self)
        self.promise_filter = QComboBox(self)
        self.text_filter = QLineEdit(self)
        self.text_filter.setClearButtonEnabled(True)
        self.count = QLabel(self)
        bar = QHBoxLayout()
        for combo in self._combos():
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._apply_filter)
            bar.addWidget(combo)
        bar.addWidget(self.text_filter, 1)
        bar.addWidget(self.count)
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(FILTER_DELAY_MS)
        self._text_timer.timeout.connect(self._apply_filter)
        self.text_filter.textChanged.connect(self._text_timer.start)
        self.text_filter.returnPressed.connect(self._apply_filter)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        self.message.hide()
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the engine's order
        self.view.setSortingEnabled(True)  # until a header is clicked: most severe first
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setHighlightSections(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.selectionModel().currentRowChanged.connect(self._show_current)
        self.model.modelReset.connect(self._after_reset)
        self.detail = FindingDetail(self)
        self.detail.confirm_button.clicked.connect(lambda: self.decide("confirmed"))
        self.detail.dismiss_button.clicked.connect(lambda: self.decide("dismissed"))
        self.detail.reopen_button.clicked.connect(lambda: self.decide(None))
        self.detail.note.returnPressed.connect(self.view.setFocus)
        for watched in (self.view, self.detail.promised.text, self.detail.observed.text):
            watched.installEventFilter(self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.hint = QLabel(self)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(splitter)
        self.stack.addWidget(self.hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.stack, 1)
        self.retranslate_ui()
        self._update_state()

    # -- what is shown -----------------------------------------------------------------

    def set_project(self, project: Project | None) -> None:
        """Show the latest run of ``project`` (not owned: the window closes it)."""
        self._project, self._run_id = project, None
        self.refresh()

    def set_run(self, run_id: int | None) -> None:
        """Show the findings of run ``run_id`` (None: the latest run)."""
        self._run_id = run_id
        self.refresh()

    def refresh(self) -> None:
        """Read the findings again (after an audit), keeping the filters and the current finding."""
        current = self.current_finding()
        findings: list[Finding] = []
        self.message.hide()
        if self._project is not None:
            try:
                findings = load_findings(self._project, self._run_id)
                self._shown_run = self._run_id if self._run_id is not None else self._latest_run()
            except (AuditorError, sqlite3.Error) as error:
                self.show_message(str(error))
                self._shown_run = None
        else:
            self._shown_run = None
        self._fill_choices(findings)
        self.model.set_findings(findings)
        if current is not None:
            self.select_finding(current.id)
        self.view.resizeColumnsToContents()
        self._update_state()

    def filter_to(self, promise: str | None = None, touchpoint: str | None = None, kind: str | None = None) -> None:
        """Show only the findings of this promise, touchpoint and kind (any where None); the
        verdict and text filters are cleared, the status filter kept."""
        for combo, value in ((self.promise_filter, promise), (self.touchpoint_filter, touchpoint),
                             (self.kind_filter, kind), (self.verdict_filter, None)):
            combo.blockSignals(True)
            index = combo.findData(value or "")
            if index < 0:  # nothing of it in this run: still filter, to show that there is nothing
                combo.addItem(value, value)
                index = combo.count() - 1
            combo.setCurrentIndex(index)
            combo.blockSignals(False)
        self.text_filter.blockSignals(True)
        self.text_filter.clear()
        self.text_filter.blockSignals(False)
        self._apply_filter()

    def current_finding(self) -> Finding | None:
        return self.model.finding(self.view.currentIndex().row())

    def selected_findings(self) -> list[Finding]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        return [finding for row in rows if (finding := self.model.finding(row)) is not None]

    def select_finding(self, finding_id: str) -> bool:
        return self._select_row(self.model.row_of(finding_id))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    # -- deciding ----------------------------------------------------------------------

    def decide(self, status: str | None) -> None:
        """Confirm (``"confirmed"``), dismiss (``"dismissed"``) or reopen (None) the selected
        findings with the note, store it at once, and move on to the next finding."""
        chosen = self.selected_findings()
        if self._project is None or not chosen:
            return
        reviewer = None
        if status is not None and (reviewer := self.reviewer_name()) is None:
            return  # they would not say who decides: nothing is decided
        note = self.detail.note.text().strip() or None
        ids = {finding.id for finding in chosen}
        last = max(self.model.row_of(finding.id) for finding in chosen)
        following = [self.model.finding(row) for row in range(last + 1, self.model.rowCount())]
        following += [self.model.finding(row) for row in reversed(range(last))]
        next_id = next((finding.id for finding in following if finding and finding.id not in ids), None)
        try:
            for finding in chosen:
                if status is None:
                    clear_review(self._project, finding.id)
                else:
                    review_finding(self._project, finding.id, status, note=note, reviewer=reviewer)
        except (AuditorError, sqlite3.Error) as error:
            self.show_message(self.tr("The decision was not saved: {error}").format(error=error))
            self.refresh()  # show what is stored, not what was hoped for
            return
        self.message.hide()
        if status is None:
            self.model.set_status(ids, "new", None, None)
        else:
            self.model.set_status(ids, status, note, reviewer)
        if next_id is None or not self.select_finding(next_id):
            self._show_current(self.view.currentIndex())
        self._update_state()
        self.decided.emit()

    def reviewer_name(self) -> str | None:
        """Who decides: the name kept in the settings, else asked now (once) and kept; None
        when the person cancels."""
        if (name := settings.reviewer_name()) is not None:
            return name
        name, given = QInputDialog.getText(
            self, self.tr("Your name"),
            self.tr("Your name is recorded with each finding you confirm or dismiss, so that the team "
                    "knows who decided. You can change it later in File › Settings."),
            QLineEdit.EchoMode.Normal, settings.login_display_name())
        if not given or not name.strip():
            return None
        settings.set_reviewer_name(name)
        return settings.reviewer_name()

    def review_keys(self) -> list[tuple[Qt.Key, str, Callable[[], object]]]:
        """The keys of the list: (key, what it does, the action). The keyboard shortcuts
        window lists these too, so a key added here is documented there."""
        return [
            (Qt.Key.Key_C, self.tr("Confirm the selected findings"), lambda: self.decide("confirmed")),
            (Qt.Key.Key_D, self.tr("Dismiss the selected findings"), lambda: self.decide("dismissed")),
            (Qt.Key.Key_R, self.tr("Reopen the selected findings (forget the decision)"), lambda: self.decide(None)),
            (Qt.Key.Key_J, self.tr("Next finding"), lambda: self.next_finding(1)),
            (Qt.Key.Key_K, self.tr("Previous finding"), lambda: self.next_finding(-1)),
            (Qt.Key.Key_N, self.tr("Type a note (Return goes back to the list)"), self.detail.note.setFocus),
        ]

    def next_finding(self, step: int = 1) -> None:
        row = self.view.currentIndex().row()
        self._select_row(max(0, min(self.model.rowCount() - 1, row + step)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and not (
                event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier)):
            action = {key: act for key, _, act in self.review_keys()}.get(Qt.Key(event.key()))
            if action is not None:
                action()
                return True
        return super().eventFilter(watched, event)

    # -- inner workings ----------------------------------------------------------------

    def _combos(self) -> tuple[QComboBox, ...]:
        return (self.kind_filter, self.verdict_filter, self.status_filter, self.touchpoint_filter,
                self.promise_filter)

    def _latest_run(self) -> int | None:
        return self._project.db.execute("SELECT max(id) FROM audit_runs").fetchone()[0] if self._project else None

    def _fill_choices(self, findings: list[Finding]) -> None:
        """The touchpoints and promises this run has findings for, keeping the choices made."""
        for combo, values, anything in (
                (self.touchpoint_filter, {f.touchpoint for f in findings if f.touchpoint}, self.tr("All touchpoints")),
                (self.promise_filter, {f.promise for f in findings if f.promise}, self.tr("All promises"))):
            chosen = combo.currentData() or ""
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(anything, "")
            for value in sorted(values | ({chosen} if chosen else set())):
                combo.addItem(value, value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)

    def _apply_filter(self) -> None:
        self._text_timer.stop()
        self.model.set_filter(FindingFilter(
            kind=self.kind_filter.currentData() or "", verdict=self.verdict_filter.currentData() or "",
            status=self.status_filter.currentData() or NOT_DISMISSED,
            touchpoint=self.touchpoint_filter.currentData() or "", promise=self.promise_filter.currentData() or "",
            text=self.text_filter.text().strip()))
        self._update_state()

    def _after_reset(self) -> None:
        if self.model.rowCount():
            self._select_row(0)
        else:
            self._show_current(QModelIndex())

    def _select_row(self, row: int) -> bool:
        if not 0 <= row < self.model.rowCount():
            return False
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(index)
        self._show_current(index)
        return True

    def _show_current(self, index: QModelIndex, previous: QModelIndex | None = None) -> None:
        self.detail.show_finding(self._project, self._shown_run, self.model.finding(index.row()))

    def _update_state(self) -> None:
        total = len(self.model.all_findings())
        has_run = self._shown_run is not None
        self.stack.setCurrentIndex(0 if has_run and total else 1)
        self.count.setText(self.tr("{shown} of {total} · run {run}").format(
            shown=self.model.rowCount(), total=total, run=self._shown_run) if has_run else "")
        if self._project is None:
            self.hint.setText(self.tr("Open a project to review its findings."))
        elif not has_run:
            self.hint.setText(self.tr("No audit has been run yet. Run one on the Audit page."))
        else:
            self.hint.setText(self.tr("This audit found nothing to review."))

    def retranslate_ui(self) -> None:
        choices = {
            self.kind_filter: [(self.tr("All kinds"), "")] + [(kind_label(kind), kind) for kind in FINDING_KINDS],
            self.verdict_filter: [(self.tr("Broken or to review"), ""), (self.tr("Broken"), "broken"),
                                  (self.tr("To review"), "review")],
            self.status_filter: [(self.tr("New and confirmed"), NOT_DISMISSED), (self.tr("New"), "new"),
                                 (self.tr("Confirmed"), "confirmed"), (self.tr("Dismissed"), "dismissed"),
                                 (self.tr("Any status"), ALL_STATUSES)],
        }
        for combo, items in choices.items():
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for label, value in items:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
            combo.blockSignals(False)
        for combo, anything in ((self.touchpoint_filter, self.tr("All touchpoints")),
                                (self.promise_filter, self.tr("All promises"))):
            if combo.count():
                combo.setItemText(0, anything)
            else:
                combo.addItem(anything, "")
        self.text_filter.setPlaceholderText(self.tr("Filter: findings containing…"))
        self.detail.retranslate_ui()
        self.model.retranslate()
        self._update_state()
        self._show_current(self.view.currentIndex())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
