#!/usr/bin/env bash
# The K = 5 benchmark (issue 17, item 4): the published pairs (../shared/clp-dataset, imported with `clp import clp`)
# asked five times each (clp.samples=5) in English and the target language, against the bench stand-in
# (../shared/bench/mockllm.js) at 20 ms latency and concurrency 64: about 42,000 calls for the 12 languages of
# the dataset at hand (67,000 with all 16). Measured side by side in one go, and printed:
#   - start-up: the same command on a suite of one pair (10 calls), so that what start-up costs is not counted per call;
#   - clp run cold (K=5): calls, wall, CPU (user+sys of the process, getrusage via /usr/bin/time), peak RSS, and
#     CPU per call = (CPU of the run - CPU of the start-up run) / (calls - start-up calls);
#   - the floor: the same number of calls at the same concurrency from (a) bench/floor.js, a minimal Node client, and
#     (b) bench/OkHttpFloor.java, a bare OkHttp client on the JVM (the library the harness uses); the run's wall time
#     is given as a multiple of each;
#   - clp run warm (K=5) and the 4,189 pairs once (K=1) cold then warm: the warm runs answer everything from the SQLite
#     cache (0 HTTP calls, checked);
#   - promptfoo with --repeat 5 on the same work, when installed (--promptfoo DIR --node BIN; see
#     ../shared/bench/README.md), else a line saying it was skipped;
#   - the batch path (--batch): `clp batch submit`, `clp batch collect --wait` against a local stand-in of OpenAI's Files
#     and Batches endpoints (bench/BatchBench.java, the project's test stand-in, answering through the bench stand-in)
#     and the graded run from the cache; calls and wall time of each step.
#
#   bench/k5.sh [--samples 5] [--latency-ms 20] [--concurrency 64] [--dataset DIR] [--port 18095]
#               [--promptfoo DIR --node BIN] [--batch] [--no-k1] [--only-batch]
# (--only-batch: the batch path alone, without the synchronous runs)
#
# Without the dataset it prints why and exits 0 (nothing to measure). Needs node, python3 and /usr/bin/time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
samples=5; latency=20; concurrency=64; port=18095; batch=0; k1=1; only_batch=0
dataset="${CLP_DATASET:-$root/../shared/clp-dataset}"; bench="$root/../shared/bench"
promptfoo=""; node="node"
while [ $# -gt 0 ]; do
  case "$1" in
    --samples) samples="$2"; shift 2 ;;
    --latency-ms) latency="$2"; shift 2 ;;
    --concurrency) concurrency="$2"; shift 2 ;;
    --dataset) dataset="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --promptfoo) promptfoo="$2"; shift 2 ;;
    --node) node="$2"; shift 2 ;;
    --batch) batch=1; shift ;;
    --no-k1) k1=0; shift ;;
    --only-batch) batch=1; only_batch=1; shift ;;
    *) echo "bench/k5.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ ! -d "$dataset/pairs" ]; then
  echo "bench/k5.sh: skipped: no dataset at $dataset/pairs (pass --dataset DIR or set CLP_DATASET)"
  exit 0
fi
# the bench kit sits beside the dataset in ../shared
[ -f "$bench/mockllm.js" ] || bench="$(dirname "$dataset")/bench"
[ -f "$bench/mockllm.js" ] || { echo "bench/k5.sh: no stand-in at $bench/mockllm.js" >&2; exit 2; }
work="$(mktemp -d)"; mock=""; batchpid=""
stop_mock() { if [ -n "$mock" ]; then kill "$mock" 2>/dev/null || true; wait "$mock" 2>/dev/null || true; mock=""; fi; }
stop_batch() { if [ -n "$batchpid" ]; then kill "$batchpid" 2>/dev/null || true; wait "$batchpid" 2>/dev/null || true; batchpid=""; fi; }
trap 'stop_mock; stop_batch; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT

start_mock() { # latency in ms
  stop_mock
  node "$bench/mockllm.js" --port "$port" --latency-ms "$1" > "$work/mock.log" 2>&1 &
  mock=$!
  for _ in $(seq 50); do curl -sf "127.0.0.1:$port/stats" > /dev/null && return; sleep 0.1; done
  echo "bench/k5.sh: the stand-in did not start on port $port (see $work/mock.log)" >&2; exit 1
}
requests() { python3 -c "import json,sys; print(json.load(sys.stdin)['requests'])" < <(curl -s "127.0.0.1:$port/stats"); }
reset() { curl -s -XPOST "127.0.0.1:$port/reset" > /dev/null; }
# timed LABEL CMD...: runs CMD under /usr/bin/time, leaves "calls wall cpu rss" in $work/last and the output in $work/out.txt
timed() {
  local label="$1"; shift
  reset
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" > "$work/out.txt" 2>&1 || true
  read -r wall user sys rss < <(tail -n 1 "$work/time")
  echo "$(requests) $wall $(python3 -c "print(round($user + $sys, 2))") $rss" > "$work/last"
  cp "$work/out.txt" "$work/out-$label.txt"
}
row() { # label [floor seconds]: prints the last measurement
  read -r calls wall cpu rss < "$work/last"
  python3 - "$1" "$calls" "$wall" "$cpu" "$rss" "$latency" "$concurrency" <<'PY'
import sys
label, calls, wall, cpu, rss, lat, conc = sys.argv[1:]
calls, wall, cpu, rss, lat, conc = int(calls), float(wall), float(cpu), int(rss), float(lat), int(conc)
limit = calls * lat / 1000 / conc
x = f"({wall / limit:4.2f} x limit {limit:5.1f} s)" if limit else " " * 25
print(f"{label:<26} {calls:>7} calls  wall {wall:6.2f} s  {x}  cpu {cpu:6.2f} s  peak RSS {rss / 1024:5.0f} MB")
PY
}

echo "importing $dataset/pairs ..."
"$root/clp" import clp --input "$dataset/pairs" --output "$work/suite" --suite-id clp | grep '^read' || true
pairs=$(cat "$work"/suite/pairs-*.jsonl | grep -c . || true)
run=("$root/clp" run --suite "$work/suite" -Dclp.model=openai:mock "-Dclp.endpoint=http://127.0.0.1:$port/v1"
     "-Dclp.concurrency=$concurrency" "-Dclp.results.dir=$work/results" "-Dclp.allure.results-dir=$work/allure-results")

# start-up: one pair, asked as often as in the timed run, in its own suite and cache
mkdir -p "$work/one"
cp "$work/suite/suite.json" "$work/one/"
first="$(ls "$work"/suite/pairs-*.jsonl | head -n 1)"
head -n 1 "$first" > "$work/one/$(basename "$first")"
one=("$root/clp" run --suite "$work/one" -Dclp.model=openai:mock "-Dclp.endpoint=http://127.0.0.1:$port/v1"
     "-Dclp.concurrency=$concurrency" -Dclp.cache=off "-Dclp.samples=$samples" "-Dclp.results.dir=$work/one/results"
     "-Dclp.allure.results-dir=$work/one/allure-results" -Dclp.gate.allow-underpowered=true)
start_mock "$latency"
if [ "$only_batch" = 0 ]; then
# a user's first `clp run` after a build records the JVM's class archive (see ./clp); this untimed run does that, so the
# timed runs start as every later run of a user does
"${one[@]}" > "$work/prime.txt" 2>&1 || true
echo "stand-in: ${latency} ms latency, concurrency ${concurrency}, K = ${samples}, ${pairs} pairs; load $(cut -d' ' -f1-3 /proc/loadavg)"
timed startup "${one[@]}"
row "start-up (1 pair, K=$samples)"
read -r s_calls _ s_cpu _ < "$work/last"

timed cold "${run[@]}" "-Dclp.cache.path=$work/cache-k.sqlite" "-Dclp.samples=$samples"
row "clp run cold (K=$samples)"
read -r calls wall cpu _ < "$work/last"
sed -n 's/^model calls: [0-9]* in \([^)]*)\).*/  (its own split: calls in \1)/p' "$work/out-cold.txt"
python3 -c "import sys; c, s, n, m = map(float, sys.argv[1:]); \
print(f'  CPU per call beyond start-up: {(c - s) / (n - m) * 1000:.3f} ms  (({c:.2f} - {s:.2f}) s / {int(n - m)} calls)')" \
  "$cpu" "$s_cpu" "$calls" "$s_calls"

floor_node=$(node "$root/bench/floor.js" --port "$port" --calls "$calls" --concurrency "$concurrency")
floor_jvm=$(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$root/probes/target/lib/*" "$root/bench/OkHttpFloor.java" \
  "$port" "$calls" "$concurrency")
python3 - "$wall" "$calls" "$latency" "$concurrency" "$floor_node" "$floor_jvm" <<'PY'
import sys
wall, calls, lat, conc, fn, fj = float(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6])
limit = calls * lat / 1000 / conc
for name, f in (("floor: minimal Node client", fn), ("floor: bare OkHttp client", fj)):
    print(f"{name:<26} {calls:>7} calls  wall {f:6.2f} s  ({f / limit:4.2f} x limit)   clp run cold = {wall / f:4.2f} x this floor")
PY

timed warm "${run[@]}" "-Dclp.cache.path=$work/cache-k.sqlite" "-Dclp.samples=$samples"
row "clp run warm (K=$samples)"
if [ "$k1" = 1 ]; then
  timed cold1 "${run[@]}" "-Dclp.cache.path=$work/cache-1.sqlite"
  row "clp run cold (K=1)"
  timed warm1 "${run[@]}" "-Dclp.cache.path=$work/cache-1.sqlite"
  row "clp run warm (K=1, $pairs pairs)"
fi
for f in "$work"/out-warm*.txt; do
  grep -q '^model calls: 0[ ,]' "$f" || { echo "  warning: a warm run made model calls: $(grep '^model calls' "$f")"; }
done

if [ -n "$promptfoo" ]; then
  python3 "$bench/make_promptfoo_suite.py" "$work/pf" "$dataset"/pairs/*.json > /dev/null
  sed -i "s#127.0.0.1:18080#127.0.0.1:$port#" "$work/pf/promptfooconfig.yaml"
  (cd "$work/pf" && PROMPTFOO_DISABLE_TELEMETRY=1 PROMPTFOO_CACHE_ENABLED=false timed promptfoo \
      "$node" "$promptfoo/node_modules/promptfoo/dist/src/entrypoint.js" eval -c promptfooconfig.yaml \
      -j "$concurrency" --repeat "$samples" --no-cache --no-write --no-table --no-progress-bar)
  row "promptfoo (--repeat $samples)"
else
  echo "promptfoo: skipped (not installed; pass --promptfoo DIR --node BIN, see ../shared/bench/README.md)"
fi

fi # only_batch

if [ "$batch" = 1 ]; then
  # the batch path: a local stand-in of OpenAI's Files + Batches answering through the bench stand-in with no latency
  start_mock 0
  cp_file="$root/harness-engine/target/bench-classpath.txt"
  if [ ! -f "$cp_file" ] || [ "$root/harness-engine/pom.xml" -nt "$cp_file" ]; then
    (cd "$root" && ./mvnw -B -ntp -o -q -pl harness-engine dependency:build-classpath -Dmdep.includeScope=test \
        "-Dmdep.outputFile=$cp_file") > "$work/cp.log" 2>&1 \
      || { echo "bench/k5.sh: cannot build the batch stand-in's class path (see $work/cp.log)" >&2; exit 1; }
  fi
  [ -d "$root/harness-engine/target/test-classes/dev/clp/testing" ] \
    || { echo "bench/k5.sh: --batch needs harness-engine's test classes: ./mvnw -o -pl harness-engine test-compile" >&2; exit 2; }
  java -cp "$root/harness-engine/target/test-classes:$root/harness-engine/target/classes:$(cat "$cp_file")" \
    "-Dclp.test.openai-openapi=$work/no-schema-validation.yaml" \
    "$root/bench/BatchBench.java" "http://127.0.0.1:$port/v1" > "$work/batch-stand-in.txt" 2>&1 &
  batchpid=$!
  for _ in $(seq 300); do grep -qs '^listening ' "$work/batch-stand-in.txt" && break; sleep 0.1; done
  endpoint="$(sed -n 's/^listening //p' "$work/batch-stand-in.txt")"
  [ -n "$endpoint" ] || { echo "bench/k5.sh: the batch stand-in did not start: $(cat "$work/batch-stand-in.txt")" >&2; exit 1; }
  bsettings=(-Dclp.model=openai:mock "-Dclp.endpoint=$endpoint" "-Dclp.cache.path=$work/cache-batch.sqlite"
             "-Dclp.samples=$samples")
  timed batch-submit "$root/clp" batch submit --suite "$work/suite" --state "$work/batch-state.json" "${bsettings[@]}"
  read -r _ bwall bcpu _ < "$work/last"
  echo "batch submit: wall $bwall s, cpu $bcpu s: $(grep -i 'submitted in' "$work/out-batch-submit.txt" | head -n 1)"
  # the state file knows the endpoint, model and cache: collect takes nothing else
  timed batch-collect "$root/clp" batch collect --state "$work/batch-state.json" --wait --poll-seconds 1
  read -r _ bwall bcpu _ < "$work/last"
  echo "batch collect: wall $bwall s, cpu $bcpu s: $(grep -v '^\s*$' "$work/out-batch-collect.txt" | head -n 2 | tr '\n' ' ')"
  timed batch-run "${run[@]}" "-Dclp.cache.path=$work/cache-batch.sqlite" "-Dclp.samples=$samples" "-Dclp.endpoint=$endpoint"
  read -r _ bwall bcpu _ < "$work/last"
  echo "batch graded run: wall $bwall s, cpu $bcpu s; $(grep '^model calls' "$work/out-batch-run.txt")"
  stop_batch
  grep '^batch stand-in:' "$work/batch-stand-in.txt" || true
fi
