"""Sofa SCIM Desktop: the SCIM 2.0 endpoint Entra ID provisions into, and its admin app."""

__version__ = "0.1.0"
