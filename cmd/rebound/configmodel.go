package main

//go:generate go test -run ^TestConfigModelUpToDate$ -update-config-model .

// wholeConfigModel is newConfigModel of the whole command model (CLI), from the key lists of
// configmodel_gen.go (static data, which TestConfigModelUpToDate holds to it). Built when
// called, not at start-up: only a pipe whose configuration file has another command's section
// needs it.
func wholeConfigModel() configModel {
	m := configModel{keys: map[string]bool{}, sections: map[string]map[string]bool{}}
	for _, k := range wholeConfigKeys {
		m.keys[k] = true
	}
	for _, sec := range wholeConfigSections {
		set := make(map[string]bool, len(sec.keys))
		for _, k := range sec.keys {
			set[k] = true
		}
		m.sections[sec.name] = set
	}
	return m
}

// configSection is a command's section of the configuration file and the keys it may hold.
type configSection struct {
	name string
	keys []string
}
