"""Every legal step is in the hash chain; `parley audit verify` finds a one-byte change."""

from __future__ import annotations

import sqlite3

import sqlalchemy as sa
from sqlalchemy.pool import NullPool

from parley.services.audit import verify_chain
from parley.store.database import normalize_url
from tests.legal.conftest import World, parley_cli
from tests.legal.test_notices import release


def tamper_one_byte(world: World, entry_id: int, inside: str) -> None:
    """Flip one character of `inside` within the entry's stored data."""
    settings = world.container.settings
    if not settings.database_url:  # the SQLite file, through the sqlite3 module
        conn = sqlite3.connect(settings.data / "parley.db")
        (text,) = conn.execute("SELECT data FROM audit_log WHERE id = ?", (entry_id,)).fetchone()
        at = text.index(inside) + 1
        tampered = text[:at] + "F" + text[at + 1 :]
        assert len(tampered.encode()) == len(text.encode()) and tampered != text
        conn.execute("UPDATE audit_log SET data = ? WHERE id = ?", (tampered, entry_id))
        conn.commit()
        conn.close()
        return
    engine = sa.create_engine(normalize_url(settings.database_url), poolclass=NullPool)
    with engine.begin() as conn:
        text = conn.execute(
            sa.text("SELECT data::text FROM audit_log WHERE id = :i"), {"i": entry_id}
        ).scalar_one()
        at = text.index(inside) + 1
        tampered = text[:at] + "F" + text[at + 1 :]
        conn.execute(
            sa.text("UPDATE audit_log SET data = CAST(:d AS jsonb) WHERE id = :i"),
            {"d": tampered, "i": entry_id},
        )
    engine.dispose()


async def test_audit_chain_verifies_and_a_one_byte_tamper_is_named(world: World) -> None:
    pk = await release(world)
    package = await world.authority.package(pk)
    assert package.status_code == 200
    report = verify_chain(world.container.db)
    assert report.ok and report.entries > 20
    ok = parley_cli(world, "audit", "verify")
    assert ok.returncode == 0, ok.stderr
    assert f"audit chain OK: {report.entries} entries" in ok.stdout

    trail = await world.container.db.read(lambda tx: tx.audit.for_subject("legal_request", str(pk)))
    release_entry = next(e for e in trail if e.action == "legal.request.release")
    shown = parley_cli(world, "audit", "show", "--subject", f"legal_request:{pk}", "--json")
    assert shown.returncode == 0 and '"action": "legal.request.release"' in shown.stdout

    # Change one byte of the stored entry with raw SQL, as someone with write access to the
    # database could.
    tamper_one_byte(world, release_entry.id, '"full"')

    bad = parley_cli(world, "audit", "verify")
    assert bad.returncode == 1
    assert f"BROKEN at entry {release_entry.id}:" in bad.stderr
    assert "hash does not match" in bad.stderr
    report = verify_chain(world.container.db)
    assert not report.ok and report.first_bad_id == release_entry.id
