#!/usr/bin/env python3
"""Yunjing Hotels (云境酒店 / 雲境酒店) evaluation set, tuning part.

    python benchmarks/eval_hotel/build.py          # regenerate the five CSV files and README counts

Python 3.11, standard library only. Everything is written in this script: the project
(touchpoints, promises, script lines), the observations and the label for every
applicable (observation, target) pair. The build refuses to write anything when one of
its consistency assertions fails (see ``check_*`` below and README.md, "Consistency
checks"). The held-out part (../eval_hotel_holdout/build.py) imports the project and
the machinery from this file, so both parts share byte-identical touchpoints.csv,
promises.csv and scripts.csv.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent

# =============================================================================== project

TOUCHPOINTS = [
    # key, name, channel, location, notes
    ("web", "Booking website yunjing-hotels.example", "website", "online",
     "Rate pages, booking and self-service cancellation (zh-Hans / zh-Hant / EN)"),
    ("app", "Yunjing app", "app", "online",
     "Bookings, express check-out, deposit status and an in-app chat"),
    ("phone", "Reservations line 400-820-6600", "phone", "Shanghai call centre",
     "Serves all three hotels; IVR, then agents (Mandarin, English)"),
    ("chat", "WeChat / WhatsApp concierge", "chat", "online",
     "WeChat service account (mainland, Taipei) and WhatsApp (Hong Kong)"),
    ("fd-sh", "Front desk Yunjing Bund Shanghai", "store", "Shanghai",
     "云境外滩酒店 front desk"),
    ("fd-hk", "Front desk Yunjing Wan Chai", "store", "Hong Kong",
     "雲境灣仔酒店 front desk; Cantonese and English"),
    ("fd-tp", "Front desk Yunjing Xinyi Taipei", "store", "Taipei",
     "雲境信義酒店 front desk; also runs the airport shuttle desk"),
    ("rs-sh", "In-room dining Shanghai", "other", "Shanghai",
     "Ordered on the room phone, extension 6"),
    ("conc-hk", "Concierge Wan Chai", "store", "Hong Kong",
     "Lobby concierge: transport, restaurants, airport shuttle"),
]

PROMISES = [
    dict(key="P-247",
         text="Real people, 24/7: our reservations line and chat are staffed around the clock, day or night. 全天候真人服务。",
         touchpoints="phone;chat", dimension="responsiveness", metric="", operator="", target="", unit="",
         breach_cues="no one answered;nobody answered;only a robot answered;only a bot replied;automated menu only;"
                     "没人接;没人接听;只有机器人;机器人回复;沒人接;只有機器人;冇人聽;冇人接;人工服务已下班;人工服務已下班",
         weight="5", valid_from="", valid_to="", source="Campaign 'Always Yunjing', autumn 2026"),
    dict(key="P-HOLD",
         text="Call our reservations line and a person picks up within 2 minutes. 预订热线2分钟内真人接听。",
         touchpoints="phone", dimension="responsiveness", metric="hold_time", operator="<=", target="2", unit="min",
         breach_cues="kept on hold for ages;on hold forever;nobody picked up;no one picked up;"
                     "等了很久才有人接;等了很久才接通;没有人接;沒有人接;等咗好耐先有人聽;冇人聽",
         weight="3", valid_from="", valid_to="", source="Website contact page"),
    dict(key="P-CALLBACK",
         text="Missed us? We call you back within 15 minutes. 未接通？15分钟内回电。",
         touchpoints="phone", dimension="responsiveness", metric="callback", operator="<=", target="15", unit="min",
         breach_cues="never called back;no callback;nobody called back;没有回电;一直没回电;沒有回電;冇人打返嚟",
         weight="4", valid_from="", valid_to="", source="IVR message and website contact page"),
    dict(key="P-CHAT",
         text="Message us on WeChat or WhatsApp and a concierge replies within 5 minutes. 微信 / WhatsApp 5分钟内回复。",
         touchpoints="chat;app", dimension="responsiveness", metric="chat_reply", operator="<=", target="5", unit="min",
         breach_cues="no reply;never replied;left on read;没人回复;已读不回;沒人回覆;冇人覆",
         weight="3", valid_from="", valid_to="", source="App store listing; WeChat menu"),
    dict(key="P-CHECKIN",
         text="Check-in in 10 minutes or less at every Yunjing front desk. 10分钟内办好入住。",
         touchpoints="fd-sh;fd-hk;fd-tp", dimension="responsiveness", metric="checkin_wait", operator="<=",
         target="10", unit="min",
         breach_cues="long queue at check-in;queued for ages;排了很久的队;排了很久的隊;排咗好耐隊",
         weight="4", valid_from="", valid_to="", source="Brand brochure 'The Yunjing Standard'"),
    dict(key="P-DEPOSIT",
         text="Your deposit is back on your card within 3 days of check-out. 退房后3天内退还押金。",
         touchpoints="fd-sh;fd-hk;fd-tp;app", dimension="reliability", metric="deposit_refund", operator="<=",
         target="3", unit="day",
         breach_cues="deposit not refunded;deposit still not back;still waiting for my deposit;"
                     "押金还没退;押金還沒退;按金仲未退;按金仲未收到",
         weight="4", valid_from="", valid_to="", source="Booking confirmation email"),
    dict(key="P-ROOMSVC",
         text="In-room dining at your door within 30 minutes, served hot. 送餐30分钟内送达，热菜热上。",
         touchpoints="rs-sh", dimension="reliability", metric="delivery", operator="<=", target="30", unit="min",
         breach_cues="food arrived cold;order was forgotten;送来是凉的;菜都凉了;饭菜是凉的;订单漏了",
         weight="3", valid_from="", valid_to="", source="In-room dining menu"),
    dict(key="P-SHUTTLE",
         text="Free airport shuttle with at least 2 departures an hour, never more than a 30-minute wait. 免費機場接駁，每小時至少兩班。",
         touchpoints="conc-hk;fd-tp", dimension="tangibles", metric="shuttle_wait", operator="<=", target="30",
         unit="min",
         breach_cues="shuttle was cancelled;no shuttle today;had to pay for the shuttle;"
                     "接駁車要收費;今天沒有接駁車;接驳车要收费;穿梭巴士要收錢;穿梭巴士取消咗;冇穿梭巴士",
         weight="3", valid_from="", valid_to="", source="Hotel pages for Wan Chai and Xinyi"),
    dict(key="P-FREECXL",
         text="Free cancellation up to 24 hours before arrival: no fees, no questions. 入住前24小时免费取消。",
         touchpoints="web;app;phone;chat", dimension="assurance", metric="", operator="", target="", unit="",
         breach_cues="cancellation fee;charged a fee;charged one night;手续费;手續費;扣了一晚房费;扣了一晚房費;违约金;違約金;要畀錢",
         weight="4", valid_from="", valid_to="", source="TV and metro ads 2026"),
    dict(key="P-LATECO",
         text="Autumn member offer, 1 Oct to 30 Nov 2026: free late check-out until 14:00. 秋季会员礼遇：免费延迟退房至14:00。",
         touchpoints="fd-sh;fd-hk;fd-tp", dimension="empathy", metric="", operator="", target="", unit="",
         breach_cues="late check-out refused;late checkout is extra;charged for late check-out;"
                     "不能延迟退房;不能延遲退房;唔可以延遲退房;延迟退房要收费;延遲退房要收費",
         weight="3", valid_from="2026-10-01", valid_to="2026-11-30", source="Member newsletter, September 2026"),
]

SCRIPTS = [
    # key, touchpoint, text, kind, step, promise, weight, valid_from, valid_to, scenarios
    ("S-WEB-1", "web", "Free cancellation up to 48 hours before arrival", "required", "rate page", "P-FREECXL", "3", "", "", ""),
    ("S-WEB-2", "web", "Only 1 room left at this price", "forbidden", "rate page", "", "3", "", "", ""),
    ("S-APP-1", "app", "在线客服将在5分钟内回复您", "required", "chat", "P-CHAT", "3", "", "", ""),
    ("S-APP-2", "app", "Your deposit is refunded within 3 days of check-out", "required", "booking summary", "", "2", "", "", ""),
    ("S-PH-1", "phone", "云境酒店预订中心，您好", "required", "greeting", "", "2", "", "", ""),
    ("S-PH-2", "phone", "人工服务时间为每天9:00至21:00", "required", "IVR", "P-247", "3", "", "", ""),
    ("S-PH-3", "phone", "入住前24小时取消，免收任何费用", "required", "cancellation", "P-FREECXL", "4", "", "",
     "cancellation;取消"),
    ("S-PH-4", "phone", "如果电话没接通，我们会在一刻钟内给您回电", "required", "complaint", "P-CALLBACK", "3", "", "",
     "complaint;投诉;投訴"),
    ("S-PH-5", "phone", "这不归我管", "forbidden", "any", "", "4", "", "", ""),
    ("S-CH-1", "chat", "您好，云境礼宾为您服务", "required", "greeting", "", "2", "", "", ""),
    ("S-CH-2", "chat", "礼宾团队7×24小时在线", "required", "greeting", "P-247", "3", "", "", ""),
    ("S-CH-3", "chat", "客服将在10分钟内回复您", "required", "hand-over", "P-CHAT", "3", "", "", ""),
    ("S-CH-4", "chat", "请您自己去官网查", "forbidden", "any", "", "4", "", "", ""),
    ("S-SH-1", "fd-sh", "欢迎入住云境外滩酒店", "required", "greeting", "", "2", "", "", "check-in;入住;checkin"),
    ("S-SH-2", "fd-sh", "押金将在退房后三天内原路退回", "required", "deposit", "P-DEPOSIT", "3", "", "",
     "check-in;入住;checkin;check-out;退房;checkout"),
    ("S-SH-3", "fd-sh", "秋季会员礼遇，可免费延迟退房至下午两点", "required", "check-out", "P-LATECO", "3",
     "2026-10-01", "2026-11-30", "check-out;退房;checkout"),
    ("S-HK-1", "fd-hk", "Welcome to Yunjing Wan Chai", "required", "greeting", "", "2", "", "", ""),
    ("S-HK-2", "fd-hk", "We'll have you checked in within 5 minutes", "required", "check-in", "P-CHECKIN", "3", "", "",
     "check-in;入住"),
    ("S-HK-3", "fd-hk", "按金會喺退房後3日內退返", "required", "deposit", "", "3", "", "",
     "check-in;入住;check-out;退房"),
    ("S-HK-4", "fd-hk", "會員可以免費延遲退房至下午1點", "required", "check-out", "P-LATECO", "3",
     "2026-10-01", "2026-11-30", "check-out;退房"),
    ("S-HK-5", "fd-hk", "That's not my department", "forbidden", "any", "", "4", "", "", ""),
    ("S-TP-1", "fd-tp", "歡迎光臨雲境信義酒店", "required", "greeting", "", "2", "", "", ""),
    ("S-TP-2", "fd-tp", "押金將於退房後七個工作天內退還", "required", "deposit", "P-DEPOSIT", "3", "", "",
     "check-in;入住;check-out;退房"),
    ("S-TP-3", "fd-tp", "機場接駁車每小時一班，免費搭乘", "required", "transfer", "P-SHUTTLE", "3", "", "",
     "transfer;接送;接駁"),
    ("S-TP-4", "fd-tp", "我們會在十分鐘內幫您完成入住", "required", "check-in", "P-CHECKIN", "3", "", "",
     "check-in;入住"),
    ("S-TP-5", "fd-tp", "這不是我們的問題", "forbidden", "any", "", "4", "", "", ""),
    ("S-RS-1", "rs-sh", "您好，云境外滩送餐服务", "required", "greeting", "", "2", "", "", ""),
    ("S-RS-2", "rs-sh", "您的餐点将在30分钟内送达", "required", "order", "P-ROOMSVC", "3", "", "", ""),
    ("S-CO-1", "conc-hk", "Yunjing Concierge, how may I assist you?", "required", "greeting", "", "2", "", "", ""),
    ("S-CO-2", "conc-hk", "機場穿梭巴士免費，每個鐘有兩班", "required", "transfer", "P-SHUTTLE", "3", "", "",
     "transfer;接送"),
    ("S-CO-3", "conc-hk", "唔關我事", "forbidden", "any", "", "4", "", "", ""),
]

# The fixed scenario vocabulary (a visit's `scenario` cell takes one of these spellings).
SCENARIOS = {
    "booking": ["booking", "预订", "預訂"],
    "cancellation": ["cancellation", "取消"],
    "check-in": ["check-in", "checkin", "入住"],
    "check-out": ["check-out", "checkout", "退房"],
    "complaint": ["complaint", "投诉", "投訴"],
    "room-service": ["room-service", "送餐"],
    "transfer": ["transfer", "接送", "接駁", "接驳"],
    "enquiry": ["enquiry", "咨询", "諮詢"],
}

MEASURE_COLUMNS = ["hold_time", "callback", "chat_reply", "checkin_wait", "deposit_refund", "delivery", "shuttle_wait"]

# Words of each promise's subject (English, Simplified; Traditional is folded to Simplified before
# matching). A promise labelled `none` (untested) must contain none of them; one labelled `kept`
# without a measurement must contain at least one (or the evidence it names).
SUBJECT = {
    "P-247": ["24/7", "24 hours a day", "around the clock", "day or night", "real person", "a person", "human",
              "robot", "bot", "automated", "no one answered", "nobody answered", "no person",
              "真人", "人工", "全天候", "7×24", "7x24", "7*24", "24小时在线", "机器人", "智能客服",
              "没人接", "没有人接", "冇人听", "冇人接"],
    "P-HOLD": ["hold", "picked up", "pick up", "answered", "got through", "接通", "接听", "接起", "接电话", "人接",
               "冇人听"],
    "P-CALLBACK": ["call back", "callback", "called back", "call me back", "回电", "回拨", "打回来", "打返嚟", "复电"],
    "P-CHAT": ["reply", "replied", "replies", "response", "left on read", "回复", "答复", "有人回", "复我", "秒回",
               "回消息", "冇人复"],
    "P-CHECKIN": ["check-in", "check in", "checked in", "checkin", "办入住", "办理入住", "办好入住", "完成入住",
                  "入住手续", "登记", "排队", "queue"],
    "P-DEPOSIT": ["deposit", "pre-auth", "pre-authorisation", "押金", "按金", "预授权"],
    "P-ROOMSVC": ["room service", "in-room dining", "delivery", "delivered", "arrived", "tray", "送餐", "送达", "送到",
                  "送来", "送房"],
    "P-SHUTTLE": ["shuttle", "airport bus", "接驳", "穿梭巴士", "机场巴士", "机场大巴"],
    "P-FREECXL": ["cancel", "cancellation", "取消", "退订"],
    "P-LATECO": ["late check-out", "late checkout", "late check out", "延迟退房", "延退", "晚退房", "延到", "迟啲走",
                 "stay until"],
}

# Key fragments of each script line. A required line labelled `broken` (missing) and a forbidden
# line labelled `kept` (absent) by default must contain none of them after folding.
FRAGMENTS = {
    "S-WEB-1": ["free cancellation up to 48", "48 hours before arrival"],
    "S-WEB-2": ["only 1 room left", "only one room left", "1 room left", "仅剩1间"],
    "S-APP-1": ["5分钟内回复", "五分钟内回复"],
    "S-APP-2": ["refunded within 3 days", "within 3 days of check-out", "deposit is refunded"],
    "S-PH-1": ["预订中心", "云境酒店您好"],
    "S-PH-2": ["人工服务时间", "9:00至21:00", "9点至21点"],
    "S-PH-3": ["免收任何费用", "24小时取消"],
    "S-PH-4": ["一刻钟", "15分钟内给您回电", "十五分钟内"],
    "S-PH-5": ["不归我管", "不归我们管", "不归我"],
    "S-CH-1": ["云境礼宾为您服务", "礼宾为您服务"],
    "S-CH-2": ["7×24", "7x24", "7*24", "24小时在线"],
    "S-CH-3": ["10分钟内回复", "十分钟内回复"],
    "S-CH-4": ["自己去官网", "自己上官网", "自己查官网", "官网查"],
    "S-SH-1": ["欢迎入住云境", "欢迎入住"],
    "S-SH-2": ["原路退回", "三天内退", "3天内退"],
    "S-SH-3": ["秋季会员礼遇", "延迟退房至下午两点", "下午两点"],
    "S-HK-1": ["welcome to yunjing"],
    "S-HK-2": ["checked in within", "within 5 minutes", "within five minutes"],
    "S-HK-3": ["3日内退", "三日内退", "退返"],
    "S-HK-4": ["延迟退房至下午1点", "下午1点", "下午一点"],
    "S-HK-5": ["not my department"],
    "S-TP-1": ["欢迎光临云境", "欢迎光临"],
    "S-TP-2": ["七个工作天", "7个工作天"],
    "S-TP-3": ["每小时一班"],
    "S-TP-4": ["十分钟内", "10分钟内"],
    "S-TP-5": ["不是我们的问题", "不是我们饭店的问题"],
    "S-RS-1": ["送餐服务"],
    "S-RS-2": ["30分钟内送", "三十分钟内送", "半小时内送"],
    "S-CO-1": ["yunjing concierge", "how may i assist"],
    "S-CO-2": ["每个钟有两班", "每个钟两班"],
    "S-CO-3": ["唔关我事", "唔关我哋事", "关我咩事"],
}

# What each required line states, for the inconsistent_claim labels: (promise stated or "",
# quantity the line states, quantity of the promise, tags, note). Broken exactly when the
# two quantities differ.
LINE_CLAIMS = {
    "S-WEB-1": ("P-FREECXL", "48 h", "24 h", "different_quantity",
                "48 h on the rate page, the ads say 24 h"),
    "S-APP-1": ("P-CHAT", "5 min", "5 min", "same_quantity", "5 minutes, as promised"),
    "S-APP-2": ("P-DEPOSIT", "3 day", "3 day", "same_quantity;unlinked_statement",
                "states the deposit promise without a link; 3 days"),
    "S-PH-1": ("", "", "", "no_claim", "greeting, states no promise"),
    "S-PH-2": ("P-247", "09:00-21:00", "24/7", "service_hours", "staffed 9:00-21:00 against a 24/7 promise"),
    "S-PH-3": ("P-FREECXL", "24 h", "24 h", "same_quantity;duration_not_24_7",
               "24 h deadline, as promised (a duration, not 24/7)"),
    "S-PH-4": ("P-CALLBACK", "15 min", "15 min", "same_quantity;spoken_unit", "一刻钟 = 15 minutes"),
    "S-CH-1": ("", "", "", "no_claim", "greeting, states no promise"),
    "S-CH-2": ("P-247", "24/7", "24/7", "same_quantity;synonym_24_7", "7×24小时在线 = 24/7"),
    "S-CH-3": ("P-CHAT", "10 min", "5 min", "different_quantity", "10 minutes against 5"),
    "S-SH-1": ("", "", "", "no_claim", "greeting, states no promise"),
    "S-SH-2": ("P-DEPOSIT", "3 day", "3 day", "same_quantity;zh_numeral", "三天 = 3 days"),
    "S-SH-3": ("P-LATECO", "14:00", "14:00", "same_quantity;time_of_day", "下午两点 = 14:00"),
    "S-HK-1": ("", "", "", "no_claim", "greeting, states no promise"),
    "S-HK-2": ("P-CHECKIN", "5 min", "10 min", "stricter_figure", "5 minutes, stricter than the promised 10"),
    "S-HK-3": ("P-DEPOSIT", "3 day", "3 day", "same_quantity;unlinked_statement",
               "states the deposit promise without a link; 3日 = 3 days"),
    "S-HK-4": ("P-LATECO", "13:00", "14:00", "time_of_day", "下午1點 against 14:00"),
    "S-TP-1": ("", "", "", "no_claim", "greeting, states no promise"),
    "S-TP-2": ("P-DEPOSIT", "7 working days", "3 day", "different_quantity;working_days",
               "七個工作天 against 3 days"),
    "S-TP-3": ("P-SHUTTLE", "1 departure/h", "2 departures/h", "count",
               "one departure an hour against at least two"),
    "S-TP-4": ("P-CHECKIN", "10 min", "10 min", "same_quantity;zh_numeral", "十分鐘 = 10 minutes"),
    "S-RS-1": ("", "", "", "no_claim", "greeting, states no promise"),
    "S-RS-2": ("P-ROOMSVC", "30 min", "30 min", "same_quantity", "30 minutes, as promised"),
    "S-CO-1": ("", "", "", "no_claim", "greeting, states no promise"),
    "S-CO-2": ("P-SHUTTLE", "2 departures/h", "2 departures/h", "same_quantity;count;cantonese_hour",
               "每個鐘有兩班 = two departures an hour"),
}

# uncovered_promise: the required line of the touchpoint's script that states the promise, or None.
COVERAGE = {
    ("P-247", "phone"): "S-PH-2",
    ("P-247", "chat"): "S-CH-2",
    ("P-HOLD", "phone"): None,
    ("P-CALLBACK", "phone"): "S-PH-4",
    ("P-CHAT", "chat"): "S-CH-3",
    ("P-CHAT", "app"): "S-APP-1",
    ("P-CHECKIN", "fd-sh"): None,
    ("P-CHECKIN", "fd-hk"): "S-HK-2",
    ("P-CHECKIN", "fd-tp"): "S-TP-4",
    ("P-DEPOSIT", "fd-sh"): "S-SH-2",
    ("P-DEPOSIT", "fd-hk"): "S-HK-3",
    ("P-DEPOSIT", "fd-tp"): "S-TP-2",
    ("P-DEPOSIT", "app"): "S-APP-2",
    ("P-ROOMSVC", "rs-sh"): "S-RS-2",
    ("P-SHUTTLE", "conc-hk"): "S-CO-2",
    ("P-SHUTTLE", "fd-tp"): "S-TP-3",
    ("P-FREECXL", "web"): "S-WEB-1",
    ("P-FREECXL", "app"): None,
    ("P-FREECXL", "phone"): "S-PH-3",
    ("P-FREECXL", "chat"): None,
    ("P-LATECO", "fd-sh"): "S-SH-3",
    ("P-LATECO", "fd-hk"): "S-HK-4",
    ("P-LATECO", "fd-tp"): None,
}

# =============================================================================== phenomena

TAGS = {
    # applicability
    "untested": "the visit never touches the promise's subject (no measurement, no cue, none of its words)",
    "validity_window": "the visit's date is outside the target's validity window",
    "scenario_excluded": "the line lists scenarios and the visit's scenario is not one of them",
    "scenario_spelling": "the scenario is a spelling the line does not list (接驳 vs 接駁): exact match only",
    "scenario_case": "the scenario differs from the listed spelling only by case (Check-Out, Transfer)",
    "scenario_trim": "the scenario cell has surrounding spaces",
    "empty_transcript": "the transcript is empty",
    "phrase_absent": "the line's words do not occur in the record (required: missing; forbidden: not said)",
    # measurements
    "measure_cell": "judged from a measure: cell",
    "transcript_quantity": "judged from a quantity written in the transcript",
    "zh_numeral": "Chinese numerals (七, 二十五, 廿, 十分鐘)",
    "spoken_unit": "spoken units: 三刻钟, 一刻钟, 个把小时, 大半个钟头, 一个礼拜, 两週, a quarter of an hour",
    "hedge": "a hedge that keeps the value: about, roughly, nearly, 差不多, 大概, 左右, 来, 快, 将近, 成",
    "range": "an approximate range: 二三十分钟, 20–25 minutes, 五六分钟, 一兩分鐘, 十来分钟",
    "en_number_word": "English number words: five, twelve, fifty-five, two and a half",
    "en_duration": "an English duration word: a week",
    "bound": "a bound: under, within, well over, 不到, …内; or a value exactly at the target",
    "time_arithmetic": "the duration follows from two clock times in the record",
    "seconds": "a duration in seconds",
    "days": "a duration in days (refunds)",
    "unit_conversion": "the value is in another unit than the promise (h vs min, h vs day)",
    "cantonese_hour": "Cantonese 鐘 / 個鐘 = hour (成個鐘, 大半個鐘, 半個鐘)",
    "cantonese_quarter": "Cantonese 骨 = quarter hour (三個骨 = 45 min)",
    "cantonese_zi_unit": "Cantonese 字 = 5 minutes (三個字 = 15 min)",
    "quantity_not_metric": "a quantity of something else near the metric (call length, taxi ride, email)",
    "claim_quote": "a quantity quoted as staff's or the site's claim, not a measurement",
    "idiom_not_quantity": "半天 / 'for ages' used as an idiom, not a measurement",
    # cues
    "breach_cue": "a breach cue in the transcript, not negated",
    "cue_stt_homophone": "a cue garbled by speech-to-text (鸡器人 for 机器人)",
    "cue_cantonese": "a cue in Cantonese written forms (冇人聽, 冇人覆, 唔可以, 排咗好耐隊, 唔使畀錢)",
    "cue_paraphrase": "a cue in other words ('no person came on the line' for 'no one answered')",
    "cue_synonym": "a cue through a synonym (智能客服 = 机器人)",
    "negation_outside_cue": "a cue word negated from outside (不是机器人, 没有收任何手续费, 一分钱没收, 冇收錢)",
    "negation_then_breach": "a cue first negated by staff, then the breach happened",
    "reversal": "a fee mentioned, then waived on the spot",
    "fee_zero": "the fee is shown as zero (HKD 0, NT$0, 费用为零)",
    "shopper_question": "the cue or subject is in the shopper's own question",
    "expectation": "the cue is only in the shopper's expectation",
    "promise_condition_unmet": "a fee for a cancellation inside 24 h: outside what the promise covers",
    "subject_mentioned": "no measurement and no cue, the visit speaks of the promise's subject: kept",
    "generic_word": "only a generic shared word (免费) — not the subject",
    "duration_not_24_7": "'24 hours' as a deadline or duration, not 24/7",
    "room_not_ready": "room not ready at arrival, part of the check-in wait",
    "accented_words": "accented words in the record (café, crème brûlée, résumé)",
    # script lines
    "verbatim": "the line occurs as written",
    "near_verbatim": "the line occurs with a word or two dropped",
    "paraphrase": "the line's key phrase occurs without its lead-in",
    "synonym": "the line with a synonym of its key word (送到 = 送达)",
    "traditional_variant": "the (Simplified) line written in Traditional characters",
    "simplified_variant": "the (Traditional) line written in Simplified characters",
    "no_punctuation": "speech-to-text without punctuation",
    "punctuation_variant": "a punctuation variant (7*24 for 7×24)",
    "negated_mention": "the line's words appear only as 'not mentioned': missing",
    "forbidden_verbatim": "the forbidden line as written",
    "forbidden_inserted_word": "the forbidden line with a word inserted (这个真的不归我管, that's really not my department)",
    "forbidden_reworded": "the forbidden line reworded (你自己上官網睇啦, Only one room left!)",
    # project level
    "no_claim": "the line states no promise",
    "same_quantity": "the line states the promise with the same quantity, perhaps in other words",
    "different_quantity": "the line states the promise with another quantity",
    "stricter_figure": "the line states a stricter figure than the promise",
    "service_hours": "service hours against a 24/7 promise",
    "count": "a count against a count (departures an hour)",
    "time_of_day": "a time of day against a time of day",
    "working_days": "working days against days",
    "synonym_24_7": "24/7 in other words (7×24小时在线)",
    "unlinked_statement": "the line states the promise by its text, without a promise link",
    "stated": "a required line of the touchpoint states the promise",
    "stated_wrong_quantity": "stated, though with another quantity (still covered)",
    "not_stated": "no line of the touchpoint's script states the promise",
    # duplicates
    "dup_exact": "the same transcript from two shoppers",
    "dup_punctuation_width": "a copy differing only by half-/full-width punctuation",
    "dup_script_variant": "a copy in the other Chinese script (Traditional / Simplified)",
    "dup_changed_time": "a copy with one clock time changed",
    "dup_short": "a short Chinese record (under 40 characters)",
    "near_pair": "a pair among the most similar that are not copies",
}

# =============================================================================== text folding

# Traditional -> Simplified, for the characters the set's texts use (generated once with OpenCC
# t2s, character by character; kept here so the build needs only the standard library).
T2S_PAIRS = "係系個个們们備备僅仅內内兩两動动務务員员問问單单團团執执場场壓压夠够實实寫写將将專专幫帮幾几張张彈弹後后態态於于時时會会樣样機机檯台櫃柜歡欢沒没準准灣湾為为熱热確确禮礼約约紅红終终結结統统經经網网線线續续義义聽听臨临裡里覆复訂订計计記记訴诉詢询話话認认語语說说請请諮咨講讲讀读費费賓宾車车轉转辦办這这週周過过違违遲迟還还邊边釋释銀银錄录錢钱鐘钟閂闩開开間间關关陳陈隊队際际雲云電电響响頁页順顺預预題题顯显飯饭駁驳黃黄點点"
T2S = {T2S_PAIRS[i]: T2S_PAIRS[i + 1] for i in range(0, len(T2S_PAIRS), 2)}
_T2S_TABLE = str.maketrans(T2S)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower().translate(_T2S_TABLE)
    return text.replace("\u2019", "'").replace("\u2018", "'")


def compact(text: str) -> str:
    return re.sub(r"[\W_]+", "", fold(text))


def contains(text: str, word: str) -> bool:
    """Whether the (folded) word occurs in the (folded) text: ASCII words on word boundaries,
    Chinese ones as a substring with spaces and punctuation removed."""
    if re.fullmatch(r"[ -~]+", word):
        folded = re.sub(r"\s+", " ", fold(text))
        return re.search(r"(?<![a-z0-9])" + re.escape(fold(word)) + r"(?![a-z0-9])", folded) is not None
    return compact(word) in compact(text)


BRAND_WORDS = {"app", "wechat", "whatsapp", "hk", "hkd", "cny", "nt", "ntd", "bb"}


def detect_lang(text: str) -> str:
    cjk = re.search(r"[\u3400-\u9fff]", text) is not None
    words = [w for w in re.findall(r"[A-Za-z]{2,}", text) if w.lower() not in BRAND_WORDS]
    if not cjk:
        return "en"
    if len(words) >= 2:
        return "mixed"
    return "zh-hant" if any(ch in T2S for ch in text) else "zh-hans"


# =============================================================================== quantities

TO_MIN = {"s": 1 / 60, "min": 1, "h": 60, "day": 1440, "week": 10080}
UNIT_ALIASES = {
    "": None, "s": "s", "sec": "s", "seconds": "s", "min": "min", "mins": "min", "minute": "min", "minutes": "min",
    "h": "h", "hr": "h", "hrs": "h", "hour": "h", "hours": "h", "day": "day", "days": "day",
}
CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = [("个半小时", "h", 0.5), ("個半小時", "h", 0.5), ("个小时", "h", 0), ("個小時", "h", 0), ("小时", "h", 0),
            ("小時", "h", 0), ("分钟", "min", 0), ("分鐘", "min", 0), ("天", "day", 0), ("日", "day", 0)]


def cn_int(s: str) -> int:
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[ones] if ones else 0)
    return CN_DIGITS[s]


def parse_cell(cell: str, default_unit: str) -> tuple[float, str]:
    """A measure: cell as (value, unit): '8', '0.5 h', '72 h', '5 days', '十分鐘', '两个半小时'."""
    cell = cell.strip()
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([A-Za-z]*)", cell)
    if m:
        unit = UNIT_ALIASES[m.group(2).lower()] or default_unit
        return float(m.group(1)), unit
    for suffix, unit, extra in CN_UNITS:
        if cell.endswith(suffix):
            return cn_int(cell[: -len(suffix)]) + extra, unit
    raise ValueError(f"cannot parse measure cell {cell!r}")


@dataclass
class Q:
    """A quantity a label relies on: evidence text in the transcript, value (or (low, high)), unit,
    and a qualifier: '=' the value, '<' under it, '>' over it."""
    ev: str
    value: float | tuple[float, float]
    unit: str
    qual: str = "="


CELL = "cell"


def judge(value, unit: str, qual: str, op: str, target: float, target_unit: str) -> str | None:
    """kept/broken when every possible actual value agrees, None when it cannot be decided."""
    factor = TO_MIN[unit] / TO_MIN[target_unit]
    lo, hi = (value if isinstance(value, tuple) else (value, value))
    lo, hi = lo * factor, hi * factor
    inf = float("inf")
    if qual == "<":
        lo, hi, open_lo, open_hi = -inf, hi, True, True
    elif qual == ">":
        lo, hi, open_lo, open_hi = lo, inf, True, True
    else:
        open_lo = open_hi = False
    eps = 1e-9
    ok = {"<=": lambda v: v <= target + eps, "<": lambda v: v < target - eps,
          ">=": lambda v: v >= target - eps, ">": lambda v: v > target + eps, "==": lambda v: abs(v - target) < eps}[op]
    # the interval's ends stand for all its values (the comparisons are monotone)
    a = lo + (eps * 10 if open_lo and lo != -inf else 0)
    b = hi - (eps * 10 if open_hi and hi != inf else 0)
    ends = [ok(a), ok(b)]
    if all(ends):
        return "kept"
    if not any(ends):
        return "broken"
    return None


# =============================================================================== observations

@dataclass
class Lab:
    expected: str
    tags: str
    note: str
    ev: str | None = None
    q: Q | str | None = None


def K(tags, note, ev=None, q=None):
    return Lab("kept", tags, note, ev, q)


def B(tags, note, ev=None, q=None):
    return Lab("broken", tags, note, ev, q)


def N(tags, note):
    return Lab("none", tags, note)


def R(tags, note, ev):
    return Lab("review_ok", tags, note, ev)


@dataclass
class Obs:
    key: str
    tp: str
    at: str
    shopper: str
    scenario: str
    text: str
    ratings: str = ""
    m: dict = field(default_factory=dict)
    L: dict = field(default_factory=dict)
    lang: str | None = None


def O(key, tp, at, shopper, scenario, text, ratings="", m=None, L=None, lang=None):
    return Obs(key, tp, at, shopper, scenario, text, ratings, m or {}, L or {}, lang)


# --------------------------------------------------------------------------- tuning part

OBSERVATIONS = [
    # ------------------------------------------------------------------ web
    O("T-01", "web", "2026-09-12 10:15", "Lin M.", "booking",
      "Searched Shanghai Bund for 14–16 Nov, 2 adults. Rate page loaded in about 4 seconds. The member rate "
      "(CNY 1,280) carried the note 'Free cancellation up to 48 hours before arrival' — our brief says the ad "
      "promises 24 hours. No pop-ups or countdown banners. Booked; confirmation email within a minute.",
      "5,4,4,4,4,8,2",
      L={"P-FREECXL": K("claim_quote;subject_mentioned", "quotes the rate's cancellation terms; nothing charged"),
         "S-WEB-1": K("verbatim", "terms shown as written", ev="Free cancellation up to 48 hours before arrival")}),
    O("T-02", "web", "2026-09-20 22:05", "周晓", "booking",
      "官网订台北信义店，12月5日入住两晚。房价页面顶部一直闪着'Only 1 room left at this price'，刷新三次还是这句，"
      "感觉是在催单。付款页正常，支付宝付完两分钟收到确认短信。",
      "3,3,4,2,2,5,3",
      L={"S-WEB-2": B("forbidden_verbatim", "scarcity banner shown", ev="Only 1 room left at this price")}),
    O("T-03", "web", "2026-10-08 09:30", "R. Okafor", "cancellation",
      "Cancelled my Hong Kong booking for 20 Oct under 'My trips', twelve days ahead. Terms on the page: "
      "'Free cancellation up to 48 hours before arrival'. The refund summary read 'Cancellation fee: HKD 0', "
      "full amount back to the card. Confirmation email at 09:34.",
      "4,5,5,4,4,9,1",
      L={"P-FREECXL": K("fee_zero;negation_outside_cue", "the fee is shown as HKD 0", ev="Cancellation fee: HKD 0"),
         "S-WEB-1": K("verbatim", "terms shown", ev="Free cancellation up to 48 hours before arrival")}),
    O("T-04", "web", "2026-11-02 23:50", "陈嘉怡", "booking",
      "用手机浏览器订香港湾仔，11月28日一晚。页面有个红色横幅：'只剩最后一间！Only one room left!'，换了两个日期还是同样的横幅，"
      "明显是吓人的。房价HKD 1,650含早餐，付款时要求先付全款。",
      "3,2,3,2,2,4,4",
      L={"S-WEB-2": B("forbidden_reworded;en_number_word", "'Only one room left!' is the scarcity line with a number word",
                      ev="Only one room left")}),
    O("T-05", "web", "2026-12-03 14:20", "張雅婷", "cancellation",
      "在官網取消了台北信義12月20日的訂單。頁面寫著 Free cancellation up to 48 hours before arrival。按下取消後顯示"
      "「取消費用：NT$0」，沒有收任何手續費，三分鐘後收到取消確認信。",
      "4,5,4,4,4,9,2",
      L={"P-FREECXL": K("negation_outside_cue;fee_zero", "沒有收任何手續費", ev="沒有收任何手續費"),
         "S-WEB-1": K("verbatim", "terms shown", ev="Free cancellation up to 48 hours before arrival")}),
    # ------------------------------------------------------------------ app
    O("T-06", "app", "2026-09-14 20:10", "王磊", "enquiry",
      "App里点'在线客服'，马上弹出'在线客服将在5分钟内回复您'。20:12问早餐是否含服务费，20:19才有人回，说已含。足足等了七分钟。",
      "3,3,2,3,3,6,4",
      L={"P-CHAT": B("zh_numeral;time_arithmetic", "20:12 to 20:19, seven minutes", q=Q("等了七分钟", 7, "min")),
         "S-APP-1": K("verbatim", "auto-message shown", ev="在线客服将在5分钟内回复您")}),
    O("T-07", "app", "2026-09-25 11:05", "A. Fischer", "check-out",
      "Checked out of Shanghai Bund on 19 Sep with the app's express check-out. The summary screen said 'Your deposit "
      "is refunded within 3 days of check-out.' The CNY 1,000 pre-authorisation was only released on 24 Sep, five "
      "days after check-out. Did not use the chat.",
      "4,2,3,3,3,5,3",
      L={"P-DEPOSIT": B("en_number_word;days", "released five days after check-out",
                        q=Q("five days after check-out", 5, "day")),
         "S-APP-2": K("verbatim", "summary screen", ev="Your deposit is refunded within 3 days of check-out")}),
    O("T-08", "app", "2026-10-11 16:40", "李思远", "cancellation",
      "在App上取消11月香港的预订，提前两周。取消页面写着'cancellation fee HKD 0'，可是退款明细里还是扣了一晚房费HKD 1,480。"
      "打电话去问才说是系统错误，要等财务处理。",
      "3,1,2,2,2,2,6",
      L={"P-FREECXL": B("breach_cue;fee_zero", "fee shown as 0, but one night was deducted", ev="扣了一晚房费")}),
    O("T-09", "app", "2026-10-19 02:15", "黃志明", "enquiry",
      "凌晨兩點喺App問可唔可以加張BB床。彈出「在線客服將在5分鐘內回覆您」，之後一直冇人覆，等咗成個鐘都冇回音，最後我自己閂咗個App。",
      "3,2,1,2,2,3,6",
      L={"P-CHAT": B("cue_cantonese;cantonese_hour;hedge", "冇人覆 for about an hour", ev="冇人覆",
                     q=Q("等咗成個鐘", 60, "min")),
         "S-APP-1": K("traditional_variant", "auto-message in Traditional", ev="在線客服將在5分鐘內回覆您")}),
    O("T-10", "app", "2026-11-06 09:00", "M. Tanaka", "check-out",
      "Used the app for a Taipei stay (checked out 2 Nov). Summary screen: 'Your deposit is refunded within 3 days of "
      "check-out'. My card showed the NT$3,000 hold released on 4 Nov — two days after check-out. Also asked the "
      "in-app chat about a company invoice; the reply came in under two minutes.",
      "4,5,5,4,4,9,2",
      L={"P-DEPOSIT": K("en_number_word;days", "released two days after check-out",
                        q=Q("two days after check-out", 2, "day")),
         "P-CHAT": K("bound;en_number_word", "reply under two minutes", q=Q("under two minutes", 2, "min", "<")),
         "S-APP-2": K("verbatim", "summary screen", ev="Your deposit is refunded within 3 days of check-out")}),
    O("T-11", "app", "2026-12-01 13:30", "Kelly 何", "enquiry",
      "App chat: asked whether the café on 2F does takeaway. 回复很客气，说可以打包，还送了一张优惠券。回复时间见表格。",
      "4,4,2,4,4,7,3", m={"chat_reply": "12 min"},
      L={"P-CHAT": B("measure_cell;accented_words", "12 minutes in the form", q=CELL),
         "P-FREECXL": N("untested;generic_word", "a coupon, nothing about cancelling")}),
    # ------------------------------------------------------------------ phone
    O("T-12", "phone", "2026-09-08 23:20", "赵敏", "booking",
      "23:20拨打400预订热线。语音提示'人工服务时间为每天9:00至21:00'，然后只有机器人在说话，按0也转不到人工。前后听了差不多四分钟语音菜单才挂断。",
      "2,1,1,2,1,1,7",
      L={"P-247": B("breach_cue", "only a robot at 23:20", ev="只有机器人"),
         "P-HOLD": B("hedge;zh_numeral", "no person after about four minutes", q=Q("差不多四分钟", 4, "min")),
         "S-PH-2": K("verbatim", "IVR message", ev="人工服务时间为每天9:00至21:00")}),
    O("T-13", "phone", "2026-09-16 14:05", "J. Park", "booking",
      "Called the reservations line at 14:05. The recording said '人工服务时间为每天9:00至21:00' (Mandarin only), then "
      "I pressed 2 for English. A real person picked up after about 40 seconds. Booked 2 nights in Taipei; the agent "
      "was patient and read the rate back. Call lasted 11 minutes in total.",
      "4,4,5,4,4,8,2",
      L={"P-247": K("subject_mentioned", "a real person answered", ev="real person"),
         "P-HOLD": K("hedge;seconds;quantity_not_metric", "picked up after about 40 s (the 11-minute call is not the hold)",
                     q=Q("after about 40 seconds", 40, "s")),
         "S-PH-2": K("verbatim", "IVR message quoted", ev="人工服务时间为每天9:00至21:00")}),
    O("T-14", "phone", "2026-09-29 10:45", "孙丽", "cancellation",
      "10:45来电取消上海外滩10月3日的预订。等了大概一分半钟接通，'云境酒店预订中心，您好'。我问'要收手续费吗？'，"
      "客服说入住前24小时取消，免收任何费用，我这单提前四天，不收。全程6分钟。",
      "4,4,4,5,4,9,2",
      L={"P-HOLD": K("hedge;zh_numeral;quantity_not_metric", "about a minute and a half (the 6-minute call is not the hold)",
                     q=Q("大概一分半钟", 1.5, "min")),
         "P-FREECXL": K("shopper_question;negation_outside_cue", "the shopper asked about a fee; staff: none",
                        ev="免收任何费用"),
         "P-247": N("untested;duration_not_24_7", "'24小时' is the cancellation deadline"),
         "S-PH-1": K("verbatim", "greeting", ev="云境酒店预订中心，您好"),
         "S-PH-3": K("verbatim", "policy read out", ev="入住前24小时取消，免收任何费用")}),
    O("T-15", "phone", "2026-10-05 21:35", "赵敏", "complaint",
      "21:35打热线投诉房间空调噪音。提示音说人工服务时间为每天9:00至21:00，没有人接，让留言。我留了言，提示说'如果电话没接通，"
      "我们会在一刻钟内给您回电'。结果第二天上午9点多才有人打回来，差不多隔了十二个小时。",
      "2,1,1,2,2,2,6",
      L={"P-247": B("breach_cue", "nobody answered at 21:35", ev="没有人接"),
         "P-HOLD": B("breach_cue", "nobody picked up", ev="没有人接"),
         "P-CALLBACK": B("hedge;zh_numeral;unit_conversion;claim_quote",
                         "called back about 12 h later (the 一刻钟 is the recording's claim)",
                         q=Q("差不多隔了十二个小时", 12, "h")),
         "S-PH-2": K("verbatim", "IVR message", ev="人工服务时间为每天9:00至21:00"),
         "S-PH-4": K("verbatim", "voicemail prompt", ev="如果电话没接通，我们会在一刻钟内给您回电")}),
    O("T-16", "phone", "2026-10-14 15:10", "D. Moreau", "complaint",
      "Complaint call about the noise in Wan Chai. On hold from 15:10 for roughly three minutes, then pressed 1 for a "
      "call back at 15:13. The call back came at 15:25 — twelve minutes later — from a supervisor who apologised and "
      "offered a late checkout on my next stay.",
      "3,4,3,4,4,7,4",
      L={"P-HOLD": B("hedge;en_number_word", "on hold about three minutes", q=Q("roughly three minutes", 3, "min")),
         "P-CALLBACK": K("en_number_word;time_arithmetic", "called back twelve minutes after the request",
                         q=Q("twelve minutes later", 12, "min"))}),
    O("T-17", "phone", "2026-10-22 03:10", "钱多多", "enquiry",
      "凌晨3点打热线问香港店的机场接送。本来以为这个点只有机器人，系统也提示人工服务时间为每天9:00至21:00，但按0之后居然是真人接的，"
      "不是机器人，小伙子说夜班有同事值班。接通用了不到一分钟。问到接送，他说'这个真的不归我管'，给了我香港礼宾的电话。",
      "3,3,4,3,3,6,4",
      L={"P-247": K("expectation;negation_outside_cue", "expected a robot; a person answered, 不是机器人", ev="不是机器人"),
         "P-HOLD": K("bound;zh_numeral", "接通不到一分钟", q=Q("不到一分钟", 1, "min", "<")),
         "S-PH-2": K("verbatim", "IVR message", ev="人工服务时间为每天9:00至21:00"),
         "S-PH-5": B("forbidden_inserted_word", "这个真的不归我管 = 这不归我管 with words inserted", ev="这个真的不归我管")}),
    O("T-18", "phone", "2026-11-03 19:00", "Vivian 邓", "cancellation",
      "Called to cancel the Taipei stay on 11/20. '云境酒店预订中心，您好' — answered in about 30 seconds. The agent read "
      "out '入住前24小时取消，免收任何费用', but then said a promo rate carries a NT$500 手续费. I pushed back, she checked "
      "with her lead and waived it on the spot — the cancellation email shows 费用为零.",
      "4,3,4,3,4,7,4",
      L={"P-FREECXL": K("reversal;fee_zero", "a fee was mentioned, then waived; final fee zero", ev="费用为零"),
         "P-HOLD": K("hedge;seconds", "answered in about 30 s", q=Q("about 30 seconds", 30, "s")),
         "P-247": N("untested;duration_not_24_7", "'24小时' is the cancellation deadline"),
         "S-PH-1": K("verbatim", "greeting", ev="云境酒店预订中心，您好"),
         "S-PH-3": K("verbatim", "policy read out", ev="入住前24小时取消，免收任何费用")}),
    O("T-19", "phone", "2026-11-09 22:40", "陳美玲", "booking",
      "晚上10點40分打訂房專線，語音說人工服務時間為每天9:00至21:00，接著轉到智能客服，講了半天都聽不懂我要訂信義店的家庭房。"
      "又等了大概二十分鐘，始終沒有真人。",
      "2,1,1,2,1,1,7",
      L={"P-247": B("cue_synonym;cue_paraphrase", "only the 智能客服, 始終沒有真人", ev="轉到智能客服"),
         "P-HOLD": B("hedge;zh_numeral;idiom_not_quantity", "about 20 minutes and no person (講了半天 is an idiom)",
                     q=Q("等了大概二十分鐘", 20, "min")),
         "S-PH-2": K("traditional_variant", "IVR message", ev="人工服務時間為每天9:00至21:00")}),
    O("T-20", "phone", "2026-11-21 12:30", "S. Gupta", "complaint",
      "Complaint about a double charge on my Hong Kong stay. Got through quickly. The agent said '如果电话没接通，我们会在"
      "一刻钟内给您回电' even though I was connected — odd. She promised a call back from finance; it came that "
      "afternoon (times in the form).",
      "3,3,3,3,3,5,5", m={"hold_time": "1", "callback": "两个半小时"},
      L={"P-HOLD": K("measure_cell", "1 minute in the form", q=CELL),
         "P-CALLBACK": B("measure_cell;unit_conversion;zh_numeral;claim_quote", "两个半小时 = 150 minutes in the form",
                         q=CELL),
         "S-PH-4": K("verbatim", "said during the call", ev="如果电话没接通，我们会在一刻钟内给您回电")}),
    O("T-21", "phone", "2026-12-06 08:50", "周晓", "booking", "",
      "", m={"hold_time": "6 min"}, lang="zh-hans",
      L={"P-HOLD": B("measure_cell;empty_transcript", "6 minutes in the form, no notes", q=CELL)}),
    O("T-71", "phone", "2026-10-20 18:00", "L. Brennan", "cancellation",
      "Called at 18:00 to cancel tonight's Shanghai booking — arrival today, so well inside 24 hours. Picked up in "
      "about a minute: '云境酒店预订中心，您好'. The agent read the policy, '入住前24小时取消，免收任何费用', and explained "
      "that since I was inside 24 hours one night is charged as a 手续费. Fair enough — that is the published policy.",
      "4,4,4,4,4,7,3",
      L={"P-FREECXL": K("promise_condition_unmet", "a fee for cancelling inside 24 h is outside the promise", ev="手续费"),
         "P-HOLD": K("hedge", "picked up in about a minute", q=Q("in about a minute", 1, "min")),
         "P-247": N("untested;duration_not_24_7", "'24 hours' is the cancellation deadline"),
         "S-PH-1": K("verbatim", "greeting", ev="云境酒店预订中心，您好"),
         "S-PH-3": K("verbatim", "policy read out", ev="入住前24小时取消，免收任何费用")}),
    O("T-72", "phone", "2026-10-30 23:00", "钱多多", "booking",
      "（语音笔记）23点打热线订房，对面好像是个鸡七人，声音很平，问什么都是标准回答，说不清是不是真人。最后还是订上了。",
      "3,3,3,2,2,5,4",
      L={"P-247": R("cue_stt_homophone;hedge", "'鸡七人' may be 机器人 mis-transcribed; the shopper is unsure", ev="鸡七人")}),
    O("T-74", "phone", "2026-11-17 07:40", "J. Park", "enquiry",
      "Asked whether the Bund business centre could print my résumé before a 9 am interview. Picked up within 30 "
      "seconds; the agent said '这不归我管, please ask the hotel' and gave me the front desk number.",
      "3,3,4,2,2,5,4",
      L={"P-HOLD": K("bound;seconds", "picked up within 30 s", q=Q("within 30 seconds", 30, "s", "<")),
         "S-PH-5": B("forbidden_verbatim;accented_words", "said as written, next to résumé", ev="这不归我管")}),
    O("T-75", "phone", "2026-10-10 23:40", "黃志明", "預訂",
      "夜晚十一點四十打訂房熱線想訂灣仔嘅房，響咗十幾分鐘都冇人聽，最後我收線。",
      "2,1,1,2,1,1,7",
      L={"P-247": B("cue_cantonese", "冇人聽 at 23:40", ev="冇人聽"),
         "P-HOLD": B("cue_cantonese;range;zh_numeral", "ten-odd minutes, nobody", ev="冇人聽",
                     q=Q("響咗十幾分鐘", (11, 19), "min"))}),
    O("T-76", "phone", "2026-11-28 00:30", "D. Moreau", "booking",
      "00:30, calling to add a night in Taipei. After the recording nobody ever came on the line, just hold music "
      "for a quarter of an hour, then I hung up.",
      "2,1,1,2,1,1,7",
      L={"P-247": B("cue_paraphrase", "nobody ever came on the line = nobody answered",
                    ev="nobody ever came on the line"),
         "P-HOLD": B("spoken_unit;en_number_word", "a quarter of an hour on hold, nobody",
                     q=Q("for a quarter of an hour", 15, "min"))}),
    # ------------------------------------------------------------------ chat
    O("T-22", "chat", "2026-09-10 22:30", "王磊", "enquiry",
      "22:30在微信服务号问'外滩店有没有停车位'。秒回：'您好，云境礼宾为您服务，礼宾团队7×24小时在线。'22:33真人回复说有地下车库，住店客人每晚80元。",
      "4,4,5,4,4,8,2",
      L={"P-CHAT": K("time_arithmetic", "a person replied at 22:33, three minutes on", q=Q("22:33真人回复", 3, "min")),
         "P-247": K("subject_mentioned", "a person replied at 22:30", ev="真人回复"),
         "S-CH-1": K("verbatim", "greeting", ev="您好，云境礼宾为您服务"),
         "S-CH-2": K("verbatim", "greeting", ev="礼宾团队7×24小时在线")}),
    O("T-23", "chat", "2026-09-18 01:40", "T. Nguyen", "enquiry",
      "01:40 WhatsApp to the Hong Kong number about early check-in. Auto-message: '您好，云境礼宾为您服务' and a menu. "
      "Typed 'agent' three times; only a bot replied, with the same menu. Nothing from a person by 02:30, when I gave "
      "up — fifty minutes.",
      "2,1,1,2,1,0,7",
      L={"P-247": B("breach_cue", "only a bot at 01:40", ev="only a bot replied"),
         "P-CHAT": B("en_number_word", "no person in fifty minutes", q=Q("fifty minutes", 50, "min")),
         "S-CH-1": K("verbatim", "auto-greeting", ev="您好，云境礼宾为您服务")}),
    O("T-24", "chat", "2026-10-02 11:15", "梁嘉欣", "cancellation",
      "WhatsApp問點樣取消11月嘅訂房。佢話：「您好，雲境禮賓為您服務」，跟住話入住前24個鐘取消唔使畀錢。之後我問可唔可以改日期，"
      "佢叫我「你自己上官網睇啦」，態度麻麻。每次覆都係一兩分鐘內。",
      "3,4,4,2,2,5,4",
      L={"P-FREECXL": K("negation_outside_cue;cue_cantonese", "唔使畀錢: no charge", ev="唔使畀錢"),
         "P-CHAT": K("range;zh_numeral", "replies within one or two minutes", q=Q("一兩分鐘內", (1, 2), "min")),
         "P-247": N("untested;duration_not_24_7;cantonese_hour", "24個鐘 is the cancellation deadline"),
         "S-CH-1": K("traditional_variant", "greeting", ev="您好，雲境禮賓為您服務"),
         "S-CH-4": B("forbidden_reworded;cue_cantonese", "你自己上官網睇啦 = 请您自己去官网查 in Cantonese",
                     ev="你自己上官網睇啦")}),
    O("T-25", "chat", "2026-10-09 16:00", "Kelly 何", "booking",
      "WeChat咨询台北家庭房。自动回复：'客服将在10分钟内回复您'。实际等了二三十分钟才有人回，说价格要下午再确认。",
      "3,3,2,3,3,5,5",
      L={"P-CHAT": B("range;zh_numeral;claim_quote", "20 to 30 minutes (the 10 minutes is the auto-reply's claim)",
                     q=Q("等了二三十分钟", (20, 30), "min")),
         "S-CH-3": K("verbatim", "auto-reply", ev="客服将在10分钟内回复您")}),
    O("T-26", "chat", "2026-10-25 19:20", "R. Okafor", "enquiry",
      "Asked at 19:20 whether the Wan Chai gym is open all night. Then asked 'is this a bot?' — reply at 19:23: 'No, "
      "a real person 😊 Gym is 24 hours. 礼宾团队7×24小时在线.' Clear and polite.",
      "4,4,5,4,5,9,1",
      L={"P-247": K("shopper_question;negation_outside_cue", "the shopper asked whether it was a bot; a person replied",
                    ev="a real person"),
         "P-CHAT": K("time_arithmetic", "19:20 to 19:23", q=Q("reply at 19:23", 3, "min")),
         "S-CH-2": K("verbatim", "said in the reply", ev="礼宾团队7×24小时在线")}),
    O("T-27", "chat", "2026-11-12 00:50", "赵敏", "complaint",
      "（语音转文字）半夜隔壁太吵，微信上找礼宾。回我的是鸡器人，只会发'请描述您的问题'，发了五六次都一样，没有人工。"
      "拖了三个来钟头，快4点才有真人回复道歉。",
      "2,1,1,2,2,1,7",
      L={"P-247": B("cue_stt_homophone", "鸡器人 = 机器人 (speech-to-text)", ev="鸡器人"),
         "P-CHAT": B("hedge;spoken_unit;unit_conversion", "a person replied about three hours later",
                     q=Q("拖了三个来钟头", 3, "h"))}),
    O("T-28", "chat", "2026-11-27 10:05", "黃志明", "enquiry",
      "問灣仔酒店有冇泊車位。「您好，雲境禮賓為您服務。禮賓團隊7×24小時在線。」之後佢直接覆：「請您自己去官網查」，"
      "我再問都係咁講。每次回覆大約4分鐘。",
      "2,3,4,2,1,3,5",
      L={"P-CHAT": K("hedge", "replies in about four minutes", q=Q("大約4分鐘", 4, "min")),
         "P-247": K("subject_mentioned", "7×24 restated; staff replied", ev="7×24小時在線"),
         "S-CH-1": K("traditional_variant", "greeting", ev="您好，雲境禮賓為您服務"),
         "S-CH-2": K("traditional_variant", "greeting", ev="禮賓團隊7×24小時在線"),
         "S-CH-4": B("forbidden_verbatim;traditional_variant", "said as written", ev="請您自己去官網查")}),
    O("T-29", "chat", "2026-12-08 18:45", "A. Fischer", "cancellation",
      "Wanted to cancel a Shanghai booking three days out. The chat agent replied within a minute, said there is no "
      "cancellation fee as long as it is more than 24 hours before arrival, and processed it. Two days later my card "
      "showed a CNY 300 cancellation fee. Messaged again: 'we'll check' — nothing since.",
      "3,1,4,2,3,2,6",
      L={"P-FREECXL": B("breach_cue;negation_then_breach", "'no cancellation fee', then CNY 300 charged",
                        ev="showed a CNY 300 cancellation fee"),
         "P-CHAT": K("bound", "replied within a minute", q=Q("replied within a minute", 1, "min", "<")),
         "P-247": N("untested;duration_not_24_7", "'24 hours before arrival' is a deadline")}),
    O("T-73", "chat", "2026-11-01 15:02", "A. Fischer", "enquiry",
      "WeChat, 15:02: asked whether the lobby café takes reservations for afternoon tea. Left on read until 15:40, "
      "when the café had closed for a private event anyway.",
      "3,3,1,3,2,4,5",
      L={"P-CHAT": B("breach_cue;accented_words;time_arithmetic", "left on read for 38 minutes, next to café",
                     ev="Left on read", q=Q("until 15:40", 38, "min"))}),
    # ------------------------------------------------------------------ front desk Shanghai
    O("T-30", "fd-sh", "2026-09-07 16:20", "孙丽", "check-in",
      "16:20到外滩店，前台说'欢迎入住云境外滩酒店'。前面两组客人，排了差不多半小时队才轮到我，办手续本身很快。押金1000元，说退房后三天内原路退回。",
      "4,3,2,4,4,6,4",
      L={"P-CHECKIN": B("hedge;zh_numeral", "queued about half an hour", q=Q("排了差不多半小时", 30, "min")),
         "P-DEPOSIT": K("claim_quote", "only staff's three-day claim", ev="押金"),
         "S-SH-1": K("verbatim", "greeting", ev="欢迎入住云境外滩酒店"),
         "S-SH-2": K("near_verbatim", "deposit line without its lead-in", ev="退房后三天内原路退回")}),
    O("T-31", "fd-sh", "2026-09-19 21:40", "J. Park", "check-in",
      "Arrived 21:40 from Pudong airport (the taxi took over an hour). Staff said '欢迎入住云境外滩酒店' and had me "
      "checked in quickly — timed, see form. Room on 18F, quiet. Deposit CNY 800; she said '押金将在退房后三天内原路退回'.",
      "5,4,5,4,4,8,2", m={"checkin_wait": "8"},
      L={"P-CHECKIN": K("measure_cell;quantity_not_metric", "8 minutes in the form; the taxi hour is not check-in",
                        q=CELL),
         "P-DEPOSIT": K("claim_quote", "staff's claim only", ev="Deposit"),
         "S-SH-1": K("verbatim", "greeting", ev="欢迎入住云境外滩酒店"),
         "S-SH-2": K("verbatim", "deposit line", ev="押金将在退房后三天内原路退回")}),
    O("T-32", "fd-sh", "2026-10-04 12:10", "钱多多", "check-out",
      "退房时问能不能延迟到下午两点，前台说国庆期间不能延迟退房，最多到12点半，再晚要加收半天房费。前台完全没提秋季会员礼遇。",
      "3,2,3,2,2,3,5",
      L={"P-LATECO": B("breach_cue;quantity_not_metric", "不能延迟退房 inside the offer window", ev="不能延迟退房"),
         "S-SH-3": B("negated_mention", "the record says the offer was not mentioned")}),
    O("T-33", "fd-sh", "2026-10-17 11:30", "Vivian 邓", "Check-Out",
      "Check-out at 11:30. 前台主动说'秋季会员礼遇，可免费延迟退房至下午两点'，我就延到了两点，没收费。Deposit CNY 1,000 "
      "came back on 10/19, two days later.",
      "5,5,4,5,5,10,1",
      L={"P-LATECO": K("subject_mentioned;negation_outside_cue", "offered and granted, 没收费", ev="延迟退房"),
         "P-DEPOSIT": K("en_number_word;days", "back two days later", q=Q("two days later", 2, "day")),
         "S-SH-3": K("verbatim;scenario_case", "said; scenario 'Check-Out' matches after case folding",
                     ev="秋季会员礼遇，可免费延迟退房至下午两点")}),
    O("T-34", "fd-sh", "2026-10-28 15:05", "王磊", "check-in",
      "15:05到店，前台小姐姐说'欢迎入住云境外滩酒店'。房间还没打扫好，让我在大堂等，等了三刻钟才拿到房卡。押金收了1500，说三天内原路退回。",
      "3,2,2,3,3,4,5",
      L={"P-CHECKIN": B("spoken_unit;room_not_ready", "三刻钟 = 45 minutes to get the key", q=Q("等了三刻钟", 45, "min")),
         "P-DEPOSIT": K("claim_quote", "staff's claim only", ev="押金"),
         "S-SH-1": K("verbatim", "greeting", ev="欢迎入住云境外滩酒店"),
         "S-SH-2": K("paraphrase", "key phrase 三天内原路退回", ev="三天内原路退回")}),
    O("T-35", "fd-sh", "2026-11-08 10:00", "M. Tanaka", "checkout",
      "Asked for a 2 pm checkout as a member. Front desk: 'Sorry, late checkout is 300 yuan extra.' Nobody mentioned "
      "an autumn offer. On the deposit they said 'three working days'.",
      "3,2,3,2,2,3,5",
      L={"P-LATECO": B("cue_paraphrase", "late checkout charged inside the offer window",
                       ev="late checkout is 300 yuan extra"),
         "P-DEPOSIT": K("claim_quote", "staff's claim only", ev="deposit")}),
    O("T-36", "fd-sh", "2026-11-24 19:45", "赵敏", "check-in",
      "19:45入住，'欢迎入住云境外滩酒店'。前台没有让我等，五六分钟就办好了。问我要不要升级江景房，加300。押金说退房后三天内原路退回。",
      "4,4,5,4,4,8,2",
      L={"P-CHECKIN": K("negation_outside_cue;range", "没有让我等; five or six minutes", q=Q("五六分钟", (5, 6), "min")),
         "P-DEPOSIT": K("claim_quote", "staff's claim only", ev="押金"),
         "S-SH-1": K("verbatim", "greeting", ev="欢迎入住云境外滩酒店"),
         "S-SH-2": K("near_verbatim", "deposit line", ev="退房后三天内原路退回")}),
    O("T-37", "fd-sh", "2026-12-04 23:10", "S. Gupta", "check-in",
      "Late arrival, one clerk on duty. Long queue at check-in behind a tour group. No standard greeting, she just "
      "called 'next'. Deposit CNY 1,000 taken on my card.",
      "3,2,1,3,2,3,6", m={"checkin_wait": "0.5 h"},
      L={"P-CHECKIN": B("measure_cell;unit_conversion;breach_cue", "0.5 h = 30 minutes; long queue", q=CELL,
                        ev="Long queue at check-in"),
         "P-DEPOSIT": K("subject_mentioned", "deposit taken; no refund seen", ev="Deposit")}),
    # ------------------------------------------------------------------ front desk Hong Kong
    O("T-38", "fd-hk", "2026-09-09 15:30", "梁嘉欣", "check-in",
      "三點半到灣仔，接待員講「Welcome to Yunjing Wan Chai」，再講「We'll have you checked in within 5 minutes」。點知前面有個旅行團，"
      "等咗成個鐘先攞到房卡，間房仲未執好。按金收咗HK$2,000，佢話退房後3日內退返。",
      "4,2,1,3,3,3,6",
      L={"P-CHECKIN": B("cantonese_hour;hedge;claim_quote;room_not_ready",
                        "成個鐘 = about an hour; the 5 minutes is staff's claim", q=Q("等咗成個鐘", 60, "min")),
         "P-DEPOSIT": K("claim_quote", "staff's claim only", ev="按金"),
         "S-HK-1": K("verbatim", "greeting", ev="Welcome to Yunjing Wan Chai"),
         "S-HK-2": K("verbatim", "said", ev="We'll have you checked in within 5 minutes"),
         "S-HK-3": K("near_verbatim", "deposit line without 按金會喺", ev="退房後3日內退返")}),
    O("T-39", "fd-hk", "2026-09-26 20:15", "T. Nguyen", "check-in",
      "Greeted with 'Welcome to Yunjing Wan Chai'. The agent said 'we'll have you checked in within five minutes' and "
      "it took roughly that — 6 minutes by my watch. When I asked about a harbour-view upgrade she said 'that's really "
      "not my department, ask reservations'.",
      "4,4,4,3,2,6,3",
      L={"P-CHECKIN": K("claim_quote", "6 minutes by the watch", q=Q("6 minutes by my watch", 6, "min")),
         "S-HK-1": K("verbatim", "greeting", ev="Welcome to Yunjing Wan Chai"),
         "S-HK-2": K("en_number_word", "five = 5", ev="we'll have you checked in within five minutes"),
         "S-HK-5": B("forbidden_inserted_word", "'really' inserted", ev="that's really not my department")}),
    O("T-40", "fd-hk", "2026-10-06 11:50", "黃志明", "check-out",
      "退房前一日問可唔可以兩點先走。佢讀咗句「會員可以免費延遲退房至下午1點」，我話官網寫兩點，佢話一點之後唔可以延遲退房，要收半日房租。"
      "按金就話3日內退返。",
      "3,2,3,2,2,4,5",
      L={"P-LATECO": B("cue_cantonese;quantity_not_metric", "唔可以延遲退房 after 1 pm; the offer says 2 pm",
                       ev="唔可以延遲退房"),
         "P-DEPOSIT": K("claim_quote", "staff's claim only", ev="按金"),
         "S-HK-4": K("verbatim", "read out", ev="會員可以免費延遲退房至下午1點"),
         "S-HK-3": K("paraphrase", "3日內退返", ev="3日內退返")}),
    O("T-41", "fd-hk", "2026-10-21 14:00", "Kelly 何", "入住",
      "2點到，'Welcome to Yunjing Wan Chai'。Check-in用咗大半個鐘，因為系統down咗，要人手登記。按金HK$1,500。",
      "3,2,1,3,3,4,6",
      L={"P-CHECKIN": B("spoken_unit;cantonese_hour;hedge", "大半個鐘 = most of an hour", q=Q("大半個鐘", 45, "min")),
         "P-DEPOSIT": K("subject_mentioned", "deposit taken; no refund seen", ev="按金"),
         "S-HK-1": K("verbatim", "greeting", ev="Welcome to Yunjing Wan Chai")}),
    O("T-42", "fd-hk", "2026-11-04 09:20", "D. Moreau", "check-out",
      "Checked out 09:20, smooth. The clerk mentioned '會員可以免費延遲退房至下午1點' — I didn't need it. Deposit refund "
      "date is logged in the form.",
      "4,3,4,4,4,7,2", m={"deposit_refund": "5 days"},
      L={"P-DEPOSIT": B("measure_cell;days", "5 days in the form", q=CELL),
         "P-LATECO": K("subject_mentioned", "offer mentioned, not needed, no breach", ev="延遲退房"),
         "S-HK-4": K("verbatim", "mentioned", ev="會員可以免費延遲退房至下午1點")}),
    O("T-43", "fd-hk", "2026-11-15 18:30", "梁嘉欣", "check-in",
      "「Welcome to Yunjing Wan Chai」。佢話 We'll have you checked in within 5 minutes，實際用咗十分鐘。呢位同事好有禮貌。",
      "4,4,4,5,5,8,2", m={"checkin_wait": "十分鐘"},
      L={"P-CHECKIN": K("measure_cell;bound;zh_numeral", "十分鐘 = the 10-minute target (<=)", q=CELL),
         "S-HK-1": K("verbatim", "greeting", ev="Welcome to Yunjing Wan Chai"),
         "S-HK-2": K("verbatim", "said", ev="We'll have you checked in within 5 minutes")}),
    O("T-44", "fd-hk", "2026-12-02 12:40", "R. Okafor", "check-out",
      "Stayed 28 Nov – 2 Dec. At check-out I asked for 2 pm as a member; the clerk said the autumn offer ended on 30 "
      "Nov, so no late check-out, but she didn't charge for my leaving at 12:40. Deposit HK$2,000: follow-up on 9 Dec, "
      "a week after check-out, it is still not back.",
      "3,1,3,3,3,3,5",
      L={"P-LATECO": N("validity_window", "the offer ended on 30 Nov; the visit is on 2 Dec"),
         "P-DEPOSIT": B("en_duration;cue_paraphrase", "a week after check-out and still not back",
                        ev="still not back", q=Q("a week after check-out", 7, "day", ">"))}),
    O("T-45", "fd-hk", "2026-10-30 16:00", "孙丽", "check-in",
      "到湾仔店，前台说了'Welcome to Yunjing Wan Chai'，很快办好，五分钟左右。我问能不能寄存行李到晚上，她说行李寄存要问礼宾。"
      "押金收了两千港币，说退房后3日内退返。",
      "4,4,5,4,4,8,2",
      L={"P-CHECKIN": K("hedge", "五分钟左右", q=Q("五分钟左右", 5, "min")),
         "P-DEPOSIT": K("claim_quote", "staff's claim only", ev="押金"),
         "S-HK-1": K("verbatim", "greeting", ev="Welcome to Yunjing Wan Chai"),
         "S-HK-3": K("simplified_variant", "deposit line in Simplified", ev="退房后3日内退返")}),
    # ------------------------------------------------------------------ front desk Taipei
    O("T-46", "fd-tp", "2026-09-11 15:10", "張雅婷", "check-in",
      "櫃檯說「歡迎光臨雲境信義酒店」，「我們會在十分鐘內幫您完成入住」。實際上排隊加辦手續差不多二十分鐘。押金NT$3,000，說退房後七個工作天內退還，有點久。",
      "4,2,2,4,4,5,4",
      L={"P-CHECKIN": B("hedge;zh_numeral;claim_quote", "about 20 minutes (the ten is staff's claim)",
                        q=Q("差不多二十分鐘", 20, "min")),
         "P-DEPOSIT": K("claim_quote", "staff's seven-working-day claim, no refund seen", ev="押金"),
         "S-TP-1": K("verbatim", "greeting", ev="歡迎光臨雲境信義酒店"),
         "S-TP-4": K("verbatim", "said", ev="我們會在十分鐘內幫您完成入住"),
         "S-TP-2": K("near_verbatim", "deposit line", ev="退房後七個工作天內退還")}),
    O("T-47", "fd-tp", "2026-09-23 07:30", "A. Fischer", "transfer",
      "Needed the airport shuttle to Taoyuan at 07:30. The desk said '機場接駁車每小時一班，免費搭乘' — the next one left "
      "at 08:25, so I waited fifty-five minutes in the lobby. Then the driver asked for NT$200 and said the shuttle "
      "isn't free on weekdays any more. The ride itself took about 40 minutes.",
      "3,1,2,2,2,1,6",
      L={"P-SHUTTLE": B("en_number_word;cue_paraphrase;quantity_not_metric",
                        "55-minute wait and a NT$200 fare; the 40-minute ride is not the wait",
                        ev="the driver asked for NT$200", q=Q("waited fifty-five minutes", 55, "min")),
         "S-TP-3": K("verbatim", "said", ev="機場接駁車每小時一班，免費搭乘")}),
    O("T-48", "fd-tp", "2026-10-07 11:00", "陳美玲", "check-out",
      "退房時櫃檯說押金將於退房後七個工作天內退還。我問會員秋季可不可以延遲退房到兩點，他說可以，不另外收費。結果押金退房後第二天就退回了，很快。",
      "4,5,4,4,4,9,2",
      L={"P-DEPOSIT": K("zh_numeral;days;claim_quote", "refunded the next day (the seven working days is a claim)",
                        q=Q("退房後第二天", 1, "day")),
         "P-LATECO": K("shopper_question;negation_outside_cue", "granted, 不另外收費", ev="延遲退房"),
         "S-TP-2": K("verbatim", "said", ev="押金將於退房後七個工作天內退還")}),
    O("T-49", "fd-tp", "2026-10-18 13:20", "Vivian 邓", "接驳",
      "到机场接驳车站等车，13:20等到13:45才来一班，等了二十五分钟，司机说免费。回来问前台为什么时刻表贴错了，前台说这不是我们的问题 and walked away.",
      "3,3,3,2,1,4,4",
      L={"P-SHUTTLE": K("zh_numeral;time_arithmetic", "25 minutes", q=Q("等了二十五分钟", 25, "min")),
         "S-TP-3": N("scenario_excluded;scenario_spelling", "scenario 接驳 is not a spelling the line lists (接駁)"),
         "S-TP-5": B("forbidden_verbatim;simplified_variant", "said, in Simplified", ev="这不是我们的问题")}),
    O("T-50", "fd-tp", "2026-10-31 22:05", "張雅婷", "check-in",
      "晚上十點到，櫃檯說「歡迎光臨雲境信義酒店」，很快就拿到房卡。說押金退房後七個工作天內退還。也順便問了明天去機場的接駁車，說每小時一班，免費搭乘。",
      "4,4,5,4,4,8,2", m={"checkin_wait": "4"},
      L={"P-CHECKIN": K("measure_cell", "4 minutes in the form", q=CELL),
         "P-DEPOSIT": K("claim_quote", "staff's claim only", ev="押金"),
         "P-SHUTTLE": K("subject_mentioned;claim_quote", "asked about the shuttle; the one-an-hour is staff's claim",
                        ev="接駁車"),
         "S-TP-1": K("verbatim", "greeting", ev="歡迎光臨雲境信義酒店"),
         "S-TP-2": K("paraphrase", "deposit line", ev="押金退房後七個工作天內退還"),
         "S-TP-3": N("scenario_excluded", "said, but the line is for transfer visits")}),
    O("T-51", "fd-tp", "2026-11-13 10:30", "M. Tanaka", "check-out",
      "Checkout was efficient and friendly. I logged the actual deposit refund time in the form.",
      "4,4,4,4,4,8,2", m={"deposit_refund": "72 h"},
      L={"P-DEPOSIT": K("measure_cell;bound;unit_conversion", "72 h = 3 days = the target (<=)", q=CELL)}),
    O("T-52", "fd-tp", "2026-11-25 16:40", "陳美玲", "check-in",
      "下午四點四十到信義。櫃檯說「歡迎光臨雲境信義酒店」。房間還沒準備好，要等。等了個把小時才辦好入住，櫃檯一直說這真的不是我們飯店的問題，是房務那邊。",
      "3,1,1,2,1,2,7",
      L={"P-CHECKIN": B("spoken_unit;hedge;room_not_ready", "個把小時 = about an hour", q=Q("等了個把小時", 60, "min")),
         "S-TP-1": K("verbatim", "greeting", ev="歡迎光臨雲境信義酒店"),
         "S-TP-5": B("forbidden_inserted_word", "這真的不是我們飯店的問題", ev="這真的不是我們飯店的問題")}),
    O("T-53", "fd-tp", "2026-12-05 06:10", "S. Gupta", "Transfer",
      "06:10 asked the desk about the airport 接駁車. 櫃檯說今天沒有接駁車，司機請假，要我自己叫計程車 (NT$1,200 to Taoyuan). "
      "Greeting was '歡迎光臨雲境信義酒店'.",
      "3,1,2,2,2,2,6",
      L={"P-SHUTTLE": B("breach_cue", "no shuttle that day", ev="今天沒有接駁車"),
         "S-TP-1": K("verbatim", "greeting", ev="歡迎光臨雲境信義酒店"),
         "S-TP-3": B("phrase_absent;scenario_case", "scenario 'Transfer' applies; line not said")}),
    O("T-67", "fd-tp", "2026-11-26 10:00", "周晓", "check-in",
      "下午四点四十到信义。柜台说「欢迎光临云境信义酒店」。房间还没准备好，要等。等了个把小时才办好入住，柜台一直说这真的不是我们饭店的问题，是房务那边。",
      "3,1,1,2,1,2,7",
      L={"P-CHECKIN": B("spoken_unit;hedge;room_not_ready", "个把小时 = about an hour", q=Q("等了个把小时", 60, "min")),
         "S-TP-1": K("simplified_variant", "greeting", ev="欢迎光临云境信义酒店"),
         "S-TP-5": B("forbidden_inserted_word;simplified_variant", "这真的不是我们饭店的问题", ev="这真的不是我们饭店的问题")}),
    # ------------------------------------------------------------------ in-room dining Shanghai
    O("T-54", "rs-sh", "2026-09-13 20:05", "王磊", "room-service",
      "20:05拨分机点了一碗牛肉面。接线员：'您好，云境外滩送餐服务'，'您的餐点将在30分钟内送达'。20:52才送到，等了将近五十分钟，面都坨了。",
      "3,1,2,3,3,3,5",
      L={"P-ROOMSVC": B("hedge;zh_numeral;time_arithmetic", "nearly fifty minutes", q=Q("等了将近五十分钟", 50, "min")),
         "S-RS-1": K("verbatim", "greeting", ev="您好，云境外滩送餐服务"),
         "S-RS-2": K("verbatim", "said", ev="您的餐点将在30分钟内送达")}),
    O("T-55", "rs-sh", "2026-09-27 22:30", "J. Park", "room-service",
      "Ordered a club sandwich and a café latte at 22:30. No time estimate given. The tray arrived at 22:52 — "
      "twenty-two minutes, still hot. Crème brûlée was excellent.",
      "5,5,5,4,4,9,1",
      L={"P-ROOMSVC": K("en_number_word;accented_words", "twenty-two minutes", q=Q("twenty-two minutes", 22, "min"))}),
    O("T-56", "rs-sh", "2026-10-10 07:15", "孙丽", "room-service",
      "早上7:15点早餐送房。'您好，云境外滩送餐服务'。说30分钟内送到。送来是凉的，煎蛋都冷了。",
      "2,2,3,3,3,4,4", m={"delivery": "35 min"},
      L={"P-ROOMSVC": B("measure_cell;breach_cue", "35 minutes in the form; arrived cold", q=CELL, ev="送来是凉的"),
         "S-RS-1": K("verbatim", "greeting", ev="您好，云境外滩送餐服务"),
         "S-RS-2": K("synonym", "送到 = 送达", ev="30分钟内送到")}),
    O("T-57", "rs-sh", "2026-10-26 23:40", "S. Gupta", "room-service",
      "Late-night order at 23:40. '您好，云境外滩送餐服务' — then '您的餐点将在30分钟内送达'. It arrived at 00:25, well "
      "over half an hour. Staff apologised and took the 服务费 off the bill.",
      "3,2,2,4,4,5,4",
      L={"P-ROOMSVC": B("bound;time_arithmetic;claim_quote", "23:40 to 00:25, well over half an hour",
                        q=Q("well over half an hour", 30, "min", ">")),
         "S-RS-1": K("verbatim", "greeting", ev="您好，云境外滩送餐服务"),
         "S-RS-2": K("verbatim", "said", ev="您的餐点将在30分钟内送达")}),
    O("T-58", "rs-sh", "2026-11-18 12:20", "钱多多", "room-service",
      "十二点二十点了两份炒饭对方说您好云境外滩送餐服务您的餐点将在三十分钟内送达十二点四十五送到了二十五分钟还是热的",
      "4,4,4,4,4,8,2",
      L={"P-ROOMSVC": K("zh_numeral;no_punctuation", "twenty-five minutes", q=Q("二十五分钟", 25, "min")),
         "S-RS-1": K("no_punctuation", "greeting", ev="您好云境外滩送餐服务"),
         "S-RS-2": K("zh_numeral;no_punctuation", "三十 = 30", ev="您的餐点将在三十分钟内送达")}),
    O("T-59", "rs-sh", "2026-12-09 19:00", "D. Moreau", "room-service",
      "Room service ordered at 19:00. Whoever answered just said '喂？'. Food took nearly an hour; I called twice to chase it.",
      "2,1,1,2,2,2,6",
      L={"P-ROOMSVC": B("hedge;en_number_word", "nearly an hour", q=Q("nearly an hour", 60, "min"))}),
    O("T-65", "rs-sh", "2026-11-19 21:10", "周晓", "room-service",
      "21:10点了份馄饨，十来分钟就送到了，热的。",
      "4,4,5,4,4,8,2",
      L={"P-ROOMSVC": K("range;hedge", "ten-odd minutes, far under 30", q=Q("十来分钟", (10, 15), "min"))}),
    O("T-66", "rs-sh", "2026-11-20 21:12", "钱多多", "room-service",
      "21:10点了份馄饨,十来分钟就送到了,热的.",
      "4,4,5,4,4,8,2",
      L={"P-ROOMSVC": K("range;hedge", "ten-odd minutes, far under 30", q=Q("十来分钟", (10, 15), "min"))}),
    # ------------------------------------------------------------------ concierge Hong Kong
    O("T-60", "conc-hk", "2026-09-15 09:00", "梁嘉欣", "transfer",
      "禮賓部：「Yunjing Concierge, how may I assist you?」我問去機場點去最方便，佢話「機場穿梭巴士免費，每個鐘有兩班」。九點正落大堂，等咗廿分鐘就有車。",
      "4,4,4,4,4,8,2",
      L={"P-SHUTTLE": K("zh_numeral", "廿分鐘 = 20 minutes", q=Q("等咗廿分鐘", 20, "min")),
         "S-CO-1": K("verbatim", "greeting", ev="Yunjing Concierge, how may I assist you?"),
         "S-CO-2": K("verbatim", "said", ev="機場穿梭巴士免費，每個鐘有兩班")}),
    O("T-61", "conc-hk", "2026-10-03 18:30", "T. Nguyen", "enquiry",
      "Asked the concierge to book dim sum for 8 people. 'Yunjing Concierge, how may I assist you?' — then he spent 15 "
      "minutes on the phone to the restaurant for me. When I asked about an umbrella I'd left on my last stay, he said "
      "'唔關我事呀, go to the front desk'.",
      "4,4,4,3,2,6,3",
      L={"S-CO-1": K("verbatim", "greeting", ev="Yunjing Concierge, how may I assist you?"),
         "S-CO-3": B("forbidden_inserted_word", "particle 呀 added", ev="唔關我事呀")}),
    O("T-62", "conc-hk", "2026-10-24 05:40", "黃志明", "接送",
      "凌晨五點四十問穿梭巴士，佢話第一班六點。我五點四十五落到大堂，等咗三個字就上車。佢冇講每個鐘有幾多班，不過穿梭巴士冇收錢。",
      "4,4,4,3,3,7,3",
      L={"P-SHUTTLE": K("cantonese_zi_unit;negation_outside_cue", "三個字 = 15 minutes; 冇收錢",
                        q=Q("等咗三個字", 15, "min")),
         "S-CO-2": B("negated_mention", "the record says the frequency was not stated")}),
    O("T-63", "conc-hk", "2026-11-16 14:10", "Kelly 何", "Transfer",
      "Concierge: 'Yunjing Concierge, how may I assist you?' 問機場巴士，佢話「機場穿梭巴士免費，每個鐘有兩班」。但我14:10等到15:05先有車，成個鐘都冇車。",
      "3,1,3,3,3,3,5",
      L={"P-SHUTTLE": B("time_arithmetic;cantonese_hour;claim_quote", "14:10 to 15:05, 55 minutes",
                        q=Q("14:10等到15:05", 55, "min")),
         "S-CO-1": K("verbatim", "greeting", ev="Yunjing Concierge, how may I assist you?"),
         "S-CO-2": K("verbatim;scenario_case", "said", ev="機場穿梭巴士免費，每個鐘有兩班")}),
    O("T-64", "conc-hk", "2026-12-07 20:00", "R. Okafor", "enquiry",
      "The concierge recommended a rooftop bar and a résumé printing shop nearby, and printed a map. Friendly, but no "
      "standard greeting.",
      "4,4,4,4,4,8,2"),
    O("T-69", "conc-hk", "2026-10-12 08:00", "梁嘉欣", "transfer",
      "等穿梭巴士等咗四十分鐘，冇車，冇人解釋。",
      "2,1,2,2,2,2,6",
      L={"P-SHUTTLE": B("zh_numeral", "forty minutes", q=Q("等咗四十分鐘", 40, "min"))}),
    O("T-70", "conc-hk", "2026-10-13 08:05", "黃志明", "transfer",
      "等穿梭巴士等咗四十分鐘，冇車，冇人解釋。",
      "2,1,2,2,2,2,6",
      L={"P-SHUTTLE": B("zh_numeral", "forty minutes", q=Q("等咗四十分鐘", 40, "min"))}),
    # ------------------------------------------------------------------ a copy with a changed time (chat)
    O("T-68", "chat", "2026-09-19 01:50", "M. Tanaka", "enquiry",
      "01:50 WhatsApp to the Hong Kong number about early check-in. Auto-message: '您好，云境礼宾为您服务' and a menu. "
      "Typed 'agent' three times; only a bot replied, with the same menu. Nothing from a person by 02:30, when I gave "
      "up — fifty minutes.",
      "2,1,1,2,1,0,7",
      L={"P-247": B("breach_cue", "only a bot at 01:50", ev="only a bot replied"),
         "P-CHAT": B("en_number_word", "no person in fifty minutes", q=Q("fifty minutes", 50, "min")),
         "S-CH-1": K("verbatim", "auto-greeting", ev="您好，云境礼宾为您服务")}),
]

DUPLICATES = [
    # (a, b, tags, note)
    ("T-65", "T-66", "dup_short;dup_punctuation_width", "the same short note, half-width punctuation"),
    ("T-52", "T-67", "dup_script_variant", "the Traditional note copied into Simplified by another shopper"),
    ("T-23", "T-68", "dup_changed_time", "the same English chat note with the start time changed"),
    ("T-69", "T-70", "dup_short;dup_exact", "the same short Cantonese note from two shoppers"),
]

# =============================================================================== machinery


class BuildError(AssertionError):
    pass


def need(cond, message):
    if not cond:
        raise BuildError(message)


def split(cell: str) -> list[str]:
    return [p.strip() for p in re.split(r"[;；]", cell) if p.strip()]


def promise_by_key():
    return {p["key"]: p for p in PROMISES}


def script_rows():
    return [dict(zip(("key", "touchpoint", "text", "kind", "step", "promise", "weight", "valid_from", "valid_to",
                      "scenarios"), row)) for row in SCRIPTS]


def in_window(day: str, start: str, end: str) -> bool:
    return (not start or day >= start) and (not end or day <= end)


def promise_applies_tp(p, tp):
    tps = split(p["touchpoints"])
    return tps == ["*"] or tp in tps


def tags_join(*parts) -> str:
    seen = []
    for part in parts:
        for t in split(part or ""):
            if t not in seen:
                seen.append(t)
    return ";".join(seen)


def check_project():
    tp_keys = [t[0] for t in TOUCHPOINTS]
    need(len(set(tp_keys)) == len(tp_keys), "duplicate touchpoint key")
    for t in TOUCHPOINTS:
        need(t[2] in ("website", "app", "store", "phone", "chat", "social", "email", "other"), f"channel {t}")
    pk = promise_by_key()
    need(len(pk) == len(PROMISES), "duplicate promise key")
    for p in PROMISES:
        for tp in split(p["touchpoints"]):
            need(tp in tp_keys, f"{p['key']}: unknown touchpoint {tp}")
        need(p["dimension"] in ("tangibles", "reliability", "responsiveness", "assurance", "empathy"), p["key"])
        measurable = bool(p["metric"])
        need(all(bool(p[k]) == measurable for k in ("operator", "target", "unit")), f"{p['key']}: partial metric")
        if measurable:
            need(p["operator"] in ("<=", "<", ">=", ">", "=="), p["key"])
            need(p["metric"] in MEASURE_COLUMNS, f"{p['key']}: metric without a measure column")
        need(split(p["breach_cues"]), f"{p['key']}: no breach cues")
        need(p["key"] in SUBJECT, f"{p['key']}: no subject words")
    scripts = script_rows()
    need(len({s["key"] for s in scripts}) == len(scripts), "duplicate script key")
    spellings = {s.casefold() for v in SCENARIOS.values() for s in v}
    for s in scripts:
        need(s["touchpoint"] in tp_keys, f"{s['key']}: unknown touchpoint")
        need(s["kind"] in ("required", "forbidden"), s["key"])
        need(s["key"] in FRAGMENTS, f"{s['key']}: no fragments")
        for sc in split(s["scenarios"]):
            need(sc.casefold() in spellings, f"{s['key']}: scenario {sc} not in the vocabulary")
        if s["promise"]:
            p = pk[s["promise"]]
            need(promise_applies_tp(p, s["touchpoint"]), f"{s['key']}: linked promise does not apply there")
        # the line's own fragments must find the line itself (the fragment lists are sound)
        need(any(contains(s["text"], f) for f in FRAGMENTS[s["key"]]), f"{s['key']}: fragments miss the line")
    required = [s for s in scripts if s["kind"] == "required"]
    need(set(LINE_CLAIMS) == {s["key"] for s in required}, "LINE_CLAIMS must cover exactly the required lines")
    for s in required:
        promise, claim, target, _tags, _note = LINE_CLAIMS[s["key"]]
        if s["promise"]:
            need(promise == s["promise"], f"{s['key']}: claim about another promise than its link")
        if promise:
            need(promise_applies_tp(pk[promise], s["touchpoint"]), f"{s['key']}: claim about a promise not there")
    pairs = {(p["key"], tp) for p in PROMISES for tp in (tp_keys if p["touchpoints"] == "*" else split(p["touchpoints"]))}
    need(set(COVERAGE) == pairs, f"COVERAGE must list every (promise, touchpoint) pair: {pairs ^ set(COVERAGE)}")
    by_key = {s["key"]: s for s in scripts}
    for (pkey, tp), line in COVERAGE.items():
        if line is not None:
            s = by_key[line]
            need(s["touchpoint"] == tp and s["kind"] == "required", f"{pkey}/{tp}: {line} is not a required line there")
            need(LINE_CLAIMS[line][0] == pkey, f"{pkey}/{tp}: {line} states another promise")
        else:
            for s in required:
                if s["touchpoint"] == tp:
                    need(LINE_CLAIMS[s["key"]][0] != pkey, f"{pkey}/{tp}: {s['key']} states it")


def project_labels() -> list[dict]:
    rows = []
    scripts = {s["key"]: s for s in script_rows()}
    for key, (promise, claim, target, tags, note) in LINE_CLAIMS.items():
        s = scripts[key]
        expected = "broken" if promise and claim != target else "kept"
        for t in split(tags):
            need(t in TAGS, f"unknown tag {t}")
        rows.append(dict(observation="", target_type="script_line", target=key, expected=expected,
                         kind="inconsistent_claim", lang=detect_lang(s["text"]), phenomenon=tags,
                         note=note + (f" (states {promise}: {claim} vs {target})" if promise else ""),
                         touchpoint=s["touchpoint"]))
    pk = promise_by_key()
    for (pkey, tp), line in COVERAGE.items():
        if line is None:
            rows.append(dict(observation="", target_type="promise", target=pkey, expected="broken",
                             kind="uncovered_promise", lang=detect_lang(pk[pkey]["text"]), phenomenon="not_stated",
                             note=f"no required line of {tp} states it", touchpoint=tp))
        else:
            claim, target = LINE_CLAIMS[line][1], LINE_CLAIMS[line][2]
            tags = "stated" if claim == target else "stated;stated_wrong_quantity"
            rows.append(dict(observation="", target_type="promise", target=pkey, expected="kept",
                             kind="uncovered_promise", lang=detect_lang(pk[pkey]["text"]), phenomenon=tags,
                             note=f"stated by {line}" + ("" if claim == target else f" ({claim} vs {target})"),
                             touchpoint=tp))
    return rows


def scenario_applies(line, obs) -> bool:
    listed = split(line["scenarios"])
    return not listed or obs.scenario.strip().casefold() in {s.casefold() for s in listed}


def observation_labels(observations) -> list[dict]:
    pk = promise_by_key()
    scripts = script_rows()
    tp_keys = {t[0] for t in TOUCHPOINTS}
    spellings = {s.casefold() for v in SCENARIOS.values() for s in v}
    rows = []
    keys = [o.key for o in observations]
    need(len(set(keys)) == len(keys), "duplicate observation key")
    for o in observations:
        need(o.tp in tp_keys, f"{o.key}: unknown touchpoint")
        need(re.fullmatch(r"2026-\d\d-\d\d \d\d:\d\d", o.at), f"{o.key}: bad date")
        need(o.scenario.strip().casefold() in spellings, f"{o.key}: scenario {o.scenario!r} not in the vocabulary")
        for metric in o.m:
            need(metric in MEASURE_COLUMNS, f"{o.key}: unknown metric {metric}")
            need(any(p["metric"] == metric and promise_applies_tp(p, o.tp) for p in PROMISES),
                 f"{o.key}: a {metric} cell, but no promise with that metric applies to {o.tp}")
        lang = o.lang or detect_lang(o.text)
        if o.lang:
            need(not o.text, f"{o.key}: a language override is only for an empty transcript")
        day = o.at[:10]
        empty = not o.text.strip()
        explicit = dict(o.L)
        for target in explicit:
            need(target in pk or any(s["key"] == target for s in scripts), f"{o.key}: unknown target {target}")

        def emit(target_type, target, lab: Lab, kind, auto_tags=""):
            tags = tags_join(lab.tags, auto_tags)
            for t in split(tags):
                need(t in TAGS, f"{o.key}/{target}: unknown tag {t}")
            rows.append(dict(observation=o.key, target_type=target_type, target=target, expected=lab.expected,
                             kind=kind, lang=lang, phenomenon=tags, note=lab.note, touchpoint=o.tp))

        # ----------------------------------------------------------- promises
        for p in PROMISES:
            if not promise_applies_tp(p, o.tp):
                continue
            lab = explicit.pop(p["key"], None)
            where = f"{o.key}/{p['key']}"
            cell = o.m.get(p["metric"]) if p["metric"] else None
            if not in_window(day, p["valid_from"], p["valid_to"]):
                need(lab is None or lab.expected == "none", f"{where}: outside the window, must be none")
                emit("promise", p["key"], lab or N("validity_window", "outside the promise's validity window"),
                     "broken_promise", "validity_window")
                continue
            if empty and cell is None:
                need(lab is None or lab.expected == "none", f"{where}: empty transcript, must be none")
                emit("promise", p["key"], lab or N("empty_transcript", "empty transcript, no measurement"),
                     "broken_promise", "empty_transcript")
                continue
            if cell is not None:
                need(lab is not None and lab.q == CELL, f"{where}: a measure cell needs a label judged from it")
            if lab is None:
                hits = [w for w in SUBJECT[p["key"]] if contains(o.text, w)]
                need(not hits, f"{where}: untested but the transcript has subject words {hits}")
                emit("promise", p["key"], N("untested", "the visit never touches this promise"), "broken_promise")
                continue
            auto = ""
            if lab.q is not None:
                need(p["metric"], f"{where}: a quantity for a promise without a metric")
                if lab.q == CELL:
                    value, unit = parse_cell(cell, p["unit"])
                    verdict = judge(value, unit, "=", p["operator"], float(p["target"]), p["unit"])
                    auto = "measure_cell"
                else:
                    need(lab.q.ev in o.text, f"{where}: quantity evidence {lab.q.ev!r} not in the transcript")
                    verdict = judge(lab.q.value, lab.q.unit, lab.q.qual, p["operator"], float(p["target"]), p["unit"])
                    auto = "transcript_quantity"
                need(verdict is not None, f"{where}: the quantity cannot decide")
                if lab.expected in ("kept", "broken"):
                    need(verdict == lab.expected, f"{where}: quantity says {verdict}, label says {lab.expected}")
            if lab.ev is not None:
                need(lab.ev in o.text, f"{where}: evidence {lab.ev!r} not in the transcript")
            if lab.expected == "broken" and lab.q is None:
                need(lab.ev, f"{where}: a breach without a quantity needs the cue as evidence")
            if lab.expected == "kept" and lab.q is None and lab.ev is None:
                hits = [w for w in SUBJECT[p["key"]] if contains(o.text, w)]
                need(hits, f"{where}: kept without measurement needs subject words")
            if lab.expected == "none":
                hits = [w for w in SUBJECT[p["key"]] if contains(o.text, w)]
                need(not hits, f"{where}: none but subject words {hits}")
                auto = tags_join(auto, "untested")
            if lab.expected == "review_ok":
                need(lab.ev, f"{where}: review_ok needs evidence")
            emit("promise", p["key"], lab, "broken_promise", auto)
        # ----------------------------------------------------------- script lines
        for s in scripts:
            if s["touchpoint"] != o.tp:
                continue
            lab = explicit.pop(s["key"], None)
            where = f"{o.key}/{s['key']}"
            kind = "missing_phrase" if s["kind"] == "required" else "forbidden_phrase"
            win = in_window(day, s["valid_from"], s["valid_to"])
            scen = scenario_applies(s, o)
            if not win or not scen:
                need(lab is None or lab.expected == "none", f"{where}: not applicable, must be none")
                auto = tags_join("" if win else "validity_window", "" if scen else "scenario_excluded")
                emit("script_line", s["key"], lab or N(auto, "the line does not apply to this visit"), kind, auto)
                continue
            if empty:
                need(lab is None or lab.expected == "none", f"{where}: empty transcript, must be none")
                emit("script_line", s["key"], lab or N("empty_transcript", "empty transcript"), kind)
                continue
            frag_hits = [f for f in FRAGMENTS[s["key"]] if contains(o.text, f)]
            if lab is None:
                need(not frag_hits, f"{where}: default label but the record has {frag_hits}")
                if s["kind"] == "required":
                    lab = B("phrase_absent", "not in the record, so not said")
                else:
                    lab = K("phrase_absent", "not said")
                emit("script_line", s["key"], lab, kind)
                continue
            if lab.ev is not None:
                need(lab.ev in o.text, f"{where}: evidence {lab.ev!r} not in the transcript")
            said = lab.expected == ("kept" if s["kind"] == "required" else "broken")
            if said:
                need(lab.ev, f"{where}: said needs evidence")
            elif "negated_mention" not in split(lab.tags):
                need(not frag_hits, f"{where}: not said, but the record has {frag_hits}")
            emit("script_line", s["key"], lab, kind)
        need(not explicit, f"{o.key}: labels for targets outside its touchpoint: {sorted(explicit)}")
    return rows


CUE_EXCUSES = {"negation_outside_cue", "expectation", "shopper_question", "reversal", "fee_zero",
               "promise_condition_unmet", "validity_window", "empty_transcript"}


def check_cues(observations, rows):
    """A breach cue found literally (after folding) in a transcript makes the promise broken
    (or review_ok), unless the label says why not (negation, whose words, window...)."""
    pk = promise_by_key()
    by_key = {o.key: o for o in observations}
    for r in rows:
        if r["target_type"] != "promise" or r["expected"] in ("broken", "review_ok"):
            continue
        text = by_key[r["observation"]].text
        hits = [c for c in split(pk[r["target"]]["breach_cues"]) if contains(text, c)]
        if hits:
            need(CUE_EXCUSES & set(split(r["phenomenon"])),
                 f"{r['observation']}/{r['target']}: cue {hits} in the transcript but labelled {r['expected']}")


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, compact(a), compact(b), autojunk=False).ratio()


def duplicate_labels(observations, duplicates, near_count=8):
    by_key = {o.key: o for o in observations}
    listed = {}
    for a, b, tags, note in duplicates:
        need(a in by_key and b in by_key, f"duplicate pair {a}/{b}: unknown observation")
        oa, ob = by_key[a], by_key[b]
        need(oa.shopper != ob.shopper or oa.at != ob.at, f"{a}/{b}: same shopper and visit")
        sim = similarity(oa.text, ob.text)
        need(sim >= 0.9, f"{a}/{b}: listed as duplicates but only {sim:.0%} similar")
        listed[frozenset((a, b))] = (a, b, tags, note, sim)
    others = []
    texts = [o for o in observations if o.text.strip()]
    for i, oa in enumerate(texts):
        for ob in texts[i + 1:]:
            if frozenset((oa.key, ob.key)) in listed:
                continue
            others.append((similarity(oa.text, ob.text), oa.key, ob.key))
    others.sort(reverse=True)
    closest = others[0] if others else (0.0, "", "")
    need(closest[0] < 0.85, f"unlisted pair {closest[1]}/{closest[2]} is {closest[0]:.0%} similar")
    rows = []
    for a, b, tags, note, sim in listed.values():
        for t in split(tags):
            need(t in TAGS, f"unknown tag {t}")
        rows.append(dict(observation=a, target_type="observation", target=b, expected="broken",
                         kind="duplicate_transcript", lang=detect_lang(by_key[a].text), phenomenon=tags,
                         note=f"{note} ({sim:.0%} similar after folding)", touchpoint=by_key[a].tp))
    for sim, a, b in others[:near_count]:
        rows.append(dict(observation=a, target_type="observation", target=b, expected="kept",
                         kind="duplicate_transcript", lang=detect_lang(by_key[a].text), phenomenon="near_pair",
                         note=f"different visits, {sim:.0%} similar after folding", touchpoint=by_key[a].tp))
    return rows, closest


# =============================================================================== writing

def csv_text(header, rows) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow([r.get(h, "") if isinstance(r, dict) else r[i] for i, h in enumerate(header)])
    return buf.getvalue()


def project_files() -> dict[str, str]:
    check_project()
    tps = csv_text(["key", "name", "channel", "location", "notes"], TOUCHPOINTS)
    pcols = ["key", "text", "touchpoints", "dimension", "metric", "operator", "target", "unit", "breach_cues",
             "weight", "valid_from", "valid_to", "source"]
    proms = csv_text(pcols, PROMISES)
    scols = ["key", "touchpoint", "text", "kind", "step", "promise", "weight", "valid_from", "valid_to", "scenarios"]
    scr = csv_text(scols, script_rows())
    return {"touchpoints.csv": tps, "promises.csv": proms, "scripts.csv": scr}


OBS_COLS = ["key", "touchpoint", "observed_at", "shopper", "scenario", "transcript", "rating_tangibles",
            "rating_reliability", "rating_responsiveness", "rating_assurance", "rating_empathy", "nps", "ces"] + \
           [f"measure:{m}" for m in MEASURE_COLUMNS]
LABEL_COLS = ["observation", "target_type", "target", "expected", "kind", "lang", "phenomenon", "note", "touchpoint"]


def observation_rows(observations):
    rows = []
    for o in observations:
        ratings = o.ratings.split(",") if o.ratings else [""] * 7
        need(len(ratings) == 7, f"{o.key}: ratings need 7 fields")
        for i, r in enumerate(ratings):
            if r:
                lo, hi = ((1, 5) if i < 5 else (0, 10) if i == 5 else (1, 7))
                need(lo <= int(r) <= hi, f"{o.key}: rating {r} out of range")
        row = [o.key, o.tp, o.at, o.shopper, o.scenario, o.text] + ratings + [o.m.get(m, "") for m in MEASURE_COLUMNS]
        rows.append(row)
    return rows


def build(observations, duplicates, prefix: str):
    """All five files' text plus the label rows and the closest unlisted pair; raises BuildError."""
    for o in observations:
        need(re.fullmatch(prefix + r"-\d\d", o.key), f"{o.key}: keys of this part start with {prefix}-")
    files = project_files()
    files["observations.csv"] = csv_text(OBS_COLS, observation_rows(observations))
    labels = observation_labels(observations)
    check_cues(observations, labels)
    dup_rows, closest = duplicate_labels(observations, duplicates)
    labels += project_labels() + dup_rows
    seen = set()
    for r in labels:
        if r["kind"] == "duplicate_transcript":
            k = ("dup", frozenset((r["observation"], r["target"])))
        elif r["kind"] == "inconsistent_claim":
            k = ("inc", r["target"])
        elif r["kind"] == "uncovered_promise":
            k = ("unc", r["target"], r["touchpoint"])
        else:
            k = ("obs", r["observation"], r["target_type"], r["target"])
        need(k not in seen, f"two labels for {k}")
        seen.add(k)
        need(r["touchpoint"], f"label without touchpoint: {r}")
    files["labels.csv"] = csv_text(LABEL_COLS, labels)
    return files, labels, closest


KINDS = ("broken_promise", "missing_phrase", "forbidden_phrase", "inconsistent_claim", "uncovered_promise",
         "duplicate_transcript")


def counts_table(observations, labels, closest, name_pair: bool = True) -> str:
    lines = [f"Observations: {len(observations)} "
             f"({', '.join(f'{tp} {sum(o.tp == tp for o in observations)}' for tp, *_ in TOUCHPOINTS)}).",
             "",
             "Languages of the observations: " + ", ".join(
                 f"{lang} {sum((o.lang or detect_lang(o.text)) == lang for o in observations)}"
                 for lang in ("en", "zh-hans", "zh-hant", "mixed")) + ".",
             "",
             "| kind | labels | judged (kept+broken+review_ok) | positives (broken) | review_ok | kept | none |",
             "|---|---|---|---|---|---|---|"]
    total = [0] * 6
    for kind in KINDS:
        rows = [r for r in labels if r["kind"] == kind]
        c = [len(rows), sum(r["expected"] != "none" for r in rows), sum(r["expected"] == "broken" for r in rows),
             sum(r["expected"] == "review_ok" for r in rows), sum(r["expected"] == "kept" for r in rows),
             sum(r["expected"] == "none" for r in rows)]
        total = [a + b for a, b in zip(total, c)]
        lines.append(f"| {kind} | " + " | ".join(map(str, c)) + " |")
    lines.append("| **all** | " + " | ".join(f"**{x}**" for x in total) + " |")
    lines += ["", "Judged labels by language (observation labels only): " + ", ".join(
        f"{lang} {sum(1 for r in labels if r['observation'] and r['kind'] != 'duplicate_transcript' and r['lang'] == lang and r['expected'] != 'none')}"
        for lang in ("en", "zh-hans", "zh-hant", "mixed")) + ".",
              "",
              "Closest pair of observations not labelled as duplicates: "
              + (f"{closest[1]} / {closest[2]}, " if name_pair else "")
              + f"{closest[0]:.0%} similar (difflib ratio after folding width, case, script and punctuation)."]
    return "\n".join(lines)


def phenomena_table(labels) -> str:
    lines = ["| tag | meaning | labels | broken | examples |", "|---|---|---|---|---|"]
    for tag, meaning in TAGS.items():
        rows = [r for r in labels if tag in split(r["phenomenon"])]
        if not rows:
            continue
        ex = []
        for r in rows:
            name = r["observation"] + "/" + r["target"] if r["observation"] else r["target"] + "@" + r["touchpoint"]
            if len(ex) < 4:
                ex.append(name)
        lines.append(f"| `{tag}` | {meaning} | {len(rows)} | {sum(r['expected'] == 'broken' for r in rows)} | "
                     f"{', '.join(ex)} |")
    return "\n".join(lines)


def project_tables() -> str:
    out = ["Touchpoints:", "", "| key | name | channel | location |", "|---|---|---|---|"]
    out += [f"| {k} | {n} | {c} | {loc} |" for k, n, c, loc, _ in TOUCHPOINTS]
    out += ["", "Promises:", "", "| key | text | touchpoints | dimension | target | window | weight |",
            "|---|---|---|---|---|---|---|"]
    for p in PROMISES:
        target = f"`{p['metric']}` {p['operator']} {p['target']} {p['unit']}" if p["metric"] else "(cues only)"
        window = f"{p['valid_from']} to {p['valid_to']}" if p["valid_from"] or p["valid_to"] else ""
        out.append(f"| {p['key']} | {p['text']} | {p['touchpoints'].replace(';', ', ')} | {p['dimension']} | "
                   f"{target} | {window} | {p['weight']} |")
    out += ["", "Script lines:", "", "| key | touchpoint | text | kind | promise | scenarios | window |",
            "|---|---|---|---|---|---|---|"]
    for s in script_rows():
        window = f"{s['valid_from']} to {s['valid_to']}" if s["valid_from"] or s["valid_to"] else ""
        out.append(f"| {s['key']} | {s['touchpoint']} | {s['text']} | {s['kind']} | {s['promise']} | "
                   f"{s['scenarios'].replace(';', ', ')} | {window} |")
    out += ["", "Planted project-level problems (one `inconsistent_claim` label per required line, one "
            "`uncovered_promise` label per promise and touchpoint):", "",
            "| target | kind | expected | why |", "|---|---|---|---|"]
    for r in project_labels():
        if r["expected"] == "broken":
            name = r["target"] if r["kind"] == "inconsistent_claim" else f"{r['target']} @ {r['touchpoint']}"
            out.append(f"| {name} | {r['kind']} | broken | {r['note']} |")
    return "\n".join(out)


def replace_block(text: str, name: str, body: str) -> str:
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    need(start in text and end in text, f"README lacks the {name} block")
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    return head + start + "\n" + body + "\n" + end + tail


def write(folder: Path, files: dict[str, str], readme_blocks: dict[str, str]):
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8", newline="")
    readme = folder / "README.md"
    text = readme.read_text(encoding="utf-8")
    for name, body in readme_blocks.items():
        text = replace_block(text, name, body)
    readme.write_text(text, encoding="utf-8")


def print_counts(observations, labels, closest, name_pair: bool = True):
    print(counts_table(observations, labels, closest, name_pair))


def main() -> int:
    try:
        files, labels, closest = build(OBSERVATIONS, DUPLICATES, "T")
        blocks = {"counts": counts_table(OBSERVATIONS, labels, closest), "phenomena": phenomena_table(labels),
                  "project": project_tables()}
        write(HERE, files, blocks)
    except BuildError as exc:
        print(f"build refused: {exc}", file=sys.stderr)
        return 1
    print_counts(OBSERVATIONS, labels, closest)
    return 0


if __name__ == "__main__":
    sys.exit(main())
