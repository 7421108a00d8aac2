from __future__ import annotations

import httpx

from parley.container import Container
from parley.domain.clock import FrozenClock
from tests.helpers import Api, error_code, stored_bytes


async def test_sign_in_with_test_number_creates_account(api: Api) -> None:
    r = await api.post(None, "/api/v1/auth/send-code", {"phone": "+99966 1 0042"})
    assert r.status_code == 200
    assert r.json()["phone"] == "+9996610042"
    r = await api.post(
        None,
        "/api/v1/auth/sign-in",
        {"phone": "+9996610042", "code": "11111", "display_name": "Alice"},
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["new_account"] is True
    assert body["user"]["display_name"] == "Alice"
    assert body["user"]["phone"] == "+9996610042"
    me = await api.http.get("/api/v1/me", headers={"Authorization": f"Bearer {body['token']}"})
    assert me.status_code == 200
    assert me.json()["id"] == body["user"]["id"]


async def test_real_number_code_goes_to_outbox_and_signs_in(api: Api, container: Container) -> None:
    r = await api.post(None, "/api/v1/auth/send-code", {"phone": "+49 151 12345678"})
    assert r.status_code == 200, r.text
    rows = await container.db.read(lambda tx: tx.codes.outbox(5))
    assert len(rows) == 1
    assert container.ctx.cipher.decrypt("phone", rows[0].phone_enc) == "+4915112345678"
    r = await api.post(
        None, "/api/v1/auth/sign-in", {"phone": "+4915112345678", "code": rows[0].code}
    )
    assert r.status_code == 200, r.text


async def test_phone_is_encrypted_at_rest(api: Api, container: Container) -> None:
    await api.signup("Enc", phone="+9996610555")
    raw = await container.db.read(
        lambda tx: tx.conn.exec_driver_sql("select phone_enc, phone_hash from users").all()
    )
    assert raw
    for enc, digest in raw:
        assert b"9996610555" not in bytes(enc)
        assert b"9996610555" not in bytes(digest)
    assert b"9996610555" not in await stored_bytes(container)


async def test_bad_phone_and_wrong_code(api: Api) -> None:
    r = await api.post(None, "/api/v1/auth/send-code", {"phone": "not a phone"})
    assert r.status_code == 400 and error_code(r) == "invalid_phone"
    r = await api.post(None, "/api/v1/auth/send-code", {"phone": "+1 555"})
    assert r.status_code == 400 and error_code(r) == "invalid_phone"
    await api.post(None, "/api/v1/auth/send-code", {"phone": "+9996620077"})
    r = await api.post(None, "/api/v1/auth/sign-in", {"phone": "+9996620077", "code": "11111"})
    assert r.status_code == 400 and error_code(r) == "code_invalid"


async def test_code_allows_five_tries(api: Api) -> None:
    await api.post(None, "/api/v1/auth/send-code", {"phone": "+9996630078"})
    codes = []
    for _ in range(5):
        r = await api.post(None, "/api/v1/auth/sign-in", {"phone": "+9996630078", "code": "12345"})
        codes.append(error_code(r))
    assert codes == ["code_invalid"] * 4 + ["code_attempts_exceeded"]
    r = await api.post(None, "/api/v1/auth/sign-in", {"phone": "+9996630078", "code": "33333"})
    assert r.status_code == 400 and error_code(r) == "code_expired"


async def test_code_expires_after_five_minutes(api: Api, clock: FrozenClock) -> None:
    await api.post(None, "/api/v1/auth/send-code", {"phone": "+9996610079"})
    clock.advance(seconds=301)
    r = await api.post(None, "/api/v1/auth/sign-in", {"phone": "+9996610079", "code": "11111"})
    assert error_code(r) == "code_expired"


async def test_send_code_rate_limited_per_number(api: Api) -> None:
    statuses = []
    for _ in range(6):
        r = await api.post(None, "/api/v1/auth/send-code", {"phone": "+9996610080"})
        statuses.append(r.status_code)
    assert statuses == [200] * 5 + [429]
    assert r.json()["error"]["retry_after"] > 0
    assert int(r.headers["retry-after"]) > 0


async def test_sessions_list_and_revoke(api: Api) -> None:
    alice = await api.signup("Alice", phone="+9996610090")
    second = await api.signup("Alice", phone="+9996610090")
    r = await api.get(alice, "/api/v1/me/sessions")
    sessions = r.json()
    assert len(sessions) == 2
    other = next(s for s in sessions if not s["current"])
    r = await api.delete(alice, f"/api/v1/me/sessions/{other['id']}")
    assert r.status_code == 200
    r = await api.get(second, "/api/v1/me")
    assert r.status_code == 401 and error_code(r) == "token_invalid"
    r = await api.post(alice, "/api/v1/auth/sign-out")
    assert r.status_code == 200
    assert (await api.get(alice, "/api/v1/me")).status_code == 401


async def test_unauthenticated_and_malformed(api: Api, http: httpx.AsyncClient) -> None:
    r = await http.get("/api/v1/me")
    assert r.status_code == 401 and error_code(r) == "unauthenticated"
    r = await http.get("/api/v1/me", headers={"Authorization": "Basic abc"})
    assert r.status_code == 401
    r = await http.get("/api/v1/me", headers={"Authorization": "Bearer nope"})
    assert r.status_code == 401
    r = await http.post(
        "/api/v1/auth/send-code", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert r.status_code == 422 and error_code(r) == "invalid_request"
    r = await http.post("/api/v1/auth/send-code", json={"phone": "+9996610001", "extra": 1})
    assert r.status_code == 422
    r = await http.post(
        "/api/v1/auth/send-code",
        content=b"x" * 2_000_000,
        headers={"content-type": "application/json"},
    )
    assert r.status_code == 413 and error_code(r) == "too_large"
