"""Train the learned reader on every labelled writer and write ``mailer/reading/reader_model.json.gz``.

    scripts/train-reader            # = .venv/bin/python -m training.train_reader

Deterministic: the same corpus gives the same file, byte for byte (fixed seed, sorted vocabularies, weights
rounded, gzip without a timestamp).  Steps:

1. read every message once (:func:`prepare`): its kind features, its organization candidates with their
   features and whether each is the labelled name, its country candidates likewise;
2. grouped cross-validation by writer (:func:`cross_validate`): each fold's model is trained without some
   writers and reads their mail through the very code the worker runs (:func:`mailer.reading.classify
   .classify_learned`); from those out-of-writer answers come the calibration (a temperature for the kind, Platt
   scaling for the two rankers) and the thresholds of the three bands;
3. the final model on every writer, with that calibration and those bands.
"""
from __future__ import annotations

import gzip
import hashlib
import io
import json
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from mailer.model import Band, Kind
from mailer.reading.candidates import (candidate_features, country_candidates, country_features, message_view,
                                       name_key, none_features, organization_candidates)
from mailer.reading.classify import PROTOCOL_RULES, classify_learned
from mailer.reading.extract import ASKS, extract_endorsement
from mailer.reading.features import kind_features
from mailer.reading.learned import MODEL_FILE, Model, model_from_json
from mailer.reading.own_words import read
from mailer.reading.parse import parse_message

from training.corpus import ROOT, Example, training_examples

SEED = 20261202
CLASSES = ("endorsement", "withdrawal", "inquiry", "confirmation", "subscribe", "unsubscribe", "auto_reply",
           "bounce", "unknown", "courtesy")
MIN_COUNT = 2          # a feature seen in fewer messages is left out (noise, and the file's size)
KIND_C = 4.0
RANK_C = 1.0
FOLDS = 6
MODEL_PATH = ROOT / "mailer" / "reading" / MODEL_FILE


@dataclass
class Prepared:
    example: Example
    mail: object
    protocol: bool                      # decided by a protocol rule: the model never sees it
    kind: list[str]
    # each option's features and whether it is the labelled answer; the last option is "none named"
    org: list[tuple[list[str], bool]] = field(default_factory=list)
    country: list[tuple[list[str], bool]] = field(default_factory=list)


def matches(name: str, example: Example) -> bool:
    key = name_key(name)
    wanted = [example.label["organization"], *example.alternatives]
    return bool(key) and any(w and name_key(w) == key for w in wanted)


def prepare(example: Example) -> Prepared:
    mail = parse_message(example.path.read_bytes())
    protocol = any(rule(mail) for rule, _kind in PROTOCOL_RULES)
    reading = read(mail)
    p = Prepared(example, mail, protocol, kind_features(mail, reading))
    lab = example.label
    if lab["kind"] in ("endorsement", "withdrawal") and not protocol:
        rule_pick = extract_endorsement(mail, reading).organization
        cands = organization_candidates(mail, reading, rule_pick)
        view = message_view(mail, reading, rule_pick)
        p.org = [(candidate_features(c, view), bool(lab["organization"]) and matches(c.name, example))
                 for c in cands] + [(none_features(reading, "organization"), not lab["organization"])]
        gold = next((c for c in cands if lab["organization"] and matches(c.name, example)), None)
        countries = country_candidates(mail, reading, gold)
        p.country = [(country_features(c, len(countries)), c.code == lab["country"]) for c in countries] + \
            [(none_features(reading, "country"), lab["country"] is None)]
    return p


# ---- fitting ---------------------------------------------------------------------------------------------------------

def vocabulary(rows: list[list[str]]) -> list[str]:
    counts: dict[str, int] = {}
    for feats in rows:
        for f in set(feats):
            counts[f] = counts.get(f, 0) + 1
    return sorted(f for f, n in counts.items() if n >= MIN_COUNT)


def matrix(rows: list[list[str]], vocab: list[str]):
    from scipy.sparse import csr_matrix
    index = {f: i for i, f in enumerate(vocab)}
    indptr, indices = [0], []
    for feats in rows:
        cols = sorted({index[f] for f in feats if f in index})
        indices += cols
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float64)
    return csr_matrix((data, indices, indptr), shape=(len(rows), len(vocab)))


def fit_kind(rows: list[list[str]], targets: list[str], c: float) -> dict:
    """Multinomial logistic regression over the kind features, classes weighted by their rarity."""
    from sklearn.linear_model import LogisticRegression
    vocab = vocabulary(rows)
    x = matrix(rows, vocab)
    model = LogisticRegression(C=c, max_iter=5000, tol=1e-6, random_state=SEED, class_weight="balanced")
    model.fit(x, np.array([CLASSES.index(t) for t in targets]))
    present = list(model.classes_)
    weights = np.zeros((len(vocab), len(CLASSES)))
    bias = np.full(len(CLASSES), -30.0)           # a class no writer wrote is never chosen
    for j, k in enumerate(present):
        weights[:, k] = model.coef_[j] if len(present) > 2 else (model.coef_[0] * (1 if j else -1))
        bias[k] = model.intercept_[j] if len(present) > 2 else model.intercept_[0] * (1 if j else -1)
    keep = [i for i in range(len(vocab)) if np.abs(weights[i]).max() >= 1e-4]
    return {"features": [vocab[i] for i in keep], "weights": [_round(v) for i in keep for v in weights[i]],
            "bias": [_round(v) for v in bias]}


def fit_ranker(groups: list[list[tuple[list[str], bool]]], c: float) -> dict:
    """Conditional logit: in each group (one message's options) the labelled option's softmax probability is
    maximized, with an L2 penalty of 1/c; L-BFGS from zero, so the same groups give the same weights."""
    from scipy.optimize import minimize
    rows = [f for g in groups for f, _ in g]
    vocab = vocabulary(rows)
    if not vocab:
        return {"features": [], "weights": [], "bias": [0.0]}
    x = matrix(rows, vocab)
    bounds = np.cumsum([0] + [len(g) for g in groups])
    positive = np.array([ok for g in groups for _, ok in g], dtype=bool)
    group_of = np.repeat(np.arange(len(groups)), [len(g) for g in groups])

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        s = x @ w
        top = np.maximum.reduceat(s, bounds[:-1])
        e = np.exp(s - top[group_of])
        total = np.add.reduceat(e, bounds[:-1])
        pos = np.add.reduceat(np.where(positive, e, 0.0), bounds[:-1])
        value = float(np.sum(np.log(total) - np.log(pos))) + 0.5 * float(w @ w) / c
        grad_s = e / total[group_of] - np.where(positive, e / pos[group_of], 0.0)
        return value, x.T @ grad_s + w / c

    result = minimize(loss, np.zeros(len(vocab)), jac=True, method="L-BFGS-B", options={"maxiter": 3000})
    w = result.x
    keep = [i for i in range(len(vocab)) if abs(w[i]) >= 1e-4]
    return {"features": [vocab[i] for i in keep], "weights": [_round(w[i]) for i in keep], "bias": [0.0]}


def _round(v: float) -> float:
    return float(f"{float(v):.5g}")


def fit_model(prepared: list[Prepared], calibration: dict | None = None) -> dict:
    learn = [p for p in prepared if not p.protocol]
    kind = fit_kind([p.kind for p in learn], [p.example.target for p in learn], KIND_C)
    org = fit_ranker([p.org for p in learn if any(ok for _, ok in p.org)], RANK_C)
    country = fit_ranker([p.country for p in learn if any(ok for _, ok in p.country)], RANK_C)
    calibration = calibration or {"temperature": 1.0, "org_temperature": 1.0, "country_temperature": 1.0,
                                  "bands": DEFAULT_BANDS}
    kind["temperature"] = calibration["temperature"]
    org["temperature"] = calibration["org_temperature"]
    country["temperature"] = calibration["country_temperature"]
    return {"kinds": list(CLASSES), "kind": kind, "organization": org, "country": country,
            "bands": calibration["bands"]}


KIND_REASON = "may not be an endorsement"
PRECISION = 0.95
DEFAULT_BANDS = {"kind": 0.5, "organization": 0.5, "country": 0.5}


# ---- grouped cross-validation -----------------------------------------------------------------------------------------

@dataclass
class Answer:
    example: Example
    understanding: object
    kind_probabilities: dict          # class -> p, before the temperature
    org_scores: list | None           # each option's score and whether it is the labelled one
    org_right: bool | None
    country_scores: list | None
    country_right: bool | None


def folds(writers: list[str], k: int = FOLDS) -> list[list[str]]:
    """Writers dealt into k folds in a fixed order (sorted, then round robin): no writer in two folds."""
    ordered = sorted(writers, key=lambda w: hashlib.sha256(f"{SEED}:{w}".encode()).hexdigest())
    return [ordered[i::k] for i in range(k)]


def cross_validate(prepared: list[Prepared], k: int = FOLDS, calibration: dict | None = None) -> list[Answer]:
    writers = sorted({p.example.writer for p in prepared})
    answers: list[Answer] = []
    for held in folds(writers, k):
        train = [p for p in prepared if p.example.writer not in held]
        model = model_from_json(fit_model(train, calibration))
        for p in prepared:
            if p.example.writer in held:
                answers.append(answer(p, model))
    return answers


def answer(p: Prepared, model: Model) -> Answer:
    from mailer.reading.classify import classify
    if p.protocol:
        return Answer(p.example, classify(p.mail), {}, None, None, None, None)
    u = classify_learned(p.mail, model)
    raw = model.kind.scores(p.kind)
    probs = dict(zip(model.kinds, _softmax(raw)))
    org_scores = country_scores = None
    org_right = country_right = None
    if p.example.label["kind"] == "endorsement" and u.kind is Kind.ENDORSEMENT:
        org_scores = [(model.organization.score(f), ok) for f, ok in p.org]
        org_right = _org_right(u.extraction.organization, p.example)
        country_scores = [(model.country.score(f), ok) for f, ok in p.country]
        country_right = u.extraction.country == p.example.label["country"]
    return Answer(p.example, u, probs, org_scores, org_right, country_scores, country_right)


def _org_right(got: str | None, example: Example) -> bool:
    if example.label["organization"] is None:
        return got is None
    return got is not None and matches(got, example)


def _softmax(z: np.ndarray) -> list[float]:
    z = np.exp(z - z.max())
    return list(z / z.sum())


def calibrate(answers: list[Answer]) -> dict:
    """Temperature and Platt scaling from out-of-writer answers, and the three bands' thresholds."""
    temperature = _temperature([a for a in answers if a.kind_probabilities])
    org_t = _ranker_temperature([a.org_scores for a in answers if a.org_scores])
    country_t = _ranker_temperature([a.country_scores for a in answers if a.country_scores])
    bands = dict(DEFAULT_BANDS)
    # the kind: every non-endorsement read as an endorsement, that nothing else sends to a coordinator, falls
    # below the threshold (the coordinator band)
    false = []
    for a in answers:
        if a.kind_probabilities and a.example.label["kind"] != "endorsement" and a.understanding.kind is Kind.ENDORSEMENT:
            others = [r for r in a.understanding.extraction.review_reasons if not r.startswith((KIND_REASON, ASKS))]
            if a.understanding.band is Band.COORDINATOR and others:
                continue
            false.append(_tempered(a.kind_probabilities, temperature)["endorsement"])
    bands["kind"] = round(min(0.995, max([0.5] + [p + 0.005 for p in false])), 3)
    # the organization: proposed to the sender when right at least 95 times in 100 on unseen writers
    # a field is proposed to the sender (who sees the line and confirms or corrects it) when, among the answers
    # that named one, those at least as sure were right PRECISION of the time
    named = [a for a in answers if a.org_scores and a.understanding.extraction.organization]
    bands["organization"] = _threshold([(_top(a.org_scores, org_t), a.org_right) for a in named], PRECISION)
    named = [a for a in answers if a.country_scores and a.understanding.extraction.country]
    bands["country"] = _threshold([(_top(a.country_scores, country_t), a.country_right) for a in named], PRECISION)
    return {"temperature": temperature, "org_temperature": org_t, "country_temperature": country_t, "bands": bands}


def _top(scored: list[tuple[float, bool]], t: float) -> float:
    """The tempered softmax probability of the best-scored option."""
    s = np.array([v for v, _ in scored]) / t
    e = np.exp(s - s.max())
    return float(e.max() / e.sum())


def _ranker_temperature(groups: list[list[tuple[float, bool]]]) -> float:
    """The temperature that makes the labelled options' softmax probabilities most likely (groups with one)."""
    usable = [g for g in groups if any(ok for _, ok in g)]
    best, best_t = float("inf"), 1.0
    for t in [round(0.3 + 0.1 * i, 2) for i in range(38)]:
        nll = 0.0
        for g in usable:
            s = np.array([v for v, _ in g]) / t
            e = np.exp(s - s.max())
            nll -= math.log(max(float(sum(x for x, (_, ok) in zip(e, g) if ok) / e.sum()), 1e-12))
        if nll < best - 1e-9:
            best, best_t = nll, t
    return best_t


def _tempered(probs: dict, t: float) -> dict:
    logits = {k: math.log(max(v, 1e-12)) / t for k, v in probs.items()}
    top = max(logits.values())
    exps = {k: math.exp(v - top) for k, v in logits.items()}
    total = sum(exps.values())
    return {k: v / total for k, v in exps.items()}


def _temperature(answers: list[Answer]) -> float:
    best, best_t = float("inf"), 1.0
    for t in [round(0.5 + 0.1 * i, 2) for i in range(31)]:
        nll = 0.0
        for a in answers:
            nll -= math.log(max(_tempered(a.kind_probabilities, t).get(a.example.target, 0.0), 1e-12))
        if nll < best - 1e-9:
            best, best_t = nll, t
    return best_t


def _threshold(rows: list[tuple[float, bool]], precision: float) -> float:
    """The lowest calibrated probability above which the answers were right at least *precision* of the time."""
    scored = sorted(rows)
    for i, (p, _ok) in enumerate(scored):
        above = [ok for _p, ok in scored[i:]]
        if above and sum(above) / len(above) >= precision:
            return round(max(0.3, p), 3)
    return 0.99            # never that precise: only the surest answers are proposed


# ---- the command -----------------------------------------------------------------------------------------------------

def build(examples: list[Example] | None = None) -> tuple[dict, list[Answer]]:
    examples = examples if examples is not None else training_examples()
    prepared = [prepare(e) for e in examples]
    calibration = calibrate(cross_validate(prepared))
    answers = cross_validate(prepared, calibration=calibration)     # the figures, with the bands in force
    model = fit_model(prepared, calibration)
    writers = sorted({e.writer for e in examples})
    model["about"] = {"writers": writers, "messages": len(examples), "seed": SEED, "folds": FOLDS,
                      "corpus_sha256": corpus_digest(examples)}
    return model, answers


def corpus_digest(examples: list[Example]) -> str:
    h = hashlib.sha256()
    for e in sorted(examples, key=lambda e: e.name):
        h.update(e.name.encode())
        h.update(hashlib.sha256(e.path.read_bytes()).digest())
        h.update(json.dumps([e.label, e.alternatives, e.genre], sort_keys=True).encode())
    return h.hexdigest()


def to_bytes(model: dict) -> bytes:
    """Compact JSON, gzip with no name and no time in its header: the same model is the same bytes."""
    text = json.dumps(model, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9, mtime=0, filename="") as gz:
        gz.write(text)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    model, answers = build()
    data = to_bytes(model)
    MODEL_PATH.write_bytes(data)
    from training.evaluate import summary
    print(summary(answers))
    print(f"wrote {MODEL_PATH.relative_to(ROOT)}: {len(data):,} bytes, sha256 {hashlib.sha256(data).hexdigest()[:16]}, "
          f"{model['about']['messages']} messages from {len(model['about']['writers'])} writers; bands "
          f"{model['bands']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
