"""Targeted sentiment: is an entity spoken of well, badly or neither in its sentence?

A multinomial logistic regression over `features.featurise`, trained by
`scripts/train_sentiment.py` on RuSentNE-2023 and shipped as `data/sentiment.npz`
(described in `data/sentiment.txt`). Inference is numpy only.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import RelataError
from .features import FEATURES, Target, featurise

WEIGHTS = Path(__file__).parent / "data" / "sentiment.npz"
CLASSES = (-1, 0, 1)


@dataclass(frozen=True, slots=True)
class Sentiment:
    label: int  # -1 negative, 0 neutral, 1 positive
    negative: float  # probabilities
    neutral: float
    positive: float

    @property
    def polarity(self) -> float:
        """positive − negative, in [−1, 1]."""
        return self.positive - self.negative


@dataclass(frozen=True, slots=True)
class SentimentModel:
    weights: np.ndarray  # (features, 3), columns in CLASSES order
    bias: np.ndarray  # (3,)
    offsets: np.ndarray  # (3,) added to the log-probabilities before the argmax: thresholds

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> SentimentModel:
        return _load(Path(path))

    def probabilities(self, targets: Sequence[Target]) -> np.ndarray:
        if not targets:
            return np.zeros((0, len(CLASSES)))
        logits = featurise(targets) @ self.weights + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)

    def predict(self, targets: Sequence[Target]) -> list[Sentiment]:
        probabilities = self.probabilities(targets)
        labels = (np.log(probabilities + 1e-12) + self.offsets).argmax(axis=1)
        return [Sentiment(CLASSES[k], float(p[0]), float(p[1]), float(p[2]))
                for k, p in zip(labels, probabilities, strict=True)]


@functools.cache
def _load(path: Path) -> SentimentModel:
    try:
        with np.load(path, allow_pickle=False) as data:
            model = SentimentModel(data["weights"], data["bias"], data["offsets"])
    except (OSError, KeyError, ValueError) as e:
        raise RelataError(f"{path}: cannot load the sentiment model: {e}") from e
    if model.weights.shape != (FEATURES, len(CLASSES)):
        raise RelataError(f"{path}: the weights do not fit the features of this relata "
                          "(retrain with scripts/train_sentiment.py)")
    return model
