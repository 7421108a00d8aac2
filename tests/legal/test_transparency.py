"""The transparency report counts every request exactly once, per country and half-year: the
CLI (json, csv), the public page and its JSON agree."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from parley.domain.periods import half_year_of
from parley.services import transparency
from tests.legal.conftest import AuthorityClient, World, parley_cli, rfc3339, sign


async def submit(client: AuthorityClient, env: dict[str, Any], status: int) -> int:
    r = await client.submit(env)
    assert r.status_code == status, r.text
    body = r.json()
    return int(body["id"] if status == 202 else body["error"]["details"].get("id", 0))


async def decide(
    world: World,
    pk: int,
    *,
    release: list[int] | None = None,
    withhold: dict[str, str] | None = None,
    reject: str | None = None,
) -> None:
    a, b = world.officer_a, world.officer_b
    if reject is not None:
        r = await world.console(a, "POST", f"/requests/{pk}/reject", {"reason": reject})
        assert r.status_code == 200, r.text
        return
    body = {"release": release or [0], "withhold": withhold or {}}
    assert (await world.console(a, "POST", f"/requests/{pk}/approve", body)).status_code == 200
    r = await world.console(b, "POST", f"/requests/{pk}/confirm")
    assert r.json()["status"] == "released", r.text


async def build_history(world: World) -> None:
    """Seven requests from Germany, two from France, one from nobody."""
    de = world.authority
    dealer = [{"username": "dealer_one"}]
    await decide(world, await submit(de, de.signed(dealer), 202))  # fully
    await decide(
        world,
        await submit(
            de, de.signed([{"username": "dealer_one"}, {"username": "innocent_one"}]), 202
        ),
    )  # partly
    await decide(world, await submit(de, de.signed(dealer), 202), reject="Order expired.")
    await submit(de, sign(de.envelope(dealer), Ed25519PrivateKey.generate()), 403)  # forged
    await submit(
        de,
        de.signed(
            [{"username": "ranter_one"}], offence={"category": "hate_speech", "description": ""}
        ),
        400,
    )
    await submit(
        de,
        de.signed(
            dealer,
            period={
                "from": rfc3339(world.clock.now() - timedelta(days=365)),
                "to": rfc3339(world.clock.now()),
            },
        ),
        400,
    )
    await submit(de, de.signed(dealer), 202)  # still pending
    fr = await world.register_authority("fr-police", "FR")
    other = await world.api.signup("Trafiquant", username="dealer_fr")
    await world.add_violation(other.id, "weapons")
    emergency = {
        "type": "emergency",
        "reference": "URG-1",
        "issued_by": "OPJ de garde",
        "issued_at": rfc3339(world.clock.now()),
    }
    await decide(
        world,
        await submit(
            fr,
            fr.signed(
                [{"username": "dealer_fr"}],
                legal_basis=emergency,
                offence={"category": "weapons", "description": "sale of firearms"},
                emergency_justification="Shooting announced for tonight.",
            ),
            202,
        ),
    )
    await submit(fr, fr.signed(dealer, legal_basis={**emergency, "type": "subpoena"}), 400)
    await submit(de, de.signed(dealer, authority_id="zz-nobody"), 403)  # unattributable


async def test_report_counts_everything_once(world: World) -> None:
    await build_history(world)
    period = half_year_of(world.clock.now())
    report = await transparency.build_report(world.ctx, period)
    de, fr = report.legal.countries
    assert (de.country, fr.country) == ("DE", "FR")
    assert (
        de.requests_received,
        de.fulfilled_fully,
        de.fulfilled_partly,
        de.refused,
        de.pending,
        de.users_affected,
        de.accounts_specified,
    ) == (7, 1, 1, 4, 1, 1, 5)
    assert de.refused_by_reason == {
        "offence_not_disclosable": 1,
        "period_too_long": 1,
        "refused_by_officer": 1,
        "signature_invalid": 1,
    }
    assert (
        fr.requests_received,
        fr.fulfilled_fully,
        fr.refused,
        fr.users_affected,
        fr.emergency_received,
        fr.emergency_fulfilled,
    ) == (2, 1, 1, 1, 1, 1)
    assert fr.refused_by_reason == {"basis_not_accepted": 1}
    totals = report.legal.totals
    assert (totals.requests_received, totals.refused, totals.users_affected) == (9, 5, 2)
    assert report.legal.unattributable == 1
    assert report.moderation.available is True and report.moderation.appeals == 0

    # A later half-year starts from zero, and the earlier report does not move.
    world.clock.advance(days=184)
    later = half_year_of(world.clock.now())
    assert later != period
    await submit(world.authority, world.authority.signed([{"username": "innocent_one"}]), 400)
    assert (await transparency.build_report(world.ctx, later)).legal.totals.requests_received == 1
    again = await transparency.build_report(world.ctx, period)
    assert again.legal == report.legal

    # The CLI gives the same figures, as JSON and as CSV.
    out = parley_cli(world, "transparency", "report", "--period", period, "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["legal_requests"] == transparency.report_dict(report)["legal_requests"]
    assert data["moderation"]["available"] is True
    out = parley_cli(world, "transparency", "report", "--period", period, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    figures = {
        (r["country"], r["metric"]): r["value"] for r in rows if r["section"] == "legal_requests"
    }
    assert figures[("DE", "requests_received")] == "7"
    assert figures[("DE", "refused_by_reason.signature_invalid")] == "1"
    assert figures[("FR", "emergency_received")] == "1"
    assert figures[("ALL", "users_affected")] == "2"
    assert figures[("ALL", "unattributable")] == "1"
    assert {r["period"] for r in rows} == {period}
    bad = parley_cli(world, "transparency", "report", "--period", "2026-H3")
    assert bad.returncode == 2

    # The public page and its JSON, without signing in.
    page = await world.api.http.get("/transparency", params={"period": period})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in page.headers["content-security-policy"]
    html = page.text
    assert "<svg" in html and "<rect" in html
    assert "<tr><td>DE</td><td>7</td><td>5</td><td>1</td><td>1</td><td>4</td><td>1</td>" in html
    assert "<tr><td>signature_invalid</td><td>1</td></tr>" in html
    assert "Content moderation (DSA Art. 15)" in html
    assert "http://" not in html and "https://" not in html and "<script" not in html
    assert f'href="/transparency?period={later}"' in html
    public = await world.api.http.get("/transparency.json", params={"period": period})
    assert public.json()["legal_requests"] == data["legal_requests"]
    current = await world.api.http.get("/transparency.json")
    assert current.json()["period"] == later
    invalid = await world.api.http.get("/transparency", params={"period": "next year"})
    assert invalid.status_code in (400, 422)
    world.assert_nothing_disclosed()


async def test_empty_period_renders(world: World) -> None:
    page = await world.api.http.get("/transparency", params={"period": "2001-H1"})
    assert page.status_code == 200
    assert "No legal requests were received in this period." in page.text
