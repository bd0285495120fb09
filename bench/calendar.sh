#!/usr/bin/env bash
# Rotation calendar benchmarks (docs/performance.md, "Rotation calendar"): the store's read of the
# calendar, cold and warm, and the calendar screen's frame times while it scrolls.
#
#   bench/calendar.sh [SIZE...]     trainees per database (default: 1000 10000)
#
# For each size: creates a database with LargeProgram (kept in $KORA_BENCH_DATA, default
# target/calendar-bench, and reused when it is there), then
#   - 5 fresh JVMs timing the first CalendarDao.rows() and 5 the first CalendarService.load();
#   - one JVM timing 20 of each after 10 unrecorded rounds (medians);
#   - CalendarFrameBench: the calendar screen in a 1280x820 window, scrolled for 5 s.
# The load average is printed before each step: on a shared machine, compare figures only
# with the load they were taken under.
#
# Needs: JDK 17, Maven, and Xvfb when DISPLAY is unset (started on a display of its own).
# KORA_BENCH_SKIP_BUILD=1 skips the Maven build; MVN_FLAGS passes flags to Maven (e.g. -o);
# FRAME_JAVA_OPTS passes JVM options to the frame benchmark (e.g. -Xmx100m).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1000 10000)
data=${KORA_BENCH_DATA:-$root/target/calendar-bench}
mkdir -p "$data"
xvfb_pid=""
cleanup() {
    if [[ -n $xvfb_pid ]]; then kill "$xvfb_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT

load() { echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; }

if [[ ${KORA_BENCH_SKIP_BUILD:-0} != 1 ]]; then
    echo "building (mvn -Pbench test-compile) ..." >&2
    # shellcheck disable=SC2086
    mvn ${MVN_FLAGS:-} -q -B -Pbench test-compile dependency:build-classpath \
        -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
fi
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
run() { java -Dkora.passwordIterations=1000 -cp "$cp" "$@" 2>/dev/null; }

if [[ -z ${DISPLAY:-} ]]; then
    display=:$((60 + RANDOM % 30))
    Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    export DISPLAY=$display
    sleep 1
fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
for size in "${sizes[@]}"; do
    db="$data/calendar-$size"
    if [[ ! -f $db.mv.db ]]; then
        load
        run org.kora.service.LargeProgram "$db" "$size"
    fi
    echo "## $size trainees"
    load
    for mode in cold-rows cold-load; do
        for _ in 1 2 3 4 5; do
            run org.kora.service.CalendarLoadBench "$db" "$mode"
        done
    done
    load
    run org.kora.service.CalendarLoadBench "$db" warm 20
    load
    # shellcheck disable=SC2086
    java -Dkora.passwordIterations=1000 ${FRAME_JAVA_OPTS:-} -cp "$cp" org.kora.ui.calendar.CalendarFrameBench "$db" 5 24 zh \
        2>/dev/null
    load
done
