"""The moderation workflow through the real API: report -> case -> decision -> statement of
reasons -> appeal -> reversal, and the rules around each step."""

from __future__ import annotations

import io
from typing import Any

from PIL import Image, ImageDraw

from parley.container import Container
from parley.domain.users import Role
from parley.moderation.hashes import pdq_hash
from parley.services import accounts, hash_banks
from parley.services.audit import Actor, verify_chain
from tests.helpers import Api, Person, error_code

RULE = "illegal.drugs.sale"


async def moderator(api: Api, container: Container, name: str) -> Person:
    person = await api.signup(name)
    await accounts.grant_role(container.ctx, person.id, role=Role.MODERATOR,
                              actor=Actor.system("test"))  # fmt: skip
    return person


async def public_post(api: Api, text: str) -> tuple[Person, dict[str, Any], dict[str, Any]]:
    seller = await api.signup("Seller")
    chat = await api.create_chat(seller, "channel", "Shop", username=f"shop_{seller.id}")
    return seller, chat, await api.send(seller, chat["id"], text)


async def notices(api: Api, who: Person) -> list[dict[str, Any]]:
    dialogs = (await api.get(who, "/api/v1/chats")).json()
    system = [d for d in dialogs if d["chat"]["kind"] == "private"
              and d["chat"]["title"] == "Parley"]  # fmt: skip
    if not system:
        return []
    history = (await api.get(who, f"/api/v1/chats/{system[0]['chat']['id']}/messages")).json()
    return sorted((m for m in history if m["kind"] == "text"), key=lambda m: m["id"])


async def test_report_to_decision_to_appeal_to_reversal(api: Api, container: Container) -> None:
    reporter, other = await api.signup("Reporter"), await api.signup("Other")
    maria = await moderator(api, container, "Maria")
    sam = await moderator(api, container, "Sam")
    seller, chat, post = await public_post(api, "fresh pills, discreet shipping, DM me")
    subject = {"chat_id": chat["id"], "message_id": post["id"]}

    r = await api.post(
        reporter,
        "/api/v1/reports",
        {"subject": subject, "rule_id": RULE, "comment": "selling pills"},
    )
    assert r.status_code == 201, r.text
    case_id = r.json()["case_id"]
    r2 = await api.post(other, "/api/v1/reports", {"subject": subject, "rule_id": RULE})
    assert r2.json()["case_id"] == case_id  # duplicates fold into one case
    again = await api.post(reporter, "/api/v1/reports", {"subject": subject, "rule_id": RULE})
    assert again.json()["id"] == r.json()["id"]  # reporting twice changes nothing

    queue = (await api.get(maria, "/api/v1/moderation/cases")).json()
    assert [c["id"] for c in queue] == [case_id]
    assert queue[0]["report_count"] == 2 and queue[0]["priority"] > 0
    detail = (await api.get(maria, f"/api/v1/moderation/cases/{case_id}")).json()
    assert detail["case"]["snapshot"]["message"]["text"] == post["text"]
    assert len(detail["reports"]) == 2

    r = await api.post(
        maria,
        f"/api/v1/moderation/cases/{case_id}/decide",
        {"action": "remove", "rule_id": RULE, "reasons": "Sale of pills."},
    )
    assert r.status_code == 200, r.text
    decision = r.json()
    statement = decision["statement"]
    assert statement["rule"]["id"] == RULE
    assert statement["decision_visibility"] == ["DECISION_VISIBILITY_CONTENT_REMOVED"]
    assert statement["automated_decision"] == "AUTOMATED_DECISION_NOT_AUTOMATED"
    assert statement["source_type"] == "SOURCE_ARTICLE_16"
    assert "appeal" in statement["how_to_appeal"]

    history = (await api.get(other, f"/api/v1/chats/{chat['id']}/messages")).json()
    assert post["id"] not in [m["id"] for m in history]  # removed for everyone
    told = await notices(api, seller)
    assert told and told[-1]["text"].startswith("Your content was removed")
    r = await api.post(seller, f"/api/v1/chats/{told[-1]['chat_id']}/messages", {"text": "hi?"})
    assert r.status_code == 403  # the notices chat is read-only
    assert any("we acted on it" in m["text"].lower() for m in await notices(api, reporter))
    mine = (await api.get(reporter, "/api/v1/me/reports")).json()
    assert mine[0]["outcome"] == "remove"
    violations = await container.db.read(lambda tx: tx.violations.for_user(seller.id))
    assert [(v.rule_id, v.decision_id) for v in violations] == [(RULE, decision["id"])]

    r = await api.post(
        seller,
        f"/api/v1/decisions/{decision['id']}/appeal",
        {"text": "It was a joke about vitamins."},
    )
    assert r.status_code == 201, r.text
    appeal_id = r.json()["id"]
    r = await api.post(seller, f"/api/v1/decisions/{decision['id']}/appeal", {"text": "again"})
    assert r.status_code == 409 and error_code(r) == "already_appealed"
    r = await api.post(
        maria,
        f"/api/v1/moderation/appeals/{appeal_id}/decide",
        {"outcome": "reverse", "reasons": "mine"},
    )
    assert r.status_code == 403 and error_code(r) == "same_moderator"
    r = await api.post(
        sam,
        f"/api/v1/moderation/appeals/{appeal_id}/decide",
        {"outcome": "reverse", "reasons": "Vitamins are legal; a misread."},
    )
    assert r.status_code == 200 and r.json()["state"] == "reversed"

    history = (await api.get(other, f"/api/v1/chats/{chat['id']}/messages")).json()
    assert post["id"] in [m["id"] for m in history]  # restored
    assert await container.db.read(lambda tx: tx.violations.for_user(seller.id)) == []
    assert "appeal was accepted" in (await notices(api, seller))[-1]["text"]
    assert verify_chain(container.db).ok


async def test_moderation_needs_the_role_and_valid_input(api: Api, container: Container) -> None:
    user = await api.signup("Plain")
    maria = await moderator(api, container, "Maria")
    _, chat, post = await public_post(api, "hello")
    assert (await api.get(user, "/api/v1/moderation/cases")).status_code == 403
    r = await api.post(user, "/api/v1/reports", {"subject": {"chat_id": chat["id"],
                       "message_id": post["id"]}, "rule_id": "no.such.rule"})  # fmt: skip
    assert r.status_code == 400 and error_code(r) == "unknown_rule"
    r = await api.post(user, "/api/v1/reports", {"subject": {"user_id": user.id}, "rule_id": RULE})
    assert r.status_code == 400
    r = await api.post(user, "/api/v1/reports", {"subject": {}, "rule_id": RULE})
    assert r.status_code == 422
    r = await api.post(user, "/api/v1/reports", {"subject": {"chat_id": chat["id"],
                       "message_id": post["id"]}, "rule_id": RULE})  # fmt: skip
    case_id = r.json()["case_id"]
    r = await api.post(
        user, f"/api/v1/moderation/cases/{case_id}/decide", {"action": "remove", "rule_id": RULE}
    )
    assert r.status_code == 403
    r = await api.post(
        maria,
        f"/api/v1/moderation/cases/{case_id}/decide",
        {"action": "delist_chat", "rule_id": "bogus"},
    )
    assert r.status_code == 400
    r = await api.post(
        maria, f"/api/v1/moderation/cases/{case_id}/decide", {"action": "explode", "rule_id": RULE}
    )
    assert r.status_code == 422
    r = await api.post(
        maria,
        f"/api/v1/moderation/cases/{case_id}/decide",
        {"action": "none", "rule_id": RULE, "reasons": "fine"},
    )
    assert r.status_code == 200
    r = await api.post(
        maria, f"/api/v1/moderation/cases/{case_id}/decide", {"action": "remove", "rule_id": RULE}
    )
    assert r.status_code == 409 and error_code(r) == "case_resolved"


async def test_private_messages_reach_moderators_only_when_reported(
    api: Api, container: Container
) -> None:
    alice, bob, eve = await api.signup("A"), await api.signup("B"), await api.signup("E")
    r = await api.post(alice, "/api/v1/chats/private", {"user_id": bob.id})
    chat_id = r.json()["id"]
    msg = await api.send(bob, chat_id, "buy my stolen card dumps")
    subject = {"chat_id": chat_id, "message_id": msg["id"]}
    r = await api.post(eve, "/api/v1/reports", {"subject": subject, "rule_id": RULE})
    assert r.status_code == 404  # an outsider cannot report (or learn about) a private chat
    assert await container.scanner.catch_up() >= 1
    assert await container.db.read(lambda tx: tx.cases.count_by_state()) == {}  # never scanned
    r = await api.post(
        alice, "/api/v1/reports", {"subject": subject, "rule_id": "illegal.stolen_data.sale"}
    )
    assert r.status_code == 201


async def test_ban_signs_out_and_leaves_only_the_appeal(api: Api, container: Container) -> None:
    maria = await moderator(api, container, "Maria")
    sam = await moderator(api, container, "Sam")
    reporter = await api.signup("R")
    troll = await api.signup("Troll", phone="+9996620999")
    r = await api.post(
        reporter, "/api/v1/reports", {"subject": {"user_id": troll.id}, "rule_id": "spam.bulk"}
    )
    case_id = r.json()["case_id"]
    r = await api.post(
        maria,
        f"/api/v1/moderation/cases/{case_id}/decide",
        {"action": "ban_user", "rule_id": "spam.bulk", "reasons": "bulk spam"},
    )
    decision_id = r.json()["id"]
    assert (await api.get(troll, "/api/v1/me")).status_code == 401  # sessions revoked
    again = await api.signup("Troll", phone="+9996620999")
    r = await api.get(again, "/api/v1/chats")
    assert r.status_code == 403 and error_code(r) == "account_banned"
    mine = (await api.get(again, "/api/v1/me/decisions")).json()
    assert mine[0]["statement"]["decision_account"] == "DECISION_ACCOUNT_TERMINATED"
    r = await api.post(again, f"/api/v1/decisions/{decision_id}/appeal", {"text": "not spam"})
    assert r.status_code == 201
    await api.post(
        sam,
        f"/api/v1/moderation/appeals/{r.json()['id']}/decide",
        {"outcome": "reverse", "reasons": "one message is not bulk"},
    )
    assert (await api.get(again, "/api/v1/chats")).status_code == 200


async def test_strikes_escalate_to_restriction(api: Api, container: Container) -> None:
    container.settings.strikes_to_restrict = 2
    maria = await moderator(api, container, "Maria")
    reporter = await api.signup("R")
    seller, chat, _ = await public_post(api, "first")
    for i in range(2):
        post = await api.send(seller, chat["id"], f"offer {i}")
        r = await api.post(reporter, "/api/v1/reports",
                           {"subject": {"chat_id": chat["id"], "message_id": post["id"]},
                            "rule_id": RULE})  # fmt: skip
        await api.post(
            maria,
            f"/api/v1/moderation/cases/{r.json()['case_id']}/decide",
            {"action": "remove", "rule_id": RULE, "reasons": "sale"},
        )
    me = (await api.get(seller, "/api/v1/me")).json()
    assert me["status"] == "restricted"
    r = await api.post(seller, f"/api/v1/chats/{chat['id']}/messages", {"text": "more"})
    assert r.status_code == 403 and error_code(r) == "account_restricted"
    kinds = [(d["action"], d["automated"]) for d in
             (await api.get(seller, "/api/v1/me/decisions")).json()]  # fmt: skip
    assert ("restrict_user", True) in kinds


async def test_queue_orders_by_priority_and_bulk_decides(api: Api, container: Container) -> None:
    maria = await moderator(api, container, "Maria")
    reporters = [await api.signup(f"R{i}") for i in range(3)]
    _, chat, low = await public_post(api, "one report")
    _, chat2, high = await public_post(api, "three reports")
    await api.post(reporters[0], "/api/v1/reports", {"subject": {"chat_id": chat["id"],
                   "message_id": low["id"]}, "rule_id": "spam.bulk"})  # fmt: skip
    for r in reporters:
        await api.post(r, "/api/v1/reports", {"subject": {"chat_id": chat2["id"],
                       "message_id": high["id"]}, "rule_id": RULE})  # fmt: skip
    queue = (await api.get(maria, "/api/v1/moderation/cases")).json()
    assert queue[0]["snapshot"]["message"]["text"] == "three reports"
    r = await api.post(maria, "/api/v1/moderation/cases/decide",
                       {"case_ids": [c["id"] for c in queue] + [999999], "action": "none",
                        "rule_id": RULE, "reasons": "not a sale"})  # fmt: skip
    assert [o["error"] for o in r.json()] == [None, None, "case_not_found"]
    assert (await api.get(maria, "/api/v1/moderation/cases")).json() == []


async def test_transparency_counts_moderation_and_exports_statements(
    api: Api, container: Container
) -> None:
    maria = await moderator(api, container, "Maria")
    sam = await moderator(api, container, "Sam")
    reporter = await api.signup("R")
    seller, chat, post = await public_post(api, "pills for sale")
    _, chat2, post2 = await public_post(api, "spam spam spam")
    r = await api.post(reporter, "/api/v1/reports", {"subject": {"chat_id": chat["id"],
                       "message_id": post["id"]}, "rule_id": RULE})  # fmt: skip
    await api.post(reporter, "/api/v1/reports", {"subject": {"chat_id": chat2["id"],
                   "message_id": post2["id"]}, "rule_id": "spam.bulk"})  # fmt: skip
    d = (
        await api.post(
            maria,
            f"/api/v1/moderation/cases/{r.json()['case_id']}/decide",
            {"action": "remove", "rule_id": RULE, "reasons": "sale"},
        )
    ).json()
    appeal = (await api.post(seller, f"/api/v1/decisions/{d['id']}/appeal",
                             {"text": "please"})).json()  # fmt: skip
    await api.post(
        sam,
        f"/api/v1/moderation/appeals/{appeal['id']}/decide",
        {"outcome": "reverse", "reasons": "mistake"},
    )
    report = (await api.http.get("/transparency.json")).json()["moderation"]
    assert report["available"] is True
    assert report["notices_by_category"] == {"drugs": 1, "spam": 1}
    assert report["actions_by_type"] == {"remove": 1}
    assert (report["decisions_human"], report["decisions_automated"]) == (1, 0)
    assert (report["appeals"], report["reversals"]) == (1, 1)
    assert report["median_seconds_to_act"] is not None
    exported = (await api.http.get("/transparency/statements.json")).json()["statements"]
    assert len(exported) == 1
    assert exported[0]["puid"] == f"parley-decision-{d['id']}"
    assert exported[0]["category"] == "STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS"
    assert exported[0]["decision_ground"] == "DECISION_GROUND_INCOMPATIBLE_CONTENT"
    assert "seller" not in str(exported).lower()  # no personal data in the export


async def test_known_bad_photo_posted_in_public_is_removed(api: Api, container: Container) -> None:
    """Hash banks match what was uploaded; the post is removed only when it reaches a public
    chat (the scanner never reads private ones), and the author gets a strike."""
    image = Image.new("RGB", (400, 300), "white")
    draw = ImageDraw.Draw(image)
    for i in range(0, 400, 16):
        draw.line((i, 0, 400 - i, 300), fill=(i % 255, 90, 255 - i % 255), width=6)
    buf = io.BytesIO()
    image.save(buf, "PNG")
    picture = buf.getvalue()
    await hash_banks.import_bank(
        container.ctx, f"hash,category,source,kind\n{pdq_hash(picture).hex},weapons,ncmec-x,pdq\n",
        bank="known-bad", actor=Actor.system("test"),
    )  # fmt: skip
    seller, chat, _ = await public_post(api, "catalogue")
    buyer = await api.signup("Buyer")
    r = await api.http.post("/api/v1/media", headers=seller.headers, data={"kind": "photo"},
                            files={"file": ("gun.png", picture, "image/png")})  # fmt: skip
    assert r.status_code == 201, r.text
    file_id = r.json()["sizes"][-1]["file_id"]
    dm = (await api.post(seller, "/api/v1/chats/private", {"user_id": buyer.id})).json()
    private_post = await api.post(seller, f"/api/v1/chats/{dm['id']}/messages",
                                  {"text": "", "file_id": file_id})  # fmt: skip
    public = await api.post(seller, f"/api/v1/chats/{chat['id']}/messages",
                            {"text": "new in", "file_id": file_id})  # fmt: skip
    assert private_post.status_code == public.status_code == 200, public.text
    await container.scanner.catch_up()
    cases = await container.db.read(lambda tx: tx.cases.queue(states=("open",)))
    assert len(cases) == 1 and cases[0].subject.chat_id == chat["id"]
    decisions = await container.db.read(lambda tx: tx.decisions.for_case(cases[0].id))
    assert [(d.action, d.automated) for d in decisions] == [("remove", True)]
    violations = await container.db.read(lambda tx: tx.violations.for_user(seller.id))
    assert [v.category for v in violations] == ["weapons"]
    history = (await api.get(buyer, f"/api/v1/chats/{chat['id']}/messages")).json()
    assert public.json()["message"]["id"] not in [m["id"] for m in history]


async def test_moderation_takes_effect_in_search_at_once(api: Api, container: Container) -> None:
    """The scanner's automatic quarantine, and a moderator's decision on a report, hide content
    from global search before they return — whatever the index holds."""
    maria = await moderator(api, container, "Maria")
    searcher, reporter = await api.signup("Searcher"), await api.signup("Reporter")
    seller, chat, ad = await public_post(
        api, "c0ca1ne 90% pure, lanternfish stealth post, pay in BTC only"
    )
    other = await api.send(seller, chat["id"], "lanternfish recipes for the weekend")
    assert container.search.indexer is not None
    await container.search.indexer.catch_up()

    async def found() -> set[int]:
        r = await api.get(searcher, "/api/v1/search", q="lanternfish", scope="global")
        assert r.status_code == 200, r.text
        return {x["message"]["id"] for x in r.json()["results"] if x["kind"] == "message"}

    assert await found() == {ad["id"], other["id"]}
    await container.scanner.catch_up()  # the detector quarantines the ad
    assert await found() == {other["id"]}
    r = await api.post(reporter, "/api/v1/reports", {"subject": {"chat_id": chat["id"],
                       "message_id": other["id"]}, "rule_id": "spam.bulk"})  # fmt: skip
    await api.post(
        maria,
        f"/api/v1/moderation/cases/{r.json()['case_id']}/decide",
        {"action": "delist_chat", "rule_id": "spam.bulk", "reasons": "spam shop"},
    )
    assert await found() == set()  # the chat is out of search, the index untouched
