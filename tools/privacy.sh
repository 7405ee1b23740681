#!/usr/bin/env bash
# privacy.sh BINARY: the diary is health data and the app promises no
# network, ever. This runs the real app under Xvfb and a session bus, traced
# with strace (every socket, connect and send of every thread and child):
# a breathing session stopped with Esc (written to the diary), the diary
# screen, a parked worry, and the tray agent for a few seconds. Then it
# asserts that every socket the app opened was local: AF_UNIX (X11, D-Bus,
# audio) or AF_NETLINK (the kernel). One AF_INET/AF_INET6 socket fails it.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" ONTSPAN_DATA_DIR="$work/data" LANG=en_US.UTF-8
mkdir -p "$HOME"
fail() { echo "PRIVACY TEST FAILED: $*" >&2; exit 1; }
strace -qq -o /dev/null true 2>/dev/null || fail "strace cannot trace here (ptrace not allowed?)"

cat >"$work/inner.sh" <<'EOF'
#!/usr/bin/env bash
set -u
bin=$1 work=$2
trace() { exec strace -f -qq -e signal=none -e trace=socket,connect,bind,sendto,sendmsg,sendmmsg -o "$work/trace.$1" "${@:2}"; }
# run NAME ARGS... : start traced, wait for the window; sets pid, wid.
run() {
  local name=$1; shift
  trace "$name" "$bin" "$@" >"$work/$name.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 300); do
    wid=$(xdotool search --onlyvisible --name '^Ontspan$' 2>/dev/null | tail -1)
    [ -n "$wid" ] && return 0
    kill -0 $pid 2>/dev/null || break
    sleep 0.1
  done
  echo "$name: no window"; cat "$work/$name.log"; exit 1
}
quit() {
  xdotool key --window "$wid" ctrl+q 2>/dev/null
  for _ in $(seq 1 100); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
  kill -0 $pid 2>/dev/null && { kill -9 $pid; echo "did not close"; exit 1; }
  wait $pid || { echo "exit $?"; exit 1; }
}
echo "privacy: a breathing session, stopped with Esc"
run breathing --start breathing --pattern 4-6 --minutes 1
sleep 5
xdotool key --window "$wid" Escape
sleep 2
quit
echo "privacy: the diary"
run diary --start diary
sleep 1
quit
echo "privacy: park a worry"
run worry --start worry
sleep 1
xdotool type --window "$wid" --delay 20 "privacy test: a worry"
xdotool key --window "$wid" Return
sleep 1
quit
echo "privacy: the tray agent, with a daily reminder on (with nothing to do it stops at once)"
sqlite3 "$ONTSPAN_DATA_DIR/diary.db" "INSERT OR REPLACE INTO settings (key, value) VALUES ('reminders',
  '{\"miniChecks\":{\"enabled\":true,\"perDay\":6,\"start\":\"00:01\",\"end\":\"23:59\"},\"practice\":{\"enabled\":true,\"at\":\"20:00\"},\"worryTime\":{\"enabled\":false,\"at\":\"17:00\",\"minutes\":15},\"windDown\":{\"enabled\":false,\"at\":\"22:00\"}}')"
trace tray "$bin" --tray >"$work/tray.log" 2>&1 &
pid=$!
sleep 5
kill -0 $pid 2>/dev/null || { echo "the tray agent ended early"; cat "$work/tray.log"; exit 1; }
# SIGTERM to the agent itself, not to strace; strace then exits with its status.
kill -TERM "$(pgrep -P $pid | head -1)"
wait $pid || { echo "tray: exit $?"; cat "$work/tray.log"; exit 1; }
EOF
chmod +x "$work/inner.sh"
# A session bus, as on a desktop: the tray agent talks D-Bus (and without one it stops at once).
command -v dbus-run-session >/dev/null || fail "dbus-run-session is missing (Debian: dbus-daemon)"
xvfb-run -a -n $((100 + RANDOM % 400)) -s "-screen 0 1024x800x24" dbus-run-session -- "$work/inner.sh" "$bin" "$work" || fail "see above"

# The scenario really ran: its rows are in the diary.
n=$(sqlite3 "$ONTSPAN_DATA_DIR/diary.db" "SELECT count(*) FROM sessions WHERE technique = 'breathing'")
[ "$n" -ge 1 ] || fail "the breathing session is not in the diary"
n=$(sqlite3 "$ONTSPAN_DATA_DIR/diary.db" "SELECT count(*) FROM worries WHERE text = 'privacy test: a worry'")
[ "$n" = 1 ] || fail "the worry is not in the notebook"

cat "$work"/trace.* >"$work/all"
grep -q 'connect(.*AF_UNIX' "$work/all" || fail "no local connection traced at all (the X11 one must be there): is strace working?"
bad=$(grep -E 'socket\(|connect\(|bind\(|sendto\(|sendmsg\(|sendmmsg\(' "$work/all" | grep -E 'AF_INET|AF_INET6|AF_PACKET|AF_BLUETOOTH' || true)
[ -z "$bad" ] || fail "network sockets: $bad"
other=$(grep -E 'socket\(' "$work/all" | grep -vE 'socket\((AF_UNIX|AF_LOCAL|AF_NETLINK),' | grep -v 'resumed>' || true)
[ -z "$other" ] || fail "sockets of another family: $other"
echo "privacy: ok ($(grep -c 'socket(' "$work/all") sockets, all local; $(grep -c 'connect(' "$work/all") connects, all AF_UNIX)"
