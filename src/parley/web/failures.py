"""Errors as a browser should see them. The API's handlers answer JSON; for requests to pages
these answer an HTML page, an htmx fragment shown in the page's status area, or a redirect to
sign-in. Installed over the API's handlers, which still answer everything else."""

from __future__ import annotations

import inspect
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from parley.api.errors import status_for
from parley.domain.errors import DomainError, RateLimited
from parley.web.guard import SignInRequired, sign_in_url
from parley.web.pages import page

TITLES = {
    400: "That did not work",
    401: "Sign in first",
    403: "Not allowed",
    404: "Not found",
    409: "Conflict",
    413: "Too large",
    422: "Check the form",
    429: "Slow down",
}


def is_page_request(request: Request) -> bool:
    """A request a page router answers, or a browser asking for a page that does not exist."""
    route: Any = request.scope.get("route")
    if request.url.path.endswith(".json"):  # data endpoints in the web room answer JSON
        return False
    if route is not None:
        module = getattr(getattr(route, "endpoint", None), "__module__", "")
        return str(module).startswith("parley.web.")
    path = request.url.path
    if path.startswith(("/api/", "/bot", "/legal/v1", "/healthz", "/readyz", "/metrics")):
        return False
    return "text/html" in request.headers.get("accept", "")


def error_page(request: Request, status: int, message: str, code: str) -> Response:
    headers: dict[str, str] = {}
    if request.headers.get("hx-request"):
        # htmx shows it in the page's status area rather than where the answer would go.
        headers = {"HX-Retarget": "#flash", "HX-Reswap": "innerHTML"}
        return page(
            request,
            "fragments/flash.html",
            status_code=status,
            headers=headers,
            message=message,
            kind="error",
        )
    return page(
        request,
        "error.html",
        status_code=status,
        title=TITLES.get(status, "Error"),
        message=message,
        code=code,
    )


async def _delegate(handler: Any, request: Request, error: Exception) -> Response:
    """Answer as the API would (its handlers, installed before these)."""
    result = handler(request, error)
    response: Response = await result if inspect.isawaitable(result) else result
    return response


def install(app: FastAPI) -> None:
    api_domain = app.exception_handlers[DomainError]
    api_validation = app.exception_handlers[RequestValidationError]
    api_http = app.exception_handlers[StarletteHTTPException]

    @app.exception_handler(SignInRequired)
    async def _sign_in(request: Request, error: SignInRequired) -> Response:
        target = sign_in_url(error.next_path)
        if request.headers.get("hx-request"):
            return Response(status_code=204, headers={"HX-Redirect": target})
        return RedirectResponse(target, status_code=303)

    @app.exception_handler(DomainError)
    async def _domain(request: Request, error: DomainError) -> Response:
        if not is_page_request(request):
            return await _delegate(api_domain, request, error)
        response = error_page(request, status_for(error), error.message, error.code)
        if isinstance(error, RateLimited):
            response.headers["Retry-After"] = str(error.retry_after)
        return response

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, error: RequestValidationError) -> Response:
        if not is_page_request(request):
            return await _delegate(api_validation, request, error)
        problems = []
        for item in error.errors()[:5]:
            where = str(item.get("loc", ("", ""))[-1])
            problems.append(f"{where.replace('_', ' ')}: {item.get('msg', 'invalid')}")
        return error_page(request, 422, "; ".join(problems) or "invalid form", "invalid_form")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, error: StarletteHTTPException) -> Response:
        if not is_page_request(request):
            return await _delegate(api_http, request, error)
        message = "There is no page here." if error.status_code == 404 else str(error.detail)
        return error_page(request, error.status_code, message, "http_error")
