"""The desk: what each kind of mail does to the registry, and which replies it queues.

``routes`` is the routing table, read top to bottom: conversations Endorse started (tokens, threads), then a
handler per kind, then after-hooks.  ``context`` is what every handler is given and may call (queue a reply,
open a review).  The handlers: ``confirm`` (endorsements and their confirmation), ``review`` (coordinators'
decisions), ``withdraw``, ``inquiries``, ``subscriptions``; ``notify`` and ``reply_policy`` are the rules every
reply follows (who may be answered, how often, from which address).

Every handler runs inside the transaction that claimed its message: state changes and the replies they cause
commit together (the outbox).  May import: :mod:`mailer.reading`, the top of :mod:`mailer`, ``storage``.
Never :mod:`mailer.edges` (no network here) or :mod:`mailer.commands`.
"""
