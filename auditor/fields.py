"""The columns of each import/export format (SPEC §3): names, Chinese aliases, parsers.

Header cells are matched after folding case, width and spaces, so ``Observed At``,
``observed_at`` and ``观察时间`` all name the same column.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from auditor import values
from auditor.errors import UsageError
from auditor.schema import CHANNELS, DIMENSIONS, OPERATORS

MEASURE_PREFIXES = ("measure:", "测量:", "測量:")

_CHANNEL_WORDS = {c: c for c in CHANNELS} | {
    "web": "website", "官网": "website", "官網": "website", "网站": "website", "網站": "website",
    "应用": "app", "應用": "app", "小程序": "app", "mobile app": "app",
    "门店": "store", "門店": "store", "店铺": "store", "店鋪": "store", "shop": "store",
    "电话": "phone", "電話": "phone", "热线": "phone", "熱線": "phone", "hotline": "phone", "call centre": "phone",
    "在线客服": "chat", "在線客服": "chat", "聊天": "chat", "live chat": "chat",
    "社交媒体": "social", "社交媒體": "social", "社媒": "social",
    "邮件": "email", "郵件": "email", "e-mail": "email",
    "其他": "other",
}
_DIMENSION_WORDS = {d: d for d in DIMENSIONS} | {
    "有形性": "tangibles", "可靠性": "reliability", "响应性": "responsiveness", "響應性": "responsiveness",
    "保证性": "assurance", "保證性": "assurance", "移情性": "empathy",
}
_OPERATOR_WORDS = {o: o for o in OPERATORS} | {"≤": "<=", "≥": ">=", "=": "==", "＝": "=="}
_KIND_WORDS = {"required": "required", "forbidden": "forbidden", "必说": "required", "必說": "required",
               "禁说": "forbidden", "禁說": "forbidden", "must": "required", "must not": "forbidden"}


@dataclass(frozen=True)
class Field:
    name: str
    parse: Callable[[object], object]
    required: bool = False
    aliases: tuple[str, ...] = ()


# The parsers below are closures rather than functools.partial with keywords: they run
# for every cell of every imported row, and a closure call is the cheaper of the two.

def _text(limit: int = values.MAX_SHORT, multiline: bool = False) -> Callable[[object], object]:
    cell_text = values.cell_text

    def parse(value: object) -> str | None:
        return cell_text(value, limit, multiline)

    return parse


def _whole_number(low: int, high: int, what: str = "a whole number") -> Callable[[object], int]:
    parse_int = values.parse_int

    def parse(value: object) -> int:
        if value.__class__ is str and value.isdigit() and value.isascii():  # the usual case
            number = int(value)
            if low <= number <= high:
                return number
        return parse_int(value, low, high, what)

    return parse


_KEY = Field("key", _text(200), True, ("键", "鍵", "编号", "編號", "id"))
_WEIGHT = Field("weight", _whole_number(1, 5), False, ("权重", "權重"))
_VALID_FROM = Field("valid_from", values.parse_date, False, ("生效日期",))
_VALID_TO = Field("valid_to", values.parse_date, False, ("失效日期",))
_RATING = _whole_number(1, 5, "a rating")

FORMATS: dict[str, tuple[Field, ...]] = {
    "touchpoints": (
        _KEY,
        Field("name", _text(), True, ("名称", "名稱")),
        Field("channel", partial(values.parse_choice, choices=_CHANNEL_WORDS, what="channel"), True, ("渠道",)),
        Field("location", _text(), False, ("地点", "地點", "门店", "門店")),
        Field("notes", _text(values.MAX_TEXT, True), False, ("备注", "備註")),
    ),
    "promises": (
        _KEY,
        Field("text", _text(values.MAX_TEXT, True), True, ("承诺", "承諾", "文案")),
        Field("touchpoints", values.parse_list, True, ("触点", "觸點")),
        Field("dimension", partial(values.parse_choice, choices=_DIMENSION_WORDS, what="SERVQUAL dimension"), False,
              ("维度", "維度")),
        Field("metric", _text(100), False, ("指标", "指標")),
        Field("operator", partial(values.parse_choice, choices=_OPERATOR_WORDS, what="comparison"), False,
              ("运算符", "運算符")),
        Field("target", values.parse_float, False, ("目标值", "目標值")),
        Field("unit", values.parse_unit, False, ("单位", "單位")),
        Field("breach_cues", values.parse_list, False, ("违约线索", "違約線索")),
        _WEIGHT,
        _VALID_FROM,
        _VALID_TO,
        Field("source", _text(), False, ("来源", "來源")),
    ),
    "scripts": (
        _KEY,
        Field("touchpoint", _text(200), True, ("触点", "觸點")),
        Field("text", _text(values.MAX_TEXT, True), True, ("话术", "話術")),
        Field("kind", partial(values.parse_choice, choices=_KIND_WORDS, what="script line kind"), False,
              ("类型", "類型")),
        Field("step", _text(), False, ("环节", "環節")),
        Field("promise", _text(200), False, ("承诺编号", "承諾編號")),
        _WEIGHT,
        _VALID_FROM,
        _VALID_TO,
        Field("scenarios", values.parse_list, False, ("适用场景", "適用場景", "场景", "場景")),
        Field("match_threshold", _whole_number(0, 100, "a threshold"), False, ("匹配阈值",)),
        Field("review_threshold", _whole_number(0, 100, "a threshold"), False, ("复核阈值",)),
    ),
    "observations": (
        _KEY,
        Field("touchpoint", _text(200), True, ("触点", "觸點")),
        Field("observed_at", values.parse_datetime, True, ("时间", "時間", "观察时间", "觀察時間")),
        Field("shopper", _text(), False, ("神秘顾客", "神秘顧客", "访员", "訪員")),
        Field("scenario", _text(values.MAX_TEXT, True), False, ("场景", "場景")),
        Field("transcript", _text(values.MAX_TEXT, True), False, ("记录", "記錄", "对话记录", "對話記錄")),
        Field("rating_tangibles", _RATING, False, ("有形性",)),
        Field("rating_reliability", _RATING, False, ("可靠性",)),
        Field("rating_responsiveness", _RATING, False, ("响应性", "響應性")),
        Field("rating_assurance", _RATING, False, ("保证性", "保證性")),
        Field("rating_empathy", _RATING, False, ("移情性",)),
        Field("nps", _whole_number(0, 10, "an NPS score"), False, ("推荐意愿", "推薦意願")),
        Field("ces", _whole_number(1, 7, "a CES score"), False, ("费力度", "費力度")),
    ),
}


def field_of(kind: str, name: str) -> Field:
    """One column of an import format, by its field name (for a single value typed by hand)."""
    return next(spec for spec in FORMATS[kind] if spec.name == name)


def fold_header(text: object) -> str:
    """``Observed At`` -> ``observed_at``; ``测量：等待时间`` -> ``测量:等待时间``."""
    folded = unicodedata.normalize("NFKC", str(text or "")).strip().casefold()
    folded = re.sub(r"\s*:\s*", ":", folded)
    return re.sub(r"[\s_\-]+", "_", folded).lstrip("\ufeff")


@dataclass
class HeaderMap:
    """Which column of a file holds which field."""

    columns: dict[str, int] = field(default_factory=dict)  # field name -> column index
    measures: dict[str, int] = field(default_factory=dict)  # metric -> column index
    ignored: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def map_header(kind: str, header: list[object], columns: dict[str, str] | None = None) -> HeaderMap:
    """Match a file's header cells to the fields of ``kind``.

    ``columns`` overrides the matching for the headers it names (file header -> field
    name, ``measure:<metric>`` for a measurement, ``""`` to ignore the column); the
    other headers are matched by name and alias as usual.
    """
    lookup: dict[str, str] = {}
    for spec in FORMATS[kind]:
        for name in (spec.name, *spec.aliases):
            lookup[fold_header(name)] = spec.name
    chosen = _chosen_columns(kind, header, columns or {}, lookup)
    result = HeaderMap()
    for index, cell in enumerate(header):
        folded = fold_header(cell)
        if folded in chosen:
            folded = chosen[folded]
            if not folded:
                result.ignored.append(str(cell))
                continue
        if not folded:
            continue
        measure = next((folded[len(p):] for p in MEASURE_PREFIXES if folded.startswith(p)), None)
        if kind == "observations" and measure:
            target, name = result.measures, measure.strip("_")
        elif folded in lookup:
            target, name = result.columns, lookup[folded]
        else:
            result.ignored.append(str(cell))
            continue
        if name in target:
            result.duplicates.append(str(cell))
        else:
            target[name] = index
    result.missing = [spec.name for spec in FORMATS[kind] if spec.required and spec.name not in result.columns]
    return result


def _chosen_columns(kind: str, header: list[object], columns: dict[str, str],
                    lookup: dict[str, str]) -> dict[str, str]:
    """``columns`` as folded header -> folded field name, refusing names that match nothing."""
    present = {fold_header(cell) for cell in header}
    chosen: dict[str, str] = {}
    for cell, name in columns.items():
        folded_cell, folded_name = fold_header(cell), fold_header(name)
        if folded_cell not in present:
            raise UsageError(f"the file has no column '{cell}' to map")
        is_measure = kind == "observations" and any(
            folded_name.startswith(prefix) and folded_name[len(prefix):].strip("_") for prefix in MEASURE_PREFIXES)
        if folded_name and not is_measure and lookup.get(folded_name) != folded_name:
            raise UsageError(f"'{name}' is not a field of {kind}")
        chosen[folded_cell] = folded_name
    return chosen
