"""Script lines that name the scenarios they apply to (SPEC §5, the scripts' ``scenarios`` column)."""

from __future__ import annotations

import json

import pytest

from auditor.audit import run_audit
from auditor.exporter import export_table
from auditor.importer import import_file
from auditor.scenarios import applies
from auditor.store import Project
from project_data import write

TOUCHPOINTS = "key,name,channel\nstore-hk,Store Causeway Bay,store\n"
# 适用场景 is the Chinese header; lists take ; or ；
SCRIPTS = """key,touchpoint,text,kind,适用场景
L-ORDER,store-hk,Would you like to try our seasonal latte?,required,order；点单
L-REFUND,store-hk,Refunds go back to your card within 3 days,required,refund; 退款
L-HELLO,store-hk,Welcome to Harbour Bean,required,
"""
OBSERVATIONS = """key,touchpoint,observed_at,shopper,scenario,transcript
V-1,store-hk,2026-10-01 09:00,Ann,Order: flat white,"Welcome to Harbour Bean! I ordered a flat white."
V-2,store-hk,2026-10-01 10:00,Ben,Refund request 退款申请,"Welcome to Harbour Bean. The refund was done at the till."
V-3,store-hk,2026-10-02 09:30,Cai,點單,歡迎光臨。我點了一杯拿鐵。
V-4,store-hk,2026-10-02 11:00,Dee,,"Welcome to Harbour Bean, I looked around."
V-5,store-hk,2026-10-02 12:00,Eve,Reorder of beans,"Welcome to Harbour Bean, picked up beans."
"""


@pytest.fixture
def coffee(tmp_path):
    path = tmp_path / "coffee.btaproj"
    with Project.open(path, create=True) as project:
        for kind, text in (("touchpoints", TOUCHPOINTS), ("scripts", SCRIPTS), ("observations", OBSERVATIONS)):
            import_file(project, kind, write(tmp_path / f"{kind}.csv", text))
    return path


def test_scenarios_are_imported_as_a_list(coffee):
    with Project.open(coffee) as project:
        stored = dict(project.db.execute("SELECT key, scenarios FROM script_lines").fetchall())
    assert {key: json.loads(value) for key, value in stored.items()} == {
        "L-ORDER": ["order", "点单"], "L-REFUND": ["refund", "退款"], "L-HELLO": []}


def test_a_line_is_checked_only_on_visits_of_its_scenarios(coffee):
    with Project.open(coffee) as project:
        result = run_audit(project)
        checked = {(c.observation, c.target) for c in result.checks if c.target_type == "script_line" and c.observation}
        missing = {(f.observation, f.script_line) for f in result.findings if f.kind == "missing_phrase"}
    assert {target for observation, target in checked if observation == "V-2"} == {"L-REFUND", "L-HELLO"}
    assert ("V-2", "L-ORDER") not in missing  # the refund visit is not flagged for the ordering script
    assert ("V-1", "L-ORDER") in missing and ("V-1", "L-REFUND") not in checked
    assert ("V-3", "L-ORDER") in checked  # 點單 (Traditional) is 点单
    assert ("V-4", "L-ORDER") not in checked and ("V-4", "L-HELLO") in checked  # no scenario: only general lines
    assert ("V-5", "L-ORDER") not in checked  # "reorder" is not "order"


def test_scenarios_export_and_import_back_unchanged(coffee, tmp_path):
    with Project.open(coffee) as project:
        export_table(project, "scripts", tmp_path / "out.csv")
        again = import_file(project, "scripts", tmp_path / "out.csv")
    assert (again.new, again.updated, again.unchanged) == (0, 0, 3)


@pytest.mark.parametrize("scenarios, scenario, expected", [
    ((), None, True),
    ((), "anything", True),
    (("refund",), "REFUND request", True),
    (("refund",), "Ｒｅｆｕｎｄ", True),
    (("退款",), "退款申請", True),  # Traditional around it
    (("退款",), "申请退款", True),
    (("order",), "reorder", False),
    (("order",), None, False),
    (("order",), "  ", False),
])
def test_applies(scenarios, scenario, expected):
    assert applies(scenarios, scenario) is expected
