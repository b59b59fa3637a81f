#!/usr/bin/env bash
# Extract every translatable string of deskdup (views' tr(), services'
# QT_TRANSLATE_NOOP) into resources/i18n/deskdup_{ru,en}.ts, fill the Russian
# translations we keep in scripts/translations_ru.py, and build the .qm files.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t sources < <(find deskdup -name '*.py' -not -path '*/migrations/*' | sort)
for lang in ru en; do
    uv run pyside6-lupdate -no-obsolete -source-language en -target-language "$lang" \
        "${sources[@]}" -ts "resources/i18n/deskdup_${lang}.ts"
done
uv run python scripts/fill_translations.py resources/i18n/deskdup_ru.ts
uv run python scripts/fill_translations.py resources/i18n/deskdup_en.ts en
for lang in ru en; do
    uv run pyside6-lrelease "resources/i18n/deskdup_${lang}.ts" -qm "resources/i18n/deskdup_${lang}.qm"
done
