package tray

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// autostartID names the autostart entry on every platform.
const autostartID = "io.github.ontspan.ontspan-reminders"

// appID is the app's own ID (the UI's .desktop file and icon name).
const appID = "io.github.ontspan.ontspan"

// EnableAutostart makes `exe --tray` start when the user logs in: an XDG
// autostart entry on Linux and the BSDs, a LaunchAgent on macOS, a file in
// the Startup folder on Windows. It replaces an older entry, so a moved
// executable is picked up by enabling again.
func EnableAutostart(exe string) error {
	if strings.ContainsAny(exe, "\r\n") {
		return fmt.Errorf("autostart: the program path %q has a line break", exe)
	}
	exe, err := filepath.Abs(exe)
	if err != nil {
		return fmt.Errorf("autostart: %w", err)
	}
	path, err := autostartPath()
	if err != nil {
		return fmt.Errorf("autostart: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("autostart: %w", err)
	}
	// Write then rename, so a login at the wrong moment never reads half a file.
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(autostartContent(exe)), 0o644); err != nil {
		return fmt.Errorf("autostart: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("autostart: %w", err)
	}
	return nil
}

// DisableAutostart removes the entry EnableAutostart made. No entry is fine.
func DisableAutostart() error {
	path, err := autostartPath()
	if err != nil {
		return fmt.Errorf("autostart: %w", err)
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("autostart: %w", err)
	}
	return nil
}

// AutostartEnabled reports whether the autostart entry exists.
func AutostartEnabled() bool {
	path, err := autostartPath()
	if err != nil {
		return false
	}
	_, err = os.Stat(path)
	return err == nil
}

// desktopEntry is the XDG autostart file. Names are in English with a Dutch
// translation, as desktop entries carry their own.
func desktopEntry(exe string) string {
	return "[Desktop Entry]\n" +
		"Type=Application\n" +
		"Name=" + tr("en", "autostart.name") + "\n" +
		"Name[nl]=" + tr("nl", "autostart.name") + "\n" +
		"Comment=" + tr("en", "autostart.note") + "\n" +
		"Comment[nl]=" + tr("nl", "autostart.note") + "\n" +
		"Exec=" + desktopExecArg(exe) + " --tray\n" +
		"Icon=" + appID + "\n" +
		"Terminal=false\n" +
		"X-GNOME-Autostart-enabled=true\n"
}

// desktopExecArg quotes one Exec argument as the Desktop Entry spec asks:
// double quotes around anything with reserved characters, a backslash before
// " ` $ and \ inside them, then every backslash doubled again because the
// value is itself an escaped string; % is written %%.
func desktopExecArg(s string) string {
	s = strings.ReplaceAll(s, "%", "%%")
	if !strings.ContainsAny(s, " \t\n\"'\\><~|&;$*?#()`") {
		return s
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '`', '$':
			b.WriteString(`\\`)
		case '\\':
			b.WriteString(`\\\\`)
			continue
		}
		b.WriteRune(r)
	}
	b.WriteByte('"')
	return b.String()
}

// launchAgentPlist is the macOS LaunchAgent. No KeepAlive: when the user
// quits reminders they stay quit until the next login.
func launchAgentPlist(exe string) string {
	var esc strings.Builder
	xml.EscapeText(&esc, []byte(exe))
	return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>Label</key>
	<string>` + autostartID + `</string>
	<key>ProgramArguments</key>
	<array>
		<string>` + esc.String() + `</string>
		<string>--tray</string>
	</array>
	<key>RunAtLoad</key>
	<true/>
	<key>ProcessType</key>
	<string>Interactive</string>
</dict>
</plist>
`
}

// startupCmd is the Windows Startup-folder file: a .cmd script. A .lnk
// shortcut would need COM to write, and a .vbs (which hides the brief
// console window) depends on VBScript, which Microsoft is phasing out. The
// script switches to UTF-8 first so a path with non-ASCII letters (a user
// folder such as C:\Users\José) survives, and doubles % as batch files need.
func startupCmd(exe string) string {
	exe = strings.ReplaceAll(exe, "%", "%%")
	return "@echo off\r\n" +
		"rem " + tr("en", "autostart.name") + ": starts at login. Delete this file to stop that.\r\n" +
		"chcp 65001 >nul\r\n" +
		`start "" "` + exe + `" --tray` + "\r\n"
}
