"""Exporting tables: safe to open in a spreadsheet, and importable back to the same content."""

from __future__ import annotations

import codecs
import csv
import json

import pytest
from openpyxl import load_workbook

from auditor.errors import AuditorError, UsageError
from auditor.exporter import FINDING_COLUMNS, export_table
from auditor.importer import import_file
from auditor.store import Project
from project_data import OBSERVATION_COLUMNS, content, dump, rows_of

KINDS = ("touchpoints", "promises", "scripts", "observations")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _export(project_path, kind, out):
    with Project.open(project_path) as project:
        return export_table(project, kind, out)


def _csv_cells(path):
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_csv_export_is_utf8_with_bom_and_has_the_import_columns(full_project, tmp_path):
    out = tmp_path / "visits.csv"
    assert _export(full_project, "observations", out) == 5
    assert out.read_bytes().startswith(codecs.BOM_UTF8)
    rows = _csv_cells(out)
    assert tuple(rows[0]) == OBSERVATION_COLUMNS
    assert [row[0] for row in rows[1:]] == ["V-001", "V-002", "V-003", "V-004", "V-005"]
    assert rows[1][3] == "王芳"


@pytest.mark.parametrize("kind", KINDS)
def test_an_exported_csv_never_starts_a_cell_with_a_formula_character(full_project, tmp_path, kind):
    out = tmp_path / f"{kind}.csv"
    _export(full_project, kind, out)
    for row in _csv_cells(out):
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), cell


def test_formula_like_user_text_is_guarded_not_dropped(full_project, tmp_path):
    out = tmp_path / "visits.csv"
    _export(full_project, "observations", out)
    by_key = {row[0]: dict(zip(OBSERVATION_COLUMNS, row)) for row in _csv_cells(out)[1:]}
    assert by_key["V-003"]["transcript"] == '\'-5 minutes? =HYPERLINK("http://evil.example","x")'
    assert by_key["V-004"]["shopper"] == "'@张伟"
    assert by_key["V-004"]["transcript"] == "'+86 hotline said: 退货只有7天"
    assert by_key["V-002"]["transcript"] == "Greeted within a minute; 30-day returns explained."
    out = tmp_path / "touchpoints.csv"
    _export(full_project, "touchpoints", out)
    notes = {row[0]: row[4] for row in _csv_cells(out)[1:]}
    assert notes["hotline"] == "'=1+1 is not a formula here"


@pytest.mark.parametrize("kind", KINDS)
def test_an_exported_xlsx_has_no_formula_cells(full_project, tmp_path, kind):
    out = tmp_path / f"{kind}.xlsx"
    _export(full_project, kind, out)
    workbook = load_workbook(out)  # not read-only: data_type is only reliable on full cells
    cells = [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]
    assert cells
    for cell in cells:
        assert cell.data_type != "f", cell.coordinate
        if isinstance(cell.value, str):
            assert not cell.value.startswith(FORMULA_STARTS), cell.value


def test_json_export_keeps_text_exactly_and_lists_as_lists(full_project, tmp_path):
    _export(full_project, "observations", tmp_path / "visits.json")
    visits = {item["key"]: item for item in json.loads((tmp_path / "visits.json").read_text(encoding="utf-8"))}
    assert visits["V-003"]["transcript"] == '-5 minutes? =HYPERLINK("http://evil.example","x")'
    assert visits["V-001"]["measure:callback_time"] == "两个半小时"
    assert visits["V-001"]["nps"] == 3
    _export(full_project, "promises", tmp_path / "promises.json")
    promises = {item["key"]: item for item in json.loads((tmp_path / "promises.json").read_text(encoding="utf-8"))}
    assert promises["P-24H"]["touchpoints"] == ["*"]
    assert promises["P-CALLBACK"]["breach_cues"] == ["没人回电", "no one called back"]
    assert promises["P-CALLBACK"]["target"] == 60


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".json"])
def test_export_then_import_gives_back_the_same_content(full_project, tmp_path, suffix):
    files = {}
    for kind in KINDS:
        files[kind] = tmp_path / f"{kind}{suffix}"
        assert _export(full_project, kind, files[kind]) > 0
    fresh = tmp_path / "fresh.btaproj"
    with Project.open(fresh, create=True) as project:
        for kind in KINDS:
            import_file(project, kind, files[kind])
    assert content(fresh) == content(full_project)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".json"])
def test_importing_an_export_into_its_own_project_changes_nothing(full_project, tmp_path, suffix):
    before = dump(full_project)
    with Project.open(full_project) as project:
        for kind in KINDS:
            export_table(project, kind, tmp_path / f"{kind}{suffix}")
            result = import_file(project, kind, tmp_path / f"{kind}{suffix}")
            assert (result.new, result.updated) == (0, 0), kind
    assert dump(full_project) == before


def test_findings_export_with_review_status(full_project, tmp_path):
    out = tmp_path / "findings.csv"
    assert _export(full_project, "findings", out) == 0
    assert tuple(_csv_cells(out)[0]) == FINDING_COLUMNS
    with Project.open(full_project) as project, project.transaction() as db:
        db.execute("INSERT INTO audit_runs (id, started_at) VALUES (1, '2026-11-22T10:00:00')")
        db.execute("INSERT INTO findings (run, fingerprint, kind, verdict, severity, observation, touchpoint, "
                   "promise, evidence_text, evidence_start, evidence_end) VALUES "
                   "(1, 'fp-1', 'broken_promise', 'broken', 4, 'V-001', 'hotline', 'P-24H', '=机器人', 2, 5)")
        db.execute("INSERT INTO reviews (fingerprint, status, decided_at) VALUES ('fp-1', 'confirmed', '2026-11-22')")
    _export(full_project, "findings", out)
    row = dict(zip(FINDING_COLUMNS, _csv_cells(out)[1]))
    assert (row["id"], row["status"], row["evidence"], row["evidence_start"]) == ("fp-1", "confirmed", "'=机器人", "2")


def test_a_wrong_file_type_or_kind_is_a_usage_error(full_project, tmp_path):
    with pytest.raises(UsageError, match="must end in .csv, .xlsx or .json"):
        _export(full_project, "observations", tmp_path / "visits.txt")
    with pytest.raises(UsageError, match="cannot be exported"):
        _export(full_project, "drafts", tmp_path / "drafts.csv")
    assert not (tmp_path / "visits.txt").exists()


def test_export_creates_the_folder_and_leaves_no_temporary_files(full_project, tmp_path):
    out = tmp_path / "reports" / "2026-11" / "visits.xlsx"
    _export(full_project, "observations", out)
    _export(full_project, "observations", out)  # overwriting is fine
    assert sorted(p.name for p in out.parent.iterdir()) == ["visits.xlsx"]


def test_an_unwritable_destination_is_one_clear_error(full_project, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(AuditorError, match="cannot be written"):
        _export(full_project, "observations", blocker / "visits.csv")
    assert blocker.read_text() == "a file where a folder should be"


def test_observation_rows_export_measurements_as_written(full_project, tmp_path):
    out = tmp_path / "visits.csv"
    _export(full_project, "observations", out)
    by_key = {row[0]: dict(zip(OBSERVATION_COLUMNS, row)) for row in _csv_cells(out)[1:]}
    assert by_key["V-001"]["measure:callback_time"] == "两个半小时"
    assert by_key["V-002"]["measure:return_days"] == "30 天"
    assert by_key["V-003"]["measure:callback_time"] == "25"
    assert rows_of(full_project, "measurements")[0] == ("V-001", "callback_time", 2.5, "h", "两个半小时")
