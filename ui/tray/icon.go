package tray

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/draw"
	"image/png"
	"runtime"

	"github.com/ontspan/ontspan/assets"
)

// trayImage is the app's own icon (assets/icon.svg, rendered at 64 px) as
// pixels: the same breathing circle as the window, the .exe and the menu
// entry.
func trayImage() *image.NRGBA {
	src, err := png.Decode(bytes.NewReader(assets.TrayIcon()))
	if err != nil {
		panic("tray icon: " + err.Error()) // embedded at build time; TestIcon decodes it
	}
	img := image.NewNRGBA(src.Bounds())
	draw.Draw(img, img.Bounds(), src, src.Bounds().Min, draw.Src)
	return img
}

// iconICO wraps img in a one-image .ico with a 32-bit BMP, which is what
// Windows' LoadImage wants for a tray icon (systray loads it from a file).
func iconICO(img *image.NRGBA) []byte {
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	maskRow := (w + 31) / 32 * 4
	pixels := w * h * 4
	size := 40 + pixels + maskRow*h
	var b bytes.Buffer
	le := func(v any) { binary.Write(&b, binary.LittleEndian, v) }
	le([3]uint16{0, 1, 1})                       // ICONDIR: reserved, type icon, one image
	le([4]uint8{uint8(w), uint8(h), 0, 0})       // ICONDIRENTRY: size (0 would mean 256), no palette
	le([2]uint16{1, 32})                         // planes, bits per pixel
	le([2]uint32{uint32(size), 6 + 16})          // bytes of the image, offset
	le([3]uint32{40, uint32(w), uint32(2 * h)})  // BITMAPINFOHEADER: height counts the AND mask too
	le([2]uint16{1, 32})                         // planes, bits per pixel
	le([6]uint32{0, uint32(pixels + maskRow*h)}) // BI_RGB, image size, no resolution, no palette
	for y := h - 1; y >= 0; y-- {                // bottom-up rows, BGRA
		for x := range w {
			p := img.NRGBAAt(x, y)
			b.Write([]byte{p.B, p.G, p.R, p.A})
		}
	}
	b.Write(make([]byte, maskRow*h)) // AND mask all clear: the alpha channel decides
	return b.Bytes()
}

// trayIcon returns the icon in the format this platform's tray takes: PNG
// for the Linux (SNI) and macOS trays, .ico for Windows.
func trayIcon() []byte {
	if runtime.GOOS == "windows" {
		return iconICO(trayImage())
	}
	return assets.TrayIcon()
}
