"""Metrics, and the shipped model measured on the held-out split."""

from __future__ import annotations

import pytest

from parley.moderation.classifier import TextClassifier
from parley.moderation.dataset import data_path, read_examples
from parley.moderation.metrics import evaluate

# The brief's targets, judged on heldout2.jsonl: posts written from scratch for evaluation
# only, committed before any model scored them and scored once per shipped model. text-v6
# measures macro-F1 0.9505 and none FPR 0.70% there (4 of 572; bench/moderation.py).
# heldout.jsonl, the template-built split text-v2 to text-v5 were judged on, was retired
# after four looks (docs/moderation.md).
HELDOUT = "heldout2.jsonl"
TARGET_MACRO_F1 = 0.95
TARGET_NONE_FPR = 0.01
# Just over what text-v6 measures (its macro-F1 is just over the target), to catch regressions.
CEILING_NONE_FPR = 0.0075


def test_evaluate_counts() -> None:
    truth = ["drugs", "drugs", "none", "none", "none", "weapons"]
    predicted = ["drugs", "none", "none", "drugs", "none", "weapons"]
    result = evaluate(truth, predicted, labels=["drugs", "weapons", "none"])
    assert result.per_label["drugs"].precision == pytest.approx(0.5)
    assert result.per_label["drugs"].recall == pytest.approx(0.5)
    assert result.per_label["weapons"].f1 == pytest.approx(1.0)
    assert result.none_fpr == pytest.approx(1 / 3)
    assert result.confusion.tolist() == [[1, 0, 1], [0, 1, 0], [1, 0, 2]]
    assert result.to_dict()["none_total"] == 3
    with pytest.raises(ValueError, match="outside"):
        evaluate(["drugs"], ["guns"], labels=["drugs", "none"])


@pytest.fixture(scope="module")
def heldout_result(classifier: TextClassifier):  # type: ignore[no-untyped-def]
    rows = read_examples(data_path(HELDOUT))
    return evaluate([e.label for e in rows], classifier.predict_labels([e.text for e in rows]))


def test_heldout_meets_targets(heldout_result) -> None:  # type: ignore[no-untyped-def]
    assert heldout_result.macro_f1 >= TARGET_MACRO_F1
    assert heldout_result.none_fpr <= TARGET_NONE_FPR
    assert heldout_result.none_fpr <= CEILING_NONE_FPR
