"""Text normalisation for fuzzy matching, with a map back to the original characters.

``Normalizer()(text)`` folds a transcript (or a script line, a breach cue) into a form in
which the ways people write the same thing look the same, and remembers where every part
of the result came from, so that evidence found in the normalised text always points into
the original transcript::

    >>> n = Normalizer()("Called at 23:10. 只有機器人回覆")
    >>> n.text
    'called at 23:10|只有bot reply'
    >>> start = n.text.index("bot"); n.original.__getitem__(slice(*n.to_original(start, start + 3)))
    '機器人'

The steps, in order (each keeps the offset map exact):

1. Characters, one by one: NFKC (full-width ``２４`` → ``24``, ``ＡＢＣ`` → ``abc``), lower
   case, Traditional → Simplified (the OpenCC character table). Almost every character
   maps to exactly one character, so this is one ``str.translate``; the rare characters that
   expand or vanish (``㎏`` → ``kg``, ``ﬁ`` → ``fi``, zero-width spaces) are recorded.
2. Numbers to digits: Chinese numerals where they are quantities (``两个半小时`` →
   ``2.5小时``, ``一刻钟`` → ``15分钟``, ``百分之二十`` → ``20%``, but 一直, 一定 stay) and
   English number words (``forty-five`` → ``45``, ``half an hour`` → ``0.5 hour``).
3. Units after a number to one canonical token, no space: ``15 mins``/``15分钟`` →
   ``15min``; ``2 hrs``/``2个小时`` → ``2h``; ``3天``/``3 days`` → ``3day``; ``¥100`` → ``100cny``.
4. Punctuation: sentence punctuation and line breaks → ``|`` (a clause boundary), other
   punctuation → space, except a decimal point, ``23:00``, ``24/7``, ``%``, ``2-3``, ``don't``;
   runs collapsed, no space next to a CJK character, ends stripped.
5. Synonyms: every variant of a group (itself normalised by steps 1–4) is replaced by the
   group's first entry, longest variant first; Latin variants only as whole words.

Performance: one ``Normalizer`` call on a 400-character transcript takes a few tens of
microseconds; each step is one or two compiled regular expressions scanned in C, and only
the replaced regions are kept (never a per-character list).
"""

from __future__ import annotations

import bisect
import json
import re
import unicodedata
from dataclasses import dataclass, field
from importlib.util import find_spec
from operator import itemgetter
from pathlib import Path
from typing import Callable, Iterable

from auditor.quantity import UNIT_ALIASES, _CN_DIGITS, chinese_to_number

__all__ = ["NUMBER_UNIT", "UNIT_TOKENS", "Normalized", "Normalizer", "load_default_synonyms"]

# A replaced region of one rewriting step: (new_start, new_end, old_start, old_end).
Region = tuple[int, int, int, int]
_first = itemgetter(0)

# --------------------------------------------------------------------------------------
# The result
# --------------------------------------------------------------------------------------


def _map_span(regions: list[Region], start: int, end: int) -> tuple[int, int]:
    """Map [start, end) back through one step: a start inside a replaced region goes to the
    region's old start, an end inside one to its old end; elsewhere positions shift."""
    i = bisect.bisect_right(regions, start, key=_first) - 1
    if i >= 0:
        new_start, new_end, old_start, old_end = regions[i]
        start = old_start if start < new_end else start - new_end + old_end
    j = bisect.bisect_left(regions, end, key=_first) - 1
    if j >= 0:
        new_start, new_end, old_start, old_end = regions[j]
        end = old_end if end <= new_end else end - new_end + old_end
    return start, max(start, end)


@dataclass(frozen=True)
class Normalized:
    """A normalised text and the way back to the original characters."""

    text: str  # the normalised text
    original: str  # the input
    _steps: tuple[list[Region], ...] = field(default=(), repr=False, compare=False)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span [start, end) of .text to the span of .original it came from
        (a replaced region maps to the whole original region; never a half character)."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} is not inside the normalised text (length {len(self.text)})")
        for regions in reversed(self._steps):
            start, end = _map_span(regions, start, end)
        return start, end


def _rewrite(pattern: re.Pattern[str], text: str,
             replace: Callable[[re.Match[str]], str | None]) -> tuple[str, list[Region]]:
    """Replace the matches for which ``replace`` returns a string; record the regions."""
    pieces: list[str] = []
    regions: list[Region] = []
    pos = delta = 0
    for match in pattern.finditer(text):
        new = replace(match)
        if new is None:
            continue
        start, end = match.span()
        if new == text[start:end]:
            continue
        pieces.append(text[pos:start])
        pieces.append(new)
        regions.append((start + delta, start + delta + len(new), start, end))
        delta += len(new) - (end - start)
        pos = end
    if not regions:
        return text, regions
    pieces.append(text[pos:])
    return "".join(pieces), regions


def _rewrite_at(scanner: re.Pattern[str], text: str,
                replace: Callable[[str, int], tuple[str, int] | None]) -> tuple[str, list[Region]]:
    """Like _rewrite, but ``scanner`` only proposes start positions: ``replace(text, pos)``
    returns (new text, end) for a rewrite starting there, or None."""
    pieces: list[str] = []
    regions: list[Region] = []
    pos = delta = 0
    for candidate in scanner.finditer(text):
        start = candidate.start()
        if start < pos:
            continue
        found = replace(text, start)
        if found is None:
            continue
        new, end = found
        if new == text[start:end]:
            continue
        pieces.append(text[pos:start])
        pieces.append(new)
        regions.append((start + delta, start + delta + len(new), start, end))
        delta += len(new) - (end - start)
        pos = end
    if not regions:
        return text, regions
    pieces.append(text[pos:])
    return "".join(pieces), regions


# --------------------------------------------------------------------------------------
# Character classes shared by the steps
# --------------------------------------------------------------------------------------

# Han, kana, hangul, bopomofo, CJK compatibility; what "next to a CJK character" means.
_CJK = ("\u2e80-\u2fff\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3038-\u303c\u3040-\u30ff\u3100-\u31ff"
        "\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\uff66-\uff9f"
        "\U00020000-\U0003134f")
_CJK_CHAR = re.compile(f"[{_CJK}]")
_LATIN = "0-9a-z\u00c0-\u024f"  # what makes a Latin word go on (after lower case)
_LATIN_CHAR = re.compile(f"[{_LATIN}]")


def _is_cjk(ch: str) -> bool:
    return _CJK_CHAR.match(ch) is not None


def _is_latin(ch: str) -> bool:
    return _LATIN_CHAR.match(ch) is not None


def _fmt(value: float) -> str:
    """A number as digits: 24, 2.5, 0.25."""
    if value == int(value):
        return str(int(value))
    return f"{value:.6g}"


def _trie_pattern(words: Iterable[str]) -> str:
    """One alternation of all words as a trie (fast in Python's re: the first character
    picks the branch, and a pattern whose branches all start with a literal gets a
    first-character prefilter), longest match preferred, Latin edges only at word
    boundaries."""
    return "|".join(_trie_alternatives(words))


def _trie_alternatives(words: Iterable[str]) -> list[str]:
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = word

    def build(node: dict, depth: int) -> str:
        alternatives = []
        for ch in sorted(k for k in node if k):
            alternatives.append(re.escape(ch) + build(node[ch], depth + 1))
        if "" in node:
            word = node[""]
            alternatives.append(f"(?![{_LATIN}])" if _is_latin(word[-1]) else "")
        if len(alternatives) == 1:
            return alternatives[0]
        return "(?:" + "|".join(alternatives) + ")"

    return [re.escape(ch) + (f"(?<![{_LATIN}.].)" if _is_latin(ch) else "") + build(trie[ch], 1)
            for ch in sorted(k for k in trie if k)]


# --------------------------------------------------------------------------------------
# Step 1: characters (NFKC, lower case, Traditional -> Simplified)
# --------------------------------------------------------------------------------------

# Common CJK punctuation is left to step 4 (which knows both forms), so that an ordinary
# Simplified Chinese transcript needs no translate at all.
_LEFT_TO_PUNCTUATION = set("！（），：；？～\u3000…‥")
_ZERO_WIDTH = set("\u00ad\u200b\u200c\u200d\u2060\ufeff")


class _Folding:
    """The character tables, built once per process (about 0.2 s)."""

    def __init__(self) -> None:
        t2s = _traditional_to_simplified()
        table = [chr(cp) for cp in range(0x10000)]  # a list: translate never misses a key
        trigger: list[str] = []
        expand: dict[str, str] = {}
        for cp in range(0x30000):
            if 0xD800 <= cp < 0xE000 or 0x4E00 <= cp < 0xA000 and chr(cp) not in t2s:
                continue
            ch = chr(cp)
            if ch in _LEFT_TO_PUNCTUATION:
                continue
            if ch in _ZERO_WIDTH:
                expand[ch] = ""
                continue
            folded = "".join(t2s.get(c, c) for c in unicodedata.normalize("NFKC", ch).lower())
            if folded == ch:
                continue
            if len(folded) != 1 or len(ch.lower()) != 1 or cp >= 0x10000:
                expand[ch] = folded
            else:
                table[cp] = folded
                if not "A" <= ch <= "Z":  # lower() has already done those
                    trigger.append(ch)
        self.table = table
        self.trigger = re.compile(_char_class(trigger))
        self.expand = expand
        self.expand_re = re.compile(_char_class(expand))


def _char_class(chars: Iterable[str]) -> str:
    """A regex character class, as ranges."""
    codes = sorted({ord(c) for c in chars})
    parts: list[str] = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        lo, hi = chr(codes[i]), chr(codes[j])
        parts.append(re.escape(lo) if i == j else f"{re.escape(lo)}-{re.escape(hi)}")
        i = j + 1
    return "[" + "".join(parts) + "]" if parts else "[^\\s\\S]"


def _traditional_to_simplified() -> dict[str, str]:
    """OpenCC's Traditional -> Simplified character table (1 char -> its first 1-char choice)."""
    spec = find_spec("opencc")  # locate the data without importing the converter
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the package opencc-python-reimplemented is missing (pip install it)")
    path = Path(next(iter(spec.submodule_search_locations))) / "dictionary" / "TSCharacters.txt"
    mapping: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        traditional, _, simplified = line.partition("\t")
        choices = simplified.split()
        if len(traditional) == 1 and choices and len(choices[0]) == 1 and choices[0] != traditional:
            mapping[traditional] = choices[0]
    return mapping


_folding_cache: list[_Folding] = []


def _folding() -> _Folding:
    if not _folding_cache:
        _folding_cache.append(_Folding())
    return _folding_cache[0]


def _fold(text: str) -> tuple[str, list[Region]]:
    folding = _folding()
    regions: list[Region] = []
    if folding.expand_re.search(text):
        text, regions = _rewrite(folding.expand_re, text, lambda m: folding.expand[m.group()])
    text = text.lower()
    hit = folding.trigger.search(text)
    if hit:
        start = hit.start()
        text = text[:start] + text[start:].translate(folding.table)
    return text, regions


# --------------------------------------------------------------------------------------
# Step 2: numbers to digits
# --------------------------------------------------------------------------------------

def _alternation(words: Iterable[str], escape: bool = True) -> str:
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) if escape else w for w in ordered)


# Units as written in text. Aliases that are ambiguous in free text stay out: a lone
# m/s/d/w (metres, the 90s, 3d), 分 (十分 is "very", 5分 a score).
_TEXT_UNSAFE_ALIASES = {"m", "s", "d", "w", "分", "百分之", "$", "¥", "￥", "hk$", "nt$", "us$"}

# canonical unit (quantity.UNIT_KINDS) -> its token in normalised text
UNIT_TOKENS: dict[str, str] = {"s": "sec", "min": "min", "h": "h", "day": "day", "week": "week", "%": "%",
                               "CNY": "cny", "HKD": "hkd", "TWD": "twd", "USD": "usd"}

_T2S_LIGHT = str.maketrans("個鐘頭時週禮拜塊錢幣臺內萬兩點", "个钟头时周礼拜块钱币台内万两点")


def _text_aliases() -> dict[str, str]:
    """alias as it appears in step-1 output -> canonical unit."""
    aliases: dict[str, str] = {}
    for alias, unit in UNIT_ALIASES.items():
        if alias in _TEXT_UNSAFE_ALIASES:
            continue
        folded = unicodedata.normalize("NFKC", alias).lower().translate(_T2S_LIGHT)
        aliases.setdefault(folded, unit)
    for unit, token in UNIT_TOKENS.items():  # normalised text normalises to itself
        aliases.setdefault(token, unit)
    return aliases


_ALIASES = _text_aliases()
_ZH_UNIT_WORDS = sorted({a[1:] if a.startswith("个") else a for a in _ALIASES if _CJK_CHAR.search(a)})
_ZH_UNIT = "(?:" + "|".join(
    {"块": "块(?!儿)", "周": "周(?!年)"}.get(w, re.escape(w)) for w in sorted(_ZH_UNIT_WORDS, key=lambda w: -len(w))
) + ")"
_EN_UNIT_WORDS = [a for a in _ALIASES if re.fullmatch(r"[a-z][a-z ]+", a)]
_EN_UNIT = f"(?:{_alternation(_EN_UNIT_WORDS)})(?![a-z])"

_CN_NUM_CHARS = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"
_CN_DIGIT_CHARS = "零〇一二两三四五六七八九"
_CNUM = f"[{_CN_NUM_CHARS}]+(?:点[{_CN_DIGIT_CHARS}]+)?"

_ZH_SCANNER = re.compile(f"[{_CN_NUM_CHARS}半刻0-9]+")
_ZH_GRAMMAR = re.compile(
    f"百分之(?P<pct>{_CNUM}|[0-9]+(?:\\.[0-9]+)?)"
    f"|(?P<qn>[一二两三123])?刻钟"
    f"|(?P<cn>{_CNUM})(?:(?P<h1>个?半)|(?P<more>个?[多余]))?(?P<u>个?{_ZH_UNIT})(?P<h2>半(?!个?{_ZH_UNIT}))?"
    f"|(?P<dn>[0-9]+(?:\\.[0-9]+)?)(?:个?半(?P<du1>个?{_ZH_UNIT})|(?P<du2>个?{_ZH_UNIT})半(?!个?{_ZH_UNIT}))"
    f"|半(?P<hu>个?{_ZH_UNIT})"
)
_ZH_NUM_BEFORE = set(_CN_NUM_CHARS) | set("0123456789.月")


def _chinese_value(numeral: str) -> str | None:
    """Digits for a Chinese numeral; 两三 / 三五 (an approximate range) -> 2-3 / 3-5."""
    if len(numeral) == 2 and all(c in _CN_DIGITS and _CN_DIGITS[c] for c in numeral):
        low, high = _CN_DIGITS[numeral[0]], _CN_DIGITS[numeral[1]]
        if high > low:
            return f"{low}-{high}"
    try:
        return _fmt(chinese_to_number(numeral))
    except ValueError:
        return None


def _chinese_number(text: str, pos: int) -> tuple[str, int] | None:
    m = _ZH_GRAMMAR.match(text, pos)
    if m is None:
        return None
    if m["pct"] is not None:
        value = m["pct"] if m["pct"][0].isdigit() else _chinese_value(m["pct"])
        return (f"{value}%", m.end()) if value and "-" not in value else None
    if m["cn"] is None and m["dn"] is None and m["hu"] is None:  # 一刻钟
        count = {"一": 1, "二": 2, "两": 2, "三": 3}.get(m["qn"] or "一") or int(m["qn"])
        return f"{15 * count}分钟", m.end()
    if pos and text[pos - 1] in _ZH_NUM_BEFORE:  # inside a longer number, or a date (五月一日)
        return None
    if m["cn"] is not None:
        value = _chinese_value(m["cn"])
        if value is None:
            return None
        if m["h1"] or m["h2"]:
            if "-" in value:
                return None
            value = _fmt(float(value) + 0.5)
        return value + ("多" if m["more"] else "") + m["u"], m.end()
    if m["dn"] is not None:
        return _fmt(float(m["dn"]) + 0.5) + (m["du1"] or m["du2"]), m.end()
    return "0.5" + m["hu"], m.end()


_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUES = {w: i for i, w in enumerate(_ONES)} | {w: 10 + i for i, w in enumerate(_TEENS)} \
    | {w: 20 + 10 * i for i, w in enumerate(_TENS)} | {"fourty": 40, "a": 1, "an": 1}
_B100 = f"(?:(?:{'|'.join(_TENS)}|fourty)(?:[ -](?:{'|'.join(_ONES[1:])}))?|{'|'.join(_TEENS)}|{'|'.join(_ONES)})"
_B1000 = f"(?:(?:{_B100}|a)[ -]hundred(?:(?:[ -]and)?[ -]{_B100})?|{_B100})"
_NUMBER_WORDS = f"(?:(?:{_B1000}|a)[ -]thousand(?:(?:[ -]and)?[ -]{_B1000})?|{_B1000})"
_DECIMAL = r"[0-9]+(?:\.[0-9]+)?"
_A_UNITS = "(?:second|sec|minute|min|hour|hr|day|week|working day|business day)(?![a-z])"

_EN_GRAMMAR = re.compile(
    r"(?P<th>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?)(?![0-9]|,[0-9])"
    rf"|(?:(?P<qn>a|one|two|three|[123])[ -])?quarters?[ -](?:of[ -])?(?:an?[ -])?(?P<qu>hours?|hrs?)(?![a-z])"
    rf"|(?:(?:a|one)[ -])?half[ -](?:of[ -])?(?:an?[ -])?(?P<hu>{_EN_UNIT})"
    rf"|(?P<n1>{_NUMBER_WORDS}|an?|{_DECIMAL})[ -]and[ -]a[ -]half[ -](?P<u1>{_EN_UNIT})"
    rf"|(?P<n2>{_NUMBER_WORDS}|an?|{_DECIMAL})[ -](?P<u2>{_EN_UNIT})[ -]and[ -]a[ -]half(?![a-z])"
    rf"|an?[ -](?P<au>{_A_UNITS})"
    rf"|(?P<nw>{_NUMBER_WORDS})(?![a-z])"
)
# Candidate starts: a number word, a/an, half, quarter (as whole words), or a number.
_EN_STARTERS = sorted(set(_ONES + _TEENS + _TENS + ["fourty", "hundred", "thousand", "a", "an", "half", "quarter",
                                                     "quarters"]))
_EN_SCANNER = re.compile(
    "|".join(_trie_alternatives(_EN_STARTERS) + [f"{d}(?<![0-9.,].)" for d in "0123456789"])
)
_NOT_ONE_A_UNIT = re.compile(rf"(?:\b(?:once|twice|thrice|times|every|per)|[0-9][a-z]*|{_EN_UNIT}) *$")
_ONE_BEFORE_UNIT = re.compile(rf"[ -](?:and[ -]a[ -]half[ -])?{_EN_UNIT}")


def _words_value(words: str) -> float:
    total = current = 0
    for token in re.split(r"[ -]+", words):
        if token == "and":
            continue
        if token == "hundred":
            current = (current or 1) * 100
        elif token == "thousand":
            total += (current or 1) * 1000
            current = 0
        else:
            current += _WORD_VALUES[token]
    return float(total + current)


def _number_value(text: str) -> float:
    return float(text) if text[0].isdigit() else _words_value(text)


def _english_number(text: str, pos: int) -> tuple[str, int] | None:
    m = _EN_GRAMMAR.match(text, pos)
    if m is None:
        return None
    end = m.end()
    if m["th"] is not None:
        return m["th"].replace(",", ""), end
    if m["qu"] is not None:
        count = _WORD_VALUES.get(m["qn"] or "a") or int(m["qn"])
        return f"{_fmt(0.25 * count)} {m['qu']}", end
    if m["hu"] is not None:
        return f"0.5 {m['hu']}", end
    if m["u1"] is not None:
        return f"{_fmt(_number_value(m['n1']) + 0.5)} {m['u1']}", end
    if m["u2"] is not None:
        return f"{_fmt(_number_value(m['n2']) + 0.5)} {m['u2']}", end
    if m["au"] is not None:
        if _NOT_ONE_A_UNIT.search(text, max(0, pos - 24), pos):  # twice a day, 24 hours a day
            return None
        return f"1 {m['au']}", end
    words = m["nw"]
    if words == "one" and not _ONE_BEFORE_UNIT.match(text, end):  # no one, one of them
        return None
    return _fmt(_words_value(words)), end


# --------------------------------------------------------------------------------------
# Step 3: units
# --------------------------------------------------------------------------------------

def _unit_alternative(alias: str) -> str:
    pattern = re.escape(alias).replace(r"\ ", r"\s+")
    if alias[-1].isascii() and alias[-1].isalnum():
        pattern += "(?![a-z])"
    return {"块": "块(?!儿)", "周": "周(?!年)"}.get(alias, pattern)


_UNIT_AFTER = re.compile(
    r"\s*(?P<more>[多余])?\s*(?P<unit>"
    + "|".join(_unit_alternative(a) for a in sorted(_ALIASES, key=lambda a: (-len(a), a))) + ")"
)
_NUMBER_RUN = re.compile(r"[0-9](?<![0-9.][0-9])[0-9]*(?:\.[0-9]+)?")
_CURRENCY_BEFORE = re.compile(r"(?:hk\$|nt\$|us\$|\$|¥|(?<![a-z])(?:rmb|cny|usd|hkd|twd))\s?$")
_CURRENCY_PREFIX_UNIT = {"hk$": "HKD", "nt$": "TWD", "us$": "USD", "$": "USD", "¥": "CNY", "rmb": "CNY",
                         "cny": "CNY", "usd": "USD", "hkd": "HKD", "twd": "TWD"}


def _units(text: str) -> tuple[str, list[Region]]:
    pieces: list[str] = []
    regions: list[Region] = []
    pos = delta = 0
    for number in _NUMBER_RUN.finditer(text):
        start, end = number.span()
        if start < pos:
            continue
        new_start, new_end, token = start, end, None
        after = _UNIT_AFTER.match(text, end)
        if after is not None and after["unit"] in ("日", "号") and start and text[start - 1] == "月":
            after = None  # 5月1日 is a date
        if after is not None:
            token = ("多" if after["more"] else "") + UNIT_TOKENS[_ALIASES[re.sub(r"\s+", " ", after["unit"])]]
            new_end = after.end()
        before = _CURRENCY_BEFORE.search(text, max(pos, start - 5), start) if start else None
        if before is not None:
            prefix_unit = _CURRENCY_PREFIX_UNIT[before.group().rstrip()]
            if token is None:
                token, new_start = UNIT_TOKENS[prefix_unit], before.start()
            elif token == UNIT_TOKENS[prefix_unit]:
                new_start = before.start()
        if token is None:
            continue
        new = number.group() + token
        if new == text[new_start:new_end]:
            continue
        pieces.append(text[pos:new_start])
        pieces.append(new)
        regions.append((new_start + delta, new_start + delta + len(new), new_start, new_end))
        delta += len(new) - (new_end - new_start)
        pos = new_end
    if not regions:
        return text, regions
    pieces.append(text[pos:])
    return "".join(pieces), regions


NUMBER_UNIT = re.compile(
    r"(?<![0-9.])(?P<value>[0-9]+(?:\.[0-9]+)?)(?P<unit>"
    + "|".join(re.escape(t) for t in sorted(set(UNIT_TOKENS.values()), key=lambda t: -len(t)))
    + r")(?![a-z])"
)
"""``<number><canonical unit token>`` in normalised text (``15min``, ``2.5h``, ``100cny``,
``20%``); ``quantity.canonical_unit(m['unit'])`` gives the canonical unit. In a range
(``2-3day``) it finds the upper end; ``20多min`` (more than 20) is deliberately not matched."""


# --------------------------------------------------------------------------------------
# Step 4: punctuation and spaces
# --------------------------------------------------------------------------------------

_SENTENCE = "。！？；，!?;,\n\r\u2028\u2029\x85\x0b\x0c…‥|"
_CONTEXTUAL = ".:：/-~～–'’%"


def _other_punctuation() -> str:
    chars = []
    for cp in range(0x10000):
        ch = chr(cp)
        if ch in _SENTENCE or ch in _CONTEXTUAL or 0xD800 <= cp < 0xE000:
            continue
        if unicodedata.category(ch)[0] in "PSZ" or unicodedata.category(ch) in ("Cc", "Cf", "Co"):
            chars.append(ch)
    cls = _char_class(chars)
    # non-BMP: symbols and pictographs (emoji), by block
    return cls[:-1] + "\U0001f000-\U0001faff\U0001d000-\U0001d0ff\U0001d100-\U0001d1ff\U000e0000-\U000e007f]"


_TO_BOUNDARY = re.compile(f"[{re.escape(_SENTENCE)}.](?:(?<![0-9]\\.)|(?![0-9]))")
_TO_SPACE = re.compile(_other_punctuation())
_CONTEXT_TO_SPACE = re.compile(  # one class first, so that re prefilters on it
    r"[:：\-~～–/'’](?:"
    r"(?<=[:：\-~～–])(?:(?<![0-9].)|(?![0-9]))"
    r"|(?<=/)(?:(?<![0-9a-z]/)|(?![0-9a-z]))"
    r"|(?<=['’])(?:(?<![a-z].)|(?![a-z])))"
)
_DIGIT_COLON = re.compile(r"：(?<=[0-9]：)(?=[0-9])")
_DIGIT_DASH = re.compile(r"[~～–](?<=[0-9].)(?=[0-9])")
_APOSTROPHE = re.compile(r"’(?<=[a-z]’)(?=[a-z])")
_SEPARATORS = re.compile(f"[ |](?:[ |]+|(?<=\\|)|(?<=[{_CJK}] )|(?=[{_CJK}]))")


def _punctuation(text: str) -> tuple[str, list[Region]]:
    # 1:1 replacements first (no regions needed)
    text = _TO_BOUNDARY.sub("|", text)
    text = _TO_SPACE.sub(" ", text)
    if "：" in text:
        text = _DIGIT_COLON.sub(":", text)
    text = _DIGIT_DASH.sub("-", text)
    if "’" in text:
        text = _APOSTROPHE.sub("'", text)
    text = _CONTEXT_TO_SPACE.sub(" ", text)
    # then the separators: collapse, drop next to CJK and at the ends
    length = len(text)
    lead = length - len(text.lstrip(" |"))
    if lead == length:
        return "", [(0, 0, 0, length)] if length else []
    trail = length - len(text.rstrip(" |"))
    regions: list[Region] = []
    pieces: list[str] = []
    pos = delta = 0
    if lead:
        regions.append((0, 0, 0, lead))
        pos, delta = lead, -lead
    for run in _SEPARATORS.finditer(text, lead, length - trail):
        start, end = run.span()
        chars = run.group()
        if "|" in chars:
            new = "|"
        elif _is_cjk(text[start - 1]) or _is_cjk(text[end]):
            new = ""
        else:
            new = " "
        if new == chars:
            continue
        pieces.append(text[pos:start])
        pieces.append(new)
        regions.append((start + delta, start + delta + len(new), start, end))
        delta += len(new) - (end - start)
        pos = end
    if trail:
        pieces.append(text[pos:length - trail])
        regions.append((length - trail + delta, length - trail + delta, length - trail, length))
        pos = length
    if not regions:
        return text, regions
    pieces.append(text[pos:])
    return "".join(pieces), regions


# --------------------------------------------------------------------------------------
# Step 5: synonyms
# --------------------------------------------------------------------------------------

def load_default_synonyms() -> list[list[str]]:
    """The bilingual default synonym groups shipped in resources/synonyms.json."""
    from resources import resource_path

    return _parse_synonyms(json.loads(resource_path("synonyms.json").read_text(encoding="utf-8")))


def _parse_synonyms(data: object) -> list[list[str]]:
    """A list of groups (lists of strings); objects in the list (``{"_comment": ...}``) are
    comments. A {"groups": [...]} object is accepted too."""
    if isinstance(data, dict):
        data = data.get("groups", [])
    if not isinstance(data, list):
        raise ValueError("synonyms must be a list of groups (lists of phrases)")
    groups = []
    for group in data:
        if isinstance(group, dict):
            continue
        if not isinstance(group, list) or not all(isinstance(p, str) for p in group):
            raise ValueError(f"a synonym group must be a list of phrases, not {group!r}")
        groups.append(list(group))
    return groups


class Normalizer:
    """Normalises texts for fuzzy matching; one instance per synonym list."""

    def __init__(self, synonyms: list[list[str]] | None = None):
        groups = load_default_synonyms() if synonyms is None else _parse_synonyms(synonyms)
        self._synonyms: dict[str, str] = {}
        for group in groups:
            forms = [self._base(phrase)[0] for phrase in group]
            forms = [form for form in forms if form]
            if not forms:
                continue
            for form in forms:
                self._synonyms.setdefault(form, forms[0])  # a phrase in two groups: the first wins
        replaced = [form for form, canonical in self._synonyms.items() if form != canonical]
        self._synonym_re = re.compile(_trie_pattern(self._synonyms)) if replaced else None
        self._cache: dict[str, str] = {}

    @property
    def synonyms(self) -> dict[str, str]:
        """normalised variant -> normalised canonical form."""
        return dict(self._synonyms)

    @staticmethod
    def _base(text: str) -> tuple[str, list[list[Region]]]:
        """Steps 1-4."""
        steps: list[list[Region]] = []
        text, regions = _fold(text)
        if regions:
            steps.append(regions)
        if _ZH_HINT.search(text):
            text, regions = _rewrite_at(_ZH_SCANNER, text, _chinese_number)
            if regions:
                steps.append(regions)
        text, regions = _rewrite_at(_EN_SCANNER, text, _english_number)
        if regions:
            steps.append(regions)
        text, regions = _units(text)
        if regions:
            steps.append(regions)
        text, regions = _punctuation(text)
        if regions:
            steps.append(regions)
        return text, steps

    def _replace_synonyms(self, text: str) -> tuple[str, list[Region]]:
        pieces: list[str] = []
        regions: list[Region] = []
        pos = delta = 0
        length = len(text)
        for match in self._synonym_re.finditer(text):
            start, end = match.span()
            canonical = self._synonyms[match.group()]
            if canonical == match.group():
                continue
            new = canonical
            if _is_cjk(canonical[0]) and start > pos and text[start - 1] == " ":
                start -= 1  # a CJK form takes no space before it
            if _is_cjk(canonical[-1]) and end < length and text[end] == " ":
                end += 1
            if _is_latin(canonical[0]):
                before = text[start - 1] if start > pos else (pieces[-1][-1:] if pieces else "")
                if before and _is_latin(before):
                    new = " " + new  # 只有ai机器人 -> ai bot, not aibot
            if _is_latin(canonical[-1]) and end < length and _is_latin(text[end]):
                new += " "
            pieces.append(text[pos:start])
            pieces.append(new)
            regions.append((start + delta, start + delta + len(new), start, end))
            delta += len(new) - (end - start)
            pos = end
        if not regions:
            return text, regions
        pieces.append(text[pos:])
        return "".join(pieces), regions

    def __call__(self, text: str) -> Normalized:
        normalized, steps = self._base(text)
        if self._synonym_re is not None and normalized:
            normalized, regions = self._replace_synonyms(normalized)
            if regions:
                steps.append(regions)
        return Normalized(normalized, text, tuple(steps))

    def phrase(self, text: str) -> str:
        """The normalised text only (for script lines and cues); cached."""
        try:
            return self._cache[text]
        except KeyError:
            pass
        if len(self._cache) >= 100_000:
            self._cache.clear()
        result = self._cache[text] = self(text).text
        return result


_ZH_HINT = re.compile(f"[{_CN_NUM_CHARS}半刻]")
