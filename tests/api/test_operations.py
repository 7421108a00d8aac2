from __future__ import annotations

import ipaddress

import httpx

from parley.container import Container
from parley.domain.clock import FrozenClock
from parley.services import accounts
from tests.helpers import Api, stored_bytes


async def test_health_ready_metrics_and_docs(http: httpx.AsyncClient) -> None:
    assert (await http.get("/healthz")).json() == {"status": "ok"}
    ready = (await http.get("/readyz")).json()
    assert ready["ready"] is True and ready["schema"] == ready["expected_schema"]
    await http.get("/api/v1/me")
    metrics = (await http.get("/metrics")).text
    assert "parley_http_requests_total" in metrics
    spec = (await http.get("/api/v1/openapi.json")).json()
    assert "/api/v1/chats/{chat_id}/messages" in spec["paths"]
    docs = await http.get("/api/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()


async def test_every_endpoint_is_documented(http: httpx.AsyncClient) -> None:
    """Each API path has a summary and declares its error shape."""
    spec = (await http.get("/api/v1/openapi.json")).json()
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            assert op.get("summary"), f"{method.upper()} {path} has no summary"
            if path.startswith("/api/v1"):
                assert "401" in op["responses"] or path.startswith("/api/v1/auth/send"), path


async def test_unknown_route_is_json_404(http: httpx.AsyncClient) -> None:
    r = await http.get("/api/v1/nope")
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "not_found"


async def test_ip_recorded_encrypted_and_forwarded_only_from_trusted(
    api: Api, container: Container
) -> None:
    alice = await api.signup("A")
    spoofed = {"X-Forwarded-For": "203.0.113.9", **alice.headers}
    await api.http.get("/api/v1/me", headers=spoofed)
    ips = await container.db.read(lambda tx: tx.sessions.ips_for_user(alice.id))
    plain = {container.ctx.cipher.decrypt("ip", r.ip_enc) for r in ips}
    assert plain == {"127.0.0.1"}  # the header is ignored from an untrusted peer
    container.trusted_networks = [ipaddress.ip_network("127.0.0.0/8")]
    container.auth_cache._ip_touched.clear()
    await api.http.get("/api/v1/me", headers=spoofed)
    ips = await container.db.read(lambda tx: tx.sessions.ips_for_user(alice.id))
    plain = {container.ctx.cipher.decrypt("ip", r.ip_enc) for r in ips}
    assert plain == {"127.0.0.1", "203.0.113.9"}
    assert b"203.0.113.9" not in await stored_bytes(container)


async def test_retention_purge_deletes_old_ip_records(
    api: Api, container: Container, clock: FrozenClock
) -> None:
    alice = await api.signup("A")
    clock.advance(days=366)
    deleted = await accounts.purge_ip_records(container.ctx)
    assert deleted == 1
    assert await container.db.read(lambda tx: tx.sessions.ips_for_user(alice.id)) == []
    entries = await container.db.read(lambda tx: tx.audit.recent(action_prefix="ip.purge"))
    assert entries and entries[0].data["deleted"] == 1


async def test_overall_request_budget_per_user(api: Api, container: Container) -> None:
    container.settings.requests_per_user_per_minute = 5
    alice = await api.signup("A")
    statuses = [(await api.get(alice, "/api/v1/me")).status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]
