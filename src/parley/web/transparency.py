"""The public transparency page, /transparency (no sign-in), and its data, /transparency.json.
The chart is SVG drawn on the server: the page runs no script and makes no other request."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse

from parley.api.deps import CtxDep
from parley.services import transparency
from parley.web.charts import grouped_bars
from parley.web.guard import AnyViewerDep
from parley.web.pages import page

router = APIRouter(tags=["transparency"])
PeriodQuery = Annotated[str | None, Query(max_length=7, description="a half-year, e.g. 2026-H2")]
SERIES = ["received", "fulfilled", "refused"]
# Stricter than the other pages: no script at all, styles and images from this origin only.
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
}


@router.get(
    "/transparency",
    response_class=HTMLResponse,
    summary="Transparency report: legal requests and moderation, per half-year",
)
async def transparency_page(
    request: Request, viewer: AnyViewerDep, ctx: CtxDep, period: PeriodQuery = None
) -> HTMLResponse:
    report = await transparency.build_report(ctx, period)
    periods = await transparency.report_periods(ctx)
    chart = grouped_bars(
        [
            (c.country, [c.requests_received, c.fulfilled_fully + c.fulfilled_partly, c.refused])
            for c in report.legal.countries
        ],
        SERIES,
    )
    reasons: dict[str, Any] = report.legal.totals.refused_by_reason
    return page(
        request,
        "transparency.html",
        viewer=viewer,
        report=report,
        periods=periods,
        chart=chart,
        reasons=reasons,
        headers=HEADERS,
    )


@router.get("/transparency.json", summary="The transparency report as JSON")
async def data(ctx: CtxDep, period: PeriodQuery = None) -> JSONResponse:
    report = await transparency.build_report(ctx, period)
    return JSONResponse(transparency.report_dict(report))


@router.get(
    "/transparency/statements.json",
    summary="Statements of reasons of the period's decisions (DSA Transparency Database "
    "field names)",
)
async def statements(ctx: CtxDep, period: PeriodQuery = None) -> JSONResponse:
    label = period or transparency.current_period(ctx)
    found = await transparency.statements_of_reasons(ctx, label)
    return JSONResponse({"period": label, "statements": found})
