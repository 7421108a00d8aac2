"""Metrics, and the shipped model measured on the held-out split."""

from __future__ import annotations

import pytest

from parley.moderation.classifier import TextClassifier
from parley.moderation.dataset import data_path, read_examples
from parley.moderation.metrics import evaluate

# The brief's targets; text-v5 does not reach both on the honest (family-held-out) split:
# it measures macro-F1 0.970 (target met) and none FPR 2.41% (target missed) there
# (bench/moderation.py; text-v4 measured 0.912 and 0.75%, text-v3 0.888 and 0.60%).
TARGET_MACRO_F1 = 0.95
TARGET_NONE_FPR = 0.01
# Just under / over what text-v5 measures, as bounds that catch regressions.
FLOOR_MACRO_F1 = 0.965
CEILING_NONE_FPR = 0.025


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
    rows = read_examples(data_path("heldout.jsonl"))
    return evaluate([e.label for e in rows], classifier.predict_labels([e.text for e in rows]))


def test_heldout_quality_floor(heldout_result) -> None:  # type: ignore[no-untyped-def]
    assert heldout_result.macro_f1 >= FLOOR_MACRO_F1
    assert heldout_result.none_fpr <= CEILING_NONE_FPR


# (xfail: the issue's held-out targets are not met yet, see README "What the classifier does not
# catch"; strict, so this fails loudly the day they are met and the mark must come off)
@pytest.mark.xfail(strict=True, reason="text-v5 flags 2.4% of unseen innocent posts (target 1%)")
def test_heldout_meets_targets(heldout_result) -> None:  # type: ignore[no-untyped-def]
    assert heldout_result.macro_f1 >= TARGET_MACRO_F1
    assert heldout_result.none_fpr <= TARGET_NONE_FPR
