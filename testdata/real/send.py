# Sends one campaign message per recipient to the MTA under test on 127.0.0.1:12625, each with
# its own VERP return path, as a list manager does. With --submission, to chasquid's submission
# port 12636 instead, after STARTTLS (its self-signed certificate) and AUTH as
# bounces@bounce.test (password "secret").
import smtplib, ssl, sys, time
submission = sys.argv[1:2] == ["--submission"]
for rcpt in sys.argv[1 + submission:]:
    local, dom = rcpt.split("@")
    sender = f"bounces+{local}={dom}@bounce.test"
    msg = f"From: News <news@lists.test>\r\nTo: <{rcpt}>\r\nSubject: November news\r\nMessage-ID: <{time.time_ns()}.{local}@lists.test>\r\nX-Campaign-ID: nov-2026\r\n\r\nHello.\r\n"
    with smtplib.SMTP("127.0.0.1", 12636 if submission else 12625) as s:
        if submission:
            ctx = ssl.create_default_context()
            ctx.check_hostname, ctx.verify_mode = False, ssl.CERT_NONE
            s.starttls(context=ctx)
            s.login("bounces@bounce.test", "secret")
        s.sendmail(sender, [rcpt], msg)
    print("sent", rcpt)
