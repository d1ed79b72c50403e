// Command benchrun runs a command several times and prints the median wall time, the median
// peak resident set size and the median CPU time (user + system) of its runs (the kernel's
// rusage, as /usr/bin/time reports them), for scripts/bench.sh. On a busy machine the CPU time
// is the steadier figure.
//
//	benchrun [-n RUNS] [-stdin FILE] [-ok CODES] [-setup SHELL] -- COMMAND [ARG...]
//
// Output: one line "median_wall_seconds median_rss_kb median_cpu_seconds median_minor_faults";
// the page faults, unlike the times, hardly move with the load of the machine.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	runs := flag.Int("n", 11, "number of runs")
	stdin := flag.String("stdin", "", "file given as standard input to every run")
	ok := flag.String("ok", "0", "exit codes that count as success, comma-separated")
	setup := flag.String("setup", "", "shell command run (untimed) before every run")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: benchrun [-n RUNS] [-stdin FILE] [-ok CODES] [-setup SHELL] -- COMMAND [ARG...]")
		os.Exit(2)
	}
	okCodes := map[int]bool{}
	for _, c := range strings.Split(*ok, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(c))
		if err != nil {
			fail("bad -ok %q", *ok)
		}
		okCodes[n] = true
	}
	var walls []float64
	var rss []int64
	var cpus []float64
	var faults []int64
	for i := 0; i < *runs; i++ {
		if *setup != "" {
			if out, err := exec.Command("bash", "-c", *setup).CombinedOutput(); err != nil {
				fail("setup: %v\n%s", err, out)
			}
		}
		cmd := exec.Command(flag.Arg(0), flag.Args()[1:]...)
		if *stdin != "" {
			f, err := os.Open(*stdin)
			if err != nil {
				fail("%v", err)
			}
			cmd.Stdin = f
			defer f.Close()
		}
		var stderr strings.Builder
		cmd.Stderr = &stderr
		start := time.Now()
		err := cmd.Run()
		wall := time.Since(start)
		if cmd.ProcessState == nil {
			fail("%s: %v", flag.Arg(0), err)
		}
		if code := cmd.ProcessState.ExitCode(); !okCodes[code] {
			fail("%s exited %d:\n%s", flag.Arg(0), code, tail(stderr.String(), 2000))
		}
		if f, ok := cmd.Stdin.(*os.File); ok {
			f.Close()
		}
		walls = append(walls, wall.Seconds())
		usage := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		rss = append(rss, usage.Maxrss)
		faults = append(faults, usage.Minflt)
		cpus = append(cpus, (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Seconds())
	}
	slices.Sort(walls)
	slices.Sort(rss)
	slices.Sort(cpus)
	slices.Sort(faults)
	fmt.Printf("%.6f %d %.6f %d\n", walls[len(walls)/2], rss[len(rss)/2], cpus[len(cpus)/2], faults[len(faults)/2])
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "benchrun: "+format+"\n", args...)
	os.Exit(1)
}
