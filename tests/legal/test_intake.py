"""The authority API's intake: a valid request is queued; every forged, stale, overbroad or
ineligible one is refused with the right reason, recorded, and discloses nothing."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from parley.services import legal
from parley.services.audit import Actor
from tests.helpers import error_code
from tests.legal.conftest import World, b64url, raw_public, rfc3339, sign


async def test_valid_request_is_queued_with_every_check_recorded(world: World) -> None:
    auth = world.authority
    r = await auth.submit(auth.signed([{"username": "dealer_one"}]))
    assert r.status_code == 202, r.text
    body = r.json()
    assert body["status"] == "pending_review"
    assert [c["check"] for c in body["checks"]] == [
        "credentials",
        "signature",
        "envelope",
        "replay",
        "legal_basis",
        "offence",
        "data_requested",
        "period",
        "nondisclosure",
        "targets",
    ]
    assert all(c["passed"] for c in body["checks"])
    assert body["targets"] == [
        {
            "index": 0,
            "target": {"username": "dealer_one"},
            "status": "eligible",
            "reason": None,
            "released": [],
        }
    ]
    assert body["package_url"] is None
    status = await auth.status(body["id"])
    assert status.status_code == 200 and status.json()["status"] == "pending_review"
    package = await auth.package(body["id"])
    assert package.status_code == 409 and error_code(package) == "package_not_available"
    trail = await world.container.db.read(
        lambda tx: tx.audit.for_subject("legal_request", str(body["id"]))
    )
    actions = [e.action for e in trail]
    assert actions[0] == "legal.request.received" and actions[-1] == "legal.request.queued"
    assert actions.count("legal.request.check") == 11  # ten checks and one target
    world.assert_nothing_disclosed()


def _other_key_signed(world: World, env: dict[str, Any]) -> dict[str, Any]:
    return sign(env, Ed25519PrivateKey.generate())


def _tampered(world: World, env: dict[str, Any]) -> dict[str, Any]:
    signed = sign(env, world.authority.key)
    signed["data_requested"] = ["phone_number"]  # narrower, still not what was signed
    return signed


REFUSALS: list[tuple[str, Any, int, str, str]] = [
    # (name, how to build the request, status, error code, refusal reason)
    (
        "forged signature",
        lambda w: _other_key_signed(w, w.authority.envelope([{"username": "dealer_one"}])),
        403,
        "request_not_authentic",
        "signature_invalid",
    ),
    (
        "tampered after signing",
        lambda w: _tampered(w, w.authority.envelope([{"username": "dealer_one"}])),
        403,
        "request_not_authentic",
        "signature_invalid",
    ),
    (
        "unknown key id",
        lambda w: w.authority.signed([{"username": "dealer_one"}], key_id="nope"),
        403,
        "request_not_authentic",
        "key_unknown",
    ),
    (
        "speech-only offence",
        lambda w: w.authority.signed(
            [{"username": "ranter_one"}],
            offence={"category": "hate_speech", "description": "insults"},
        ),
        400,
        "request_refused",
        "offence_not_disclosable",
    ),
    (
        "unknown offence category",
        lambda w: w.authority.signed(
            [{"username": "dealer_one"}], offence={"category": "jaywalking", "description": ""}
        ),
        400,
        "request_refused",
        "offence_category_unknown",
    ),
    (
        "target without violation",
        lambda w: w.authority.signed([{"username": "innocent_one"}]),
        400,
        "request_refused",
        "no_eligible_target",
    ),
    (
        "target that does not exist",
        lambda w: w.authority.signed([{"username": "nobody_here"}]),
        400,
        "request_refused",
        "no_eligible_target",
    ),
    (
        "message content requested",
        lambda w: w.authority.signed(
            [{"username": "dealer_one"}], data_requested=["phone_number", "message_content"]
        ),
        400,
        "request_refused",
        "data_not_disclosable",
    ),
    (
        "contacts requested",
        lambda w: w.authority.signed([{"username": "dealer_one"}], data_requested=["contacts"]),
        400,
        "request_refused",
        "data_not_disclosable",
    ),
    (
        "period too long",
        lambda w: w.authority.signed(
            [{"username": "dealer_one"}],
            period={
                "from": rfc3339(w.clock.now() - timedelta(days=181)),
                "to": rfc3339(w.clock.now()),
            },
        ),
        400,
        "request_refused",
        "period_too_long",
    ),
    (
        "period in the future",
        lambda w: w.authority.signed(
            [{"username": "dealer_one"}],
            period={
                "from": rfc3339(w.clock.now() - timedelta(days=1)),
                "to": rfc3339(w.clock.now() + timedelta(days=30)),
            },
        ),
        400,
        "request_refused",
        "period_in_future",
    ),
    (
        "emergency without justification",
        lambda w: w.authority.signed(
            [{"username": "dealer_one"}],
            legal_basis={
                "type": "emergency",
                "reference": "E-1",
                "issued_at": rfc3339(w.clock.now()),
                "issued_by": "Duty officer",
            },
        ),
        400,
        "request_refused",
        "emergency_justification_missing",
    ),
    (
        "basis not accepted for the country",
        lambda w: w.authority.signed(
            [{"username": "dealer_one"}],
            legal_basis={
                "type": "subpoena",
                "reference": "S-1",
                "issued_at": rfc3339(w.clock.now()),
                "issued_by": "Prosecutor",
            },
        ),
        400,
        "request_refused",
        "basis_not_accepted",
    ),
    (
        "malformed envelope (signed)",
        lambda w: w.authority.signed([{"username": "dealer_one", "user_id": "5"}]),
        400,
        "request_refused",
        "envelope_malformed",
    ),
]


@pytest.mark.parametrize(
    ("name", "build", "status", "code", "reason"), REFUSALS, ids=[r[0] for r in REFUSALS]
)
async def test_refusals_record_the_reason_and_disclose_nothing(
    world: World, name: str, build: Any, status: int, code: str, reason: str
) -> None:
    r = await world.authority.submit(build(world))
    assert r.status_code == status, r.text
    assert error_code(r) == code
    details = r.json()["error"]["details"]
    assert details["status"] == "rejected"
    failed = [c for c in details["checks"] if not c["passed"]]
    assert failed[0]["reason"] == reason, failed
    # Recorded (so it is counted), reachable by the authority, never packaged.
    status_r = await world.authority.status(details["id"])
    assert status_r.json()["status"] == "rejected"
    assert (await world.authority.package(details["id"])).status_code == 409
    request = await world.container.db.read(lambda tx: tx.legal.get(details["id"]))
    assert request is not None and request.refusal_reason == reason
    assert all(t.status.value != "released" for t in request.targets)
    world.assert_nothing_disclosed()


async def test_forged_request_never_looks_at_any_account(world: World) -> None:
    """A forged envelope naming a real violator gets no target evaluation at all."""
    env = _other_key_signed(world, world.authority.envelope([{"username": "dealer_one"}]))
    r = await world.authority.submit(env)
    details = r.json()["error"]["details"]
    assert [c["check"] for c in details["checks"]] == ["credentials", "signature"]
    assert details["targets"] == []
    trail = await world.container.db.read(
        lambda tx: tx.audit.for_subject("legal_request", str(details["id"]))
    )
    assert not any(e.data.get("check") == "target" for e in trail)


async def test_revoked_key_is_refused(world: World) -> None:
    auth = world.authority
    await legal.revoke_key(
        world.ctx, auth.id, actor=Actor.system("test"), key_id=auth.key_id, reason="key compromised"
    )
    r = await auth.submit(auth.signed([{"username": "dealer_one"}]))
    assert r.status_code == 403
    assert r.json()["error"]["details"]["checks"][1]["reason"] == "key_revoked"
    world.assert_nothing_disclosed()


async def test_key_not_valid_at_issued_at_is_refused(world: World) -> None:
    auth = world.authority
    new_key = Ed25519PrivateKey.generate()
    await legal.add_key(
        world.ctx,
        auth.id,
        actor=Actor.system("test"),
        key=legal.KeySpec(
            key_id="k2",
            public_key=b64url(raw_public(new_key)),
            valid_from=world.clock.now() - timedelta(days=1),
        ),
    )
    # The court order predates the key: that key could not have signed for it.
    env = auth.envelope([{"username": "dealer_one"}], key_id="k2")
    r = await auth.submit(sign(env, new_key))
    assert r.status_code == 403
    assert r.json()["error"]["details"]["checks"][1]["reason"] == "key_not_valid_at_issued_at"
    # The same key is fine for an order issued while it was valid.
    env["legal_basis"]["issued_at"] = rfc3339(world.clock.now())
    env["request_id"] = "REQ-k2-ok"
    assert (await auth.submit(sign(env, new_key))).status_code == 202


async def test_replayed_request_id_is_refused(world: World) -> None:
    auth = world.authority
    env = auth.signed([{"username": "dealer_one"}])
    assert (await auth.submit(env)).status_code == 202
    again = await auth.submit(env)
    assert again.status_code == 409 and error_code(again) == "request_replayed"
    assert again.json()["error"]["details"]["checks"][3]["reason"] == "request_id_replayed"
    # A different envelope reusing the request_id is refused as well.
    other = auth.signed(
        [{"username": "dealer_one"}], request_id=env["request_id"], data_requested=["phone_number"]
    )
    assert (await auth.submit(other)).status_code == 409


async def test_forged_request_cannot_burn_a_request_id(world: World) -> None:
    auth = world.authority
    env = auth.envelope([{"username": "dealer_one"}], request_id="REQ-burn")
    assert (await auth.submit(_other_key_signed(world, env))).status_code == 403
    assert (await auth.submit(sign(env, auth.key))).status_code == 202


async def test_unknown_authority_is_refused_and_not_recorded(world: World) -> None:
    auth = world.authority
    r = await auth.submit(auth.signed([{"username": "dealer_one"}], authority_id="xx-nobody"))
    assert r.status_code == 403 and error_code(r) == "unknown_authority"
    count = await world.container.db.read(lambda tx: tx.legal.for_authority("xx-nobody", limit=5))
    assert count == []
    from parley.domain.periods import half_year_of

    half = half_year_of(world.clock.now())
    assert await world.container.db.read(lambda tx: tx.legal.unattributed(half)) == 1


async def test_bad_credentials_are_recorded_against_the_named_authority(world: World) -> None:
    auth = world.authority
    other = await world.register_authority("fr-police", "FR")
    env = auth.signed([{"username": "dealer_one"}])
    for headers, reason in (
        ({}, "api_key_invalid"),
        ({"Authorization": "Bearer plk_wrong"}, "api_key_invalid"),
        (other.headers, "api_key_other_authority"),
    ):
        r = await auth.submit(env, headers=headers)
        assert r.status_code == 403
        assert r.json()["error"]["details"]["checks"][0]["reason"] == reason
    mine = await world.container.db.read(lambda tx: tx.legal.for_authority(auth.id, limit=10))
    assert len(mine) == 3 and all(m.status.value == "rejected" for m in mine)
    # The genuine request with the same request_id still goes through.
    assert (await auth.submit(env)).status_code == 202
    world.assert_nothing_disclosed()


async def test_an_authority_sees_only_its_own_requests(world: World) -> None:
    auth = world.authority
    other = await world.register_authority("fr-police", "FR")
    r = await auth.submit(auth.signed([{"username": "dealer_one"}]))
    pk = r.json()["id"]
    assert (await other.status(pk)).status_code == 404
    assert (await other.package(pk)).status_code == 404
    listed = await world.api.http.get("/legal/v1/requests", headers=other.headers)
    assert listed.status_code == 200 and listed.json() == []
    mine = await world.api.http.get("/legal/v1/requests", headers=auth.headers)
    assert [x["id"] for x in mine.json()] == [pk]
    anonymous = await world.api.http.get(f"/legal/v1/requests/{pk}")
    assert anonymous.status_code == 401


@pytest.mark.parametrize(
    "body", [b"not json", b"[1, 2]", b'{"a": 1, "a": 2}', b'{"request_id": NaN}']
)
async def test_unparseable_bodies_are_refused_unrecorded(world: World, body: bytes) -> None:
    r = await world.api.http.post(
        "/legal/v1/requests",
        content=body,
        headers={**world.authority.headers, "Content-Type": "application/json"},
    )
    assert r.status_code == 400 and error_code(r) == "invalid_json"
    found = await world.container.db.read(lambda tx: tx.legal.for_authority("de-bka", limit=5))
    assert found == []


async def test_duplicate_and_mixed_targets_are_judged_one_by_one(world: World) -> None:
    auth = world.authority
    violator = world.violator
    r = await auth.submit(
        auth.signed(
            [
                {"username": "dealer_one"},
                {"user_id": str(violator.id)},
                {"username": "innocent_one"},
                {"username": "nobody_here"},
            ]
        )
    )
    assert r.status_code == 202
    statuses = [(t["status"], t["reason"]) for t in r.json()["targets"]]
    assert statuses == [
        ("eligible", None),
        ("unresolved", "duplicate_target"),
        ("ineligible", "no_matching_violation"),
        ("unresolved", "target_not_found"),
    ]
    world.assert_nothing_disclosed()


async def test_message_target_resolves_to_its_sender(world: World) -> None:
    api = world.api
    channel = await api.create_chat(world.violator, "channel", "Goods", username="goods_chan")
    message = await api.send(world.violator, channel["id"], "fresh stock")
    auth = world.authority
    by_id = {"chat": str(channel["id"]), "message_id": message["id"]}
    r = await auth.submit(
        auth.signed([{"chat": "@goods_chan", "message_id": message["id"]}, by_id])
    )
    assert r.status_code == 202, r.text
    assert [t["status"] for t in r.json()["targets"]] == ["eligible", "unresolved"]
    assert r.json()["targets"][1]["reason"] == "duplicate_target"
    # A private chat cannot be cited: its ids are not the authority's to know.
    private = await api.post(
        world.violator, "/api/v1/chats/private", {"user_id": world.innocent.id}
    )
    assert private.status_code == 200, private.text
    sent = await api.send(world.violator, private.json()["id"], "psst")
    r = await auth.submit(
        auth.signed([{"chat": str(private.json()["id"]), "message_id": sent["id"]}])
    )
    assert r.status_code == 400
    assert r.json()["error"]["details"]["targets"][0]["reason"] == "target_not_found"


async def test_flood_control_on_the_authority_api(world: World) -> None:
    world.container.settings.legal_requests_per_minute = 3
    auth = world.authority
    codes = [(await auth.status(999)).status_code for _ in range(4)]
    assert codes[:3] == [404, 404, 404] and codes[3] == 429
