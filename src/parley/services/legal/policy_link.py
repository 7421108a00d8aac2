"""The one place the legal process asks the moderation policy anything: which categories exist
and which make a confirmed violation disclosable. Speech categories never are by default."""

from __future__ import annotations

# Until the policy module lands (branch `ml`: parley.moderation.policy.load_policy), these mirror
# its categories; switching is the two function bodies below.
_STAND_IN = {
    "drugs": True,
    "weapons": True,
    "fake_documents": True,
    "stolen_data": True,
    "fraud": True,
    "cybercrime": True,
    "csam": True,
    "terrorism": True,
    "spam": False,
    "hate_speech": False,
    "harassment": False,
    "misinformation": False,
}


def policy_categories() -> frozenset[str]:
    """Every category of the platform policy: an offence must name one of them."""
    return frozenset(_STAND_IN)


def disclosable_categories() -> frozenset[str]:
    """The categories whose confirmed violations make phone number and IPs disclosable."""
    return frozenset(name for name, disclosable in _STAND_IN.items() if disclosable)
