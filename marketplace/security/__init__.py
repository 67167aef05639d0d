"""Hardening: login throttling and the Content-Security-Policy."""
