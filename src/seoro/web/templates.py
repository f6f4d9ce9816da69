"""Jinja templates with what every page needs: the message catalogue in the reader's language, the
CSRF token, the signed-in account and the language switch. Autoescaping is on for every template."""

from __future__ import annotations

from importlib import resources
from typing import Any

from fastapi import Request
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.responses import HTMLResponse

from seoro.domain.text import BilingualText
from seoro.http.security import account_of, csrf_token, lang_of
from seoro.i18n import t

_ENV = Environment(
    loader=FileSystemLoader(str(resources.files("seoro").joinpath("web/templates"))),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
    auto_reload=False,  # the templates ship with the package: no file checks on every page
)


def pick(text: BilingualText | None, lang: str) -> str:
    return text.pick(lang) if text else ""


def render(request: Request, name: str, context: dict[str, Any] | None = None, *, status: int = 200) -> HTMLResponse:
    lang = lang_of(request)
    page = _ENV.get_template(name).render(
        request=request,
        lang=lang,
        t=lambda key, **params: t(key, lang, **params),
        pick=lambda text: pick(text, lang),
        csrf=csrf_token(request),
        account=account_of(request),
        path=request.url.path,
        **(context or {}),
    )
    return HTMLResponse(page, status_code=status)
