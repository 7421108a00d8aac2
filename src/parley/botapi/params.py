"""Method parameters from wherever a library puts them: the query string (pyTelegramBotAPI),
a form or multipart body with JSON-encoded nested fields (python-telegram-bot, aiogram), or a
JSON body. Values arrive as strings or as JSON values and are read here into typed values, with
Telegram's 400 descriptions when one is missing or malformed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import orjson
from starlette.datastructures import UploadFile
from starlette.requests import Request

from parley.botapi.errors import bad_request

MAX_FIELDS = 1000
MAX_FILES = 10


@dataclass(frozen=True, slots=True)
class InputFile:
    data: bytes
    file_name: str | None
    mime_type: str | None


@dataclass
class Params:
    values: dict[str, Any] = field(default_factory=dict)
    files: dict[str, InputFile] = field(default_factory=dict)

    def has(self, name: str) -> bool:
        value = self.values.get(name)
        return (value is not None and value != "") or name in self.files

    def raw(self, name: str) -> Any:
        value = self.values.get(name)
        return None if value == "" else value

    def string(self, name: str, default: str | None = None) -> str | None:
        value = self.raw(name)
        if value is None:
            return default
        if isinstance(value, str):
            return value
        if isinstance(value, bool | int | float):
            return str(value).lower() if isinstance(value, bool) else str(value)
        raise bad_request(f'field "{name}" must be of type String')

    def required_string(self, name: str) -> str:
        value = self.string(name)
        if value is None:
            raise bad_request(f'parameter "{name}" is required')
        return value

    def integer(self, name: str, default: int | None = None) -> int | None:
        value = self.raw(name)
        if value is None:
            return default
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str):
            try:
                return int(value.strip())
            except ValueError:
                pass
        raise bad_request(f'field "{name}" must be a valid Number')

    def required_integer(self, name: str, missing: str | None = None) -> int:
        value = self.integer(name)
        if value is None:
            raise bad_request(missing or f'parameter "{name}" is required')
        return value

    def flag(self, name: str, default: bool = False) -> bool:
        """True for true/yes/1 in any case, as Telegram reads flags."""
        value = self.raw(name)
        if value is None:
            return default
        if isinstance(value, bool):
            return value
        if isinstance(value, int | float):
            return value != 0
        return str(value).strip().lower() in ("true", "yes", "1")

    def json(self, name: str) -> Any:
        """An object or array, given as JSON text (forms) or as itself (JSON bodies)."""
        value = self.raw(name)
        if value is None:
            return None
        if isinstance(value, str):
            try:
                return orjson.loads(value)
            except orjson.JSONDecodeError:
                raise bad_request(f"can't parse {name} JSON object") from None
        return value

    def json_object(self, name: str, what: str | None = None) -> dict[str, Any] | None:
        value = self.json(name)
        if value is None:
            return None
        if not isinstance(value, dict):
            raise bad_request(f"object expected as {what or name.replace('_', ' ')}")
        return value

    def json_list(self, name: str) -> list[Any] | None:
        value = self.json(name)
        if value is None:
            return None
        if not isinstance(value, list):
            raise bad_request(f'field "{name}" must be an Array')
        return value

    def file_or_id(self, name: str) -> InputFile | str | None:
        """An uploaded part, an attach://<part> reference, or a file_id/URL string."""
        if name in self.files:
            return self.files[name]
        value = self.string(name)
        if value is None:
            return None
        if value.startswith("attach://"):
            attached = self.files.get(value.removeprefix("attach://"))
            if attached is None:
                raise bad_request(f"file attached as {value} is not in the request")
            return attached
        return value


async def read_params(request: Request) -> Params:
    """Query string first, then the body's fields over it."""
    params = Params(values=dict(request.query_params))
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if request.method != "POST" or not ctype:
        return params
    if ctype == "application/json":
        body = await request.body()
        if body.strip():
            try:
                data = orjson.loads(body)
            except orjson.JSONDecodeError:
                raise bad_request("can't parse JSON encoded request body") from None
            if not isinstance(data, dict):
                raise bad_request("JSON object expected as the request body")
            params.values.update(data)
        return params
    if ctype in ("application/x-www-form-urlencoded", "multipart/form-data"):
        try:
            form = await request.form(max_files=MAX_FILES, max_fields=MAX_FIELDS)
        except Exception:
            raise bad_request("can't parse the request body") from None
        try:
            for key, value in form.multi_items():
                if isinstance(value, UploadFile):
                    params.files[key] = InputFile(data=await value.read(),
                                                  file_name=value.filename,
                                                  mime_type=value.content_type)  # fmt: skip
                else:
                    params.values[key] = value
        finally:
            await form.close()  # uploads spool to temporary files
        return params
    raise bad_request(f"unsupported Content-Type {ctype[:64]}")
