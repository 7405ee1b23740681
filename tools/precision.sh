#!/usr/bin/env bash
# precision.sh: the pacer's timing in the real window. Runs a
# PRECISION_MINUTES (10) 4-6 session of the release build under Xvfb with
# --timing-log, then prints how late each phase change was drawn (the frame
# that first showed the new phase) and heard (the tone started), against when
# it was due: count, median, p95, max in ms. Targets: drawn < 16.7 ms, heard
# < 30 ms. Writes build/precision.txt and keeps the log as build/timing.csv.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
min=${PRECISION_MINUTES:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v xvfb-run >/dev/null && command -v xdotool >/dev/null || tools/deps.sh xvfb xauth xdotool
echo "precision: building"
CGO_ENABLED=1 go build -tags no_emoji,migrated_fynedo -trimpath -ldflags="-s -w" -o "$work/ontspan" .
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" ONTSPAN_DATA_DIR="$work/data" LANG=en_US.UTF-8
mkdir -p "$HOME"
cat >"$work/inner.sh" <<'INNER'
#!/usr/bin/env bash
set -u
work=$1 min=$2
"$work/ontspan" --start breathing --pattern 4-6 --minutes "$min" --timing-log "$work/timing.csv" >"$work/app.log" 2>&1 &
pid=$!
sleep $(( min * 60 + 5 ))       # the session ends by itself on the done screen
wid=$(xdotool search --onlyvisible --pid $pid 2>/dev/null | tail -1)
[ -n "$wid" ] && xdotool key --window "$wid" ctrl+q
for _ in $(seq 1 100); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
kill -0 $pid 2>/dev/null && kill -9 $pid
exit 0
INNER
chmod +x "$work/inner.sh"
echo "precision: a $min-minute 4-6 session under Xvfb (takes $min minutes)"
xvfb-run -a -s "-screen 0 1024x800x24" "$work/inner.sh" "$work" "$min"
mkdir -p "$root/build"
cp "$work/timing.csv" "$root/build/timing.csv"
# dist EVENT LIMIT: one line with count, median, p95 and max lateness.
dist() {
  awk -F, -v ev="$1" 'NR>1 && $1==ev {print $4}' "$work/timing.csv" | sort -n | awk -v ev="$1" -v lim="$2" '
    {v[NR]=$1} END {
      if (NR == 0) { printf "%-5s  no events logged\n", ev; exit }
      m = v[int((NR+1)/2)]; p = v[int(NR*0.95 + 0.999999)]; x = v[NR]
      printf "%-5s  n=%d  median %.2f ms  p95 %.2f ms  max %.2f ms  (target max < %s ms: %s)\n", ev, NR, m, p, x, lim, (x < lim ? "met" : "MISSED")
    }'
}
# first: how many changes were drawn on the first frame after they were due
# (the frame before came before the due moment), and the frame interval.
first() {
  awk -F, 'NR>1 && $1=="drawn" && $5!="" {n++; if ($4 < $5) ok++; print $5 > "/dev/stderr"}
    END {printf "drawn on the first frame after due: %d of %d\n", ok, n}' "$work/timing.csv" 2>"$work/gaps"
  sort -n "$work/gaps" | awk '{v[NR]=$1} END { if (NR) printf "frame interval at those changes: median %.2f ms, max %.2f ms\n", v[int((NR+1)/2)], v[NR] }'
}
{
  echo "precision ($(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)): $min-minute 4-6 session, lateness after the due moment"
  dist drawn 16.7
  dist heard 30
  first
} | tee "$root/build/precision.txt"
