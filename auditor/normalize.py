"""Text normalisation for fuzzy matching, with a map back to the original characters.

``Normalizer()(text)`` folds a transcript (or a script line, a breach cue) into a form in
which the ways people write the same thing look the same, and remembers where every part
of the result came from, so that evidence found in the normalised text always points into
the original transcript::

    >>> n = Normalizer()("Called at 23:10. 只有機器人回覆")
    >>> n.text
    'called at 23:10|只有bot reply'
    >>> start = n.text.index("bot")
    >>> n.original[slice(*n.to_original(start, start + 3))]
    '機器人'

The steps, in order (each keeps the offset map exact):

1. Characters, one by one: NFKC (full-width ``２４`` → ``24``, ``ＡＢＣ`` → ``abc``), lower
   case, Traditional → Simplified (OpenCC's character table). Almost every character maps
   to exactly one character, so this is one ``str.translate``; the rare characters that
   expand or vanish (``㎏`` → ``kg``, ``ﬁ`` → ``fi``, zero-width spaces) are recorded.
2. Numbers to digits: Chinese numerals where they are quantities (``两个半小时`` →
   ``2.5小时``, ``一刻钟`` → ``15分钟``, ``百分之二十`` → ``20%``, ``两三天`` → ``2-3天``; 一直,
   一定, 十分 stay) and English number words (``forty-five`` → ``45``, ``half an hour`` →
   ``0.5 hour``, ``an hour and a half`` → ``1.5 hour``; ``no one`` stays).
3. Units after a number to one canonical token, no space (``UNIT_TOKENS``): ``15 mins`` /
   ``15分钟`` → ``15min``; ``2 hrs`` / ``2个小时`` → ``2h``; ``3天`` / ``3 days`` → ``3day``;
   ``30 seconds`` → ``30sec``; ``¥100`` / ``100元`` → ``100cny``.
4. Punctuation: sentence punctuation and line breaks → ``|`` (a clause boundary), other
   punctuation → space, except a decimal point, ``23:00``, ``24/7``, ``%``, ``2-3`` and
   ``don't``; runs collapsed, no space next to a CJK character, ends stripped.
5. Synonyms: every variant of a group (itself normalised by steps 1–4) is replaced by the
   group's first entry, longest variant first; Latin variants only as whole words.

Speed: the audit normalises every transcript once, so each step is a few compiled regular
expressions scanned in C (a pattern whose alternatives all begin with a literal, or with
one character class, is prefiltered by re on its first character), ASCII text takes
shorter paths, and only the replaced regions are kept, never a per-character list.
"""

from __future__ import annotations

import bisect
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib.util import find_spec
from operator import itemgetter
from pathlib import Path

from auditor.quantity import _CN_DIGITS, UNIT_ALIASES, chinese_to_number

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
        _, new_end, old_start, old_end = regions[i]
        start = old_start if start < new_end else start - new_end + old_end
    j = bisect.bisect_left(regions, end, key=_first) - 1
    if j >= 0:
        _, new_end, old_start, old_end = regions[j]
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


class _Rewriter:
    """Builds the new text of one step from (start, end, replacement) in increasing order,
    keeping the replaced regions."""

    __slots__ = ("text", "pieces", "regions", "pos", "delta")

    def __init__(self, text: str) -> None:
        self.text = text
        self.pieces: list[str] = []
        self.regions: list[Region] = []
        self.pos = 0
        self.delta = 0

    def replace(self, start: int, end: int, new: str) -> None:
        if new == self.text[start:end]:
            return
        self.pieces.append(self.text[self.pos:start])
        self.pieces.append(new)
        self.regions.append((start + self.delta, start + self.delta + len(new), start, end))
        self.delta += len(new) - (end - start)
        self.pos = end

    def result(self) -> tuple[str, list[Region]]:
        if not self.regions:
            return self.text, self.regions
        self.pieces.append(self.text[self.pos:])
        return "".join(self.pieces), self.regions


def _rewrite(pattern: re.Pattern[str], text: str,
             replace: Callable[[re.Match[str]], str | None]) -> tuple[str, list[Region]]:
    """Replace the matches for which ``replace`` returns a string."""
    out = _Rewriter(text)
    for match in pattern.finditer(text):
        new = replace(match)
        if new is not None:
            out.replace(match.start(), match.end(), new)
    return out.result()


def _rewrite_at(starts: Iterable[int], text: str,
                replace: Callable[[str, int], tuple[str, int] | None]) -> tuple[str, list[Region]]:
    """``starts`` proposes positions (increasing); ``replace(text, pos)`` returns
    (new text, end) for a rewrite starting there, or None."""
    out = _Rewriter(text)
    for start in starts:
        if start < out.pos:
            continue
        found = replace(text, start)
        if found is not None:
            out.replace(start, found[1], found[0])
    return out.result()


# --------------------------------------------------------------------------------------
# Character classes and patterns shared by the steps
# --------------------------------------------------------------------------------------

# Han, kana, hangul, bopomofo, CJK compatibility: what "next to a CJK character" means.
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


def _char_class(chars: Iterable[str], extra: str = "") -> str:
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
    return "[" + "".join(parts) + extra + "]" if parts or extra else "[^\\s\\S]"


def _trie(words: Iterable[str], latin_end: bool = True) -> str:
    """An alternation of the words as a trie: the first character picks the branch (so re
    tries one or two alternatives per position, not all), the longest word wins, and a word
    ending in a Latin letter or digit must end there (``bot`` is not found in ``bots``)."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = word

    def build(node: dict) -> str:
        alternatives = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if "" in node:  # the word may end here: last, so that longer words win
            alternatives.append(f"(?![{_LATIN}])" if latin_end and _is_latin(node[""][-1]) else "")
        if len(alternatives) == 1:
            return alternatives[0]
        return "(?:" + "|".join(alternatives) + ")"

    return "|".join(re.escape(ch) + build(trie[ch]) for ch in sorted(k for k in trie if k))


class _WordFinder:
    """Finds Latin words from an alternation where a word starts (not after a Latin letter,
    a digit or a decimal point). The scan consumes the character before the word, so that
    re prefilters on that one class instead of trying every position."""

    def __init__(self, alternation: str) -> None:
        self._inner = re.compile(f"[^{_LATIN}.]({alternation})")
        self._first = re.compile(f"(?:{alternation})")

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        first = self._first.match(text)
        pos = 0
        if first is not None:
            yield first.span()
            pos = first.end()
        for match in self._inner.finditer(text, pos):
            yield match.span(1)


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
                if not "A" <= ch <= "Z":  # lower() has done those
                    trigger.append(ch)
        self.table = table
        self.trigger = re.compile(_char_class(trigger))
        self.expand = expand
        # every character beyond the BMP goes through the callback (one range is fast to
        # test; thousands of single astral characters in a class are not)
        self.expand_re = re.compile(_char_class((c for c in expand if ord(c) < 0x10000), "\U00010000-\U0010ffff"))

    def expansion(self, match: re.Match[str]) -> str | None:
        ch = match.group()
        folded = self.expand.get(ch)
        if folded is not None:
            return folded
        if unicodedata.category(ch)[0] in "PSC":  # emoji and other astral symbols
            return " "
        return None


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
    if text.isascii():
        return text.lower(), []
    folding = _folding()
    regions: list[Region] = []
    if folding.expand_re.search(text):
        text, regions = _rewrite(folding.expand_re, text, folding.expansion)
    text = text.lower()
    hit = folding.trigger.search(text)
    if hit:
        start = hit.start()
        text = text[:start] + text[start:].translate(folding.table)
    return text, regions


# --------------------------------------------------------------------------------------
# Units (used by steps 2 and 3)
# --------------------------------------------------------------------------------------

# canonical unit (quantity.UNIT_KINDS) -> its token in normalised text; seconds are "sec"
# so that "the 90s" is not read as a duration
UNIT_TOKENS: dict[str, str] = {"s": "sec", "min": "min", "h": "h", "day": "day", "week": "week", "%": "%",
                               "CNY": "cny", "HKD": "hkd", "TWD": "twd", "USD": "usd"}

# Aliases that are ambiguous in free text stay out of it: a lone m/s/d/w (metres, the 90s,
# 3d), 分 (十分 is "very", 5分 a score); currency signs are prefixes, handled apart.
_TEXT_UNSAFE_ALIASES = {"m", "s", "d", "w", "分", "百分之", "$", "¥", "￥", "hk$", "nt$", "us$"}
_T2S_LIGHT = str.maketrans("個鐘頭時週禮塊錢幣臺內萬兩點", "个钟头时周礼块钱币台内万两点")


def _text_aliases() -> dict[str, str]:
    """alias as it appears after step 1 -> canonical unit."""
    aliases: dict[str, str] = {}
    for alias, unit in UNIT_ALIASES.items():
        if alias in _TEXT_UNSAFE_ALIASES:
            continue
        aliases.setdefault(unicodedata.normalize("NFKC", alias).lower().translate(_T2S_LIGHT), unit)
    for unit, token in UNIT_TOKENS.items():  # normalised text normalises to itself
        aliases.setdefault(token, unit)
    return aliases


def _longest_first(words: Iterable[str]) -> list[str]:
    return sorted(set(words), key=lambda w: (-len(w), w))


def _unit_alternative(alias: str) -> str:
    special = {"块": "块(?!儿)", "周": "周(?!年)"}  # 一块儿 (together), 三周年 (an anniversary)
    if alias in special:
        return special[alias]
    pattern = re.escape(alias).replace(r"\ ", r"\s+")
    if alias[-1].isascii() and alias[-1].isalnum():
        pattern += "(?![a-z])"
    return pattern


_ALIASES = _text_aliases()
_ZH_UNIT_WORDS = {a[1:] if a.startswith("个") else a for a in _ALIASES if _CJK_CHAR.search(a)}
_ZH_UNIT = "(?:" + "|".join(_unit_alternative(w) for w in _longest_first(_ZH_UNIT_WORDS)) + ")"
_EN_UNIT_WORDS = [a for a in _ALIASES if re.fullmatch(r"[a-z][a-z ]+", a)]
_EN_UNIT = "(?:" + "|".join(_unit_alternative(w) for w in _longest_first(_EN_UNIT_WORDS)) + ")"
_ANY_UNIT = "(?:" + "|".join(_unit_alternative(a) for a in _longest_first(_ALIASES)) + ")"


# --------------------------------------------------------------------------------------
# Step 2: numbers to digits
# --------------------------------------------------------------------------------------

_CN_NUM_CHARS = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"
_CN_DIGIT_CHARS = "零〇一二两三四五六七八九"
_CNUM = f"[{_CN_NUM_CHARS}]+(?:点[{_CN_DIGIT_CHARS}]+)?"

_ZH_SCANNER = re.compile(f"[{_CN_NUM_CHARS}半刻0-9]+")  # runs; the grammar is tried at their start
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
    if len(numeral) == 2 and all(_CN_DIGITS.get(c) for c in numeral):
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
_WORD_VALUES = ({w: i for i, w in enumerate(_ONES)} | {w: 10 + i for i, w in enumerate(_TEENS)}
                | {w: 20 + 10 * i for i, w in enumerate(_TENS)} | {"fourty": 40, "a": 1, "an": 1})
_B100 = f"(?:(?:{'|'.join(_TENS)}|fourty)(?:[ -](?:{'|'.join(_ONES[1:])}))?|{'|'.join(_TEENS)}|{'|'.join(_ONES)})"
_B1000 = f"(?:(?:{_B100}|a)[ -]hundred(?:(?:[ -]and)?[ -]{_B100})?|{_B100})"
_NUMBER_WORDS = f"(?:(?:{_B1000}|a)[ -]thousand(?:(?:[ -]and)?[ -]{_B1000})?|{_B1000})"
_DECIMAL = r"[0-9]+(?:\.[0-9]+)?"
_A_UNITS = "(?:second|sec|minute|min|hour|hr|day|week|working day|business day)(?![a-z])"
_AND_A_HALF = "[ -]and[ -]a[ -]half"

_EN_GRAMMAR = re.compile(
    r"(?P<th>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?)(?![0-9]|,[0-9])"
    rf"|(?:(?P<qn>a|one|two|three|[123])[ -])?quarters?[ -](?:of[ -])?(?:an?[ -])?(?P<qu>hours?|hrs?)(?![a-z])"
    rf"|(?:(?:a|one)[ -])?half[ -](?:of[ -])?(?:an?[ -])?(?P<hu>{_EN_UNIT})"
    rf"|(?P<n1>{_NUMBER_WORDS}|an?|{_DECIMAL}){_AND_A_HALF}[ -](?P<u1>{_EN_UNIT})"
    rf"|(?P<n2>{_NUMBER_WORDS}|an?|{_DECIMAL})[ -](?P<u2>{_EN_UNIT}){_AND_A_HALF}(?![a-z])"
    rf"|an?[ -](?P<au>{_A_UNITS})"
    rf"|(?P<nw>{_NUMBER_WORDS})(?![a-z])"
)
# Where the grammar is worth trying: a number word; one, a, an before what makes them a
# number; a number before "and a half" or with thousands separators.
_EN_STARTS = _WordFinder(
    _trie([w for w in _ONES + _TEENS + _TENS + ["fourty", "half", "quarter", "quarters"] if w != "one"])
    + rf"|one(?=[ -](?:and[ -]a[ -]half[ -])?(?:{_EN_UNIT}|hundred|thousand|quarter))"
    + rf"|an?(?=[ -](?:half|quarters?|hundred|thousand|{_A_UNITS}))"
    + rf"|[0-9]+(?:\.[0-9]+)?(?=,[0-9]{{3}}|{_AND_A_HALF}|[ -]{_EN_UNIT}{_AND_A_HALF})"
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

_NUMBER_THEN_UNIT = re.compile(
    rf"[0-9](?<![0-9.][0-9])[0-9]*(?:\.[0-9]+)?\s*(?:(?P<more>[多余])\s*)?(?P<unit>{_ANY_UNIT})"
)
_CURRENCY_THEN_NUMBER = re.compile(
    r"(?P<prefix>hk\$|nt\$|us\$|\$|¥|(?<![a-z])(?:rmb|cny|usd|hkd|twd))\s?"
    rf"(?P<number>[0-9]+(?:\.[0-9]+)?)(?![0-9])(?:\s*(?:(?P<more>[多余])\s*)?(?P<unit>{_ANY_UNIT}))?"
)
_CURRENCY_HINTS = ("$", "¥", "rmb", "cny", "usd", "hkd", "twd")
_CURRENCY_PREFIX_UNIT = {"hk$": "HKD", "nt$": "TWD", "us$": "USD", "$": "USD", "¥": "CNY", "rmb": "CNY",
                         "cny": "CNY", "usd": "USD", "hkd": "HKD", "twd": "TWD"}
_SPACES = re.compile(r"\s+")


def _unit_token(match: re.Match[str]) -> str:
    return ("多" if match["more"] else "") + UNIT_TOKENS[_ALIASES[_SPACES.sub(" ", match["unit"])]]


def _units(text: str) -> tuple[str, list[Region]]:
    found: list[tuple[int, int, str]] = []
    for m in _NUMBER_THEN_UNIT.finditer(text):
        start = m.start()
        if m["unit"] == "日" and start and text[start - 1] == "月":
            continue  # 5月1日 is a date
        number = text[start:m.start("more") if m["more"] else m.start("unit")].rstrip()
        found.append((start, m.end(), number + _unit_token(m)))
    if any(hint in text for hint in _CURRENCY_HINTS):
        for m in _CURRENCY_THEN_NUMBER.finditer(text):
            unit = UNIT_TOKENS[_CURRENCY_PREFIX_UNIT[m["prefix"]]]
            if m["unit"] is None:
                found.append((m.start(), m.end("number"), m["number"] + unit))
            elif _unit_token(m) == unit:  # ¥100元
                found.append((m.start(), m.end(), m["number"] + unit))
        found.sort(key=lambda f: (f[0], -f[1]))
    out = _Rewriter(text)
    for start, end, new in found:
        if start >= out.pos:
            out.replace(start, end, new)
    return out.result()


NUMBER_UNIT = re.compile(
    r"(?<![0-9.])(?P<value>[0-9]+(?:\.[0-9]+)?)(?P<unit>"
    + "|".join(re.escape(t) for t in _longest_first(UNIT_TOKENS.values()))
    + r")(?![a-z])"
)
"""``<number><unit token>`` in normalised text (``15min``, ``2.5h``, ``30sec``, ``100cny``,
``20%``); ``quantity.canonical_unit(m['unit'])`` gives the canonical unit. In a range
(``2-3day``) it finds the upper end; ``20多min`` (more than 20) is deliberately not matched."""


# --------------------------------------------------------------------------------------
# Step 4: punctuation and spaces
# --------------------------------------------------------------------------------------

_SENTENCE = "。！？；，!?;,\n\r\u2028\u2029\x85\x0b\x0c…‥|"
_CONTEXTUAL = " .:：/-~～–'’%"  # (and the space) decided by their neighbours, or kept


def _is_other_punctuation(ch: str) -> bool:
    category = unicodedata.category(ch)
    return ch not in _SENTENCE and ch not in _CONTEXTUAL and (category[0] in "PSZ" or category[0] == "C")


# Non-ASCII text: classes over the BMP (astral symbols became spaces in step 1).
_TO_BOUNDARY = re.compile(f"[{re.escape(_SENTENCE)}.](?:(?<![0-9]\\.)|(?![0-9]))")
_TO_SPACE = re.compile(_char_class(
    chr(cp) for cp in range(0x10000) if not 0xD800 <= cp < 0xE000 and _is_other_punctuation(chr(cp))))
# ASCII text: one translate, then the decimal point.
_ASCII_PUNCTUATION = {cp: ("|" if chr(cp) in _SENTENCE else " ") for cp in range(128)
                      if chr(cp) in _SENTENCE or _is_other_punctuation(chr(cp))}
_DOT = re.compile(r"\.(?:(?<![0-9]\.)|(?![0-9]))")
_CONTEXT_TO_SPACE = re.compile(  # one class first, so that re prefilters on it
    r"[:：\-~～–/'’](?:"
    r"(?<=[:：\-~～–])(?:(?<![0-9].)|(?![0-9]))"
    r"|(?<=/)(?:(?<![0-9a-z]/)|(?![0-9a-z]))"
    r"|(?<=['’])(?:(?<![a-z].)|(?![a-z])))"
)
_DIGIT_COLON = re.compile(r"：(?<=[0-9]：)(?=[0-9])")
_DIGIT_DASH = re.compile(r"[~～–](?<=[0-9].)(?=[0-9])")
_APOSTROPHE = re.compile(r"’(?<=[a-z]’)(?=[a-z])")
_SEPARATORS_ASCII = re.compile(r"[ |](?:[ |]+|(?<=\|))")
_SEPARATORS = re.compile(f"[ |](?:[ |]+|(?<=\\|)|(?<=[{_CJK}] )|(?=[{_CJK}]))")


def _punctuation(text: str) -> tuple[str, list[Region]]:
    ascii_only = text.isascii()
    # 1:1 replacements first (no regions needed)
    if ascii_only:
        text = text.translate(_ASCII_PUNCTUATION)
        if "." in text:
            text = _DOT.sub("|", text)
    else:
        text = _TO_BOUNDARY.sub("|", text)
        text = _TO_SPACE.sub(" ", text)
        if "：" in text:
            text = _DIGIT_COLON.sub(":", text)
        if "’" in text:
            text = _APOSTROPHE.sub("'", text)
    if "~" in text or not ascii_only and ("～" in text or "–" in text):
        text = _DIGIT_DASH.sub("-", text)
    text = _CONTEXT_TO_SPACE.sub(" ", text)
    # then the separators: collapse, none next to CJK or at the ends
    length = len(text)
    lead = length - len(text.lstrip(" |"))
    if lead == length:
        return "", [(0, 0, 0, length)] if length else []
    trail = length - len(text.rstrip(" |"))
    out = _Rewriter(text)
    if lead:
        out.replace(0, lead, "")
    separators = _SEPARATORS_ASCII if ascii_only else _SEPARATORS
    for run in separators.finditer(text, lead, length - trail):
        start, end = run.span()
        if "|" in run.group():
            new = "|"
        elif not ascii_only and (_is_cjk(text[start - 1]) or _is_cjk(text[end])):
            new = ""
        else:
            new = " "
        out.replace(start, end, new)
    if trail:
        out.replace(length - trail, length, "")
    return out.result()


# --------------------------------------------------------------------------------------
# Step 5: synonyms
# --------------------------------------------------------------------------------------

def load_default_synonyms() -> list[list[str]]:
    """The bilingual default synonym groups shipped in resources/synonyms.json."""
    from resources import resource_path

    return _parse_synonyms(json.loads(resource_path("synonyms.json").read_text(encoding="utf-8")))


def _parse_synonyms(data: object) -> list[list[str]]:
    """A list of groups (lists of strings); objects in the list (``{"_comment": ...}``) are
    comments. A ``{"groups": [...]}`` object is accepted too."""
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
            forms = [form for form in (self._base(phrase)[0] for phrase in group) if form]
            for form in forms:
                self._synonyms.setdefault(form, forms[0])  # a phrase in two groups: the first wins
        active = any(form != canonical for form, canonical in self._synonyms.items())
        latin = [form for form in self._synonyms if _is_latin(form[0])]
        other = [form for form in self._synonyms if not _is_latin(form[0])]
        # every form takes part (also the canonical ones), so that a longer form protects
        # the shorter ones inside it
        self._latin_finder = _WordFinder(_trie(latin)) if active and latin else None
        self._other_re = re.compile(_trie(other)) if active and other else None
        self._other_in_ascii = any(form[0].isascii() for form in other)
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
        if not text.isascii():
            text, regions = _rewrite_at((m.start() for m in _ZH_SCANNER.finditer(text)), text, _chinese_number)
            if regions:
                steps.append(regions)
        text, regions = _rewrite_at((start for start, _ in _EN_STARTS.spans(text)), text, _english_number)
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
        spans: list[tuple[int, int]] = []
        if self._latin_finder is not None:
            spans.extend(self._latin_finder.spans(text))
        if self._other_re is not None and (self._other_in_ascii or not text.isascii()):
            other = [m.span() for m in self._other_re.finditer(text)]
            if other:
                spans.extend(other)
                spans.sort(key=lambda s: (s[0], -s[1]))  # leftmost, then longest
        out = _Rewriter(text)
        length = len(text)
        last_end = 0
        for start, end in spans:
            if start < last_end:
                continue
            last_end = end
            canonical = self._synonyms[text[start:end]]
            if canonical == text[start:end]:
                continue
            new = canonical
            if _is_cjk(canonical[0]) and start > out.pos and text[start - 1] == " ":
                start -= 1  # a CJK form takes no space next to it
            if _is_cjk(canonical[-1]) and end < length and text[end] == " ":
                end += 1
                last_end = end
            if _is_latin(canonical[0]):
                before = text[start - 1] if start > out.pos else (out.pieces[-1][-1:] if out.pieces else "")
                if before and _is_latin(before):
                    new = " " + new  # 只有ai机器人 -> ai bot, not aibot
            if _is_latin(canonical[-1]) and end < length and _is_latin(text[end]):
                new += " "
            out.replace(start, end, new)
        return out.result()

    def __call__(self, text: str) -> Normalized:
        normalized, steps = self._base(text)
        if normalized and (self._latin_finder is not None or self._other_re is not None):
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

    def without_synonyms(self, text: str) -> str:
        """Steps 1-4 only: numbers and units stay visible even where a synonym group
        would swallow them (``within 24 hours`` is a quantity, not "24/7")."""
        return self._base(text)[0]
