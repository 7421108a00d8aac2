"""Reporting from the client and the moderator console's pages: report form, queue with
filters, case view, decision citing a rule, bulk decisions, appeals; role checks."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from urllib.parse import unquote

from parley.container import Container
from parley.domain.users import Role
from parley.services import accounts
from parley.services.audit import Actor
from tests.helpers import Api
from tests.web.helpers import WebUser

Web = Callable[..., Awaitable[WebUser]]
RULE = "illegal.drugs.sale"


async def user_id(user: WebUser) -> int:
    return int((await user.http.get("/api/v1/me")).json()["id"])


async def grant(container: Container, user: WebUser, role: Role) -> None:
    await accounts.grant_role(
        container.ctx, await user_id(user), role=role, actor=Actor.system("test")
    )


async def test_console_needs_the_moderator_role(web: Web, container: Container) -> None:
    anon = await web(signed_in=False)
    r = await anon.get("/console/moderation")
    assert r.status_code == 303 and r.headers["location"].startswith("/signin")
    user = await web("Plain user")
    r = await user.get("/console/moderation")
    assert r.status_code == 403 and "moderator role" in r.text
    assert "/console/moderation" not in (await user.get("/chats")).text  # no link either
    await grant(container, user, Role.MODERATOR)
    r = await user.get("/console/moderation")
    assert r.status_code == 200 and "Review queue" in r.text
    assert 'href="/console/moderation"' in (await user.get("/chats")).text


async def test_report_decide_appeal_through_the_pages(
    web: Web, api: Api, container: Container
) -> None:
    seller = await api.signup("Seller")
    shop = await api.create_chat(seller, "channel", "Shop", username="pill_shop")
    post = await api.send(seller, shop["id"], "fresh pills, discreet shipping, DM me")
    reporter = await web("Reporter")
    maria, sam = await web("Maria"), await web("Sam")
    await grant(container, maria, Role.MODERATOR)
    await grant(container, sam, Role.MODERATOR)

    form = (await reporter.get(f"/report?kind=message&chat={shop['id']}&message={post['id']}")).text
    assert f'value="{RULE}"' in form and "Which rule does it break?" in form
    r = await reporter.form(
        "/report",
        {"kind": "message", "chat": shop["id"], "message": post["id"], "comment": "no rule"},
    )
    assert r.status_code == 400 and "choose the rule" in r.text
    r = await reporter.form(
        "/report",
        {
            "kind": "message",
            "chat": shop["id"],
            "message": post["id"],
            "rule_id": RULE,
            "comment": "selling pills",
        },
    )
    assert r.status_code == 200 and "your report was sent" in r.text

    queue = (await maria.get("/console/moderation")).text
    case_id = int(re.findall(r'href="/console/moderation/cases/(\d+)"', queue)[0])
    assert "fresh pills" in queue
    filtered = (await maria.get("/console/moderation?source=automated")).text
    assert f"/console/moderation/cases/{case_id}" not in filtered
    case = (await maria.get(f"/console/moderation/cases/{case_id}")).text
    assert "selling pills" in case and "Reporter" in case and "reported" in case
    r = await maria.form(f"/console/moderation/cases/{case_id}/assign", {"to_me": "true"})
    assert r.status_code == 303
    await maria.form(f"/console/moderation/cases/{case_id}/comment", {"text": "clear sale"})
    r = await maria.form(
        f"/console/moderation/cases/{case_id}/decide",
        {"action": "remove", "rule_id": RULE, "reasons": "Sale of drugs."},
    )
    assert r.status_code == 303
    case = (await maria.get(f"/console/moderation/cases/{case_id}")).text
    assert "resolved" in case and "clear sale" in case and "Sale of drugs." in case
    history = (await api.get(seller, f"/api/v1/chats/{shop['id']}/messages")).json()
    assert post["id"] not in [m["id"] for m in history]  # removed
    outcome = (await reporter.get("/decisions")).text
    assert "remove" in outcome

    seller_web = WebUser(reporter.base_url)
    seller_web.http.cookies.set("parley_session", seller.token)
    decisions_page = (await seller_web.get("/decisions")).text
    assert "Sale of drugs." in decisions_page
    decision_id = re.findall(r'action="/decisions/(\d+)/appeal"', decisions_page)[0]
    r = await seller_web.form(f"/decisions/{decision_id}/appeal", {"text": "It was vitamins"})
    assert r.status_code == 303
    await seller_web.close()

    appeals = (await maria.get("/console/moderation/appeals")).text
    appeal_id = re.findall(r'action="/console/moderation/appeals/(\d+)/decide"', appeals)[0]
    r = await maria.form(
        f"/console/moderation/appeals/{appeal_id}/decide", {"outcome": "reverse", "reasons": "mine"}
    )
    assert r.status_code == 403 and "different moderator" in r.text
    await sam.get("/console/moderation/appeals")
    r = await sam.form(
        f"/console/moderation/appeals/{appeal_id}/decide",
        {"outcome": "reverse", "reasons": "Vitamins indeed."},
    )
    assert r.status_code == 303
    history = (await api.get(seller, f"/api/v1/chats/{shop['id']}/messages")).json()
    assert post["id"] in [m["id"] for m in history]  # restored


async def test_bulk_decision_on_a_spam_wave(web: Web, api: Api, container: Container) -> None:
    spammer = await api.signup("Spammer")
    chat = await api.create_chat(spammer, "group", "Deals", username="deals_group")
    reporter = await web("Reporter")
    await reporter.form(f"/chats/{chat['id']}/join")
    posts = [await api.send(spammer, chat["id"], f"cheap watches {i}") for i in range(3)]
    for p in posts:
        await reporter.get(f"/report?kind=message&chat={chat['id']}&message={p['id']}")
        r = await reporter.form(
            "/report",
            {
                "kind": "message",
                "chat": chat["id"],
                "message": p["id"],
                "rule_id": "spam.bulk",
            },
        )
        assert r.status_code == 200, r.text
    mod = await web("Mod")
    await grant(container, mod, Role.MODERATOR)
    queue = (await mod.get("/console/moderation")).text
    ids = re.findall(r'name="case_ids" value="(\d+)"', queue)
    assert len(ids) == 3
    r = await mod.http.post(
        "/console/moderation/bulk",
        data={
            "csrf_token": mod.csrf,
            "case_ids": ids,
            "action": "remove",
            "rule_id": "spam.bulk",
            "reasons": "spam wave",
        },
        headers={"Origin": mod.base_url},
    )
    assert r.status_code == 303 and "3 decided" in unquote(r.headers["location"])
    assert "Nothing to review" in (await mod.get("/console/moderation")).text


async def test_a_banned_account_reaches_only_its_decisions(
    web: Web, api: Api, container: Container
) -> None:
    spammer = await web("Spammer")
    spammer_id = await user_id(spammer)
    phone = (await spammer.http.get("/api/v1/me")).json()["phone"]
    mod = await web("Mod")
    await grant(container, mod, Role.MODERATOR)
    reporter = await api.signup("Reporter")
    r = await api.post(
        reporter,
        "/api/v1/reports",
        {"subject": {"user_id": spammer_id}, "rule_id": "spam.bulk", "comment": "bot"},
    )
    case_id = r.json()["case_id"]
    await mod.get(f"/console/moderation/cases/{case_id}")
    r = await mod.form(
        f"/console/moderation/cases/{case_id}/decide",
        {"action": "ban_user", "rule_id": "spam.bulk", "reasons": "Spam bot."},
    )
    assert r.status_code == 303
    r = await spammer.get("/chats")  # the ban revoked every session
    assert r.status_code == 303 and r.headers["location"].startswith("/signin")
    await spammer.sign_in(phone)  # banned accounts may still sign in, to appeal
    page = await spammer.get("/chats")
    assert page.status_code == 403 and 'href="/decisions"' in page.text
    decisions = await spammer.get("/decisions")
    assert decisions.status_code == 200 and "Spam bot." in decisions.text
    decision_id = re.findall(r'action="/decisions/(\d+)/appeal"', decisions.text)[0]
    r = await spammer.form(f"/decisions/{decision_id}/appeal", {"text": "I am a person"})
    assert r.status_code == 303
