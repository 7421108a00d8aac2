"""Build `dev2.jsonl` and `heldout2.jsonl`: posts written from scratch, to tune and to judge.

Run `python -m parley.moderation.data.more.build_fresh AUTHORED.jsonl...` (deterministic).
By text-v5 the first held-out split (`heldout.jsonl`) had been scored once for each of four
shipped models, and each look shaped the next recipe; it no longer measured posts the
model's makers had never seen. These posts were written for evaluation only, by authors who
saw none of the shipped data, templates or code: 2,100 posts in seven languages, each its
own family (`<label>.<lang>.z<author><n>#0`), 45% innocent and two thirds of those hard
negatives (news, harm reduction, pharmacy, security research, debate, scam warnings,
fiction and games, lawful look-alike commerce).

A post goes to dev2 (two fifths) or heldout2 (three fifths) by a hash of its id, so the
split is fixed before any model scores a post. dev2 tunes the flagging margin and chooses
between recipes; heldout2 is scored once per shipped model and never tunes anything.
Posts that repeat or nearly repeat one another or any shipped row are left out, and so are
the posts a second annotator, reading every post against the same label definitions, found
ambiguous from the text alone (`--drop`: 24 posts, such as a bare "dm me for the menu" or
cannabis delivery in a city where licensed delivery is legal; they are listed with the
annotator's reason in `fresh_ambiguous.jsonl`). No label was changed, and
all of this was done before any model scored a post."""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from pathlib import Path

from parley.moderation.data import build_dataset as base
from parley.moderation.dataset import (
    LABELS,
    TEMPLATE_FILES,
    DatasetError,
    Example,
    data_path,
    near_duplicate_pairs,
    read_examples,
)
from parley.moderation.normalize import normalize

LANGS = ("en", "ru", "ar", "es", "pt", "fr", "de")
DEV_FIFTHS = 2  # of every five posts (by id hash), this many go to dev2
# Every shipped file these posts must not repeat.
SHIPPED = TEMPLATE_FILES
_ID = re.compile(r"^(?P<label>[a-z_]+)\.(?P<lang>[a-z]{2})\.(?P<author>[a-z]{2})\d{3}#0$")


def split_of(example: Example) -> str:
    """`dev2` or `heldout2`, from the post's id alone."""
    digest = hashlib.sha256(example.id.encode("utf-8")).digest()
    return "dev2" if int.from_bytes(digest[:4], "big") % 5 < DEV_FIFTHS else "heldout2"


def check(example: Example, *, authors: str = "z") -> None:
    """An authored post's id must name its label and language; its author's tag must start
    with one of the letters in `authors` (`z` for evaluation posts, `v` or `w` for training
    posts)."""
    match = _ID.match(example.id)
    if match is None or match["author"][0] not in authors:
        raise DatasetError(f"{example.id}: id must look like <label>.<lang>.<author><nnn>#0")
    if match["label"] != example.label or example.label not in LABELS:
        raise DatasetError(f"{example.id}: the id's label is not the post's ({example.label})")
    if match["lang"] != example.lang or example.lang not in LANGS:
        raise DatasetError(f"{example.id}: the id's language is not the post's ({example.lang})")


def shipped_rows() -> list[Example]:
    return [e for name in SHIPPED for e in read_examples(data_path(name))]


def keep_new(posts: list[Example], against: list[tuple[list[Example], float]]) -> list[Example]:
    """The posts, sorted by id, whose normalised text is new to each other and to every
    corpus in `against`, less those that nearly repeat (at the corpus's Jaccard threshold) a
    corpus row, or (at NEAR_DUPLICATE) a post with a smaller id."""
    if len({e.id for e in posts}) != len(posts):
        raise DatasetError("authored post ids must be unique")
    taken = {normalize(e.text) for corpus, _ in against for e in corpus}
    kept: list[Example] = []
    for example in sorted(posts, key=lambda e: e.id):
        key = normalize(example.text)
        if key not in taken:
            taken.add(key)
            kept.append(example)
    texts = [e.text for e in kept]
    near = {i for i, j, _ in near_duplicate_pairs(texts, texts, threshold=base.NEAR_DUPLICATE)
            if i > j}  # fmt: skip
    for corpus, threshold in against:
        pairs = near_duplicate_pairs(texts, [e.text for e in corpus], threshold=threshold)
        near |= {i for i, _, _ in pairs}
    return [e for i, e in enumerate(kept) if i not in near]


def build(authored: list[Example]) -> tuple[list[Example], list[Example]]:
    """The posts new to each other and to every shipped file, split into (dev2, heldout2),
    each sorted by id."""
    for example in authored:
        check(example)
    kept = keep_new(authored, [(shipped_rows(), base.NEAR_DUPLICATE)])
    return (
        [e for e in kept if split_of(e) == "dev2"],
        [e for e in kept if split_of(e) == "heldout2"],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("authored", type=Path, nargs="+", help="JSONL files of authored posts")
    parser.add_argument("--drop", type=Path, action="append", default=[],
                        help="JSONL files whose lines' ids name posts to leave out")  # fmt: skip
    parser.add_argument("--out", type=Path, default=Path(__file__).parent.parent)
    args = parser.parse_args()
    dropped = {
        json.loads(line)["id"]
        for path in args.drop
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    authored = [e for path in args.authored for e in read_examples(path) if e.id not in dropped]
    dev, heldout = build(authored)
    base.write_splits(args.out, {"dev2": dev, "heldout2": heldout})


if __name__ == "__main__":
    main()
