"""Documentation that must not drift from the code (Datasette-style)."""

from __future__ import annotations

from pathlib import Path

from parley.config import Settings

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_every_setting_is_documented() -> None:
    text = (DOCS / "operations.md").read_text()
    missing = [n for n in Settings.model_fields if f"PARLEY_{n.upper()}" not in text]
    assert not missing, f"docs/operations.md does not describe: {missing}"


def test_every_api_path_is_documented() -> None:
    from parley.api.app import build_app

    text = (DOCS / "api.md").read_text()
    paths = set(build_app().openapi()["paths"]) | {"/api/v1/updates/ws"}
    missing = sorted(p for p in paths if p.startswith("/api/v1/") and f"`{p}`" not in text)
    assert not missing, f"docs/api.md does not mention: {missing}"
