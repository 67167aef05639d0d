"""Helpers of the suite that are not factories: fixtures, watchers, generators."""
