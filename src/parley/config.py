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
    secret_key: str | None = Field(default=None, repr=False)
    host: str = "127.0.0.1"
    port: int = 8080
    public_url: str | None = None
    log_level: str = "INFO"

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

    # Search (docs/search.md)
    search_per_user_per_minute: int = 60
    search_writer_heap_mb: int = 64
    search_poll_ms: int = 250

    # Store
    db_read_threads: int = 4
    db_pool_size: int = 10
    write_batch_max: int = 256
    max_request_bytes: int = 1_048_576
    max_upload_bytes: int = 10_485_760

    @field_validator("trusted_proxies")
    @classmethod
    def _check_networks(cls, value: list[str]) -> list[str]:
        for net in value:
            ipaddress.ip_network(net, strict=False)
        return value

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
