"""Build `train_resample.jsonl`: more rows from the templates of `train.jsonl`'s families.

Run `python -m parley.moderation.data.more.build_resample` (deterministic). `train.jsonl`
has 14–18 rows per shared offer frame (a frame that each row fills with a random category's
products, or with a lawful item for `none`), and 8–28 per other family. Filling the same
templates again, MIXED_ROWS more times per shared frame and once more per other family,
shows the model each frame with many more products, contacts and prices: the label follows
the product, not the frame. Cross-validated by family (`parley moderation cv`), the rows
raised macro-F1 on families the model never saw; the figures are in docs/moderation.md.

Only families with rows in `train.jsonl` are used, never a held-out or dev family. Row ids
keep their family (`family#rN`), so cross-validation holds them out with it, and rows that
repeat or nearly repeat a held-out or dev row are dropped."""

from __future__ import annotations

import argparse
import dataclasses
import random
from pathlib import Path

from parley.moderation.data import build_dataset as base
from parley.moderation.data.more import build_extra as extra
from parley.moderation.dataset import Example, data_path, read_examples

SEED = 20261207
MIXED_ROWS = 36  # more rows per shared offer frame
OTHER_SHARE = 1.0  # more rows per other family, as a share of its count in train.jsonl


def training_families() -> list[base.Family]:
    ids = {e.family for e in read_examples(data_path("train.jsonl"))}
    return [f for f in base.families() if f.id in ids and not f.fixed]


def build(seed: int = SEED) -> list[Example]:
    rng = random.Random(seed)
    rows: list[Example] = []
    for family in training_families():
        count = MIXED_ROWS if family.mixed else round(family.count * OTHER_SHARE)
        for n, row in enumerate(base.generate(dataclasses.replace(family, count=count), rng)):
            rows.append(Example(f"{family.id}#r{n}", row.text, row.label, row.lang))
    return drop_known(rows)


def drop_known(rows: list[Example]) -> list[Example]:
    """Rows new to every shipped split and file, less near-repeats of held-out or dev rows."""
    return extra.drop_unseen_repeats(rows, also=("train.jsonl", "train_extra.jsonl"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent.parent)
    args = parser.parse_args()
    base.write_splits(args.out, {"train_resample": build(args.seed)})


if __name__ == "__main__":
    main()
