"""Legal request process benchmark (issue 5). Prints JSON.

    .venv/bin/python bench/legal.py            # the full run
    .venv/bin/python bench/legal.py --quick    # a smoke run with small numbers

Against one `parley serve` process in its own OS process, over real HTTP, measures:
- intake latency of valid signed requests (each runs every check and writes ~12 audit entries),
  sequentially and with 16 in flight (requests per second);
- intake latency of forged requests (refused at the signature check);
- two-officer release latency (approve + confirm: decrypt, sign, encrypt, notify);
- package retrieval latency;
- the transparency report over all of it, and `parley audit verify` over the whole chain."""

from __future__ import annotations

import argparse
import asyncio
import base64
import itertools
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import rfc8785
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _server import BENCH_ENV, percentile, running_server
from parley.config import Settings
from parley.store.database import Database

EXTRA_ENV = {"PARLEY_LEGAL_REQUESTS_PER_MINUTE": "1000000"}
_ids = itertools.count(1)


def cli(data: Path, *args: str) -> str:
    env = {**os.environ, **BENCH_ENV, **EXTRA_ENV, "PARLEY_DATA": str(data)}
    out = subprocess.run(
        [sys.executable, "-m", "parley", *args], env=env, check=True, capture_output=True, text=True
    )
    return out.stdout


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def rfc3339(value: datetime) -> str:
    return value.isoformat().replace("+00:00", "Z")


def envelope(key: Ed25519PrivateKey, username: str, *, forged: bool = False) -> dict[str, Any]:
    now = datetime.now(UTC)
    body: dict[str, Any] = {
        "request_id": f"BENCH-{next(_ids)}",
        "authority_id": "bench-police",
        "key_id": "k1",
        "legal_basis": {
            "type": "court_order",
            "reference": "B-1",
            "issued_at": rfc3339(now - timedelta(days=1)),
            "issued_by": "Court",
        },
        "offence": {"category": "drugs", "description": "bench"},
        "targets": [{"username": username}],
        "data_requested": ["phone_number", "ip_addresses"],
        "period": {"from": rfc3339(now - timedelta(days=30)), "to": rfc3339(now)},
    }
    signer = Ed25519PrivateKey.generate() if forged else key
    return {**body, "signature": b64url(signer.sign(rfc8785.dumps(body)))}


async def signup(http: httpx.AsyncClient, n: int, username: str) -> dict[str, Any]:
    phone = f"+99966{n // 10000}{n % 10000:04d}"
    await http.post("/api/v1/auth/send-code", json={"phone": phone})
    r = await http.post(
        "/api/v1/auth/sign-in",
        json={"phone": phone, "code": phone[6] * 5, "display_name": username},
    )
    r.raise_for_status()
    token = r.json()["token"]
    r = await http.patch(
        "/api/v1/me", json={"username": username}, headers={"Authorization": f"Bearer {token}"}
    )
    r.raise_for_status()
    return {"id": r.json()["id"], "token": token}


async def timed(calls: list[Any]) -> list[float]:
    out = []
    for call in calls:
        started = time.perf_counter()
        r = await call()
        out.append((time.perf_counter() - started) * 1000)
        assert r.status_code < 500, r.text
    return out


def stats(ms: list[float]) -> dict[str, float]:
    return {
        "n": len(ms),
        "p50_ms": round(percentile(ms, 50), 2),
        "p95_ms": round(percentile(ms, 95), 2),
        "mean_ms": round(statistics.fmean(ms), 2),
    }


async def run(quick: bool) -> dict[str, Any]:
    n_users = 20 if quick else 100
    n_valid = 40 if quick else 400
    n_release = 10 if quick else 100
    with running_server(extra_env=EXTRA_ENV) as (url, data):
        key = Ed25519PrivateKey.generate()
        raw = key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        out = cli(
            data,
            "legal",
            "authority",
            "add",
            "bench-police",
            "--name",
            "Bench",
            "--country",
            "DE",
            "--kind",
            "police",
            "--contact",
            "c",
            "--key",
            f"k1={b64url(raw)}",
            "--valid-from",
            "2020-01-01T00:00:00Z",
        )
        api_key = out.strip().splitlines()[-1]
        auth = {"Authorization": f"Bearer {api_key}"}
        async with httpx.AsyncClient(base_url=url, timeout=60) as http:
            users = [await signup(http, i + 1, f"target_{i:04d}") for i in range(n_users)]
            officers = [await signup(http, 9000 + i, f"officer_{i}") for i in range(2)]
            for officer in officers:
                cli(data, "admin", "grant-role", str(officer["id"]), "legal_officer")
            db = Database(Settings(data=data).resolved_database_url, read_threads=1)
            now = datetime.now(UTC)
            for i, user in enumerate(users):
                db.write_sync(
                    lambda tx, uid=user["id"], i=i: tx.violations.insert(
                        user_id=uid,
                        rule_id="illegal.drugs.sale",
                        category="drugs",
                        decision_id=i + 1,
                        subject_kind="message",
                        subject_id="1:1",
                        at=now,
                    )
                )
            db.close()

            def submit(env: dict[str, Any]) -> Any:
                return lambda: http.post("/legal/v1/requests", json=env, headers=auth)

            names = [f"target_{i % n_users:04d}" for i in range(n_valid)]
            valid = await timed([submit(envelope(key, name)) for name in names])
            forged = await timed(
                [submit(envelope(key, name, forged=True)) for name in names[: n_valid // 4]]
            )
            sem = asyncio.Semaphore(16)

            async def one(env: dict[str, Any]) -> None:
                async with sem:
                    r = await http.post("/legal/v1/requests", json=env, headers=auth)
                    assert r.status_code == 202, r.text

            burst = [envelope(key, name) for name in names]
            started = time.perf_counter()
            await asyncio.gather(*(one(e) for e in burst))
            burst_rps = len(burst) / (time.perf_counter() - started)

            queue = (
                await http.get(
                    "/api/v1/legal/requests",
                    params={"limit": 500},
                    headers={"Authorization": f"Bearer {officers[0]['token']}"},
                )
            ).json()
            a = {"Authorization": f"Bearer {officers[0]['token']}"}
            b = {"Authorization": f"Bearer {officers[1]['token']}"}
            release_ms: list[float] = []
            released: list[int] = []
            for item in queue[:n_release]:
                pk = item["id"]
                started = time.perf_counter()
                r1 = await http.post(
                    f"/api/v1/legal/requests/{pk}/approve", json={"release": [0]}, headers=a
                )
                r2 = await http.post(f"/api/v1/legal/requests/{pk}/confirm", headers=b)
                release_ms.append((time.perf_counter() - started) * 1000)
                assert r1.status_code == 200 and r2.json()["status"] == "released", r2.text
                released.append(pk)
            package_ms = await timed(
                [
                    (lambda pk=pk: http.get(f"/legal/v1/requests/{pk}/package", headers=auth))
                    for pk in released
                ]
            )
            started = time.perf_counter()
            report = (await http.get("/transparency.json")).json()
            report_ms = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        verify = cli(data, "audit", "verify").strip()
        verify_s = time.perf_counter() - started
    totals = report["legal_requests"]["totals"]
    return {
        "benchmark": "legal",
        "quick": quick,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "intake_valid_sequential": stats(valid),
        "intake_forged_sequential": stats(forged),
        "intake_valid_16_in_flight_per_s": round(burst_rps, 1),
        "release_approve_plus_confirm": stats(release_ms),
        "package_retrieval": stats(package_ms),
        "transparency_json_ms": round(report_ms, 1),
        "transparency_totals": {
            k: totals[k]
            for k in (
                "requests_received",
                "fulfilled_fully",
                "refused",
                "pending",
                "users_affected",
            )
        },
        "audit_verify": verify,
        "audit_verify_s_including_cli_start": round(verify_s, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small numbers, a smoke run")
    args = parser.parse_args()
    print(json.dumps(asyncio.run(run(args.quick)), indent=2))


if __name__ == "__main__":
    main()
