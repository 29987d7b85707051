"""The learned reader: the trained weights applied to a message's features.

Pure (the model is data shipped with the package, read once per process).  Three linear models, trained by
``scripts/train-reader`` on the labelled mail of many independent writers (``tests/data/writers``):

- the kind: multinomial logistic regression over :func:`mailer.reading.features.kind_features`, with a
  temperature that calibrates its probabilities on writers it was not trained on;
- the organization and the country: a conditional-logit ranker over the candidates of
  :mod:`mailer.reading.candidates` and one more option, "none named"; the softmax of the scores, at a
  temperature fitted on writers the model did not see, is how sure the reader is of its pick.

The three bands that decide what happens to an endorsement are chosen in training from those probabilities
(:data:`Model.bands`): ``propose`` (show the line to the sender and ask them to confirm it), ``ask`` (ask the
sender to write the line), ``coordinator`` (a person looks first).  Every non-endorsement that the training
writers' mail could make look like an endorsement lands in the last one.
"""
from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

import numpy as np

MODEL_FILE = "reader_model.json.gz"


@dataclass(frozen=True)
class Linear:
    """Weights by feature name; ``classes`` > 1 is a multinomial model, else a binary scorer."""

    index: dict[str, int]
    weights: np.ndarray            # (features, classes)
    bias: np.ndarray               # (classes,)
    temperature: float = 1.0

    def scores(self, features: list[str]) -> np.ndarray:
        idx = self.rows(features)
        total = self.bias.copy()
        if idx:
            total += self.weights[idx].sum(axis=0)
        return total

    def rows(self, features: list[str]) -> list[int]:
        """The rows of the weights that *features* name, each once (a feature the model never saw has none)."""
        return [i for i in map(self.index.get, set(features)) if i is not None]

    def probabilities(self, features: list[str]) -> np.ndarray:
        z = self.scores(features) / self.temperature
        z = np.exp(z - z.max())
        return z / z.sum()

    def score(self, features: list[str]) -> float:
        """A binary scorer's score: the bias and the sum of the weights, as :meth:`scores` adds them (the column
        alone, the same pairwise sum, without a copy of the bias and a 2-D reduction per option)."""
        idx = self.rows(features)
        if not idx:
            return float(self.bias[0])
        return float(self.bias[0] + self.column[idx].sum())

    @cached_property
    def column(self) -> np.ndarray:
        """A binary scorer's weights as one contiguous vector."""
        return np.ascontiguousarray(self.weights[:, 0])

    def choose(self, options: list[list[str]]) -> tuple[int, float]:
        """A ranker's pick among *options* (each a candidate's features) and its calibrated probability: the
        softmax of the scores at the model's temperature (conditional logit)."""
        scores = np.array([self.score(f) for f in options]) / self.temperature
        scores = np.exp(scores - scores.max())
        probabilities = scores / scores.sum()
        best = int(probabilities.argmax())
        return best, float(probabilities[best])


@dataclass(frozen=True)
class Model:
    kinds: tuple[str, ...]
    kind: Linear
    organization: Linear
    country: Linear
    bands: dict[str, float]
    about: dict


def _linear(data: dict) -> Linear:
    names = data["features"]
    weights = np.asarray(data["weights"], dtype=np.float64).reshape(len(names), -1)
    return Linear(index={n: i for i, n in enumerate(names)}, weights=weights,
                  bias=np.asarray(data["bias"], dtype=np.float64), temperature=float(data.get("temperature", 1.0)))


def model_from_json(data: dict) -> Model:
    return Model(kinds=tuple(data["kinds"]), kind=_linear(data["kind"]), organization=_linear(data["organization"]),
                 country=_linear(data["country"]), bands=dict(data["bands"]), about=dict(data.get("about", {})))


@lru_cache(maxsize=1)
def load_model() -> Model:
    """The shipped model, read once per process."""
    path = resources.files("mailer.reading").joinpath(MODEL_FILE)
    if not path.is_file():
        raise FileNotFoundError(f"the reader's model {MODEL_FILE} is missing from the package: reinstall Endorse, or "
                                "rebuild it with scripts/train-reader")
    return model_from_json(json.loads(gzip.decompress(path.read_bytes())))
