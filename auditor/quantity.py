"""Quantities as shoppers write them: ``130 min``, ``2.5 h``, ``两个半小时``, ``３天``.

A quantity is a number and a canonical unit. Units of one kind (time, percent, one
currency) convert into each other; different currencies never do.

Chinese numerals are parsed here rather than with a library because shoppers' idioms
(``两个半小时``, ``半小时``, ``三天半``, ``一刻钟``) are not plain numerals, and the whole
grammar we need fits in a page.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from auditor import lexicon

# alias -> canonical unit (the lexicon's units of every language), matched case-insensitively after NFKC.
UNIT_ALIASES: dict[str, str] = lexicon.units()

# The currencies a sum may be in; each is a kind of its own (HK$ and NT$ are never compared).
CURRENCIES = ("CNY", "HKD", "TWD", "USD")

# canonical unit -> (kind, factor to the kind's base unit)
UNIT_KINDS: dict[str, tuple[str, float]] = {
    "s": ("time", 1 / 60),
    "min": ("time", 1.0),
    "h": ("time", 60.0),
    "day": ("time", 1440.0),
    "workday": ("time", 1440.0 * 7 / 5),  # a working day: five of them take a week
    "week": ("time", 10080.0),
    "%": ("percent", 1.0),
    **{currency: (currency, 1.0) for currency in CURRENCIES},
}


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str | None  # canonical unit, or None when the text gave a bare number

    def __str__(self) -> str:
        number = f"{self.value:g}"
        return number if self.unit is None else f"{number} {self.unit}"


def canonical_unit(text: str | None) -> str | None:
    """The canonical name of a unit alias, or None if it is not a unit we know."""
    if text is None:
        return None
    folded = unicodedata.normalize("NFKC", text).strip().lower()
    return UNIT_ALIASES.get(folded)


def convert(value: float, unit: str, to_unit: str) -> float:
    """Convert between units of the same kind; ValueError for incompatible units."""
    kind_from, factor_from = UNIT_KINDS[unit]
    kind_to, factor_to = UNIT_KINDS[to_unit]
    if kind_from != kind_to:
        raise ValueError(f"cannot compare {unit} with {to_unit}")
    return value * factor_from / factor_to


_NUMERALS = lexicon.table("zh", "numerals")
_CN_DIGITS: dict[str, int] = _NUMERALS["digits"]
_CN_UNITS: dict[str, int] = _NUMERALS["places"]
_CN_BIG: dict[str, int] = _NUMERALS["big"]
_CN_POINT = tuple(_NUMERALS["decimal_point"])
CN_NUMERAL_CHARS = "".join(_CN_DIGITS) + "".join(_CN_UNITS) + "".join(_CN_BIG)


def chinese_to_number(text: str) -> int | float:
    """``二十四`` -> 24, ``一百零五`` -> 105, ``十五`` -> 15, ``两万`` -> 20000.

    Also the spoken abbreviations ``三百五`` -> 350, ``两千五`` -> 2500, ``一万五`` -> 15000
    (a last digit right after 百/千/万/亿 counts in the next lower place), and decimals with
    ``点``: ``二点五`` -> 2.5 (then a float).
    """
    if any(point in text for point in _CN_POINT):
        for point in _CN_POINT[1:]:
            text = text.replace(point, _CN_POINT[0])
        whole, _, fraction = text.partition(_CN_POINT[0])
        if not whole or not fraction or any(ch not in _CN_DIGITS for ch in fraction):
            raise ValueError(f"not a Chinese numeral: {text!r}")
        return float(f"{chinese_to_number(whole)}.{''.join(str(_CN_DIGITS[ch]) for ch in fraction)}")
    if not text or any(ch not in CN_NUMERAL_CHARS for ch in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    if all(ch in _CN_DIGITS for ch in text) and len(text) > 1:  # 二〇二六 read digit by digit
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            section += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        else:
            section += digit or 0
            total += section * _CN_BIG[ch]
            section, digit = 0, None
    if digit and len(text) >= 2:  # 三百五 = 350: the last digit sits one place below 百
        place = _CN_UNITS.get(text[-2]) or _CN_BIG.get(text[-2])
        if place and place >= 100:
            digit *= place // 10
    return total + section + (digit or 0)


_NUMBER = r"(?P<num>[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-+]?\d+(?:[.,]\d+)?|[" + CN_NUMERAL_CHARS + r"]+)"
_QUANTITY = re.compile(
    r"^\s*(?P<prefix>[$¥￥]|hk\$|nt\$|us\$)?\s*"
    + _NUMBER
    + r"\s*(?P<half>个半|個半|半)?\s*(?P<unit>[^\d\s].*?)?\s*(?P<half_after>半)?\s*$",
    re.IGNORECASE,
)
_HALF_ONLY = re.compile(r"^\s*(?:半个|半個|半)\s*(?P<unit>.+?)\s*$")
_QUARTER = re.compile(rf"^\s*(?P<num>[一二三两兩1-3])?\s*(?:{lexicon.alternation(('zh', 'quarter_hours'))}|刻)\s*$")


def _number(text: str) -> float:
    if text[0] in CN_NUMERAL_CHARS:
        return float(chinese_to_number(text))
    if re.fullmatch(r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?", text):
        return float(text.replace(",", ""))  # 1,200 is a thousands separator
    return float(text.replace(",", "."))  # 2,5 is a decimal comma


def parse_quantity(text: str) -> Quantity:
    """Parse one cell such as ``130 min``, ``2.5h``, ``两个半小时``; ValueError if it is not one."""
    folded = unicodedata.normalize("NFKC", str(text)).strip()
    if not folded:
        raise ValueError("empty")
    quarter = _QUARTER.match(folded)
    if quarter:
        count = quarter.group("num")
        return Quantity(15.0 * (_number(count) if count else 1.0), "min")
    half = _HALF_ONLY.match(folded)
    if half and canonical_unit(half.group("unit")):
        return Quantity(0.5, canonical_unit(half.group("unit")))
    match = _QUANTITY.match(folded)
    if not match:
        raise ValueError(f"not a number with a unit: {text!r}")
    value = _number(match.group("num"))
    if match.group("half") or match.group("half_after"):
        value += 0.5
    unit_text = match.group("unit")
    prefix = match.group("prefix")
    unit = None
    if unit_text:
        unit = canonical_unit(unit_text)
        if unit is None:
            raise ValueError(f"unknown unit {unit_text!r}")
    if prefix:
        prefix_unit = canonical_unit(prefix)
        if unit is not None and unit != prefix_unit:
            raise ValueError(f"two different units in {text!r}")
        unit = prefix_unit
    return Quantity(value, unit)
