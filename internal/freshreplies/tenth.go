package freshreplies

const (
	src10DadaMail717           = "https://github.com/justingit/dada-mail/issues/717"
	src10CppSmtpclientLibra46  = "https://github.com/jeremydumais/CPP-SMTPClient-library/issues/46"
	src10FieldManualWeird      = "https://github.com/ActiveCampaign/smtp-field-manual/issues/11"
	src10SmtpFieldManual60     = "https://github.com/ActiveCampaign/smtp-field-manual/pull/60"
	src10Broadcom              = "https://knowledge.broadcom.com/external/article/161393/rejection-errors-when-delivering-to-3rd.html"
	src10Mailprotector         = "https://support.mailprotector.com/hc/en-us/articles/360048244891-Common-Email-Bouncebacks"
	src10FieldManual550        = "https://github.com/ActiveCampaign/smtp-field-manual/blob/master/data/codes/550.json"
	src10FieldManual554        = "https://github.com/ActiveCampaign/smtp-field-manual/blob/master/data/codes/554.json"
	src10FieldManual451        = "https://github.com/ActiveCampaign/smtp-field-manual/blob/master/data/codes/451.json"
	src10ProviderDb280         = "https://github.com/chatmail/provider-db/issues/280"
	src10Goaffpro61            = "https://github.com/anujtenani/goaffpro/issues/61"
	src10Emailwiz82            = "https://github.com/LukeSmithxyz/emailwiz/issues/82"
	src10Iredmail156           = "https://github.com/iredmail/iRedMail/issues/156"
	src10Indsoft               = "http://kb.indsoft.net/kb/a70/common-email-delivery-errors.aspx"
	src10Milter                = "http://www.milter.info/smtp/smtpf/reply.html"
	src10Computerprogrammi     = "http://computerprogrammi.com/2010/04/posta-elettronica-e-impossibile-inviare.html"
	src10Wildduck103           = "https://github.com/zone-eu/wildduck/issues/103"
	src10Konto                 = "https://support.konto.pl/kb/a2765/blad-policy-violation-e-maile-w-kolejce-z-adresu-ip.aspx"
	src10Virusfree             = "https://www.virusfree.cz/en/faq"
	src10Haraka848             = "https://github.com/haraka/Haraka/issues/848"
	src10PurelymailIssues388   = "https://github.com/Purelymail/purelymail-issues/issues/388"
	src10Mailserver290         = "https://github.com/hardware/mailserver/issues/290"
	src10Filtermail143         = "https://github.com/chatmail/filtermail/issues/143"
	src10Rspamd5098            = "https://github.com/rspamd/rspamd/issues/5098"
	src10FilterRspamd5         = "https://github.com/poolpOrg/filter-rspamd/pull/5"
	src10Stalwart698           = "https://github.com/stalwartlabs/stalwart/issues/698"
	src10Stalwart1378          = "https://github.com/stalwartlabs/stalwart/issues/1378"
	src10DockerMailserver2257  = "https://github.com/docker-mailserver/docker-mailserver/issues/2257"
	src10MailcowDockerized2544 = "https://github.com/mailcow/mailcow-dockerized/issues/2544"
	src10Postal1199            = "https://github.com/postalserver/postal/issues/1199"
	src10Postal342             = "https://github.com/postalserver/postal/issues/342"
	src10Swapmyvote552         = "https://github.com/swapmyvote/swapmyvote/issues/552"
	src10Swiftmailer989        = "https://github.com/swiftmailer/swiftmailer/issues/989"
	src10Wildduck762           = "https://github.com/zone-eu/wildduck/issues/762"
	src10Ebwiki3861            = "https://github.com/EBWiki/EBWiki/issues/3861"
	src10ZoneMTABounces        = "https://github.com/zone-eu/zone-mta/blob/master/config/bounces.txt"
	src10ZoneMta239            = "https://github.com/zone-eu/zone-mta/pull/239"
	src10ZmMailbox1434         = "https://github.com/Zimbra/zm-mailbox/pull/1434"
	src10Anonaddy749           = "https://github.com/anonaddy/anonaddy/issues/749"
	src10Webmail933            = "https://github.com/bulwarkmail/webmail/issues/933"
	src10SmtpFieldManual42     = "https://github.com/ActiveCampaign/smtp-field-manual/issues/42"
)

// Tenth is a tenth held-out set, collected and labelled on 2026-12-03 before rebound was run on
// any of its replies. It favours what the earlier sets covered least: real replies that people
// pasted into public issue threads of mail projects (Postfix and Exim logs, DSNs, client errors:
// mailcow, docker-mailserver, Postal, Haraka, rspamd, Stalwart, Tutanota, chatmail, ...), the
// real replies that zone-mta's maintainers quote in its bounce rules file (config/bounces.txt)
// and that smtp-field-manual's contributors collected per provider, and regional providers',
// hosts' and gateways' help pages (T-Online, GMX/web.de, Orange, Free, Libero/tin.it, Forpsi,
// Terra, Comcast, Verizon/Yahoo, Rambler, Trend Micro, Barracuda, Proofpoint, Mimecast,
// MailChannels, SmarterMail, VirusFree, Zimbra). Of each source, every reply that was not
// already, word for word give or take the address, in an earlier set, the published replies,
// dsn/rules_test.go or the pipe's provider tables. Each is labelled from its source's own
// explanation, or where the source gives none, from the reply's plain meaning, with
// docs/reasons.md's words; hard follows from the reason and the reply code. A DNS list's
// refusal of the sending IP is blocked; greylisting is read as the earlier sets read it
// (retried until it expired). Where a source gives only the words, the reply code is an
// assumption (the comment says so).
var Tenth = []Reply{
	{"mailchannels-bfd-sender-prohibited-spf", Data, []string{"550 5.7.1 [BFD] Sender prohibited by SPF"}, "authfailure", "", src10DadaMail717},
	// MailChannels explains [CS] as its content filter finding spam patterns (there, a missing
	// Message-ID and MIME-Version): spam; the header faults make a content-policy reading honest
	// too.
	{"mailchannels-cs-message-blocked", Data, []string{"550 5.7.1 [CS] Message blocked"}, "spamdetected", "policyviolation", src10CppSmtpclientLibra46},
	{"weird-ip-in-prison", Rcpt, []string{"550 ip in prison"}, "blocked", "", src10FieldManualWeird},
	// The recipient refuses the mail (filtered); the words add that it is fed to a spam list.
	{"weird-definitively-does-not-want", Data, []string{"554 5.7.1 The recipient definitively does not want your mail. It will not be delivered but analyzed again.  We may feed it to a spam blacklist."}, "filtered", "spamdetected", src10FieldManualWeird},
	{"weird-inactive-mailbox-not-poped", Rcpt, []string{"550 5.7.1 <{rcpt}>: Recipient address rejected:  Inactive MailBox, not poped for more than 6 months"}, "suspend", "", src10FieldManualWeird},
	{"weird-sender-rejected-dumb", Mail, []string{"554 5.7.1 <{sender}>: Sender address rejected: Dumb."}, "rejected", "", src10FieldManualWeird},
	{"orange-ofr006-ip-blocked-spam", Conn, []string{"550 mwinf5c14 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=192.0.2.1 [102]"}, "blocked", "", src10SmtpFieldManual60},
	{"broadcom-rejecting-mail-blacklisted", Rcpt, []string{"550 5.7.1 Rejecting mail, 192.0.2.1 is blacklisted"}, "blocked", "", src10Broadcom},
	{"mailprotector-submission-rate", Mail, []string{"421 4.4.2 Message submission rate for this client has exceeded the configured limit"}, "speeding", "", src10Mailprotector},
	{"verizon-relaying-denied-for", Rcpt, []string{"550 relaying denied for <{rcpt}>"}, "norelaying", "", src10FieldManual550},
	{"comcast-recipient-mailbox-unallocated", Rcpt, []string{"550 5.1.1 <{rcpt}> recipient mailbox unallocated"}, "userunknown", "", src10FieldManual550},
	{"comcast-dm000001-dmarc", Data, []string{"550 5.2.0 Message rejected due to DMARC. Please see http://postmaster.comcast.net/smtp-error-codes.php#DM000001"}, "authfailure", "", src10FieldManual550},
	// The envelope sender's domain is on Spamhaus's list: the sender refused; a DNS-list refusal
	// is also read as the host blocked.
	{"outlook-s8002-mailfrom-spamhaus", Mail, []string{"550 5.7.1 Service unavailable, MailFrom domain is listed in Spamhaus. To request removal from this list see https://www.spamhaus.org/query/lookup/ (S8002) [BN3NAM01FT012.eop-nam02.prod.protection.outlook.com]"}, "rejected", "blocked", src10FieldManual550},
	{"proofpoint-not-a-valid-email-address", Rcpt, []string{"550 5.1.1 - This is not a valid email address. Please verify that you have the correct email address for your recipient."}, "userunknown", "", src10FieldManual550},
	{"yahoo-554-579-policy-reasons", Data, []string{"554 5.7.9 Message not accepted for policy reasons. See https://help.yahoo.com/kb/postmaster/SLN7253.html"}, "policyviolation", "", src10FieldManual554},
	// Headers that are not RFC compliant: notcompliantrfc, or the header format refused
	// (contenterror).
	{"yahoo-554-headers-not-rfc-compliant", Data, []string{"554 Message not allowed - Headers are not RFC compliant[291]"}, "notcompliantrfc", "contenterror", src10FieldManual554},
	{"yahoo-554-message-not-allowed-299", Data, []string{"554 Message not allowed - [299]"}, "policyviolation", "", src10FieldManual554},
	{"yahoo-554-dd-no-longer-valid", Data, []string{"554 delivery error: dd {rcpt} is no longer valid. [-20] - atlas-a.mx.yahoo.com"}, "userunknown", "", src10FieldManual554},
	{"rambler-554-spam-message-rejected", Data, []string{"554 5.7.1 Spam message rejected; If this is not spam contact abuse"}, "spamdetected", "", src10FieldManual554},
	// Trend Micro: the recipient's administrator blocks the sender's address or domain: the sender
	// refused, by the recipient's own rule (filtered).
	{"trend-554-block-sender", Rcpt, []string{"554 5.7.1 <{rcpt}>: Recipient address rejected: BLOCK-SEND-ER."}, "rejected", "filtered", src10FieldManual554},
	{"trend-554-no-domain", Rcpt, []string{"554 5.7.1 <{rcpt}>: Recipient address rejected: NO-DOMAIN."}, "norelaying", "", src10FieldManual554},
	// The gateway's administrator blocks this recipient: the recipient's side refused it
	// (filtered), or a policy.
	{"trend-554-block-rcpt", Rcpt, []string{"554 5.7.1 <{rcpt}>: Recipient address rejected: BLOCK-RCPT."}, "filtered", "policyviolation", src10FieldManual554},
	{"barracuda-554-spam-url-in-content", Data, []string{"554 rejected due to spam URL in content"}, "spamdetected", "", src10FieldManual554},
	// Barracuda explains it by the content, phrasing and links: spam; the words name a content
	// policy.
	{"barracuda-554-banned-content", Data, []string{"554 rejecting banned content"}, "spamdetected", "policyviolation", src10FieldManual554},
	{"zerospam-554-not-in-recipient-list", Rcpt, []string{"554 5.7.1 <{rcpt}>: Recipient address rejected: Not in recipient list"}, "userunknown", "", src10FieldManual554},
	{"mimecast-451-open-relay-not-allowed", Rcpt, []string{"451 Open relay not allowed - https://community.mimecast.com/docs/DOC-1369#451 [xYz0AbCdEf]"}, "norelaying", "", src10FieldManual451},
	// Greylisting: a retry would pass; when the message bounced after it, the retries ran out.
	{"barracuda-451-greylisted-5-minutes", Rcpt, []string{"451 4.7.1 <{rcpt}>: Recipient address rejected: Greylisted for 5 minutes"}, "expired", "onhold", src10FieldManual451},
	{"tonline-554-dialup-transient", Conn, []string{"554 IP=192.0.2.1 - Dialup/transient IP not allowed. Use a mailgateway or contact toda@rx.t-online.de if obsolete. (DIAL)"}, "blocked", "", src10ProviderDb280},
	{"gmx-554-ip-black-listed", Conn, []string{"554-gmx.net (mxgmx116) Nemesis ESMTP Service not available", "554-No SMTP service", "554-IP address is black listed.", "554 For explanation visit https://postmaster.gmx.net/en/error-messages?ip=192.0.2.1&c=bip"}, "blocked", "", src10Goaffpro61},
	{"webde-550-invalid-dns-mx", Mail, []string{"550-Requested action not taken: mailbox unavailable", "550 invalid DNS MX or A/AAAA resource record"}, "rejected", "", src10Emailwiz82},
	{"free-421-reverse-dns-not-resolve", Conn, []string{"421 Refused. Your reverse DNS entry does not resolve to an IP."}, "requireptr", "", src10Iredmail156},
	// The recipient domain's disk allocation is used up: a full mailbox, or the remote's storage
	// full. The reply code is assumed; SmarterMail gives the words.
	{"smartermail-domain-size-limit", Rcpt, []string{"552 The domain size limit has been exceeded"}, "mailboxfull", "systemfull", src10Indsoft},
	// A UUCP bang path in the address: its form (syntaxerror), refused as a route through the host
	// (norelaying).
	{"smtpf-uucp-addressing-denied", Rcpt, []string{"550 5.7.1 UUCP addressing denied #132"}, "syntaxerror", "norelaying", src10Milter},
	{"tin-550-blacklisted-ip", Conn, []string{"550 mail not accepted from blacklisted IP address [192.0.2.1]"}, "blocked", "", src10Computerprogrammi},
	// The source explains it as tin.it's server being overloaded; the words also say access
	// denied.
	{"tin-554-server-not-available-access-denied", Conn, []string{"554 vsmtp20.tin.it. Server not available - access denied"}, "systemerror", "blocked", src10Computerprogrammi},
	{"zoneeu-550-57723-spf-fail", Rcpt, []string{"550 5.7.23 <{rcpt}>: Recipient address rejected: Your message was rejected due to SPF fail - not authorized. Please see http://www.openspf.net/Why"}, "authfailure", "", src10Wildduck103},
	// Forpsi's relay blocks the sending IP for 60 minutes after too many undeliverable messages:
	// the host refused, or a rate limit.
	{"forpsi-550-policy-violation-ip", Mail, []string{"550 5.1.0 cNkj1y0022zrrQM01NkjaD policy violation, see https://support.forpsi.com/kb/a4081"}, "blocked", "speeding", src10Konto},
	// The scanner refused the content: spam, or a virus.
	{"virusfree-554-refused-by-scanner", Data, []string{"554 Message refused by the scanner"}, "spamdetected", "virusdetected", src10Virusfree},
	// VirusFree explains it as the limit of parallel connections; the words say only that the
	// service is unavailable.
	{"virusfree-421-service-temporarily-not-available", Conn, []string{"421 Service temporarily not available"}, "toomanyconn", "systemerror", src10Virusfree},
	{"microsoft-fblw15-blocked", Rcpt, []string{"550 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using FBLW15; To request removal from this list please forward this message to delist@messaging.microsoft.com"}, "blocked", "", src10Haraka848},
	{"gomailify-421-too-many-connections", Conn, []string{"421 4.3.2 too many connections, please try again later"}, "toomanyconn", "", src10PurelymailIssues388},
	// The remote dropped the session: a network failure; the thread reads it as AOL blocking the
	// server.
	{"aol-421-connection-went-away", Mail, []string{"421 Connection went away"}, "networkerror", "blocked", src10Mailserver290},
	{"gmx-421-command-timeout", Mail, []string{"421 gmx.net Service closing transmission channel - command timeout"}, "networkerror", "", src10Filtermail143},
	{"protonmail-554-rejected-by-rspamd", Data, []string{"554 5.7.1 rejected by rspamd filter"}, "spamdetected", "", src10Rspamd5098},
	{"rspamd-550-bad-file-extension", Data, []string{"550 Rejected due to bad file extension in attachment"}, "policyviolation", "", src10FilterRspamd5},
	// rspamd's greylisting reply (the pull request says so): retried until it expired, or
	// undecided.
	{"rspamd-451-try-again-later", Data, []string{"451 Try again later"}, "expired", "onhold", src10FilterRspamd5},
	// The server wants authentication (securityerror); 503 is also a bad sequence of commands.
	{"stalwart-503-must-authenticate", Mail, []string{"503 5.5.1 You must authenticate first."}, "securityerror", "syntaxerror", src10Stalwart698},
	{"stalwart-501-not-allowed-send-from", Mail, []string{"501 5.5.4 You are not allowed to send from this address."}, "rejected", "", src10Stalwart1378},
	{"exim-sender-verify-not-recognized", Rcpt, []string{"550-Verification failed for <{sender}>", "550-The mail server does not recognize {sender} as a valid sender.", "550 Sender verify failed"}, "rejected", "", src10DockerMailserver2257},
	{"exim-sender-verify-no-such-user-here", Rcpt, []string{"550-Verification failed for <{sender}>", "550-No Such User Here", "550 Sender verify failed"}, "rejected", "", src10MailcowDockerized2544},
	{"mailprotect-sender-domain-does-not-exist", Mail, []string{"550 5.1.0 MailProtect : Domain of sender address {sender} does not exist"}, "rejected", "", src10Postal1199},
	{"godaddy-ib506-from-domain-invalid", Mail, []string{"550 5.2.0 <{sender}> From: Domain is invalid. Please provide a valid From: IB506 <http://x.co/srbounce>"}, "rejected", "", src10Postal342},
	{"virginmedia-mxin400-mailfrom-domain", Mail, []string{"421 4.1.0 MXIN400 Cannot validate your Mailfrom Domain {senderdomain}"}, "rejected", "", src10Swapmyvote552},
	// A line longer than RFC 5322 allows, or its format refused.
	{"swiftmailer-552-line-too-long", Data, []string{"552 message line is too long"}, "notcompliantrfc", "contenterror", src10Swiftmailer989},
	{"haraka-550-message-too-big", Data, []string{"550 Message too big!"}, "mesgtoobig", "", src10Wildduck762},
	{"sendgrid-550-unverified-sender-identity", Mail, []string{"550 The from address does not match a verified Sender Identity. Mail cannot be sent until this error is resolved. Visit https://sendgrid.com/docs/for-developers/sending-email/sender-identity/ to see the Sender Identity requirements"}, "rejected", "", src10Ebwiki3861},
	{"zonemta-spamhaus-blacklisted-see", Rcpt, []string{"550 192.0.2.1 blacklisted see http://www.spamhaus.org/query/bl?ip=192.0.2.1"}, "blocked", "", src10ZoneMTABounces},
	{"zonemta-listed-at-spamhaus-see", Rcpt, []string{"550 192.0.2.1 listed at spamhaus, see http://www.spamhaus.org"}, "blocked", "", src10ZoneMTABounces},
	{"zonemta-521-mailbox-unavailable-ip-xbl", Rcpt, []string{"550 5.2.1 Mailbox unavailable. Your IP address 192.0.2.1 is blacklisted using SPAMHAUS-XBL. Details: https://www.spamhaus.org/query/ip/192.0.2.1."}, "blocked", "", src10ZoneMTABounces},
	{"zonemta-server-ip-sbl-xbl-bye", Conn, []string{"550 5.7.0 Your server IP address is in the SpamHaus SBL-XBL database, bye"}, "blocked", "", src10ZoneMTABounces},
	{"zonemta-has-been-blocked-by-zen", Rcpt, []string{"550 5.7.1 192.0.2.1 has been blocked by zen.spamhaus.org"}, "blocked", "", src10ZoneMTABounces},
	{"zonemta-geographical-location", Rcpt, []string{"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using ee.countries.nerd.dk; Your IP is in ee, rejected based on geographical location"}, "blocked", "", src10ZoneMTABounces},
	// Greylisting through a DNS list named grey.rbl: retried until it expired; the words also say
	// blocked using a list.
	{"zonemta-grey-rbl-greylisting", Rcpt, []string{"421 4.7.1 Service unavailable; Client host [192.0.2.1] blocked using grey.rbl - Rechazo temporal, intentelo mas tarde por favor...Greylisting in action, please try again later"}, "expired", "blocked", src10ZoneMTABounces},
	{"zonemta-87-blocklist-zap", Rcpt, []string{"550 5.7.1 :127.0.0.4:Client host 192.0.2.1 blocked using 87.blocklist.zap; Mail from IP banned. To request removal from this list please visit http://www.spamhaus.org/query/bl?ip=192.0.2.1"}, "blocked", "", src10ZoneMTABounces},
	{"zonemta-sender-ip-listed-at-zen", Mail, []string{"550 5.7.1 <{sender}>... 192.0.2.1 listed at zen.spamhaus.org"}, "blocked", "", src10ZoneMTABounces},
	{"zonemta-rcpt-rejected-listed-at-zen", Rcpt, []string{"550 5.7.1 <{rcpt}>... Rejected: 192.0.2.1 listed at zen.spamhaus.org."}, "blocked", "", src10ZoneMTABounces},
	{"zonemta-blacklisted-by-zen-extra-dns", Rcpt, []string{"550 5.7.1 Blacklisted by zen.spamhaus.org. To avoid this problem on this particular server please visit http://spamfiltered.extra-dns.com/resolve/000-00-00-000-00-00-00-id-00000-00000 - Bezoek de site om dit probleem te verhelpen"}, "blocked", "", src10ZoneMTABounces},
	{"zonemta-spammer-list", Rcpt, []string{"550 5.7.1 Client address [192.0.2.1] blocked. You are in the SPAMMER List - Listed on The Spamhaus Project. See http://www.spamhaus.org/query/bl?ip=192.0.2.1"}, "blocked", "", src10ZoneMTABounces},
	{"zonemta-mail-from-ip-rejected-using-zen", Rcpt, []string{"550 5.7.1 Mail from 192.0.2.1 rejected using zen.spamhaus.org. Please see http://www.spamhaus.org/query/bl?ip=192.0.2.1"}, "blocked", "", src10ZoneMTABounces},
	{"zonemta-rejected-due-to-listing-xbl", Rcpt, []string{"550 5.7.1 Mail from IP 192.0.2.1 was rejected due to listing in Spamhaus XBL. For details please see http://www.spamhaus.org/query/bl?ip=192.0.2.1"}, "blocked", "", src10ZoneMTABounces},
	{"zonemta-found-in-spl-xbl", Rcpt, []string{"550 5.7.1 Rejected. Sender 192.0.2.1 found in SPL-XBL listing; see http://www.spamhaus.org/query/bl?ip=192.0.2.1"}, "blocked", "", src10ZoneMTABounces},
	{"zonemta-spamhaus-as16012611", Rcpt, []string{"550 5.7.1 Service unavailable, Client host [192.0.2.1] blocked using Spamhaus. To request removal from this list see http://www.spamhaus.org/lookup.lasso (AS16012611)"}, "blocked", "", src10ZoneMTABounces},
	{"zonemta-realtime-block-list-provider", Rcpt, []string{"550 5.7.1 The IP address was rejected by the Realtime Block List provider zen.spamhaus.org."}, "blocked", "", src10ZoneMTABounces},
	{"zonemta-listed-by-lookup-site", Conn, []string{"550 5.7.1 This system is configured to reject mail from mta.lists.example.org. Connecting host [192.0.2.1] is listed by the lookup site 'zen.spamhaus.org.'."}, "blocked", "", src10ZoneMTABounces},
	{"zonemta-57107-rejected-by-rbl", Rcpt, []string{"550 5.7.107 The IP address was rejected by the sbl.spamhaus.org RBL."}, "blocked", "", src10ZoneMTABounces},
	{"zonemta-email-blocked-by-spamhaus", Rcpt, []string{"550 Email blocked by SPAMHAUS"}, "blocked", "", src10ZoneMTABounces},
	// zone-mta's file quotes only the first line of this multi-line reply; it is given here as a
	// one-line reply.
	{"zonemta-ip-blacklisted-mfaq", Conn, []string{"550 IP 192.0.2.1 is blacklisted (xbl.spamhaus.org). Help at/Hilfe unter www.mfaq.info"}, "blocked", "", src10ZoneMTABounces},
	// A Spamhaus listing of the IP; the words say spam.
	{"zonemta-you-are-sending-spam", Rcpt, []string{"554 5.7.1 You are sending spam (check http://www.spamhaus.org/query/bl?ip=192.0.2.1)"}, "blocked", "spamdetected", src10ZoneMTABounces},
	{"zonemta-acl-dns-rbl", Rcpt, []string{"554 5.7.1 ACL dns_rbl; Client host [192.0.2.1] blocked using sa-ip4tset.blagr.emailsrvr.com=127.24.0.2 Spamhaus XBL. Please visit http://www.spamhaus.org/lookup/ for more information on why this message could not be delivered"}, "blocked", "", src10ZoneMTABounces},
	{"zonemta-denied-shxbl", Conn, []string{"554 Denied [SHXBL] - Denied by Spamhaus XBL - See http://www.spamhaus.org/query/bl?ip=192.0.2.1 (Mode: normal)"}, "blocked", "", src10ZoneMTABounces},
	{"zonemta-ib105-exploits-block-list", Conn, []string{"554 mx.example.net bizsmtp IB105. Connection refused. 192.0.2.1 is listed on the Exploits Block List (XBL) <http://www.spamhaus.org/query/ip/192.0.2.1> Please visit http://www.spamhaus.org/xbl/ for more information."}, "blocked", "", src10ZoneMTABounces},
	{"zonemta-rejected-listed-at-drbl", Rcpt, []string{"550 Rejected: 192.0.2.1 is listed at work.drbl.example.net"}, "blocked", "", src10ZoneMTABounces},
	{"zonemta-dnsbl-server-response", Rcpt, []string{"550 Rejected due to DNSBL server response (dnsbl.cobion.com - 192.0.2.1)"}, "blocked", "", src10ZoneMTABounces},
	{"zonemta-estonian-sorbs-blacklist", Rcpt, []string{"550 5.7.1 --- SAATKE SEE TEADE OMA IT-MEHELE! --- TEIE server 192.0.2.1 on BLACKLISTIS dnsbl.sorbs.net, Sorbs blokeeris kirja! YOUR server 192.0.2.1 is in the blacklist dnsbl.sorbs.net, your message was blocked by Sorbs! Check http://www.robtex.com/ip/192.0.2.1.html#blacklists"}, "blocked", "", src10ZoneMTABounces},
	{"zonemta-rejected-found-in-sorbs", Rcpt, []string{"550 Rejected 192.0.2.1 found in dnsbl.sorbs.net"}, "blocked", "", src10ZoneMTABounces},
	{"zonemta-policy-reasons-dns-blacklist", Conn, []string{"554 Connection from 192.0.2.1 rejected for policy reasons. Host found in DNS blacklist at dnsbl.sorbs.net"}, "blocked", "", src10ZoneMTABounces},
	{"zonemta-sorbs-dnsbl-entry", Rcpt, []string{"554 5.7.1 SORBS DNSBL Entry - see <http://www.us.sorbs.net/lookup.shtml?192.0.2.1>"}, "blocked", "", src10ZoneMTABounces},
	{"zonemta-sender-refused-by-dnsbl", Mail, []string{"501 5.7.1 <{sender}>... Sender refused by the DNSBL dnsbl.sorbs.net"}, "blocked", "", src10ZoneMTABounces},
	{"zonemta-450-coremail-dnsbl-try-again", Rcpt, []string{"450 Requested action not taken:c1mx2, IwENCgC3+s5MYEpYXlIcAA--.4588S3, dnsbl.sorbs.net, please try again"}, "blocked", "", src10ZoneMTABounces},
	// A DNS-list listing for a poor reputation: the host refused, or its reputation.
	// zone-mta's file quotes only the first line of this multi-line reply; it is given here as a
	// one-line reply.
	{"zonemta-junkmail-cloudmark-poor-reputation", Rcpt, []string{"550 \"JunkMail rejected - mta.lists.example.org [192.0.2.1]:39153 is in an RBL on csi.cloudmark.com/reset-request/?ip=192.0.2.1 , see Poor Reputation Sender\""}, "blocked", "badreputation", src10ZoneMTABounces},
	// Terra (Brazil): a DNS-list listing for a poor reputation: the host refused, or its
	// reputation.
	{"terra-cm-csi-poor-reputation", Conn, []string{"554 mx.terra.com cmsmtp 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using cm-csi-v11; Cloudmark Poor Reputation Sender Blacklist http://csi.cloudmark.com/reset-request/?ip=192.0.2.1"}, "blocked", "badreputation", src10ZoneMTABounces},
	// The IP's reputation; the IP is refused as a host too.
	{"zonemta-cloud-security-bad-reputation", Conn, []string{"554 5.5.4 Your IP 192.0.2.1 address has a bad reputation. To unblock visit http://cloud-security.net/unblock?ip=192.0.2.1"}, "badreputation", "blocked", src10ZoneMTABounces},
	// The sending MTA's reputation; it is refused as a host too.
	// zone-mta's file quotes only the first line of this multi-line reply; it is given here as a
	// one-line reply.
	{"zonemta-sending-mta-poor-reputation", Conn, []string{"554 mx.example.net Your access to this mail system has been rejected due to the sending MTA's poor reputation. If you believe that this failure is in error, please contact the intended recipient"}, "badreputation", "blocked", src10ZoneMTABounces},
	// The IP identified as a spammer; the words also say relaying denied.
	{"zonemta-ip-identified-as-spammer", Rcpt, []string{"553 5.7.1 <mta.lists.example.org[192.0.2.1]>: Client host rejected: Relaying denied - Your IP identified as spammer. Please contact 123"}, "blocked", "norelaying", src10ZoneMTABounces},
	{"zonemta-black-listed-at-hostkarma", Conn, []string{"550 Black listed at hostkarma http://ipadmin.junkemailfilter.com/remove.php?ip=192.0.2.1"}, "blocked", "", src10ZoneMTABounces},
	{"zonemta-listed-on-spamrl", Rcpt, []string{"550 The sending IP (192.0.2.1) is listed on https://spamrl.com/. Please resolve this and retry."}, "blocked", "", src10ZoneMTABounces},
	{"zonemta-listed-at-cobion", Rcpt, []string{"550 5.7.1 192.0.2.1 listed at dnsbl.cobion.com"}, "blocked", "", src10ZoneMTABounces},
	// Mimecast's reputation list: the IP's reputation; it is refused as a host too.
	{"zonemta-mimecast-poor-reputation-sender", Rcpt, []string{"550 csi.mimecast.org Poor Reputation Sender. - https://community.mimecast.com/docs/DOC-1369#550 [vH7Ns8biNg-p6EfZ0QaVMQ.us149]"}, "badreputation", "blocked", src10ZoneMTABounces},
	{"zonemta-554-rejected-due-to-virus", Data, []string{"554 rejected due to virus"}, "virusdetected", "", src10ZoneMTABounces},
	{"zonemta-rejected-because-bad-ip", Rcpt, []string{"554 5.7.1 Rejected because Bad IP"}, "blocked", "", src10ZoneMta239},
	// Zimbra's reply when a domain's aggregate quota is exceeded (its pull request says so); the
	// words name no cause.
	{"zimbra-554-permanent-delivery-failure-quota", Data, []string{"554 5.0.0 Permanent message delivery failure"}, "mailboxfull", "onhold", src10ZmMailbox1434},
	{"webde-552-user-over-quota", Rcpt, []string{"552 5.2.2 <{rcpt}>: Recipient address rejected: User over quota"}, "mailboxfull", "", src10Anonaddy749},
	{"stalwart-550-512-mailbox-does-not-exist", Rcpt, []string{"550 5.1.2 Mailbox does not exist."}, "userunknown", "", src10Webmail933},
	// The recipient organisation's queue quota: a per-recipient limit, or a rate limit.
	{"outlook-450-473-organization-queue-quota", Rcpt, []string{"450 4.7.3 Organization queue quota exceeded."}, "exceedlimit", "speeding", src10SmtpFieldManual42},
}
