package diary

import (
	"fmt"
	"os"
	"path/filepath"
)

// AppID is Ontspan's application ID, as given to Fyne's app.NewWithID.
const AppID = "io.github.ontspan.ontspan"

// DataDirEnv names the environment variable that overrides DataDir (tests,
// portable use).
const DataDirEnv = "ONTSPAN_DATA_DIR"

// DataDir returns the folder the diary lives in: $ONTSPAN_DATA_DIR when set,
// otherwise the folder Fyne v2.7.1's app.Storage().RootURI() gives for
// AppID, so that the window (which has Fyne) and the tray agent (which
// never loads Fyne) find the same database:
//
//	Linux, BSD: $XDG_CONFIG_HOME/fyne/<id>, by default ~/.config/fyne/<id>
//	macOS:      ~/Library/Preferences/fyne/<id>
//	Windows:    %USERPROFILE%\AppData\Roaming\fyne\<id>
//
// Fyne builds this from its internal rootConfigDir (fyne.io/fyne/v2/internal/app)
// joined with the app ID (app/preferences_other.go, storageRoot); a
// build with the "ci" tag uses <temp>/fyne-test/<id> as Fyne does.
// DataDir does not create the folder: Open does.
func DataDir() (string, error) {
	if d := os.Getenv(DataDirEnv); d != "" {
		return filepath.Abs(d)
	}
	root, err := fyneConfigRoot()
	if err != nil {
		return "", fmt.Errorf("find the data folder: %w", err)
	}
	return filepath.Join(root, AppID), nil
}
