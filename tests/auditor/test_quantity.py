"""Quantities as shoppers write them, and unit conversion for promise targets."""

from __future__ import annotations

import pytest

from auditor.quantity import Quantity, canonical_unit, chinese_to_number, convert, parse_quantity


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("130 min", 130, "min"),
        ("130min", 130, "min"),
        ("130 minutes", 130, "min"),
        ("2.5 h", 2.5, "h"),
        ("2.5h", 2.5, "h"),
        ("2,5 h", 2.5, "h"),  # decimal comma
        ("1,200 元", 1200, "CNY"),  # thousands separator
        ("两个半小时", 2.5, "h"),
        ("半小时", 0.5, "h"),
        ("半个小时", 0.5, "h"),
        ("三天半", 3.5, "day"),
        ("一刻钟", 15, "min"),
        ("３天", 3, "day"),
        ("二十四小时", 24, "h"),
        ("15 分钟", 15, "min"),
        ("十五分鐘", 15, "min"),
        ("7 working days", 7, "workday"),  # a unit of its own: five make a week
        ("五个工作日", 5, "workday"),
        ("2 周", 2, "week"),
        ("95%", 95, "%"),
        ("¥199", 199, "CNY"),
        ("HK$50", 50, "HKD"),
        ("25", 25, None),
        ("-3 min", -3, "min"),
    ],
)
def test_quantities_as_shoppers_write_them(text, value, unit):
    assert parse_quantity(text) == Quantity(float(value), unit)


@pytest.mark.parametrize("text", ["", "   ", "很久", "soon", "5 parsecs", "$5 元"])
def test_text_that_is_not_a_quantity_is_refused(text):
    with pytest.raises(ValueError):
        parse_quantity(text)


@pytest.mark.parametrize(("text", "number"), [("二十四", 24), ("十五", 15), ("一百零五", 105), ("两万", 20000),
                                              ("二〇二六", 2026), ("三", 3)])
def test_chinese_numerals(text, number):
    assert chinese_to_number(text) == number


def test_time_units_convert_into_each_other():
    assert convert(2.5, "h", "min") == pytest.approx(150)
    assert convert(1, "day", "h") == pytest.approx(24)
    assert convert(2, "week", "day") == pytest.approx(14)
    assert convert(5, "workday", "day") == pytest.approx(7)  # five working days take a week
    assert convert(7, "workday", "day") == pytest.approx(9.8)
    assert convert(90, "s", "min") == pytest.approx(1.5)


def test_different_currencies_and_kinds_never_convert():
    with pytest.raises(ValueError, match="cannot compare"):
        convert(10, "CNY", "USD")
    with pytest.raises(ValueError, match="cannot compare"):
        convert(10, "min", "%")


def test_unit_aliases_are_folded():
    assert canonical_unit("个小时") == "h"
    assert canonical_unit(" MINS ") == "min"
    assert canonical_unit("ｈ") == "h"  # full width
    assert canonical_unit("furlong") is None
    assert canonical_unit(None) is None


def test_a_quantity_prints_as_number_and_unit():
    assert str(Quantity(2.5, "h")) == "2.5 h"
    assert str(Quantity(25.0, None)) == "25"
