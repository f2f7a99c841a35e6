#!/usr/bin/env bash
# Builds seed-attest, registers it with this user's browsers and shows this device's status.
set -euo pipefail
case "${1:-}" in
  "") ;;
  -h | --help) sed -n '2p' "$0" | sed 's/^# //'; echo "usage: scripts/build-and-install.sh"; exit 0 ;;
  *) echo "build-and-install: takes no arguments ('$1')" >&2; echo "usage: scripts/build-and-install.sh" >&2; exit 2 ;;
esac
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup-debian.sh
cmake --preset default
cmake --build --preset default
program="$root/build/default/bin/seed-attest"
"$program" install
"$program" status
