"""Endorse: an email-driven endorsement processor for joint statements.

The package is split into a pure core (parse, classify, extract, compose) and
thin edges (IMAP/Maildir intake, SMTP/Maildir delivery, database, scheduler,
CLI).  ``mailer.pipeline`` is the one module that joins them.
"""
