from __future__ import annotations

from pathlib import Path

from parley.moderation.policy import load_policy
from parley.moderation.policy_doc import REGENERATE, render_policy_markdown

DOC = Path(__file__).parents[2] / "docs/moderation-policy.md"


def test_policy_page_matches_the_policy_file() -> None:
    expected = render_policy_markdown(load_policy())
    actual = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
    assert actual == expected, f"docs/moderation-policy.md is stale; run `{REGENERATE}`"


def test_page_names_every_rule_and_the_appeal_process() -> None:
    page = render_policy_markdown(load_policy())
    for rule in load_policy().rules:
        assert f"### {rule.id}" in page
    assert "Article 17" in page
    assert "different" in page and "appeal" in page
    assert "generated" in page.lower() or "Generated" in page
