#!/usr/bin/env bash
# Installs every build and test dependency on Debian 12. Idempotent; run as root or with sudo.
set -euo pipefail
case "${1:-}" in
  "") ;;
  -h | --help) sed -n '2p' "$0" | sed 's/^# //'; echo "usage: scripts/setup-debian.sh"; exit 0 ;;
  *) echo "setup: takes no arguments ('$1')" >&2; echo "usage: scripts/setup-debian.sh" >&2; exit 2 ;;
esac

packages=(
  build-essential cmake ninja-build pkg-config git
  nlohmann-json3-dev libboost1.81-dev libboost-filesystem1.81-dev libssl-dev openssl catch2
  clang-14 libclang-rt-14-dev
  chromium firefox-esr libnss3-tools
  nodejs dpkg-dev file python3 ca-certificates
)

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: run as root or install sudo" >&2; exit 1; }
  sudo_cmd=(sudo)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# npm may come from Debian's package or with the machine's Node.js; only ask apt when absent.
command -v npm >/dev/null || missing+=(npm)

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

root=$(cd "$(dirname "$0")/.." && pwd)
if [ -f "$root/package-lock.json" ]; then
  (cd "$root" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi
echo "setup: done"
