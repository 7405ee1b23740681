package main

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/png"
	"testing"
)

func pngOf(t *testing.T, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewNRGBA(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestWrite(t *testing.T) {
	small, big := pngOf(t, 16, 16), pngOf(t, 256, 256)
	var out bytes.Buffer
	if err := write(&out, [][]byte{small, big}); err != nil {
		t.Fatal(err)
	}
	ico, le := out.Bytes(), binary.LittleEndian
	if le.Uint16(ico[2:]) != 1 || le.Uint16(ico[4:]) != 2 {
		t.Fatalf("header: type %d, count %d", le.Uint16(ico[2:]), le.Uint16(ico[4:]))
	}
	for i, want := range []struct {
		size byte
		data []byte
	}{{16, small}, {0, big}} { // 256 px is written as 0
		e := ico[6+16*i:]
		if e[0] != want.size || e[1] != want.size {
			t.Errorf("entry %d: size %d", i, e[0])
		}
		n, off := le.Uint32(e[8:]), le.Uint32(e[12:])
		if !bytes.Equal(ico[off:off+n], want.data) {
			t.Errorf("entry %d: bytes at %d+%d are not its PNG", i, off, n)
		}
	}
	if err := write(&out, [][]byte{pngOf(t, 16, 8)}); err == nil {
		t.Error("a non-square image was accepted")
	}
	if err := write(&out, [][]byte{pngOf(t, 512, 512)}); err == nil {
		t.Error("a 512 px image was accepted")
	}
}
