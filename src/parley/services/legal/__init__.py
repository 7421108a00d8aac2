"""Valid legal requests as a checked, audited, published process (docs/legal-requests.md):
authorities and their keys, intake with every check recorded, two-officer review, the signed
disclosure package, and the notice owed to the affected user."""

from __future__ import annotations

from parley.security.signatures import key_fingerprint
from parley.services.legal.authorities import (
    KeySpec,
    Registered,
    add_key,
    authenticate_authority,
    list_authorities,
    register_authority,
    revoke_key,
    rotate_api_key,
)
from parley.services.legal.disclosure import (
    PlatformKey,
    platform_key,
    platform_signer,
    retrieve_package,
)
from parley.services.legal.intake import (
    authority_view,
    get_own_request,
    list_own_requests,
    submit_request,
)
from parley.services.legal.notify import send_due_notices
from parley.services.legal.policy_link import disclosable_categories, policy_categories
from parley.services.legal.review import (
    OfficerView,
    approve_request,
    confirm_request,
    get_request,
    list_queue,
    list_rereviews,
    overdue_rereviews,
    reject_request,
    rereview_request,
)

__all__ = [
    "KeySpec",
    "OfficerView",
    "PlatformKey",
    "Registered",
    "add_key",
    "approve_request",
    "authenticate_authority",
    "authority_view",
    "confirm_request",
    "disclosable_categories",
    "get_own_request",
    "get_request",
    "key_fingerprint",
    "list_authorities",
    "list_own_requests",
    "list_queue",
    "list_rereviews",
    "overdue_rereviews",
    "platform_key",
    "platform_signer",
    "policy_categories",
    "register_authority",
    "reject_request",
    "rereview_request",
    "retrieve_package",
    "revoke_key",
    "rotate_api_key",
    "send_due_notices",
    "submit_request",
]
