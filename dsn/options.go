package dsn

import (
	"regexp"

	"github.com/rebound/rebound/verp"
)

// DefaultCampaignHeaders are the headers of the original message that name a campaign, checked
// in order when Options.CampaignHeaders is empty.
var DefaultCampaignHeaders = []string{
	"X-Campaign-ID", "X-Campaign", "X-Listmonk-Campaign", "X-Mailshot-ID", "X-Newsletter-ID",
	"X-Mailgun-Campaign-Id", "X-MC-Campaign", "X-Job",
}

// SubscriberHeaders are the headers of the original message in which the sending application
// names its subscriber (listmonk's subscriber UUID), checked in order.
var SubscriberHeaders = []string{"X-Listmonk-Subscriber"}

// Options tunes Parse. The zero value is ready to use.
type Options struct {
	// Rules are the user's classification rules and extra prefixes, checked before the built-in
	// table. Nil means the built-in table only.
	Rules *Rules
	// VERP templates decode the original return path into the recipient and campaign.
	VERP []*verp.Template
	// CampaignHeaders name the original message's headers that carry a campaign id.
	CampaignHeaders []string
	// MessageIDPattern extracts a campaign id from the original Message-ID: the submatch named
	// "campaign", or else the first submatch.
	MessageIDPattern *regexp.Regexp
	// EnvelopeRecipient is the address the bounce was delivered to (the VERP return path), when
	// the caller knows it: Postfix's ${recipient}, or the first of a Delivered-To header.
	EnvelopeRecipient string
}
