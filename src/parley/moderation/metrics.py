"""Evaluation of a labelling: per-label precision, recall and F1, macro-F1, the confusion
matrix, and the false-positive rate on `none` (the share of innocent posts we would act on)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from parley.moderation.dataset import CATEGORIES, LABELS, NONE


@dataclass(frozen=True, slots=True)
class LabelScore:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True, slots=True)
class Evaluation:
    labels: tuple[str, ...]
    per_label: dict[str, LabelScore]
    confusion: npt.NDArray[np.int64]  # rows: true label, columns: predicted label
    accuracy: float
    macro_f1: float  # over every label, `none` included
    macro_f1_categories: float  # over the six illegal-goods categories
    none_fpr: float  # true `none` predicted as any category
    none_total: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "per_label": {
                label: {
                    "precision": round(s.precision, 4),
                    "recall": round(s.recall, 4),
                    "f1": round(s.f1, 4),
                    "support": s.support,
                }
                for label, s in self.per_label.items()
            },
            "accuracy": round(self.accuracy, 4),
            "macro_f1": round(self.macro_f1, 4),
            "macro_f1_categories": round(self.macro_f1_categories, 4),
            "none_fpr": round(self.none_fpr, 4),
            "none_total": self.none_total,
            "labels": list(self.labels),
            "confusion": self.confusion.tolist(),
        }


def evaluate(
    truth: Sequence[str], predicted: Sequence[str], *, labels: Sequence[str] = LABELS
) -> Evaluation:
    if len(truth) != len(predicted):
        raise ValueError("truth and predictions differ in length")
    index = {label: i for i, label in enumerate(labels)}
    unknown = sorted({*truth, *predicted} - set(index))
    if unknown:
        raise ValueError(f"labels outside {list(labels)}: {unknown}")
    confusion = np.zeros((len(labels), len(labels)), dtype=np.int64)
    for t, p in zip(truth, predicted, strict=True):
        confusion[index[t], index[p]] += 1
    per_label: dict[str, LabelScore] = {}
    for label, i in index.items():
        tp = int(confusion[i, i])
        predicted_i = int(confusion[:, i].sum())
        actual_i = int(confusion[i, :].sum())
        precision = tp / predicted_i if predicted_i else 0.0
        recall = tp / actual_i if actual_i else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_label[label] = LabelScore(precision, recall, f1, actual_i)
    present = [label for label in labels if per_label[label].support]
    categories = [label for label in present if label in CATEGORIES]
    none_total = per_label[NONE].support if NONE in per_label else 0
    false_alarms = none_total - int(confusion[index[NONE], index[NONE]]) if none_total else 0
    return Evaluation(
        labels=tuple(labels),
        per_label=per_label,
        confusion=confusion,
        accuracy=float(np.trace(confusion) / max(len(truth), 1)),
        macro_f1=_mean([per_label[label].f1 for label in present]),
        macro_f1_categories=_mean([per_label[label].f1 for label in categories]),
        none_fpr=false_alarms / none_total if none_total else 0.0,
        none_total=none_total,
    )


def _mean(values: list[float]) -> float:
    return float(sum(values) / len(values)) if values else 0.0
