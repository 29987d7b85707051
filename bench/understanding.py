"""How well Endorse understands mail: `endorse parse --json` scored on every labelled set in tests/data.

    .venv/bin/python bench/understanding.py

Sets: corpus (175, the tuning set the rules were written against), seed (the statement's twenty), heldout
and heldout2 (written by others, later used for development), heldout3 (written by others and never looked
at while tuning: the honest figure). Prints the table the README quotes.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.corpus_metrics import parse_files, score  # noqa: E402

SETS = ("corpus", "seed", "heldout", "heldout2", "heldout3")


def main() -> None:
    rows = []
    for name in SETS:
        folder = ROOT / "tests" / "data" / name
        if not (folder / "expected.json").exists():
            continue
        expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        s = score(expected, parse_files([folder / f for f in sorted(expected)]))
        needs_review = s.field_right["needs_review"] / s.total
        rows.append((name, s.total, f"{s.kind_accuracy:.1%}", f"{s.organization_rate:.1%}", f"{s.country_rate:.1%}",
                     str(len(s.false_endorsements)), f"{needs_review:.1%}", str(s.crashes)))
    header = ("set", "messages", "kind", "organization", "country", "false endorsements", "needs_review", "crashes")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(map(str, row)) + " |")


if __name__ == "__main__":
    main()
