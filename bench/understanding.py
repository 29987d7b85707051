"""How well Endorse reads mail, measured honestly: on writers the model never saw, and on a fresh set.

    .venv/bin/python bench/understanding.py            # grouped cross-validation by writer (about two minutes)
    .venv/bin/python bench/understanding.py --fresh    # the shipped model on tests/data/fresh (new writers,
                                                       # written after the model was frozen)
    add --mistakes to list every message read wrong

Prints the tables the README quotes: all, by language, by genre, by writer (training/evaluate.py).
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from training.evaluate import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
