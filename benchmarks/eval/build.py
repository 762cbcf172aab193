"""Writes the Skylark Mobile evaluation set: touchpoints.csv, promises.csv, scripts.csv,
observations.csv and labels.csv in this folder (or in the folder given as argument).

The CSV files are generated from this file: edit here and re-run
``python benchmarks/eval/build.py``, so that every observation keeps a label for every
target that applies to it. Rules:

* every promise and script line that applies to an observation (its touchpoint, its
  validity window) gets a label; the default is ``kept`` and each observation overrides
  what its transcript is about;
* a target outside its validity window gets ``none`` (no check may exist), as does every
  target of an observation with an empty transcript and no measurement for it;
* labels for targets that do not apply at all (``none``) may be added per observation;
* the project-level tables (INCONSISTENT, UNCOVERED, DUPLICATES) are written as they are;
  UNCOVERED must list every (promise, touchpoint) pair the promise applies to.
"""
import csv
import itertools
import sys
from pathlib import Path

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent

TOUCHPOINTS = [
    ("web", "Official website skylark.example", "website", "", "English site for Singapore; banners, pricing page and FAQ are the script."),
    ("app", "Skylark app 云雀App", "app", "", "iOS/Android app; Chinese interface, version 5.0 released 2026-11-01."),
    ("chat", "Online chat 在线客服", "chat", "", "Chat on the website and in the app, English and Chinese; the night shift is partly a chatbot."),
    ("hotline-en", "English hotline (Singapore)", "phone", "Singapore", "+65 line, advertised as staffed around the clock."),
    ("hotline-cn", "云雀移动客服热线 400 mainland hotline", "phone", "Shenzhen 深圳", "Mainland call centre; Mandarin."),
    ("hotline-hk", "香港客戶服務熱線", "phone", "Hong Kong 香港", "Cantonese and English; Traditional Chinese scripts."),
    ("store-sg", "Skylark Orchard store", "store", "Singapore", "Orchard Road, two floors."),
    ("store-sz", "深圳旗舰店 Shenzhen flagship", "store", "Shenzhen 深圳", "Futian, opened 2025."),
    ("store-tp", "台北門市 Taipei store", "store", "Taipei 台北", "Xinyi district; Traditional Chinese scripts."),
]
TP_KEYS = [t[0] for t in TOUCHPOINTS]

PROMISE_COLS = ["key", "text", "touchpoints", "dimension", "metric", "operator", "target", "unit",
                "breach_cues", "weight", "valid_from", "valid_to", "source"]
PROMISES = [
    dict(key="P-247", text="24/7 live agents: a real person answers within 2 minutes 全天候真人客服，2分钟内接通",
         touchpoints="chat;hotline-en;hotline-cn;hotline-hk", dimension="responsiveness", metric="answer_wait",
         operator="<=", target="2", unit="min",
         breach_cues="chatbot;nobody picked up;voicemail only;机器人;没人接;無人接聽", weight="5",
         source="Brand campaign 2026 全天候真人 banner"),
    dict(key="P-CB30", text="We call you back within 30 minutes 30分钟内回电",
         touchpoints="chat;hotline-en;hotline-cn;hotline-hk", dimension="responsiveness", metric="callback_time",
         operator="<=", target="30", unit="min",
         breach_cues="never called back;still waiting for the callback;没有回电;沒有回電", weight="4",
         source="Service charter v2"),
    dict(key="P-COOL14", text="Cancel any new plan within 14 days, no questions asked 14天无理由退订",
         touchpoints="*", dimension="reliability", metric="cancel_window", operator=">=", target="14", unit="day",
         breach_cues="refused to cancel;cancellation fee;不能退订;违约金", weight="4",
         source="Contract terms and every shop window"),
    dict(key="P-FIX24", text="Broadband faults fixed within 24 hours 宽带故障24小时内修复",
         touchpoints="hotline-en;hotline-hk;app", dimension="reliability", metric="repair_time", operator="<=",
         target="24", unit="h", breach_cues="technician never showed up;师傅没来;師傅冇嚟", weight="4",
         source="Fibre launch flyer"),
    dict(key="P-QUEUE10", text="In-store wait under 10 minutes 门店等候不超过10分钟",
         touchpoints="store-sg;store-sz;store-tp", dimension="responsiveness", metric="queue_wait", operator="<=",
         target="10", unit="min",
         breach_cues="waited forever;nobody came to help;made me wait;等了很久;没人招呼;等咗好耐;让我等", weight="3",
         source="Store service standard"),
    dict(key="P-DISC20", text="New customers save 20% for their first 6 months 新客户前6个月立减20%",
         touchpoints="web;app;store-sg;store-sz;store-tp", dimension="assurance", metric="discount", operator=">=",
         target="20", unit="%", breach_cues="no new-customer discount;没有新客优惠;冇新客優惠", weight="3",
         valid_from="2026-09-01", valid_to="2026-10-31", source="Autumn offer 秋季新客优惠"),
    dict(key="P-SIM1H", text="Replacement SIM ready within 1 hour 补卡1小时内完成",
         touchpoints="store-sg;store-sz;store-tp", dimension="reliability", metric="sim_time", operator="<=",
         target="1", unit="h", breach_cues="come back tomorrow;明天再来;聽日再嚟", weight="2",
         valid_from="2026-10-01", source="eSIM/SIM desk launch, October 2026"),
    dict(key="P-REFUND3", text="Refunds back on your card within 3 days 3天内退款到账",
         touchpoints="web;app;chat", dimension="reliability", metric="refund_time", operator="<=", target="3",
         unit="day", breach_cues="refund never arrived;退款还没到账", weight="3", source="Billing FAQ"),
    dict(key="P-PORT", text="Keep your number when you switch, porting is free 携号转网免费办理",
         touchpoints="hotline-cn;store-tp", dimension="assurance", weight="2", source="Switching campaign 携号转网"),
]
PROMISE = {p["key"]: p for p in PROMISES}

SCRIPT_COLS = ["key", "touchpoint", "text", "kind", "step", "promise", "weight", "valid_from", "valid_to"]
SCRIPTS = [
    dict(key="L-01", touchpoint="web", text="Cancel within 14 days, no questions asked.", kind="required", step="banner", promise="P-COOL14", weight="4"),
    dict(key="L-02", touchpoint="web", text="New customers save 20% for the first 6 months.", kind="required", step="pricing", promise="P-DISC20", weight="3", valid_from="2026-09-01", valid_to="2026-10-31"),
    dict(key="L-03", touchpoint="web", text="Refunds reach your card within 5 days.", kind="required", step="faq", promise="P-REFUND3", weight="3"),
    dict(key="L-04", touchpoint="app", text="App内14天无理由退订", kind="required", step="home", promise="P-COOL14", weight="3"),
    dict(key="L-05", touchpoint="app", text="宽带故障一天内上门修复", kind="required", step="repair", promise="P-FIX24", weight="3"),
    dict(key="L-06", touchpoint="chat", text="Hi, you're chatting with a real person, here for you 24/7.", kind="required", step="greeting", promise="P-247", weight="4"),
    dict(key="L-07", touchpoint="chat", text="We'll call you back within 2 hours.", kind="required", step="solution", promise="P-CB30", weight="4"),
    dict(key="L-08", touchpoint="chat", text="That's not my problem.", kind="forbidden", step="solution", weight="5"),
    dict(key="L-09", touchpoint="hotline-en", text="Thank you for calling Skylark, our live agents are here around the clock.", kind="required", step="greeting", promise="P-247", weight="4"),
    dict(key="L-10", touchpoint="hotline-en", text="Our engineer will fix your broadband within forty-eight hours.", kind="required", step="solution", promise="P-FIX24", weight="4"),
    dict(key="L-11", touchpoint="hotline-en", text="There's nothing I can do.", kind="forbidden", step="solution", weight="4"),
    dict(key="L-12", touchpoint="hotline-cn", text="您好，欢迎致电云雀移动24小时真人客服", kind="required", step="greeting", promise="P-247", weight="4"),
    dict(key="L-13", touchpoint="hotline-cn", text="如果今天不能解决，我们会在30分钟内给您回电", kind="必说", step="solution", promise="P-CB30", weight="5"),
    dict(key="L-14", touchpoint="hotline-cn", text="携号转网3天内完成", kind="required", step="switching", promise="P-PORT", weight="2"),
    dict(key="L-15", touchpoint="hotline-cn", text="没办法", kind="禁说", step="solution", weight="4"),
    dict(key="L-16", touchpoint="hotline-hk", text="你好，雲雀流動客戶服務熱線，全天候真人客服為你服務", kind="required", step="greeting", promise="P-247", weight="4"),
    dict(key="L-17", touchpoint="hotline-hk", text="如未能即時解決，我們會於半小時內回電", kind="required", step="solution", promise="P-CB30", weight="5"),
    dict(key="L-18", touchpoint="hotline-hk", text="唔關我哋事", kind="forbidden", step="solution", weight="4"),
    dict(key="L-19", touchpoint="store-sg", text="Welcome to Skylark Orchard, a consultant will see you within 15 minutes.", kind="required", step="greeting", promise="P-QUEUE10", weight="3"),
    dict(key="L-20", touchpoint="store-sg", text="Replacement SIM ready in 1 hour.", kind="required", step="sim", weight="2", valid_from="2026-10-01"),
    dict(key="L-21", touchpoint="store-sg", text="Not my department.", kind="forbidden", step="solution", weight="4"),
    dict(key="L-22", touchpoint="store-sz", text="欢迎光临云雀移动深圳旗舰店，顾问十分钟内为您服务", kind="required", step="greeting", promise="P-QUEUE10", weight="3"),
    dict(key="L-23", touchpoint="store-sz", text="本店支持7天无理由退订", kind="required", step="solution", promise="P-COOL14", weight="4"),
    dict(key="L-24", touchpoint="store-sz", text="新客户前6个月立减20%", kind="required", step="offer", promise="P-DISC20", weight="3", valid_from="2026-09-01", valid_to="2026-10-31"),
    dict(key="L-25", touchpoint="store-sz", text="这个不归我们管", kind="forbidden", step="solution", weight="4"),
    dict(key="L-26", touchpoint="store-tp", text="歡迎光臨雲雀電信台北門市，顧問１０分鐘內為您服務", kind="required", step="greeting", promise="P-QUEUE10", weight="3"),
    dict(key="L-27", touchpoint="store-tp", text="本門市享30日無理由退訂", kind="required", step="solution", weight="4"),
    dict(key="L-28", touchpoint="store-tp", text="攜號轉網7日內完成", kind="required", step="switching", promise="P-PORT", weight="2"),
    dict(key="L-29", touchpoint="store-tp", text="沒辦法", kind="forbidden", step="solution", weight="4"),
]
SCRIPT = {s["key"]: s for s in SCRIPTS}


def is_forbidden(line):
    return line["kind"] in ("forbidden", "禁说")


def lang_of_line(line):
    return {"web": "en", "chat": "en", "hotline-en": "en", "store-sg": "en", "hotline-hk": "zh-hant",
            "store-tp": "zh-hant"}.get(line["touchpoint"], "zh-hans")


MEASURES = ["answer_wait", "callback_time", "cancel_window", "repair_time", "queue_wait", "discount", "sim_time",
            "refund_time"]

# Each observation: key, touchpoint, time, shopper, scenario, lang, transcript, measures, labels.
# labels: target -> (expected, phenomenon, note); targets not given default to kept.
# Extra labels for targets that do not apply (expected none) can be given too.
OBS = []


def obs(key, tp, at, shopper, scenario, lang, text, measures=None, labels=None, **kw):
    OBS.append(dict(key=key, touchpoint=tp, observed_at=at, shopper=shopper, scenario=scenario, lang=lang,
                    transcript=text, measures=measures or {}, labels=labels or {}, **kw))


CLAIM = "claim_quote"

# ---------------------------------------------------------------- web (English)
obs("O-01", "web", "2026-10-02 10:15", "Alice Tan", "Browse plans", "en",
    'Home page banner: "Cancel within 14 days, no questions asked." Pricing page: "New customers save 20% for the '
    'first 6 months." The FAQ says "Refunds reach your card within 5 days." Checkout applied the 20% discount.',
    {"discount": "20"},
    {"P-REFUND3": ("kept", CLAIM, "'within 5 days' is the FAQ's claim, not a measured refund"),
     "P-DISC20": ("kept", "measure_cell_plain", "20 >= 20 %"),
     "L-01": ("kept", "required_verbatim", ""), "L-02": ("kept", "required_verbatim", ""),
     "L-03": ("kept", "required_verbatim", "")})
obs("O-02", "web", "2026/10/5 19:30", "Ben Ho", "Cancel a new plan", "en",
    'Site still shows "Cancel within 14 days, no questions asked." and "New customers save 20% for the first 6 '
    'months." The FAQ says "Refunds reach your card within 5 days." I cancelled the plan; the refund reached '
    'my card after six days.',
    {},
    {"P-REFUND3": ("broken", "transcript_quantity;en_number_word", "refund after six days > 3 days"),
     "P-COOL14": ("kept", "no_breach", "the cancellation itself was accepted")})
obs("O-03", "web", "2026-09-12 09:00", "Chloe Lim", "Check the redesigned site", "en",
    'Redesigned pricing page: "New customers save 20% for the first 6 months." The FAQ says "Refunds reach your '
    'card within 5 days." No word about cancelling anywhere on the new site.',
    {},
    {"L-01": ("broken", "required_absent;single_shared_word", "only the word 'cancel' is shared with L-01"),
     "P-COOL14": ("kept", "no_breach", "the line is missing (missing_phrase) but nothing shows the promise broken")})
obs("O-04", "web", "2026-11-05 20:10", "David Wu", "Browse after the autumn offer", "en",
    'Home page: "Cancel within 14 days — no questions asked!" The FAQ says "Refunds reach your card within 5 days." '
    'There is no new-customer discount any more.',
    {},
    {"L-01": ("kept", "case_width_punct", "dash and exclamation mark instead of comma and full stop"),
     "P-DISC20": ("none", "validity_window", "P-DISC20 ended 2026-10-31; the breach cue on 11-05 must give no check")})
obs("O-05", "web", "2026-10-20 08:40", "Chloe Lim", "Order a SIM-only plan", "en",
    'Home page: "CANCEL WITHIN 14 DAYS, NO QUESTIONS ASKED." Pricing: "New customers save 20% for the first 6 '
    'months", but checkout only took off 10%. The FAQ says "Refunds reach your card within 5 days."',
    {"discount": "10%"},
    {"L-01": ("kept", "case_width_punct", "upper case"),
     "P-DISC20": ("broken", "measure_cell_unit", "measured 10% < 20%")})

# ---------------------------------------------------------------- chat (English / mixed)
obs("O-06", "chat", "2026-10-03 23:40", "Alice Tan", "Billing question at night", "en",
    "At 23:40 only a bot replied with menu buttons; no human ever joined the chat.",
    {},
    {"P-247": ("broken", "breach_cue;cue_synonym", "'bot' is a synonym of the cue 'chatbot'"),
     "L-06": ("broken", "required_absent", ""), "L-07": ("broken", "required_absent", "")})
obs("O-07", "chat", "2026-10-04 22:10", "Ben Ho", "Roaming question late evening", "en",
    'Agent Mia: "Hi, you\'re chatting with a real person, here for you 24/7." It really was a real person, not a '
    'bot. She said "We\'ll call you back within 2 hours" and the call came 20 minutes later.',
    {},
    {"P-247": ("kept", "negation_outside_cue", "'not a bot'"),
     "P-CB30": ("kept", CLAIM + ";transcript_quantity", "callback after 20 minutes; the 2 hours is the agent's line")})
obs("O-08", "chat", "2026-10-08 15:20", "Chloe Lim", "Double charge", "en",
    'Agent: "Hi, you\'re chatting with a real person, here for you 24/7." When I asked about the double charge he '
    'wrote "That\'s not my problem" and closed the chat.',
    {},
    {"L-08": ("broken", "forbidden_said", ""), "L-07": ("broken", "required_absent", "")})
obs("O-09", "chat", "2026-10-09 11:05", "David Wu", "Change plan", "en",
    'Agent: "hi, you\'re chatting with a REAL person, here for you 24/7!" I asked to switch plans and she replied '
    '"No problem, done." She also said "We\'ll call you back within 2 hours" in case billing had questions.',
    {},
    {"L-08": ("kept", "single_shared_word", "'No problem' shares only 'problem' with 'That's not my problem'"),
     "L-06": ("kept", "case_width_punct", "case and '!'"),
     "P-CB30": ("kept", CLAIM, "no callback happened; 2 hours is the agent's line")})
obs("O-10", "chat", "2026-10-15 16:00", "Alice Tan", "Router fault", "en",
    'Agent: "Hi, you\'re chatting with a real person, here for you 24/7." "We\'ll call you back within 2 hours." '
    'The call came two and a half hours later.',
    {"callback_time": "2.5 h"},
    {"P-CB30": ("broken", "measure_cell_unit;unit_conversion", "2.5 h = 150 min > 30 min")})
obs("O-11", "chat", "2026-10-16 20:30", "陈伟", "退款查询 Refund enquiry", "mixed",
    'Agent: "Hi, you\'re chatting with a real person, here for you 24/7." 我问退订后的退款，对方说 "We\'ll call you '
    'back within 2 hours"，结果一周了退款还没到账。',
    {},
    {"P-REFUND3": ("broken", "breach_cue;unit_variant", "cue 退款还没到账; 一周 = 7 days > 3"),
     "P-CB30": ("kept", CLAIM, "no evidence about the callback; 2 hours is quoted")})
obs("O-12", "chat", "2026-10-18 21:15", "李娜", "套餐咨询 Plan question", "mixed",
    '开场白是 "Hi, you\'re chatting with a real person, here for you 24/7."，但其实是智能客服自动回复，转人工又等了十五分钟。',
    {},
    {"P-247": ("broken", "breach_cue;cue_synonym;zh_numeral", "智能客服 ≈ chatbot/机器人; waited 15 min for a human"),
     "L-06": ("kept", "required_verbatim", "the greeting text was shown"),
     "L-07": ("broken", "required_absent", "")})
obs("O-13", "chat", "2026-10-22 13:40", "David Wu", "Cancel an add-on", "en",
    'Agent: "Hi, your chatting with a real persn, here for you 24 7." I asked to cancel an add-on; she said '
    '"We\'ll cal you back within 2 hrs" and the call came 25 mins later.',
    {"callback_time": "25 mins"},
    {"L-06": ("kept", "typo_stt", "your/persn/'24 7'"), "L-07": ("kept", "typo_stt;unit_variant", "cal / hrs"),
     "P-CB30": ("kept", "measure_cell_unit;unit_variant", "25 mins <= 30 min")})
obs("O-14", "chat", "2026-09-25 17:30", "Ben Ho", "Smart-home bundle", "en",
    'Agent Leo: "Hi, you\'re chatting with a real person, here for you 24/7." I asked whether the smart-home '
    'bundle includes the robot vacuum; he checked and confirmed it does, so no callback was needed.',
    {},
    {"P-247": ("kept", "short_phrase_fragment", "'robot vacuum' is a product, not a bot"),
     "L-07": ("broken", "required_absent;single_shared_word", "the callback line was not said ('callback' alone is not the line)"),
     "P-CB30": ("kept", "no_breach", "")})
obs("O-15", "chat", "2026-10-26 09:50", "Chloe Lim", "Callback that never came", "en",
    'Agent: "Hi, you\'re chatting with a real person, here for you 24/7." "We\'ll call you back within 2 hours." '
    'They never called back.',
    {},
    {"P-CB30": ("broken", "negation_inside_cue", "cue 'never called back'")})
obs("O-16", "chat", "2026-10-27 18:30", "Alice Tan", "Roaming charge", "en",
    'Agent: "Hi, you\'re chatting with a real person, here for you 24/7." About the roaming charge he typed '
    '"thats not my problm" and then "We\'ll call you back within 2 hours."',
    {"callback_time": "15"},
    {"L-08": ("broken", "forbidden_said;typo_stt", "typos in the forbidden line"),
     "P-CB30": ("kept", "measure_cell_plain", "15 <= 30 min")})

# ---------------------------------------------------------------- English hotline
GREET_EN = '"Thank you for calling Skylark, our live agents are here around the clock."'
FIX_EN = '"Our engineer will fix your broadband within forty-eight hours."'
obs("O-17", "hotline-en", "2026-10-02 09:40", "Alice Tan", "Broadband outage", "en",
    f'Agent: {GREET_EN} She said {FIX_EN} The engineer fixed it the next morning, 16 hours after my call.',
    {"answer_wait": "1", "repair_time": "16 h"},
    {"P-FIX24": ("kept", "measure_cell_unit", "16 h <= 24 h"), "L-09": ("kept", "required_verbatim", ""),
     "L-10": ("kept", "required_verbatim", "")})
obs("O-18", "hotline-en", "2026-10-06 02:30", "Ben Ho", "Night call", "en",
    "Called at 02:30: it rang for ten minutes, nobody picked up, then voicemail only.",
    {},
    {"P-247": ("broken", "breach_cue;negation_inside_cue", "cue 'nobody picked up' contains its own negation"),
     "L-09": ("broken", "required_absent", ""), "L-10": ("broken", "required_absent", "")})
obs("O-19", "hotline-en", "2026-10-07 14:00", "Chloe Lim", "Outage complaint", "en",
    f'Agent: {GREET_EN} About the outage he said "There\'s nothing I can do, sorry" and never mentioned an engineer.',
    {},
    {"L-11": ("broken", "forbidden_said", ""),
     "L-10": ("broken", "required_absent;single_shared_word", "only 'engineer' is shared"),
     "P-FIX24": ("kept", "no_breach", "no repair time or cue recorded")})
obs("O-20", "hotline-en", "2026-10-10 18:20", "David Wu", "Speech-to-text log", "en",
    'Agent: "Thank you for calling Sky lark, our life agents are here around the clock." "Our engineer will fix '
    'your broad band within forty eight hours." Technician came the same afternoon.',
    {"repair_time": "5"},
    {"L-09": ("kept", "typo_stt", "Sky lark / life agents"), "L-10": ("kept", "typo_stt", "broad band / forty eight"),
     "P-FIX24": ("kept", "measure_cell_plain", "5 (h) <= 24 h")})
obs("O-21", "hotline-en", "2026-10-12 11:00", "Alice Tan", "Slow repair", "en",
    'Agent: "Thank you for calling Skylark, our live agents are here 24/7." She said "Our engineer will fix your '
    'broadband within 48 hours." The engineer only fixed the line two days later.',
    {},
    {"L-09": ("kept", "synonym", "24/7 ≈ around the clock"), "L-10": ("kept", "en_number_word", "48 ≈ forty-eight"),
     "P-FIX24": ("broken", "transcript_quantity;en_number_word;unit_conversion", "two days = 48 h > 24 h")})
obs("O-22", "hotline-en", "2026-10-14 10:30", "Ben Ho", "Billing callback", "en",
    f'Agent: {GREET_EN} She promised a callback about my bill and it came an hour and a half later. She also said '
    f'{FIX_EN}',
    {"callback_time": "1.5 h"},
    {"P-CB30": ("broken", "measure_cell_unit;unit_conversion", "1.5 h = 90 min > 30 min"),
     "P-FIX24": ("kept", CLAIM, "no repair happened; 48 hours is the agent's line")})
obs("O-23", "hotline-en", "2026-10-20 16:45", "Chloe Lim", "Cancel in the cooling-off period", "en",
    f'Agent: {GREET_EN} I cancelled my new plan within the cooling-off period and there was no cancellation fee. '
    f'She said {FIX_EN}',
    {},
    {"P-COOL14": ("kept", "negation_outside_cue", "'no cancellation fee'"),
     "P-FIX24": ("kept", CLAIM, "48 hours is quoted")})
obs("O-24", "hotline-en", "2026-10-21 12:10", "David Wu", "Cancellation refused", "en",
    f'Agent: {GREET_EN} Five days into my new plan she refused to cancel it. She said {FIX_EN}',
    {},
    {"P-COOL14": ("broken", "breach_cue", "cue 'refused to cancel'"), "P-FIX24": ("kept", CLAIM, "")})
obs("O-25", "hotline-en", "2026-10-23 19:00", "Alice Tan", "Callback never came", "en",
    f'Agent: {GREET_EN} She said {FIX_EN} Then she promised a call back within 30 minutes; two days later I am '
    f'still waiting for the callback.',
    {},
    {"P-CB30": ("broken", "breach_cue", "cue 'still waiting for the callback'"), "P-FIX24": ("kept", CLAIM, "")})
obs("O-26", "hotline-en", "2026-10-24 08:50", "Ben Ho", "Long call, no callback", "en",
    f'Agent: {GREET_EN} The call lasted 45 minutes and my issue was solved on the spot, so no callback was needed. '
    f'{FIX_EN}',
    {},
    {"P-CB30": ("kept", "quantity_not_metric", "45 minutes is the length of the call, not a callback time"),
     "P-FIX24": ("kept", CLAIM, "the 48 hours is the agent's scripted line, quoted without 'said'")})
obs("O-27", "hotline-en", "2026-10-27 13:30", "Chloe Lim", "Quick callback", "en",
    f'Agent: {GREET_EN} She said {FIX_EN[:-2]}", and she called back a quarter of an hour later to confirm the '
    f'appointment.',
    {},
    {"P-CB30": ("kept", "transcript_quantity;en_number_word", "a quarter of an hour = 15 min <= 30"),
     "P-FIX24": ("kept", CLAIM, "")})
obs("O-28", "hotline-en", "2026-10-28 22:15", "David Wu", "Night call, typed in a hurry", "en",
    "Called at 22:15, nobody pickd up and it went to voicemial only.",
    {},
    {"P-247": ("broken", "breach_cue;cue_fuzzy_typo", "pickd / voicemial"),
     "L-09": ("broken", "required_absent", ""), "L-10": ("broken", "required_absent", "")})

# ---------------------------------------------------------------- Singapore store
GREET_SG = '"Welcome to Skylark Orchard, a consultant will see you within 15 minutes."'
obs("O-29", "store-sg", "2026-09-20 15:00", "Ben Ho", "Replacement SIM before the SIM desk", "en",
    f'Greeter: {GREET_SG} A consultant came after 12 minutes. For a replacement SIM I was told to come back tomorrow.',
    {"queue_wait": "12"},
    {"P-QUEUE10": ("broken", "measure_cell_plain", "12 > 10 min (the store's own line says 15)"),
     "P-SIM1H": ("none", "validity_window", "P-SIM1H starts 2026-10-01; the cue on 09-20 must give no check")})
obs("O-30", "store-sg", "2026-10-11 11:30", "Chloe Lim", "Replacement SIM", "en",
    f'Greeter: {GREET_SG} Seen after 4 minutes. The consultant said "Replacement SIM ready in 1 hour", then told me '
    f'to come back tomorrow.',
    {"queue_wait": "4"},
    {"P-SIM1H": ("broken", "breach_cue", "cue 'come back tomorrow'"), "P-QUEUE10": ("kept", "measure_cell_plain", "")})
obs("O-31", "store-sg", "2026-10-13 16:20", "David Wu", "Billing question in store", "en",
    f'Greeter: {GREET_SG} Seen after 3 minutes. I asked about my broadband bill and got "Not my department." I had '
    f'tried the hotline first, but nobody picked up.',
    {"queue_wait": "3"},
    {"L-21": ("broken", "forbidden_said", ""), "L-20": ("broken", "required_absent", ""),
     "P-247": ("none", "not_applicable", "P-247 does not apply to stores, although its cue is in the text")})
obs("O-32", "store-sg", "2026-10-16 12:45", "Alice Tan", "Weekend queue", "en",
    'Greeter: "welcome to skylark orchard - a consultant will see you within 15 minutes". Nobody came to help for '
    'twenty-five minutes. The consultant finally said "Replacement SIM ready in 1 hour".',
    {},
    {"P-QUEUE10": ("broken", "breach_cue;transcript_quantity;en_number_word", "'nobody came to help', 25 min"),
     "L-19": ("kept", "case_width_punct", "lower case, dash")})
obs("O-33", "store-sg", "2026-10-19 14:10", "Ben Ho", "SIM in minutes", "en",
    f'Greeter: {GREET_SG} Nobody made me wait; a consultant came at once. The SIM desk faces the department store '
    f'across the road: "Replacement SIM ready in 1 hour", and mine was ready in 40 minutes.',
    {"queue_wait": "1", "sim_time": "40 min"},
    {"P-QUEUE10": ("kept", "negation_outside_cue", "'Nobody made me wait' negates the cue 'made me wait'"),
     "L-21": ("kept", "single_shared_word", "'department store' shares one word with 'Not my department.'"),
     "P-SIM1H": ("kept", "measure_cell_unit;unit_conversion", "40 min <= 1 h")})
obs("O-34", "store-sg", "2026-11-03 10:20", "Chloe Lim", "After the autumn offer", "en",
    f'Greeter: {GREET_SG} Seen straight away. The consultant said "Replacement SIM ready in 1 hour"; mine took '
    f'2.5 h. There is no new-customer discount any more.',
    {"queue_wait": "1", "sim_time": "2.5 h"},
    {"P-SIM1H": ("broken", "measure_cell_unit;unit_conversion", "2.5 h > 1 h"),
     "P-DISC20": ("none", "validity_window", "ended 2026-10-31")})

# ---------------------------------------------------------------- mainland hotline (Simplified)
GREET_CN = "“您好，欢迎致电云雀移动24小时真人客服。”"
LINES_CN = "携号转网3天内完成，如果今天不能解决，我们会在30分钟内给您回电"
obs("O-35", "hotline-cn", "2026-10-02 10:15", "李娜", "携号转网咨询", "zh-hans",
    f"客服：{GREET_CN}我问携号转网，她说{LINES_CN}。12分钟后就回电了。",
    {"answer_wait": "1", "callback_time": "12"},
    {"L-12": ("kept", "required_verbatim;no_spaces", ""), "L-13": ("kept", "required_verbatim;no_spaces", ""),
     "L-14": ("kept", "required_verbatim;no_spaces", ""), "P-CB30": ("kept", "measure_cell_plain", "")})
obs("O-36", "hotline-cn", "2026年10月3日 23:30", "陈伟", "深夜来电", "zh-hans",
    "深夜23:30拨打热线，只有机器人语音应答，一直没人接。",
    {},
    {"P-247": ("broken", "breach_cue;negation_inside_cue", "机器人 / 没人接"),
     "L-12": ("broken", "required_absent", ""), "L-13": ("broken", "required_absent", ""),
     "L-14": ("broken", "required_absent", "")})
obs("O-37", "hotline-cn", "2026-10-05 14:00", "李娜", "真人接听", "zh-hans",
    f"“您好，欢迎致电云雀移动24小时真人客服”，接电话的是真人，不是机器人。她说{LINES_CN}。",
    {},
    {"P-247": ("kept", "negation_outside_cue", "不是机器人")})
obs("O-38", "hotline-cn", "2026-10-07 16:30", "王芳", "回电太慢", "zh-hans",
    f"{GREET_CN}客服说{LINES_CN}，结果两个半小时后才回电。",
    {},
    {"P-CB30": ("broken", "transcript_quantity;zh_numeral", "两个半小时 = 150 min > 30")})
obs("O-39", "hotline-cn", "2026-10-09 11:20", "陈伟", "退订被拒", "zh-hans",
    f"{GREET_CN}我想退订刚开通的套餐，客服说没办法，不能退订，要收违约金。",
    {},
    {"L-15": ("broken", "forbidden_said", ""), "P-COOL14": ("broken", "breach_cue", "不能退订 / 违约金"),
     "L-13": ("broken", "required_absent", ""), "L-14": ("broken", "required_absent", "")})
obs("O-40", "hotline-cn", "2026-10-12 15:45", "王芳", "想办法", "zh-hans",
    f"{GREET_CN}客服说会帮我想办法，携号转网三天内完成，如果今天不能解决，我们会在三十分钟内给您回电。",
    {"callback_time": "二十分钟"},
    {"L-15": ("kept", "short_phrase_fragment", "想办法 is not 没办法"), "L-14": ("kept", "zh_numeral", "三天"),
     "L-13": ("kept", "zh_numeral", "三十分钟"), "P-CB30": ("kept", "measure_cell_unit;zh_numeral", "二十分钟")})
obs("O-41", "hotline-cn", "2026-10-14 09:10", "李娜", "语音转写错字", "zh-hans",
    "“您好，欢迎致电云雀移洞24小时真人客服。”携号转往3天内完成。如果今天不能解决，我们会在30分中内给您回电。",
    {"callback_time": "10"},
    {"L-12": ("kept", "typo_stt", "移洞"), "L-14": ("kept", "typo_stt", "转往"), "L-13": ("kept", "typo_stt", "分中")})
obs("O-42", "hotline-cn", "2026-10-16 13:00", "陈伟", "扫地机器人套餐", "zh-hans",
    f"{GREET_CN}我咨询送扫地机器人的宽带套餐，接线员讲解很清楚。{LINES_CN}。",
    {"answer_wait": "1"},
    {"P-247": ("kept", "short_phrase_fragment", "扫地机器人 is a robot vacuum, not a bot answering")})
obs("O-43", "hotline-cn", "2026-10-18 20:00", "王芳", "接通慢", "zh-hans",
    f"电话响了很久，等了十五分钟才接通。{GREET_CN}{LINES_CN}。",
    {},
    {"P-247": ("broken", "transcript_quantity;zh_numeral", "十五分钟 before 接通 > 2 min")})
obs("O-44", "hotline-cn", "2026-10-20 10:40", "李娜", "一直没有回电", "zh-hans",
    f"{GREET_CN}{LINES_CN}。到现在一直没有回电。",
    {},
    {"P-CB30": ("broken", "breach_cue;negation_inside_cue", "没有回电")})
obs("O-45", "hotline-cn", "2026-10-22 17:00", "陈伟", "通话时长", "zh-hans",
    f"{GREET_CN}携号转网3天内完成。这通电话聊了四十分钟，问题当场解决，不需要回电。",
    {},
    {"P-CB30": ("kept", "quantity_not_metric;zh_numeral", "四十分钟 is the call length, not a callback"),
     "L-13": ("broken", "required_absent;single_shared_word", "only 回电 is shared")})
obs("O-46", "hotline-cn", "2026-10-24 12:30", "王芳", "全天候 & 钟头", "zh-hans",
    f"“您好，欢迎致电云雀移动全天候真人客服。”{LINES_CN}，可是两个钟头后才回电。",
    {},
    {"L-12": ("kept", "synonym", "全天候 ≈ 24小时"),
     "P-CB30": ("broken", "transcript_quantity;zh_numeral;unit_variant", "两个钟头 = 120 min > 30")})
obs("O-47", "hotline-cn", "2026-10-26 23:50", "陈伟", "深夜语音", "zh-hans",
    "晚上23:50打过去，接听的是机器仁，说人工坐席已下班。",
    {},
    {"P-247": ("review_ok", "cue_fuzzy_typo", "机器仁 is speech-to-text for 机器人; a 1-character error in a 3-character cue"),
     "L-12": ("broken", "required_absent", ""), "L-13": ("broken", "required_absent", ""),
     "L-14": ("broken", "required_absent", "")})

# ---------------------------------------------------------------- Hong Kong hotline (Traditional / Cantonese)
GREET_HK = "「你好，雲雀流動客戶服務熱線，全天候真人客服為你服務。」"
CB_HK = "如未能即時解決，我們會於半小時內回電"
obs("O-48", "hotline-hk", "2026-10-03 19:00", "黄嘉欣", "寬頻斷線", "zh-hant",
    f"{GREET_HK}寬頻斷線，職員話師傅聽日上門。{CB_HK}，二十分鐘後就回電確認。",
    {"repair_time": "20 h"},
    {"P-CB30": ("kept", "transcript_quantity;zh_numeral", "二十分鐘 <= 30"),
     "P-FIX24": ("kept", "measure_cell_unit", "20 h"), "L-16": ("kept", "required_verbatim", ""),
     "L-17": ("kept", "required_verbatim", "")})
obs("O-49", "hotline-hk", "2026-10-06 00:40", "黄嘉欣", "凌晨來電", "zh-hant",
    "凌晨00:40打去，得個錄音，無人接聽，之後轉咗去智能客服。",
    {},
    {"P-247": ("broken", "breach_cue;negation_inside_cue;cue_synonym", "無人接聽 / 智能客服"),
     "L-16": ("broken", "required_absent", ""), "L-17": ("broken", "required_absent", "")})
obs("O-50", "hotline-hk", "2026-10-09 15:30", "黄嘉欣", "唔係機器人", "zh-hant",
    f"{GREET_HK}係真人，唔係機器人，即刻接通。{CB_HK}。",
    {},
    {"P-247": ("kept", "negation_outside_cue;simp_trad", "唔係 (Cantonese 'is not') 機器人")})
obs("O-51", "hotline-hk", "2026-10-11 11:10", "黄嘉欣", "唔關我哋事", "zh-hant",
    f"{GREET_HK}我問點解寬頻故障三日都未修復，職員話「唔關我哋事」，之後冇再講回電。",
    {},
    {"L-18": ("broken", "forbidden_said", ""), "L-17": ("broken", "required_absent", ""),
     "P-FIX24": ("broken", "transcript_quantity;zh_numeral;unit_variant", "三日 = 72 h > 24 h, still not repaired"),
     "P-CB30": ("kept", "no_breach", "no callback was promised, so none was missed")})
obs("O-52", "hotline-hk", "2026-10-15 17:40", "陈伟", "简繁混写", "zh-hant",
    "「你好，雲雀流动客户服务热线，全天候真人客服为你服务。」如未能即时解决，我们会於半小时内回电。师傅冇嚟，约咗两次都冇人上门。",
    {},
    {"L-16": ("kept", "simp_trad", "Simplified and Traditional mixed"), "L-17": ("kept", "simp_trad", ""),
     "P-FIX24": ("broken", "breach_cue;simp_trad", "师傅冇嚟 (cue written 師傅冇嚟)")})
obs("O-53", "hotline-hk", "2026-10-17 14:20", "黄嘉欣", "跟進", "zh-hant",
    f"{GREET_HK}職員話呢個我哋會跟進，{CB_HK}，結果四十五分鐘後先回電。",
    {},
    {"L-18": ("kept", "short_phrase_fragment", "我哋 is shared with 唔關我哋事"),
     "P-CB30": ("broken", "transcript_quantity;zh_numeral", "四十五分鐘 > 30")})
obs("O-54", "hotline-hk", "2026-10-19 10:00", "黄嘉欣", "２４小時", "zh-hant",
    f"「你好，雲雀流動客戶服務熱線，２４小時真人客服為你服務。」{CB_HK}。",
    {"answer_wait": "1"},
    {"L-16": ("kept", "synonym;case_width_punct", "full-width ２４小時 ≈ 全天候")})

# ---------------------------------------------------------------- Shenzhen store (Simplified)
GREET_SZ = "“欢迎光临云雀移动深圳旗舰店，顾问十分钟内为您服务”"
COOL_SZ = "“本店支持7天无理由退订”"
DISC_SZ = "“新客户前6个月立减20%”"
TOLD7 = ("broken", "measure_cell_plain", "told 7-day cancellation (script L-23), measured 7 < 14 days")
obs("O-55", "store-sz", "2026-10-04 14:00", "刘洋", "办新卡", "zh-hans",
    f"店员：{GREET_SZ}，6分钟后顾问到位。介绍了{DISC_SZ}和{COOL_SZ}。",
    {"queue_wait": "6", "cancel_window": "7", "discount": "20"},
    {"P-COOL14": TOLD7, "L-22": ("kept", "required_verbatim", ""), "L-23": ("kept", "required_verbatim", ""),
     "L-24": ("kept", "required_verbatim", "")})
obs("O-56", "store-sz", "2026-10-08 15:30", "张悦", "周末排队", "zh-hans",
    f"进店没人招呼，等了很久。后来店员说{GREET_SZ}，又介绍{DISC_SZ}和{COOL_SZ}。",
    {"queue_wait": "二十五分钟", "cancel_window": "7"},
    {"P-QUEUE10": ("broken", "measure_cell_unit;zh_numeral;breach_cue", "二十五分钟 > 10; 没人招呼"),
     "P-COOL14": TOLD7})
obs("O-57", "store-sz", "2026-10-10 11:00", "刘洋", "没有让我等", "zh-hans",
    f"店员马上说{GREET_SZ}，没有让我等。她介绍{DISC_SZ}，{COOL_SZ}。",
    {"cancel_window": "7"},
    {"P-QUEUE10": ("kept", "negation_outside_cue", "没有让我等 (cue 让我等)"), "P-COOL14": TOLD7})
obs("O-58", "store-sz", "2026-10-13 16:40", "张悦", "补卡被推", "zh-hans",
    f"{GREET_SZ}。我要补卡，店员说这个不归我们管，让我明天再来。",
    {"queue_wait": "2"},
    {"L-25": ("broken", "forbidden_said", ""), "P-SIM1H": ("broken", "breach_cue", "明天再来"),
     "L-23": ("broken", "required_absent", ""), "L-24": ("broken", "required_absent", ""),
     "P-QUEUE10": ("kept", "measure_cell_plain;single_shared_word", "让我明天再来 is not the cue 让我等")})
obs("O-59", "store-sz", "2026-11-06 10:30", "刘洋", "优惠结束后", "zh-hans",
    f"{GREET_SZ}，3分钟后顾问到位。补卡用了半小时。店员说{COOL_SZ}，没有新客优惠了。",
    {"queue_wait": "3", "sim_time": "半小时", "cancel_window": "7"},
    {"P-DISC20": ("none", "validity_window", "ended 2026-10-31; cue 没有新客优惠 on 11-06 gives no check"),
     "L-24": ("none", "validity_window", "line ended 2026-10-31"),
     "P-SIM1H": ("kept", "measure_cell_unit;zh_numeral", "半小时 <= 1 h"), "P-COOL14": TOLD7})
obs("O-60", "store-sz", "2026-09-18 13:15", "张悦", "折扣不足", "zh-hans",
    f"{GREET_SZ}，5分钟后有人接待。店员说{DISC_SZ}，结账时只减了15%。补卡要我明天再来。",
    {"queue_wait": "5", "discount": "15%"},
    {"P-DISC20": ("broken", "measure_cell_unit", "15% < 20%"),
     "P-SIM1H": ("none", "validity_window", "starts 2026-10-01; cue 明天再来 on 09-18 gives no check"),
     "L-23": ("broken", "required_absent", "")})

# ---------------------------------------------------------------- Taipei store (Traditional)
GREET_TP = "「歡迎光臨雲雀電信台北門市，顧問１０分鐘內為您服務」"
TAIL_TP = "本門市享30日無理由退訂，攜號轉網7日內完成。"
obs("O-61", "store-tp", "2026-10-05 14:30", "林怡君", "半形數字", "zh-hant",
    "店員：「歡迎光臨雲雀電信台北門市，顧問10分鐘內為您服務」，４分鐘後顧問就到。她說" + TAIL_TP,
    {},
    {"L-26": ("kept", "case_width_punct", "half-width 10 where the line has full-width １０"),
     "P-QUEUE10": ("kept", "transcript_quantity;case_width_punct", "full-width ４分鐘 <= 10"),
     "L-27": ("kept", "required_verbatim", ""), "L-28": ("kept", "required_verbatim", "")})
obs("O-62", "store-tp", "2026-10-09 16:00", "王芳", "简体记录", "zh-hans",
    "店员说“欢迎光临云雀电信台北门市，顾问10分钟内为您服务”，结果等了很久，四十分钟才有人来。她说本门市享30日无理由退订，"
    "携号转网7日内完成。问能不能快点，店员说没办法。",
    {},
    {"P-QUEUE10": ("broken", "breach_cue;transcript_quantity;zh_numeral", "等了很久, 四十分钟"),
     "L-26": ("kept", "simp_trad", "Simplified record of a Traditional line"), "L-27": ("kept", "simp_trad", ""),
     "L-28": ("kept", "simp_trad", ""), "L-29": ("broken", "forbidden_said;simp_trad", "没办法 vs 沒辦法")})
obs("O-63", "store-tp", "2026-10-12 12:00", "林怡君", "沒辦法", "zh-hant",
    f"{GREET_TP}。我問新客優惠，店員說沒辦法，沒有新客優惠。攜號轉網7日內完成。",
    {"queue_wait": "2"},
    {"L-29": ("broken", "forbidden_said", ""), "P-DISC20": ("broken", "breach_cue;simp_trad", "沒有新客優惠"),
     "L-27": ("broken", "required_absent", "")})
obs("O-64", "store-tp", "2026-10-20 15:10", "林怡君", "想辦法", "zh-hant",
    f"{GREET_TP}。補卡系統故障，店員說會想辦法，補卡等了兩個小時才拿到新卡。{TAIL_TP}",
    {"queue_wait": "3"},
    {"L-29": ("kept", "short_phrase_fragment", "想辦法 is not 沒辦法"),
     "P-SIM1H": ("broken", "transcript_quantity;zh_numeral", "兩個小時 > 1 h"),
     "P-QUEUE10": ("kept", "measure_cell_plain", "3 min to be seen; the 2 hours was the SIM, not the queue")})
obs("O-65", "store-tp", "2026-09-22 11:40", "林怡君", "補卡（承諾生效前）", "zh-hant",
    f"{GREET_TP}。想補卡，店員叫我明天再來。{TAIL_TP}打客服電話也無人接聽。",
    {"queue_wait": "5"},
    {"P-SIM1H": ("none", "validity_window", "starts 2026-10-01"),
     "P-247": ("none", "not_applicable", "P-247 does not apply to stores, although 無人接聽 is in the text")})

# ---------------------------------------------------------------- app (Chinese / mixed)
obs("O-66", "app", "2026-10-06 09:00", "周婷", "报修", "zh-hans",
    "App首页写着“App内14天无理由退订”，报修页写着“宽带故障一天内上门修复”。报修后三十个小时才修复。",
    {},
    {"P-FIX24": ("broken", "transcript_quantity;zh_numeral", "三十个小时 > 24 h"),
     "L-04": ("kept", "required_verbatim", ""), "L-05": ("kept", "required_verbatim", "")})
obs("O-67", "app", "2026-10-09 12:00", "周婷", "空白记录（只有测量）", "zh-hans",
    "",
    {"repair_time": "2.5 h", "refund_time": "5天"},
    {"P-FIX24": ("kept", "empty_transcript;measure_cell_unit", "2.5 h"),
     "P-REFUND3": ("broken", "empty_transcript;measure_cell_unit", "5天 > 3 days"),
     "P-COOL14": ("none", "empty_transcript", "no transcript, no measurement"),
     "P-DISC20": ("none", "empty_transcript", ""), "L-04": ("none", "empty_transcript", ""),
     "L-05": ("none", "empty_transcript", "")})
obs("O-68", "app", "2026-10-14 20:00", "黄嘉欣", "退款未到", "zh-hant",
    "App內寫住「App內14天無理由退訂」同「寬帶故障一天內上門修復」。退訂後退款還沒到賬，已經五天。",
    {},
    {"P-REFUND3": ("broken", "breach_cue;simp_trad;zh_numeral", "退款還沒到賬, 五天"),
     "L-04": ("kept", "simp_trad", ""), "L-05": ("kept", "simp_trad", "")})
obs("O-69", "app", "2026-10-25 18:00", "周婷", "全角 & new-customer discount", "mixed",
    "App banner: “ＡＰＰ内１４天无理由退订”; 报修页 “宽带故障一天内上门修复”. New-customer discount 20% applied at "
    "checkout; 退订时也没有收违约金。",
    {"discount": "20%"},
    {"L-04": ("kept", "case_width_punct", "full-width ＡＰＰ１４"),
     "P-COOL14": ("kept", "negation_outside_cue", "没有收违约金"),
     "P-DISC20": ("kept", "measure_cell_unit;cue_partial_overlap",
                  "20% applied; 'New-customer discount' overlaps the cue 'no new-customer discount' without its 'no'")})
obs("O-70", "app", "2026-11-08 21:00", "刘洋", "改版后", "zh-hans",
    "App改版后首页不再显示退订说明，只看到“宽带故障一天内上门修复”。",
    {},
    {"L-04": ("broken", "required_absent;single_shared_word", "only 退订 is shared"),
     "P-DISC20": ("none", "validity_window", "ended 2026-10-31"),
     "P-COOL14": ("kept", "no_breach", "")})


# ---------------------------------------------------------------- more English cases
obs("O-79", "web", "2026-09-05 21:00", "David Wu", "Refund after cancelling", "en",
    'Home page banner: "Cancel within 14 days, no questions asked." Pricing page: "New customers save 20% for the '
    'first 6 months." The FAQ says "Refunds reach your card within 5 days." My refund never arrived.',
    {},
    {"P-REFUND3": ("broken", "breach_cue;negation_inside_cue", "'refund never arrived' (cue 'refund never arrived')")})
obs("O-80", "web", "2026-10-30 07:45", "Ben Ho", "Shopper typed the banners from memory", "en",
    'Banner: "cancel within 14 days no questions asked". Pricing page: "New customers save twenty percent for the '
    'first six months." The FAQ says "Refunds reach your card within 5 days."',
    {},
    {"L-01": ("kept", "case_width_punct", "no comma, lower case"),
     "L-02": ("kept", "en_number_word;unit_variant", "twenty percent / six months"),
     "P-DISC20": ("kept", "no_breach", "no discount measured, no cue")})
obs("O-81", "store-sg", "2026-10-22 17:20", "Alice Tan", "Roaming refund in store", "en",
    f'Greeter: {GREET_SG} Seen after 6 minutes. When I asked about a roaming refund the consultant shrugged: '
    f'"NOT my department!" He did say "Replacement SIM ready in 1 hour."',
    {"queue_wait": "6 mins"},
    {"L-21": ("broken", "forbidden_said;case_width_punct", "upper case and '!'"),
     "P-QUEUE10": ("kept", "measure_cell_unit;unit_variant", "6 mins <= 10 min")})
obs("O-82", "store-sg", "2026-10-25 13:00", "Ben Ho", "New line, discount", "en",
    f'Greeter: {GREET_SG} A consultant saw me after a quarter of an hour. She said "Replacement SIM ready in 1 '
    f'hour" and that new customers get 20% off, but my first bill shows 15% off.',
    {"discount": "15%"},
    {"P-QUEUE10": ("broken", "transcript_quantity;en_number_word", "a quarter of an hour = 15 min > 10"),
     "P-DISC20": ("broken", "measure_cell_unit", "15% < 20%")})
obs("O-83", "chat", "2026-10-31 23:55", "Chloe Lim", "Late-night chat", "en",
    'Agent Priya: "Hi, you\'re chatting with a real person, here for you 24/7." It was a person, no chatbot involved. '
    'She said "We\'ll call you back within 2 hours" and rang me 10 minutes later.',
    {"callback_time": "10"},
    {"P-247": ("kept", "negation_outside_cue", "'no chatbot'"), "P-CB30": ("kept", "measure_cell_plain", "")})
obs("O-84", "hotline-en", "2026-10-30 21:30", "Alice Tan", "Evening call", "en",
    f'Agent: {GREET_EN} A person picked up after one ring, not a voicemail. She said {FIX_EN}',
    {"answer_wait": "0.5"},
    {"P-247": ("kept", "negation_outside_cue;cue_partial_overlap",
               "'A person picked up' overlaps the cue 'nobody picked up'; 'not a voicemail'"),
     "P-FIX24": ("kept", CLAIM, "")})

# ---------------------------------------------------------------- duplicates
DUP_SZ = (f"{GREET_SZ}，顾问8分钟后才来，先给我倒了杯水。介绍了{DISC_SZ}，还说{COOL_SZ}。补卡二十分钟完成。")
for key, shopper, at, text in (("O-71", "张悦", "2026-10-21 14:10", DUP_SZ), ("O-72", "刘洋", "2026-10-24 16:00", DUP_SZ[:-1])):
    obs(key, "store-sz", at, shopper, "办卡 (copied record)", "zh-hans", text,
        {"queue_wait": "8", "cancel_window": "7", "sim_time": "二十分钟"},
        {"P-COOL14": TOLD7, "P-SIM1H": ("kept", "measure_cell_unit;zh_numeral", "二十分钟 <= 1 h")})
DUP_EN = (f'Agent: {GREET_EN} Answered in about one minute. She said {FIX_EN[:-2]}" and the engineer fixed the '
          f'line 20 hours later.')
obs("O-73", "hotline-en", "2026-10-25 10:00", "Alice Tan", "Fibre fault (copied record)", "en", DUP_EN,
    {"answer_wait": "1", "repair_time": "20"}, {"P-FIX24": ("kept", "measure_cell_plain", "")})
obs("O-74", "hotline-en", "2026-10-28 15:30", "David Wu", "Fibre fault (copied record)", "en",
    DUP_EN.replace("Agent:", "agent:").replace(". ", ".  ")[:-1],
    {"answer_wait": "1", "repair_time": "20"}, {"P-FIX24": ("kept", "measure_cell_plain", "")})
obs("O-75", "hotline-hk", "2026-10-27 11:00", "黄嘉欣", "月費查詢 (copied record)", "zh-hant",
    f"{GREET_HK}我問寬頻月費點解多咗，職員即時幫我查到係重複收費，話會退返。{CB_HK}。",
    {}, {"L-16": ("kept", "required_verbatim", "")})
obs("O-76", "hotline-hk", "2026-10-29 14:45", "王芳", "月费查询 (copied record)", "zh-hans",
    "「你好，云雀流动客户服务热线，全天候真人客服为你服务。」我问宽频月费点解多咗，职员即时帮我查到系重复收费，话会退返。"
    "如未能即时解决，我们会於半小时内回电。",
    {}, {"L-16": ("kept", "simp_trad", "Simplified copy of a Traditional line"), "L-17": ("kept", "simp_trad", "")})
DUP_CHAT = ('Agent Sam: "Hi, you\'re chatting with a real person, here for you 24/7." I asked how to add a second SIM '
            'to my family plan and Sam sent the link within a minute. Sam said "We\'ll call you back within 2 hours" '
            'if the order fails.')
obs("O-77", "chat", "2026-10-29 10:00", "Ben Ho", "Family plan (resubmitted)", "en", DUP_CHAT,
    {}, {"P-CB30": ("kept", CLAIM, "")})
obs("O-78", "chat", "2026-10-30 10:05", "Ben Ho", "Family plan (resubmitted)", "en", DUP_CHAT,
    {}, {"P-CB30": ("kept", CLAIM, "")})

DUPLICATES = [
    ("O-71", "O-72", "broken", "zh-hans", "duplicate_verbatim", "different shoppers; only the final 。 differs"),
    ("O-73", "O-74", "broken", "en", "duplicate_case_space", "different shoppers; case, double spaces and the final full stop differ"),
    ("O-75", "O-76", "broken", "zh-hant", "duplicate_simp_trad", "different shoppers; O-76 is O-75 converted to Simplified"),
    ("O-77", "O-78", "broken", "en", "duplicate_same_shopper", "same shopper, two visits a day apart, identical text"),
    ("O-41", "O-44", "kept", "zh-hans", "similar_not_duplicate", "same script lines (one with typos), different outcome"),
    ("O-17", "O-73", "kept", "en", "similar_not_duplicate", "same greeting and quote, different repair time and wording"),
    ("O-10", "O-15", "kept", "en", "similar_not_duplicate", "same chat lines, different outcome (late vs never)"),
    ("O-38", "O-46", "kept", "zh-hans", "similar_not_duplicate", "same lines, different callback delays and greeting"),
    ("O-55", "O-57", "kept", "zh-hans", "similar_not_duplicate", "same store script, different visit"),
    ("O-07", "O-13", "kept", "en", "similar_not_duplicate", "same chat lines, different questions and times"),
    ("O-61", "O-62", "kept", "zh-hant", "similar_not_duplicate", "same Taipei script (Traditional vs Simplified), different visit"),
    ("O-18", "O-28", "kept", "en", "similar_not_duplicate", "two night calls with the same outcome, different wording"),
    ("O-01", "O-79", "kept", "en", "similar_not_duplicate", "two website visits quoting the same three banners; different last sentence"),
    ("O-07", "O-83", "kept", "en", "similar_not_duplicate", "same chat greeting, negation and callback line; different agents and times"),
]

# ---------------------------------------------------------------- project level
INCONSISTENT = {
    "L-01": ("kept", "consistent_claim", "14 days = 14 days"),
    "L-02": ("kept", "consistent_claim", "20%; '6 months' is not the metric"),
    "L-03": ("broken", "inconsistent_claim", "5 days vs P-REFUND3's 3 days"),
    "L-04": ("kept", "consistent_claim", "14天"),
    "L-05": ("kept", "consistent_claim;unit_conversion;zh_numeral", "一天 = 24 h"),
    "L-06": ("kept", "consistent_claim;synonym", "24/7 states the promise's '24/7'; it is not an answer time"),
    "L-07": ("broken", "inconsistent_claim;unit_conversion", "2 hours vs 30 minutes"),
    "L-09": ("kept", "consistent_claim;synonym", "'around the clock' ≈ 24/7"),
    "L-10": ("broken", "inconsistent_claim;en_number_word", "forty-eight hours vs 24 hours"),
    "L-12": ("kept", "consistent_claim;synonym", "24小时 ≈ 24/7; not an answer time"),
    "L-13": ("kept", "consistent_claim", "30分钟"),
    "L-14": ("broken", "script_vs_script", "3天 vs store-tp's 7日 (L-28); P-PORT states no quantity"),
    "L-16": ("kept", "consistent_claim;synonym", "全天候"),
    "L-17": ("kept", "consistent_claim;zh_numeral;simp_trad", "半小時 = 30 min"),
    "L-19": ("broken", "inconsistent_claim", "15 minutes vs 10 minutes"),
    "L-20": ("kept", "consistent_claim;unlinked_fuzzy", "unlinked; states P-SIM1H with the same 1 hour"),
    "L-22": ("kept", "consistent_claim;zh_numeral", "十分钟 = 10 min"),
    "L-23": ("broken", "inconsistent_claim", "7天 vs 14 days"),
    "L-24": ("kept", "consistent_claim", "20%"),
    "L-26": ("kept", "consistent_claim;case_width_punct;simp_trad", "full-width １０分鐘"),
    "L-27": ("broken", "inconsistent_claim;unlinked_fuzzy;simp_trad;unit_variant", "unlinked; 30日 vs 14天"),
    "L-28": ("broken", "script_vs_script;simp_trad;unit_variant", "7日 vs hotline-cn's 3天 (L-14); P-PORT states no quantity"),
}
# (promise, touchpoint): expected, phenomenon, note
UNCOVERED = {
    ("P-COOL14", "web"): ("kept", "covered", "L-01"),
    ("P-COOL14", "app"): ("kept", "covered", "L-04"),
    ("P-COOL14", "chat"): ("broken", "uncovered", ""),
    ("P-COOL14", "hotline-en"): ("broken", "uncovered", ""),
    ("P-COOL14", "hotline-cn"): ("broken", "uncovered", ""),
    ("P-COOL14", "hotline-hk"): ("broken", "uncovered", ""),
    ("P-COOL14", "store-sg"): ("broken", "uncovered", ""),
    ("P-COOL14", "store-sz"): ("kept", "covered;inconsistent_claim", "L-23 states it (with the wrong quantity)"),
    ("P-COOL14", "store-tp"): ("kept", "covered;unlinked_fuzzy;simp_trad", "L-27, unlinked, Traditional, 日"),
    ("P-DISC20", "web"): ("kept", "covered", "L-02"),
    ("P-DISC20", "app"): ("broken", "uncovered", ""),
    ("P-DISC20", "store-sg"): ("broken", "uncovered", ""),
    ("P-DISC20", "store-sz"): ("kept", "covered", "L-24"),
    ("P-DISC20", "store-tp"): ("broken", "uncovered", ""),
    ("P-247", "chat"): ("kept", "covered", "L-06"),
    ("P-247", "hotline-en"): ("kept", "covered;synonym", "L-09 'around the clock'"),
    ("P-247", "hotline-cn"): ("kept", "covered", "L-12"),
    ("P-247", "hotline-hk"): ("kept", "covered;synonym", "L-16 全天候"),
    ("P-CB30", "chat"): ("kept", "covered;inconsistent_claim", "L-07 (wrong quantity)"),
    ("P-CB30", "hotline-en"): ("broken", "uncovered", "hotline-en has no callback line"),
    ("P-CB30", "hotline-cn"): ("kept", "covered", "L-13"),
    ("P-CB30", "hotline-hk"): ("kept", "covered;zh_numeral", "L-17 半小時"),
    ("P-FIX24", "hotline-en"): ("kept", "covered;inconsistent_claim", "L-10"),
    ("P-FIX24", "hotline-hk"): ("broken", "uncovered", ""),
    ("P-FIX24", "app"): ("kept", "covered", "L-05"),
    ("P-QUEUE10", "store-sg"): ("kept", "covered;inconsistent_claim", "L-19"),
    ("P-QUEUE10", "store-sz"): ("kept", "covered", "L-22"),
    ("P-QUEUE10", "store-tp"): ("kept", "covered", "L-26"),
    ("P-SIM1H", "store-sg"): ("kept", "covered;unlinked_fuzzy", "L-20, unlinked"),
    ("P-SIM1H", "store-sz"): ("broken", "uncovered", ""),
    ("P-SIM1H", "store-tp"): ("broken", "uncovered;shared_fragment", "L-28 攜號轉網7日內完成 shares only 內完成 with 补卡1小时内完成"),
    ("P-REFUND3", "web"): ("kept", "covered;inconsistent_claim", "L-03"),
    ("P-REFUND3", "app"): ("broken", "uncovered", ""),
    ("P-REFUND3", "chat"): ("broken", "uncovered", ""),
    ("P-PORT", "hotline-cn"): ("kept", "covered", "L-14"),
    ("P-PORT", "store-tp"): ("kept", "covered;simp_trad", "L-28"),
}


def applies(promise, tp):
    tps = promise["touchpoints"]
    return tps == "*" or tp in tps.split(";")


def in_window(item, day):
    return (not item.get("valid_from") or day >= item["valid_from"]) and (not item.get("valid_to") or day <= item["valid_to"])


def iso_day(text):
    import re
    m = re.match(r"(\d{4})\D(\d{1,2})\D(\d{1,2})", text)
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    # sanity: uncovered table complete
    for p in PROMISES:
        for tp in TP_KEYS:
            if applies(p, tp):
                assert (p["key"], tp) in UNCOVERED, (p["key"], tp)
    for (pk, tp) in UNCOVERED:
        assert applies(PROMISE[pk], tp), (pk, tp)

    labels = []
    keys = set()
    for o in OBS:
        assert o["key"] not in keys, o["key"]
        keys.add(o["key"])
        day = iso_day(o["observed_at"])
        given = dict(o["labels"])
        has_text = bool(o["transcript"].strip())
        rows = []
        for p in PROMISES:
            if not applies(p, o["touchpoint"]):
                continue
            k = p["key"]
            if not in_window(p, day):
                exp = given.pop(k, ("none", "validity_window", "outside the promise's validity window"))
                assert exp[0] == "none", (o["key"], k)
            elif k in given:
                exp = given.pop(k)
            elif not has_text and not (p.get("metric") and p["metric"] in o["measures"]):
                exp = ("none", "empty_transcript", "")
            else:
                exp = ("kept", "no_breach", "")
            rows.append((o["key"], "promise", k, exp, "broken_promise"))
        for s in SCRIPTS:
            if s["touchpoint"] != o["touchpoint"]:
                continue
            k = s["key"]
            kind = "forbidden_phrase" if is_forbidden(s) else "missing_phrase"
            if not in_window(s, day):
                exp = given.pop(k, ("none", "validity_window", "outside the script line's validity window"))
                assert exp[0] == "none", (o["key"], k)
            elif k in given:
                exp = given.pop(k)
            elif not has_text:
                exp = ("none", "empty_transcript", "")
            else:
                exp = ("kept", "forbidden_absent" if is_forbidden(s) else "required_said", "")
            rows.append((o["key"], "script_line", k, exp, kind))
        # leftovers: explicit labels for targets that do not apply
        for k, exp in given.items():
            assert exp[0] == "none", (o["key"], k, "label for a target that does not apply must be none")
            if k in PROMISE:
                assert not applies(PROMISE[k], o["touchpoint"]) or not in_window(PROMISE[k], day)
                rows.append((o["key"], "promise", k, exp, "broken_promise"))
            else:
                rows.append((o["key"], "script_line", k, exp, "forbidden_phrase" if is_forbidden(SCRIPT[k]) else "missing_phrase"))
        for ob, tt, tgt, (e, ph, note), kind in rows:
            assert e in ("kept", "broken", "review_ok", "none"), e
            labels.append(dict(observation=ob, target_type=tt, target=tgt, expected=e, kind=kind, lang=o["lang"],
                               phenomenon=ph, note=note, touchpoint=""))
    for line_key, (e, ph, note) in INCONSISTENT.items():
        labels.append(dict(observation="", target_type="script_line", target=line_key, expected=e,
                           kind="inconsistent_claim", lang=lang_of_line(SCRIPT[line_key]), phenomenon=ph, note=note,
                           touchpoint=SCRIPT[line_key]["touchpoint"]))
    tp_lang = {"web": "en", "chat": "en", "hotline-en": "en", "store-sg": "en", "hotline-hk": "zh-hant",
               "store-tp": "zh-hant", "hotline-cn": "zh-hans", "store-sz": "zh-hans", "app": "zh-hans"}
    for (pk, tp), (e, ph, note) in UNCOVERED.items():
        labels.append(dict(observation="", target_type="promise", target=pk, expected=e, kind="uncovered_promise",
                           lang=tp_lang[tp], phenomenon=ph, note=note, touchpoint=tp))
    for a, b, e, lang, ph, note in DUPLICATES:
        assert a in keys and b in keys
        labels.append(dict(observation=a, target_type="observation", target=b, expected=e, kind="duplicate_transcript",
                           lang=lang, phenomenon=ph, note=note, touchpoint=""))

    # ---- write files
    def write(name, cols, rows):
        with open(OUT / name, "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=cols, lineterminator="\n")
            w.writeheader()
            for r in rows:
                w.writerow({c: r.get(c, "") for c in cols})

    write("touchpoints.csv", ["key", "name", "channel", "location", "notes"],
          [dict(zip(["key", "name", "channel", "location", "notes"], t)) for t in TOUCHPOINTS])
    write("promises.csv", PROMISE_COLS, PROMISES)
    write("scripts.csv", SCRIPT_COLS, SCRIPTS)
    obs_cols = ["key", "touchpoint", "observed_at", "shopper", "scenario", "transcript", "rating_tangibles",
                "rating_reliability", "rating_responsiveness", "rating_assurance", "rating_empathy", "nps", "ces"] + \
               [f"measure:{m}" for m in MEASURES]
    bad_obs = {l["observation"] for l in labels if l["expected"] in ("broken", "review_ok") and l["kind"] != "duplicate_transcript"}
    orows = []
    for i, o in enumerate(OBS):
        bad = o["key"] in bad_obs
        r = dict(key=o["key"], touchpoint=o["touchpoint"], observed_at=o["observed_at"], shopper=o["shopper"],
                 scenario=o["scenario"], transcript=o["transcript"])
        base = 2 if bad else 4
        for j, dim in enumerate(["tangibles", "reliability", "responsiveness", "assurance", "empathy"]):
            r[f"rating_{dim}"] = str(min(5, base + (i + j) % 2))
        r["nps"] = str((3 + i % 4) if bad else (8 + i % 3))
        r["ces"] = str((4 + i % 3) if bad else (1 + i % 2))
        for m, v in o["measures"].items():
            assert m in MEASURES, m
            r[f"measure:{m}"] = v
        orows.append(r)
    write("observations.csv", obs_cols, orows)
    write("labels.csv", ["observation", "target_type", "target", "expected", "kind", "lang", "phenomenon", "note",
                         "touchpoint"], labels)
    # summary
    from collections import Counter  # noqa: PLC0415
    c = Counter((l["kind"], l["expected"]) for l in labels)
    for k in sorted(c):
        print(k, c[k])
    judged = [l for l in labels if l["expected"] != "none"]
    print("labels", len(labels), "judged (not none)", len(judged))
    print("by lang", Counter(l["lang"] for l in labels))
    print("obs", len(OBS))


if __name__ == "__main__":
    main()
