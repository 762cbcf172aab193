"""Cell parsers: what a shopper or an agency writes in a cell, and what is stored."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from auditor import values
from auditor.quantity import Quantity


@pytest.mark.parametrize(
    ("cell", "stored"),
    [
        ("2026-11-03", "2026-11-03"),
        ("2026-11-03 21:40", "2026-11-03 21:40"),
        ("2026-11-03T21:40", "2026-11-03 21:40"),
        ("2026-11-03 21:40:15", "2026-11-03 21:40:15"),
        ("2026/11/3", "2026-11-03"),
        ("2026/11/3 9:05", "2026-11-03 09:05"),
        ("2026年11月3日", "2026-11-03"),
        ("2026年11月3日 21:40", "2026-11-03 21:40"),
        ("２０２６年１１月３日", "2026-11-03"),  # full-width digits, as some IMEs type them
        ("  2026-11-03  ", "2026-11-03"),
        (datetime(2026, 11, 3, 21, 40), "2026-11-03 21:40"),  # an Excel date-time cell
        (date(2026, 11, 3), "2026-11-03"),
    ],
)
def test_every_spec_date_format_is_read(cell, stored):
    assert values.parse_datetime(cell) == stored


@pytest.mark.parametrize("cell", ["2026-02-30", "2026-13-01", "2026-11-03 25:00", "03/11/2026", "tomorrow", "2026-11"])
def test_impossible_or_ambiguous_dates_are_rejected_with_the_cell_quoted(cell):
    with pytest.raises(ValueError, match="date"):
        values.parse_datetime(cell)


def test_the_reason_for_a_bad_date_names_the_cell():
    with pytest.raises(ValueError) as caught:
        values.parse_datetime("2026-02-30")
    assert "'2026-02-30'" in str(caught.value)


def test_a_validity_date_drops_the_time():
    assert values.parse_date("2026年12月31日 18:00") == "2026-12-31"


@pytest.mark.parametrize(
    ("cell", "value", "unit"),
    [
        ("130 min", 130.0, "min"),
        ("2.5 h", 2.5, "h"),
        ("两个半小时", 2.5, "h"),
        ("半小时", 0.5, "h"),
        ("３天", 3.0, "day"),
        ("25", 25.0, None),
        ("1.5", 1.5, None),
        (25, 25.0, None),  # a numeric Excel or JSON cell
        (2.5, 2.5, None),
    ],
)
def test_measurement_cells_keep_number_and_unit(cell, value, unit):
    assert values.parse_measurement(cell) == Quantity(value, unit)


@pytest.mark.parametrize("cell", ["很久", "a while", "5 parsecs", "12 min 30"])
def test_unparseable_measurements_are_rejected_with_an_example(cell):
    with pytest.raises(ValueError, match="130 min"):
        values.parse_measurement(cell)


def test_a_measurement_written_by_our_own_export_reads_back():
    # Export writes '+5% so that a spreadsheet does not run it; import must undo that.
    assert values.parse_measurement("'+5%") == Quantity(5.0, "%")
    assert values.parse_measurement("'-3 min") == Quantity(-3.0, "min")


def test_text_cells_are_trimmed_and_empty_means_none():
    assert values.cell_text("  静安门店 ") == "静安门店"
    assert values.cell_text("   ") is None
    assert values.cell_text(None) is None
    assert values.cell_text(17.0) == "17"  # Excel gives 17.0 for a key cell showing 17


def test_text_cells_reject_control_characters():
    with pytest.raises(ValueError, match="control character"):
        values.cell_text("只有机器人\x07回复", multiline=True)


def test_text_cells_reject_huge_cells():
    assert values.cell_text("x" * values.MAX_SHORT) == "x" * values.MAX_SHORT
    with pytest.raises(ValueError, match="1,001 characters"):
        values.cell_text("x" * (values.MAX_SHORT + 1))


def test_multiline_cells_keep_lines_and_short_cells_fold_them():
    assert values.cell_text("line one\r\nline two", multiline=True) == "line one\nline two"
    assert values.cell_text("Li\nWei") == "Li Wei"


def test_the_export_formula_guard_is_removed_on_import():
    assert values.cell_text("'=HYPERLINK(\"x\")") == '=HYPERLINK("x")'
    assert values.cell_text("'@张伟") == "@张伟"
    assert values.cell_text("'hello") == "'hello"  # an apostrophe a person typed stays


@pytest.mark.parametrize(("cell", "items"), [("a;b", ["a", "b"]), ("机器人；智能客服", ["机器人", "智能客服"]),
                                             (" a ; ; b ", ["a", "b"]), ("", [])])
def test_list_cells_split_on_ascii_and_full_width_semicolons(cell, items):
    assert values.parse_list(cell) == items


def test_whole_numbers_in_range():
    assert values.parse_int("5", 1, 5) == 5
    assert values.parse_int(4.0, 1, 5) == 4
    assert values.parse_int("１０", 0, 10) == 10
    for bad in ("6", "0", "4.5", "five"):
        with pytest.raises(ValueError, match="from 1 to 5"):
            values.parse_int(bad, 1, 5)


def test_numbers_accept_thousands_separators():
    assert values.parse_float("1,200") == 1200.0
    assert values.parse_float("15") == 15.0
    with pytest.raises(ValueError, match="not a number"):
        values.parse_float("fifteen")


def test_choices_accept_aliases_and_list_the_valid_words():
    assert values.parse_choice("必说", {"必说": "required", "required": "required"}, "kind") == "required"
    with pytest.raises(ValueError, match="use one of: required"):
        values.parse_choice("maybe", {"required": "required"}, "kind")


def test_units_are_canonical_and_unknown_units_are_refused():
    assert values.parse_unit("分钟") == "min"
    assert values.parse_unit("Hours") == "h"
    with pytest.raises(ValueError, match="not a unit"):
        values.parse_unit("parsec")
