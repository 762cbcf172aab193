"""The Word report of the sample brand, read back: what page 1 says, the headings Word's
navigation pane shows, evidence with exactly the matched words highlighted, Chinese in a
CJK font, the corporate template kept, no names left with --redact-staff, dismissed
findings left out, and (where LibreOffice is installed) a PDF that holds the text."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn

from auditor import cli
from auditor.audit import run_audit
from auditor.findings import load_findings, review_finding
from auditor.report.build import build_report
from auditor.report.data import load_report_data
from auditor.sample import load_sample
from auditor.store import Project

SHOPPERS = ("Chen Jiahui", "Emily Carter", "Liu Yang", "Tom Becker", "Wong Ka Man", "Zhang Yue")


@pytest.fixture(scope="module")
def audited(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "sample.btaproj"
    with Project.open(path, create=True) as project:
        load_sample(project)
        run_audit(project)
        run_audit(project)  # a second run: the trend and the change since the previous run
    return path


@pytest.fixture(scope="module")
def english(audited, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("en") / "report.docx"
    with Project.open(audited) as project:
        build_report(project, out, lang="en")
    return out


@pytest.fixture(scope="module")
def chinese(audited, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("zh") / "报告.docx"
    with Project.open(audited) as project:
        build_report(project, out, lang="zh")
    return out


def _xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "\n".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist()
                         if name.endswith(".xml") or name.endswith(".rels"))


def _text(path: Path) -> str:
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def _headings(path: Path) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in Document(str(path)).paragraphs if p.style.name.startswith("Heading")]


def test_page_one_has_the_headline_figures_and_three_gaps_in_plain_words(english, audited):
    text = _text(english)
    with Project.open(audited) as project:
        metrics = project.db.execute("SELECT metrics FROM audit_runs ORDER BY id DESC LIMIT 1").fetchone()[0]
    index = re.search(r'"consistency_index": ([\d.]+)', metrics).group(1)
    assert index in text and "Consistency index" in text and "unchanged since the previous audit" in text
    gaps = [p.text for p in Document(str(english)).paragraphs if p.text.startswith("At ")]
    assert len(gaps) == 3
    assert all(re.search(r"\d+ of \d+ checked visits broke the promise “", gap) for gap in gaps)


def test_headings_are_real_heading_styles_for_the_navigation_pane(english, chinese):
    english_headings = [text for style, text in _headings(english) if style == "Heading 1"]
    for expected in ("The three largest gaps", "Results by touchpoint", "Findings", "Inconsistent claims across "
                     "touchpoints", "Promises the scripts never state", "Suspected copied records",
                     "Trend across audits", "Methodology"):
        assert expected in english_headings
    assert "方法说明" in [text for style, text in _headings(chinese) if style == "Heading 1"]
    assert any(style == "Heading 3" for style, _ in _headings(english))  # one per promise and touchpoint


def test_evidence_has_exactly_the_matched_words_highlighted(english, audited):
    with Project.open(audited) as project:
        findings = {f.id: f for f in load_findings(project)}
    robot = next(f for f in findings.values() if (f.observation, f.promise) == ("V-005", "P-24H"))
    document = Document(str(english))
    paragraph = next(p for p in document.paragraphs if p.text.startswith("V-005") and robot.evidence.text in p.text)
    highlighted = [run.text for run in paragraph.runs if run.font.highlight_color == WD_COLOR_INDEX.YELLOW]
    assert highlighted == [robot.evidence.text]


def test_chinese_report_is_in_chinese_with_an_east_asian_font(chinese):
    text = _text(chinese)
    for words in ("一致性指数", "承诺兑现率", "话术执行率", "三大差距", "审计发现"):
        assert words in text
    assert "Consistency index" not in text and "Findings" not in text
    xml = _xml(chinese)
    assert re.search(r'w:eastAsia="[^"]+"', xml)
    normal = Document(str(chinese)).styles["Normal"].element
    fonts = normal.find(qn("w:rPr")).find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia"))
    assert re.search(r"\d{4}年\d{1,2}月\d{1,2}日", text)


def test_dismissed_findings_are_left_out_and_review_ones_are_marked(audited, tmp_path):
    path = tmp_path / "copy.btaproj"
    shutil.copyfile(audited, path)
    with Project.open(path) as project:
        robot = next(f for f in load_findings(project) if (f.observation, f.promise) == ("V-005", "P-24H"))
        review_finding(project, robot.id, "dismissed", reviewer="Mei")
        out = build_report(project, tmp_path / "r.docx")
        data = load_report_data(project)
    assert robot.id not in {f.id for f in data.findings}
    assert not [p for p in Document(str(out)).paragraphs if p.text.startswith("V-005 ") and "机器人" in p.text]
    if any(f.verdict == "review" for f in data.findings):
        assert "needs review" in _text(out)


def test_redact_staff_leaves_no_shopper_or_staff_name_anywhere(audited, tmp_path):
    with Project.open(audited) as project:
        out = build_report(project, tmp_path / "redacted.docx", redact_staff=True)
        plain = build_report(project, tmp_path / "plain.docx")
    assert "小王" in _xml(plain) and any(name in _xml(plain) for name in SHOPPERS)  # the test can fail
    xml = _xml(out)
    for name in (*SHOPPERS, "小王", "Kevin Lau"):
        assert name not in xml, name
    assert "[staff]" in xml and re.search(r"\bS\d\b", xml)


def _template(path: Path) -> Path:
    document = Document()
    style = document.styles.add_style("ACME Body", 1)
    style.font.name = "Georgia"
    document.sections[0].header.paragraphs[0].text = "ACME Confidential"
    document.styles["Heading 1"].font.name = "Georgia"
    document.add_paragraph("Template body text that must not be kept.")
    document.save(str(path))
    return path


def test_a_corporate_template_gives_its_styles_and_header(audited, tmp_path):
    template = _template(tmp_path / "acme.docx")
    with Project.open(audited) as project:
        out = build_report(project, tmp_path / "acme-report.docx", template=template)
    document = Document(str(out))
    assert "ACME Body" in [style.name for style in document.styles]
    assert document.styles["Heading 1"].font.name == "Georgia"
    assert "ACME Confidential" in document.sections[0].header.paragraphs[0].text
    assert "Template body text" not in _text(out)


def test_the_command_line_writes_the_report_and_explains_bad_input(audited, tmp_path, capsys):
    out = tmp_path / "cli.docx"
    assert cli.main(["report", str(audited), "-o", str(out), "--lang", "zh"]) == 0
    assert out.is_file() and "Wrote" in capsys.readouterr().out
    assert cli.main(["report", str(audited), "-o", str(tmp_path / "x.docx"), "--run", "99"]) != 0
    assert "no audit run 99" in capsys.readouterr().err
    assert cli.main(["report", str(audited), "-o", str(tmp_path / "x.pdf")]) != 0
    assert ".docx" in capsys.readouterr().err
    assert cli.main(["report", str(audited), "-o", str(out), "--template", str(tmp_path / "none.docx")]) == 2
    not_word = tmp_path / "not-word.docx"
    not_word.write_text("hello", encoding="utf-8")
    assert cli.main(["report", str(audited), "-o", str(tmp_path / "y.docx"), "--template", str(not_word)]) != 0
    assert "not-word.docx" in capsys.readouterr().err
    assert not (tmp_path / "y.docx").exists() and not (tmp_path / "x.docx").exists()


def test_a_project_without_a_run_says_so(tmp_path, capsys):
    path = tmp_path / "empty.btaproj"
    Project.open(path, create=True).close()
    assert cli.main(["report", str(path), "-o", str(tmp_path / "r.docx")]) != 0
    assert "no audit run yet" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("report", ["english", "chinese"])
def test_libreoffice_converts_the_report_and_its_text_is_there(report, request, tmp_path):
    path = request.getfixturevalue(report)
    result = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
                             "pdf", "--outdir", str(tmp_path), str(path)], capture_output=True, timeout=180)
    pdf = tmp_path / (path.stem + ".pdf")
    assert result.returncode == 0 and pdf.is_file(), result.stderr.decode(errors="replace")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, timeout=60).stdout.decode()
        assert ("Consistency index" if report == "english" else "一致性指数") in text
        assert ("Page 1 of" if report == "english" else "第 1 页") in text


@pytest.mark.parametrize("lang, day, measured, percent, working", [
    ("en", "22 Nov 2026", "measured 7 days", "74%", "reported 10 working days"),
    ("zh", "2026年11月22日", "实测7天", "74%", "顾客记录10个工作日"),
])
def test_numbers_dates_and_measurements_are_written_the_way_each_language_writes_them(lang, day, measured,
                                                                                       percent, working):
    from auditor.report.texts import Texts

    texts = Texts(lang)
    assert texts.date("2026-11-22T10:00:00") == day
    assert texts.observed("measured 7 day") == measured
    assert texts.observed("reported 10 workday") == working
    assert texts.observed("只有机器人回复") == "只有机器人回复"  # a quote stays as the shopper wrote it
    assert texts.percent(0.7391) == percent and texts.percent(None) == texts("n_a")
    assert texts.signed(-1.25) == "−1.2" or texts.signed(-1.25) == "−1.3"


def test_an_unknown_language_is_refused_in_one_sentence():
    from auditor.report.texts import Texts

    with pytest.raises(ValueError, match="--lang must be one of en, zh"):
        Texts("fr")
