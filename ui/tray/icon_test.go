package tray

import (
	"bytes"
	"encoding/binary"
	"image/png"
	"testing"
)

func TestIcon(t *testing.T) {
	img := trayImage()
	const size = 64
	if b := img.Bounds(); b.Dx() != size || b.Dy() != size {
		t.Errorf("size %v", b)
	}
	if a := img.NRGBAAt(size/2, size/2).A; a != 0xff {
		t.Error("centre not opaque")
	}
	if a := img.NRGBAAt(0, 0).A; a != 0 {
		t.Error("corner not transparent: the shape must be round")
	}
	if _, err := png.Decode(bytes.NewReader(trayIcon())); err != nil && !bytes.HasPrefix(trayIcon(), []byte{0, 0, 1, 0}) {
		t.Errorf("trayIcon is neither a PNG nor an .ico: %v", err)
	}

	ico := iconICO(img)
	le := binary.LittleEndian
	if le.Uint16(ico[2:]) != 1 || le.Uint16(ico[4:]) != 1 {
		t.Error("not a one-image icon")
	}
	if ico[6] != size || ico[7] != size || le.Uint16(ico[12:]) != 32 {
		t.Error("directory entry size or depth wrong")
	}
	n, off := le.Uint32(ico[14:]), le.Uint32(ico[18:])
	if int(off)+int(n) != len(ico) || off != 22 {
		t.Errorf("image at %d+%d, file %d", off, n, len(ico))
	}
	if le.Uint32(ico[22:]) != 40 || le.Uint32(ico[30:]) != 2*size {
		t.Error("BITMAPINFOHEADER wrong (height must count the mask)")
	}
	// Bottom-up BGRA: the first pixel written is the bottom-left corner.
	if ico[22+40+3] != 0 {
		t.Error("bottom-left pixel not transparent")
	}
}
