#!/usr/bin/env bash
# Builds seed-attest, registers it with this user's browsers and shows this device's status.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup-debian.sh
cmake --preset default
cmake --build --preset default
program="$root/build/default/bin/seed-attest"
"$program" install
"$program" status
