"""A promise is judged only on the visits that speak of its subject (SPEC §5).

A coffee chain promises free oat milk; a visit that orders a flat white and never says a
word of oat milk neither keeps nor breaks it. Counting it as kept is what inflated the
keeping rates a new user saw.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.audit import matching_normalizer, run_audit
from auditor.importer import import_file
from auditor.store import Project
from auditor.subject import Subjects, speaks_of, terms, weigh
from project_data import write

NORMALIZER = matching_normalizer(None)

TOUCHPOINTS = "key,name,channel\nstore-sh,Store Shanghai,store\napp,App,app\n"
PROMISES = """key,text,touchpoints,metric,operator,target,unit,breach_cues
P-OAT,Free oat milk swap in any drink 任何饮品免费换燕麦奶,*,,,,,charged extra for oat milk;燕麦奶另收费
P-WAIT,Your coffee in 5 minutes 5分钟出杯,*,drink_wait,<=,5,min,
P-STAMP,Every 10th coffee free with the stamp card 集章卡第十杯免费,*,,,,,
"""
OBSERVATIONS = """key,touchpoint,observed_at,shopper,transcript,measure:drink_wait
V-1,store-sh,2026-10-01 09:00,Ann,"Ordered a flat white, paid by card, friendly barista.",
V-2,store-sh,2026-10-01 10:00,Ben,"My latte came with oat milk, same price.",
V-3,store-sh,2026-10-02 09:30,Cai,我点了一杯拿铁换燕麦奶，没有另外收钱。,
V-4,app,2026-10-02 11:00,Dee,"App order, the stamp card got a stamp.",4
V-5,app,2026-10-03 11:00,Eve,"They charged extra for oat milk: 4 CNY.",
V-6,store-sh,2026-10-03 12:00,Fay,,3
"""


def _coffee_project(tmp_path: Path) -> Path:
    path = tmp_path / "coffee.btaproj"
    files = {kind: write(tmp_path / f"{kind}.csv", text) for kind, text in
             (("touchpoints", TOUCHPOINTS), ("promises", PROMISES), ("observations", OBSERVATIONS))}
    with Project.open(path, create=True) as project:
        for kind, file in files.items():
            import_file(project, kind, file)
    return path


def test_only_visits_that_speak_of_a_promise_test_it(tmp_path):
    with Project.open(_coffee_project(tmp_path)) as project:
        result = run_audit(project)
        checks = {(c.observation, c.target): c.verdict for c in result.checks
                  if c.target_type == "promise" and c.observation is not None}
        metrics = result.metrics
    assert checks == {
        ("V-2", "P-OAT"): "kept",  # oat milk
        ("V-3", "P-OAT"): "kept",  # 燕麦奶
        ("V-5", "P-OAT"): "broken",  # its cue
        ("V-4", "P-STAMP"): "kept",  # the stamp card
        ("V-4", "P-WAIT"): "kept",  # measured 4 min
        ("V-6", "P-WAIT"): "kept",  # measured, no transcript
    }
    # A hand count: 5 kept of 6 checked — V-1 tested nothing, and nobody is kept by silence.
    assert metrics["promise_keeping_rate"] == pytest.approx(5 / 6, abs=0.001)
    assert metrics["by_promise"]["P-OAT"]["kept"] == 2 and metrics["by_promise"]["P-OAT"]["broken"] == 1
    assert ["P-STAMP", "store-sh"] not in metrics["tested_pairs"]  # the coverage grid shows it untested
    assert ["P-OAT", "store-sh"] in metrics["tested_pairs"]


@pytest.mark.parametrize("text, spoken", [
    ("Asked for oat milk in my latte.", True),
    ("OAT MILK please", True),
    ("換燕麥奶可以嗎？", True),  # Traditional
    ("could I get oatmilk", False),
    ("just milk, no sugar", False),  # "milk" alone is not "oat milk"  # one run-together word is not "oat milk" — a known limit
    ("A free coffee, thanks.", False),  # free and coffee name no subject of their own here
    ("任何饮品都好喝", False),  # 饮品 ("drinks") is shared by every promise of the brand
], ids=repr)
def test_what_speaks_of_the_oat_milk_promise(text, spoken):
    promises = ["Free oat milk swap in any drink 任何饮品免费换燕麦奶", "Any drink in 5 minutes 任何饮品5分钟出杯",
                "Every 10th drink free with the stamp card 集章卡第十杯饮品免费"]
    subjects = weigh([Subjects(NORMALIZER).of_promise(promise, None) for promise in promises])
    assert speaks_of(NORMALIZER.phrase(text), subjects[0]) is spoken


def test_a_word_shared_by_several_promises_counts_half():
    promises = ["Coffee refill free", "Coffee in 5 minutes", "Coffee beans roasted this week", "Oat milk"]
    subjects = weigh([Subjects(NORMALIZER).of_promise(promise, None) for promise in promises])
    assert subjects[0]["coffee"] == 0.5 and subjects[0]["refill"] == 1.0
    assert not speaks_of(NORMALIZER.phrase("I ordered a coffee"), subjects[0])
    assert speaks_of(NORMALIZER.phrase("asked for a refill of my coffee"), subjects[0])


def test_terms_are_stems_tokens_and_chinese_pairs():
    found = terms(NORMALIZER.phrase("Installation refused; 燕麦奶 returns"))
    assert {"install", "refus", "燕麦", "麦奶"} <= found
    assert NORMALIZER.phrase("returns") in found  # a synonym group's token
    assert not {"the", "service", "免费"} & terms(NORMALIZER.phrase("the service 免费"))


def test_a_linked_script_line_says_the_promise_in_its_own_words(tmp_path):
    """The app's stamp card is a 集点卡: the linked line's words are the promise's subject too."""
    path = _coffee_project(tmp_path)
    scripts = write(tmp_path / "scripts.csv", "key,touchpoint,text,promise\n"
                    "L-1,app,电子集点卡：第10杯免费,P-STAMP\nL-2,app,欢迎使用港湾咖啡App,\n")
    observations = write(tmp_path / "more.csv", "key,touchpoint,observed_at,transcript\n"
                         "V-9,app,2026-10-04 10:00,打开App看了集点卡，已经有7个点。\n")
    with Project.open(path) as project:
        import_file(project, "scripts", scripts)
        import_file(project, "observations", observations)
        checks = {(c.observation, c.target): c.verdict for c in run_audit(project).checks if c.observation}
    assert checks[("V-9", "P-STAMP")] == "kept"


def test_the_brands_everyday_words_weigh_little():
    """咖啡 is in the brand's name, its greeting and its products: a visit that says it has
    not spoken of the stamp card."""
    subjects = Subjects(NORMALIZER)
    promises = [subjects.of_promise("集满10个印花送一杯咖啡", None), subjects.of_promise("燕麦奶免费换", None)]
    others = [subjects.of_text(text) for text in ("欢迎光临港湾咖啡", "港湾咖啡外送热线", "要不要试试我们的咖啡",
                                                  "港湾咖啡上海新天地店", "咖啡5分钟出杯")]
    weights = weigh(promises, others)[0]
    assert weights["咖啡"] == 0.25 and weights["印花"] == 1.0
    assert "一杯" not in weights  # a numeral's pair is a quantity, not a subject
    assert not speaks_of(NORMALIZER.phrase("欢迎光临港湾咖啡，我点了一杯咖啡"), weights)
    assert speaks_of(NORMALIZER.phrase("我的印花卡满了"), weights)


def test_wi_fi_is_one_word():
    assert "wifi" in terms(NORMALIZER.phrase("Free Wi-Fi in every store"))
    assert "wifi" in terms(NORMALIZER.phrase("the WiFi was fast"))


def test_a_verb_and_its_particle_are_one_term():
    """"checked in" speaks of check-in, "picked up" of a promise that someone picks up."""
    assert "checkin" in terms(NORMALIZER.phrase("we checked in at 15:00"))
    assert "checkin" in terms(NORMALIZER.phrase("Check-in in 10 minutes"))
    assert "pickup" in terms(NORMALIZER.phrase("a person picks up within 2 minutes")) & terms(
        NORMALIZER.phrase("she picked up at once"))
