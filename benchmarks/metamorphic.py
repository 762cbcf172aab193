"""Metamorphic relations of the audit over the evaluation sets.

    python benchmarks/metamorphic.py                          # every set in benchmarks/eval, eval_coffee, eval_hotel, eval_airline
    python benchmarks/metamorphic.py --eval-dir DIR [--eval-dir DIR2]
    python benchmarks/metamorphic.py --relation typo          # one relation only
    python benchmarks/metamorphic.py --json benchmarks/out/metamorphic.json
    python benchmarks/metamorphic.py --write-known            # regenerate tests/auditor/metamorphic_known.txt

For a set folder (the five CSV files of ``benchmarks/evaluate.py``) the original
observations are imported into a fresh temporary project and audited once; then, for each
relation, every observation the relation applies to gets a transformed transcript (only
the transcript changes, keys stay), all of them are imported and audited together, and
each check's verdict is compared per (observation, target_type, target) for the
observation-level kinds (broken_promise, missing_phrase, forbidden_phrase) and per pair
for duplicate_transcript. "No check" counts as a verdict of its own (``none``).

Relations (each keeps every verdict of a transformed record unless stated):

``traditional``
    the transcript converted to Traditional Chinese with OpenCC (s2t); applicable when
    that changes it.
``typo``
    two adjacent inner letters swapped in one English word of >= 6 letters that occurs
    in no breach cue, script line or promise text of the project (nor in the synonym
    list, nor is a number or unit word — those carry meaning the checks read); the
    longest such word, ties -> the first.
``numerals``
    digit runs written as words: Chinese numerals before a Chinese unit (分钟, 小时,
    天, 个, 周, 日, %, ...; 2 before a measure word -> 两/兩, N% -> 百分之N), English
    number words before an English word ("45 minutes" -> "forty-five minutes"). Times of
    day, dates, decimals, money, phone numbers, keys, years and anything inside
    quotation marks or copied from a script line are left alone.
``unrelated_sentence``
    one neutral sentence appended in the record's language and script; the first of a
    short list that shares no word (English) / no two-character sequence (Chinese) with
    any promise, breach cue or script line of the project.
``swap_sentences``
    the first two adjacent complete sentences, neither a question and both with balanced
    quotation marks, swapped.
``negate_cue`` (must CHANGE)
    for each original ``broken`` promise check whose reason is a breach cue found and
    whose evidence is a span of the transcript, a negator ("not " / 不是) inserted right
    before that span, when neither the cue nor the span holds a negator already; that
    promise must then no longer be ``broken`` on that record. A promise that stays broken
    only because of something else (another cue elsewhere in the text, a measurement) is
    counted as *masked*, not as a violation.

Duplicates: a relation that only changes what the matcher folds (script, a typo, number
words: ``traditional``, ``typo``, ``numerals``) transforms one member of an original
duplicate pair at a time (two audits), so the pair then differs by exactly that change and
must still be found; ``unrelated_sentence`` and ``swap_sentences`` transform both members
alike (a copy with an extra or reordered sentence is no longer near-identical text).

Held-out sets (a folder whose name ends in ``_holdout``) are run only when named with
--eval-dir, and then only counts and keys are printed or written: no transcript, no
snippet, no reason.

Exit code 0 whenever the relations ran, whatever they found; 2 when a set cannot be run.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import shutil
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
ROOT = BENCHMARKS.parent
for _path in (str(ROOT), str(BENCHMARKS)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

import evaluate  # noqa: E402  (benchmarks/evaluate.py: importing a set, grouping checks)
from evaluate import SetupError  # noqa: E402

DEFAULT_SETS = ("eval", "eval_coffee", "eval_hotel", "eval_airline")
KNOWN_FILE = ROOT / "tests" / "auditor" / "metamorphic_known.txt"
RELATIONS = ("traditional", "typo", "numerals", "unrelated_sentence", "swap_sentences", "negate_cue")
# "one": one member of an original duplicate pair is transformed at a time; "both": alike.
PAIR_MODE = {"traditional": "one", "typo": "one", "numerals": "one",
             "unrelated_sentence": "both", "swap_sentences": "both"}
OBSERVATION_KINDS = ("broken_promise", "missing_phrase", "forbidden_phrase")


def is_holdout(folder: Path) -> bool:
    return Path(folder).name.endswith("_holdout")


def default_sets() -> list[Path]:
    return [BENCHMARKS / name for name in DEFAULT_SETS if (BENCHMARKS / name / "observations.csv").exists()]


# =========================================================================== text helpers

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_CJK_PUNCT = "，。！？；：、“”‘’「」『』（）《》【】…—"


@lru_cache(maxsize=2)
def _opencc(config: str):
    from opencc import OpenCC  # noqa: PLC0415
    return OpenCC(config)


def to_traditional(text: str) -> str:
    return _opencc("s2t").convert(text)


def to_simplified(text: str) -> str:
    return _opencc("t2s").convert(text)


def is_cjk(char: str) -> bool:
    return bool(char) and bool(_CJK.match(char))


def is_chinese(text: str) -> bool:
    """Is the text mostly Chinese (a Chinese word taken as two characters)?"""
    return bool(_CJK.search(text)) and len(_CJK.findall(text)) / 2 >= len(_LATIN_WORD.findall(text))


def is_traditional(text: str) -> bool:
    """More characters that only Traditional writing uses than ones only Simplified uses."""
    chinese = [c for c in text if is_cjk(c)]
    if not chinese:
        return False
    t2s, s2t = _opencc("t2s"), _opencc("s2t")
    traditional = sum(1 for c in chinese if t2s.convert(c) != c)
    simplified = sum(1 for c in chinese if s2t.convert(c) != c)
    return traditional > simplified


def english_words(text: str) -> set[str]:
    return {word.lower() for word in _LATIN_WORD.findall(unicodedata.normalize("NFKC", text))}


def chinese_bigrams(text: str) -> set[str]:
    folded = to_simplified(unicodedata.normalize("NFKC", text))
    return {folded[i:i + 2] for i in range(len(folded) - 1) if is_cjk(folded[i]) and is_cjk(folded[i + 1])}


_QUOTE_PAIRS = {"“": "”", "「": "」", "『": "』", "《": "》"}


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans (with the marks) inside quotation marks: “…”, 「…」, 『…』 and ASCII "…" pairs."""
    spans, stack = [], []
    ascii_open = None
    for index, char in enumerate(text):
        if char in _QUOTE_PAIRS:
            stack.append((char, index))
        elif stack and char == _QUOTE_PAIRS[stack[-1][0]]:
            _, start = stack.pop()
            spans.append((start, index + 1))
        elif char == '"':
            if ascii_open is None:
                ascii_open = index
            else:
                spans.append((ascii_open, index + 1))
                ascii_open = None
    for _, start in stack:  # an unclosed mark: quoted to the end
        spans.append((start, len(text)))
    if ascii_open is not None:
        spans.append((ascii_open, len(text)))
    return spans


def inside(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


# =========================================================================== the project's texts

@dataclass
class ProjectTexts:
    """What the project says itself: promise texts, breach cues, script lines, synonyms."""

    promises: list[str]
    cues: list[str]
    lines: list[str]
    synonyms: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        own = self.promises + self.cues + self.lines
        self.words = set().union(*(english_words(text) for text in own)) if own else set()
        self.bigrams = set().union(*(chinese_bigrams(text) for text in own)) if own else set()
        self.folded_lines = [_fold(line) for line in self.lines]
        self.line_numbers = [{int(d) for d in re.findall(r"\d+", line)} for line in self.folded_lines]
        synonym_words = set().union(*(english_words(phrase) for phrase in self.synonyms)) if self.synonyms else set()
        self.protected_words = self.words | synonym_words | _NUMBER_AND_UNIT_WORDS

    def protects(self, word: str) -> bool:
        """Is the word one of the project's own (or a number, unit or synonym word), or so
        close to one (ratio >= 80: "voicemial", "allergens", "cancelled") that it may be
        the same word misspelt or inflected?"""
        word = word.lower()
        if word in self.protected_words:
            return True
        from rapidfuzz import fuzz  # noqa: PLC0415

        return any(fuzz.ratio(word, other) >= 80 for other in self.protected_words if len(other) >= 4)

    @classmethod
    def of_project(cls, project) -> "ProjectTexts":
        from auditor.normalize import load_default_synonyms  # noqa: PLC0415
        from auditor.records import load_promises, load_script_lines  # noqa: PLC0415

        promises = load_promises(project)
        lines = load_script_lines(project)
        groups = project.get_setting("synonyms") or load_default_synonyms()
        synonyms = [phrase for group in groups if isinstance(group, list) for phrase in group if isinstance(phrase, str)]
        return cls([p.text for p in promises], [cue for p in promises for cue in p.breach_cues],
                   [line.text for line in lines], synonyms)


def _fold(text: str) -> str:
    return to_simplified(unicodedata.normalize("NFKC", text)).lower()


# =========================================================================== numbers

_CN_DIGITS = "零一二三四五六七八九"
_EN_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _unit_words() -> set[str]:
    try:
        from auditor.quantity import UNIT_ALIASES  # noqa: PLC0415
    except Exception:  # noqa: BLE001 - a word list only
        return set()
    return set().union(*(english_words(alias) for alias in UNIT_ALIASES))


_NUMBER_AND_UNIT_WORDS = set(_EN_ONES) | set(_EN_TENS[2:]) | {"hundred", "thousand", "half", "quarter", "quarters",
                                                               "dozen", "fourty", "once", "twice"} | _unit_words()


def chinese_numeral(number: int, *, measure: bool = False, traditional: bool = False) -> str:
    """0-9999 in Chinese numerals: 10 十, 12 十二, 20 二十, 105 一百零五, 1050 一千零五十;
    ``measure``: 2 before a measure word is 两 (兩)."""
    if not 0 <= number <= 9999:
        raise ValueError(f"{number} is outside 0-9999")
    if number == 2 and measure:
        return "兩" if traditional else "两"
    if number < 10:
        return _CN_DIGITS[number]
    parts: list[str] = []
    rest, started, zero = number, False, False
    for value, name in ((1000, "千"), (100, "百"), (10, "十")):
        digit, rest = divmod(rest, value)
        if digit:
            if zero:
                parts.append("零")
                zero = False
            if not (value == 10 and digit == 1 and not started):  # 十二, not 一十二 (but 一百一十)
                parts.append(_CN_DIGITS[digit])
            parts.append(name)
            started = True
        elif started:
            zero = True
    if rest:
        if zero:
            parts.append("零")
        parts.append(_CN_DIGITS[rest])
    return "".join(parts)


def english_number(number: int) -> str:
    """0-9999 in English words: 45 forty-five, 105 one hundred and five, 2000 two thousand."""
    if not 0 <= number <= 9999:
        raise ValueError(f"{number} is outside 0-9999")
    if number < 20:
        return _EN_ONES[number]
    if number < 100:
        tens, ones = divmod(number, 10)
        return _EN_TENS[tens] + (f"-{_EN_ONES[ones]}" if ones else "")
    if number < 1000:
        hundreds, rest = divmod(number, 100)
        return f"{_EN_ONES[hundreds]} hundred" + (f" and {english_number(rest)}" if rest else "")
    thousands, rest = divmod(number, 1000)
    if not rest:
        return f"{_EN_ONES[thousands]} thousand"
    return f"{_EN_ONES[thousands]} thousand" + (" and " if rest < 100 else " ") + english_number(rest)


# Chinese units after a digit run that make it a duration, a count or a percentage (longest first).
_ZH_UNITS = ("分钟", "分鐘", "小时", "小時", "钟头", "鐘頭", "星期", "个", "個", "天", "周", "週", "日", "秒", "分",
             "钟", "鐘")
_ZH_MEASURE = set(_ZH_UNITS)  # 2 before any of them reads 两 (两个, 两小时, 两天, 两分钟)
# Characters before a digit run that make it part of a time, a date, an amount, a key, a decimal.
_NOT_BEFORE = set("0123456789.,:/×*#$¥￥€£＄－-–—+@_．，：／＃") | set("点點时時月号號年")
_EN_AFTER_SKIP = {"am", "pm", "a", "p", "o", "oclock", "jan", "january", "feb", "february", "mar", "march", "apr",
                  "april", "may", "jun", "june", "jul", "july", "aug", "august", "sep", "sept", "september", "oct",
                  "october", "nov", "november", "dec", "december", "st", "nd", "rd", "th"}
_EN_BEFORE_SKIP = {"at", "by", "until", "till", "since", "room", "no", "number", "ticket", "order", "case", "ref",
                   "line", "gate", "table", "window", "counter", "desk", "option", "press", "ext", "extension", "flight",
                   "bus", "route", "platform", "seat", "level", "floor", "page", "step", "version", "v", "code", "pin",
                   "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul",
                   "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec",
                   "december", "year", "in"}
# "in 2026 ..." is a year far more often than a count; "in 5 minutes" is rare in records (they say "within").


def _in_script(text: str, start: int, end: int, texts: ProjectTexts | None) -> bool:
    """Is the number part of a script line the transcript quotes, with or without quotation
    marks and typos? (A script line holding the same number, fuzzily found around it.)"""
    if texts is None:
        return False
    from rapidfuzz import fuzz  # noqa: PLC0415  (the engine's own dependency)

    number = int(unicodedata.normalize("NFKC", text[start:end]))
    for line, numbers in zip(texts.folded_lines, texts.line_numbers):
        if number not in numbers:
            continue
        window = _fold(text[max(0, start - len(line)):end + len(line)])
        if fuzz.partial_ratio(line, window) >= 80:
            return True
    return False


def numerals(text: str, texts: ProjectTexts | None = None) -> str | None:
    """Digit runs of durations, counts and percentages written as words; None if nothing changed."""
    quotes = quoted_spans(text)
    traditional = is_traditional(text)
    out, last = [], 0
    for match in re.finditer(r"\d+", text):
        start, end = match.span()
        digits = match.group()
        before = text[start - 1] if start else ""
        after = text[end:]
        if before in _NOT_BEFORE or (before.isascii() and before.isalpha()):
            continue
        if after[:1] in set(".,:/．，：／-–×xX*") and len(after) > 1 and after[1].isdigit():
            continue  # 2.5, 9:30, 1,000, 2026-11-03, 7×24
        if re.search(r"\d[ -]$", text[:start]) or re.match(r"[ -]\d", after):
            continue  # a group of a phone number, a key or a range: 6123 4567, 3-5
        if len(digits) > 1 and unicodedata.digit(digits[0]) == 0:
            continue  # 007, 02:30: keys and times
        number = int(unicodedata.normalize("NFKC", digits))
        if number > 9999 or inside(quotes, start, end) or _in_script(text, start, end, texts):
            continue
        replacement, consumed = _chinese_replacement(text, start, end, number, traditional)
        if replacement is None:
            replacement, consumed = _english_replacement(text, start, end, number)
        if replacement is None:
            continue
        out.append(text[last:start])
        out.append(replacement)
        last = end + consumed
    if not out:
        return None
    out.append(text[last:])
    changed = "".join(out)
    return changed if changed != text else None


def _chinese_replacement(text: str, start: int, end: int, number: int,
                         traditional: bool) -> tuple[str | None, int]:
    after = text[end:]
    before = text[start - 1] if start else ""
    if after[:1] in ("%", "％"):
        following = after[1:2]
        if is_cjk(before) or is_cjk(following) or (following and following in _CJK_PUNCT):
            return "百分之" + chinese_numeral(number), 1
        return None, 0
    for unit in _ZH_UNITS:
        if after.startswith(unit):
            if unit in ("钟", "鐘") and number > 12:
                return None, 0  # 钟 right after a number is a clock time (3钟 = 3点钟)
            return chinese_numeral(number, measure=unit in _ZH_MEASURE, traditional=traditional), 0
    return None, 0


def _english_replacement(text: str, start: int, end: int, number: int) -> tuple[str | None, int]:
    following = re.match(r" ([A-Za-z]+)(?![A-Za-z'’.]*\d)", text[end:])
    if not following:
        return None, 0
    word = following.group(1).lower()
    if word in _EN_AFTER_SKIP or (number >= 1900 and len(str(number)) == 4):
        return None, 0
    previous = re.search(r"([A-Za-z]+)\s$", text[:start])
    if previous and previous.group(1).lower() in _EN_BEFORE_SKIP:
        return None, 0
    if start and not text[start - 1].isspace() and text[start - 1] not in "(\"'“‘「":
        return None, 0
    return english_number(number), 0


# =========================================================================== the other transformations

def traditional(text: str, texts: ProjectTexts | None = None) -> str | None:
    converted = to_traditional(text)
    return converted if converted != text else None


def typo_word(text: str, texts: ProjectTexts) -> tuple[int, int] | None:
    """(start, end) of the word the typo goes into: the longest English word of >= 6
    letters the project's texts do not use (ties -> the first), with a swappable pair."""
    best = None
    for match in _LATIN_WORD.finditer(text):
        word = match.group()
        if len(word) < 6 or texts.protects(word) or _swap_at(word) is None:
            continue
        token_start = max(text.rfind(c, 0, match.start()) for c in " \t\n") + 1
        token_end = min([i for i in (text.find(c, match.end()) for c in " \t\n") if i >= 0] or [len(text)])
        if re.search(r"[A-Za-z0-9][./@][A-Za-z0-9]", text[token_start:token_end]):
            continue  # part of a web address, an e-mail address or a file name
        if best is None or len(word) > best.end() - best.start():
            best = match
    return None if best is None else best.span()


def _swap_at(word: str) -> int | None:
    """Index i of the inner pair (i, i+1) to swap: the one nearest the middle whose letters differ."""
    inner = range(1, len(word) - 2)
    middle = (len(word) - 1) / 2 - 0.5
    for i in sorted(inner, key=lambda i: (abs(i - middle), i)):
        if word[i].lower() != word[i + 1].lower():
            return i
    return None


def typo(text: str, texts: ProjectTexts) -> str | None:
    span = typo_word(text, texts)
    if span is None:
        return None
    start, end = span
    word = text[start:end]
    i = _swap_at(word)
    return text[:start] + word[:i] + word[i + 1] + word[i] + word[i + 2:] + text[end:]


UNRELATED_EN = ("The weather outside was grey.", "Grey clouds drifted overhead.", "Pigeons gathered outside.",
                "Rain drummed softly against windows.")
UNRELATED_ZH = ("外面天气有点阴。", "窗外有几只鸽子。", "路边的树叶黄了。", "墙上挂着一幅山水画。")


def unrelated_sentence_for(chinese: bool, texts: ProjectTexts) -> str | None:
    """The first neutral sentence sharing no word / two-character sequence with the project's texts."""
    if chinese:
        return next((s for s in UNRELATED_ZH if not chinese_bigrams(s) & texts.bigrams), None)
    return next((s for s in UNRELATED_EN if not english_words(s) & texts.words), None)


_ENDS = ".!?。！？…"


def unrelated_sentence(text: str, texts: ProjectTexts) -> str | None:
    if not text.strip():
        return None
    pieces = split_sentences(text)
    last = text[pieces[-1][0]:pieces[-1][1]] if pieces else text
    chinese = is_chinese(last) if (_CJK.search(last) or _LATIN_WORD.search(last)) else is_chinese(text)
    sentence = unrelated_sentence_for(chinese, texts)
    if sentence is None:
        return None
    if chinese and is_traditional(text):
        sentence = to_traditional(sentence)
    body = text.rstrip()
    tail = body.rstrip("”」』\"')）")
    if not tail or tail[-1] not in _ENDS:
        body += "。" if chinese else "."
    return body + ("" if chinese else " ") + sentence


_OPEN_CLOSE = {"“": "”", "「": "」", "『": "』", "（": "）", "(": ")"}
_CLOSERS = set(_OPEN_CLOSE.values()) | {'"', "’", "'"}


def split_sentences(text: str) -> list[tuple[int, int, bool]]:
    """Sentences as (start, end, complete): split after . ! ? 。！？ (keeping them, with
    closing quotation marks right after) where no quotation is open and what follows starts
    a sentence; whitespace between sentences is in none of them. ``complete``: it ends
    with one of the marks (the last piece may not)."""
    sentences = []
    depth, ascii_open = 0, False
    start, index, n = 0, 0, len(text)
    while index < n:
        char = text[index]
        if char in _OPEN_CLOSE:
            depth += 1
        elif char in _OPEN_CLOSE.values():
            depth = max(0, depth - 1)
        elif char == '"':
            ascii_open = not ascii_open
        if char in ".!?。！？":
            end = index + 1
            while end < n and text[end] in ".!?。！？…":
                end += 1
            inner_depth, inner_ascii = depth, ascii_open
            while end < n and (text[end] in _CLOSERS or text[end] in ".!?。！？…"):
                # the quotation this mark ends, and a mark after it (说“好吗？”。)
                if text[end] == '"':
                    if not inner_ascii:
                        break
                    inner_ascii = False
                elif text[end] in _OPEN_CLOSE.values():
                    inner_depth = max(0, inner_depth - 1)
                end += 1
            if inner_depth == 0 and not inner_ascii and _starts_sentence(text, end, ascii=char in ".!?"):
                sentences.append((start, end, True))
                depth, ascii_open = 0, False
                start = end
                while start < n and text[start].isspace():
                    start += 1
                index = start
                continue
        index += 1
    if start < n and text[start:].strip():
        end = len(text.rstrip())
        sentences.append((start, end, False))
    return sentences


def _starts_sentence(text: str, at: int, *, ascii: bool) -> bool:
    if at >= len(text):
        return True
    rest = text[at:]
    if ascii and not rest[0].isspace() and not is_cjk(rest[0]):
        return False  # 2.5, skylark.example, "e.g.x"
    nxt = rest.lstrip()[:1]
    if not nxt:
        return True
    if nxt in "，,、；;：:)）" or nxt.islower():
        return False  # the mark ended a quotation inside the sentence: 说“好吗？”，然后 / "Hi." and left
    return True


def _balanced(piece: str) -> bool:
    if piece.count('"') % 2:
        return False
    return all(piece.count(o) == piece.count(c) for o, c in _OPEN_CLOSE.items())


def _is_question(piece: str) -> bool:
    return piece.rstrip("”」』\"')）").rstrip()[-1:] in ("?", "？")


def swap_pair(text: str) -> tuple[int, int] | None:
    """Index i of the first adjacent pair (i, i+1) of sentences that may be swapped."""
    sentences = split_sentences(text)
    for i in range(len(sentences) - 1):
        pair = [text[s:e] for s, e, _ in sentences[i:i + 2]]
        if not (sentences[i][2] and sentences[i + 1][2]):
            continue
        if any(_is_question(p) or not _balanced(p) for p in pair):
            continue
        return i
    return None


def swap_sentences(text: str, texts: ProjectTexts | None = None) -> str | None:
    sentences = split_sentences(text)
    i = swap_pair(text)
    if i is None:
        return None
    (s1, e1, _), (s2, e2, _) = sentences[i], sentences[i + 1]
    swapped = text[:s1] + text[s2:e2] + text[e1:s2] + text[s1:e1] + text[e2:]
    return swapped if swapped != text else None


# --------------------------------------------------------------------------- negating a cue

_EN_NEGATOR_WORDS = {"no", "not", "never", "nobody", "none", "nothing", "without", "cannot"}
_ZH_NEGATOR_CHARS = set("没沒不无無冇唔未别別")


def has_negator(text: str) -> bool:
    words = re.findall(r"[a-z]+(?:['’][a-z]+)?", unicodedata.normalize("NFKC", text).lower())
    if any(w in _EN_NEGATOR_WORDS or w.endswith(("n't", "n’t")) for w in words):
        return True
    return any(char in _ZH_NEGATOR_CHARS for char in text)


def negation_insert(text: str, start: int, end: int) -> tuple[int, str]:
    """Where to insert which negator so that the span text[start:end] is negated:
    Chinese 不是 (or 不 before a 是 right before the span), English "not " (before an
    article right before the span: "was not a bot")."""
    if is_cjk(text[start:start + 1]):
        if start and text[start - 1] == "是":
            return start - 1, "不"
        return start, "不是"
    while start and text[start - 1].isalpha() and text[start - 1].isascii():
        start -= 1  # the span began inside a word
    article = re.search(r"(?:^|(?<=\s))(a|an|the)\s+$", text[:start], re.IGNORECASE)
    if article:
        return article.start(1), "not "
    return start, "not "


@dataclass
class CueTarget:
    observation: str
    promise: str
    cue: str
    start: int
    end: int
    reason: str


_CUE_REASON = re.compile(r"^breach cue '(?P<cue>.*)' found$")


def cue_targets(grouped: dict, transcripts: dict[str, str]) -> tuple[list[CueTarget], int]:
    """Broken promise checks found by a breach cue with a transcript span and no negator;
    also how many such checks were passed over because the cue or span has a negator."""
    targets, negated = [], 0
    for key, check in grouped.items():
        if key[0] != "obs" or key[2] != "promise" or check["verdict"] != "broken":
            continue
        match = _CUE_REASON.match(check.get("reason") or "")
        evidence = check.get("evidence") or {}
        if not match or "start" not in evidence:
            continue
        transcript = transcripts.get(key[1], "")
        start, end = evidence["start"], evidence["end"]
        if not (0 <= start < end <= len(transcript)) or transcript[start:end] != evidence.get("text"):
            continue
        if has_negator(match.group("cue")) or has_negator(evidence["text"]):
            negated += 1
            continue
        targets.append(CueTarget(key[1], key[3], match.group("cue"), start, end, check["reason"]))
    return sorted(targets, key=lambda t: (t.observation, t.start, t.promise)), negated


def negate_spans(text: str, spans: Iterable[tuple[int, int]]) -> tuple[str, Callable[[int, int], tuple[int, int]]]:
    """Insert a negator before each span. Also returns a function giving, for an old span,
    where it stands in the new text together with the negator put before it."""
    spans = list(spans)
    inserts = sorted({negation_insert(text, s, e) for s, e in spans})
    out, last = [], 0
    for at, negator in inserts:
        out += [text[last:at], negator]
        last = at
    out.append(text[last:])

    def region(start: int, end: int) -> tuple[int, int]:
        at, _ = negation_insert(text, start, end)
        new_at = at + sum(len(n) for a, n in inserts if a < at)
        return new_at, end + sum(len(n) for a, n in inserts if a < end)
    return "".join(out), region


# =========================================================================== running a set

TRANSFORMS: dict[str, Callable[[str, ProjectTexts], str | None]] = {
    "traditional": traditional, "typo": typo, "numerals": numerals,
    "unrelated_sentence": unrelated_sentence, "swap_sentences": swap_sentences,
}


@dataclass
class Violation:
    set: str
    relation: str
    observation: str
    target_type: str
    target: str
    before: str
    after: str
    before_reason: str = ""
    after_reason: str = ""
    snippet: str = ""

    @property
    def key(self) -> tuple[str, str, str, str, str]:
        return (self.set, self.relation, self.observation, self.target_type, self.target)

    @property
    def line(self) -> str:
        return " ".join(self.key)


@dataclass
class RelationResult:
    relation: str
    transformed: int = 0
    skipped: int = 0
    violations: list[Violation] = field(default_factory=list)
    masked: int = 0  # negate_cue: still broken, by something else than the negated cue
    audits: int = 0


@dataclass
class SetResult:
    name: str
    folder: Path
    holdout: bool
    observations: int
    relations: dict[str, RelationResult]
    seconds: float = 0.0


def verdict_map(grouped: dict, records: set[str]) -> dict[tuple, dict]:
    """The grouped checks (evaluate.group_checks) about ``records``: observation-level
    kinds by (observation, target_type, target), duplicates by pair."""
    chosen = {}
    for key, check in grouped.items():
        if key[0] == "obs" and key[1] in records and check["kind"] in OBSERVATION_KINDS:
            chosen[key] = check
        elif key[0] == "dup" and key[1] & records:
            chosen[key] = check
    return chosen


def compare_verdicts(before: dict[tuple, dict], after: dict[tuple, dict]) -> list[tuple[tuple, dict | None, dict | None]]:
    """(key, before check, after check) for every key whose verdict differs (a missing check is ``none``)."""
    changed = []
    for key in sorted(set(before) | set(after), key=_sort_key):
        old, new = before.get(key), after.get(key)
        if (old or {}).get("verdict") != (new or {}).get("verdict"):
            changed.append((key, old, new))
    return changed


def _sort_key(key: tuple) -> tuple:
    return tuple(sorted(key[1])) if key[0] == "dup" else key[1:]


def key_fields(key: tuple) -> tuple[str, str, str]:
    """(observation, target_type, target) of a verdict key."""
    if key[0] == "dup":
        first, second = sorted(key[1])
        return first, "observation", second
    return key[1], key[2], key[3]


def snippet(original: str, changed: str, width: int = 40, around: tuple[int, int] | None = None) -> str:
    """The changed text around the change (marked «…»)."""
    if around is None:
        prefix = 0
        while prefix < min(len(original), len(changed)) and original[prefix] == changed[prefix]:
            prefix += 1
        suffix = 0
        while (suffix < min(len(original), len(changed)) - prefix
               and original[-1 - suffix] == changed[-1 - suffix]):
            suffix += 1
        around = (prefix, len(changed) - suffix)
    start, end = around
    if end - start > 160:
        end = start + 160
    left = max(0, start - width)
    right = min(len(changed), end + width)
    text = ("…" if left else "") + changed[left:start] + "«" + changed[start:end] + "»" + changed[end:right] \
        + ("…" if right < len(changed) else "")
    return " ".join(text.split())


class SetRunner:
    """One evaluation set: its original audit, and audits of transformed copies."""

    def __init__(self, folder: Path, workdir: Path) -> None:
        self.folder = Path(folder)
        self.name = self.folder.name
        self.holdout = is_holdout(self.folder)
        self.workdir = Path(workdir)
        self.files = self.workdir / "files"
        self.files.mkdir(parents=True, exist_ok=True)
        for kind in ("touchpoints", "promises", "scripts"):
            shutil.copyfile(self.folder / f"{kind}.csv", self.files / f"{kind}.csv")
        with open(self.folder / "observations.csv", encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        if not rows or "transcript" not in rows[0] or "key" not in rows[0]:
            raise SetupError(f"{self.folder / 'observations.csv'} has no key and transcript columns.")
        self.header, self.rows = rows[0], rows[1:]
        self._key_col = [h.strip() for h in self.header].index("key")
        self._text_col = [h.strip() for h in self.header].index("transcript")
        self._runs = 0
        self.run_audit = evaluate.load_engine()
        project = self._import({})
        try:
            from auditor.records import iter_observations  # noqa: PLC0415

            self.transcripts = {o.key: o.transcript or "" for o in iter_observations(project, None, None)}
            self.texts = ProjectTexts.of_project(project)
            self.grouped = self._audit(project)
        finally:
            project.close()
        self.duplicate_pairs = [sorted(key[1]) for key, check in self.grouped.items()
                                if key[0] == "dup" and check["verdict"] in ("broken", "review")]

    # ------------------------------------------------------------------ audits

    def _import(self, replacements: dict[str, str]):
        with open(self.files / "observations.csv", "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(self.header)
            for row in self.rows:
                row = list(row)
                key = row[self._key_col].strip()
                if key in replacements:
                    row[self._text_col] = replacements[key]
                writer.writerow(row)
        self._runs += 1
        return evaluate.import_set(self.files, self.workdir / f"run{self._runs}.auditor")

    def _audit(self, project) -> dict:
        try:
            result = self.run_audit(project, workers=1)
        except TypeError:  # an engine without the workers argument
            result = self.run_audit(project)
        return evaluate.group_checks(list(evaluate.field(result, "checks", []) or []))

    def audit(self, replacements: dict[str, str]) -> dict:
        project = self._import(replacements)
        try:
            return self._audit(project)
        finally:
            project.close()

    # ------------------------------------------------------------------ relations

    def held_back(self) -> set[str]:
        """Members of original duplicate groups other than the first (by key)."""
        parent: dict[str, str] = {}

        def root(key: str) -> str:
            while parent.setdefault(key, key) != key:
                key = parent[key]
            return key
        for a, b in self.duplicate_pairs:
            ra, rb = root(a), root(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
        return {key for key in parent if root(key) != key}

    def run(self, relation: str) -> RelationResult:
        if relation == "negate_cue":
            return self._run_negate_cue()
        transform = TRANSFORMS[relation]
        result = RelationResult(relation)
        changed: dict[str, str] = {}
        for key, text in self.transcripts.items():
            new = transform(text, self.texts) if text.strip() else None
            if new is None or new == text:
                result.skipped += 1
            else:
                changed[key] = new
        result.transformed = len(changed)
        later = self.held_back() if PAIR_MODE.get(relation) == "one" else set()
        rounds = [{k: v for k, v in changed.items() if k not in later},
                  {k: v for k, v in changed.items() if k in later}]
        seen = set()
        for replacements in rounds:
            if not replacements:
                continue
            after = self.audit(replacements)
            result.audits += 1
            records = set(replacements)
            for key, old, new in compare_verdicts(verdict_map(self.grouped, records), verdict_map(after, records)):
                if (PAIR_MODE.get(relation) == "both" and key[0] == "dup" and old is not None
                        and not key[1] <= records):
                    continue  # a copy changed and its original not: no longer a case of the relation
                violation = self._violation(relation, key, old, new, replacements)
                if violation.key not in seen:
                    seen.add(violation.key)
                    result.violations.append(violation)
        return result

    def _violation(self, relation: str, key: tuple, old: dict | None, new: dict | None,
                   replacements: dict[str, str], around: tuple[int, int] | None = None) -> Violation:
        observation, target_type, target = key_fields(key)
        violation = Violation(self.name, relation, observation, target_type, target,
                              (old or {}).get("verdict") or "none", (new or {}).get("verdict") or "none")
        if not self.holdout:
            violation.before_reason = (old or {}).get("reason") or ""
            violation.after_reason = (new or {}).get("reason") or ""
            record = observation if observation in replacements else target
            if record in replacements:
                if around is None and relation == "traditional":  # the change is everywhere: show the evidence
                    evidence = (new or {}).get("evidence") or (old or {}).get("evidence") or {}
                    if "start" in evidence and key[0] == "obs" and evidence["end"] <= len(replacements[record]):
                        around = (evidence["start"], evidence["end"])
                violation.snippet = snippet(self.transcripts[record], replacements[record], around=around)
        return violation

    def _run_negate_cue(self) -> RelationResult:
        result = RelationResult("negate_cue")
        targets, _ = cue_targets(self.grouped, self.transcripts)
        by_record: dict[str, list[CueTarget]] = {}
        for target in targets:
            by_record.setdefault(target.observation, []).append(target)
        replacements, regions = {}, {}
        for key, found in by_record.items():
            replacements[key], regions[key] = negate_spans(self.transcripts[key], [(t.start, t.end) for t in found])
        result.transformed = len(replacements)
        result.skipped = len(self.transcripts) - len(replacements)
        if not replacements:
            return result
        after = self.audit(replacements)
        result.audits += 1
        for target in targets:
            key = ("obs", target.observation, "promise", target.promise)
            old, new = self.grouped.get(key), after.get(key)
            if (new or {}).get("verdict") != "broken":
                continue
            start, end = regions[target.observation](target.start, target.end)
            evidence = new.get("evidence") or {}
            if ("start" in evidence and not (evidence["start"] < end and start < evidence["end"])
                    or str(new.get("reason", "")).startswith(("reported ", "measured "))):
                # broken by another cue elsewhere, or by a measurement (a time between two
                # times of day quotes both, and the negated cue may stand between them)
                result.masked += 1
                continue
            result.violations.append(self._violation("negate_cue", key, old, new, replacements, around=(start, end)))
        return result


def run_set(folder: Path, relations: Iterable[str] = RELATIONS) -> SetResult:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="auditor-metamorphic-") as workdir:
        runner = SetRunner(folder, Path(workdir))
        results = {relation: runner.run(relation) for relation in relations}
    return SetResult(runner.name, Path(folder), runner.holdout, len(runner.transcripts), results,
                     time.perf_counter() - started)


# =========================================================================== the known list

KNOWN_HEADER = """\
# Metamorphic violations the audit engine is known to have (tests/auditor/test_metamorphic.py).
#
# One line per violation: set relation observation target_type target
# (a duplicate_transcript pair is "observation observation" with the smaller key first).
#
# The rule: this list may only SHRINK. The test fails when a violation that is not listed
# here appears (the engine got worse, or a relation found something new: fix the engine),
# and also when a listed violation no longer happens (the engine got better: delete that
# line). Regenerate the whole list only when the engine changed on purpose:
#     python benchmarks/metamorphic.py --write-known
# Lines of sets or relations that were not run are kept as they are.
"""


def parse_known(text: str) -> set[tuple[str, str, str, str, str]]:
    known = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        if len(parts) != 5:
            raise ValueError(f"line {number}: expected 'set relation observation target_type target', got {raw!r}")
        known.add(tuple(parts))
    return known


def read_known(path: Path = KNOWN_FILE) -> set[tuple[str, str, str, str, str]]:
    return parse_known(path.read_text(encoding="utf-8")) if path.exists() else set()


def diff_known(found: Iterable[Violation | tuple], known: set[tuple], sets: Iterable[str],
               relations: Iterable[str] = RELATIONS) -> tuple[list[tuple], list[tuple]]:
    """(new violations, listed violations that no longer happen), for the sets and relations run."""
    sets, relations = set(sets), set(relations)
    keys = {v.key if isinstance(v, Violation) else tuple(v) for v in found}
    relevant = {k for k in known if k[0] in sets and k[1] in relations}
    return sorted(keys - relevant), sorted(relevant - keys)


def write_known(path: Path, results: list[SetResult], relations: Iterable[str]) -> int:
    relations = set(relations)
    ran = {result.name for result in results}
    kept = {k for k in read_known(path) if not (k[0] in ran and k[1] in relations)}
    lines = kept | {v.key for result in results for rel in result.relations.values() for v in rel.violations}
    order = {name: i for i, name in enumerate(RELATIONS)}
    body = "\n".join(" ".join(k) for k in sorted(lines, key=lambda k: (k[0], order.get(k[1], 99), k[2:])))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(KNOWN_HEADER + "\n" + body + ("\n" if body else ""), encoding="utf-8")
    return len(lines)


# =========================================================================== printing

def print_report(results: list[SetResult]) -> None:
    for result in results:
        print(f"{result.name}{' (held out: counts and keys only)' if result.holdout else ''}: "
              f"{result.observations} observations, {result.seconds:.1f} s")
        print(f"  {'relation':20} {'transformed':>11} {'skipped':>8} {'violations':>10}")
        for rel in result.relations.values():
            extra = f"   (masked {rel.masked})" if rel.masked else ""
            print(f"  {rel.relation:20} {rel.transformed:11d} {rel.skipped:8d} {len(rel.violations):10d}{extra}")
        print()
    for result in results:
        violations = [v for rel in result.relations.values() for v in rel.violations]
        if not violations:
            continue
        print(f"Violations in {result.name}: {len(violations)}")
        for v in violations:
            print(f"  [{v.relation}] {v.observation} → {v.target_type} {v.target}: {v.before} → {v.after}")
            if result.holdout:
                continue
            if v.before_reason or v.after_reason:
                print(f"      reason: {v.before_reason or '—'}  →  {v.after_reason or '—'}")
            if v.snippet:
                print(f"      text: {v.snippet}")
        print()


def to_json(results: list[SetResult]) -> dict:
    data = {"sets": []}
    for result in results:
        data["sets"].append({
            "set": result.name, "holdout": result.holdout, "observations": result.observations,
            "seconds": round(result.seconds, 2),
            "relations": {name: {"transformed": rel.transformed, "skipped": rel.skipped,
                                 "violations": len(rel.violations), "masked": rel.masked}
                          for name, rel in result.relations.items()},
            "violations": [
                {k: v for k, v in asdict(violation).items()
                 if not (result.holdout and k in ("snippet", "before_reason", "after_reason"))}
                for rel in result.relations.values() for violation in rel.violations],
        })
    return data


# =========================================================================== main

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, action="append", metavar="DIR",
                        help="a set folder (repeatable); default: " + ", ".join(f"benchmarks/{n}" for n in DEFAULT_SETS)
                        + " where present (never a *_holdout folder unless named here)")
    parser.add_argument("--relation", choices=RELATIONS, action="append", help="run only this relation (repeatable)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the counts and violations here")
    parser.add_argument("--write-known", type=Path, nargs="?", const=KNOWN_FILE, metavar="FILE",
                        help=f"write the violations found as the known list (default {KNOWN_FILE.relative_to(ROOT)})")
    args = parser.parse_args(argv)
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    folders = args.eval_dir or default_sets()
    relations = [name for name in RELATIONS if name in (args.relation or RELATIONS)]
    if not folders:
        print("metamorphic.py: no evaluation set found.", file=sys.stderr)
        return 2
    results = []
    try:
        for folder in folders:
            if not (folder / "observations.csv").exists():
                raise SetupError(f"{folder} has no observations.csv.")
            results.append(run_set(folder, relations))
    except SetupError as error:
        print(f"metamorphic.py: {error}", file=sys.stderr)
        return 2
    print_report(results)
    print(f"Total: {sum(r.seconds for r in results):.1f} s")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(to_json(results), ensure_ascii=False, indent=2), encoding="utf-8")
        print(f"Wrote {args.json}")
    if args.write_known:
        count = write_known(args.write_known, results, relations)
        print(f"Wrote {args.write_known} ({count} known violations)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
