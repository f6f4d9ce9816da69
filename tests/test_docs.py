"""The docs are generated from the code, and the message catalogues are complete in both languages."""

import ast
import importlib.util
import re
from pathlib import Path

import pytest

from seoro.config import SETTINGS
from seoro.i18n import catalogue

pytestmark = pytest.mark.unit
ROOT = Path(__file__).resolve().parent.parent


def _gen_docs():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "scripts" / "gen_docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_is_current() -> None:
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == _gen_docs().render_cli()


def test_import_templates_doc_is_current() -> None:
    assert (ROOT / "docs" / "import-templates.md").read_text(encoding="utf-8") == _gen_docs().render_templates()


def test_every_setting_is_documented() -> None:
    text = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    assert [name for name, s in SETTINGS.items() if f"`{s.env}`" not in text or f"| {name} |" not in text] == []


def test_catalogues_have_the_same_keys() -> None:
    assert sorted(catalogue("ko")) == sorted(catalogue("en"))


def _codes_in_source() -> set[str]:
    """Every error code the code can raise: DomainError("x"), check.add("key", "x"), Problem(..., "x")."""
    codes: set[str] = set()
    for path in (ROOT / "src" / "seoro").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            position = {"DomainError": 0, "add": 1, "Problem": 2, "_problem": 1}.get(name or "")
            if (
                position is not None
                and len(node.args) > position
                and isinstance(node.args[position], ast.Constant)
                and isinstance(node.args[position].value, str)
            ):
                codes.add(node.args[position].value)
    return codes


def test_every_error_code_has_a_message_in_both_languages() -> None:
    codes = _codes_in_source()
    assert len(codes) > 30
    for lang in ("ko", "en"):
        assert sorted(c for c in codes if f"error.{c}" not in catalogue(lang)) == [], lang


def test_every_message_key_used_exists() -> None:
    used: set[str] = set()
    for path in (ROOT / "src" / "seoro").rglob("*.py"):
        used |= set(re.findall(r"""\bt\(\s*["']((?:cli|error)\.[a-z_.]+)["']""", path.read_text(encoding="utf-8")))
    assert sorted(k for k in used if k not in catalogue("en")) == []
