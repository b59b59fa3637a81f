#!/usr/bin/env bash
# Build the Linux one-folder application (dist/deskdup/) and check that it runs:
# `--version`, then `--self-test` offscreen (a demo workspace in a temporary
# folder: scan, merge, undo, then the window with a group compared).
# Prints the build time, the folder's size and each check's time.  CI runs it
# from .ci/run; packaging/README.md has the other platforms.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(seconds)" 'BEGIN { printf "%.1f", b - a }'; }

start=$(seconds)
uv run --frozen pyinstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/deskdup.spec
echo "packaging: built dist/deskdup in $(elapsed "$start") s, $(du -sh dist/deskdup | cut -f1)"

app=dist/deskdup/deskdup
export QT_QPA_PLATFORM=offscreen
start=$(seconds)
version=$("$app" --version)
echo "packaging: '$version' in $(elapsed "$start") s"
[ "$version" = "deskdup $(uv run --frozen python -c 'import deskdup; print(deskdup.__version__)')" ] || {
  echo "packaging: the built application reports the wrong version" >&2
  exit 1
}
start=$(seconds)
"$app" --self-test
echo "packaging: self-test of the built application in $(elapsed "$start") s"
