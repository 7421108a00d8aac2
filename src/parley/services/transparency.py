"""The transparency report, per half-year: legal requests per country (received, fulfilled
fully or partly, refused by reason, users affected) and moderation figures in the shape of
DSA Art. 15(1) (notices by category, actions by type, automated vs human, median time to act,
appeals and reversals).

Both sections are computed from what is stored: legal requests as recorded, and the
moderation workflow's reports, cases, decisions and appeals."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from parley.domain.legal import Outcome, RequestStatus, Rereview
from parley.domain.moderation import AppealState
from parley.domain.periods import half_year_bounds, half_year_of
from parley.domain.statements import dsa_export
from parley.moderation.policy import load_policy
from parley.services.context import Ctx
from parley.store.legal_requests import RequestFigures
from parley.store.tx import Tx

ALL = "ALL"


@dataclass(frozen=True, slots=True)
class CountryFigures:
    """One country's legal requests in the period (country "ALL": every country)."""

    country: str
    requests_received: int = 0  # every recorded request, authentic or not
    accounts_specified: int = 0  # targets named in requests that reached target checks
    fulfilled_fully: int = 0
    fulfilled_partly: int = 0
    refused: int = 0  # failed an automatic check, or refused by an officer
    refused_by_reason: dict[str, int] = field(default_factory=dict)
    pending: int = 0
    users_affected: int = 0  # distinct accounts whose data was released
    emergency_received: int = 0
    emergency_fulfilled: int = 0
    emergency_not_upheld: int = 0  # on the 72-hour re-review


@dataclass(frozen=True, slots=True)
class LegalSection:
    countries: list[CountryFigures]
    totals: CountryFigures
    unattributable: int  # requests naming no registered authority: refused, not recorded


@dataclass(frozen=True, slots=True)
class ModerationSection:
    """DSA Art. 15(1) figures for the period."""

    available: bool
    note: str
    notices_by_category: dict[str, int] = field(default_factory=dict)
    actions_by_type: dict[str, int] = field(default_factory=dict)
    decisions_automated: int = 0
    decisions_human: int = 0
    median_seconds_to_act: float | None = None
    appeals: int = 0
    reversals: int = 0


@dataclass(frozen=True, slots=True)
class TransparencyReport:
    period: str
    start: datetime
    end: datetime
    generated_at: datetime
    legal: LegalSection
    moderation: ModerationSection


def _figures(country: str, rows: list[RequestFigures]) -> CountryFigures:
    reasons: Counter[str] = Counter()
    affected: set[int] = set()
    counts: Counter[str] = Counter()
    for r in rows:
        counts["received"] += 1
        counts["specified"] += r.targets
        if r.emergency:
            counts["emergency"] += 1
        if r.rereview is Rereview.NOT_UPHELD:
            counts["not_upheld"] += 1
        if r.status is RequestStatus.RELEASED:
            counts["full" if r.outcome is Outcome.FULL else "partial"] += 1
            counts["emergency_fulfilled"] += int(r.emergency)
            affected.update(r.released_user_ids)
        elif r.status in (RequestStatus.REJECTED, RequestStatus.REFUSED):
            counts["refused"] += 1
            reasons[r.refusal_reason or "unknown"] += 1
        else:
            counts["pending"] += 1
    return CountryFigures(
        country=country,
        requests_received=counts["received"],
        accounts_specified=counts["specified"],
        fulfilled_fully=counts["full"],
        fulfilled_partly=counts["partial"],
        refused=counts["refused"],
        refused_by_reason=dict(sorted(reasons.items())),
        pending=counts["pending"],
        users_affected=len(affected),
        emergency_received=counts["emergency"],
        emergency_fulfilled=counts["emergency_fulfilled"],
        emergency_not_upheld=counts["not_upheld"],
    )


async def legal_figures(ctx: Ctx, period: str) -> LegalSection:
    start, end = half_year_bounds(period)

    def run(tx: Tx) -> tuple[list[RequestFigures], int]:
        return tx.legal.figures_between(start, end), tx.legal.unattributed(period)

    rows, unattributable = await ctx.db.read(run)
    by_country: dict[str, list[RequestFigures]] = {}
    for row in rows:
        by_country.setdefault(row.country, []).append(row)
    return LegalSection(
        countries=[_figures(c, by_country[c]) for c in sorted(by_country)],
        totals=_figures(ALL, rows),
        unattributable=unattributable,
    )


async def moderation_figures(ctx: Ctx, start: datetime, end: datetime) -> ModerationSection:
    """DSA Art. 15(1) figures for [start, end): notices (user reports) by the category of the
    rule cited, decisions by action and by who decided (a detector or a person), the median
    time from a case opening to its resolution, appeals filed and decisions reversed."""
    policy = load_policy()

    def run(tx: Tx) -> ModerationSection:
        reports = tx.reports.between(start, end)
        decisions = tx.decisions.between(start, end)
        appeals = tx.appeals.between(start, end)
        resolved = tx.cases.resolved_between(start, end)
        notices: Counter[str] = Counter()
        for report in reports:
            try:
                notices[policy.rule(report.rule_id).category] += 1
            except KeyError:
                notices["unknown_rule"] += 1
        actions = Counter(d.action for d in decisions)
        waits = sorted((c.resolved_at - c.created_at).total_seconds() for c in resolved
                       if c.resolved_at is not None)  # fmt: skip
        reversed_in_period = sum(1 for a in tx.appeals.decided_between(start, end)
                                 if a.state is AppealState.REVERSED)  # fmt: skip
        return ModerationSection(
            available=True,
            note="Notices are user reports; automated decisions are a detector's quarantine or "
            "removal and strike escalations; reversals count decisions undone on appeal.",
            notices_by_category=dict(sorted(notices.items())),
            actions_by_type=dict(sorted(actions.items())),
            decisions_automated=sum(1 for d in decisions if d.automated),
            decisions_human=sum(1 for d in decisions if not d.automated),
            median_seconds_to_act=statistics.median(waits) if waits else None,
            appeals=len(appeals),
            reversals=reversed_in_period,
        )

    return await ctx.db.read(run)


def current_period(ctx: Ctx) -> str:
    return half_year_of(ctx.clock.now())


async def statements_of_reasons(ctx: Ctx, period: str) -> list[dict[str, Any]]:
    """Every decision's statement of reasons in the period, in the DSA Transparency Database
    API's field names (no personal data: rules, categories, dates, the decision's id)."""
    start, end = half_year_bounds(period)
    decisions = await ctx.db.read(lambda tx: tx.decisions.between(start, end))
    return [dsa_export(d.statement) for d in decisions if d.statement]


async def build_report(ctx: Ctx, period: str | None = None) -> TransparencyReport:
    """The report for a half-year such as "2026-H2" (default: the current one)."""
    label = period or half_year_of(ctx.clock.now())
    start, end = half_year_bounds(label)
    return TransparencyReport(
        period=label,
        start=start,
        end=end,
        generated_at=ctx.clock.now(),
        legal=await legal_figures(ctx, label),
        moderation=await moderation_figures(ctx, start, end),
    )


async def report_periods(ctx: Ctx) -> list[str]:
    """Half-years from the first recorded request to now, newest first (for navigation)."""
    bounds = await ctx.db.read(lambda tx: tx.legal.received_bounds())
    now = half_year_of(ctx.clock.now())
    first = half_year_of(bounds[0]) if bounds else now
    periods = []
    year, half = int(now[:4]), int(now[-1])
    while True:
        label = f"{year}-H{half}"
        periods.append(label)
        if label == first or len(periods) >= 40:
            return periods
        year, half = (year, 1) if half == 2 else (year - 1, 2)


def report_dict(report: TransparencyReport) -> dict[str, Any]:
    """The report as JSON-ready data (the CLI's json format and /transparency.json)."""
    return {
        "period": report.period,
        "start": report.start.isoformat(),
        "end": report.end.isoformat(),
        "generated_at": report.generated_at.isoformat(),
        "legal_requests": {
            "countries": [asdict(c) for c in report.legal.countries],
            "totals": asdict(report.legal.totals),
            "unattributable": report.legal.unattributable,
        },
        "moderation": asdict(report.moderation),
    }


CSV_HEADER = ("period", "section", "country", "metric", "value")


def report_rows(report: TransparencyReport) -> list[tuple[str, str, str, str, str]]:
    """The report as long-format rows: one figure per row (the CLI's csv format)."""
    rows: list[tuple[str, str, str, str, str]] = []
    p = report.period
    for figures in [*report.legal.countries, report.legal.totals]:
        for metric, value in asdict(figures).items():
            if metric == "country":
                continue
            if isinstance(value, dict):
                for reason, count in value.items():
                    rows.append(
                        (p, "legal_requests", figures.country, f"{metric}.{reason}", str(count))
                    )
            else:
                rows.append((p, "legal_requests", figures.country, metric, str(value)))
    rows.append((p, "legal_requests", ALL, "unattributable", str(report.legal.unattributable)))
    for metric, value in asdict(report.moderation).items():
        if isinstance(value, dict):
            for key, count in value.items():
                rows.append((p, "moderation", ALL, f"{metric}.{key}", str(count)))
        else:
            rows.append((p, "moderation", ALL, metric, "" if value is None else str(value)))
    return rows
