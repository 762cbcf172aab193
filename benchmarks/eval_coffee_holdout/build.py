#!/usr/bin/env python3
"""Build the Harbour Bean Coffee evaluation set - HELD-OUT part (plain Python stdlib).

    python benchmarks/eval_coffee_holdout/build.py

Not to be read while tuning the engine. Uses the project tables and the labelling machinery
of ../eval_coffee/build.py (same touchpoints, promises and scripts, same self-checks), with
its own observations; writes the five CSV files and README.md (counts only) next to this file.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

sys.dont_write_bytecode = True
HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("coffee_build", HERE.parent / "eval_coffee" / "build.py")
cb = importlib.util.module_from_spec(_spec)
sys.modules["coffee_build"] = cb
_spec.loader.exec_module(cb)

O, K, B, N, R = cb.O, "kept", "broken", "none", "review_ok"

OBSERVATIONS = [
    # ------------------------------------------------------------------ Shanghai store
    O("H-01", "store-sh", "2026-09-07 09:15", "Xu Ting", "点单", "zh-hans",
      "早上九点一刻。店员：“欢迎光临港湾咖啡，今天想喝点什么？”接着问“要不要试试我们的季节限定拿铁？”我点了一杯澳白，她说“任何饮品都可以免费换燕麦奶”，"
      "我就换了，没多收钱。她还说“集满10个印花就送一杯咖啡”“您的饮品5分钟内就好”，可是过了十二分钟才出杯。",
      m={"wait_time": "12 min"},
      P={"P-OAT": (K, "subject_mentioned", "oat swap taken, nothing extra charged"),
         "P-STAMP": (K, "subject_mentioned;subject_via_script", ""),
         "P-WAIT": (B, "measure_cell_unit;claim_quote", "12 min > 5")}),
    O("H-02", "store-sh", "2026-09-15 12:30", "Liu Fang", "order", "mixed",
      '''Lunch break. Staff: 欢迎光临港湾咖啡，今天想喝点什么？ Got a 免费 tasting cup of the new 咖啡 blend while waiting, then my '''
      '''americano came out. Nothing else was said.''',
      m={"wait_time": "4"},
      P={"P-OAT": (N, "untested;single_shared_word", "免费 is the only shared word"),
         "P-STAMP": (N, "untested;single_shared_word", "咖啡 / coffee is the only shared word"),
         "P-WIFI": (N, "untested;single_shared_word", "免费 is the only shared word"),
         "P-WAIT": (K, "measure_cell_plain", "4 min <= 5")},
      S={"L-02": (B, "required_absent", ""), "L-03": (B, "required_absent", ""),
         "L-04": (B, "required_absent", ""), "L-05": (B, "required_absent", "")}),
    O("H-03", "store-sh", "2026-09-24 17:45", "Xu Ting", "退款", "zh-hans",
      "傍晚拿着小票来退一杯做错的拿铁（我要的是脱脂奶）。店员说“欢迎光临港湾咖啡，今天想喝点什么？”，然后说“错单我们会在48小时内退款”。钱是两天后才退回来的。",
      m={"refund_time": "两天"},
      P={"P-REFUND": (B, "measure_cell_unit;zh_numeral;claim_quote", "两天 = 48 h > 24 h"),
         "P-OAT": (N, "untested;single_shared_word", "脱脂奶 shares only 奶")}),
    O("H-04", "store-sh", "2026-10-05 15:20", "Liu Fang", "点单", "zh-hans",
      "国庆假期下午。店员说“欢迎光临港湾咖啡，今天想喝点什么？”，介绍“十月会员南瓜拿铁立减20%”，我点了一杯，会员价确实减了20%。"
      "又说“任何饮品都可以免费换燕麦奶”、“集满10个印花就送一杯咖啡”、“您的饮品5分钟内就好”。座位旁的充电插座都能用。",
      m={"member_discount": "20%", "wait_time": "5"},
      P={"P-PSL": (K, "measure_cell_unit;boundary", "20% >= 20%"),
         "P-OAT": (K, "subject_mentioned;subject_via_script", ""),
         "P-STAMP": (K, "subject_mentioned;subject_via_script", ""),
         "P-WAIT": (K, "measure_cell_plain;boundary", "5 min <= 5"),
         "P-WIFI": (K, "subject_mentioned", "充电插座 worked")},
      S={"L-02": (B, "required_absent;single_shared_word", "only the PSL line, which shares 拿铁")}),
    O("H-05", "store-sh", "2026-10-13 08:50", "Xu Ting", "投诉", "zh-hans",
      "早上8点50分投诉：杯盖没盖紧，咖啡洒在我外套上。第一个店员说“这个不归我管”，后来值班经理过来说“欢迎光临港湾咖啡，今天想喝点什么？”——我说我是来投诉的——"
      "她才说“错单我们会在48小时内退款”，当场登记。",
      P={"P-REFUND": (K, "subject_mentioned;subject_via_script;claim_quote", "refund registered; 48小时 is the line")},
      S={"L-07": (B, "forbidden_said;paraphrase", "这个不归我管")}),
    O("H-06", "store-sh", "2026-10-28 20:30", "Liu Fang", "会员", "mixed",
      '''Evening. 欢迎光临港湾咖啡，今天想喝点什么？ I wanted to use my stamp card for the 10th coffee - told stamp card not accepted '''
      '''after 8pm. Staff did say 集满10个印花就送一杯咖啡 at the till, and 您的饮品5分钟内就好; my paid latte was ready in 3 min.''',
      P={"P-STAMP": (B, "breach_cue", "cue 'stamp card not accepted'"),
         "P-WAIT": (K, "transcript_quantity;claim_quote", "ready in 3 min", "3 min"),
         "P-PSL": (N, "untested;single_shared_word", "'latte' alone is not the PSL")}),
    O("H-07", "store-sh", "2026-11-10 13:00", "Xu Ting", "点单", "zh-hans",
      "中午1点。店员说“欢迎光临港湾咖啡，今天想喝点什么？”“要不要试试我们的季节限定拿铁？”“任何饮品都可以免费换燕麦奶”“集满10个印花就送一杯咖啡”。出杯用了3分钟，店里很安静。",
      P={"P-OAT": (K, "subject_mentioned;subject_via_script", ""),
         "P-STAMP": (K, "subject_mentioned;subject_via_script", ""),
         "P-WAIT": (K, "transcript_quantity", "出杯用了3分钟", "3分钟")},
      S={"L-05": (B, "required_absent", "")}),
    O("H-08", "store-sh", "2026-11-17 13:05", "Liu Fang", "点单", "zh-hans",
      "中午1点。店员说“欢迎光临港湾咖啡，今天想喝点什么？”“要不要试试我们的季节限定拿铁？”“任何饮品都可以免费换燕麦奶”“集满10个印花就送一杯咖啡”。出杯用了3分钟，店里很安静。",
      P={"P-OAT": (K, "subject_mentioned;subject_via_script", ""),
         "P-WAIT": (K, "transcript_quantity", "出杯用了3分钟", "3分钟")},
      S={"L-05": (B, "required_absent", "")}),

    # ------------------------------------------------------------------ Hong Kong store
    O("H-10", "store-hk", "2026-09-03 12:45", "Ho Man Kit 何文傑", "點單", "zh-hant",
      "午飯時間，排隊落單後等咗好耐，差唔多半個鐘先攞到杯咖啡。店員講咗「歡迎光臨港灣咖啡！想飲啲咩？」同「所有飲品都可以免費轉燕麥奶」，其他冇講。",
      P={"P-WAIT": (B, "breach_cue", "cue 等咗好耐"),
         "P-OAT": (K, "subject_mentioned;subject_via_script;subject_simp_trad", "")},
      S={"L-11": (B, "required_absent", ""), "L-13": (B, "required_absent", ""), "L-14": (B, "required_absent", "")}),
    O("H-11", "store-hk", "2026-09-19 16:10", "Tam Wai Ling 譚慧玲", "點單", "zh-hant",
      "下晝四點。店員：「歡迎光臨港灣咖啡！想飲啲咩？」、「想唔想試下我哋嘅季節限定拿鐵？」、「所有飲品都可以免費轉燕麥奶」、「儲滿10個印花送一杯咖啡」、「店內有免費WiFi同充電位」。"
      "我問朱古力粉含唔含過敏原，佢即刻俾咗張卡我睇。不過坐低之後成個鐘都連唔到wifi。",
      P={"P-WIFI": (B, "breach_cue", "cue 連唔到wifi"),
         "P-ALLERGEN": (K, "subject_mentioned;subject_simp_trad", "Traditional 過敏原 only"),
         "P-OAT": (K, "subject_mentioned;subject_via_script", ""),
         "P-STAMP": (K, "subject_mentioned;subject_via_script", ""),
         "P-WAIT": (N, "untested;quantity_not_metric", "成個鐘 is the time sitting without wifi")}),
    O("H-12", "store-hk", "2026-10-07 11:20", "Ho Man Kit 何文傑", "點單", "mixed",
      '''Morning. 「歡迎光臨港灣咖啡！想飲啲咩？」 Staff pushed 「十月會員南瓜拿鐵減15%」 - I bought one with the member app and the '''
      '''receipt showed only 15% off. She also said 想唔想試下我哋嘅季節限定拿鐵？ and 店內有免費WiFi同充電位.''',
      m={"member_discount": "15"},
      P={"P-PSL": (B, "measure_cell_plain;claim_quote", "15% < 20%"),
         "P-WIFI": (K, "subject_mentioned;subject_via_script", "")},
      S={"L-12": (B, "required_absent", ""), "L-13": (B, "required_absent", "")}),
    O("H-13", "store-hk", "2026-10-21 18:00", "Tam Wai Ling 譚慧玲", "退款", "zh-hant",
      "夜晚六點返去話杯凍奶茶整錯咗做熱嘅，要求退款。店員話「歡迎光臨港灣咖啡！想飲啲咩？」，道歉之後幫我申請退款，兩個小時後錢就返咗落張卡度。",
      P={"P-REFUND": (K, "transcript_quantity;zh_numeral", "退款…兩個小時 <= 24 h", "兩個小時")}),
    O("H-14", "store-hk", "2026-11-04 09:10", "Ho Man Kit 何文傑", "會員", "zh-hant",
      "朝早九點十分。店員：「歡迎光臨港灣咖啡！想飲啲咩？」，我話想儲印花，佢話部機壞咗，冇蓋印俾我。",
      P={"P-STAMP": (B, "breach_cue;negation_inside_cue", "cue 冇蓋印")},
      S={"L-13": (B, "required_absent", "")}),
    O("H-15", "store-hk", "2026-11-25 14:30", "Tam Wai Ling 譚慧玲", "order", "zh-hant",
      "下晝兩點半。入到去冇人講歡迎，我問杯咖啡幾時有，店員答「唔關我哋事，搵廚房」。最後等咗九分鐘。",
      P={"P-WAIT": (B, "transcript_quantity;zh_numeral", "等咗九分鐘 > 5", "九分鐘")},
      S={"L-10": (B, "required_absent;single_shared_word", "only 歡迎 is shared"),
         "L-11": (B, "required_absent", ""), "L-12": (B, "required_absent", ""), "L-14": (B, "required_absent", ""),
         "L-15": (B, "forbidden_said", "唔關我哋事")}),

    # ------------------------------------------------------------------ Taipei store
    O("H-20", "store-tp", "2026-09-10 10:40", "Tsai Pei-ling 蔡佩玲", "點單", "zh-hant",
      "上午十點四十分。店員說「歡迎光臨港灣咖啡，今天想喝什麼？」「要不要試試我們的季節限定拿鐵？」，又說「每款飲品都可以查詢過敏源資訊」「集滿10點送一杯咖啡」"
      "「您的飲品大約5分鐘就好」，等了3分鐘。",
      P={"P-ALLERGEN": (K, "subject_mentioned;subject_typo;subject_via_script", "過敏源 (typo for 過敏原)"),
         "P-STAMP": (K, "subject_mentioned;subject_via_script", ""),
         "P-WAIT": (K, "transcript_quantity;claim_quote", "等了3分鐘", "3分鐘")},
      S={"L-25": (K, "typo_stt", "過敏源 for 過敏原")}),
    O("H-21", "store-tp", "2026/9/26 15:30", "Cheng Kuan-yu 鄭冠宇", "退款", "zh-hant",
      "下午回店裡，拿鐵灑了一半要求退款。店員說「歡迎光臨港灣咖啡，今天想喝什麼？」，店長卻拒絕退款，說只能重做。",
      P={"P-REFUND": (B, "breach_cue;cue_simp_trad", "cue 拒絕退款")},
      S={"L-24": (B, "required_absent", "")}),
    O("H-22", "store-tp", "2026-10-08 12:15", "Tsai Pei-ling 蔡佩玲", "點單", "zh-hant",
      "中午。店員說「歡迎光臨港灣咖啡，今天想喝什麼？」「十月會員南瓜拿鐵立減20%」，我就點了南瓜拿鐵換燕麥奶，燕麥奶沒有另外收費，會員也確實減了20%。"
      "她也說「集滿10點送一杯咖啡」「每款飲品都可以查詢過敏原資訊」。",
      m={"member_discount": "20%"},
      P={"P-PSL": (K, "measure_cell_unit;boundary", "20% >= 20%"),
         "P-OAT": (K, "subject_mentioned;subject_simp_trad", "Traditional 燕麥奶 only, no surcharge"),
         "P-STAMP": (K, "subject_mentioned;subject_via_script", ""),
         "P-ALLERGEN": (K, "subject_mentioned;subject_via_script", "")},
      S={"L-21": (B, "required_absent;single_shared_word", "南瓜拿鐵 shares 拿鐵"),
         "L-23": (B, "required_absent", "")}),
    O("H-23", "store-tp", "2026-10-20 19:50", "Cheng Kuan-yu 鄭冠宇", "會員", "zh-hant",
      "晚上用集點卡換免費咖啡，店員說「歡迎光臨港灣咖啡，今天想喝什麼？」、「集滿10點送一杯咖啡」，「您的飲品大約5分鐘就好」，4分鐘就好了。店裡Wi-Fi很順。",
      m={"wait_time": "4"},
      P={"P-STAMP": (K, "subject_mentioned", ""),
         "P-WAIT": (K, "measure_cell_plain", "4 min <= 5"),
         "P-WIFI": (K, "subject_mentioned", "Wi-Fi worked")}),
    O("H-24", "store-tp", "2026-11-03 08:30", "Tsai Pei-ling 蔡佩玲", "投訴", "mixed",
      '''Complaint at 8:30: the cup lid cracked and coffee leaked on my laptop bag. 店員 said 「這不是我們的问题」 at first; the '''
      '''manager then said 「錯單或灑出，我們會在24小時內退款」 and the refund arrived in 6 hours.''',
      P={"P-REFUND": (K, "transcript_quantity", "refund arrived in 6 hours <= 24 h", "6 hours"),
         "P-STAMP": (N, "untested;single_shared_word", "'coffee' is the only shared word")},
      S={"L-20": (B, "required_absent", "no greeting"),
         "L-26": (B, "forbidden_said;simp_trad", "這不是我們的问题 (mixed scripts)")}),
    O("H-25", "store-tp", "2026-11-12 17:00", "Cheng Kuan-yu 鄭冠宇", "點單", "zh-hant",
      "傍晚五點。店員說「歡迎光臨港灣咖啡，今天想喝什麼？」「要不要試試我們的季節限定拿鐵？」「每款飲品都可以查詢過敏原資訊」。我點了冰拿鐵，等了七分鐘才拿到。",
      P={"P-WAIT": (B, "transcript_quantity;zh_numeral", "等了七分鐘 > 5", "七分鐘"),
         "P-ALLERGEN": (K, "subject_mentioned;subject_via_script", "")},
      S={"L-22": (B, "required_absent", ""), "L-23": (B, "required_absent", "")}),
    O("H-26", "store-tp", "2026-11-19 17:05", "Cheng Kuan-yu 鄭冠宇", "點單", "zh-hant",
      '傍晚五點。店員說"歡迎光臨港灣咖啡，今天想喝什麼？""要不要試試我們的季節限定拿鐵？""每款飲品都可以查詢過敏原資訊"。我點了冰拿鐵，等了七分鐘才拿到。',
      P={"P-WAIT": (B, "transcript_quantity;zh_numeral", "等了七分鐘 > 5", "七分鐘"),
         "P-ALLERGEN": (K, "subject_mentioned;subject_via_script", "")},
      S={"L-23": (B, "required_absent", "")}),

    # ------------------------------------------------------------------ Singapore store
    O("H-30", "store-sg", "2026-09-08 08:20", "Daniel Lim", "order", "en",
      '''Morning rush. "Welcome to Harbour Bean! What can I get started for you?" - then "Would you like to try our seasonal latte?" '''
      '''The barista said "Any drink can be made with oat milk at no extra charge", "every tenth coffee is free with your stamp '''
      '''card" and "free wifi and charging points at every table". "Your drink will be ready in 5 minutes" - it took four.''',
      m={"wait_time": "4"},
      P={"P-OAT": (K, "subject_mentioned;subject_via_script", ""),
         "P-STAMP": (K, "subject_mentioned;subject_via_script", ""),
         "P-WIFI": (K, "subject_mentioned;subject_via_script", ""),
         "P-WAIT": (K, "measure_cell_plain;claim_quote", "4 min <= 5")},
      S={"L-34": (K, "en_number_word", "'5' for 'five'")}),
    O("H-31", "store-sg", "2026-09-21 13:40", "Aisha Rahman", "order", "en",
      '''Asked for extra milk foam on my cappuccino. "Welcome to Harbour Bean! What can I get started for you?" was all I heard; '''
      '''this store was packed. The cappuccino came after about 8 minutes of waiting.''',
      P={"P-OAT": (N, "untested;single_shared_word", "'milk' alone"),
         "P-WIFI": (N, "untested;single_shared_word", "'store' alone"),
         "P-WAIT": (B, "transcript_quantity", "8 minutes of waiting > 5", "8 minutes")},
      S={"L-31": (B, "required_absent", ""), "L-32": (B, "required_absent;single_shared_word", "'milk' is the shopper's"),
         "L-33": (B, "required_absent", ""), "L-34": (B, "required_absent", ""), "L-35": (B, "required_absent", "")}),
    O("H-32", "store-sg", "2026-10-06 17:30", "Daniel Lim", "refund", "en",
      '''Came back with a latte that had the wrong syrup. "Welcome to Harbour Bean! What can I get started for you?" The shift lead '''
      '''refused the refund and offered a voucher instead.''',
      P={"P-REFUND": (B, "breach_cue", "cue 'refused the refund'"),
         "P-PSL": (N, "untested;single_shared_word", "'latte' alone")},
      S={"L-36": (B, "required_absent", "")}),
    O("H-33", "store-sg", "2026-10-14 12:05", "Aisha Rahman", "order", "en",
      '''"Welcome to Harbour Bean! What can I get started for you?" I ordered a Pumpkin Spice Latte; my member discount was only 10%, '''
      '''not the 20% on the poster. She asked "Would you like to try our seasonal latte?" and said "Any drink can be made with oat '''
      '''milk at no extra charge." Ready in three minutes.''',
      P={"P-PSL": (B, "transcript_quantity;claim_quote", "member discount 10% < 20%; the poster's 20% is a claim", "10%"),
         "P-OAT": (K, "subject_mentioned;subject_via_script", ""),
         "P-WAIT": (K, "transcript_quantity;en_number_word", "ready in three minutes", "3 minutes")},
      S={"L-33": (B, "required_absent", ""), "L-34": (B, "required_absent;single_shared_word", "'ready' is the shopper's"),
         "L-35": (B, "required_absent", "")}),
    O("H-34", "store-sg", "2026-10-29 09:45", "Daniel Lim", "LOYALTY", "en",
      '''Redeemed a free flat white with my stamp card - "Every tenth coffee is free with your stamp card." The cashier also said '''
      '''"Your drink will be ready in five minutes." Note: table sockets not working, nor at the next table.''',
      P={"P-STAMP": (K, "subject_mentioned", ""),
         "P-WAIT": (K, "subject_mentioned;subject_via_script;claim_quote", "no measurement"),
         "P-WIFI": (B, "breach_cue", "cue 'sockets not working'")},
      S={"L-30": (B, "required_absent", "no greeting")}),
    O("H-35", "store-sg", "2026-11-09 15:15", "Aisha Rahman", "complaint", "en",
      '''Complained that my iced mocha was mostly ice. The first barista said "That is not my job", but the manager said "Sorry about '''
      '''that, we'll refund you within one day." The refund hit my card the next morning, about 18 hours later.''',
      P={"P-REFUND": (K, "transcript_quantity", "refund after 18 hours <= 24 h", "18 hours")},
      S={"L-30": (B, "required_absent", ""),
         "L-36": (K, "en_number_word", "'one day' for 'a day'"),
         "L-37": (B, "forbidden_said;paraphrase", "'That is not my job'")}),
    O("H-36", "store-sg", "2026-11-28 10:30", "Daniel Lim", "order", "mixed",
      '''Saturday coffee. "Welcome to Harbour Bean! What can I get started for you?" 我问店员 which pastries are nut-free, 她拿了 '''
      '''allergen 表给我看. Then "Would you like to try our seasonal latte?" - "Free Wi-Fi and charging points at every table." '''
      '''Latte ready in 4 min.''',
      P={"P-ALLERGEN": (K, "subject_mentioned", ""),
         "P-WIFI": (K, "subject_mentioned;subject_via_script", ""),
         "P-WAIT": (K, "transcript_quantity", "ready in 4 min", "4 min")},
      S={"L-32": (B, "required_absent", ""), "L-34": (B, "required_absent;single_shared_word", "'ready' is the shopper's")}),

    # ------------------------------------------------------------------ App
    O("H-40", "app", "2026-09-06 19:00", "Liu Fang", "外送", "mixed",
      "晚上7点用App点外送，结算页写着“Delivered in 45 minutes or your order is free”。外卖45分钟才送达，刚好卡在App自己写的时间上。",
      m={"delivery_time": "45 min"},
      P={"P-DELIV": (B, "measure_cell_unit;claim_quote", "45 min > 30")}),
    O("H-41", "app", "2026-09-18 08:40", "Daniel Lim", "order", "mixed",
      '''App pickup order. The menu line "燕麦奶免费换，任何饮品都可以" is there, but checkout added an oat milk surcharge of S$0.80.''',
      P={"P-OAT": (B, "breach_cue", "cue 'oat milk surcharge'")},
      S={"L-45": (B, "required_absent", "")}),
    O("H-42", "app", "2026-10-04 14:00", "Liu Fang", "点单", "mixed",
      "App首页写着“Members save 20% on the Pumpkin Spice Latte this October”，我用会员账号下单南瓜拿铁，结算时却没有会员优惠，原价付款。"
      "菜单写着“燕麦奶免费换，任何饮品都可以”，还有“Tap the info icon to see allergen information”。",
      P={"P-PSL": (B, "breach_cue;negation_inside_cue", "cue 没有会员优惠"),
         "P-OAT": (K, "subject_mentioned;subject_via_script", ""),
         "P-ALLERGEN": (K, "subject_mentioned;subject_via_script", "")}),
    O("H-43", "app", "2026-10-17 11:30", "Daniel Lim", "refund", "mixed",
      '''Refund request in the app for a spilled latte. The help page says "错单或洒漏，24小时内原路退款". Money back after 12 hours.''',
      m={"refund_time": "12 h"},
      P={"P-REFUND": (K, "measure_cell_unit;claim_quote", "12 h <= 24 h"),
         "P-PSL": (N, "untested;single_shared_word", "'latte' alone")}),
    O("H-44", "app", "2026-10-26 22:10", "Tam Wai Ling 譚慧玲", "会员", "zh-hant",
      "App入面寫住「電子集點卡：第10杯咖啡免費」，我儲夠10個印花，即刻換到一杯。",
      P={"P-STAMP": (K, "subject_mentioned;subject_simp_trad", "")},
      S={"L-44": (K, "simp_trad", "Traditional record of a Simplified line")}),
    O("H-45", "app", "2026-11-08 07:30", "Daniel Lim", "delivery", "en", "",
      m={"delivery_time": "35 mins"},
      P={"P-DELIV": (B, "measure_cell_unit;empty_transcript", "empty transcript, cell 35 mins > 30")}),
    O("H-46", "app", "2026-11-22 18:20", "Liu Fang", "外送", "mixed",
      "周日晚上6点20分用App点外送，页面还是写“Delivered in 45 minutes or your order is free”。骑手半小时就送达了。",
      P={"P-DELIV": (K, "transcript_quantity;zh_numeral;boundary;claim_quote", "半小时送达 = 30 min <= 30", "半小时")}),

    # ------------------------------------------------------------------ Web
    O("H-50", "web", "2026-09-09 12:10", "Aisha Rahman", "delivery", "en",
      '''Web order for the office at 12:10; the banner says "Order online, delivered in 30 minutes." The delivery was late - it '''
      '''turned up after 55 minutes.''',
      P={"P-DELIV": (B, "breach_cue;transcript_quantity;claim_quote", "cue 'delivery was late'; 55 minutes > 30", "55 minutes")}),
    O("H-51", "web", "2026-09-29 16:00", "Xu Ting", "complaint", "zh-hans",
      "在官网投诉页面，写着“留下电话，我们2小时内给你回电”。下午4点提交，晚上7点才有人回电。",
      m={"callback_time": "3 h"},
      P={"P-CB2H": (B, "measure_cell_unit;claim_quote", "3 h > 2 h")},
      S={"L-51": (B, "required_absent", ""), "L-52": (K, "typo_stt", "你 for 您")}),
    O("H-52", "web", "2026-10-10 09:00", "Aisha Rahman", "order", "en",
      '''Ordered for pickup on the website with a free-drink voucher. Each drink page says "Allergen information on every drink '''
      '''page." and lists milk, soy and nuts.''',
      P={"P-ALLERGEN": (K, "subject_mentioned", ""),
         "P-DELIV": (N, "untested;single_shared_word", "'free' alone")},
      S={"L-50": (B, "required_absent", "")}),
    O("H-53", "web", "2026-10-30 20:40", "Xu Ting", "refund", "mixed",
      "官网写着“Wrong or spilled order? Full refund within 24 hours.”，我10月30日提交了错单退款申请，到11月5日还是没有退款。",
      P={"P-REFUND": (B, "breach_cue;negation_inside_cue", "cue 没有退款")}),
    O("H-54", "web", "2026-11-18 13:15", "Aisha Rahman", "complaint", "mixed",
      '''Complaint form at 13:15 about a missing item: "留下电话，我们2小时内给您回电". They called me back after 40 minutes; the call '''
      '''itself lasted 15 minutes and they refunded the missing muffin.''',
      P={"P-CB2H": (K, "transcript_quantity;quantity_not_metric", "called back after 40 minutes; 15 minutes is the call length",
                    "40 minutes"),
         "P-REFUND": (K, "subject_mentioned", "refunded, no number")},
      S={"L-51": (B, "required_absent", "")}),

    # ------------------------------------------------------------------ Hotline
    O("H-60", "hotline", "2026-09-11 11:00", "Xu Ting", "外送", "zh-hans",
      "上午11点打外送热线，马上接通：“您好，港湾咖啡外送热线，我是真人客服”。她说“外送30分钟内送达”，实际二十分钟就送达了。",
      m={"answer_wait": "0.5"},
      P={"P-LIVE": (K, "measure_cell_plain", "0.5 min <= 2"),
         "P-DELIV": (K, "transcript_quantity;zh_numeral;claim_quote", "二十分钟送达", "二十分钟")}),
    O("H-61", "hotline", "2026-10-01 21:15", "Liu Fang", "投诉", "zh-hans",
      "晚上9点15分打热线投诉，前两次都没人接，第三次才接通。客服说“您好，港湾咖啡外送热线，我是真人客服”，又说“我们会在两小时内给您回电”，到现在还没回电。",
      P={"P-LIVE": (B, "breach_cue;negation_inside_cue", "cue 没人接"),
         "P-CB2H": (B, "breach_cue;negation_inside_cue;claim_quote", "cue 还没回电"),
         "P-DELIV": (N, "untested;translation_only", "外送热线 is the hotline's name")}),
    O("H-62", "hotline", "2026-10-15 14:40", "Xu Ting", "退款", "zh-hans",
      "打热线申请退款，外送的奶茶洒了。客服说“您好，港湾咖啡外送热线，我是真人客服”，“退款会在3个工作日内到账”，又补了一句“我们会尽快处理的”。结果十二个小时后退款就到账了。",
      P={"P-REFUND": (K, "transcript_quantity;zh_numeral;claim_quote", "十二个小时 <= 24 h", "十二个小时"),
         "P-LIVE": (K, "subject_mentioned;subject_via_script", ""),
         "P-DELIV": (N, "untested;translation_only", "外送 names the order")},
      S={"L-62": (B, "required_absent", ""), "L-64": (B, "forbidden_said", "我们会尽快处理的")}),
    O("H-63", "hotline", "2026-11-02 23:50", "Liu Fang", "外送", "zh-hans",
      "深夜11点50分打外送热线，接电话的是真人，不是智能客服：“您好，港湾咖啡外送热线，我是真人客服”。她说外送三十分钟内送达，结果等了五十分钟才送达。",
      P={"P-LIVE": (K, "subject_mentioned;negation_outside_cue", "不是智能客服 is no breach"),
         "P-DELIV": (B, "transcript_quantity;zh_numeral;claim_quote", "五十分钟 > 30", "五十分钟"),
         "P-CB2H": (N, "untested;single_shared_word", "接电话 is not a call back")},
      S={"L-61": (K, "zh_numeral", "三十 for 30")}),
    O("H-64", "hotline", "2026-11-23 10:00", "Xu Ting", "Complaint", "zh-hans",
      "上午10点打热线投诉漏送一杯美式，等了大约3分钟才接通。客服说“您好，港湾咖啡外送热线，我是真人客服”，说“我们会在2小时内给您回电”，一个半小时后回电了。",
      m={"answer_wait": "3"},
      P={"P-LIVE": (B, "measure_cell_plain", "3 min > 2"),
         "P-CB2H": (K, "transcript_quantity;zh_numeral", "一个半小时 <= 2 h", "一个半小时"),
         "P-DELIV": (N, "untested;translation_only", "外送热线 is the hotline's name; 漏送 is a missing item, not a delivery time")},
      S={"L-62": (K, "zh_numeral", "2小时 for 两小时")}),

    # ------------------------------------------------------------------ Chat
    O("H-70", "chat", "2026-09-14 10:20", "Aisha Rahman", "complaint", "en",
      '''Opened the chat at 10:20 to complain about a cold latte. Only a chatbott answered with FAQ links; no agent joined.''',
      P={"P-LIVE": (R, "breach_cue;cue_fuzzy_typo", "'chatbott' (typo) for the cue chatbot")},
      S={"L-70": (B, "required_absent", ""), "L-71": (B, "required_absent", ""), "L-72": (B, "required_absent", "")}),
    O("H-71", "chat", "2026-10-09 15:10", "Liu Fang", "投诉", "mixed",
      "在线客服：“Hi, you're chatting with a real person at Harbour Bean.” 我投诉杯子漏水，客服说“We'll call you back with in four hours.”，结果2.5小时后才回电。",
      m={"callback_time": "2.5 h"},
      P={"P-CB2H": (B, "measure_cell_unit;claim_quote", "2.5 h > 2 h"),
         "P-LIVE": (K, "subject_mentioned;subject_via_script", "")},
      S={"L-71": (K, "typo_stt", "'with in'"), "L-72": (B, "required_absent", "")}),
    O("H-72", "chat", "2026-10-23 12:00", "Daniel Lim", "refund", "mixed",
      '''Chat at noon: "Hi, you're chatting with a real person at Harbour Bean." - a real person, not a chatbot. She wrote '''
      '''"错单洒漏的退款24小时内到账" but the refund took 2 days to reach my card.''',
      P={"P-LIVE": (K, "subject_mentioned;negation_outside_cue", "'not a chatbot' is no breach"),
         "P-REFUND": (B, "transcript_quantity;claim_quote", "refund took 2 days > 24 h", "2 days")}),
    O("H-73", "chat", "2026-11-11 09:00", "Xu Ting", "会员", "mixed",
      "在线客服问电子集点卡的印花为什么少了两个，客服说“Hi, you're chatting with a real person at Harbour Bean.”，十分钟内帮我补上了。",
      P={"P-LIVE": (K, "subject_mentioned;subject_via_script", "")},
      NA={"P-STAMP": "stamps are discussed, but P-STAMP does not apply to chat"}),
    O("H-74", "chat", "2026-11-27 16:40", "Aisha Rahman", "refund", "mixed",
      '''Asked in chat for a refund on a spilled mocha. The agent wrote "thats not my problem, the rider spilled it" and then '''
      '''"我们会尽快处理". Three days on, the refund never arrived.''',
      P={"P-REFUND": (B, "breach_cue;negation_inside_cue", "cue 'refund never arrived'")},
      S={"L-70": (B, "required_absent", ""), "L-72": (B, "required_absent", ""),
         "L-73": (B, "forbidden_said;case_width_punct", "'thats not my problem'")},
      NA={"L-64": "我们会尽快处理 is the hotline's forbidden line; it does not apply to chat"}),
]

DUPLICATES = {
    ("H-07", "H-08"): ("duplicate_different_shopper", "Xu Ting and Liu Fang, identical text a week apart"),
    ("H-25", "H-26"): ("duplicate_same_shopper_resubmitted;case_width_punct", "same shopper, two visits, 「」 vs \" quotes"),
}

README_HEAD = """# Evaluation set: Harbour Bean Coffee — held-out part

Do not read the observations or labels of this folder while tuning the engine. Same
touchpoints, promises and scripts as `benchmarks/eval_coffee/` (byte-identical files), same
label format and conventions (see `benchmarks/eval_coffee/README.md`); different
observations, keys `H-…`. Regenerate with `python benchmarks/eval_coffee_holdout/build.py`;
validate with `python benchmarks/evaluate.py --check-files --eval-dir benchmarks/eval_coffee_holdout`.

Project-level labels (`inconsistent_claim`, `uncovered_promise`) are the same as in the
tuning part, because the project files are the same.

## Counts

Judged labels (expected `kept`, `broken` or `review_ok`), positives in brackets:

"""

if __name__ == "__main__":
    result = cb.build(HERE, OBSERVATIONS, DUPLICATES)
    for name in ("touchpoints.csv", "promises.csv", "scripts.csv"):
        mine, theirs = (HERE / name).read_bytes(), (HERE.parent / "eval_coffee" / name).read_bytes()
        assert mine == theirs, f"{name} differs from the tuning part's"
    text = README_HEAD + cb.counts_markdown(result) + "\n"
    (HERE / "README.md").write_text(text, encoding="utf-8")
    print(cb.counts_markdown(result))
