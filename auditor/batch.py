"""The checks of one batch of a touchpoint's observations.

Most checks are quiet: a promise whose breach cues are nowhere near the transcript and
that nothing measured, or a forbidden line nobody came close to saying, is kept with
nothing to show. A brand with 60 promises per touchpoint makes ~75 checks per visit, so
these are decided in bulk from the prefilter's score matrix (numpy), counted into the
tallies and stored as one row per observation. Only the rest — a cue or phrase near the
transcript, a measurement, a quantity the shopper reported, a required line — go through
:mod:`auditor.observation_checks` one by one.

The prefilter scores every transcript of the batch against every phrase that can apply
at the touchpoint with one rapidfuzz ``cdist`` call on all cores.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process

from auditor.cantonese import has_cantonese
from auditor.charged import MONEY, charged
from auditor.homophones import HOMOPHONE_SCORE, Heard
from auditor.matching import INSERTED_SCORE, INSERTION_SLACK, insertion_test, phrase_units, units_of, with_insertions
from auditor.metrics import CheckTally, month_of
from auditor.model import Check
from auditor.normalize import Normalized
from auditor.observation_checks import (
    PreparedLine,
    PreparedPromise,
    Thresholds,
    answered_line,
    check_line,
    check_promise,
)
from auditor.records import Observation
from auditor.scenarios import applies
from auditor.stated import MetricIndex, quantities
from auditor.subject import SPOKEN, text_terms, typo_map, with_typos


@dataclass
class BatchResult:
    checks: list[Check] = field(default_factory=list)  # every check that was not quiet
    quiet: list[tuple[str, str, list[str], list[str]]] = field(default_factory=list)  # see RunWriter.add_quiet


class TouchpointChecker:
    """Checks observations of one touchpoint against its promises and script lines."""

    def __init__(self, touchpoint: str, promises: list[PreparedPromise], lines: list[PreparedLine],
                 thresholds: Thresholds) -> None:
        self.touchpoint = touchpoint
        self.thresholds = thresholds
        self.promises = [p for p in promises if p.promise.applies_to(touchpoint)]
        self.lines = [line for line in lines if line.line.touchpoint == touchpoint]
        self.needles = list(dict.fromkeys([cue for p in self.promises for cue in p.cues if cue not in p.paraphrases]
                                          + [line.phrase for line in self.lines if line.phrase]))
        column = {needle: index for index, needle in enumerate(self.needles)}
        self.insertion_tests = [insertion_test(needle) for needle in self.needles]
        self.needle_column = column
        self.cutoff = min([thresholds.review, *(line.thresholds.review for line in self.lines)]) - INSERTION_SLACK
        self.cue_columns = [np.array([column[cue] for cue in p.cues if cue in column], dtype=np.intp)
                            for p in self.promises]
        # The lexicon's cues in other words count only where found, so they are not scored
        # with the rest: a visit may have one only if it says it whole (paraphrase -> promises).
        self.paraphrases: dict[str, tuple[frozenset[str], list[int]]] = {}  # cue -> (its units, promises)
        for index, p in enumerate(self.promises):
            for cue in p.paraphrases:
                if cue not in column:
                    self.paraphrases.setdefault(cue, (phrase_units(cue), []))[1].append(index)
        self.line_columns = [column.get(line.phrase) for line in self.lines]
        self.promise_index = {p.promise.key: index for index, p in enumerate(self.promises)}
        self.by_metric: dict[str, list[int]] = {}
        for index, p in enumerate(self.promises):
            if p.promise.metric:
                self.by_metric.setdefault(p.promise.metric, []).append(index)
        measurable = [p for p in self.promises if p.promise.metric and p.promise.target is not None]
        self.measurable = MetricIndex({p.promise.key: (p.promise.unit, p.words) for p in measurable},
                                      {p.promise.key: p.vocabulary for p in measurable},
                                      {p.promise.key: p.promise.target for p in measurable})
        self.promise_keys = [p.promise.key for p in self.promises]
        self.line_keys = [line.line.key for line in self.lines]
        self.line_index = {key: index for index, key in enumerate(self.line_keys)}
        # term -> [(promise index, weight)]: which promises' subjects a transcript's terms speak of
        self.subject_terms: dict[str, list[tuple[int, float]]] = {}
        for index, p in enumerate(self.promises):
            for term, weight in p.subject.items():
                self.subject_terms.setdefault(term, []).append((index, weight))
        self.quiet_lines = np.array([line.line.kind == "forbidden" and bool(line.phrase) for line in self.lines],
                                    dtype=bool)
        self.free = [index for index, p in enumerate(self.promises) if p.charges is not None]

    def check(self, batch: list[Observation], texts: list[Normalized], tally: CheckTally) -> BatchResult:
        """All checks of ``batch`` (with ``texts``, its normalised transcripts), counted into ``tally``."""
        result = BatchResult()
        n = len(batch)
        scores = self._scores(texts)
        has_text = np.array([bool(text.text.strip()) for text in texts], dtype=bool)
        days = np.array([observation.day for observation in batch])
        months = [month_of(observation.observed_at) for observation in batch]

        # Promises: quiet unless a cue is near, a measurement names its metric or the shopper reported a quantity.
        valid = self._valid(days, [p.promise for p in self.promises])
        near = np.zeros((n, len(self.promises)), dtype=bool)
        raised: set[tuple[int, float]] = set()  # (column, threshold) whose insertions are raised
        for index, columns in enumerate(self.cue_columns):
            if columns.size and scores is not None:
                near[:, index] = self._reached(scores, columns, self.thresholds.review, texts, raised)
        said_otherwise = self._paraphrased(near, texts, has_text)
        measured = np.zeros_like(near)
        reported: list[dict] = []
        weights = self._spoken(texts, has_text)
        spoken = weights >= SPOKEN
        for row, (observation, text) in enumerate(zip(batch, texts)):
            for metric in observation.measurements:
                for index in self.by_metric.get(metric, ()):
                    measured[row, index] = True
            found = {}
            if has_text[row]:
                found = self.measurable.assign(text.text, {self.promise_keys[i]: weights[row, i]
                                                           for i in np.flatnonzero(spoken[row]).tolist()})
            reported.append(found)
            for key in found:
                measured[row, self.promise_index[key]] = True
        self._heard_near(near, valid & has_text[:, None] & spoken, texts, scores)
        self._charged_near(near, valid & has_text[:, None] & spoken & ~near, texts)
        unjudged = valid & has_text[:, None] & ~near & ~measured
        quiet_promises = unjudged & spoken
        # Nothing measured, no cue near, and not a word of its subject: the visit did not test it.
        untested = unjudged & ~spoken
        loud_promises = valid & ~quiet_promises & ~untested & (has_text[:, None] | measured)

        # Script lines: a forbidden line is quiet when nothing near it was said.
        valid_lines = self._valid(days, [line.line for line in self.lines]) & self._in_scenario(batch)
        said = np.zeros((n, len(self.lines)), dtype=bool)
        has_phrase = np.array([column is not None for column in self.line_columns], dtype=bool)
        for index, (line, column) in enumerate(zip(self.lines, self.line_columns)):
            if column is not None and scores is not None:
                said[:, index] = self._reached(scores, np.array([column]), line.thresholds.review, texts, raised)
        checked_lines = valid_lines & has_text[:, None] & has_phrase[None, :]
        # Lines the shopper ticked (said / not said / n/a) are decided by the tick, not by matching.
        ticked = np.zeros_like(checked_lines)
        for row, observation in enumerate(batch):
            for line_key in observation.answers:
                if (index := self.line_index.get(line_key)) is not None:
                    ticked[row, index] = True
        checked_lines &= ~ticked
        # (a record in Cantonese may say a line in other characters: check_line reads it as Mandarin)
        cantonese = np.array([has_cantonese(text.text) for text in texts], dtype=bool)
        quiet_lines = checked_lines & self.quiet_lines[None, :] & ~said & ~cantonese[:, None]
        loud_lines = checked_lines & ~quiet_lines
        ticked &= valid_lines

        self._count_quiet(tally, months, quiet_promises, quiet_lines)
        for row, observation in enumerate(batch):
            text, lookup = texts[row], None
            promise_indexes = np.flatnonzero(loud_promises[row]).tolist()
            line_indexes = np.flatnonzero(loud_lines[row]).tolist()
            if promise_indexes or line_indexes:
                lookup = dict(zip(self.needles, scores[row].tolist())) if scores is not None else {}
                lookup.update(said_otherwise.get(row, ()))
            for index in promise_indexes:
                prepared = self.promises[index]
                check = check_promise(prepared, observation, text, lookup, self.thresholds,
                                      reported[row].get(prepared.promise.key), bool(spoken[row, index]))
                if check is not None:
                    result.checks.append(check)
                    tally.add(check, observation.touchpoint, months[row])
            for index in line_indexes:
                check = check_line(self.lines[index], observation, text, lookup)
                if check is not None:
                    result.checks.append(check)
                    tally.add(check, observation.touchpoint, months[row])
            for index in np.flatnonzero(ticked[row]).tolist():
                prepared = self.lines[index]
                check = answered_line(prepared, observation, observation.answers[prepared.line.key])
                if check is not None:
                    result.checks.append(check)
                    tally.add(check, observation.touchpoint, months[row])
            quiet_p, quiet_l = np.flatnonzero(quiet_promises[row]), np.flatnonzero(quiet_lines[row])
            if quiet_p.size or quiet_l.size:
                result.quiet.append((observation.key, observation.touchpoint,
                                     [self.promise_keys[i] for i in quiet_p.tolist()],
                                     [self.line_keys[i] for i in quiet_l.tolist()]))
        return result

    def _spoken(self, texts: list[Normalized], has_text: np.ndarray) -> np.ndarray:
        """[observation, promise]: how much the transcript speaks of the promise's subject
        (auditor.subject: it does at SPOKEN or more)."""
        spoken = np.zeros((len(texts), len(self.promises)), dtype=float)
        if not self.subject_terms:
            return spoken
        found = [text_terms(text.text) if has_text[row] else set() for row, text in enumerate(texts)]
        typos = typo_map(set().union(*found), self.subject_terms)
        index = self.subject_terms
        for row, said in enumerate(found):
            weights: dict[int, float] = {}  # plain dicts: numpy's per-item access costs more here
            for term in (with_typos(said, typos) if typos else said) & index.keys():
                for column, weight in index[term]:
                    weights[column] = weights.get(column, 0.0) + weight
            if weights:
                spoken[row, list(weights)] = list(weights.values())
        return spoken

    def _paraphrased(self, near: np.ndarray, texts: list[Normalized], has_text: np.ndarray) -> dict[int, dict[str, float]]:
        """The lexicon's cues in other words each visit holds whole (or with a word inserted:
        auditor.matching.with_insertions): row -> {cue: a prefilter score that lets the
        check look}; their promises are near. A paraphrase misspelt is not looked for."""
        found: dict[int, dict[str, float]] = {}
        if not self.paraphrases:
            return found
        for row in np.flatnonzero(has_text).tolist():
            text = texts[row].text
            units = units_of(text)  # (a set test per paraphrase first: most visits hold few of their words)
            for cue, (needed, indexes) in self.paraphrases.items():
                if needed <= units and (cue in text or with_insertions(cue, text) is not None):
                    found.setdefault(row, {})[cue] = 100.0
                    near[row, indexes] = True
        return found

    def _charged_near(self, near: np.ndarray, candidates: np.ndarray, texts: list[Normalized]) -> None:
        """A promise that gives something free is near on a visit that speaks of it and says
        a sum was charged for it (auditor.charged), though none of its cues is."""
        if not self.free:
            return
        for row in np.flatnonzero(candidates[:, self.free].any(axis=1)).tolist():
            text = texts[row].text
            if not any(stated.unit in MONEY for stated in quantities(text)):
                continue  # (most visits name no sum)
            for index in self.free:
                prepared = self.promises[index]
                if candidates[row, index] and charged(texts[row], prepared.subject, prepared.charges) is not None:
                    near[row, index] = True

    def _heard_near(self, near: np.ndarray, candidates: np.ndarray, texts: list[Normalized],
                    scores: np.ndarray | None) -> None:
        """A Chinese cue written by its sound (鸡器人 for 机器人) scores too little to be near:
        on a visit that speaks of the promise, it is looked for by sound (auditor.homophones),
        and its prefilter score raised to what such a match scores."""
        if scores is None or HOMOPHONE_SCORE < self.thresholds.review:
            return
        heard: dict[tuple[int, str], bool] = {}  # (row, cue): said by its sound (promises share cues)
        listened: dict[int, Heard] = {}  # row -> its text, translated by sound when a cue needs it
        for index, prepared in enumerate(self.promises):
            if not prepared.heard:
                continue
            for row in np.flatnonzero(candidates[:, index]).tolist():
                for cue, plains in prepared.heard.items():
                    found = heard.get((row, cue))
                    if found is None:
                        if (said := listened.get(row)) is None:
                            said = listened[row] = Heard(texts[row].text)
                        found = heard[row, cue] = any(said.find(plain) is not None for plain in plains)
                    if found:
                        scores[row, self.needle_column[cue]] = max(scores[row, self.needle_column[cue]], HOMOPHONE_SCORE)
                        near[row, index] = True

    def _reached(self, scores: np.ndarray, columns: np.ndarray, threshold: float,
                 texts: list[Normalized], raised: set[tuple[int, float]]) -> np.ndarray:
        """[observation]: a needle of ``columns`` may reach ``threshold`` — its prefilter score
        does, or (a little below) it is said whole with a word inserted: that score is then
        raised in ``scores`` to what such a match scores (auditor.matching.prefilter_score),
        for the checks to read. ``raised`` holds the columns already raised for a threshold
        (promises of one touchpoint share cues), and gains these."""
        for column in columns.tolist():
            test = self.insertion_tests[column]
            if test is None or (column, threshold) in raised:
                continue
            raised.add((column, threshold))
            units, pattern = test
            values = scores[:, column]
            for row in np.flatnonzero((values >= threshold - INSERTION_SLACK) & (values < threshold)).tolist():
                text = texts[row].text
                # (substrings first: cheap, and most texts lack a unit; the pattern decides)
                if all(unit in text for unit in units) and pattern.search(text):
                    values[row] = max(values[row], INSERTED_SCORE)
        return scores[:, columns].max(axis=1) >= threshold

    def _scores(self, texts: list[Normalized]) -> np.ndarray | None:
        """partial_ratio of every needle against every transcript (rows: transcripts; below the cutoff: 0)."""
        if not self.needles:
            return None
        return process.cdist([text.text for text in texts], self.needles, scorer=fuzz.partial_ratio,
                             score_cutoff=self.cutoff, workers=-1)

    def _in_scenario(self, batch: list[Observation]) -> np.ndarray:
        """[observation, line]: the line applies to the visit's scenario (auditor.scenarios)."""
        mask = np.ones((len(batch), len(self.lines)), dtype=bool)
        limited = [(index, line.line.scenarios) for index, line in enumerate(self.lines) if line.line.scenarios]
        if limited:
            for row, observation in enumerate(batch):
                for index, scenarios in limited:
                    mask[row, index] = applies(scenarios, observation.scenario)
        return mask

    @staticmethod
    def _valid(days: np.ndarray, targets: list) -> np.ndarray:
        """[observation, target]: the observation's day falls inside the target's validity window."""
        valid = np.ones((len(days), len(targets)), dtype=bool)
        for index, target in enumerate(targets):
            if target.valid_from:
                valid[:, index] &= days >= target.valid_from
            if target.valid_to:
                valid[:, index] &= days <= target.valid_to
        return valid

    def _count_quiet(self, tally: CheckTally, months: list[str | None], quiet_promises: np.ndarray,
                     quiet_lines: np.ndarray) -> None:
        month_array = np.array([month or "" for month in months])
        for month in dict.fromkeys(months):
            rows = month_array == (month or "")
            for kind, keys, targets, counts in (
                    ("promise", self.promise_keys, self.promises, quiet_promises[rows].sum(axis=0)),
                    ("script_line", self.line_keys, self.lines, quiet_lines[rows].sum(axis=0))):
                for index in np.flatnonzero(counts).tolist():
                    target = targets[index]
                    weight = target.promise.weight if kind == "promise" else target.line.weight
                    tally.add_count(kind, keys[index], self.touchpoint, month, "kept", int(counts[index]), weight)
