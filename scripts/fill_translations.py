"""Fill the Russian .ts from translations_ru.TRANSLATIONS and list what is missing.

Usage: python scripts/fill_translations.py resources/i18n/deskdup_ru.ts
Keys are (context, source) or just source (any context).
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from translations_ru import TRANSLATIONS


def main(path: str, language: str = "ru") -> int:
    """``language`` "en": only the plural forms of ``tr(text, "", n)`` strings,
    keyed ("en", source) -> (one, other); the English source needs nothing else.
    A tuple value is the plural forms (Russian: one, few, many)."""
    tree = ET.parse(path)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            if language == "en":
                text = TRANSLATIONS.get(("en", source))
                if isinstance(text, tuple) and message.get("numerus") == "yes":
                    _fill_forms(translation, text)
                continue
            text = TRANSLATIONS.get((name, source), TRANSLATIONS.get(source))
            if isinstance(text, tuple) and message.get("numerus") == "yes":
                _fill_forms(translation, text)
            elif text:
                translation.text = text
                translation.attrib.pop("type", None)
            elif not translation.text:
                missing.append((name, source))
                translation.set("type", "unfinished")
    tree.write(path, encoding="utf-8", xml_declaration=True)
    for name, source in missing:
        print(f"missing: {name}: {source!r}")
    print(f"{len(missing)} strings without a Russian translation")
    return 0


def _fill_forms(translation: ET.Element, forms: tuple[str, ...]) -> None:
    for child in list(translation):
        translation.remove(child)
    translation.text = None
    for form in forms:
        ET.SubElement(translation, "numerusform").text = form
    translation.attrib.pop("type", None)


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
