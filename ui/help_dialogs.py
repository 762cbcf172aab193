"""Help windows: the keyboard shortcuts (read from the window's own actions, so the list
cannot fall behind the menus) and a short guide from setting up a brand to the report."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QMenuBar,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

_COUNT = re.compile(r"\s*[(（][\d\s,.]*[)）]\s*$")  # "Touchpoints (8)", "触点（8）"
Section = tuple[str, list[tuple[str, str]]]  # a heading, and (what it does, keys) under it


def plain_text(action_text: str) -> str:
    """A menu text without its mnemonic: ``&Open project…`` -> ``Open project…``."""
    return action_text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def keys_text(sequences: list[QKeySequence]) -> str:
    """Key sequences as the platform writes them (``Ctrl+F4, Ctrl+W``; ``⌘W`` on a Mac), without
    the dedicated keys few keyboards have (New, Open, Undo, Help…: they work, but listing them
    reads as noise)."""
    return ", ".join(seq.toString(QKeySequence.SequenceFormat.NativeText) for seq in sequences
                     if not seq.isEmpty() and not _is_dedicated_key(seq[0].key()))


def _is_dedicated_key(key: Qt.Key) -> bool:
    return key == Qt.Key.Key_Help or Qt.Key.Key_Back.value <= key.value < Qt.Key.Key_unknown.value


def menu_sections(menu_bar: QMenuBar) -> list[Section]:
    """Every action with a shortcut, under its menu's title; submenus are walked too."""
    sections: list[Section] = []

    def walk(menu: QMenu, heading: str) -> None:
        rows = []
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{heading} › {plain_text(action.menu().title())}")
            elif not action.isSeparator() and (keys := keys_text(action.shortcuts())):
                rows.append((plain_text(action.text()), keys))
        if rows:
            sections.append((heading, rows))

    for action in menu_bar.actions():
        if action.menu() is not None:
            walk(action.menu(), plain_text(action.menu().title()))
    return sections


class ShortcutsDialog(QDialog):
    """Help › Keyboard shortcuts. ``window`` is the main window: its menus, its sidebar
    (``tabs``) and its Findings page (``findings``) are read each time the list is filled."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else window)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(720, 680)
        self._window = window
        self.fill(window)

    def sections(self, window: QMainWindow) -> list[Section]:
        sections = menu_sections(window.menuBar())
        sidebar = getattr(window, "tabs", None)
        if sidebar is not None:
            pages = []
            for shortcut in sorted(sidebar.findChildren(QShortcut), key=lambda s: s.key().toString()):
                index = shortcut.key()[0].key() - Qt.Key.Key_1
                if 0 <= index < sidebar.count():
                    title = _COUNT.sub("", sidebar.tabText(index))
                    pages.append((self.tr("Go to {page}").format(page=title), keys_text([shortcut.key()])))
            if pages:
                sections.append((self.tr("Pages"), pages))
        findings = getattr(window, "findings", None)
        if findings is not None:
            sections.append((self.tr("Findings page (keys on the list)"),
                             [(what, keys_text([QKeySequence(key)])) for key, what, _ in findings.review_keys()]))
        ctrl_enter = keys_text([QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Enter)])
        sections.append((self.tr("Entering a visit"), [(self.tr("Save the visit and start the next one"), ctrl_enter)]))
        sections.append((self.tr("Tables"), [(self.tr("Apply the long text edited below the table"), ctrl_enter)]))
        return sections

    def fill(self, window: QMainWindow) -> None:
        """List the shortcuts as they are now (texts follow the language and the page shown)."""
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.tree.setHeaderLabels([self.tr("What it does"), self.tr("Keys")])
        self.tree.clear()
        for heading, rows in self.sections(window):
            top = QTreeWidgetItem(self.tree, [heading])
            top.setFirstColumnSpanned(True)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for what, keys in rows:
                QTreeWidgetItem(top, [what, keys])
        self.tree.expandAll()

    def rows(self) -> list[tuple[str, str, str]]:
        """(section, what it does, keys) for every listed shortcut, in order."""
        found = []
        for section in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(section)
            found += [(top.text(0), top.child(n).text(0), top.child(n).text(1)) for n in range(top.childCount())]
        return found

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.fill(self._window)
        super().changeEvent(event)


class GettingStartedDialog(QDialog):
    """Help › Getting started: the five steps of an audit, in a few sentences each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(620, 620)
        self.retranslate_ui()

    def steps(self) -> list[tuple[str, str]]:
        return [
            (self.tr("1. Set up the brand"), self.tr(
                "List your <b>touchpoints</b> — each store, the hotline, the website, the app, the chat. "
                "Add the <b>promises</b> marketing makes (“call back within 15 minutes”, “30-day free "
                "returns”), with the touchpoints they apply to and, where you can measure them, a target. "
                "Then the <b>script lines</b>: what staff must say at each touchpoint, and what they must "
                "never say. Import them with <b>File › Import a file…</b>, touchpoints first, or add them by hand "
                "with <b>Edit › Add a record</b>.")),
            (self.tr("2. Enter or import visits"), self.tr(
                "Mystery shoppers type each visit, call or chat with <b>File › Enter a visit…</b>: where and "
                "when, what happened, the measurements (how long the callback took), the script lines "
                "they heard, the ratings. Nothing is lost — the form saves a draft as they type. An agency's "
                "spreadsheet of visits comes in with <b>File › Import a file…</b>, Chinese headers and GBK files "
                "included.")),
            (self.tr("3. Run the audit"), self.tr(
                "On the <b>Audit</b> page, choose the period and run it. The app compares every visit with "
                "the promises and scripts that apply to it, and the touchpoints’ scripts with each other. "
                "Each run is kept, so you can compare this month with the last.")),
            (self.tr("4. Review the findings"), self.tr(
                "The <b>Findings</b> page lists each broken promise, missing or forbidden phrase and "
                "inconsistent claim, with the promise beside the shopper’s words and the evidence "
                "highlighted. Confirm (C) what is real, dismiss (D) false alarms, and decide the ones "
                "marked “to review”. Your decisions are kept when you run the audit again.")),
            (self.tr("5. Build the report"), self.tr(
                "<b>File › Build the report…</b> writes the Word report for the executives: the consistency "
                "index and its trend on page 1, the worst gaps in plain words, scorecards per touchpoint "
                "and every confirmed finding with its evidence. It can be in English or Chinese, use your "
                "company’s template and leave out staff names.")),
        ]

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Getting started"))
        intro = self.tr("From a brand’s promises to the report that shows where they are kept and where "
                        "they are broken. To try it first, use <b>File › New project from sample…</b>")
        parts = [f"<p>{intro}</p>"]
        parts += [f"<h3>{heading}</h3><p>{body}</p>" for heading, body in self.steps()]
        self.text.setHtml("".join(parts))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
