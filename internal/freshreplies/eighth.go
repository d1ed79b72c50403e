package freshreplies

const (
	srcBacklinkTR   = "https://backlink.name/blog/smtp-550-hata-kodu-ayrintilari"
	srcHunan0733    = "https://wz.0733.com.cn/web/news-56.html"
	src023DNS       = "http://023dns.com/mail_send/728.html"
	srcKontoPL      = "https://support.konto.pl/kb/a2286/informacje-zwrotne-o-niedostarczeniu-wiadomosci.aspx"
	srcNewpagesFull = "https://edu.newpages.com.my/article/349/email-error-message"
	srcRobly        = "https://support.robly.com/tag/stats"
	srcEmailKnow471 = "https://email-knowledge.com/bouncecodes/4-7-1"
	srcReviewMy471  = "https://reviewmyemails.com/emailalmanac/bounces-and-errors/provider-specific-bounce-codes/what-is-451-471-throttling"
	srcPinzweb      = "https://pinzweb.at/knowledge-base/das-postfach-ist-voll/?seq_no=3"
	srcFittoolsNDR  = "https://fittools.cloud/tools/exchange-ndr-lookup"
)

// Eighth is an eighth held-out set, collected and labelled on 2026-12-03 after the seventh
// set's fixes, before rebound was run on any of its replies, chosen for what was still likely
// to fail: (a) dead addresses and full mailboxes as hosts in other countries word them (a
// Turkish hoster's list, Chinese and Polish hosts' lists of return texts, Mail.ru's), (b) 4xx
// refusals in unusual wordings (never hard), and (c) full-mailbox wordings not yet covered,
// among them a 550 for a full mailbox. Labelled strictly by docs/reasons.md from the source's
// meaning; none of its texts is in an earlier set, the published replies, dsn/rules_test.go or
// the pipe's provider tables. Where the source gives only the words, the reply code is an
// assumption (the comment says so).
var Eighth = []Reply{
	// A Turkish hoster's list of 550 texts, each explained as "no such user/recipient here".
	{"tr-no-account-by-that-name", Rcpt, []string{"550 Recipient Rejected: No account by that name here"}, "userunknown", "", srcBacklinkTR},
	{"tr-no-such-person", Rcpt, []string{"550 No such person at this address"}, "userunknown", "", srcBacklinkTR},
	// "The server does not handle mail for that user": the source reads it as no such user;
	// a server that is not the user's is also a relaying refusal.
	{"tr-server-doesnt-handle-user", Rcpt, []string{"550 Requested action was not taken because this server doesn't handle mail for that user"}, "userunknown", "norelaying", srcBacklinkTR},
	// A full mailbox under 550, with "try again later": the source says the mailbox is full.
	{"tr-mailbox-full-550-try-later", Rcpt, []string{"550 This user's mailbox is full ({rcpt}) - Try again later"}, "mailboxfull", "", srcBacklinkTR},

	// A Chinese host's list of return texts (words only; the codes are assumed): the address
	// does not exist, and the receiving mailbox has no room.
	{"cn-user-is-not-found", Rcpt, []string{"550 user is not found"}, "userunknown", "", srcHunan0733},
	{"cn-doesnt-have-this-account", Rcpt, []string{"550 doesn't have this account"}, "userunknown", "", srcHunan0733},
	// Listed under "the address does not exist or was mistyped"; the words name an invalid address.
	{"cn-invalid-address-550", Rcpt, []string{"550 invalid address (#5.5.0)"}, "userunknown", "syntaxerror", srcHunan0733},
	// A Chinese mail host's "the recipient's space is full" (the code is assumed).
	{"cn-receiptor-mailbox-full", Rcpt, []string{"552 receiptor's mailbox is full(#5.5.4)"}, "mailboxfull", "", src023DNS},

	// A Polish host's list: "sys_lock quota exceeded" is the recipient's inbox space (code assumed).
	{"pl-sys-lock-quota", Rcpt, []string{"552 sys_lock quota exceeded"}, "mailboxfull", "", srcKontoPL},
	// Mail.ru's help on its bounces: "User quota exceeded" is a full mailbox (code assumed).
	{"mailru-user-quota-exceeded", Rcpt, []string{"552 User quota exceeded"}, "mailboxfull", "", srcMailoutRu},
	// A Malaysian host's examples of a full mailbox (codes assumed; the first says try later).
	{"my-user-over-the-quota-try-later", Rcpt, []string{"452 {rcpt}: The user is over the quota. You can try again later."}, "mailboxfull", "expired", srcNewpagesFull},
	{"my-limit-exceeded-while-appending", Data, []string{"552 Mailbox limit exceeded while appending message"}, "mailboxfull", "", srcNewpagesFull},
	// An Austrian host's over-quota bounce (its words; the code is assumed).
	{"at-users-disk-quota-exceeded", Rcpt, []string{"552 User's Disk Quota Exceeded. Sorry, your message cannot be delivered as the recipient has exceeded their disk space limit for email."}, "mailboxfull", "", srcPinzweb},

	// 4xx refusals in unusual wordings: never hard.
	// A sending service's example of a deferral: the user receives mail too fast (code assumed).
	{"robly-too-great-a-rate", Rcpt, []string{"450 user is receiving mail at too great a rate right now, please try again later"}, "speeding", "expired", srcRobly},
	{"deferral-temporary-rate-limit", Rcpt, []string{"451 4.7.1 Temporary rate limit exceeded"}, "speeding", "expired", srcEmailKnow471},
	// A policy deferral: the policy is the cause, the retries running out the second reading.
	{"deferral-rejected-due-to-policy", Rcpt, []string{"451 4.7.1 Temporarily rejected due to policy."}, "policyviolation", "expired", srcReviewMy471},
	// A Catalan list: "the destination computer does not answer"; the message waits and expires.
	// Microsoft 365's 4.7.500 throttle: "Access denied, sender rate limited" (an NDR lookup's
	// table: sending is being throttled; the reply code is assumed). Added after the first 17
	// were fixed, measured before any fix of its own.
	{"o365-access-denied-sender-rate-limited", Rcpt, []string{"451 4.7.500 Access denied, sender rate limited"}, "speeding", "expired", srcFittoolsNDR},
	{"ca-message-still-undelivered", Rcpt, []string{"451 Message still undelivered"}, "networkerror", "expired", srcRiudoms},
}
