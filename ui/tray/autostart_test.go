package tray

import (
	"strings"
	"testing"
)

func TestDesktopExecArg(t *testing.T) {
	tests := map[string]string{
		"/usr/bin/ontspan":              "/usr/bin/ontspan",
		"/opt/Ontspan App/ontspan":      `"/opt/Ontspan App/ontspan"`,
		`/home/a"b/ontspan`:             `"/home/a\\"b/ontspan"`,
		`/home/$USER/ontspan`:           `"/home/\\$USER/ontspan"`,
		`/odd\dir/ontspan`:              `"/odd\\\\dir/ontspan"`,
		"/home/100%/ontspan":            "/home/100%%/ontspan",
		"/home/josé/.local/bin/ontspan": "/home/josé/.local/bin/ontspan",
	}
	for in, want := range tests {
		if got := desktopExecArg(in); got != want {
			t.Errorf("desktopExecArg(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestOtherPlatformsContent(t *testing.T) {
	plist := launchAgentPlist("/Applications/Ontspan & Co.app/Contents/MacOS/ontspan")
	for _, want := range []string{
		"<string>io.github.ontspan.ontspan-reminders</string>",
		"<string>/Applications/Ontspan &amp; Co.app/Contents/MacOS/ontspan</string>",
		"<string>--tray</string>", "<key>RunAtLoad</key>\n\t<true/>",
	} {
		if !strings.Contains(plist, want) {
			t.Errorf("plist lacks %q:\n%s", want, plist)
		}
	}
	cmd := startupCmd(`C:\Users\José\AppData\Local\Programs\Ontspan 100%\ontspan.exe`)
	for _, want := range []string{
		"chcp 65001 >nul\r\n",
		`start "" "C:\Users\José\AppData\Local\Programs\Ontspan 100%%\ontspan.exe" --tray` + "\r\n",
	} {
		if !strings.Contains(cmd, want) {
			t.Errorf("startup script lacks %q:\n%s", want, cmd)
		}
	}
}
