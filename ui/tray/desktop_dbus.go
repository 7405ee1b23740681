//go:build linux || freebsd || openbsd || netbsd

package tray

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/ontspan/ontspan/exercises/remind"
)

// probeTimeout bounds every D-Bus question the agent asks, so a broken or
// absent service never hangs it.
const probeTimeout = 3 * time.Second

const (
	notifyName  = "org.freedesktop.Notifications"
	notifyPath  = "/org/freedesktop/Notifications"
	watcherName = "org.kde.StatusNotifierWatcher"
)

// dbusDesktop sends notifications over its own private session-bus
// connection (systray has the shared one and closes it when it ends).
type dbusDesktop struct {
	conn   *dbus.Conn
	launch launcher

	mu      sync.Mutex
	checked bool                   // Check ran before
	actions bool                   // the server shows action buttons
	started map[uint32][]string    // notification id → UI arguments for its action
	last    map[remind.Kind]uint32 // kind → id of its last notification, to replace it
}

// openDesktop connects to the session bus. It never starts a bus itself
// (no dbus-launch): without a running session there is nothing to show on.
func openDesktop(launch launcher) (desktop, error) {
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" && !runtimeBusExists() {
		return nil, errors.New("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)")
	}
	type result struct {
		conn *dbus.Conn
		err  error
	}
	ch := make(chan result, 1)
	go func() { // a bus that accepts but never answers must not hang us
		conn, err := dbus.SessionBusPrivateNoAutoStartup()
		if err == nil {
			if err = conn.Auth(nil); err == nil {
				err = conn.Hello()
			}
			if err != nil {
				conn.Close()
			}
		}
		ch <- result{conn, err}
	}()
	var r result
	select {
	case r = <-ch:
	case <-time.After(probeTimeout):
		return nil, errors.New("the D-Bus session bus does not answer")
	}
	if r.err != nil {
		return nil, fmt.Errorf("connect to the D-Bus session bus: %w", r.err)
	}
	d := &dbusDesktop{conn: r.conn, launch: launch, started: map[uint32][]string{}, last: map[remind.Kind]uint32{}}
	d.listen()
	return d, nil
}

// runtimeBusExists mirrors godbus's own discovery: $XDG_RUNTIME_DIR/bus.
func runtimeBusExists() bool {
	dir := os.Getenv("XDG_RUNTIME_DIR")
	if dir == "" {
		dir = fmt.Sprintf("/run/user/%d", os.Getuid())
	}
	_, err := os.Stat(filepath.Join(dir, "bus"))
	return err == nil
}

// listen starts the UI when the user clicks a notification or its button.
// The goroutine sleeps in a channel receive until a signal arrives.
func (d *dbusDesktop) listen() {
	opts := []dbus.MatchOption{dbus.WithMatchInterface(notifyName), dbus.WithMatchObjectPath(notifyPath)}
	if err := d.conn.AddMatchSignal(append(opts, dbus.WithMatchMember("ActionInvoked"))...); err != nil {
		return // notifications still show; clicks do nothing
	}
	d.conn.AddMatchSignal(append(opts, dbus.WithMatchMember("NotificationClosed"))...)
	ch := make(chan *dbus.Signal, 8)
	d.conn.Signal(ch)
	go func() {
		for sig := range ch { // closed when the connection closes
			if len(sig.Body) < 2 {
				continue
			}
			id, _ := sig.Body[0].(uint32)
			d.mu.Lock()
			args, ok := d.started[id]
			if reason, _ := sig.Body[1].(uint32); sig.Name == notifyName+".NotificationClosed" && reason != 1 {
				// Dismissed or closed: it can no longer be clicked. An expired
				// one (reason 1) may live on in the server's history, clickable.
				delete(d.started, id)
				ok = false
			}
			d.mu.Unlock()
			if ok && sig.Name == notifyName+".ActionInvoked" {
				d.launch(args)
			}
		}
	}()
}

func (d *dbusDesktop) call(dest string, path dbus.ObjectPath, method string, args ...any) *dbus.Call {
	ctx, cancel := context.WithTimeout(context.Background(), probeTimeout)
	defer cancel()
	return d.conn.Object(dest, path).CallWithContext(ctx, method, 0, args...)
}

// Check asks the bus whether a StatusNotifierWatcher (the tray host) is
// there, and asks the notification server for its capabilities. Only the
// first Check may start a D-Bus-activated server: one that fails to start
// (no display yet) must not be respawned every minute. Later, Notify itself
// activates it when a reminder is due.
func (d *dbusDesktop) Check() (tray, notifications bool) {
	hasOwner := func(name string) (ok bool) {
		d.call("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner", name).Store(&ok)
		return ok
	}
	tray = hasOwner(watcherName)
	d.mu.Lock()
	first := !d.checked
	d.checked = true
	d.mu.Unlock()
	if !first && !hasOwner(notifyName) {
		return tray, false
	}
	var caps []string
	if err := d.call(notifyName, notifyPath, notifyName+".GetCapabilities").Store(&caps); err == nil {
		notifications = true
		d.mu.Lock()
		d.actions = slices.Contains(caps, "actions")
		d.mu.Unlock()
	}
	return tray, notifications
}

// Notify sends org.freedesktop.Notifications.Notify. A new notification of
// a kind replaces the last one of that kind, so unseen checks never pile up.
func (d *dbusDesktop) Notify(n note) error {
	d.mu.Lock()
	replaces := d.last[n.Kind]
	var actions []string
	if d.actions && n.Args != nil {
		// "default" is a click on the notification itself.
		actions = []string{"default", n.Action, "open", n.Action}
	}
	d.mu.Unlock()
	hints := map[string]dbus.Variant{
		"desktop-entry": dbus.MakeVariant(appID),
		"urgency":       dbus.MakeVariant(byte(1)), // normal: shown, but never sticky
		"category":      dbus.MakeVariant("x-ontspan.reminder"),
	}
	var id uint32
	err := d.call(notifyName, notifyPath, notifyName+".Notify",
		"Ontspan", replaces, appID, n.Title, n.Body, actions, hints, int32(-1)).Store(&id)
	if err != nil {
		return fmt.Errorf("notify: %w", err)
	}
	d.mu.Lock()
	if prev := d.last[n.Kind]; prev != id {
		delete(d.started, prev) // keep one clickable notification per kind
	}
	d.last[n.Kind] = id
	if actions != nil {
		d.started[id] = n.Args
	}
	d.mu.Unlock()
	return nil
}

func (d *dbusDesktop) Done() <-chan struct{} { return d.conn.Context().Done() }

func (d *dbusDesktop) Close() { d.conn.Close() }
