"""Importing files into a project: every format, all-or-nothing, upsert by key."""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import datetime

import pytest
from openpyxl import Workbook

from auditor.errors import Cancelled, InputError, ProjectLocked, UsageError
from auditor.importer import import_file
from auditor.store import Project
from project_data import (
    BAD_ROWS,
    CHINESE_HEADER,
    EXPECTED_MEASUREMENTS,
    EXPECTED_OBSERVED_AT,
    EXPECTED_PROBLEMS,
    OBSERVATION_COLUMNS,
    OBSERVATION_ROWS,
    csv_text,
    dump,
    observation_content,
    observations_csv,
    rows_of,
    write,
)
from project_data import observation_row as _row


def _import(path, kind, file, **options):
    with Project.open(path) as project:
        return import_file(project, kind, file, **options)


# -- what is stored -----------------------------------------------------------------


def test_observations_are_stored_with_normalised_dates_and_measurements(base_project, import_files):
    result = _import(base_project, "observations", import_files["observations"])
    assert (result.new, result.updated, result.unchanged) == (5, 0, 0)
    assert result.summary == "5 new, 0 updated, 0 unchanged"
    stored = {row[0]: row for row in rows_of(base_project, "observations")}
    assert {key: row[2] for key, row in stored.items()} == EXPECTED_OBSERVED_AT
    assert stored["V-001"][3:13] == ("王芳", "晚间来电", "只有机器人回复，没有真人。", 3, 2, 1, 3, 2, 3, 6)
    assert stored["V-005"][5] == "第一行\nline two 客戶"  # multi-line transcript kept as written
    assert stored["V-003"][5] == '-5 minutes? =HYPERLINK("http://evil.example","x")'
    assert rows_of(base_project, "measurements") == EXPECTED_MEASUREMENTS


def test_touchpoints_promises_and_scripts_are_stored(base_project):
    assert rows_of(base_project, "touchpoints")[4] == ("sh-jingan", "静安旗舰店", "store", "上海", "旗舰店")  # 门店 -> store
    promises = {row[0]: row for row in rows_of(base_project, "promises")}
    assert promises["P-24H"][2] == 1  # touchpoints '*' = every touchpoint
    assert json.loads(promises["P-CALLBACK"][8]) == ["没人回电", "no one called back"]  # split on ；
    assert promises["P-RETURNS"][10:12] == ("2026-01-01", "2026-12-31")
    assert rows_of(base_project, "promise_touchpoints") == [
        ("P-CALLBACK", "hotline", 0), ("P-CALLBACK", "web", 1),
        ("P-RETURNS", "bj-sanlitun", 1), ("P-RETURNS", "sh-jingan", 0), ("P-RETURNS", "web", 2)]
    scripts = {row[0]: row for row in rows_of(base_project, "script_lines")}
    assert scripts["S-3"][3] == "forbidden"  # 禁说
    assert scripts["S-4"][3:7] == ("required", "greeting", None, 3)  # 必说, default weight 3
    assert scripts["S-2"][5] == "P-RETURNS"


# -- every format and encoding gives the same rows -----------------------------------------


def test_a_gb18030_file_with_chinese_headers_imports_exactly_the_rows_of_its_utf8_twin(make_project, tmp_path):
    text = observations_csv(header=CHINESE_HEADER)
    utf8_file = write(tmp_path / "visits-utf8.csv", text, "utf-8")
    gb_file = write(tmp_path / "visits-gb.csv", text, "gb18030")
    with pytest.raises(UnicodeDecodeError):
        gb_file.read_bytes().decode("utf-8")  # the twin really is GB18030, not UTF-8 by accident
    utf8_project, gb_project = make_project("touchpoints"), make_project("touchpoints")
    assert _import(utf8_project, "observations", utf8_file).new == 5
    assert _import(gb_project, "observations", gb_file).new == 5
    assert observation_content(gb_project) == observation_content(utf8_project)
    assert rows_of(gb_project, "measurements") == EXPECTED_MEASUREMENTS
    assert {row[0]: row[3] for row in rows_of(gb_project, "observations")}["V-001"] == "王芳"


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8-sig", ","), ("utf-16", ","), ("gbk", ","), ("utf-8", ";"), ("utf-8", "\t"), ("gb18030", ";"),
     ("utf-16", "\t")],
)
def test_every_encoding_and_delimiter_imports_the_same_rows(make_project, tmp_path, encoding, delimiter):
    reference = make_project("touchpoints", "observations")
    project = make_project("touchpoints")
    file = write(tmp_path / "visits.csv", observations_csv(delimiter, header=CHINESE_HEADER), encoding)
    assert _import(project, "observations", file).new == 5
    assert observation_content(project) == observation_content(reference)


def test_the_encoding_override_reads_a_file_detection_cannot(make_project, tmp_path):
    project = make_project("touchpoints")
    file = write(tmp_path / "visits.csv", "key,touchpoint,observed_at,shopper\nV-1,web,2026-11-03,José Müller\n",
                 "cp1252")
    with pytest.raises(InputError):
        _import(project, "observations", file)
    assert _import(project, "observations", file, encoding="cp1252").new == 1
    assert rows_of(project, "observations")[0][3] == "José Müller"


def _xlsx(path, header, rows, *, sheet="visits", extra_first_sheet=False):
    workbook = Workbook()
    first = workbook.active
    if extra_first_sheet:
        first.title = "说明"
        first.append(["This sheet explains the file; the data is on another sheet."])
        sheet_ = workbook.create_sheet(sheet)
    else:
        first.title = sheet
        sheet_ = first
    sheet_.append(list(header))
    for row in rows:
        sheet_.append(list(row))
    workbook.save(path)
    return path


def _typed_rows():
    """The shared rows as Excel holds them: datetime cells, numbers as numbers."""
    rows = []
    for row in OBSERVATION_ROWS:
        typed = list(row)
        typed[2] = datetime.fromisoformat(EXPECTED_OBSERVED_AT[row[0]].replace(" ", "T"))
        typed[6:13] = [int(cell) if cell else None for cell in row[6:13]]
        rows.append(typed)
    rows[1][11] = 9.0  # Excel stores every number as a float
    return rows


def test_an_xlsx_with_datetime_and_numeric_cells_imports_like_the_csv(make_project, tmp_path):
    reference = make_project("touchpoints", "observations")
    project = make_project("touchpoints")
    file = _xlsx(tmp_path / "visits.xlsx", CHINESE_HEADER, _typed_rows())
    assert _import(project, "observations", file).new == 5
    assert rows_of(project, "observations", drop=("updated_at",)) == rows_of(reference, "observations",
                                                                              drop=("updated_at",))
    # A numeric measurement cell has no text to keep; value and unit are what matter.
    assert [row[:4] for row in rows_of(project, "measurements")] == [row[:4] for row in EXPECTED_MEASUREMENTS]


def test_an_xlsx_numeric_measurement_is_stored_as_a_number(make_project, tmp_path):
    project = make_project("touchpoints")
    file = _xlsx(tmp_path / "visits.xlsx", ["key", "touchpoint", "observed_at", "measure:callback_time"],
                 [["V-1", "hotline", datetime(2026, 11, 3, 21, 40), 25]])
    _import(project, "observations", file)
    assert [row[:4] for row in rows_of(project, "measurements")] == [("V-1", "callback_time", 25.0, None)]
    assert rows_of(project, "observations")[0][2] == "2026-11-03 21:40"


def test_the_sheet_option_picks_the_named_sheet(make_project, tmp_path):
    project = make_project("touchpoints")
    file = _xlsx(tmp_path / "visits.xlsx", CHINESE_HEADER, _typed_rows(), sheet="访问记录", extra_first_sheet=True)
    with pytest.raises(InputError) as caught:  # the first sheet is not an observations table
        _import(project, "observations", file)
    assert {problem.column for problem in caught.value.problems} == {"key", "touchpoint", "observed_at"}
    assert _import(project, "observations", file, sheet="访问记录").new == 5


def test_a_json_file_imports_like_the_csv(make_project, tmp_path):
    reference = make_project("touchpoints", "observations")
    project = make_project("touchpoints")
    items = [{name: (cell or None) for name, cell in zip(CHINESE_HEADER, row)} for row in OBSERVATION_ROWS]
    for item in items:
        for name in ("有形性", "推荐意愿", "费力度"):
            item[name] = int(item[name]) if item[name] else None
    file = write(tmp_path / "visits.json", json.dumps(items, ensure_ascii=False, indent=1))
    assert _import(project, "observations", file).new == 5
    assert observation_content(project) == observation_content(reference)


# -- all or nothing -------------------------------------------------------------------


def bad_file(tmp_path, header=OBSERVATION_COLUMNS, encoding="utf-8"):
    return write(tmp_path / "bad-visits.csv", csv_text(header, BAD_ROWS), encoding)


def test_a_file_with_errors_in_several_rows_names_every_row_column_and_reason(full_project, tmp_path):
    with pytest.raises(InputError) as caught:
        _import(full_project, "observations", bad_file(tmp_path))
    problems = caught.value.problems
    assert [(p.row, p.column) for p in problems] == [(row, column) for row, column, _ in EXPECTED_PROBLEMS]
    for problem, (_, _, reason) in zip(problems, EXPECTED_PROBLEMS):
        assert reason in problem.reason
    assert "9 problems, nothing was imported" in str(caught.value)
    assert str(problems[0]) == "row 3, column 'observed_at': is empty; a value is required"


def test_problems_name_the_column_as_the_file_does(full_project, tmp_path):
    with pytest.raises(InputError) as caught:
        _import(full_project, "observations", bad_file(tmp_path, header=CHINESE_HEADER, encoding="gb18030"))
    columns = [p.column for p in caught.value.problems]
    assert columns[:3] == ["观察时间", "触点", "观察时间"]
    assert "测量:callback_time" in columns


def test_a_file_with_errors_changes_nothing(full_project, tmp_path):
    before = dump(full_project)
    with pytest.raises(InputError):
        _import(full_project, "observations", bad_file(tmp_path))
    assert dump(full_project) == before


def test_an_error_after_a_thousand_good_rows_still_changes_nothing(full_project, tmp_path):
    # The importer writes in batches; a late error must roll the early batches back.
    rows = [_row(key=f"B-{n:04}") for n in range(1200)] + [_row(key="B-bad", observed_at="2026-02-30")]
    file = write(tmp_path / "long.csv", csv_text(OBSERVATION_COLUMNS, rows))
    before = dump(full_project)
    with pytest.raises(InputError) as caught:
        _import(full_project, "observations", file)
    assert [(p.row, p.column) for p in caught.value.problems] == [(1202, "observed_at")]
    assert dump(full_project) == before


def test_a_missing_required_column_is_a_header_problem(full_project, tmp_path):
    file = write(tmp_path / "visits.csv", "key,transcript,transcript\nV-1,x,y\n")
    with pytest.raises(InputError) as caught:
        _import(full_project, "observations", file)
    assert [(p.row, p.column, p.reason) for p in caught.value.problems] == [
        (1, "touchpoint", "this required column is missing"),
        (1, "observed_at", "this required column is missing"),
        (1, "transcript", "this column appears twice"),
    ]


def test_scripts_and_promises_must_refer_to_what_exists(base_project, tmp_path):
    scripts = write(tmp_path / "scripts.csv", "key,touchpoint,text,promise\nS-9,nowhere,hi,\nS-10,web,hi,P-NONE\n")
    with pytest.raises(InputError) as caught:
        _import(base_project, "scripts", scripts)
    assert [(p.row, p.column) for p in caught.value.problems] == [(2, "touchpoint"), (3, "promise")]
    promises = write(tmp_path / "promises.csv",
                     "key,text,touchpoints,metric,operator,target,valid_from,valid_to\n"
                     "P-9,x,web;nowhere,,,,,\n"
                     "P-10,x,web,callback_time,<=,,,\n"
                     "P-11,x,*,,,,2026-12-01,2026-01-01\n")
    with pytest.raises(InputError) as caught:
        _import(base_project, "promises", promises)
    assert [(p.row, p.column) for p in caught.value.problems] == [(2, "touchpoints"), (3, "target"), (4, "valid_to")]


def test_unknown_columns_are_ignored_with_a_note(base_project, tmp_path):
    file = write(tmp_path / "visits.csv", "key,touchpoint,observed_at,weather\nV-1,web,2026-11-03,sunny\n")
    result = _import(base_project, "observations", file)
    assert result.new == 1
    assert result.warnings == ["column 'weather' is not used"]


# -- upsert by key -----------------------------------------------------------------------


def test_importing_the_same_file_twice_changes_nothing(base_project, import_files):
    _import(base_project, "observations", import_files["observations"])
    before = dump(base_project)
    again = _import(base_project, "observations", import_files["observations"])
    assert (again.new, again.updated, again.unchanged) == (0, 0, 5)
    assert again.summary.startswith("0 new, 0 updated")
    assert dump(base_project) == before  # not even updated_at moves


def test_a_changed_row_is_updated_and_the_rest_unchanged(full_project, tmp_path):
    rows = [list(row) for row in OBSERVATION_ROWS]
    rows[0][3] = "王芳芳"  # V-001 shopper
    rows[1][14] = "28 天"  # V-002 measurement
    rows.append(["V-006", "app", "2026-11-08", "", "", "", "", "", "", "", "", "", "", "", ""])
    result = _import(full_project, "observations", write(tmp_path / "v2.csv", csv_text(OBSERVATION_COLUMNS, rows)))
    assert (result.new, result.updated, result.unchanged) == (1, 2, 3)
    stored = {row[0]: row for row in rows_of(full_project, "observations")}
    assert stored["V-001"][3] == "王芳芳"
    assert ("V-002", "return_days", 28.0, "day", "28 天") in rows_of(full_project, "measurements")
    assert len(stored) == 6


def test_a_dry_run_reports_counts_and_writes_nothing(full_project, tmp_path):
    rows = [list(row) for row in OBSERVATION_ROWS] + [["V-006", "app", "2026-11-08"] + [""] * 12]
    rows[0][3] = "someone else"
    file = write(tmp_path / "v2.csv", csv_text(OBSERVATION_COLUMNS, rows))
    before = dump(full_project)
    result = _import(full_project, "observations", file, dry_run=True)
    assert (result.new, result.updated, result.unchanged) == (1, 1, 4)
    assert result.summary == "1 new, 1 updated, 4 unchanged (dry run: nothing was written)"
    assert dump(full_project) == before


def test_cancelling_an_import_leaves_the_project_as_it_was(full_project, tmp_path):
    rows = [_row(key=f"C-{n:04}") for n in range(1500)]
    file = write(tmp_path / "long.csv", csv_text(OBSERVATION_COLUMNS, rows))
    before = dump(full_project)
    asked = []
    with pytest.raises(Cancelled):  # asked after the first batch of 1000 rows was written
        _import(full_project, "observations", file, is_cancelled=lambda: asked.append(1) or True)
    assert asked == [1]
    assert dump(full_project) == before


def test_progress_is_reported_up_to_the_last_row(base_project, tmp_path):
    rows = [_row(key=f"C-{n:04}") for n in range(1500)]
    seen = []
    _import(base_project, "observations", write(tmp_path / "long.csv", csv_text(OBSERVATION_COLUMNS, rows)),
            progress=seen.append)
    assert seen == [1000, 1500]


def test_an_import_waits_for_another_program_to_finish_writing(full_project, tmp_path):
    # The desktop app saving a draft holds the write lock for a moment; an import that
    # starts just then must wait its turn, not fail with "locked".
    file = write(tmp_path / "new.csv", csv_text(OBSERVATION_COLUMNS, [_row(key="V-900")]))
    other = sqlite3.connect(full_project, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN EXCLUSIVE")
    release = threading.Timer(0.5, other.execute, ["ROLLBACK"])
    release.start()
    try:
        result = _import(full_project, "observations", file)
    finally:
        release.join()
        other.close()
    assert result.new == 1
    assert "V-900" in {row[0] for row in rows_of(full_project, "observations")}


def test_a_locked_project_is_reported_and_left_unchanged(full_project, tmp_path):
    file = write(tmp_path / "new.csv", csv_text(OBSERVATION_COLUMNS, [_row(key="V-900")]))
    before = dump(full_project)
    other = sqlite3.connect(full_project, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(ProjectLocked, match="locked by another program"):
            _import(full_project, "observations", file)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert dump(full_project) == before


# -- export then import ----------------------------------------------------------------------


def test_a_measurement_that_starts_like_a_formula_survives_export_and_import(make_project, tmp_path):
    from auditor.exporter import export_table

    source = make_project("touchpoints")
    file = write(tmp_path / "v.csv", "key,touchpoint,observed_at,measure:price_change\nV-1,web,2026-11-03,+5%\n")
    _import(source, "observations", file)
    with Project.open(source) as project:
        export_table(project, "observations", tmp_path / "export.csv")
    target = make_project("touchpoints")
    _import(target, "observations", tmp_path / "export.csv")
    assert rows_of(target, "measurements") == rows_of(source, "measurements") == [
        ("V-1", "price_change", 5.0, "%", "+5%")]


def test_a_numeric_measurement_reimported_from_a_csv_export_is_unchanged(make_project, tmp_path):
    from auditor.exporter import export_table

    project = make_project("touchpoints")
    file = write(tmp_path / "v.json", json.dumps([{"key": "V-1", "touchpoint": "web", "observed_at": "2026-11-03",
                                                   "measure:callback_time": 25}]))
    _import(project, "observations", file)
    with Project.open(project) as opened:
        export_table(opened, "observations", tmp_path / "export.csv")
    again = _import(project, "observations", tmp_path / "export.csv")
    assert (again.new, again.updated, again.unchanged) == (0, 0, 1)


def test_a_cell_of_spaces_is_empty(base_project, tmp_path):
    file = write(tmp_path / "v.csv", "key,touchpoint,observed_at,nps,ces\nV-1,web,2026-11-03,  ,3\n")
    assert _import(base_project, "observations", file).new == 1
    assert rows_of(base_project, "observations")[0][11:13] == (None, 3)


def test_a_file_without_a_column_keeps_what_is_stored_in_it(full_project, tmp_path):
    """An agency's correction file with only key, touchpoint, time and NPS must not wipe transcripts."""
    before = {row[0]: row for row in rows_of(full_project, "observations")}
    measurements_before = rows_of(full_project, "measurements")
    original = before["V-001"]
    correction = write(tmp_path / "nps_fix.csv",
                       f"key,touchpoint,observed_at,nps\nV-001,{original[1]},{original[2]},10\n")
    result = _import(full_project, "observations", correction)
    assert (result.new, result.updated, result.unchanged) == (0, 1, 0)
    after = {row[0]: row for row in rows_of(full_project, "observations")}
    assert after["V-001"][5] == original[5]  # the transcript is still there
    assert after["V-001"][11] == 10
    assert rows_of(full_project, "measurements") == measurements_before
    assert _import(full_project, "observations", correction).unchanged == 1


# -- choosing which column holds which field ------------------------------------------


def test_columns_map_a_file_header_to_a_chosen_field(base_project, tmp_path):
    """An agency's own headers: 'Agent' is the shopper, 'Wait' a measurement, 'Memo' left out."""
    file = write(tmp_path / "v.csv", "Visit,Where,When,Agent,Memo,Wait\n"
                                     "V-1,web,2026-11-03 10:00,王芳,do not import,25 min\n")
    columns = {"Visit": "key", "Where": "touchpoint", "When": "observed_at", "Agent": "shopper",
               "Memo": "", "Wait": "measure:callback_time"}
    result = _import(base_project, "observations", file, columns=columns)
    assert result.new == 1
    assert result.warnings == ["column 'Memo' is not used"]
    row = rows_of(base_project, "observations")[0]
    assert row[:6] == ("V-1", "web", "2026-11-03 10:00", "王芳", None, None)
    assert rows_of(base_project, "measurements") == [("V-1", "callback_time", 25.0, "min", "25 min")]


def test_columns_override_a_header_that_names_another_field(base_project, tmp_path):
    """A file whose 'scenario' column really holds the transcript; unnamed headers still match by alias."""
    file = write(tmp_path / "v.csv", "编号,触点,时间,scenario\nV-1,web,2026-11-03,我问了退货政策。\n")
    _import(base_project, "observations", file, columns={"Scenario": "transcript"})
    assert rows_of(base_project, "observations")[0][4:6] == (None, "我问了退货政策。")


def test_a_mapping_that_leaves_a_required_field_out_names_it_and_writes_nothing(base_project, tmp_path):
    file = write(tmp_path / "v.csv", "key,touchpoint,observed_at\nV-1,web,2026-11-03\n")
    with pytest.raises(InputError) as raised:
        _import(base_project, "observations", file, columns={"observed_at": ""})
    assert [(p.row, p.column, p.reason) for p in raised.value.problems] == [
        (1, "observed_at", "this required column is missing")]
    assert rows_of(base_project, "observations") == []


def test_a_mapping_naming_an_unknown_field_or_header_is_refused(base_project, tmp_path):
    file = write(tmp_path / "v.csv", "key,touchpoint,observed_at\nV-1,web,2026-11-03\n")
    with pytest.raises(UsageError, match="'colour' is not a field of observations"):
        _import(base_project, "observations", file, columns={"key": "colour"})
    with pytest.raises(UsageError, match="no column 'Memo'"):
        _import(base_project, "observations", file, columns={"Memo": "transcript"})
    assert rows_of(base_project, "observations") == []
