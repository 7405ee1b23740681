#!/usr/bin/env bash
# check.sh PACKAGE.deb: the .deb as a user gets it. Its files are all there,
# the desktop entry and the AppStream file validate, its version is
# FyneApp.toml's, apt can resolve its dependencies here; installed into a
# throw-away root, the app starts from the desktop entry's Exec line under
# Xvfb and shows its window. With CI=1 as root (.ci/run, a throw-away
# machine) it is also installed for real with apt-get, started, and removed.
set -euo pipefail
cd "$(dirname "$0")/../.."
deb=$(realpath "$1")
id=io.github.ontspan.ontspan
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "DEB CHECK FAILED: $*" >&2; for f in "$work"/*.log; do [ -f "$f" ] && { echo "--- $f" >&2; tail -30 "$f" >&2; }; done; exit 1; }

echo "deb: contents"
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$work/files"
for f in /usr/bin/ontspan /usr/share/applications/$id.desktop /usr/share/metainfo/$id.metainfo.xml \
  /usr/share/icons/hicolor/scalable/apps/$id.svg /usr/share/doc/ontspan/copyright; do
  grep -qx "$f" "$work/files" || fail "$f is missing"
done
for s in 16 24 32 48 64 128 256 512; do
  grep -qx "/usr/share/icons/hicolor/${s}x${s}/apps/$id.png" "$work/files" || fail "no ${s}x${s} icon"
done
version=$(sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "the .deb's version is not FyneApp.toml's $version"

root="$work/root"
dpkg-deb -x "$deb" "$root"
echo "deb: desktop-file-validate, appstreamcli validate"
desktop-file-validate "$root/usr/share/applications/$id.desktop" || fail "the desktop entry does not validate"
appstreamcli validate --no-net "$root/usr/share/metainfo/$id.metainfo.xml" >"$work/appstream.log" 2>&1 || fail "the AppStream file does not validate"
grep -q "<release version=\"$version\"" "$root/usr/share/metainfo/$id.metainfo.xml" || fail "the AppStream file has no release $version"
grep -q "^## $version" CHANGELOG.md || fail "CHANGELOG.md has no section for $version"
icon=$(sed -n 's/^Icon=//p' "$root/usr/share/applications/$id.desktop")
[ -f "$root/usr/share/icons/hicolor/48x48/apps/$icon.png" ] || fail "the desktop entry's icon $icon is not in the package"
[ "$(stat -c %a "$root/usr/bin/ontspan")" = 755 ] || fail "/usr/bin/ontspan is not 755"

if command -v apt-get >/dev/null; then
  echo "deb: apt can resolve its dependencies"
  apt-get install -s -q "$deb" >"$work/apt.log" 2>&1 || fail "apt-get cannot install it here"
fi

# The first Exec line of [Desktop Entry], as a launcher would run it.
exec_line=$(awk '/^\[/{s=($0=="[Desktop Entry]")} s&&/^Exec=/{sub(/^Exec=/,""); print; exit}' "$root/usr/share/applications/$id.desktop")
[ -n "$exec_line" ] || fail "no Exec line"
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" ONTSPAN_DATA_DIR="$work/data" LANG=en_US.UTF-8
mkdir -p "$HOME"

cat >"$work/start.sh" <<'EOF'
#!/usr/bin/env bash
# start.sh LOG EXEC...: run EXEC, wait for its window, check it is not
# blank, close it with Ctrl+Q and want exit 0.
set -u
log=$1; shift
"$@" >"$log" 2>&1 &
pid=$!
wid=""
for _ in $(seq 1 300); do
  wid=$(xdotool search --onlyvisible --pid $pid 2>/dev/null | tail -1)
  [ -n "$wid" ] && break
  kill -0 $pid 2>/dev/null || { echo "it exited without a window"; exit 1; }
  sleep 0.1
done
[ -n "$wid" ] || { echo "no window within 30 s"; kill -9 $pid; exit 1; }
sleep 1
import -window "$wid" "$log.png"
n=$(convert "$log.png" -format "%k" info:)
[ "$n" -gt 20 ] || { echo "the window is blank ($n colours)"; exit 1; }
xdotool key --window "$wid" ctrl+q 2>/dev/null
for _ in $(seq 1 100); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
kill -0 $pid 2>/dev/null && { kill -9 $pid; echo "it did not close on Ctrl+Q"; exit 1; }
wait $pid || { echo "exit $?"; exit 1; }
EOF
chmod +x "$work/start.sh"

echo "deb: installed into a throw-away root, started as the desktop entry says: $exec_line"
# shellcheck disable=SC2086 # the Exec line is words, as a launcher splits it
PATH="$root/usr/bin:$PATH" XDG_DATA_DIRS="$root/usr/share:/usr/share" \
  xvfb-run -a -n $((100 + RANDOM % 400)) -s "-screen 0 1024x800x24" "$work/start.sh" "$work/root.log" $exec_line || fail "started from the throw-away root: see above"

if [ "${CI:-}" = 1 ] && [ "$(id -u)" = 0 ]; then
  echo "deb: CI: apt-get install, start /usr/bin/ontspan, apt-get remove"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q --no-install-recommends "$deb" >"$work/install.log" 2>&1 || fail "apt-get install"
  [ "$(command -v ontspan)" = /usr/bin/ontspan ] || fail "ontspan is not on PATH after install"
  # shellcheck disable=SC2086
  xvfb-run -a -n $((100 + RANDOM % 400)) -s "-screen 0 1024x800x24" "$work/start.sh" "$work/installed.log" $exec_line || fail "the installed app: see above"
  apt-get remove -y -q ontspan >"$work/remove.log" 2>&1 || fail "apt-get remove"
  [ ! -e /usr/bin/ontspan ] || fail "/usr/bin/ontspan is still there after remove"
fi
echo "deb: ok ($(du -h "$deb" | cut -f1))"
