#!/usr/bin/env bash
# Builds this outside project against the clp engine on each supported JUnit line, as a model team's own build
# would: installs harness-engine into the local Maven repository, then runs 'mvn test' here with JUnit 5.14 and 6.x
# and checks that the engine ran every language of the starter suite (not "Tests run: 0") and that the Surefire XML
# is what CI test reporters can read (SurefireReports.java).
#
#   examples/outside-project/check.sh [JUNIT_VERSION...]      (default: 5.14.1 6.1.3)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
versions=("$@"); [ ${#versions[@]} -gt 0 ] || versions=(5.14.1 6.1.3)
export CLP_ALLOW_SIMULATED=true
"$root/mvnw" -B -ntp -q -f "$root/pom.xml" install -DskipTests -pl harness-engine -am
for v in "${versions[@]}"; do
  rm -rf "$here/target"
  echo "outside project on JUnit $v:"
  "$root/mvnw" -B -ntp -q -f "$here/pom.xml" test -Djunit.version="$v"
  report="$(ls "$here"/target/surefire-reports/TEST-*.xml)"
  tests="$(grep -o 'tests="[0-9]*"' "$report" | head -1 | tr -dc 0-9)"
  failures="$(grep -o 'failures="[0-9]*"' "$report" | head -1 | tr -dc 0-9)"
  [ -f "$here/target/clp/run.json" ] || { echo "  no target/clp/run.json: the clp engine did not run" >&2; exit 1; }
  langs="$(grep -o '"lang" : "[a-z]*"' "$here/target/clp/run.json" | sort -u | wc -l)"
  engine_jar="$(grep -o "junit-platform-engine-[0-9.A-Z-]*\.jar" "$report" | head -1)"
  platform="$v"; [ "${v%%.*}" != 5 ] || platform="1.${v#5.}"   # JUnit 5.x ships platform 1.x
  [ "$engine_jar" = "junit-platform-engine-$platform.jar" ] \
    || { echo "  expected junit-platform-engine-$platform.jar on the test class path, found ${engine_jar:-none}" >&2; exit 1; }
  echo "  $tests tests, $failures failures, $langs languages in target/clp/run.json"
  [ "$tests" -gt 16 ] && [ "$langs" -ge 16 ] || { echo "  expected the 16 languages of the starter suite" >&2; exit 1; }
  # what a CI test reporter reads: counts that agree with the test cases, no two test cases of one name, no weak
  # pair reported as skipped
  java "$here/SurefireReports.java" "$here/target/surefire-reports"
done
