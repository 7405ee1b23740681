#!/usr/bin/env bash
# deb.sh BINARY OUT.deb: the Debian/Ubuntu package, built with dpkg-deb from
# the release binary, the desktop entry, the icons and the AppStream file.
# Version and architecture come from FyneApp.toml and dpkg.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$1 out=$2
version=$(sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
arch=$(dpkg --print-architecture)
id=io.github.ontspan.ontspan
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

install -Dm755 "$bin" "$root/usr/bin/ontspan"
install -Dm644 tools/linux/$id.desktop "$root/usr/share/applications/$id.desktop"
install -Dm644 tools/linux/$id.metainfo.xml "$root/usr/share/metainfo/$id.metainfo.xml"
for png in assets/icons/ontspan-*.png; do
  s=${png##*-}; s=${s%.png}
  install -Dm644 "$png" "$root/usr/share/icons/hicolor/${s}x${s}/apps/$id.png"
done
install -Dm644 assets/icon.svg "$root/usr/share/icons/hicolor/scalable/apps/$id.svg"
install -Dm644 LICENSE "$root/usr/share/doc/ontspan/copyright"
gzip -9n <CHANGELOG.md >"$root/usr/share/doc/ontspan/changelog.gz"
chmod 644 "$root/usr/share/doc/ontspan/changelog.gz"

# The libraries the binary links (readelf), named by their Debian packages.
# libasound2 was renamed libasound2t64 in Ubuntu 24.04 and Debian 13.
mkdir -p "$root/DEBIAN"
cat >"$root/DEBIAN/control" <<EOF
Package: ontspan
Version: $version
Architecture: $arch
Maintainer: The Ontspan authors <ontspan@users.noreply.github.com>
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: libc6, libgl1, libx11-6, libxcursor1, libxrandr2, libxinerama1, libxi6, libxxf86vm1, libasound2 | libasound2t64
Section: misc
Priority: optional
Homepage: https://github.com/ontspan/ontspan
Description: relaxation exercises and a private practice diary
 Ontspan teaches the relaxation techniques therapists use: an animated
 breathing pacer, progressive muscle relaxation, a body mini-check, a
 five-senses exercise and a worry notebook. Its practice diary stays on
 your own computer: the app makes no network connections.
EOF
mkdir -p "$(dirname "$out")"
dpkg-deb --root-owner-group -Zxz --build "$root" "$out" >/dev/null
echo "deb: $out ($(du -h "$out" | cut -f1))"
