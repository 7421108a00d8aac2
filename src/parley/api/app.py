"""The ASGI application: the client API under /api/v1, operations endpoints at the root.
Later rooms (Bot API, web, legal API) mount their routers here too."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from parley import __version__
from parley.api import errors
from parley.api.middleware import BodyLimit, MetricsMiddleware
from parley.api.routes import (
    auth,
    bots,
    chats,
    health,
    legal,
    legal_authority,
    me,
    media,
    members,
    messages,
    moderation,
    reports,
    search,
    updates,
    users,
)
from parley.api.schemas.wire import render_live
from parley.botapi import app as botapi
from parley.container import Container
from parley.web import mount as web

API_PREFIX = "/api/v1"


def create_app(container: Container) -> FastAPI:
    """The application for one container (one process serves one)."""
    app = build_app()
    attach(app, container)
    return app


def attach(app: FastAPI, container: Container) -> None:
    """Point an application at a container. Tests build the app once and attach a fresh
    container per test."""
    app.state.container = container
    container.hub.set_renderer(render_live)
    botapi.install(container.ctx, container.bots.webhooks)


def build_app() -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        container: Container = app.state.container
        await container.start()
        try:
            yield
        finally:
            await container.close()

    app = FastAPI(
        title="Parley API",
        version=__version__,
        description="The client API of Parley: accounts, chats, messages, live updates.",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
        lifespan=lifespan,
    )
    errors.install(app)

    # Routers are included flat, not nested under one /api/v1 router: FastAPI matches nested
    # routers level by level, which cost a quarter of a send's CPU time.
    modules = (auth, me, users, chats, members, messages, updates, reports, moderation, bots,
               media, legal, search)  # fmt: skip
    for module in modules:
        app.include_router(module.router, prefix=API_PREFIX)
    app.include_router(health.router)
    app.include_router(legal_authority.router)
    app.include_router(botapi.router)
    web.install(app)

    app.add_middleware(MetricsMiddleware)
    app.add_middleware(BodyLimit)
    return app
