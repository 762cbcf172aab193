"""Reading CSV, XLSX and JSON files: encodings, delimiters, sheets, row numbers."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from openpyxl import Workbook

from auditor.errors import InputError
from auditor.readers import detect_encoding, read_table
from project_data import OBSERVATION_COLUMNS, OBSERVATION_ROWS, observations_csv, write


def _cells(table):
    return [(number, [("" if c is None else c) for c in cells]) for number, cells in table.rows]


@pytest.mark.parametrize(
    ("encoding", "detected"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("gb18030", "gb18030"), ("gbk", "gb18030")],
)
def test_encodings_are_detected(tmp_path, encoding, detected):
    path = write(tmp_path / "visits.csv", observations_csv(), encoding)
    assert detect_encoding(path) == detected


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_every_encoding_and_delimiter_reads_the_same_cells(tmp_path, encoding, delimiter):
    path = write(tmp_path / "visits.csv", observations_csv(delimiter), encoding)
    table = read_table(path)
    assert table.header == list(OBSERVATION_COLUMNS)
    assert table.delimiter == delimiter
    assert [cells for _, cells in _cells(table)] == [list(row) for row in OBSERVATION_ROWS]


def test_an_encoding_given_by_the_user_wins(tmp_path):
    path = write(tmp_path / "visits.csv", "key,shopper\nV-1,José Müller\n", "cp1252")
    assert [cells for _, cells in _cells(read_table(path, encoding="cp1252"))] == [["V-1", "José Müller"]]
    with pytest.raises(InputError) as caught:  # not UTF-8, not GB18030: the person is told what to do
        list(read_table(path).rows)
    assert "try --encoding" in str(caught.value.problems[0])


def test_the_wrong_encoding_is_reported_not_garbled(tmp_path):
    path = write(tmp_path / "visits.csv", observations_csv(), "gb18030")
    with pytest.raises(InputError) as caught:
        list(read_table(path, encoding="utf-8").rows)
    assert "not valid utf-8" in str(caught.value.problems[0])
    assert "--encoding" in str(caught.value.problems[0])


def test_an_unknown_encoding_name_is_reported(tmp_path):
    path = write(tmp_path / "visits.csv", observations_csv())
    with pytest.raises(InputError) as caught:
        read_table(path, encoding="klingon")
    assert "'klingon' is not an encoding" in str(caught.value.problems[0])


def test_row_numbers_count_like_a_spreadsheet(tmp_path):
    # A multi-line cell is one spreadsheet row; a blank line is an (empty, skipped) row.
    text = 'key,transcript\nV-1,"line one\nline two\nline three"\n\nV-2,ok\n,\nV-3,last\n'
    table = read_table(write(tmp_path / "visits.csv", text))
    assert [(number, cells[0]) for number, cells in table.rows] == [(2, "V-1"), (4, "V-2"), (6, "V-3")]


def test_an_empty_file_is_reported(tmp_path):
    with pytest.raises(InputError, match="1 problem") as caught:
        read_table(write(tmp_path / "visits.csv", ""))
    assert "empty" in str(caught.value.problems[0])


def test_a_missing_file_is_reported(tmp_path):
    with pytest.raises(InputError) as caught:
        read_table(tmp_path / "nowhere.csv")
    assert "does not exist" in str(caught.value.problems[0])


def _workbook(path, sheets):
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def test_xlsx_reads_the_first_sheet_with_real_types(tmp_path):
    moment = datetime(2026, 11, 3, 21, 40)
    path = _workbook(tmp_path / "visits.xlsx", {
        "访问": [["key", "observed_at", "nps", "measure:callback_time"], ["V-1", moment, 9, 25.5], [None, None], ["V-2"]],
        "other": [["key"], ["X-1"]],
    })
    table = read_table(path)
    assert table.header == ["key", "observed_at", "nps", "measure:callback_time"]
    rows = list(table.rows)
    assert rows[0] == (2, ["V-1", moment, 9, 25.5])
    assert rows[1][0] == 4 and rows[1][1][0] == "V-2"  # the empty row 3 is skipped but counted


def test_xlsx_reads_a_named_sheet(tmp_path):
    path = _workbook(tmp_path / "visits.xlsx", {"first": [["key"], ["A"]], "第二页": [["key"], ["B"]]})
    assert [cells for _, cells in read_table(path, sheet="第二页").rows] == [["B"]]


def test_xlsx_names_the_sheets_when_the_sheet_is_missing(tmp_path):
    path = _workbook(tmp_path / "visits.xlsx", {"first": [["key"]], "second": [["key"]]})
    with pytest.raises(InputError) as caught:
        read_table(path, sheet="third")
    assert "no sheet named 'third' (sheets: first, second)" in str(caught.value.problems[0])


def test_a_file_that_only_pretends_to_be_xlsx_is_reported(tmp_path):
    path = write(tmp_path / "visits.xlsx", "key,name\nV-1,x\n")
    with pytest.raises(InputError) as caught:
        read_table(path)
    assert "Excel file cannot be opened" in str(caught.value.problems[0])


def test_json_objects_become_rows_with_the_union_of_their_names(tmp_path):
    items = [{"key": "V-1", "nps": 9, "breach": ["a", "b"]}, {"key": "V-2", "transcript": "好"}]
    path = write(tmp_path / "visits.json", json.dumps(items, ensure_ascii=False))
    table = read_table(path)
    assert table.header == ["key", "nps", "breach", "transcript"]
    assert list(table.rows) == [(2, ["V-1", 9, "a;b", None]), (3, ["V-2", None, None, "好"])]


@pytest.mark.parametrize(("text", "reason"), [('{"key": "V-1"}', "list of objects"), ("[1, 2]", "list of objects"),
                                              ('[{"key": "V-1",]', "malformed at line 1")])
def test_json_that_is_not_a_list_of_objects_is_reported(tmp_path, text, reason):
    with pytest.raises(InputError) as caught:
        read_table(write(tmp_path / "visits.json", text))
    assert reason in str(caught.value.problems[0])


def test_json_in_gb18030_is_read(tmp_path):
    path = write(tmp_path / "visits.json", json.dumps([{"键": "V-1", "对话记录": "只有机器人"}], ensure_ascii=False),
                 "gb18030")
    assert list(read_table(path).rows) == [(2, ["V-1", "只有机器人"])]
