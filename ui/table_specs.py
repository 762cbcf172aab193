"""Which columns each table tab shows, as read-only SQL over the project file.

Titles are marked with ``QT_TRANSLATE_NOOP`` so that lupdate finds them; the model
translates them when Qt asks for a header, so a language change needs no rebuild.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

CONTEXT = "TableColumns"

_VALIDITY = (
    "CASE WHEN valid_from IS NULL AND valid_to IS NULL THEN NULL "
    "ELSE coalesce(valid_from, '…') || ' – ' || coalesce(valid_to, '…') END"
)


@dataclass(frozen=True)
class Column:
    """One column of a table tab."""

    title: str  # untranslated; see CONTEXT
    sql: str  # an expression over the table's row
    source: str  # the import/export column(s) it comes from, shown in the header tooltip
    long_text: bool = False  # elided in the cell, full text in the tooltip
    numeric: bool = False  # right-aligned
    stretch: bool = False  # the column that gets the window's spare width (the main text)


@dataclass(frozen=True)
class TableSpec:
    """One table a person works with: where its rows live and how to show them."""

    table: str  # the SQLite table
    import_kind: str  # the KIND of `brand-auditor import PROJECT KIND FILE`
    columns: tuple[Column, ...]
    order_by: str = "key"


TOUCHPOINTS = TableSpec("touchpoints", "touchpoints", (
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Key"), "key", "key"),
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Name"), "name", "name"),
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Channel"), "channel", "channel"),
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Location"), "location", "location"),
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Notes"), "notes", "notes", long_text=True, stretch=True),
))

PROMISES = TableSpec("promises", "promises", (
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Key"), "key", "key"),
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Promise"), "text", "text", long_text=True, stretch=True),
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Touchpoints"),
           "CASE WHEN all_touchpoints THEN '*' ELSE (SELECT group_concat(touchpoint, '; ') FROM "
           "(SELECT touchpoint FROM promise_touchpoints WHERE promise = promises.key ORDER BY position)) END",
           "touchpoints"),
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Dimension"), "dimension", "dimension"),
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Target"),
           "CASE WHEN metric IS NULL THEN NULL ELSE trim(metric || ' ' || coalesce(operator, '') || ' ' "
           "|| coalesce(printf('%g', target), '') || ' ' || coalesce(unit, '')) END",
           "metric, operator, target, unit"),
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Breach cues"),
           "(SELECT group_concat(value, '; ') FROM json_each(promises.breach_cues))", "breach_cues",
           long_text=True),
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Weight"), "weight", "weight", numeric=True),
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Valid"), _VALIDITY, "valid_from, valid_to"),
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Source"), "source", "source"),
))

SCRIPT_LINES = TableSpec("script_lines", "scripts", (
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Key"), "key", "key"),
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Touchpoint"), "touchpoint", "touchpoint"),
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Kind"), "kind", "kind"),
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Step"), "step", "step"),
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Wording"), "text", "text", long_text=True, stretch=True),
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Promise"), "promise", "promise"),
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Scenarios"),
           "(SELECT group_concat(value, '; ') FROM json_each(script_lines.scenarios))", "scenarios"),
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Weight"), "weight", "weight", numeric=True),
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Valid"), _VALIDITY, "valid_from, valid_to"),
), order_by="touchpoint, key")  # a touchpoint's script together, as staff read it

OBSERVATIONS = TableSpec("observations", "observations", (
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Key"), "key", "key"),
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Touchpoint"), "touchpoint", "touchpoint"),
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Observed at"), "observed_at", "observed_at"),
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Shopper"), "shopper", "shopper"),
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Scenario"), "scenario", "scenario", long_text=True),
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Transcript"), "transcript", "transcript", long_text=True,
           stretch=True),
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Measurements"),
           "(SELECT group_concat(metric || ': ' || coalesce(raw, printf('%g', value) || coalesce(' ' || unit, '')),"
           " '; ') FROM (SELECT * FROM measurements WHERE observation = observations.key ORDER BY metric))",
           "measure:…", long_text=True),
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Tangibles"), "rating_tangibles", "rating_tangibles", numeric=True),
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Reliability"), "rating_reliability", "rating_reliability", numeric=True),
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Responsiveness"), "rating_responsiveness", "rating_responsiveness",
           numeric=True),
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Assurance"), "rating_assurance", "rating_assurance", numeric=True),
    Column(QT_TRANSLATE_NOOP(CONTEXT, "Empathy"), "rating_empathy", "rating_empathy", numeric=True),
    Column(QT_TRANSLATE_NOOP(CONTEXT, "NPS"), "nps", "nps", numeric=True),
    Column(QT_TRANSLATE_NOOP(CONTEXT, "CES"), "ces", "ces", numeric=True),
))

ALL_TABLES = (TOUCHPOINTS, PROMISES, SCRIPT_LINES, OBSERVATIONS)
