"""One Settings object, read from PARLEY_* environment variables and an optional TOML file.

Precedence: explicit arguments, then environment, then the TOML file named by PARLEY_CONFIG
(or `parley.toml` in the data directory), then defaults. docs/operations.md lists every field;
a test fails when one is missing there."""

from __future__ import annotations

import ipaddress
import os
import secrets
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import Field, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from parley.domain.legal import ISO_COUNTRIES, BasisType


class Env(StrEnum):
    DEV = "dev"
    PROD = "prod"


def _toml_path() -> Path | None:
    explicit = os.environ.get("PARLEY_CONFIG")
    if explicit:
        return Path(explicit)
    data = Path(os.environ.get("PARLEY_DATA", "./parley-data"))
    candidate = data / "parley.toml"
    return candidate if candidate.exists() else None


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PARLEY_", extra="forbid")

    env: Env = Env.DEV
    data: Path = Path("./parley-data")
    database_url: str | None = None
    redis_url: str | None = None
    redis_prefix: str = "parley:"  # keys and channels; lets several deployments share a Redis
    redis_max_connections: int = Field(default=100, ge=1)  # per pool; a burst waits for one
    secret_key: str | None = Field(default=None, repr=False)
    host: str = "127.0.0.1"
    port: int = 8080
    public_url: str | None = None
    log_level: str = "INFO"
    ws_protocol: str = "auto"  # uvicorn's WebSocket implementation
    # permessage-deflate: frames are small JSON, and compressing one channel post once per
    # online subscriber costs more CPU than it saves bandwidth; turn on for slow links.
    ws_compression: bool = False

    # Networking: X-Forwarded-For is believed only from these addresses or networks.
    trusted_proxies: list[str] = Field(default_factory=list)

    # Accounts
    code_ttl_seconds: int = 300
    code_max_attempts: int = 5
    send_code_per_phone_per_hour: int = 5
    send_code_per_ip_per_hour: int = 20
    sign_in_per_ip_per_hour: int = 60
    ip_retention_days: int = 365
    session_ip_touch_seconds: int = 300

    # Flood control
    sends_per_user_per_minute: int = 120
    sends_per_chat_per_second: int = 60
    requests_per_user_per_minute: int = 1200

    # Trust and safety
    reports_per_user_per_hour: int = 30
    strikes_to_restrict: int = 3  # confirmed violations that restrict an account automatically
    strikes_to_ban: int = 5
    strike_window_days: int = 180
    scan_batch: int = 256
    # Per-category automatic-action thresholds overriding the policy's defaults, e.g.
    # {"drugs": [0.8, 0.98]} = quarantine at 0.8, remove (with a hash-bank match) at 0.98.
    moderation_thresholds: dict[str, tuple[float, float]] = Field(default_factory=dict)

    # Search (docs/search.md)
    search_per_user_per_minute: int = 60
    search_writer_heap_mb: int = 64
    search_poll_ms: int = 250

    # Background jobs (purges, notices, …) run under a lease in whichever process holds it
    run_jobs: bool = True
    jobs_tick_seconds: float = 5.0

    # Store
    db_read_threads: int = 4
    db_pool_size: int = 10
    write_batch_max: int = 256
    max_request_bytes: int = 1_048_576
    max_upload_bytes: int = 10_485_760

    # Bots and the Bot API (docs/bot-api.md)
    webhook_allow_private: bool = False  # let webhooks reach loopback and private networks
    webhook_require_https: bool = True
    webhook_timeout_seconds: float = 30.0
    webhook_retry_base_seconds: float = 1.0
    webhook_retry_max_seconds: float = 60.0
    callback_answer_wait_seconds: float = 5.0

    # Legal requests (docs/legal-requests.md)
    legal_accepted_bases: dict[str, list[str]] = Field(
        default_factory=lambda: {"*": ["court_order", "warrant", "emergency"]}
    )
    legal_max_period_days: int = Field(default=180, ge=1, le=3650)
    legal_max_nondisclosure_days: int = Field(default=365, ge=0)
    legal_max_targets: int = Field(default=20, ge=1, le=50)
    legal_response_days: int = Field(default=14, ge=1)
    legal_emergency_response_hours: int = Field(default=4, ge=1)
    legal_emergency_rereview_hours: int = Field(default=72, ge=1)
    legal_requests_per_minute: int = Field(default=60, ge=1)
    legal_signing_key_path: Path | None = None

    @field_validator("trusted_proxies")
    @classmethod
    def _check_networks(cls, value: list[str]) -> list[str]:
        for net in value:
            ipaddress.ip_network(net, strict=False)
        return value

    @field_validator("legal_accepted_bases")
    @classmethod
    def _check_bases(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        kinds = {b.value for b in BasisType}
        for country, bases in value.items():
            if country != "*" and country not in ISO_COUNTRIES:
                raise ValueError(f"legal_accepted_bases: {country!r} is not an ISO 3166-1 code")
            unknown = set(bases) - kinds
            if unknown:
                raise ValueError(f"legal_accepted_bases[{country}]: unknown {sorted(unknown)}")
        return value

    @property
    def resolved_legal_signing_key_path(self) -> Path:
        return self.legal_signing_key_path or self.data / "legal-signing.key"

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        path = _toml_path()
        if path is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=path))
        return tuple(sources)

    @property
    def is_dev(self) -> bool:
        return self.env is Env.DEV

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data / 'parley.db').resolve()}"

    def resolved_secret_key(self) -> bytes:
        """The platform secret: from configuration, else from `secret.key` in the data directory,
        generated with mode 0600 on first start."""
        if self.secret_key:
            return self.secret_key.encode()
        self.data.mkdir(parents=True, exist_ok=True)
        path = self.data / "secret.key"
        if not path.exists():
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_urlsafe(48))
        return path.read_text().strip().encode()


def load_settings(**overrides: Any) -> Settings:
    return Settings(**overrides)
