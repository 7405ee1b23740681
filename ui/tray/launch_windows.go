//go:build windows

package tray

import (
	"os/exec"
	"syscall"
)

// detach gives the window its own process group, so a console Ctrl-C meant
// for the agent does not reach it.
func detach(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{CreationFlags: syscall.CREATE_NEW_PROCESS_GROUP}
}
