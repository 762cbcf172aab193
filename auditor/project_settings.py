"""The settings a project carries (SPEC §5, §7): thresholds, SERVQUAL expectations, the
synonym list, the staff names a redacted report masks and the brand name the report uses.

Read and written as one value, checked as a whole (a review threshold above the match
threshold is refused with one sentence), and saved in one transaction. The synonym list is
edited as text, one group per line, phrases separated by ``|`` — a character brand texts
do not use, unlike ``/`` (``24/7``) or ``,``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from auditor.errors import AuditorError
from auditor.matching import DEFAULT_MATCH_THRESHOLD, DEFAULT_REVIEW_THRESHOLD
from auditor.metrics import DEFAULT_EXPECTATION, SERVQUAL_DIMENSIONS
from auditor.normalize import load_default_synonyms
from auditor.report.data import BRAND_SETTING, STAFF_SETTING
from auditor.store import Project

SYNONYM_SEPARATOR = "|"


@dataclass
class ProjectSettings:
    match_threshold: float = DEFAULT_MATCH_THRESHOLD
    review_threshold: float = DEFAULT_REVIEW_THRESHOLD
    servqual_expectations: dict[str, float] = field(
        default_factory=lambda: {dimension: DEFAULT_EXPECTATION for dimension in SERVQUAL_DIMENSIONS})
    synonyms: list[list[str]] | None = None  # None: the bilingual default list
    staff_names: list[str] = field(default_factory=list)
    brand_name: str = ""  # "": the report names the brand after the project file

    def problems(self) -> list[str]:
        """Why these settings cannot be saved, one sentence each (empty when they can)."""
        found = []
        for name, value in (("The match threshold", self.match_threshold),
                            ("The review threshold", self.review_threshold)):
            if not 0 <= value <= 100:
                found.append(f"{name} must be between 0 and 100, not {value:g}.")
        if self.review_threshold > self.match_threshold:
            found.append(f"The review threshold ({self.review_threshold:g}) must not be above the match threshold "
                         f"({self.match_threshold:g}).")
        for dimension, value in self.servqual_expectations.items():
            if dimension not in SERVQUAL_DIMENSIONS:
                found.append(f"'{dimension}' is not a SERVQUAL dimension.")
            elif not 1 <= value <= 5:
                found.append(f"The expectation for {dimension} must be between 1 and 5, not {value:g}.")
        return found


def load_settings(project: Project) -> ProjectSettings:
    defaults = ProjectSettings()
    expectations = dict(defaults.servqual_expectations)
    stored = project.get_setting("servqual_expectations", {}) or {}
    expectations.update({d: float(v) for d, v in stored.items() if d in expectations and v is not None})
    synonyms = project.get_setting("synonyms")
    return ProjectSettings(
        match_threshold=float(project.get_setting("match_threshold", defaults.match_threshold)),
        review_threshold=float(project.get_setting("review_threshold", defaults.review_threshold)),
        servqual_expectations=expectations,
        synonyms=synonyms if isinstance(synonyms, list) and synonyms else None,
        staff_names=[name for name in project.get_setting(STAFF_SETTING, []) or [] if isinstance(name, str)],
        brand_name=brand if isinstance(brand := project.get_setting(BRAND_SETTING), str) else "",
    )


def save_settings(project: Project, settings: ProjectSettings) -> None:
    """Store ``settings`` in one transaction, or raise AuditorError (one sentence) and store nothing."""
    problems = settings.problems()
    if problems:
        raise AuditorError(problems[0])
    project.set_settings({
        "match_threshold": settings.match_threshold,
        "review_threshold": settings.review_threshold,
        "servqual_expectations": settings.servqual_expectations,
        "synonyms": settings.synonyms,  # None removes it: the default list applies
        STAFF_SETTING: [name.strip() for name in settings.staff_names if name.strip()],
        BRAND_SETTING: " ".join(settings.brand_name.split()) or None,  # None removes it
    })


def synonyms_as_text(groups: list[list[str]] | None) -> str:
    """One group per line, phrases separated by `` | ``; the default list when None."""
    return "\n".join(f" {SYNONYM_SEPARATOR} ".join(group) for group in (groups or load_default_synonyms()))


def synonyms_from_text(text: str) -> list[list[str]]:
    """The groups of :func:`synonyms_as_text`'s format; a line with one phrase is an error."""
    groups = []
    for number, line in enumerate(text.splitlines(), start=1):
        phrases = [phrase.strip() for phrase in line.split(SYNONYM_SEPARATOR) if phrase.strip()]
        if not phrases:
            continue
        if len(phrases) < 2:
            raise AuditorError(f"Synonyms, line {number}: a group needs at least two phrases separated by "
                               f"'{SYNONYM_SEPARATOR}', not just '{phrases[0]}'.")
        groups.append(phrases)
    return groups
