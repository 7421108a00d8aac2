"""Benchmark of the packaged text classifier: held-out quality, throughput, model size.

Usage: .venv/bin/python bench/moderation.py [--runs 5] [--posts 4000] [--out FILE]
Prints JSON. Throughput is single-threaded (BLAS pinned to one thread), the median of
several runs; each run starts with cold normalisation and feature caches and classifies
a few thousand held-out posts in batches of 256, as a service would."""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from threadpoolctl import threadpool_limits

from parley.moderation import normalize as normalize_module
from parley.moderation.classifier import TextClassifier, default_model_path
from parley.moderation.dataset import data_path, read_examples
from parley.moderation.metrics import evaluate

BATCH = 256
# The held-out split the targets are judged on: posts written from scratch for
# evaluation only (data/more/build_fresh.py); heldout.jsonl was retired at text-v6.
HELDOUT = "heldout2.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--posts", type=int, default=4000)
    parser.add_argument("--out", type=Path, help="also write the JSON here")
    args = parser.parse_args()

    with threadpool_limits(limits=1):
        started = time.perf_counter()
        classifier = TextClassifier.load_default()
        load_seconds = time.perf_counter() - started
        heldout = read_examples(data_path(HELDOUT))
        result = evaluate(
            [e.label for e in heldout], classifier.predict_labels([e.text for e in heldout])
        )
        texts = [e.text for e in heldout]
        texts = (texts * (args.posts // len(texts) + 1))[: args.posts]
        rates = [_run(classifier, texts) for _ in range(args.runs)]

    report = {
        "heldout": {
            "file": HELDOUT,
            "posts": len(heldout),
            "per_category": result.to_dict()["per_label"],
            "macro_f1": round(result.macro_f1, 4),
            "macro_f1_categories": round(result.macro_f1_categories, 4),
            "none_fpr": round(result.none_fpr, 4),
            "accuracy": round(result.accuracy, 4),
        },
        "throughput_posts_per_s": round(statistics.median(rates), 1),
        "throughput_runs": [round(r, 1) for r in rates],
        "throughput_posts_per_run": len(texts),
        "model_bytes": default_model_path().stat().st_size,
        "model_features": classifier.features.n_features,
        "model_load_s": round(load_seconds, 3),
        "threads": 1,
    }
    text = json.dumps(report, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


def _run(classifier: TextClassifier, texts: list[str]) -> float:
    normalize_module._TOKEN_CACHE.clear()
    classifier.features.clear_cache()
    started = time.perf_counter()
    for start in range(0, len(texts), BATCH):
        classifier.predict(texts[start : start + BATCH])
    return len(texts) / (time.perf_counter() - started)


if __name__ == "__main__":
    sys.exit(main())
