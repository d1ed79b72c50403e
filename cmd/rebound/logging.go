package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"log/syslog"
	"os"
	"strings"
	"sync"
)

// syslogTestSocket, when set in the environment, is the path of a unixgram socket that --syslog
// writes to instead of the system's /dev/log: the tests' hook.
const syslogTestSocket = "REBOUND_TEST_SYSLOG_SOCKET"

// setupLogging sends the log to stderr, as text or JSON, and with --syslog also to the mail
// facility of syslog, each record at the priority of its level. Without a syslog daemon to
// talk to, it says so on stderr and logs there only.
func setupLogging(level slog.Level, format string, toSyslog bool) {
	opts := &slog.HandlerOptions{Level: level}
	h := newLogHandler(os.Stderr, format, opts)
	if toSyslog {
		w, err := openSyslog()
		if err != nil {
			slog.New(h).Warn("--syslog: cannot reach syslog (is a syslog daemon listening on /dev/log?); logging to stderr only", "err", err)
		} else {
			h = teeHandler{h, newSyslogHandler(w, format, level)}
		}
	}
	slog.SetDefault(slog.New(h))
}

func newLogHandler(w io.Writer, format string, opts *slog.HandlerOptions) slog.Handler {
	if format == "json" {
		return slog.NewJSONHandler(w, opts)
	}
	return slog.NewTextHandler(w, opts)
}

func openSyslog() (*syslog.Writer, error) {
	if path := os.Getenv(syslogTestSocket); path != "" {
		return syslog.Dial("unixgram", path, syslog.LOG_MAIL|syslog.LOG_INFO, "rebound")
	}
	return syslog.New(syslog.LOG_MAIL|syslog.LOG_INFO, "rebound")
}

// syslogHandler writes each record to syslog at the priority of its level: ERROR as LOG_ERR,
// WARN as LOG_WARNING, INFO as LOG_INFO, DEBUG as LOG_DEBUG. Syslog stamps the time, so the
// record's is left out.
type syslogHandler struct {
	w     *syslog.Writer
	out   *recordBuffer // shared with the handlers derived by WithAttrs and WithGroup
	inner slog.Handler  // formats into out
}

// recordBuffer holds the record being formatted.
type recordBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (r *recordBuffer) Write(p []byte) (int, error) { return r.b.Write(p) }

func newSyslogHandler(w *syslog.Writer, format string, level slog.Level) *syslogHandler {
	out := &recordBuffer{}
	opts := &slog.HandlerOptions{Level: level, ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
		if len(groups) == 0 && a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}}
	return &syslogHandler{w: w, out: out, inner: newLogHandler(out, format, opts)}
}

func (h *syslogHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return h.inner.Enabled(ctx, l)
}

func (h *syslogHandler) Handle(ctx context.Context, r slog.Record) error {
	h.out.mu.Lock()
	defer h.out.mu.Unlock()
	h.out.b.Reset()
	if err := h.inner.Handle(ctx, r); err != nil {
		return err
	}
	msg := strings.TrimSuffix(h.out.b.String(), "\n")
	switch {
	case r.Level >= slog.LevelError:
		return h.w.Err(msg)
	case r.Level >= slog.LevelWarn:
		return h.w.Warning(msg)
	case r.Level >= slog.LevelInfo:
		return h.w.Info(msg)
	default:
		return h.w.Debug(msg)
	}
}

func (h *syslogHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return &syslogHandler{w: h.w, out: h.out, inner: h.inner.WithAttrs(attrs)}
}

func (h *syslogHandler) WithGroup(name string) slog.Handler {
	return &syslogHandler{w: h.w, out: h.out, inner: h.inner.WithGroup(name)}
}

// teeHandler hands every record to two handlers.
type teeHandler [2]slog.Handler

func (t teeHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return t[0].Enabled(ctx, l) || t[1].Enabled(ctx, l)
}

func (t teeHandler) Handle(ctx context.Context, r slog.Record) error {
	var errs []error
	for _, h := range t {
		if h.Enabled(ctx, r.Level) {
			errs = append(errs, h.Handle(ctx, r.Clone()))
		}
	}
	return errors.Join(errs...)
}

func (t teeHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return teeHandler{t[0].WithAttrs(attrs), t[1].WithAttrs(attrs)}
}

func (t teeHandler) WithGroup(name string) slog.Handler {
	return teeHandler{t[0].WithGroup(name), t[1].WithGroup(name)}
}
