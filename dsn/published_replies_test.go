package dsn

import "testing"

// TestClassifyPublishedReplies classifies replies written after providers' and MTAs' published
// error references (Gmail's SMTP error list, Microsoft 365's NDR codes, Yahoo's and AOL's error
// codes, iCloud, Orange, GMX/WEB.DE, Mail.ru, Yandex, QQ and NetEase, Zoho, Proofpoint,
// Mimecast, Barracuda, DNSBLs, and the defaults of Postfix, Exim, Sendmail, qmail, Exchange,
// OpenSMTPD and chasquid): closed and disabled accounts, odd "not found" codes, IP and sender
// refusals, content, attachment and size refusals, rate limits and TLS requirements. The
// sentences are this project's own, modelled on the published ones; where two readings are
// honest, docs/classification.md says which one rebound takes.
func TestClassifyPublishedReplies(t *testing.T) {
	cases := []struct {
		st, diag string
		want     Reason
	}{
		// Gmail
		{"5.7.26", "550-5.7.26 This mail has been blocked because the sender is unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM.", "authfailure"},
		{"4.7.0", "421-4.7.0 This message does not have authentication information or fails to pass authentication checks. To best protect our users from spam, the message has been blocked.", "authfailure"},
		{"4.7.28", "421-4.7.28 Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited.", "speeding"},
		{"5.7.1", "550-5.7.1 The IP you're using to send mail is not authorized to send email directly to our servers. Please use the SMTP relay at your service provider instead.", "blocked"},
		{"4.7.0", "421-4.7.0 IP not in whitelist for RCPT domain, closing connection.", "blocked"},
		{"4.7.0", "421-4.7.0 TLS required for RCPT domain, closing connection.", "securityerror"},
		{"5.7.0", "530 5.7.0 Must issue a STARTTLS command first.", "securityerror"},
		{"5.7.0", "552-5.7.0 This message was blocked because its content presents a potential security issue. Please visit https://support.google.com/mail/?p=BlockedMessage to review our message content and attachment content guidelines.", "policyviolation"},
		{"5.7.1", "550-5.7.1 Messages with multiple addresses in From: header are not accepted.", "notcompliantrfc"},
		{"5.2.3", "552-5.2.3 Your message exceeded Google's message size limits.", "mesgtoobig"},
		{"5.4.5", "550 5.4.5 Daily user sending limit exceeded.", "speeding"},
		{"5.7.25", "550-5.7.25 The IP address sending this message does not have a PTR record setup, or the corresponding forward DNS entry does not point to the sending IP.", "requireptr"},
		{"5.7.32", "550-5.7.32 Your email has been rejected because the From: header does not align with either the DKIM or SPF domain.", "authfailure"},
		{"4.4.5", "421 4.4.5 Server busy, try again later.", "systemerror"},
		{"5.7.27", "550 5.7.27 The sender address/domain has a null MX record and does not accept mail.", "rejected"},
		// Microsoft 365 / Outlook.com
		{"5.1.10", "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup", "userunknown"},
		{"5.1.1", "550 5.1.1 RESOLVER.ADR.ExRecipNotFound; not found", "userunknown"},
		{"5.7.1", "550 5.7.1 RESOLVER.RST.AuthRequired; authentication required", "securityerror"},
		{"5.7.133", "550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication required; Delivery restriction check failed because the sender was not authenticated when sending to this group", "rejected"},
		{"5.7.606", "550 5.7.606 Access denied, banned sending IP [192.0.2.1]. To request removal from this list please visit https://sender.office.com/", "blocked"},
		{"5.7.511", "550 5.7.511 Access denied, banned sender[news@example.org]. To request removal from this list, forward this message to delist@microsoft.com.", "rejected"},
		{"5.7.509", "550 5.7.509 Access denied, sending domain example.org does not pass DMARC verification and has a DMARC policy of reject.", "authfailure"},
		{"5.7.512", "550 5.7.512 Access denied, message must be RFC 5322 section 3.6.2 compliant and include a valid From address.", "notcompliantrfc"},
		{"5.7.750", "550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains.", "blocked"},
		{"5.2.2", "554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded", "mailboxfull"},
		{"5.2.121", "550 5.2.121 RecipientThresholdExceeded; Recipient's per hour message receive limit from specific sender exceeded.", "exceedlimit"},
		{"5.7.124", "550 5.7.124 RESOLVER.RST.SenderNotAllowed; Sender is not in the allowed-senders list of the group", "rejected"},
		{"5.3.4", "552 5.3.4 ROUTING.SizeLimit; message size exceeds fixed maximum size for route", "mesgtoobig"},
		{"5.6.211", "554 5.6.211 Invalid MIME content: message has too many MIME parts", "contenterror"},
		{"5.4.14", "554 5.4.14 Hop count exceeded - possible mail loop ATTR34", "networkerror"},
		{"4.4.7", "550 4.4.7 QUEUE.Expired; message expired", "expired"},
		{"5.4.1", "550 5.4.1 Recipient address rejected: Access denied. AS(201806281)", "userunknown"},
		{"5.7.3", "451 5.7.3 STARTTLS is required to send mail", "failedstarttls"},
		{"5.7.1", "550 5.7.1 Service unavailable, Client host [192.0.2.1] blocked using Spamhaus.", "blocked"},
		{"5.7.520", "550 5.7.520 Access denied, Your organization does not allow external forwarding.", "policyviolation"},
		// Yahoo / AOL
		{"5.0.0", "552 1 Requested mail action aborted, mailbox not found", "userunknown"},
		{"5.0.0", "554 delivery error: dd Sorry your message to jane@yahoo.com cannot be delivered. This mailbox is disabled (554.30). - mta1234.mail.bf1.yahoo.com", "suspend"},
		{"5.7.9", "554 5.7.9 Message not accepted for policy reasons. See https://senders.yahooinc.com/error-codes", "policyviolation"},
		{"5.7.9", "550 5.7.9 This mail has been blocked because the sender is unauthenticated. Yahoo requires all senders to authenticate with either SPF or DKIM.", "authfailure"},
		{"5.7.1", "553 5.7.1 [BL21] Connections will not be accepted from 192.0.2.1, because the ip is in Spamhaus's list; see https://senders.yahooinc.com/error-codes", "blocked"},
		{"4.7.0", "421 4.7.0 [GL01] Message from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints", "badreputation"},
		// iCloud
		{"5.1.1", "550 5.1.1 <jane@icloud.com>: user does not exist", "userunknown"},
		{"5.2.2", "552 5.2.2 <jane@icloud.com>: user is over quota", "mailboxfull"},
		{"5.7.1", "554 5.7.1 [HM08] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137", "policyviolation"},
		// Orange, GMX, web.de
		{"5.2.1", "550 5.2.1 Mailbox disabled for this recipient", "suspend"},
		{"5.0.0", "550 Requested action not taken: mailbox unavailable", "userunknown"},
		{"5.0.0", "554-IP address is block listed. 554 For explanation visit https://www.gmx.net/mail/senderguidelines?ip=192.0.2.1", "blocked"},
		{"4.2.2", "452 4.2.2 Mailbox quota exceeded", "mailboxfull"},
		{"5.0.0", "554 Message rejected: message contains spam", "spamdetected"},
		// Mail.ru, Yandex
		{"5.0.0", "550 Message was not accepted -- invalid mailbox. Local mailbox jane@mail.ru is unavailable: account is disabled", "suspend"},
		{"5.0.0", "550 spam message rejected. Please visit https://help.mail.ru/notspam-support/id?c=abc or report details to abuse@corp.mail.ru.", "spamdetected"},
		{"4.0.0", "451 Ratelimit exceeded for mailbox jane@mail.ru. Try again later.", "speeding"},
		{"5.7.1", "554 5.7.1 [2] Message rejected under suspicion of SPAM; https://ya.cc/1IrBc", "spamdetected"},
		{"5.7.1", "550 5.7.1 Policy rejection on the target address", "suspend"},
		{"4.7.1", "451 4.7.1 Sorry, the service is currently unavailable. Please come back later.", "systemerror"},
		// QQ, NetEase
		{"5.0.0", "550 Mailbox not found. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000728", "userunknown"},
		{"5.0.0", "550 Ip frequency limited. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000725", "toomanyconn"},
		{"5.0.0", "550 Connection frequency limited. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000722", "toomanyconn"},
		{"5.0.0", "550 Mail content denied. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000726", "spamdetected"},
		{"5.0.0", "550 Mailbox is frozen. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000727", "suspend"},
		{"5.0.0", "554 DT:SPM 163 mx13,QMCowACH0xxx, please see http://mail.163.com/help/help_spam_16.htm?ip=192.0.2.1", "spamdetected"},
		{"5.0.0", "550 User not found: jane@163.com", "userunknown"},
		{"5.0.0", "550 User suspended: jane@126.com", "suspend"},
		{"5.0.0", "550 MI:SPF mx3,-=-=-=, please see http://mail.163.com/help/help_spam_16.htm?ip=192.0.2.1", "authfailure"},
		{"4.0.0", "451 RP:CEL mx3,-=-=, please see http://mail.163.com/help/help_spam_16.htm", "speeding"},
		{"5.0.0", "554 IP:B17 mx3,-=-=, please see http://mail.163.com/help/help_spam_16.htm?ip=192.0.2.1", "blocked"},
		// Zoho
		{"5.1.1", "550 5.1.1 User does not exist - <jane@zoho.com>", "userunknown"},
		{"5.7.1", "554 5.7.1 Email cannot be delivered. Reason: Email flagged as Spam.", "spamdetected"},
		{"5.7.1", "550 5.7.1 Email rejected per DMARC policy for example.org", "authfailure"},
		// Proofpoint, Mimecast, Barracuda, DNSBLs
		{"5.7.1", "554 5.7.1 Blocked - see https://ipcheck.proofpoint.com/?ip=192.0.2.1", "blocked"},
		{"5.7.0", "550 5.7.0 Message blocked due to spam content in the message", "spamdetected"},
		{"5.0.0", "550 Rejected by header based Anti-Spoofing policy: news@example.org - https://community.mimecast.com/docs/DOC-1369#550", "rejected"},
		{"5.0.0", "554 Maximum message size exceeded - https://community.mimecast.com/docs/DOC-1369#554", "mesgtoobig"},
		{"5.0.0", "451 Internal resources are temporarily unavailable - https://community.mimecast.com/docs/DOC-1369#451", "systemerror"},
		{"5.0.0", "550 Local CT IP Reputation - (reject) - https://community.mimecast.com/docs/DOC-1369#550", "badreputation"},
		{"5.7.1", "554 Service unavailable; Client host [192.0.2.1] blocked using Barracuda Reputation; http://www.barracudanetworks.com/reputation/?r=1&ip=192.0.2.1", "badreputation"},
		{"5.7.1", "550 5.7.1 Message content rejected, UBE, id=12345-01", "spamdetected"},
		{"5.7.1", "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using bl.spamcop.net; Blocked - see https://www.spamcop.net/bl.shtml?192.0.2.1", "blocked"},
		{"5.7.1", "550 5.7.1 Rejected: 192.0.2.1 listed at dnsbl-1.uceprotect.net", "blocked"},
		// Postfix, Exim, Sendmail, qmail, OpenSMTPD, chasquid defaults
		{"5.1.1", "550 5.1.1 <jane@example.net>: Recipient address rejected: User unknown in virtual mailbox table", "userunknown"},
		{"5.1.2", "450 4.1.2 <jane@nowhere.example>: Recipient address rejected: Domain not found", "networkerror"},
		{"5.7.1", "450 4.7.1 Client host rejected: cannot find your hostname, [192.0.2.1]", "requireptr"},
		{"5.7.1", "504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname", "blocked"},
		{"4.3.1", "452 4.3.1 Insufficient system storage", "systemfull"},
		{"5.0.0", "TLS is required, but was not offered by host mx.example.net[192.0.2.1]", "securityerror"},
		{"5.0.0", "conversation with mx.example.net[192.0.2.1] timed out while sending end of data -- message may be sent more than once", "expired"},
		{"5.0.0", "552 Message size exceeds maximum permitted", "mesgtoobig"},
		{"5.0.0", "550 rejected because 192.0.2.1 is in a black list at zen.spamhaus.org", "blocked"},
		{"5.0.0", "550 This message contains an unwanted binary attachment", "policyviolation"},
		{"5.0.0", "all hosts for 'example.net' have been failing for a long time (and retry time not reached)", "expired"},
		{"5.0.0", "554 5.7.1 Relaying denied. Proper authentication required.", "norelaying"},
		{"5.0.0", "553 5.1.8 <news@example.org>... Domain of sender address news@example.org does not exist", "rejected"},
		{"5.0.0", "Sorry, no mailbox here by that name. (#5.1.1)", "userunknown"},
		{"5.0.0", "The recipient's mailbox is full and can't accept messages now.", "mailboxfull"},
		{"5.0.0", "550 Invalid recipient: <jane@example.net>", "userunknown"},
		{"5.1.1", "550 5.1.1 Destination address is unknown (user does not exist)", "userunknown"},
		{"5.7.23", "550 5.7.23 SPF check failed: rejected by policy", "authfailure"},
		{"5.3.4", "552 5.3.4 Message too big", "mesgtoobig"},
		{"5.4.6", "554 5.4.6 Loop detected", "networkerror"},
		// Closed / disabled accounts, odd "not found"
		{"5.0.0", "550 5.2.1 This account has been closed", "suspend"},
		{"5.0.0", "550 Mailbox has been deactivated", "suspend"},
		{"5.0.0", "550 The account is inactive", "suspend"},
		{"5.0.0", "550 5.7.1 Recipient not found", "userunknown"},
		{"5.0.0", "554 5.7.1 recipient unknown", "userunknown"},
		// Rate limits, size, content
		{"4.0.0", "450 4.7.1 Message rate limit exceeded, try again later", "speeding"},
		{"5.0.0", "552 5.3.4 Message size exceeds the maximum allowed by the recipient domain", "mesgtoobig"},
		{"5.7.1", "554 5.7.1 Message rejected: attachment type not allowed", "policyviolation"},
		{"5.7.1", "550 5.7.1 Message rejected because of unacceptable content", "spamdetected"},
		// More providers and MTA defaults: size, rate, reputation, sender and content refusals.
		{"5.2.3", "550 5.2.3 RESOLVER.RST.RecipSizeLimit; message too large for this recipient", "mesgtoobig"},
		{"5.3.4", "554 5.3.4 Message too big", "mesgtoobig"},
		{"5.0.0", "552 message too large", "mesgtoobig"},
		{"4.7.650", "451 4.7.650 The mail server [192.0.2.1] has been temporarily rate limited due to IP reputation.", "badreputation"},
		{"5.7.1", "550 5.7.1 Daily sending quota exceeded", "speeding"},
		{"5.1.1", "550 5.1.1 <jane@icloud.com>: inactive email address", "userunknown"},
		{"5.1.8", "550 5.1.8 <news@example.org>: Sender address rejected: Domain not found", "rejected"},
		{"5.7.1", "554 5.7.1 Your access to this mail system has been rejected due to the sending MTA's poor reputation.", "badreputation"},
		{"5.7.1", "550 5.7.1 Connection refused - IP listed on RBL", "blocked"},
		{"5.0.0", "554 Refused. Your IP address is listed in the RBL at b.barracudacentral.org", "blocked"},
		{"5.7.1", "550 5.7.1 Message contains a virus", "virusdetected"},
		{"5.7.0", "554 5.7.0 Reject, id=12345-01 - INFECTED: Eicar-Signature", "virusdetected"},
		{"5.6.0", "550 5.6.0 Message contains invalid header", "contenterror"},
		{"5.6.1", "554 5.6.1 Body type not supported by remote host", "contenterror"},
		{"5.0.0", "550 5.1.1 Recipient address rejected: this account has been closed", "suspend"},
		{"5.0.0", "550 #5.1.0 Address rejected", "userunknown"},
		{"5.4.1", "550 5.4.1 [jane@example.com]: Recipient address rejected: Access denied.", "userunknown"},
		{"5.0.0", "553 sorry, your envelope sender has been denied (#5.7.1)", "rejected"},
		{"5.7.1", "550 5.7.1 Unauthenticated email is not accepted from this domain.", "authfailure"},
		{"5.7.1", "550 5.7.1 SPF check failed", "authfailure"},
		{"5.7.1", "550 5.7.1 Email rejected per SPF policy", "authfailure"},
		{"5.7.1", "554 5.7.1 This message has been blocked because it contains a banned attachment", "policyviolation"},
		{"5.0.0", "550 Your message was rejected because it contains prohibited content", "policyviolation"},
		{"5.7.0", "530 5.7.0 Authentication required", "securityerror"},
		{"5.7.0", "454 4.7.0 TLS not available due to local problem", "failedstarttls"},
		{"5.0.0", "550 This mailbox has been closed", "suspend"},
		{"5.0.0", "550 Mailbox not found", "userunknown"},
		{"5.0.0", "550 No such mailbox", "userunknown"},
		{"5.2.1", "550 5.2.1 mailbox temporarily disabled", "suspend"},
		{"4.2.1", "450 4.2.1 mailbox temporarily disabled", "suspend"},
	}
	for _, c := range cases {
		in := ClassifyInput{Action: "failed", Status: c.st, Diagnostic: c.diag, ReplyCode: findReplyCode(c.diag)}
		if got := Classify(in, nil).Reason; got != c.want {
			t.Errorf("%s %q: got %s, want %s", c.st, c.diag, got, c.want)
		}
	}
}
