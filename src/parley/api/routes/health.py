from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from parley.api.deps import get_container
from parley.services import health

router = APIRouter(tags=["operations"])


@router.get("/healthz", summary="Liveness: the process answers")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", summary="Readiness: the store answers and is migrated")
async def readyz(request: Request) -> JSONResponse:
    report = await health.readiness(get_container(request).ctx)
    return JSONResponse(report, status_code=200 if report["ready"] else 503)


@router.get("/metrics", summary="Prometheus metrics", include_in_schema=False)
async def metrics(request: Request) -> Response:
    container = get_container(request)
    container.metrics.ws_connections.set(container.hub.connections)
    return Response(generate_latest(container.registry), media_type=CONTENT_TYPE_LATEST)
