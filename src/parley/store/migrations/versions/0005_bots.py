"""bots: tokens, update queue, commands, callbacks, media

Revision ID: 0005_bots
Revises: 0004_moderation
Create Date: 2026-11-28 17:54:34.436311
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import parley.store.types

revision = "0005_bots"
down_revision = "0004_moderation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "bot_blocks",
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("bot_id", sa.BigInteger(), nullable=False),
        sa.Column("created_at", parley.store.types.EpochMillis(), nullable=False),
        sa.PrimaryKeyConstraint("user_id", "bot_id", name=op.f("pk_bot_blocks")),
    )
    op.create_table(
        "bot_commands",
        sa.Column("bot_id", sa.BigInteger(), nullable=False),
        sa.Column("scope", sa.String(length=64), nullable=False),
        sa.Column("language_code", sa.String(length=8), nullable=False),
        sa.Column(
            "commands",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("bot_id", "scope", "language_code", name=op.f("pk_bot_commands")),
    )
    op.create_table(
        "bot_dispatch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("last_event_id", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bot_dispatch")),
    )
    op.create_table(
        "bot_updates",
        sa.Column("bot_id", sa.BigInteger(), nullable=False),
        sa.Column("update_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column(
            "payload",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("created_at", parley.store.types.EpochMillis(), nullable=False),
        sa.Column("claimed_until", parley.store.types.EpochMillis(), nullable=True),
        sa.Column("next_attempt_at", parley.store.types.EpochMillis(), nullable=True),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("bot_id", "update_id", name=op.f("pk_bot_updates")),
    )
    with op.batch_alter_table("bot_updates", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_bot_updates_created_at"), ["created_at"], unique=False)

    op.create_table(
        "bots",
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("owner_id", sa.BigInteger(), nullable=False),
        sa.Column("token_hash", sa.LargeBinary(), nullable=True),
        sa.Column("privacy", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("can_join_groups", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column(
            "allowed_updates",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column("last_update_id", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("webhook_url", sa.String(length=2048), nullable=True),
        sa.Column("webhook_secret", sa.String(length=256), nullable=True),
        sa.Column("webhook_ip", sa.String(length=64), nullable=True),
        sa.Column("webhook_max_connections", sa.Integer(), server_default="40", nullable=False),
        sa.Column("webhook_last_error_at", parley.store.types.EpochMillis(), nullable=True),
        sa.Column("webhook_last_error", sa.String(length=255), nullable=True),
        sa.Column("created_at", parley.store.types.EpochMillis(), nullable=False),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_bots")),
    )
    with op.batch_alter_table("bots", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_bots_owner_id"), ["owner_id"], unique=False)

    op.create_table(
        "callback_queries",
        sa.Column("id", sa.String(length=24), nullable=False),
        sa.Column("bot_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=False),
        sa.Column("data", sa.String(length=64), nullable=False),
        sa.Column("created_at", parley.store.types.EpochMillis(), nullable=False),
        sa.Column("answered_at", parley.store.types.EpochMillis(), nullable=True),
        sa.Column(
            "answer",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_callback_queries")),
    )
    with op.batch_alter_table("callback_queries", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_callback_queries_created_at"), ["created_at"], unique=False
        )

    op.create_table(
        "media_files",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("file_id", sa.String(length=64), nullable=False),
        sa.Column("unique_id", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("mime_type", sa.String(length=128), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=True),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=True),
        sa.Column("height", sa.Integer(), nullable=True),
        sa.Column("storage_key", sa.String(length=64), nullable=False),
        sa.Column("group_key", sa.String(length=64), nullable=False),
        sa.Column("uploader_id", sa.BigInteger(), nullable=False),
        sa.Column("created_at", parley.store.types.EpochMillis(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_media_files")),
        sa.UniqueConstraint("file_id", name=op.f("uq_media_files_file_id")),
        sa.UniqueConstraint("storage_key", name=op.f("uq_media_files_storage_key")),
    )
    with op.batch_alter_table("media_files", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_media_files_group_key"), ["group_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_media_files_unique_id"), ["unique_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("media_files", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_media_files_unique_id"))
        batch_op.drop_index(batch_op.f("ix_media_files_group_key"))

    op.drop_table("media_files")
    with op.batch_alter_table("callback_queries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_callback_queries_created_at"))

    op.drop_table("callback_queries")
    with op.batch_alter_table("bots", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bots_owner_id"))

    op.drop_table("bots")
    with op.batch_alter_table("bot_updates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bot_updates_created_at"))

    op.drop_table("bot_updates")
    op.drop_table("bot_dispatch")
    op.drop_table("bot_commands")
    op.drop_table("bot_blocks")
