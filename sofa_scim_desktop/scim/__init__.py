"""The SCIM 2.0 HTTP server (Falcon on Waitress)."""
