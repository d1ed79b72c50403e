package dsn

// A reader reads one format of report. To add a format, add a file reader_<name>.go that
// declares its reader and puts it in one of the two tables below (see docs/parsing.md, "Adding
// a format"), and a fixture with its golden file under testdata/golden.
type reader struct {
	// name names the format, for tests and the reader of this table.
	name string
	// detect tells whether the message is in this format. It only looks: it changes nothing in
	// the interpreter, the collected MIME data or the report (TestReadersDetectWithoutEffect).
	detect func(p *interpreter) bool
	// read fills the report from the message. Recipients it finds go through p.complete, the
	// enrichment shared by all readers, unless the format says all there is to say.
	read func(p *interpreter)
}

// structuredReaders read the machine-readable reports. The first whose detect says yes reads
// the message, and no other of this table does: the order matters where two could apply (an
// ARF report may carry a delivery-status part).
var structuredReaders = []reader{
	arfReader,
	jmrpReader,
	unsubscribeReader,
	deliveryStatusReader,
	dispositionReader,
	sesReader,
}

// textReaders read the notices written for people. While the report is still empty (no
// recipient, no kind), each in turn reads the message when its detect says yes.
var textReaders = []reader{
	listManagerReader,
	textBounceReader,
	autoReplyReader,
}

// readMessage runs the readers over the message.
func (p *interpreter) readMessage() {
	for _, rd := range structuredReaders {
		if rd.detect(p) {
			rd.read(p)
			break
		}
	}
	for _, rd := range textReaders {
		if len(p.rep.Recipients) > 0 || p.rep.Kind != "" {
			return
		}
		if rd.detect(p) {
			rd.read(p)
		}
	}
}
