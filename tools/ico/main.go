// Command ico packs PNG files into one Windows .ico, for the .exe and the
// installer: `go run ./tools/ico -o ontspan.ico a-16.png a-32.png …`.
// Since Windows Vista an icon image may be a whole PNG file, so nothing is
// converted; this keeps ImageMagick out of the Windows build (the GitHub
// Windows runner has Go, but not ImageMagick).
package main

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"image/png"
	"io"
	"os"
)

func main() {
	out := flag.String("o", "", "the .ico to write")
	flag.Parse()
	if *out == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: ico -o OUT.ico IMAGE.png...")
		os.Exit(2)
	}
	var imgs [][]byte
	for _, name := range flag.Args() {
		b, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, "ico:", err)
			os.Exit(1)
		}
		imgs = append(imgs, b)
	}
	f, err := os.Create(*out)
	if err == nil {
		err = write(f, imgs)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "ico:", err)
		os.Exit(1)
	}
}

// write writes an ICONDIR, one ICONDIRENTRY per PNG, then the PNGs. Each
// must be square and at most 256 px (0 in the entry means 256).
func write(w io.Writer, pngs [][]byte) error {
	var b bytes.Buffer
	le := func(v any) { binary.Write(&b, binary.LittleEndian, v) }
	le([3]uint16{0, 1, uint16(len(pngs))}) // reserved, type icon, count
	offset := 6 + 16*len(pngs)
	for i, p := range pngs {
		cfg, err := png.DecodeConfig(bytes.NewReader(p))
		if err != nil {
			return fmt.Errorf("image %d: %w", i+1, err)
		}
		if cfg.Width != cfg.Height || cfg.Width > 256 {
			return fmt.Errorf("image %d is %dx%d: icons are square, 256 px at most", i+1, cfg.Width, cfg.Height)
		}
		le([4]uint8{uint8(cfg.Width), uint8(cfg.Height), 0, 0}) // 256 wraps to 0, as the format wants
		le([2]uint16{1, 32})                                    // planes, bits per pixel
		le([2]uint32{uint32(len(p)), uint32(offset)})
		offset += len(p)
	}
	for _, p := range pngs {
		b.Write(p)
	}
	_, err := w.Write(b.Bytes())
	return err
}
