"""Endorse: an email-driven endorsement processor for joint statements.

A pure core with I/O at the edges, in folders by role::

    mailer/edges/     IMAP or Maildir in, SMTP or Maildir out          (I/O, decides nothing)
    mailer/reading/   bytes -> ParsedMail -> Understanding              (pure)
    mailer/desk/      the routing table and what each kind of mail does to the registry, with its replies
    mailer/digest/    the weekly digest and its bulk sender
    mailer/commands/  one module per `endorse` command group
    storage/          tables, registry, outbox, exports, migrations

At the top: ``pipeline`` (the one module that joins edges, reading, desk and storage for a cycle), ``worker``
(the schedule around it), ``cli`` (the parser), ``settings``, ``model`` (the plain data passed between the
parts), ``compose`` (outgoing messages from templates) and ``errors``.
"""
