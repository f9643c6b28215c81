"""Which public base URLs Entra can reach (SPEC §3, §8.2): HTTPS, on the internet."""

from __future__ import annotations

import pytest

from sofa_scim_desktop.domain.public_url import BARE_HOST
from sofa_scim_desktop.domain.public_url import LOCAL
from sofa_scim_desktop.domain.public_url import NO_HOST
from sofa_scim_desktop.domain.public_url import NOT_HTTPS
from sofa_scim_desktop.domain.public_url import PRIVATE
from sofa_scim_desktop.domain.public_url import classify


@pytest.mark.parametrize(
    "url",
    [
        "https://sofa.contoso.com",
        "https://sofa.contoso.com/",
        "https://sofa.contoso.com:8443/sofa",
        "https://8.8.8.8",  # a global address
        "https://[2001:4860:4860::8888]",
        "  https://SOFA.Contoso.COM  ",
    ],
)
def test_a_public_https_address_has_no_problem(url: str) -> None:
    found = classify(url)
    assert found.problems == ()
    assert found.reachable


@pytest.mark.parametrize(
    ("url", "problems"),
    [
        ("http://127.0.0.1:8080", (NOT_HTTPS, LOCAL)),  # the default
        ("http://sofa.contoso.com", (NOT_HTTPS,)),
        ("https://localhost:8443", (LOCAL,)),
        ("https://sofa.localhost", (LOCAL,)),
        ("https://[::1]", (LOCAL,)),
        ("https://0.0.0.0", (LOCAL,)),
        ("https://10.1.2.3", (PRIVATE,)),
        ("https://172.16.0.1", (PRIVATE,)),
        ("https://192.168.1.10", (PRIVATE,)),
        ("https://169.254.10.1", (PRIVATE,)),  # link-local
        ("https://100.64.0.1", (PRIVATE,)),  # shared (CGNAT)
        ("https://203.0.113.10", (PRIVATE,)),  # documentation
        ("https://[fe80::1]", (PRIVATE,)),
        ("https://[fd00::1]", (PRIVATE,)),
        ("https://sofa.local", (PRIVATE,)),
        ("https://sofa.home.arpa", (PRIVATE,)),
        ("https://sofa.internal", (PRIVATE,)),
        ("https://sofa", (BARE_HOST,)),
        ("https://sofa:8443/scim", (BARE_HOST,)),
        ("http://fileserver", (NOT_HTTPS, BARE_HOST)),
        ("https://", (NO_HOST,)),
        ("https://sofa.contoso.com:port", (NO_HOST,)),
    ],
)
def test_what_entra_cannot_reach_is_named(url: str, problems: tuple[str, ...]) -> None:
    found = classify(url)
    assert found.problems == problems
    assert not found.reachable


def test_the_parts_are_kept_for_the_connection_check() -> None:
    found = classify("https://sofa.contoso.com:8443/sofa/")
    assert (found.url, found.host, found.port, found.path) == (
        "https://sofa.contoso.com:8443/sofa",
        "sofa.contoso.com",
        8443,
        "/sofa",
    )
