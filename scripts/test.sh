#!/usr/bin/env bash
# Runs every test — C++ unit and integration, extension, browser end to end — for one preset
# (default, or asan for the sanitizer build). Installs what it needs first; ends with ctest's summary.
set -euo pipefail
preset=${1:-default}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup-debian.sh
cmake --workflow --preset "$preset"
