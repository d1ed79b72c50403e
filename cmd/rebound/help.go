package main

// `rebound --help` is printed by internal/earlyhelp, from its package initialisation, where it
// can be: its text is kong's rendering of CLI, kept in internal/earlyhelp/help_gen.go by
// TestHelpUpToDate.

//go:generate go test -run ^TestHelpUpToDate$ -update-help .
