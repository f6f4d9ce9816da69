"""Seoro (서로): international R&D and business cooperation for regional innovation agencies."""

__version__ = "0.1.0"
