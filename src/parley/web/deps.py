"""What a page needs from the request: the services' context of the container serving it."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends
from starlette.requests import HTTPConnection

from parley.container import Container
from parley.services.context import Ctx


def get_ctx(conn: HTTPConnection) -> Ctx:
    container: Container = conn.app.state.container
    return container.ctx


CtxDep = Annotated[Ctx, Depends(get_ctx)]
