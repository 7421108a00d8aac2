"""Labelled examples for the text classifier: reading, writing and checking the splits.

The shipped files (`data/*.jsonl`) hold one JSON object a line with id, text, label and lang.
An id is `<family>#<n>`: splits are made by family, so an evaluation file measures posts
written in ways the model never saw. The shipped model trains on `train_fresh.jsonl`, tunes
its flagging margin on `dev2.jsonl` and is judged on `heldout2.jsonl` (docs/moderation.md)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import IO

import numpy as np
import scipy.sparse as sp

from parley.moderation.features import char_ngrams
from parley.moderation.normalize import normalize

CATEGORIES = ("drugs", "weapons", "fake_documents", "stolen_data", "fraud", "cybercrime")
NONE = "none"
LABELS = (*CATEGORIES, NONE)


class DatasetError(ValueError):
    """A labelled file is malformed; the message names the line."""


@dataclass(frozen=True, slots=True)
class Example:
    id: str
    text: str
    label: str
    lang: str = "und"

    @property
    def family(self) -> str:
        return self.id.split("#", 1)[0]

    def to_json(self) -> str:
        record = {"id": self.id, "text": self.text, "label": self.label, "lang": self.lang}
        return json.dumps(record, ensure_ascii=False)


def data_path(name: str) -> Path:
    """A file shipped in parley/moderation/data (train_fresh.jsonl, heldout2.jsonl, ...)."""
    return Path(str(resources.files("parley.moderation").joinpath("data", name)))


# The shipped model's training files. Posts of their own families, each scored by
# cross-validation: since text-v6, posts written freely, one family each (build_authored).
TRAINING_FILES = ("train_fresh.jsonl",)
# Rows derived from the training families (none since text-v6), which train but are never
# scored: cross-validation holds each out with its family.
DERIVED_FILES: tuple[str, ...] = ()
# The template-built files that trained text-v1 to text-v5 (docs/moderation.md). Scored on
# posts written apart from them, they taught the template generator more than the task, and
# added to the written posts they raised false alarms; they stay for the record and for
# `parley moderation train --train`.
TEMPLATE_FILES = (
    "train.jsonl", "train_extra.jsonl", "train_frames.jsonl", "train_swap.jsonl",
    "train_resample.jsonl", "dev.jsonl", "heldout.jsonl",
)  # fmt: skip


def training_sets() -> tuple[list[Example], list[Example]]:
    """The shipped training posts and the rows derived from them."""
    posts = [e for name in TRAINING_FILES for e in read_examples(data_path(name))]
    return posts, [e for name in DERIVED_FILES for e in read_examples(data_path(name))]


def read_examples(source: Path | str | IO[str], *, labelled: bool = True) -> list[Example]:
    """Read JSON lines; with labelled=False a missing label is allowed (classify input)."""
    if isinstance(source, Path | str):
        with open(source, encoding="utf-8") as handle:
            return list(_parse(handle, labelled=labelled, name=str(source)))
    return list(_parse(source, labelled=labelled, name=getattr(source, "name", "<input>")))


def _parse(lines: Iterable[str], *, labelled: bool, name: str) -> Iterator[Example]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise DatasetError(f"{name}:{number}: not JSON: {error.msg}") from error
        if not isinstance(record, dict):
            raise DatasetError(f"{name}:{number}: expected a JSON object")
        text = record.get("text")
        if not isinstance(text, str):
            raise DatasetError(f"{name}:{number}: `text` must be a string")
        label = record.get("label")
        if labelled and label not in LABELS:
            raise DatasetError(f"{name}:{number}: label must be one of {', '.join(LABELS)}")
        raw_id = record.get("id", number)
        yield Example(
            id=str(raw_id),
            text=text,
            label=str(label) if label is not None else "",
            lang=str(record.get("lang", "und")),
        )


def write_examples(examples: Iterable[Example], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for example in examples:
            handle.write(example.to_json() + "\n")


def near_duplicate_pairs(
    queries: Sequence[str], corpus: Sequence[str], *, threshold: float = 0.8
) -> list[tuple[int, int, float]]:
    """Pairs (query index, corpus index, Jaccard) whose normalised texts share at least
    `threshold` of their character 4-grams: near-exact copies, whatever the spelling."""
    vocabulary: dict[str, int] = {}
    rows_a = [_gram_ids(text, vocabulary) for text in queries]
    rows_b = [_gram_ids(text, vocabulary) for text in corpus]
    a = _binary_matrix(rows_a, len(vocabulary))
    b = _binary_matrix(rows_b, len(vocabulary))
    inter = (a @ b.T).tocoo()
    sizes_a = np.diff(a.indptr)
    sizes_b = np.diff(b.indptr)
    union = sizes_a[inter.row] + sizes_b[inter.col] - inter.data
    jaccard = inter.data / np.maximum(union, 1)
    hits = jaccard >= threshold
    return [
        (int(i), int(j), float(s))
        for i, j, s in zip(inter.row[hits], inter.col[hits], jaccard[hits], strict=True)
    ]


def _gram_ids(text: str, vocabulary: dict[str, int]) -> list[int]:
    grams = {g for w in normalize(text).split() for g in char_ngrams(w, 4, 4)}
    return sorted(vocabulary.setdefault(g, len(vocabulary)) for g in grams)


def _binary_matrix(rows: list[list[int]], width: int) -> sp.csr_matrix:
    indptr = np.cumsum([0, *map(len, rows)])
    indices = np.fromiter((c for r in rows for c in r), dtype=np.int64)
    data = np.ones(len(indices), dtype=np.float32)
    return sp.csr_matrix((data, indices, indptr), shape=(len(rows), width))
