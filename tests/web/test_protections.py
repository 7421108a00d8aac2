"""Browser protections: CSRF tokens, Origin checks, security headers, sign-in redirects and
HTML errors for pages while the API keeps answering JSON."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import httpx
import pytest
import websockets

from tests.web.helpers import WebUser

Web = Callable[..., Awaitable[WebUser]]


async def chat_count(user: WebUser) -> int:
    return len((await user.http.get("/api/v1/chats")).json())


async def test_state_changes_need_the_csrf_token(web: Web) -> None:
    alice = await web("Alice")
    r = await alice.form("/new", {"kind": "group", "title": "No token"}, csrf=False)
    assert r.status_code == 403 and "stale or came from elsewhere" in r.text
    r = await alice.http.post("/new", data={"kind": "group", "title": "t", "csrf_token": "0" * 40})
    assert r.status_code == 403
    r = await alice.http.post(
        "/new",
        data={"kind": "group", "title": "t"},
        headers={"X-CSRF-Token": "bad", "HX-Request": "true"},
    )
    assert r.status_code == 403 and r.headers["hx-retarget"] == "#flash"
    assert await chat_count(alice) == 0
    r = await alice.form("/new", {"kind": "group", "title": "With token"})
    assert r.status_code == 303 and await chat_count(alice) == 1


async def test_cross_origin_requests_are_refused(web: Web, server: str) -> None:
    alice = await web("Alice")
    r = await alice.form("/new", {"kind": "group", "title": "x"}, origin="https://evil.example")
    assert r.status_code == 403 and r.json()["error"]["code"] == "cross_origin"
    r = await alice.http.post(
        "/api/v1/chats",
        json={"kind": "group", "title": "x"},
        headers={"Origin": "https://evil.example"},
    )
    assert r.status_code == 403
    r = await alice.http.post(
        "/api/v1/chats",
        json={"kind": "group", "title": "x"},
        headers={"Sec-Fetch-Site": "cross-site"},
    )
    assert r.status_code == 403
    assert await chat_count(alice) == 0
    cookie = f"parley_session={alice.http.cookies['parley_session']}"
    ws_url = server.replace("http", "ws") + "/api/v1/updates/ws"
    with pytest.raises(websockets.InvalidStatus) as refused:
        async with websockets.connect(
            ws_url,
            origin="https://evil.example",  # type: ignore[arg-type]
            additional_headers={"Cookie": cookie},
        ):
            pass
    assert refused.value.response.status_code == 403
    async with websockets.connect(
        ws_url,
        origin=server,  # type: ignore[arg-type]
        additional_headers={"Cookie": cookie},
    ) as ws:
        assert '"ready"' in str(await ws.recv())


async def test_pages_carry_a_strict_content_security_policy(http: httpx.AsyncClient) -> None:
    r = await http.get("/signin")
    assert r.status_code == 200
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "<script>" not in r.text and " on" + "click=" not in r.text
    for src in ("/static/htmx.min.js", "/static/parley.js", "/static/parley.css"):
        assert src in r.text
        assert (await http.get(src)).status_code == 200
    assert "http://" not in r.text.replace('href="/', "") and "https://" not in r.text


async def test_signed_out_pages_redirect_and_errors_are_html(http: httpx.AsyncClient) -> None:
    for path in ("/chats", "/chats/1", "/settings", "/settings/sessions", "/new", "/join"):
        r = await http.get(path)
        assert r.status_code == 303, path
        assert r.headers["location"].startswith("/signin?next=" + path.split("?")[0]), path
    r = await http.get("/chats", headers={"HX-Request": "true"})
    assert r.status_code == 204 and r.headers["hx-redirect"].startswith("/signin")
    r = await http.get("/no-such-page", headers={"Accept": "text/html"})
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]
    r = await http.get("/api/v1/no-such-thing")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    r = await http.get("/api/v1/me")
    assert r.status_code == 401 and r.json()["error"]["code"] == "unauthenticated"
    r = await http.get("/signin?next=//evil.example")
    assert 'name="next" value="/chats"' in r.text


async def test_json_endpoints_of_the_web_room_answer_json_errors(http: httpx.AsyncClient) -> None:
    r = await http.get("/transparency.json", params={"period": "2026-H9"})
    assert r.status_code == 400 and r.json()["error"]["code"]
    r = await http.get(
        "/transparency", params={"period": "2026-H9"}, headers={"Accept": "text/html"}
    )
    assert r.status_code == 400 and "text/html" in r.headers["content-type"]
