#!/usr/bin/env bash
# wine.sh EXE [SETUP.exe]: the Windows build, run for real under Wine inside
# Xvfb, in a private Wine prefix that is thrown away afterwards. Checks:
#   - home draws (the screenshot is not blank);
#   - `--start breathing --pattern 4-6 --minutes 1` animates (two screenshots
#     differ), Esc stops it, and the session is in the diary file inside the
#     prefix (%APPDATA%\fyne\io.github.ontspan.ontspan\diary.db);
#   - `--tray` starts, says what it can show, and stops without a crash;
#   - all of it with no audio device (Wine finds no ALSA card here): the
#     tones fail quietly, nothing crashes;
#   - with SETUP: a silent install (/S) puts Ontspan.exe where the Start-menu
#     shortcut points, the installed app starts, and a silent uninstall
#     removes the app and keeps the diary.
# Wine 8 lacks bcryptprimitives.dll (ProcessPrng), which Go 1.24+ needs:
# the prefix gets the stand-in built from bcryptprimitives.c (BCRYPT below).
# Wine is slow to start the first time and now and then fails to: starting
# is retried, and every wait is generous. Fails loudly, with the logs.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
if [ "${1:-}" = --inner ]; then inner=1; shift; else inner=0; fi
exe=$(realpath "$1")
setup=${2:+$(realpath "$2")}
: "${BCRYPT:=$root/build/windows/bcryptprimitives.dll}"

# wine64 (Debian's package) has no `wine` on PATH unless `wine` is installed too.
wine=$(command -v wine64 || command -v wine || echo /usr/lib/wine/wine64)
wineserver=$(command -v wineserver64 || command -v wineserver || echo /usr/lib/wine/wineserver64)
export WINEDEBUG=-all
# No Mono/Gecko download prompts; no menu entries in the real desktop.
export WINEDLLOVERRIDES="mscoree,mshtml,winemenubuilder.exe=d"
export LANG=en_US.UTF-8

if [ $inner = 0 ]; then
  work=$(mktemp -d)
  export WORK=$work WINEPREFIX=$work/prefix HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share
  mkdir -p "$HOME"
  cleanup() { "$wineserver" -k 2>/dev/null || true; rm -rf "$work"; }
  trap cleanup EXIT
  fail() { echo "WINE CHECK FAILED: $*" >&2; for f in "$work"/*.log; do [ -f "$f" ] && { echo "--- $f" >&2; tail -40 "$f" >&2; }; done; exit 1; }
  [ -f "$BCRYPT" ] || fail "no $BCRYPT (make windows builds it)"
  echo "wine: a fresh prefix ($("$wine" --version))"
  t0=$(date +%s)
  ok=0
  for try in 1 2 3; do
    if timeout 180 "$wine" wineboot -i >"$work/wineboot.log" 2>&1 && timeout 120 "$wineserver" -w; then
      [ -d "$WINEPREFIX/drive_c/windows/system32" ] && { ok=1; break; }
    fi
    echo "wine: wineboot attempt $try failed, again"
    "$wineserver" -k 2>/dev/null || true
    rm -rf "$WINEPREFIX"
  done
  [ $ok = 1 ] || fail "wineboot could not make a prefix"
  cp "$BCRYPT" "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll"
  echo "wine: prefix ready in $(( $(date +%s) - t0 )) s"
  xvfb-run -a -n $((100 + RANDOM % 400)) -s "-screen 0 1024x800x24" "$0" --inner "$exe" ${setup:+"$setup"} || fail "see above"
  echo "wine: ok (screenshots in build/)"
  mkdir -p "$root/build"
  cp "$work/home.png" "$root/build/wine-home.png"
  cp "$work/b2.png" "$root/build/wine-breathing.png"
  exit 0
fi

# ---- inside Xvfb ----
work=$WORK
say() { echo "wine: $*"; }
die() { echo "WINE CHECK FAILED: $*" >&2; exit 1; }
user=$(id -un)
data="$WINEPREFIX/drive_c/users/$user/AppData/Roaming/fyne/io.github.ontspan.ontspan"

# find_window PID: print the id of the visible window titled Ontspan, within
# 60 s (Wine's first start of a process in a fresh prefix can take a while).
find_window() {
  for _ in $(seq 1 600); do
    wid=$(xdotool search --onlyvisible --name '^Ontspan$' 2>/dev/null | head -1)
    [ -n "$wid" ] && { echo "$wid"; return 0; }
    kill -0 "$1" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
# start LOG ARGS...: run the exe in the background, retrying when no window
# comes; sets pid and wid.
start() {
  local log=$1; shift
  for try in 1 2 3; do
    "$wine" "$exe" "$@" >"$work/$log" 2>&1 &
    pid=$!
    if wid=$(find_window $pid); then return 0; fi
    say "no window on try $try (exit: $(kill -0 $pid 2>/dev/null && echo running || { wait $pid; echo $?; }))"
    kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
    "$wineserver" -k 2>/dev/null; sleep 2
  done
  tail -20 "$work/$log" >&2
  return 1
}
# stop PID: ask the app to close like Windows does (WM_CLOSE, taskkill
# without /F), wait up to 30 s; sets rc (124 when it had to be killed).
stop() {
  "$wine" taskkill /IM "$(basename "$exe")" >/dev/null 2>&1 || true
  for _ in $(seq 1 300); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$1" 2>/dev/null; then kill -9 "$1"; wait "$1" 2>/dev/null; rc=124; return; fi
  wait "$1"; rc=$?
}
# key WID KEYS: focus the window and type with XTEST (Wine ignores the
# synthetic events `xdotool key --window` sends).
key() { xdotool windowfocus --sync "$1" 2>/dev/null || true; sleep 0.3; xdotool key "$2"; }
colours() { convert "$1" -format "%k" info:; }
changed() { local d; d=$(compare -metric AE "$1" "$2" null: 2>&1 || true); echo "${d%% *}"; }
nopanic() { ! grep -qiE "^panic|fatal error|goroutine [0-9]+ \[" "$work/$1" || { tail -30 "$work/$1" >&2; die "$2: Go crashed"; }; }

say "home"
t0=$(date +%s%N)
start home.log || die "home: no window"
say "window after $(( ($(date +%s%N) - t0) / 1000000 )) ms"
n=0
for _ in $(seq 1 30); do # the first frame can lag the window under Wine
  sleep 1
  import -window "$wid" "$work/home.png" 2>/dev/null || continue
  n=$(colours "$work/home.png")
  [ "$n" -gt 20 ] && break
done
[ "$n" -gt 20 ] || die "home is blank ($n colours)"
stop $pid
[ "$rc" = 0 ] || die "closing home: exit $rc"
nopanic home.log home
[ -f "$data/diary.db" ] || die "no diary.db in $data"

say "--start breathing --pattern 4-6 --minutes 1"
start breath.log --start breathing --pattern 4-6 --minutes 1 || die "breathing: no window"
sleep 2
import -window "$wid" "$work/b1.png"
sleep 3
import -window "$wid" "$work/b2.png"
d=$(changed "$work/b1.png" "$work/b2.png")
[ "${d:-0}" -gt 500 ] 2>/dev/null || die "the pacer did not move ($d pixels changed)"
# Esc stops: the screen leaves the pacer and nothing moves any more. The
# key is pressed again if the first one came before Wine gave the focus.
for try in 1 2 3; do
  key "$wid" Escape
  sleep 2
  import -window "$wid" "$work/b3.png"
  sleep 1.5
  import -window "$wid" "$work/b4.png"
  d=$(changed "$work/b3.png" "$work/b4.png")
  [ "${d:-1}" -lt 50 ] 2>/dev/null && break
  say "still moving after Esc ($d pixels changed), try $try"
done
[ "${d:-1}" -lt 50 ] 2>/dev/null || die "Esc: still animating after Esc ($d pixels changed)"
d=$(changed "$work/b2.png" "$work/b3.png")
[ "${d:-0}" -gt 500 ] 2>/dev/null || die "Esc: the screen did not change ($d pixels)"
stop $pid
[ "$rc" = 0 ] || die "closing after Esc: exit $rc"
nopanic breath.log breathing
# One 4-6 session, stopped early (not completed) after a few seconds.
row=$(sqlite3 "$data/diary.db" "SELECT variant, completed, actual > 2e9 AND actual < 50e9 FROM sessions WHERE technique = 'breathing'")
[ "$row" = "4-6|0|1" ] || { cat "$work/breath.log" >&2; die "Esc: want one stopped 4-6 session in the diary, have '$row'"; }
grep -qi "sharing violation" "$work"/*.log && die "a sharing violation was logged"

say "--tray"
"$wine" "$exe" --tray >"$work/tray.log" 2>&1 &
pid=$!
status=""
for _ in $(seq 1 300); do # the agent writes what it can show once it is up
  status=$(sqlite3 "$data/diary.db" "SELECT value FROM settings WHERE key = 'tray.status'" 2>/dev/null || true)
  case "$status" in ok|no-tray|no-notifications|none) break ;; esac
  kill -0 $pid 2>/dev/null || break
  sleep 0.2
done
kill -0 $pid 2>/dev/null || { wait $pid; die "--tray ended at once (exit $?)"; }
say "tray status: $status"
case "$status" in ok|no-tray|no-notifications) ;; *) die "--tray: status '$status'" ;; esac
sleep 2
kill -0 $pid 2>/dev/null || die "--tray died after starting"
stop $pid
[ "$rc" = 0 ] || die "--tray: exit $rc"
nopanic tray.log tray
[ -f "$data/tray.log" ] && ! grep -qiE "^panic|fatal error" "$data/tray.log" || die "tray.log: $(tail -5 "$data/tray.log")"

if [ -n "$setup" ]; then
  say "silent install: $(basename "$setup") /S"
  t0=$(date +%s%N)
  timeout 300 "$wine" "$setup" /S >"$work/setup.log" 2>&1 || die "the installer failed (exit $?)"
  say "installed in $(( ($(date +%s%N) - t0) / 1000000 )) ms"
  dir="$WINEPREFIX/drive_c/users/$user/AppData/Local/Programs/Ontspan"
  lnk="$WINEPREFIX/drive_c/users/$user/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Ontspan.lnk"
  [ -f "$dir/Ontspan.exe" ] || die "no Ontspan.exe in $dir"
  [ -f "$dir/Uninstall.exe" ] || die "no uninstaller in $dir"
  [ -f "$lnk" ] || die "no Start-menu shortcut"
  # A .lnk keeps its target as a Windows path (UTF-16 or ANSI); it must be
  # where the installer put the exe.
  strings -a "$lnk" | grep -qi 'Programs\\Ontspan\\Ontspan.exe' || strings -a -el "$lnk" | grep -qi 'Programs\\Ontspan\\Ontspan.exe' ||
    die "the shortcut does not point at the installed exe: $(strings -a "$lnk" | tr '\n' ' ')"
  exe="$dir/Ontspan.exe"
  say "the installed app starts"
  start installed.log || die "the installed app shows no window"
  stop $pid
  [ "$rc" = 0 ] || die "closing the installed app: exit $rc"
  say "silent uninstall keeps the diary"
  # The uninstaller copies itself to %TEMP% and returns at once: wait for
  # the folder to go.
  timeout 120 "$wine" "$dir/Uninstall.exe" /S >"$work/uninstall.log" 2>&1 || die "the uninstaller failed"
  for _ in $(seq 1 300); do [ -e "$dir/Ontspan.exe" ] || break; sleep 0.2; done
  [ -e "$dir/Ontspan.exe" ] && die "the uninstaller left Ontspan.exe"
  [ -e "$lnk" ] && die "the uninstaller left the shortcut"
  [ -f "$data/diary.db" ] || die "the uninstaller removed the diary"
fi
exit 0
