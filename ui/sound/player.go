package sound

import (
	"bytes"
	"fmt"
	"sync"
	"time"

	"github.com/ebitengine/oto/v3"
)

// Player plays cues through the system's audio output. It opens the device
// on the first cue, not at start-up, and suspends it when quiet, so an idle
// app keeps no audio stream busy.
type Player struct {
	mu      sync.Mutex
	ctx     *oto.Context
	failed  error
	tones   [][]byte // rendered once, off the start-up path (see New)
	render  sync.Once
	playing []*oto.Player // kept alive until they finish
	idle    *time.Timer
	logf    func(format string, args ...any)
}

// New returns a Player. Device problems show up later, once, through logf,
// and never stop a session: it goes on silently.
func New(logf func(string, ...any)) *Player {
	p := &Player{logf: logf}
	// Rendering the tones takes ~20 ms of CPU: do it a moment after start,
	// not before the first frame, and long before anyone can start a session.
	time.AfterFunc(2*time.Second, p.prepare)
	return p
}

// prepare renders every cue once.
func (p *Player) prepare() {
	p.render.Do(func() {
		tones := make([][]byte, len(cueNotes))
		for c := range cueNotes {
			tones[c] = pcm(Samples(c))
		}
		p.tones = tones
	})
}

// Play starts cue c and returns at once.
func (p *Player) Play(c int) {
	p.prepare() // at once if a session starts within the first seconds
	p.mu.Lock()
	defer p.mu.Unlock()
	if c < 0 || c >= len(p.tones) || !p.open() {
		return
	}
	kept := p.playing[:0]
	for _, pl := range p.playing {
		if pl.IsPlaying() {
			kept = append(kept, pl)
		}
	}
	pl := p.ctx.NewPlayer(bytes.NewReader(p.tones[c]))
	pl.Play()
	p.playing = append(kept, pl)
	// Let the device rest a while after the last tone.
	if p.idle != nil {
		p.idle.Stop()
	}
	p.idle = time.AfterFunc(30*time.Second, func() {
		p.mu.Lock()
		defer p.mu.Unlock()
		if p.ctx != nil {
			_ = p.ctx.Suspend()
		}
	})
}

// open makes sure the device is open and running. Caller holds mu.
func (p *Player) open() bool {
	if p.failed != nil {
		return false
	}
	if p.ctx == nil {
		ctx, ready, err := oto.NewContext(&oto.NewContextOptions{SampleRate: SampleRate, ChannelCount: 1, Format: oto.FormatFloat32LE, BufferSize: 40 * time.Millisecond})
		if err != nil {
			p.fail(err)
			return false
		}
		select {
		case <-ready:
		case <-time.After(2 * time.Second):
			p.fail(fmt.Errorf("audio device did not open within 2 s"))
			return false
		}
		if err := ctx.Err(); err != nil {
			p.fail(err)
			return false
		}
		p.ctx = ctx
	}
	if err := p.ctx.Resume(); err != nil {
		p.fail(err)
		return false
	}
	return true
}

func (p *Player) fail(err error) {
	p.failed = err
	if p.logf != nil {
		p.logf("no sound: %v (exercises go on silently)", err)
	}
}
