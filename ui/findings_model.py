"""A Qt table model over one audit run's findings, filtered in memory.

A run's findings are few next to its checks (the sample has 68; a 100,000-visit audit a
few thousand to tens of thousands), so they are read once with
:func:`auditor.findings.load_findings` and filtered in Python. Reviewers' decisions are
written by the page through the engine; :meth:`FindingsModel.set_status` only mirrors a
stored decision so that the list updates without reading the run again.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from auditor.model import Finding

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's Finding object
COLUMNS = ("severity", "kind", "status", "touchpoint", "target", "observation", "evidence")
NOT_DISMISSED = ""  # the status filter's default: new and confirmed findings
ALL_STATUSES = "*"

_AnyIndex = QModelIndex | QPersistentModelIndex
_STATUS_COLOURS = {"confirmed": QColor("#1b5e20"), "dismissed": QColor("#757575")}


def kind_label(kind: str) -> str:
    labels = {
        "broken_promise": QCoreApplication.translate("FindingsModel", "Broken promise"),
        "missing_phrase": QCoreApplication.translate("FindingsModel", "Missing phrase"),
        "forbidden_phrase": QCoreApplication.translate("FindingsModel", "Forbidden phrase"),
        "inconsistent_claim": QCoreApplication.translate("FindingsModel", "Inconsistent claim"),
        "uncovered_promise": QCoreApplication.translate("FindingsModel", "Uncovered promise"),
        "duplicate_transcript": QCoreApplication.translate("FindingsModel", "Duplicate transcript"),
    }
    return labels.get(kind, kind)


def status_label(status: str) -> str:
    labels = {
        "new": QCoreApplication.translate("FindingsModel", "New"),
        "confirmed": QCoreApplication.translate("FindingsModel", "Confirmed"),
        "dismissed": QCoreApplication.translate("FindingsModel", "Dismissed"),
    }
    return labels.get(status, status)


def target_text(finding: Finding) -> str:
    """The promise and/or script line a finding is about, as keys."""
    return " / ".join(key for key in (finding.promise, finding.script_line) if key)


@dataclass
class FindingFilter:
    """What the list shows; an empty value means any."""

    kind: str = ""
    verdict: str = ""
    status: str = NOT_DISMISSED  # "new", "confirmed", "dismissed", ALL_STATUSES or NOT_DISMISSED
    touchpoint: str = ""
    promise: str = ""
    text: str = ""

    def accepts(self, finding: Finding) -> bool:
        if self.kind and finding.kind != self.kind:
            return False
        if self.verdict and finding.verdict != self.verdict:
            return False
        if self.status == NOT_DISMISSED and finding.status == "dismissed":
            return False
        if self.status not in (NOT_DISMISSED, ALL_STATUSES) and finding.status != self.status:
            return False
        if self.touchpoint and finding.touchpoint != self.touchpoint:
            return False
        if self.promise and finding.promise != self.promise:
            return False
        if self.text:
            needle = self.text.casefold()
            haystack = (finding.kind, kind_label(finding.kind), finding.touchpoint, finding.promise,
                        finding.script_line, finding.observation, finding.expected, finding.observed,
                        finding.evidence.text if finding.evidence else None, finding.note)
            return any(needle in value.casefold() for value in haystack if value)
        return True


class FindingsModel(QAbstractTableModel):
    """The findings of one run that pass a :class:`FindingFilter`, one per row."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[Finding] = []
        self._rows: list[Finding] = []
        self._filter = FindingFilter()
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # -- Qt's questions ----------------------------------------------------------------

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or not 0 <= index.column() < len(COLUMNS):
            return None
        finding = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == FINDING_ROLE:
            return finding
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._cell(finding, column)
            if role == Qt.ItemDataRole.ToolTipRole and column == "status" and finding.note:
                return f"{text}: {finding.note}"
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "severity":
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == "status":
            return _STATUS_COLOURS.get(finding.status)
        return None

    def _cell(self, finding: Finding, column: str) -> str:
        if column == "severity":
            return str(finding.severity)
        if column == "kind":
            label = kind_label(finding.kind)
            if finding.verdict == "review":
                return QCoreApplication.translate("FindingsModel", "{kind} (to review)").format(kind=label)
            return label
        if column == "status":
            return status_label(finding.status)
        if column == "touchpoint":
            return finding.touchpoint or ""
        if column == "target":
            return target_text(finding)
        if column == "observation":
            return finding.observation or ""
        evidence = finding.evidence.text if finding.evidence else (finding.observed or "")
        return " ".join(evidence.split())

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            titles = {
                "severity": QCoreApplication.translate("FindingsModel", "Severity"),
                "kind": QCoreApplication.translate("FindingsModel", "Kind"),
                "status": QCoreApplication.translate("FindingsModel", "Status"),
                "touchpoint": QCoreApplication.translate("FindingsModel", "Touchpoint"),
                "target": QCoreApplication.translate("FindingsModel", "Promise / script line"),
                "observation": QCoreApplication.translate("FindingsModel", "Observation"),
                "evidence": QCoreApplication.translate("FindingsModel", "Evidence"),
            }
            return titles[COLUMNS[section]]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._order_rows()
        self.layoutChanged.emit()

    # -- for the page ------------------------------------------------------------------

    def set_findings(self, findings: list[Finding]) -> None:
        self.beginResetModel()
        self._all = list(findings)
        self._rows = [finding for finding in self._all if self._filter.accepts(finding)]
        self._order_rows()
        self.endResetModel()

    def set_filter(self, chosen: FindingFilter) -> None:
        if chosen == self._filter:
            return
        self.beginResetModel()
        self._filter = FindingFilter(**vars(chosen))
        self._rows = [finding for finding in self._all if self._filter.accepts(finding)]
        self._order_rows()
        self.endResetModel()

    @property
    def filter(self) -> FindingFilter:
        return FindingFilter(**vars(self._filter))

    def all_findings(self) -> list[Finding]:
        return list(self._all)

    def finding(self, row: int) -> Finding | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, finding_id: str) -> int:
        return next((row for row, finding in enumerate(self._rows) if finding.id == finding_id), -1)

    def set_status(self, finding_ids: set[str], status: str, note: str | None, reviewer: str | None) -> None:
        """Mirror stored decisions: rows the filter no longer accepts leave the list."""
        for finding in self._all:
            if finding.id in finding_ids:
                finding.status, finding.note, finding.reviewer = status, note, reviewer
        for row in reversed(range(len(self._rows))):
            finding = self._rows[row]
            if finding.id not in finding_ids:
                continue
            if self._filter.accepts(finding):
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
            else:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    def _order_rows(self) -> None:
        if self._sort is None:
            return  # the engine's order: most severe first
        column, order = self._sort
        name = COLUMNS[column]
        if name == "severity":
            key = lambda finding: (finding.severity, finding.id)  # noqa: E731
        else:
            key = lambda finding: (self._cell(finding, name).casefold(), finding.id)  # noqa: E731
        self._rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
