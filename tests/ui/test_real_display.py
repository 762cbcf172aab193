"""The app on a real X server (Xvfb), not Qt's offscreen platform: it starts, draws every
page and closes cleanly. Skipped where Xvfb is not installed (.ci/run installs it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("Xvfb") is None or not sys.platform.startswith("linux"),
                                reason="Xvfb is not installed")


@pytest.fixture
def display(tmp_path: Path):
    for number in range(90, 110):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            break
    server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        if time.monotonic() > deadline or server.poll() is not None:
            server.kill()
            pytest.skip("Xvfb did not start")
        time.sleep(0.05)
    yield f":{number}"
    server.terminate()
    server.wait(timeout=10)


def test_the_app_starts_draws_and_closes_on_an_x_server(display, sample_project: Path, tmp_path: Path) -> None:
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
           "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    done = subprocess.run([sys.executable, "-m", "auditor", "gui", str(sample_project), "--screenshot",
                           str(tmp_path / "shots")], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert sorted(path.name for path in (tmp_path / "shots").iterdir()) == [
        "audit.png", "dashboard.png", "entry_form.png", "findings.png", "observations.png", "promises.png", "report.png",
        "script_lines.png", "settings.png", "touchpoints.png"]
    assert "Traceback" not in done.stderr
