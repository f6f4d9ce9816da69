"""One message catalogue (locales/ko.toml, locales/en.toml, and per-area parts in locales/ko/, locales/en/)
for the CLI, errors, exports and the web app."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

LANGS = ("ko", "en")


@cache
def catalogue(lang: str) -> dict[str, str]:
    """``locales/{lang}.toml`` and every ``locales/{lang}/*.toml`` (one per area, e.g. the web pages);
    a key defined twice is a mistake."""
    root = resources.files("seoro").joinpath("locales")
    flat = _flatten(tomllib.loads(root.joinpath(f"{lang}.toml").read_text(encoding="utf-8")))
    folder = root.joinpath(lang)
    parts = (
        sorted((p for p in folder.iterdir() if p.name.endswith(".toml")), key=lambda p: p.name)
        if folder.is_dir()
        else []
    )
    for part in parts:
        more = _flatten(tomllib.loads(part.read_text(encoding="utf-8")))
        twice = sorted(flat.keys() & more.keys())
        if twice:
            raise ValueError(f"{part.name} defines keys already defined: {', '.join(twice[:5])}")
        flat.update(more)
    return flat


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
