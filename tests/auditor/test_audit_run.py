"""The audit on the sample brand: its JSON, its evidence, its findings, and reviews that last."""

from __future__ import annotations

import json
import sqlite3

import pytest

from auditor import cli
from auditor.audit import audit_steps, run_audit
from auditor.errors import Cancelled
from auditor.findings import load_findings, review_finding
from auditor.importer import import_file
from auditor.sample import load_sample
from auditor.store import Project


def _transcripts(path) -> dict[str, str]:
    with sqlite3.connect(path) as conn:
        return dict(conn.execute("SELECT key, coalesce(transcript, '') FROM observations"))


def _script_texts(path) -> dict[str, str]:
    with sqlite3.connect(path) as conn:
        return dict(conn.execute("SELECT key, text FROM script_lines"))


def test_audit_json_has_the_shape_of_the_contract(audited):
    assert set(audited) == {"run", "checks", "findings", "metrics"}
    assert set(audited["run"]) == {"id", "started_at", "from", "to", "settings"}
    assert audited["checks"] and audited["findings"]
    for check in audited["checks"]:
        assert set(check) == {"observation", "touchpoint", "target_type", "target", "verdict", "kind", "score",
                              "evidence", "reason"}
        assert check["verdict"] in ("kept", "broken", "review")
    for finding in audited["findings"]:
        assert set(finding) == {"id", "kind", "verdict", "severity", "observation", "touchpoint", "promise",
                                "script_line", "expected", "observed", "evidence", "status"}
        assert 1 <= finding["severity"] <= 5 and finding["verdict"] in ("broken", "review")
    metrics = audited["metrics"]
    for key in ("consistency_index", "promise_keeping_rate", "script_adherence", "nps", "by_touchpoint",
                "by_promise"):
        assert key in metrics
    assert 0 <= metrics["consistency_index"] <= 100


def test_every_kind_the_sample_plants_is_found(audited):
    kinds = {finding["kind"] for finding in audited["findings"] if finding["verdict"] == "broken"}
    assert kinds == {"broken_promise", "missing_phrase", "forbidden_phrase", "inconsistent_claim",
                     "uncovered_promise", "duplicate_transcript"}


@pytest.mark.parametrize("kind, observation, target, quoted", [
    ("broken_promise", "V-005", "P-24H", "机器人"),
    ("broken_promise", "V-012", "P-24H", "機械人"),  # Hong Kong's word for a robot, found through the cue 机器人
    ("broken_promise", "V-035", "P-24H", "nobody picked up"),
    ("forbidden_phrase", "V-016", "S-14", "That's not my problem"),
    ("forbidden_phrase", "V-032", "S-18", "沒辦法"),
    ("forbidden_phrase", "V-024", "S-09", "我们会尽快处理"),
])
def test_planted_breaches_are_found_with_the_words_that_show_them(audited, kind, observation, target, quoted):
    found = [f for f in audited["findings"] if f["kind"] == kind and f["observation"] == observation
             and target in (f["promise"], f["script_line"])]
    assert found and found[0]["evidence"]["text"] == quoted


def test_planted_inconsistencies_duplicates_and_uncovered_promises(audited):
    findings = audited["findings"]
    inconsistent = {(f["touchpoint"], f["promise"], f["evidence"]["text"]) for f in findings
                    if f["kind"] == "inconsistent_claim"}
    assert ("sh-xintiandi", "P-RET30", "7天") in inconsistent
    assert ("hk-causeway", "P-RET30", "14日") in inconsistent  # unlinked line, Traditional, 日
    assert ("app", "P-DEL48", "72小时") in inconsistent
    assert ("chat", "P-CB15", "2 hours") in inconsistent
    uncovered = {(f["touchpoint"], f["promise"]) for f in findings if f["kind"] == "uncovered_promise"}
    assert {("hotline", "P-RET30"), ("chat", "P-RET30"), ("hk-causeway", "P-QUEUE5")} <= uncovered
    duplicates = [f for f in findings if f["kind"] == "duplicate_transcript"]
    assert [f["observation"] for f in duplicates] == ["V-061"]


@pytest.mark.parametrize("observation, target", [
    ("V-015", "P-24H"),  # "a real person answered, not a bot"
    ("V-076", "P-24H"),  # 不是机器人
    ("V-043", "P-QUEUE5"),  # 没有让我等
    ("V-059", "P-24H"),  # "robot vacuum" is a product
    ("V-021", "S-14"),  # "No problem" is not "That's not my problem"
])
def test_the_sample_traps_are_not_flagged(audited, observation, target):
    assert not [f for f in audited["findings"] if f["observation"] == observation and f["verdict"] == "broken"
                and (f["script_line"] == target or f["kind"] == "broken_promise" and f["promise"] == target)]


def test_every_evidence_span_points_into_the_original_text(audited, sample):
    transcripts, scripts = _transcripts(sample), _script_texts(sample)
    quoted = [*audited["checks"], *audited["findings"]]
    assert sum(1 for item in quoted if item["evidence"]) > 50
    for item in quoted:
        evidence = item["evidence"]
        if not evidence:
            continue
        source = transcripts[item["observation"]] if item["observation"] else scripts[
            item.get("script_line") or item["target"]]
        assert source[evidence["start"]:evidence["end"]] == evidence["text"]


def test_a_period_limits_the_observations(sample, tmp_path):
    with Project.open(sample) as project:
        result = run_audit(project, period_from="2026-10-01", period_to="2026-10-31")
        checks = result.checks
    assert result.metrics["counts"]["observations"] == 37  # the sample's October visits
    assert all("2026-10-01" <= c.observed_at[:10] <= "2026-10-31" for c in checks if c.observed_at)
    assert len({c.observation for c in checks if c.observation}) == 37


def test_decisions_survive_a_rerun_and_a_changed_transcript_is_a_new_finding(sample, tmp_path, capsys):
    path = tmp_path / "review.btaproj"
    with Project.open(path, create=True) as project:
        load_sample(project)
        first = run_audit(project)
        robot = next(f for f in first.findings if f.observation == "V-005" and f.promise == "P-24H")
        forbidden = next(f for f in first.findings if f.observation == "V-016")
        review_finding(project, robot.id, "dismissed", note="line was down that night", reviewer="Mei")
        review_finding(project, forbidden.id, "confirmed", reviewer="Mei")
        by_id = {f.id: f for f in run_audit(project).findings}
    assert by_id[robot.id].status == "dismissed" and by_id[forbidden.id].status == "confirmed"

    assert cli.main(["findings", str(path)]) == 0
    listed = capsys.readouterr().out
    assert robot.id not in listed and forbidden.id in listed and "dismissed not shown" in listed
    assert cli.main(["findings", str(path), "--all"]) == 0
    assert robot.id in capsys.readouterr().out

    changed = tmp_path / "v005.csv"
    changed.write_text("key,touchpoint,observed_at,transcript\n"
                       "V-005,hotline,2026-09-03 23:10,Called at 23:10. 还是只有机器人回复，等了很久。\n",
                       encoding="utf-8")
    with Project.open(path) as project:
        import_file(project, "observations", changed)
        third = run_audit(project).findings
        stored = load_findings(project)
    fresh = [f for f in third if f.observation == "V-005" and f.promise == "P-24H"]
    assert fresh and fresh[0].id != robot.id and fresh[0].status == "new"
    assert {f.id for f in stored} == {f.id for f in third}


def test_a_cancelled_audit_stores_nothing(sample):
    with Project.open(sample) as project:
        before = project.counts()
        with pytest.raises(Cancelled):
            run_audit(project, is_cancelled=lambda: True)
        assert project.counts() == before


def test_progress_rises_to_the_total(sample):
    with Project.open(sample) as project:
        steps = list(_drain(audit_steps(project)))
    assert steps[0] == (0, 80) and steps[-1] == (80, 80)
    assert [done for done, _ in steps] == sorted(done for done, _ in steps)


def _drain(generator):
    try:
        while True:
            yield next(generator)
    except StopIteration:
        return


def test_terminal_summary_and_filters(sample, capsys):
    assert cli.main(["audit", str(sample)]) == 0
    out = capsys.readouterr().out
    assert "Consistency index" in out and "broken_promise" in out
    assert cli.main(["findings", str(sample), "--kind", "missing_phrase", "--json"]) == 0
    kinds = {f["kind"] for f in json.loads(capsys.readouterr().out)}
    assert kinds == {"missing_phrase"}
    assert cli.main(["findings", str(sample), "--run", "999"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no audit run 999" in err
    assert cli.main(["audit", str(sample), "--from", "2026-13-01"]) == 2


def test_an_empty_project_audits_to_nothing(tmp_path, capsys):
    path = tmp_path / "empty.btaproj"
    Project.open(path, create=True).close()
    assert cli.main(["audit", str(path)]) == 0
    out = capsys.readouterr().out
    assert "0 observations" in out and "n/a" in out


def test_a_sum_charged_for_a_free_promise_is_found_by_the_whole_audit(tmp_path):
    """The batch keeps a promise quiet when none of its cues is near; a sum the visit says
    was charged for what the promise gives free must still reach its check (auditor.charged)."""
    files = {
        "touchpoints": "key,name,channel\nci,Check-in counter,store\n",
        "promises": "key,text,touchpoints,breach_cues\n"
                    "P-SEAT,CraneClub members choose their seat free. 会员免费选座,ci,seat fee;选座费\n",
        "observations": "key,touchpoint,observed_at,transcript\n"
                        "V-1,ci,2026-11-02,I asked for a window seat and paid HK$120 for it although I am a member.\n"
                        "V-2,ci,2026-11-03,我是会员，选座免费；同事不是会员，选座被收NT$250。\n"
                        "V-3,ci,2026-11-04,Window seat given at no charge; members choose free.\n",
    }
    path = tmp_path / "p.btaproj"
    with Project.open(path, create=True) as project:
        for kind, text in files.items():
            (tmp_path / f"{kind}.csv").write_text(text, encoding="utf-8")
            import_file(project, kind, tmp_path / f"{kind}.csv")
        run_audit(project)
        broken = {(row["observation"], row["reason"]) for row in project.db.query(
            "SELECT observation, reason FROM checks WHERE verdict = 'broken' AND observation IS NOT NULL")}
    assert broken == {("V-1", "charged 120 HKD, though the promise is free")}
