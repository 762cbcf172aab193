"""``brand-auditor gui PROJECT --screenshot DIR``: every page as a PNG, no display needed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from auditor import cli


def test_every_page_is_written_as_a_png_named_after_it(qapp, sample_project: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "shots"
    assert cli.main(["gui", str(sample_project), "--screenshot", str(out)]) == 0
    names = {path.name for path in out.iterdir()}
    assert names == {"touchpoints.png", "promises.png", "script_lines.png", "observations.png", "entry_form.png",
                     "settings.png", "dashboard.png", "audit.png", "findings.png", "report.png"}
    page = QImage(str(out / "observations.png"))
    assert page.width() >= 1000 and page.height() >= 600
    assert len({page.pixel(x, y) for x in range(0, page.width(), 40) for y in range(0, page.height(), 40)}) > 5
    assert capsys.readouterr().out.count("wrote ") == 10


def test_a_missing_project_is_one_sentence_not_a_traceback(qapp, tmp_path: Path, capsys) -> None:
    assert cli.main(["gui", str(tmp_path / "nope.btaproj"), "--screenshot", str(tmp_path)]) != 0
    assert "There is no project" in capsys.readouterr().err


def test_taking_screenshots_leaves_the_project_unchanged(qapp, sample_project: Path, tmp_path: Path) -> None:
    before = sample_project.read_bytes()
    assert cli.main(["gui", str(sample_project), "--screenshot", str(tmp_path / "shots")]) == 0
    assert sample_project.read_bytes() == before  # no draft from the example visit
