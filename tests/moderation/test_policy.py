# ruff: noqa: E501  (data: one post or template per line reads better than wrapped)
from __future__ import annotations

from pathlib import Path

import pytest

from parley.moderation.policy import (
    REQUIRED_CATEGORIES,
    Action,
    PolicyError,
    Thresholds,
    load_policy,
    parse_policy,
)

PACKAGED = Path(__file__).parents[2] / "src/parley/moderation/policy.toml"


def test_packaged_policy_loads_and_is_cached() -> None:
    policy = load_policy()
    assert policy is load_policy()
    assert policy.version
    assert set(policy.categories) >= REQUIRED_CATEGORIES
    rule = policy.rule("illegal.drugs.sale")
    assert rule.category == "drugs"
    assert rule.default_action is Action.REMOVE
    assert 1 <= rule.severity <= 5
    assert rule.covered and rule.not_covered


def test_disclosable_categories() -> None:
    policy = load_policy()
    for category in ("drugs", "weapons", "fake_documents", "stolen_data", "fraud", "cybercrime",
                     "csam", "terrorism"):  # fmt: skip
        assert policy.is_disclosable(category), category
    for category in ("spam", "hate_speech", "harassment", "misinformation"):
        assert not policy.is_disclosable(category), category
    for rule in policy.rules:
        assert rule.disclosable == policy.is_disclosable(rule.category)


def test_rules_in_and_lookups() -> None:
    policy = load_policy()
    assert {r.id for r in policy.rules_in("csam")} == {"csam.material", "csam.grooming"}
    with pytest.raises(KeyError):
        policy.rule("no.such.rule")
    with pytest.raises(KeyError):
        policy.rules_in("gardening")


def test_thresholds_and_overrides() -> None:
    policy = load_policy()
    drugs = policy.thresholds("drugs")
    assert 0 <= drugs.quarantine <= drugs.remove <= 1
    assert drugs.action_for(drugs.remove) is Action.REMOVE
    assert drugs.action_for(drugs.quarantine) is Action.QUARANTINE
    assert drugs.action_for(0.0) is Action.NONE
    changed = policy.with_thresholds({"drugs": Thresholds(0.5, 0.9)})
    assert changed.thresholds("drugs") == Thresholds(0.5, 0.9)
    assert policy.thresholds("drugs") == drugs  # the original is untouched
    with pytest.raises(PolicyError, match="quarantine <= remove"):
        policy.with_thresholds({"drugs": Thresholds(0.9, 0.5)})


def test_load_from_path_equals_packaged() -> None:
    assert load_policy(PACKAGED) == load_policy()


def _broken(old: str, new: str) -> str:
    text = PACKAGED.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('default_action = "remove"', 'default_action = "delete"', "unknown default_action 'delete'"),
        ('severity = 4', 'severity = 9', "severity` must be an integer from 1 to 5"),
        ('id = "csam.grooming"', 'id = "csam.material"', "duplicate rule id 'csam.material'"),
        ('title = "Spam"', 'title = "Spam"\ncolour = "red"', "unknown field(s): colour"),
        ('version = "2026.1"', 'version = ""', "`version` must be a non-empty string"),
        ('disclosable = false\ndescription = """Unsolicited', 'disclosable = true\ndescription = """Unsolicited', "disagrees with category 'spam'"),
        ("quarantine_threshold = 0.90", "quarantine_threshold = 1.5", "quarantine <= remove"),
        ('category = "weapons"', 'category = "guns"', "unknown category 'guns'"),
        ('id = "spam.bulk"', 'id = "Spam Bulk"', "ids look like"),
    ],
)  # fmt: skip
def test_validation_errors_are_clear(old: str, new: str, message: str) -> None:
    with pytest.raises(PolicyError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_policy(_broken(old, new), source="test.toml")


def test_missing_category_is_reported() -> None:
    text = _broken("[categories.misinformation]", "[categories.misinfo]")
    with pytest.raises(PolicyError, match="missing categories: misinformation"):
        parse_policy(text)


def test_not_toml() -> None:
    with pytest.raises(PolicyError, match="not valid TOML"):
        parse_policy("version = ")
