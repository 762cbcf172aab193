"""Checks of one observation against the promises and script lines that apply to it (SPEC §5)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz

from auditor import lexicon
from auditor.asked import is_asked
from auditor.cantonese import has_cantonese, mandarin_reading
from auditor.charged import Charges, charged, charges_of
from auditor.matching import (INSERTION_SLACK, Match, find_in_substance, find_phrase, is_denied_after, is_negated,
                              is_taken_back, is_zero_before, find_key_clause, find_said_in_part, key_clauses, part_anchors,
                              verdict_of)
from auditor.homophones import HOMOPHONE_SCORE, is_heard, sounds_like
from auditor.model import Check, Evidence
from auditor.normalize import Normalized, Normalizer, clause_start, fold_text
from auditor.quantity import Quantity
from auditor.records import Observation, Promise, ScriptLine
from auditor.runs import QUIET_PROMISE_REASON
from auditor.stated import Stated, in_unit, meets, metric_vocabulary, metric_words, on_another_occasion, same_kind
from auditor.subject import Subjects, speaks_of


@dataclass(frozen=True)
class Thresholds:
    match: float
    review: float


@dataclass
class PreparedPromise:
    promise: Promise
    cues: list[str]  # normalised breach cues
    words: list[str]  # words of its metric, for quantities in transcripts
    wording: dict[str, str] = field(default_factory=dict)  # normalised cue -> the cue as the brand wrote it
    subject: dict[str, float] = field(default_factory=dict)  # terms of what it promises, see auditor.subject
    # the lexicon's words for its metric, then for waiting (each tier weaker than the one before)
    vocabulary: list[list[str]] = field(default_factory=list)
    # normalised cue -> the characters of the cues it stands for that speech-to-text may write by sound
    heard: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # normalised cues the lexicon adds in other words (cue_paraphrases): found, or not at all
    paraphrases: frozenset[str] = frozenset()
    charges: Charges | None = None  # its own words give it free: a sum charged for its subject breaks it

    def said(self, cue: str) -> str:
        """A cue as a person reads it (normalised text has synonym tokens in it)."""
        return self.wording.get(cue, cue)


@dataclass
class PreparedLine:
    line: ScriptLine
    phrase: str  # normalised text
    thresholds: Thresholds
    anchors: tuple[str, ...] = ()  # what a text that says it in part holds (auditor.matching.part_anchors)
    keys: tuple[str, ...] = ()  # what it says by its one quantity (auditor.matching.key_clauses)


@cache
def _paraphrase_families() -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """The lexicon's families of cues that say the same thing (both languages' phrases),
    each with the words by which a promise's own text promises what they deny (read once,
    not for every promise)."""
    families: dict[str, list[str]] = {}
    promised: dict[str, list[str]] = {}
    languages = lexicon.words("en", "language_names")
    for language in lexicon.LANGUAGES:
        for name, phrases in lexicon.table(language, "cue_paraphrases").items():
            # "no one spoke {language}": once for each language (its other names are synonyms)
            families.setdefault(name, []).extend(
                variant for phrase in phrases
                for variant in ([phrase.replace("{language}", each) for each in languages]
                                if "{language}" in phrase else [phrase]))
        for name, words in lexicon.table(language, "cue_families_promised").items():
            promised.setdefault(name, []).extend(words)
    return tuple((tuple(phrases), tuple(promised.get(name, ()))) for name, phrases in families.items())


def _paraphrases(cues: dict[str, str], normalizer: Normalizer, promise_text: str = "") -> dict[str, str]:
    """Cues in other words: for each family one of the promise's cues belongs to (compared
    normalised), or whose denial the promise's own words rule out ("a person replies": no
    human), the family's other phrases, each with the brand's cue or word it stands for."""
    found: dict[str, str] = {}
    for family, promised_by in _paraphrase_families():
        forms: dict[str, str] = {}
        for phrase in family:  # (没有真人 and 没有人工 are one form: the first names it)
            if form := normalizer.phrase(phrase):
                forms.setdefault(form, phrase)
        own = next((f"in other words {cues[form]}" for form in forms if form in cues), None)
        if own is None and promise_text:
            own = next((f"though the promise names '{word}'" for word in promised_by
                        if _has_word(promise_text, normalizer.phrase(word))), None)
        if own is not None:
            for form, phrase in forms.items():
                if form not in cues:
                    found.setdefault(form, f"{phrase}, {own}")
    return found


def _has_word(text: str, word: str) -> bool:
    """Does normalised ``text`` hold ``word`` (whole, where it is Latin)?"""
    if not word:
        return False
    if not word.isascii():
        return word in text
    return re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", text) is not None


def prepare_promise(promise: Promise, normalizer: Normalizer) -> PreparedPromise:
    wording: dict[str, str] = {}
    for text in promise.breach_cues:
        if cue := normalizer.phrase(text):
            wording.setdefault(cue, text)
    # "nobody ever came on the line": no one answered; "only a bot": not "a person replies"
    paraphrases = _paraphrases(wording, normalizer, normalizer.phrase(promise.text))
    for cue, said in paraphrases.items():
        wording.setdefault(cue, said)
    cues = list(wording)
    words: list[str] = []
    vocabulary: list[list[str]] = []
    if promise.metric:
        name = normalizer.phrase(promise.metric.replace("_", " "))
        # Words around the promise's quantity, seen both with synonym tokens (as in
        # transcripts) and without (where a group such as 24/7 swallowed the quantity).
        words = sorted(set(metric_words(name, normalizer.phrase(promise.text)))
                       | set(metric_words(name, normalizer.without_synonyms(promise.text))))
        vocabulary = [sorted({word for text in tier if (word := normalizer.phrase(text)) and word not in words})
                      for tier in metric_vocabulary(promise.metric, promise.unit)]
    subject = dict.fromkeys(Subjects(normalizer).of_promise(promise.text, promise.metric), 1.0)
    heard: dict[str, tuple[str, ...]] = {}
    # a synonym's Chinese word inside a cue may be heard too (好像是个鸡七人 for 只有机器人's 机器人)
    synonym_words = sorted({form for form in normalizer.synonyms if is_heard(form)}, key=len, reverse=True)
    for text in promise.breach_cues:
        if not (cue := normalizer.phrase(text)):
            continue
        plain = fold_text(text)
        for said in (plain, *(word for word in synonym_words if word in plain and word != plain)):
            if is_heard(said) and said not in heard.get(cue, ()):
                heard[cue] = (*heard.get(cue, ()), said)
    return PreparedPromise(promise, cues, words, wording, subject, vocabulary, heard, frozenset(paraphrases),
                           charges_of(normalizer.phrase(promise.text), normalizer))


def prepare_line(line: ScriptLine, normalizer: Normalizer, default: Thresholds) -> PreparedLine:
    match = line.match_threshold if line.match_threshold is not None else default.match
    review = line.review_threshold if line.review_threshold is not None else min(default.review, match)
    phrase = normalizer.phrase(line.text)
    return PreparedLine(line, phrase, Thresholds(match, review), part_anchors(phrase),
                        key_clauses(phrase) if line.kind == "required" else ())


ScoreLookup = dict[str, float]  # normalised phrase -> prefilter score (partial_ratio) for this transcript


def _evidence(text: Normalized, match: Match | None) -> Evidence | None:
    if match is None:
        return None
    start, end = text.to_original(match.start, match.end)
    return Evidence(text.original[start:end], start, end)


def _find(phrase: str, text: Normalized, scores: ScoreLookup | None, cutoff: float) -> Match | None:
    """The phrase's best match, skipping the alignment when the prefilter says it cannot reach ``cutoff``."""
    if scores is not None and scores.get(phrase, 0.0) < cutoff:  # (_may_reach, inlined: 400,000 calls per 10,000 visits)
        return None
    return find_phrase(phrase, text.text, cutoff=cutoff)


def _heard(plain: str, text: Normalized) -> Match | None:
    """A Chinese cue written with other characters of its sound, in review's band."""
    span = sounds_like(plain, text.text)
    if span is None:
        return None
    return Match(HOMOPHONE_SCORE, *span, negated=is_negated(text.text, span[0]))


def _later(phrase: str, text: str, after: int, cutoff: float) -> Match | None:
    """The phrase's best match in the text after ``after``, in the whole text's coordinates."""
    rest = find_phrase(phrase, text[after:], cutoff=cutoff)
    if rest is None:
        return None
    start, end = rest.start + after, rest.end + after
    return Match(rest.score, start, end, negated=is_negated(text, start) or is_denied_after(text, end)
                 or is_zero_before(text, start))


def _prefiltered(phrase: str, text: Normalized, scores: ScoreLookup | None) -> float:
    """The phrase's prefilter score (computed when there is no prefilter)."""
    return fuzz.partial_ratio(phrase, text.text) if scores is None else scores.get(phrase, 0.0)


def _may_reach(phrase: str, scores: ScoreLookup, cutoff: float) -> bool:
    """Can the phrase's match reach ``cutoff``? Its prefilter score says (raised where the
    phrase is said with an insertion: auditor.matching.prefilter_score)."""
    return scores.get(phrase, 0.0) >= cutoff


def check_promise(prepared: PreparedPromise, observation: Observation, text: Normalized,
                  scores: ScoreLookup | None, thresholds: Thresholds, reported: Stated | None = None,
                  spoken: bool | None = None) -> Check | None:
    """One promise against one observation, or None when the visit did not test it.
    ``reported`` is the transcript quantity that :func:`auditor.stated.MetricIndex.assign`
    gave to this promise, if any; ``spoken``, whether the visit speaks of the promise's
    subject (:mod:`auditor.subject`; worked out here when not given)."""
    promise = prepared.promise
    if spoken is None:
        spoken = bool(text.text) and speaks_of(text.text, prepared.subject)
    # a sum charged for what the promise gives free (auditor.charged), looked for once
    sum_ = charged(text, prepared.subject, prepared.charges) if prepared.charges and spoken else None
    if (reported is None and scores is not None and text.text
            and (promise.metric is None or promise.metric not in observation.measurements)
            and not any(_may_reach(cue, scores, thresholds.review) for cue in prepared.cues)
            and sum_ is None):
        # The common case, kept short: nothing measured, no cue anywhere near the transcript.
        if not spoken:
            return None
        return Check(observation.key, observation.touchpoint, "promise", promise.key, "kept", "broken_promise",
                     reason=QUIET_PROMISE_REASON, weight=promise.weight, promise=promise.key,
                     observed_at=observation.observed_at)
    base = dict(observation=observation.key, touchpoint=observation.touchpoint, target_type="promise",
                target=promise.key, kind="broken_promise", weight=promise.weight, promise=promise.key,
                observed_at=observation.observed_at, expected=promise.text)
    has_text = bool(text.text.strip())

    # 1. A measurable promise: the measurement cell first, else a quantity the shopper reported.
    measured = None
    if promise.metric and promise.target is not None and promise.operator:
        cell = observation.measurements.get(promise.metric)
        if cell is not None and same_kind(cell[1], promise.unit):
            value = in_unit(cell[0], cell[1], promise.unit)
            measured = (meets(value, promise.operator, promise.target),
                        f"measured {Quantity(cell[0], cell[1] or promise.unit)}", None)
        elif reported is not None:
            kept = reported.judge(promise.operator, promise.target, promise.unit)
            if kept is not None:  # "over an hour" says nothing of a 2-hour promise
                span = Match(100.0, *reported.quoted_span())
                measured = (kept, f"reported {reported.describe()}", _evidence(text, span))
    late: Check | None = None  # a breach shown by two times of day: a cue found shows it better
    if measured is not None:
        kept, what, evidence = measured
        target = f"{promise.operator} {Quantity(promise.target, promise.unit)}"
        if not kept:
            late = Check(**base, verdict="broken", score=100.0, evidence=evidence,
                         reason=f"{what}, the promise is {target}", observed=evidence.text if evidence else what)
            if reported is None or reported.since is None or not has_text:
                return late

    # 2. Breach cues found in the transcript, unless negated ("not a bot").
    unsure: tuple[Match, str] | None = None
    negated: str | None = None
    for cue in prepared.cues if has_text else ():
        if scores is not None and scores.get(cue, 0.0) < thresholds.review:
            continue  # nowhere near, by the prefilter (which a homophone found has raised)
        match = _find(cue, text, scores, thresholds.review)
        if (match is None and cue in prepared.heard and HOMOPHONE_SCORE >= thresholds.review  # 鸡器人 for 机器人
                and (spoken if scores is None else scores.get(cue, 0.0) >= HOMOPHONE_SCORE)):
            # (looked for on visits that speak of the promise: the batch raised the score where one is)
            match = next(filter(None, (_heard(plain, text) for plain in prepared.heard[cue])), None)
        if match is not None and cue in prepared.paraphrases and match.score < thresholds.match:
            continue  # a cue in other words, said only roughly: neither a breach nor its denial
        while match is not None and (match.negated or is_asked(text.text, match.start, match.end)
                                     or is_taken_back(text.text, match.end)
                                     or on_another_occasion(text.text, match.start)
                                     or prepared.charges is not None and prepared.charges.free_after(text.text, match.end)):
            # "not a bot", "I asked if…", "last month I got no reply" — but it may be said
            # again, and meant ("no fee", then a fee)
            negated = cue
            match = _later(cue, text.text, match.end, thresholds.review)
        if match is None:
            continue
        found = verdict_of(match.score, thresholds.match, thresholds.review) == "found"
        if not found and cue in prepared.paraphrases:
            continue  # a cue in other words, said only roughly: too far from the brand's own
        if found:
            evidence = _evidence(text, match)
            return Check(**base, verdict="broken", score=match.score, evidence=evidence,
                         reason=f"breach cue '{prepared.said(cue)}' found", observed=evidence.text if evidence else None)
        if unsure is None or match.score > unsure[0].score:
            unsure = (match, cue)
    if late is not None:
        return late
    if sum_ is not None:
        # "paid HK$120 for a window seat": a charge for what the promise gives free
        evidence = _evidence(text, Match(100.0, clause_start(text.text, sum_.start), sum_.end))
        return Check(**base, verdict="broken", score=100.0, evidence=evidence,
                     reason=f"charged {sum_.describe()}, though the promise is free",
                     observed=evidence.text if evidence else None)
    if unsure is not None:
        match, cue = unsure
        evidence = _evidence(text, match)
        return Check(**base, verdict="review", score=match.score, evidence=evidence,
                     reason=f"may contain breach cue '{prepared.said(cue)}' (score {match.score:.0f})",
                     observed=evidence.text if evidence else None)

    # 3. Nothing broken: kept, if there was anything to judge.
    if measured is not None:
        value, what, evidence = measured
        return Check(**base, verdict="kept", score=100.0, evidence=evidence, reason=f"{what}, within the promise")
    if not has_text:
        return None
    if negated:
        return Check(**base, verdict="kept", reason=f"breach cue '{prepared.said(negated)}' only in a negation")
    if not spoken:
        return None  # the visit never touched this promise: untested, not kept
    return Check(**base, verdict="kept", reason=QUIET_PROMISE_REASON)



def check_line(prepared: PreparedLine, observation: Observation, text: Normalized,
               scores: ScoreLookup | None) -> Check | None:
    line, limits = prepared.line, prepared.thresholds
    if not text.text.strip() or not prepared.phrase:
        return None
    forbidden = line.kind == "forbidden"
    base = dict(observation=observation.key, touchpoint=observation.touchpoint, target_type="script_line",
                target=line.key, kind="forbidden_phrase" if forbidden else "missing_phrase", weight=line.weight,
                script_line=line.key, promise=line.promise, observed_at=observation.observed_at)
    match = _find(prepared.phrase, text, scores, limits.review)
    if (match is None or match.score < limits.match) and (has_cantonese(text.text) or has_cantonese(prepared.phrase)):
        # said in Cantonese (呢個我哋都冇辦法㗎 for 这个我们也没办法): its Mandarin reading, same places
        read = find_phrase(mandarin_reading(prepared.phrase), mandarin_reading(text.text), cutoff=limits.review)
        if read is not None and (match is None or read.score > match.score):
            match = read
    state = "absent" if match is None else verdict_of(match.score, limits.match, limits.review)
    if match is not None and state != "absent" and (match.negated or _reported_not_said(text.text, match.start, match.end)):
        state = "negated"
    in_substance = False
    if state == "absent" and not forbidden:
        # said with other function words, or in part? a person decides
        if _prefiltered(prepared.phrase, text, scores) >= limits.review - INSERTION_SLACK:
            other = find_in_substance(prepared.phrase, text.text, limits.review)
        elif prepared.anchors and all(unit in text.text for unit in prepared.anchors):
            other = find_said_in_part(prepared.phrase, text.text, limits.review)
        else:
            other = None
        if other is None and prepared.keys and any(key[:2] in text.text for key in prepared.keys):
            other = find_key_clause(prepared.phrase, text.text, prepared.keys)  # 48个钟内送到: its key clause
            if other is not None and is_asked(text.text, other.start, other.end):
                other = None  # the shopper's question (我问佢係咪48個鐘內送到), not staff saying it
        if other is not None and not other.negated:
            match, state, in_substance = other, "unsure", True
    evidence = _evidence(text, match) if state in ("found", "unsure") else None
    score = match.score if match is not None else None
    quoted = evidence.text if evidence else None
    if forbidden:
        expected = f"must not say: {line.text}"
        if state == "found":
            return Check(**base, verdict="broken", score=score, evidence=evidence, expected=expected,
                         observed=quoted, reason="forbidden wording was used")
        if state == "unsure":
            return Check(**base, verdict="review", score=score, evidence=evidence, expected=expected,
                         observed=quoted, reason=f"wording close to a forbidden line (score {score:.0f})")
        return Check(**base, verdict="kept", score=score, reason="forbidden wording not used")
    if state == "found":
        return Check(**base, verdict="kept", score=score, evidence=evidence, reason="required wording was said")
    if state == "unsure":
        reason = (f"required wording said in other words (score {score:.0f})" if in_substance
                  else f"required wording only partly matched (score {score:.0f})")
        return Check(**base, verdict="review", score=score, evidence=evidence, expected=line.text, observed=quoted,
                     reason=reason)
    reason = "required wording said only in a negation" if state == "negated" else "required wording not found"
    return Check(**base, verdict="broken", score=score, expected=line.text, observed="not said", reason=reason)


_NOT_SAID_BEFORE = re.compile(rf"(?:{lexicon.alternation(('en', 'not_said_before'), ('zh', 'not_said_before'))})"
                              r"[\s\"'“”‘’「」]*\Z")
_NOT_SAID_AFTER = re.compile(r"[\s\"'“”‘’「」]*"
                             rf"(?:{lexicon.alternation(('zh', 'line_pointers'))})?(?:{lexicon.alternation(('zh', 'speakers'))})?\s*"
                             rf"(?:{lexicon.alternation(('en', 'not_said_after'), ('zh', 'not_said_after'))})")


def _reported_not_said(text: str, start: int, end: int) -> bool:
    """Does the record say the words at [start, end) were not said ("the line … was not
    said", 冇讲过「……」, 「……」嗰句佢冇讲)? A mention, not a saying."""
    low = max(text.rfind("|", 0, start) + 1, start - 16)  # (past the quotation mark, which starts a clause)
    return (_NOT_SAID_BEFORE.search(text, low, start) is not None
            or _NOT_SAID_AFTER.match(text, end, min(len(text), end + 24)) is not None)


def answered_line(prepared: PreparedLine, observation: Observation, answer: str) -> Check | None:
    """A script line the shopper ticked in the entry form: the explicit answer outranks
    fuzzy matching of the transcript. ``na`` (not applicable) makes no check."""
    if answer not in ("said", "not_said"):
        return None
    line = prepared.line
    forbidden = line.kind == "forbidden"
    said = answer == "said"
    base = dict(observation=observation.key, touchpoint=observation.touchpoint, target_type="script_line",
                target=line.key, kind="forbidden_phrase" if forbidden else "missing_phrase", weight=line.weight,
                script_line=line.key, promise=line.promise, observed_at=observation.observed_at)
    ticked = "the shopper ticked it as said" if said else "the shopper ticked it as not said"
    if said != forbidden:  # a required line said, or a forbidden one not said
        return Check(**base, verdict="kept", reason=ticked)
    expected = f"must not say: {line.text}" if forbidden else line.text
    observed = "said (ticked by the shopper)" if said else "not said (ticked by the shopper)"
    return Check(**base, verdict="broken", expected=expected, observed=observed, reason=ticked)
