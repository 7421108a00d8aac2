"""core: accounts, chats, messages, events, audit

Revision ID: 0001_core
Revises:
Create Date: 2026-11-28 17:35:27.379890
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import parley.store.types

revision = "0001_core"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("at", parley.store.types.EpochMillis(), nullable=False),
        sa.Column("actor_kind", sa.String(length=16), nullable=False),
        sa.Column("actor_id", sa.String(length=64), nullable=True),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("subject_kind", sa.String(length=32), nullable=False),
        sa.Column("subject_id", sa.String(length=64), nullable=False),
        sa.Column(
            "data",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_action"), ["action"], unique=False)
        batch_op.create_index("ix_audit_log_subject", ["subject_kind", "subject_id"], unique=False)

    op.create_table(
        "chat_events",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("pts", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("audience", sa.String(length=8), server_default="all", nullable=False),
        sa.Column(
            "data",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("date", parley.store.types.EpochMillis(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chat_events")),
        sa.UniqueConstraint("chat_id", "pts", name=op.f("uq_chat_events_chat_id_pts")),
    )
    op.create_table(
        "chat_members",
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column(
            "rights",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column("can_send", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("until", parley.store.types.EpochMillis(), nullable=True),
        sa.Column("joined_at", parley.store.types.EpochMillis(), nullable=False),
        sa.Column("inviter_id", sa.BigInteger(), nullable=True),
        sa.Column("read_inbox_max_id", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("last_post_at", parley.store.types.EpochMillis(), nullable=True),
        sa.PrimaryKeyConstraint("chat_id", "user_id", name=op.f("pk_chat_members")),
    )
    with op.batch_alter_table("chat_members", schema=None) as batch_op:
        batch_op.create_index("ix_chat_members_chat_id_status", ["chat_id", "status"], unique=False)
        batch_op.create_index("ix_chat_members_user_id_status", ["user_id", "status"], unique=False)

    op.create_table(
        "chats",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("title", sa.String(length=128), server_default="", nullable=False),
        sa.Column("description", sa.String(length=255), server_default="", nullable=False),
        sa.Column("username", sa.String(length=32), nullable=True),
        sa.Column("username_key", sa.String(length=32), nullable=True),
        sa.Column("private_key", sa.String(length=48), nullable=True),
        sa.Column("owner_id", sa.BigInteger(), nullable=True),
        sa.Column("member_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("pts", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("top_message_id", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("slow_mode_seconds", sa.Integer(), server_default="0", nullable=False),
        sa.Column("status", sa.String(length=16), server_default="listed", nullable=False),
        sa.Column("created_at", parley.store.types.EpochMillis(), nullable=False),
        sa.Column("last_activity_at", parley.store.types.EpochMillis(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chats")),
        sa.UniqueConstraint("private_key", name=op.f("uq_chats_private_key")),
        sa.UniqueConstraint("username_key", name=op.f("uq_chats_username_key")),
    )
    op.create_table(
        "code_outbox",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("phone_enc", sa.LargeBinary(), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("created_at", parley.store.types.EpochMillis(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_code_outbox")),
    )
    with op.batch_alter_table("code_outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_code_outbox_created_at"), ["created_at"], unique=False)

    op.create_table(
        "invite_links",
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("creator_id", sa.BigInteger(), nullable=False),
        sa.Column("name", sa.String(length=32), server_default="", nullable=False),
        sa.Column("expires_at", parley.store.types.EpochMillis(), nullable=True),
        sa.Column("member_limit", sa.Integer(), nullable=True),
        sa.Column("usage_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("revoked", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("created_at", parley.store.types.EpochMillis(), nullable=False),
        sa.PrimaryKeyConstraint("chat_id", "code", name=op.f("pk_invite_links")),
    )
    with op.batch_alter_table("invite_links", schema=None) as batch_op:
        batch_op.create_index("ix_invite_links_code", ["code"], unique=True)

    op.create_table(
        "login_codes",
        sa.Column("phone_hash", sa.LargeBinary(length=32), nullable=False),
        sa.Column("code_hash", sa.LargeBinary(length=32), nullable=False),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("sent_at", parley.store.types.EpochMillis(), nullable=False),
        sa.Column("expires_at", parley.store.types.EpochMillis(), nullable=False),
        sa.PrimaryKeyConstraint("phone_hash", name=op.f("pk_login_codes")),
    )
    op.create_table(
        "messages",
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.BigInteger(), nullable=False),
        sa.Column("sender_id", sa.BigInteger(), nullable=True),
        sa.Column("random_id", sa.BigInteger(), nullable=True),
        sa.Column("kind", sa.String(length=8), server_default="text", nullable=False),
        sa.Column("text", sa.Text(), server_default="", nullable=False),
        sa.Column(
            "entities",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column("reply_to_id", sa.BigInteger(), nullable=True),
        sa.Column("fwd_chat_id", sa.BigInteger(), nullable=True),
        sa.Column("fwd_message_id", sa.BigInteger(), nullable=True),
        sa.Column("fwd_sender_id", sa.BigInteger(), nullable=True),
        sa.Column("fwd_date", parley.store.types.EpochMillis(), nullable=True),
        sa.Column(
            "media",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column(
            "extra",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column("date", parley.store.types.EpochMillis(), nullable=False),
        sa.Column("edit_date", parley.store.types.EpochMillis(), nullable=True),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("visibility", sa.String(length=12), server_default="visible", nullable=False),
        sa.Column("pinned", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.PrimaryKeyConstraint("chat_id", "id", name=op.f("pk_messages")),
        sa.UniqueConstraint(
            "chat_id",
            "sender_id",
            "random_id",
            name=op.f("uq_messages_chat_id_sender_id_random_id"),
        ),
    )
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.create_index("ix_messages_sender_id_date", ["sender_id", "date"], unique=False)

    op.create_table(
        "session_ips",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("session_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("ip_hash", sa.LargeBinary(length=32), nullable=False),
        sa.Column("ip_enc", sa.LargeBinary(), nullable=False),
        sa.Column("first_seen", parley.store.types.EpochMillis(), nullable=False),
        sa.Column("last_seen", parley.store.types.EpochMillis(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_ips")),
        sa.UniqueConstraint(
            "session_id", "ip_hash", name=op.f("uq_session_ips_session_id_ip_hash")
        ),
    )
    with op.batch_alter_table("session_ips", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_session_ips_last_seen"), ["last_seen"], unique=False)
        batch_op.create_index(batch_op.f("ix_session_ips_user_id"), ["user_id"], unique=False)

    op.create_table(
        "sessions",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("token_hash", sa.LargeBinary(length=32), nullable=False),
        sa.Column("user_agent", sa.String(length=256), server_default="", nullable=False),
        sa.Column("created_at", parley.store.types.EpochMillis(), nullable=False),
        sa.Column("last_active_at", parley.store.types.EpochMillis(), nullable=False),
        sa.Column("revoked_at", parley.store.types.EpochMillis(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sessions")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_sessions_token_hash")),
    )
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sessions_user_id"), ["user_id"], unique=False)

    op.create_table(
        "user_events",
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column(
            "data",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("date", parley.store.types.EpochMillis(), nullable=False),
        sa.PrimaryKeyConstraint("user_id", "seq", name=op.f("pk_user_events")),
    )
    op.create_table(
        "user_roles",
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("granted_by", sa.BigInteger(), nullable=True),
        sa.Column("granted_at", parley.store.types.EpochMillis(), nullable=False),
        sa.PrimaryKeyConstraint("user_id", "role", name=op.f("pk_user_roles")),
    )
    op.create_table(
        "users",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("username", sa.String(length=32), nullable=True),
        sa.Column("username_key", sa.String(length=32), nullable=True),
        sa.Column("display_name", sa.String(length=64), nullable=False),
        sa.Column("bio", sa.String(length=140), server_default="", nullable=False),
        sa.Column("status", sa.String(length=16), server_default="active", nullable=False),
        sa.Column("phone_enc", sa.LargeBinary(), nullable=True),
        sa.Column("phone_hash", sa.LargeBinary(), nullable=True),
        sa.Column("phone_visible", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("phone_searchable", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("bot_owner_id", sa.BigInteger(), nullable=True),
        sa.Column("seq", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("created_at", parley.store.types.EpochMillis(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("phone_hash", name=op.f("uq_users_phone_hash")),
        sa.UniqueConstraint("username_key", name=op.f("uq_users_username_key")),
    )
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_users_bot_owner_id"), ["bot_owner_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_users_bot_owner_id"))

    op.drop_table("users")
    op.drop_table("user_roles")
    op.drop_table("user_events")
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sessions_user_id"))

    op.drop_table("sessions")
    with op.batch_alter_table("session_ips", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_session_ips_user_id"))
        batch_op.drop_index(batch_op.f("ix_session_ips_last_seen"))

    op.drop_table("session_ips")
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.drop_index("ix_messages_sender_id_date")

    op.drop_table("messages")
    op.drop_table("login_codes")
    with op.batch_alter_table("invite_links", schema=None) as batch_op:
        batch_op.drop_index("ix_invite_links_code")

    op.drop_table("invite_links")
    with op.batch_alter_table("code_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_code_outbox_created_at"))

    op.drop_table("code_outbox")
    op.drop_table("chats")
    with op.batch_alter_table("chat_members", schema=None) as batch_op:
        batch_op.drop_index("ix_chat_members_user_id_status")
        batch_op.drop_index("ix_chat_members_chat_id_status")

    op.drop_table("chat_members")
    op.drop_table("chat_events")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_subject")
        batch_op.drop_index(batch_op.f("ix_audit_log_action"))

    op.drop_table("audit_log")
