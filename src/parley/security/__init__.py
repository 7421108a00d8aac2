"""Tokens, one-time codes, field encryption, signatures, canonical JSON, rate limits."""
