"""Reading mail: raw bytes -> :class:`mailer.model.ParsedMail` -> :class:`mailer.model.Understanding`.

Pure functions only: no database, no network, no clock, no files beyond the data shipped with the package.
``parse`` decodes any bytes; ``own_words``, ``text`` and ``quoting`` separate the writer's words from quotes,
signatures and forwards; ``rules`` holds one predicate per question and ``classify`` asks them in order;
``extract`` and ``countries`` find the organization, short name and country; ``answers``, ``answer_text`` and
``forms`` read replies to our own mails; ``language`` tells the writer's language; ``tokens`` finds our tokens.

May import: the standard library, its own modules, :mod:`mailer.model`, and pure libraries (pycountry,
charset-normalizer, resiliparse, flufl.bounce, lingua).  Never SQLAlchemy, the network libraries, ``storage``
or :mod:`mailer.desk` (``tests/test_layout.py`` checks it).
"""
