"""Generate SPEC §3 import files of any size, for benchmarks and manual testing.

    python benchmarks/generate.py --observations 100000 --out benchmarks/data/big

writes ``touchpoints.csv``, ``promises.csv``, ``scripts.csv`` and ``observations.csv``
(or ``.xlsx`` / ``.json`` with ``--format``) into ``--out``. Everything is derived from
``--seed``, so the same arguments always give byte-identical files.

The data is meant to look like a real bilingual mystery-shopping programme: transcripts
of ~400 characters mixing English, Simplified and Traditional Chinese, built from
greetings, waiting times, robots answering, return policies and staff phrases. Some
transcripts quote the generated script lines and the promises' breach cues (so an audit
benchmark has real matches, and negated cues such as "not a bot"), some have typos and
speech-to-text errors, some use full-width digits. Measurement columns mix bare numbers
with units (``130 min``, ``2.5 h``, ``两个半小时``).

Observations are written row by row (never held in memory), so the size is only limited
by disk space: 100,000 observations take a few seconds as CSV.

Only the standard library is needed, except for ``--format xlsx`` (openpyxl).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

BRAND_EN, BRAND_ZH, BRAND_TW = "Aurora Home", "极光家居", "極光家居"

# --------------------------------------------------------------------------- touchpoints

CHANNELS = ("store", "store", "store", "website", "app", "phone", "chat", "social", "email", "store")
CITIES = (
    ("Shanghai", "上海"), ("Beijing", "北京"), ("Shenzhen", "深圳"), ("Guangzhou", "广州"), ("Chengdu", "成都"),
    ("Hangzhou", "杭州"), ("Wuhan", "武汉"), ("Nanjing", "南京"), ("Hong Kong", "香港"), ("Taipei", "台北"),
    ("Xi'an", "西安"), ("Suzhou", "苏州"), ("Tianjin", "天津"), ("Chongqing", "重庆"), ("Kaohsiung", "高雄"),
)
MALLS = (("Nanjing Rd", "南京路"), ("IFC", "国金中心"), ("Taikoo Li", "太古里"), ("Wanda Plaza", "万达广场"),
         ("Joy City", "大悦城"), ("Xinyi", "信義"), ("Causeway Bay", "銅鑼灣"), ("Raffles City", "来福士"))
NON_STORE_NAMES = {
    "website": ("Official website", "官网"),
    "app": ("Mobile app", "官方App"),
    "phone": ("Customer hotline", "客服热线"),
    "chat": ("Online chat", "在线客服"),
    "social": ("WeChat official account", "微信公众号"),
    "email": ("Customer e-mail", "客服邮箱"),
}

# --------------------------------------------------------------------------- promises
# (dimension, en template, zh template, metric, operator, targets, unit, breach cues)
# Templates use {t} for the target; metric None = a promise checked by its cues only.

@dataclass(frozen=True)
class PromiseTemplate:
    dimension: str
    en: str
    zh: str
    metric: str | None = None
    operator: str | None = None
    targets: tuple = ()
    unit: str | None = None
    cues: tuple[str, ...] = ()


PROMISE_TEMPLATES = (
    PromiseTemplate("responsiveness", "Customer service answers within {t} minutes", "客服{t}分钟内接听",
                    "wait_time", "<=", (1, 3, 5, 10, 15), "min",
                    ("waited forever", "no one answered", "等了很久", "无人接听", "無人接聽")),
    PromiseTemplate("responsiveness", "24/7 customer service with a real person", "24小时真人客服",
                    None, None, (), None,
                    ("only a robot answered", "只有机器人回复", "智能客服", "已经下班了", "只有機器人回覆")),
    PromiseTemplate("responsiveness", "We call you back within {t} minutes", "{t}分钟内回电",
                    "callback_time", "<=", (15, 30, 60), "min",
                    ("never called back", "没有回电", "沒有回電", "no callback")),
    PromiseTemplate("reliability", "{t}-day free returns, no questions asked", "{t}天无理由退货",
                    "return_window", ">=", (7, 15, 30), "day",
                    ("returns not accepted", "不能退货", "only 7 days", "不接受退貨")),
    PromiseTemplate("reliability", "Delivery within {t} days", "{t}天内送达",
                    "delivery_time", "<=", (1, 2, 3, 5), "day",
                    ("delivery was late", "配送延迟", "還沒到貨", "still not delivered")),
    PromiseTemplate("reliability", "Refund within {t} hours", "{t}小时内退款",
                    "refund_time", "<=", (24, 48, 72), "h",
                    ("refund delayed", "退款没到账", "退款還沒到")),
    PromiseTemplate("assurance", "Members save {t}% on every order", "会员每单享{t}%折扣",
                    "member_discount", ">=", (5, 10, 15), "%",
                    ("no member discount", "没有会员折扣", "會員沒有折扣")),
    PromiseTemplate("assurance", "Price match: we refund the difference up to {t} CNY", "保价：差价最高补偿{t}元",
                    "price_match", ">=", (50, 100, 200), "CNY",
                    ("refused price match", "拒绝补差价", "不給補差價")),
    PromiseTemplate("empathy", "A dedicated advisor contacts you within {t} hour", "专属顾问{t}小时内与您沟通",
                    "advisor_contact", "<=", (1, 2), "h",
                    ("no advisor contacted me", "没有顾问联系", "沒有顧問聯絡")),
    PromiseTemplate("tangibles", "Free gift wrapping on request", "免费礼品包装",
                    None, None, (), None,
                    ("wrapping costs extra", "包装要收费", "包裝要收費")),
    PromiseTemplate("empathy", "Every customer is greeted within a minute of arriving", "进店一分钟内有人迎接",
                    None, None, (), None,
                    ("nobody greeted me", "没人理我", "沒人招呼", "ignored me")),
    PromiseTemplate("tangibles", "Clean, bright showrooms with free Wi-Fi", "门店整洁明亮，提供免费Wi-Fi",
                    None, None, (), None,
                    ("the store was dirty", "门店很脏", "no Wi-Fi", "没有WiFi")),
)
SOURCES = ("website banner", "app store listing", "TVC 2026", "官网首页", "微信推文", "store poster", "門市海報")

# --------------------------------------------------------------------------- scripts

REQUIRED_LINES = {
    "greeting": ("Hello, welcome to Aurora Home, how can I help you today?", "您好，欢迎光临极光家居，请问有什么可以帮您？",
                 "您好，歡迎光臨極光家居，請問有什麼可以幫您？", "Good evening, thank you for calling Aurora Home.",
                 "您好，这里是极光家居客服中心，很高兴为您服务。"),
    "needs": ("May I ask what you are looking for?", "请问您想了解哪款产品？", "Can I have your order number, please?",
              "麻烦提供一下您的订单号。", "請問您的訂單編號是？"),
    "offer": ("Would you like to join our membership programme?", "您可以扫码加入会员，首单有优惠。",
              "We can arrange free delivery for you.", "可以为您安排免费送货上门。", "我們提供免費禮品包裝。"),
    "complaint": ("I am sorry for the inconvenience, let me fix this for you.", "非常抱歉给您带来不便，我马上为您处理。",
                  "I will escalate this to my supervisor right away.", "我会在今天内给您答复。"),
    "closing": ("Thank you for visiting, have a nice day!", "感谢您的来电，祝您生活愉快。", "Is there anything else I can help with?",
                "还有其他可以帮您的吗？", "謝謝光臨，歡迎再來。"),
}
FORBIDDEN_LINES = ("That's not my department.", "这不归我管。", "You'll have to call the hotline yourself.",
                   "系統問題，我也沒辦法。", "I don't know, check the website.", "你自己去官网看吧。",
                   "We are closing, come back tomorrow.", "这个我们不负责。", "Calm down, sir.", "没有库存就是没有。")
STEPS = tuple(REQUIRED_LINES)

# --------------------------------------------------------------------------- observations

SHOPPERS = ("Li Wei", "王芳", "張美玲", "Emma Clarke", "陈晓东", "Zhang Min", "黃志明", "Olivia Chen", "刘洋", "MS-07",
            "MS-12", "赵雪", "林雅婷", "James Wong", "孙磊", "周婷", "Sarah Lee", "吳家豪", "何静", "David Liu")
SCENARIOS = ("Asked about returns at 23:00", "电话咨询退货政策", "在线客服咨询配送时间", "Weekend store visit, sofa enquiry",
             "投诉配送延迟", "Asked for a price match", "會員折扣查詢", "Late-night chat about a refund",
             "门店试坐沙发并询问送货", "App order, delivery follow-up", "詢問禮品包裝", "Called the hotline at lunch time")

GREETINGS = ("Hello, welcome to Aurora Home!", "您好，欢迎光临！", "歡迎光臨，請隨便看看。", "Hi there, anything I can help you find?",
             "Good morning, thanks for calling.", "您好，极光家居客服，请问有什么可以帮您？", "The associate said hello at the door.",
             "进门后店员主动打招呼。")
WAIT_EN = ("I waited {n} minutes before anyone picked up.", "The queue took about {n} minutes.",
           "Hold music for {n} mins, then a person answered.", "It took {n} minutes to get an answer in the chat.")
WAIT_ZH = ("等了{n}分钟才有人接听。", "排队大概{n}分钟。", "在線等了{n}分鐘。", "等了{cn}分钟才有人回复。", "前面有人，等了{n}分钟左右。")
WAIT_LONG = ("等了两个半小时才有人回复。", "The reply came 2.5 hours later.", "等了一个多小时，最后还是没人接。",
             "waited 130 min in total", "半小时后才有人理我。", "等了一刻钟。")
ROBOTS = ("At 23:00 only a robot answered.", "只有机器人回复，没有人工客服。", "智能客服一直重复同样的话。",
          "The chatbot kept sending me links.", "A real person answered, not a bot.", "不是机器人，是真人接的。",
          "轉人工要等很久，機器人答非所問。", "The bot said an agent would call back.", "人工客服很快就接了，没有让我等。")
RETURNS = ("The staff said returns are only accepted within 7 days.", "店员说只能7天内退货。", "網站寫30天免費退貨，門市說只有7天。",
           "They confirmed the 30-day free returns policy.", "客服说15天内可以无理由退货。", "Return label was e-mailed right away.",
           "退货要自己付运费，和官网说的不一样。", "The refund arrived after 3 days.", "退款两天后到账。")
STAFF = ("The associate was friendly and offered water.", "店员态度很好，主动介绍会员权益。",
         "Staff were chatting among themselves and ignored me.", "店員很專業，解釋得很清楚。",
         "The cashier did not mention the membership programme.", "导购给我量了尺寸，还推荐了配色。",
         "He said: that's not my department.", "店员说这不归我管。", "The showroom was clean and bright.",
         "门店有点乱，样品上有灰。", "Free Wi-Fi worked, password on the counter.", "没有看到价格标签。")
CLOSINGS = ("Thank you for visiting, have a nice day!", "感谢您的来电，祝您生活愉快。", "謝謝光臨，歡迎再來。",
            "The call ended without a goodbye.", "最后也没问还有没有其他需要。", "She asked if there was anything else.")
FILLERS = ("I asked about the grey sofa in the window.", "我问了沙发的送货时间。", "Order number AH-2026-{n}.",
           "顾客较多，收银台排队。", "The price on the website was 200 CNY lower.", "客服要求我提供手机号码。",
           "門市人不多，冷氣很涼。", "I mentioned I saw the promise on the app.", "他们说今天系统有问题。")

CN_NUMBERS = ("一", "两", "三", "五", "十", "十五", "二十", "三十", "四十五")
CN_VALUES = (1, 2, 3, 5, 10, 15, 20, 30, 45)

# speech-to-text style substitutions for Chinese, applied to some transcripts
HOMOPHONES = (("机器人", "机器仁"), ("客服", "刻服"), ("退货", "推货"), ("分钟", "分中"), ("店员", "店圆"), ("回电", "回店"))
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")

# measurement columns: metric -> (column header, share of rows that have it)
MEASURES = (
    ("wait_time", "measure:wait_time", 0.45),
    ("callback_time", "measure:callback_time", 0.15),
    ("return_window", "Measure: return_window", 0.15),
    ("delivery_time", "测量:delivery_time", 0.12),
    ("price_match", "measure:price_match", 0.08),
)

OBSERVATION_HEADER = ["key", "touchpoint", "observed_at", "shopper", "scenario", "transcript",
                      "rating_tangibles", "rating_reliability", "rating_responsiveness", "rating_assurance",
                      "rating_empathy", "nps", "ces", *(header for _, header, _ in MEASURES)]

START = datetime(2026, 6, 1, 8, 0)
SPAN_MINUTES = int((datetime(2026, 11, 20, 22, 0) - START).total_seconds() // 60)


@dataclass
class Touchpoint:
    key: str
    channel: str
    promises: list = field(default_factory=list)   # promises that apply here
    required: list = field(default_factory=list)   # script line texts
    forbidden: list = field(default_factory=list)


# --------------------------------------------------------------------------- generation


def _touchpoints(rng: random.Random, count: int) -> list[list]:
    rows = []
    per_channel: dict[str, int] = {}
    for i in range(count):
        channel = CHANNELS[i % len(CHANNELS)] if i >= 6 else ("website", "app", "phone", "chat", "social", "store")[i]
        n = per_channel[channel] = per_channel.get(channel, 0) + 1
        key = f"{channel}-{n:03d}"
        city_en, city_zh = CITIES[rng.randrange(len(CITIES))]
        if channel == "store":
            mall_en, mall_zh = MALLS[rng.randrange(len(MALLS))]
            name = f"{city_en} {mall_en} store / {city_zh}{mall_zh}店"
            location = f"{city_en} / {city_zh}"
        else:
            en, zh = NON_STORE_NAMES[channel]
            name = f"{en} / {zh}" if n == 1 else f"{en} {n} / {zh}{n}"
            location = ""
        notes = rng.choice(("", "", "opened 2025", "重点门店", "營業至22:00", "24h"))
        rows.append([key, name, channel, location, notes])
    return rows


def _promises(rng: random.Random, count: int, touchpoint_keys: list[str]) -> list[list]:
    rows = []
    for i in range(count):
        template = PROMISE_TEMPLATES[i % len(PROMISE_TEMPLATES)]
        target = rng.choice(template.targets) if template.targets else None
        en, zh = template.en.format(t=target), template.zh.format(t=target)
        text = rng.choice((en, zh, f"{zh} / {en}", zh.replace("小时", "小時").replace("内", "內")))
        if rng.random() < 0.25:
            touchpoints = "*"
        else:
            touchpoints = ";".join(rng.sample(touchpoint_keys, k=min(len(touchpoint_keys), rng.randint(1, 6))))
        cues = ";".join(rng.sample(template.cues, k=rng.randint(1, len(template.cues)))) if template.cues else ""
        valid_from = valid_to = ""
        if rng.random() < 0.2:
            valid_from = f"2026-{rng.randint(5, 8):02d}-01"
            valid_to = f"2026-{rng.randint(9, 12):02d}-{rng.randint(1, 28):02d}" if rng.random() < 0.5 else ""
        rows.append([
            f"P-{i + 1:04d}", text, touchpoints, template.dimension, template.metric or "", template.operator or "",
            "" if target is None else target, template.unit or "", cues, rng.randint(1, 5), valid_from, valid_to,
            rng.choice(SOURCES),
        ])
    return rows


def _scripts(rng: random.Random, count: int, touchpoint_keys: list[str], promises: list[list]) -> list[list]:
    rows = []
    for i in range(count):
        touchpoint = rng.choice(touchpoint_keys)
        step = rng.choice(STEPS)
        promise = ""
        if rng.random() < 0.18:
            kind = rng.choice(("forbidden", "forbidden", "禁说"))
            text = rng.choice(FORBIDDEN_LINES)
        else:
            kind = rng.choice(("required", "required", "", "必说"))
            if promises and rng.random() < 0.4:
                row = rng.choice(promises)
                promise = row[0]
                text = row[1]
                if rng.random() < 0.25 and row[6] != "":  # state the promise with another number
                    text = text.replace(str(row[6]), str(rng.choice((7, 10, 20, 48, 100))), 1)
                text = rng.choice(("We promise: ", "请告知顾客：", "", "記得說：")) + text
            else:
                text = rng.choice(REQUIRED_LINES[step])
        rows.append([f"S-{i + 1:04d}", touchpoint, text, kind, step, promise, rng.randint(1, 5), "", ""])
    return rows


def _index(touchpoints: list[list], promises: list[list], scripts: list[list]) -> dict[str, Touchpoint]:
    index = {row[0]: Touchpoint(row[0], row[2]) for row in touchpoints}
    for row in promises:
        targets = index.values() if row[2] == "*" else (index[key] for key in row[2].split(";"))
        for touchpoint in targets:
            touchpoint.promises.append(row)
    for row in scripts:
        touchpoint = index[row[1]]
        (touchpoint.forbidden if row[3] in ("forbidden", "禁说") else touchpoint.required).append(row[2])
    return index


def _typo(rng: random.Random, text: str) -> str:
    """One keyboard slip (swap, drop, double) in a Latin word, or a speech-to-text homophone."""
    if rng.random() < 0.4:
        for right, wrong in rng.sample(HOMOPHONES, k=len(HOMOPHONES)):
            if right in text:
                return text.replace(right, wrong, 1)
    for _ in range(8):
        i = rng.randrange(1, max(2, len(text) - 2))
        if text[i].isascii() and text[i].isalpha() and text[i + 1].isascii() and text[i + 1].isalpha():
            op = rng.randrange(3)
            if op == 0:
                return text[:i] + text[i + 1] + text[i] + text[i + 2:]
            if op == 1:
                return text[:i] + text[i + 1:]
            return text[:i] + text[i] + text[i:]
    return text


def _measure_cell(rng: random.Random, metric: str) -> tuple[str | int | float, float | None]:
    """A measurement as a shopper writes it, and its value in minutes (for wait phrases)."""
    if metric == "wait_time":
        minutes = rng.choice((1, 2, 3, 4, 5, 8, 10, 12, 15, 20, 25, 30, 45, 60, 90, 130, 150))
        style = rng.randrange(8)
        if style == 0:
            return minutes, minutes
        if style == 1:
            return f"{minutes} min", minutes
        if style == 2:
            return f"{minutes}分钟", minutes
        if style == 3:
            return f"{minutes} mins", minutes
        if style == 4:
            return rng.choice((("2.5 h", 150), ("两个半小时", 150), ("半小时", 30), ("一刻钟", 15), ("1.5h", 90)))
        if style == 5:
            return f"{minutes} minutes", minutes
        if style == 6:
            return f"{minutes}分鐘", minutes
        return str(minutes), minutes
    if metric == "callback_time":
        return rng.choice(("15 min", "30 min", "2 h", "一个小时", "45", "3 hrs", "24 h", "半小时", 20)), None
    if metric == "return_window":
        return rng.choice(("7 days", "7天", "30 days", "15天", 30, "30 day", "两周", "3 个工作日")), None
    if metric == "delivery_time":
        return rng.choice(("2 days", "3天", "5 天", 1, "1 day", "一周", "4 working days", "两天")), None
    return rng.choice(("¥100", "200元", "50 CNY", 100, "0", "150 RMB", "80块")), None


def _transcript(rng: random.Random, touchpoint: Touchpoint, wait: float | None) -> str:
    parts: list[str] = [rng.choice(GREETINGS)]
    if wait is not None:
        template = rng.choice(WAIT_EN + WAIT_ZH)
        cn = CN_NUMBERS[CN_VALUES.index(wait)] if wait in CN_VALUES else str(int(wait))
        parts.append(template.format(n=int(wait), cn=cn))
    elif rng.random() < 0.2:
        parts.append(rng.choice(WAIT_LONG))
    if touchpoint.channel in ("phone", "chat", "app", "website", "social") or rng.random() < 0.1:
        parts.append(rng.choice(ROBOTS))
    if touchpoint.required and rng.random() < 0.7:  # staff said (some of) the script
        parts.extend(rng.sample(touchpoint.required, k=min(len(touchpoint.required), rng.randint(1, 2))))
    if touchpoint.forbidden and rng.random() < 0.12:
        parts.append("Staff said: " + rng.choice(touchpoint.forbidden))
    if touchpoint.promises and rng.random() < 0.3:  # a breach cue, sometimes negated
        cues = rng.choice(touchpoint.promises)[8]
        if cues:
            cue = rng.choice(cues.split(";"))
            parts.append(rng.choice(("{c}.", "{c}!", "It was not true that {c}.", "其实{c}。", "说实话，{c}。")).format(c=cue))
    target = rng.randint(330, 470)
    length = sum(len(p) for p in parts)
    pools = (RETURNS, STAFF, FILLERS, ROBOTS, STAFF, RETURNS)
    while length < target - 40:
        part = rng.choice(rng.choice(pools))
        if "{n}" in part:
            part = part.format(n=rng.randint(1000, 99999))
        elif part in parts:
            continue
        parts.append(part)
        length += len(part) + 1
    parts.append(rng.choice(CLOSINGS))
    text = " ".join(parts)
    roll = rng.random()
    if roll < 0.15:
        text = _typo(rng, text)
        if roll < 0.05:
            text = _typo(rng, text)
    elif roll < 0.20:
        text = text.translate(FULLWIDTH)
    elif roll < 0.25:
        text = text.replace("。 ", "。\n", 2)  # multi-line cell
    return text


def _observed_at(rng: random.Random) -> str:
    moment = START + timedelta(minutes=rng.randrange(SPAN_MINUTES))
    style = rng.random()
    if style < 0.75:
        return f"{moment:%Y-%m-%d %H:%M}"
    if style < 0.85:
        return f"{moment.year}/{moment.month}/{moment.day} {moment:%H:%M}"
    if style < 0.92:
        return f"{moment.year}年{moment.month}月{moment.day}日 {moment:%H:%M}"
    if style < 0.97:
        return f"{moment:%Y-%m-%dT%H:%M}"
    return f"{moment:%Y-%m-%d}"


def _rating(rng: random.Random, low: int, high: int, blank: float = 0.05) -> int | str:
    return "" if rng.random() < blank else rng.randint(low, high)


def observation_rows(rng: random.Random, count: int, touchpoints: dict[str, Touchpoint]):
    """Yield observation rows one at a time (header not included)."""
    keys = list(touchpoints)
    width = max(6, len(str(count)))
    # visits cluster on busy touchpoints: a few get many more visits than the rest
    weights = [rng.choice((1, 1, 1, 2, 3, 8)) for _ in keys]
    cumulative = []
    total = 0
    for weight in weights:
        total += weight
        cumulative.append(total)
    choices = rng.choices
    for i in range(count):
        touchpoint = touchpoints[choices(keys, cum_weights=cumulative)[0]]
        measures = []
        wait = None
        for metric, _, share in MEASURES:
            if rng.random() < share:
                cell, minutes = _measure_cell(rng, metric)
                if metric == "wait_time":
                    wait = minutes
                measures.append(cell)
            else:
                measures.append("")
        yield [
            f"V-{i + 1:0{width}d}", touchpoint.key, _observed_at(rng), rng.choice(SHOPPERS), rng.choice(SCENARIOS),
            _transcript(rng, touchpoint, wait),
            _rating(rng, 1, 5), _rating(rng, 1, 5), _rating(rng, 1, 5), _rating(rng, 1, 5), _rating(rng, 1, 5),
            _rating(rng, 0, 10, 0.1), _rating(rng, 1, 7, 0.2), *measures,
        ]


# --------------------------------------------------------------------------- writers

TOUCHPOINT_HEADER = ["key", "name", "channel", "location", "notes"]
PROMISE_HEADER = ["key", "text", "touchpoints", "dimension", "metric", "operator", "target", "unit", "breach_cues",
                  "weight", "valid_from", "valid_to", "source"]
SCRIPT_HEADER = ["key", "touchpoint", "text", "kind", "step", "promise", "weight", "valid_from", "valid_to"]


def _write_csv(path: Path, header: list[str], rows) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def _write_json(path: Path, header: list[str], rows) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        handle.write("[")
        for row in rows:
            item = {name: value for name, value in zip(header, row) if value != ""}
            handle.write(("\n" if count == 0 else ",\n") + json.dumps(item, ensure_ascii=False))
            count += 1
        handle.write("\n]\n")
    return count


def _write_xlsx(path: Path, header: list[str], rows) -> int:
    from openpyxl import Workbook  # only needed for --format xlsx

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("observations")
    sheet.append(header)
    count = 0
    for row in rows:
        sheet.append([None if value == "" else value for value in row])
        count += 1
    workbook.save(path)
    return count


WRITERS = {"csv": _write_csv, "json": _write_json, "xlsx": _write_xlsx}


def generate(out: str | Path, *, observations: int = 1000, touchpoints: int = 50, promises: int = 200,
             scripts: int = 600, seed: int = 20261122, fmt: str = "csv") -> dict[str, Path]:
    """Write the four files into ``out``; return {kind: path}."""
    if touchpoints < 6:
        raise ValueError("--touchpoints must be at least 6 (one of each main channel)")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    # one generator per file, so e.g. changing --observations leaves the other files identical
    tp_rows = _touchpoints(random.Random(f"{seed}-touchpoints"), touchpoints)
    tp_keys = [row[0] for row in tp_rows]
    promise_rows = _promises(random.Random(f"{seed}-promises"), promises, tp_keys)
    script_rows = _scripts(random.Random(f"{seed}-scripts"), scripts, tp_keys, promise_rows)
    paths = {
        "touchpoints": out / "touchpoints.csv",
        "promises": out / "promises.csv",
        "scripts": out / "scripts.csv",
        "observations": out / f"observations.{fmt}",
    }
    _write_csv(paths["touchpoints"], TOUCHPOINT_HEADER, tp_rows)
    _write_csv(paths["promises"], PROMISE_HEADER, promise_rows)
    _write_csv(paths["scripts"], SCRIPT_HEADER, script_rows)
    index = _index(tp_rows, promise_rows, script_rows)
    rows = observation_rows(random.Random(f"{seed}-observations"), observations, index)
    WRITERS[fmt](paths["observations"], OBSERVATION_HEADER, rows)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write SPEC §3 import files (touchpoints, promises, scripts, "
                                                 "observations) of any size into a folder.")
    parser.add_argument("--observations", type=int, default=1000, metavar="N", help="observations to write (default 1000)")
    parser.add_argument("--touchpoints", type=int, default=50, metavar="N", help="touchpoints (default 50, at least 6)")
    parser.add_argument("--promises", type=int, default=200, metavar="N", help="promises (default 200)")
    parser.add_argument("--scripts", type=int, default=600, metavar="N", help="script lines (default 600)")
    parser.add_argument("--seed", type=int, default=20261122, help="random seed; same seed, same files (default 20261122)")
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent / "data" / "generated"), metavar="DIR",
                        help="folder to write into (default benchmarks/data/generated, git-ignored)")
    parser.add_argument("--format", choices=sorted(WRITERS), default="csv", dest="fmt",
                        help="format of the observations file (the others are always CSV)")
    args = parser.parse_args(argv)
    for name in ("observations", "promises", "scripts"):
        if getattr(args, name) < 0:
            parser.error(f"--{name} must not be negative")
    if args.touchpoints < 6:
        parser.error("--touchpoints must be at least 6")
    started = time.perf_counter()
    paths = generate(args.out, observations=args.observations, touchpoints=args.touchpoints,
                     promises=args.promises, scripts=args.scripts, seed=args.seed, fmt=args.fmt)
    elapsed = time.perf_counter() - started
    for kind, path in paths.items():
        print(f"{kind:13} {path}  ({path.stat().st_size / 1e6:.1f} MB)")
    print(f"{args.observations:,} observations in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
