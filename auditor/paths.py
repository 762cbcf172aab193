"""Where the app keeps its files on this computer."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "BrandTouchpointAuditor"
PROJECT_SUFFIX = ".btaproj"


def data_folder() -> Path:
    """The per-user data folder; ``BRAND_AUDITOR_HOME`` overrides it (tests, portable use)."""
    override = os.environ.get("BRAND_AUDITOR_HOME")
    return Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))


def default_project_path() -> Path:
    return data_folder() / f"default{PROJECT_SUFFIX}"
