"""Checks across the project (SPEC §5): claims that contradict the promise or each other,
promises no script states, and copied transcripts — on small hand-built projects."""

from __future__ import annotations

import pytest

from auditor.audit import matching_normalizer
from auditor.model import Check
from auditor.duplicates import DUPLICATE_MIN_LENGTH, duplicate_transcripts
from auditor.project_checks import ProjectAuditor
from auditor.records import Observation, Promise, ScriptLine

NORMALIZER = matching_normalizer(None)


def _ids(value: object) -> str | None:
    """Test ids: promises and script lines by their keys."""
    return value.key if isinstance(value, (Promise, ScriptLine)) else None


def _promise(key: str, text: str, touchpoints: list[str] | None = None, *, metric: str | None = None,
             operator: str | None = None, target: float | None = None, unit: str | None = None,
             weight: int = 3) -> Promise:
    return Promise(key=key, text=text, touchpoints=None if touchpoints is None else frozenset(touchpoints),
                   dimension=None, metric=metric, operator=operator, target=target, unit=unit, breach_cues=[],
                   weight=weight, valid_from=None, valid_to=None)


def _line(key: str, touchpoint: str, text: str, promise: str | None = None, *, kind: str = "required",
          weight: int = 3) -> ScriptLine:
    return ScriptLine(key=key, touchpoint=touchpoint, text=text, kind=kind, step=None, promise=promise, weight=weight,
                      valid_from=None, valid_to=None, match_threshold=None, review_threshold=None)


RETURNS = _promise("P-RET30", "30-day free returns, no reason needed 30天无理由退货", metric="return_window",
                   operator=">=", target=30, unit="day", weight=4)
CALLBACK = _promise("P-CB15", "Call back within 15 minutes 15分钟内回电", ["hotline", "chat", "hk-hotline"],
                    metric="callback_time", operator="<=", target=15, unit="min", weight=5)
DELIVERY = _promise("P-DEL48", "Delivered within 48 hours in Shanghai 上海48小时送达", ["web", "app"],
                    metric="delivery_time", operator="<=", target=48, unit="h")
HOME = _promise("P-HOME", "Delivery to your door 送货上门", ["web", "app", "store"])  # no quantity of its own
SIM = _promise("P-SIM1H", "Replacement SIM ready within 1 hour 补卡1小时内完成", ["store", "hk-store"], metric="sim_time",
              operator="<=", target=1, unit="h", weight=2)
TOUCHPOINTS = ["web", "app", "hotline", "chat", "hk-hotline", "store", "hk-store"]


def _auditor(promises: list[Promise], lines: list[ScriptLine], touchpoints=TOUCHPOINTS) -> ProjectAuditor:
    return ProjectAuditor(NORMALIZER, promises, lines, sorted(touchpoints))


def _inconsistent(promises: list[Promise], lines: list[ScriptLine]) -> dict[str, Check]:
    """The inconsistent_claim checks by script line, their evidence checked against the line's text."""
    text_of = {line.key: line.text for line in lines}
    checks = {}
    for check in _auditor(promises, lines).inconsistent_claims():
        assert (check.kind, check.target_type, check.observation) == ("inconsistent_claim", "script_line", None)
        assert check.target == check.script_line and check.target not in checks
        evidence = check.evidence
        assert text_of[check.target][evidence.start:evidence.end] == evidence.text
        checks[check.target] = check
    return checks


def _uncovered(promises: list[Promise], lines: list[ScriptLine], touchpoints=TOUCHPOINTS) -> dict[tuple, str]:
    """(promise, touchpoint) -> verdict of the uncovered_promise checks."""
    checks = {}
    for check in _auditor(promises, lines, touchpoints).uncovered_promises():
        assert (check.kind, check.target_type, check.observation) == ("uncovered_promise", "promise", None)
        assert check.target == check.promise
        checks[(check.promise, check.touchpoint)] = check.verdict
    return checks


# -- inconsistent_claim ---------------------------------------------------------------------


@pytest.mark.parametrize("promise, line, quoted, verdict", [
    (RETURNS, _line("S-1", "web", "30天无理由退货，免费上门取件", "P-RET30"), "30天", "kept"),
    (RETURNS, _line("S-2", "store", "本店支持7天无理由退货", "P-RET30"), "7天", "broken"),
    (RETURNS, _line("S-3", "hk-store", "本店貨品享14日無理由退貨"), "14日", "broken"),  # unlinked, Traditional, 日
    (RETURNS, _line("S-4", "hk-hotline", "所有產品均享30日無理由退貨"), "30日", "kept"),  # 30日 is 30天
    (RETURNS, _line("S-5", "app", "Returns accepted within 30 days, no reason needed.", "P-RET30"), "30 days", "kept"),
    (RETURNS, _line("S-6", "app", "三十天无理由退货，放心购", "P-RET30"), "三十天", "kept"),  # Chinese numeral
    (CALLBACK, _line("S-7", "chat", "We'll call you back within 2 hours.", "P-CB15"), "2 hours", "broken"),
    (CALLBACK, _line("S-8", "hk-hotline", "如未能即時解決，我們會於15分鐘內回電", "P-CB15"), "15分鐘", "kept"),
    (CALLBACK, _line("S-9", "chat", "We will call you back within a quarter of an hour", "P-CB15"),
     "a quarter of an hour", "kept"),  # 0.25 h is 15 min
    (CALLBACK, _line("S-10", "hotline", "我们会在半小时内给您回电", "P-CB15"), "半小时", "broken"),
    (DELIVERY, _line("S-11", "app", "下单后72小时内送达", "P-DEL48"), "72小时", "broken"),
    (DELIVERY, _line("S-12", "web", "上海市内下单后48小时送达", "P-DEL48"), "48小时", "kept"),
    (DELIVERY, _line("S-13", "web", "上海市内两天内送达", "P-DEL48"), "两天", "kept"),  # 2 days is 48 h
    (RETURNS, _line("S-14", "app", "We offer 7-day free returns, no reason needed.", "P-RET30"), "7-day", "broken"),
    (CALLBACK, _line("S-15", "hotline", "我们会在两小时内给您回电"), "两小时", "broken"),  # unlinked
    (CALLBACK, _line("S-16", "chat", "We'll call you back within 2 hours."), "2 hours", "broken"),  # unlinked
    (SIM, _line("S-17", "store", "Replacement SIM ready in 1 hour."), "1 hour", "kept"),  # unlinked, in for within
    (SIM, _line("S-18", "store", "Replacement SIM ready in 2 hours."), "2 hours", "broken"),
    (SIM, _line("S-19", "hk-store", "補卡兩小時內完成"), "兩小時", "broken"),
], ids=_ids)
def test_a_script_line_is_compared_with_its_promises_quantity(promise, line, quoted, verdict):
    checks = _inconsistent([promise], [line])
    assert set(checks) == {line.key}
    check = checks[line.key]
    assert check.verdict == verdict and check.promise == promise.key and check.touchpoint == line.touchpoint
    assert check.evidence.text == quoted
    if verdict == "broken":
        assert check.expected == promise.text and check.observed == line.text
        assert "the promise says" in check.reason


def test_the_samples_return_lines_at_once():
    lines = [_line("S-01", "web", "30天无理由退货，免费上门取件", "P-RET30"),
             _line("S-17", "hk-hotline", "所有產品均享30日無理由退貨", "P-RET30"),
             _line("S-26", "store", "本店支持7天无理由退货", "P-RET30"),
             _line("S-30", "hk-store", "本店貨品享14日無理由退貨"),
             _line("S-31", "store", "退货请保留小票")]  # about returns, but no quantity: nothing to compare
    checks = _inconsistent([RETURNS, CALLBACK], lines)
    assert {key: check.verdict for key, check in checks.items()} == {
        "S-01": "kept", "S-17": "kept", "S-26": "broken", "S-30": "broken"}
    assert all(check.promise == "P-RET30" for check in checks.values())


def test_scripts_are_compared_with_each_other_when_the_promise_has_no_quantity():
    lines = [_line("S-1", "web", "下单后2天内送货上门", "P-HOME"),
             _line("S-2", "app", "下单后两天内送货上门", "P-HOME"),
             _line("S-3", "store", "下单后3天内送货上门", "P-HOME")]
    checks = _inconsistent([HOME], lines)
    assert {key: check.verdict for key, check in checks.items()} == {"S-1": "kept", "S-2": "kept", "S-3": "broken"}
    assert "most scripts say 2" in checks["S-3"].reason
    assert checks["S-3"].evidence.text == "3天"


def test_with_no_majority_every_differing_script_is_inconsistent():
    lines = [_line("S-1", "web", "下单后2天内送货上门", "P-HOME"), _line("S-2", "app", "下单后3天内送货上门", "P-HOME")]
    checks = _inconsistent([HOME], lines)
    assert {key: check.verdict for key, check in checks.items()} == {"S-1": "broken", "S-2": "broken"}
    assert all("other touchpoints' scripts say otherwise" in check.reason for check in checks.values())


@pytest.mark.parametrize("lines", [
    [_line("S-1", "web", "下单后2天内送货上门", "P-HOME"),
     _line("S-2", "app", "Delivery to your door within 48 hours", "P-HOME")],  # 2 days == 48 h
    [_line("S-1", "web", "下单后2天内送货上门", "P-HOME"), _line("S-2", "app", "两天内送货上门，全城包邮", "P-HOME")],
    [_line("S-1", "web", "下单后2天内送货上门", "P-HOME")],  # one script alone contradicts nobody
    [_line("S-1", "web", "免费送货上门", "P-HOME"), _line("S-2", "app", "送货上门，快捷方便", "P-HOME")],  # no quantity
])
def test_scripts_that_agree_are_not_reported(lines):
    assert not [check for check in _inconsistent([HOME], lines).values() if check.verdict == "broken"]


def test_scripts_in_different_units_are_compared_as_quantities():
    lines = [_line("S-1", "web", "下单后2天内送货上门", "P-HOME"), _line("S-2", "app", "下单后2小时内送货上门", "P-HOME")]
    checks = _inconsistent([HOME], lines)  # 2 days against 2 hours: they contradict each other
    assert {key: check.verdict for key, check in checks.items()} == {"S-1": "broken", "S-2": "broken"}


@pytest.mark.parametrize("line", [
    _line("S-1", "store", "退货只有7天", kind="forbidden"),  # a forbidden line states nothing on the brand's behalf
    _line("S-2", "store", "门店营业时间为每天10小时"),  # another matter, another unit
    _line("S-3", "web", "7天内可以修改收货地址"),  # 7 days, but not about returns
], ids=lambda line: line.text)
def test_lines_that_do_not_state_the_promise_are_not_compared(line):
    assert _inconsistent([RETURNS], [line]) == {}


# -- uncovered_promise ----------------------------------------------------------------------


def test_a_promise_is_covered_where_a_script_states_it():
    lines = [_line("S-1", "hotline", "如果今天不能解决，我们会在15分钟内给您回电", "P-CB15"),  # linked
             _line("S-2", "chat", "We'll call you back within 15 minutes."),  # unlinked, by its wording
             _line("S-3", "hk-hotline", "你好，奧瑞莉亞客戶服務熱線")]  # a greeting only
    assert _uncovered([CALLBACK], lines) == {
        ("P-CB15", "hotline"): "kept", ("P-CB15", "chat"): "kept", ("P-CB15", "hk-hotline"): "broken"}


SEATS = _promise("P-SEAT", "Members choose their seat free, 1 Oct – 15 Dec 2026. 会员免费选座（2026年10月1日至12月15日）。",
                 ["ci-pvg", "ci-hkg", "app"])
LANGUAGES = _promise("P-LANG", "Cantonese, Mandarin or English: we serve you in your language. 粤语、普通话、英语，全程母语服务。",
                     ["ci-pvg", "ci-hkg", "app"])


def test_a_line_states_a_promise_in_another_order_or_by_other_names():
    """会员选座免费 states 会员免费选座 (its period's dates need not be said); 廣東話 is 粤语,
    English is 英语. A line with the words of another promise states nothing."""
    lines = [_line("S-1", "ci-pvg", "会员选座免费，请问您想要靠窗还是靠过道"),
             _line("S-2", "ci-hkg", "廣東話、普通話、English都可以幫到你"),
             _line("S-3", "app", "选座请先登录会员账号")]  # members and seats, but not free
    uncovered = _uncovered([SEATS, LANGUAGES], lines, touchpoints=["ci-pvg", "ci-hkg", "app"])
    assert uncovered[("P-SEAT", "ci-pvg")] == "kept" and uncovered[("P-LANG", "ci-hkg")] == "kept"
    assert uncovered[("P-SEAT", "app")] == "broken" and uncovered[("P-SEAT", "ci-hkg")] == "broken"
    assert uncovered[("P-LANG", "ci-pvg")] == "broken"


def test_a_promise_for_every_touchpoint_is_checked_at_every_touchpoint():
    lines = [_line("S-1", "web", "30天无理由退货，免费上门取件", "P-RET30"),
             _line("S-2", "hk-hotline", "所有產品均享30日無理由退貨"),  # unlinked, Traditional, 日
             _line("S-3", "store", "本店支持7天无理由退货"),  # states it, wrongly: covered, and inconsistent
             _line("S-4", "app", "We offer free returns within 30 days, no reason needed."),  # unlinked English
             _line("S-5", "chat", "30天无理由退货", kind="forbidden"),  # a forbidden line covers nothing
             _line("S-6", "hotline", "您好，欢迎致电奥瑞莉亚24小时真人客服热线")]
    uncovered = _uncovered([RETURNS], lines)
    assert set(uncovered) == {("P-RET30", touchpoint) for touchpoint in TOUCHPOINTS}
    assert {touchpoint for (_, touchpoint), verdict in uncovered.items() if verdict == "broken"} == {
        "chat", "hotline", "hk-store"}


def test_an_uncovered_promise_says_where_and_why():
    check = next(c for c in _auditor([DELIVERY], []).uncovered_promises() if c.touchpoint == "app")
    assert check.verdict == "broken" and check.weight == DELIVERY.weight and check.expected == DELIVERY.text
    assert "app" in check.observed and check.evidence is None


def test_only_the_promises_touchpoints_are_checked():
    assert set(_uncovered([DELIVERY], [])) == {("P-DEL48", "web"), ("P-DEL48", "app")}
    assert _uncovered([DELIVERY], [], touchpoints=["hotline", "store"]) == {}


@pytest.mark.parametrize("line", [
    _line("S-1", "hotline", "我们会在15分钟内给您回电"),
    _line("S-1", "hotline", "15分钟内回电"),
    _line("S-1", "hotline", "Call back within 15 minutes, guaranteed."),
], ids=lambda line: line.text)
def test_an_unlinked_line_in_the_promises_own_words_covers_it(line):
    assert _uncovered([CALLBACK], [line])[("P-CB15", "hotline")] == "kept"


@pytest.mark.parametrize("promise, line", [
    (CALLBACK, _line("S-1", "hotline", "如果今天不能解决，我们将在十五分钟之内给您回电话")),
    (CALLBACK, _line("S-1", "hotline", "如未能即時解決，我們會於15分鐘內回電")),  # Traditional
    (SIM, _line("S-1", "store", "Replacement SIM ready in 1 hour.")),
    (SIM, _line("S-1", "store", "您的补卡将在1小时内完成")),
], ids=_ids)
def test_an_unlinked_line_stating_the_promise_with_words_of_its_own_covers_it(promise, line):
    assert _uncovered([promise], [line])[(promise.key, line.touchpoint)] == "kept"


@pytest.mark.parametrize("promise, line", [
    (CALLBACK, _line("S-1", "hotline", "我们会尽快给您回电")),  # no quantity: not the promise's clause
    (CALLBACK, _line("S-1", "hotline", "顾问15分钟内为您服务")),  # a quantity, but no call-back
    (CALLBACK, _line("S-1", "hotline", "我们会在5分钟内接通，并尽快回电")),  # the quantity is another clause's
    (CALLBACK, _line("S-1", "hotline", "Please hold, we answer within 15 minutes.")),
    (SIM, _line("S-1", "store", "携号转网7天内完成")),  # shares only 内完成
    (SIM, _line("S-1", "store", "SIM cards ready to buy")),
    (SIM, _line("S-1", "store", "Replacement SIM ready in 1 hour.", kind="forbidden")),
], ids=_ids)
def test_an_unlinked_line_that_only_shares_words_with_the_promise_leaves_it_uncovered(promise, line):
    assert _uncovered([promise], [line])[(promise.key, line.touchpoint)] == "broken"


# -- duplicate_transcript ------------------------------------------------------------------

ZH = ("欢迎光临奥瑞莉亚静安旗舰店，所有产品都可以现场体验。请稍候，顾问5分钟内为您服务。"
      "店员耐心介绍了咖啡机的三种型号，还演示了奶泡功能。")
ZH_TRADITIONAL = ("歡迎光臨奧瑞莉亞靜安旗艦店，所有產品都可以現場體驗。請稍候，顧問5分鐘內為您服務。"
                  "店員耐心介紹了咖啡機的三種型號，還演示了奶泡功能。")
EN = ("Greeted at the door within a minute. The adviser demonstrated three coffee machines "
      "and explained the 30-day return policy clearly.")


def _observation(key: str, transcript: str, shopper: str | None = "Mei") -> Observation:
    return Observation(key, "sh-jingan", "2026-10-11 14:40", shopper, transcript, {})


def _duplicates(*observations: Observation) -> list[Check]:
    checks = duplicate_transcripts([(o, NORMALIZER(o.transcript)) for o in observations])
    transcripts = {o.key: o.transcript for o in observations}
    for check in checks:
        assert (check.kind, check.verdict, check.target_type) == ("duplicate_transcript", "broken", "observation")
        assert check.observation > check.target  # reported on the later key, against the earlier one
        assert check.evidence.text == transcripts[check.observation]
        assert (check.evidence.start, check.evidence.end) == (0, len(transcripts[check.observation]))
    return checks


@pytest.mark.parametrize("copy", [
    ZH[:-1],  # the final 。 dropped (the sample's V-056 / V-061)
    ZH.replace("，", "、", 1),  # one comma changed
    ZH.replace("。", "！", 1),
    ZH_TRADITIONAL,  # the same words in Traditional characters
    ZH.replace("5", "５"),  # a full-width digit
])
def test_a_chinese_copy_with_one_change_is_a_duplicate(copy):
    checks = _duplicates(_observation("V-056", ZH, "Zhang Yue"), _observation("V-061", copy, "Liu Yang"))
    assert [(c.observation, c.target) for c in checks] == [("V-061", "V-056")]
    assert checks[0].score >= 95
    assert "Liu Yang and Zhang Yue" in checks[0].expected and "V-056" in checks[0].observed


@pytest.mark.parametrize("copy", [EN.rstrip(".") + "!", EN.upper(), EN.replace(". ", "; ", 1), "  " + EN])
def test_an_english_copy_with_one_change_is_a_duplicate(copy):
    checks = _duplicates(_observation("V-1", EN, "Tom"), _observation("V-2", copy, "Emily"))
    assert [(c.observation, c.target) for c in checks] == [("V-2", "V-1")]


def test_every_pair_of_copies_is_reported():
    checks = _duplicates(_observation("V-1", EN, "A"), _observation("V-2", EN, "B"), _observation("V-3", EN + " ", "C"))
    assert sorted((c.observation, c.target) for c in checks) == [("V-2", "V-1"), ("V-3", "V-1"), ("V-3", "V-2")]


def test_a_copy_by_the_same_shopper_is_still_a_duplicate():
    checks = _duplicates(_observation("V-1", EN, "Tom"), _observation("V-2", EN, "Tom"))
    assert len(checks) == 1 and "both by Tom" in checks[0].expected


@pytest.mark.parametrize("first, second", [
    (ZH, "欢迎光临奥瑞莉亚静安旗舰店，所有产品都可以现场体验。请稍候，顾问5分钟内为您服务。"
         "店员推荐了空气净化器，并说明了三十天无理由退货。"),  # the same greeting, another visit
    (EN, "Greeted at the door within a minute. The adviser demonstrated two air purifiers "
         "and explained the installation service clearly."),
    (EN, ZH),
    ("Called at 23:10. Only a robot answered, no real person until the next morning, so I gave up.",
     "Called at 02:15. Nobody picked up at all, I tried three times and then I gave up for the night."),
])
def test_merely_similar_transcripts_are_not_duplicates(first, second):
    assert _duplicates(_observation("V-1", first, "A"), _observation("V-2", second, "B")) == []


@pytest.mark.parametrize("transcript", ["No answer.", "没人接听，无人回复。", "Hotline closed at 22:00, recorded message.",
                                        "", "   "])
def test_short_transcripts_are_never_duplicates(transcript):
    assert len(transcript.replace(" ", "")) < DUPLICATE_MIN_LENGTH
    assert _duplicates(_observation("V-1", transcript, "A"), _observation("V-2", transcript, "B")) == []


def test_short_copies_beside_a_long_copy():
    checks = _duplicates(_observation("V-1", "No answer.", "A"), _observation("V-2", "No answer.", "B"),
                         _observation("V-3", ZH, "A"), _observation("V-4", ZH[:-1], "B"))
    assert [(c.observation, c.target) for c in checks] == [("V-4", "V-3")]


# -- times of day, durations of 24 hours, a promise's own quantity -----------------------------

AROUND_THE_CLOCK = _promise("P-247", "Real people, 24/7: staffed around the clock 全天候真人服务", ["hotline", "chat"])
LATE_CHECKOUT = _promise("P-LATE", "Free late check-out until 14:00 免费延迟退房至14:00", ["store", "hk-store"])
FREE_CANCEL = _promise("P-CXL", "Free cancellation up to 24 hours before arrival 入住前24小时免费取消", ["web", "app"])


@pytest.mark.parametrize("line, verdict, quoted", [
    (_line("L-1", "hotline", "人工服务时间为每天9:00至21:00", "P-247"), "broken", "9:00至21:00"),
    (_line("L-2", "chat", "Our agents are online 9am-9pm.", "P-247"), "broken", "9am-9pm"),
    (_line("L-3", "hotline", "您好，欢迎致电24小时真人客服", "P-247"), None, None),  # around the clock, no hours
    (_line("L-4", "store", "会员可免费延迟退房至下午两点", "P-LATE"), "kept", "下午两点"),
    (_line("L-5", "hk-store", "會員可以免費延遲退房至下午1點", "P-LATE"), "broken", "下午1點"),
    (_line("L-6", "store", "Late check-out is free until 2 pm.", "P-LATE"), "kept", "2 pm"),
    (_line("L-7", "web", "Cancel free of charge up to 48 hours before arrival.", "P-CXL"), "broken", "48 hours"),
    (_line("L-8", "app", "入住前24小时取消，免收任何费用", "P-CXL"), "kept", "24小时"),  # a duration, not 24/7
], ids=_ids)
def test_a_line_is_held_to_the_time_or_quantity_its_promise_states(line, verdict, quoted):
    found = _inconsistent([AROUND_THE_CLOCK, LATE_CHECKOUT, FREE_CANCEL], [line])
    if verdict is None:
        assert line.key not in found
    else:
        assert found[line.key].verdict == verdict and found[line.key].evidence.text == quoted


REFUND7 = _promise("P-REFUND", "Refunds reach your original card within 7 days. 退款7天内退回原支付卡。", ["web", "hotline"],
                   metric="refund_days", operator="<=", target=7, unit="day")


@pytest.mark.parametrize("line, verdict", [
    (_line("L-1", "hotline", "退款将在7个工作日内退回原支付卡", "P-REFUND"), "broken"),  # 7 working days are 9.8 days
    (_line("L-2", "web", "Refunds go back to your card within 5 business days.", "P-REFUND"), "kept"),  # 5 are a week
    (_line("L-3", "web", "Refunds go back to your original card within 7 days.", "P-REFUND"), "kept"),
], ids=_ids)
def test_working_days_are_not_days(line, verdict):
    assert _inconsistent([REFUND7], [line])[line.key].verdict == verdict


SHUTTLE = _promise("P-SHUTTLE", "Free airport shuttle with at least 2 departures an hour 免費機場接駁，每小時至少兩班",
                   ["store", "hk-store"], metric="shuttle_wait", operator="<=", target=30, unit="min")
VISITS = _promise("P-VISITS", "Members get three free visits a year 会员每年三次免费上门", ["store"])


@pytest.mark.parametrize("promise, line, verdict, quoted", [
    (SHUTTLE, _line("L-1", "store", "機場接駁車每小時一班，免費搭乘", "P-SHUTTLE"), "broken", "每小時一班"),
    (SHUTTLE, _line("L-2", "hk-store", "機場穿梭巴士免費，每個鐘有兩班", "P-SHUTTLE"), "kept", "每個鐘有兩班"),
    (SHUTTLE, _line("L-3", "store", "The shuttle runs with 3 departures an hour.", "P-SHUTTLE"), "broken",
     "3 departures an hour"),  # stricter, and still another claim
    (VISITS, _line("L-4", "store", "会员每年两次免费上门", "P-VISITS"), "broken", "每年两次"),
    (VISITS, _line("L-5", "store", "Three free visits a year for members.", "P-VISITS"), "kept",
     "Three free visits a year"),
    (SHUTTLE, _line("L-6", "store", "The shuttle is free for hotel guests.", "P-SHUTTLE"), None, None),  # no count
], ids=_ids)
def test_a_line_is_held_to_the_count_its_promise_states(promise, line, verdict, quoted):
    found = _inconsistent([promise], [line])
    if verdict is None:
        assert line.key not in found
    else:
        assert found[line.key].verdict == verdict and found[line.key].evidence.text == quoted, found[line.key]


def test_a_line_in_other_words_states_the_promise_it_speaks_of_with_a_quantity_of_its_kind():
    from auditor.subject import Subjects

    refund = _promise("P-REF", "Refund for wrong orders within 24 hours 错单24小时内退款", ["store", "web"],
                      metric="refund_time", operator="<=", target=24, unit="h")
    subjects = {refund.key: dict.fromkeys(Subjects(NORMALIZER).of_promise(refund.text, refund.metric), 1.0),
                CALLBACK.key: dict.fromkeys(Subjects(NORMALIZER).of_promise(CALLBACK.text, CALLBACK.metric), 1.0)}
    lines = [_line("L-1", "store", "Sorry about that, we'll refund you within a day."),
             _line("L-2", "web", "Refunds reach your card in 3 working days."),
             _line("L-3", "store", "Refunds are our pleasure.")]  # no quantity: states nothing
    auditor = ProjectAuditor(NORMALIZER, [refund, CALLBACK], lines, ["store", "web"], subjects)
    assert [line.key for line in auditor.stated_by[refund.key]] == ["L-1", "L-2"]
    verdicts = {check.target: check.verdict for check in auditor.inconsistent_claims()}
    assert verdicts == {"L-1": "kept", "L-2": "broken"}
    assert {check.touchpoint: check.verdict for check in auditor.uncovered_promises() if check.target == "P-REF"} == {
        "store": "kept", "web": "kept"}


GUEST = _promise("P-GUEST", "Gold members bring one guest into the lounge free. 金卡会员可免费携一位同行者进入贵宾室。", ["store"])


@pytest.mark.parametrize("line, verdict, quoted", [
    (_line("L-1", "store", "金卡會員可以免費帶兩位同行人士入場", "P-GUEST"), "broken", "兩位同行"),
    (_line("L-2", "store", "金卡会员可以免费带一位同行者入场", "P-GUEST"), "kept", "一位同行"),
    (_line("L-3", "store", "Gold members may bring two guests free of charge", "P-GUEST"), "broken", "two guests"),
    (_line("L-4", "store", "第2位同行者请出示会员卡", "P-GUEST"), None, None),  # the second guest: no count
], ids=_ids)
def test_a_count_of_people_a_line_states_is_compared_with_the_promises(line, verdict, quoted):
    check = _inconsistent([GUEST], [line]).get(line.key)
    assert (check and check.verdict, check and check.evidence.text) == (verdict, quoted), check and check.reason


def test_a_clause_of_synonyms_said_in_another_order_states_the_promise():
    """会员选座免费 for 会员免费选座, where every word is a synonym's token (会员, 选座, 免费)."""
    seat = _promise("P-SEAT", "Members choose their seat free. 会员免费选座", ["store"])
    line = _line("L-1", "store", "会员选座免费，请问您想要靠窗还是靠过道")
    assert _uncovered([seat], [line], ["store"]) == {("P-SEAT", "store"): "kept"}


def test_a_promise_worded_in_working_days_is_stated_by_a_line_in_working_days():
    """Target 5 day, but the promise's own words say "5 working days": a line saying 5 working
    days agrees with it, one saying 5 days does not."""
    dispute = _promise("P-DISPUTE", "Bill disputes resolved within 5 working days. 账单争议5个工作日内解决。", ["app"],
                       metric="dispute_days", operator="<=", target=5, unit="day")
    lines = [_line("L-1", "app", "Bill disputes are resolved within 5 working days", "P-DISPUTE"),
             _line("L-2", "app", "Bill disputes are resolved within 5 days", "P-DISPUTE")]
    checks = _inconsistent([dispute], lines)
    assert (checks["L-1"].verdict, checks["L-2"].verdict) == ("kept", "broken"), [c.reason for c in checks.values()]
