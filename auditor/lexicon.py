"""The matcher's lexicon: character classes and word lists, as data.

Every list the text core needs — the character classes of each script, negators and
their reach, claim words, function words, fillers, numerals, unit aliases — lives in
``resources/lexicon/`` (``script.json``, ``en.json``, ``zh.json``) and nowhere else; the
modules of the text core build their patterns from here. A word ending in ``*`` stands for
every word it starts (``promis*``); a Chinese entry ``{"word": "话", "not_in": ["电话"]}``
is the word except inside the longer ones listed.

    >>> "é" in char_set("latin") and "机" in char_set("han")
    True
    >>> bool(word_pattern("en", "claim_words").search("the banner promised"))
    True
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache, lru_cache

__all__ = ["TOKEN_BASE", "alternation", "alternation_of", "char_class", "char_set", "chars", "entries", "find_any",
           "is_char", "number", "starts", "token_class", "units", "word_pattern", "words", "words_regex"]

LANGUAGES = ("en", "zh")


@cache
def _load(name: str) -> dict:
    from resources import resource_path

    return json.loads(resource_path("lexicon", f"{name}.json").read_text(encoding="utf-8"))


def _section(language: str, name: str) -> dict:
    try:
        return _load(language)[name]
    except KeyError:
        raise KeyError(f"the {language} lexicon has no {name!r}") from None


# --------------------------------------------------------------------------- characters

@cache
def _ranges(name: str) -> tuple[tuple[int, int], ...]:
    return tuple((int(lo, 16), int(hi, 16)) for lo, hi in _section("script", name)["ranges"])


@cache
def chars(*names: str) -> str:
    """The inside of a regex character class for the named classes (``f"[{chars('han')}]"``)."""
    parts = []
    for name in names:
        for lo, hi in _ranges(name):
            parts.append(_escape(lo) if lo == hi else f"{_escape(lo)}-{_escape(hi)}")
    return "".join(parts)


def char_class(*names: str) -> str:
    """A regex character class for the named classes (``[…]``)."""
    return f"[{chars(*names)}]"


def _escape(code: int) -> str:
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


@cache
def char_set(name: str) -> frozenset[str]:
    """The characters of a class below U+10000, for ``ch in …`` tests (characters beyond
    are few in text and tested with :func:`is_char`)."""
    return frozenset(chr(code) for lo, hi in _ranges(name) for code in range(lo, min(hi, 0xFFFF) + 1)
                     if not 0xD800 <= code < 0xE000)


def is_char(name: str, ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _ranges(name))


TOKEN_BASE = _ranges("synonym_tokens")[0][0]
"""A synonym group's token in normalised text is ``chr(TOKEN_BASE + index)``."""


def token_class() -> str:
    """The regex class of synonym tokens."""
    return char_class("synonym_tokens")


# --------------------------------------------------------------------------- words

@cache
def entries(language: str, name: str) -> tuple:
    """The entries of a list as written (strings, or ``{"word", "not_in"}`` objects)."""
    section = _section(language, name)
    return tuple(section["words"] if isinstance(section, dict) else section)


@cache
def words(language: str, name: str) -> tuple[str, ...]:
    """The words of a list (for a Chinese entry with exceptions, the word itself)."""
    return tuple(entry["word"] if isinstance(entry, dict) else entry for entry in entries(language, name))


def number(language: str, name: str, key: str) -> int:
    """A number of the lexicon (a negator's reach)."""
    return int(_section(language, name)[key])


def text(language: str, name: str, key: str = "chars") -> str:
    """A string of the lexicon (a set of characters)."""
    return str(_section(language, name)[key])


def table(language: str, name: str) -> dict:
    """A mapping of the lexicon, without its comment."""
    return {k: v for k, v in _section(language, name).items() if not k.startswith("_")}


@cache
def units() -> dict[str, str]:
    """Every unit alias of every language -> its canonical unit."""
    found: dict[str, str] = {}
    for language in LANGUAGES:
        for unit, aliases in table(language, "units").items():
            for alias in aliases:
                found.setdefault(alias, unit)
    return found


@lru_cache(maxsize=None)
def word_pattern(language: str, name: str) -> re.Pattern[str]:
    """A pattern that finds the words of a list in normalised text: English ones as whole
    words (a Latin word may touch Chinese: ``said我们…``), a ``*`` word with any ending;
    Chinese ones anywhere except inside their exceptions (those are matched first and
    found with an empty group 1, so ``m.group(1)`` tells a real hit)."""
    latin = chars("latin")
    found, exceptions = [], []
    for entry in entries(language, name):
        word = entry["word"] if isinstance(entry, dict) else entry
        if isinstance(entry, dict):
            exceptions.extend(entry.get("not_in", ()))
        if word.endswith("*"):
            found.append(re.escape(word[:-1]) + f"[{latin}]*")
        else:
            found.append(re.escape(word).replace(r"\ ", r"\s+"))
    found.sort(key=len, reverse=True)
    body = "|".join(found)
    if language == "en":
        body = f"(?<![{latin}])(?:{body})(?![{latin}])"
    lookahead = starts((language, name))
    if exceptions:
        return re.compile(lookahead + "(?:(?:" + "|".join(map(re.escape, sorted(exceptions, key=len, reverse=True)))
                          + f")|({body}))")
    return re.compile(f"{lookahead}({body})")


def starts(*lists: tuple[str, str], more: str = "") -> str:
    """A lookahead for the first characters of the words of several lists (and ``more``):
    put before a pattern that opens with a lookbehind or an alternation, it lets ``re``
    skip to where a word may start instead of trying the pattern at every position."""
    firsts = {word[0] for language, name in lists for word in words(language, name) if word}
    firsts |= {entry_word[0] for language, name in lists for entry in entries(language, name) if isinstance(entry, dict)
               for entry_word in entry.get("not_in", ()) if entry_word}
    firsts |= set(more)
    return "(?=[" + "".join(re.escape(char) for char in sorted(firsts)) + "])"


def alternation(*lists: tuple[str, str]) -> str:
    """A regex alternation of the words of several lists (``(language, name)``), longest
    first, a space inside a word standing for any run of spaces."""
    return alternation_of(word for language, name in lists for word in words(language, name))


def alternation_of(words_: Iterable[str]) -> str:
    """A regex alternation of words, longest first, a space standing for any run of spaces."""
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(set(words_), key=lambda w: (-len(w), w)))


def words_regex(*lists: tuple[str, str]) -> re.Pattern[str]:
    """One pattern for the words of several lists: English ones as whole words, Chinese
    ones anywhere, with the lookahead of :func:`starts` (negators, asking words …)."""
    latin = chars("latin")
    english = [entry for entry in lists if entry[0] == "en"]
    chinese = [entry for entry in lists if entry[0] != "en"]
    parts = [f"(?<![{latin}])(?:{alternation(*english)})(?![{latin}])"] if english else []
    parts += [alternation(*chinese)] if chinese else []
    return re.compile(starts(*lists) + "(?:" + "|".join(parts) + ")")


@lru_cache(maxsize=None)
def _lists_pattern(lists: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    """One pattern for the words of several lists (each as :func:`word_pattern`; a real hit
    has one of the groups)."""
    return re.compile("|".join(f"(?:{word_pattern(language, name).pattern})" for language, name in lists))


def find_any(lists: tuple[tuple[str, str], ...], text_: str, start: int = 0,
             end: int | None = None) -> re.Match[str] | None:
    """The first word of any of several lists in ``text_[start:end]`` (one scan for all)."""
    pattern = _lists_pattern(lists)
    for match in pattern.finditer(text_, start, len(text_) if end is None else end):
        if match.lastindex is not None:
            return match
    return None


def find_word(language: str, name: str, text_: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
    """The first word of a list in ``text_[start:end]`` (not inside an exception)."""
    pattern = word_pattern(language, name)
    for match in pattern.finditer(text_, start, len(text_) if end is None else end):
        if match.group(1) is not None:
            return match
    return None
