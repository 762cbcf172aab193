#!/usr/bin/env python3
"""Cloudcrane Airways evaluation set, held-out part.

    python benchmarks/eval_airline_holdout/build.py

Do not read this file's observations or labels while tuning the engine: this part measures
whether a change generalises. The project (touchpoints, promises, script lines) and all the
machinery come from ../eval_airline/build.py, so touchpoints.csv, promises.csv and scripts.csv
are byte-identical in both parts. Python 3.11, standard library only.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "eval_airline"))

import build as tuning  # noqa: E402
from build import B, CELL, K, N, O, Q, R  # noqa: E402,F401

OBSERVATIONS = [
    # ------------------------------------------------------------------ web
    O("B-01", "web", "2026-10-27 09:00", "Joyce 張", "Refund",
      "Refund request for a cancelled TPE–PVG leg. The refund page said 'Refunds go back to your original card "
      "within 7 days'. I submitted on 9 Oct; by 26 Oct nothing: refund still not received after well over two weeks. "
      "On a new search the page flashed 'This fare expires in ten minutes!'.",
      "3,1,2,2,2,2,6",
      L={"P-REFUND": B("breach_cue;bound;en_number_word;spoken_unit;claim_quote", "well over two weeks, not received",
                       ev="refund still not received", q=Q("well over two weeks", 2, "week", ">")),
         "S-WEB-2": K("verbatim;scenario_case", "refund page; scenario 'Refund' matches after case folding",
                      ev="Refunds go back to your original card within 7 days"),
         "S-WEB-3": B("forbidden_number_word", "the countdown with 'ten'", ev="This fare expires in ten minutes")}),
    O("B-02", "web", "2026-11-16 11:00", "吳俊宏", "改簽",
      "在官網改Flex機票，頁面寫 Flex fares: change your flight with no change fee。改完結帳，改期費 NT$0，只補了票價差額NT$450。"
      "選位時會員免費，我選了靠窗。",
      "4,4,4,4,4,8,2",
      L={"P-FLEX": K("fee_zero;fare_difference", "change fee NT$0; only the fare difference", ev="改期費 NT$0"),
         "P-SEAT": K("subject_mentioned", "window seat, free for members", ev="選位時會員免費"),
         "S-WEB-1": K("verbatim", "shown", ev="Flex fares: change your flight with no change fee")}),
    O("B-03", "web", "2026-12-01 07:45", "陈浩", "订票",
      "官网订香港-台北。选座页面写会员免费，结果付款时多了一项'选座服务费¥60'。页面顶部写着'This fare expires in 10 mins'。",
      "3,2,3,2,2,3,5",
      L={"P-SEAT": B("cue_paraphrase", "a seat service fee for a member inside the window", ev="选座服务费¥60"),
         "S-WEB-3": B("forbidden_near_verbatim", "the countdown with 'mins'", ev="This fare expires in 10 mins")}),
    # ------------------------------------------------------------------ app
    O("B-04", "app", "2026-09-29 21:30", "Sam Chan 陳", "查詢",
      "喺App問客服點樣加購行李額，等咗廿幾分鐘先有人覆。「在線客服將在3分鐘內回覆您」呢句就即刻彈出。",
      "3,3,1,3,3,4,5",
      L={"P-CHAT": B("range;zh_numeral;claim_quote", "twenty-odd minutes", q=Q("等咗廿幾分鐘", (21, 29), "min")),
         "S-APP-2": K("traditional_variant", "auto-message in Traditional", ev="在線客服將在3分鐘內回覆您")}),
    O("B-05", "app", "2026-10-21 10:00", "T. Becker", "refund",
      "Cancelled PVG–HKG in the app. The refund arrived on my card within a week, 6 days to be precise. The in-app "
      "chat replied in nearly four minutes when I asked for a receipt.",
      "4,4,4,4,4,8,2",
      L={"P-REFUND": K("days;bound", "6 days", q=Q("6 days to be precise", 6, "day")),
         "P-CHAT": K("hedge;en_number_word", "nearly four minutes", q=Q("in nearly four minutes", 4, "min"))}),
    O("B-06", "app", "2026-11-25 18:00", "林佩君", "行李",
      "App上追蹤延誤行李，App寫「預計48小時內送達」。我11/23晚上八點報失，11/25晚上六點才送到，差兩個鐘頭就滿48小時。",
      "4,3,4,4,4,7,3",
      L={"P-BAG": K("time_arithmetic;claim_quote", "11/23 20:00 to 11/25 18:00 = 46 hours", q=Q("11/25晚上六點才送到", 46, "h"))}),
    O("B-07", "app", "2026-12-10 13:20", "Lin Xiaowen 林晓雯", "选座",
      "App选座，页面写着'CraneClub会员选座免费'，我是银卡会员，选了12A，显示¥0，一分钱没收。顺便在App里问了客服发票的事，"
      "回复用了一个多小时。",
      "4,4,2,4,4,6,4",
      L={"P-SEAT": K("fee_zero;negation_outside_cue", "¥0, nothing charged", ev="一分钱没收"),
         "P-CHAT": B("bound;unit_conversion;zh_numeral", "more than an hour", q=Q("回复用了一个多小时", 1, "h", ">")),
         "S-APP-1": K("verbatim", "seat map banner", ev="CraneClub会员选座免费")}),
    # ------------------------------------------------------------------ phone
    O("B-08", "phone", "2026-09-19 00:40", "E. Rossi", "booking",
      "00:40 call (voice note, auto-transcribed). The IVR said 'Live agents are available from 7 am to 11 pm Hong "
      "Kong time', then put me in a menu loop; no one answer even after an hour and a half of trying.",
      "2,1,1,2,1,0,7",
      L={"P-247": B("cue_typo;quantity_not_metric", "no one answered at 00:40 (the hour and a half is my trying)",
                    ev="no one answer"),
         "S-PH-2": K("verbatim", "IVR message", ev="Live agents are available from 7 am to 11 pm Hong Kong time")}),
    O("B-09", "phone", "2026-10-24 16:10", "林佩君", "投訴",
      "打客服投訴航班延誤三小時沒有通知。接通後「雲鶴航空客戶服務中心，您好」。客服說「我們會在2小時內給您回電」，"
      "結果個把小時就回電了，主管態度很好。",
      "4,4,4,4,4,8,2",
      L={"P-CALLBACK": K("spoken_unit;hedge;quantity_not_metric;claim_quote",
                         "about an hour (the three hours is the flight delay)", q=Q("個把小時就回電了", 1, "h")),
         "S-PH-1": K("traditional_variant", "greeting in Traditional", ev="雲鶴航空客戶服務中心，您好"),
         "S-PH-3": K("traditional_variant", "said", ev="我們會在2小時內給您回電")}),
    O("B-10", "phone", "2026-11-10 13:00", "Ho Wing-yan 何詠欣", "退款",
      "打去問退款。職員話「退款將在7個工作日內退回原支付卡」。我問要唔要手續費，佢話退款唔收手續費。幾時到帳記錄咗喺表格。",
      "3,2,3,3,3,4,5", m={"refund_days": "2 周"},
      L={"P-REFUND": B("measure_cell;unit_conversion;claim_quote", "2 周 = 14 days in the form", q=CELL),
         "P-FLEX": N("shopper_question;negation_outside_cue;near_subject", "the fee question is about a refund, not a Flex change"),
         "S-PH-4": K("traditional_variant", "said", ev="退款將在7個工作日內退回原支付卡")}),
    O("B-11", "phone", "2026-12-03 10:20", "P. Sharma", "complaint", "",
      "", m={"callback": "90 min"}, lang="en",
      L={"P-CALLBACK": K("measure_cell;unit_conversion", "90 minutes = 1.5 hours in the form, no notes", q=CELL)}),
    O("B-12", "phone", "2026-12-19 21:30", "張家豪", "改簽",
      "（語音轉文字）打電話改Flex機票 客服說Flex票價改期免收改期費 可是最後還是扣了NT$800手序費 說是因為改到春節 "
      "我說廣告寫免手續費 他說這個我們也沒辦法喔",
      "2,1,3,2,1,1,6",
      L={"P-FLEX": B("cue_stt_homophone;negation_then_breach;no_punctuation", "手序費 = 手續費; NT$800 deducted",
                     ev="手序費"),
         "S-PH-5": K("traditional_variant;no_punctuation", "said", ev="Flex票價改期免收改期費"),
         "S-PH-6": B("forbidden_verbatim;traditional_variant", "said, with a particle", ev="這個我們也沒辦法")}),
    # ------------------------------------------------------------------ chat
    O("B-13", "chat", "2026-09-30 04:00", "梁子健", "查詢",
      "凌晨四點WhatsApp問行李額，得自動回覆，之後冇人理，到七點幾先有真人覆，最後佢話「呢樣唔喺我哋服務範圍」。",
      "2,1,1,2,1,1,7",
      L={"P-247": B("cue_cantonese;cue_paraphrase", "冇人理 at 04:00, no person until after 07:00", ev="冇人理"),
         "P-CHAT": B("time_arithmetic;bound", "04:00 to after 07:00", q=Q("到七點幾先有真人覆", 3, "h", ">")),
         "S-CH-3": B("forbidden_reworded", "这个不在我们的服务范围内 in Cantonese", ev="呢樣唔喺我哋服務範圍")}),
    O("B-14", "chat", "2026-10-28 12:10", "M. Okoye", "change",
      "WhatsApp about moving my Flex ticket. '您好，云鹤航空在线客服为您服务' came instantly. I expected a bot, but a real "
      "agent replied within three minutes: the change was done and I wasn't charged anything, no change fee. She added "
      "that changes must be made at least 24 hours before departure.",
      "5,5,5,4,5,9,1",
      L={"P-CHAT": K("bound;en_number_word", "within three minutes", q=Q("within three minutes", 3, "min", "<")),
         "P-FLEX": K("negation_outside_cue", "nothing charged", ev="I wasn't charged anything"),
         "P-247": K("expectation;subject_mentioned;duration_not_24_7", "expected a bot; a real agent replied",
                    ev="a real agent replied"),
         "S-CH-1": K("verbatim", "greeting", ev="您好，云鹤航空在线客服为您服务")}),
    O("B-15", "chat", "2026-11-21 22:45", "周敏", "投诉",
      "微信投诉航班延误。自动回复'您好，云鹤航空在线客服为您服务'和'真人客服7×24小时在线'。跟机器人讲了半天，"
      "客服二十分钟后才回，还说'这个不在我们的服务范围内，您找机场吧'。",
      "2,2,1,2,1,2,6",
      L={"P-CHAT": B("zh_numeral;idiom_not_quantity", "twenty minutes (讲了半天 is an idiom)", q=Q("客服二十分钟后才回", 20, "min")),
         "P-247": K("claim_quote;subject_mentioned", "a bot first, then a person replied at 22:45+", ev="客服二十分钟后才回"),
         "S-CH-1": K("verbatim", "auto-greeting", ev="您好，云鹤航空在线客服为您服务"),
         "S-CH-2": K("verbatim", "auto-greeting", ev="真人客服7×24小时在线"),
         "S-CH-3": B("forbidden_verbatim", "said", ev="这个不在我们的服务范围内")}),
    O("B-16", "chat", "2026-12-12 09:30", "Iris 蔡", "查詢",
      "LINE問寵物托運，回覆大概兩三分鐘，客服講國語很親切。也說改期的話Flex不用手續費。",
      "4,4,5,4,5,9,1",
      L={"P-CHAT": K("range;hedge;zh_numeral", "two or three minutes", q=Q("大概兩三分鐘", (2, 3), "min")),
         "P-FLEX": K("negation_outside_cue;claim_quote", "no fee for Flex changes", ev="Flex不用手續費"),
         "P-LANG": K("subject_mentioned", "served in Mandarin", ev="客服講國語很親切")}),
    # ------------------------------------------------------------------ check-in Hong Kong
    O("B-17", "ci-hkg", "2026-10-07 07:00", "Sam Chan 陳", "check-in",
      "七點到，「歡迎搭乘雲鶴航空」。排隊排咗四十分鐘，因為得一個櫃位開，地勤仲話「You should've come earlier」。"
      "揀位要畀錢HK$80，佢話會員都要。",
      "2,2,1,2,1,2,6",
      L={"P-QUEUE": B("zh_numeral", "forty minutes", q=Q("排隊排咗四十分鐘", 40, "min")),
         "P-SEAT": B("breach_cue;cue_cantonese", "members charged for seats", ev="揀位要畀錢"),
         "S-HKG-1": K("verbatim", "greeting", ev="歡迎搭乘雲鶴航空"),
         "S-HKG-3": B("forbidden_near_verbatim", "should've for should have", ev="You should've come earlier")}),
    O("B-18", "ci-hkg", "2026-11-13 13:30", "P. Sharma", " check-in ",
      "Aisle J. The agent greeted me in Cantonese and, when I answered in English, said "
      "'廣東話、普通話、English都可以幫到你'. Queue time is in the form. My exit-row seat request was free for members.",
      "4,4,4,4,4,8,2", m={"checkin_queue": "十四分钟"},
      L={"P-QUEUE": K("measure_cell;zh_numeral;bound", "十四分钟 = 14 minutes, under 15", q=CELL),
         "P-LANG": K("subject_mentioned", "Cantonese, then English", ev="廣東話、普通話、English都可以幫到你"),
         "P-SEAT": K("subject_mentioned", "free for members", ev="free for members"),
         "S-HKG-2": K("verbatim", "said", ev="廣東話、普通話、English都可以幫到你")}),
    O("B-19", "ci-hkg", "2026-12-20 10:10", "黃嘉欣", "check-in",
      "「歡迎搭乘雲鶴航空」。排隊一個字都唔使，即刻到我。揀位要收HK$100，話會員免費選位嘅活動完咗。",
      "4,3,5,3,3,6,3",
      L={"P-QUEUE": K("cantonese_zi_unit;bound", "not even five minutes", q=Q("排隊一個字都唔使", 5, "min", "<")),
         "P-SEAT": N("validity_window", "the offer ended on 15 Dec; the visit is on 20 Dec"),
         "S-HKG-1": K("verbatim", "greeting", ev="歡迎搭乘雲鶴航空")}),
    # ------------------------------------------------------------------ check-in Shanghai
    O("B-20", "ci-pvg", "2026-10-13 11:00", "Lin Xiaowen 林晓雯", "值机",
      "'您好，欢迎乘坐云鹤航空'。排队二三十分钟。地勤说'请出示您的护照'，然后问'请问您想要靠窗还是靠过道'，最后也没收选座费。",
      "3,3,2,4,4,6,4",
      L={"P-QUEUE": B("range;zh_numeral", "twenty to thirty minutes", q=Q("排队二三十分钟", (20, 30), "min")),
         "P-SEAT": K("negation_outside_cue", "no seat fee", ev="没收选座费"),
         "S-PVG-1": K("verbatim", "greeting", ev="您好，欢迎乘坐云鹤航空"),
         "S-PVG-2": K("near_verbatim", "或有效证件 dropped", ev="请出示您的护照"),
         "S-PVG-3": R("partial_missing_key", "only the window/aisle question, not 会员选座免费", ev="请问您想要靠窗还是靠过道")}),
    O("B-21", "ci-pvg", "2026-11-26 20:00", "陈浩", "check-in",
      "晚上八点值机，柜台说'您好，欢迎乘坐云鹤航空'，排了一刻钟。我问能不能用上海话，她笑着说普通话和英文都可以。"
      "'会员选座免费，请问您想要靠窗还是靠过道'，原话。",
      "4,4,3,4,4,7,3",
      L={"P-QUEUE": B("spoken_unit;bound", "一刻钟 = 15 minutes: not under 15", q=Q("排了一刻钟", 15, "min")),
         "P-LANG": K("shopper_question;subject_mentioned", "Mandarin and English offered", ev="普通话和英文都可以"),
         "P-SEAT": K("claim_quote;subject_mentioned", "offered free for members", ev="会员选座免费"),
         "S-PVG-1": K("verbatim", "greeting", ev="您好，欢迎乘坐云鹤航空"),
         "S-PVG-3": K("verbatim", "said", ev="会员选座免费，请问您想要靠窗还是靠过道")}),
    O("B-22", "ci-pvg", "2026-12-08 07:30", "周敏", "值机",
      "柜台排了大半个钟头，工作人员说你去自助机自己办吧，就不管了。",
      "2,2,1,1,1,1,7",
      L={"P-QUEUE": B("spoken_unit;hedge", "大半个钟头 = most of an hour", q=Q("排了大半个钟头", 45, "min")),
         "S-PVG-4": B("forbidden_reworded", "the kiosk brush-off, reordered", ev="你去自助机自己办吧")}),
    # ------------------------------------------------------------------ check-in Taipei
    O("B-23", "ci-tpe", "2026-10-04 14:00", "吳俊宏", "報到",
      "「您好，這裡是雲鶴航空報到櫃檯」。排隊差不多十分鐘，櫃檯說報到排隊不會超過二十分鐘。我想選靠窗，地勤說要NT$300，"
      "會員也一樣，選位要收費。",
      "3,2,4,3,3,4,5",
      L={"P-QUEUE": K("hedge;zh_numeral;claim_quote", "about ten minutes", q=Q("排隊差不多十分鐘", 10, "min")),
         "P-SEAT": B("breach_cue", "members charged NT$300", ev="選位要收費"),
         "S-TPE-1": K("verbatim", "greeting", ev="您好，這裡是雲鶴航空報到櫃檯"),
         "S-TPE-2": K("verbatim", "said", ev="報到排隊不會超過二十分鐘")}),
    O("B-24", "ci-tpe", "2026-11-09 09:00", "K. Yamada", "check-in",
      "The agent only spoke Mandarin; no one at the counter could speak English. Queue: forty minutes. She said "
      "'这是你自己的问题' when my bag was 2 kg overweight.",
      "2,2,1,2,1,2,6",
      L={"P-LANG": B("cue_paraphrase", "no one could serve in English", ev="no one at the counter could speak English"),
         "P-QUEUE": B("en_number_word", "forty minutes", q=Q("Queue: forty minutes", 40, "min")),
         "S-TPE-3": B("forbidden_verbatim;simplified_variant", "said, written in Simplified", ev="这是你自己的问题")}),
    O("B-25", "ci-tpe", "2026-12-14 15:40", "張家豪", "報到",
      "「您好，這裡是雲鶴航空報到櫃檯」。排隊等了二十幾分鐘，選位沒收錢。",
      "3,4,2,3,3,5,4",
      L={"P-QUEUE": B("range;zh_numeral", "twenty-odd minutes", q=Q("排隊等了二十幾分鐘", (21, 29), "min")),
         "P-SEAT": K("negation_outside_cue;subject_mentioned", "no seat fee", ev="選位沒收錢"),
         "S-TPE-1": K("verbatim", "greeting", ev="您好，這裡是雲鶴航空報到櫃檯")}),
    # ------------------------------------------------------------------ lounge
    O("B-26", "lounge", "2026-10-25 19:00", "E. Rossi", "lounge",
      "Crane Lounge. 'Welcome to the Crane Lounge'. As a Gold member I brought my partner; they charged a guest fee of "
      "HK$300, saying the free-guest benefit only starts in November.",
      "3,3,4,3,3,5,4",
      L={"P-LOUNGE": N("validity_window", "the guest benefit starts on 1 Nov; the visit is on 25 Oct"),
         "S-LNG-1": K("verbatim", "greeting", ev="Welcome to the Crane Lounge")}),
    O("B-27", "lounge", "2026-11-28 08:00", "黃嘉欣", "貴賓室",
      "入貴賓室，職員話「Welcome back to the Crane Lounge」同埋「金卡會員可以免費帶兩位同行人士入場」，我帶咗一位朋友，冇收錢。"
      "搵位搵咗半個鐘，職員話「冇位就冇位啦」。",
      "3,4,2,3,2,5,4",
      L={"P-LOUNGE": K("negation_outside_cue;subject_mentioned", "the guest got in free", ev="冇收錢"),
         "S-LNG-1": K("inserted_word", "'back' inserted", ev="Welcome back to the Crane Lounge"),
         "S-LNG-2": K("verbatim", "said", ev="金卡會員可以免費帶兩位同行人士入場"),
         "S-LNG-3": B("forbidden_verbatim", "said", ev="冇位就冇位啦")}),
    O("B-28", "lounge", "2026-12-06 21:00", "T. Becker", "lounge",
      "Gold card plus one guest. At the desk: 'Welcome to the Crane Lounge'. The host refused my guest ('guest not "
      "allowed after 9 pm'), so my colleague waited outside. Staff were otherwise polite.",
      "3,2,3,3,3,3,5",
      L={"P-LOUNGE": B("breach_cue", "the guest was refused", ev="guest not allowed"),
         "S-LNG-1": K("verbatim", "greeting", ev="Welcome to the Crane Lounge")}),
    # ------------------------------------------------------------------ baggage
    O("B-29", "bag", "2026-10-14 12:00", "梁子健", "遺失行李",
      "報失行李。職員話「延誤行李會喺48個鐘內送到府上」，第二日晏晝就送到，但係仲要我畀HK$150運費。",
      "3,2,4,2,2,3,5",
      L={"P-BAG": B("breach_despite_time;cue_paraphrase;spoken_time", "delivered in time but HK$150 charged",
                    ev="仲要我畀HK$150運費", q=Q("第二日晏晝就送到", 1.5, "day", "<")),
         "S-BAG-2": K("verbatim", "said", ev="延誤行李會喺48個鐘內送到府上")}),
    O("B-30", "bag", "2026-11-08 15:30", "Iris 蔡", "行李",
      "打失物行李專線，對方說「Cloudcrane baggage services，雲鶴航空行李服務」，我講國語他們也聽得懂。客服說兩小時內回電，"
      "結果不到一個小時就回了，行李也找到了，隔天送到。",
      "4,4,5,4,4,9,1",
      L={"P-CALLBACK": K("bound;zh_numeral;claim_quote", "under an hour", q=Q("不到一個小時", 1, "h", "<")),
         "P-BAG": K("spoken_time;bound", "the next day: under 48 hours", q=Q("隔天送到", 1.5, "day", "<")),
         "P-LANG": K("subject_mentioned", "served in Mandarin", ev="我講國語他們也聽得懂"),
         "S-BAG-1": K("punctuation_variant", "greeting with a full-width comma",
                      ev="Cloudcrane baggage services，雲鶴航空行李服務")}),
    O("B-31", "bag", "2026-12-11 11:00", "M. Okoye", "baggage",
      "Delayed bag from PVG. The desk said '延誤行李會喺48個鐘內送到府上' and that they would call back within two "
      "hours with a delivery slot. The bag only arrived days later (see form). Nobody called "
      "back to confirm.",
      "2,2,2,3,3,3,5", m={"bag_delivery": "3 days"},
      L={"P-BAG": B("measure_cell;unit_conversion;days", "3 days = 72 hours in the form", q=CELL),
         "P-CALLBACK": B("breach_cue;claim_quote", "no call back", ev="Nobody called back"),
         "S-BAG-2": K("verbatim", "said", ev="延誤行李會喺48個鐘內送到府上")}),
    # ------------------------------------------------------------------ copies and near-copies
    O("B-32", "ci-tpe", "2026-12-15 16:00", "Joyce 張", "check-in",
      "「您好，这里是云鹤航空报到柜台」。排队等了二十几分钟，选位没收钱。",
      "3,4,2,3,3,5,4",
      L={"P-QUEUE": B("range;zh_numeral", "twenty-odd minutes", q=Q("排队等了二十几分钟", (21, 29), "min")),
         "P-SEAT": K("negation_outside_cue;subject_mentioned", "no seat fee", ev="选位没收钱"),
         "S-TPE-1": K("simplified_variant", "greeting written in Simplified", ev="您好，这里是云鹤航空报到柜台")}),
    O("B-33", "chat", "2026-11-02 19:30", "Ho Wing-yan 何詠欣", "查詢",
      "WhatsApp問行李額，等咗半個鐘都冇人覆。",
      "2,2,1,2,2,2,6",
      L={"P-CHAT": B("cantonese_hour;cue_cantonese", "half an hour, 冇人覆", ev="冇人覆", q=Q("等咗半個鐘", 30, "min"))}),
    O("B-34", "chat", "2026-11-03 19:35", "Sam Chan 陳", "查詢",
      "WhatsApp問行李額，等咗半個鐘都冇人覆。",
      "2,2,1,2,2,2,6",
      L={"P-CHAT": B("cantonese_hour;cue_cantonese", "half an hour, 冇人覆", ev="冇人覆", q=Q("等咗半個鐘", 30, "min"))}),
    O("B-35", "chat", "2026-11-04 10:00", "梁子健", "查詢",
      "WhatsApp問行李額，等咗兩分鐘就有人覆，好快。",
      "4,4,5,4,4,8,2",
      L={"P-CHAT": K("zh_numeral", "two minutes", q=Q("等咗兩分鐘", 2, "min"))}),
]

DUPLICATES = [
    ("B-25", "B-32", "dup_short;dup_script_variant", "the Traditional note copied into Simplified by another shopper"),
    ("B-33", "B-34", "dup_short;dup_exact", "the same short Cantonese note from two shoppers"),
]


def main() -> int:
    try:
        files, labels, closest = tuning.build(OBSERVATIONS, DUPLICATES, "B")
        mine = {n: (HERE.parent / "eval_airline" / n).read_text(encoding="utf-8")
                for n in ("touchpoints.csv", "promises.csv", "scripts.csv")}
        for n, text in mine.items():
            tuning.need(files[n] == text, f"{n} differs from the tuning part's: run ../eval_airline/build.py first")
        blocks = {"counts": tuning.counts_table(OBSERVATIONS, labels, closest, name_pair=False),
                  "phenomena": tuning.phenomena_table(labels, examples=False)}
        tuning.write(HERE, files, blocks)
    except tuning.BuildError as exc:
        print(f"build refused: {exc}", file=sys.stderr)
        return 1
    print(tuning.counts_table(OBSERVATIONS, labels, closest, name_pair=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
