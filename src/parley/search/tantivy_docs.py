"""How messages and peers become Tantivy documents: the schemas, the keys, the fields.

A message's key packs (chat_id, id) into one integer, so an upsert or a removal is a single
term; a peer's key is its id and kind. Text arrives folded and split by parley.search.text and
is joined with spaces for Tantivy's whitespace tokenizer, so both sides agree on every word."""

from __future__ import annotations

import tantivy

from parley.search.protocol import MessageDoc, MessageKey, PeerDoc, PeerKey, PeerKind
from parley.search.text import fold, hashtags, prefixes, words

_KEY_BITS = 32
_PEER_KIND = {PeerKind.USER: 0, PeerKind.CHAT: 1}
_KIND_OF = {v: k for k, v in _PEER_KIND.items()}


def message_key(chat_id: int, message_id: int) -> int:
    if not (0 < chat_id < 2**31 and 0 < message_id < 2**_KEY_BITS):
        raise ValueError(f"message key out of range: {chat_id}/{message_id}")
    return (chat_id << _KEY_BITS) | message_id


def peer_key(kind: PeerKind, ref: int) -> int:
    return ref * 2 + _PEER_KIND[kind]


def message_schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_integer_field("key", indexed=True, fast=True)
    sb.add_integer_field("chat", indexed=True, fast=True)
    sb.add_integer_field("sender", indexed=True)
    sb.add_integer_field("date", fast=True)  # ms since the epoch; ranges read the fast field
    sb.add_integer_field("size", fast=True)
    sb.add_text_field("text", tokenizer_name="whitespace", index_option="position")
    sb.add_text_field("tags", tokenizer_name="raw", index_option="basic")
    return sb.build()


def peer_schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_integer_field("key", indexed=True, fast=True)
    sb.add_integer_field("kind", indexed=True)
    sb.add_integer_field("public", indexed=True, fast=True)
    sb.add_integer_field("size", fast=True)
    sb.add_text_field("uname", tokenizer_name="raw", index_option="basic")
    sb.add_text_field("name", tokenizer_name="whitespace", index_option="position")
    sb.add_text_field("about", tokenizer_name="whitespace", index_option="position")
    sb.add_text_field("prefix", tokenizer_name="whitespace", index_option="basic")
    return sb.build()


def decode_message(key: int) -> MessageKey:
    return MessageKey(key >> _KEY_BITS, key & (2**_KEY_BITS - 1))


def decode_peer(key: int) -> PeerKey:
    return PeerKey(_KIND_OF[key % 2], key // 2)


def message_document(doc: MessageDoc, schema: tantivy.Schema) -> tantivy.Document | None:
    tokens = words(fold(doc.text))
    tags = hashtags(doc.text)
    if not tokens and not tags:
        return None
    # from_dict with the schema converts in one call, about twice as fast as keyword args.
    return tantivy.Document.from_dict(
        {"key": message_key(doc.chat_id, doc.message_id), "chat": doc.chat_id,
         "sender": doc.sender_id or 0, "date": doc.date_ms, "size": doc.chat_size,
         "text": " ".join(tokens), "tags": tags},
        schema,
    )  # fmt: skip


def peer_document(doc: PeerDoc, schema: tantivy.Schema) -> tantivy.Document:
    name_words = words(fold(doc.name))
    handle = fold(doc.username) if doc.username else ""
    all_words = name_words + words(handle)
    return tantivy.Document.from_dict(
        {"key": peer_key(doc.kind, doc.id), "kind": _PEER_KIND[doc.kind],
         "public": int(doc.public), "size": doc.size, "uname": [handle] if handle else [],
         "name": " ".join(all_words), "about": " ".join(words(fold(doc.about))),
         "prefix": " ".join(prefixes(all_words))},
        schema,
    )  # fmt: skip


def peer_kind_code(kind: PeerKind) -> int:
    return _PEER_KIND[kind]
