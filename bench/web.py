"""Web pages benchmark (issue 6). Prints JSON.

    .venv/bin/python bench/web.py            # 200 requests per page
    .venv/bin/python bench/web.py --quick    # 20

Seeds the demo world into a fresh data directory, serves it from one `parley serve` process
and measures, as a signed-in browser would ask (session cookie, CSRF token, same origin),
the server time of the main pages one after another: the chat list, a busy group's
conversation, search as you type (the results fragment), the moderation queue, and a send
through the composer form. Also reports the bytes of the page's static files."""

from __future__ import annotations

import argparse
import json
import platform
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _server import parley, percentile, running_server

STATIC = Path(__file__).resolve().parents[1] / "src" / "parley" / "web" / "static"


def sign_in(http: httpx.Client, phone: str) -> str:
    http.get("/signin")
    page = http.get("/signin").text
    csrf = re.search(r'name="csrf-token" content="([0-9a-f]+)"', page)
    assert csrf is not None
    http.post("/signin/code", data={"phone": phone, "csrf_token": csrf.group(1)})
    r = http.post(
        "/signin", data={"phone": phone, "code": phone[6] * 5, "csrf_token": csrf.group(1)}
    )
    assert r.status_code == 303, r.text
    page = http.get("/chats").text
    token = re.search(r'name="csrf-token" content="([0-9a-f]+)"', page)
    assert token is not None
    return token.group(1)


def timed(fn: Any, n: int) -> dict[str, float]:
    samples = []
    for _ in range(n):
        started = time.perf_counter()
        response = fn()
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code in (200, 303), response.status_code
    return {
        "p50_ms": round(statistics.median(samples), 2),
        "p95_ms": round(percentile(samples, 95), 2),
        "max_ms": round(max(samples), 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    n = 20 if args.quick else 200
    # Search allows 60 queries a minute per person; the benchmark asks for more.
    with running_server(extra_env={"PARLEY_SEARCH_PER_USER_PER_MINUTE": "1000000"}) as (url, data):
        parley(data, "demo", "seed")
        results: dict[str, Any] = {}
        with httpx.Client(base_url=url, headers={"Origin": url}, timeout=30) as http:
            csrf = sign_in(http, "+9996620002")  # Bob: groups, channels, a private chat
            listing = http.get("/chats").text
            group = re.search(r'href="/chats/(\d+)"[^>]*>\s*<span class="avatar[^>]*>CC', listing)
            chat_id = int(group.group(1)) if group else 1
            results["chat_list"] = timed(lambda: http.get("/chats"), n)
            results["conversation"] = timed(lambda: http.get(f"/chats/{chat_id}"), n)
            hx = {"HX-Request": "true"}
            results["search_as_you_type"] = timed(
                lambda: http.get("/search", params={"q": "ride to"}, headers=hx), n
            )
            found = http.get("/search", params={"q": "ride to"}, headers=hx).text
            results["search_as_you_type"]["results_on_page"] = found.count('<li class="result')
            counter = iter(range(10**9))
            results["send_form"] = timed(
                lambda: http.post(
                    f"/chats/{chat_id}/messages",
                    headers={**hx, "X-CSRF-Token": csrf},
                    data={
                        "text": f"bench message {next(counter)}",
                        "random_id": str(next(counter) + 10**12),
                    },
                ),
                n,
            )
        with httpx.Client(base_url=url, timeout=30) as mod:
            sign_in(mod, "+9996630006")  # Maria, a moderator
            results["moderation_queue"] = timed(lambda: mod.get("/console/moderation"), n)
        page = httpx.get(url + "/signin").text
    static = {p.name: p.stat().st_size for p in sorted(STATIC.iterdir()) if p.is_file()}
    print(
        json.dumps(
            {
                "benchmark": "web pages, sequential requests from one signed-in browser",
                "machine": {"python": platform.python_version(), "platform": platform.platform()},
                "requests_per_page": n,
                "pages": results,
                "sign_in_page_bytes": len(page.encode()),
                "static_bytes": static,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
