"""The packaged text model, loaded once for the whole session."""

from __future__ import annotations

import pytest

from parley.moderation.classifier import TextClassifier


@pytest.fixture(scope="session")
def classifier() -> TextClassifier:
    return TextClassifier.load_default()
