"""Build train.jsonl and heldout.jsonl from the template families and standalone posts.

Run `python -m parley.moderation.data.build_dataset` (deterministic for a given --seed).
Each family fills its templates from the phrasebook, disguises product words the way
sellers do (leetspeak, spacing, look-alike letters, emoji) and adds everyday noise to every
label alike, so that a trick is never by itself a sign of an illegal post. Whole families
go to one split; held-out rows that are near-copies of training rows are dropped."""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parley.moderation.data import generic, goods_en, goods_intl, negatives_en, negatives_intl
from parley.moderation.data.phrasebook import BY_LANG, COMMON, EN, PRODUCT_SLOTS
from parley.moderation.data.standalone import NEGATIVE, POSITIVE
from parley.moderation.dataset import (
    CATEGORIES,
    NONE,
    Example,
    near_duplicate_pairs,
    write_examples,
)
from parley.moderation.normalize import normalize

SEED = 20250101
HELDOUT_SHARE = 0.22
NEAR_DUPLICATE = 0.8
MIXED_NONE = 0.3  # share of rows in a shared frame that sell something legal
_SLOT = re.compile(r"\{([a-z_]+?)(\d?)\}")


@dataclass(frozen=True, slots=True)
class Family:
    id: str
    label: str
    lang: str
    templates: tuple[str, ...]
    count: int
    fixed: bool = False  # a hand-written post: used once, as written
    mixed: bool = False  # a frame shared by all categories: each row draws its category


def families() -> list[Family]:
    """Every family, in a stable order."""
    out: list[Family] = []
    for label, fams in goods_en.ALL.items():
        for name, templates in fams.items():
            out.append(Family(f"{label}.en.{name}", label, "en", tuple(templates), 13))
    for lang, by_label in goods_intl.ALL.items():
        for label, fams in by_label.items():
            for name, templates in fams.items():
                out.append(Family(f"{label}.{lang}.{name}", label, lang, tuple(templates), 8))
    for name, templates in negatives_en.HARD.items():
        out.append(Family(f"none.en.hard.{name}", NONE, "en", tuple(templates), 28))
    for name, templates in negatives_en.ORDINARY.items():
        out.append(Family(f"none.en.{name}", NONE, "en", tuple(templates), 20))
    for lang, fams in negatives_intl.ALL.items():
        for name, templates in fams.items():
            out.append(Family(f"none.{lang}.{name}", NONE, lang, tuple(templates), 12))
    for lang, frames in generic.OFFER.items():
        for i, template in enumerate(frames):
            count = 18 if lang == "en" else 14
            out.append(
                Family(f"any.{lang}.offer{i:02d}", "any", lang, (template,), count, mixed=True)
            )
    for lang, frames in generic.INNOCENT.items():
        for i, template in enumerate(frames):
            count = 14 if lang == "en" else 8
            out.append(Family(f"none.{lang}.innocent{i:02d}", NONE, lang, (template,), count))
    for lang, frames in generic.MARKET.items():
        for i, template in enumerate(frames):
            count = 16 if lang == "en" else 12
            out.append(Family(f"none.{lang}.market{i:02d}", NONE, lang, (template,), count))
    for label, posts in POSITIVE.items():
        for i, (lang, text) in enumerate(posts):
            out.append(Family(f"{label}.{lang}.solo{i:03d}", label, lang, (text,), 1, True))
    for i, (lang, text) in enumerate(NEGATIVE):
        out.append(Family(f"none.{lang}.solo{i:03d}", NONE, lang, (text,), 1, True))
    return out


# --- disguises a seller uses on a product word ------------------------------------------------

_LEET = {"o": "0", "i": "1", "e": "3", "a": "4", "s": "5", "t": "7", "l": "1"}
_LEET_ALT = {"a": "@", "s": "$", "i": "!", "o": "0"}
_CYRILLIC_LOOKALIKE = {"a": "а", "e": "е", "o": "о", "c": "с", "p": "р", "x": "х", "y": "у"}
_EMOJI_FOR = {
    "coke": "❄️", "cocaine": "❄️", "snow": "❄️", "weed": "🍁", "kush": "🌿", "bud": "🌿",
    "pills": "💊", "xanax": "💊", "molly": "💊", "shrooms": "🍄", "crystal": "💎", "ice": "🧊",
    "glock": "🔫", "handgun": "🔫", "grenade": "💣", "passport": "🛂", "id card": "🪪",
    "cvv": "💳", "diploma": "🎓", "ransomware": "🦠",
}  # fmt: skip


def _leet(word: str, rng: random.Random) -> str:
    table = _LEET if rng.random() < 0.7 else _LEET_ALT
    out = [table[ch] if ch in table and rng.random() < 0.6 else ch for ch in word]
    return "".join(out)


def _spaced(word: str, rng: random.Random) -> str:
    sep = rng.choice([" ", " ", ".", "-", "*", "_", " . "])
    return sep.join(word) if len(word) <= 12 else word


def _split(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    cut = rng.randrange(1, len(word) - 1)
    return word[:cut] + rng.choice([".", "*", "-", "_", "'", "\u200b", "·"]) + word[cut:]


def _stretch(word: str, rng: random.Random) -> str:
    vowels = [i for i, ch in enumerate(word) if ch in "aeiouаеиоу"]
    if not vowels:
        return word
    i = rng.choice(vowels)
    return word[:i] + word[i] * rng.randint(3, 6) + word[i + 1 :]


def _lookalike(word: str, rng: random.Random) -> str:
    return "".join(
        _CYRILLIC_LOOKALIKE[ch] if ch in _CYRILLIC_LOOKALIKE and rng.random() < 0.5 else ch
        for ch in word
    )


def _fancy(word: str, rng: random.Random) -> str:
    base = rng.choice([0x1D41A, 0x1D5EE, 0xFF41])  # bold, sans bold, fullwidth a
    return "".join(chr(base + ord(ch) - 97) if "a" <= ch <= "z" else ch for ch in word)


def _emoji(word: str, rng: random.Random) -> str:
    symbol = _EMOJI_FOR.get(word.lower())
    if symbol is None:
        return word
    return symbol if rng.random() < 0.5 else f"{word} {symbol}"


_DISGUISES: list[Callable[[str, random.Random], str]] = [
    _leet, _leet, _spaced, _split, _stretch, _lookalike, _fancy, _emoji,
]  # fmt: skip


def disguise(value: str, rng: random.Random) -> str:
    """Disguise one word of a product phrase (or the whole phrase when it is one word)."""
    words = value.split(" ")
    i = max(range(len(words)), key=lambda k: (len(words[k]), -k))
    trick = rng.choice(_DISGUISES)
    word = words[i].lower() if trick in (_fancy, _lookalike) else words[i]
    words[i] = trick(word, rng)
    return " ".join(words)


# --- filling templates ---------------------------------------------------------------------


def _choices(slot: str, lang: str) -> list[str]:
    for table in (BY_LANG.get(lang, EN), COMMON, EN):
        if slot in table:
            return table[slot]
    raise KeyError(f"no phrasebook entry for slot {slot!r}")


def fill(template: str, lang: str, rng: random.Random, *, disguise_p: float, category: str) -> str:
    """Fill every slot; {goods} and {cond} take the products and conditions of `category`."""
    used: dict[str, str] = {}

    def value(match: re.Match[str]) -> str:
        key = match.group(0)
        if key not in used:
            slot = match.group(1)
            if category == NONE:
                slot = generic.INNOCENT_SLOT.get(slot, slot)
            elif slot == "goods":
                slot = generic.GOODS_SLOT[category]
            elif slot == "cond":
                slot = generic.COND_SLOT[category] if lang == "en" else "cond"
            if slot in ("cond", "cond_ok"):
                options = (generic.COND if slot == "cond" else generic.COND_OK)[lang]
            else:
                options = _choices(slot, lang)
            taken = {v for k, v in used.items() if k.startswith("{" + slot)}
            fresh = [o for o in options if o not in taken] or options
            chosen = rng.choice(fresh)
            if "{" in chosen:
                chosen = _SLOT.sub(value, chosen)
            if slot in PRODUCT_SLOTS and rng.random() < disguise_p:
                chosen = disguise(chosen, rng)
            used[key] = chosen
        return used[key]

    return _SLOT.sub(value, template)


def add_noise(text: str, rng: random.Random) -> str:
    """Everyday variation applied to every label alike."""
    roll = rng.random()
    if roll < 0.08:
        text = text.upper()
    elif roll < 0.25:
        text = text.lower().replace(".", "").replace(",", "")
    if rng.random() < 0.15:
        text = f"{text} {rng.choice(COMMON['emoji_hot'] + COMMON['emoji_neutral'])}"
    if rng.random() < 0.08:
        text = _stretch_random_word(text, rng)
    return " ".join(text.split(" ")).strip()


def _stretch_random_word(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    i = rng.randrange(len(words))
    words[i] = _stretch(words[i], rng)
    return " ".join(words)


def generate(family: Family, rng: random.Random) -> Iterator[Example]:
    if family.fixed:
        yield Example(f"{family.id}#0", family.templates[0], family.label, family.lang)
        return
    for n in range(family.count):
        template = family.templates[n % len(family.templates)]
        category = rng.choice(CATEGORIES)
        if family.mixed and rng.random() < MIXED_NONE:
            category = NONE
        label = category if family.mixed else family.label
        disguise_p = 0.04 if label == NONE else 0.3
        text = fill(template, family.lang, rng, disguise_p=disguise_p, category=category)
        yield Example(f"{family.id}#{n}", add_noise(text, rng), label, family.lang)


# --- splitting ---------------------------------------------------------------------------


def assign_heldout(fams: list[Family], rng: random.Random) -> set[str]:
    """Family ids for the held-out split: about HELDOUT_SHARE of each label and language."""
    return pick_families(fams, lambda f: (f.label, f.lang, f.fixed), HELDOUT_SHARE, 3, rng)


def pick_families(fams: list[Family], group: Callable[[Family], tuple[Any, ...]], share: float,
                  least: int, rng: random.Random) -> set[str]:  # fmt: skip
    """About `share` of the families of each group, chosen at random (at least one from a
    group of `least` or more), by id."""
    groups: dict[tuple[Any, ...], list[Family]] = defaultdict(list)
    for family in fams:
        groups[group(family)].append(family)
    chosen: set[str] = set()
    for key in sorted(groups):
        members = sorted(groups[key], key=lambda f: f.id)
        rng.shuffle(members)
        k = round(len(members) * share)
        if k == 0 and len(members) >= least:
            k = 1
        chosen.update(f.id for f in members[:k])
    return chosen


def build(seed: int = SEED) -> tuple[list[Example], list[Example]]:
    rng = random.Random(seed)
    fams = families()
    heldout_ids = assign_heldout(fams, random.Random(seed + 1))
    train: list[Example] = []
    heldout: list[Example] = []
    seen: set[str] = set()
    for family in fams:
        for example in generate(family, rng):
            key = normalize(example.text)
            if key in seen:
                continue
            seen.add(key)
            (heldout if family.id in heldout_ids else train).append(example)
    pairs = near_duplicate_pairs(
        [e.text for e in heldout], [e.text for e in train], threshold=NEAR_DUPLICATE
    )
    leaked = {i for i, _, _ in pairs}
    heldout = [e for i, e in enumerate(heldout) if i not in leaked]
    return train, heldout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent)
    args = parser.parse_args()
    train, heldout = build(args.seed)
    write_splits(args.out, {"train": train, "heldout": heldout})


def write_splits(out: Path, splits: dict[str, list[Example]]) -> None:
    """Write each split to `<name>.jsonl` under `out` and print its size per label."""
    for name, rows in splits.items():
        write_examples(rows, out / f"{name}.jsonl")
        counts = Counter(e.label for e in rows)
        print(name, len(rows), dict(sorted(counts.items())))


if __name__ == "__main__":
    main()
