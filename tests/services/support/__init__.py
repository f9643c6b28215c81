"""Tests of sofa_scim_desktop.services.support: masking and the bundle."""
