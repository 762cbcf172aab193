#!/usr/bin/env python3
"""Build the Harbour Bean Coffee evaluation set (tuning part) - plain Python stdlib.

    python benchmarks/eval_coffee/build.py

Writes touchpoints.csv, promises.csv, scripts.csv, observations.csv and labels.csv next to
this file and prints the label counts. The project tables (touchpoints, promises, scripts,
the project-level labels) and the labelling machinery live here; the held-out part
(benchmarks/eval_coffee_holdout/build.py) imports them, so both parts share the same three
project files byte for byte and differ only in their observations.

Labels are written from SPEC §5 (with the scenario and "untested" rules), never from the
engine's output. The build asserts that the set is exhaustive and consistent:

* every promise / script line that applies to an observation (touchpoint, validity
  window) has exactly one label; scenario-excluded lines and out-of-window targets are
  labelled ``none``;
* a promise left to the default ``none`` ("untested") has none of its subject words (a
  hand-made list, below) in the transcript and no measurement cell - otherwise the
  observation must label it explicitly;
* a label on a measured promise agrees with the measurement (cell, or the transcript
  quantity written into the label) compared with the target after unit conversion;
* a required line left to the default ``kept`` occurs verbatim (after folding case, width
  and punctuation) in the transcript; a required line labelled kept although it is not
  verbatim carries a tag saying why (typo, numeral, script, synonym...); a required line
  present verbatim is never labelled broken; a forbidden line left to the default
  ``kept`` is absent, and none of its key fragments occurs;
* every (promise, touchpoint) pair has an uncovered_promise label, every required line an
  inconsistent_claim label; listed duplicate pairs are >= 95 % similar after folding, all
  unlisted pairs < 85 %, and the closest unlisted pairs are labelled as non-duplicates.
"""

from __future__ import annotations

import csv
import difflib
import itertools
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent

# =========================================================================== project tables

TOUCHPOINTS = [
    # key, name, channel, location, notes
    ("store-sh", "Store Shanghai Xintiandi 上海新天地店", "store", "Shanghai 上海",
     "Mandarin, Simplified Chinese menu boards; 07:00-22:00."),
    ("store-hk", "Store Hong Kong Central 香港中環店", "store", "Hong Kong 香港",
     "Cantonese; Traditional Chinese menu; busy lunch queue."),
    ("store-tp", "Store Taipei Xinyi 台北信義店", "store", "Taipei 台北",
     "Mandarin, Traditional Chinese; paper stamp card in use until 2026-11-15."),
    ("store-sg", "Store Singapore Raffles Place", "store", "Singapore",
     "English (some Mandarin and Singlish); office crowd."),
    ("app", "Harbour Bean app 港湾咖啡App", "app", "",
     "Ordering for pickup and delivery, digital stamp card, help pages; screen texts are the script."),
    ("web", "Web ordering harbourbean.com", "website", "",
     "Web menu, delivery orders, refund and complaint forms (English pages)."),
    ("hotline", "Delivery hotline 外送热线 400", "phone", "Shanghai 上海",
     "Phone orders for delivery, complaints and refunds; Mandarin."),
    ("chat", "In-app chat 在线客服", "chat", "",
     "Chat inside the app and on the website; English and Chinese."),
]

STORES = ["store-sh", "store-hk", "store-tp", "store-sg"]

# language of each touchpoint's script (used for uncovered_promise labels)
TP_LANG = {"store-sh": "zh-hans", "store-hk": "zh-hant", "store-tp": "zh-hant", "store-sg": "en",
           "app": "mixed", "web": "en", "hotline": "zh-hans", "chat": "mixed"}


@dataclass
class Promise:
    key: str
    text: str
    touchpoints: list  # or ["*"]
    dimension: str
    metric: str = ""
    operator: str = ""
    target: str = ""
    unit: str = ""
    cues: str = ""
    weight: int = 3
    valid_from: str = ""
    valid_to: str = ""
    source: str = ""
    subject: tuple = ()   # build-time self-check only: words that show the visit speaks of the subject

    def applies_to(self, tp: str) -> bool:
        return self.touchpoints == ["*"] or tp in self.touchpoints


PROMISES = [
    Promise("P-OAT", "Free oat milk swap in any drink 任何饮品免费换燕麦奶",
            STORES + ["app"], "reliability",
            cues="charged for oat milk;oat milk surcharge;燕麦奶要加钱;燕麥奶要加錢;燕麦奶加收", weight=3,
            source="Menu boards and app menu 2026 菜单",
            subject=("oat", "燕麦", "燕麥")),
    Promise("P-STAMP", "Every 10th coffee free with the stamp card 集满10个印花送一杯咖啡",
            STORES + ["app"], "reliability",
            cues="didn't stamp my card;stamp card not accepted;没给盖章;沒有蓋章;冇蓋印;印花不能用", weight=3,
            valid_to="2026-11-15", source="Paper and digital stamp card (retired 2026-11-15 for app points)",
            subject=("stamp", "印花", "集点", "集點", "盖章", "蓋章", "蓋印", "儲滿")),
    Promise("P-WAIT", "Drinks ready within 5 minutes of ordering 下单后5分钟内出杯",
            STORES, "responsiveness", "wait_time", "<=", "5", "min",
            cues="waited forever;等了很久;等了好久;等咗好耐", weight=4,
            source="Store service standard 门店服务标准",
            subject=("ready", "wait", "出杯", "等了", "等咗", "等候", "就好", "做好", "整好", "攞到", "拿到")),
    Promise("P-DELIV", "Delivery in 30 minutes or the drink is free 30分钟送达，超时免单",
            ["app", "web", "hotline"], "reliability", "delivery_time", "<=", "30", "min",
            cues="order never arrived;delivery was late;外送迟到;外送遲到;超时未送达", weight=5,
            source="Delivery campaign banner 外送广告",
            subject=("deliver", "送达", "送達", "送到", "外送", "免单")),
    Promise("P-REFUND", "Refund for wrong or spilled orders within 24 hours 错单洒漏24小时内退款",
            ["*"], "reliability", "refund_time", "<=", "24", "h",
            cues="refund never arrived;refused the refund;拒绝退款;拒絕退款;没有退款;沒有退款;唔肯退款", weight=4,
            source="Customer charter 顾客承诺 2026",
            subject=("refund", "退款", "退錢", "退钱", "退咗錢", "wrong order", "spilled", "错单", "錯單", "洒漏")),
    Promise("P-LIVE", "Real people on chat and the hotline, answered within 2 minutes 真人客服2分钟内接通",
            ["chat", "hotline"], "responsiveness", "answer_wait", "<=", "2", "min",
            cues="chatbot;机器人;智能客服;nobody picked up;没人接;無人接聽", weight=5,
            source="App store listing and hotline IVR 应用商店介绍",
            subject=("real person", "real persn", "真人", "human", "人工", "bot", "机器", "機器", "answer",
                     "接通", "接听", "接聽", "picked up", "客服")),
    Promise("P-ALLERGEN", "Allergen information for every drink on request 每款饮品可查询过敏原信息",
            ["*"], "assurance",
            cues="no allergen information;没有过敏原信息;沒有過敏原資訊;冇過敏原資料", weight=4,
            source="Food safety notice 食品安全公示",
            subject=("allerg", "过敏", "過敏")),
    Promise("P-WIFI", "Free Wi-Fi and power sockets in every store 门店免费Wi-Fi和充电插座",
            STORES, "tangibles",
            cues="wifi was down;sockets not working;连不上网;連唔到wifi;插座没电", weight=2,
            source="Store concept book 门店手册",
            subject=("wi-fi", "wifi", "wi fi", "插座", "充电", "充電", "socket", "charging", "网络", "網路",
                     "上网", "充電位")),
    Promise("P-PSL", "Members save 20% on the Pumpkin Spice Latte in October 十月会员南瓜拿铁立减20%",
            STORES + ["app"], "reliability", "member_discount", ">=", "20", "%",
            cues="no member discount;没有会员优惠;沒有會員優惠", weight=3,
            valid_from="2026-10-01", valid_to="2026-10-31", source="Autumn campaign poster 秋季活动海报",
            subject=("pumpkin", "南瓜", "psl", "member", "会员", "會員")),
    Promise("P-CB2H", "We call you back within 2 hours 2小时内给您回电",
            ["hotline", "chat", "web"], "responsiveness", "callback_time", "<=", "2", "h",
            cues="never called back;never rang back;没有回电;沒有回電;还没回电", weight=4,
            source="Service charter 服务承诺 v2",
            subject=("call", "回电", "回電", "电话", "電話")),
]
PROMISE = {p.key: p for p in PROMISES}
METRICS = [p.metric for p in PROMISES if p.metric]


@dataclass
class Line:
    key: str
    touchpoint: str
    text: str
    kind: str = "required"
    step: str = ""
    promise: str = ""
    weight: int = 3
    valid_from: str = ""
    valid_to: str = ""
    scenarios: str = ""
    lang: str = "en"
    danger: tuple = ()  # build-time self-check for forbidden lines: fragments that force an explicit label

    def scenario_list(self) -> list:
        return [fold_scenario(s) for s in re.split(r"[;；]", self.scenarios) if s.strip()]


# Scenario vocabulary (observation `scenario` column, script `scenarios` column). Matching is
# exact after case folding and trimming; Chinese values are written in the script of the
# touchpoint: Simplified for Shanghai / app / hotline / chat, Traditional for Hong Kong and Taipei.
O_SH = "order;点单"
O_TR = "order;點單"
OL_SH = "order;点单;loyalty;会员"
OL_TR = "order;點單;loyalty;會員"
RC_SH = "refund;退款;complaint;投诉"
RC_TR = "refund;退款;complaint;投訴"

SCRIPTS = [
    # Shanghai store (Simplified)
    Line("L-01", "store-sh", "欢迎光临港湾咖啡，今天想喝点什么？", step="greeting", weight=3, lang="zh-hans"),
    Line("L-02", "store-sh", "要不要试试我们的季节限定拿铁？", step="upsell", weight=2, scenarios=O_SH, lang="zh-hans"),
    Line("L-03", "store-sh", "任何饮品都可以免费换燕麦奶", step="order", promise="P-OAT", scenarios=O_SH, lang="zh-hans"),
    Line("L-04", "store-sh", "集满10个印花就送一杯咖啡", step="loyalty", promise="P-STAMP", valid_to="2026-11-15",
         scenarios=OL_SH, lang="zh-hans"),
    Line("L-05", "store-sh", "您的饮品5分钟内就好", step="handover", promise="P-WAIT", weight=4, scenarios=OL_SH,
         lang="zh-hans"),
    Line("L-06", "store-sh", "错单我们会在48小时内退款", step="recovery", promise="P-REFUND", weight=4, scenarios=RC_SH,
         lang="zh-hans"),
    Line("L-07", "store-sh", "这不归我管", kind="forbidden", step="recovery", weight=4, lang="zh-hans",
         danger=("不归我管", "不归我们管", "不歸我管")),
    Line("L-08", "store-sh", "十月会员南瓜拿铁立减20%", step="upsell", promise="P-PSL", valid_from="2026-10-01",
         valid_to="2026-10-31", scenarios=O_SH, lang="zh-hans"),
    # Hong Kong store (Traditional, Cantonese)
    Line("L-10", "store-hk", "歡迎光臨港灣咖啡！想飲啲咩？", step="greeting", lang="zh-hant"),
    Line("L-11", "store-hk", "想唔想試下我哋嘅季節限定拿鐵？", step="upsell", weight=2, scenarios=O_TR, lang="zh-hant"),
    Line("L-12", "store-hk", "所有飲品都可以免費轉燕麥奶", step="order", promise="P-OAT", scenarios=O_TR, lang="zh-hant"),
    Line("L-13", "store-hk", "儲滿10個印花送一杯咖啡", step="loyalty", promise="P-STAMP", valid_to="2026-11-15",
         scenarios=OL_TR, lang="zh-hant"),
    Line("L-14", "store-hk", "店內有免費WiFi同充電位", step="seating", promise="P-WIFI", weight=2, scenarios=O_TR,
         lang="zh-hant"),
    Line("L-15", "store-hk", "唔關我哋事", kind="forbidden", step="recovery", weight=4, lang="zh-hant",
         danger=("唔關我", "唔关我")),
    Line("L-16", "store-hk", "十月會員南瓜拿鐵減15%", step="upsell", valid_from="2026-10-01", valid_to="2026-10-31",
         scenarios=O_TR, lang="zh-hant"),  # deliberately unlinked, and 15 % against the promise's 20 %
    # Taipei store (Traditional, Taiwan Mandarin)
    Line("L-20", "store-tp", "歡迎光臨港灣咖啡，今天想喝什麼？", step="greeting", lang="zh-hant"),
    Line("L-21", "store-tp", "要不要試試我們的季節限定拿鐵？", step="upsell", weight=2, scenarios=O_TR, lang="zh-hant"),
    Line("L-22", "store-tp", "集滿10點送一杯咖啡", step="loyalty", promise="P-STAMP", valid_to="2026-11-15",
         scenarios=OL_TR, lang="zh-hant"),
    Line("L-23", "store-tp", "您的飲品大約5分鐘就好", step="handover", promise="P-WAIT", weight=4, scenarios=OL_TR,
         lang="zh-hant"),
    Line("L-24", "store-tp", "錯單或灑出，我們會在24小時內退款", step="recovery", promise="P-REFUND", weight=4,
         scenarios=RC_TR, lang="zh-hant"),
    Line("L-25", "store-tp", "每款飲品都可以查詢過敏原資訊", step="order", promise="P-ALLERGEN", scenarios=O_TR,
         lang="zh-hant"),
    Line("L-26", "store-tp", "這不是我們的問題", kind="forbidden", step="recovery", weight=4, lang="zh-hant",
         danger=("不是我們的問題", "不是我们的问题")),
    Line("L-27", "store-tp", "十月會員南瓜拿鐵立減20%", step="upsell", valid_from="2026-10-01", valid_to="2026-10-31",
         scenarios=O_TR, lang="zh-hant"),  # deliberately unlinked; same 20 % as the promise
    # Singapore store (English)
    Line("L-30", "store-sg", "Welcome to Harbour Bean! What can I get started for you?", step="greeting"),
    Line("L-31", "store-sg", "Would you like to try our seasonal latte?", step="upsell", weight=2, scenarios="order"),
    Line("L-32", "store-sg", "Any drink can be made with oat milk at no extra charge.", step="order", promise="P-OAT",
         scenarios="order"),
    Line("L-33", "store-sg", "Every tenth coffee is free with your stamp card.", step="loyalty", promise="P-STAMP",
         valid_to="2026-11-15", scenarios="order;loyalty"),
    Line("L-34", "store-sg", "Your drink will be ready in five minutes.", step="handover", promise="P-WAIT", weight=4,
         scenarios="order;loyalty"),
    Line("L-35", "store-sg", "Free Wi-Fi and charging points at every table.", step="seating", promise="P-WIFI",
         weight=2, scenarios="order"),
    Line("L-36", "store-sg", "Sorry about that, we'll refund you within a day.", step="recovery", weight=4,
         scenarios="refund;complaint"),  # deliberately unlinked; "a day" = 24 h
    Line("L-37", "store-sg", "That's not my job.", kind="forbidden", step="recovery", weight=4,
         danger=("not my job",)),
    # App (screen texts; one language per line)
    Line("L-40", "app", "燕麦奶免费换，任何饮品都可以", step="menu", promise="P-OAT", scenarios=O_SH, lang="zh-hans"),
    Line("L-41", "app", "Delivered in 45 minutes or your order is free", step="checkout", promise="P-DELIV",
         weight=4, scenarios="delivery;外送"),
    Line("L-42", "app", "错单或洒漏，24小时内原路退款", step="help", promise="P-REFUND", weight=4, scenarios=RC_SH,
         lang="zh-hans"),
    Line("L-43", "app", "Members save 20% on the Pumpkin Spice Latte this October", step="menu", promise="P-PSL",
         valid_from="2026-10-01", valid_to="2026-10-31", scenarios=O_SH),
    Line("L-44", "app", "电子集点卡：第10杯咖啡免费", step="loyalty", promise="P-STAMP", valid_to="2026-11-15",
         scenarios="loyalty;会员", lang="zh-hans"),
    Line("L-45", "app", "Tap the info icon to see allergen information", step="menu", promise="P-ALLERGEN",
         scenarios=O_SH),
    # Web ordering (English pages; one Chinese contact line)
    Line("L-50", "web", "Order online, delivered in 30 minutes.", step="checkout", promise="P-DELIV", weight=4,
         scenarios="order;delivery"),
    Line("L-51", "web", "Wrong or spilled order? Full refund within 24 hours.", step="help", promise="P-REFUND",
         weight=4, scenarios="refund;complaint"),
    Line("L-52", "web", "留下电话，我们2小时内给您回电", step="contact", promise="P-CB2H", scenarios="complaint",
         lang="zh-hans"),
    Line("L-53", "web", "Allergen information on every drink page.", step="menu", promise="P-ALLERGEN",
         scenarios="order"),
    # Delivery hotline (Simplified)
    Line("L-60", "hotline", "您好，港湾咖啡外送热线，我是真人客服", step="greeting", promise="P-LIVE", weight=4,
         lang="zh-hans"),
    Line("L-61", "hotline", "外送30分钟内送达", step="delivery", promise="P-DELIV", weight=4,
         scenarios="外送;delivery;点单;order", lang="zh-hans"),
    Line("L-62", "hotline", "我们会在两小时内给您回电", step="callback", promise="P-CB2H", weight=4,
         scenarios="投诉;complaint;退款;refund", lang="zh-hans"),
    Line("L-63", "hotline", "退款会在3个工作日内到账", step="refund", promise="P-REFUND", weight=4,
         scenarios="退款;refund", lang="zh-hans"),
    Line("L-64", "hotline", "我们会尽快处理", kind="forbidden", step="callback", weight=4, lang="zh-hans",
         danger=("尽快处理", "儘快處理", "盡快處理")),
    # Chat
    Line("L-70", "chat", "Hi, you're chatting with a real person at Harbour Bean.", step="greeting", promise="P-LIVE",
         weight=4),
    Line("L-71", "chat", "We'll call you back within four hours.", step="callback", promise="P-CB2H", weight=4,
         scenarios="complaint;投诉"),
    Line("L-72", "chat", "错单洒漏的退款24小时内到账", step="refund", promise="P-REFUND", weight=4, scenarios=RC_SH,
         lang="zh-hans"),
    Line("L-73", "chat", "That's not my problem.", kind="forbidden", step="recovery", weight=5,
         danger=("not my problem",)),
]
LINE = {line.key: line for line in SCRIPTS}

# ---------------------------------------------------------------- project-level labels (shared)

# inconsistent_claim: every required line gets a label; the ones below are broken, the rest kept.
INCONSISTENT = {
    "L-06": ("inconsistent_claim;linked", "48 h against P-REFUND's 24 h"),
    "L-16": ("inconsistent_claim;unlinked_fuzzy;simp_trad", "unlinked; 15% against P-PSL's 20% (Traditional 會員南瓜拿鐵)"),
    "L-41": ("inconsistent_claim;linked", "45 minutes against P-DELIV's 30 minutes (web and hotline say 30)"),
    "L-63": ("inconsistent_claim;linked;zh_numeral", "3个工作日 (3 working days) against P-REFUND's 24 h"),
    "L-71": ("inconsistent_claim;linked;en_number_word", "four hours against P-CB2H's 2 hours"),
}
CONSISTENT_NOTES = {
    "L-04": ("consistent_claim", "10个印花 = the promise's 10th coffee"),
    "L-05": ("consistent_claim", "5分钟 = 5 min"),
    "L-08": ("consistent_claim", "20% = 20%"),
    "L-13": ("consistent_claim;simp_trad", "10個印花 = 10"),
    "L-22": ("consistent_claim;simp_trad", "集滿10點 (points) = 10"),
    "L-23": ("consistent_claim;simp_trad", "大約5分鐘 = 5 min"),
    "L-24": ("consistent_claim;simp_trad", "24小時 = 24 h"),
    "L-27": ("consistent_claim;unlinked_fuzzy;simp_trad", "unlinked, but states P-PSL with its own 20%"),
    "L-33": ("consistent_claim;en_number_word", "'Every tenth coffee' = the 10th coffee"),
    "L-34": ("consistent_claim;en_number_word", "'five minutes' = 5 min"),
    "L-36": ("consistent_claim;unlinked_fuzzy;unit_conversion", "unlinked; 'within a day' = 24 h"),
    "L-42": ("consistent_claim", "24小时 = 24 h"),
    "L-43": ("consistent_claim", "20% = 20%"),
    "L-44": ("consistent_claim", "第10杯 = 10th"),
    "L-50": ("consistent_claim", "30 minutes = 30 min"),
    "L-51": ("consistent_claim", "24 hours = 24 h"),
    "L-52": ("consistent_claim", "2小时 = 2 h"),
    "L-61": ("consistent_claim", "30分钟 = 30 min"),
    "L-62": ("consistent_claim;zh_numeral", "两小时 = 2 h"),
    "L-72": ("consistent_claim", "24小时 = 24 h"),
    "L-60": ("consistent_claim", "states 真人客服 without a quantity: nothing differs"),
    "L-70": ("consistent_claim", "states 'a real person' without a quantity: nothing differs"),
    "L-02": ("consistent_claim;shared_fragment", "季节限定拿铁 shares 拿铁 with P-PSL but states no promise"),
    "L-11": ("consistent_claim;shared_fragment", "季節限定拿鐵 shares 拿鐵 with P-PSL but states no promise"),
    "L-21": ("consistent_claim;shared_fragment", "季節限定拿鐵 shares 拿鐵 with P-PSL but states no promise"),
    "L-31": ("consistent_claim;shared_fragment", "'seasonal latte' shares 'latte' with P-PSL but states no promise"),
}

# Lines that state a promise without a `promise` link (they cover it by their text).
COVER_BY_TEXT = {("P-PSL", "store-hk"): "L-16", ("P-PSL", "store-tp"): "L-27", ("P-REFUND", "store-sg"): "L-36"}
# (promise, touchpoint) pairs whose script never states the promise.
UNCOVERED = {
    ("P-OAT", "store-tp"): ("uncovered", "no Taipei line offers the oat milk swap"),
    ("P-WAIT", "store-hk"): ("uncovered", "no Hong Kong line states the 5-minute drink time"),
    ("P-REFUND", "store-hk"): ("uncovered", "no Hong Kong line states refunds"),
    ("P-ALLERGEN", "store-sh"): ("uncovered;shared_fragment", "L-03 shares 饮品/可以 with the promise but is about oat milk"),
    ("P-ALLERGEN", "store-hk"): ("uncovered", "no Hong Kong line about allergens"),
    ("P-ALLERGEN", "store-sg"): ("uncovered", "no Singapore line about allergens"),
    ("P-ALLERGEN", "hotline"): ("uncovered", "no hotline line about allergens"),
    ("P-ALLERGEN", "chat"): ("uncovered", "no chat line about allergens"),
    ("P-WIFI", "store-sh"): ("uncovered;shared_fragment", "L-03 shares 免费 (free) only"),
    ("P-WIFI", "store-tp"): ("uncovered", "no Taipei line about Wi-Fi or sockets"),
    ("P-PSL", "store-sg"): ("uncovered;shared_fragment", "L-31 'seasonal latte' shares 'latte' only"),
}

# =========================================================================== helpers


def fold(text: str) -> str:
    """Case, width and punctuation folding for the build's own self-checks."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return "".join(ch for ch in text if ch.isalnum())


def fold_scenario(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text or "").casefold().split())


def parse_date(text: str) -> date:
    text = text.strip()
    m = re.match(r"(\d{4})年(\d{1,2})月(\d{1,2})日", text) or re.match(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})", text)
    if not m:
        raise ValueError(f"bad date {text!r}")
    return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def in_window(day: date, valid_from: str, valid_to: str) -> bool:
    if valid_from and day < date.fromisoformat(valid_from):
        return False
    if valid_to and day > date.fromisoformat(valid_to):
        return False
    return True


ZH_QUANTITIES = {  # the Chinese quantities this set writes, in minutes (or % for discounts)
    "半小时": 30, "两个半小时": 150, "一个半小时": 90, "兩個半小時": 150, "十五分钟": 15, "二十分钟": 20,
    "一刻钟": 15, "两天": 2880, "兩天": 2880, "三天": 4320, "两周": 20160, "一天": 1440, "十二个小时": 720,
    "三十个小时": 1800, "六分钟": 6, "十五分鐘": 15, "八分鐘": 8, "十分鐘": 10, "四十分钟": 40, "三个小时": 180,
    "一個半小時": 90, "兩個小時": 120, "一小時": 60, "九分鐘": 9, "七分鐘": 7, "五十分钟": 50,
}
UNIT_MINUTES = {"min": 1, "mins": 1, "minute": 1, "minutes": 1, "分钟": 1, "分鐘": 1,
                "h": 60, "hr": 60, "hrs": 60, "hour": 60, "hours": 60, "小时": 60, "小時": 60, "个小时": 60,
                "個小時": 60, "钟头": 60, "鐘頭": 60,
                "day": 1440, "days": 1440, "天": 1440, "日": 1440, "week": 10080, "weeks": 10080, "周": 10080}
TARGET_MINUTES = {"min": 1, "h": 60, "day": 1440}


def quantity(text: str, unit: str) -> float:
    """A measurement as written (cell or transcript quantity) -> value in the promise's base.

    Durations -> minutes; percentages -> percent. A bare number is in the promise's unit."""
    raw = text.strip()
    if raw in ZH_QUANTITIES:
        return float(ZH_QUANTITIES[raw])
    m = re.fullmatch(r"([0-9]+(?:\.[0-9]+)?)\s*(.*)", unicodedata.normalize("NFKC", raw))
    if not m:
        raise ValueError(f"cannot read quantity {text!r}")
    number, suffix = float(m.group(1)), m.group(2).strip().casefold()
    if unit == "%":
        if suffix not in ("", "%"):
            raise ValueError(f"bad percent {text!r}")
        return number
    if suffix == "":
        return number * TARGET_MINUTES[unit]
    if suffix not in UNIT_MINUTES:
        raise ValueError(f"unknown unit in {text!r}")
    return number * UNIT_MINUTES[suffix]


def judge(promise: Promise, value_text: str) -> str:
    value = quantity(value_text, promise.unit)
    target = float(promise.target) * (1 if promise.unit == "%" else TARGET_MINUTES[promise.unit])
    ok = {"<=": value <= target, "<": value < target, ">=": value >= target, ">": value > target,
          "==": value == target}[promise.operator]
    return "kept" if ok else "broken"


# =========================================================================== observations

@dataclass
class Obs:
    key: str
    touchpoint: str
    observed_at: str
    shopper: str
    scenario: str
    lang: str
    transcript: str
    m: dict = field(default_factory=dict)       # metric -> cell text
    P: dict = field(default_factory=dict)       # promise -> (expected, tags, note[, transcript quantity])
    S: dict = field(default_factory=dict)       # script line -> (expected, tags, note)
    NA: dict = field(default_factory=dict)      # target key -> note: explicit `none`, target does not apply
    ratings: tuple | None = None                # (tangibles, reliability, responsiveness, assurance, empathy, nps, ces)


def O(key, tp, at, shopper, scenario, lang, transcript, m=None, P=None, S=None, NA=None, ratings=None):
    return Obs(key, tp, at, shopper, scenario, lang, transcript, m or {}, P or {}, S or {}, NA or {}, ratings)


SAID_VARIANT_TAGS = {"typo_stt", "zh_numeral", "en_number_word", "simp_trad", "synonym", "case_width_punct",
                     "no_spaces", "paraphrase", "unit_conversion"}
MEASURE_TAGS = {"measure_cell_plain", "measure_cell_unit", "transcript_quantity", "empty_transcript"}


def label_row(o: Obs, target_type: str, target: str, expected: str, kind: str, tags: str, note: str) -> dict:
    return {"observation": o.key, "target_type": target_type, "target": target, "expected": expected,
            "kind": kind, "lang": o.lang, "phenomenon": tags, "note": note, "touchpoint": o.touchpoint}


def label_observation(o: Obs) -> list:
    problems = []
    rows = []
    day = parse_date(o.observed_at)
    text = o.transcript or ""
    ftext = fold(text)
    ltext = unicodedata.normalize("NFKC", text).casefold()
    empty = not text.strip()
    for metric in o.m:
        if metric not in METRICS:
            problems.append(f"{o.key}: unknown metric {metric}")
    used_P, used_S = set(), set()

    # ------------------------------------------------------------------ promises
    for p in PROMISES:
        if not p.applies_to(o.touchpoint):
            continue
        cell = o.m.get(p.metric) if p.metric else None
        if not in_window(day, p.valid_from, p.valid_to):
            if p.key in o.P:
                problems.append(f"{o.key}/{p.key}: labelled although outside the validity window")
            tags = "validity_window" + (";measure_cell_outside_window" if cell else "")
            rows.append(label_row(o, "promise", p.key, "none", "broken_promise", tags,
                                  f"outside {p.valid_from or '…'} – {p.valid_to or '…'}"))
            continue
        if p.key in o.P:
            used_P.add(p.key)
            spec = o.P[p.key]
            expected, tags, note = spec[0], spec[1], spec[2]
            tagset = set(tags.split(";"))
            if cell:
                if expected not in ("kept", "broken") or judge(p, cell) != expected:
                    problems.append(f"{o.key}/{p.key}: cell {cell!r} gives {judge(p, cell)}, labelled {expected}")
                if not tagset & {"measure_cell_plain", "measure_cell_unit"}:
                    problems.append(f"{o.key}/{p.key}: measured by a cell but no measure_cell_* tag")
            if len(spec) > 3:
                if judge(p, spec[3]) != expected:
                    problems.append(f"{o.key}/{p.key}: transcript quantity {spec[3]!r} gives {judge(p, spec[3])}")
                if "transcript_quantity" not in tagset:
                    problems.append(f"{o.key}/{p.key}: quantity given but no transcript_quantity tag")
            if "transcript_quantity" in tagset and len(spec) < 4 and not cell:
                problems.append(f"{o.key}/{p.key}: transcript_quantity without its value")
            if empty and not cell and expected != "none":
                problems.append(f"{o.key}/{p.key}: empty transcript and no cell, must be none")
            rows.append(label_row(o, "promise", p.key, expected, "broken_promise", tags, note))
            continue
        # default: untested
        hits = [w for w in p.subject if w in ltext]
        if cell:
            problems.append(f"{o.key}/{p.key}: has a {p.metric} cell but no explicit label")
        if hits and not empty:
            problems.append(f"{o.key}/{p.key}: transcript has subject words {hits}; label explicitly")
        if empty:
            rows.append(label_row(o, "promise", p.key, "none", "broken_promise", "empty_transcript",
                                  "empty transcript, no measurement"))
        else:
            rows.append(label_row(o, "promise", p.key, "none", "broken_promise", "untested",
                                  "untested: visit never mentions the subject"))
    for k in o.P:
        if k not in used_P:
            problems.append(f"{o.key}/{k}: label for a promise that does not apply")

    # ------------------------------------------------------------------ script lines
    scen = fold_scenario(o.scenario)
    for line in SCRIPTS:
        if line.touchpoint != o.touchpoint:
            continue
        kind = "missing_phrase" if line.kind == "required" else "forbidden_phrase"
        scoped = bool(line.scenario_list())
        excluded = scoped and scen not in line.scenario_list()
        if not in_window(day, line.valid_from, line.valid_to):
            if line.key in o.S:
                problems.append(f"{o.key}/{line.key}: labelled although outside the validity window")
            tags = "validity_window" + (";scenario_excluded" if excluded else "")
            rows.append(label_row(o, "script_line", line.key, "none", kind, tags,
                                  f"line valid {line.valid_from or '…'} – {line.valid_to or '…'}"))
            continue
        if excluded:
            if line.key in o.S:
                problems.append(f"{o.key}/{line.key}: labelled although its scenarios exclude the visit")
            tags = "scenario_excluded" + (";scenario_empty" if not scen else "")
            rows.append(label_row(o, "script_line", line.key, "none", kind, tags,
                                  f"scenario '{o.scenario}' not in the line's scenarios ({line.scenarios})"))
            continue
        if empty:
            if line.key in o.S:
                problems.append(f"{o.key}/{line.key}: empty transcript, must be none")
            rows.append(label_row(o, "script_line", line.key, "none", kind, "empty_transcript", "empty transcript"))
            continue
        extra = ""
        if scoped:
            extra = ";scenario_in_scope"
            if o.scenario.strip() not in [s.strip() for s in line.scenarios.split(";")]:
                extra += ";scenario_case"
        verbatim = fold(line.text) in ftext
        if line.key in o.S:
            used_S.add(line.key)
            expected, tags, note = o.S[line.key]
            tagset = set(tags.split(";"))
            if line.kind == "required":
                if expected == "broken" and verbatim:
                    problems.append(f"{o.key}/{line.key}: verbatim in the transcript but labelled broken")
                if expected == "kept" and not verbatim and not tagset & SAID_VARIANT_TAGS:
                    problems.append(f"{o.key}/{line.key}: kept but not verbatim and no variant tag")
            else:
                if expected == "kept" and verbatim:
                    problems.append(f"{o.key}/{line.key}: forbidden line verbatim but labelled kept")
            rows.append(label_row(o, "script_line", line.key, expected, kind, tags + extra, note))
            continue
        if line.kind == "required":
            if not verbatim:
                problems.append(f"{o.key}/{line.key}: required line not verbatim; label explicitly")
            rows.append(label_row(o, "script_line", line.key, "kept", kind, "required_verbatim" + extra,
                                  "said as written"))
        else:
            hits = [d for d in line.danger if fold(d) in ftext]
            if verbatim or hits:
                problems.append(f"{o.key}/{line.key}: forbidden line (or {hits}) present; label explicitly")
            rows.append(label_row(o, "script_line", line.key, "kept", kind, "forbidden_absent" + extra,
                                  "not said"))
    for k in o.S:
        if k not in used_S and k not in {r["target"] for r in rows}:
            problems.append(f"{o.key}/{k}: label for a line of another touchpoint")

    # ------------------------------------------------------------------ explicit not-applicable
    for target, note in o.NA.items():
        if target in PROMISE:
            if PROMISE[target].applies_to(o.touchpoint):
                problems.append(f"{o.key}/{target}: NA label but the promise applies")
            rows.append(label_row(o, "promise", target, "none", "broken_promise", "not_applicable", note))
        else:
            line = LINE[target]
            if line.touchpoint == o.touchpoint:
                problems.append(f"{o.key}/{target}: NA label but the line belongs to the touchpoint")
            rows.append(label_row(o, "script_line", target, "none",
                                  "missing_phrase" if line.kind == "required" else "forbidden_phrase",
                                  "not_applicable", note))
    return rows, problems


# =========================================================================== project labels

def project_labels() -> tuple[list, list]:
    rows, problems = [], []
    for line in SCRIPTS:
        if line.kind != "required":
            continue
        if line.key in INCONSISTENT:
            tags, note = INCONSISTENT[line.key]
            expected = "broken"
        else:
            tags, note = CONSISTENT_NOTES.get(line.key, ("consistent_claim", "states no promise quantity"))
            expected = "kept"
            if line.promise and line.key not in CONSISTENT_NOTES and PROMISE[line.promise].metric:
                problems.append(f"{line.key}: linked to a measurable promise; give a consistency note")
        rows.append({"observation": "", "target_type": "script_line", "target": line.key, "expected": expected,
                     "kind": "inconsistent_claim", "lang": line.lang, "phenomenon": tags, "note": note,
                     "touchpoint": line.touchpoint})
    for p in PROMISES:
        tps = [t[0] for t in TOUCHPOINTS] if p.touchpoints == ["*"] else p.touchpoints
        for tp in tps:
            covering = [l.key for l in SCRIPTS if l.touchpoint == tp and l.promise == p.key]
            if (p.key, tp) in COVER_BY_TEXT:
                covering.append(COVER_BY_TEXT[(p.key, tp)])
            if (p.key, tp) in UNCOVERED:
                if covering:
                    problems.append(f"{p.key}@{tp}: listed uncovered but {covering} state it")
                tags, note = UNCOVERED[(p.key, tp)]
                expected = "broken"
            else:
                if not covering:
                    problems.append(f"{p.key}@{tp}: no line states it and not listed uncovered")
                expected = "kept"
                tags = "covered" + (";unlinked_fuzzy" if (p.key, tp) in COVER_BY_TEXT else "")
                wrong = [k for k in covering if k in INCONSISTENT]
                if wrong:
                    tags += ";covered_wrong_quantity"
                note = "stated by " + ", ".join(covering)
            rows.append({"observation": "", "target_type": "promise", "target": p.key, "expected": expected,
                         "kind": "uncovered_promise", "lang": TP_LANG[tp], "phenomenon": tags, "note": note,
                         "touchpoint": tp})
    return rows, problems


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, fold(a), fold(b), autojunk=False).ratio()


def duplicate_labels(observations: list, duplicates: dict, n_negatives: int = 8) -> tuple[list, list]:
    """duplicates: {(key_a, key_b): (tags, note)}. Adds the closest unlisted pairs as negatives."""
    rows, problems = [], []
    by_key = {o.key: o for o in observations}
    listed = {frozenset(k) for k in duplicates}
    for (a, b), (tags, note) in duplicates.items():
        oa, ob = by_key[a], by_key[b]
        sim = similarity(oa.transcript, ob.transcript)
        if sim < 0.95:
            problems.append(f"duplicate {a}/{b} only {sim:.2f} similar")
        if oa.shopper == ob.shopper and oa.observed_at == ob.observed_at:
            problems.append(f"duplicate {a}/{b}: same shopper and same visit")
        rows.append({"observation": a, "target_type": "observation", "target": b, "expected": "broken",
                     "kind": "duplicate_transcript", "lang": oa.lang, "phenomenon": tags,
                     "note": f"{note} ({sim:.0%} similar after folding)", "touchpoint": oa.touchpoint})
    pairs = []
    for oa, ob in itertools.combinations([o for o in observations if o.transcript.strip()], 2):
        if frozenset((oa.key, ob.key)) in listed:
            continue
        pairs.append((similarity(oa.transcript, ob.transcript), oa, ob))
    pairs.sort(key=lambda t: -t[0])
    for sim, oa, ob in pairs:
        if sim >= 0.85:
            problems.append(f"unlisted pair {oa.key}/{ob.key} is {sim:.2f} similar")
    for sim, oa, ob in pairs[:n_negatives]:
        rows.append({"observation": oa.key, "target_type": "observation", "target": ob.key, "expected": "kept",
                     "kind": "duplicate_transcript", "lang": oa.lang, "phenomenon": "similar_not_duplicate",
                     "note": f"different visits, {sim:.0%} similar after folding", "touchpoint": oa.touchpoint})
    return rows, problems, (pairs[0][0] if pairs else 0.0)


# =========================================================================== writing

LABEL_FIELDS = ["observation", "target_type", "target", "expected", "kind", "lang", "phenomenon", "note",
                "touchpoint"]
OBS_FIELDS = (["key", "touchpoint", "observed_at", "shopper", "scenario", "transcript", "rating_tangibles",
               "rating_reliability", "rating_responsiveness", "rating_assurance", "rating_empathy", "nps", "ces"]
              + [f"measure:{m}" for m in METRICS])


def write_csv(path: Path, header: list, rows: list) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def write_project_files(out: Path) -> None:
    write_csv(out / "touchpoints.csv", ["key", "name", "channel", "location", "notes"], TOUCHPOINTS)
    write_csv(out / "promises.csv",
              ["key", "text", "touchpoints", "dimension", "metric", "operator", "target", "unit", "breach_cues",
               "weight", "valid_from", "valid_to", "source"],
              [[p.key, p.text, ";".join(p.touchpoints), p.dimension, p.metric, p.operator, p.target, p.unit,
                p.cues, p.weight, p.valid_from, p.valid_to, p.source] for p in PROMISES])
    write_csv(out / "scripts.csv",
              ["key", "touchpoint", "text", "kind", "step", "promise", "weight", "valid_from", "valid_to",
               "scenarios"],
              [[l.key, l.touchpoint, l.text, l.kind, l.step, l.promise, l.weight, l.valid_from, l.valid_to,
                l.scenarios] for l in SCRIPTS])


def ratings_for(o: Obs, rows: list) -> list:
    if o.ratings is not None:
        return list(o.ratings)
    broken = sum(1 for r in rows if r["expected"] in ("broken", "review_ok"))
    seed = sum(ord(c) for c in o.key)
    if seed % 9 == 0:
        return [""] * 7  # some shoppers leave the ratings blank
    base = max(1, 5 - min(broken, 4))
    wobble = [(seed >> i) % 2 for i in range(5)]
    r = [max(1, min(5, base + (w if base < 5 else -w))) for w in wobble]
    nps = max(0, min(10, 10 - 2 * broken - seed % 2))
    ces = max(1, min(7, 1 + broken + seed % 2))
    return r + [nps, ces]


def build(out: Path, observations: list, duplicates: dict, *, n_negatives: int = 8) -> dict:
    problems = []
    keys = [o.key for o in observations]
    dupkeys = [k for k, c in Counter(keys).items() if c > 1]
    if dupkeys:
        problems.append(f"observation keys repeated: {dupkeys}")
    valid_tps = {t[0] for t in TOUCHPOINTS}
    obs_rows, labels = [], []
    for o in observations:
        if o.touchpoint not in valid_tps:
            problems.append(f"{o.key}: unknown touchpoint")
        d = parse_date(o.observed_at)
        if not (date(2026, 9, 1) <= d <= date(2026, 11, 30)):
            problems.append(f"{o.key}: date outside the mystery-shopping period")
        rows, probs = label_observation(o)
        problems += probs
        labels += rows
        obs_rows.append([o.key, o.touchpoint, o.observed_at, o.shopper, o.scenario, o.transcript]
                        + ratings_for(o, rows) + [o.m.get(m, "") for m in METRICS])
    prows, probs = project_labels()
    problems += probs
    drows, probs, closest = duplicate_labels(observations, duplicates, n_negatives)
    problems += probs
    labels += prows + drows
    seen = Counter((r["observation"], r["target_type"], r["target"], r["touchpoint"] if r["kind"] == "uncovered_promise" else "")
                   for r in labels)
    problems += [f"label repeated: {k}" for k, c in seen.items() if c > 1]
    if problems:
        print("build.py: the set is not consistent:\n  " + "\n  ".join(problems), file=sys.stderr)
        sys.exit(1)
    write_project_files(out)
    write_csv(out / "observations.csv", OBS_FIELDS, obs_rows)
    write_csv(out / "labels.csv", LABEL_FIELDS, [[r[f] for f in LABEL_FIELDS] for r in labels])
    return {"labels": labels, "observations": observations, "closest_unlisted": closest}


# =========================================================================== counts

KINDS = ["broken_promise", "missing_phrase", "forbidden_phrase", "inconsistent_claim", "uncovered_promise",
         "duplicate_transcript"]
LANGS = ["en", "zh-hans", "zh-hant", "mixed"]


def counts_markdown(result: dict) -> str:
    labels, observations = result["labels"], result["observations"]
    out = []
    out.append("| kind | en | zh-hans | zh-hant | mixed | judged | positive | `none` |")
    out.append("|---|---|---|---|---|---|---|---|")
    totals = Counter()
    for kind in KINDS:
        cells = []
        for lang in LANGS:
            judged = [r for r in labels if r["kind"] == kind and r["lang"] == lang and r["expected"] != "none"]
            pos = sum(1 for r in judged if r["expected"] in ("broken", "review_ok"))
            totals[(lang, "j")] += len(judged)
            totals[(lang, "p")] += pos
            cells.append(f"{len(judged)} ({pos}+)" if judged else "—")
        judged = [r for r in labels if r["kind"] == kind and r["expected"] != "none"]
        pos = sum(1 for r in judged if r["expected"] in ("broken", "review_ok"))
        none = sum(1 for r in labels if r["kind"] == kind and r["expected"] == "none")
        totals["j"] += len(judged)
        totals["p"] += pos
        totals["n"] += none
        out.append(f"| {kind} | " + " | ".join(cells) + f" | {len(judged)} | {pos} | {none} |")
    out.append("| **total** | " + " | ".join(f"**{totals[(l, 'j')]} ({totals[(l, 'p')]}+)**" for l in LANGS)
               + f" | **{totals['j']}** | **{totals['p']}** | **{totals['n']}** |")
    out.append("")
    by_expected = Counter(r["expected"] for r in labels)
    out.append(f"{len(labels)} labels: " + ", ".join(f"{by_expected[e]} `{e}`" for e in
                                                   ("kept", "broken", "review_ok", "none")) + ".")
    out.append("")
    out.append("| kind | kept | broken | review_ok | none |")
    out.append("|---|---|---|---|---|")
    for kind in KINDS:
        c = Counter(r["expected"] for r in labels if r["kind"] == kind)
        out.append(f"| {kind} | {c['kept']} | {c['broken']} | {c['review_ok']} | {c['none']} |")
    out.append("")
    plabels = [r for r in labels if r["target_type"] == "promise" and r["observation"] and r["kind"] == "broken_promise"]
    untested = [r for r in plabels if "untested" in r["phenomenon"].split(";")]
    why = Counter()
    for r in labels:
        if r["expected"] == "none":
            why[r["phenomenon"].split(";")[0]] += 1
    out.append(f"Promise labels on observations: {len(plabels)}; `none` because the visit never touches the "
               f"promise (`untested`): {len(untested)} ({len(untested) / len(plabels):.0%}).")
    out.append("`none` labels by reason: " + ", ".join(f"{k} {v}" for k, v in why.most_common()) + ".")
    out.append("")
    langs = Counter(o.lang for o in observations)
    tps = Counter(o.touchpoint for o in observations)
    scen = Counter(o.scenario for o in observations)
    out.append(f"{len(observations)} observations: " + ", ".join(f"{langs[l]} {l}" for l in LANGS)
               + f"; {sum(1 for o in observations if not o.transcript.strip())} with an empty transcript.")
    out.append("By touchpoint: " + ", ".join(f"`{t}` {tps[t]}" for t in [t[0] for t in TOUCHPOINTS]) + ".")
    out.append("By scenario: " + ", ".join(f"`{s or '(empty)'}` {c}" for s, c in sorted(scen.items())) + ".")
    out.append(f"Closest pair of observations not listed as duplicates: {result['closest_unlisted']:.0%} similar.")
    out.append("")
    tags = defaultdict(Counter)
    for r in labels:
        sign = {"kept": "−", "broken": "+", "review_ok": "+", "none": "∅"}[r["expected"]]
        for t in filter(None, r["phenomenon"].split(";")):
            tags[t][sign] += 1
    out.append("| tag | labels (+ broken/review_ok, − kept, ∅ none) |")
    out.append("|---|---|")
    for t in sorted(tags):
        c = tags[t]
        out.append(f"| `{t}` | " + ", ".join(f"{c[s]}{s}" for s in ("+", "−", "∅") if c[s]) + " |")
    return "\n".join(out)


# =========================================================================== tuning observations
# Keys C-01 … C-97, grouped by touchpoint (C-0x/1x Shanghai, C-2x Hong Kong, C-3x Taipei,
# C-4x/50 Singapore, C-6x app, C-7x web, C-8x hotline, C-9x chat).

UNTESTED = "untested"
K = "kept"
B = "broken"
N = "none"

R = "review_ok"

OBSERVATIONS = [
    # ------------------------------------------------------------------ Shanghai store (Simplified)
    O("C-01", "store-sh", "2026-09-02 08:35", "Chen Jing", "点单", "zh-hans",
      "早上8点35分到店。店员说“欢迎光临港湾咖啡，今天想喝点什么？”，又问“要不要试试我们的季节限定拿铁？”。"
      "我点了美式，她提醒“任何饮品都可以免费换燕麦奶”“集满10个印花就送一杯咖啡”，并说“您的饮品5分钟内就好”，实际4分钟出杯。",
      m={"wait_time": "4"},
      P={"P-OAT": (K, "subject_mentioned;subject_via_script", "oat milk swap offered, no charge mentioned"),
         "P-STAMP": (K, "subject_mentioned;subject_via_script", "stamp card line said"),
         "P-WAIT": (K, "measure_cell_plain;claim_quote", "4 min <= 5 (the quoted 5分钟 is a claim)")}),
    O("C-02", "store-sh", "2026-09-05 13:10", "Wang Lei", "order", "mixed",
      '''Lunch rush. Barista greeted me with 欢迎光临港湾咖啡，今天想喝点什么？ and asked 要不要试试我们的季节限定拿铁？ '''
      '''I ordered a flat white. The drink took 12 minutes to be ready, and the barista said nothing else.''',
      P={"P-WAIT": (B, "transcript_quantity;unit_variant", "took 12 minutes to be ready > 5", "12 minutes")},
      S={"L-03": (B, "required_absent", "no oat milk offer"),
         "L-04": (B, "required_absent", "no stamp card line"),
         "L-05": (B, "required_absent", "staff never gave the 5-minute line")}),
    O("C-03", "store-sh", "2026-09-09 16:20", "Chen Jing", "退款", "zh-hans",
      "下午来退一杯做错的咖啡：我点的是冰美式，给成了热美式。店员说“欢迎光临港湾咖啡，今天想喝点什么？”，听完后说“错单我们会在48小时内退款”，"
      "当场在系统里提交了。第二天晚上才收到退款，大约30个小时。",
      m={"refund_time": "30 h"},
      P={"P-REFUND": (B, "measure_cell_unit;claim_quote", "refund after 30 h > 24 h; 48小时 is the (inconsistent) line, a claim")},
      S={}),
    O("C-04", "store-sh", "2026-09-12 10:05", "Wang Lei", "会员", "mixed",
      '''Came on a Saturday to redeem my free drink: my 集点卡 already had 10 stamps. Staff said “欢迎光临港湾咖啡，今天想喝点什么？” '''
      '''but told me 周末不能兑换, and 没给盖章 for today's latte either. The latte was ready in 3 minutes.''',
      P={"P-STAMP": (B, "breach_cue", "cue 没给盖章"),
         "P-WAIT": (K, "transcript_quantity", "ready in 3 minutes <= 5", "3 minutes")},
      S={"L-04": (B, "required_absent", "the stamp line was not said"),
         "L-05": (B, "required_absent", "the 3 minutes are the shopper's timing, staff never said the line")}),
    O("C-05", "store-sh", "2026-09-20 15:40", "Chen Jing", "点单", "zh-hans",
      "店员：“欢迎光临港湾咖啡，今天想喝点什么？”“要不要试试我们的季节限定拿铁？”我说要换燕麦奶，她说“任何饮品都可以免费换燕麦奶”，结账时燕麦奶确实没有加钱。"
      "她说集满十个印花就送一杯咖啡，顺手给我盖了章；又说饮品五分钟内就好，结果等了六分钟。",
      P={"P-OAT": (K, "subject_mentioned;negation_outside_cue;cue_partial_overlap", "燕麦奶…没有加钱 is not the cue 燕麦奶要加钱"),
         "P-STAMP": (K, "subject_mentioned;cue_partial_overlap", "给我盖了章 is not the cue 没给盖章"),
         "P-WAIT": (B, "transcript_quantity;zh_numeral;claim_quote", "等了六分钟 > 5; 五分钟 is a claim", "六分钟")},
      S={"L-04": (K, "zh_numeral", "十个 for 10个"),
         "L-05": (K, "zh_numeral;paraphrase", "reported as 饮品五分钟内就好")}),
    O("C-06", "store-sh", "2026-10-02 11:30", "Wang Lei", "点单", "zh-hans",
      "国庆第二天人很多。店员说“欢迎光临港湾咖啡，今天想喝点什么？”，推荐“十月会员南瓜拿铁立减20%”，我用会员码点了一杯，原价30元只减了3元。"
      "她说“您的饮品5分钟内就好”，4分钟就做好了。",
      m={"member_discount": "10%", "wait_time": "4"},
      P={"P-PSL": (B, "measure_cell_unit;claim_quote", "10% < 20% (the quoted 20% is the line)"),
         "P-WAIT": (K, "measure_cell_plain", "4 min <= 5")},
      S={"L-02": (B, "required_absent;single_shared_word", "only the PSL line, which shares 拿铁"),
         "L-03": (B, "required_absent", "no oat milk offer"),
         "L-04": (B, "required_absent", "no stamp card line")}),
    O("C-07", "store-sh", "2026-10-09 19:15", "Chen Jing", "投诉", "zh-hans",
      "晚上7点去投诉：冰美式里有一根头发。店员先说了“欢迎光临港湾咖啡，今天想喝点什么？”，听完却回了一句“这不归我管”，让我自己打热线。",
      S={"L-06": (B, "required_absent", "complaint visit: the refund line was not said"),
         "L-07": (B, "forbidden_said", "这不归我管")}),
    O("C-08", "store-sh", "2026-10-16 09:00", "Wang Lei", "点单", "mixed",
      '''Ordered at 9:00: 欢迎光临港湾咖啡，今天想喝点什么？ then 要不要试试我们的季节限定拿铁？ and 十月会员南瓜拿铁立减20%, '''
      '''plus 集满10个印花就送一杯咖啡. Nobody mentioned the milk options. 您的饮品5分钟内就好 - my cappuccino was ready in 5 min. '''
      '''I wanted to work there but the WiFi 连不上网 for the whole hour.''',
      P={"P-OAT": (N, "untested;single_shared_word", "'milk' alone is not the oat milk swap"),
         "P-STAMP": (K, "subject_mentioned;subject_via_script", "stamp line said"),
         "P-WAIT": (K, "transcript_quantity;boundary;claim_quote", "ready in 5 min = 5 (<= 5)", "5 min"),
         "P-WIFI": (B, "breach_cue", "cue 连不上网"),
         "P-PSL": (K, "subject_mentioned;subject_via_script;claim_quote", "PSL line said, 20% is a claim, no measurement")},
      S={"L-03": (B, "required_absent", "no oat milk offer")}),
    O("C-09", "store-sh", "2026-11-03 14:00", "Chen Jing", "点单", "zh-hans",
      "店员：“欢迎光临港湾咖啡，今天想喝点什么？”我问南瓜拿铁还有没有会员优惠，她说活动十月底就结束了。“要不要试试我们的季节限定拿铁？”——现在是栗子拿铁。"
      "她提醒“任何饮品都可以免费换燕麦奶”“集满10个印花就送一杯咖啡”，饮品3分钟出杯。",
      m={"wait_time": "3", "member_discount": "0"},
      P={"P-OAT": (K, "subject_mentioned;subject_via_script", "oat line said"),
         "P-STAMP": (K, "subject_mentioned;subject_via_script", "stamp line said"),
         "P-WAIT": (K, "measure_cell_plain", "3 min <= 5")},
      S={"L-05": (B, "required_absent", "the 5-minute line was not said")}),
    O("C-10", "store-sh", "2026-11-20 08:10", "Wang Lei", "点单", "zh-hans",
      "早上8点10分到店。“欢迎光临港湾咖啡，今天想喝点什么？”“要不要试试我们的季节限定拿铁？”我点了燕麦拿铁，店员说“任何饮品都可以免费换燕麦奶”，没有另收钱。"
      "“您的饮品5分钟内就好”，实际等了8分钟。",
      P={"P-OAT": (K, "subject_mentioned", "oat latte, no extra charge"),
         "P-WAIT": (B, "transcript_quantity;claim_quote", "等了8分钟 > 5", "8分钟")}),
    O("C-11", "store-sh", "2026-11-24 08:20", "Chen Jing", "点单", "zh-hans",
      "早上8点10分到店。“欢迎光临港湾咖啡，今天想喝点什么？”“要不要试试我们的季节限定拿铁？”我点了燕麦拿铁，店员说“任何饮品都可以免费换燕麦奶”，没有另收钱。"
      "“您的饮品5分钟内就好”，实际等了8分钟",
      P={"P-OAT": (K, "subject_mentioned", "oat latte, no extra charge"),
         "P-WAIT": (B, "transcript_quantity;claim_quote", "等了8分钟 > 5", "8分钟")}),
    O("C-12", "store-sh", "2026-09-27 12:40", "Chen Jing", "点单", "zh-hans",
      "“欢迎光临港湾咖啡，今天想喝点什么？”我问榛果拿铁有没有坚果过敏原，店员拿出过敏原信息卡给我看。她又问“要不要试试我们的季节限定拿铁？”，"
      "说“任何饮品都可以免费换燕麦奶”“集满10个印花就送一杯咖啡”“您的饮品5分钟内就好”。",
      m={"wait_time": "3 min"},
      P={"P-ALLERGEN": (K, "subject_mentioned", "allergen card shown"),
         "P-OAT": (K, "subject_mentioned;subject_via_script", "oat line said"),
         "P-STAMP": (K, "subject_mentioned;subject_via_script", "stamp line said"),
         "P-WAIT": (K, "measure_cell_unit", "3 min <= 5")}),

    # ------------------------------------------------------------------ Hong Kong store (Traditional, Cantonese)
    O("C-20", "store-hk", "2026-09-04 08:20", "Chan Ka Yan 陳嘉欣", "點單", "zh-hant",
      "朝早八點二十入去，店員話「歡迎光臨港灣咖啡！想飲啲咩？」，仲問「想唔想試下我哋嘅季節限定拿鐵？」。我要咗杯鮮奶咖啡轉燕麥奶，佢話「所有飲品都可以免費轉燕麥奶」，"
      "但埋單先話燕麥奶要加錢，加咗$5。佢提我「儲滿10個印花送一杯咖啡」同「店內有免費WiFi同充電位」，三分鐘就攞到杯咖啡。",
      m={"wait_time": "3"},
      P={"P-OAT": (B, "breach_cue;cue_simp_trad", "cue 燕麥奶要加錢 although the line says free"),
         "P-STAMP": (K, "subject_mentioned;subject_via_script;subject_simp_trad", "stamp line said"),
         "P-WAIT": (K, "measure_cell_plain", "3 min <= 5"),
         "P-WIFI": (K, "subject_mentioned;subject_via_script", "WiFi line said")}),
    O("C-21", "store-hk", "2026-09-11 15:30", "Lau Wing 劉穎", "點單", "zh-hant",
      "下晝三點半，排咗好長條隊。店員只係講「歡迎光臨港灣咖啡！想飲啲咩？」，落單之後等咗好耐，足足十五分鐘先有杯凍檸啡。",
      P={"P-WAIT": (B, "breach_cue;transcript_quantity;zh_numeral", "cue 等咗好耐 and 十五分鐘 > 5", "十五分鐘")},
      S={"L-11": (B, "required_absent", ""), "L-12": (B, "required_absent", ""),
         "L-13": (B, "required_absent", ""), "L-14": (B, "required_absent", "")}),
    O("C-22", "store-hk", "2026-09-18 12:10", "Chan Ka Yan 陳嘉欣", "退款", "zh-hant",
      "返去話朝早買嗰杯咖啡整錯咗，想退款。店員講「歡迎光臨港灣咖啡！想飲啲咩？」，聽完就話「唔關我哋事，你搵App客服啦」，總之唔肯退款。",
      P={"P-REFUND": (B, "breach_cue", "cue 唔肯退款")},
      S={"L-15": (B, "forbidden_said", "唔關我哋事")}),
    O("C-23", "store-hk", "2026-10-03 10:45", "Lau Wing 劉穎", "點單", "zh-hant",
      "「歡迎光臨港灣咖啡！想飲啲咩？」之後店員推介「十月會員南瓜拿鐵減15%」，我用會員App買咗一杯，真係減咗15%，唔係廣告講嘅20%。"
      "佢有講「想唔想試下我哋嘅季節限定拿鐵？」同「所有飲品都可以免費轉燕麥奶」，「儲滿10個印花送一杯咖啡」。等咗4分鐘。",
      m={"member_discount": "15%", "wait_time": "4"},
      P={"P-PSL": (B, "measure_cell_unit;claim_quote;subject_simp_trad", "15% < 20% (staff followed the inconsistent L-16)"),
         "P-WAIT": (K, "measure_cell_plain", "4 min <= 5"),
         "P-OAT": (K, "subject_mentioned;subject_via_script;subject_simp_trad", "oat line said (Traditional)"),
         "P-STAMP": (K, "subject_mentioned;subject_via_script", "stamp line said")},
      S={"L-14": (B, "required_absent", "no WiFi line")}),
    O("C-24", "store-hk", "2026-10-10 17:20", "Chan Ka Yan 陳嘉欣", "會員", "zh-hant",
      "攞住儲滿咗嘅印花卡去換免費咖啡。店員話「歡迎光臨港灣咖啡！想飲啲咩？」，再講「儲滿10個印花送一杯咖啡」，即刻幫我換咗，冇問題。坐低用WiFi都好快。",
      P={"P-STAMP": (K, "subject_mentioned", "free coffee redeemed"),
         "P-WIFI": (K, "subject_mentioned", "WiFi worked")}),
    O("C-25", "store-hk", "2026-10-24 13:00", "Lau Wing 劉穎", "點單", "mixed",
      '''Lunch time. 店員: 「歡迎光臨港灣咖啡！想飲啲咩？」 then 想唔想試下我哋嘅季節限定拿鐵？ I asked whether the hazelnut syrup '''
      '''has nut allergens - she showed me the 過敏原 chart. 所有飲品都可以免費轉燕麥奶, 儲滿10個印花送一杯咖啡, 店內有免費WiFi同充電位 - '''
      '''all said. Drink ready after 6 min.''',
      P={"P-ALLERGEN": (K, "subject_mentioned;subject_simp_trad", "allergen chart shown"),
         "P-OAT": (K, "subject_mentioned;subject_via_script", "oat line said"),
         "P-STAMP": (K, "subject_mentioned;subject_via_script", "stamp line said"),
         "P-WIFI": (K, "subject_mentioned;subject_via_script", "WiFi line said"),
         "P-WAIT": (B, "transcript_quantity;unit_variant", "ready after 6 min > 5", "6 min"),
         "P-PSL": (N, "untested;single_shared_word", "季節限定拿鐵 shares 拿鐵 only")},
      S={"L-16": (B, "required_absent", "October PSL line not said")}),
    O("C-26", "store-hk", "2026-11-07 09:40", "Zhou Min", "點單", "zh-hans",
      "早上九点四十到中环店。店员说“欢迎光临港湾咖啡！想饮啲咩？”，又问“想唔想试下我哋嘅季节限定拿铁？”，提醒“所有饮品都可以免费转燕麦奶”“储满10个印花送一杯咖啡”，"
      "还有“店内有免费WiFi同充电位”。饮品4分钟做好。",
      m={"wait_time": "4"},
      P={"P-OAT": (K, "subject_mentioned;subject_via_script", "oat line said"),
         "P-STAMP": (K, "subject_mentioned;subject_via_script", "stamp line said"),
         "P-WIFI": (K, "subject_mentioned;subject_via_script", "WiFi line said"),
         "P-WAIT": (K, "measure_cell_plain", "4 min <= 5")},
      S={"L-10": (K, "simp_trad", "Simplified record of a Traditional line"),
         "L-11": (K, "simp_trad", ""), "L-12": (K, "simp_trad", ""),
         "L-13": (K, "simp_trad", ""), "L-14": (K, "simp_trad", "")}),
    O("C-27", "store-hk", "2026-11-18 16:00", "Lau Wing 劉穎", "投訴", "zh-hant",
      "投訴：杯蓋冇蓋好，成杯咖啡倒瀉喺袋入面。店員話「歡迎光臨港灣咖啡！想飲啲咩？」，之後好有禮貌咁重新整過一杯俾我，仲即刻幫我退款。",
      P={"P-REFUND": (K, "subject_mentioned", "refunded on the spot, no quantity")}),
    O("C-28", "store-hk", "2026-09-25 19:30", "Chan Ka Yan 陳嘉欣", "點單", "zh-hant",
      "夜晚七點半。店員講「歡迎光臨港灣咖啡！想飲啲咩？」，我自己要求轉燕麥奶，佢照做，冇額外收費。其他乜都冇講，咖啡七分鐘先整好。",
      m={"wait_time": "7 min"},
      P={"P-OAT": (K, "subject_mentioned;subject_simp_trad", "only the Traditional 燕麥奶 names the subject"),
         "P-WAIT": (B, "measure_cell_unit", "7 min > 5")},
      S={"L-11": (B, "required_absent", ""),
         "L-12": (B, "required_absent;partial_overlap", "the shopper asked 轉燕麥奶; staff never said the line"),
         "L-13": (B, "required_absent", ""), "L-14": (B, "required_absent", "")}),

    # ------------------------------------------------------------------ Taipei store (Traditional)
    O("C-30", "store-tp", "2026-09-06 10:15", "Lin Yi-ting 林怡婷", "點單", "zh-hant",
      "早上十點十五分到信義店。店員說「歡迎光臨港灣咖啡，今天想喝什麼？」、「要不要試試我們的季節限定拿鐵？」，我點了燕麥拿鐵，"
      "她說「每款飲品都可以查詢過敏原資訊」、「集滿10點送一杯咖啡」、「您的飲品大約5分鐘就好」，結果4分鐘就拿到。",
      m={"wait_time": "4"},
      P={"P-OAT": (K, "subject_mentioned;subject_simp_trad", "燕麥拿鐵 ordered, nothing charged"),
         "P-STAMP": (K, "subject_mentioned;subject_via_script", "stamp (points) line said"),
         "P-WAIT": (K, "measure_cell_plain", "4 min <= 5"),
         "P-ALLERGEN": (K, "subject_mentioned;subject_via_script;subject_simp_trad", "allergen line said")}),
    O("C-31", "store-tp", "2026/9/14 16:45", "Huang Chih-wei 黃志偉", "退款", "zh-hant",
      "拿鐵灑出來一半，回店裡要求退款。店員說「歡迎光臨港灣咖啡，今天想喝什麼？」，然後說「錯單或灑出，我們會在24小時內退款」。退款隔了兩天才到帳。",
      P={"P-REFUND": (B, "transcript_quantity;zh_numeral;claim_quote", "退款…兩天 = 48 h > 24 h; 24小時 is a claim", "兩天")}),
    O("C-32", "store-tp", "2026-09-22 13:30", "Lin Yi-ting 林怡婷", "點單", "zh-hant",
      "中午人很多。店員只說「歡迎光臨港灣咖啡，今天想喝什麼？」。我拿出集點卡，她說今天系統壞了，沒有蓋章；我抱怨的時候她說「這不是我們的問題」。飲品等了9分鐘。",
      P={"P-STAMP": (B, "breach_cue;negation_inside_cue", "cue 沒有蓋章"),
         "P-WAIT": (B, "transcript_quantity", "等了9分鐘 > 5", "9分鐘")},
      S={"L-21": (B, "required_absent", ""),
         "L-22": (B, "required_absent;single_shared_word", "集點卡 is the shopper's word"),
         "L-23": (B, "required_absent", ""), "L-25": (B, "required_absent", ""),
         "L-26": (B, "forbidden_said", "這不是我們的問題")}),
    O("C-33", "store-tp", "2026-10-05 11:00", "Huang Chih-wei 黃志偉", "點單", "zh-hant",
      "店員說「歡迎光臨港灣咖啡，今天想喝什麼？」，推薦「十月會員南瓜拿鐵立減20%」，我用會員點了一杯，結帳確實便宜了20%。"
      "她也說「要不要試試我們的季節限定拿鐵？」「集滿10點送一杯咖啡」「每款飲品都可以查詢過敏原資訊」「您的飲品大約5分鐘就好」，3分鐘就好了。",
      m={"member_discount": "20", "wait_time": "3"},
      P={"P-PSL": (K, "measure_cell_plain;boundary", "20% >= 20%"),
         "P-STAMP": (K, "subject_mentioned;subject_via_script", ""),
         "P-ALLERGEN": (K, "subject_mentioned;subject_via_script;subject_simp_trad", ""),
         "P-WAIT": (K, "measure_cell_plain", "3 min <= 5")}),
    O("C-34", "store-tp", "2026年10月12日 15:10", "Lin Yi-ting 林怡婷", "會員", "zh-hant",
      "來用集點卡兌換免費咖啡。店員說「歡迎光臨港灣咖啡，今天想喝什麼？」，提醒「集滿10點送一杯咖啡」，馬上幫我兌換。座位旁邊的充電插座都可以用，我坐了一個小時。",
      P={"P-STAMP": (K, "subject_mentioned", "free coffee redeemed"),
         "P-WIFI": (K, "subject_mentioned;subject_simp_trad", "充電插座 worked"),
         "P-WAIT": (N, "untested;quantity_not_metric", "一個小時 is how long I sat, not a wait")},
      S={"L-23": (B, "required_absent", "loyalty visit: the 5-minute line was not said")}),
    O("C-35", "store-tp", "2026-10-19 18:40", "Huang Chih-wei 黃志偉", "投訴", "zh-hant",
      "投訴：我說過堅果過敏，店員卻說沒有過敏原資訊可以查，結果榛果糖漿還是加進去了。店員說「歡迎光臨港灣咖啡，今天想喝什麼？」，"
      "最後說「錯單或灑出，我們會在24小時內退款」，當晚就退款了。",
      P={"P-ALLERGEN": (B, "breach_cue;cue_simp_trad", "cue 沒有過敏原資訊"),
         "P-REFUND": (K, "subject_mentioned;claim_quote", "refunded the same evening, no number")}),
    O("C-36", "store-tp", "2026-11-08 09:20", "Lin Yi-ting 林怡婷", "點單", "mixed",
      '''Ordered at 9:20. 店員: 「歡迎光臨港灣咖啡，今天想喝什麼？」「要不要試試我們的季節限定拿鐵？」 She mentioned 每款飲品都可以查詢過敏原資訊 '''
      '''and 集滿10點送一杯咖啡. 您的飲品大約5分鐘就好 - it actually took 11 minutes to be ready.''',
      P={"P-WAIT": (B, "transcript_quantity;claim_quote", "11 minutes > 5", "11 minutes"),
         "P-ALLERGEN": (K, "subject_mentioned;subject_via_script", ""),
         "P-STAMP": (K, "subject_mentioned;subject_via_script", "")}),
    O("C-37", "store-tp", "2026-11-22 14:00", "Huang Chih-wei 黃志偉", "點單", "zh-hant",
      "下午兩點。店員說「歡迎光臨港灣咖啡，今天想喝什麼？」「要不要試試我們的季節限定拿鐵？」「每款飲品都可以查詢過敏原資訊」。今天有免費試喝，咖啡3分鐘就好了。",
      m={"wait_time": "3"},
      P={"P-OAT": (N, "untested;single_shared_word", "免費 (free) is the only shared word"),
         "P-WIFI": (N, "untested;single_shared_word", "免費 (free) is the only shared word"),
         "P-WAIT": (K, "measure_cell_plain", "3 min <= 5"),
         "P-ALLERGEN": (K, "subject_mentioned;subject_via_script", "")},
      S={"L-23": (B, "required_absent", "")}),
    O("C-38", "store-tp", "2026-09-29 20:10", "Lin Yi-ting 林怡婷", "點單", "zh-hant",
      "晚上八點。店員說「歡迎光臨港灣咖啡，今天想喝什麼？」，又問「要不要試試我們的季節限定拿鐵？」。我點了熱美式，店員提醒「集滿10點送一杯咖啡」、"
      "「每款飲品都可以查詢過敏原資訊」，也說「您的飲品大約5分鐘就好」，等了大約4分鐘。",
      P={"P-STAMP": (K, "subject_mentioned;subject_via_script", ""),
         "P-ALLERGEN": (K, "subject_mentioned;subject_via_script", ""),
         "P-WAIT": (K, "transcript_quantity", "等了大約4分鐘 <= 5", "4分鐘")}),
    O("C-39", "store-tp", "2026-10-06 20:05", "Lin Yi-ting 林怡婷", "點單", "zh-hant",
      "晚上八點。店員說「歡迎光臨港灣咖啡，今天想喝什麼？」，又問「要不要試試我們的季節限定拿鐵？」。我點了熱美式，店員提醒「集滿10點送一杯咖啡」、"
      "「每款飲品都可以查詢過敏原資訊」，也說「您的飲品大約5分鐘就好」， 等了大約４分鐘。",
      P={"P-STAMP": (K, "subject_mentioned;subject_via_script", ""),
         "P-ALLERGEN": (K, "subject_mentioned;subject_via_script", ""),
         "P-WAIT": (K, "transcript_quantity;case_width_punct", "等了大約４分鐘 (full width) <= 5", "4分鐘")},
      S={"L-27": (B, "required_absent", "October PSL line not said (the copied text predates October)")}),

    # ------------------------------------------------------------------ Singapore store (English)
    O("C-40", "store-sg", "2026-09-03 08:05", "Priya Nair", "order", "en",
      '''8:05 at Raffles Place. "Welcome to Harbour Bean! What can I get started for you?" Barista asked "Would you like to try our '''
      '''seasonal latte?" and said "Any drink can be made with oat milk at no extra charge." She added "Every tenth coffee is free '''
      '''with your stamp card", "Free Wi-Fi and charging points at every table" and "Your drink will be ready in five minutes." - '''
      '''it was ready in 4 minutes.''',
      P={"P-OAT": (K, "subject_mentioned;subject_via_script", ""),
         "P-STAMP": (K, "subject_mentioned;subject_via_script", ""),
         "P-WIFI": (K, "subject_mentioned;subject_via_script", ""),
         "P-WAIT": (K, "transcript_quantity;claim_quote", "ready in 4 minutes; 'five minutes' is the line", "4 minutes")}),
    O("C-41", "store-sg", "2026-09-10 12:30", "Marcus Tan", "order", "en",
      '''Lunch queue. Greeting was "Welcome to Harbour Bean! What can I get started for you?" I asked for an oat milk flat white '''
      '''and was charged for oat milk, S$0.80 extra. Drink was ready after 7 mins.''',
      P={"P-OAT": (B, "breach_cue", "cue 'charged for oat milk'"),
         "P-WAIT": (B, "transcript_quantity;unit_variant", "7 mins > 5", "7 mins")},
      S={"L-31": (B, "required_absent", ""), "L-32": (B, "required_absent;single_shared_word", "only the shopper says oat milk"),
         "L-33": (B, "required_absent", ""), "L-34": (B, "required_absent;single_shared_word", "'ready' is the shopper's"),
         "L-35": (B, "required_absent", "")}),
    O("C-42", "store-sg", "2026-09-17 15:00", "Priya Nair", "refund", "en",
      '''Came back because my iced latte was made with full-fat milk instead of skim. "Welcome to Harbour Bean! What can I get '''
      '''started for you?" then the supervisor said "Sorry about that, we'll refund you within 24 hours." The refund reached my '''
      '''card 5 hours later.''',
      P={"P-REFUND": (K, "transcript_quantity", "refund after 5 hours <= 24 h", "5 hours"),
         "P-OAT": (N, "untested;single_shared_word", "'milk' alone is not the oat milk swap")},
      S={"L-36": (K, "synonym;unit_conversion", "'within 24 hours' for 'within a day'")}),
    O("C-43", "store-sg", "2026-09-24 18:20", "Marcus Tan", "complaint", "en",
      '''Evening visit: the Wi-Fi was down, so I complained at the counter. After "Welcome to Harbour Bean! What can I get started '''
      '''for you?" the staff member just said "That's not my job." and walked off.''',
      P={"P-WIFI": (B, "breach_cue;case_width_punct", "cue 'wifi was down' written Wi-Fi")},
      S={"L-36": (B, "required_absent", "complaint visit: no apology/refund line"),
         "L-37": (B, "forbidden_said", "That's not my job.")}),
    O("C-44", "store-sg", "2026-10-01 09:10", "Priya Nair", "order", "en",
      '''"Welcome to Harbour Bean! What can I get started for you?" I asked about the Pumpkin Spice Latte member deal from the app '''
      '''and the barista rang it up at 20% off. She also asked "Would you like to try our seasonal latte?" even though I'd just '''
      '''ordered one. Drink ready in three minutes.''',
      m={"member_discount": "20%"},
      P={"P-PSL": (K, "measure_cell_unit;boundary;boundary_date", "20% >= 20% on the first day of the window"),
         "P-WAIT": (K, "transcript_quantity;en_number_word", "ready in three minutes <= 5", "3 minutes")},
      S={"L-32": (B, "required_absent", ""), "L-33": (B, "required_absent", ""),
         "L-34": (B, "required_absent;single_shared_word", "'ready' is the shopper's"), "L-35": (B, "required_absent", "")}),
    O("C-45", "store-sg", "2026-10-08 16:40", "Marcus Tan", "Loyalty", "en",
      '''Brought my full stamp card to redeem. "Welcome to Harbour Bean! What can I get started for you?" - the cashier said '''
      '''"Every 10th coffee is free with your stamp card" and gave me the free cappuccino. "Your drink will be ready in 5 minutes", '''
      '''and it was.''',
      P={"P-STAMP": (K, "subject_mentioned", "free cappuccino given"),
         "P-WAIT": (K, "subject_mentioned;claim_quote", "'ready in 5 minutes' is the line; no measurement")},
      S={"L-33": (K, "en_number_word", "'10th' for 'tenth'"),
         "L-34": (K, "en_number_word", "'5' for 'five'")}),
    O("C-46", "store-sg", "2026-10-15 13:15", "Priya Nair", "order", "mixed",
      '''Lunch. Auntie at the counter said "Welcome to Harbour Bean! What can I get started for you?" lah. I asked if the oat mlik '''
      '''swap is free - she said yes, 不用加钱. Kopi-style latte was ready in 4 min.''',
      P={"P-OAT": (K, "subject_mentioned;subject_typo", "'oat mlik' (typo) names the subject; no surcharge"),
         "P-WAIT": (K, "transcript_quantity", "ready in 4 min", "4 min"),
         "P-PSL": (N, "untested;single_shared_word", "'latte' alone is not the Pumpkin Spice Latte")},
      S={"L-31": (B, "required_absent;single_shared_word", "'latte' is the shopper's word"),
         "L-32": (B, "required_absent", "the shopper asked; staff only said yes"),
         "L-33": (B, "required_absent", ""), "L-34": (B, "required_absent", ""), "L-35": (B, "required_absent", "")}),
    O("C-47", "store-sg", "2026-10-22 10:00", "Marcus Tan", "order", "en",
      '''"Welcome to Harbour Bean! What can I get started for you?" I ordered the Pumpkin Spice Latte with my member QR code but got '''
      '''no member discount - full price S$7.20. "Would you like to try our seasonal latte?", "Any drink can be made with oat milk at '''
      '''no extra charge.", "Every tenth coffee is free with your stamp card." and "Free Wi-Fi and charging points at every table." '''
      '''were all said. "Your drink will be ready in five minutes." - ready in 5 minutes exactly.''',
      P={"P-PSL": (B, "breach_cue;negation_inside_cue", "cue 'no member discount'"),
         "P-OAT": (K, "subject_mentioned;subject_via_script", ""),
         "P-STAMP": (K, "subject_mentioned;subject_via_script", ""),
         "P-WIFI": (K, "subject_mentioned;subject_via_script", ""),
         "P-WAIT": (K, "transcript_quantity;boundary", "5 minutes = 5 (<= 5)", "5 minutes")}),
    O("C-48", "store-sg", "2026-11-12 19:00", "Priya Nair", "order", "en",
      '''7pm visit. "Welcome to Harbour Bean! What can I get started for you?" followed by "Would you like to try our seasonal '''
      '''latte?" I ordered a mocha; staff said "Any drink can be made with oat milk at no extra charge." and "Every tenth coffee '''
      '''is free with your stamp card." The mocha was ready in 6 minutes.''',
      P={"P-OAT": (K, "subject_mentioned;subject_via_script", ""),
         "P-STAMP": (K, "subject_mentioned;subject_via_script", "stamp card still valid (until 2026-11-15)"),
         "P-WAIT": (B, "transcript_quantity", "ready in 6 minutes > 5", "6 minutes")},
      S={"L-34": (B, "required_absent;single_shared_word", "'ready' is the shopper's"),
         "L-35": (B, "required_absent", "")}),
    O("C-49", "store-sg", "2026-11-26 19:05", "Marcus Tan", "order", "en",
      '''7PM visit. "Welcome to Harbour Bean! What can I get started for you?" followed by "Would you like to try our seasonal '''
      '''latte?" I ordered a mocha; staff said "Any drink can be made with oat milk at no extra charge." and "Every tenth coffee '''
      '''is free with your stamp card." The mocha was ready in 6 minutes.''',
      P={"P-OAT": (K, "subject_mentioned;subject_via_script", ""),
         "P-WAIT": (B, "transcript_quantity", "ready in 6 minutes > 5", "6 minutes")},
      S={"L-34": (B, "required_absent;single_shared_word", "'ready' is the shopper's"),
         "L-35": (B, "required_absent", "")}),
    O("C-50", "store-sg", "2026-11-29 11:00", "Marcus Tan", "", "en",
      '''Weekend brunch. "Welcome to Harbour Bean! What can I get started for you?" I asked which drinks contain nuts and the '''
      '''barista handed me the allergen card. Drink ready in 2 min.''',
      P={"P-ALLERGEN": (K, "subject_mentioned", "allergen card handed over"),
         "P-WAIT": (K, "transcript_quantity", "ready in 2 min", "2 min")}),

    # ------------------------------------------------------------------ App
    O("C-60", "app", "2026-09-02 12:00", "Sophie Wright", "delivery", "en",
      '''Ordered two lattes for delivery at 12:00. Checkout banner: "Delivered in 45 minutes or your order is free". Menu said '''
      '''"燕麦奶免费换，任何饮品都可以" and "Tap the info icon to see allergen information". Delivered at 12:26.''',
      m={"delivery_time": "26 min"},
      P={"P-DELIV": (K, "measure_cell_unit;claim_quote", "26 min <= 30; the 45 minutes is the (inconsistent) banner"),
         "P-OAT": (K, "subject_mentioned;subject_via_script", "menu line quoted although the order lines are out of scope"),
         "P-ALLERGEN": (K, "subject_mentioned;subject_via_script", "menu line quoted")}),
    O("C-61", "app", "2026-09-08 18:30", "Zhou Min", "外送", "mixed",
      "晚上6点半用App点了外送，页面写着Delivered in 45 minutes or your order is free。结果外送迟到，七点四十五才送达，一个多小时，也没有免单。",
      m={"delivery_time": "75"},
      P={"P-DELIV": (B, "measure_cell_plain;breach_cue", "75 min > 30; cue 外送迟到")}),
    O("C-62", "app", "2026-09-15 08:00", "Sophie Wright", "order", "en",
      '''Placed a pickup order in the app at 8:00. The menu shows "燕麦奶免费换，任何饮品都可以" and I swapped to oat milk at no cost. '''
      '''"Tap the info icon to see allergen information" was on every drink.''',
      P={"P-OAT": (K, "subject_mentioned", "oat milk swapped for free"),
         "P-ALLERGEN": (K, "subject_mentioned;subject_via_script", "")}),
    O("C-63", "app", "2026-09-26 20:15", "Zhou Min", "退款", "zh-hans",
      "外送的拿铁洒了一半，在App里申请退款，帮助页写着“错单或洒漏，24小时内原路退款”。提交后第二天下午4点到账，大概20个小时。",
      m={"refund_time": "20 h"},
      P={"P-REFUND": (K, "measure_cell_unit;claim_quote", "20 h <= 24 h"),
         "P-DELIV": (N, "untested;translation_only", "外送 (delivery) is not the promise's own word; no delivery time")}),
    O("C-64", "app", "2026-10-03 15:00", "Sophie Wright", "order", "en",
      '''Opened the app at 3pm: "Members save 20% on the Pumpkin Spice Latte this October" was the top banner. Ordered one for '''
      '''pickup - the price dropped from S$7.00 to S$5.60, exactly 20%. The oat milk line "燕麦奶免费换，任何饮品都可以" is still on '''
      '''the menu.''',
      m={"member_discount": "20"},
      P={"P-PSL": (K, "measure_cell_plain;boundary", "20% >= 20%"),
         "P-OAT": (K, "subject_mentioned;subject_via_script", "")},
      S={"L-45": (B, "required_absent", "no allergen hint quoted")}),
    O("C-65", "app", "2026-10-11 10:20", "Zhou Min", "会员", "zh-hans",
      "在App里查看电子集点卡，显示“电子集点卡：第10杯咖啡免费”，我已经集满10个印花，可是兑换时提示“活动繁忙”，印花不能用。",
      P={"P-STAMP": (B, "breach_cue", "cue 印花不能用")}),
    O("C-66", "app", "2026-10-20 07:45", "Sophie Wright", "delivery", "en",
      '''Breakfast delivery ordered at 7:45. The app promises "Delivered in 45 minutes or your order is free" - the delivery took '''
      '''40 minutes, so inside the app's 45 but not the 30 the brand advertises.''',
      P={"P-DELIV": (B, "transcript_quantity;claim_quote", "delivery took 40 minutes > 30", "40 minutes")}),
    O("C-67", "app", "2026-10-27 21:00", "Zhou Min", "外送", "zh-hans", "",
      m={"delivery_time": "28"},
      P={"P-DELIV": (K, "measure_cell_plain;empty_transcript", "empty transcript, cell 28 min <= 30")}),
    O("C-68", "app", "2026-11-05 13:30", "Sophie Wright", "refund", "mixed",
      '''Requested a refund in the app on 5 Nov for a latte that never got made. Help page: "错单或洒漏，24小时内原路退款". '''
      '''Two weeks later the refund never arrived and the ticket is still open.''',
      P={"P-REFUND": (B, "breach_cue;negation_inside_cue;transcript_quantity;en_number_word", "cue 'refund never arrived'; two weeks > 24 h", "2 weeks")}),
    O("C-69", "app", "2026-11-19 09:00", "Zhou Min", "点单", "zh-hans",
      "早上9点用App下单自取。菜单写着“燕麦奶免费换，任何饮品都可以”，我换了燕麦奶，没有加钱。想查过敏源信息，饮品页面上没看到提示，最后在常见问题里找到了。",
      P={"P-OAT": (K, "subject_mentioned;cue_partial_overlap;negation_outside_cue", "燕麦奶，没有加钱 is not the cue 燕麦奶要加钱"),
         "P-ALLERGEN": (K, "subject_mentioned;subject_typo", "过敏源 (common typo for 过敏原); found in the FAQ")},
      S={"L-45": (B, "required_absent", "no allergen hint on the drink page")}),

    # ------------------------------------------------------------------ Web ordering
    O("C-70", "web", "2026-09-04 11:40", "Sophie Wright", "delivery", "en",
      '''Ordered three cold brews on harbourbean.com at 11:40 to my office. Banner: "Order online, delivered in 30 minutes." '''
      '''Delivered in 22 min.''',
      P={"P-DELIV": (K, "transcript_quantity;claim_quote", "delivered in 22 min <= 30", "22 min")}),
    O("C-71", "web", "2026-09-12 14:05", "Wang Lei", "complaint", "mixed",
      '''网站投诉表单写着“留下电话，我们2小时内给您回电”。I submitted at 14:05 about a cold latte; 客服 called back at 16:35.''',
      m={"callback_time": "两个半小时"},
      P={"P-CB2H": (B, "measure_cell_unit;zh_numeral;claim_quote", "两个半小时 = 150 min > 2 h")},
      S={"L-51": (B, "required_absent", "complaint visit: the refund line was not shown")}),
    O("C-72", "web", "2026-09-19 19:30", "Sophie Wright", "order", "en",
      '''Browsed the web menu at 19:30 and ordered for pickup. Every drink page says "Allergen information on every drink page." '''
      '''and the hazelnut latte listed nuts and milk. Header banner: "Order online, delivered in 30 minutes."''',
      P={"P-ALLERGEN": (K, "subject_mentioned", "allergens listed"),
         "P-DELIV": (K, "subject_mentioned;subject_via_script;claim_quote", "banner quoted, no delivery measured")}),
    O("C-73", "web", "2026-10-06 12:15", "Wang Lei", "refund", "mixed",
      "在官网申请退款：送来的是热拿铁，我点的是冰的。页面写着“Wrong or spilled order? Full refund within 24 hours.”，可是退款3天后才到账。",
      m={"refund_time": "3天"},
      P={"P-REFUND": (B, "measure_cell_unit;claim_quote", "3天 = 72 h > 24 h"),
         "P-DELIV": (N, "untested;single_shared_word", "送来 is not about delivery time")}),
    O("C-74", "web", "2026-10-18 20:00", "Sophie Wright", "delivery", "en",
      '''Ordered a latte and croissant online at 20:00 for delivery; the banner promised "Order online, delivered in 30 minutes." '''
      '''The order never arrived - at 21:15 I cancelled and got a refund within 10 minutes.''',
      P={"P-DELIV": (B, "breach_cue;negation_inside_cue", "cue 'order never arrived'"),
         "P-REFUND": (K, "transcript_quantity;unit_conversion", "refund within 10 minutes <= 24 h", "10 minutes")}),
    O("C-75", "web", "2026-11-02 10:30", "Wang Lei", "complaint", "mixed",
      "官网投诉页面写着“留下电话，我们2小时内给您回电”，也写着“Wrong or spilled order? Full refund within 24 hours.”。上午10点半提交了投诉（杯子漏水），"
      "中午12点客服回电，用了一个半小时。",
      m={"callback_time": "90 mins"},
      P={"P-CB2H": (K, "measure_cell_unit;unit_variant", "90 mins <= 2 h"),
         "P-REFUND": (K, "subject_mentioned;subject_via_script;claim_quote", "refund line quoted, nothing measured")}),
    O("C-76", "web", "2026-11-21 15:00", "Sophie Wright", "order", "en",
      '''Ordered a pickup on the website at 15:00. Before ordering I called the store to ask whether the hazelnut syrup contains '''
      '''nuts; the drink page itself says "Allergen information on every drink page."''',
      P={"P-ALLERGEN": (K, "subject_mentioned;subject_via_script", ""),
         "P-CB2H": (N, "untested;single_shared_word", "'called' is not a call back")},
      S={"L-50": (B, "required_absent;single_shared_word", "'order' is the only shared word")}),

    # ------------------------------------------------------------------ Delivery hotline (Simplified)
    O("C-80", "hotline", "2026-09-03 12:20", "Zhou Min", "外送", "zh-hans",
      "中午12点20分打外送热线，响了两声就接通：“您好，港湾咖啡外送热线，我是真人客服”。点了两杯美式，客服说“外送30分钟内送达”，结果25分钟送达。",
      m={"answer_wait": "1"},
      P={"P-LIVE": (K, "measure_cell_plain", "answered in 1 min <= 2"),
         "P-DELIV": (K, "transcript_quantity;claim_quote", "25分钟送达 <= 30", "25分钟"),
         "P-CB2H": (N, "untested;single_shared_word", "打…热线 is a call, not a call back")}),
    O("C-81", "hotline", "2026-09-09 22:30", "Chen Jing", "外送", "zh-hans",
      "晚上10点半打外送热线，只有机器人语音，说“请稍后再拨”，转人工也没人接。",
      P={"P-LIVE": (B, "breach_cue;negation_inside_cue", "cue 机器人; 没人接"),
         "P-DELIV": (N, "untested;translation_only", "外送热线 is the hotline's name; 外送 is not the promise's word and no delivery time is given")},
      S={"L-60": (B, "required_absent", ""), "L-61": (B, "required_absent", "")}),
    O("C-82", "hotline", "2026-09-16 15:00", "Wang Lei", "投诉", "zh-hans",
      "下午3点打热线投诉外送的咖啡漏了一袋。客服说“您好，港湾咖啡外送热线，我是真人客服”，记录后说“我们会在两小时内给您回电”，结果过了两个半小时才回电。",
      P={"P-CB2H": (B, "transcript_quantity;zh_numeral;claim_quote", "两个半小时 > 2 h; 两小时 is the line", "两个半小时"),
         "P-LIVE": (K, "subject_mentioned;subject_via_script", "real person greeting"),
         "P-DELIV": (N, "untested;translation_only", "外送 names the order; no delivery time")}),
    O("C-83", "hotline", "2026-09-23 19:10", "Chen Jing", "退款", "zh-hans",
      "打热线要退款，外送少送了一杯。客服说“您好，港湾咖啡外送热线，我是真人客服”，然后说“退款会在3个工作日内到账”，问什么时候能处理只说“我们会尽快处理”。",
      P={"P-REFUND": (K, "subject_mentioned;claim_quote", "3个工作日 is the (inconsistent) line, not a measurement"),
         "P-LIVE": (K, "subject_mentioned;subject_via_script", ""),
         "P-DELIV": (N, "untested;single_shared_word", "少送了一杯 is not a delivery time")},
      S={"L-62": (B, "required_absent", "refund visit: no call-back line"),
         "L-64": (B, "forbidden_said", "我们会尽快处理")}),
    O("C-84", "hotline", "2026-10-04 08:30", "Zhou Min", "点单", "zh-hans",
      "早上8点半打电话点单，是真人接的，不是机器人：“您好，港湾咖啡外送热线，我是真人客服”。我问榛果拿铁的过敏原，客服说含坚果和牛奶。她说外送30分钟内送达。",
      m={"answer_wait": "1.5"},
      P={"P-LIVE": (K, "measure_cell_plain;negation_outside_cue", "1.5 min <= 2; 不是机器人 is no breach"),
         "P-ALLERGEN": (K, "subject_mentioned", "allergens answered"),
         "P-DELIV": (K, "subject_mentioned;subject_via_script;claim_quote", "line quoted, nothing measured"),
         "P-CB2H": (N, "untested;single_shared_word", "打电话 is not a call back")}),
    O("C-85", "hotline", "2026-10-14 13:00", "Wang Lei", "外送", "zh-hans",
      "语音转写：您好港湾咖啡外送热线我是真人客副。外送三十分钟内送到。实际外送用了半小时。",
      m={"delivery_time": "半小时"},
      P={"P-DELIV": (K, "measure_cell_unit;zh_numeral;boundary", "半小时 = 30 min <= 30"),
         "P-LIVE": (K, "subject_mentioned;typo_stt", "真人客副 (speech-to-text) still names 真人")},
      S={"L-60": (K, "typo_stt;no_spaces", "客副 for 客服, no punctuation"),
         "L-61": (K, "zh_numeral;synonym;typo_stt", "三十 for 30, 送到 for 送达")}),
    O("C-86", "hotline", "2026-10-29 21:40", "Chen Jing", "投诉", "zh-hans",
      "晚上9点40分打热线，等了4分钟才接通。客服说“您好，港湾咖啡外送热线，我是真人客服”，听我投诉后说“我们会在两小时内给您回电”，到第二天都没有回电。",
      m={"answer_wait": "4 min"},
      P={"P-LIVE": (B, "measure_cell_unit", "4 min > 2"),
         "P-CB2H": (B, "breach_cue;negation_inside_cue", "cue 没有回电"),
         "P-DELIV": (N, "untested;translation_only", "外送热线 is the hotline's name; 外送 is not the promise's word and no delivery time is given")}),
    O("C-87", "hotline", "2026-11-16 10:10", "Zhou Min", "delivery", "zh-hans",
      "上午10点10分打电话点外送，对方只说了“喂，你好”。她说外送30分钟内送达，实际40分钟才送达，没有免单。",
      m={"answer_wait": "0.5", "delivery_time": "40"},
      P={"P-LIVE": (K, "measure_cell_plain", "0.5 min <= 2"),
         "P-DELIV": (B, "measure_cell_plain;claim_quote", "40 min > 30"),
         "P-CB2H": (N, "untested;single_shared_word", "打电话 is not a call back")},
      S={"L-60": (B, "required_absent;single_shared_word", "only 你好")}),
    O("C-88", "hotline", "2026-11-28 23:30", "Chen Jing", "外送", "zh-hans",
      "深夜11点半打外送热线，听到的是机器仁语音：“您好，请按1”，一直等不到真人。",
      P={"P-LIVE": (R, "breach_cue;cue_fuzzy_typo;typo_stt", "机器仁 is speech-to-text for the cue 机器人"),
         "P-DELIV": (N, "untested;translation_only", "外送热线 is the hotline's name; 外送 is not the promise's word and no delivery time is given")},
      S={"L-60": (B, "required_absent;single_shared_word", "only 您好"), "L-61": (B, "required_absent", "")}),

    # ------------------------------------------------------------------ Chat
    O("C-90", "chat", "2026-09-05 09:30", "Sophie Wright", "refund", "mixed",
      '''In-app chat at 09:30: "Hi, you're chatting with a real person at Harbour Bean." First reply after 40 seconds. Asked for a '''
      '''refund for a spilled mocha; agent wrote "错单洒漏的退款24小时内到账" and the money was back 3 hours later.''',
      m={"answer_wait": "0.7", "refund_time": "3 h"},
      P={"P-LIVE": (K, "measure_cell_plain", "0.7 min <= 2"),
         "P-REFUND": (K, "measure_cell_unit;claim_quote", "3 h <= 24 h")}),
    O("C-91", "chat", "2026-09-13 23:10", "Zhou Min", "投诉", "zh-hans",
      "晚上11点开在线客服投诉外送少了一杯，回复我的是智能客服，只会发链接，输入“人工”也没用。",
      P={"P-LIVE": (B, "breach_cue;cue_synonym", "cue 智能客服")},
      S={"L-70": (B, "required_absent", ""), "L-71": (B, "required_absent", ""), "L-72": (B, "required_absent", "")}),
    O("C-92", "chat", "2026-09-20 14:00", "Sophie Wright", "complaint", "en",
      '''Complained in chat that my cup leaked. "Hi, you're chatting with a real person at Harbour Bean." The agent first replied '''
      '''"That's not my problem.", then after I insisted: "We'll call you back within four hours." They called back after 1.5 h.''',
      m={"callback_time": "1.5 h"},
      P={"P-CB2H": (K, "measure_cell_unit;claim_quote;unit_conversion", "1.5 h <= 2 h; four hours is the (inconsistent) line"),
         "P-LIVE": (K, "subject_mentioned;subject_via_script", "real person greeting")},
      S={"L-72": (B, "required_absent", "complaint visit: refund line not said"),
         "L-73": (B, "forbidden_said", "That's not my problem.")}),
    O("C-93", "chat", "2026-10-02 10:10", "Chen Jing", "退款", "mixed",
      "在线客服：“Hi, you're chatting with a real person at Harbour Bean.” 我申请错单退款，客服说“错单洒漏的退款24小时内到账”，结果两天后才到账。",
      m={"refund_time": "2 days"},
      P={"P-REFUND": (B, "measure_cell_unit;unit_conversion;claim_quote", "2 days > 24 h"),
         "P-LIVE": (K, "subject_mentioned;subject_via_script", "")}),
    O("C-94", "chat", "2026-10-16 16:30", "Sophie Wright", "loyalty", "en",
      '''Asked in chat why my digital stamps were missing. "Hi, your chatting with a real persn at Harbour Bean." - and it was a '''
      '''real person, not a bot. She restored the stamps within a few minutes.''',
      P={"P-LIVE": (K, "subject_mentioned;negation_outside_cue", "'not a bot' is no breach")},
      S={"L-70": (K, "typo_stt", "'your chatting … persn'")},
      NA={"P-STAMP": "stamps are discussed, but P-STAMP does not apply to chat"}),
    O("C-95", "chat", "2026-10-25 20:45", "Zhou Min", "投诉", "mixed",
      "投诉：外送来的拿铁是冷的。客服：“Hi, you're chatting with a real person at Harbour Bean.”，说“We'll call you back within four hours.”，但是 never rang back.",
      P={"P-CB2H": (B, "breach_cue;negation_inside_cue", "cue 'never rang back'"),
         "P-LIVE": (K, "subject_mentioned;subject_via_script", "")},
      S={"L-72": (B, "required_absent", "")}),
    O("C-96", "chat", "2026-11-06 11:00", "Chen Jing", "退款", "mixed",
      "在线客服排队5分钟才有人回复，开场白是“Hi, you're chatting with a real person at Harbour Bean.”。我说外送的咖啡洒了要退款，客服回复“错单洒漏的退款24小时内到账”，当天下午就到账了。",
      m={"answer_wait": "5"},
      P={"P-LIVE": (B, "measure_cell_plain", "5 min > 2"),
         "P-REFUND": (K, "subject_mentioned;claim_quote", "refunded the same afternoon, no number")}),
    O("C-97", "chat", "2026-11-25 18:00", "Sophie Wright", "refund", "en",
      '''Refund in chat for a double charge: "Hi, you're chatting with a real person at Harbour Bean." The agent replied within a '''
      '''minute and refunded the duplicate charge; it showed on my card within 30 min. She also explained the allergen list for '''
      '''the winter menu.''',
      m={"answer_wait": "1", "refund_time": "30 min"},
      P={"P-LIVE": (K, "measure_cell_plain", "1 min <= 2"),
         "P-REFUND": (K, "measure_cell_unit;unit_conversion", "30 min <= 24 h"),
         "P-ALLERGEN": (K, "subject_mentioned", "allergen list explained")},
      S={"L-72": (B, "required_absent", "refund line not said")}),
]

DUPLICATES = {
    ("C-10", "C-11"): ("duplicate_different_shopper;punctuation_only", "Wang Lei and Chen Jing, same text, only the final 。 differs"),
    ("C-38", "C-39"): ("duplicate_same_shopper_resubmitted;case_width_punct", "same shopper, two visits a week apart, one full-width digit and a space"),
    ("C-48", "C-49"): ("duplicate_different_shopper;case_width_punct", "Priya Nair and Marcus Tan, '7pm' vs '7PM'"),
}

if __name__ == "__main__":
    result = build(HERE, OBSERVATIONS, DUPLICATES)
    print(counts_markdown(result))
