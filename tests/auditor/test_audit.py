"""The audit of the sample brand (resources/sample), end to end: the JSON of SPEC §4, the
planted gaps and traps of resources/sample/README.md, evidence that points into the
original text, periods and validity windows, reviews that last, cancelling, the terminal.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import sqlite3
from pathlib import Path

import pytest

from auditor import cli
from auditor.runs import QUIET_PROMISE_REASON
from auditor.audit import audit_steps, run_audit
from auditor.errors import AuditorError, Cancelled
from auditor.findings import load_findings, review_finding
from auditor.importer import import_file
from auditor.sample import load_sample
from auditor.store import Project
from resources import resource_path

RUN_KEYS = {"id", "started_at", "from", "to", "settings"}
CHECK_KEYS = {"observation", "touchpoint", "target_type", "target", "verdict", "kind", "score", "evidence", "reason"}
FINDING_KEYS = {"id", "kind", "verdict", "severity", "observation", "touchpoint", "promise", "script_line", "expected",
                "observed", "evidence", "status"}
METRIC_KEYS = {"consistency_index", "promise_keeping_rate", "script_adherence", "nps", "by_touchpoint", "by_promise"}
KINDS = {"broken_promise", "missing_phrase", "forbidden_phrase", "inconsistent_claim", "uncovered_promise",
         "duplicate_transcript"}

# The planted per-observation gaps of resources/sample/README.md: (kind, observation, target).
PLANTED_BROKEN_PROMISES = {
    ("V-005", "P-24H"), ("V-007", "P-RET30"), ("V-009", "P-24H"), ("V-011", "P-QUEUE5"), ("V-012", "P-24H"),
    ("V-018", "P-CB15"), ("V-020", "P-DEL48"), ("V-022", "P-PRICE"), ("V-025", "P-RET30"), ("V-026", "P-DEL48"),
    ("V-027", "P-CB15"), ("V-030", "P-QUEUE5"), ("V-032", "P-RET30"), ("V-035", "P-24H"), ("V-036", "P-DEMO"),
    ("V-037", "P-QUEUE5"), ("V-037", "P-RET30"), ("V-038", "P-CHAT1M"), ("V-041", "P-RET30"), ("V-042", "P-CB15"),
    ("V-045", "P-ADV1H"), ("V-047", "P-RET30"), ("V-050", "P-INSTALL"), ("V-051", "P-ADV1H"), ("V-054", "P-PRICE"),
    ("V-054", "P-RET30"), ("V-059", "P-DEMO"), ("V-059", "P-RET30"), ("V-068", "P-RET30"), ("V-071", "P-RET30"),
}
PLANTED_FORBIDDEN = {("V-016", "S-14"), ("V-022", "S-24"), ("V-024", "S-09"), ("V-025", "S-28"), ("V-032", "S-18")}
PLANTED_MISSING = {
    ("V-005", "S-06"), ("V-005", "S-07"), ("V-005", "S-08"), ("V-009", "S-10"), ("V-009", "S-11"), ("V-009", "S-12"),
    ("V-012", "S-15"), ("V-012", "S-16"), ("V-012", "S-17"), ("V-016", "S-12"), ("V-022", "S-22"), ("V-024", "S-07"),
    ("V-024", "S-08"), ("V-032", "S-16"), ("V-032", "S-17"), ("V-035", "S-06"), ("V-035", "S-07"), ("V-035", "S-08"),
    ("V-054", "S-27"), ("V-063", "S-01"), ("V-066", "S-15"), ("V-066", "S-16"), ("V-066", "S-17"),
}
PLANTED = ({("broken_promise", *pair) for pair in PLANTED_BROKEN_PROMISES}
           | {("forbidden_phrase", *pair) for pair in PLANTED_FORBIDDEN}
           | {("missing_phrase", *pair) for pair in PLANTED_MISSING})


@pytest.fixture
def fresh_sample(tmp_path) -> Path:
    path = tmp_path / "fresh.btaproj"
    with Project.open(path, create=True) as project:
        load_sample(project)
    return path


def _query(path: Path, sql: str, params=()) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def _transcripts(path: Path) -> dict[str, str]:
    return dict(_query(path, "SELECT key, coalesce(transcript, '') FROM observations"))


def _script_texts(path: Path) -> dict[str, str]:
    return dict(_query(path, "SELECT key, text FROM script_lines"))


def _run_counts(path: Path) -> tuple[int, int, int]:
    return tuple(_query(path, f"SELECT count(*) FROM {table}")[0][0] for table in ("audit_runs", "checks", "findings"))


def _audit_json(path: Path, *options: str) -> dict:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(["audit", str(path), "--json", *options]) == 0
    return json.loads(out.getvalue())


def _target(item: dict) -> str | None:
    """The promise or script line a per-observation finding is about."""
    return item["script_line"] if item["kind"] in ("missing_phrase", "forbidden_phrase") else item["promise"]


def _checks_of(audited: dict, observation: str, target: str) -> list[dict]:
    return [c for c in audited["checks"] if c["observation"] == observation and c["target"] == target]


def _drain(steps):
    """Every (done, total) of an audit_steps generator, and its result."""
    progress = []
    try:
        while True:
            progress.append(next(steps))
    except StopIteration as stop:
        return progress, stop.value


# -- the JSON of SPEC §4 ----------------------------------------------------------------


def test_audit_json_has_exactly_the_shape_of_the_contract(sample, capsys):
    assert cli.main(["audit", str(sample), "--json"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    data = json.loads(captured.out)  # one JSON object, nothing else on stdout
    assert set(data) == {"run", "checks", "findings", "metrics"}
    assert set(data["run"]) == RUN_KEYS
    assert isinstance(data["run"]["id"], int) and data["run"]["from"] is None and data["run"]["to"] is None
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", data["run"]["started_at"])
    assert isinstance(data["run"]["settings"], dict)
    assert data["checks"] and data["findings"]
    for check in data["checks"]:
        assert set(check) == CHECK_KEYS
        assert check["verdict"] in ("kept", "broken", "review") and check["kind"] in KINDS
        assert check["target_type"] in ("promise", "script_line", "observation")
        assert check["score"] is None or 0 <= check["score"] <= 100
        assert check["evidence"] is None or set(check["evidence"]) == {"text", "start", "end"}
        assert isinstance(check["reason"], str) and check["reason"]
    for finding in data["findings"]:
        assert set(finding) == FINDING_KEYS
        assert finding["kind"] in KINDS and finding["verdict"] in ("broken", "review")
        assert finding["status"] == "new" and 1 <= finding["severity"] <= 5
        assert isinstance(finding["id"], str) and finding["id"]
        assert finding["evidence"] is None or set(finding["evidence"]) == {"text", "start", "end"}
    assert len({f["id"] for f in data["findings"]}) == len(data["findings"])  # fingerprints are unique
    metrics = data["metrics"]
    assert METRIC_KEYS <= set(metrics)
    assert 0 <= metrics["consistency_index"] <= 100
    assert 0 <= metrics["promise_keeping_rate"] <= 1 and 0 <= metrics["script_adherence"] <= 1
    assert -100 <= metrics["nps"] <= 100
    assert set(metrics["by_touchpoint"]) == {"web", "app", "hotline", "chat", "hk-hotline", "sh-jingan",
                                             "sh-xintiandi", "hk-causeway"}
    assert {"P-24H", "P-CB15", "P-RET30", "P-DEL48"} <= set(metrics["by_promise"])


def test_the_json_run_is_the_stored_run(sample, audited):
    stored = _query(sample, "SELECT id, started_at, period_from, period_to FROM audit_runs WHERE id = ?",
                    [audited["run"]["id"]])
    assert stored == [(audited["run"]["id"], audited["run"]["started_at"], None, None)]
    run = [audited["run"]["id"]]
    # Quiet checks (kept, nothing to show) are stored one row per observation, listing their targets.
    quiet = _query(sample, "SELECT sum(json_array_length(promises) + json_array_length(script_lines)) "
                           "FROM quiet_checks WHERE run = ?", run)[0][0]
    stored = _query(sample, "SELECT count(*) FROM checks WHERE run = ?", run)[0][0]
    assert quiet > 0 and stored + quiet == len(audited["checks"]) == audited["metrics"]["counts"]["checks"]
    assert {c["reason"] for c in audited["checks"] if c["verdict"] == "kept" and c["evidence"] is None} >= {
        QUIET_PROMISE_REASON, "forbidden wording not used"}
    assert {row[0] for row in _query(sample, "SELECT fingerprint FROM findings WHERE run = ?",
                                     [audited["run"]["id"]])} == {f["id"] for f in audited["findings"]}


# -- the planted gaps -------------------------------------------------------------------


def test_the_sample_yields_findings_of_every_kind(audited):
    broken = {f["kind"] for f in audited["findings"] if f["verdict"] == "broken"}
    assert broken == KINDS


def test_every_planted_gap_is_found_broken(audited):
    found = {(f["kind"], f["observation"], _target(f)) for f in audited["findings"]
             if f["observation"] and f["verdict"] == "broken"}
    assert len(PLANTED) == 30 + 5 + 23  # the README's own count
    assert PLANTED - found == set()


def test_no_observation_is_flagged_broken_beyond_the_planted_gaps(audited):
    found = {(f["kind"], f["observation"], _target(f)) for f in audited["findings"]
             if f["observation"] and f["kind"] != "duplicate_transcript" and f["verdict"] == "broken"}
    assert found - PLANTED == set()


@pytest.mark.parametrize("kind, observation, target, quoted", [
    ("broken_promise", "V-005", "P-24H", "机器人"),  # only a robot answered at 23:10
    ("broken_promise", "V-009", "P-24H", "智能客服"),  # a synonym of the cue 机器人
    ("broken_promise", "V-012", "P-24H", "機械人"),  # Hong Kong's word for a robot, found through the cue 机器人
    ("broken_promise", "V-035", "P-24H", "nobody picked up"),  # negation inside the cue is part of it
    ("broken_promise", "V-032", "P-RET30", "唔可以退"),  # Cantonese
    ("forbidden_phrase", "V-016", "S-14", "That's not my problem"),
    ("forbidden_phrase", "V-022", "S-24", "没办法"),
    ("forbidden_phrase", "V-024", "S-09", "我们会尽快处理"),
    ("forbidden_phrase", "V-025", "S-28", "这个不归我们管"),
    ("forbidden_phrase", "V-032", "S-18", "沒辦法"),
])
def test_planted_breaches_quote_the_words_that_show_them(audited, kind, observation, target, quoted):
    found = [f for f in audited["findings"] if (f["kind"], f["observation"], _target(f)) == (kind, observation, target)]
    assert len(found) == 1
    assert found[0]["verdict"] == "broken" and found[0]["evidence"]["text"] == quoted


@pytest.mark.parametrize("observation, promise, said", [
    ("V-018", "P-CB15", "130 min"),  # measure:callback_time = "130 min", target <= 15 min
    ("V-027", "P-CB15", "2.5 h"),
    ("V-020", "P-DEL48", "70"),
    ("V-047", "P-RET30", "14"),
    ("V-059", "P-DEMO", "80 %"),
])
def test_planted_measurements_break_their_promise_with_the_measured_value_as_reason(audited, observation, promise,
                                                                                    said):
    checks = [c for c in _checks_of(audited, observation, promise) if c["kind"] == "broken_promise"]
    assert len(checks) == 1 and checks[0]["verdict"] == "broken"
    assert f"measured {said}" in checks[0]["reason"]


def test_planted_inconsistent_claims_quote_the_script_lines_quantity(audited, sample):
    scripts = _script_texts(sample)
    inconsistent = {f["script_line"]: f for f in audited["findings"] if f["kind"] == "inconsistent_claim"}
    assert set(inconsistent) == {"S-05", "S-12", "S-26", "S-30"}
    expected = {"S-05": ("app", "P-DEL48", "72小时"), "S-12": ("chat", "P-CB15", "2 hours"),
                "S-26": ("sh-xintiandi", "P-RET30", "7天"),
                "S-30": ("hk-causeway", "P-RET30", "14日")}  # unlinked, Traditional, 日 for 天
    for key, (touchpoint, promise, quoted) in expected.items():
        finding = inconsistent[key]
        assert (finding["touchpoint"], finding["promise"], finding["verdict"]) == (touchpoint, promise, "broken")
        assert finding["observation"] is None and finding["evidence"]["text"] == quoted
        evidence = finding["evidence"]
        assert scripts[key][evidence["start"]:evidence["end"]] == quoted


@pytest.mark.parametrize("line", ["S-01", "S-02", "S-03", "S-04", "S-06", "S-07", "S-08", "S-10", "S-11", "S-13",
                                  "S-15", "S-16", "S-17", "S-20", "S-21", "S-23", "S-25"])
def test_consistent_claims_are_not_reported(audited, line):
    checks = [c for c in audited["checks"] if c["kind"] == "inconsistent_claim" and c["target"] == line]
    assert all(c["verdict"] == "kept" for c in checks)
    assert not [f for f in audited["findings"] if f["kind"] == "inconsistent_claim" and f["script_line"] == line]


def test_planted_uncovered_promises_are_exactly_those_of_the_readme(audited):
    uncovered = {(f["promise"], f["touchpoint"]) for f in audited["findings"] if f["kind"] == "uncovered_promise"}
    assert uncovered == {("P-RET30", "hotline"), ("P-RET30", "chat"), ("P-QUEUE5", "hk-causeway")}
    covered = {(c["target"], c["touchpoint"]) for c in audited["checks"]
               if c["kind"] == "uncovered_promise" and c["verdict"] == "kept"}
    assert {("P-RET30", "web"), ("P-RET30", "sh-xintiandi"), ("P-RET30", "hk-causeway"),  # S-30, by its text
            ("P-QUEUE5", "sh-jingan"), ("P-CB15", "chat")} <= covered


def test_the_copied_transcript_is_the_one_duplicate(audited, sample):
    duplicates = [c for c in audited["checks"] if c["kind"] == "duplicate_transcript"]
    assert [(c["observation"], c["target_type"], c["target"], c["verdict"]) for c in duplicates] == [
        ("V-061", "observation", "V-056", "broken")]
    finding = next(f for f in audited["findings"] if f["kind"] == "duplicate_transcript")
    assert finding["observation"] == "V-061" and finding["touchpoint"] == "sh-jingan"
    assert "V-056" in finding["observed"]
    assert finding["evidence"]["text"] == _transcripts(sample)["V-061"]  # the whole copied transcript


# -- evidence points into the original text ------------------------------------------------


def test_every_evidence_span_slices_the_original_text(audited, sample):
    transcripts, scripts = _transcripts(sample), _script_texts(sample)
    quoted = 0
    for item in [*audited["checks"], *audited["findings"]]:
        evidence = item["evidence"]
        if evidence is None:
            continue
        if item["observation"] is not None:
            source = transcripts[item["observation"]]
        else:  # consistency findings quote the script line
            assert item.get("target_type", "script_line") == "script_line"
            source = scripts[item.get("script_line") or item["target"]]
        assert 0 <= evidence["start"] < evidence["end"] <= len(source)
        assert source[evidence["start"]:evidence["end"]] == evidence["text"], item
        quoted += 1
    assert quoted > 100


def test_evidence_keeps_the_shoppers_own_characters(audited, sample):
    """Full-width digits, Traditional characters and typos are quoted as written, not normalised."""
    transcripts = _transcripts(sample)
    quotes = {(c["observation"], c["target"]): c["evidence"]["text"] for c in audited["checks"] if c["evidence"]}
    assert "２４" in quotes[("V-029", "S-06")]
    assert quotes[("V-023", "P-CB15")] == "十二分鐘"
    assert quotes[("V-073", "S-15")] in transcripts["V-073"] and "熱綫" in quotes[("V-073", "S-15")]
    assert "期舰" in quotes[("V-080", "S-19")]


# -- the traps: the audit must stay silent --------------------------------------------------


@pytest.mark.parametrize("observation, target", [
    ("V-015", "P-24H"),  # "A real person answered, not a bot"
    ("V-044", "P-24H"),  # "not a bot", in a multi-line transcript
    ("V-076", "P-24H"),  # 不是机器人
    ("V-048", "P-24H"),  # 唔係機械人 / 沒有讓我等
    ("V-043", "P-QUEUE5"),  # 没有让我等
    ("V-040", "P-INSTALL"),  # 不另收费
    ("V-064", "P-RET30"),  # 没有说不能退
    ("V-021", "S-14"),  # "No problem" shares one word with "That's not my problem"
    ("V-028", "S-24"),  # 想办法 is not 没办法
    ("V-023", "P-CB15"),  # 十二分鐘 in the transcript only
    ("V-046", "P-CB15"),  # 十二分钟 in the transcript only
    ("V-077", "P-ADV1H"),  # 二十分钟 in the transcript only
    ("V-077", "P-DEL48"),  # 三十个小时 in the transcript only
    ("V-058", "P-DEL48"),  # empty transcript: the measurement alone
])
def test_traps_are_kept(audited, observation, target):
    checks = _checks_of(audited, observation, target)
    assert len(checks) == 1 and checks[0]["verdict"] == "kept", checks


@pytest.mark.parametrize("observation, target", [
    ("V-077", "P-DEL48"),
])
def test_a_transcript_quantity_is_the_reported_one_not_a_quoted_claim(audited, observation, target):
    check = _checks_of(audited, observation, target)[0]
    assert check["evidence"] and check["evidence"]["text"] == "三十个小时"


@pytest.mark.parametrize("observation, targets", [
    ("V-029", ["S-06", "S-07", "S-08"]),  # full-width ２４ / １５ / ３
    ("V-052", ["S-06", "S-07", "S-08"]),  # speech-to-text: 奥瑞利亚, 三天, 按装, 分中
    ("V-067", ["S-10"]),  # availble
    ("V-067", ["S-12"]),  # cal, 2 hrs
    ("V-073", ["S-15", "S-16"]),  # variant characters 客户 / 熱綫 / 解决
    ("V-080", ["S-19", "S-20", "S-21", "S-23"]),  # 期舰 / 稍后 / 退换货 / 按装
    pytest.param("V-015", ["S-06"], marks=()),
])
def test_script_lines_said_with_typos_are_never_missing(audited, observation, targets):
    for target in targets:
        checks = _checks_of(audited, observation, target)
        assert len(checks) == 1 and checks[0]["verdict"] in ("kept", "review"), checks  # review at worst


@pytest.mark.parametrize("observation, targets", [
    ("V-001", ["P-DEMO"]),  # P-DEMO starts on 2026-09-10; visit on 09-01
    ("V-010", ["P-DEMO", "S-30"]),  # 09-06: before P-DEMO and before the new return card S-30
    ("V-013", ["P-ADV1H", "S-03"]),  # both start on 2026-09-15; visit on 09-08
    ("V-065", ["S-22"]),  # S-22 ended on 2026-10-15; visit on 10-18
    ("V-071", ["P-PRICE", "S-27"]),  # ended on 2026-10-15; visit on 10-23
    ("V-059", ["P-24H"]),  # "robot vacuum" in a store: P-24H does not apply to stores
    ("V-028", ["P-DEL48"]),  # 缺货 is a P-DEL48 cue, but P-DEL48 does not apply to stores
    ("V-058", ["S-04", "S-05"]),  # empty transcript: script lines cannot be judged
])
def test_targets_that_do_not_apply_give_no_check(audited, observation, targets):
    for target in targets:
        assert _checks_of(audited, observation, target) == []


@pytest.mark.parametrize("observation, target", [
    ("V-041", "P-RET30"),  # the planted breach of V-041 is found ...
    pytest.param("V-041", "P-DEL48", marks=()),
])
def test_v041_breaks_only_the_returns_promise(audited, observation, target):
    verdict = _checks_of(audited, observation, target)[0]["verdict"]
    assert verdict == ("broken" if target == "P-RET30" else "kept")


def test_reviews_are_counted_apart_from_kept_and_broken(audited):
    checks = audited["checks"]
    counts = audited["metrics"]["counts"]
    # (V-052's speech-to-text typos were reviews until the matcher scored a tied window's
    # neighbours too; the sample may have none now, the count must still be its own)
    assert counts["review"] == sum(c["verdict"] == "review" for c in checks)
    assert counts["broken"] == sum(c["verdict"] == "broken" for c in checks)
    assert counts["kept"] + counts["broken"] + counts["review"] == counts["checks"] == len(checks)

    def rate(selected):
        kept = sum(c["verdict"] == "kept" for c in selected)
        return kept / (kept + sum(c["verdict"] == "broken" for c in selected))

    # Rates are over visits: a promise against the scripts (uncovered) is no visit that kept it.
    promise_checks = [c for c in checks if c["target_type"] == "promise" and c["observation"]]
    line_checks = [c for c in checks if c["target_type"] == "script_line" and c["observation"]]
    assert any(c["target_type"] == "promise" and not c["observation"] for c in checks)
    assert audited["metrics"]["promise_keeping_rate"] == pytest.approx(rate(promise_checks), abs=0.0006)
    assert audited["metrics"]["script_adherence"] == pytest.approx(rate(line_checks), abs=0.0006)


# -- periods and validity windows ----------------------------------------------------------


@pytest.mark.parametrize("options, first, last", [
    (["--from", "2026-10-01", "--to", "2026-10-15"], "2026-10-01", "2026-10-15"),
    (["--from", "2026/10/1"], "2026-10-01", None),  # the dates of SPEC §3 are accepted
    (["--to", "2026年9月15日"], None, "2026-09-15"),
])
def test_a_period_restricts_the_observations(sample, options, first, last):
    data = _audit_json(sample, *options)
    assert (data["run"]["from"], data["run"]["to"]) == (first, last)
    inside = {key for key, observed_at in _query(sample, "SELECT key, observed_at FROM observations")
              if (first is None or observed_at[:10] >= first) and (last is None or observed_at[:10] <= last)}
    assert 0 < len(inside) < 80
    assert data["metrics"]["counts"]["observations"] == len(inside)
    seen = {c["observation"] for c in data["checks"] if c["observation"]}
    assert seen <= inside
    assert {f["observation"] for f in data["findings"] if f["observation"]} <= inside
    assert len(seen) >= len(inside) - 1  # every visit in the period is judged (V-058 has only a measurement)


def test_a_period_with_no_visits_audits_nothing_per_observation(sample):
    data = _audit_json(sample, "--from", "2027-01-01")
    assert data["metrics"]["counts"]["observations"] == 0
    assert not [c for c in data["checks"] if c["observation"]]


def test_a_target_is_checked_only_inside_its_validity_window(fresh_sample, tmp_path):
    scripts = tmp_path / "late_line.csv"
    scripts.write_text("key,touchpoint,text,kind,valid_from,valid_to\n"
                       "S-99,hotline,感谢您的耐心等待,required,2026-10-01,2026-10-20\n", encoding="utf-8")
    with Project.open(fresh_sample) as project:
        import_file(project, "scripts", scripts)
        checks = run_audit(project).checks  # read back from the project, so while it is open
    days = {key: observed_at[:10] for key, observed_at in _query(
        fresh_sample, "SELECT key, observed_at FROM observations WHERE touchpoint = 'hotline'")}
    checked = {c.observation for c in checks if c.target == "S-99"}
    inside = {key for key, day in days.items() if "2026-10-01" <= day <= "2026-10-20"}
    assert checked and checked <= inside
    assert not [key for key in checked if days[key] < "2026-10-01" or days[key] > "2026-10-20"]
    assert len(checked) == len(inside)  # every hotline visit in the window has a transcript
    # The sample's own windows: P-PRICE ends on 2026-10-15, P-DEMO starts on 2026-09-10.
    price_days = {c.observed_at[:10] for c in checks if c.target == "P-PRICE" and c.observation}
    demo_days = {c.observed_at[:10] for c in checks if c.target == "P-DEMO" and c.observation}
    assert price_days and max(price_days) <= "2026-10-15"
    assert demo_days and min(demo_days) >= "2026-09-10"


# -- reviewers' decisions ------------------------------------------------------------------


def test_a_dismissed_finding_stays_dismissed_and_hidden(fresh_sample, capsys):
    with Project.open(fresh_sample) as project:
        first = run_audit(project)
        robot = next(f for f in first.findings if (f.observation, f.promise, f.kind) == ("V-005", "P-24H",
                                                                                        "broken_promise"))
        review_finding(project, robot.id, "dismissed", note="the line was down that night", reviewer="Mei")
    assert cli.main(["audit", str(fresh_sample), "--json"]) == 0
    second = json.loads(capsys.readouterr().out)
    again = [f for f in second["findings"] if f["id"] == robot.id]
    assert len(again) == 1 and again[0]["status"] == "dismissed"
    assert second["metrics"]["findings_by_kind"]["broken_promise"] == first.metrics["findings_by_kind"][
        "broken_promise"] - 1  # the open findings no longer count it

    assert cli.main(["findings", str(fresh_sample)]) == 0
    listed = capsys.readouterr().out
    assert robot.id not in listed and "1 dismissed not shown" in listed
    assert cli.main(["findings", str(fresh_sample), "--json"]) == 0
    assert robot.id not in {f["id"] for f in json.loads(capsys.readouterr().out)}
    assert cli.main(["findings", str(fresh_sample), "--all"]) == 0
    line = next(line for line in capsys.readouterr().out.splitlines() if robot.id in line)
    assert "[dismissed]" in line
    assert cli.main(["findings", str(fresh_sample), "--all", "--json"]) == 0
    shown = {f["id"]: f for f in json.loads(capsys.readouterr().out)}
    assert shown[robot.id]["status"] == "dismissed"


def test_a_confirmed_finding_survives_reruns(fresh_sample):
    with Project.open(fresh_sample) as project:
        first = run_audit(project)
        forbidden = next(f for f in first.findings if (f.observation, f.script_line) == ("V-016", "S-14"))
        review_finding(project, forbidden.id, "confirmed", note="heard it on the recording", reviewer="Mei")
        run_audit(project)
        third = run_audit(project).findings
        stored = {f.id: f for f in load_findings(project)}
    assert {f.id for f in third} == {f.id for f in first.findings}  # same content, same fingerprints
    assert {f.id: f.status for f in third}[forbidden.id] == "confirmed"
    assert stored[forbidden.id].status == "confirmed" and stored[forbidden.id].reviewer == "Mei"
    assert stored[forbidden.id].note == "heard it on the recording"


def test_a_changed_transcript_yields_a_new_finding(fresh_sample, tmp_path):
    with Project.open(fresh_sample) as project:
        first = run_audit(project)
        robot = next(f for f in first.findings if (f.observation, f.promise, f.kind) == ("V-005", "P-24H",
                                                                                        "broken_promise"))
        other = next(f for f in first.findings if (f.observation, f.script_line) == ("V-016", "S-14"))
        review_finding(project, robot.id, "dismissed", reviewer="Mei")
        review_finding(project, other.id, "confirmed", reviewer="Mei")
    # Re-import V-005 with one sentence more, every other cell as the sample has it.
    with resource_path("sample").joinpath("observations.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header, row = rows[0], next(row for row in rows if row[0] == "V-005")
    transcript = header.index("transcript")
    row[transcript] += " 第二天再打，还是只有机器人。"
    changed = tmp_path / "v005.csv"
    with changed.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, row])
    with Project.open(fresh_sample) as project:
        assert import_file(project, "observations", changed).updated == 1
        rerun = run_audit(project).findings
    fresh = [f for f in rerun if (f.observation, f.promise, f.kind) == ("V-005", "P-24H", "broken_promise")]
    assert len(fresh) == 1 and fresh[0].id != robot.id and fresh[0].status == "new"
    assert fresh[0].evidence.text == "机器人"
    assert robot.id not in {f.id for f in rerun}
    assert {f.id: f.status for f in rerun}[other.id] == "confirmed"  # other visits keep their decisions
    unchanged = {f.id for f in first.findings if f.observation not in ("V-005", None)}
    assert unchanged <= {f.id for f in rerun}


def test_review_decisions_are_checked(fresh_sample):
    with Project.open(fresh_sample) as project:
        finding = run_audit(project).findings[0]
        with pytest.raises(AuditorError, match="not a review decision"):
            review_finding(project, finding.id, "ignored")
        with pytest.raises(AuditorError, match="no finding"):
            review_finding(project, "0" * 20, "dismissed")


# -- progress and cancelling ---------------------------------------------------------------


def test_audit_steps_report_progress_up_to_the_total(sample):
    with Project.open(sample) as project:
        progress, result = _drain(audit_steps(project))
    total = 80
    assert progress[0] == (0, total) and progress[-1] == (total, total)
    assert all(t == total for _, t in progress)
    done = [d for d, _ in progress]
    assert done == sorted(done) and len(set(done)) > 2  # it moves, batch by batch
    assert result.metrics["counts"]["observations"] == total


@pytest.mark.parametrize("calls_before_cancel", [1, 2, "last before storing"])
def test_a_cancelled_audit_leaves_no_run_behind(fresh_sample, calls_before_cancel):
    with Project.open(fresh_sample) as project:
        run_audit(project)  # an earlier run, which must stay as it is
        progress, _ = _drain(audit_steps(project))
    stop_after = len(progress) - 1 if calls_before_cancel == "last before storing" else calls_before_cancel
    before = _run_counts(fresh_sample)
    calls = []
    with Project.open(fresh_sample) as project:
        with pytest.raises(Cancelled):
            run_audit(project, progress=lambda done, total: calls.append((done, total)),
                      is_cancelled=lambda: len(calls) >= stop_after)
    assert len(calls) == stop_after
    assert _run_counts(fresh_sample) == before
    with Project.open(fresh_sample) as project:  # and the project is fine for the next audit
        assert run_audit(project).run_id == before[0] + 1


# -- the terminal --------------------------------------------------------------------------


def test_the_summary_shows_the_consistency_index_and_counts_by_kind(sample, capsys):
    assert cli.main(["audit", str(sample)]) == 0
    captured = capsys.readouterr()
    out = captured.out
    assert captured.err == ""
    with Project.open(sample) as project:
        metrics = json.loads(project.db.execute(
            "SELECT metrics FROM audit_runs ORDER BY id DESC LIMIT 1").fetchone()[0])
    assert f"Consistency index {metrics['consistency_index']:.1f} / 100" in out
    assert "80 observations" in out
    by_kind = {kind: int(count) for count, kind in re.findall(r"^\s+(\d+)\s+([a-z_]+)$", out, re.MULTILINE)}
    assert by_kind == metrics["findings_by_kind"]
    assert set(by_kind) == KINDS
    assert "Weakest touchpoints" in out and "Least kept promises" in out
    assert len(out.splitlines()) < 25  # short enough to read in a terminal


def test_findings_can_be_filtered_by_kind(sample, audited, capsys):
    assert cli.main(["findings", str(sample), "--kind", "missing_phrase", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed and {f["kind"] for f in listed} == {"missing_phrase"}
    assert all(set(f) == FINDING_KEYS for f in listed)
    assert len(listed) == sum(f["kind"] == "missing_phrase" for f in audited["findings"])


def test_findings_of_a_run_that_does_not_exist_is_a_one_line_error(sample, capsys):
    code = cli.main(["findings", str(sample), "--run", "999"])
    captured = capsys.readouterr()
    assert code not in (0, 2)
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and "999" in captured.err
    assert "Traceback" not in captured.err


def test_an_unknown_kind_is_wrong_usage(sample, capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["findings", str(sample), "--kind", "rude_staff"])
    assert exit_info.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_an_empty_project_audits_to_nothing(tmp_path, capsys):
    path = tmp_path / "empty.btaproj"
    Project.open(path, create=True).close()
    assert cli.main(["audit", str(path)]) == 0
    out = capsys.readouterr().out
    assert "0 observations" in out and "Consistency index n/a" in out and "n/a" in out
    assert cli.main(["audit", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"run", "checks", "findings", "metrics"}
    assert data["checks"] == [] and data["findings"] == []
    assert data["metrics"]["consistency_index"] is None and data["metrics"]["promise_keeping_rate"] is None
    assert cli.main(["findings", str(path)]) == 0
    assert "No findings" in capsys.readouterr().out


def test_a_project_with_promises_but_no_visits_still_checks_the_scripts(tmp_path):
    path = tmp_path / "no_visits.btaproj"
    folder = resource_path("sample")
    with Project.open(path, create=True) as project:
        for kind in ("touchpoints", "promises", "scripts"):
            import_file(project, kind, folder / f"{kind}.csv")
        result = run_audit(project)
        checks, findings = result.checks, result.findings
    assert result.metrics["counts"]["observations"] == 0
    assert not [c for c in checks if c.observation]
    kinds = {f.kind for f in findings}
    assert kinds == {"inconsistent_claim", "uncovered_promise"}
