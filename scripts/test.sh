#!/usr/bin/env bash
# Runs every test — C++ unit and integration, extension, browser end to end — for one preset
# (default, or asan for the sanitizer build). Installs what it needs first; ends with ctest's summary.
set -euo pipefail
usage="usage: scripts/test.sh [default|asan]"
case "${1:-default}" in
  -h | --help) sed -n '2,3s/^# //p' "$0"; echo "$usage"; exit 0 ;;
  default | asan) preset=${1:-default} ;;
  *) echo "test: unknown preset '$1'" >&2; echo "$usage" >&2; exit 2 ;;
esac
[ $# -le 1 ] || { echo "$usage" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup-debian.sh
cmake --workflow --preset "$preset"
