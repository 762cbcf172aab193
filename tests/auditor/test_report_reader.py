"""What a new reader of the report noticed (issue 16), on real .docx files read back with
python-docx and, where a defect shows only on paper, on LibreOffice's PDF read with
pdftotext: the brand's name, the period of the visits, page numbers in the contents,
singular counts, whole header words, whole heat-map labels, no SERVQUAL table of "n/a",
and worst gaps that count visits only."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from auditor.audit import run_audit
from auditor.project_settings import load_settings, save_settings
from auditor.report import charts, fonts, word
from auditor.report.build import build_report
from auditor.report.data import file_brand_name
from auditor.report.texts import _EN, Texts
from auditor.sample import load_sample
from auditor.store import Project

HAS_PDF_TOOLS = shutil.which("soffice") is not None and shutil.which("pdftotext") is not None
needs_pdf = pytest.mark.skipif(not HAS_PDF_TOOLS, reason="LibreOffice or pdftotext is not installed")


@pytest.fixture(scope="module")
def audited(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("reader") / "sample.btaproj"
    with Project.open(path, create=True) as project:
        load_sample(project)
        run_audit(project)
    return path


@pytest.fixture(scope="module")
def reports(audited, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("reports")
    with Project.open(audited) as project:
        return {lang: build_report(project, folder / f"r-{lang}.docx", lang=lang) for lang in ("en", "zh")}


@pytest.fixture(scope="module")
def pdf_pages(reports, tmp_path_factory) -> dict[str, list[str]]:
    """Each report converted by LibreOffice, as the text of each PDF page."""
    if not HAS_PDF_TOOLS:
        pytest.skip("LibreOffice or pdftotext is not installed")
    folder = tmp_path_factory.mktemp("pdf")
    pages = {}
    for lang, path in reports.items():
        result = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{folder}/lo", "--convert-to",
                                 "pdf", "--outdir", str(folder), str(path)], capture_output=True, timeout=240)
        pdf = folder / (path.stem + ".pdf")
        assert result.returncode == 0 and pdf.is_file(), result.stderr.decode(errors="replace")
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, timeout=60).stdout.decode()
        pages[lang] = text.split("\f")
    return pages


def _paragraphs(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def _all_text(path: Path) -> str:
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


# -- 1. the brand's name ----------------------------------------------------------------------


def test_the_brand_name_setting_titles_the_cover_and_the_document_properties(audited, tmp_path):
    path = tmp_path / "copy.btaproj"
    shutil.copyfile(audited, path)
    with Project.open(path) as project:
        settings = load_settings(project)
        settings.brand_name = "  Lumen   Hotels "
        save_settings(project, settings)
        assert load_settings(project).brand_name == "Lumen Hotels"
        out = build_report(project, tmp_path / "lumen.docx")
    document = Document(str(out))
    title = next(p for p in document.paragraphs if p.style.name == "Title")
    assert title.text == "Lumen Hotels"
    assert "Lumen Hotels" in document.core_properties.title and "Lumen Hotels" in document.core_properties.subject


def test_without_a_brand_name_the_report_is_named_after_the_project_file(audited, tmp_path):
    path = tmp_path / "acme_hotels.btaproj"
    shutil.copyfile(audited, path)
    with Project.open(path) as project:
        project.set_setting("brand_name", None)
        out = build_report(project, tmp_path / "acme.docx")
    document = Document(str(out))
    assert next(p for p in document.paragraphs if p.style.name == "Title").text == "Acme Hotels"
    assert document.core_properties.title.endswith("Acme Hotels")
    assert file_brand_name(Path("ACME-2026.btaproj")) == "ACME 2026"  # capitals are kept


# -- 2. the period of the visits --------------------------------------------------------------


def test_the_period_is_that_of_the_visits_not_the_day_of_the_audit(reports, audited):
    with Project.open(audited) as project:
        first, last = project.db.execute("SELECT min(observed_at), max(observed_at) FROM observations").fetchone()
        started = project.db.execute("SELECT started_at FROM audit_runs").fetchone()[0]
    assert (first[:10], last[:10]) == ("2026-09-01", "2026-10-31")  # the sample's visits
    paragraphs = _paragraphs(reports["en"])
    assert paragraphs[1] == "Promise audit · visits of 1 Sep 2026 to 31 Oct 2026"
    assert any(p.startswith("Period of the visits: 1 Sep 2026 to 31 Oct 2026.") for p in paragraphs)
    assert Document(str(reports["en"])).core_properties.subject.endswith("visits of 1 Sep 2026 to 31 Oct 2026")
    audit_day = Texts("en").date(started)
    assert audit_day not in paragraphs[1]
    assert not any("all visits to" in p for p in paragraphs)
    assert paragraphs[2] == f"Audit run 1 of {audit_day}"  # the audit's own date, labelled as such
    chinese = _paragraphs(reports["zh"])
    assert chinese[1] == "品牌承诺审计报告 · 走访期间：2026年9月1日至2026年10月31日"
    assert any(p.startswith("走访期间：2026年9月1日至2026年10月31日。") for p in chinese)


def test_a_run_with_an_end_date_reports_up_to_that_date(audited, tmp_path):
    path = tmp_path / "copy.btaproj"
    shutil.copyfile(audited, path)
    with Project.open(path) as project:
        run_audit(project, period_to="2026-09-30")
        out = build_report(project, tmp_path / "september.docx")
    assert _paragraphs(out)[1] == "Promise audit · visits of 1 Sep 2026 to 30 Sep 2026"


# -- 3. page numbers in the contents ----------------------------------------------------------


def test_contents_entries_link_to_their_headings_with_page_fields_and_no_update_prompt(reports):
    document = Document(str(reports["en"]))
    assert not document.settings.element.findall(qn("w:updateFields"))  # Word opens it without asking
    body = document.element.body
    instructions = [" ".join(text.split()) for text in body.xpath(".//w:instrText/text()")]
    assert not [i for i in instructions if i.startswith("TOC")]
    marks = set(body.xpath(".//w:bookmarkStart/@w:name"))
    entries = [p for p in document.paragraphs if p.style.name.startswith("toc")]
    assert len(entries) > 10
    for entry in entries:
        anchor = entry._p.xpath("./w:hyperlink/@w:anchor")[0]
        fields = [" ".join(t.split()) for t in entry._p.xpath(".//w:instrText/text()")]
        assert fields == [f"PAGEREF {anchor} \\h"] and anchor in marks
        assert entry._p.xpath("./w:pPr/w:tabs/w:tab[@w:val='right' and @w:leader='dot']")


@needs_pdf
@pytest.mark.parametrize("lang, heading", [("en", "Methodology"), ("zh", "方法说明")])
def test_the_pdf_contents_give_the_page_each_section_is_on(pdf_pages, lang, heading):
    pages = pdf_pages[lang]
    contents = next(page for page in pages if re.search(r"^\s*(Contents|目录)\s*$", page, re.M))
    numbered = re.findall(r"^\s*(\S.*?)\s*\.{3,}\s*(\d+)\s*$", contents, re.M)
    assert len(numbered) > 10, contents
    number = dict(numbered)[heading]
    assert re.search(rf"^{heading}\s*$", pages[int(number) - 1], re.M), f"{heading} is not on page {number}"
    assert [int(n) for _, n in numbered] == sorted(int(n) for _, n in numbered)


# -- 4. one visit, one finding ----------------------------------------------------------------

_PLURAL_NOUN = re.compile(r"\b1 (?:[\w'-]+ ){0,2}?(visits|findings|records|promises|phrases|lines|claims|touchpoints|"
                          r"checks)\b")


def test_no_count_phrase_in_the_english_catalogue_reads_1_visits():
    texts = Texts("en")
    checked = 0
    for key, template in _EN.items():
        names = set(re.findall(r"\{(\w+)(?:\|[^{}]*)?\}", template))
        if not names:
            continue
        text = texts(key, **{name: 1 for name in names})
        checked += 1
        assert not _PLURAL_NOUN.search(text), f"{key}: {text}"
        assert not re.search(r"\b1 of them still need\b", text), text
    assert checked > 15
    assert texts("count_duplicate_transcript", n=1) == "1 copied record"
    assert texts("count_duplicate_transcript", n=2) == "2 copied records"
    assert texts("not_said", count=1) == "Not said in 1 visit."
    assert texts("gap", touchpoint="T", broken=1, decided=1, promise="p").startswith("At T, 1 of 1 checked visit broke")


def test_the_report_says_1_copied_record(reports):
    text = _all_text(reports["en"])
    assert "1 copied record." in text  # the sample has one pair of copied transcripts
    assert not _PLURAL_NOUN.search(text), _PLURAL_NOUN.search(text).group(0)


# -- 5. header words kept whole ---------------------------------------------------------------


def test_a_column_is_widened_to_its_header_longest_word_and_the_total_kept():
    header = ["Touchpoint", "Visits", "Promise keeping", "Script adherence", "Consistency index", "NPS"]
    rows = [["Flagship store Hong Kong Causeway Bay 銅鑼灣旗艦店", "10", "90% (69–97%)", "100% (82–100%)", "91.8",
             "-100.0"]]
    widths = word._header_fitting([5.0, 1.8, 3.2, 3.2, 1.8, 1.5], header, rows, 9)
    assert sum(widths) == pytest.approx(16.5)
    consistency = fonts.text_width_pt("Consistency", 9, bold=True) / 72 * 2.54
    assert widths[4] >= consistency + 0.38  # the word and the cell's margins
    chinese = word._header_fitting([5.0, 1.8, 3.2, 3.2, 1.8, 1.5], ["触点", "走访数", "承诺兑现率", "话术执行率",
                                                                  "一致性指数", "净推荐值"], rows, 9)
    assert chinese[4] >= 5 * 9 / 72 * 2.54 + 0.38 and chinese[5] >= 4 * 9 / 72 * 2.54 + 0.38


@needs_pdf
def test_table_headers_break_between_words_only_in_the_pdf(pdf_pages):
    english = "\n".join(pdf_pages["en"])
    assert "Consistency" in english
    assert not re.search(r"Consist(?!ency)", english) and not re.search(r"\(1–(?!\d)", english)
    results = next(page for page in pdf_pages["zh"] if re.search(r"^各触点结果\s*$", page, re.M))
    assert "一致性指数" in results and "净推荐值" in results


# -- 6. heat-map labels in full ---------------------------------------------------------------


def test_heat_map_labels_are_whole_names_wrapped_to_fit():
    touchpoints = [f"Flagship store Hong Kong Causeway Bay 銅鑼灣旗艦店 {i}" for i in range(8)]
    promises = ["A dedicated adviser will contact you within 1 hour 专属顾问1小时内与您沟通, "
                "every day of the week including public holidays"] * 3
    headers, sides = charts.heat_map_labels(promises, touchpoints, width_cm=charts.PAGE_WIDTH_CM, turned=False)
    for name, label in [*zip(touchpoints, headers), *zip(promises, sides)]:
        assert "…" not in label
        assert re.sub(r"\s", "", label) == re.sub(r"\s", "", name)
    family = fonts.font_families()[0]
    column_pt = (charts.PAGE_WIDTH_CM - 5.2 - 1.6) / 8 / 2.54 * 72
    assert all(fonts.text_width_pt(line, 6.5, family=family) <= column_pt for h in headers for line in h.split("\n"))


def test_the_report_gives_the_heat_map_the_full_names(audited, tmp_path, monkeypatch):
    drawn = {}

    def spy(promises, touchpoints, rates, labels):
        drawn.update(promises=promises, touchpoints=touchpoints)
        return real(promises, touchpoints, rates, labels)

    real = charts.heat_map
    monkeypatch.setattr(charts, "heat_map", spy)
    with Project.open(audited) as project:
        build_report(project, tmp_path / "r.docx")
        names = {row[0] for row in project.db.execute("SELECT name FROM touchpoints")}
        texts = {row[0] for row in project.db.execute("SELECT text FROM promises")}
    assert "Flagship store Hong Kong Causeway Bay 銅鑼灣旗艦店" in drawn["touchpoints"]
    assert set(drawn["touchpoints"]) <= names and set(drawn["promises"]) <= texts
    assert not [label for label in drawn["promises"] + drawn["touchpoints"] if "…" in label]


def test_a_heat_map_too_tall_for_its_page_is_split_not_shrunk():
    from docx.shared import Cm

    from auditor.report.build import _heat_map_parts

    promises = [f"Promise number {i} with a fairly long text that takes two lines 第{i}项承诺" for i in range(30)]
    touchpoints = [f"Touchpoint {i}" for i in range(12)]
    doc = word.new_document()
    section = word.landscape_section(doc)
    parts = _heat_map_parts(promises, touchpoints, section)
    assert len(parts) > 1 and sum(parts, []) == promises
    page_cm = (section.page_height - section.top_margin - section.bottom_margin) / Cm(1)
    for part in parts:
        fixed, heights = charts.heat_map_rows_cm(part, touchpoints)
        assert fixed + sum(heights) <= page_cm
        assert charts.size_cm(charts.heat_map(part, touchpoints, {(p, t): (0.8, 3) for p in part
                                                                  for t in touchpoints}))[1] == \
            pytest.approx(fixed + sum(heights), abs=0.05)


def test_a_picture_taller_than_the_page_is_narrowed_to_fit_it(tmp_path):
    doc = word.new_document()
    tall = charts.heat_map([f"Promise {i}" for i in range(60)], ["A", "B"],
                           {(f"Promise {i}", "A"): (0.9, 4) for i in range(60)})
    assert charts.size_cm(tall)[1] > 30
    word.add_picture(doc, tall, width_cm=charts.size_cm(tall)[0])
    shape = doc.inline_shapes[0]
    section = doc.sections[-1]
    assert shape.height <= section.page_height - section.top_margin - section.bottom_margin


# -- 7. no SERVQUAL table of n/a --------------------------------------------------------------


@pytest.mark.parametrize("lang, sentence, header", [
    ("en", "No SERVQUAL ratings were recorded in these visits.", "Dimension"),
    ("zh", "这些走访中没有记录SERVQUAL评分。", "维度"),
])
def test_without_ratings_there_is_one_sentence_instead_of_a_servqual_table(audited, tmp_path, lang, sentence, header):
    path = tmp_path / "unrated.btaproj"
    shutil.copyfile(audited, path)
    with Project.open(path) as project:
        project.db.execute("UPDATE observations SET rating_tangibles = NULL, rating_reliability = NULL, "
                           "rating_responsiveness = NULL, rating_assurance = NULL, rating_empathy = NULL")
        project.db.conn.commit()
        run_audit(project)
        out = build_report(project, tmp_path / f"{lang}.docx", lang=lang)
        rated = build_report(project, tmp_path / "rated.docx", lang=lang, run_id=1)
    document = Document(str(out))
    assert sentence in _paragraphs(out)
    assert not [t for t in document.tables if t.rows[0].cells[0].text == header]
    assert [t for t in Document(str(rated)).tables if t.rows[0].cells[0].text == header]  # the test can fail


# -- 8. the worst gaps count visits -----------------------------------------------------------


def _visits(project: Project, promise: str, touchpoint: str) -> tuple[int, int]:
    """Broken and checked visits, counted by hand from the stored checks."""
    verdicts: dict[str, set[str]] = {}
    for observation, verdict in project.db.execute(
            "SELECT observation, verdict FROM checks WHERE run = 1 AND target_type = 'promise' AND target = ? "
            "AND touchpoint = ? AND observation IS NOT NULL", [promise, touchpoint]):
        verdicts.setdefault(observation, set()).add(verdict)
    for observation, promises in project.db.execute(
            "SELECT observation, promises FROM quiet_checks WHERE run = 1 AND touchpoint = ?", [touchpoint]):
        if promise in json.loads(promises):
            verdicts.setdefault(observation, set()).add("kept")
    broken = sum(1 for seen in verdicts.values() if "broken" in seen)
    return broken, sum(1 for seen in verdicts.values() if seen & {"kept", "broken"})


def test_the_three_worst_gaps_count_distinct_visits_as_counted_by_hand(reports, audited):
    gaps = [p for p in _paragraphs(reports["en"]) if p.startswith("At ")]
    # Read off the sample's transcripts: Xintiandi says "7天" on all five visits; Causeway Bay
    # says 30 days on V-010, V-019, V-039 and 14 days on V-047, V-059, V-068 (V-030 never
    # speaks of returns); the 400 hotline has a robot (V-005) and no answer (V-035) in 15 calls.
    expected = [("Store Shanghai Xintiandi 新天地店", "sh-xintiandi", "P-RET30", 5, 5),
                ("Flagship store Hong Kong Causeway Bay 銅鑼灣旗艦店", "hk-causeway", "P-RET30", 3, 6),
                ("Customer hotline 400 客服热线", "hotline", "P-24H", 2, 15)]
    with Project.open(audited) as project:
        for gap, (name, touchpoint, promise, broken, checked) in zip(gaps, expected, strict=True):
            assert _visits(project, promise, touchpoint) == (broken, checked)
            assert gap.startswith(f"At {name}, {broken} of {checked} checked visits broke the promise"), gap
        # the project-level check (the promise against the scripts) is there, and is no visit
        assert project.db.execute("SELECT count(*) FROM checks WHERE run = 1 AND observation IS NULL AND "
                                  "target = 'P-RET30' AND touchpoint = 'hk-causeway'").fetchone()[0] >= 1


def test_a_run_whose_stored_figures_counted_the_coverage_check_as_a_visit_still_says_3_of_6(audited, tmp_path):
    path = tmp_path / "old.btaproj"
    shutil.copyfile(audited, path)
    with Project.open(path) as project:
        metrics = json.loads(project.db.execute("SELECT metrics FROM audit_runs WHERE id = 1").fetchone()[0])
        metrics["by_promise_touchpoint"]["P-RET30"]["hk-causeway"]["kept"] += 1  # as before the fix: 3 of 7
        project.db.execute("UPDATE audit_runs SET metrics = ? WHERE id = 1", [json.dumps(metrics)])
        project.db.conn.commit()
        out = build_report(project, tmp_path / "old.docx")
    gap = next(p for p in _paragraphs(out) if p.startswith("At Flagship store Hong Kong"))
    assert ", 3 of 6 checked visits broke" in gap
