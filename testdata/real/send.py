import smtplib, sys, time
for rcpt in sys.argv[1:]:
    local, dom = rcpt.split("@")
    sender = f"bounces+{local}={dom}@bounce.test"
    msg = f"From: News <news@lists.test>\r\nTo: <{rcpt}>\r\nSubject: November news\r\nMessage-ID: <{time.time_ns()}.{local}@lists.test>\r\nX-Campaign-ID: nov-2026\r\n\r\nHello.\r\n"
    with smtplib.SMTP("127.0.0.1", 12625) as s:
        s.sendmail(sender, [rcpt], msg)
    print("sent", rcpt)
