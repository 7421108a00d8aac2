"""Medians of the benchmark results under bench/results/, as JSON (what the README quotes).

.venv/bin/python scripts/bench_summary.py [bench/results]"""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path
from typing import Any

CORE_FIGURES = {
    "ws_sends_per_s": ("ws_sends", "sends_per_s"),
    "http_sends_per_s": ("http_sends", "sends_per_s"),
    "delivery_p50_ms": ("delivery", "p50_ms"),
    "delivery_p99_ms": ("delivery", "p99_ms"),
    "delivery_achieved_rate": ("delivery", "achieved_rate"),
    "delivery_quarter_rate_p50_ms": ("delivery_quarter_rate", "p50_ms"),
    "delivery_quarter_rate_p99_ms": ("delivery_quarter_rate", "p99_ms"),
    "channel_post_p50_ms": ("channel_post", "p50_ms"),
    "channel_post_p99_ms": ("channel_post", "p99_ms"),
    "channel_fanout_p50_ms": ("channel_post", "fanout_p50_ms"),
    "channel_fanout_p99_ms": ("channel_post", "fanout_p99_ms"),
    "load_average_start": ("load_average_start",),
}


def _dig(data: dict[str, Any], path: tuple[str, ...]) -> float:
    value: Any = data
    for key in path:
        value = value[key]
    return float(value)


def core(results: Path, backend: str) -> dict[str, Any]:
    runs = [json.loads(p.read_text()) for p in sorted(results.glob(f"core-{backend}-*.json"))]
    if not runs:
        return {}
    out: dict[str, Any] = {"runs": len(runs)}
    for name, path in CORE_FIGURES.items():
        values = [_dig(r, path) for r in runs if path[0] in r]
        if not values:
            continue
        out[name] = round(statistics.median(values), 1)
        out[f"{name}_all"] = [round(v, 1) for v in values]
    return out


def main() -> None:
    results = Path(sys.argv[1] if len(sys.argv) > 1 else "bench/results")
    summary = {"core": {b: core(results, b) for b in ("sqlite", "postgres")}}
    for name in ("search-sqlite", "search-postgres", "moderation", "bots", "legal", "web"):
        path = results / f"{name}.json"
        if path.exists() and path.stat().st_size:  # a run still in progress writes it last
            summary[name] = json.loads(path.read_text())
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
