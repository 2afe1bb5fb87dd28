"""The learned sentence scorer: which candidate sentence answers the question.

A conditional logit model: a weight per feature (features.py), applied to
each feature as it is and to its difference from the best candidate of the
same question, so a sentence is judged both on its own and against the
others. It was trained on the project's labelled questions by
bench/train_scorer.py, which measured it against the hand-set weights it
replaces on folders it was not trained on (docs/calibration.md), and wrote
the few numbers below as `scorer.json` beside this module.

The same file carries the refusal gate's threshold on the best score, set
by the same script from the labelled questions (at most 3% of answerable
questions fall below it), and the similarity in meaning below which a
sentence is off the question's topic (below nearly every answering sentence).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np
import numpy.typing as npt

from assistant.answering.features import NAMES
from assistant.errors import ConfigError

WEIGHTS_FILE = "scorer.json"


@dataclass(frozen=True)
class Scorer:
    """Feature weights, the feature scaling they were trained with, and the gate threshold."""

    names: tuple[str, ...]
    mean: npt.NDArray[np.float64]
    scale: npt.NDArray[np.float64]
    weights: npt.NDArray[np.float64]
    # Below this best score, no candidate is judged to answer (calibrated on near misses).
    answers_from: float
    # Below this similarity in meaning to the question, a sentence is off the question's topic.
    off_topic_below: float

    def scores(self, features: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """One score per candidate row (higher: more likely the answering sentence)."""
        if not len(features):
            return np.zeros(0)
        both = np.hstack([features, features - features.max(axis=0, keepdims=True)])
        scores: npt.NDArray[np.float64] = ((both - self.mean) / self.scale) @ self.weights
        return scores

    def to_json(self) -> str:
        """The file form (written by the training script)."""
        return json.dumps(
            {
                **linear_fields(self.names, self.mean, self.scale, self.weights),
                "answers_from": round(self.answers_from, 4),
                "off_topic_below": round(self.off_topic_below, 4),
            },
            indent=1,
        )

    @classmethod
    def from_json(cls, text: str) -> Scorer:
        """Read the file form."""
        data = json.loads(text)
        return cls(*read_linear(data), float(data["answers_from"]), float(data["off_topic_below"]))


Linear = tuple[
    tuple[str, ...], npt.NDArray[np.float64], npt.NDArray[np.float64], npt.NDArray[np.float64]
]


def linear_fields(
    names: tuple[str, ...],
    mean: npt.NDArray[np.float64],
    scale: npt.NDArray[np.float64],
    weights: npt.NDArray[np.float64],
) -> dict[str, list[str] | list[float]]:
    """The file form of a linear model over standardised measures (this scorer's and the
    answerability gate's): the measures' names, their scaling and the weights, rounded."""
    return {
        "features": list(names),
        "mean": [round(x, 6) for x in mean.tolist()],
        "scale": [round(x, 6) for x in scale.tolist()],
        "weights": [round(x, 6) for x in weights.tolist()],
    }


def read_linear(data: dict[str, Any]) -> Linear:
    """The names, mean, scale and weights of `linear_fields`' form; a measure that never
    varied in training is left unscaled."""
    scale = np.array(data["scale"], dtype=np.float64)
    return (
        tuple(data["features"]),
        np.array(data["mean"], dtype=np.float64),
        np.where(scale > 0, scale, 1.0),
        np.array(data["weights"], dtype=np.float64),
    )


def packaged(file: str, what: str) -> str:
    """The text of a weights file shipped beside this module; `what` names it for people."""
    try:
        return (resources.files("assistant.answering") / file).read_text("utf-8")
    except OSError:
        raise ConfigError(
            f"The {what} ({file}) are missing from the installed package: reinstall it"
        ) from None


@cache
def trained() -> Scorer:
    """The scorer shipped with the package."""
    scorer = Scorer.from_json(packaged(WEIGHTS_FILE, "answer scorer's weights"))
    if scorer.names != NAMES:
        raise ConfigError(
            f"{WEIGHTS_FILE} was trained on other features than this version measures: "
            "run `python bench/train_scorer.py` to train it again"
        )
    return scorer
