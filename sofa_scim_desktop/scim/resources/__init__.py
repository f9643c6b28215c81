"""Falcon resources: Users, Groups and the discovery endpoints."""
