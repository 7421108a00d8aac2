"""Seeding the demo world through the services, exactly as users would build it."""

from __future__ import annotations

import random
from dataclasses import dataclass

from parley.demo import content
from parley.domain.chats import ChatKind
from parley.domain.users import Role
from parley.services import accounts, chats, members, messages
from parley.services.audit import Actor
from parley.services.context import Ctx

SEED = 2026


@dataclass(frozen=True, slots=True)
class DemoPerson:
    key: str
    phone: str
    name: str
    username: str
    roles: tuple[Role, ...] = ()

    @property
    def code(self) -> str:
        return self.phone[6] * 5


PEOPLE = [
    DemoPerson("alice", "+9996610001", "Alice Moreau", "alice"),
    DemoPerson("bob", "+9996620002", "Bob Okafor", "bob_rides"),
    DemoPerson("carol", "+9996630003", "Carol Nguyen", "carol_cooks"),
    DemoPerson("dave", "+9996610004", "Dave Petrov", "dave_dev"),
    DemoPerson("mallory", "+9996620005", "Night Market", "nightmarket_2049"),
    DemoPerson("maria", "+9996630006", "Maria (moderator)", "mod_maria", (Role.MODERATOR,)),
    DemoPerson("sam", "+9996610010", "Sam (moderator)", "mod_sam", (Role.MODERATOR,)),
    DemoPerson("lena", "+9996610007", "Lena (legal)", "legal_lena", (Role.LEGAL_OFFICER,)),
    DemoPerson("omar", "+9996620008", "Omar (legal)", "legal_omar", (Role.LEGAL_OFFICER,)),
    DemoPerson("ada", "+9996630009", "Ada (admin)", "admin_ada", (Role.ADMIN,)),
]


@dataclass(frozen=True, slots=True)
class SeedReport:
    people: list[DemoPerson]
    chats: int
    messages: int


async def seed(ctx: Ctx) -> SeedReport:
    rng = random.Random(SEED)
    ids: dict[str, int] = {}
    for p in PEOPLE:
        user = await accounts.ensure_account(ctx, p.phone, display_name=p.name, username=p.username)
        ids[p.key] = user.id
        for role in p.roles:
            await accounts.grant_role(ctx, user.id, role=role, actor=Actor.system("demo"))

    count = 0

    async def post_all(user: str, chat_id: int, texts: list[str]) -> None:
        nonlocal count
        for text in texts:
            await messages.send_message(ctx, ids[user], chat_id=chat_id, text=text)
            count += 1

    async def chat(owner: str, kind: ChatKind, title: str, username: str | None, about: str) -> int:
        view = await chats.create_chat(ctx, ids[owner], kind=kind, title=title, username=username,
                                       description=about)  # fmt: skip
        return view.chat.id

    news = await chat(
        "ada",
        ChatKind.CHANNEL,
        "Parley News",
        "parley_news",
        "Announcements from the people who run this Parley.",
    )
    rides = await chat(
        "bob",
        ChatKind.GROUP,
        "City Cycling Club",
        "citycycling",
        "Group rides, routes and repairs. Be kind, ride safe.",
    )
    kitchen = await chat(
        "carol",
        ChatKind.CHANNEL,
        "Kitchen Stories",
        "kitchen_stories",
        "A recipe a day, from soups to sourdough.",
    )
    dev = await chat(
        "dave",
        ChatKind.GROUP,
        "Python Developers",
        "pydev_chat",
        "Questions, answers and meetups for Python people.",
    )
    world = await chat(
        "ada",
        ChatKind.CHANNEL,
        "World Brief",
        "world_brief",
        "Short news digests, several times a day.",
    )
    market = await chat(
        "mallory",
        ChatKind.CHANNEL,
        "Night Market 24/7",
        "night_market_shop",
        "best prices, discreet delivery, DM to order",
    )
    family = await chat("alice", ChatKind.GROUP, "Moreau family", None, "Private family group")

    for who in ("alice", "carol", "dave", "maria"):
        await chats.join_chat(ctx, ids[who], chat_id=rides)
    for who in ("alice", "bob", "carol"):
        await chats.join_chat(ctx, ids[who], chat_id=dev)
    for who in ("alice", "bob", "carol", "dave"):
        for channel in (news, kitchen, world):
            await chats.join_chat(ctx, ids[who], chat_id=channel)
    await members.add_members(ctx, ids["alice"], chat_id=family, user_ids=[ids["bob"]])

    await post_all("ada", news, content.news_posts())
    riders = ["bob", "alice", "carol", "dave"]
    for i, text in enumerate(content.ride_posts(rng, 70)):
        await post_all(riders[i % len(riders)], rides, [text])
    await post_all("carol", kitchen, content.kitchen_posts(rng, 60))
    devs = ["dave", "alice", "bob", "carol"]
    for i, text in enumerate(content.dev_posts(rng, 70)):
        await post_all(devs[i % len(devs)], dev, [text])
    await post_all("ada", world, content.world_posts(rng, 48))
    await post_all("mallory", market, content.market_posts())
    await post_all("alice", family, ["Dinner at ours on Sunday?", "Bring the photo album!"])

    dm = await chats.open_private_chat(ctx, ids["alice"], peer_id=ids["bob"])
    for who, text in [("alice", "Hi Bob! Are you riding on Saturday?"),
                      ("bob", "Yes! 8:00 at the bakery."),
                      ("alice", "Perfect, see you there 🚲")]:  # fmt: skip
        await post_all(who, dm.chat.id, [text])
    return SeedReport(people=PEOPLE, chats=8, messages=count)


async def is_seeded(ctx: Ctx) -> bool:
    return await ctx.db.read(lambda tx: tx.users.count()) > 0
