"""A mystery shopper's visit while it is typed, and the visit saved by hand (SPEC §8).

A *draft* is the entry form's content as plain JSON: the observation's fields as typed
(text, not yet checked) and ``measurements`` as metric -> text (``"2 h"``, ``"90 分钟"``).
Drafts are written on every change, each in one short transaction, so a crash or a
killed process loses at most the last moments of typing; they stay until the visit is
saved or the shopper discards them.

A visit typed by hand is checked by exactly the import's rules
(:func:`auditor.importer.check_record`), so the form accepts what a file would.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from auditor import values
from auditor.attachments import attach, discard_staged
from auditor.errors import InputError, Problem
from auditor.fields import FORMATS, field_of
from auditor.importer import check_record
from auditor.records import Promise, load_promises
from auditor.schema import SCRIPT_ANSWERS
from auditor.store import Project, now_iso

# The observation fields a draft holds, in the order of the entry form.
OBSERVATION_FIELDS = tuple(spec.name for spec in FORMATS["observations"])
RATING_FIELDS = ("rating_tangibles", "rating_reliability", "rating_responsiveness", "rating_assurance",
                 "rating_empathy")
MEASURE_PREFIX = "measure:"


@dataclass(frozen=True)
class Draft:
    id: int
    data: dict
    created_at: str
    updated_at: str


def save_draft(project: Project, data: Mapping[str, object], draft_id: int | None = None) -> int:
    """Write the draft (a new one, or over ``draft_id``) in one short transaction; return its id."""
    text = json.dumps(dict(data), ensure_ascii=False)
    stamp = now_iso()
    with project.transaction() as db:
        if draft_id is None:
            cursor = db.execute("INSERT INTO drafts (data, created_at, updated_at) VALUES (?, ?, ?)",
                                [text, stamp, stamp])
            return int(cursor.lastrowid)
        # Written even if the row is gone (discarded elsewhere): what was typed is kept.
        db.execute("INSERT INTO drafts (id, data, created_at, updated_at) VALUES (?, ?, ?, ?) "
                   "ON CONFLICT(id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
                   [draft_id, text, stamp, stamp])
        return draft_id


def load_drafts(project: Project) -> list[Draft]:
    """Every unsaved draft, the most recently changed first."""
    rows = project.db.execute("SELECT id, data, created_at, updated_at FROM drafts ORDER BY updated_at DESC, id DESC")
    return [Draft(row[0], _draft_data(row[1]), row[2], row[3]) for row in rows]


def delete_draft(project: Project, draft_id: int) -> None:
    with project.transaction() as db:
        db.execute("DELETE FROM drafts WHERE id = ?", [draft_id])


def _draft_data(text: str) -> dict:
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    # A draft this app did not write whole is still somebody's typing: keep it as notes.
    return data if isinstance(data, dict) else {"transcript": text}


def check_field(name: str, text: object) -> str | None:
    """Why one typed value is not acceptable (the import's reason), or None if it is.

    ``name`` is an observation field or ``measure:<metric>``; blank is always fine here
    (whether a value is required is decided when the visit is saved).
    """
    if text is None or not str(text).strip():
        return None
    parse = values.parse_measurement if name.startswith(MEASURE_PREFIX) else field_of("observations", name).parse
    try:
        parse(text)
    except ValueError as error:
        return str(error)
    return None


def promises_to_measure(project: Project, touchpoint: str | None) -> dict[str, list[Promise]]:
    """metric -> the measurable promises with that metric that apply to ``touchpoint``."""
    found: dict[str, list[Promise]] = {}
    for promise in load_promises(project):
        if touchpoint and promise.metric and promise.applies_to(touchpoint):
            found.setdefault(promise.metric, []).append(promise)
    return found


def new_observation_key(project: Project, moment: datetime | None = None) -> str:
    """``V-20261103-214000-1``: unique in the project (the number counts up if needed)."""
    stem = f"V-{(moment or datetime.now()).strftime('%Y%m%d-%H%M%S')}"
    number = 1
    while project.db.execute("SELECT 1 FROM observations WHERE key = ?", [f"{stem}-{number}"]).fetchone():
        number += 1
    return f"{stem}-{number}"


def save_observation(project: Project, data: Mapping[str, object], draft_id: int | None = None) -> str:
    """Check one visit typed by hand and store it with its measurements; return its key.

    ``data`` has the shape of a draft. A key is made up when none is given. In the same
    transaction the draft ``draft_id`` is deleted, so a visit is never both saved and
    pending. Raises :class:`InputError` (nothing written) with every problem.
    """
    cells: dict[str, object] = {name: data.get(name) for name in OBSERVATION_FIELDS}
    measurements = data.get("measurements") or {}
    for metric, text in dict(measurements).items():  # type: ignore[call-overload]
        cells[f"{MEASURE_PREFIX}{metric}"] = text
    staged = list(data.get("attachments") or [])
    with project.transaction() as db:
        if not cells.get("key") or not str(cells["key"]).strip():
            cells["key"] = new_observation_key(project)
        record, problems = check_record(project, "observations", cells)
        key = record.get("key")
        if key and not problems and db.execute("SELECT 1 FROM observations WHERE key = ?", [key]).fetchone():
            problems.append(Problem(None, "key", f"'{key}' is already used by another observation"))
        if problems:
            raise InputError("This visit", problems)
        columns = (*OBSERVATION_FIELDS, "updated_at")
        db.execute(f"INSERT INTO observations ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
                   [*(record[name] for name in OBSERVATION_FIELDS), now_iso()])
        db.conn.executemany("INSERT INTO measurements (observation, metric, value, unit, raw) VALUES (?, ?, ?, ?, ?)",
                            [(key, *measurement) for measurement in record["measurements"]])
        answers = _script_answers(db, data.get("script_answers"), record["touchpoint"])
        db.conn.executemany("INSERT INTO script_answers (observation, script_line, answer) VALUES (?, ?, ?)",
                            [(key, line, answer) for line, answer in answers.items()])
        attach(project, key, staged, db=db)  # the files are added to the visit's folder; rows in this transaction
        if draft_id is not None:
            db.execute("DELETE FROM drafts WHERE id = ?", [draft_id])
    discard_staged(project, staged)  # only after the commit: a failed save keeps the pending copies
    return str(key)


def _script_answers(db, answers: object, touchpoint: str) -> dict[str, str]:
    """The shopper's ticks for the touchpoint's script lines (blank ones left out); a line
    of another touchpoint or an unknown answer is a problem, not silently dropped."""
    if not answers:
        return {}
    if not isinstance(answers, Mapping):
        raise InputError("This visit", [Problem(None, "script_answers", "must map script lines to answers")])
    lines = {key for (key,) in db.execute("SELECT key FROM script_lines WHERE touchpoint = ?", [touchpoint])}
    chosen, problems = {}, []
    for line, answer in answers.items():
        if not answer:
            continue
        if answer not in SCRIPT_ANSWERS:
            problems.append(Problem(None, f"script line {line}", f"'{answer}' is not said, not_said or na"))
        elif line not in lines:
            problems.append(Problem(None, f"script line {line}", f"is not a script line of {touchpoint}"))
        else:
            chosen[str(line)] = str(answer)
    if problems:
        raise InputError("This visit", problems)
    return chosen
