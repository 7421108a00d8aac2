"""`parley transparency report`: the half-year report as JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
from enum import StrEnum
from pathlib import Path

import typer

from parley.cli.common import err_console, run_with_container
from parley.container import Container
from parley.domain.errors import DomainError
from parley.services import transparency

app = typer.Typer(help="The transparency report.", no_args_is_help=True)


class Format(StrEnum):
    JSON = "json"
    CSV = "csv"


@app.command()
def report(
    period: str = typer.Option(None, help="a half-year such as 2026-H2 (default: current)"),
    fmt: Format = typer.Option(Format.JSON, "--format", help="json or csv"),
    output: Path = typer.Option(None, help="write to this file instead of standard output"),
) -> None:
    """Legal requests per country and moderation figures (DSA Art. 15) for a half-year."""

    async def run(c: Container) -> transparency.TransparencyReport:
        return await transparency.build_report(c.ctx, period)

    try:
        built = run_with_container(run)
    except DomainError as error:
        err_console.print(f"[red]{error.message}")
        raise typer.Exit(2) from error
    if fmt is Format.JSON:
        text = json.dumps(transparency.report_dict(built), indent=2) + "\n"
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(transparency.CSV_HEADER)
        writer.writerows(transparency.report_rows(built))
        text = buffer.getvalue()
    if output is not None:
        output.write_text(text)
    else:
        typer.echo(text, nl=False)


@app.command()
def statements(
    period: str = typer.Option(None, help="a half-year such as 2026-H2 (default: current)"),
    output: Path = typer.Option(None, help="write to this file instead of standard output"),
) -> None:
    """Statements of reasons of every moderation decision in a half-year, one JSON object per
    line, in the DSA Transparency Database API's field names."""

    async def run(c: Container) -> list[dict[str, object]]:
        label = period or transparency.current_period(c.ctx)
        return await transparency.statements_of_reasons(c.ctx, label)

    try:
        found = run_with_container(run)
    except DomainError as error:
        err_console.print(f"[red]{error.message}")
        raise typer.Exit(2) from error
    text = "".join(json.dumps(s, sort_keys=True) + "\n" for s in found)
    if output is not None:
        output.write_text(text)
    else:
        typer.echo(text, nl=False)
