"""docs/legal-requests.md is the external contract: a test fails when an endpoint, a setting or
a refusal reason is missing from it."""

from __future__ import annotations

import ast
from pathlib import Path

from fastapi import FastAPI

from parley.config import Settings

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "legal-requests.md").read_text()
SOURCES = [
    ROOT / "src/parley/domain/legal_envelope.py",
    ROOT / "src/parley/services/legal/intake.py",
    ROOT / "src/parley/services/legal/review.py",
]


def test_every_legal_setting_is_documented() -> None:
    names = [n for n in Settings.model_fields if n.startswith("legal_")]
    assert names
    missing = [n for n in names if f"`{n}`" not in DOC]
    assert missing == []


def test_every_legal_endpoint_is_documented(app: FastAPI) -> None:
    paths = set(app.openapi()["paths"])
    legal = sorted(p for p in paths if p.startswith(("/legal/v1", "/api/v1/legal")))
    assert len(legal) >= 10
    for path in legal:
        short = path.removeprefix("/api/v1/legal").replace("{request_pk}", "{id}")
        short = short.replace("{authority_id}", "{id}")
        assert short in DOC, f"{path} is not in docs/legal-requests.md"
    assert "/transparency" in paths and "`/transparency.json`" in DOC


def _reasons() -> set[str]:
    """Every refusal reason the code can record: failed(check, reason) and _close(code=...)."""
    found: set[str] = set()
    for source in SOURCES:
        for node in ast.walk(ast.parse(source.read_text())):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            if node.func.id == "failed" and len(node.args) >= 2:
                arg = node.args[1]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.add(arg.value)
            if node.func.id == "_close":
                for kw in node.keywords:
                    if kw.arg == "code" and isinstance(kw.value, ast.Constant):
                        found.add(str(kw.value.value))
    return found


def test_every_refusal_reason_is_documented() -> None:
    reasons = _reasons() | {
        "target_not_found",
        "target_not_a_person",
        "duplicate_target",
        "no_matching_violation",
        "violation_voided",
        "withheld_by_officer",
    }
    assert len(reasons) > 25
    missing = sorted(r for r in reasons if f"`{r}`" not in DOC)
    assert missing == []
