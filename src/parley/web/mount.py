"""Mounting the web room on the application: page routers, static files, browser protections
and HTML error pages. Called once from api/app.py."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from parley.web import (
    client_account,
    client_auth,
    client_chats,
    client_messages,
    failures,
    legal,
    moderation,
    portal,
    reports,
    search,
    transparency,
)
from parley.web.headers import BrowserGuard
from parley.web.pages import STATIC

ROUTERS = (
    client_auth,
    client_chats,
    client_messages,
    client_account,
    reports,
    moderation,
    legal,
    portal,
    search,
    transparency,
)


def install(app: FastAPI) -> None:
    for module in ROUTERS:
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    failures.install(app)
    app.add_middleware(BrowserGuard)
