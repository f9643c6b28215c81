"""The words of the password page in English and Czech."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Set your Sofa password",
        "intro": "Choose the password for the Sofa user <strong>{user}</strong>.",
        "password": "New password",
        "confirmation": "New password again",
        "rule": "At least 12 characters, and not your user name.",
        "submit": "Set password",
        "done_title": "Password set",
        "done": "Your password is set. You can now sign in to Sofa as <strong>{user}</strong>.",
        "used_title": "This link has been used",
        "used": "The password has already been set with this link; each link works once. "
        "If you need to set it again, ask your administrator.",
        "expired_title": "This link has expired",
        "expired": "The link is no longer valid. Ask your administrator for a new one.",
        "unknown_title": "This link is not valid",
        "unknown": "Check that you opened the whole link from the e-mail, or ask your "
        "administrator for a new one.",
        "bad_title": "The request was not understood",
        "bad": "Please open the link from the e-mail again and use the form.",
        "mismatch": "The two passwords differ.",
        "short": "The password is too short: it needs at least 12 characters.",
        "user_name": "The password must not be your user name.",
    },
    "cs": {
        "title": "Nastavení hesla do aplikace Sofa",
        "intro": "Zvolte heslo pro uživatele Sofa <strong>{user}</strong>.",
        "password": "Nové heslo",
        "confirmation": "Nové heslo znovu",
        "rule": "Alespoň 12 znaků a nesmí se shodovat s vaším uživatelským jménem.",
        "submit": "Nastavit heslo",
        "done_title": "Heslo je nastaveno",
        "done": "Vaše heslo je nastaveno. Nyní se můžete do aplikace Sofa přihlásit jako "
        "<strong>{user}</strong>.",
        "used_title": "Tento odkaz už byl použit",
        "used": "Heslo už bylo pomocí tohoto odkazu nastaveno; každý odkaz lze použít jen "
        "jednou. Potřebujete-li jej nastavit znovu, obraťte se na svého administrátora.",
        "expired_title": "Platnost odkazu vypršela",
        "expired": "Odkaz už neplatí. Požádejte svého administrátora o nový.",
        "unknown_title": "Tento odkaz není platný",
        "unknown": "Zkontrolujte, že jste otevřeli celý odkaz z emailu, nebo požádejte svého "
        "administrátora o nový.",
        "bad_title": "Požadavku se nepodařilo porozumět",
        "bad": "Otevřete prosím odkaz z emailu znovu a použijte formulář.",
        "mismatch": "Zadaná hesla se liší.",
        "short": "Heslo je příliš krátké: musí mít alespoň 12 znaků.",
        "user_name": "Heslo se nesmí shodovat s vaším uživatelským jménem.",
    },
}

PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{title}</title>
<style>
body {{ margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif;
  background: #f3f4f6; color: #1f2937; }}
main {{ max-width: 26rem; margin: 4rem auto; padding: 2rem; background: #fff;
  border-radius: 12px; box-shadow: 0 2px 12px rgba(0, 0, 0, .08); }}
h1 {{ font-size: 1.35rem; margin: 0 0 1rem; }}
label {{ display: block; margin: 1rem 0 .25rem; font-weight: 600; }}
input {{ box-sizing: border-box; width: 100%; padding: .6rem; font-size: 1rem;
  border: 1px solid #9ca3af; border-radius: 6px; }}
input:focus {{ outline: 2px solid #2563eb; border-color: #2563eb; }}
button {{ margin-top: 1.5rem; width: 100%; padding: .7rem; font-size: 1rem; font-weight: 600;
  color: #fff; background: #2563eb; border: 0; border-radius: 6px; cursor: pointer; }}
.hint {{ color: #4b5563; font-size: .9rem; }}
.error {{ padding: .6rem .8rem; background: #fef2f2; color: #991b1b;
  border-left: 4px solid #dc2626; border-radius: 4px; }}
</style>
</head>
<body><main>
<h1>{title}</h1>
{content}
</main></body>
</html>
"""

FORM = """<p>{intro}</p>
{error}<form method="post" autocomplete="off">
<label for="password">{password}</label>
<input id="password" name="password" type="password" minlength="12" required
  autocomplete="new-password" autofocus>
<label for="confirmation">{confirmation}</label>
<input id="confirmation" name="confirmation" type="password" minlength="12" required
  autocomplete="new-password">
<p class="hint">{rule}</p>
<button type="submit">{submit}</button>
</form>"""
