"""Tests of e-mail (SPEC §5)."""
