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
opts=(${CLP_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx512m})
# Class data sharing: the first run after a build records the classes it loads into an archive (per JDK), later runs
# map it instead of loading the classes again (~0.3 s of a 1.8 s start). CLP_CDS=off skips it; a stale or foreign
# archive is ignored by the JVM, and its messages are silenced.
if [ "${CLP_CDS:-on}" != "off" ]; then
  jdk="$(basename "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")"
  jsa="$root/probes/target/clp-$jdk.jsa"
  if [ -f "$jsa" ] && [ "$jsa" -nt "$jar" ]; then
    opts+=(-Xlog:cds=off -Xlog:cds+dynamic=off "-XX:SharedArchiveFile=$jsa")
  else
    rm -f "$jsa"
    opts+=(-Xlog:cds=off -Xlog:cds+dynamic=off "-XX:ArchiveClassesAtExit=$jsa")
  fi
fi
exec java "${opts[@]}" -jar "$jar" "$@"
