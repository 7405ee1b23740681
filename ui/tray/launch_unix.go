//go:build unix

package tray

import (
	"os/exec"
	"syscall"
)

// detach puts the window in its own process group, so a Ctrl-C or a signal
// meant for the agent does not close a window the user is working in.
func detach(cmd *exec.Cmd) { cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} }
