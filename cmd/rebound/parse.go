package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"text/tabwriter"

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
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	var print func(mailsource.Parsed) error
	if c.JSON {
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		print = func(p mailsource.Parsed) error {
			return enc.Encode(struct {
				Source string `json:"source"`
				*dsn.Report
			}{p.Source, p.Report})
		}
	} else {
		tw := newParseTable(out)
		defer tw.Flush()
		print = func(p mailsource.Parsed) error { return printTable(tw, p) }
	}
	failed := 0
	parseAll(paths, opts, c.Jobs, func(p mailsource.Parsed) {
		if p.Err != nil {
			failed++
			fmt.Fprintf(os.Stderr, "rebound: %s: %v\n", p.Source, p.Err)
			return
		}
		if err := print(p); err != nil {
			failed++
		}
	})
	if failed > 0 {
		out.Flush()
		fmt.Fprintf(os.Stderr, "rebound: %d of the messages could not be parsed\n", failed)
		return exitCode(1)
	}
	return nil
}

// newParseTable starts parse's table on w: its header, columns aligned when flushed.
func newParseTable(w io.Writer) *tabwriter.Writer {
	tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "SOURCE\tKIND\tRECIPIENT\tACTION\tSTATUS\tCODE\tREASON\tHARD\tCAMPAIGN")
	return tw
}

func printTable(w io.Writer, p mailsource.Parsed) error {
	rep := p.Report
	if len(rep.Recipients) == 0 {
		_, err := fmt.Fprintf(w, "%s\t%s\t-\t\t\t\t\t\t%s\n", p.Source, rep.Kind, rep.Original.Campaign)
		return err
	}
	for _, r := range rep.Recipients {
		hard := ""
		if r.Hard {
			hard = "hard"
		}
		if _, err := fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", p.Source, rep.Kind, r.Address,
			r.Action, r.Status, r.ReplyCode, r.Reason, hard, rep.Original.Campaign); err != nil {
			return err
		}
	}
	return nil
}

// parseAll parses paths on several goroutines and hands the results to emit in path order.
func parseAll(paths []string, opts *dsn.Options, jobs int, emit func(mailsource.Parsed)) {
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	type result struct {
		i   int
		out []mailsource.Parsed
	}
	work := make(chan int)
	done := make(chan result, jobs)
	window := make(chan struct{}, jobs*4) // bounds results held waiting for their turn
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				done <- result{i, mailsource.ParseFile(paths[i], opts)}
			}
		}()
	}
	go func() {
		for i := range paths {
			window <- struct{}{}
			work <- i
		}
		close(work)
		wg.Wait()
		close(done)
	}()
	pending := map[int][]mailsource.Parsed{}
	next := 0
	for r := range done {
		pending[r.i] = r.out
		for {
			out, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			for _, p := range out {
				emit(p)
			}
			<-window
			next++
		}
	}
}
