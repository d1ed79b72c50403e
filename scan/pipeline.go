package scan

import (
	"runtime"

	"github.com/rebound/rebound/dsn"
	"github.com/rebound/rebound/feedback"
)

// pipeline parses messages on worker goroutines ahead of their handling: submit hands a message
// to the workers and handles, in the order they were submitted, those whose parse is done. All
// handling (filters, queueing, moves) happens on the goroutine that calls submit and drain, one
// message at a time, exactly as without workers; only the work of parse (Open, dsn.Parse and
// feedback.Build) runs elsewhere.
type pipeline struct {
	parse  func(*Message) parsed
	handle func(*Message, parsed) error
	jobs   chan *parsing
	queue  []*parsing // submitted, not handled yet, in order
	window int        // at most this many messages parsed ahead
	direct bool       // one worker: parse in line, no goroutine
}

// parsed is what a worker makes of a message: its parse and the reports built from it.
type parsed struct {
	rep     *dsn.Report
	reports []feedback.Report
	err     error
}

// parsing is a message being parsed; done is closed once out is set.
type parsing struct {
	m    *Message
	out  parsed
	done chan struct{}
}

func newPipeline(workers int, parse func(*Message) parsed, handle func(*Message, parsed) error) *pipeline {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	p := &pipeline{parse: parse, handle: handle, window: 8 * workers, direct: workers == 1}
	if p.direct {
		return p
	}
	jobs := make(chan *parsing, p.window)
	p.jobs = jobs
	for range workers {
		go func() {
			for j := range jobs {
				j.out = p.parse(j.m)
				close(j.done)
			}
		}()
	}
	return p
}

// submit hands m to the workers, then handles the messages whose parse is done, in order,
// waiting for the oldest while the window is full. An error of the handling is returned (the
// messages parsed ahead are then never handled).
func (p *pipeline) submit(m *Message) error {
	if p.direct {
		return p.handle(m, p.parse(m))
	}
	j := &parsing{m: m, done: make(chan struct{})}
	p.jobs <- j
	p.queue = append(p.queue, j)
	for len(p.queue) > 0 {
		head := p.queue[0]
		if len(p.queue) < p.window {
			select {
			case <-head.done:
			default:
				return nil // not parsed yet: handled at a later submit or drain
			}
		}
		<-head.done
		p.queue = p.queue[1:]
		if err := p.handle(head.m, head.out); err != nil {
			p.queue = nil
			return err
		}
	}
	return nil
}

// drain handles every message submitted and not handled yet.
func (p *pipeline) drain() error {
	for len(p.queue) > 0 {
		head := p.queue[0]
		<-head.done
		p.queue = p.queue[1:]
		if err := p.handle(head.m, head.out); err != nil {
			p.queue = nil
			return err
		}
	}
	return nil
}

// stop ends the workers (the messages still queued are parsed and dropped).
func (p *pipeline) stop() {
	if p.jobs != nil {
		close(p.jobs)
		p.jobs = nil
	}
}
