"""Hardening: login throttling."""
