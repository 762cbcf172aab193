"""Text normalisation for fuzzy matching, with a map back to the original characters.

``Normalizer()(text)`` folds a transcript (or a script line, a breach cue) into a form in
which the ways people write the same thing look the same, and can say where every part of
the result came from, so that evidence found in the normalised text always points into
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
   expand or vanish (``㎏`` → ``kg``, ``ﬁ`` → ``fi``, zero-width spaces) and astral symbols
   (emoji → space) are rewritten apart.
2. Numbers to digits: English number words (``forty-five`` → ``45``, ``half an hour`` →
   ``0.5 hour``, ``an hour and a half`` → ``1.5 hour``; ``no one`` stays), then Chinese
   numerals where they are quantities (``两个半小时``, ``一刻钟``, ``百分之二十``, ``两三天``;
   一直, 一定, 十分 stay) ...
3. ... in the same pass as the units after a number, which become one canonical token with
   no space (``UNIT_TOKENS``): ``15 mins`` / ``十五分钟`` → ``15min``; ``2 hrs`` /
   ``两个小时`` → ``2h``; ``三天半`` → ``3.5day``; ``30 seconds`` → ``30sec``; ``¥100`` /
   ``100元`` → ``100cny``; ``百分之二十`` → ``20%``; ``a 45-minute wait`` → ``a 45min wait``.
4. Punctuation: sentence punctuation and line breaks → ``|`` (a clause boundary),
   quotation marks → ``“`` and ``”`` (clause boundaries that say what is quoted), other
   punctuation → space, except a decimal point, ``23:00``, ``24/7``, ``%``, ``2-3`` and
   ``don't``; runs collapsed, no space next to a CJK character or a quotation mark, ends
   stripped. :func:`split_clauses`, :func:`clause_start`, :func:`clause_end` and
   :func:`in_quotes` read the result.
5. Synonyms: every variant of a group (itself normalised by steps 1–4) is replaced by the
   group's first entry, longest variant first; Latin variants only as whole words, and a
   phrase of several Latin words also with one typo in one of its words (``cal you back``).

One mechanism applies and traces every edit: a pass that changes the length of the text
writes it through ``_Rewriter``, which records the replaced regions as it builds the new
text, so the map back is made by the very edits that made the result (never a second,
traced run that has to agree with a fast one). ``to_original`` maps positions back
through each pass's regions with ``bisect``; passes that replace characters one for one
(``str.translate``) need none.
"""

from __future__ import annotations

import bisect
import functools
import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path

from auditor import lexicon
from auditor.quantity import _CN_DIGITS, _CN_UNITS, UNIT_ALIASES, chinese_to_number

__all__ = ["CLAUSE_MARKS", "NUMBER_UNIT", "UNIT_TOKENS", "Normalized", "Normalizer", "clause_end", "clause_start",
           "fold_text", "in_quotes", "load_default_synonyms", "split_clauses"]

# A replaced region of one rewriting pass: (new_start, new_end, old_start, old_end).
Region = tuple[int, int, int, int]
Steps = tuple[list[Region], ...]
_AFTER_ALL = float("inf")  # sorts after every region of a start: (start, inf) > (start, end, …)


# --------------------------------------------------------------------------------------
# The result
# --------------------------------------------------------------------------------------

def _map_span(regions: list[Region], start: int, end: int) -> tuple[int, int]:
    """Map [start, end) back through one pass: a start inside a replaced region goes to the
    region's old start, an end inside one to its old end; elsewhere positions shift."""
    # (tuples compare by new_start first: no key function, the bisect stays in C)
    i = bisect.bisect_right(regions, (start, _AFTER_ALL)) - 1
    if i >= 0:
        _, new_end, old_start, old_end = regions[i]
        start = old_start if start < new_end else start - new_end + old_end
    j = bisect.bisect_left(regions, (end,)) - 1
    if j >= 0:
        _, new_end, old_start, old_end = regions[j]
        end = old_end if end <= new_end else end - new_end + old_end
    return start, max(start, end)


@dataclass(frozen=True)
class Normalized:
    """A normalised text and the way back to the original characters."""

    text: str  # the normalised text
    original: str  # the input
    _steps: Steps = field(default=(), repr=False, compare=False)  # each pass's replaced regions
    # spans mapped so far: the checks of one visit quote the same match for several promises
    _mapped: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict, repr=False, compare=False)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span [start, end) of .text to the span of .original it came from
        (a replaced region maps to the whole original region; never a half character)."""
        mapped = self._mapped.get((start, end))
        if mapped is not None:
            return mapped
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} is not inside the normalised text (length {len(self.text)})")
        span = start, end
        for regions in reversed(self._steps):
            start, end = _map_span(regions, start, end)
        self._mapped[span] = start, end
        return start, end


class _Rewriter:
    """The one way a pass changes the length of text: it builds the new text from
    (start, end, replacement) in increasing order and records the replaced regions, which
    :meth:`result` adds to the steps that map the result back. (A pass that replaces
    characters one for one needs no regions: it uses ``str.translate`` or a constant
    ``re.sub`` of one character.)"""

    __slots__ = ("text", "pieces", "regions", "pos", "delta")

    def __init__(self, text: str) -> None:
        self.text = text
        self.pieces: list[str] = []
        self.regions: list[Region] = []
        self.pos = 0
        self.delta = 0

    def replace(self, start: int, end: int, new: str) -> None:
        self.pieces.append(self.text[self.pos:start])
        self.pieces.append(new)
        self.regions.append((start + self.delta, start + self.delta + len(new), start, end))
        self.delta += len(new) - (end - start)
        self.pos = end

    def result(self, steps: list[list[Region]]) -> str:
        if not self.pieces:
            return self.text
        steps.append(self.regions)
        self.pieces.append(self.text[self.pos:])
        return "".join(self.pieces)


def _sub(pattern: re.Pattern[str], new: str, text: str, steps: list[list[Region]]) -> str:
    """pattern.sub(new, text) with a constant replacement, recording its regions."""
    out = _Rewriter(text)
    for match in pattern.finditer(text):
        out.replace(match.start(), match.end(), new)
    return out.result(steps)


# --------------------------------------------------------------------------------------
# Character classes and patterns shared by the steps
# --------------------------------------------------------------------------------------

# Han, kana, hangul, bopomofo, CJK compatibility: what "next to a CJK character" means.
_CJK = lexicon.chars("cjk")
_CJK_SET = lexicon.char_set("cjk")
_LATIN = lexicon.chars("latin")  # what makes a Latin word go on (after lower case)
_LATIN_SET = lexicon.char_set("latin")


def _is_cjk(ch: str) -> bool:
    return ch in _CJK_SET or ch > "\uffff" and lexicon.is_char("cjk", ch)


def _is_latin(ch: str) -> bool:
    return ch in _LATIN_SET


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


def _word_end(word: str) -> str:
    return f"(?![{_LATIN}])" if _is_latin(word[-1]) else ""


def _trie(words: Iterable[str], end: Callable[[str], str] = _word_end, space: str = " ") -> str:
    """An alternation of the words as a trie: the first character picks the branch (so re
    tries one or two alternatives per position, not all), and the longest word wins.
    ``end(word)`` is what must follow a word (by default: a word ending in a Latin letter or
    digit must end there, ``bot`` is not found in ``bots``); ``space`` is the pattern for a
    space inside a word."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = word

    def piece(ch: str) -> str:
        return space if ch == " " else re.escape(ch)

    def build(node: dict) -> str:
        alternatives = [piece(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if "" in node:  # the word may end here: last, so that longer words win
            alternatives.append(end(node[""]))
        if len(alternatives) == 1:
            return alternatives[0]
        return "(?:" + "|".join(alternatives) + ")"

    # a word starting with a digit does not start inside a decimal (2.24h)
    return "|".join(piece(ch) + ("(?<![0-9]\\.[0-9])" if ch.isdigit() else "") + build(trie[ch])
                    for ch in sorted(k for k in trie if k))


class _WordFinder:
    """Finds words of an alternation where a Latin word starts (not after a Latin letter or
    a digit; a word starting with a digit not after a decimal point either). The scan
    consumes the character before the word and checks the word's first character with one
    class, so re prefilters instead of trying every alternative at every position."""

    def __init__(self, alternation: str, first_chars: Iterable[str]) -> None:
        first = _char_class(first_chars)
        # one pattern, not a second for the text's first word: a large alternation takes
        # a good part of a second to compile, in every process of a parallel audit
        self._inner = re.compile(f"[^{_LATIN}](?={first})({alternation})")

    def spans(self, text: str) -> list[tuple[int, int]]:
        # a space before the text lets its first word be found like any other
        return [(match.start(1) - 1, match.end(1) - 1) for match in self._inner.finditer(" " + text)]


# --------------------------------------------------------------------------------------
# Step 1: characters (NFKC, lower case, Traditional -> Simplified)
# --------------------------------------------------------------------------------------

# Common CJK punctuation is left to step 4 (which knows both forms), so that an ordinary
# Simplified Chinese transcript needs no translate at all.
_LEFT_TO_PUNCTUATION = set("！（），：；？～\u3000…‥")
_ZERO_WIDTH = set("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_EXTRA_FOLDS = {"×": "x",  # 7×24 is 7x24
                "「": "“", "『": "“", "」": "”", "』": "”"}  # one pair of quotation marks (step 4)


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
            folded = _EXTRA_FOLDS.get(ch) or "".join(t2s.get(c, c) for c in unicodedata.normalize("NFKC", ch).lower())
            if folded == ch:
                continue
            if len(folded) != 1 or len(ch.lower()) != 1 or cp >= 0x10000:
                expand[ch] = folded
            else:
                table[cp] = folded
                if not "A" <= ch <= "Z":  # lower() has done those
                    trigger.append(ch)
        self.table = table
        self.expand = expand
        # every character beyond the BMP goes through the callback (one range is fast to
        # test; thousands of single astral characters in a class are not)
        expand_class = _char_class((c for c in expand if ord(c) < 0x10000), lexicon.chars("astral"))
        self.expand_re = re.compile(expand_class)
        self.trigger = re.compile(_char_class(trigger))
        self.any_re = re.compile(_char_class(trigger + [c for c in expand if ord(c) < 0x10000],
                                             lexicon.chars("astral")))

    def expansion(self, ch: str) -> str | None:
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


def _fold(text: str, steps: list[list[Region]]) -> str:
    if text.isascii():
        return text.lower()
    folding = _folding()
    hit = folding.any_re.search(text)
    if hit is None:
        return text.lower()
    start = hit.start()
    if folding.expand_re.search(text, start):
        out = _Rewriter(text)
        for match in folding.expand_re.finditer(text, start):
            new = folding.expansion(match.group())
            if new is not None:
                out.replace(match.start(), match.end(), new)
        text = out.result(steps)
    text = text.lower()
    hits = []
    for hit in folding.trigger.finditer(text):
        hits.append(hit.start())
        if len(hits) > 40:  # many: one translate of the rest (a per-character table lookup)
            return text[:hits[0]] + text[hits[0]:].translate(folding.table)
    if hits:  # a few: replace them one by one
        table = folding.table
        pieces = []
        pos = 0
        for hit in hits:
            pieces.append(text[pos:hit])
            pieces.append(table[ord(text[hit])])
            pos = hit + 1
        pieces.append(text[pos:])
        text = "".join(pieces)
    return text


# --------------------------------------------------------------------------------------
# Units
# --------------------------------------------------------------------------------------

# canonical unit (quantity.UNIT_KINDS) -> its token in normalised text; seconds are "sec"
# so that "the 90s" is not read as a duration
UNIT_TOKENS: dict[str, str] = {"s": "sec", "min": "min", "h": "h", "day": "day", "workday": "wday", "week": "week", "%": "%",
                               "CNY": "cny", "HKD": "hkd", "TWD": "twd", "USD": "usd"}

# Aliases that are ambiguous in free text stay out of it: a lone m/s/d/w (metres, the 90s,
# 3d), 分 (十分 is "very", 5分 a score); currency signs are prefixes, handled apart.
_TEXT_UNSAFE_ALIASES = frozenset(lexicon.words("en", "free_text_unsafe") + lexicon.words("zh", "free_text_unsafe"))
_T2S_LIGHT = str.maketrans(lexicon.text("zh", "light_folds", "from"), lexicon.text("zh", "light_folds", "to"))


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


def _unit_end(alias: str) -> str:
    special = {unit: f"(?!{re.escape(after)})" for unit, after in lexicon.table("zh", "unit_not_before").items()}
    if alias in special:
        return special[alias]
    return "(?![a-z])" if alias[-1].isascii() and alias[-1].isalnum() else ""


def _units_pattern(aliases: Iterable[str]) -> str:
    return "(?:" + _trie(aliases, _unit_end, r"\s+") + ")"


_ALIASES = _text_aliases()
_ZH_UNIT_WORDS = {a[1:] if a.startswith("个") else a for a in _ALIASES if any(map(_is_cjk, a))}
_ZH_UNIT = _units_pattern(_ZH_UNIT_WORDS)
_EN_UNIT_WORDS = [a for a in _ALIASES if re.fullmatch(r"[a-z][a-z ]+", a)]
_EN_UNIT = _units_pattern(_EN_UNIT_WORDS)
_ANY_UNIT = _units_pattern(_ALIASES)
_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=1024)
def _unit_token(unit: str) -> str:
    """The token of a unit as matched (个 before a Chinese unit is optional: 半个钟, 两钟头)."""
    if " " in unit or "\t" in unit or "\n" in unit:
        unit = _SPACES.sub(" ", unit)
    canonical = _ALIASES.get(unit) or _ALIASES.get(unit.removeprefix("个")) or _ALIASES["个" + unit]
    return UNIT_TOKENS[canonical]


# --------------------------------------------------------------------------------------
# Step 2a: English number words
# --------------------------------------------------------------------------------------

_NUMBERS = lexicon.table("en", "numbers")
_ONES: list[str] = _NUMBERS["ones"]
_TEENS: list[str] = _NUMBERS["teens"]
_TENS: list[str] = _NUMBERS["tens"]
_MISSPELLED: dict[str, int] = _NUMBERS["misspelled"]
_WORD_VALUES = ({w: i for i, w in enumerate(_ONES)} | {w: 10 + i for i, w in enumerate(_TEENS)}
                | {w: 20 + 10 * i for i, w in enumerate(_TENS)} | _MISSPELLED | {"a": 1, "an": 1})
# (each part parsed once: the longer readings are optional tails, not alternatives)
_B100 = (f"(?:(?:{_trie(_TENS + list(_MISSPELLED), lambda w: '')})(?:[ -](?:{_trie(_ONES[1:])}))?(?![a-z])"
         f"|(?:{_trie(_ONES + _TEENS)}))")
_B1000 = f"(?:(?:{_B100}|a(?=[ -]hundred))(?:[ -]hundred(?:(?:[ -]and)?[ -]{_B100})?)?)"
_NUMBER_WORDS = f"(?:(?:{_B1000}|a(?=[ -]thousand))(?:[ -]thousand(?:(?:[ -]and)?[ -]{_B1000})?)?)"
_DECIMAL = r"[0-9]+(?:\.[0-9]+)?"
_A_UNITS = f"(?:{lexicon.alternation(('en', 'one_unit_words'))})(?![a-z])"
_AND_A_HALF = "[ -]and[ -]a[ -]half"

_EN_GRAMMAR = re.compile(
    r"(?P<th>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?)(?![0-9]|,[0-9])"
    rf"|(?:(?P<qn>a|one|two|three|[123])[ -])?quarters?[ -](?:of[ -])?(?:an?[ -])?(?P<qu>hours?|hrs?)(?![a-z])"
    rf"|(?:(?:a|one)[ -])?half[ -](?:of[ -])?(?:an?[ -])?(?P<hu>{_EN_UNIT})"
    rf"|(?P<n>{_NUMBER_WORDS}|an?|{_DECIMAL})(?![a-z])"
    rf"(?:{_AND_A_HALF}[ -](?P<u1>{_EN_UNIT})|[ -](?P<u2>{_EN_UNIT}){_AND_A_HALF}(?![a-z])|[ -](?P<au>{_A_UNITS}))?"
)
# Where the grammar is worth trying: a number word; one, a, an before what makes them a
# number; a number before "and a half" or with thousands separators.
_EN_WORDS = [w for w in _ONES + _TEENS + _TENS + list(_MISSPELLED) + ["half", "quarter", "quarters"] if w != "one"]
_EN_STARTS = _WordFinder(
    _trie(_EN_WORDS)
    + rf"|one(?=[ -](?:and[ -]a[ -]half[ -])?(?:{_EN_UNIT}|hundred|thousand|quarter))"
    + rf"|an?(?=[ -](?:half|quarters?|hundred|thousand|{_A_UNITS}))"
    + rf"|(?<![0-9]\.)[0-9]+(?:\.[0-9]+)?(?=,[0-9]{{3}}|{_AND_A_HALF}|[ -]{_EN_UNIT}{_AND_A_HALF})",
    [w[0] for w in _EN_WORDS] + ["o", "a"] + list("0123456789"),
)
_NOT_ONE_A_UNIT = re.compile(rf"(?:(?<![a-z])(?:{lexicon.alternation(('en', 'not_one_before'))})|[0-9][a-z]*|{_EN_UNIT}) *\Z")
_ONE_BEFORE_UNIT = re.compile(rf"[ -](?:and[ -]a[ -]half[ -])?{_EN_UNIT}")


@functools.lru_cache(maxsize=1024)
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
    number = m["n"]
    if m["u1"] is not None:  # two and a half hours
        return f"{_fmt(_number_value(number) + 0.5)} {m['u1']}", end
    if m["u2"] is not None:  # an hour and a half
        return f"{_fmt(_number_value(number) + 0.5)} {m['u2']}", end
    if number in ("a", "an"):
        if m["au"] is None or _NOT_ONE_A_UNIT.search(text, max(0, pos - 24), pos):  # twice a day
            return None
        return f"1 {m['au']}", end
    if number[0].isdigit():
        return None
    end = m.end("n")
    if number == "one" and not _ONE_BEFORE_UNIT.match(text, end):  # no one, one of them
        return None
    return _fmt(_words_value(number)), end


def _english_numbers(text: str, steps: list[list[Region]]) -> str:
    out = _Rewriter(text)
    for start, _ in _EN_STARTS.spans(text):
        if start < out.pos:
            continue
        found = _english_number(text, start)
        if found is not None and found[0] != text[start:found[1]]:
            out.replace(start, found[1], found[0])
    return out.result(steps)


# --------------------------------------------------------------------------------------
# Steps 2b and 3: Chinese numerals and every number's unit, in one pass
# --------------------------------------------------------------------------------------

_NUMERALS = lexicon.table("zh", "numerals")
_CN_DIGIT_CHARS = "".join(_NUMERALS["digits"])
_CN_NUM_CHARS = _CN_DIGIT_CHARS + "".join(_NUMERALS["places"]) + "".join(_NUMERALS["big"])
_CNUM = f"[{_CN_NUM_CHARS}]+(?:点[{_CN_DIGIT_CHARS}]+)?"

# What may stand between a number and its unit: spaces, or the hyphen of an English
# compound adjective ("a 45-minute wait", "7-day returns"), which step 4 would otherwise
# turn into a space after this pass has run.
_BEFORE_UNIT = r"(?:\s*|-(?=[a-z]))"

_QUARTER_HOURS = f"(?:{lexicon.alternation(('zh', 'quarter_hours'))})" \
    f"(?![{re.escape(lexicon.text('zh', 'quarter_hours', 'not_before'))}])"
_FIVE_MINUTES = lexicon.table("zh", "five_minutes")
_FIVE_AFTER = "|".join(map(re.escape, _FIVE_MINUTES["after"]))  # (one lookbehind: all two characters)
_QUANTITY = re.compile(
    f"百分之(?P<pct>{_CNUM}|{_DECIMAL})"
    f"|(?<={_FIVE_AFTER})(?P<zn>{_CNUM})(?:{'|'.join(map(re.escape, _FIVE_MINUTES['words']))})"  # 排咗三个字: 15 min
    f"|(?P<qn>[一二两三123])?(?:{_QUARTER_HOURS})"
    f"|(?<![{_CN_NUM_CHARS}0-9])个半(?P<oh>{_ZH_UNIT})"  # 个半钟: an hour and a half (the 一 dropped)
    f"|(?P<num>{_CNUM}|{_DECIMAL})(?:(?P<h1>个半)|\\s*(?P<more>个?[多余])|(?P<about>个?来))?{_BEFORE_UNIT}"
    f"(?P<unit>{_ANY_UNIT})(?P<h2>半(?!个?{_ZH_UNIT}))?"
    f"|半(?P<hu>个?{_ZH_UNIT})"
    f"|(?P<mh>{_CNUM}|{_DECIMAL})分半钟?"  # 一分半钟: a minute and a half (分 alone is no unit in free text)
    f"|(?:个把|成(?=个))(?P<one>个?{_ZH_UNIT})"  # 个把小时 (an hour or so), 成个钟 (Cantonese: a whole hour)
    f"|(?P<bare>{_DECIMAL})"
)
_NOT_BEFORE_NUMERAL = frozenset(_CN_NUM_CHARS + _NUMERALS["not_before"]["chars"])  # inside a numeral; 五月一日 is a date
_CURRENCY_PREFIX_UNIT = {prefix: unit for unit, prefixes in lexicon.table("en", "currency_prefixes").items()
                         for prefix in prefixes}
_CURRENCY_SIGNS = [p for p in _CURRENCY_PREFIX_UNIT if not p.isalnum()]
_CURRENCY_CODES = [p for p in _CURRENCY_PREFIX_UNIT if p.isalnum()]
_CURRENCY_BEFORE = re.compile(  # a sign, or a code that is a word of its own ("rmb", not "...rmb")
    "(?:" + "|".join(f"(?<![a-z0-9]){re.escape(p)}" if p[0].isalpha() else re.escape(p)
                     for p in sorted(_CURRENCY_PREFIX_UNIT, key=len, reverse=True)) + r")\s?\Z")


_CN_DIGIT_CLASS = f"[{''.join(c for c, v in _CN_DIGITS.items() if v)}]"
_APPROXIMATE_UNITS = re.compile(f"(?:({_CN_DIGIT_CLASS})?十)({_CN_DIGIT_CLASS})({_CN_DIGIT_CLASS})")
_APPROXIMATE_PLACE = re.compile(f"({_CN_DIGIT_CLASS})({_CN_DIGIT_CLASS})([十百千])")


@functools.lru_cache(maxsize=4096)
def _chinese_value(numeral: str) -> str | None:
    """Digits for a numeral; 两三 / 三五 (an approximate range) -> 2-3 / 3-5."""
    if numeral[0] in "0123456789":
        return numeral
    if len(numeral) == 2 and all(_CN_DIGITS.get(c) for c in numeral):
        low, high = _CN_DIGITS[numeral[0]], _CN_DIGITS[numeral[1]]
        if high > low:
            return f"{low}-{high}"
    # an approximate range: 二三十 (20-30), 三四百 (300-400), 十五六 (15-16), 二十五六 (25-26)
    tens = _APPROXIMATE_UNITS.fullmatch(numeral)
    if tens is not None:
        ten, low, high = tens.groups()
        base = 10 * (_CN_DIGITS[ten] if ten else 1)
        if _CN_DIGITS[high] == _CN_DIGITS[low] + 1:
            return f"{base + _CN_DIGITS[low]}-{base + _CN_DIGITS[high]}"
    place = _APPROXIMATE_PLACE.fullmatch(numeral)
    if place is not None:
        low, high, unit = place.groups()
        if _CN_DIGITS[high] == _CN_DIGITS[low] + 1:
            return f"{_CN_DIGITS[low] * _CN_UNITS[unit]}-{_CN_DIGITS[high] * _CN_UNITS[unit]}"
    try:
        return _fmt(chinese_to_number(numeral))
    except ValueError:
        return None


def _quantity(text: str, pos: int, floor: int) -> tuple[int, int, str] | None:
    """The rewrite of a quantity starting at pos: (start, end, new) or None. ``floor``: where
    a currency sign before it may start at the earliest."""
    m = _QUANTITY.match(text, pos)
    if m is None:
        return None
    pct, quarter, num, half1, more, unit_text, half2, half_unit, bare = m.group(
        "pct", "qn", "num", "h1", "more", "unit", "h2", "hu", "bare")
    if m["one"] is not None:
        return pos, m.end(), "1" + _unit_token(m["one"])
    if m["zn"] is not None:
        count = _chinese_value(m["zn"])
        return None if count is None or "-" in count else (pos, m.end(), _fmt(5 * float(count)) + "min")
    if m["oh"] is not None:
        return pos, m.end(), "1.5" + _unit_token(m["oh"])
    if m["mh"] is not None:
        minutes = _chinese_value(m["mh"])
        return None if minutes is None or "-" in minutes else (pos, m.end(), _fmt(float(minutes) + 0.5) + "min")
    if pct is not None:  # 百分之二十
        value = _chinese_value(pct)
        return (pos, m.end(), f"{value}%") if value and "-" not in value else None
    if num is None and half_unit is None and bare is None:  # 一刻钟
        count = {"一": 1, "二": 2, "两": 2, "三": 3}.get(quarter or "一") or int(quarter)
        return pos, m.end(), f"{15 * count}min"
    if pos > floor:  # not inside a number (the part before it not rewritten already)
        before = text[pos - 1]
        if text[pos] in "0123456789":
            if before in "0123456789月" or before == "." and pos >= 2 and text[pos - 2] in "0123456789":
                return None
        elif before in _NOT_BEFORE_NUMERAL and half_unit is None:
            return None
    if half_unit is not None:  # 半小时
        return pos, m.end(), "0.5" + _unit_token(half_unit)
    start = pos
    if bare is not None:  # a number alone: a currency sign before it?
        unit = None
        number = bare
    else:
        number = _chinese_value(num)
        if number is None:
            return None
        if half1 or half2:
            if "-" in number:
                return None
            number = _fmt(float(number) + 0.5)
        unit = _unit_token(unit_text)
        if more:
            unit = "多" + unit
    if pos > floor and text[pos - 1] in _BEFORE_CURRENCY_AMOUNT:
        before = _CURRENCY_BEFORE.search(text, max(floor, pos - 5), pos)
        if before is not None:
            currency = UNIT_TOKENS[_CURRENCY_PREFIX_UNIT[before.group().rstrip()]]
            if unit is None or unit == currency:  # ¥100, ¥100元
                start, unit = before.start(), currency
    if unit is None:
        return None
    return start, m.end(), number + unit


# what may follow a run of numerals in a quantity (a unit's first character, 个, 半, ...)
_UNIT_STARTS = frozenset("个半多余来点分钟刻%.") | frozenset(a[0] for a in _ALIASES if a[0] != " ")
_AFTER_NUMERALS = _UNIT_STARTS | frozenset(" \t\n\u3000")
# runs of numerals that a unit (or 个, 半, 多 ...) may follow; the grammar is tried at their start
_QUANTITY_SCANNER = re.compile(
    f"[{_CN_NUM_CHARS}半刻0-9][{_CN_NUM_CHARS}半刻0-9]*+(?={_BEFORE_UNIT}{_char_class(_UNIT_STARTS)})"
    f"|个把(?=个?{_ZH_UNIT})|成(?=个{_ZH_UNIT})|(?<![{_CN_NUM_CHARS}0-9])个半(?={_ZH_UNIT})")
_PARTS_OF_RUN = re.compile(f"[{_CN_NUM_CHARS}半刻]+|[0-9]+")
_DIGIT = re.compile("[0-9]")
# a number right after a currency sign or code (the digit first, so that re prefilters on it)
_SIGNS = re.escape("".join(sign for sign in _CURRENCY_SIGNS if len(sign) == 1))
_CODES = "|".join(code for code in _CURRENCY_CODES if len(code) == 3)  # (a lookbehind: one width)
_CURRENCY_NUMBER = re.compile(
    rf"[0-9](?<![0-9][0-9])(?:(?<=[{_SIGNS}][0-9])|(?<=[{_SIGNS}] [0-9])|(?<=(?:{_CODES})[0-9])"
    rf"|(?<=(?:{_CODES}) [0-9]))[0-9]*")
_BEFORE_CURRENCY_AMOUNT = frozenset(p[-1] for p in _CURRENCY_PREFIX_UNIT) | {" "}  # a sign's or code's last character


def _after_currency(text: str, pos: int) -> bool:
    """Whether a currency sign or code may stand right before the number at pos."""
    before = text[pos - 1:pos]
    if before == " ":
        before = text[pos - 2:pos - 1]
    return before != "" and before in _BEFORE_CURRENCY_AMOUNT and before != " " and text[pos] in "0123456789"


def _quantities(text: str, steps: list[list[Region]]) -> str:
    out = _Rewriter(text)
    runs = [run.span() for run in _QUANTITY_SCANNER.finditer(text)]
    amounts = [m.span() for m in _CURRENCY_NUMBER.finditer(text)]
    if amounts:
        runs = sorted(set(runs + amounts))
    for run_start, run_end in runs:
        if run_end <= out.pos:
            continue
        group = text[run_start:run_end]
        if group.isdigit() or _DIGIT.search(group) is None:  # the scan saw a unit-like character after it
            starts: Iterable[int] = (max(run_start, out.pos),)
            parts = False
        else:  # 半2, 一3: Chinese numerals and digits meet; each part may start a quantity
            starts = [m.start() for m in _PARTS_OF_RUN.finditer(text, run_start, run_end)]
            parts = True
        for pos in starts:
            if pos < out.pos:
                continue
            if parts:
                end = _PARTS_OF_RUN.match(text, pos, run_end).end()
                if text[end:end + 1] not in _AFTER_NUMERALS and not _after_currency(text, pos):
                    continue
            found = _quantity(text, pos, out.pos)
            if found is not None:
                start, end, new = found
                if new != text[start:end]:
                    if end < len(text) and text[end] in _LATIN_SET and text[end - 1] not in _LATIN_SET:
                        new += " "  # 15分钟OK -> 15min ok, not 15minok
                    if start > out.pos and text[start - 1] in _LATIN_SET and text[start] not in _LATIN_SET:
                        new = " " + new  # ok¥5 -> ok 5cny
                    out.replace(start, end, new)
    return out.result(steps)


NUMBER_UNIT = re.compile(  # (?=[0-9]) first: re scans for a digit instead of trying every position (2.7x faster)
    rf"(?=[0-9])(?<![0-9.])(?:(?P<low>{_DECIMAL})\s*(?:-|{lexicon.alternation(('en', 'range_words'), ('zh', 'range_words'))})\s*)?"
    rf"(?P<value>{_DECIMAL})(?P<more>多)?(?P<unit>"
    + "|".join(re.escape(t) for t in _longest_first(UNIT_TOKENS.values()))
    + r")(?![a-z])"
)
"""``<number><unit token>`` in normalised text (``15min``, ``2.5h``, ``30sec``, ``100cny``,
``20%``); ``quantity.canonical_unit(m['unit'])`` gives the canonical unit. A range
(``2-3day``, ``12 to 14min``) has its lower end in ``low``; ``20多min`` (more than 20) has
``more``. :func:`auditor.stated.quantities` reads the bounds."""


# --------------------------------------------------------------------------------------
# Step 4: punctuation and spaces
# --------------------------------------------------------------------------------------

_SENTENCE = "。！？；，!?;,\n\r\u2028\u2029\x85\x0b\x0c…‥|\""  # (a " left unpaired ends a clause)
_CONTEXTUAL = " .:：/-~～–'’%"  # (and the space) decided by their neighbours, or kept
# Quotation marks end a clause too, and stay in the text as “ and ” whatever the original
# used ("", 「」, 『』): 'not a robot: "Thank you for calling"' quotes the staff, so the
# shopper's "not" must not negate the words they quote; and a quantity in quotation marks
# is a claim somebody made, not one the shopper measured (auditor.stated).
OPEN_QUOTE, CLOSE_QUOTE = "“", "”"
CLAUSE_MARKS = "|" + OPEN_QUOTE + CLOSE_QUOTE
_QUOTES = "“”「」『』"  # (「」『』 are “” after step 1)
_QUOTE_PAIR = re.compile(r'"([^"\n]*)"')  # straight quotes: open and close by pairs, within a line
_BY_QUOTE = re.compile(r"[ |]+(?=[“”])|(?<=[“”])[ |]+")  # a quotation mark is separator enough
_CLAUSE_MARK = re.compile("[|“”]")


def split_clauses(text: str) -> list[str]:
    """The clauses of a normalised text (between ``|`` and quotation marks)."""
    return _CLAUSE_MARK.split(text)


def clause_start(text: str, pos: int) -> int:
    """Where the clause of normalised text holding ``pos`` starts."""
    return max(text.rfind("|", 0, pos), text.rfind(OPEN_QUOTE, 0, pos), text.rfind(CLOSE_QUOTE, 0, pos)) + 1


def clause_end(text: str, pos: int) -> int:
    """Where the clause of normalised text holding ``pos`` ends (a clause mark, or the end)."""
    mark = _CLAUSE_MARK.search(text, pos)
    return len(text) if mark is None else mark.start()


def in_quotes(text: str, pos: int) -> bool:
    """Does ``pos`` of a normalised text stand between a pair of quotation marks?"""
    opening = text.rfind(OPEN_QUOTE, 0, pos)
    return opening >= 0 and text.find(CLOSE_QUOTE, opening, pos) < 0 and text.find(CLOSE_QUOTE, pos) >= 0


def _is_other_punctuation(ch: str) -> bool:
    category = unicodedata.category(ch)
    return ch not in _SENTENCE and ch not in _QUOTES and ch not in _CONTEXTUAL and category[0] in "PSZC"


def _quotation_marks(text: str) -> str:
    """“ and ” for every pair of straight quotation marks (1:1, so no regions)."""
    if '"' in text:
        text = _QUOTE_PAIR.sub(OPEN_QUOTE + r"\1" + CLOSE_QUOTE, text)
    return text


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
_BAR_THEN_SPACES = re.compile(r"\|[ |]+")
_SPACES_THEN_BAR = re.compile(r" +\|")
_DOUBLE_SPACES = re.compile(r"  +")
_SPACE_BY_CJK = re.compile(f" (?:(?<=[{_CJK}] )|(?=[{_CJK}]))")


def _punctuation(text: str, steps: list[list[Region]]) -> str:
    ascii_only = text.isascii()
    # 1:1 replacements first (no regions needed)
    text = _quotation_marks(text)
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
    # then the separators: collapse, none next to CJK, none at the ends
    if "| " in text or "||" in text:
        text = _sub(_BAR_THEN_SPACES, "|", text, steps)
    if " |" in text:
        text = _sub(_SPACES_THEN_BAR, "|", text, steps)
    if "  " in text:
        text = _sub(_DOUBLE_SPACES, " ", text, steps)
    if OPEN_QUOTE in text or CLOSE_QUOTE in text:
        text = _sub(_BY_QUOTE, "", text, steps)
    if not ascii_only:
        text = _sub(_SPACE_BY_CJK, "", text, steps)
    return _strip(text, steps)


def _strip(text: str, steps: list[list[Region]]) -> str:
    stripped = text.strip(" |")
    if len(stripped) != len(text):
        lead = len(text) - len(text.lstrip(" |"))
        regions: list[Region] = []
        if lead:
            regions.append((0, 0, 0, lead))
        if lead + len(stripped) < len(text):
            regions.append((len(stripped), len(stripped), lead + len(stripped), len(text)))
        steps.append(regions)
    return stripped


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


def _typos(form: str) -> set[str]:
    """Spellings of a Latin phrase of several words with one typo in one of its words of
    four letters or more (``cal you back``, ``real persn``, ``suport team``). A single
    word is left alone: one letter off, it is often another word (replies, relies)."""
    words = form.split(" ")
    if len(words) < 2 or not all(word.isascii() for word in words):
        return set()
    return {" ".join([*words[:i], typo, *words[i + 1:]])
            for i, word in enumerate(words) if len(word) >= 4 and word.isalpha()
            for typo in _misspellings(word)}


def _misspellings(word: str) -> set[str]:
    """A letter dropped, doubled or swapped with the next one. The first letter stays
    (typists rarely miss it), and the last one may be dropped only from a double letter:
    "cal" is call, but "than" is not thank."""
    found = set()
    for i in range(1, len(word)):
        if i < len(word) - 1 or word[i] == word[i - 1]:
            found.add(word[:i] + word[i + 1:])
        found.add(word[:i] + word[i] + word[i:])
        if i < len(word) - 1:
            found.add(word[:i] + word[i + 1] + word[i] + word[i + 2:])
    found.discard(word)
    return found


def _base(text: str, steps: list[list[Region]]) -> str:
    """Steps 1-4."""
    text = _fold(text, steps)
    text = _english_numbers(text, steps)
    text = _quantities(text, steps)
    return _around_the_clock(_punctuation(text, steps), steps)


_AROUND_THE_CLOCK = re.compile(
    "(?<![0-9.x])24h(?= ?(?:"
    + lexicon.alternation(("en", "around_the_clock_after"), ("zh", "around_the_clock_after")) + "))")


def _around_the_clock(text: str, steps: list[list[Region]]) -> str:
    """24h before a service word is around the clock, not a duration: 24/7 (SPEC §5)."""
    return _sub(_AROUND_THE_CLOCK, "24/7", text, steps) if "24h" in text else text


def fold_text(text: str) -> str:
    """Steps 1-4 of any text (width, case, script, numbers, units, punctuation), without
    synonyms and without the map back: for comparing names, such as scenarios."""
    return _base(text, [])


class Normalizer:
    """Normalises texts for fuzzy matching; one instance per synonym list."""

    def __init__(self, synonyms: list[list[str]] | None = None):
        groups = load_default_synonyms() if synonyms is None else _parse_synonyms(synonyms)
        self._synonyms: dict[str, str] = {}
        for group in groups:
            forms = [form for form in (_base(phrase, []) for phrase in group) if form]
            for form in forms:
                self._synonyms.setdefault(form, forms[0])  # a phrase in two groups: the first wins
        # A typo inside a phrase of several words ("we'll cal you back") must not leave it
        # spelled out where the other side has it as its canonical form (or one token):
        # its one-typo spellings are variants of the group too.
        found = dict(self._synonyms)
        for form, canonical in self._synonyms.items():
            for typo in _typos(form):
                found.setdefault(typo, canonical)
        # variant -> (canonical, pad a Latin edge, canonical has a CJK edge)
        self._replacements: dict[str, tuple[str, bool, bool]] = {
            form: (canonical, not _is_latin(form[0]) and (_is_latin(canonical[0]) or _is_latin(canonical[-1])),
                   _is_cjk(canonical[0]) or _is_cjk(canonical[-1]))
            for form, canonical in found.items() if form != canonical}
        # every form takes part (also the canonical ones), so that a longer form protects
        # the shorter ones inside it
        latin = [form for form in found if _is_latin(form[0])]
        other = [form for form in self._synonyms if not _is_latin(form[0])]
        active = bool(self._replacements)
        self._latin_finder = _WordFinder(_trie(latin), (f[0] for f in latin)) if active and latin else None
        self._other_re = re.compile(_trie(other)) if active and other else None
        self._other_in_ascii = any(form[0].isascii() for form in other)
        self._cache: dict[str, str] = {}

    @property
    def synonyms(self) -> dict[str, str]:
        """normalised variant -> normalised canonical form."""
        return dict(self._synonyms)

    def _replace_synonyms(self, text: str, steps: list[list[Region]]) -> str:
        spans: list[tuple[int, int]] = []
        if self._latin_finder is not None:
            spans = self._latin_finder.spans(text)
        if self._other_re is not None and (self._other_in_ascii or not text.isascii()):
            other = [m.span() for m in self._other_re.finditer(text)]
            if other:
                spans += other
                spans.sort()  # leftmost first (a Latin and a CJK form never start at one place)
        if not spans:
            return text
        replacements = self._replacements
        latin = _LATIN_SET
        pieces: list[str] = []
        regions: list[Region] = []
        length = len(text)
        pos = delta = last_end = 0
        cjk_edges = False
        for start, end in spans:
            if start < last_end:
                continue
            last_end = end
            replacement = replacements.get(text[start:end])
            if replacement is None:
                continue
            new, pad, cjk_edge = replacement
            if pad:  # a CJK variant, a Latin canonical: 只有ai机器人 -> ai bot, not aibot
                before = text[start - 1] if start > pos else (pieces[-1][-1:] if pieces else "")
                if before in latin and before and new[0] in latin:
                    new = " " + new
                if end < length and new[-1] in latin and text[end] in latin:
                    new += " "
            cjk_edges = cjk_edges or cjk_edge
            pieces.append(text[pos:start])
            pieces.append(new)
            regions.append((start + delta, start + delta + len(new), start, end))
            delta += len(new) - (end - start)
            pos = end
        if not pieces:
            return text
        pieces.append(text[pos:])
        text = "".join(pieces)
        steps.append(regions)
        if cjk_edges and " " in text:  # my robot vacuum is -> my扫地机is, as step 4 would
            text = _sub(_SPACE_BY_CJK, "", text, steps)
        return text

    def _run(self, text: str) -> tuple[str, Steps]:
        steps: list[list[Region]] = []
        text = _base(text, steps)
        if text and (self._latin_finder is not None or self._other_re is not None):
            text = self._replace_synonyms(text, steps)
        return text, tuple(steps)

    def __call__(self, text: str) -> Normalized:
        """The normalised text, with its map back to the original."""
        normalized, steps = self._run(text)
        return Normalized(normalized, text, steps)

    def phrase(self, text: str) -> str:
        """The normalised text only (for script lines and cues); cached."""
        try:
            return self._cache[text]
        except KeyError:
            pass
        if len(self._cache) >= 100_000:
            self._cache.clear()
        result = self._cache[text] = self._run(text)[0]
        return result

    def without_synonyms(self, text: str) -> str:
        """Steps 1-4 only: numbers and units stay visible even where a synonym group
        would swallow them (``within 24 hours`` is a quantity, not "24/7")."""
        return _base(text, [])
