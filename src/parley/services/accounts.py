"""Accounts: sign-in by phone and one-time code, sessions, profiles and roles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from parley.bus import Topics
from parley.domain.errors import (
    Conflict,
    InvalidInput,
    NotFound,
    RateLimited,
    Unauthenticated,
)
from parley.domain.phones import normalize_phone, test_number_code
from parley.domain.users import (
    Role,
    Session,
    User,
    UserKind,
    clean_bio,
    clean_display_name,
    normalize_username,
)
from parley.security.tokens import codes_match, hash_code, hash_token, new_code, new_token
from parley.services import audit
from parley.services.auth_cache import Principal
from parley.services.context import Ctx
from parley.store.tx import Tx


@dataclass(frozen=True, slots=True)
class SentCode:
    phone: str
    expires_in: int
    length: int


@dataclass(frozen=True, slots=True)
class SignedIn:
    token: str
    user: User
    session_id: int
    new_account: bool


async def _limit(ctx: Ctx, key: str, *, limit: int, window: float, what: str) -> None:
    wait = await ctx.limiter.take(key, limit=limit, window=window)
    if wait:
        raise RateLimited(f"too many {what}; try again in {wait} s", retry_after=wait)


async def send_code(ctx: Ctx, phone: str, *, ip: str) -> SentCode:
    """Start a sign-in: make a one-time code for the number and deliver it."""
    e164 = normalize_phone(phone, allow_test_numbers=ctx.settings.is_dev)
    phone_hash = ctx.cipher.blind_index("phone", e164)
    await _limit(ctx, f"send-code:ip:{ip}", limit=ctx.settings.send_code_per_ip_per_hour,
                 window=3600, what="codes requested from this address")  # fmt: skip
    await _limit(ctx, f"send-code:phone:{phone_hash.hex()}",
           limit=ctx.settings.send_code_per_phone_per_hour, window=3600,
           what="codes requested for this number")  # fmt: skip
    code = test_number_code(e164) if ctx.settings.is_dev else None
    is_test = code is not None
    code = code or new_code()
    now = ctx.clock.now()
    ttl = ctx.settings.code_ttl_seconds
    code_hash = hash_code(ctx.secret, e164, code)

    def put(tx: Tx) -> None:
        tx.codes.put(phone_hash=phone_hash, code_hash=code_hash, sent_at=now,
                     expires_at=now + timedelta(seconds=ttl))  # fmt: skip

    await ctx.db.write(put)
    if not is_test:
        await ctx.code_sender.send(e164, code)
    return SentCode(phone=e164, expires_in=ttl, length=len(code))


async def sign_in(
    ctx: Ctx,
    phone: str,
    *,
    code: str,
    ip: str,
    user_agent: str = "",
    display_name: str | None = None,
) -> SignedIn:
    """Finish a sign-in with the code; create the account on first sign-in."""
    e164 = normalize_phone(phone, allow_test_numbers=ctx.settings.is_dev)
    if not isinstance(code, str) or not code.isdigit() or not 4 <= len(code) <= 8:
        raise InvalidInput("the code is the digits we sent you", code="code_invalid")
    await _limit(ctx, f"sign-in:ip:{ip}", limit=ctx.settings.sign_in_per_ip_per_hour, window=3600,
           what="sign-in attempts from this address")  # fmt: skip
    name = clean_display_name(display_name) if display_name else None
    phone_hash = ctx.cipher.blind_index("phone", e164)
    offered = hash_code(ctx.secret, e164, code)
    phone_enc = ctx.cipher.encrypt("phone", e164)
    ip_hash, ip_enc = ctx.cipher.blind_index("ip", ip), ctx.cipher.encrypt("ip", ip)
    token = new_token()
    now = ctx.clock.now()
    max_attempts = ctx.settings.code_max_attempts

    def check_code(tx: Tx) -> str | None:
        pending = tx.codes.get(phone_hash)
        if pending is None or pending.expires_at <= now:
            return "code_expired"
        if not codes_match(pending.code_hash, offered):
            if pending.attempts + 1 >= max_attempts:  # the code is burnt; a new one is needed
                tx.codes.delete(phone_hash)
                return "code_attempts_exceeded"
            tx.codes.count_attempt(phone_hash)
            return "code_invalid"
        tx.codes.delete(phone_hash)
        return None

    def run(tx: Tx) -> SignedIn | str:
        failure = check_code(tx)
        if failure is not None:
            return failure
        user_id = tx.users.id_by_phone_hash(phone_hash)
        created = user_id is None
        if user_id is None:
            user_id = tx.users.insert(
                kind=UserKind.USER,
                display_name=name or "New user",
                created_at=now,
                phone_enc=phone_enc,
                phone_hash=phone_hash,
            )
        user = tx.users.get(user_id)
        assert user is not None
        session_id = tx.sessions.insert(user_id=user_id, token_hash=hash_token(token),
                                        user_agent=user_agent, at=now)  # fmt: skip
        tx.sessions.record_ip(session_id=session_id, user_id=user_id, ip_hash=ip_hash,
                              ip_enc=ip_enc, at=now)  # fmt: skip
        return SignedIn(token=token, user=user, session_id=session_id, new_account=created)

    outcome = await ctx.db.write(run)
    if isinstance(outcome, str):
        messages = {
            "code_expired": "the code has expired or was never sent; ask for a new one",
            "code_invalid": "the code is wrong",
            "code_attempts_exceeded": "too many wrong codes; ask for a new one",
        }
        raise InvalidInput(messages[outcome], code=outcome)
    return outcome


async def authenticate(ctx: Ctx, token: str, *, ip: str | None) -> Principal:
    """Resolve a bearer token to its user and session, and note the client IP."""
    if not token or len(token) > 256:
        raise Unauthenticated("missing or malformed token")
    token_hash = hash_token(token)
    principal = ctx.auth_cache.get(token_hash)
    if principal is None:

        def load(tx: Tx) -> Principal | None:
            found = tx.sessions.by_token_hash(token_hash)
            if found is None or found.revoked:
                return None
            user = tx.users.get(found.user_id)
            if user is None:
                return None
            return Principal(user=user, session_id=found.session_id)

        principal = await ctx.db.read(load)
        if principal is None:
            raise Unauthenticated("the token is invalid or was revoked", code="token_invalid")
        ctx.auth_cache.put(token_hash, principal)
    if ip is not None:
        await _record_ip(ctx, principal, ip)
    return principal


async def check_request_rate(ctx: Ctx, user_id: int) -> None:
    """The overall request budget of one account, across every endpoint and process."""
    await _limit(ctx, f"requests:user:{user_id}", limit=ctx.settings.requests_per_user_per_minute,
                 window=60, what="requests")  # fmt: skip


async def _record_ip(ctx: Ctx, principal: Principal, ip: str) -> None:
    ip_hash = ctx.cipher.blind_index("ip", ip)
    every = ctx.settings.session_ip_touch_seconds
    if not ctx.auth_cache.should_record_ip(principal.session_id, ip_hash, every):
        return
    ip_enc = ctx.cipher.encrypt("ip", ip)
    now = ctx.clock.now()

    def run(tx: Tx) -> None:
        tx.sessions.record_ip(session_id=principal.session_id, user_id=principal.user.id,
                              ip_hash=ip_hash, ip_enc=ip_enc, at=now)  # fmt: skip
        tx.sessions.touch(principal.session_id, now)

    await ctx.db.write(run)


async def list_sessions(ctx: Ctx, user_id: int) -> list[Session]:
    return await ctx.db.read(lambda tx: tx.sessions.active_for_user(user_id))


async def revoke_session(ctx: Ctx, user_id: int, *, session_id: int) -> None:
    now = ctx.clock.now()

    def run(tx: Tx) -> bool:
        session = tx.sessions.get(session_id)
        if session is None or session.user_id != user_id or session.revoked_at is not None:
            return False
        return tx.sessions.revoke(session_id, now)

    if not await ctx.db.write(run):
        raise NotFound("no such active session", code="session_not_found")
    await ctx.bus.publish(Topics.AUTH, {"session_id": session_id})


async def sign_out(ctx: Ctx, principal: Principal) -> None:
    await revoke_session(ctx, principal.user.id, session_id=principal.session_id)


async def get_user(ctx: Ctx, user_id: int) -> User:
    user = await ctx.db.read(lambda tx: tx.users.get(user_id))
    if user is None:
        raise NotFound("user not found", code="user_not_found")
    return user


async def resolve_username(ctx: Ctx, username: str) -> User:
    user = await ctx.db.read(lambda tx: tx.users.by_username(username.removeprefix("@")))
    if user is None:
        raise NotFound("user not found", code="user_not_found")
    return user


async def update_profile(
    ctx: Ctx,
    user_id: int,
    *,
    display_name: str | None = None,
    bio: str | None = None,
    username: str | None = None,
    clear_username: bool = False,
    phone_visible: bool | None = None,
    phone_searchable: bool | None = None,
) -> User:
    values: dict[str, object] = {}
    if display_name is not None:
        values["display_name"] = clean_display_name(display_name)
    if bio is not None:
        values["bio"] = clean_bio(bio)
    if clear_username:
        values["username"] = None
    elif username is not None:
        values["username"] = normalize_username(username)
    if phone_visible is not None:
        values["phone_visible"] = bool(phone_visible)
    if phone_searchable is not None:
        values["phone_searchable"] = bool(phone_searchable)
    now = ctx.clock.now()

    def run(tx: Tx) -> User:
        name = values.get("username")
        if isinstance(name, str):
            if tx.users.username_taken(name, except_user=user_id) or tx.chats.username_taken(name):
                raise Conflict("this username is taken", code="username_taken")
        if values:
            tx.users.update(user_id, **values)
            if values.keys() & {"display_name", "bio", "username"}:  # these reach search
                tx.scan_queue.put(subject_kind="user", subject_key=str(user_id), at=now)
        user = tx.users.get(user_id)
        assert user is not None
        return user

    user = await ctx.db.write(run)
    await ctx.bus.publish(Topics.AUTH, {"user_id": user_id})
    return user


async def user_phone(ctx: Ctx, viewer_id: int, *, user_id: int) -> str | None:
    """A user's phone number as another user may see it: only when its owner made it visible."""

    def run(tx: Tx) -> bytes | None:
        user = tx.users.get(user_id)
        if user is None:
            raise NotFound("user not found", code="user_not_found")
        if viewer_id != user_id and not user.phone_visible:
            return None
        return tx.users.phone_enc(user_id)

    blob = await ctx.db.read(run)
    return None if blob is None else ctx.cipher.decrypt("phone", blob)


async def grant_role(
    ctx: Ctx, user_id: int, *, role: Role, actor: audit.Actor, revoke: bool = False
) -> bool:
    """Give (or take back) a platform role; every change is in the audit log."""
    now = ctx.clock.now()

    def run(tx: Tx) -> bool:
        if tx.users.get(user_id) is None:
            raise NotFound("user not found", code="user_not_found")
        if revoke:
            changed = tx.users.revoke_role(user_id, role)
        else:
            by = int(actor.id) if actor.kind == "user" and actor.id else None
            changed = tx.users.grant_role(user_id, role, by=by, at=now)
        if changed:
            audit.record(tx, actor=actor, action="role.revoke" if revoke else "role.grant",
                         subject_kind="user", subject_id=user_id, at=now,
                         data={"role": role.value})  # fmt: skip
        return changed

    changed = await ctx.db.write(run)
    await ctx.bus.publish(Topics.AUTH, {"user_id": user_id})
    return changed


async def find_user_by_phone(ctx: Ctx, phone: str) -> User | None:
    """Look a user up by phone number through the keyed hash (operators and the CLI)."""
    e164 = normalize_phone(phone, allow_test_numbers=ctx.settings.is_dev)
    phone_hash = ctx.cipher.blind_index("phone", e164)

    def run(tx: Tx) -> User | None:
        user_id = tx.users.id_by_phone_hash(phone_hash)
        return None if user_id is None else tx.users.get(user_id)

    return await ctx.db.read(run)


async def purge_ip_records(ctx: Ctx) -> int:
    """Delete IP records older than the retention period (run on a schedule)."""
    cutoff = ctx.clock.now() - timedelta(days=ctx.settings.ip_retention_days)

    def run(tx: Tx) -> int:
        deleted = tx.sessions.purge_ips_before(cutoff)
        tx.codes.purge_expired(ctx.clock.now())
        if deleted:
            audit.record(tx, actor=audit.Actor.system("retention"), action="ip.purge",
                         subject_kind="retention", subject_id="session_ips", at=ctx.clock.now(),
                         data={"deleted": deleted, "cutoff": cutoff.isoformat()})  # fmt: skip
        return deleted

    return await ctx.db.write(run)


async def ensure_account(
    ctx: Ctx, phone: str, *, display_name: str, username: str | None = None
) -> User:
    """The account on this number, created if absent (seeding and operator tools)."""
    e164 = normalize_phone(phone, allow_test_numbers=ctx.settings.is_dev)
    phone_hash = ctx.cipher.blind_index("phone", e164)
    phone_enc = ctx.cipher.encrypt("phone", e164)
    name = clean_display_name(display_name)
    handle = normalize_username(username) if username else None
    now = ctx.clock.now()

    def run(tx: Tx) -> User:
        user_id = tx.users.id_by_phone_hash(phone_hash)
        if user_id is None:
            if handle and (tx.users.username_taken(handle) or tx.chats.username_taken(handle)):
                raise Conflict("this username is taken", code="username_taken")
            user_id = tx.users.insert(kind=UserKind.USER, display_name=name, created_at=now,
                                      username=handle, phone_enc=phone_enc,
                                      phone_hash=phone_hash)  # fmt: skip
        user = tx.users.get(user_id)
        assert user is not None
        return user

    return await ctx.db.write(run)
