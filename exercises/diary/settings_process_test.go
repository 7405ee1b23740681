package diary

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// settingsChildEnv makes the test binary a helper process for
// TestUpdateSettingFromTwoProcesses: "<dir> <n>" adds one to "count" n
// times with UpdateSetting, then exits.
const settingsChildEnv = "ONTSPAN_SETTINGS_TEST_CHILD"

// TestSettingsHelperProcess is not a test: see settingsChildEnv.
func TestSettingsHelperProcess(t *testing.T) {
	args := strings.Fields(os.Getenv(settingsChildEnv))
	if len(args) != 2 {
		t.Skip("only runs as a child of TestUpdateSettingFromTwoProcesses")
	}
	s, err := Open(args[0])
	if err != nil {
		fmt.Fprintln(os.Stderr, "open:", err)
		os.Exit(2)
	}
	n, _ := strconv.Atoi(args[1])
	for range n {
		err := s.UpdateSetting("count", func(v string, ok bool) (string, error) {
			c, _ := strconv.Atoi(v)
			return strconv.Itoa(c + 1), nil
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, "update:", err)
			os.Exit(3)
		}
	}
	s.Close()
	os.Exit(0)
}

// TestUpdateSettingFromTwoProcesses: the window and the tray agent are two
// processes; each adds one to a stored number many times at the same
// moment. Read and write are one transaction, so every addition counts.
func TestUpdateSettingFromTwoProcesses(t *testing.T) {
	s, dir := openTemp(t)
	const each = 30
	var cmds []*exec.Cmd
	for range 2 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestSettingsHelperProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%s %d", settingsChildEnv, dir, each))
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("helper: %v", err)
		}
	}
	if v, _, _ := s.Setting("count"); v != strconv.Itoa(2*each) {
		t.Errorf("count %s, want %d: updates were lost", v, 2*each)
	}
}
