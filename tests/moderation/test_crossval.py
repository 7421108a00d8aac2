"""Cross-validation by template family (moderation/crossval.py, `parley moderation cv`)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from parley.cli import app
from parley.moderation.classifier import MARGINS, TextClassifier
from parley.moderation.crossval import (
    assign_folds,
    out_of_fold,
    pooled_margin,
    train_and_cross_validate,
)
from parley.moderation.dataset import LABELS, NONE, Example, data_path, read_examples

runner = CliRunner()


def _small_set() -> list[Example]:
    """Three posts from each of six families per label of the shipped training file."""
    rows = read_examples(data_path("train.jsonl"))
    picked: list[Example] = []
    for label in LABELS:
        families = sorted({e.family for e in rows if e.label == label})[::6][:6]
        for family in families:
            picked += [e for e in rows if e.family == family and e.label == label][:3]
    return picked


def test_folds_keep_families_together_and_are_reproducible() -> None:
    rows = _small_set()
    folds = assign_folds(rows, 3, seed=1)
    assert folds == assign_folds(rows, 3, seed=1)
    by_family: dict[str, set[int]] = {}
    for example, fold in zip(rows, folds, strict=True):
        by_family.setdefault(example.family, set()).add(fold)
    assert all(len(f) == 1 for f in by_family.values())
    assert set(folds) == {0, 1, 2}
    with pytest.raises(ValueError, match="two folds"):
        assign_folds(rows, 1)
    with pytest.raises(ValueError, match="cannot fill"):
        assign_folds(rows[:2], 5)


def test_each_post_is_scored_by_a_model_that_never_saw_its_family() -> None:
    rows = _small_set()
    trained_on: list[set[str]] = []

    def fit(part: list[Example]) -> TextClassifier:
        trained_on.append({e.family for e in part})
        return TextClassifier.train(part)

    oof = out_of_fold(rows, folds=3, fit=fit)
    folds = assign_folds(rows, 3)
    assert len(trained_on) == 3
    for example, fold in zip(rows, folds, strict=True):
        assert example.family not in trained_on[fold]
        assert all(example.family in seen for k, seen in enumerate(trained_on) if k != fold)
    assert oof.probabilities.shape == (len(rows), len(LABELS))
    np.testing.assert_allclose(oof.probabilities.sum(axis=1), 1.0, atol=1e-4)
    # a higher margin never raises false alarms on `none`
    rates = [r.none_fpr for _, r in oof.curve()]
    assert rates == sorted(rates, reverse=True)
    margin, chosen = oof.best_within(0.5)
    assert chosen.none_fpr <= 0.5
    assert chosen.macro_f1 == oof.at_margin(margin).macro_f1
    assert chosen.per_label[NONE].support == sum(e.label == NONE for e in rows)


def test_fits_in_worker_processes_give_the_same_scores_and_model() -> None:
    rows = _small_set()
    done: list[int] = []
    parallel, model = train_and_cross_validate(rows, folds=3, jobs=2, model_seed=3,
                                               progress=done.append)  # fmt: skip
    assert sorted(done) == [-1, 0, 1, 2]
    np.testing.assert_array_equal(parallel.probabilities, out_of_fold(rows, folds=3).probabilities)
    texts = [e.text for e in rows[:20]]
    assert model is not None
    np.testing.assert_array_equal(
        model.predict_proba(texts), TextClassifier.train(rows, seed=3).predict_proba(texts)
    )


def test_cv_command(tmp_path: Path) -> None:
    small = tmp_path / "train.jsonl"
    small.write_text("".join(e.to_json() + "\n" for e in _small_set()), encoding="utf-8")
    result = runner.invoke(app, ["moderation", "cv", "--train", str(small), "--folds", "2",
                                 "--json"])  # fmt: skip
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["folds"] == 2 and report["posts"] == len(_small_set())
    assert report["curve"] and 0.0 <= report["at_1pct"]["macro_f1"] <= 1.0
    table = runner.invoke(app, ["moderation", "cv", "--train", str(small), "--folds", "2"])
    assert table.exit_code == 0 and "at ≤ 1% false alarms" in table.stdout


def test_cv_command_refuses_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a#0", "text": "x"}\n', encoding="utf-8")
    result = runner.invoke(app, ["moderation", "cv", "--train", str(bad)])
    assert result.exit_code == 1
    one = tmp_path / "one.jsonl"
    one.write_text('{"id": "a#0", "text": "x", "label": "none"}\n', encoding="utf-8")
    result = runner.invoke(app, ["moderation", "cv", "--train", str(one)])
    assert result.exit_code == 1 and "families" in result.output


def test_train_refuses_too_few_families(tmp_path: Path) -> None:
    rows = [Example(f"fam{i}#0", f"post {i}", NONE if i % 2 else "drugs") for i in range(4)]
    small = tmp_path / "train.jsonl"
    small.write_text("".join(e.to_json() + "\n" for e in rows), encoding="utf-8")
    result = runner.invoke(app, ["moderation", "train", "--train", str(small),
                                 "--out", str(tmp_path / "m.joblib")])  # fmt: skip
    assert result.exit_code == 1 and not (tmp_path / "m.joblib").exists()
    assert "two categories" in result.output or "families" in result.output


def test_pooled_margin_also_holds_false_alarms_on_dev_alone_under_its_ceiling() -> None:
    """The margin keeps false alarms under the target over the pooled innocent posts AND
    under the dev split's own, lower ceiling: the tighter of the two rules sets it."""
    rows = _small_set()
    oof, model = train_and_cross_validate(rows, folds=3)
    assert model is not None
    dev = rows[::2]
    loose, _ = pooled_margin(model, dev, oof, target_fpr=1.0, dev_target_fpr=1.0)
    strict, figures = pooled_margin(model, dev, oof, target_fpr=1.0, dev_target_fpr=0.0)
    assert loose == MARGINS[0]
    assert strict >= loose and figures["dev"]["none_fpr"] == 0.0
    assert "over dev's" in figures["rule"]
