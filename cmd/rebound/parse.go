//go:build !pipeonly

package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"sync"
	"text/tabwriter"
	"unicode"
	"unicode/utf8"

	"github.com/rebound/rebound/dsn"
	"github.com/rebound/rebound/mailsource"
)

// ParseCmd parses messages and prints what they say.
type ParseCmd struct {
	ParseOptions `embed:""`

	JSON  bool     `name:"json" help:"Print one JSON object per message per line."`
	Jobs  int      `name:"jobs" placeholder:"N" short:"j" help:"Messages parsed in parallel (default: number of CPUs)."`
	Paths []string `arg:"" help:"Message files, Maildirs, directories, mbox files, or - for stdin."`
}

// Run implements the command.
func (c *ParseCmd) Run(cli *CLI) error {
	opts, err := c.DSNOptions()
	if err != nil {
		return err
	}
	paths, err := mailsource.Expand(c.Paths)
	if err != nil {
		return err
	}
	// A batch parse allocates much and keeps little (one message per worker): fewer, larger
	// collections save a quarter of the CPU for a few more megabytes.
	debug.SetGCPercent(400)
	out := bufio.NewWriterSize(os.Stdout, 64<<10)
	render := appendJSONLine
	var w io.Writer = out
	var tw *tabwriter.Writer
	if !c.JSON {
		tw = newParseTable(out)
		w = tw
		render = appendTableRows
	}
	failed, err := parseAll(paths, opts, c.Jobs, render, w, os.Stderr)
	if tw != nil && err == nil {
		err = tw.Flush()
	}
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return fmt.Errorf("writing the output: %w", err)
	}
	if failed > 0 {
		fmt.Fprintf(os.Stderr, "rebound: %d of the messages could not be parsed\n", failed)
		return exitCode(1)
	}
	return nil
}

// appendJSONLine renders a parsed message as one line of parse --json.
func appendJSONLine(dst []byte, p mailsource.Parsed) []byte {
	return append(p.Report.AppendJSON(dst, p.Source), '\n')
}

// tableHeader is the first line of the table output.
const tableHeader = "SOURCE\tKIND\tRECIPIENT\tACTION\tSTATUS\tCODE\tREASON\tHARD\tCAMPAIGN\n"

// newParseTable starts parse's table on w: its header, columns aligned when flushed.
func newParseTable(w io.Writer) *tabwriter.Writer {
	tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', 0)
	io.WriteString(tw, tableHeader)
	return tw
}

// printTable writes a parsed message's rows of the table to w (a newParseTable).
func printTable(w io.Writer, p mailsource.Parsed) error {
	_, err := w.Write(appendTableRows(nil, p))
	return err
}

// appendTableRows renders a parsed message as rows of the table, one per recipient, each cell
// made safe for a terminal (see appendCell).
func appendTableRows(dst []byte, p mailsource.Parsed) []byte {
	rep := p.Report
	if len(rep.Recipients) == 0 {
		dst = appendCell(dst, p.Source)
		dst = append(dst, '\t')
		dst = appendCell(dst, string(rep.Kind))
		dst = append(dst, "\t-\t\t\t\t\t\t"...)
		dst = appendCell(dst, rep.Original.Campaign)
		return append(dst, '\n')
	}
	for _, r := range rep.Recipients {
		hard := ""
		if r.Hard {
			hard = "hard"
		}
		for i, cell := range [...]string{p.Source, string(rep.Kind), r.Address, string(r.Action), r.Status, r.ReplyCode, string(r.Reason), hard, rep.Original.Campaign} {
			if i > 0 {
				dst = append(dst, '\t')
			}
			dst = appendCell(dst, cell)
		}
		dst = append(dst, '\n')
	}
	return dst
}

// appendCell appends a table cell that a terminal shows as text: the control characters a
// message may carry (escape sequences that would retitle or clear the terminal, tabs and
// newlines that would break the table, C1 controls, bidirectional overrides) and invalid UTF-8
// bytes are written as visible escapes (\x1b, \u202e). JSON output needs none of this: JSON
// escapes control characters itself.
func appendCell(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = fmt.Appendf(dst, `\x%02x`, s[i])
		case r < 0x20 || r == 0x7f:
			dst = fmt.Appendf(dst, `\x%02x`, r)
		case unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r):
			dst = fmt.Appendf(dst, `\u%04x`, r)
		default:
			dst = append(dst, s[i:i+size]...)
		}
		i += size
	}
	return dst
}

// chunk is a run of consecutive paths that one worker parses and renders.
type chunk struct {
	paths  []string
	out    []byte // the rendered messages
	errs   []byte // the lines naming the messages that could not be parsed
	failed int
	done   chan struct{}
}

// chunkSize is how many paths a worker takes at a time: enough to make the hand-offs rare,
// few enough to keep the workers busy until the end.
const chunkSize = 8

var chunkBuffers = sync.Pool{New: func() any { return new([]byte) }}

// parseAll parses paths on jobs goroutines (default: one per CPU). Each worker parses and
// renders whole files into a buffer of its own, and the buffers are written to w in path order,
// so that the output is stable without serialising the work. Messages that cannot be parsed
// are named on errw, in order. It returns their number, and the first error writing to w.
func parseAll(paths []string, opts *dsn.Options, jobs int, render func([]byte, mailsource.Parsed) []byte, w, errw io.Writer) (failed int, werr error) {
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	// order holds the chunks in path order, at most a few per worker ahead of the writer: it
	// bounds the output held in memory.
	order := make(chan *chunk, jobs*4)
	work := make(chan *chunk, jobs*4)
	go func() {
		for start := 0; start < len(paths); start += chunkSize {
			c := &chunk{paths: paths[start:min(start+chunkSize, len(paths))], done: make(chan struct{})}
			order <- c
			work <- c
		}
		close(order)
		close(work)
	}()
	for range jobs {
		go func() {
			var parser mailsource.Parser // files of one directory are opened by their names
			defer parser.Close()
			for c := range work {
				buf := chunkBuffers.Get().(*[]byte)
				c.out = (*buf)[:0]
				for _, path := range c.paths {
					for _, p := range parser.ParseFile(path, opts) {
						if p.Err != nil {
							c.failed++
							c.errs = fmt.Appendf(c.errs, "rebound: %s: %v\n", appendCell(nil, p.Source), p.Err)
							continue
						}
						c.out = render(c.out, p)
					}
				}
				close(c.done)
			}
		}()
	}
	for c := range order {
		<-c.done
		if werr == nil {
			_, werr = w.Write(c.out)
		}
		if len(c.errs) > 0 {
			errw.Write(c.errs)
		}
		failed += c.failed
		buf := c.out[:0]
		chunkBuffers.Put(&buf)
	}
	return failed, werr
}
