"""`parley legal authority add|list|revoke-key`, end to end with the authority API."""

from __future__ import annotations

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tests.legal.conftest import AuthorityClient, World, b64url, parley_cli, raw_public


async def test_register_list_and_revoke_from_the_cli(world: World, tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    key = Ed25519PrivateKey.generate()
    pem_key = Ed25519PrivateKey.generate()
    pem = tmp_path_factory.mktemp("keys") / "k2.pem"
    pem.write_bytes(
        pem_key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    out = parley_cli(
        world,
        "legal",
        "authority",
        "add",
        "nl-om",
        "--name",
        "Openbaar Ministerie",
        "--country",
        "nl",
        "--kind",
        "prosecutor",
        "--contact",
        "lr@om.example",
        "--key",
        f"k1={b64url(raw_public(key))}",
        "--key",
        f"k2=@{pem}",
        "--valid-from",
        "2020-01-01T00:00:00Z",
    )
    assert out.returncode == 0, out.stderr
    api_key = out.stdout.strip().splitlines()[-1]
    assert api_key.startswith("plk_")

    listed = parley_cli(world, "legal", "authority", "list")
    assert "nl-om" in listed.stdout and "NL" in listed.stdout and "k2" in listed.stdout

    client = AuthorityClient(world.api.http, world.clock, "nl-om", api_key, "k1", key)
    r = await client.submit(client.signed([{"username": "dealer_one"}]))
    assert r.status_code == 202, r.text
    pem_client = AuthorityClient(world.api.http, world.clock, "nl-om", api_key, "k2", pem_key)
    assert (
        await pem_client.submit(pem_client.signed([{"username": "dealer_one"}]))
    ).status_code == 202

    out = parley_cli(
        world, "legal", "authority", "revoke-key", "nl-om", "k1", "--reason", "rotated"
    )
    assert out.returncode == 0, out.stderr
    r = await client.submit(client.signed([{"username": "dealer_one"}]))
    assert r.status_code == 403
    assert r.json()["error"]["details"]["checks"][1]["reason"] == "key_revoked"
    again = parley_cli(world, "legal", "authority", "revoke-key", "nl-om", "k1", "--reason", "x")
    assert again.returncode == 1 and "already revoked" in again.stderr

    bad = parley_cli(
        world,
        "legal",
        "authority",
        "add",
        "xx-bad",
        "--name",
        "X",
        "--country",
        "XX",
        "--kind",
        "police",
        "--contact",
        "c",
        "--key",
        "k=abc",
    )
    assert bad.returncode == 1 and "ISO 3166-1" in bad.stderr
    rotated = parley_cli(world, "legal", "authority", "rotate-api-key", "nl-om")
    assert rotated.returncode == 0, rotated.stderr
    new_key = rotated.stdout.strip().splitlines()[-1]
    assert new_key.startswith("plk_") and new_key != api_key
    old = await world.api.http.get("/legal/v1/requests", headers=client.headers)
    assert old.status_code == 401
    fresh = await world.api.http.get(
        "/legal/v1/requests", headers={"Authorization": f"Bearer {new_key}"}
    )
    assert fresh.status_code == 200 and len(fresh.json()) == 3
    overdue = parley_cli(world, "legal", "overdue")
    assert overdue.returncode == 0
