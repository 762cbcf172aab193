"""Settings: the project's (thresholds, SERVQUAL expectations, synonyms, brand and staff names) and
the app's language. Problems are shown as they are typed and OK stays disabled until
they are fixed; OK saves the project's settings in one transaction."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from auditor.errors import AuditorError
from auditor.metrics import SERVQUAL_DIMENSIONS
from auditor.project_settings import (
    ProjectSettings,
    load_settings,
    save_settings,
    synonyms_as_text,
    synonyms_from_text,
)
from auditor.report.data import file_brand_name
from auditor.store import Project
from ui import settings as app_settings
from ui.project_dialogs import show_error


class SettingsDialog(QDialog):
    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.setWindowTitle(self.tr("Settings"))
        stored = load_settings(project)
        self._synonyms_are_default = stored.synonyms is None

        self.match = self._threshold(stored.match_threshold)
        self.review = self._threshold(stored.review_threshold)
        self.expectations: dict[str, QDoubleSpinBox] = {}
        audit = QWidget(self)
        form = QFormLayout(audit)
        form.addRow(self.tr("Match threshold (phrase found)"), self.match)
        form.addRow(self.tr("Review threshold (a person decides)"), self.review)
        names = {"tangibles": self.tr("Tangibles"), "reliability": self.tr("Reliability"),
                 "responsiveness": self.tr("Responsiveness"), "assurance": self.tr("Assurance"),
                 "empathy": self.tr("Empathy")}
        for dimension in SERVQUAL_DIMENSIONS:
            box = QDoubleSpinBox(audit)
            box.setRange(1.0, 5.0)
            box.setSingleStep(0.1)
            box.setDecimals(1)
            box.setValue(stored.servqual_expectations[dimension])
            self.expectations[dimension] = box
            form.addRow(self.tr("Expected {dimension} (1–5)").replace("{dimension}", names[dimension]), box)

        synonyms = QWidget(self)
        column = QVBoxLayout(synonyms)
        column.addWidget(QLabel(self.tr("One group per line; the phrases of a group separated by | "
                                        "(for example: 24/7 | around the clock | 全天候)."), synonyms))
        self.synonyms = QPlainTextEdit(synonyms_as_text(stored.synonyms), synonyms)
        self.synonyms.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        column.addWidget(self.synonyms, 1)
        self.restore_synonyms = QPushButton(self.tr("Restore the default list"), synonyms)
        column.addWidget(self.restore_synonyms, 0, Qt.AlignmentFlag.AlignLeft)

        report = QWidget(self)
        column = QVBoxLayout(report)
        brand_row = QFormLayout()
        self.brand = QLineEdit(stored.brand_name, report)
        self.brand.setPlaceholderText(file_brand_name(project.path))
        self.brand.setToolTip(self.tr("The brand the report is about: its title, cover and document properties. "
                                      "Empty: named after the project file."))
        brand_row.addRow(self.tr("Brand name"), self.brand)
        column.addLayout(brand_row)
        column.addWidget(QLabel(self.tr("Staff names, one per line: masked in reports made with "
                                        "“Remove staff names”."), report))
        self.staff = QPlainTextEdit("\n".join(stored.staff_names), report)
        column.addWidget(self.staff, 1)

        general = QWidget(self)
        form = QFormLayout(general)
        self.language = QComboBox(general)
        for code, label in (("system", self.tr("As the system")), ("en", "English"), ("zh", "简体中文")):
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(app_settings.language())))
        form.addRow(self.tr("Language (after a restart)"), self.language)
        self.reviewer = QLineEdit(app_settings.reviewer_name() or "", general)
        self.reviewer.setPlaceholderText(app_settings.login_display_name())
        form.addRow(self.tr("Your name (recorded with review decisions)"), self.reviewer)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(audit, self.tr("Audit"))
        self.tabs.addTab(synonyms, self.tr("Synonyms"))
        self.tabs.addTab(report, self.tr("Report"))
        self.tabs.addTab(general, self.tr("App"))
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.restore_synonyms.clicked.connect(self._restore_default_synonyms)
        for box in (self.match, self.review, *self.expectations.values()):
            box.valueChanged.connect(self._check)
        self.synonyms.textChanged.connect(self._edited_synonyms)
        self.resize(640, 480)
        self._check()

    def settings(self) -> ProjectSettings:
        """What the dialog shows, as project settings (raises AuditorError for bad synonyms)."""
        return ProjectSettings(
            match_threshold=self.match.value(), review_threshold=self.review.value(),
            servqual_expectations={d: box.value() for d, box in self.expectations.items()},
            synonyms=None if self._synonyms_are_default else synonyms_from_text(self.synonyms.toPlainText()),
            staff_names=[line.strip() for line in self.staff.toPlainText().splitlines() if line.strip()],
            brand_name=self.brand.text().strip(),
        )

    def accept(self) -> None:
        try:
            save_settings(self.project, self.settings())
        except AuditorError as error:
            show_error(self, self.tr("Settings not saved"), str(error))
            return
        app_settings.set_language(self.language.currentData())
        app_settings.set_reviewer_name(self.reviewer.text())
        super().accept()

    def _threshold(self, value: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox(self)
        box.setRange(0.0, 100.0)
        box.setDecimals(0)
        box.setValue(value)
        return box

    def _edited_synonyms(self) -> None:
        self._synonyms_are_default = False
        self._check()

    def _restore_default_synonyms(self) -> None:
        self.synonyms.blockSignals(True)
        self.synonyms.setPlainText(synonyms_as_text(None))
        self.synonyms.blockSignals(False)
        self._synonyms_are_default = True
        self._check()

    def _check(self) -> None:
        try:
            problems = self.settings().problems()
        except AuditorError as error:
            problems = [str(error)]
        self.problem.setText(problems[0] if problems else "")
        self.problem.setVisible(bool(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)
