# A minimal SMTP server on 127.0.0.1:12626 that fails each test domain like a real server.
import socketserver
REPLIES = {
    "unknown.test": "550 5.1.1 <{rcpt}>: Recipient address rejected: User unknown in virtual mailbox table",
    "full.test": "552 5.2.2 <{rcpt}>: Mailbox full",
    "tempfail.test": "450 4.2.2 <{rcpt}>: Mailbox full, try again later",
    "blocked.test": "554 5.7.1 Service unavailable; Client host [127.0.0.1] blocked using zen.spamhaus.org",
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
                if dom in REPLIES: self.w(REPLIES[dom].format(rcpt=rcpt))
                else: rcpts.append(rcpt); self.w("250 2.1.5 Ok")
            elif cmd == "DATA":
                self.w("354 End data with <CR><LF>.<CR><LF>")
                while self.rfile.readline().rstrip(b"\r\n") != b".": pass
                if any(r.endswith("@spam.test") for r in rcpts):
                    self.w("550 5.7.1 Message rejected: classified as spam by the content filter")
                else:
                    self.w("250 2.0.0 Ok: queued")
            elif cmd == "QUIT":
                self.w("221 2.0.0 Bye"); return
            else:
                self.w("250 2.0.0 Ok")
socketserver.ThreadingTCPServer.allow_reuse_address = True
socketserver.ThreadingTCPServer(("127.0.0.1", 12626), H).serve_forever()
