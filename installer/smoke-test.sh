#!/usr/bin/env bash
# Smoke test of a built Kora .deb without installing it (CI; README, "Install"):
#
#   installer/smoke-test.sh target/installer/kora_<version>-1_amd64.deb
#
# Unpacks the package with dpkg-deb -x into a temporary folder and runs its own launcher there,
# with no display and a home and data folder of its own: --version (the pom's version), demo,
# export calendar --pdf (a PDF), and a usage error (exit 2). Also checks what the package declares:
# its version, the fonts and xdg-utils it depends on, the menu entry with its Chinese name and the
# backup file type, the install step, JavaFX's native libraries inside the runtime and the class
# list for the class-data archive. Exits non-zero at the first thing that is not so.
set -euo pipefail

[[ $# -eq 1 && -f $1 ]] || { echo "usage: $0 PACKAGE.deb" >&2; exit 2; }
deb=$1
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

work=$(mktemp -d "${TMPDIR:-/tmp}/kora-smoke.XXXXXX")
trap 'rm -rf "$work"' EXIT
checks=0
fail() { echo "smoke test FAILED: $*" >&2; exit 1; }
ok() { checks=$((checks + 1)); echo "ok - $*"; }

version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$root/pom.xml" | head -n 1)
[[ -n $version ]] || fail "no project version in pom.xml"

# --- what the package declares -------------------------------------------------------------------
[[ $(dpkg-deb -f "$deb" Package) == kora ]] || fail "the package is not named kora"
[[ $(dpkg-deb -f "$deb" Version) == "${version%%-*}-"* ]] || fail "package version $(dpkg-deb -f "$deb" Version), pom $version"
ok "package kora $(dpkg-deb -f "$deb" Version) (pom.xml: $version)"
depends=$(dpkg-deb -f "$deb" Depends | tr -d ' ' | tr ',' '\n')
for needed in fonts-wqy-microhei fonts-tibetan-machine xdg-utils libgtk-3-0; do
    grep -qx "$needed" <<<"$depends" || fail "the package does not depend on $needed"
done
ok "depends on fonts-wqy-microhei, fonts-tibetan-machine, xdg-utils, libgtk-3-0"

dpkg-deb -e "$deb" "$work/control"
grep -q 'mkdir -p /usr/share/desktop-directories' "$work/control/postinst" || fail "postinst does not make the menu folder"
grep -q 'xdg-desktop-menu install /opt/kora/lib/kora-Kora.desktop' "$work/control/postinst" || fail "postinst adds no menu entry"
grep -q '/opt/kora/lib/kora-system.sh installed' "$work/control/postinst" || fail "postinst makes no class-data archive"
grep -q '/opt/kora/lib/kora-system.sh removing' "$work/control/prerm" || fail "prerm leaves the class-data archive behind"
ok "postinst: menu folder, menu entry, icons and class-data archive; prerm takes them away"

dpkg-deb -x "$deb" "$work/root"
app=$work/root/opt/kora
desktop=$app/lib/kora-Kora.desktop
grep -qx 'Name=Kora' "$desktop" || fail "the menu entry is not named Kora"
grep -qx 'Name\[zh_CN\]=Kora 轮训管理' "$desktop" || fail "the menu entry has no Chinese name"
grep -qx 'Exec=/opt/kora/bin/kora %f' "$desktop" || fail "the menu entry does not pass a double-clicked file"
grep -qx 'MimeType=application/x-kora-backup;' "$desktop" || fail "the menu entry does not open Kora backups"
grep -q '<glob pattern="\*.korabackup">' "$app/lib/kora-Kora-MimeInfo.xml" || fail "no file type for .korabackup"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$desktop" || fail "desktop-file-validate refuses the menu entry"
fi
for size in 16 32 48 256; do [[ -s $app/lib/icons/kora-$size.png ]] || fail "no $size px icon"; done
ok "menu entry Kora / Kora 轮训管理, Office;MedicalSoftware;, opens .korabackup files; icons"

for library in libglass.so libglassgtk3.so libprism_sw.so libjavafx_font.so; do
    [[ -f $app/lib/runtime/lib/$library ]] || fail "$library is not in the runtime's lib/"
done
[[ -s $app/lib/runtime/lib/server/classes.jsa ]] || fail "the runtime has no base class-data archive"
grep -q '^org/kora/ui/login/LoginController' "$app/lib/app/kora.classlist" || fail "the class list does not reach the sign-in screen"
grep -qx 'java-options=-XX:SharedArchiveFile=$APPDIR/kora.jsa' "$app/lib/app/Kora.cfg" || fail "the launcher does not name the archive"
grep -qx 'java-options=--add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED' "$app/lib/app/Kora.cfg" \
    || fail "the launcher lacks ControlsFX's --add-exports"
grep -q -- '-XX:SharedArchiveFile=$APPDIR/kora.jsa' "$app/bin/kora" || fail "bin/kora does not name the archive"
grep -q -- '--add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED' "$app/bin/kora" || fail "bin/kora lacks the --add-exports"
ok "runtime with JavaFX's native libraries and a base archive; class list; options of bin/Kora and bin/kora"

# --- the packed launcher, headless ---------------------------------------------------------------
export HOME=$work/home KORA_HOME=$work/data
mkdir -p "$HOME"
unset DISPLAY

run() { # run EXPECTED_EXIT NAME COMMAND...: the launcher's output in $work/NAME.log
    local expected=$1 name=$2 status=0
    shift 2
    "$@" >"$work/$name.log" 2>&1 || status=$?
    [[ $status == "$expected" ]] || { cat "$work/$name.log" >&2; fail "$name: exit $status, expected $expected"; }
}

# jpackage's launcher, and bin/kora, which the menu entry runs (the same JVM, without the launcher)
for launcher in "$app/bin/Kora" "$app/bin/kora"; do
    run 0 version "$launcher" --version
    [[ $(cat "$work/version.log") == "Kora $version" ]] || fail "--version said '$(cat "$work/version.log")', pom.xml $version"
    ok "$(basename "$launcher") --version: $(cat "$work/version.log")"
    run 2 usage "$launcher" no-such-command
    ok "$(basename "$launcher"): a usage error exits 2"
done
launcher=$app/bin/Kora

run 0 demo "$launcher" demo --db "$work/d.mv.db"
[[ -s $work/d.mv.db ]] || fail "demo made no database"
ok "Kora demo --db $work/d.mv.db (bin/Kora)"

launcher=$app/bin/kora
KORA_PASSWORD=demo run 0 export "$launcher" export calendar --db "$work/d.mv.db" --user manager --lang zh \
    --from 2027-01 --to 2027-12 --pdf "$work/calendar.pdf"
[[ -s $work/calendar.pdf && $(head -c 5 "$work/calendar.pdf") == "%PDF-" ]] || fail "export calendar wrote no PDF"
ok "kora export calendar --pdf: $(wc -c <"$work/calendar.pdf") bytes, starts with %PDF- (bin/kora)"

KORA_PASSWORD=wrong run 1 refused "$launcher" export calendar --db "$work/d.mv.db" --user manager --pdf "$work/no.pdf"
[[ ! -e $work/no.pdf ]] || fail "a refused export wrote a file"
ok "a wrong password is refused (exit 1), nothing written"

[[ ! -e $HOME/.openjfx ]] || fail "JavaFX unpacked libraries into the home folder"
echo "smoke test passed: $checks checks ($deb)"
