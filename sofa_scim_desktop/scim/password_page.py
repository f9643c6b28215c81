"""The page behind a password-set link (SPEC §5): `/password/{token}`, outside the SCIM API
and its bearer keys; the one-time token in the URL is the credential.
"""

from __future__ import annotations

import html
from urllib.parse import parse_qs

import falcon

from sofa_scim_desktop.scim.password_texts import FORM
from sofa_scim_desktop.scim.password_texts import PAGE
from sofa_scim_desktop.scim.password_texts import TEXTS
from sofa_scim_desktop.services.passwords import Link
from sofa_scim_desktop.services.passwords import LinkState
from sofa_scim_desktop.services.passwords import PasswordLinks
from sofa_scim_desktop.services.passwords import weakness

MAX_BODY = 4096  # two passwords fit many times; anything bigger is not our form.
FORM_TYPE = "application/x-www-form-urlencoded"
_STATUS = {LinkState.UNKNOWN: 404, LinkState.USED: 410, LinkState.EXPIRED: 410}
_HEADERS = {
    # The token is in the URL: keep it out of Referer headers, caches and frames.
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'"
    ),
}


class PasswordPage:
    def __init__(self, links: PasswordLinks) -> None:
        self.links = links

    def on_get(self, req: falcon.Request, resp: falcon.Response, token: str) -> None:
        link = self.links.look_up(token)
        if link.state is LinkState.VALID:
            _form(resp, link)
        else:
            _state_page(resp, link)

    def on_post(self, req: falcon.Request, resp: falcon.Response, token: str) -> None:
        link = self.links.look_up(token)
        if link.state is not LinkState.VALID:
            return _state_page(resp, link)
        form = _read_form(req)
        if form is None:
            return _page(resp, link.language, "bad", 400)
        password, confirmation = form.get("password", ""), form.get("confirmation", "")
        problem = weakness(password, confirmation, link.user_name)
        if problem:
            return _form(resp, link, problem, 422)
        state = self.links.set_password(token, password)
        if state is not LinkState.VALID:
            return _state_page(resp, link, state)
        _page(resp, link.language, "done", 200, link.user_name)


def _read_form(req: falcon.Request) -> dict[str, str] | None:
    """The two fields, or None for a body that is not our small form."""
    if (req.content_type or "").split(";")[0].strip().lower() != FORM_TYPE:
        return None
    if req.content_length is None or req.content_length > MAX_BODY:
        return None
    raw = req.bounded_stream.read(MAX_BODY + 1)
    if len(raw) > MAX_BODY:
        return None
    try:
        fields = parse_qs(raw.decode("utf-8"), max_num_fields=10)
    except (UnicodeDecodeError, ValueError):
        return None
    return {name: values[0] for name, values in fields.items()}


def _texts(language: str) -> dict[str, str]:
    return TEXTS.get(language, TEXTS["en"])


def _form(resp: falcon.Response, link: Link, problem: str | None = None, status: int = 200) -> None:
    texts = _texts(link.language)
    error = f'<p class="error" role="alert">{texts[problem]}</p>\n' if problem else ""
    intro = texts["intro"].format(user=html.escape(link.user_name))
    content = FORM.format(**{**texts, "intro": intro, "error": error})
    _write(resp, link.language, texts["title"], content, status)


def _state_page(resp: falcon.Response, link: Link, state: LinkState | None = None) -> None:
    state = state or link.state
    _page(resp, link.language, state.value, _STATUS.get(state, 400))


def _page(resp: falcon.Response, language: str, name: str, status: int, user: str = "") -> None:
    texts = _texts(language)
    content = f"<p>{texts[name].format(user=html.escape(user))}</p>"
    _write(resp, language, texts[f"{name}_title"], content, status)


def _write(resp: falcon.Response, language: str, title: str, content: str, status: int) -> None:
    resp.status = status
    resp.content_type = "text/html; charset=utf-8"
    resp.set_headers(_HEADERS)
    resp.text = PAGE.format(lang=language, title=html.escape(title), content=content)
