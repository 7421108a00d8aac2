from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    """Requests reject unknown fields, so a typo is an error rather than silently ignored."""

    model_config = ConfigDict(extra="forbid")


class ErrorBody(BaseModel):
    code: str
    message: str
    retry_after: int | None = None
    details: dict[str, object] | None = None


class ErrorOut(BaseModel):
    error: ErrorBody


class Ok(BaseModel):
    ok: bool = True


ERROR_RESPONSES: dict[int | str, dict[str, object]] = {
    400: {"model": ErrorOut, "description": "Malformed or invalid request"},
    401: {"model": ErrorOut, "description": "Missing or invalid token"},
    403: {"model": ErrorOut, "description": "Not allowed"},
    404: {"model": ErrorOut, "description": "Not found (or not visible to you)"},
    409: {"model": ErrorOut, "description": "Conflicts with the current state"},
    413: {"model": ErrorOut, "description": "Request too large"},
    422: {"model": ErrorOut, "description": "Fields fail validation"},
    429: {"model": ErrorOut, "description": "Flood control; retry after `retry_after` seconds"},
}
