package tray

import (
	"log"
	"os/exec"
)

// startUI starts the window process `exe args…` on its own and does not
// wait for it: the agent stays light, and the window exits when closed.
// A goroutine reaps it so no zombie is left behind.
func startUI(exe string, args []string, logger *log.Logger) {
	cmd := exec.Command(exe, args...)
	detach(cmd)
	if err := cmd.Start(); err != nil {
		logger.Printf("could not start the window (%s %v): %v", exe, args, err)
		return
	}
	go cmd.Wait()
}

// StartAgent starts `exe --tray` on its own, for when the user turns
// reminders on in the window: it outlives the window, which exits when
// closed. A second agent finds the lock taken and quietly ends.
func StartAgent(exe string) error {
	cmd := exec.Command(exe, "--tray")
	detach(cmd)
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait()
	return nil
}
