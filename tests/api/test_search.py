"""GET /api/v1/search: its contract, its refusals and its limits, over real HTTP."""

from __future__ import annotations

import pytest

from parley.container import Container
from tests.helpers import Api, error_code


async def test_search_needs_a_signed_in_user(api: Api) -> None:
    r = await api.get(None, "/api/v1/search", q="hello")
    assert r.status_code == 401 and error_code(r) == "unauthenticated"


@pytest.mark.parametrize(
    ("params", "status", "code"),
    [
        ({"q": ""}, 400, "query_empty"),
        ({"q": "   "}, 400, "query_empty"),
        ({"q": "()*:~^"}, 400, "query_empty"),
        ({"q": "x" * 257}, 400, "query_too_long"),
        ({"q": "nul\x00byte"}, 400, "invalid_query"),
        ({"q": "bell\x07"}, 400, "invalid_query"),
        ({}, 422, "invalid_request"),
        ({"q": "a", "scope": "everything"}, 422, "invalid_request"),
        ({"q": "a", "limit": 0}, 422, "invalid_request"),
        ({"q": "a", "limit": 51}, 422, "invalid_request"),
        ({"q": "a", "after": "yesterday"}, 422, "invalid_request"),
        ({"q": "a", "scope": "users", "chat": "1"}, 400, "invalid_filter"),
        (
            {"q": "a", "after": "2026-02-01T00:00:00Z", "before": "2026-01-01T00:00:00Z"},
            400,
            "invalid_filter",
        ),
        ({"q": "a", "chat": "@no_such_chat"}, 404, "chat_not_found"),
        ({"q": "a", "from": "@no_such_user"}, 404, "user_not_found"),
        ({"q": "a", "cursor": "not-a-cursor"}, 400, "invalid_cursor"),
    ],
)
async def test_bad_requests_get_a_clear_4xx(
    api: Api, params: dict[str, object], status: int, code: str
) -> None:
    me = await api.signup("Me")
    r = await api.get(me, "/api/v1/search", **params)
    assert r.status_code == status, r.text
    assert error_code(r) == code


async def test_query_syntax_from_users_never_breaks_the_engine(
    api: Api, container: Container
) -> None:
    me = await api.signup("Me")
    chat = await api.create_chat(me, "channel", "Notes", username="my_notes")
    await api.send(me, chat["id"], 'title: "secret" AND (more) OR NOT *stuff* ~2 ^3 \\ end')
    assert container.search.indexer is not None
    await container.search.indexer.catch_up()
    for q in ['title:secret', '"secret" AND (more', 'OR NOT', '*stuff*', 'end~2^3',
              '\\\\', 'a" OR "1"="1', "'; DROP TABLE messages; --", "((((secret", "é́́́́",
              "𝕤𝕖𝕔𝕣𝕖𝕥", "secret\u202e", "x" * 100 + " secret"]:  # fmt: skip
        r = await api.get(me, "/api/v1/search", q=q)
        assert r.status_code in (200, 400), (q, r.text)
        if r.status_code == 400:
            assert error_code(r) in ("query_empty", "invalid_query")
    r = await api.get(me, "/api/v1/search", q="NOT secret")
    assert [x["message"]["id"] for x in r.json()["results"]] != []  # NOT is a plain word


async def test_searches_are_rate_limited(api: Api, container: Container) -> None:
    container.settings.search_per_user_per_minute = 3
    me, other = await api.signup("Me"), await api.signup("Other")
    for _ in range(3):
        assert (await api.get(me, "/api/v1/search", q="hello")).status_code == 200
    r = await api.get(me, "/api/v1/search", q="hello")
    assert r.status_code == 429 and error_code(r) == "flood_wait"
    assert int(r.headers["Retry-After"]) >= 1 and r.json()["error"]["retry_after"] >= 1
    assert (await api.get(other, "/api/v1/search", q="hello")).status_code == 200


async def test_openapi_describes_search(api: Api) -> None:
    spec = (await api.get(None, "/api/v1/openapi.json")).json()
    op = spec["paths"]["/api/v1/search"]["get"]
    names = {p["name"] for p in op["parameters"]}
    assert {"q", "scope", "chat", "from", "after", "before", "cursor", "limit"} <= names
    assert "global" in str(spec["components"]["schemas"]["Scope"])
    assert "next_cursor" in spec["components"]["schemas"]["SearchOut"]["properties"]
    assert {"401", "429"} <= set(op["responses"])
    assert "/api/v1/moderation/search-queries" in spec["paths"]
