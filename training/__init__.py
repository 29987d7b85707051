"""Training and measuring the learned reader (:mod:`mailer.reading.learned`) on the labelled mail in tests/data.

Not part of the installed package: it needs scikit-learn (the ``train`` extra), which the worker never loads.
``scripts/train-reader`` rebuilds ``mailer/reading/reader_model.json.gz`` byte for byte; ``bench/understanding.py``
prints the figures the README quotes.
"""
