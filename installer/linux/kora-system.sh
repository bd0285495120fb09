#!/bin/sh
# What Kora's .deb and .rpm do on the system beyond unpacking files: run by their scripts as root,
# from /opt/kora/lib/kora-system.sh (installer/build.sh puts it there).
#
#   kora-system.sh installed   the menu's icons in every size, and the class-data archive
#   kora-system.sh removing    takes both away again (before the files go)
#
# The class-data archive (docs/decisions/0023-class-data-sharing.md) is made here, on the machine,
# because JDK 17 accepts an archive only for the exact paths, sizes and times of the jars it was
# made from: lib/app/kora.classlist (the classes a start of Kora loads, recorded when the package
# was built) is read by a dump through the installed bin/kora itself, so that the archive matches
# the class path it (and jpackage's bin/Kora, which has the same) uses; their -XX:SharedArchiveFile
# names lib/app/kora.jsa.
# A failure costs only start-up time: Kora starts without the archive.
set -u

root=/opt/kora
archive=$root/lib/app/kora.jsa
classes=$root/lib/app/kora.classlist
sizes="16 24 32 48 64 128 256 512"

icons() {
    action=$1
    for size in $sizes; do
        icon=$root/lib/icons/kora-$size.png
        if [ "$action" = install ]; then
            xdg-icon-resource install --noupdate --novendor --context apps --size "$size" "$icon" kora
            xdg-icon-resource install --noupdate --novendor --context mimetypes --size "$size" "$icon" application-x-kora-backup
        else
            xdg-icon-resource uninstall --noupdate --context apps --size "$size" kora
            xdg-icon-resource uninstall --noupdate --context mimetypes --size "$size" application-x-kora-backup
        fi
    done
    xdg-icon-resource forceupdate || true
}

case "${1:-}" in
    installed)
        icons install || echo "Kora: the menu icons could not be installed" >&2
        rm -f "$archive"
        log=$(mktemp)
        if JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$classes" "$root/bin/kora" >"$log" 2>&1 \
                && [ -s "$archive" ]; then
            chmod 644 "$archive"
            echo "Kora: class-data archive made ($(du -h "$archive" | cut -f1))"
        else
            rm -f "$archive"
            echo "Kora: no class-data archive, Kora starts without it; the dump said:" >&2
            tail -n 20 "$log" >&2
        fi
        rm -f "$log"
        ;;
    removing)
        rm -f "$archive"
        icons uninstall || true
        ;;
    *)
        echo "usage: $0 installed|removing" >&2
        exit 2
        ;;
esac
exit 0
