"""A browser's side of the web pages over plain HTTP: cookies, the CSRF token from the page's
meta tag, forms posted with it, htmx requests with its header."""

from __future__ import annotations

import re
from typing import Any

import httpx

CSRF_META = re.compile(r'<meta name="csrf-token" content="([0-9a-f]*)">')


class WebUser:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.http = httpx.AsyncClient(base_url=base_url, timeout=10, follow_redirects=False)
        self.csrf = ""

    async def close(self) -> None:
        await self.http.aclose()

    def remember(self, response: httpx.Response) -> httpx.Response:
        found = (
            CSRF_META.search(response.text)
            if "text/html" in response.headers.get("content-type", "")
            else None
        )
        if found and found.group(1):
            self.csrf = found.group(1)
        return response

    async def get(self, path: str, **headers: str) -> httpx.Response:
        return self.remember(await self.http.get(path, headers=headers))

    async def form(
        self,
        path: str,
        data: dict[str, Any] | None = None,
        *,
        csrf: bool = True,
        origin: str | None = None,
    ) -> httpx.Response:
        fields = {k: str(v) for k, v in (data or {}).items()}
        if csrf:
            fields["csrf_token"] = self.csrf
        headers = {"Origin": origin or self.base_url}
        return self.remember(await self.http.post(path, data=fields, headers=headers))

    async def htmx(
        self, method: str, path: str, data: dict[str, Any] | None = None
    ) -> httpx.Response:
        headers = {"HX-Request": "true", "X-CSRF-Token": self.csrf, "Origin": self.base_url}
        return await self.http.request(method, path, data=data, headers=headers)

    async def sign_in(self, phone: str, *, name: str | None = None) -> httpx.Response:
        await self.get("/signin")
        r = await self.form("/signin/code", {"phone": phone, "next": "/chats"})
        assert r.status_code == 200, r.text
        r = await self.form("/signin", {"phone": phone, "code": phone[6] * 5, "next": "/chats"})
        assert r.status_code == 303, r.text
        if r.headers["location"].startswith("/welcome"):
            await self.get(r.headers["location"])
            r = await self.form("/welcome", {"display_name": name or "", "next": "/chats"})
        await self.get("/chats")
        return r
