package tray

import (
	"bytes"
	"encoding/binary"
	"image/png"
	"testing"
)

func TestIcon(t *testing.T) {
	img, err := png.Decode(bytes.NewReader(iconPNG(drawIcon(iconSize))))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != iconSize || b.Dy() != iconSize {
		t.Errorf("size %v", b)
	}
	if _, _, _, a := img.At(iconSize/2, iconSize/2).RGBA(); a != 0xffff {
		t.Error("centre not opaque")
	}
	if _, _, _, a := img.At(0, 0).RGBA(); a != 0 {
		t.Error("corner not transparent: the shape must be round")
	}

	ico := iconICO(drawIcon(32))
	le := binary.LittleEndian
	if le.Uint16(ico[2:]) != 1 || le.Uint16(ico[4:]) != 1 {
		t.Error("not a one-image icon")
	}
	if ico[6] != 32 || ico[7] != 32 || le.Uint16(ico[12:]) != 32 {
		t.Error("directory entry size or depth wrong")
	}
	size, off := le.Uint32(ico[14:]), le.Uint32(ico[18:])
	if int(off)+int(size) != len(ico) || off != 22 {
		t.Errorf("image at %d+%d, file %d", off, size, len(ico))
	}
	if le.Uint32(ico[22:]) != 40 || le.Uint32(ico[30:]) != 64 {
		t.Error("BITMAPINFOHEADER wrong (height must count the mask)")
	}
}
