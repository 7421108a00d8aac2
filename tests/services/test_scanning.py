"""The content scanner: public posts, chat info and profiles are classified off the request
path; above a category's threshold a post is quarantined and a case opens; removal needs a
hash-bank match; private chats are never read."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

from parley.container import Container
from parley.domain.chats import ChatKind
from parley.domain.messages import Visibility
from parley.domain.moderation import CaseSource, SubjectKind
from parley.moderation.hashes import pdq_hash
from parley.security.ratelimit import NoRateLimiter
from parley.services import accounts, chats, hash_banks, messages
from parley.services.audit import Actor

AD = "c0ca1ne 90% pure, 1g-100g, stealth post, pay in BTC only"


async def _setup(container: Container) -> tuple[int, int, int]:
    ctx = container.ctx
    ctx.limiter = NoRateLimiter()
    seller = await accounts.ensure_account(ctx, "+9996610301", display_name="Seller")
    buyer = await accounts.ensure_account(ctx, "+9996610302", display_name="Buyer")
    shop = await chats.create_chat(ctx, seller.id, kind=ChatKind.CHANNEL, title="Shop",
                                   username="shop_channel")  # fmt: skip
    return seller.id, buyer.id, shop.chat.id


async def test_public_ad_is_quarantined_and_a_case_opens(container: Container) -> None:
    seller, _, shop = await _setup(container)
    sent = await messages.send_message(container.ctx, seller, chat_id=shop, text=AD)
    fine = await messages.send_message(container.ctx, seller, chat_id=shop,
                                       text="Great ride today, 40 km along the river")  # fmt: skip
    await container.scanner.catch_up()
    found = await container.db.read(
        lambda tx: tx.messages.get_many(shop, [sent.message.id, fine.message.id])
    )
    assert found[sent.message.id].visibility is Visibility.QUARANTINED
    assert found[fine.message.id].visibility is Visibility.VISIBLE
    queue = await container.db.read(lambda tx: tx.cases.queue(states=("open",)))
    assert len(queue) == 1
    case = queue[0]
    assert case.source is CaseSource.AUTOMATED and case.category == "drugs"
    assert case.scores["drugs"] > 0.9
    decisions = await container.db.read(lambda tx: tx.decisions.for_case(case.id))
    assert [(d.action, d.automated) for d in decisions] == [("quarantine", True)]
    assert decisions[0].statement["automated_decision"] == "AUTOMATED_DECISION_FULLY"
    # text alone never removes, and quarantine is no confirmed violation
    assert await container.db.read(lambda tx: tx.violations.for_user(seller)) == []
    assert await container.scanner.catch_up() == 0  # the cursor moved on


async def test_private_chats_are_never_scanned(container: Container) -> None:
    seller, buyer, _ = await _setup(container)
    dm = await chats.open_private_chat(container.ctx, seller, peer_id=buyer)
    group = await chats.create_chat(container.ctx, seller, kind=ChatKind.GROUP, title="secret")
    for chat_id in (dm.chat.id, group.chat.id):
        await messages.send_message(container.ctx, seller, chat_id=chat_id, text=AD)
    await container.scanner.catch_up()
    assert await container.db.read(lambda tx: tx.cases.count_by_state()) == {}


async def test_chat_info_and_profiles_are_flagged_not_acted_on(container: Container) -> None:
    seller, _, _ = await _setup(container)
    await chats.create_chat(container.ctx, seller, kind=ChatKind.CHANNEL,
                            title="Glock 19 + ammo, no papers needed",
                            username="guns_no_papers")  # fmt: skip
    await accounts.update_profile(
        container.ctx, seller, bio="Fake passports EU/US, scannable, DM for prices"
    )
    await container.scanner.catch_up()
    cases = await container.db.read(lambda tx: tx.cases.queue(states=("open",)))
    kinds = {(c.subject.kind, c.category) for c in cases}
    assert (SubjectKind.CHAT, "weapons") in kinds
    assert (SubjectKind.USER, "fake_documents") in kinds
    for case in cases:
        assert await container.db.read(lambda tx, c=case: tx.decisions.for_case(c.id)) == []


def _picture() -> bytes:
    image = Image.new("RGB", (320, 240), "white")
    draw = ImageDraw.Draw(image)
    for i in range(0, 320, 20):
        draw.line((i, 0, 320 - i, 240), fill=(i % 255, 40, 200 - i % 200), width=5)
    draw.ellipse((80, 60, 240, 200), fill=(200, 30, 30))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


async def test_hash_bank_import_and_media_match(container: Container) -> None:
    picture = _picture()
    digest = pdq_hash(picture)
    csv = f"hash,category,source,kind\n{digest.hex},weapons,test-bank,pdq\n"
    result = await hash_banks.import_bank(container.ctx, csv, bank="known-bad",
                                          actor=Actor.system("test"))  # fmt: skip
    assert (result.read, result.added) == (1, 1)
    again = await hash_banks.import_bank(container.ctx, csv, bank="known-bad",
                                         actor=Actor.system("test"))  # fmt: skip
    assert again.added == 0
    matches = await container.hash_banks.match_media(picture)
    assert [m.entry.bank for m in matches] == ["known-bad"]
    assert await container.hash_banks.match_media(b"not an image") == []
