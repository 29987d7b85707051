"""The I/O edges: where mail comes from (``mailbox_source``: IMAP or a local Maildir) and where replies go
(``smtp``: an SMTP server or a local Maildir).  Nothing here decides anything about a message.

May import: the top of :mod:`mailer` (settings, errors) and the protocol libraries (imapclient, aiosmtplib).
Never :mod:`mailer.reading`, :mod:`mailer.desk` or ``storage``: the pipeline joins them.
"""
