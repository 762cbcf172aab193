"""The bundled sample project (resources/sample): a bilingual brand with planted gaps."""

from __future__ import annotations

import json

from auditor.importer import ImportResult, import_file
from auditor.store import Project
from resources import resource_path

SAMPLE_FILES = (
    ("touchpoints", "touchpoints.csv"),
    ("promises", "promises.csv"),
    ("scripts", "scripts.csv"),
    ("observations", "observations.csv"),
)


def load_sample(project: Project) -> list[ImportResult]:
    """Import the sample's four files into ``project``, in dependency order, and its
    settings (the brand's name, the staff names a redacted report masks)."""
    folder = resource_path("sample")
    results = [import_file(project, kind, folder / name) for kind, name in SAMPLE_FILES]
    settings = json.loads((folder / "settings.json").read_text(encoding="utf-8"))
    for key, value in settings.items():
        project.set_setting(key, value)
    return results
