//go:build windows

package tray

import (
	"context"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// psDesktop shows a Windows toast through PowerShell's WinRT bridge, under
// PowerShell's own app id (an unpackaged app has none registered). No
// action buttons: a click brings PowerShell's nothing, but the mini-check
// text is the check all the same.
type psDesktop struct{ done chan struct{} }

func openDesktop(launcher) (desktop, error) { return &psDesktop{done: make(chan struct{})}, nil }

// Check: the notification area is always there; the toasts need
// PowerShell, which an administrator may have removed (and Wine has none).
// Without it the window shows due reminders instead.
func (*psDesktop) Check() (tray, notifications bool) {
	_, err := exec.LookPath("powershell.exe")
	return true, err == nil
}

const toastScript = `
[Windows.UI.Notifications.ToastNotificationManager, Windows.UI.Notifications, ContentType = WindowsRuntime] > $null
[Windows.Data.Xml.Dom.XmlDocument, Windows.Data.Xml.Dom.XmlDocument, ContentType = WindowsRuntime] > $null
$x = New-Object Windows.Data.Xml.Dom.XmlDocument
$x.LoadXml('<toast><visual><binding template="ToastGeneric"><text>TITLE</text><text>BODY</text></binding></visual></toast>')
$id = '{1AC14E77-02E7-4E5D-B744-2EB1AE5198B7}\WindowsPowerShell\v1.0\powershell.exe'
[Windows.UI.Notifications.ToastNotificationManager]::CreateToastNotifier($id).Show([Windows.UI.Notifications.ToastNotification]::new($x))
`

func (*psDesktop) Notify(n note) error {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	// XML-escape for the toast, then double ' for the PowerShell string.
	esc := func(s string) string {
		s = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
		return strings.ReplaceAll(s, "'", "''")
	}
	script := strings.NewReplacer("TITLE", esc(n.Title), "BODY", esc(n.Body)).Replace(toastScript)
	cmd := exec.CommandContext(ctx, "powershell.exe", "-NoProfile", "-NonInteractive", "-WindowStyle", "Hidden", "-Command", script)
	cmd.SysProcAttr = &syscall.SysProcAttr{HideWindow: true, CreationFlags: 0x08000000} // CREATE_NO_WINDOW
	return cmd.Run()
}

func (d *psDesktop) Done() <-chan struct{} { return d.done }

func (*psDesktop) Close() {}
