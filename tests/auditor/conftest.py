"""Fixtures for the engine tests: real project files in tmp_path, never the user's folder."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from auditor import cli
from auditor.importer import import_file
from auditor.sample import load_sample
from auditor.store import Project
from project_data import PROMISES_CSV, SCRIPTS_CSV, TOUCHPOINTS_CSV, observations_csv, write


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app's data folder at tmp_path so no test touches the real user folder."""
    home = tmp_path / "home"
    monkeypatch.setenv("BRAND_AUDITOR_HOME", str(home))
    return home


@pytest.fixture
def import_files(tmp_path: Path) -> dict[str, Path]:
    """The shared import files, written as UTF-8 CSV."""
    folder = tmp_path / "files"
    folder.mkdir()
    return {
        "touchpoints": write(folder / "touchpoints.csv", TOUCHPOINTS_CSV),
        "promises": write(folder / "promises.csv", PROMISES_CSV),
        "scripts": write(folder / "scripts.csv", SCRIPTS_CSV),
        "observations": write(folder / "observations.csv", observations_csv()),
    }


@pytest.fixture
def make_project(tmp_path: Path, import_files: dict[str, Path]):
    """Create a closed project file holding the given kinds, imported from the shared files."""
    counter = iter(range(1000))

    def make(*kinds: str, name: str | None = None) -> Path:
        path = tmp_path / (name or f"project{next(counter)}.btaproj")
        with Project.open(path, create=True) as project:
            for kind in kinds:
                import_file(project, kind, import_files[kind])
        return path

    return make


@pytest.fixture
def base_project(make_project) -> Path:
    """A project with touchpoints, promises and scripts, but no observations yet."""
    return make_project("touchpoints", "promises", "scripts", name="base.btaproj")


@pytest.fixture
def full_project(make_project) -> Path:
    """A project holding all four kinds."""
    return make_project("touchpoints", "promises", "scripts", "observations", name="full.btaproj")


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    """The sample project (resources/sample), loaded once per test module; tests that
    change it work on a copy."""
    path = tmp_path_factory.mktemp("sample") / "sample.btaproj"
    with Project.open(path, create=True) as project:
        load_sample(project)
    return path


@pytest.fixture(scope="module")
def audited(sample) -> dict:
    """``audit --json`` of the sample, run once per module through the command line."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(["audit", str(sample), "--json"]) == 0
    return json.loads(out.getvalue())


@pytest.fixture
def project(sample, tmp_path):
    """A copy of the sample (loaded once per module), opened, for a test that changes it."""
    copy = tmp_path / "sample-copy.btaproj"
    with Project.open(sample) as opened:
        opened.save_copy(copy)
    with Project.open(copy) as opened:
        yield opened
