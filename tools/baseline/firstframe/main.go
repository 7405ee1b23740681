// Command firstframe is a measuring aid for tools/bench.sh, not a baseline:
// given an X window id it reads the window's pixels straight from the X
// server every few milliseconds until the picture is "drawn" — holds more
// than 8 distinct colours, which a cleared or unpainted window never does —
// and prints that moment as Unix nanoseconds. ImageMagick's import takes
// ~85 ms a shot here; this takes a few, so start-up is timed to ~5 ms.
//
//	firstframe WINDOW-ID [TIMEOUT-SECONDS]
package main

/*
#cgo LDFLAGS: -lX11
#include <stdlib.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>

static int ignore(Display *d, XErrorEvent *e) { return 0; }

// colours returns how many distinct pixels the window shows, counting up to
// max, or -1 when the window cannot be read (yet).
static int colours(Display *d, Window w, int max) {
	XWindowAttributes a;
	if (!XGetWindowAttributes(d, w, &a) || a.map_state != IsViewable) return -1;
	XImage *img = XGetImage(d, w, 0, 0, a.width, a.height, AllPlanes, ZPixmap);
	if (!img) return -1;
	unsigned long seen[64];
	int n = 0;
	for (int y = 0; y < a.height && n < max; y += 2) {
		for (int x = 0; x < a.width && n < max; x += 2) {
			unsigned long p = XGetPixel(img, x, y);
			int k = 0;
			while (k < n && seen[k] != p) k++;
			if (k == n) seen[n++] = p;
		}
	}
	XDestroyImage(img);
	return n;
}

static Display *open(void) { XSetErrorHandler(ignore); return XOpenDisplay(NULL); }
*/
import "C"

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

const drawn = 9 // more than 8 colours: text or shapes, not a flat fill

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: firstframe WINDOW-ID [TIMEOUT-SECONDS]")
		os.Exit(2)
	}
	id, err := strconv.ParseUint(os.Args[1], 0, 32)
	if err != nil {
		fmt.Fprintln(os.Stderr, "firstframe: window id:", err)
		os.Exit(2)
	}
	timeout := 30 * time.Second
	if len(os.Args) > 2 {
		s, _ := strconv.Atoi(os.Args[2])
		timeout = time.Duration(s) * time.Second
	}
	d := C.open()
	if d == nil {
		fmt.Fprintln(os.Stderr, "firstframe: cannot open the display")
		os.Exit(1)
	}
	end := time.Now().Add(timeout)
	for time.Now().Before(end) {
		if C.colours(d, C.Window(id), drawn) >= drawn {
			fmt.Println(time.Now().UnixNano())
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
	fmt.Fprintln(os.Stderr, "firstframe: nothing drawn before the timeout")
	os.Exit(1)
}
