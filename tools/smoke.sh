#!/usr/bin/env bash
# smoke.sh: the real app in a real (virtual) window. Builds the release
# binary, starts it under Xvfb, waits for its window, checks a screenshot is
# not blank, starts a breathing session from the command line and checks the
# pacer moves, closes the window with Ctrl+Q and wants exit status 0.
# Fails loudly, with the app's output, at the first thing that is wrong.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "smoke: building"
go build -tags no_emoji,migrated_fynedo -trimpath -ldflags="-s -w" -o "$work/ontspan" .

# A private home, so the test neither reads nor changes the user's settings.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" ONTSPAN_DATA_DIR="$work/data"
export LANG=en_US.UTF-8
mkdir -p "$HOME"

fail() { echo "SMOKE FAILED: $*" >&2; for f in "$work"/*.log; do [ -f "$f" ] && { echo "--- $f" >&2; cat "$f" >&2; }; done; exit 1; }

echo "smoke: --help and a missing display"
"$work/ontspan" --help >"$work/help.log" 2>&1 || fail "--help exited with an error"
grep -q -- "--start" "$work/help.log" || fail "--help does not list --start"
set +e
env -u DISPLAY -u WAYLAND_DISPLAY "$work/ontspan" >"$work/nodisplay.log" 2>&1; rc=$?
set -e
[ $rc -eq 1 ] || fail "without a display: exit $rc, want 1"
grep -q "no display" "$work/nodisplay.log" || fail "without a display: no clear sentence"
grep -qi "panic\|goroutine" "$work/nodisplay.log" && fail "without a display: it panicked"
set +e
DISPLAY=:4242 "$work/ontspan" >"$work/baddisplay.log" 2>&1; rc=$?
set -e
[ $rc -eq 1 ] || fail "with an unreachable display: exit $rc, want 1"
grep -q "could not open a window" "$work/baddisplay.log" || fail "with an unreachable display: no clear sentence"
grep -q "^goroutine " "$work/baddisplay.log" && fail "with an unreachable display: a stack trace"
rm -f "$work/nodisplay.log" "$work/help.log" "$work/baddisplay.log"

cat >"$work/inner.sh" <<'INNER'
#!/usr/bin/env bash
set -u
work=$1
# wait_window PID: print the id of PID's visible window, within 30 s.
wait_window() {
  for _ in $(seq 1 300); do
    wid=$(xdotool search --onlyvisible --pid "$1" 2>/dev/null | tail -1)
    [ -n "$wid" ] && { echo "$wid"; return 0; }
    kill -0 "$1" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
# shot WID FILE; colours FILE: how many colours the picture has.
shot() { import -window "$1" "$2"; }
colours() { convert "$1" -format "%k" info:; }
# quit PID WID: Ctrl+Q; sets rc to the exit status (124 when it did not exit).
# Not in $(…): only this shell can wait for its child.
quit() {
  xdotool key --window "$2" ctrl+q 2>/dev/null
  for _ in $(seq 1 100); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$1" 2>/dev/null; then kill -9 "$1"; rc=124; return; fi
  wait "$1"; rc=$?
}

echo "smoke: first launch: the welcome, then a breathing session in two key presses"
start=$(date +%s%N)
"$work/ontspan" >"$work/first.log" 2>&1 &
pid=$!
wid=$(wait_window $pid) || { echo "no window on first launch"; exit 1; }
sleep 1
shot "$wid" "$work/welcome.png"
xdotool key --window "$wid" --delay 200 Tab Return # the two activations: focus "Try 2 minutes", press it
sleep 1
shot "$wid" "$work/first-b1.png"
sleep 3
shot "$wid" "$work/first-b2.png"
ms=$(( ($(date +%s%N) - start) / 1000000 ))
diff=$(compare -metric AE "$work/first-b1.png" "$work/first-b2.png" null: 2>&1 || true)
[ "${diff%% *}" -gt 500 ] 2>/dev/null || { echo "first launch: no breathing session after Tab, Return ($diff pixels changed)"; exit 1; }
[ "$ms" -lt 60000 ] || { echo "first launch to a running session took $ms ms"; exit 1; }
echo "smoke: first launch to a moving pacer: $ms ms (two screenshots included), 2 key presses"
sleep 2 # past the 5 s a session needs to be logged
quit $pid "$wid"
[ "$rc" = 0 ] || { echo "first launch: closing the session: exit $rc"; exit 1; }

echo "smoke: home screen (the welcome is not shown again)"
"$work/ontspan" >"$work/home.log" 2>&1 &
pid=$!
wid=$(wait_window $pid) || { echo "no window appeared"; exit 1; }
sleep 1.5
shot "$wid" "$work/home.png"
n=$(colours "$work/home.png")
[ "$n" -gt 20 ] || { echo "home screenshot is blank ($n colours)"; exit 1; }
diff=$(compare -metric AE "$work/welcome.png" "$work/home.png" null: 2>&1 || true)
[ "${diff%% *}" -gt 500 ] 2>/dev/null || { echo "the welcome showed again on the second start ($diff pixels differ)"; exit 1; }
quit $pid "$wid"
[ "$rc" = 0 ] || { echo "closing with Ctrl+Q: exit $rc"; exit 1; }

echo "smoke: ontspan --start breathing --pattern 4-6 --minutes 2"
"$work/ontspan" --start breathing --pattern 4-6 --minutes 2 >"$work/breath.log" 2>&1 &
pid=$!
wid=$(wait_window $pid) || { echo "no window for the breathing session"; exit 1; }
sleep 1
shot "$wid" "$work/b1.png"
sleep 5
shot "$wid" "$work/b2.png"
diff=$(compare -metric AE "$work/b1.png" "$work/b2.png" null: 2>&1 || true)
[ "${diff%% *}" -gt 500 ] 2>/dev/null || { echo "the pacer did not move ($diff pixels changed)"; exit 1; }
quit $pid "$wid"
[ "$rc" = 0 ] || { echo "closing a running session: exit $rc"; exit 1; }

# Every screen the command line can open: a window, a picture, a clean exit.
for target in pmr minicheck senses diary worry-review; do
  echo "smoke: --start $target"
  "$work/ontspan" --start $target >"$work/$target.log" 2>&1 &
  pid=$!
  wid=$(wait_window $pid) || { echo "no window for --start $target"; exit 1; }
  sleep 1
  shot "$wid" "$work/$target.png"
  n=$(colours "$work/$target.png")
  [ "$n" -gt 20 ] || { echo "--start $target: blank window ($n colours)"; exit 1; }
  quit $pid "$wid"
  [ "$rc" = 0 ] || { echo "--start $target: exit $rc"; exit 1; }
done

echo "smoke: park a worry and see it listed"
"$work/ontspan" --start worry >"$work/worry.log" 2>&1 &
pid=$!
wid=$(wait_window $pid) || { echo "no window for --start worry"; exit 1; }
sleep 1
xdotool type --window "$wid" --delay 20 "smoke test: the tax letter"
sleep 0.3
shot "$wid" "$work/worry-typed.png"
xdotool key --window "$wid" Return
sleep 1
shot "$wid" "$work/worry-parked.png"
quit $pid "$wid"
[ "$rc" = 0 ] || { echo "parking a worry: exit $rc"; exit 1; }
n=$(sqlite3 "$ONTSPAN_DATA_DIR/diary.db" "SELECT count(*) FROM worries WHERE text = 'smoke test: the tax letter' AND state = 'waiting'")
[ "$n" = 1 ] || { echo "the parked worry is not in the notebook ($n rows)"; exit 1; }
diff=$(compare -metric AE "$work/worry-typed.png" "$work/worry-parked.png" null: 2>&1 || true)
[ "${diff%% *}" -gt 200 ] 2>/dev/null || { echo "nothing changed on screen after parking ($diff)"; exit 1; }
perm=$(stat -c %a "$ONTSPAN_DATA_DIR/diary.db")
[ "$perm" = 600 ] || { echo "diary.db has mode $perm, want 600"; exit 1; }

echo "smoke: --start ritual --name evening, through the first hand-over into its muscle relaxation"
"$work/ontspan" --start ritual --name evening >"$work/ritual.log" 2>&1 &
pid=$!
wid=$(wait_window $pid) || { echo "no window for --start ritual"; exit 1; }
sleep 1
shot "$wid" "$work/ritual-before.png"
xdotool key --window "$wid" Return # no rating: begin
sleep 0.7
shot "$wid" "$work/ritual-task.png"
xdotool key --window "$wid" Return # the warm shower is done
sleep 0.7
shot "$wid" "$work/ritual-handover1.png"
sleep 2
shot "$wid" "$work/ritual-handover2.png"
for pair in "before task" "task handover1" "handover1 handover2"; do
  set -- $pair
  diff=$(compare -metric AE "$work/ritual-$1.png" "$work/ritual-$2.png" null: 2>&1 || true)
  [ "${diff%% *}" -gt 100 ] 2>/dev/null || { echo "ritual: nothing changed from $1 to $2 ($diff)"; exit 1; }
done
xdotool key --window "$wid" space # start the muscle relaxation now
sleep 6
xdotool key --window "$wid" Escape # stop the whole ritual
sleep 1
quit $pid "$wid"
[ "$rc" = 0 ] || { echo "ritual: exit $rc"; exit 1; }
n=$(sqlite3 "$ONTSPAN_DATA_DIR/diary.db" "SELECT count(*) FROM sessions WHERE technique = 'pmr' AND ritual <> ''")
[ "$n" = 1 ] || { echo "ritual: the muscle relaxation step is not in the diary with its ritual ($n rows)"; exit 1; }

echo "smoke: the breathing session was logged in the diary"
n=$(sqlite3 "$ONTSPAN_DATA_DIR/diary.db" "SELECT count(*) FROM sessions WHERE technique = 'breathing'")
[ "$n" -ge 1 ] || { echo "the breathing session is not in the diary"; exit 1; }

echo "smoke: a settings file cut off mid-write is put back"
prefs="$XDG_CONFIG_HOME/fyne/io.github.ontspan.ontspan/preferences.json"
# open_quit LOG: start the app on home, wait for its window, Ctrl+Q.
open_quit() {
  "$work/ontspan" >"$1" 2>&1 &
  pid=$!
  wid=$(wait_window $pid) || { echo "no window ($1)"; exit 1; }
  quit $pid "$wid"
  [ "$rc" = 0 ] || { echo "exit $rc ($1)"; exit 1; }
}
mkdir -p "$(dirname "$prefs")"
echo '{"reduced-motion":true,"sound":false}' >"$prefs"
open_quit "$work/prefs-good.log" # the app keeps a copy of good settings
head -c 12 "$prefs" >"$prefs.cut" && mv "$prefs.cut" "$prefs"
open_quit "$work/prefs-cut.log"
grep -q "restored the last good copy" "$work/prefs-cut.log" || { echo "damaged settings: not restored"; exit 1; }
grep -q '"reduced-motion":true' "$prefs" || { echo "damaged settings: lost ($(cat "$prefs"))"; exit 1; }

echo "smoke: SIGTERM closes cleanly"
"$work/ontspan" >"$work/term.log" 2>&1 &
pid=$!
wid=$(wait_window $pid) || { echo "no window"; exit 1; }
kill -TERM $pid
for _ in $(seq 1 100); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
wait $pid; rc=$?
[ "$rc" = 0 ] || { echo "SIGTERM: exit $rc"; exit 1; }
grep -qi "panic" "$work"/*.log && { echo "a panic was logged"; exit 1; }
exit 0
INNER
chmod +x "$work/inner.sh"
export ONTSPAN_DATA_DIR
xvfb-run -a -s "-screen 0 1024x800x24" "$work/inner.sh" "$work" || fail "see above"
mkdir -p "$root/build"
cp "$work/home.png" "$root/build/smoke-home.png"; cp "$work/b2.png" "$root/build/smoke-breathing.png"
cp "$work/worry-parked.png" "$root/build/smoke-worry.png"
echo "smoke: ok (screenshots in build/)"
