package tray

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/png"
	"math"
	"runtime"
)

// iconSize is large enough for HiDPI panels; hosts scale it down.
const iconSize = 64

// drawIcon paints the tray icon: a soft sage disc with a lighter core, like
// the breathing circle at rest. Drawn in code so there is no asset to keep
// in step, and anti-aliased by hand (coverage from distance to the edge).
func drawIcon(size int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	c := float64(size) / 2
	outer, inner := c*0.92, c*0.45
	sage := color.NRGBA{0x5b, 0x9a, 0x8b, 0xff}
	light := color.NRGBA{0xd8, 0xec, 0xe4, 0xff}
	for y := range size {
		for x := range size {
			d := math.Hypot(float64(x)+0.5-c, float64(y)+0.5-c)
			a := clamp01(outer - d + 0.5) // 1 inside, fading over one pixel
			if a == 0 {
				continue
			}
			t := clamp01((d - inner) / (c * 0.25)) // soft step from core to rim
			col := color.NRGBA{
				R: mix(light.R, sage.R, t),
				G: mix(light.G, sage.G, t),
				B: mix(light.B, sage.B, t),
				A: uint8(a*255 + 0.5),
			}
			img.SetNRGBA(x, y, col)
		}
	}
	return img
}

func clamp01(v float64) float64 { return math.Max(0, math.Min(1, v)) }

func mix(a, b uint8, t float64) uint8 { return uint8(float64(a)*(1-t) + float64(b)*t + 0.5) }

// iconPNG encodes img as PNG, which the Linux (SNI) and macOS trays take.
func iconPNG(img *image.NRGBA) []byte {
	var b bytes.Buffer
	png.Encode(&b, img) // cannot fail on a bytes.Buffer with a valid image
	return b.Bytes()
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

// trayIcon returns the icon in the format this platform's tray takes.
func trayIcon() []byte {
	img := drawIcon(iconSize)
	if runtime.GOOS == "windows" {
		return iconICO(img)
	}
	return iconPNG(img)
}
