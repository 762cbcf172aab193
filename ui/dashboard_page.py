"""The dashboard: where the brand keeps its word and where it slips, from the latest audit.

The consistency index and its trend, keeping and adherence by touchpoint (the report's
chart), a promise × touchpoint heat map whose cells open the matching findings, the
coverage grid — which promise × touchpoint pairs the period never tested, with a scenario
for the next mystery shop — and the customer's view (NPS, CES, SERVQUAL gaps).
"""

from __future__ import annotations

import json

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from auditor.metrics import SERVQUAL_DIMENSIONS
from auditor.report import charts
from auditor.store import Project

_RED, _AMBER, _GREEN, _GREY = "#f4c7c3", "#fce8b2", "#c9e7cf", "#eeeeee"


def _colour(rate: float | None) -> str:
    if rate is None:
        return _GREY
    return _GREEN if rate >= 0.9 else _AMBER if rate >= 0.75 else _RED


class DashboardPage(QWidget):
    cell_chosen = Signal(str, str)  # promise key, touchpoint key: show the matching findings

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project: Project | None = None
        self.headline = QLabel(self)
        self.headline.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.headline.setWordWrap(True)
        self.trend = QLabel(self)
        self.bars = QLabel(self)
        self.heat = QTableWidget(self)
        self.heat.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.heat.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.heat.cellClicked.connect(self._clicked)
        self.heat.cellActivated.connect(self._clicked)
        self.coverage = QTableWidget(self)
        self.coverage.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.voice = QTableWidget(self)
        self.voice.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.voice_line = QLabel(self)
        self.boxes = {name: QGroupBox(self) for name in ("figures", "heat", "coverage", "voice")}
        figures = QGridLayout(self.boxes["figures"])
        figures.addWidget(self.headline, 0, 0)
        figures.addWidget(self.trend, 1, 0)
        figures.addWidget(self.bars, 0, 1, 2, 1)
        QVBoxLayout(self.boxes["heat"]).addWidget(self.heat)
        QVBoxLayout(self.boxes["coverage"]).addWidget(self.coverage)
        voice = QVBoxLayout(self.boxes["voice"])
        voice.addWidget(self.voice_line)
        voice.addWidget(self.voice)
        content = QWidget(self)
        column = QVBoxLayout(content)
        for box in self.boxes.values():
            column.addWidget(box)
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.empty)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self._keys: list[tuple[str, list[str]]] = []  # heat map rows: promise key, column touchpoint keys
        self.retranslate_ui()
        self.refresh()

    def set_project(self, project: Project | None) -> None:
        self._project = project
        self.refresh()

    def refresh(self) -> None:
        """Read the latest run again (after an audit)."""
        runs = [] if self._project is None else [
            (run_id, json.loads(metrics or "{}")) for run_id, metrics in self._project.db.execute(
                "SELECT id, metrics FROM audit_runs ORDER BY id")]
        has_run = bool(runs)
        for box in self.boxes.values():
            box.setVisible(has_run)
        self.empty.setVisible(not has_run)
        if not has_run:
            return
        run_id, metrics = runs[-1]
        self._figures(run_id, metrics, runs)
        self._heat_map(metrics)
        self._coverage(metrics)
        self._voice(metrics)

    # -- parts ---------------------------------------------------------------------

    def _figures(self, run_id: int, metrics: dict, runs: list[tuple[int, dict]]) -> None:
        index = metrics.get("consistency_index")
        self.headline.setText(self.tr("Consistency index {index} · audit {run}").format(
            index="—" if index is None else f"{index:.1f}", run=run_id))
        points = [(f"#{number}", run.get("consistency_index")) for number, run in runs[-12:]]
        words = self._chart_words()
        self.trend.setPixmap(_pixmap(charts.trend(points, words), 420))
        names = self._touchpoint_names()
        rows = [(names.get(key, key), block.get("promise_keeping_rate"), block.get("script_adherence"))
                for key, block in metrics.get("by_touchpoint", {}).items()]
        self.bars.setPixmap(_pixmap(charts.touchpoint_bars(rows, words), 520))

    def _heat_map(self, metrics: dict) -> None:
        by_pair = metrics.get("by_promise_touchpoint", {})
        touchpoints = sorted({tp for blocks in by_pair.values() for tp in blocks})
        promises = sorted(by_pair)
        self.heat.clear()
        self.heat.setRowCount(len(promises))
        self.heat.setColumnCount(len(touchpoints))
        self.heat.setHorizontalHeaderLabels(touchpoints)
        self.heat.setVerticalHeaderLabels(promises)
        texts = self._promise_texts()
        self._keys = []
        for row, promise in enumerate(promises):
            self.heat.verticalHeaderItem(row).setToolTip(texts.get(promise, promise))
            self._keys.append((promise, touchpoints))
            for column, touchpoint in enumerate(touchpoints):
                block = by_pair[promise].get(touchpoint)
                if block is None:
                    item = QTableWidgetItem("")
                    item.setFlags(Qt.ItemFlag.NoItemFlags)
                else:
                    rate = block.get("keeping_rate")
                    decided = block["kept"] + block["broken"]
                    item = QTableWidgetItem("—" if rate is None else f"{rate * 100:.0f}%")
                    item.setToolTip(self.tr("{promise} at {touchpoint}: {kept} kept, {broken} broken, "
                                            "{review} to review — click for the findings").format(
                        promise=promise, touchpoint=touchpoint, kept=block["kept"], broken=block["broken"],
                        review=block["review"]))
                    item.setData(Qt.ItemDataRole.UserRole, decided)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setBackground(QBrush(QColor(_colour(block.get("keeping_rate")) if block else "#ffffff")))
                self.heat.setItem(row, column, item)
        self.heat.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.heat.setMinimumHeight(min(600, 40 + 26 * max(1, len(promises))))

    def _coverage(self, metrics: dict) -> None:
        """Pairs a promise applies to that the period's visits never tested, with a scenario to shop next."""
        if "tested_pairs" in metrics:
            tested = {tuple(pair) for pair in metrics["tested_pairs"]}
        else:  # a run stored before the audit counted them: what its heat map shows is the best guess
            tested = {(promise, tp) for promise, blocks in metrics.get("by_promise_touchpoint", {}).items()
                      for tp in blocks}
        untested = []
        if self._project is not None:
            names = self._touchpoint_names()
            touchpoints = sorted(names)
            links: dict[str, list[str]] = {}
            for promise, touchpoint in self._project.db.execute("SELECT promise, touchpoint FROM promise_touchpoints"):
                links.setdefault(promise, []).append(touchpoint)
            for key, text, everywhere in self._project.db.execute(
                    "SELECT key, text, all_touchpoints FROM promises ORDER BY key"):
                for touchpoint in (touchpoints if everywhere else sorted(links.get(key, []))):
                    if (key, touchpoint) not in tested:
                        untested.append((key, text, touchpoint, names.get(touchpoint, touchpoint)))
        self.coverage.clear()
        self.coverage.setColumnCount(3)
        self.coverage.setHorizontalHeaderLabels([self.tr("Promise"), self.tr("Touchpoint"),
                                                 self.tr("Suggested scenario for the next mystery shop")])
        self.coverage.setRowCount(len(untested))
        for row, (key, text, touchpoint, name) in enumerate(untested):
            scenario = self.tr("Visit {touchpoint} and test: “{promise}”").format(touchpoint=name, promise=text)
            for column, value in enumerate((key, touchpoint, scenario)):
                self.coverage.setItem(row, column, QTableWidgetItem(value))
        self.coverage.horizontalHeader().setStretchLastSection(True)
        self.boxes["coverage"].setTitle(self.tr("Never tested in this audit ({count})").format(count=len(untested)))

    def _voice(self, metrics: dict) -> None:
        nps, ces = metrics.get("nps"), metrics.get("ces")
        self.voice_line.setText(self.tr("NPS {nps} · CES {ces}").format(
            nps="—" if nps is None else f"{nps:.1f}", ces="—" if ces is None else f"{ces:.2f}"))
        servqual = metrics.get("servqual", {})
        self.voice.clear()
        self.voice.setColumnCount(4)
        self.voice.setHorizontalHeaderLabels([self.tr("Dimension"), self.tr("Perceived"), self.tr("Expected"),
                                              self.tr("Gap")])
        self.voice.setRowCount(len(SERVQUAL_DIMENSIONS))
        names = self._dimension_names()
        for row, dimension in enumerate(SERVQUAL_DIMENSIONS):
            block = servqual.get(dimension, {})
            gap = block.get("gap")
            values = (names[dimension], _number(block.get("mean")), _number(block.get("expectation")),
                      "—" if gap is None else f"{gap:+.2f}")
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 3 and gap is not None:
                    item.setBackground(QBrush(QColor(_RED if gap < -0.25 else _GREEN if gap >= 0 else _AMBER)))
                self.voice.setItem(row, column, item)
        self.voice.setMaximumHeight(40 + 30 * len(SERVQUAL_DIMENSIONS))

    # -- helpers -------------------------------------------------------------------

    def _clicked(self, row: int, column: int) -> None:
        if 0 <= row < len(self._keys):
            promise, touchpoints = self._keys[row]
            item = self.heat.item(row, column)
            if item is not None and item.flags() & Qt.ItemFlag.ItemIsEnabled and column < len(touchpoints):
                self.cell_chosen.emit(promise, touchpoints[column])

    def _touchpoint_names(self) -> dict[str, str]:
        return {} if self._project is None else dict(self._project.db.execute("SELECT key, name FROM touchpoints"))

    def _promise_texts(self) -> dict[str, str]:
        return {} if self._project is None else dict(self._project.db.execute("SELECT key, text FROM promises"))

    def _dimension_names(self) -> dict[str, str]:
        return {"tangibles": self.tr("Tangibles"), "reliability": self.tr("Reliability"),
                "responsiveness": self.tr("Responsiveness"), "assurance": self.tr("Assurance"),
                "empathy": self.tr("Empathy")}

    def _chart_words(self) -> dict:
        return {"promise_keeping": self.tr("Promise keeping"), "script_adherence": self.tr("Script adherence"),
                "consistency_index": self.tr("Consistency index"), "n_a": self.tr("n/a")}

    def retranslate_ui(self) -> None:
        self.boxes["figures"].setTitle(self.tr("Consistency"))
        self.boxes["heat"].setTitle(self.tr("Promise keeping by touchpoint — click a cell for its findings"))
        self.boxes["voice"].setTitle(self.tr("The customer's view"))
        self.empty.setText(self.tr("No audit yet: run one on the Audit page."))


def _number(value: object) -> str:
    return "—" if value is None else f"{float(value):.2f}"


def _pixmap(png: bytes, width: int) -> QPixmap:
    pixmap = QPixmap()
    pixmap.loadFromData(png, "PNG")
    return pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
