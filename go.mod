module github.com/rebound/rebound

go 1.26.8

require github.com/alecthomas/kong v1.17.0

require (
	github.com/emersion/go-message v0.18.2 // indirect
	golang.org/x/text v0.14.0 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)
