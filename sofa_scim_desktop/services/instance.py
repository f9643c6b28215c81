"""The process's identity: a random id that /healthz reports, so that a check through a proxy
can tell that it reached this very server (SPEC §8.1).
"""

from __future__ import annotations

import secrets

INSTANCE_ID = secrets.token_hex(8)
