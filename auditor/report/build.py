"""The Word report itself (SPEC §7): page 1 for an executive, then the detail.

Layout only: the figures and findings come from :mod:`.data`, the words from
:mod:`.texts`, the charts from :mod:`.charts`, and the Word mechanics (styles, fields,
sections, highlighted runs) from :mod:`.word`.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from datetime import datetime
from pathlib import Path

from docx.document import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import Pt

from auditor.errors import AuditorError
from auditor.metrics import SERVQUAL_DIMENSIONS
from auditor.report import charts, fonts, word
from auditor.report.data import FindingGroup, ReportData, brand_name, load_report_data
from auditor.report.texts import Texts
from auditor.store import Project

_KIND_ORDER = ("broken_promise", "forbidden_phrase", "missing_phrase")
_RED, _AMBER, _GREEN = "F4C7C3", "FCE8B2", "C9E7CF"
_PAGE_ONE_TOUCHPOINTS = 10
_HEAT_ROWS, _HEAT_COLUMNS = 30, 16  # beyond this a heat map is no longer read cell by cell


def build_report(project: Project, out: str | Path, *, run_id: int | None = None, lang: str = "en",
                 template: str | Path | None = None, redact_staff: bool = False) -> Path:
    """Write the report of ``run_id`` (default: the latest) to ``out``; returns the path.

    The file is written next to ``out`` and moved into place at the end, so a failure
    never leaves half a report behind."""
    texts = Texts(lang)
    data = load_report_data(project, run_id, redact_staff=redact_staff, mask="[staff]" if lang == "en" else "[员工]")
    brand = brand_name(project)
    fonts.setup()
    doc = word.new_document(Path(template) if template else None)
    word.setup_styles(doc, lang, latin_font="Calibri", east_asia_font=fonts.word_east_asia_font(lang))
    # The period is that of the visits audited, not the day the audit ran.
    period = texts.period(data.visits_from, data.visits_to)
    visits_of = texts.visits_of(data.visits_from, data.visits_to)
    word.set_properties(doc, title=f"{texts('title')} — {brand}", author=texts("author"),
                        subject=f"{brand} · {visits_of}", created=datetime.now(),
                        language="zh-CN" if lang == "zh" else "en-GB")
    word.add_page_number_footer(doc, texts.raw("page"))

    _page_one(doc, data, texts, brand, visits_of)
    word.page_break(doc)
    toc = _paragraph(doc, texts("toc"), style=_style(doc, "TOC Heading", "Title"))
    word.keep_with_next(toc)
    # No "update fields on open": Word would greet the executive with a question. The
    # contents are written out with a PAGEREF field per entry, which LibreOffice (and so
    # the PDF) fills in as it lays the pages out, and Word when it prints or updates fields.
    word.add_toc(doc, levels="1-2", placeholder_text=texts("toc_placeholder"), update_on_open=False)
    word.page_break(doc)
    _touchpoints(doc, data, texts)
    _heat_map(doc, data, texts)
    _scorecards(doc, data, texts)
    _findings(doc, data, texts)
    _inconsistent(doc, data, texts)
    _uncovered(doc, data, texts)
    _duplicates(doc, data, texts)
    _voice(doc, data, texts)
    if len(data.history) > 1:
        _trend(doc, data, texts)
    _method(doc, data, texts, period, redact_staff)
    word.fill_toc(doc)
    return _save(doc, Path(out))


# -- page 1 -----------------------------------------------------------------------------------


def _page_one(doc: Document, data: ReportData, texts: Texts, brand: str, visits_of: str) -> None:
    metrics = data.run.metrics
    _paragraph(doc, brand, style="Title")
    _paragraph(doc, texts("subtitle", title=texts("title"), period=visits_of), style=_style(doc, "Subtitle", "Normal"))
    _paragraph(doc, texts("generated", run=data.run.id, date=texts.date(data.run.started_at)))

    index = metrics.get("consistency_index")
    previous = data.previous.metrics.get("consistency_index") if data.previous else None
    if index is None or data.previous is None:
        change = texts("first_run") if data.previous is None else texts("n_a")
    elif previous is None:
        change = texts("n_a")
    elif round(index - previous, 1) == 0:
        change = texts("unchanged")
    else:
        change = texts("since_previous", delta=texts.signed(index - previous))
    word.add_key_figures(doc, [
        (texts.number(index, 1), texts("consistency_index"), change),
        (texts.percent(metrics.get("promise_keeping_rate")), texts("promise_keeping"),
         texts.interval(metrics.get("promise_keeping_interval"))),
        (texts.percent(metrics.get("script_adherence")), texts("script_adherence"),
         texts.interval(metrics.get("script_adherence_interval"))),
    ])

    doc.add_heading(texts("worst_gaps"), level=1)
    if not data.gaps:
        _paragraph(doc, texts("no_gaps"))
    for gap in data.gaps:
        promise = data.promises.get(gap.promise)
        sentence = texts("gap", touchpoint=data.touchpoint_name(gap.touchpoint), broken=gap.broken,
                         decided=gap.decided, promise=promise.text if promise else gap.promise)
        if gap.quote:
            key = "gap_measured" if texts.is_measurement(gap.quote) else "gap_quote"
            sentence += texts(key, quote=texts.observed(gap.quote))
        _paragraph(doc, sentence + ("。" if texts.lang == "zh" else "."), style=_style(doc, "List Number", "Normal"))

    rows = _touchpoint_rows(data)
    if rows:
        # Page 1 stays one page: the worst touchpoints only; all of them under "Results by touchpoint".
        shown = sorted(rows, key=lambda row: (row[1] is None, row[1] or 0.0))[:_PAGE_ONE_TOUCHPOINTS]
        title = texts("by_touchpoint_chart") + ("" if len(shown) == len(rows) else
                                                 texts("worst_of", shown=len(shown), total=len(rows)))
        caption = _paragraph(doc, title, style=_style(doc, "Caption", "Normal"))
        word.keep_with_next(caption)
        _chart(doc, charts.touchpoint_bars(shown, _chart_labels(texts)))
    _paragraph(doc, _findings_line(data, texts))


def _touchpoint_rows(data: ReportData) -> list[tuple[str, float | None, float | None]]:
    return [(data.touchpoint_name(key), block.get("promise_keeping_rate"), block.get("script_adherence"))
            for key, block in data.run.metrics.get("by_touchpoint", {}).items() if key in data.touchpoints]


def _findings_line(data: ReportData, texts: Texts) -> str:
    counts = Counter(finding.kind for finding in data.findings)
    if not counts:
        return texts("findings_line_none")
    kinds = ("、" if texts.lang == "zh" else ", ").join(
        texts(f"count_{kind}", n=counts[kind]) for kind in sorted(counts, key=lambda k: -counts[k]))
    review = sum(1 for finding in data.findings if finding.verdict == "review")
    return texts("findings_line", open=len(data.findings), kinds=kinds) + (" " if texts.lang == "en" else "") + (
        texts("findings_review", review=review) if review else texts("findings_review_none"))


# -- detail -----------------------------------------------------------------------------------


def _touchpoints(doc: Document, data: ReportData, texts: Texts) -> None:
    doc.add_heading(texts("sec_touchpoints"), level=1)
    header = [texts("touchpoint"), texts("observations"), texts("promise_keeping"), texts("script_adherence"),
              texts("consistency_index"), texts("nps")]
    rows, shading = [], {}
    for key, block in data.run.metrics.get("by_touchpoint", {}).items():
        rows.append([data.touchpoint_name(key), texts.number(block.get("observations")),
                     _rate_with_interval(texts, block.get("promise_keeping_rate"), block.get("promise_keeping_interval")),
                     _rate_with_interval(texts, block.get("script_adherence"), block.get("script_adherence_interval")),
                     texts.number(block.get("consistency_index"), 1), texts.number(block.get("nps"), 1)])
        shading[(len(rows), 4)] = _colour(None if block.get("consistency_index") is None
                                          else block["consistency_index"] / 100)
    word.add_table(doc, header, rows, widths_cm=[5.0, 1.8, 3.2, 3.2, 1.8, 1.5],
                   shading={cell: colour for cell, colour in shading.items() if colour})
    every = _touchpoint_rows(data)
    if len(every) > _PAGE_ONE_TOUCHPOINTS:
        caption = _paragraph(doc, texts("by_touchpoint_chart"), style=_style(doc, "Caption", "Normal"))
        word.keep_with_next(caption)
        _chart(doc, charts.touchpoint_bars(every, _chart_labels(texts)))


def _heat_map(doc: Document, data: ReportData, texts: Texts) -> None:
    by_pair = data.by_promise_touchpoint
    if not by_pair:
        return
    # A brand with hundreds of promises cannot be read cell by cell: the map shows the
    # promises with the most broken checks and the touchpoints with the most visits, and says so.
    broken = {promise: sum(block["broken"] for block in blocks.values()) for promise, blocks in by_pair.items()}
    promises = sorted(sorted(by_pair, key=lambda p: (-broken[p], p))[:_HEAT_ROWS])
    visits = {tp: block.get("observations", 0) for tp, block in data.run.metrics.get("by_touchpoint", {}).items()}
    touchpoints = sorted({tp for p in promises for tp in by_pair[p]})
    touchpoints = sorted(sorted(touchpoints, key=lambda tp: (-visits.get(tp, 0), tp))[:_HEAT_COLUMNS])
    wide = len(touchpoints) > 8
    if wide:
        word.landscape_section(doc)
    doc.add_heading(texts("sec_heat_map"), level=1)
    _paragraph(doc, texts("heat_map_note"))
    if len(promises) < len(by_pair) or len(touchpoints) < len({tp for blocks in by_pair.values() for tp in blocks}):
        _paragraph(doc, texts("heat_map_cut", promises=len(promises), all_promises=len(by_pair),
                                touchpoints=len(touchpoints)))

    # Labels in full: the chart wraps them, it never cuts them short.
    def promise_label(key: str) -> str:
        return " ".join((data.promises[key].text if key in data.promises else key).split())

    def touchpoint_label(key: str) -> str:
        return " ".join(data.touchpoint_name(key).split())

    rates = {(promise_label(p), touchpoint_label(tp)): (block["keeping_rate"], block["kept"] + block["broken"])
             for p in promises for tp, block in by_pair[p].items() if tp in touchpoints}
    columns = [touchpoint_label(tp) for tp in touchpoints]
    for part in _heat_map_parts([promise_label(p) for p in promises], columns, doc.sections[-1]):
        _chart(doc, charts.heat_map(part, columns, rates, _chart_labels(texts)))
    if wide:
        word.portrait_section(doc)


def _heat_map_parts(rows: list[str], columns: list[str], section) -> list[list[str]]:
    """The heat map's promises in runs that each fit a page at full size (the first below
    the heading and notes), so that a long map is read at its size, not shrunk."""
    if len(columns) > 16:  # turned: promises across; the picture is shrunk to fit if it must
        return [rows]
    page = (section.page_height - section.top_margin - section.bottom_margin) / 360000 - 0.6
    fixed, heights = charts.heat_map_rows_cm(rows, columns)
    parts, part, used, room = [], [], fixed, page - 4.0  # the heading and two notes above the first
    for row, height in zip(rows, heights):
        if part and used + height > room:
            parts.append(part)
            part, used, room = [], fixed, page
        part.append(row)
        used += height
    return parts + [part] if part else parts


def _scorecards(doc: Document, data: ReportData, texts: Texts) -> None:
    doc.add_heading(texts("sec_scorecards"), level=1)
    by_touchpoint = data.run.metrics.get("by_touchpoint", {})
    findings_at = Counter((finding.touchpoint, finding.kind) for finding in data.findings)
    for key, block in by_touchpoint.items():
        if key not in data.touchpoints:
            continue
        heading = doc.add_heading(data.touchpoint_name(key), level=2)
        word.keep_with_next(heading)
        touchpoint = data.touchpoints[key]
        facts = [
            (texts("location"), touchpoint.location or "—"),
            (texts("observations"), texts.number(block.get("observations"))),
            (texts("consistency_index"), texts.number(block.get("consistency_index"), 1)),
            (texts("promise_keeping"), _rate_with_interval(texts, block.get("promise_keeping_rate"),
                                                           block.get("promise_keeping_interval"))),
            (texts("script_adherence"), _rate_with_interval(texts, block.get("script_adherence"),
                                                            block.get("script_adherence_interval"))),
            (texts("nps"), texts.number(block.get("nps"), 1)),
        ]
        kinds = [texts(f"count_{kind}", n=findings_at[(key, kind)]) for kind in
                 ("broken_promise", "forbidden_phrase", "missing_phrase", "inconsistent_claim", "uncovered_promise",
                  "duplicate_transcript") if findings_at[(key, kind)]]
        if kinds:
            facts.append((texts("sec_findings"), ("、" if texts.lang == "zh" else ", ").join(kinds)))
        word.add_table(doc, [texts("touchpoint"), data.touchpoint_name(key)], [list(fact) for fact in facts],
                       widths_cm=[5.0, 11.0])


def _findings(doc: Document, data: ReportData, texts: Texts) -> None:
    doc.add_heading(texts("sec_findings"), level=1)
    _paragraph(doc, texts("findings_intro"))
    for kind in _KIND_ORDER:
        groups = [group for group in data.groups if group.kind == kind]
        if not groups:
            continue
        doc.add_heading(f"{texts('kind_' + kind)} ({sum(len(g.findings) for g in groups)})", level=2)
        for group in groups:
            _group(doc, data, texts, group)


def _group(doc: Document, data: ReportData, texts: Texts, group: FindingGroup) -> None:
    if group.kind == "broken_promise":
        target = data.promises[group.target].text if group.target in data.promises else group.target
    else:
        target = data.script_lines.get(group.target or "", group.target)
    heading = doc.add_heading(texts("group_promise", target=_short(target or "", 90),
                                    touchpoint=data.touchpoint_name(group.touchpoint)), level=3)
    word.keep_with_next(heading)
    if group.kind == "missing_phrase" and not group.quotes:
        _paragraph(doc, texts("not_said", count=len(group.findings)) + " " + _visits(data, texts, group.findings))
        return
    for finding in group.shown:
        paragraph = doc.add_paragraph(style=_style(doc, "List Bullet", "Normal"))
        when, shopper = data.observed.get(finding.observation or "", (None, None))
        label = " · ".join(part for part in (finding.observation, texts.datetime(when) if when else None, shopper)
                           if part)
        word.add_run(paragraph, f"{label}: ", bold=True)
        quote = group.quotes.get(finding.id)
        if quote is not None:
            word.add_run(paragraph, "“" + quote.before)
            word.add_run(paragraph, quote.span, highlight=WD_COLOR_INDEX.YELLOW, bold=True)
            word.add_run(paragraph, quote.after + "”")
        else:
            word.add_run(paragraph, texts.observed(finding.observed) or texts("n_a"))
        markers = []
        if finding.verdict == "review":
            markers.append(texts("needs_review"))
        if finding.status == "confirmed":
            markers.append(texts("status_confirmed"))
        if markers:
            word.add_run(paragraph, f"  [{', '.join(markers)}]", italic=True)
    if group.hidden:
        _paragraph(doc, texts("more_like_this", count=group.hidden,
                                visits=_visits(data, texts, group.findings[len(group.shown):])))


def _visits(data: ReportData, texts: Texts, findings: list, limit: int = 12) -> str:
    keys = [finding.observation for finding in findings if finding.observation]
    shown = ", ".join(keys[:limit])
    return shown + (f", … (+{len(keys) - limit})" if len(keys) > limit else "")


def _inconsistent(doc: Document, data: ReportData, texts: Texts) -> None:
    groups = [group for group in data.groups if group.kind == "inconsistent_claim"]
    if not groups:
        return
    doc.add_heading(texts("sec_inconsistent"), level=1)
    _paragraph(doc, texts("inconsistent_intro"))
    rows, spans = [], {}
    for group in groups:
        for finding in group.findings:
            promise = data.promises.get(finding.promise or "")
            rows.append([promise.text if promise else (finding.expected or ""), data.touchpoint_name(finding.touchpoint),
                         finding.observed or ""])
            quote = group.quotes.get(finding.id)
            if quote is not None:
                spans[(len(rows), 2)] = (quote.before.lstrip("…"), quote.span, quote.after.rstrip("…"))
    word.add_table(doc, [texts("promise_says"), texts("touchpoint"), texts("script_says")], rows,
                   widths_cm=[6.0, 3.5, 6.5], highlights=spans)


def _uncovered(doc: Document, data: ReportData, texts: Texts) -> None:
    missing: dict[str, list[str]] = {}
    for finding in data.findings:
        if finding.kind == "uncovered_promise" and finding.promise:
            missing.setdefault(finding.promise, []).append(data.touchpoint_name(finding.touchpoint))
    if not missing:
        return
    doc.add_heading(texts("sec_uncovered"), level=1)
    rows = [[data.promises[key].text if key in data.promises else key, ("、" if texts.lang == "zh" else ", ").join(tps)]
            for key, tps in sorted(missing.items())]
    word.add_table(doc, [texts("promise"), texts("not_stated_at")], rows, widths_cm=[8.0, 8.0])


def _duplicates(doc: Document, data: ReportData, texts: Texts) -> None:
    copies = [finding for finding in data.findings if finding.kind == "duplicate_transcript"]
    if not copies:
        return
    doc.add_heading(texts("sec_duplicates"), level=1)
    _paragraph(doc, texts("duplicates_intro"))
    rows = []
    for finding in copies:
        earlier = (finding.observed or "").rsplit(" ", 1)[-1]
        score = "".join(ch for ch in (finding.observed or "").split("%")[0] if ch.isdigit()) or "—"
        when, shopper = data.observed.get(finding.observation or "", (None, None))
        rows.append([texts("copy_of", later=finding.observation, earlier=earlier, score=score),
                     data.touchpoint_name(finding.touchpoint), texts.datetime(when) if when else "",
                     shopper or ""])
    word.add_table(doc, [texts("visit"), texts("touchpoint"), texts("when"), texts("shopper")], rows,
                   widths_cm=[6.5, 4.0, 3.5, 2.0])


def _voice(doc: Document, data: ReportData, texts: Texts) -> None:
    metrics = data.run.metrics
    doc.add_heading(texts("sec_voice"), level=1)
    servqual = metrics.get("servqual", {})
    if not any(servqual.get(d, {}).get("n") for d in SERVQUAL_DIMENSIONS):
        _paragraph(doc, texts("no_servqual"))  # a table of "n/a" says nothing
        _paragraph(doc, texts("nps_line", nps=texts.number(metrics.get("nps"), 1),
                                ces=texts.number(metrics.get("ces"), 2)))
        return
    rows = []
    for dimension in SERVQUAL_DIMENSIONS:
        block = servqual.get(dimension, {})
        rows.append([texts(f"dim_{dimension}"), texts.number(block.get("mean"), 2),
                     texts.number(block.get("expectation"), 1),
                     texts.signed(block["gap"], 2) if block.get("gap") is not None else texts("n_a"),
                     texts.number(block.get("n"))])
    _chart(doc, charts.servqual_gaps(
        [(texts(f"dim_{d}"), servqual[d].get("mean"), servqual[d].get("expectation", 4.0))
         for d in SERVQUAL_DIMENSIONS if d in servqual], _chart_labels(texts)))
    word.add_table(doc, [texts("dimension"), texts("perceived"), texts("expected"), texts("gap_col"),
                         texts("answers")], rows, widths_cm=[5.0, 3.0, 2.5, 2.5, 2.5])
    after_table = _paragraph(doc, texts("nps_line", nps=texts.number(metrics.get("nps"), 1),
                                          ces=texts.number(metrics.get("ces"), 2)))
    after_table.paragraph_format.space_before = Pt(8)  # not glued to the table's last row


def _trend(doc: Document, data: ReportData, texts: Texts) -> None:
    doc.add_heading(texts("sec_trend"), level=1)
    points = [(f"#{run.id}", run.metrics.get("consistency_index")) for run in data.history]
    _chart(doc, charts.trend(points, _chart_labels(texts)))
    rows = [[f"#{run.id}", texts.date(run.started_at), texts.number(run.metrics.get("consistency_index"), 1),
             texts.percent(run.metrics.get("promise_keeping_rate")), texts.percent(run.metrics.get("script_adherence")),
             texts.number(run.metrics.get("counts", {}).get("observations"))]
            for run in data.history]
    word.add_table(doc, [texts("run"), texts("date"), texts("consistency_index"), texts("promise_keeping"),
                         texts("script_adherence"), texts("observations")], rows)


def _method(doc: Document, data: ReportData, texts: Texts, period: str, redacted: bool) -> None:
    doc.add_heading(texts("sec_method"), level=1)
    counts = data.run.metrics.get("counts", {})
    settings = data.run.settings
    _paragraph(doc, texts("method_period", period=period, observations=texts.number(counts.get("observations")),
                            checks=texts.number(counts.get("checks")), kept=texts.number(counts.get("kept")),
                            broken=texts.number(counts.get("broken")), review=texts.number(counts.get("review"))))
    for key in ("method_checks", "method_rates"):
        _paragraph(doc, texts(key))
    _paragraph(doc, texts("method_thresholds", match=f"{settings.get('match_threshold', 85):g}",
                            review=f"{settings.get('review_threshold', 70):g}"))
    for key in ("method_review", "method_voice"):
        _paragraph(doc, texts(key))
    if redacted:
        _paragraph(doc, texts("method_redacted"))


# -- helpers ----------------------------------------------------------------------------------


def _chart_labels(texts: Texts) -> dict:
    return {"promise_keeping": texts("promise_keeping"), "script_adherence": texts("script_adherence"),
            "consistency_index": texts("consistency_index"), "n_a": texts("n_a"), "perceived": texts("perceived"),
            "expected": texts("expected"), "gap": texts("gap_col"), "run": texts("run"),
            "promise": texts("promise"), "touchpoint": texts("touchpoint")}


def _paragraph(doc: Document, text: str, style: str | None = None):
    """A paragraph whose text goes through :func:`word.add_run`, so Chinese quotation
    marks and punctuation take the East Asian font."""
    paragraph = doc.add_paragraph(style=style)
    word.add_run(paragraph, text)
    return paragraph


def _chart(doc: Document, png: bytes) -> None:
    """A chart at the size it was drawn for, so its lettering prints at the intended size."""
    word.add_picture(doc, png, width_cm=charts.size_cm(png)[0])


def _rate_with_interval(texts: Texts, rate: float | None, interval: list[float] | None) -> str:
    if rate is None:
        return texts("n_a")
    if not interval:
        return texts.percent(rate)
    return f"{texts.percent(rate)} ({interval[0] * 100:.0f}–{interval[1] * 100:.0f}%)"


def _colour(rate: float | None) -> str | None:
    if rate is None:
        return None
    return _GREEN if rate >= 0.9 else _AMBER if rate >= 0.75 else _RED


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _style(doc: Document, name: str, fallback: str) -> str:
    """A style the document has: templates do not always carry python-docx's default ones."""
    try:
        doc.styles[name]
    except KeyError:
        return fallback
    return name


def _save(doc: Document, out: Path) -> Path:
    out = out.expanduser()
    if out.suffix.lower() != ".docx":
        raise AuditorError(f"The report must be a .docx file, not '{out.name}'.")
    if not out.parent.is_dir():
        raise AuditorError(f"The folder {out.parent} does not exist.")
    handle, temporary = tempfile.mkstemp(dir=out.parent, prefix=f".{out.stem}-", suffix=".docx")
    os.close(handle)
    try:
        doc.save(temporary)
        os.replace(temporary, out)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise AuditorError(f"Could not write {out}: {error.strerror or error}.") from None
    return out
