"""Settings for every test: headless Qt, and never the user's own folders or settings."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

# Before any Qt import anywhere: the tests run without a display (an empty value, as some
# CI runners set, counts as none: Qt would look for an X server and abort).
if not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path_factory: pytest.TempPathFactory,
                           monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the app's data folder and Qt's settings files at a fresh temporary folder."""
    root = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("BRAND_AUDITOR_HOME", str(root / "data"))
    for settings_format in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(settings_format, scope, str(root / "settings"))
    yield root


# The offscreen platform (no display) says this whenever a top-level window with a layout
# is shown; it is about the test platform, not the app, so it must not fail a test.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, extend=True))
