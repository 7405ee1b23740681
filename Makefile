# Ontspan. `make run` opens the app, `make test` runs every check; both
# install what is missing first (Debian/Ubuntu: apt-get, with sudo when not root).

GO        ?= go
TAGS      := no_emoji,migrated_fynedo
RELEASE   := -tags $(TAGS) -trimpath -ldflags="-s -w"
BIN       := ontspan
# Fyne's X11 build, sound (oto → ALSA), and the tools to run the real window headless.
DEB_BUILD := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
             libxinerama-dev libxi-dev libxxf86vm-dev libasound2-dev
DEB_LOOK  := xvfb xauth xdotool imagemagick sqlite3
export CGO_ENABLED := 1

.PHONY: run test build deps deps-test bench smoke clean

run: deps build
	./$(BIN)

build:
	$(GO) build $(RELEASE) -o $(BIN) .

test: deps deps-test
	@echo "== format and vet"
	@test -z "$$(gofmt -l .)" || { echo "gofmt would change:"; gofmt -l .; exit 1; }
	$(GO) vet ./...
	@echo "== the engine builds and tests without cgo (and never imports Fyne)"
	CGO_ENABLED=0 $(GO) test ./exercises/...
	@! $(GO) list -deps ./exercises/... | grep -q '^fyne.io' || { echo "exercises/ imports Fyne"; exit 1; }
	@echo "== all tests"
	$(GO) test ./...
	@echo "== again with the race detector (-short: the crash and 50,000-session tests ran above)"
	$(GO) test -race -short ./...
	@echo "== the real window under Xvfb"
	tools/smoke.sh

smoke: deps deps-test
	tools/smoke.sh

bench: deps deps-test
	tools/bench.sh

deps:
	@tools/deps.sh $(DEB_BUILD)

deps-test:
	@tools/deps.sh $(DEB_LOOK)

clean:
	rm -f $(BIN) ontspan-baseline-*
