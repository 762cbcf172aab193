"""Word craft for the report: small python-docx helpers that each do one thing right.

Everything written here is well-formed WordprocessingML in schema order, so the document
opens in Word and LibreOffice without a repair prompt. python-docx's API is used where it
exists, lxml (``docx.oxml``) where it does not.

Call order for a report::

    doc = new_document(template)              # .docx/.dotx/.docm/.dotm or None
    setup_styles(doc, lang, latin_font, east_asia_font)
    set_properties(doc, title=…, author=…, subject=…, created=…, language=…)
    add_page_number_footer(doc, "Page {PAGE} of {NUMPAGES}")
    … add_toc(doc, placeholder_text=…) … headings, add_table, add_picture, add_run,
    add_highlighted, landscape_section / portrait_section, page_break …
    fill_toc(doc)                             # last, after every heading exists
    doc.save(path)

The helpers:

- ``new_document(template)``: a template's styles, header, footer and logo with an empty
  body, or python-docx's default set to A4; ``TemplateError`` (a ``ValueError``) names a
  file that is not a Word document.
- ``setup_styles(doc, lang, latin_font, east_asia_font)``: body, Title and Heading 1–3
  fonts, sizes, spacing and language tags; a template's own fonts are kept, only the East
  Asian font is added where the template has none. Also adds the styles the report uses
  (headings, Caption, TOC Heading, TOC 1–3) when a template lacks them.
- ``set_properties(doc, title=…, author=…, subject=…, created=…, language=…)``.
- ``add_toc(doc, levels="1-3", placeholder_text=…, update_on_open=True)`` and
  ``fill_toc(doc)``: a table of contents. With ``update_on_open`` (``w:updateFields``) it
  is a TOC field Word offers to refresh on open, ``fill_toc`` writing the headings into
  its shown result. Without, ``fill_toc`` replaces the field by the list itself, each
  entry a link to its heading with a PAGEREF field for its page number: LibreOffice (and
  so its PDF) computes those as it lays out the pages (it shows a TOC field's result
  as it is, numbers included), Word when it prints or a reader updates fields.
- ``add_page_number_footer(doc, "Page {PAGE} of {NUMPAGES}")``: PAGE/NUMPAGES fields in
  every footer, after a template's own footer content.
- ``landscape_section(doc)`` / ``portrait_section(doc)``: a new page in the other
  orientation; header and footer stay linked to the previous section.
- ``add_run(paragraph, text, bold=…, italic=…, highlight=…, east_asia_font=…, size=…,
  color=…)`` and ``add_highlighted(paragraph, text, start, end, highlight=…, context=…)``:
  runs; exactly ``text[start:end]`` highlighted.
- ``add_table(doc, header, rows, widths_cm=…, shading=…, highlights=…)``: header row
  repeated on each page, rows kept whole, cell shading, ``Cell`` for per-cell formatting.
- ``add_picture``, ``add_caption``, ``add_key_figures``, ``add_callout``, ``add_bullet``,
  ``page_break``, ``keep_with_next``.

Table cells are addressed as ``(row, column)`` of the whole table: the header is row 0,
the first data row is row 1. Colours are hex strings, "1F3864" or "#1F3864".
"""

from __future__ import annotations

import copy
import functools
import io
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import NamedTuple

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_COLOR_INDEX
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.section import Section
from docx.shared import Cm, Emu, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from auditor import lexicon
from auditor.errors import AuditorError
from auditor.report import fonts

NAVY, BLUE, GREY, LIGHT = "1F3864", "2E75B6", "595959", "EEF2F8"

# Content types of a main document part that python-docx reads once told it is a .docx.
_DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_OTHER_WORD_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_VBA_PROJECT = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
_FROM_TEMPLATE = "_auditor_template"  # attribute new_document sets on a templated Document

# Schema order (ECMA-376 Part 1, wml.xsd) of the children this module inserts by hand.
_PPR_ORDER = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
              "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
              "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
              "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
              "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
              "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
              "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
              "w:pPrChange")
_RPR_ORDER = ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps",
              "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint",
              "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing",
              "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
              "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
              "w:eastAsianLayout", "w:specVanish", "w:oMath")
_TCPR_ORDER = ("w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders",
               "w:shd", "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign",
               "w:hideMark")
_TBLPR_ORDER = ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual",
                "w:tblStyleRowBandSize", "w:tblStyleColBandSize", "w:tblW", "w:jc",
                "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout",
                "w:tblCellMar", "w:tblLook")
_TRPR_ORDER = ("w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter",
               "w:cantSplit", "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc",
               "w:hidden")
_SETTINGS_ORDER = ("w:writeProtection", "w:view", "w:zoom", "w:removePersonalInformation",
                   "w:removeDateAndTime", "w:doNotDisplayPageBoundaries",
                   "w:displayBackgroundShape", "w:printPostScriptOverText",
                   "w:printFractionalCharacterWidth", "w:printFormsData",
                   "w:embedTrueTypeFonts", "w:embedSystemFonts", "w:saveSubsetFonts",
                   "w:saveFormsData", "w:mirrorMargins", "w:alignBordersAndEdges",
                   "w:bordersDoNotSurroundHeader", "w:bordersDoNotSurroundFooter",
                   "w:gutterAtTop", "w:hideSpellingErrors", "w:hideGrammaticalErrors",
                   "w:activeWritingStyle", "w:proofState", "w:formsDesign", "w:attachedTemplate",
                   "w:linkStyles", "w:stylePaneFormatFilter", "w:stylePaneSortMethod",
                   "w:documentType", "w:mailMerge", "w:revisionView", "w:trackRevisions",
                   "w:doNotTrackMoves", "w:doNotTrackFormatting", "w:documentProtection",
                   "w:autoFormatOverride", "w:styleLockTheme", "w:styleLockQFSet",
                   "w:defaultTabStop", "w:autoHyphenation", "w:consecutiveHyphenLimit",
                   "w:hyphenationZone", "w:doNotHyphenateCaps", "w:showEnvelope",
                   "w:summaryLength", "w:clickAndTypeStyle", "w:defaultTableStyle",
                   "w:evenAndOddHeaders", "w:bookFoldRevPrinting", "w:bookFoldPrinting",
                   "w:bookFoldPrintingSheets", "w:drawingGridHorizontalSpacing",
                   "w:drawingGridVerticalSpacing", "w:displayHorizontalDrawingGridEvery",
                   "w:displayVerticalDrawingGridEvery", "w:doNotUseMarginsForDrawingGridOrigin",
                   "w:drawingGridHorizontalOrigin", "w:drawingGridVerticalOrigin",
                   "w:doNotShadeFormData", "w:noPunctuationKerning",
                   "w:characterSpacingControl", "w:printTwoOnOne", "w:strictFirstAndLastChars",
                   "w:noLineBreaksAfter", "w:noLineBreaksBefore", "w:savePreviewPicture",
                   "w:doNotValidateAgainstSchema", "w:saveInvalidXml", "w:ignoreMixedContent",
                   "w:alwaysShowPlaceholderText", "w:doNotDemarcateInvalidXml",
                   "w:saveXmlDataOnly", "w:useXSLTWhenSaving", "w:saveThroughXslt",
                   "w:showXMLTags", "w:alwaysMergeEmptyNamespace", "w:updateFields",
                   "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars",
                   "w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang",
                   "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
                   "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions",
                   "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary",
                   "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol",
                   "w:listSeparator")

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_CJK = re.compile(lexicon.char_class("east_asian", "full_width"))


class TemplateError(AuditorError, ValueError):
    """The --template file cannot be used as a Word template (invalid input, exit code 3)."""

    exit_code = 3


# -- the document -----------------------------------------------------------------------------


def new_document(template: Path | None = None) -> Document:
    """A document from ``template`` (styles, header, footer, logo; body emptied, the last
    section's page setup kept) or, without one, python-docx's default on A4 paper."""
    if template is None:
        doc = docx.Document()
        _drop_thumbnail(doc)
        section = doc.sections[0]
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.top_margin = section.bottom_margin = Cm(2.2)
        section.left_margin = section.right_margin = Cm(2.2)
        section.header_distance = section.footer_distance = Cm(1.1)
        # python-docx's default says Word 2010; 15 spares the "[Compatibility Mode]" title.
        for setting in doc.settings.element.iter(qn("w:compatSetting")):
            if setting.get(qn("w:name")) == "compatibilityMode":
                setting.set(qn("w:val"), "15")
        return doc
    doc = _open_template(Path(template))
    body = doc.element.body
    _inherit_header_footer_references(body)
    body.clear_content()
    _drop_thumbnail(doc)
    setattr(doc, _FROM_TEMPLATE, True)
    return doc


def _open_template(path: Path) -> Document:
    not_word = TemplateError(f"The template '{path}' is not a Word document or template "
                             "(.docx, .dotx); save it from Word in that format and try again.")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise TemplateError(f"The template '{path}' does not exist.") from None
    except OSError as error:
        raise TemplateError(f"The template '{path}' cannot be read: "
                            f"{error.strerror or error}.") from None
    try:
        data = _as_document_package(data)
        doc = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError,
            etree.XMLSyntaxError):
        raise not_word from None
    if doc.element.tag != qn("w:document") or doc.element.body is None:
        raise not_word  # e.g. "Strict Open XML", which uses other namespaces
    for rel in list(doc.part.rels.values()):  # a .docx must not carry macros
        if rel.reltype == _VBA_PROJECT:
            del doc.part.rels[rel.rId]
    return doc


def _as_document_package(data: bytes) -> bytes:
    """The package with a template's (or macro document's) main part typed as a .docx."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        types = source.read("[Content_Types].xml").decode("utf-8")
        if not any(kind in types for kind in _OTHER_WORD_TYPES):
            return data
        for kind in _OTHER_WORD_TYPES:
            types = types.replace(kind, _DOCUMENT_TYPE)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                content = types.encode("utf-8") if item.filename == "[Content_Types].xml" \
                    else source.read(item)
                target.writestr(item, content)
    return out.getvalue()


def _inherit_header_footer_references(body) -> None:
    """Give the last section the header/footer references it inherits from earlier sections,
    which disappear with the body content."""
    sections = body.xpath("./w:p/w:pPr/w:sectPr | ./w:sectPr")
    if len(sections) < 2:
        return
    last, inherited = sections[-1], {}
    for sectPr in sections[:-1]:
        for ref in sectPr.xpath("./w:headerReference | ./w:footerReference"):
            inherited[(ref.tag, ref.get(qn("w:type")))] = ref
    have = {(ref.tag, ref.get(qn("w:type")))
            for ref in last.xpath("./w:headerReference | ./w:footerReference")}
    for key, ref in inherited.items():
        if key not in have:
            last.insert(0, copy.deepcopy(ref))


def _drop_thumbnail(doc: Document) -> None:
    """A thumbnail would show the template's (or a blank) page in file previews."""
    rels = doc.part.package.rels
    for rId in [rId for rId, rel in rels.items() if rel.reltype == RT.THUMBNAIL]:
        del rels[rId]


# -- styles and properties --------------------------------------------------------------------


# (style name, size pt, bold, colour, space before pt, space after pt)
_LOOK = {
    "Title": (26, True, NAVY, 0, 6),
    "heading 1": (16, True, NAVY, 18, 6),
    "heading 2": (13, True, BLUE, 12, 4),
    "heading 3": (11, True, NAVY, 8, 2),
}


def setup_styles(doc: Document, lang: str, latin_font: str, east_asia_font: str, *,
                 keep_template_fonts: bool | None = None) -> None:
    """Fonts, sizes and spacing of Normal, Title and Heading 1–3, language tags, and the
    styles the report uses that a template may lack.

    ``keep_template_fonts`` (default: whether ``doc`` came from a template) keeps every
    font the document already names and only adds ``east_asia_font`` where a style has
    no East Asian font of its own."""
    keep = getattr(doc, _FROM_TEMPLATE, False) if keep_template_fonts is None \
        else keep_template_fonts
    styles = doc.styles.element
    for name in ("Normal", "Title", "heading 1", "heading 2", "heading 3", "caption",
                 "TOC Heading", "header", "footer"):
        _ensure_style(doc, name)
    _ensure_toc_styles(doc)

    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    default_rpr = rpr_default.find(qn("w:rPr"))
    if default_rpr is None:
        default_rpr = _child(rpr_default, "w:rPr", ())
    _set_fonts(default_rpr, latin_font, east_asia_font, keep=keep)
    _set_languages(default_rpr, keep=keep)

    normal = styles.get_by_name("Normal")
    body_fonts = [normal] + [styles.get_by_name(n) for n in _LOOK]
    for style in body_fonts:
        _set_fonts(style.get_or_add_rPr(), latin_font, east_asia_font, keep=keep)
    for style in styles.iterchildren(qn("w:style")):  # e.g. "Heading 1 Char", "Subtitle"
        fonts = style.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        if fonts is None or style in body_fonts:
            continue
        # Without a template, theme fonts (Cambria, Calibri) give way to ours; fonts a
        # style names itself (e.g. Courier for "macro") stay.
        themed = fonts.get(qn("w:asciiTheme")) is not None
        _set_fonts(style.find(qn("w:rPr")), latin_font, east_asia_font, keep=keep or not themed)

    settings = doc.settings.element
    _child(settings, "w:themeFontLang", _SETTINGS_ORDER).set(qn("w:eastAsia"), "zh-CN")
    if lang == "zh":
        _child(settings, "w:characterSpacingControl", _SETTINGS_ORDER).set(
            qn("w:val"), "compressPunctuation")
    if keep:
        return

    font = doc.styles["Normal"].font
    font.size = Pt(10.5)
    spacing = doc.styles["Normal"].paragraph_format
    spacing.space_after, spacing.line_spacing = Pt(6), 1.15
    for name, (size, bold, colour, before, after) in _LOOK.items():
        style = doc.styles[name]
        style.font.size, style.font.bold = Pt(size), bold
        _set_colour(style.element.get_or_add_rPr(), colour)
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)
        style.paragraph_format.keep_with_next = True
    caption = doc.styles["Caption"]
    caption.font.size, caption.font.bold, caption.font.italic = Pt(9), False, True
    _set_colour(caption.element.get_or_add_rPr(), GREY)


def _set_fonts(rpr, latin: str, east_asia: str, *, keep: bool) -> None:
    fonts = rpr.get_or_add_rFonts()
    if not keep:
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme"):
            fonts.attrib.pop(qn(theme), None)
        for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(attribute), latin)
    if not keep or fonts.get(qn("w:eastAsia")) is None:
        # A theme's East Asian font wins over a named one; Western themes leave it empty
        # and LibreOffice does not resolve it at all, so the named CJK font replaces it.
        fonts.attrib.pop(qn("w:eastAsiaTheme"), None)
        fonts.set(qn("w:eastAsia"), east_asia)


def _set_languages(rpr, *, keep: bool) -> None:
    language = _child(rpr, "w:lang", _RPR_ORDER)
    if not keep or language.get(qn("w:val")) is None:
        language.set(qn("w:val"), "en-GB")
    language.set(qn("w:eastAsia"), "zh-CN")


def _set_colour(rpr, colour: str) -> None:
    element = _child(rpr, "w:color", _RPR_ORDER)
    element.attrib.clear()  # drops w:themeColor, which would win over w:val
    element.set(qn("w:val"), _hex(colour))


@functools.cache
def _default_styles():
    """python-docx's default styles part (read only: copy what you take from it)."""
    return docx.Document().styles.element


def _ensure_style(doc: Document, name: str) -> None:
    """Copy the style ``name`` (and what it is based on) from python-docx's default
    template when the document lacks it: Word keeps built-in styles latent until used."""
    styles = doc.styles.element
    if styles.get_by_name(name) is not None:
        return
    source = _default_styles().get_by_name(name)
    if source is None or styles.get_by_id(source.styleId) is not None:
        return
    style = copy.deepcopy(source)
    for reference in ("w:link", "w:next"):  # a linked "Char" style the template lacks
        for element in style.findall(qn(reference)):
            if styles.get_by_id(element.get(qn("w:val"))) is None:
                style.remove(element)
    styles.append(style)
    based_on = source.find(qn("w:basedOn"))
    if based_on is not None:
        parent = _default_styles().get_by_id(based_on.get(qn("w:val")))
        if parent is not None:
            _ensure_style(doc, parent.name_val)


def _ensure_toc_styles(doc: Document) -> None:
    styles = doc.styles.element
    normal = styles.get_by_name("Normal").styleId
    for level in (1, 2, 3):
        if styles.get_by_name(f"toc {level}") is not None:
            continue
        styles.append(parse_xml(
            f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="TOC{level}">'
            f'<w:name w:val="toc {level}"/><w:basedOn w:val="{normal}"/>'
            f'<w:next w:val="{normal}"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>'
            f'<w:pPr><w:spacing w:before="{120 if level == 1 else 0}" w:after="60"/>'
            f'<w:ind w:left="{(level - 1) * 340}"/></w:pPr>'
            f'{"<w:rPr><w:b/></w:rPr>" if level == 1 else ""}</w:style>'))


def set_properties(doc: Document, *, title: str, author: str, subject: str = "",
                   created: datetime, language: str, keywords: str = "") -> None:
    """Title, author, subject, date and language shown in File › Properties; whatever a
    template's own properties said is replaced. A naive ``created`` is local time."""
    props = doc.core_properties
    # python-docx writes the time as UTC ("Z"); a naive time is local, as datetime.now() is
    created = created.astimezone(timezone.utc).replace(tzinfo=None)
    props.title, props.subject = _clean(title)[:255], _clean(subject)[:255]
    props.keywords = _clean(keywords)[:255]
    props.author = props.last_modified_by = _clean(author)[:255]
    props.created = props.modified = created
    props.language = language
    props.revision = 1
    props.comments = props.category = props.content_status = ""


# -- fields: table of contents and page numbers ----------------------------------------------


def add_toc(doc: Document, levels: str = "1-3", placeholder_text: str =
            "Right-click and choose Update Field to show the table of contents.", *,
            update_on_open: bool = True) -> Paragraph:
    """A table-of-contents field over heading levels ``levels``; with ``update_on_open``
    Word refreshes every field when the file is opened (it asks the reader first)."""
    paragraph = doc.add_paragraph()
    _add_field(paragraph, f'TOC \\o "{levels}" \\h \\z \\u', placeholder_text)
    if update_on_open:
        _child(doc.settings.element, "w:updateFields", _SETTINGS_ORDER).set(qn("w:val"), "true")
    return paragraph


def fill_toc(doc: Document) -> int:
    """Write the document's headings as the table of contents ``add_toc`` placed, each
    linked to its heading; returns how many. Call it once, after the last heading (a
    second call changes nothing).

    When Word updates fields on open (``add_toc(update_on_open=True)``) the list is the
    TOC field's shown result, which Word rebuilds with page numbers. Otherwise the field
    gives way to the list itself, each entry ending in a dot leader and a PAGEREF field
    to a bookmark on its heading: LibreOffice computes those page numbers when it lays
    out the document (a TOC field's result it would show as it stands), Word when it
    prints or a reader updates fields — and the file never asks to update on open."""
    body = doc.element.body
    found = body.xpath("./w:p[w:r/w:instrText[starts-with(normalize-space(.), 'TOC ')]]")
    if not found:
        return 0
    first = found[0]
    ends = first.xpath("./w:r[w:fldChar/@w:fldCharType='end']")
    if not ends:
        return 0  # filled already: the field now ends in its last entry
    instruction = "".join(first.xpath(".//w:instrText/text()"))
    match = re.search(r'\\o\s+"(\d)-(\d)"', instruction)
    low, high = (int(match.group(1)), int(match.group(2))) if match else (1, 3)
    styles = doc.styles.element
    by_style = {}
    for level in range(low, high + 1):
        style = styles.get_by_name(f"heading {level}")
        if style is not None:
            by_style[style.styleId] = level
    headings = [(p, by_style[p.style]) for p in body.iterchildren(qn("w:p"))
                if p.style in by_style and "".join(p.xpath(".//w:t/text()")).strip()]
    if not headings:
        return 0
    _ensure_toc_styles(doc)
    entry_styles = {level: styles.get_by_name(f"toc {level}").styleId for level in (1, 2, 3)}
    separate = first.xpath("./w:r[w:fldChar/@w:fldCharType='separate']")[0]
    shown = list(separate.itersiblings())
    after_field = shown[shown.index(ends[0]) + 1:]  # e.g. a page break page_break() put there
    for run in shown:
        first.remove(run)
    updated_on_open = doc.settings.element.xpath(
        "./w:updateFields[not(@w:val) or @w:val='true' or @w:val='1' or @w:val='on']")
    if not updated_on_open:
        for run in first.xpath("./w:r[w:fldChar or w:instrText]"):
            first.remove(run)
        right_edge = _text_width_twips(doc, first)
    next_id = max((int(i) for i in body.xpath(".//w:bookmarkStart/@w:id")), default=0) + 1
    entry = first
    for number, (heading, level) in enumerate(headings):
        name = f"_Toc{900000000 + number}"
        heading.insert(1 if heading.pPr is not None else 0, OxmlElement(
            "w:bookmarkStart", {qn("w:id"): str(next_id + number), qn("w:name"): name}))
        heading.append(OxmlElement("w:bookmarkEnd", {qn("w:id"): str(next_id + number)}))
        if number:
            new = OxmlElement("w:p")
            entry.addnext(new)
            entry = new
        entry.get_or_add_pPr().style = entry_styles[min(level, 3)]
        link = OxmlElement("w:hyperlink", {qn("w:anchor"): name, qn("w:history"): "1"})
        link.append(_text_run(_clean("".join(heading.xpath(".//w:t/text()")))))
        if not updated_on_open:
            tabs = OxmlElement("w:tabs")
            tabs.append(OxmlElement("w:tab", {qn("w:val"): "right", qn("w:leader"): "dot",
                                              qn("w:pos"): str(right_edge)}))
            _insert(entry.get_or_add_pPr(), tabs, _PPR_ORDER)
            tab = OxmlElement("w:r")
            tab.append(OxmlElement("w:tab"))
            link.append(tab)
            # No shown result: a number written here would be a guess; LibreOffice
            # computes the field, Word fills it in on printing or F9.
            for run in _field_runs(f"PAGEREF {name} \\h", None):
                link.append(run)
        entry.append(link)
    if updated_on_open:
        entry.append(_fld_char("end"))
    for run in after_field:
        entry.append(run)
    return len(headings)


def _text_width_twips(doc: Document, paragraph) -> int:
    """The width between the margins of the section ``paragraph`` is in, in twentieths of a point."""
    following = paragraph.xpath("./following-sibling::w:p/w:pPr/w:sectPr")
    sectPr = following[0] if following else doc.element.body.get_or_add_sectPr()
    section = Section(sectPr, doc.part)
    return int((section.page_width - section.left_margin - section.right_margin) / 635)


def add_page_number_footer(doc: Document, template_text: str = "Page {PAGE} of {NUMPAGES}", *,
                           size: float = 9, color: str = GREY) -> None:
    """``template_text`` with ``{PAGE}`` and ``{NUMPAGES}`` as live fields, centred in the
    footer of every section (first-page and even-page footers too, where used). A footer
    that already shows a page number is left alone; other footer content is kept."""
    footers = []
    for section in doc.sections:
        footers.append(section.footer)
        if section.different_first_page_header_footer:
            footers.append(section.first_page_footer)
        if doc.settings.odd_and_even_pages_header_footer:
            footers.append(section.even_page_footer)
    done = set()
    for footer in footers:
        element = footer._get_or_add_definition()._element
        if id(element) in done or element.xpath(
                ".//w:instrText[contains(., 'PAGE')] | .//w:fldSimple[contains(@w:instr, 'PAGE')]"):
            continue
        done.add(id(element))
        paragraphs = footer.paragraphs
        empty = len(paragraphs) == 1 and not paragraphs[0].text.strip() and not \
            paragraphs[0]._p.xpath(".//w:drawing | .//w:pict")
        paragraph = paragraphs[0] if empty else footer.add_paragraph()
        if doc.styles.element.get_by_name("footer") is not None:
            paragraph.style = "Footer"
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for piece in re.split(r"(\{PAGE\}|\{NUMPAGES\})", template_text):
            if piece in ("{PAGE}", "{NUMPAGES}"):
                runs = _add_field(paragraph, piece.strip("{}"), "1")
            elif piece:
                runs = [add_run(paragraph, piece)]
            else:
                runs = []
            for run in runs:
                run.font.size = Pt(size)
                _set_colour(run._r.get_or_add_rPr(), color)


def _add_field(paragraph: Paragraph, instruction: str, shown: str) -> list[Run]:
    """A complex field (begin, instruction, separate, shown result, end) at the end of
    ``paragraph``."""
    p = paragraph._p
    runs = _field_runs(instruction, shown)
    for run in runs:
        p.append(run)
    return [Run(run, paragraph) for run in runs]


def _field_runs(instruction: str, shown: str | None) -> list:
    """The runs of a complex field: begin, instruction, separate, shown result (if any), end."""
    instr = OxmlElement("w:r")
    text = OxmlElement("w:instrText")
    text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    text.text = f" {instruction} "
    instr.append(text)
    result = [] if shown is None else [_text_run(_clean(shown))]
    return [_fld_char("begin"), instr, _fld_char("separate"), *result, _fld_char("end")]


def _fld_char(kind: str):
    run = OxmlElement("w:r")
    run.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): kind}))
    return run


def _text_run(text: str):
    run = OxmlElement("w:r")
    run.text = text  # python-docx's CT_R turns \t and \n into w:tab and w:br
    return run


# -- sections ---------------------------------------------------------------------------------


def landscape_section(doc: Document) -> Section:
    """Start a landscape page (for wide tables and the heat map), unless the last section
    is landscape already. Call it before the heading of what goes on that page. Returns
    the document's last section (which a later section break turns into the new one)."""
    return _orient(doc, WD_ORIENT.LANDSCAPE)


def portrait_section(doc: Document) -> Section:
    """Start a portrait page after landscape ones; returns its section."""
    return _orient(doc, WD_ORIENT.PORTRAIT)


def _orient(doc: Document, orientation: WD_ORIENT) -> Section:
    body = doc.element.body
    last = Section(body.get_or_add_sectPr(), doc.part)
    width, height = last.page_width, last.page_height
    wide = width > height
    if wide == (orientation == WD_ORIENT.LANDSCAPE):
        return last  # already so: no empty page
    if len(body) > 1:  # there is content: end the current section after it
        sentinel = body.sectPr
        carrier = sentinel.getprevious()
        if carrier.tag != qn("w:p") or carrier.pPr is not None and carrier.pPr.sectPr is not None:
            carrier = body.add_p()  # a section cannot end on a table: a 1 pt paragraph
            spacing = Paragraph(carrier, doc._body).paragraph_format
            spacing.space_before, spacing.space_after, spacing.line_spacing = 0, 0, Pt(1)
        _drop_trailing_page_break(carrier)
        carrier.set_sectPr(sentinel.clone())
        for element in sentinel.xpath("./w:headerReference | ./w:footerReference | ./w:titlePg"):
            sentinel.remove(element)  # header/footer linked; no title page mid-report
        sentinel.start_type = WD_SECTION.NEW_PAGE
    section = Section(body.sectPr, doc.part)
    section.orientation = orientation
    section.page_width, section.page_height = height, width
    return section


def _drop_trailing_page_break(p) -> None:
    """A page break right before a new-page section break would leave an empty page."""
    for run in reversed(p.r_lst):
        breaks = run.xpath("./w:br[@w:type='page']")
        if not breaks:
            break
        for element in breaks:
            run.remove(element)
        if not run.xpath("./*[not(self::w:rPr)]"):
            p.remove(run)


def page_break(doc: Document) -> None:
    """Continue on a new page. The break goes at the end of the last paragraph when it is
    body text, so the next page does not start with an empty line (a heading or a table
    gets a paragraph of its own for the break)."""
    body = doc.element.body
    last = body.sectPr.getprevious() if body.sectPr is not None else (body[-1] if len(body) else None)
    headings = {style.styleId for style in doc.styles.element.iterchildren(qn("w:style"))
                if style.name_val and style.name_val.startswith(("heading", "Title", "toc"))}
    if last is not None and last.tag == qn("w:p") and last.style not in headings and not (
            last.pPr is not None and last.pPr.sectPr is not None):
        Paragraph(last, doc._body).add_run().add_break(WD_BREAK.PAGE)
    else:
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def keep_with_next(paragraph: Paragraph) -> Paragraph:
    """Keep ``paragraph`` on the same page as the next one (a caption, a heading)."""
    paragraph.paragraph_format.keep_with_next = True
    return paragraph


# -- runs ------------------------------------------------------------------------------------


def add_run(paragraph: Paragraph, text: str, *, bold: bool = False, italic: bool = False,
            highlight: WD_COLOR_INDEX | None = None, east_asia_font: str | None = None,
            size: float | None = None, color: str | RGBColor | None = None,
            style: str | None = None) -> Run:
    """A run of ``text`` (characters XML cannot hold are dropped). Text with Chinese
    characters gets ``w:hint="eastAsia"`` so its punctuation uses the CJK font too."""
    text = _clean(text)
    run = paragraph.add_run(text, style)
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    if highlight is not None:
        run.font.highlight_color = highlight
    if size is not None:
        run.font.size = Pt(size)
    if color is not None:
        _set_colour(run._r.get_or_add_rPr(), str(color))
    if east_asia_font or _CJK.search(text):
        fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
        if east_asia_font:
            fonts.set(qn("w:eastAsia"), east_asia_font)
        if _CJK.search(text):
            fonts.set(qn("w:hint"), "eastAsia")
    return run


def add_highlighted(paragraph: Paragraph, text: str, start: int, end: int, *,
                    highlight: WD_COLOR_INDEX = WD_COLOR_INDEX.YELLOW, context: int | None = None,
                    bold_span: bool = False, **run_format) -> Run | None:
    """``text`` with exactly ``text[start:end]`` highlighted: up to three runs (empty ones
    are left out), each formatted by ``run_format`` (``add_run``'s keywords; ``color`` is
    the text colour, ``highlight`` the marker's). Offsets outside the text are clamped.
    With ``context``, only that many characters either side of the span are kept, with
    "…" where text was cut. Returns the highlighted run (None when the span is empty)."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    before, span, after = text[:start], text[start:end], text[end:]
    if context is not None:
        if len(before) > context:
            before = "…" + before[len(before) - context:].lstrip()
        if len(after) > context:
            after = after[:context].rstrip() + "…"
    if before:
        add_run(paragraph, before, **run_format)
    marked = None
    if span:
        marked = add_run(paragraph, span, highlight=highlight,
                         **{**run_format, "bold": bold_span or run_format.get("bold", False)})
    if after:
        add_run(paragraph, after, **run_format)
    return marked


# -- tables -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    """A table cell with its own look; plain strings are cells too."""

    text: str
    bold: bool = False
    italic: bool = False
    align: str | None = None  # "left", "center", "right"
    fill: str | None = None  # background, hex "RRGGBB"
    color: str | None = None  # text colour; default: black, or white on a dark fill
    highlight: tuple[int, int] | None = None  # (start, end) of text to highlight


_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
          "right": WD_ALIGN_PARAGRAPH.RIGHT}
_TABLE_STYLES = ("Table Grid", "Light Grid Accent 1")


def add_table(doc: Document, header: Sequence[str], rows: Iterable[Sequence[str | Cell | None]], *,
              widths_cm: Sequence[float] | None = None, style: str | None = None,
              header_repeat: bool = True, header_fill: str | None = NAVY,
              shading: Mapping[tuple[int, int], str] | None = None,
              highlights: Mapping[tuple[int, int], tuple[str, str, str]] | None = None,
              font_size: float = 9, cant_split: bool = True) -> Table:
    """A table with a bold ``header`` row (repeated on every page), one row per item of
    ``rows`` (never split across pages), ``shading`` of cells by ``(row, column)`` (the
    header is row 0) and ``highlights`` ``(before, span, after)`` shown with the span
    marked. Uses ``style`` or "Table Grid", falling back to plain borders when a template
    lacks the style. Widths beyond the page are scaled down to fit, and a column too narrow
    for the longest word of its header takes room from the others, so headers wrap between
    words only ("Consistency", never "Consist-ency")."""
    rows = [list(row) for row in rows]
    columns = len(header)
    table = doc.add_table(rows=0, cols=columns)
    _apply_table_style(doc, table, style)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    margins = _child(table._tbl.tblPr, "w:tblCellMar", _TBLPR_ORDER)
    for side in ("top", "bottom"):
        _child(margins, f"w:{side}", ("w:top", "w:left", "w:start", "w:bottom", "w:right",
                                       "w:end")).attrib.update({qn("w:w"): "45", qn("w:type"): "dxa"})
    if widths_cm:
        _set_widths(doc, table, _header_fitting(widths_cm, header, rows, font_size))
    shading = {key: _hex(value) for key, value in (shading or {}).items() if value}
    highlights = highlights or {}
    all_rows = [[Cell(_whole_words(text), bold=True, fill=header_fill) for text in header]] + rows
    for index, values in enumerate(all_rows):
        tr = table._tbl.add_tr()
        trPr = tr.get_or_add_trPr()
        if cant_split:
            _child(trPr, "w:cantSplit", _TRPR_ORDER)
        if index == 0 and header_repeat:
            _child(trPr, "w:tblHeader", _TRPR_ORDER)
        for column, grid in enumerate(table._tbl.tblGrid.gridCol_lst):
            tc = tr.add_tc()
            tc.width = grid.w
            value = values[column] if column < len(values) else ""
            cell = value if isinstance(value, Cell) else Cell("" if value is None else str(value))
            fill = shading.get((index, column)) or (_hex(cell.fill) if cell.fill else None)
            _fill_cell(_Cell(tc, table), cell, fill, highlights.get((index, column)), font_size)
    return table


def _apply_table_style(doc: Document, table: Table, style: str | None) -> None:
    for name in ((style,) if style else ()) + _TABLE_STYLES:
        found = doc.styles.element.get_by_name(name)
        if found is None:
            found = doc.styles.element.get_by_id(name.replace(" ", ""))
        if found is not None and found.get(qn("w:type")) == "table":
            table._tbl.tblPr.get_or_add_tblStyle().val = found.styleId
            return
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(OxmlElement(f"w:{side}", {qn("w:val"): "single", qn("w:sz"): "4",
                                                 qn("w:space"): "0", qn("w:color"): "A6A6A6"}))
    _insert(table._tbl.tblPr, borders, _TBLPR_ORDER)


def _set_widths(doc: Document, table: Table, widths_cm: Sequence[float]) -> None:
    section = Section(doc.element.body.get_or_add_sectPr(), doc.part)
    room = section.page_width - section.left_margin - section.right_margin
    widths = [Cm(width) for width in widths_cm]
    total = sum(widths)
    if total > room:
        widths = [Emu(int(width * room / total)) for width in widths]
    for grid, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=False):
        grid.w = width
    table.autofit = False  # fixed layout: Word and LibreOffice keep the widths
    tblW = _child(table._tbl.tblPr, "w:tblW", _TBLPR_ORDER)
    tblW.set(qn("w:w"), str(int(sum(widths) / 635)))  # EMU to twentieths of a point
    tblW.set(qn("w:type"), "dxa")


_CELL_MARGINS_CM = 0.38 + 0.12  # Word's default left and right cell margins, and some air
_SAFETY_CM = 0.2  # what a measured one-line cell keeps in hand: renderers differ a little
_WORD_JOINER = "\u2060"
_INNER_BREAK = re.compile(r"(?<=\S)([–—/-])(?=\S)")  # a line may break after these inside a word
_CJK_RUN = re.compile(lexicon.char_class("east_asian", "full_width") + "+")


def _whole_words(text: str) -> str:
    """Header text with a word joiner after dashes and slashes inside words, so that
    "Perceived (1–5)" breaks at its space, not after "1–"."""
    return _INNER_BREAK.sub(lambda match: match.group(1) + _WORD_JOINER, text)


def _header_fitting(widths_cm: Sequence[float], header: Sequence[str], rows: Sequence[Sequence],
                    font_size: float) -> list[float]:
    """``widths_cm`` with each column at least as wide as its header's longest word (a run
    of up to six Chinese characters counts as one word: 一致性指数 stays on one line). The
    room comes first from columns whose cells fit on one line with some to spare, then from
    columns of long text that wraps anyway (names), down to their longest word or 60% of
    their width; columns of figures that only just fit give nothing. The total width stays
    the same unless nothing can be spared."""
    widths = list(widths_cm)

    def longest_word(text: str, bold: bool) -> float:
        words = [piece for word in text.split() for piece in _CJK_RUN.split(word) if piece]
        words += [run if len(run) <= 6 else run[:4] for run in _CJK_RUN.findall(text)]
        return max((_cm(word, font_size, bold) for word in words), default=0.0) + _CELL_MARGINS_CM

    needs = [longest_word(str(text), True) for text in header] + [0.0] * (len(widths) - len(header))
    short = [max(0.0, need - width) for need, width in zip(needs, widths)]
    if sum(short) <= 0:
        return widths
    spare_fitting, spare_wrapping = [], []
    for column, (need, width) in enumerate(zip(needs, widths)):
        cells = [_cell_text(row[column]) for row in rows[:300] if column < len(row)]
        line = max((_cm(text, font_size, False) for text in cells), default=0.0) + _CELL_MARGINS_CM
        if line + _SAFETY_CM <= width:
            spare_fitting.append(max(0.0, width - max(need, line + _SAFETY_CM)))
            spare_wrapping.append(0.0)
        elif line > 1.3 * width:  # long text (names, quotes) that wraps whatever the width
            word = max((longest_word(text, False) for text in cells), default=0.0)
            spare_fitting.append(0.0)
            spare_wrapping.append(max(0.0, width - max(need, word, 0.6 * width)))
        else:  # figures that just fit: a narrower column would break them ("100% (82–" / "100%)")
            spare_fitting.append(0.0)
            spare_wrapping.append(0.0)
    wanted = sum(short)
    for spare in (spare_fitting, spare_wrapping):
        if wanted <= 0 or sum(spare) <= 0:
            continue
        taken = min(wanted, sum(spare))
        widths = [width - taken * room / sum(spare) for width, room in zip(widths, spare)]
        wanted -= taken
    share = (sum(short) - wanted) / sum(short)  # all of the shortfall, if the others could spare it
    return [width + gap * share for width, gap in zip(widths, short)]


def _cm(text: str, size: float, bold: bool) -> float:
    return fonts.text_width_pt(text, size, bold=bold) / 72 * 2.54


def _cell_text(value) -> str:
    return value.text if isinstance(value, Cell) else "" if value is None else str(value)


def _fill_cell(target: _Cell, cell: Cell, fill: str | None, marked: tuple[str, str, str] | None,
               font_size: float) -> None:
    if fill:
        tcPr = target._tc.get_or_add_tcPr()
        _insert(tcPr, OxmlElement("w:shd", {qn("w:val"): "clear", qn("w:color"): "auto",
                                            qn("w:fill"): fill}), _TCPR_ORDER)
    color = cell.color or ("FFFFFF" if fill and _is_dark(fill) else None)
    paragraph = target.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)
    # Exact line height: a line with Chinese would otherwise be taller than one without
    # (CJK fonts have bigger ascent and descent), giving uneven rows.
    paragraph.paragraph_format.line_spacing = Pt(round(font_size * 1.45, 1))
    if cell.align:
        paragraph.alignment = _ALIGN[cell.align]
    look = {"bold": cell.bold, "italic": cell.italic, "size": font_size, "color": color}
    if marked is not None:
        before, span, after = marked
        add_highlighted(paragraph, before + span + after, len(before), len(before) + len(span),
                        **look)
    elif cell.highlight is not None:
        add_highlighted(paragraph, cell.text, *cell.highlight, **look)
    elif cell.text:
        add_run(paragraph, cell.text, **look)


def _is_dark(fill: str) -> bool:
    red, green, blue = (int(fill[i:i + 2], 16) for i in (0, 2, 4))
    return 0.299 * red + 0.587 * green + 0.114 * blue < 140


# -- pictures, captions, figures, notes, bullets ---------------------------------------------


def add_picture(doc: Document, png_bytes: bytes, width_cm: float, *, alt_text: str = "") -> Paragraph:
    """A centred picture ``width_cm`` wide (narrowed to fit the page, and so that it is no
    taller than the page's text area less 3 cm for a heading) in its own paragraph;
    ``alt_text`` is what screen readers say."""
    section = Section(doc.element.body.get_or_add_sectPr(), doc.part)
    room = section.page_width - section.left_margin - section.right_margin
    width = min(Cm(width_cm), room)
    pixels = _png_size(png_bytes)
    if pixels:
        high = section.page_height - section.top_margin - section.bottom_margin - Cm(3)
        width = min(width, int(high * pixels[0] / pixels[1]))
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before = Pt(6)
    shape = paragraph.add_run().add_picture(io.BytesIO(png_bytes), width=Emu(width))
    docPr = shape._inline.docPr
    # python-docx numbers drawings within document.xml only; Word wants them unique across
    # headers and footers too (a template's logo), or it reports unreadable content.
    taken = [int(value) for rel in doc.part.rels.values()
             if rel.reltype in (RT.HEADER, RT.FOOTER) and not rel.is_external
             for value in rel.target_part.element.xpath(".//wp:docPr/@id") if value.isdigit()]
    if taken and int(docPr.get("id")) <= max(taken):
        docPr.set("id", str(max(taken) + 1))
    if alt_text:
        docPr.set("descr", _clean(alt_text))
    return paragraph


def _png_size(data: bytes) -> tuple[int, int] | None:
    if data[:8] != b"\x89PNG\r\n\x1a\n" or len(data) < 24:
        return None
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    return (width, height) if width and height else None


def add_caption(doc: Document, text: str, *, label: str | None = None) -> Paragraph:
    """A paragraph in the Caption style; with ``label`` ("Figure", "图") it reads
    "Figure 3: text" with a SEQ field Word counts. Kept with the next paragraph."""
    styles = doc.styles.element
    paragraph = doc.add_paragraph(style="Caption" if styles.get_by_name("caption") is not None
                                  else None)
    if label:
        number = len(doc.element.body.xpath(
            f".//w:instrText[starts-with(normalize-space(.), 'SEQ {label} ')]")) + 1
        add_run(paragraph, f"{label} ")
        _add_field(paragraph, f"SEQ {label} \\* ARABIC", str(number))
        add_run(paragraph, "：" if _CJK.search(label) else ": ")
    add_run(paragraph, text)
    return keep_with_next(paragraph)


class KeyFigure(NamedTuple):
    """A headline number on page 1: ("81.5", "Consistency index", "+3.2 since run 4")."""

    value: str
    label: str
    note: str | None = None


def add_key_figures(doc: Document, figures: Sequence[KeyFigure | tuple], *,
                    color: str = NAVY, fill: str = LIGHT) -> Table:
    """Headline numbers side by side as tiles: a big value, its label, a small note."""
    figures = [KeyFigure(*figure) for figure in figures]
    table = doc.add_table(rows=1, cols=max(1, len(figures)))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        # white gaps between the tiles
        attributes = {qn("w:val"): "single", qn("w:sz"): "36", qn("w:space"): "0",
                      qn("w:color"): "FFFFFF"} if side == "insideV" else {qn("w:val"): "nil"}
        borders.append(OxmlElement(f"w:{side}", attributes))
    _insert(table._tbl.tblPr, borders, _TBLPR_ORDER)
    for cell, figure in zip(table.rows[0].cells, figures, strict=False):
        _insert(cell._tc.get_or_add_tcPr(), OxmlElement(
            "w:shd", {qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): _hex(fill)}),
            _TCPR_ORDER)
        lines = [(figure.value, 26, True, color), (figure.label, 10, True, GREY)]
        if figure.note:
            lines.append((figure.note, 8.5, False, GREY))
        for number, (text, size, bold, colour) in enumerate(lines):
            paragraph = cell.paragraphs[0] if number == 0 else cell.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.space_before = Pt(8 if number == 0 else 0)
            paragraph.paragraph_format.space_after = Pt(8 if number == len(lines) - 1 else 2)
            paragraph.paragraph_format.line_spacing = 1.0
            add_run(paragraph, text or "—", bold=bold, size=size, color=colour)
    doc.add_paragraph().paragraph_format.space_after = Pt(0)  # keeps the next table apart
    return table


def add_callout(doc: Document, text: str = "", *, fill: str = "FFF4E5",
                border: str = "ED7D31") -> Paragraph:
    """A shaded note with a coloured bar on its left (e.g. "needs review", "summarised")."""
    paragraph = doc.add_paragraph()
    pPr = paragraph._p.get_or_add_pPr()
    bar = OxmlElement("w:pBdr")
    bar.append(OxmlElement("w:left", {qn("w:val"): "single", qn("w:sz"): "24",
                                      qn("w:space"): "6", qn("w:color"): _hex(border)}))
    _insert(pPr, bar, _PPR_ORDER)
    _insert(pPr, OxmlElement("w:shd", {qn("w:val"): "clear", qn("w:color"): "auto",
                                       qn("w:fill"): _hex(fill)}), _PPR_ORDER)
    paragraph.paragraph_format.left_indent = Cm(0.3)
    paragraph.paragraph_format.space_before = Pt(6)
    if text:
        add_run(paragraph, text)
    return paragraph


def add_bullet(doc: Document, text: str = "", *, level: int = 1) -> Paragraph:
    """A bulleted paragraph: the "List Bullet" styles where the document has them, else a
    "•" with a hanging indent (a template's numbering cannot be borrowed safely)."""
    name = "List Bullet" if level <= 1 else f"List Bullet {level}"
    if doc.styles.element.get_by_name(name) is not None:
        paragraph = doc.add_paragraph(style=name)
    else:
        paragraph = doc.add_paragraph()
        paragraph.paragraph_format.left_indent = Cm(0.63 * level)
        paragraph.paragraph_format.first_line_indent = Cm(-0.63)
        paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(0.63 * level))
        paragraph.add_run("•\t")
    if text:
        add_run(paragraph, text)
    return paragraph


# -- XML ---------------------------------------------------------------------------------------


def _child(parent, tag: str, order: Sequence[str]):
    """The ``tag`` child of ``parent``, added in schema ``order`` if missing."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    return _insert(parent, OxmlElement(tag), order)


def _insert(parent, element, order: Sequence[str]):
    """Insert ``element`` into ``parent`` before the first sibling that follows it in the
    schema ``order``, replacing one of the same tag."""
    tag = _prefixed(element.tag)
    existing = parent.find(element.tag)
    if existing is not None:
        existing.addprevious(element)
        parent.remove(existing)
        return element
    successors = order[order.index(tag) + 1:] if tag in order else ()
    for child in parent:
        if _prefixed(child.tag) in successors:
            child.addprevious(element)
            return element
    parent.append(element)
    return element


_PREFIXES = {"http://schemas.openxmlformats.org/wordprocessingml/2006/main": "w",
             "http://schemas.openxmlformats.org/officeDocument/2006/math": "m",
             "http://schemas.openxmlformats.org/schemaLibrary/2006/main": "sl"}


def _prefixed(clark: str) -> str:
    if not isinstance(clark, str) or not clark.startswith("{"):
        return ""
    uri, name = clark[1:].split("}")
    return f"{_PREFIXES.get(uri, uri)}:{name}"


def _hex(colour: str) -> str:
    value = colour.strip().lstrip("#").upper()
    if not re.fullmatch(r"[0-9A-F]{6}", value):
        raise ValueError(f"'{colour}' is not a colour like 1F3864.")
    return value


def _clean(text: str) -> str:
    """``text`` without characters an XML file cannot hold (control characters)."""
    return _XML_ILLEGAL.sub("", text or "")
