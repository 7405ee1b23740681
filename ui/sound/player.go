package sound

import (
	"bytes"
	"fmt"
	"sync"
	"time"

	"github.com/ebitengine/oto/v3"

	"github.com/ontspan/ontspan/exercises"
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
	volume  float64 // 0..1, as the user set it
	logf    func(format string, args ...any)
}

// New returns a Player. Device problems show up later, once, through logf,
// and never stop a session: it goes on silently.
func New(logf func(string, ...any)) *Player {
	p := &Player{logf: logf, volume: 1}
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
func (p *Player) Play(c exercises.Cue) {
	p.prepare() // at once if a session starts within the first seconds
	p.mu.Lock()
	defer p.mu.Unlock()
	if c < 0 || int(c) >= len(p.tones) || !p.open() {
		return
	}
	kept := p.playing[:0]
	for _, pl := range p.playing {
		if pl.IsPlaying() {
			kept = append(kept, pl)
		}
	}
	pl := p.ctx.NewPlayer(bytes.NewReader(p.tones[int(c)]))
	pl.SetVolume(Gain(p.volume))
	pl.Play()
	p.playing = append(kept, pl)
	p.restLater()
}

// SetVolume sets how loud the next cues play, from 0 (silent) to 1 (as
// rendered). Values outside are clamped.
func (p *Player) SetVolume(v float64) {
	p.mu.Lock()
	p.volume = max(0, min(1, v))
	p.mu.Unlock()
}

// Gain is the amplitude factor for a volume setting: the square, so the
// slider's middle sounds about half as loud, as ears judge it (-12 dB),
// instead of barely softer.
func Gain(volume float64) float64 {
	v := max(0, min(1, volume))
	return v * v
}

// Check opens the audio device if it is not open yet and returns why no
// sound can play, or nil. It can take up to two seconds: call it off the
// UI goroutine (Settings does, to say so on screen).
func (p *Player) Check() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.open() {
		p.restLater()
	}
	return p.failed
}

// restLater lets the device rest a while after the last tone. Caller holds mu.
func (p *Player) restLater() {
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
