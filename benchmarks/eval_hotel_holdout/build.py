#!/usr/bin/env python3
"""Yunjing Hotels evaluation set, held-out part.

    python benchmarks/eval_hotel_holdout/build.py

Python 3.11, standard library only. The project (touchpoints, promises, script lines) and
the label machinery come from ../eval_hotel/build.py; the observations and their labels
are written here. The build refuses to write when an assertion fails, and also when the
three project files it would write differ from the ones in ../eval_hotel (run that part's
build first).

Engineers tuning the audit must not read this file's observations.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TUNING = HERE.parent / "eval_hotel"

_spec = importlib.util.spec_from_file_location("eval_hotel_build", TUNING / "build.py")
core = importlib.util.module_from_spec(_spec)
sys.modules["eval_hotel_build"] = core
_spec.loader.exec_module(core)

O, K, B, N, R, Q, CELL = core.O, core.K, core.B, core.N, core.R, core.Q, core.CELL

OBSERVATIONS = [
    # ------------------------------------------------------------------ web
    O("H-01", "web", "2026-09-17 11:00", "L. Brennan", "booking",
      "Compared our rate with two OTAs; yunjing-hotels.example was the lowest. No 'only X rooms left' banners this "
      "time. Rate terms: 'Free cancellation up to 48 hours before arrival.' I asked the site's help widget whether "
      "there was a cancellation fee on the non-member rate — answer: none.",
      "4,4,4,4,4,8,2",
      L={"P-FREECXL": K("shopper_question;subject_mentioned", "the shopper asked about a fee; the answer was none",
                        ev="cancellation fee"),
         "S-WEB-1": K("verbatim", "terms shown", ev="Free cancellation up to 48 hours before arrival"),
         "S-WEB-2": K("negation_outside_cue", "the record says there were no scarcity banners")}),
    O("H-02", "web", "2026-10-20 21:30", "周晓", "cancellation",
      "官网取消11月1日上海的订单，提前11天。页面写着Free cancellation up to 48 hours before arrival，但点确认后提示要扣一晚房费作为违约金，"
      "最后被扣了1280元。",
      "2,1,3,1,2,1,6",
      L={"P-FREECXL": B("breach_cue", "one night deducted as a 违约金", ev="违约金"),
         "S-WEB-1": K("verbatim", "terms shown", ev="Free cancellation up to 48 hours before arrival")}),
    O("H-03", "web", "2026-11-30 23:15", "張雅婷", "預訂",
      "官網訂信義店跨年。頁面上一直跳出「僅剩1間」，還有 Only 1 room left at this price 的紅字，很有壓迫感。付款流程倒是很順。",
      "3,3,4,2,2,5,3",
      L={"S-WEB-2": B("forbidden_verbatim", "scarcity banner shown", ev="Only 1 room left at this price")}),
    # ------------------------------------------------------------------ app
    O("H-04", "app", "2026-09-22 10:00", "李思远", "check-out",
      "8月底在外滩店退房，App上写着 Your deposit is refunded within 3 days of check-out。结果押金过了一个礼拜才退回信用卡。"
      "中间在App在线客服问进度，半天没人回复。",
      "3,1,1,2,2,2,6",
      L={"P-DEPOSIT": B("spoken_unit;days", "一个礼拜 = 7 days", q=Q("过了一个礼拜", 7, "day")),
         "P-CHAT": B("breach_cue;idiom_not_quantity", "没人回复 (半天 = 'for ages')", ev="没人回复"),
         "S-APP-2": K("verbatim", "summary screen", ev="Your deposit is refunded within 3 days of check-out")}),
    O("H-05", "app", "2026-10-15 14:20", "A. Fischer", "enquiry",
      "In-app chat: '在线客服将在5分钟内回复您'. I half expected to be left on read, but an agent replied in 3 minutes "
      "about the Taipei pool hours. Helpful.",
      "4,4,5,4,4,8,2",
      L={"P-CHAT": K("expectation;claim_quote", "'left on read' is only the expectation; reply in 3 minutes",
                     q=Q("replied in 3 minutes", 3, "min")),
         "S-APP-1": K("verbatim", "auto-message", ev="在线客服将在5分钟内回复您")}),
    O("H-06", "app", "2026-11-20 09:40", "Kelly 何", "取消",
      "用App取消12月台北的房，提前一周。页面显示取消费用：NT$0，一分钱没收。确认邮件20分钟后才到。",
      "4,4,3,4,4,8,2",
      L={"P-FREECXL": K("negation_outside_cue;fee_zero", "一分钱没收", ev="一分钱没收"),
         "P-CHAT": N("untested;quantity_not_metric", "the 20 minutes is an email, not a chat reply")}),
    # ------------------------------------------------------------------ phone
    O("H-07", "phone", "2026-09-24 02:30", "黃志明", "booking",
      "凌晨兩點半打訂房熱線，錄音講人工服務時間為每天9:00至21:00，之後一直響，冇人聽，等咗成十分鐘我就收線。",
      "2,1,1,2,1,1,7",
      L={"P-247": B("cue_cantonese", "冇人聽 at 02:30", ev="冇人聽"),
         "P-HOLD": B("cue_cantonese;hedge", "ten minutes, nobody", ev="冇人聽", q=Q("等咗成十分鐘", 10, "min")),
         "S-PH-2": K("traditional_variant", "IVR message", ev="人工服務時間為每天9:00至21:00")}),
    O("H-08", "phone", "2026-10-12 20:50", "L. Brennan", "complaint",
      "Called about a billing error at 20:50. I was braced for an automated menu and no one answering at that hour, "
      "but a person came on the line within a minute: '云境酒店预订中心，您好'. He couldn't fix it, logged a call back "
      "and said '如果电话没接通，我们会在一刻钟内给您回电'. The call back came two and a half hours later.",
      "3,2,4,3,3,4,5",
      L={"P-247": K("expectation", "the cues are only the shopper's expectation; a person answered",
                    ev="a person came on the line"),
         "P-HOLD": K("bound", "within a minute", q=Q("within a minute", 1, "min", "<")),
         "P-CALLBACK": B("en_number_word;unit_conversion;claim_quote", "two and a half hours",
                         q=Q("two and a half hours later", 2.5, "h")),
         "S-PH-1": K("verbatim", "greeting", ev="云境酒店预订中心，您好"),
         "S-PH-4": K("verbatim", "said", ev="如果电话没接通，我们会在一刻钟内给您回电")}),
    O("H-09", "phone", "2026-11-05 13:15", "孙丽", "cancellation",
      "13:15打电话取消香港的房。等了大概一分钟接通，'云境酒店预订中心，您好'。客服说入住前24小时取消，免收任何费用，我提前五天，免收手续费，"
      "确认短信马上就到了。客服还特意说他们7×24小时在线，半夜也有人。",
      "5,5,4,5,5,10,1",
      L={"P-FREECXL": K("negation_outside_cue", "免收手续费", ev="免收手续费"),
         "P-HOLD": K("hedge", "about a minute", q=Q("大概一分钟", 1, "min")),
         "P-247": K("subject_mentioned;duration_not_24_7", "7×24 stated, no breach; the 24小时 is a deadline",
                    ev="7×24小时在线"),
         "S-PH-1": K("verbatim", "greeting", ev="云境酒店预订中心，您好"),
         "S-PH-3": K("near_verbatim", "policy read out", ev="入住前24小时取消，免收任何费用")}),
    O("H-10", "phone", "2026-11-23 23:30", "S. Gupta", "complaint",
      "23:30 call. IVR: '人工服务时间为每天9:00至21:00'. Pressed 0 — no person came on the line, just music, for well "
      "over 20 minutes. Left a message. No callback by the next afternoon.",
      "2,1,1,2,1,0,7",
      L={"P-247": B("cue_paraphrase", "no person came on the line = no one answered", ev="no person came on the line"),
         "P-HOLD": B("bound;cue_paraphrase", "well over 20 minutes", q=Q("well over 20 minutes", 20, "min", ">")),
         "P-CALLBACK": B("breach_cue", "no callback", ev="No callback"),
         "S-PH-2": K("verbatim", "IVR message", ev="人工服务时间为每天9:00至21:00")}),
    O("H-11", "phone", "2026-12-02 10:10", "钱多多", "咨询",
      "问外滩店有没有无障碍客房。接通很快，但客服说这个不归我们这边管，要我自己打酒店前台。通话一共三分钟。",
      "3,3,4,2,2,4,5", m={"hold_time": "0.75"},
      L={"P-HOLD": K("measure_cell;quantity_not_metric", "0.75 min in the form; the 3-minute call is not the hold",
                     q=CELL),
         "S-PH-5": B("forbidden_reworded", "这个不归我们这边管", ev="这个不归我们这边管")}),
    # ------------------------------------------------------------------ chat
    O("H-12", "chat", "2026-09-28 23:55", "王磊", "enquiry",
      "23:55在微信问外滩店能不能寄存行李。先收到'您好，云境礼宾为您服务'。我问'请问是人工吗？'，对方答'是的，礼宾团队7×24小时在线'，"
      "两分钟内就回了，可以免费寄存。",
      "4,4,5,4,5,9,1",
      L={"P-247": K("shopper_question", "the shopper asked 是人工吗, answered 是的", ev="请问是人工吗"),
         "P-CHAT": K("bound;zh_numeral", "两分钟内", q=Q("两分钟内", 2, "min", "<")),
         "P-FREECXL": N("untested;generic_word", "免费 alone is not the cancellation subject"),
         "S-CH-1": K("verbatim", "greeting", ev="您好，云境礼宾为您服务"),
         "S-CH-2": K("verbatim", "said", ev="礼宾团队7×24小时在线")}),
    O("H-13", "chat", "2026-10-16 08:30", "T. Nguyen", "booking",
      "Asked about the rooftop café and a quote for 3 nights in Wan Chai. First message back was automatic: "
      "'客服将在10分钟内回复您'. A real person replied 20–25 minutes later with rates. Fine otherwise.",
      "3,3,2,3,3,6,4",
      L={"P-CHAT": B("range;claim_quote;accented_words", "20 to 25 minutes", q=Q("20–25 minutes", (20, 25), "min")),
         "P-247": K("subject_mentioned", "a real person replied", ev="A real person replied"),
         "S-CH-3": K("verbatim", "auto-reply", ev="客服将在10分钟内回复您")}),
    O("H-14", "chat", "2026-11-10 00:20", "梁嘉欣", "cancellation",
      "半夜用WhatsApp想取消聽日嘅房（已經唔夠24個鐘）。「您好，雲境禮賓為您服務」之後得個智能客服自動覆，冇真人覆我，等咗半個鐘都冇。"
      "佢話入住前24個鐘之內取消要收一晚房費做手續費。",
      "2,2,1,2,2,2,6",
      L={"P-247": B("cue_synonym;cue_cantonese", "only the 智能客服 at 00:20", ev="得個智能客服"),
         "P-CHAT": B("cantonese_hour;cue_cantonese", "半個鐘 without a person", ev="冇真人覆我",
                     q=Q("等咗半個鐘", 30, "min")),
         "P-FREECXL": K("promise_condition_unmet;duration_not_24_7",
                        "a fee for cancelling inside 24 h is outside the promise", ev="手續費"),
         "S-CH-1": K("traditional_variant", "greeting", ev="您好，雲境禮賓為您服務")}),
    O("H-15", "chat", "2026-12-04 15:00", "Vivian 邓", "咨询",
      "问台北店有没有洗衣服务。回复很快，差不多一分钟。对方说'您好，云境礼宾为您服务'、'礼宾团队7*24小时在线'。",
      "4,4,5,4,4,8,2",
      L={"P-CHAT": K("hedge", "about a minute", q=Q("差不多一分钟", 1, "min")),
         "P-247": K("subject_mentioned", "7*24 stated, no breach", ev="7*24小时在线"),
         "S-CH-1": K("verbatim", "greeting", ev="您好，云境礼宾为您服务"),
         "S-CH-2": K("punctuation_variant", "7*24 for 7×24", ev="礼宾团队7*24小时在线")}),
    # ------------------------------------------------------------------ front desk Shanghai
    O("H-16", "fd-sh", "2026-09-18 14:00", "孙丽", "check-in",
      "14:00到外滩店，'欢迎入住云境外滩酒店'。前台只开了一个窗口，排了二十来分钟队。押金说退房后三天内原路退回。",
      "4,2,2,4,3,5,4",
      L={"P-CHECKIN": B("hedge;zh_numeral", "二十来分钟", q=Q("排了二十来分钟", 20, "min")),
         "P-DEPOSIT": K("claim_quote", "staff's claim only", ev="押金"),
         "S-SH-1": K("verbatim", "greeting", ev="欢迎入住云境外滩酒店"),
         "S-SH-2": K("near_verbatim", "deposit line", ev="退房后三天内原路退回")}),
    O("H-17", "fd-sh", "2026-10-13 11:45", "L. Brennan", " check-out ",
      "Asked at 11:45 whether I could stay until 2 pm. The clerk read out '秋季会员礼遇，可免费延迟退房至下午两点' and "
      "extended my key card, no charge. The deposit came back after 4 days.",
      "4,3,4,4,5,7,2",
      L={"P-LATECO": K("subject_mentioned;negation_outside_cue", "granted, no charge", ev="延迟退房"),
         "P-DEPOSIT": B("days", "four days", q=Q("after 4 days", 4, "day")),
         "S-SH-3": K("verbatim;scenario_trim", "read out", ev="秋季会员礼遇，可免费延迟退房至下午两点")}),
    O("H-18", "fd-sh", "2026-11-11 22:30", "王磊", "入住",
      "双十一晚上入住，'欢迎入住云境外滩酒店'。办理入住用了一刻钟左右，系统很慢。押金两千，说三天内原路退回。",
      "4,3,2,4,4,6,4",
      L={"P-CHECKIN": B("spoken_unit;hedge", "一刻钟 = 15 minutes", q=Q("一刻钟左右", 15, "min")),
         "P-DEPOSIT": K("claim_quote", "staff's claim only", ev="押金"),
         "S-SH-1": K("verbatim", "greeting", ev="欢迎入住云境外滩酒店"),
         "S-SH-2": K("paraphrase", "key phrase", ev="三天内原路退回")}),
    O("H-19", "fd-sh", "2026-12-08 12:00", "周晓", "退房",
      "退房时问能不能延迟退房，前台说秋季活动11月底就结束了，现在不能延迟退房。Deposit refunded 两天后到账。",
      "3,4,4,3,3,6,3",
      L={"P-LATECO": N("validity_window;breach_cue", "the cue comes after the offer window closed"),
         "P-DEPOSIT": K("days;zh_numeral", "两天后 = 2 days", q=Q("两天后到账", 2, "day"))}),
    # ------------------------------------------------------------------ front desk Hong Kong
    O("H-20", "fd-hk", "2026-09-29 15:00", "黃志明", "check-in",
      "「Welcome to Yunjing Wan Chai」，佢講咗句 We'll have you checked in within 5 minutes，之後排咗好耐隊，差唔多三個骨先搞掂。",
      "3,1,1,3,2,2,6",
      L={"P-CHECKIN": B("cue_cantonese;cantonese_quarter;hedge;claim_quote", "三個骨 = 45 minutes; 排咗好耐隊",
                        ev="排咗好耐隊", q=Q("差唔多三個骨", 45, "min")),
         "S-HK-1": K("verbatim", "greeting", ev="Welcome to Yunjing Wan Chai"),
         "S-HK-2": K("verbatim", "said", ev="We'll have you checked in within 5 minutes")}),
    O("H-21", "fd-hk", "2026-10-27 10:30", "J. Park", "check-out",
      "Check-out at the HK desk. I asked whether there was a charge for staying until 1 pm; the clerk said '會員可以免費"
      "延遲退房至下午1點' and didn't charge me anything. The HK$1,500 deposit took 2 days to come back.",
      "4,4,4,4,4,8,2",
      L={"P-LATECO": K("shopper_question;negation_outside_cue", "asked about a charge; none", ev="延遲退房"),
         "P-DEPOSIT": K("days", "two days", q=Q("took 2 days", 2, "day")),
         "S-HK-4": K("verbatim", "said", ev="會員可以免費延遲退房至下午1點")}),
    O("H-22", "fd-hk", "2026-11-19 17:20", "梁嘉欣", "check-in",
      "「Welcome to Yunjing Wan Chai」，好快搞掂。問佢健身室幾點開，佢話 that is not my department，叫我問禮賓。按金會喺退房後3日內退返。",
      "4,4,4,2,2,5,3", m={"checkin_wait": "7"},
      L={"P-CHECKIN": K("measure_cell", "7 minutes in the form", q=CELL),
         "P-DEPOSIT": K("claim_quote", "staff's claim only", ev="按金"),
         "S-HK-1": K("verbatim", "greeting", ev="Welcome to Yunjing Wan Chai"),
         "S-HK-3": K("verbatim", "deposit line", ev="按金會喺退房後3日內退返"),
         "S-HK-5": B("forbidden_reworded", "'that is' for 'That's'", ev="that is not my department")}),
    O("H-23", "fd-hk", "2026-12-01 11:00", "李思远", "check-out",
      "在湾仔退房，很顺利。按金退回时间记在表里了。",
      "4,4,4,4,4,8,2", m={"deposit_refund": "3"},
      L={"P-DEPOSIT": K("measure_cell;bound;days", "3 days = the target (<=)", q=CELL)}),
    O("H-35", "fd-hk", "2026-12-02 11:10", "周晓", "check-out",
      "在湾仔退房,很顺利.按金退回时间记在表里了.",
      "4,4,4,4,4,8,2", m={"deposit_refund": "4"},
      L={"P-DEPOSIT": B("measure_cell;days", "4 days in the form", q=CELL)}),
    # ------------------------------------------------------------------ front desk Taipei
    O("H-24", "fd-tp", "2026-09-30 16:00", "陳美玲", "check-in",
      "「歡迎光臨雲境信義酒店」，「我們會在十分鐘內幫您完成入住」。結果等了快半小時，前面只有一位客人，櫃檯人員一直在講電話。",
      "3,1,1,3,2,2,6",
      L={"P-CHECKIN": B("hedge;claim_quote", "快半小時 = nearly 30 minutes", q=Q("等了快半小時", 30, "min")),
         "S-TP-1": K("verbatim", "greeting", ev="歡迎光臨雲境信義酒店"),
         "S-TP-4": K("verbatim", "said", ev="我們會在十分鐘內幫您完成入住")}),
    O("H-25", "fd-tp", "2026-10-23 08:00", "M. Tanaka", "transfer",
      "Took the free shuttle to Songshan airport. The desk said '機場接駁車每小時一班，免費搭乘'. Waited under ten "
      "minutes. The driver was great. A taxi back from a meeting later took an hour in traffic.",
      "4,4,4,4,4,8,2",
      L={"P-SHUTTLE": K("bound;en_number_word;quantity_not_metric", "under ten minutes; the taxi hour is not the shuttle",
                        q=Q("Waited under ten minutes", 10, "min", "<")),
         "S-TP-3": K("verbatim", "said", ev="機場接駁車每小時一班，免費搭乘")}),
    O("H-26", "fd-tp", "2026-11-14 11:30", "張雅婷", "check-out",
      "退房時櫃檯說押金將於退房後七個工作天內退還。我說App寫三天，櫃檯說這不是我們的問題，是銀行。結果押金等了快兩週才退。",
      "3,1,2,2,1,1,6",
      L={"P-DEPOSIT": B("hedge;spoken_unit;days", "快兩週 = nearly two weeks", q=Q("等了快兩週", 14, "day")),
         "S-TP-2": K("verbatim", "said", ev="押金將於退房後七個工作天內退還"),
         "S-TP-5": B("forbidden_verbatim", "said", ev="這不是我們的問題")}),
    O("H-27", "fd-tp", "2026-12-10 07:00", "Vivian 邓", "接駁",
      "早上7点在信义店等接驳车去桃园，柜台说'機場接駁車每小時一班，免費搭乘'，结果等了三刻钟才来。",
      "3,2,2,3,3,4,5",
      L={"P-SHUTTLE": B("spoken_unit", "三刻钟 = 45 minutes", q=Q("等了三刻钟", 45, "min")),
         "S-TP-3": K("verbatim", "said", ev="機場接駁車每小時一班，免費搭乘")}),
    # ------------------------------------------------------------------ in-room dining Shanghai
    O("H-28", "rs-sh", "2026-09-21 21:00", "钱多多", "room-service",
      "21点点了宵夜，'您好，云境外滩送餐服务'，'您的餐点将在30分钟内送达'。大半个钟头才送到，汤都不热了。",
      "3,2,2,3,3,4,5",
      L={"P-ROOMSVC": B("spoken_unit;hedge;cue_paraphrase", "大半个钟头; the soup was no longer hot",
                        ev="汤都不热了", q=Q("大半个钟头", 45, "min")),
         "S-RS-1": K("verbatim", "greeting", ev="您好，云境外滩送餐服务"),
         "S-RS-2": K("verbatim", "said", ev="您的餐点将在30分钟内送达")}),
    O("H-29", "rs-sh", "2026-10-29 13:00", "A. Fischer", "room-service", "",
      "", m={"delivery": "28 min"}, lang="en",
      L={"P-ROOMSVC": K("measure_cell;empty_transcript", "28 minutes in the form, no notes", q=CELL)}),
    O("H-30", "rs-sh", "2026-11-28 08:10", "Kelly 何", "送餐",
      "Breakfast in room. 电话里'您好，云境外滩送餐服务'，说30分钟内送到。Arrived in 25 minutes, the café au lait hot and the croissant fresh.",
      "5,5,5,4,5,10,1",
      L={"P-ROOMSVC": K("accented_words", "25 minutes", q=Q("Arrived in 25 minutes", 25, "min")),
         "S-RS-1": K("verbatim", "greeting", ev="您好，云境外滩送餐服务"),
         "S-RS-2": K("synonym", "送到 = 送达", ev="30分钟内送到")}),
    # ------------------------------------------------------------------ concierge Hong Kong
    O("H-31", "conc-hk", "2026-10-09 10:00", "梁嘉欣", "transfer",
      "問機場穿梭巴士，禮賓講「機場穿梭巴士免費，每個鐘有兩班」。等咗十五至二十分鐘就上車。",
      "4,4,4,4,4,8,2",
      L={"P-SHUTTLE": K("range;zh_numeral", "15 to 20 minutes", q=Q("十五至二十分鐘", (15, 20), "min")),
         "S-CO-2": K("verbatim", "said", ev="機場穿梭巴士免費，每個鐘有兩班")}),
    O("H-33", "conc-hk", "2026-10-10 10:05", "孙丽", "接送",
      "问机场穿梭巴士，礼宾讲「机场穿梭巴士免费，每个钟有两班」。等咗十五至二十分钟就上车。",
      "4,4,4,4,4,8,2",
      L={"P-SHUTTLE": K("range;zh_numeral", "15 to 20 minutes", q=Q("十五至二十分钟", (15, 20), "min")),
         "S-CO-2": K("simplified_variant", "said", ev="机场穿梭巴士免费，每个钟有两班")}),
    O("H-32", "conc-hk", "2026-11-26 19:30", "L. Brennan", "enquiry",
      "Asked the concierge about a harbour cruise. 'Yunjing Concierge, how may I assist you?' Booked it for 8 pm. When "
      "I mentioned my umbrella was left in a taxi, he said '唔關我哋事' but then helped call the taxi company anyway.",
      "4,4,4,3,3,7,3",
      L={"S-CO-1": K("verbatim", "greeting", ev="Yunjing Concierge, how may I assist you?"),
         "S-CO-3": B("forbidden_inserted_word", "哋 inserted", ev="唔關我哋事")}),
    # ------------------------------------------------------------------ more English records
    O("H-36", "chat", "2026-10-28 21:10", "M. Tanaka", "booking",
      "Asked on WhatsApp at 21:10 for a Taipei family room over New Year. No reply for twenty-five minutes, then a "
      "short message with two rates. When I asked about the cancellation terms she said 'free up to 24 hours before "
      "arrival'.",
      "3,3,2,3,3,6,4",
      L={"P-CHAT": B("en_number_word", "twenty-five minutes before the first reply",
                     q=Q("No reply for twenty-five minutes", 25, "min")),
         "P-FREECXL": K("claim_quote;subject_mentioned", "terms quoted, nothing charged", ev="cancellation terms"),
         "P-247": N("untested;duration_not_24_7", "'24 hours before arrival' is a deadline")}),
    O("H-37", "fd-tp", "2026-11-03 15:20", "L. Brennan", "check-in",
      "Arrived 15:20. Check-in took about twelve minutes because the clerk had to re-key two cards. She took a "
      "NT$3,000 deposit on my card. No greeting beyond 'hi'.",
      "4,3,3,4,3,6,4",
      L={"P-CHECKIN": B("hedge;en_number_word", "about twelve minutes", q=Q("about twelve minutes", 12, "min")),
         "P-DEPOSIT": K("subject_mentioned", "deposit taken; no refund seen", ev="deposit")}),
    O("H-38", "phone", "2026-10-02 09:05", "A. Fischer", "booking",
      "Called the reservations line at 09:05 to book Wan Chai. I was kept on hold for ages — seven minutes by the "
      "phone's timer — before a real person answered. The agent was friendly and the booking itself was quick.",
      "3,4,2,4,4,6,4",
      L={"P-HOLD": B("breach_cue;en_number_word", "seven minutes on hold", ev="kept on hold for ages",
                     q=Q("seven minutes by the", 7, "min")),
         "P-247": K("subject_mentioned", "a real person answered", ev="a real person answered")}),
    O("H-39", "chat", "2026-10-19 22:10", "R. Okafor", "enquiry",
      "WhatsApp: does the Wan Chai café still serve crème brûlée after 22:00? No reply for forty minutes; the "
      "answer ('yes, until 23:00') came at 22:50.",
      "3,3,2,3,3,5,4",
      L={"P-CHAT": B("breach_cue;accented_words;en_number_word", "no reply for forty minutes, next to brûlée",
                     ev="No reply", q=Q("No reply for forty minutes", 40, "min"))}),
    O("H-40", "phone", "2026-11-16 16:20", "T. Nguyen", "cancellation",
      "Cancelled a Taipei booking by phone, five days ahead; answered in under a minute. The agent first said "
      "there would be a NT$300 handling fee, then checked the policy and refunded it on the spot — the final "
      "receipt shows NT$0.",
      "4,3,4,3,4,7,3",
      L={"P-FREECXL": K("reversal;fee_zero", "a fee mentioned, then refunded on the spot", ev="refunded it on the spot"),
         "P-HOLD": K("bound;en_number_word", "under a minute", q=Q("answered in under a minute", 1, "min", "<"))}),
    O("H-41", "chat", "2026-12-03 23:05", "赵敏", "投诉",
      "（语音输入）晚上十一点在微信投诉空调太吵，回复我的全是鸡器人，一直发链接，没有真人，等了四十来分钟才有人工回复。",
      "2,1,1,2,2,2,6",
      L={"P-247": B("cue_stt_homophone", "鸡器人 = 机器人 (speech-to-text)", ev="鸡器人"),
         "P-CHAT": B("hedge;zh_numeral", "a person after about forty minutes", q=Q("等了四十来分钟", 40, "min"))}),
    # ------------------------------------------------------------------ a copy with a changed time (phone)
    O("H-34", "phone", "2026-11-24 23:45", "J. Park", "complaint",
      "23:45 call. IVR: '人工服务时间为每天9:00至21:00'. Pressed 0 — no person came on the line, just music, for well "
      "over 20 minutes. Left a message. No callback by the next afternoon.",
      "2,1,1,2,1,0,7",
      L={"P-247": B("cue_paraphrase", "no person came on the line = no one answered", ev="no person came on the line"),
         "P-HOLD": B("bound;cue_paraphrase", "well over 20 minutes", q=Q("well over 20 minutes", 20, "min", ">")),
         "P-CALLBACK": B("breach_cue", "no callback", ev="No callback"),
         "S-PH-2": K("verbatim", "IVR message", ev="人工服务时间为每天9:00至21:00")}),
]

DUPLICATES = [
    ("H-31", "H-33", "dup_script_variant", "the Traditional note copied into Simplified by another shopper"),
    ("H-10", "H-34", "dup_changed_time", "the same English note with the call time changed"),
    ("H-23", "H-35", "dup_short;dup_punctuation_width", "the same short note, half-width punctuation"),
]


def main() -> int:
    try:
        files, labels, closest = core.build(OBSERVATIONS, DUPLICATES, "H")
        for name in ("touchpoints.csv", "promises.csv", "scripts.csv"):
            tuning = (TUNING / name).read_text(encoding="utf-8")
            core.need(files[name] == tuning, f"{name} differs from ../eval_hotel/{name}: run that build first")
        core.write(HERE, files, {"counts": core.counts_table(OBSERVATIONS, labels, closest, name_pair=False)})
    except core.BuildError as exc:
        print(f"build refused: {exc}", file=sys.stderr)
        return 1
    core.print_counts(OBSERVATIONS, labels, closest, name_pair=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
