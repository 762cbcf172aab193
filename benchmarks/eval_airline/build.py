#!/usr/bin/env python3
"""Cloudcrane Airways (云鹤航空 / 雲鶴航空) evaluation set, tuning part.

    python benchmarks/eval_airline/build.py          # regenerate the five CSV files and README blocks

Python 3.11, standard library only. Everything is written in this script: the project
(touchpoints, promises, script lines), the observations and the label for every
applicable (observation, target) pair. The build refuses to write anything when one of
its consistency assertions fails (see ``check_*`` below and README.md, "Consistency
checks"). The held-out part (../eval_airline_holdout/build.py) imports the project and
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
    ("web", "Booking website cloudcrane.example", "website", "online",
     "Booking, manage-booking, fare rules and refunds (EN / 简体 / 繁體)"),
    ("app", "Cloudcrane app", "app", "online",
     "Booking, seat map, refunds, delayed-bag tracking and an in-app chat"),
    ("phone", "Customer service line +852 3188 6600 / 400-880-6600", "phone", "Hong Kong contact centre",
     "Serves all three stations; IVR, then agents (Cantonese, Mandarin, English)"),
    ("chat", "WhatsApp / WeChat / LINE chat", "chat", "online",
     "WhatsApp (Hong Kong), WeChat (mainland), LINE (Taiwan)"),
    ("ci-hkg", "Check-in counters Hong Kong International T1 Aisle J", "store", "Hong Kong",
     "Cantonese and English"),
    ("ci-pvg", "Check-in counters Shanghai Pudong T2", "store", "Shanghai", "Mandarin"),
    ("ci-tpe", "Check-in counters Taoyuan T2", "store", "Taipei", "Mandarin, Taiwanese usage (報到 = check-in)"),
    ("lounge", "Crane Lounge Hong Kong", "store", "Hong Kong", "Airside lounge near gate 40"),
    ("bag", "Baggage services desk and lost-baggage line", "other", "Hong Kong",
     "Arrivals hall desk and +852 3188 6611"),
]

PROMISES = [
    dict(key="P-247",
         text="Real people, 24/7: our customer service line and chat are staffed around the clock. 全天候真人客服，日夜都有人接听。",
         touchpoints="phone;chat", dimension="responsiveness", metric="", operator="", target="", unit="",
         breach_cues="only a bot;only a robot;nobody answered;no one answered;no agent available;outside service hours;"
                     "只有机器人;只有機器人;机器人回复;機器人回覆;没人接;沒人接;冇人聽;冇人接;"
                     "人工客服已下班;人工客服下班了;非人工服务时间;非人工服務時間",
         weight="5", valid_from="", valid_to="", source="Campaign 'Always there', 2026"),
    dict(key="P-CALLBACK",
         text="Leave your number and we call you back within 2 hours. 留下电话，2小时内回电。",
         touchpoints="phone;bag", dimension="responsiveness", metric="callback", operator="<=", target="2", unit="h",
         breach_cues="never called back;no call back;no callback;nobody called back;"
                     "没有回电;一直没回电;沒有回電;一直沒回電;冇人打返嚟;冇覆電;冇人覆電",
         weight="4", valid_from="", valid_to="", source="IVR message and contact page"),
    dict(key="P-CHAT",
         text="Message us on WhatsApp, WeChat, LINE or in the app: a person replies within 5 minutes. 在线客服5分钟内回复。",
         touchpoints="chat;app", dimension="responsiveness", metric="chat_reply", operator="<=", target="5", unit="min",
         breach_cues="no reply;never replied;left on read;没人回复;没有人回复;已读不回;沒人回覆;沒有人回覆;已讀不回;冇人覆;冇人回",
         weight="3", valid_from="", valid_to="", source="App store listing; WeChat menu"),
    dict(key="P-REFUND",
         text="Refunds reach your original card within 7 days. 退款7天内退回原支付卡。",
         touchpoints="web;app;phone", dimension="reliability", metric="refund_days", operator="<=", target="7",
         unit="day",
         breach_cues="refund still not received;still waiting for my refund;refund never arrived;"
                     "退款还没到;退款還沒到;退款仲未到;仲未收到退款;钱还没退;錢還沒退",
         weight="4", valid_from="", valid_to="", source="Fare conditions page"),
    dict(key="P-BAG",
         text="Delayed bag? We deliver it to your door free within 48 hours. 延误行李48小时内免费送到府上。",
         touchpoints="bag;app", dimension="reliability", metric="bag_delivery", operator="<=", target="48", unit="h",
         breach_cues="bag still missing;still no bag;bag never arrived;had to collect it myself;"
                     "行李还没送到;行李還沒送到;行李仲未到;行李仲未送到;要自己去机场取;要自己返機場攞;送货要收费;送貨要收費",
         weight="4", valid_from="", valid_to="", source="Baggage page and arrivals posters"),
    dict(key="P-QUEUE",
         text="Check-in queue under 15 minutes at every Cloudcrane counter. 值机排队少于15分钟。",
         touchpoints="ci-hkg;ci-pvg;ci-tpe", dimension="responsiveness", metric="checkin_queue", operator="<",
         target="15", unit="min",
         breach_cues="long queue at check-in;queued for ages;waited for ages at check-in;"
                     "排了很久的队;排了很久的隊;排咗好耐;大排长龙;大排長龍",
         weight="4", valid_from="", valid_to="", source="Brand film 'Fly easy', airport posters"),
    dict(key="P-FLEX",
         text="Flex fares: change your flight with no change fee. Flex票价改期免手续费。",
         touchpoints="web;app;phone;chat", dimension="assurance", metric="", operator="", target="", unit="",
         breach_cues="change fee;charged a fee;admin fee;改期费;改期費;手续费;手續費;改签费;改簽費",
         weight="4", valid_from="", valid_to="", source="TV and metro ads 2026"),
    dict(key="P-SEAT",
         text="CraneClub members choose their seat free, 1 Oct – 15 Dec 2026. 会员免费选座（2026年10月1日至12月15日）。",
         touchpoints="web;app;ci-hkg;ci-pvg;ci-tpe", dimension="empathy", metric="", operator="", target="", unit="",
         breach_cues="seat fee;charged for my seat;paid for seat selection;pay for the seat;"
                     "选座费;選位費;选座要收费;選位要收費;揀位要畀錢;揀位要收錢",
         weight="3", valid_from="2026-10-01", valid_to="2026-12-15", source="CraneClub newsletter, September 2026"),
    dict(key="P-LOUNGE",
         text="Gold members bring one guest into the Crane Lounge free. 金卡会员可免费携一位同行者进入贵宾室。",
         touchpoints="lounge", dimension="tangibles", metric="", operator="", target="", unit="",
         breach_cues="guest fee;charged for my guest;guest not allowed;"
                     "同行者要收费;同行者要收費;同行人士要收費;朋友要畀錢;唔可以帶朋友;不能带同行者",
         weight="3", valid_from="2026-11-01", valid_to="", source="CraneClub benefits page (new from November)"),
    dict(key="P-LANG",
         text="Cantonese, Mandarin or English: we serve you in your language at every touchpoint. 粤语、普通话、英语，全程母语服务。",
         touchpoints="*", dimension="empathy", metric="", operator="", target="", unit="",
         breach_cues="no one spoke Mandarin;only English;couldn't speak Cantonese;"
                     "没人会说普通话;沒人會說國語;不会说普通话;不會說國語;唔識講廣東話;冇人識講普通話;冇人識講廣東話",
         weight="2", valid_from="", valid_to="", source="Brand manifesto 'One sky, three voices'"),
]

SCRIPTS = [
    # key, touchpoint, text, kind, step, promise, weight, valid_from, valid_to, scenarios
    ("S-WEB-1", "web", "Flex fares: change your flight with no change fee", "required", "fare rules", "P-FLEX", "3",
     "", "", ""),
    ("S-WEB-2", "web", "Refunds go back to your original card within 7 days", "required", "refund", "P-REFUND", "3",
     "", "", "refund;退款;退票"),
    ("S-WEB-3", "web", "This fare expires in 10 minutes", "forbidden", "fare page", "", "4", "", "", ""),
    ("S-APP-1", "app", "CraneClub会员选座免费", "required", "seat map", "P-SEAT", "3", "2026-10-01", "2026-12-15",
     "seat;选座;選位;booking;订票;訂票;check-in;checkin;值机;值機;報到"),
    ("S-APP-2", "app", "在线客服将在3分钟内回复您", "required", "chat", "P-CHAT", "3", "", "", ""),
    ("S-PH-1", "phone", "云鹤航空客户服务中心，您好", "required", "greeting", "", "2", "", "", ""),
    ("S-PH-2", "phone", "Live agents are available from 7 am to 11 pm Hong Kong time", "required", "IVR", "P-247", "3",
     "", "", ""),
    ("S-PH-3", "phone", "我们会在2小时内给您回电", "required", "callback", "P-CALLBACK", "3", "", "",
     "complaint;投诉;投訴;baggage;行李"),
    ("S-PH-4", "phone", "退款将在7个工作日内退回原支付卡", "required", "refund", "P-REFUND", "3", "", "",
     "refund;退款;退票"),
    ("S-PH-5", "phone", "Flex票价改期免收改期费", "required", "change", "P-FLEX", "4", "", "", "change;改期;改签;改簽"),
    ("S-PH-6", "phone", "这个我们也没办法", "forbidden", "any", "", "4", "", "", ""),
    ("S-CH-1", "chat", "您好，云鹤航空在线客服为您服务", "required", "greeting", "", "2", "", "", ""),
    ("S-CH-2", "chat", "真人客服7×24小时在线", "required", "greeting", "P-247", "3", "", "", ""),
    ("S-CH-3", "chat", "这个不在我们的服务范围内", "forbidden", "any", "", "4", "", "", ""),
    ("S-HKG-1", "ci-hkg", "歡迎搭乘雲鶴航空", "required", "greeting", "", "2", "", "", ""),
    ("S-HKG-2", "ci-hkg", "廣東話、普通話、English都可以幫到你", "required", "greeting", "", "2", "", "", ""),
    ("S-HKG-3", "ci-hkg", "You should have come earlier", "forbidden", "any", "", "4", "", "", ""),
    ("S-PVG-1", "ci-pvg", "您好，欢迎乘坐云鹤航空", "required", "greeting", "", "2", "", "", ""),
    ("S-PVG-2", "ci-pvg", "请出示您的护照或有效证件", "required", "documents", "", "3", "", "",
     "check-in;checkin;值机;值機"),
    ("S-PVG-3", "ci-pvg", "会员选座免费，请问您想要靠窗还是靠过道", "required", "seat", "", "3", "2026-10-01",
     "2026-12-15", "check-in;checkin;值机;值機;seat;选座;選位"),
    ("S-PVG-4", "ci-pvg", "你自己去自助机办吧", "forbidden", "any", "", "4", "", "", ""),
    ("S-TPE-1", "ci-tpe", "您好，這裡是雲鶴航空報到櫃檯", "required", "greeting", "", "2", "", "", ""),
    ("S-TPE-2", "ci-tpe", "報到排隊不會超過二十分鐘", "required", "queue", "P-QUEUE", "3", "", "", ""),
    ("S-TPE-3", "ci-tpe", "這是你自己的問題", "forbidden", "any", "", "4", "", "", ""),
    ("S-LNG-1", "lounge", "Welcome to the Crane Lounge", "required", "greeting", "", "2", "", "", ""),
    ("S-LNG-2", "lounge", "金卡會員可以免費帶兩位同行人士入場", "required", "entry", "P-LOUNGE", "3", "2026-11-01", "",
     "lounge;贵宾室;貴賓室"),
    ("S-LNG-3", "lounge", "冇位就冇位啦", "forbidden", "any", "", "4", "", "", ""),
    ("S-BAG-1", "bag", "Cloudcrane baggage services, 雲鶴航空行李服務", "required", "greeting", "", "2", "", "", ""),
    ("S-BAG-2", "bag", "延誤行李會喺48個鐘內送到府上", "required", "delayed bag", "P-BAG", "3", "", "",
     "baggage;行李;lost-bag;遗失行李;遺失行李"),
    ("S-BAG-3", "bag", "呢啲唔係我哋負責", "forbidden", "any", "", "4", "", "", ""),
]

# The fixed scenario vocabulary (a visit's `scenario` cell takes one of these spellings).
SCENARIOS = {
    "booking": ["booking", "订票", "訂票"],
    "change": ["change", "改期", "改签", "改簽"],
    "refund": ["refund", "退款", "退票"],
    "check-in": ["check-in", "checkin", "值机", "值機", "報到"],
    "seat": ["seat", "选座", "選位"],
    "baggage": ["baggage", "行李", "lost-bag", "遗失行李", "遺失行李"],
    "lounge": ["lounge", "贵宾室", "貴賓室"],
    "complaint": ["complaint", "投诉", "投訴"],
    "enquiry": ["enquiry", "咨询", "諮詢", "查詢"],
}

MEASURE_COLUMNS = ["callback", "chat_reply", "refund_days", "bag_delivery", "checkin_queue"]

# Words of each promise's subject (English, Simplified; Traditional is folded to Simplified before
# matching). A promise labelled `none` (untested) must contain none of them; one labelled `kept`
# without a measurement must contain at least one (or the evidence it names).
SUBJECT = {
    "P-247": ["24/7", "24 hours a day", "around the clock", "real person", "a person", "real agent", "human",
              "live agent", "bot", "robot", "chatbot", "automated", "nobody answered", "no one answered",
              "真人", "人工", "全天候", "7×24", "7x24", "24小时在线", "机器人", "机械人", "智能客服", "没人接", "冇人听",
              "冇人接"],
    "P-CALLBACK": ["call back", "callback", "called back", "call me back", "calls back", "回电", "回拨", "打回来",
                   "打返嚟", "复电", "打来"],
    "P-CHAT": ["reply", "replied", "replies", "response", "responded", "left on read", "回复", "答复", "秒回",
               "有人回", "冇人复", "复我", "回我", "才回"],
    "P-REFUND": ["refund", "refunds", "refunded", "退款", "退钱", "到账", "到帐"],
    "P-BAG": ["deliver", "delivered", "delivery", "delayed bag", "missing bag", "lost bag", "suitcase didn't arrive",
              "送到", "送达", "送来", "送嚟", "送返", "延误行李", "行李延误", "行李没到", "行李冇到", "行李未到", "行李仲未"],
    "P-QUEUE": ["queue", "queued", "queueing", "queuing", "排队", "排咗", "排了", "排长龙"],
    "P-FLEX": ["flex", "change fee", "change my flight", "changed my flight", "rebook", "改期", "改签", "改机票",
               "改日期"],
    "P-SEAT": ["seat", "seats", "seat selection", "seat map", "选座", "选位", "拣位", "座位", "位子", "窗口位",
               "靠窗", "靠过道", "走道", "走廊位"],
    "P-LOUNGE": ["guest", "companion", "partner", "colleague", "同行", "朋友", "同事", "老婆"],
    "P-LANG": ["cantonese", "mandarin", "putonghua", "language", "switched to english", "in english",
               "粤语", "广东话", "普通话", "国语", "英文", "英语", "台语", "上海话"],
}

# Key fragments of each script line. A required line labelled `broken` (missing) and a forbidden
# line labelled `kept` (absent) by default must contain none of them after folding.
FRAGMENTS = {
    "S-WEB-1": ["change your flight with no change fee", "flex fares: change"],
    "S-WEB-2": ["original card within 7", "within 7 days", "within seven days"],
    "S-WEB-3": ["fare expires in", "expires in 10", "expires in ten"],
    "S-APP-1": ["会员选座免费", "选座免费"],
    "S-APP-2": ["3分钟内回复", "三分钟内回复"],
    "S-PH-1": ["客户服务中心", "云鹤航空您好"],
    "S-PH-2": ["live agents are available", "7 am to 11 pm"],
    "S-PH-3": ["2小时内给您回电", "两小时内给您回电", "2小时内回电", "两小时内回电"],
    "S-PH-4": ["7个工作日", "七个工作日"],
    "S-PH-5": ["免收改期费", "改期免收"],
    "S-PH-6": ["我们也没办法", "我们也没有办法", "我哋都冇办法"],
    "S-CH-1": ["在线客服为您服务", "云鹤航空在线客服"],
    "S-CH-2": ["7×24", "7x24", "24小时在线"],
    "S-CH-3": ["不在我们的服务范围", "不在服务范围", "唔喺我哋服务范围"],
    "S-HKG-1": ["欢迎搭乘云鹤"],
    "S-HKG-2": ["广东话普通话", "都可以帮到你"],
    "S-HKG-3": ["come earlier"],
    "S-PVG-1": ["欢迎乘坐云鹤"],
    "S-PVG-2": ["出示您的护照", "护照或有效证件", "出示护照"],
    "S-PVG-3": ["会员选座免费", "靠窗还是靠过道"],
    "S-PVG-4": ["自己去自助机", "去自助机办", "自助机自己办"],
    "S-TPE-1": ["这里是云鹤航空报到柜台", "云鹤航空报到柜台"],
    "S-TPE-2": ["不会超过二十分钟", "不会超过20分钟"],
    "S-TPE-3": ["你自己的问题"],
    "S-LNG-1": ["welcome to the crane lounge"],
    "S-LNG-2": ["免费带两位", "两位同行人士"],
    "S-LNG-3": ["冇位就冇位", "冇位就系冇位"],
    "S-BAG-1": ["cloudcrane baggage services", "云鹤航空行李服务"],
    "S-BAG-2": ["48个钟内", "四十八个钟", "48小时内送"],
    "S-BAG-3": ["唔系我哋负责", "唔系我地负责"],
}

# What each required line states, for the inconsistent_claim labels: (promise stated or "",
# quantity the line states, quantity of the promise, tags, note). Broken exactly when the line's
# quantity differs from the promise's, or from the quantity that a line of another touchpoint
# states for the same promise (SPEC §5: "than the promise or than another touchpoint's script").
LINE_CLAIMS = {
    "S-WEB-1": ("P-FLEX", "no fee", "no fee", "same_quantity", "no change fee, as promised"),
    "S-WEB-2": ("P-REFUND", "7 day", "7 day", "same_quantity;cross_touchpoint",
                "7 days, as promised, but the phone script says 7 working days"),
    "S-APP-1": ("P-SEAT", "free", "free", "same_quantity", "free for members, as promised"),
    "S-APP-2": ("P-CHAT", "3 min", "5 min", "stricter_figure", "3 minutes, stricter than the promised 5"),
    "S-PH-1": ("", "", "", "no_claim", "greeting, states no promise"),
    "S-PH-2": ("P-247", "07:00-23:00", "24/7", "service_hours", "agents 7 am to 11 pm against a 24/7 promise"),
    "S-PH-3": ("P-CALLBACK", "2 h", "2 h", "same_quantity", "2 hours, as promised"),
    "S-PH-4": ("P-REFUND", "7 working days", "7 day", "different_quantity;working_days",
               "7 working days against 7 days"),
    "S-PH-5": ("P-FLEX", "no fee", "no fee", "same_quantity", "免收改期费 = no change fee"),
    "S-CH-1": ("", "", "", "no_claim", "greeting, states no promise"),
    "S-CH-2": ("P-247", "24/7", "24/7", "same_quantity;synonym_24_7;cross_touchpoint",
               "7×24 = 24/7, as promised, but the phone script says 7 am to 11 pm"),
    "S-HKG-1": ("", "", "", "no_claim", "greeting, states no promise"),
    "S-HKG-2": ("P-LANG", "yue+cmn+en", "yue+cmn+en", "same_quantity;unlinked_statement;language_set",
                "states the language promise without a link: Cantonese, Mandarin, English"),
    "S-PVG-1": ("", "", "", "no_claim", "greeting, states no promise"),
    "S-PVG-2": ("", "", "", "no_claim", "document check, states no promise"),
    "S-PVG-3": ("P-SEAT", "free", "free", "same_quantity;unlinked_statement",
                "states the seat promise without a link; free for members"),
    "S-TPE-1": ("", "", "", "no_claim", "greeting, states no promise"),
    "S-TPE-2": ("P-QUEUE", "20 min", "15 min", "different_quantity;zh_numeral", "二十分鐘 against 15 minutes"),
    "S-LNG-1": ("", "", "", "no_claim", "greeting, states no promise"),
    "S-LNG-2": ("P-LOUNGE", "2 guests", "1 guest", "count", "two guests against one"),
    "S-BAG-1": ("", "", "", "no_claim", "greeting, states no promise"),
    "S-BAG-2": ("P-BAG", "48 h", "48 h", "same_quantity;cantonese_hour", "48個鐘 = 48 hours"),
}

# uncovered_promise: the required line of the touchpoint's script that states the promise, or None.
COVERAGE = {
    ("P-247", "phone"): "S-PH-2",
    ("P-247", "chat"): "S-CH-2",
    ("P-CALLBACK", "phone"): "S-PH-3",
    ("P-CALLBACK", "bag"): None,
    ("P-CHAT", "chat"): None,
    ("P-CHAT", "app"): "S-APP-2",
    ("P-REFUND", "web"): "S-WEB-2",
    ("P-REFUND", "app"): None,
    ("P-REFUND", "phone"): "S-PH-4",
    ("P-BAG", "bag"): "S-BAG-2",
    ("P-BAG", "app"): None,
    ("P-QUEUE", "ci-hkg"): None,
    ("P-QUEUE", "ci-pvg"): None,
    ("P-QUEUE", "ci-tpe"): "S-TPE-2",
    ("P-FLEX", "web"): "S-WEB-1",
    ("P-FLEX", "app"): None,
    ("P-FLEX", "phone"): "S-PH-5",
    ("P-FLEX", "chat"): None,
    ("P-SEAT", "web"): None,
    ("P-SEAT", "app"): "S-APP-1",
    ("P-SEAT", "ci-hkg"): None,
    ("P-SEAT", "ci-pvg"): "S-PVG-3",
    ("P-SEAT", "ci-tpe"): None,
    ("P-LOUNGE", "lounge"): "S-LNG-2",
    ("P-LANG", "web"): None,
    ("P-LANG", "app"): None,
    ("P-LANG", "phone"): None,
    ("P-LANG", "chat"): None,
    ("P-LANG", "ci-hkg"): "S-HKG-2",
    ("P-LANG", "ci-pvg"): None,
    ("P-LANG", "ci-tpe"): None,
    ("P-LANG", "lounge"): None,
    ("P-LANG", "bag"): None,
}

# =============================================================================== phenomena

TAGS = {
    # applicability
    "untested": "the visit never touches the promise's subject (no measurement, no cue, none of its words)",
    "validity_window": "the visit's date is outside the target's validity window",
    "scenario_excluded": "the line lists scenarios and the visit's scenario is not one of them",
    "scenario_case": "the scenario differs from a listed spelling only by case or surrounding spaces",
    "empty_transcript": "the transcript is empty",
    "wildcard_promise": "the promise applies to every touchpoint (`*`)",
    "phrase_absent": "the line's words do not occur in the record (required: missing; forbidden: not said)",
    # measurements
    "measure_cell": "judged from a measure: cell",
    "transcript_quantity": "judged from a quantity written in the transcript",
    "zh_numeral": "Chinese numerals (十二, 四十, 廿, 二十五, 兩)",
    "spoken_unit": "spoken units: 三刻钟, 一刻钟, 个把小时, 大半个钟头, 一个礼拜, 两个礼拜, 钟头, a week, a fortnight",
    "hedge": "a hedge that keeps the value: about, nearly, or so, 差不多, 将近, 快, 大概, 大約, 左右, 成, 差唔多",
    "range": "an approximate range: 二三十分钟, 20–25 minutes, 三四分钟, 一至兩分鐘, 廿幾分鐘, 七八分钟",
    "en_number_word": "English number words: two, five, ten, twenty, twenty-six, forty",
    "bound": "a bound: under, within, well over, 不到, …多, 内; or a value exactly at the target",
    "time_arithmetic": "the duration follows from clock times or dates in the record",
    "days": "a duration in days (refunds, bags)",
    "unit_conversion": "the value is in another unit than the promise (min vs h, day vs h, week vs day)",
    "cantonese_hour": "Cantonese 鐘 / 個鐘 = hour (成個鐘, 個半鐘, 半個鐘, 兩個鐘, 48個鐘)",
    "cantonese_quarter": "Cantonese 骨 = quarter hour (三個骨 = 45 min)",
    "cantonese_zi_unit": "Cantonese 字 = 5 minutes (一個字都唔使 = under 5 min)",
    "spoken_time": "a relative time (next morning, 隔天, 第二朝) that bounds the duration",
    "quantity_not_metric": "a quantity of something else near the metric (flight time, a deadline, the shopper's own delay, a hold)",
    "claim_quote": "a quantity or benefit quoted as staff's or the site's claim, not a measurement",
    "idiom_not_quantity": "半天 used as an idiom ('for ages'), not a measurement",
    "breach_despite_time": "the time is kept but a cue breaks another part of the promise (a fee)",
    # cues
    "breach_cue": "a breach cue in the transcript, not negated",
    "cue_stt_homophone": "a cue garbled by speech-to-text (机气人 for 机器人, 手序費 for 手續費)",
    "cue_typo": "a cue with a dropped ending or typo (no one answer)",
    "cue_cantonese": "a cue in Cantonese written forms (冇人覆, 機械人, 揀位要畀錢, 唔使畀錢)",
    "cue_paraphrase": "a cue in other words ('there was no one who could help in English', 选座服务费, 冇人理)",
    "negation_outside_cue": "a cue word negated from outside (no change fee, 一分钱没收, 唔收手續費, 冇收錢, 沒收任何費用)",
    "negation_then_breach": "a fee first denied, then charged",
    "reversal": "a fee demanded, then waived on the spot",
    "fee_zero": "the fee is shown as zero (HK$0, NT$0, ¥0)",
    "fare_difference": "a fare difference was paid: not a change fee",
    "shopper_question": "the cue or subject is in the shopper's own question",
    "expectation": "the cue is only in the shopper's expectation",
    "subject_mentioned": "no measurement and no cue, the visit speaks of the promise's subject: kept",
    "duration_not_24_7": "'24 hours' as a deadline, not 24/7",
    "resolved_on_the_spot": "a first agent could not serve the language; a colleague did at once",
    "near_subject": "a neighbouring subject (damaged, not delayed bag; refund fee, not change fee)",
    # script lines
    "verbatim": "the line occurs as written",
    "near_verbatim": "the line occurs with a word or two dropped or a unit shortened",
    "inserted_word": "the required line with a word inserted",
    "partial_key": "only the line's key clause is said (its lead-in dropped): said",
    "partial_missing_key": "only the line's lead or tail is said, without its key claim: in between",
    "line_other_number": "the line said with a different number than written: in between",
    "dialect_rewording": "the line in the other spoken form (Cantonese wording of a Mandarin line, or back)",
    "traditional_variant": "the (Simplified) line written in Traditional characters",
    "simplified_variant": "the (Traditional) line written in Simplified characters",
    "punctuation_variant": "a punctuation variant (x for ×, full-width comma)",
    "no_punctuation": "speech-to-text without punctuation",
    "negated_mention": "the line's words appear only as 'not said': missing",
    "forbidden_verbatim": "the forbidden line as written",
    "forbidden_inserted_word": "the forbidden line with a word inserted (这个我们也没有办法, 冇位就係冇位啦)",
    "forbidden_near_verbatim": "the forbidden line with a word dropped, reordered or contracted (should've, 10 mins)",
    "forbidden_number_word": "the forbidden line with a number word (ten for 10)",
    "forbidden_reworded": "the forbidden line reworded, e.g. in Cantonese (呢個我哋都冇辦法㗎)",
    # project level
    "no_claim": "the line states no promise",
    "same_quantity": "the line states the promise with the same quantity, perhaps in other words",
    "different_quantity": "the line states the promise with another quantity",
    "stricter_figure": "the line states a stricter figure than the promise",
    "service_hours": "service hours against a 24/7 promise",
    "count": "a count against a count (guests)",
    "working_days": "working days against days",
    "synonym_24_7": "24/7 in other words (7×24小时在线)",
    "language_set": "a set of languages against a set of languages",
    "cross_touchpoint": "agrees with the promise but another touchpoint's line states another quantity",
    "unlinked_statement": "the line states the promise by its text, without a promise link",
    "stated": "a required line of the touchpoint states the promise",
    "stated_wrong_quantity": "stated, though with another quantity (still covered)",
    "not_stated": "no line of the touchpoint's script states the promise",
    # duplicates
    "dup_exact": "the same transcript from two shoppers",
    "dup_punctuation_width": "a copy differing only by half-/full-width punctuation",
    "dup_script_variant": "a copy in the other Chinese script (Traditional / Simplified)",
    "dup_changed_time": "a copy with one time changed",
    "dup_short": "a short Chinese record (under 40 characters)",
    "near_pair": "a pair among the most similar that are not copies",
}

# =============================================================================== text folding

# Traditional -> Simplified, for the characters the set's texts use (generated once with OpenCC
# t2s, character by character, plus 覆 -> 复 as in 回覆; kept here so the build needs only the
# standard library).
T2S_PAIRS = "來来係系個个們们價价優优內内兩两凍冻動动務务吳吴員员問问喎㖞嗰𠮶國国圍围園园團团報报場场壓压夠够實实寫写寵宠將将專专對对帳帐帶带幫帮幾几廈厦廣广張张彈弹後后從从態态慶庆應应戶户揀拣換换損损搵揾據据數数於于時时晝昼會会東东棄弃樣样機机檯台櫃柜歡欢氣气沒没淨净滿满為为熱热禮礼節节範范簽签約约組组結结給给統统經经網网線线繫系續续聯联職职聽听處处號号補补裡里覆复親亲訂订計计訊讯記记訴诉詞词詠咏詢询試试話话該该語语誤误說说請请諮咨講讲識识讀读負负財财貨货責责貴贵費费賓宾購购趕赶蹤踪車车輪轮轉转辦办這这連连週周運运過过達达遲迟選选遺遗還还錄录錢钱錯错鐘钟長长開开間间陣阵陳陈隊队際际雲云電电頁页頂顶項项預预頭头題题額额飛飞飯饭驚惊體体鶴鹤麼么黃黄點点龍龙"
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


BRAND_WORDS = {"app", "wechat", "whatsapp", "line", "hk", "hkd", "cny", "nt", "ntd", "flex", "craneclub",
               "cloudcrane", "crane", "lounge", "cc", "pvg", "hkg", "tpe", "ok"}


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
    "h": "h", "hr": "h", "hrs": "h", "hour": "h", "hours": "h", "day": "day", "days": "day", "week": "week",
    "weeks": "week",
}
CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = [("个半小时", "h", 0.5), ("個半小時", "h", 0.5), ("个小时", "h", 0), ("個小時", "h", 0), ("小时", "h", 0),
            ("小時", "h", 0), ("分钟", "min", 0), ("分鐘", "min", 0), ("天", "day", 0), ("日", "day", 0),
            ("周", "week", 0), ("週", "week", 0)]
CN_WHOLE = {"半小时": (0.5, "h"), "半小時": (0.5, "h"), "一刻钟": (15, "min"), "半个钟": (0.5, "h")}


def cn_int(s: str) -> int:
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[ones] if ones else 0)
    return CN_DIGITS[s]


def parse_cell(cell: str, default_unit: str) -> tuple[float, str]:
    """A measure: cell as (value, unit): '4', '0.25 h', '6 min', '3 days', '9天', '2 周', '十四分钟', '半小时'."""
    cell = cell.strip()
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([A-Za-z]*)", cell)
    if m:
        unit = UNIT_ALIASES[m.group(2).lower()] or default_unit
        return float(m.group(1)), unit
    if cell in CN_WHOLE:
        return CN_WHOLE[cell]
    for suffix, unit, extra in CN_UNITS:
        if cell.endswith(suffix):
            head = cell[: -len(suffix)].strip()
            value = float(head) if re.fullmatch(r"\d+(?:\.\d+)?", head) else cn_int(head)
            return value + extra, unit
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
    O("A-01", "web", "2026-09-14 10:20", "T. Becker", "booking",
      "Booked HKG–TPE for 3 Oct on a Flex fare (HK$2,380). Fare rules tab: 'Flex fares: change your flight with no "
      "change fee'. A red timer at the top said 'This fare expires in 10 minutes' and counted down while I typed the "
      "passenger details. The seat map asked HK$120 for 23A even though I'm a CraneClub member.",
      "3,4,4,3,2,5,3",
      L={"P-FLEX": K("claim_quote;negation_outside_cue;subject_mentioned", "the site states no change fee; nothing charged",
                     ev="change your flight with no change fee"),
         "P-SEAT": N("validity_window", "the free-seat offer starts on 1 Oct; the visit is on 14 Sep"),
         "S-WEB-1": K("verbatim", "fare rules shown as written", ev="Flex fares: change your flight with no change fee"),
         "S-WEB-3": B("forbidden_verbatim", "countdown banner shown", ev="This fare expires in 10 minutes")}),
    O("A-02", "web", "2026-10-20 09:10", "周敏", "refund",
      "10月2日上海飞香港的航班取消了，10月5日在官网申请退票。退款页面写着 Refunds go back to your original card within 7 days。"
      "结果10月19日才看到退款到账，整整两个礼拜。页面没有倒计时之类的东西。",
      "3,2,3,3,3,4,5",
      L={"P-REFUND": B("spoken_unit;zh_numeral;time_arithmetic;claim_quote", "two weeks from request to refund",
                       q=Q("整整两个礼拜", 2, "week")),
         "S-WEB-2": K("verbatim", "refund page shown", ev="Refunds go back to your original card within 7 days")}),
    O("A-03", "web", "2026-10-22 13:05", "Joyce 張", "change",
      "Changed my Flex booking HKG→PVG from 28 Oct to 30 Oct on the website. The page said 'Flex fares: change your "
      "flight with no change fee', and the summary showed Change fee HK$0, fare difference HK$310, which I paid. "
      "Seat 14C was carried over with no charge for it.",
      "4,4,4,4,4,8,2",
      L={"P-FLEX": K("fee_zero;fare_difference", "change fee HK$0; the fare difference is not a fee",
                     ev="Change fee HK$0"),
         "P-SEAT": K("subject_mentioned", "the seat was kept at no charge", ev="no charge for it"),
         "S-WEB-1": K("verbatim", "shown", ev="Flex fares: change your flight with no change fee")}),
    O("A-04", "web", "2026-11-09 08:30", "黃嘉欣", "booking",
      "用手機開官網訂11月20號香港飛台北。揀位嗰版寫住會員免費，但我揀23A嗰陣要畀HK$90選位費，試咗兩次都係咁。"
      "頁頂仲有個倒數：「This fare expires in ten minutes」，好有壓迫感。",
      "3,2,3,2,2,3,5",
      L={"P-SEAT": B("breach_cue", "a seat fee charged to a member inside the offer window", ev="選位費"),
         "S-WEB-3": B("forbidden_number_word", "the countdown with 'ten'", ev="This fare expires in ten minutes")}),
    O("A-05", "web", "2026-12-20 19:10", "E. Rossi", "booking",
      "Booked TPE–HKG for 5 Jan. As a CraneClub member I was charged a seat fee of NT$350 for an exit-row seat; the "
      "free seat offer seems to have ended on 15 Dec. No countdown timer this time. The flight itself is 1 hour 45 "
      "minutes.",
      "4,3,4,3,3,6,3",
      L={"P-SEAT": N("validity_window", "the offer ended on 15 Dec; the visit is on 20 Dec")}),
    # ------------------------------------------------------------------ app
    O("A-06", "app", "2026-09-18 23:15", "陈浩", "enquiry",
      "App里点在线客服，弹出'在线客服将在3分钟内回复您'。23:15问经济舱托运额度，23:27才有人回，等了十二分钟，"
      "回答倒是很清楚：经济舱23公斤。",
      "3,3,2,3,3,5,4",
      L={"P-CHAT": B("zh_numeral;time_arithmetic;claim_quote", "23:15 to 23:27, twelve minutes",
                     q=Q("等了十二分钟", 12, "min")),
         "S-APP-2": K("verbatim", "auto-message shown", ev="在线客服将在3分钟内回复您")}),
    O("A-07", "app", "2026-10-03 09:10", "K. Yamada", "seat",
      "Opened the app to choose seats for PVG–HKG on 8 Oct. The seat map banner read 'CraneClub会员选座免费' and the "
      "window seat I picked showed HK$0. Asked the in-app chat whether an exit row is also free: the reply came in "
      "about two minutes, yes for members.",
      "5,5,5,4,4,9,1",
      L={"P-SEAT": K("fee_zero;subject_mentioned", "the seat showed HK$0", ev="showed HK$0"),
         "P-CHAT": K("hedge;en_number_word", "reply in about two minutes", q=Q("in about two minutes", 2, "min")),
         "S-APP-1": K("verbatim", "banner on the seat map", ev="CraneClub会员选座免费")}),
    O("A-08", "app", "2026-10-15 20:00", "Iris 蔡", "refund",
      "航班取消後在App申請退款 NT$8,600。App寫7天內退回原卡，結果過了一個禮拜又三天，信用卡還是看不到，退款還沒到。"
      "客服說財務處理中。",
      "3,1,3,2,2,2,6",
      L={"P-REFUND": B("spoken_unit;zh_numeral;breach_cue;claim_quote", "a week and three days, still not back",
                       ev="退款還沒到", q=Q("過了一個禮拜又三天", 10, "day"))}),
    O("A-09", "app", "2026-10-27 14:30", "M. Okoye", "baggage",
      "My suitcase didn't arrive on CC 812 TPE–HKG (a 1 hour 50 minute flight). I filed the report at the desk and "
      "tracked it in the app. App status 'Delivered' at 09:40 the next day, about 20 hours after I landed at 13:45. "
      "The courier didn't ask for any money.",
      "4,4,4,4,4,8,2",
      L={"P-BAG": K("hedge;quantity_not_metric;negation_outside_cue", "delivered about 20 hours after landing "
                    "(the flight time is not the metric)", q=Q("about 20 hours after I landed", 20, "h"))}),
    O("A-10", "app", "2026-11-11 01:20", "梁子健", "change",
      "凌晨一點二十喺App改期，Flex票。改期頁面話免手續費，但係去到付款嗰版多咗HK$200「改期費」，我即刻問App客服，"
      "等咗成個鐘都冇人覆，最後我放棄咗。",
      "2,1,1,2,2,1,7",
      L={"P-FLEX": B("breach_cue;negation_then_breach", "'免手續費', then a HK$200 change fee", ev="改期費"),
         "P-CHAT": B("cue_cantonese;cantonese_hour;hedge", "冇人覆 for about an hour", ev="冇人覆",
                     q=Q("等咗成個鐘", 60, "min"))}),
    O("A-11", "app", "2026-11-24 16:45", "林佩君", "enquiry",
      "問App客服怎麼開公司報帳用的收據，先跳出「在線客服將在3分鐘內回覆您」，然後真的秒回，不到一分鐘就有專員回答，"
      "還附上表格連結。",
      "4,5,5,4,4,9,1",
      L={"P-CHAT": K("bound;zh_numeral", "answered in under a minute", q=Q("不到一分鐘", 1, "min", "<")),
         "S-APP-2": K("traditional_variant", "auto-message in Traditional", ev="在線客服將在3分鐘內回覆您")}),
    O("A-12", "app", "2026-12-06 10:00", "P. Sharma", "refund",
      "Refund for a cancelled HKG–PVG ticket. I asked the in-app chat first, 'will there be an admin fee?', and the "
      "agent replied: no, refunds are free of charge. The refund landed on my card later (days in the form).",
      "4,4,4,4,4,8,2", m={"refund_days": "4"},
      L={"P-REFUND": K("measure_cell;days", "4 days in the form", q=CELL),
         "P-CHAT": K("subject_mentioned", "the agent replied; no time given", ev="the agent replied"),
         "P-FLEX": N("shopper_question;near_subject", "the admin-fee question is about a refund, not a Flex change")}),
    # ------------------------------------------------------------------ phone
    O("A-13", "phone", "2026-09-09 23:50", "陈浩", "booking",
      "23:50打400热线想订明早的票。语音先说 Live agents are available from 7 am… 然后就断了，接着只有机器人在回答，"
      "按0也没用。听了差不多五分钟菜单，挂了。",
      "2,1,1,2,1,1,7",
      L={"P-247": B("breach_cue;quantity_not_metric", "only a robot at 23:50", ev="只有机器人"),
         "S-PH-2": R("partial_missing_key", "the IVR line cut off before the hours", ev="Live agents are available from 7 am")}),
    O("A-14", "phone", "2026-09-21 10:05", "K. Yamada", "change",
      "Called to move my Flex ticket TPE–HKG from 2 Oct to 4 Oct. The agent opened with '云鹤航空客户服务中心，您好', "
      "switched to English for me, and read out 'Flex票价改期免收改期费'. I asked, 'so no change fee at all?', and she "
      "confirmed; the new ticket email showed a change fee of HK$0.",
      "4,5,5,5,5,9,1",
      L={"P-FLEX": K("shopper_question;fee_zero", "the shopper asked about a fee; HK$0 charged", ev="a change fee of HK$0"),
         "P-LANG": K("subject_mentioned", "the agent switched to English", ev="switched to English for me"),
         "S-PH-1": K("verbatim", "greeting", ev="云鹤航空客户服务中心，您好"),
         "S-PH-5": K("verbatim", "read out", ev="Flex票价改期免收改期费")}),
    O("A-15", "phone", "2026-10-04 15:30", "周敏", "complaint",
      "投诉上周行李延误的处理。接线员：'云鹤航空客户服务中心这边，您好'。她说'我们会在2小时内给您回电'，让主管处理。"
      "15:30挂的电话，一直到晚上快八点才回电，隔了四个多钟头。",
      "3,2,2,3,3,4,5",
      L={"P-CALLBACK": B("zh_numeral;bound;time_arithmetic;claim_quote", "more than four hours later",
                         q=Q("隔了四个多钟头", 4, "h", ">")),
         "S-PH-1": K("inserted_word", "greeting with 这边 inserted", ev="云鹤航空客户服务中心这边，您好"),
         "S-PH-3": K("verbatim", "said", ev="我们会在2小时内给您回电")}),
    O("A-16", "phone", "2026-10-12 02:40", "Ho Wing-yan 何詠欣", "enquiry",
      "凌晨兩點四十打熱線問轉機時間夠唔夠。本身以為呢個鐘數淨係得機械人，點知有真人聽，個姐姐話夜更都有同事返工。"
      "佢話轉機得四十五分鐘，「呢個我哋都冇辦法㗎」，叫我落機之後快啲行。",
      "3,3,4,3,3,6,3",
      L={"P-247": K("expectation;subject_mentioned", "expected a robot at 02:40; a person answered", ev="有真人聽"),
         "S-PH-6": B("forbidden_reworded", "这个我们也没办法 in Cantonese", ev="呢個我哋都冇辦法㗎")}),
    O("A-17", "phone", "2026-10-19 11:20", "T. Becker", "Refund",
      "Called about my refund for the cancelled PVG–HKG flight. '云鹤航空客户服务中心，您好', then the agent said "
      "'退款将在7个工作日内退回原支付卡' and added that a full refund needs the request at least 24 hours before "
      "departure and can take up to 10 working days in peak season. Follow-up: requested 19 Oct, it arrived on "
      "24 Oct, five days later.",
      "4,4,4,4,4,8,2",
      L={"P-REFUND": K("en_number_word;days;claim_quote", "five days (7 and 10 working days are claims)",
                       q=Q("five days later", 5, "day")),
         "P-247": N("duration_not_24_7", "'24 hours before departure' is a deadline"),
         "S-PH-1": K("verbatim", "greeting", ev="云鹤航空客户服务中心，您好"),
         "S-PH-4": K("verbatim;scenario_case", "said; scenario 'Refund' matches after case folding",
                     ev="退款将在7个工作日内退回原支付卡")}),
    O("A-18", "phone", "2026-10-30 22:50", "林佩君", "complaint",
      "晚上10點50打客服投訴座位被換。語音說 Live agents are available from 7 am to 11 pm Hong Kong time，還好還沒下班，"
      "真人接了。客服說會在兩小時內給您回電，結果隔天早上九點多才打來，已經過了十個鐘頭。最後還說「這個我們也沒辦法」。",
      "3,2,2,2,2,3,5",
      L={"P-CALLBACK": B("zh_numeral;time_arithmetic;claim_quote", "ten hours later", q=Q("過了十個鐘頭", 10, "h")),
         "P-247": K("subject_mentioned", "a person answered at 22:50", ev="真人接了"),
         "S-PH-2": K("verbatim", "IVR message", ev="Live agents are available from 7 am to 11 pm Hong Kong time"),
         "S-PH-3": K("traditional_variant;zh_numeral;near_verbatim", "兩 for 2, 我們 dropped",
                     ev="會在兩小時內給您回電"),
         "S-PH-6": B("forbidden_verbatim;traditional_variant", "said, in Traditional", ev="這個我們也沒辦法")}),
    O("A-19", "phone", "2026-11-06 09:15", "E. Rossi", "change",
      "Called to change a Flex ticket HKG–TPE. Picked up quickly: '云鹤航空客户服务中心，您好'. The agent skipped the "
      "usual fee statement and then charged HK$150 as an 'admin fee' to reissue the ticket. When I objected she said "
      "'这个我们也没有办法'.",
      "3,1,4,2,2,2,6",
      L={"P-FLEX": B("breach_cue", "HK$150 admin fee on a Flex change", ev="admin fee"),
         "S-PH-1": K("verbatim", "greeting", ev="云鹤航空客户服务中心，您好"),
         "S-PH-6": B("forbidden_inserted_word", "有 inserted", ev="这个我们也没有办法")}),
    O("A-20", "phone", "2026-11-15 14:00", "Sam Chan 陳", "行李",
      "打去報遺失行李，講咗個case。職員話我哋會喺兩個鐘內覆電畀你，佢用廣東話講，好清楚。結果個半鐘之後就打返嚟，"
      "話行李搵到咗。",
      "4,4,4,4,4,8,2",
      L={"P-CALLBACK": K("cantonese_hour", "個半鐘 = an hour and a half", q=Q("個半鐘之後就打返嚟", 1.5, "h")),
         "P-LANG": K("subject_mentioned", "served in Cantonese", ev="佢用廣東話講"),
         "S-PH-3": K("dialect_rewording;cantonese_hour", "the callback line in Cantonese wording",
                     ev="我哋會喺兩個鐘內覆電畀你")}),
    O("A-21", "phone", "2026-11-22 07:30", "陈浩", "refund", "",
      "", m={"refund_days": "9天"}, lang="zh-hans",
      L={"P-REFUND": B("measure_cell;days", "9 days in the form, no notes", q=CELL)}),
    O("A-22", "phone", "2026-12-02 20:10", "M. Okoye", "complaint",
      "Complaint about a missed connection in Hong Kong. Agent: '云鹤航空客户服务中心，您好'. I asked for a supervisor; "
      "she said '我们会在两小时内给您回电'. Nobody ever called back; I kept checking my phone until midnight.",
      "2,1,2,3,2,2,6",
      L={"P-CALLBACK": B("cue_paraphrase;claim_quote", "nobody ever called back", ev="Nobody ever called back"),
         "S-PH-1": K("verbatim", "greeting", ev="云鹤航空客户服务中心，您好"),
         "S-PH-3": K("zh_numeral", "两 for 2", ev="我们会在两小时内给您回电")}),
    O("A-23", "phone", "2026-12-11 12:40", "梁子健", "改期",
      "打去改期，Flex票。等咗十零分鐘先有人聽，唔算快。職員話Flex改期唔使畀錢，一蚊手續費都唔收，只係要補票價差額。"
      "「Flex票价改期免收改期费」嗰句佢冇講。",
      "3,4,3,4,4,7,3",
      L={"P-FLEX": K("negation_outside_cue;cue_cantonese;fare_difference", "一蚊手續費都唔收", ev="一蚊手續費都唔收"),
         "P-247": K("subject_mentioned;quantity_not_metric", "a person answered (the hold is no promise's metric)",
                    ev="先有人聽"),
         "S-PH-5": B("negated_mention", "the record says the line was not said")}),
    # ------------------------------------------------------------------ chat
    O("A-24", "chat", "2026-09-12 03:10", "黃嘉欣", "查詢",
      "凌晨三點WhatsApp問寵物可唔可以上機。自動訊息：「您好，雲鶴航空在線客服為您服務」「真人客服7×24小時在線」。"
      "之後得個機械人覆我，一直叫我揀選項，等到四點都冇真人。",
      "2,1,1,2,1,1,7",
      L={"P-247": B("cue_cantonese;cue_paraphrase", "only a robot (機械人) at 03:10", ev="得個機械人覆我"),
         "P-CHAT": B("time_arithmetic;bound", "no person from 03:10 to 04:00", q=Q("等到四點都冇真人", 50, "min", ">")),
         "S-CH-1": K("traditional_variant", "auto-greeting in Traditional", ev="您好，雲鶴航空在線客服為您服務"),
         "S-CH-2": K("traditional_variant", "auto-greeting in Traditional", ev="真人客服7×24小時在線")}),
    O("A-25", "chat", "2026-09-25 12:00", "Lin Xiaowen 林晓雯", "改期",
      "微信问Flex票能不能改到下周。回复很快，三四分钟吧。客服说改期不收手续费，一分钱没收，直接帮我改好了。"
      "开头那句'您好，云鹤航空在线客服为您服务'也说了。",
      "4,5,5,4,4,9,1",
      L={"P-CHAT": K("range;zh_numeral;hedge", "three or four minutes", q=Q("三四分钟", (3, 4), "min")),
         "P-FLEX": K("negation_outside_cue", "一分钱没收", ev="一分钱没收"),
         "S-CH-1": K("verbatim", "greeting", ev="您好，云鹤航空在线客服为您服务")}),
    O("A-26", "chat", "2026-10-08 18:20", "P. Sharma", "enquiry",
      "WhatsApp 18:20: asked if I can bring a 25,000 mAh power bank. 18:21 auto-greeting '您好，云鹤航空在线客服为您服务'. "
      "Then I was left on read for well over twenty minutes; at 18:47 an agent apologised, wrote '这个不在服务范围内哦' "
      "and sent a link.",
      "3,2,1,3,2,3,5",
      L={"P-CHAT": B("breach_cue;bound;en_number_word;time_arithmetic", "left on read, well over twenty minutes",
                     ev="left on read", q=Q("well over twenty minutes", 20, "min", ">")),
         "S-CH-1": K("verbatim", "auto-greeting", ev="您好，云鹤航空在线客服为您服务"),
         "S-CH-3": B("forbidden_near_verbatim", "我们的 dropped, 哦 added", ev="这个不在服务范围内哦")}),
    O("A-27", "chat", "2026-10-20 23:40", "Ho Wing-yan 何詠欣", "change",
      "夜晚用WhatsApp問Flex改期，佢話要收HK$300手續費，我話廣告寫明冇手續費，佢再check過，話搞錯咗，唔使畀錢，"
      "最後一蚊都冇收。佢話起飛前24個鐘之前改就得。每次都係一至兩分鐘就覆。",
      "4,3,5,3,4,7,3",
      L={"P-FLEX": K("reversal;cue_cantonese", "a HK$300 fee demanded, then waived", ev="唔使畀錢"),
         "P-CHAT": K("range;zh_numeral", "one to two minutes", q=Q("一至兩分鐘", (1, 2), "min")),
         "P-247": N("duration_not_24_7;cantonese_hour", "24個鐘 is the change deadline")}),
    O("A-28", "chat", "2026-11-03 08:30", "K. Yamada", "complaint",
      "LINE message at 08:30 about a damaged suitcase from TPE. Reply at 08:34: '您好，雲鶴航空在線客服為您服務'. A real "
      "person, not a bot: she wrote '真人客服7x24小時在線' and opened a claim. For the compensation amount she said "
      "'這個不在我們的服務範圍內', please go to the baggage desk.",
      "4,4,4,3,3,6,3",
      L={"P-CHAT": K("time_arithmetic", "08:30 to 08:34", q=Q("Reply at 08:34", 4, "min")),
         "P-247": K("negation_outside_cue;subject_mentioned", "a real person, not a bot", ev="not a bot"),
         "S-CH-1": K("traditional_variant", "greeting in Traditional", ev="您好，雲鶴航空在線客服為您服務"),
         "S-CH-2": K("traditional_variant;punctuation_variant", "7x24 for 7×24", ev="真人客服7x24小時在線"),
         "S-CH-3": B("forbidden_verbatim;traditional_variant", "said, in Traditional", ev="這個不在我們的服務範圍內")}),
    O("A-29", "chat", "2026-11-19 14:10", "周敏", "咨询",
      "（语音转文字）微信问儿童票价格 问了半天 对方回的是机气人 一直发请选择以下问题 没有人工 后来我打电话才问到",
      "2,2,1,2,1,2,6",
      L={"P-247": B("cue_stt_homophone;no_punctuation", "机气人 = 机器人 (speech-to-text); no person", ev="机气人"),
         "P-CHAT": B("cue_paraphrase;idiom_not_quantity", "no person ever replied (问了半天 is an idiom)",
                     ev="没有人工")}),
    O("A-30", "chat", "2026-12-01 19:00", "E. Rossi", "enquiry",
      "WeChat, 19:00 sharp: asked whether my Flex ticket can be changed to an open date. The response came at 19:26, "
      "twenty-six minutes later. The agent said a change is free, no change fee, but open dates are not possible.",
      "3,3,1,3,3,4,5",
      L={"P-CHAT": B("en_number_word;time_arithmetic", "twenty-six minutes", q=Q("twenty-six minutes", 26, "min")),
         "P-FLEX": K("negation_outside_cue;claim_quote", "no change fee stated, nothing charged", ev="no change fee")}),
    O("A-31", "chat", "2026-12-14 02:20", "Iris 蔡", "投訴",
      "半夜用LINE投訴行李破損。系統回：人工客服下班了，請於早上7點後再聯繫。可是廣告明明說全天候真人。只好等到早上才有人回。",
      "2,1,1,2,1,1,7",
      L={"P-247": B("breach_cue", "人工客服下班了 at 02:20", ev="人工客服下班了"),
         "P-CHAT": B("cue_paraphrase", "no person until the morning", ev="只好等到早上才有人回")}),
    # ------------------------------------------------------------------ check-in Hong Kong
    O("A-32", "ci-hkg", "2026-09-16 06:10", "黃嘉欣", "check-in",
      "朝早六點十分到J行。地勤講「歡迎搭乘雲鶴航空」，再講「廣東話、普通話、English都可以幫到你」。"
      "排咗差唔多三個骨先到我，得兩個櫃位開咗。",
      "3,2,1,3,3,3,6",
      L={"P-QUEUE": B("cantonese_quarter;hedge", "三個骨 = 45 minutes", q=Q("排咗差唔多三個骨", 45, "min")),
         "P-LANG": K("subject_mentioned;claim_quote", "languages offered", ev="廣東話、普通話、English都可以幫到你"),
         "S-HKG-1": K("verbatim", "greeting", ev="歡迎搭乘雲鶴航空"),
         "S-HKG-2": K("verbatim", "said", ev="廣東話、普通話、English都可以幫到你")}),
    O("A-33", "ci-hkg", "2026-10-02 14:20", "E. Rossi", "check-in",
      "Aisle J at 14:20 for the 16:30 to Taipei. Greeted with '歡迎搭乘雲鶴航空'. The queue took 25–30 minutes; I was "
      "told the counter closes 60 minutes before departure, so it was tight. Asked for an aisle seat as a member: she "
      "said there's a HK$100 seat fee for aisle seats now.",
      "3,2,2,3,3,4,5",
      L={"P-QUEUE": B("range;quantity_not_metric", "25 to 30 minutes (the 60-minute cut-off is a deadline)",
                      q=Q("25–30 minutes", (25, 30), "min")),
         "P-SEAT": B("breach_cue", "a seat fee for a member in the offer window", ev="HK$100 seat fee"),
         "S-HKG-1": K("verbatim", "greeting", ev="歡迎搭乘雲鶴航空")}),
    O("A-34", "ci-hkg", "2026-10-18 09:00", "梁子健", "check-in",
      "九點到，我自己塞車遲咗二十分鐘，驚趕唔切。好在冇乜人排隊，五分鐘內搞掂。地勤：「歡迎搭乘雲鶴航空」，"
      "問我要唔要揀位，話會員免費，唔使加錢。",
      "4,5,5,4,4,9,1",
      L={"P-QUEUE": K("bound;zh_numeral;quantity_not_metric", "done within five minutes (the 20 minutes is my own delay)",
                      q=Q("五分鐘內搞掂", 5, "min", "<")),
         "P-SEAT": K("subject_mentioned;negation_outside_cue", "free for members, nothing extra", ev="話會員免費，唔使加錢"),
         "S-HKG-1": K("verbatim", "greeting", ev="歡迎搭乘雲鶴航空")}),
    O("A-35", "ci-hkg", "2026-10-29 22:30", "T. Becker", "check-in",
      "Late check-in for the red-eye to Shanghai. I arrived 65 minutes before departure and the agent said 'You should "
      "have come earlier' before checking me in anyway. The queue itself was short, ten minutes or so. No greeting "
      "line.",
      "3,3,4,2,1,4,4",
      L={"P-QUEUE": K("hedge;en_number_word;quantity_not_metric", "about ten minutes (65 minutes is my arrival time)",
                      q=Q("ten minutes or so", 10, "min")),
         "S-HKG-3": B("forbidden_verbatim", "said", ev="You should have come earlier")}),
    O("A-36", "ci-hkg", "2026-11-12 07:40", "Ho Wing-yan 何詠欣", "check-in",
      "「歡迎搭乘雲鶴航空」。我同行嘅朋友講普通話，地勤姐姐即刻轉普通話，好流利。排隊時間記錄咗喺表格。揀咗窗口位，冇收錢。",
      "4,4,3,4,5,8,2", m={"checkin_queue": "0.25 h"},
      L={"P-QUEUE": B("measure_cell;unit_conversion;bound", "0.25 h = 15 minutes: not under 15", q=CELL),
         "P-LANG": K("subject_mentioned", "switched to Mandarin at once", ev="地勤姐姐即刻轉普通話"),
         "P-SEAT": K("subject_mentioned;negation_outside_cue", "window seat, nothing charged", ev="冇收錢"),
         "S-HKG-1": K("verbatim", "greeting", ev="歡迎搭乘雲鶴航空")}),
    O("A-37", "ci-hkg", "2026-11-27 16:00", "Lin Xiaowen 林晓雯", "check-in",
      "柜台职员说'欢迎搭乘云鹤航空'。我问'会员选座要不要钱？'她说不用。排队排了二十五分钟左右，前面一个大团。",
      "3,3,2,3,3,5,4",
      L={"P-QUEUE": B("hedge;zh_numeral", "about 25 minutes", q=Q("排了二十五分钟左右", 25, "min")),
         "P-SEAT": K("shopper_question;subject_mentioned", "asked; no fee", ev="她说不用"),
         "S-HKG-1": K("simplified_variant", "greeting written in Simplified", ev="欢迎搭乘云鹤航空")}),
    O("A-38", "ci-hkg", "2026-12-09 11:15", "M. Okoye", "check-in",
      "Greeted in Cantonese, '歡迎搭乘雲鶴航空', then the agent said '廣東話、普通話、English都可以幫到你' and carried on "
      "in English. Queue: about 8 mins. Asked for a seat change to 31A: free for members, no charge.",
      "5,5,5,5,5,10,1",
      L={"P-QUEUE": K("hedge", "about 8 minutes", q=Q("about 8 mins", 8, "min")),
         "P-SEAT": K("subject_mentioned", "seat change free", ev="free for members, no charge"),
         "P-LANG": K("subject_mentioned", "served in English", ev="carried on in English"),
         "S-HKG-1": K("verbatim", "greeting", ev="歡迎搭乘雲鶴航空"),
         "S-HKG-2": K("verbatim", "said", ev="廣東話、普通話、English都可以幫到你")}),
    # ------------------------------------------------------------------ check-in Shanghai
    O("A-39", "ci-pvg", "2026-09-20 08:15", "Lin Xiaowen 林晓雯", "值机",
      "浦东T2，8:15到柜台。'您好，欢迎乘坐云鹤航空'，'请出示您的护照或有效证件'。排队差不多四十分钟，只开了两个柜台。"
      "飞香港两个半小时，登机前还要过安检。",
      "3,2,1,3,3,3,6",
      L={"P-QUEUE": B("hedge;zh_numeral;quantity_not_metric", "about forty minutes (the flight time is not the queue)",
                      q=Q("排队差不多四十分钟", 40, "min")),
         "S-PVG-1": K("verbatim", "greeting", ev="您好，欢迎乘坐云鹤航空"),
         "S-PVG-2": K("verbatim", "said", ev="请出示您的护照或有效证件")}),
    O("A-40", "ci-pvg", "2026-10-06 10:30", "陈浩", "check-in",
      "国庆假期人很多，大排长龙，排了三刻钟。工作人员说'请出示护照'，没说欢迎语。问能不能选座，她说会员选座免费，"
      "请问您想要靠窗还是靠过道。",
      "3,2,1,3,3,4,5",
      L={"P-QUEUE": B("spoken_unit;breach_cue", "三刻钟 = 45 minutes; 大排长龙", ev="大排长龙", q=Q("排了三刻钟", 45, "min")),
         "P-SEAT": K("claim_quote;subject_mentioned", "offered free for members", ev="会员选座免费"),
         "S-PVG-2": K("near_verbatim", "请出示护照: the request with words dropped", ev="请出示护照"),
         "S-PVG-3": K("verbatim", "said", ev="会员选座免费，请问您想要靠窗还是靠过道")}),
    O("A-41", "ci-pvg", "2026-10-23 13:00", "周敏", "值机",
      "柜台排了七八分钟，到我的时候工作人员说你自己去自助机办吧，然后就去忙别的了。在自助机打印登机牌时选座要收费30元，说会员也要。",
      "2,2,3,1,1,2,6",
      L={"P-QUEUE": K("range;zh_numeral", "seven or eight minutes at the counter", q=Q("排了七八分钟", (7, 8), "min")),
         "P-SEAT": B("breach_cue", "members charged for seats in the window", ev="选座要收费"),
         "S-PVG-4": B("forbidden_verbatim", "said", ev="你自己去自助机办吧")}),
    O("A-42", "ci-pvg", "2026-11-08 19:20", "K. Yamada", "check-in",
      "Evening flight to HKG. '您好，欢迎乘坐云鹤航空'. The agent spoke no English and there was no one who could help in "
      "English; we managed with a translation app. Queue: see form. She said '请出示您的护照或有效证件' and "
      "'会员选座免费，请问您想要靠窗还是靠过道'.",
      "4,4,4,2,2,5,4", m={"checkin_queue": "6 min"},
      L={"P-QUEUE": K("measure_cell", "6 minutes in the form", q=CELL),
         "P-LANG": B("cue_paraphrase", "no one could serve in English", ev="there was no one who could help in English"),
         "P-SEAT": K("claim_quote;subject_mentioned", "offered free for members", ev="会员选座免费"),
         "S-PVG-1": K("verbatim", "greeting", ev="您好，欢迎乘坐云鹤航空"),
         "S-PVG-2": K("verbatim", "said", ev="请出示您的护照或有效证件"),
         "S-PVG-3": K("verbatim", "said", ev="会员选座免费，请问您想要靠窗还是靠过道")}),
    O("A-43", "ci-pvg", "2026-12-05 06:40", "Lin Xiaowen 林晓雯", "值机", "",
      "", m={"checkin_queue": "半小时"}, lang="zh-hans",
      L={"P-QUEUE": B("measure_cell;zh_numeral;unit_conversion;empty_transcript", "半小时 = 30 minutes, no notes", q=CELL)}),
    O("A-44", "ci-pvg", "2026-12-18 09:50", "陈浩", "值机",
      "9:50到，排队不到十分钟。'您好，欢迎乘坐云鹤航空'。我问选座是不是会员免费，工作人员说活动12月15号结束了，现在选座要收费，我付了50块。",
      "4,3,4,3,3,6,3",
      L={"P-QUEUE": K("bound;zh_numeral", "under ten minutes", q=Q("排队不到十分钟", 10, "min", "<")),
         "P-SEAT": N("validity_window;shopper_question", "the offer ended on 15 Dec; the visit is on 18 Dec"),
         "S-PVG-1": K("verbatim", "greeting", ev="您好，欢迎乘坐云鹤航空")}),
    # ------------------------------------------------------------------ check-in Taipei
    O("A-45", "ci-tpe", "2026-09-24 05:50", "張家豪", "報到",
      "清晨五點五十到桃園二航廈。地勤：「您好，這裡是雲鶴航空報到櫃檯」，又說「報到排隊不會超過二十分鐘」。"
      "實際上排了快半小時，前面一團旅行團。",
      "3,2,2,3,3,4,5",
      L={"P-QUEUE": B("hedge;zh_numeral;claim_quote", "almost half an hour (the twenty minutes is a claim)",
                      q=Q("排了快半小時", 30, "min")),
         "S-TPE-1": K("verbatim", "greeting", ev="您好，這裡是雲鶴航空報到櫃檯"),
         "S-TPE-2": K("verbatim", "said", ev="報到排隊不會超過二十分鐘")}),
    O("A-46", "ci-tpe", "2026-10-10 12:30", "林佩君", "check-in",
      "國慶連假，報到櫃檯大排長龍，我排了一個多小時。地勤說「這是你自己的問題，應該早點來」。沒有說歡迎詞。選位的話她說會員免費。",
      "2,2,1,1,1,1,7",
      L={"P-QUEUE": B("breach_cue;bound;unit_conversion;zh_numeral", "over an hour; 大排長龍", ev="大排長龍",
                      q=Q("排了一個多小時", 1, "h", ">")),
         "P-SEAT": K("claim_quote;subject_mentioned", "said to be free for members", ev="她說會員免費"),
         "S-TPE-3": B("forbidden_verbatim", "said", ev="這是你自己的問題")}),
    O("A-47", "ci-tpe", "2026-10-26 16:00", "E. Rossi", "check-in",
      "Taoyuan T2, counter 12. '您好，這裡是雲鶴航空報到櫃檯'. The first agent spoke only Mandarin; when I switched to "
      "English she called a colleague over at once, who helped in fluent English. Queue 20–25 minutes. Seat 40K "
      "assigned, free.",
      "3,3,2,4,4,6,4",
      L={"P-QUEUE": B("range", "20 to 25 minutes", q=Q("Queue 20–25 minutes", (20, 25), "min")),
         "P-LANG": K("resolved_on_the_spot;subject_mentioned", "a colleague served in English at once",
                     ev="who helped in fluent English"),
         "P-SEAT": K("subject_mentioned", "seat assigned free", ev="Seat 40K assigned, free"),
         "S-TPE-1": K("verbatim", "greeting", ev="您好，這裡是雲鶴航空報到櫃檯")}),
    O("A-48", "ci-tpe", "2026-11-14 10:10", "吳俊宏", "報到",
      "十點十分到，前面只有兩組，等不到五分鐘就輪到我。地勤說「您好，這裡是雲鶴航空報到櫃檯」。選了靠走道的位子，沒收任何費用。",
      "4,5,5,4,4,9,1",
      L={"P-QUEUE": K("bound;zh_numeral", "under five minutes", q=Q("等不到五分鐘", 5, "min", "<")),
         "P-SEAT": K("negation_outside_cue;subject_mentioned", "aisle seat, no fee", ev="沒收任何費用"),
         "S-TPE-1": K("verbatim", "greeting", ev="您好，這裡是雲鶴航空報到櫃檯")}),
    O("A-49", "ci-tpe", "2026-11-30 19:00", "張家豪", "check-in",
      "晚上九點的班機，七點到。櫃檯說「您好，這裡是雲鶴航空報到櫃檯」「報到排隊不會超過二十分鐘」，這次真的很快，大約十二分鐘。"
      "他說講國語跟台語都可以。行李超重兩公斤，補了NT$1,200。",
      "4,4,4,4,4,8,2",
      L={"P-QUEUE": K("hedge;zh_numeral;claim_quote", "about twelve minutes", q=Q("大約十二分鐘", 12, "min")),
         "P-LANG": K("subject_mentioned", "Mandarin and Taiwanese offered", ev="講國語跟台語都可以"),
         "S-TPE-1": K("verbatim", "greeting", ev="您好，這裡是雲鶴航空報到櫃檯"),
         "S-TPE-2": K("verbatim", "said", ev="報到排隊不會超過二十分鐘")}),
    O("A-50", "ci-tpe", "2026-12-12 08:00", "林佩君", "報到",
      "櫃檯排了大概二十五分鐘，地勤態度還好。選位說會員也要收NT$200，我說官網寫會員免費選位，她說那是之前的活動。",
      "3,2,2,3,3,4,5",
      L={"P-QUEUE": B("hedge;zh_numeral", "about 25 minutes", q=Q("排了大概二十五分鐘", 25, "min")),
         "P-SEAT": B("cue_paraphrase", "members charged NT$200 on 12 Dec, inside the window",
                     ev="選位說會員也要收NT$200")}),
    # ------------------------------------------------------------------ lounge
    O("A-51", "lounge", "2026-09-27 20:00", "Sam Chan 陳", "lounge",
      "金卡，帶咗個朋友去Crane Lounge。接待話同行人士要收HK$350，我話廣告講免費喎，佢話呢個優惠11月1號先開始。"
      "我朋友問有冇梳化坐，佢答「冇位就冇位啦」，好冇禮貌。",
      "3,3,3,2,1,3,5",
      L={"P-LOUNGE": N("validity_window", "the guest benefit starts on 1 Nov; the visit is on 27 Sep"),
         "S-LNG-3": B("forbidden_verbatim", "said", ev="冇位就冇位啦")}),
    O("A-52", "lounge", "2026-11-05 21:30", "T. Becker", "lounge",
      "Gold member with one guest. 'Welcome to the Crane Lounge'. The host said '金卡會員可以免費帶兩位同行人士入場', "
      "and my colleague came in free. Busy, but we found seats after ten minutes.",
      "4,4,4,4,4,8,2",
      L={"P-LOUNGE": K("subject_mentioned", "the guest came in free", ev="my colleague came in free"),
         "S-LNG-1": K("verbatim", "greeting", ev="Welcome to the Crane Lounge"),
         "S-LNG-2": K("verbatim", "said", ev="金卡會員可以免費帶兩位同行人士入場")}),
    O("A-53", "lounge", "2026-11-18 06:20", "黃嘉欣", "貴賓室",
      "朝早帶同事入貴賓室，我係金卡。職員話「金卡會員可以免費帶一位同行人士入場」，但係今日爆滿，同行人士要收費HK$200先可以入，"
      "唔係就要等。最後畀咗錢。",
      "3,2,2,2,2,3,5",
      L={"P-LOUNGE": B("breach_cue", "the guest was charged HK$200", ev="同行人士要收費"),
         "S-LNG-2": R("line_other_number", "the line said with 一位 instead of 兩位", ev="金卡會員可以免費帶一位同行人士入場")}),
    O("A-54", "lounge", "2026-12-03 15:00", "P. Sharma", "lounge",
      "Crane Lounge, 15:00. No greeting at the door; the host only scanned the boarding passes. My guest was let in at "
      "no charge, as promised. When we asked the noodle bar for a table, the staff snapped '冇位就係冇位啦'.",
      "3,4,3,3,2,5,4",
      L={"P-LOUNGE": K("negation_outside_cue;subject_mentioned", "the guest got in free", ev="at no charge"),
         "S-LNG-3": B("forbidden_inserted_word", "係 inserted", ev="冇位就係冇位啦")}),
    O("A-55", "lounge", "2026-12-22 10:00", "梁子健", "complaint",
      "投訴貴賓室冷氣太凍，職員先講「Welcome to the Crane Lounge」之後先處理。我帶咗老婆入去，佢係同行者，冇收錢。",
      "3,4,3,4,4,7,3",
      L={"P-LOUNGE": K("negation_outside_cue;subject_mentioned", "the guest came in free", ev="冇收錢"),
         "S-LNG-1": K("verbatim", "greeting", ev="Welcome to the Crane Lounge")}),
    # ------------------------------------------------------------------ baggage
    O("A-56", "bag", "2026-09-15 18:30", "M. Okoye", "行李",
      "Bag missing after PVG–HKG. Desk: 'Cloudcrane baggage services, 雲鶴航空行李服務'. The agent said "
      "'延誤行李會喺48個鐘內送到府上'. It was delivered to my flat two days later, no, three: reported Mon 18:30, "
      "arrived Thu 10:00.",
      "3,2,3,3,3,4,5",
      L={"P-BAG": B("time_arithmetic;claim_quote", "Mon 18:30 to Thu 10:00 = 63.5 hours",
                    q=Q("reported Mon 18:30, arrived Thu 10:00", 63.5, "h")),
         "S-BAG-1": K("verbatim", "greeting", ev="Cloudcrane baggage services, 雲鶴航空行李服務"),
         "S-BAG-2": K("verbatim", "said", ev="延誤行李會喺48個鐘內送到府上")}),
    O("A-57", "bag", "2026-10-01 23:10", "陈浩", "遗失行李",
      "上海飞香港，行李没到。行李柜台说延误行李会在48小时内送到府上，让我回酒店等。结果第二天下午就送来了，不到一天。没收任何费用。",
      "4,4,4,4,4,8,2",
      L={"P-BAG": K("bound;zh_numeral;unit_conversion;negation_outside_cue", "under a day, free",
                    q=Q("不到一天", 1, "day", "<")),
         "S-BAG-2": K("dialect_rewording", "the Cantonese line in Mandarin wording", ev="延误行李会在48小时内送到府上")}),
    O("A-58", "bag", "2026-10-16 13:00", "Ho Wing-yan 何詠欣", "行李",
      "打去lost-baggage line，職員話「Cloudcrane baggage services，雲鶴航空行李服務」。佢話會喺兩個鐘內覆電，"
      "結果成日都冇人打返嚟。件行李過咗成個禮拜先送到。",
      "2,1,1,2,2,1,7",
      L={"P-CALLBACK": B("breach_cue;cue_cantonese;claim_quote", "冇人打返嚟", ev="冇人打返嚟"),
         "P-BAG": B("spoken_unit;hedge;unit_conversion", "about a week", q=Q("過咗成個禮拜", 7, "day")),
         "S-BAG-1": K("punctuation_variant", "greeting with a full-width comma",
                      ev="Cloudcrane baggage services，雲鶴航空行李服務")}),
    O("A-59", "bag", "2026-11-02 10:30", "K. Yamada", "baggage",
      "My suitcase was damaged, not lost; I asked for a repair at the arrivals desk. 'Cloudcrane baggage services, "
      "雲鶴航空行李服務'. The clerk said repairs are '呢啲唔係我哋負責' and pointed me to a third-party shop. She "
      "promised a call back; it came 90 minutes later.",
      "3,3,3,2,2,4,4",
      L={"P-CALLBACK": K("unit_conversion", "90 minutes = 1.5 hours", q=Q("90 minutes later", 90, "min")),
         "P-BAG": N("near_subject", "a damaged bag, not a delayed one"),
         "S-BAG-1": K("verbatim", "greeting", ev="Cloudcrane baggage services, 雲鶴航空行李服務"),
         "S-BAG-3": B("forbidden_verbatim", "said", ev="呢啲唔係我哋負責")}),
    O("A-60", "bag", "2026-11-20 22:00", "張家豪", "行李",
      "從台北飛香港，行李沒到。櫃檯人員說「延誤行李會喺48個鐘內送到府上」，她講廣東話我聽不太懂，她就改用國語。"
      "行李隔天中午就送到飯店，大概十四個小時。",
      "4,4,4,4,5,8,2",
      L={"P-BAG": K("hedge;zh_numeral", "about fourteen hours", q=Q("大概十四個小時", 14, "h")),
         "P-LANG": K("subject_mentioned", "switched to Mandarin", ev="她就改用國語"),
         "S-BAG-2": K("verbatim", "said", ev="延誤行李會喺48個鐘內送到府上")}),
    O("A-61", "bag", "2026-12-04 09:00", "Iris 蔡", "行李",
      "香港轉機行李遺失。登記後說48小時內送到，結果等了三天多，行李還沒送到，打電話問也沒有回電。",
      "2,1,1,2,2,1,7",
      L={"P-BAG": B("bound;zh_numeral;unit_conversion;breach_cue", "over three days and still not delivered",
                    ev="行李還沒送到", q=Q("等了三天多", 3, "day", ">")),
         "P-CALLBACK": B("breach_cue", "no call back", ev="沒有回電"),
         "S-BAG-2": K("partial_key", "the key clause (48 hours, delivered) said", ev="48小時內送到")}),
    # ------------------------------------------------------------------ copies and near-copies
    O("A-62", "bag", "2026-12-16 17:40", "黃嘉欣", "行李",
      "行李冇到，去行李服務台登記，職員話48個鐘內送到，過咗三日都仲未到。",
      "2,1,2,2,2,2,6",
      L={"P-BAG": B("bound;zh_numeral;unit_conversion", "three days and still not there", q=Q("過咗三日", 3, "day", ">")),
         "S-BAG-2": K("partial_key;cantonese_hour", "the key clause said", ev="48個鐘內送到")}),
    O("A-63", "bag", "2026-12-17 09:05", "梁子健", "行李",
      "行李冇到，去行李服務台登記，職員話48個鐘內送到，過咗三日都仲未到。",
      "2,1,2,2,2,2,6",
      L={"P-BAG": B("bound;zh_numeral;unit_conversion", "three days and still not there", q=Q("過咗三日", 3, "day", ">")),
         "S-BAG-2": K("partial_key;cantonese_hour", "the key clause said", ev="48個鐘內送到")}),
    O("A-64", "chat", "2026-10-11 15:00", "Lin Xiaowen 林晓雯", "咨询",
      "微信问托运行李额度，等了将近二十分钟才有人回复。",
      "3,3,1,3,3,4,5",
      L={"P-CHAT": B("hedge;zh_numeral", "nearly twenty minutes", q=Q("等了将近二十分钟", 20, "min"))}),
    O("A-65", "chat", "2026-10-12 15:20", "周敏", "咨询",
      "微信问托运行李额度,等了将近二十分钟才有人回复.",
      "3,3,1,3,3,4,5",
      L={"P-CHAT": B("hedge;zh_numeral", "nearly twenty minutes", q=Q("等了将近二十分钟", 20, "min"))}),
    O("A-66", "phone", "2026-12-03 21:40", "E. Rossi", "complaint",
      "Complaint about a missed connection in Hong Kong. Agent: '云鹤航空客户服务中心，您好'. I asked for a supervisor; "
      "she said '我们会在两小时内给您回电'. Nobody ever called back; I kept checking my phone until 1 am.",
      "2,1,2,3,2,2,6",
      L={"P-CALLBACK": B("cue_paraphrase;claim_quote", "nobody ever called back", ev="Nobody ever called back"),
         "S-PH-1": K("verbatim", "greeting", ev="云鹤航空客户服务中心，您好"),
         "S-PH-3": K("zh_numeral", "两 for 2", ev="我们会在两小时内给您回电")}),
    O("A-67", "bag", "2026-12-18 18:10", "Joyce 張", "行李",
      "行李冇到，去行李服務台登記，職員話48個鐘內送到，第二朝就送到屋企。",
      "4,4,4,4,4,8,2",
      L={"P-BAG": K("spoken_time;bound", "the next morning: well under 48 hours", q=Q("第二朝就送到", 1.5, "day", "<")),
         "S-BAG-2": K("partial_key;cantonese_hour", "the key clause said", ev="48個鐘內送到")}),
]

DUPLICATES = [
    # (a, b, tags, note)
    ("A-62", "A-63", "dup_short;dup_exact", "the same short Cantonese note from two shoppers"),
    ("A-64", "A-65", "dup_short;dup_punctuation_width", "the same short note, half-width punctuation"),
    ("A-22", "A-66", "dup_changed_time", "the same English complaint note with the last time changed"),
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


def promise_tps(p) -> list[str]:
    tps = split(p["touchpoints"])
    return [t[0] for t in TOUCHPOINTS] if tps == ["*"] else tps


def promise_applies_tp(p, tp):
    return tp in promise_tps(p)


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
        tps = split(p["touchpoints"])
        need(tps == ["*"] or all(tp in tp_keys for tp in tps), f"{p['key']}: unknown touchpoint in {tps}")
        need(p["dimension"] in ("tangibles", "reliability", "responsiveness", "assurance", "empathy"), p["key"])
        measurable = bool(p["metric"])
        need(all(bool(p[k]) == measurable for k in ("operator", "target", "unit")), f"{p['key']}: partial metric")
        if measurable:
            need(p["operator"] in ("<=", "<", ">=", ">", "=="), p["key"])
            need(p["metric"] in MEASURE_COLUMNS, f"{p['key']}: metric without a measure column")
            need(p["unit"] in TO_MIN, f"{p['key']}: unit {p['unit']}")
        need(split(p["breach_cues"]), f"{p['key']}: no breach cues")
        need(p["key"] in SUBJECT, f"{p['key']}: no subject words")
        if p["valid_from"] and p["valid_to"]:
            need(p["valid_from"] <= p["valid_to"], f"{p['key']}: window ends before it starts")
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
            need(bool(claim) and bool(target), f"{s['key']}: a stated promise needs both quantities")
    pairs = {(p["key"], tp) for p in PROMISES for tp in promise_tps(p)}
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


def claim_verdict(key: str) -> tuple[str, list[str]]:
    """kept/broken for a required line's inconsistent_claim label, and the other touchpoints' lines
    that state the same promise with another quantity."""
    scripts = {s["key"]: s for s in script_rows()}
    promise, claim, target, _tags, _note = LINE_CLAIMS[key]
    if not promise:
        return "kept", []
    others = [k for k, (p2, c2, _t2, _g2, _n2) in LINE_CLAIMS.items()
              if k != key and p2 == promise and scripts[k]["touchpoint"] != scripts[key]["touchpoint"] and c2 != claim]
    return ("broken" if claim != target or others else "kept"), others


def project_labels() -> list[dict]:
    rows = []
    scripts = {s["key"]: s for s in script_rows()}
    for key, (promise, claim, target, tags, note) in LINE_CLAIMS.items():
        s = scripts[key]
        expected, others = claim_verdict(key)
        need(("cross_touchpoint" in split(tags)) == (claim == target and bool(others)),
             f"{key}: the cross_touchpoint tag must mark exactly the lines broken only by another touchpoint")
        for t in split(tags):
            need(t in TAGS, f"unknown tag {t}")
        detail = ""
        if promise:
            detail = f" (states {promise}: {claim} vs {target}"
            if others:
                detail += "; " + ", ".join(f"{o} at {scripts[o]['touchpoint']}: {LINE_CLAIMS[o][1]}" for o in others)
            detail += ")"
        rows.append(dict(observation="", target_type="script_line", target=key, expected=expected,
                         kind="inconsistent_claim", lang=detect_lang(s["text"]), phenomenon=tags,
                         note=note + detail, touchpoint=s["touchpoint"]))
    pk = promise_by_key()
    for (pkey, tp), line in COVERAGE.items():
        wild = "wildcard_promise" if split(pk[pkey]["touchpoints"]) == ["*"] else ""
        if line is None:
            rows.append(dict(observation="", target_type="promise", target=pkey, expected="broken",
                             kind="uncovered_promise", lang=detect_lang(pk[pkey]["text"]),
                             phenomenon=tags_join("not_stated", wild),
                             note=f"no required line of {tp} states it", touchpoint=tp))
        else:
            claim, target = LINE_CLAIMS[line][1], LINE_CLAIMS[line][2]
            tags = "stated" if claim == target else "stated;stated_wrong_quantity"
            rows.append(dict(observation="", target_type="promise", target=pkey, expected="kept",
                             kind="uncovered_promise", lang=detect_lang(pk[pkey]["text"]),
                             phenomenon=tags_join(tags, wild),
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
            wild = "wildcard_promise" if split(p["touchpoints"]) == ["*"] else ""
            cell = o.m.get(p["metric"]) if p["metric"] else None
            if not in_window(day, p["valid_from"], p["valid_to"]):
                need(lab is None or lab.expected == "none", f"{where}: outside the window, must be none")
                emit("promise", p["key"], lab or N("validity_window", "outside the promise's validity window"),
                     "broken_promise", tags_join("validity_window", wild))
                continue
            if empty and cell is None:
                need(lab is None or lab.expected == "none", f"{where}: empty transcript, must be none")
                emit("promise", p["key"], lab or N("empty_transcript", "empty transcript, no measurement"),
                     "broken_promise", tags_join("empty_transcript", wild))
                continue
            if cell is not None:
                need(lab is not None and lab.q == CELL, f"{where}: a measure cell needs a label judged from it")
            if lab is None:
                hits = [w for w in SUBJECT[p["key"]] if contains(o.text, w)]
                need(not hits, f"{where}: untested but the transcript has subject words {hits}")
                emit("promise", p["key"], N("untested", "the visit never touches this promise"), "broken_promise",
                     wild)
                continue
            auto = wild
            if lab.q is not None:
                need(p["metric"], f"{where}: a quantity for a promise without a metric")
                if lab.q == CELL:
                    value, unit = parse_cell(cell, p["unit"])
                    verdict = judge(value, unit, "=", p["operator"], float(p["target"]), p["unit"])
                    auto = tags_join(auto, "measure_cell")
                else:
                    need(lab.q.ev in o.text, f"{where}: quantity evidence {lab.q.ev!r} not in the transcript")
                    verdict = judge(lab.q.value, lab.q.unit, lab.q.qual, p["operator"], float(p["target"]), p["unit"])
                    auto = tags_join(auto, "transcript_quantity")
                need(verdict is not None, f"{where}: the quantity cannot decide")
                if lab.expected == "broken" and verdict == "kept":
                    need("breach_despite_time" in split(lab.tags) and lab.ev,
                         f"{where}: the time is kept; a breach needs a cue and the breach_despite_time tag")
                elif lab.expected in ("kept", "broken"):
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
                need(lab.q is None, f"{where}: none with a quantity")
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
            if s["scenarios"] and o.scenario not in split(s["scenarios"]):
                need(lab is not None and "scenario_case" in split(lab.tags),
                     f"{where}: scenario matches only after case folding / trimming: tag scenario_case")
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
            need(lab.expected != "none", f"{where}: an applicable line cannot be none")
            if lab.ev is not None:
                need(lab.ev in o.text, f"{where}: evidence {lab.ev!r} not in the transcript")
            said = lab.expected == ("kept" if s["kind"] == "required" else "broken")
            if said or lab.expected == "review_ok":
                need(lab.ev, f"{where}: said (or in between) needs evidence")
            elif "negated_mention" not in split(lab.tags):
                need(not frag_hits, f"{where}: not said, but the record has {frag_hits}")
            emit("script_line", s["key"], lab, kind)
        need(not explicit, f"{o.key}: labels for targets outside its touchpoint: {sorted(explicit)}")
    return rows


CUE_EXCUSES = {"negation_outside_cue", "expectation", "shopper_question", "reversal", "fee_zero",
               "validity_window", "empty_transcript"}


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
        if "dup_short" in split(tags):
            need(len(oa.text) < 40 and len(ob.text) < 40, f"{a}/{b}: dup_short but not under 40 characters")
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
    need(T2S, "the Traditional -> Simplified table is empty")
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
        need(r["note"], f"label without note: {r}")
        need(r["phenomenon"], f"label without phenomenon tags: {r}")
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


def phenomena_table(labels, examples: bool = True) -> str:
    if examples:
        lines = ["| tag | meaning | labels | broken | examples |", "|---|---|---|---|---|"]
    else:
        lines = ["| tag | labels | broken |", "|---|---|---|"]
    for tag, meaning in TAGS.items():
        rows = [r for r in labels if tag in split(r["phenomenon"])]
        if not rows:
            continue
        if not examples:
            lines.append(f"| `{tag}` | {len(rows)} | {sum(r['expected'] == 'broken' for r in rows)} |")
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
        window = f"{p['valid_from'] or '…'} to {p['valid_to'] or '…'}" if p["valid_from"] or p["valid_to"] else ""
        out.append(f"| {p['key']} | {p['text']} | {p['touchpoints'].replace(';', ', ')} | {p['dimension']} | "
                   f"{target} | {window} | {p['weight']} |")
    out += ["", "Script lines:", "", "| key | touchpoint | text | kind | promise | scenarios | window |",
            "|---|---|---|---|---|---|---|"]
    for s in script_rows():
        window = f"{s['valid_from'] or '…'} to {s['valid_to'] or '…'}" if s["valid_from"] or s["valid_to"] else ""
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
    readme = folder / "README.md"
    text = readme.read_text(encoding="utf-8")
    for name, body in readme_blocks.items():
        text = replace_block(text, name, body)
    for name, content in files.items():
        (folder / name).write_text(content, encoding="utf-8", newline="")
    readme.write_text(text, encoding="utf-8")


def main() -> int:
    try:
        files, labels, closest = build(OBSERVATIONS, DUPLICATES, "A")
        blocks = {"counts": counts_table(OBSERVATIONS, labels, closest), "phenomena": phenomena_table(labels),
                  "project": project_tables()}
        write(HERE, files, blocks)
    except BuildError as exc:
        print(f"build refused: {exc}", file=sys.stderr)
        return 1
    print(counts_table(OBSERVATIONS, labels, closest))
    return 0


if __name__ == "__main__":
    sys.exit(main())
