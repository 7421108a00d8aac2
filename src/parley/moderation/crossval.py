"""Cross-validation by template family: how the text model does on phrasings it never saw.

The dev split holds about a thousand posts, and its ≤ 1% false-alarm budget on `none` is three
posts, so one family decides the flagging margin. Grouped k-fold cross-validation over the
training files gives an estimate of the same kind from every training post: each fold's model
is fitted without the fold's families (a family is a post id's part before `#`) and scores
them, so every post is scored by a model that never saw a post of its family. The result is
out-of-fold probabilities, and from them the trade-off between macro-F1 and false alarms over
the flagging margins. Use it to compare model recipes before spending a look at the held-out
split; it never reads that split."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from parley.moderation.classifier import DEFAULT_SEED as MODEL_SEED
from parley.moderation.classifier import MARGINS, TARGET_FPR, TextClassifier, decide
from parley.moderation.dataset import LABELS, NONE, Example
from parley.moderation.metrics import Evaluation, evaluate

DEFAULT_FOLDS = 5
DEFAULT_SEED = 0
# The flagging margin's ceiling on false alarms over the dev split's innocent posts alone
# (at most 2 of dev2's 371), below TARGET_FPR: see pooled_margin.
DEV_TARGET_FPR = 0.006


def assign_folds(examples: Sequence[Example], folds: int, *, seed: int = DEFAULT_SEED
                 ) -> list[int]:  # fmt: skip
    """A fold per example; all examples of a family share one. Families are shuffled
    (deterministic for a seed) and dealt round the folds label by label, so each fold gets
    its share of every label's families."""
    if folds < 2:
        raise ValueError("cross-validation needs at least two folds")
    label_of: dict[str, str] = {}
    for e in examples:
        label_of.setdefault(e.family, e.label)
    if len(label_of) < folds:
        raise ValueError(f"{len(label_of)} families cannot fill {folds} folds")
    rng = random.Random(seed)
    fold_of: dict[str, int] = {}
    dealt = 0
    for label in sorted(set(label_of.values())):
        families = sorted(f for f, lab in label_of.items() if lab == label)
        rng.shuffle(families)
        for family in families:
            fold_of[family] = dealt % folds
            dealt += 1
    return [fold_of[e.family] for e in examples]


@dataclass(frozen=True, slots=True)
class OutOfFold:
    """Each example's probabilities from the model that did not train on its family."""

    examples: tuple[Example, ...]
    labels: tuple[str, ...]
    probabilities: npt.NDArray[np.float32]  # rows: examples, columns: labels

    def at_margin(self, margin: float) -> Evaluation:
        none = self.labels.index(NONE)
        categories = np.array([i for i in range(len(self.labels)) if i != none])
        predicted = [
            self.labels[decide(row, none, categories, margin, 0.0)] for row in self.probabilities
        ]
        return evaluate([e.label for e in self.examples], predicted)

    def curve(self, margins: Sequence[float] = MARGINS) -> list[tuple[float, Evaluation]]:
        return [(m, self.at_margin(m)) for m in margins]

    def best_within(self, target_fpr: float = TARGET_FPR,
                    margins: Sequence[float] = MARGINS) -> tuple[float, Evaluation]:  # fmt: skip
        """The smallest margin whose false-positive rate on `none` is at most target_fpr (the
        largest margin when none is): the rule training uses on the dev split."""
        for margin in margins:
            result = self.at_margin(margin)
            if result.none_fpr <= target_fpr:
                return margin, result
        return margins[-1], self.at_margin(margins[-1])


Fit = Callable[[list[Example]], TextClassifier]


def out_of_fold(
    examples: Sequence[Example],
    *,
    also_train: Sequence[Example] = (),
    folds: int = DEFAULT_FOLDS,
    seed: int = DEFAULT_SEED,
    fit: Fit | None = None,
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
) -> OutOfFold:
    """Fit one model per fold (TextClassifier.train unless `fit` is given) and collect the
    held-back families' probabilities. Rows of `also_train` (derived rows, such as the slot
    swaps) train every fold that does not hold out their family and are never scored.
    With `jobs` > 1 the folds are fitted in that many processes (TextClassifier.train only).
    `progress` is called with each finished fold."""
    oof, _ = train_and_cross_validate(
        examples, also_train=also_train, folds=folds, seed=seed, fit=fit, jobs=jobs,
        progress=progress, full=False,
    )  # fmt: skip
    return oof


def train_and_cross_validate(
    examples: Sequence[Example],
    *,
    also_train: Sequence[Example] = (),
    folds: int = DEFAULT_FOLDS,
    seed: int = DEFAULT_SEED,
    fit: Fit | None = None,
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
    full: bool = True,
    model_seed: int = MODEL_SEED,
) -> tuple[OutOfFold, TextClassifier | None]:
    """out_of_fold, and with `full` also the model fitted on every row (examples and
    also_train; TextClassifier.train with `model_seed` unless `fit` is given), in a process
    of its own beside the folds when `jobs` > 1. `progress` is called with each finished
    fit: a fold with its number, the full model with -1."""
    rows = list(examples)
    fold = np.array(assign_folds(rows, folds, seed=seed))
    fold_of = {e.family: int(f) for e, f in zip(rows, fold, strict=True)}
    tasks: list[tuple[int, list[Example], list[str]]] = []
    if full:
        tasks.append((-1, rows + list(also_train), []))
    for k in range(folds):
        part = [e for e, f in zip(rows, fold, strict=True) if f != k]
        part += [e for e in also_train if fold_of.get(e.family) != k]
        tasks.append((k, part, [rows[i].text for i in np.flatnonzero(fold == k)]))
    probabilities = np.zeros((len(rows), len(LABELS)), dtype=np.float32)
    model: TextClassifier | None = None

    def collect(k: int, result: _Fitted) -> None:
        nonlocal model
        if isinstance(result, TextClassifier):
            model = result
        else:
            labels, scores = result
            columns = np.array([LABELS.index(label) for label in labels])
            probabilities[np.ix_(np.flatnonzero(fold == k), columns)] = scores
        if progress is not None:
            progress(k)

    if jobs > 1 and fit is None:
        from concurrent.futures import ProcessPoolExecutor, as_completed
        from multiprocessing import get_context

        with ProcessPoolExecutor(min(jobs, len(tasks)), mp_context=get_context("spawn")) as pool:
            pending = {pool.submit(_fit, k, part, held, model_seed): k for k, part, held in tasks}
            for done in as_completed(pending):
                collect(pending[done], done.result())
    else:
        for k, part, held in tasks:
            if fit is None:
                collect(k, _fit(k, part, held, model_seed))
            elif k == -1:
                collect(k, fit(part))
            else:
                fitted = fit(part)
                collect(k, (fitted.labels, fitted.predict_proba(held)))
    return OutOfFold(tuple(rows), tuple(LABELS), probabilities), model


_Fitted = TextClassifier | tuple[tuple[str, ...], npt.NDArray[np.float32]]


def _fit(k: int, part: list[Example], held: list[str], model_seed: int) -> _Fitted:
    """One fit (in a worker process when jobs > 1): the full model for k = -1, else a fold's
    model's probabilities for its held-out texts."""
    if k == -1:
        return TextClassifier.train(part, seed=model_seed)
    model = TextClassifier.train(part)
    return model.labels, model.predict_proba(held)


def pooled_margin(model: TextClassifier, dev: Sequence[Example], oof: OutOfFold, *,
                  target_fpr: float = TARGET_FPR, dev_target_fpr: float = DEV_TARGET_FPR,
                  ) -> tuple[float, dict[str, Any]]:  # fmt: skip
    """The smallest margin in MARGINS whose false-alarm rate is at most target_fpr over the
    innocent posts of both the dev split (scored by `model`) and the training files (scored
    out of fold), and at most dev_target_fpr over the dev split's alone. The pooled posts
    are thousands, so no single family sets the margin; the dev split's ceiling is lower
    because cross-validation has underestimated false alarms on posts written apart from
    the training data two to three times (docs/moderation.md). Returns the margin with the
    dev and cross-validated figures there."""
    none = LABELS.index(NONE)
    categories = [i for i in range(len(LABELS)) if i != none]
    dev_rows = np.zeros((len(dev), len(LABELS)), dtype=np.float32)
    present = np.array([LABELS.index(label) for label in model.labels])
    dev_rows[:, present] = model.predict_proba([e.text for e in dev])
    innocent = np.vstack([
        dev_rows[[e.label == NONE for e in dev]],
        oof.probabilities[[e.label == NONE for e in oof.examples]],
    ])  # fmt: skip
    excess = innocent[:, categories].max(axis=1) - innocent[:, none]
    dev_innocent = dev_rows[[e.label == NONE for e in dev]]
    dev_excess = dev_innocent[:, categories].max(axis=1) - dev_innocent[:, none]
    chosen = MARGINS[-1]
    for margin in MARGINS:
        on_dev_only = (dev_excess > margin).mean() if len(dev_excess) else 0.0
        if (excess > margin).mean() <= target_fpr and on_dev_only <= dev_target_fpr:
            chosen = margin
            break
    on_dev = OutOfFold(tuple(dev), tuple(LABELS), dev_rows).at_margin(chosen)
    on_cv = oof.at_margin(chosen)
    figures = {
        "rule": f"false alarms <= {target_fpr:.1%} over dev and out-of-fold innocent posts "
                f"and <= {dev_target_fpr:.1%} over dev's",
        "innocent_posts": len(innocent),
        "pooled_fpr": round(float((excess > chosen).mean()), 4),
        "dev": {"posts": len(dev), "macro_f1": round(on_dev.macro_f1, 4),
                "none_fpr": round(on_dev.none_fpr, 4)},
        "cv": {"posts": len(oof.examples), "macro_f1": round(on_cv.macro_f1, 4),
               "none_fpr": round(on_cv.none_fpr, 4)},
    }  # fmt: skip
    return chosen, figures
