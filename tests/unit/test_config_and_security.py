from __future__ import annotations

import stat
from pathlib import Path

import pytest

from parley.config import Settings
from parley.security.crypto import FieldCipher


def test_secret_key_generated_once_with_mode_0600(tmp_path: Path) -> None:
    settings = Settings(data=tmp_path)
    first = settings.resolved_secret_key()
    assert stat.S_IMODE((tmp_path / "secret.key").stat().st_mode) == 0o600
    assert Settings(data=tmp_path).resolved_secret_key() == first
    assert len(first) >= 48


def test_toml_file_and_env_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = tmp_path / "parley.toml"
    cfg.write_text('env = "prod"\nport = 9000\nip_retention_days = 30\n')
    monkeypatch.setenv("PARLEY_CONFIG", str(cfg))
    monkeypatch.setenv("PARLEY_PORT", "9100")
    s = Settings()
    assert (s.env.value, s.port, s.ip_retention_days) == ("prod", 9100, 30)
    cfg.write_text("bogus_setting = 1\n")
    with pytest.raises(ValueError, match="bogus_setting"):
        Settings()


def test_default_database_is_sqlite_in_data_dir(tmp_path: Path) -> None:
    s = Settings(data=tmp_path)
    assert s.resolved_database_url == f"sqlite:///{tmp_path.resolve()}/parley.db"


def test_field_cipher_binds_kind_and_hides_plaintext() -> None:
    cipher = FieldCipher(b"k" * 48)
    blob = cipher.encrypt("phone", "+4915112345678")
    assert b"4915112345678" not in blob
    assert cipher.decrypt("phone", blob) == "+4915112345678"
    with pytest.raises(Exception):  # noqa: B017,PT011  # an AEAD failure, whatever its class
        cipher.decrypt("ip", blob)
    assert cipher.blind_index("phone", "+1") == cipher.blind_index("phone", "+1")
    assert cipher.blind_index("phone", "+1") != cipher.blind_index("ip", "+1")
    assert cipher.encrypt("phone", "+1") != cipher.encrypt("phone", "+1")  # fresh nonces
