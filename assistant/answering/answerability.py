"""Whether the retrieved passages answer the question at all: the answer-level refusal gate.

The sentence scorer (scorer.py) ranks one question's candidates against each
other, so its best score alone says little about questions the articles
nearly but not quite answer: same topic, same names, the asked-for fact
absent ("How long did Trump's call with Zelensky last?" when only the call
with Putin has a length). This gate also weighs how far the best candidate
stands out from the next, and how much of the question no candidate holds at
all: of its weight in rarity, and of its ordinary words ("ceasefire",
"resign", "replaced"), which a near miss keeps while its names match. A
logistic model over these four measures was trained by
bench/train_scorer.py on the labelled answerable and near-miss questions
(with out-of-fold sentence scores, as they are on unseen questions); more
measures were tried there and did no better on held-out folders. Its
threshold was set there for a small share of answerable questions refused
(docs/calibration.md).

A second model of the same form over the same measures, the confidence
model, says how likely the quoted sentence of an answered question is right:
trained there on the answered questions with out-of-fold scores, without
reweighing the classes, so its output is a plain chance. Below its threshold
(a chance of 0.6, set there) an answer is shown as one that may not answer
the question (rating.py), so the reader knows to compare it with the passage.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache

import numpy as np
import numpy.typing as npt

from assistant.answering.features import Candidates
from assistant.answering.scorer import linear_fields, packaged, read_linear
from assistant.errors import ConfigError

GATE_FILE = "answerability.json"
CONFIDENCE_FILE = "confidence.json"
GATE_NAMES = ("best_score", "margin", "missing", "missing_plain")


def gate_features(
    candidates: Candidates, scores: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    """The gate's measures (in GATE_NAMES order) of one question's rated candidates."""
    order = np.argsort(-scores)
    margin = float(scores[order[0]] - scores[order[1]]) if len(scores) > 1 else 0.0
    return np.array(
        [float(scores[order[0]]), margin, candidates.missing, candidates.missing_plain],
        dtype=np.float64,
    )


@dataclass(frozen=True)
class Gate:
    """Logistic weights over the gate's measures, their scaling, and the threshold (the
    answerability gate's, or the confidence model's)."""

    names: tuple[str, ...]
    mean: npt.NDArray[np.float64]
    scale: npt.NDArray[np.float64]
    weights: npt.NDArray[np.float64]
    bias: float
    # At or above this probability, the passages are judged to answer the question (the
    # gate), or the quoted sentence is judged to answer it (the confidence model).
    answers_from: float

    def probability(self, row: npt.NDArray[np.float64]) -> float:
        """How likely the best candidate answers the question (0 to 1)."""
        logit = float(((row - self.mean) / self.scale) @ self.weights) + self.bias
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, logit))))

    def passes(self, row: npt.NDArray[np.float64]) -> bool:
        """Whether the question is judged answerable from its candidates."""
        return self.probability(row) >= self.answers_from

    def to_json(self) -> str:
        """The file form (written by the training script)."""
        return json.dumps(
            {
                **linear_fields(self.names, self.mean, self.scale, self.weights),
                "bias": round(self.bias, 6),
                "answers_from": round(self.answers_from, 4),
            },
            indent=1,
        )

    @classmethod
    def from_json(cls, text: str) -> Gate:
        """Read the file form."""
        data = json.loads(text)
        return cls(*read_linear(data), float(data["bias"]), float(data["answers_from"]))


@cache
def trained_gate() -> Gate:
    """The answerability gate shipped with the package."""
    return _packaged_gate(GATE_FILE, "answerability gate's weights")


@cache
def trained_confidence() -> Gate:
    """The confidence model shipped with the package."""
    return _packaged_gate(CONFIDENCE_FILE, "confidence model's weights")


def _packaged_gate(name: str, what: str) -> Gate:
    gate = Gate.from_json(packaged(name, what))
    if gate.names != GATE_NAMES:
        raise ConfigError(
            f"{name} was trained on other measures than this version takes: "
            "run `python bench/train_scorer.py --write` to train it again"
        )
    return gate
