#!/usr/bin/env bash
# Runs fuzz targets with libFuzzer, one after another: fuzz/run.sh TARGET|all SECONDS
#
# Builds the targets first (clang-14, ASan + UBSan + libFuzzer) in $SEED_ATTEST_FUZZ_BUILD
# (default build/fuzz). Each target starts from its committed seeds (fuzz/corpus/<target>) plus
# what earlier runs found (build/fuzz/work/<target>/corpus, not committed). A crash, leak, timeout
# or broken property stops that target, saves the input under build/fuzz/work/<target>/ and makes
# the script exit 1 once every target has run. One summary line per target reports executions.
set -euo pipefail

usage() { echo "usage: fuzz/run.sh TARGET|all SECONDS" >&2; exit 2; }
if [ "${1:-}" = --help ] || [ "${1:-}" = -h ]; then
  sed -n '2,8s/^# \{0,1\}//p' "$0"
  exit 0
fi
[ $# -eq 2 ] || usage
wanted=$1
seconds=$2
[[ $seconds =~ ^[1-9][0-9]*$ ]] || usage

root=$(cd "$(dirname "$0")/.." && pwd)
build=${SEED_ATTEST_FUZZ_BUILD:-$root/build/fuzz}
jobs=${SEED_ATTEST_FUZZ_BUILD_JOBS:-2}

if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSEED_ATTEST_FUZZ=ON -DSEED_ATTEST_BUILD_TESTS=OFF >/dev/null
else
  cmake "$build" >/dev/null  # picks up targets whose libraries landed since
fi

mapfile -t all_targets < <(sed -n 's/^seed_attest_fuzz_target(\([a-z_]*\) .*/\1/p' "$root/fuzz/targets.cmake")
buildable=$(ninja -C "$build" -t targets all 2>/dev/null || true)
built=()
for t in "${all_targets[@]}"; do
  if grep -q "^fuzz_$t:" <<<"$buildable"; then built+=("$t"); fi
done

if [ "$wanted" = all ]; then
  targets=("${built[@]}")
else
  printf '%s\n' "${all_targets[@]}" | grep -qx "$wanted" || { echo "fuzz: no target $wanted" >&2; exit 2; }
  printf '%s\n' "${built[@]}" | grep -qx "$wanted" || { echo "fuzz: $wanted cannot be built yet (its library is missing)" >&2; exit 2; }
  targets=("$wanted")
fi
[ ${#targets[@]} -gt 0 ] || { echo "fuzz: no target can be built" >&2; exit 2; }

if ! build_log=$(cmake --build "$build" -j "$jobs" --target "${targets[@]/#/fuzz_}" 2>&1); then
  printf '%s\n' "$build_log" | grep -E -A5 'error|FAILED' | head -n 40 >&2
  echo "fuzz: the targets do not build" >&2
  exit 2
fi

# Per target: longest input worth trying (frames need room past the 64 KiB inbound limit).
max_len() {
  case $1 in
    frame_session) echo 70000 ;;
    request_dispatch) echo 70000 ;;
    policy_pattern) echo 66000 ;;
    policy_document) echo 16384 ;;
    *) echo 8192 ;;
  esac
}

dictionary() {
  case $1 in
    frame_session | request_dispatch) echo "$root/fuzz/dictionaries/protocol.dict" ;;
    *) [ -f "$root/fuzz/dictionaries/$1.dict" ] && echo "$root/fuzz/dictionaries/$1.dict" ;;
  esac
}

failed=()
for t in "${targets[@]}"; do
  work=$build/work/$t
  mkdir -p "$work/corpus" "$work/artifacts"
  log=$work/last-run.log
  options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$(max_len "$t")"
           -print_final_stats=1 -artifact_prefix="$work/artifacts/")
  dict=$(dictionary "$t" || true)
  [ -n "$dict" ] && options+=(-dict="$dict")
  status=0
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=0 UBSAN_OPTIONS=print_stacktrace=1 \
    "$build/bin/fuzz_$t" "${options[@]}" "$work/corpus" "$root/fuzz/corpus/$t" >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  corpus=$(find "$work/corpus" -type f | wc -l)
  if [ "$status" -eq 0 ]; then
    echo "fuzz $t: ${runs:-?} executions in ${seconds} s, no finding (corpus $corpus)"
  else
    echo "fuzz $t: FINDING after ${runs:-?} executions; input and log in $work" >&2
    grep -E 'ERROR|SUMMARY|property broken|terminate called|what\(\)|Test unit written' "$log" | head -n 8 >&2 || true
    failed+=("$t")
  fi
done

[ ${#failed[@]} -eq 0 ] || { echo "fuzz: findings in ${failed[*]}" >&2; exit 1; }
