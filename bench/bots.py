"""Bot update benchmarks, printed as JSON.

    .venv/bin/python bench/bots.py [--messages 2000] [--bots 10] [--polls 200]

- dispatch: people post to a group that holds `--bots` bots (half in privacy mode, half admins
  that see everything, one command in ten); how fast the dispatcher turns chat events into
  queued bot updates.
- long_poll: a bot waits in getUpdates while a person writes to it privately; the time from the
  send's return to the bot's getUpdates return, in process (no HTTP)."""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path

from parley.config import Settings
from parley.container import Container
from parley.domain.chats import AdminRights, ChatKind
from parley.security.ratelimit import NoRateLimiter
from parley.services import accounts, bot_updates, bots, chats, members, messages
from parley.store import migrate


async def main(args: argparse.Namespace) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        migrate.upgrade(f"sqlite:///{data / 'parley.db'}")
        container = Container(Settings(env="dev", data=data, secret_key="bench-" * 8))
        container.ctx.limiter = NoRateLimiter()
        await container.start()
        try:
            return await run(container, args)
        finally:
            await container.close()


async def run(c: Container, args: argparse.Namespace) -> dict[str, object]:
    ctx = c.ctx
    owner = await accounts.ensure_account(ctx, "+9996610001", display_name="Owner")
    people = [await accounts.ensure_account(ctx, f"+99966200{i:02d}", display_name=f"P{i}")
              for i in range(20)]  # fmt: skip
    group = await chats.create_chat(ctx, owner.id, kind=ChatKind.GROUP, title="Bench",
                                    member_ids=[p.id for p in people])  # fmt: skip
    bot_ids = []
    for i in range(args.bots):
        issued = await bots.create_bot(ctx, owner.id, username=f"bench{i}_bot", name=f"B{i}")
        bot_ids.append(issued.info.user.id)
    if bot_ids:  # --bots 0 measures the same posting with no bot anywhere, as a baseline
        await members.add_members(ctx, owner.id, chat_id=group.chat.id, user_ids=bot_ids)
    for bot_id in bot_ids[: args.bots // 2]:
        await members.promote_member(ctx, owner.id, chat_id=group.chat.id, user_id=bot_id,
                                     rights=AdminRights())  # fmt: skip
    await c.bots.dispatcher.run_once()
    for bot_id in bot_ids:
        await bot_updates.get_updates(ctx, bot_id, offset=-1)

    # dispatch throughput: post, then time until every event is queued for the bots
    started = time.perf_counter()
    for i in range(args.messages):
        text = "/stats" if i % 10 == 0 else f"message {i}"
        await messages.send_message(ctx, people[i % len(people)].id, chat_id=group.chat.id,
                                    text=text)  # fmt: skip
    posted = time.perf_counter()
    await c.bots.dispatcher.run_once()
    caught_up = time.perf_counter()
    queued = sum([len((await bot_updates.get_updates(ctx, b, limit=100)).updates)
                  for b in bot_ids])  # fmt: skip

    dispatch = {
        "messages": args.messages, "bots_in_group": args.bots,
        "post_seconds": round(posted - started, 3),
        "catch_up_after_last_post_seconds": round(caught_up - posted, 3),
        "messages_per_second_end_to_end": round(args.messages / (caught_up - started), 1),
        "updates_queued_sample": queued,
    }  # fmt: skip
    if not bot_ids:
        return {"dispatch": dispatch}

    # long poll latency
    bot_id = bot_ids[-1]
    person = people[0]
    private = await chats.open_private_chat(ctx, person.id, peer_id=bot_id)
    offset = 0
    latencies = []
    for i in range(args.polls):
        poll = asyncio.create_task(bot_updates.get_updates(ctx, bot_id, offset=offset, wait=5))
        await asyncio.sleep(0)
        await messages.send_message(ctx, person.id, chat_id=private.chat.id, text=f"ping {i}")
        sent = time.perf_counter()
        page = await poll
        latencies.append((time.perf_counter() - sent) * 1000)
        offset = page.updates[-1].update_id + 1
    latencies.sort()
    return {
        "dispatch": dispatch,
        "long_poll": {
            "polls": args.polls,
            "p50_ms": round(statistics.median(latencies), 2),
            "p95_ms": round(latencies[int(len(latencies) * 0.95) - 1], 2),
            "max_ms": round(latencies[-1], 2),
        },
    }  # fmt: skip


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--bots", type=int, default=10)
    parser.add_argument("--polls", type=int, default=200)
    print(json.dumps(asyncio.run(main(parser.parse_args())), indent=2))
