"""A small world for legal-request tests: a registered authority holding a real Ed25519 key,
two legal officers, a confirmed violator seen from a known IP, an innocent user and a user
whose only violation is speech. Every HTTP response is kept, so a test can assert that no
phone number or IP address ever left the platform."""

from __future__ import annotations

import base64
import copy
import ipaddress
import itertools
import os
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest
import rfc8785
import sqlalchemy as sa
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.pool import NullPool

from parley.container import Container
from parley.domain.clock import FrozenClock
from parley.domain.legal import AuthorityKind
from parley.domain.users import Role
from parley.moderation.policy import load_policy
from parley.services import accounts, legal
from parley.services.audit import Actor
from parley.store.catalog import metadata
from parley.store.database import normalize_url
from tests.helpers import Api, Person

VIOLATOR_IP = "203.0.113.77"
_ids = itertools.count(1)


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def raw_public(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def rfc3339(value: datetime) -> str:
    return value.isoformat().replace("+00:00", "Z")


def sign(envelope: dict[str, Any], key: Ed25519PrivateKey) -> dict[str, Any]:
    """Sign the way docs/legal-requests.md tells authorities to: Ed25519 over the RFC 8785
    canonical JSON of every field but `signature` (with the rfc8785 library, not Parley's)."""
    body = {k: v for k, v in envelope.items() if k != "signature"}
    return {**body, "signature": b64url(key.sign(rfc8785.dumps(body)))}


@dataclass
class AuthorityClient:
    http: httpx.AsyncClient
    clock: FrozenClock
    id: str
    api_key: str
    key_id: str
    key: Ed25519PrivateKey

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.api_key}"}

    def envelope(self, targets: list[dict[str, Any]], **changes: Any) -> dict[str, Any]:
        """An unsigned envelope asking for phone and IPs over the last 30 days; keyword
        arguments replace top-level fields (None removes one)."""
        now = self.clock.now()
        env: dict[str, Any] = {
            "request_id": f"REQ-{next(_ids)}",
            "authority_id": self.id,
            "key_id": self.key_id,
            "legal_basis": {
                "type": "court_order",
                "reference": "AZ 4 Gs 123/26",
                "issued_at": rfc3339(now - timedelta(days=2)),
                "issued_by": "Amtsgericht Berlin-Tiergarten",
            },
            "offence": {"category": "drugs", "description": "sale of narcotics in a channel"},
            "targets": targets,
            "data_requested": ["phone_number", "ip_addresses"],
            "period": {"from": rfc3339(now - timedelta(days=30)), "to": rfc3339(now)},
            "nondisclosure_until": None,
        }
        for name, value in changes.items():
            if value is None:
                env.pop(name, None)
            else:
                env[name] = value
        return env

    def signed(self, targets: list[dict[str, Any]], **changes: Any) -> dict[str, Any]:
        return sign(self.envelope(targets, **changes), self.key)

    async def submit(
        self, envelope: dict[str, Any], *, headers: dict[str, str] | None = None
    ) -> httpx.Response:
        return await self.http.post(
            "/legal/v1/requests",
            json=envelope,
            headers=self.headers if headers is None else headers,
        )

    async def status(self, request_pk: int) -> httpx.Response:
        return await self.http.get(f"/legal/v1/requests/{request_pk}", headers=self.headers)

    async def package(self, request_pk: int) -> httpx.Response:
        return await self.http.get(f"/legal/v1/requests/{request_pk}/package", headers=self.headers)


@dataclass
class World:
    container: Container
    api: Api
    clock: FrozenClock
    authority: AuthorityClient
    officer_a: Person
    officer_b: Person
    violator: Person
    innocent: Person
    ranter: Person
    transcript: list[str] = field(default_factory=list)

    @property
    def ctx(self) -> Any:
        return self.container.ctx

    async def add_violation(self, user_id: int, category: str, rule_id: str | None = None) -> int:
        now = self.clock.now()
        rule = rule_id or load_policy().rules_in(category)[0].id

        def run(tx: Any) -> int:
            return int(
                tx.violations.insert(
                    user_id=user_id,
                    rule_id=rule,
                    category=category,
                    decision_id=next(_ids),
                    subject_kind="message",
                    subject_id="1:1",
                    at=now,
                )
            )

        return await self.container.db.write(run)

    async def officer(self, name: str, username: str) -> Person:
        person = await self.api.signup(name, username=username)
        await accounts.grant_role(
            self.ctx, person.id, role=Role.LEGAL_OFFICER, actor=Actor.system("test")
        )
        return person

    async def register_authority(
        self, authority_id: str, country: str, key_id: str = "k1"
    ) -> AuthorityClient:
        key = Ed25519PrivateKey.generate()
        registered = await legal.register_authority(
            self.ctx,
            actor=Actor.system("test"),
            authority_id=authority_id,
            name=f"Authority {authority_id}",
            country=country,
            kind=AuthorityKind.POLICE,
            contact="legal@example.org",
            keys=[
                legal.KeySpec(
                    key_id=key_id,
                    public_key=b64url(raw_public(key)),
                    valid_from=self.clock.now() - timedelta(days=365),
                )
            ],
        )
        return AuthorityClient(
            self.api.http, self.clock, authority_id, registered.api_key, key_id, key
        )

    def raw_store_bytes(self) -> bytes:
        """Every byte the store holds: the SQLite file, or on PostgreSQL a text dump of every
        table (what someone reading the database would see)."""
        settings = self.container.settings
        if not settings.database_url:
            return (settings.data / "parley.db").read_bytes()
        engine = sa.create_engine(normalize_url(settings.database_url), poolclass=NullPool)
        chunks: list[bytes] = []
        with engine.connect() as conn:
            for table in metadata.sorted_tables:
                for row in conn.execute(sa.select(table)):
                    chunks.append(repr(tuple(row)).encode())
        engine.dispose()
        return b"\n".join(chunks)

    def secrets(self) -> list[str]:
        """Personal data that must never appear in an answer to a refused request."""
        return [
            VIOLATOR_IP,
            self.violator.phone,
            self.innocent.phone,
            self.ranter.phone,
            self.violator.phone.lstrip("+"),
        ]

    def assert_nothing_disclosed(self) -> None:
        for body in self.transcript:
            for secret in self.secrets():
                assert secret not in body, f"{secret} leaked in {body[:300]}"

    async def console(
        self, who: Person, method: str, path: str, body: Any = None
    ) -> httpx.Response:
        return await self.api.http.request(
            method, f"/api/v1/legal{path}", headers=who.headers, json=body
        )


@pytest.fixture
async def world(
    container: Container, api: Api, clock: FrozenClock, http: httpx.AsyncClient
) -> World:
    transcript: list[str] = []

    async def keep(response: httpx.Response) -> None:
        await response.aread()
        transcript.append(response.text)

    http.event_hooks["response"].append(keep)
    violator = await api.signup("Dealer", username="dealer_one")
    # The violator's traffic comes through a trusted proxy from a public address.
    container.trusted_networks = [ipaddress.ip_network("127.0.0.0/8")]
    container.auth_cache._ip_touched.clear()
    r = await http.get("/api/v1/me", headers={**violator.headers, "X-Forwarded-For": VIOLATOR_IP})
    assert r.status_code == 200
    container.trusted_networks = []
    innocent = await api.signup("Innocent", username="innocent_one")
    ranter = await api.signup("Ranter", username="ranter_one")
    w = World(
        container=container,
        api=api,
        clock=clock,
        # the authority and officers are registered just below, through the world itself
        authority=None,  # type: ignore[arg-type]
        officer_a=None,
        officer_b=None,
        violator=violator,
        innocent=innocent,
        ranter=ranter,
        transcript=transcript,
    )
    w.officer_a = await w.officer("Officer A", "officer_a")
    w.officer_b = await w.officer("Officer B", "officer_b")
    await w.add_violation(violator.id, "drugs")
    await w.add_violation(ranter.id, "hate_speech")
    w.authority = await w.register_authority("de-bka", "DE")
    clock.advance(hours=1)  # the IP records now lie inside every request's period
    transcript.clear()
    return w


def copy_envelope(envelope: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(envelope)


def parley_cli(world: World, *args: str) -> subprocess.CompletedProcess[str]:
    """The real `parley` command against this test's data directory."""
    settings = world.container.settings
    env = {
        **os.environ,
        "PARLEY_DATA": str(settings.data),
        "PARLEY_ENV": "dev",
        "PARLEY_SECRET_KEY": settings.secret_key or "",
        **({"PARLEY_DATABASE_URL": settings.database_url} if settings.database_url else {}),
    }
    return subprocess.run(
        [sys.executable, "-m", "parley", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
