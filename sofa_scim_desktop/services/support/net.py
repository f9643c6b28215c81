"""The last safety net over all text of the support bundle: secrets by their shape (bearer
tokens, argon2 and SHA-256 hashes, long random strings), e-mail addresses by theirs, and the
names and numbers of the people this database knows, wherever they stand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import unquote_plus

from sofa_scim_desktop.services.support.mask import OPAQUE
from sofa_scim_desktop.services.support.mask import PERSON
from sofa_scim_desktop.services.support.mask import PHONE
from sofa_scim_desktop.services.support.mask import REDACTED
from sofa_scim_desktop.services.support.mask import SECRET
from sofa_scim_desktop.services.support.mask import UUID
from sofa_scim_desktop.services.support.mask import email
from sofa_scim_desktop.services.support.mask import mask_tree
from sofa_scim_desktop.services.support.mask import phone

# (pattern, replacement), applied in this order: the header before the token it carries.
_SECRETS = (
    (re.compile(r"(?i)\b(authorization[\"']?\s*[:=]\s*[\"']?)(?:(?:bearer|basic)\s+)?[^\s\"',;}]+"),
     rf"\1{REDACTED}"),
    (re.compile(r"(?i)\b(bearer|basic)\s+(?!\[redacted\])[A-Za-z0-9._~+/=-]+"), rf"\1 {REDACTED}"),
    (re.compile(r"\$argon2(?:id|i|d)\$[^\s\"'}]*"), REDACTED),  # its parameters hold commas
    (re.compile(r"(/password/)(?!\[redacted\])[A-Za-z0-9_-]+"), rf"\1{REDACTED}"),
)  # fmt: skip
# PERF: the patterns above run only on a text that holds one of these.
_SECRET_HINT = re.compile(r"(?i)authorization|bearer|basic|\$argon2|/password/")
_DIGIT = re.compile(r"\d")
# Keys and password-link tokens are 43 characters of base64url, SHA-256 hashes 64 of hex.
_LONG_TOKEN = re.compile(r"(?<![\w-])[A-Za-z0-9_-]{32,}(?![\w-])")
_EMAIL = re.compile(r"(?<![\w.+-])\w[\w.+-]*(?:@|%40)(?:[\w-]+\.)+[A-Za-z]{2,}\b")
_PHONE = re.compile(r"\+?\(?\d[\d ()./-]{5,}\d")
# Letters and digits together: a name inside an object id's hex ("3ada1") is no name.
NATIONAL_DIGITS = 9  # a subscriber number without its country code, in most of Europe
_WORD = re.compile(r"[^\W_]{2,}")
_QUERY = re.compile(r"\?[^\s\"]*")
# Words of our own messages a name could also be: masking them would hide what happened.
STOPWORDS = frozenset({"user", "group", "role", "test", "admin", "sofa", "entra", "scim"})


class Masker:
    """Learns the people's values (from the directory and the structured data it masks),
    then masks them, and every secret-shaped string, in any text.
    """

    def __init__(self, keep: Iterable[str] = (), keep_tokens: Iterable[str] = ()) -> None:
        """`keep`: names that are no one's (the synchronizations' identifiers and names);
        `keep_tokens`: long names that are not secrets (the schema's migrations).
        """
        kept = [k for k in keep if k]
        self._keep_exact = set(kept) | set(keep_tokens)
        self._keep_words = STOPWORDS | {w.lower() for k in kept for w in _WORD.findall(k)}
        self._words: set[str] = set()
        self._digits: set[str] = set()
        self._forbidden: list[str] = []  # longest first
        self._learnt: set[tuple[str, str]] = set()

    def forbid(self, secret: str | None) -> None:
        """A value that must never appear (the SMTP password), whatever its shape."""
        if secret and len(secret) >= 4 and secret != REDACTED and secret not in self._forbidden:
            self._forbidden.append(secret)
            self._forbidden.sort(key=len, reverse=True)

    def learn(self, kind: str, value: str) -> None:
        value = value.strip()
        if not value or (kind, value) in self._learnt or UUID.match(value):
            return
        self._learnt.add((kind, value))  # PERF: a log repeats each user's values many times
        if kind == SECRET:
            self.forbid(value)
            return
        if kind in (PHONE, OPAQUE):
            digits = re.sub(r"\D", "", value)
            if len(digits) >= 6:  # also without the country code: "777 123 456"
                self._digits.update((digits, digits[-NATIONAL_DIGITS:]))
        if kind in (PERSON, OPAQUE):
            local = value.rpartition("@")[0] or value  # the domain names no one
            for word in _WORD.findall(local):
                if not word.isdigit() and word.lower() not in self._keep_words:
                    self._words.add(word.lower())

    def learn_tree(self, value: Any) -> None:
        mask_tree(value, seen=self.learn)

    def tree(self, value: Any) -> Any:
        """Structured data: masked by field, then every string through `leaf`."""
        return _strings(mask_tree(value), self.leaf)

    def leaf(self, text: str) -> str:
        """One value: its URL's query decoded first (`%40` hides an address), then masked."""
        if "?" in text:
            text = _QUERY.sub(lambda m: unquote_plus(m.group()), text)
        return self.text(text)

    def text(self, text: str) -> str:
        for secret in self._forbidden:
            text = text.replace(secret, REDACTED)
        if _SECRET_HINT.search(text):
            for pattern, replacement in _SECRETS:
                text = pattern.sub(replacement, text)
        if len(text) >= 32:
            text = _LONG_TOKEN.sub(self._long_token, text)
        if "@" in text or "%40" in text:
            text = _EMAIL.sub(lambda m: email(m.group().replace("%40", "@")), text)
        if _DIGIT.search(text):
            text = _PHONE.sub(self._phone, text)
        return _WORD.sub(self._word, text)

    def _long_token(self, match: re.Match[str]) -> str:
        token = match.group()
        return token if token in self._keep_exact or UUID.match(token) else REDACTED

    def _phone(self, match: re.Match[str]) -> str:
        candidate = match.group()
        digits = re.sub(r"\D", "", candidate)
        known = digits in self._digits or digits[-NATIONAL_DIGITS:] in self._digits
        known = known or (candidate.startswith("+") and len(digits) >= 8)
        return phone(candidate) if known else candidate

    def _word(self, match: re.Match[str]) -> str:
        word = match.group()
        return f"{word[0].upper()}." if word.lower() in self._words else word


def _strings(value: Any, change: Any) -> Any:
    if isinstance(value, dict):
        return {key: _strings(item, change) for key, item in value.items()}
    if isinstance(value, list):
        return [_strings(item, change) for item in value]
    return change(value) if isinstance(value, str) else value
