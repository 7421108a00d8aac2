"""Build `train_extra.jsonl` and `dev.jsonl` from the families in this package.

Run `python -m parley.moderation.data.more.build_extra` (deterministic). It never touches
`train.jsonl` or `heldout.jsonl`: the extra families are new, about a quarter of them (by
label and language) go to the dev split used to tune the model, the rest add to training.
Rows that repeat or nearly repeat a row of the shipped splits are dropped, and dev rows that
nearly repeat an extra training row too, so dev measures phrasings the model never saw."""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from parley.moderation.data import build_dataset as base
from parley.moderation.data import phrasebook
from parley.moderation.data.more import (
    goods,
    goods2,
    goods3,
    goods4,
    goods5,
    goods6,
    negatives,
    negatives2,
    negatives3,
    negatives4,
    negatives5,
    negatives6,
    phrases,
    phrases2,
)
from parley.moderation.dataset import (
    NONE,
    Example,
    data_path,
    near_duplicate_pairs,
    read_examples,
)
from parley.moderation.normalize import normalize

SEED = 20260101
DEV_SHARE = 0.25
_SLOT = re.compile(r"\{([a-z_]+?)(\d?)\}")
_PRODUCT = phrases.PRODUCT_SLOTS | phrasebook.PRODUCT_SLOTS | {"dcode", "wslang"}


Count = Callable[[int], int]  # rows for a family of n templates


def _families(
    goods_modules: tuple[ModuleType, ...],
    negative_modules: tuple[ModuleType, ...],
    *,
    goods_en: Count,
    goods_intl: Count,
    none_en: Count,
    none_intl: Count,
) -> list[base.Family]:
    out: list[base.Family] = []

    def add(label: str, lang: str, name: str, templates: list[str], count: Count) -> None:
        family_id = f"{label}.{lang}.x_{name}"
        out.append(base.Family(family_id, label, lang, tuple(templates), count(len(templates))))

    for module in goods_modules:
        for label, fams in module.EN.items():
            for name, templates in fams.items():
                add(label, "en", name, templates, goods_en)
        for lang, by_label in module.INTL.items():
            for label, fams in by_label.items():
                for name, templates in fams.items():
                    add(label, lang, name, templates, goods_intl)
    for neg in negative_modules:
        for name, templates in neg.EN.items():
            add(NONE, "en", name, templates, none_en)
        for lang, fams in neg.INTL.items():
            for name, templates in fams.items():
                add(NONE, lang, name, templates, none_intl)
    return out


def families() -> list[base.Family]:
    return _families(
        (goods, goods2, goods3),
        (negatives, negatives2, negatives3),
        goods_en=lambda n: 14,
        goods_intl=lambda n: 8,
        none_en=lambda n: max(16, 4 * n),
        none_intl=lambda n: max(8, 3 * n),
    )


def families4() -> list[base.Family]:
    """The families of goods4-6 and negatives4-6. They come after the
    others and are split on their own, so adding them changed neither the rows nor the dev
    split of the earlier families. Slot-free short posts are common there, so a family
    yields at least one row per template."""
    return _families(
        (goods4, goods5, goods6),
        (negatives4, negatives5, negatives6),
        goods_en=lambda n: max(14, n + 4),
        goods_intl=lambda n: max(8, n + 2),
        none_en=lambda n: max(16, 3 * n),
        none_intl=lambda n: 2 * n,
    )


def _choices(slot: str, lang: str) -> list[str]:
    for table in (
        phrases2.BY_LANG.get(lang, phrases2.EN),
        phrases.BY_LANG.get(lang, phrases.EN),
        phrases.EN,
        phrasebook.BY_LANG.get(lang, phrasebook.EN),
        phrasebook.COMMON,
        phrasebook.EN,
    ):
        if slot in table:
            return table[slot]
    raise KeyError(f"no phrase list for slot {slot!r}")


def fill(template: str, lang: str, rng: random.Random, *, disguise_p: float) -> str:
    used: dict[str, str] = {}

    def value(match: re.Match[str]) -> str:
        key = match.group(0)
        if key not in used:
            slot = match.group(1)
            options = _choices(slot, lang)
            taken = {v for k, v in used.items() if k.startswith("{" + slot)}
            fresh = [o for o in options if o not in taken] or options
            chosen = rng.choice(fresh)
            if "{" in chosen:
                chosen = _SLOT.sub(value, chosen)
            if slot in _PRODUCT and rng.random() < disguise_p:
                chosen = base.disguise(chosen, rng)
            used[key] = chosen
        return used[key]

    return _SLOT.sub(value, template)


def generate(family: base.Family, rng: random.Random) -> list[Example]:
    rows = []
    for n in range(family.count):
        template = family.templates[n % len(family.templates)]
        disguise_p = 0.04 if family.label == NONE else 0.35
        text = fill(template, family.lang, rng, disguise_p=disguise_p)
        rows.append(
            Example(f"{family.id}#{n}", base.add_noise(text, rng), family.label, family.lang)
        )
    return rows


def assign_dev(fams: list[base.Family], rng: random.Random) -> set[str]:
    return base.pick_families(fams, lambda f: (f.label, f.lang), DEV_SHARE, 2, rng)


def build(seed: int = SEED) -> tuple[list[Example], list[Example]]:
    rng = random.Random(seed)
    fams = families()
    dev_ids = assign_dev(fams, random.Random(seed + 1))
    # The later families are picked by label alone: most of them are one per language.
    later = families4()
    later_rng = random.Random(seed + 2)
    dev_ids |= base.pick_families(later, lambda f: (f.label,), DEV_SHARE, 2, later_rng)
    fams += later
    shipped = read_examples(data_path("train.jsonl")) + read_examples(data_path("heldout.jsonl"))
    seen = {normalize(e.text) for e in shipped}
    extra: list[Example] = []
    dev: list[Example] = []
    for family in fams:
        for example in generate(family, rng):
            key = normalize(example.text)
            if key in seen:
                continue
            seen.add(key)
            (dev if family.id in dev_ids else extra).append(example)
    shipped_texts = [e.text for e in shipped]
    extra = _drop_near(extra, shipped_texts)
    dev = _drop_near(dev, shipped_texts + [e.text for e in extra])
    return extra, dev


def drop_unseen_repeats(rows: list[Example], *, also: tuple[str, ...] = ()) -> list[Example]:
    """For the derived training files: the rows whose normalised text is new to the held-out
    and dev splits (and to the shipped files named in `also`) and to each other, less those
    that nearly repeat a held-out or dev row."""
    unseen = read_examples(data_path("heldout.jsonl")) + read_examples(data_path("dev.jsonl"))
    taken = {normalize(e.text) for e in unseen}
    taken |= {normalize(e.text) for name in also for e in read_examples(data_path(name))}
    kept: list[Example] = []
    for row in rows:
        key = normalize(row.text)
        if key not in taken:
            taken.add(key)
            kept.append(row)
    return _drop_near(kept, [e.text for e in unseen])


def _drop_near(rows: list[Example], corpus: list[str]) -> list[Example]:
    pairs = near_duplicate_pairs([e.text for e in rows], corpus, threshold=base.NEAR_DUPLICATE)
    near = {i for i, _, _ in pairs}
    return [e for i, e in enumerate(rows) if i not in near]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent.parent)
    args = parser.parse_args()
    extra, dev = build(args.seed)
    base.write_splits(args.out, {"train_extra": extra, "dev": dev})


if __name__ == "__main__":
    main()
