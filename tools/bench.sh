#!/usr/bin/env bash
# bench.sh (`make bench`): Ontspan against a bare Fyne window, side by side in
# one run, so the figures are ratios that hold on any machine.
#
# Builds, with the release flags, the app and the two baselines in
# tools/baseline (a window with a label; a window with one circle animated
# forever, both 560x720 like the app), runs each under one Xvfb server and
# measures, several runs each, median and min–max:
#   start      exec → window mapped (xdotool) → first frame drawn (firstframe:
#              the window's pixels, read every ~2 ms, show > 8 colours);
#   animating  CPU % of one core over 30 s of a 4-6 breathing session
#              (ontspan --start breathing --pattern 4-6 --minutes 20) vs the
#              circle baseline;
#   idle       CPU % over 30 s on the home screen vs the label baseline;
#   tray       ontspan --tray alone over 60 s (when the build has it);
#   peak RSS   VmHWM in each of those states; and the binary sizes.
# CPU is utime+stime from /proc/PID/stat (all threads) over the wall time.
# Prints the table with the targets and writes it between the bench markers
# of docs/performance.md, with the machine it ran on.
#
# Quick run: BENCH_START_RUNS=2 BENCH_CPU_RUNS=1 BENCH_CPU_SECONDS=5 \
#            BENCH_TRAY_SECONDS=10 BENCH_DOC=/dev/null tools/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
START_RUNS=${BENCH_START_RUNS:-5}
CPU_RUNS=${BENCH_CPU_RUNS:-3}
CPU_SECONDS=${BENCH_CPU_SECONDS:-30}
TRAY_RUNS=${BENCH_TRAY_RUNS:-2}
TRAY_SECONDS=${BENCH_TRAY_SECONDS:-60}
SETTLE=${BENCH_SETTLE:-3} # seconds after the first frame before CPU is counted
DOC=${BENCH_DOC:-docs/performance.md}

# What it needs (make bench installs these first; this is for a direct run).
need=()
for c in xvfb-run:xvfb xauth:xauth xdotool:xdotool gcc:gcc; do
  command -v "${c%%:*}" >/dev/null || need+=("${c#*:}")
done
[ -e /usr/include/X11/Xlib.h ] || need+=(libx11-dev)
command -v sqlite3 >/dev/null || need+=(sqlite3) # to switch a reminder on for the tray agent
[ ${#need[@]} -eq 0 ] || tools/deps.sh "${need[@]}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CGO_ENABLED=1
release=(-tags no_emoji,migrated_fynedo -trimpath -ldflags="-s -w")
echo "bench: building the app and the baselines (release flags)"
go build "${release[@]}" -o "$work/ontspan" .
go build "${release[@]}" -o "$work/baseline-label" ./tools/baseline/label
go build "${release[@]}" -o "$work/baseline-circle" ./tools/baseline/circle
go build -trimpath -o "$work/firstframe" ./tools/baseline/firstframe

# A private home: no user settings or diary are read or touched.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" ONTSPAN_DATA_DIR="$work/data" LANG=en_US.UTF-8
mkdir -p "$HOME" "$ONTSPAN_DATA_DIR"

cat >"$work/inner.sh" <<'INNER'
#!/usr/bin/env bash
# Runs inside xvfb-run; appends "measure,subject,value" rows to $work/raw.csv.
set -u
work=$1
tick=$(getconf CLK_TCK)
raw=$work/raw.csv
pid=""
now_ns() { date +%s%N; }
# launch LOG CMD...: start CMD in the background, set pid and t_exec.
launch() { local log=$1; shift; t_exec=$(now_ns); "$@" >"$log" 2>&1 & pid=$!; }
# wait_mapped: poll every ~10 ms for a visible window of pid; sets wid, t_map.
wait_mapped() {
  wid=""
  for _ in $(seq 1 3000); do
    wid=$(xdotool search --onlyvisible --pid "$pid" 2>/dev/null | tail -1)
    [ -n "$wid" ] && { t_map=$(now_ns); return 0; }
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.01
  done
  return 1
}
stop() {
  kill -TERM "$pid" 2>/dev/null
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  pid=""
}
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hwm() { awk '/^VmHWM/{print $2}' "/proc/$1/status"; }
row() { echo "$1,$2,$3" >>"$raw"; }
fail() { echo "bench: $*" >&2; [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; exit 1; }

# start SUBJECT CMD...: one start-up, recorded unless SUBJECT is "-".
start() {
  local subject=$1; shift
  launch "$work/$(basename "$1").log" "$@"
  wait_mapped || fail "$1: no window appeared: $(tail -3 "$work/$(basename "$1").log")"
  t_draw=$("$work/firstframe" "$wid" 30) || fail "$1: nothing was drawn"
  sleep 1
  if [ "$subject" != - ]; then
    row start-mapped "$subject" $(( (t_map - t_exec) / 1000000 ))
    row start-drawn "$subject" $(( (t_draw - t_exec) / 1000000 ))
    row rss-start "$subject" "$(hwm "$pid")"
  fi
  stop
}

# cpu STATE SUBJECT SECONDS CMD...: CPU % of a core and peak RSS in a state.
cpu() {
  local state=$1 subject=$2 secs=$3; shift 3
  launch "$work/$(basename "$1")-$state.log" "$@"
  wait_mapped || fail "$1: no window appeared"
  "$work/firstframe" "$wid" 30 >/dev/null || fail "$1: nothing was drawn"
  sleep "$SETTLE"
  measure "$state" "$subject" "$secs"
  stop
}
# measure STATE SUBJECT SECONDS: CPU and VmHWM of pid over SECONDS.
measure() {
  local a b ta tb
  a=$(ticks "$pid"); ta=$(now_ns)
  sleep "$3"
  b=$(ticks "$pid"); tb=$(now_ns)
  kill -0 "$pid" 2>/dev/null || fail "$2 ended during the $1 measurement"
  row "cpu-$1" "$2" "$(awk -v d=$((b - a)) -v t="$tick" -v w=$((tb - ta)) 'BEGIN{printf "%.3f", d / t / (w / 1e9) * 100}')"
  row "rss-$1" "$2" "$(hwm "$pid")"
}

app=$work/ontspan label=$work/baseline-label circle=$work/baseline-circle
echo "bench: start-up, $START_RUNS runs each (after one unrecorded run each)"
start - "$app"; start - "$label"
for i in $(seq 1 "$START_RUNS"); do start app "$app"; start baseline "$label"; done

echo "bench: CPU while animating, $CPU_RUNS x ${CPU_SECONDS}s each"
for i in $(seq 1 "$CPU_RUNS"); do
  cpu animating app "$CPU_SECONDS" "$app" --start breathing --pattern 4-6 --minutes 20
  cpu animating baseline "$CPU_SECONDS" "$circle"
done

echo "bench: CPU idle on the home screen, $CPU_RUNS x ${CPU_SECONDS}s each"
for i in $(seq 1 "$CPU_RUNS"); do
  cpu idle app "$CPU_SECONDS" "$app"
  cpu idle baseline "$CPU_SECONDS" "$label"
done

echo "bench: the tray agent, $TRAY_RUNS x ${TRAY_SECONDS}s"
# The agent talks D-Bus (notifications, StatusNotifierItem): give it a
# session bus of its own, as a desktop session would.
bus=()
command -v dbus-run-session >/dev/null && bus=(dbus-run-session --)
# Without a tray host (none under Xvfb) the agent only stays when a reminder
# is on: switch the mini-checks on in the private diary the app runs created.
db=$ONTSPAN_DATA_DIR/diary.db
[ -f "$db" ] && sqlite3 "$db" "INSERT OR REPLACE INTO settings(key, value) VALUES('reminders',
  '{\"miniChecks\":{\"enabled\":true,\"perDay\":6,\"start\":\"00:00\",\"end\":\"23:59\"}}')" 2>/dev/null
tray_note=""
for i in $(seq 1 "$TRAY_RUNS"); do
  rm -f "$work/tray.pid"
  launch "$work/tray.log" "${bus[@]}" sh -c 'echo $$ >"$1"; shift; exec "$@"' sh "$work/tray.pid" "$app" --tray
  outer=$pid
  for _ in $(seq 1 50); do [ -s "$work/tray.pid" ] && break; sleep 0.1; done
  pid=$(cat "$work/tray.pid" 2>/dev/null || echo "$outer")
  sleep 3
  if ! kill -0 "$pid" 2>/dev/null; then
    why=$(grep -h "ontspan --tray" "$ONTSPAN_DATA_DIR/tray.log" "$work/tray.log" 2>/dev/null | tail -1 | sed 's/^.*[0-9][0-9]:[0-9][0-9]:[0-9][0-9] //')
    tray_note="--tray not available (it exited at once: $(echo "${why:-$(tail -1 "$work/tray.log")}" | cut -c1-140))"
  elif [ -n "$(xdotool search --onlyvisible --pid "$pid" 2>/dev/null)" ]; then
    tray_note="--tray not available (it opens the window: the flag is not wired to the agent in this build)"
  else
    measure tray app "$TRAY_SECONDS"
    row rss-tray-now app "$(awk '/^VmRSS/{print $2}' "/proc/$pid/status")"
  fi
  kill -TERM "$pid" 2>/dev/null; sleep 0.5; kill -9 "$pid" "$outer" 2>/dev/null; wait "$outer" 2>/dev/null; pid=""
  [ -n "$tray_note" ] && break
done
echo "${tray_note:-}" >"$work/tray-note"
exit 0
INNER
chmod +x "$work/inner.sh"
export SETTLE START_RUNS CPU_RUNS CPU_SECONDS TRAY_RUNS TRAY_SECONDS
: >"$work/raw.csv"
t0=$(date +%s)
# A session bus for the whole run, as a desktop has: without one, each start
# of a bare Fyne baseline autolaunches a dbus-daemon that outlives it (a dozen
# a run, until the system's inotify instances run out). The app starts none.
session=()
command -v dbus-run-session >/dev/null && session=(dbus-run-session --)
xvfb-run -a -s "-screen 0 1024x800x24" "${session[@]}" "$work/inner.sh" "$work"
elapsed=$(( $(date +%s) - t0 ))
tray_note=$(cat "$work/tray-note")

# stat MEASURE SUBJECT [SCALE]: "median min max count" of the values, scaled.
stat() {
  awk -F, -v m="$1" -v s="$2" '$1==m && $2==s {print $3}' "$work/raw.csv" | sort -g |
    awk -v k="${3:-1}" '{v[NR]=$1*k} END {
      if (NR == 0) { print "- - - 0"; exit }
      med = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2
      print med, v[1], v[NR], NR }'
}
# line LABEL MEASURE UNIT SCALE FORMAT LIMIT: one table row, app vs baseline,
# target "ratio <= LIMIT" (or "-" for information only).
verdicts=""
line() {
  local label=$1 m=$2 unit=$3 k=$4 f=$5 lim=$6 a b
  read -r am amin amax an < <(stat "$m" app "$k")
  read -r bm bmin bmax bn < <(stat "$m" baseline "$k")
  awk -v l="$label" -v u="$unit" -v f="$f" -v lim="$lim" \
      -v am="$am" -v amin="$amin" -v amax="$amax" -v an="$an" \
      -v bm="$bm" -v bmin="$bmin" -v bmax="$bmax" -v bn="$bn" 'BEGIN {
    fmt = "%" f
    a = sprintf(fmt " %s (" fmt "–" fmt ", n=%d)", am, u, amin, amax, an)
    b = sprintf(fmt " %s (" fmt "–" fmt ", n=%d)", bm, u, bmin, bmax, bn)
    r = (bm > 0) ? am / bm : 0
    t = (lim == "-") ? "—" : "≤ " lim "x"
    v = (lim == "-") ? "—" : (r <= lim + 1e-9 ? "met" : "**missed**")
    printf "| %s | %s | %s | %.2fx | %s | %s |\n", l, a, b, r, t, v }'
}
# abs LABEL MEASURE UNIT SCALE FORMAT LIMIT: an absolute target (the tray).
abs() {
  local label=$1 m=$2 unit=$3 k=$4 f=$5 lim=$6
  if [ -n "$tray_note" ]; then
    echo "| $label | not measured: $tray_note | — | — | ≤ $lim $unit | not measured |"; return
  fi
  read -r am amin amax an < <(stat "$m" app "$k")
  awk -v l="$label" -v u="$unit" -v f="$f" -v lim="$lim" -v am="$am" -v amin="$amin" -v amax="$amax" -v an="$an" 'BEGIN {
    fmt = "%" f
    if (lim == "-") { printf "| %s | " fmt " %s (" fmt "–" fmt ", n=%d) | — | — | — | — |\n", l, am, u, amin, amax, an; exit }
    printf "| %s | " fmt " %s (" fmt "–" fmt ", n=%d) | — | — | ≤ %s %s | %s |\n", l, am, u, amin, amax, an, lim, u, (am <= lim ? "met" : "**missed**") }'
}
app_mb=$(command stat -c %s "$work/ontspan"); lab_mb=$(command stat -c %s "$work/baseline-label")

cpu_model=$(awk -F': ' '/^model name/{print $2; exit}' /proc/cpuinfo)
{
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') by \`make bench\` (tools/bench.sh, ${elapsed}s) on $(nproc) cores, $cpu_model;"
  echo "Linux $(uname -r), $(go version | awk '{print $3}'), Xvfb 1024x800x24 with Mesa software GL."
  echo "Start: $START_RUNS runs each; CPU: $CPU_RUNS x ${CPU_SECONDS}s each, counted from ${SETTLE}s after the first frame; tray: ${TRAY_SECONDS}s."
  echo
  echo "| Measure | Ontspan: median (min–max) | Bare Fyne baseline | Ratio | Target | |"
  echo "|---|---|---|---|---|---|"
  line "Start: exec → window mapped (vs label window)" start-mapped ms 1 .0f -
  line "Start: exec → first frame drawn (vs label window)" start-drawn ms 1 .0f 1.2
  line "CPU, breathing 4-6 animating (vs animated circle)" cpu-animating "%" 1 .2f 1.2
  line "CPU, home screen idle (vs label window)" cpu-idle "%" 1 .2f 1.1
  line "Peak RSS after start (vs label window)" rss-start MB 0.0009765625 .0f 1.3
  line "Peak RSS, animating (vs animated circle)" rss-animating MB 0.0009765625 .0f 1.3
  line "Peak RSS, idle (vs label window)" rss-idle MB 0.0009765625 .0f 1.3
  abs "Tray agent alone: CPU over ${TRAY_SECONDS}s" cpu-tray "%" 1 .3f 0.1
  # All day, what counts is what it holds: start-up reads most of the shared
  # binary, which the agent hands back after 3 s (ui/tray/pageout_linux.go).
  abs "Tray agent alone: RSS after ${TRAY_SECONDS}s (all day)" rss-tray-now MB 0.0009765625 .1f 20
  abs "Tray agent alone: peak RSS (first seconds)" rss-tray MB 0.0009765625 .1f -
  awk -v a="$app_mb" -v b="$lab_mb" 'BEGIN{printf "| Binary size (-s -w) | %.1f MB | %.1f MB (label) | %.2fx | — | — |\n", a/1048576, b/1048576, a/b}'
} >"$work/table.md"
cat "$work/table.md"
cp "$work/raw.csv" "$root/build/bench-raw.csv" 2>/dev/null || { mkdir -p "$root/build"; cp "$work/raw.csv" "$root/build/bench-raw.csv"; }

# Write the table between the markers, keeping the rest of the document.
[ "$DOC" = /dev/null ] && exit 0
begin='<!-- bench:begin (written by tools/bench.sh; edit outside these markers) -->'
end='<!-- bench:end -->'
if [ ! -f "$DOC" ] || ! grep -qF "$end" "$DOC"; then
  mkdir -p "$(dirname "$DOC")"
  { [ -f "$DOC" ] && cat "$DOC" || echo "# Performance"; echo; echo "$begin"; echo "$end"; } >"$work/doc"
  cp "$work/doc" "$DOC"
fi
awk -v table="$work/table.md" -v b="$begin" -v e="$end" '
  index($0, "<!-- bench:begin") == 1 { print b; while ((getline l < table) > 0) print l; skip = 1; next }
  index($0, e) == 1 { skip = 0 }
  !skip' "$DOC" >"$work/doc"
cp "$work/doc" "$DOC"
echo "bench: table written to $DOC"
