"""Fonts that show Chinese in the report: for the charts (drawn here with matplotlib) and
for the Word text (drawn later by the reader's Word).

Charts are pictures, so their glyphs must exist on the machine that *makes* the report.
:func:`font_families` is the chain matplotlib falls back through, glyph by glyph:

1. a CJK sans font installed on this machine, the first of :data:`INSTALLED_CANDIDATES`
   that matplotlib knows (Noto Sans CJK SC, Source Han Sans, WenQuanYi, Microsoft YaHei,
   PingFang, SimHei…) — full coverage of whatever a brand writes;
2. "BTA Sans CJK SC", shipped in ``resources/fonts/`` — a 2.4 MB subset of Noto Sans CJK SC
   (SIL OFL 1.1) with ASCII, Latin-1, common punctuation, all of GB2312 (6,763 Simplified
   characters), their Traditional forms and Big5 level 1 (5,401 common Traditional
   characters), so a fresh machine with no CJK font still draws 门店 上海静安 and 熱線 香港;
3. DejaVu Sans, which comes with matplotlib — the symbols neither has.

Word text is not embedded: the document names a font and the reader's machine draws it.
:func:`word_east_asia_font` names one that executives' Windows and Mac machines have.

Call :func:`setup` (cheap, idempotent) before drawing; :mod:`.charts` does it itself.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from matplotlib import font_manager

from resources import resource_path

SHIPPED_FAMILY = "BTA Sans CJK SC"
SHIPPED_FILE = ("fonts", "BTASansCJKSC-Regular.otf")
LAST_RESORT_FAMILY = "DejaVu Sans"  # ships inside matplotlib, so always there

# Sans-serif families that draw Simplified (and Traditional) Chinese, best first. Pan-CJK
# fonts appear under several names (Noto's JP face has every Chinese glyph too: older
# matplotlib only sees the first face of a .ttc collection, which is the JP one).
INSTALLED_CANDIDATES = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "Source Han Sans",
    "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
    "Sarasa Gothic SC", "Heiti SC", "STHeiti", "SimHei", "Noto Sans CJK TC", "Noto Sans CJK HK",
    "Noto Sans CJK JP", "Source Han Sans TC", "Microsoft JhengHei", "Droid Sans Fallback",
)
_PROBE = "门店上海静安熱線香港承诺兑现率"  # what a font must draw to count as a Chinese font here

# The East Asian font named in the Word document (w:rFonts/@w:eastAsia). Word draws it on
# the reader's machine, so it must be one executives have: Microsoft YaHei (微软雅黑) is on
# every Windows since Vista and comes with Office for Mac; where it is missing (LibreOffice
# on Linux, a bare Mac) the viewer substitutes its own CJK sans, so the text still reads.
# Traditional text gets its Taiwan/Hong Kong sibling, Microsoft JhengHei (微軟正黑體).
# English reports still quote Chinese touchpoint names and evidence, hence the default.
_WORD_EAST_ASIA = {
    "zh": "Microsoft YaHei", "zh-cn": "Microsoft YaHei", "zh-sg": "Microsoft YaHei",
    "zh-hans": "Microsoft YaHei",
    "zh-tw": "Microsoft JhengHei", "zh-hk": "Microsoft JhengHei", "zh-mo": "Microsoft JhengHei",
    "zh-hant": "Microsoft JhengHei",
    "ja": "Yu Gothic", "ko": "Malgun Gothic",
}
WORD_EAST_ASIA_DEFAULT = "Microsoft YaHei"


def setup() -> tuple[str, ...]:
    """Register the shipped font with matplotlib (once) and return :func:`font_families`."""
    return font_families()


def font_families() -> tuple[str, ...]:
    """The font families charts use, in fallback order (see the module docstring)."""
    _register_shipped_font()
    installed = installed_cjk_family()
    chain = [installed] if installed else []
    if _known(SHIPPED_FAMILY):
        chain.append(SHIPPED_FAMILY)
    return (*chain, LAST_RESORT_FAMILY)


def cjk_font_family() -> str:
    """The family that draws the charts' Chinese: installed if there is one, else the shipped one."""
    return font_families()[0]


@cache
def installed_cjk_family() -> str | None:
    """The best Chinese sans font installed on this machine that matplotlib can use, if any."""
    names = {entry.name for entry in font_manager.fontManager.ttflist}
    for family in INSTALLED_CANDIDATES:
        if family in names and not missing_glyphs(_PROBE, (family,)):
            return family
    return None


def missing_glyphs(text: str, families: tuple[str, ...] | None = None) -> str:
    """The characters of ``text`` that none of ``families`` (default: :func:`font_families`)
    can draw — what would come out as boxes. Spaces and control characters need no glyph."""
    fonts = [_font(family) for family in (families or font_families())]
    missing = []
    for char in dict.fromkeys(text):
        if char.isspace() or unicodedata.category(char).startswith("C"):
            continue
        if not any(font is not None and font.get_char_index(ord(char)) for font in fonts):
            missing.append(char)
    return "".join(missing)


def covers(text: str, families: tuple[str, ...] | None = None) -> bool:
    """Whether every visible character of ``text`` has a glyph in ``families`` (default: the chart chain)."""
    return not missing_glyphs(text, families)


def word_east_asia_font(lang: str) -> str:
    """The font to name in Word's East Asian font attribute for a report in ``lang``
    ("zh", "zh-TW", "en"…): Microsoft YaHei, or Microsoft JhengHei for Traditional Chinese."""
    code = lang.strip().lower().replace("_", "-")
    return _WORD_EAST_ASIA.get(code) or _WORD_EAST_ASIA.get(code.split("-")[0]) or WORD_EAST_ASIA_DEFAULT


def text_width_pt(text: str, size_pt: float, *, bold: bool = False, family: str | None = None) -> float:
    """About how wide ``text`` prints at ``size_pt``, in points. In ``family`` (a chart's
    font) as that font draws it; by default erring wide for Word text: Latin measured in
    DejaVu Sans — what LibreOffice draws Calibri with where neither Calibri nor a metric
    twin is installed, and wider than either — and a CJK character one em."""
    if family is not None and (font := _font(family)) is not None:
        font.set_size(size_pt, 720)  # at 10 × 72 dpi: hinting rounds each glyph far less
        font.set_text(text, 0.0)
        return font.get_width_height()[0] / 640
    font = _measuring_font(bold)
    font.set_size(size_pt, 72)
    wide = sum(1 for char in text if unicodedata.east_asian_width(char) in "WF")
    rest = "".join(char for char in text if unicodedata.east_asian_width(char) not in "WF")
    font.set_text(rest, 0.0)
    return font.get_width_height()[0] / 64 + wide * size_pt


def _measuring_font(bold: bool):
    return font_manager.get_font(_measuring_font_path(bold))


@cache
def _measuring_font_path(bold: bool) -> str:
    return font_manager.findfont(font_manager.FontProperties(family=LAST_RESORT_FAMILY,
                                                             weight="bold" if bold else "normal"))


@cache
def _register_shipped_font() -> None:
    path = resource_path(*SHIPPED_FILE)
    if path.is_file() and not _known(SHIPPED_FAMILY):
        font_manager.fontManager.addfont(str(path))


def _known(family: str) -> bool:
    return any(entry.name == family for entry in font_manager.fontManager.ttflist)


def _font(family: str):
    """The FT2Font matplotlib would use for ``family`` (regular weight), or None if there is none.
    Not cached here: FT2Font objects belong to one thread, and get_font caches per thread."""
    path = _font_path(family)
    return font_manager.get_font(path) if path else None


@cache
def _font_path(family: str) -> str | None:
    try:
        return font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    except ValueError:
        return None
