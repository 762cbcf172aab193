"""Does a visit speak of a promise's subject? (SPEC §5)

A promise that nothing measured and no breach cue touched is judged only on the visits
that talk about what it promises: a visit with no word of oat milk neither keeps nor
breaks "free oat milk in any drink" — it did not test it, and the coverage grid shows
the pair as untested. Counting such visits as kept is how keeping rates get inflated.

The subject is the promise's own words: its text and its metric's name, as *terms* of normalised text — English words reduced to a stem (``returns``,
``returned`` -> ``return``), a synonym group's token (so ``send it back`` speaks of
``returns`` and ``退货`` of both), and pairs of Chinese characters (``燕麦奶`` -> ``燕麦``,
``麦奶``). Words that say nothing of a subject (function words, "service", "store",
"free", 服务, 免费, greetings) are no terms; a term that several of the brand's promises
share ("coffee" at a coffee chain) counts half, and so does an English word of fewer than
five letters ("card" of "stamp card"; "oat" and "milk" together make "oat milk"). A visit speaks of a subject when
its terms weigh 1 or more; an English word of five letters or more also counts when it is
one typo away from a term (rapidfuzz ratio >= 85: ``retuns``, ``instalation``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import fuzz, process

from auditor import lexicon
from auditor.lexicon import char_class, token_class
from auditor.normalize import Normalizer

SPOKEN = 1.0  # the weight of terms a visit must show
_SHARED = 0.5  # the weight of a term several of the brand's texts share
_EVERYDAY = 0.25  # ... and of one most of them use
_SHORT, _SHORT_WORD = 0.5, 5  # ... and of an English word shorter than five letters
_TYPO_RATIO = 85.0
_TYPO_MIN_LENGTH = 5

_LATIN_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_CJK_PAIR = re.compile(f"(?=({char_class('han')}{{2}}))")  # every overlapping pair of Chinese characters
_TOKEN = re.compile(token_class())  # a synonym group, see auditor.audit.matching_normalizer

# Words that never make a subject: function words, and the words every visit of every
# brand uses (service, store, staff, time, numbers' units) — the lexicon's subject stop
# words. Chinese: particles, pronouns, conjunctions, and numerals and classifiers, whose
# pairs are quantities (一杯, 两个, 杯咖 of 一杯咖啡), not subjects.
_EN_STOP = frozenset(lexicon.words("en", "subject_stop_words"))
_CJK_STOP_CHARS = frozenset(lexicon.text("zh", "subject_stop_chars"))
_CJK_STOP_PAIRS = frozenset(lexicon.words("zh", "subject_stop_pairs"))
_PARTICLES = frozenset(lexicon.words("en", "subject_particles"))


def _pairs_pattern(pairs: frozenset[str]) -> re.Pattern[str]:
    """One alternative per first character (我[们的想]|…): far faster than one per word."""
    seconds: dict[str, set[str]] = {}
    for pair in pairs:
        seconds.setdefault(pair[0], set()).add(pair[1])
    return re.compile("|".join(f"{first}[{''.join(sorted(rest))}]" for first, rest in sorted(seconds.items())))


_CJK_STOP = _pairs_pattern(_CJK_STOP_PAIRS)
_CJK_STOP_CHAR = re.compile(f"[{''.join(sorted(_CJK_STOP_CHARS))}]")
# Synonym groups that name no subject: every visit greets, thanks and meets staff.
_GENERIC_PHRASES = lexicon.words("en", "generic_phrases")


@lru_cache(maxsize=65536)
def _term_of_word(word: str) -> str | None:
    """The term an English word makes, if any (cached: a brand's visits reuse few words)."""
    if len(word) < 3 or word in _EN_STOP:
        return None
    stem = _stem(word)
    return None if stem in _EN_STOP else stem


def _stem(word: str) -> str:
    """A light English stemmer: enough that ``returns``/``returned``/``returning`` and
    ``installation``/``installed`` meet, never so much that two subjects merge."""
    for suffix, keep in (("ations", 4), ("ation", 4), ("ings", 4), ("ing", 4), ("ies", 3), ("ied", 3),
                         ("ed", 4), ("es", 4), ("s", 3), ("ery", 4)):
        if word.endswith(suffix) and len(word) - len(suffix) >= keep:
            base = word[: len(word) - len(suffix)]
            if suffix in ("ies", "ied"):
                return base + "y"
            if suffix == "ery":
                return base + "er"
            if suffix == "es" and not base.endswith(("s", "x", "z", "ch", "sh")):
                return base + "e"
            return base
    return word


def _latin_terms(text: str) -> set[str]:
    """English stems of a normalised text's words."""
    words = _LATIN_WORD.findall(text)
    found = {stem for word in set(words) if (stem := _term_of_word(word))}
    # "Wi-Fi" is "wi fi" once normalised, and "WiFi" elsewhere: two short words make one.
    found.update(first + second for first, second in zip(words, words[1:])
                 if len(first) <= 3 and len(second) <= 3 and first not in _EN_STOP and second not in _EN_STOP)
    # A verb and its particle make one term: "checked in", "check-in" -> checkin.
    found.update(stem + second for first, second in zip(words, words[1:])
                 if second in _PARTICLES and (stem := _term_of_word(first)))
    return found


def terms(text: str) -> set[str]:
    """The terms of a normalised text: English stems, synonym tokens, Chinese pairs."""
    found = _latin_terms(text)
    found.update(_TOKEN.findall(text))
    if not text.isascii():
        # Stop words cut the text into pieces, so that no pair straddles one (任何|饮品, not 何饮).
        found.update(_CJK_PAIR.findall(_CJK_STOP.sub(" ", _CJK_STOP_CHAR.sub(" ", text))))
    return found


class Subjects:
    """The subjects of a brand's promises, for one normaliser."""

    def __init__(self, normalizer: Normalizer) -> None:
        self.normalizer = normalizer
        self.generic = frozenset(token for phrase in _GENERIC_PHRASES
                                 if len(token := normalizer.phrase(phrase)) == 1 and _TOKEN.fullmatch(token))

    def of_text(self, text: str) -> set[str]:
        return terms(self.normalizer.phrase(text)) - self.generic

    def of_promise(self, text: str, metric: str | None, lines: Iterable[str] = ()) -> set[str]:
        """A promise's terms: of its text, its metric's name and the script lines that state
        it (linked to it: they say it in the touchpoint's words — 集点卡 for the stamp card).
        Its breach cues are looked for on their own: their words ("still waiting",
        "nobody") name a breach, not a subject."""
        found = self.of_text(text)
        if metric:
            found |= self.of_text(metric.replace("_", " "))
        for line in lines:
            found |= self.of_text(line)
        return found


def weigh(subjects: list[set[str]], others: Iterable[set[str]] = ()) -> list[dict[str, float]]:
    """Each promise's terms with their weights, by how many of the brand's texts use them.

    The texts are the promises (each with its linked script lines) and ``others``: the
    other script lines, the touchpoints' names, the brand's name. A term in one or two of
    them names a subject (weight 1); in three or more it is shared (0.5); in five or more
    and a seventh of them it is the brand's everyday vocabulary — its name, its product
    (咖啡, latte, 饮品) — and says almost nothing (0.25)."""
    documents = [*subjects, *others]
    used = Counter(term for document in documents for term in document)
    everyday = max(5, len(documents) / 7)

    def weight(term: str) -> float:
        count = used[term]
        share = 1.0 if count < 3 else (_SHARED if count < everyday else _EVERYDAY)
        return share * _strength(term)

    return [{term: weight(term) for term in subject} for subject in subjects]


def _strength(term: str) -> float:
    """A short English word is often another word's too ("card" of "stamp card" is also how
    a visit paid; "milk" is not "oat milk"): it counts half, so two of them make a subject."""
    return _SHORT if term.isascii() and len(term) < _SHORT_WORD else 1.0


def typo_map(words: Iterable[str], vocabulary: Iterable[str]) -> dict[str, set[str]]:
    """English stems of ``words`` -> the terms of ``vocabulary`` they spell with at most one
    typo. Every term within reach counts, so asking with one promise's terms or with all
    of a touchpoint's gives each promise the same answer."""
    long_terms = sorted({term for term in vocabulary if len(term) >= _TYPO_MIN_LENGTH and term.isascii()})
    candidates = sorted({word for word in words if len(word) >= _TYPO_MIN_LENGTH and word.isascii()})
    if not long_terms or not candidates:
        return {}
    scores = process.cdist(candidates, long_terms, scorer=fuzz.ratio, score_cutoff=_TYPO_RATIO)
    rows, columns = scores.nonzero()
    found: dict[str, set[str]] = {}
    for row, column in zip(rows.tolist(), columns.tolist()):
        if candidates[row][0] == long_terms[column][0]:
            found.setdefault(candidates[row], set()).add(long_terms[column])
    return found


def with_typos(text_terms: set[str], typos: dict[str, set[str]]) -> set[str]:
    """A text's terms and the terms its words are typos of."""
    found = set(text_terms)
    for term in text_terms:
        if term in typos:
            found |= typos[term]
    return found


def text_terms(text: str) -> set[str]:
    """A transcript's terms, for looking up subjects: as :func:`terms`, but every pair of
    Chinese characters is kept. Cheaper on the audit's hot path; the extra pairs hold a stop
    character (never a subject's term) or straddle a stop word (任何饮品 -> 何饮: a subject's
    term only by a rare coincidence). The one-text path uses it too, so both agree."""
    found = _latin_terms(text)
    if not text.isascii():
        found.update(_TOKEN.findall(text))
        found.update(_CJK_PAIR.findall(text))
    return found


def spoken_weight(text_terms: set[str], subject: dict[str, float]) -> float:
    return sum(weight for term, weight in subject.items() if term in text_terms)


def speaks_of(text: str, subject: dict[str, float]) -> bool:
    """Does this normalised text speak of the subject? (One text; the audit does the
    same for a batch at once in :class:`auditor.batch.TouchpointChecker`.)"""
    found = text_terms(text)
    return spoken_weight(with_typos(found, typo_map(found, subject)), subject) >= SPOKEN
