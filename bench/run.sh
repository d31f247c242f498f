#!/usr/bin/env bash
# Benchmarks (issue 6): the same generated export through the floor (Jackson tokenizing), the textbook
# Camel route, the hub's validate path and its server path (file landed → drafts on the embedded broker),
# plus the latency of small files; the same records as a FHIR bulk export through Jackson (fhir-floor),
# HAPI's full parse (hapi) and the hub's FHIR paths (fhir-validate, fhir-server). Results and the
# machine: docs/benchmarks.md.
#
#   bench/run.sh                                  # 1M PIJN rows, every case
#   bench/run.sh --rows 5000000 --cases server    # the 5M memory check, -Xmx256m
#   bench/run.sh --dialect DUTCH --cases floor,validate,server
#   bench/run.sh --type VBI --cases floor,validate,server   # PIJN (default), VBI, NUCHTER;
#   bench/run.sh --type KWETSBAAR --cases server           # or ANTISTOLLING, DIAGNOSTIEK (issue 15: the server path)
#   bench/run.sh --repeat 5 --cases fhir-floor,hapi,fhir-validate,fhir-server   # FHIR against HAPI
#   bench/run.sh --cases hapi,fhir-pull            # a fhir-server run pulling the pain export from a HAPI server
#   bench/run.sh --jmh                            # JMH for the hot inner parts
#   bench/run.sh --scale [--instances 1,2,3] [--rows-per-hospital 200000]
#                                                 # 1, 2, 3 packaged hubs sharing six hospitals on one broker process
#   bench/run.sh --profile --cases server         # async-profiler over each case's measured window only:
#                                                 # bench/out/<case>.collapsed and bench/out/<case>.html
#   bench/run.sh -Dbench.liveLog=true --rows 5000000 --cases server --live-every-ms 1000
#                                                 # leading -D options: to the harness and every case's JVM
set -euo pipefail
cd "$(dirname "$0")/.."
JVM_OPTIONS=()
while [[ "${1:-}" == -D* ]]; do JVM_OPTIONS+=("$1"); shift; done
./mvnw -q -ntp -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
PROFILE=()
if [[ "${1:-}" == "--profile" ]]; then
  shift
  # async-profiler (Maven Central, native library for linux-x64 inside) on the class path of the cases.
  ./mvnw -q -ntp dependency:copy -Dartifact=tools.profiler:async-profiler:4.1:jar:linux-x64 -DoutputDirectory=target/bench-tools
  CP="$CP:$(ls target/bench-tools/async-profiler-*.jar)"
  PROFILE=(-Dbench.profile=bench/out)
  # perf events need this as root; without it async-profiler falls back to a coarser timer.
  [[ -w /proc/sys/kernel/perf_event_paranoid ]] && echo 1 > /proc/sys/kernel/perf_event_paranoid || true
fi
if [[ "${1:-}" == "--scale" ]]; then
  shift
  ./mvnw -q -ntp -DskipTests package
  exec java -Xmx512m -cp "$CP" nl.verbeterhub.bench.ScaleOut "$@"
fi
if [[ "${1:-}" == "--jmh" ]]; then
  shift
  exec java -cp "$CP" org.openjdk.jmh.Main "${@:-nl.verbeterhub.bench.jmh}" -f 1 -wi 3 -i 5 -w 2s -r 2s
fi
exec java -Xmx512m "${JVM_OPTIONS[@]}" "${PROFILE[@]}" -cp "$CP" nl.verbeterhub.bench.Benchmark "$@"
