"""The mail tests' SMTP sink and worker, reused: the bundle's scene sends real mail."""

from tests.services.mail.conftest import clock  # noqa: F401
from tests.services.mail.conftest import smtp  # noqa: F401
from tests.services.mail.conftest import worker  # noqa: F401
