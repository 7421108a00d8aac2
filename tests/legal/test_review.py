"""Two-officer review and disclosure: nothing leaves before two different legal officers
agree; the package holds exactly what was approved and verifies under the published key."""

from __future__ import annotations

import base64
from datetime import timedelta
from typing import Any

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from parley.domain.users import Role
from parley.services import accounts, legal
from parley.services.audit import Actor
from parley.services.legal.review import overdue_rereviews
from tests.helpers import error_code
from tests.legal.conftest import VIOLATOR_IP, World, rfc3339


def verify_package(package: dict[str, Any], public_key_b64: str) -> bool:
    """Check a package the way an authority would, with `cryptography` and `rfc8785` only."""
    import rfc8785

    raw = base64.urlsafe_b64decode(public_key_b64 + "=" * (-len(public_key_b64) % 4))
    signature = package["signature"]
    sig = base64.urlsafe_b64decode(signature + "=" * (-len(signature) % 4))
    body = {k: v for k, v in package.items() if k != "signature"}
    try:
        Ed25519PublicKey.from_public_bytes(raw).verify(sig, rfc8785.dumps(body))
    except Exception:
        return False
    return True


async def submit_ok(world: World, targets: list[dict[str, Any]], **changes: Any) -> int:
    r = await world.authority.submit(world.authority.signed(targets, **changes))
    assert r.status_code == 202, r.text
    return int(r.json()["id"])


async def test_release_needs_two_distinct_officers_and_the_package_verifies(
    world: World,
) -> None:
    pk = await submit_ok(world, [{"username": "dealer_one"}])
    a, b = world.officer_a, world.officer_b
    queue = await world.console(a, "GET", "/requests")
    assert [q["id"] for q in queue.json()] == [pk]
    detail = (await world.console(a, "GET", f"/requests/{pk}")).json()
    assert detail["target_details"][0]["status"] == "eligible"
    assert detail["target_details"][0]["violations"][0]["category"] == "drugs"
    world.assert_nothing_disclosed()  # officers see eligibility, not the data

    # Confirming before approval, or approving twice, is refused.
    assert (await world.console(a, "POST", f"/requests/{pk}/confirm")).status_code == 409
    r = await world.console(a, "POST", f"/requests/{pk}/approve", {"release": [0]})
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "approved"
    assert (await world.authority.package(pk)).status_code == 409
    same = await world.console(a, "POST", f"/requests/{pk}/confirm")
    assert same.status_code == 403 and error_code(same) == "same_officer"
    assert (await world.authority.package(pk)).status_code == 409
    world.assert_nothing_disclosed()

    r = await world.console(b, "POST", f"/requests/{pk}/confirm")
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "released" and r.json()["outcome"] == "full"
    status = (await world.authority.status(pk)).json()
    assert status["status"] == "released"
    assert status["package_url"] == f"/legal/v1/requests/{pk}/package"

    r = await world.authority.package(pk)
    assert r.status_code == 200
    package = r.json()
    key = (await world.api.http.get("/legal/v1/platform-key")).json()
    assert package["signing_key"] == {"algorithm": "Ed25519", "key_id": key["key_id"]}
    assert verify_package(package, key["public_key"])
    tampered = {**package, "data_released": ["phone_number"]}
    assert not verify_package(tampered, key["public_key"])

    assert package["request"]["id"] == pk
    (target,) = package["targets"]
    assert target["phone_number"] == world.violator.phone
    ips = {rec["ip"] for rec in target["ip_addresses"]}
    assert ips == {"127.0.0.1", VIOLATOR_IP}
    for rec in target["ip_addresses"]:
        assert package["period"]["from"] <= rec["first_seen"] <= rec["last_seen"]
        assert rec["last_seen"] <= package["period"]["to"]
    assert target["violations"][0]["rule_id"] == "illegal.drugs.sale"
    assert set(target) == {"index", "target", "phone_number", "ip_addresses", "violations"}

    trail = await world.container.db.read(lambda tx: tx.audit.for_subject("legal_request", str(pk)))
    actions = [e.action for e in trail]
    for step in (
        "legal.request.approve",
        "legal.request.confirm",
        "legal.request.release",
        "legal.package.retrieve",
        "legal.notice.sent",
    ):
        assert step in actions
    access = await world.container.db.read(
        lambda tx: tx.audit.for_subject("user", str(world.violator.id))
    )
    assert [e.action for e in access] == ["personal_data.access"]
    assert access[0].data == {
        "purpose": f"legal_request:{pk}",
        "fields": ["phone_number", "ip_addresses"],
        "ip_records": 2,
    }
    # Nothing of the package is stored in the clear.
    assert VIOLATOR_IP.encode() not in world.raw_store_bytes()


async def test_only_legal_officers_use_the_console(world: World) -> None:
    pk = await submit_ok(world, [{"username": "dealer_one"}])
    admin = await world.api.signup("Admin", username="the_admin")
    await accounts.grant_role(world.ctx, admin.id, role=Role.ADMIN, actor=Actor.system("t"))
    for who in (world.innocent, admin):
        r = await world.console(who, "GET", "/requests")
        assert r.status_code == 403 and error_code(r) == "role_required"
        r = await world.console(who, "POST", f"/requests/{pk}/approve", {"release": [0]})
        assert r.status_code == 403
    assert (await world.api.http.get("/api/v1/legal/requests")).status_code == 401


async def test_an_officer_never_sees_or_acts_on_a_request_about_themselves(
    world: World,
) -> None:
    a, b = world.officer_a, world.officer_b
    await world.add_violation(a.id, "drugs")
    pk = await submit_ok(world, [{"username": "officer_a"}])
    assert (await world.console(a, "GET", "/requests")).json() == []
    assert (await world.console(a, "GET", f"/requests/{pk}")).status_code == 404
    for action, body in (
        ("approve", {"release": [0]}),
        ("reject", {"reason": "mine"}),
        ("confirm", None),
    ):
        r = await world.console(a, "POST", f"/requests/{pk}/{action}", body)
        assert r.status_code == 404
    assert (
        await world.console(b, "POST", f"/requests/{pk}/approve", {"release": [0]})
    ).status_code == 200
    # B approved; A is the only other officer and may not confirm: it stays unreleased.
    r = await world.console(a, "POST", f"/requests/{pk}/confirm")
    assert r.status_code == 404
    assert (await world.authority.package(pk)).status_code == 409


async def test_reject_with_reason_tells_the_authority_and_releases_nothing(world: World) -> None:
    pk = await submit_ok(world, [{"username": "dealer_one"}])
    a, b = world.officer_a, world.officer_b
    assert (
        await world.console(a, "POST", f"/requests/{pk}/approve", {"release": [0]})
    ).status_code == 200
    empty = await world.console(b, "POST", f"/requests/{pk}/reject", {"reason": " "})
    assert empty.status_code == 400
    r = await world.console(
        b, "POST", f"/requests/{pk}/reject", {"reason": "The order does not name this account."}
    )
    assert r.status_code == 200 and r.json()["status"] == "refused"
    status = (await world.authority.status(pk)).json()
    assert status["status"] == "refused"
    assert status["decision_reason"] == "The order does not name this account."
    assert status["targets"][0]["status"] == "withheld"
    assert (await world.authority.package(pk)).status_code == 409
    assert (await world.console(a, "POST", f"/requests/{pk}/confirm")).status_code == 409
    world.assert_nothing_disclosed()


async def test_partial_release_per_target_and_narrowed_data(world: World) -> None:
    second = await world.api.signup("Second dealer", username="dealer_two")
    await world.add_violation(second.id, "drugs")
    pk = await submit_ok(
        world,
        [{"username": "dealer_one"}, {"username": "dealer_two"}, {"username": "innocent_one"}],
    )
    a, b = world.officer_a, world.officer_b
    missing = await world.console(a, "POST", f"/requests/{pk}/approve", {"release": [0]})
    assert error_code(missing) == "withhold_reason_required"
    ineligible = await world.console(a, "POST", f"/requests/{pk}/approve", {"release": [2]})
    assert error_code(ineligible) == "invalid_release"
    widened = await world.console(
        a, "POST", f"/requests/{pk}/approve", {"release": [0, 1], "data": ["contacts"]}
    )
    assert error_code(widened) == "data_widened"
    r = await world.console(
        a,
        "POST",
        f"/requests/{pk}/approve",
        {
            "release": [0],
            "data": ["ip_addresses"],
            "withhold": {"1": "Not named in the order's operative part."},
        },
    )
    assert r.status_code == 200, r.text
    r = await world.console(b, "POST", f"/requests/{pk}/confirm")
    assert r.json()["outcome"] == "partial"
    package = (await world.authority.package(pk)).json()
    assert [t["index"] for t in package["targets"]] == [0]
    assert "phone_number" not in package["targets"][0]
    assert package["data_released"] == ["ip_addresses"]
    assert {w["index"]: w["reason"] for w in package["withheld"]} == {
        1: "Not named in the order's operative part.",
        2: "no_matching_violation",
    }
    assert world.violator.phone not in str(package) and second.phone not in str(package)
    status = (await world.authority.status(pk)).json()
    assert [t["status"] for t in status["targets"]] == ["released", "withheld", "ineligible"]


async def test_violation_voided_before_confirmation_is_not_released(world: World) -> None:
    pk = await submit_ok(world, [{"username": "dealer_one"}])
    a, b = world.officer_a, world.officer_b
    await world.console(a, "POST", f"/requests/{pk}/approve", {"release": [0]})
    request = await world.container.db.read(lambda tx: tx.legal.get(pk))
    assert request is not None
    (violation_id,) = request.targets[0].violation_ids
    violation = await world.container.db.read(lambda tx: tx.violations.get(violation_id))
    assert violation is not None
    await world.container.db.write(
        lambda tx: tx.violations.void_for_decision(
            violation.decision_id, at=world.clock.now(), reason="reversed on appeal"
        )
    )
    r = await world.console(b, "POST", f"/requests/{pk}/confirm")
    assert r.json()["status"] == "refused" and r.json()["refusal_reason"] == "no_eligible_target"
    assert (await world.authority.package(pk)).status_code == 409
    world.assert_nothing_disclosed()


async def test_key_revoked_while_queued_blocks_release(world: World) -> None:
    pk = await submit_ok(world, [{"username": "dealer_one"}])
    a, b = world.officer_a, world.officer_b
    await world.console(a, "POST", f"/requests/{pk}/approve", {"release": [0]})
    await legal.revoke_key(
        world.ctx,
        world.authority.id,
        actor=Actor.system("test"),
        key_id=world.authority.key_id,
        reason="reported stolen",
    )
    r = await world.console(b, "POST", f"/requests/{pk}/confirm")
    assert r.json()["status"] == "refused"
    assert r.json()["refusal_reason"] == "key_revoked_before_release"
    assert (await world.authority.package(pk)).status_code == 409
    world.assert_nothing_disclosed()


def _emergency(world: World) -> dict[str, Any]:
    return {
        "type": "emergency",
        "reference": "EDR-7",
        "issued_at": rfc3339(world.clock.now()),
        "issued_by": "Duty officer, LKA Berlin",
    }


async def test_emergency_requests_come_first_and_are_rereviewed_within_72_hours(
    world: World,
) -> None:
    ordinary = await submit_ok(world, [{"username": "dealer_one"}])
    world.clock.advance(minutes=1)
    urgent = await submit_ok(
        world,
        [{"username": "dealer_one"}],
        legal_basis=_emergency(world),
        emergency_justification="Credible threat to life, sale of "
        "fentanyl to a minor arranged for tonight.",
    )
    a, b = world.officer_a, world.officer_b
    queue = (await world.console(a, "GET", "/requests")).json()
    assert [q["id"] for q in queue] == [urgent, ordinary]
    assert queue[0]["emergency"] and queue[0]["due_at"] < queue[1]["due_at"]
    assert queue[0]["rereview_due_at"] is not None and queue[1]["rereview_due_at"] is None
    by_received = (await world.console(a, "GET", "/requests?sort=received")).json()
    assert [q["id"] for q in by_received] == [ordinary, urgent]
    assert (await world.console(a, "GET", "/requests?sort=sideways")).status_code == 400

    await world.console(a, "POST", f"/requests/{urgent}/approve", {"release": [0]})
    assert (await world.console(b, "POST", f"/requests/{urgent}/confirm")).status_code == 200
    assert (await world.console(a, "GET", "/rereviews?overdue=true")).json() == []
    world.clock.advance(hours=73)
    overdue = await overdue_rereviews(world.ctx)
    assert [r.id for r in overdue] == [urgent]
    listed = (await world.console(a, "GET", "/rereviews?overdue=true")).json()
    assert [r["id"] for r in listed] == [urgent]
    # The officers who released it may not re-review it.
    for who in (a, b):
        r = await world.console(who, "POST", f"/requests/{urgent}/rereview", {"outcome": "upheld"})
        assert r.status_code == 403 and error_code(r) == "independent_rereview_required"
    c = await world.officer("Officer C", "officer_c")
    no_note = await world.console(
        c, "POST", f"/requests/{urgent}/rereview", {"outcome": "not_upheld"}
    )
    assert no_note.status_code == 400
    r = await world.console(
        c,
        "POST",
        f"/requests/{urgent}/rereview",
        {"outcome": "not_upheld", "note": "No follow-up court order."},
    )
    assert r.status_code == 200 and r.json()["rereview"] == "not_upheld"
    assert await overdue_rereviews(world.ctx) == []
    again = await world.console(c, "POST", f"/requests/{urgent}/rereview", {"outcome": "upheld"})
    assert again.status_code == 409


async def test_emergency_not_upheld_while_open_is_refused(world: World) -> None:
    urgent = await submit_ok(
        world,
        [{"username": "dealer_one"}],
        legal_basis=_emergency(world),
        emergency_justification="Imminent threat.",
    )
    r = await world.console(
        world.officer_a,
        "POST",
        f"/requests/{urgent}/rereview",
        {
            "outcome": "not_upheld",
            "note": "The caller could not be verified through the agency's switchboard.",
        },
    )
    assert r.json()["status"] == "refused"
    assert r.json()["refusal_reason"] == "emergency_not_upheld"
    assert (await world.authority.package(urgent)).status_code == 409
    world.assert_nothing_disclosed()


async def test_authority_registry_for_admins(world: World, http: httpx.AsyncClient) -> None:
    admin = await world.api.signup("Admin", username="the_admin")
    await accounts.grant_role(world.ctx, admin.id, role=Role.ADMIN, actor=Actor.system("t"))
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    pem = (
        Ed25519PrivateKey.generate()
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    body = {
        "id": "us-fbi",
        "name": "FBI",
        "country": "US",
        "kind": "police",
        "contact": "leo@example.gov",
        "keys": [
            {
                "key_id": "2026-a",
                "public_key": pem,
                "valid_from": rfc3339(world.clock.now() - timedelta(days=1)),
            }
        ],
    }
    r = await world.console(admin, "POST", "/authorities", body)
    assert r.status_code == 201, r.text
    assert r.json()["api_key"].startswith("plk_")
    assert r.json()["authority"]["keys"][0]["fingerprint"].startswith("ed25519:")
    assert (await world.console(admin, "POST", "/authorities", body)).status_code == 409
    bad = await world.console(admin, "POST", "/authorities", {**body, "id": "x-y", "country": "XX"})
    assert bad.status_code == 400 and error_code(bad) == "invalid_country"
    r = await world.console(
        admin, "POST", "/authorities/us-fbi/keys/2026-a/revoke", {"reason": "rotated"}
    )
    assert r.json()["keys"][0]["revoked_at"] is not None
    listed = (await world.console(admin, "GET", "/authorities")).json()
    assert {a["id"] for a in listed} == {"de-bka", "us-fbi"}
    assert (await world.console(world.officer_a, "GET", "/authorities")).status_code == 403
    entries = await world.container.db.read(
        lambda tx: tx.audit.for_subject("legal_authority", "us-fbi")
    )
    assert [e.action for e in entries] == ["legal.authority.register", "legal.authority.key_revoke"]
