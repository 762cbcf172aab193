"""The desktop app's own settings (window size, recent projects), kept with QSettings.

Project settings (thresholds, synonyms) live in the project file, not here. Reads are
typed (``value(key, default, type=...)``) so an INI file edited by hand cannot turn a
list into a string; the file carries a version for future migrations.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "BrandTouchpointAuditor"
APPLICATION = "BrandTouchpointAuditor"
SETTINGS_VERSION = 1
MAX_RECENT = 8

_VERSION = "settings/version"
_RECENT = "projects/recent"
_GEOMETRY = "window/geometry"
_LANGUAGE = "ui/language"
LANGUAGES = ("system", "en", "zh")  # the app's language: the system's, English or Simplified Chinese


def app_settings() -> QSettings:
    """The app's settings file (an INI file in the user's config folder on every OS)."""
    settings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)
    if settings.value(_VERSION, 0, type=int) != SETTINGS_VERSION:
        settings.setValue(_VERSION, SETTINGS_VERSION)
    return settings


def recent_projects() -> list[Path]:
    """Projects opened before, the last one first."""
    paths = app_settings().value(_RECENT, [], type=list)
    return [Path(str(path)) for path in paths if path]


def last_project() -> Path | None:
    recent = recent_projects()
    return recent[0] if recent else None


def remember_project(path: Path) -> None:
    """Put ``path`` first in the recent projects."""
    path = Path(path).resolve()
    others = [other for other in recent_projects() if other != path]
    app_settings().setValue(_RECENT, [str(p) for p in [path, *others][:MAX_RECENT]])


def forget_project(path: Path) -> None:
    app_settings().setValue(_RECENT, [str(p) for p in recent_projects() if p != Path(path).resolve()])


def window_geometry() -> QByteArray:
    return app_settings().value(_GEOMETRY, QByteArray(), type=QByteArray)


def save_window_geometry(geometry: QByteArray) -> None:
    app_settings().setValue(_GEOMETRY, geometry)


def language() -> str:
    """``system``, ``en`` or ``zh``; anything else read from a hand-edited file is ``system``."""
    value = app_settings().value(_LANGUAGE, "system", type=str)
    return value if value in LANGUAGES else "system"


def set_language(value: str) -> None:
    if value not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {value!r}")
    app_settings().setValue(_LANGUAGE, value)
