"""The report's Word craft: real .docx files written to tmp_path and read back, both with
python-docx and by reading the package's XML, plus one LibreOffice conversion to PDF."""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import time
import zipfile
import zlib
from datetime import datetime, timezone
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import Cm, RGBColor
from lxml import etree

from auditor.report import word

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W, "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
DATA = Path(__file__).parent / "data"
COMMITTED_TEMPLATE = DATA / "acme_template.docx"


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def png(width: int = 40, height: int = 20, rgb: tuple[int, int, int] = (46, 117, 182)) -> bytes:
    """A small solid PNG, written by hand so the tests need no imaging library."""
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw))
            + chunk(b"IEND", b""))


def make_template(path: Path, *, drop_styles: tuple[str, ...] = (), first_page: bool = False,
                  two_sections: bool = False) -> Path:
    """A corporate template as a brand team would make it: its own body font (Georgia, no
    East Asian font), a custom style, "ACME Confidential" and a logo in the header, a
    footer line, 3 cm margins, and some body text that a report must not keep."""
    doc = docx.Document()
    normal_fonts = doc.styles["Normal"].element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in list(normal_fonts.attrib):
        del normal_fonts.attrib[attribute]
    normal_fonts.set(w("ascii"), "Georgia")
    normal_fonts.set(w("hAnsi"), "Georgia")
    note = doc.styles.add_style("ACME Note", 1)
    note.font.name, note.font.color.rgb = "Georgia", RGBColor(0x80, 0x00, 0x20)
    section = doc.sections[0]
    section.left_margin = section.right_margin = Cm(3)
    header = section.header.paragraphs[0]
    header.add_run("ACME Confidential  ")
    header.add_run().add_picture(io.BytesIO(png(60, 20, (128, 0, 32))), width=Cm(2))
    section.footer.paragraphs[0].add_run("ACME Hotels Ltd · Internal")
    if first_page:
        section.different_first_page_header_footer = True
        section.first_page_footer.paragraphs[0].add_run("ACME cover footer")
    doc.add_paragraph("Template body text that must go.", style="ACME Note")
    doc.add_table(rows=2, cols=2)
    if two_sections:  # the header lives in section 1 only; section 2 inherits it
        doc.add_section()
        doc.add_paragraph("Second section text that must go.")
    doc.core_properties.title = "ACME template"
    doc.core_properties.author = "ACME brand team"
    for name in drop_styles:
        style = doc.styles.element.get_by_name(name)
        style.getparent().remove(style)
    doc.save(path)
    return path


def retyped(source: Path, target: Path) -> Path:
    """``source`` as a Word template (.dotx) or a macro-enabled document (.docm, with a
    VBA project), as Word would save it."""
    document = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    kind = {".dotx": "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
            ".docm": "application/vnd.ms-word.document.macroEnabled.main+xml"}[target.suffix]
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(document.encode(), kind.encode())
                if target.suffix == ".docm":
                    data = data.replace(b"</Types>", b'<Default Extension="bin" ContentType='
                                        b'"application/vnd.ms-office.vbaProject"/></Types>')
            if item.filename == "word/_rels/document.xml.rels" and target.suffix == ".docm":
                data = data.replace(b"</Relationships>", (
                    b'<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/'
                    b'relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'))
            zout.writestr(item, data)
        if target.suffix == ".docm":
            zout.writestr("word/vbaProject.bin", b"not really VBA")
    return target


def parts(path: Path, prefix: str = "word/") -> dict[str, etree._Element]:
    """Every XML part under ``prefix`` of the saved package, parsed."""
    with zipfile.ZipFile(path) as package:
        return {name: etree.fromstring(package.read(name)) for name in package.namelist()
                if name.startswith(prefix) and name.endswith(".xml")}


def footers(path: Path) -> dict[str, etree._Element]:
    return {name: root for name, root in parts(path).items() if "/footer" in name}


def field_instructions(root: etree._Element) -> list[str]:
    return [" ".join("".join(t.itertext()).split()) for t in root.iter(w("instrText"))]


def save(doc, tmp_path: Path, name: str = "out.docx") -> Path:
    path = tmp_path / name
    doc.save(path)
    return path


def fresh(lang: str = "en"):
    doc = word.new_document(None)
    word.setup_styles(doc, lang, "Calibri", "Microsoft YaHei")
    return doc


# -- new_document -----------------------------------------------------------------------------


def test_default_document_is_empty_a4_without_the_stock_thumbnail(tmp_path):
    path = save(fresh(), tmp_path)
    doc = docx.Document(path)
    section = doc.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert doc.paragraphs == [] and doc.tables == []
    with zipfile.ZipFile(path) as package:
        assert not [name for name in package.namelist() if "thumbnail" in name]


@pytest.mark.parametrize("suffix", [".docx", ".dotx", ".docm"])
def test_template_keeps_styles_header_footer_logo_and_margins_but_not_its_body(tmp_path, suffix):
    template = make_template(tmp_path / "acme.docx")
    if suffix != ".docx":
        template = retyped(template, tmp_path / f"acme{suffix}")
    doc = word.new_document(template)
    word.setup_styles(doc, "en", "Calibri", "Microsoft YaHei")
    word.add_page_number_footer(doc)
    doc.add_heading("Report heading", 1)
    path = save(doc, tmp_path)

    back = docx.Document(path)
    assert [p.text for p in back.paragraphs] == ["Report heading"] and back.tables == []
    assert back.styles["ACME Note"].font.name == "Georgia"
    section = back.sections[0]
    assert round(section.left_margin.cm, 1) == 3.0
    assert "ACME Confidential" in section.header.paragraphs[0].text
    assert section.header.part.element.xpath(".//w:drawing//a:blip")  # the logo
    assert any(rel.reltype.endswith("/image") for rel in section.header.part.rels.values())
    footer_text = [p.text for p in section.footer.paragraphs]
    assert footer_text[0] == "ACME Hotels Ltd · Internal"  # kept, number appended after it
    assert "PAGE" in field_instructions(section.footer.part.element)
    with zipfile.ZipFile(path) as package:
        types = package.read("[Content_Types].xml").decode()
        names = package.namelist()
    assert "wordprocessingml.document.main+xml" in types
    assert "template.main" not in types and "macroEnabled" not in types
    assert "word/vbaProject.bin" not in names  # a .docx with macros does not open in Word


def test_committed_template_is_the_one_the_tests_make(tmp_path):
    """tests/auditor/data/acme_template.docx is ``make_template``'s output, for other tests."""
    doc = docx.Document(COMMITTED_TEMPLATE)
    assert "ACME Confidential" in doc.sections[0].header.paragraphs[0].text
    assert doc.styles["ACME Note"] is not None
    made = docx.Document(make_template(tmp_path / "again.docx"))
    assert [s.name for s in made.styles] == [s.name for s in doc.styles]


def test_a_header_defined_in_an_earlier_section_survives_emptying_the_body(tmp_path):
    template = make_template(tmp_path / "two.docx", two_sections=True)
    assert docx.Document(template).sections[1].header.is_linked_to_previous
    path = save(word.new_document(template), tmp_path)
    back = docx.Document(path)
    assert len(back.sections) == 1
    assert "ACME Confidential" in back.sections[0].header.paragraphs[0].text
    assert back.sections[0].footer.paragraphs[0].text == "ACME Hotels Ltd · Internal"


def test_template_without_heading_styles_gets_headings_the_navigation_pane_shows(tmp_path):
    template = make_template(tmp_path / "bare.docx",
                             drop_styles=("heading 1", "heading 2", "heading 3", "Title",
                                          "caption", "TOC Heading"))
    doc = word.new_document(template)
    word.setup_styles(doc, "zh", "Calibri", "Microsoft YaHei")
    doc.add_paragraph("标题", style="Title")
    for level in (1, 2, 3):
        doc.add_heading(f"第 {level} 级", level)
    word.add_caption(doc, "图表")
    path = save(doc, tmp_path)
    styles = parts(path)["word/styles.xml"]
    for level in (1, 2, 3):
        outline = styles.xpath(f"w:style[w:name/@w:val='heading {level}']/w:pPr/w:outlineLvl/@w:val",
                               namespaces=NS)
        assert outline == [str(level - 1)]
    assert [p.style.name for p in docx.Document(path).paragraphs] == [
        "Title", "Heading 1", "Heading 2", "Heading 3", "Caption"]


@pytest.mark.parametrize("content", [
    b"%PDF-1.4 not a Word file",
    b"plain text",
    b"",
    "zip-without-document",
    "xlsx",
])
def test_a_file_that_is_not_a_word_document_is_a_value_error_naming_it(tmp_path, content):
    path = tmp_path / "brand-guide.docx"
    if content == "zip-without-document":
        with zipfile.ZipFile(path, "w") as package:
            package.writestr("hello.txt", "hi")
    elif content == "xlsx":
        with zipfile.ZipFile(path, "w") as package:
            package.writestr("[Content_Types].xml", (
                '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                'content-types"><Override PartName="/xl/workbook.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'))
            package.writestr("_rels/.rels", (
                '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
                'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
                'Target="xl/workbook.xml"/></Relationships>'))
            package.writestr("xl/workbook.xml", "<workbook/>")
    else:
        path.write_bytes(content)
    with pytest.raises(ValueError) as caught:
        word.new_document(path)
    assert isinstance(caught.value, word.TemplateError)
    message = str(caught.value)
    assert str(path) in message and message.count(". ") == 0 and message.endswith(".")


def test_a_missing_template_is_named(tmp_path):
    with pytest.raises(word.TemplateError, match="nowhere.docx' does not exist"):
        word.new_document(tmp_path / "nowhere.docx")


# -- styles and properties --------------------------------------------------------------------


def rfonts(styles: etree._Element, name: str) -> dict[str, str]:
    found = styles.xpath(f"w:style[w:name/@w:val='{name}']/w:rPr/w:rFonts", namespaces=NS)
    return {etree.QName(k).localname: v for k, v in found[0].attrib.items()} if found else {}


def test_styles_carry_the_east_asian_font_and_language_tags(tmp_path):
    path = save(fresh("zh"), tmp_path)
    xml = parts(path)
    styles = xml["word/styles.xml"]
    for name in ("Normal", "Title", "heading 1", "heading 2", "heading 3"):
        fonts = rfonts(styles, name)
        assert fonts["eastAsia"] == "Microsoft YaHei", name
        assert fonts["ascii"] == fonts["hAnsi"] == "Calibri", name
        assert not {"asciiTheme", "hAnsiTheme", "eastAsiaTheme"} & fonts.keys(), name
    default = styles.xpath("w:docDefaults/w:rPrDefault/w:rPr", namespaces=NS)[0]
    assert default.xpath("w:rFonts/@w:eastAsia", namespaces=NS) == ["Microsoft YaHei"]
    assert default.xpath("w:lang/@w:eastAsia", namespaces=NS) == ["zh-CN"]
    assert default.xpath("w:lang/@w:val", namespaces=NS) == ["en-GB"]
    assert xml["word/settings.xml"].xpath("w:themeFontLang/@w:eastAsia", namespaces=NS) == ["zh-CN"]
    back = docx.Document(path)
    assert back.styles["Normal"].font.size.pt == 10.5
    assert back.styles["Heading 1"].font.color.rgb == RGBColor.from_string(word.NAVY)


def test_template_fonts_are_kept_and_only_the_east_asian_font_added(tmp_path):
    doc = word.new_document(make_template(tmp_path / "acme.docx"))
    word.setup_styles(doc, "zh", "Calibri", "Microsoft YaHei")
    styles = parts(save(doc, tmp_path))["word/styles.xml"]
    assert rfonts(styles, "Normal") == {"ascii": "Georgia", "hAnsi": "Georgia",
                                        "eastAsia": "Microsoft YaHei"}
    heading = rfonts(styles, "heading 1")
    assert heading["asciiTheme"] == "majorHAnsi" and "ascii" not in heading  # template's own
    assert heading["eastAsia"] == "Microsoft YaHei" and "eastAsiaTheme" not in heading
    # sizes and colours are the template's too
    assert styles.xpath("w:style[w:name/@w:val='heading 1']/w:rPr/w:sz/@w:val", namespaces=NS) == ["28"]


def test_runs_carry_the_east_asian_font_and_hint(tmp_path):
    doc = fresh()
    paragraph = doc.add_paragraph()
    word.add_run(paragraph, "只有机器人“回复”", east_asia_font="SimSun", bold=True, size=12,
                 color="#C00000")
    word.add_run(paragraph, "Latin only")
    body = parts(save(doc, tmp_path))["word/document.xml"]
    chinese, latin = body.xpath("//w:r", namespaces=NS)
    assert chinese.xpath("w:rPr/w:rFonts/@w:eastAsia", namespaces=NS) == ["SimSun"]
    assert chinese.xpath("w:rPr/w:rFonts/@w:hint", namespaces=NS) == ["eastAsia"]
    assert chinese.xpath("w:rPr/w:color/@w:val", namespaces=NS) == ["C00000"]
    assert chinese.xpath("w:rPr/w:sz/@w:val", namespaces=NS) == ["24"]
    assert latin.xpath("w:rPr", namespaces=NS) == []


def test_text_an_xml_file_cannot_hold_is_dropped_not_fatal(tmp_path):
    doc = fresh()
    word.add_run(doc.add_paragraph(), "bad\x00 \x0bchars\x1f ok")
    assert docx.Document(save(doc, tmp_path)).paragraphs[0].text == "bad chars ok"


def test_document_properties(tmp_path):
    doc = word.new_document(make_template(tmp_path / "acme.docx"))
    word.set_properties(doc, title="品牌审计 — ACME", author="Brand Touchpoint Auditor",
                        subject="2026-09-01 – 2026-11-30",
                        created=datetime(2026, 11, 22, 18, 0, tzinfo=timezone.utc),
                        language="zh-CN")
    props = docx.Document(save(doc, tmp_path)).core_properties
    assert props.title == "品牌审计 — ACME"  # the template's "ACME template" is gone
    assert props.author == props.last_modified_by == "Brand Touchpoint Auditor"
    assert props.subject == "2026-09-01 – 2026-11-30"
    assert props.created == props.modified == datetime(2026, 11, 22, 18, 0, tzinfo=timezone.utc)
    assert props.language == "zh-CN" and props.revision == 1


@pytest.fixture
def shanghai_time(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_naive_creation_time_is_local_time(tmp_path, shanghai_time):
    doc = fresh()
    word.set_properties(doc, title="t", author="a", created=datetime(2026, 11, 22, 18, 0),
                        language="zh-CN")
    assert docx.Document(save(doc, tmp_path)).core_properties.created == \
        datetime(2026, 11, 22, 10, 0, tzinfo=timezone.utc)


# -- fields -----------------------------------------------------------------------------------


def field_sequence(root: etree._Element) -> list[str]:
    return [c.get(w("fldCharType")) for c in root.iter(w("fldChar"))]


def test_toc_field_updates_on_open_and_lists_the_headings(tmp_path):
    doc = fresh()
    doc.add_paragraph("Contents", style="TOC Heading")
    word.add_toc(doc, placeholder_text="Right-click to update")
    word.page_break(doc)
    for text, level in [("Findings", 1), ("Hotline", 2), ("Detail", 3), ("Too deep", 4),
                        ("Method", 1)]:
        doc.add_heading(text, level)
    before = parts(save(doc, tmp_path, "before.docx"))["word/document.xml"]
    assert field_instructions(before) == ['TOC \\o "1-3" \\h \\z \\u']
    assert field_sequence(before) == ["begin", "separate", "end"]
    assert "Right-click to update" in "".join(before.itertext())

    assert word.fill_toc(doc) == 4
    assert word.fill_toc(doc) == 0  # once only
    xml = parts(save(doc, tmp_path))
    body = xml["word/document.xml"]
    assert xml["word/settings.xml"].xpath("w:updateFields/@w:val", namespaces=NS) == ["true"]
    assert field_sequence(body) == ["begin", "separate", "end"]
    entries = body.xpath("//w:p[w:hyperlink]", namespaces=NS)
    assert ["".join(p.xpath(".//w:t/text()", namespaces=NS)) for p in entries] == \
        ["Findings", "Hotline", "Detail", "Method"]
    assert [p.xpath("w:pPr/w:pStyle/@w:val", namespaces=NS)[0] for p in entries] == \
        ["TOC1", "TOC2", "TOC3", "TOC1"]
    anchors = [p.xpath("w:hyperlink/@w:anchor", namespaces=NS)[0] for p in entries]
    marks = body.xpath("//w:p[w:pPr/w:pStyle[starts-with(@w:val, 'Heading')]]/w:bookmarkStart/@w:name",
                       namespaces=NS)
    assert anchors == marks and len(set(anchors)) == 4
    # the field ends in the last entry, before the page break that followed the field
    last = entries[-1]
    assert [c.get(w("fldCharType")) for c in last.iter(w("fldChar"))] == ["end"]
    assert last.xpath("w:r[last()]/w:br/@w:type", namespaces=NS) == ["page"]


def test_page_numbers_are_in_every_footer(tmp_path):
    doc = word.new_document(make_template(tmp_path / "acme.docx", first_page=True))
    word.setup_styles(doc, "zh", "Calibri", "Microsoft YaHei")
    word.add_page_number_footer(doc, "第 {PAGE} 页，共 {NUMPAGES} 页")
    doc.add_paragraph("正文")
    word.landscape_section(doc)
    doc.add_paragraph("宽表")
    word.portrait_section(doc)
    path = save(doc, tmp_path)
    found = footers(path)
    assert len(found) == 2  # the default footer and the template's cover footer
    for name, root in found.items():
        assert field_instructions(root) == ["PAGE", "NUMPAGES"], name
        assert field_sequence(root) == ["begin", "separate", "end"] * 2
        text = "".join(root.itertext())
        assert "第 " in text and " 页，共 " in text, name
    assert "ACME cover footer" in "".join(found["word/footer2.xml"].itertext()) or \
        "ACME cover footer" in "".join(found["word/footer1.xml"].itertext())
    # the sections added later reach the same footers (linked), so every page is numbered
    body = parts(path)["word/document.xml"]
    sections = body.xpath("//w:sectPr", namespaces=NS)
    assert len(sections) == 3
    assert [len(s.xpath("w:footerReference", namespaces=NS)) for s in sections] == [2, 0, 0]


def test_a_footer_with_its_own_page_number_gets_no_second_one(tmp_path):
    doc = fresh()
    word.add_page_number_footer(doc)
    word.add_page_number_footer(doc)
    (root,) = footers(save(doc, tmp_path)).values()
    assert field_instructions(root) == ["PAGE", "NUMPAGES"]


# -- sections ---------------------------------------------------------------------------------


def test_landscape_section_swaps_the_page_and_keeps_header_and_footer_linked(tmp_path):
    doc = fresh()
    word.add_page_number_footer(doc)
    doc.add_paragraph("Portrait text")
    word.page_break(doc)  # would leave an empty page before a new-page section
    assert word.landscape_section(doc) is not None
    doc.add_heading("Heat map", 1)
    word.add_table(doc, ["a", "b"], [["1", "2"]])
    assert len(doc.sections) == 2
    assert word.landscape_section(doc).orientation == WD_ORIENT.LANDSCAPE
    assert len(doc.sections) == 2  # already landscape: no new section
    word.portrait_section(doc)
    doc.add_paragraph("Back to portrait")
    path = save(doc, tmp_path)
    back = docx.Document(path)
    first, wide, last = back.sections
    assert (wide.page_width, wide.page_height) == (first.page_height, first.page_width)
    assert wide.orientation == WD_ORIENT.LANDSCAPE and last.orientation == WD_ORIENT.PORTRAIT
    assert (last.page_width, last.page_height) == (first.page_width, first.page_height)
    assert wide.footer.is_linked_to_previous and last.header.is_linked_to_previous
    body = parts(path)["word/document.xml"]
    assert body.xpath("//w:br[@w:type='page']", namespaces=NS) == []
    # the first section ends in the paragraph with the text, not in an added empty one
    assert body.xpath("string(//w:p[w:pPr/w:sectPr][1])", namespaces=NS) == "Portrait text"


# -- evidence and tables ----------------------------------------------------------------------


TRANSCRIPT = "客服说：您好，现在只有机器人回复，请明天再打。Then the line went dead."


@pytest.mark.parametrize(("start", "end"), [(10, 17), (0, 3), (24, len(TRANSCRIPT)), (5, 5),
                                            (-4, 2), (40, 999)])
def test_exactly_the_evidence_span_is_highlighted(tmp_path, start, end):
    doc = fresh()
    paragraph = doc.add_paragraph()
    marked = word.add_highlighted(paragraph, TRANSCRIPT, start, end, italic=True)
    back = docx.Document(save(doc, tmp_path)).paragraphs[0]
    lo = max(0, min(start, len(TRANSCRIPT)))
    hi = max(lo, min(end, len(TRANSCRIPT)))
    assert back.text == TRANSCRIPT
    highlighted = [r for r in back.runs if r.font.highlight_color is not None]
    assert "".join(r.text for r in highlighted) == TRANSCRIPT[lo:hi]
    assert all(r.font.highlight_color == WD_COLOR_INDEX.YELLOW for r in highlighted)
    assert len(back.runs) <= 3 and all(r.italic for r in back.runs)
    assert (marked is None) == (lo == hi)


def test_highlight_with_context_cuts_long_text_and_says_so(tmp_path):
    text = "a" * 200 + "SPAN" + "b" * 200
    doc = fresh()
    word.add_highlighted(doc.add_paragraph(), text, 200, 204, context=20, bold_span=True)
    runs = docx.Document(save(doc, tmp_path)).paragraphs[0].runs
    assert [r.text for r in runs] == ["…" + "a" * 20, "SPAN", "b" * 20 + "…"]
    assert runs[1].bold and not runs[0].bold


def test_table_header_repeats_rows_stay_whole_and_cells_are_shaded(tmp_path):
    doc = fresh()
    rows = [["Hotline", "5", "60%"], ["Store", "12", word.Cell("92%", bold=True, align="right")],
            ["Web", None, "48%"]]
    word.add_table(doc, ["Touchpoint", "Visits", "Keeping"], rows, widths_cm=[6, 3, 3],
                   shading={(1, 2): "#F4C7C3", (2, 2): "c9e7cf", (3, 2): "1F3864"},
                   highlights={(1, 0): ("the ", "Hot", "line")})
    path = save(doc, tmp_path)
    body = parts(path)["word/document.xml"]
    trs = body.xpath("//w:tbl/w:tr", namespaces=NS)
    assert [bool(tr.xpath("w:trPr/w:tblHeader", namespaces=NS)) for tr in trs] == \
        [True, False, False, False]
    assert all(tr.xpath("w:trPr/w:cantSplit", namespaces=NS) for tr in trs)
    fills = {(r, c): tc.xpath("string(w:tcPr/w:shd/@w:fill)", namespaces=NS)
             for r, tr in enumerate(trs) for c, tc in enumerate(tr.xpath("w:tc", namespaces=NS))}
    assert fills[(1, 2)] == "F4C7C3" and fills[(2, 2)] == "C9E7CF" and fills[(3, 2)] == "1F3864"
    assert fills[(0, 0)] == word.NAVY and fills[(1, 1)] == ""
    # white text on the dark fills, the default colour elsewhere
    assert trs[3].xpath("w:tc[3]//w:color/@w:val", namespaces=NS) == ["FFFFFF"]
    assert trs[1].xpath("w:tc[3]//w:color/@w:val", namespaces=NS) == []
    table = docx.Document(path).tables[0]
    assert table.style.name == "Table Grid"
    assert [round(c.width.cm, 1) for c in table.columns] == [6.0, 3.0, 3.0]
    assert [c.text for c in table.rows[1].cells] == ["the Hotline", "5", "60%"]
    marked = [r.text for r in table.cell(1, 0).paragraphs[0].runs if r.font.highlight_color]
    assert marked == ["Hot"]
    assert table.cell(3, 1).text == ""


def test_too_wide_tables_are_scaled_to_the_page_and_missing_styles_get_borders(tmp_path):
    doc = word.new_document(make_template(tmp_path / "acme.docx"))
    for style in doc.styles.element.xpath("w:style[@w:type='table']"):  # a template without
        style.getparent().remove(style)
    word.add_table(doc, ["a", "b"], [["1", "2"]], widths_cm=[30, 30], style="Fancy Missing")
    path = save(doc, tmp_path)
    table = docx.Document(path).tables[0]
    room = doc.sections[0].page_width - doc.sections[0].left_margin - doc.sections[0].right_margin
    assert sum(c.width for c in table.columns) <= room
    body = parts(path)["word/document.xml"]
    assert body.xpath("//w:tblPr/w:tblStyle", namespaces=NS) == []
    assert len(body.xpath("//w:tblPr/w:tblBorders/*", namespaces=NS)) == 6


def test_a_thousand_row_table_is_quick(tmp_path):
    doc = fresh()
    started = time.perf_counter()
    word.add_table(doc, ["Visit", "Touchpoint", "Quote"],
                   [[f"V-{i}", "Hotline", "只有机器人回复 " * 3] for i in range(1000)],
                   highlights={(i, 2): ("只有", "机器人", "回复") for i in range(1, 1001, 2)})
    save(doc, tmp_path)
    assert time.perf_counter() - started < 5


# -- pictures, captions, key figures, notes, bullets -----------------------------------------


def test_pictures_fit_the_page_and_never_reuse_a_header_drawing_id(tmp_path):
    doc = word.new_document(make_template(tmp_path / "acme.docx"))
    word.add_caption(doc, "Keeping rate by touchpoint", label="Figure")
    word.add_picture(doc, png(), 40, alt_text="Bar chart of keeping rates")
    word.add_caption(doc, "Heat map", label="Figure")
    word.add_picture(doc, png(), 5)
    path = save(doc, tmp_path)
    xml = parts(path)
    ids = [int(i) for root in xml.values() for i in root.xpath("//wp:docPr/@id", namespaces=NS)]
    assert len(ids) == 3 and len(set(ids)) == 3  # the logo's and the two pictures'
    back = docx.Document(path)
    room = back.sections[0].page_width - back.sections[0].left_margin - back.sections[0].right_margin
    assert back.inline_shapes[0].width == room and round(back.inline_shapes[1].width.cm) == 5
    assert xml["word/document.xml"].xpath("//wp:docPr/@descr", namespaces=NS)[0] == \
        "Bar chart of keeping rates"
    captions = [p for p in back.paragraphs if p.style.name == "Caption"]
    assert [p.text for p in captions] == ["Figure 1: Keeping rate by touchpoint",
                                          "Figure 2: Heat map"]
    assert all(p.paragraph_format.keep_with_next for p in captions)
    assert field_instructions(xml["word/document.xml"]) == ["SEQ Figure \\* ARABIC"] * 2


def test_key_figures_callout_and_bullets(tmp_path):
    doc = word.new_document(make_template(tmp_path / "acme.docx", drop_styles=("List Bullet",)))
    word.add_key_figures(doc, [("81.5", "Consistency index", "+3.2 since run 4"),
                               word.KeyFigure("74%", "Promise keeping")])
    word.add_callout(doc, "3 findings still need review.")
    word.add_bullet(doc, "没有 List Bullet 样式的模板")
    path = save(doc, tmp_path)
    back = docx.Document(path)
    tiles = back.tables[0].rows[0].cells
    assert [c.text for c in tiles] == ["81.5\nConsistency index\n+3.2 since run 4",
                                       "74%\nPromise keeping"]
    assert tiles[0].paragraphs[0].runs[0].font.size.pt == 26
    callout, bullet = [p for p in back.paragraphs if p.text]
    assert callout._p.xpath("w:pPr/w:pBdr/w:left/@w:color") == ["ED7D31"]
    assert callout._p.xpath("w:pPr/w:shd/@w:fill") == ["FFF4E5"]
    assert bullet.text == "•\t没有 List Bullet 样式的模板"
    assert bullet.paragraph_format.first_line_indent < 0
    with_style = fresh()
    assert word.add_bullet(with_style, "x").style.name == "List Bullet"


def test_a_page_break_after_a_heading_gets_its_own_paragraph(tmp_path):
    doc = fresh()
    doc.add_paragraph("Body text")
    word.page_break(doc)
    doc.add_heading("Chapter", 1)
    word.page_break(doc)
    paragraphs = docx.Document(save(doc, tmp_path)).paragraphs
    assert [(p.text, bool(p._p.xpath("w:r/w:br[@w:type='page']"))) for p in paragraphs] == \
        [("Body text", True), ("Chapter", False), ("", True)]


def test_keep_with_next_and_page_break_after_a_table(tmp_path):
    doc = fresh()
    heading = word.keep_with_next(doc.add_paragraph("Caption-like"))
    word.add_table(doc, ["a"], [["1"]])
    word.page_break(doc)
    path = save(doc, tmp_path)
    back = docx.Document(path)
    assert back.paragraphs[0].paragraph_format.keep_with_next and heading.text == "Caption-like"
    body = parts(path)["word/document.xml"]
    assert body.xpath("count(/w:document/w:body/w:p[w:r/w:br/@w:type='page'])", namespaces=NS) == 1


# -- what Word checks: schema order, balanced fields, unique ids ------------------------------

# Child order of the elements this module writes, from ECMA-376 Part 1 (wml.xsd).
SEQUENCES = {
    "rPr": ["ins", "del", "moveFrom", "moveTo", "rStyle", "rFonts", "b", "bCs", "i", "iCs",
            "caps", "smallCaps", "strike", "dstrike", "outline", "shadow", "emboss", "imprint",
            "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
            "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
            "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath",
            "rPrChange"],
    "pPr": ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
            "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
            "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN",
            "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing",
            "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
            "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"],
    "sectPr": ["headerReference|footerReference", "footnotePr", "endnotePr", "type", "pgSz",
               "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt",
               "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid",
               "printerSettings", "sectPrChange"],
    "tcPr": ["cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap",
             "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark"],
    "tblPr": ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
              "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders",
              "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription"],
    "tblBorders": ["top", "left|start", "bottom", "right|end", "insideH", "insideV"],
    "tblCellMar": ["top", "left|start", "bottom", "right|end"],
    "pBdr": ["top", "left", "bottom", "right", "between", "bar"],
    "tbl": ["tblPr", "tblGrid", "tr"],
    "tr": ["tblPrEx", "trPr", "tc"],
    "style": ["name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden",
              "uiPriority", "semiHidden", "unhideWhenUsed", "qFormat", "locked", "personal",
              "personalCompose", "personalReply", "rsid", "pPr", "rPr", "tblPr", "trPr", "tcPr",
              "tblStylePr"],
    "docDefaults": ["rPrDefault", "pPrDefault"],
    "settings": [
        "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
        "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
        "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts",
        "embedSystemFonts", "saveSubsetFonts", "saveFormsData", "mirrorMargins",
        "alignBordersAndEdges", "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter",
        "gutterAtTop", "hideSpellingErrors", "hideGrammaticalErrors", "activeWritingStyle",
        "proofState", "formsDesign", "attachedTemplate", "linkStyles", "stylePaneFormatFilter",
        "stylePaneSortMethod", "documentType", "mailMerge", "revisionView", "trackRevisions",
        "doNotTrackMoves", "doNotTrackFormatting", "documentProtection", "autoFormatOverride",
        "styleLockTheme", "styleLockQFSet", "defaultTabStop", "autoHyphenation",
        "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps", "showEnvelope",
        "summaryLength", "clickAndTypeStyle", "defaultTableStyle", "evenAndOddHeaders",
        "bookFoldRevPrinting", "bookFoldPrinting", "bookFoldPrintingSheets",
        "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing",
        "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery",
        "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin",
        "drawingGridVerticalOrigin", "doNotShadeFormData", "noPunctuationKerning",
        "characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars",
        "noLineBreaksAfter", "noLineBreaksBefore", "savePreviewPicture",
        "doNotValidateAgainstSchema", "saveInvalidXml", "ignoreMixedContent",
        "alwaysShowPlaceholderText", "doNotDemarcateInvalidXml", "saveXmlDataOnly",
        "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags", "alwaysMergeEmptyNamespace",
        "updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars",
        "rsids", "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping",
        "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions",
        "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults",
        "doNotEmbedSmartTags", "decimalSymbol", "listSeparator"],
}
FIRST = {"p": "pPr", "r": "rPr", "tc": "tcPr"}  # these come first when present
OOXML = {W, "http://schemas.openxmlformats.org/officeDocument/2006/math",
         "http://schemas.openxmlformats.org/schemaLibrary/2006/main"}


def order_problems(root: etree._Element) -> list[str]:
    """Children out of schema order (or unknown) in the elements of SEQUENCES."""
    problems = []
    for element in root.iter():
        if not isinstance(element.tag, str) or etree.QName(element).namespace != W:
            continue
        name = etree.QName(element).localname
        children = [etree.QName(c).localname for c in element
                    if isinstance(c.tag, str) and etree.QName(c).namespace in OOXML]
        if name in FIRST and FIRST[name] in children[1:]:
            problems.append(f"{name}: {FIRST[name]} not first in {children}")
        if name == "body" and "sectPr" in children[:-1]:
            problems.append("body: sectPr not last")
        if name not in SEQUENCES or (name == "rPr" and element.getparent() is None):
            continue
        rank = {alias: i for i, entry in enumerate(SEQUENCES[name]) for alias in entry.split("|")}
        seen = -1
        for child in children:
            if child not in rank:
                problems.append(f"{name}: unknown child {child}")
            elif rank[child] < seen:
                problems.append(f"{name}: {child} out of order in {children}")
            else:
                seen = rank[child]
    return problems


def field_problems(root: etree._Element) -> list[str]:
    """Complex fields must run begin → separate → end, properly nested."""
    stack, problems = [], []
    for char in root.iter(w("fldChar")):
        kind = char.get(w("fldCharType"))
        if kind == "begin":
            stack.append("begin")
        elif kind == "separate" and stack and stack[-1] == "begin":
            stack[-1] = "separate"
        elif kind == "end" and stack:
            stack.pop()
        else:
            problems.append(f"stray {kind}")
    return problems + [f"unclosed {kind}" for kind in stack]


def build_everything(doc, lang: str = "en") -> None:
    """A small report using every helper, English and Chinese."""
    word.set_properties(doc, title="Brand audit", author="Auditor", subject="Q3",
                        created=datetime(2026, 11, 22, 10), language="en-GB")
    word.add_page_number_footer(doc, "第 {PAGE} 页，共 {NUMPAGES} 页" if lang == "zh"
                                else "Page {PAGE} of {NUMPAGES}")
    doc.add_paragraph("品牌触点审计报告" if lang == "zh" else "Brand touchpoint audit", style="Title")
    word.add_key_figures(doc, [("81.5", "一致性指数", "+3.2"), ("74%", "Promise keeping", None)])
    doc.add_heading("三个最大差距" if lang == "zh" else "The three worst gaps", 1)
    word.add_bullet(doc, "在热线，5 次夜间来电中有 3 次只有机器人回复。")
    word.add_caption(doc, "Keeping rate", label="图" if lang == "zh" else "Figure")
    word.add_picture(doc, png(300, 120), 14, alt_text="chart")
    word.page_break(doc)
    doc.add_paragraph("目录" if lang == "zh" else "Contents", style="TOC Heading")
    word.add_toc(doc, placeholder_text="Update the field")
    word.page_break(doc)
    doc.add_heading("发现" if lang == "zh" else "Findings", 1)
    doc.add_heading("Hotline: 24/7 human service", 2)
    paragraph = doc.add_paragraph()
    word.add_run(paragraph, "V-017 · S1: ", bold=True)
    word.add_highlighted(paragraph, TRANSCRIPT, 10, 17, bold_span=True)
    word.add_callout(doc, "仍有 3 条发现需要复核。")
    word.add_table(doc, ["Touchpoint", "Visits", "备注"],
                   [[f"Touchpoint {i}", str(i), word.Cell("客服热线", fill="C9E7CF")] for i in range(30)],
                   widths_cm=[6, 2, 6], shading={(2, 1): "1F3864"},
                   highlights={(1, 2): ("客服", "热线", "")})
    word.landscape_section(doc)
    doc.add_heading("Heat map", 1)
    word.add_table(doc, ["Promise"] + [f"TP{i}" for i in range(12)],
                   [[f"P{r}"] + [f"{(r * 7 + c * 13) % 100}%" for c in range(12)] for r in range(6)])
    word.portrait_section(doc)
    doc.add_heading("方法" if lang == "zh" else "Methodology", 1)
    doc.add_heading("Thresholds", 3)
    doc.add_paragraph("阈值说明：匹配阈值为 85，复核阈值为 70。")
    word.fill_toc(doc)


@pytest.mark.parametrize("with_template", [False, True])
def test_every_part_is_in_schema_order_with_balanced_fields_and_unique_ids(tmp_path, with_template):
    doc = word.new_document(make_template(tmp_path / "acme.docx", first_page=True)
                            if with_template else None)
    word.setup_styles(doc, "zh", "Calibri", "Microsoft YaHei")
    build_everything(doc, "zh")
    xml = parts(save(doc, tmp_path))
    for name, root in xml.items():
        assert order_problems(root) == [], name
        assert field_problems(root) == [], name
    body = xml["word/document.xml"]
    starts = body.xpath("//w:bookmarkStart", namespaces=NS)
    ends = body.xpath("//w:bookmarkEnd/@w:id", namespaces=NS)
    assert sorted(b.get(w("id")) for b in starts) == sorted(ends)
    assert len({b.get(w("id")) for b in starts}) == len(starts)
    assert len({b.get(w("name")) for b in starts}) == len(starts)
    drawings = [i for root in xml.values() for i in root.xpath("//wp:docPr/@id", namespaces=NS)]
    assert len(drawings) == len(set(drawings))


def test_the_order_check_catches_a_misplaced_element():
    bad = etree.fromstring(
        f'<w:r xmlns:w="{W}"><w:rPr><w:sz w:val="20"/><w:rFonts w:eastAsia="SimSun"/></w:rPr></w:r>')
    assert order_problems(bad) == ["rPr: rFonts out of order in ['sz', 'rFonts']"]
    late = etree.fromstring(f'<w:p xmlns:w="{W}"><w:r/><w:pPr/></w:p>')
    assert order_problems(late) == ["p: pPr not first in ['r', 'pPr']"]
    open_field = etree.fromstring(f'<w:p xmlns:w="{W}"><w:r><w:fldChar w:fldCharType="begin"/></w:r></w:p>')
    assert field_problems(open_field) == ["unclosed begin"]


# -- LibreOffice ------------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) and poppler (pdftotext) are not installed")
def test_libreoffice_converts_it_to_a_pdf_with_chinese_text_and_page_numbers(tmp_path):
    doc = word.new_document(make_template(tmp_path / "acme.docx"))
    word.setup_styles(doc, "zh", "Calibri", "Microsoft YaHei")
    build_everything(doc, "zh")
    source = save(doc, tmp_path, "report.docx")
    profile = tmp_path / "lo-profile"  # its own profile: no clash with a running LibreOffice
    subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=120)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "report.pdf"), "-"],
                          check=True, capture_output=True, text=True, timeout=30).stdout
    pages = text.split("\f")
    assert "品牌触点审计报告" in pages[0] and "在热线" in pages[0]
    assert "第 1 页，共" in pages[0]
    assert "第 2 页，共" in pages[1] and "ACME Confidential" in pages[1]
    assert "只有机器人回复" in text and "阈值说明" in text
    contents = pages[1]  # the TOC page lists the headings LibreOffice cannot update itself
    assert "发现" in contents and "Hotline: 24/7 human service" in contents
    assert "Update the field" not in text
