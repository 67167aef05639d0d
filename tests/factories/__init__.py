"""Factories and builders shared by the suite, one module per area."""
