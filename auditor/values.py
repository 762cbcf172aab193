"""Cell parsers for imported files: each turns one cell into a stored value or raises
``ValueError`` with a reason a spreadsheet user understands."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from datetime import date, datetime

from auditor.quantity import Quantity, canonical_unit, parse_quantity

MAX_TEXT = 100_000  # characters in a transcript or notes cell
MAX_SHORT = 1_000  # characters in a key, name or other short cell

_FORMULA_ESCAPE = re.compile(r"^'(?=[=+\-@\t\r])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

_DATE = re.compile(
    r"^(?P<y>\d{4})\s*(?:-|/|\.|年)\s*(?P<m>\d{1,2})\s*(?:-|/|\.|月)\s*(?P<d>\d{1,2})\s*日?"
    r"(?:(?:\s+|T|\s*)(?P<H>\d{1,2})\s*(?::|时|時|点|點)\s*(?P<M>\d{1,2})\s*分?"
    r"(?:\s*(?::|秒)?\s*(?P<S>\d{1,2})(?:\.\d+)?\s*秒?)?)?\s*$"
)

_ISO_SHAPE = re.compile(r"\d{4}-\d\d-\d\d(?:[ T]\d\d:\d\d)?\Z", re.ASCII)
_LIST_SPLIT = re.compile(r"[;；]")


def cell_text(value: object, limit: int = MAX_SHORT, multiline: bool = False) -> str | None:
    """A text cell: trimmed, None when empty; rejects control characters and huge cells."""
    # Called for most cells of every imported row, so the common case is kept short.
    if value.__class__ is not str:
        if value is None:
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # Excel gives 17.0 for a cell showing 17
        if isinstance(value, datetime):
            value = format_datetime(value)
        elif isinstance(value, date):
            value = value.isoformat()
        value = str(value)
    text = value.strip()
    if not text:
        return None
    if "\r" in text and multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text[0] == "'":
        text = _FORMULA_ESCAPE.sub("", text)  # undo our own export's formula guard
    if not text.isprintable():  # rare: line breaks, tabs, odd spaces, control characters
        control = _CONTROL.search(text)
        if control:
            raise ValueError(f"contains an invisible control character (U+{ord(control.group()):04X}); remove it")
        if not multiline and ("\n" in text or "\r" in text):
            text = " ".join(text.split())
    if len(text) > limit:
        raise ValueError(f"is {len(text):,} characters long; the limit is {limit:,}")
    return text


def format_datetime(moment: datetime) -> str:
    if moment.second or moment.microsecond:
        return moment.strftime("%Y-%m-%d %H:%M:%S")
    if moment.hour or moment.minute:
        return moment.strftime("%Y-%m-%d %H:%M")
    return moment.strftime("%Y-%m-%d")


def parse_datetime(value: object) -> str:
    """``2026-11-03``, ``2026-11-03 21:40``, ``2026/11/3``, ``2026年11月3日 21:40`` -> ISO text."""
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if len(text) in (10, 16) and _ISO_SHAPE.match(text):  # the usual case, and what our own export writes
        try:
            datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(f"'{value}' is not a real date or time") from None
        return text if len(text) == 10 else f"{text[:10]} {text[11:]}"
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    match = _DATE.match(text)
    if not match:
        raise ValueError(f"'{value}' is not a date; use 2026-11-03, 2026-11-03 21:40, 2026/11/3 or 2026年11月3日")
    parts = {k: int(v) if v else 0 for k, v in match.groupdict().items()}
    try:
        moment = datetime(parts["y"], parts["m"], parts["d"], parts["H"], parts["M"], parts["S"])
    except ValueError:
        raise ValueError(f"'{value}' is not a real date or time") from None
    if match.group("H") is None:
        return moment.date().isoformat()
    return format_datetime(moment) if moment.hour or moment.minute or moment.second else moment.strftime("%Y-%m-%d %H:%M")


def parse_date(value: object) -> str:
    """A calendar date (a time, if given, is dropped)."""
    return parse_datetime(value)[:10]


def parse_int(value: object, low: int, high: int, what: str = "a whole number") -> int:
    text = unicodedata.normalize("NFKC", str(value)).strip()
    try:
        number = float(text)
    except ValueError:
        raise ValueError(f"'{value}' is not {what} from {low} to {high}") from None
    if not number.is_integer() or not low <= number <= high:
        raise ValueError(f"'{value}' is not {what} from {low} to {high}")
    return int(number)


def parse_float(value: object) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    try:
        return float(text.replace(",", "")) if re.fullmatch(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?", text) else float(text)
    except ValueError:
        raise ValueError(f"'{value}' is not a number") from None


def parse_list(value: object) -> list[str]:
    """Items of a list cell, separated by ``;`` or ``；``; empty items dropped."""
    text = cell_text(value, limit=MAX_TEXT) or ""
    return [item.strip() for item in _LIST_SPLIT.split(text) if item.strip()]


def parse_choice(value: object, choices: dict[str, str], what: str) -> str:
    """One of a fixed set of words, with aliases (``必说`` -> ``required``)."""
    folded = unicodedata.normalize("NFKC", str(value)).strip().casefold()
    if folded in choices:
        return choices[folded]
    canonical = sorted(set(choices.values()))
    raise ValueError(f"'{value}' is not a {what}; use one of: {', '.join(canonical)}")


def parse_unit(value: object) -> str:
    text = str(value).strip()
    unit = canonical_unit(text)
    if unit is None:
        raise ValueError(f"'{value}' is not a unit this app knows (min, h, day, working day, week, %, CNY, HKD, TWD, USD …)")
    return unit


def parse_measurement(value: object) -> Quantity:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Quantity(float(value), None)
    return _parse_measurement_text(str(value))


@lru_cache(maxsize=4096)  # measurement cells repeat a lot ("15", "2 h"), and Quantity is immutable
def _parse_measurement_text(value: str) -> Quantity:
    try:
        # Our own export writes '+5% for +5% (formula guard); read it as the shopper wrote it.
        return parse_quantity(_FORMULA_ESCAPE.sub("", str(value).strip()))
    except ValueError:
        raise ValueError(f"'{value}' is not a measurement; write a number, optionally with a unit (130 min, 2.5 h, 两个半小时)") from None
