"""Project settings read and written as one value: defaults, refusals in one sentence,
one transaction, and the audit reading what was saved."""

from __future__ import annotations

import pytest

from auditor.audit import audit_settings
from auditor.errors import AuditorError
from auditor.project_settings import ProjectSettings, load_settings, save_settings, synonyms_as_text
from auditor.store import Project


def test_a_new_project_has_the_defaults(tmp_path):
    with Project.open(tmp_path / "p.btaproj", create=True) as project:
        settings = load_settings(project)
    assert (settings.match_threshold, settings.review_threshold) == (85.0, 70.0)
    assert set(settings.servqual_expectations.values()) == {4.0}
    assert settings.synonyms is None and settings.staff_names == []
    assert "around the clock" in synonyms_as_text(None)


@pytest.mark.parametrize("change, message", [
    ({"review_threshold": 90.0}, "must not be above the match threshold"),
    ({"match_threshold": 120.0}, "between 0 and 100"),
    ({"servqual_expectations": {"empathy": 7.0}}, "between 1 and 5"),
    ({"servqual_expectations": {"speed": 3.0}}, "not a SERVQUAL dimension"),
])
def test_bad_settings_are_refused_in_one_sentence_and_nothing_is_saved(tmp_path, change, message):
    with Project.open(tmp_path / "p.btaproj", create=True) as project:
        with pytest.raises(AuditorError, match=message):
            save_settings(project, ProjectSettings(**{**ProjectSettings().__dict__, **change},))
        assert project.db.execute("SELECT count(*) FROM settings").fetchone()[0] == 0


def test_saved_settings_are_what_the_audit_uses(tmp_path):
    with Project.open(tmp_path / "p.btaproj", create=True) as project:
        save_settings(project, ProjectSettings(match_threshold=90, review_threshold=60,
                                               synonyms=[["robot", "机器人"]], staff_names=[" 小王 ", ""]))
        used = audit_settings(project)
        assert (used["match_threshold"], used["review_threshold"], used["synonyms"]) == (90, 60, "project")
        assert load_settings(project).staff_names == ["小王"]
        save_settings(project, ProjectSettings())  # synonyms None: back to the default list
        assert audit_settings(project)["synonyms"] == "default"
