"""A shopper's ticks for script lines (said / not said / n/a): stored with the visit, and in
the audit an explicit answer outranks fuzzy matching of the transcript."""

from __future__ import annotations

import pytest

from auditor.audit import run_audit
from auditor.drafts import save_observation
from auditor.errors import InputError
from auditor.store import Project


def _tick(project: Project, observation: str, answers: dict[str, str]) -> None:
    with project.transaction() as db:
        db.conn.executemany("INSERT INTO script_answers (observation, script_line, answer) VALUES (?, ?, ?)",
                            [(observation, line, answer) for line, answer in answers.items()])


def _checks(result, observation: str, line: str):
    return [c for c in result.checks if c.observation == observation and c.target == line]


def test_a_visit_is_saved_with_its_ticks(project):
    key = save_observation(project, {"touchpoint": "hotline", "observed_at": "2026-11-01 10:00",
                                     "transcript": "Greeted in Chinese.", "script_answers": {
                                         "S-06": "said", "S-07": "not_said", "S-08": "na", "S-09": ""}})
    stored = dict(project.db.execute("SELECT script_line, answer FROM script_answers WHERE observation = ?", [key]))
    assert stored == {"S-06": "said", "S-07": "not_said", "S-08": "na"}


@pytest.mark.parametrize("answers, message", [
    ({"S-06": "maybe"}, "not said, not_said or na"),
    ({"S-14": "said"}, "not a script line of hotline"),  # S-14 belongs to the chat
])
def test_a_wrong_tick_is_refused_and_nothing_is_written(project, answers, message):
    before = project.counts()
    with pytest.raises(InputError) as refused:
        save_observation(project, {"touchpoint": "hotline", "observed_at": "2026-11-01 10:00",
                                   "transcript": "x", "script_answers": answers})
    assert message in str(refused.value.problems[0].reason)
    assert project.counts() == before


def test_the_tick_outranks_the_transcript(project):
    # V-016 (chat) says the forbidden "That's not my problem"; V-005 (hotline) never gives the greeting S-06.
    before = run_audit(project, workers=1)
    assert [c.verdict for c in _checks(before, "V-016", "S-14")] == ["broken"]
    assert [c.verdict for c in _checks(before, "V-005", "S-06")] == ["broken"]
    _tick(project, "V-016", {"S-14": "not_said"})  # the shopper says: it was not said (the transcript is wrong)
    _tick(project, "V-005", {"S-06": "said", "S-07": "na"})
    after = run_audit(project, workers=1)
    (forbidden,) = _checks(after, "V-016", "S-14")
    assert forbidden.verdict == "kept" and "ticked" in forbidden.reason
    (greeting,) = _checks(after, "V-005", "S-06")
    assert greeting.verdict == "kept" and "ticked it as said" in greeting.reason
    assert _checks(after, "V-005", "S-07") == []  # not applicable: no check at all
    assert not [f for f in after.findings if (f.observation, f.script_line) in (("V-016", "S-14"), ("V-005", "S-06"))]


def test_a_tick_of_not_said_breaks_a_required_line_even_without_a_transcript(project):
    key = save_observation(project, {"touchpoint": "hotline", "observed_at": "2026-11-02 10:00",
                                     "script_answers": {"S-06": "not_said"}})
    result = run_audit(project, workers=1)
    (check,) = _checks(result, key, "S-06")
    assert (check.verdict, check.kind) == ("broken", "missing_phrase")
    finding = next(f for f in result.findings if f.observation == key and f.script_line == "S-06")
    assert finding.observed == "not said (ticked by the shopper)"
