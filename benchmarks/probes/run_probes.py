"""Run the helper's probes through the real per-touchpoint checker; print disagreements."""
import csv, sys
sys.path.insert(0, str(__import__('pathlib').Path(__file__).resolve().parents[2]))
from auditor.audit import matching_normalizer
from auditor.batch import TouchpointChecker
from auditor.metrics import CheckTally
from auditor.observation_checks import Thresholds, prepare_line, prepare_promise
from auditor.records import Observation, Promise, ScriptLine

N = matching_normalizer(None)
T = Thresholds(85.0, 70.0)
UNITS = {"working day": "workday", "working days": "workday"}

def run(row):
    kind = row["target_kind"].strip()
    promises, lines = [], []
    if kind == "promise":
        target = float(row["target"]) if row["target"].strip() else None
        unit = UNITS.get(row["unit"].strip(), row["unit"].strip() or None)
        p = Promise(key="P", text=row["target_text"], touchpoints=None, dimension=None,
                    metric=row["metric"].strip() or None, operator=row["operator"].strip() or None,
                    target=target, unit=unit, breach_cues=[c for c in row["cues"].split(";") if c.strip()],
                    weight=3, valid_from=None, valid_to=None)
        promises = [prepare_promise(p, N)]
    else:
        line = ScriptLine(key="S", touchpoint="tp", text=row["target_text"], kind=kind, step=None, promise=None,
                          weight=3, valid_from=None, valid_to=None, match_threshold=None, review_threshold=None)
        lines = [prepare_line(line, N, T)]
    obs = Observation("V-1", "tp", "2026-10-01 10:00", "Mei", row["transcript"], {})
    checker = TouchpointChecker("tp", promises, lines, T)
    result = checker.check([obs], [N(obs.transcript)], CheckTally())
    for c in result.checks:
        return c.verdict, c.reason
    for _o, _t, qp, ql in result.quiet:
        if qp or ql:
            return "kept", "quiet"
    return "none", "no check"

OK = {
    ("promise", "broken"): {"broken"}, ("promise", "kept"): {"kept"}, ("promise", "none"): {"none"},
    ("promise", "kept_or_none"): {"kept", "none"},
    ("required", "said"): {"kept"}, ("required", "missing"): {"broken"}, ("required", "review_or_said"): {"review", "kept"},
    ("forbidden", "used"): {"broken"}, ("forbidden", "not_used"): {"kept", "none"},
    ("forbidden", "review_or_not_used"): {"review", "kept", "none"},
}
HERE = __import__('pathlib').Path(__file__).resolve().parent
rows = list(csv.DictReader(open(sys.argv[1] if len(sys.argv) > 1 else HERE / 'new_rules_probes.csv', encoding='utf-8')))
bad = 0
for row in rows:
    try:
        verdict, reason = run(row)
    except Exception as error:  # a crash is a finding too
        verdict, reason = "CRASH", repr(error)
    allowed = OK.get((row["target_kind"].strip(), row["expected"].strip()), set())
    if verdict not in allowed:
        bad += 1
        print(f"[{row['id']}] rule {row['rule']} {row['target_kind']} expected {row['expected']}, got {verdict}: {reason}")
        print(f"    target: {row['target_text'][:100]} | cues: {row['cues'][:80]}")
        print(f"    record: {row['transcript'][:220]}")
        print(f"    why: {row['why'][:200]}")
print(f"{bad} of {len(rows)} disagree")
