"""Rebuild the CJK font the report's charts fall back to: ``BTASansCJKSC-Regular.otf``.

A developer tool, not part of the app: nothing imports it, and fontTools is not a runtime
dependency (it lands in the wheel only because setuptools packs every .py under resources/). It subsets Noto Sans CJK SC Regular (SIL OFL 1.1) to what a
mystery-shopping report writes: ASCII and Latin-1, common punctuation and symbols, all of
GB2312 (its 6,763 Simplified characters, the 3,755 of level 1 being the everyday ones), the
Traditional form of each of those (OpenCC's table) and Big5 level 1 (the 5,401 common
Traditional characters), so that a Hong Kong or Taiwan touchpoint name shows too.

The subset is renamed "BTA Sans CJK SC": a modified font should not pass itself off as the
original, and the new name never collides with a full Noto Sans CJK SC installed on the same
machine. ``auditor.report.fonts`` registers it with matplotlib at run time.

    pip install fonttools opencc-python-reimplemented
    python tools/build_cjk_subset.py [/path/to/NotoSansCJK-Regular.ttc]
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

HERE = Path(__file__).resolve().parent.parent / "resources" / "fonts"  # where the font is shipped
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
SC_FACE = 2  # the face of the Noto Sans CJK collection with the Simplified Chinese glyph forms
OUT = HERE / "BTASansCJKSC-Regular.otf"
FAMILY = "BTA Sans CJK SC"
POSTSCRIPT = "BTASansCJKSC-Regular"

RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1: é, °, ±, ×, ·, «»
    (0x2010, 0x2027),  # dashes, quotes, bullet, ellipsis
    (0x2030, 0x203B),  # per mille, primes, ‹›, ※
    (0x20A0, 0x20BF),  # currency: €, ₩, ₹…
    (0x2100, 0x2122),  # ℃, №, ™
    (0x2160, 0x216B),  # Roman numerals Ⅰ–Ⅻ
    (0x2190, 0x2199),  # arrows
    (0x2212, 0x2212), (0x2248, 0x2248), (0x2260, 0x2265),  # − ≈ ≠ ≤ ≥
    (0x2460, 0x2473),  # ①–⑳
    (0x25A0, 0x25CF),  # ■□▲△●○
    (0x2605, 0x2606),  # ★☆
    (0x2713, 0x2717),  # ✓✔✕✖✗
    (0x3000, 0x303F),  # CJK punctuation: 、。〈〉《》「」『』【】〔〕
    (0xFF01, 0xFF5E),  # fullwidth ASCII: ，：；！？（）
    (0xFFE0, 0xFFE6),  # fullwidth ¢£¬￣¦¥₩
]


def _codec_characters(codec: str, rows: range, cells: range) -> set[str]:
    chars = set()
    for row in rows:
        for cell in cells:
            try:
                chars.add(bytes([row, cell]).decode(codec))
            except UnicodeDecodeError:
                pass
    return chars


def gb2312() -> set[str]:
    """Every character of GB2312: symbols (rows 1-9) and both levels of Hanzi (rows 16-87)."""
    return _codec_characters("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF))


def big5_level1() -> set[str]:
    """Big5's 5,401 frequently used Traditional characters (0xA440-0xC67E)."""
    chars = _codec_characters("big5", range(0xA4, 0xC7), list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)))
    return {c for c in chars if "\u4e00" <= c <= "\u9fff"}


def traditional_forms(simplified: set[str]) -> set[str]:
    """Every Traditional form OpenCC lists for the given Simplified characters."""
    import opencc  # the package the app already depends on; its table ships as text

    table = Path(opencc.__file__).parent / "dictionary" / "STCharacters.txt"
    forms = set()
    for line in table.read_text(encoding="utf-8").splitlines():
        source, _, targets = line.partition("\t")
        if source in simplified:
            forms.update(targets.split())
    return forms


def characters() -> set[str]:
    chars = {chr(c) for start, end in RANGES for c in range(start, end + 1)}
    simplified = gb2312()
    return chars | simplified | traditional_forms(simplified) | big5_level1()


def rename(font: TTFont) -> None:
    """Give the subset its own name (OFL: a Modified Version; never mistaken for the full font)."""
    version = font["name"].getDebugName(5)
    names = {
        1: FAMILY, 2: "Regular", 3: f"{POSTSCRIPT};subset of Noto Sans CJK SC {version}", 4: FAMILY,
        6: POSTSCRIPT, 16: FAMILY, 17: "Regular",
    }
    name = font["name"]
    name.names = [r for r in name.names if r.nameID not in names]  # drops the localized originals too
    for name_id, text in names.items():
        name.setName(text, name_id, 3, 1, 0x409)
        name.setName(text, name_id, 1, 0, 0)
    copyright_ = name.getDebugName(0)
    description = ("Subset of Noto Sans CJK SC (" + copyright_ + ") made for Brand Touchpoint Auditor's "
                   "report charts; licensed under the SIL Open Font License 1.1 (OFL.txt).")
    name.setName(description, 10, 3, 1, 0x409)
    cff = font["CFF "].cff
    cff.fontNames = [POSTSCRIPT]
    top = cff[0]
    for attr, value in (("FullName", FAMILY), ("FamilyName", FAMILY)):
        if hasattr(top, attr):
            setattr(top, attr, value)


def main(source: Path = SOURCE) -> None:
    options = subset.Options()
    options.font_number = SC_FACE
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    # Horizontal text only, one language: no vertical forms, no JP/KR/TC "locl" alternates
    # (those would double the glyph count).
    options.layout_features = ["kern", "ccmp", "liga", "calt"]
    options.hinting = False  # the charts render at 200 dpi, where hints do nothing
    options.desubroutinize = False
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(characters())))
    subsetter.subset(font)
    rename(font)
    font.recalcTimestamp = False  # keep the source's date: the same source gives the same bytes
    subset.save_font(font, str(OUT), options)
    covered = len(font.getBestCmap())
    print(f"{OUT.name}: {covered} characters, {OUT.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE)
