"""Audit metrics (SPEC §6): keeping rates with Wilson intervals, consistency index, NPS, CES, SERVQUAL."""

from __future__ import annotations

import json

import pytest

from auditor.metrics import compute_metrics, wilson_interval
from auditor.model import Check


def check(verdict: str, target_type: str = "promise", target: str = "P-24H", *, weight: int = 3,
          observation: str | None = "V-1", touchpoint: str | None = "hotline", observed_at: str | None = None,
          promise: str | None = None, script_line: str | None = None) -> Check:
    return Check(observation=observation, touchpoint=touchpoint, target_type=target_type, target=target,
                 verdict=verdict, kind=None, weight=weight, observed_at=observed_at, promise=promise,
                 script_line=script_line)


def observation(key: str, touchpoint: str = "hotline", observed_at: str = "2026-09-03 21:40", **answers) -> dict:
    row = {"key": key, "touchpoint": touchpoint, "observed_at": observed_at, "nps": None, "ces": None}
    row.update({f"rating_{d}": None for d in ("tangibles", "reliability", "responsiveness", "assurance", "empathy")})
    row.update(answers)
    return row


def metrics(checks: list[Check], observations: list[dict] | None = None, **kwargs) -> dict:
    kwargs.setdefault("locations", {"hotline": None, "store-sh": "Shanghai", "store-bj": "Beijing", "web": None})
    return compute_metrics(checks, observations or [], **kwargs)


# Wilson interval ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("successes", "total", "expected"),
    [
        (8, 10, (0.490, 0.943)),
        (0, 10, (0.000, 0.278)),
        (10, 10, (0.722, 1.000)),
        (1, 2, (0.095, 0.905)),
        (50, 100, (0.404, 0.596)),
        (81, 263, (0.255, 0.366)),
    ],
)
def test_wilson_interval_matches_known_values(successes, total, expected):
    lo, hi = wilson_interval(successes, total)
    assert (round(lo, 3), round(hi, 3)) == expected


def test_wilson_interval_of_nothing_is_none():
    assert wilson_interval(0, 0) is None


@pytest.mark.parametrize(("successes", "total"), [(0, 5), (5, 5), (0, 1), (1, 1)])
def test_wilson_interval_stays_inside_zero_and_one(successes, total):
    lo, hi = wilson_interval(successes, total)
    assert 0.0 <= lo < hi <= 1.0
    assert lo <= successes / total <= hi


def test_wilson_interval_narrows_with_more_data_and_widens_with_z():
    small = wilson_interval(8, 10)
    large = wilson_interval(800, 1000)
    assert large[1] - large[0] < small[1] - small[0]
    wider = wilson_interval(8, 10, z=2.576)
    assert wider[0] < small[0] and wider[1] > small[1]


@pytest.mark.parametrize(("successes", "total"), [(6, 5), (-1, 5), (0, -1)])
def test_wilson_interval_rejects_impossible_counts(successes, total):
    with pytest.raises(ValueError):
        wilson_interval(successes, total)


# Keeping rates and the consistency index -----------------------------------------------------------------------


def test_promise_keeping_rate_and_script_adherence_are_separate():
    checks = [check("kept")] * 3 + [check("broken")] + [check("kept", "script_line", "S-1")] * 7 + \
        [check("broken", "script_line", "S-1")] * 3
    result = metrics(checks)
    assert result["promise_keeping_rate"] == 0.75
    assert result["promise_keeping_interval"] == [round(b, 3) for b in wilson_interval(3, 4)]
    assert result["script_adherence"] == 0.7
    assert result["script_adherence_interval"] == [round(b, 3) for b in wilson_interval(7, 10)]


def test_a_heavy_broken_promise_outweighs_a_light_kept_line():
    checks = [check("broken", weight=5), check("kept", "script_line", "S-1", weight=1)]
    result = metrics(checks)
    assert result["consistency_index"] == pytest.approx(16.7)  # 100 * 1 / 6
    assert result["consistency_index"] < 50
    # Unweighted, the same checks would be 50/50: the weights are what moves the index.
    assert metrics([check("broken", weight=1), check("kept", "script_line", "S-1", weight=1)])[
        "consistency_index"] == 50.0


def test_consistency_index_is_weighted_share_of_kept():
    checks = [check("kept", weight=5), check("kept", weight=3), check("broken", "script_line", "S-1", weight=2)]
    assert metrics(checks)["consistency_index"] == 80.0  # 100 * 8 / 10


def test_review_is_never_counted_as_kept_or_broken():
    checks = [check("kept"), check("broken"), check("review"), check("review"),
              check("review", "script_line", "S-1", weight=5)]
    result = metrics(checks)
    assert result["counts"] == {"observations": 0, "checks": 5, "kept": 1, "broken": 1, "review": 3}
    assert result["promise_keeping_rate"] == 0.5
    assert result["consistency_index"] == 50.0
    assert result["script_adherence"] is None  # only a review: nothing decided


def test_only_reviews_give_no_rates_rather_than_zero():
    result = metrics([check("review"), check("review", "script_line", "S-1")])
    assert result["promise_keeping_rate"] is None
    assert result["promise_keeping_interval"] is None
    assert result["script_adherence"] is None
    assert result["consistency_index"] is None
    assert result["by_promise"]["P-24H"] == {"keeping_rate": None, "keeping_interval": None,
                                             "kept": 0, "broken": 0, "review": 1}


def test_duplicate_transcript_checks_count_but_do_not_enter_the_rates():
    checks = [check("kept"), check("broken", "observation", "V-2", weight=5)]
    result = metrics(checks)
    assert result["counts"]["checks"] == 2 and result["counts"]["broken"] == 1
    assert result["consistency_index"] == 100.0
    assert result["promise_keeping_rate"] == 1.0


def test_nothing_at_all_gives_none_everywhere_and_is_json():
    result = metrics([], [])
    for name in ("consistency_index", "promise_keeping_rate", "promise_keeping_interval", "script_adherence",
                 "script_adherence_interval", "nps", "ces"):
        assert result[name] is None, name
    assert result["counts"] == {"observations": 0, "checks": 0, "kept": 0, "broken": 0, "review": 0}
    assert all(block["mean"] is None and block["gap"] is None and block["n"] == 0
               for block in result["servqual"].values())
    for name in ("by_touchpoint", "by_location", "by_month", "by_promise", "by_script_line", "by_promise_touchpoint"):
        assert result[name] == {}
    assert result["tested_pairs"] == []
    json.dumps(result)


# NPS, CES, SERVQUAL -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ([9, 10, 10, 9], 100.0),
        ([0, 3, 6], -100.0),
        ([7, 8, 8], 0.0),
        ([10, 9, 9, 8, 7, 8, 6, 0], 12.5),  # 3 promoters, 3 passives, 2 detractors of 8
        ([10, 6, 8], 0.0),
        ([9, 9, 7], 66.7),
    ],
)
def test_nps_is_percent_promoters_minus_percent_detractors(scores, expected):
    observations = [observation(f"V-{i}", nps=s) for i, s in enumerate(scores)]
    assert metrics([], observations)["nps"] == expected


def test_nps_and_ces_ignore_observations_without_an_answer():
    observations = [observation("V-1", nps=10, ces=2), observation("V-2", nps=None, ces=None),
                    observation("V-3", nps=0, ces=5), observation("V-4", ces=3)]
    result = metrics([], observations)
    assert result["nps"] == 0.0  # one promoter, one detractor; the unanswered are not detractors
    assert result["ces"] == pytest.approx(3.33)
    assert result["counts"]["observations"] == 4


def test_ces_is_the_mean_effort_score():
    observations = [observation(f"V-{i}", ces=c) for i, c in enumerate([1, 2, 7, 4])]
    assert metrics([], observations)["ces"] == 3.5


def test_servqual_gap_is_perceived_minus_expected_with_custom_expectation():
    observations = [observation("V-1", rating_reliability=3, rating_empathy=5),
                    observation("V-2", rating_reliability=4, rating_empathy=4),
                    observation("V-3", rating_reliability=2)]
    result = metrics([], observations, expectations={"reliability": 4.5})
    assert result["servqual"]["reliability"] == {"mean": 3.0, "expectation": 4.5, "gap": -1.5, "n": 3}
    assert result["servqual"]["empathy"] == {"mean": 4.5, "expectation": 4.0, "gap": 0.5, "n": 2}
    assert result["servqual"]["tangibles"] == {"mean": None, "expectation": 4.0, "gap": None, "n": 0}
    assert list(result["servqual"]) == ["tangibles", "reliability", "responsiveness", "assurance", "empathy"]


# Breakdowns ---------------------------------------------------------------------------------------------------


def breakdown_fixture() -> tuple[list[Check], list[dict]]:
    observations = [
        observation("V-1", "hotline", "2026-09-03 21:40", nps=10),
        observation("V-2", "store-sh", "2026-09-15", nps=3),
        observation("V-3", "store-bj", "2026-10-02 10:00", nps=9),
        observation("V-4", "store-sh", "2026-10-20", nps=9),
    ]
    checks = [
        # Checks carrying their own touchpoint and time.
        check("broken", observation="V-1", touchpoint="hotline", observed_at="2026-09-03 21:40"),
        check("kept", "script_line", "S-HOT-1", observation="V-1", touchpoint="hotline",
              observed_at="2026-09-03 21:40"),
        # Checks that only name their observation: touchpoint and month come from it.
        check("kept", "promise", "P-RET", observation="V-2", touchpoint=None),
        check("review", "promise", "P-RET", observation="V-3", touchpoint=None),
        check("kept", "promise", "P-24H", observation="V-3", touchpoint=None),
        check("broken", "script_line", "S-STORE-2", observation="V-4", touchpoint=None),
        # A project-level check: no observation, no time, but a touchpoint.
        check("broken", "promise", "P-RET", observation=None, touchpoint="web"),
        # A project-level check with nothing to place it.
        check("broken", "script_line", "S-WEB-1", observation=None, touchpoint=None),
    ]
    return checks, observations


def test_breakdown_by_touchpoint():
    checks, observations = breakdown_fixture()
    result = metrics(checks, observations)["by_touchpoint"]
    assert list(result) == ["hotline", "store-bj", "store-sh", "web"]
    assert result["hotline"] == {
        "consistency_index": 50.0, "promise_keeping_rate": 0.0, "promise_keeping_interval": [0.0, 0.793],
        "script_adherence": 1.0, "script_adherence_interval": [0.207, 1.0],
        "kept": 1, "broken": 1, "review": 0, "observations": 1, "nps": 100.0,
    }
    assert result["store-sh"]["promise_keeping_rate"] == 1.0
    assert result["store-sh"]["script_adherence"] == 0.0
    assert result["store-sh"]["nps"] == 0.0  # one detractor, one promoter
    assert result["store-bj"]["review"] == 1 and result["store-bj"]["promise_keeping_rate"] == 1.0
    assert result["store-bj"]["script_adherence"] is None
    # The project-level check on the website has no observations behind it.
    assert result["web"]["observations"] == 0 and result["web"]["nps"] is None
    # ...and kept or broke nothing: a promise no script states is not a visit that broke it.
    assert result["web"]["promise_keeping_rate"] is None and result["web"]["consistency_index"] == 0.0


def test_breakdown_by_location_groups_touchpoints_and_leaves_out_those_without():
    checks, observations = breakdown_fixture()
    locations = {"hotline": None, "web": "  ", "store-sh": "Shanghai", "store-bj": "Beijing", "store-sh2": "Shanghai"}
    result = metrics(checks, observations, locations=locations)["by_location"]
    assert list(result) == ["Beijing", "Shanghai"]
    assert result["Shanghai"]["observations"] == 2
    assert (result["Shanghai"]["kept"], result["Shanghai"]["broken"]) == (1, 1)
    assert result["Beijing"]["promise_keeping_rate"] == 1.0


def test_breakdown_by_month_uses_the_observation_time():
    checks, observations = breakdown_fixture()
    result = metrics(checks, observations)["by_month"]
    assert list(result) == ["2026-09", "2026-10"]
    assert result["2026-09"]["observations"] == 2
    assert result["2026-09"]["promise_keeping_rate"] == 0.5  # V-1 broken, V-2 kept
    assert result["2026-10"]["promise_keeping_rate"] == 1.0
    assert result["2026-10"]["script_adherence"] == 0.0
    assert result["2026-10"]["review"] == 1
    # The two project-level checks have no time: they appear in neither month.
    assert sum(block["kept"] + block["broken"] + block["review"] for block in result.values()) == 6


def test_breakdown_by_promise_and_script_line():
    checks, observations = breakdown_fixture()
    result = metrics(checks, observations)
    assert result["by_promise"] == {
        "P-24H": {"keeping_rate": 0.5, "keeping_interval": [0.095, 0.905], "kept": 1, "broken": 1, "review": 0},
        # visits only: the project-level check of P-RET on the website is no visit
        "P-RET": {"keeping_rate": 1.0, "keeping_interval": [0.207, 1.0], "kept": 1, "broken": 0, "review": 1},
    }
    assert list(result["by_script_line"]) == ["S-HOT-1", "S-STORE-2"]  # S-WEB-1's check is project-level
    assert result["counts"] == {"observations": 4, "checks": 8, "kept": 3, "broken": 4, "review": 1}


def test_breakdown_by_promise_and_touchpoint_for_the_heat_map():
    checks, observations = breakdown_fixture()
    result = metrics(checks, observations)["by_promise_touchpoint"]
    assert set(result) == {"P-24H", "P-RET"}
    assert list(result["P-RET"]) == ["store-bj", "store-sh"]  # web's check is project-level: no visit
    assert result["P-RET"]["store-sh"]["keeping_rate"] == 1.0
    assert result["P-RET"]["store-bj"] == {"keeping_rate": None, "keeping_interval": None, "kept": 0, "broken": 0,
                                           "review": 1}
    assert "S-HOT-1" not in result  # script lines are not promises
    tested = metrics(checks, observations)["tested_pairs"]
    assert ["P-RET", "store-sh"] in tested and ["P-RET", "web"] not in tested  # web: a project-level check


def test_by_promise_prefers_the_promise_field_over_the_target():
    result = metrics([check("kept", "promise", "whatever", promise="P-15MIN")])
    assert list(result["by_promise"]) == ["P-15MIN"]


def test_result_is_json_serialisable_and_rounded():
    checks = [check("kept")] * 2 + [check("broken")] + [check("kept", "script_line", "S-1", weight=2)] + \
        [check("broken", "script_line", "S-1", weight=1)] * 2
    result = metrics(checks, [observation("V-1", nps=9, ces=2, rating_tangibles=4)])
    assert json.loads(json.dumps(result)) == result
    assert result["promise_keeping_rate"] == 0.667
    assert result["consistency_index"] == 61.5  # 100 * (3+3+2) / (3+3+3+2+1+1) = 61.538…
