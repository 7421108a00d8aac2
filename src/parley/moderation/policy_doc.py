"""docs/moderation-policy.md, rendered from the policy file so the two never disagree.

tests/moderation/test_policy_doc.py fails when the committed page differs from this
rendering; regenerate it with `parley moderation policy-doc > docs/moderation-policy.md`."""

from __future__ import annotations

from parley.moderation.policy import Policy

REGENERATE = "parley moderation policy-doc > docs/moderation-policy.md"


def render_policy_markdown(policy: Policy) -> str:
    lines: list[str] = [
        "# Moderation policy",
        "",
        "<!-- Generated from src/parley/moderation/policy.toml: do not edit by hand. -->",
        f"<!-- Regenerate with `{REGENERATE}`. -->",
        "",
        f"Policy version **{policy.version}**. These are the rules of this Parley server.",
        "Every moderation decision cites one of them.",
        "",
        "## Rules",
        "",
        "| Rule | Title | Category | Severity | Default action | Disclosable |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for rule in policy.rules:
        lines.append(
            f"| [`{rule.id}`](#{_anchor(rule.id)}) | {rule.title} | {rule.category} "
            f"| {rule.severity} | {rule.default_action.value} | {_yes(rule.disclosable)} |"
        )
    lines += [
        "",
        "*Disclosable*: a confirmed violation of the rule makes the author's phone number and",
        "IP addresses disclosable to a valid legal request, and nothing else. Speech rules are",
        "never disclosable.",
        "",
    ]
    for rule in policy.rules:
        lines += [
            f"### {rule.id}",
            "",
            f"**{rule.title}** — category `{rule.category}`, severity {rule.severity} of 5,",
            f"default action `{rule.default_action.value}`, "
            f"disclosable: {_yes(rule.disclosable).lower()}.",
            "",
            rule.description,
            "",
        ]
        if rule.covered:
            lines += ["Covered, for example:", ""]
            lines += [f"- {example}" for example in rule.covered]
            lines.append("")
        if rule.not_covered:
            lines += ["Not covered, for example:", ""]
            lines += [f"- {example}" for example in rule.not_covered]
            lines.append("")
    lines += [
        "## Automatic-action thresholds",
        "",
        "A detector gives each post a probability per category. At or above the quarantine",
        "threshold the post is hidden from search until a moderator looks; at or above the",
        "remove threshold it is removed, and the author may appeal. A threshold of 1.00 means",
        "the category is never acted on automatically. These are defaults: operators may",
        "override them in configuration.",
        "",
        "| Category | Title | Quarantine at | Remove at | Disclosable |",
        "| --- | --- | --- | --- | --- |",
    ]
    for category in policy.categories.values():
        t = category.thresholds
        lines.append(
            f"| `{category.name}` | {category.title} | {t.quarantine:.2f} | {t.remove:.2f} "
            f"| {_yes(category.disclosable)} |"
        )
    lines += [
        "",
        "## How decisions work",
        "",
        "- Every decision cites one rule of this policy by its id and version.",
        "- Every decision states its reasons, with the fields of EU Digital Services Act",
        "  Article 17: what was restricted and how (removal, search quarantine, delisting,",
        "  account restriction), the facts and circumstances relied on, whether automated",
        "  means detected or decided it, the rule breached, and how to seek redress.",
        "- Automated detection only quarantines or removes content. Restricting or banning a",
        "  user, or delisting a chat, always takes a human decision.",
        "- The affected user can appeal a decision once. The appeal is decided by a different",
        "  moderator from the one who made the decision, and that outcome is final on the",
        "  platform (courts and out-of-court dispute bodies remain open).",
        "",
    ]
    return "\n".join(lines)


def _yes(flag: bool) -> str:
    return "Yes" if flag else "No"


def _anchor(rule_id: str) -> str:
    """GitHub's heading anchor for a rule id heading (dots dropped)."""
    return rule_id.replace(".", "")
