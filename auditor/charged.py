"""A sum charged for what a promise gives free: "paid HK$120 for a window seat" breaks
"members choose their seat free"; 同行人士每位收HK$300 breaks "bring one guest free".

The promise's own words say it is free (the lexicon's ``free_words``); the visit says a sum
above nothing was charged (``charge_words`` by it) in a clause that speaks of the promise's
subject, or next to clauses of its sentence that speak of it by two terms. Not a charge: a
sum asked about, negated, of another occasion, taken back, or for another party or thing
(``not_charged_for``: a non-member, the fare difference, a deposit, a plan's monthly fee)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from auditor import lexicon
from auditor.asked import is_asked
from auditor.matching import is_negated, is_taken_back
from auditor.normalize import Normalized, Normalizer, clause_end, clause_start
from auditor.quantity import CURRENCIES
from auditor.stated import Stated, on_another_occasion, quantities
from auditor.subject import SPOKEN, spoken_weight, text_terms

MONEY = frozenset(CURRENCIES)
_REACH = 16  # characters either side of a sum in which its charge word stands
# A negator of two characters or more, anywhere before the charge word in its clause (不是……要收费).
_NEGATORS = lexicon.words_regex(("en", "negators"), ("zh", "negators"))
_NEGATION_REACH = 12


@cache
def _words(normalizer: Normalizer, name: str) -> re.Pattern[str]:
    """One of the lexicon's lists as the normaliser writes it (会员 may be a synonym's token)."""
    forms = {form for language in lexicon.LANGUAGES for word in lexicon.words(language, name)
             if (form := normalizer.phrase(word))}
    latin = [form for form in forms if form.isascii()]
    other = [form for form in forms if not form.isascii()]
    parts = [rf"(?<![a-z])(?:{lexicon.alternation_of(latin)})(?![a-z])"] if latin else []
    return re.compile("|".join(parts + ([lexicon.alternation_of(other)] if other else [])))


def _negated_before(text: str, clause: int, at: int) -> bool:
    return any(len(match.group()) >= 2 for match in _NEGATORS.finditer(text, max(clause, at - _NEGATION_REACH), at))


@dataclass(frozen=True)
class Charges:
    """The words of charging, and of what is no charge for the promise, as one normaliser writes them."""

    charge_words: re.Pattern[str]
    not_for: re.Pattern[str]
    generic: frozenset[str]  # terms that tie no sum to a subject: "fee", "free" (_generic)
    free_forms: tuple[str, ...] = ()  # the free words of one term as normalised (免费, and 0元 where a synonym)

    def free_after(self, text: str, end: int) -> bool:
        """Does a free word follow a cue ending at ``end`` (改签费0元, "change fee: free")?"""
        rest = text[end:end + 8].lstrip(" :")  # (in its clause: "a seat fee. Free seats had ended" is a fee)
        return any(rest.startswith(form) for form in self.free_forms)


def charges_of(normalized_promise: str, normalizer: Normalizer) -> Charges | None:
    """What tells a charge for a promise that its normalised text gives free; None when it does not."""
    if _words(normalizer, "free_words").search(normalized_promise) is None:
        return None
    return Charges(_words(normalizer, "charge_words"), _words(normalizer, "not_charged_for"), _generic(normalizer),
                   _free_forms(normalizer))


@cache
def _free_forms(normalizer: Normalizer) -> tuple[str, ...]:
    return tuple(sorted({form for language in lexicon.LANGUAGES for word in lexicon.words(language, "free_words")
                         if len(text_terms(form := normalizer.phrase(word))) == 1}))


@cache
def _generic(normalizer: Normalizer) -> frozenset[str]:
    """The terms of the charge words, and of the free words of one term ("free", 免费): they
    name no subject ("no change fee" keeps its "change")."""
    found = {term for language in lexicon.LANGUAGES
             for word in lexicon.words(language, "charge_words") for term in text_terms(normalizer.phrase(word))}
    for language in lexicon.LANGUAGES:
        for word in lexicon.words(language, "free_words"):
            if len(terms := text_terms(normalizer.phrase(word))) == 1:
                found |= terms
    return frozenset(found)


_SENTENCE_ENDS = frozenset("。.!?！？;；\n")


def _ends_sentence(normalized: Normalized, mark: int) -> bool:
    """Does the clause mark at ``mark`` of the normalised text stand for a sentence's end?"""
    start, end = normalized.to_original(mark, mark + 1)
    return any(ch in _SENTENCE_ENDS for ch in normalized.original[start:end])


def charged(normalized: Normalized, subject: dict[str, float], charges: Charges) -> Stated | None:
    """The first sum a transcript says was charged for the subject, if any. The clauses
    next to the sum's count only in its sentence (the record's order of sentences says nothing)."""
    text = normalized.text
    charge_words, not_for = charges.charge_words, charges.not_for
    subject = {term: weight for term, weight in subject.items() if term not in charges.generic}
    for stated in quantities(text):
        if stated.unit not in MONEY or not stated.value > 0 or stated.low_open:
            continue
        start, end = clause_start(text, stated.start), clause_end(text, stated.end)
        charge = charge_words.search(text, max(start, stated.start - _REACH), min(end, stated.end + _REACH))
        if charge is None and start > 0 and not _ends_sentence(normalized, start - 1) \
                and len(text[start:stated.start].strip(" ×x*0123456789")) + len(text[stated.end:end].strip()) <= 2:
            # a clause that is the sum alone ("charged me for the first day pass too, 3 × HK$48"):
            # its charge word stands in the clause before
            start = clause_start(text, start - 1)
            charge = charge_words.search(text, start, stated.start)
        if charge is None or is_negated(text, charge.start()) or _negated_before(text, start, charge.start()) \
                or charge.start() < stated.start and _negated_before(text, charge.end(), stated.start):
            continue  # (not "I didn't have to pay the HK$350", nor 收了不是工本费的NT$100)
        # the clauses either side, as well (in either order: "同事不是会员，被收NT$250")
        before = clause_start(text, start - 1) if start > 0 and not _ends_sentence(normalized, start - 1) else start
        after = clause_end(text, end + 1) if end < len(text) and not _ends_sentence(normalized, end) else end
        if not_for.search(text, before, after) is not None:
            continue
        # its own clause speaks of the subject (with the fee's name, when a short clause of its
        # own follows the sum: HK$80「偏远地区送货费」), or the clauses either side do, by two
        # terms at least
        own = text[start:end]
        if end == stated.end and 0 < after - end <= _REACH and charge_words.search(text[after - 2:after]):
            own = text[start:after]
        if not (spoken_weight(text_terms(own), subject) > 0
                or spoken_weight(text_terms(text[before:after]), subject) >= 2 * SPOKEN):
            continue
        said = min(charge.start(), stated.start), max(charge.end(), stated.end)  # "would cost HK$120"
        if is_asked(text, *said) or on_another_occasion(text, stated.start) \
                or is_taken_back(text, stated.end):
            continue
        return stated
    return None
