"""Accounts: users, bots, roles and the rules on their names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from parley.domain.errors import InvalidInput


class Role(StrEnum):
    USER = "user"
    MODERATOR = "moderator"
    LEGAL_OFFICER = "legal_officer"
    ADMIN = "admin"


class UserKind(StrEnum):
    USER = "user"
    BOT = "bot"
    SYSTEM = "system"  # the "Parley" account that delivers notices (statements of reasons…)


class UserStatus(StrEnum):
    ACTIVE = "active"
    RESTRICTED = "restricted"  # may read, may not post in public chats
    BANNED = "banned"  # may not sign in; posts hidden from search


@dataclass(frozen=True, slots=True)
class User:
    id: int
    kind: UserKind
    username: str | None
    display_name: str
    bio: str
    status: UserStatus
    created_at: datetime
    phone_visible: bool = False
    phone_searchable: bool = False
    roles: frozenset[Role] = field(default_factory=frozenset)
    bot_owner_id: int | None = None

    def has_role(self, role: Role) -> bool:
        """Roles do not imply each other: an admin is not a legal officer unless granted,
        so separation of duties holds (see docs/legal-requests.md)."""
        return role is Role.USER or role in self.roles

    @property
    def is_bot(self) -> bool:
        return self.kind is UserKind.BOT


@dataclass(frozen=True, slots=True)
class Session:
    id: int
    user_id: int
    created_at: datetime
    last_active_at: datetime
    user_agent: str
    revoked_at: datetime | None = None


USERNAME_MIN, USERNAME_MAX = 5, 32
DISPLAY_NAME_MAX = 64
BIO_MAX = 140
_USERNAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


def normalize_username(raw: str) -> str:
    """Validate a username (5–32 letters, digits, underscores, starting with a letter).

    Returns it as typed, without a leading @; uniqueness is case-insensitive (see
    `username_key`)."""
    name = raw.strip().removeprefix("@")
    if not USERNAME_MIN <= len(name) <= USERNAME_MAX:
        raise InvalidInput(
            f"username must be {USERNAME_MIN}–{USERNAME_MAX} characters", code="invalid_username"
        )
    if not _USERNAME.match(name) or not name.isascii():
        raise InvalidInput(
            "username may hold only letters, digits and underscores, and starts with a letter",
            code="invalid_username",
        )
    return name


def username_key(name: str) -> str:
    return name.lower()


def clean_display_name(raw: str) -> str:
    name = " ".join(raw.split())
    if not 1 <= len(name) <= DISPLAY_NAME_MAX:
        raise InvalidInput(
            f"display name must be 1–{DISPLAY_NAME_MAX} characters", code="invalid_display_name"
        )
    return name


def clean_bio(raw: str) -> str:
    bio = raw.strip()
    if len(bio) > BIO_MAX:
        raise InvalidInput(f"bio must be at most {BIO_MAX} characters", code="invalid_bio")
    return bio
