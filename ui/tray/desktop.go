package tray

// desktop is what the agent needs from the platform besides the tray icon:
// notifications, and whether a tray host and a notification service are
// there. Each platform has one, kept thin because it cannot be unit tested.
type desktop interface {
	// Notify shows n. An error means nothing was shown.
	Notify(n note) error
	// Check looks, with a timeout, for a tray host and a notification
	// service. It is called once a minute at most.
	Check() (tray, notifications bool)
	// Done is closed when the desktop session goes away (e.g. the D-Bus
	// session bus closes at logout), so the agent ends with it.
	Done() <-chan struct{}
	// Close lets go of the platform's resources.
	Close()
}

// launcher starts the UI with arguments; notification actions use it.
type launcher func(args []string)
