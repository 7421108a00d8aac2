"""Build `train_swap.jsonl`: the training templates filled with another category's products.

Run `python -m parley.moderation.data.more.build_swap` (deterministic). A template of a
training family whose product slots all belong to one category ({drug}, {drug_form}, ...) is
filled again with the products of another category: an illegal-goods template becomes a post
of that other category, an innocent one stays `none` (news about a seizure is news whatever
was seized). The model then learns sale and buyer phrasings apart from the products they
came with, and innocent phrasings around every category's products: cross-validated by
family, macro-F1 at ≤ 1% false alarms rose from 0.81 to 0.84 (docs/moderation.md).

Only families with rows in `train.jsonl` or `train_extra.jsonl` are used, never a held-out
or dev family, and rows that repeat or nearly repeat a held-out or dev row are dropped."""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from parley.moderation.data import build_dataset as base
from parley.moderation.data import generic
from parley.moderation.data.more import build_extra as extra
from parley.moderation.dataset import CATEGORIES, NONE, Example, data_path, read_examples

SEED = 20261129
PER_GOODS_TEMPLATE = 2  # rows per illegal-goods template, each with another category
PER_INNOCENT_TEMPLATE = 12  # rows per innocent template that names products
_SLOT = re.compile(r"\{([a-z_]+?)(\d?)\}")
# slot -> (category, kind): p the product, x the second product list, c its condition
_SLOTS: dict[str, tuple[str, str]] = {"dcode": ("drugs", "p"), "wslang": ("weapons", "p")}
for _category in CATEGORIES:
    _product = generic.GOODS_SLOT[_category]
    _SLOTS[_product] = (_category, "p")
    _SLOTS[_product + "x"] = (_category, "x")
    _SLOTS[generic.COND_SLOT[_category]] = (_category, "c")


def categories_in(template: str) -> set[str]:
    return {_SLOTS[m.group(1)][0] for m in _SLOT.finditer(template) if m.group(1) in _SLOTS}


def swap(template: str, to: str) -> str:
    """The template with every product and condition slot turned into `to`'s."""

    def renamed(match: re.Match[str]) -> str:
        slot, digit = match.group(1), match.group(2)
        if slot not in _SLOTS:
            return match.group(0)
        product = generic.GOODS_SLOT[to]
        name = {"p": product, "x": product + "x", "c": generic.COND_SLOT[to]}[_SLOTS[slot][1]]
        return "{" + name + digit + "}"

    return _SLOT.sub(renamed, template)


def training_families() -> list[base.Family]:
    ids = {
        e.family
        for name in ("train.jsonl", "train_extra.jsonl")
        for e in read_examples(data_path(name))
    }
    every = base.families() + extra.families() + extra.families4()
    return [f for f in every if f.id in ids and not f.fixed and not f.mixed]


def build(seed: int = SEED) -> list[Example]:
    rng = random.Random(seed)
    rows: list[Example] = []
    for family in training_families():
        for t, template in enumerate(family.templates):
            found = categories_in(template)
            if len(found) != 1:
                continue
            others = [c for c in CATEGORIES if c not in found]
            count = PER_INNOCENT_TEMPLATE if family.label == NONE else PER_GOODS_TEMPLATE
            for n in range(count):
                to = rng.choice(others)
                label = NONE if family.label == NONE else to
                text = extra.fill(swap(template, to), family.lang, rng,
                                  disguise_p=0.04 if label == NONE else 0.3)  # fmt: skip
                # the id keeps the source family's, so cross-validation holds them out together
                example_id = f"{family.id}#swap{t}.{n}"
                rows.append(Example(example_id, base.add_noise(text, rng), label, family.lang))
    return extra.drop_unseen_repeats(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent.parent)
    args = parser.parse_args()
    base.write_splits(args.out, {"train_swap": build(args.seed)})


if __name__ == "__main__":
    main()
