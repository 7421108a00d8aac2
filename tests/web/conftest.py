from __future__ import annotations

import itertools
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest

from tests.legal.conftest import world  # noqa: F401  (the legal world, for legal pages)
from tests.web.helpers import WebUser

_phones = itertools.count(1)


@pytest.fixture
async def web(server: str) -> AsyncIterator[Callable[..., Awaitable[WebUser]]]:
    """Make signed-in browsers (over HTTP): `alice = await web("Alice")`."""
    users: list[WebUser] = []

    async def make(name: str = "Web User", *, signed_in: bool = True) -> WebUser:
        user = WebUser(server)
        users.append(user)
        if signed_in:
            n = next(_phones)
            await user.sign_in(f"+99966{(n % 3) + 1}{(5000 + n) % 10000:04d}", name=name)
        return user

    yield make
    for user in users:
        await user.close()
