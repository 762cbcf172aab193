"""The brand-auditor command line: exit codes, one-sentence errors, never a traceback."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from auditor import cli
from auditor.paths import default_project_path
from auditor.schema import SCHEMA_VERSION
from project_data import (
    BAD_ROWS,
    EXPECTED_PROBLEMS,
    OBSERVATION_COLUMNS,
    OBSERVATION_ROWS,
    csv_text,
    dump,
    observation_content,
    rows_of,
    write,
)

MAIN = Path(__file__).resolve().parents[2]


def run(capsys, *argv):
    """Run the command line in-process; return (exit code, stdout, stderr)."""
    code = cli.main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


def run_process(*argv, cwd=None):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "auditor", *map(str, argv)], capture_output=True, text=True,
                          encoding="utf-8", env=env, cwd=cwd or MAIN, timeout=60)


# -- init, import, export ---------------------------------------------------------------------


def test_init_creates_a_project_and_import_prints_a_summary(tmp_path, capsys, import_files):
    project = tmp_path / "brand.btaproj"
    code, out, _ = run(capsys, "init", project)
    assert (code, out) == (0, f"Created project {project}\n")
    for kind in ("touchpoints", "promises", "scripts", "observations"):
        code, out, err = run(capsys, "import", project, kind, import_files[kind])
        assert code == 0, err
    assert out.strip() == f"{import_files['observations']}: observations: 5 new, 0 updated, 0 unchanged"
    code, out, _ = run(capsys, "import", project, "observations", import_files["observations"])
    assert code == 0
    assert "0 new, 0 updated, 5 unchanged" in out


def test_init_on_an_existing_project_keeps_it(full_project, capsys):
    before = dump(full_project)
    code, out, _ = run(capsys, "init", full_project)
    assert (code, out) == (0, f"Opened existing project {full_project}\n")
    assert dump(full_project) == before


def _cli_round_trip(capsys, tmp_path, source, touchpoints_file, suffix):
    visits = tmp_path / f"visits{suffix}"
    code, out, err = run(capsys, "export", source, "observations", "-o", visits)
    assert code == 0, err
    assert out.startswith("Exported ")
    target = tmp_path / f"target{suffix}.btaproj"
    assert run(capsys, "init", target)[0] == 0
    assert run(capsys, "import", target, "touchpoints", touchpoints_file)[0] == 0
    code, out, err = run(capsys, "import", target, "observations", visits)
    assert code == 0, err
    assert observation_content(target) == observation_content(source)
    code, out, err = run(capsys, "import", target, "observations", visits)
    assert code == 0, err
    assert "0 new, 0 updated" in out
    return target


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".json"])
def test_export_then_import_into_a_project_with_the_same_touchpoints_gives_identical_observations(
        full_project, import_files, tmp_path, capsys, suffix):
    _cli_round_trip(capsys, tmp_path, full_project, import_files["touchpoints"], suffix)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".json"])
def test_the_sample_round_trips_through_every_export_format(tmp_path, capsys, suffix):
    sample = tmp_path / "demo.btaproj"
    code, out, err = run(capsys, "init", sample, "--sample")
    assert code == 0, err
    assert "sample observations: " in out
    assert len(rows_of(sample, "observations")) >= 80
    assert len(rows_of(sample, "measurements")) > 0
    touchpoints = tmp_path / "touchpoints.csv"
    assert run(capsys, "export", sample, "touchpoints", "-o", touchpoints)[0] == 0
    _cli_round_trip(capsys, tmp_path, sample, touchpoints, suffix)


def test_a_file_with_errors_exits_3_lists_every_problem_and_changes_nothing(full_project, tmp_path, capsys):
    bad = write(tmp_path / "bad.csv", csv_text(OBSERVATION_COLUMNS, BAD_ROWS))
    before = dump(full_project)
    code, out, err = run(capsys, "import", full_project, "observations", bad)
    assert code == 3
    assert out == ""
    lines = err.splitlines()
    assert lines[0] == f"error: {bad}: 9 problems, nothing was imported."
    assert len(lines) == 1 + len(EXPECTED_PROBLEMS)
    for line, (row, column, reason) in zip(lines[1:], EXPECTED_PROBLEMS):
        assert line.startswith(f"  row {row}, column '{column}': "), line
        assert reason in line
    assert dump(full_project) == before


def test_a_dry_run_reports_counts_and_writes_nothing(base_project, import_files, capsys):
    before = dump(base_project)
    code, out, _ = run(capsys, "import", base_project, "observations", import_files["observations"], "--dry-run")
    assert code == 0
    assert "5 new, 0 updated, 0 unchanged (dry run: nothing was written)" in out
    assert dump(base_project) == before


def test_a_dry_run_of_a_bad_file_still_exits_3(full_project, tmp_path, capsys):
    bad = write(tmp_path / "bad.csv", csv_text(OBSERVATION_COLUMNS, BAD_ROWS))
    assert run(capsys, "import", full_project, "observations", bad, "--dry-run")[0] == 3


def test_the_encoding_option(base_project, tmp_path, capsys):
    file = write(tmp_path / "visits.csv", "key,touchpoint,observed_at,shopper\nV-1,web,2026-11-03,José Müller\n",
                 "cp1252")
    code, _, err = run(capsys, "import", base_project, "observations", file)
    assert code == 3 and "--encoding" in err
    code, out, err = run(capsys, "import", base_project, "observations", file, "--encoding", "cp1252")
    assert code == 0, err
    assert rows_of(base_project, "observations")[0][3] == "José Müller"


def test_the_sheet_option(base_project, tmp_path, capsys):
    workbook = Workbook()
    workbook.active.title = "README"
    workbook.active.append(["Visits are on the next sheet"])
    sheet = workbook.create_sheet("十一月")
    sheet.append(list(OBSERVATION_COLUMNS))
    for row in OBSERVATION_ROWS:
        sheet.append(list(row))
    workbook.save(tmp_path / "visits.xlsx")
    assert run(capsys, "import", base_project, "observations", tmp_path / "visits.xlsx")[0] == 3
    code, out, err = run(capsys, "import", base_project, "observations", tmp_path / "visits.xlsx", "--sheet", "十一月")
    assert code == 0, err
    assert "5 new" in out
    code, _, err = run(capsys, "import", base_project, "observations", tmp_path / "visits.xlsx", "--sheet", "Dec")
    assert code == 3 and "no sheet named 'Dec'" in err


def test_unused_columns_are_noted_on_stderr(base_project, tmp_path, capsys):
    file = write(tmp_path / "v.csv", "key,touchpoint,observed_at,weather\nV-1,web,2026-11-03,sunny\n")
    code, out, err = run(capsys, "import", base_project, "observations", file)
    assert code == 0
    assert err == f"{file}: note: column 'weather' is not used\n"


def test_a_missing_import_file_exits_3(base_project, tmp_path, capsys):
    code, _, err = run(capsys, "import", base_project, "observations", tmp_path / "nope.csv")
    assert code == 3
    assert "does not exist" in err


# -- project file problems: exit 4, one sentence -------------------------------------------------


def _text_file(tmp_path, project):
    path = tmp_path / "notes.btaproj"
    path.write_text("Meeting notes: call the agency on Monday.\n")
    return path


def _empty_file(tmp_path, project):
    path = tmp_path / "empty.btaproj"
    path.touch()
    return path


def _truncated(tmp_path, project):
    path = tmp_path / "half.btaproj"
    data = project.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _other_sqlite(tmp_path, project):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    return path


def _missing(tmp_path, project):
    return tmp_path / "missing.btaproj"


def _newer(tmp_path, project):
    conn = sqlite3.connect(project)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    return project


BAD_PROJECTS = {"text file": _text_file, "empty file": _empty_file, "truncated database": _truncated,
                "another program's SQLite file": _other_sqlite, "missing file": _missing,
                "project from a newer version": _newer}


@pytest.mark.parametrize("command", ["import", "export"])
@pytest.mark.parametrize("case", BAD_PROJECTS)
def test_a_bad_project_file_exits_4_with_one_line_and_is_left_untouched(
        full_project, import_files, tmp_path, capsys, case, command):
    path = BAD_PROJECTS[case](tmp_path, full_project)
    original = path.read_bytes() if path.exists() else None
    if command == "import":
        argv = ("import", path, "observations", import_files["observations"])
    else:
        argv = ("export", path, "observations", "-o", tmp_path / "out.csv")
    code, out, err = run(capsys, *argv)
    assert code == 4
    assert out == ""
    assert len(err.splitlines()) == 1 and err.startswith("error: ") and err.endswith(".\n"), err
    assert str(path) in err
    assert (path.read_bytes() if path.exists() else None) == original
    assert not (tmp_path / "out.csv").exists()
    assert not Path(f"{path}-wal").exists()


def test_a_locked_project_exits_4(full_project, import_files, tmp_path, capsys):
    new = write(tmp_path / "new.csv", csv_text(OBSERVATION_COLUMNS, [("V-900", "web", "2026-11-09")]))
    before = dump(full_project)
    other = sqlite3.connect(full_project, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        code, out, err = run(capsys, "import", full_project, "observations", new)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert code == 4
    assert err == f"error: {full_project} is locked by another program; close it there and try again.\n"
    assert dump(full_project) == before


# -- usage ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("argv", [
    ["import"],
    ["import", "p.btaproj", "widgets", "f.csv"],
    ["import", "p.btaproj", "observations"],
    ["export", "p.btaproj", "observations"],
    ["init"],
    ["init", "p.btaproj", "--colour"],
    ["--no-such-option"],
])
def test_wrong_usage_exits_2_with_one_line(capsys, argv, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as caught:
        cli.main(argv)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "--help" in err
    assert not (tmp_path / "p.btaproj").exists()


def test_exporting_to_an_unknown_file_type_exits_2(full_project, tmp_path, capsys):
    code, _, err = run(capsys, "export", full_project, "observations", "-o", tmp_path / "visits.txt")
    assert code == 2
    assert err == "error: visits.txt: the file name must end in .csv, .xlsx or .json.\n"


def test_an_unwritable_export_destination_is_one_sentence_not_a_crash(full_project, tmp_path, capsys):
    (tmp_path / "blocker").write_text("x")
    code, _, err = run(capsys, "export", full_project, "observations", "-o", tmp_path / "blocker" / "v.csv")
    assert code not in (0, 2, 3, 4)
    assert len(err.splitlines()) == 1 and "cannot be written" in err and "unexpected" not in err


def test_help_lists_the_commands(capsys):
    with pytest.raises(SystemExit) as caught:
        cli.main(["--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    for command in ("init", "import", "export", "gui", "--debug"):
        assert command in out


def test_debug_is_accepted(tmp_path, capsys):
    code, out, _ = run(capsys, "--debug", "init", tmp_path / "p.btaproj")
    assert code == 0 and "Created project" in out


def test_an_unexpected_error_is_one_line_and_debug_shows_it(full_project, tmp_path, capsys, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(cli, "export_table", broken)
    code, _, err = run(capsys, "export", full_project, "observations", "-o", tmp_path / "v.csv")
    assert code == 1
    assert err == "error: unexpected RuntimeError: simulated bug. Run again with --debug and report it.\n"
    with pytest.raises(RuntimeError, match="simulated bug"):
        cli.main(["--debug", "export", str(full_project), "observations", "-o", str(tmp_path / "v.csv")])


def test_no_arguments_opens_the_app_on_the_default_project_in_the_data_folder(capsys, monkeypatch, _isolated_home):
    opened = []

    class FakeApp:
        @staticmethod
        def run(path, lang=None):
            opened.append(path)
            return 0

    monkeypatch.setattr(cli.importlib, "import_module", lambda name: FakeApp)
    assert cli.main([]) == 0
    assert cli.main(["brand.btaproj"]) == 0
    assert cli.main(["gui"]) == 0
    assert opened == [default_project_path(), Path("brand.btaproj"), default_project_path()]
    assert default_project_path().parent == _isolated_home


# -- the real process: no traceback ever reaches the terminal ---------------------------------------


def test_python_m_auditor_help_works():
    result = run_process("--help")
    assert result.returncode == 0
    assert "brand-auditor" in result.stdout and "import" in result.stdout
    assert result.stderr == ""


def test_a_text_file_as_project_gives_exit_4_and_no_traceback_in_a_real_process(tmp_path, import_files):
    notes = tmp_path / "notes.btaproj"
    notes.write_text("not a project")
    result = run_process("import", notes, "observations", import_files["observations"])
    assert result.returncode == 4
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert "is not a Brand Touchpoint Auditor project" in result.stderr


def test_bad_data_gives_exit_3_and_no_traceback_in_a_real_process(full_project, tmp_path):
    bad = write(tmp_path / "bad.csv", csv_text(OBSERVATION_COLUMNS, BAD_ROWS), "gb18030")
    result = run_process("import", full_project, "observations", bad)
    assert result.returncode == 3
    assert "Traceback" not in result.stderr
    assert "row 5, column 'observed_at': '2026-02-30' is not a real date or time" in result.stderr


def test_wrong_usage_in_a_real_process_exits_2():
    result = run_process("import")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_export_to_json_from_the_command_line(full_project, tmp_path, capsys):
    out = tmp_path / "touchpoints.json"
    assert run(capsys, "export", full_project, "touchpoints", "-o", out)[0] == 0
    assert [item["key"] for item in json.loads(out.read_text(encoding="utf-8"))] == [
        "app", "bj-sanlitun", "chat", "hotline", "sh-jingan", "web"]


def test_an_unknown_word_is_a_usage_error_not_a_project_to_open(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["frobnicate"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "'frobnicate' is not a command or an existing project file" in err


def test_an_existing_project_path_alone_opens_the_app(full_project, monkeypatch):
    opened = []

    class FakeApp:
        @staticmethod
        def run(path, lang=None):
            opened.append(path)
            return 0

    monkeypatch.setattr(cli.importlib, "import_module", lambda name: FakeApp)
    assert cli.main([str(full_project)]) == 0
    assert opened == [full_project]
