#!/usr/bin/env bash
# The clp command line. Builds it on first use (and when sources changed), then runs it.
#   ./clp run --suite generated-suites/suites/starter [-Dclp.key=value ...]
#   ./clp import clp --input <file|dir|URL> --output <suite dir>
# JVM options: CLP_JAVA_OPTS replaces the defaults below (e.g. CLP_JAVA_OPTS=-Xmx2g for very large suites).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$root/probes/target/clp.jar"
stale() {
  [ ! -f "$jar" ] && return 0
  # main sources, resources and POMs only; tests do not change the command line
  [ -n "$(find "$root/pom.xml" "$root/harness-engine" "$root/reports" "$root/probes" \
      \( -path '*/target' -prune \) -o \( -type f \( -path '*/src/main/*' -o -name 'pom.xml' \) -newer "$jar" -print \) \
      2>/dev/null | head -n 1)" ]
}
if stale; then
  echo "clp: building the command line (first run or sources changed) ..." >&2
  (cd "$root" && ./mvnw -q -B -DskipTests -pl probes -am package) >&2
  # reproducible builds leave an unchanged jar untouched; mark it fresh so the next call does not rebuild
  touch "$jar"
fi
# An I/O-bound command line on few cores: the serial collector, client compiler only, a bounded heap.
# The heap starts small with a fixed young generation (the size the JVM picked on its own on a 24 GB machine), and the
# old generation grows only as far as what it holds needs (10-20 % free after a full collection). At the JVM's own
# initial size (1/64 of the machine's memory: 378 MB there) the old generation filled up with dead objects before its
# first full collection, so a 50,000-pair run touched all of it: 477 MB peak RSS against 358 MB at 20-40 % free (5,000
# pairs: 252 against 244 MB); 10-20 % took the 50,000 pairs from 322-324 to 314 MB (5,000: 250-252 against 251 MB) at
# the same CPU (bench/memory.sh, README "Memory of big suites").
opts=(${CLP_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx512m -Xms160m -Xmn116m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20})
# Class data sharing: the first run of each command after a build records the classes it loads into an archive (per
# JDK and command: `run` loads the engine, HTTP and SQLite classes, `import` far fewer), later runs of that command map
# it instead of loading them again (~0.3 s off the start of `clp run`). The archive is written under a temporary name
# and kept only when the command completed (exit code 0, or 1 from a run with failing tests), so an aborted first run
# does not leave a partial one.
# Help and version calls record nothing. CLP_CDS=off skips it; a stale or foreign archive is ignored by the JVM, and
# its messages are silenced.
if [ "${CLP_CDS:-on}" != "off" ]; then
  jdk="$(basename "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")"
  cmd="${1:-none}"
  [[ "$cmd" =~ ^[a-z][a-z-]*$ ]] || cmd=other
  record=1
  model="${CLP_MODEL:-}"
  prev=""
  for arg in "$@"; do
    case "$arg" in
      -h|--help|-V|--version) record=0 ;;  # help loads little: not a model of a run
      -Dclp.model=*|-D=clp.model=*) model="${arg#*clp.model=}" ;;
      clp.model=*) if [ "$prev" = "-D" ]; then model="${arg#clp.model=}"; fi ;;
    esac
    prev="$arg"
  done
  # a run of the in-process simulator loads no HTTP or SQLite classes: it gets an archive of its own, so that a
  # first run on the simulator does not leave later runs against a real model with an archive without them
  if [ "$cmd" = run ]; then case "$model" in ""|sim:*) cmd=run-sim ;; esac; fi
  # the archive holds the jars' absolute paths, and the JVM ignores it, silently, in a checkout moved or copied
  # elsewhere ("shared class paths mismatch"; a warm rerun of the published pairs without it: CPU median 3.19 s
  # against 2.94 s, 5 interleaved runs each); its name carries the checkout's path, so such a checkout records its own
  where="$(printf '%s' "$root" | cksum | cut -d' ' -f1)"
  jsa="$root/probes/target/clp-$jdk-$cmd-$where.jsa"
  opts+=(-Xlog:cds=off -Xlog:cds+dynamic=off)
  if [ -f "$jsa" ] && [ "$jsa" -nt "$jar" ]; then
    opts+=("-XX:SharedArchiveFile=$jsa")
  elif [ "$record" = 1 ]; then
    # this command's archives of other paths (and the unnamed one of earlier versions); run-sim's are not run-'s
    rm -f "$root/probes/target/clp-$jdk-$cmd.jsa" "$root/probes/target/clp-$jdk-$cmd-"[0-9]*.jsa
    tmp="$jsa.$$.tmp"
    trap 'rm -f "$tmp"' EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    status=0
    java "${opts[@]}" "-XX:ArchiveClassesAtExit=$tmp" -jar "$jar" "$@" || status=$?
    # 0, or 1 from a run whose tests failed: the command went through; other statuses mean it stopped early
    if { [ "$status" = 0 ] || { [ "$status" = 1 ] && [[ "$cmd" == run* ]]; }; } && [ -s "$tmp" ]; then
      mv -f "$tmp" "$jsa"
    fi
    exit "$status"
  fi
fi
exec java "${opts[@]}" -jar "$jar" "$@"
