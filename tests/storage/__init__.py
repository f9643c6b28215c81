"""Tests of sofa_scim_desktop.storage."""
