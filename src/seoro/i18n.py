"""One message catalogue (locales/ko.toml, locales/en.toml) for the CLI, errors and exports."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

LANGS = ("ko", "en")


@cache
def catalogue(lang: str) -> dict[str, str]:
    text = resources.files("seoro").joinpath(f"locales/{lang}.toml").read_text(encoding="utf-8")
    return _flatten(tomllib.loads(text))


def _flatten(tree: dict[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in tree.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = str(value)
    return flat


def t(key: str, lang: str, /, **params: Any) -> str:
    """The message ``key`` in ``lang`` with ``params`` filled in; unknown keys say so rather than vanish."""
    messages = catalogue(lang if lang in LANGS else "en")
    template = messages.get(key)
    if template is None:
        return f"{key} {params}" if params else key
    if "entity" in params:  # record kinds read better in the reader's language ("프로필", not "profile")
        params = {**params, "entity": messages.get(f"entity.{params['entity']}", params["entity"])}
    return template.format(**params)


def both(key: str, /, **params: Any) -> str:
    """Korean and English together, for messages written where the reader's language is unknown."""
    return f"{t(key, 'ko', **params)} / {t(key, 'en', **params)}"
