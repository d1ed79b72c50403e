package verp

import "testing"

func TestDecode(t *testing.T) {
	tests := []struct {
		template, addr     string
		recipient, campign string
		ok                 bool
	}{
		{"bounces+{local}={domain}@lists.example", "bounces+jane=example.com@lists.example", "jane@example.com", "", true},
		{"bounces+{local}={domain}@lists.example", "<Bounces+Jane.Doe=Example.COM@LISTS.example>", "Jane.Doe@example.com", "", true},
		{"bounces+{local}={domain}@lists.example", "bounces+a=b+c-d=x.example@lists.example", "a=b+c-d@x.example", "", true},
		{"bounces+{local}={domain}@lists.example", "bounces+user+tag=example.org@lists.example", "user+tag@example.org", "", true},
		{"bounces+{local}={domain}@lists.example", "bounces@lists.example", "", "", false},
		{"bounces+{local}={domain}@lists.example", "bounces+jane=example.com@other.example", "", "", false},
		{"{campaign}-no-reply-{local}={domain}@mail.example", "news-42-no-reply-jo-ann=example.net@mail.example", "jo-ann@example.net", "news-42", true},
		{"{campaign}-no-reply-{local}={domain}@mail.example", "7-no-reply-x-no-reply-y=example.net@mail.example", "x-no-reply-y@example.net", "7", true},
		{"bounce-{campaign}-{local}={domain}@example.org", "bounce-c9-first.last=example.com@example.org", "first.last@example.com", "c9", true},
		{"bounce-{campaign}-{local}={domain}@example.org", "bounce-c9-first=last=example.com@example.org", "first=last@example.com", "c9", true},
	}
	for _, tt := range tests {
		tpl, err := Parse(tt.template)
		if err != nil {
			t.Fatal(err)
		}
		d, ok := tpl.Decode(tt.addr)
		if ok != tt.ok || d.Recipient != tt.recipient || d.Campaign != tt.campign {
			t.Errorf("%s ← %s: got %+v %v", tt.template, tt.addr, d, ok)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, bad := range []string{
		"bounces@lists.example", "bounces+{local}@lists.example", "bounces+{local}={domain}={domain}@x.example",
		"{local}{domain}@x.example", "b+{who}={domain}@x.example", "b+{local={domain}@x.example", "b+{local}={domain}",
	} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) accepted", bad)
		}
	}
}

func TestEncodeRoundTrip(t *testing.T) {
	tpl, _ := Parse("{campaign}-no-reply-{local}={domain}@mail.example")
	addr, err := tpl.Encode("a+b=c-d@example.com", "spring")
	if err != nil {
		t.Fatal(err)
	}
	if d, ok := tpl.Decode(addr); !ok || d.Recipient != "a+b=c-d@example.com" || d.Campaign != "spring" {
		t.Errorf("%s → %+v %v", addr, d, ok)
	}
}
