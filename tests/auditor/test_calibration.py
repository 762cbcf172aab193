"""Threshold calibration from reviewers' decisions, on the sample brand audited for real."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.audit import run_audit
from auditor.calibration import (
    CANDIDATE_THRESHOLDS,
    Decision,
    apply_line_threshold,
    calibrate,
    evaluate,
)
from auditor.errors import AuditorError
from auditor.findings import review_finding
from auditor.sample import load_sample
from auditor.store import Project, now_iso

# Chat transcripts near the forbidden line S-14 "That's not my problem.", with the bands
# their scores fall in at the default thresholds (match 85, review 70).
NEAR_MISSES = {
    "X-POLITE": "Agent: that's not a problem",  # ~93: broken, but polite -> dismissed
    "X-OUR": "Agent: that's not our problem",  # ~88: broken -> confirmed
    "X-THIS": "Agent: this is not my problem",  # ~84: review band -> confirmed
    "X-DEPT": "Agent: that's not my department",  # ~76: review band -> dismissed
}
# A hotline call transcribed by speech-to-text, near the required lines S-06 (~80) and S-07 (~73).
STT = ("X-STT", "hotline", "语音转写：您好欢迎致电傲瑞利亚24小时真人客服热线。如果今天解决不了我们会在15分中内给您回电。")


def _finding(project: Project, observation: str, line: str) -> dict:
    return next(project.db.query(
        "SELECT f.fingerprint, f.verdict, c.score FROM findings f JOIN checks c ON c.run = f.run "
        "AND c.observation = f.observation AND c.target = f.script_line "
        "WHERE f.run = (SELECT max(id) FROM audit_runs) AND f.observation = ? AND f.script_line = ?",
        [observation, line]))


def _review(project: Project, observation: str, line: str, status: str) -> None:
    review_finding(project, _finding(project, observation, line)["fingerprint"], status)


@pytest.fixture
def project(tmp_path: Path):
    with Project.open(tmp_path / "calibration.btaproj", create=True) as opened:
        load_sample(opened)
        with opened.transaction() as db:
            for key, touchpoint, text in [(key, "chat", text) for key, text in NEAR_MISSES.items()] + [STT]:
                db["observations"].insert({"key": key, "touchpoint": touchpoint, "observed_at": "2026-09-20 10:00",
                                           "transcript": text, "updated_at": now_iso()})
        run_audit(opened, workers=1)
        yield opened


@pytest.fixture
def reviewed(project: Project) -> Project:
    # S-14 (forbidden): scores ~100 C, ~93 D, ~88 C, ~84 C, ~76 D.
    for observation, status in (("V-016", "confirmed"), ("X-POLITE", "dismissed"), ("X-OUR", "confirmed"),
                                ("X-THIS", "confirmed"), ("X-DEPT", "dismissed")):
        _review(project, observation, "S-14", status)
    # S-06 (required): V-035 and V-005 not found at all (no score), X-STT partly (~80).
    for observation, status in (("V-035", "confirmed"), ("V-005", "confirmed"), ("X-STT", "dismissed")):
        _review(project, observation, "S-06", status)
    # S-07 (required): only two decisions -> no suggestion.
    _review(project, "V-005", "S-07", "confirmed")
    _review(project, "X-STT", "S-07", "dismissed")
    return project


def _by_key(calibrations):
    return {(c.target_type, c.key): c for c in calibrations}


def test_near_misses_score_in_the_bands_the_hand_computation_assumes(project):
    bands = {key: _finding(project, key, "S-14") for key in NEAR_MISSES}
    assert 90 <= bands["X-POLITE"]["score"] < 95 and bands["X-POLITE"]["verdict"] == "broken"
    assert 85 <= bands["X-OUR"]["score"] < 90 and bands["X-OUR"]["verdict"] == "broken"
    assert 80 <= bands["X-THIS"]["score"] < 85 and bands["X-THIS"]["verdict"] == "review"
    assert 75 <= bands["X-DEPT"]["score"] < 80 and bands["X-DEPT"]["verdict"] == "review"
    assert _finding(project, "V-016", "S-14")["score"] == 100


def test_forbidden_line_precision_and_recall_by_hand(reviewed):
    line = _by_key(calibrate(reviewed))[("script_line", "S-14")]
    assert line.kind == "forbidden_phrase" and line.current == 85 and line.own_threshold is None
    assert (line.confirmed, line.dismissed) == (3, 2)
    curve = {p.threshold: p for p in line.points}
    assert list(curve) == list(CANDIDATE_THRESHOLDS)
    # Raised when score >= t.  (raised, TP, FP, FN, precision, recall)
    expected = {
        60: (5, 3, 2, 0, 3 / 5, 1.0), 75: (5, 3, 2, 0, 3 / 5, 1.0),
        80: (4, 3, 1, 0, 3 / 4, 1.0),  # the ~76 false alarm drops out
        85: (3, 2, 1, 1, 2 / 3, 2 / 3),  # the ~84 real one is missed
        90: (2, 1, 1, 2, 1 / 2, 1 / 3),
        95: (1, 1, 0, 2, 1.0, 1 / 3), 100: (1, 1, 0, 2, 1.0, 1 / 3),
    }
    for threshold, (raised, tp, fp, fn, precision, recall) in expected.items():
        point = curve[threshold]
        assert (point.raised, point.true_positives, point.false_positives, point.false_negatives) == (raised, tp, fp, fn)
        assert point.precision == pytest.approx(precision) and point.recall == pytest.approx(recall)
    assert curve[80].f1 == pytest.approx(2 * 0.75 / 1.75)
    assert line.suggested == 80  # best F1
    assert line.at(line.current) == curve[85]


def test_required_line_goes_the_other_way(reviewed):
    line = _by_key(calibrate(reviewed))[("script_line", "S-06")]
    assert line.kind == "missing_phrase"
    assert sum(d.always for d in line.decisions) == 2  # no score: raised at every threshold
    curve = {p.threshold: p for p in line.points}
    # Raised when score < t: the dismissed ~80 is raised only from 85 up.
    assert (curve[80].true_positives, curve[80].false_positives, curve[80].precision, curve[80].recall) == (2, 0, 1.0, 1.0)
    assert (curve[85].true_positives, curve[85].false_positives) == (2, 1)
    assert curve[85].precision == pytest.approx(2 / 3) and curve[85].recall == 1.0
    # F1 = 1 from 60 to 80: the closest to the current 85 is suggested (lower: the line was said).
    assert line.suggested == 80


def test_a_suggestion_needs_three_decisions(reviewed):
    calibrations = _by_key(calibrate(reviewed))
    assert len(calibrations[("script_line", "S-07")].decisions) == 2
    assert calibrations[("script_line", "S-07")].suggested is None
    assert calibrations[("script_line", "S-07")].points  # the curve is still shown
    assert ("script_line", "S-01") not in calibrations  # no decisions, no row


def test_breach_cues_are_one_group_per_promise_at_the_project_threshold(reviewed):
    rows = reviewed.db.query("SELECT fingerprint, observation, promise FROM findings WHERE kind = 'broken_promise' "
                             "AND run = (SELECT max(id) FROM audit_runs) AND promise IN ('P-24H', 'P-CB15')")
    for row in rows:  # P-24H is broken by cues, P-CB15 only by measurements
        review_finding(reviewed, row["fingerprint"], "dismissed" if row["observation"] == "V-012" else "confirmed")
    reviewed.set_setting("match_threshold", 90)
    calibrations = _by_key(calibrate(reviewed))
    cues = calibrations[("promise", "P-24H")]
    assert cues.kind == "broken_promise" and cues.current == 90 and not cues.can_apply
    assert len(cues.decisions) == 4 and cues.dismissed == 1
    assert "nobody picked up" in cues.text
    assert ("promise", "P-CB15") not in calibrations  # measured breaches do not depend on a threshold
    assert calibrations[("script_line", "S-14")].current == 90  # lines without their own follow the project


def test_evaluate_directions_on_plain_scores():
    found = [Decision("a", None, "forbidden_phrase", 90, True), Decision("b", None, "forbidden_phrase", 70, False)]
    assert evaluate("forbidden_phrase", found, 75).false_positives == 0  # raising removes the false alarm
    assert evaluate("forbidden_phrase", found, 65).false_positives == 1
    missing = [Decision("a", None, "missing_phrase", None, True, always=True),
               Decision("b", None, "missing_phrase", 80, False)]
    assert evaluate("missing_phrase", missing, 75).false_positives == 0  # lowering removes it
    assert evaluate("missing_phrase", missing, 85).false_positives == 1
    assert evaluate("missing_phrase", missing, 60).true_positives == 1


def test_no_run_no_calibration(tmp_path):
    with Project.open(tmp_path / "empty.btaproj", create=True) as empty:
        assert calibrate(empty) == []
        with pytest.raises(AuditorError):
            calibrate(empty, run_id=7)


def test_apply_and_restore(reviewed):
    assert apply_line_threshold(reviewed, "S-14", 95) is None
    assert reviewed.db.execute("SELECT match_threshold FROM script_lines WHERE key = 'S-14'").fetchone()[0] == 95
    line = _by_key(calibrate(reviewed))[("script_line", "S-14")]
    assert line.current == 95 and line.own_threshold == 95
    assert apply_line_threshold(reviewed, "S-14", None) == 95
    assert reviewed.db.execute("SELECT match_threshold FROM script_lines WHERE key = 'S-14'").fetchone()[0] is None
    with pytest.raises(AuditorError):
        apply_line_threshold(reviewed, "S-99", 80)
    with pytest.raises(AuditorError):
        apply_line_threshold(reviewed, "S-14", 120)


def test_rerun_uses_the_line_threshold(reviewed):
    polite = _finding(reviewed, "X-POLITE", "S-14")
    assert polite["verdict"] == "broken"
    apply_line_threshold(reviewed, "S-14", 95)  # above the dismissed false alarm's ~93
    run_audit(reviewed, workers=1)
    after = _finding(reviewed, "X-POLITE", "S-14")
    # No longer raised as broken: it falls to the review band, and keeps its dismissal.
    assert after["fingerprint"] == polite["fingerprint"] and after["verdict"] == "review"
    assert reviewed.db.execute("SELECT status FROM reviews WHERE fingerprint = ?",
                               [polite["fingerprint"]]).fetchone()[0] == "dismissed"
    assert _finding(reviewed, "V-016", "S-14")["verdict"] == "broken"  # the exact one stays broken
    broken = reviewed.db.execute("SELECT count(*) FROM findings WHERE run = (SELECT max(id) FROM audit_runs) "
                                 "AND script_line = 'S-14' AND verdict = 'broken'").fetchone()[0]
    assert broken == 1
    # Calibrating the new run sees the new threshold and the same decisions.
    line = _by_key(calibrate(reviewed))[("script_line", "S-14")]
    assert line.current == 95 and len(line.decisions) == 5
