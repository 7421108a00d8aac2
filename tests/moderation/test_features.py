from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from parley.moderation.features import FeatureExtractor, char_ngrams
from parley.moderation.normalize import normalize

CORPUS = [
    "selling coke 9g 99 eur dm",
    "police seized coke in the port",
    "a b c",
    "x",
    "",
    "coffee and cake at 9",
    "selling my bike dm me",
    "kokain zakladki pishite v ls",
]


def test_same_features_as_scikit_learn() -> None:
    texts = [normalize(t) for t in CORPUS]
    ours = FeatureExtractor.fit(texts, min_df=1).transform(texts)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True,
                           lowercase=False)  # fmt: skip
    word = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True,
                           lowercase=False, token_pattern=r"(?u)\b\w\w+\b")  # fmt: skip
    theirs = sp.hstack([char.fit_transform(texts), word.fit_transform(texts)]).tocsr()
    assert ours.shape == theirs.shape
    assert np.abs((ours - theirs).toarray()).max() < 1e-5


def test_state_round_trip_and_unknown_words() -> None:
    texts = [normalize(t) for t in CORPUS]
    extractor = FeatureExtractor.fit(texts)
    again = FeatureExtractor.from_state(extractor.to_state())
    probe = ["selling zzz coke", "nothing known here qqq"]
    assert (extractor.transform(probe) != again.transform(probe)).nnz == 0


def test_char_ngrams_pad_words() -> None:
    assert char_ngrams("ab", 2, 5) == [" a", "ab", "b ", " ab", "ab ", " ab "]
