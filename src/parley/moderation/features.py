"""TF-IDF features of normalised text: character n-grams within words plus word 1–2-grams.

The same features as scikit-learn's TfidfVectorizer (`char_wb` and `word` analyzers, smooth
idf, sublinear tf, l2 norm per block), computed about twenty times faster: a word's
character n-grams never depend on its neighbours, so each distinct word is analysed once and
its feature indices are cached. tests/moderation/test_features.py checks the equivalence."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

_WORD_CACHE_MAX = 200_000


def char_ngrams(word: str, min_n: int, max_n: int) -> list[str]:
    """The n-grams of one word padded with a space on each side (scikit-learn's char_wb)."""
    padded = f" {word} "
    size = len(padded)
    return [
        padded[i : i + n] for n in range(min_n, min(max_n, size) + 1) for i in range(size - n + 1)
    ]


def word_ngrams(text: str) -> list[str]:
    """Words of two or more characters and their adjacent pairs."""
    words = [w for w in text.split() if len(w) >= 2]
    return words + [f"{a} {b}" for a, b in pairwise(words)]


@dataclass(slots=True)
class _Block:
    """One vocabulary (term -> column) with its idf weights."""

    vocabulary: dict[str, int]
    idf: npt.NDArray[np.float32]

    @classmethod
    def fit(cls, docs: Iterable[Iterable[str]], *, min_df: int) -> _Block:
        df: Counter[str] = Counter()
        n_docs = 0
        for terms in docs:
            df.update(set(terms))
            n_docs += 1
        kept = sorted(term for term, count in df.items() if count >= min_df)
        counts = np.array([df[term] for term in kept], dtype=np.float64)
        idf = np.log((1.0 + n_docs) / (1.0 + counts)) + 1.0
        return cls({term: i for i, term in enumerate(kept)}, idf.astype(np.float32))

    def matrix(self, rows: Sequence[list[int]]) -> sp.csr_matrix:
        """Sublinear-tf × idf, each row scaled to unit length."""
        lengths = np.fromiter((len(r) for r in rows), dtype=np.int64, count=len(rows))
        cols = np.fromiter((c for r in rows for c in r), dtype=np.int32, count=int(lengths.sum()))
        row_ids = np.repeat(np.arange(len(rows), dtype=np.int32), lengths)
        data = np.ones(len(cols), dtype=np.float32)
        shape = (len(rows), len(self.vocabulary))
        matrix = sp.csr_matrix((data, (row_ids, cols)), shape=shape, dtype=np.float32)
        matrix.sum_duplicates()
        np.log(matrix.data, out=matrix.data)
        matrix.data += 1.0
        matrix.data *= self.idf[matrix.indices]
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        norms[norms == 0.0] = 1.0
        scale = np.repeat(1.0 / norms, np.diff(matrix.indptr)).astype(np.float32)
        matrix.data *= scale
        return matrix


@dataclass(slots=True)
class FeatureExtractor:
    """Maps normalised texts to one sparse matrix: [char n-gram block | word n-gram block]."""

    char: _Block
    word: _Block
    char_range: tuple[int, int] = (2, 5)
    _word_cache: dict[str, list[int]] = field(default_factory=dict, repr=False)

    @classmethod
    def fit(
        cls, texts: Sequence[str], *, char_range: tuple[int, int] = (2, 5), min_df: int = 2
    ) -> FeatureExtractor:
        lo, hi = char_range
        char = _Block.fit(
            ([g for w in t.split() for g in char_ngrams(w, lo, hi)] for t in texts),
            min_df=min_df,
        )
        word = _Block.fit((word_ngrams(t) for t in texts), min_df=min_df)
        return cls(char=char, word=word, char_range=char_range)

    @property
    def n_features(self) -> int:
        return len(self.char.vocabulary) + len(self.word.vocabulary)

    def transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        char_rows = [self._char_columns(text) for text in texts]
        vocabulary = self.word.vocabulary
        word_rows = [
            [c for c in (vocabulary.get(g) for g in word_ngrams(text)) if c is not None]
            for text in texts
        ]
        return sp.hstack([self.char.matrix(char_rows), self.word.matrix(word_rows)], format="csr")

    def _char_columns(self, text: str) -> list[int]:
        cache = self._word_cache
        columns: list[int] = []
        for word in text.split():
            cols = cache.get(word)
            if cols is None:
                if len(cache) >= _WORD_CACHE_MAX:
                    cache.clear()
                vocabulary = self.char.vocabulary
                lo, hi = self.char_range
                grams = (vocabulary.get(g) for g in char_ngrams(word, lo, hi))
                cols = cache[word] = [c for c in grams if c is not None]
            columns.extend(cols)
        return columns

    def clear_cache(self) -> None:
        self._word_cache.clear()

    def to_state(self) -> dict[str, Any]:
        """Plain data for the model file: term lists in column order and idf arrays."""
        return {
            "char_range": list(self.char_range),
            "char_terms": _terms(self.char.vocabulary),
            "char_idf": self.char.idf,
            "word_terms": _terms(self.word.vocabulary),
            "word_idf": self.word.idf,
        }

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> FeatureExtractor:
        lo, hi = state["char_range"]
        return cls(
            char=_Block({t: i for i, t in enumerate(state["char_terms"])}, state["char_idf"]),
            word=_Block({t: i for i, t in enumerate(state["word_terms"])}, state["word_idf"]),
            char_range=(int(lo), int(hi)),
        )


def _terms(vocabulary: dict[str, int]) -> list[str]:
    terms = [""] * len(vocabulary)
    for term, index in vocabulary.items():
        terms[index] = term
    return terms
