"""``duplicate_transcript``: two observations with near-identical transcripts (SPEC §5).

A transcript copied from another visit is the classic mystery-shopping fraud; reviewers
reject both records. Comparing every pair is quadratic (5·10⁹ pairs at 100,000 visits), so
each transcript gets two min-hash anchors over its 8- and 13-character shingles and only
transcripts sharing an anchor are compared. Copies share their anchors with near
certainty; unrelated transcripts rarely do.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Protocol

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from rapidfuzz import fuzz, process

from auditor import lexicon
from auditor.model import Check, Evidence
from auditor.normalize import CLAUSE_MARKS
from auditor.records import Observation

DUPLICATE_THRESHOLD = 95.0  # ratio of two normalised transcripts that counts as a copy
DUPLICATE_MIN_LENGTH = 40  # shorter transcripts ("no answer") are alike by nature ...
_HAN_WEIGHT = 3  # ... counting a Chinese character as three letters: 15 of them say as much as 45 letters
_SHINGLE_SIZES = (8, 13)
_MAX_BUCKET = 400  # an anchor shared by more transcripts than this is boilerplate, not a copy
_NO_SEPARATORS = str.maketrans("", "", " " + CLAUSE_MARKS)  # copies differ in punctuation first
_WORDLIKE = re.compile(f"[{lexicon.chars('han', 'synonym_tokens')}]")  # a Chinese character, a synonym group's token
_SMALL_BUCKET = 12  # up to this many, pairs are compared one by one; beyond, in one cdist call


class Transcript(Protocol):
    text: str  # normalised
    original: str


class DuplicateFinder:
    """Collects transcripts batch by batch (as the audit reads them), then names the copies."""

    def __init__(self) -> None:
        self.records: dict[str, tuple[Observation, str, str]] = {}  # key -> (observation, original, compact)
        self.buckets: dict[tuple[int, int], list[str]] = defaultdict(list)

    def add(self, observations: Iterable[Observation], transcripts: Iterable[Transcript]) -> None:
        kept = []
        for observation, transcript in zip(observations, transcripts):
            compact = transcript.text.translate(_NO_SEPARATORS)
            if len(compact) >= max(_SHINGLE_SIZES) and _length(compact) >= DUPLICATE_MIN_LENGTH:
                self.records[observation.key] = (observation, transcript.original, compact)
                kept.append((observation.key, compact))
        if not kept:
            return
        for size in _SHINGLE_SIZES:
            for (key, _), anchor in zip(kept, _min_hashes([compact for _, compact in kept], size)):
                self.buckets[(size, anchor)].append(key)

    def merge(self, other: "DuplicateFinder") -> None:
        """Take in what another finder collected (a worker's, in a parallel audit): the
        anchors are the same in every process, so copies across workers are found too."""
        self.records.update(other.records)
        for anchor, keys in other.buckets.items():
            self.buckets[anchor].extend(keys)

    def checks(self) -> list[Check]:
        """One broken check on the later observation of each near-identical pair."""
        pairs: set[tuple[str, str]] = set()
        for keys in self.buckets.values():
            if 2 <= len(keys) <= _MAX_BUCKET:
                pairs.update(_similar_pairs(keys, [self.records[key][2] for key in keys]))
        return [_check(self.records[later], self.records[earlier]) for earlier, later in sorted(pairs)]


def _length(compact: str) -> int:
    """How much a transcript says: its characters, a Chinese one (or a synonym group's
    token, which stands for a word) counting as three."""
    return len(compact) + (_HAN_WEIGHT - 1) * len(_WORDLIKE.findall(compact))


def duplicate_transcripts(observations: Iterable[tuple[Observation, Transcript]]) -> list[Check]:
    """Pairs of near-identical transcripts among ``(observation, normalised transcript)``."""
    finder = DuplicateFinder()
    pairs = list(observations)
    finder.add([observation for observation, _ in pairs], [transcript for _, transcript in pairs])
    return finder.checks()


# Min-hash of every text's shingles at once: each shingle's polynomial hash (mod 2**64,
# mixed like splitmix64) over one array of all the texts' code points, the shingles that
# would cross from one text into the next left out, then the minimum per text.
_MULTIPLIER = 0x9E3779B97F4A7C15
_POWERS = {size: np.array([pow(_MULTIPLIER, size - 1 - j, 2 ** 64) for j in range(size)], dtype=np.uint64)
           for size in _SHINGLE_SIZES}


def _min_hashes(texts: list[str], size: int) -> list[int]:
    codes = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    hashes = sliding_window_view(codes, size) @ _POWERS[size]
    hashes ^= hashes >> np.uint64(31)
    hashes *= np.uint64(0xBF58476D1CE4E5B9)
    hashes ^= hashes >> np.uint64(29)
    lengths = np.array([len(text) for text in texts], dtype=np.int64)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    ends = starts + lengths
    position = np.arange(len(hashes))
    owner = np.searchsorted(ends, position, side="right")
    hashes[position + size > ends[owner]] = np.iinfo(np.uint64).max  # shingles across two texts
    return np.minimum.reduceat(hashes, starts).tolist()


def _similar_pairs(keys: list[str], compacts: list[str]) -> list[tuple[str, str]]:
    """The (smaller key, larger key) pairs of a bucket whose texts are near-identical."""
    found = []
    if len(keys) <= _SMALL_BUCKET:
        for i, first in enumerate(keys):
            for j in range(i + 1, len(keys)):
                if fuzz.ratio(compacts[i], compacts[j], score_cutoff=DUPLICATE_THRESHOLD):
                    found.append((min(first, keys[j]), max(first, keys[j])))
        return found
    scores = process.cdist(compacts, compacts, scorer=fuzz.ratio, score_cutoff=DUPLICATE_THRESHOLD, workers=-1)
    for i, j in zip(*np.nonzero(np.triu(scores, 1))):
        first, second = keys[i], keys[j]
        found.append((min(first, second), max(first, second)))
    return found


def _check(later: tuple[Observation, str, str], earlier: tuple[Observation, str, str]) -> Check:
    observation, original, compact = later
    other = earlier[0]
    score = fuzz.ratio(compact, earlier[2])
    who = (f"{observation.shopper or 'unknown shopper'} and {other.shopper or 'unknown shopper'}"
           if observation.shopper != other.shopper else f"both by {observation.shopper or 'an unknown shopper'}")
    return Check(
        observation=observation.key, touchpoint=observation.touchpoint, target_type="observation",
        target=other.key, verdict="broken", kind="duplicate_transcript", score=score,
        evidence=Evidence(original, 0, len(original)), observed_at=observation.observed_at,
        expected=f"an original record of each visit ({who})",
        observed=f"transcript {score:.0f}% identical to {other.key}",
        reason=f"near-identical to the transcript of {other.key} ({who})",
    )
