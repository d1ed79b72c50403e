package freshreplies

const (
	srcInmotion450   = "https://inmotionhosting.com/support/email/email-error-450"
	srcHoststud450   = "https://hoststud.com/resources/email-error-450-and-it%E2%80%99s-solution.317/updates"
	srcSMTPCodes450  = "https://smtp.codes/450"
	srcSMTPCodes550  = "https://smtp.codes/550"
	srcHostmach      = "https://portal.hostmach.com/knowledgebase.php?action=displayarticle&id=42"
	srcDHSVerify     = "https://clients.domainhostingshop.com.au/index.php/knowledgebase/42/Sender-Verification.html"
	srcSyminet       = "https://secure.syminet.com/helpcenter/verification.php"
	srcICGLink       = "http://www.icglink.net/cgi-bin/icglink/helpdesk/kb.cgi?view=73"
	srcSzhot         = "http://help.szhot.com/text_show.php?id=170"
	srcCybersalt     = "https://www.cybersalt.org/funblog/bounce-management-policies"
	srcIcoremailList = "https://www.icoremail.vip/support/index.php?cate_id=84&page=8&start=225"
	srcPostigo551    = "https://postigo.net/en/smtp-errors/551/"
	srcDnschkr551    = "https://dnschkr.com/smtp-errors/551"
	srcEmailAcademy  = "https://www.emailacademy.fr/pt2/Blog/Les-erreurs-de-non-remise-des-emails-et-leurs-significations"
	srcDbmail        = "https://www.dbmailserver.com/tui-xin-address-not-exist.htm"
	srcWh163         = "https://m.wh-163.com/mobile/index/show/catid/2/id/588.html"
	srcYfs8          = "https://yfs8.com/view/962889.html"
	srcFobhost       = "https://www.fobhost.com/jishuzhichi/jishuzhichi59.html"
	srcEmailhostSvc  = "https://www.emailhost.com.cn/service.html?article_category=25&brd=1"
	srcSnapoverflow  = "https://snapoverflow.com/server/question/758971/explanation-of-various-smtp-error-codes-bounced-by-mailservers"
	srcFalconyte551  = "https://falconyte.com/help/smtp-errors/551-user-not-local"
)

// Seventh is a seventh held-out set, collected and labelled on 2026-12-03 after the sixth set's
// fixes, before rebound was run on any of its replies, chosen for a delicate hard/soft
// judgement: (a) refusals that look like an unknown user but are a policy, spam, reputation,
// rate, relaying or sender-verification refusal, or say an unknown user only temporarily
// (Postfix's address verification, greylisting, Barracuda's "Policy Rejection", a callout that
// could not complete, "no access for this user"), and (b) dead addresses in unusual wordings
// (closed, disabled and inactive accounts, "not user of this server", a mailbox that moved, a
// 501 for an unknown address). Hard is labelled strictly by docs/reasons.md from the source's
// meaning: only a dead address said with a permanent code. None of its texts is in an earlier
// set, the published replies, dsn/rules_test.go or the pipe's provider tables.
//
// A 4xx reply ends, after Postfix's retries, in an expiry notice: where the source names the
// cause, that cause is the reason and expired the second reading; where the source says only
// "try again" (greylisting, a verification in progress), expired is the reason.
var Seventh = []Reply{
	// Postfix's reject_unverified_recipient (unverified_recipient_reject_code 450) while its
	// probe has not finished: nothing is known about the address yet.
	{"postfix-verification-in-progress", Rcpt, []string{"450 4.1.1 <{rcpt}>: Recipient address rejected: unverified address: Address verification in progress"}, "expired", "onhold", srcInmotion450},
	// The probe found an unknown user, but the reply is temporary (450): not hard.
	{"postfix-unverified-unknown-user", Rcpt, []string{`450 4.1.1 <{rcpt}>: Recipient address rejected: unverified address: unknown user: "{rcpt}"`}, "userunknown", "expired", srcInmotion450},
	// A policy server's temporary refusal of the client host (greylisting, "try again later").
	{"client-host-rejected-try-again", Rcpt, []string{"450 4.7.1 <{rcpt}>: Client host rejected: Try again later"}, "expired", "blocked", srcInmotion450},
	// Barracuda's greylisting, worded as a policy rejection of the recipient address.
	{"bsf-policy-rejection-greylisted", Rcpt, []string{"450 4.7.1 <{rcpt}>: Recipient address rejected: Policy Rejection- greylisted, try again later."}, "expired", "onhold", srcHoststud450},
	// Barracuda's temporary policy refusal with no cause named.
	{"bsf-policy-rejection-try-later", Rcpt, []string{"450 4.7.1 <{rcpt}>: Recipient address rejected: Policy Rejection- Please try later."}, "expired", "policyviolation", srcHoststud450},
	// Barracuda refusing the sender for abuse: the recipient's address is named, but the refusal
	// is of the sender; a policy refusal is the second reading.
	{"bsf-policy-rejection-abuse", Rcpt, []string{"450 cuda_nsu 4.7.1 <{rcpt}>: Recipient address rejected: Policy Rejection- Abuse. Go away."}, "blocked", "policyviolation", srcSMTPCodes450},
	// Barracuda: "Blocked" under 550, which its guide says may be a missing mailbox or a policy
	// refusal; the word says the sender was blocked.
	{"bsf-550-blocked", Rcpt, []string{"550 Blocked"}, "blocked", "policyviolation", srcSMTPCodes550},
	// Comcast: the address cannot receive mail for now; a later send will most likely succeed.
	{"comcast-recipient-temporarily-unavailable", Rcpt, []string{"450 4.2.0 <{rcpt}> - Recipient temporarily unavailable"}, "expired", "suspend", srcSMTPCodes450},
	// ImprovMX: its anti-spam check failed and wants a retry.
	{"improvmx-please-try-again", Rcpt, []string{"450 4.2.1 Please try again later. (#id-5.9.4)"}, "expired", "spamdetected", srcSMTPCodes450},

	// Sender verification (callouts): the sender is refused, never the recipient.
	{"hostmach-sender-verify-callout", Rcpt, []string{"550 Could not complete sender verify callout"}, "rejected", "", srcHostmach},
	{"dhs-rejected-return-address", Rcpt, []string{"550 The destination mail system rejected your return address"}, "rejected", "", srcDHSVerify},
	{"dhs-sender-must-exist", Mail, []string{"550 Sender must exist"}, "rejected", "", srcDHSVerify},
	// Listed among the verification refusals; the words say the sending host has no reverse name.
	{"dhs-no-reverse-lookup", Rcpt, []string{"550 Not sent - no reverse lookup"}, "requireptr", "blocked", srcDHSVerify},
	// A temporary failure of the receiving side's check of the sender.
	{"syminet-sender-verification-incomplete", Rcpt, []string{"451 Could not complete sender verification"}, "rejected", "systemerror", srcSyminet},

	// An ISP's helpdesk: after "550 Access denied" at MAIL FROM, one of three reasons.
	{"icglink-no-access-for-this-ip", Mail, []string{"550 Sorry, no access for this ip"}, "blocked", "", srcICGLink},
	{"icglink-no-access-for-this-domain", Mail, []string{"550 Sorry, no access for this domain"}, "rejected", "blocked", srcICGLink},
	// "a known spammer": the sender refused, though the words say "user".
	{"icglink-no-access-for-this-user", Mail, []string{"550 Sorry, no access for this user"}, "rejected", "", srcICGLink},
	{"icglink-unauthorized-relay-traffic", Rcpt, []string{"553 <{rcpt}>... unauthorized relay traffic prohibited"}, "norelaying", "", srcICGLink},
	// The recipient's .forward names an address its delivery cannot write to.
	{"icglink-forward-cant-create-output", Rcpt, []string{"550 /home/jane/.forward: line 1: |/usr/bin/procmail... Can't create output: Permission denied"}, "mailererror", "", srcICGLink},
	// The From: line's domain does not resolve: the sender's address, after DATA.
	{"icglink-from-domain-must-resolve", Data, []string{"451 From:domain must resolve"}, "rejected", "contenterror", srcICGLink},

	// 21CN: a disabled account, explained as frozen or deleted (not renewed, or banned for abuse).
	{"21cn-now-disabled-with-smtp-service", Rcpt, []string{"550 {rcpt} is now disabled with SMTP service"}, "suspend", "userunknown", srcSzhot},
	// A list manager's rules: accounts that Juno/NetZero report inactive; the address is
	// removed, but the words say an inactive account (suspend), not a missing one. The source
	// gives the words its rules match and no whole reply: the code and the address around them
	// are assumed here, as for the SBC wording below.
	{"juno-account-inactive", Rcpt, []string{"550 {rcpt}... Account Inactive"}, "suspend", "userunknown", srcCybersalt},
	{"inactive-user", Rcpt, []string{"550 {rcpt}: Inactive User"}, "suspend", "userunknown", srcCybersalt},
	// SBC/Pacific Bell's misspelled "Adressee Unknown": the mailbox does not exist.
	{"sbcglobal-adressee-unknown", Rcpt, []string{"550 5.1.1 <{rcpt}>... Adressee Unknown"}, "userunknown", "", srcCybersalt},

	// Coremail's list of bounce texts it explains (codes assumed, 550 for the permanent ones).
	{"coremail-unavailable-mail-user", Rcpt, []string{"550 unavailable mail user"}, "userunknown", "", srcIcoremailList},
	{"coremail-user-disabled", Rcpt, []string{"550 user disabled"}, "suspend", "", srcIcoremailList},
	{"coremail-local-server-dont-exists-user", Rcpt, []string{"550 local server don't exists that user"}, "userunknown", "", srcIcoremailList},
	{"coremail-not-user-of-this-server", Rcpt, []string{"550 {rcpt}: not user of this server"}, "userunknown", "", srcIcoremailList},
	{"coremail-recipient-does-not-have-account", Rcpt, []string{"550 recipient does not have an account"}, "userunknown", "", srcIcoremailList},
	// "currently unavailable": the mailbox exists but takes no mail now; a permanent code.
	{"coremail-mailbox-currently-unavailable", Rcpt, []string{"550 mailbox currently unavailable"}, "suspend", "userunknown", srcIcoremailList},

	// 551 with a forward path: the user moved (RFC 5321's 551, 5.1.6).
	{"postigo-551-user-not-local-please-try", Rcpt, []string{"551 5.1.6 User not local; please try <jane@new.example.com>"}, "hasmoved", "", srcPostigo551},
	// 551 without a forward path: the mailbox is not on this server (moved, or the wrong server).
	{"postigo-551-mailbox-not-local", Rcpt, []string{"551 Requested action not taken: mailbox not local"}, "hasmoved", "norelaying", srcPostigo551},
	{"falconyte-551-user-moved", Rcpt, []string{"551 User moved; please try <jane@new.example.com>"}, "hasmoved", "", srcFalconyte551},
	{"dnschkr-551-user-not-local-forward", Rcpt, []string{"551 User not local; please try <jane@relay.example.net>"}, "hasmoved", "", srcDnschkr551},

	// A French guide: a policy refusal with 5.7.1, not an unknown address.
	{"emailacademy-policy-restrictions", Data, []string{"554 5.7.1 Message rejected due to policy restrictions"}, "policyviolation", "", srcEmailAcademy},

	// A Chinese mail host's list of replies that all mean "the address does not exist", some
	// in wordings and codes that say something else: 551 (RFC 5321's "user not local"), 552 (a
	// storage code), 5.7.0 (a security code) and "access deny".
	{"dbmail-551-recipient-is-not-exist", Rcpt, []string{"551 5.1.1 recipient is not exist"}, "userunknown", "", srcDbmail},
	{"dbmail-rc-ld-does-no-exists", Rcpt, []string{"550 RC:LD The email account that you tried to reach does no exists."}, "userunknown", "", srcDbmail},
	{"dbmail-local-user-not-found", Rcpt, []string{"550 Local User [{rcpt}] not found."}, "userunknown", "", srcDbmail},
	{"dbmail-552-rcpt-to-mailbox-unavailable", Rcpt, []string{`552 "RCPT TO" mailbox unavailable`}, "userunknown", "", srcDbmail},
	{"dbmail-570-address-invalid", Rcpt, []string{"550 5.7.0 {rcpt}... address invalid"}, "userunknown", "", srcDbmail},
	{"dbmail-rc-ne-account-does-not-exist", Rcpt, []string{"550 RC:NE The email account does not exist."}, "userunknown", "", srcDbmail},
	{"dbmail-umail-no-such-user-here", Rcpt, []string{"550 no such user here (umail mta)"}, "userunknown", "", srcDbmail},
	// Listed among the missing addresses; the words say access denied, so a policy refusal is
	// the second reading (and then it is not hard).
	{"dbmail-570-user-access-deny", Rcpt, []string{"550 5.7.0 user access deny."}, "userunknown", "policyviolation", srcDbmail},
	// A Chinese host's explanations: a recipient (or sender) refused as invalid after DATA, the
	// sender refused at MAIL FROM for likely spam, a bare "Rejected." after the data.
	{"wh163-sender-or-recipients-invalid", Data, []string{"554 One or more of the sender or recipients in your email are invalid and not accepted."}, "userunknown", "rejected", srcWh163},
	{"wh163-mail-rejected-possible-spam", Mail, []string{"550 5.0.0 Mail rejected due to possible SPAM."}, "spamdetected", "rejected", srcWh163},
	{"wh163-519-rejected", Data, []string{"519 Rejected."}, "filtered", "policyviolation", srcWh163},
	// "user is forbided", listed by the source under a full mailbox (no space for new mail).
	{"yfs8-user-is-forbided", Rcpt, []string{"550 user is forbided"}, "mailboxfull", "suspend", srcYfs8},
	{"fobhost-remote-ip-is-forbidden", Rcpt, []string{"554 remote ip is forbidden"}, "blocked", "", srcFobhost},
	// Forged sender address, refused (the source: Wanwang's post office).
	{"fobhost-553-invalid-sender", Mail, []string{"553 Invalid sender"}, "rejected", "", srcFobhost},
	// A spam refusal, written with the words the source lists (code assumed).
	{"emailhost-content-reject-spam-denied", Data, []string{"554 Content reject/Spam denied"}, "spamdetected", "", srcEmailhostSvc},
	// A list of replies an administrator found unclear, read by the answer: "Command not
	// allowed" grouped with the policy refusals (the loop's code is assumed).
	{"snapoverflow-command-not-allowed", Rcpt, []string{"550 5.7.1 Command not allowed"}, "policyviolation", "", srcSnapoverflow},
	{"snapoverflow-forwarding-loop", Data, []string{"554 Maximum forwarding loop count exceeded"}, "networkerror", "", srcSnapoverflow},
	{"icglink-header-error", Data, []string{"553 Header Error"}, "contenterror", "", srcICGLink},
	{"postfix-450-try-again-later", Rcpt, []string{"450 4.3.2 try again later"}, "expired", "systemerror", srcInmotion450},
}
