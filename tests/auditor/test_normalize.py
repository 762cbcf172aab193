"""Text normalisation for matching, and the map from normalised text back to the original."""

from __future__ import annotations

import json
import random

import pytest

from auditor.normalize import (
    NUMBER_UNIT,
    UNIT_TOKENS,
    Normalized,
    Normalizer,
    clause_end,
    clause_start,
    in_quotes,
    load_default_synonyms,
    split_clauses,
)
from auditor.quantity import canonical_unit, chinese_to_number, convert


@pytest.fixture(scope="module")
def plain() -> Normalizer:
    """Steps 1-4 only: no synonyms."""
    return Normalizer([])


@pytest.fixture(scope="module")
def norm() -> Normalizer:
    """With the default synonym list."""
    return Normalizer()


def evidence(n: Normalized, needle: str, occurrence: int = 0) -> str:
    """The original text behind the `occurrence`-th `needle` in the normalised text."""
    start = -1
    for _ in range(occurrence + 1):
        start = n.text.index(needle, start + 1)
    begin, end = n.to_original(start, start + len(needle))
    return n.original[begin:end]


# -- step 1: characters ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("２４小时", "24h"),
    ("ＡＢＣ", "abc"),
    ("ｗａｉｔｅｄ　ｆｏｒ", "waited for"),  # full-width letters and the ideographic space
    ("１５．５", "15.5"),
    ("ｶｽﾀﾏｰ", "カスタマー"),  # half-width katakana
    ("５０％", "50%"),
    ("回复，谢谢！", "回复|谢谢"),  # full-width punctuation
])
def test_width_folding(plain, text, expected):
    assert plain.phrase(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Real PERSON", "real person"),
    ("ChatBot", "chatbot"),
    ("ÉTÉ", "été"),
    ("İstanbul", "i̇stanbul"),  # lower case that grows a character keeps the map right
])
def test_case_folding(plain, text, expected):
    assert plain.phrase(text) == expected


@pytest.mark.parametrize(("traditional", "simplified"), [
    ("客戶", "客户"),
    ("機器人回覆", "机器人回覆"),
    ("只有機器人", "只有机器人"),
    ("門市人不多，冷氣很涼", "门市人不多，冷气很凉"),
    ("歡迎光臨", "欢迎光临"),
    ("顧客", "顾客"),
])
def test_traditional_and_simplified_normalise_alike(plain, norm, traditional, simplified):
    assert plain.phrase(traditional) == plain.phrase(simplified)
    assert norm.phrase(traditional) == norm.phrase(simplified)


def test_traditional_characters_fold_one_by_one(plain):
    n = plain("我的客戶說：等了十五分鐘")
    assert n.text == "我的客户说等了15min"
    assert evidence(n, "客户") == "客戶"
    assert evidence(n, "15min") == "十五分鐘"


# -- step 2 and 3: numbers and units ---------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("二十四小时", "24h"),
    ("两个半小时", "2.5h"),
    ("半小时", "0.5h"),
    ("半个小时", "0.5h"),
    ("一个半小时", "1.5h"),
    ("三天半", "3.5day"),
    ("一刻钟", "15min"),
    ("三刻钟", "45min"),
    ("排咗三個骨", "排咗45min"),  # Cantonese: three quarters of an hour
    ("三個骨頭", "三个骨头"),  # …but three bones are three bones
    ("百分之二十", "20%"),
    ("百分之九十五", "95%"),
    ("两周", "2week"),
    ("五个工作日", "5wday"),  # working days are a unit of their own
    ("一百二十元", "120cny"),
    ("三百五十块钱", "350cny"),
    ("二点五个小时", "2.5h"),
    ("两三天", "2-3day"),  # an approximate range, not 23
    ("三五天", "3-5day"),
    ("二十多分钟", "20多min"),  # "more than 20": digits, but deliberately no quantity
])
def test_chinese_numerals_in_quantities(plain, text, expected):
    assert plain.phrase(text) == expected


@pytest.mark.parametrize("text", [
    "我一直在等", "一定要回电", "稍等一下", "十分满意", "万一没人接", "一个人也没有", "星期一", "五月一日",
    "一样的回答", "统一回复", "一块儿去", "三分之一",
])
def test_chinese_numerals_that_are_words_stay(plain, text):
    assert plain.phrase(text) == text


def test_dates_are_not_durations(plain):
    assert plain.phrase("5月1日到店") == "5月1日到店"
    assert plain.phrase("等了3日") == "等了3day"


@pytest.mark.parametrize(("text", "expected"), [
    ("twenty-four", "24"),
    ("twenty four hours", "24h"),
    ("forty-five days", "45day"),
    ("a quarter of an hour", "0.25h"),
    ("three quarters of an hour", "0.75h"),
    ("half an hour", "0.5h"),
    ("half a day", "0.5day"),
    ("an hour and a half", "1.5h"),
    ("one and a half hours", "1.5h"),
    ("two and a half hours", "2.5h"),
    ("2 and a half hours", "2.5h"),
    ("an hour", "1h"),
    ("a day", "1day"),
    ("one week", "1week"),
    ("fifteen", "15"),
    ("thirty", "30"),
    ("a hundred", "100"),
    ("one hundred and five", "105"),
    ("1,200 yuan", "1200cny"),
])
def test_english_number_words(plain, text, expected):
    assert plain.phrase(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("no one answered", "no one answered"),  # the negation stays readable
    ("one of them", "one of them"),
    ("twice a day", "twice a day"),
    ("24 hours a day", "24h a day"),  # "a day" is a rate here, not a second quantity
    ("someone", "someone"),
    ("often", "often"),
    ("a nice day", "a nice day"),
    ("the tenth time", "the tenth time"),
    ("half price", "half price"),
    ("attention", "attention"),
])
def test_english_words_that_are_not_quantities_stay(plain, text, expected):
    assert plain.phrase(text) == expected


@pytest.mark.parametrize(("variants", "expected"), [
    (["15 mins", "15 minutes", "15 min", "15min", "十五分钟", "15分鐘", "15 分钟", "fifteen minutes", "１５分鐘"],
     "15min"),
    (["2 hrs", "2 hours", "2h", "2 hr", "2小时", "2个小时", "2钟头", "两个小时", "two hours", "兩個小時"], "2h"),
    (["3 days", "3 day", "3天", "3日", "三天", "three days"], "3day"),
    (["2周", "2 weeks", "两个星期", "两个礼拜", "two weeks"], "2week"),
    (["10 %", "10%", "10 percent", "10 per cent", "百分之十", "ten percent", "１０％"], "10%"),
    (["¥100", "100元", "RMB 100", "100 yuan", "一百元", "100块", "￥100", "¥100元"], "100cny"),
    (["30 seconds", "30秒", "三十秒", "30 secs"], "30sec"),
    (["HK$50", "50港币", "50 hkd"], "50hkd"),
])
def test_unit_variants_give_the_same_quantity(plain, variants, expected):
    assert {v: plain.phrase(v) for v in variants} == {v: expected for v in variants}


def test_a_quarter_of_an_hour_is_fifteen_minutes(plain):
    quarter = NUMBER_UNIT.fullmatch(plain.phrase("a quarter of an hour"))
    minutes = NUMBER_UNIT.fullmatch(plain.phrase("十五分钟"))
    assert (quarter["value"], quarter["unit"]) == ("0.25", "h")
    assert convert(float(quarter["value"]), canonical_unit(quarter["unit"]),
                   canonical_unit(minutes["unit"])) == pytest.approx(float(minutes["value"]))


def test_number_unit_finds_quantities_in_text(plain):
    text = plain.phrase("客服说两个半小时内回电，实际等了三天半, and the refund took 2 weeks (¥199).")
    found = [(m["value"], canonical_unit(m["unit"])) for m in NUMBER_UNIT.finditer(text)]
    assert found == [("2.5", "h"), ("3.5", "day"), ("2", "week"), ("199", "CNY")]
    assert set(UNIT_TOKENS) == {canonical_unit(token) for token in UNIT_TOKENS.values()}


def test_ambiguous_unit_letters_are_not_units_in_text(plain):
    assert plain.phrase("the 90s") == "the 90s"
    assert plain.phrase("a 3d printer") == "a 3d printer"
    assert plain.phrase("打了5分") == "打了5分"  # a score, not minutes


@pytest.mark.parametrize(("text", "expected", "original"), [
    ("after a 45-minute wait", "after a 45min wait", "45-minute"),
    ("We offer 7-day free returns", "we offer 7day free returns", "7-day"),
    ("a 24-hour delay", "a 24h delay", "24-hour"),
    ("a forty-five-minute wait", "a 45min wait", "forty-five-minute"),
    ("a 1.5-hour delay", "a 1.5h delay", "1.5-hour"),
    ("a one-hour slot", "a 1h slot", "one-hour"),
    ("a 30-second reply", "a 30sec reply", "30-second"),
])
def test_a_number_hyphenated_to_its_unit_is_a_quantity(plain, text, expected, original):
    n = plain(text)
    assert n.text == expected
    quantity = NUMBER_UNIT.search(n.text)
    assert n.original[slice(*n.to_original(*quantity.span()))] == original


@pytest.mark.parametrize(("text", "expected"), [
    ("2-3 days", "2-3day"),  # a range stays a range
    ("call 400-820-8820", "call 400-820-8820"),
    ("a 5-star hotel", "a 5 star hotel"),
    ("covid-19 test", "covid 19 test"),
    ("a 3-d printer", "a 3 d printer"),  # a lone d is no unit in free text
    ("room 12-b", "room 12 b"),
])
def test_other_hyphens_after_a_number_make_no_new_quantity(plain, text, expected):
    assert plain.phrase(text) == expected


# -- step 4: punctuation and spaces ----------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Hello. How are you?", "hello|how are you"),
    ("您好。请问！需要帮忙吗？", "您好|请问|需要帮忙吗"),
    ("one; two, three", "one|2|3"),  # "one" alone is a word (no one), not a number
    ("line one\nline two\r\nline three", "line one|line 2|line 3"),
    ("It took 2.5 hours.", "it took 2.5h"),
    ("Called at 23:10, no answer", "called at 23:10|no answer"),
    ("Called at 23：10", "called at 23:10"),
    ("24/7 support", "24/7 support"),
    ("and/or", "and/or"),  # kept between letters and digits alike
    ("see /here/", "see here"),
    ("95% satisfied", "95% satisfied"),
    ("I don't know", "i don't know"),
    ("it’s fine", "it's fine"),
    ("'quoted'", "quoted"),
    ("2-3 days", "2-3day"),
    ("e-mail (twice) [sic] \"ok\" #1 @shop", "e mail twice sic“ok”1 shop"),  # quotes end a clause, kept
    ("Wait...   what?!  ", "wait|what"),
    ("  | leading and trailing |  ", "leading and trailing"),
    ("“引号”和《书名》", "“引号”和书名"),
    ("", ""),
    ("。。。", ""),
])
def test_punctuation(plain, text, expected):
    assert plain.phrase(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("全天候 客服", "全天候客服"),
    ("我们 提供 服务", "我们提供服务"),
    ("hello 世界", "hello世界"),
    ("只有 bot 回复", "只有bot回复"),
    ("real   person", "real person"),
    ("the chatbot said", "the chatbot said"),
])
def test_no_spaces_next_to_cjk(plain, text, expected):
    assert plain.phrase(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ('He said "we call back".', "he said“we call back”"),
    ("页面显示“72小时送达”。", "页面显示“72h送达”"),
    ("頁面顯示「72小時送達」", "页面显示“72h送达”"),  # corner brackets are quotation marks too
    ("『好』", "“好”"),
    ('"A", "B" and "C"', "“a”“b”and“c”"),  # no separator is needed beside a quotation mark
    ('a 5" screen, ok', "a 5|screen|ok"),  # a straight quote left without its pair only ends a clause
    ('say "hi\nbye" twice', "say|hi|bye|twice"),  # nor are straight quotes paired across lines
])
def test_quotation_marks_are_kept_as_one_pair_of_marks(plain, text, expected):
    assert plain.phrase(text) == expected


def test_clauses_end_at_quotation_marks(plain):
    text = plain.phrase('页面显示“72小时送达，包邮”。实际送了三天，"还行"')
    assert text == "页面显示“72h送达|包邮”实际送了3day“还行”"  # a quotation mark is clause mark enough
    assert split_clauses(text) == ["页面显示", "72h送达", "包邮", "实际送了3day", "还行", ""]
    quoted, reported = text.index("72h"), text.index("3day")
    assert clause_start(text, quoted) == quoted and clause_end(text, quoted) == text.index("|")
    assert clause_start(text, reported) == text.index("实际") and clause_end(text, reported) == reported + 4
    assert in_quotes(text, quoted) and in_quotes(text, text.index("包邮")) and in_quotes(text, text.index("还行"))
    assert not in_quotes(text, reported) and not in_quotes(text, 0)
    assert not in_quotes("页面显示“72h送达", 5)  # a quotation never closed quotes nothing


def test_evidence_through_quotation_marks(plain, norm):
    n = plain('She said: "We\'ll call you back within 2 hours."')
    assert n.text == "she said“we'll call you back within 2h”"
    assert evidence(n, "“") == '"' and evidence(n, "2h”") == '2 hours."'
    n = norm("页面显示「48小時送達」")
    assert evidence(n, "48h") == "48小時"


# -- step 5: synonyms ------------------------------------------------------------------

def test_around_the_clock_variants_are_one_token(norm):
    forms = ["around the clock", "round-the-clock", "全天候", "24/7", "24x7", "７×２４小時", "24 hours a day",
             "twenty-four hours a day, seven days a week"]
    assert {norm.phrase(f) for f in forms} == {"24/7"}  # the group's first phrase
    assert norm.phrase("Support is around the clock") == norm.phrase("support is 24/7")
    # before a service word 24 hours is around the clock, and the service word stays
    assert norm.phrase("全天候客服") == norm.phrase("24小时客服") == norm.phrase("24小時客服")
    assert norm.phrase("a 24-hour hotline") == norm.phrase("a 24/7 hotline")
    assert norm.phrase("真人客服24小时为你服务") == "human 24/7为你服务"


@pytest.mark.parametrize("duration", ["24小时", "24 hours", "twenty-four hours", "within 24 hours", "24小时内回复",
                                      "24 hours before arrival"])
def test_a_duration_of_24_hours_is_a_quantity_never_24_7(norm, duration):
    """SPEC §5: 'within 24 hours', '24小时内回复', '24 hours before arrival' are 24 h."""
    assert "24h" in norm.phrase(duration) and "24/7" not in norm.phrase(duration)


def test_without_synonyms_keeps_quantities(norm):
    assert norm.without_synonyms("reply within 24 hours, 全天候") == "reply within 24h|全天候"
    assert norm.without_synonyms("只有機器人回覆") == "只有机器人回覆"


def test_bot_variants_are_one_token(norm):
    forms = ["chatbot", "bot", "robot", "机器人", "機器人", "智能客服", "自动回复", "automated reply", "ChatBot"]
    assert len({norm.phrase(f) for f in forms}) == 1
    assert norm.phrase("a real person answered, not a bot") == norm.phrase("a human answered, not a robot")
    assert norm.phrase("是真人") == norm.phrase("是人工客服")


def test_a_word_variant_only_fires_on_whole_words():
    n = Normalizer([["bot", "chatbot"], ["fee", "charge"]])
    assert n.phrase("a robot answered") == "a robot answered"  # bot is not in robot
    assert n.phrase("the chatbot answered") == "the bot answered"
    assert n.phrase("bots and abbots") == "bots and abbots"
    assert n.phrase("coffee charged") == "coffee charged"
    assert n.phrase("a charge") == "a fee"
    with_robot = Normalizer([["bot", "chatbot", "robot"]])
    assert with_robot.phrase("a robot answered") == "a bot answered"


def test_product_words_are_protected(norm):
    assert "bot" not in norm.phrase("My robot vacuum stopped working")
    assert norm.phrase("扫地机器人坏了") == norm.phrase("扫地机坏了")
    assert norm.phrase("robot vacuum") == norm.phrase("扫地机器人") == norm.phrase("掃地機器人")
    assert norm.phrase("只有机器人回复") != norm.phrase("只有扫地机器人回复")
    assert norm.phrase("人工智能") != norm.phrase("人工客服")  # 人工 (a human) is not in 人工智能 (AI)


def test_the_first_phrase_of_a_group_is_the_canonical_form():
    n = Normalizer([["Call Back", "ring back", "回电话", "回电"], ["退款", "refund"]])
    assert n.phrase("they will ring back") == "they will call back"
    assert n.phrase("请给我回电话") == "请给我call back"
    assert n.phrase("we refund") == "we退款"  # a CJK form takes no space next to it
    assert n.synonyms["回电"] == "call back"


def test_a_latin_form_replacing_chinese_next_to_latin_gets_a_space():
    n = Normalizer([["bot", "机器人"], ["reply", "回复"]])
    assert n.phrase("只有机器人回复") == "只有bot reply"
    assert n.phrase("ai机器人") == "ai bot"


def test_default_synonyms_file():
    groups = load_default_synonyms()
    assert 25 <= len(groups) <= 60
    assert all(isinstance(g, list) and g and all(isinstance(p, str) for p in g) for g in groups)
    flat = [p for g in groups for p in g]
    assert "24/7" in flat and "全天候" in flat and "机器人" in flat and "扫地机器人" in flat
    from resources import resource_path
    raw = json.loads(resource_path("synonyms.json").read_text(encoding="utf-8"))
    assert any(isinstance(item, dict) and "_comment" in item for item in raw)


def test_synonym_lists_are_validated():
    with pytest.raises(ValueError):
        Normalizer([["ok", 3]])  # type: ignore[list-item]
    with pytest.raises(ValueError):
        Normalizer("bot")  # type: ignore[arg-type]
    assert Normalizer([{"_comment": "ignored"}, ["a b", "c d"]]).phrase("c d") == "a b"  # type: ignore[list-item]


def test_a_phrase_in_two_groups_belongs_to_the_first():
    n = Normalizer([["bot", "机器人"], ["robot", "机器人"]])
    assert n.phrase("机器人") == "bot"


@pytest.mark.parametrize("typo", [
    "cal you back", "calll you back", "clal you back", "call you bakc", "call you bck", "call you backk",
])
def test_a_phrase_of_several_words_with_one_typo_is_still_its_group(typo):
    n = Normalizer([["call back", "call you back"], ["回电", "call back"]])
    assert n.phrase(f"We'll {typo} soon") == "we'll call back soon"
    assert typo not in n.synonyms  # the group's own phrases are what the user wrote


@pytest.mark.parametrize("text", [
    "we'll all you back soon",  # the first letter of a word is never taken for a typo
    "better than you think",  # "than" is not "thank": a last letter is dropped only from a double letter
    "we'll cal yu back soon",  # two typos
    "we'll cal you bak soon",
    "she relies on it",  # a single word one letter off is often another word (replies)
    "nobody rang back",  # another word, not a typo (ring has 4 letters, rang is a substitution)
])
def test_words_more_than_one_typo_away_from_a_phrase_stay(text):
    n = Normalizer([["call back", "call you back", "ring back"], ["thanks", "thank you"], ["reply", "replies"]])
    assert n.phrase(text) == text


def test_evidence_of_a_phrase_with_a_typo_is_the_whole_phrase(norm):
    n = norm("Agent: We'll cal you back within 2 hrs. Hi, your chatting with a real persn")
    assert evidence(n, norm.phrase("call back")) == "cal you back"
    assert evidence(n, norm.phrase("real person")) == "real persn"
    assert norm.phrase("We'll cal you back") == norm.phrase("We'll call you back") == norm.phrase("We'll ring you back")


# -- the map back to the original --------------------------------------------------------

def test_evidence_points_into_the_original(norm, plain):
    n = norm("Called at 23:10. 只有機器人回覆")
    assert evidence(n, norm.phrase("机器人")) == "機器人"
    p = plain("Called at 23:10. 只有機器人回覆")
    assert p.text == "called at 23:10|只有机器人回覆"
    assert evidence(p, "机器人") == "機器人"
    assert evidence(p, "23:10") == "23:10"
    assert evidence(p, "called") == "Called"


@pytest.mark.parametrize(("text", "needle", "original"), [
    ("等了两个半小时才有人接", "2.5h", "两个半小时"),
    ("I waited twenty-five minutes for a reply", "25min", "twenty-five minutes"),
    ("It took an hour and a half!", "1.5h", "an hour and a half"),
    ("ＡＢＣ公司的客戶", "abc", "ＡＢＣ"),
    ("ＡＢＣ公司的客戶", "客户", "客戶"),
    ("price: ¥199 only", "199cny", "¥199"),
    ("weight ５㎏ ok", "5kg", "５㎏"),
    ("zero\u200bwidth", "zerowidth", "zero\u200bwidth"),
    ("great 😀 service", "great service", "great 😀 service"),
    ("全天候 客服", "全天候客服", "全天候 客服"),
    ("Hello.   World", "hello|world", "Hello.   World"),
])
def test_evidence_of_rewritten_text(plain, text, needle, original):
    assert evidence(plain(text), needle) == original


def test_evidence_through_synonyms(norm):
    n = norm("The staff said the robot vacuum is free of charge, 全天候 客服.")
    assert evidence(n, norm.phrase("robot vacuum")) == "robot vacuum"
    assert evidence(n, "free") == "free of charge"
    assert evidence(n, "24/7") == "全天候"
    n = norm("只有機器人回覆")
    assert evidence(n, "bot") == "機器人"
    assert evidence(n, "reply") == "回覆"
    assert evidence(n, "bot reply") == "機器人回覆"


def test_a_span_inside_a_replacement_maps_to_the_whole_of_it(plain):
    n = plain("等了两个半小时")
    start = n.text.index("2.5h")
    assert n.original[slice(*n.to_original(start + 1, start + 2))] == "两个半小时"
    assert n.to_original(0, 0) == (0, 0)
    assert n.to_original(len(n.text), len(n.text)) == (len(n.original), len(n.original))


def test_spans_outside_the_text_are_refused(plain):
    n = plain("abc")
    for start, end in [(-1, 2), (2, 1), (0, 4)]:
        with pytest.raises(ValueError):
            n.to_original(start, end)


def test_a_hand_made_result_maps_one_to_one():
    n = Normalized("abc", "abc")
    assert n.to_original(1, 2) == (1, 2)


def test_phrase_is_the_text_of_a_call(norm):
    for text in ["全天候客服", "An hour and a half", "", "   "]:
        assert norm.phrase(text) == norm(text).text
        assert norm.phrase(text) == norm.phrase(text)


_PIECES = [
    "Called at 23:10.", "只有機器人回覆", "客戶", "ＡＢＣ", "２４小時", "two and a half hours", "a quarter of an hour",
    "两个半小时", "半小时", "一刻钟", "百分之二十", "我一直在等", "no one answered", "24/7", "around the clock",
    "全天候", " ", "  ", "\n", "，", "。", "!", "...", "robot vacuum", "扫地机器人", "bot", "robot", "15 mins",
    "¥100", "100元", "I don't know", "it’s", "(yes)", "3天半", "forty-five days", "5月1日", "二十多分钟",
    "real person", "人工客服", "call back", "回电话", "free of charge", "不收费", "😀", "５㎏", "\u200b", "İ", "ﬁne",
    "2.5", "1,200", "2-3 days", "两三天", "twice a day", "a day", "an hour", "thirty", "refund", "退款", "HK$50",
    '"', "“", "”", "「", "」", "45-minute", "30-day", "cal you back", "real persn", "页面显示“72小时送达”",
]


def _samples(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) + rng.choice(["", " ", "", ", "]) for _ in range(rng.randint(1, 8)))
            for _ in range(count)]


@pytest.mark.parametrize("normalizer", ["plain", "norm"])
def test_every_span_maps_to_a_valid_original_span(request, normalizer):
    n_ = request.getfixturevalue(normalizer)
    for text in _samples(150):
        n = n_(text)
        length = len(n.text)
        starts = [n.to_original(i, i)[0] for i in range(length + 1)]
        for i in range(length + 1):
            for j in range(i, min(length, i + 12) + 1):
                start, end = n.to_original(i, j)
                assert 0 <= start <= end <= len(text), (text, i, j)
                if j > i:
                    assert end > start, (text, n.text, i, j)  # a character comes from somewhere
        assert starts == sorted(starts)
        ends = [n.to_original(0, j)[1] for j in range(length + 1)]
        assert ends == sorted(ends)
        whole = n.to_original(0, length)
        assert n_.phrase(text[:whole[0]]) == "" and n_.phrase(text[whole[1]:]) == ""  # only what vanishes


@pytest.mark.parametrize("normalizer", ["plain", "norm"])
def test_a_word_maps_to_original_text_that_normalises_to_it(request, normalizer):
    n_ = request.getfixturevalue(normalizer)
    for text in _samples(150, seed=11):
        n = n_(text)
        position = 0
        for clause in split_clauses(n.text):
            for word in clause.split(" "):
                start = n.text.index(word, position)
                position = start + len(word)
                if not word:
                    continue
                begin, end = n.to_original(start, position)
                assert word in n_.phrase(text[begin:end]), (text, n.text, word, text[begin:end])


def test_normalising_is_stable(norm):
    for text in _samples(200, seed=3):
        once = norm.phrase(text)
        assert norm.phrase(once) == once, text


def test_normalising_traditional_long_text_maps_back(norm):
    text = "客服說我們的服務是全天候的，但是我打電話過去只有機器人回覆，等了二十五分鐘才有人接聽。" * 6
    n = norm(text)
    assert n.text.count("bot") == 6
    for occurrence in range(6):
        assert evidence(n, "bot", occurrence) == "機器人"
        assert evidence(n, "25min", occurrence) == "二十五分鐘"


# -- quantity.chinese_to_number extensions ------------------------------------------------

@pytest.mark.parametrize(("text", "number"), [
    ("三百五", 350), ("两千五", 2500), ("一万五", 15000), ("一百零五", 105), ("二十四", 24),
    ("二点五", 2.5), ("零点五", 0.5), ("十点二五", 10.25),
])
def test_chinese_numerals_spoken_forms(text, number):
    assert chinese_to_number(text) == number
