"""Parley: a self-hostable messaging platform with accountable trust and safety."""

__version__ = "0.1.0"
