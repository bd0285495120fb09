#!/usr/bin/env bash
# Start-up benchmark (docs/performance.md, "Start-up"): time from spawning a fresh JVM until its
# first window is on screen and painted, for Kora's sign-in screen and for a bare JavaFX window
# (bench/BareWindow.java) in the same run, alternating the two so that both see the same load.
#
#   bench/startup.sh [RUNS]        RUNS fresh JVMs of each program (default 7)
#
# Needs: JDK 17, Maven, xdotool, ImageMagick (import), and Xvfb when DISPLAY is unset.
# KORA_BENCH_SKIP_BUILD=1 skips the Maven build (target/kora.jar must be up to date).
# KORA_BENCH_LAUNCHER=/opt/kora/bin/Kora times the installed program instead of `java -jar
# target/kora.jar` (docs/performance.md, "Start-up of the installed program"); the bare window is
# the same either way.
#
# Two moments are taken per launch, both from outside the process:
#   mapped  - xdotool sees the window mapped (visible);
#   painted - an ImageMagick grab of the window first shows something other than one flat
#             colour, i.e. the first frame is on screen. This is "usable", and the ratio uses it.
set -euo pipefail

runs=${1:-7}
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [RUNS]" >&2; exit 2; }

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

work=$(mktemp -d "${TMPDIR:-/tmp}/kora-startup.XXXXXX")
xvfb_pid=""
app_pid=""

cleanup() {
    if [[ -n $app_pid ]]; then kill -9 "$app_pid" 2>/dev/null || true; fi
    if [[ -n $xvfb_pid ]]; then kill "$xvfb_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
alive() { local state; state=$(ps -o stat= -p "$1" 2>/dev/null) && [[ $state != Z* ]]; }

# --- build -------------------------------------------------------------------------------
if [[ ${KORA_BENCH_SKIP_BUILD:-0} != 1 ]]; then
    echo "building (mvn -q -B package -DskipTests) ..." >&2
    mvn -q -B package -DskipTests >&2
fi
[[ -f target/kora.jar ]] || { echo "target/kora.jar is missing" >&2; exit 1; }
launcher=${KORA_BENCH_LAUNCHER:-}
if [[ -n $launcher ]]; then
    [[ -x $launcher ]] || { echo "KORA_BENCH_LAUNCHER=$launcher is not a program" >&2; exit 1; }
    kora_command=("$launcher")
else
    kora_command=(java -jar target/kora.jar)
fi
fx_jars=$(ls target/lib/javafx-*-linux.jar | paste -sd:)
mkdir -p target/bench
javac -d target/bench -cp "$fx_jars" bench/BareWindow.java

# --- a database for the sign-in screen ---------------------------------------------------
export KORA_HOME="$work/home"
mkdir -p "$KORA_HOME"
database="$KORA_HOME/kora.mv.db"
"${kora_command[@]}" demo --db "$database" >"$work/demo.log" 2>&1 \
    || { cat "$work/demo.log" >&2; echo "cannot create the demo database" >&2; exit 1; }

# --- a display ---------------------------------------------------------------------------
if [[ -z ${DISPLAY:-} ]]; then
    display=77
    while [[ -e /tmp/.X$display-lock ]]; do display=$((display + 1)); done
    Xvfb ":$display" -screen 0 1600x1000x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
    xvfb_pid=$!
    export DISPLAY=":$display"
    for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
    xdotool getdisplaygeometry >/dev/null 2>&1 || { cat "$work/xvfb.log" >&2; exit 1; }
fi

# --- one launch --------------------------------------------------------------------------
# launch TITLE COMMAND... : sets mapped_ms and painted_ms (from spawn), then kills the program.
# On a busy machine an X connection is now and then refused ("Can't open display"); a launch
# that ends without a window is therefore tried again, twice at most, and says so.
launch() {
    local attempt
    for attempt in 1 2 3; do
        try_launch "$@" && return
        echo "\"$1\" ended without a window (attempt $attempt); its output:" >&2
        cat "$work/app.log" >&2
    done
    exit 1
}

try_launch() {
    local title=$1; shift
    local start id mapped painted spread
    start=$(now_ms)
    "$@" >"$work/app.log" 2>&1 &
    app_pid=$!
    # Poll rather than --sync, which gives up at once when it cannot connect. --pid: only this
    # launch's window, never a dying one of the last launch or one of another program.
    id=""
    while [[ -z $id ]]; do
        id=$(xdotool search --onlyvisible --pid "$app_pid" --name "^$title\$" 2>/dev/null | head -n 1) || true
        [[ -n $id ]] && break
        if ! alive "$app_pid"; then wait "$app_pid" 2>/dev/null || true; app_pid=""; return 1; fi
        (( $(now_ms) - start < 120000 )) || { echo "no window \"$title\" within 120 s" >&2; exit 1; }
        sleep 0.05
    done
    mapped=$(now_ms)
    # Before its first frame the window is one flat colour (standard deviation 0).
    while :; do
        # timeout: a grab that hangs would hold the X server and stall every later launch.
        spread=$(timeout 10 import -window "$id" -colorspace gray -format '%[fx:standard_deviation]' info: 2>/dev/null) \
            || spread=0
        [[ $spread != 0 ]] && break
        alive "$app_pid" || { echo "\"$title\" ended before painting:" >&2; cat "$work/app.log" >&2; exit 1; }
        (( $(now_ms) - start < 120000 )) || { echo "\"$title\" never painted" >&2; exit 1; }
    done
    painted=$(now_ms)
    kill "$app_pid" 2>/dev/null || true
    for _ in $(seq 50); do alive "$app_pid" || break; sleep 0.1; done
    kill -9 "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
    mapped_ms=$((mapped - start)) painted_ms=$((painted - start))
}

kora() { launch Kora "${kora_command[@]}" --db "$database"; }
bare() { launch Bare java -cp "target/bench:$fx_jars" BareWindow; }

# One unrecorded pair first: fills the page cache and JavaFX's native-library cache
# (~/.openjfx/cache), which only the very first launch on a machine pays.
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "warming up ..." >&2
kora
bare

kora_mapped=() kora_painted=() bare_mapped=() bare_painted=()
for ((i = 1; i <= runs; i++)); do
    # Alternate which program goes first, so that a drift in load hits both alike.
    if (( i % 2 )); then order=(kora bare); else order=(bare kora); fi
    for program in "${order[@]}"; do
        "$program"
        if [[ $program == kora ]]; then kora_mapped+=("$mapped_ms") kora_painted+=("$painted_ms")
        else bare_mapped+=("$mapped_ms") bare_painted+=("$painted_ms"); fi
    done
    echo "run $i/$runs: Kora ${kora_painted[-1]} ms, bare ${bare_painted[-1]} ms" >&2
done

# --- report ------------------------------------------------------------------------------
secs() { awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1000 }'; }
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
minimum() { printf '%s\n' "$@" | sort -n | head -n 1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

fx_version=$(basename "$(ls target/lib/javafx-base-*-linux.jar)" | sed 's/^javafx-base-//; s/-linux.jar$//')
echo
echo "Start-up, $runs fresh JVMs each, seconds from spawn (painted = first frame on screen)"
echo
echo "Kora: ${kora_command[*]} --db …; bare: java -cp target/bench:<javafx-*-linux jars> BareWindow"
echo
echo "machine: $(nproc) cores, $(grep -m 1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/^Mem:/ { print $2 }') GiB;" \
    "$(java -version 2>&1 | head -n 1); JavaFX $fx_version;" \
    "load average before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| run | Kora mapped | Kora painted | bare mapped | bare painted |"
echo "|---:|---:|---:|---:|---:|"
for ((i = 0; i < runs; i++)); do
    echo "| $((i + 1)) | $(secs "${kora_mapped[i]}") | $(secs "${kora_painted[i]}") | $(secs "${bare_mapped[i]}") | $(secs "${bare_painted[i]}") |"
done
echo
km=$(median "${kora_mapped[@]}") kp=$(median "${kora_painted[@]}")
bm=$(median "${bare_mapped[@]}") bp=$(median "${bare_painted[@]}")
kmin=$(minimum "${kora_painted[@]}") bmin=$(minimum "${bare_painted[@]}")
echo "| | Kora | bare | Kora / bare |"
echo "|---|---:|---:|---:|"
echo "| median, painted (usable) | $(secs "$kp") | $(secs "$bp") | **$(ratio "$kp" "$bp")×** |"
echo "| min, painted | $(secs "$kmin") | $(secs "$bmin") | $(ratio "$kmin" "$bmin")× |"
echo "| median, mapped | $(secs "$km") | $(secs "$bm") | $(ratio "$km" "$bm")× |"
echo
if [[ -n $launcher ]]; then
    echo "target: installed Kora / bare ≤ 1.3× (median, painted)"
else
    echo "target: Kora / bare ≤ 1.5× (median, painted)"
fi
