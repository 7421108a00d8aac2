"""The content scanner: everything that can reach search — posts in public groups and
channels, public chats' titles, descriptions and usernames, user profiles — is classified at
write time, off the request path, by one worker per deployment (it holds a lease) that tails
the chat event sequence. Private chats are never read here: a private message reaches
moderators only when a participant reports it.

A score at or above a category's quarantine threshold opens a case and quarantines the post
(out of search at once, still in its chat); removal needs a hash-bank match too. Chats and
profiles are flagged for a human, never acted on automatically."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from parley.bus import Topics
from parley.domain.chats import Chat, ChatKind, ChatStatus
from parley.domain.events import ChatEventKind, EventPosition
from parley.domain.messages import MessageKind, Visibility
from parley.domain.moderation import CaseSource, Subject, SubjectKind
from parley.moderation.classifier import TextClassifier
from parley.moderation.hashes import Match
from parley.moderation.policy import Action, Policy
from parley.services import audit
from parley.services.cases import open_or_fold, record_event
from parley.services.context import Ctx
from parley.services.decisions import (
    Effects,
    Strikes,
    effective_policy,
    publish_effects,
    record_decision,
)
from parley.services.sequence import Changes
from parley.services.wake import woken
from parley.store.hash_banks import MediaHashes
from parley.store.tx import Tx

# After a wake-up, wait this long so one pass covers a burst of writes, not one pass each.
COALESCE_SECONDS = 0.05
log = logging.getLogger(__name__)
CURSOR = "scanner"
LEASE = "scanner"
LEASE_TERM = timedelta(seconds=30)
LEASE_RENEW = timedelta(seconds=10)
NONE = "none"
SCANNED_MESSAGE_EVENTS = (ChatEventKind.MESSAGE_NEW, ChatEventKind.MESSAGE_EDIT)


@dataclass(frozen=True, slots=True)
class Item:
    """One piece of public text to classify, and what it is about."""

    subject: Subject
    text: str
    media_key: str | None = None
    hashes: MediaHashes | None = None


@dataclass(frozen=True, slots=True)
class Verdict:
    item: Item
    category: str
    score: float
    scores: dict[str, float]
    matches: list[Match]


def is_public(chat: Chat | None) -> bool:
    return (chat is not None and chat.kind is not ChatKind.PRIVATE and chat.username is not None
            and chat.status is not ChatStatus.BANNED)  # fmt: skip


class Scanner:
    def __init__(self, ctx: Ctx, *, holder: str) -> None:
        self._ctx = ctx
        self._holder = holder
        self._held_until: datetime | None = None
        self._classifier: TextClassifier | None = None
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        ctx.bus.subscribe(Topics.EVENTS, self._poke)

    def _poke(self, _: dict[str, Any]) -> None:
        self._wake.set()

    async def classifier(self) -> TextClassifier:
        if self._classifier is None:
            self._classifier = await asyncio.to_thread(TextClassifier.load_default)
        return self._classifier

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._loop(), name="parley-scanner")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _loop(self) -> None:
        batch = self._ctx.settings.scan_batch
        while True:
            self._wake.clear()  # what is published from here on wakes the next pass
            try:
                if await self._hold_lease():
                    # Only a full pass goes again at once: under a steady stream a partial one
                    # waits for the coalescing window, or the scanner would spin on passes of
                    # a few events, each costing its own write transactions.
                    while await self.run_once() >= batch:
                        pass
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("scanner pass failed")
            await woken(self._wake, 1.0)
            if self._wake.is_set():  # let a burst of sends land: one pass reads them all
                await asyncio.sleep(COALESCE_SECONDS)

    async def _hold_lease(self) -> bool:
        """Take or renew the scanner's lease. A lease taken less than LEASE_RENEW ago is still
        ours without asking the store: a pass does not cost a write for it."""
        now = self._ctx.clock.now()
        if self._held_until is not None and now < self._held_until - LEASE_TERM + LEASE_RENEW:
            return True
        until = now + LEASE_TERM

        def take(tx: Tx) -> bool:
            return tx.leases.acquire(LEASE, holder=self._holder, now=now, until=until)

        held = await self._ctx.db.write(take)
        self._held_until = until if held else None
        return held

    async def catch_up(self) -> int:
        """Scan everything pending (tests and the worker use it)."""
        total = 0
        if not await self._hold_lease():
            return 0
        while (n := await self.run_once()) > 0:
            total += n
        return total

    async def run_once(self) -> int:
        """One pass: read a batch of events and queued profile scans, classify, act, advance."""
        limit = self._ctx.settings.scan_batch

        def read(tx: Tx) -> tuple[EventPosition, int, list[Item]]:
            cursor = tx.cursors.get(CURSOR) or EventPosition()  # a first run scans it all
            window = tx.events.window(cursor, limit=limit)
            # private chats and private groups are never scanned: their events stay unread
            chats = tx.chats.get_many(set(window.chat_ids))
            public = {chat_id for chat_id, chat in chats.items() if is_public(chat)}
            events = tx.events.tail_in(cursor, window, public)
            queued = tx.scan_queue.take(limit=limit)
            items = _items_from_events(tx, events, chats) + _items_from_queue(tx, queued)
            hashes = tx.hash_banks.media([i.media_key for i in items if i.media_key])
            items = [replace(i, hashes=hashes.get(i.media_key)) if i.media_key else i
                     for i in items]  # fmt: skip
            return window.last, window.count + len(queued), items

        last, seen, items = await self._ctx.db.write(read)
        if not seen:
            return 0
        verdicts = await self._classify(items)
        await self._act(verdicts, last)
        return seen

    async def _classify(self, items: list[Item]) -> list[Verdict]:
        if not items:
            return []
        classifier = await self.classifier()
        texts = [i.text for i in items]
        probabilities = await asyncio.to_thread(classifier.predict_proba, texts)
        labels = classifier.labels
        verdicts = []
        for item, row in zip(items, probabilities, strict=True):
            scores = {label: round(float(p), 4) for label, p in zip(labels, row, strict=True)}
            best = max((label for label in labels if label != NONE), key=lambda k: scores[k])
            matches = await self._media_matches(item)
            verdicts.append(Verdict(item=item, category=best, score=scores[best], scores=scores,
                                    matches=matches))  # fmt: skip
        return verdicts

    async def _media_matches(self, item: Item) -> list[Match]:
        cache = self._ctx.extensions.get("hash_banks")
        if item.hashes is None or cache is None:
            return []
        return list(await cache.match_hashes(item.hashes))

    async def _act(self, verdicts: list[Verdict], last: EventPosition) -> None:
        policy = effective_policy(self._ctx)
        strikes = Strikes.of(self._ctx)
        now = self._ctx.clock.now()

        def run(tx: Tx) -> Effects:
            changes, revoked = Changes(), list[int]()
            for verdict in verdicts:
                _act_on(tx, changes, revoked, verdict, policy=policy, strikes=strikes, at=now)
            tx.cursors.set(CURSOR, last)
            return Effects(changes, revoked)

        effects = await self._ctx.db.write(run)
        await publish_effects(self._ctx, effects)


def _items_from_events(tx: Tx, events: list[Any], chats: dict[int, Chat]) -> list[Item]:
    keys = [(e.chat_id, int(e.data["message_id"])) for e in events
            if e.kind in SCANNED_MESSAGE_EVENTS and "message_id" in e.data]  # fmt: skip
    messages = tx.messages.get_keys([k for k in keys if is_public(chats.get(k[0]))])
    items: list[Item] = []
    seen_chats: set[int] = set()
    for e in events:
        chat = chats.get(e.chat_id)
        if not is_public(chat):
            continue  # private chats and private groups are never scanned
        assert chat is not None
        message = messages.get((e.chat_id, int(e.data.get("message_id", 0))))
        created = (message is not None and message.kind is MessageKind.SERVICE
                   and message.extra.get("action") == "chat_created")  # fmt: skip
        if e.kind is ChatEventKind.CHAT_UPDATE or created:
            if chat.id not in seen_chats:
                seen_chats.add(chat.id)
                items.append(Item(Subject.chat(chat.id), _chat_text(chat)))
            continue
        if e.kind not in SCANNED_MESSAGE_EVENTS or message is None:
            continue
        if message.deleted or message.kind is not MessageKind.TEXT:
            continue
        if message.visibility is Visibility.REMOVED:
            continue
        key = media_key(message.media)
        if message.text.strip() or key:
            items.append(Item(Subject.message(chat.id, message.id), message.text, key))
    return items


def media_key(media: dict[str, Any] | None) -> str | None:
    """The stored file group a message's photo or document belongs to (see services/media)."""
    if not media:
        return None
    if media.get("type") == "photo" and media.get("sizes"):
        return str(max(media["sizes"], key=lambda s: s.get("file_size") or 0)["file_id"])
    file_id = media.get("file_id")
    return str(file_id) if file_id else None


def _chat_text(chat: Chat) -> str:
    return " \n".join(p for p in (chat.title, chat.description, chat.username or "") if p)


def _items_from_queue(tx: Tx, queued: list[Any]) -> list[Item]:
    items = []
    for q in queued:
        subject = Subject.parse(q.subject_kind, q.subject_key)
        if subject.kind is SubjectKind.USER:
            assert subject.user_id is not None
            user = tx.users.get(subject.user_id)
            if user is not None:
                text = " \n".join(p for p in (user.display_name, user.bio, user.username or "")
                                  if p)  # fmt: skip
                items.append(Item(subject, text))
        elif subject.kind is SubjectKind.CHAT:
            assert subject.chat_id is not None
            chat = tx.chats.get(subject.chat_id)
            if is_public(chat):
                assert chat is not None
                items.append(Item(subject, _chat_text(chat)))
    return items


def _act_on(tx: Tx, changes: Changes, revoked: list[int], verdict: Verdict, *, policy: Policy,
            strikes: Strikes, at: datetime) -> None:  # fmt: skip
    """Open a case for what crossed a threshold; quarantine or (with a hash match) remove."""
    hash_category = verdict.matches[0].entry.category if verdict.matches else None
    category = hash_category or verdict.category
    score = 1.0 if hash_category else verdict.score
    thresholds = policy.thresholds(category)
    action = thresholds.action_for(score)
    if action is Action.NONE:
        return
    if action is Action.REMOVE and not verdict.matches:
        action = Action.QUARANTINE  # text alone never removes: a human confirms
    subject = verdict.item.subject
    if subject.kind is not SubjectKind.MESSAGE:
        action = Action.NONE  # chats and profiles: flag for a human only
    rules = policy.rules_in(category)
    rule = rules[0]
    actor = audit.Actor.system("detector")
    case = open_or_fold(tx, subject=subject, source=CaseSource.AUTOMATED, category=category,
                        rule_id=rule.id, at=at, actor=actor, model_score=score,
                        scores=verdict.scores)  # fmt: skip
    detail = {"category": category, "score": score,
              "hash_matches": [{"bank": m.entry.bank, "source": m.entry.source,
                                "distance": m.distance} for m in verdict.matches]}  # fmt: skip
    record_event(tx, case.id, "flagged", at=at, actor=actor, data=detail)
    if action is Action.NONE:
        return
    if any(d.automated and d.reversed_at is None for d in tx.decisions.for_case(case.id)):
        return  # already acted on; the case waits for a human
    reasons = (f"Automatically {'removed' if action is Action.REMOVE else 'hidden from search'}: "
               f"an automated detector rated this {score:.0%} likely to break the rule "
               f"'{rule.title}'" + (" and it matches a known hash" if verdict.matches else "")
               + ". A moderator will review it.")  # fmt: skip
    decision = record_decision(
        tx, changes, policy=policy, strikes=strikes, case=case, subject=subject,
        author_id=case.author_id, action=action, rule=rule, reasons=reasons,
        moderator_id=None, automated_detection=True, at=at, revoked=revoked,
        violation=action is Action.REMOVE,
    )  # fmt: skip
    record_event(tx, case.id, "auto_action", at=at, actor=actor,
                 data={"decision_id": decision.id, "action": action.value})  # fmt: skip
