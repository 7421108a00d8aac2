"""The public transparency page, /transparency (no sign-in), and its data, /transparency.json."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse, JSONResponse

from parley.services import transparency
from parley.web.charts import grouped_bars
from parley.web.deps import CtxDep
from parley.web.templating import render

router = APIRouter(tags=["transparency"])
PeriodQuery = Annotated[str | None, Query(max_length=7, description="a half-year, e.g. 2026-H2")]
SERIES = ["received", "fulfilled", "refused"]
# No script, no external request: the page and its chart are self-contained.
HEADERS = {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'"}


@router.get(
    "/transparency",
    response_class=HTMLResponse,
    summary="Transparency report: legal requests and moderation, per half-year",
)
async def page(ctx: CtxDep, period: PeriodQuery = None) -> HTMLResponse:
    report = await transparency.build_report(ctx, period)
    periods = await transparency.report_periods(ctx)
    rows = [*report.legal.countries]
    chart = grouped_bars(
        [
            (c.country, [c.requests_received, c.fulfilled_fully + c.fulfilled_partly, c.refused])
            for c in rows
        ],
        SERIES,
    )
    reasons: dict[str, Any] = report.legal.totals.refused_by_reason
    html = render("transparency.html", report=report, periods=periods, chart=chart, reasons=reasons)
    return HTMLResponse(html, headers=HEADERS)


@router.get("/transparency.json", summary="The transparency report as JSON")
async def data(ctx: CtxDep, period: PeriodQuery = None) -> JSONResponse:
    report = await transparency.build_report(ctx, period)
    return JSONResponse(transparency.report_dict(report))


@router.get("/transparency/statements.json",
            summary="Statements of reasons of the period's decisions (DSA Transparency Database "
                    "field names)")  # fmt: skip
async def statements(ctx: CtxDep, period: PeriodQuery = None) -> JSONResponse:
    label = period or transparency.current_period(ctx)
    found = await transparency.statements_of_reasons(ctx, label)
    return JSONResponse({"period": label, "statements": found})
