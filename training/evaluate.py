"""Figures of the learned reader: on writers it never saw (grouped cross-validation) and on a fresh set.

    .venv/bin/python -m training.evaluate            # cross-writer figures, by language and by genre
    .venv/bin/python -m training.evaluate --fresh    # the shipped model on tests/data/fresh (new writers)

What is counted, per message: the kind (the label's kind; a courtesy reply is kind unknown); for endorsements
the organization (right when it is the labelled name or one of its alternatives, compared without case, accents,
punctuation or a leading article; a labelled "no organization" is right only when none is read) and the country
(the ISO code, "none" included); a false endorsement is a non-endorsement read as one, and it is *unflagged*
when it is not in the coordinator band.
"""
from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass, field

from mailer.model import Band, Kind


@dataclass
class Tally:
    messages: int = 0
    kind_right: int = 0
    endorsements: int = 0
    org_right: int = 0
    country_right: int = 0
    false_endorsements: int = 0
    unflagged_false: list[str] = field(default_factory=list)

    def add(self, a) -> None:
        lab, u = a.example.label, a.understanding
        self.messages += 1
        self.kind_right += u.kind.value == lab["kind"]
        if lab["kind"] == "endorsement":
            self.endorsements += 1
            if u.kind is Kind.ENDORSEMENT:
                from training.train_reader import _org_right
                self.org_right += _org_right(u.extraction.organization, a.example)
                self.country_right += u.extraction.country == lab["country"]
        elif u.kind is Kind.ENDORSEMENT:
            self.false_endorsements += 1
            if u.band is not Band.COORDINATOR:
                self.unflagged_false.append(a.example.name)

    @staticmethod
    def pct(n: int, of: int) -> str:
        return f"{100 * n / of:.1f}%" if of else "-"

    def row(self, name: str) -> str:
        return (f"| {name} | {self.messages} | {self.pct(self.kind_right, self.messages)} | "
                f"{self.pct(self.org_right, self.endorsements)} | {self.pct(self.country_right, self.endorsements)} | "
                f"{self.false_endorsements} | {len(self.unflagged_false)} |")

    @property
    def kind_rate(self) -> float:
        return self.kind_right / self.messages if self.messages else 1.0

    @property
    def org_rate(self) -> float:
        return self.org_right / self.endorsements if self.endorsements else 1.0

    @property
    def country_rate(self) -> float:
        return self.country_right / self.endorsements if self.endorsements else 1.0


HEADER = ("| {} | messages | kind | organization | country | false endorsements | of them not flagged |\n"
          "|---|---|---|---|---|---|---|")


def tallies(answers, key) -> dict[str, Tally]:
    out: dict[str, Tally] = defaultdict(Tally)
    for a in answers:
        out[key(a)].add(a)
    return dict(sorted(out.items()))


def summary(answers, title: str = "writers never seen in training (grouped cross-validation)") -> str:
    total = Tally()
    for a in answers:
        total.add(a)
    lines = [f"### {title}", HEADER.format("set"), total.row("all")]
    lines += ["", HEADER.format("language")]
    lines += [t.row(k or "?") for k, t in tallies(answers, lambda a: a.example.lang).items() if t.messages >= 5]
    lines += ["", HEADER.format("genre")]
    lines += [t.row(k or "?") for k, t in tallies(answers, lambda a: a.example.genre).items()]
    lines += ["", HEADER.format("writer")]
    lines += [t.row(k) for k, t in tallies(answers, lambda a: a.example.writer).items()]
    if total.unflagged_false:
        lines += ["", "unflagged false endorsements: " + ", ".join(total.unflagged_false)]
    return "\n".join(lines)


def mistakes(answers, limit: int = 400) -> str:
    out = []
    for a in answers:
        lab, u = a.example.label, a.understanding
        bad = []
        if u.kind.value != lab["kind"]:
            bad.append(f"kind {u.kind.value} (want {lab['kind']})")
        elif lab["kind"] == "endorsement":
            from training.train_reader import _org_right
            if not _org_right(u.extraction.organization, a.example):
                bad.append(f"org {u.extraction.organization!r} (want {lab['organization']!r})")
            if u.extraction.country != lab["country"]:
                bad.append(f"country {u.extraction.country} (want {lab['country']})")
        if bad:
            out.append(f"{a.example.name} [{a.example.genre}/{a.example.lang}]: " + "; ".join(bad))
    return "\n".join(out[:limit])


def fresh_answers():
    from mailer.reading.learned import load_model
    from training.corpus import FRESH, writer_sets
    from training.train_reader import answer, prepare
    model = load_model()
    return [answer(prepare(e), model) for e in writer_sets(FRESH)]


def main(argv: list[str]) -> int:
    if "--fresh" in argv:
        answers = fresh_answers()
        print(summary(answers, "fresh writers, written after the model was frozen"))
    else:
        from training.corpus import training_examples
        from training.train_reader import cross_validate, calibrate, prepare
        prepared = [prepare(e) for e in training_examples()]
        answers = cross_validate(prepared)
        answers = cross_validate(prepared, calibration=calibrate(answers))
        print(summary(answers))
    if "--mistakes" in argv:
        print(mistakes(answers))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
