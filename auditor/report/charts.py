"""The report's charts, as PNG pictures ready for Word (SPEC §7).

Each chart is a pure function of plain data — names and rates, with every label already in
the report's language — that returns PNG bytes rendered at print resolution (:data:`DPI`,
200 dpi). The picture's pixel size divided by its dpi is the size it is designed to print
at (:func:`size_cm`); place it at that width and its text is 6.5–8 pt.

- :func:`touchpoint_bars` — promise keeping and script adherence per touchpoint, worst
  first; 16 cm wide, taller with more touchpoints (about 24 cm at 50).
- :func:`heat_map` — promise × touchpoint keeping rate with n; 16 cm wide up to 8 columns,
  24 cm (landscape) beyond. Over 16 touchpoints it turns: touchpoints down the side, taller.
  Names are wrapped whole, never cut.
- :func:`trend` — the consistency index (0–100) across audit runs; 16 × 6 cm.
- :func:`servqual_gaps` — perceived against expected rating per SERVQUAL dimension, and
  the gap as a diverging bar; 16 cm wide.

``labels`` is a dict of the chart's words (keys as in :data:`LABELS`; missing ones fall back
to English). There are no titles unless ``labels["title"]`` is given: the report's
headings and captions name the charts.
Rates are shares (0–1); ``None`` (or NaN) means "not measured" and shows as "n/a" or a
blank, never as zero. With nothing to draw (empty input, or every value None) a chart is
a small picture saying ``labels["n_a"]`` — always bytes, never None, so the caller can
place it unconditionally.

Drawing uses matplotlib's object-oriented API on the Agg canvas only (no pyplot, no GUI
backend), so it runs off the GUI thread and on a server with no display — one chart at a
time, as matplotlib's style settings are process-wide. Colours are the Okabe–Ito
colour-blind-safe set; the heat map's red–amber–green also differs in lightness and every
cell carries its number, so colour is never the only cue. Chinese labels draw with the
fonts from :mod:`.fonts`.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NamedTuple

import matplotlib
import numpy as np
from matplotlib.cm import ScalarMappable
from matplotlib.colors import LinearSegmentedColormap, Normalize, to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator, MultipleLocator

from auditor import lexicon
from auditor.report import fonts

DPI = 200
PAGE_WIDTH_CM = 16.0  # A4 portrait, 2.5 cm margins
LANDSCAPE_WIDTH_CM = 24.0  # A4 landscape

# Okabe & Ito, "Color Universal Design": distinguishable with every common colour deficiency.
BLUE, ORANGE, VERMILLION = "#0072B2", "#E69F00", "#D55E00"
INK, MUTED, GRID, EMPTY = "#222222", "#6B6B6B", "#E3E3E3", "#F3F3F3"
# Heat map: red at or below 50 % kept, amber at 75 %, green at 100 %. The ends also differ in
# lightness (L* 42 and 61, amber 82), so they stay apart for red–green colour-blind readers.
HEAT_COLOURS = LinearSegmentedColormap.from_list("keeping", ["#B03A2E", "#F2C75C", "#35A38A"])
HEAT_SCALE = Normalize(vmin=0.5, vmax=1.0, clip=True)

LABELS = {
    "promise_keeping": "Promise keeping", "script_adherence": "Script adherence",
    "consistency_index": "Consistency index", "perceived": "Perceived", "expected": "Expected",
    "gap": "Gap", "n_a": "n/a", "target": "Target", "title": "",
}

_STYLE = {
    "font.size": 7.5, "axes.titlesize": 9, "axes.labelsize": 7.5, "xtick.labelsize": 7,
    "ytick.labelsize": 7.5, "legend.fontsize": 7.5, "text.color": INK, "axes.labelcolor": INK,
    "axes.edgecolor": "#9A9A9A", "axes.linewidth": 0.6, "xtick.color": MUTED, "ytick.color": INK,
    "xtick.major.width": 0.6, "ytick.major.width": 0.6, "axes.spines.top": False,
    "axes.spines.right": False, "legend.frameon": False, "axes.axisbelow": True,
    "axes.unicode_minus": True,
}


# -- the charts -------------------------------------------------------------------------------


def touchpoint_bars(rows: list[tuple[str, float | None, float | None]], labels: dict | None = None, *,
                    target: float | None = None) -> bytes:
    """Promise keeping and script adherence (0–1) per touchpoint as grouped horizontal bars,
    worst promise keeping at the top (touchpoints without it last, by adherence). ``target``
    draws a dashed line at that share. 16 cm wide; each touchpoint adds 0.45–0.75 cm."""
    words = {**LABELS, **(labels or {})}
    rows = [(name, _rate(keeping), _rate(adherence)) for name, keeping, adherence in rows]
    if not any(k is not None or a is not None for _, k, a in rows):
        return _no_data(words)
    rows.sort(key=lambda r: (r[1] is None, r[1] if r[1] is not None else 0, r[2] if r[2] is not None else 0))
    count = len(rows)
    row_cm = 0.75 if count <= 10 else 0.55 if count <= 25 else max(0.44, 22.0 / count)
    lines = 2 if count <= 10 else 1
    with _drawing(PAGE_WIDTH_CM, 1.9 + count * row_cm) as fig:
        ax = fig.add_subplot()
        bar, value_pt = (0.36, 6.5) if count <= 25 else (0.4, 6)
        for offset, index, colour in ((-bar / 2, 1, BLUE), (bar / 2, 2, ORANGE)):
            for y, row in enumerate(rows):
                value = row[index]
                if value is None:
                    ax.text(0.008, y + offset, words["n_a"], va="center", ha="left", fontsize=6.5,
                            color=MUTED, style="italic")
                    continue
                ax.barh(y + offset, value, height=bar * 0.92, color=colour, linewidth=0)
                ax.text(value + 0.008, y + offset, _percent(value), va="center", ha="left", fontsize=value_pt,
                        color=INK, bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.3, "alpha": 0.8})
        ax.set_yticks(range(count), [_wrap(name, _units(5.0, 7.5), lines) for name, _, _ in rows])
        ax.set_ylim(count - 0.5, -0.5)  # worst at the top
        ax.tick_params(axis="y", length=0)
        ax.xaxis.set_major_locator(MultipleLocator(0.25))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: _percent(v) if -1e-9 <= v <= 1 + 1e-9 else ""))
        ax.set_xlim(0, 1.1)
        ax.spines["bottom"].set_bounds(0, 1)
        ax.spines["left"].set_visible(False)
        ax.grid(axis="x", color=GRID, linewidth=0.6)
        handles = [Patch(color=BLUE, label=words["promise_keeping"]),
                   Patch(color=ORANGE, label=words["script_adherence"])]
        if target is not None:
            ax.axvline(target, color=INK, linewidth=0.8, linestyle=(0, (4, 3)))
            handles.append(Line2D([], [], color=INK, linewidth=0.8, linestyle=(0, (4, 3)),
                                  label=f"{words['target']} {_percent(target)}"))
        fig.legend(handles=handles, loc="outside upper left", ncols=len(handles), handlelength=1.2,
                   borderaxespad=0.2)
        _title(fig, words)
    return fig.png


_CROWDED_CELLS = 240


def heat_map(promises: list[str], touchpoints: list[str], rates: dict[tuple[str, str], tuple[float | None, int]],
             labels: dict | None = None) -> bytes:
    """Promise keeping rate per (promise, touchpoint), with n (the checks decided) in each cell,
    red ≤ 50 % – amber 75 % – green 100 %. A pair missing from ``rates`` (the promise does not
    apply there) or with a None rate (nothing decided) is a blank cell. Rows and columns keep
    the caller's order. Promises run down the side and touchpoints across; over 16
    touchpoints the grid turns (touchpoints down the side, 0.5 cm each) so it stays legible.
    16 cm wide with up to 8 columns, else 24 cm for a landscape page. Every name is shown
    whole, wrapped (:func:`heat_map_labels`); a row grows with its label's lines."""
    words = {**LABELS, **(labels or {})}
    cells = {key: (_rate(rate), n) for key, (rate, n) in rates.items()}
    if not promises or not touchpoints or all(rate is None for rate, _ in cells.values()):
        return _no_data(words)
    layout = _heat_layout(promises, touchpoints)
    turned, rows, columns, width = layout.turned, layout.rows, layout.columns, layout.width_cm
    headers, sides = layout.headers, layout.sides
    edges = np.concatenate([[0.0], np.cumsum(layout.heights)])
    centres = (edges[:-1] + edges[1:]) / 2
    with _drawing(width, layout.height_cm) as fig:
        ax = fig.add_subplot()
        grid = np.full((len(rows), len(columns)), np.nan)
        for r, row in enumerate(rows):
            for c, column in enumerate(columns):
                rate, _ = cells.get((column, row) if turned else (row, column), (None, 0))
                if rate is not None:
                    grid[r, c] = rate
        # One mesh for every cell (a patch each is slow at a few hundred cells).
        ax.pcolormesh(np.arange(len(columns) + 1), edges, np.ma.masked_invalid(grid),
                      cmap=HEAT_COLOURS.with_extremes(bad=EMPTY), norm=HEAT_SCALE, edgecolors="white", linewidth=1.5)
        crowded = np.count_nonzero(~np.isnan(grid)) > _CROWDED_CELLS  # then only the rate is written
        for r, row in enumerate(rows):
            middle = centres[r]
            for c, column in enumerate(columns):
                rate, n = cells.get((column, row) if turned else (row, column), (None, 0))
                if rate is None:
                    continue
                ink = _ink_on(HEAT_COLOURS(HEAT_SCALE(rate)))
                if crowded:
                    ax.text(c + 0.5, middle, _percent(rate), ha="center", va="center", fontsize=6, color=ink)
                elif turned:  # low rows: rate and n side by side
                    ax.text(c + 0.47, middle, _percent(rate), ha="right", va="center", fontsize=7, color=ink)
                    ax.text(c + 0.53, middle + 0.02, f"n={n}", ha="left", va="center", fontsize=5.5, color=ink)
                else:
                    ax.text(c + 0.5, middle - 0.05, _percent(rate), ha="center", va="center", fontsize=7, color=ink)
                    ax.text(c + 0.5, middle + 0.19, f"n={n}", ha="center", va="center", fontsize=5.5, color=ink)
        ax.set_xlim(0, len(columns))
        ax.set_ylim(float(edges[-1]), 0)
        ax.set_xticks([c + 0.5 for c in range(len(columns))], headers, fontsize=layout.header_pt, linespacing=1.15)
        ax.set_yticks(list(centres), sides, linespacing=1.1)
        ax.xaxis.tick_top()
        ax.tick_params(length=0, pad=3)
        for spine in ax.spines.values():
            spine.set_visible(False)
        bar = fig.colorbar(ScalarMappable(norm=HEAT_SCALE, cmap=HEAT_COLOURS), ax=ax,
                           fraction=0.04, aspect=max(8, 2.5 * len(rows)), pad=0.02,
                           ticks=[0.5, 0.75, 1.0])
        bar.ax.set_yticklabels(["≤50%", "75%", "100%"], fontsize=6.5)
        bar.outline.set_visible(False)
        bar.ax.tick_params(length=0)
        _title(fig, words)
    return fig.png


class _HeatLayout(NamedTuple):
    turned: bool
    rows: list[str]
    columns: list[str]
    width_cm: float
    headers: list[str]
    sides: list[str]
    header_pt: float
    heights: list[float]  # of each row, cm
    height_cm: float  # of the whole picture


def _heat_layout(promises: list[str], touchpoints: list[str]) -> _HeatLayout:
    turned = len(touchpoints) > 16
    rows, columns = (touchpoints, promises) if turned else (promises, touchpoints)
    width = PAGE_WIDTH_CM if len(columns) <= 8 else LANDSCAPE_WIDTH_CM
    headers, sides = heat_map_labels(rows, columns, width_cm=width, turned=turned)
    header_pt = _header_size(columns, _heat_widths(columns, width, turned)[1])
    header_cm = 0.3 + 0.29 * header_pt / 6.5 * max(h.count("\n") + 1 for h in headers)
    # Every label is shown whole, wrapped: a row is as tall as its label needs.
    base_cm = 0.5 if turned else 0.66
    heights = [max(base_cm, 0.12 + 0.27 * (side.count("\n") + 1)) for side in sides]
    return _HeatLayout(turned, rows, columns, width, headers, sides, header_pt, heights,
                       header_cm + 0.5 + sum(heights))


def heat_map_rows_cm(promises: list[str], touchpoints: list[str]) -> tuple[float, list[float]]:
    """How tall :func:`heat_map` draws these promises and touchpoints: the headers and
    margins, and each row (in the order given); a map of some of the rows is the first
    plus the sum of theirs. The report splits a map too tall for its page with it."""
    if not promises or not touchpoints:
        return 2.0, []
    layout = _heat_layout(promises, touchpoints)
    return layout.height_cm - sum(layout.heights), list(layout.heights)


def heat_map_labels(rows: list[str], columns: list[str], *, width_cm: float, turned: bool) -> tuple[list[str], list[str]]:
    """The heat map's column headers and row labels, each the whole name wrapped to the
    width it has (never cut short: a long name takes more lines)."""
    side_cm, column_cm = _heat_widths(columns, width_cm, turned)
    size = _header_size(columns, column_cm)
    headers = [_wrap_measured(name, column_cm - 0.06, size) for name in columns]  # a hair from the next header
    sides = [_wrap_measured(name, side_cm - 0.3, _STYLE["ytick.labelsize"]) for name in rows]
    return headers, sides


_HEADER_SIZES = (6.5, 6.0, 5.5)  # pt: the first at which every word of every header fits its column


def _heat_widths(columns: list[str], width_cm: float, turned: bool) -> tuple[float, float]:
    side_cm, bar_cm = (4.2 if turned else 5.2), 1.6
    return side_cm, (width_cm - side_cm - bar_cm) / len(columns)


def _header_size(columns: list[str], column_cm: float) -> float:
    """The largest header size at which no word of a header has to be broken (narrow
    columns of long names: "Customer" whole in 5.5 pt rather than "Custome/r")."""
    family = fonts.font_families()[0]
    room = (column_cm - 0.06) / 2.54 * 72
    words = {piece for name in columns for word in str(name).split() for piece in _CJK_SPLIT.split(word) if piece}
    # A word too long for the column even at the smallest size ("aurelia-home.cn") is
    # broken whatever the size: it does not make every header smaller.
    words = {word for word in words if fonts.text_width_pt(word, _HEADER_SIZES[-1], family=family) <= room}
    for size in _HEADER_SIZES:
        if all(fonts.text_width_pt(word, size, family=family) <= room for word in words):
            return size
    return _HEADER_SIZES[-1]


_ALL_LINES = 1000


def _wrap_measured(text: str, width_cm: float, size_pt: float) -> str:
    """``text`` wrapped whole into lines that, drawn in the chart's font, fit ``width_cm``:
    the widest wrap (fewest lines, fewest broken words) whose every line fits."""
    family = fonts.font_families()[0]
    room = width_cm / 2.54 * 72
    for units in range(max(4, int(room / (0.3 * size_pt))), 4, -1):
        wrapped = _wrap(text, units, _ALL_LINES)
        if all(fonts.text_width_pt(line, size_pt, family=family) <= room for line in wrapped.splitlines()):
            return wrapped
    return _wrap(text, 4, _ALL_LINES)


def trend(points: list[tuple[str, float | None]], labels: dict | None = None) -> bytes:
    """The consistency index (0–100) per audit run, oldest first: a line with each value
    written above its point; a run without an index is a gap. 16 × 6 cm."""
    words = {**LABELS, **(labels or {})}
    values = [_number(value) for _, value in points]
    present = [v for v in values if v is not None]
    if not present:
        return _no_data(words)
    with _drawing(PAGE_WIDTH_CM, 6.0) as fig:
        ax = fig.add_subplot()
        xs = range(len(points))
        ax.plot(xs, [math.nan if v is None else v for v in values], color=BLUE, linewidth=1.6, marker="o",
                markersize=4.5, markerfacecolor=BLUE, markeredgecolor="white", markeredgewidth=0.8)
        for x, value in zip(xs, values):
            if value is None:
                ax.text(x, min(present), words["n_a"], ha="center", va="bottom", fontsize=6.5, color=MUTED,
                        style="italic")
            else:
                ax.annotate(_decimal(value), (x, value), xytext=(0, 5), textcoords="offset points",
                            ha="center", va="bottom", fontsize=7)
        low = max(0.0, math.floor((min(present) - 10) / 10) * 10)
        ax.set_ylim(low, 100 + (100 - low) * 0.06)
        ax.spines["left"].set_bounds(low, 100)
        ax.yaxis.set_major_locator(MultipleLocator(10 if 100 - low <= 50 else 20))
        ax.set_ylabel(words["consistency_index"])
        step = max(1, math.ceil(len(points) / 12))
        ax.set_xticks(list(xs)[::step], [_wrap(name, 12, 2) for name, _ in points][::step])
        ax.set_xlim(-0.5, len(points) - 0.5)
        ax.tick_params(axis="y", colors=MUTED)
        ax.grid(axis="y", color=GRID, linewidth=0.6)
        _title(fig, words)
    return fig.png


def servqual_gaps(dimensions: list[tuple[str, float | None, float]], labels: dict | None = None, *,
                  scale: tuple[float, float] = (1, 5)) -> bytes:
    """Per SERVQUAL dimension, the mean perceived rating against the expected one on the
    rating ``scale`` (left), and the gap perceived − expected as a bar either side of zero
    (right: a shortfall in vermillion, a surplus in blue). 16 cm wide."""
    words = {**LABELS, **(labels or {})}
    rows = [(name, _number(perceived), _number(expected)) for name, perceived, expected in dimensions]
    if not any(p is not None for _, p, _ in rows):
        return _no_data(words)
    gaps = [None if p is None or e is None else p - e for _, p, e in rows]
    reach = max([0.5] + [abs(g) for g in gaps if g is not None]) * 1.35
    with _drawing(PAGE_WIDTH_CM, 1.9 + 0.62 * len(rows)) as fig:
        rating, gap = fig.subplots(1, 2, sharey=True, width_ratios=[1.5, 1])
        ys = range(len(rows))
        for y, (_, perceived, expected), difference in zip(ys, rows, gaps):
            if expected is not None:
                rating.scatter(expected, y, s=34, marker="D", facecolor="white", edgecolor=MUTED, linewidth=1,
                               zorder=3)
            if perceived is None:
                rating.text(scale[0] + 0.05, y, words["n_a"], va="center", fontsize=6.5, color=MUTED,
                            style="italic")
                gap.text(0, y, words["n_a"], ha="center", va="center", fontsize=6.5, color=MUTED, style="italic",
                         bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5})
                continue
            if expected is not None:
                rating.plot([expected, perceived], [y, y], color=GRID, linewidth=2.2, zorder=2,
                            solid_capstyle="butt")
            rating.scatter(perceived, y, s=34, color=BLUE, zorder=4, linewidth=0)
            if difference is not None:
                gap.barh(y, difference, height=0.5, color=VERMILLION if difference < 0 else BLUE, linewidth=0)
                gap.text(difference + (0.03 if difference >= 0 else -0.03) * reach, y, _signed(difference, 2),
                         va="center", ha="left" if difference >= 0 else "right", fontsize=6.5)
        rating.set_yticks(list(ys), [_wrap(name, _units(3.2, 7.5), 2) for name, _, _ in rows])
        rating.set_ylim(len(rows) - 0.5, -0.5)
        rating.set_xlim(scale[0] - 0.1, scale[1] + 0.1)
        rating.xaxis.set_major_locator(MultipleLocator(1))
        rating.spines["bottom"].set_bounds(*scale)
        rating.tick_params(axis="y", length=0)
        rating.spines["left"].set_visible(False)
        rating.grid(axis="x", color=GRID, linewidth=0.6)
        gap.set_xlim(-reach, reach)
        gap.axvline(0, color="#9A9A9A", linewidth=0.8)
        gap.xaxis.set_major_locator(MaxNLocator(nbins=4, steps=[1, 2, 5, 10], symmetric=True))
        gap.xaxis.set_major_formatter(FuncFormatter(lambda v, _: _signed(v, 1) if abs(v) > 1e-9 else "0"))
        gap.tick_params(axis="y", length=0)
        gap.spines["left"].set_visible(False)
        gap.grid(axis="x", color=GRID, linewidth=0.6)
        gap.set_title(words["gap"], fontsize=7.5, loc="center", color=MUTED)
        handles = [Line2D([], [], marker="o", linestyle="", color=BLUE, markersize=5, label=words["perceived"]),
                   Line2D([], [], marker="D", linestyle="", markerfacecolor="white", markeredgecolor=MUTED,
                          markersize=4.5, label=words["expected"])]
        fig.legend(handles=handles, loc="outside upper left", ncols=2, handletextpad=0.3, borderaxespad=0.2)
        _title(fig, words)
    return fig.png


def size_cm(png: bytes) -> tuple[float, float]:
    """The width and height a chart is designed to print at, in centimetres."""
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG picture")
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    return round(width / DPI * 2.54, 2), round(height / DPI * 2.54, 2)


# -- drawing ----------------------------------------------------------------------------------


class _Figure(Figure):
    png: bytes = b""


@contextmanager
def _drawing(width_cm: float, height_cm: float) -> Iterator[_Figure]:
    """A figure of the given print size in the report's style; on leaving, its PNG is in ``.png``.
    The style must be in force both while the texts are made (they take their font then) and
    while drawing."""
    with matplotlib.rc_context({**_STYLE, "font.family": list(fonts.setup())}):
        # Whole pixels (+¼, so that truncating or rounding agree): the print size is exact.
        inches = [(round(cm / 2.54 * DPI) + 0.25) / DPI for cm in (width_cm, height_cm)]
        fig = _Figure(figsize=inches, dpi=DPI, layout="constrained")
        fig.get_layout_engine().set(w_pad=0.04, h_pad=0.04)
        yield fig
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=DPI, facecolor="white", metadata={"Software": None})
        fig.png = buffer.getvalue()


def _no_data(words: dict) -> bytes:
    """A small picture (16 × 2 cm) that says there is nothing to show."""
    with _drawing(PAGE_WIDTH_CM, 2.0) as fig:
        fig.text(0.5, 0.5, words["n_a"], ha="center", va="center", fontsize=9, color=MUTED, style="italic")
    return fig.png


def _title(fig: Figure, words: dict) -> None:
    if words.get("title"):
        fig.suptitle(words["title"], fontsize=9, x=0.01, ha="left")


def _percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def _decimal(value: float) -> str:
    return f"{value:.1f}"


def _signed(value: float, decimals: int) -> str:
    """+0.30 / −0.60, with a true minus sign."""
    return f"{value:+.{decimals}f}".replace("-", "−")


def _number(value: object) -> float | None:
    if value is None:
        return None
    number = float(value)
    return None if math.isnan(number) else number


def _rate(value: object) -> float | None:
    number = _number(value)
    return None if number is None else min(1.0, max(0.0, number))


def _ink_on(colour) -> str:
    """Black or white text, whichever reads better on ``colour`` (WCAG relative luminance)."""
    channels = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in to_rgb(colour)]
    luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    return INK if (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) else "white"


# -- label text -------------------------------------------------------------------------------

# One Han/kana/fullwidth character with the closing punctuation that must not start a line,
# or one Latin word with its trailing spaces.
_WIDE = lexicon.chars("east_asian", "full_width")
_TOKEN = re.compile(f"[{_WIDE}][，。、；：！？）」』】〕》〉”’]*|[^\\s{_WIDE}]+\\s*|\\s+")


_CJK_CHAR = re.compile(lexicon.char_class("east_asian"))
_CJK_SPLIT = re.compile(f"[{_WIDE}]")  # CJK may break anywhere


def _units(width_cm: float, size_pt: float) -> int:
    """How many half-width characters fit in ``width_cm`` at ``size_pt`` (a CJK character is two)."""
    return max(4, int(width_cm * 28.35 / (0.5 * size_pt)))


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _wrap(text: str, width: int, max_lines: int) -> str:
    """``text`` in lines of at most ``width`` half-width units (CJK counts two), breaking
    between words or between CJK characters, the lines as even as their number allows
    (no lone last character); past ``max_lines`` it ends with an ellipsis."""
    lines, cuts = _lines(text, width)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _fit(lines[-1], width - 1).rstrip() + "…"
        return "\n".join(lines)
    while width > 4:
        narrower, more_cuts = _lines(text, width - 1)
        if len(narrower) != len(lines) or more_cuts > cuts:
            break
        lines, width = narrower, width - 1
    if len(lines) > 1 and len(lines[-1]) == 1 and _CJK_CHAR.match(lines[-1]) and len(lines[-2]) > 2 \
            and _CJK_CHAR.match(lines[-2][-1]):
        lines[-2], lines[-1] = lines[-2][:-1], lines[-2][-1] + lines[-1]  # 静安旗 / 舰店, not 静安旗舰 / 店
    return "\n".join(lines)


def _lines(text: str, width: int) -> tuple[list[str], int]:
    """Greedy lines of at most ``width`` units, and how many words had to be broken. Breaks at
    spaces where it can ("门店 上海静安" → 门店 / 上海静安), inside a run of CJK only when the
    run is longer than a line, and cuts a Latin word only when the word alone is."""
    lines, line, cuts = [], "", 0

    def put(piece: str) -> None:
        nonlocal line
        if _width(line + piece.rstrip()) > width and line.strip():
            lines.append(line.rstrip())
            line = ""
        line += piece

    for word in re.findall(r"\S+\s*", " ".join(str(text).split())):
        if _width(word.rstrip()) <= width:
            put(word)
            continue
        cuts += 1
        for token in _TOKEN.findall(word):
            put(token)
            while _width(line.rstrip()) > width:
                cut = _fit(line, width)
                lines.append(cut)
                line = line[len(cut):]
    if line.strip():
        lines.append(line.rstrip())
    return lines, cuts


def _fit(text: str, width: int) -> str:
    """The longest start of ``text`` that is at most ``width`` units wide."""
    taken = ""
    for char in text:
        if _width(taken + char) > width:
            break
        taken += char
    return taken
