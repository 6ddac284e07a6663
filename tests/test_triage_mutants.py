"""Tests that pin down behaviour the other triage tests left open (found by mutation testing)."""
