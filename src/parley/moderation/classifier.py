"""The illegal-goods text classifier: normalise, TF-IDF n-grams, then the average of two
models' probabilities, a one-hidden-layer network (ReLU, softmax) and a multinomial logistic
regression on the same features: one probability per label (six categories and `none`).

A post is flagged with its most probable category only when that category's probability
beats `none`'s by a margin chosen to keep false alarms at or under 1% over the innocent posts
of the dev split (`data/dev2.jsonl`) and of the training posts scored by cross-validation,
and at or under 0.6% over dev2's alone (`crossval.pooled_margin`). The network alone is sure
of itself on posts that look like its training rows, innocent or not; averaging in the
smoother linear model lets a lower margin keep false alarms down. Inference needs numpy and
scipy only; scikit-learn is used to fit. The hidden weights are stored as int8 with one scale
per unit, the linear weights as float16. The shipped model is `models/text-v6.joblib`, built
by `parley moderation train` from the shipped training posts (`dataset.TRAINING_FILES`:
`train_fresh.jsonl`), its margin set as above."""

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

MODEL_FORMAT = 3
DEFAULT_MODEL = "text-v6.joblib"
# 128 units scored about a point more macro-F1 on dev2 at each false-alarm level, within its
# noise (one innocent post), for a model twice the size (12 MB) and twice the training time.
HIDDEN_UNITS = 64
EPOCHS = 30
# Networks trained from consecutive seeds; their hidden units are stacked into one layer and
# their logits averaged. One: on the dev split three did no better.
MEMBERS = 1
ALPHA = 1e-4  # L2 penalty of the network
# Innocent posts count double in training: a false alarm costs a user more than a miss
# costs the platform, which has reports and human review behind the model.
NONE_WEIGHT = 4.0
# The linear model: inverse L2 strength of the logistic regression, and its share of the
# averaged probabilities. C 3 over 10 (text-v4) by cross-validation by family: at the flagging
# margin, macro-F1 0.951 against 0.944 on `train.jsonl`'s families (docs/moderation.md).
LINEAR_C = 3.0
LINEAR_ITERATIONS = 300
LINEAR_SHARE = 0.5
DEFAULT_SEED = 7
# A post is labelled with its most probable label; a category below this probability falls
# back to `none`. Raising it trades recall for fewer false alarms; 0 means plain argmax.
DEFAULT_MIN_CONFIDENCE = 0.0
# A category must beat `none` by this much probability to be flagged. `parley moderation
# train` sets it: the smallest of MARGINS whose none false-positive rate is <= TARGET_FPR.
DEFAULT_MARGIN = 0.0
TARGET_FPR = 0.01
MARGINS = tuple(round(0.05 * i, 2) for i in range(-10, 20))


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
        hidden: Hidden | None = None,
        linear: Linear | None = None,
        margin: float = DEFAULT_MARGIN,
        min_confidence: float = DEFAULT_MIN_CONFIDENCE,
        metadata: Mapping[str, Any] | None = None,
    ) -> None:
        width = features.n_features if hidden is None else hidden.units
        if hidden is not None and hidden.weights.shape[0] != features.n_features:
            raise ModelError(f"hidden weights of shape {hidden.weights.shape} do not fit")
        if coef.shape != (len(labels), width):
            raise ModelError(f"weights of shape {coef.shape} do not fit the features")
        if linear is not None and linear.coef.shape != (len(labels), features.n_features):
            raise ModelError(f"linear weights of shape {linear.coef.shape} do not fit")
        self.features = features
        self.hidden = hidden
        self.linear = linear
        self.coef = np.ascontiguousarray(coef, dtype=np.float32)
        self.intercept = np.asarray(intercept, dtype=np.float32)
        self.labels = tuple(labels)
        self.margin = margin
        self.min_confidence = min_confidence
        self.metadata = dict(metadata or {})
        self._none = self.labels.index(NONE)
        self._categories = np.array([i for i in range(len(self.labels)) if i != self._none])

    # --- inference -------------------------------------------------------------------

    def predict_proba(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """Rows of probabilities, columns in the order of `labels`."""
        if not texts:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        matrix = self.features.transform([normalize(text) for text in texts])
        hidden = matrix if self.hidden is None else self.hidden.forward(matrix)
        probabilities = _softmax(np.asarray(hidden @ self.coef.T) + self.intercept)
        if self.linear is not None:
            linear = _softmax(self.linear.logits(matrix))
            probabilities *= 1.0 - LINEAR_SHARE
            probabilities += LINEAR_SHARE * linear
        return probabilities.astype(np.float32, copy=False)

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
        """The most probable category if it beats `none` by the margin and reaches the
        minimum confidence, else `none`."""
        return decide(row, self._none, self._categories, self.margin, self.min_confidence)

    # --- training --------------------------------------------------------------------

    @classmethod
    def train(
        cls,
        examples: Iterable[Example],
        *,
        hidden_units: int = HIDDEN_UNITS,
        epochs: int = EPOCHS,
        members: int = MEMBERS,
        seed: int = DEFAULT_SEED,
        min_confidence: float = DEFAULT_MIN_CONFIDENCE,
        progress: Callable[[str], None] | None = None,
    ) -> TextClassifier:
        """Fit on labelled examples. Deterministic: the same examples give the same model. The
        flagging margin stays at its default; `parley moderation train` sets it afterwards
        (crossval.pooled_margin)."""
        import warnings

        from sklearn.exceptions import ConvergenceWarning
        from sklearn.linear_model import LogisticRegression  # only needed to fit
        from sklearn.neural_network import MLPClassifier

        step = progress or (lambda _: None)
        rows = list(examples)
        labels = [label for label in LABELS if any(e.label == label for e in rows)]
        if NONE not in labels or len(labels) < 3:
            raise ModelError("training needs `none` and at least two categories")
        step("normalising")
        texts = [normalize(e.text) for e in rows]
        step("extracting features")
        features = FeatureExtractor.fit(texts, min_df=2 if len(rows) >= 1000 else 1)
        matrix = features.transform(texts)
        step("fitting the model")
        target = np.array([labels.index(e.label) for e in rows])
        weights = np.where(target == labels.index(NONE), NONE_WEIGHT, 1.0)
        networks = []
        for member in range(members):
            network = MLPClassifier(
                hidden_layer_sizes=(hidden_units,),
                alpha=ALPHA,
                max_iter=epochs,
                random_state=seed + member,
            )
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ConvergenceWarning)
                network.fit(sp.csr_matrix(matrix, dtype=np.float32), target, sample_weight=weights)
            networks.append(network)
        step("fitting the linear model")
        regression = LogisticRegression(C=LINEAR_C, max_iter=LINEAR_ITERATIONS)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            regression.fit(sp.csr_matrix(matrix, dtype=np.float64), target, sample_weight=weights)
        linear = Linear.of(regression.coef_, regression.intercept_)
        hidden = Hidden.quantise(
            np.hstack([n.coefs_[0] for n in networks]),
            np.concatenate([n.intercepts_[0] for n in networks]),
        )
        coef = np.vstack([n.coefs_[1] for n in networks]).T / members
        intercept = np.mean([n.intercepts_[1] for n in networks], axis=0)
        model = cls(
            features=features,
            hidden=hidden,
            linear=linear,
            coef=coef.astype(np.float32),
            intercept=intercept.astype(np.float32),
            labels=labels,
            min_confidence=min_confidence,
        )
        digest = hashlib.sha256()
        for e in rows:
            digest.update(f"{e.label}\t{e.text}\n".encode())
        model.metadata = {
            "examples": len(rows),
            "per_label": {label: int((target == i).sum()) for i, label in enumerate(labels)},
            "data_sha256": digest.hexdigest(),
            "hidden_units": hidden_units,
            "epochs": epochs,
            "members": members,
            "alpha": ALPHA,
            "none_weight": NONE_WEIGHT,
            "linear_c": LINEAR_C,
            "linear_share": LINEAR_SHARE,
            "seed": seed,
            "margin": model.margin,
        }
        step("done")
        return model

    # --- files -----------------------------------------------------------------------

    def save(self, path: Path | str) -> None:
        state = {
            "format": MODEL_FORMAT,
            "normalizer_version": NORMALIZER_VERSION,
            "labels": list(self.labels),
            "min_confidence": self.min_confidence,
            "margin": self.margin,
            "hidden": None if self.hidden is None else self.hidden.to_state(),
            "linear": None if self.linear is None else self.linear.to_state(),
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
            hidden=None if state["hidden"] is None else Hidden.from_state(state["hidden"]),
            linear=None if state["linear"] is None else Linear.from_state(state["linear"]),
            margin=float(state["margin"]),
            min_confidence=float(state["min_confidence"]),
            metadata=state["metadata"],
        )

    @classmethod
    def load_default(cls) -> TextClassifier:
        """The model shipped in the package, loaded once per process."""
        return _default_model()


@dataclass(frozen=True, slots=True)
class Hidden:
    """The hidden layer: ReLU(x @ weights + bias), weights kept as int8 times one float
    scale per unit (a quarter of the size of float32, same labels in practice)."""

    quantised: npt.NDArray[np.int8]  # (n_features, units)
    scale: npt.NDArray[np.float32]  # (units,)
    bias: npt.NDArray[np.float32]  # (units,)
    weights: npt.NDArray[np.float32]  # quantised * scale, ready for products

    @classmethod
    def quantise(cls, weights: npt.ArrayLike, bias: npt.ArrayLike) -> Hidden:
        w = np.asarray(weights, dtype=np.float32)
        scale = np.abs(w).max(axis=0) / 127.0
        scale[scale == 0.0] = 1.0
        quantised = np.clip(np.rint(w / scale), -127, 127).astype(np.int8)
        return cls.of(quantised, scale.astype(np.float32), np.asarray(bias, dtype=np.float32))

    @classmethod
    def of(
        cls,
        quantised: npt.NDArray[np.int8],
        scale: npt.NDArray[np.float32],
        bias: npt.NDArray[np.float32],
    ) -> Hidden:
        units = (quantised.shape[1],) if quantised.ndim == 2 else (-1,)
        if quantised.ndim != 2 or scale.shape != units or bias.shape != units:
            raise ModelError("malformed hidden layer")
        weights = np.ascontiguousarray(quantised.astype(np.float32) * scale)
        return cls(quantised, scale, bias, weights)

    @property
    def units(self) -> int:
        return int(self.quantised.shape[1])

    def forward(self, matrix: sp.csr_matrix) -> npt.NDArray[np.float32]:
        out = np.asarray(matrix @ self.weights, dtype=np.float32)
        out += self.bias
        np.maximum(out, 0.0, out=out)
        return out

    def to_state(self) -> dict[str, Any]:
        return {"quantised": self.quantised, "scale": self.scale, "bias": self.bias}

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> Hidden:
        return cls.of(
            np.asarray(state["quantised"], dtype=np.int8),
            np.asarray(state["scale"], dtype=np.float32),
            np.asarray(state["bias"], dtype=np.float32),
        )


@dataclass(frozen=True, slots=True)
class Linear:
    """The multinomial logistic regression: softmax(x @ coef.T + intercept). Stored as
    float16 (the probabilities move by well under 1e-3)."""

    coef: npt.NDArray[np.float32]  # (labels, n_features)
    intercept: npt.NDArray[np.float32]  # (labels,)

    @classmethod
    def of(cls, coef: npt.ArrayLike, intercept: npt.ArrayLike) -> Linear:
        # Rounded through float16 at once, so a fresh model and its saved file agree.
        weights = np.asarray(coef, dtype=np.float16).astype(np.float32)
        bias = np.asarray(intercept, dtype=np.float32)
        if weights.ndim != 2 or bias.shape != (weights.shape[0],):
            raise ModelError("malformed linear layer")
        return cls(np.ascontiguousarray(weights.T).T, bias)

    def logits(self, matrix: sp.csr_matrix) -> npt.NDArray[np.float32]:
        return np.asarray(matrix @ self.coef.T, dtype=np.float32) + self.intercept

    def to_state(self) -> dict[str, Any]:
        return {"coef": self.coef.astype(np.float16), "intercept": self.intercept}

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> Linear:
        return cls.of(state["coef"], state["intercept"])


def _softmax(logits: npt.NDArray[Any]) -> npt.NDArray[np.float32]:
    out = np.asarray(logits, dtype=np.float32)
    out -= out.max(axis=1, keepdims=True)
    np.exp(out, out=out)
    out /= out.sum(axis=1, keepdims=True)
    return out


def decide(
    row: npt.NDArray[np.float32],
    none: int,
    categories: npt.NDArray[np.int64],
    margin: float,
    min_confidence: float,
) -> int:
    best = int(categories[int(row[categories].argmax())])
    if row[best] - row[none] > margin and row[best] >= min_confidence:
        return best
    return none


def default_model_path() -> Path:
    return Path(str(resources.files("parley.moderation").joinpath("models", DEFAULT_MODEL)))


@cache
def _default_model() -> TextClassifier:
    # The packaged model is a pickle we built ourselves from the shipped data; it is the one
    # file this module loads without being told to (see TextClassifier.load).
    return TextClassifier.load(default_model_path())
