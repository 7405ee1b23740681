#!/usr/bin/env bash
# soak.sh: leaks over a long day. Starts the release build under Xvfb on the
# home screen and drives it like a user with xdotool: SOAK_SESSIONS (200)
# breathing sessions started and stopped through the keys (Space opens the
# set-up, Space starts, Esc stops to the done screen, Esc goes home), then
# SOAK_MINUTES (30) of continuous 4-6 breathing animation. It samples RSS
# (/proc) and the goroutine count (the app prints it on SIGUSR1) and fails
# when, back on the home screen, RSS grew more than 10% over the figure after
# warm-up or the goroutines did not return to their count then.
#   SOAK_MINUTES=2 SOAK_SESSIONS=20 tools/soak.sh     # a quick run
# Writes its samples to build/soak.csv and a summary to build/soak.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export SOAK_MINUTES=${SOAK_MINUTES:-30} SOAK_SESSIONS=${SOAK_SESSIONS:-200} SOAK_WARMUP=${SOAK_WARMUP:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v xvfb-run >/dev/null && command -v xdotool >/dev/null || tools/deps.sh xvfb xauth xdotool
echo "soak: building"
CGO_ENABLED=1 go build -tags no_emoji,migrated_fynedo -trimpath -ldflags="-s -w" -o "$work/ontspan" .

# A private home; the last choice is 4-6 for 20 minutes, so Space, Space
# starts a long session.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" ONTSPAN_DATA_DIR="$work/data" LANG=en_US.UTF-8
mkdir -p "$XDG_CONFIG_HOME/fyne/io.github.ontspan.ontspan" "$ONTSPAN_DATA_DIR"
echo '{"last-minutes":20,"last-pattern":"4-6"}' >"$XDG_CONFIG_HOME/fyne/io.github.ontspan.ontspan/preferences.json"

cat >"$work/inner.sh" <<'INNER'
#!/usr/bin/env bash
set -u
work=$1 out=$2
"$work/ontspan" --timing-log "$work/timing.csv" >"$work/app.log" 2>&1 &
pid=$!
for _ in $(seq 1 300); do
  wid=$(xdotool search --onlyvisible --pid $pid 2>/dev/null | tail -1)
  [ -n "$wid" ] && break; sleep 0.1
done
[ -n "${wid:-}" ] || { echo "soak: no window"; exit 1; }
xdotool windowfocus --sync "$wid" 2>/dev/null || true
t0=$(date +%s)
alive() { kill -0 $pid 2>/dev/null || { echo "soak: the app died"; tail -20 "$work/app.log"; exit 1; }; }
key() { xdotool key --window "$wid" "$1"; sleep "${2:-0.3}"; }
# stats LABEL: prints "rss_kb goroutines" and appends a CSV row.
stats() {
  alive
  local before after g rss
  before=$(grep -c '^debug-stats' "$work/app.log")
  kill -USR1 $pid
  for _ in $(seq 1 50); do
    after=$(grep -c '^debug-stats' "$work/app.log"); [ "$after" -gt "$before" ] && break; sleep 0.1
  done
  g=$(grep '^debug-stats' "$work/app.log" | tail -1 | sed 's/.*goroutines=\([0-9]*\).*/\1/')
  rss=$(awk '/^VmRSS/{print $2}' /proc/$pid/status)
  echo "$(( $(date +%s) - t0 )),$1,$rss,$g" >>"$out/soak.csv"
  echo "$rss $g"
}
session() { key space 0.5; key space "${1:-1.5}"; key Escape 0.5; key Escape 0.5; }
echo "seconds,state,rss_kb,goroutines" >"$out/soak.csv"
stats start >/dev/null
echo "soak: warm-up, $SOAK_WARMUP sessions"
for _ in $(seq 1 "$SOAK_WARMUP"); do session; done
sleep 3
read -r rss0 g0 < <(stats home-after-warmup)
echo "soak: after warm-up on the home screen: RSS $rss0 kB, $g0 goroutines"
echo "soak: $SOAK_SESSIONS sessions started and stopped through the keys"
for i in $(seq 1 "$SOAK_SESSIONS"); do
  session
  [ $((i % 20)) -eq 0 ] && { sleep 1; stats "after-$i-sessions" >/dev/null; }
done
sleep 3
read -r rss1 g1 < <(stats home-after-sessions)
echo "soak: after the sessions: RSS $rss1 kB, $g1 goroutines"
echo "soak: $SOAK_MINUTES minutes of continuous breathing animation"
end=$(( $(date +%s) + SOAK_MINUTES * 60 ))
peak=0
while [ "$(date +%s)" -lt "$end" ]; do
  key space 0.5; key space 1          # a 20-minute 4-6 session
  stop=$(( $(date +%s) + 19 * 60 )); [ "$stop" -gt "$end" ] && stop=$end
  while [ "$(date +%s)" -lt "$stop" ]; do
    sleep $(( stop - $(date +%s) < 60 ? stop - $(date +%s) : 60 ))
    read -r r _ < <(stats animating); [ "$r" -gt "$peak" ] && peak=$r
  done
  key Escape 0.5; key Escape 0.5
done
sleep 3
read -r rss2 g2 < <(stats home-at-end)
echo "soak: at the end on the home screen: RSS $rss2 kB, $g2 goroutines (highest while animating: $peak kB)"
started=$(grep -c '^drawn,0,' "$work/timing.csv" || true)
hwm=$(awk '/^VmHWM/{print $2}' /proc/$pid/status)
xdotool key --window "$wid" ctrl+q
for _ in $(seq 1 100); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
kill -0 $pid 2>/dev/null && { kill -9 $pid; echo "soak: Ctrl+Q did not quit"; }
grow=$(awk -v a=$rss0 -v b=$rss2 -v c=$rss1 'BEGIN{m=(b>c?b:c); printf "%.1f", (m-a)*100/a}')
ok=1
awk -v g=$grow 'BEGIN{exit !(g<=10)}' || ok=0
[ "$g1" = "$g0" ] && [ "$g2" = "$g0" ] || ok=0
want=$(( SOAK_WARMUP + SOAK_SESSIONS ))
[ "$started" -ge "$want" ] || { echo "soak: only $started of $want+ sessions were seen to start"; ok=0; }
{
  echo "soak ($(date -u +%Y-%m-%d)): $SOAK_SESSIONS sessions through the keys + $SOAK_MINUTES min animating, after $SOAK_WARMUP warm-up sessions"
  echo "sessions seen starting (timing log): $started"
  echo "RSS home after warm-up $rss0 kB; after sessions $rss1 kB; at the end $rss2 kB; growth ${grow}% (limit 10%); peak animating $peak kB; VmHWM $hwm kB"
  echo "goroutines home after warm-up $g0; after sessions $g1; at the end $g2 (must return to $g0)"
  [ $ok = 1 ] && echo "result: PASS" || echo "result: FAIL"
} | tee "$out/soak.txt"
[ $ok = 1 ]
INNER
chmod +x "$work/inner.sh"
mkdir -p "$root/build"
xvfb-run -a -s "-screen 0 1024x800x24" "$work/inner.sh" "$work" "$root/build"
