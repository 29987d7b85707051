"""The weekly digest: its content (``content``), when it is due (``schedule``), one run from the ledger to the
last copy (``run``) and the many-connection SMTP sender that carries it (``bulk``).

May import: :mod:`mailer.reading`, :mod:`mailer.desk` (the coordinators' summary is queued like any reply),
:mod:`mailer.edges`, the top of :mod:`mailer`, ``storage``.  Never :mod:`mailer.commands`.
"""
