#!/usr/bin/env python3
"""Harbourline Mobile (港线电讯 / 港線電訊) evaluation set.

    python benchmarks/eval_telecom/build.py          # regenerate the five CSV files and README blocks

Python 3.11, standard library only. Everything is written in this script: the project
(touchpoints, promises, script lines), the observations and the label for every
applicable (observation, target) pair. The build refuses to write anything when one of
its consistency assertions fails (see ``check_*`` below and README.md, "Consistency
checks"). The machinery (folding, quantity judging, the closed-world checks) is copied
from ../eval_airline/build.py; the data is new.
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
    ("web", "Website harbourline.example", "website", "online",
     "Plans, phones, number porting, roaming, cooling-off returns (EN / 简体 / 繁體)"),
    ("app", "Harbourline app", "app", "online", "Bills, bill disputes, roaming day pass, usage"),
    ("hotline", "Customer hotline +852 2100 8800 / 400-820-8800 / 0800-088-800", "phone",
     "Hong Kong contact centre", "Serves all three markets; IVR, then agents (Cantonese, Mandarin, English)"),
    ("chat", "Live chat (web, app, WhatsApp, WeChat, LINE)", "chat", "online",
     "WhatsApp (Hong Kong), WeChat (mainland), LINE (Taiwan)"),
    ("shop-hk", "Harbourline shop Mong Kok 旺角店", "store", "Hong Kong", "Cantonese and English"),
    ("shop-tpe", "Harbourline shop Xinyi 信義門市", "store", "Taipei", "Mandarin, Taiwanese usage (門市, 攜碼, 工本費)"),
    ("shop-sh", "Harbourline shop Nanjing West Road 南京西路营业厅", "store", "Shanghai", "Mandarin"),
]

SHOPS = "shop-hk;shop-tpe;shop-sh"

PROMISES = [
    dict(key="P-SIM",
         text="Lost or broken SIM? We replace it in store within 1 hour. 门店补卡1小时内完成。",
         touchpoints=SHOPS, dimension="responsiveness", metric="sim_replace", operator="<=", target="1", unit="h",
         breach_cues="come back tomorrow;out of SIM cards;no SIM in stock;明天再来;明天再來;没有卡了;沒有卡了;"
                     "聽日再嚟;听日再嚟;冇卡;要等几天;要等幾天",
         weight="4", valid_from="", valid_to="", source="Shop window poster 'One-hour SIM'"),
    dict(key="P-FREESWAP",
         text="SIM swap and SIM replacement are always free, physical SIM or eSIM. 换卡、补卡一律免费。",
         touchpoints=SHOPS, dimension="assurance", metric="", operator="", target="", unit="",
         breach_cues="SIM fee;replacement fee;swap fee;换卡费;換卡費;补卡费;補卡費;工本费;工本費;换卡手续费;補卡手續費",
         weight="3", valid_from="", valid_to="", source="Price list, footnote 1"),
    dict(key="P-HOTLINE",
         text="Call us and an agent answers within 3 minutes. 热线3分钟内人工接听。",
         touchpoints="hotline", dimension="responsiveness", metric="hotline_wait", operator="<=", target="3",
         unit="min",
         breach_cues="hung up on me;line was busy;gave up waiting;nobody picked up;一直占线;一直佔線;自动挂断;自動掛斷;"
                     "冇人聽;冇人接;没人接;沒人接",
         weight="4", valid_from="", valid_to="", source="Hotline service charter"),
    dict(key="P-HUMAN",
         text="Real people, 24/7, on the hotline and in live chat. 7×24小时真人客服。",
         touchpoints="hotline;chat", dimension="responsiveness", metric="", operator="", target="", unit="",
         breach_cues="only a bot;only the bot;no live agent;outside service hours;只有机器人;只有機器人;得個機械人;"
                     "人工客服已下班;人工客服下班了;非人工服务时间;非人工服務時間",
         weight="5", valid_from="", valid_to="", source="Brand campaign 'Always a person', 2026"),
    dict(key="P-DISPUTE",
         text="Bill disputes resolved within 5 working days. 账单争议5个工作日内解决。",
         touchpoints="hotline;chat;app", dimension="reliability", metric="dispute_days", operator="<=", target="5",
         unit="day",
         breach_cues="still not resolved;no one followed up;nobody followed up;还没处理;還沒處理;没人跟进;沒人跟進;"
                     "冇人跟進;仲未搞掂",
         weight="4", valid_from="", valid_to="", source="Customer charter §4 (unit: working days)"),
    dict(key="P-ROAM",
         text="Roam Easy: your first roaming day pass each month is free and roaming never costs more than the day "
              "pass, so no bill shock. 每月首个漫游日租免费，每日封顶，绝无天价账单。",
         touchpoints="web;app;hotline;chat", dimension="assurance", metric="", operator="", target="", unit="",
         breach_cues="bill shock;charged per MB;天价账单;天價帳單;按流量收费;按流量收費;收了日租费;收咗日租;多收漫游费;多收漫遊費",
         weight="4", valid_from="2026-10-01", valid_to="", source="Campaign 'Roam Easy', from 1 Oct 2026"),
    dict(key="P-PORT",
         text="Switch to us and keep your number: porting done within 1 day. 携号转网1天内完成。",
         touchpoints="web;hotline;" + SHOPS, dimension="reliability", metric="port_time", operator="<=", target="1",
         unit="day",
         breach_cues="port failed;port was rejected;number not transferred;携号转网失败;转网失败;攜碼失敗;轉台失敗",
         weight="3", valid_from="", valid_to="", source="Switch page"),
    dict(key="P-COOL",
         text="14-day cooling-off: return a new phone or cancel a new plan within 14 days for a full refund. "
              "14天冷静期，全额退款。",
         touchpoints="web;" + SHOPS, dimension="assurance", metric="", operator="", target="", unit="",
         breach_cues="restocking fee;refused the return;cannot return;不能退;不给退;不給退;唔可以退;唔畀退;折旧费;折舊費;拆封不退",
         weight="4", valid_from="", valid_to="", source="Terms of sale §9"),
]

ROAM_SC = "roaming;漫游;漫遊"
BILL_SC = "billing;账单;帳單;bill-dispute;账单争议;帳單爭議"
SIM_SC = "sim;sim-swap;补卡;補卡;换卡;換卡"
SALE_SC = "return;退货;退貨;退機;purchase;购机;購機;買機"

SCRIPTS = [
    # key, touchpoint, text, kind, step, promise, weight, valid_from, valid_to, scenarios
    ("S-WEB-1", "web", "Keep your number: porting is completed within 24 hours", "required", "switch page", "P-PORT",
     "3", "", "", ""),
    ("S-WEB-2", "web", "14-day cooling-off: return your new phone within 14 days for a full refund", "required",
     "checkout", "P-COOL", "3", "", "", ""),
    ("S-WEB-3", "web", "Offer ends at midnight tonight", "forbidden", "banner", "", "3", "", "", ""),
    ("S-APP-1", "app", "每月首个漫游日租免费", "required", "roaming page", "P-ROAM", "3", "2026-10-01", "", ROAM_SC),
    ("S-APP-2", "app", "Bill disputes are resolved within 5 working days", "required", "bill dispute", "P-DISPUTE",
     "3", "", "", BILL_SC),
    ("S-HL-1", "hotline", "港线电讯客户热线，您好", "required", "IVR greeting", "", "2", "", "", ""),
    ("S-HL-2", "hotline", "真人客服24小时为您服务", "required", "IVR", "P-HUMAN", "3", "", "", ""),
    ("S-HL-3", "hotline", "预计等候时间不超过五分钟", "required", "IVR queue", "P-HOTLINE", "3", "", "", ""),
    ("S-HL-4", "hotline", "这个不归我们管", "forbidden", "any", "", "4", "", "", ""),
    ("S-CH-1", "chat", "Live agents are online from 8 am to 10 pm daily", "required", "welcome", "P-HUMAN", "3",
     "", "", ""),
    ("S-CH-2", "chat", "请您自己去官网查", "forbidden", "any", "", "4", "", "", ""),
    ("S-HK-1", "shop-hk", "歡迎光臨港線電訊", "required", "greeting", "", "2", "", "", ""),
    ("S-HK-2", "shop-hk", "補卡一個鐘內搞掂", "required", "SIM desk", "P-SIM", "3", "", "", SIM_SC),
    ("S-HK-3", "shop-hk", "你自己睇合約啦", "forbidden", "any", "", "4", "", "", ""),
    ("S-TPE-1", "shop-tpe", "補卡、換卡都免收工本費", "required", "SIM desk", "P-FREESWAP", "3", "", "", ""),
    ("S-TPE-2", "shop-tpe", "這是公司規定，我也沒辦法", "forbidden", "any", "", "4", "", "", ""),
    ("S-SH-1", "shop-sh", "您好，港线电讯南京西路营业厅欢迎您", "required", "greeting", "", "2", "", "", ""),
    ("S-SH-2", "shop-sh", "七天无理由退货，请保留好包装", "required", "sale / return", "", "3", "", "", SALE_SC),
    ("S-SH-3", "shop-sh", "系统问题，我们也没办法", "forbidden", "any", "", "4", "", "", ""),
]

# The fixed scenario vocabulary (a visit's `scenario` cell takes one of these spellings).
SCENARIOS = {
    "sim": ["sim", "sim-swap", "补卡", "補卡", "换卡", "換卡"],
    "port": ["port", "number-port", "携号转网", "攜碼", "攜號轉台", "轉台"],
    "billing": ["billing", "账单", "帳單", "bill-dispute", "账单争议", "帳單爭議"],
    "roaming": ["roaming", "漫游", "漫遊"],
    "purchase": ["purchase", "购机", "購機", "買機"],
    "return": ["return", "退货", "退貨", "退機"],
    "enquiry": ["enquiry", "咨询", "諮詢", "查詢"],
    "complaint": ["complaint", "投诉", "投訴"],
}

MEASURE_COLUMNS = ["sim_replace", "hotline_wait", "dispute_days", "port_time"]

# Words of each promise's subject (English, Simplified; Traditional is folded to Simplified before
# matching). A promise labelled `none` (untested) must contain none of them; one labelled `kept`
# without a measurement must contain at least one (or the evidence it names).
SUBJECT = {
    "P-SIM": ["sim replacement", "replacement sim", "new sim", "replace my sim", "sim card", "sim dead", "esim",
              "补卡", "换卡", "新卡", "sim卡", "换成esim"],
    "P-FREESWAP": ["sim fee", "sim swap", "esim", "no charge", "free", "补卡", "换卡", "工本费", "补卡费", "换卡费",
                   "免费", "唔使钱", "冇收钱", "没收任何费用"],
    "P-HOTLINE": ["on hold", "picked up", "got through", "answered", "wait", "接听", "接通", "等了", "等咗", "冇人听",
                  "没人接", "占线"],
    "P-HUMAN": ["24/7", "24 hours", "around the clock", "real person", "a person", "agent", "human", "bot",
                "chatbot", "真人", "人工", "全天候", "7×24", "24小时", "机器人", "机械人", "智能客服"],
    "P-DISPUTE": ["dispute", "disputed", "double charge", "overcharged", "争议", "多扣", "重复扣", "扣了两次", "多收了一笔"],
    "P-ROAM": ["roaming", "day pass", "roam", "漫游", "日租", "天价", "封顶"],
    "P-PORT": ["port", "porting", "ported", "keep my number", "携号转网", "携码", "携号转台", "转台", "转网",
               "号码转"],
    "P-COOL": ["cooling-off", "return a phone", "returned a phone", "refund", "退货", "退机", "冷静期", "鉴赏期",
               "想退", "唔可以退", "不能退", "restocking"],
}

# Key fragments of each script line. A required line labelled `broken` (missing) and a forbidden
# line labelled `kept` (absent) by default must contain none of them after folding.
FRAGMENTS = {
    "S-WEB-1": ["keep your number", "completed within 24 hours"],
    "S-WEB-2": ["14-day cooling-off", "within 14 days for a full refund"],
    "S-WEB-3": ["offer ends", "ends at midnight", "midnight tonight"],
    "S-APP-1": ["首个漫游日租免费", "漫游日租免费"],
    "S-APP-2": ["bill disputes are resolved", "within 5 working days", "within five working days"],
    "S-HL-1": ["港线电讯客户热线", "客户热线您好"],
    "S-HL-2": ["真人客服24小时", "24小时为您服务"],
    "S-HL-3": ["等候时间不超过", "不超过五分钟", "不超过5分钟"],
    "S-HL-4": ["不归我们管", "唔关我哋事"],
    "S-CH-1": ["live agents are online", "8 am to 10 pm", "8am to 10 pm", "8am to 10pm"],
    "S-CH-2": ["自己去官网查", "去官网查"],
    "S-HK-1": ["欢迎光临港线电讯", "欢迎光临"],
    "S-HK-2": ["一个钟内搞掂", "补卡一个钟"],
    "S-HK-3": ["睇合约", "自己睇"],
    "S-TPE-1": ["免收工本费", "都免收"],
    "S-TPE-2": ["公司规定", "我也没办法"],
    "S-SH-1": ["南京西路营业厅欢迎您", "营业厅欢迎您"],
    "S-SH-2": ["七天无理由退货", "保留好包装"],
    "S-SH-3": ["我们也没办法", "我们也没有办法", "系统问题"],
}

# What each required line states, for the inconsistent_claim labels: (promise stated or "",
# quantity the line states, quantity of the promise, tags, note). Broken exactly when the line's
# quantity differs from the promise's, or from the quantity that a line of another touchpoint
# states for the same promise (SPEC §5: "than the promise or than another touchpoint's script").
LINE_CLAIMS = {
    "S-WEB-1": ("P-PORT", "1 day", "1 day", "same_quantity;unit_conversion", "24 hours = 1 day, as promised"),
    "S-WEB-2": ("P-COOL", "14 day", "14 day", "same_quantity;cross_touchpoint",
                "14 days, as promised, but the Shanghai shop's script says seven days"),
    "S-APP-1": ("P-ROAM", "first day pass free", "first day pass free", "same_quantity",
                "first day pass of the month free, as promised"),
    "S-APP-2": ("P-DISPUTE", "5 working days", "5 working days", "same_quantity", "5 working days, as promised"),
    "S-HL-1": ("", "", "", "no_claim", "IVR greeting, states no promise"),
    "S-HL-2": ("P-HUMAN", "24/7", "24/7", "same_quantity;synonym_24_7;cross_touchpoint",
               "真人客服24小时 = 24/7, as promised, but the chat script says 8 am to 10 pm"),
    "S-HL-3": ("P-HOTLINE", "5 min", "3 min", "different_quantity;zh_numeral", "五分钟 against the promised 3 minutes"),
    "S-CH-1": ("P-HUMAN", "08:00-22:00", "24/7", "service_hours", "agents 8 am to 10 pm against a 24/7 promise"),
    "S-HK-1": ("", "", "", "no_claim", "greeting, states no promise"),
    "S-HK-2": ("P-SIM", "1 h", "1 h", "same_quantity;cantonese_hour", "一個鐘 = 1 hour, as promised"),
    "S-TPE-1": ("P-FREESWAP", "free", "free", "same_quantity", "免收工本費 = free, as promised"),
    "S-SH-1": ("", "", "", "no_claim", "greeting, states no promise"),
    "S-SH-2": ("P-COOL", "7 day", "14 day", "different_quantity;unlinked_statement;zh_numeral",
               "七天无理由退货 states the cooling-off promise without a link, with 7 days against 14"),
}

# uncovered_promise: the required line of the touchpoint's script that states the promise, or None.
COVERAGE = {
    ("P-SIM", "shop-hk"): "S-HK-2",
    ("P-SIM", "shop-tpe"): None,
    ("P-SIM", "shop-sh"): None,
    ("P-FREESWAP", "shop-hk"): None,
    ("P-FREESWAP", "shop-tpe"): "S-TPE-1",
    ("P-FREESWAP", "shop-sh"): None,
    ("P-HOTLINE", "hotline"): "S-HL-3",
    ("P-HUMAN", "hotline"): "S-HL-2",
    ("P-HUMAN", "chat"): "S-CH-1",
    ("P-DISPUTE", "hotline"): None,
    ("P-DISPUTE", "chat"): None,
    ("P-DISPUTE", "app"): "S-APP-2",
    ("P-ROAM", "web"): None,
    ("P-ROAM", "app"): "S-APP-1",
    ("P-ROAM", "hotline"): None,
    ("P-ROAM", "chat"): None,
    ("P-PORT", "web"): "S-WEB-1",
    ("P-PORT", "hotline"): None,
    ("P-PORT", "shop-hk"): None,
    ("P-PORT", "shop-tpe"): None,
    ("P-PORT", "shop-sh"): None,
    ("P-COOL", "web"): "S-WEB-2",
    ("P-COOL", "shop-hk"): None,
    ("P-COOL", "shop-tpe"): None,
    ("P-COOL", "shop-sh"): "S-SH-2",
}

# =============================================================================== phenomena

TAGS = {
    # applicability
    "untested": "the visit never touches the promise's subject (no measurement, no cue, none of its words)",
    "validity_window": "the visit's date is outside the target's validity window (Roam Easy starts 1 Oct 2026)",
    "scenario_excluded": "the line lists scenarios and the visit's scenario is not one of them",
    "scenario_case": "the scenario differs from a listed spelling only by case or surrounding spaces",
    "empty_transcript": "the transcript is empty",
    "phrase_absent": "the line's words do not occur in the record (required: missing; forbidden: not said)",
    # measurements
    "measure_cell": "judged from a measure: cell",
    "transcript_quantity": "judged from a quantity written in the transcript",
    "zh_numeral": "Chinese numerals (兩, 四十, 四五, 五, 三)",
    "spoken_unit": "spoken units: 一个多钟头, 一个多星期",
    "hedge": "a hedge that keeps the value: about, almost, 大概, 差不多",
    "range": "an approximate range wholly on one side of the target: 四五分钟, 半個多小時",
    "en_number_word": "English number words: two, five",
    "bound": "a bound: under, not even, 唔夠, 不到, 超過, …多, 還沒; or 'still not done by' a date",
    "time_arithmetic": "the duration follows from clock times, dates or weekdays in the record",
    "days": "a duration in days",
    "working_days": "the promise counts working days; the record's dates give the same verdict in calendar days",
    "unit_conversion": "the value is in another unit than the promise (s vs min, h vs day, min vs h)",
    "cantonese_hour": "Cantonese 鐘 / 個鐘 = hour (個半鐘, 一個鐘)",
    "cantonese_quarter": "Cantonese 骨 = quarter hour (三個骨 = 45 min)",
    "spoken_time": "a relative time (第二朝, next morning) that bounds the duration",
    "quantity_not_metric": "a quantity of something else near the metric (people ahead, GB used, days abroad, the "
                           "queue before the port, 10 minutes to process a return, a day pass lasting 24 hours)",
    "claim_quote": "a quantity or benefit quoted as staff's, the IVR's or the site's claim, not a measurement",
    # cues
    "breach_cue": "a breach cue in the transcript, not negated",
    "cue_stt_homophone": "a cue garbled by speech-to-text or IME (公本費 for 工本費)",
    "cue_typo": "a cue with a typo (no live agnet)",
    "cue_cantonese": "a cue in Cantonese written forms (聽日再嚟, 唔可以退, 收咗日租, 冇人聽)",
    "cue_paraphrase": "a cue in other words (漫游被收了¥2,860, charged me for the first day pass too)",
    "negation_outside_cue": "a cue word negated from outside (冇收錢, no restocking fee, 不是機器人, 沒有天價帳單, 唔係機械人)",
    "negation_then_breach": "the fee first denied (the line said), then charged",
    "fee_zero": "the fee is shown as zero (HK$0)",
    "other_charge": "money paid for something else (a phone case, a plan): not a SIM fee",
    "shopper_question": "the cue or subject is in the shopper's own question",
    "expectation": "the cue is only in the shopper's expectation",
    "competitor": "the cue is about another operator",
    "another_occasion": "the cue is about another, earlier occasion",
    "near_subject": "a cue word about a neighbouring subject (明天再来 about porting, not a SIM)",
    "subject_mentioned": "no measurement and no cue, the visit speaks of the promise's subject: kept",
    "duration_not_24_7": "'24 hours' as the day pass's length, not 24/7",
    "resolved_on_the_spot": "a bot first, then a real person at once",
    # script lines
    "verbatim": "the line occurs as written",
    "near_verbatim": "the line occurs with a word dropped or spacing changed",
    "number_variant": "the line with its number written another way (5 for 五, five for 5)",
    "reworded_line": "the line reworded keeping its key words and quantity (補卡最多一個鐘)",
    "partial_key": "only the line's key clause is said (its tail dropped): said",
    "translated_summary": "the shopper's English summary of a Chinese line: in between",
    "traditional_variant": "the (Simplified) line written in Traditional characters",
    "simplified_variant": "the (Traditional) line written in Simplified characters",
    "punctuation_variant": "a punctuation variant (the 、 dropped, a ！ added)",
    "no_punctuation": "speech-to-text without punctuation",
    "negated_mention": "the line's words appear only as 'not shown / not said': missing",
    "reported_said": "the shopper reports that staff said the line",
    "forbidden_verbatim": "the forbidden line as written",
    "forbidden_inserted_word": "the forbidden line with a word inserted (睇清楚合約, 先去官网查, 没有办法)",
    "forbidden_near_verbatim": "the forbidden line with a word dropped (Offer ends midnight tonight)",
    "forbidden_reworded": "the forbidden line reworded in Cantonese (呢啲唔關我哋事)",
    # project level
    "no_claim": "the line states no promise",
    "same_quantity": "the line states the promise with the same quantity, perhaps in other words",
    "different_quantity": "the line states the promise with another quantity",
    "service_hours": "service hours against a 24/7 promise",
    "synonym_24_7": "24/7 in other words (真人客服24小时为您服务)",
    "cross_touchpoint": "agrees with the promise but another touchpoint's line states another quantity",
    "unlinked_statement": "the line states the promise by its text, without a promise link",
    "stated": "a required line of the touchpoint states the promise",
    "stated_wrong_quantity": "stated, though with another quantity (still covered)",
    "not_stated": "no line of the touchpoint's script states the promise",
    # duplicates
    "dup_exact": "the same transcript from two shoppers",
    "dup_script_variant": "a copy in the other Chinese script (Traditional -> Simplified)",
    "dup_short": "a short Chinese record (under 40 characters)",
    "near_pair": "a pair among the most similar that are not copies",
    "wildcard_promise": "the promise applies to every touchpoint (`*`)",
}

# =============================================================================== text folding

# Traditional -> Simplified, for the characters the set's texts use (the eval_airline table, itself
# from OpenCC t2s character by character, plus the characters this set adds; kept here so the build
# needs only the standard library).
T2S_PAIRS = ("來来係系個个們们價价優优內内兩两凍冻動动務务吳吴員员問问喎㖞國国圍围園园團团報报場场壓压夠够實实寫写"
             "寵宠將将專专對对帳帐帶带幫帮幾几廈厦廣广張张彈弹後后從从態态慶庆應应戶户揀拣換换損损搵揾據据數数於于時时"
             "晝昼會会東东棄弃樣样機机檯台櫃柜歡欢氣气沒没淨净滿满為为熱热禮礼節节範范簽签約约組组結结給给統统經经網网"
             "線线繫系續续聯联職职聽听處处號号補补裡里覆复親亲訂订計计訊讯記记訴诉詞词詠咏詢询試试話话該该語语誤误說说"
             "請请諮咨講讲識识讀读負负財财貨货責责貴贵費费賓宾購购趕赶蹤踪車车輪轮轉转辦办這这連连週周運运過过達达遲迟"
             "選选遺遗還还錄录錢钱錯错鐘钟長长開开間间陣阵陳陈隊队際际雲云電电頁页頂顶項项預预頭头題题額额飛飞飯饭驚惊"
             "體体鶴鹤麼么黃黄點点龍龙"
             "攜携碼码臨临遊游單单爭争議议門门鑑鉴舊旧掛挂斷断佔占讓让現现規规廳厅營营業业證证買买賣卖關关剛刚壞坏嗎吗"
             "邊边裏里驗验認认確确歸归筆笔郵邮簡简總总資资當当裝装貼贴庫库離离發发僅仅輸输護护產产賬账響响聲声興兴測测"
             "區区顧顾華华塊块鎖锁準准層层標标審审批批豁豁減减陸陆灣湾臺台傳传類类萬万億亿兒儿齊齐習习啟启撥拨絡络"
             "濕湿謝谢錶表麗丽黨党義义許许雅雅婷婷傑杰陽阳殼壳爾尔緊紧見见賞赏進进靜静顯显敗败舖铺")
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


BRAND_WORDS = {"app", "wechat", "whatsapp", "line", "hk", "hkd", "nt", "ntd", "sim", "esim", "harbourline",
               "gb", "mb", "qr", "ok", "ivr", "trip", "disney"}


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



# =============================================================================== the visits

OBSERVATIONS = [
    # ------------------------------------------------------------------ web
    O("T-01", "web", "2026-09-14 10:30", "D. Morgan", "port",
      "Checked the Switch page before moving from my current carrier. It says 'Keep your number: porting is completed "
      "within 24 hours'. Sent the port request at 14:20 on Saturday; the SMS said it would go through 'on the next "
      "working day', and my number only came across to Harbourline at 10:05 on Monday, almost two days later. A pop-up "
      "kept flashing 'Offer ends midnight tonight' on the plans page.",
      "3,2,3,3,3,4,5",
      L={"P-PORT": B("time_arithmetic;hedge;en_number_word;claim_quote", "Sat 14:20 to Mon 10:05, almost two days",
                     q=Q("almost two days later", (1.8, 2), "day")),
         "S-WEB-1": K("verbatim", "switch page shown as written",
                      ev="Keep your number: porting is completed within 24 hours"),
         "S-WEB-3": B("forbidden_near_verbatim", "the pressure banner with 'at' dropped",
                      ev="Offer ends midnight tonight")}),
    O("T-02", "web", "2026-10-08 21:40", "李静", "退货",
      "10月1日在官网买了一部手机，10月8日晚上在官网申请退货。结账页写着 14-day cooling-off: return your new phone within 14 "
      "days for a full refund。在线提交后收到邮件，说已拆封要扣15%折旧费，只退85%，也就是¥4,999只退¥4,249。",
      "3,2,3,2,2,2,6",
      L={"P-COOL": B("breach_cue;quantity_not_metric", "a 15% depreciation fee taken from a return on day 7 of 14",
                     ev="折旧费"),
         "S-WEB-2": K("verbatim", "checkout page shown as written",
                      ev="14-day cooling-off: return your new phone within 14 days for a full refund")}),
    O("T-03", "web", "2026-10-20 09:15", "Chan Ka Yan", "漫遊",
      "去東京前上官網睇漫遊，頁面寫住第一個漫遊日租唔使錢。我喺東京用咗五日，3.2GB，月結單第一日日租HK$0，之後四日每日HK$48封頂，"
      "冇額外收費。",
      "4,5,4,4,4,9,2",
      L={"P-ROAM": K("fee_zero;quantity_not_metric;claim_quote", "first day pass HK$0, then capped at HK$48 a day",
                     ev="第一日日租HK$0")}),
    O("T-04", "web", "2026-12-03 09:00", "Sophie Lam", "port",
      "Ported my HK number from my old operator on the website. The page promised 'Keep your number: porting is "
      "completed within 24 hours'. My old SIM stopped working on Tuesday around 11 am and the Harbourline SIM only came "
      "alive on Wednesday evening; no signal all day Wednesday at work.",
      "3,2,3,3,2,3,5", m={"port_time": "30 h"},
      L={"P-PORT": B("claim_quote;time_arithmetic;unit_conversion", "the cell says 30 hours: Tue 11:00 to Wed evening",
                     q=CELL),
         "S-WEB-1": K("verbatim", "switch page shown as written",
                      ev="Keep your number: porting is completed within 24 hours")}),
    # ------------------------------------------------------------------ app
    O("T-05", "app", "2026-09-24 18:00", "周凯", "账单争议",
      "在App里对8月账单提出争议：多扣了¥120增值业务费。9月20日（周日）提交，页面显示 Bill disputes are resolved within 5 "
      "working days。9月24日（周四）收到短信，说已退回¥120，争议处理完毕。",
      "4,4,4,4,4,8,3",
      L={"P-DISPUTE": K("time_arithmetic;days;working_days;claim_quote",
                        "Sun 20 to Thu 24 Sep: 4 days, 4 working days", q=Q("9月24日（周四）收到短信", 4, "day")),
         "S-APP-2": K("verbatim", "dispute page shown as written",
                      ev="Bill disputes are resolved within 5 working days")}),
    O("T-06", "app", "2026-10-05 08:10", "Kelvin Ho", "漫遊",
      "喺大阪用App開漫遊日租，App版面寫住「每月首個漫遊日租免費」，今個月第一次出門。點知第一日已經收咗日租HK$48，App用量頁都見到。",
      "3,2,3,2,2,3,5",
      L={"P-ROAM": B("breach_cue;cue_cantonese", "the month's first day pass was charged", ev="收咗日租"),
         "S-APP-1": K("traditional_variant", "banner shown, in Traditional characters", ev="每月首個漫遊日租免費")}),
    O("T-07", "app", "2026-10-26 22:05", "林美玲", "帳單爭議",
      "App 帳單爭議：9月份帳單多收了一筆加值服務費 NT$1,240，我從沒訂過。10/12（一）送出，App顯示 Bill disputes are resolved "
      "within 5 working days，到10/26（一）還沒處理，客服只說還在查。",
      "3,1,2,2,2,1,6",
      L={"P-DISPUTE": B("breach_cue;bound;time_arithmetic;working_days;claim_quote",
                        "Mon 12 to Mon 26 Oct, two weeks (10 working days), still not resolved", ev="還沒處理",
                        q=Q("到10/26（一）還沒處理", 14, "day", ">")),
         "S-APP-2": K("verbatim", "dispute page shown as written",
                      ev="Bill disputes are resolved within 5 working days")}),
    O("T-08", "app", "2026-11-18 15:40", "Ahmed R.", "roaming",
      "Checked the app's roaming page before a Singapore trip, my first trip this month. The Chinese banner "
      "'每月首个漫游日租免费' my friend showed me was not there for me; the page only said 'Day Pass HK$48/day'. Used data on "
      "3 days; the bill charged me for the first day pass too, 3 × HK$48. At least the daily cap worked, nothing per MB.",
      "3,2,3,3,2,4,4",
      L={"P-ROAM": B("cue_paraphrase;quantity_not_metric", "the month's first day pass was charged",
                     ev="charged me for the first day pass too"),
         "S-APP-1": B("negated_mention", "the record says the banner was not shown to the shopper")}),
    O("T-09", "app", "2026-12-18 19:20", "陈晓", "账单争议",
      "App里提交账单争议：宽带月费¥199重复扣了两次。12月6日（周日）提交，提交页写 Bill disputes are resolved within five "
      "working days。结果过了一个多星期才处理好，客服说要走流程。",
      "3,2,2,3,2,3,5", m={"dispute_days": "8"},
      L={"P-DISPUTE": B("claim_quote;spoken_unit;bound", "the cell says 8 working days; the record says over a week",
                        q=CELL),
         "S-APP-2": K("number_variant", "the line with 'five' for 5",
                      ev="Bill disputes are resolved within five working days")}),
    # ------------------------------------------------------------------ hotline
    O("T-10", "hotline", "2026-09-09 14:05", "张伟", "咨询",
      "拨打热线，语音：港线电讯客户热线，您好。真人客服24小时为您服务。预计等候时间不超过五分钟。等了大概两分钟就转到人工，"
      "问携号转网要带什么证件，客服讲得很清楚。上次打别家运营商的热线只有机器人，这次体验好很多。",
      "4,4,4,5,4,9,2",
      L={"P-HOTLINE": K("hedge;zh_numeral;claim_quote", "about two minutes to an agent; 五分钟 is the IVR's claim",
                        q=Q("等了大概两分钟", 2, "min")),
         "P-HUMAN": K("competitor;subject_mentioned", "a person answered; the bot was another operator's",
                      ev="转到人工"),
         "P-PORT": K("subject_mentioned", "a porting question answered; no port was made", ev="问携号转网要带什么证件"),
         "S-HL-1": K("verbatim", "IVR greeting", ev="港线电讯客户热线，您好"),
         "S-HL-2": K("verbatim", "IVR", ev="真人客服24小时为您服务"),
         "S-HL-3": K("verbatim", "IVR", ev="预计等候时间不超过五分钟")}),
    O("T-11", "hotline", "2026-10-03 23:30", "Ms Tsang", "漫遊",
      "夜晚十一點半打熱線問日本漫遊日租。錄音話「真人客服24小時為您服務」，但係揀咗轉人工之後得個機械人講嘢，話人工客服已下班，"
      "叫我聽日再打。漫遊嘅問題個機械人就答到：首日日租免費。",
      "2,2,1,2,2,2,6",
      L={"P-HUMAN": B("breach_cue;cue_cantonese", "at 23:30 only a robot: 人工客服已下班", ev="人工客服已下班"),
         "P-HOTLINE": B("cue_paraphrase;cue_cantonese", "no agent answered at all; told to call tomorrow",
                        ev="叫我聽日再打"),
         "P-ROAM": K("subject_mentioned;claim_quote", "the bot confirmed the free first day pass; nothing charged",
                     ev="首日日租免費"),
         "S-HL-2": K("traditional_variant", "IVR, Traditional characters", ev="真人客服24小時為您服務")}),
    O("T-12", "hotline", "2026-10-19 18:30", "Peter Wong", "bill-dispute",
      "Called the hotline about a disputed bill (HK$380 double charge for a streaming add-on). IVR: '港线电讯客户热线，您好', "
      "then '预计等候时间不超过5分钟'. On hold 7 mins before an agent picked up. She logged the dispute (ref D-8812) and "
      "said it would be sorted within 5 working days. Credit showed up on Monday 19 Oct, four days after my call on "
      "Thursday 15 Oct. Back in August I got only a bot on this line at night; today it was a person.",
      "3,4,2,4,4,7,4",
      L={"P-HOTLINE": B("claim_quote", "on hold 7 minutes", q=Q("On hold 7 mins", 7, "min")),
         "P-HUMAN": K("another_occasion;subject_mentioned", "an agent answered; the bot was in August",
                      ev="an agent picked up"),
         "P-DISPUTE": K("time_arithmetic;working_days;claim_quote;en_number_word",
                        "Thu 15 to Mon 19 Oct: 4 days, 2 working days", q=Q("four days after my call", 4, "day")),
         "S-HL-1": K("verbatim", "IVR greeting", ev="港线电讯客户热线，您好"),
         "S-HL-3": K("number_variant", "5 for 五", ev="预计等候时间不超过5分钟")}),
    O("T-13", "hotline", "2026-10-28 02:15", "黃志明", "投訴",
      "凌晨兩點打熱線 轉人工之後係把女聲答我 佢話佢係真人唔係機械人 等咗唔夠一分鐘 我投訴攜號轉台轉咗兩日都未轉到 "
      "佢話呢啲唔關我哋事 要我自己搵返舊台",
      "2,2,4,1,1,1,6",
      L={"P-HUMAN": K("negation_outside_cue;no_punctuation", "a real person at 02:00: 真人唔係機械人",
                      ev="佢係真人唔係機械人"),
         "P-HOTLINE": K("bound;zh_numeral;no_punctuation", "under a minute", q=Q("等咗唔夠一分鐘", 1, "min", "<")),
         "P-PORT": B("bound;zh_numeral;days;no_punctuation", "the port still not through after two days",
                     q=Q("轉咗兩日都未轉到", 2, "day", ">")),
         "S-HL-4": B("forbidden_reworded;no_punctuation", "这个不归我们管 said in Cantonese", ev="呢啲唔關我哋事")}),
    O("T-14", "hotline", "2026-11-03 09:30", "刘洋", "投诉",
      "打热线投诉账单：上月去日本漫游被收了¥2,860，明明开了日租（每天封顶¥38）。热线接通用了四五分钟。客服先说'这个不归我们管，"
      "漫游费是合作运营商收的'，我坚持要登记争议，她说7个工作日内回复。",
      "2,1,2,1,1,0,7",
      L={"P-ROAM": B("cue_paraphrase;quantity_not_metric", "¥2,860 for a trip with a ¥38 daily cap: bill shock",
                     ev="漫游被收了¥2,860"),
         "P-HOTLINE": B("range;zh_numeral", "four or five minutes to get through", q=Q("接通用了四五分钟", (4, 5), "min")),
         "P-DISPUTE": K("claim_quote;subject_mentioned",
                        "a dispute logged; 7个工作日 is the agent's claim, not a measurement", ev="登记争议"),
         "S-HL-4": B("forbidden_verbatim", "said as written", ev="这个不归我们管")}),
    O("T-15", "hotline", "2026-11-21 21:10", "Grace Lin", "攜碼",
      "晚上九點打熱線問攜碼進度。本來以為晚上只有機器人，結果是真人接的。語音說預計等候時間不超過五分鐘，實際兩分半就接通。"
      "客服說我的攜碼申請 11/19（四）晚上就送出了，要等舊電信那邊放行，最快明天，所以已經超過兩天了。",
      "3,2,4,3,3,5,4", m={"hotline_wait": "2.5 min"},
      L={"P-HOTLINE": K("claim_quote;zh_numeral", "2.5 minutes (cell; 兩分半 in the record)", q=CELL),
         "P-HUMAN": K("expectation;subject_mentioned", "a real person at 21:00; the bot only expected",
                      ev="結果是真人接的"),
         "P-PORT": B("bound;time_arithmetic;zh_numeral;days", "sent Thu 19 Nov evening, still not through Sat 21:10",
                     q=Q("已經超過兩天了", 2, "day", ">")),
         "S-HL-3": K("traditional_variant", "IVR, Traditional characters", ev="預計等候時間不超過五分鐘")}),
    O("T-16", "hotline", "2026-12-01 08:45", "王芳", "咨询", "",
      "3,3,2,3,3,6,4", m={"hotline_wait": "6 min"}, lang="zh-hans",
      L={"P-HOTLINE": B("empty_transcript", "the cell says 6 minutes", q=CELL)}),
    O("T-17", "hotline", "2026-12-09 13:00", "Priya N.", "roaming",
      "Called before a Macau trip to ask whether the free first day pass covers Macau. The recording said real agents "
      "are there 24 hours and that the wait would be under five minutes; I got through in about 90 seconds. The agent "
      "confirmed Macau is included and that a day pass lasts 24 hours from first use.",
      "4,5,5,5,4,9,1",
      L={"P-HOTLINE": K("hedge;unit_conversion;claim_quote", "about 90 seconds", q=Q("about 90 seconds", 90, "s")),
         "P-HUMAN": K("claim_quote;subject_mentioned", "an agent answered", ev="The agent confirmed"),
         "P-ROAM": K("subject_mentioned;duration_not_24_7;quantity_not_metric", "the free first day pass confirmed",
                     ev="the free first day pass covers Macau"),
         "S-HL-2": R("translated_summary", "an English summary of the IVR line, without 真人客服", 
                     ev="real agents are there 24 hours"),
         "S-HL-3": R("translated_summary;en_number_word", "an English summary of the IVR line",
                     ev="the wait would be under five minutes")}),
    # ------------------------------------------------------------------ chat
    O("T-18", "chat", "2026-09-15 23:40", "Leo Chan", "enquiry",
      "Opened live chat at 23:40 to ask about a data add-on. First message: 'Live agents are online from 8 am to 10 pm "
      "daily'. After that only a bot answered with FAQ links; typing 'agent' three times did nothing.",
      "3,2,1,2,1,3,6",
      L={"P-HUMAN": B("breach_cue", "at 23:40 only a bot", ev="only a bot"),
         "S-CH-1": K("verbatim", "welcome message", ev="Live agents are online from 8 am to 10 pm daily")}),
    O("T-19", "chat", "2026-10-13 12:00", "赵磊", "账单争议",
      "在线客服问账单争议：9月账单多扣了¥66。客服是真人，回复挺快。她先说'请您自己先去官网查一下账单明细'，我说我就是看了才来问的。"
      "当场登记争议，10月13日（周二）短信通知已退回¥66。",
      "4,4,4,3,2,6,4",
      L={"P-DISPUTE": K("time_arithmetic;working_days", "Sat 10 to Tue 13 Oct: 3 days, 2 working days",
                        q=Q("10月13日（周二）短信通知已退回", 3, "day")),
         "P-HUMAN": K("subject_mentioned", "a real person replied", ev="客服是真人"),
         "S-CH-2": B("forbidden_inserted_word", "先 inserted", ev="请您自己先去官网查")}),
    O("T-20", "chat", "2026-10-22 01:30", "Mandy 吳", "漫遊",
      "凌晨一點半喺WhatsApp問點解日本漫遊收咗我HK$1,460。一開始係機械人覆，打「真人」之後兩分鐘就有個真人同事覆我。"
      "佢話係我冇開日租，所以按流量收費，冇得減。",
      "3,2,4,3,2,3,5",
      L={"P-HUMAN": K("resolved_on_the_spot", "a bot first, a real person two minutes later at 01:30",
                      ev="兩分鐘就有個真人同事覆我"),
         "P-ROAM": B("breach_cue;cue_cantonese", "HK$1,460 charged by volume: bill shock", ev="按流量收費")}),
    O("T-21", "chat", "2026-11-05 22:45", "Kenji S.", "enquiry",
      "Chat at 22:45 to ask about my contract end date. The welcome message said live agents online from 8am to 10 pm "
      "daily. After that just the chatbot, no live agnet available, so I logged off.",
      "3,2,1,2,2,4,5",
      L={"P-HUMAN": B("cue_typo;cue_paraphrase", "at 22:45 just the chatbot", ev="no live agnet available"),
         "S-CH-1": K("near_verbatim", "'are' dropped, '8am'", ev="live agents online from 8am to 10 pm daily")}),
    O("T-22", "chat", "2026-12-08 18:00", "孙丽", "账单争议",
      "微信客服提交账单争议：流量包重复扣了两次（¥30×2）。11月27日（周五）提交，客服说五个工作日内给答复。到12月8日（周二）"
      "还没人跟进，我又去问，客服回了一句'请您自己去官网查进度'。",
      "2,1,2,2,1,1,7",
      L={"P-DISPUTE": B("breach_cue;bound;time_arithmetic;working_days;claim_quote",
                        "Fri 27 Nov to Tue 8 Dec: 7 working days, still no follow-up", ev="没人跟进",
                        q=Q("到12月8日（周二）还没人跟进", 7, "day", ">")),
         "S-CH-2": B("forbidden_verbatim", "said as written", ev="请您自己去官网查")}),
    O("T-23", "chat", "2026-12-04 20:00", "Ivy 何", "漫遊",
      "用LINE問漫遊：客服是真人，不是機器人，回得很快。她說每月首日日租免費，之後每天NT$199封頂。我在首爾待了五天，只被收了四天的"
      "NT$199，沒有天價帳單。",
      "5,5,5,4,5,10,1",
      L={"P-ROAM": K("negation_outside_cue;quantity_not_metric;claim_quote",
                     "first day free, four days at NT$199: no bill shock", ev="沒有天價帳單"),
         "P-HUMAN": K("negation_outside_cue;subject_mentioned", "a real person", ev="客服是真人，不是機器人")}),
    # ------------------------------------------------------------------ shop Hong Kong
    O("T-24", "shop-hk", "2026-09-19 12:10", "陳大文", "補卡",
      "入旺角店，店員：「歡迎光臨港線電訊」。我話部電話唔見咗要補卡，店員話補卡一個鐘內搞掂。12:10登記，12:35就攞到新卡，即刻打得通。"
      "補卡冇收錢，我另外買咗個手機殼HK$80。",
      "4,5,5,4,4,9,1",
      L={"P-SIM": K("time_arithmetic;claim_quote", "12:10 to 12:35", q=Q("12:35就攞到新卡", 25, "min")),
         "P-FREESWAP": K("negation_outside_cue;other_charge", "補卡冇收錢; the HK$80 is a phone case", ev="補卡冇收錢"),
         "S-HK-1": K("verbatim", "greeting", ev="歡迎光臨港線電訊"),
         "S-HK-2": K("verbatim", "said as written", ev="補卡一個鐘內搞掂")}),
    O("T-25", "shop-hk", "2026-10-11 16:00", "Jason Lee", "sim-swap",
      "Went to the Mong Kok shop to swap my physical SIM to an eSIM. Staff said 補卡一個鐘內搞掂, but the system was down; "
      "I waited 個半鐘 and then was told 聽日再嚟. They still charged a HK$100 SIM fee for the eSIM QR code.",
      "2,1,2,2,2,1,7",
      L={"P-SIM": B("breach_cue;cue_cantonese;cantonese_hour;claim_quote", "個半鐘 and then 聽日再嚟", ev="聽日再嚟",
                    q=Q("I waited 個半鐘", 1.5, "h")),
         "P-FREESWAP": B("breach_cue", "a HK$100 SIM fee", ev="HK$100 SIM fee"),
         "S-HK-2": K("verbatim", "said as written", ev="補卡一個鐘內搞掂")}),
    O("T-26", "shop-hk", "2026-10-30 18:45", "Winnie Yip", "退機",
      "上個禮拜六喺呢間舖頭買咗部新手機，今日想退，店員話拆咗封就唔可以退，仲話「你自己睇清楚合約啦」。我話網站寫住14日冷靜期，佢都係唔理。",
      "2,1,2,1,1,0,7",
      L={"P-COOL": B("breach_cue;cue_cantonese;claim_quote;quantity_not_metric", "return refused six days after purchase",
                     ev="唔可以退"),
         "S-HK-3": B("forbidden_inserted_word", "清楚 inserted", ev="你自己睇清楚合約啦")}),
    O("T-27", "shop-hk", "2026-11-13 09:40", "梁小姐", "攜號轉台",
      "歡迎光臨港線電訊！店員幫我辦攜號轉台，話通常第二朝就轉到。我琴日11點半交表，今朝9點幾已經用緊港線嘅網絡，唔使一日。",
      "4,5,4,4,4,9,2",
      L={"P-PORT": K("spoken_time;bound;claim_quote", "11:30 yesterday to just after 9 this morning: under a day",
                     q=Q("今朝9點幾已經用緊港線嘅網絡", 23, "h", "<")),
         "S-HK-1": K("punctuation_variant", "greeting with ！", ev="歡迎光臨港線電訊！")}),
    O("T-28", "shop-hk", "2026-11-25 15:30", "Mr Kwok", "換卡",
      "Phone fell in the sink, SIM dead. At the Mong Kok shop staff said 補卡最多一個鐘. Took a ticket at 15:30, three "
      "people ahead of me, and only got the new SIM at 17:30. I asked 'is there a SIM fee?' and they said no, and nothing "
      "was charged.",
      "3,2,2,3,3,5,5", m={"sim_replace": "2 h"},
      L={"P-SIM": B("claim_quote;time_arithmetic;quantity_not_metric", "the cell says 2 h: 15:30 to 17:30", q=CELL),
         "P-FREESWAP": K("shopper_question;negation_outside_cue", "the fee question was the shopper's; nothing charged",
                         ev="nothing was charged"),
         "S-HK-2": K("reworded_line", "補卡最多一個鐘 keeps 補卡 and the hour", ev="補卡最多一個鐘")}),
    O("T-29", "shop-hk", "2026-12-07 13:10", "Cheung Mei", "補卡",
      "補卡，等咗三個骨有新卡，冇收錢，店員有講歡迎光臨港線電訊。",
      "4,4,4,4,4,8,2",
      L={"P-SIM": K("cantonese_quarter;zh_numeral", "三個骨 = 45 minutes", q=Q("等咗三個骨有新卡", 45, "min")),
         "P-FREESWAP": K("negation_outside_cue", "冇收錢", ev="冇收錢"),
         "S-HK-1": K("verbatim;reported_said", "the shopper reports the greeting", ev="歡迎光臨港線電訊")}),
    O("T-30", "shop-hk", "2026-12-08 17:20", "Lau Chi Wai", "補卡",
      "補卡，等咗三個骨有新卡，冇收錢，店員有講歡迎光臨港線電訊。",
      "4,4,4,4,4,8,2",
      L={"P-SIM": K("cantonese_quarter;zh_numeral", "三個骨 = 45 minutes", q=Q("等咗三個骨有新卡", 45, "min")),
         "P-FREESWAP": K("negation_outside_cue", "冇收錢", ev="冇收錢"),
         "S-HK-1": K("verbatim;reported_said", "the shopper reports the greeting", ev="歡迎光臨港線電訊")}),
    # ------------------------------------------------------------------ shop Taipei
    O("T-31", "shop-tpe", "2026-09-26 14:00", "黃俊傑", "補卡",
      "到信義門市補卡，門市人員說補卡、換卡都免收工本費，但結帳時還是收了工本費NT$100，說是系統自動帶入。等了大概四十分鐘才拿到新卡。",
      "3,2,4,3,3,4,4",
      L={"P-FREESWAP": B("breach_cue;negation_then_breach", "said free, then NT$100 工本費 charged",
                         ev="收了工本費NT$100"),
         "P-SIM": K("hedge;zh_numeral", "about forty minutes", q=Q("等了大概四十分鐘", 40, "min")),
         "S-TPE-1": K("verbatim", "said as written", ev="補卡、換卡都免收工本費")}),
    O("T-32", "shop-tpe", "2026-10-17 19:30", "Amy Chen", "退貨",
      "買了新手機第10天想退，門市說台灣只有七天鑑賞期，超過就不能退，還說「這是公司規定，我也沒辦法」。我給他看官網的 14-day "
      "cooling-off，他說那是香港的規定。",
      "2,1,2,1,1,1,7",
      L={"P-COOL": B("breach_cue;claim_quote;quantity_not_metric", "return refused on day 10 of 14", ev="不能退"),
         "S-TPE-2": B("forbidden_verbatim", "said as written", ev="這是公司規定，我也沒辦法")}),
    O("T-33", "shop-tpe", "2026-11-09 14:30", "Lin Yu-ting", "攜碼",
      "到信義門市辦攜碼，11/7（六）早上10:40送件，店員說週末不處理，最快下週一才會生效，結果11/9（一）下午兩點才通。店員很客氣，"
      "還送了一個手機支架。",
      "4,2,3,4,4,5,4",
      L={"P-PORT": B("time_arithmetic;zh_numeral;claim_quote", "Sat 10:40 to Mon 14:00: about 51 hours",
                     q=Q("11/9（一）下午兩點才通", 51.3, "h"))}),
    O("T-34", "shop-tpe", "2026-11-28 16:20", "許雅婷", "換卡",
      "去門市把實體卡換成eSIM，店員說補卡換卡都免收工本費，結果結帳單上多了一筆公本費NT$150。等了半個多小時才拿到QR code。",
      "3,2,3,3,3,3,5",
      L={"P-FREESWAP": B("cue_stt_homophone;negation_then_breach", "公本費 (工本費) NT$150 after 'free'",
                         ev="公本費NT$150"),
         "P-SIM": K("range;bound;zh_numeral", "a bit over half an hour", q=Q("等了半個多小時", (30, 59), "min")),
         "S-TPE-1": K("punctuation_variant", "the 、 dropped", ev="補卡換卡都免收工本費")}),
    O("T-35", "shop-tpe", "2026-12-05 11:30", "Ryan Kuo", "补卡",
      "到信义门市补卡，门市人员说补卡、换卡都免收工本费，但结帐时还是收了工本费NT$100，说是系统自动带入。等了大概四十分钟才拿到新卡。",
      "3,2,4,3,3,4,4",
      L={"P-FREESWAP": B("breach_cue;negation_then_breach", "said free, then NT$100 工本费 charged",
                         ev="收了工本费NT$100"),
         "P-SIM": K("hedge;zh_numeral", "about forty minutes", q=Q("等了大概四十分钟", 40, "min")),
         "S-TPE-1": K("simplified_variant", "said, written in Simplified", ev="补卡、换卡都免收工本费")}),
    # ------------------------------------------------------------------ shop Shanghai
    O("T-36", "shop-sh", "2026-09-22 15:00", "徐敏", "补卡",
      "南京西路营业厅补卡。进门店员说'您好，港线电讯南京西路营业厅欢迎您'。补卡要排号，前面还有8个人，从三点排到四点一刻才拿到新卡，"
      "一个多钟头。还收了20元补卡费。",
      "3,2,2,3,3,3,5",
      L={"P-SIM": B("spoken_unit;bound;time_arithmetic;quantity_not_metric", "15:00 to 16:15, over an hour",
                    q=Q("一个多钟头", 1, "h", ">")),
         "P-FREESWAP": B("breach_cue", "a ¥20 SIM replacement fee", ev="补卡费"),
         "S-SH-1": K("verbatim", "greeting", ev="您好，港线电讯南京西路营业厅欢迎您")}),
    O("T-37", "shop-sh", "2026-10-18 11:00", "Zhou Jie", "购机",
      "来营业厅买手机。店员开单时说'七天无理由退货，请保留好包装'。我问：官网不是说14天冷静期吗？她查了一下说按官网的14天来。",
      "4,4,4,4,4,7,3",
      L={"P-COOL": K("shopper_question;claim_quote;subject_mentioned", "the shopper's question; staff confirmed 14 days",
                     ev="她查了一下说按官网的14天来"),
         "S-SH-2": K("verbatim", "said as written", ev="七天无理由退货，请保留好包装")}),
    O("T-38", "shop-sh", "2026-11-12 10:00", "郭晓东", "携号转网",
      "11月10日（周二）下午两点半来营业厅办携号转网，店员说'系统问题，我们也没有办法'，今天办不了，让我明天再来。第二天下午又去，"
      "排了两个小时才提交成功，号码11月12日上午才转过来。",
      "2,1,2,2,2,2,6",
      L={"P-PORT": B("time_arithmetic;quantity_not_metric", "Tue 14:30 to Thu morning: almost two days",
                     q=Q("号码11月12日上午才转过来", (1.7, 1.95), "day")),
         "P-SIM": N("near_subject;quantity_not_metric", "明天再来 and the two-hour queue are about porting, not a SIM"),
         "S-SH-3": B("forbidden_inserted_word", "有 inserted", ev="系统问题，我们也没有办法")}),
    O("T-39", "shop-sh", "2026-12-03 10:05", "Emily Zhang", "退货",
      "Returned a phone I bought on 25 Nov, 8 days ago. Staff processed it in 10 minutes, full refund to my card, no "
      "restocking fee. She did say '七天无理由退货' at the counter; I pointed out the website says 14 days and she agreed "
      "it's 14.",
      "4,4,5,4,4,8,2",
      L={"P-COOL": K("negation_outside_cue;quantity_not_metric", "full refund on day 8, no restocking fee",
                     ev="no restocking fee"),
         "S-SH-2": K("partial_key", "the key clause said, the packaging tail dropped", ev="七天无理由退货")}),
    O("T-40", "shop-sh", "2026-12-10 17:00", "马丽", "补卡",
      "补卡：店员说您好，港线电讯南京西路营业厅欢迎您。半小时不到就拿到新卡，没收任何费用。",
      "5,5,5,4,4,9,1",
      L={"P-SIM": K("bound;zh_numeral", "under half an hour", q=Q("半小时不到", 0.5, "h", "<")),
         "P-FREESWAP": K("negation_outside_cue", "没收任何费用", ev="没收任何费用"),
         "S-SH-1": K("verbatim", "greeting", ev="您好，港线电讯南京西路营业厅欢迎您")}),
]

DUPLICATES = [
    # (a, b, tags, note)
    ("T-29", "T-30", "dup_short;dup_exact", "the same short Cantonese note from two shoppers"),
    ("T-31", "T-35", "dup_script_variant", "a Traditional note copied into Simplified by another shopper"),
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


CUE_EXCUSES = {"negation_outside_cue", "expectation", "shopper_question", "fee_zero", "competitor",
               "another_occasion", "near_subject", "validity_window", "empty_transcript"}


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
    need(T2S and len(T2S_PAIRS) % 2 == 0 and len(T2S) * 2 == len(T2S_PAIRS), "the Traditional -> Simplified table is malformed")
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
        files, labels, closest = build(OBSERVATIONS, DUPLICATES, "T")
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

