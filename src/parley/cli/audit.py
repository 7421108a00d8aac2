"""`parley audit`: verify the hash chain, show entries."""

from __future__ import annotations

import json

import typer
from rich.table import Table

from parley.cli.common import console, err_console
from parley.config import load_settings
from parley.services.audit import ChainReport, verify_chain
from parley.store.audit import AuditRow
from parley.store.database import Database

app = typer.Typer(help="The tamper-evident audit log.", no_args_is_help=True)


def _database() -> Database:
    settings = load_settings()
    if settings.database_url is None and not (settings.data / "parley.db").exists():
        err_console.print(
            f"no database in {settings.data}: set PARLEY_DATA (or "
            "PARLEY_DATABASE_URL) to the platform's data"
        )
        raise typer.Exit(2)
    return Database(settings.resolved_database_url, read_threads=1)


@app.command()
def verify() -> None:
    """Recompute the hash chain; exit 1 naming the first entry that does not match."""
    db = _database()
    try:
        report: ChainReport = verify_chain(db)
    except Exception as error:  # no database, or not migrated: say so, not a traceback
        err_console.print(
            f"cannot read the audit log ({type(error).__name__}); is the data "
            "directory right and the database migrated (`parley db upgrade`)?"
        )
        raise typer.Exit(2) from None
    finally:
        db.close()
    if report.ok:
        console.print(f"audit chain OK: {report.entries} entries")
        return
    err_console.print(
        f"audit chain BROKEN at entry {report.first_bad_id}: {report.reason} "
        f"(after {report.entries - 1} good entries)"
    )
    raise typer.Exit(1)


@app.command()
def show(
    subject: str = typer.Option(None, help="KIND:ID, e.g. legal_request:12"),
    action: str = typer.Option(None, help="only actions starting with this, e.g. legal."),
    limit: int = typer.Option(50, min=1, max=1000),
    as_json: bool = typer.Option(False, "--json", help="one JSON object per line"),
) -> None:
    """Show audit entries: the newest, or those about one subject (oldest first)."""
    db = _database()
    try:
        if subject:
            kind, sep, ident = subject.partition(":")
            if not sep:
                err_console.print("--subject looks like KIND:ID")
                raise typer.Exit(2)
            rows: list[AuditRow] = db.read_sync(
                lambda tx: tx.audit.for_subject(kind, ident, limit=limit)
            )
            if action:
                rows = [r for r in rows if r.action.startswith(action)]
        else:
            rows = db.read_sync(lambda tx: tx.audit.recent(limit=limit, action_prefix=action))
    finally:
        db.close()
    if as_json:
        for r in rows:
            print(
                json.dumps(
                    {
                        "id": r.id,
                        "at": r.at.isoformat(),
                        "actor": f"{r.actor_kind}:{r.actor_id or ''}",
                        "action": r.action,
                        "subject": f"{r.subject_kind}:{r.subject_id}",
                        "data": r.data,
                        "hash": r.hash,
                    }
                )
            )
        return
    table = Table("id", "at", "actor", "action", "subject", "data")
    for r in rows:
        table.add_row(
            str(r.id),
            r.at.strftime("%Y-%m-%d %H:%M:%S"),
            f"{r.actor_kind}:{r.actor_id or ''}",
            r.action,
            f"{r.subject_kind}:{r.subject_id}",
            json.dumps(r.data)[:120],
        )
    console.print(table)
