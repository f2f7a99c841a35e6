#!/usr/bin/env bash
# The performance benchmark in one command: builds seed-attest, the C floor host and the runner in
# build/bench (the same flags as the default preset), makes a test PKI, then times seed-attest
# against the floor and a minimal Python host and prints the table (docs/PERFORMANCE.md).
#
#   bench/run.sh [seed-bench options...]     e.g. --runs 80, --only hello,status_embedded
#
# Environment: BENCH_BUILD_DIR (default build/bench), BENCH_JSON (default BUILD_DIR/bench-result.json),
# PYTHON (default /usr/bin/python3, the interpreter a packaged Python host would use).
set -euo pipefail
for arg in "$@"; do
  if [ "$arg" = --help ] || [ "$arg" = -h ]; then
    sed -n '2,9s/^# \{0,1\}//p' "$0"
    exit 0
  fi
done
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BENCH_BUILD_DIR:-$root/build/bench}
json=${BENCH_JSON:-$build/bench-result.json}
python=${PYTHON:-/usr/bin/python3}
[ -x "$python" ] || python=$(command -v python3)

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --target seed-attest make-test-pki seed-bench seed-bench-floor-host

work=$(mktemp -d "${TMPDIR:-/tmp}/seed-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$build/bin/make-test-pki" "$work/pki" >/dev/null

if [ -e /etc/seed-attest/policy.json ]; then
  echo "bench: note: /etc/seed-attest/policy.json exists, so the 'embedded policy' figure uses it" >&2
fi
commit=$(git -C "$root" describe --always --dirty 2>/dev/null || echo unknown)

"$build/bin/seed-bench" \
  --seed-attest "$build/bin/seed-attest" \
  --floor "$build/bin/seed-bench-floor-host" \
  --python "$python" --python-host "$root/bench/hosts/minimal_host.py" \
  --pki "$work/pki" --work "$work" --json "$json" --commit "$commit" "$@"
