"""The Simplified Chinese translation: complete, placeholders intact, compiled, and used."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from resources import resource_path
from ui import i18n
from ui.main_window import MainWindow

TS = resource_path("i18n", "brand_auditor_zh_CN.ts")
QM = resource_path("i18n", "brand_auditor_zh_CN.qm")
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%n")


def _messages() -> list[tuple[str, ET.Element]]:
    return [(context.findtext("name"), message) for context in ET.parse(TS).getroot().iter("context")
            for message in context.iter("message")]


def test_every_string_is_translated_with_its_placeholders():
    messages = _messages()
    assert len(messages) > 150
    for context, message in messages:
        source = message.findtext("source")
        translation = message.find("translation")
        assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), (context, source)
        text = "".join(translation.itertext())
        assert text.strip(), (context, source)
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (context, source)


def test_every_translatable_string_in_the_code_is_in_the_translation(tmp_path):
    """lupdate over ui/ finds nothing that the shipped .ts lacks (run tools/update_translations.py)."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(path) for path in (Path(__file__).resolve().parents[2] / "ui").glob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    shipped = {(context, message.findtext("source")) for context, message in _messages()}
    found = {(context.findtext("name"), message.findtext("source"))
             for context in ET.parse(fresh).getroot().iter("context") for message in context.iter("message")}
    assert found <= shipped, sorted(found - shipped)[:10]


def test_the_compiled_translation_is_the_one_the_ts_makes(tmp_path):
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    if not lrelease.exists() or shutil.which(str(lrelease)) is None:
        pytest.skip("pyside6-lrelease is not installed")
    subprocess.run([str(lrelease), str(TS), "-qm", str(tmp_path / "check.qm")], check=True, capture_output=True)
    assert (tmp_path / "check.qm").read_bytes() == QM.read_bytes()


def test_the_window_speaks_chinese_and_back(qapp, qtbot, sample_project):
    try:
        assert i18n.install(qapp, "zh") == "zh"
        window = MainWindow()
        qtbot.add_widget(window)
        assert window.open_project(sample_project)
        assert window.file_menu.title() == "文件(&F)"
        assert window.tabs.tabText(0) == "触点（8）"
        assert window.pages["observations"].model.headerData(0, Qt.Orientation.Horizontal) == "编号"
    finally:
        i18n.install(qapp, "en")
    window.retranslate_ui()
    assert window.file_menu.title() == "&File"


def test_every_translate_call_names_its_context_literally():
    """lupdate only collects QCoreApplication.translate("Context", "text") with literal
    arguments; a variable context or a one-argument wrapper leaves the text untranslated."""
    calls = re.compile(r"QCoreApplication\.translate\(\s*([^,]+),")
    for path in sorted((Path(__file__).resolve().parents[2] / "ui").glob("*.py")):
        for context in calls.findall(path.read_text(encoding="utf-8")):
            if path.name == "table_model.py" and context.strip() == "CONTEXT":
                continue  # the column titles: marked with QT_TRANSLATE_NOOP, added by tools/update_translations.py
            assert context.strip().startswith('"'), f"{path.name}: translate({context.strip()}, …)"
