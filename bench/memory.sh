#!/usr/bin/env bash
# Memory of big suites: peak RSS of `./clp run` at its default heap for suites of N pairs (the published pairs
# replicated with new ids by bench/BigSuite.java when ../shared/clp-dataset is there, synthetic pairs otherwise),
# against the bench stand-in (../shared/bench/mockllm.js) at a low latency, and of discovery alone.
#
#   bench/memory.sh [--sizes 5000,50000] [--discover 200000] [--latency-ms 2] [--concurrency 64] [--keep DIR] [--shared DIR]
#
# Prints, per size: pairs, calls, wall, CPU, peak RSS, exit status and whether run.json was written; then the ratio of
# the largest suite's peak RSS to the smallest's (the goal: 50,000 pairs within 1.2 x 5,000 pairs). --discover N
# discovers N pairs (a tag filter that matches no test, so nothing is asked) and prints its peak RSS and status.
# CLP_JAVA_OPTS is passed through (unset: ./clp's default heap). Needs node, python3 and /usr/bin/time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes="5000,50000"; discover=""; latency=2; concurrency=64; keep=""
shared="$root/../shared"; [ -d "$shared" ] || shared="$root/../../shared"  # a git worktree sits one level deeper
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --discover) discover="$2"; shift 2 ;;
    --latency-ms) latency="$2"; shift 2 ;;
    --concurrency) concurrency="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    --shared) shared="$2"; shift 2 ;;
    *) echo "bench/memory.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
dataset="$shared/clp-dataset"; bench="$shared/bench"
[ -f "$bench/mockllm.js" ] || { echo "bench/memory.sh: no stand-in at $bench/mockllm.js" >&2; exit 2; }
work="${keep:-$(mktemp -d)}"; mkdir -p "$work"; port=18093; mock=""
stop_mock() { if [ -n "$mock" ]; then kill "$mock" 2>/dev/null || true; wait "$mock" 2>/dev/null || true; mock=""; fi; }
trap 'stop_mock; [ -n "$keep" ] || rm -rf "$work"' EXIT

"$root/clp" --version > /dev/null  # builds the command line when sources changed
jar="$root/probes/target/clp.jar"
from=()
if [ -d "$dataset/pairs" ]; then
  if [ ! -f "$work/published/suite.json" ]; then
    "$root/clp" import clp --input "$dataset/pairs" --output "$work/published" --suite-id clp > /dev/null
  fi
  from=(--from "$work/published")
fi
suite() { # N: a suite of N pairs under $work/big-N
  [ -f "$work/big-$1/suite.json" ] || java -cp "$jar" "$root/bench/BigSuite.java" --pairs "$1" --out "$work/big-$1" \
    "${from[@]}" > /dev/null
  echo "$work/big-$1"
}

node "$bench/mockllm.js" --port "$port" --latency-ms "$latency" > "$work/mock.log" 2>&1 &
mock=$!
for _ in $(seq 50); do curl -sf "127.0.0.1:$port/stats" > /dev/null && break; sleep 0.1; done
run_args() { # suite dir, results dir
  echo run --suite "$1" -Dclp.model=openai:mock "-Dclp.endpoint=http://127.0.0.1:$port/v1" \
    "-Dclp.concurrency=$concurrency" "-Dclp.cache.path=$2/cache.sqlite" "-Dclp.results.dir=$2/results" \
    "-Dclp.allure.results-dir=$2/allure-results"
}
# the first run after a build records the class archive (see ./clp): do it on a small suite, untimed
small="$(suite 200)"; rm -rf "$work/prime"; mkdir -p "$work/prime"
# shellcheck disable=SC2046
"$root/clp" $(run_args "$small" "$work/prime") > "$work/prime.txt" 2>&1 || true

echo "stand-in ${latency} ms, concurrency ${concurrency}, JVM options: ${CLP_JAVA_OPTS:-./clp default}; load: $(cut -d' ' -f1-3 /proc/loadavg)"
rows=()
IFS=, read -r -a list <<< "$sizes"
for n in "${list[@]}"; do
  dir="$(suite "$n")"; out="$work/run-$n"; rm -rf "$out"; mkdir -p "$out"
  curl -s -XPOST "127.0.0.1:$port/reset" > /dev/null
  # shellcheck disable=SC2046
  /usr/bin/time -f "%e %U %S %M %x" -o "$out/time" "$root/clp" $(run_args "$dir" "$out") > "$out/out.txt" 2>&1 || true
  read -r wall user sys rss status < <(tail -n 1 "$out/time")
  calls=$(curl -s "127.0.0.1:$port/stats" | python3 -c "import json,sys; print(json.load(sys.stdin)['requests'])")
  written=no; [ -f "$out/results/run.json" ] && written=yes
  printf '%7d pairs  %7d calls  wall %6.1f s  cpu %6.1f s  peak RSS %5d MB  exit %s  run.json %s\n' \
    "$n" "$calls" "$wall" "$(python3 -c "print($user + $sys)")" $((rss / 1024)) "$status" "$written"
  rows+=("$n:$rss")
done
if [ "${#rows[@]}" -ge 2 ]; then
  python3 - "${rows[@]}" <<'PY'
import sys
rows = [tuple(map(int, r.split(":"))) for r in sys.argv[1:]]
(n0, r0), (n1, r1) = min(rows), max(rows)
print(f"peak RSS {n1} pairs / {n0} pairs: {r1 / r0:.2f} (goal <= 1.2)")
PY
fi
if [ -n "$discover" ]; then
  dir="$(suite "$discover")"; out="$work/discover-$discover"; rm -rf "$out"; mkdir -p "$out"
  # shellcheck disable=SC2046
  /usr/bin/time -f "%e %U %S %M %x" -o "$out/time" "$root/clp" $(run_args "$dir" "$out") --include-tag 'lang:none' \
    > "$out/out.txt" 2>&1 || true
  read -r wall user sys rss status < <(tail -n 1 "$out/time")
  verdict="exit $status"; grep -q 'matched no test' "$out/out.txt" && verdict="discovered (exit $status: no test matched, as asked)"
  grep -q 'OutOfMemoryError' "$out/out.txt" && verdict="OutOfMemoryError (exit $status)"
  printf '%7d pairs discovered  wall %6.1f s  peak RSS %5d MB  %s\n' "$discover" "$wall" $((rss / 1024)) "$verdict"
fi
