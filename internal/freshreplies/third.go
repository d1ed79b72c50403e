package freshreplies

const (
	srcO365Auth    = "https://pastebin.com/SuB30vi5"
	srcUnauthRange = "https://github.com/NixOS/infra/issues/668"
	srcMailruAuth  = "https://pastebin.com/xDPN2fTF"
	srcGatorRelay  = "https://pastebin.com/e25g8b3J"
	srcO365Spam    = "https://pastebin.com/mP3D6P5B"
	srcO365Sent    = "https://pastebin.com/jXWmz90k"
	srcReturnInval = "https://pastebin.com/PBt9E9Rz"
	srcSocGen      = "https://pastebin.com/zvxsPjWy"
	srcExchAnon    = "https://learn.microsoft.com/es-es/previous-versions/office/developer/exchange-server-2010/bb204220(v=exchg.140)"
)

// Third is a third held-out set, collected on 2026-12-03 after the second set's fixes, of
// replies that large providers and Exchange give in real bounces, labelled from their sources
// before rebound was run on them.
var Third = []Reply{
	// Microsoft 365 refusing a client that did not authenticate (a real Postfix log).
	{"o365-client-not-authenticated", Mail, []string{"530 5.7.57 Client not authenticated to send mail. [BN1P110CA0052.NAMP110.PROD.OUTLOOK.COM 2023-11-29T14:52:57.126Z 08DBE7319275F6BA]"}, "securityerror", "", srcO365Auth},
	// Mail from the sending host's address range must be authenticated: the host is refused.
	{"mxlogin-unauthenticated-range", Rcpt, []string{"550 Unauthenticated mail not allowed from this range"}, "blocked", "securityerror", srcUnauthRange},
	// Mail.ru: mail from its own users' domain must be sent with authorization.
	{"mailru-authorization-required", Data, []string{"503 Administrative prohibition -- authorization required. Users in your domain are not allowed to send email without authorization. See http://help.mail.ru/mail-help/mailer/popsmtp for details."}, "securityerror", "rejected", srcMailruAuth},
	// Exim at a hosting company: relaying needs authentication.
	{"gator-relay-needs-auth", Rcpt, []string{"550-Please turn on SMTP Authentication in your mail client, or login to the", "550-IMAP/POP3 server before sending your message. (lists.test)", "550-[192.0.2.1]:42630 is not permitted to relay through this server without", "550 authentication."}, "norelaying", "", srcGatorRelay},
	// Microsoft 365 relaying a remote's spam verdict.
	{"o365-remote-spam", Data, []string{"550 5.7.350 Remote server returned message detected as spam -> 550 The content of this message looked like spam."}, "spamdetected", "", srcO365Spam},
	// "likely a temporary service error" of Office 365's own.
	{"o365-sent-items-agent", Data, []string{"550 5.7.103 UserMailboxSentItemsAgent; Sent items copy failed due to a permanent error [Stage: OnPromotedEvent][Agent: User Mailbox Sent Items Agent]"}, "systemerror", "", srcO365Sent},
	// The return (sender's) domain has no DNS record.
	{"return-domain-invalid", Data, []string{"554 5.7.1 This message has been blocked because the return email domain is invalid.(failed to obtain DNS record for domain {senderdomain})"}, "rejected", "", srcReturnInval},
	// A bare 554 with the server's name at the greeting: the host is refused.
	{"socgen-bare-554-greeting", Conn, []string{"554 nycirprmg02.iap.socgen.com"}, "blocked", "", srcSocGen},
	// Exchange's documented AnonymousSendAsDenied response.
	{"exchange-anonymous-send-as", Mail, []string{"550 5.7.1 Anonymous client does not have permission to send as this sender"}, "rejected", "securityerror", srcExchAnon},
}
