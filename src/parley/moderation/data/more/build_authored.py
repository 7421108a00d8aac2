"""Build `train_fresh.jsonl`, the shipped model's training posts: written freely, one family each.

Run `python -m parley.moderation.data.more.build_authored AUTHORED.jsonl...` (deterministic).
Scored on dev2 (posts written from scratch, `build_fresh`), text-v5 found about half of the
illegal posts: everything it had learnt came from slot-filled templates, and posts written
freely use words and turns those templates never had. These posts were written the way dev2
and heldout2 were, to the same label definitions, by other authors who saw neither those
files nor any shipped data: half innocent, most of those hard negatives, in seven languages,
in rounds that each stressed something (a category, a language, short titles, buyer asks,
vouches, listings, offers that never name the product). Ids are
`<label>.<lang>.<author><n>#0`, the author's tag starting with v or w.

A post that repeats or nearly repeats a shipped row is left out, and so is one that comes
anywhere near a dev2 or heldout2 post (Jaccard EVAL_NEAR over character 4-grams, stricter
than the NEAR_DUPLICATE used between training files), so that no evaluation post is
learnt by heart."""

from __future__ import annotations

import argparse
from pathlib import Path

from parley.moderation.data import build_dataset as base
from parley.moderation.data.more import build_fresh as fresh
from parley.moderation.dataset import Example, data_path, read_examples

EVAL_NEAR = 0.5


def build(authored: list[Example]) -> list[Example]:
    for example in authored:
        fresh.check(example, authors="vw")
    unseen = read_examples(data_path("dev2.jsonl")) + read_examples(data_path("heldout2.jsonl"))
    return fresh.keep_new(
        authored, [(fresh.shipped_rows(), base.NEAR_DUPLICATE), (unseen, EVAL_NEAR)]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("authored", type=Path, nargs="+", help="JSONL files of authored posts")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent.parent)
    args = parser.parse_args()
    rows = build([e for path in args.authored for e in read_examples(path)])
    base.write_splits(args.out, {"train_fresh": rows})


if __name__ == "__main__":
    main()
