package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestConfigPolicySection: the configuration file's policy: section is checked when the file is
// loaded, a bad rule told with the file, and a good one applied by the history's recorder.
func TestConfigPolicySection(t *testing.T) {
	var cli CLI
	parser, err := newParser(&cli, &configFile{})
	if err != nil {
		t.Fatal(err)
	}
	load := func(body string) error {
		path := filepath.Join(t.TempDir(), "rebound.yaml")
		os.WriteFile(path, []byte(body), 0o600)
		_, err := loadConfig(path, true, false, parser.Model)
		return err
	}
	for _, bad := range []string{
		"policy:\n  mailboxfull: strikes three\n",
		"policy:\n  mailboxfull: 3\n",
		"policy: dead\n",
		"policy:\n  report-sender: maybe\n",
	} {
		if err := load(bad); err == nil || !strings.Contains(err.Error(), "policy") {
			t.Errorf("%q: error %v, want one naming the policy", bad, err)
		}
	}
	if err := load("history: /tmp/h.db\npolicy:\n  suspend: dead\n  report-sender: true\n"); err != nil {
		t.Fatal(err)
	}
	o := HistoryOptions{History: filepath.Join(t.TempDir(), "h.db")}
	rec, err := o.recorder(context.Background(), "pipe", &ReportOptions{ReportURL: "-", ReportFormat: "json"})
	if err != nil {
		t.Fatal(err)
	}
	defer rec.Store.Close()
	if r := rec.Policy.For("suspend", "recipient", true); r.Action != "dead" || !rec.Policy.ReportSender {
		t.Errorf("policy from the file: suspend %v, report-sender %v", r, rec.Policy.ReportSender)
	}
	// listmonk knows no type sender: report-sender is dropped rather than blame the subscriber.
	rec2, err := o.recorder(context.Background(), "pipe", &ReportOptions{ReportURL: "http://127.0.0.1:1/", ReportFormat: "listmonk"})
	if err != nil {
		t.Fatal(err)
	}
	defer rec2.Store.Close()
	if rec2.Policy.ReportSender {
		t.Error("report-sender kept for listmonk")
	}
}
