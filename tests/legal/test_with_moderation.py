"""End to end with the real moderation workflow: a moderator's decision creates the violation
that makes an account disclosable, and a reversal on appeal takes that away again."""

from __future__ import annotations

from parley.domain.users import Role
from parley.services import accounts
from parley.services.audit import Actor, verify_chain
from tests.helpers import Person
from tests.legal.conftest import World

RULE = "illegal.drugs.sale"


async def moderator(world: World, name: str, username: str) -> Person:
    person = await world.api.signup(name, username=username)
    await accounts.grant_role(world.ctx, person.id, role=Role.MODERATOR, actor=Actor.system("test"))
    return person


async def test_decision_makes_disclosable_and_reversal_undoes_it(world: World) -> None:
    api = world.api
    seller = await api.signup("Seller", username="pill_seller")
    chat = await api.create_chat(seller, "channel", "Pharmacy", username="pharma_shop")
    post = await api.send(seller, chat["id"], "fresh pills, discreet shipping, DM me")
    maria = await moderator(world, "Maria", "maria_mod")
    sam = await moderator(world, "Sam", "sam_mod")
    auth = world.authority
    target = [{"chat": "pharma_shop", "message_id": post["id"]}]
    world.transcript.clear()  # sign-up answers carry each person's own number

    # Before any decision the seller is not disclosable.
    r = await auth.submit(auth.signed(target))
    assert r.status_code == 400
    assert r.json()["error"]["details"]["targets"][0]["reason"] == "no_matching_violation"

    report = await api.post(
        world.innocent,
        "/api/v1/reports",
        {"subject": {"chat_id": chat["id"], "message_id": post["id"]}, "rule_id": RULE},
    )
    assert report.status_code == 201, report.text
    decided = await api.post(
        maria,
        f"/api/v1/moderation/cases/{report.json()['case_id']}/decide",
        {"action": "remove", "rule_id": RULE, "reasons": "Sale of pills."},
    )
    assert decided.status_code == 200, decided.text
    decision_id = decided.json()["id"]

    r = await auth.submit(auth.signed(target))
    assert r.status_code == 202, r.text
    pk = r.json()["id"]
    a, b = world.officer_a, world.officer_b
    assert (
        await world.console(a, "POST", f"/requests/{pk}/approve", {"release": [0]})
    ).status_code == 200

    # The seller appeals before the second officer confirms; another moderator reverses it.
    appeal = await api.post(
        seller, f"/api/v1/decisions/{decision_id}/appeal", {"text": "Vitamins, not pills."}
    )
    assert appeal.status_code == 201, appeal.text
    reversed_ = await api.post(
        sam,
        f"/api/v1/moderation/appeals/{appeal.json()['id']}/decide",
        {"outcome": "reverse", "reasons": "Vitamins are legal."},
    )
    assert reversed_.status_code == 200, reversed_.text

    r = await world.console(b, "POST", f"/requests/{pk}/confirm")
    assert r.json()["status"] == "refused"
    assert r.json()["refusal_reason"] == "no_eligible_target"
    assert (await auth.package(pk)).status_code == 409
    assert seller.phone not in str(world.transcript)
    assert verify_chain(world.container.db).ok
