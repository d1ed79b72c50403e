package dsn

import "slices"

// A reader reads one format of report. To add a format, add a file reader_<name>.go that
// declares its reader and registers it in an init function, and a fixture with its golden file
// (docs/parsing.md, "Adding a format").
type reader struct {
	// name names the format, for tests and logs.
	name string
	// stage and order place the reader among the others (see readers).
	stage readerStage
	order int
	// detect tells whether the message is in this format. It only looks: it changes nothing in
	// the interpreter, the collected MIME data or the report (TestReadersDetectWithoutEffect).
	detect func(p *interpreter) bool
	// read fills the report from the message. Recipients it finds go through p.complete, the
	// enrichment shared by all readers (enrich.go), unless the format says all there is to say.
	read func(p *interpreter)
}

// readerStage is when a reader is asked.
type readerStage int

const (
	// stageStructured readers read machine-readable reports (ARF, DSN, MDN, SES JSON). The first
	// whose detect says yes reads the message, and no other of this stage does: order matters
	// where two could apply (an ARF report may carry a delivery-status part).
	stageStructured readerStage = iota
	// stageText readers read notices written for people. While the report is still empty (no
	// recipient, no kind), each in turn reads the message when its detect says yes; the generic
	// text bounce comes late (order 90), so that a format's own reader comes before it.
	stageText
)

// readers are the registered readers, by stage and order.
var readers []reader

// register adds readers to the table, in the place their stage and order give them.
func register(rds ...reader) {
	for _, rd := range rds {
		i, found := slices.BinarySearchFunc(readers, rd, compareReaders)
		if found {
			panic("dsn: two readers at stage and order of " + rd.name)
		}
		readers = slices.Insert(readers, i, rd)
	}
}

func compareReaders(a, b reader) int {
	if a.stage != b.stage {
		return int(a.stage) - int(b.stage)
	}
	return a.order - b.order
}

// readMessage runs the readers over the message.
func (p *interpreter) readMessage() {
	rds := readers
	for len(rds) > 0 && rds[0].stage == stageStructured {
		if rds[0].detect(p) {
			rds[0].read(p)
			break
		}
		rds = rds[1:]
	}
	for _, rd := range rds {
		if rd.stage != stageText {
			continue
		}
		if len(p.rep.Recipients) > 0 || p.rep.Kind != "" {
			return
		}
		if rd.detect(p) {
			rd.read(p)
		}
	}
}
