"""Refresh the Simplified Chinese translation: collect every translatable string of ui/
into resources/i18n/brand_auditor_zh_CN.ts (keeping the translations already there), then
compile the .qm the app loads.

    python tools/update_translations.py          # then translate what is new in Qt Linguist
                                                 # (pyside6-linguist resources/i18n/*.ts) and run it again

pyside6-lupdate does not see ``QT_TRANSLATE_NOOP``, so the table column titles of
ui/table_specs.py are added here.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "brand_auditor_zh_CN.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent


def main() -> int:
    sys.path.insert(0, str(ROOT))
    TS.parent.mkdir(parents=True, exist_ok=True)
    sources = sorted(str(path) for path in (ROOT / "ui").glob("*.py"))
    kept = _column_translations()  # lupdate drops them: it does not see where they come from
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(TS)], check=True)
    _add_column_titles(kept)
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True)
    unfinished = sum(1 for message in ET.parse(TS).getroot().iter("message")
                     if message.find("translation").get("type") == "unfinished")
    print(f"{TS.relative_to(ROOT)}: {unfinished} strings still to translate")
    return 0


def _column_translations() -> dict[str, str]:
    from ui.table_specs import CONTEXT

    if not TS.exists():
        return {}
    return {message.findtext("source"): message.findtext("translation")
            for context in ET.parse(TS).getroot().iter("context") if context.findtext("name") == CONTEXT
            for message in context.iter("message")
            if message.find("translation").get("type") != "unfinished" and message.findtext("translation")}


def _add_column_titles(kept: dict[str, str]) -> None:
    from ui.table_specs import ALL_TABLES, CONTEXT

    tree = ET.parse(TS)
    root = tree.getroot()
    context = next((c for c in root.iter("context") if c.findtext("name") == CONTEXT), None)
    if context is None:
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = CONTEXT
    known = {message.findtext("source") for message in context.iter("message")}
    titles = dict.fromkeys(column.title for spec in ALL_TABLES for column in spec.columns)
    for title in [*titles, "Import column: {source}"]:
        if title not in known:
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = title
            translation = ET.SubElement(message, "translation")
            if title in kept:
                translation.text = kept[title]
            else:
                translation.set("type", "unfinished")
    tree.write(TS, encoding="utf-8", xml_declaration=True)


if __name__ == "__main__":
    raise SystemExit(main())
