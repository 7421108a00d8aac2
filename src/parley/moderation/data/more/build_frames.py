"""Build `train_frames.jsonl` from the frames of `frames_en.py` and `frames_intl.py`.

Run `python -m parley.moderation.data.more.build_frames` (deterministic). An offer frame
(a sale, a restock, a buyer's ask, a vouch) is filled like the shared frames of
`build_dataset`: each row draws a category and takes its products, or, for about 30% of the
rows (`build_dataset.MIXED_NONE`), a lawful item, contact and payment and is labelled
`none`; the label follows the product, never the frame. An innocent frame names an illegal
product without offering or seeking it (news, warnings, reports, questions) and is always
`none`, and so is a lawful frame: a pharmacy, a passport office, a hunting shop with licence
checks, a database course, a bank offer, an antivirus reseller, the lawful twins of each
category that share its words.
Every frame is its own family (`any.<lang>.y_offerNN`, `none.<lang>.y_innocentNN`,
`none.<lang>.y_lawfulNN`), and all of them train: the dev and held-out splits are left as
they are.

A frame that nearly repeats a template of the older builders (train, held-out or dev alike,
compared with its slots blanked) is left out, so that the new families are new phrasings,
and rows that repeat or nearly repeat a held-out or dev row are dropped."""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Iterator
from pathlib import Path

from parley.moderation.data import build_dataset as base
from parley.moderation.data.more import build_extra as extra
from parley.moderation.data.more import frames_en, frames_intl
from parley.moderation.data.more.build_resample import drop_known
from parley.moderation.dataset import NONE, Example, near_duplicate_pairs

SEED = 20261208
OFFER_ROWS = {"en": 24}  # rows per offer frame; other languages: DEFAULT_OFFER_ROWS
DEFAULT_OFFER_ROWS = 18
INNOCENT_ROWS = {"en": 14}
DEFAULT_INNOCENT_ROWS = 10
LAWFUL_ROWS = 6
TEMPLATE_NEAR = 0.5  # Jaccard of character 4-grams, slots blanked, that makes a frame old
_SLOT = re.compile(r"\{[a-z_]+\d?\}")


def frames() -> Iterator[tuple[str, str, str]]:
    """(kind, lang, template) for every authored frame, English first."""
    kinds = {
        "offer": {"en": frames_en.OFFER, **frames_intl.OFFER},
        "innocent": {"en": frames_en.INNOCENT, **frames_intl.INNOCENT},
        "lawful": {"en": frames_en.LAWFUL, **frames_intl.LAWFUL},
    }
    for kind, by_lang in kinds.items():
        for lang, templates in by_lang.items():
            yield from ((kind, lang, t) for t in templates)


def blank(template: str) -> str:
    """The template with every slot replaced by X, for comparing phrasings."""
    return _SLOT.sub("X", template)


def older_templates() -> list[str]:
    every = base.families() + extra.families() + extra.families4()
    return [t for f in every if not f.fixed for t in f.templates]


def families() -> list[base.Family]:
    """One family per frame that is not a near-copy of an older template."""
    found = list(frames())
    new = [blank(t) for _, _, t in found]
    older = [blank(t) for t in older_templates()]
    old = {i for i, _, _ in near_duplicate_pairs(new, older, threshold=TEMPLATE_NEAR)}
    out: list[base.Family] = []
    numbers: dict[tuple[str, str], int] = {}
    for i, (kind, lang, template) in enumerate(found):
        n = numbers[kind, lang] = numbers.get((kind, lang), -1) + 1
        if i in old:
            continue
        if kind == "offer":
            count = OFFER_ROWS.get(lang, DEFAULT_OFFER_ROWS)
            family_id, label, mixed = f"any.{lang}.y_offer{n:02d}", "any", True
        elif kind == "innocent":
            count = INNOCENT_ROWS.get(lang, DEFAULT_INNOCENT_ROWS)
            family_id, label, mixed = f"none.{lang}.y_innocent{n:02d}", NONE, False
        else:
            count, family_id, label, mixed = (
                LAWFUL_ROWS,
                f"none.{lang}.y_lawful{n:02d}",
                NONE,
                False,
            )
        out.append(base.Family(family_id, label, lang, (template,), count, mixed=mixed))
    return out


def build(seed: int = SEED) -> list[Example]:
    rng = random.Random(seed)
    rows = [row for family in families() for row in base.generate(family, rng)]
    return drop_known(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent.parent)
    args = parser.parse_args()
    base.write_splits(args.out, {"train_frames": build(args.seed)})


if __name__ == "__main__":
    main()
