"""The demo world that `make run` seeds: people on test numbers, public channels and groups
with a few hundred posts, staff accounts for moderation and legal review."""
