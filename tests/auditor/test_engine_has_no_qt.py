"""The engine (auditor/) never imports Qt or the desktop app (STYLE.md, "the shape of the house")."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import auditor

MAIN = Path(__file__).resolve().parents[2]
FORBIDDEN = ("PySide6", "shiboken6", "ui")

IMPORT_EVERYTHING = """
import importlib, pkgutil, sys
import auditor
names = sorted(m.name for m in pkgutil.walk_packages(auditor.__path__, "auditor.") if m.name != "auditor.__main__")
for name in names:
    importlib.import_module(name)
print(len(names))
leaked = sorted({m.split(".")[0] for m in sys.modules} & {"PySide6", "shiboken6", "ui"})
print(",".join(leaked))
"""


def test_importing_every_engine_module_loads_no_qt():
    result = subprocess.run([sys.executable, "-c", IMPORT_EVERYTHING], capture_output=True, text=True, cwd=MAIN,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    count, leaked = result.stdout.splitlines()
    assert int(count) >= len(list(Path(auditor.__file__).parent.glob("*.py"))) - 2  # minus __init__, __main__
    assert leaked == "", f"the engine imported {leaked}"


def _lint_imports() -> str:
    found = shutil.which("lint-imports") or shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if not found:
        pytest.fail("lint-imports is not installed; install the test extras: pip install -e '.[test]'")
    return found


def test_the_pyproject_contract_forbids_qt_in_the_engine():
    config = tomllib.loads((MAIN / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    forbidding = [c for c in contracts if c["type"] == "forbidden" and "auditor" in c["source_modules"]]
    assert forbidding, "pyproject.toml has no import-linter contract that keeps Qt out of auditor/"
    assert set(FORBIDDEN) <= set(forbidding[0]["forbidden_modules"])


def test_import_linter_keeps_the_contract():
    result = subprocess.run([_lint_imports(), "--no-cache"], capture_output=True, text=True, cwd=MAIN, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_import_linter_catches_an_engine_module_that_imports_qt(tmp_path):
    # Prove the check can fail: a copy of the engine with one module importing PySide6.
    shutil.copytree(MAIN / "auditor", tmp_path / "auditor", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(MAIN / "ui", tmp_path / "ui", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(MAIN / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "auditor" / "sneaky.py").write_text("from PySide6.QtCore import QObject\n")
    env = dict(os.environ, PYTHONPATH=str(tmp_path))
    result = subprocess.run([_lint_imports(), "--no-cache"], capture_output=True, text=True, cwd=tmp_path, env=env,
                            timeout=120)
    assert result.returncode != 0
    assert "auditor.sneaky" in result.stdout and "BROKEN" in result.stdout
