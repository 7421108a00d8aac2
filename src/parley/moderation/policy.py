"""The platform rules, loaded from one versioned TOML file and checked strictly.

Every moderation decision cites a rule from here, and the policy alone says which categories
make a confirmed violation disclosable to a valid legal request (DESIGN.md, violations)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

RULE_ID = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*){1,3}$")
CATEGORY_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
REQUIRED_CATEGORIES = frozenset(
    {
        "drugs", "weapons", "fake_documents", "stolen_data", "fraud", "cybercrime",
        "csam", "terrorism", "spam", "hate_speech", "harassment", "misinformation",
    }
)  # fmt: skip

_TOP_FIELDS = frozenset({"version", "categories", "rules"})
_CATEGORY_FIELDS = frozenset({"title", "disclosable", "quarantine_threshold", "remove_threshold"})
_RULE_FIELDS = frozenset(
    {
        "id", "title", "category", "severity", "default_action", "disclosable",
        "description", "covered", "not_covered",
    }
)  # fmt: skip


class PolicyError(ValueError):
    """The policy file is malformed; the message names the file, the rule and the field."""


class Action(StrEnum):
    """What a decision does, from nothing to banning the author."""

    NONE = "none"
    QUARANTINE = "quarantine"
    REMOVE = "remove"
    DELIST_CHAT = "delist_chat"
    RESTRICT_USER = "restrict_user"
    BAN_USER = "ban_user"


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Probabilities at or above which a detector's verdict quarantines or removes content."""

    quarantine: float
    remove: float

    def action_for(self, probability: float) -> Action:
        if probability >= self.remove:
            return Action.REMOVE
        if probability >= self.quarantine:
            return Action.QUARANTINE
        return Action.NONE


@dataclass(frozen=True, slots=True)
class Category:
    name: str
    title: str
    disclosable: bool
    thresholds: Thresholds


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    title: str
    category: str
    severity: int
    default_action: Action
    disclosable: bool
    description: str
    covered: tuple[str, ...]
    not_covered: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Policy:
    version: str
    categories: Mapping[str, Category]
    rules: tuple[Rule, ...]

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(f"no rule {rule_id!r} in policy {self.version}")

    def rules_in(self, category: str) -> tuple[Rule, ...]:
        self.category(category)
        return tuple(rule for rule in self.rules if rule.category == category)

    def category(self, name: str) -> Category:
        try:
            return self.categories[name]
        except KeyError:
            raise KeyError(f"no category {name!r} in policy {self.version}") from None

    def is_disclosable(self, category: str) -> bool:
        """Whether a confirmed violation in this category makes the author's phone and IPs
        disclosable to a valid legal request."""
        return self.category(category).disclosable

    def thresholds(self, category: str) -> Thresholds:
        return self.category(category).thresholds

    def with_thresholds(self, overrides: Mapping[str, Thresholds]) -> Policy:
        """The same policy with some categories' thresholds replaced (from configuration)."""
        categories = dict(self.categories)
        for name, thresholds in overrides.items():
            _check_thresholds(thresholds, where=f"threshold override for {name!r}")
            categories[name] = replace(self.category(name), thresholds=thresholds)
        return replace(self, categories=MappingProxyType(categories))


def load_policy(path: Path | str | None = None) -> Policy:
    """The packaged policy (parsed once and cached) or, given a path, that file."""
    if path is None:
        return _packaged_policy()
    path = Path(path)
    return parse_policy(path.read_text(encoding="utf-8"), source=str(path))


@cache
def _packaged_policy() -> Policy:
    text = resources.files("parley.moderation").joinpath("policy.toml").read_text("utf-8")
    return parse_policy(text, source="parley/moderation/policy.toml")


def parse_policy(text: str, *, source: str = "<policy>") -> Policy:
    """Parse and validate policy TOML; any mistake raises PolicyError naming where it is."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PolicyError(f"{source}: not valid TOML: {error}") from error
    _no_unknown(data, _TOP_FIELDS, where=source)
    version = data.get("version")
    if not isinstance(version, str) or not version.strip():
        raise PolicyError(f"{source}: `version` must be a non-empty string")
    categories = _parse_categories(data.get("categories"), source=source)
    raw_rules = data.get("rules")
    if not isinstance(raw_rules, list) or not raw_rules:
        raise PolicyError(f"{source}: `rules` must be a non-empty array of tables")
    rules: list[Rule] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_rules, start=1):
        rule = _parse_rule(raw, categories, source=source, index=index)
        if rule.id in seen:
            raise PolicyError(f"{source}: duplicate rule id {rule.id!r}")
        seen.add(rule.id)
        rules.append(rule)
    empty = sorted(set(categories) - {rule.category for rule in rules})
    if empty:
        raise PolicyError(f"{source}: categories without any rule: {', '.join(empty)}")
    return Policy(version=version, categories=MappingProxyType(categories), rules=tuple(rules))


def _parse_categories(raw: object, *, source: str) -> dict[str, Category]:
    if not isinstance(raw, dict) or not raw:
        raise PolicyError(f"{source}: `categories` must be a table of categories")
    missing = sorted(REQUIRED_CATEGORIES - set(raw))
    if missing:
        raise PolicyError(f"{source}: missing categories: {', '.join(missing)}")
    categories: dict[str, Category] = {}
    for name, body in raw.items():
        where = f"{source}: category {name!r}"
        if not CATEGORY_NAME.match(name):
            raise PolicyError(f"{where}: names are lowercase letters, digits and _")
        if not isinstance(body, dict):
            raise PolicyError(f"{where}: must be a table")
        _no_unknown(body, _CATEGORY_FIELDS, where=where)
        thresholds = Thresholds(
            quarantine=_number(body, "quarantine_threshold", where=where),
            remove=_number(body, "remove_threshold", where=where),
        )
        _check_thresholds(thresholds, where=where)
        categories[name] = Category(
            name=name,
            title=_text(body, "title", where=where),
            disclosable=_flag(body, "disclosable", where=where),
            thresholds=thresholds,
        )
    return categories


def _parse_rule(
    raw: object, categories: Mapping[str, Category], *, source: str, index: int
) -> Rule:
    if not isinstance(raw, dict):
        raise PolicyError(f"{source}: rule #{index} must be a table")
    rule_id = _text(raw, "id", where=f"{source}: rule #{index}")
    where = f"{source}: rule {rule_id!r}"
    _no_unknown(raw, _RULE_FIELDS, where=where)
    if not RULE_ID.match(rule_id):
        raise PolicyError(f"{where}: ids look like `illegal.drugs.sale` (lowercase, dotted)")
    category = _text(raw, "category", where=where)
    if category not in categories:
        raise PolicyError(f"{where}: unknown category {category!r}")
    if category not in rule_id.split("."):
        raise PolicyError(f"{where}: the id must contain its category {category!r}")
    severity = raw.get("severity")
    if isinstance(severity, bool) or not isinstance(severity, int) or not 1 <= severity <= 5:
        raise PolicyError(f"{where}: `severity` must be an integer from 1 to 5")
    action_name = _text(raw, "default_action", where=where)
    try:
        action = Action(action_name)
    except ValueError:
        allowed = ", ".join(a.value for a in Action)
        raise PolicyError(
            f"{where}: unknown default_action {action_name!r} (one of: {allowed})"
        ) from None
    disclosable = _flag(raw, "disclosable", where=where)
    if disclosable != categories[category].disclosable:
        raise PolicyError(
            f"{where}: disclosable={disclosable} disagrees with category {category!r}"
        )
    return Rule(
        id=rule_id,
        title=_text(raw, "title", where=where),
        category=category,
        severity=severity,
        default_action=action,
        disclosable=disclosable,
        description=" ".join(_text(raw, "description", where=where).split()),
        covered=_texts(raw, "covered", where=where),
        not_covered=_texts(raw, "not_covered", where=where),
    )


def _check_thresholds(thresholds: Thresholds, *, where: str) -> None:
    if not 0.0 <= thresholds.quarantine <= thresholds.remove <= 1.0:
        raise PolicyError(f"{where}: thresholds need 0 <= quarantine <= remove <= 1")


def _no_unknown(data: Mapping[str, Any], known: frozenset[str], *, where: str) -> None:
    unknown = sorted(set(data) - known)
    if unknown:
        raise PolicyError(f"{where}: unknown field(s): {', '.join(unknown)}")


def _text(data: Mapping[str, Any], key: str, *, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise PolicyError(f"{where}: `{key}` must be a non-empty string")
    return value


def _flag(data: Mapping[str, Any], key: str, *, where: str) -> bool:
    value = data.get(key)
    if not isinstance(value, bool):
        raise PolicyError(f"{where}: `{key}` must be true or false")
    return value


def _number(data: Mapping[str, Any], key: str, *, where: str) -> float:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PolicyError(f"{where}: `{key}` must be a number")
    return float(value)


def _texts(data: Mapping[str, Any], key: str, *, where: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise PolicyError(f"{where}: `{key}` must be a list of strings")
    return tuple(value)
