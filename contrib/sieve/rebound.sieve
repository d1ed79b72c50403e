# Dovecot Pigeonhole sieve script: pipe bounces to rebound and keep them out of the inbox.
# Needs the extprograms plugin, with in dovecot.conf (plugin section):
#   sieve_plugins = sieve_extprograms
#   sieve_global_extensions = +vnd.dovecot.pipe
#   sieve_pipe_bin_dir = /usr/local/lib/dovecot/sieve-pipe
# and in that directory an executable script named "rebound":
#   #!/bin/sh
#   exec /usr/local/bin/rebound --config /etc/rebound/rebound.yaml pipe
# If rebound fails, the pipe action fails and Dovecot keeps the message in the mailbox.
require ["vnd.dovecot.pipe", "fileinto", "mailbox"];

if anyof (address :is :localpart "from" ["mailer-daemon", "postmaster"],
          header :contains "content-type" "report-type=delivery-status",
          header :contains "content-type" "report-type=feedback-report") {
    pipe "rebound";
    fileinto :create "Bounces.Processed";
    stop;
}
