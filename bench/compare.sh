#!/usr/bin/env bash
# Side-by-side benchmark: clp-harness and (when installed) promptfoo on the same work against the bench
# stand-in (../shared/bench/mockllm.js): the published pairs of the languages at hand, English and target.
#
#   bench/compare.sh [--latency-ms 50] [--concurrency 16] [--faults] [--dataset DIR] [--promptfoo DIR --node BIN]
#
# Prints, per tool: calls made, wall time, CPU time (user+sys), peak RSS, and the latency-bound limit
# (calls x latency / concurrency). Then a warm rerun of the harness (expects 0 HTTP calls), and the stand-in's own
# floor: the same calls from a minimal Node client (bench/floor.js), i.e. what the stand-in and the cores allow. With --faults
# the stand-in returns 10 % 429, 10 % 500 and 2 % garbage, and the harness's outcomes are compared with a
# clean run. Needs node and /usr/bin/time; promptfoo is installed per ../shared/bench/README.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
latency=50; concurrency=16; faults=0
dataset="$root/../shared/clp-dataset"; bench="$root/../shared/bench"
promptfoo=""; node="node"
while [ $# -gt 0 ]; do
  case "$1" in
    --latency-ms) latency="$2"; shift 2 ;;
    --concurrency) concurrency="$2"; shift 2 ;;
    --faults) faults=1; shift ;;
    --dataset) dataset="$2"; shift 2 ;;
    --promptfoo) promptfoo="$2"; shift 2 ;;
    --node) node="$2"; shift 2 ;;
    *) echo "bench/compare.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -d "$dataset/pairs" ] || { echo "bench/compare.sh: no dataset at $dataset/pairs (pass --dataset)" >&2; exit 2; }
[ -f "$bench/mockllm.js" ] || { echo "bench/compare.sh: no stand-in at $bench/mockllm.js" >&2; exit 2; }
work="$(mktemp -d)"; port=18080; mock=""
stop_mock() { if [ -n "$mock" ]; then kill "$mock" 2>/dev/null || true; wait "$mock" 2>/dev/null || true; mock=""; fi; }
trap 'stop_mock; rm -rf "$work"' EXIT

start_mock() {
  stop_mock
  node "$bench/mockllm.js" --port "$port" --latency-ms "$latency" "$@" > "$work/mock.log" 2>&1 &
  mock=$!
  for _ in $(seq 50); do curl -sf "127.0.0.1:$port/stats" > /dev/null && return; sleep 0.1; done
  echo "bench/compare.sh: the stand-in did not start" >&2; exit 1
}
stat() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])" < <(curl -s "127.0.0.1:$port/stats"); }
measure() { # label, then the command; prints one row
  local label="$1"; shift
  curl -s -XPOST "127.0.0.1:$port/reset" > /dev/null
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" > "$work/out.txt" 2>&1 || true
  read -r wall user sys rss < <(tail -n 1 "$work/time")
  local calls; calls=$(stat requests)
  python3 - "$label" "$calls" "$wall" "$user" "$sys" "$rss" "$latency" "$concurrency" <<'PY'
import sys
label, calls, wall, user, sys_, rss, lat, conc = sys.argv[1:]
calls, wall, cpu, rss, lat, conc = int(calls), float(wall), float(user) + float(sys_), int(rss), float(lat), int(conc)
limit = calls * lat / 1000 / conc
print(f"{label:<22} {calls:>7} calls  wall {wall:6.1f} s  ({wall / limit if limit else 0:4.2f} x limit {limit:5.1f} s)"
      f"  cpu {cpu:6.1f} s  peak RSS {rss / 1024:6.0f} MB")
PY
}

echo "importing $dataset/pairs ..."
"$root/clp" import clp --input "$dataset/pairs" --output "$work/suite" --suite-id clp | grep '^read'
run=("$root/clp" run --suite "$work/suite" -Dclp.model=openai:mock "-Dclp.endpoint=http://127.0.0.1:$port/v1"
     "-Dclp.concurrency=$concurrency" "-Dclp.cache.path=$work/cache.sqlite" "-Dclp.results.dir=$work/results"
     "-Dclp.allure.results-dir=$work/allure-results")

# A user's first `clp run` after a build records the JVM's class archive for later runs (see ./clp); make that run here,
# on one language with its own cache, so the timed runs below start as every later run of a user does.
mkdir -p "$work/prime"
cp "$work/suite/suite.json" "$(ls -S "$work"/suite/pairs-*.jsonl | tail -n 1)" "$work/prime/"
start_mock
"$root/clp" run --suite "$work/prime" -Dclp.model=openai:mock "-Dclp.endpoint=http://127.0.0.1:$port/v1" \
  "-Dclp.cache.path=$work/prime/cache.sqlite" "-Dclp.results.dir=$work/prime/results" \
  "-Dclp.allure.results-dir=$work/prime/allure-results" > "$work/prime/out.txt" 2>&1 || true

echo "stand-in: ${latency} ms latency, concurrency ${concurrency}$([ $faults = 1 ] && echo ', faults: 10% 429, 10% 500, 2% garbage')"
if [ "$faults" = 1 ]; then
  start_mock
  measure "clp-harness (clean)" "${run[@]}" -Dclp.cache=off "-Dclp.results.dir=$work/clean"
  start_mock --rate429 0.1 --error-rate 0.1 --garbage-rate 0.02
  measure "clp-harness (faults)" "${run[@]}" -Dclp.cache=off
  grep -E "^model calls" "$work/out.txt" || true
  python3 - "$work/clean/run.json" "$work/results/run.json" <<'PY'
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:])
oa = {(p['suite'], p['id']): (p['outcome'], p.get('target', {}).get('chosen')) for p in a['pairs']}
ob = {(p['suite'], p['id']): (p['outcome'], p.get('target', {}).get('chosen')) for p in b['pairs']}
errors = sum(1 for v in ob.values() if v[0] == 'error')
same = sum(1 for k in oa if ob.get(k) == oa[k])
for k in oa:
    if ob.get(k) != oa[k]:
        pa = next(p for p in a['pairs'] if (p['suite'], p['id']) == k)
        pb = next(p for p in b['pairs'] if (p['suite'], p['id']) == k)
        print("differs:", k, "clean:", pa['outcome'], pa.get('target', {}).get('answers'), pa.get('en', {}).get('answers'),
              "| faults:", pb['outcome'], pb.get('target', {}).get('answers'), pb.get('en', {}).get('answers'), pb.get('message', '')[:200])
print(f"faults: {len(ob)} pairs graded of {len(oa)}, {errors} errors, {same} outcomes identical to the clean run, "
      f"{b['usage']['retries']} retries {b['usage']['retriesByCause']}")
PY
  exit 0
fi
start_mock
measure "clp-harness (cold)" "${run[@]}"
cold_calls=$(stat requests)
# the run's own split: calls from first sent to last answer, and how long after the JVM started the first went out
sed -n 's/^model calls: [0-9]* in \([^)]*)\).*/  (cold run: calls in \1)/p' "$work/out.txt"
measure "clp-harness (warm)" "${run[@]}"
# what the stand-in and these two cores allow at all: the same calls from the lightest client
floor=$(node "$root/bench/floor.js" --port "$port" --calls "$cold_calls" --concurrency "$concurrency")
python3 -c "import sys; f, c, l, n = float(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]); \
print(f'stand-in floor (node)  {c:>7} calls  wall {f:6.1f} s  ({f / (c * l / 1000 / n):4.2f} x limit)')" \
  "$floor" "$cold_calls" "$latency" "$concurrency"
if [ -n "$promptfoo" ]; then
  python3 "$bench/make_promptfoo_suite.py" "$work/pf" "$dataset"/pairs/*.json > /dev/null
  (cd "$work/pf" && PROMPTFOO_DISABLE_TELEMETRY=1 PROMPTFOO_CACHE_ENABLED=false measure "promptfoo" \
      "$node" "$promptfoo/node_modules/promptfoo/dist/src/entrypoint.js" eval -c promptfooconfig.yaml \
      -j "$concurrency" --no-cache --no-write --no-table --no-progress-bar)
fi
