"""The app's language: English as written in the code, Simplified Chinese from a compiled
Qt translation in ``resources/i18n/`` when there is one; Qt's own dialogs follow too."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from resources import resource_path
from ui import settings

_installed: list[QTranslator] = []  # kept alive: Qt does not own installed translators


def chosen_language(lang: str | None = None) -> str:
    """``en`` or ``zh``: the one asked for, else the setting, else the system's."""
    choice = lang or settings.language()
    if choice in ("en", "zh"):
        return choice
    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def install(app: QApplication, lang: str | None = None) -> str:
    """Install the translations for ``lang`` (see :func:`chosen_language`); returns the language used."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = chosen_language(lang)
    if language == "zh":
        ours = QTranslator(app)
        if ours.load(str(resource_path("i18n") / "brand_auditor_zh_CN.qm")):
            _installed.append(ours)
        qt = QTranslator(app)
        if qt.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _installed.append(qt)
        for translator in _installed:
            app.installTranslator(translator)
    return language
