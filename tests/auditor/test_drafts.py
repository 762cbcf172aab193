"""Drafts of visits typed by hand, and saving a visit by the import's rules (real files)."""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime

import pytest

from auditor.drafts import (
    check_field,
    delete_draft,
    load_drafts,
    new_observation_key,
    promises_to_measure,
    save_draft,
    save_observation,
)
from auditor.errors import InputError, Problem
from auditor.store import Project

VISIT = {
    "touchpoint": "hotline",
    "observed_at": "2026-11-03 21:40",
    "shopper": "王芳",
    "scenario": "晚间来电",
    "transcript": "只有机器人回复，没有真人。\nSecond line.",
    "rating_tangibles": "3", "rating_reliability": "2", "rating_responsiveness": "1",
    "rating_assurance": "", "rating_empathy": None,
    "nps": "3", "ces": "",
    "measurements": {"callback_time": "两个半小时", "return_days": ""},
}


def rows(path, sql: str) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return [tuple(row) for row in connection.execute(sql)]
    finally:
        connection.close()


def test_a_draft_is_written_updated_and_deleted(base_project):
    with Project.open(base_project) as project:
        draft_id = save_draft(project, {"transcript": "客服说"})
        assert save_draft(project, {"transcript": "客服说：请稍候"}, draft_id) == draft_id
        other = save_draft(project, {"transcript": "another visit"})
    # Another connection (the next start of the app) sees both, newest first.
    with Project.open(base_project) as project:
        drafts = load_drafts(project)
        assert [d.id for d in drafts] == [other, draft_id]
        assert drafts[1].data == {"transcript": "客服说：请稍候"}
        assert drafts[1].created_at <= drafts[1].updated_at
        delete_draft(project, draft_id)
        assert [d.id for d in load_drafts(project)] == [other]


def test_a_draft_discarded_elsewhere_is_written_again_rather_than_lost(base_project):
    with Project.open(base_project) as project:
        draft_id = save_draft(project, {"transcript": "first"})
        delete_draft(project, draft_id)
        save_draft(project, {"transcript": "still typing"}, draft_id)
        assert [(d.id, d.data) for d in load_drafts(project)] == [(draft_id, {"transcript": "still typing"})]


def test_a_draft_that_is_not_json_comes_back_as_notes(base_project):
    with Project.open(base_project) as project:
        with project.transaction() as db:
            db.execute("INSERT INTO drafts (data, created_at, updated_at) VALUES ('half a {record', 'x', 'x')")
        assert load_drafts(project)[0].data == {"transcript": "half a {record"}


def test_a_valid_visit_is_stored_with_its_measurements_and_its_draft_goes(base_project):
    with Project.open(base_project) as project:
        draft_id = save_draft(project, VISIT)
        key = save_observation(project, VISIT, draft_id)
    assert re.fullmatch(r"V-\d{8}-\d{6}-\d+", key)
    stored = rows(base_project, "SELECT key, touchpoint, observed_at, shopper, transcript, rating_tangibles, "
                                "rating_assurance, rating_empathy, nps, ces FROM observations")
    assert stored == [(key, "hotline", "2026-11-03 21:40", "王芳", "只有机器人回复，没有真人。\nSecond line.",
                       3, None, None, 3, None)]
    # Same conversion as an imported cell: a number and a canonical unit, the text kept.
    assert rows(base_project, "SELECT observation, metric, value, unit, raw FROM measurements") == [
        (key, "callback_time", 2.5, "h", "两个半小时")]
    assert rows(base_project, "SELECT count(*) FROM drafts") == [(0,)]


def test_an_invalid_visit_writes_nothing_and_names_every_problem(base_project):
    bad = dict(VISIT, touchpoint="nowhere", observed_at="yesterday-ish", nps="11", rating_empathy="6",
               measurements={"callback_time": "soon"})
    with Project.open(base_project) as project:
        draft_id = save_draft(project, bad)
        with pytest.raises(InputError) as raised:
            save_observation(project, bad, draft_id)
    problems = {problem.column: problem for problem in raised.value.problems}
    assert set(problems) == {"touchpoint", "observed_at", "nps", "rating_empathy", "measure:callback_time"}
    assert all(problem.row is None for problem in problems.values())
    assert "does not exist in this project" in problems["touchpoint"].reason
    assert "not a measurement" in problems["measure:callback_time"].reason
    assert str(problems["nps"]) == "column 'nps': '11' is not an NPS score from 0 to 10"
    assert rows(base_project, "SELECT count(*) FROM observations") == [(0,)]
    assert rows(base_project, "SELECT count(*) FROM measurements") == [(0,)]
    assert rows(base_project, "SELECT id FROM drafts") == [(draft_id,)]  # the shopper's typing stays


def test_touchpoint_and_time_are_required(base_project):
    with Project.open(base_project) as project:
        with pytest.raises(InputError) as raised:
            save_observation(project, {"transcript": "text", "touchpoint": " ", "observed_at": None})
    assert raised.value.problems == [Problem(None, "touchpoint", "is empty; a value is required"),
                                     Problem(None, "observed_at", "is empty; a value is required")]


def test_a_given_key_is_used_and_never_overwrites_another_visit(base_project):
    with Project.open(base_project) as project:
        assert save_observation(project, dict(VISIT, key="V-HAND-1")) == "V-HAND-1"
        with pytest.raises(InputError) as raised:
            save_observation(project, dict(VISIT, key="V-HAND-1", transcript="something else"))
    assert raised.value.problems == [Problem(None, "key", "'V-HAND-1' is already used by another observation")]
    assert rows(base_project, "SELECT transcript FROM observations") == [(VISIT["transcript"],)]


def test_made_up_keys_are_unique_within_one_second(base_project):
    moment = datetime(2026, 11, 3, 21, 40, 5)
    with Project.open(base_project) as project:
        first = new_observation_key(project, moment)
        save_observation(project, dict(VISIT, key=first))
        second = new_observation_key(project, moment)
    assert (first, second) == ("V-20261103-214005-1", "V-20261103-214005-2")


def test_check_field_gives_the_import_reason_and_accepts_blanks():
    assert check_field("measure:wait", "90 分钟") is None
    assert check_field("measure:wait", "2 h") is None
    assert check_field("measure:wait", "   ") is None
    assert "not a measurement" in check_field("measure:wait", "a while")
    assert check_field("rating_empathy", "5") is None
    assert check_field("rating_empathy", "0") == "'0' is not a rating from 1 to 5"
    assert check_field("ces", "8") == "'8' is not a CES score from 1 to 7"
    assert check_field("observed_at", "2026-02-30 10:00") is not None


def test_promises_to_measure_are_those_of_the_touchpoint(base_project):
    with Project.open(base_project) as project:
        assert {m: [p.key for p in ps] for m, ps in promises_to_measure(project, "web").items()} == {
            "callback_time": ["P-CALLBACK"], "return_days": ["P-RETURNS"]}
        assert list(promises_to_measure(project, "chat")) == []
        assert promises_to_measure(project, None) == {}
