"""Prometheus metrics, on a registry per container (served at /metrics)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram


class Metrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.http_requests = Counter(
            "parley_http_requests", "HTTP requests by route and status",
            ["method", "route", "status"], registry=registry,
        )  # fmt: skip
        self.http_latency = Histogram(
            "parley_http_request_seconds", "HTTP request latency", ["route"], registry=registry,
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5),
        )  # fmt: skip
        self.write_batch = Histogram(
            "parley_db_write_batch_size", "Transactions per group commit", registry=registry,
            buckets=(1, 2, 4, 8, 16, 32, 64, 128, 256),
        )  # fmt: skip
        self.write_seconds = Histogram(
            "parley_db_write_batch_seconds", "Time to run and commit one write batch",
            registry=registry, buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1),
        )  # fmt: skip
        self.ws_connections = Gauge(
            "parley_ws_connections", "Open WebSocket connections", registry=registry
        )

    def observe_write_batch(self, size: int, seconds: float) -> None:
        self.write_batch.observe(size)
        self.write_seconds.observe(seconds)
