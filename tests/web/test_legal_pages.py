"""The legal console's pages (two officers: approve, then confirm; refuse; re-review) and the
authority portal (API key sign-in, own requests only, package download)."""

from __future__ import annotations

import re

import orjson

from tests.legal.conftest import VIOLATOR_IP, World
from tests.web.helpers import WebUser


async def as_web(world: World, token: str) -> WebUser:
    user = WebUser(world.api.base_url)
    user.http.cookies.set("parley_session", token)
    await user.get("/chats")
    return user


async def submit(world: World, targets: list[dict[str, object]], **changes: object) -> int:
    r = await world.authority.submit(world.authority.signed(targets, **changes))
    assert r.status_code == 202, r.text
    return int(r.json()["id"])


async def test_two_officers_release_and_the_authority_downloads(world: World) -> None:
    pk = await submit(world, [{"username": "dealer_one"}, {"username": "innocent_one"}])
    a = await as_web(world, world.officer_a.token)
    b = await as_web(world, world.officer_b.token)
    plain = await as_web(world, world.innocent.token)
    assert (await plain.get("/console/legal")).status_code == 403
    assert 'href="/console/legal"' in (await a.get("/chats")).text

    queue = (await a.get("/console/legal")).text
    assert f'href="/console/legal/requests/{pk}"' in queue and "in 14 d" in queue
    page = (await a.get(f"/console/legal/requests/{pk}")).text
    assert "AZ 4 Gs 123/26" in page and page.count(">passed<") >= 9
    assert ">eligible<" in page and ">ineligible<" in page
    assert VIOLATOR_IP not in page and world.violator.phone not in page
    r = await a.form(
        f"/console/legal/requests/{pk}/approve",
        {"release": "0", "data": "phone_number", "note": "narrowed to phone"},
    )
    assert r.status_code == 303
    page = (await a.get(f"/console/legal/requests/{pk}")).text
    assert "a different officer must confirm" in page
    r = await a.form(f"/console/legal/requests/{pk}/confirm")
    assert r.status_code == 403  # the approving officer cannot also confirm
    await b.get(f"/console/legal/requests/{pk}")
    r = await b.form(f"/console/legal/requests/{pk}/confirm")
    assert r.status_code == 303
    page = (await b.get(f"/console/legal/requests/{pk}")).text
    assert "Released package" in page and "phone number" in page and "partial" in page

    portal = WebUser(world.api.base_url)
    assert "Authority portal" in (await portal.get("/portal")).text
    r = await portal.form("/portal/signin", {"api_key": "wrong-key"})
    assert r.status_code == 401 and "not valid" in r.text
    r = await portal.form("/portal/signin", {"api_key": world.authority.api_key})
    assert r.status_code == 303
    cookie = r.headers["set-cookie"]
    assert "Path=/portal" in cookie and "HttpOnly" in cookie and "strict" in cookie.lower()
    assert world.authority.api_key not in cookie  # sealed, not the key itself
    listing = (await portal.get("/portal")).text
    assert f'href="/portal/requests/{pk}/package"' in listing
    detail = (await portal.get(f"/portal/requests/{pk}")).text
    assert "Download the signed package" in detail and "dealer_one" in detail
    package = await portal.http.get(f"/portal/requests/{pk}/package")
    assert package.status_code == 200
    assert package.headers["content-disposition"].startswith("attachment;")
    body = orjson.loads(package.content)
    assert world.violator.phone in package.text and "signature" in str(body)
    await portal.close()
    for user in (a, b, plain):
        await user.close()


async def test_refusal_and_other_authorities_see_nothing(world: World) -> None:
    pk = await submit(world, [{"username": "dealer_one"}])
    a = await as_web(world, world.officer_a.token)
    await a.get(f"/console/legal/requests/{pk}")
    r = await a.form(f"/console/legal/requests/{pk}/reject", {"reason": "basis too broad"})
    assert r.status_code == 303
    assert "basis too broad" in (await a.get(f"/console/legal/requests/{pk}")).text
    refused = (await a.get("/console/legal?view=refused")).text
    assert f"/console/legal/requests/{pk}" in refused

    other = await world.register_authority("fr-police", "FR")
    portal = WebUser(world.api.base_url)
    await portal.get("/portal")
    await portal.form("/portal/signin", {"api_key": other.api_key})
    assert f"/portal/requests/{pk}" not in (await portal.get("/portal")).text
    assert (await portal.get(f"/portal/requests/{pk}")).status_code == 404
    assert (await portal.http.get(f"/portal/requests/{pk}/package")).status_code == 404
    await portal.form("/portal/signout")
    r = await portal.get("/portal")
    assert 'name="api_key"' in r.text
    await portal.close()
    await a.close()


async def test_transparency_page_renders_its_chart(world: World) -> None:
    await submit(world, [{"username": "dealer_one"}])
    anon = WebUser(world.api.base_url)
    r = await anon.get("/transparency")
    assert r.status_code == 200 and "<svg" in r.text and 'class="s0"' in r.text
    assert "script-src" not in r.headers["content-security-policy"]
    assert "<script" not in r.text
    assert re.search(r"<tr><td>DE</td><td>1</td>", r.text)
    await anon.close()
