"""Russian and English: choosing the language and installing the translators.

deskdup's own strings come from ``resources/i18n/deskdup_<lang>.qm`` (built by
``scripts/update_translations.sh`` from the ``.ts`` sources); Qt's own dialog
buttons from the ``qtbase_<lang>.qm`` that ships with PySide6 (Vorta's
``i18n/__init__.py``).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from deskdup.services import paths
from deskdup.services.messages import Translate

log = logging.getLogger(__name__)

LANGUAGES = ("ru", "en")
DEFAULT_LANGUAGE = "en"

_installed: list[QTranslator] = []
_current = DEFAULT_LANGUAGE
_note_translators: dict[str, QTranslator] = {}


def language_names() -> dict[str, str]:
    """Each language in its own words (so it can be found whatever is current)."""
    return {"ru": "Русский", "en": "English"}


def system_language() -> str:
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE


def choose_language(cli: str | None, saved: str | None) -> str:
    """``--lang`` first, then the settings, then the system locale."""
    for candidate in (cli, saved):
        if candidate and candidate in LANGUAGES:
            return candidate
    return system_language()


def current_language() -> str:
    return _current


def install(language: str) -> str:
    """Replace the installed translators with those of ``language``; returns it."""
    global _current
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install translators after the QApplication exists")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    own = QTranslator(app)
    qm = paths.resources_dir() / "i18n" / f"deskdup_{language}.qm"
    if own.load(str(qm)):
        app.installTranslator(own)
        _installed.append(own)
    elif language != "en":
        log.warning("No translation file %s", qm)
    qt_own = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language != "en" and qt_own.load(f"qtbase_{language}", folder):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    QLocale.setDefault(QLocale(language))
    _current = language
    return language


def note_translators() -> dict[str, Translate]:
    """language -> ``translate(context, text)`` in that language, whatever the UI's:
    the note a merge writes is in the team's language (``MergePolicy.note_language``).

    Built on the UI thread and only read afterwards (QTranslator.translate on a
    worker thread reads loaded data and nothing else).
    """
    out: dict[str, Translate] = {}
    for language in LANGUAGES:
        if language == "en":
            continue  # the source text
        translator = _note_translators.get(language)
        if translator is None:
            translator = QTranslator()
            if not translator.load(str(paths.resources_dir() / "i18n" / f"deskdup_{language}.qm")):
                log.warning("No translation file for %s", language)
                continue
            _note_translators[language] = translator

        def translate(context: str, text: str, t: QTranslator = translator) -> str:
            return t.translate(context, text) or text

        out[language] = translate
    return out
