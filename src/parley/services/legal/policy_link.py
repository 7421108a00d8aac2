"""The one place the legal process asks the moderation policy anything: which categories exist
and which make a confirmed violation disclosable. Speech categories never are by default."""

from __future__ import annotations

from parley.moderation.policy import load_policy


def policy_categories() -> frozenset[str]:
    """Every category of the platform policy: an offence must name one of them."""
    return frozenset(load_policy().categories)


def disclosable_categories() -> frozenset[str]:
    """The categories whose confirmed violations make phone number and IPs disclosable."""
    policy = load_policy()
    return frozenset(name for name in policy.categories if policy.is_disclosable(name))
