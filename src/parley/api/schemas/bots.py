from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from parley.api.schemas.common import Model
from parley.services.bots import BotInfo, IssuedToken
from parley.services.callbacks import CallbackAnswer


class CreateBotIn(Model):
    username: str = Field(max_length=64, examples=["weather_bot"])
    name: str = Field(max_length=200, examples=["Weather"])


class UpdateBotIn(Model):
    name: str | None = Field(default=None, max_length=200)
    privacy: bool | None = Field(
        default=None, description="privacy mode: in groups, see only commands, replies, mentions"
    )
    can_join_groups: bool | None = None


class BotOut(BaseModel):
    id: int
    username: str | None
    name: str
    privacy: bool
    can_join_groups: bool
    has_token: bool
    created_at: datetime


class TokenOut(BaseModel):
    bot: BotOut
    token: str = Field(description="shown once: Parley keeps only its hash")


class CallbackIn(Model):
    data: str = Field(min_length=1, max_length=64, description="the button's callback_data")


class CallbackAnswerOut(BaseModel):
    query_id: str
    answered: bool
    text: str | None = None
    show_alert: bool = False
    url: str | None = None


def bot_out(info: BotInfo) -> BotOut:
    b, u = info.bot, info.user
    return BotOut(id=u.id, username=u.username, name=u.display_name, privacy=b.privacy,
                  can_join_groups=b.can_join_groups, has_token=b.has_token,
                  created_at=b.created_at)  # fmt: skip


def token_out(issued: IssuedToken) -> TokenOut:
    return TokenOut(bot=bot_out(issued.info), token=issued.token)


def answer_out(answer: CallbackAnswer) -> CallbackAnswerOut:
    return CallbackAnswerOut(query_id=answer.query_id, answered=answer.answered, text=answer.text,
                             show_alert=answer.show_alert, url=answer.url)  # fmt: skip
