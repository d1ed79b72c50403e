package contrib_test

import (
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rebound/rebound/internal/testmta"
)

// installedBinary and installedConfig are where contrib/ expects rebound and its configuration.
const (
	installedBinary = "/usr/local/bin/rebound"
	installedConfig = "/etc/rebound/rebound.yaml"
)

// unitFile is one systemd unit of contrib/systemd: its sections' keys, in order.
type unitFile map[string][][2]string

func readUnit(t *testing.T, path string) unitFile {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	u := unitFile{}
	section := ""
	for _, line := range strings.Split(string(raw), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "["):
			section = strings.Trim(line, "[]")
			u[section] = nil
		default:
			k, v, ok := strings.Cut(line, "=")
			if !ok || section == "" {
				t.Fatalf("%s: not a key=value line in a section: %q", path, line)
			}
			u[section] = append(u[section], [2]string{k, v})
		}
	}
	return u
}

func (u unitFile) get(section, key string) []string {
	var out []string
	for _, kv := range u[section] {
		if kv[0] == key {
			out = append(out, kv[1])
		}
	}
	return out
}

// scheduledCommands returns the rebound command lines of contrib/: the ExecStart of every
// service of contrib/systemd (by unit name) and every line of contrib/cron/rebound.
func scheduledCommands(t *testing.T) (services map[string]string, cron []string) {
	t.Helper()
	units, _ := filepath.Glob("systemd/*.service")
	services = map[string]string{}
	for _, path := range units {
		u := readUnit(t, path)
		exec := u.get("Service", "ExecStart")
		if len(exec) != 1 {
			t.Fatalf("%s: %d ExecStart lines, want 1", path, len(exec))
		}
		services[filepath.Base(path)] = exec[0]
	}
	raw, err := os.ReadFile("cron/rebound")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 7 || f[5] != "rebound" {
			t.Fatalf("contrib/cron/rebound: want minute hour day month weekday user command: %q", line)
		}
		cron = append(cron, strings.Join(f[6:], " "))
	}
	return services, cron
}

// TestSystemdUnits checks contrib/systemd: every timer starts a service of the same name, every
// service runs rebound once as the rebound user, the timers run the same commands as the cron
// lines, and systemd's own checker accepts the units (with the binary's path pointing to a
// freshly built rebound).
func TestSystemdUnits(t *testing.T) {
	services, cron := scheduledCommands(t)
	timers, _ := filepath.Glob("systemd/*.timer")
	if len(timers) < 2 {
		t.Fatalf("contrib/systemd has %d timers, want one for flush and one for scan", len(timers))
	}
	var timed []string
	for _, path := range timers {
		u := readUnit(t, path)
		service := strings.TrimSuffix(filepath.Base(path), ".timer") + ".service"
		if _, ok := services[service]; !ok {
			t.Errorf("%s: no %s beside it", path, service)
		}
		timed = append(timed, services[service])
		if len(u.get("Timer", "OnCalendar"))+len(u.get("Timer", "OnUnitActiveSec")) == 0 {
			t.Errorf("%s: no OnCalendar= or OnUnitActiveSec=", path)
		}
		if !slices.Contains(u.get("Install", "WantedBy"), "timers.target") {
			t.Errorf("%s: not WantedBy=timers.target", path)
		}
	}
	for name, cmd := range services {
		u := readUnit(t, filepath.Join("systemd", name))
		if u.get("Service", "User")[0] != "rebound" || u.get("Service", "Group")[0] != "rebound" {
			t.Errorf("%s: does not run as user and group rebound", name)
		}
		if !slices.Contains(u.get("Service", "ReadWritePaths"), "/var/spool/rebound") {
			t.Errorf("%s: the spool is not writable under ProtectSystem", name)
		}
		if !strings.HasPrefix(cmd, installedBinary+" ") {
			t.Errorf("%s: ExecStart does not start %s: %s", name, installedBinary, cmd)
		}
	}
	slices.Sort(timed)
	slices.Sort(cron)
	if !slices.Equal(timed, cron) {
		t.Errorf("the timers run %q, the cron lines %q", timed, cron)
	}

	analyze := testmta.Require(t, "systemd-analyze")
	bin := build(t)
	dir := t.TempDir()
	var paths []string
	units := slices.Clone(timers)
	for name := range services {
		units = append(units, filepath.Join("systemd", name))
	}
	for _, path := range units {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.ReplaceAll(string(raw), installedBinary, bin)
		dst := filepath.Join(dir, filepath.Base(path))
		if err := os.WriteFile(dst, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, dst)
	}
	out, err := exec.Command(analyze, append([]string{"verify"}, paths...)...).CombinedOutput()
	if err != nil || len(out) > 0 {
		t.Errorf("systemd-analyze verify: %v\n%s", err, out)
	}
}

// TestScheduledCommandsExist runs every command line of the systemd units and the cron file
// with --help: each names a real command with real flags.
func TestScheduledCommandsExist(t *testing.T) {
	bin := build(t)
	services, cron := scheduledCommands(t)
	for _, cmd := range append(cron, slices.Collect(maps.Values(services))...) {
		args := strings.Fields(strings.ReplaceAll(cmd, installedConfig, "rebound.yaml"))
		if args[0] != installedBinary {
			t.Errorf("%q does not run %s", cmd, installedBinary)
			continue
		}
		out, err := exec.Command(bin, append(args[1:], "--help")...).CombinedOutput()
		if err != nil {
			t.Errorf("%s --help: %v\n%s", cmd, err, out)
		}
	}
}
