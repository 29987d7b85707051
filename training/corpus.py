"""The labelled mail: every message with its label and its writer, read from tests/data.

Two shapes of set:

- ``tests/data/writers/<writer>/``: one independent writer's mail (``NNN.eml``), its labels (``labels.json``: the
  nine label keys of :data:`LABEL_KEYS` plus ``organization_alternatives``, ``genre``, ``lang``, ``client``) and
  its brief (``brief.json``: persona, region, languages, clients);
- the older sets (``tests/data/<set>/expected.json``), each made by one generator: one writer each.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
WRITERS = DATA / "writers"
FRESH = DATA / "fresh"
LEGACY_SETS = ("corpus", "seed", "heldout", "heldout2", "heldout3")
KINDS = ("endorsement", "withdrawal", "inquiry", "confirmation", "subscribe", "unsubscribe", "auto_reply", "bounce",
         "unknown")
LABEL_KEYS = ("kind", "organization", "short_name", "country", "country_text", "contact_email", "contact_name",
              "needs_review")
GENRES = ("endorsement_letter", "endorsement_short", "endorsement_subject_only", "endorsement_form",
          "endorsement_markdown", "endorsement_reply", "endorsement_question", "endorsement_condition", "individual",
          "project_or_company", "withdrawal", "correction", "inquiry", "confirmation_yes", "confirmation_no",
          "confirmation_correction", "courtesy", "subscribe", "unsubscribe", "auto_reply_headers",
          "auto_reply_no_headers", "bounce_dsn", "bounce_plain", "forward_campaign", "newsletter", "spam", "other")


@dataclass
class Example:
    writer: str
    path: Path
    label: dict
    alternatives: tuple[str, ...] = ()
    genre: str = ""
    lang: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"{self.writer}/{self.path.name}"

    @property
    def target(self) -> str:
        """The class the kind model learns: the label's kind, or ``courtesy`` for a courtesy reply."""
        return "courtesy" if self.genre == "courtesy" else self.label["kind"]


def writer_sets(root: Path = WRITERS) -> list[Example]:
    examples = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []:
        labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
        for name, lab in sorted(labels.items()):
            examples.append(Example(folder.name, folder / name, {k: lab.get(k) for k in LABEL_KEYS},
                                    tuple(lab.get("organization_alternatives") or ()), lab.get("genre", ""),
                                    lab.get("lang", ""), {"client": lab.get("client", "")}))
    return examples


def legacy_sets() -> list[Example]:
    examples = []
    for set_name in LEGACY_SETS:
        expected = DATA / set_name / "expected.json"
        if not expected.exists():
            continue
        for name, lab in sorted(json.loads(expected.read_text(encoding="utf-8")).items()):
            lab = _one_convention(DATA / set_name / name, lab)
            lang = name.split("-")[1] if set_name.startswith("heldout") else name.rsplit("-", 1)[-1].split(".")[0]
            examples.append(Example(f"g-{set_name}", DATA / set_name / name, {k: lab.get(k) for k in LABEL_KEYS},
                                    genre=_legacy_genre(lab), lang=lang if len(lang) == 2 else ""))
    return examples


def _one_convention(path: Path, lab: dict) -> dict:
    """The older sets called list and bulk mail (newsletters, list posts) auto-replies; the writers' convention
    calls them unknown (nobody wrote them to us, and no machine answered us).  Read them under one convention."""
    if lab["kind"] != "auto_reply":
        return lab
    head = path.read_bytes().split(b"\n\n", 1)[0].lower()
    if b"\nauto-submitted:" not in head and any(h in head for h in (b"\nlist-id:", b"\nlist-unsubscribe:",
                                                                     b"\nprecedence: bulk", b"\nprecedence: list")):
        return {**lab, "kind": "unknown", "needs_review": True, "_genre": "newsletter"}
    return lab


def _legacy_genre(lab: dict) -> str:
    if lab.get("_genre"):
        return lab["_genre"]
    kind = lab["kind"]
    return {"endorsement": "endorsement_letter", "confirmation": "confirmation_yes",
            "auto_reply": "auto_reply_headers", "bounce": "bounce_dsn", "unknown": "other"}.get(kind, kind)


def training_examples() -> list[Example]:
    """Everything the shipped model learns from: the writers' sets and the older generated sets."""
    return writer_sets() + legacy_sets()


def label_errors(example: Example, text: str) -> list[str]:
    """The written convention, checked: what a label may say, and that what it says is in the message."""
    lab, where = example.label, example.name
    errors = []
    if lab["kind"] not in KINDS:
        errors.append(f"{where}: kind {lab['kind']!r}")
    if example.genre and example.genre not in GENRES:
        errors.append(f"{where}: genre {example.genre!r}")
    if lab["kind"] not in ("endorsement", "withdrawal", "confirmation") and any(
            lab[k] for k in ("organization", "short_name", "country")):
        errors.append(f"{where}: organization fields on a {lab['kind']}")
    if lab["country"] is not None and not (isinstance(lab["country"], str) and len(lab["country"]) == 2
                                           and lab["country"].isupper()):
        errors.append(f"{where}: country {lab['country']!r} is not ISO 3166-1 alpha-2")
    if lab["kind"] == "unknown" and example.genre != "courtesy" and example.writer.startswith("w") \
            and lab["needs_review"] is not True:
        errors.append(f"{where}: an unknown message must need review")
    folded = " ".join(text.casefold().split())
    for key in ("organization", "short_name", "contact_email"):
        value = lab.get(key)
        if value and " ".join(value.casefold().split()) not in folded:
            errors.append(f"{where}: {key} {value!r} is not in the message")
    return errors
