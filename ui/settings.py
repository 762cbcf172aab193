"""The desktop app's own settings (window size, recent projects, the reviewer's name, the
column mappings chosen on import), kept with QSettings.

Project settings (thresholds, synonyms) live in the project file, not here. Reads are
typed (``value(key, default, type=...)``) so an INI file edited by hand cannot turn a
list into a string; the file carries a version for future migrations.
"""

from __future__ import annotations

import getpass
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "BrandTouchpointAuditor"
APPLICATION = "BrandTouchpointAuditor"
SETTINGS_VERSION = 1
MAX_RECENT = 8
MAX_IMPORT_MAPPINGS = 50  # header sets remembered; the least recently used is forgotten first

_VERSION = "settings/version"
_RECENT = "projects/recent"
_GEOMETRY = "window/geometry"
_LANGUAGE = "ui/language"
_REVIEWER = "review/name"
_IMPORT_MAPPINGS = "import/mappings"  # JSON: [{"kind", "headers", "columns"}], the latest first
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


def reviewer_name() -> str | None:
    """The name recorded with the person's review decisions, or None until they give one."""
    name = app_settings().value(_REVIEWER, "", type=str).strip()
    return name or None


def set_reviewer_name(name: str | None) -> None:
    """Remember ``name``; an empty one is forgotten (the next decision asks again)."""
    name = (name or "").strip()
    if name:
        app_settings().setValue(_REVIEWER, name)
    else:
        app_settings().remove(_REVIEWER)


def login_display_name() -> str:
    """The person's name as the operating system knows it (the account's full name where
    one is set, else the login), offered as the reviewer's name the first time."""
    try:
        login = getpass.getuser()
    except (OSError, KeyError):
        login = ""
    full = ""
    if sys.platform == "win32":
        full = _windows_display_name()
    else:
        try:
            import pwd

            full = pwd.getpwuid(os.getuid()).pw_gecos.split(",")[0].strip()
        except (ImportError, KeyError, OSError):
            full = ""
    return full or login


def _windows_display_name() -> str:
    try:
        import ctypes

        size = ctypes.c_ulong(0)
        get_name = ctypes.windll.secur32.GetUserNameExW  # type: ignore[attr-defined]
        name_display = 3
        get_name(name_display, None, ctypes.byref(size))
        buffer = ctypes.create_unicode_buffer(size.value)
        return buffer.value.strip() if size.value and get_name(name_display, buffer, ctypes.byref(size)) else ""
    except (AttributeError, OSError):
        return ""


def _header_set(headers: Iterable[str]) -> list[str]:
    return sorted({str(header).strip() for header in headers if str(header).strip()})


def _import_mappings() -> list[dict]:
    try:
        stored = json.loads(app_settings().value(_IMPORT_MAPPINGS, "[]", type=str))
    except ValueError:
        return []  # a hand-edited file: start again rather than fail
    return [entry for entry in stored if isinstance(entry, dict) and isinstance(entry.get("columns"), dict)] \
        if isinstance(stored, list) else []


def import_mapping(kind: str, headers: Iterable[str]) -> dict[str, str] | None:
    """The columns chosen last time for a ``kind`` file with these headers (in any order):
    file header -> field name, ``measure:<metric>`` or ``""`` (not imported)."""
    wanted = _header_set(headers)
    for entry in _import_mappings():
        if entry.get("kind") == kind and entry.get("headers") == wanted:
            return {str(header): str(field) for header, field in entry["columns"].items()}
    return None


def remember_import_mapping(kind: str, headers: Iterable[str], columns: dict[str, str]) -> None:
    """Keep ``columns`` for the next ``kind`` file with the same headers."""
    wanted = _header_set(headers)
    others = [entry for entry in _import_mappings()
              if not (entry.get("kind") == kind and entry.get("headers") == wanted)]
    entry = {"kind": kind, "headers": wanted, "columns": dict(columns)}
    app_settings().setValue(_IMPORT_MAPPINGS, json.dumps([entry, *others][:MAX_IMPORT_MAPPINGS],
                                                         ensure_ascii=False))
