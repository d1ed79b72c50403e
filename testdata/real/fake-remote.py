# A minimal SMTP server on 127.0.0.1:12626 that fails each test domain like a real server: the
# first four as Postfix-like servers do, the others with providers' replies written after their
# published error references (Gmail, Microsoft 365, Yahoo, NetEase; see docs/classification.md).
# With a folder as argument, it keeps there the mail it accepts for bounce.test (the DSNs of an
# MTA that relays everything here, as the Sendmail of sendmail.mc does). It also listens on
# 127.0.0.1:12627, where it refuses at the greeting, as a busy server does, and answers QUIT.
import os, socketserver, sys, threading, time
OUT = sys.argv[1] if len(sys.argv) > 1 else None
REPLIES = {
    "unknown.test": "550 5.1.1 <{rcpt}>: Recipient address rejected: User unknown in virtual mailbox table",
    "full.test": "552 5.2.2 <{rcpt}>: Mailbox full",
    "tempfail.test": "450 4.2.2 <{rcpt}>: Mailbox full, try again later",
    "blocked.test": "554 5.7.1 Service unavailable; Client host [127.0.0.1] blocked using zen.spamhaus.org",
    "gmail.test": "550-5.2.1 The email account that you tried to reach is disabled. Learn more at\r\n550 5.2.1  https://support.google.com/mail/?p=DisabledUser q1-20020a05 - gsmtp",
    "outlook.test": "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
    "yahoo.test": "552 1 Requested mail action aborted, mailbox not found",
    "banned.test": "550 5.7.606 Access denied, banned sending IP [127.0.0.1]. To request removal from this list please visit https://sender.office.com/ and follow the directions.",
    "netease.test": "554 DT:SPM 163 mx13,QMCowAC, please see http://mail.163.com/help/help_spam_16.htm?ip=127.0.0.1",
    "quota.test": "452-4.2.2 The recipient's inbox is out of storage space. Please direct the\r\n452 4.2.2 recipient to https://support.google.com/mail/?p=OverQuotaTemp - gsmtp",
    "tls.test": "421-4.7.0 TLS required for RCPT domain, closing connection. For more information,\r\n421 4.7.0 go to https://support.google.com/a/answer/2520500 - gsmtp",
    # The providers' replies of pipe/provider_replies_e2e_test.go (which a real Postfix gets from
    # the same kind of fake remote there), for the Exim fixtures exim-provider-*.eml.
    "outlook-ip-not-accepted.test": "550 5.7.708 Access denied, traffic not accepted from this IP.",
    "yahoo-no-account.test": "554 delivery error: dd This user doesn't have a yahoo.com account ({rcpt}) [0] - mta1234.mail.ne1.yahoo.com",
    "yahoo-tss04.test": "421 4.7.0 [TSS04] Messages from 127.0.0.1 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes",
    "icloud-cs01.test": "550 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137",
    "orange-ofr999.test": "421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_999 [999]",
    "gmx-ip-block-listed.test": "554-gmx.net (mxgmx104) Nemesis ESMTP Service not available\r\n554-No SMTP service\r\n554-IP address is block listed.\r\n554 For explanation visit https://postmaster.gmx.net/en/case?c=r0201&i=ip&v=127.0.0.1",
    "qq-mailbox-not-found.test": "550 Mailbox not found or access denied",
    "netease-sfq.test": "451 MI:SFQ 163 mx3,-=-=, please see http://mail.163.com/help/help_spam_16.htm",
    "mimecast-invalid-recipient.test": "550 Invalid Recipient - https://community.mimecast.com/docs/DOC-1369#550",
    "yandex-no-such-user.test": "550 5.7.1 No such user!",
    "att-suspended.test": "550 [suspend] Mailbox currently suspended--Please contact correspondent directly.",
    "verizon-571.test": "571 Email from 127.0.0.1 is currently blocked by Verizon Online's anti-spam system.",
    "gmail-out-of-storage.test": "552-5.2.2 The recipient's inbox is out of storage space and inbound mail has\r\n552 5.2.2 been disabled. https://support.google.com/mail/?p=OverQuotaPerm - gsmtp",
    "postgrey-greylisted.test": "450 4.7.1 <{rcpt}>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/greylisted.test.html",
}
# Refusals at the end of DATA, for a message to a recipient of these domains.
DATA_REPLIES = {
    "spam.test": "550 5.7.1 Message rejected: classified as spam by the content filter",
    "attach.test": "552-5.7.0 This message was blocked because its content presents a potential\r\n552-5.7.0 security issue. Please visit https://support.google.com/mail/?p=BlockedMessage\r\n552 5.7.0 to review our message content and attachment content guidelines. - gsmtp",
    "gmail-unsolicited.test": "550-5.7.1 Our system has detected that this message is likely unsolicited\r\n550-5.7.1 mail. To reduce the amount of spam sent to Gmail, this message has\r\n550 5.7.1 been blocked. https://support.google.com/mail/?p=UnsolicitedMessageError - gsmtp",
}
class H(socketserver.StreamRequestHandler):
    def w(self, s): self.wfile.write((s + "\r\n").encode())
    def handle(self):
        self.w("220 fake-remote.test ESMTP")
        rcpts = []
        while True:
            line = self.rfile.readline().decode(errors="replace").strip()
            if not line: return
            cmd = line.upper()
            if cmd.startswith(("EHLO", "HELO")):
                self.w("250-fake-remote.test\r\n250-SIZE 4096\r\n250 8BITMIME")
            elif cmd.startswith("MAIL"):
                self.w("250 2.1.0 Ok"); rcpts = []
            elif cmd.startswith("RCPT"):
                rcpt = line.split("<", 1)[1].split(">", 1)[0]
                dom = rcpt.rsplit("@", 1)[1].lower()
                if dom in REPLIES:
                    self.w(REPLIES[dom].format(rcpt=rcpt))
                    if REPLIES[dom].startswith("421"): return
                else: rcpts.append(rcpt); self.w("250 2.1.5 Ok")
            elif cmd == "DATA":
                self.w("354 End data with <CR><LF>.<CR><LF>")
                body = []
                while True:
                    l = self.rfile.readline()
                    if l.rstrip(b"\r\n") == b".": break
                    body.append(l.rstrip(b"\r\n") + b"\n")
                refusal = [DATA_REPLIES[d] for d in (r.rsplit("@", 1)[1].lower() for r in rcpts) if d in DATA_REPLIES]
                if refusal:
                    self.w(refusal[0]); continue
                for r in rcpts:
                    if OUT and r.lower().endswith("@bounce.test"):
                        with open(os.path.join(OUT, "%d-%s.eml" % (time.time_ns(), r.split("@")[0])), "wb") as f:
                            f.write(b"".join(body))
                self.w("250 2.0.0 Ok: queued")
            elif cmd == "QUIT":
                self.w("221 2.0.0 Bye"); return
            else:
                self.w("250 2.0.0 Ok")
class Busy(socketserver.StreamRequestHandler):
    def handle(self):
        self.wfile.write(b"421 4.7.0 mx.busy.test Error: too many connections from 127.0.0.1\r\n")
        if self.rfile.readline().upper().startswith(b"QUIT"):
            self.wfile.write(b"221 2.0.0 Bye\r\n")
socketserver.ThreadingTCPServer.allow_reuse_address = True
busy = socketserver.ThreadingTCPServer(("127.0.0.1", 12627), Busy)
threading.Thread(target=busy.serve_forever, daemon=True).start()
socketserver.ThreadingTCPServer(("127.0.0.1", 12626), H).serve_forever()
