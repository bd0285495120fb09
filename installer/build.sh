#!/usr/bin/env bash
# Builds Kora's native packages on the system it runs on (README, "Install"): Linux .deb and .rpm,
# Windows .msi (needs WiX 3 on the PATH), macOS .dmg. The one entry point; Maven does not call it.
#
#   installer/build.sh [--type deb|rpm|msi|dmg]... [--skip-maven]
#
#   --type        only these packages (default: every one of this system: deb rpm / msi / dmg)
#   --skip-maven  use target/kora.jar and target/lib as they are (CI, after `mvn -B verify`)
#
# Needs a JDK 17+ with its jmods (Debian: openjdk-17-jdk-headless), Maven, and for .deb fakeroot,
# for .rpm rpmbuild. On Linux the training run shows the window: it uses $DISPLAY, or starts Xvfb.
# MVN_FLAGS is passed to Maven (e.g. -o). DPKG_DEB_COMPRESSOR_TYPE=gzip makes the .deb faster to
# build and larger (CI). Output in target/installer/: the packages; runtime/ and image/ on the way.
#
# 1. mvn package: target/kora.jar and its libraries in target/lib (the same files `java -jar` runs).
# 2. jlink: a runtime of the JDK modules Kora uses and JavaFX's modules, from the JavaFX Maven jars
#    of this system (javafx-*-linux|win|mac.jar) on the module path; JavaFX's native libraries are
#    copied into the runtime, so that nothing is unpacked into the user's home; the runtime gets its
#    base class-data archive (--generate-cds-archive).
# 3. jpackage --type app-image: the launcher "Kora" with the jars on the class path (org.kora.Main
#    is not an Application subclass) and the JVM options of pom.xml's kora.jvm.exports.
# 4. Linux: a training run of that launcher records the classes a start loads up to a usable
#    sign-in screen (lib/app/kora.classlist), from which the package's install step makes the
#    class-data archive (docs/decisions/0023-class-data-sharing.md).
# 5. jpackage --type deb|rpm|msi|dmg --app-image with installer/<system>/*.args.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

fail() { echo "installer/build.sh: $*" >&2; exit 1; }

types=()
skip_maven=0
while [[ $# -gt 0 ]]; do
    case $1 in
        --type) [[ $# -ge 2 ]] || fail "--type needs deb, rpm, msi or dmg"; types+=("$2"); shift 2 ;;
        --skip-maven) skip_maven=1; shift ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
        *) fail "unknown argument: $1 (see --help)" ;;
    esac
done

case "$(uname -s)" in
    Linux) system=linux; all_types=(deb rpm); fx_natives='\.so$'; natives_dir=lib; path_separator=: ;;
    Darwin) system=macos; all_types=(dmg); fx_natives='\.dylib$'; natives_dir=lib; path_separator=: ;;
    MINGW*|MSYS*|CYGWIN*) system=windows; all_types=(msi); fx_natives='\.dll$'; natives_dir=bin; path_separator=';' ;;
    *) fail "no packages for $(uname -s)" ;;
esac
[[ ${#types[@]} -gt 0 ]] || types=("${all_types[@]}")
for type in "${types[@]}"; do
    [[ " ${all_types[*]} " == *" $type "* ]] || fail "$type cannot be built on $system (here: ${all_types[*]})"
done

# --- the JDK -------------------------------------------------------------------------------
java_home=${JAVA_HOME:-$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p')}
for tool in java jlink jpackage jar; do
    [[ -x $java_home/bin/$tool || -x $java_home/bin/$tool.exe ]] || fail "$java_home has no $tool: a full JDK 17+ is needed"
done
[[ -d $java_home/jmods ]] || fail "$java_home/jmods is missing (Debian: apt-get install openjdk-17-jdk-headless)"
java_major=$("$java_home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
(( java_major >= 17 )) || fail "JDK $java_major is too old: jlink --generate-cds-archive needs 17+"

# --- 1. the application ----------------------------------------------------------------------
if [[ $skip_maven == 0 ]]; then
    echo "== mvn package" >&2
    # shellcheck disable=SC2086 # MVN_FLAGS holds separate words
    mvn -B -q ${MVN_FLAGS:-} package -DskipTests
fi
[[ -f target/kora.jar && -d target/lib ]] || fail "target/kora.jar or target/lib is missing: run without --skip-maven"
version=$(sed -n 's/^version=//p' target/classes/org/kora/app/version.properties)
[[ -n $version ]] || fail "no version in target/classes/org/kora/app/version.properties"
# Package formats want numbers only (an .msi three of them): 0.2.0-SNAPSHOT is packaged as 0.2.0.
package_version=${version%%-*}
jvm_exports=$(sed -n 's:.*<kora.jvm.exports>\(.*\)</kora.jvm.exports>.*:\1:p' pom.xml)
description=$(grep -m 1 '<description>' pom.xml | sed 's:.*<description>\(.*\)</description>.*:\1:')
[[ -n $jvm_exports && -n $description ]] || fail "kora.jvm.exports or the description is missing from pom.xml"

out=target/installer
rm -rf "$out"
mkdir -p "$out/input/lib" "$out/args"

# JavaFX: the jars with this system's classifier (javafx-base-21.0.12-linux.jar) go into the
# runtime; the classifier-less ones are empty stand-ins. Every other jar is the class path.
fx_jars=()
while IFS= read -r jar; do fx_jars+=("$jar"); done < <(ls target/lib/javafx-*.jar | grep -E '/javafx-[a-z]+-[0-9][^-]*-[a-z0-9-]+\.jar$')
[[ ${#fx_jars[@]} -gt 0 ]] || fail "no JavaFX jars with a system classifier in target/lib"
cp target/kora.jar "$out/input/"
for jar in target/lib/*.jar; do
    [[ $(basename "$jar") == javafx-* ]] || cp "$jar" "$out/input/lib/"
done

# installer/<system>/<name>.args without the comment lines (jpackage reads them as @files)
args() {
    local file=installer/$system/$1.args
    [[ -f $file ]] || return 0
    grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$file" > "$out/args/$1.args" || true
    if [[ -s $out/args/$1.args ]]; then echo "@$out/args/$1.args"; fi
}

# --- 2. the runtime ----------------------------------------------------------------------------
# java.desktop: Java2D shapes Tibetan for the PDFs; java.sql: H2, Flyway, Jdbi; java.xml: FXML,
# .xlsx; java.naming, java.management, java.scripting, java.compiler, java.instrument, jdk.net:
# H2 and logback refer to them (jdeps); jdk.jfr: Jdbi's events; jdk.unsupported: libraries that
# use sun.misc.Unsafe; jdk.charsets: GB18030/GBK imports; jdk.localedata: Chinese dates, with only
# the two languages Kora speaks.
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming
modules+=,java.scripting,java.sql,java.xml,jdk.charsets,jdk.jfr,jdk.localedata,jdk.net,jdk.unsupported
modules+=,javafx.controls,javafx.fxml
echo "== jlink" >&2
module_path=$java_home/jmods
for jar in "${fx_jars[@]}"; do module_path+=$path_separator$jar; done
"$java_home/bin/jlink" --module-path "$module_path" --add-modules "$modules" --include-locales=en,zh \
    --strip-debug --no-header-files --no-man-pages \
    --generate-cds-archive --output "$out/runtime" >&2
# the archive for -XX:-UseCompressedOops (heaps over 32 GB) is never used by Kora
rm -f "$out"/runtime/lib/server/classes_nocoops.jsa
# JavaFX looks for its native libraries in the runtime first (lib/, bin/ on Windows); without them
# there it would unpack them from its jars into ~/.openjfx/cache on every user's first start.
for jar in "${fx_jars[@]}"; do
    jar_path=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
    libraries=()
    while IFS= read -r library; do libraries+=("$library"); done < <("$java_home/bin/jar" tf "$jar" | grep -E "^[^/]+$fx_natives" || true)
    if [[ ${#libraries[@]} -gt 0 ]]; then
        (cd "$out/runtime/$natives_dir" && "$java_home/bin/jar" xf "$jar_path" "${libraries[@]}")
    fi
done

# --- 3. the app image --------------------------------------------------------------------------
echo "== jpackage app-image" >&2
common=(--name Kora --app-version "$package_version" --vendor "Kora project"
        --description "$description" --copyright "Copyright Kora project")
"$java_home/bin/jpackage" --type app-image --dest "$out/image" "${common[@]}" \
    --input "$out/input" --main-jar kora.jar --main-class org.kora.Main \
    --runtime-image "$out/runtime" --java-options "$jvm_exports" $(args app-image)
if [[ $system == macos ]]; then image=$out/image/Kora.app; app_dir=$image/Contents/app; else image=$out/image/Kora; app_dir=$image/lib/app; fi
[[ $system == windows ]] && app_dir=$image/app
[[ -d $app_dir ]] || fail "jpackage made no $app_dir"

# --- 4. Linux: the start script, the training run, icons and install step ------------------------
if [[ $system == linux ]]; then
    # bin/kora starts the same JVM as jpackage's bin/Kora, with the class path and options of its
    # Kora.cfg (the same class path, so the same class-data archive fits both), but without the
    # package-manager queries (rpm -qf, dpkg -S, dpkg -L, each twice) that JDK 17's launcher makes
    # at every start once it is installed from a package: 0.2–0.5 s on a busy two-core PC
    # (docs/decisions/0023-class-data-sharing.md). The menu entry and double-clicked files use it.
    cfg=$app_dir/Kora.cfg
    main_class=$(sed -n 's/^app.mainclass=//p' "$cfg")
    class_path=$(sed -n 's/^app.classpath=//p' "$cfg" | paste -sd: -)
    {
        echo '#!/bin/sh'
        echo '# Starts Kora: the JVM of bin/Kora (lib/app/Kora.cfg), without its launcher. Made by installer/build.sh.'
        echo 'root=$(dirname "$(dirname "$(readlink -f "$0")")")'
        echo 'APPDIR=$root/lib/app'
        printf 'exec "$root/lib/runtime/bin/java"'
        while IFS= read -r option; do printf ' "%s"' "$option"; done < <(sed -n '/^\[JavaOptions\]/,/^\[/s/^java-options=//p' "$cfg")
        printf ' -cp "%s" %s "$@"\n' "$class_path" "$main_class"
    } > "$image/bin/kora"
    chmod 755 "$image/bin/kora"
    grep -q 'SharedArchiveFile=$APPDIR/kora.jsa' "$image/bin/kora" || fail "bin/kora lacks the launcher's options"

    cp installer/linux/kora-system.sh "$image/lib/"
    mkdir -p "$image/lib/icons"
    for size in 16 24 32 48 64 128 256 512; do
        [[ -f icons/kora-$size.png ]] || fail "icons/kora-$size.png is missing"
        cp "icons/kora-$size.png" "$image/lib/icons/"
    done

    echo "== training run (records the classes of a start to the sign-in screen)" >&2
    training=$(mktemp -d "${TMPDIR:-/tmp}/kora-training.XXXXXX")
    xvfb_pid=""
    cleanup() {
        if [[ -n $xvfb_pid ]]; then kill "$xvfb_pid" 2>/dev/null || true; fi
        rm -rf "$training"
    }
    trap cleanup EXIT
    if [[ -z ${DISPLAY:-} ]]; then
        command -v Xvfb >/dev/null || fail "the training run needs a display: set DISPLAY or install xvfb"
        display=90
        while [[ -e /tmp/.X$display-lock ]]; do display=$((display + 1)); done
        Xvfb ":$display" -screen 0 1600x1000x24 -nolisten tcp >"$training/xvfb.log" 2>&1 &
        xvfb_pid=$!
        export DISPLAY=:$display
        sleep 2
    fi
    launcher=$image/bin/kora
    # a data folder and home of its own, so that nothing of the builder's is read or written
    KORA_HOME=$training/home HOME=$training "$launcher" demo --db "$training/training.mv.db" >"$training/demo.log" 2>&1 \
        || { cat "$training/demo.log" >&2; fail "the packed launcher could not create the demo database"; }
    classlist=$app_dir/kora.classlist
    # The cfg's -XX:SharedArchiveFile names an archive that does not exist yet: the JVM starts
    # without one (as it would anywhere the archive is missing) and lists every class it loads.
    if ! KORA_HOME=$training/home HOME=$training \
            JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$classlist -Dkora.startupTraining=true" \
            timeout 180 "$launcher" --db "$training/training.mv.db" --lang zh >"$training/run.log" 2>&1; then
        cat "$training/run.log" "$training/home/logs/kora.log" >&2 2>/dev/null || true
        fail "the training run did not end by itself (no window, or the database did not open)"
    fi
    # the run must have reached the sign-in screen and opened its database
    for class in org/kora/ui/login/LoginController org/kora/app/ServiceFactory org/h2/engine/Database \
            org/flywaydb/core/Flyway com/sun/javafx/tk/quantum/QuantumToolkit; do
        grep -q "^$class " "$classlist" || grep -q "^$class\$" "$classlist" \
            || fail "the training run never loaded $class: it did not reach the sign-in screen"
    done
    echo "   $(grep -vc '^#' "$classlist") classes and lambda forms recorded" >&2
    if [[ -d $training/.openjfx ]]; then fail "JavaFX unpacked its libraries into the home folder"; fi
fi

# --- 5. the packages ---------------------------------------------------------------------------
for type in "${types[@]}"; do
    echo "== jpackage $type" >&2
    extra=()
    [[ $system == linux ]] && extra+=($(args package))
    extra+=($(args "$type"))
    "$java_home/bin/jpackage" --type "$type" --app-image "$image" --dest "$out" "${common[@]}" ${extra[@]+"${extra[@]}"}
done
ls -l "$out"/*.deb "$out"/*.rpm "$out"/*.msi "$out"/*.dmg 2>/dev/null | sed 's/^/   /' >&2 || true
