"""The illegal-goods text classifier: normalise, TF-IDF n-grams, multinomial logistic
regression, one probability per label (six categories and `none`).

Inference needs numpy and scipy only; scikit-learn is used to fit. The shipped model is
`models/text-v1.joblib`, built by `parley moderation train` from the shipped data."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from parley.moderation.dataset import LABELS, NONE, Example
from parley.moderation.features import FeatureExtractor
from parley.moderation.normalize import NORMALIZER_VERSION, normalize

MODEL_FORMAT = 1
DEFAULT_MODEL = "text-v1.joblib"
DEFAULT_C = 30.0
# Innocent posts count double in training: a false alarm costs a user more than a miss
# costs the platform, which has reports and human review behind the model.
NONE_WEIGHT = 2.0
DEFAULT_SEED = 7
# A post is labelled with its most probable label; a category below this probability falls
# back to `none`. Raising it trades recall for fewer false alarms; 0 means plain argmax.
DEFAULT_MIN_CONFIDENCE = 0.0


class ModelError(ValueError):
    """A model file is missing, malformed or built for another normaliser."""


@dataclass(frozen=True, slots=True)
class Prediction:
    label: str
    scores: dict[str, float]


class TextClassifier:
    """Per-label probabilities for posts; `predict` picks the label."""

    def __init__(
        self,
        *,
        features: FeatureExtractor,
        coef: npt.NDArray[np.float32],
        intercept: npt.NDArray[np.float32],
        labels: Sequence[str],
        min_confidence: float = DEFAULT_MIN_CONFIDENCE,
        metadata: Mapping[str, Any] | None = None,
    ) -> None:
        if coef.shape != (len(labels), features.n_features):
            raise ModelError(f"weights of shape {coef.shape} do not fit the features")
        self.features = features
        self.coef = np.ascontiguousarray(coef, dtype=np.float32)
        self.intercept = np.asarray(intercept, dtype=np.float32)
        self.labels = tuple(labels)
        self.min_confidence = min_confidence
        self.metadata = dict(metadata or {})
        self._none = self.labels.index(NONE)

    # --- inference -------------------------------------------------------------------

    def predict_proba(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """Rows of probabilities, columns in the order of `labels`."""
        if not texts:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        matrix = self.features.transform([normalize(text) for text in texts])
        logits = np.asarray(matrix @ self.coef.T) + self.intercept
        logits -= logits.max(axis=1, keepdims=True)
        np.exp(logits, out=logits)
        logits /= logits.sum(axis=1, keepdims=True)
        return logits.astype(np.float32, copy=False)

    def predict(self, texts: Sequence[str]) -> list[Prediction]:
        probabilities = self.predict_proba(texts)
        return [
            Prediction(
                label=self.labels[self._decide(row)],
                scores={
                    label: round(float(p), 6) for label, p in zip(self.labels, row, strict=True)
                },
            )
            for row in probabilities
        ]

    def predict_labels(self, texts: Sequence[str]) -> list[str]:
        return [self.labels[self._decide(row)] for row in self.predict_proba(texts)]

    def _decide(self, row: npt.NDArray[np.float32]) -> int:
        best = int(row.argmax())
        if best != self._none and row[best] < self.min_confidence:
            return self._none
        return best

    # --- training --------------------------------------------------------------------

    @classmethod
    def train(
        cls,
        examples: Iterable[Example],
        *,
        c: float = DEFAULT_C,
        seed: int = DEFAULT_SEED,
        min_confidence: float = DEFAULT_MIN_CONFIDENCE,
        progress: Callable[[str], None] | None = None,
    ) -> TextClassifier:
        """Fit on labelled examples. Deterministic: the same examples give the same model."""
        from sklearn.linear_model import LogisticRegression  # only needed to fit

        step = progress or (lambda _: None)
        rows = list(examples)
        labels = [label for label in LABELS if any(e.label == label for e in rows)]
        if NONE not in labels or len(labels) < 2:
            raise ModelError("training needs `none` and at least one category")
        step("normalising")
        texts = [normalize(e.text) for e in rows]
        step("extracting features")
        features = FeatureExtractor.fit(texts, min_df=1)
        matrix = features.transform(texts)
        step("fitting the model")
        target = np.array([labels.index(e.label) for e in rows])
        model = LogisticRegression(C=c, max_iter=2000, random_state=seed)
        weights = np.where(target == labels.index(NONE), NONE_WEIGHT, 1.0)
        model.fit(sp.csr_matrix(matrix, dtype=np.float64), target, sample_weight=weights)
        digest = hashlib.sha256()
        for e in rows:
            digest.update(f"{e.label}\t{e.text}\n".encode())
        metadata = {
            "examples": len(rows),
            "per_label": {label: int((target == i).sum()) for i, label in enumerate(labels)},
            "data_sha256": digest.hexdigest(),
            "c": c,
            "none_weight": NONE_WEIGHT,
            "seed": seed,
        }
        step("done")
        return cls(
            features=features,
            coef=model.coef_.astype(np.float32),
            intercept=model.intercept_.astype(np.float32),
            labels=labels,
            min_confidence=min_confidence,
            metadata=metadata,
        )

    # --- files -----------------------------------------------------------------------

    def save(self, path: Path | str) -> None:
        state = {
            "format": MODEL_FORMAT,
            "normalizer_version": NORMALIZER_VERSION,
            "labels": list(self.labels),
            "min_confidence": self.min_confidence,
            "coef": self.coef.astype(np.float16),
            "intercept": self.intercept,
            "features": self.features.to_state(),
            "metadata": self.metadata,
        }
        joblib.dump(state, Path(path), compress=("zlib", 6))

    @classmethod
    def load(cls, path: Path | str) -> TextClassifier:
        """Load a model file. joblib files are pickles and can run code when loaded: only
        ever load the packaged model or a file you built yourself (the CLI asks for an
        explicit --model flag before loading anything else)."""
        state = joblib.load(Path(path))
        if not isinstance(state, dict) or state.get("format") != MODEL_FORMAT:
            raise ModelError(f"{path}: not a Parley text model (format {MODEL_FORMAT})")
        if state["normalizer_version"] != NORMALIZER_VERSION:
            raise ModelError(
                f"{path}: built for normaliser v{state['normalizer_version']}, "
                f"this code has v{NORMALIZER_VERSION}; run `parley moderation train`"
            )
        return cls(
            features=FeatureExtractor.from_state(state["features"]),
            coef=np.asarray(state["coef"], dtype=np.float32),
            intercept=np.asarray(state["intercept"], dtype=np.float32),
            labels=state["labels"],
            min_confidence=float(state["min_confidence"]),
            metadata=state["metadata"],
        )

    @classmethod
    def load_default(cls) -> TextClassifier:
        """The model shipped in the package, loaded once per process."""
        return _default_model()


def default_model_path() -> Path:
    return Path(str(resources.files("parley.moderation").joinpath("models", DEFAULT_MODEL)))


@cache
def _default_model() -> TextClassifier:
    # The packaged model is a pickle we built ourselves from the shipped data; it is the one
    # file this module loads without being told to (see TextClassifier.load).
    return TextClassifier.load(default_model_path())
