# Ontspan. `make run` opens the app, `make test` runs every check, `make package`
# puts the installers in dist/. Each installs what is missing first
# (Debian/Ubuntu: apt-get, with sudo when not root).

GO        ?= go
TAGS      := no_emoji,migrated_fynedo
# Every build and test uses the same flags, so Fyne's C code (go-gl, GLFW),
# ~3 minutes to compile, is compiled once per platform and shared by the
# tests, the smoke test, the privacy test and the packages.
export GOFLAGS := -tags=$(TAGS) -trimpath
# ui.Version is what --version and About say; a test keeps it equal to FyneApp.toml.
LDFLAGS   = -s -w -X github.com/ontspan/ontspan/ui.Version=$(VERSION)
BIN       := ontspan
# FyneApp.toml is the one source of the version.
VERSION   := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
BUILDNO   := $(shell sed -n 's/^Build *= *\([0-9]*\)/\1/p' FyneApp.toml)
VERSION4  := $(VERSION).$(BUILDNO)
comma     := ,
ARCH      := $(shell dpkg --print-architecture 2>/dev/null || echo amd64)
# Fyne's X11 build, sound (oto → ALSA), and the tools to run the real window headless.
DEB_BUILD := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
             libxinerama-dev libxi-dev libxxf86vm-dev libasound2-dev
DEB_LOOK  := xvfb xauth xdotool imagemagick sqlite3
# The Windows build (mingw-w64), running it (Wine), its installer (NSIS).
DEB_WIN   := gcc-mingw-w64-x86-64 wine64 nsis binutils
# Checking the Linux packages; the privacy test (strace, and a session bus for the tray agent).
DEB_PKG   := desktop-file-utils appstream xz-utils strace dbus-daemon procps
export CGO_ENABLED := 1

WIN       := build/windows
WIN_ENV   := GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc
SETUP     := dist/Ontspan-$(VERSION)-setup.exe
DEB       := dist/ontspan_$(VERSION)_$(ARCH).deb
TARXZ     := dist/Ontspan-$(VERSION)-linux-$(ARCH).tar.xz
FYNE_TOOL := fyne.io/tools/cmd/fyne@v1.7.4

.PHONY: run build test check test-windows test-packages privacy windows installer deb tarxz \
        package icons deps deps-test deps-windows deps-package bench smoke clean

run: deps build
	./$(BIN)

build:
	$(GO) build -ldflags="$(LDFLAGS)" -o $(BIN) .

# The Windows cross-build has nothing to share with the Linux one and its C
# compile is mostly one single-threaded gcc: it runs beside the Linux checks.
test: deps deps-test deps-windows deps-package
	@$(MAKE) --no-print-directory -j2 check windows
	@$(MAKE) --no-print-directory test-windows test-packages privacy
	@echo "== all checks passed"

check:
	@echo "== format and vet ($$(date +%T))"
	@test -z "$$(gofmt -l .)" || { echo "gofmt would change:"; gofmt -l .; exit 1; }
	$(GO) vet ./...
	@echo "== the engine builds and tests without cgo (and never imports Fyne)"
	CGO_ENABLED=0 $(GO) test ./exercises/...
	@! $(GO) list -deps ./exercises/... | grep -q '^fyne.io' || { echo "exercises/ imports Fyne"; exit 1; }
	@echo "== all tests ($$(date +%T))"
	$(GO) test ./...
	@echo "== again with the race detector ($$(date +%T); -short: the crash and 50,000-session tests ran above;"
	@echo "   only packages with tests, so Fyne's GL driver, which main alone links, is not rebuilt for it)"
	$(GO) test -race -short $$($(GO) list -f '{{if or .TestGoFiles .XTestGoFiles}}{{.ImportPath}}{{end}}' ./...)
	@echo "== the real window under Xvfb ($$(date +%T))"
	tools/smoke.sh

smoke: deps deps-test
	tools/smoke.sh

# The Windows .exe, cross-built with mingw-w64, with its icon, version
# information and manifest linked in from a .syso (windres). Not `fyne
# package -os windows`: it compiles everything once more with its own flags
# and bumps Build in FyneApp.toml on every run.
windows: deps-windows
	@echo "== Windows: cross-build ($$(date +%T))"
	@mkdir -p $(WIN)
	sed -e 's/@VERSION@/$(VERSION)/g' -e 's/@VERSION4@/$(VERSION4)/g' -e 's/@COMMAS@/$(subst .,$(comma),$(VERSION4))/g' \
	    tools/windows/ontspan.rc >$(WIN)/ontspan.rc
	sed -e 's/@VERSION4@/$(VERSION4)/g' tools/windows/ontspan.manifest >$(WIN)/ontspan.manifest
	$(GO) run ./tools/ico -o $(WIN)/ontspan.ico $(foreach s,16 24 32 48 64 256,assets/icons/ontspan-$(s).png)
	cd $(WIN) && x86_64-w64-mingw32-windres -O coff -F pe-x86-64 -i ontspan.rc -o ../../ontspan_windows_amd64.syso
	$(WIN_ENV) $(GO) build -ldflags="$(LDFLAGS) -H windowsgui" -o $(WIN)/Ontspan.exe .
	x86_64-w64-mingw32-gcc -O2 -shared -s -o $(WIN)/bcryptprimitives.dll \
	    tools/windows/bcryptprimitives.c tools/windows/bcryptprimitives.def -ladvapi32
	@echo "== Windows: built $(WIN)/Ontspan.exe ($$(date +%T))"

installer: windows
	@mkdir -p dist
	makensis -V2 -DVERSION=$(VERSION) -DVERSION4=$(VERSION4) -DEXE="$(CURDIR)/$(WIN)/Ontspan.exe" \
	    -DICON="$(CURDIR)/$(WIN)/ontspan.ico" -DOUTFILE="$(CURDIR)/$(SETUP)" tools/windows/installer.nsi

# The .exe under Wine in Xvfb: home, a breathing session into the diary,
# the tray agent, and the installer (install, start, uninstall).
test-windows: deps-test deps-windows installer
	@echo "== Windows under Wine ($$(date +%T))"
	tools/windows/wine.sh $(WIN)/Ontspan.exe $(SETUP)

deb: build deps-package
	tools/linux/deb.sh $(BIN) $(DEB)

# The .tar.xz of `fyne package -os linux` (binary, .desktop, icon and a
# Makefile for `make install`), from the binary built above. fyne package
# rewrites FyneApp.toml (Build+1, without comments): it is put back.
tarxz: build
	$(GO) install $(FYNE_TOOL)
	@mkdir -p build dist
	cp FyneApp.toml build/FyneApp.toml.keep
	"$$($(GO) env GOPATH)/bin/fyne" package -os linux --executable $(BIN) --release; rc=$$?; \
	    cp build/FyneApp.toml.keep FyneApp.toml; exit $$rc
	mv Ontspan.tar.xz $(TARXZ)

# The .deb: desktop entry, AppStream file, icons, installed into a
# throw-away root and started from its desktop entry's Exec line.
test-packages: deps-test deb
	@echo "== Linux packages ($$(date +%T))"
	tools/linux/check.sh $(DEB)

# The real app with a breathing session, the diary, a parked worry and the
# tray agent, traced: only local sockets.
privacy: deps-test deps-package build
	@echo "== privacy: no network ($$(date +%T))"
	tools/privacy.sh $(BIN)

package: deps deps-windows deps-package installer deb tarxz
	cp $(WIN)/Ontspan.exe dist/Ontspan.exe
	@ls -l dist

# The icon's PNGs, rendered from assets/icon.svg (committed, so building
# needs no SVG renderer).
icons:
	@tools/deps.sh librsvg2-bin
	for s in 16 24 32 48 64 128 256 512; do rsvg-convert -w $$s -h $$s assets/icon.svg -o assets/icons/ontspan-$$s.png; done
	cp assets/icons/ontspan-256.png assets/icon.png

bench: deps deps-test
	tools/bench.sh

deps:
	@tools/deps.sh $(DEB_BUILD)

deps-test:
	@tools/deps.sh $(DEB_LOOK)

deps-windows:
	@tools/deps.sh $(DEB_WIN)

deps-package:
	@tools/deps.sh $(DEB_PKG)

clean:
	rm -rf $(BIN) ontspan-baseline-* build dist ontspan_windows_amd64.syso
