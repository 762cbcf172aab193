"""The report's charts (auditor.report.charts) and their Chinese fonts (auditor.report.fonts):
real PNGs, print resolution, real glyphs for Chinese labels — also on a machine with no
CJK font installed — and no Qt or pyplot anywhere near the engine."""

from __future__ import annotations

import fnmatch
import io
import subprocess
import sys
import tomllib
import warnings
from pathlib import Path

import pytest
from docx.image.image import Image as WordImage
from PIL import Image

from auditor.report import charts, fonts
from resources import resource_path

MAIN = Path(__file__).resolve().parents[2]

ZH = {"promise_keeping": "承诺兑现率", "script_adherence": "话术执行率", "consistency_index": "一致性指数",
      "n_a": "无数据", "perceived": "感知", "expected": "期望", "gap": "差距", "target": "目标"}
TOUCHPOINTS_ZH = [("门店 上海静安", 0.92, 0.81), ("熱線 香港", 0.55, None), ("銅鑼灣旗艦店", None, 0.7),
                  ("在线客服（网站和App）", 0.71, 0.9)]
PROMISES_ZH = ["热线 7×24 小时人工服务", "一线城市 48 小时内免费送货", "30 天无理由退货"]


def _rates(promises: list[str], touchpoints: list[str]) -> dict:
    rates = {}
    for i, promise in enumerate(promises):
        for j, touchpoint in enumerate(touchpoints):
            if (i + j) % 4 != 3:  # every fourth pair: the promise does not apply there
                rates[(promise, touchpoint)] = (((i * 7 + j * 3) % 10) / 10, 5 + i + j)
    return rates


def chinese_charts() -> dict[str, bytes]:
    names = [name for name, _, _ in TOUCHPOINTS_ZH]
    return {
        "touchpoint_bars": charts.touchpoint_bars(TOUCHPOINTS_ZH, ZH, target=0.9),
        "heat_map": charts.heat_map(PROMISES_ZH, names, _rates(PROMISES_ZH, names), ZH),
        "trend": charts.trend([("第1次", 61.5), ("第2次", None), ("第3次", 74.0)], ZH),
        "servqual_gaps": charts.servqual_gaps([("有形性", 4.3, 4.0), ("可靠性", 3.4, 4.0), ("保证性", None, 4.0)], ZH),
    }


def rendered_without_tofu(draw=chinese_charts) -> dict[str, bytes]:
    """The Chinese charts, failing on any "Glyph … missing from font(s)" matplotlib reports."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pictures = draw()
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    assert not missing, missing[:3]
    return pictures


def picture(png: bytes) -> Image.Image:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    image = Image.open(io.BytesIO(png))
    image.load()
    assert image.format == "PNG"
    return image


def height_cm(png: bytes) -> float:
    return charts.size_cm(png)[1]


# -- pictures ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pictures() -> dict[str, bytes]:
    return rendered_without_tofu()


def test_every_chart_is_a_png_at_print_resolution_sized_for_the_page(pictures):
    for name, png in pictures.items():
        image = picture(png)
        assert image.info["dpi"] == pytest.approx((charts.DPI, charts.DPI), abs=0.01), name
        assert charts.DPI == 200
        # Word reads the same resolution, so the picture lands at its designed size.
        assert WordImage.from_blob(png).horz_dpi == 200
        width, height = charts.size_cm(png)
        assert width == pytest.approx(16.0, abs=0.02), name
        assert 2 < height < 25, name
        assert image.getextrema()[0][0] < 100, f"{name} is blank"  # something dark was drawn


def test_chinese_labels_draw_with_real_glyphs_on_this_machine(pictures):
    assert set(pictures) == {"touchpoint_bars", "heat_map", "trend", "servqual_gaps"}  # drawn without tofu
    labels = "".join(ZH.values()) + "".join(n for n, _, _ in TOUCHPOINTS_ZH) + "".join(PROMISES_ZH)
    assert fonts.covers(labels)
    assert fonts.cjk_font_family() in fonts.font_families()


def test_a_machine_without_cjk_fonts_uses_the_shipped_font_and_still_draws_every_glyph(monkeypatch):
    monkeypatch.setattr(fonts, "installed_cjk_family", lambda: None)
    assert fonts.font_families() == (fonts.SHIPPED_FAMILY, fonts.LAST_RESORT_FAMILY)
    assert fonts.cjk_font_family() == fonts.SHIPPED_FAMILY
    rendered_without_tofu()


def test_the_tofu_check_can_fail(monkeypatch):
    # Only DejaVu (no CJK): the same check must see the boxes.
    monkeypatch.setattr(fonts, "setup", lambda: (fonts.LAST_RESORT_FAMILY,))
    with pytest.raises(AssertionError, match="missing from font"):
        rendered_without_tofu(lambda: {"bars": charts.touchpoint_bars(TOUCHPOINTS_ZH, ZH)})
    assert fonts.missing_glyphs("门店 A", (fonts.LAST_RESORT_FAMILY,)) == "门店"


def test_the_shipped_font_covers_everyday_simplified_and_traditional_chinese():
    level_1 = "".join(bytes([row, cell]).decode("gb2312") for row in range(0xB0, 0xD8) for cell in range(0xA1, 0xFF)
                      if (row, cell) <= (0xD7, 0xF9))
    assert len(level_1) == 3755  # GB2312 level 1: the everyday Simplified characters
    shipped = (fonts.SHIPPED_FAMILY,)
    assert fonts.missing_glyphs(level_1, shipped) == ""
    traditional = "熱線香港銅鑼灣旗艦店客戶服務門市顧問體驗會員積分與質保裝運費"
    punctuation = "，。、；：！？（）《》「」“”‘’—…·％＋×≥≤→•°℃№€£¥"
    assert fonts.missing_glyphs(traditional + punctuation + "AZaz09@#&%", shipped) == ""
    assert fonts.missing_glyphs("𠀀", shipped) == "𠀀"  # a subset: rare characters are not in it


def test_the_shipped_font_is_small_licensed_renamed_and_packaged():
    font = resource_path(*fonts.SHIPPED_FILE)
    assert font.is_file() and font.stat().st_size < 5_000_000
    licence = (font.parent / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Adobe" in licence
    from matplotlib.ft2font import FT2Font
    assert FT2Font(str(font)).family_name == fonts.SHIPPED_FAMILY  # not passed off as Noto Sans CJK
    config = tomllib.loads((MAIN / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["resources"]
    for shipped in ("fonts/" + font.name, "fonts/OFL.txt"):
        assert any(fnmatch.fnmatch(shipped, pattern) for pattern in globs), shipped
    assert any(d.startswith("matplotlib") for d in config["project"]["dependencies"])
    assert not any(d.lower().startswith("fonttools") for d in config["project"]["dependencies"])


# -- data shapes ------------------------------------------------------------------------------


@pytest.mark.parametrize("draw", [
    lambda: charts.touchpoint_bars([], ZH),
    lambda: charts.touchpoint_bars([("门店 上海静安", None, None)], ZH),
    lambda: charts.heat_map([], [], {}, ZH),
    lambda: charts.heat_map(["p"], ["t"], {("p", "t"): (None, 0)}, ZH),
    lambda: charts.trend([], ZH),
    lambda: charts.trend([("#1", None), ("#2", float("nan"))], ZH),
    lambda: charts.servqual_gaps([], ZH),
    lambda: charts.servqual_gaps([("有形性", None, 4.0)], ZH),
], ids=["bars-empty", "bars-none", "heat-empty", "heat-none", "trend-empty", "trend-none", "servqual-empty",
        "servqual-none"])
def test_nothing_to_draw_gives_a_small_no_data_picture(draw):
    png = draw()
    picture(png)
    assert charts.size_cm(png) == pytest.approx((16.0, 2.0), abs=0.02)


def test_partly_missing_values_are_drawn_not_refused():
    png = charts.touchpoint_bars([("A", None, 0.5), ("B", 0.8, None), ("C", float("nan"), 1.2)], {})
    assert height_cm(png) > 2.5  # a real chart, not the "no data" picture
    assert height_cm(charts.trend([("#1", 80.0)], {})) == pytest.approx(6.0, abs=0.02)


def test_more_touchpoints_make_a_taller_chart_that_still_fits_a_page():
    def rows(count: int) -> list:
        return [(f"门店 {i:02d} 上海静安 Flagship store", (i % 10) / 10, ((i * 3) % 10) / 10) for i in range(count)]

    two, ten, fifty = (height_cm(charts.touchpoint_bars(rows(n), ZH)) for n in (2, 10, 50))
    assert two < ten < fifty
    assert fifty <= 25  # an A4 portrait page's text height
    assert fifty / 50 >= 0.4  # a touchpoint still gets 4 mm: two bars and a readable label


def test_the_heat_map_widens_to_a_landscape_page_and_turns_when_touchpoints_are_many():
    def width_and_height(touchpoints: int) -> tuple[float, float]:
        names = [f"门店 {i}" for i in range(touchpoints)]
        return charts.size_cm(charts.heat_map(PROMISES_ZH, names, _rates(PROMISES_ZH, names), ZH))

    assert width_and_height(8)[0] == pytest.approx(charts.PAGE_WIDTH_CM, abs=0.02)
    wide = width_and_height(12)
    assert wide[0] == pytest.approx(charts.LANDSCAPE_WIDTH_CM, abs=0.02)
    turned = width_and_height(17)  # touchpoints down the side: three promise columns fit a portrait page
    assert turned[0] == pytest.approx(charts.PAGE_WIDTH_CM, abs=0.02) and turned[1] > wide[1]


def test_long_labels_are_wrapped_by_display_width_and_cut_with_an_ellipsis():
    assert charts._wrap("门店 上海静安", 9, 3) == "门店\n上海静安"  # breaks at the space, CJK counts double
    assert charts._wrap("Store Shanghai Xintiandi", 9, 3) == "Store\nShanghai\nXintiandi"
    cut = charts._wrap("銅鑼灣旗艦店香港客戶服務熱線和门店的一个很长很长的名字", 12, 2)
    assert cut.endswith("…") and cut.count("\n") == 1
    assert all(charts._width(line) <= 12 for line in cut.splitlines())


# -- fonts for Word, and the engine's rules ----------------------------------------------------


def test_word_east_asia_font_names_a_font_executives_have():
    assert fonts.word_east_asia_font("zh") == "Microsoft YaHei"
    assert fonts.word_east_asia_font("zh_CN") == "Microsoft YaHei"
    assert fonts.word_east_asia_font("zh-TW") == "Microsoft JhengHei"
    assert fonts.word_east_asia_font("en") == "Microsoft YaHei"  # English reports quote Chinese names


NO_QT = """
import sys
from auditor.report import charts
charts.trend([("#1", 80.0)], {})
bad = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6")
             or m == "matplotlib.pyplot" or m.startswith("matplotlib.backends.backend_qt"))
print(",".join(bad))
"""


def test_drawing_a_chart_loads_neither_qt_nor_pyplot():
    # A fresh interpreter: this test session has PySide6 loaded for the UI tests.
    result = subprocess.run([sys.executable, "-c", NO_QT], capture_output=True, text=True, cwd=MAIN, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
