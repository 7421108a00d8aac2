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


def test_readme_shows_every_screenshot() -> None:
    readme = (DOCS.parent / "README.md").read_text()
    shots = sorted(p.name for p in (DOCS / "screenshots").glob("*.png"))
    assert shots, "docs/screenshots/ is empty: run scripts/screenshots.py"
    missing = [name for name in shots if f"docs/screenshots/{name}" not in readme]
    assert not missing, f"README.md does not show: {missing}"


def test_readme_performance_names_every_benchmark() -> None:
    readme = (DOCS.parent / "README.md").read_text()
    performance = readme.split("## Performance", 1)[1].split("\n## ", 1)[0]
    benches = sorted(p.name for p in (DOCS.parent / "bench").glob("*.py") if p.name[0] != "_")
    assert benches, "bench/ has no benchmarks"
    missing = [name for name in benches if f"bench/{name}" not in performance]
    assert not missing, f"README.md's performance section does not quote: {missing}"
