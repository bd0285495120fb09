#!/bin/sh
# Makes Kora's icon files from kora.svg (and kora-small.svg for 16 px):
# kora-<size>.png, kora.ico (Windows) and kora.icns (macOS), all in this folder.
# The output depends only on the SVGs and the tools' versions: a second run changes nothing.
set -eu
cd "$(dirname "$0")"

missing=""
command -v rsvg-convert >/dev/null 2>&1 || missing="$missing librsvg2-bin"
# A convert that is not ImageMagick's (or none) will not write an .ico.
convert -version 2>/dev/null | grep -q ImageMagick || missing="$missing imagemagick"
command -v png2icns >/dev/null 2>&1 || missing="$missing icnsutils"
if [ -n "$missing" ]; then
    echo "build.sh: missing Debian packages:$missing" >&2
    echo "install them with: apt-get install$missing" >&2
    exit 1
fi

# rsvg-convert writes no time or text chunks, so equal SVGs give equal PNGs.
rsvg-convert --width 16 --height 16 kora-small.svg --output kora-16.png
for size in 24 32 48 64 128 256 512 1024; do
    rsvg-convert --width "$size" --height "$size" kora.svg --output "kora-$size.png"
done

# ImageMagick stores the 256 px image as PNG inside the .ico; keep dates and text out of it.
convert kora-16.png kora-24.png kora-32.png kora-48.png kora-64.png kora-128.png kora-256.png \
    -strip -define png:exclude-chunks=date,time,text kora.ico

# png2icns takes the sizes macOS knows: 16, 32, 48, 128, 256, 512 and 1024.
png2icns kora.icns kora-16.png kora-32.png kora-48.png kora-128.png kora-256.png kora-512.png \
    kora-1024.png >/dev/null

echo "build.sh: made kora-{16,24,32,48,64,128,256,512,1024}.png, kora.ico and kora.icns"
