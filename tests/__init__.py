"""Tests of Sofa SCIM Desktop."""
