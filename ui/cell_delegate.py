"""Tooltips for table cells that cannot show all of their text, and only for those."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

from ui.table_model import FULL_TEXT_ROLE


class ElidedTextDelegate(QStyledItemDelegate):
    """Draws cells as usual; the tooltip (the full text) appears only over a cut-off cell."""

    def text_is_cut(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> bool:
        """Whether the cell shows less than its full text (cut by the model or by the width)."""
        shown = index.data(Qt.ItemDataRole.DisplayRole) or ""
        if shown != (index.data(FULL_TEXT_ROLE) or ""):
            return True
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        style = item.widget.style() if item.widget is not None else QApplication.style()
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, item.widget)
        # Qt leaves this margin on both sides of an item's text (QCommonStyle's textMargin).
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, item.widget) + 1
        return item.fontMetrics.horizontalAdvance(shown) > text_rect.width() - 2 * margin

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> bool:
        if event is None or view is None or event.type() != QEvent.Type.ToolTip or not index.isValid():
            return super().helpEvent(event, view, option, index)
        tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
        if tooltip and self.text_is_cut(option, index):
            QToolTip.showText(event.globalPos(), tooltip, view, option.rect)
        else:
            QToolTip.hideText()
        return True
