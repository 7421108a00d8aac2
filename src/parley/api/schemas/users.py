from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from parley.api.schemas.common import Model
from parley.domain.users import Session, User


class SendCodeIn(Model):
    phone: str = Field(max_length=32, examples=["+4915112345678"])


class SentCodeOut(BaseModel):
    phone: str
    expires_in: int
    code_length: int


class SignInIn(Model):
    phone: str = Field(max_length=32)
    code: str = Field(max_length=8)
    display_name: str | None = Field(default=None, max_length=64)


class UserOut(BaseModel):
    id: int
    username: str | None
    display_name: str
    bio: str
    is_bot: bool
    phone: str | None = None


class MeOut(UserOut):
    status: str
    roles: list[str]
    phone_visible: bool
    phone_searchable: bool
    created_at: datetime


class SignedInOut(BaseModel):
    token: str
    session_id: int
    new_account: bool
    user: MeOut


class ProfileIn(Model):
    display_name: str | None = Field(default=None, max_length=200)
    bio: str | None = Field(default=None, max_length=1000)
    username: str | None = Field(default=None, max_length=64, description="empty string clears it")
    phone_visible: bool | None = None
    phone_searchable: bool | None = None


class SessionOut(BaseModel):
    id: int
    created_at: datetime
    last_active_at: datetime
    user_agent: str
    current: bool


def user_out(user: User, *, phone: str | None = None) -> UserOut:
    return UserOut(id=user.id, username=user.username, display_name=user.display_name,
                   bio=user.bio, is_bot=user.is_bot, phone=phone)  # fmt: skip


def me_out(user: User, *, phone: str | None) -> MeOut:
    return MeOut(
        id=user.id, username=user.username, display_name=user.display_name, bio=user.bio,
        is_bot=user.is_bot, phone=phone, status=user.status.value,
        roles=sorted(r.value for r in user.roles), phone_visible=user.phone_visible,
        phone_searchable=user.phone_searchable, created_at=user.created_at,
    )  # fmt: skip


def session_out(session: Session, *, current_id: int) -> SessionOut:
    return SessionOut(id=session.id, created_at=session.created_at,
                      last_active_at=session.last_active_at, user_agent=session.user_agent,
                      current=session.id == current_id)  # fmt: skip
