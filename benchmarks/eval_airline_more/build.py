#!/usr/bin/env python3
"""Cloudcrane Airways (云鹤航空 / 雲鶴航空) evaluation set, second tuning part ("more").

    python benchmarks/eval_airline_more/build.py     # regenerate observations.csv, labels.csv, README blocks

Python 3.11, standard library only. The project (touchpoints, promises, script lines) and the
machinery (text folding, quantity judging, the consistency checks, the label generator) come from
../eval_airline/build.py, so this part shares byte-identical touchpoints.csv, promises.csv and
scripts.csv with it; the observations and every label below are this part's own, written by a
second shopper team. The build refuses to write anything when a consistency assertion fails
(the shared ones, see ../eval_airline/README.md "Consistency checks", plus ``check_more`` below).
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BASE_DIR = HERE.parent / "eval_airline"

sys.dont_write_bytecode = True      # leave ../eval_airline/ untouched
_spec = importlib.util.spec_from_file_location("eval_airline_build", BASE_DIR / "build.py")
base = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = base          # dataclasses need the module registered
_spec.loader.exec_module(base)

O, K, B, N, R, Q, CELL = base.O, base.K, base.B, base.N, base.R, base.Q, base.CELL
need, split, BuildError = base.need, base.split, base.BuildError

PROJECT_FILES = ("touchpoints.csv", "promises.csv", "scripts.csv")

# =============================================================================== extensions

# Traditional -> Simplified for the characters this part's texts use that the first part's table
# lacks (generated once with OpenCC t2s, character by character; kept here so the build needs only
# the standard library). Used by the folding of the consistency checks and by the `lang` tag.
T2S_MORE = "傳传兒儿區区唸念圖图媽妈嬰婴極极欄栏確确緊紧見见認认譯译進进遠远邊边銷销門门雞鸡類类顯显風风颱台鴨鸭齊齐"

TAG_MORE = {
    "emphatic_full": "an emphatic full amount (足足, a full, 成) that states the value itself",
    "partial_wait": "an earlier, intermediate wait in the record (成個禮拜 while still waiting, 成個鐘 before the "
                    "final time) that is not the duration that decides",
    "midnight_crossing": "clock times across midnight (23:58 to 00:04)",
    "cue_lookalike": "a phrase close to a cue that does not break the promise here (有人覆 vs 冇人覆; a first "
                     "agent's 唔识讲普通话 resolved by a colleague)",
    "relabelled_fee": "a fee for the change under another name (admin fee, 'service charge'): still a fee",
    "staff_contradiction": "staff state a worse term than the promise during the visit (a fee, a longer time); "
                           "without an observed outcome for a metric promise: review",
    "staff_denial": "staff deny the breach in words that contain the cue (没有选座费, 不是机器人)",
    "other_occasion": "the cue, or a quantity, is about another, earlier occasion",
    "competitor": "the cue is about a competitor",
    "cue_not_yet_due": "a waiting cue ('still waiting for my refund') while the promised time has not run out",
    "cue_partial_context": "the cue's words are part of a longer statement that keeps the promise "
                           "('only English, 简体 and 繁體')",
    "non_member": "a fee charged to a non-member, outside the member promise",
    "number_not_duration": "a number near the metric that is not a duration (a head count, kilograms)",
    "reported_summary": "the shopper reports that the step happened without quoting the line: in between",
    "line_said_anyway": "the line was said, but the visit's scenario is not one it lists",
}

# Meanings of first-part tags, widened to this part's examples.
TAG_MEANINGS = {
    "spoken_unit": "spoken units: 钟头, 一个礼拜, 个把钟头, 大半个小时, 半日, a week, two weeks",
    "hedge": "a hedge that keeps the value: about, 差不多, 大概, 大约, 快, 成",
    "range": "an approximate range: 20 to 25 minutes, 二三十分钟, 十一二分钟, 三四分钟, 大半個小時 (30-60 min)",
    "en_number_word": "English number words: one, two, six, a week",
    "bound": "a bound: under, within, just under, well over, 超过, 不到, 未夠; or a value exactly at the target",
    "cantonese_hour": "Cantonese 鐘 / 鐘頭 = hour (成個鐘, 兩個鐘頭, 廿七個半鐘)",
    "cantonese_quarter": "Cantonese 骨 = quarter hour (兩個骨 = 30 min)",
    "cantonese_zi_unit": "Cantonese 字 = 5 minutes (三個字 = 15 min)",
    "spoken_time": "a relative time (第二日, the next day) that bounds the duration",
    "quantity_not_metric": "a quantity of something else near the metric (flight time, a layover, a flight "
                           "delay, the shopper's own delay, time before departure, another wait)",
    "idiom_not_quantity": "an idiom with a number or a unit (半天, 一時半刻, 一时半刻, 一五一十), not a measurement",
    "cue_stt_homophone": "a cue garbled by speech-to-text or a pinyin slip (改迁费 for 改签费, 收续费 for 手续费)",
    "cue_typo": "a cue with a typo ('refund still not recieved')",
    "cue_cantonese": "a cue in Cantonese written forms (得個錄音, 冇人打返嚟, 揀位唔使畀錢, 自己走返機場攞)",
    "cue_paraphrase": "a cue in other words (得個錄音, 'Nobody there could manage English', 偏遠地區送貨費, "
                      "'my colleague would cost HK$350')",
    "negation_outside_cue": "a cue word negated from outside (no fee, 唔使畀錢, 不會收手續費, 冇收錢)",
    "negated_mention": "the line's words appear only as 'not said' (required: missing; forbidden: kept)",
    "fee_zero": "the fee is shown as zero (HK$0, HKD 0, ¥0, NT$0, 0元)",
    "subject_mentioned": "no measurement and no cue, the visit speaks of the promise's subject: kept",
    "near_subject": "a neighbouring subject (a stroller fee, not a change fee)",
    "dup_script_variant": "a copy in the other Chinese script (Traditional / Simplified)",
    "shopper_question": "the cue or subject is in the shopper's own question",
    "zh_numeral": "Chinese numerals (兩, 五, 十, 十四, 廿七, 二十)",
    "forbidden_inserted_word": "the forbidden line with a word inserted (你自己去自助机那边办吧, 呢啲真係唔係我哋負責)",
    "forbidden_reworded": "the forbidden line reworded, e.g. in Cantonese (呢個唔喺我哋嘅服務範圍)",
    "expectation": "the cue is only in the shopper's (or friends') expectation",
}

# Extra subject words (a promise labelled `none` must contain none of them; matching as in the
# first part, after folding). They only make the untested check stricter.
SUBJECT_MORE = {
    "P-247": ["recording", "录音", "live", "值班"],
    "P-CALLBACK": ["call me", "rang me back", "打返俾我", "打返畀我", "覆返电话", "覆你电话"],
    "P-CHAT": ["answer", "answered", "有人复", "复返", "回复"],
    "P-REFUND": ["退票", "退回"],
    "P-BAG": ["送货", "送返", "喼", "suitcase", "bag"],
    "P-QUEUE": ["line", "轮到", "排"],
    "P-FLEX": ["change fee", "改签", "rebooked"],
    "P-SEAT": ["aisle", "window seat", "走道"],
    "P-LOUNGE": ["老公", "husband", "wife"],
    "P-LANG": ["english", "语言", "翻译", "识讲"],
}

# Extra key fragments (a default missing / absent line must contain none of them).
FRAGMENTS_MORE = {
    "S-PH-3": ["两个钟", "两个钟头"],
    "S-CH-3": ["服务范围"],
    "S-PVG-4": ["自助机"],
    "S-BAG-3": ["唔系我哋"],
    "S-TPE-2": ["报到排队不会超过"],
    "S-LNG-2": ["免费带"],
    "S-PH-6": ["没办法"],
}

CUE_EXCUSES_MORE = {"staff_denial", "other_occasion", "competitor", "cue_not_yet_due", "cue_partial_context"}


def extend_base():
    base.T2S.update({T2S_MORE[i]: T2S_MORE[i + 1] for i in range(0, len(T2S_MORE), 2)
                     if T2S_MORE[i] != T2S_MORE[i + 1]})
    base._T2S_TABLE = str.maketrans(base.T2S)
    for tag, meaning in TAG_MORE.items():
        need(tag not in base.TAGS, f"tag {tag} already defined by the first part")
        base.TAGS[tag] = meaning
    for tag, meaning in TAG_MEANINGS.items():
        need(tag in base.TAGS, f"tag {tag} is not a first-part tag")
        base.TAGS[tag] = meaning
    for key, words in SUBJECT_MORE.items():
        base.SUBJECT[key] = base.SUBJECT[key] + [w for w in words if w not in base.SUBJECT[key]]
    for key, frags in FRAGMENTS_MORE.items():
        base.FRAGMENTS[key] = base.FRAGMENTS[key] + [f for f in frags if f not in base.FRAGMENTS[key]]
    base.CUE_EXCUSES.update(CUE_EXCUSES_MORE)


# =============================================================================== observations

# Ratings: tangibles, reliability, responsiveness, assurance, empathy (1-5), NPS (0-10), CES (1-7).

OBSERVATIONS = [
    # ------------------------------------------------------------------ web
    O("C-01", "web", "2026-10-08 21:15", "Vivian 鄺", "refund",
      "CC 805 台北返香港取消咗，9月24號喺官網申請退票。退款頁寫住 Refunds go back to your original card within 7 days。"
      "等咗成個禮拜都未見，打電話問過話「處理緊」，最後10月6號先入返張卡，前後足足12日。頁面冇倒數計時，都算清楚。",
      "3,2,3,3,3,4,5",
      L={"P-REFUND": B("time_arithmetic;emphatic_full;days;partial_wait;claim_quote",
                       "24 Sep to 6 Oct: twelve days (成個禮拜 is only how long she had waited when she checked)",
                       q=Q("前後足足12日", 12, "day")),
         "S-WEB-2": K("verbatim", "shown on the refund page",
                      ev="Refunds go back to your original card within 7 days")}),
    O("C-02", "web", "2026-11-03 14:40", "R. Castellanos", "change",
      "Moved my Flex ticket PVG–HKG from 10 Nov to 12 Nov on the website. Fare rules tab reads: Flex fares: change your "
      "flight with no change fee. At payment the breakdown showed 'Change fee HK$0' and, one line below, 'Admin fee "
      "HK$150'. The site's live chat said that is a 'service charge', not a change fee. Fare difference was nil, so I "
      "paid HK$150 purely for changing the date.",
      "3,1,3,2,2,2,6",
      L={"P-FLEX": B("breach_cue;relabelled_fee;fee_zero",
                     "HK$150 'admin fee' for a Flex change, although the change fee line says HK$0",
                     ev="Admin fee HK$150"),
         "S-WEB-1": K("verbatim", "fare rules shown as written",
                      ev="Flex fares: change your flight with no change fee")}),
    O("C-03", "web", "2026-10-19 08:05", "朱晓雯", "booking",
      "用官网给爸妈订11月2日上海飞台北。选座页写着'会员选座免费'，我是CraneClub银卡，选了两个靠窗位，结算页'选座服务费 ¥0'。"
      "页面顶端一直挂着红字 This fare expires in 10 minutes，逼人赶紧付款，其实我磨蹭了十几分钟票价也没变。",
      "3,4,3,3,3,6,3",
      L={"P-SEAT": K("fee_zero;claim_quote;subject_mentioned", "member seats shown at ¥0", ev="选座服务费 ¥0"),
         "S-WEB-3": B("forbidden_verbatim", "countdown banner shown", ev="This fare expires in 10 minutes")}),
    O("C-04", "web", "2026-12-02 22:30", "S. Nakamura", "REFUND",
      "Refund for cancelled TPE–HKG (ref K7Q2ZP), submitted Friday 20 Nov. The refund page states 'Refunds go back to "
      "your original card within 7 days'. My card shows the credit on Friday 27 Nov, exactly one week later. The fare "
      "rules list a HK$0 change fee for Flex fares, not relevant to me. There is no Japanese version of the site, only "
      "English, 简体 and 繁體, which is fine.",
      "4,5,4,4,4,8,2",
      L={"P-REFUND": K("time_arithmetic;bound;spoken_unit;en_number_word;unit_conversion;days",
                       "20 to 27 Nov: exactly 7 days, at the target (<= 7)", q=Q("exactly one week later", 1, "week")),
         "P-FLEX": K("fee_zero;claim_quote", "the fare rules show a zero change fee; no change made",
                     ev="a HK$0 change fee for Flex fares"),
         "P-LANG": K("cue_partial_context",
                     "'only English' goes on with 简体 and 繁體: the promised languages are there; Japanese is not promised",
                     ev="only English, 简体 and 繁體"),
         "S-WEB-2": K("verbatim;scenario_case", "shown; scenario 'REFUND' matches after case folding",
                      ev="Refunds go back to your original card within 7 days")}),
    # ------------------------------------------------------------------ app
    O("C-05", "app", "2026-10-11 23:58", "胡嘉豪", "咨询",
      "23:58在App里点在线客服问托运额度，先弹出'在线客服将在3分钟内回复您'。真人客服00:04才回，说经济舱一件23公斤。"
      "顺便问Flex票改期要不要钱，她打字说'要收200港币收续费'，跟广告说的不一样。",
      "3,2,3,2,3,4,4",
      L={"P-CHAT": B("time_arithmetic;midnight_crossing;claim_quote;number_not_duration",
                     "23:58 to 00:04 across midnight: six minutes (3分钟 is the auto-message, 23公斤 a weight)",
                     q=Q("真人客服00:04才回", 6, "min")),
         "P-FLEX": B("cue_stt_homophone;staff_contradiction",
                     "the agent quotes a HK$200 fee (收续费, a pinyin slip for 手续费) for a Flex change",
                     ev="要收200港币收续费"),
         "S-APP-2": K("verbatim", "auto-message shown", ev="在线客服将在3分钟内回复您")}),
    O("C-06", "app", "2026-11-14 09:20", "L. Moreau", "refund",
      "Cancelled CC 728 HKG–PVG in the app (fully refundable fare). The app said 7 days. Requested Sat 31 Oct; as of "
      "today, Sat 14 Nov, refund still not recieved — two weeks. Asked the in-app chat at 08:10; it took well over an "
      "hour to get an answer ('finance is processing').",
      "3,1,2,2,2,2,6",
      L={"P-REFUND": B("cue_typo;time_arithmetic;en_number_word;bound;unit_conversion;claim_quote",
                       "two weeks and still not back ('recieved')", ev="refund still not recieved",
                       q=Q("two weeks", 2, "week", ">")),
         "P-CHAT": B("bound;unit_conversion", "well over an hour to an answer",
                     q=Q("it took well over an hour to get an answer", 1, "h", ">"))}),
    O("C-07", "app", "2026-10-24 19:00", "鄧志明", "行李",
      "Landed HKG 22號朝早6:10（CC 903 由台北飛，得一個鐘四十分鐘），個喼冇出到。喺App登記咗延誤行李，App寫48小時內免費送到府上。"
      "結果24號晏晝兩點先送到屋企，司機仲要我畀HK$80「偏遠地區送貨費」先肯放低個喼。",
      "3,1,2,2,2,2,6",
      L={"P-BAG": B("time_arithmetic;quantity_not_metric;cue_paraphrase;claim_quote;cantonese_hour",
                    "22 Oct 06:10 to 24 Oct 14:00 = 55 h 50 min, and a delivery fee (the 1 h 40 flight is not the metric)",
                    ev="偏遠地區送貨費", q=Q("24號晏晝兩點先送到屋企", 55.83, "h"))}),
    O("C-08", "app", "2026-12-10 12:05", "Chloe 吳", "選位",
      "在App幫自己跟同事選12/20台北飛香港的位子，研究座位圖研究了半天。上面有寫 CraneClub會員選座免費，我是會員，選15A時顯示 "
      "Seat selection NT$0；同事不是會員，被收NT$250。我問App客服「會員選位到底要不要收費？」，不到五分鐘就回我：會員免費，非會員照收。",
      "4,4,4,4,4,8,2",
      L={"P-SEAT": K("fee_zero;shopper_question;non_member", "the member's seat at NT$0; the fee was a non-member's",
                     ev="Seat selection NT$0"),
         "P-CHAT": K("bound;zh_numeral;idiom_not_quantity", "a reply in under five minutes (研究了半天 is an idiom)",
                     q=Q("不到五分鐘就回我", 5, "min", "<")),
         "S-APP-1": K("traditional_variant", "banner on the seat map, in Traditional", ev="CraneClub會員選座免費")}),
    O("C-09", "app", "2026-09-26 07:30", "D. Okafor", "seat",
      "Chose seats in the app for HKG–TPE on 30 Sep. As a CraneClub member I still paid HK$110 for 12C: the banner "
      "says free member seats only start on 1 October. Asked the in-app chat about it at 07:02; a person replied at "
      "07:05 and confirmed the start date.",
      "4,3,4,4,3,6,3",
      L={"P-CHAT": K("time_arithmetic", "07:02 to 07:05: three minutes", q=Q("a person replied at 07:05", 3, "min")),
         "P-SEAT": N("validity_window", "a member paid for a seat on 26 Sep, before the offer starts on 1 Oct")}),
    # ------------------------------------------------------------------ phone
    O("C-10", "phone", "2026-10-05 03:10", "黎嘉欣", "查詢",
      "凌晨三點十分打 3188 6600 想問聽朝班機會唔會因為颱風延誤。語音講完 Live agents are available from 7 am to 11 pm "
      "Hong Kong time，之後就得個錄音叫我留電話，揸住電話等咗成個鐘都冇真人。收線再打兩次，打極都唔通。",
      "2,1,1,2,1,1,7",
      L={"P-247": B("cue_cantonese;cue_paraphrase;quantity_not_metric",
                    "only a recording at 03:10, then no way through (得個錄音, 打極都唔通); the hour on hold is no metric",
                    ev="得個錄音"),
         "S-PH-2": K("verbatim", "IVR message", ev="Live agents are available from 7 am to 11 pm Hong Kong time")}),
    O("C-11", "phone", "2026-10-13 09:05", "Grace 莫", "投訴",
      "投訴上個月 CC 611 delay 咗六個鐘都冇安排酒店。接線生：「云鹤航空客户服务中心，您好」，之後 transfer 咗俾 supervisor。"
      "佢話「我哋會喺兩個鐘頭之內覆返電話畀你」。上次打嚟投訴等咗三個鐘都冇人打返嚟，今次 I called at 9:05 and the call "
      "back came at 9:40，快咗好多。",
      "4,4,4,4,4,8,2",
      L={"P-CALLBACK": K("time_arithmetic;other_occasion;quantity_not_metric",
                         "9:05 to 9:40: 35 minutes; 三個鐘 and 冇人打返嚟 were an earlier call, 六個鐘 a flight delay",
                         q=Q("the call back came at 9:40", 35, "min")),
         "S-PH-1": K("verbatim", "greeting", ev="云鹤航空客户服务中心，您好"),
         "S-PH-3": K("dialect_rewording;cantonese_hour;zh_numeral", "the callback line in Cantonese wording",
                     ev="我哋會喺兩個鐘頭之內覆返電話畀你")}),
    O("C-12", "phone", "2026-10-27 14:20", "王磊", "投诉",
      "投诉上周浦东值机柜台的态度。中午12点第一次打，响了差不多五分钟都没人接，只好挂了。14:10再打才通：'云鹤航空客户服务中心，您好。' "
      "客服记录完说'我们会在两小时内给您回电'。14:20挂的电话，结果到傍晚快五点才有人打回来，足足两个半钟头。",
      "3,2,2,3,3,4,5",
      L={"P-247": B("breach_cue", "at noon the line rang out: 没人接", ev="没人接"),
         "P-CALLBACK": B("spoken_unit;emphatic_full;zh_numeral;time_arithmetic;hedge;claim_quote",
                         "14:20 to almost 17:00: a full two and a half hours", q=Q("足足两个半钟头", 2.5, "h")),
         "S-PH-1": K("verbatim", "greeting", ev="云鹤航空客户服务中心，您好"),
         "S-PH-3": K("zh_numeral", "两 for 2", ev="我们会在两小时内给您回电")}),
    O("C-13", "phone", "2026-11-06 16:40", "T. Lindqvist", "refund",
      "Called about the refund for my cancelled HKG–TPE (requested 2 Nov). The agent answered in Mandarin; I asked for "
      "English and she switched straight away. She said refunds 'usually take about 14 days, sometimes three weeks'. "
      "The brief's line 退款将在7个工作日内退回原支付卡 was not said. She promised finance would call me back; they did, "
      "just under two hours later, with no news. So as of today, 6 Nov, I am still waiting for my refund, four days "
      "in, which is not late yet.",
      "3,3,4,2,4,5,4",
      L={"P-REFUND": R("staff_contradiction;cue_not_yet_due;claim_quote",
                       "the agent says refunds take about 14 days against the promised 7; four days in, not yet due",
                       ev="usually take about 14 days"),
         "P-CALLBACK": K("bound;en_number_word", "called back just under two hours later",
                         q=Q("just under two hours later", 2, "h", "<")),
         "P-LANG": K("subject_mentioned", "switched to English at once", ev="switched straight away"),
         "S-PH-4": B("negated_mention", "the record says the line was not said")}),
    O("C-14", "phone", "2026-11-21 23:40", "陳美玲", "改簽",
      "晚上11點40打客服，想把下週的Flex票改到週五。本來以為這個時間只有機器人，結果有真人接聽，是一位講國語的小姐。"
      "她先唸了「Flex票價改期免收改期費」，可是系統還是要收NT$600手續費，她查了一下說因為是促銷Flex，「這個我們也沒辦法」。我最後付了。",
      "3,1,4,2,3,2,6",
      L={"P-247": K("expectation;subject_mentioned", "expected only a robot at 23:40; a person answered",
                    ev="有真人接聽"),
         "P-FLEX": B("breach_cue;negation_then_breach", "'免收改期費' read out, then NT$600 手續費 charged",
                     ev="NT$600手續費"),
         "P-LANG": K("subject_mentioned", "served in Mandarin (國語)", ev="講國語的小姐"),
         "S-PH-5": K("traditional_variant", "read out, in Traditional", ev="Flex票價改期免收改期費"),
         "S-PH-6": B("forbidden_verbatim;traditional_variant", "said, in Traditional", ev="這個我們也沒辦法")}),
    O("C-15", "phone", "2026-12-04 10:10", "Kelvin 麥", "遺失行李",
      "打熱線跟進個 delayed bag (file ref HKGCC40217)。接線生話行李部會打返俾我，仲講「我哋兩個鐘之內一定會覆你電話」。"
      "10:10 收線，等咗成個鐘都冇消息，去到 1點半都冇人打返嚟。我再打去，響咗好耐冇人聽，第三次先有人話 system 轉錯咗部門。",
      "2,1,2,2,2,2,6",
      L={"P-CALLBACK": B("breach_cue;cue_cantonese;time_arithmetic;bound;partial_wait;claim_quote",
                         "10:10 to 13:30 and still no call: over three hours (成個鐘 was only the first wait)",
                         ev="冇人打返嚟", q=Q("去到 1點半都冇人打返嚟", 200, "min", ">")),
         "P-247": B("breach_cue;cue_cantonese", "the second call at midday rang out: 冇人聽", ev="冇人聽"),
         "S-PH-3": N("line_said_anyway",
                     "scenario 遺失行李 is not among the line's scenarios (baggage, 行李), though a callback was promised")}),
    O("C-16", "phone", "2026-10-30 02:15", "Ahmed R.", "enquiry",
      "2:15 am, called the HK line to ask about a same-day change. The IVR said live agents are available from 7 am to "
      "11 pm and offered a callback; I pressed 1 and left my number. No one answered live, only a bot reading FAQs. "
      "Nobody called back that night; the callback came at 8:20 am, about six hours later. By comparison, at rival "
      "SkyJade last month a real person picked up at 3 am.",
      "2,2,1,2,2,2,6",
      L={"P-247": B("breach_cue", "only a bot at 02:15 (the real person at 3 am was at a rival airline)", ev="only a bot"),
         "P-CALLBACK": B("breach_cue;hedge;en_number_word;time_arithmetic", "about six hours to the callback",
                         ev="Nobody called back that night", q=Q("about six hours later", 6, "h")),
         "S-PH-2": K("near_verbatim", "'Hong Kong time' dropped", ev="live agents are available from 7 am to 11 pm")}),
    O("C-17", "phone", "2026-11-02 10:30", "Sandy 胡", "退款",
      "打客服问退款进度。接通：'云鹤航空客户服务中心，您好'。我10月30日在电话里申请的退票，客服说'退款将在7个工作日内退回原支付卡'，"
      "又说财务那边不是一时半刻能处理完的，让我耐心等。结果11月4日就到账了，不到一个礼拜。全程普通话，沟通顺畅。",
      "4,4,4,4,4,8,2",
      L={"P-REFUND": K("bound;spoken_unit;unit_conversion;claim_quote;idiom_not_quantity",
                       "30 Oct to 4 Nov, under a week (7个工作日 is a claim, 一时半刻 an idiom)",
                       q=Q("不到一个礼拜", 1, "week", "<")),
         "P-LANG": K("subject_mentioned", "served in Mandarin", ev="全程普通话"),
         "S-PH-1": K("verbatim", "greeting", ev="云鹤航空客户服务中心，您好"),
         "S-PH-4": K("verbatim", "said", ev="退款将在7个工作日内退回原支付卡")}),
    # ------------------------------------------------------------------ chat
    O("C-18", "chat", "2026-10-09 14:02", "Janet 區", "諮詢",
      "WhatsApp 問兒童餐要幾耐前訂。開頭自動訊息：「您好，云鹤航空在线客服为您服务」。14:02 send 咗問題，等咗大半個小時先有人覆，"
      "話要起飛前24個鐘訂。",
      "3,3,2,3,3,5,4",
      L={"P-CHAT": B("spoken_unit;range;cue_lookalike",
                     "most of an hour (大半個小時) before a reply; 有人覆 is not the cue 冇人覆",
                     q=Q("等咗大半個小時先有人覆", (30, 60), "min")),
         "P-247": N("duration_not_24_7", "'起飛前24個鐘' is a deadline, not 24/7; nothing about staffing"),
         "S-CH-1": K("verbatim", "auto-greeting", ev="您好，云鹤航空在线客服为您服务")}),
    O("C-19", "chat", "2026-10-16 04:30", "刘思远", "咨询",
      "凌晨4:30在微信公众号问轮椅服务怎么预约。先弹出'真人客服7×24小时在线'，然后智能客服发了一堆链接。我回'转人工'，"
      "系统说'人工客服已下班，请于07:00后咨询'。一直到早上七点零五分才有真人回我，前后超过两个半小时。",
      "2,1,1,2,2,1,6",
      L={"P-247": B("breach_cue", "人工客服已下班 at 04:30", ev="人工客服已下班"),
         "P-CHAT": B("bound;zh_numeral;unit_conversion;time_arithmetic", "04:30 to 07:05: over two and a half hours",
                     q=Q("前后超过两个半小时", 2.5, "h", ">")),
         "S-CH-2": K("verbatim", "auto-message", ev="真人客服7×24小时在线")}),
    O("C-20", "chat", "2026-11-02 20:10", "M. Fernandes", "change",
      "WhatsApp, 20:10. Auto greeting: '您好，云鹤航空在线客服为您服务', then '真人客服7x24小时在线'. I asked: 'Is there a "
      "change fee if I move my Flex ticket to the 9th?' A person (Ivy) replied at 20:13: no fee for Flex, only the fare "
      "difference, and she rebooked me right there. I only answered her follow-up question 15 minutes later (my fault). "
      "Confirmation email: change fee HKD 0.",
      "5,5,5,5,5,10,1",
      L={"P-CHAT": K("time_arithmetic;quantity_not_metric",
                     "20:10 to 20:13: three minutes (the 15 minutes is the shopper's own delay)",
                     q=Q("A person (Ivy) replied at 20:13", 3, "min")),
         "P-FLEX": K("shopper_question;negation_outside_cue;fee_zero", "asked by the shopper; no fee, HKD 0",
                     ev="change fee HKD 0"),
         "P-247": K("subject_mentioned", "a person replied", ev="A person (Ivy) replied"),
         "S-CH-1": K("verbatim", "auto-greeting", ev="您好，云鹤航空在线客服为您服务"),
         "S-CH-2": K("punctuation_variant", "7x24 for 7×24", ev="真人客服7x24小时在线")}),
    O("C-21", "chat", "2026-11-18 13:30", "黃子晴", "查詢",
      "用LINE問托運嬰兒車要不要錢。13:30傳出，已讀不回，等到13:58才有人回覆，差不多半小時。回覆的小姐說嬰兒車免費托運，不會收手續費。",
      "3,3,2,3,3,5,4",
      L={"P-CHAT": B("breach_cue;time_arithmetic;hedge", "已讀不回, then a reply after 28 minutes", ev="已讀不回",
                     q=Q("等到13:58才有人回覆", 28, "min")),
         "P-FLEX": N("near_subject;negation_outside_cue",
                     "a stroller fee question, not a Flex change; 不會收手續費 is negated anyway")}),
    O("C-22", "chat", "2026-11-25 09:15", "Ivan 郭", "complaint",
      "WhatsApp complaint about 上次 check-in counter 個職員態度。Bot：「您好，云鹤航空在线客服为您服务」。9:15 send 咗段 "
      "message 一五一十講晒經過，9:17 已經有真人回，個 agent 好 nice，話「等我查下，一時半刻就得」。查完佢話："
      "「呢個唔喺我哋嘅服務範圍，你要自己寫信去機管局。」",
      "3,3,5,2,4,5,4",
      L={"P-CHAT": K("time_arithmetic;idiom_not_quantity", "9:15 to 9:17: two minutes (一時半刻, 一五一十 are idioms)",
                     q=Q("9:17 已經有真人回", 2, "min")),
         "P-247": K("subject_mentioned", "a real person replied after the bot greeting", ev="有真人回"),
         "S-CH-1": K("verbatim", "auto-greeting", ev="您好，云鹤航空在线客服为您服务"),
         "S-CH-3": B("forbidden_reworded", "这个不在我们的服务范围内 in Cantonese", ev="呢個唔喺我哋嘅服務範圍")}),
    O("C-23", "chat", "2026-12-01 22:40", "Pauline 施", "改签",
      "微信语音转文字原文 客服你好我想改签下礼拜三的Flex票 系统显示要收改迁费两百块 我先问了一句你是不是只有机器人 "
      "过了二三十分钟才有人回复 说不是机器人是真人值班 Flex不收改签费是系统显示错误已经帮你免掉了 最后确认单改签费0元",
      "3,3,2,3,3,5,4",
      L={"P-FLEX": K("reversal;fee_zero;cue_stt_homophone;no_punctuation",
                     "a fee shown (改迁费, STT for 改签费), then waived: 改签费0元", ev="改签费0元"),
         "P-247": K("shopper_question;staff_denial;subject_mentioned;no_punctuation",
                    "'只有机器人' is the shopper's question; a person on duty answered", ev="不是机器人是真人值班"),
         "P-CHAT": B("range;zh_numeral;no_punctuation", "twenty to thirty minutes before a reply",
                     q=Q("过了二三十分钟才有人回复", (20, 30), "min"))}),
    O("C-24", "chat", "2026-10-24 01:50", "Ryan 司徒", "booking",
      "01:50 on WhatsApp to book a last-minute seat HKG–TPE (connecting on to Osaka, 55-minute layover). Friends warned "
      "me that at night it's only a bot, and on SkyJade last month I got no reply all night. Here a real agent, Kit, "
      "replied in one minute, in Cantonese, and booked it for me.",
      "4,5,5,4,5,9,1",
      L={"P-247": K("expectation;subject_mentioned", "'only a bot' is the friends' warning; a real agent replied",
                    ev="a real agent, Kit, replied"),
         "P-CHAT": K("en_number_word;competitor;quantity_not_metric",
                     "replied in one minute ('no reply' was at a rival; 55 minutes is a layover)",
                     q=Q("replied in one minute", 1, "min")),
         "P-LANG": K("subject_mentioned", "served in Cantonese", ev="in Cantonese")}),
    O("C-25", "chat", "2026-12-12 18:00", "周丽", "咨询", "",
      "", m={"chat_reply": "四分钟"}, lang="zh-hans",
      L={"P-CHAT": K("zh_numeral", "four minutes in the cell, no notes", q=CELL)}),
    # ------------------------------------------------------------------ ci-hkg
    O("C-26", "ci-hkg", "2026-10-10 06:40", "張家明", "check-in",
      "朝早6:40到J行，排咗三個字先到櫃位。職員講「歡迎搭乘雲鶴航空」，我問可唔可以揀窗口位，佢話會員揀位唔使畀錢，即刻幫我轉咗32A。",
      "4,3,3,4,4,7,3",
      L={"P-QUEUE": B("cantonese_zi_unit;bound;zh_numeral", "三個字 = 15 minutes: not under 15",
                      q=Q("排咗三個字", 15, "min")),
         "P-SEAT": K("negation_outside_cue;cue_cantonese", "a member's seat change, free: 揀位唔使畀錢",
                     ev="會員揀位唔使畀錢"),
         "S-HKG-1": K("verbatim", "greeting", ev="歡迎搭乘雲鶴航空")}),
    O("C-27", "ci-hkg", "2026-11-12 21:05", "P. Walsh", "check-in",
      "Evening flight CC 118 to Shanghai (2 h 35 m). Joined the Aisle J queue at 20:31 and reached the counter at 20:52. "
      "I was there 70 minutes before departure; the agent, a bit curt, said 'You should have come earlier' although the "
      "counter closes only 60 minutes before. She spoke good English. I asked for a window seat and paid HK$120 for it "
      "even though my CraneClub number is on the booking.",
      "3,2,2,2,2,3,5",
      L={"P-QUEUE": B("time_arithmetic;quantity_not_metric",
                      "20:31 to 20:52: 21 minutes (flight time, 70 and 60 minutes are not the queue)",
                      q=Q("reached the counter at 20:52", 21, "min")),
         "P-SEAT": B("cue_paraphrase", "a CraneClub member paid HK$120 for a window seat",
                     ev="paid HK$120 for it even though my CraneClub number is on the booking"),
         "P-LANG": K("subject_mentioned", "served in English", ev="She spoke good English"),
         "S-HKG-3": B("forbidden_verbatim", "said as written", ev="You should have come earlier")}),
    O("C-28", "ci-hkg", "2026-12-08 09:30", "林晓彤", "值机",
      "我是上海人，在香港机场值机。柜台先说'广东话、普通话、English都可以帮到你'，我就用普通话问，第一位小姐却说'唔好意思，"
      "我唔识讲普通话'，叫了另一位同事过来，两三分钟后就到了，普通话讲得很流利。排队的话，从进队到柜台大概十一二分钟。"
      "我提前了三个钟头到机场。",
      "4,4,4,4,4,8,2",
      L={"P-LANG": K("resolved_on_the_spot;cue_lookalike",
                     "the first agent had no Mandarin; a colleague served in Mandarin within minutes",
                     ev="普通话讲得很流利"),
         "P-QUEUE": K("range;hedge;zh_numeral;quantity_not_metric",
                      "eleven or twelve minutes (两三分钟 and 三个钟头 are other times)",
                      q=Q("大概十一二分钟", (11, 12), "min")),
         "S-HKG-2": K("simplified_variant", "said, written in Simplified", ev="广东话、普通话、English都可以帮到你")}),
    O("C-29", "ci-hkg", "2026-09-20 07:50", "Sam 葉", "check-in",
      "朝早7:50到J行，排咗成兩個骨先到櫃位。職員講「歡迎搭乘雲鶴航空」，我問可唔可以揀窗口位，佢話會員揀位要收錢，我冇揀。"
      "大排長龍，阿媽只識普通話，櫃位冇人識講普通話。",
      "3,2,2,3,2,3,5",
      L={"P-QUEUE": B("breach_cue;cantonese_quarter;hedge;zh_numeral", "兩個骨 = 30 minutes, 大排長龍",
                      ev="大排長龍", q=Q("排咗成兩個骨", 30, "min")),
         "P-LANG": B("breach_cue", "nobody at the counter spoke Mandarin", ev="冇人識講普通話"),
         "P-SEAT": N("validity_window", "a seat fee quoted on 20 Sep, before the offer starts on 1 Oct"),
         "S-HKG-1": K("verbatim", "greeting", ev="歡迎搭乘雲鶴航空")}),
    # ------------------------------------------------------------------ ci-pvg
    O("C-30", "ci-pvg", "2026-10-18 07:10", "吴静", "值机",
      "早上7:10到浦东T2云鹤柜台，排队不到十分钟。工作人员：'您好，欢迎您乘坐云鹤航空，请出示您的护照或有效证件'，接着问"
      "'会员选座免费，请问您想要靠窗还是靠过道'，我要了过道。全程普通话，很顺。",
      "5,5,5,5,5,10,1",
      L={"P-QUEUE": K("bound;zh_numeral", "under ten minutes", q=Q("排队不到十分钟", 10, "min", "<")),
         "P-SEAT": K("claim_quote;subject_mentioned", "offered free to members; aisle chosen", ev="会员选座免费"),
         "P-LANG": K("subject_mentioned", "served in Mandarin", ev="全程普通话"),
         "S-PVG-1": K("inserted_word", "您 inserted", ev="您好，欢迎您乘坐云鹤航空"),
         "S-PVG-2": K("verbatim", "said", ev="请出示您的护照或有效证件"),
         "S-PVG-3": K("verbatim", "said", ev="会员选座免费，请问您想要靠窗还是靠过道")}),
    O("C-31", "ci-pvg", "2026-11-08 05:50", "F. Dubois", "checkin",
      "05:50 at Pudong T2 for the first flight to Hong Kong. The Cloudcrane line barely moved: I queued 20 to 25 "
      "minutes. No greeting at the counter. Nobody there could manage English, so we used a translation app. I asked "
      "for an aisle seat and had to pay a ¥80 seat fee, although my CraneClub card is on the booking. When I asked "
      "about reprinting a bag tag the agent said '你自己去自助机那边办吧'.",
      "2,2,1,2,1,1,7",
      L={"P-QUEUE": B("range", "twenty to twenty-five minutes", q=Q("I queued 20 to 25 minutes", (20, 25), "min")),
         "P-LANG": B("cue_paraphrase", "no one could serve in English", ev="Nobody there could manage English"),
         "P-SEAT": B("breach_cue", "a member charged a ¥80 seat fee", ev="¥80 seat fee"),
         "S-PVG-4": B("forbidden_inserted_word", "那边 inserted", ev="你自己去自助机那边办吧")}),
    O("C-32", "ci-pvg", "2026-12-20 08:15", "郑凯", "值機",
      "冬至前出行高峰，值机柜台大排长龙。我8:15开始排，8:45才轮到，半个钟头。柜台说'您好，欢迎乘坐云鹤航空'，然后要了护照。"
      "问了下选座，说会员免费活动12月15号已经结束，靠窗要50元。",
      "3,3,2,3,3,5,4",
      L={"P-QUEUE": B("breach_cue;time_arithmetic;spoken_unit", "8:15 to 8:45: half an hour, 大排长龙",
                      ev="大排长龙", q=Q("8:45才轮到", 30, "min")),
         "S-PVG-1": K("verbatim", "greeting", ev="您好，欢迎乘坐云鹤航空"),
         "S-PVG-2": R("reported_summary", "the shopper only reports that the passport was asked for, not the line",
                      ev="然后要了护照")}),
    O("C-33", "ci-pvg", "2026-10-29 06:05", "Lily 钱", "选座",
      "到柜台想换个靠窗位。Queue 很短，前面只有两个人，大概三四分钟就到我。工作人员说'会员选座免费，请问您想要靠窗还是靠过道？'，"
      "又补一句'会员是没有选座费的'。我说窗口，她说 window seats 都满了，你自己去自助机办吧，那边可以看 seat map。",
      "3,3,4,3,2,5,4",
      L={"P-QUEUE": K("range;hedge;zh_numeral;number_not_duration", "three or four minutes (两个人 is a head count)",
                      q=Q("大概三四分钟就到我", (3, 4), "min")),
         "P-SEAT": K("staff_denial;claim_quote;subject_mentioned", "'没有选座费' is the agent denying a fee; none charged",
                     ev="会员是没有选座费的"),
         "S-PVG-3": K("verbatim", "said", ev="会员选座免费，请问您想要靠窗还是靠过道"),
         "S-PVG-4": B("forbidden_verbatim", "said as written", ev="你自己去自助机办吧")}),
    # ------------------------------------------------------------------ ci-tpe
    O("C-34", "ci-tpe", "2026-10-06 10:20", "蔡宜蓁", "報到",
      "十點二十到桃園二航廈報到。櫃檯小姐說：「您好，這裡是雲鶴航空報到櫃檯」，還很自豪地說「報到排隊不會超過二十分鐘」。"
      "實際我排了十四分鐘，有點趕。選位她說會員免費，幫我換到走道。飛香港一小時四十五分。",
      "4,4,4,4,4,8,2",
      L={"P-QUEUE": K("zh_numeral;claim_quote;quantity_not_metric",
                      "fourteen minutes (二十分鐘 is a claim, the flight time another quantity)",
                      q=Q("實際我排了十四分鐘", 14, "min")),
         "P-SEAT": K("claim_quote;subject_mentioned", "said to be free for members; aisle given", ev="選位她說會員免費"),
         "S-TPE-1": K("verbatim", "greeting", ev="您好，這裡是雲鶴航空報到櫃檯"),
         "S-TPE-2": K("verbatim", "said", ev="報到排隊不會超過二十分鐘")}),
    O("C-35", "ci-tpe", "2026-11-16 13:40", "Kevin 洪", "報到",
      "下午班機 CC 822。櫃檯人員第一句是「您好，這裡是雲鶴航空報到櫃檯」，還說報到排隊不會超過十五分鐘。排隊時間記在 measure 欄"
      "（I timed it: 13:40 到 13:55，大約0.25小時）。行李超重2公斤，她說「這是你自己的問題」，叫我去旁邊整理。",
      "3,3,3,2,2,4,5", m={"checkin_queue": "0.25 h"},
      L={"P-QUEUE": B("bound;unit_conversion;time_arithmetic;number_not_duration",
                      "0.25 h = 15 minutes: not under 15 (2公斤 is a weight)", q=CELL),
         "S-TPE-1": K("verbatim", "greeting", ev="您好，這裡是雲鶴航空報到櫃檯"),
         "S-TPE-2": R("line_other_number", "said with 十五 instead of 二十", ev="報到排隊不會超過十五分鐘"),
         "S-TPE-3": B("forbidden_verbatim", "said as written", ev="這是你自己的問題")}),
    O("C-36", "ci-tpe", "2026-12-14 07:00", "Ava 簡", "check-in",
      "Early check-in at Taoyuan T2; queue time timed on my phone, see the measure column. The agent greeted me in "
      "Mandarin and English and, as a CraneClub member, offered me a free seat change (I kept 18C). No issues.",
      "5,5,5,5,5,9,1", m={"checkin_queue": "9 min"},
      L={"P-QUEUE": K("", "nine minutes in the cell", q=CELL),
         "P-SEAT": K("claim_quote;subject_mentioned", "a free seat change offered to a member",
                     ev="offered me a free seat change"),
         "P-LANG": K("subject_mentioned", "greeted in Mandarin and English", ev="greeted me in Mandarin and English"),
         "S-TPE-1": R("reported_summary", "a greeting is reported, not quoted",
                      ev="The agent greeted me in Mandarin and English")}),
    O("C-37", "ci-tpe", "2026-10-07 11:05", "张雨婷", "check-in",
      "十点二十到桃园二航厦报到。柜台小姐说：「您好，这里是云鹤航空报到柜台」，还很自豪地说「报到排队不会超过二十分钟」。"
      "实际我排了十四分钟，有点赶。选位她说会员免费，帮我换到走道。飞香港一小时四十五分。",
      "4,4,4,4,4,8,2",
      L={"P-QUEUE": K("zh_numeral;claim_quote;quantity_not_metric",
                      "fourteen minutes (二十分钟 is a claim, the flight time another quantity)",
                      q=Q("实际我排了十四分钟", 14, "min")),
         "P-SEAT": K("claim_quote;subject_mentioned", "said to be free for members; aisle given", ev="选位她说会员免费"),
         "S-TPE-1": K("simplified_variant", "greeting, written in Simplified", ev="您好，这里是云鹤航空报到柜台"),
         "S-TPE-2": K("simplified_variant", "said, written in Simplified", ev="报到排队不会超过二十分钟")}),
    # ------------------------------------------------------------------ lounge
    O("C-38", "lounge", "2026-11-05 19:20", "Winnie 譚", "貴賓室",
      "金卡，同老公一齊入 Crane Lounge。門口職員話「Welcome to the Crane Lounge」，跟住講「金卡會員可以免費帶兩位同行人士入場」。"
      "老公入場冇收錢。入面好多人，我問有冇位坐，佢話「冇位就冇位啦，自己搵下」。",
      "3,4,3,3,2,6,3",
      L={"P-LOUNGE": K("negation_outside_cue;claim_quote;subject_mentioned", "the husband went in free",
                       ev="老公入場冇收錢"),
         "S-LNG-1": K("verbatim", "greeting", ev="Welcome to the Crane Lounge"),
         "S-LNG-2": K("verbatim", "said as written", ev="金卡會員可以免費帶兩位同行人士入場"),
         "S-LNG-3": B("forbidden_verbatim", "said as written", ev="冇位就冇位啦")}),
    O("C-39", "lounge", "2026-11-22 15:10", "J. Whitfield", "lounge",
      "Gold card, arrived with a colleague. The host said 'Welcome to the Crane Lounge' and then told us my colleague "
      "would cost HK$350 because 'free guest entry is for Diamond members now'. We paid. The showers had a 25-minute "
      "wait; the noodle bar was good.",
      "4,2,3,2,2,3,5",
      L={"P-LOUNGE": B("cue_paraphrase;staff_contradiction", "a Gold member paid HK$350 for one companion",
                       ev="my colleague would cost HK$350"),
         "S-LNG-1": K("verbatim", "greeting", ev="Welcome to the Crane Lounge")}),
    O("C-40", "lounge", "2026-10-20 21:00", "歐陽靜", "貴賓室",
      "金卡會員，帶同事一齊入貴賓室。職員講「Welcome to the Crane Lounge」，話同行人士每位收HK$300，因為免費同行優惠十一月先開始。"
      "我講廣東話，佢淨係識英文同普通話，雞同鴨講。冇位坐，企咗一陣。",
      "3,3,3,3,2,4,5",
      L={"P-LOUNGE": N("validity_window", "a guest fee on 20 Oct, before the free-guest benefit starts on 1 Nov"),
         "P-LANG": B("cue_paraphrase;cue_cantonese", "the agent had no Cantonese: 淨係識英文同普通話",
                     ev="佢淨係識英文同普通話"),
         "S-LNG-1": K("verbatim", "greeting", ev="Welcome to the Crane Lounge")}),
    # ------------------------------------------------------------------ bag
    O("C-41", "bag", "2026-10-14 23:30", "Vincent 何", "遺失行李",
      "CC 606 由上海返到香港已經夜晚十一點半，個喼冇出。去行李服務台，職員講「Cloudcrane baggage services, 雲鶴航空行李服務」，"
      "登記完話「延誤行李會喺48個鐘內送到府上」，仲話會打返嚟確認時間（回電時間記喺 measure 欄）。結果第二日半日都未夠就送到，"
      "朝早十點幾已經喺門口。職員全程好有禮貌，冇講過「呢啲唔係我哋負責」嗰類說話。",
      "5,5,5,5,5,9,2", m={"callback": "95 min"},
      L={"P-CALLBACK": K("unit_conversion", "95 minutes in the cell: under 2 hours", q=CELL),
         "P-BAG": K("spoken_time;spoken_unit;bound", "delivered the next morning, under half a day (半日都未夠)",
                    q=Q("第二日半日都未夠就送到", 12, "h", "<")),
         "S-BAG-1": K("verbatim", "greeting", ev="Cloudcrane baggage services, 雲鶴航空行李服務"),
         "S-BAG-2": K("verbatim", "said", ev="延誤行李會喺48個鐘內送到府上"),
         "S-BAG-3": K("negated_mention", "the record says the line was not said")}),
    O("C-42", "bag", "2026-11-03 12:00", "N. Petrov", "lost-bag",
      "Bag missing after CC 717 from Taipei. Desk greeting: 'Cloudcrane baggage services, 雲鶴航空行李服務'. The agent "
      "said they would call me back within 2 hours with the tracing result; nobody called back, I rang them myself the "
      "next day. Delivery time is in the measure column. When I complained the agent said: '呢啲真係唔係我哋負責，係 "
      "handling agent 嘅問題。'",
      "3,2,2,2,2,3,5", m={"bag_delivery": "2 days"},
      L={"P-CALLBACK": B("breach_cue;claim_quote", "nobody called back", ev="nobody called back"),
         "P-BAG": K("bound;unit_conversion;days", "2 days = 48 hours, at the target (<= 48)", q=CELL),
         "S-BAG-1": K("verbatim", "greeting", ev="Cloudcrane baggage services, 雲鶴航空行李服務"),
         "S-BAG-3": B("forbidden_inserted_word", "真係 inserted", ev="呢啲真係唔係我哋負責")}),
    O("C-43", "bag", "2026-11-26 16:45", "梁家俊", "行李",
      "打 lost-baggage line 3188 6611 問個喼去咗邊。職員話「通常要三日先送到」，搵到會打返嚟。結果個把鐘頭就打返嚟話喺台北搵到，"
      "搭夜機返。行李係第二日夜晚八點送到屋企，我係前一日下晝四點半報失，即係廿七個半鐘。",
      "4,4,4,3,4,8,2",
      L={"P-CALLBACK": K("spoken_unit;hedge", "about an hour (個把鐘頭)", q=Q("個把鐘頭就打返嚟", 1, "h")),
         "P-BAG": K("zh_numeral;cantonese_hour;time_arithmetic;claim_quote",
                    "16:30 to 20:00 the next day: 27.5 hours ('三日' is the agent's estimate)",
                    q=Q("即係廿七個半鐘", 27.5, "h"))}),
    O("C-44", "bag", "2026-12-06 09:00", "Tammy 伍", "行李",
      "行李延誤，留咗電話，之後冇人打返嚟，第二日自己走返機場攞。",
      "2,1,1,2,2,1,7",
      L={"P-CALLBACK": B("breach_cue;cue_cantonese", "number left, no call back", ev="冇人打返嚟"),
         "P-BAG": B("cue_paraphrase;cue_cantonese", "the shopper had to fetch the bag at the airport",
                    ev="自己走返機場攞")}),
    O("C-45", "bag", "2026-12-07 18:40", "Eddie 羅", "行李",
      "行李延誤，留咗電話，之後冇人打返嚟，第二日自己走返機場攞。",
      "2,1,1,2,2,1,7",
      L={"P-CALLBACK": B("breach_cue;cue_cantonese", "number left, no call back", ev="冇人打返嚟"),
         "P-BAG": B("cue_paraphrase;cue_cantonese", "the shopper had to fetch the bag at the airport",
                    ev="自己走返機場攞")}),
]

DUPLICATES = [
    # (a, b, tags, note)
    ("C-44", "C-45", "dup_short;dup_exact", "the same short Cantonese note from two shoppers"),
    ("C-34", "C-37", "dup_script_variant", "the Taipei check-in note copied into Simplified by another shopper"),
]

# =============================================================================== extra checks


def check_more(observations, labels):
    keys = [o.key for o in observations]
    need(keys == [f"C-{i:02d}" for i in range(1, len(keys) + 1)], "keys must run C-01, C-02, ... without gaps")
    need(len(observations) == 45, f"45 observations expected, {len(observations)} written")
    tps = {t[0] for t in base.TOUCHPOINTS}
    need({o.tp for o in observations} == tps, f"touchpoints without a visit: {tps - {o.tp for o in observations}}")
    first = BASE_DIR / "build.py"
    first_text = first.read_text(encoding="utf-8")
    for o in observations:
        # new wording: no transcript of this part is a sentence of the first part's transcripts
        for sentence in re.split(r"[。.!?！？]\s*", o.text):
            if len(sentence) >= 25:
                need(sentence not in first_text, f"{o.key}: a sentence copied from the first part: {sentence!r}")
    for r in labels:
        tags = set(split(r["phenomenon"]))
        if "staff_contradiction" in tags:
            need(r["expected"] in ("broken", "review_ok"), f"{r['observation']}/{r['target']}: staff_contradiction")
        if "reported_summary" in tags or "line_other_number" in tags:
            need(r["expected"] == "review_ok", f"{r['observation']}/{r['target']}: in-between line must be review_ok")
        if "line_said_anyway" in tags:
            need(r["expected"] == "none" and "scenario_excluded" in tags, f"{r['observation']}/{r['target']}")
        if CUE_EXCUSES_MORE & tags and r["target_type"] == "promise":
            need(r["expected"] in ("kept", "none", "review_ok"), f"{r['observation']}/{r['target']}: excused cue")


# =============================================================================== main


def main() -> int:
    try:
        extend_base()
        files, labels, closest = base.build(OBSERVATIONS, DUPLICATES, "C")
        for name in PROJECT_FILES:
            need(files[name].encode("utf-8") == (BASE_DIR / name).read_bytes(),
                 f"{name} differs from ../eval_airline/{name}")
        check_more(OBSERVATIONS, labels)
        for name in PROJECT_FILES:       # byte-identical copies of the first part's project files
            files[name] = (BASE_DIR / name).read_bytes().decode("utf-8")
        blocks = {"counts": base.counts_table(OBSERVATIONS, labels, closest),
                  "phenomena": base.phenomena_table(labels), "project": base.project_tables()}
        base.write(HERE, files, blocks)
    except BuildError as exc:
        print(f"build refused: {exc}", file=sys.stderr)
        return 1
    print(base.counts_table(OBSERVATIONS, labels, closest))
    return 0


if __name__ == "__main__":
    sys.exit(main())
