"""Scores of `endorse parse --json` against a labelled corpus: used by the corpus test and bench/understanding.py."""
from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

FIELDS = ("kind", "organization", "short_name", "country", "country_text", "contact_email", "contact_name",
          "needs_review")


def parse_files(paths: list[Path]) -> dict[str, dict]:
    """Run the real command once over *paths*; filename → its JSON line."""
    done = subprocess.run([sys.executable, "-m", "mailer.cli", "parse", "--json", *map(str, paths)],
                          capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise RuntimeError(done.stderr)
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    return {Path(line["file"]).name: line for line in lines}


@dataclass
class Scores:
    total: int = 0
    crashes: int = 0
    kind_right: int = 0
    endorsements: int = 0
    organization_right: int = 0
    country_right: int = 0
    false_endorsements: list[str] = field(default_factory=list)
    field_right: dict[str, int] = field(default_factory=lambda: {f: 0 for f in FIELDS})
    mismatches: list[str] = field(default_factory=list)

    def rate(self, right: int, of: int) -> float:
        return right / of if of else 1.0

    @property
    def kind_accuracy(self) -> float:
        return self.rate(self.kind_right, self.total)

    @property
    def organization_rate(self) -> float:
        return self.rate(self.organization_right, self.endorsements)

    @property
    def country_rate(self) -> float:
        return self.rate(self.country_right, self.endorsements)

    def table(self) -> str:
        rows = [("messages", str(self.total)), ("crashes", str(self.crashes)),
                ("kind accuracy", f"{self.kind_accuracy:.1%} ({self.kind_right}/{self.total})"),
                ("organization exact match (endorsements)",
                 f"{self.organization_rate:.1%} ({self.organization_right}/{self.endorsements})"),
                ("country match (endorsements)", f"{self.country_rate:.1%} ({self.country_right}/{self.endorsements})"),
                ("false endorsements", str(len(self.false_endorsements)))]
        rows += [(f"field {f} exact", f"{self.rate(n, self.total):.1%}") for f, n in self.field_right.items()]
        width = max(len(r[0]) for r in rows)
        return "\n".join(f"{k:<{width}}  {v}" for k, v in rows)


def score(expected: dict[str, dict], got: dict[str, dict]) -> Scores:
    s = Scores()
    for name, want in sorted(expected.items()):
        s.total += 1
        have = got.get(name)
        if have is None or "error" in have:
            s.crashes += 1
            s.mismatches.append(f"{name}: no answer {have!r}")
            continue
        if have["kind"] == want["kind"]:
            s.kind_right += 1
        if have["kind"] == "endorsement" and want["kind"] != "endorsement":
            s.false_endorsements.append(name)
        if want["kind"] == "endorsement":
            s.endorsements += 1
            s.organization_right += have["organization"] == want["organization"]
            s.country_right += have["country"] == want["country"]
        for f in FIELDS:
            if have.get(f) == want.get(f):
                s.field_right[f] += 1
            else:
                s.mismatches.append(f"{name}: {f} = {have.get(f)!r}, expected {want.get(f)!r}")
    return s
